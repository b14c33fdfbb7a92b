"""How the entity tests run the pipeline and read its output, and hand-built parses for rule tests."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc

from newsgraph.model import Entity, Relation
from newsgraph.nlp.parse import nlp
from newsgraph.pipeline import run


@dataclass(frozen=True)
class Extraction:
    """The entities and relations of one text, after the stage the test asked for."""

    text: str
    entities: tuple[Entity, ...]
    relations: tuple[Relation, ...]

    def named(self, name: str) -> Entity:
        """The entity whose name or alias is ``name``; fails the test, listing the names, when there is none."""
        entity = self.find(name)
        assert entity is not None, f"no entity named {name!r} in {[e.name for e in self.entities]}"
        return entity

    def find(self, name: str) -> Entity | None:
        wanted = name.casefold()
        return next((e for e in self.entities
                     if e.name.casefold() == wanted or wanted in (a.casefold() for a in e.aliases)), None)

    def entity(self, entity_id: str) -> Entity:
        return next(e for e in self.entities if e.id == entity_id)

    def links(self) -> set[tuple[str, str, str]]:
        """(subject name, predicate, object name) of every relation."""
        return {(self.entity(r.subject).name, r.predicate, self.entity(r.object).name) for r in self.relations}


_NO_SPACE_BEFORE = {",", ".", ":", ";", ")", "'s", "\u2019s", "'", "-"}
_NO_SPACE_AFTER = {"(", "-"}


def _spaces(words: Sequence[str]) -> list[bool]:
    """Spaces as text has them: none before a comma, "'s" or a hyphen, none after a hyphen or a bracket."""
    return [i + 1 < len(words) and word not in _NO_SPACE_AFTER and words[i + 1] not in _NO_SPACE_BEFORE
            for i, word in enumerate(words)]


@cache
def extract(text: str, until: str = "entities") -> Extraction:
    """The pipeline run up to ``until`` ("entities"; "places" for coordinates), once per text."""
    trace = run(text, until=until)
    return Extraction(text, tuple(trace.entities), tuple(trace.relations))


def parse(words: Sequence[str], *, pos: Sequence[str] | None = None, tags: Sequence[str] | None = None,
          heads: Sequence[int] | None = None, deps: Sequence[str] | None = None, ents: Sequence[str] | None = None,
          spaces: Sequence[bool] | None = None) -> Doc:
    """A hand-built parse in the model's vocabulary: the rule under test sees exactly these tokens, tags,
    dependencies (``heads`` are absolute token indices) and entities (IOB strings such as "B-PERSON"),
    whatever the model would have said."""
    def given(values: Sequence[object] | None) -> list | None:
        return list(values) if values is not None else None

    return Doc(nlp().vocab, words=list(words), spaces=given(spaces) or _spaces(words), pos=given(pos),
               tags=given(tags), heads=given(heads), deps=given(deps), ents=given(ents))


def type_by_name(found: Extraction) -> dict[str, str]:
    """Each entity's name and its type."""
    return {e.name: e.type for e in found.entities}
