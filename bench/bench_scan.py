"""Throughput and memory of ``leverage_lens.scan`` over the shared CUAD PDFs, with 1 and 2 workers.

For each worker count the whole scan is timed as a user runs it -- worker start-up, the tagger's load in
each worker, hashing, writing the results file -- into a fresh results file in a temporary folder. Reported:
files/s, pages/s, the speed-up over one worker, the cores the workers actually got (their CPU seconds over
the wall time: about 1 per worker on a quiet machine, less when other jobs share the cores), and the peak
resident memory of each worker process (``ru_maxrss``, reported by the worker with each result) and of
the parent.

The scaling figure only means something on a quiet machine: the 1-minute load average is printed before and
after each run. The output ends with a markdown table ready for docs/performance.md.

    python bench/bench_scan.py                  # all 403 PDFs, 1 then 2 workers
    python bench/bench_scan.py --limit 60 --workers 1,2,4
"""

from __future__ import annotations

import argparse
import os
import platform
import resource
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

import leverage_lens
from leverage_lens.batch import ScanSuccess, scan

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def load1() -> float:
    return os.getloadavg()[0]


def run(files: list[Path], workers: int, out: Path) -> dict[str, float]:
    before = load1()
    parent_cpu = time.process_time()
    start = time.perf_counter()
    pages = ok = failed = 0
    cpu = 0.0
    peak_by_worker: dict[int, float] = defaultdict(float)
    for record in scan(files, workers=workers, output=out, resume=False):
        if isinstance(record, ScanSuccess):
            ok += 1
            pages += record.pages
            cpu += record.cpu_seconds
            if record.worker_pid is not None and record.worker_rss_mb is not None:
                peak_by_worker[record.worker_pid] = max(
                    peak_by_worker[record.worker_pid], record.worker_rss_mb
                )
        else:
            failed += 1
    seconds = time.perf_counter() - start
    parent_cpu = time.process_time() - parent_cpu
    return {
        "workers": workers,
        "files": ok + failed,
        "failed": failed,
        "pages": pages,
        "seconds": seconds,
        "files_s": (ok + failed) / seconds,
        "pages_s": pages / seconds,
        "cores_used": cpu / seconds,
        "cpu_ms_per_page": 1000 * cpu / max(pages, 1),
        "parent_cpu_share": parent_cpu / seconds,
        "worker_peak_mb": max(peak_by_worker.values(), default=0.0),
        "worker_processes": len(peak_by_worker),
        "load_before": before,
        "load_after": load1(),
        "results_mb": out.stat().st_size / 2**20,
    }


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, default=DATA, help="the shared data folder")
    parser.add_argument("--limit", type=int, help="first N PDFs (sorted by name) instead of all")
    parser.add_argument("--workers", default="1,2", help="comma-separated worker counts (default 1,2)")
    args = parser.parse_args()
    pdf_dir = args.data / "cuad" / "pdf"
    if not pdf_dir.is_dir():
        print(f"no CUAD PDFs at {pdf_dir}", file=sys.stderr)
        return 2
    files = sorted(pdf_dir.glob("*.pdf"))[: args.limit]
    counts = [int(w) for w in args.workers.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for workers in counts:
            row = run(files, workers, Path(tmp) / f"results_{workers}.jsonl")
            rows.append(row)
            print(
                f"workers={workers}: {row['files']} files ({row['failed']:.0f} failed), {row['pages']:.0f} pages "
                f"in {row['seconds']:.1f} s = {row['files_s']:.2f} files/s, {row['pages_s']:.0f} pages/s; "
                f"worker CPU / wall = {row['cores_used']:.2f} cores, {row['cpu_ms_per_page']:.1f} worker CPU ms/page, "
                f"parent CPU {100 * row['parent_cpu_share']:.1f}% of wall; worker peak RSS {row['worker_peak_mb']:.0f} MB; load {row['load_before']:.2f} -> "
                f"{row['load_after']:.2f}",
                file=sys.stderr,
            )
    base = rows[0]
    parent_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"\nMeasured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} on {platform.processor() or platform.machine()}"
        f" ({os.cpu_count()} CPUs), Python {platform.python_version()}, leverage_lens {leverage_lens.__version__}; "
        f"`python bench/bench_scan.py{' --limit ' + str(args.limit) if args.limit else ''}"
        f"{' --workers ' + args.workers if args.workers != '1,2' else ''}`; parent peak RSS {parent_mb:.0f} MB.\n"
    )
    print(
        "| workers | files | pages | seconds | files/s | pages/s | speed-up | cores used (worker CPU s / wall s) "
        "| worker CPU ms/page | parent CPU % | peak RSS per worker | load avg (1 min) before → after |"
    )
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|")
    for row in rows:
        print(
            f"| {row['workers']} | {row['files']} | {row['pages']:.0f} | {row['seconds']:.1f} | {row['files_s']:.2f} "
            f"| {row['pages_s']:.0f} | {row['seconds'] and base['seconds'] / row['seconds']:.2f}x "
            f"| {row['cores_used']:.2f} | {row['cpu_ms_per_page']:.1f} | {100 * row['parent_cpu_share']:.1f} "
            f"| {row['worker_peak_mb']:.0f} MB | {row['load_before']:.2f} → {row['load_after']:.2f} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
