"""Folder scans with a playbook: every file checked, and a column per position in the summary (which
contracts break which position)."""

from __future__ import annotations

from pathlib import Path

from leverage_lens.batch import scan
from leverage_lens.batch.summary import folder_summary

from .conftest import BALANCED, ONE_SIDED


def test_a_scan_with_a_playbook_has_a_column_per_position(tmp_path: Path) -> None:
    folder = tmp_path / "contracts"
    folder.mkdir()
    (folder / "one_sided.txt").write_text(ONE_SIDED, encoding="utf-8")
    (folder / "balanced.txt").write_text(BALANCED, encoding="utf-8")
    records = list(scan(folder, workers=1, output=tmp_path / "r.jsonl", playbook="customer"))
    assert all(r.status == "ok" for r in records)
    summary = folder_summary(records)
    rows = {row["file"]: row for row in summary.rows}
    assert rows["one_sided.txt"]["playbook_governing-law"] == "not met (fails)"
    assert rows["balanced.txt"]["playbook_governing-law"] == "met"
    assert rows["one_sided.txt"]["playbook_failed"] > rows["balanced.txt"]["playbook_failed"]
    assert "one_sided.txt" in summary.failing_positions["governing-law"]


def test_another_playbook_is_another_run_not_a_resume(tmp_path: Path) -> None:
    folder = tmp_path / "contracts"
    folder.mkdir()
    (folder / "balanced.txt").write_text(BALANCED, encoding="utf-8")
    first = scan(folder, workers=1, output=tmp_path / "r.jsonl", playbook="customer")
    second = scan(folder, workers=1, output=tmp_path / "r.jsonl", playbook="supplier")
    assert first.options_key != second.options_key
