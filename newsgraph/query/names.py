"""Which corpus entity a user means: an id, or a name or alias (case and accents folded).

    >>> find(store, "laurent fabius")       # [NameMatch(id="per:laurent-fabius", ...)]
    >>> resolve(store, "Fabius")             # the one corpus id, or AmbiguousName / UnknownName

An exact corpus id wins; otherwise every corpus entity one of whose document entities has the name or
alias.  ``resolve`` raises ``AmbiguousName`` (with the matches, for a table and the advice to pass an id)
when several match, ``UnknownName`` (with the closest names, by rapidfuzz) when none does.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import Connection, func, select

from newsgraph.errors import NewsgraphError
from newsgraph.query.common import names
from newsgraph.store import schema
from newsgraph.store.search import fold

if TYPE_CHECKING:
    from newsgraph.store import Store

__all__ = ["AmbiguousName", "NameMatch", "UnknownName", "find", "resolve", "resolve_in"]

_SUGGESTIONS = 5


@dataclass(frozen=True)
class NameMatch:
    """A corpus entity a name may mean."""

    id: str
    name: str
    type: str
    documents: int  # documents in which one of its entities has the name
    country: str | None

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "type": self.type, "documents": self.documents,
                "country": self.country}


class AmbiguousName(NewsgraphError):
    """Several corpus entities have this name: pass one of their ids."""

    def __init__(self, name: str, matches: list[NameMatch]) -> None:
        super().__init__(f"{name!r} names {len(matches)} corpus entities: pass one of their ids "
                         f"({', '.join(m.id for m in matches[:8])})")
        self.name = name
        self.matches = matches


class UnknownName(NewsgraphError):
    """No corpus entity has this id or name."""

    def __init__(self, name: str, closest: list[str]) -> None:
        hint = f"; closest: {', '.join(closest)}" if closest else ""
        super().__init__(f"no entity named {name!r}{hint}")
        self.name = name
        self.closest = closest


def find(store: Store, name: str) -> list[NameMatch]:
    """The corpus entities ``name`` may mean (its id, else its name or alias), most documents first."""
    with store.engine.connect() as conn:
        return _find(conn, name)


def resolve(store: Store, name: str) -> str:
    """The corpus id ``name`` means; ``AmbiguousName`` or ``UnknownName`` when it means several or none."""
    with store.engine.connect() as conn:
        return resolve_in(conn, name)


def resolve_in(conn: Connection, name: str) -> str:
    matches = _find(conn, name)
    if len(matches) == 1:
        return matches[0].id
    if matches:
        raise AmbiguousName(name, matches)
    raise UnknownName(name, _closest(conn, name))


def _find(conn: Connection, name: str) -> list[NameMatch]:
    n, m, en, e = schema.corpus_nodes, schema.corpus_members, schema.entity_names, schema.entities
    if conn.execute(select(n.c.corpus_id).where(n.c.corpus_id == name).limit(1)).first() is not None:
        return [_match(conn, name, None)]
    query = (select(n.c.corpus_id, func.count(func.distinct(en.c.doc_pk)).label("docs"))
             .join(m, (m.c.doc_pk == en.c.doc_pk) & (m.c.local_id == en.c.local_id))
             .join(n, n.c.node == m.c.node).where(en.c.folded == fold(name)).group_by(n.c.corpus_id))
    found = [_match(conn, r.corpus_id, int(r.docs)) for r in conn.execute(query)]
    if not found:  # an entity not resolved (a store from before resolution): its own global id
        rows = conn.execute(select(e.c.global_id, func.count(func.distinct(e.c.doc_pk)).label("docs"))
                            .join(en, (en.c.doc_pk == e.c.doc_pk) & (en.c.local_id == e.c.local_id))
                            .where(en.c.folded == fold(name)).group_by(e.c.global_id))
        found = [_match(conn, r.global_id, int(r.docs)) for r in rows]
    return sorted(found, key=lambda x: (-x.documents, x.id))


def _match(conn: Connection, corpus_id: str, documents: int | None) -> NameMatch:
    from newsgraph.query.common import nodes_of

    nodes = nodes_of(conn, corpus_id)
    own = next((x for x in nodes if x.key == corpus_id), nodes[0] if nodes else None)
    countries: dict[str, int] = {}
    for node in nodes:
        for country, count in node.countries:
            countries[country] = countries.get(country, 0) + count
    return NameMatch(id=corpus_id, name=own.name if own else names(conn, [corpus_id])[corpus_id],
                     type=own.type if own else corpus_id.split(":", 1)[0].upper(),
                     documents=documents if documents is not None else sum(x.members for x in nodes),
                     country=min(countries, key=lambda c: (-countries[c], c)) if countries else None)


def _closest(conn: Connection, name: str) -> list[str]:
    """The stored names nearest ``name`` (rapidfuzz WRatio over the distinct folded names)."""
    from rapidfuzz import fuzz, process

    en = schema.entity_names
    choices = list(conn.execute(select(en.c.folded).distinct()).scalars())
    best = process.extract(fold(name), choices, scorer=fuzz.WRatio, limit=_SUGGESTIONS, score_cutoff=60)
    return [choice for choice, _, _ in best]
