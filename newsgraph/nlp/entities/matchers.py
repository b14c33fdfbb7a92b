"""spaCy matchers over the stage's vocabularies, built once per vocabulary.

A matcher proposes the token windows where a vocabulary entry may stand; the scan that
asked decides on each window with its own test (the window's text is a known name, its
last word is a facility head, ...), so a matcher never decides more than a lookup did.

Names are compared by their text ("U.N. Security Council"), but a ``PhraseMatcher``
compares tokens, and the tokenizer may cut a name differently inside a sentence than
alone (before "'s", a full stop, a bracket).  Each name is therefore tokenized in a few
such contexts and every distinct token sequence is a pattern.  Head words and cue words
are compared token by token already: their patterns are their words.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import product

from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

from newsgraph import vocab
from newsgraph.nlp.entities import name_tokens
from newsgraph.nlp.parse import nlp
from newsgraph.settings import settings
from newsgraph.vocab.entities import InstitutionWords, Organizations, Vehicles, Weapons

# the text around a name that may make the tokenizer cut it differently than alone
_CONTEXTS = (("", ""), ("", "."), ("", ","), ("", ":"), ("", "'s"), ("", "\u2019s"), ("", "'"), ("", "\u2019"),
             ("(", ")"), ("the ", " said"), ("", "-"), ('"', '"'))


@dataclass(frozen=True)
class LexiconMatchers:
    """The matchers of one vocabulary (the model's, or a hand-built ``Doc``'s)."""

    known_names: PhraseMatcher     # known organisations and their aliases, any case
    system_names: PhraseMatcher    # weapon and vehicle systems, as written
    weapon_classes: PhraseMatcher  # "cruise missiles", any case
    ship_names: Matcher            # "USS" + capitalised words
    facility_heads: PhraseMatcher  # "air base", "palace"
    vessel_cues: PhraseMatcher     # "frigate", "cargo ship", "- flagged", "- class"
    weapon_heads: PhraseMatcher    # "missiles", "anti - ship"


def windows(matcher: PhraseMatcher | Matcher, doc: Doc, longest: int | None = None) -> list[tuple[int, int]]:
    """The distinct token windows ``(start, end)`` the matcher finds in ``doc``, in document order."""
    return sorted({(start, end) for _, start, end in matcher(doc) if longest is None or end - start <= longest})


@lru_cache(maxsize=4)
def matchers_for(words: Vocab) -> LexiconMatchers:
    """The matchers for documents of the vocabulary ``words`` (built on first use, then reused)."""
    organizations: Organizations = vocab.load("organizations")
    weapons: Weapons = vocab.load("weapons")
    vehicles: Vehicles = vocab.load("vehicles")
    heads: InstitutionWords = vocab.load("facilities")
    return LexiconMatchers(
        known_names=_phrases(words, "LOWER", organizations.forms, tokenized=True),
        system_names=_phrases(words, "ORTH", weapons.systems | vehicles.systems, tokenized=True),
        weapon_classes=_phrases(words, "LOWER", weapons.classes, tokenized=True),
        ship_names=_ship_names(words, vehicles),
        facility_heads=_phrases(words, "LOWER", heads.facility_heads),
        vessel_cues=_phrases(words, "LOWER", [*vehicles.vessel_descriptors, f"-{vehicles.flag_marker}", "-class"],
                             hyphens=True),
        weapon_heads=_phrases(words, "LOWER", weapons.name_heads, hyphens=True))


def _phrases(words: Vocab, attr: str, entries: Iterable[str], *, tokenized: bool = False,
             hyphens: bool = False) -> PhraseMatcher:
    """A matcher of ``entries``: tokenized like text (names), or split at spaces (and hyphens: head words)."""
    matcher = PhraseMatcher(words, attr=attr)
    patterns: dict[tuple[tuple[str, bool], ...], None] = {}
    ordered = sorted(entries)
    cuts = name_tokens.tokenizations(ordered, _tokenizations) if tokenized else {}
    for entry in ordered:
        for sequence in (cuts[entry] if tokenized else [_word_sequence(entry, hyphens)]):
            patterns[sequence] = None
    matcher.add("ENTRY", [Doc(words, words=[t for t, _ in seq], spaces=[s for _, s in seq]) for seq in patterns])
    return matcher


def _word_sequence(entry: str, hyphens: bool) -> tuple[tuple[str, bool], ...]:
    """ "air base" -> air, base; with ``hyphens`` "anti-ship" -> anti, -, ship and "-class" -> -, class
    (how spaCy splits them)."""
    out: list[tuple[str, bool]] = []
    for word in entry.split(" "):
        parts = word.split("-") if hyphens else [word]
        for k, part in enumerate(parts):
            if k:
                out.append(("-", False))
            if part:
                out.append((part, False))
        out[-1] = (out[-1][0], True)
    return tuple(out)


def _tokenizations(name: str) -> list[tuple[tuple[str, bool], ...]]:
    """Every way the tokenizer cuts ``name`` (as written, in capitals, capitalised) in the contexts above,
    when it cuts at the name's edges; the tokenizer's exceptions ("U.N.") depend on the case."""
    tokenizer = nlp().tokenizer
    found: dict[tuple[tuple[str, bool], ...], None] = {}
    for (before, after), form in product(_CONTEXTS, dict.fromkeys((name, name.upper(), name.title()))):
        doc = tokenizer(before + form + after)
        inside = [t for t in doc if t.idx >= len(before) and t.idx + len(t) <= len(before) + len(form)]
        if inside and inside[0].idx == len(before) and inside[-1].idx + len(inside[-1]) == len(before) + len(form):
            found[tuple((t.text, bool(t.whitespace_)) for t in inside)] = None
    return list(found)


def _ship_names(words: Vocab, vehicles: Vehicles) -> Matcher:
    matcher = Matcher(words)
    longest = settings().entities.materiel_name_tokens  # "USS Carl Vinson": the prefix and capitalised words
    words_after = {"IS_TITLE": True, "OP": f"{{1,{longest - 1}}}"}
    matcher.add("SHIP", [[{"ORTH": {"IN": sorted(vehicles.ship_prefixes)}}, words_after]])
    return matcher


@lru_cache(maxsize=65536)
def shaped_like_designation(word: str) -> bool:
    """ "Fateh-110", "Su-35": a token a designation pattern of weapons.json or vehicles.json matches.

    A one-token regular expression is no phrase, and spaCy's ``Matcher`` runs a ``REGEX`` predicate
    on every token of every document; the answer depends on the word alone, so it is kept per word.
    """
    weapons: Weapons = vocab.load("weapons")
    vehicles: Vehicles = vocab.load("vehicles")
    return any(p.match(word) for p in (*weapons.designations, *vehicles.designations))
