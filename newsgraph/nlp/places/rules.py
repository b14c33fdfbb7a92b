"""Which reading of a place name the document means: the rules that rule readings out, and the score.

Each reading of a name is judged with what the document says for it
(``DocumentEvidence``). A reading is out when one of ``RULES`` says so; of the rest, the
best score wins: prior + ``context_weight`` x the share of the votes for its country +
its local support (+ ``area_hint`` for an area after a direction word).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from newsgraph.geo.facilities import FACILITY
from newsgraph.geo.gazetteer import Place, distance_km
from newsgraph.geo.readings import Reading, small
from newsgraph.nlp.places.context import within
from newsgraph.nlp.places.evidence import DocumentEvidence, is_local


class Judgement(NamedTuple):
    """One reading of one entity's name, with what the document says for it (a tuple: made per reading)."""

    entity_id: str
    place: Place
    prior: float
    support: float          # local support: qualifier, province, anchors, neighbours
    share: float            # the share of the document's country votes for its country
    country_named: bool     # a reading of the name is a country ("Jordan")
    big_state_named: bool   # a reading of the name is a state of over ``big_state`` people ("Florida")
    dominant: str | None    # the country the document is about, not counting this name
    named_rival: int        # the population of the biggest reading in a country the document names (-1: none)

    @property
    def town(self) -> bool:
        return self.place.kind == "city"


def town_named_like_a_country(ev: DocumentEvidence, j: Judgement) -> bool:
    """"Jordan" is the country unless Jordan, Minnesota's neighbours are named."""
    return j.country_named and j.town and j.support < ev.weights.country_town_support


def town_named_like_a_big_state(ev: DocumentEvidence, j: Judgement) -> bool:
    """"Florida" is the state, not Florida, New York, unless named "Florida, N.Y." (a big city may compete)."""
    w = ev.weights
    return j.big_state_named and j.town and j.place.population < w.big_city and j.support < w.qualified_bonus


def unsupported_small_or_sound_alike(ev: DocumentEvidence, j: Judgement) -> bool:
    """A hamlet or a sound-alike with nothing around it and little of the votes: not this one."""
    w = ev.weights
    return ((small(j.place, w) or j.entity_id in ev.fuzzy) and j.support < w.weak_support
            and j.share < w.supporting_share)


def unanchored_sound_alike_hamlet(ev: DocumentEvidence, j: Judgement) -> bool:
    """A hamlet that only sounds alike: only beside a clearly placed town or in its country's report."""
    return (small(j.place, ev.weights) and j.entity_id in ev.fuzzy and j.share < ev.weights.supporting_share
            and not ev.anchored(j.entity_id, j.place))


def misread_town_abroad(ev: DocumentEvidence, j: Judgement) -> bool:
    """A town or district in a country the document does not point to, that nothing else points to either, while
    its votes go elsewhere: "Tawila" in a report on Darfur is not the Yemeni town or district of that name, "Zahra"
    on Aleppo's outskirts not Ez Zahra by Tunis, "Mansoura" in a report on Russia and Syria not the Algerian town
    (the name's own clear vote does not count, nor, for a village, do the report's towns across the border).
    A city of ``big_city`` people competes, unless the report is about one country and writes the name with the
    Arabic article: "al-Sabha" in a report on Syria is not Sabha, Libya, nor "al-Tiba" Chiba."""
    w = ev.weights
    # its own clear reading voted once per mention ("al-Foua" read as the Egyptian town, twice): those are
    # no evidence for the country, or every unsupported name abroad would vote itself in
    own_vote = ev.own_vote(j.entity_id, j.place.country)
    if ev.votes.get(j.place.country or "", 0) > own_vote or ev.votes_elsewhere(j.place.country) < w.dominant_votes:
        return False
    district = j.place.kind == "admin" and j.place.level == 2
    if not (((j.town or district) and j.place.population < w.big_city) or _arabic_name_abroad(ev, j)):
        return False
    # nor, for a village, are the other country's towns across a border: only support from its own country
    # counts ("Harbiyat" in the Raqqa countryside is no Harbiye by Antakya; Erie, Pennsylvania, a city, keeps the
    # support of London, Ontario across the lake)
    support = ev.support_at_home(j.entity_id, j.place) if small(j.place, w) else j.support
    return support < w.weak_support and j.entity_id not in ev.qualified


def _arabic_name_abroad(ev: DocumentEvidence, j: Judgement) -> bool:
    """A town or area outside the country the report is about, read from a name written with the Arabic article."""
    return j.entity_id in ev.article_named and j.dominant is not None and j.place.country != j.dominant \
        and is_local(j.place)


def outside_the_area_it_is_in(ev: DocumentEvidence, j: Judgement) -> bool:
    """"Hader in Quneitra province", "Nishtun in al-Mahra": a town or area elsewhere is another place of that
    name; the one meant is not in the gazetteer (it keeps the area's country, nlp/places/locators.py).
    Only areas in countries the document points to count ("in La Union" is no Salvadoran department in a
    report on the Philippines)."""
    areas = {area for area in ev.placed_in.get(j.entity_id, ()) if ev.votes.get(area[0], 0) > 0}
    return bool(areas) and is_local(j.place) and not within(j.place, areas)


def far_from_the_town_it_lies_by(ev: DocumentEvidence, j: Judgement) -> bool:
    """"Al Maleh north of Aleppo" is not Malé in the Maldives, "Safsafeh east of Tabqa" not the Safsafah of
    Tartus: a town or area farther than ``nearby_km`` from every clear town the text says it lies near or by."""
    towns = ev.beside.get(j.entity_id)
    return bool(towns) and is_local(j.place) and all(
        distance_km(j.place.lat, j.place.lon, t.lat, t.lon) > ev.weights.nearby_km for t in towns or ())


def smaller_namesake_abroad(ev: DocumentEvidence, j: Judgement) -> bool:
    """A town in a country the document never points to, when a reading at least as big lies in a country
    it names: "Tripoli" in a report on Libya, Syria and Russia is not the Lebanese city, however near
    Latakia and Tartus it lies. (A bigger place abroad still competes: "Paris" in a Texas paper.)"""
    return (j.share == 0 and is_local(j.place) and 0 <= j.place.population <= j.named_rival
            and j.entity_id not in ev.qualified)


def respelled_or_airfield_abroad(ev: DocumentEvidence, j: Judgement) -> bool:
    """Another spelling of the name ("Efrin" ~ Afrin), a sound-alike or a town inside a facility's name, or an
    airfield of that name ("Bali airport" ~ Bali, Cameroon) only in a country the document points to:
    "European" is not Uruapan, Mexico, nor "Vaindloo" in a report on Estonia and Russia Vandalia, Ohio
    (which a Moscow, Ohio nearby would otherwise support)."""
    return ((j.entity_id in ev.spelled or j.entity_id in ev.fuzzy or j.place.kind == FACILITY)
            and j.share == 0 and bool(ev.votes))


Rule = Callable[[DocumentEvidence, Judgement], bool]
RULES: tuple[Rule, ...] = (town_named_like_a_country, town_named_like_a_big_state, unsupported_small_or_sound_alike,
                           unanchored_sound_alike_hamlet, misread_town_abroad, outside_the_area_it_is_in,
                           far_from_the_town_it_lies_by,
                           smaller_namesake_abroad, respelled_or_airfield_abroad)


def score(ev: DocumentEvidence, j: Judgement) -> float:
    """Prior + the document's country votes + local support, and the area hint for areas."""
    w = ev.weights
    value = j.prior + w.context_weight * j.share + j.support
    if j.entity_id in ev.hinted and not j.town:
        value += w.area_hint
    return value


def choose_reading(ev: DocumentEvidence, entity_id: str, found: list[Reading], dominant: str | None) -> Place | None:
    """The best-scoring reading that no rule rules out (the first of equals), or None."""
    w = ev.weights
    country_named = any(r.place.kind == "country" for r in found)
    big_state_named = any(r.place.kind == "admin" and r.place.level == 1 and r.place.population >= w.big_state
                          for r in found)
    named_rival = max((r.place.population for r in found if ev.share(r.place) >= w.named_country_share), default=-1)
    best: tuple[float, Place] | None = None
    for place, prior in found:
        j = Judgement(entity_id, place, prior, ev.local_support(entity_id, place), ev.share(place),
                      country_named, big_state_named, dominant, named_rival)
        if any(rule(ev, j) for rule in RULES):
            continue
        value = score(ev, j)
        if best is None or value > best[0]:
            best = (value, place)
    return best[1] if best else None
