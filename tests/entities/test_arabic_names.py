"""Names of the Syrian war's places and groups as scraped reporting writes them, end to end on sentences written
for these tests (shaped like FA-KES reports): an article and one word alone, a place name written as one
hyphenated word, a group's name with the writer's faith word beside it, and no weapon from a quoted sentence's
first word; and a town opening with a kunya particle, on FA-KES rows read from ../shared."""

from __future__ import annotations

from .reading import extract


def test_a_name_of_the_article_and_one_word_is_a_place() -> None:
    found = extract("Warplanes hit several rebel-held districts including al-Kalaseh Bustan al-Qasr and al-Sakhour "
                    "civil defense official Ibrahim Abu al-Laith told Reuters. Much of the fighting was focused on "
                    "the Jamiyat al Zahra frontline.")
    assert found.named("al-Kalaseh").type == "GPE"
    assert found.named("al-Sakhour").type == "GPE"
    assert found.named("al Zahra").type == "GPE"
    assert found.named("Ibrahim Abu al-Laith").type == "PER"


def test_a_surname_alone_stays_the_person_the_text_names() -> None:
    found = extract("Foreign Minister Walid al-Moallem met the envoy in Damascus on Monday. Later in the day "
                    "the delegation met al-Moallem again.")
    assert found.named("Walid al-Moallem").type == "PER"
    assert all(e.type == "PER" for e in found.entities if "Moallem" in e.name)
    governor = extract("Homs governor Talal al-Barazi visited the wounded on Sunday. Al-Barazi whose comments came "
                       "during a visit to the hospitals said the attack would not weaken the city.")
    assert all(e.type == "PER" for e in governor.entities if "Barazi" in e.name)


def test_place_and_group_words_open_names() -> None:
    found = extract("Russian warplanes struck Maaret-al-Numan a city south of Idlib on Monday. Army units shelled "
                    "ISIS positions in Jubb al-Jarrah. Two civilians were killed in clashes among Jeish al-Islam "
                    "Faylaq al-Rahman and Jeish al-Fastat in Eastern Ghouta.")
    assert found.named("Maaret-al-Numan").type == "GPE"
    assert found.named("Jubb al-Jarrah").type == "GPE"
    assert found.named("Jeish al-Fastat").type == "ORG"
    assert found.named("Jaish al-Islam").type == "ORG"  # "Jeish al-Islam" is the known group


def test_a_faith_word_beside_a_group_is_not_part_of_its_name() -> None:
    found = extract("Four Turkish soldiers were killed in an attack by the Daesh Takfiri terrorist group in northern "
                    "Syria. The rebels included Nusra Front and Salafi Ahrar al Sham.")
    names = {e.name for e in found.entities}
    assert "Islamic State" in names and "Ahrar al-Sham" in names
    assert not any("Takfiri" in n or "Salafi" in n for n in names)


def test_a_peoples_word_opening_a_name_stays_in_it() -> None:
    found = extract("Rebels say the militia cooperates with Damascus, an accusation the Kurdish Democratic Union "
                    "Party has denied. The Kurdish Red Crescent said it had sent aid.")
    party = found.named("Democratic Union Party")  # the known party, its name as written kept whole
    assert "Kurdish Democratic Union Party" in {found.text[m.start:m.end] for m in party.mentions}


def test_a_quoted_sentence_opening_word_is_no_weapon() -> None:
    found = extract('An activist told AFP. "One rocket hit the entrance of the school" he said. "A drone was '
                    'flying over the region" the sources said. It received U.S.-made anti-tank missiles and 59 '
                    'Tomahawk cruise missiles.')
    weapons = {e.name for e in found.entities if e.type == "WEA"}
    assert weapons == {"anti-tank missiles", "Tomahawk", "cruise missiles"}


def test_a_town_opening_with_a_kunya_particle_is_one_place(fakes_rows: list[dict[str, str]]) -> None:
    # spaCy-sm tags "Abu" and "Kamal" apart (or the pair as a people), and the gazetteer knows a town for each
    # word alone (Abu in India, Kamal in Indonesia): rows 334, 433, 669 and 683 all name the border town
    for row in (334, 433, 669, 683):
        names = {e.name: e.type for e in extract(fakes_rows[row]["article_content"]).entities}
        assert names.get("Abu Kamal") == "GPE" and "Abu" not in names and "Kamal" not in names, (row, names)
    found = extract("Daesh fighters arrived from Iraq to the region of Abu Kamal along the border. "
                    "Abu Mohammed al-Golani spoke to the fighters.")
    assert found.named("Abu Kamal").type == "GPE"
    assert found.named("Abu Mohammed al-Golani").type == "PER"


def test_a_kunya_read_as_a_people_stays_a_person(fakes_rows: list[dict[str, str]]) -> None:
    # "Abu Abdelrahman Salqeen leader of Syrian rebel group Ahrar al-Sham was killed" (row 16): spaCy-sm reads
    # the name as a people; it is no town like "Abu Kamal"
    names = {e.name: e.type for e in extract(fakes_rows[16]["article_content"]).entities}
    assert names["Abu Abdelrahman Salqeen"] == "PER", names
