"""A folder's deadlines in one place: every contract's deadlines rolled forward to one day, as a sorted table
(CSV), one calendar (``.ics``) and the "next 90 days" list the HTML index opens with.

Reports in a results file may have been analysed on different days; :func:`~leverage_lens.brief.roll_forward`
puts every recurring deadline (a renewal and the last day to stop it) on the same ``as_of`` before they are
compared. Rows are small (no report is kept), so a folder of thousands of contracts fits in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from dataclasses import dataclass, field
from html import escape
from pathlib import Path

from ..brief import roll_forward
from ..model import Report
from ..report.brief_view import duration_words, party_label
from ..report.ics import CalendarEvent, calendar_from_events, events_of

__all__ = ["DEADLINE_COLUMNS", "FolderDeadlines"]

#: Columns of ``scan --deadlines deadlines.csv``, in order.
DEADLINE_COLUMNS = ("date", "window_opens", "file", "kind", "action", "who", "period", "relative_to", "clause",
                    "arithmetic", "quote")


@dataclass
class FolderDeadlines:
    """Collects the deadlines of each report of a scan (:meth:`add`), then writes them (:meth:`write_csv`,
    :meth:`write_ics`) or lists the coming ones (:meth:`upcoming_html`)."""

    as_of: dt.date = field(default_factory=dt.date.today)
    rows: list[dict[str, str]] = field(default_factory=list)
    events: list[CalendarEvent] = field(default_factory=list)

    def add(self, file: str, report: Report) -> None:
        deadlines = roll_forward(report.deadlines, self.as_of)
        for d in deadlines:
            self.rows.append({
                "date": d.date or "", "window_opens": d.window_opens or "", "file": file, "kind": d.kind,
                "action": d.action, "who": party_label(report, d.party) or "", "period":
                duration_words(d.period, d.business_days) or "", "relative_to": d.relative_to or "",
                "clause": d.clause_id or "", "arithmetic": d.arithmetic, "quote": " ".join(d.text.split())[:500],
            })
        self.events.extend(events_of(report, deadlines))

    def sorted_rows(self) -> list[dict[str, str]]:
        """Dated rows soonest first, then the periods; ties by file."""
        return sorted(self.rows, key=lambda r: (r["date"] == "", r["date"], r["file"], r["kind"]))

    def write_csv(self, path: str | os.PathLike[str]) -> None:
        with open(path, "w", encoding="utf-8", newline="") as fh:
            writer = csv.DictWriter(fh, fieldnames=DEADLINE_COLUMNS)
            writer.writeheader()
            writer.writerows(self.sorted_rows())

    def write_ics(self, path: str | os.PathLike[str], name: str = "Contract folder deadlines") -> None:
        Path(path).write_text(calendar_from_events(self.events, name=name), encoding="utf-8", newline="")

    def upcoming_html(self, links: dict[str, str], days: int = 90) -> str:
        """The deadlines from ``as_of`` to ``as_of + days``, soonest first, as an HTML section."""
        until = (self.as_of + dt.timedelta(days=days)).isoformat()
        start = self.as_of.isoformat()
        soon = [r for r in self.sorted_rows() if r["date"] and start <= r["date"] <= until]
        head = (f'<section id="upcoming"><h2>Deadlines in the next {days} days (from {escape(start)})</h2>')
        if not soon:
            return head + "<p>None.</p></section>"
        body = []
        for r in soon:
            link = links.get(r["file"])
            name = escape(r["file"])
            cell = f'<a href="{escape(link)}">{name}</a>' if link else name
            when = f"{r['window_opens']} to {r['date']}" if r["window_opens"] else r["date"]
            body.append(f'<tr data-kind="{escape(r["kind"])}"><td>{escape(when)}</td><td>{cell}</td>'
                        f'<td>{escape(r["action"])}</td><td>{escape(r["who"] or "-")}</td>'
                        f'<td title="{escape(r["quote"])}">{escape(r["clause"] or "-")}</td></tr>')
        return (head + "<table><tr><th>when</th><th>file</th><th>what</th><th>who must act</th><th>clause</th></tr>"
                + "".join(body) + "</table></section>")
