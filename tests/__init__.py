"""newsgraph's tests; a package so that ``tests.gate`` imports the same way from pytest, bench/ and ``python -m``."""
