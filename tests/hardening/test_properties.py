"""Property-based tests: any string in, a valid Report out, and no exception but LeverageLensError.

The default run tries a modest number of examples per property; ``-m slow`` runs thousands.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leverage_lens as ll
from leverage_lens import CorruptDocumentError

from .invariants import assert_report_is_consistent
from .strategies import any_text, contract_text

QUICK = settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck))
LONG = settings(max_examples=3000, deadline=None, suppress_health_check=list(HealthCheck))


def _has_lone_surrogate(text: str) -> bool:
    return any(0xD800 <= ord(c) <= 0xDFFF for c in text)


def check_text(text: str, fmt: str = "txt") -> None:
    """parse_text keeps the text, analyze returns a consistent Report; a lone surrogate is a typed refusal."""
    if _has_lone_surrogate(text):
        with pytest.raises(CorruptDocumentError, match="lone surrogate"):
            ll.parse_text(text, format=fmt)
        return
    doc = ll.parse_text(text, format=fmt)
    assert doc.text == text
    assert doc.format == fmt
    assert_report_is_consistent(ll.analyze(doc))


def check_bytes(text: str) -> None:
    """The same text as file bytes: a Report or a LeverageLensError (empty or binary-looking input)."""
    data = text.encode("utf-8", "surrogatepass")
    try:
        report = ll.analyze(data, format="txt")
    except ll.LeverageLensError:
        return
    assert_report_is_consistent(report)


@QUICK
@given(contract_text)
def test_contract_like_text_yields_a_consistent_report(text: str) -> None:
    check_text(text)


@QUICK
@given(contract_text)
def test_contract_like_markdown_yields_a_consistent_report(text: str) -> None:
    check_text(text, "md")


@QUICK
@given(any_text)
def test_any_unicode_string_yields_a_consistent_report_or_a_typed_refusal(text: str) -> None:
    check_text(text)


@QUICK
@given(st.one_of(contract_text, any_text))
def test_text_bytes_yield_a_report_or_a_leverage_lens_error(text: str) -> None:
    check_bytes(text)


@QUICK
@given(contract_text, st.sampled_from(["\n", "\r\n", " ", ""]), st.integers(min_value=2, max_value=40))
def test_repeated_fragments_yield_a_consistent_report(text: str, joiner: str, times: int) -> None:
    """Repetition is where list numbering, depth and regex backtracking go wrong."""
    check_text(joiner.join([text] * times))


def test_lone_surrogate_is_refused_with_its_offset() -> None:
    with pytest.raises(CorruptDocumentError, match=r"U\+DC80\) at offset 3"):
        ll.parse_text("1. \udc80 Term")


def test_surrogate_pairs_written_as_one_character_are_accepted() -> None:
    text = "1. Term \U0001f600 applies.\n2. Price is fixed."
    report = ll.analyze(ll.parse_text(text))
    assert_report_is_consistent(report)
    assert [c.number for c in report.clauses if c.number] == ["1.", "2."]


@pytest.mark.slow
@LONG
@given(contract_text)
def test_contract_like_text_long_run(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@LONG
@given(any_text)
def test_any_unicode_string_long_run(text: str) -> None:
    check_text(text)


@pytest.mark.slow
@LONG
@given(contract_text, st.sampled_from(["\n", "\r\n", " ", ""]), st.integers(min_value=2, max_value=200))
def test_repeated_fragments_long_run(text: str, joiner: str, times: int) -> None:
    check_text(joiner.join([text] * times))
