"""CPU time of each check rule (and of the ledger) over CUAD texts: which rules to make faster first.

The documents are parsed, enriched and tagged first (not timed); then, for each pass, the ledger is built and
every built-in rule run on each document's :class:`~leverage_lens.analysis.Analysis`, with the Analysis cache
emptied between passes so that shared work (anchor scans) is charged again. Process CPU time, the lowest of
``--repeat`` passes per rule: the steadier figure on a shared machine.

    python bench/bench_rules.py [--data ../shared/data] [--limit 40] [--repeat 2] [--top 15]

Run it from two checkouts to compare them rule by rule (the documents are an evenly spaced sample, the same
in both).
"""

from __future__ import annotations

import argparse
import collections
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, not an installed copy

import leverage_lens
from leverage_lens.checks import registry as registry_module
from leverage_lens.checks import run_checks
from leverage_lens.ledger import build_ledger


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()
    files = sorted((args.data / "cuad" / "txt").glob("*.txt"))
    if not files:
        print(f"no texts under {args.data / 'cuad' / 'txt'}", file=sys.stderr)
        return 1
    files = files[:: max(1, len(files) // args.limit)][: args.limit]
    analyzer = leverage_lens.Analyzer()
    analyses = [analyzer.analysis(analyzer.parse_text(f.read_text(encoding="utf-8"))) for f in files]
    chars = sum(len(a.text) for a in analyses)

    best: dict[str, float] = {}
    original = registry_module.Rule.run
    for _ in range(args.repeat):
        spent: collections.Counter[str] = collections.Counter()

        def timed(rule: registry_module.Rule, ctx: object, spent: collections.Counter[str] = spent) -> object:
            started = time.process_time()
            try:
                return original(rule, ctx)  # type: ignore[arg-type]
            finally:
                spent[rule.id] += time.process_time() - started

        registry_module.Rule.run = timed  # type: ignore[method-assign,assignment]
        try:
            for an in analyses:
                an.cache.clear()
                started = time.process_time()
                an.ledger = build_ledger(an)
                spent["(ledger)"] += time.process_time() - started
                run_checks(an)
        finally:
            registry_module.Rule.run = original  # type: ignore[method-assign]
        for k, v in spent.items():
            best[k] = min(best.get(k, v), v)
    total = sum(v for k, v in best.items() if k != "(ledger)")
    print(f"{len(analyses)} CUAD texts, {chars:,} characters; lowest of {args.repeat} passes, CPU seconds")
    print(f"checks: {total:.2f} s ({chars / total / 1e6:.2f} M chars/s); ledger: {best.get('(ledger)', 0):.2f} s\n")
    print("| rule | CPU s | share of checks |\n|---|---:|---:|")
    for k, v in sorted(best.items(), key=lambda kv: -kv[1])[: args.top]:
        share = f"{v / total:.0%}" if k != "(ledger)" else ""
        print(f"| {k} | {v:.3f} | {share} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
