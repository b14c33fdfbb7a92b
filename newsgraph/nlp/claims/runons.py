"""Frames without their commas: how scraped and wire reporting attributes when punctuation is lost.

Scraped pages often drop the commas (and quote marks) that set a frame off from what was said, and
the parser then reads the frame as part of the sentence: "… killed five militiamen the Observatory
said" (a relative clause on "militiamen"), "… wounded 30 on Wednesday the state television channel
reported" (a complement of "wounded"), "… wounded more than 60 people said the Observatory a
British-based group" ("people" as the subject of "said"). Three patterns read them back:

* ``end_frame``: a content shape; the frame closes its sentence ("… X said [on Saturday]
  [adding that …]"), so what comes before the source is what was said;
* ``inverted_source``: "… said the Observatory", "… said Mounzer Khalil head of …": a reporting verb
  followed by its speaker, with a clause before it and no clause after it;
* ``run_on_source``: the speaker the parser missed, named right before the verb ("… since World War
  II Steifo said", "… of their mouths the Syrian Observatory for Human Rights said").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import vocab
from newsgraph.nlp.claims.speakers import by_surname
from newsgraph.nlp.index import EntityIndex
from newsgraph.vocab.claims import ClaimSources, ReportingVerbs

FINITE = ("VBD", "VBZ", "VBP", "MD")
# what may follow a frame that closes its sentence: "said on Saturday", "said Friday", "told reporters in
# Paris", "reported citing a source", "added heading into a dinner"
TAIL_DEPS = ("prep", "npadvmod", "advmod", "punct", "agent", "dative", "neg", "aux", "auxpass")
NAME_LINKS = ("of", "for")           # inside a name: "Observatory for Human Rights", "Ministry of Defence"
PLACE_PREPOSITIONS = ("in", "at", "on", "from", "inside", "near")  # "activists in the town reported"
RELATIVES = ("that", "which", "who", "whom", "whose")
SPEAKER_ENTITIES = ("PER", "ORG", "GPE")
# the words of one speaker phrase with its titles ("the Democratic candidate Hillary Clinton")
NAME_WORDS = ("PROPN", "NOUN", "ADJ", "DET", "CCONJ", "PRON", "PART")


def _sources() -> ClaimSources:
    sources: ClaimSources = vocab.load("claims_sources")
    return sources


def _verbs() -> ReportingVerbs:
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    return verbs


def speaker_word(tok: Token) -> bool:
    """A word that can head a speaker phrase: a name, or a noun for a person, group or outlet."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
        return False
    sources = _sources()
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in sources.person_nouns or tok.lower_ in sources.person_nouns


def has_clause(doc: Doc, start: int, end: int) -> bool:
    """Tokens [start, end) are a statement of some length: a few words with a verb among them."""
    words = [t for t in doc[start:end] if not (t.is_punct or t.is_space)]
    return len(words) >= 3 and any(t.pos_ in ("VERB", "AUX") for t in words)


def closes_unit(cue: Token, end: int) -> bool:
    """Nothing after the cue but the frame's own tail: time and place ("said on Saturday"), the hearer of a
    verb that takes one ("told reporters"), and participles ("…, adding that …", "citing a source")."""
    doc = cue.doc
    last = end - 1
    while last > cue.i and (doc[last].is_punct or doc[last].is_space or doc[last].is_quote):
        last -= 1
    if last > cue.right_edge.i:
        return False
    verbs = _verbs()
    addressee = cue.lemma_.lower() in verbs.addressee_verbs
    for child in cue.rights:
        # the hearer ("told reporters", "told AFP"), not what was told ("would tell an American story")
        hearer = child.dep_ in ("dobj", "dative") and addressee and (speaker_word(child) or child.pos_ == "PRON")
        # a participle of the frame ("adding that …", "citing a source", "heading into a dinner")
        if child.dep_ in TAIL_DEPS or hearer or child.tag_ == "VBG" or _time_clause(child):
            continue
        return False
    return True


def _time_clause(child: Token) -> bool:
    """A time clause of the frame ("… a monitor said a day after Russia and the US agreed a truce", "…
    activists said as violence continued": the parser may call it a complement)."""
    return child.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ in _sources().time_subordinators for c in child.children)


def end_frame(cue: Token, source_lo: int, source_hi: int, start: int, end: int) -> tuple[int, int] | None:
    """"… killed at least 16 people the Observatory said": tokens [start, source_lo) before the source phrase
    (tokens source_lo..source_hi), when the frame closes the unit [start, end): the source right before the
    cue, then only the frame's tail."""
    doc = cue.doc
    if cue.lemma_.lower() not in _verbs().closing_verbs or not start < source_lo <= source_hi < cue.i:
        return None
    if doc[source_lo].tag_ in ("WDT", "WP"):
        return None  # "the things that add up to …": a relative clause
    if cue.dep_ == "relcl" and cue.lemma_.lower() not in _verbs().gapless_verbs:
        return None  # "the two guides I wrote in 2014": a relative clause whose object is the noun before
    if any(t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[source_hi + 1:cue.i]):
        return None
    if not closes_unit(cue, end) or not has_clause(doc, start, source_lo):
        return None
    before = doc[source_lo - 1]
    if before.lower_ in RELATIVES or before.tag_ in ("WDT", "WP"):
        return None  # "the charge that the ministry denied": a relative clause, not a frame
    if before.pos_ in ("CCONJ", "ADP", "SCONJ") or before.text in (";", ":"):
        return None  # "…, but Mr. Obama said", "… than even Trump has claimed", "…; Williams reports for X"
    if _reported_by_frame_before(cue):
        return None  # "Ayotte said she would write in the name …": what the verb before reports
    return start, source_lo - 1


def quoted_end_frame(cue: Token, quoting: Token, start: int, end: int,
                     names: EntityIndex | None) -> tuple[int, int] | None:
    """"… killed 49 militants Russian state television cited the defence ministry as saying on Thursday": the
    quoted source said what comes before the outlet that quotes it, when "as saying" closes the unit."""
    doc = cue.doc
    last = end - 1
    while last > quoting.i and (doc[last].is_punct or doc[last].is_space or doc[last].is_quote):
        last -= 1
    if any(c.dep_ in ("ccomp", "xcomp", "parataxis") for c in cue.children) or last > quoting.right_edge.i or any(
            c.dep_ not in ("dobj", *TAIL_DEPS) for c in quoting.rights):
        return None  # "as saying the talks failed" reports what follows; here nothing follows but the tail
    lo = outlet_before(quoting, start, names)
    if lo is None or not has_clause(doc, start, lo) or doc[lo - 1].lower_ in RELATIVES:
        return None
    return start, lo - 1


def outlet_before(verb: Token, start: int, names: EntityIndex | None) -> int | None:
    """Where the outlet phrase right before ``verb`` starts, read from the words: outlet words and their
    modifiers ("state television channel", "Russian news agencies"), names of outlets ("Rossiya 24") and a
    country owning them ("Russias"); None when the word before the verb is no outlet's."""
    doc = verb.doc
    relays = vocab.load("relays")
    mentions = names.mentions_within(doc[start].idx, verb.idx) if names is not None else []
    lo = verb.i
    while lo - 1 >= start:
        tok = doc[lo - 1]
        mention = next((m for m in mentions if m[0] <= tok.idx < m[1]), None)
        place = mention is not None and names is not None and names[mention[2]].type in ("GPE", "LOC")
        owner = place and lo < verb.i and doc[lo].tag_ == "POS"  # "Russias Rossiya 24": the country owns it
        outlet_word = tok.lower_ in relays.outlet_words or tok.lemma_.lower() in relays.outlet_words
        if outlet_word or tok.lower_ in relays.outlet_modifiers or tok.pos_ == "ADJ" or (
                mention is not None and (not place or owner)) or (tok.tag_ == "POS" and lo < verb.i):
            lo -= 1
        elif tok.tag_ == "DT":  # "the state news agency"; not "hit twice" (a predeterminer to the tagger)
            lo -= 1
            break
        else:
            break
    words = {t.lower_ for t in doc[lo:verb.i]} | {t.lemma_.lower() for t in doc[lo:verb.i]}
    return lo if lo < verb.i and (words & relays.outlet_words or any(
        m[0] >= doc[lo].idx for m in mentions)) else None


def _reported_by_frame_before(cue: Token) -> bool:
    """The cue is in what a reporting verb before it reports, and that verb's subject is no "I" or "we" ("I
    hope this will wake them up British Foreign Secretary William Hague told reporters" lost its quote marks:
    "told" closes the sentence)."""
    head = cue.head
    if cue.dep_ not in ("ccomp", "xcomp") or head.i > cue.i or head.lemma_.lower() not in _verbs().stance:
        return False
    first_person = vocab.load("common_words").first_person_pronouns
    return not any(c.dep_ == "nsubj" and c.lower_ in first_person for c in head.children)


def _frame_participle(tok: Token, cue: Token) -> bool:
    """A participle of the frame itself: "…, adding that …", "…, citing a source", "…, saying …"."""
    verbs = _verbs()
    lemma = tok.lemma_.lower()
    return tok.head.i == cue.i and tok.tag_ == "VBG" and (lemma in verbs.stance or lemma in verbs.quoting_verbs)


def inverted_source(cue: Token, start: int, end: int) -> Span | None:
    """"… wounded more than 60 people said the Observatory a British-based group": the speaker named after
    a verb of saying, with what was said before the verb and no clause of its own after the name."""
    doc = cue.doc
    if cue.lemma_.lower() not in _verbs().inverting_verbs or not has_clause(doc, start, cue.i):
        return None
    if any(c.dep_ == "neg" for c in cue.children) or any(
            c.i > cue.i and c.dep_ in ("ccomp", "xcomp") and not _frame_participle(c, cue) for c in cue.children):
        return None  # "said the attack killed 16": a clause follows; "haven't said" names no speaker
    phrase = _noun_run(doc, cue.i + 1, end)
    if phrase is None or not speaker_word(phrase[-1]):
        return None
    for tok in doc[phrase.end:end]:
        if tok.tag_ in FINITE and tok.pos_ in ("VERB", "AUX") and not _subordinate(tok, cue):
            return None  # "said the Observatory was biased": the name is a subject in what was said
    return phrase


def run_on_source(cue: Token, start: int, names: EntityIndex | None,
                  named_only: bool = False) -> tuple[Span, Token] | None:
    """The speaker right before a verb the parser left without a subject of its own, after a clause, and
    the word that heads it: the named entity ending there, else the noun phrase ("… killing 15 members of
    staff activists in the town reported")."""
    doc = cue.doc
    if cue.tag_ not in FINITE and not _past_read_as_participle(cue):
        return None  # "told The New Arab, adding that …": a participle shares its verb's subject
    last = cue.i - 1
    while last >= start and doc[last].dep_ in ("aux", "auxpass", "neg", "advmod") and doc[last].head.i == cue.i:
        last -= 1
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


def _past_read_as_participle(cue: Token) -> bool:
    """"… in the district of Aleppo Syrian state television reported on Wednesday": a closing verb the tagger
    read as a participle (VBN) hanging off the clause before, with no auxiliary of its own; not a participle
    modifying a noun ("the figures reported by the ministry")."""
    return (cue.tag_ == "VBN" and cue.dep_ in ("advcl", "conj", "ccomp") and cue.head.i < cue.i
            and cue.lemma_.lower() in _verbs().closing_verbs
            and not any(c.dep_ in ("aux", "auxpass", "agent", "nsubj", "nsubjpass") for c in cue.children))


def run_on_speaker(cue: Token, us: int, names: EntityIndex | None, subject: Token | None,
                   inherited: bool) -> tuple[Span, Token] | None:
    """The speaker named right before the verb in a frame without commas, where the parse has none or got it
    wrong: "… since World War II Steifo said" (no subject), "… nine people in Maarat al-Numan on Sunday the
    Syrian Observatory for Human Rights said" (the parser's subject is "people")."""
    doc = cue.doc
    if subject is None or inherited:
        return run_on_source(cue, us, names)
    if subject.i > cue.i or _has_relative_clause(subject, cue):
        return None  # "Fabius who earlier spoke with the head of the Coalition called …": Fabius calls
    if _opening_phrase(subject, cue):  # "After marathon talks in Geneva US Secretary … John Kerry … said"
        name = named_before(doc[cue.i - 1], us, names) or _named_with_descriptor(doc[cue.i - 1], us, names)
        return (name, name[-1]) if name is not None and name.start > subject.i else None
    if _swallowed_predicate(subject):  # "… are totally false state news agency SANA said": SANA speaks
        found = run_on_source(cue, us, names)
        if found is None or found[0].start <= subject.left_edge.i:
            return None
        lo = found[0].start  # with the descriptor nouns before the name ("state news agency SANA")
        while lo - 1 > subject.left_edge.i and doc[lo - 1].pos_ in ("NOUN", "PROPN") and doc[lo - 1].dep_ == "compound":
            lo -= 1
        return doc[lo:found[0].end], found[1]
    found = run_on_source(cue, us, names, named_only=True)
    if found is None and any(c.dep_ == "nummod" for c in subject.children):
        return _speaker_after_count(subject, cue)  # "… killed at least 36 people including children activists said"
    if found is None or found[0].start <= subject.i:
        return None
    if all(t.pos_ in NAME_WORDS or t.text == "," for t in doc[subject.i + 1:found[0].start]):
        return None  # "the Democratic candidate Hillary Clinton", "Obama and his wife Michelle": one phrase
    before = doc[found[0].start - 1]
    if before.pos_ in ("ADP", "DET", "CCONJ", "PART", "PUNCT"):
        return None  # "the head of the Observatory said", "a spokesman for Assad said": the parse is right
    return found


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
    Observatory which monitors the fighting …"): a name at the clause's end is inside it, not the speaker."""
    doc = subject.doc
    nxt = doc[subject.i + 1] if subject.i + 1 < cue.i else None
    return nxt is not None and nxt.tag_ in ("WP", "WDT") and any(
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
    if tok.i - 1 < start or tok.lemma_.lower() not in _sources().generic_body_nouns:
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
        if holder.lemma_.lower() in _sources().person_nouns:
            lo, head = _run_start(doc, holder.i, start), holder
    return doc[lo:last + 1], head


def _run_start(doc: Doc, last: int, start: int) -> int:
    """Where the noun phrase ending at ``last`` starts: determiners, modifiers, names, "X of/for Y" inside a
    name; a determiner opens the phrase."""
    lo = last
    while lo - 1 >= start:
        prev = doc[lo - 1]
        if prev.ent_type_ in ("DATE", "TIME") or prev.lower_ in _sources().time_nouns:
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


def _noun_run(doc: Doc, first: int, end: int) -> Span | None:
    """The noun phrase starting at token ``first`` (before ``end``): a determiner, modifiers, hyphenated
    compounds ("Britain-based"), names with "of"/"for" inside; it stops at an apposition's determiner."""
    if first >= end or doc[first].pos_ not in ("DET", "PROPN", "NOUN", "ADJ"):
        return None
    hi = first
    last_noun = None
    while hi < end:
        tok = doc[hi]
        if tok.pos_ in ("PROPN", "NOUN"):
            last_noun = hi
        elif tok.pos_ == "DET" and hi > first:
            break
        elif tok.pos_ in ("ADJ", "NUM", "DET") or tok.tag_ == "POS" or tok.text == "-":
            pass
        elif tok.pos_ == "VERB" and tok.tag_ in ("VBN", "VBG") and hi > first and doc[hi - 1].text == "-":
            pass  # "Britain-based", "war-monitoring"
        elif (tok.lower_ in NAME_LINKS and last_noun == hi - 1 and doc[hi - 1].pos_ == "PROPN"
              and hi + 1 < end and doc[hi + 1].pos_ == "PROPN"):
            pass
        else:
            break
        hi += 1
    return doc[first:last_noun + 1] if last_noun is not None else None


def _subordinate(tok: Token, cue: Token) -> bool:
    """``tok`` sits in a relative clause or under a participle of the frame ("…, adding that …")."""
    node = tok
    while node.i not in (node.head.i, cue.i):
        if node.dep_ in ("relcl", "acl") or _frame_participle(node, cue):
            return True
        node = node.head
    return False
