"""Articles as records (CSV rows, JSON objects): which field holds the text, the title, the date, ...

A field is found by the name given (``Columns(text="article_content")``), else by the first
header (or key) whose name is one of the usual ones, else by one whose last word is (so
``article_title`` is a title and ``pub_date`` a date)::

    text    text content body article full_text story     (last word: text content body)
    title   title headline                                 (last word: title headline)
    date    published date pubdate publication_date        (last word: date published)
    source  source outlet publisher site_name sitename     (last word: source outlet publisher)
    url     url link permalink                             (last word: url link)
    author  author authors byline                          (last word: author authors byline)
    id      id doc_id article_id unit_id guid uuid         (exact names only: source_id is not an id of the article)

Names are compared case-insensitively, with spaces, hyphens and camelCase read as ``_``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from pathlib import Path

from newsgraph.errors import InputError
from newsgraph.ingest.dates import DateReader, DateRule
from newsgraph.model import SourceDocument

FIELDS = ("text", "title", "date", "source", "url", "author", "id")
_NAMES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "text": (("text", "content", "body", "article", "full_text", "fulltext", "story", "article_text"),
             ("text", "content", "body")),
    "title": (("title", "headline", "heading"), ("title", "headline")),
    "date": (("published", "date", "pubdate", "publication_date", "published_at", "date_published",
              "publish_date", "datetime"), ("date", "published")),
    "source": (("source", "outlet", "publisher", "site_name", "sitename", "source_name"),
               ("source", "outlet", "publisher")),
    "url": (("url", "link", "permalink", "href"), ("url", "link")),
    "author": (("author", "authors", "byline", "writer"), ("author", "authors", "byline")),
    "id": (("id", "doc_id", "document_id", "article_id", "unit_id", "_unit_id", "guid", "uuid"), ()),
}
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])")
_SEPARATORS = re.compile(r"[\s\-.]+")
_ESCAPED = re.compile("[\udc80-\udcff]")  # bytes the decoder could not read (surrogateescape)
_SURROGATE = re.compile("[\ud800-\udfff]")
_UNSAFE_ID = re.compile(r"[^A-Za-z0-9._-]+")
HEADER, OBJECT = "the header", "the object"


class NotArticles(InputError):
    """The file has a structure newsgraph knows but holds no articles (a data table, a JSON object).

    In a directory walk such a file is listed as skipped; named on the command line it is an error.
    """

    def __init__(self, origin: str, reason: str, kind: str) -> None:
        super().__init__(origin, reason)
        self.kind = kind  # how the skipped-files report names it: ".json without article text"


@dataclass(frozen=True)
class Columns:
    """The header (CSV) or key (JSON) of each field; None: found by the usual names."""

    text: str | None = None
    title: str | None = None
    date: str | None = None
    source: str | None = None
    url: str | None = None
    author: str | None = None
    id: str | None = None

    def given(self) -> dict[str, str]:
        return {f.name: value for f in fields(self) if (value := getattr(self, f.name))}

    def resolve(self, headers: Sequence[str], origin: str, noun: str = HEADER) -> dict[str, str]:
        """Field -> the header (or key) that holds it; InputError when a named column is absent."""
        present = {_normal(h): h for h in reversed(headers)}  # the first of duplicate names wins
        found: dict[str, str] = {}
        for name, wanted in self.given().items():
            header = wanted if wanted in headers else present.get(_normal(wanted))
            if header is None:
                raise InputError(origin, f"no column {wanted!r} (--{name}-column); {has(headers, noun)}")
            found[name] = header
        used = set(found.values())
        for name in FIELDS:
            if name not in found and (header := _default(name, headers, used)) is not None:
                found[name] = header
                used.add(header)
        return found


def _default(name: str, headers: Sequence[str], used: set[str]) -> str | None:
    exact, last_words = _NAMES[name]
    free = [h for h in headers if h not in used]
    normal = {h: _normal(h) for h in free}
    for wanted in exact:
        for header in free:
            if normal[header] == wanted:
                return header
    for header in free:
        if normal[header].rsplit("_", 1)[-1] in last_words:
            return header
    return None


def _normal(header: str) -> str:
    return _SEPARATORS.sub("_", _CAMEL.sub("_", header.strip().lstrip("\ufeff"))).lower().strip("_")


def has(headers: Iterable[str], noun: str = HEADER) -> str:
    """What a header (or an object's keys) holds, for messages: "the header has 'id', 'body'"."""
    names = [h for h in headers if h.strip()]
    shown = ", ".join(repr(h) for h in names[:20]) + (f" and {len(names) - 20} more" if len(names) > 20 else "")
    return f"{noun} has {'keys ' if noun == OBJECT else ''}{shown}" if names else f"{noun} is empty"


def no_text_reason(headers: Sequence[str], noun: str = HEADER) -> str:
    return f"no text column (text, content, body, article...; name it with --text-column); {has(headers, noun)}"


@dataclass(frozen=True)
class RecordReader:
    """Turns the records of one file into ``SourceDocument``s, with one ``DateReader`` for the file."""

    path: Path
    max_chars: int
    dates: DateReader
    codec: str = "utf-8"  # what the file is decoded as, for messages

    @classmethod
    def for_file(cls, path: Path, max_chars: int, rule: DateRule, codec: str = "utf-8") -> RecordReader:
        return cls(path, max_chars, DateReader(rule), codec)

    def document(self, values: Mapping[str, object], found: Mapping[str, str], where: str,
                 number: int | None) -> SourceDocument:
        """The article in one record; InputError naming ``where`` when it has no usable text."""
        text_key = found.get("text")
        text = values.get(text_key) if text_key else None
        if not isinstance(text, str):
            if text_key is None:
                raise InputError(where, "no text field")
            raise InputError(where, f"{text_key!r} is {type(text).__name__}, not text" if text_key in values
                             else f"no {text_key!r} field")
        if not text.strip():
            raise InputError(where, f"the text ({text_key!r}) is empty")
        if len(text) > self.max_chars:
            raise InputError(where, f"text is {len(text):,} characters; the per-document limit is {self.max_chars:,}")
        meta = {field: _string(values.get(key)) for field, key in found.items() if field not in ("text", "date")}
        for value in (text, *[v for v in meta.values() if v]):
            _check_text(value, where, self.codec)
        published, warning = self.dates.read(values.get(found["date"]) if "date" in found else None, where)
        record_id = meta.pop("id", None)
        used = set(found.values())
        return SourceDocument(
            text=text, origin=where, published=published, warnings=(warning,) if warning else (),
            doc_id=self._doc_id(record_id, number), meta={k: v for k, v in values.items() if k not in used}, **meta)

    def _doc_id(self, record_id: str | None, number: int | None) -> str:
        """The file stem and the record's own id (or its row / index): ``FA-KES-Dataset-1914947530``."""
        stem = _UNSAFE_ID.sub("-", self.path.stem).strip("-.")[:60] or "doc"
        own = _UNSAFE_ID.sub("-", record_id).strip("-.")[:60] if record_id else ""
        suffix = own or ("" if number is None else str(number))
        return f"{stem}-{suffix}" if suffix else stem


def _string(value: object) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):  # "authors": ["A", "B"]
        return ", ".join(v.strip() for v in value if v.strip()) or None
    return None


def _check_text(value: str, where: str, codec: str) -> None:
    escaped = _ESCAPED.search(value)
    if escaped:
        byte = ord(escaped.group()) - 0xDC00
        raise InputError(where, f"not valid {codec} (byte 0x{byte:02x}); pass --encoding NAME (or --encoding auto)")
    if _SURROGATE.search(value):
        raise InputError(where, "contains a lone UTF-16 surrogate, not text")
