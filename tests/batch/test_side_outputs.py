"""A scan never overwrites someone else's file or an input with its CSV, HTML index, deadlines or calendar."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens.batch.store import check_side_output
from leverage_lens.errors import ScanOutputError


def test_an_existing_file_the_scan_did_not_write_is_refused(tmp_path: Path) -> None:
    notes = tmp_path / "notes.csv"
    notes.write_text("my,own,notes\n1,2,3\n", encoding="utf-8")
    with pytest.raises(ScanOutputError, match="not written by a leverage-lens scan"):
        check_side_output(notes, "csv")
    page = tmp_path / "index.html"
    page.write_text("<html><body>mine</body></html>", encoding="utf-8")
    with pytest.raises(ScanOutputError):
        check_side_output(page, "html")
    assert notes.read_text(encoding="utf-8").startswith("my,own")


def test_an_input_contract_is_refused_as_an_output(tmp_path: Path) -> None:
    contract = tmp_path / "msa.txt"
    contract.write_text("1. Term.", encoding="utf-8")
    with pytest.raises(ScanOutputError, match="one of the files being scanned"):
        check_side_output(contract, "csv", [str(contract)])


def test_a_new_file_or_a_previous_deliverable_of_a_scan_is_accepted(tmp_path: Path) -> None:
    check_side_output(tmp_path / "new.csv", "csv")
    old = tmp_path / "summary.csv"
    old.write_text("\ufefffile,pages\nmsa.txt,1\n", encoding="utf-8")
    check_side_output(old, "csv")
    cal = tmp_path / "portfolio.ics"
    cal.write_text("BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", encoding="utf-8")
    check_side_output(cal, "ics")
    page = tmp_path / "index.html"
    page.write_text("<!doctype html><html></html>", encoding="utf-8")
    check_side_output(page, "html")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ScanOutputError, match="not a regular file"):
        check_side_output(tmp_path, "html")
