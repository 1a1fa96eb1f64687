"""A scan reads nothing outside its input, never overwrites what is not its own, and never hangs on a
special file; what it writes cannot run as a spreadsheet formula."""

from __future__ import annotations

import csv
import os
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from leverage_lens.batch import read_results, scan
from leverage_lens.batch.folder import write_folder_outputs
from leverage_lens.batch.scan import discover
from leverage_lens.batch.summary import spreadsheet_safe
from leverage_lens.batch.walk import walk_inputs
from leverage_lens.errors import ScanOutputError

CONTRACT = "1. Term. This Agreement starts today.\n2. Fees. Customer pays monthly.\n"
SECRET = "TOP SECRET: the private key is 12345.\n"


def _run(*args: object, **kwargs: object) -> list:  # type: ignore[type-arg]
    """Scan in a thread of this process: what is under test happens in the scan's parent, and threads spare
    starting a worker process (and loading the models) per test."""
    with ThreadPoolExecutor(max_workers=1) as pool:
        return list(scan(*args, workers=1, executor=pool, **kwargs))  # type: ignore[arg-type]


@pytest.fixture()
def folder(tmp_path: Path) -> Path:
    root = tmp_path / "in"
    root.mkdir()
    (root / "msa.txt").write_text(CONTRACT)
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.txt").write_text(SECRET)
    return root


def test_existing_file_that_is_not_a_results_file_is_refused_and_left_intact(folder: Path, tmp_path: Path) -> None:
    notes = tmp_path / "precious_notes.txt"
    notes.write_text("my notes\n")
    with pytest.raises(ScanOutputError, match="not a leverage-lens results file"):
        _run(folder, output=notes)
    with pytest.raises(ScanOutputError):
        _run(folder, output=notes, resume=False)
    assert notes.read_text() == "my notes\n"


def test_output_that_is_one_of_the_inputs_is_refused_before_anything_is_written(folder: Path) -> None:
    target = folder / "msa.txt"
    with pytest.raises(ScanOutputError, match="one of the files being scanned"):
        _run(folder, output=target, resume=False)
    assert target.read_text() == CONTRACT


def test_results_file_of_a_previous_scan_is_accepted(folder: Path, tmp_path: Path) -> None:
    out = tmp_path / "results.jsonl"
    assert [r.status for r in _run(folder, output=out)] == ["ok"]
    assert _run(folder, output=out) == []  # resumed: nothing left to do
    empty = tmp_path / "empty.jsonl"
    empty.touch()
    assert [r.status for r in _run(folder, output=empty)] == ["ok"]


def test_link_to_a_file_outside_the_folder_is_skipped_with_a_record(folder: Path, tmp_path: Path) -> None:
    (folder / "passwd.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    out = tmp_path / "results.jsonl"
    records = {Path(r.path).name: r for r in _run(folder, output=out)}
    assert records["passwd.txt"].status == "skipped"
    assert records["passwd.txt"].error_type == "SymlinkOutsideFolder"
    assert "private key" not in out.read_text()
    assert {Path(r.path).name: r.status for r in read_results(out)} == {"msa.txt": "ok", "passwd.txt": "skipped"}


def test_follow_symlinks_reads_links_out_of_the_folder(folder: Path, tmp_path: Path) -> None:
    (folder / "passwd.txt").symlink_to(tmp_path / "outside" / "secret.txt")
    records = _run(folder, follow_symlinks=True)
    assert sorted(r.status for r in records) == ["ok", "ok"]


def test_link_inside_the_folder_is_read_once(folder: Path) -> None:
    (folder / "copy.txt").symlink_to(folder / "msa.txt")
    files, skipped = walk_inputs(folder, "**/*.txt")
    assert files == [(folder / "msa.txt").resolve()] and skipped == []


def test_linked_folder_is_not_walked(folder: Path, tmp_path: Path) -> None:
    (folder / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    assert discover(folder) == [(folder / "msa.txt").resolve()]
    assert len(discover(folder, follow_symlinks=True)) == 2


def test_link_cycle_ends_when_following_links(folder: Path) -> None:
    (folder / "loop").symlink_to(folder, target_is_directory=True)
    assert discover(folder, follow_symlinks=True) == [(folder / "msa.txt").resolve()]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_in_the_folder_is_skipped_with_a_record(folder: Path) -> None:
    os.mkfifo(folder / "pipe.txt")
    records = {Path(r.path).name: r for r in _run(folder)}
    assert records["pipe.txt"].status == "skipped" and records["pipe.txt"].error_type == "NotARegularFile"
    assert records["msa.txt"].status == "ok"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
@pytest.mark.parametrize("special", ["fifo", "/dev/urandom"])
def test_special_file_named_explicitly_is_refused_not_hung(special: str, tmp_path: Path) -> None:
    path = tmp_path / "pipe.txt"
    if special == "fifo":
        os.mkfifo(path)
    else:
        path = Path(special)
        if not path.exists():
            pytest.skip(f"{special} does not exist here")
    box: dict[str, object] = {}
    thread = threading.Thread(target=lambda: box.update(records=_run([path])), daemon=True)
    thread.start()
    thread.join(60)
    try:
        assert not thread.is_alive(), "scan() hung on a special file"
        records = box["records"]
        assert [(r.status, r.error_type) for r in records] == [("skipped", "NotARegularFile")]  # type: ignore[attr-defined]
    finally:
        if special == "fifo":
            try:  # unblock an open() stuck on the FIFO, should the test fail
                os.close(os.open(path, os.O_WRONLY | os.O_NONBLOCK))
            except OSError:
                pass


@pytest.mark.parametrize("cell", ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_cells_that_would_start_a_formula_are_neutralised(cell: str) -> None:
    assert spreadsheet_safe(cell) == "'" + cell
    assert spreadsheet_safe(-2) == -2 and spreadsheet_safe("ok") == "ok"


def test_file_name_with_a_formula_is_neutralised_in_the_summary(tmp_path: Path) -> None:
    root = tmp_path / "in"
    root.mkdir()
    (root / "=cmd() .txt").write_text(CONTRACT)
    out = tmp_path / "results.jsonl"
    _run(root, output=out)
    write_folder_outputs(out, csv_path=tmp_path / "summary.csv", norm=False)
    with open(tmp_path / "summary.csv", encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert rows[0]["file"] == "'=cmd() .txt"
