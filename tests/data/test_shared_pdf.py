"""The PDF loader on the real CUAD contracts in ``../shared/data`` (skipped when the data is absent).

Fidelity is ``rapidfuzz.fuzz.ratio`` between our text and the published CUAD text after normalising
layout-only differences on both sides, as ``bench/pdf_fidelity.py`` does. Extraction is compared with
``strip_headers=False``, because the published text keeps running headers, footers and page numbers,
which the default options remove.
"""

from __future__ import annotations

import statistics
import unicodedata
from pathlib import Path

import pytest
from rapidfuzz import fuzz

from leverage_lens.load.pdf import load_pdf
from leverage_lens.options import ParseOptions

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CUAD = DATA / "cuad"
SAMPLE = 20

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(
        not (CUAD / "pdf").is_dir() or not (CUAD / "txt").is_dir(),
        reason=f"shared CUAD data not found at {CUAD} (needs cuad/pdf and cuad/txt)",
    ),
]

_TYPOGRAPHY = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u2033", '"'),
        **dict.fromkeys("\u00ad\u2010\u2011\u2012\u2013\u2014\u2015\u2212", "-"),
    }
)


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY).split())


def all_pdfs() -> list[Path]:
    return sorted((CUAD / "pdf").glob("*.pdf")) if (CUAD / "pdf").is_dir() else []


def sample_pdfs(count: int) -> list[Path]:
    pdfs = all_pdfs()
    step = max(1, len(pdfs) // count)
    return pdfs[::step][:count]


def fidelity(pdf: Path, options: ParseOptions) -> float:
    loaded = load_pdf(pdf.read_bytes(), options, pdf.name)
    assert loaded.pages and loaded.blocks, pdf.name
    assert [p.number for p in loaded.pages] == list(range(1, len(loaded.pages) + 1))
    for block in loaded.blocks:
        page = loaded.pages[block.page - 1]
        assert page.start <= block.start <= block.end <= page.end, (pdf.name, block)
    published = (CUAD / "txt" / f"{pdf.stem}.txt").read_text(encoding="utf-8")
    return fuzz.ratio(normalise(loaded.text), normalise(published)) / 100


@pytest.mark.parametrize("pdf", sample_pdfs(SAMPLE), ids=lambda p: p.stem[:40])
def test_sample_of_cuad_pdfs_loads_faithfully(pdf: Path) -> None:
    assert fidelity(pdf, ParseOptions(strip_headers=False)) >= 0.97
    # Removing running headers and page numbers costs a little against the published text, never much.
    assert fidelity(pdf, ParseOptions()) >= 0.90


@pytest.mark.slow
def test_all_cuad_pdfs_load_faithfully() -> None:
    pdfs = all_pdfs()
    raw = {pdf.stem: fidelity(pdf, ParseOptions(strip_headers=False)) for pdf in pdfs}
    default = {pdf.stem: fidelity(pdf, ParseOptions()) for pdf in pdfs}
    low = {name: round(score, 4) for name, score in raw.items() if score < 0.97}
    assert not low, f"documents below 0.97 fidelity: {low}"
    assert statistics.median(raw.values()) >= 0.99
    assert statistics.median(default.values()) >= 0.99
    assert min(default.values()) >= 0.90
