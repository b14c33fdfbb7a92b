"""The evaluation gate: no figure of any annotated article may fall more than 0.02 below its pinned floor."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from tests.gate.articles import GROUPS, Figures, annotated_articles, figures, load_scorer, score_all
from tests.gate.compare import BASELINE, TOLERANCE, compare, load_baseline
from tests.shared import shared_file


class GateRise(UserWarning):
    """Figures above their floors: the baseline can be raised."""


@pytest.fixture(scope="session")
def measured(shared_dir: Path) -> dict[str, Figures]:
    """Every annotated article extracted once in this process and scored by the shared scorer."""
    shared_file("eval", "score.py")
    results = score_all(annotated_articles(shared_dir), load_scorer(shared_dir))
    return {name: figures(result) for name, result in results.items()}


def test_every_group_of_annotated_articles_is_found_and_scored(shared_dir: Path,
                                                               measured: dict[str, Figures]) -> None:
    found = annotated_articles(shared_dir)
    assert {a.group for a in found} == set(GROUPS)
    assert {a.name for a in found if a.group == "dev"} == {"alma-cers-study"}
    assert set(measured) == {a.name for a in found}
    assert all(isinstance(values["entity_f1"], float) for values in measured.values())


def test_no_figure_drops_below_its_pinned_floor(measured: dict[str, Figures]) -> None:
    comparison = compare(load_baseline(BASELINE), measured)
    if comparison.rises or comparison.unpinned:
        warnings.warn(GateRise(comparison.report()), stacklevel=1)
    if comparison.failed:
        pytest.fail(f"the evaluation gate failed (tolerance {TOLERANCE}, floors in tests/gate/{BASELINE.name}):\n"
                    f"{comparison.report()}", pytrace=False)
