"""What checking a playbook costs next to analysing the contract: process time of ``check_playbook`` with a
playbook of 30 positions (the three example playbooks merged, plus five variants) against the process time
of ``analyze`` on the same contracts.

    python bench/bench_playbook.py --n 20            # CUAD train/dev contracts, in doc_id order
    python bench/bench_playbook.py --files a.pdf b.docx

The target (issue 22): checking costs less than 10% of analyze.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leverage_lens import Analyzer  # noqa: E402
from leverage_lens.evaluate.data import part_of  # noqa: E402
from leverage_lens.playbook import Playbook, check_playbook, example_playbook  # noqa: E402

DATA = ROOT.parent / "shared" / "data" / "cuad"


def thirty_positions() -> Playbook:
    """The example playbooks' 25 positions, renamed apart, and five variants of them: 30 positions."""
    positions = []
    for side in ("customer", "supplier", "nda"):
        for p in example_playbook(side).positions:
            positions.append(p.model_copy(update={"id": f"{side}-{p.id}"}))
    for p in positions[:5]:
        positions.append(p.model_copy(update={"id": f"variant-{p.id}", "severity": "low"}))
    return Playbook(name="thirty", our_roles=["Customer", "Client", "Licensee", "Distributor", "Company"],
                    positions=positions)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=20, help="CUAD train/dev contracts to time")
    ap.add_argument("--files", nargs="*", type=Path, help="time these files instead")
    ap.add_argument("--repeat", type=int, default=3, help="times each check runs (the mean is kept)")
    args = ap.parse_args()
    if args.files:
        files = list(args.files)
    else:
        rows = [json.loads(line) for line in open(DATA / "contracts.jsonl", encoding="utf-8")]
        files = [DATA / r["txt"] for r in sorted(rows, key=lambda r: r["doc_id"])
                 if part_of(r["doc_id"]) != "held-out"][: args.n]
    book = thirty_positions()
    assert len(book.positions) == 30
    analyzer = Analyzer()
    analyzer.analyze(files[0])  # load the models once, outside the timings
    check_playbook(analyzer.analyze(files[0]), book)
    analyze_s, check_s, chars = [], [], 0
    for f in files:
        t = time.process_time()
        report = analyzer.analyze(f)
        analyze_s.append(time.process_time() - t)
        runs = []
        for _ in range(args.repeat):
            t = time.process_time()
            check_playbook(report, book)
            runs.append(time.process_time() - t)
        check_s.append(statistics.mean(runs))
        chars += len(report.document.text)
    share = sum(check_s) / sum(analyze_s)
    print(f"{len(files)} contracts, {chars / 1e6:.2f} M characters, playbook of {len(book.positions)} positions")
    print(f"analyze: {sum(analyze_s):.1f} s CPU ({1000 * statistics.mean(analyze_s):.0f} ms per contract)")
    print(f"check_playbook: {sum(check_s):.2f} s CPU ({1000 * statistics.mean(check_s):.1f} ms per contract, "
          f"max {1000 * max(check_s):.1f} ms)")
    print(f"checking / analyze: {100 * share:.1f}% (target < 10%)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
