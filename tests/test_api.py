"""The public API: sources, format detection, typed errors, options, and the Report/Document contract."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

import leverage_lens as ll
from leverage_lens import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    InvalidOptionError,
    LeverageLensError,
    UnsupportedFormatError,
)

TEXT = "SUPPLY AGREEMENT\n\n1. Supply. The Seller sells.\n2. Price. The Buyer pays $1.5 million.\n"


def test_parse_text_keeps_the_callers_string_exactly():
    text = "  \r\n1. Term.\u00a0This\tAgreement\u2019s term is one year.\r\n\r\n2. Fees. \U0001f4b0 Ten.  "
    doc = ll.parse_text(text)
    assert doc.text == text
    for c in doc.clauses:
        assert c.text == text[c.start : c.end]


def test_parse_accepts_a_path_a_string_path_bytes_and_a_binary_file(tmp_path):
    path = tmp_path / "supply.txt"
    path.write_text(TEXT, encoding="utf-8")
    docs = [
        ll.parse(path),
        ll.parse(str(path)),
        ll.parse(TEXT.encode("utf-8")),
        ll.parse(io.BytesIO(TEXT.encode("utf-8"))),
    ]
    assert {d.text for d in docs} == {TEXT}
    assert {tuple(c.id for c in d.clauses) for d in docs} == {tuple(c.id for c in docs[0].clauses)}
    assert docs[0].name == "supply.txt" and docs[2].name is None
    assert docs[0].sha256 == docs[2].sha256


def test_markdown_extension_selects_markdown(tmp_path):
    path = tmp_path / "terms.md"
    path.write_text("# Terms\n\n## 1. Use\n\nBe nice.\n", encoding="utf-8")
    assert ll.parse(path).format == "md"


def test_text_with_bom_and_windows_encoding_is_decoded():
    assert ll.parse("\ufeff1. Term. One year.".encode("utf-8")).text == "1. Term. One year."
    assert ll.parse("1. Term. Caf\u00e9 year.".encode("cp1252")).text == "1. Term. Caf\u00e9 year."


def test_text_mode_file_object_is_refused_with_a_hint(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text(TEXT)
    with open(path, encoding="utf-8") as fh, pytest.raises(UnsupportedFormatError, match="'rb'"):
        ll.parse(fh)


def test_unsupported_inputs_raise_typed_errors(tmp_path):
    with pytest.raises(UnsupportedFormatError):
        ll.parse(12345)  # type: ignore[arg-type]
    with pytest.raises(UnsupportedFormatError):
        ll.parse(b"\x00\x01\x02\x03binary\x00junk" * 10)
    with pytest.raises(UnsupportedFormatError, match="folder"):
        ll.parse(tmp_path)
    with pytest.raises(UnsupportedFormatError, match="unknown format"):
        ll.parse(TEXT.encode(), format="rtf")


def test_empty_and_misnamed_files_are_corrupt(tmp_path):
    empty = tmp_path / "empty.pdf"
    empty.write_bytes(b"")
    with pytest.raises(CorruptDocumentError, match="empty"):
        ll.parse(empty)
    fake = tmp_path / "contract.pdf"
    fake.write_text("this is not a pdf")
    with pytest.raises(CorruptDocumentError, match="not a PDF"):
        ll.parse(fake)


def test_zip_that_is_not_a_word_document_is_unsupported():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("hello.txt", "hi")
    with pytest.raises(UnsupportedFormatError, match="ZIP"):
        ll.parse(buf.getvalue())


def test_password_protected_office_file_is_reported_as_encrypted():
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100 + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100
    with pytest.raises(EncryptedDocumentError):
        ll.parse(ole)


def test_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        ll.parse(tmp_path / "nope.pdf")


def test_size_limits_refuse_large_inputs_before_reading():
    with pytest.raises(DocumentTooLargeError, match="max_bytes"):
        ll.parse(b"x" * 2000, max_bytes=1000)
    with pytest.raises(DocumentTooLargeError, match="max_chars"):
        ll.Analyzer(max_chars=10).parse_text("x" * 11)


def test_unknown_or_mistyped_options_raise_invalid_option_error():
    with pytest.raises(InvalidOptionError, match="pdf_engin"):
        ll.parse(TEXT.encode(), pdf_engin="pdfium")
    with pytest.raises(InvalidOptionError, match="max_pages"):
        ll.Analyzer(max_pages="many")
    with pytest.raises(InvalidOptionError):
        ll.parse_text(b"bytes")  # type: ignore[arg-type]


def test_every_error_class_is_a_leverage_lens_error():
    for cls in (UnsupportedFormatError, CorruptDocumentError, EncryptedDocumentError, ll.NoTextLayerError,
                DocumentTooLargeError, InvalidOptionError):
        assert issubclass(cls, LeverageLensError)


def test_analyze_accepts_a_source_or_a_document_and_reports_its_clauses():
    doc = ll.parse_text(TEXT, name="supply")
    from_doc = ll.analyze(doc)
    from_bytes = ll.analyze(TEXT.encode())
    assert from_doc.document is doc
    assert [c.id for c in from_doc.clauses] == [c.id for c in from_bytes.clauses]
    assert all(c.tags == [] for c in from_doc.clauses)
    assert from_doc.findings == []
    assert from_doc.summary.clause_count == len(doc.clauses)


def test_report_json_round_trips_and_carries_the_schema_version():
    report = ll.analyze(ll.parse_text(TEXT))
    data = json.loads(report.to_json())
    assert data["schema_version"] == ll.SCHEMA_VERSION
    again = ll.Report.model_validate_json(report.to_json())
    assert again == report


def test_published_schema_describes_reports():
    schema = ll.Report.model_json_schema()
    assert "schema_version" in schema["properties"]
    assert {"document", "findings", "parties", "definitions", "warnings", "summary"} <= set(schema["properties"])
    assert "clauses" not in schema["properties"]  # held once, in document.clauses


def test_models_are_immutable():
    doc = ll.parse_text(TEXT)
    with pytest.raises(Exception):
        doc.clauses[0].heading = "changed"  # type: ignore[misc]


def test_document_navigation_helpers():
    doc = ll.parse_text(TEXT)
    top = doc.children()
    assert [c.kind.value for c in top] == ["title", "section", "section"]
    offset = TEXT.index("Buyer")
    assert doc.clause_at(offset).number == "2."
    assert doc.page_at(offset) == 1
    assert "2. Price" in doc.outline()


def test_analyzer_is_reusable_and_holds_options():
    analyzer = ll.Analyzer(max_bytes=10_000)
    assert analyzer.options.max_bytes == 10_000
    assert analyzer.parse(TEXT.encode()).text == TEXT
    with pytest.raises(DocumentTooLargeError):
        analyzer.parse(b"y" * 20_000)


# -- contract text given where a path is expected ------------------------------------------------------------


def test_analyze_text_reads_a_contract_held_in_a_string() -> None:
    text = "1. Term. This Agreement lasts ______ years.\n2. Fees. Customer shall pay the Fees.\n"
    report = ll.analyze_text(text, name="draft.txt")
    assert report.document.text == text and report.document.name == "draft.txt"
    assert report.findings and all(text[f.start:f.end] == f.quote for f in report.findings)


@pytest.mark.parametrize("text", [
    "1. Term. This Agreement lasts one year.\n2. Fees. Customer shall pay.\n",  # line breaks
    "1. Term. " + "This Agreement lasts one year. " * 200,  # longer than any path
    "1. Term. " + "x" * 300,  # a "file name" longer than any
])
def test_contract_text_given_to_analyze_is_a_typed_error_naming_analyze_text(text: str) -> None:
    with pytest.raises(ll.SourceNotFoundError, match=r"analyze_text\(text\)") as caught:
        ll.analyze(text)
    assert isinstance(caught.value, FileNotFoundError) and len(str(caught.value)) < 400
    with pytest.raises(ll.SourceNotFoundError, match=r"parse_text\(text\)"):
        ll.parse(text)


def test_a_short_string_that_names_no_file_says_so_and_names_analyze_text() -> None:
    with pytest.raises(ll.SourceNotFoundError, match=r"no such file: '1\. Term\. One year\.'.*analyze_text"):
        ll.analyze("1. Term. One year.")
