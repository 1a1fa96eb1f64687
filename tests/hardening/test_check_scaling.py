"""Analysis time grows linearly with the text: an input made 8 times longer costs at most 20 times more.

Linear time is x8 (less with the fixed costs), quadratic x64: the bound leaves room for a loaded machine and
catches any quadratic loop. Times are CPU seconds of this process, best of a few runs, measured in the same
process for both sizes; nothing is compared with a wall clock. The five patterns are the ones issue 21 found
quadratic in the checks (``bench/adversarial_scaling.py --checks`` times them up to 1.6 M characters); the
property test repeats fragments drawn from the tokens the parser and the checks react to.
"""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import leverage_lens as ll

from .attacks import CHECK_PATTERNS, CUAD_TXT
from .strategies import TOKENS

FACTOR = 8
BOUND = 20.0


def cpu_seconds(text: str, repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        ll.analyze(text.encode("utf-8"), format="txt")
        best = min(best, time.process_time() - started)
    return best


def growth(build, small: int) -> tuple[float, float]:  # type: ignore[no-untyped-def]
    """(time ratio, small time) for ``build(small)`` against ``build(small * FACTOR)``."""
    ll.analyze(b"1. Term. Warm-up.", format="txt")
    a = cpu_seconds(build(small), 3)
    b = cpu_seconds(build(small * FACTOR), 1)
    return b / max(a, 0.02), a


#: Where each pattern starts: large enough for its quadratic loop, before the fix, to dominate at x8.
_SMALL = {name: 50_000 if "Definitions" in name else 25_000 for name in CHECK_PATTERNS}


@pytest.mark.parametrize("name", list(CHECK_PATTERNS))
def test_issue_21_patterns_are_analysed_in_linear_time(name: str) -> None:
    if "CUAD" in name and not CUAD_TXT.is_dir():
        pytest.skip(f"shared CUAD texts not found at {CUAD_TXT}")
    ratio, base = growth(CHECK_PATTERNS[name], _SMALL[name])
    assert ratio <= BOUND, f"{name}: x{ratio:.1f} time for x{FACTOR} size (from {base:.2f} s)"


@pytest.mark.slow
def test_real_contract_text_without_newlines_is_analysed_in_linear_time_at_megabytes() -> None:
    """Issue 21's fifth pattern where it turned superlinear: 1 M characters 2.4 s, 2 M 8.5 s, 4 M 21.8 s (the
    more contracts, the more defined terms one alternation tried at every position)."""
    if not CUAD_TXT.is_dir():
        pytest.skip(f"shared CUAD texts not found at {CUAD_TXT}")
    build = CHECK_PATTERNS["CUAD text, newlines removed"]
    ll.analyze(b"1. Term. Warm-up.", format="txt")
    a = cpu_seconds(build(500_000), 1)
    b = cpu_seconds(build(4_000_000), 1)
    assert b / a <= BOUND, f"x{b / a:.1f} time for x8 size (from {a:.2f} s)"


_CHECK_TOKENS = [
    "[____]", "______", "$XX", "[insert date]", "TBD", "Section 4.1(a)", "Sections 2 and 3", "Exhibit B",
    "EXHIBIT A", "FORM OF", '"Confidential Information" means', "confidential Information", "Licenced Products",
    "1. Definitions.", "Definitions", "(the \u201cServices\u201d)", "reasonable efforts", "best efforts",
    "shall be given", "and/or", "30 days", "thirty (30) days", "Party", "Parties", "(", ")", "\u201c", "\u201d",
]

fragments = st.lists(st.sampled_from(_CHECK_TOKENS + TOKENS[:60]), min_size=1, max_size=12).map(" ".join)


def _repeat(fragment: str):  # type: ignore[no-untyped-def]
    return lambda n: (fragment * (n // max(len(fragment), 1) + 1))[:n]


@settings(max_examples=4, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments)
def test_repeated_fragments_are_analysed_in_linear_time(fragment: str) -> None:
    ratio, base = growth(_repeat(fragment), 12_500)
    assert ratio <= BOUND, f"{fragment!r}: x{ratio:.1f} time for x{FACTOR} size (from {base:.2f} s)"


@pytest.mark.slow
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragments)
def test_repeated_fragments_are_analysed_in_linear_time_long_run(fragment: str) -> None:
    ratio, base = growth(_repeat(fragment), 25_000)
    assert ratio <= BOUND, f"{fragment!r}: x{ratio:.1f} time for x{FACTOR} size (from {base:.2f} s)"
