"""Word numbering labels stay within what Word itself accepts, whatever numbering.xml says."""

from __future__ import annotations

import pytest

from leverage_lens.load.docx import load_docx
from leverage_lens.load.docx_numbering import (
    MAX_LEVEL_TEXT,
    MAX_NUMBER_CHARS,
    MAX_START,
    _level_text,
    _start_value,
    format_number,
)
from leverage_lens.options import ParseOptions
from tests.hardening import attacks


def _labels(data: bytes) -> list[str | None]:
    return [b.label for b in load_docx(data, ParseOptions(), "t.docx").blocks]


@pytest.mark.parametrize("raw, kept", [(-5, 0), (0, 0), (1, 1), (32767, 32767), (2**31, MAX_START), (None, 0)])
def test_start_values_are_clamped_to_the_range_word_stores(raw: int | None, kept: int) -> None:
    assert _start_value(raw) == kept


def test_list_starting_beyond_the_range_counts_from_32767() -> None:
    labels = _labels(attacks.huge_start_numbering("decimal", start=2**31 - 1, paragraphs=3))
    assert labels == ["32767.", "32768.", "32769."]


@pytest.mark.parametrize("fmt", ["lowerLetter", "upperLetter", "chicago", "upperRoman", "lowerRoman"])
def test_numbers_written_by_repeating_a_symbol_are_cut(fmt: str) -> None:
    assert len(format_number(MAX_START + 10**6, fmt)) <= MAX_NUMBER_CHARS


def test_ordinary_numbers_render_as_before() -> None:
    assert [format_number(v, "lowerLetter") for v in (1, 26, 27, 53)] == ["a", "z", "aa", "aaa"]
    assert format_number(3888, "upperRoman") == "MMMDCCCLXXXVIII"
    assert format_number(5, "chicago") == "**"


def test_level_text_keeps_at_most_31_characters_and_nine_placeholders() -> None:
    assert _level_text("%1.%2.%3.") == "%1.%2.%3."
    cut = _level_text("%1." * 40)
    assert cut is not None and cut.count("%") == 9
    assert len(cut.replace("%1", "#")) <= MAX_LEVEL_TEXT
    assert _level_text("Article " + "x" * 100).startswith("Article ")  # type: ignore[union-attr]
    assert len(_level_text("Article " + "x" * 100) or "") == MAX_LEVEL_TEXT


def test_short_level_text_with_too_many_placeholders_keeps_nine() -> None:
    assert (_level_text("%1" * 15) or "").count("%") == 9
