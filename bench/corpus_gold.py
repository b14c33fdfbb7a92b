"""Scoring a corpus export against cross-document gold (``../shared/corpus/corpus-*.json``).

Gold names a thing by any of its names in the per-document gold files.  Each gold
entity is found in the system's document by its names: every occurrence of a gold
name or alias in the text is matched to the system mentions overlapping it, and the
system entity with the most such mentions is the gold entity's system counterpart;
its corpus id comes from the export.  Then:

- merge recall: of the pairs of documents that a ``same_entity`` set says mention one
  thing, the share whose counterparts have one corpus id (a set whose name a
  document's extraction misses counts as missed pairs, and is listed as such);
- distinct: no ``distinct`` pair may share a corpus id (in any document).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path
from typing import Any


@dataclass
class GoldScore:
    pairs: int = 0
    merged: int = 0
    unextracted: list[str] = field(default_factory=list)  # "name in doc": no system entity found
    split: list[str] = field(default_factory=list)  # "name: doc=id, doc=id"
    distinct: int = 0
    distinct_merged: list[str] = field(default_factory=list)

    missed_pairs: int = 0  # pairs with a document whose extraction misses the entity

    @property
    def recall(self) -> float:
        return self.merged / self.pairs if self.pairs else 1.0


def _gold_entity(gold: dict[str, Any], name: str) -> dict[str, Any] | None:
    wanted = name.casefold()
    for entity in gold["entities"]:
        if wanted in {n.casefold() for n in (entity["name"], *entity.get("aliases", []))}:
            return entity
    return None


def counterpart(doc: dict[str, Any], gold_entity: dict[str, Any]) -> dict[str, Any] | None:
    """The system entity of ``doc`` (contract JSON with text) that the gold entity's names point at."""
    text = doc["text"]
    spans = set()
    for name in {gold_entity["name"], *gold_entity.get("aliases", [])}:
        # scraped text lost its apostrophes: "Bashar al-Assads forces" is a mention of Bashar al-Assad
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"s?(?!\w)", text):
            spans.add((m.start(), m.end()))
    mentions = [(e["id"], m["start"], m["end"]) for e in doc["entities"] for m in e["mentions"]]
    votes: Counter[str] = Counter()
    for start, end in sorted(spans):
        # the mention that is exactly the gold name, else a mention mostly made of it: "Hasakeh city" is
        # Hasakeh, but "Syrias Hasakeh" is not Syria, nor "U.N. Security Council" the U.N.
        exact = [eid for eid, s, e in mentions if (s, e) == (start, end)]
        mostly = [eid for eid, s, e in mentions if min(e, end) - max(s, start) > (e - s) / 2]
        votes.update({eid: 2 for eid in exact} if exact else mostly)
    if not votes:
        names = {n.casefold() for n in (gold_entity["name"], *gold_entity.get("aliases", []))}
        for entity in doc["entities"]:  # no occurrence found (e.g. a gold alias not in the text): by name
            if {entity["name"].casefold(), *(a.casefold() for a in entity["aliases"])} & names:
                votes[entity["id"]] += 1
    if not votes:
        return None
    best = min(votes, key=lambda k: (-votes[k], k))
    return next(e for e in doc["entities"] if e["id"] == best)


def score_gold(gold_path: Path, docs: dict[str, dict[str, Any]], ids: dict[tuple[str, str], str]) -> GoldScore:
    """Score one cross-document gold file; ``docs`` by doc id (with text), ``ids``: (doc, local id) -> corpus id."""
    corpus_gold = json.loads(gold_path.read_text(encoding="utf-8"))
    per_doc = {d: json.loads((gold_path.parent / meta["gold"]).read_text(encoding="utf-8"))
               for d, meta in corpus_gold["documents"].items()}
    out = GoldScore()

    def corpus_ids(name: str, in_docs: list[str]) -> dict[str, str | None]:
        found: dict[str, str | None] = {}
        for doc_id in in_docs:
            gold_entity = _gold_entity(per_doc[doc_id], name)
            system = counterpart(docs[doc_id], gold_entity) if gold_entity and doc_id in docs else None
            found[doc_id] = ids.get((doc_id, system["id"])) if system else None
        return found

    for item in corpus_gold["same_entity"]:
        found = corpus_ids(item["name"], item["in"])
        out.unextracted += [f"{item['name']} in {d}" for d, cid in found.items() if cid is None]
        for a, b in combinations(item["in"], 2):
            out.pairs += 1
            out.merged += found[a] is not None and found[a] == found[b]
            out.missed_pairs += found[a] is None or found[b] is None
        if len({c for c in found.values()}) > 1:
            out.split.append(f"{item['name']}: " + ", ".join(f"{d}={c}" for d, c in found.items()))
    for a, b in corpus_gold["distinct"]:
        out.distinct += 1
        in_docs = [d for d in per_doc if _gold_entity(per_doc[d], a) or _gold_entity(per_doc[d], b)]
        ids_a = {c for c in corpus_ids(a, [d for d in in_docs if _gold_entity(per_doc[d], a)]).values() if c}
        ids_b = {c for c in corpus_ids(b, [d for d in in_docs if _gold_entity(per_doc[d], b)]).values() if c}
        if ids_a & ids_b:
            out.distinct_merged.append(f"{a} / {b}: {sorted(ids_a & ids_b)}")
    return out


# --- claims across documents: corroborates / contradicts pairs ------------------------------------------

@dataclass
class ClaimGoldScore:
    kind: str
    pairs: int = 0
    linked: int = 0
    unextracted: list[str] = field(default_factory=list)   # a side with no system claim
    missed: list[str] = field(default_factory=list)        # both sides found, not linked

    @property
    def recall(self) -> float:
        return self.linked / self.pairs if self.pairs else 1.0


def _norm(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", text.casefold().replace("'", "")).split())


def claim_counterparts(side: dict[str, Any], per_doc: dict[str, Any], export: dict[str, Any]) -> list[str]:
    """The system claims a gold side names: in its document, by speaker (gold names and aliases against the
    speaker entity's names or the speaker text) and key phrase (inside the claim's text or evidence)."""
    gold_claim = next((c for c in per_doc[side["doc"]]["claims"]
                       if c["speaker"] == side["speaker"] and c["key"] == side["key"]), {})
    wanted = {_norm(n) for n in (side["speaker"], *side.get("speaker_alt", []), *gold_claim.get("speaker_aliases", []))}
    gold_entity = _gold_entity(per_doc[side["doc"]], side["speaker"])
    if gold_entity:
        wanted |= {_norm(n) for n in (gold_entity["name"], *gold_entity.get("aliases", []))}
    names = {e["id"]: {_norm(n) for n in (e["name"], *e["aliases"])} for e in export["entities"]}
    key = _norm(side["key"])
    out = []
    for c in export["claims"]:
        if c["doc_id"] != side["doc"] or not (key in _norm(c["text"]) or key in _norm(c["evidence"]["text"])):
            continue
        said = names.get(c["speaker"] or "", set()) | ({_norm(c["speaker_text"])} if c["speaker_text"] else set())
        if said & wanted or any(len(w) >= 5 and (w in s or s in w) for w in wanted for s in said if len(s) >= 5):
            out.append(c["id"])
    return out


def score_claim_gold(gold_path: Path, export: dict[str, Any]) -> list[ClaimGoldScore]:
    """The share of gold ``corroborates`` and ``contradicts`` pairs the export links (either direction)."""
    corpus_gold = json.loads(gold_path.read_text(encoding="utf-8"))
    per_doc = {d: json.loads((gold_path.parent / meta["gold"]).read_text(encoding="utf-8"))
               for d, meta in corpus_gold["documents"].items()}
    claims = {c["id"]: c for c in export["claims"]}
    out = []
    for kind, field_name in (("corroborates", "corroborated_by"), ("contradicts", "contradicted_by")):
        score = ClaimGoldScore(kind)
        for pair in corpus_gold.get(kind, []):
            score.pairs += 1
            a, b = (claim_counterparts(pair[s], per_doc, export) for s in ("a", "b"))
            label = f"{pair['a']['speaker']}: {pair['a']['key']} / {pair['b']['speaker']}: {pair['b']['key']}"
            if not a or not b:
                score.unextracted.append(label + (" (side a not extracted)" if not a else " (side b not extracted)"))
                continue
            if any(y in claims[x][field_name] for x in a for y in b):
                score.linked += 1
            else:
                score.missed.append(f"{label} ({', '.join(a)} / {', '.join(b)})")
        out.append(score)
    return out
