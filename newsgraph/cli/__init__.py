"""The ``newsgraph`` command: a thin shell over ``newsgraph.ingest``, ``newsgraph.store`` and ``newsgraph.export``.

Data goes to stdout, messages (progress, errors) to stderr.  Expected failures
(``NewsgraphError``) print one line without a traceback; the exit status is 1
when any input failed, 2 for usage errors.
"""

# importing the command modules registers their commands, in the order `--help` lists them
# isort: off
from newsgraph.cli import documents  # noqa: F401
from newsgraph.cli import corpus  # noqa: F401
from newsgraph.cli import questions  # noqa: F401
# isort: on
from newsgraph.cli.common import app

__all__ = ["app"]
