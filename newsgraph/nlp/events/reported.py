"""The date of a source's verb for the state it reports, when the text gives the state no date of its own.

"The SDF have seized 3 kilometers of territory near Manbij the Pentagon said on June 9", "The U.N. Security
Council said on Wednesday that it is seeking clarity": what a source reports in the present perfect or the
present progressive holds at the time of the saying, so an undated event told so takes the saying's date. A
report in the simple past ("An IS car bomb killed 20 people [...] SANA reported on Friday") takes it too when
the saying's date is the sentence's only one and the saying closes the sentence: in "said on Tuesday that
warplanes attacked the convoy" the saying is the news. Run after every other rule of the text had its say
("have been killed [...] a monitor said Friday. The children [...] were killed Thursday": the lead's news is
Thursday's): the report's date is the event's when the text gives nothing else. A report with a date of its
own keeps it (``dating.attach_dates`` gave it already).
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

from newsgraph.model import DateMention
from newsgraph.nlp.events.arguments import Draft
from newsgraph.vocab.events import EventTriggers

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

# counted as this many steps away: any date that reaches the event through its own clause is nearer
_SAYING = 40
_PROGRESSIVE_AUX = frozenset({"is", "are", "am", "'re"})
_REPORTED_DEPS = frozenset({"ccomp", "conj", "parataxis"})


def date_reported_states(doc: Doc, anchors: dict[int, Draft | None], dates: list[DateMention],
                         lex: EventTriggers) -> None:
    """Give each undated state a dated source's verb reports that verb's date, and each undated event it
    reports in the simple past when that date is the sentence's only one."""
    spans = [(m, doc.char_span(m.start, m.end, alignment_mode="expand")) for m in dates]
    per_sentence = Counter(span.sent.start for _, span in spans if span is not None and len(span))
    for mention, span in spans:
        if span is None or not len(span):
            continue
        verb = _saying(span.root, lex)
        if verb is None:
            continue
        for draft in _reported(verb, anchors, lex, past=per_sentence[span.sent.start] == 1):
            draft.date, draft.date_distance = mention, _SAYING


def _saying(tok: Token, lex: EventTriggers) -> Token | None:
    """The source's verb a date hangs on ('said on June 9', 'said Wednesday'), or None."""
    head = tok.head
    if head.dep_ == "prep" and head.lower_ == "on" and head.head.i != head.i:
        head = head.head
    if head.i == tok.i or head.pos_ not in ("VERB", "AUX") or head.lemma_.lower() not in lex.source_verbs:
        return None
    return head


def _reported(verb: Token, anchors: dict[int, Draft | None], lex: EventTriggers, past: bool) -> list[Draft]:
    """The undated events in the present perfect or progressive the verb reports: its clausal complement, or,
    with the commas stripped, the clause the parser hung the closing 'the Pentagon said' on, or the sentence's
    main verb before a closing saying."""
    told = [c for c in verb.children if c.dep_ == "ccomp"]
    if verb.dep_ in _REPORTED_DEPS and verb.head.i < verb.i:
        told.append(verb.head)
    root = verb.sent.root
    if root.i < verb.i and root not in told and _closing(verb, root, lex):
        told.append(root)  # "a car bomb killed 20 people at a site [...] SANA reported on Friday": hung on "site"
    told += [c for t in told for c in t.children if c.dep_ == "conj" and c.pos_ == "VERB" and c is not verb]
    found = []
    for tok in told:
        draft = anchors.get(tok.i)
        if draft is None or draft.anchor.i != tok.i or draft.date is not None:
            continue
        # the simple past only before a closing saying ("a car bomb killed 20 [...] SANA reported on Friday"):
        # "said on Tuesday that warplanes attacked the convoy" is Tuesday's news of an attack of any day before
        if _state(tok, lex) or (past and tok.i < verb.i and _simple_past(tok)):
            found.append(draft)
    return found


def _closing(verb: Token, root: Token, lex: EventTriggers) -> bool:
    """A saying that closes a sentence whose main verb tells the news; not one inside a relative clause ("the
    spokesman said the sites will include Khan al-Assal where the government reported an attack on March 19")."""
    said = lex.source_verbs | lex.commitment_cues
    return (root.i != verb.i and root.lemma_.lower() not in said
            and not any(c.tag_ in ("WRB", "WDT", "WP") for c in verb.children))


def _state(verb: Token, lex: EventTriggers) -> bool:
    """'have seized', 'is seeking': not 'had seized', 'seized', nor a toll over a period ('since April')."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if verb.tag_ == "VBN" and aux & lex.perfect_aux:
        return not any(c.dep_ == "prep" and c.lower_ in lex.period_preps for c in verb.children)
    return verb.tag_ == "VBG" and bool(aux & _PROGRESSIVE_AUX)


def _simple_past(verb: Token) -> bool:
    """'a car bomb killed 20 people', 'were killed': not 'had killed'."""
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if verb.tag_ == "VBD":
        return not aux
    return verb.tag_ == "VBN" and len(aux) == 1 and aux[0].dep_ == "auxpass" and aux[0].tag_ == "VBD"
