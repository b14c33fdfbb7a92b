"""A corpus entity's point on the map (``EntityBuilder``): the point of its id's spelling, else the point one of
its other spellings was placed at, so which spelling the cluster is named by does not decide whether it is on
the map; a country never takes a town's point from a member."""

from __future__ import annotations

from newsgraph.model import Entity
from newsgraph.resolve.entities import EntityBuilder


def built(*rows: tuple[str, str, str, Entity]) -> dict[str, tuple[float | None, float | None]]:
    builder = EntityBuilder()
    for corpus_id, node, doc_id, entity in rows:
        builder.add(corpus_id, node, doc_id, entity)
    return {e.id: (e.lat, e.lon) for e in builder.build()}


def test_a_cluster_named_by_a_spelling_without_a_point_keeps_its_other_spelling_s_point() -> None:
    points = built(
        ("gpe:al-salihiya", "gpe:al-salihiya", "d1", Entity("e1", "Al-Salihiya", "GPE", country="SY")),
        ("gpe:al-salihiya", "gpe:al-salihiya", "d2", Entity("e3", "Al-Salihiya", "GPE", country="SY")),
        ("gpe:al-salihiya", "gpe:salihiah", "d3", Entity("e2", "Salihiah", "GPE", country="SY",
                                                          lat=36.50, lon=40.75)))
    assert points == {"gpe:al-salihiya": (36.50, 40.75)}


def test_the_id_spelling_s_own_point_wins_over_another_spelling_s() -> None:
    points = built(
        ("gpe:douma", "gpe:douma", "d1", Entity("e1", "Douma", "GPE", country="SY", lat=33.57, lon=36.40)),
        ("gpe:douma", "gpe:duma", "d2", Entity("e1", "Duma", "GPE", country="SY", lat=34.0, lon=37.0)),
        ("gpe:douma", "gpe:duma", "d3", Entity("e1", "Duma", "GPE", country="SY", lat=34.0, lon=37.0)))
    assert points == {"gpe:douma": (33.57, 36.40)}


def test_a_country_takes_no_point_from_a_member() -> None:
    points = built(("country:sy", "country:sy", "d1", Entity("e1", "Syria", "GPE", country="SY")),
                   ("country:sy", "gpe:syria-town", "d2", Entity("e2", "Syria", "GPE", country="SY",
                                                                 lat=35.0, lon=38.0)))
    assert points == {"country:sy": (None, None)}
