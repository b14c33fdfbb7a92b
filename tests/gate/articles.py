"""The annotated articles and the shared scorer: what ``make score`` prints and the evaluation gate pins.

Articles are the development articles in ``../shared/corpus/`` (the Alma analysis article and six
FA-KES news articles, each ``.txt`` beside its ``.gold.json``) and our own blind-annotated
articles in ``examples/annotated/``. Each is extracted in this process with ``newsgraph.extract``
(what ``newsgraph extract FILE.txt`` does, without a ``--published`` date: a dateline gives the
date) and scored by ``score()`` of ``../shared/eval/score.py``, imported from there.
"""

from __future__ import annotations

import importlib.util
import json
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

# groups, in the order they are shown; the FA-KES articles are read and tuned on like the Alma one
GROUPS = {
    "dev": "development article (Alma)",
    "fakes": "FA-KES development articles (read and tuned on)",
    "own": "own blind-annotated articles (examples/annotated)",
}

Scorer = Callable[[dict[str, Any], dict[str, Any]], dict[str, Any]]
Figures = dict[str, float | None]


@dataclass(frozen=True)
class Article:
    name: str  # the file stem: "alma-cers-study", "fakes-0042", "turkey-amuda-strikes"
    group: str  # a key of GROUPS
    text: Path
    gold: Path


def shared_dir() -> Path:
    return Path(os.environ.get("NEWSGRAPH_SHARED") or ROOT / ".." / "shared").resolve()


def annotated_articles(shared: Path | None = None) -> list[Article]:
    """Every article with gold, development articles first; a gold file without its text is skipped."""
    shared = shared or shared_dir()
    found: list[Article] = []
    for folder, own in ((shared / "corpus", False), (ROOT / "examples" / "annotated", True)):
        for gold in sorted(folder.glob("*.gold.json")):
            name = gold.name.removesuffix(".gold.json")
            text = gold.with_name(name + ".txt")
            if text.is_file():
                group = "own" if own else "fakes" if name.startswith("fakes-") else "dev"
                found.append(Article(name, group, text, gold))
    names = [a.name for a in found]
    duplicates = sorted({n for n in names if names.count(n) > 1})
    if duplicates:
        raise ValueError(f"two annotated articles share a name: {', '.join(duplicates)}")
    return found


def load_scorer(shared: Path | None = None) -> Scorer:
    """``score(gold, system)`` of ../shared/eval/score.py (standard library only, so it imports anywhere)."""
    path = (shared or shared_dir()) / "eval" / "score.py"
    spec = importlib.util.spec_from_file_location("shared_eval_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        raise FileNotFoundError(f"the shared scorer is not at {path}; set NEWSGRAPH_SHARED")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    scorer: Scorer = module.score
    return scorer


def extract(article: Article) -> dict[str, Any]:
    """The article's extraction in contract form."""
    import newsgraph

    text = article.text.read_text(encoding="utf-8")
    return newsgraph.extract(text, doc_id=article.name).to_dict()


def score_all(articles: Iterable[Article], scorer: Scorer | None = None) -> dict[str, dict[str, Any]]:
    """Article name -> everything the scorer reports for it (figures, and lists of what was missed)."""
    scorer = scorer or load_scorer()
    results = {}
    for article in articles:
        gold = json.loads(article.gold.read_text(encoding="utf-8"))
        results[article.name] = scorer(gold, extract(article))
    return results


def figures(result: dict[str, Any]) -> Figures:
    """The numbers of one scorer result: every figure, None where the article gives it no denominator."""
    return {key: value for key, value in result.items()
            if key != "doc" and (value is None or (isinstance(value, int | float) and not isinstance(value, bool)))}
