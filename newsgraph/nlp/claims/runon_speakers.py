"""Speakers the parser missed in a frame without its commas: the name or noun phrase right before a
reporting verb that closes a run-on sentence ("… since World War II Steifo said", "… of their mouths the
Syrian Observatory for Human Rights said", "… killed at least 36 people including children opposition
activists said"). The frame shapes themselves are in runons.py."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph.nlp.claims.runons import (
    FINITE,
    NAME_LINKS,
    NAME_WORDS,
    PLACE_PREPOSITIONS,
    RELATIVES,
    SPEAKER_ENTITIES,
    claim_sources,
    has_clause,
    reporting_verbs,
    speaker_word,
)
from newsgraph.nlp.claims.speakers import by_surname
from newsgraph.nlp.index import EntityIndex


def run_on_source(cue: Token, start: int, names: EntityIndex | None,
                  named_only: bool = False) -> tuple[Span, Token] | None:
    """The speaker right before a verb the parser left without a subject of its own, after a clause, and
    the word that heads it: the named entity ending there, else the noun phrase ("… killing 15 members of
    staff activists in the town reported")."""
    doc = cue.doc
    last = cue.i - 1
    while last >= start and doc[last].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[last].head.i == cue.i:
        last -= 1
    perfect = cue.tag_ == "VBN" and any(c.dep_ == "aux" and c.tag_ in FINITE for c in cue.children)  # "has said"
    if last >= start and doc[last].text == ")" and (cue.tag_ in FINITE or perfect):
        return _bracketed_name(doc, last, start, names)
    if cue.tag_ not in FINITE and not _past_read_as_participle(cue):
        return None  # "told The New Arab, adding that …": a participle shares its verb's subject
    if last < start or doc[last].pos_ not in ("PROPN", "NOUN"):
        return None
    named = named_before(doc[last], start, names) or _named_with_descriptor(doc[last], start, names)
    if named is None and named_only:
        return None
    found = (named, doc[last]) if named is not None else _noun_run_before(doc, last, start)
    if found is None or not speaker_word(found[1]):
        return None
    phrase = found[0]
    if not has_clause(doc, start, phrase.start) or doc[phrase.start - 1].lower_ in RELATIVES:
        return None
    return found


def _bracketed_name(doc: Doc, last: int, start: int, names: EntityIndex | None) -> tuple[Span, Token] | None:
    """"… in a town in the east the United Nations childrens agency (UNICEF) has said": a name in brackets
    after its description, ending at ``last`` (the closing bracket); the name heads the phrase."""
    if last - 3 < start or doc[last - 2].text != "(":
        return None
    name = doc[last - 1]
    if not (name.text.isupper() and name.is_alpha) and named_before(name, last - 1, names) is None:
        return None  # an acronym ("(SLN)") or a name the entities stage found
    lo = _run_start(doc, last - 3, start) if doc[last - 3].pos_ in ("NOUN", "PROPN") else last - 2
    if not has_clause(doc, start, lo) or doc[lo - 1].lower_ in RELATIVES:
        return None
    return doc[lo:last + 1], doc[last - 1]


PLACE_TYPES = ("GPE", "LOC", "FAC")
PLACE_MODIFIERS = ("ADJ", "DET", "PUNCT", "VERB", "NOUN", "PROPN")  # "in rebel-held Aleppo", "in east Aleppo"


def _is_place(span: Span, names: EntityIndex | None) -> bool:
    eid = names.entity_at(span.start_char, span.end_char) if names is not None else None
    return eid is not None and names is not None and names[eid].type in PLACE_TYPES


def _placed_speaker(cue: Token, start: int, names: EntityIndex | None) -> tuple[Span, Token] | None:
    """The speaker whose description ends in the place named right before a finite reporting verb."""
    doc = cue.doc
    if cue.tag_ not in FINITE or cue.i - 1 < start or doc[cue.i - 1].pos_ != "PROPN":
        return None
    place = named_before(doc[cue.i - 1], start, names)
    return _speaker_holding_place(place, start, names) if place is not None and _is_place(place, names) else None


def _speaker_holding_place(place: Span, start: int, names: EntityIndex | None) -> tuple[Span, Token] | None:
    """The place right before the verb is where the speaker is, not who speaks: "… for a single moment Bebars
    Mishal a civil defence worker in rebel-held Aleppo told Reuters", "On Sunday Zouhir al-Shimale The New Arabs
    correspondent in east Aleppo reported that …". The speaker is the person noun the place phrase hangs on,
    or the name right before that noun's phrase (an apposition whose comma was lost)."""
    doc = place.doc
    lo = place.start
    while lo - 1 > start and doc[lo - 1].pos_ in PLACE_MODIFIERS and doc[lo - 1].lower_ not in PLACE_PREPOSITIONS \
            and lo > place.start - 4:
        lo -= 1
    prep = doc[lo - 1] if lo - 1 > start else None
    if prep is None or prep.lower_ not in PLACE_PREPOSITIONS:
        return None
    holder = doc[prep.i - 1]
    if holder.pos_ != "NOUN" or holder.lemma_.lower() not in claim_sources().person_nouns:
        return None
    first = _run_start(doc, holder.i, start)
    name = named_before(doc[first - 1], start, names) if first - 1 >= start else None
    if name is not None and not _is_place(name, names):
        return doc[name.start:place.end], name[-1]  # the whole frame's source phrase, headed by the name
    return doc[first:place.end], holder


def _past_read_as_participle(cue: Token) -> bool:
    """"… in the district of Aleppo Syrian state television reported on Wednesday": a closing verb the tagger
    read as a participle (VBN) hanging off the clause before, with no auxiliary of its own; not a participle
    modifying a noun ("the figures reported by the ministry")."""
    return (cue.tag_ == "VBN" and cue.dep_ in ("advcl", "conj", "ccomp") and cue.head.i < cue.i
            and cue.lemma_.lower() in reporting_verbs().closing_verbs
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in cue.children))


def run_on_speaker(cue: Token, us: int, names: EntityIndex | None, subject: Token | None,
                   inherited: bool) -> tuple[Span, Token] | None:
    """The speaker named right before the verb in a frame without commas, where the parse has none or got it
    wrong: "… since World War II Steifo said" (no subject), "… nine people in Maarat al-Numan on Sunday the
    Syrian Observatory for Human Rights said" (the parser's subject is "people")."""
    placed = _placed_speaker(cue, us, names)
    if placed is None:
        return _run_on_past_subject(cue, us, names, subject, inherited)
    if subject is not None and not inherited and subject.dep_ in ("nsubj", "nsubjpass") and subject.head.i == cue.i:
        # the parser's subject is right ("An official at the governor's office in Homs said", "a doctor in
        # rebel-held Idlib told"), unless it is the description of the name before it ("Ahmad Darwish a doctor …")
        return placed if placed[1].i < subject.i else None
    return placed


def _run_on_past_subject(cue: Token, us: int, names: EntityIndex | None, subject: Token | None,
                         inherited: bool) -> tuple[Span, Token] | None:
    """``run_on_speaker`` when no place ends the phrase before the verb."""
    doc = cue.doc
    if subject is None or inherited:
        return run_on_source(cue, us, names)
    if subject.i > cue.i or _has_relative_clause(subject, cue):
        return None  # "Fabius who earlier spoke with the head of the Coalition called …": Fabius calls
    if _opening_phrase(subject, cue):  # "After marathon talks in Geneva US Secretary … John Kerry … said"
        name = named_before(doc[cue.i - 1], us, names) or _named_with_descriptor(doc[cue.i - 1], us, names)
        return (name, name[-1]) if name is not None and name.start > subject.i else None
    if _swallowed_predicate(subject):  # "… are totally false state news agency SANA said": SANA speaks
        found = _past_name_object(run_on_source(cue, us, names))
        if found is None or found[0].start <= subject.left_edge.i:
            return None
        lo = found[0].start  # with the descriptor nouns before the name ("state news agency SANA")
        while lo - 1 > subject.left_edge.i and doc[lo - 1].pos_ in ("NOUN", "PROPN") and doc[lo - 1].dep_ == "compound":
            lo -= 1
        return doc[lo:found[0].end], found[1]
    found = _named_run_on(cue, us, names, subject)
    if found is None and any(c.dep_ == "nummod" for c in subject.children):
        return _speaker_after_count(subject, cue)  # "… killed at least 36 people including children activists said"
    if found is None and subject.pos_ == "NOUN" and not speaker_word(subject) and not _named(subject, names):
        # "The strikes came as a car bomb wounded at least 37 people … in Homs state television reported": a
        # subject no one could be the speaker of ("bomb"); the speaker noun phrase right before the verb is it
        # (not a noun of the subject's own phrase: "as some of her supporters noted")
        found = _past_name_object(run_on_source(cue, us, names))
        if found is not None and subject.is_ancestor(found[1]):
            return None
    if found is None or found[0].start <= subject.i:
        return None
    if all(t.pos_ in NAME_WORDS or t.text == "," for t in doc[subject.i + 1:found[0].start]):
        return None  # "the Democratic candidate Hillary Clinton", "Obama and his wife Michelle": one phrase
    before = doc[found[0].start - 1]
    if before.pos_ in ("ADP", "DET", "CCONJ", "PART", "PUNCT"):
        return None  # "the head of the Observatory said", "a spokesman for Assad said": the parse is right
    return found


def _named_run_on(cue: Token, us: int, names: EntityIndex | None, subject: Token) -> tuple[Span, Token] | None:
    """The name right before the verb, unless it carries the subject ("the statement carried by state news
    agency SANA said": the parse is right, SANA relays)."""
    found = run_on_source(cue, us, names, named_only=True)
    return None if found is not None and _carried_by(subject, found[1]) else found


def _carried_by(subject: Token, name: Token) -> bool:
    """``name`` is the agent of a carrying verb hung on the subject (``carrier_verbs``: "the statement carried
    by state news agency SANA", "a statement broadcast by state television")."""
    carriers = claim_sources().carrier_verbs
    return any(c.dep_ == "acl" and c.lemma_.lower() in carriers and c.is_ancestor(name) for c in subject.children)


def _past_name_object(found: tuple[Span, Token] | None) -> tuple[Span, Token] | None:
    """The speaker phrase without a name before it that is a preposition's object ("… in the central city of
    Homs state television reported": "state television" speaks, Homs is where): a capitalised name followed by
    a lower-case word of the phrase."""
    if found is None:
        return None
    phrase, head = found
    doc, lo = phrase.doc, phrase.start
    if lo == 0 or doc[lo - 1].pos_ != "ADP":
        return found
    while lo < head.i and doc[lo].pos_ == "PROPN" and doc[lo].is_title and doc[lo + 1].is_lower:
        lo += 1
    return (doc[lo:phrase.end], head) if lo > phrase.start else found


def _named(tok: Token, names: EntityIndex | None) -> bool:
    """The word is part of a mention of an entity (a name the entities stage found, whatever its tag)."""
    return names is not None and names.entity_at(tok.idx, tok.idx + len(tok.text)) is not None


def _speaker_after_count(subject: Token, cue: Token) -> tuple[Span, Token] | None:
    """"… killed at least 36 people including children opposition activists said": a count of victims is no
    source; the parser took it for the subject and hung the speaker nouns right before the verb inside it.
    The speaker is that run of modifiers and a speaker noun, without a plural noun before its head ("children")."""
    doc = cue.doc
    last = cue.i - 1
    while last > subject.i and doc[last].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[last].head.i == cue.i:
        last -= 1
    if last <= subject.i + 1 or doc[last].pos_ != "NOUN" or not speaker_word(doc[last]):
        return None
    lo = last
    while lo - 1 > subject.i and doc[lo - 1].ent_type_ not in ("DATE", "TIME") and (doc[lo - 1].pos_ == "ADJ" or (
            doc[lo - 1].pos_ in ("NOUN", "PROPN") and doc[lo - 1].tag_ not in ("NNS", "NNPS"))):
        lo -= 1  # not "Monday activists": the date is the clause's
    if doc[lo - 1].pos_ == "DET" and lo - 1 > subject.i:
        lo -= 1
    return doc[lo:last + 1], doc[last]


def _opening_phrase(subject: Token, cue: Token) -> bool:
    """The subject is the object of a phrase opening the sentence whose comma was lost ("After marathon talks
    in Geneva US Secretary of State John Kerry … said", "After examining videos … Pillay said"): a
    preposition or subordinator before it that the parser left without an object of its own."""
    doc = cue.doc
    lo = subject.left_edge.i
    words = [t for t in doc[cue.sent.start:lo] if not (t.is_punct or t.is_space)]
    opener = words[0] if words else None
    if opener is None or opener.pos_ not in ("ADP", "SCONJ") or opener.i != cue.sent.start:
        return False
    return not any(c.dep_ in ("pobj", "pcomp") for c in opener.children) and all(
        t.pos_ in ("VERB", "ADV") for t in words[1:])


def _swallowed_predicate(subject: Token) -> bool:
    """The subject's phrase starts right after a copula left without its predicate: the parser made the
    predicate part of the source ("Reports … are totally false state news agency SANA said", "The latest
    flareup was the widest rebel offensive … Abdul Rahman said")."""
    lo = subject.left_edge.i
    if lo == 0:
        return False
    copula = subject.doc[lo - 1]
    return copula.lemma_ == "be" and copula.pos_ in ("AUX", "VERB") and not any(
        c.dep_ in ("acomp", "attr", "oprd", "prep", "xcomp", "ccomp", "dobj") and c.i > copula.i
        for c in copula.children)


def _has_relative_clause(subject: Token, cue: Token) -> bool:
    """The subject is followed by a relative clause of its own before the verb ("Fabius who …", "the
    Observatory which monitors the fighting …", "Prince Saud whose country has been a major supporter of rebels
    fighting to topple Assad also urged …"): a name at the clause's end is inside it, not the speaker."""
    doc = subject.doc
    nxt = doc[subject.i + 1] if subject.i + 1 < cue.i else None
    return nxt is not None and nxt.tag_ in ("WP", "WDT", "WP$") and any(
        c.dep_ == "relcl" and c.i < cue.i for c in subject.children)


def named_before(tok: Token, start: int, names: EntityIndex | None) -> Span | None:
    """The mention of a person, organisation or country that ends at ``tok``, as a span of tokens, with a
    mention joined to it by "and" ("Obama and Clinton"); or the surname of a person named before."""
    if names is None:
        return None
    doc = tok.doc
    span = _mention_ending(doc, tok.idx + len(tok.text), start, names)
    if span is None and tok.pos_ == "PROPN" and by_surname(names, tok) is not None:
        # "… since World War II Steifo said" after "Abdul Ahad Steifo": the surname alone is no mention
        return doc[tok.i:tok.i + 1]
    if span is not None and span.start - 2 >= start and doc[span.start - 1].lower_ in ("and", "&"):
        first = _mention_ending(doc, doc[span.start - 2].idx + len(doc[span.start - 2].text), start, names)
        if first is not None:
            span = doc[first.start:span.end]
    if span is not None and span.start - 3 >= start and doc[span.start - 1].lower_ == "based" \
            and doc[span.start - 2].text == "-":
        span = doc[span.start - 3:span.end]  # "the Britain-based Syrian Observatory …": the descriptor is the source's
    if span is not None and span.start - 1 >= start and doc[span.start - 1].pos_ == "DET":
        span = doc[span.start - 1:span.end]  # "the Syrian Observatory …"
    return span


def _named_with_descriptor(tok: Token, start: int, names: EntityIndex | None) -> Span | None:
    """"… the Syrian Observatory for Human Rights monitor said", "… the Britain-based Observatory group
    said": a name with a generic body noun after it (the parser hangs the noun off the name's "for")."""
    if tok.i - 1 < start or tok.lemma_.lower() not in claim_sources().generic_body_nouns:
        return None
    named = named_before(tok.doc[tok.i - 1], start, names)
    return tok.doc[named.start:tok.i + 1] if named is not None else None


def _mention_ending(doc: Doc, end: int, start: int, names: EntityIndex) -> Span | None:
    for s, e, eid in names.mentions_within(max(0, doc[start].idx), end):
        if e == end and names[eid].type in SPEAKER_ENTITIES:
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is not None and len(span) and span.start >= start:
                return span
    return None


def _noun_run_before(doc: Doc, last: int, start: int) -> tuple[Span, Token] | None:
    """The noun phrase ending at token ``last`` and its head, with one place phrase after a person noun
    ("activists in the town", "sources at the police command")."""
    lo = _run_start(doc, last, start)
    head = doc[last]
    if lo < last and lo - 1 >= start and doc[lo - 1].pos_ == "ADP" and doc[lo].is_title and doc[lo].pos_ != "DET" \
            and doc[lo + 1].pos_ == "ADJ":
        lo += 1  # "in the district of Aleppo Syrian state television said": the name is the preposition's
    prep = doc[lo - 1] if lo - 1 > start else None
    if prep is not None and prep.lower_ in PLACE_PREPOSITIONS and doc[lo - 2].pos_ == "NOUN":
        holder = doc[lo - 2]
        if holder.lemma_.lower() in claim_sources().person_nouns:
            lo, head = _run_start(doc, holder.i, start), holder
    return doc[lo:last + 1], head


def _run_start(doc: Doc, last: int, start: int) -> int:
    """Where the noun phrase ending at ``last`` starts: determiners, modifiers, names, "X of/for Y" inside a
    name; a determiner opens the phrase."""
    lo = last
    while lo - 1 >= start:
        prev = doc[lo - 1]
        if prev.ent_type_ in ("DATE", "TIME") or prev.lower_ in claim_sources().time_nouns:
            break  # "on Friday residents said", "reached 330 overnight civil defence sources told": the clause's
        if prev.text in (".", "!", "?"):
            break  # "… in Aleppo. SANA reporter said": a sentence end the parser ran over (tagged as a name)
        if prev.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") or prev.tag_ == "POS" or prev.text == "-":
            lo -= 1
        elif prev.pos_ == "DET":
            lo -= 1
            break
        elif (prev.lower_ in NAME_LINKS and lo - 2 >= start and doc[lo - 2].pos_ == "PROPN"
              and doc[lo].pos_ == "PROPN"):
            lo -= 1
        else:
            break
    return lo
