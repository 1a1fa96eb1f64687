"""One test per bug found by the hardening work (fuzzing, properties, adversarial scaling probes)."""

from __future__ import annotations

import random
import re
import struct
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens import CorruptDocumentError, DocumentTooLargeError
from leverage_lens.load import text as text_loader
from leverage_lens.segment import markers
from leverage_lens.segment.tree import MAX_DEPTH

from .hostile import plain_docx
from .invariants import assert_report_is_consistent

ROOT = Path(__file__).resolve().parents[2]


def _run_isolated(code: str, timeout: float) -> str:
    """Run ``code`` in a fresh interpreter; a quadratic regression shows up as a timeout, not a slow test."""
    out = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                         cwd=str(ROOT), timeout=timeout, check=True)
    return out.stdout


# -- lone surrogates (hypothesis): Report.to_json() raised pydantic's serialization error ----------------


def test_text_with_a_lone_surrogate_is_refused_before_parsing() -> None:
    with pytest.raises(CorruptDocumentError, match="lone surrogate"):
        ll.parse_text("\ud800")


def test_loader_text_with_lone_surrogates_keeps_its_offsets(monkeypatch: pytest.MonkeyPatch) -> None:
    """A loader (pdfminer, a broken ToUnicode map) yielding half a pair: one U+FFFD each, JSON works."""
    from leverage_lens import load

    monkeypatch.setattr(load, "decode_text", lambda data: "1. Term \udc80 here.\n2. Price \ud800.")
    report = ll.analyze(b"placeholder", format="txt")
    assert report.document.text == "1. Term \ufffd here.\n2. Price \ufffd."
    assert_report_is_consistent(report)


def test_replace_surrogates_is_one_for_one() -> None:
    text = "a\ud800b\U0001f600c\udfff"
    assert text_loader.replace_surrogates(text) == "a\ufffdb\U0001f600c\ufffd"


# -- fuzzing: a ZIP header claiming an unknown version raised NotImplementedError from zipfile -----------


def _unknown_zip_version(data: bytes) -> bytes:
    buf = bytearray(data)
    pos = buf.find(b"PK\x01\x02")
    struct.pack_into("<H", buf, pos + 6, 114)  # "version needed to extract" 11.4
    return bytes(buf)


@pytest.mark.parametrize("fmt", [None, "docx"])
def test_zip_claiming_an_unknown_version_is_a_corrupt_document(fmt: str | None) -> None:
    data = _unknown_zip_version(plain_docx())
    with pytest.raises(CorruptDocumentError) as info:
        ll.analyze(data, format=fmt)
    assert isinstance(info.value.__cause__, NotImplementedError)


# -- adversarial scaling: a run of capitals words was quadratic in the inline marker search --------------

_OLD_AFTER_CAPS = re.compile(
    r"\b[A-Z][A-Z&'\u2019\-]{2,}(?:[ \t]+(?:[A-Z][A-Z&'\u2019,\-]*|OF|AND|TO))*[.:]?[ \t]+"
    r"(?=(?:\d{1,3}\.\d{1,3}|(?:SECTION|Section)\s+\d|\([a-zA-Z0-9]{1,4}\)\s))"
)


def test_numbers_after_capitals_are_found_where_the_greedy_regex_found_them() -> None:
    rng = random.Random(8)
    words = ["ABC", "SECTION", "Section", "OF", "A", "AB-CD", "X,", "&", " ", "  ", "\t", ".", ":", "1.1",
             "14", "(a) ", "(b)", "ab", "\n", "ABCd", "'", "-", "Ab", "GRANT ", "2.1 "]
    for _ in range(3000):
        text = "".join(rng.choice(words) for _ in range(rng.randint(1, 30)))
        assert markers._after_caps_positions(text) == [m.end() for m in _OLD_AFTER_CAPS.finditer(text)], text


def test_capitals_heading_before_a_number_still_starts_a_clause() -> None:
    doc = ll.parse_text("1 GRANT 1.1 Rights. The Licensor grants a licence. 1.2 Scope. It covers software.")
    assert [c.number for c in doc.clauses if c.number] == ["1", "1.1", "1.2"]


def test_long_run_of_capitals_words_is_parsed_in_linear_time() -> None:
    """200,000 characters of "ABC ABC ..." took about 8 minutes before the fix, 0.05 s after."""
    out = _run_isolated(
        """
        import leverage_lens as ll
        for unit in ("ABC ", "A-", "AB-C ", "NOTHING IN THIS SECTION IS ", "ABC\\t"):
            doc = ll.parse_text(unit * (200_000 // len(unit)))
            print(len(doc.clauses))
        """,
        timeout=60,
    )
    assert len(out.split()) == 5


# -- adversarial depth: ": (a) : (a) ..." opened one level per token (RecursionError, quadratic memory) --


def test_clause_depth_is_capped() -> None:
    report = ll.analyze(ll.parse_text(": (a) " * 5000))
    assert max(c.level for c in report.clauses) < MAX_DEPTH
    assert_report_is_consistent(report)


def test_real_nesting_below_the_cap_is_kept() -> None:
    text = (
        "ARTICLE I DEFINITIONS\n1.1 Scope. The following applies:\n(a) first item, which covers:\n"
        "(i) one part, which includes:\n(A) alpha, namely:\n(1) uno.\nARTICLE II PRICE\n"
    )
    levels = [(c.number, c.level) for c in ll.parse_text(text).clauses if c.number]
    assert levels == [
        ("ARTICLE I", 0), ("1.1", 1), ("(a)", 2), ("(i)", 3), ("(A)", 4), ("(1)", 5), ("ARTICLE II", 0)
    ]


# -- a 50 MB single line: unbounded find("\n") per sentence end, slices per paragraph start -------------


def test_ascii_text_over_max_chars_is_refused_before_decoding(monkeypatch: pytest.MonkeyPatch) -> None:
    from leverage_lens import load

    def no_decoding(data: bytes) -> str:
        raise AssertionError("decoded although the byte count already settles it")

    monkeypatch.setattr(load, "decode_text", no_decoding)
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        ll.analyze(b"x" * 101, format="txt", max_chars=100)


def test_non_ascii_text_near_max_chars_is_measured_in_characters() -> None:
    data = ("\u00e9" * 100).encode()  # 200 bytes, 100 characters
    assert len(ll.parse(data, format="txt", max_chars=100).text) == 100


def test_paragraph_children_start_after_the_first_non_space_character() -> None:
    body = "\n\n".join(f"Paragraph {i} says what the parties agreed about matter {i}." for i in range(60))
    doc = ll.parse_text("  \n\n" + body)
    paragraphs = [c for c in doc.clauses if c.kind.value == "paragraph"]
    assert len(paragraphs) == 60
    assert paragraphs[0].text.startswith("Paragraph 0 ")


@pytest.mark.slow
def test_huge_single_line_and_huge_unnumbered_text_parse_in_linear_time() -> None:
    """16 M characters on one line took 28.5 s before the fix (49.9 M: 470 s); 1.8 s after."""
    out = _run_isolated(
        """
        import leverage_lens as ll
        line = "The Supplier shall deliver. The Buyer shall pay within 30 days: EXHIBIT A applies. "
        print(len(ll.parse_text(line * (16_000_000 // len(line))).clauses))
        para = "The Supplier shall deliver the goods on time and in full.\\n\\n"
        print(len(ll.parse_text(para * (8_000_000 // len(para))).clauses))
        """,
        timeout=120,
    )
    assert len(out.split()) == 2


def test_main_part_renamed_by_the_relationships_is_checked_for_a_dtd() -> None:
    from .hostile import billion_laughs_xml, renamed_main_part

    with pytest.raises(CorruptDocumentError, match="declares a DTD"):
        ll.analyze(renamed_main_part(billion_laughs_xml()))
