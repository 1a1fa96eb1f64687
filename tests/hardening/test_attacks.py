"""Issue 21's attacks, each analysed in a fresh interpreter under an address-space cap: a typed error or a
clean Report, in under 5 s of CPU and 500 MB of memory growth (files under 10 KB).

Before the fixes these failed: the numbering files produced 43 million characters (2.4 GB, 38 s) or ran
out of memory, the fan-out PDFs killed the process with SIGABRT, the lying ZIP was accepted after 23 s.
CPU time is asserted rather than wall time so a loaded machine does not fail them.
"""

from __future__ import annotations

from typing import Any

import pytest

from . import attacks

CPU_SECONDS = 5.0
MEMORY_MB = 500


def _check(result: dict[str, object], error: str | None = None) -> None:
    assert result["outcome"] in ("ok", "typed"), result
    if error is not None:
        assert result.get("error") == error, result
    assert float(result["cpu_seconds"]) < CPU_SECONDS, result  # type: ignore[arg-type]
    assert float(result["growth_mb"]) < MEMORY_MB, result  # type: ignore[arg-type]


_FORMATS = ["upperRoman", "lowerLetter", "chicago", "cardinalText", "decimal"]
_INPUTS: dict[str, tuple[bytes, str]] = {
    **{f"start-{fmt}": (attacks.huge_start_numbering(fmt), ".docx") for fmt in _FORMATS},
    "start-override": (attacks.start_override_numbering(), ".docx"),
    "level-text": (attacks.long_level_text(), ".docx"),
    "fanout-10^6": (attacks.xobject_fanout_pdf(6), ".pdf"),
    "fanout-10^7": (attacks.xobject_fanout_pdf(7), ".pdf"),
    "zip-claims-5": (attacks.many_entries_zip(30_000, claimed=5), ".docx"),
}


@pytest.fixture(scope="module")
def outcomes() -> dict[str, dict[str, Any]]:
    """Every input analysed once, in one capped interpreter (peak memory reset before each)."""
    names = list(_INPUTS)
    results = attacks.run_many([(*_INPUTS[name], {}) for name in names])
    return dict(zip(names, results))


@pytest.mark.parametrize("fmt", _FORMATS)
def test_list_starting_at_two_to_the_31_gives_a_small_clean_report(fmt: str, outcomes: dict[str, Any]) -> None:
    assert len(_INPUTS[f"start-{fmt}"][0]) < 10_000
    result = outcomes[f"start-{fmt}"]
    _check(result)
    assert result["outcome"] == "ok" and int(result["chars"]) < 5_000, result


def test_start_override_at_two_to_the_31_gives_a_small_clean_report(outcomes: dict[str, Any]) -> None:
    result = outcomes["start-override"]
    _check(result)
    assert result["outcome"] == "ok" and int(result["chars"]) < 5_000, result


def test_level_text_with_forty_placeholders_is_cut_to_what_word_accepts(outcomes: dict[str, Any]) -> None:
    assert len(_INPUTS["level-text"][0]) < 10_000
    result = outcomes["level-text"]
    _check(result)
    # 200 paragraphs, each label at most 9 numbers of at most 64 characters plus 22 literal characters
    assert result["outcome"] == "ok" and int(result["chars"]) < 200 * (9 * 64 + 22 + 20), result


@pytest.mark.parametrize("depth", [6, 7], ids=["10^6", "10^7"])
def test_form_xobjects_fanned_out_are_refused_before_pdfium_loads_the_page(depth: int,
                                                                           outcomes: dict[str, Any]) -> None:
    assert len(_INPUTS[f"fanout-10^{depth}"][0]) < 10_000
    _check(outcomes[f"fanout-10^{depth}"], "DocumentTooLargeError")


def test_zip_whose_end_record_understates_its_entries_is_refused_from_the_entries(
        outcomes: dict[str, Any]) -> None:
    _check(outcomes["zip-claims-5"], "DocumentTooLargeError")


@pytest.mark.slow
@pytest.mark.parametrize("claimed", [5, None], ids=["claims-5", "honest"])
def test_zip_with_a_million_entries_is_refused_in_a_fraction_of_a_second(claimed: int | None) -> None:
    data = attacks.many_entries_zip(1_000_000, claimed=claimed)
    _check(attacks.run_limited(data, ".docx"), "DocumentTooLargeError")
