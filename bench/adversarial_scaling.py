"""Does analysis stay linear on adversarial text? Time at growing sizes, per repeated pattern.

Two tables. ``--checks`` (issue 21): ``analyze`` (parse, tagging, enrichment, every check, the brief) on the
five patterns that were quadratic in the checks, at 25 k / 100 k / 400 k / 1.6 M characters; each x16 step
in size must cost at most x24 in time (linear is x16). Without it: ``parse_text`` on 24 patterns the
segmenter reacts to, at two sizes, and one huge single line of contract text (the "50 MB single-line file"
case, just under the default ``max_chars``).

    python bench/adversarial_scaling.py --checks [--sizes 25000,100000,400000,1600000]
    python bench/adversarial_scaling.py --scan-chars 20000000     # one contract that size through scan()
    python bench/adversarial_scaling.py [--small 100000] [--factor 4] [--huge 49999999]

A pattern whose time grows much faster than its size is a backtracking or rescanning bug. Times are CPU
seconds of this process (pinned to one core), so other load on the machine changes them little.
"""

from __future__ import annotations

import argparse
import datetime
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens as ll
from tests.hardening.attacks import CHECK_PATTERNS, CUAD_TXT

PATTERNS = {
    "capitals words": "ABC ",
    "capitals with hyphens": "A-",
    "capitals sentence with SECTION": "NOTHING IN THIS SECTION IS ",
    "capitals then numbers": "ABC 1.1 ",
    "dotted numbers": "1.1.",
    "open parentheses": "(",
    "quotes": '"',
    "definition quotes": '"A" ',
    "colon (a)": ": (a) ",
    "semicolon and": "; and ",
    "sentence ends": ". ",
    "abbreviations": "Inc. ",
    "ARTICLE I": "ARTICLE I ",
    "EXHIBIT A": "EXHIBIT A ",
    "WHEREAS": "WHEREAS ",
    "roman items": "iv. ",
    "mixed numbering": "1. (a) (i) A. I. Section 2.1 ARTICLE V; and (b) ",
    "numbered lines": "\n1. A",
    "nested lines": "1. A\n(a) b;\n(i) c;\n(A) d\n",
    "paragraphs": "The Supplier shall deliver the goods on time and in full.\n\n",
    "sentences on one line": "The Supplier shall deliver. The Buyer shall pay. ",
    "definitions": '"Term" means x. ',
    "markdown headings": "# Heading\n\nSome body text of the clause here.\n\n",
    "CRLF headings": "Term.\r\nThe party shall pay.\r\n\r\n",
}


def seconds(text: str, fmt: str = "txt") -> float:
    started = time.perf_counter()
    ll.parse_text(text, format=fmt)
    return time.perf_counter() - started


def analyze_seconds(text: str, repeats: int = 1) -> float:
    """CPU seconds of ``analyze`` on ``text`` (as a .txt file's bytes), the best of ``repeats`` runs."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        ll.analyze(text.encode("utf-8"), format="txt")
        best = min(best, time.process_time() - started)
    return best


def checks_table(sizes: list[int], bound: float = 24.0, only: str = "") -> int:
    """The issue-21 table: analyze time per pattern and size, and every x16 size ratio's time ratio."""
    ll.analyze(b"1. Term. This Agreement starts today.", format="txt")  # models load before timing
    cols = " | ".join(f"{n:,} chars (s)" for n in sizes)
    steps = [(i, j) for i in range(len(sizes)) for j in range(i + 1, len(sizes)) if sizes[j] == 16 * sizes[i]]
    ratio_cols = " | ".join(f"x16 from {sizes[i]:,}" for i, _ in steps)
    print(f"\n| pattern | {cols} | {ratio_cols} |")
    print("|---|" + "---:|" * (len(sizes) + len(steps)))
    worst = 0.0
    for name, build in CHECK_PATTERNS.items():
        if only and only not in name:
            continue
        if "CUAD" in name and not CUAD_TXT.is_dir():
            print(f"| {name} | (no CUAD data at {CUAD_TXT}) |")
            continue
        secs = [analyze_seconds(build(n), repeats=3 if n <= 100_000 else 1) for n in sizes]
        ratios = [secs[j] / max(secs[i], 1e-3) for i, j in steps]
        worst = max([worst, *ratios])
        print(f"| {name} | " + " | ".join(f"{t:.2f}" for t in secs) + " | "
              + " | ".join(f"x{r:.1f}" for r in ratios) + " |", flush=True)
    print(f"\nworst time ratio for a x16 size step: x{worst:.1f} (bound x{bound:g}; linear x16)")
    return 0 if worst <= bound else 1


def scan_one(chars: int) -> int:
    """The first ``chars`` characters of the CUAD texts joined (repeated past their 21 M), as one .txt file, through ``scan()`` with the
    default memory cap (one worker; the timeout raised to an hour, the default is for ordinary contracts)."""
    import json
    import tempfile

    texts = []
    size = 0
    for path in sorted(CUAD_TXT.glob("*.txt")):
        texts.append(path.read_text(encoding="utf-8"))
        size += len(texts[-1]) + 2
        if size >= chars:
            break
    text = "\n\n".join(texts)
    text = (text * (chars // len(text) + 1))[:chars]  # past the 21 M characters of CUAD, the texts again
    os.environ["PYTHONPATH"] = os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])  # the workers
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "contract.txt"
        source.write_text(text, encoding="utf-8")
        started = time.perf_counter()
        for record in ll.scan([source], output=Path(tmp) / "results.jsonl", workers=1, timeout=3600):
            row = {"characters": len(text), "status": record.status, "seconds": record.seconds,
                   "wall": round(time.perf_counter() - started, 1)}
            if record.status == "ok":
                row.update(cpu_seconds=record.cpu_seconds, worker_peak_rss_mb=record.worker_rss_mb,
                           clauses=record.clauses, findings=record.findings)
            else:
                row.update(error=record.error_type, message=record.message[:200])
            print(json.dumps(row))
            return 0 if record.status == "ok" else 1
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--checks", action="store_true", help="the analyze table of issue 21 (five patterns)")
    parser.add_argument("--sizes", default="25000,100000,400000,1600000", help="sizes for --checks")
    parser.add_argument("--only", default="", help="with --checks: patterns whose name contains this")
    parser.add_argument("--scan-chars", type=int, default=0, help="scan one CUAD contract of this many characters")
    parser.add_argument("--small", type=int, default=100_000, help="characters of the smaller text")
    parser.add_argument("--factor", type=int, default=4, help="the larger text is this many times longer")
    parser.add_argument("--huge", type=int, default=49_999_999, help="single-line size (0: skip)")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    print(f"date: {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='minutes')}; "
          f"load average (1 min) {os.getloadavg()[0]:.2f}; one core")
    if args.checks:
        return checks_table([int(n) for n in args.sizes.split(",")], only=args.only)
    if args.scan_chars:
        return scan_one(args.scan_chars)
    big = args.small * args.factor
    print(f"\n| pattern | {args.small:,} chars (s) | {big:,} chars (s) | ratio (linear = {args.factor}) |")
    print("|---|---:|---:|---:|")
    worst = 0.0
    for name, unit in PATTERNS.items():
        fmt = "md" if name.startswith("markdown") else "txt"
        a = seconds((unit * (args.small // len(unit) + 1))[: args.small], fmt)
        b = seconds((unit * (big // len(unit) + 1))[:big], fmt)
        ratio = b / max(a, 1e-4)
        worst = max(worst, ratio if b > 0.05 else 0.0)
        print(f"| {name} | {a:.3f} | {b:.3f} | {ratio:.1f} |", flush=True)
    print(f"\nworst ratio among runs over 0.05 s: {worst:.1f}")
    if args.huge:
        src = " ".join(p.read_text(encoding="utf-8").replace("\n", " ")
                       for p in sorted((ROOT.parent / "shared" / "data" / "cuad" / "txt").glob("*.txt"))[:60])
        if not src:
            src = "1. Term. The Supplier shall deliver; (a) on time; and (b) in full. WHEREAS the parties agree. "
        line = (src * (args.huge // len(src) + 1))[: args.huge]
        del src
        started = time.perf_counter()
        doc = ll.parse_text(line)
        took = time.perf_counter() - started
        print(f"one line of {len(line):,} characters (CUAD text, newlines removed): {len(doc.clauses):,} clauses "
              f"in {took:.1f} s = {len(line) / took / 1e6:.2f} M chars/s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
