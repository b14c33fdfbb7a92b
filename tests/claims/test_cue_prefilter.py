"""The claims stage skips tokens no cue kind can fit (``_may_cue_tokens``, from ``_cue_lemmas``) before it tries
the cue kinds of ``_match_at``: a word a new cue kind tests for must be added to ``_cue_lemmas`` too. Run on
the shared development articles, the stage finds the same claims with the skip as without it."""

from __future__ import annotations

import pytest

from newsgraph.nlp.claims import stage
from newsgraph.pipeline import run
from tests.gate.articles import annotated_articles


def claims_of(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(c.cue, c.speaker_text, c.text, c.stance) for c in run(text, until="claims").claims]


@pytest.mark.parametrize("article", [a for a in annotated_articles() if a.group != "own"], ids=lambda a: a.name)
def test_skipping_tokens_no_cue_fits_loses_no_claim(article, monkeypatch: pytest.MonkeyPatch) -> None:
    text = article.text.read_text(encoding="utf-8")
    with_skip = claims_of(text)
    monkeypatch.setattr(stage, "_may_cue_tokens", list)  # every token goes through ``_match_at``
    assert claims_of(text) == with_skip
    assert with_skip  # each development article reports somebody saying something
