"""Small helpers shared by the reader tests."""

from __future__ import annotations

from collections.abc import Iterable

from newsgraph.errors import InputError
from newsgraph.model import SourceDocument


def docs(items: Iterable[object]) -> list[SourceDocument]:
    return [i for i in items if isinstance(i, SourceDocument)]


def errors(items: Iterable[object]) -> list[InputError]:
    return [i for i in items if isinstance(i, InputError)]
