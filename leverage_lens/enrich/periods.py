"""Dates and durations as contracts write them, read into values a program can compute with.

Contracts write dates as "January 30, 2000", "the 15th day of May, 2013", "25 September 2018", "10/1/2019" or "12-23-2019",
and leave blanks in drafts ("April __, 2005", "[insert date]"). A blank or a date without a year is still
returned, as a span with no value, so a reviewer sees where the date belongs. Durations come as "thirty (30)
days", "6 months", "a one-year period", "five-year terms", "year to year": the digits in brackets win over the
words (a mismatch is a drafting finding raised elsewhere, not ours to guess). Values are ISO 8601 (dates
``2019-10-01``, durations ``P30D``, ``P6M``, ``P3Y``) so JSON readers need no parser of ours.

Every pattern is one compiled regular expression run over a short stretch of text: no parser, no model.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from .numbers import words_to_number

__all__ = ["DateMatch", "Duration", "add_duration", "date_is_blank", "find_dates",
           "find_durations", "parse_date", "parse_duration"]

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
# Month names as contracts write them (Title or UPPER case): a case-sensitive pattern, led by a one-character
# lookahead, scans several times faster than an IGNORECASE one.
_MON = "|".join(sorted({f for m in _MONTHS for f in (m.title(), m.upper())}, key=len, reverse=True))
_DAY_OF = r"(?:day|DAY|Day)\s+(?:of|OF)"
# a day may be a blank in a draft: "__", "[ ]", "[*]", "[•]"
_DAY = r"(?:\d{1,2}|_{1,12}|\[[\s*\u2022_]{0,5}\])"
_ORD = r"(?:\s?(?:st|nd|rd|th|t\s?h|s\s?t|n\s?d|r\s?d|ST|ND|RD|TH))?"
_YEAR = r"(?:(?:19|20)\d\d|(?:19|20)?_{1,6}|\[[\s*\u2022_]{0,5}\])"
# The first look-ahead repeats, as one character class, what the later one admits (a digit, a capital, "_",
# "[", "(" or the "d" of "day"): the engine then rejects most positions before trying the look-behinds, twice
# as fast over the 403 CUAD texts for the same matches.
_DATE = re.compile(
    rf"(?=[\dA-Z_\[(d])(?:(?<![\w/])|(?<=[a-z])(?=\d)|(?<=_)(?=[A-Z][a-z]))(?=[\dA-Z_\[]|\(\d|day\b)(?:"
    rf"(?P<m1>{_MON})\.?\s+(?P<d1>{_DAY}){_ORD}\s*(?:,\s*|\s+)(?P<y1>{_YEAR})|"
    rf"\(?(?P<d2>{_DAY}){_ORD}\)?\s+{_DAY_OF}\s+(?P<m2>{_MON})\.?(?:\s*,?\s+(?P<y2>{_YEAR}))?|"
    rf"(?P<d4>\d{{1,2}}){_ORD}\s+(?P<m4>{_MON})\.?\s*,?\s+(?P<y4>(?:19|20)\d\d)|"
    rf"(?P<d6>\d{{1,2}})(?:st|nd|rd|th)\s+of\s+(?P<m6>{_MON})\.?\s*,?\s+(?P<y6>(?:19|20)\d\d)|"  # "the 1st of March, 2003"
    rf"(?P<m3>{_MON})\.?\s*,?\s+(?P<y3>(?:19|20)\d\d)|"
    r"(?P<nm>[01]?\d)/(?P<nd>[0-3]?\d)/(?P<ny>(?:19|20)?\d\d)|"
    r"(?P<dm>[01]?\d)-(?P<dd>[0-3]?\d)-(?P<dy>(?:19|20)\d\d)|"  # "12-23-2019": a four-digit year only
    # drafts: "this ___ day of ________, 2004", "this day of , 20", "____________, 1996", "[___], 2020"
    rf"(?P<bd>(?:(?:\d{{1,2}}{_ORD}|_{{1,12}}|\[[\s*\u2022_]{{0,5}}\])\s*)?{_DAY_OF}\s*(?:{_MON}|_{{2,20}}|"
    r"\[[\s*\u2022_]{0,5}\])?\s*,?\s*(?:19|20)[\d_]{0,6})|"
    r"(?P<bm>(?:_{3,}[\s_]*|\[[\s*\u2022\u00b7_]{0,8}\]\s*),?\s*(?:19|20)[\d_]{2})|"
    r"(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r")(?![\w/])",
)


@dataclass(frozen=True)
class DateMatch:
    """A date found in text: its offsets and, when it names a real day, its value."""

    start: int
    end: int
    value: dt.date | None


def _int_or_none(s: str | None) -> int | None:
    return int(s) if s and s.isdigit() else None


def _from_match(m: re.Match[str]) -> dt.date | None:
    g = m.group
    if g("bd") or g("bm"):
        return None
    if g("iy"):
        y, mo, d = int(g("iy")), int(g("im")), int(g("id"))
    elif g("dy"):
        y, mo, d = int(g("dy")), int(g("dm")), int(g("dd"))
    elif g("ny"):
        y, mo, d = int(g("ny")), int(g("nm")), int(g("nd"))
        y += 0 if y >= 100 else (2000 if y < 50 else 1900)
    else:
        mon = g("m1") or g("m2") or g("m3") or g("m4") or g("m6")
        mo = _MONTHS[mon.lower()]
        y_ = _int_or_none(g("y1") or g("y2") or g("y3") or g("y4") or g("y6"))
        d_ = _int_or_none(g("d1") or g("d2") or g("d4") or g("d6")) if not g("m3") else 1
        if y_ is None or d_ is None or g("m3"):  # a blank, no year, or only a month: where, not when
            return None
        y, d = y_, d_
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateMatch]:
    """Every date in ``text[start:end]`` (offsets index ``text``), with a value when it names a real day."""
    stop = len(text) if end is None else end
    return [DateMatch(m.start(), m.end(), _from_match(m)) for m in _DATE.finditer(text, start, stop)]


_GAP = re.compile(r"(?:\bof|[A-Za-z])\s+,\s*(?:19|20)\d\d")


def date_is_blank(text: str, d: DateMatch) -> bool:
    """Whether a date found in ``text`` is a placeholder a draft leaves to fill in ("April __, 2005",
    "[___], 2020", "this ___ day of ________"), as opposed to a real day or a date given without its year."""
    said = text[d.start:d.end]
    # a blank the text extraction dropped: "this day of , 2012", "June , 2010"
    return d.value is None and (any(ch in said for ch in "_[") or bool(_GAP.search(said)))


def parse_date(text: str) -> dt.date | None:
    """The first real day ``text`` names, or None ("10/1/2019", "the 1st day of October, 2019")."""
    for m in _DATE.finditer(text):
        value = _from_match(m)
        if value is not None:
            return value
    return None


@dataclass(frozen=True)
class Duration:
    """A length of time: ``amount`` of ``unit`` ("D", "W", "M" or "Y"); ``business`` for business days."""

    start: int
    end: int
    amount: int
    unit: str
    business: bool = False

    @property
    def iso(self) -> str:
        """ISO 8601 duration ("P30D"); business days are written as days, the flag says which."""
        return f"P{self.amount}{self.unit}"

    @property
    def approx_days(self) -> int:
        return self.amount * {"D": 1, "W": 7, "M": 30, "Y": 365}[self.unit]


_UNIT = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_WORDNUM = (r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
            r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|"
            r"a|an)")
_DURATION = re.compile(
    rf"(?<![\w$.,])(?:(?P<words>{_WORDNUM}(?:(?:[\s-]+|\s+and\s+){_WORDNUM}){{0,3}})\s*(?:\((?P<paren>\d{{1,4}})\)|\(\s*[Il]\s*\))?"
    r"|(?P<digits>\d{1,4}))"
    r"[\s-]*(?:\(\s*\d{1,4}\s*\)[\s-]*)?(?:(?:additional|successive|consecutive|further|full|contract)\s+)?(?P<qual>business|calendar|working|banking)?\s*(?P<unit>day|week|month|year)s?\b"
    r"|\b(?P<each>annual|yearly|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month|monthly|quarterly)\b",
    re.IGNORECASE,
)


def find_durations(text: str, start: int = 0, end: int | None = None) -> list[Duration]:
    """Every duration in ``text[start:end]`` ("thirty (30) days", "5-year", "year to year"), in order."""
    stop = len(text) if end is None else end
    out = []
    for m in _DURATION.finditer(text, start, stop):
        if m.group("each"):
            word = m.group("each").lower()
            unit, every = ("M", 3) if word == "quarterly" else (("M", 1) if word.startswith("month") else ("Y", 1))
            out.append(Duration(m.start(), m.end(), every, unit))
            continue
        amount: int | None
        if m.group("paren"):
            amount = int(m.group("paren"))
        elif m.group("digits"):
            amount = int(m.group("digits"))
        else:
            words = m.group("words").lower()
            amount = 1 if words in ("a", "an") else words_to_number(re.sub(r"^an?\s+", "", words))
        if not amount:
            continue
        qual = (m.group("qual") or "").lower()
        out.append(Duration(m.start(), m.end(), amount, _UNIT[m.group("unit").lower()],
                            business=qual in ("business", "working", "banking")))
    return out


def parse_duration(text: str) -> Duration | None:
    """The first duration in ``text``, or None."""
    found = find_durations(text)
    return found[0] if found else None


def add_duration(day: dt.date, duration: Duration, sign: int = 1) -> dt.date:
    """``day`` moved by ``duration`` (backwards when ``sign`` is -1); months keep the day, clamped to the month's
    end (January 31 + 1 month is February 28 or 29). Business days are counted as weekdays, without holidays."""
    n = duration.amount * sign
    if duration.unit in ("M", "Y"):
        months = n * (12 if duration.unit == "Y" else 1)
        index = day.year * 12 + day.month - 1 + months
        year, month = divmod(index, 12)
        month += 1
        return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
    if duration.business:
        step = 1 if n > 0 else -1
        left, current = abs(n), day
        while left:
            current += dt.timedelta(days=step)
            if current.weekday() < 5:
                left -= 1
        return current
    return day + dt.timedelta(days=n * (7 if duration.unit == "W" else 1))
