"""Terminal views of the query records (rich tables), for ``newsgraph entity|timeline|search|claims``.

Every text from a document is escaped before it goes into markup; only the search matches are marked.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from rich.console import Group
from rich.markup import escape
from rich.table import Table

from newsgraph.query.claims import ClaimRecord
from newsgraph.query.dossier import Dossier
from newsgraph.query.names import NameMatch
from newsgraph.query.search import SearchHit
from newsgraph.query.timeline import Timeline

__all__ = ["claims_table", "dossier_view", "matches_table", "search_table", "timeline_table"]


def _table(title: str, columns: Sequence[str], lines: bool = False) -> Table:
    table = Table(show_edge=False, title=title, title_justify="left", show_lines=lines, title_style="bold")
    for column in columns:
        table.add_column(column, overflow="fold")
    return table


def _total(shown: int, total: int, cap: int) -> str:
    counted = f"more than {cap}" if total > cap else str(total)
    return f"{counted}" if shown >= total else f"latest {shown} of {counted}"


def _claim_cells(c: ClaimRecord) -> list[str]:
    via = " → ".join(escape(v.name) for v in c.via)
    chain = f"{escape(c.who)}{' → ' + via if via else ''} → [bold]{escape(c.stance)}[/]"
    grade = escape(c.credibility or c.source_grade or "")
    return [f"{escape(c.published or 'undated')}\n{escape(c.doc_id)}", chain, grade,
            f"{escape(c.text)}\n[dim]{escape(c.evidence[2])}[/]"]


def _claim_line(c: ClaimRecord) -> str:
    """One claim on a line: id, speaker → stance → grade, and what it says."""
    grade = f" {c.credibility or c.source_grade}" if c.credibility or c.source_grade else ""
    return escape(f"{c.id} {c.who} → {c.stance}{grade}: {c.text}")


def claims_table(title: str, claims: Iterable[ClaimRecord]) -> Table:
    """One row per claim: date and document, speaker → via → stance, credibility, claim and evidence."""
    table = _table(title, ("date / doc", "speaker → via → stance", "grade", "claim / evidence"), lines=True)
    for c in claims:
        table.add_row(*_claim_cells(c))
    return table


def dossier_view(d: Dossier) -> Group:
    """The dossier as a header and tables: names, roles, claims by and about, disputes, related, events."""
    e = d.entity
    where = f", {e.lat:.4f} {e.lon:.4f}" if e.lat is not None and e.lon is not None else ""
    head = (f"[bold]{escape(e.name)}[/] {escape(e.id)} — {e.type}, {escape(e.country or 'no country')}{where}; "
            f"{e.documents} documents, {e.mentions} mentions in the {e.sampled} latest")
    names = ", ".join(f"{escape(n)} ({k})" for n, k in e.names)
    parts: list[Any] = [head, f"names: {names}"]
    if e.roles:
        roles = _table("roles", ("role", "documents"))
        for role, docs in e.roles:
            roles.add_row(escape(role), escape(", ".join(docs)))
        parts.append(roles)
    parts.append(claims_table(f"claims by it ({_total(len(d.claims_by), d.claims_by_total, d.count_cap)})",
                              d.claims_by))
    parts.append(claims_table(
        f"claims about it ({_total(len(d.claims_about), d.claims_about_total, d.count_cap)})", d.claims_about))
    if d.disputes:
        known = {c.id: c for c in (*d.claims_by, *d.claims_about, *d.linked)}

        def side(ids: Sequence[str]) -> str:
            return "\n".join(_claim_line(known[i]) if i in known else escape(i) for i in ids)

        disputes = _table("corroborated and contradicted", ("claim", "corroborated by", "contradicted by"))
        for claim, backing, against in d.disputes:
            disputes.add_row(_claim_line(claim), side(backing), side(against))
        parts.append(disputes)
    related = _table("related entities", ("entity", "type", "relations", "shared events"))
    for r in d.related:
        related.add_row(escape(f"{r.entity.name}\n{r.entity.id}"), r.type,
                        escape(f"{', '.join(r.relations)} ({r.relation_count})" if r.relations else ""),
                        str(r.shared_events))
    parts.append(related)
    events = _table("events", ("date", "event", "place", "reports / documents"))
    for ev in d.events:
        events.add_row(escape(ev.date or "undated"), escape(f"{ev.type} '{ev.trigger}'\n{ev.id}"),
                       escape(ev.place.name if ev.place else ""), f"{ev.reports} / {ev.documents}")
    parts.append(events)
    return Group(*parts)


def timeline_table(t: Timeline) -> Table:
    """Events and dated claims in date order, each date as written (2013-08 is a month)."""
    filters = ", ".join(f"{k} {v}" for k, v in (("entity", t.entity), ("place", t.place), ("from", t.date_from),
                                                   ("to", t.date_to)) if v)
    table = _table(f"{len(t.items)} items{' — ' + escape(filters) if filters else ''}",
                   ("date", "what", "where", "reports", "figures per source"), lines=True)
    for i in t.items:
        date = f"{i.date} ({i.precision})" if i.date else "undated"
        what = (f"{i.type} '{i.label}'\n{i.id}" if i.kind == "event" else f"claim, {i.type}: {i.label}\n{i.id}")
        table.add_row(escape(date), escape(what), escape(i.place.name if i.place else ""),
                      f"{i.reports} in {len(i.documents)} docs" if i.kind == "event" else "",
                      escape("\n".join(str(f) for f in i.figures)))
    return table


def search_table(query: str, hits: Sequence[SearchHit]) -> Table:
    """Hits best first, the matches marked."""
    table = _table(f"{len(hits)} hits for {escape(query)}", ("hit", "outlet / date", "snippet"), lines=True)
    for h in hits:
        table.add_row(escape(f"{h.kind}\n{h.id}"), escape(f"{h.outlet or ''}\n{h.published or ''}".strip()),
                      h.marked())
    return table


def matches_table(name: str, matches: Sequence[NameMatch]) -> Table:
    """The corpus entities an ambiguous name may mean."""
    table = _table(f"{escape(name)!s} names {len(matches)} entities", ("id", "name", "type", "documents", "country"))
    for m in matches:
        table.add_row(escape(m.id), escape(m.name), m.type, str(m.documents), escape(m.country or ""))
    return table
