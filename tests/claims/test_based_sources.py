"""A body described by where it is based ("the Britain-based Observatory", "the UK-based monitor") is the
organisation the text named, or a source of its own: never the place, and not the outlet quoted before it."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_the_based_observatory_is_the_observatory_named_before() -> None:
    run = Run("Air strikes on two hospitals in Idlib province left 10 people dead on Thursday, the Syrian "
              "Observatory for Human Rights said. The Britain-based Observatory says it determines whose planes "
              "carry out raids according to their flight patterns.")
    planes = run.one("whose planes")
    assert run.name(planes.speaker) == "Syrian Observatory for Human Rights"
    assert_offsets(run.text, run.claims)


def test_the_based_observatory_is_not_the_place_nor_the_agency_quoted_before() -> None:
    run = Run("A car bomb killed at least 26 people near the city of Deir el-Zour, the state news agency SANA "
              "reported on Friday. The Britain-based Observatory said 12 children were among the victims.")
    children = run.one("12 children")
    assert run.name(children.speaker) not in ("United Kingdom", "Syrian Arab News Agency", "SANA")
    assert "Britain-based Observatory" in (children.speaker_text or "")


def test_the_place_a_monitor_is_based_in_relays_nothing() -> None:
    run = Run("Over 350 civilians have been killed in east Aleppo since the ceasefire collapsed on September 19 "
              "according to the UK-based monitor. Seven others were wounded in the attack according to the "
              "London-based Syrian Observatory for Human Rights.")
    for claim in run.claims:
        assert not run.names(claim.via) & {"United Kingdom", "London"}, claim


def test_an_acronym_that_spells_a_pronoun_is_the_organisation() -> None:
    run = Run("The World Health Organization (WHO) sent medicines to Idlib on Monday. All three public hospitals in "
              "the town are closed and inaccessible to the population the WHO said in a statement. The agency "
              "also said its experts were in Turkey.")
    closed = run.one("inaccessible")
    assert run.name(closed.speaker) == "World Health Organization"
    assert "population the" not in (closed.speaker_text or "")
