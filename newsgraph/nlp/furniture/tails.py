"""The ends of a scraped page: the footer block, tag lists and the sign-off after the last sentence.

* the footer: from a tail marker ("Related News", "Read Also", "Tags", "Community standards",
  "Subscribe", "Copyright") to the end of the text, when little text follows it
  (``settings.furniture.tail_chars``): link lists, tags and the site's footer;
* a tag list before the body ("... said. Tags Syria Idlib Bashar al-Assad SOHR Syrian rebels
  launched a huge offensive ..."): the tags run to where the body's first sentence starts, read
  from its words (a determiner, "At least", or a capitalised word before a run of lower-case
  words with function words in it);
* the sign-off: a few capitalised words, initials or numbers after the last sentence ("Hazem
  Sabbagh/Manal", "SSH 11", "--Reuters", "Source TRTWorld and agencies", "(Source: Syrian
  Coalition) Twitter").
"""

from __future__ import annotations

import re
from functools import lru_cache

from newsgraph.model import Furniture
from newsgraph.nlp.dates.patterns import date_words
from newsgraph.nlp.furniture.patterns import alternation, is_name_word, region, sentence_ends, words
from newsgraph.settings import settings

_WORD = re.compile(r"\S+")
# words of a sentence that tag lists lack: the body starts where a few of them come together
_FUNCTION = frozenset({"a", "an", "the", "in", "on", "at", "of", "by", "to", "from", "with", "for", "into", "after",
                       "was", "were", "is", "are", "has", "have", "had", "been", "said", "says", "that", "and"})
_BODY_OPENERS = frozenset({"a", "an", "the", "at least", "more than", "dozens", "hundreds", "thousands"})
_MULTIWORD_OR_STRONG = re.compile(r"\s|[A-Z]{3,}")


@lru_cache(maxsize=1)
def _tail_marker() -> re.Pattern[str]:
    return re.compile(rf"(?<![\w-])(?:{alternation(words().tail_markers)})(?![\w-])")


def footer_and_tags(text: str) -> list[Furniture]:
    """The footer block at the end and tag lists before the body."""
    out: list[Furniture] = []
    if not any(marker in text for marker in words().tail_markers):
        return out
    tail_chars = settings().furniture.tail_chars
    footer_start = None
    for m in _tail_marker().finditer(text):
        marker = m.group()
        if len(text) - m.start() <= tail_chars and _opens_block(text, m, m.start() >= len(text) / 2):
            footer_start = m.start()
            out.append(Furniture(m.start(), len(text.rstrip()), _tail_kind(marker), text[m.start():].rstrip()))
            break
        if marker in ("Tags", "Topics", "Keywords") and (
                _after_boundary(text, m.start()) or _after_standfirst(text, m.start())):
            tags = _tag_list(text, m)
            if tags is not None:
                out.append(tags)
    return [f for f in out if footer_start is None or f.start <= footer_start]


def _opens_block(text: str, m: re.Match[str], late: bool) -> bool:
    """A marker of several words or in capitals opens the block anywhere near the end; a single word ("Related",
    "Tags") only in the second half of the text, after a sentence, a number or a bracket, and before a capitalised
    word ("Related Syrian Military ..."): a short story's "Related" list at the top is no footer."""
    if _MULTIWORD_OR_STRONG.search(m.group()):
        return True
    if not late:
        return False
    after = text[m.end():].lstrip()
    nxt = after[:1]
    follows = not after or nxt.isupper() or nxt.isdigit() or m.group() in ("Tags", "Topics", "Keywords")
    return follows and _after_boundary(text, m.start())


def _after_boundary(text: str, start: int) -> bool:
    before = text[:start].rstrip()
    return not before or before[-1] in ".!?\"\u201d)]:|\n" or before[-1].isdigit() or before.endswith("...")


def _after_standfirst(text: str, start: int) -> bool:
    """ "... killing 11 people in residential neighbourhoods of the war-torn city Tags Syria Aleppo UN ...": in the
    text's opening a scraped page runs its standfirst, which has no final stop, into the tag list before the body."""
    before = text[:start].rstrip()
    return start < settings().furniture.opening_chars and before[-1:].islower()


def _tail_kind(marker: str) -> str:
    low = marker.lower()
    if low in ("tags", "topics", "keywords"):
        return "tags"
    if low.startswith(("related", "read", "also", "more", "recommended", "most", "trending", "latest", "category")):
        return "related"
    return "footer"


def _tag_list(text: str, m: re.Match[str]) -> Furniture | None:
    """ "Tags Syria Idlib Bashar al-Assad SOHR al-Qaeda al-Nusra" up to the body's first sentence."""
    found = list(_WORD.finditer(text, m.end()))[:settings().furniture.tag_words + 12]
    body = _body_start(found)
    if body is None or body == 0:
        return None
    end = found[body - 1].end()
    return region(text, m.start(), end, "tags")


def _body_start(found: list[re.Match[str]]) -> int | None:
    """Index in ``found`` of the word the body starts with, after at least one tag."""
    lower = [w.group().lower().strip(".,;:\"") for w in found]
    for i in range(1, min(len(found), settings().furniture.tag_words + 1)):
        word = found[i - 1].group()
        if word.endswith("."):
            return i  # "Tags Nusra Front al-Qaeda Aleppo Syria Assad extremism war. A suicide ..."
        current = found[i].group()
        if not current[:1].isupper() and not current[:1].isdigit():
            continue
        two = " ".join(lower[i:i + 2])
        if lower[i] in _BODY_OPENERS or two in _BODY_OPENERS:
            return i
        if (current.isdigit() or lower[i] in date_words().numbers) and i + 1 < len(found) \
                and found[i + 1].group().islower():
            return i  # "Fifty nine US cruise missiles struck ...", "14 civilians were killed ..."
        run = _lower_run(lower, found, i + 1)
        if len(run) >= 3 and sum(1 for w in run if w in _FUNCTION) >= 2:
            return i
    return None


def _lower_run(lower: list[str], found: list[re.Match[str]], start: int) -> list[str]:
    run = []
    for k in range(start, len(found)):
        word = found[k].group()
        if is_name_word(word) and not word[:1].isdigit():
            break
        run.append(lower[k])
    return run


def signoff(text: str, taken: list[Furniture]) -> Furniture | None:
    """The short unpunctuated tail after the last sentence ("Hazem Sabbagh", "SSH 11", "Source AA")."""
    end = len(text.rstrip())
    for region_ in sorted(taken, key=lambda f: -f.end):
        if region_.end >= end - 1 and region_.start < end:
            end = region_.start  # before the footer block or a sign-off line already found
    ends = sentence_ends(text, 0, end)
    start = ends[-1] if ends else 0
    tail = text[start:end]
    tokens = tail.split()
    if not tokens or len(tokens) > settings().furniture.signoff_words or not ends:
        return None
    lex = words()
    for word in tokens:
        bare = word.strip("()[]-\u2013\u2014/:;,.")
        if bare and not is_name_word(bare) and bare.lower() not in lex.signoff_words \
                and bare.lower() not in lex.source_labels:
            return None
    return region(text, start, end, "source" if _is_source(tokens[0]) else "signoff")


def _is_source(word: str) -> bool:
    return word.strip("(").rstrip(":").lower() in ("source", "sources")
