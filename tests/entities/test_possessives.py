"""Names that kept a stripped possessive's s (``possessives``): one entity with the name written bare, on
scraped FA-KES articles read from ../shared at test time and on sentences written in their style."""

from __future__ import annotations

from .reading import extract


def test_scraped_possessives_join_the_bare_name(fakes_rows: list[dict[str, str]]) -> None:
    # "two members of Syrias (pro-regime militia) National Defence Forces", "the State Departments Jen Psaki",
    # "Assads" beside "Bashar al-Assad"
    for row, bare, stripped in ((19, "Syria", "Syrias"), (560, "State Department", "State Departments"),
                                (560, "Bashar al-Assad", "Assads"), (550, "Trump", "Trumps")):
        found = extract(fakes_rows[row]["article_content"])
        names = {e.name for e in found.entities}
        assert bare in names and stripped not in names, (row, sorted(names))
        assert stripped[:-1] in {m.text for m in found.named(bare).mentions}


def test_written_possessives_keep_one_identity_and_names_ending_in_s_stay() -> None:
    found = extract('Syria said it would fight. Two members of Syrias (pro-regime militia) National Defence Forces '
                    'were killed. Washington wants to arm Syrias "moderate opposition". Hamas and the city of Hama '
                    'are not one. The Army and Armed Forces established full control, the Army and Armed Force '
                    'command said.')
    syria = found.named("Syria")
    assert syria.type == "GPE" and [m.text for m in syria.mentions] == ["Syria", "Syria", "Syria"]
    assert found.named("Hamas").id != found.named("Hama").id
    # a plural followed by its verb is no possessive: "Forces established" keeps its s
    assert "Army and Armed Forces" in {m.text for e in found.entities for m in e.mentions}


def test_a_full_name_whose_surname_is_a_given_name_loses_the_possessive_s(fakes_rows: list[dict[str, str]]) -> None:
    # "gassed by Saddam Husseins forces at Halabja", "Prime Minister Theresa Mays governing Conservative Party":
    # the bare name is nowhere in these articles
    for row, bare in ((561, "Saddam Hussein"), (385, "Theresa May")):
        names = {e.name for e in extract(fakes_rows[row]["article_content"]).entities}
        assert bare in names and bare + "s" not in names, (row, sorted(names))


def test_english_patronymics_keep_their_s_before_a_noun() -> None:
    found = extract("Serena Williams first title came in 1999. Laurent Fabius said the talks would go on.")
    names = {e.name for e in found.entities}
    assert {"Serena Williams", "Laurent Fabius"} <= names and "Serena William" not in names


def test_a_countrys_stripped_possessive_before_a_name_is_no_part_of_it() -> None:
    document = extract("Fighters of Syrias al Qaeda affiliate took the town. Lebanons al-Manar TV said Hezbollah "
                   "units had joined the fight in Syria.")
    names = {e.name for e in document.entities}
    assert not any(n.startswith(("Syrias", "Lebanons")) for n in names)
    assert "al-Manar TV" in names and "Syria" in names


def test_a_sect_after_a_stripped_possessive_is_no_part_of_the_possessors_name(
        fakes_rows: list[dict[str, str]]) -> None:
    # "the ancestral homeland of Assads Alawite sect" (row 327), "Assads Alawite religious minority" (row 139)
    for row in (327, 139):
        found = extract(fakes_rows[row]["article_content"])
        names = {e.name for e in found.entities}
        assert not any("Alawite" in name for name in names), (row, sorted(names))
        assert "Assad" in {m.text for m in found.named("Bashar al-Assad").mentions}


def test_a_known_place_with_a_stripped_possessive_is_the_place_though_never_written_bare(
        fakes_rows: list[dict[str, str]]) -> None:
    # "the only government-controlled enclave in Idlibs vast militant-held area" (row 695), "Damascuss ally"
    # (row 226), "Washingtons support" (row 598)
    for row, place in ((695, "Idlib"), (226, "Damascus"), (598, "Washington")):
        found = extract(fakes_rows[row]["article_content"])
        assert found.named(place).type == "GPE"
        assert place + "s" not in {e.name for e in found.entities}, row


def test_a_place_written_with_its_possessive_s_before_a_noun_is_the_place() -> None:
    found = extract("Rebels hold most of the province. Fighting spread across Idlibs southern countryside on Monday, "
                    "and Homs was quiet.")
    assert found.named("Idlib").type == "GPE"
    assert "Idlibs" not in {e.name for e in found.entities}
    assert found.named("Homs").type == "GPE"


def test_a_country_possessive_before_a_determiner_or_a_count_is_dropped(fakes_rows: list[dict[str, str]]) -> None:
    # "a Russian airstrike in Syrias the Idlib left al-Nusra Front leader in coma" (row 669), "journalists killed
    # in Syrias 30-month war" (row 706): no organisation "Syrias the Idlib" or "Syrias"
    for row, owned in ((669, "Idlib"), (706, "Syria")):
        names = {e.name for e in extract(fakes_rows[row]["article_content"]).entities}
        assert owned in names and not any(n.startswith("Syrias") for n in names), (row, sorted(names))
    found = extract("A Russian airstrike in Syrias the Idlib hit a convoy. Rights groups counted the dead of "
                    "Syrias 30-month war. Syria denied it.")
    assert {e.name: e.type for e in found.entities} == {"Idlib": "GPE", "Syria": "GPE"}
    assert [m.text for m in found.named("Syria").mentions] == ["Syria", "Syria"]
