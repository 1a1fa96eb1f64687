"""OCR fidelity and speed: CUAD PDFs turned into scans, read back by Tesseract, against their text layer.

For an evenly spaced sample of CUAD PDFs, the first ``--pages`` pages of each are kept (a PDF of those pages,
with its text layer) and a *scan* of them is made: every page rendered by pdfium at ``--scan-dpi`` (300, a
common scanner setting) in grayscale and placed as an image on an empty page, so the scan has no text layer
at all. Then:

* ``text``  = ``leverage_lens.parse(pages_pdf, ocr=False)``   (the text layer, as users get it today);
* ``ocr``   = ``leverage_lens.parse(scan, ocr="auto", ocr_dpi=D)`` (every page read by Tesseract).

Measured:

* **character fidelity** per page: ``rapidfuzz.fuzz.ratio`` of the page's text in both documents, after the
  normalisation of ``bench/pdf_fidelity.py`` (NFC, quotes and dashes folded, whitespace runs to one space);
  median, 10th percentile and minimum over pages with text;
* **clause tree match**: numbered clauses as ``(number, heading, level)``, aligned on their numbers
  (``difflib``); share of the text-layer clauses the OCR parse reproduces exactly;
* **speed** in pages per second per core: CPU seconds of the parsing process plus its Tesseract children
  (``RUSAGE_CHILDREN``), with ``OMP_THREAD_LIMIT=1`` so Tesseract uses one core; beside it the text-layer
  parse of the same pages, also by CPU time. Documents run in ``--workers`` processes.

    python bench/bench_ocr.py [--limit 30] [--pages 8] [--dpi 300] [--workers 2] [--data ../shared/data]
    python bench/bench_ocr.py --limit 6 --dpi 200,300,400      # choose the resolution
"""

from __future__ import annotations

import argparse
import difflib
import io
import os
import resource
import statistics
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("OMP_THREAD_LIMIT", "1")

from rapidfuzz import fuzz  # noqa: E402

from bench.pdf_fidelity import normalise  # noqa: E402


def first_pages(data: bytes, count: int) -> bytes:
    """A PDF of the first ``count`` pages of ``data`` (text layer kept)."""
    import pypdfium2 as pdfium

    src = pdfium.PdfDocument(data)
    out = pdfium.PdfDocument.new()
    try:
        out.import_pages(src, list(range(min(count, len(src)))))
        buf = io.BytesIO()
        out.save(buf)
        return buf.getvalue()
    finally:
        out.close()
        src.close()


def clauses(doc: object) -> list[tuple[str, str, int]]:
    return [(c.number or "", (c.heading or "").lower(), c.level) for c in doc.clauses if c.number]  # type: ignore[attr-defined]


def tree_match(text: list[tuple[str, str, int]], ocr: list[tuple[str, str, int]]) -> tuple[int, int]:
    matcher = difflib.SequenceMatcher(a=[x[0] for x in text], b=[x[0] for x in ocr], autojunk=False)
    equal = sum(1 for op, a0, a1, b0, b1 in matcher.get_opcodes() if op == "equal"
                for x, y in zip(text[a0:a1], ocr[b0:b1]) if x == y)
    return equal, len(text)


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run_one(path: str, pages: int, scan_dpi: int, dpis: list[int]) -> dict:
    """One document: fidelity per page and clause match per OCR resolution, and CPU times."""
    import leverage_lens as ll
    from tests.fixtures.scanned import scan_pdf

    data = first_pages(Path(path).read_bytes(), pages)
    t0 = _cpu()
    text_doc = ll.parse(data, ocr=False)
    text_cpu = _cpu() - t0
    scan = scan_pdf(data, scan_dpi)
    result: dict = {"name": Path(path).stem, "pages": len(text_doc.pages), "text_cpu": text_cpu, "by_dpi": {}}
    for dpi in dpis:
        t0, w0 = _cpu(), time.perf_counter()
        ocr_doc = ll.parse(scan, ocr="auto", ocr_dpi=dpi)
        cpu, wall = _cpu() - t0, time.perf_counter() - w0
        fidelity = []
        for tp, op in zip(text_doc.pages, ocr_doc.pages):
            a = normalise(text_doc.text[tp.start : tp.end])
            if len(a) < 20:
                continue  # a page without (much) text layer: nothing to compare against
            fidelity.append(fuzz.ratio(a, normalise(ocr_doc.text[op.start : op.end])) / 100)
        equal, total = tree_match(clauses(text_doc), clauses(ocr_doc))
        confidence = [p.ocr_confidence for p in ocr_doc.pages if p.ocr_confidence is not None]
        result["by_dpi"][dpi] = {"fidelity": fidelity, "equal": equal, "total": total, "cpu": cpu, "wall": wall,
                                 "ocr_pages": sum(p.ocr for p in ocr_doc.pages), "confidence": confidence}
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=30, help="evenly spaced sample of N CUAD PDFs")
    parser.add_argument("--pages", type=int, default=8, help="first N pages of each PDF")
    parser.add_argument("--scan-dpi", type=int, default=300, help="resolution of the simulated scan")
    parser.add_argument("--dpi", default="300", help="OCR rendering resolution(s), comma-separated")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    from leverage_lens.load.ocr import tesseract_missing

    missing = tesseract_missing()
    if missing:
        print(f"OCR cannot run here: {missing}", file=sys.stderr)
        return 1
    pdfs = sorted((args.data / "cuad" / "pdf").glob("*.pdf"))
    if not pdfs:
        print(f"no CUAD PDFs under {args.data}", file=sys.stderr)
        return 1
    step = len(pdfs) / args.limit
    sample = [str(pdfs[int(k * step)]) for k in range(args.limit)]
    dpis = [int(d) for d in args.dpi.split(",")]
    started = time.perf_counter()
    with ProcessPoolExecutor(args.workers) as pool:
        results = list(pool.map(run_one, sample, [args.pages] * len(sample), [args.scan_dpi] * len(sample),
                                [dpis] * len(sample)))
    wall = time.perf_counter() - started
    pages = sum(r["pages"] for r in results)
    text_cpu = sum(r["text_cpu"] for r in results)
    print(f"{len(results)} CUAD PDFs, first {args.pages} pages each: {pages} pages; scans at {args.scan_dpi} dpi; "
          f"{args.workers} workers, {wall:.0f} s wall; Tesseract {_tesseract_version()}")
    print(f"text layer: parse {pages / text_cpu:.1f} pages/s/core (CPU time)")
    for dpi in dpis:
        fid = sorted(f for r in results for f in r["by_dpi"][dpi]["fidelity"])
        doc_median = sorted(statistics.median(r["by_dpi"][dpi]["fidelity"]) for r in results
                            if r["by_dpi"][dpi]["fidelity"])
        equal = sum(r["by_dpi"][dpi]["equal"] for r in results)
        total = sum(r["by_dpi"][dpi]["total"] for r in results)
        cpu = sum(r["by_dpi"][dpi]["cpu"] for r in results)
        ocr_pages = sum(r["by_dpi"][dpi]["ocr_pages"] for r in results)
        conf = [c for r in results for c in r["by_dpi"][dpi]["confidence"]]
        print(f"\nOCR at {dpi} dpi: {ocr_pages} pages read")
        print(f"  character fidelity per page: median {statistics.median(fid):.4f}  p10 {fid[len(fid) // 10]:.4f}"
              f"  min {fid[0]:.4f}  ({len(fid)} pages); per document median of medians "
              f"{statistics.median(doc_median):.4f}")
        print(f"  clause tree: {equal}/{total} text-layer clauses reproduced = {equal / max(total, 1):.3f}")
        print(f"  speed: {ocr_pages / cpu:.3f} pages/s/core (CPU time, Tesseract included); "
              f"{cpu / max(ocr_pages, 1):.2f} CPU s a page; text layer is {(pages / text_cpu) / (ocr_pages / cpu):.0f}x faster")
        print(f"  Tesseract mean confidence per page: median {statistics.median(conf):.3f}")
        worst = sorted(((statistics.median(r["by_dpi"][dpi]["fidelity"]), r["name"]) for r in results
                        if r["by_dpi"][dpi]["fidelity"]))[:5]
        print("  worst documents: " + "; ".join(f"{v:.4f} {n[:60]}" for v, n in worst))
    return 0


def _tesseract_version() -> str:
    import pytesseract

    return str(pytesseract.get_tesseract_version()).split()[0]


if __name__ == "__main__":
    raise SystemExit(main())
