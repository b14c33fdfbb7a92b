"""The entity stage end to end on real text: the shared development article, the project's examples,
and short sentences written for these tests.  ``pipeline.run(text, until="entities")`` runs the
stage as ``extract`` does; tests of coordinates run on to "places"."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from .reading import Extraction, extract


@pytest.fixture(scope="module")
def dev(dev_article: str) -> Extraction:
    return extract(dev_article, until="places")


@pytest.fixture(scope="module")
def examples(examples_dir: Path) -> dict[str, Extraction]:
    return {p.stem: extract(p.read_text(encoding="utf-8")) for p in examples_dir.glob("*.txt")}


# --- the development article ---------------------------------------------------------------

def test_surname_and_full_name_are_one_person_with_roles_and_affiliation(dev: Extraction) -> None:
    zehavi = dev.named("Sarit Zehavi")
    assert zehavi.type == "PER"
    assert "Zehavi" in zehavi.aliases
    assert [e for e in dev.entities if e.name == "Zehavi"] == []
    assert any(r.startswith("president of the Alma Research and Education Center") for r in zehavi.roles)
    alma = dev.named("Alma Research and Education Center")
    assert any(r.subject == zehavi.id and r.object == alma.id for r in dev.relations)


def test_abbreviation_joins_its_expansion_and_qualified_name_gives_part_of(dev: Extraction) -> None:
    cers = dev.named("Syrian Scientific Studies and Research Center")
    assert "CERS" in cers.aliases and cers.type == "ORG"
    institute = dev.named("Institute 4000")
    assert "CERS Institute 4000" in institute.aliases
    assert any((r.subject, r.predicate, r.object) == (institute.id, "part_of", cers.id) for r in dev.relations)


def test_countries_carry_iso_codes_and_official_name_forms_join_them(dev: Extraction) -> None:
    iran = dev.named("Iran")
    assert iran.country == "IR" and iran.type == "GPE"
    assert "Islamic Republic" in iran.aliases
    assert dev.named("Israel").country == "IL"
    assert "State of Israel" in dev.named("Israel").aliases


def test_cities_are_places_with_coordinates(dev: Extraction) -> None:
    aleppo = dev.named("Aleppo")  # spaCy reads it as a nationality; the gazetteer says city
    assert aleppo.type == "GPE" and aleppo.country == "SY"
    assert aleppo.lat is not None and aleppo.lon is not None
    assert abs(aleppo.lat - 36.20) < 0.2 and abs(aleppo.lon - 37.13) < 0.2
    assert dev.named("Beirut").country == "LB"


def test_furniture_and_demonyms_are_not_entities(dev: Extraction) -> None:
    names = {e.name for e in dev.entities}
    assert "Read more" not in names
    assert not names & {"Iranian", "Syrian", "Israeli", "Iranians"}
    # a demonym is a mention of its country when the country is named
    iran = dev.named("Iran")
    assert any(m.text == "Iranian" for m in iran.mentions)


def test_named_weapon_system_is_wea(dev: Extraction) -> None:
    assert dev.named("Iron Dome").type == "WEA"


def test_every_mention_is_its_text(dev: Extraction) -> None:
    for entity in dev.entities:
        for m in entity.mentions:
            assert dev.text[m.start:m.end] == m.text


# --- the project's examples ----------------------------------------------------------------

def test_title_chains_before_names_become_roles(examples: dict[str, Extraction]) -> None:
    doc = examples["hezbollah-drones"]
    halevi = doc.named("Herzi Halevi")
    assert "Army Chief of Staff" in halevi.roles and "Lieutenant General" in halevi.roles
    assert "Halevi" in halevi.aliases
    mekdad = examples["iran-syria-missile-plant"].named("Faisal Mekdad")
    assert any("Foreign Minister" in r for r in mekdad.roles)
    gantz = examples["iran-syria-missile-plant"].named("Benny Gantz")
    assert any(r.lower() == "former defense minister" for r in gantz.roles)
    assert not examples["iran-syria-missile-plant"].find("Defense")


def test_weapon_designations_and_parenthesised_abbreviations(examples: dict[str, Extraction]) -> None:
    doc = examples["hezbollah-drones"]
    assert doc.named("Shahed-136").type == "WEA"
    assert doc.named("Mirsad-1").type == "WEA"
    inss = doc.named("Institute for National Security Studies")
    assert "INSS" in inss.aliases
    mizrahi = doc.named("Orna Mizrahi")
    assert any("senior researcher" in r for r in mizrahi.roles)
    assert any(r.subject == mizrahi.id and r.object == inss.id for r in doc.relations)
    plant = examples["iran-syria-missile-plant"]
    assert plant.named("Fateh-110").type == "WEA"
    assert plant.named("M-600").type == "WEA"


def test_news_agency_is_an_organisation_not_a_person(examples: dict[str, Extraction]) -> None:
    sana = examples["iran-syria-missile-plant"].named("SANA")
    assert sana.type == "ORG"


def test_title_alone_refers_back_to_the_person(examples: dict[str, Extraction]) -> None:
    doc = examples["iran-syria-missile-plant"]
    nadimi = doc.named("Farzin Nadimi")
    assert "analyst" in nadimi.roles
    assert any(m.text == "The analyst" for m in nadimi.mentions)


# --- short texts written for these tests ---------------------------------------------------

def test_us_forms_are_one_country() -> None:
    doc = extract("The United States said on Monday it would send more troops. U.S. officials "
                  "said the US Navy would lead the mission.")
    us = [e for e in doc.entities if e.country == "US" and e.type == "GPE"]
    assert len(us) == 1
    assert {"United States"} <= {us[0].name, *us[0].aliases}


def test_arabic_particle_names_are_whole_and_surnames_join() -> None:
    doc = extract("Iraqi National Security Adviser Qasim al-Araji met officials in Deir ez-Zor. "
                  "Araji said the talks were useful.", until="places")
    araji = doc.named("Qasim al-Araji")
    assert "Araji" in araji.aliases
    assert any("National Security Adviser" in r for r in araji.roles)
    assert not doc.find("Iraqi National Security")
    deir = doc.named("Deir ez-Zor")
    assert deir.type == "GPE" and deir.country == "SY"


def test_constituent_countries_are_places_of_their_own() -> None:
    doc = extract("Fans in England and Scotland celebrated, while Britain's government said the UK would "
                  "host the final.", until="places")
    england = doc.named("England")
    assert england.type == "GPE" and england.country == "GB"
    assert england.lat is not None and england.lon is not None
    assert 51 < england.lat < 54 and -3 < england.lon < 0  # England's centre, not the United Kingdom's
    uk = [e for e in doc.entities if e.name == "United Kingdom"]
    assert len(uk) == 1 and "England" not in uk[0].aliases


def test_city_beside_an_institution_named_after_it_stays_a_city() -> None:
    doc = extract("The Beijing Health Bureau said 3,606 infections had been reported in Beijing since March.", until="places")
    beijing = doc.named("Beijing")
    assert beijing.type == "GPE" and beijing.country == "CN"
    assert "Beijing" not in doc.named("Beijing Health Bureau").aliases


def test_disease_named_after_a_place_is_not_the_place() -> None:
    doc = extract("Three farm workers in Rhode Island tested positive for West Nile virus, and a nurse "
                  "caught Lassa fever.", until="places")
    assert doc.find("West Nile") is None
    assert doc.find("Lassa") is None
    assert doc.named("Rhode Island").country == "US"


def test_place_after_place_word_is_a_place() -> None:
    doc = extract("The strike hit a warehouse in the village of Kafr Nabudah, activists said.")
    village = doc.named("Kafr Nabudah")
    assert village.type in ("GPE", "LOC")


def test_named_facility() -> None:
    doc = extract("Russian jets took off from the Hmeimim air base before dawn, the ministry said.")
    base = doc.named("Hmeimim air base")
    assert base.type == "FAC"


def test_cli_extract_scores_on_development_article(dev_article_path: Path, shared_dir: Path, tmp_path: Path) -> None:
    """The shared scorer on `newsgraph extract`: the floors pin what this stage reaches today."""
    out = tmp_path / "dev.json"
    exe = Path(sys.executable).with_name("newsgraph")
    with out.open("w") as fh:
        subprocess.run([str(exe), "extract", str(dev_article_path), "--format", "json"], stdout=fh, check=True)
    score = subprocess.run([sys.executable, str(shared_dir / "eval" / "score.py"),
                            str(shared_dir / "corpus" / "alma-cers-study.gold.json"), str(out), "--json"],
                           capture_output=True, text=True, check=True)
    result = json.loads(score.stdout)
    assert result["entity_f1"] >= 0.9, result["false_positive_entities"] + result["missed_entities"]
    assert result["role_accuracy"] >= 0.9
    assert result["geo_accuracy_25km"] >= 0.95
    assert result["country_accuracy"] >= 0.95


def test_people_spacy_reads_as_places_are_people_and_untagged_cities_are_places() -> None:
    doc = extract("Erdogan threatened Syria. President Bush visited Iraq. Aleppo was shelled overnight.", until="places")
    assert doc.named("Erdogan").type == "PER"  # subject of a verb, unknown to the gazetteer
    assert doc.named("Bush").type == "PER"  # a title before it, though a town in Egypt is so named
    aleppo = doc.named("Aleppo")  # spaCy tags nothing here; the gazetteer knows the city
    assert aleppo.type == "GPE" and aleppo.country == "SY"


def test_a_bracketed_abbreviation_is_the_name_before_it() -> None:
    # scraped wire copy writes "[SARC]" where a paper prints "(SARC)": the short name still gets it
    doc = extract("Air strikes near Idlib killed nine Red Crescent [SARC] volunteers on Monday. SARC said its "
                  "convoy was marked.", until="places")
    crescent = doc.named("Red Crescent")
    assert "SARC" in crescent.aliases and crescent.type == "ORG"
    assert not [e for e in doc.entities if e.name == "SARC"]


def test_abbreviations_and_codes_are_not_places() -> None:
    doc = extract("The MoD said doctors in Basra had treated H1N1 cases.", until="places")
    assert doc.named("MoD").type == "ORG"
    assert doc.find("H1N1") is None
    assert doc.named("Basra").country == "IQ"


# --- vessels, weapons, sites, outlets and national bodies (sentences written for these tests) ----

def test_craft_named_after_a_descriptor_or_flag_are_vehicles_whatever_their_name() -> None:
    doc = extract("The Dutch frigate Utrecht followed the oil tanker Grey Heron S for two days, while the "
                  "Liberian-flagged Marlow 88 waited off the coast. A Kilo-class submarine joined them.")
    assert doc.named("Utrecht").type == "VEH"  # named after a city, still a ship
    assert doc.named("Grey Heron S").type == "VEH"
    assert doc.named("Marlow 88").type == "VEH"
    assert doc.named("Kilo-class").type == "VEH"


def test_ship_prefix_and_brand_named_weapon() -> None:
    doc = extract("Officials said the patrol ship EML Kalev escorted a convoy carrying Red Lance missiles "
                  "to the island.")
    assert doc.named("EML Kalev").type == "VEH"
    assert doc.named("Red Lance").type == "WEA"


def test_named_sites_exclude_the_preposition_and_keep_particles_and_accents() -> None:
    doc = extract("The delegation landed at Tindouf Air Station and drove to al-Wattar air base, then flew on "
                  "to Ärla air base.")
    for name in ("Tindouf Air Station", "al-Wattar air base", "Ärla air base"):
        assert doc.named(name).type == "FAC"
    assert not any(e.name.startswith("at ") for e in doc.entities)


def test_office_in_a_title_is_not_an_organisation() -> None:
    doc = extract("Secretary of State Martin Oduya said the talks would resume in Geneva.")
    assert doc.named("Martin Oduya").type == "PER"
    assert doc.find("State") is None


def test_each_country_keeps_its_own_ministry_and_a_bare_mention_joins_the_last_named() -> None:
    doc = extract("Chile's Foreign Ministry protested on Monday. Peru's Foreign Ministry replied that it had "
                  "done nothing wrong. The Foreign Ministry added that talks would continue.")
    chile, peru = doc.named("Chile's Foreign Ministry"), doc.named("Peru's Foreign Ministry")
    assert chile.id != peru.id and chile.type == peru.type == "ORG"
    assert len(peru.mentions) == 2 and len(chile.mentions) == 1


def test_group_short_name_joins_and_outlets_are_organisations() -> None:
    doc = extract("Fighters of the Wagner Group left Bamako. Wagner later denied it. The commander told Al-Monitor "
                  "and Nikkei Asia that the unit had moved, and wrote on X that it would return.")
    wagner = doc.named("Wagner Group")
    assert "Wagner" in wagner.aliases and doc.find("Wagner") is wagner
    for outlet in ("Al-Monitor", "Nikkei Asia", "X"):
        assert doc.named(outlet).type == "ORG"


def test_long_group_names_stay_whole() -> None:
    doc = extract("Islamic State Sahel Province and Jama'at Nusrat al-Islam wal-Muslimin both operate there, "
                  "according to the Autonomous Administration of North and East Syria.")
    for name in ("Islamic State Sahel Province", "Jama'at Nusrat al-Islam wal-Muslimin",
                 "Autonomous Administration of North and East Syria"):
        assert doc.named(name).type == "ORG"
    assert doc.find("Islamic State") is None


def test_places_spacy_reads_as_people_or_companies_as_people() -> None:
    doc = extract("Farmers in Bir al-Ghanam said the convoy passed at night. The firm Selmar Okan Shipping "
                  "owns the trucks, and officials in Qalat governorate confirmed it.")
    assert doc.named("Bir al-Ghanam").type == "GPE"
    assert doc.named("Selmar Okan Shipping").type == "ORG"


def test_unit_of_a_national_institution_is_two_organisations_and_part_of() -> None:
    doc = extract("He toured the Southern Command of the Armed Forces of the Philippines in Zamboanga. "
                  "The Supreme Council of the Armed Forces met later.")
    unit, forces = doc.named("Southern Command"), doc.named("Armed Forces of the Philippines")
    assert any((r.subject, r.predicate, r.object) == (unit.id, "part_of", forces.id) for r in doc.relations)
    assert doc.named("Supreme Council of the Armed Forces").type == "ORG"  # no country: one name


def test_hyphenated_weapon_word_and_person_spacy_reads_as_organisation() -> None:
    doc = extract("Kremlin spokesman Dmitry Volkov said Norway had deployed the Grey Pike anti-ship missile system.")
    assert doc.named("Dmitry Volkov").type == "PER"
    assert doc.named("Grey Pike").type == "WEA"


def test_base_named_alone_later_joins_the_base() -> None:
    doc = extract("Jets took off from Qaryat air base on Monday. By evening Qaryat was quiet again.")
    base = doc.named("Qaryat air base")
    assert base.type == "FAC" and "Qaryat" in base.aliases


def test_a_place_with_and_without_its_article_or_town_noun_is_one_place() -> None:
    found = extract("The pilots were shot down near Palmyra city. Soldiers drove past the ruins of Palmyra in April. "
                    "Regime raids targeted the neighbourhood of al-Waer. Mortars hit Waer neighbourhood again. "
                    "Rebels shelled Hama province and the city of Hama.")
    palmyra, waer = found.named("Palmyra"), found.named("al-Waer")
    assert palmyra.type == "GPE" and "Palmyra city" in palmyra.aliases
    assert "Waer" in waer.aliases
    assert found.named("Hama").id != found.named("Hama province").id  # a province is not its town
