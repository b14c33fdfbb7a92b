"""Links between attributions: quote paragraphs that continue a claim, relays (``via``), nesting and disputes."""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsgraph import vocab
from newsgraph.nlp.claims.frames import content_stance
from newsgraph.nlp.claims.runons import has_clause, outlet_before
from newsgraph.nlp.claims.spans import QUOTE_MARK, Attribution, Offsets, Units
from newsgraph.nlp.claims.speakers import names_outlet
from newsgraph.nlp.claims.subjects import quoting_verb
from newsgraph.nlp.dateline import Dateline, inner_wire_dateline
from newsgraph.nlp.doc_text import doc_text
from newsgraph.nlp.index import EntityIndex
from newsgraph.settings import settings
from newsgraph.vocab.claims import Relays


def continued_quotes(out: list[Attribution], quotes: list[Offsets], text: str,
                      units: Units, doc: Doc) -> list[Attribution]:
    """A quote paragraph right after an attributed statement continues its speaker's words."""
    min_chars = settings().claims.continued_quote_min_chars
    covered = [a.content for a in out]
    extra = []
    for q in quotes:
        if any(c[0] < q[1] and c[1] > q[0] for c in covered):
            continue
        before = [a for a in out if a.evidence[1] <= q[0]]
        if not before:
            continue
        prev = max(before, key=lambda a: a.evidence[1])
        gap = text[prev.evidence[1]:q[0]]
        if gap.strip() or gap.count("\n") > 1 or q[1] - q[0] < min_chars:
            continue
        span = doc.char_span(q[0], q[1], alignment_mode="expand")
        if span is None:
            continue
        # the continuation's own words decide its stance ("… many areas, possibly including …")
        stance = content_stance(doc, q, "asserted") if prev.stance == "asserted" else prev.stance
        extra.append(replace(prev, source=None, cue=None, content=q, evidence=(q[0], q[1]), stance=stance,
                             cue_token=-1, disputes=False, nested=False, disputed_by=None))
    return out + extra


def first_person_lead_ins(out: list[Attribution], doc: Doc, text: str, units: Units,
                          unit_of: dict[int, int]) -> list[Attribution]:
    """Quote marks stripped: "We hope the team will be given access. There is no reason not to … he added."
    A sentence in the first person right before a claim whose frame closes it, in the same paragraph and
    with no speaker of its own ("We hope …" has none: "we" is the speaker's side), is that speaker's too."""
    first_person = vocab.load("common_words").first_person_pronouns
    closing = vocab.load("reporting_verbs").closing_verbs
    result = list(out)
    for b in out:
        if (b.cue is None or b.cue[0] < b.content[1] or not (b.speaker or b.speaker_text)
                or doc[b.cue_token].lemma_.lower() not in closing):
            continue  # only a frame of saying after its content ("… he added") closes a stripped quote
        first = doc.char_span(b.content[0], b.content[1], alignment_mode="expand")
        n = unit_of.get(first[0].i) if first is not None and len(first) else None
        if n is None or n == 0 or doc[units[n][0]].idx != b.content[0] or b.speaker_text in first_person:
            continue
        us, ue = units[n - 1]
        start, end = doc[us].idx, doc[ue - 1].idx + len(doc[ue - 1].text)
        if "\n" in text[end:b.content[0]] or not has_clause(doc, us, ue) or not any(
                t.lower_ in first_person and t.dep_ == "nsubj" for t in doc[us:ue]):
            continue
        inside = [k for k, a in enumerate(result) if a.evidence[0] < end and start < a.evidence[1]]
        if QUOTE_MARK.search(text, start, end) or any(
                (result[k].speaker_text or "").lower() not in first_person for k in inside):
            continue  # the sentence has a speaker of its own, or its quote marks say whose it is
        for k in inside:  # "We hope …" keeps its words when the speaker is an entity
            result[k] = replace(result[k], speaker=b.speaker, speaker_text=result[k].speaker_text if b.speaker
                                else b.speaker_text)
        if not inside:
            stance = content_stance(doc, (start, end), "asserted")
            result.append(replace(b, source=None, cue=None, content=(start, end), evidence=(start, end),
                                  stance=stance, cue_token=-1, disputes=False, nested=False, disputed_by=None))
    return result


def fill_relays(out: list[Attribution], doc: Doc, text: str, units: Units, unit_of: dict[int, int],
                index: EntityIndex) -> list[Attribution]:
    """Fill ``via``: outlets named by relay phrases in the claim's unit, or in the next one that has no claim."""
    unit_ids: dict[int, list[int]] = {n: [] for n in range(len(units))}  # unit -> attributions covering it
    for k, a in enumerate(out):
        span = doc.char_span(a.evidence[0], a.evidence[1], alignment_mode="expand")
        if span is not None and len(span):
            for n in range(unit_of.get(span[0].i, 0), unit_of.get(span[-1].i, 0) + 1):
                unit_ids[n].append(k)
    vias: dict[int, list[str]] = {k: [] for k in range(len(out))}
    relays: Relays = vocab.load("relays")
    claimed_units = {n for n, ks in unit_ids.items() if ks}
    for n, (us, ue) in enumerate(units):
        start, end = doc[us].idx, doc[ue - 1].idx + len(doc[ue - 1].text)
        same_paragraph = n > 0 and "\n" not in text[doc[units[n - 1][1] - 1].idx:start]
        targets = unit_ids[n] or (unit_ids[n - 1] if same_paragraph and n - 1 in claimed_units else [])
        if not targets:
            continue
        for m in relays.pattern.finditer(text, start, end):
            # "the statement carried by state news agency SANA said": a carrier in the speaker's phrase relays
            word = doc.char_span(m.start(), m.end(), alignment_mode="expand")
            carrier = word is not None and word[0].lemma_.lower() in vocab.load("claims_sources").carrier_verbs
            for eid in _outlets_after(m.end(), end, doc, index):
                for k in targets:
                    # a claim's own frame names its speaker, not a relay ("according to SANA", "a study
                    # published by X"): the via of a claim never holds its speaker
                    a = out[k]
                    own = (a.source and a.source[0] <= m.start() < a.source[1] and not carrier) or (
                        a.cue and a.cue[0] <= m.start() < a.cue[1] and a.cue_text.lower().startswith("according"))
                    if not own and eid != out[k].speaker and eid not in vias[k]:
                        vias[k].append(eid)
    return [replace(a, via=tuple(vias[k])) if vias[k] else a for k, a in enumerate(out)]


def channel_relays(out: list[Attribution], doc: Doc, index: EntityIndex) -> list[Attribution]:
    """Channels hanging off the cue: "said on Telegram", "said in a speech on Al-Masirah TV", "in a statement
    carried by the state news agency IRNA", and the outlet quoting the speaker ("TASS quoted Peskov as
    saying …").  Only outlets count (an outlet word in the name or the phrase), so "commented on the
    ministry's plan" names no channel."""
    result = []
    for a in out:
        if a.cue_token < 0:
            result.append(a)
            continue
        cue = doc[a.cue_token]
        found = list(a.via)
        for eid in _quoting_outlets(cue, a, index) + _channels(cue, a, index):
            if eid != a.speaker and eid not in found:
                found.append(eid)
        result.append(replace(a, via=tuple(found)) if len(found) > len(a.via) else a)
    return result


def _quoting_outlets(cue: Token, a: Attribution, index: EntityIndex) -> list[str]:
    """The organisations that are the subject of "the state news agency TASS quoted Peskov as saying …", or
    named in the outlet phrase after what was said ("… Rossiya 24 state television cited X as saying")."""
    quoting = quoting_verb(cue)
    if quoting is not None and a.content[1] <= quoting.idx:
        first = cue.doc.char_span(a.content[0], a.content[1], alignment_mode="expand")
        lo = outlet_before(quoting, first.start, index) if first is not None and len(first) else None
        if lo is not None:
            return [eid for s, _, eid in index.mentions_within(cue.doc[lo].idx, quoting.idx)
                    if index[eid].type not in ("GPE", "LOC") and s >= a.content[1]]
    found = []
    for subject in (c for c in (quoting.children if quoting is not None else ()) if c.dep_ == "nsubj"):
        right = subject.right_edge
        found += [eid for eid in index.entities_within(subject.left_edge.idx, right.idx + len(right.text))
                  if index[eid].type == "ORG"]
    return found


def _channels(cue: Token, a: Attribution, index: EntityIndex) -> list[str]:
    """Outlets in channel phrases of the cue ("on Telegram", "carried by IRNA"), outside the content."""
    relays: Relays = vocab.load("relays")
    found = []
    hosts = [cue]
    if cue.tag_ == "VBG" and cue.dep_ in ("advcl", "xcomp", "conj") and cue.head.lemma_.lower() in vocab.load(
            "reporting_verbs").stance:  # "…, in a statement published by its Amaq news agency, saying …"
        hosts.append(cue.head)
    statement_prepositions = vocab.load("reporting_verbs").statement_prepositions
    preps = [c for host in hosts for c in host.children if c.dep_ == "prep"]
    # "claimed responsibility in a statement published by its Amaq news agency": under the object
    preps += [p for host in hosts for o in host.children if o.dep_ == "dobj" for p in o.children
              if p.dep_ == "prep" and p.lower_ in statement_prepositions]
    for prep in preps:
        for tok in prep.subtree:
            if tok.dep_ not in ("prep", "agent") or tok.lower_ not in relays.channel_prepositions:
                continue
            for obj in (c for c in tok.children if c.dep_ == "pobj" and not a.content[0] <= c.idx < a.content[1]):
                # the channel's noun phrase, not a clause hung on it ("to Al-Arabiya news channel condemning
                # the bombardment of Ghouta": Ghouta is no channel)
                clauses = [c.left_edge.i for c in obj.children if c.dep_ in ("acl", "relcl") and c.i > obj.i]
                right = obj.doc[min(clauses) - 1] if clauses else obj.right_edge
                words = {t.lower_ for t in obj.doc[obj.left_edge.i:right.i + 1]}
                # a place a body is based in is no channel ("according to the UK-based monitor")
                text = doc_text(obj.doc)
                named = dict.fromkeys(eid for _, e, eid in index.mentions_within(obj.left_edge.idx, right.idx
                                                                                 + len(right.text))
                                      if not text.startswith("-based", e))
                found += [eid for eid in named if (set(index[eid].name.lower().split()) | words) & relays.outlet_words]
    return found


def dateline_relays(out: list[Attribution], dateline: Dateline | None, index: EntityIndex,
                    text: str) -> list[Attribution]:
    """A wire dateline ("DAMASCUS (Reuters) -", "Damascus, SANA -") names the outlet that carried the whole
    story: it relays every claim in it, after the relays the claim names itself ("told state TV"), and never
    a claim of its own ("Reuters could not verify …")."""
    outlets: list[str] = []
    if dateline is not None and dateline.outlet:
        at = text.find(dateline.outlet, dateline.start, dateline.end)
        outlets = [eid for s, e, eid in index.mentions_within(dateline.start, dateline.end)
                   if at >= 0 and at <= s and e <= at + len(dateline.outlet) and index[eid].type == "ORG"]
    outlets = outlets or _inner_dateline_outlet(text, index)  # (a stamp read as the outlet names none)
    if not outlets:
        return out
    eid = outlets[0]
    return [replace(a, via=(*a.via, eid)) if eid != a.speaker and eid not in a.via else a for a in out]


def _inner_dateline_outlet(text: str, index: EntityIndex) -> list[str]:
    """The outlet of the first wire dateline ("CAPITAL (Outlet)") within ``inner_dateline_chars`` of the text's
    start, when it names an outlet the entities stage found there or elsewhere in the text."""
    match = inner_wire_dateline(text)
    if match is None:
        return []
    start, end = match.span("outlet")
    # an outlet, not what an acronym stands for ("ISIL (Islamic State …)", "UNICEF (UNICEF)")
    found = [eid for s, e, eid in index.mentions_within(start, end) if names_outlet(index, eid, match["outlet"])]
    known = None if found else _outlet_named(match["outlet"], index, vocab.load("relays").outlet_words)
    return found or ([known] if known and names_outlet(index, known, match["outlet"]) else [])


def outlet_relays(out: list[Attribution], index: EntityIndex) -> list[Attribution]:
    """"The ministry said …, state broadcaster TRT reported": an outlet reporting a claim is its relay."""
    result = []
    for a in out:
        if not a.nested or a.cue is None:
            result.append(a)
            continue
        outer = [b for b in out if b is not a and b.cue is not None
                 and b.content[0] <= a.cue[0] < b.content[1] and b.speaker and b.speaker != a.speaker]
        outlets = [b.speaker for b in outer
                   if b.speaker is not None and b.speaker not in a.via and _is_outlet(b, index)]
        result.append(replace(a, via=a.via + tuple(dict.fromkeys(outlets))) if outlets else a)
    return result


def _outer_claims(a: Attribution, out: list[Attribution]) -> tuple[list[Attribution], Attribution | None]:
    """The claims ``a`` is reported in, and a denial whose content is ``a``'s charge. A claim whose cue lies in
    ``a``'s content too is no outer claim when one of the two denies: in "X accused Y of …, which Y denied"
    the denial's content is the charge, and the charge's parse runs on into the relative clause."""
    cue = a.cue
    if cue is None:
        return [], None
    containing = [b for b in out if b is not a and b.cue is not None and b.content[0] <= cue[0] < b.content[1]]
    outer = [b for b in containing if b.cue is not None and not (
        (a.disputes or b.disputes) and a.content[0] <= b.cue[0] < a.content[1])]
    return outer, next((b for b in containing if b not in outer and b.disputes), None)


def _account_aside(a: Attribution) -> bool:
    """"accused the army of killing hundreds - by one report as many as 900 -": the writer's aside, set off
    inside another's claim, is the account's own figure, not something the accuser said."""
    words = a.cue_text.lower().split()
    return len(words) > 1 and words[0] == "by" and words[1] in vocab.load("claims_sources").account_determiners


def _is_outlet(a: Attribution, index: EntityIndex) -> bool:
    return a.speaker is not None and names_outlet(index, a.speaker, a.speaker_text or "")


def _outlets_after(pos: int, limit: int, doc: Doc, index: EntityIndex) -> list[str]:
    """Outlets named in the noun phrase right after a relay phrase: "told the state news agency TASS",
    "carried by the group's al-Masirah television", "telling the Philippine Daily Inquirer that …".
    The phrase is read from the words, not the parse (parsers often make "agency SANA" a verb); it ends
    at the first preposition, conjunction, verb or punctuation outside an entity mention."""
    span = doc.char_span(pos, limit, alignment_mode="expand")
    if span is None:
        return []
    words = [t for t in span if not t.is_space]
    if not words or words[0].pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "PRON", "X"):
        return []
    mentions = index.mentions_within(pos, limit)
    end = words[0].idx
    for tok in words:
        inside = any(s <= tok.idx < e for s, e, _ in mentions)
        stop = tok.pos_ in ("ADP", "SCONJ", "VERB", "AUX", "CCONJ") or tok.lower_ == "that" or (
            tok.is_punct and tok.tag_ != "POS" and tok.text not in ("-", "'s", "’s"))
        if stop and not inside and tok.i > words[0].i and tok.tag_ != "POS":
            break
        end = tok.idx + len(tok.text)
    outlet_words = vocab.load("relays").outlet_words
    found = []
    for eid in index.entities_within(pos, end):
        ent = index[eid]
        named = set(ent.name.lower().replace("-", " ").split())
        if ent.type == "ORG" or named & outlet_words:
            found.append(eid)
    if not found and not index.mentions_within(words[0].idx, end):
        known = _outlet_named(doc.text[words[0].idx:end], index, outlet_words)
        found = [known] if known else []
    return found


def _outlet_named(phrase: str, index: EntityIndex, outlet_words: frozenset[str]) -> str | None:
    """The outlet whose name (or alias) the words after a relay phrase spell when the entities stage found no
    mention there: the tagger reads a name it marks elsewhere in the article as common words in one sentence
    ("… local activist Mohammad al-Halabi told The New Arab", "Zouhir told The New Arab that …" where only
    "a resident told The New Arab" gave the mention)."""
    words = phrase.casefold().split()
    if words[:1] == ["the"]:
        words = words[1:]
    wanted = " ".join(words)
    if not wanted:
        return None
    return next((eid for eid, ent in index.entities.items()
                 if wanted in {n.casefold().removeprefix("the ") for n in (ent.name, *ent.aliases)}
                 and (ent.type == "ORG" or set(ent.name.lower().replace("-", " ").split()) & outlet_words)), None)


def resolve_nesting(out: list[Attribution], index: EntityIndex) -> list[Attribution]:
    """Mark claims reported inside other claims; drop those with no identifiable speaker (kept when an outlet
    reports them: "Other sources said …, Press TV reported" is the sources' claim), link disputes."""
    first_person = vocab.load("common_words").first_person_pronouns
    kept: list[tuple[int, Attribution]] = []
    for k, a in enumerate(out):
        outer, denier = _outer_claims(a, out)
        # a denial inside a denial is the same side's ("denied allegations that …, dismissing the accounts as
        # propaganda", a headline "X denies accusations" run into "X has denied using …"), not a charge it disputes
        denies = a.disputes or a.stance == "denied"
        if denier is not None and not outer and not denies:
            kept.append((k, replace(a, stance="disputed", disputed_by=out.index(denier))))
            continue  # the charge stays the accuser's, disputed by the denial
        if not outer or _account_aside(a):
            kept.append((k, a))
            continue
        disputer = next((b for b in outer if b.disputes), None)
        if disputer is not None and not denies:
            kept.append((k, replace(a, nested=True, stance="disputed", disputed_by=out.index(disputer))))
        elif disputer is not None or a.speaker is not None or a.named_denial or (
                a.speaker_text and a.speaker_text.lower() not in first_person
                and any(b.speaker and names_outlet(index, b.speaker, b.speaker_text or "") for b in outer)):
            kept.append((k, replace(a, nested=True)))
    # positions change when nested claims are dropped: re-point disputed_by
    position = {k: n for n, (k, _) in enumerate(kept)}
    return [replace(a, disputed_by=position.get(a.disputed_by)) if a.disputed_by is not None else a
            for _, a in kept]
