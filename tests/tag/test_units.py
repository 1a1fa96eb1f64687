"""Tagging units: a clause's own text (up to its first child) with the headings above it."""

from __future__ import annotations

import leverage_lens
from leverage_lens.tag.units import units

CONTRACT = """\
1. TERM AND TERMINATION

1.1 Term. This Agreement starts on the Effective Date and continues for three years.

1.2 Termination. Either party may terminate this Agreement:

(a) on ninety days' written notice to the other party; or

(b) immediately if the other party commits a material breach.
"""


def test_parent_unit_stops_at_its_first_child() -> None:
    doc = leverage_lens.parse_text(CONTRACT)
    by_number = {doc.clauses[u.index].number: u for u in units(doc.clauses)}
    parent = by_number["1.2"]
    child = next(c for c in doc.clauses if c.number == "(a)")
    assert parent.end == child.start
    assert "ninety days" not in doc.text[parent.start : parent.end]


def test_unit_context_carries_the_ancestor_headings() -> None:
    doc = leverage_lens.parse_text(CONTRACT)
    by_number = {doc.clauses[u.index].number: u for u in units(doc.clauses)}
    assert by_number["(a)"].context.lower().startswith("term and termination")
    assert by_number["(a)"].context.endswith("Termination")
    text = by_number["(a)"].model_text(doc.text)
    assert by_number["(a)"].context in text and "ninety days" in text


def test_model_text_reads_previous_tail_then_headings_then_own_text() -> None:
    from leverage_lens.tag.textcat import HEAD_MARK, PREV_MARK
    from leverage_lens.tag.units import PREV_CHARS

    doc = leverage_lens.parse_text(CONTRACT)
    by_number = {doc.clauses[u.index].number: u for u in units(doc.clauses)}
    unit = by_number["(a)"]
    text = unit.model_text(doc.text)
    lead = text.index("Either party may terminate")
    assert lead < text.index(PREV_MARK) < text.index(unit.context) < text.index(HEAD_MARK) < text.index("ninety")
    assert unit.prev == (by_number["1.2"].start, by_number["1.2"].end)
    assert unit.prev[1] - unit.prev[0] <= PREV_CHARS
    first = units(doc.clauses)[0]
    assert first.prev == (0, 0) and PREV_MARK not in first.model_text(doc.text)


def test_heading_only_clause_is_not_a_unit() -> None:
    doc = leverage_lens.parse_text(CONTRACT)
    indexed = {doc.clauses[u.index].number for u in units(doc.clauses)}
    assert "1" not in indexed
    assert {"1.1", "1.2", "(a)", "(b)"} <= indexed


def test_a_long_unit_is_read_in_further_windows_up_to_the_reading_limit() -> None:
    from leverage_lens.tag.units import MAX_MODEL_CHARS, MAX_READ_CHARS, Unit, windowed

    text = "a" * 10_000
    long_unit = Unit(0, 0, 10_000, None, "Term")
    short_unit = Unit(1, 0, MAX_MODEL_CHARS, None, "")
    more = long_unit.more_windows(text)
    assert len(more) == MAX_READ_CHARS // MAX_MODEL_CHARS - 1
    prefix = long_unit.prefix(text)
    assert all(w.startswith(prefix) and len(w) == len(prefix) + MAX_MODEL_CHARS for w in more)
    assert short_unit.more_windows(text) == []
    inputs, owners = windowed([short_unit, long_unit], text)
    assert inputs[:2] == [short_unit.model_text(text), long_unit.model_text(text)]
    assert owners == [1] * len(more) and inputs[2:] == more
