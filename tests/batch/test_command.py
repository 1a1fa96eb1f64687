"""``leverage-lens scan``: results file, summary line, CSV and HTML index, resume on rerun."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from leverage_lens.cli import main

from .folder import build_mixed_folder
from .test_scan import expected_statuses


def test_scan_command_writes_results_csv_and_linked_html(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    files = build_mixed_folder(tmp_path / "in", good_per_format=1)
    truth = expected_statuses(files)
    out, table, index = tmp_path / "r.jsonl", tmp_path / "s.csv", tmp_path / "index.html"
    code = main(
        [
            "scan",
            str(tmp_path / "in"),
            "-o",
            str(out),
            "--workers",
            "2",
            "--csv",
            str(table),
            "--html",
            str(index),
            "--no-progress",
        ]
    )
    err = capsys.readouterr().err
    assert code == 0
    failed = sum(1 for status, _ in truth.values() if status != "ok")
    assert f"scanned {len(truth)} files" in err
    assert f"{failed} error, {len(truth) - failed} ok; 0 already in" in err
    lines = [json.loads(line) for line in out.read_text().splitlines()]
    assert {obj["path"]: obj["status"] for obj in lines} == {p: s for p, (s, _) in truth.items()}
    with open(table, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == len(truth)
    html = index.read_text()
    pages = list((tmp_path / "index_files").iterdir())
    assert len(pages) == len(truth) - failed
    assert all(f"index_files/{p.name}" in html for p in pages)

    assert main(["scan", str(tmp_path / "in"), "-o", str(out), "--no-progress"]) == 0
    assert "scanned 0 files" in capsys.readouterr().err
    assert out.read_text().count("\n") == len(truth)


def test_scan_command_requires_an_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["scan", str(tmp_path)]) == 2
    assert "-o/--output" in capsys.readouterr().err
