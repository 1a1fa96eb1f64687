"""Dates and durations as contracts write them, read into ISO values (leverage_lens/brief/periods.py)."""

from __future__ import annotations

import datetime as dt

import pytest

from leverage_lens.brief import add_duration, find_dates, find_durations, parse_date, parse_duration
from leverage_lens.enrich.periods import Duration, date_is_blank


@pytest.mark.parametrize(("text", "expected"), [
    ("January 30, 2000", dt.date(2000, 1, 30)),
    ("the 15th day of May, 2013", dt.date(2013, 5, 15)),
    ("this 24t h day of August 2018", dt.date(2018, 8, 24)),
    ("25 September 2018", dt.date(2018, 9, 25)),
    ("10/1/2019", dt.date(2019, 10, 1)),
    ("9/21/98", dt.date(1998, 9, 21)),
    ("2020-02-29", dt.date(2020, 2, 29)),
])
def test_written_dates_read_as_the_day_they_name(text: str, expected: dt.date) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize("text", ["April __, 2005", "this ___ day of _________, 2004", "[___], 2020",
                                  "1st day of December"])
def test_blank_or_yearless_dates_are_found_without_a_value(text: str) -> None:
    found = find_dates(text)
    assert len(found) == 1
    assert found[0].value is None
    assert text[found[0].start:found[0].end].strip()


def test_a_modal_may_after_a_section_number_is_not_a_date() -> None:
    assert find_dates("Section 1 may be amended by the parties.") == []


@pytest.mark.parametrize(("text", "iso", "business"), [
    ("thirty (30) days", "P30D", False),
    ("thirty (60) days", "P60D", False),  # the digits win; the mismatch is a drafting finding elsewhere
    ("six (6) months", "P6M", False),
    ("a one-year period", "P1Y", False),
    ("successive 5-year terms", "P5Y", False),
    ("ten (10) business days", "P10D", True),
    ("twenty-four (24) months", "P24M", False),
    ("on a year to year basis", "P1Y", False),
    ("two (2) additional years", "P2Y", False),
])
def test_durations_read_as_iso_periods(text: str, iso: str, business: bool) -> None:
    d = parse_duration(text)
    assert d is not None
    assert (d.iso, d.business) == (iso, business)


def test_money_and_percentages_are_not_durations() -> None:
    assert find_durations("a fee of $5,000 per year and fifty percent of revenue") == []
    assert find_durations("interest at 1.5 percent per month on $2,000") == []


def test_adding_months_clamps_to_the_end_of_a_short_month() -> None:
    assert add_duration(dt.date(2021, 1, 31), Duration(0, 0, 1, "M")) == dt.date(2021, 2, 28)
    assert add_duration(dt.date(2020, 2, 29), Duration(0, 0, 1, "Y")) == dt.date(2021, 2, 28)


def test_counting_back_business_days_skips_weekends() -> None:
    monday = dt.date(2024, 6, 10)
    assert add_duration(monday, Duration(0, 0, 1, "D", business=True), -1) == dt.date(2024, 6, 7)  # Friday
    assert add_duration(monday, Duration(0, 0, 5, "D", business=True), -1) == dt.date(2024, 6, 3)


def test_date_filled_into_a_blank_line_is_read() -> None:
    (d,) = find_dates("shall be effective as of _Dec. 8, 2005 (hereinafter")
    assert d.value == dt.date(2005, 12, 8)


@pytest.mark.parametrize("text", ["this day of , 2012 by", "as of June , 2010 between", "made [\u00b7], 2019 by"])
def test_blank_the_text_extraction_dropped_is_still_blank(text: str) -> None:
    (d,) = find_dates(text)
    assert d.value is None and date_is_blank(text, d)


def test_ordinal_in_brackets_names_the_day() -> None:
    assert parse_date("the first (1st) day of January, 1996") == dt.date(1996, 1, 1)
