"""What a store holds, short enough to read: documents, top entities, dated events, attributed claims.

    >>> from newsgraph.summary import summarize
    >>> with Store("news.db") as store:
    ...     summary = summarize(store)
    >>> summary.to_dict()          # what ``newsgraph summary --format json`` prints

Lists are samples chosen to show variety (every event type and claim stance before a second
of any, earlier facts of each document first); the counts are always of everything stored.
"""

from __future__ import annotations

import re
import textwrap
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any, TypeVar

from newsgraph.model import ENTITY_TYPES, PLACE_TYPES, STANCES
from newsgraph.resolve.entities import CorpusEntity

if TYPE_CHECKING:
    from rich.console import RenderableType

    from newsgraph.store import Store

T = TypeVar("T")

_SPACES = re.compile(r"\s+")
_NAMED = re.compile(r"[A-Z0-9]")  # "Shahed-136", "Iran"; not "attack drones"


@dataclass(frozen=True)
class DocumentLine:
    doc_id: str
    published: str | None
    title: str | None
    source: str | None
    origin: str | None


@dataclass(frozen=True)
class EntityLine:
    type: str
    name: str
    documents: int
    mentions: int
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    country: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class EventLine:
    doc_id: str
    type: str
    date: str | None
    actors: tuple[str, ...]
    trigger: str
    targets: tuple[str, ...]
    place: str | None


@dataclass(frozen=True)
class ClaimLine:
    doc_id: str
    speaker: str | None
    via: tuple[str, ...]
    stance: str
    cue: str
    text: str


@dataclass(frozen=True)
class Summary:
    store: str
    counts: dict[str, int]  # documents, entities, events, claims, relations
    documents: tuple[DocumentLine, ...]
    entities_by_type: dict[str, int]
    entities: tuple[EntityLine, ...]  # the first ``per_type`` of each type
    events_by_type: dict[str, int]
    events: tuple[EventLine, ...]
    claims_by_stance: dict[str, int]
    claims: tuple[ClaimLine, ...]

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def summarize(store: Store, *, per_type: int = 5, rows: int = 8, documents: int = 20) -> Summary:
    """The summary of ``store``: ``per_type`` entities of each type, ``rows`` events and claims."""
    counts = store.counts()
    entities = store.entities()
    names = {(r["doc_id"], r["local_id"]): r["name"] for r in store.rows("entities")}
    infos = sorted(store.infos(), key=lambda i: (i.published is None, i.published or "", i.doc_id))
    by_type: dict[str, list[CorpusEntity]] = defaultdict(list)
    for e in entities:
        by_type[e.type].append(e)
    return Summary(
        store=str(store.path or store.url),
        counts={"documents": counts["documents"], "entities": len(entities),
                "events": sum(counts["events_by_type"].values()), "claims": sum(counts["claims_by_stance"].values()),
                "relations": counts["relations"]},
        documents=tuple(DocumentLine(i.doc_id, i.published, i.title, i.source, i.origin) for i in infos[:documents]),
        entities_by_type={t: len(by_type[t]) for t in ENTITY_TYPES if by_type[t]},
        entities=tuple(_entity(e) for t in ENTITY_TYPES for e in _ranked(by_type[t])[:per_type]),
        events_by_type=dict(sorted(counts["events_by_type"].items(), key=lambda kv: (-kv[1], kv[0]))),
        events=_sample_events(store, names, _descending(counts["events_by_type"]), rows),
        claims_by_stance={s: counts["claims_by_stance"][s] for s in STANCES if s in counts["claims_by_stance"]},
        claims=_sample_claims(store, names, rows))


def _sample_events(store: Store, names: dict[tuple[str, str], str], order: list[str], rows: int
                   ) -> tuple[EventLine, ...]:
    """Dated events with an actor and a target or place: one of each type in turn, commonest type first."""
    events = [_event(r, names) for r in _varied(store.rows("events"), "type", order=order)
              if r["date"] and r["actors"] and (r["targets"] or r["location"])]
    return tuple(_interleave(events, lambda v: v.type, rows))


def _sample_claims(store: Store, names: dict[tuple[str, str], str], rows: int) -> tuple[ClaimLine, ...]:
    """One claim of each stance in turn; speakers that are entities first ("No group claimed ..." has none)."""
    ranked = _varied(store.rows("claims"), "stance", order=STANCES)
    known = _interleave([_claim(r, names) for r in ranked if r["speaker"]], lambda c: c.stance, rows)
    if len(known) < rows:
        known += _interleave([_claim(r, names) for r in ranked if not r["speaker"] and r["speaker_text"]],
                             lambda c: c.stance, rows - len(known))
    return tuple(known)


def shorten(text: str | None, width: int) -> str:
    """``text`` on one line, cut at a word boundary with "…" when longer than ``width``."""
    flat = _SPACES.sub(" ", text or "").strip()
    if len(flat) <= width:
        return flat
    cut = flat[:width - 1]
    for boundary in (" ", "-", "_", "."):  # a word boundary, else a break inside a file name or id
        at = cut.rfind(boundary, width // 2)
        if at > 0:
            cut = cut[:at + (boundary != " ")]
            break
    return cut.rstrip(" ,;:—–") + "…"


def _ranked(entities: list[CorpusEntity]) -> list[CorpusEntity]:
    # named things first ("Shahed-136" before "attack drones"); the store's order (documents, mentions) within;
    # a one-letter name says nothing in a summary
    return sorted((e for e in entities if len(e.name) > 1), key=lambda e: not _NAMED.search(e.name))


def _entity(e: CorpusEntity) -> EntityLine:
    return EntityLine(e.type, e.name, len(e.documents), e.mentions, tuple(e.roles),
                      tuple(a for a in e.aliases if a != e.name), e.country, e.lat, e.lon)


def _event(row: dict[str, Any], names: dict[tuple[str, str], str]) -> EventLine:
    doc = row["doc_id"]
    return EventLine(doc, row["type"], row["date"], tuple(names.get((doc, a), a) for a in row["actors"]),
                     row["trigger"], tuple(names.get((doc, t), t) for t in row["targets"]),
                     names.get((doc, row["location"])) if row["location"] else None)


def _claim(row: dict[str, Any], names: dict[tuple[str, str], str]) -> ClaimLine:
    doc = row["doc_id"]
    speaker = names.get((doc, row["speaker"])) if row["speaker"] else row["speaker_text"]
    text = re.sub(r"^that\s+", "", row["text"].strip())
    return ClaimLine(doc, speaker, tuple(names.get((doc, v), v) for v in row["via"]), row["stance"], row["cue"], text)


def _varied(rows: list[dict[str, Any]], key: str, order: Sequence[str]) -> list[dict[str, Any]]:
    """Rows grouped by ``key`` in ``order``; within a group each document's first row, then second..."""
    rank = {value: n for n, value in enumerate(order)}
    seq_in_doc: dict[str, int] = defaultdict(int)
    keyed = []
    for n, row in enumerate(rows):
        seq_in_doc[row["doc_id"]] += 1
        keyed.append(((rank.get(row[key], len(rank)), seq_in_doc[row["doc_id"]], n), row))
    return [row for _, row in sorted(keyed, key=lambda kr: kr[0])]


def _interleave(items: Iterable[T], group: Callable[[T], str], limit: int) -> list[T]:
    """One item of each group in turn (the groups in first-seen order): the first ``limit``."""
    groups: dict[str, list[T]] = defaultdict(list)
    for item in items:
        groups[group(item)].append(item)
    out: list[T] = []
    for depth in range(max((len(g) for g in groups.values()), default=0)):
        out.extend(g[depth] for g in groups.values() if depth < len(g))
        if len(out) >= limit:
            break
    return out[:limit]


def _descending(counts: dict[str, int]) -> list[str]:
    return [k for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def place_text(line: EntityLine) -> str:
    """"SY 36.202, 37.134" for a place; empty for anything else."""
    if line.type not in PLACE_TYPES:
        return ""
    coords = f"{line.lat:.3f}, {line.lon:.3f}" if line.lat is not None and line.lon is not None else ""
    return " ".join(x for x in (line.country or "", coords) if x)


def render(summary: Summary, width: int = 100) -> list[RenderableType]:
    """The summary as rich tables fitted to ``width`` columns (text is cut at word boundaries, never wrapped)."""
    from rich.text import Text

    c = summary.counts
    out: list[RenderableType] = [Text.from_markup(
        f"[bold]{_escape(summary.store)}[/]: {c['documents']} documents, {c['entities']} entities, "
        f"{c['events']} events, {c['claims']} claims, {c['relations']} relations")]
    out += _documents(summary, width)
    if summary.entities:
        out += _entities(summary, width)
    if summary.events_by_type:
        out += _events(summary, width)
    if summary.claims_by_stance:
        out += _claims(summary, width)
    return out


def _documents(summary: Summary, width: int) -> list[RenderableType]:
    source_w = 22
    docs = _table(("published", 10), ("title", min(70, width - source_w - 14)), ("source (or document)", source_w))
    for d in summary.documents:
        docs.add_row(d.published or "—", d.title or d.doc_id, d.source or d.doc_id)
    total, shown = summary.counts["documents"], len(summary.documents)
    more = f" (the first {shown} of {total}, by date)" if shown < total else ""
    return [_title(f"Documents{more}"), docs]


def _entities(summary: Summary, width: int) -> list[RenderableType]:
    rest = width - 27
    name_w = min(30, rest * 9 // 20)
    ents = _table(("type", 7), ("name", name_w), ("docs", 4, "right"), ("mentions", 8, "right"),
                  ("roles, place or other names", rest - name_w))
    previous = None
    for e in summary.entities:
        if previous is not None and e.type != previous:
            ents.add_section()
        detail = place_text(e) or "; ".join(e.roles[:2]) or ", ".join(e.aliases[:2])
        ents.add_row(f"{e.type} {summary.entities_by_type[e.type]}" if e.type != previous else "",
                     e.name, str(e.documents), str(e.mentions), detail)
        previous = e.type
    return [_title("Entities (the most mentioned of each type; the type's total)"), ents]


def _events(summary: Summary, width: int) -> list[RenderableType]:
    doc_w = 22 if width >= 100 else 0
    columns = [("date", 10), ("type", 9), ("who, what, whom, where", width - 23 - (doc_w + 2 if doc_w else 0))]
    events = _table(*columns, *([("document", doc_w)] if doc_w else []))
    for v in summary.events:
        what = " ".join(x for x in (", ".join(v.actors) or "—", v.trigger) if x)
        what += f" → {', '.join(v.targets)}" if v.targets else ""
        what += f" in {v.place}" if v.place else ""
        events.add_row(v.date or "—", v.type, what, *([v.doc_id] if doc_w else []))
    return [_title(_counts("Events", summary.events_by_type, width)), events]


def _claims(summary: Summary, width: int) -> list[RenderableType]:
    who_w = 30
    claims = _table(("speaker (via)", who_w), ("stance", 9), ("claim", width - who_w - 13))
    for cl in summary.claims:
        who = (cl.speaker or "—") + (f", via {', '.join(cl.via)}" if cl.via else "")
        claims.add_row(who, cl.stance, cl.text)
    return [_title(_counts("Claims", summary.claims_by_stance, width)), claims]


def _table(*columns: tuple[Any, ...]) -> _FittedTable:
    return _FittedTable(columns)


class _FittedTable:
    """A rich table whose cells are shortened to their column's width at word boundaries."""

    def __init__(self, columns: Sequence[tuple[Any, ...]]) -> None:
        from rich.table import Table

        self.widths = [c[1] for c in columns]
        self.table = Table(box=None, show_edge=False, pad_edge=False, header_style="bold dim", padding=(0, 2, 0, 0))
        for name, col_width, *justify in columns:
            self.table.add_column(name, justify=justify[0] if justify else "left", no_wrap=True, max_width=col_width)

    def add_row(self, *cells: str | None) -> None:
        self.table.add_row(*(_escape(shorten(cell, w)) for cell, w in zip(cells, self.widths, strict=True)))

    def add_section(self) -> None:
        self.table.add_section()

    def __rich__(self) -> RenderableType:
        return self.table


def _title(text: str) -> RenderableType:
    from rich.text import Text

    return Text.from_markup(f"\n[bold]{_escape(text)}[/]")


def _counts(title: str, counts: dict[str, int], width: int) -> str:
    return textwrap.fill(f"{title}: " + ", ".join(f"{k} {v}" for k, v in counts.items()), width,
                         subsequent_indent="  ", break_on_hyphens=False)


def _escape(text: str) -> str:
    from rich.markup import escape

    return escape(text)
