"""The ``newsgraph`` command: a thin shell over ``newsgraph.ingest``, ``newsgraph.store`` and ``newsgraph.export``.

Data goes to stdout, messages (progress, errors) to stderr.  Expected failures
(``NewsgraphError``) print one line without a traceback; the exit status is 1
when any input failed, 2 for usage errors.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.errors import InputError, NewsgraphError

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Turn news reporting into an evidence-linked knowledge graph, offline.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="SQLite store (or SQLAlchemy URL); default $NEWSGRAPH_DB or ./newsgraph.db", show_default=False)]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date YYYY-MM-DD for inputs that carry none")]
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding", help="Decode non-UTF-8 text with this encoding (e.g. cp1252), or 'auto' to detect it")]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", help="Seconds allowed per document (default $NEWSGRAPH_TIMEOUT or 300; 0 = no limit)")]
MaxCharsOption = Annotated[int | None, typer.Option(
    "--max-chars", help="Largest document accepted, in characters (default $NEWSGRAPH_MAX_CHARS or 400,000)")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors")]


class ExtractFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    json = "json"


def _edge(func: F) -> F:
    """Turn the project's own errors into one red line and exit status 1."""
    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NewsgraphError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/]; everything stored so far is kept")
            raise typer.Exit(130) from None
    return wrapper  # type: ignore[return-value]


def _report(message: str) -> None:
    err.print(f"[red]error:[/] {escape(message)}")


def _check_published(published: str | None) -> None:
    from newsgraph.pipeline import _as_date
    _as_date(published)  # raises InputError naming the bad value


@app.command()
@_edge
def extract(files: Annotated[list[Path], typer.Argument(help="Text, HTML, JSONL or RSS/Atom files")],
            format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
            published: PublishedOption = None, encoding: EncodingOption = None,
            text: Annotated[bool, typer.Option("--text", help="Include the document text")] = False,
            timeout: TimeoutOption = None, max_chars: MaxCharsOption = None, debug: DebugOption = False) -> None:
    """Print the extraction of each file as contract JSON (a list), or JSON Lines; no store needed."""
    from newsgraph.ingest import read_paths
    from newsgraph.ingest.limits import default_timeout
    from newsgraph.ingest.run import extract_item

    _check_published(published)
    failed = False
    docs = []
    for item in read_paths([str(f) for f in files], encoding=encoding, max_chars=max_chars):
        outcome = extract_item(item, published, default_timeout() if timeout is None else timeout, debug)
        if outcome.document is None:
            failed = True
            _report(outcome.error or outcome.origin)
        elif format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(outcome.document.to_dict(include_text=text), ensure_ascii=False) + "\n")
        else:
            docs.append(outcome.document.to_dict(include_text=text))
    if format is ExtractFormat.json:
        json.dump(docs, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    if failed:
        raise typer.Exit(1)


@app.command()
@_edge
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns")],
           db: DbOption = None, published: PublishedOption = None, encoding: EncodingOption = None,
           timeout: TimeoutOption = None, max_chars: MaxCharsOption = None, debug: DebugOption = False) -> None:
    """Extract documents and add them to the store; a text already stored is skipped."""
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from newsgraph.ingest import expand, read_file
    from newsgraph.ingest.limits import default_timeout
    from newsgraph.ingest.run import ingest_item
    from newsgraph.store import Store

    _check_published(published)
    limit = default_timeout() if timeout is None else timeout
    entries = list(expand(paths))
    files = [e for e in entries if isinstance(e, Path)]
    added = skipped = failures = 0
    for problem in (e for e in entries if isinstance(e, InputError)):
        _report(str(problem))
        failures += 1
    with Store(db) as store, Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                      TimeElapsedColumn(), console=err, transient=True) as progress:
        task = progress.add_task("ingesting", total=len(files))
        for path in files:
            progress.update(task, description=f"ingesting {escape(path.name[:40])}")
            for item in read_file(path, encoding=encoding, max_chars=max_chars):
                outcome = ingest_item(store, item, published, limit, debug)
                if outcome.failed:
                    failures += 1
                    progress.console.print(f"[red]error:[/] {escape(outcome.error or '')}")
                elif outcome.added:
                    added += 1
                else:
                    skipped += 1
            progress.advance(task)
        total = len(store)
    err.print(f"{added} added, {skipped} already stored, {failures} failed; "
              f"{total} documents in {escape(str(db or store.url))}")
    if failures:
        raise typer.Exit(1)


@app.command()
@_edge
def summary(db: DbOption = None,
            limit: Annotated[int, typer.Option(help="Entities listed per type")] = 12) -> None:
    """What the store holds: entities by type with roles and coordinates, events and claims."""
    from newsgraph.model import ENTITY_TYPES
    from newsgraph.store import Store

    with Store(db) as store:
        counts = store.counts()
        entities = store.entities()
    out.print(f"[bold]{counts['documents']} documents[/], {len(entities)} distinct entities, "
              f"{sum(counts['events_by_type'].values())} events, "
              f"{sum(counts['claims_by_stance'].values())} claims, {counts['relations']} relations")
    for etype in ENTITY_TYPES:
        of_type = [e for e in entities if e.type == etype]
        if not of_type:
            continue
        table = Table(title=f"{etype} ({len(of_type)})", title_justify="left", show_edge=False)
        for column in ("name", "docs", "mentions", "roles", "where"):
            table.add_column(column, overflow="fold")
        for e in of_type[:limit]:
            where = " ".join(x for x in (e.country or "", _coords(e.lat, e.lon)) if x)
            table.add_row(escape(e.name), str(len(e.documents)), str(e.mentions),
                          escape("; ".join(list(e.roles)[:3])), where)
        if len(of_type) > limit:
            table.caption = f"… and {len(of_type) - limit} more"
        out.print(table)
    for title, mapping in (("events by type", counts["events_by_type"]), ("claims by stance", counts["claims_by_stance"])):
        if mapping:
            out.print(f"[bold]{title}:[/] " + ", ".join(f"{k} {v}" for k, v in mapping.items()))


def _coords(lat: float | None, lon: float | None) -> str:
    return f"{lat:.3f},{lon:.3f}" if lat is not None and lon is not None else ""


@app.command()
@_edge
def export(db: DbOption = None, format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
           output: Annotated[Path | None, typer.Option("--output", "-o", help="File to write (default stdout)")] = None
           ) -> None:
    """Write the whole store in the contract's corpus form."""
    from newsgraph.export import write_json
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store(db) as store:
        resolution = Corpus(store).resolution()  # the store's corpus ids, with the analyst's judgements
        if output is None:
            write_json(store.documents(), sys.stdout, resolution=resolution)
            return
        tmp = output.with_name(output.name + ".part")  # never leave a half-written export behind
        with tmp.open("w", encoding="utf-8") as handle:
            write_json(store.documents(), handle, resolution=resolution)
        tmp.replace(output)
    err.print(f"wrote {escape(str(output))}")


@app.command()
@_edge
def documents(db: DbOption = None,
              url: Annotated[str | None, typer.Option(help="Only the versions of this URL")] = None) -> None:
    """List the stored documents (id, date, title, source), oldest first."""
    from newsgraph.store import Store

    with Store(db) as store:
        infos = store.infos(url=url)
    table = Table(show_edge=False)
    for column in ("doc_id", "published", "title", "source", "chars", "ingested"):
        table.add_column(column, overflow="fold", no_wrap=column in ("doc_id", "published", "chars"))
    for i in infos:
        table.add_row(escape(i.doc_id), i.published or "", escape(i.title or ""), escape(i.source or Path(i.origin or "").name),
                      f"{i.chars:,}", i.ingested_at[:16])
    out.print(table)


@app.command()
@_edge
def show(doc_id: str, db: DbOption = None,
         text: Annotated[bool, typer.Option("--text", help="Include the document text")] = False) -> None:
    """Print one stored document as contract JSON."""
    from newsgraph.store import Store

    with Store(db) as store:
        try:
            doc = store.document(doc_id)
        except KeyError:
            raise InputError(doc_id, "no such document in the store") from None
    json.dump(doc.to_dict(include_text=text), sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


@app.command()
@_edge
def check(db: DbOption = None) -> None:
    """Verify the store: SQLite integrity, no orphan rows, every mention matches its text."""
    from newsgraph.store import Store

    with Store(db) as store:
        problems = store.check()
        count = len(store)
    for problem in problems:
        _report(problem)
    err.print(f"{count} documents checked, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)



# -- the corpus graph: one identity across documents (newsgraph.store.corpus) -------------------------

class TableFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="A table, or JSON")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why: kept with the judgement")]


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _entity_line(entity: Any) -> str:
    return (f"{escape(entity.id)} ({escape(entity.name)}, {entity.type}, {len(entity.documents)} documents, "
            f"{len(entity.aliases)} aliases)")


@app.command()
@_edge
def candidates(db: DbOption = None,
               entity: Annotated[str | None, typer.Option("--entity", help="Only pairs with this corpus id")] = None,
               limit: Annotated[int, typer.Option(help="Pairs listed")] = 25,
               format: FormatOption = TableFormat.table) -> None:
    """Pairs of corpus entities that may be one thing but were left apart, with the evidence for and against."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store(db) as store:
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

    with Store(db) as store:
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

    with Store(db) as store:
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

    with Store(db) as store:
        corpus = Corpus(store)
        started = time.perf_counter()
        status = corpus.resolve_all() if all else corpus.status()
        seconds = time.perf_counter() - started
    if format is TableFormat.json:
        _print_json({**status.__dict__, "seconds": round(seconds, 2) if all else None})
        return
    done = f"resolved again in {seconds:.1f} s: " if all else ""
    out.print(f"{done}{status.entities} corpus entities from {status.members} document entities, "
              f"{status.candidates} candidate pairs, {status.judgements} judgements")
    if status.pending or status.rules_changed:
        why = f"{status.pending} document entities are not resolved" if status.pending else "the rules changed"
        err.print(f"[yellow]{why}[/]: run [bold]newsgraph resolve --all[/]")


def _author() -> str | None:
    import getpass
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container: the judgement is still kept
        return None


if __name__ == "__main__":
    app()
