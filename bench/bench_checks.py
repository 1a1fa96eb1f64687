"""Throughput of enrichment (parties, definitions, obligations) plus the checks, on CUAD texts.

Parsing is done first and not timed. Figures, in characters of contract text per second:
``enrich()`` alone; enrich + the one-sided and CLAUDETTE rules (issue 4's checks); enrich + every built-in rule
(with the ambiguity checks of issue 5); and the checks alone, enrichment excluded (the issue's "checks run at >= 1 M
characters/s on one core"). Each is given as wall-clock and as process CPU time: the machine is
shared, and CPU time is the steadier figure when other jobs run. ``--repeat`` runs the whole pass again and keeps
the fastest.

    python bench/bench_checks.py [--data ../shared/data] [--limit 100] [--repeat 2]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy

import leverage_lens
from leverage_lens.checks import CheckContext, Registry
from leverage_lens.enrich import enrich

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=2)
    args = ap.parse_args()
    paths = sorted((args.data / "cuad" / "txt").glob("*.txt"))[: args.limit]
    docs = [leverage_lens.parse_text(p.read_text(encoding="utf-8")) for p in paths]
    reg = Registry()
    reg.run(CheckContext.build(docs[0]))  # load the CLAUDETTE model and compile patterns outside the timing
    mine = [r for r in reg.rules() if r.id.startswith(("one_sided.", "claudette."))]
    others = [r for r in reg.rules() if r not in mine]
    chars = sum(len(d.text) for d in docs)
    best: dict[str, tuple[float, float]] = {}
    for _ in range(max(1, args.repeat)):
        t = {"enrich": [0.0, 0.0], "one_sided + claudette": [0.0, 0.0], "other checks": [0.0, 0.0]}
        for d in docs:
            w, c = time.perf_counter(), time.process_time()
            ctx = CheckContext.build(d, enrich(d))
            ctx.sentences  # noqa: B018 - the shared sentence index belongs to enrichment's cost
            w2, c2 = time.perf_counter(), time.process_time()
            for r in mine:
                r.run(ctx)
            w3, c3 = time.perf_counter(), time.process_time()
            for r in others:
                r.run(ctx)
            w4, c4 = time.perf_counter(), time.process_time()
            for key, (a, b, x, y) in {"enrich": (w, w2, c, c2), "one_sided + claudette": (w2, w3, c2, c3),
                                      "other checks": (w3, w4, c3, c4)}.items():
                t[key][0] += b - a
                t[key][1] += y - x
        for key, (wall, cpu) in t.items():
            if key not in best or cpu < best[key][1]:
                best[key] = (wall, cpu)
    print(f"{len(docs)} CUAD contracts, {chars:,} chars; load average {os.getloadavg()[0]:.2f}; "
          f"{len(mine)} one-sided/CLAUDETTE rules, {len(others)} other rules")

    def rate(*keys: str) -> str:
        wall = sum(best[k][0] for k in keys)
        cpu = sum(best[k][1] for k in keys)
        return f"{chars / wall / 1e6:.2f} M chars/s wall, {chars / cpu / 1e6:.2f} M chars/s CPU"

    print(f"enrich:                              {rate('enrich')}")
    print(f"one-sided/CLAUDETTE checks alone:    {rate('one_sided + claudette')}")
    print(f"other (ambiguity) checks alone:      {rate('other checks')}")
    print(f"all checks alone (no enrich):        {rate('one_sided + claudette', 'other checks')}")
    print(f"enrich + one-sided/CLAUDETTE checks: {rate('enrich', 'one_sided + claudette')}")
    print(f"enrich + all checks:                 {rate('enrich', 'one_sided + claudette', 'other checks')}")


if __name__ == "__main__":
    main()
