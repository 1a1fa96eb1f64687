"""Deadlines as an iCalendar file (RFC 5545): one all-day event per dated deadline, with reminders.

Written with the standard library only. Each event is an all-day ``VEVENT`` (``DTSTART;VALUE=DATE`` and the
next day as ``DTEND``) whose summary names the action and the contract, whose description shows who must act,
the arithmetic and the clause, and which carries one ``VALARM`` per reminder (30, 7 and 1 days before by
default). UIDs are stable (a hash of the document, the deadline and its date), so importing a newer calendar
updates events instead of doubling them. Lines are folded at 75 octets and end in CRLF; text is escaped as
the RFC says. Deadlines without a date (a notice period, "within 30 days after invoice") have no day to put
in a calendar and are left out.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..model import Deadline, Report

__all__ = ["CalendarEvent", "calendar_from_events", "deadline_events", "events_of", "render_ics"]

_PRODID = "-//leverage_lens//deadlines//EN"
_TITLES = {
    "expiration": "Term ends",
    "renewal": "Renews",
    "renewal_notice": "Last day: notice of non-renewal",
    "option_exercise": "Last day: exercise renewal option",
    "termination_notice": "Termination notice",
    "payment": "Payment due",
    "obligation": "Due",
}


def _escape(text: str) -> str:
    return (text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
            .replace("\n", "\\n").replace("\r", "\\n"))


def _fold(line: str) -> str:
    """A content line folded to at most 75 octets per physical line (RFC 5545 3.1), never inside a character."""
    out: list[str] = []
    current, size = "", 0
    limit = 75
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > limit:
            out.append(current)
            current, size, limit = " ", 1, 75
        current += ch
        size += n
    out.append(current)
    return "\r\n".join(out)


def _party_name(report: Report, party: str | None) -> str | None:
    if party is None:
        return None
    if party in ("each", "either", "neither", "both"):
        return f"{party} party"
    return next((p.name for p in report.parties if p.id == party), party)


def deadline_events(report: Report, deadlines: Sequence[Deadline] | None = None) -> list[tuple[Deadline, str, str]]:
    """(deadline, summary, description) for each dated deadline of ``report`` (or the ``deadlines`` given)."""
    name = report.document.name or "contract"
    out = []
    for d in deadlines if deadlines is not None else report.deadlines:
        if d.date is None:
            continue
        who = _party_name(report, d.party)
        summary = f"{_TITLES.get(d.kind, d.kind)} \u2014 {name}"
        lines = [d.action[0].upper() + d.action[1:] + "."]
        if who:
            lines.append(f"Who must act: {who}.")
        if d.window_opens:
            lines.append(f"Window: {d.window_opens} to {d.date}.")
        if d.arithmetic:
            lines.append(f"How: {d.arithmetic}.")
        clause = f"clause {d.clause_id}" if d.clause_id else "the contract"
        quote = " ".join(d.text.split())
        cut = quote if len(quote) <= 400 else quote[:399] + "\u2026"
        lines.append(f"From {clause}: \u201c{cut}\u201d")
        out.append((d, summary, "\n".join(lines)))
    return out


def _uid(report: Report, d: Deadline) -> str:
    key = f"{report.document.sha256 or report.document.name}|{d.id}|{d.date}"
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32] + "@leverage-lens"


@dataclass(frozen=True)
class CalendarEvent:
    """One all-day event: what a calendar needs of a dated deadline (small, so a folder scan keeps them all)."""

    uid: str
    day: dt.date
    summary: str
    description: str
    kind: str


def events_of(report: Report, deadlines: Sequence[Deadline] | None = None) -> list[CalendarEvent]:
    """The calendar events of a report's dated deadlines (or of ``deadlines``, e.g. rolled forward)."""
    return [CalendarEvent(_uid(report, d), dt.date.fromisoformat(d.date or ""), summary, description, d.kind)
            for d, summary, description in deadline_events(report, deadlines)]


def calendar_from_events(events: Iterable[CalendarEvent], *, reminders: Sequence[int] = (30, 7, 1),
                         name: str = "Contract deadlines", stamp: dt.datetime | None = None) -> str:
    """One VCALENDAR holding ``events`` (sorted by day), each with a VALARM per reminder (days before)."""
    now = (stamp or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{_PRODID}", "CALSCALE:GREGORIAN", "METHOD:PUBLISH",
             f"X-WR-CALNAME:{_escape(name)}"]
    for ev in sorted(events, key=lambda e: (e.day, e.summary)):
        lines += ["BEGIN:VEVENT", f"UID:{ev.uid}", f"DTSTAMP:{now}",
                  f"DTSTART;VALUE=DATE:{ev.day.strftime('%Y%m%d')}",
                  f"DTEND;VALUE=DATE:{(ev.day + dt.timedelta(days=1)).strftime('%Y%m%d')}",
                  f"SUMMARY:{_escape(ev.summary)}", f"DESCRIPTION:{_escape(ev.description)}",
                  f"CATEGORIES:{_escape(ev.kind)}", "TRANSP:TRANSPARENT"]
        for days in sorted({int(r) for r in reminders}, reverse=True):
            lines += ["BEGIN:VALARM", "ACTION:DISPLAY", f"DESCRIPTION:{_escape(ev.summary)}",
                      f"TRIGGER:-P{days}D" if days else "TRIGGER:PT0S", "END:VALARM"]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(_fold(line) + "\r\n" for line in lines)


def render_ics(reports: Iterable[Report], *, reminders: Sequence[int] = (30, 7, 1), name: str = "Contract deadlines",
               stamp: dt.datetime | None = None) -> str:
    """One VCALENDAR with an event per dated deadline of every report; ``reminders`` are days before (0: on
    the day). ``stamp`` (UTC) is the DTSTAMP, for reproducible files; default now."""
    events = [ev for report in reports for ev in events_of(report)]
    return calendar_from_events(events, reminders=reminders, name=name, stamp=stamp)
