"""An analyst's reliability grades for sources, kept in the store over the grades file (``vocab.sources``).

    >>> from newsgraph.store.source_grades import grade_source, graded_sources
    >>> grade_source(store, "SANA", "E", note="relayed a fabricated video in 2017")
    >>> graded_sources(store)[0]   # every source of the file and the store, with the grade that holds
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import delete, insert, select

from newsgraph.errors import InputError
from newsgraph.vocab.sources import GRADES, fold, load_sources

if TYPE_CHECKING:
    from newsgraph.store import Store


@dataclass(frozen=True)
class GradedSource:
    name: str
    kind: str | None
    affiliation: str | None
    grade: str
    why: str
    overridden: bool  # the grade is the store's, not the file's


def grade_source(store: Store, name: str, grade: str, note: str | None = None) -> GradedSource:
    """Record ``grade`` (A-F) for the source ``name`` (a name or alias of the grades file, or a new name)."""
    from newsgraph.store import schema
    from newsgraph.store.claim_grades import regrade_source
    from newsgraph.store.corpus import now

    wanted = grade.strip().upper()
    if wanted not in GRADES:
        raise InputError(repr(grade), f"a reliability grade is one of {', '.join(GRADES)}")
    if not fold(name):
        raise InputError(repr(name), "a source needs a name")
    known = load_sources().find(name)
    key, shown = (known.key, known.name) if known else (fold(name), name.strip())
    g = schema.source_grades
    with store.writer_lock() as conn:
        conn.execute(delete(g).where(g.c.name == key))
        conn.execute(insert(g).values(name=key, shown=shown, grade=wanted, note=note, created_at=now()))
        regrade_source(conn, key)  # the stored claim grades that tried this source
    return next(s for s in graded_sources(store) if fold(s.name) == key)


def graded_sources(store: Store) -> list[GradedSource]:
    """Every source of the grades file and every source the store grades, by name."""
    from newsgraph.store import schema

    g = schema.source_grades
    with store.engine.connect() as conn:
        stored = {r.name: r for r in conn.execute(select(g))}
    out = []
    for s in load_sources().entries:
        row = stored.pop(s.key, None)
        out.append(GradedSource(s.name, s.kind, s.affiliation, row.grade if row else s.grade,
                                (row.note or s.why) if row else s.why, row is not None))
    out += [GradedSource(r.shown, None, None, r.grade, r.note or "", True) for r in stored.values()]
    return sorted(out, key=lambda s: s.name.casefold())
