"""Throughput of enrichment (parties, definitions, obligations) plus all checks, on CUAD texts.

Parsing is done first and not timed; the figure is characters of contract text per second through
``enrich()`` + ``Registry().run()``.

    python bench/bench_checks.py [--data ../shared/data] [--limit 100]
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path

import leverage_lens
from leverage_lens.checks import CheckContext, Registry
from leverage_lens.enrich import enrich

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()
    paths = sorted((args.data / "cuad" / "txt").glob("*.txt"))[: args.limit]
    docs = [leverage_lens.parse_text(p.read_text(encoding="utf-8")) for p in paths]
    reg = Registry()
    reg.run(CheckContext.build(docs[0]))  # load the CLAUDETTE model and compile patterns outside the timing
    chars = sum(len(d.text) for d in docs)
    t0 = time.perf_counter()
    e_time = 0.0
    for d in docs:
        t1 = time.perf_counter()
        e = enrich(d)
        e_time += time.perf_counter() - t1
        reg.run(CheckContext.build(d, e))
    total = time.perf_counter() - t0
    print(f"{len(docs)} CUAD contracts, {chars:,} chars; load average {os.getloadavg()[0]:.2f}")
    print(f"enrich: {chars / e_time / 1e6:.2f} M chars/s; enrich + checks: {chars / total / 1e6:.2f} M chars/s")


if __name__ == "__main__":
    main()
