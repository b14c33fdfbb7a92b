"""``python -m newsgraph.cli``: the same command as ``newsgraph``."""

from newsgraph.cli import app

app()
