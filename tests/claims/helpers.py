"""What the claims tests share: the real pipeline run up to claims, and small hand-built parses."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from newsgraph.model import STANCES, Claim
from newsgraph.nlp.claims import Attribution
from newsgraph.pipeline import Trace, run

VOCAB = spacy.blank("en").vocab  # English lexeme attributes (lower_, like_num), no model


class Run:
    """``pipeline.run(text, until="claims")``: every stage ``extract`` runs, with the claims stage's records."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.trace: Trace = run(text, until="claims")
        self.index = self.trace.index
        self.claims: list[Claim] = self.trace.claims
        self.attributions: list[Attribution] = self.trace.attributions

    def name(self, entity_id: str | None) -> str | None:
        return self.index[entity_id].name if entity_id else None

    def names(self, ids: tuple[str, ...]) -> set[str]:
        return {self.index[i].name for i in ids}

    def one(self, needle: str) -> Claim:
        found = [c for c in self.claims if needle in c.text]
        assert len(found) == 1, (needle, self.claims)
        return found[0]

    def spans(self, role: str) -> list[str]:
        """The text of each attribution's source, cue or content span (``role``)."""
        out = []
        for a in self.attributions:
            span = getattr(a, role)
            if span is not None:
                out.append(self.text[span[0]:span[1]])
        return out


def assert_offsets(text: str, claims: list[Claim]) -> None:
    for claim in claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.stance in STANCES
    assert [c.id for c in claims] == [f"c{n}" for n in range(1, len(claims) + 1)]


def parsed(text: str, rows: str) -> Doc:
    """A hand-built parse of ``text``, one token a line: ``word lemma POS TAG dep head`` (head: the 0-based
    index of the head token, the token's own index for a root); a line break token is written ``\\n``."""
    words, lemmas, pos, tags, deps, heads, spaces = [], [], [], [], [], [], []
    at = 0
    for line in rows.strip().splitlines():
        word, lemma, p, tag, dep, head = (field.replace("\\n", "\n") for field in line.split())
        at = text.index(word, at) + len(word)
        words.append(word)
        spaces.append(text[at:at + 1] == " ")
        lemmas.append(lemma)
        pos.append(p)
        tags.append(tag)
        deps.append(dep)
        heads.append(int(head))
    doc = Doc(VOCAB, words=words, spaces=spaces, lemmas=lemmas, pos=pos, tags=tags, deps=deps, heads=heads)
    assert doc.text == text, (doc.text, text)
    return doc
