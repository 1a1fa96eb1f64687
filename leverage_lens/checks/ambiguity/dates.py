"""Dates and periods: dates that cannot exist, deadlines in unqualified days, periods with no start.

A deadline is a promise about time; "within 30 days" leaves open 30 days *from what*, and "days" leaves open
whether weekends count. Impossible dates ("February 30, 2021") are always a slip.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator

from ...analysis import Analysis
from ...model import Finding
from ..registry import Rule, rule
from ._common import DATES, finding, grouped, lowered

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
# Month names as written in contracts (Title or UPPER case): a case-sensitive pattern scans much faster.
_MON = "|".join(sorted({f for m in _MONTHS for f in (m.title(), m.upper())}, key=len, reverse=True))
_DATE = re.compile(
    rf"\b(?:(?P<m1>{_MON})\.?\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y1>(?:19|20)\d\d)|"
    rf"(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:day\s+of\s+)?(?P<m2>{_MON})\.?,?\s+(?P<y2>(?:19|20)\d\d))\b",
)


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d\b")


def _dates(text: str) -> Iterator[re.Match[str]]:
    """``_DATE`` matches, found from the years they end with: a year is rarer than the positions a whole-text
    scan of the pattern tries, and a date is at most about 30 characters long."""
    last = 0
    for y in _YEAR.finditer(text):
        pos = max(last, y.start() - 40)
        while True:
            m = _DATE.search(text, pos, y.end())
            if m is None:
                break
            if m.end() == y.end():
                yield m
                last = m.end()
                break
            pos = m.start() + 1


@rule(
    "ambiguity.impossible_date",
    kind="ambiguity",
    description="A calendar date that does not exist (February 30, April 31, February 29 of a common year).",
    severity="high", category=DATES,
    suggestion="correct the date",
    fires_on=("1. Term. This Agreement starts on February 30, 2021 and lasts one year.",
              "1. Term. This Agreement starts on the 31st day of April, 2022."),
    quiet_on=("1. Term. This Agreement starts on February 28, 2021 and lasts one year.",
              "1. Term. This Agreement starts on February 29, 2024 and lasts one year."),
)
def impossible_date(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    for m in _dates(ctx.text):
        month = _MONTHS[(m.group("m1") or m.group("m2")).lower().rstrip(".")]
        day = int(m.group("d1") or m.group("d2"))
        year = int(m.group("y1") or m.group("y2"))
        last = calendar.monthrange(year, month)[1]
        # A "day" over 31 is some other number ("Page 42 May 2004"): only 29-31 in a short month is a slip.
        if last < day <= 31 and not ctx.text[max(0, m.start() - 6): m.start()].lower().endswith(("page ", "p. ")):
            out.append(finding(ctx, r, m.start(), m.end(),
                               f"{calendar.month_name[month]} {year} has {last} days; day {day} does not exist."))
    return out


_NUM = r"(?:\d{1,3}|[a-z]+(?:[\s-][a-z]+)?\s*\(\d{1,3}\))"
# "days" is found first (a literal scan), then the words before it are read: "within 30", "no later than ten (10)".
# "days" alone: a qualified "30 business days" never ends in a number right before "days", so the period test
# below leaves it out. The character class first lets the engine skip ahead to each "d"/"D".
_DAYS_WORD = re.compile(r"[Dd](?<![\w-][Dd])ays?\b")
_PERIOD_BEFORE = re.compile(
    rf"\b(?:within|no\s+later\s+than|not\s+later\s+than|at\s+least|not\s+less\s+than|no\s+less\s+than|"
    rf"prior\s+to\s+the\s+expiration\s+of|after|before|upon)\s+(?:the\s+)?(?:first\s+)?(?P<n>{_NUM})\s+$",
    re.IGNORECASE,
)
_DAY_DEFINED = re.compile(r"[\"\u201c](?:Business\s+)?Days?[\"\u201d]\s*(?:shall\s+)?means?|\bdays?\s+shall\s+mean|"
                          r"\ball\s+references\s+to\s+days?\b|\b(?:references?\s+to\s+)?[\"\u201c]?days?[\"\u201d]?"
                          r"\s+(?:shall\s+)?(?:refer|mean)s?\s+(?:to\s+)?calendar\s+days", re.IGNORECASE)


def day_defined(ctx: Analysis) -> bool:
    """Whether the contract says once what a day is (then unqualified days are not ambiguous). Searched only
    around each "day", which every form of the definition contains."""
    text = ctx.text
    low = lowered(ctx) or text.lower()
    i = low.find("day")
    while i != -1:
        if _DAY_DEFINED.search(text, max(0, i - 45), i + 80):
            return True
        i = low.find("day", i + 3)
    return False


#: The longest period, in days, for which business or calendar days is worth settling in a contract that counts
#: other periods in business days ...
SHORT_PERIOD = 15
#: ... and in one that never does, where "days" reads as calendar days (fresh reviews: 14- and 15-day periods
#: there were not worth a reader's time).
VERY_SHORT_PERIOD = 10


@rule(
    "ambiguity.days_unqualified",
    kind="ambiguity",
    description="A short deadline (15 days or less where the contract counts other periods in business days, 10 "
    "days or less where it never does) counted in \u201cdays\u201d without saying business or calendar "
    "days, in a contract that does not define \u201cday\u201d: over a weekend and a holiday, five days can mean a "
    "week or more. One finding per contract, every unqualified deadline kept as evidence; a contract whose periods "
    "are all longer is not reported (the difference is small, and calendar days the usual reading).",
    severity="low", category=DATES,
    suggestion="say \u201cbusiness days\u201d or \u201ccalendar days\u201d, or define \u201cday\u201d once",
    fires_on=("1. Payment. Customer shall pay each invoice within 10 days after receipt.",),
    quiet_on=("1. Payment. Customer shall pay each invoice within 10 business days after receipt.",
              "1. Payment. Customer shall pay each invoice within 30 days after receipt.",
              '1. Definitions. "Day" means a calendar day. 2. Payment. Customer shall pay within 30 days after '
              "receipt."),
)
def days_unqualified(ctx: Analysis, r: Rule) -> list[Finding]:
    if day_defined(ctx):
        return []
    text = ctx.text
    hits, shorts = [], []
    # A contract that counts some periods in business days makes each bare "days" a question; one that never
    # does reads "days" as calendar days, which matters only for the shortest deadlines.
    low = lowered(ctx) or text.lower()
    short = SHORT_PERIOD if any(k in low for k in ("business day", "working day", "banking day")) else VERY_SHORT_PERIOD
    for m in _DAYS_WORD.finditer(text):
        b = _PERIOD_BEFORE.search(text, max(0, m.start() - 70), m.start())
        if b is not None:
            n = re.search(r"\d+", b.group("n"))
            (shorts if n is not None and int(n.group(0)) <= short else hits).append((b.start(), m.end(), "days"))
    if not shorts:
        return []  # 30 or 60 days: weekends and holidays move the end by little, and calendar days is the usual reading
    hits = shorts + hits  # the finding quotes a short deadline, where the kind of day matters; the others follow
    return grouped(ctx, r, hits, per="document", message="Deadlines are counted in days without saying business "
                   "or calendar days ({times}), and the contract does not define \u201cday\u201d.")


_WITHIN = re.compile(
    rf"\bwithin\s+(?:a\s+period\s+of\s+)?(?P<n>{_NUM})\s+(?:(?:business|calendar|working)\s+)?"
    r"(?:days?|weeks?|months?|years?)\b(?P<tail>[^.;:\n]{0,80})",
    re.IGNORECASE,
)
_START = re.compile(
    r"^\s*(?:\(|\)|,)?\s*(?:after|of|from|following|before|prior|preceding|thereafter|thereof|hereof|"
    r"herefrom|therefrom|hereafter|upon|on\s+(?:which|receipt)|immediately|succeeding|subsequent|since|"
    r"commencing|beginning|starting|measured|counted|next|thereafter|then|when|that|which|period|the\s+date)|"
    r"^\s*(?:[,(]\s*)?(?:or|and|but)?\s*(?:such\s+)?(?:longer|shorter|other|additional|extended|further)\s+"
    r"(?:period|time)",
    re.IGNORECASE,
)
_START_ANYWHERE = re.compile(r"\b(?:after|following|from|of\s+(?:the\s+)?(?:receipt|date|delivery|notice|"
                             r"termination|expiration|the\s+end)|upon|receipt|thereafter|thereof)\b",
                             re.IGNORECASE)


@rule(
    "ambiguity.period_without_start",
    kind="ambiguity",
    description="A period (\u201cwithin 30 days\u201d) with no event it runs from anywhere in the sentence. Often "
    "the start is clear from the paragraph, so this is a hint.",
    severity="low", category=DATES,
    suggestion="say what starts the period (\u201cwithin 30 days after receipt of the invoice\u201d)",
    fires_on=("1. Payment. Customer shall pay each invoice within 30 days.",
              "1. Reports. Supplier shall deliver the report within thirty (30) days and keep a copy."),
    quiet_on=("1. Payment. Customer shall pay each invoice within 30 days after receipt.",
              "1. Payment. Customer shall pay each invoice within thirty (30) days of the invoice date.",
              "1. Cure. If Supplier receives notice of a breach, it shall cure the breach within 30 days."),
)
def period_without_start(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    text = ctx.text
    for s in ctx.candidates(_WITHIN, ("within",)):
        for m in _WITHIN.finditer(s.text):
            if _START.match(m.group("tail")):
                continue
            # "If ... notice ..., cure within 30 days": the event is named earlier in the sentence.
            if _START_ANYWHERE.search(s.text, 0, m.start()) or _START_ANYWHERE.search(m.group("tail")):
                continue
            if re.search(r"\b(?:if|when|in\s+the\s+event|upon|after|following|once)\b", s.text[: m.start()],
                         re.IGNORECASE):
                continue
            a = s.start + m.start()
            b = s.start + m.start("tail")
            out.append(finding(ctx, r, a, b, "The period has no starting point: "
                               f"{' '.join(text[a:b].split())} of what?"))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (impossible_date, days_unqualified, period_without_start)
