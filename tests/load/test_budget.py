"""Loaders charge the character budget as they produce text: an oversized document stops at the limit."""

from __future__ import annotations

import pytest

import leverage_lens as ll
from leverage_lens.errors import DocumentTooLargeError
from leverage_lens.load.budget import CharBudget
from leverage_lens.load.docx import load_docx
from leverage_lens.options import ParseOptions
from tests.fixtures.pdf_writer import write_pdf
from tests.hardening import attacks


def test_budget_refuses_once_the_total_passes_the_limit() -> None:
    budget = CharBudget(10, "x.docx")
    budget.take(10)
    with pytest.raises(DocumentTooLargeError, match="x.docx yields more than the max_chars limit of 10"):
        budget.take(1, "page 2")


def test_docx_body_is_refused_while_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    """The run that crosses the limit stops the loader: later paragraphs are never collected."""
    body = "".join(f"<w:p><w:r><w:t>Clause {i} text of the agreement.</w:t></w:r></w:p>" for i in range(2000))
    data = attacks.tiny_docx(body)
    budget = CharBudget(1000, "t.docx")
    with pytest.raises(DocumentTooLargeError, match="max_chars limit of 1,000"):
        load_docx(data, ParseOptions(max_chars=1000), "t.docx", budget)
    assert 1000 < budget.used < 1100


def test_docx_numbering_labels_are_charged() -> None:
    data = attacks.huge_start_numbering("lowerLetter", start=32_000, paragraphs=50)
    with pytest.raises(DocumentTooLargeError, match="numbering labels"):
        load_docx(data, ParseOptions(max_chars=100_000), "t.docx", CharBudget(1500, "t.docx"))


def test_pdf_page_is_refused_before_its_text_is_copied_out() -> None:
    data = write_pdf([[f"{i}. Clause {i} of the agreement applies." for i in range(1, 40)]] * 5)
    with pytest.raises(DocumentTooLargeError, match="by page 2 of 5"):
        ll.parse(data, max_chars=2000)


def test_text_within_the_budget_is_read_whole() -> None:
    data = attacks.tiny_docx("<w:p><w:r><w:t>1. Term. This Agreement starts today.</w:t></w:r></w:p>")
    assert ll.parse(data, max_chars=38).text == "1. Term. This Agreement starts today."
