"""Near-duplicate documents: one wire story carried by several outlets counts as one source.

Each document's text becomes a MinHash (``datasketch``) of its word shingles; documents whose signatures share
an LSH band are candidates, and a pair whose estimated Jaccard similarity is at least ``copy_jaccard`` is one
story.  Bands are stored keys, so a new document finds its copies through an index, never a scan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import TypeVar

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from newsgraph.settings import settings

_WORD = re.compile(r"\w+")
Doc = TypeVar("Doc", int, str)  # how a caller names its documents: a store key, or a text hash


@lru_cache(maxsize=1)
def _bands() -> tuple[int, int]:
    cfg = settings().claim_links
    return _optimal_param(cfg.copy_jaccard, cfg.permutations, 0.5, 0.5)


@lru_cache(maxsize=4)
def _permutations(num_perm: int) -> np.ndarray:
    """The seeded hash permutations of a MinHash: drawn once per process (datasketch draws them in every
    ``MinHash()``, a quarter of a signature's CPU), the same numbers every time."""
    return MinHash(num_perm=num_perm, seed=1).permutations


def signature(text: str) -> list[int]:
    """The MinHash signature of a text's word shingles."""
    cfg = settings().claim_links
    words = _WORD.findall(text.casefold())
    n = cfg.shingle
    shingles = {" ".join(words[i:i + n]).encode() for i in range(max(1, len(words) - n + 1))}
    sketch = MinHash(num_perm=cfg.permutations, seed=1, permutations=_permutations(cfg.permutations))
    sketch.update_batch(list(shingles))
    return [int(x) for x in sketch.hashvalues]


def band_keys(sig: Sequence[int]) -> list[str]:
    """The LSH band keys of a signature (two documents sharing one are candidates)."""
    bands, rows = _bands()
    out = []
    for i in range(bands):
        part = ",".join(str(x) for x in sig[i * rows:(i + 1) * rows])
        out.append(f"{i}:" + hashlib.sha1(part.encode()).hexdigest()[:16])
    return out


def jaccard(a: Sequence[int], b: Sequence[int]) -> float:
    """The estimated Jaccard similarity of two signatures."""
    return float(np.mean(np.asarray(a, dtype=np.uint64) == np.asarray(b, dtype=np.uint64)))


def is_copy(a: Sequence[int], b: Sequence[int]) -> bool:
    return jaccard(a, b) >= settings().claim_links.copy_jaccard


def copy_pairs(by_band: Mapping[str, Sequence[Doc]], sketches: Mapping[Doc, tuple[str, Sequence[int]]]
               ) -> set[tuple[str, str]]:
    """Pairs of text hashes (smaller first) that carry one story: documents that share a band (``by_band``:
    band key -> the documents with it) and whose signatures are copies (``sketches``: document -> its text
    hash and signature; a document without one is passed over)."""
    pairs = {(x, y) for found in by_band.values() for x in found for y in found if x < y}
    out = set()
    for x, y in pairs:
        if x in sketches and y in sketches and is_copy(sketches[x][1], sketches[y][1]):
            first, second = sorted((sketches[x][0], sketches[y][0]))
            out.add((first, second))
    return out
