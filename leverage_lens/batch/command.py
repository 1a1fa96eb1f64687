"""The ``leverage-lens scan`` subcommand: argument definitions and the run, with a progress bar.

Part of the command-line layer (it writes to the streams :mod:`leverage_lens.cli` hands it); kept beside
the batch package so ``cli.py`` only registers it.
"""

from __future__ import annotations

import argparse
import datetime as dt
import time
from pathlib import Path
from typing import TextIO

from .scan import DEFAULT_PATTERN, scan

__all__ = ["add_scan_parser", "run_scan"]

_EPILOG = """\
examples:
  leverage-lens scan contracts/ -o results.jsonl --csv summary.csv --html index.html
      analyse every PDF, DOCX, TXT and MD under contracts/; rerun the same command to resume
  leverage-lens scan contracts/ -o results.jsonl --deadlines deadlines.csv --ics portfolio.ics
      every deadline of every contract in one sorted table and one calendar with reminders
  leverage-lens scan contracts/ -o results.jsonl --retry-failed
      run again only the files that failed or timed out last time

results.jsonl holds one JSON object per file: status "ok" with the Report under "report", or
"error" / "timeout" / "crashed" with error_type and message, or "skipped" for a file in scope that is not
read (a link out of the folder, a FIFO, a device). Failed files do not change the exit code. OUT must not
be one of the inputs, and an existing OUT must be a results file: the scan never overwrites anything else."""


def add_scan_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    s = commands.add_parser(
        "scan",
        help="analyse a folder of contracts in parallel into a JSONL results file (resumable)",
        description="Analyse every contract under DIR (or the FILES given) in worker processes, appending\n"
        "one JSON line per file to OUT as it completes. Rerunning skips files already done.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    s.add_argument("inputs", nargs="+", type=Path, metavar="DIR", help="folder(s) or files to scan")
    s.add_argument("-o", "--output", type=Path, required=True, metavar="OUT", help="results file (JSONL)")
    s.add_argument("--workers", type=int, metavar="N", help="worker processes (default: one per CPU)")
    s.add_argument("--csv", type=Path, metavar="CSV", help="write the folder summary as CSV")
    s.add_argument("--html", type=Path, metavar="HTML", help="write an HTML index with a page per file")
    s.add_argument("--deadlines", type=Path, metavar="CSV",
                   help="write every deadline of every contract, soonest first, as CSV")
    s.add_argument("--ics", type=Path, metavar="ICS",
                   help="write every dated deadline of every contract as one iCalendar file with reminders")
    s.add_argument("--as-of", metavar="DATE",
                   help="roll renewals and notice deadlines forward to this day (YYYY-MM-DD; default today)")
    s.add_argument(
        "--pattern", default=DEFAULT_PATTERN, help=f"files to take in folders (default {DEFAULT_PATTERN})"
    )
    s.add_argument("--playbook", type=Path, metavar="PLAYBOOK",
                   help="check every contract against your positions (YAML or JSON): a column per position in "
                   "--csv, which contracts break which position")
    s.add_argument("--timeout", type=float, default=120.0, metavar="S", help="seconds per file (default 120)")
    s.add_argument(
        "--memory-limit",
        type=int,
        default=2048,
        metavar="MB",
        help="address-space cap per worker (default 2048)",
    )
    s.add_argument("--retry-failed", action="store_true", help="run again files whose last result failed")
    s.add_argument("--no-resume", action="store_true", help="start OUT afresh instead of skipping done files")
    s.add_argument("--no-progress", action="store_true", help="no progress bar")
    s.add_argument(
        "--follow-symlinks",
        action="store_true",
        help="read links to files outside the folder and walk linked folders (default: skip them, with a record)",
    )
    s.add_argument(
        "--pdf-engine", choices=("pdfium", "pdfplumber"), help="PDF text extraction (default pdfium)"
    )
    s.set_defaults(handler=run_scan)
    return s


def run_scan(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    options: dict[str, object] = {"pdf_engine": args.pdf_engine} if args.pdf_engine else {}
    if getattr(args, "playbook", None) is not None:
        if not args.playbook.exists():
            raise FileNotFoundError(f"no such file: {args.playbook}")
        options["playbook"] = args.playbook
    run = scan(
        args.inputs,
        pattern=args.pattern,
        workers=args.workers,
        output=args.output,
        resume=not args.no_resume,
        retry_failed=args.retry_failed,
        timeout=args.timeout,
        memory_limit_mb=args.memory_limit or None,
        follow_symlinks=args.follow_symlinks,
        **options,
    )
    total = len(run)
    from .store import check_side_output

    for target, kind in ((args.csv, "csv"), (args.html, "html"), (args.deadlines, "csv"), (args.ics, "ics")):
        if target:
            check_side_output(target, kind, run.files)
    counts: dict[str, int] = {}
    failures: list[str] = []
    pages = 0
    start = time.perf_counter()
    bar = _progress(total, err, disable=args.no_progress)
    records = iter(run)
    try:
        for record in records:
            counts[record.status] = counts.get(record.status, 0) + 1
            pages += getattr(record, "pages", 0)
            if record.status != "ok":
                failures.append(f"{record.path}: {record.status}: {getattr(record, 'message', '')}")
            if bar is not None:
                elapsed = max(time.perf_counter() - start, 1e-9)
                bar.set_postfix_str(f"{pages / elapsed:.0f} pages/s", refresh=False)
                bar.update(1)
    finally:
        if bar is not None:
            bar.close()
        close = getattr(records, "close", None)
        if close is not None:
            close()
    elapsed = time.perf_counter() - start
    done = sum(counts.values())
    status = ", ".join(f"{n} {s}" for s, n in sorted(counts.items())) or "nothing to do"
    err.write(
        f"scanned {done} file{'s' if done != 1 else ''} in {elapsed:.1f} s "
        f"({done / max(elapsed, 1e-9):.1f} files/s, {pages / max(elapsed, 1e-9):.0f} pages/s): {status}; "
        f"{len(run.skipped)} already in {args.output}\n"
    )
    err.writelines(f"  {line[:300]}\n" for line in failures[:20])
    if len(failures) > 20:
        err.write(f'  ... and {len(failures) - 20} more failures (status != "ok" in {args.output})\n')
    if args.csv or args.html or args.deadlines or args.ics:
        from .folder import write_folder_outputs

        write_folder_outputs(args.output, csv_path=args.csv, html_path=args.html, only=run.files,
                             deadlines_path=args.deadlines, ics_path=args.ics, as_of=_as_of(args.as_of))
        for target in (args.csv, args.html, args.deadlines, args.ics):
            if target:
                err.write(f"wrote {target}\n")
    return 0


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        from ..errors import InvalidOptionError

        raise InvalidOptionError(f"--as-of must be a date such as 2025-01-31, not {value!r}") from exc


def _progress(total: int, err: TextIO, *, disable: bool):  # type: ignore[no-untyped-def]
    """A tqdm bar on ``err`` (files/s and ETA from tqdm, pages/s in the postfix), or None."""
    if disable or total == 0:
        return None
    from tqdm import tqdm  # type: ignore[import-untyped]

    return tqdm(total=total, file=err, unit="file", dynamic_ncols=True, smoothing=0.1)
