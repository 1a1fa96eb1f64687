"""Clauses built by the segmenter's fast constructor are the objects validation would build."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

import leverage_lens
from leverage_lens.model import Box, Clause, ClauseKind, Span
from leverage_lens.segment.build import _new_clause


def test_fast_clause_equals_the_validated_clause_field_for_field() -> None:
    values = {"id": "9.1(a)", "number": "(a)", "heading": "Term", "level": 2, "parent_id": "9.1",
              "kind": ClauseKind.SECTION, "start": 10, "end": 40, "text": "x" * 30, "page_start": 1, "page_end": 2,
              "number_span": Span(start=10, end=13), "heading_span": None,
              "boxes": [Box(page=1, x0=1.0, y0=2.0, x1=3.0, y1=4.0)], "tags": []}
    fast, checked = _new_clause(**values), Clause(**values)
    assert fast == checked
    assert repr(fast) == repr(checked)
    assert fast.model_fields_set == checked.model_fields_set == set(Clause.model_fields)
    assert fast.model_dump_json() == checked.model_dump_json()
    assert Clause.model_validate_json(fast.model_dump_json()) == fast


def test_fast_clause_keeps_declaration_order_whatever_the_argument_order() -> None:
    values = {"tags": [], "boxes": [], "heading_span": None, "number_span": None, "page_end": 1, "page_start": 1,
              "text": "a", "end": 1, "start": 0, "kind": ClauseKind.PARAGRAPH, "parent_id": None, "level": 0,
              "heading": None, "number": None, "id": "paragraph-1"}
    assert list(_new_clause(**values).__dict__) == list(Clause.model_fields)


def test_parsed_clauses_are_frozen_and_round_trip_through_json() -> None:
    doc = leverage_lens.parse_text("1. Term\n1.1 The term is one year.\n2. Payment\nFees are due monthly.\n")
    assert [c.number for c in doc.clauses] == ["1.", "1.1", "2."]
    for c in doc.clauses:
        assert c.text == doc.text[c.start : c.end]
        assert Clause.model_validate_json(c.model_dump_json()) == c
    with pytest.raises(ValidationError, match="frozen"):
        doc.clauses[0].level = 5  # type: ignore[misc]
