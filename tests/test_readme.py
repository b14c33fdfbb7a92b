"""The README documents every command of the ``newsgraph`` CLI and every ``NEWSGRAPH_*`` variable the package reads."""

from __future__ import annotations

import re

import typer.main

from newsgraph.cli import app
from tests.shared import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# a variable name as a string literal: os.environ.get("NEWSGRAPH_DB"), _number("NEWSGRAPH_TIMEOUT", ...)
_VARIABLE = re.compile(r"""["'](NEWSGRAPH_[A-Z][A-Z0-9_]*)["']""")


def commands() -> list[str]:
    return sorted(typer.main.get_command(app).commands)  # type: ignore[attr-defined]


def variables() -> set[str]:
    return {name for path in (ROOT / "newsgraph").rglob("*.py")
            for name in _VARIABLE.findall(path.read_text(encoding="utf-8"))}


def test_every_command_is_documented_in_the_readme() -> None:
    assert {"extract", "ingest", "export"} <= set(commands())
    undocumented = [name for name in commands() if f"newsgraph {name}" not in README]
    assert not undocumented, f"README.md shows no `newsgraph NAME` line for: {', '.join(undocumented)}"


def test_every_environment_variable_is_documented_in_the_readme() -> None:
    assert {"NEWSGRAPH_DB", "NEWSGRAPH_MAX_CHARS"} <= variables()  # settings.py reads these
    undocumented = sorted(name for name in variables() if name not in README)
    assert not undocumented, f"README.md does not mention: {', '.join(undocumented)}"
