"""The results file: whole lines, torn tails cut, one line per path after compaction, one writer at a time."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens.batch.records import ScanFailure, encode_failure
from leverage_lens.batch.store import ResultStore, read_results
from leverage_lens.errors import ScanOutputError


def _line(path: str, status: str = "error", message: str = "m") -> bytes:
    return encode_failure(
        ScanFailure(path=path, sha256="s", options_key="k", status=status, error_type="E", message=message)  # type: ignore[arg-type]
    )


def test_open_cuts_a_torn_last_line_and_keeps_whole_ones(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    whole = _line("/a") + _line("/b")
    out.write_bytes(whole + _line("/c")[:17])
    store = ResultStore(out)
    done = store.open()
    store.close()
    assert sorted(done) == ["/a", "/b"]
    assert out.read_bytes() == whole
    assert store.repaired_bytes == 17


def test_a_file_of_only_a_torn_line_becomes_empty(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_bytes(b'{"path": "/a", "sta')
    with ResultStore(out) as store:
        assert store.open() == {}
    assert out.read_bytes() == b""


def test_append_writes_exact_bytes_after_existing_lines(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    with ResultStore(out) as store:
        store.open()
        store.append(_line("/a"))
        store.append(_line("/b"))
    assert out.read_bytes() == _line("/a") + _line("/b")


def test_compaction_drops_listed_paths_duplicates_and_garbage(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_bytes(
        _line("/a", message="old") + b"garbage\n" + _line("/b") + _line("/a", message="new") + _line("/c")
    )
    with ResultStore(out) as store:
        store.open()
        assert store.needs_compaction
        store.compact({"/c"})
        store.append(_line("/d"))
    records = read_results(out)
    assert [r.path for r in records] == ["/b", "/a", "/d"]
    assert [r.message for r in records if r.path == "/a"] == ["new"]  # type: ignore[union-attr]
    assert out.read_bytes().count(b"\n") == 3


def test_second_writer_on_the_same_file_is_refused(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    first = ResultStore(out)
    first.open()
    try:
        with pytest.raises(ScanOutputError, match="another scan"):
            ResultStore(out).open()
    finally:
        first.close()
    second = ResultStore(out)
    second.open()  # free again once the first writer closed
    second.close()


def test_truncate_starts_afresh(tmp_path: Path) -> None:
    out = tmp_path / "r.jsonl"
    out.write_bytes(_line("/a"))
    with ResultStore(out) as store:
        assert store.open(truncate=True) == {}
    assert out.read_bytes() == b""
