"""Near-duplicate documents: one wire story carried by several outlets counts as one source.

Each document's text becomes a MinHash (``datasketch``) of its word shingles; documents whose signatures share
an LSH band are candidates, and a pair whose estimated Jaccard similarity is at least ``copy_jaccard`` is one
story.  Bands are stored keys, so a new document finds its copies through an index, never a scan.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
from datasketch import MinHash
from datasketch.lsh import _optimal_param

from newsgraph.settings import settings

_WORD = re.compile(r"\w+")


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
