"""The map's places: where corpus events are reported, with coordinates, precision and counts."""

from __future__ import annotations

from newsgraph.geo.readings import lookup_place
from newsgraph.query import places
from newsgraph.store import Store


def test_places_have_coordinates_precision_and_counts_most_reports_first(asked: Store) -> None:
    found = places(asked)
    assert found and all(-90 <= p.lat <= 90 and -180 <= p.lon <= 180 for p in found)
    assert all(p.reports >= p.events >= 1 and p.reports >= p.documents >= 1 for p in found)
    assert [p.reports for p in found] == sorted((p.reports for p in found), reverse=True)
    assert {p.precision for p in found} >= {"town", "country"}
    assert all(p.precision == "country" for p in found if p.id.startswith("country:"))


def test_a_town_is_at_its_gazetteer_point(asked: Store) -> None:
    town = next(p for p in places(asked) if p.precision == "town")
    known = lookup_place(town.name)
    assert known is not None and town.id == f"geonames:{known.geonames_id}"
    assert (round(town.lat, 2), round(town.lon, 2)) == (round(known.lat, 2), round(known.lon, 2))


def test_dates_and_outlet_narrow_the_places(asked: Store) -> None:
    assert places(asked, date_from="2099") == []
    everywhere = sum(p.reports for p in places(asked))
    assert 0 < sum(p.reports for p in places(asked, date_to="2013-12")) < everywhere
