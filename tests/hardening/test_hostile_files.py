"""Hostile files are refused with a typed error, cheaply, and nothing external is ever read.

Each case is analysed in a fresh interpreter (see ``hostile.measure``) so the memory figure is the
analysis's own. Times are reported by ``python -m tests.hardening.hostile`` (docs/hardening.md), not
asserted here; memory is asserted because it is what protects a shared machine.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from lxml import etree

import leverage_lens as ll
from leverage_lens import CorruptDocumentError, DocumentTooLargeError, EncryptedDocumentError
from leverage_lens.load import docx_safety

from . import hostile
from .invariants import assert_report_is_consistent

MEMORY_MB = 100  # the brief: refused "in under 1 s and under 100 MB of memory"


def _refused(data: bytes, suffix: str, error: type[Exception], **options: object) -> dict[str, object]:
    result = hostile.measure(data, suffix, dict(options))
    assert result["outcome"] == "typed", result
    assert result["error"] == error.__name__, result
    assert result["growth_mb"] < MEMORY_MB, result
    return result


@pytest.mark.parametrize(
    "build",
    [hostile.zip_bomb_ratio, hostile.zip_bomb_declared, hostile.zip_bomb_members],
    ids=["ratio", "declared-4GB", "30000-members"],
)
def test_docx_zip_bomb_is_refused_as_too_large(build) -> None:  # type: ignore[no-untyped-def]
    result = _refused(build(), ".docx", DocumentTooLargeError)
    assert "zip bomb" in str(result["message"])


def test_docx_part_lying_about_its_size_is_refused_without_inflating_it() -> None:
    _refused(hostile.zip_bomb_lying(256), ".docx", CorruptDocumentError)


@pytest.mark.parametrize(
    "build",
    [
        hostile.billion_laughs_docx,
        lambda: hostile.billion_laughs_docx("word/styles.xml"),
        lambda: hostile.billion_laughs_docx("word/numbering.xml"),
        lambda: hostile.billion_laughs_docx(utf16=True),
        lambda: hostile.renamed_main_part(hostile.billion_laughs_xml()),
    ],
    ids=["document", "styles", "numbering", "utf16", "renamed-main-part"],
)
def test_billion_laughs_docx_is_refused_as_an_entity_attack(build) -> None:  # type: ignore[no-untyped-def]
    result = _refused(build(), ".docx", CorruptDocumentError)
    assert "entity attack" in str(result["message"])


@pytest.fixture
def secret_file(tmp_path: Path) -> tuple[str, str]:
    marker = "XXE-MARKER-5f1c2a"
    path = tmp_path / "secret.txt"
    path.write_text(marker)
    return path.as_uri(), marker


@pytest.mark.parametrize("where", ["word/document.xml", "word/styles.xml", "word/header1.xml", "renamed"])
def test_external_entity_docx_is_refused_and_never_read(where: str, secret_file: tuple[str, str]) -> None:
    uri, marker = secret_file
    if where == "renamed":
        data = hostile.renamed_main_part(hostile.external_entity_xml(uri))
    else:
        data = hostile.external_entity_docx(uri, where)
    with pytest.raises(CorruptDocumentError, match="entity attack") as info:
        ll.analyze(data)
    assert marker not in str(info.value)


@pytest.mark.parametrize("target", ["file", "http://127.0.0.1:9/xxe", "parameter"])
def test_xml_parser_itself_never_resolves_external_entities(target: str, secret_file: tuple[str, str]) -> None:
    """Second line of defence, below the prolog check: the parser loads no DTD and resolves nothing."""
    uri, marker = secret_file
    if target == "parameter":
        xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY % p SYSTEM "' + uri.encode() + b'"> %p;]>'
               b"<d>&e;</d>")
    else:
        xml = hostile.external_entity_xml(uri if target == "file" else target)
    try:
        root = etree.fromstring(xml, parser=docx_safety._PARSER)
    except etree.XMLSyntaxError:
        return  # refusing to parse is as good as not resolving
    assert marker not in etree.tostring(root).decode()
    assert marker not in "".join(root.itertext())


def test_encrypted_pdf_raises_encrypted_document_error() -> None:
    _refused(hostile.encrypted_pdf(), ".pdf", EncryptedDocumentError)


def test_encrypted_pdf_opens_with_its_password() -> None:
    report = ll.analyze(hostile.encrypted_pdf("open sesame"), password="open sesame")
    assert report.document.text == "1. Term. This Agreement starts today."
    assert_report_is_consistent(report)


@pytest.fixture(scope="module")
def ten_thousand_pages() -> bytes:
    return hostile.many_pages_pdf(10_000)


def test_ten_thousand_page_pdf_is_refused_by_the_page_cap(ten_thousand_pages: bytes) -> None:
    result = _refused(ten_thousand_pages, ".pdf", DocumentTooLargeError)
    assert "10,000 pages, over the max_pages limit of 5,000" in str(result["message"])


def test_ten_thousand_page_pdf_is_refused_by_a_lower_configured_cap(ten_thousand_pages: bytes) -> None:
    with pytest.raises(DocumentTooLargeError, match="over the max_pages limit of 100;"):
        ll.parse(ten_thousand_pages, max_pages=100)


@pytest.mark.slow
def test_ten_thousand_page_pdf_is_read_when_the_cap_allows_it(ten_thousand_pages: bytes) -> None:
    result = hostile.measure(ten_thousand_pages, ".pdf", {"max_pages": 10_000})
    assert result["outcome"] == "ok", result
    assert result["pages"] == 10_000
    assert result["growth_mb"] < 400, result


def test_fifty_megabyte_single_line_text_is_refused_by_max_chars() -> None:
    """50 MiB of ASCII is 52,428,800 characters, over the default max_chars of 50,000,000."""
    data = hostile.single_line_text(50 * 1024 * 1024)
    result = _refused(data, ".txt", DocumentTooLargeError)
    assert "max_chars" in str(result["message"])


def test_single_line_text_within_max_chars_is_parsed() -> None:
    """The same line, 2 M characters: parsed (linear time; see bench/adversarial_scaling.py for rates)."""
    data = hostile.single_line_text(2_000_000)
    doc = ll.parse(data, format="txt")
    assert doc.text == data.decode()
    assert doc.clauses, "the line is at least one clause"
    assert all(c.text == doc.text[c.start : c.end] for c in doc.clauses)


@pytest.mark.slow
def test_single_line_text_just_under_max_chars_is_parsed_within_memory() -> None:
    data = hostile.single_line_text(49_999_999)
    code = (
        "import json, sys\nfrom tests.hardening.hostile import _PEAK_KB\nexec(_PEAK_KB)\n"
        "import leverage_lens as ll\nbase = peak_kb()\n"
        "doc = ll.parse(sys.argv[1], format='txt')\n"
        "print(json.dumps({'chars': len(doc.text), 'clauses': len(doc.clauses), 'growth_mb': (peak_kb() - base) / 1024}))"
    )
    import json
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "line.txt"
        path.write_bytes(data)
        out = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True,
                             cwd=str(hostile.ROOT), timeout=600, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["chars"] == 49_999_999
    assert result["growth_mb"] < 2048, result
