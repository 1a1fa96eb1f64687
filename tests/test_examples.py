"""The shipped example contract parses the same way from DOCX, PDF and plain text.

``examples/build_examples.py`` writes one agreement three ways: the DOCX numbers its clauses with Word
automatic numbering (the numbers are not in the text), the PDF is LibreOffice's print of that DOCX, and the
text file types the numbers out. Whatever the format, a reader sees articles 1-15, sections such as
"4.1 Term." and sub-clauses "(a)", so the clause trees must agree. These tests pin that down; they are the
README's first promise (``leverage-lens parse examples/master_services_agreement.pdf``).
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

import leverage_lens
from leverage_lens import Clause, ClauseKind, Document

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MSA = EXAMPLES / "master_services_agreement"
FORMATS = ("docx", "pdf", "txt")

ARTICLES = [
    "DEFINITIONS",
    "SERVICES",
    "FEES AND PAYMENT",
    "TERM AND RENEWAL",
    "TERMINATION",
    "CONFIDENTIALITY",
    "INTELLECTUAL PROPERTY",
    "WARRANTIES",
    "LIMITATION OF LIABILITY",
    "INDEMNIFICATION",
    "EXCLUSIVITY AND NON-SOLICITATION",
    "GOVERNING LAW AND VENUE",
    "ASSIGNMENT",
    "NOTICES",
    "GENERAL",
]
FOOTER = "Master Services Agreement \u2013 Confidential \u2013 Page"


@pytest.fixture(scope="module", params=FORMATS)
def example(request: pytest.FixtureRequest) -> Document:
    return _parse(request.param)


_cache: dict[str, Document] = {}


def _parse(fmt: str) -> Document:
    if fmt not in _cache:
        _cache[fmt] = leverage_lens.parse(MSA.with_suffix(f".{fmt}"))
    return _cache[fmt]


def _articles(doc: Document) -> list[Clause]:
    return [c for c in doc.children() if c.number and c.kind is not ClauseKind.EXHIBIT]


def _article(doc: Document, number: str) -> Clause:
    found = [c for c in doc.children() if c.number == number]
    assert found, f"no top-level clause numbered {number!r}; top-level numbers: {_numbers(doc.children())}"
    return found[0]


def _headed(doc: Document, heading: str) -> Clause:
    found = [c for c in doc.clauses if c.heading == heading]
    assert found, f"no clause headed {heading!r}"
    return found[0]


def _numbers(clauses: list[Clause]) -> list[str | None]:
    return [c.number for c in clauses]


def test_example_files_are_shipped() -> None:
    for fmt in FORMATS:
        assert MSA.with_suffix(f".{fmt}").stat().st_size > 1000, f"run examples/build_examples.py ({fmt})"


def test_example_parses_with_exact_offsets(example: Document) -> None:
    assert example.clauses
    for clause in example.clauses:
        assert clause.text == example.text[clause.start : clause.end]
        assert clause.page_start <= clause.page_end


def test_text_example_text_is_kept_verbatim() -> None:
    raw = MSA.with_suffix(".txt").read_text(encoding="utf-8")
    assert _parse("txt").text == raw


def test_articles_are_numbered_one_to_fifteen(example: Document) -> None:
    assert _numbers(_articles(example)) == [f"{n}." for n in range(1, 16)]


def test_article_headings(example: Document) -> None:
    assert [c.heading for c in _articles(example)] == ARTICLES


def test_formats_agree_on_top_level_numbers() -> None:
    docx, pdf, txt = (_numbers(_parse(fmt).children()) for fmt in FORMATS)
    assert docx == txt
    assert pdf == txt


def test_formats_agree_on_the_whole_numbering() -> None:
    docx, pdf, txt = ([(c.level, c.number) for c in _parse(fmt).clauses if c.number] for fmt in FORMATS)
    assert docx == txt
    assert pdf == txt


def test_sections_carry_run_in_headings(example: Document) -> None:
    term = _article(example, "4.")
    sections = example.children(term)
    assert _numbers(sections) == ["4.1", "4.2", "4.3"]
    assert [c.heading for c in sections] == ["Term", "Automatic Renewal", "Statements of Work"]


def test_definitions_are_sections_of_article_one(example: Document) -> None:
    definitions = example.children(_article(example, "1."))
    assert _numbers(definitions) == [f"1.{n}" for n in range(1, 10)]
    assert definitions[0].text.lstrip("1. \t").startswith("\u201cAffiliate\u201d means")


def test_sub_clauses_are_lettered_under_their_section(example: Document) -> None:
    responsibilities = _headed(example, "Customer Responsibilities")
    assert responsibilities.number == "2.4"
    children = example.children(responsibilities)
    assert _numbers(children) == ["(a)", "(b)", "(c)"]
    assert all(c.level == responsibilities.level + 1 for c in children)
    effect = _headed(example, "Effect of Termination")
    assert _numbers(example.children(effect)) == ["(a)", "(b)", "(c)", "(d)"]


def test_exhibit_and_signatures_are_found(example: Document) -> None:
    kinds = [c.kind for c in example.children()]
    assert ClauseKind.SIGNATURE in kinds
    assert kinds[-1] is ClauseKind.EXHIBIT
    exhibit = example.children()[-1]
    assert "EXHIBIT A" in exhibit.text[:40]


def test_pdf_pages_and_running_footer() -> None:
    doc = _parse("pdf")
    assert 5 <= len(doc.pages) <= 7
    assert FOOTER not in doc.text, "the running footer is stripped (strip_headers=True)"
    articles = _articles(doc)
    assert articles[0].page_start == 1
    assert articles[-1].page_start > articles[0].page_start
    assert doc.children()[-1].page_start == len(doc.pages), "Exhibit A is on the last page"


def _load_builder() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_examples", EXAMPLES / "build_examples.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is created
    try:
        spec.loader.exec_module(module)
    finally:
        del sys.modules[spec.name]
    return module


def test_text_example_is_up_to_date_with_its_source() -> None:
    builder = _load_builder()
    expected = builder.render_text(builder.read_source())
    assert MSA.with_suffix(".txt").read_text(encoding="utf-8") == expected, "rerun examples/build_examples.py"
