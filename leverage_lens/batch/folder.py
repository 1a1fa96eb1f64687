"""From a results file to the folder's deliverables: the summary CSV, the HTML index with a page per file, the
folder norm. One streamed pass over the file: each Report is parsed once, turned into its page, its tagged
clauses kept for the norm, and dropped, so a folder of thousands of contracts fits in memory.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..model import Report
from .deadlines import FolderDeadlines
from .html import page_name, render_index, render_report_page
from .norm import FolderNorm, folder_norm
from .records import ScanRecord, ScanSuccess
from .store import iter_results
from .summary import FolderSummary, _relative, folder_summary, write_csv

__all__ = ["write_folder_outputs"]


def write_folder_outputs(
    results: str | os.PathLike[str],
    *,
    csv_path: str | os.PathLike[str] | None = None,
    html_path: str | os.PathLike[str] | None = None,
    only: Iterable[str] | None = None,
    norm: bool = True,
    norm_options: dict[str, Any] | None = None,
    title: str = "Contract folder scan",
    deadlines_path: str | os.PathLike[str] | None = None,
    ics_path: str | os.PathLike[str] | None = None,
    as_of: dt.date | None = None,
) -> tuple[FolderSummary, FolderNorm | None]:
    """Summarise ``results`` (restricted to the paths in ``only`` when given) into CSV and/or HTML.

    The HTML index links ``<index stem>_files/<n>-<name>.html``, one page per analysed file, and opens with
    the deadlines of the next 90 days. ``deadlines_path`` (CSV) and ``ics_path`` (iCalendar) get every
    deadline of every contract, rolled forward to ``as_of`` (default today), soonest first.
    """
    collector = FolderDeadlines(as_of or dt.date.today()) if (html_path or deadlines_path or ics_path) else None
    wanted = set(only) if only is not None else None
    headers: dict[str, ScanRecord] = {}
    for record in iter_results(results, with_reports=False):
        if wanted is None or record.path in wanted:
            headers[record.path] = record
    root = os.path.commonpath([os.path.dirname(p) for p in headers]) if headers else ""
    pages_dir = Path(html_path).with_name(Path(html_path).stem + "_files") if html_path else None
    links: dict[str, str] = {}
    found_norm: FolderNorm | None = None
    if pages_dir is not None or norm or collector is not None:
        if pages_dir is not None:
            pages_dir.mkdir(parents=True, exist_ok=True)
        reports = _reports(results, headers, pages_dir, links, root, collector)
        if norm:
            found_norm = folder_norm(reports, **(norm_options or {}))
        for _ in reports:  # html without norm: drain the generator to write the pages
            pass
    summary = folder_summary(headers.values(), found_norm)
    if csv_path is not None:
        write_csv(summary, csv_path)
    if html_path is not None:
        upcoming = collector.upcoming_html(links) if collector is not None else ""
        Path(html_path).write_text(render_index(summary, links, found_norm, title, upcoming=upcoming),
                                   encoding="utf-8")
    if collector is not None and deadlines_path is not None:
        collector.write_csv(deadlines_path)
    if collector is not None and ics_path is not None:
        collector.write_ics(ics_path)
    return summary, found_norm


def _reports(
    results: str | os.PathLike[str],
    headers: dict[str, ScanRecord],
    pages_dir: Path | None,
    links: dict[str, str],
    root: str,
    collector: FolderDeadlines | None = None,
) -> Iterator[tuple[str, Report]]:
    index = 0
    for record in iter_results(results, with_reports=True):
        if not isinstance(record, ScanSuccess) or headers.get(record.path) is None:
            continue
        if record.report_json is None:
            continue
        report = record.report
        index += 1
        if pages_dir is not None:
            name = page_name(index, record.path)
            (pages_dir / name).write_text(render_report_page(record.path, report), encoding="utf-8")
            links[_relative(record.path, root)] = f"{pages_dir.name}/{name}"
        if collector is not None:
            collector.add(_relative(record.path, root), report)
        yield record.path, report
