"""Attributed statements: who said what, relayed by whom, with what stance.

Works on the dependency parse.  A *cue* is a reporting verb from
``data/reporting_verbs.json`` (or "according to", a framing document — "in
this poll" —, or a transcript colon); its *source* is the verb's subject (or
the noun phrase just before it, or the subject it shares with the verb it
hangs from); its *content* is the clausal complement, the object of verbs like
"reveal"/"describe … as", the direct quote beside it, or the rest of the
sentence for "…, X said."  Positions a person or organisation holds ("wants
to …", "attacked …", "knows that …") are claims too (``attitudes``).
Direct quotes are found from the quote marks themselves, so a quote that opens
in one sentence and is attributed at the end of the next is one claim.

The work is split by job: ``spans`` (records, units, quotes), ``cues`` and
``attitudes`` (frame patterns, each giving a ``CueMatch``), ``contents`` (the
content shapes of a reporting verb), ``frames`` (source/cue extents and
stance), ``coref`` (speakers), ``links`` (continued quotes, relays, nesting,
disputes).  ``find_attributions`` returns rich internal records with
source/cue/content offsets (``pipeline.run`` keeps them in
``Trace.attributions``); ``claims_from`` maps them to the contract's ``Claim``.
"""

from __future__ import annotations

from functools import cache

from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.model import Claim, Span
from newsgraph.nlp.claims.attitudes import adjective_claim, attitude_claim, holds_positions
from newsgraph.nlp.claims.coref import SpeakerResolver
from newsgraph.nlp.claims.cues import (
    according_claim,
    according_conjuncts,
    by_account_claim,
    cites_for_frame,
    dash_quotes,
    figure_claim,
    in_document_claim,
    merge_according,
    noun_claim,
    speaker_label,
    transcript_claim,
    verb_claim,
)
from newsgraph.nlp.claims.denials import nominal_denial, relative_denial
from newsgraph.nlp.claims.frames import attribution_from_match
from newsgraph.nlp.claims.links import (
    channel_relays,
    continued_quotes,
    dateline_relays,
    fill_relays,
    first_person_lead_ins,
    outlet_relays,
    resolve_nesting,
)
from newsgraph.nlp.claims.mistagged import closing_noun_frame, verb_tagged_noun
from newsgraph.nlp.claims.spans import (
    Attribution,
    CueMatch,
    Offsets,
    Units,
    quote_regions,
    quoted_tokens,
    sentence_units,
)
from newsgraph.nlp.claims.subjects import verb_subject
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.index import EntityIndex
from newsgraph.nlp.parse import Parsed
from newsgraph.vocab.claims import AttitudeVerbs, ReportingVerbs

__all__ = ["Attribution", "claims_from", "extract_claims", "find_attributions", "quote_regions"]


def extract_claims(parsed: Parsed, index: EntityIndex) -> list[Claim]:
    """The document's claims (the stage function): its attributions in the contract's form."""
    return claims_from(parsed, index, find_attributions(parsed, index))


def claims_from(parsed: Parsed, index: EntityIndex, found: list[Attribution]) -> list[Claim]:
    """``Claim`` records for the attributions ``find_attributions`` gave, numbered in text order."""
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
    evaluations, beliefs) a person or organisation holds (``attitudes``)."""
    doc, text = parsed.doc, parsed.text
    units = _past_dateline(sentence_units(doc), parsed)
    unit_of = {i: n for n, (s, e) in enumerate(units) for i in range(max(s, 0), min(e, len(doc)))}
    quotes = _quotes(parsed)
    matches = _cue_matches(doc, units, unit_of, quotes, index)
    cue_starts = frozenset(m.cue.idx for m in matches)
    # "who asked not to be named", "speaking on condition of anonymity": how a source spoke, not what it said
    anonymity = vocab.load("reporting_verbs").anonymity_contents
    matches = [m for m in matches if text[m.content[0]:m.content[1]].strip(" ,.;").lower() not in anonymity
               and not _no_source(m.subject) and not _event_subject(m.subject)]
    resolver = SpeakerResolver(index)
    out = [attribution_from_match(m, doc, text, quotes, units, unit_of, resolver, cue_starts) for m in matches]
    out = continued_quotes(out, quotes, text, units, doc)
    out = first_person_lead_ins(out, doc, text, units, unit_of)
    out = fill_relays(out, doc, text, units, unit_of, index)
    out = channel_relays(out, doc, index)
    out = resolve_nesting(sorted(out, key=lambda a: (a.evidence[0], a.cue[0] if a.cue else a.content[0])), index)
    return dateline_relays(outlet_relays(out, index), parsed.dateline, index, text)


def _past_dateline(units: Units, parsed: Parsed) -> Units:
    """The statement units without the dateline before the body: "Last updated at Oct 032017 BEIRUT A US-led
    coalition air strike killed …, the Observatory said": neither the timestamp nor the place in capitals
    that follows it ("BEIRUT", "UNITED NATIONS") is part of what was said."""
    if parsed.dateline is None or not units or (parsed.dateline.date is None and parsed.dateline.outlet is None):
        return units  # a place alone may be a frame read as one ("The minister said:")
    doc, body = parsed.doc, parsed.dateline.body_start
    out = []
    for start, e in units:
        s = start
        if doc[s].idx <= body < doc[e - 1].idx + len(doc[e - 1]):  # the unit the body opens in (not a headline)
            s = next((t.i for t in doc[s:e] if t.idx >= body), e)
            while s + 1 < e and doc[s].is_upper and doc[s].is_alpha and len(doc[s]) > 1 and doc[s + 1].is_title:
                s += 1
        if s < e:
            out.append((s, e))
    return out


def _cue_matches(doc: Doc, units: Units, unit_of: dict[int, int], quotes: list[Offsets],
                 index: EntityIndex) -> list[CueMatch]:
    """Every cue's match, in text order, then quotes signed with a dash; a cue inside a direct quote is
    part of what was said, except a transcript label opening a quoted line ("PENCE: Well, …")."""
    quoted = quoted_tokens(doc, quotes)
    found = []
    for tok in _may_cue_tokens(doc):  # (most tokens: no cue kind of ``_match_at`` fits their word)
        if tok.i not in unit_of:
            continue
        if tok.i in quoted and not (tok.text == ":" and speaker_label(tok, units[unit_of[tok.i]][0])):
            continue
        match = _match_at(tok, units, unit_of, quotes, index)
        if match is not None:
            found += according_conjuncts(match)
    found += [d for d in dash_quotes(doc, doc_text(doc)) if d.cue.i in unit_of]
    return merge_according(found, unit_of)


def _match_at(tok: Token, units: Units, unit_of: dict[int, int], quotes: list[Offsets],
              index: EntityIndex) -> CueMatch | None:
    """The frame ``tok`` cues, if any: the first cue kind its word and tag fit decides which."""
    doc = tok.doc
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    attitudes: AttitudeVerbs = vocab.load("attitude_verbs")
    lemma = tok.lemma_.lower()
    unit = units[unit_of[tok.i]]
    if _no_statement(tok, lemma, verbs):
        return None
    if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
        return according_claim(tok, unit, doc)
    if lemma in verbs.stance and tok.pos_ == "NOUN":  # "… as human shields Press TV reports."
        closing = closing_noun_frame(tok, unit, doc, index)
        if closing is not None:
            return closing
    if lemma in verbs.stance and (tok.pos_ in ("VERB", "AUX") or verb_tagged_noun(tok)):
        # a reporting verb no statement frame fits may still state a position ("is stressing the need to …")
        return (relative_denial(tok, unit, doc) or verb_claim(tok, units, unit_of, quotes, doc, index)
                or attitude_claim(tok, units, unit_of, doc, verb_subject, ("evaluation", "asserted")))
    if lemma in verbs.figure_verbs and tok.pos_ == "VERB":  # "put the toll at 10"
        return figure_claim(tok, unit, doc)
    if (lemma in attitudes.verbs or lemma in attitudes.light_verbs) and tok.pos_ in ("VERB", "AUX"):
        return attitude_claim(tok, units, unit_of, doc, verb_subject)
    if tok.pos_ == "ADJ" and lemma in attitudes.adjectives:
        return adjective_claim(tok, units, unit_of, doc, verb_subject)
    if tok.pos_ == "NOUN" and (lemma in verbs.claim_nouns or lemma in attitudes.intention_nouns):
        return nominal_denial(tok, unit, doc) or noun_claim(tok, unit, doc)
    if tok.lower_ == "in" and tok.i + 1 < len(doc):
        return in_document_claim(tok, unit, doc)
    if tok.lower_ == "by" and tok.pos_ == "ADP":
        return by_account_claim(tok, unit, doc)
    if tok.text == ":" and speaker_label(tok, unit[0]):
        return transcript_claim(tok, units, unit_of, doc)
    return None


def _may_cue_tokens(doc: Doc) -> list[Token]:
    """The tokens a cue kind of ``_match_at`` may fit, in document order: their lemma is one they test for, or
    they are one of the words a cue can be ("according", "in", "by", ":").  Read from spaCy's arrays, each
    lemma tested once per document: a Python ``Token`` is made only for the tokens that pass."""
    if not len(doc):
        return []
    strings, lemmas = doc.vocab.strings, _cue_lemmas()
    words = {get_string_id(w) for w in ("according", "in", "by")}
    colon = get_string_id(":")
    lemma_fits: dict[int, bool] = {}
    found = []
    for i, (lemma, lower, orth) in enumerate(doc.to_array(["LEMMA", "LOWER", "ORTH"]).tolist()):
        fits = lemma_fits.get(lemma)
        if fits is None:
            fits = lemma_fits[lemma] = strings[lemma].lower() in lemmas
        if fits or lower in words or orth == colon:
            found.append(doc[i])
    return found


@cache
def _cue_lemmas() -> frozenset[str]:
    """Every lemma a cue kind of ``_match_at`` tests for (with "according", "in", "by" and ":", the words
    a cue can be): a branch added there must add its words here."""
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    attitudes: AttitudeVerbs = vocab.load("attitude_verbs")
    return frozenset(verbs.stance) | verbs.figure_verbs | frozenset(attitudes.verbs) | attitudes.light_verbs \
        | frozenset(attitudes.adjectives) | verbs.claim_nouns | attitudes.intention_nouns


def _no_statement(tok: Token, lemma: str, verbs: ReportingVerbs) -> bool:
    """A reporting verb that states nothing here: "citing a source", "declared a caliphate", "quoted X as
    saying" (read at "saying"), "claimed the lives of three"."""
    return (cites_for_frame(tok) or (lemma in verbs.performative_verbs and _performs_act(tok))
            or _quotes_as_saying(tok) or (lemma in verbs.toll_verbs and _claims_victims(tok, verbs))
            or _said_of_a_thing(tok) or _shown_in_pictures(tok, lemma, verbs) or _aim_of_protest(tok)
            or _judged_by_it(tok))


def _judged_by_it(verb: Token) -> bool:
    """"It is very hard to say how people will cope", "it is difficult to confirm this": an infinitive after
    "it is <adjective>" judges what can be said or known; no one says it (the "it" is no source)."""
    if verb.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    host = verb.head.head if verb.head.pos_ == "ADJ" else verb.head  # "hard to say" hung on the adjective
    return host.lemma_ == "be" and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in host.children) and any(
        c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in host.children)


def _aim_of_protest(verb: Token) -> bool:
    """"protests calling for the ouster of Assad", "a draft resolution calling for a cease-fire": the
    participle names what a protest or a text put to a vote is for, not anyone's statement."""
    aims = vocab.load("claims_sources").aim_nouns
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and (verb.head.lemma_.lower() in aims or verb.head.lower_ in aims)


def _shown_in_pictures(verb: Token, lemma: str, verbs: ReportingVerbs) -> bool:
    """"Images showed the city", "Video footage showed people choking": what a picture shows is the
    writer's description of it, no source's claim ("the study showed …" stays a finding)."""
    if lemma not in verbs.imagery_verbs:
        return False
    subject, _ = verb_subject(verb)
    return subject is not None and (subject.lemma_.lower() in verbs.imagery_nouns
                                    or subject.lower_ in verbs.imagery_nouns)


def _said_of_a_thing(verb: Token) -> bool:
    """"18 prisoners said to be Syrian were freed", "weapons claimed to have been used": what
    is said to be so, not who says it; the subject of the infinitive ("be", "have been") holds no position
    ("He claimed to have been tortured" is his claim)."""
    infinitive = next((c for c in verb.children if c.dep_ == "xcomp" and c.i > verb.i), None)
    if infinitive is None or not any(c.dep_ == "aux" and c.lower_ == "to" for c in infinitive.children):
        return False
    if not (infinitive.lemma_ == "be" or any(c.dep_ in ("aux", "auxpass") and c.lower_ in ("have", "been")
                                             for c in infinitive.children)):
        return False
    subject, _ = verb_subject(verb)
    return subject is not None and not holds_positions(subject)


def _no_source(subject: Token) -> bool:
    """"No group has claimed responsibility", "nobody said …": the subject denies there is a source."""
    sources = vocab.load("claims_sources")
    return subject.lower_ in sources.negative_pronouns or any(
        c.dep_ == "det" and c.lower_ in sources.negative_determiners for c in subject.children)


def _event_subject(subject: Token) -> bool:
    """"… before any military intervention in Syria suggested …", "Global outrage … led the US to state …": a
    common noun of violence, of an event or of a feeling heads no source (the speaker is elsewhere)."""
    return subject.pos_ == "NOUN" and not subject.ent_type_ and (
        subject.lower_ in vocab.load("claims_sources").event_nouns)


def _performs_act(verb: Token) -> bool:
    """"declared a caliphate", "declared a unilateral pause": a plain object with no clause or predicate
    after it is what the verb does, not what it reports ("declared that …", "declared him the winner" report)."""
    children = list(verb.children)
    return any(c.dep_ == "dobj" for c in children) and not any(
        c.dep_ in ("ccomp", "xcomp", "oprd", "acomp") for c in children)


def _claims_victims(verb: Token, verbs: ReportingVerbs) -> bool:
    """"claimed the lives of three workers", "Mortar Attack Claims 11 Children": a toll, not a claim."""
    return any(c.dep_ == "dobj" and (c.lemma_.lower() in verbs.toll_objects or c.lower_ in verbs.toll_objects
                                     or any(g.dep_ == "nummod" for g in c.children))
               for c in verb.children)


def _quotes_as_saying(verb: Token) -> bool:
    """"cited the defence ministry as saying …": the quoted source's claim is read at "saying" (this verb is
    its relay), so the quoting verb is no claim of its own."""
    quoting = vocab.load("reporting_verbs").quoting_verbs
    return verb.lemma_.lower() in quoting and any(
        c.dep_ == "prep" and c.lower_ == "as" and any(g.dep_ == "pcomp" for g in c.children) for c in verb.children)
