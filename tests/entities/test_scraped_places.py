"""Places in scraped reporting: lists of places run together without their commas, a place written two ways, a
place before its institution, outlets and headline words read as names; on FA-KES articles read from ../shared at
test time and on sentences written in their style."""

from __future__ import annotations

import pytest

from .reading import extract, type_by_name


def test_a_list_of_districts_without_commas_is_one_place_each(fakes_rows: list[dict[str, str]]) -> None:
    # "rocket shells on al-Midan al-Faid and al-Hamadaniyeh neighborhoods" (twice), "al-Midan" and "al-Faid" alone
    # elsewhere; "on al-Midan al-Hamadaniah New Aleppo and al-Muhafaza neighborhoods" ("New Aleppo" stays whole:
    # "New" is no place)
    for row, places in ((768, ("al-Midan", "al-Faid")), (448, ("al-Midan", "al-Hamadaniah", "New Aleppo"))):
        names = type_by_name(extract(fakes_rows[row]["article_content"]))
        assert all(names.get(p) == "GPE" for p in places), (row, names)
        assert not [n for n in names if n.startswith("al-Midan al-")], (row, names)


def test_a_list_written_for_the_test_is_cut_into_its_places() -> None:
    found = extract("Shells hit al-Midan al-Faid and al-Hamadaniyeh neighborhoods in Aleppo on Saturday. A day "
                    "later a shell fell in al-Midan and another in al-Faid near New Aleppo.")
    names = type_by_name(found)
    assert {"al-Midan", "al-Faid", "al-Hamadaniyeh", "New Aleppo"} <= set(names), names
    assert "al-Midan al-Faid" not in names and len(found.named("al-Midan").mentions) == 2, names


def test_a_caption_place_and_country_are_two_places(fakes_rows: list[dict[str, str]]) -> None:
    # "supplies in Daraya Syria with UN", "Shiite suburb of Sayeda Zeinab Syria June 11 2016"; "attack on al-Fouaa
    # Idleb In the meantime"
    names = type_by_name(extract(fakes_rows[322]["article_content"]))
    assert "Daraya Syria" not in names and "Sayeda Zeinab Syria" not in names and names.get("Daraya") == "GPE", names
    names = type_by_name(extract(fakes_rows[483]["article_content"]))
    assert "al-Fouaa Idleb" not in names and names.get("al-Fouaa") == "GPE", names


def test_a_place_keeps_no_common_words_after_its_name(fakes_rows: list[dict[str, str]]) -> None:
    # "bombing town of Daraya hours after civilians ..."; "the town of Jayrud 60 kilometres (35 miles) from Damascus"
    assert "Daraya hours" not in type_by_name(extract(fakes_rows[322]["article_content"]))
    for row in (43, 170):
        names = type_by_name(extract(fakes_rows[row]["article_content"]))
        assert names.get("Jayrud") == "GPE" and not [n for n in names if "kilometres" in n], (row, names)


def test_a_place_written_two_ways_is_one_place(fakes_rows: list[dict[str, str]]) -> None:
    # "Tal Baghdaq" and "Tel Baghdaq" in one article; "the Golan Heights" and "the Golan"
    baghdaq = extract(fakes_rows[191]["article_content"]).named("Tal Baghdaq")
    assert "Tel Baghdaq" in baghdaq.aliases
    golan = extract(fakes_rows[579]["article_content"]).named("Golan Heights")
    assert "Golan" in golan.aliases
    found = extract("Rebels shelled Kfar Nabl on Monday. Residents said Kafr Nabl had no power. "
                    "Troops crossed the Euphrates River, and the Euphrates rose.")
    assert len([e for e in found.entities if "Nabl" in e.name]) == 1
    assert len([e for e in found.entities if "Euphrates" in e.name]) == 1


@pytest.mark.parametrize(("row", "one", "other"), [
    (349, "Khan Shaykun", "Khan Sheikhun"),  # a toxic gas attack on the town, both spellings in one article
    (376, "al-Quria", "Al-Quriyah"),
    (376, "Deir ez-Zor", "Deir e-Zzor"),
    (357, "Kefraya", "Kafraya"),
])
def test_a_place_transliterated_two_ways_is_one_place(fakes_rows: list[dict[str, str]], row: int, one: str,
                                                      other: str) -> None:
    found = extract(fakes_rows[row]["article_content"])
    place = found.named(one)
    assert place.type == "GPE" and found.find(other) is place, [(e.name, e.aliases) for e in found.entities]


def test_two_places_with_like_spellings_stay_two() -> None:
    # the gazetteer places Hama and Homs apart, and their consonants differ anyway; "Harim" is no "Haram"
    found = extract("Jets struck Hama and Homs on Monday. Rebels took the towns of Harim and Haram.")
    assert {"Hama", "Homs"} <= set(type_by_name(found)), type_by_name(found)
    assert found.find("Hama") is not found.find("Homs")
    assert found.named("Harim") is not found.named("Haram") and found.named("Haram").type == "GPE"

def test_a_town_before_its_institution_stays_the_town(fakes_rows: list[dict[str, str]]) -> None:
    # "A source at Sweida Police Command ... the northwest countryside of Sweida"; "Palmyra Coordination Committee"
    for row, town, body in ((448, "Sweida", "Sweida Police Command"), (672, "Palmyra", "Palmyra Coordination Committee")):
        found = extract(fakes_rows[row]["article_content"])
        assert found.named(town).type == "GPE" and town not in found.named(body).aliases, (row, type_by_name(found))


def test_a_name_after_an_outlet_noun_is_the_outlet(fakes_rows: list[dict[str, str]]) -> None:
    # "quoted as telling Fridays edition of the daily Frankfurter Allgemeine Zeitung"; "Lebanese TV channel
    # Al-Mayadin reported"
    assert type_by_name(extract(fakes_rows[74]["article_content"])).get("Frankfurter Allgemeine Zeitung") == "ORG"
    assert type_by_name(extract(fakes_rows[657]["article_content"])).get("Al-Mayadin") == "ORG"


def test_a_headlines_verb_makes_no_name(fakes_rows: list[dict[str, str]]) -> None:
    # "US Raids on ISILs Syria Stronghold Kill 22 including Civilians. ... 22 people killed";
    # "Syria Terrorists Commit Massacre in Hama Village ... committed a massacre"
    assert "Stronghold Kill" not in type_by_name(extract(fakes_rows[751]["article_content"]))
    assert not [n for n in type_by_name(extract(fakes_rows[739]["article_content"])) if "Massacre" in n]


def test_a_command_of_the_countryside_is_no_short_name_of_the_citys() -> None:
    found = extract("A source at Damascus Police Command said two mortar shells hit al-Mazzeh. In a statement to SANA "
                    "a source at Damascus Countryside Police Command said shells fell on al-Wafideen Camp. The Syrian "
                    "Observatory for Human Rights said the Syrian Observatory counted six dead.")
    names = type_by_name(found)
    assert names.get("Damascus Police Command") == "ORG" and names.get("Damascus Countryside Police Command") == "ORG"
    assert "Syrian Observatory" in found.named("Syrian Observatory for Human Rights").aliases, names


def test_names_listed_after_the_areas_of_are_places(fakes_rows: list[dict[str, str]]) -> None:
    # "ISIL seized control of the areas of Hafez and Muhassen in Deir Ezzor" (row 261): spaCy-sm reads both
    # village names as people
    types = {e.name: e.type for e in extract(fakes_rows[261]["article_content"]).entities}
    assert types["Hafez"] == types["Muhassen"] == "GPE", types
    # "dropped explosive barrels on the neighbourhoods of Seif al-Dawla and Zubdiya" (row 72): a district whose
    # first word is a given name stays a place
    assert type_by_name(extract(fakes_rows[72]["article_content"]))["Seif al-Dawla"] == "GPE"
    found = extract("Rebels lost the areas of Tal Sousin and Harbal to the militants on Sunday.")
    assert {e.name: e.type for e in found.entities} == {"Tal Sousin": "GPE", "Harbal": "GPE"}
