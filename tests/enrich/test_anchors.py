"""The one-pass anchor index gives, word for word, what the per-word scan gave (leverage_lens.enrich.anchors)."""

from __future__ import annotations

import itertools
import re

from hypothesis import given, settings
from hypothesis import strategies as st

import leverage_lens as ll
from leverage_lens.analysis import Analysis
from leverage_lens.enrich.anchors import AnchorVocabulary, sentences_with

ALPHABET = "ab %-.c\n"
words = st.text(alphabet=ALPHABET, min_size=1, max_size=4)


def _spans(text: str, cuts: list[int], overlap: bool) -> tuple[list[int], list[int]]:
    """Sentence starts and ends from cut points; ``overlap`` lets a sentence run past the next one's start."""
    points = sorted({min(c, len(text)) for c in cuts} | {0, len(text)})
    starts, ends = [], []
    for a, b in itertools.pairwise(points):
        starts.append(a)
        ends.append(min(len(text), b + 3) if overlap else max(a, b - 1))  # gaps between sentences too
    return starts, ends


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=120), st.lists(words, min_size=1, max_size=8),
       st.lists(st.integers(0, 120), max_size=10), st.booleans())
def test_one_pass_equals_the_per_word_scan(text, vocabulary, cuts, overlap):
    starts, ends = _spans(text, cuts, overlap)
    v = AnchorVocabulary()
    for w in vocabulary:
        v.learn(w)
    got = v.index(text, starts, ends)
    assert got == {w: sentences_with(text, w, starts, ends) for w in set(vocabulary)}


def test_words_that_contain_each_other_and_regex_characters_are_all_found():
    text = "the change of control; assign. Assignment (a)*? 10% fee% terminat terminate"
    starts, ends = [0, 22, 30, 47, 61], [21, 29, 46, 60, len(text)]
    v = AnchorVocabulary()
    vocabulary = ["chang", "change", "change of control", "assign", "ssign", "%", "(a)*?", "fee%", "terminat", "te"]
    for w in vocabulary:
        v.learn(w)
    got = v.index(text.lower(), starts, ends)
    assert got == {w: sentences_with(text.lower(), w, starts, ends) for w in vocabulary}
    assert got["%"] == [3] and got["ssign"] == [1, 2] and got["(a)*?"] == [2]


def test_the_vocabulary_stops_growing_at_its_cap():
    v = AnchorVocabulary(max_words=3)
    for w in ("a", "b", "c", "d"):
        v.learn(w)
    assert [w in v for w in "abcd"] == [True, True, True, False]


def test_candidates_are_the_same_on_first_and_later_documents():
    """The first document of a process scans word by word (and teaches the vocabulary); later ones read the
    text once: the sentences found are the same."""
    text = ("1. Assignment. Neither party may assign this Agreement without consent.\n"
            "2. Fees. Customer shall pay the fees within 30 days; late payments bear interest at 1.5% per month.\n"
            "3. Termination. Either party may terminate on notice. Sublicensing is not permitted.\n")
    analyzer = ll.Analyzer()
    pattern = re.compile(r"assign|pay|terminat|%|sublicen", re.IGNORECASE)
    anchors = ("assign", "pay", "terminat", "%", "sublicen", "never-seen-anchor")

    def found() -> list[tuple[int, int]]:
        doc = analyzer.parse_text(text)
        analysis = Analysis.build(doc)
        return [(s.start, s.end) for s in analysis.candidates(pattern, anchors)]

    first, second = found(), found()
    assert first == second
    assert first and all(pattern.search(text[a:b]) for a, b in first)
