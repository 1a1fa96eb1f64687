"""Where PDF loading's CPU goes beyond the raw pdfium extraction: the floor of ``analyze(pdf)``.

Over an evenly spaced sample of CUAD PDFs in memory, pinned to one core, process CPU time, best of
``--repeat`` passes:

1. raw pypdfium2 (page, text page, ``get_text_range``) and ``load_pdf`` with OCR off, and inside it the
   form-draw guard, ``_read_pages`` (pdfium and the per-line reading), ``_read_lines`` and ``build_loaded``;
2. ``_read_pages`` again with its per-line parts replaced one after another by no-ops (font samples, then
   boxes, then the whole line, then the whole text layer read), so each difference is what that part costs.
   These runs time only: their output is thrown away.

    python bench/bench_load_parts.py [--step 10] [--repeat 3] [--cpu 0]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium

from leverage_lens.load import pdf as P
from leverage_lens.load import pdf_guard
from leverage_lens.load.budget import CharBudget
from leverage_lens.options import ParseOptions


def raw(data: bytes) -> None:
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        page = pdf[i]
        textpage = page.get_textpage()
        textpage.get_text_range()
        textpage.close()
        page.close()
    pdf.close()


def best(fn: Callable[[], object], repeat: int) -> float:
    out = []
    for _ in range(repeat):
        started = time.process_time()
        fn()
        out.append(time.process_time() - started)
    return min(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--step", type=int, default=10, help="every N-th CUAD PDF (default 10: 41 PDFs)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--cpu", type=int, default=0)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    files = sorted((args.data / "cuad" / "pdf").glob("*.pdf"))[:: args.step]
    if not files:
        print(f"no PDFs under {args.data / 'cuad' / 'pdf'}", file=sys.stderr)
        return 1
    datas = [f.read_bytes() for f in files]
    opts = ParseOptions(ocr=False)
    pages = sum(len(pdfium.PdfDocument(d)) for d in datas)
    print(f"{len(datas)} CUAD PDFs, {pages} pages; CPU seconds, best of {args.repeat}; load average "
          f"{os.getloadavg()[0]:.1f}")

    parts: dict[str, float] = {}

    def timed(module: object, name: str, key: str) -> None:
        real = getattr(module, name)

        def wrapper(*a: object, **k: object) -> object:
            started = time.process_time()
            try:
                return real(*a, **k)
            finally:
                parts[key] = parts.get(key, 0.0) + time.process_time() - started

        setattr(module, name, wrapper)

    raw_s = best(lambda: [raw(d) for d in datas], args.repeat)
    load_s = best(lambda: [P.load_pdf(d, opts, "x") for d in datas], args.repeat)
    timed(pdf_guard, "check_form_draws", "form-draw guard")
    timed(P, "_read_pages", "_read_pages (pdfium + lines)")
    timed(P, "_read_lines", "_read_lines (text, lines, boxes, fonts)")
    timed(P, "build_loaded", "build_loaded (cleanup, blocks, offsets)")
    parts.clear()
    for d in datas:
        P.load_pdf(d, opts, "x")
    print(f"raw pypdfium2 {raw_s:.3f} s; load_pdf {load_s:.3f} s = {load_s / raw_s:.2f}x raw")
    for key, value in parts.items():
        print(f"  {key}: {value:.3f} s (one pass)")

    def read_all() -> None:
        for d in datas:
            P._read_pages(d, opts, "x", CharBudget(10**12, "x"))

    steps: list[tuple[str, float]] = [("_read_pages as it is", best(read_all, args.repeat))]
    P._font = lambda raw, first, middle, last: (False, None)  # type: ignore[assignment]
    steps.append(("without the font samples", best(read_all, args.repeat)))
    P._boxes = lambda raw, first, count: ()  # type: ignore[assignment]
    steps.append(("and without the boxes", best(read_all, args.repeat)))
    P._add_line = lambda *a: None  # type: ignore[assignment]
    steps.append(("and without any per-line call (text split only)", best(read_all, args.repeat)))
    P._read_lines = lambda textpage: []  # type: ignore[assignment]
    steps.append(("and without reading the text layer (pdfium page + text page only)", best(read_all, args.repeat)))
    previous = None
    for label, seconds in steps:
        delta = "" if previous is None else f"  (that part: {previous - seconds:.3f} s)"
        print(f"{label}: {seconds:.3f} s{delta}")
        previous = seconds
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
