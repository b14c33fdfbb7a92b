"""Measured figures against the pinned baseline: what dropped, what rose, what is no longer measured.

A figure fails the gate when it falls more than ``TOLERANCE`` below its pinned value, or when a
pinned number is no longer measured at all (an article gone, a figure that became None). A figure
that rises, or an article or figure that is not pinned yet, is reported so the baseline can be
raised, but does not fail.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

TOLERANCE = 0.02
BASELINE = Path(__file__).with_name("baseline.json")
_EPSILON = 1e-9  # the scorer rounds to 3 decimals; this only absorbs float noise

Pinned = Mapping[str, Mapping[str, float | None]]


@dataclass(frozen=True)
class Change:
    article: str
    figure: str
    pinned: float | None
    now: float | None

    def line(self) -> str:
        return f"  {self.article:34} {self.figure:26} pinned {_cell(self.pinned):>5}  now {_cell(self.now):>5}"


@dataclass(frozen=True)
class Comparison:
    drops: list[Change] = field(default_factory=list)      # fail: below pinned - TOLERANCE, or no longer measured
    slips: list[Change] = field(default_factory=list)      # below pinned, within the tolerance
    rises: list[Change] = field(default_factory=list)      # above pinned, or measured where nothing was pinned
    missing: list[str] = field(default_factory=list)       # pinned articles that were not measured: fail
    unpinned: list[str] = field(default_factory=list)      # measured articles the baseline does not know yet

    @property
    def failed(self) -> bool:
        return bool(self.drops or self.missing)

    def report(self) -> str:
        """Every finding, one line each, failures first."""
        lines: list[str] = []
        if self.drops:
            lines.append(f"{len(self.drops)} figures dropped more than {TOLERANCE} below the baseline:")
            lines += [c.line() for c in self.drops]
        if self.missing:
            lines.append(f"{len(self.missing)} pinned articles were not measured: {', '.join(self.missing)}")
        if self.slips:
            lines.append(f"{len(self.slips)} figures are lower, within the tolerance of {TOLERANCE}:")
            lines += [c.line() for c in self.slips]
        if self.rises:
            lines.append(f"{len(self.rises)} figures rose (raise the baseline with `python -m tests.gate --update` "
                         "in a commit that says why):")
            lines += [c.line() for c in self.rises]
        if self.unpinned:
            lines.append(f"{len(self.unpinned)} articles are not in the baseline yet: {', '.join(self.unpinned)}")
        return "\n".join(lines) or "every figure of every article equals its pinned value"


def compare(pinned: Pinned, measured: Pinned, tolerance: float = TOLERANCE) -> Comparison:
    """Compare every figure of every article; pinned None means the article had no such figure."""
    result = Comparison(missing=sorted(set(pinned) - set(measured)), unpinned=sorted(set(measured) - set(pinned)))
    for article in sorted(set(pinned) & set(measured)):
        before, after = pinned[article], measured[article]
        for figure in sorted(set(before) | set(after)):
            change = Change(article, figure, before.get(figure), after.get(figure))
            if change.pinned is None:
                if change.now is not None:
                    result.rises.append(change)
            elif change.now is None or change.now < change.pinned - tolerance - _EPSILON:
                result.drops.append(change)
            elif change.now < change.pinned - _EPSILON:
                result.slips.append(change)
            elif change.now > change.pinned + _EPSILON:
                result.rises.append(change)
    return result


def load_baseline(path: Path = BASELINE) -> dict[str, dict[str, float | None]]:
    data = json.loads(path.read_text(encoding="utf-8"))
    articles: dict[str, dict[str, float | None]] = data["articles"]
    return articles


def write_baseline(measured: Pinned, path: Path = BASELINE) -> None:
    data = {
        "_about": ("Floors of the evaluation gate (tests/gate): every figure ../shared/eval/score.py reports, per "
                   f"annotated article, as measured. The gate fails when one falls more than {TOLERANCE} below. "
                   "Rewritten only by `python -m tests.gate --update`; a commit that changes it says why."),
        "articles": {name: dict(sorted(values.items())) for name, values in sorted(measured.items())},
    }
    path.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def _cell(value: float | None) -> str:
    return "none" if value is None else f"{value:.3f}"
