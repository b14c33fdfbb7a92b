"""Corpus resolution on the 804 FA-KES articles: speed, the entities in most documents, split names, gold,
and the corpus events told by most documents with their figures per source.

    .venv/bin/python bench/corpus.py                 # timing on cached extractions + the top-200 list
    .venv/bin/python bench/corpus.py --score         # ... and the cross-document gold (../shared/corpus)
    .venv/bin/python bench/corpus.py --end-to-end 60 # ... and real ingest (extraction included) of 60 articles
    .venv/bin/python bench/corpus.py --events 30     # ... and the 30 corpus events in most documents
    .venv/bin/python bench/corpus.py --claim-sample 30 --seed 11  # ... and 30 claim links of each kind, to read

Extraction dominates ingest, so the 804 articles are extracted once into a JSON Lines
cache (``--cache``, default /tmp/newsgraph-fakes-<code hash>.jsonl, ~3-4 min on one
core) and resolution is timed on those extractions: every article is added to a fresh
SQLite store twice, with resolution and without (``Corpus.attach`` switched off), in
one run.  ``--end-to-end N`` measures the real ratio with extraction on N articles.
"Before" figures use the corpus ids of the previous rule (type and normalised name,
GeoNames id, or the country of any placed name without a point).
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

GOLD_DOCS = ("fakes-0042", "fakes-0063", "fakes-0482", "fakes-0495", "fakes-0516")
sys.path.insert(0, str(Path(__file__).resolve().parent))  # common and corpus_gold, also as bench.corpus (web.py)

from common import FAKES, ROOT, SHARED  # noqa: E402
from corpus_gold import score_claim_gold, score_gold  # noqa: E402

from newsgraph.model import Claim, DateMention, Document, Entity, Event, Quantity, Relation, Span  # noqa: E402


def _published(value: str) -> str | None:
    parts = value.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts):
        return None
    month, day, year = (int(p) for p in parts)
    return f"{year:04d}-{month:02d}-{day:02d}"


def fakes_rows() -> list[dict[str, str]]:
    with FAKES.open(encoding="latin-1", newline="") as handle:
        return list(csv.DictReader(handle))


def document_from_dict(d: dict[str, Any]) -> Document:
    """A ``Document`` back from ``to_dict(include_text=True)``."""
    def span(s: dict[str, Any]) -> Span:
        return Span(s["start"], s["end"], s["text"])

    def counts(found: list[dict[str, Any]]) -> tuple[Quantity, ...]:
        return tuple(Quantity(**{**q, "span": span(q["span"])}) for q in found)
    return Document(
        doc_id=d["doc_id"], text=d["text"], text_sha256=d["text_sha256"], title=d["title"],
        published=d["published"], source=d["source"], url=d["url"], author=d["author"],
        entities=tuple(Entity(**{**e, "aliases": tuple(e["aliases"]), "roles": tuple(e["roles"]),
                                 "mentions": tuple(span(m) for m in e["mentions"])}) for e in d["entities"]),
        events=tuple(Event(**{**v, "evidence": span(v["evidence"]), "actors": tuple(v["actors"]),
                              "targets": tuple(v["targets"]), "quantities": counts(v.get("quantities", []))})
                     for v in d["events"]),
        claims=tuple(Claim(**{**c, "evidence": span(c["evidence"]), "via": tuple(c["via"]),
                              "about": tuple(c["about"]), "quantities": counts(c.get("quantities", []))})
                     for c in d["claims"]),
        relations=tuple(Relation(r["subject"], r["predicate"], r["object"], span(r["evidence"]))
                        for r in d["relations"]),
        dates=tuple(DateMention(**x) for x in d["dates"]))


def _code_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted((ROOT / "newsgraph").rglob("*")):
        if path.suffix in (".py", ".json") and "resolve" not in path.parts and "store" not in path.parts:
            digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def cached_documents(cache: Path | None) -> list[Document]:
    """The 804 articles extracted (doc ids fakes-NNNN by row), from the cache or extracted now into it."""
    path = cache or Path(tempfile.gettempdir()) / f"newsgraph-fakes-{_code_hash()}.jsonl"
    if not path.is_file():
        import newsgraph
        rows = fakes_rows()
        tmp = path.with_suffix(".part")
        started = time.perf_counter()
        with tmp.open("w", encoding="utf-8") as out:
            for i, row in enumerate(rows):
                doc = newsgraph.extract(row["article_content"], _published(row["date"]), doc_id=f"fakes-{i:04d}",
                                        title=row["article_title"], source=row["source"])
                out.write(json.dumps(doc.to_dict(include_text=True), ensure_ascii=False) + "\n")
                if i % 50 == 0:
                    print(f"  extracted {i}/{len(rows)} in {time.perf_counter() - started:.0f} s", file=sys.stderr)
        tmp.replace(path)
    with path.open(encoding="utf-8") as handle:
        return [document_from_dict(json.loads(line)) for line in handle]


def timed_store(documents: Iterable[Document], resolve: bool, keep: Path | None = None,
                events: int = 0) -> tuple[float, Any]:
    """Seconds to add ``documents`` to a fresh SQLite store (with or without resolution), and its entities.

    ``keep``: the store's path (it is replaced), to look at it afterwards with the CLI; ``events``: print the
    corpus events in most documents (``report_events``).
    """
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    original: Callable[..., None] = Corpus.attach
    if not resolve:
        Corpus.attach = lambda self, conn, pk, doc: None  # type: ignore[method-assign]
    try:
        with tempfile.TemporaryDirectory() as tmp:
            path = keep or Path(tmp) / "bench.db"
            for stale in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
                stale.unlink(missing_ok=True)
            with Store(path) as store:
                started = time.perf_counter()
                for doc in documents:
                    store.add(doc)
                seconds = time.perf_counter() - started
                if resolve and events:
                    report_events(store, events)
                return seconds, Corpus(store).entities() if resolve else None
    finally:
        Corpus.attach = original  # type: ignore[method-assign]


def old_corpus_id(entity: Entity) -> str:
    """The corpus id before corpus resolution (for the "before" figures)."""
    from newsgraph.resolve.ids import normalise_name
    if entity.geonames_id is not None:
        return f"geonames:{entity.geonames_id}"
    if entity.type == "GPE" and entity.country and entity.lat is None:
        return f"country:{entity.country.upper()}"
    return f"{entity.type.lower()}:{normalise_name(entity.name)}"


def split_names(groups: dict[str, set[str]]) -> int:
    """How many names (entity names and aliases, case folded) are names of two or more corpus entities."""
    ids: dict[str, set[str]] = defaultdict(set)
    for cid, names in groups.items():
        for name in names:
            ids[name.casefold()].add(cid)
    return sum(1 for found in ids.values() if len(found) > 1)


def report_before(documents: list[Document]) -> None:
    groups: dict[str, set[str]] = defaultdict(set)
    docs: dict[str, set[str]] = defaultdict(set)
    for doc in documents:
        for e in doc.entities:
            cid = old_corpus_id(e)
            groups[cid].update((e.name, *e.aliases))
            docs[cid].add(doc.doc_id)
    print(f"before: {len(groups)} corpus entities, {split_names(groups)} names under two or more ids")


def report_top(entities: list[Any], top: int) -> None:
    groups = {e.id: set(e.names) for e in entities}
    print(f"after:  {len(entities)} corpus entities, {split_names(groups)} names under two or more ids")
    print(f"\nthe {top} corpus entities in most documents:")
    print(f"{'':>4} {'docs':>4}  {'type':4} {'id':44} {'aliases':>7}  name | aliases")
    for rank, e in enumerate(entities[:top], 1):
        shown = ", ".join(e.aliases[:6]) + (" ..." if len(e.aliases) > 6 else "")
        print(f"{rank:>4} {len(e.documents):>4}  {e.type:4} {e.id[:44]:44} {len(e.aliases):>7}  {e.name} | {shown}")


CASUALTIES = ("killed", "injured", "casualties")


def report_events(store: Any, top: int) -> None:
    """The ``top`` corpus events told by most documents: their reports and their casualty figures per source."""
    from newsgraph.store.corpus import Corpus

    corpus = Corpus(store)
    events = corpus.events()
    multi = [e for e in events if len(e.documents) > 1]
    ids = {p for e in multi[:top] for p in (*e.places, *e.participants)}
    names = corpus.names(ids)
    print(f"\n{len(events)} corpus events from {sum(len(e.reports) for e in events)} reports; "
          f"{len(multi)} told by two or more documents ({sum(len(e.documents) for e in multi)} documents' reports)")
    print(f"the {top} corpus events in most documents:")
    for rank, e in enumerate(multi[:top], 1):
        when = e.date_start if e.date_start == e.date_end else f"{e.date_start} .. {e.date_end}"
        where = names.get(e.place or "", e.place or "no place")
        who = ", ".join(names.get(p, p) for p in e.participants[:4])
        print(f"{rank:>3}. {e.id}  {e.type}  {when or 'undated'}  at {where}  [{who}]  "
              f"{len(e.documents)} documents, {len(e.reports)} reports")
        for r in e.reports:
            print(f"       {r.event:18} {r.outlet:13} date {r.date or '-':10} published {r.published or '-':10} "
                  f"at {names.get(r.place or '', r.place or '-'):18} '{r.trigger}': {r.evidence.text[:90]!r}")
        for f in e.figures:
            if f.counted.split(":")[0] in CASUALTIES:
                print(f"         {f.counted:16} {f.source_name[:40]:40} low {f.low} best {f.best} high {f.high}  "
                      f"({'; '.join(f.texts)[:60]})")


def report_gold(documents: list[Document]) -> None:
    """Merge recall and distinct pairs on the shared cross-document gold."""
    import newsgraph
    from newsgraph.resolve import resolve_documents

    gold_docs = []
    for doc_id in GOLD_DOCS:
        meta = json.loads((SHARED / "corpus" / f"{doc_id}.gold.json").read_text(encoding="utf-8"))
        text = (SHARED / "corpus" / f"{doc_id}.txt").read_text(encoding="utf-8")
        gold_docs.append(newsgraph.extract(text, meta["published"], doc_id=doc_id))
    shas = {d.text_sha256 for d in gold_docs}
    others = [d for d in documents if d.text_sha256 not in shas]  # the gold articles' own rows (and copies)
    by_id = {d.doc_id: d.to_dict(include_text=True) for d in gold_docs}
    for label, corpus in (("the five gold articles", gold_docs), ("the gold articles among all 804", gold_docs + others)):
        resolution = resolve_documents(corpus)
        for name in ("corpus-ghouta.json", "corpus-hasakeh.json"):
            s = score_gold(SHARED / "corpus" / name, by_id, dict(resolution.ids))
            extracted = s.pairs - s.missed_pairs
            print(f"{name} over {label}: merge recall {s.recall:.3f} ({s.merged}/{s.pairs} pairs; "
                  f"{s.merged}/{extracted} where both documents have the entity), "
                  f"distinct pairs merged {len(s.distinct_merged)}/{s.distinct}")
            for line in s.split:
                print(f"    apart: {line}")
            for line in s.unextracted:
                print(f"    not extracted: {line}")
            for line in s.distinct_merged:
                print(f"    MERGED: {line}")
        report_claim_gold(corpus, label)


def report_claim_gold(corpus: list[Document], label: str) -> None:
    """The share of gold corroborates / contradicts claim pairs linked in the corpus export."""
    from newsgraph.export import build_corpus

    export = build_corpus(corpus)
    for name in ("corpus-ghouta.json", "corpus-hasakeh.json"):
        for s in score_claim_gold(SHARED / "corpus" / name, export):
            extracted = s.pairs - len(s.unextracted)
            print(f"{name} over {label}: {s.kind} linked {s.linked}/{s.pairs} ({s.linked}/{extracted} where "
                  f"extraction gives both claims)")
            for line in s.unextracted:
                print(f"    not extracted: {line}")
            for line in s.missed:
                print(f"    not linked: {line}")


def report_claim_sample(documents: list[Document], count: int, seed: int) -> None:
    """``count`` corroborations across documents and ``count`` contradictions drawn with ``seed`` from the links
    of all the articles, each with both claims' outlet, day, speaker and sentence, to be read and judged."""
    import random

    from newsgraph.export import build_corpus

    claims = {c["id"]: c for c in build_corpus(documents)["claims"]}
    docs = {d.doc_id: d for d in documents}
    for field_name, label in (("corroborated_by", "corroborations across documents"),
                              ("contradicted_by", "contradictions")):
        pairs = sorted({(a, b) for a, c in claims.items() for b in c[field_name] if a < b and b in claims
                        and (field_name == "contradicted_by" or claims[a]["doc_id"] != claims[b]["doc_id"])})
        print(f"\n{len(pairs)} {label}; {min(count, len(pairs))} drawn with seed {seed}:")
        for rank, pair in enumerate(random.Random(seed).sample(pairs, min(count, len(pairs))), 1):
            print(f"[{rank}]")
            for key in pair:
                c, doc = claims[key], docs[claims[key]["doc_id"]]
                print(f"    {key} [{doc.source} {doc.published}] {c['speaker_text']!r} {c['stance']}: "
                      f"{c['evidence']['text'][:240]!r}")


def report_end_to_end(count: int) -> None:
    """Real ingest of ``count`` articles: each is extracted once (timed), then stored in a store without
    resolution and in one with it (each timed), so both sums see the same extraction and the same load."""
    import newsgraph
    from newsgraph.store import Store
    from newsgraph.store.corpus import Corpus

    rows = fakes_rows()[:count]
    newsgraph.extract(rows[0]["article_content"])  # warm-up: model, gazetteer, vocabularies
    extracting = plain = resolved = 0.0
    original = Corpus.attach
    with tempfile.TemporaryDirectory() as tmp, Store(Path(tmp) / "plain.db") as bare, \
            Store(Path(tmp) / "resolved.db") as full:
        for i, row in enumerate(rows):
            started = time.perf_counter()
            doc = newsgraph.extract(row["article_content"], _published(row["date"]), doc_id=f"fakes-{i:04d}")
            extracting += time.perf_counter() - started
            Corpus.attach = lambda self, conn, pk, doc: None  # type: ignore[method-assign]
            started = time.perf_counter()
            bare.add(doc)
            plain += time.perf_counter() - started
            Corpus.attach = original  # type: ignore[method-assign]
            started = time.perf_counter()
            full.add(doc)
            resolved += time.perf_counter() - started
    per = 1000 / count
    print(f"end to end, {count} articles: extraction {per * extracting:.0f} ms/doc; store {per * plain:.0f} ms/doc "
          f"without resolution, {per * resolved:.0f} ms/doc with; ingest ratio "
          f"{(extracting + resolved) / (extracting + plain):.2f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--cache", type=Path, help="JSON Lines of the extracted articles (made when missing)")
    parser.add_argument("--top", type=int, default=200, help="corpus entities listed")
    parser.add_argument("--score", action="store_true", help="score the cross-document gold")
    parser.add_argument("--end-to-end", type=int, metavar="N", help="also time real ingest of N articles")
    parser.add_argument("--keep-db", type=Path, metavar="PATH", help="keep the resolved store there (replaced)")
    parser.add_argument("--events", type=int, default=30, metavar="N",
                        help="list the N corpus events in most documents (0: none)")
    parser.add_argument("--claim-sample", type=int, default=0, metavar="N",
                        help="print N corroborations and N contradictions drawn from the claim links, to read")
    parser.add_argument("--seed", type=int, default=11, help="the draw of --claim-sample")
    args = parser.parse_args()
    if not FAKES.is_file():
        print(f"FA-KES not found at {FAKES}", file=sys.stderr)
        return 1
    documents = cached_documents(args.cache)
    plain, _ = timed_store(documents, resolve=False)
    resolved, entities = timed_store(documents, resolve=True, keep=args.keep_db, events=args.events)
    n = len(documents)
    print(f"{n} cached extractions into a fresh SQLite store: {1000 * plain / n:.1f} ms/doc without resolution, "
          f"{1000 * resolved / n:.1f} ms/doc with (resolution adds {1000 * (resolved - plain) / n:.1f} ms/doc)")
    report_before(documents)
    report_top(entities, args.top)
    if args.score:
        print()
        report_gold(documents)
    if args.claim_sample:
        report_claim_sample(documents, args.claim_sample, args.seed)
    if args.end_to_end:
        print()
        report_end_to_end(args.end_to_end)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
