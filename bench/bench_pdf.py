"""PDF loading speed on one core: raw extractors against leverage_lens's two engines, in one run.

Measures pages per second over the shared CUAD PDFs (bytes read into memory first, so disk time is not
counted), pinned to CPU 0 with ``os.sched_setaffinity``:

(a) raw pypdfium2: ``PdfDocument``, then ``get_textpage().get_text_range()`` per page;
(b) raw pdfplumber: ``page.extract_text()`` per page (slow, so on a sample);
(c) ``load_pdf`` with the default engine (pdfium), lines, boxes, cleanup and offsets included;
(d) ``load_pdf`` with ``pdf_engine="pdfplumber"`` (on the same sample as (b));
(e) ``leverage_lens.parse`` end to end with default options: load, segmentation into the clause tree and
    the ``Document`` (the figure the >= 300 pages/s target is about).

    python bench/bench_pdf.py [--data ../shared/data] [--limit N] [--sample 15]

``--limit`` takes an evenly spaced subset for (a) and (c); ``--sample`` is the number of documents for
(b) and (d), on which (a) and (c) are timed again so every ratio compares the same pages.
"""

from __future__ import annotations

import argparse
import datetime
import io
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pdfplumber
import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens  # noqa: E402
from leverage_lens.load.pdf import load_pdf  # noqa: E402
from leverage_lens.options import ParseOptions  # noqa: E402


def raw_pdfium(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
        return len(pdf)
    finally:
        pdf.close()


def raw_pdfplumber(data: bytes) -> int:
    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            page.extract_text()
            page.close()
        return len(pdf.pages)


def ours(engine: str) -> Callable[[bytes], int]:
    options = ParseOptions(pdf_engine=engine)  # type: ignore[arg-type]

    def run(data: bytes) -> int:
        return len(load_pdf(data, options, "bench.pdf").pages)

    return run


def parse_default(data: bytes) -> int:
    return len(leverage_lens.parse(data, format="pdf").pages)


def timed(extract: Callable[[bytes], int], docs: list[bytes]) -> tuple[int, float]:
    started = time.perf_counter()
    pages = sum(extract(d) for d in docs)
    return pages, time.perf_counter() - started


def spaced(items: list[Path], count: int | None) -> list[Path]:
    if not count or count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def cpu_name() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="documents for (a) and (c); default all")
    parser.add_argument("--sample", type=int, default=15, help="documents for the pdfplumber runs")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {0})
    paths = sorted((args.data / "cuad" / "pdf").glob("*.pdf"))
    if not paths:
        print(f"no PDFs under {args.data / 'cuad' / 'pdf'}", file=sys.stderr)
        return 1
    full = [p.read_bytes() for p in spaced(paths, args.limit)]
    sample = [p.read_bytes() for p in spaced(paths, args.sample)]
    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    raw_pdfium(sample[0])  # warm up imports and pdfium's one-time initialisation
    load_pdf(sample[0], ParseOptions(), "warm.pdf")
    runs = {
        "(a) pypdfium2 raw get_text_range": timed(raw_pdfium, full),
        "(c) leverage_lens load_pdf, pdfium (default)": timed(ours("pdfium"), full),
        "(e) leverage_lens.parse end to end (default)": timed(parse_default, full),
        "(a') pypdfium2 raw, on the sample": timed(raw_pdfium, sample),
        "(c') leverage_lens pdfium, on the sample": timed(ours("pdfium"), sample),
        "(e') leverage_lens.parse end to end, on the sample": timed(parse_default, sample),
        "(b) pdfplumber raw extract_text, on the sample": timed(raw_pdfplumber, sample),
        "(d) leverage_lens load_pdf, pdfplumber engine, on the sample": timed(ours("pdfplumber"), sample),
    }
    load_after = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    rate = {name: pages / seconds for name, (pages, seconds) in runs.items()}
    print(f"date: {datetime.datetime.now().isoformat(timespec='minutes')}")
    print(
        f"machine: {cpu_name()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
        f"pypdfium2 {pdfium.PYPDFIUM_INFO}, pdfplumber {pdfplumber.__version__}; pinned to CPU 0"
    )
    print(f"load average (1 min) before/after: {load_before:.2f} / {load_after:.2f}")
    print(f"documents: {len(full)} (sample {len(sample)})\n")
    print("| extractor | pages | seconds | pages/s |")
    print("|---|---:|---:|---:|")
    for name, (pages, seconds) in runs.items():
        print(f"| {name} | {pages} | {seconds:.2f} | {rate[name]:.0f} |")
    raw, load, parse = rate["(a) pypdfium2 raw get_text_range"], rate["(c) leverage_lens load_pdf, pdfium (default)"], rate["(e) leverage_lens.parse end to end (default)"]
    raw_s, load_s, parse_s = (rate["(a') pypdfium2 raw, on the sample"], rate["(c') leverage_lens pdfium, on the sample"],
                              rate["(e') leverage_lens.parse end to end, on the sample"])
    plumber, plumber_engine = rate["(b) pdfplumber raw extract_text, on the sample"], rate["(d) leverage_lens load_pdf, pdfplumber engine, on the sample"]
    print(f"\nparse (default) vs raw pypdfium2: {raw / parse:.2f}x the time; load_pdf alone: {raw / load:.2f}x")
    print(f"parse (default) vs raw pdfplumber extract_text (same sample): {parse_s / plumber:.1f}x faster")
    print(f"load_pdf default vs raw pdfplumber (same sample): {load_s / plumber:.1f}x faster")
    print(f"pdfplumber engine vs raw pdfplumber extract_text: {plumber / plumber_engine:.2f}x the time")
    print(f"default engine vs pdfplumber engine (same sample): {load_s / plumber_engine:.1f}x faster")
    del raw_s
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
