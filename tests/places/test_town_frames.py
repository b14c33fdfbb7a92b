"""Where a place the gazetteer lacks lies, from how a report names it with a town or province (issue 11):
the real pipeline up to the places stage on sentences written for these tests, as FA-KES reports write them."""

from __future__ import annotations

from newsgraph import geo
from newsgraph.model import Entity
from newsgraph.pipeline import run


def _placed(text: str) -> dict[str, Entity]:
    return {e.name: e for e in run(text, "2016-11-20", until="places").entities if e.type in ("GPE", "LOC", "FAC")}


def test_a_part_after_its_towns_possessive_is_at_the_town() -> None:
    found = _placed("In Aleppos Qaryat al-Ansari neighborhood militants executed 40 men, the Russian defence "
                    "ministry said. Shells also hit Damascus's Qaboun district and Homs.")
    aleppo, district = found["Aleppo"], found["Qaryat al-Ansari"]
    assert aleppo.lat is not None and aleppo.lon is not None
    assert district.country == "SY" and geo.distance_km(district.lat or 0, district.lon or 0,
                                                        aleppo.lat, aleppo.lon) < 1
    assert district.geonames_id is None  # a point by the town, not the town


def test_a_town_before_a_part_without_a_possessive_lends_no_point() -> None:
    found = _placed("Rebels in Aleppo, Qaryat al-Ansari district and Idlib were shelled, Syrian state media said.")
    assert found["Qaryat al-Ansari"].country == "SY" and found["Qaryat al-Ansari"].lat is None


def test_a_village_named_with_what_it_is_before_in_takes_the_provinces_country() -> None:
    # a report that names Russia and the US as often as Syria: the province is what places the village
    found = _placed("US-led coalition aircraft killed ten people in al-Salehia village in the northern "
                    "countryside of Raqqa province, the US and Russia said, as Russia, the US and France met.")
    assert found["al-Salehia"].country == "SY"
