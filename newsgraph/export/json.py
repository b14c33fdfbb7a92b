"""Corpus JSON writer."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from newsgraph.export.corpus import build_corpus
from newsgraph.model import Document


def write_json(documents: Iterable[Document], out: IO[str], indent: int | None = 2) -> None:
    json.dump(build_corpus(documents), out, ensure_ascii=False, indent=indent)
    out.write("\n")
