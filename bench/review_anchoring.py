"""How precisely do review copies anchor findings? Share of exact anchors over real DOCX and CUAD PDFs.

For each file: analyse it, write the review copy (``Report.to_docx`` / ``Report.to_pdf``), count anchors by
mode (exact / widened / paragraph) and check the copy still parses to the same text (DOCX) or holds one
highlight per finding piece (PDF). Reports counts, the exact share, and the time spent writing copies
relative to analysis (a share, not a wall-clock figure: the machine is shared).

    python bench/review_anchoring.py [--docx-limit 185] [--pdf-limit 40] [--data ../shared/data]
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

import leverage_lens as ll


def _highlights(data: bytes) -> int:
    pdf = pdfium.PdfDocument(data)
    try:
        total = 0
        for i in range(len(pdf)):
            page = pdf[i]
            for k in range(pdfium_c.FPDFPage_GetAnnotCount(page.raw)):
                annot = pdfium_c.FPDFPage_GetAnnot(page.raw, k)
                total += pdfium_c.FPDFAnnot_GetSubtype(annot) == pdfium_c.FPDF_ANNOT_HIGHLIGHT
                pdfium_c.FPDFPage_CloseAnnot(annot)
            page.close()
        return total
    finally:
        pdf.close()


def run(files: list[Path], kind: str) -> None:
    modes: Counter[str] = Counter()
    problems: list[str] = []
    analyse = write = 0.0
    for path in files:
        t = time.perf_counter()
        report = ll.analyze(path)
        analyse += time.perf_counter() - t
        t = time.perf_counter()
        copy = report.to_docx(None) if kind == "docx" else report.to_pdf(None)
        write += time.perf_counter() - t
        modes.update(a.mode for a in copy.anchors)
        if kind == "docx" and ll.parse(copy.data).text != report.document.text:
            problems.append(f"{path.name}: text changed")
        if kind == "pdf" and _highlights(copy.data) < len(report.findings):
            problems.append(f"{path.name}: fewer highlights than findings")
        for a in copy.anchors:
            if a.mode != "exact":
                quote = " ".join(report.document.text[a.start : a.end].split())[:70]
                print(f"  {a.mode:<9} {path.name[:50]}: {quote!r}")
    total = sum(modes.values())
    share = modes["exact"] / total if total else 1.0
    print(f"{kind}: {len(files)} files, {total} findings, exact {modes['exact']} ({share:.1%}), "
          f"widened {modes['widened']}, paragraph {modes['paragraph']}; "
          f"writing copies took {write / max(analyse, 1e-9):.1%} of analysis time")
    for p in problems:
        print("  PROBLEM", p)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--docx-limit", type=int, default=185)
    parser.add_argument("--pdf-limit", type=int, default=40)
    args = parser.parse_args()
    print(f"# {datetime.date.today()} {platform.node()} {platform.processor() or platform.machine()} "
          f"load {os.getloadavg()[0]:.1f}; python bench/review_anchoring.py --docx-limit {args.docx_limit} "
          f"--pdf-limit {args.pdf_limit}")
    docx = sorted((args.data / "docx").rglob("*.docx"))[: args.docx_limit]
    pdfs = sorted((args.data / "cuad" / "pdf").glob("*.pdf"))[: args.pdf_limit]
    if docx:
        run(docx, "docx")
    if pdfs:
        run(pdfs, "pdf")


if __name__ == "__main__":
    main()
