"""Frames that lost their commas, as scraped wire reporting has them (``runons``): the real pipeline on
sentences written in that style, and the sentences that only look like such frames."""

from __future__ import annotations

from .helpers import Run, assert_offsets


def test_frame_closing_the_sentence_without_its_comma() -> None:
    run = Run("Shelling killed at least nine people in the town of Maarat al-Numan on Sunday the Syrian "
              "Observatory for Human Rights said. Rockets hit two districts of Homs on Friday residents in the "
              "city said.")
    assert_offsets(run.text, run.claims)
    shelling = run.one("Shelling killed")
    assert run.name(shelling.speaker) == "Syrian Observatory for Human Rights"
    assert shelling.text == "Shelling killed at least nine people in the town of Maarat al-Numan on Sunday"
    rockets = run.one("Rockets hit")
    assert rockets.speaker is None and rockets.speaker_text == "residents in the city"  # not "Friday residents"
    assert rockets.text == "Rockets hit two districts of Homs on Friday"


def test_speaker_after_the_verb_without_commas() -> None:
    run = Run("Government warplanes struck a market in Douma on Monday killing 12 civilians said Omar Hamza head "
              "of the local civil defence.")
    claim = run.one("struck a market")
    assert run.name(claim.speaker) == "Omar Hamza"  # "Omar Hamza head (of …)": the name before the title
    assert claim.text == "Government warplanes struck a market in Douma on Monday killing 12 civilians"


def test_stripped_quote_marks_first_person_sentence_before_the_frame() -> None:
    run = Run("We lost everything in one night. Our house and our shop are gone now Layla Haddad told AFP.")
    first, second = run.one("We lost everything"), run.one("Our house and our shop")
    assert run.name(first.speaker) == run.name(second.speaker) == "Layla Haddad"
    assert run.names(second.via) == {"Agence France-Presse"}


def test_look_alike_frames_are_not_frames() -> None:
    run = Run("If you are in that situation, read the two guides I wrote last year. The talks were cut short, "
              "but Mr. Haddad learned from the experience. Senator Ann Ross, in a tough race, said she would "
              "write in the name of her running mate on the ballot.")
    assert [c.cue for c in run.claims] == ["said"]  # a relative clause, a coordinated clause, a complement
    assert run.one("write in the name").speaker_text == "Senator Ann Ross"


def test_a_date_or_a_list_is_no_speaker() -> None:
    run = Run("The toll was closer to 40 than even the ministry had claimed. Glorioso reports for the Naples "
              "Daily News; Williams reports for the News-Press.")
    assert not any(c.cue == "claimed" for c in run.claims)
    assert not any("Glorioso reports" in c.text for c in run.claims)


def test_surname_alone_before_the_verb_is_the_person_named_before() -> None:
    run = Run("Opposition spokesman Karim Haddad said that the talks had failed. Homs has seen the worst shelling "
              "since the siege began Haddad said adding that the army had not advanced.")
    claim = run.one("Homs has seen")
    assert run.name(claim.speaker) == "Karim Haddad"  # not "Homs", the subject the parser gave "said"
    assert claim.text == "Homs has seen the worst shelling since the siege began"


def test_a_name_inside_the_subjects_relative_clause_is_not_the_speaker() -> None:
    run = Run("Lindqvist who earlier met the head of the Norwegian Refugee Council called the raid a grave "
              "breach of the truce.")
    claim = run.one("grave breach")
    assert claim.speaker_text == "Lindqvist"


def test_outlet_quoting_a_source_at_the_end_of_the_sentence() -> None:
    run = Run("Air strikes killed 30 fighters near the city of Idlib the state news agency TASS cited the "
              "defence ministry as saying on Friday. The convoy was hit twice Ukrainian news agencies quoted "
              "the governor as saying.")
    strikes = run.one("Air strikes killed")
    assert strikes.cue == "saying" and "defence ministry" in (strikes.speaker_text or "")
    assert run.names(strikes.via) == {"TASS"}
    assert strikes.text == "Air strikes killed 30 fighters near the city of Idlib"
    convoy = run.one("The convoy was hit twice")
    assert convoy.speaker_text == "the governor" and convoy.text == "The convoy was hit twice"
    assert not any(c.cue in ("cited", "quoted") for c in run.claims)  # the outlet relays, it claims nothing


def test_closing_verb_read_as_a_participle_and_a_place_before_the_source() -> None:
    run = Run("A bomb blast killed six people and injured 32 in the Salah al-Din district of Aleppo Syrian state "
              "television reported on Wednesday without giving further details.")
    claim = run.one("A bomb blast killed")
    assert claim.speaker_text == "Syrian state television"  # "of Aleppo" is the district's, not the outlet's
    assert claim.text.endswith("in the Salah al-Din district of Aleppo")


def test_a_time_or_an_adverb_of_the_clause_before_is_not_the_speakers() -> None:
    run = Run("Those raids hit three residential buildings a local government building and a stadium shortly after "
              "midnight AFPs correspondent in the town said. Meanwhile a source at Damascus hospital said that two bodies arrived.")
    assert [c.speaker_text for c in run.claims] == ["AFPs correspondent", "a source"]


def test_a_predicate_the_parser_put_in_the_source_is_what_was_said() -> None:
    run = Run("Reports on the use of chemical weapons in the suburbs are totally false state news agency SANA "
              "said. The allegations are completely baseless the Russian Defence Ministry said.")
    assert_offsets(run.text, run.claims)
    sana = run.one("chemical weapons")
    assert sana.speaker_text == "state news agency SANA" and sana.text.endswith("are totally false")
    ministry = run.one("allegations")
    assert ministry.text == "The allegations are completely baseless"
    assert ministry.speaker_text == "the Russian Defence Ministry"


def test_a_closing_frame_whose_speaker_ends_in_a_bracketed_acronym() -> None:
    run = Run("Air raids killed nine children on Friday in a crowded market in the south the United Nations "
              "childrens agency (UNICEF) has said. Fighting spread to two villages near the border the Qatar Red "
              "Crescent Society (QRCS) reported.")
    raids = run.one("killed nine children")
    assert run.name(raids.speaker) == "UNICEF" and raids.cue == "said"
    assert "Qatar Red Crescent" in (run.name(run.one("Fighting spread").speaker) or "")
