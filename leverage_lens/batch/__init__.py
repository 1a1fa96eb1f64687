"""Batch scanning: many contracts through the same Analyzer, in worker processes or on a Dask cluster.

``scan()`` analyses a folder into a JSONL results file, resumably; ``folder_summary`` turns the results into
a table (CSV, HTML index) and ``folder_norm`` flags clauses that depart from the folder's usual wording.
See ``docs/batch.md``.
"""

from __future__ import annotations

from .records import FileDigest, ScanFailure, ScanRecord, ScanSuccess
from .scan import DEFAULT_PATTERN, ScanRun, discover, scan
from .store import iter_results, read_results

__all__ = [
    "DEFAULT_PATTERN",
    "FileDigest",
    "ScanFailure",
    "ScanRecord",
    "ScanRun",
    "ScanSuccess",
    "discover",
    "iter_results",
    "read_results",
    "scan",
]
