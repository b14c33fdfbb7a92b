"""Claims across documents: what each claim says, as features of its document and views of the corpus.

A claim's *features* are what its document says of it, independent of the corpus: its content terms (words of
its text, stemmed, without stop and reporting words, each also read as its concept: "gassing" is "chemical"),
its polarity (a denial as its cue or stance, or a verdict such as "a provocation" anywhere, turns a claim against
what it answers), its counts, the side it blames for an attack (``claim_blame``), the day its sentence dates,
and the local ids of its speaker, relays, subjects and of what it names itself.  A *view* puts the corpus ids of
the entity and event resolution on them; ``claims_compare.compare`` links two views.

A short denial ("denied using chemical weapons") seldom restates what it denies: when it has fewer than
``short_denial`` terms it also takes the terms of its document's headline.  ``compare`` is symmetric and
the views depend only on the documents and the entity resolution, so links do not depend on document order.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass
from functools import cached_property, lru_cache
from typing import NamedTuple

from newsgraph.model import Claim, Document
from newsgraph.resolve.claim_blame import blame, side_of, sides_named
from newsgraph.resolve.claim_occurrence import (
    PLACE_TYPES,
    dated,
    day_of,
    main_country,
    main_place,
    named_ids,
    reported_events,
    said_day_of,
)
from newsgraph.resolve.claim_terms import WORD, stem, terms, verdict_words
from newsgraph.settings import settings
from newsgraph.vocab import load

CORROBORATES = "corroborates"
CONTRADICTS = "contradicts"
NEGATIVE_STANCES = ("denied", "disputed")
_PLACE_TYPES = PLACE_TYPES
_CONTENT_TYPES = ("WEA", "VEH")  # a weapon's name is what a claim says, not whom it is about
_TOPICS = 3  # a claim naming no one is about its document's most mentioned entities
# corpus ids too wide to say what two claims of two documents are about: a country (Syria, in every FA-KES
# article), a weapon ("chemical weapons": what a claim says, not whom it is about)
_WIDE = ("country:", "wea:", "veh:")
_PLACES = ("geonames:", "gpe:", "loc:", "fac:")


@dataclass(frozen=True)
class Count:
    counted: str
    low: int | None
    high: int | None
    unit: str | None = None  # the noun counted ("civilians"): parts of a toll ("15 of the wounded") have none
    vague: bool = False      # a magnitude ("dozens of civilians"), not a figure: it neither agrees nor excludes


@dataclass(frozen=True)
class ClaimFeatures:
    """What one document says of one claim, without the corpus (stored as JSON)."""

    key: str            # doc_id/claim id
    doc_id: str
    doc_sha: str
    outlet: str | None  # the document's source
    published: str | None  # the document's publication day (ISO)
    claim_id: str
    speaker: str | None       # local entity id
    speaker_text: str | None
    via: tuple[str, ...]
    subjects: tuple[str, ...]  # local entity ids: what it is about, what its sentence names
    places: tuple[str, ...]    # local ids of its document's main place (all places, for a claim with counts)
    stance: str
    negative: bool
    terms: tuple[str, ...]
    counts: tuple[Count, ...]
    events: tuple[str, ...] = ()  # local ids of the events whose evidence its sentence overlaps
    own: tuple[str, ...] = ()     # local ids of what it names itself: its ``about`` and its sentence's entities
    blame: str = ""               # "topic|side": the side it says carried out an attack (``claim_blame``)
    home: tuple[str, ...] = ()    # local ids of its document's places, most mentioned first
    day: str | None = None        # the day its sentence dates (ISO), else its document's publication day
    conditional: bool = False     # what it says is a condition ("if allegations prove true"): it links with none
    relayed_denial: bool = False  # an assertion telling someone else's denial ("while Damascus refuted these
                                  # allegations"): its words are partly the denial's, so it links by blame only
    sides: tuple[str, ...] = ()   # the sides of the war what it says names ("the regime", "rebels")
    said_day: str | None = None   # the first full date what it says states ("using chemical arms on Saturday"),
                                  # not its cue's ("said on Saturday"): the day of the occurrence it tells

    @property
    def when(self) -> str | None:
        return self.day or self.published

    @cached_property
    def ordinal(self) -> int | None:
        """The day of ``when`` as a proleptic ordinal (compared with every partner's, so computed once)."""
        return dt.date.fromisoformat(self.when).toordinal() if self.when is not None else None

    def dumps(self) -> str:
        # what ``asdict`` gives, without its deep copy of every field (the features of every claim at ingest)
        fields = {name: getattr(self, name) for name in self.__dataclass_fields__}
        fields["counts"] = [asdict(c) for c in self.counts]
        return json.dumps(fields, ensure_ascii=False, sort_keys=True)

    @staticmethod
    def loads(text: str) -> ClaimFeatures:
        return _features(text)

    @property
    def references(self) -> frozenset[str]:
        """The local entity ids its view resolves."""
        speaker = (self.speaker,) if self.speaker else ()
        return frozenset({*speaker, *self.via, *self.subjects, *self.places, *self.own, *self.home})


@lru_cache(maxsize=settings().caches.claim_features)
def _features(text: str) -> ClaimFeatures:
    """The features stored as ``text``: each parsed once per process (partners are read at every ingest)."""
    d = json.loads(text)
    return ClaimFeatures(**{**d, "via": tuple(d["via"]), "subjects": tuple(d["subjects"]),
                            "places": tuple(d["places"]), "terms": tuple(d["terms"]),
                            "counts": tuple(Count(**c) for c in d["counts"]),
                            "events": tuple(d.get("events", ())), "own": tuple(d.get("own", ())),
                            "home": tuple(d.get("home", ()))})


def claim_key(doc_id: str, claim_id: str) -> str:
    return f"{doc_id}/{claim_id}"


def features_of(document: Document) -> list[ClaimFeatures]:
    """The features of every claim of ``document``."""
    headline = document.title or document.text[:200].split(". ")[0]
    names = _name_words(document)
    head_terms = frozenset(t for t in terms(headline)[0] if t not in names)
    places = tuple(sorted(e.id for e in document.entities if e.type in _PLACE_TYPES and e.geonames_id is not None))
    main = main_place(document) + main_country(document)
    out = []
    vocab = load("claim_links")
    home = tuple(e.id for e in sorted((e for e in document.entities if e.type in _PLACE_TYPES and e.geonames_id),
                                      key=lambda e: (-len(e.mentions), e.id)))
    for c in document.claims:
        said = _said(document, c, names, head_terms)
        out.append(ClaimFeatures(
            key=claim_key(document.doc_id, c.id), doc_id=document.doc_id, doc_sha=document.text_sha256,
            outlet=document.source, published=day_of(document.published), claim_id=c.id, speaker=c.speaker,
            speaker_text=c.speaker_text, via=c.via,
            subjects=_subjects(document, c), places=(*places, *main) if c.quantities else main, stance=c.stance,
            negative=said.negative, terms=tuple(sorted(said.terms)),
            counts=tuple(Count(q.counted, q.low, q.high, stem(q.unit) if q.unit else None,
                               (q.qualifier or "").casefold() in vocab.vague_counts) for q in c.quantities),
            events=reported_events(document, c), own=named_ids(document, c),
            blame=blame(c.cue, c.text, c.speaker_text, said.denied, said.terms, c.evidence.text), home=home,
            day=dated(document, c),
            conditional=bool(vocab.conditional & said.words), relayed_denial=said.relayed and not said.negative,
            sides=sides_named(c.text), said_day=said_day_of(document, c)))
    return out


class _Said(NamedTuple):
    terms: frozenset[str]  # the claim's own terms, with its document's headline's for a short denial
    negative: bool         # a denial by its cue or stance, or a verdict ("a provocation") in its text
    denied: bool           # a denial by its cue or stance
    relayed: bool          # a denial word in what it relays ("contradicting repeated denials by Assad")
    words: set[str]        # the words of its text, for verdicts and conditions


def _said(document: Document, c: Claim, names: frozenset[str], head_terms: frozenset[str]) -> _Said:
    """What a claim says, as terms without the document's names, and whether it denies."""
    said, relayed = terms(f"{c.cue} {c.text} {_weapons(document, c)}")
    if c.quantities and not terms(c.text)[0]:  # a bare figure ("by one report as many as 1300") counts
        said |= terms(c.evidence.text.replace(c.cue, " "))[0]  # what its sentence says
    own = frozenset(t for t in said if t not in names)
    # a denial word makes a denial as the cue ("denied", "rejects") or as a verdict anywhere ("a provocation");
    # in what an assertion says ("contradicting repeated denials by Assad") it is no denial of its own
    denied = c.stance in NEGATIVE_STANCES or terms(c.cue)[1]
    text_words = verdict_words(c.text)
    negative = denied or bool(load("claim_links").characterizations & text_words)
    found = own | head_terms if negative and len(own) < settings().claim_links.short_denial else own
    return _Said(found, negative, denied, relayed, text_words)


def _period(view: ClaimView) -> tuple[str, ...]:
    """Two buckets of ``window_days`` days: claims dated within the window share one."""
    if view.features.when is None:
        return ("undated",)
    days = dt.date.fromisoformat(view.features.when).toordinal() // settings().claim_links.window_days
    return (str(days), str(days + 1))


def near_in_time(a: ClaimView, b: ClaimView, window: int | None = None) -> bool:
    pa, pb = a.features.ordinal, b.features.ordinal
    if pa is None or pb is None:
        return pa is None and pb is None
    return abs(pa - pb) <= (settings().claim_links.window_days if window is None else window)


def _name_words(document: Document) -> frozenset[str]:
    """The words of the document's names (people, groups, places): what a claim is about, not what it says."""
    out: set[str] = set()
    for e in document.entities:
        if e.type not in _CONTENT_TYPES:
            for name in (e.name, *e.aliases, *(m.text for m in e.mentions)):
                for word in WORD.findall(name):
                    w = word.casefold().strip("'-")
                    out.update({w, w.rstrip("s"), stem(w)})
    return frozenset(out)


def _weapons(document: Document, claim: Claim) -> str:
    """The weapons and vehicles its sentence names: part of what it says ("came from Assad's forces" in a
    sentence about "an August 21 chemical weapons attack")."""
    span = claim.evidence
    return " ".join(m.text for e in document.entities if e.type in _CONTENT_TYPES for m in e.mentions
                    if span.start <= m.start and m.end <= span.end)


def _subjects(document: Document, claim: Claim) -> tuple[str, ...]:
    """What a claim is about: its ``about`` entities and those its sentence names, not its speaker or relays."""
    span = claim.evidence
    named = {e.id for e in document.entities
             if any(span.start <= m.start and m.end <= span.end for m in e.mentions)}
    others = set(claim.via) | ({claim.speaker} if claim.speaker else set())
    out = (set(claim.about) | named) - others
    if not out:
        ranked = sorted((e for e in document.entities if e.id not in others), key=lambda e: (-len(e.mentions), e.id))
        out = {e.id for e in ranked[:_TOPICS]}
    return tuple(sorted(out))


@dataclass(frozen=True)
class ClaimView:
    """A claim's features under the corpus's entity resolution."""

    features: ClaimFeatures
    speaker: str | None         # corpus id, or "text:" and its words for a speaker that is not an entity
    via: tuple[str, ...]
    subjects: frozenset[str]    # corpus ids (with the countries of the entities, and its document's place)
    named: frozenset[str] = frozenset()  # corpus ids of the entities it is about itself (part of its content)
    events: frozenset[str] = frozenset()  # corpus event ids of the events its sentence reports
    specific: frozenset[str] = frozenset()  # corpus ids of what it names itself, without countries and weapons
    # (or its document's place, when it names none); ``named_specific``: of those, what it names itself
    named_specific: frozenset[str] = frozenset()
    # who speaks: its corpus id, its country's and its side ("side:government"); a denial answers only what names one
    party: frozenset[str] = frozenset()
    # what it names itself (corpus ids with countries), the sides its words name and its terms
    mentions: frozenset[str] = frozenset()

    @property
    def key(self) -> str:
        return self.features.key


def view_of(features: ClaimFeatures, corpus_id: Callable[[str], str | None],
            country: Callable[[str], str | None], corpus_event: Callable[[str], str | None] | None = None,
            ) -> ClaimView:
    """``corpus_id``: local entity id -> corpus id; ``country``: local entity id -> its country's corpus id;
    ``corpus_event``: local event id -> its corpus event id (``newsgraph.resolve.events``)."""
    def ids(locals_: Iterable[str]) -> set[str]:
        return {cid for x in locals_ if (cid := corpus_id(x))}

    speaker = corpus_id(features.speaker) if features.speaker else None
    if speaker is None and features.speaker_text:
        speaker = "text:" + " ".join(features.speaker_text.casefold().split())
    subjects = ids(features.subjects) | ids(features.places)
    subjects |= {c for x in features.subjects if (c := country(x))}
    if features.negative and speaker:  # who denies denies about itself ("the government denied using ...")
        subjects.add(speaker)
    events = {e for x in features.events if (e := corpus_event(x))} if corpus_event else set()
    named = {x for x in ids(features.own) if not x.startswith(_WIDE)}
    specific = set(named)
    if not any(x.startswith(_PLACES) for x in specific):  # "the attack", "the site": its document's place
        homes = (cid for x in features.home if (cid := corpus_id(x)) and not cid.startswith(_WIDE))
        specific |= {x for x in (next(homes, None),) if x}
    return ClaimView(features, speaker, tuple(sorted(ids(features.via))), frozenset(subjects - {None}),
                     frozenset(ids(features.subjects)), frozenset(events), frozenset(specific),
                     frozenset(named), _party(features, speaker, country), _mentions(features, ids, country))


def _party(features: ClaimFeatures, speaker: str | None,
           country: Callable[[str], str | None]) -> frozenset[str]:
    """Who speaks, as what another claim may name: its corpus entity, its country, its side of the war and the
    words of its name ("Russia", "the Russian defence ministry": Russia; "the Syrian regime": the government)."""
    found = {speaker} if speaker and not speaker.startswith("text:") else set()
    if features.speaker and (home := country(features.speaker)):
        found.add(home)
    if side := side_of(features.speaker_text):
        found.add("side:" + side)
    generic = load("claim_links").generic  # a speaker of no content word ("claims", "it") is no one named
    found |= {"term:" + t for t in terms(features.speaker_text or "")[0] if not t.startswith("~") and t not in generic}
    return frozenset(found)


def _mentions(features: ClaimFeatures, ids: Callable[[Iterable[str]], set[str]],
              country: Callable[[str], str | None]) -> frozenset[str]:
    own = ids(features.own)
    own |= {c for x in features.own if (c := country(x))}
    return frozenset({*own, *("side:" + s for s in features.sides), *("term:" + t for t in features.terms)})


def blocking_keys(view: ClaimView) -> frozenset[str]:
    """What two claims of two documents must share to link, with a period: a specific subject and a term or a
    thing counted, a corpus event, or the topic of a blame; and their document.  Claims sharing none cannot link."""
    found = {f"{s}|{t}" for s in view.specific for t in view.features.terms}
    found |= {f"{s}|#{c.counted}" for s in view.specific for c in view.features.counts}
    found |= {f"event:{e}" for e in view.events}
    if view.features.blame:
        found.add("blame:" + view.features.blame.split("|")[0])
    keys = {f"{p}|{k}" for p in _period(view) for k in found}
    return frozenset(keys | {f"doc:{view.features.doc_sha}"})


@dataclass(frozen=True)
class ClaimLink:
    a: str  # the smaller claim key
    b: str
    kind: str
    score: float
    evidence: tuple[str, ...]
