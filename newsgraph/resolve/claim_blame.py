"""Who a claim says carried out an attack: the proposition accusations and denials argue about.

In reporting of a two-sided war most claims across documents that agree or disagree do so on one proposition:
which side did it.  "Syria's opposition accused government forces of gassing many hundreds", "the United
States says [the attack] came from Assad's forces" and "Syria had used chemical weapons" blame the government;
"the government denied using chemical weapons" clears it, and "a rebel provocation" blames the other side, which
says the same.  Two claims blaming the same side for the same kind of attack corroborate; two blaming
different sides contradict, however few words they share.

A claim *blames* a side when one of its words is a predicate of responsibility and the nearest word naming a side
(``data/claim_links.json`` "blame") is within ``reach`` words on the predicate's side: after "accused", "blamed",
"from", "by" ("accused government forces"), before "used", "carried", "responsible", "a provocation" ("Syria had
used", "a rebel provocation"); right after a denial word the side is cleared ("denials from the Assad
administration" blame the rebels); a predicate just after a word of what others say ("reported": "countering rebel
allegations that the regime used", "investigated suggestions the attacks came from") blames no one.  A denial (its
cue or stance) clears its speaker's side, so it blames the other; a denial whose speaker names no side, or both,
blames none, unless it denies in what it says ("the army does not possess chemical weapons while the facilities
are on territory controlled by the armed opposition"): then its words blame.  A negation between a side and a
"before" predicate clears the side ("the regime had never used" blames the rebels).  The attack is the claim's topic
concept (``topics``: chemical): a concept rare enough to be one occurrence within the link window; a claim saying it is
about another time ("has previously accused", "in the past") or counting attacks ("at least three times", "three
chlorine gas attacks": a pattern of several) blames none.
"""

from __future__ import annotations

import re

from newsgraph.vocab import load

_WORD = re.compile(r"[A-Za-z][A-Za-z'\-]*")
_TOKEN = re.compile(r"[A-Za-z][A-Za-z'\-]*|\d[\d,]*")
OTHER_SIDE = {"government": "rebels", "rebels": "government"}


def _words(text: str) -> list[str]:
    return [w.casefold().replace("'s", "").replace("'", "") for w in _WORD.findall(text)]


def side_of(text: str | None) -> str | None:
    """The one side a speaker's words name ("the Syrian regime": government), or None (none, or both)."""
    sides = load("claim_links").sides or {}
    found = {sides[w] for w in _words(text or "") if w in sides}
    return found.pop() if len(found) == 1 else None


def tells_of_several(text: str) -> bool:
    """Whether a text counts attacks or times ("at least three times", "three chlorine gas attacks", "136 Times"):
    it tells of a pattern of several attacks, not of one."""
    vocab = load("claim_links")
    tokens = [t.casefold() for t in _TOKEN.findall(text)]
    return any((t[0].isdigit() or t in vocab.several_numbers)
               and vocab.several_nouns & set(tokens[i + 1:i + 1 + vocab.several_reach])
               for i, t in enumerate(tokens))


def sides_named(text: str | None) -> tuple[str, ...]:
    """The sides of the war a text names ("the regime's forces and the rebels": both); a side word right after a
    word of place ("strikes on Syria", "alleged Syria attack site") is the country, not its government."""
    vocab = load("claim_links")
    sides = vocab.sides or {}
    words = _words(text or "")
    return tuple(sorted({sides[w] for i, w in enumerate(words)
                         if w in sides and not (i > 0 and words[i - 1] in vocab.place_before)}))


def blamed_side(said: str) -> str | None:
    """The side ``said`` (a claim's cue and text) blames, by the nearest side word to a predicate."""
    vocab = load("claim_links")
    sides = vocab.sides or {}
    negations = load("denials").negations
    words = _words(said)
    best: tuple[int, int, str] | None = None
    for i, word in enumerate(words):
        if word in vocab.blame_after:
            window = range(i + 1, min(len(words), i + 1 + vocab.blame_reach))
        elif word in vocab.blame_before:
            window = range(i - 1, max(-1, i - 1 - vocab.blame_reach), -1)
        else:
            continue
        if vocab.reported & set(words[max(0, i - vocab.blame_reach - 1):i]):
            continue  # "rebel allegations that the regime used": what others allege, not what the claim says
        denied = i > 0 and words[i - 1] in vocab.denial  # "denials from the Assad administration" clear it
        for j in window:
            if words[j] in sides:
                # "Syria had not used chemical weapons": a negation between the side and its predicate clears it
                negated = j < i and bool(negations & set(words[j + 1:i]))
                side = OTHER_SIDE[sides[words[j]]] if denied != negated else sides[words[j]]
                found = (abs(j - i), i, side)
                best = found if best is None or found < best else best
                break
    return best[2] if best else None


def blame(cue: str, text: str, speaker_text: str | None, denial: bool, concepts: frozenset[str],
          sentence: str = "") -> str:
    """"topic|side" for a claim that blames a side for an attack of a topic, else "".  ``sentence``: its whole
    sentence, whose words may put it in another time ("A joint inquiry has previously accused government forces")."""
    vocab = load("claim_links")
    topics = sorted(t for t in vocab.blame_topics if "~" + t in concepts)
    if not topics or vocab.other_time & set(_words(f"{text} {sentence}")) or tells_of_several(text):
        return ""  # another time, or several attacks: not the one attack its partners tell of
    cleared = side_of(speaker_text) if denial else None
    if cleared:
        side: str | None = OTHER_SIDE[cleared]
    elif denial and (vocab.denial & set(_words(cue)) or not load("denials").negations & set(_words(text))):
        side = None  # "Russia denied any responsibility", a disputed claim: the speaker names no side
    else:  # what it says blames: "the army does not possess chemical weapons while the facilities are on the
        # territory controlled by the armed opposition" (a denial in what it says, said by no side) blames the rebels
        side = blamed_side(f"{cue} {text}")
    return f"{topics[0]}|{side}" if side else ""
