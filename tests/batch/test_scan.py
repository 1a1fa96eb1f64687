"""scan(): every file analysed or reported as failed, exactly once, across reruns and misbehaving files."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

import leverage_lens
from leverage_lens.batch import ScanFailure, ScanSuccess, read_results, scan
from leverage_lens.batch.pool import Task, WorkerPool
from leverage_lens.batch.records import decode_line
from leverage_lens.batch.scan import discover
from leverage_lens.errors import InvalidOptionError, ScanOutputError

from .folder import build_mixed_folder, contract_text
from .misbehaving import misbehave

REPO = Path(__file__).resolve().parents[2]


def expected_statuses(files: list[Path]) -> dict[str, tuple[str, str | None]]:
    """Ground truth from analyze() in this process: ("ok", None) or ("error", exception name)."""
    truth: dict[str, tuple[str, str | None]] = {}
    for path in files:
        try:
            leverage_lens.analyze(path)
            truth[str(path.resolve())] = ("ok", None)
        except Exception as exc:  # noqa: BLE001
            truth[str(path.resolve())] = ("error", type(exc).__name__)
    return truth


def observed(records: list) -> dict[str, tuple[str, str | None]]:  # type: ignore[type-arg]
    return {r.path: (r.status, getattr(r, "error_type", None)) for r in records}


@pytest.fixture(scope="module")
def mixed(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, list[Path], dict[str, tuple[str, str | None]]]:
    root = tmp_path_factory.mktemp("scan") / "folder"
    files = build_mixed_folder(root)
    return root, files, expected_statuses(files)


def test_discover_takes_every_contract_format_recursively_and_nothing_else(mixed) -> None:  # type: ignore[no-untyped-def]
    root, files, _ = mixed
    assert discover(root) == sorted(p.resolve() for p in files)
    assert all(p.suffix != ".csv" for p in discover(root))
    assert discover(root, "*.{pdf,docx}") == sorted(
        p.resolve() for p in files if "/sub/" not in str(p) and p.suffix in (".pdf", ".docx")
    )


def test_scan_reports_every_file_once_with_the_status_analyze_gives(mixed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _, truth = mixed
    out = tmp_path / "r.jsonl"
    records = list(scan(root, output=out, workers=2))
    assert observed(records) == truth
    assert Counter(r.path for r in records) == Counter(list(truth))
    assert observed(read_results(out)) == truth
    for record in records:
        if isinstance(record, ScanSuccess):
            assert record.report.document.sha256 == record.sha256
            assert record.pages == record.report.summary.page_count >= 1
        else:
            assert isinstance(record, ScanFailure) and record.message


def test_rerun_skips_done_files_and_retries_failures_only_when_asked(mixed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _, truth = mixed
    out = tmp_path / "r.jsonl"
    list(scan(root, output=out, workers=2))
    before = out.read_bytes()
    again = scan(root, output=out, workers=2)
    assert len(again) == 0 and sorted(again.skipped) == sorted(truth)
    assert list(again) == []
    assert out.read_bytes() == before
    replay = list(scan(root, output=out, workers=2, yield_skipped=True))
    assert observed(replay) == truth
    assert all(r.report.document.sha256 == r.sha256 for r in replay if isinstance(r, ScanSuccess))
    failed = sorted(p for p, (status, _) in truth.items() if status != "ok")
    retry = scan(root, output=out, workers=2, retry_failed=True)
    assert sorted(r.path for r in retry) == failed
    assert observed(read_results(out)) == truth
    assert out.read_bytes().count(b"\n") == len(truth)


def test_changed_file_or_options_rerun_and_replace_their_line(tmp_path: Path) -> None:
    root = tmp_path / "f"
    root.mkdir()
    for n in range(3):
        (root / f"c{n}.txt").write_text(contract_text(n))
    out = tmp_path / "r.jsonl"
    list(scan(root, output=out, workers=1))
    (root / "c1.txt").write_text(contract_text(41))
    rerun = list(scan(root, output=out, workers=1))
    assert [Path(r.path).name for r in rerun] == ["c1.txt"]
    lines = read_results(out)
    assert len(lines) == 3 == out.read_bytes().count(b"\n")
    assert {r.path: r.sha256 for r in lines}[str((root / "c1.txt").resolve())] == rerun[0].sha256
    other = list(scan(root, output=out, workers=1, max_pages=100))
    assert len(other) == 3
    assert out.read_bytes().count(b"\n") == 3
    assert len({r.options_key for r in read_results(out)}) == 1


def test_no_resume_starts_the_results_file_afresh(tmp_path: Path) -> None:
    root = tmp_path / "f"
    root.mkdir()
    (root / "a.txt").write_text(contract_text(1))
    out = tmp_path / "r.jsonl"
    out.write_bytes(b'{"path": "/gone.txt", "status": "error"}\n')
    assert len(list(scan(root, output=out, resume=False, workers=1))) == 1
    assert [Path(r.path).name for r in read_results(out)] == ["a.txt"]


def test_missing_path_in_a_list_becomes_an_error_record(tmp_path: Path) -> None:
    good = tmp_path / "a.txt"
    good.write_text(contract_text(2))
    records = {Path(r.path).name: r for r in scan([good, tmp_path / "nope.pdf"], workers=1)}
    assert records["a.txt"].status == "ok"
    missing = records["nope.pdf"]
    assert isinstance(missing, ScanFailure)
    # a missing path is a SourceNotFoundError (a FileNotFoundError that names analyze_text for strings)
    assert (missing.status, missing.error_type, missing.sha256) == ("error", "SourceNotFoundError", None)


def test_invalid_options_fail_before_any_file_is_read(tmp_path: Path) -> None:
    with pytest.raises(InvalidOptionError):
        scan(tmp_path, pdf_engine="tesseract")
    with pytest.raises(InvalidOptionError):
        scan(tmp_path, workers=0)
    with pytest.raises(InvalidOptionError):
        scan(tmp_path, timeout=0)


def test_two_scans_cannot_write_the_same_results_file(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(contract_text(3))
    out = tmp_path / "r.jsonl"
    first = scan(tmp_path, output=out, workers=1).plan()
    try:
        with pytest.raises(ScanOutputError):
            scan(tmp_path, output=out, workers=1).plan()
    finally:
        first.close()


def test_scan_is_exported_from_the_package() -> None:
    assert leverage_lens.scan is scan
    assert "scan" in leverage_lens.__all__


# ------------------------------------------------------------------------ misbehaving files, own pool ----


def _pool_run(tmp_path: Path, names: list[str], **kwargs) -> dict[str, object]:  # type: ignore[no-untyped-def]
    for name in names:
        (tmp_path / name).write_text(contract_text(len(name)))
    pool = WorkerPool(1, {}, "k", fn=misbehave, **kwargs)
    lines = list(pool.run([Task(str(tmp_path / n), None) for n in names]))
    assert len(lines) == len(names)
    return {Path(r.path).name: r for r in map(decode_line, lines)}


def test_dead_worker_is_recorded_as_crashed_and_replaced(tmp_path: Path) -> None:
    records = _pool_run(
        tmp_path, ["crash.txt", "after_1.txt", "crash2.txt", "after_2.txt"], timeout=60, memory_mb=None
    )
    for name in ("crash.txt", "crash2.txt"):
        rec = records[name]
        assert isinstance(rec, ScanFailure) and rec.status == "crashed" and "SIGKILL" in rec.message
    assert records["after_1.txt"].status == records["after_2.txt"].status == "ok"


def test_workers_that_cannot_start_stop_the_scan_without_recording_anything(tmp_path: Path) -> None:
    names = ["exit1.txt", "exit2.txt", "exit3.txt", "exit4.txt"]
    for name in names:
        (tmp_path / name).write_text("x")
    pool = WorkerPool(2, {}, "k", fn=misbehave, timeout=60, memory_mb=None)
    lines: list[bytes] = []
    with pytest.raises(RuntimeError, match="__main__"):
        lines.extend(pool.run([Task(str(tmp_path / n), None) for n in names]))
    assert lines == []


def test_a_file_that_kills_its_worker_after_others_succeeded_is_recorded(tmp_path: Path) -> None:
    records = _pool_run(tmp_path, ["echo.txt", "exit.txt", "echo2.txt"], timeout=60, memory_mb=None)
    died = records["exit.txt"]
    assert isinstance(died, ScanFailure) and died.status == "crashed" and "code 1" in died.message
    assert records["echo2.txt"].error_type == "Echo"  # type: ignore[union-attr]


def test_stuck_file_times_out_and_the_scan_goes_on(tmp_path: Path) -> None:
    records = _pool_run(tmp_path, ["hang.txt", "echo.txt"], timeout=1.0, memory_mb=None)
    hang, echo = records["hang.txt"], records["echo.txt"]
    assert isinstance(hang, ScanFailure) and (hang.status, hang.error_type) == ("timeout", "TimeoutError")
    assert 1.0 <= hang.seconds < 30
    assert isinstance(echo, ScanFailure) and echo.error_type == "Echo"  # a fresh worker took the next file


def test_memory_cap_turns_a_huge_allocation_into_an_error(tmp_path: Path) -> None:
    records = _pool_run(tmp_path, ["hog.txt", "after.txt"], timeout=60, memory_mb=768)
    hog = records["hog.txt"]
    assert isinstance(hog, ScanFailure) and hog.error_type == "MemoryError"
    assert records["after.txt"].status == "ok"


# -------------------------------------------------------------------------------- kill -9 and resume ----


def kill_midway_and_resume(
    root: Path, out: Path, truth: dict[str, tuple[str, str | None]], after: int
) -> None:
    """Run the CLI scan with one worker, SIGKILL it once ``after`` lines are written, tear the last line as
    a kill during a write would, resume, and check every file is there exactly once with its status."""
    cmd = [
        sys.executable,
        "-m",
        "leverage_lens",
        "scan",
        str(root),
        "-o",
        str(out),
        "--workers",
        "1",
        "--no-progress",
    ]
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    written = 0
    while time.monotonic() < deadline and proc.poll() is None:
        written = out.read_bytes().count(b"\n") if out.exists() else 0
        if written >= after:
            break
        time.sleep(0.005)
    assert proc.poll() is None, f"the scan ended before it could be killed: {proc.stderr.read().decode()}"  # type: ignore[union-attr]
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    proc.stderr.close()  # type: ignore[union-attr]
    lines_at_kill = out.read_bytes().count(b"\n")
    assert after <= lines_at_kill < len(truth)
    with open(out, "ab") as fh:  # a kill during a write leaves half a line
        fh.write(b'{"path": "' + str(root).encode() + b'/torn.pdf", "sha256": "ab')
    resumed = subprocess.run(cmd, check=False, cwd=REPO, capture_output=True, text=True, timeout=600)
    assert resumed.returncode == 0, resumed.stderr
    assert f"{lines_at_kill} already in" in resumed.stderr
    raw = out.read_bytes()
    assert raw.endswith(b"\n")
    paths = [decode_line(line + b"\n").path for line in raw.splitlines()]
    assert Counter(paths) == Counter(list(truth))  # every file, exactly once
    assert observed(read_results(out)) == truth


def test_sigkill_midway_then_resume_holds_every_file_exactly_once(mixed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, _, truth = mixed
    kill_midway_and_resume(root, tmp_path / "r.jsonl", truth, after=2)
