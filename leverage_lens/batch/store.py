"""The results file: append whole lines, survive ``kill -9``, and know what is already done.

Guarantees, and how they are kept:

* **No torn line is ever read back.** Each line is written by one ``os.write`` of its full bytes to a file
  opened with ``O_APPEND`` (a short write is finished by further writes of the remainder). A process killed
  mid-write can leave a partial last line; :meth:`ResultStore.open` cuts the file back to its last newline
  before anything else reads or appends.
* **Each file appears once.** Before new lines are appended, lines that the scan is about to replace (a
  changed file, other options, a failure being retried), duplicates and unreadable lines are removed by
  rewriting the file to a temporary sibling and ``os.replace``-ing it (atomic on POSIX and Windows).
* **One writer.** The file is locked with ``fcntl.flock`` while a scan holds it; a second scan on the same
  file fails at once with :class:`~leverage_lens.errors.ScanOutputError` instead of interleaving.
* **Durability policy.** Lines reach the OS page cache at once, so killing the scan loses nothing already
  written. ``fsync`` runs at most every ``fsync_interval`` seconds and on close: a machine crash (power, kernel)
  can lose at most that window, and the lost lines' files are simply analysed again on resume.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import ScanOutputError
from .records import ScanRecord, decode_line, split_line

__all__ = ["Done", "ResultStore", "check_results_file", "iter_results", "read_results"]

try:  # POSIX only; on Windows the single-writer check is skipped
    import fcntl
except ImportError:  # pragma: no cover
    fcntl = None  # type: ignore[assignment]


@dataclass(frozen=True, slots=True)
class Done:
    """What the results file already says about one path."""

    sha256: str | None
    options_key: str
    status: str


#: Every line a scan writes starts with its path (the first field of a record).
_SIGNATURE = b'{"path":'


def check_results_file(path: str | os.PathLike[str]) -> None:
    """Raise :class:`ScanOutputError` unless ``path`` is missing, empty, or a results file a scan wrote.

    A scan opens its results file for appending and, with ``resume=False``, truncates it; pointed at a
    contract or someone's notes by mistake it would destroy them. A results file starts with a record whose
    first key is ``"path"``; its first line, when whole, must read as a record. Checked before the file is
    opened for writing, so nothing is written to a file that is refused.
    """
    target = Path(path)
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ScanOutputError(f"cannot use {target} as the results file: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        what = "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file"
        raise ScanOutputError(f"the results file {target} is {what}; give the path of a .jsonl file")
    if st.st_size == 0:
        return
    with open(target, "rb") as fh:
        head = fh.read(1 << 16)
    line = head.split(b"\n", 1)[0] if b"\n" in head else None
    ours = head.startswith(_SIGNATURE)
    if ours and line is not None:
        try:
            split_line(line)
        except ValueError:
            ours = False
    if not ours:
        raise ScanOutputError(
            f"{target} exists and is not a leverage-lens results file; the scan would overwrite it. Choose "
            "another -o (a new .jsonl file), or delete the file if it is an old results file of another tool"
        )


#: What the first bytes of a folder deliverable the scan wrote look like, by kind: a CSV with our header, the
#: HTML index or calendar we generate. An existing file without it is someone else's and is never replaced.
_SIDE_MARKERS: dict[str, tuple[bytes, ...]] = {
    "csv": (b"file,", b"\xef\xbb\xbffile,", b"date,", b"\xef\xbb\xbfdate,"),
    "html": (b"<!doctype html>",),
    "ics": (b"BEGIN:VCALENDAR",),
}


def check_side_output(path: str | os.PathLike[str], kind: str, inputs: list[str] | None = None) -> None:
    """Raise :class:`ScanOutputError` when a folder deliverable (``--csv``, ``--html``, ``--deadlines``,
    ``--ics``) would overwrite one of the inputs, a folder, or an existing file a scan did not write
    (checked before the scan starts, so nothing is written when an output is refused)."""
    target = Path(path)
    real = os.path.realpath(target)
    if inputs and real in {os.path.realpath(f) for f in inputs}:
        raise ScanOutputError(f"{target} is one of the files being scanned; choose an output outside the input")
    try:
        st = os.stat(target)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ScanOutputError(f"cannot write {target}: {exc.strerror or exc}") from exc
    if not stat.S_ISREG(st.st_mode):
        raise ScanOutputError(f"{target} is not a regular file; give the path of a new {kind} file")
    if st.st_size == 0:
        return
    with open(target, "rb") as fh:
        head = fh.read(256).lstrip().lower()
    if not any(head.startswith(m.lower()) for m in _SIDE_MARKERS.get(kind, ())):
        raise ScanOutputError(f"{target} exists and was not written by a leverage-lens scan; the scan would "
                              f"overwrite it. Choose another path, or delete the file first")


class ResultStore:
    """An append-only JSONL results file with torn-tail repair, compaction and a writer lock."""

    def __init__(self, path: str | os.PathLike[str], *, fsync_interval: float = 1.0) -> None:
        self.path = Path(path)
        self.fsync_interval = fsync_interval
        self._fd: int | None = None
        self._last_sync = 0.0
        self._unsynced = False
        self.repaired_bytes = 0
        self.needs_compaction = False

    # ------------------------------------------------------------------------------------- open/close ----

    def open(self, *, truncate: bool = False) -> dict[str, Done]:
        """Lock the file, repair a torn tail (or empty it), and return what it holds by path."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        flags = os.O_RDWR | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o644)
        except OSError as exc:
            raise ScanOutputError(f"cannot open results file {self.path}: {exc.strerror or exc}") from exc
        if fcntl is not None:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError as exc:
                os.close(fd)
                raise ScanOutputError(
                    f"{self.path} is being written by another scan; wait for it or choose another -o"
                ) from exc
        self._fd = fd
        if truncate:
            os.ftruncate(fd, 0)
            return {}
        self._repair_tail()
        return self._index()

    def close(self) -> None:
        if self._fd is None:
            return
        try:
            os.fsync(self._fd)
        except OSError:
            pass
        os.close(self._fd)  # closing the descriptor releases the flock
        self._fd = None

    def __enter__(self) -> ResultStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ----------------------------------------------------------------------------------------- writing ----

    def append(self, line: bytes) -> None:
        """Append one whole line (it must end with a newline) and fsync per the policy."""
        if self._fd is None:
            raise ScanOutputError("results file is not open")
        view = memoryview(line)
        while view:
            written = os.write(self._fd, view)
            view = view[written:]
        self._unsynced = True
        now = time.monotonic()
        if now - self._last_sync >= self.fsync_interval:
            os.fsync(self._fd)
            self._last_sync = now
            self._unsynced = False

    def compact(self, drop: set[str]) -> None:
        """Rewrite the file without the lines of ``drop`` paths, duplicates (the last wins) and bad lines."""
        assert self._fd is not None
        keep: dict[str, int] = {}
        lines: list[tuple[int, int]] = []  # (offset, length) of each readable line
        with open(self.path, "rb") as fh:
            offset = 0
            for raw in fh:
                try:
                    head, _ = split_line(raw)
                except ValueError:
                    offset += len(raw)
                    continue
                if head["path"] not in drop:
                    keep[head["path"]] = len(lines)
                lines.append((offset, len(raw)))
                offset += len(raw)
        wanted = sorted(keep.values())
        tmp = self.path.with_name(self.path.name + ".compact.tmp")
        with open(self.path, "rb") as src, open(tmp, "wb") as dst:
            for index in wanted:
                start, length = lines[index]
                src.seek(start)
                dst.write(src.read(length))
            dst.flush()
            os.fsync(dst.fileno())
        os.replace(tmp, self.path)
        # our descriptor (and lock) points at the replaced inode: reopen and relock the new file
        old = self._fd
        self._fd = None
        os.close(old)
        self.open()

    # ----------------------------------------------------------------------------------------- reading ----

    def _repair_tail(self) -> None:
        """Cut a partial last line left by a kill during a write."""
        assert self._fd is not None
        size = os.fstat(self._fd).st_size
        if size == 0:
            return
        with open(self.path, "rb") as fh:
            pos = size
            block = 1 << 16
            while pos > 0:
                step = min(block, pos)
                fh.seek(pos - step)
                chunk = fh.read(step)
                nl = chunk.rfind(b"\n")
                if nl >= 0:
                    end = pos - step + nl + 1
                    break
                pos -= step
            else:
                end = 0
        if end < size:
            os.ftruncate(self._fd, end)
            self.repaired_bytes = size - end

    def _index(self) -> dict[str, Done]:
        done: dict[str, Done] = {}
        self.needs_compaction = False
        with open(self.path, "rb") as fh:
            for raw in fh:
                try:
                    head, _ = split_line(raw)
                except ValueError:
                    self.needs_compaction = True
                    continue
                if head["path"] in done:
                    self.needs_compaction = True
                done[head["path"]] = Done(
                    head.get("sha256"), str(head.get("options_key")), str(head["status"])
                )
        return done


def iter_results(path: str | os.PathLike[str], *, with_reports: bool = True) -> Iterator[ScanRecord]:
    """The readable records of a results file in file order, streamed (a torn last line is skipped).

    Without ``with_reports`` a success keeps only its header, so a folder of large Reports reads in little
    memory. After a scan the file holds one line per path; a hand-edited file may repeat a path.
    """
    with open(path, "rb") as fh:
        for raw in fh:
            if not raw.endswith(b"\n"):
                break
            try:
                record = decode_line(raw, with_report=with_reports)
            except ValueError:
                continue
            yield record


def read_results(path: str | os.PathLike[str], *, with_reports: bool = True) -> list[ScanRecord]:
    """Every record of a results file, the last line per path winning, in file order."""
    by_path: dict[str, ScanRecord] = {}
    for record in iter_results(path, with_reports=with_reports):
        by_path.pop(record.path, None)
        by_path[record.path] = record
    return list(by_path.values())
