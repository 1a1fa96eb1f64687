"""Reading the quantities positions compare: periods ("90 days", ``P90D``), sums ("$1,000,000") and liability
caps measured in fees ("the fees paid in the twelve (12) months before the claim").

A playbook says ``at_least: "12 months of fees"``; the contract says "the amounts paid by Customer in the six
(6) months preceding the event". Both sides are read into a :class:`Measure` and compared on the axis they
share. Nothing here evaluates a user's string: thresholds are read by the same fixed patterns as contracts,
and a threshold that reads as nothing is refused when the playbook is loaded.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..enrich.numbers import NUMBER_WORDS, words_to_number
from ..enrich.periods import find_durations

__all__ = ["Measure", "cap_measure", "compare", "parse_threshold", "period_days"]

_ISO = re.compile(r"^P(\d+(?:\.\d+)?)([DWMY])$")
_DAYS = {"D": 1.0, "W": 7.0, "M": 30.4, "Y": 365.0}
_SCALE = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "k": 1e3, "m": 1e6, "mm": 1e6, "bn": 1e9}
_MONEY = re.compile(
    r"(?:(?:US)?\$|USD\s*|EUR\s*|€|£|GBP\s*)\s*(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion|mm|bn|k|m)?\b"
    r"|(\d[\d,]*(?:\.\d+)?)\s*(thousand|million|billion)?\s*(?:US\s*)?(?:dollars|USD|euros?|EUR|pounds|GBP)\b",
    re.IGNORECASE,
)
#: "fees", "amounts", "charges", "sums", "consideration", "compensation" paid or payable: what caps count in.
_FEES = re.compile(r"\b(?:fees?|amounts?|charges?|sums?|consideration|compensation|royalt(?:y|ies)|payments?|"
                   r"price|purchase price)\b", re.IGNORECASE)
_MULTIPLE = re.compile(rf"\b(?:(\d+(?:\.\d+)?)|({NUMBER_WORDS}))\s*(?:\(\d+(?:\.\d+)?\)\s*)?(?:x|times)\b",
                       re.IGNORECASE)
_TWICE = re.compile(r"\b(twice|double)\b", re.IGNORECASE)
_LESSER = re.compile(r"\b(?:lesser|lower|smaller)\s+of\b", re.IGNORECASE)
_GREATER = re.compile(r"\b(?:greater|higher|larger)\s+of\b", re.IGNORECASE)
#: The whole fees of the agreement, without a look-back period: "the fees paid under this Agreement".
_WHOLE = re.compile(r"\b(?:this|the)\s+(?:agreement|contract)\b|\bhereunder\b|"
                    r"\btotal\s+(?:fees|amounts?|consideration)\b|\baggregate\s+(?:fees|amounts?)\b", re.IGNORECASE)
#: A cap tied to one order or one item, not to the deal: "the price of the Product giving rise to the claim".
_PER_ITEM = re.compile(r"\b(?:price|purchase\s+price|amount)\s+(?:paid\s+)?(?:for|of)\s+(?:the\s+|such\s+|any\s+)?"
                       r"(?:product|products|goods|unit|units|item|shipment|order|purchase\s+order|deliverable)s?\b"
                       r"|\b(?:giving\s+rise\s+to|subject\s+of)\s+(?:the|such)\s+claim\b.*\b(?:product|order|goods)\b",
                       re.IGNORECASE)


@dataclass(frozen=True)
class Measure:
    """One quantity on the axes a position can compare: days, a sum of money, or months of fees.

    ``whole_fees`` marks a cap equal to everything paid under the agreement (no look-back period), which a
    reviewer treats as at least a year of fees; ``per_item`` a cap tied to one order or product, which is
    less than any period of fees.
    """

    days: float | None = None
    amount: float | None = None
    months_of_fees: float | None = None
    whole_fees: bool = False
    per_item: bool = False

    @property
    def empty(self) -> bool:
        return (self.days is None and self.amount is None and self.months_of_fees is None and not self.whole_fees
                and not self.per_item)


def period_days(value: str | None) -> float | None:
    """Days in an ISO duration (``P30D``, ``P6M``, ``P1Y``) or a period in words ("thirty (30) days")."""
    if not value:
        return None
    m = _ISO.match(value.strip().upper())
    if m:
        return float(m.group(1)) * _DAYS[m.group(2)]
    found = find_durations(value)
    if found:
        d = found[0]
        return d.amount * _DAYS[d.unit]
    return None


def _amounts(text: str) -> list[float]:
    out = []
    for m in _MONEY.finditer(text):
        digits, scale = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        try:
            value = float(digits.replace(",", ""))
        except ValueError:
            continue
        out.append(value * _SCALE.get((scale or "").lower(), 1.0))
    return out


def _multiple(text: str) -> float:
    if _TWICE.search(text):
        return 2.0
    m = _MULTIPLE.search(text)
    if not m:
        return 1.0
    if m.group(1):
        return float(m.group(1))
    value = words_to_number(m.group(2))
    return float(value) if value else 1.0


@lru_cache(maxsize=512)
def parse_threshold(text: str) -> Measure:
    """A playbook threshold: "90 days", "P1Y", "$1,000,000", "12 months of fees", "2 times the annual fees".
    An empty :class:`Measure` when the text names no quantity (the playbook loader refuses it)."""
    raw = text.strip()
    iso = _ISO.match(raw.upper())
    if iso:
        return Measure(days=period_days(raw))
    if _FEES.search(raw) or re.search(r"\bannual\b", raw, re.IGNORECASE):
        return cap_measure(raw)
    amounts = _amounts(raw)
    if amounts:
        return Measure(amount=amounts[0])
    days = period_days(raw)
    return Measure(days=days) if days is not None else Measure()


def cap_measure(text: str) -> Measure:
    """What a liability cap amounts to: months of fees (a look-back period times a multiple), a sum of money,
    the whole fees of the agreement, or a per-order amount. With "the greater of" the larger alternative
    counts, with "the lesser of" the smaller one; the contract's own words decide, nothing is assumed."""
    amounts = _amounts(text)
    amount = (min(amounts) if _LESSER.search(text) else max(amounts)) if amounts else None
    months: float | None = None
    if _FEES.search(text) or re.search(r"\bannual\b", text, re.IGNORECASE):
        periods = [d for d in find_durations(text) if d.unit in ("M", "Y", "W", "D")]
        if periods:
            p = periods[0]
            months = p.amount * {"D": 1 / 30.4, "W": 7 / 30.4, "M": 1.0, "Y": 12.0}[p.unit] * _multiple(text)
        elif re.search(r"\bannual\b", text, re.IGNORECASE):
            months = 12.0 * _multiple(text)
    per_item = bool(_PER_ITEM.search(text)) and months is None
    whole = months is None and not per_item and bool(_FEES.search(text)) and bool(_WHOLE.search(text))
    return Measure(amount=amount, months_of_fees=months, whole_fees=whole, per_item=per_item)


def compare(value: Measure, threshold: Measure, op: str) -> bool | None:
    """Whether ``value`` is ``op`` (``at_least`` / ``at_most``) ``threshold`` on an axis both have; None when
    they share no axis (a cap in dollars against a threshold in months of fees)."""
    def ok(a: float, b: float) -> bool:
        return a >= b if op == "at_least" else a <= b

    if threshold.days is not None:
        return None if value.days is None else ok(value.days, threshold.days)
    if threshold.months_of_fees is not None:
        if value.months_of_fees is not None:
            return ok(value.months_of_fees, threshold.months_of_fees)
        if value.whole_fees:  # every fee paid under the agreement: at least the last twelve months of them
            return op == "at_least" or threshold.months_of_fees >= 1200
        if value.per_item:
            return op == "at_most"
        return None
    if threshold.amount is not None:
        return None if value.amount is None else ok(value.amount, threshold.amount)
    return None
