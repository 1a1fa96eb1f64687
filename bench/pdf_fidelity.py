"""Text fidelity of the PDF loader against the published CUAD plain text.

For every ``cuad/pdf/<doc>.pdf`` with a ``cuad/txt/<doc>.txt`` beside it, the score is
``rapidfuzz.fuzz.ratio(ours, published) / 100`` (1.0 = identical; Indel-distance similarity) after both
sides are normalised the same way, for differences of layout and typography only:

1. Unicode NFC (folds U+037E GREEK QUESTION MARK into ";", which the published text has);
2. curly single quotes and primes ``\u2018 \u2019 \u201a \u201b \u2032`` -> ``'``; curly double quotes
   ``\u201c \u201d \u201e \u201f \u2033`` -> ``"``; hyphens and dashes ``\u00ad \u2010 \u2011 \u2012 \u2013
   \u2014 \u2015 \u2212`` -> ``-`` (the published text uses ASCII quotes, and a soft hyphen where the PDF
   prints an en dash);
3. every run of whitespace (including no-break spaces, which the published text replaces by spaces and
   line breaks) -> one space; ends stripped.

Nothing else is removed or rewritten. The published text keeps running headers, footers and page numbers
("Source: ACME CORP, 10-K, 3/1/2011", "- 2 -"), which the loader removes by default, so two figures are
reported: with the default options (what users get) and with ``strip_headers=False`` (pure extraction).

    python bench/pdf_fidelity.py [--data ../shared/data] [--limit N] [--engine pdfium|pdfplumber]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
import unicodedata
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leverage_lens.load.pdf import load_pdf  # noqa: E402
from leverage_lens.options import ParseOptions  # noqa: E402

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)


def normalise(text: str) -> str:
    """The comparison form described in the module docstring."""
    return " ".join(unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).split())


def fidelity(pdf: Path, txt: Path, options: ParseOptions) -> float:
    ours = load_pdf(pdf.read_bytes(), options, pdf.name).text
    published = txt.read_text(encoding="utf-8")
    return fuzz.ratio(normalise(ours), normalise(published)) / 100


def pairs(data: Path, limit: int | None) -> list[tuple[Path, Path]]:
    found = [
        (pdf, data / "cuad" / "txt" / f"{pdf.stem}.txt")
        for pdf in sorted((data / "cuad" / "pdf").glob("*.pdf"))
        if (data / "cuad" / "txt" / f"{pdf.stem}.txt").exists()
    ]
    if limit and limit < len(found):
        step = len(found) / limit
        found = [found[int(i * step)] for i in range(limit)]
    return found


def summarise(title: str, scores: dict[str, float]) -> None:
    ranked = sorted(scores.items(), key=lambda kv: kv[1])
    values = [v for _, v in ranked]
    print(f"\n{title}: {len(values)} documents")
    print(
        f"  median {statistics.median(values):.4f}   p10 {values[len(values) // 10]:.4f}   min {values[0]:.4f}"
    )
    print("  worst 10:")
    for name, value in ranked[:10]:
        print(f"    {value:.4f}  {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="evenly spaced sample of N documents")
    parser.add_argument("--engine", choices=("pdfium", "pdfplumber"), default="pdfium")
    args = parser.parse_args(argv)
    docs = pairs(args.data, args.limit)
    if not docs:
        print(f"no CUAD PDFs with published text under {args.data}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    for title, strip in (("default options (strip_headers=True)", True), ("strip_headers=False", False)):
        options = ParseOptions(pdf_engine=args.engine, strip_headers=strip)
        scores = {pdf.stem: fidelity(pdf, txt, options) for pdf, txt in docs}
        summarise(f"{args.engine}, {title}", scores)
    print(f"\n({time.perf_counter() - started:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
