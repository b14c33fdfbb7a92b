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
from typing import TYPE_CHECKING, Annotated, Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.errors import InputError, NewsgraphError

if TYPE_CHECKING:
    from newsgraph.ingest import Progress as IngestProgress
    from newsgraph.ingest import ReadOptions

app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Turn news reporting into an evidence-linked knowledge graph, offline.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

F = TypeVar("F", bound=Callable[..., Any])

# a string, not a Path: Path would fold the // of postgresql://user@host/db
DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or postgresql://user:password@host[:port]/db; default $NEWSGRAPH_DB or ./newsgraph.db",
    show_default=False)]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date for inputs that carry none (2024-02-20, 'Feb 20, 2024', 2024-02, 2024...)")]
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding", help="Decode non-UTF-8 text with this encoding (e.g. cp1252), or 'auto' to detect it")]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", help="Seconds allowed per document (default $NEWSGRAPH_TIMEOUT or 300; 0 = no limit)")]
MaxCharsOption = Annotated[int | None, typer.Option(
    "--max-chars", help="Largest document accepted, in characters (default $NEWSGRAPH_MAX_CHARS or 400,000)")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-w", min=1, show_default=False,
    help="Extraction processes (default: the number of cores; 1 = in this process). The result is the same")]
DaskOption = Annotated[str | None, typer.Option(
    "--dask", metavar="ADDRESS", show_default=False,
    help="Extract on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' for a local cluster "
         "of --workers processes (needs newsgraph[dask])")]

_RECORDS = "Records (CSV, TSV, JSON, JSON Lines)"
_DATES = "Publication dates"


def _column(field: str, defaults: str) -> Any:
    return typer.Option(f"--{field}-column", rich_help_panel=_RECORDS,
                        help=f"CSV column or JSON key of the {field} (default: the first of {defaults})")


TextColumn = Annotated[str | None, _column("text", "text, content, body, article, *_text...")]
TitleColumn = Annotated[str | None, _column("title", "title, headline, *_title")]
DateColumn = Annotated[str | None, _column("date", "published, date, pubdate, *_date")]
SourceColumn = Annotated[str | None, _column("source", "source, outlet, publisher, site_name")]
UrlColumn = Annotated[str | None, _column("url", "url, link, permalink")]
AuthorColumn = Annotated[str | None, _column("author", "author, authors, byline")]
IdColumn = Annotated[str | None, _column("id", "id, doc_id, article_id, unit_id, guid: the document id is FILE-ID")]
DateFormatOption = Annotated[str | None, typer.Option(
    "--date-format", rich_help_panel=_DATES, help="strptime format of the inputs' dates, e.g. '%m/%d/%Y'")]
DayFirstOption = Annotated[bool, typer.Option(
    "--day-first", rich_help_panel=_DATES, help="Read 4/7/2017 as 4 July")]
MonthFirstOption = Annotated[bool, typer.Option(
    "--month-first", rich_help_panel=_DATES, help="Read 4/7/2017 as April 7 (what is assumed without a rule)")]


class ExtractFormat(str, Enum):
    json = "json"
    jsonl = "jsonl"


class ExportFormat(str, Enum):
    json = "json"
    ftm = "ftm"
    stix = "stix"
    graphml = "graphml"
    gexf = "gexf"
    csv = "csv"


class ExportTable(str, Enum):
    events = "events"
    claims = "claims"


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


def _warn(message: str, console: Console = err) -> None:
    console.print(f"[yellow]warning:[/] {escape(message)}")


def _gazetteer_ready() -> None:
    """Open the gazetteer file, or build it now if this version has none: its progress bar then shows before
    the command's own, and the build does not count against the first document's time limit."""
    from newsgraph.geo.gazetteer import store

    store()


def _read_options(encoding: str | None, max_chars: int | None, columns: dict[str, str | None],
                  date_format: str | None, day_first: bool, month_first: bool) -> ReadOptions:
    from newsgraph.ingest import DAY_FIRST, MONTH_FIRST, Columns, DateRule, ReadOptions

    if day_first and month_first:
        raise typer.BadParameter("give --day-first or --month-first, not both")
    order = DAY_FIRST if day_first else MONTH_FIRST if month_first else None
    return ReadOptions(encoding=encoding, max_chars=max_chars, columns=Columns(**columns),
                       dates=DateRule(format=date_format, order=order))


def _checked_published(published: str | None, options: ReadOptions) -> str | None:
    """``--published`` in ISO form; an unreadable value stops the command before anything is read."""
    from newsgraph.ingest import parse_date

    if published is None:
        return None
    value, warning = parse_date(published, options.dates)
    if warning:
        _warn(warning)
    return value


@app.command()
@_edge
def extract(files: Annotated[list[str], typer.Argument(help="Files, directories or globs: text, HTML, CSV/TSV, "
                                                             "JSON, JSON Lines, RSS/Atom")],
            format: Annotated[ExtractFormat, typer.Option("--format", "-f")] = ExtractFormat.json,
            published: PublishedOption = None, encoding: EncodingOption = None,
            text: Annotated[bool, typer.Option("--text", help="Include the document text")] = False,
            timeout: TimeoutOption = None, max_chars: MaxCharsOption = None, debug: DebugOption = False,
            text_column: TextColumn = None, title_column: TitleColumn = None, date_column: DateColumn = None,
            source_column: SourceColumn = None, url_column: UrlColumn = None, author_column: AuthorColumn = None,
            id_column: IdColumn = None, date_format: DateFormatOption = None, day_first: DayFirstOption = False,
            month_first: MonthFirstOption = False, workers: WorkersOption = None, dask: DaskOption = None) -> None:
    """Print the extraction of each document as contract JSON (a list), or JSON Lines; no store needed."""
    from newsgraph.ingest import IngestReport, extract_paths

    options = _read_options(encoding, max_chars, dict(
        text=text_column, title=title_column, date=date_column, source=source_column, url=url_column,
        author=author_column, id=id_column), date_format, day_first, month_first)
    report = IngestReport()
    written = 0
    _gazetteer_ready()
    for outcome in extract_paths(files, options=options, published=_checked_published(published, options),
                                 timeout=timeout, debug=debug, report=report, workers=_workers(workers),
                                 dask=dask):
        for warning in outcome.warnings:
            _warn(warning)
        if outcome.document is None:
            _report(outcome.error or outcome.origin)
            continue
        record = outcome.document.to_dict(include_text=text)
        if format is ExtractFormat.jsonl:
            sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
        else:  # the list is written as it grows (memory stays flat), exactly as json.dump(list, indent=2) would
            lines = json.dumps(record, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            sys.stdout.write(("[\n  " if not written else ",\n  ") + lines)
        written += 1
    if format is ExtractFormat.json:
        sys.stdout.write("\n]\n" if written else "[]\n")
    if line := report.skipped_line():
        err.print(escape(line))
    if report.failed:
        raise typer.Exit(1)


@app.command()
@_edge
def ingest(paths: Annotated[list[str], typer.Argument(help="Files, directories or glob patterns")],
           db: DbOption = None, published: PublishedOption = None, encoding: EncodingOption = None,
           timeout: TimeoutOption = None, max_chars: MaxCharsOption = None, debug: DebugOption = False,
           text_column: TextColumn = None, title_column: TitleColumn = None, date_column: DateColumn = None,
           source_column: SourceColumn = None, url_column: UrlColumn = None, author_column: AuthorColumn = None,
           id_column: IdColumn = None, date_format: DateFormatOption = None, day_first: DayFirstOption = False,
           month_first: MonthFirstOption = False, workers: WorkersOption = None, dask: DaskOption = None) -> None:
    """Extract documents and add them to the store; a text already stored is skipped."""
    from newsgraph.ingest import ingest_paths
    from newsgraph.store import Store

    options = _read_options(encoding, max_chars, dict(
        text=text_column, title=title_column, date=date_column, source=source_column, url=url_column,
        author=author_column, id=id_column), date_format, day_first, month_first)
    day = _checked_published(published, options)
    _gazetteer_ready()
    with Store(db) as store, _ProgressBar() as bar:
        report = ingest_paths(paths, store, options=options, published=day, timeout=timeout, debug=debug,
                              workers=_workers(workers), dask=dask, on_progress=bar.update)
        total = len(store)
    warned = f", {len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}" if report.warnings else ""
    err.print(f"{report.added} added, {report.already_stored} already stored, {report.failed} failed{warned}; "
              f"{total} documents in {escape(store.name)}")
    if line := report.skipped_line():
        err.print(escape(line))
    if report.failed:
        raise typer.Exit(1)


def _workers(workers: int | None) -> int:
    """``--workers``, or the number of cores (a local Dask cluster too; a remote one has its own workers)."""
    from newsgraph.ingest.pool import default_workers

    return workers if workers is not None else default_workers()


class _ProgressBar:
    """The rich progress bar of ``ingest``, fed by ``ingest_paths``; errors and warnings print above it."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=err, transient=True)
        self.task = self.progress.add_task("ingesting", total=None)

    def __enter__(self) -> _ProgressBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, where: IngestProgress) -> None:
        name = f"ingesting {escape(where.path.name[:40])}" if where.path else "ingesting"
        self.progress.update(self.task, total=where.files_total, completed=where.files_done, description=name)
        if where.outcome is not None:
            for warning in where.outcome.warnings:
                _warn(warning, self.progress.console)
            if where.outcome.error:
                self.progress.console.print(f"[red]error:[/] {escape(where.outcome.error)}")


class _ExportBar:
    """The progress bar of ``export`` on stderr: entities, documents and corpus events as they are read."""

    def __init__(self) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        self.progress = Progress(TextColumn("exporting {task.description}"), BarColumn(), MofNCompleteColumn(),
                                 TimeElapsedColumn(), console=err, transient=True)
        self.tasks: dict[str, Any] = {}  # one task per kind of record: each has its own total (or none)

    def __enter__(self) -> _ExportBar:
        self.progress.__enter__()
        return self

    def __exit__(self, *exc: object) -> None:
        self.progress.__exit__(None, None, None)

    def update(self, what: str, done: int, total: int | None) -> None:
        if what not in self.tasks:
            for task in self.tasks.values():
                self.progress.update(task, visible=False)
            self.tasks[what] = self.progress.add_task(what, total=total)
        self.progress.update(self.tasks[what], completed=done, total=total)


class SummaryFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
@_edge
def summary(db: DbOption = None,
            limit: Annotated[int, typer.Option(help="Entities listed per type")] = 5,
            rows: Annotated[int, typer.Option(help="Events and claims listed")] = 8,
            format: Annotated[SummaryFormat, typer.Option("--format", "-f")] = SummaryFormat.text) -> None:
    """What the store holds: documents, top entities by type with roles and places, dated events, claims."""
    from newsgraph.store import Store
    from newsgraph.summary import render, summarize

    with Store(db) as store:
        result = summarize(store, per_type=limit, rows=rows)
    if format is SummaryFormat.json:
        json.dump(result.to_dict(), sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return
    for part in render(result, width=max(80, min(out.width, 120))):
        out.print(part)


@app.command()
@_edge
def export(db: DbOption = None, format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.json,
           output: Annotated[Path | None, typer.Option(
               "--output", "-o", help="File to write (default stdout); for csv without --table, a directory")] = None,
           table: Annotated[ExportTable | None, typer.Option(
               "--table", help="csv: the one table to write (events or claims); needed for stdout")] = None,
           ) -> None:
    """Write the whole store: the contract's corpus JSON, FollowTheMoney, STIX 2.1, GraphML, GEXF or CSV."""
    from newsgraph.export.run import to_path, write_export
    from newsgraph.export.stream import reporting
    from newsgraph.store import Store

    chosen = table.value if table is not None else None
    with Store(db) as store, _ExportBar() as bar, reporting(bar.update):
        if output is None:
            write_export(store, format.value, sys.stdout, chosen)
            return
        written = to_path(store, format.value, output, chosen)  # each file written as .part, then renamed
    for path in written:
        err.print(f"wrote {escape(str(path))}")


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
        source = i.source or Path(i.origin or "").name
        table.add_row(escape(i.doc_id), i.published or "", escape(i.title or ""), escape(source),
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
           min_documents: Annotated[int, typer.Option("--min-documents", help="Told by at least this many")] = 1,
           limit: Annotated[int, typer.Option(help="Events listed")] = 20,
           format: FormatOption = TableFormat.table) -> None:
    """Corpus events: the reports of one occurrence across documents, with the figures each source gives."""
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    with Store(db) as store:
        corpus = Corpus(store)
        found = corpus.events(entity=entity, place=place, min_documents=min_documents, limit=limit)
        names = corpus.names({p for e in found for p in (*e.places, *e.participants)})
    if format is TableFormat.json:
        _print_json([e.to_dict() for e in found])
        return
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

    with Store(db) as store:
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


def _author() -> str | None:
    import getpass
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container: the judgement is still kept
        return None


# -- asking the corpus: newsgraph.query (dossier, timeline, search, claims) ---------------------------
# A name that means several entities or none exits 1 (the candidates, or the closest names, are printed);
# a search query the database cannot parse exits 2, like any other usage error.

def _asking(func: F) -> F:
    """Ambiguous names list their candidates (a table, or JSON on stdout) and exit 1; a bad search query
    exits 2; everything else goes through ``_edge``."""
    from newsgraph.query import AmbiguousName, SearchSyntaxError

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AmbiguousName as error:
            if kwargs.get("format") is TableFormat.json:
                _print_json({"error": str(error), "matches": [m.to_dict() for m in error.matches]})
            else:
                from newsgraph.query.tables import matches_table
                out.print(matches_table(error.name, error.matches))
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(1) from None
        except SearchSyntaxError as error:
            err.print(f"[red]error:[/] {escape(str(error))}")
            raise typer.Exit(2) from None
    return _edge(wrapper)  # type: ignore[return-value]


LimitOption = Annotated[int, typer.Option("--limit", help="Items listed (per list)")]


@app.command()
@_asking
def entity(name: Annotated[str, typer.Argument(help="A corpus id, a name or an alias")], db: DbOption = None,
           limit: LimitOption = 20, format: FormatOption = TableFormat.table) -> None:
    """The dossier of an entity: names, roles, claims by and about it, related entities, its events."""
    from newsgraph.query import dossier
    from newsgraph.store import Store

    with Store(db) as store:
        found = dossier(store, name, limit=limit)
    if format is TableFormat.json:
        _print_json(found.to_dict())
        return
    from newsgraph.query.tables import dossier_view
    out.print(dossier_view(found))


@app.command()
@_asking
def timeline(db: DbOption = None,
             entity: Annotated[str | None, typer.Option("--entity", help="A corpus id or name, in any role")] = None,
             place: Annotated[str | None, typer.Option("--place", help="A place (a country: all places in it)")] = None,
             date_from: Annotated[str | None, typer.Option("--from", help="2013, 2013-08 or 2013-08-21")] = None,
             date_to: Annotated[str | None, typer.Option("--to", help="2013, 2013-08 or 2013-08-21")] = None,
             no_claims: Annotated[bool, typer.Option("--no-claims", help="Events only")] = False,
             limit: LimitOption = 200, format: FormatOption = TableFormat.table) -> None:
    """Corpus events and dated claims in date order, each date at its precision."""
    from newsgraph.query import timeline as build
    from newsgraph.store import Store

    for value, option in ((date_from, "--from"), (date_to, "--to")):
        if value is not None and _bad_date(value):
            raise typer.BadParameter(f"{value!r} is not a date like 2013, 2013-08 or 2013-08-21", param_hint=option)
    with Store(db) as store:
        found = build(store, entity=entity, place=place, date_from=date_from, date_to=date_to,
                      claims=not no_claims, limit=limit)
    if format is TableFormat.json:
        _print_json(found.to_dict())
        return
    from newsgraph.query.tables import timeline_table
    out.print(timeline_table(found))


def _bad_date(value: str) -> bool:
    from newsgraph.query.dates import precision
    return precision(value) is None


@app.command()
@_asking
def search(query: Annotated[str, typer.Argument(help="Words, \"a phrase\", AND/OR/NOT, prefix* (SQLite FTS5); "
                                                     "on PostgreSQL web-search syntax")],
           db: DbOption = None,
           kind: Annotated[str | None, typer.Option("--kind", help="document or claim")] = None,
           limit: LimitOption = 20, format: FormatOption = TableFormat.table) -> None:
    """Full-text search over documents and claims, best first, the matches marked."""
    from newsgraph.query import search as find
    from newsgraph.store import Store

    with Store(db) as store:
        hits = find(store, query, kind=kind, limit=limit)
    if format is TableFormat.json:
        _print_json([h.to_dict() for h in hits])
        return
    from newsgraph.query.tables import search_table
    out.print(search_table(query, hits))


@app.command()
@_asking
def claims(db: DbOption = None,
           about: Annotated[str | None, typer.Option("--about", help="A corpus id or name claims are about")] = None,
           by: Annotated[str | None, typer.Option("--by", help="A corpus id or name of the speaker")] = None,
           stance: Annotated[str | None, typer.Option("--stance", help="asserted, denied, ...")] = None,
           via: Annotated[str | None, typer.Option("--via", help="A relaying entity, or the document's outlet")] = None,
           contradicted: Annotated[bool, typer.Option(
               "--contradicted", help="Only claims disputed in their document or contradicted by another")] = False,
           limit: LimitOption = 50, format: FormatOption = TableFormat.table) -> None:
    """Claims by filter: speaker → via → stance → credibility, with the evidence sentence."""
    from newsgraph.query import claims as find
    from newsgraph.store import Store

    with Store(db) as store:
        found = find(store, about=about, by=by, stance=stance, via=via, contradicted=contradicted, limit=limit)
    if format is TableFormat.json:
        _print_json([c.to_dict() for c in found])
        return
    from newsgraph.query.tables import claims_table
    out.print(claims_table(f"{len(found)} claims (newest documents first)", found))


# -- the web UI and REST API: newsgraph.web -------------------------------------------------------

@app.command()
@_edge
def serve(db: DbOption = None,
          host: Annotated[str, typer.Option("--host", help="Address to bind (another than 127.0.0.1 exposes "
                                                           "the store to the network)")] = "127.0.0.1",
          port: Annotated[int, typer.Option("--port", min=1, max=65535, help="TCP port")] = 8000) -> None:
    """Serve the web UI (search, dossiers, documents, link chart, map, timeline) and the JSON API (/docs)."""
    try:
        import uvicorn

        from newsgraph.web.app import create_app
    except ImportError as error:
        raise InputError("newsgraph serve", f"the web extra is not installed ({error.name}): "
                                            "pip install 'newsgraph[web]', or make install") from None
    web = create_app(db)
    guard = web.state.guard
    where = "this machine only" if host in ("127.0.0.1", "localhost", "::1") else "THE NETWORK"
    err.print(f"newsgraph: serving {escape(str(web.state.store.url))} on http://{host}:{port}/ ({where}); "
              f"API docs at /docs")
    if guard.generated:
        err.print(f"newsgraph: corrections token (generated; set NEWSGRAPH_TOKEN to choose one): {guard.token}")
    else:
        err.print("newsgraph: corrections token from NEWSGRAPH_TOKEN")
    uvicorn.run(web, host=host, port=port, log_level="warning")


if __name__ == "__main__":
    app()
