"""Dates an event takes from the text around its clause, when no date of its own reaches it.

Run after ``dating.attach_dates`` (which only follows syntactic heads inside one clause):

- **a date's "when" clause**: "since Dec. 25, 2024, when the tanker cut the cable", "in 2011,
  when protests began": the events of the clause "when" opens happen at that date, however the
  parser hung the clause (the small model often attaches it to the main verb);
- **an event told again**: "A bomb killed six people in Aleppo on Wednesday. The blast hit the
  neighbourhood of Salaheddin": a definite event noun ("the blast", "this attack") with no date
  of its own names the event of its type reported just before, and takes that event's date.  Only
  the nearest earlier event of the same type counts, within a few sentences, and only when it is
  dated; "the previous attack", "another strike" and named events ("the Ghouta attack") are other
  events and take nothing;
- **"two days after"**: "The attack on the hospital came two days after Russian jets hit an aid
  convoy": of the event before "N days/weeks after|before" and the event of the clause or phrase
  after it, an undated one is dated from the other, N days (or weeks) apart;
- **the day's news told on**: "A bomb killed six people in Aleppo on Wednesday. [...] About 45 buses
  left al-Foua for Aleppo.": a sentence with no date of its own, right after a sentence whose event
  happened on the day of publication (within a day or two), that narrates in the simple past
  (a main verb with no auxiliary, not "had left", "previously held") tells the same day's news and
  takes that date; the run stops at the first sentence that does not;
- **the headline**: "Suspected gas attack on Idlib kills at least 58 [...] A suspected gas attack [...]
  killed at least 58 people [...] on Tuesday": the first sentence that tells an event is the headline
  when it tells it the way headlines do (a verb in the present, "kills", a participle with no
  auxiliary, "85 troops killed", or an event noun); an undated event of it tells the lead's event and
  takes the date of the first event of its type the lead (the next sentence that tells events) dates
  on the day of publication;
- **a state told by a dated source**: "The SDF have seized 3 kilometers [...] the Pentagon said on June 9"
  (reported.py): the present perfect or progressive a source reports holds on the day of the saying;
- **the place of a time clause**: "More than 300000 people have been killed in Syria since the
  conflict began in March 2011": a dated event with no participant of its own in a clause of time
  ("since", "when", "after", "before", "until") happened where the event it times did.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from newsgraph.model import DateMention
from newsgraph.nlp.dates.patterns import date_words
from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.events.grammar import SUBJECT_DEPS
from newsgraph.nlp.events.reported import date_reported_states
from newsgraph.nlp.events.telling import share_one_telling
from newsgraph.nlp.token_arrays import tokens_where
from newsgraph.settings import settings
from newsgraph.vocab.events import EventTriggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# a date taken from the discourse counts as this many steps away: any date that reaches the event itself is nearer
_BORROWED = 50


def date_from_discourse(doc: Doc, anchors: dict[int, Draft | None], dates: list[DateMention],
                        lex: EventTriggers, published: dt.date | None = None) -> None:
    """Date the undated events of a date's "when" clause, then the events a definite noun tells again,
    then the day's news told on in the sentences after it (``published``: the publication date)."""
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is not None and len(span):
            for draft in _when_clause(span, anchors):
                if draft.date is None:
                    draft.date, draft.date_distance = mention, _BORROWED
    _date_told_again(doc, anchors, lex)
    _place_of_time_clause(anchors)
    apart_words = tokens_where(doc, "LOWER", ["after", "before"])  # the words ``_date_days_apart`` reads
    for tok in apart_words:
        _date_days_apart(tok, anchors)
    if published is not None and _date_perfect_lead(doc, anchors, dates, lex, published):
        share_one_telling(doc, anchors)  # "Air strikes [...] have killed": the strikes too
    # "[...] the Pentagon said on June 9": only now, when the next sentences told no day of their own
    date_reported_states(doc, anchors, dates, lex)
    if published is not None:
        _date_headline(doc, anchors, published)
        _date_news_day(doc, anchors, dates, lex, published)
        for tok in apart_words:  # "The strikes came a day after ...": the strikes may only now have the news day's date
            _date_days_apart(tok, anchors)


def _when_clause(span: Span, anchors: dict[int, Draft | None]) -> list[Draft]:
    """The events of the clause a "when" right after the date opens ("March 2011, when protests began")."""
    doc = span.doc
    nxt = span.end + (1 if span.end < len(doc) and doc[span.end].text == "," else 0)
    if nxt >= span.sent.end or doc[nxt].lower_ != "when":
        return []
    clause = doc[nxt].head
    found = [anchors[t.i] for t in [clause, *(c for c in clause.children if c.dep_ == "conj")] if anchors.get(t.i)]
    if not found and clause.i != nxt:
        # the parser hung the clause's verb elsewhere: the first event after "when", before a ';' or another date
        for tok in doc[nxt + 1:span.sent.end]:
            if tok.text == ";" or tok.ent_type_ == "DATE":
                break
            if anchors.get(tok.i) is not None and tok.pos_ in ("VERB", "AUX"):
                found.append(anchors[tok.i])
                break
    return [d for d in found if d is not None]


_TIME_MARKS = frozenset({"since", "when", "after", "before", "until"})


def _place_of_time_clause(anchors: dict[int, Draft | None]) -> None:
    for index, draft in anchors.items():
        if (draft is None or draft.anchor.i != index or draft.date is None or draft.location
                or draft.actors or draft.targets or draft.named_actor):
            continue
        verb = draft.anchor
        if verb.dep_ != "advcl" or not any(c.dep_ == "mark" and c.lower_ in _TIME_MARKS for c in verb.children):
            continue
        main = anchors.get(verb.head.i)
        if main is not None and main is not draft and main.location:
            draft.location = main.location


def _date_told_again(doc: Doc, anchors: dict[int, Draft | None], lex: EventTriggers) -> None:
    order = sorted(i for i, d in anchors.items() if d is not None)
    sentence_of = {i: doc[i].sent.start for i in order}
    starts = sorted({s.start for s in doc.sents})
    window = settings().events.anaphor_sentences
    for position, index in enumerate(order):
        noun = doc[index]
        draft = anchors[index]
        if draft is None or not _tells_again(noun, lex):
            continue
        undated = [d for d in (draft, _verb_told_by(noun, draft, anchors)) if d is not None and d.date is None]
        if not undated:
            continue
        earliest = starts[max(0, starts.index(sentence_of[index]) - window)]
        skipped = undated + [d for d in (_sequenced_against(noun, anchors, lex),) if d is not None]
        antecedent = _antecedent(order[:position], anchors, draft, skipped, earliest)
        if antecedent is not None and antecedent.date is not None:
            for told in undated:
                told.date, told.date_distance = antecedent.date, _BORROWED


def _sequenced_against(noun: Token, anchors: dict[int, Draft | None], lex: EventTriggers) -> Draft | None:
    """'Jets struck Rastan two days after the bombing': the event the noun's "after" phrase times, which the noun
    cannot tell again (it happened apart from it)."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ not in lex.sequence_preps:
        return None
    return anchors.get(prep.head.i)


def _tells_again(noun: Token, lex: EventTriggers) -> bool:
    """'The blast', 'this attack': a definite event noun with no name, owner or date of its own."""
    if noun.pos_ != "NOUN" or not any(c.dep_ == "det" and c.lower_ in lex.anaphor_determiners for c in noun.children):
        return False
    if noun.lemma_.lower() in lex.conflict_nouns:
        return False  # "... were shot down in September. [...] delivered before the war began": the whole war
    for child in noun.children:
        if child.dep_ == "poss" or child.ent_type_ == "DATE" or child.lower_ in lex.anaphor_blockers:
            return False  # "Saturday's attack", "the previous attack"
        if child.dep_ in ("compound", "nmod", "amod") and child.pos_ == "PROPN":
            return False  # "the Ghouta attack": a named event
    return True


def _verb_told_by(noun: Token, draft: Draft, anchors: dict[int, Draft | None]) -> Draft | None:
    """'The blast hit the neighbourhood': the verb whose subject the noun is tells the same event."""
    if noun.dep_ not in ("nsubj", "nsubjpass"):
        return None
    verb = anchors.get(noun.head.i)
    return verb if verb is not None and verb is not draft and verb.type == draft.type else None


def _antecedent(earlier: list[int], anchors: dict[int, Draft | None], draft: Draft, told: list[Draft],
                since: int) -> Draft | None:
    """The nearest event of the same type before the noun, not before token ``since``."""
    for index in reversed(earlier):
        if index < since:
            return None
        candidate = anchors[index]
        if candidate is None or any(candidate is t for t in told) or candidate.type != draft.type:
            continue
        if _background(candidate.anchor):
            continue  # "... before the army retook the city in December": told in passing, not reported
        return candidate
    return None


def _background(tok: Token) -> bool:
    """Whether an event is told inside a relative clause or a clause of time ("before", "since", "when")."""
    while tok.head.i != tok.i:
        if tok.dep_ == "relcl" or (tok.dep_ == "advcl" and any(c.dep_ == "mark" for c in tok.children)):
            return True
        tok = tok.head
    return False


def _date_news_day(doc: Doc, anchors: dict[int, Draft | None], dates: list[DateMention], lex: EventTriggers,
                   published: dt.date) -> None:
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in dates]
    with_dates = {span.sent.start for span in spans if span is not None and len(span)}
    carried: DateMention | None = None  # the news-day date the previous sentence told
    for sent in doc.sents:
        drafts = [d for i in range(sent.start, sent.end) if (d := anchors.get(i)) is not None]
        news = [d.date for d in drafts if d.date is not None and _on_news_day(d.date, published)]
        if news:
            carried = news[-1]
            continue
        if carried is None or sent.start in with_dates or _background_sentence(sent, anchors, lex):
            carried = None
            continue
        told = [d for t in sent if (d := anchors.get(t.i)) is not None and d.anchor.i == t.i and d.date is None
                and (_narrated(t, lex) or _subject_of_narration(t, anchors, lex))]
        for draft in told:
            draft.date, draft.date_distance = carried, _BORROWED
        carried = carried if told else None


def _subject_of_narration(noun: Token, anchors: dict[int, Draft | None], lex: EventTriggers) -> bool:
    """'The strikes came a day after ...', 'The announcement came as ...': a definite event noun, subject of a
    main verb in the simple past that names no event of its own, is narrated by that verb."""
    verb = noun.head
    own = anchors.get(noun.i)
    return (noun.dep_ == "nsubj" and verb.i != noun.i and own is not None and anchors.get(verb.i) in (None, own)
            and _tells_again(noun, lex) and _narrated(verb, lex))


def _date_headline(doc: Doc, anchors: dict[int, Draft | None], published: dt.date) -> None:
    sents = [sent for sent in doc.sents if any(anchors.get(i) is not None for i in range(sent.start, sent.end))]
    if not sents:
        return
    told = [d for t in sents[0] if (d := anchors.get(t.i)) is not None and d.anchor.i == t.i and d.date is None
            and _headline_form(t)]
    later = [d for sent in sents[1:2] for t in sent
             if (d := anchors.get(t.i)) is not None and d.anchor.i == t.i and d.date is not None
             and _on_news_day(d.date, published)]
    for draft in told:
        lead = next((d for d in later if d.type == draft.type), None)
        if lead is not None:
            draft.date, draft.date_distance = lead.date, _BORROWED


def _date_perfect_lead(doc: Doc, anchors: dict[int, Draft | None], dates: list[DateMention], lex: EventTriggers,
                       published: dt.date) -> bool:
    """'Air strikes on a market have killed at least 61 people, a monitor said. [...] The strikes hit the market
    on Monday': an undated event of the headline or lead told in the present perfect is the news the next
    sentences go on to date; it takes the date of the first event of its type they date on the news day.
    Returns whether any event was dated."""
    sents = [sent for sent in doc.sents if any(anchors.get(i) is not None for i in range(sent.start, sent.end))]
    spans = [doc.char_span(m.start, m.end, alignment_mode="expand") for m in dates]
    # a date of the sentence's own, not the source's ("a monitor said on Tuesday")
    with_dates = {span.sent.start for span in spans if span is not None and len(span) and not _said_on(span, lex)}
    reach = settings().events.lead_sentences
    dated = False
    for position, sent in enumerate(sents[:2]):  # the headline and the lead, often run together when scraped
        if sent.start in with_dates or _background_sentence(sent, anchors, lex):
            continue  # "have been killed since Tuesday": the sentence dates (or spans) it itself; "earlier said"
        told = [d for t in sent if (d := anchors.get(t.i)) is not None and d.anchor.i == t.i and d.date is None
                and (_present_perfect(t, lex) or _narrated(t, lex) or _narrated_passive(t, lex))]
        later = [d for s in sents[position + 1:position + 1 + reach] if not _background_sentence(s, anchors, lex)
                 for t in s if (d := anchors.get(t.i)) is not None and d.anchor.i == t.i and d.date is not None
                 and _on_news_day(d.date, published)]
        for draft in told:
            lead = next((d for d in later if d.type == draft.type), None)
            if lead is not None:
                draft.date, draft.date_distance = lead.date, _BORROWED
                dated = True
    return dated


def _said_on(span: Span, lex: EventTriggers) -> bool:
    """'a monitor said on Tuesday', 'state TV reported Wednesday': the date of a source's verb."""
    head = span.root.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head
    return head.pos_ in ("VERB", "AUX") and head.lemma_.lower() in lex.source_verbs


def _present_perfect(verb: Token, lex: EventTriggers) -> bool:
    """'have killed', 'has been shelled', not 'had killed', nor a toll over a period ('over the past week')."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN":
        return False
    if not any(c.dep_ == "aux" and c.lower_ in lex.perfect_aux for c in verb.children):
        return False
    return not any(c.dep_ == "prep" and c.lower_ in lex.period_preps for c in verb.children)


def _headline_form(tok: Token) -> bool:
    """'Car bomb kills 10', '85 troops killed in advance', 'Suspected gas attack on Idlib': not narrated."""
    if tok.pos_ == "NOUN":
        return True
    if tok.pos_ != "VERB" or any(c.dep_ in ("aux", "auxpass") for c in tok.children):
        return False
    return tok.tag_ in ("VBZ", "VBP", "VBN")


def _background_sentence(sent: Span, anchors: dict[int, Draft | None], lex: EventTriggers) -> bool:
    """'Rebels previously held the town', 'The previous attack on Azaz killed five': not the day's news ('possible
    strikes' name an event that has not happened, which says nothing of the sentence's time)."""
    return any(t.lower_ in lex.background_adverbs or (
        t.lower_ in lex.anaphor_blockers and t.lower_ not in lex.unreal_modifiers and anchors.get(t.head.i))
        for t in sent)


def _on_news_day(mention: DateMention, published: dt.date) -> bool:
    value = mention.value or ""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    return abs((dt.date.fromisoformat(value) - published).days) <= settings().events.news_day_slack


def _narrated(verb: Token, lex: EventTriggers) -> bool:
    """'About 45 buses left al-Foua', '... left Zabadani, a media unit said': a main verb in the simple past."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBD" or any(c.dep_ in ("aux", "auxpass") for c in verb.children):
        return False
    head = verb.head
    if verb.dep_ == "ROOT" or (verb.dep_ == "conj" and head.dep_ == "ROOT"):
        return True
    return verb.dep_ == "ccomp" and head.dep_ == "ROOT" and head.lemma_.lower() in lex.commitment_cues


def _narrated_passive(verb: Token, lex: EventTriggers) -> bool:
    """'About 30 soldiers were killed when rebels set off a bomb, activists said': a main verb in the simple
    past passive."""
    if verb.pos_ != "VERB" or verb.tag_ != "VBN" or any(c.dep_ == "aux" for c in verb.children):
        return False
    if not any(c.dep_ == "auxpass" and c.tag_ == "VBD" for c in verb.children):
        return False
    head = verb.head
    return verb.dep_ == "ROOT" or (verb.dep_ in ("conj", "ccomp") and head.dep_ == "ROOT"
                                   and (verb.dep_ == "conj" or head.lemma_.lower() in lex.source_verbs))


_DAYS = {"D": 1, "W": 7}


def _date_days_apart(word: Token, anchors: dict[int, Draft | None]) -> None:
    """'X came two days after Y', 'X, a day after Y': date the undated one of X and Y from the other."""
    doc = word.doc
    if word.lower_ not in ("after", "before") or word.i < 2:
        return
    count, unit = date_words().numbers.get(doc[word.i - 2].lower_), date_words().units.get(doc[word.i - 1].lower_)
    if doc[word.i - 2].like_num and doc[word.i - 2].text.isdigit():
        count = int(doc[word.i - 2].text)
    if not count or unit not in _DAYS:
        return
    clause = word.head if word.dep_ == "mark" else next((c for c in word.children if c.dep_ == "pobj"), None)
    if clause is None:
        return
    outer = clause.head if word.dep_ == "mark" else word.head
    if outer.i == word.i - 1 and outer.dep_ == "npadvmod":
        outer = outer.head  # "A day after the bombing, jets struck ...": the parser hangs "after" on "day"
    later, earlier = _event_at(outer, anchors), _event_at(clause, anchors)
    if word.lower_ == "before":
        later, earlier = earlier, later
    if later is None or earlier is None or later is earlier:
        return
    apart = dt.timedelta(days=count * _DAYS[unit])
    phrase = doc[word.i - 2:word.i + 1]
    if later.date is not None and earlier.date is None:
        _shifted(earlier, later.date, -apart, phrase)
    elif earlier.date is not None and later.date is None:
        _shifted(later, earlier.date, apart, phrase)


def _event_at(tok: Token, anchors: dict[int, Draft | None]) -> Draft | None:
    """The event a word names, or the event its subject names ('the attack ... came')."""
    found = anchors.get(tok.i)
    if found is not None:
        return found
    for child in (c for c in tok.children if c.dep_ in SUBJECT_DEPS):
        if anchors.get(child.i) is not None:
            return anchors[child.i]
    return None


def _shifted(draft: Draft, base: DateMention, apart: dt.timedelta, phrase: Span) -> None:
    """Date ``draft`` ``apart`` from the day ``base`` names (nothing when ``base`` names no day)."""
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", base.value or ""):
        return
    day = dt.date.fromisoformat(base.value or "") + apart
    draft.date = DateMention(phrase.start_char, phrase.end_char, phrase.text, day.isoformat())
    draft.date_distance = _BORROWED
