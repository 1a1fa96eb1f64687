"""parse(..., isolate=True): the loader runs in a child process whose failures come back as typed errors."""

from __future__ import annotations

import pytest

import leverage_lens as ll
from leverage_lens.errors import DocumentTooLargeError
from leverage_lens import load
from leverage_lens.load import detect, isolate
from leverage_lens.options import ParseOptions
from tests.fixtures.pdf_writer import write_pdf
from tests.hardening import attacks


def test_isolated_parse_gives_the_same_document() -> None:
    data = write_pdf([["1. Term. This Agreement starts today.", "2. Price. The price is fixed."]])
    assert ll.parse(data, isolate=True).model_dump() == ll.parse(data).model_dump()


def test_typed_errors_of_the_child_are_raised_here() -> None:
    with pytest.raises(DocumentTooLargeError, match="max_pdf_form_draws"):
        ll.parse(attacks.xobject_fanout_pdf(7), isolate=True)


def test_pdfium_abort_in_the_child_is_a_typed_error() -> None:
    """With the guard lifted, pdfium exhausts the child's memory cap and aborts: the parent carries on."""
    raw = detect.RawSource(attacks.xobject_fanout_pdf(6), "fanout.pdf", ".pdf")
    options = ParseOptions(max_pdf_form_draws=10**9)
    with pytest.raises(DocumentTooLargeError, match="died from SIG"):
        isolate.load_isolated(load.load_raw, raw, None, options, memory_mb=600)


def test_child_over_its_time_is_stopped() -> None:
    raw = detect.RawSource(attacks.xobject_fanout_pdf(5), "slow.pdf", ".pdf")
    options = ParseOptions(max_pdf_form_draws=10**9)
    with pytest.raises(DocumentTooLargeError, match="took longer than 0.01 s"):
        isolate.load_isolated(load.load_raw, raw, None, options, timeout=0.01)
