"""Where extraction spends its CPU, stage by stage: a cProfile per stage over real texts.

Usage:  python bench/hotspots.py [--fakes 100] [--top 6]

Each stage function the pipeline calls (``pipeline.run``: parse, dates, entities, places,
events, claims) is wrapped in its own ``cProfile.Profile`` timed on CPU seconds
(``time.process_time``: a sampling profiler's wall clock is mostly other agents' time on
this shared machine), and the functions with the most own time are listed per stage, with
their share of that stage.  The texts are bench/texts.py's mix.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import sys
import time
from collections.abc import Callable
from typing import Any

from texts import real_texts

# (stage, module holding the function the pipeline calls, function name)
HOOKS = (("parse", "newsgraph.pipeline", "parse"), ("dates", "newsgraph.nlp.dates", "find_dates"),
         ("entities", "newsgraph.nlp.entities", "extract_entities"),
         ("places", "newsgraph.nlp.places", "resolve_places"),
         ("events", "newsgraph.nlp.events", "extract_events"),
         ("claims", "newsgraph.nlp.claims", "find_attributions"), ("claims", "newsgraph.nlp.claims", "claims_from"))


def profiled(profile: cProfile.Profile, func: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        profile.enable()
        try:
            return func(*args, **kwargs)
        finally:
            profile.disable()
    return wrapper


def main(argv: list[str]) -> int:
    import importlib

    import newsgraph
    from newsgraph import pipeline

    ap = argparse.ArgumentParser()
    ap.add_argument("--fakes", type=int, default=100)
    ap.add_argument("--top", type=int, default=6)
    args = ap.parse_args(argv)
    texts = [t for _, t in real_texts(args.fakes)]
    newsgraph.extract(texts[0])  # cold start out of the profile
    profiles: dict[str, cProfile.Profile] = {}
    for stage, module_name, name in HOOKS:
        module = importlib.import_module(module_name)
        profile = profiles.setdefault(stage, cProfile.Profile(time.process_time))
        setattr(module, name, profiled(profile, getattr(module, name)))
    start = time.process_time()
    for text in texts:
        pipeline.run(text)
    total = time.process_time() - start
    print(f"{len(texts)} documents, {total:.1f} s CPU in pipeline.run")
    for stage, profile in profiles.items():
        stats = pstats.Stats(profile)
        spent = sum(row[2] for row in stats.stats.values())  # type: ignore[attr-defined]
        print(f"\n{stage}: {spent:.2f} s ({spent / total:.0%} of extraction); most own time:")
        rows = sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:args.top]  # type: ignore[attr-defined]
        for (path, line, func), (_cc, calls, own, cumulative, _callers) in rows:
            where = path.split("site-packages/")[-1].split("newsgraph/")[-1]
            print(f"  {own / spent:5.1%} own, {cumulative / spent:5.1%} with callees  {func} ({where}:{line}), "
                  f"{calls:,} calls")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
