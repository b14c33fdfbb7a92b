"""What every ``newsgraph`` command shares: the typer app, the consoles, the options and the error edge."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sys
import textwrap
from collections.abc import Callable, Iterable
from enum import Enum
from functools import wraps
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from newsgraph.errors import InputError, NewsgraphError

if TYPE_CHECKING:
    from newsgraph.ingest import IngestReport, ReadOptions


app = typer.Typer(no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False,
                  help="Turn news reporting into an evidence-linked knowledge graph, offline.")
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")

# a string, not a Path: Path would fold the // of postgresql://user@host/db
DbOption = Annotated[str | None, typer.Option(
    "--db", help="SQLite file or postgresql://user:password@host[:port]/db; default $NEWSGRAPH_DB or ./newsgraph.db",
    show_default=False)]
PublishedOption = Annotated[str | None, typer.Option(
    "--published", help="Publication date for inputs that carry none (2024-02-20, 'Feb 20, 2024', 2024-02, 2024...)")]
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding", help="Decode non-UTF-8 text with this encoding (e.g. cp1252), or 'auto' to detect it")]
TimeoutOption = Annotated[float | None, typer.Option(
    "--timeout", min=0, show_default=False,
    help="Seconds allowed per document (default $NEWSGRAPH_TIMEOUT or 300; 0 = no limit)")]
MaxCharsOption = Annotated[int | None, typer.Option(
    "--max-chars", min=1, show_default=False,
    help="Largest document accepted, in characters (default $NEWSGRAPH_MAX_CHARS or 400,000)")]
DebugOption = Annotated[bool, typer.Option("--debug", help="Show tracebacks of internal errors")]
WorkersOption = Annotated[int | None, typer.Option(
    "--workers", "-w", min=1, show_default=False,
    help="Extraction processes (default: the number of cores; 1 = in this process). The result is the same")]
DaskOption = Annotated[str | None, typer.Option(
    "--dask", metavar="ADDRESS", show_default=False,
    help="Extract on a Dask cluster: its scheduler address (tcp://host:8786), or 'local' for a local cluster "
         "of --workers processes (needs newsgraph[dask])")]


def count_option(name: str, help: str) -> Any:
    """A count option (``--limit``, ``--rows``...): at least 1, so a negative or zero one is a usage error
    naming the option rather than an empty answer."""
    return typer.Option(name, min=1, help=help)


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


def _edge(func: Callable[P, R]) -> Callable[P, R]:
    """Turn the project's own errors into one red line and exit status 1."""
    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except NewsgraphError as error:
            _report(str(error))
            raise typer.Exit(1) from None
        except KeyboardInterrupt:
            err.print("[yellow]interrupted[/]; everything stored so far is kept")
            raise typer.Exit(130) from None
        except OSError as error:
            if error.errno not in _OUTPUT_FAILURES:
                raise
            _output_failed(error)
    return wrapper


# what the system says when output it was given cannot be written: the reader went away (``| head``), the disk
# or the quota is full, the file is over its size limit, the device failed
_OUTPUT_FAILURES = frozenset({errno.EPIPE, errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def _output_failed(error: OSError) -> NoReturn:
    """End a command whose output the system refused: quietly (status 141, as a shell reports SIGPIPE) when the
    reader of a pipe went away, else with one error line. Standard output is pointed at /dev/null first, so that
    Python's own flush at exit does not fail again and print a traceback."""
    with contextlib.suppress(OSError, ValueError):  # a stdout without a descriptor (a test's buffer)
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    if error.errno == errno.EPIPE:
        raise typer.Exit(141) from None
    _report(f"{error.filename or 'standard output'}: cannot write ({(error.strerror or str(error)).lower()})")
    raise typer.Exit(1) from None


def _report(message: str) -> None:
    err.print(f"[red]error:[/] {escape(message)}")


def _warn(message: str, console: Console = err) -> None:
    console.print(f"[yellow]warning:[/] {escape(message)}")


def _found_articles(paths: list[str], report: IngestReport) -> None:
    """Stop with one error naming the inputs when they held nothing to read (an empty directory, a glob of
    images): an empty result would otherwise look like a run that found no entities."""
    from newsgraph.ingest.walk import SUFFIXES

    if report.added or report.already_stored or report.failed:
        return
    raise InputError(", ".join(paths), f"no articles to read (newsgraph reads {', '.join(sorted(SUFFIXES))})")


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




class TableFormat(str, Enum):
    table = "table"
    json = "json"


FormatOption = Annotated[TableFormat, typer.Option("--format", "-f", help="A table, or JSON")]
NoteOption = Annotated[str | None, typer.Option("--note", help="Why: kept with the judgement")]


def _print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _print_json_items(items: Iterable[Any]) -> None:
    """``_print_json(list(items))`` byte for byte, one item at a time (a long listing is never held whole)."""
    opened = False
    for item in items:
        sys.stdout.write(",\n" if opened else "[\n")
        sys.stdout.write(textwrap.indent(json.dumps(item, ensure_ascii=False, indent=2), "  "))
        opened = True
    sys.stdout.write("\n]\n" if opened else "[]\n")


def _entity_line(entity: Any) -> str:
    return (f"{escape(entity.id)} ({escape(entity.name)}, {entity.type}, {len(entity.documents)} documents, "
            f"{len(entity.aliases)} aliases)")


def _author() -> str | None:
    import getpass
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container: the judgement is still kept
        return None
