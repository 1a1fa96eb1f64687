"""Clause headings (``segment/headings.py``)."""

from __future__ import annotations

from leverage_lens.segment.headings import run_in_heading


def test_a_heading_on_its_own_line_before_a_lettered_item_is_a_heading() -> None:
    text = "2.4\tSurvival.\na.\tThe following sections survive."
    assert run_in_heading(text, 4, len(text)) == (4, 12)


def test_a_sentence_wrapped_onto_a_lower_case_line_is_not_a_heading() -> None:
    text = "2.4 Survival. the following sections survive."
    assert run_in_heading(text, 4, len(text)) is None
