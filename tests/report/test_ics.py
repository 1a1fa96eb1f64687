"""Deadlines as iCalendar (leverage_lens/report/ics.py), read back by a strict RFC 5545 reader written here:
CRLF line ends, folded lines of at most 75 octets, balanced components, the properties each needs, escaped
text, one VALARM per reminder."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leverage_lens import Report, analyze, parse_text
from tests.fixtures.ics_reader import read_ics

CONTRACT = ('SUPPLY AGREEMENT\n\nThis Supply Agreement is made and entered into as of March 1, 2021 (the "Effective '
            'Date") by and between Acme Corp., a Delaware corporation ("Supplier"), and Beta LLC, a Texas limited '
            'liability company ("Buyer").\n\n1. TERM AND RENEWAL\n\n1.1 Initial Term. This Agreement commences on '
            'the Effective Date and continues for an initial term of two (2) years.\n\n1.2 Renewal. This Agreement '
            'renews automatically for successive one (1) year periods unless either party gives written notice of '
            'non-renewal at least sixty (60) days before the end of the then-current term; notices, to be valid, '
            'must say so; and nothing else.\n\n2. DELIVERY\n\n2.1 Supplier shall deliver the first batch on or '
            'before June 30, 2021.\n')


def _props(comp: dict) -> dict[str, str]:  # type: ignore[type-arg]
    return {name: value for name, _params, value in comp["props"]}


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(parse_text(CONTRACT, name="supply.txt"), as_of="2021-04-01")


def test_calendar_parses_back_strictly_with_an_event_per_dated_deadline(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "deadlines.ics"
    report.to_ics(out, stamp=dt.datetime(2021, 4, 1, 12, tzinfo=dt.timezone.utc))
    (cal,) = read_ics(out.read_bytes())
    assert cal["name"] == "VCALENDAR"
    props = _props(cal)
    assert props["VERSION"] == "2.0" and props["PRODID"]
    events = [c for c in cal["children"] if c["name"] == "VEVENT"]
    dated = [d for d in report.deadlines if d.date]
    assert len(events) == len(dated) >= 3
    starts = []
    for ev in events:
        p = _props(ev)
        for required in ("UID", "DTSTAMP", "DTSTART", "DTEND", "SUMMARY", "DESCRIPTION"):
            assert required in p, required
        assert p["DTSTAMP"] == "20210401T120000Z"
        start = next(params for name, params, _v in ev["props"] if name == "DTSTART")
        assert start == ";VALUE=DATE"
        day = dt.datetime.strptime(p["DTSTART"], "%Y%m%d").date()
        assert dt.datetime.strptime(p["DTEND"], "%Y%m%d").date() == day + dt.timedelta(days=1)
        starts.append(day.isoformat())
        alarms = [c for c in ev["children"] if c["name"] == "VALARM"]
        assert [_props(a)["TRIGGER"] for a in alarms] == ["-P30D", "-P7D", "-P1D"]
        assert all(_props(a)["ACTION"] == "DISPLAY" and _props(a)["DESCRIPTION"] for a in alarms)
    assert sorted(starts) == sorted(d.date for d in dated)
    notice = next(ev for ev in events if "non-renewal" in _props(ev)["SUMMARY"])
    assert _props(notice)["DTSTART"] == "20221231"  # 2023-03-01 - 60 days
    assert "\\;" in _props(notice)["DESCRIPTION"]  # the clause's semicolons are escaped


def test_uids_are_stable_so_a_newer_calendar_updates_events(report: Report) -> None:
    a = report.to_ics(None, stamp=dt.datetime(2021, 4, 1, tzinfo=dt.timezone.utc))
    b = report.to_ics(None, stamp=dt.datetime(2022, 4, 1, tzinfo=dt.timezone.utc))
    uids = [line for line in a.split("\r\n") if line.startswith("UID:")]
    assert uids and uids == [line for line in b.split("\r\n") if line.startswith("UID:")]
    assert len(set(uids)) == len(uids)


def test_long_and_non_ascii_text_folds_without_splitting_a_character() -> None:
    from leverage_lens.report.ics import CalendarEvent, calendar_from_events

    ev = CalendarEvent("x@leverage-lens", dt.date(2024, 2, 29), "Échéance — préavis" * 10, "é€" * 200, "obligation")
    (cal,) = read_ics(calendar_from_events([ev], reminders=(0,)).encode("utf-8"))
    (vevent,) = cal["children"]
    assert _props(vevent)["DESCRIPTION"] == "é€" * 200
    assert _props(vevent["children"][0])["TRIGGER"] == "PT0S"
