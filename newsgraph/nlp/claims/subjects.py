"""Whose frame it is: the subject a reporting verb has, shares with the verb it hangs from, or that the
parser split from its name.

Scraped reporting loses the commas that set a descriptor or a heading off from the speaker, and the parser
then gives the verb two subjects ("Medical charity the Syrian American Medical Society said", "Regime denial
Meanwhile Syrian authorities denied"), or hangs a participle of the frame on its hearer ("… added to
Al-Arabiya news channel condemning the bombardment"). ``verb_subject`` reads the speaker back.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsgraph import vocab
from newsgraph.nlp.claims.runons import speaker_word
from newsgraph.vocab.claims import ReportingVerbs

__all__ = ["quoting_verb", "subject_host", "verb_subject"]

RUN_IN_DETERMINERS = ("the", "a", "an")  # "… suicide blast The Islamic State group claimed": a lost stop
FINITE = ("VBD", "VBZ", "VBP", "MD")


def verb_subject(cue: Token) -> tuple[Token | None, bool]:
    """The verb's own subject, or the one it shares ("…, noting that", "and added that"); and whether shared."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if subjects:  # a hyphenated title may be split into several ("Vice - president … said"): its last word
        subject = subjects[0]
        for nxt in subjects[1:]:
            if nxt.i == subject.i + 1 and "-" in (nxt.text, subject.text):
                subject = nxt
            elif subject.i < nxt.i < cue.i and any(t.is_quote for t in cue.doc[subject.i:nxt.left_edge.i]):
                subject = nxt  # '"… caused deaths" state television reported': the subject after the quote
            elif subject.pos_ == "PRON" and nxt.pos_ == "PROPN" and nxt.left_edge.i == subject.i + 1:
                subject = nxt  # "he Pentagon said": a "The" that lost its capital, not a pronoun and a name
            elif _named_apposition(subject, nxt, cue) or _heading_before(subject, nxt, cue):
                # "the opposition Syrian National Coalition called": the name, not its descriptor; "Regime
                # denial Meanwhile Syrian authorities denied": a heading run into the sentence is no speaker
                subject = nxt
        return _after_run_in_headline(subject, cue), False
    quoting = quoting_verb(cue)
    if quoting is not None:  # "TASS quoted Peskov as saying …": Peskov says it (TASS relays it)
        quoted = next((c for c in quoting.children if c.dep_ == "dobj"), None)
        if quoted is not None:
            return quoted, False
    verbs: ReportingVerbs = vocab.load("reporting_verbs")
    relay_verb = _relay_object_verb(cue, verbs)
    if relay_verb is not None:  # "… added to Al-Arabiya news channel condemning the bombardment": the adder's
        head_subject, _ = verb_subject(relay_verb)
        return head_subject, head_subject is not None
    speaker = _object_participle_speaker(cue, verbs)
    if speaker is not None:  # "denied any responsibility saying …": the denier says it, not "responsibility"
        return speaker, False
    if cue.dep_ == "acl" and (cue.head.pos_ in ("NOUN", "PROPN") or cue.head.lemma_.lower() in verbs.claim_nouns):
        return cue.head, False
    host = subject_host(cue)
    # not through a participle modifying a noun: in "deaths caused by missiles and called on the EU to …"
    # the subject of "called" is not "deaths" (a misparse of a second verb of the sentence's subject)
    if cue.dep_ in ("conj", "advcl", "xcomp", "pcomp") and host.pos_ in ("VERB", "AUX") and host.dep_ != "acl":
        head_subject, _ = verb_subject(host)
        if head_subject is not None:
            return head_subject, True
    return None, False


def _object_participle_speaker(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """"… denied any responsibility saying …", "… could not confirm how many were civilians saying …": a
    participle of saying right after an object or predicate noun that is no speaker and no document (the
    comma before it lost) belongs to the reporting verb above it: that verb's subject ("a statement
    saying", "officials saying" keep theirs; with no reporting verb above, the parse is left alone). So does
    a participle of adding after a preposition's object ("… said after the council met behind closed doors
    adding that …") and one after the statement a frame names ("said X in a statement expressing concern")."""
    noun = cue.head
    lemma = noun.lemma_.lower()
    if cue.dep_ != "acl" or cue.tag_ != "VBG" or not _ends_before(noun, cue):
        return None
    document = lemma in verbs.claim_nouns or lemma in vocab.load("claims_sources").document_nouns
    statement = document and noun.dep_ == "pobj" and noun.head.lower_ in verbs.statement_prepositions
    if speaker_word(noun) and not statement:
        return None
    if noun.dep_ == "pobj":
        if not (statement or (not document and cue.lemma_.lower() in verbs.gapless_verbs)):
            return None
        node = noun.head.head
    elif noun.dep_ in ("dobj", "attr", "oprd") and not document:
        node = noun.head
    else:
        return None
    while node.pos_ in ("VERB", "AUX"):
        if node.lemma_.lower() in verbs.stance:
            return verb_subject(node)[0]
        if node.head.i == node.i or node.dep_ not in ("ccomp", "conj", "xcomp", "advcl"):
            return None
        node = node.head
    return None


def _ends_before(noun: Token, cue: Token) -> bool:
    """The noun's phrase ends right before the participle (nothing of another phrase between them)."""
    before = cue.doc[cue.i - 1]
    return noun.i < cue.i and (before.i == noun.i or noun.is_ancestor(before))


def _after_run_in_headline(subject: Token, cue: Token) -> Token:
    """"More than 30 Syrian rebels killed in IS group suicide blast The Islamic State militants group (IS) on
    Monday claimed …": a headline run into the first sentence without its stop, which the parser reads as
    the subject; the sentence starts at the capitalised determiner in mid-sentence, and its subject speaks."""
    doc = cue.doc
    for det in doc[subject.i + 1:cue.i]:
        if det.dep_ != "det" or not det.is_title or det.lower_ not in RUN_IN_DETERMINERS:
            continue
        before, head = doc[det.i - 1], det.head
        if before.is_punct or before.is_quote or (not before.is_title and before.pos_ != "NOUN"):
            continue  # a sentence or quote opens here, or "… in The Hague": not a lost stop
        if not det.i < head.i < cue.i or head.dep_ in ("pobj", "poss") or not speaker_word(head):
            continue
        if any(t.pos_ in ("VERB", "AUX") and t.tag_ in FINITE for t in doc[head.i + 1:cue.i]):
            continue
        return head
    return subject


def _heading_before(first: Token, second: Token, cue: Token) -> bool:
    """"Regime denial Meanwhile Syrian authorities denied …": a heading run into the sentence, which the parser
    makes a first subject; the speaker is the subject right before the verb, with only an adverb between."""
    doc = cue.doc
    between = doc[first.right_edge.i + 1:second.left_edge.i]
    return (first.pos_ == "NOUN" and not speaker_word(first) and speaker_word(second)
            and first.i < second.i and second.right_edge.i + 1 == cue.i and len(between) > 0
            and all(t.pos_ == "ADV" for t in between))


def _relay_object_verb(cue: Token, verbs: ReportingVerbs) -> Token | None:
    """The reporting verb of "told Reuters condemning …", "added to Al-Arabiya news channel condemning …": a
    participle the parser hung on the hearer or the channel of a reporting verb goes with that verb."""
    if cue.tag_ != "VBG" or cue.dep_ != "acl":
        return None
    noun = cue.head
    to_hearer = noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.lower_ == "to"
    verb = noun.head.head if to_hearer else noun.head  # not "with a monitor saying …": the monitor says it
    hearer = to_hearer or noun.dep_ in ("dobj", "dative")
    # not "responded to peaceful protests demanding reform", "disputes statements by X claiming …": no hearers
    document = noun.lemma_.lower() in verbs.claim_nouns or noun.lemma_.lower() in vocab.load(
        "claims_sources").document_nouns
    if not hearer or verb.lemma_.lower() not in verbs.stance or verb.i > noun.i or not speaker_word(noun) or document:
        return None
    return verb


def _named_apposition(noun: Token, name: Token, cue: Token) -> bool:
    """A descriptor and the name after it, both made subjects of the verb because the comma between them was
    lost ("Medical charity the Syrian American Medical Society said", "the opposition Syrian National
    Coalition called"): nothing but a determiner stands between the descriptor and the name."""
    return (noun.pos_ == "NOUN" and name.pos_ == "PROPN" and noun.i < name.i < cue.i
            and noun.right_edge.i < name.left_edge.i
            and all(t.pos_ == "DET" for t in cue.doc[noun.right_edge.i + 1:name.left_edge.i]))


def subject_host(cue: Token) -> Token:
    """The verb whose subject ``cue`` shares when it has none ("…, noting that", "in addition to saying")."""
    return cue.head.head if cue.dep_ == "pcomp" and cue.head.dep_ == "prep" else cue.head


def quoting_verb(cue: Token) -> Token | None:
    """The "quoted"/"cited" of "X quoted Y as saying …" that hangs ``cue`` ("saying") on its "as"."""
    quoting = vocab.load("reporting_verbs").quoting_verbs
    prep = cue.head
    if cue.dep_ in ("pcomp", "advcl") and prep.lower_ == "as" and prep.head.lemma_.lower() in quoting:
        return prep.head
    if cue.dep_ == "advcl" and prep.lemma_.lower() in quoting and any(
            c.dep_ == "mark" and c.lower_ == "as" for c in cue.children):
        return prep
    return None
