"""How to read inputs: encoding, size limit, the columns of record files, the rule for numeric dates."""

from __future__ import annotations

from dataclasses import dataclass, field

from newsgraph.ingest.dates import DateRule
from newsgraph.ingest.limits import default_max_chars
from newsgraph.ingest.records import Columns


@dataclass(frozen=True)
class ReadOptions:
    """Everything a reader may be told; the defaults read UTF-8 with the usual column names."""

    encoding: str | None = None  # None: UTF-8 (or a byte-order mark); "auto": detect; else this codec
    max_chars: int | None = None  # per document; None: $NEWSGRAPH_MAX_CHARS or 400,000
    columns: Columns = field(default_factory=Columns)
    dates: DateRule = field(default_factory=DateRule)

    @property
    def char_limit(self) -> int:
        return self.max_chars or default_max_chars()
