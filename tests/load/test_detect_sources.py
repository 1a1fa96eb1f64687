"""Reading a path: only regular files, refused before opening otherwise; every OS error typed."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.errors import DocumentTooLargeError, LeverageLensError, UnreadableSourceError


def _within(seconds: float, fn):  # type: ignore[no-untyped-def]
    """Run ``fn`` in a thread; its outcome, or None if it is still running after ``seconds`` (a hang)."""
    box: dict[str, object] = {}

    def run() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the test
            box["error"] = exc

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(seconds)
    return None if thread.is_alive() else box


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this platform")
def test_fifo_named_explicitly_is_refused_without_waiting_for_a_writer(tmp_path: Path) -> None:
    fifo = tmp_path / "contract.txt"
    os.mkfifo(fifo)
    try:
        box = _within(5, lambda: ll.parse(fifo))
        assert box is not None, "parse() hung on a FIFO"
        assert isinstance(box.get("error"), UnreadableSourceError), box
        assert "FIFO" in str(box["error"])
    finally:  # unblock a reader stuck in open(), should the test fail
        try:
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))
        except OSError:
            pass


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom", "/dev/null"])
def test_devices_are_refused_before_reading(device: str) -> None:
    if not os.path.exists(device):
        pytest.skip(f"{device} does not exist here")
    box = _within(5, lambda: ll.parse(device, max_bytes=10**6))
    assert box is not None, f"parse() hung on {device}"
    assert isinstance(box.get("error"), UnreadableSourceError), box
    assert "character device" in str(box["error"])


def test_file_reporting_no_size_is_cut_at_max_bytes() -> None:
    """/proc files report a size of 0: the limit holds while reading."""
    if not os.path.exists("/proc/self/status"):
        pytest.skip("no /proc")
    with pytest.raises(DocumentTooLargeError, match="max_bytes"):
        ll.parse("/proc/self/status", max_bytes=100)


def test_nul_byte_in_a_path_is_a_typed_error() -> None:
    with pytest.raises(UnreadableSourceError, match="NUL byte"):
        ll.parse("a\0b.txt")


def test_over_long_file_name_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(UnreadableSourceError) as info:
        ll.parse(tmp_path / ("x" * 5000 + ".txt"))
    assert len(str(info.value)) < 400  # the name is shortened in the message


def test_unreadable_file_is_a_typed_error(tmp_path: Path) -> None:
    path = tmp_path / "locked.txt"
    path.write_text("1. Term.")
    path.chmod(0)
    try:
        if os.access(path, os.R_OK):
            pytest.skip("running as a user who can read anything (root)")
        with pytest.raises(UnreadableSourceError, match="ermission"):
            ll.parse(path)
    finally:
        path.chmod(0o600)


def test_typed_source_errors_are_leverage_lens_errors_and_os_errors() -> None:
    assert issubclass(UnreadableSourceError, LeverageLensError)
    assert issubclass(UnreadableSourceError, OSError)


def test_missing_file_stays_file_not_found(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        ll.parse(tmp_path / "missing.pdf")


def test_regular_file_through_a_symlink_is_read(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("1. Term. This Agreement starts today.")
    (tmp_path / "link.txt").symlink_to(target)
    assert ll.parse(tmp_path / "link.txt").text == "1. Term. This Agreement starts today."
