"""Reading the quantities positions compare: periods, sums and liability caps in months of fees."""

from __future__ import annotations

import pytest

from leverage_lens.playbook.quantity import Measure, cap_measure, compare, parse_threshold, period_days


@pytest.mark.parametrize(("value", "days"), [("P30D", 30), ("P6M", 182.4), ("P1Y", 365), ("thirty (30) days", 30),
                                              ("two weeks", 14), (None, None), ("soon", None)])
def test_period_days_reads_iso_durations_and_words(value: str | None, days: float | None) -> None:
    assert period_days(value) == (pytest.approx(days) if days is not None else None)


@pytest.mark.parametrize(("text", "months", "whole", "per_item", "amount"), [
    ("the fees paid by Customer in the twelve (12) months before the claim", 12, False, False, None),
    ("THE FEES PAID IN THE THREE (3) MONTHS PRECEDING THE EVENT", 3, False, False, None),
    ("two times the annual fees", 24, False, False, None),
    ("the sum of all amounts received from Client in terms of this Agreement", None, True, False, None),
    ("the price paid for the Product that gave rise to the claim", None, False, True, None),
    ("$1,000,000", None, False, False, 1_000_000),
    ("the greater of $500,000 and the fees paid in the 12 months before", 12, False, False, 500_000),
    ("the lesser of $2 million and $750,000", None, False, False, 750_000),
])
def test_cap_measures(text: str, months: float | None, whole: bool, per_item: bool, amount: float | None) -> None:
    m = cap_measure(text)
    assert (m.months_of_fees, m.whole_fees, m.per_item, m.amount) == (months, whole, per_item, amount)


def test_thresholds_parse_or_read_as_nothing() -> None:
    assert parse_threshold("90 days").days == 90
    assert parse_threshold("12 months of fees").months_of_fees == 12
    assert parse_threshold("$1,000,000").amount == 1_000_000
    assert parse_threshold("P1Y").days == 365
    assert parse_threshold("a reasonable time").empty


def test_comparisons_share_an_axis_or_say_none() -> None:
    year = parse_threshold("12 months of fees")
    assert compare(Measure(months_of_fees=12), year, "at_least") is True
    assert compare(Measure(months_of_fees=6), year, "at_least") is False
    assert compare(Measure(whole_fees=True), year, "at_least") is True
    assert compare(Measure(per_item=True), year, "at_least") is False
    assert compare(Measure(amount=5), year, "at_least") is None
    assert compare(Measure(days=60), parse_threshold("90 days"), "at_most") is True
