"""A group the lead describes ("a monitor said") is the organisation quoted by name in the next sentences,
never one the text only calls "so-called": "the so-called Islamic State" names the group, nobody quotes it."""

from __future__ import annotations

from .helpers import Run


def test_a_so_called_group_after_the_lead_is_not_its_source() -> None:
    run = Run("Nine militants were killed in air strikes on Wednesday in the north of the country a Britain-based "
              "monitoring group said. The raids have focused on the so-called Islamic State of Iraq and the Levant "
              "group but other factions were also hit.")
    lead = run.one("Nine militants")
    assert lead.speaker_text == "a Britain-based monitoring group"
    assert run.name(lead.speaker) != "Islamic State"


def test_the_group_named_as_a_speaker_next_is_still_the_source() -> None:
    run = Run("At least 20 people were killed in raids on Raqa a monitor said. The Syrian Observatory for Human "
              "Rights said the rest of the dead were militants of the so-called Islamic State group.")
    assert run.name(run.one("At least 20 people").speaker) == "Syrian Observatory for Human Rights"
