"""Deadline arithmetic (leverage_lens/brief/deadlines.py and enrich/periods.add_duration): leap years, month
ends, business days, renewals rolled forward to ``as_of``, notice windows, dated obligations."""

from __future__ import annotations

import datetime as dt

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.brief import roll_forward
from leverage_lens.enrich.periods import Duration, add_duration


def _d(n: int, unit: str, business: bool = False) -> Duration:
    return Duration(0, 0, n, unit, business)


@pytest.mark.parametrize(("start", "dur", "sign", "expected"), [
    (dt.date(2020, 2, 29), _d(1, "Y"), 1, dt.date(2021, 2, 28)),   # leap day + 1 year: clamped
    (dt.date(2020, 2, 29), _d(4, "Y"), 1, dt.date(2024, 2, 29)),   # to the next leap day
    (dt.date(2024, 3, 30), _d(30, "D"), -1, dt.date(2024, 2, 29)),  # back across a leap February
    (dt.date(2023, 3, 30), _d(30, "D"), -1, dt.date(2023, 2, 28)),
    (dt.date(2021, 1, 31), _d(1, "M"), 1, dt.date(2021, 2, 28)),   # month end clamped
    (dt.date(2024, 1, 31), _d(1, "M"), 1, dt.date(2024, 2, 29)),
    (dt.date(2024, 3, 31), _d(1, "M"), -1, dt.date(2024, 2, 29)),
    (dt.date(2024, 5, 31), _d(3, "M"), -1, dt.date(2024, 2, 29)),
    (dt.date(2024, 1, 5), _d(10, "D", True), 1, dt.date(2024, 1, 19)),  # Friday + 10 business days
    (dt.date(2024, 1, 8), _d(1, "D", True), -1, dt.date(2024, 1, 5)),   # Monday - 1 business day = Friday
    (dt.date(2024, 3, 1), _d(5, "D", True), -1, dt.date(2024, 2, 23)),
])
def test_add_duration_counts_leap_years_month_ends_and_business_days(start: dt.date, dur: Duration, sign: int,
                                                                      expected: dt.date) -> None:
    assert add_duration(start, dur, sign) == expected


def _contract(term: str, renewal: str = "", extra: str = "") -> str:
    return (f'SERVICES AGREEMENT\n\nThis Services Agreement is made and entered into as of {term[0]} (the "Effective '
            'Date") by and between Acme Corp., a Delaware corporation ("Provider"), and Beta LLC, a Texas limited '
            'liability company ("Customer").\n\n1. TERM\n\n1.1 Initial Term. This Agreement commences on the '
            f'Effective Date and continues for an initial term of {term[1]}.\n\n'
            + (f"1.2 Renewal. {renewal}\n\n" if renewal else "") + extra +
            "9. GOVERNING LAW\n\n9.1 This Agreement is governed by the laws of the State of New York.\n")


def _deadline(report, kind):  # type: ignore[no-untyped-def]
    return next(d for d in report.deadlines if d.kind == kind)


def test_renewal_notice_rolls_forward_to_the_next_cycle_it_can_still_be_given_in() -> None:
    text = _contract(("February 29, 2020", "one (1) year"),
                     "This Agreement renews automatically for successive one (1) year periods unless either party "
                     "gives written notice of non-renewal at least thirty (30) days before the end of the "
                     "then-current term.")
    report = analyze(parse_text(text, name="leap.txt"), as_of="2023-02-01")
    term = report.summary.brief.term
    assert term is not None and term.starts == "2020-02-29" and term.ends == "2021-02-28"
    renew = _deadline(report, "renewal")
    assert renew.date == "2023-02-28" and renew.recurs == "P1Y"  # 2020-02-29 + 3 years, clamped
    notice = _deadline(report, "renewal_notice")
    # cycles count from the first term end (2021-02-28), so later ends stay on the 28th; the notice day for the
    # term ending 2023-02-28 is 2023-01-29, before as_of: the next one counts
    assert notice.date == "2024-01-29" and notice.party == "either"
    assert "2024-02-28 - 30 days = 2024-01-29" in notice.arithmetic
    assert "is before 2023-02-01" in notice.arithmetic
    rolled = {d.kind: d for d in roll_forward(report.deadlines, dt.date(2024, 2, 1))}
    assert rolled["renewal"].date == "2024-02-28" and rolled["renewal_notice"].date == "2025-01-29"


def test_a_limited_number_of_renewals_runs_out() -> None:
    text = _contract(("January 31, 2021", "two (2) years"),
                     "This Agreement shall automatically renew for up to two (2) successive one (1) year terms unless "
                     "either party gives notice of non-renewal at least sixty (60) days prior to expiration.")
    report = analyze(parse_text(text, name="count.txt"), as_of="2021-06-01")
    r = report.summary.brief.renewal
    assert r is not None and r.count == 2 and r.term.value == "P1Y"
    assert _deadline(report, "renewal").date == "2023-01-31"
    after = roll_forward(report.deadlines, dt.date(2026, 1, 1))
    assert not [d for d in after if d.kind in ("renewal", "renewal_notice")]  # 2023 + 2 renewals ends 2025-01-31
    late = analyze(parse_text(text, name="count.txt"), as_of="2026-01-01")
    end = _deadline(late, "expiration")
    assert end.date == "2025-01-31" and "no renewals left" in end.action


def test_a_notice_window_has_both_ends_and_business_days_skip_weekends() -> None:
    text = _contract(("March 1, 2021", "three (3) years"),
                     "This Agreement renews automatically for a further period of one (1) year unless Customer gives "
                     "Provider written notice of non-renewal no fewer than ninety (90) and no more than one hundred "
                     "twenty (120) days before the end of the then-current Term.")
    notice = _deadline(analyze(parse_text(text, name="w.txt"), as_of="2023-01-01"), "renewal_notice")
    # 2024-03-01 - 120 days / - 90 days, across February 2024's 29 days
    assert (notice.window_opens, notice.date) == ("2023-11-02", "2023-12-02")
    assert notice.party is not None and notice.party != "either"
    text = _contract(("March 1, 2021", "one (1) year"),
                     "This Agreement renews automatically for successive one (1) year periods unless either party "
                     "gives notice of non-renewal at least ten (10) business days before the end of the term.")
    notice = _deadline(analyze(parse_text(text, name="b.txt"), as_of="2021-06-01"), "renewal_notice")
    assert notice.business_days and notice.date == "2022-02-15"  # 2022-03-01 (Tue) - 10 weekdays


def test_dated_obligations_and_periods_name_who_must_act() -> None:
    extra = ("2. DELIVERY\n\n2.1 Provider shall deliver the Software on or before March 31, 2021.\n\n"
             "2.2 Customer shall pay each invoice within thirty (30) days after receipt of the invoice.\n\n"
             "2.3 Provider shall deliver the first report within sixty (60) days after the Effective Date.\n\n")
    report = analyze(parse_text(_contract(("January 15, 2021", "two (2) years"), extra=extra), name="o.txt"),
                     as_of="2021-01-20")
    names = {p.id: p.name for p in report.parties}
    dated = [d for d in report.deadlines if d.kind == "obligation"]
    assert [(d.date, names.get(d.party or "")) for d in dated] == [("2021-03-16", "Acme Corp."),
                                                                    ("2021-03-31", "Acme Corp.")]
    assert "2021-01-15 + 60 days = 2021-03-16" in dated[0].arithmetic
    pay = _deadline(report, "payment")
    assert pay.date is None and pay.period == "P30D" and names.get(pay.party or "") == "Beta LLC"
    assert pay.relative_to and pay.relative_to.startswith("receipt")
    dates = [d.date for d in report.deadlines]
    assert dates == sorted(dates, key=lambda x: (x is None, x or ""))  # soonest first, periods last


def test_as_of_defaults_to_today_and_a_bad_one_is_an_option_error() -> None:
    from leverage_lens.errors import InvalidOptionError

    text = _contract(("January 15, 2021", "two (2) years"))
    report = analyze(parse_text(text, name="t.txt"))
    assert all(d.as_of in (None, dt.date.today().isoformat()) for d in report.deadlines)
    with pytest.raises(InvalidOptionError):
        analyze(parse_text(text, name="t.txt"), as_of="next tuesday")


def test_an_option_window_said_with_nor_has_both_ends() -> None:
    text = _contract(("March 1, 2024", "ten (10) years"),
                     "Customer shall have the option to renew the term of this Agreement for four (4) additional ten "
                     "(10) year terms, upon written notice given by Customer to Provider not less than six (6) months "
                     "nor more than twelve (12) months prior to the scheduled expiration date of the term then in "
                     "effect.")
    option = _deadline(analyze(parse_text(text, name="o.txt"), as_of="2024-03-10"), "option_exercise")
    # 2034-03-01 - 12 months / - 6 months
    assert (option.window_opens, option.date) == ("2033-03-01", "2033-09-01")
    assert option.period == "P6M"
