"""Airfields (newsgraph.geo.facilities): an air base or airport at its own point, from the airportsdata table."""

from __future__ import annotations

import subprocess
import sys

import pytest

from newsgraph import extract, geo
from newsgraph.geo.facilities import airfields, is_airfield


def _first(name: str) -> geo.Place:
    found = airfields(name)
    assert found, f"no airfield for {name!r}"
    return found[0]


@pytest.mark.parametrize("name,iso,lat,lon", [
    ("Shayrat airbase", "SY", 34.49, 36.91),          # not the village of Shayrat
    ("Ämari air base", "EE", 59.26, 24.21),
    ("Incirlik Air Base", "TR", 37.00, 35.43),
    ("Vnukovo International Airport", "RU", 55.59, 37.26),
    ("Heathrow Airport", "GB", 51.47, -0.46),         # the table's "London Heathrow Airport"
    ("Maaten al-Sarra air base", "LY", 21.69, 21.83),  # spelled "Matan al-Sarra" in the table
    ("al-Khadim air base", "LY", 32.00, 21.19),       # "Al Khadim Airport": no IATA code, a national one
    ("Mezzeh military airport", "SY", 33.48, 36.22),  # "Mezze Airport"
])
def test_an_airfield_is_at_its_own_point(name: str, iso: str, lat: float, lon: float) -> None:
    field = _first(name)
    assert field.country == iso and geo.distance_km(field.lat, field.lon, lat, lon) < 5


def test_an_airport_named_like_a_town_is_near_a_town_of_that_name() -> None:
    cairo = airfields("Cairo airport")
    assert {f.country for f in cairo} == {"EG", "US"}  # Cairo, Egypt and Cairo, Illinois: the document decides
    amsterdam = _first("Amsterdam airport")
    assert amsterdam.country == "NL" and "Schiphol" in amsterdam.name  # it serves Amsterdam, not named so
    beirut = _first("Beirut airport")
    assert beirut.country == "LB" and geo.distance_km(beirut.lat, beirut.lon, 33.82, 35.49) < 5


def test_a_facility_the_table_lacks_gets_no_point_and_other_facilities_are_no_airfields() -> None:
    assert airfields("Wallace Air Station") == []  # a radar station, not an airfield of the table
    assert not is_airfield("Masyaf facility") and airfields("Masyaf facility") == []
    assert is_airfield("Hmeimim air base") and is_airfield("the Mezzeh military airport")


def test_private_strips_are_not_airfields_of_news() -> None:
    # US and Canadian private strips are keyed by national codes with digits ("Van Boening Airport" is 6NE0)
    assert airfields("Van Boening Airport") == []
    assert _first("Wallace-Pender Airport").country == "US"  # one with an ICAO code (KACZ) is


@pytest.mark.parametrize("name,lat,lon", [
    ("Tabaqa airport", 35.75, 38.57),       # the table's "Tabqa Airport", by the town Al-Tabqa
    ("Deir Ezzor air base", 35.29, 40.18),  # "Deir ez-Zor Airport"
    ("Qamishli airport", 37.02, 41.19),     # "Kamishly Airport"
])
def test_an_airfield_named_after_a_town_in_another_spelling_is_the_field_by_that_town(
        name: str, lat: float, lon: float) -> None:
    field = _first(name)
    assert field.kind == "facility" and field.country == "SY"
    assert geo.distance_km(field.lat, field.lon, lat, lon) < 5


def test_a_respelled_air_base_in_a_report_is_placed_at_the_field() -> None:
    doc = extract("Islamic State fighters shelled the Deir Ezzor air base on Sunday, "
                  "the Syrian Observatory for Human Rights said.")
    base = next(e for e in doc.entities if "Ezzor" in e.name)
    assert base.type == "FAC" and base.country == "SY" and base.lat is not None and base.lon is not None
    assert geo.distance_km(base.lat, base.lon, 35.29, 40.18) < 5


def test_an_air_base_in_another_spelling_with_a_short_skeleton_is_the_field() -> None:
    doc = extract("U.S. warships fired cruise missiles at the Shairat airbase near Homs, "
                  "the Syrian army said on Friday.")
    base = next(e for e in doc.entities if "Shairat" in e.name)
    assert base.type == "FAC" and base.country == "SY" and base.lat is not None and base.lon is not None
    assert geo.distance_km(base.lat, base.lon, 34.49, 36.91) < 5  # Shayrat Air Base, not the town of Homs


def _facility(text: str, name: str) -> tuple[str | None, float | None, float | None]:
    fac = next(e for e in extract(text).entities if e.name.endswith(name))
    assert fac.type == "FAC", fac
    return fac.country, fac.lat, fac.lon


@pytest.mark.parametrize("text,name,lat,lon", [
    # GeoNames gives Al Qardahah no population; the hospital is named by the town's own name
    ("Two Syrian soldiers wounded in the clashes in Latakia province were taken to Qardaha hospital, "
     "the Syrian Observatory for Human Rights said.", "Qardaha hospital", 35.46, 36.06),
    # "Daraa" and "Azaz" are GeoNames' alternate names of Dar'a and I'zaz, towns under 100,000 people
    ("Rebels shelled the city on Sunday and the wounded were taken to Daraa National Hospital, "
     "Syrian state media said.", "Daraa National Hospital", 32.62, 36.10),
    ("Rescue workers rushed dozens of injured Syrians to the nearby Azaz hospital, a witness said.",
     "Azaz hospital", 36.59, 37.05),
])
def test_a_service_named_after_a_town_stands_in_that_town(text: str, name: str, lat: float, lon: float) -> None:
    country, fac_lat, fac_lon = _facility(text, name)
    assert country == "SY" and fac_lat is not None and fac_lon is not None
    assert geo.distance_km(fac_lat, fac_lon, lat, lon) < 5


def test_a_street_named_after_a_town_is_not_placed_at_that_town() -> None:
    # Thawra is an old name of al-Thawrah (Tabqa), 400 km from the Damascus street named after the revolution
    text = ("Two shells exploded in the Shaalan district of Damascus and a few others blew up near Thawra Street, "
            "a Syrian state media correspondent reported.")
    _, lat, lon = _facility(text, "Thawra Street")
    assert lat is None or geo.distance_km(lat, lon or 0.0, 33.51, 36.29) < 25


def test_a_service_with_a_name_of_its_own_is_not_placed_at_a_namesake_of_its_first_word() -> None:
    # "Community" makes it a name of its own: it is no service named after Moosup, Connecticut, whose GeoNames
    # alternate names include "Kishwaukee"; "National", "Military" do not ("Daraa National Hospital" above)
    text = ("Two people injured in the crash on Interstate 88 in Illinois were taken to Kishwaukee Community "
            "Hospital, police in DeKalb, Illinois, said on Sunday.")
    _, lat, lon = _facility(text, "Kishwaukee Community Hospital")
    assert lat is None or geo.distance_km(lat, lon or 0.0, 41.93, -88.75) < 25  # DeKalb, Illinois


def test_the_airfield_table_is_read_from_the_gazetteer_file() -> None:
    # its keys were written when the file was built: a process reads the fields it names, and never loads the
    # airportsdata package (half a second per process when the table was built from it)
    assert [f.name for f in geo.gazetteer.airfields("stem", "shayrat")] == ["Shayrat Air Base"]
    assert "Kamishly Airport" in {f.name for f in geo.gazetteer.airfields("town", "kamishly")}
    probe = ("import sys; from newsgraph.geo.facilities import airfields; "
             "print(airfields('Shayrat airbase')[0].name, 'airportsdata' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
    assert out.split("\n")[-2] == "Shayrat Air Base False"
