"""The gate's comparison on made-up figures: which changes fail, which are only reported."""

from __future__ import annotations

from pathlib import Path

from tests.gate.compare import Change, compare, load_baseline, write_baseline

PINNED: dict[str, dict[str, float | None]] = {"a": {"entity_f1": 0.9, "claim_recall": 0.5, "role_accuracy": None},
          "b": {"entity_f1": 1.0}}


def test_equal_figures_pass_with_nothing_to_report() -> None:
    result = compare(PINNED, PINNED)
    assert not result.failed
    assert result.report() == "every figure of every article equals its pinned value"


def test_a_drop_beyond_the_tolerance_fails_and_names_article_figure_and_both_values() -> None:
    result = compare(PINNED, {"a": {"entity_f1": 0.87, "claim_recall": 0.2, "role_accuracy": None},
                              "b": {"entity_f1": 1.0}})
    assert result.failed
    assert result.drops == [Change("a", "claim_recall", 0.5, 0.2), Change("a", "entity_f1", 0.9, 0.87)]
    report = result.report()
    assert "2 figures dropped" in report
    assert "a" in report and "claim_recall" in report and "pinned 0.500" in report and "now 0.200" in report


def test_a_drop_within_the_tolerance_is_reported_but_passes() -> None:
    result = compare(PINNED, {"a": {"entity_f1": 0.88, "claim_recall": 0.5}, "b": {"entity_f1": 1.0}})
    assert not result.failed
    assert result.slips == [Change("a", "entity_f1", 0.9, 0.88)]


def test_a_rise_is_reported_but_passes() -> None:
    result = compare(PINNED, {"a": {"entity_f1": 0.95, "claim_recall": 0.5, "role_accuracy": 0.4},
                              "b": {"entity_f1": 1.0}})
    assert not result.failed
    assert result.rises == [Change("a", "entity_f1", 0.9, 0.95), Change("a", "role_accuracy", None, 0.4)]
    assert "--update" in result.report()


def test_a_pinned_figure_that_is_no_longer_measured_fails() -> None:
    result = compare(PINNED, {"a": {"entity_f1": 0.9, "claim_recall": None}, "b": {"entity_f1": 1.0}})
    assert result.failed and result.drops == [Change("a", "claim_recall", 0.5, None)]
    assert "now  none" in result.report()


def test_a_pinned_article_that_was_not_measured_fails_and_a_new_one_is_reported() -> None:
    result = compare(PINNED, {"a": PINNED["a"], "c": {"entity_f1": 0.3}})
    assert result.failed and result.missing == ["b"] and result.unpinned == ["c"]
    assert "not measured: b" in result.report() and "not in the baseline yet: c" in result.report()


def test_the_baseline_file_round_trips(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    write_baseline(PINNED, path)
    assert load_baseline(path) == PINNED
    assert "commit" in path.read_text(encoding="utf-8")
