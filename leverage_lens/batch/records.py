"""What a scan returns per file, and how each result is laid out as one line of the results file.

A results file is JSON Lines: one object per file, written whole. A success line carries the file's
path, content hash, options key, timings and a few counts, then the full :class:`~leverage_lens.Report`
under ``"report"``, which is always the **last** key. That layout lets a reader (resume, the folder summary)
take the small header of a line without parsing a Report that can weigh a megabyte: the first occurrence
of ``,"report":`` in the raw line ends the header, because inside a JSON string a quote is always escaped.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr

from ..model import Report

__all__ = [
    "FileDigest",
    "ScanFailure",
    "ScanRecord",
    "ScanSuccess",
    "decode_line",
    "encode_failure",
    "encode_success",
    "options_key",
    "split_line",
]

_REPORT_KEY = b',"report":'


class FileDigest(BaseModel):
    """The counts a folder summary needs from one Report, kept in the line header so it never re-parses."""

    model_config = ConfigDict(frozen=True, extra="ignore")

    categories: dict[str, int] = Field(default_factory=dict, description="tag category -> clauses tagged")
    tags_by_family: dict[str, int] = Field(default_factory=dict)
    findings_by_severity: dict[str, int] = Field(default_factory=dict)
    findings_by_family: dict[str, int] = Field(default_factory=dict)
    parties: list[str] = Field(default_factory=list)
    key_terms: dict[str, str] = Field(
        default_factory=dict, description="Summary fields that are single values"
    )
    playbook: dict[str, str] = Field(default_factory=dict, description="position id -> status (met, not_met, "
                                     "missing, not_applicable) when scanned with a playbook")
    playbook_failed: list[str] = Field(default_factory=list, description="the positions the file fails")


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    path: str = Field(description="absolute path of the file as scanned")
    sha256: str | None = Field(description="hash of the file's bytes (None when it could not be read)")
    options_key: str = Field(description="hash of the analysis options and library version")
    seconds: float = Field(default=0.0, description="wall time spent on the file")


class ScanSuccess(_Record):
    """A file analysed: its counts here, its full Report behind :attr:`report` (parsed on first access)."""

    status: Literal["ok"] = "ok"
    pages: int = 0
    clauses: int = 0
    findings: int = 0
    cpu_seconds: float = Field(default=0.0, description="CPU time the worker spent on the file")
    worker_pid: int | None = None
    worker_rss_mb: float | None = Field(default=None, description="peak resident memory of the worker so far")
    digest: FileDigest = Field(default_factory=FileDigest)
    _report_json: bytes | None = PrivateAttr(default=None)
    _report: Report | None = PrivateAttr(default=None)

    @property
    def report(self) -> Report:
        """The Report, validated from its JSON when first asked for (most batch callers never need it)."""
        if self._report is None:
            if self._report_json is None:
                raise ValueError(f"the result for {self.path} was read without its report")
            self._report = Report.model_validate_json(self._report_json)
        return self._report

    @property
    def report_json(self) -> bytes | None:
        """The Report as raw JSON bytes, exactly as written to the results file."""
        return self._report_json


class ScanFailure(_Record):
    """A file that could not be analysed. ``status`` says how: a raised error, a timeout, a dead worker, or
    ``"skipped"``: a file in scope the scan does not read (a link out of the folder, a FIFO, a device)."""

    status: Literal["error", "timeout", "crashed", "skipped"]
    error_type: str = Field(description='the exception class name, e.g. "CorruptDocumentError"')
    message: str


ScanRecord = ScanSuccess | ScanFailure


def options_key(options: dict[str, Any]) -> str:
    """A short stable hash of the analysis options and the library version: results are reused only under both.

    A new leverage_lens version may analyse differently, so upgrading re-runs the folder.
    """
    from .._version import __version__
    from ..model import SCHEMA_VERSION

    payload = json.dumps(
        {"version": __version__, "schema": SCHEMA_VERSION, "options": options}, sort_keys=True, default=str
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def encode_success(meta: ScanSuccess, report_json: bytes) -> bytes:
    """One whole line: the header object with the report appended as its last key, and a newline."""
    head = meta.model_dump_json().encode("utf-8")
    return head[:-1] + _REPORT_KEY + report_json + b"}\n"


def encode_failure(record: ScanFailure) -> bytes:
    return record.model_dump_json().encode("utf-8") + b"\n"


def split_line(line: bytes) -> tuple[dict[str, Any], bytes | None]:
    """The parsed header of a line and the raw report JSON (None for failures). Raises ValueError if torn."""
    body = line.rstrip(b"\r\n")
    cut = body.find(_REPORT_KEY)
    if cut < 0:
        head = json.loads(body)
        report = None
    else:
        if not body.endswith(b"}"):
            raise ValueError("line does not end with '}'")
        head = json.loads(body[:cut] + b"}")
        report = body[cut + len(_REPORT_KEY) : -1]
    if not isinstance(head, dict) or "path" not in head or "status" not in head:
        raise ValueError("not a scan result line")
    return head, report


def decode_line(line: bytes, *, with_report: bool = True) -> ScanRecord:
    """A record from one results line; a success keeps its report JSON (unless told not to) for lazy parsing."""
    head, report = split_line(line)
    if head["status"] == "ok":
        record = ScanSuccess.model_validate(head)
        record._report_json = bytes(report) if (with_report and report is not None) else None
        return record
    return ScanFailure.model_validate(head)
