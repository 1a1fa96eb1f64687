"""Repeated page furniture left in clause text, and text fidelity, over the CUAD PDFs.

For every CUAD PDF parsed with the default options, the check looks at the lines of the parsed text (the
loader's line blocks) and counts, per document, the lines that still **repeat on at least half of the
pages** (and on at least three): the same line text, case and spacing folded, on that many pages. A second,
looser count masks digits ("Page 3 of 12" and "Page 4 of 12" are the same line) but then leaves out lines
that are only a clause number or heading ("ARTICLE 5"), whose numbers differ for a reason. Each leftover
is printed with its class, so a reader can judge it:

* ``signature``: a signature-block line ("By:", "Name:", "Title:", or within three lines of one) -- joint
  filing agreements repeat the same block on every signature page; it is contract text and stays;
* ``other``: anything else -- furniture the loader missed, or body text that repeats.

It also counts the clauses whose text holds a confidentiality legend ("Confidential treatment", "[***]
... omitted"), the defect that made 26 clauses of one contract look like confidentiality clauses, and
reports ``furniture_removed`` warnings. Text fidelity against the published CUAD text is measured as
``bench/pdf_fidelity.py`` does (same normalisation), so the two figures come from one run.

    python bench/bench_furniture.py [--data ../shared/data] [--limit N] [--show 20]

Run it from another checkout (``PYTHONPATH=/path/to/other``) to get the "before" figures.
"""

from __future__ import annotations

import argparse
import re
import statistics
import sys
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.pdf_fidelity import normalise, pairs  # noqa: E402

_SIGNATURE = re.compile(r"(?i)^\s*(?:by|name|title|its|date)\s*:|/s/|in witness whereof")
_STRUCTURAL = re.compile(r"(?i)(?:article|section|clause|part|schedule|exhibit|annex|appendix)?\s*[#ivxlc]*"
                         r"(?:[.\-][#ivxlc]+)*[.:)]?(?:\s*[-\u2013\u2014]\s*#)?")
_LEGEND = re.compile(r"(?i)confidential treatment (?:has been |was )?requested|omitted pursuant to|"
                     r"filed separately with the (?:securities|commission)|\[\s*\*[\s*]*\]\s*(?:=|indicates)")


def leftovers(doc: object, lines: list[tuple[int, str]]) -> list[tuple[str, str, int]]:
    """(kind, text, pages) of lines repeating on >= half of the pages (>= 3); kind: exact or masked."""
    pages = len(doc.pages)  # type: ignore[attr-defined]
    if pages < 3:
        return []
    need = max(3, -(-pages // 2))
    exact: dict[str, set[int]] = defaultdict(set)
    masked: dict[str, set[int]] = defaultdict(set)
    sample: dict[str, str] = {}
    for page, text in lines:
        key = " ".join(text.lower().split())
        if sum(c.isalpha() for c in key) < 3:
            continue
        exact[key].add(page)
        mkey = re.sub(r"\d+", "#", key)
        if not _STRUCTURAL.fullmatch(mkey):
            masked[mkey].add(page)
            sample.setdefault(mkey, text)
    found = [("exact", k, len(v)) for k, v in exact.items() if len(v) >= need]
    exact_masked = {re.sub(r"\d+", "#", k) for _, k, _ in found}
    found += [("masked", sample[k], len(v)) for k, v in masked.items() if len(v) >= need and k not in exact_masked]
    return found


def classify(text: str, neighbours: list[str]) -> str:
    if _SIGNATURE.search(text) or any(_SIGNATURE.search(n) for n in neighbours):
        return "signature"
    return "other"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=20)
    args = parser.parse_args(argv)
    from leverage_lens.load.pdf import load_pdf
    from leverage_lens.options import ParseOptions
    from leverage_lens.segment import segment

    docs = pairs(args.data, args.limit)
    if not docs:
        print(f"no CUAD PDFs with published text under {args.data}", file=sys.stderr)
        return 1
    options = ParseOptions()
    fidelity: list[float] = []
    by_class: dict[str, int] = defaultdict(int)
    docs_left = 0
    shown: list[str] = []
    legend_clauses = legend_docs = warned = 0
    for pdf, txt in docs:
        loaded = load_pdf(pdf.read_bytes(), options, pdf.name)
        fidelity.append(fuzz.ratio(normalise(loaded.text), normalise(txt.read_text(encoding="utf-8"))) / 100)
        warned += any(w.code == "furniture_removed" for w in loaded.warnings)
        lines = [(b.page, loaded.text[b.start : b.end]) for b in loaded.blocks]
        texts = [t for _, t in lines]
        found = leftovers(loaded, lines)
        if found:
            docs_left += 1
        for kind, text, count in found:
            at = next((k for k, t in enumerate(texts) if " ".join(t.lower().split()) == text
                       or t == text), None)
            neighbours = texts[max(0, at - 3) : at + 4] if at is not None else []
            cls = classify(text, neighbours)
            by_class[cls] += 1
            if len(shown) < args.show:
                shown.append(f"  {cls:9} {kind:6} {count:3}/{len(loaded.pages):<3} {text[:70]!r}  ({pdf.stem[:45]})")
        clauses, _ = segment(loaded)
        parents = {c.parent_id for c in clauses}
        hits = sum(1 for c in clauses if c.id not in parents and _LEGEND.search(loaded.text[c.start : c.end]))
        legend_clauses += hits
        legend_docs += hits > 0
    fidelity.sort()
    print(f"{len(docs)} CUAD PDFs, default options")
    print(f"text fidelity against the CUAD text: median {statistics.median(fidelity):.4f}  "
          f"p10 {fidelity[len(fidelity) // 10]:.4f}  min {fidelity[0]:.4f}")
    print(f"documents with a furniture_removed warning: {warned}")
    print(f"documents with a line repeating on >= 50% of pages left in the text: {docs_left}; lines by class: "
          + ", ".join(f"{k} {v}" for k, v in sorted(by_class.items())))
    print(f"leaf clauses holding a confidentiality legend: {legend_clauses} in {legend_docs} documents")
    print("\n".join(shown))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
