"""The Word review copy: one comment per finding, anchored on exactly the finding's words, original intact."""

from __future__ import annotations

import re

import hashlib
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document as WordDocument
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

import leverage_lens as ll
from leverage_lens.errors import (
    InvalidOptionError,
    LeverageLensError,
    OriginalMismatchError,
    OriginalNotFoundError,
    UnsupportedFormatError,
)
from leverage_lens.checks.titles import rule_title
from leverage_lens.model import Finding, Report, Severity
from leverage_lens.report.docx_review import comment_keys
from leverage_lens.report.review import AUTHOR, ReviewCopy
from tests.fixtures.docx_builder import DocxBuilder, Field, Ins, Lvl, Run
from tests.report._review_helpers import comment_ranges, comments, formatted_characters, label_free_equal

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "master_services_agreement.docx"
DATA = ROOT.parent / "shared" / "data"


def _contract() -> bytes:
    """A short contract with a placeholder, one-sided terms and a vague standard, in numbered, bold runs."""
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1."), Lvl("decimal", "%1.%2")]))
    b.paragraph("MASTER SERVICES AGREEMENT", centered=True)
    b.paragraph('This Agreement is made on [insert date] between Acme Corp ("Provider") and Beta LLC ("Customer").')
    b.paragraph(Run("Termination", bold=True), num=num)
    b.paragraph(Run("Termination for Convenience. ", bold=True), "Provider may terminate this Agreement at any "
                "time, for any reason, ", Run("without notice", bold=True), " to Customer.", num=num, ilvl=1)
    b.paragraph(Run("Fees", bold=True), num=num)
    b.paragraph("Provider may change the Fees at any time in its sole discretion.", num=num, ilvl=1)
    b.paragraph("Customer shall pay all invoices within a reasonable time.", num=num, ilvl=1)
    return b.to_bytes()


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("docx") / "contract.docx"
    path.write_bytes(_contract())
    return path


@pytest.fixture(scope="module")
def reviewed(contract: Path) -> tuple[Report, bytes, ReviewCopy]:
    report = ll.analyze(contract)
    copy = report.to_docx(None)
    return report, copy.data, copy


def _with_findings(data: bytes, spans: list[tuple[int, int]]) -> tuple[Report, str]:
    doc = ll.parse(data, format="docx")
    findings = [
        Finding(id=f"f{i}", kind="ambiguity", rule=f"test.r{i}", severity=Severity.LOW, start=s, end=e,
                quote=doc.text[s:e], message=f"message {i}", suggestion=f"suggestion {i}")
        for i, (s, e) in enumerate(spans)
    ]
    return Report(document=doc, findings=findings), doc.text


# ------------------------------------------------------------------------------------------- comments ----


def test_every_finding_gets_one_comment_by_leverage_lens_with_message_and_suggestion(reviewed: tuple[Report, bytes, ReviewCopy]) -> None:
    report, data, _ = reviewed
    assert len(report.findings) >= 4  # placeholder, two one-sided terms, a vague standard
    notes = comments(data)
    assert len(notes) == len(report.findings)
    assert {author for author, _ in notes.values()} == {AUTHOR}
    keys = comment_keys(data)
    for finding in report.findings:
        matching = [notes[cid][1] for cid, (_, fid) in keys.items() if fid == finding.id]
        assert len(matching) == 1
        assert finding.message in matching[0]
        assert finding.suggestion and finding.suggestion in matching[0]


def test_comment_text_is_for_the_reader_and_the_fingerprint_rides_hidden(
        reviewed: tuple[Report, bytes, ReviewCopy]) -> None:
    report, data, _ = reviewed
    notes = comments(data)
    keys = comment_keys(data)
    assert sorted(fid for _, fid in keys.values()) == sorted(f.id for f in report.findings)
    for cid, (rule, fid) in keys.items():
        finding = next(f for f in report.findings if f.id == fid)
        shown = notes[cid][1]
        assert shown.startswith(f"{rule_title(rule)} ({finding.severity.value})")
        assert fid not in shown and rule not in shown  # Word shows no id or hash


def test_each_comment_covers_the_quoted_words(reviewed: tuple[Report, bytes, ReviewCopy]) -> None:
    report, data, copy = reviewed
    ranges = comment_ranges(data)
    notes = comments(data)
    by_finding = {fid: cid for cid, (_, fid) in comment_keys(data).items()}
    assert len(by_finding) == len(notes)
    assert all(a.mode == "exact" for a in copy.anchors)
    for finding, anchor in zip(report.findings, copy.anchors):
        commented = ranges[by_finding[finding.id]]
        assert label_free_equal(commented, report.document.text[anchor.start : anchor.end])
        # exact: the anchor is the finding less only Word's own numbering in front of it
        assert anchor.end == finding.end
        assert finding.start <= anchor.start
        prefix = report.document.text[finding.start : anchor.start].strip()
        assert re.fullmatch(r"(?:[A-Z][A-Za-z ]*\n)?(?:\d+(?:\.\d+)*)?", prefix), prefix  # heading, number
    placeholder = next(f for f in report.findings if f.rule == "ambiguity.placeholder")
    assert ranges[by_finding[placeholder.id]] == "[insert date]"


def test_paragraph_text_and_run_formatting_are_unchanged(contract: Path, reviewed: tuple[Report, bytes, ReviewCopy]) -> None:
    _, data, _ = reviewed
    assert formatted_characters(data) == formatted_characters(contract.read_bytes())
    assert ll.parse(data, format="docx").text == ll.parse(contract).text


def test_a_finding_across_differently_formatted_runs_keeps_each_characters_formatting() -> None:
    b = DocxBuilder()
    b.paragraph("Plain start, ", Run("bold middle", bold=True), ", plain end.")
    data = b.to_bytes()
    text = ll.parse(data).text
    start, end = text.index("start"), text.index("middle") + len("middle")  # across three runs' boundaries
    report, _ = _with_findings(data, [(start, end)])
    copy = report.to_docx(None, original=data)
    assert copy.anchors[0].mode == "exact"
    assert list(comment_ranges(copy.data).values()) == ["start, bold middle"]
    assert formatted_characters(copy.data) == formatted_characters(data)


def test_overlapping_findings_each_get_their_exact_range() -> None:
    b = DocxBuilder()
    b.paragraph("The Supplier shall deliver the goods promptly and in full.")
    data = b.to_bytes()
    report, text = _with_findings(data, [(4, 36), (13, 26), (27, 58)])
    copy = report.to_docx(None, original=data)
    ranges = sorted(comment_ranges(copy.data).values(), key=text.index)
    assert sorted(ranges) == sorted(text[s:e] for s, e in [(4, 36), (13, 26), (27, 58)])
    assert [a.mode for a in copy.anchors] == ["exact"] * 3
    assert formatted_characters(copy.data) == formatted_characters(data)


def test_a_finding_on_a_numbering_label_is_anchored_on_its_paragraph() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    b.paragraph("First clause text.", num=num)
    b.paragraph("Second clause text.", num=num)
    data = b.to_bytes()
    doc = ll.parse(data)
    label = doc.text.index("2.")
    report, _ = _with_findings(data, [(label, label + 2)])
    copy = report.to_docx(None, original=data)
    assert copy.anchors[0].mode == "paragraph"
    assert list(comment_ranges(copy.data).values()) == ["Second clause text."]


def test_an_empty_finding_is_anchored_on_the_nearest_paragraph() -> None:
    b = DocxBuilder()
    b.paragraph("Only paragraph here.")
    data = b.to_bytes()
    report, _ = _with_findings(data, [(5, 5)])
    copy = report.to_docx(None, original=data)
    assert copy.anchors[0].mode == "paragraph"
    assert list(comment_ranges(copy.data).values()) == ["Only paragraph here."]


def test_a_run_holding_field_characters_is_covered_whole_rather_than_cut() -> None:
    b = DocxBuilder()
    p = b.paragraph("See ")
    run = OxmlElement("w:r")
    for kind, text in (("begin", None), (None, " REF x "), ("separate", None), (None, "Section 4"), ("end", None)):
        if kind:
            run.append(OxmlElement("w:fldChar", attrs={qn("w:fldCharType"): kind}))
        else:
            el = OxmlElement("w:instrText" if text.startswith(" ") else "w:t")
            el.text = text
            run.append(el)
    p.append(run)
    data = b.to_bytes()
    text = ll.parse(data).text
    assert text == "See Section 4"
    report, _ = _with_findings(data, [(text.index("4"), len(text))])  # starts inside the field's run
    copy = report.to_docx(None, original=data)
    assert copy.anchors[0].mode == "widened"
    assert list(comment_ranges(copy.data).values()) == ["Section 4"]
    assert ll.parse(copy.data).text == text


def test_tracked_insertions_are_anchored_and_deletions_skipped() -> None:
    from tests.fixtures.docx_builder import Del

    b = DocxBuilder()
    b.paragraph("Payment is due ", Del(["sixty"]), Ins(["thirty"]), " days after invoice.")
    data = b.to_bytes()
    text = ll.parse(data).text
    report, _ = _with_findings(data, [(text.index("thirty"), text.index(" after"))])
    copy = report.to_docx(None, original=data)
    assert list(comment_ranges(copy.data).values()) == ["thirty days"]
    assert copy.anchors[0].mode == "exact"


def test_field_results_can_be_cut_when_their_runs_hold_only_text() -> None:
    b = DocxBuilder()
    b.paragraph("Refer to ", Field(" REF s4 ", [Run("Section 4 below")]), ".")
    data = b.to_bytes()
    text = ll.parse(data).text
    report, _ = _with_findings(data, [(text.index("4 below"), text.index(" below"))])
    copy = report.to_docx(None, original=data)
    assert list(comment_ranges(copy.data).values()) == ["4"]
    assert ll.parse(copy.data).text == text


def test_a_table_cell_finding_is_anchored_in_the_cell() -> None:
    b = DocxBuilder()
    b.paragraph("Fees")
    b.table([["Item", "Price"], ["Support", "as agreed from time to time"]])
    data = b.to_bytes()
    text = ll.parse(data).text
    start = text.index("from time to time")
    report, _ = _with_findings(data, [(start, start + len("from time to time"))])
    copy = report.to_docx(None, original=data)
    assert list(comment_ranges(copy.data).values()) == ["from time to time"]
    assert formatted_characters(copy.data) == formatted_characters(data)


def test_comments_already_in_the_original_are_kept() -> None:
    b = DocxBuilder()
    b.commented_paragraph("The Supplier shall deliver within a reasonable time.", "Is this enough?")
    data = b.to_bytes()
    text = ll.parse(data).text
    start = text.index("within")
    report, _ = _with_findings(data, [(start, len(text) - 1)])
    copy = report.to_docx(None, original=data)
    notes = comments(copy.data)
    assert sorted(author for author, _ in notes.values()) == sorted(["Reviewer", AUTHOR])
    assert "Is this enough?" in [note for _, note in notes.values()]
    ranges = comment_ranges(copy.data)
    assert sorted(ranges.values()) == sorted([text, "within a reasonable time"])


def test_a_finding_in_a_document_without_text_still_gets_a_comment() -> None:
    b = DocxBuilder()
    b.paragraph()
    data = b.to_bytes()
    report, _ = _with_findings(data, [(0, 0)])
    copy = report.to_docx(None, original=data)
    assert copy.anchors[0].mode == "paragraph"
    assert [author for author, _ in comments(copy.data).values()] == [AUTHOR]


def test_a_strict_open_xml_original_is_refused_with_a_way_out() -> None:
    import zipfile

    strict = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(_contract())) as zin, zipfile.ZipFile(strict, "w") as zout:
        for info in zin.infolist():
            blob = zin.read(info.filename)
            if info.filename.endswith(".xml"):
                blob = blob.replace(b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
                                    b"http://purl.oclc.org/ooxml/wordprocessingml/main")
            zout.writestr(info, blob)
    data = strict.getvalue()
    report = ll.analyze(data)
    with pytest.raises(UnsupportedFormatError, match="Strict Open XML"):
        report.to_docx(None, original=data)


def test_a_report_without_findings_gives_an_unchanged_text_copy(contract: Path) -> None:
    doc = ll.parse(contract)
    copy = Report(document=doc).to_docx(None)
    assert copy.anchors == () and copy.exact_share == 1.0
    assert comments(copy.data) == {}
    assert ll.parse(copy.data).text == doc.text


# ------------------------------------------------------------------------------ finding the original ----


def test_to_docx_writes_the_file_and_reads_the_original_from_the_documents_source(
    contract: Path, tmp_path: Path
) -> None:
    report = ll.analyze(contract)
    assert report.document.source == str(contract)
    out = tmp_path / "review.docx"
    copy = report.to_docx(out)
    assert out.read_bytes() == copy.data
    WordDocument(str(out))  # python-docx opens it


def test_a_report_read_back_from_json_still_finds_its_original(contract: Path) -> None:
    report = Report.model_validate_json(ll.analyze(contract).to_json())
    assert len(comments(report.to_docx(None).data)) == len(report.findings)


def test_a_report_parsed_from_bytes_needs_the_original_given() -> None:
    data = _contract()
    report = ll.analyze(data)
    assert report.document.source is None
    with pytest.raises(OriginalNotFoundError, match="original="):
        report.to_docx(None)
    assert len(comments(report.to_docx(None, original=data).data)) == len(report.findings)
    assert len(comments(report.to_docx(None, original=io.BytesIO(data)).data)) == len(report.findings)


def test_another_version_of_the_file_is_refused(contract: Path, tmp_path: Path) -> None:
    report = ll.analyze(contract)
    other = tmp_path / "edited.docx"
    b = DocxBuilder()
    b.paragraph("A different contract.")
    other.write_bytes(b.to_bytes())
    with pytest.raises(OriginalMismatchError, match="SHA-256"):
        report.to_docx(None, original=other)
    assert issubclass(OriginalMismatchError, LeverageLensError)


def test_a_moved_original_is_reported_as_not_found(tmp_path: Path) -> None:
    path = tmp_path / "gone.docx"
    path.write_bytes(_contract())
    report = ll.analyze(path)
    path.unlink()
    with pytest.raises(OriginalNotFoundError, match="not there"):
        report.to_docx(None)


def test_a_pdf_or_text_report_cannot_write_a_word_copy() -> None:
    report = ll.analyze(ll.parse_text("1. Term\nProvider may terminate at any time.\n"))
    with pytest.raises(UnsupportedFormatError, match="to_html"):
        report.to_docx(None, original=b"x")
    with pytest.raises(InvalidOptionError):
        ll.analyze(_contract()).to_docx(None, original=12345)


# -------------------------------------------------------------------------------- real documents ----


def test_the_example_contract_gets_an_exact_comment_on_every_finding() -> None:
    report = ll.analyze(EXAMPLE)
    copy = report.to_docx(None)
    assert len(report.findings) >= 10
    assert [a.mode for a in copy.anchors] == ["exact"] * len(report.findings)
    ranges = comment_ranges(copy.data)
    notes = comments(copy.data)
    assert len(notes) == len(report.findings)
    keys = comment_keys(copy.data)
    for cid in notes:
        anchor = next(a for a in copy.anchors if a.finding_id == keys[cid][1])
        assert label_free_equal(ranges[cid], report.document.text[anchor.start : anchor.end])
    assert formatted_characters(copy.data) == formatted_characters(EXAMPLE.read_bytes())
    assert ll.parse(copy.data).text == report.document.text


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice (soffice) is not on PATH")
def test_the_review_copy_converts_to_pdf_with_libreoffice(tmp_path: Path) -> None:
    report = ll.analyze(EXAMPLE)
    src = tmp_path / "review.docx"
    report.to_docx(src)
    result = subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless", "--convert-to", "pdf",
         "--outdir", str(tmp_path), str(src)],
        capture_output=True, timeout=180, check=False,
    )
    pdf = tmp_path / "review.pdf"
    assert result.returncode == 0 and pdf.exists(), result.stderr.decode(errors="replace")
    converted = ll.parse(pdf)
    assert len(converted.pages) >= 2
    assert "Termination for Convenience" in converted.text


@pytest.mark.data
def test_shared_word_contracts_anchor_every_finding_and_keep_their_text() -> None:
    files = sorted((DATA / "docx").rglob("*.docx"))[::30]
    if not files:
        pytest.skip(f"shared DOCX data not found under {DATA / 'docx'}")
    total = exact = 0
    for path in files:
        report = ll.analyze(path)
        copy = report.to_docx(None)
        assert len(comments(copy.data)) == len(report.findings), path.name
        assert ll.parse(copy.data).text == report.document.text, path.name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == report.document.sha256
        total += len(copy.anchors)
        exact += sum(a.mode == "exact" for a in copy.anchors)
    assert total > 0 and exact / total >= 0.95


def test_a_finding_cut_mid_word_gets_its_comment_on_whole_words() -> None:
    b = DocxBuilder()
    b.paragraph("The Supplier shall deliver the goods within a reasonable time.")
    data = b.to_bytes()
    text = ll.parse(data).text
    cut = text.index("pplier shall deliver the go")
    report, _ = _with_findings(data, [(cut, cut + len("pplier shall deliver the go"))])
    copy = report.to_docx(None, original=data)
    assert list(comment_ranges(copy.data).values()) == ["Supplier shall deliver the goods"]
