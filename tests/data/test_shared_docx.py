"""The DOCX loader over the 185 real Word contracts in ``../shared/data/docx``.

The Common Paper forms number every clause with Word automatic numbering held in styles (``Heading 1``..
``Heading 3`` carry ``w:numPr``; both ``w:num`` instances point at one ``w:abstractNum`` with lvlText "%1.",
"%1.%2", "(%3)"), so none of their numbers are in the paragraph text. The expected labels below were read
off numbering.xml/styles.xml and agree with LibreOffice's rendering of the same files; the forms' own
cross-references ("Section 8.4 (Exceptions)") are a second, independent check that runs over every form.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leverage_lens.load._types import Loaded
from leverage_lens.load.docx import load_docx
from leverage_lens.options import ParseOptions

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
DOCX = DATA / "docx" / "templates"
COMMON_PAPER = DOCX / "common-paper-cc-by-4.0"
ALL_DOCX = sorted(DOCX.rglob("*.docx")) if DOCX.is_dir() else []

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not DOCX.is_dir(), reason=f"shared DOCX data not found at {DOCX}"),
]

_CACHE: dict[Path, Loaded] = {}


def load(path: Path) -> Loaded:
    if path not in _CACHE:
        _CACHE[path] = load_docx(path.read_bytes(), ParseOptions(), path.name)
    return _CACHE[path]


def form(name: str) -> Loaded:
    return load(COMMON_PAPER / name / "template.docx")


def labels_of(loaded: Loaded, start: str) -> list[str | None]:
    """Labels of the blocks whose own text (after the label) starts with ``start``."""
    out = []
    for b in loaded.blocks:
        body = loaded.text[(b.label_end or b.start) : b.end].lstrip()
        if body.startswith(start):
            out.append(b.label)
    return out


@pytest.mark.parametrize("path", ALL_DOCX, ids=lambda p: str(p.relative_to(DOCX).parent))
def test_every_shared_docx_loads_into_consistent_blocks(path: Path) -> None:
    loaded = load(path)
    assert loaded.format == "docx"
    assert loaded.text.strip()
    # pages (split at the page breaks Word recorded) tile the text, in order
    assert [p.number for p in loaded.pages] == list(range(1, len(loaded.pages) + 1))
    assert loaded.pages[0].start == 0 and loaded.pages[-1].end == len(loaded.text)
    assert all(a.end == b.start < b.end for a, b in zip(loaded.pages, loaded.pages[1:]))
    previous_end = -1
    for block in loaded.blocks:
        assert previous_end < block.start < block.end <= len(loaded.text)
        assert "\n" not in loaded.text[block.start : block.end]
        if block.label:
            assert loaded.text[block.start : block.label_end] == block.label
            assert block.list_level is not None
        previous_end = block.end


@pytest.mark.parametrize(
    ("name", "start", "label"),
    [
        ("common-paper-cloud-service-agreement", "Access and Use.", "1.1"),
        ("common-paper-cloud-service-agreement", "Restrictions & Obligations", "2."),
        ("common-paper-cloud-service-agreement", "Restrictions on Customer.", "2.1"),
        ("common-paper-cloud-service-agreement", "Except as expressly permitted by this Agreement", "(a)"),
        ("common-paper-cloud-service-agreement", "Invoicing.", "4.2"),
        ("common-paper-cloud-service-agreement", "Exceptions.  The liability cap", "8.4"),
        ("common-paper-cloud-service-agreement", "Non-Exhaustive Remedies.", "12.5"),
        ("common-paper-cloud-service-agreement", '"OFAC" means', "13.23"),
        ("common-paper-csa-with-sla", "Access and Use.", "1.1"),
        ("common-paper-software-license-agreement", "Taxes.", "3.4"),
        ("common-paper-software-license-agreement", "Export Controls.", "10.12"),
        ("common-paper-professional-services-agreement", "Notices.", "12.8"),
        ("common-paper-business-associate-agreement", "Books and Records to HHS.", "1.8"),
        ("common-paper-data-processing-agreement", "Consent to Processing.", "2.5"),
        ("common-paper-data-processing-agreement", "Security Incident Response", "4."),
        ("common-paper-ai-addendum", "Non-Training Improvement.", "1.4"),
        ("common-paper-partnership-agreement", "Trademark License", "3."),
        ("common-paper-one-way-nda", "Exceptions. The Recipient", "3."),
        ("common-paper-one-way-nda", "Equitable Relief.", "10."),
        # numStyleLink list with lvlText "%1.%2." (trailing dot, as printed)
        ("common-paper-design-partner-agreement", "Termination.  Either party may terminate", "3.2."),
        ("common-paper-design-partner-agreement", "Titles and Interpretation.", "7.11."),
        # third level written "%3. " in lowerLetter
        ("common-paper-pilot-agreement", "Required Disclosures.", "6.3"),
        ("common-paper-pilot-agreement", "if the other party fails to cure a material breach", "a."),
    ],
)
def test_common_paper_forms_show_word_numbers(name: str, start: str, label: str) -> None:
    found = labels_of(form(name), start)
    assert found, f"no paragraph starting {start!r} in {name}"
    assert found[0] == label


def test_cloud_service_agreement_articles_run_one_to_thirteen() -> None:
    loaded = form("common-paper-cloud-service-agreement")
    tops = [b.label for b in loaded.blocks if b.label and b.list_level == 0]
    assert tops == [f"{n}." for n in range(1, 14)]
    first = next(b for b in loaded.blocks if b.label == "1.1")
    assert first.heading_level == 1 and first.style == "Heading 2"


def test_cover_page_forms_have_no_automatic_numbers() -> None:
    for name in ("common-paper-mutual-nda", "common-paper-order-form"):
        assert [b.label for b in form(name).blocks if b.label] == []


_CROSS_REF = re.compile(r"Sections? (\d+(?:\.\d+)*) \(([^()]{3,60})\)")


def _checked_cross_references(loaded: Loaded) -> tuple[int, list[tuple[str, list[str]]]]:
    """How many "Section N (Title)" references resolve to a numbered paragraph, and those that disagree."""
    titled: dict[str, set[str]] = {}
    for b in loaded.blocks:
        if b.label:
            titled.setdefault(loaded.text[b.label_end : b.end].strip().lower(), set()).add(
                b.label.rstrip(".")
            )
    checked, wrong = 0, []
    for m in _CROSS_REF.finditer(loaded.text):
        number, title = m.group(1), m.group(2).lower()
        candidates = set().union(*(labels for body, labels in titled.items() if body.startswith(title)))
        if candidates:
            checked += 1
            if number not in candidates:
                wrong.append((m.group(0), sorted(candidates)))
    return checked, wrong


@pytest.mark.parametrize(
    "path", [p for p in ALL_DOCX if "common-paper" in str(p)], ids=lambda p: p.parent.name
)
def test_cross_references_name_the_numbers_word_shows(path: Path) -> None:
    """ "Section 8.4 (Exceptions)" in the text must point at the paragraph numbered 8.4 titled Exceptions."""
    _, wrong = _checked_cross_references(load(path))
    assert wrong == []


def test_cross_reference_check_covers_the_cloud_service_agreement() -> None:
    checked, wrong = _checked_cross_references(form("common-paper-cloud-service-agreement"))
    assert checked >= 10 and wrong == []
