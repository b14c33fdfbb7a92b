"""How the tokenizer cuts each known name, kept in a file of the cache directory between runs.

Building the entity matchers tokenizes every known name in a dozen contexts (``matchers._tokenizations``):
about 17,000 calls of the scraped-text tokenizer, a second of every cold start.  The result depends only on
the tokenizer (spaCy's version and model, our wrapper's code, the vocabularies it reads) and on the contexts,
so it is written once to ``name-tokens-<version>.json`` beside the gazetteer file and read back on the next
start.  Any change of those inputs makes a new version (a new file); a file that cannot be read or written
is ignored (the names are tokenized again, as without it).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from newsgraph.settings import settings

Sequence = tuple[tuple[str, bool], ...]
_CODE = ("nlp/parse.py", "nlp/furniture/tokens.py", "nlp/entities/matchers.py", "nlp/entities/name_tokens.py")


@lru_cache(maxsize=1)
def version() -> str:
    """Hash of what the tokenizer's cuts depend on: spaCy and its model, our code and every data file."""
    import spacy

    from newsgraph.geo import gazetteer
    from newsgraph.nlp.parse import nlp

    meta = nlp().meta
    digest = hashlib.sha256(f"{spacy.__version__};{meta.get('name')};{meta.get('version')}".encode())
    digest.update(gazetteer.version().encode())
    package = resources.files("newsgraph")
    for module in _CODE:
        digest.update(package.joinpath(module).read_bytes())
    for data in sorted(package.joinpath("data").iterdir(), key=lambda p: p.name):
        if data.name.endswith(".json"):
            digest.update(data.name.encode() + data.read_bytes())
    return digest.hexdigest()[:12]


def _path() -> Path:
    return settings().gazetteer.cache_dir / f"name-tokens-{version()}.json"


@lru_cache(maxsize=1)
def _stored() -> dict[str, list[Sequence]]:
    try:
        raw = json.loads(_path().read_text(encoding="utf-8"))
        return {name: [tuple((str(t), bool(s)) for t, s in seq) for seq in seqs] for name, seqs in raw.items()}
    except (OSError, ValueError, TypeError):
        return {}


def tokenizations(names: list[str], tokenize: Callable[[str], list[Sequence]]) -> dict[str, list[Sequence]]:
    """``tokenize(name)`` for every name, from the file where it holds them; the file is updated with the rest."""
    stored = _stored()
    missing = [n for n in names if n not in stored]
    for name in missing:
        stored[name] = tokenize(name)
    if missing:
        _write(stored)
    return {n: stored[n] for n in names}


def _write(found: dict[str, list[Sequence]]) -> None:
    """Atomically (a temporary file renamed): two processes starting at once never read half a file."""
    path = _path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            json.dump(found, out, ensure_ascii=False)
        os.replace(temporary, path)
    except OSError:
        pass  # a read-only cache directory: the names are tokenized again on the next start
