"""Typed entities (baseline; being improved under issue 2)."""

from __future__ import annotations

from newsgraph.model import Entity, Mention, Relation
from newsgraph.nlp.parse import Parsed

LABELS = {"PERSON": "PER", "ORG": "ORG", "GPE": "GPE", "LOC": "LOC", "FAC": "FAC"}


def extract_entities(parsed: Parsed) -> tuple[list[Entity], list[Relation]]:
    groups: dict[tuple[str, str], list[Mention]] = {}
    for ent in parsed.doc.ents:
        label = LABELS.get(ent.label_)
        if not label:
            continue
        span = ent
        if span[0].lower_ == "the":
            span = span[1:]
        if not len(span):
            continue
        groups.setdefault((span.text, label), []).append(Mention(span.start_char, span.end_char, span.text))
    found = [Entity(id=f"e{i}", name=name, type=label, mentions=tuple(ms))
             for i, ((name, label), ms) in enumerate(groups.items(), 1)]
    return found, []
