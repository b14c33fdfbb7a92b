"""The README's links, make targets and script paths point at things that exist, so a newcomer can follow them."""

from __future__ import annotations

import re

from tests.shared import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
# [text](docs/log/entities.md), [text](#places): the relative targets, without a fragment
_LINK = re.compile(r"\]\((?!https?://|#)([^)#\s]+)")
_MAKE = re.compile(r"`make ([a-z][a-z-]*)")
_SCRIPT = re.compile(r"\b((?:bench|tests|examples)/[\w/]+\.py)\b")


def targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))


def test_every_relative_link_of_the_readme_names_a_file_or_folder() -> None:
    links = set(_LINK.findall(README))
    assert "docs/log/entities.md" in links  # the section logs are linked from their sections
    missing = sorted(link for link in links if not (ROOT / link).exists())
    assert not missing, f"README.md links to missing paths: {', '.join(missing)}"


def test_every_make_target_the_readme_names_is_in_the_makefile() -> None:
    named = set(_MAKE.findall(README))
    assert {"demo", "test", "score", "bench-geo"} <= named
    unknown = sorted(named - targets())
    assert not unknown, f"README.md names make targets the Makefile lacks: {', '.join(unknown)}"


def test_every_script_the_readme_names_exists() -> None:
    scripts = set(_SCRIPT.findall(README))
    assert "bench/score_articles.py" in scripts
    missing = sorted(path for path in scripts if not (ROOT / path).is_file())
    assert not missing, f"README.md names scripts that do not exist: {', '.join(missing)}"


def test_the_first_commands_are_make_demo_and_make_test() -> None:
    first_block = README.split("```sh\n", 1)[1].split("```", 1)[0]
    assert [line.split("#")[0].strip() for line in first_block.splitlines()] == ["make demo", "make test"]
