"""Commands over documents: extract, ingest, summary, export, documents, show, check."""

from __future__ import annotations

import json
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from newsgraph.errors import InputError

if TYPE_CHECKING:
    from newsgraph.ingest import Progress as IngestProgress

from newsgraph.cli.common import (
    AuthorColumn,
    DaskOption,
    DateColumn,
    DateFormatOption,
    DayFirstOption,
    DbOption,
    DebugOption,
    EncodingOption,
    ExportFormat,
    ExportTable,
    ExtractFormat,
    IdColumn,
    MaxCharsOption,
    MonthFirstOption,
    PublishedOption,
    SourceColumn,
    TextColumn,
    TimeoutOption,
    TitleColumn,
    UrlColumn,
    WorkersOption,
    _checked_published,
    _edge,
    _found_articles,
    _gazetteer_ready,
    _read_options,
    _report,
    _warn,
    app,
    count_option,
    err,
    out,
)


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
                                 timeout=timeout, debug=debug, report=report, workers=workers,
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
    _found_articles(files, report)
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
                              workers=workers, dask=dask, on_progress=bar.update)
        total = len(store)
    warned = f", {len(report.warnings)} warning{'s' if len(report.warnings) != 1 else ''}" if report.warnings else ""
    err.print(f"{report.added} added, {report.already_stored} already stored, {report.failed} failed{warned}; "
              f"{total} documents in {escape(store.name)}")
    if line := report.skipped_line():
        err.print(escape(line))
    _found_articles(paths, report)
    if report.failed:
        raise typer.Exit(1)


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
            limit: Annotated[int, count_option("--limit", "Entities listed per type")] = 5,
            rows: Annotated[int, count_option("--rows", "Events and claims listed")] = 8,
            format: Annotated[SummaryFormat, typer.Option("--format", "-f")] = SummaryFormat.text) -> None:
    """What the store holds: documents, top entities by type with roles and places, dated events, claims."""
    from newsgraph.store import Store
    from newsgraph.summary import render, summarize

    with Store.existing(db) as store:
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
    with Store.existing(db) as store, _ExportBar() as bar, reporting(bar.update):
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

    with Store.existing(db) as store:
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

    with Store.existing(db) as store:
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

    with Store.existing(db) as store:
        problems = store.check()
        count = len(store)
    for problem in problems:
        _report(problem)
    err.print(f"{count} documents checked, {len(problems)} problems")
    if problems:
        raise typer.Exit(1)
