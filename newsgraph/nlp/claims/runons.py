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
* ``run_on_source`` (runon_speakers.py): the speaker the parser missed, named right before the verb ("… since World War
  II Steifo said", "… of their mouths the Syrian Observatory for Human Rights said").
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsgraph import vocab
from newsgraph.nlp.claims.phrases import relative_word
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


def claim_sources() -> ClaimSources:
    sources: ClaimSources = vocab.load("claims_sources")
    return sources


def reporting_verbs() -> ReportingVerbs:
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    return verbs


def speaker_word(tok: Token) -> bool:
    """A word that can head a speaker phrase: a name, or a noun for a person, group or outlet."""
    if tok.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"):
        return False
    sources = claim_sources()
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
    verbs = reporting_verbs()
    addressee = cue.lemma_.lower() in verbs.addressee_verbs
    for child in cue.rights:
        # the hearer ("told reporters", "told AFP") or the occasion ("told a news briefing"), not what was told
        # ("would tell an American story")
        hearer = child.dep_ in ("dobj", "dative") and addressee and (
            speaker_word(child) or child.pos_ == "PRON" or child.lemma_.lower() in verbs.audience_nouns)
        # a participle of the frame ("adding that …", "citing a source", "heading into a dinner")
        if child.dep_ in TAIL_DEPS or hearer or child.tag_ == "VBG" or _time_clause(child):
            continue
        return False
    return True


def _time_clause(child: Token) -> bool:
    """A time clause of the frame ("… a monitor said a day after Russia and the US agreed a truce", "…
    activists said as violence continued": the parser may call it a complement)."""
    return child.dep_ in ("advcl", "ccomp") and any(
        c.dep_ == "mark" and c.lower_ in claim_sources().time_subordinators for c in child.children)


def end_frame(cue: Token, source_lo: int, source_hi: int, start: int, end: int) -> tuple[int, int] | None:
    """"… killed at least 16 people the Observatory said": tokens [start, source_lo) before the source phrase
    (tokens source_lo..source_hi), when the frame closes the unit [start, end): the source right before the
    cue, then only the frame's tail."""
    doc = cue.doc
    if cue.lemma_.lower() not in reporting_verbs().closing_verbs or not start < source_lo <= source_hi < cue.i:
        return None
    if relative_word(doc[source_lo]):
        return None  # "the things that add up to …": a relative clause
    if cue.dep_ == "relcl" and cue.lemma_.lower() not in reporting_verbs().gapless_verbs:
        return None  # "the two guides I wrote in 2014": a relative clause whose object is the noun before
    if any(t.dep_ not in ("aux", "auxpass", "neg", "advmod") for t in doc[source_hi + 1:cue.i]):
        return None
    if not closes_unit(cue, end) or not has_clause(doc, start, source_lo):
        return None
    before = doc[source_lo - 1]
    if (before.lower_ in RELATIVES and not before.text.isupper()) or relative_word(before):
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
    if cue.dep_ not in ("ccomp", "xcomp") or head.i > cue.i or head.lemma_.lower() not in reporting_verbs().stance:
        return False
    first_person = vocab.load("common_words").first_person_pronouns
    return not any(c.dep_ == "nsubj" and c.lower_ in first_person for c in head.children)


def _frame_participle(tok: Token, cue: Token) -> bool:
    """A participle of the frame itself: "…, adding that …", "…, citing a source", "…, saying …"."""
    verbs = reporting_verbs()
    lemma = tok.lemma_.lower()
    return tok.head.i == cue.i and tok.tag_ == "VBG" and (lemma in verbs.stance or lemma in verbs.quoting_verbs)


def inverted_source(cue: Token, start: int, end: int) -> Span | None:
    """"… wounded more than 60 people said the Observatory a British-based group": the speaker named after
    a verb of saying, with what was said before the verb and no clause of its own after the name."""
    doc = cue.doc
    if cue.lemma_.lower() not in reporting_verbs().inverting_verbs or not has_clause(doc, start, cue.i):
        return None
    if any(c.dep_ == "neg" for c in cue.children) or any(
            c.i > cue.i and c.dep_ in ("ccomp", "xcomp") and not _frame_participle(c, cue) for c in cue.children):
        return None  # "said the attack killed 16": a clause follows; "haven't said" names no speaker
    phrase = noun_run(doc, cue.i + 1, end)
    if phrase is None or not speaker_word(phrase[-1]):
        return None
    for tok in doc[phrase.end:end]:
        if tok.tag_ in FINITE and tok.pos_ in ("VERB", "AUX") and not subordinate(tok, cue):
            return None  # "said the Observatory was biased": the name is a subject in what was said
    return phrase


def noun_run(doc: Doc, first: int, end: int) -> Span | None:
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


def subordinate(tok: Token, cue: Token) -> bool:
    """``tok`` sits in a relative clause or under a participle of the frame ("…, adding that …")."""
    node = tok
    while node.i not in (node.head.i, cue.i):
        if node.dep_ in ("relcl", "acl") or _frame_participle(node, cue):
            return True
        node = node.head
    return False
