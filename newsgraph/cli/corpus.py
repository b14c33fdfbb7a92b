"""Commands over the corpus graph: candidates, merge, split, resolve, events, source grades."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

if TYPE_CHECKING:
    pass

from newsgraph.cli.common import (
    DbOption,
    FormatOption,
    NoteOption,
    TableFormat,
    _author,
    _edge,
    _entity_line,
    _print_json,
    _print_json_items,
    app,
    count_option,
    err,
    out,
)


# -- the corpus graph: one identity across documents (newsgraph.store.corpus) -------------------------
@app.command()
@_edge
def candidates(db: DbOption = None,
               entity: Annotated[str | None, typer.Option("--entity", help="Only pairs with this corpus id")] = None,
               limit: Annotated[int, count_option("--limit", "Pairs listed")] = 25,
               format: FormatOption = TableFormat.table) -> None:
    """Pairs of corpus entities that may be one thing but were left apart, with the evidence for and against."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store.existing(db) as store:
        corpus = Corpus(store)
        found = corpus.candidates(entity=entity, limit=limit)
        names = corpus.names({c.left for c in found} | {c.right for c in found})
    if format is TableFormat.json:
        _print_json([{**c.__dict__, "left_name": names.get(c.left), "right_name": names.get(c.right)}
                     for c in found])
        return
    table = Table(show_edge=False, title=f"{len(found)} candidate pairs", title_justify="left")
    for column in ("score", "left", "right", "for", "against"):
        table.add_column(column, overflow="fold")
    for c in found:
        table.add_row(f"{c.score:.2f}", escape(f"{c.left}\n{names.get(c.left, '')}"),
                      escape(f"{c.right}\n{names.get(c.right, '')}"), escape("; ".join(c.evidence_for)),
                      escape("; ".join(c.evidence_against)))
    out.print(table)
    out.print("merge a pair with [bold]newsgraph merge LEFT RIGHT[/]")


@app.command()
@_edge
def merge(a: Annotated[str, typer.Argument(help="A corpus entity id")],
          b: Annotated[str, typer.Argument(help="Another corpus entity id")],
          db: DbOption = None, note: NoteOption = None, format: FormatOption = TableFormat.table) -> None:
    """Record that two corpus entities are one thing (kept in the store, applied on every re-resolution)."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store.existing(db) as store:
        merged = Corpus(store).merge(a, b, author=_author(), note=note)
    if format is TableFormat.json:
        _print_json(merged.to_dict())
        return
    out.print(f"merged {escape(a)} and {escape(b)}: now {_entity_line(merged)}")


@app.command()
@_edge
def split(entity: Annotated[str, typer.Argument(help="A corpus entity id")],
          doc: Annotated[str, typer.Option("--doc", help="The document whose mention is something else")],
          name: Annotated[str | None, typer.Option(
              "--name", help="Only the document's entity of this name (when the document gives it two)")] = None,
          db: DbOption = None, note: NoteOption = None, format: FormatOption = TableFormat.table) -> None:
    """Record that an entity as one document mentions it is something else (kept in the store)."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store.existing(db) as store:
        corpus = Corpus(store)
        separate = corpus.split(entity, doc, author=_author(), note=note, name=name)
        rest = corpus.entities(corpus_id=entity)
    if format is TableFormat.json:
        _print_json({"split": separate.to_dict(), "rest": rest[0].to_dict() if rest else None})
        return
    out.print(f"split {escape(entity)} in {escape(doc)} off as {_entity_line(separate)}")
    if rest:
        out.print(f"{escape(entity)} remains: {_entity_line(rest[0])}")


@app.command()
@_edge
def resolve(db: DbOption = None,
            all: Annotated[bool, typer.Option("--all", help="Re-resolve every stored document")] = False,
            format: FormatOption = TableFormat.table) -> None:
    """The corpus resolution's state; with --all, resolve the whole store again (after the rules changed)."""
    import time

    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store.existing(db) as store:
        corpus = Corpus(store)
        started = time.perf_counter()
        status = corpus.resolve_all() if all else corpus.status()
        seconds = time.perf_counter() - started
        links = corpus.claim_links()
    if format is TableFormat.json:
        _print_json({**status.__dict__, "claim_links": links, "seconds": round(seconds, 2) if all else None})
        return
    done = f"resolved again in {seconds:.1f} s: " if all else ""
    out.print(f"{done}{status.entities} corpus entities from {status.members} document entities, "
              f"{status.candidates} candidate pairs, {status.judgements} judgements; claims: "
              f"{links.get('corroborates', 0)} corroborating and {links.get('contradicts', 0)} contradicting pairs")
    if status.pending or status.rules_changed:
        why = f"{status.pending} document entities are not resolved" if status.pending else "the rules changed"
        err.print(f"[yellow]{why}[/]: run [bold]newsgraph resolve --all[/]")


# -- corpus events: one occurrence across documents (newsgraph.store.corpus.Corpus.events) ------------

def _figures_line(figures: Any) -> str:
    return "\n".join(f"{f.counted}: {f.source_name} {_range(f.low, f.best, f.high)}" for f in figures)


def _range(low: int | None, best: int | None, high: int | None) -> str:
    if low == high:
        return str(best if best is not None else low)
    return f"{low if low is not None else '?'}-{high if high is not None else '?'} (best {best})"


@app.command()
@_edge
def events(db: DbOption = None,
           entity: Annotated[str | None, typer.Option("--entity", help="Only events with this corpus entity")] = None,
           place: Annotated[str | None, typer.Option("--place", help="Only events at this place (a corpus id)")] = None,
           min_documents: Annotated[int, count_option("--min-documents", "Told by at least this many")] = 1,
           limit: Annotated[int, count_option("--limit", "Events listed")] = 20,
           format: FormatOption = TableFormat.table) -> None:
    """Corpus events: the reports of one occurrence across documents, with the figures each source gives."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store.existing(db) as store:
        corpus = Corpus(store)
        if format is TableFormat.json:  # written as read: a page of events at a time
            _print_json_items(e.to_dict() for e in corpus.iter_events(entity=entity, place=place,
                                                                      min_documents=min_documents, limit=limit))
            return
        found = corpus.events(entity=entity, place=place, min_documents=min_documents, limit=limit)
        names = corpus.names({p for e in found for p in (*e.places, *e.participants)})
    table = Table(show_edge=False, title=f"{len(found)} corpus events", title_justify="left", show_lines=True)
    for column in ("event", "when / where", "reports", "figures per source"):
        table.add_column(column, overflow="fold")
    for e in found:
        when = e.date_start if e.date_start == e.date_end else f"{e.date_start} .. {e.date_end}"
        where = names.get(e.place, e.place) if e.place else "no place"
        who = ", ".join(names.get(p, p) for p in e.participants[:3])
        reports = "\n".join(f"{r.event} {r.outlet} {r.date or 'undated'} '{r.trigger}'" for r in e.reports)
        table.add_row(escape(f"{e.id}\n{e.type} {who}"), escape(f"{when or 'undated'}\n{where}"), escape(reports),
                      escape(_figures_line(e.figures)))
    out.print(table)


# -- how far to trust each source (newsgraph.store.source_grades) ---------------------------------------

source_app = typer.Typer(no_args_is_help=True, help="Sources' reliability grades (A-F): list them, or grade one.")
app.add_typer(source_app, name="source")


@source_app.command("list")
@_edge
def source_list(db: DbOption = None, format: FormatOption = TableFormat.table) -> None:
    """Every graded source: the grades file's, with the store's overrides."""
    from newsgraph.store import Store
    from newsgraph.store.source_grades import graded_sources

    with Store.existing(db) as store:
        found = graded_sources(store)
    if format is TableFormat.json:
        _print_json([s.__dict__ for s in found])
        return
    table = Table(show_edge=False, title=f"{len(found)} sources", title_justify="left")
    for column in ("source", "kind", "affiliation", "grade", "why"):
        table.add_column(column, overflow="fold")
    for s in found:
        grade = f"{s.grade} (store)" if s.overridden else s.grade
        table.add_row(escape(s.name), s.kind or "", s.affiliation or "", grade, escape(s.why))
    out.print(table)


@source_app.command("grade")
@_edge
def source_grade(name: Annotated[str, typer.Argument(help="A source's name or alias (SANA, Reuters, ...)")],
                 grade: Annotated[str, typer.Argument(help="A to F (NATO Admiralty source reliability)")],
                 note: Annotated[str | None, typer.Option("--note", help="Why")] = None,
                 db: DbOption = None) -> None:
    """Grade a source in this store (over the grades file); shown and exported with its claims."""
    from newsgraph.store import Store
    from newsgraph.store.source_grades import grade_source

    with Store(db) as store:
        graded = grade_source(store, name, grade, note)
    out.print(f"{escape(graded.name)}: {graded.grade}")
