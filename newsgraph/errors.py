"""One exception root, with a subclass per kind of failure a user can act on."""

from __future__ import annotations


class NewsgraphError(Exception):
    """Base of every error newsgraph raises on purpose; the CLI prints these without a traceback."""


class InputError(NewsgraphError):
    """An input file or record cannot be read; the message names it (and the line)."""

    def __init__(self, origin: str, reason: str) -> None:
        super().__init__(f"{origin}: {reason}")
        self.origin = origin
        self.reason = reason


class ExtractionError(NewsgraphError):
    """Extraction could not run or went past a limit."""


class StoreError(NewsgraphError):
    """The store cannot be opened or written."""


class VocabularyError(NewsgraphError):
    """A packaged or user-edited vocabulary file is malformed; the message names the file and the entry."""

    def __init__(self, file: str, entry: str, reason: str) -> None:
        super().__init__(f"{file}: {entry}: {reason}")
        self.file = file
        self.entry = entry
        self.reason = reason


class CorrectionError(NewsgraphError):
    """An analyst's correction (merge, split) is refused; the message says why, and nothing was changed."""
