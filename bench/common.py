"""What the bench scripts share: where ``../shared`` is, and the reader of the TempEval-3 TimeML files.

The scripts run as ``python bench/NAME.py``, so this folder is on the path and they import it as ``common``.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT / ".." / "shared").resolve()
FAKES = SHARED / "benchmarks" / "news" / "FA-KES-Dataset.csv"
TEMPEVAL = SHARED / "benchmarks" / "dates"

_TOKEN = re.compile(r"<[^>]+>|[^<]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True)
class Tagged:
    """One element of a TimeML TEXT (``EVENT``, ``TIMEX3``): its span in the plain text and its attributes."""

    tag: str
    start: int
    end: int
    attrs: dict[str, str]


@dataclass(frozen=True)
class TimeML:
    """A TimeML file read: its creation time, the TEXT as plain text, the elements in it, and the raw file
    (the links and instances after the TEXT are read from it with ``elements``)."""

    name: str
    dct: dt.date
    text: str
    tagged: tuple[Tagged, ...]
    raw: str


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one tag: ``<TIMEX3 tid="t1" type="DATE">`` -> {"tid": "t1", "type": "DATE"}."""
    return dict(_ATTR.findall(tag))


def elements(raw: str, name: str) -> list[dict[str, str]]:
    """The attributes of every ``<name ...>`` tag of a file, in order (``TLINK``, ``MAKEINSTANCE``, ``TIMEX3``)."""
    return [attributes(t) for t in re.findall(rf"<{name}\b[^>]*>", raw)]


def read_timeml(path: Path) -> TimeML:
    """The TEXT of ``path`` without its tags (entities unescaped), each element with its span in that text,
    and the creation time (the CREATION_TIME timex, else the first date of the DCT element)."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'functionInDocument="CREATION_TIME"[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    if dct is None:
        dct = re.search(r'<DCT>.*?value="(\d{4}-\d{2}-\d{2})', raw, re.S)
    assert dct is not None, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    parts: list[str] = []
    length = 0
    opened: list[tuple[str, int, dict[str, str]]] = []
    tagged: list[Tagged] = []
    for token in _TOKEN.findall(body):
        if token.startswith("</"):
            if opened:
                tag, start, attrs = opened.pop()
                tagged.append(Tagged(tag, start, length, attrs))
        elif token.startswith("<"):
            if not token.endswith("/>"):  # an empty element spans nothing and closes nothing
                opened.append((token[1:].split()[0].rstrip(">"), length, attributes(token)))
        else:
            piece = html.unescape(token)
            parts.append(piece)
            length += len(piece)
    return TimeML(path.stem, dt.date.fromisoformat(dct.group(1)), "".join(parts), tuple(tagged), raw)
