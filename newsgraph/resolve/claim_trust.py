"""How far to trust a claim: its source's reliability grade (A-F), its independent corroboration, its
information-credibility grade (1-6), after the NATO Admiralty system.

A claim's *source* is its speaker when the speaker is a graded outlet, agency, monitor or government, else the
first graded relay of its ``via`` chain, else its document's outlet; an ungraded source is "F" (cannot be
judged).  Its *origin* is who first said it: the speaker (a state outlet or a country speaking is its
government: SANA relaying Damascus is Damascus; a speaker that is no entity, "a source", "it", is one per
outlet), else, when it has no speaker, its document's outlet.

Independent corroboration: the corroborating claims are grouped, two in one group when they have one origin
or their documents carry one story (near-duplicate texts, ``claim_copies``); a group with the claim's own
origin, or in a copy of its own document, does not count.  The count is the number of groups.

Credibility (``credibility``):

====================================================  ======
independent corroboration / contradiction               grade
====================================================  ======
two or more sources, none contradicting                  1 confirmed
one source, none contradicting                           2 probably true
more corroborating sources than contradicting            3 possibly true
corroborated, but as many or more contradicting          4 doubtful
not corroborated, contradicted by a better-graded one    5 improbable
not corroborated, contradicted                           4 doubtful
neither                                                  6 cannot be judged
====================================================  ======

A hedged or merely claimed statement is one grade lower (a higher number, at most 5) when it is graded 1-4.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from newsgraph.resolve.claims import ClaimView
from newsgraph.vocab.sources import Source, Sources, fold

STATE_KINDS = ("state agency", "state media", "government")
WEAK_STANCES = ("hedged", "claimed")


def graded(name: str | None, sources: Sources, overrides: Mapping[str, str]) -> tuple[str, str] | None:
    """(source name, grade) of a name the grades know (an analyst's override first)."""
    if not name:
        return None
    if fold(name) in overrides:
        found = sources.find(name)
        return (found.name if found else name), overrides[fold(name)]
    found = sources.find(name)
    if found is None:
        return None
    return found.name, overrides.get(found.key, found.grade)


def claim_source(view: ClaimView, names: Callable[[str], str | None], sources: Sources,
                 overrides: Mapping[str, str]) -> tuple[str | None, str]:
    """(source name, grade) of a claim: a graded speaker, relay or document outlet; else (None, "F")."""
    f = view.features
    candidates = [f.speaker_text, names(view.speaker) if view.speaker else None,
                  *(names(v) for v in view.via), f.outlet]
    for name in candidates:
        found = graded(name, sources, overrides)
        if found:
            return found
    return None, "F"


def origin(view: ClaimView, names: Callable[[str], str | None], sources: Sources) -> str:
    """Who first said it; a state's outlets and the state itself are one origin."""
    f = view.features
    for name in (f.speaker_text, names(view.speaker) if view.speaker else None):
        found: Source | None = sources.find(name)
        if found and found.kind in STATE_KINDS and found.affiliation:
            return f"gov:{found.affiliation}"
    if view.speaker and view.speaker.startswith("country:"):
        return "gov:" + view.speaker.split(":", 1)[1]
    outlet = sources.find(f.outlet)
    if view.speaker and view.speaker.startswith("text:"):  # "a source", "it": as far as its outlet goes
        return f"{view.speaker}@" + (outlet.key if outlet else fold(f.outlet or f.doc_id))
    if view.speaker:
        return view.speaker
    if outlet and outlet.kind in STATE_KINDS and outlet.affiliation:
        return f"gov:{outlet.affiliation}"
    return "outlet:" + (outlet.key if outlet else fold(f.outlet or f.doc_id))


def independent_groups(claim: ClaimView, others: Iterable[ClaimView], origin_of: Callable[[ClaimView], str],
                       copies: Callable[[str, str], bool]) -> list[list[str]]:
    """The independent sources among ``others`` (claim keys grouped by origin and by copied documents)."""
    own = origin_of(claim)
    groups: list[tuple[set[str], set[str], list[str]]] = []  # origins, doc shas, claim keys
    for other in sorted(others, key=lambda v: v.key):
        mine = origin_of(other)
        sha = other.features.doc_sha
        if mine == own or copies(sha, claim.features.doc_sha):
            continue
        joined = [g for g in groups if mine in g[0] or any(copies(sha, s) for s in g[1])]
        merged: tuple[set[str], set[str], list[str]] = ({mine}, {sha}, [other.key])
        for g in joined:
            groups.remove(g)
            merged = (merged[0] | g[0], merged[1] | g[1], sorted(merged[2] + g[2]))
        groups.append(merged)
    return sorted(g[2] for g in groups)


GRADE_ORDER = "ABCDEF"


@dataclass(frozen=True)
class Trust:
    source: str | None
    source_grade: str
    independent_sources: int
    credibility: int

    @property
    def label(self) -> str:
        """The two grades together, as analysts write them: "B2"."""
        return f"{self.source_grade}{self.credibility}"


def credibility(corroborating: int, contradicting: int, better_contradicts: bool, stance: str) -> int:
    """The information-credibility grade (1-6) of the table above."""
    if corroborating == 0 and contradicting == 0:
        return 6
    if corroborating >= 2 and contradicting == 0:
        grade = 1
    elif corroborating == 1 and contradicting == 0:
        grade = 2
    elif corroborating > contradicting:
        grade = 3
    elif corroborating:
        grade = 4
    else:
        grade = 5 if better_contradicts else 4
    return min(grade + 1, 5) if stance in WEAK_STANCES and grade <= 4 else grade
