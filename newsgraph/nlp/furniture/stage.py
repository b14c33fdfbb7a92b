"""``find_furniture``: every stretch of page furniture in a text, marked (never deleted) with its kind.

The forms are read in an order where later ones may use earlier ones: the standards line
bounds a byline, the credits bound their captions, and the sign-off is what is left after the
last sentence once the footer is marked. Overlaps are resolved so that no offset belongs to
two regions: the region that starts first keeps its extent (a region inside another of the
same or a blocking kind is dropped), a later one is cut to start where the earlier ends.
"""

from __future__ import annotations

from newsgraph.model import Furniture
from newsgraph.nlp.dateline import Dateline
from newsgraph.nlp.furniture.credits import bylines, credits_and_captions, standards
from newsgraph.nlp.furniture.headings import line_furniture
from newsgraph.nlp.furniture.openings import opening_byline
from newsgraph.nlp.furniture.page import page_widgets
from newsgraph.nlp.furniture.patterns import region
from newsgraph.nlp.furniture.tails import footer_and_tags, signoff

# kinds a dateline may hold: "Published July 5 2016", "Wed 05 Apr 2017 ... (AFP)" keeps its outlet
_DATELINE_KINDS = frozenset({"timestamp", "share", "url"})


def find_furniture(text: str, dateline: Dateline | None = None) -> tuple[Furniture, ...]:
    """The page furniture in ``text``, in text order, without overlaps; ``dateline``: ``read_dateline(text)``."""
    found = standards(text)
    found += bylines(text, found)
    found += opening_byline(text)
    found += credits_and_captions(text)
    found += page_widgets(text)
    found += footer_and_tags(text)
    found += line_furniture(text, dateline)
    found = [f for f in found if f.kind in _DATELINE_KINDS or not _inside(f, dateline)]
    resolved = _without_overlaps(text, found)
    last = signoff(text, resolved)
    if last is not None:
        resolved = _without_overlaps(text, [*resolved, last])
    return tuple(resolved)


def _inside(found: Furniture, dateline: Dateline | None) -> bool:
    return dateline is not None and found.start >= dateline.start and found.end <= dateline.end


def _without_overlaps(text: str, found: list[Furniture]) -> list[Furniture]:
    ordered = sorted(found, key=lambda f: (f.start, -f.end))
    kept: list[Furniture] = []
    for f in ordered:
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
            continue
        previous = kept[-1]
        if f.end <= previous.end:
            continue  # inside the one before: "(File photo)" inside a caption in brackets
        if f.kind == previous.kind:
            kept[-1] = Furniture(previous.start, f.end, f.kind, text[previous.start:f.end])
        elif (cut := region(text, previous.end, f.end, f.kind)) is not None:
            kept.append(cut)
    return kept
