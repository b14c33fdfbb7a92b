"""The furniture forms, on texts written for these tests in the style of several outlets' scraped pages.

Each text is a scrape as FA-KES keeps them: one paragraph, no line breaks, apostrophes and often
commas stripped. The assertions name the stretch each form must mark and its kind.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from newsgraph.model import Furniture
from newsgraph.nlp.dateline import read_dateline
from newsgraph.nlp.furniture import find_furniture
from tests.shared import ROOT


def _found(text: str) -> list[tuple[str, str]]:
    regions = find_furniture(text, read_dateline(text))
    for r in regions:
        assert text[r.start:r.end] == r.text
    assert all(a.end <= b.start for a, b in pairwise(regions)), "regions overlap"
    return [(r.kind, r.text) for r in regions]


WIRE = ("March 3 2016 Rebels shell government-held district in Aleppo. Rebels fired rockets on a government-held "
        "district of Aleppo on Thursday a monitor said. Residents inspect a damaged building in the Midan district "
        "of Aleppo Syria March 3 2016. REUTERS/Omar Sanadiki The army said it would respond. Additional reporting "
        "by Maria Tsvetkova in Moscow; Writing by Tom Perry; Editing by Alison Williams Our Standards:The Thomson "
        "Reuters Trust Principles.")


def test_a_wire_story_gives_its_caption_credit_byline_and_standards_line() -> None:
    found = _found(WIRE)
    assert ("caption", "Residents inspect a damaged building in the Midan district of Aleppo Syria March 3 2016.") \
        in found
    assert ("credit", "REUTERS/Omar Sanadiki") in found  # "The army said" is the next sentence, not the credit
    assert ("byline", "Additional reporting by Maria Tsvetkova in Moscow; Writing by Tom Perry; "
                      "Editing by Alison Williams") in found
    assert ("standards", "Our Standards:The Thomson Reuters Trust Principles.") in found


def test_bracketed_credits_and_the_caption_before_them() -> None:
    text = ("12 May 2017 Strikes hit a market in Idlib. A man walks past rubble in a market in Idlib Syria May 11 "
            "2017 (File photo) (Anadolu Agency and Agencies) At least nine people were killed on Thursday. "
            "The raids were the heaviest this month (Photo: AFP) said the civil defence.")
    found = _found(text)
    assert ("caption", "A man walks past rubble in a market in Idlib Syria May 11 2017") in found
    assert ("credit", "(File photo)") in found and ("credit", "(Anadolu Agency and Agencies)") in found
    assert ("credit", "(Photo: AFP)") in found
    assert not any(kind == "caption" and "heaviest" in t for kind, t in found)  # no date: no caption


def test_an_inline_wire_credit_and_the_linked_headline_after_it() -> None:
    text = ("Syrian forces retook the village on Monday the ministry said. REUTERS Khalil Ashawi Turkish Army "
            "Shells Militant Positions Near Afrin Border The offensive began in January according to officials.")
    found = _found(text)
    assert ("credit", "REUTERS Khalil Ashawi") in found
    assert ("headline", "Turkish Army Shells Militant Positions Near Afrin Border") in found


def test_a_wire_dateline_after_a_linked_headline_is_no_credit_and_no_headline() -> None:
    text = ("Shelling killed three people in Hama on Sunday local media reported. Sputnik Anna Petrova Truce Talks "
            "Resume in Astana With Two New Delegations DAMASCUS (Sputnik) The army said it had retaken two hills.")
    found = _found(text)
    assert ("headline", "Truce Talks Resume in Astana With Two New Delegations") in found
    assert not any("(Sputnik)" in t for _, t in found)


def test_a_bracketed_agency_after_a_place_in_capitals_is_a_dateline() -> None:
    text = "Ceasefire Holds Says Monitor BEIRUT (AFP) Rebels and troops kept to the truce overnight a monitor said."
    assert not any("(AFP)" in t for _, t in _found(text))
    assert ("credit", "(AFP)") in _found("Rebels kept to the truce overnight (AFP) a monitor said.")


def test_page_stamps_share_widgets_links_and_embeds() -> None:
    text = ("14.06.2017(updated 1712 14.06.2017) Get short URL 0 21 Militants shelled a district of Damascus "
            "local media said. Footage was posted at https://example.org/video/1 and at youtube.com/watch?v=abc "
            "overnight. Heavy shelling on the old city this morning pic.twitter.comAbC12xYz Sam Rivers (samrivers) "
            "June 14 2017 The shelling stopped by noon. Last Update: Wednesday 14 June 2017 KSA 17:12 - GMT 14:12")
    found = _found(text)
    assert ("timestamp", "14.06.2017(updated 1712 14.06.2017)") in found
    assert ("share", "Get short URL 0 21") in found
    assert ("url", "https://example.org/video/1") in found and ("url", "youtube.com/watch?v=abc") in found
    assert ("url", "pic.twitter.comAbC12xYz") in found
    assert ("embed", "Sam Rivers (samrivers) June 14 2017") in found
    assert ("timestamp", "Last Update: Wednesday 14 June 2017 KSA 17:12 - GMT 14:12") in found


@pytest.mark.parametrize(("text", "kind", "region"), [
    ("Published May 2 2016 Jets struck a bakery in Hama province on Monday.", "timestamp", "Published May 2 2016"),
    ("Date of publication 9 June 2016 Jets struck a bakery in Hama.", "timestamp", "Date of publication 9 June 2016"),
    ("Last updated at Feb 142017 Jets struck a bakery in Hama.", "timestamp", "Last updated at Feb 142017"),
])
def test_publication_stamps_that_open_a_page(text: str, kind: str, region: str) -> None:
    assert (kind, region) in _found(text)


def test_a_stamp_label_in_running_text_is_no_stamp() -> None:
    assert _found("The monitor said the report published on 5 May 2016 was wrong. Talks resume today.") == []


def test_footer_blocks_at_the_end() -> None:
    news = ("Jets struck a bakery in Hama on Monday killing six people the monitor said. The strikes came after "
            "rebels advanced on the town. The army did not comment on the raids. Source TRTWorld and agencies "
            "Related News Turkey hosts talks on Syria | Aid convoy reaches Douma Subscribe to our channel "
            "Copyright 2018 TRT World.")
    found = _found(news)
    assert ("source", "Source TRTWorld and agencies") in found
    assert found[-1][0] == "related" and found[-1][1].startswith("Related News Turkey hosts talks")
    sputnik = ("Jets struck a bakery in Hama on Monday killing six people the monitor said. The strikes came "
               "after rebels advanced on the town. The army did not comment. ... 14 Related Russian Sappers Clear "
               "Mines in Palmyra Tags airstrike Hama Syria Community standardsDiscussion Comment via Facebook")
    assert _found(sputnik)[-1] == ("related", "Related Russian Sappers Clear Mines in Palmyra Tags airstrike Hama "
                                   "Syria Community standardsDiscussion Comment via Facebook")


def test_a_tag_list_before_the_body_ends_where_the_body_starts() -> None:
    body = " The strikes hit a hospital in the town of Saraqeb on Friday the civil defence said." * 4
    first = ("4 May 2016 Rebels shelled a government-held district of Aleppo killing six people. Tags Syria Aleppo "
             "rebels Jabhat Fateh al-Sham At least six people were killed on Tuesday when rebels shelled the "
             "district a monitor said." + body)
    assert ("tags", "Tags Syria Aleppo rebels Jabhat Fateh al-Sham") in _found(first)
    second = "Jets struck a hospital in Idlib killing nine people. Tags Syria Idlib Russia" + body
    assert ("tags", "Tags Syria Idlib Russia") in _found(second)
    third = "Jets struck a hospital in Idlib. Tags Nusra Front Idlib Syria war. A suicide bomber struck." + body
    assert ("tags", "Tags Nusra Front Idlib Syria war.") in _found(third)


def test_a_tag_list_after_a_standfirst_without_its_stop_is_found_too() -> None:
    # the opening of scraped pages: a standfirst that lost its stop, run into the tags and the body
    body = " The strikes hit a hospital in the town of Saraqeb on Friday the civil defence said." * 4
    standfirst = ("Shelling in West Aleppo left 11 people dead on Friday in several neighbourhoods of the war-torn "
                  "city Tags Syria Aleppo UN De Mistura Fatah al-Sham Eleven people including a child were killed "
                  "in rebel shelling." + body)
    assert ("tags", "Tags Syria Aleppo UN De Mistura Fatah al-Sham") in _found(standfirst)
    # a capitalised "Tags" deep in the body, after a lower-case word, is left alone
    late = body * 3 + " The shop sold Tags Heuer watches and the owner said it was hit twice."
    assert not [r for r in _found(late) if r[0] == "tags"]


@pytest.mark.parametrize(("ending", "kind", "region"), [
    ("the source said. Nour Haddad/Sami", "signoff", "Nour Haddad/Sami"),
    ("the source said. K.H/R.Jaber", "signoff", "K.H/R.Jaber"),
    ("state media reported. MKH 14", "signoff", "MKH 14"),
    ("killed since 2011.-AFP", "signoff", "-AFP"),
    ("the group said. (Source: Syrian Coalition) Twitter", "source", "(Source: Syrian Coalition) Twitter"),
])
def test_a_sign_off_after_the_last_sentence(ending: str, kind: str, region: str) -> None:
    text = f"Jets struck a bakery in Hama on Monday killing six people. Rescuers searched the rubble {ending}"
    assert _found(text)[-1] == (kind, region)


@pytest.mark.parametrize("ending", [
    "said U.S. Secretary of State John Kerry",      # the full stop of an abbreviation ends no sentence
    "the source said.",
    "and the talks will continue",                  # lower-case words: the end of a sentence, not a sign-off
])
def test_endings_that_are_no_sign_off(ending: str) -> None:
    text = f"Jets struck a bakery in Hama on Monday killing six people. Rescuers searched the rubble {ending}"
    assert _found(text) == []


def test_a_mid_text_heading_is_furniture_but_the_headline_and_dateline_are_not() -> None:
    text = ("Iran And Russia Deepen Ties\n\nTEHRAN, May 3, 2024 — Iran and Russia signed a defence pact on Friday.\n\n"
            "Regional Reactions\n\nTurkey said it was studying the agreement.\n\nEconomic Pressure\n\n"
            "Sanctions have pushed both countries closer.\n")
    found = _found(text)
    assert [t for kind, t in found if kind == "heading"] == ["Regional Reactions", "Economic Pressure"]


def test_a_short_line_that_continues_a_sentence_is_no_heading() -> None:
    text = "The ministry said the talks with\nUnited Nations Envoys\nwould continue in Geneva next week.\n"
    assert _found(text) == []


def test_a_label_line_is_furniture() -> None:
    text = "Turkey struck targets near Amuda on Sunday.\nRead more:\nTurkey vows to press on with raids\n"
    assert ("line", "Read more:") in _found(text)


def test_a_clean_article_has_no_furniture(dev_article: str) -> None:
    """The shared development article (a clean analysis piece) is all story but a "Read more:" label."""
    kinds = [r.kind for r in find_furniture(dev_article, read_dateline(dev_article))]
    assert set(kinds) <= {"line"}  # its one "Read more:" label line


def test_regions_are_records_of_the_contract() -> None:
    region = find_furniture(WIRE)[0]
    assert isinstance(region, Furniture) and region.holds(region.start) and not region.holds(region.end)


def test_an_embedded_video_title_is_furniture() -> None:
    text = ("Rebels shelled a district of Aleppo on Monday the monitor said. Battle rages near Aleppo as rebels "
            "advance - YouTube The army said it had retaken two villages.")
    found = _found(text)
    assert ("video", "Battle rages near Aleppo as rebels advance - YouTube") in found
    assert not any("army" in t for _, t in found)  # the sentence after the title is story


@pytest.mark.parametrize("name", sorted(p.relative_to(ROOT / "examples").as_posix()
                                        for p in (ROOT / "examples").rglob("*.txt")))
def test_our_clean_articles_have_no_furniture(name: str) -> None:
    """Our own written and annotated articles (clean wire and analysis prose): nothing is marked."""
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    assert _found(text) == []
