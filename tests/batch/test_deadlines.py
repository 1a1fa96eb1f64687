"""A folder's deadlines (leverage_lens/batch/deadlines.py): one sorted table, one calendar and the next 90 days
first in the HTML index, every contract rolled forward to the same day."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from leverage_lens import analyze, parse_text
from leverage_lens.batch.folder import write_folder_outputs

from tests.fixtures.ics_reader import read_ics

from .reports import as_record


def _contract(date: str, years: str, notice: str) -> str:
    return (f'AGREEMENT\n\nThis Agreement is made as of {date} (the "Effective Date") between Acme Corp. ("Provider") '
            f'and Beta LLC ("Customer").\n\n1. TERM\n\n1.1 This Agreement commences on the Effective Date and '
            f'continues for an initial term of {years}.\n\n1.2 This Agreement renews automatically for successive '
            f'one (1) year periods unless either party gives notice of non-renewal at least {notice} before the '
            "end of the then-current term.\n")


def test_scan_writes_every_deadline_sorted_one_calendar_and_the_next_90_days_first(tmp_path: Path) -> None:
    results = tmp_path / "r.jsonl"
    lines = []
    # analysed on different days: the folder rolls both to the same as_of
    for path, text, as_of in (("/d/a.txt", _contract("June 1, 2020", "two (2) years", "sixty (60) days"), "2020-07-01"),
                              ("/d/b.txt", _contract("March 15, 2019", "one (1) year", "thirty (30) days"),
                               "2019-04-01")):
        report = analyze(parse_text(text, name=Path(path).name), as_of=as_of)
        record = as_record(path, report)
        lines.append(record.model_dump_json().encode()[:-1] + b',"report":' + record.report_json + b"}\n")  # type: ignore[operator]
    results.write_bytes(b"".join(lines))
    write_folder_outputs(results, html_path=tmp_path / "index.html", deadlines_path=tmp_path / "d.csv",
                         ics_path=tmp_path / "p.ics", as_of=dt.date(2024, 2, 1), norm=False)
    with open(tmp_path / "d.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    dated = [(r["date"], r["file"], r["kind"]) for r in rows if r["date"]]
    assert dated == [("2024-02-14", "b.txt", "renewal_notice"), ("2024-03-15", "b.txt", "renewal"),
                     ("2024-04-02", "a.txt", "renewal_notice"), ("2024-06-01", "a.txt", "renewal")]
    assert all(r["arithmetic"] and r["clause"] for r in rows)
    (cal,) = read_ics((tmp_path / "p.ics").read_bytes())
    events = [c for c in cal["children"] if c["name"] == "VEVENT"]
    assert len(events) == 4
    index = (tmp_path / "index.html").read_text(encoding="utf-8")
    upcoming = index[index.index('<section id="upcoming">'): index.index("</section>")]
    assert index.index('id="upcoming"') < index.index("<h2>Files</h2>")
    assert upcoming.index("2024-02-14") < upcoming.index("2024-03-15") < upcoming.index("2024-04-02")
    assert "2024-06-01" not in upcoming  # beyond 90 days
