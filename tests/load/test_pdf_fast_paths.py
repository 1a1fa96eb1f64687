"""The PDF cleanup's fast paths answer exactly as the simple forms they replaced: the on-demand lexicon behind
the hyphen rule (word sets), and the one-pass search for a page's top- and bottom-most lines (max/min)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_lens.load.pdf_clean import RawLine, _edges, _Lexicon, _vocabulary, hyphen_joins

PIECES = ["agree", "ment", "agreement", "non", "exclusive", "non-exclusive", "third", "party", "-", "--", " ",
          "\u00e9t\u00e9", "\u00c9T\u00c9", "2", "\u00b2", "_", "x-y-z", "Agree", "AGREE-", "ment.", "(", "\u0130"]
lines = st.lists(st.lists(st.sampled_from(PIECES), max_size=8).map("".join), min_size=1, max_size=8)
probes = st.lists(st.sampled_from(PIECES + ["agree-ment", "x-y", "y-z", "", "t\u00e9", "i\u0307"]),
                  max_size=3).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(lines, min_size=1, max_size=3), st.lists(probes, max_size=10))
def test_lexicon_lookups_equal_membership_in_the_vocabulary_sets(pages: list[list[str]], asked: list[str]) -> None:
    raw = [[RawLine(t) for t in page] for page in pages]
    words, compounds = _vocabulary(raw)
    lexicon = _Lexicon(raw)
    for token in [*asked, *words, *compounds]:
        assert (token in lexicon.words) == (token in words), token
        assert (token in lexicon.compounds) == (token in compounds), token
    for page in pages:
        assert hyphen_joins(page, lexicon.words, lexicon.compounds) == hyphen_joins(page, words, compounds)


def test_a_line_break_hyphen_is_dropped_only_when_the_document_prints_the_joined_word() -> None:
    page = ["The agree-", "ment binds the non-", "exclusive licensee.", "This agreement and the non-exclusive"]
    lexicon = _Lexicon([[RawLine(t) for t in page]])
    # "agreement" is printed whole elsewhere: join; "non-exclusive" is printed hyphenated: keep the hyphen
    assert hyphen_joins(page, lexicon.words, lexicon.compounds) == [True, False, False, False]
    assert "agreement" in lexicon.words and "agree" in lexicon.words  # "agree-" at a line end is a word too
    assert "greement" not in lexicon.words and "agreements" not in lexicon.words
    assert "non-exclusive" in lexicon.compounds and "exclusive" in lexicon.words


def _edges_by_max_min(lines: list[RawLine], count: int) -> set[int]:
    n = len(lines)
    picked = set(range(min(count, n))) | set(range(max(0, n - count), n))
    placed = [(j, line.boxes) for j, line in enumerate(lines) if line.boxes]
    if placed:
        picked.add(max(placed, key=lambda jb: max(b[3] for b in jb[1]))[0])
        picked.add(min(placed, key=lambda jb: min(b[1] for b in jb[1]))[0])
    return picked


coords = st.sampled_from([0.0, 10.0, 10.0, 20.5, 700.0, 792.0])
rects = st.tuples(coords, coords, coords, coords)
raw_lines = st.lists(st.builds(lambda boxes: RawLine("x", tuple(boxes)), st.lists(rects, max_size=3)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(raw_lines, st.integers(0, 4))
def test_edge_lines_found_in_one_pass_equal_those_found_by_max_and_min(lines: list[RawLine], count: int) -> None:
    assert _edges(lines, count) == _edges_by_max_min(lines, count)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5000), st.tuples(*[st.one_of(st.floats(allow_nan=False, allow_infinity=False),
                                                  st.integers(-10_000, 10_000))] * 4))
def test_line_boxes_built_without_validation_equal_validated_boxes(page: int, rect: tuple) -> None:
    from leverage_lens.load.pdf_clean import _box
    from leverage_lens.model import Box

    fast = _box(page, rect)
    validated = Box(page=page, x0=rect[0], y0=rect[1], x1=rect[2], y1=rect[3])
    assert fast == validated
    assert fast.model_dump_json() == validated.model_dump_json()  # an int coordinate is a float in both
    assert repr(fast) == repr(validated)
    assert fast.model_fields_set == validated.model_fields_set
    assert hash(fast) == hash(validated)
