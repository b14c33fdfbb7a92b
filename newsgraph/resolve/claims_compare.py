"""Comparing two claim views (``newsgraph.resolve.claims``): the link between them, if any.

Across documents two claims link only when they are about one thing: one corpus event, or a specific subject both
name themselves (not a country, not a weapon; a claim naming no place is about its document's most mentioned
one), or one kind of attack blamed on a side (``claim_blame``).  Then:

- ``corroborates``: two documents, one polarity, not the same speaker, not two corpus events, similarity of at
  least ``corroborate`` with a shared weight of ``corroborate_shared`` and ``shared_words`` words that are not
  concepts; or the same thing counted about one place with figures that agree; or one side blamed;
- ``contradicts`` (also within one document): opposite polarities with similarity of at least ``contradict``
  and the shared words; counts of one thing that do not overlap; or two sides blamed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable
from functools import lru_cache

from newsgraph.resolve.claim_terms import stem
from newsgraph.resolve.claims import (
    _PLACES,
    CONTRADICTS,
    CORROBORATES,
    ClaimLink,
    ClaimView,
    Count,
    near_in_time,
)
from newsgraph.settings import settings
from newsgraph.vocab import load


def content(view: ClaimView) -> set[str]:
    """Its terms and the entities it is about (a country is too wide to say what a claim is about)."""
    return set(view.features.terms) | {"@" + s for s in view.named if not s.startswith("country:")}


def _weight(terms: Iterable[str]) -> int:
    """A concept ("chemical") or a weapon weighs two words, a generic term (what every war report says) none."""
    generic = load("claim_links").generic
    return sum(_term_weight(t, generic) for t in terms)


def _term_weight(term: str, generic: Collection[str]) -> int:
    return 0 if term in generic else 2 if term.startswith(("~", "@wea:", "@veh:")) else 1


def _weighed(view: ClaimView) -> tuple[dict[str, int], frozenset[str], int]:
    """Its content terms with their weights, those that are words (not concepts or entities) and not generic, and
    its total weight: computed once per view (a view is compared with every claim sharing one of its keys)."""
    found = view.__dict__.get("_weighed")
    if found is None:
        generic = load("claim_links").generic
        weights = {t: _term_weight(t, generic) for t in content(view)}
        words = frozenset(t for t in weights if not t.startswith(("~", "@")) and t not in generic)
        found = (weights, words, sum(weights.values()))
        view.__dict__["_weighed"] = found  # a frozen dataclass: its derived figures go in its __dict__
    return found


def similarity(a: ClaimView, b: ClaimView) -> tuple[float, int, int]:
    """The weight of the terms two claims share over the smaller one's, that shared weight, and how many of the
    shared terms are words (not concepts or entities) that are not generic: what the two say, not their topic."""
    (wa, words_a, total_a), (wb, words_b, total_b) = _weighed(a), _weighed(b)
    common = wa.keys() & wb.keys()
    shared = sum(wa[t] for t in common)
    smaller = min(total_a, total_b)
    words = len(words_a & words_b)
    return (shared / smaller if smaller else 0.0), shared, words


@lru_cache(maxsize=1)
def _count_classes() -> dict[str, str]:
    classes = (load("claim_links").count_classes or {}).items()  # singular and plural ("vehicle", "vehicles")
    return {stem(form): name for word, name in classes for form in (word, word + "s")}


def counted_class(noun: str | None) -> str | None:
    """What a count counts, one class for the nouns of one class of people or things: "34 terrorists" and "34
    militants" are one side's dead, each outlet calling them by its own word (``count_classes``)."""
    return _count_classes().get(stem(noun), noun) if noun else noun


def count_relation(a: Count, b: Count) -> str | None:
    """"agree" (near figures), "disjoint" (ranges apart), "differ", or None (different things counted)."""
    if counted_class(a.counted) != counted_class(b.counted):
        return None
    # "15 of the wounded" (no unit) may be part of "40 wounded": figures without one unit never exclude
    unit_a, unit_b = counted_class(a.unit), counted_class(b.unit)
    one_unit = unit_a is not None and unit_a == unit_b
    if unit_a is not None and unit_b is not None and not one_unit:
        return None  # "nearly 50 rebels" and "45 civilians" are two tolls
    if a.vague or b.vague:
        return _magnitude(a, b)
    return _figures(a, b, one_unit)


def _figures(a: Count, b: Count, one_unit: bool) -> str | None:
    """Two figures (or ranges) of one thing: "disjoint" when their ranges are apart but not by orders of
    magnitude, "agree" when near, "differ" in one unit, else None."""
    a_low, a_high = a.low if a.low is not None else 0, a.high if a.high is not None else 10**12
    b_low, b_high = b.low if b.low is not None else 0, b.high if b.high is not None else 10**12
    best_a, best_b = a.low or a.high or 0, b.low or b.high or 0
    if a_high < b_low or b_high < a_low:
        # "killed 1300" against "more than 100000 killed in the conflict": figures this far apart count two things
        spread = max(best_a, best_b) / max(1, min(best_a, best_b))
        return "disjoint" if one_unit and spread <= settings().claim_links.count_spread else None
    ratio = settings().corpus_events.figure_ratio
    near = min(best_a, best_b) > 0 and max(best_a, best_b) / min(best_a, best_b) <= ratio
    return "agree" if near else ("differ" if one_unit else None)


def _magnitude(a: Count, b: Count) -> str | None:
    """A magnitude ("dozens": 24 to 99, "hundreds": 200 to 999) against a figure or a magnitude: "agree" when the
    figure is in it ("hundreds of people" and "the death toll was 213"), else None; it never excludes a figure."""
    vague, other = (a, b) if a.vague else (b, a)
    floor = vague.low or vague.high
    figure = other.low if other.low is not None else other.high
    if floor is None or figure is None or (other.vague and figure != floor):
        return None  # two magnitudes agree when they are one ("hundreds" and "hundreds")
    return "agree" if floor <= figure < 10 ** len(str(floor)) else None


def counts_relation(a: ClaimView, b: ClaimView) -> str | None:
    """How two claims' counts relate: for each thing counted, figures that agree outweigh the others ("killing 8
    persons injuring more than 55" twice, with both figures read as the wounded, is one toll), then "disjoint",
    "differ" and "agree" in that order over the things counted."""
    by_thing: dict[str, set[str]] = {}
    for x in a.features.counts:
        for y in b.features.counts:
            if relation := count_relation(x, y):
                by_thing.setdefault(counted_class(x.counted) or x.counted, set()).add(relation)
    found = {r for relations in by_thing.values() for r in ({"agree"} if "agree" in relations else relations)}
    for relation in ("disjoint", "differ", "agree"):
        if relation in found:
            return relation
    return None


def _occurrence(a: ClaimView, b: ClaimView) -> tuple[bool, frozenset[str], str | None]:
    """Whether two claims of two documents report two different corpus events, the corpus events both report,
    and how their counts relate.  Two corpus events are two occurrences (two attacks on one town in one month):
    their figures are not compared and they never corroborate; one corpus event is strong evidence."""
    if a.features.doc_sha == b.features.doc_sha:
        return False, frozenset(), None
    one_event = a.events & b.events
    apart = bool(a.events and b.events) and not one_event
    # counts are compared across documents about one occurrence: one corpus event, or a place both sentences
    # name one, their documents' main place, and when one names none, its document's main place against the
    # other's (``specific`` holds it): "as many as 1300" in a report from Damascus, "killed more than 1400" near it
    both_name = _one_place(a.named_specific, a.named_specific) and _one_place(b.named_specific, b.named_specific)
    places = bool(one_event) or _one_place(a.named_specific, b.named_specific) or (
        not both_name and _one_place(a.specific, b.specific))
    near = near_in_time(a, b, settings().claim_links.count_days)
    return apart, one_event, (counts_relation(a, b) if places and near and not apart else None)


def _two_occurrences(a: ClaimView, b: ClaimView, days: int) -> bool:
    """Two reports of attacks that are not one: a toll is one day's ("injuring 13 people" on the 23rd is not
    "injuring two" on the 7th), and two claims each naming a place the other does not ("rocket shells at
    Maisaloun neighborhood", "at al-Hamadaniye neighborhood", both "in Aleppo city") tell of two places."""
    if (a.features.counts or b.features.counts) and not near_in_time(a, b, days):
        return True
    places_a = {x for x in a.named_specific if x.startswith(_PLACES)}
    places_b = {x for x in b.named_specific if x.startswith(_PLACES)}
    return bool(places_a - places_b) and bool(places_b - places_a)


def _other_days(a: ClaimView, b: ClaimView) -> bool:
    """Two claims telling of two occurrences by their days: one tells of a day after the other's document was
    published (a report of Wednesday cannot answer chemical arms used "on Saturday").  A claim telling of a day
    after its own document's publication day says its document is misdated ("On August 21 2013 the Assad regime
    fired rockets" in a report dated the 13th): then neither publication day is trusted."""
    said = [(_ordinal(v.features.said_day), _ordinal(v.features.published)) for v in (a, b)]
    if any(day is not None and own is not None and day > own + 1 for day, own in said):
        return False
    (day_a, published_a), (day_b, published_b) = said
    return any(day is not None and published is not None and day > published + 1
               for day, published in ((day_a, published_b), (day_b, published_a)))


@lru_cache(maxsize=4096)
def _ordinal(day: str | None) -> int | None:
    return dt.date.fromisoformat(day).toordinal() if day else None


def _one_place(a: frozenset[str], b: frozenset[str]) -> bool:
    return any(x.startswith(_PLACES) for x in a & b)


def _blame_link(a: ClaimView, b: ClaimView, why: list[str]) -> ClaimLink | None:
    """Two claims blaming sides for one kind of attack: the same side corroborates across documents (not the same
    speaker twice), two sides contradict (``claim_blame``)."""
    topic_a, side_a = a.features.blame.split("|")
    side_b = b.features.blame.split("|")[1]
    why = [*why, f"{topic_a} attack blamed on {side_a} / {side_b}"]
    if side_a != side_b:
        return ClaimLink(a.key, b.key, CONTRADICTS, 1.0, (*why, "two sides blamed"))
    if a.features.doc_sha == b.features.doc_sha or (a.speaker is not None and a.speaker == b.speaker):
        return None
    return ClaimLink(a.key, b.key, CORROBORATES, 1.0, (*why, "one side blamed"))


def _same_topic(a: ClaimView, b: ClaimView) -> bool:
    first, second = a.features.blame, b.features.blame
    return bool(first and second) and first.split("|")[0] == second.split("|")[0]


def compare(a: ClaimView, b: ClaimView) -> ClaimLink | None:
    """The link between two claims, if any (symmetric)."""
    if a.key == b.key:
        return None
    if a.key > b.key:
        a, b = b, a
    if not near_in_time(a, b):
        return None  # claims weeks apart answer other events
    if a.features.conditional or b.features.conditional:
        return None  # "must respond if allegations ... prove true" states neither the allegation nor its denial
    shared = a.subjects & b.subjects
    one_document = a.features.doc_sha == b.features.doc_sha
    if not one_document and _other_days(a, b):
        return None
    return _subject_link(a, b, shared, one_document)


def _subject_link(a: ClaimView, b: ClaimView, shared: frozenset[str], one_document: bool) -> ClaimLink | None:
    """The link of two claims that share a subject (or one document), or of one corpus event: by the side
    both blame, else by what they say and count."""
    one_event = frozenset() if one_document else a.events & b.events
    apart = not one_document and bool(a.events and b.events) and not one_event
    specific = a.specific & b.specific
    # about a common subject: two claims about nothing in common are two attacks
    blamed = _same_topic(a, b) and not apart and bool(one_document or shared or specific)
    if not blamed and not (one_document and shared) and not specific and not one_event:
        return None  # across documents: one corpus event, or a specific subject both name themselves
    why = [f"shared subjects: {', '.join(sorted(specific or shared)[:4])}"]
    if one_event:
        why.append(f"one corpus event: {sorted(one_event)[0]}")
    if blamed:
        return _blame_link(a, b, why)
    return _said_link(a, b, why, _occurrence(a, b))


def _denial_answers(a: ClaimView, b: ClaimView, said: tuple[float, int, bool], one_occurrence: bool) -> bool:
    """One of two claims denies what the other asserts: opposite polarities, similarity ``contradict`` with
    ``min_shared`` and the shared words, and about the reports of the denial's own days (``count_days``) or of
    the corpus event both report: "Russian planes had not carried out air strikes on Idlib" (the 4th) is not
    about the strike in Idlib reported on the 9th.  A denial is its speaker's ("we did not do it"): it answers
    an assertion that names the speaker (its entity, country, side or a word of its name), not a report that
    something happened ("the aid convoy had come under attack", a toll, a call for access)."""
    cfg = settings().claim_links
    score, common, one_thing_said = said
    if a.features.negative == b.features.negative or score < cfg.contradict or common < cfg.min_shared:
        return False
    denial, assertion = (a, b) if a.features.negative else (b, a)
    if denial.party and not denial.party & assertion.mentions:
        return False  # "Russia denied any responsibility" is not answered by "the aid convoy had come under attack"
    return one_thing_said and (one_occurrence or near_in_time(a, b, cfg.count_days))


def _said_link(a: ClaimView, b: ClaimView, why: list[str],
               occurrence: tuple[bool, frozenset[str], str | None]) -> ClaimLink | None:
    """The link of two claims by what they say and count (not by a side blamed)."""
    _, one_event, counts = occurrence
    one_document = a.features.doc_sha == b.features.doc_sha
    cfg = settings().claim_links
    if _never_linked(a, b, one_document, bool(one_event)):
        return None
    score, common, words = similarity(a, b)
    why.append(f"similarity {score:.2f} ({common} terms, {words} words)")
    # two claims on one topic share its concepts ("chemical", "access"): they say one thing when they also share
    # words of what they say (across documents; in one document its subject is enough)
    # one word is enough where both name their shared subject themselves ("the Turkish army denied that its
    # shelling killed civilians in Afrin" against "the Turkish shelling killed 12 civilians in the town")
    named = one_document or bool(a.named_specific & b.named_specific)
    said = words >= (1 if named else cfg.shared_words)
    if _denial_answers(a, b, (score, common, said), bool(one_document or one_event)):
        return ClaimLink(a.key, b.key, CONTRADICTS, round(score, 3), (*why, "a denial against an assertion"))
    # tolls of one place and day that do not overlap: a shared concept ("gassing", "chemical weapons") is enough
    one_thing = one_event or said or common >= cfg.min_shared
    if counts == "disjoint" and one_thing and not (a.features.negative or b.features.negative):
        return ClaimLink(a.key, b.key, CONTRADICTS, 1.0, (*why, "counts of one thing that do not overlap"))
    if one_document:
        return None
    return _corroboration(a, b, why, (score, common, said), occurrence)


def _never_linked(a: ClaimView, b: ClaimView, one_document: bool, one_event: bool) -> bool:
    """Pairs no words link: a claim relaying a denial, two claims of one polarity in one document, and two
    claims of two occurrences."""
    if a.features.relayed_denial or b.features.relayed_denial:
        return True
    if one_document and a.features.negative == b.features.negative:
        return True  # in one document only a denial against an assertion links (counts are compared across)
    return not one_document and not one_event and _two_occurrences(a, b, settings().claim_links.count_days)


def _corroboration(a: ClaimView, b: ClaimView, why: list[str], said: tuple[float, int, bool],
                   occurrence: tuple[bool, frozenset[str], str | None]) -> ClaimLink | None:
    """Two claims of two documents, of one polarity, that say one thing (or give figures that agree)."""
    cfg = settings().claim_links
    score, common, one_thing_said = said
    apart, one_event, counts = occurrence
    if a.features.negative != b.features.negative:
        return None
    if (a.speaker is not None and a.speaker == b.speaker) or counts in ("disjoint", "differ") or apart:
        return None  # one speaker relayed twice says one thing once; figures that differ do not corroborate
    needed = cfg.min_shared if one_event else cfg.corroborate_shared
    if (score >= cfg.corroborate and common >= needed and one_thing_said) or counts == "agree":
        agree = ("counts agree",) if counts else ()
        return ClaimLink(a.key, b.key, CORROBORATES, round(score, 3), (*why, *agree))
    return None
