"""Attributed statements: who said what, relayed by whom, with what stance.

Works on the dependency parse.  A *cue* is a reporting verb from
``data/reporting_verbs.json`` (or "according to", a framing document — "in
this poll" —, or a transcript colon); its *source* is the verb's subject (or
the noun phrase just before it, or the subject it shares with the verb it
hangs from); its *content* is the clausal complement, the object of verbs like
"reveal"/"describe … as", the direct quote beside it, or the rest of the
sentence for "…, X said."  Positions a person or organisation holds ("wants
to …", "attacked …", "knows that …") are claims too (``claim_attitudes``).
Direct quotes are found from the quote marks themselves, so a quote that opens
in one sentence and is attributed at the end of the next is one claim.

The work is split by job: ``claim_spans`` (record, lexicon, units, quotes),
``claim_cues`` and ``claim_attitudes`` (frame patterns), ``claim_frames``
(source/cue extents and stance), ``claim_links`` (continued quotes, relays,
nesting, disputes).  ``find_attributions`` returns rich internal records with
source/cue/content offsets (used by bench/attribution.py); ``extract_claims``
maps them to the contract's ``Claim``.
"""

from __future__ import annotations

from typing import Any

from newsgraph.model import Claim, Span
from newsgraph.nlp.claims.attitudes import adjective_claim, attitude_claim, attitude_lexicon
from newsgraph.nlp.claims.coref import SpeakerResolver, framing_documents
from newsgraph.nlp.claims.cues import (
    according_claim,
    dash_quotes,
    figure_claim,
    in_document_claim,
    merge_according,
    noun_claim,
    speaker_label,
    transcript_claim,
    verb_claim,
    verb_subject,
    verb_tagged_noun,
)
from newsgraph.nlp.claims.frames import attribution_from_match
from newsgraph.nlp.claims.links import channel_relays, continued_quotes, fill_relays, outlet_relays, resolve_nesting
from newsgraph.nlp.claims.spans import Attribution, Offsets, inside_quote, lexicon, quote_regions, sentence_units
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed

__all__ = ["Attribution", "extract_claims", "find_attributions", "lexicon", "quote_regions"]


def extract_claims(parsed: Parsed, index: EntityIndex) -> list[Claim]:
    found = find_attributions(parsed, index)
    text = parsed.text
    claims = []
    quotes = _quotes(parsed)
    for n, a in enumerate(found, 1):
        content = _claim_text(text, a, quotes)
        about = [e for e in index.entities_within(*a.content) if e != a.speaker and e not in a.via]
        claims.append(Claim(
            id=f"c{n}", speaker=a.speaker, speaker_text=a.speaker_text, cue=a.cue_text, stance=a.stance,
            text=content, evidence=Span.of(text, *a.evidence), via=a.via, about=tuple(about),
            disputed_by=f"c{a.disputed_by + 1}" if a.disputed_by is not None else None))
    return claims


def _quotes(parsed: Parsed) -> list[Offsets]:
    """The document's quotation regions, found once per document."""
    cached = parsed.cache.get("quotes")
    if not isinstance(cached, list):
        cached = parsed.cache["quotes"] = quote_regions(parsed.text)
    return cached


def _claim_text(text: str, a: Attribution, quotes: list[Offsets]) -> str:
    """The content without the frame: quotes joined when the frame sits between them."""
    strip = " \t\n,;:\"“”'‘’"
    inside = [q for q in quotes if a.content[0] <= q[0] and q[1] <= a.content[1]]
    frame_inside = any(s and a.content[0] <= s[0] < a.content[1] for s in (a.source, a.cue))
    if len(inside) > 1 and frame_inside:
        return " ".join(text[s:e].strip(strip) for s, e in inside)
    return text[a.content[0]:a.content[1]].strip(strip)


def find_attributions(parsed: Parsed, index: EntityIndex) -> list[Attribution]:
    """Every attribution in the document, in text order: statements, and the positions (intentions,
    evaluations, beliefs) a person or organisation holds (``claim_attitudes``)."""
    doc, text = parsed.doc, parsed.text
    lex = lexicon()
    attitudes = attitude_lexicon()["verbs"].keys() | attitude_lexicon()["light_verbs"]
    documents = framing_documents()
    intention_nouns = attitude_lexicon()["nouns"]
    cue_nouns = lex["claim_nouns"] | intention_nouns
    adjectives = attitude_lexicon()["adjectives"]
    units = sentence_units(doc)
    unit_of = {tok.i: n for n, (s, e) in enumerate(units) for tok in doc[s:e]}
    quotes = _quotes(parsed)
    resolver = SpeakerResolver(index)
    raw: list[dict[str, Any]] = []
    for tok in doc:
        if tok.i not in unit_of:
            continue
        # a transcript label opening a quoted line ("PENCE: Well, …") still names the speaker
        if inside_quote(quotes, tok.idx) and not (tok.text == ":" and speaker_label(tok, units[unit_of[tok.i]][0])):
            continue
        found = None
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            found = according_claim(tok, units[unit_of[tok.i]], doc)
        elif tok.lemma_.lower() in lex["stance"] and (tok.pos_ in ("VERB", "AUX") or verb_tagged_noun(tok)):
            found = verb_claim(tok, units, unit_of, quotes, doc, lex)
            found = found or attitude_claim(tok, units, unit_of, doc, verb_subject, ("evaluation", "asserted"))
        elif tok.lemma_.lower() in lex["figure_verbs"] and tok.pos_ == "VERB":  # "put the toll at 10"
            found = figure_claim(tok, units[unit_of[tok.i]], doc, lex)
        elif tok.lemma_.lower() in attitudes and tok.pos_ in ("VERB", "AUX"):  # verbs and light verbs
            found = attitude_claim(tok, units, unit_of, doc, verb_subject)
        elif tok.pos_ == "ADJ" and tok.lemma_.lower() in adjectives:
            found = adjective_claim(tok, units, unit_of, doc, verb_subject)
        elif tok.pos_ == "NOUN" and tok.lemma_.lower() in cue_nouns:
            found = noun_claim(tok, units[unit_of[tok.i]], doc, intention_nouns)
        elif tok.lower_ == "in" and tok.i + 1 < len(doc):
            found = in_document_claim(tok, units[unit_of[tok.i]], doc, lex, documents)
        elif tok.text == ":" and speaker_label(tok, units[unit_of[tok.i]][0]):
            found = transcript_claim(tok, units, unit_of, doc)
        if found:
            raw.append(found)
    raw += [d for d in dash_quotes(doc, text) if d["cue"].i in unit_of]
    raw = merge_according(raw, unit_of)
    cue_starts = frozenset(r["cue"].idx for r in raw)
    # "who asked not to be named", "speaking on condition of anonymity": how a source spoke, not what it said
    raw = [r for r in raw if text[r["content"][0]:r["content"][1]].strip(" ,.;").lower() not in lex["anonymity"]]
    out = [attribution_from_match(r, doc, text, quotes, units, unit_of, index, resolver, lex, cue_starts) for r in raw]
    out = continued_quotes(out, quotes, text, units, doc)
    out = fill_relays(out, doc, text, units, unit_of, index, lex)
    out = channel_relays(out, doc, index, lex)
    out = resolve_nesting(sorted(out, key=lambda a: (a.evidence[0], a.cue[0] if a.cue else a.content[0])), lex)
    out = outlet_relays(out, index, lex)
    return out
