"""Lexicon and pattern scans for mentions spaCy's NER misses or mistypes.

Each scan proposes typed ``MentionCandidate`` spans from the vocabularies in
``newsgraph/data`` (known organisations and outlets, weapon systems, vehicles and named
vessels, facility heads) or from a general pattern (an abbreviation in capitals, "the
tanker X", "wrote on X"); ``mentions.find_mentions`` merges them with spaCy's repaired
entities.  The spaCy matchers of ``matchers.py`` say where a vocabulary entry may stand;
the scan decides there.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from newsgraph import geo, vocab
from newsgraph.nlp.entities.matchers import matchers_for, shaped_like_designation, windows
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.settings import settings
from newsgraph.vocab.common import CommonWords, Titles
from newsgraph.vocab.entities import EntityWords, InstitutionWords, Organizations, Vehicles, Weapons


@dataclass(frozen=True)
class MentionCandidate:
    """A typed mention before entities are formed; ``type`` may be NORP (a demonym, not an entity)."""

    start: int
    end: int
    text: str
    type: str
    origin: str  # "spacy", "known", "facility", "materiel", "acronym", "place-word", "gazetteer"
    country: str | None = None  # for demonyms and countries


def candidate(span: Span, type_: str, origin: str) -> MentionCandidate:
    return MentionCandidate(span.start_char, span.end_char, span.text, type_, origin)


def before_settlement_nouns(doc: Doc, extends: Callable[[Token, Token, Token], bool]) -> Iterator[tuple[int, int]]:
    """Token ranges ending at each lower-case settlement noun ("Bab Touma district"), begun where walking back
    from the noun stops: at a sentence's start, or at the first word ``extends(word, following, noun)`` refuses
    (the district-name and the untagged-place scans differ only in what a name's word may be)."""
    nouns = vocab.load("entity_words").settlement_nouns
    for noun in tokens_where(doc, "ORTH", nouns):  # the tokens written as a settlement noun, in order
        if noun.i == 0 or not noun.is_lower:
            continue
        start = noun.i
        while start > 0 and not doc[start].is_sent_start and extends(doc[start - 1], doc[start], noun):
            start -= 1
        yield start, noun.i


# --- names from the vocabularies ------------------------------------------------------------

def known_organizations(doc: Doc) -> list[MentionCandidate]:
    known: Organizations = vocab.load("organizations")
    longest = settings().entities.known_name_tokens
    out = []
    for i, j in windows(matchers_for(doc.vocab).known_names, doc, longest):
        span = doc[i:j]
        text = span.text
        if not doc[i].text[0].isupper() or known.canonical_name(text) is None:
            continue  # a known name starts with a capital
        if len(text) <= 3 and not text.isupper():
            continue  # short forms ("AP", "IS") only in capitals: "Is", "Ap" are words
        out.append(candidate(span, "ORG", "known"))
        branch = _branch_end(doc, j, known.branch_heads)
        if branch:  # "Islamic State Sahel Province": a branch is named after its parent
            out.append(candidate(doc[i:branch], "ORG", "known"))
    return out


def _branch_end(doc: Doc, j: int, branch_heads: frozenset[str]) -> int | None:
    """End of "Sahel Province" / "West Africa Province" right after a known group's name, if any."""
    for k in range(j + 1, min(len(doc), j + settings().entities.branch_name_words) + 1):
        if not all(t.text[0].isupper() for t in doc[j:k]) or doc[j].is_sent_start:
            return None
        if doc[k - 1].text in branch_heads:
            return k
    return None


def acronyms(doc: Doc) -> list[MentionCandidate]:
    """Abbreviations spaCy left untagged ("known by its French abbreviation, CERS"): organisations."""
    not_acronyms = vocab.load("entity_words").not_acronyms
    titles: Titles = vocab.load("titles")
    out = []
    for tok in tokens_where(doc, "IS_UPPER", [1]):  # of the words in capitals only (the test below asks again)
        text = tok.text
        if (3 <= len(text) <= 7 and text.isalpha() and text.isupper() and text not in not_acronyms
                and not titles.is_title_word(text) and geo.country_code(text) is None):
            out.append(candidate(doc[tok.i:tok.i + 1], "ORG", "acronym"))
    return out


def _has_context(doc: Doc, i: int, j: int, context: frozenset[str]) -> bool:
    window = settings().entities.designation_context_tokens
    lo, hi = max(0, i - window), min(len(doc), j + window)
    return any(t.lower_ in context or t.lemma_.lower() in context for t in doc[lo:hi])


def materiel(doc: Doc) -> list[MentionCandidate]:
    """Listed weapon and vehicle systems, weapon classes, designations ("Fateh-110") and ship names ("USS X")."""
    weapons: Weapons = vocab.load("weapons")
    vehicles: Vehicles = vocab.load("vehicles")
    found = matchers_for(doc.vocab)
    longest = settings().entities.materiel_name_tokens
    # the ship-name matcher only where a ship prefix is written; the designation test once per distinct word
    written = doc.count_by(ORTH)
    ships = windows(found.ship_names, doc, longest) if any(
        get_string_id(prefix) in written for prefix in vehicles.ship_prefixes) else []
    shaped = [orth for orth in written if shaped_like_designation(doc.vocab.strings[orth])]
    proposed = {*windows(found.system_names, doc, longest), *windows(found.weapon_classes, doc, longest), *ships,
                *((tok.i, tok.i + 1) for tok in tokens_where(doc, "ORTH", shaped))}
    return [candidate(doc[i:j], kind, "materiel") for i, j in sorted(proposed)
            for kind in _materiel_kinds(doc, i, j, weapons, vehicles)]


def _materiel_kinds(doc: Doc, i: int, j: int, weapons: Weapons, vehicles: Vehicles) -> list[str]:
    """What ``doc[i:j]`` is: a listed system, a designation or class, a ship named after its prefix."""
    kinds = []
    text = doc[i:j].text
    listed = _listed_system(doc, i, j, weapons, vehicles)
    if listed:
        kinds.append(listed)
    elif j - i == 1 and any(p.match(text) for p in vehicles.designations):
        kinds.append("VEH")  # "Su-35"
    elif j - i == 1 and any(p.match(text) for p in weapons.designations) and _has_context(
            doc, i, j, weapons.designation_context):
        kinds.append("WEA")  # "Fateh-110 missiles"
    elif (j - i > 1 or text.removesuffix("s").isupper()) and text.lower() in weapons.classes:
        kinds.append("WEA")  # "cruise missiles"; a class's abbreviation in capitals: "IED", "MANPADS"
    if j - i >= 2 and doc[i].text in vehicles.ship_prefixes and all(t.is_title for t in doc[i + 1:j]):
        kinds.append("VEH")  # "USS Carl Vinson"
    return kinds


def _listed_system(doc: Doc, i: int, j: int, weapons: Weapons, vehicles: Vehicles) -> str | None:
    """WEA or VEH for a listed name; a one-word name without digits ("Patriot") needs a weapon word near it."""
    text = doc[i:j].text
    kind = "WEA" if text in weapons.systems else "VEH" if text in vehicles.systems else None
    single_word = j - i == 1 and not any(ch.isdigit() for ch in text)
    if kind and (not single_word or _has_context(doc, i, j, weapons.designation_context)):
        return kind
    return None


# --- named sites ----------------------------------------------------------------------------

def facilities(doc: Doc) -> list[MentionCandidate]:
    """Named sites: capitalised name + facility head ("Hmeimim air base"), or head + number ("Tower 22")."""
    heads: InstitutionWords = vocab.load("facilities")
    head_len: dict[int, int] = {}
    for start, end in windows(matchers_for(doc.vocab).facility_heads, doc, 2):
        head_len[start] = max(head_len.get(start, 0), end - start)  # "air base" over "base"
    out = []
    for i in sorted(head_len):
        tok, end = doc[i], i + head_len[i]
        start = _site_name_start(doc, i)
        name = doc[start:i]
        if tok.lower_ in heads.port_heads and _names_an_area(name.text):
            continue  # "the Red Sea port": a port described by where it is
        if start < i and any(t.text[0].isupper() for t in name):
            if all(geo.country_code(t.text) is None for t in name) and doc[start].pos_ != "ADJ":
                out.append(candidate(doc[start:end], "FAC", "facility"))
        elif tok.is_title and end < len(doc) and doc[end].text.isdigit() and start == i:
            out.append(candidate(doc[start:end + 1], "FAC", "facility"))  # "Tower 22"
    return out


def _site_name_start(doc: Doc, head: int) -> int:
    """Where the name before a facility head begins: capitalised words and particles, without a leading
    article or preposition ("at Malacañang Palace"), with a hyphenated particle ("al-Khadim air base")."""
    words: EntityWords = vocab.load("entity_words")
    common: CommonWords = vocab.load("common_words")
    start, moved = head, True
    while moved:  # "Bab al-Hawa hospital": words, then a hyphened particle, then words again
        moved = False
        while start > 0 and _site_name_word(doc[start - 1], words.site_particles) \
                and not doc[start - 1].is_sent_start and doc[start - 1].lower_ not in words.determiners \
                and not doc[start - 1].is_punct:
            start, moved = start - 1, True
        while start > 1 and doc[start - 1].text == "-" and doc[start - 2].lower_ in common.particles:
            start, moved = start - 2, True
    while start < head and doc[start].lower_ in words.site_particles and doc[start + 1].text != "-":
        start += 1
    return start


def _site_name_word(tok: Token, site_particles: frozenset[str]) -> bool:
    text = tok.text
    return (text[0].isupper() and text[0].isalpha()) or tok.lower_ in site_particles


def _names_an_area(name: str) -> bool:
    """A sea, a region or another area the gazetteer knows that is no town, province or country."""
    place = geo.lookup_place(name)
    return place is not None and place.kind not in ("city", "admin", "country")


# --- craft named by their context -----------------------------------------------------------

def _not_a_craft_name(tok: Token, calendar: frozenset[str]) -> bool:
    """Words after "the tanker" that are not its name: countries, nationalities, dates ("the tanker Russia
    seized", "the ship Houthi forces attacked", "the vessel Tuesday")."""
    return (tok.lower_ in calendar or tok.ent_type_ == "NORP" or geo.country_code(tok.text) is not None
            or geo.demonym_country(tok.text) is not None)


def _craft_name_end(doc: Doc, start: int) -> int:
    """End of a vessel's name opening at ``start``: capitalised words, numbers, Roman numerals, hyphens."""
    max_words = settings().entities.craft_name_words
    end = start
    while end < len(doc) and end - start < max_words:
        tok = doc[end]
        if tok.text[0].isupper() or (tok.like_num and end > start):
            end += 1
        elif tok.text == "-" and end > start and end + 1 < len(doc) and doc[end + 1].text[0].isalnum():
            end += 2
        else:
            break
        if end < len(doc) and doc[end].is_sent_start:
            break
    return end


def _is_craft_cue(doc: Doc, tok: Token, vehicles: Vehicles) -> bool:
    """ "frigate", "cargo ship" (lower case), or "flagged" in "Russian-flagged"."""
    two = f"{doc[tok.i - 1].lower_} {tok.lower_}" if tok.i else ""
    return (tok.lower_ == vehicles.flag_marker and tok.i >= 2 and doc[tok.i - 1].text == "-") or (
        tok.is_lower and (tok.text in vehicles.vessel_descriptors or two in vehicles.vessel_descriptors))


def vessels(doc: Doc) -> list[MentionCandidate]:
    """ "the frigate Hamburg", "the tanker Eagle S", "the Russian-flagged Volgo-Balt 217", "Kilo-class": a
    craft is a vehicle whatever it is named after (a city, a person, a bird)."""
    vehicles: Vehicles = vocab.load("vehicles")
    known: Organizations = vocab.load("organizations")
    calendar: frozenset[str] = vocab.load("dates").calendar_words
    out = []
    for i in sorted({end - 1 for _, end in windows(matchers_for(doc.vocab).vessel_cues, doc)}):
        tok = doc[i]
        if i + 1 >= len(doc):
            continue
        if tok.lower_ == "class" and i >= 2 and doc[i - 1].text == "-" and doc[i - 2].text[0].isupper():
            out.append(candidate(doc[i - 2:i + 1], "VEH", "materiel"))  # "Kilo-class": a class named like a craft
            continue
        first = _apposed_name_start(doc, i) or i + 1
        after = doc[first]
        if not _is_craft_cue(doc, tok, vehicles) or not after.text[0].isupper() or after.is_sent_start \
                or _not_a_craft_name(after, calendar):
            continue
        end = _craft_name_end(doc, first)
        if first > i + 1 and (end + 1 >= len(doc) or doc[end].text not in (",", "\u2014", "-", ")")
                              or doc[end + 1].lemma_ in vocab.load("reporting_verbs").stance):
            continue  # "the tanker, the Jaguar, had sailed" closes ("the ship, the navy said": a clause)
        if not known.canonical_name(doc[first:end].text):
            out.append(candidate(doc[first:end], "VEH", "materiel"))
    return out + _crafts_named_again(doc, out)


def _crafts_named_again(doc: Doc, crafts: list[MentionCandidate]) -> list[MentionCandidate]:
    """ "The tanker, the Jaguar, ... followed the Jaguar for hours": a craft's name after "the" elsewhere in the
    document is the craft again, though no craft noun stands before it there."""
    names = {c.text for c in crafts}
    found = {(c.start, c.end) for c in crafts}
    out = []
    for name in names:
        words = name.split()
        for tok in doc[1:len(doc) - len(words) + 1]:
            span = doc[tok.i:tok.i + len(words)]
            if span.text == name and doc[tok.i - 1].lower_ == "the" and (span.start_char, span.end_char) not in found \
                    and (span.end >= len(doc) or not doc[span.end].is_title):
                out.append(candidate(span, "VEH", "materiel"))
    return out


def _apposed_name_start(doc: Doc, cue: int) -> int | None:
    """ "The tanker, the Jaguar," "a German frigate, the Hamburg,": where the craft's name opens after a comma
    and "the" (the name apposed to the craft's noun), if it does."""
    if cue + 3 < len(doc) and doc[cue + 1].text == "," and doc[cue + 2].lower_ == "the":
        return cue + 3
    return None


def named_weapons(doc: Doc) -> list[MentionCandidate]:
    """An unlisted brand name right before a weapon word is a weapon system: "Blue Spear missiles" (not when
    the weapon word is capitalised too: a Title Case headline gives every word a capital)."""
    heads = vocab.load("weapons").name_heads
    calendar: frozenset[str] = vocab.load("dates").calendar_words
    out = []
    for i, _ in windows(matchers_for(doc.vocab).weapon_heads, doc):
        if not 1 <= i < len(doc) - 1 or not _is_weapon_head(doc, doc[i], heads):
            continue
        if doc[i].text[0].isupper():  # "in Terrorist Rocket Attacks": a headline's capitals, not a brand's
            continue
        start = i
        while start > 0 and i - start < settings().entities.brand_name_words and doc[start - 1].text[0].isupper() \
                and not doc[start - 1].is_punct and not _not_a_craft_name(doc[start - 1], calendar) \
                and doc[start - 1].ent_type_ != "GPE":
            start -= 1
        while start < i and (doc[start].is_stop or doc[start].pos_ in ("DET", "NUM", "PRON")):
            start += 1  # '"One rocket hit', '"A drone was flying': a quoted sentence's opening word, no brand
        if start == i or doc[start].is_sent_start:
            continue
        span = doc[start:i]
        if span.text.rsplit("-", 1)[-1][:1].islower():
            continue  # "U.S.-made anti-tank missiles": a compound adjective ends in lower case, a brand does not
        if not _names_who_or_where(span.text):
            out.append(candidate(span, "WEA", "materiel"))
    return out


def _is_weapon_head(doc: Doc, tok: Token, heads: frozenset[str]) -> bool:
    """ "missiles"; "anti-ship", which is three tokens."""
    joined = doc[tok.i + 1].text == "-" and tok.i + 2 < len(doc)
    hyphened = f"{tok.lower_}-{doc[tok.i + 2].lower_}" if joined else ""
    return tok.lower_ in heads or hyphened in heads


def _names_who_or_where(text: str) -> bool:
    """ "Houthi drones", "Gaza rockets", "Defense drones": who fires them or where, not the system."""
    known: Organizations = vocab.load("organizations")
    titles: Titles = vocab.load("titles")
    return bool(known.canonical_name(text) or known.canonical_name(text + "s")
                or geo.lookup_place(text) is not None or titles.is_title_word(text))


def platform_x(doc: Doc) -> list[MentionCandidate]:
    """ "wrote on X", "in a post on X.": the social network, a one-letter name spaCy cannot see."""
    words: EntityWords = vocab.load("entity_words")
    out = []
    for tok in tokens_where(doc, "ORTH", words.platform_names):
        if tok.i and doc[tok.i - 1].lower_ in words.platform_before and (
                tok.i + 1 == len(doc) or tok.text == "X." or doc[tok.i + 1].is_punct
                or doc[tok.i + 1].lower_ in words.platform_after):
            out.append(MentionCandidate(tok.idx, tok.idx + 1, "X", "ORG", "known"))
    return out
