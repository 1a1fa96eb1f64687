"""The unit of work of a scan: analyse one file and return its whole results line.

:func:`analyze_file` runs wherever the scan sends it -- a worker process of our pool, a Dask worker, any
``concurrent.futures`` executor -- so it is a plain module-level function of picklable arguments that never
raises for a bad document: every exception becomes a failure line. It returns the encoded line, not a
Report, so the parent process only appends bytes to the results file and never re-serialises a large
Report.
"""

from __future__ import annotations

import hashlib
import os
import stat
import sys
import threading
import time
from typing import Any

from .digest import digest
from .records import ScanFailure, ScanSuccess, encode_failure, encode_success

__all__ = ["analyze_file", "failure_line", "file_sha256", "peak_rss_mb"]

_analyzers: dict[str, Any] = {}
_analyzers_lock = threading.Lock()


def _analyzer(key: str, options: dict[str, Any]) -> Any:
    """One Analyzer per options key per process, built on first use (a lazily filled cache)."""
    found = _analyzers.get(key)
    if found is None:
        from ..api import Analyzer

        with _analyzers_lock:
            found = _analyzers.get(key)
            if found is None:
                found = _analyzers[key] = Analyzer(**options)
    return found


def file_sha256(path: str) -> str | None:
    """Hash of the file's bytes, or None when it cannot be read (missing, a directory, no permission) or is
    not a regular file: a FIFO would block the scan's parent process and a device would never end."""
    h = hashlib.sha256()
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
        with os.fdopen(fd, "rb") as fh:
            if not stat.S_ISREG(os.fstat(fd).st_mode):  # swapped for a FIFO since the stat
                return None
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
    except (OSError, ValueError):
        return None
    return h.hexdigest()


def peak_rss_mb() -> float | None:
    """Peak resident set size of this process in MiB (``ru_maxrss`` is KiB on Linux, bytes on macOS);
    None where the ``resource`` module does not exist (Windows)."""
    try:
        import resource
    except ImportError:  # pragma: no cover - Windows
        return None
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def failure_line(
    path: str, sha256: str | None, key: str, status: str, error_type: str, message: str, seconds: float = 0.0
) -> bytes:
    """An encoded failure line; used by workers for errors and by the parent for timeouts and crashes."""
    record = ScanFailure(
        path=path,
        sha256=sha256,
        options_key=key,
        seconds=round(seconds, 4),
        status=status,  # type: ignore[arg-type]
        error_type=error_type,
        message=message[:2000],
    )
    return encode_failure(record)


def analyze_file(path: str, sha256: str | None, options: dict[str, Any], key: str) -> bytes:
    """Analyse ``path`` and return its results line; errors become ``status="error"`` lines, never raise."""
    start, cpu_start = time.perf_counter(), time.process_time()
    try:
        opts = dict(options)
        book = opts.pop("playbook", None)  # a validated playbook as data: checked on this file's report
        report = _analyzer(key, opts).analyze(path, playbook=book)
        report_json = report.model_dump_json().encode("utf-8")
    except Exception as exc:  # noqa: BLE001 - a batch records every failure and goes on
        return failure_line(
            path, sha256, key, "error", type(exc).__name__, str(exc) or repr(exc), time.perf_counter() - start
        )
    meta = ScanSuccess(
        path=path,
        sha256=report.document.sha256 or sha256,
        options_key=key,
        seconds=round(time.perf_counter() - start, 4),
        cpu_seconds=round(time.process_time() - cpu_start, 4),
        pages=report.summary.page_count or len(report.document.pages),
        clauses=len(report.clauses),
        findings=len(report.findings),
        worker_pid=os.getpid(),
        worker_rss_mb=peak_rss_mb(),
        digest=digest(report),
    )
    return encode_success(meta, report_json)
