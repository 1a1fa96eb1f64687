"""The folder as a table: one row per file (key terms, counts of tags and findings, yes/no questions) and
the folder-level lists a reviewer asks for first (which contracts lack a cap on liability, which grant
exclusivity, ...). Built from the records' headers only, so it never parses a Report; the folder norm,
which needs clause texts, is computed separately and passed in.
"""

from __future__ import annotations

import csv
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .digest import FOLDER_FLAGS, flag_values
from .norm import FolderNorm
from .records import ScanRecord, ScanSuccess

__all__ = ["FolderSummary", "folder_summary", "write_csv"]


@dataclass
class FolderSummary:
    """Rows (one dict per file, CSV-ready), status counts, and per question the files that answer yes.

    ``root`` is the common folder of the files; rows name files relative to it.
    """

    root: str
    rows: list[dict[str, Any]]
    statuses: dict[str, int]
    with_flag: dict[str, list[str]] = field(default_factory=dict)
    without_flag: dict[str, list[str]] = field(default_factory=dict)
    pages: int = 0
    seconds: float = 0.0
    #: playbook position id -> the files that fail it (scans with a playbook)
    failing_positions: dict[str, list[str]] = field(default_factory=dict)

    @property
    def columns(self) -> list[str]:
        cols: dict[str, None] = {}
        for row in self.rows:
            cols.update(dict.fromkeys(row))
        return list(cols)


def _relative(path: str, root: str) -> str:
    try:
        return os.path.relpath(path, root) if root else path
    except ValueError:  # another drive on Windows
        return path


def folder_summary(records: Iterable[ScanRecord], norm: FolderNorm | None = None) -> FolderSummary:
    """Tabulate records (successes' headers suffice); ``norm`` adds each file's departures from the norm."""
    records = sorted(records, key=lambda r: r.path)
    paths = [r.path for r in records]
    root = os.path.commonpath([os.path.dirname(p) for p in paths]) if paths else ""
    departures = norm.departures_by_path() if norm is not None else {}
    families = sorted({f for r in records if isinstance(r, ScanSuccess) for f in r.digest.tags_by_family})
    severities = ["critical", "high", "medium", "low", "info"]
    summary = FolderSummary(root=root, rows=[], statuses=dict(Counter(r.status for r in records)))
    for flag in FOLDER_FLAGS:
        summary.with_flag[flag.id] = []
        summary.without_flag[flag.id] = []
    for r in records:
        name = _relative(r.path, root)
        row: dict[str, Any] = {
            "file": name,
            "status": r.status,
            "sha256": r.sha256 or "",
            "seconds": r.seconds,
        }
        if isinstance(r, ScanSuccess):
            d = r.digest
            summary.pages += r.pages
            row.update(pages=r.pages, clauses=r.clauses, findings=r.findings)
            row["parties"] = "; ".join(d.parties)
            for flag_id, present in flag_values(d).items():
                row[f"has_{flag_id}"] = "yes" if present else "no"
                (summary.with_flag if present else summary.without_flag)[flag_id].append(name)
            for family in families:
                row[f"tags_{family}"] = d.tags_by_family.get(family, 0)
            for severity in severities:
                row[f"findings_{severity}"] = d.findings_by_severity.get(severity, 0)
            for fam, count in sorted(d.findings_by_family.items()):
                row[f"findings_family_{fam}"] = count
            for term, value in sorted(d.key_terms.items()):
                row[f"key_{term}"] = value
            if d.playbook:  # which contracts break which position: a column per position
                failed = set(d.playbook_failed)
                row["playbook_failed"] = len(failed)
                for pid, status in d.playbook.items():
                    row[f"playbook_{pid}"] = status.replace("_", " ") + (" (fails)" if pid in failed else "")
                    if pid in failed:
                        summary.failing_positions.setdefault(pid, []).append(name)
            gone = departures.get(r.path, [])
            row["norm_departures"] = "; ".join(f"{g.category} ({g.similarity:.0f})" for g in gone)
        else:
            row.update(error_type=r.error_type, message=r.message)
        summary.seconds += r.seconds
        summary.rows.append(row)
    return summary


#: What a spreadsheet program takes for the start of a formula (OWASP's list for CSV injection).
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula (``=HYPERLINK(...)``, ``@SUM(...)``, from a file
    name or a contract's text) prefixed with an apostrophe, which shows the text as it is; numbers pass."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(summary: FolderSummary, path: str | os.PathLike[str]) -> Path:
    """Write the rows as CSV (UTF-8 with BOM so spreadsheet programs read accents); missing cells are empty;
    text cells that would start a formula are neutralised (:func:`spreadsheet_safe`)."""
    out = Path(path)
    out.parent.mkdir(parents=True, exist_ok=True)
    columns = summary.columns
    with open(out, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow([spreadsheet_safe(c) for c in columns])
        for row in summary.rows:
            writer.writerow([spreadsheet_safe(row.get(c, "")) for c in columns])
    return out
