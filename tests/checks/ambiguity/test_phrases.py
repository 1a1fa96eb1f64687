"""The linear scanners give exactly what the regular expressions they replace gave."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_lens.checks.ambiguity._index import LineIndex, RunIndex
from leverage_lens.checks.ambiguity._phrases import PhraseScanner, WordRuns
from leverage_lens.checks.ambiguity.defined_terms import _inflected_uses

WORDS = ["confidential", "information", "effective", "date", "the", "party", "a", "b", "ab", "x-y", "o'k",
         "data", "us", "u.s."]
_word = st.sampled_from(WORDS + [w.upper() for w in WORDS] + [w.capitalize() for w in WORDS])
_gap = st.sampled_from([" ", "  ", "\n", " \t", "\u00a0", ""])
_punct = st.sampled_from(["", "", "\"", "(", ")", ".", ",", "-", "'", "\u201c", "_"])


@st.composite
def texts(draw: st.DrawFn) -> str:
    parts = draw(st.lists(st.tuples(_punct, _word, _punct, _gap), max_size=40))
    return "".join(a + w + b + g for a, w, b, g in parts)


@st.composite
def phrases(draw: st.DrawFn) -> set[str]:
    out = set()
    for words in draw(st.lists(st.lists(_word, min_size=2, max_size=4), min_size=1, max_size=6)):
        out.add(" ".join(words))
    return out


def _regex_spans(multi: set[str], low: str) -> list[tuple[int, int]]:
    alt = "|".join(r"\s+".join(re.escape(w) for w in t.lower().split()) for t in sorted(multi, key=len, reverse=True))
    return [m.span() for m in re.finditer(rf"(?<![\w\-])(?:{alt})(?![\w\-])", low)]


@settings(max_examples=400, deadline=None)
@given(texts(), phrases())
def test_phrase_scanner_finds_what_the_alternation_found(text: str, multi: set[str]) -> None:
    low = text.lower()
    if len(low) != len(text):
        return
    assert list(PhraseScanner(multi).finditer(low)) == _regex_spans(multi, low)


def test_phrase_scanner_prefers_the_longest_phrase_and_never_overlaps() -> None:
    multi = {"Confidential Information", "Confidential Information Act", "Information Act Notice"}
    low = 'the "confidential information act notice" and confidential  information.'
    assert list(PhraseScanner(multi).finditer(low)) == _regex_spans(multi, low)


@settings(max_examples=300, deadline=None)
@given(texts(), st.sampled_from(["Data", "Party", "Effective Date", "O'k", "X-Y", "the"]))
def test_inflected_uses_from_word_runs_match_the_plain_search(text: str, term: str) -> None:
    heads = {WordRuns.first_run(term + s) for s in ("s", "es", "'s", "\u2019s")}
    runs = WordRuns(text, [h for h in heads if h])
    assert _inflected_uses(text, term, runs) == _inflected_uses(text, term)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="12.(a)Ab \n_", max_size=60), st.sampled_from(["1.1(a)", "2.3", "12A.3", "1.1.", "1(a)"]))
def test_run_index_finds_every_printed_number(text: str, n: str) -> None:
    exact = re.compile(rf"{re.escape(n)}(?![\w]|\.\d)")
    expected = [m.start() for m in re.finditer(rf"(?<![\w.]){re.escape(n)}(?![\w]|\.\d)", text)]
    found = [a for a in RunIndex(text).candidates(n) if exact.match(text, a)]
    assert found == expected


@given(st.text(alphabet="ab\n", max_size=30), st.integers(0, 30))
def test_line_index_matches_find_and_rfind(text: str, pos: int) -> None:
    pos = min(pos, len(text))
    lines = LineIndex(text)
    assert lines.start(pos) == text.rfind("\n", 0, pos) + 1
    assert lines.end(pos) == text.find("\n", pos)
