"""Reporting verbs the tagger read as nouns: in headlines ("Trump claims that …", "Obama says …") and in a
frame that closes a scraped sentence without its comma ("… used as human shields Press TV reports.", "… on
Friday the Syrian Observatory for Human Rights reports."), where the present tense looks like a plural noun
compounded with the name before it."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.nlp.claims.runon_speakers import named_before
from newsgraph.nlp.claims.runons import RELATIVES, has_clause
from newsgraph.nlp.claims.spans import CueMatch, Unit, trim_span
from newsgraph.nlp.index import EntityIndex
from newsgraph.vocab.claims import ReportingVerbs


def verb_tagged_noun(tok: Token) -> bool:
    """"Trump claims that …", "Obama says …" in headlines: a verb the tagger took for a plural noun."""
    return (tok.pos_ == "NOUN" and tok.tag_ == "NNS" and any(c.dep_ == "nsubj" for c in tok.children)
            and any(c.dep_ in ("ccomp", "xcomp") for c in tok.children))


def closing_noun_frame(tok: Token, unit: Unit, doc: Doc, names: EntityIndex | None) -> CueMatch | None:
    """"… to be used as human shields Press TV reports.": a verb of saying in the present tense read as a
    plural noun, last in its sentence, right after a named speaker (a person, organisation or country of
    the document): the speaker said the clause before its name."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    us, ue = unit
    if (tok.tag_ != "NNS" or not tok.lower_.endswith("s") or tok.lemma_.lower() not in verbs.inverting_verbs
            or tok.i - 1 <= us or names is None):
        return None
    last = ue - 1
    while last > tok.i and (doc[last].is_punct or doc[last].is_space or doc[last].is_quote):
        last -= 1
    if last != tok.i:
        return None
    name = named_before(doc[tok.i - 1], us, names)
    if name is None or name.end != tok.i or not has_clause(doc, us, name.start):
        return None
    if doc[tok.i - 1].lower_ in vocab.load("relays").outlet_modifiers:
        return None  # "… in Syrias Raqqa Local reports": the reports are local ones, whatever entity took the word
    before = doc[name.start - 1]
    if before.lower_ in RELATIVES or before.pos_ in ("ADP", "CCONJ", "SCONJ") or before.text in (";", ":"):
        return None  # "… in the Press TV reports", "…, but Reuters reports"
    content = trim_span(doc, us, name.start - 1)
    if content is None:
        return None
    return CueMatch(cue=tok, subject=name[-1], content=content, kind="verb", source_span=name)
