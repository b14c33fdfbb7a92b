"""Which event a date mention dates.

A date dates the trigger its chain of syntactic heads reaches without leaving the trigger's
clause.  Repairs for what the small parser gets wrong, each still inside one clause:

- a date hung on a word that names no event goes to the event that word governs:
  "retaliation for an assault on a base on Friday" (the assault), "In June, a boarding at
  the shoal left a sailor injured" (the boarding, subject of "left");
- a participial clause without its own subject shares the main clause's time:
  "Speaking to lawmakers on Saturday, the minister vowed ..." dates the vow;
- in a gapped coordination ("signed one with A in 2022 and a second with B in 2023") a
  date after the second conjunct dates the second event;
- a date between an event noun and the passive verb reacting to it dates the noun's event:
  "Turkey's lifting of the ban on July 1, 2022 was welcomed in Baghdad";
- a coordinated verb that names no event and has no subject of its own continues the event
  before it: "encircled the town and entered its districts on June 23" dates the encircling;
- an event noun and the participle or relative clause that tells the same event share one
  date ("an agreement with the US, signed in 1998"; "the July 2023 coup that ousted Bazoum"), and
  a past relative clause whose verb names no event dates its event noun ("a ceasefire that Turkey
  and Russia brokered in December", "an offensive that began on June 3");
- an event noun and the verb it is the subject of, or the event whose "in" / "during" phrase it
  is, tell one event when their types agree, and share one date: "A suspected gas attack [...]
  killed 58 people [...] on Tuesday", "21 people were killed on Sunday in a rebel mortar attack
  on Aleppo"; so do a verb and the participle with no subject that tells its result ("raids hit
  Raqqa killing 30 people and injuring dozens on Thursday").

Nothing is guessed from elsewhere in the sentence here; discourse.py adds the dates a "when"
clause or an event told again gives.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from newsgraph.model import DateMention
from newsgraph.nlp.events.arguments import Draft
from newsgraph.nlp.events.governing import governed_event
from newsgraph.nlp.events.grammar import CLAUSE_DEPS, SUBJECT_DEPS
from newsgraph.nlp.events.telling import share_one_telling
from newsgraph.vocab import load

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

def attach_dates(doc: Doc, anchors: dict[int, Draft | None], twins: dict[int, list[Draft]],
                 dates: list[DateMention], reporting: frozenset[str] = frozenset()) -> None:
    """Give each event the nearest date that reaches it (``anchors``: token index -> its event,
    None for triggers that are negated or hypothetical and so take no date; ``reporting``: lemmas of
    reporting verbs, whose dates are when something was said)."""
    for mention in dates:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        found = _reached(span, anchors, reporting)
        if found is None:
            continue
        index, steps = found
        draft = _twin_after(anchors[index], twins.get(index, []), span)
        if draft is anchors[index]:
            draft = _delegate(doc, index, anchors)
        draft = _subject_event(doc[index], span, anchors) or draft
        if draft is not None and _wins(mention, steps, draft):
            draft.date, draft.date_distance = mention, steps
    _pass_to_clause(doc, anchors)
    _share_along_coordination(doc, anchors)
    share_one_telling(doc, anchors)


def _wins(mention: DateMention, steps: int, draft: Draft) -> bool:
    """Whether ``mention`` dates ``draft`` rather than the date it holds: the nearer one, but a date that names a
    time beats a ``*_REF`` one however near ("launched the operation in November 2016 and are now in its fourth
    stage": "now", which no contract date can give, reaches the launch too, through the conjunct)."""
    if draft.date is not None and _vague(draft.date) != _vague(mention):
        return _vague(draft.date)
    return steps < draft.date_distance


def _vague(mention: DateMention) -> bool:
    return (mention.value or "").endswith("_REF")


def _share_along_coordination(doc: Doc, anchors: dict[int, Draft | None]) -> None:
    """'air strikes killed 18 people and wounded 40 on Tuesday', 'On Monday jets bombed the town and killed
    20': verbs of one tense joined with no subject or auxiliary of their own tell one run of events, and a
    date after the last of them or before the first dates every one that has none."""
    for index, draft in anchors.items():
        head = doc[index]
        if draft is None or draft.anchor.i != index or head.pos_ != "VERB" or head.dep_ == "conj":
            continue
        run = [draft, *_joined_run(head, head, anchors)]
        if len(run) < 2:
            continue
        last = run[-1]
        if last.date is not None and last.date.start > last.anchor.idx:
            shared: Draft | None = last
        elif draft.date is not None and draft.date.end <= head.idx:
            shared = draft
        else:
            continue
        for other in run:
            if other.date is None and shared is not None and shared.date is not None:
                other.date, other.date_distance = shared.date, shared.date_distance + 1


def _joined_run(tok: Token, head: Token, anchors: dict[int, Draft | None]) -> list[Draft]:
    """The events of the verbs joined to ``tok`` in order, also a conjunct's conjuncts ("launched an offensive
    in May and encircled the town and entered its districts on June 23")."""
    run: list[Draft] = []
    for child in tok.children:
        if child.dep_ == "conj" and child.pos_ == "VERB" and child.tag_ == head.tag_ and _shares_subject(child):
            found = _joined_event(child, head, anchors)
            run += ([found] if found is not None else []) + _joined_run(child, head, anchors)
    return run


def _joined_event(tok: Token, head: Token, anchors: dict[int, Draft | None]) -> Draft | None:
    """The event of ``tok`` when it is a verb conjunct of ``head``'s tense with no subject of its own."""
    if tok.dep_ != "conj" or tok.pos_ != "VERB" or tok.tag_ != head.tag_ or not _shares_subject(tok):
        return None
    found = anchors.get(tok.i)
    return found if found is not None and found.anchor.i == tok.i else None


def _subject_event(verb: Token, span: Span, anchors: dict[int, Draft | None]) -> Draft | None:
    """"Turkey's lifting of the ban on July 1, 2022 was welcomed in Baghdad": a date between an event
    noun and the passive verb that reacts to it (the parser hangs it on the verb) dates the noun's event."""
    subject = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    if subject is None or not subject.i < span.start < verb.i:
        return None
    found = anchors.get(subject.i)
    return found if found is not None and found is not anchors.get(verb.i) else None


def _pass_to_clause(doc: Doc, anchors: dict[int, Draft | None]) -> None:
    """'the July 2023 coup that ousted President Bazoum', 'an April 4 attack that killed dozens': an event noun
    with a date but no participants shares it with the same event its own relative clause tells, when that
    event is kept (participants or a named actor). A clause whose subject is the noun itself tells what that
    event did, then, whatever its type ('a 2010 commando raid that killed nine activists'); a clause of
    another type with another subject may tell a later event ('the March deal that Russia violated')."""
    for index, draft in anchors.items():
        if draft is None or draft.date is None or draft.anchor.i != index or _has_participants(draft):
            continue
        for child in doc[index].children:
            other = anchors.get(child.i) if child.dep_ in ("relcl", "acl") else None
            if other is None or other.date is not None or not (_has_participants(other) or other.named_actor):
                continue
            if other.type == draft.type or _noun_is_subject(child):
                other.date, other.date_distance = draft.date, draft.date_distance + 1


def _noun_is_subject(clause: Token) -> bool:
    """'a raid that killed nine': the relative pronoun is the clause's subject, so the noun does what it tells."""
    return clause.dep_ == "relcl" and any(c.dep_ == "nsubj" and c.tag_ in ("WDT", "WP") for c in clause.children)


# an event noun in these phrases of an event of its type tells that event: "killed in an air strike"
def _has_participants(draft: Draft) -> bool:
    return bool(draft.actors or draft.targets or draft.location)


def _reached(span: Span, anchors: dict[int, Draft | None], reporting: frozenset[str]) -> tuple[int, int] | None:
    """(token index of the trigger the date reaches, steps taken), or None."""
    tok, steps = span.root, 0
    while True:
        inside = span.start <= tok.i < span.end
        # "air strikes killed 42 people the Observatory said on Monday": a source's verb dates the saying
        # (the parser, with the commas stripped, makes the strikes its subject or it a conjunct of "killed")
        reports = not inside and tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in reporting
        if reports and (told := _told_before_date(tok, span, anchors)) is not None:
            return told, steps + 1
        if reports and (reported := _reported_object(tok, span, anchors)) is not None:
            return reported, steps + 1
        if not inside and (launch := _launched_for(tok, anchors)) is not None:
            return launch, steps + 1
        if not inside and (main := _past_standing_participle(tok, span) or _issued_in(tok)) is not None:
            tok, steps = main, steps + 1
            continue
        if tok.i in anchors and not inside:
            return tok.i, steps
        if steps and not inside and not reports:
            governed = governed_event(tok, span, anchors)
            if governed is not None:
                return governed, steps + 1
        if tok.head.i == tok.i or (tok.dep_ == "conj" and tok.pos_ in ("VERB", "AUX")
                                   and (reports or not _shares_subject(tok))):
            return None
        if tok.dep_ in CLAUSE_DEPS and not _shares_main_time(tok):
            if _tells_of_its_noun(tok, anchors, reporting):
                return tok.head.i, steps + 1 + _hosted_penalty(tok.head, anchors)
            onset = _onset_of(tok, anchors)
            return (onset, steps + 3) if onset is not None else None
        tok, steps = tok.head, steps + 1


def _past_standing_participle(tok: Token, span: Span) -> Token | None:
    """"Army units backed by the air force on Sunday continued to advance": a date that closes the phrase of a
    participle of a standing relation on the subject, right before the main verb (the parser hangs it on the
    participle), is the main verb's: the verb, or None when ``tok`` is no such participle."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in load("events_triggers").standing_participles:
        return None
    noun = tok.head
    if noun.dep_ not in ("nsubj", "nsubjpass") or tok.i < noun.i or noun.right_edge.i != span.end - 1:
        return None
    return noun.head if noun.head.i == span.end and noun.head.pos_ in ("VERB", "AUX") else None


def _issued_in(tok: Token) -> Token | None:
    """"In a press release issued on Tuesday the Coalition said ...", "condemned the attack in a statement
    released Saturday": the issuing of the text the verb speaks through is that verb's act, and its date the
    verb's (the participle's clause would stop the climb); the verb, or None when ``tok`` is no such participle."""
    if tok.dep_ != "acl" or tok.tag_ != "VBN" or tok.lemma_.lower() not in load("events_triggers").issuing_verbs:
        return None
    prep = tok.head.head
    if tok.head.dep_ != "pobj" or prep.lower_ not in ("in", "through", "via") or prep.head.pos_ != "VERB":
        return None
    return prep.head


def _launched_for(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """"launched an offensive to retake Manbij on May 31", "launched the operation to seize Raqqa in November
    2016": the parser hangs the date on the infinitive of the aim, which names no event of its own (the retaking
    had not happened); the date is the launch's, the event of the launching verb or of the noun it launches."""
    if verb.tag_ != "VB" or verb.dep_ not in ("advcl", "acl") or anchors.get(verb.i) is not None:
        return None
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return None
    noun = verb.head if verb.dep_ == "acl" else None
    launcher = noun.head if noun is not None and noun.dep_ == "dobj" else verb.head if noun is None else None
    launching = load("events_triggers").launch_verbs
    if launcher is None or launcher.pos_ != "VERB" or launcher.lemma_.lower() not in launching:
        return None
    launched = [noun] if noun is not None else [c for c in launcher.children if c.dep_ == "dobj"]
    found = [t.i for t in [*launched, launcher] if anchors.get(t.i) is not None]
    return found[0] if found else None


def _told_before_date(verb: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """"The air force killed 10 people east of Damascus Saturday the Observatory said": a date between what
    a source says and the source (commas stripped, the parser hangs it on the saying) dates what is said; a date
    after the verb ("..., the Observatory said on Saturday") or before it all ("On Saturday the Observatory said
    ...") is the saying's."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is None or not span.end <= subject.left_edge.i < verb.i:
        return None
    for content in (c for c in verb.children if c.dep_ == "ccomp" and c.i < span.start):
        gap = verb.doc[content.right_edge.i + 1:span.start]
        if all(t.is_punct for t in gap) and anchors.get(content.i) is not None:
            return content.i
    return None


def _reported_object(verb: Token, span: Span, anchors: dict[int, Draft | None]) -> int | None:
    """"The government reported an attack on a checkpoint on March 19": a date after the event a source's verb
    reports as its object (the parser hangs it on the verb) dates that event, not the report."""
    for obj in (c for c in verb.children if c.dep_ == "dobj" and c.i < span.start):
        if anchors.get(obj.i) is not None:
            return obj.i
    return None


def _tells_of_its_noun(verb: Token, anchors: dict[int, Draft | None], reporting: frozenset[str]) -> bool:
    """'a ceasefire that Turkey and Russia brokered in December', 'an offensive which began last weekend':
    a relative clause in the past whose verb names no event of its own tells when its event noun happened."""
    return (verb.dep_ in ("relcl", "acl") and verb.i not in anchors and verb.tag_ in ("VBD", "VBN")
            and verb.lemma_.lower() not in reporting and anchors.get(verb.head.i) is not None)


def _onset_of(verb: Token, anchors: dict[int, Draft | None]) -> int | None:
    """'a wider offensive by Al-Qaeda against Kurdish areas that began on Friday': a past relative clause of
    beginning that the parser hangs on a noun naming no event, inside an event noun's phrase, dates that event
    (only events begin); so does a participle of scheduling ("... at Mount Abdul Aziz scheduled for Friday")."""
    noun, lex = verb.head, load("events_triggers")
    onset = verb.dep_ == "relcl" and verb.tag_ == "VBD" and verb.lemma_.lower() in lex.onset_verbs
    # "a mass killing of infidels at Mount Abdul Aziz scheduled for Friday": the time set for it
    scheduled = verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.lemma_.lower() in lex.schedule_verbs
    if not (onset or scheduled) or verb.i in anchors or noun.i in anchors:
        return None
    for _ in range(2):  # noun -> its preposition -> the noun that preposition hangs on
        if noun.dep_ != "pobj" or noun.head.dep_ != "prep":
            return None
        noun = noun.head.head
        if noun.pos_ != "NOUN":  # "protested against infighting between the groups that began Friday"
            return None
        if anchors.get(noun.i) is not None:
            return noun.i
    return None


# more steps than any date of the verb's own clause takes to reach it
_HOSTED = 20


def _hosted_penalty(noun: Token, anchors: dict[int, Draft | None]) -> int:
    """"forces on Sunday engaged in an offensive that began last Tuesday": when the event noun is told by a
    light verb, its relative clause tells when the noun's event began, and dates the verb's event only when
    no date of the verb's own clause does."""
    draft = anchors.get(noun.i)
    return _HOSTED if draft is not None and draft.anchor.i != noun.i else 0


def _shares_subject(verb: Token) -> bool:
    """'encircled the town and entered its districts on June 23': a conjunct that names no event and has
    no subject or auxiliary of its own continues the event before it, which takes its date (when it has
    none nearer)."""
    return verb.head.pos_ in ("VERB", "AUX") and not any(
        c.dep_ in SUBJECT_DEPS or c.dep_ in ("aux", "auxpass") for c in verb.children)


def _shares_main_time(tok: Token) -> bool:
    """'Speaking on Saturday, he vowed': a participial clause with no subject or conjunction of
    its own ("after", "before", "while") happens when its main clause does."""
    return (tok.dep_ == "advcl" and tok.tag_ in ("VBG", "VBN")
            and not any(c.dep_ in SUBJECT_DEPS or c.dep_ in ("mark", "aux", "auxpass") for c in tok.children)
            and not (tok.i > 0 and tok.doc[tok.i - 1].pos_ in ("ADP", "SCONJ")))


def _twin_after(draft: Draft | None, twins: list[Draft], span: Span) -> Draft | None:
    """The gapped conjunct a date follows ('... and a second with Britain in January 2023')."""
    before = [t for t in twins if t.anchor.i < span.start]
    return max(before, key=lambda t: t.anchor.i) if before else draft


def _delegate(doc: Doc, index: int, anchors: dict[int, Draft | None]) -> Draft | None:
    """A participle that adds nothing to the event noun it modifies dates that noun's event:
    'an agreement with the United States, signed in 1998'."""
    draft = anchors[index]
    tok = doc[index]
    if draft is None or _has_participants(draft) or tok.dep_ != "acl":
        return draft
    head = anchors.get(tok.head.i)
    return head if head is not None and head.type == draft.type else draft
