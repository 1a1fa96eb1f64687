"""``leverage-lens analyze FILE --format docx|pdf -o OUT``: review copies from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens.cli import EXIT_BAD_INPUT, EXIT_OK, main
from tests.report._review_helpers import comments, highlights

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"


@pytest.mark.parametrize("kind", ["docx", "pdf"])
def test_analyze_writes_a_review_copy_of_the_original(
    kind: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / f"review.{kind}"
    assert main(["analyze", str(EXAMPLES / f"master_services_agreement.{kind}"), "--format", kind, "-o", str(out)]) == EXIT_OK
    message = capsys.readouterr().err
    count = int(message.split("(")[1].split(" findings")[0])
    assert count >= 10
    notes = len(comments(out.read_bytes())) if kind == "docx" else len(highlights(out.read_bytes()))
    assert notes >= count
    assert f"{count} on exactly their text" in message


def test_a_review_copy_needs_an_output_file(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(EXAMPLES / "master_services_agreement.docx"), "--format", "docx"])
    assert code == EXIT_BAD_INPUT
    assert "give -o OUT" in capsys.readouterr().err


def test_a_review_copy_in_another_format_than_the_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(EXAMPLES / "master_services_agreement.txt"), "--format", "docx",
                 "-o", str(tmp_path / "x.docx")])
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is a text file" in err and "--format html or --format md" in err
    assert not (tmp_path / "x.docx").exists()


def test_a_review_copy_of_the_wrong_kind_is_answered_in_command_line_terms(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(EXAMPLES / "master_services_agreement.pdf"), "--format", "docx",
                 "-o", str(tmp_path / "x.docx")])
    assert code == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is a PDF file: its review copy is --format pdf" in err
    assert "to_pdf()" not in err and "()" not in err
    assert not (tmp_path / "x.docx").exists()
