"""Tagging speed: clauses/s of the clause tagger once parsed, and text ``analyze`` chars/s, on one core.

Over CUAD text files held in memory: ``parse_text`` each (timed on its own), then ``ClauseTagger.tag`` on
the parsed clauses (clauses/s and chars/s), then ``Analyzer.analyze(text)`` end to end as a caller would
run it (parse + tag + whatever else analyze does), in M chars/s. The tagger is built and warmed up first;
its load time is reported separately. Pins itself to CPU 0.

    python bench/bench_tagging.py [--data ../shared/data] [--limit 100] [--repeat 2] [--model DIR]

``--model`` times another trained model folder (e.g. a candidate from a training run) against the same
sample; the tagging line also gives clauses per CPU second (process time), the figure to compare two models
by on a shared machine, where wall-clock time depends on the neighbours' load.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2, help="best of N timed passes")
    ap.add_argument("--model", type=Path, default=None, help="model folder (default: the shipped tagger)")
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})

    import leverage_lens

    files = sorted((args.data / "cuad" / "txt").glob("*.txt"))[: args.limit]
    texts = [f.read_text(encoding="utf-8") for f in files]
    chars = sum(map(len, texts))

    t0 = time.perf_counter()
    from leverage_lens.tag import ClauseTagger

    tagger = ClauseTagger(model_path=args.model)
    load = time.perf_counter() - t0

    analyzer = leverage_lens.Analyzer()
    docs = [analyzer.parse_text(t) for t in texts]
    clauses = sum(len(d.clauses) for d in docs)
    tagger.tag(docs[0].clauses, docs[0].text)  # warm-up
    analyzer.analyze(docs[0])

    best_parse = best_tag = best_analyze = best_tag_cpu = float("inf")
    tags = 0
    for _ in range(args.repeat):
        t = time.perf_counter()
        for text in texts:
            analyzer.parse_text(text)
        best_parse = min(best_parse, time.perf_counter() - t)
        t, cpu = time.perf_counter(), time.process_time()
        tagged = [tagger.tag(d.clauses, d.text) for d in docs]
        best_tag = min(best_tag, time.perf_counter() - t)
        best_tag_cpu = min(best_tag_cpu, time.process_time() - cpu)
        tags = sum(len(c.tags) for cl in tagged for c in cl)
        t = time.perf_counter()
        for text in texts:
            analyzer.analyze(analyzer.parse_text(text))
        best_analyze = min(best_analyze, time.perf_counter() - t)

    load_avg = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"contracts: {len(texts)}  characters: {chars / 1e6:.1f} M  clauses: {clauses:,}  tags: {tags:,}")
    print(f"tagger load (first build, spaCy import included): {load:.2f} s")
    print(f"parse_text:             {chars / best_parse / 1e6:6.2f} M chars/s")
    print(f"tag (parsed clauses):   {clauses / best_tag:8,.0f} clauses/s  ({chars / best_tag / 1e6:.2f} M chars/s; "
          f"{clauses / best_tag_cpu:,.0f} clauses per CPU second)")
    print(f"analyze(text), e2e:     {chars / best_analyze / 1e6:6.2f} M chars/s")
    print(f"1-minute load average at the end: {load_avg:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
