"""Numbers and amounts: words and digits that disagree, and dollar signs that do not say which dollar.

"thirty (60) days" and "Five Thousand Dollars ($50,000)" are classic drafting slips: a court must choose which
of the two the parties meant. The words are parsed to a value (up to the trillions, with "and", hyphens and
cents) and compared with the digits in the bracket that follows.
"""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...enrich.numbers import NUMBER_WORDS as _NUMBER_WORDS
from ...enrich.numbers import words_to_number
from ...model import Finding, Span
from ..registry import Rule, rule
from ._common import NUMBERS, finding

# words [optional unit words] ( [currency] digits [%] [unit] )
_PAIR = re.compile(
    rf"(?<![\w-])(?P<words>{_NUMBER_WORDS})(?P<unit>\s+(?:U\.?S\.?\s+)?(?:dollars?|euros?|pounds?|percent|per\s+cent)"
    rf"(?:\s+and\s+(?P<cents>{_NUMBER_WORDS})\s+cents?)?)?\s*"
    r"\(\s*(?P<cur>US\$|U\.S\.\s?\$|\$|€|£|USD\s?|EUR\s?|GBP\s?)?\s*(?P<digits>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s*(?P<pct>%)?\s*(?:percent|per\s+cent|dollars?)?\s*\)",
    re.IGNORECASE,
)


_OPEN_DIGITS = re.compile(r"\(\s*(?:US\$|U\.S\.\s?\$|\$|\u20ac|\u00a3|USD\s?|EUR\s?|GBP\s?)?\s*(?P<d>\d)")


@rule(
    "ambiguity.number_words_digits_mismatch",
    kind="ambiguity",
    description="A number written in words and in digits gives two different values (\u201cthirty (60) "
    "days\u201d, \u201cFive Thousand Dollars ($50,000)\u201d).",
    severity="high", category=NUMBERS,
    suggestion="make the words and the digits state the same value",
    fires_on=("1. Payment. Customer shall pay within thirty (60) days of the invoice date.",
              "1. Fee. The fee is Five Thousand Dollars ($50,000), payable on signature.",
              "1. Interest. Late amounts bear interest at ten percent (15%) per year."),
    quiet_on=("1. Payment. Customer shall pay within thirty (30) days of the invoice date.",
              "1. Fee. The fee is One Hundred Twenty-Five Thousand Dollars ($125,000.00), payable on signature.",
              "1. Deposit. The deposit is Two Thousand Five Hundred and 50/100 Dollars ($2,500.50)."),
)
def number_mismatch(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    text = ctx.text
    seen = -1
    # Digits in brackets are rare and start with a literal "(": find them first, then read the words before.
    for p in _OPEN_DIGITS.finditer(text):
        a = max(p.start() - 160, seen)
        m = next((x for x in _PAIR.finditer(text, a, min(len(text), p.end() + 40))
                  if x.start("digits") == p.start("d")), None)
        if m is None:
            continue
        seen = m.end()
        value = words_to_number(m.group("words"))
        if value is None:
            continue
        before = text[max(0, m.start() - 14): m.start()].lower()
        if re.search(r"(?:point|half|quarter|and|-)\s*$|half\s+of\s*$", before) or re.match(
                r"\s*(?:point|and\s+(?:one|a)[\s-]+(?:half|quarter)|half)", text[m.end("words"): m.end("words") + 20],
                re.IGNORECASE):
            continue  # "Four and One-Half Million", "ninety-seven point five", "one half of one percent"
        digits_s = m.group("digits").replace(",", "")
        if not m.group("cur") and not m.group("pct") and re.fullmatch(r"(?:19|20)\d\d", digits_s) and value < 100:
            continue  # "Year One (1998)": a year, not the same number
        digits = float(m.group("digits").replace(",", ""))
        if m.group("cents"):
            value_f = value + (words_to_number(m.group("cents")) or 0) / 100
        else:
            value_f = float(value)
        if value_f == digits or int(digits) == value:  # "... Dollars ($2,500.50)" with cents only in digits
            continue
        out.append(finding(ctx, r, m.start(), m.end(),
                           f"The words say {value_f:,.2f}".rstrip("0").rstrip(".") + f" but the digits say "
                           f"{m.group('digits')}.", evidence=[Span(start=m.start("words"), end=m.end("words"),
                                                                   label="words"),
                                                              Span(start=m.start("digits"), end=m.end("digits"),
                                                                   label="digits")]))
    return out


_COUNTRY = re.compile(
    r"\b(?:laws?\s+of\s+(?:the\s+)?|organi[sz]ed\s+(?:and\s+existing\s+)?under\s+the\s+laws\s+of\s+(?:the\s+)?|"
    r"incorporated\s+(?:under\s+the\s+laws\s+of|in)\s+(?:the\s+)?|an?\s+)"
    r"(?P<c>United\s+States|State\s+of\s+\w+|Delaware|Nevada|California|New\s+York|Texas|Florida|Massachusetts|"
    r"Washington|Canada|Ontario|British\s+Columbia|Quebec|England|United\s+Kingdom|Scotland|Ireland|Singapore|"
    r"Hong\s+Kong|China|People's\s+Republic\s+of\s+China|PRC|Japan|Korea|India|Israel|Germany|France|"
    r"Netherlands|Switzerland|Australia|New\s+Zealand|Cayman\s+Islands|British\s+Virgin\s+Islands|Bermuda|"
    r"Taiwan|Mexico|Brazil|Sweden|Denmark|Norway|Finland|Italy|Spain|Belgium|Luxembourg|Austria)\b",
)
_COUNTRY_OF = {"Ontario": "CA", "British Columbia": "CA", "Quebec": "CA", "Canada": "CA", "England": "GB",
               "United Kingdom": "GB", "Scotland": "GB", "PRC": "CN", "People's Republic of China": "CN",
               "China": "CN", "Hong Kong": "HK", "Singapore": "SG", "Japan": "JP", "Korea": "KR", "India": "IN",
               "Israel": "IL", "Germany": "DE", "France": "FR", "Netherlands": "NL", "Switzerland": "CH",
               "Australia": "AU", "New Zealand": "NZ", "Cayman Islands": "KY", "British Virgin Islands": "VG",
               "Bermuda": "BM", "Taiwan": "TW", "Mexico": "MX", "Brazil": "BR", "Sweden": "SE", "Denmark": "DK",
               "Norway": "NO", "Finland": "FI", "Italy": "IT", "Spain": "ES", "Belgium": "BE", "Luxembourg": "LU",
               "Austria": "AT", "Ireland": "IE"}
_DOLLAR_COUNTRIES = {"US", "CA", "SG", "HK", "AU", "NZ", "TW", "KY", "VG", "BM", "MX"}
_BARE_DOLLAR = re.compile(r"(?<![A-Za-z.])\$\s?\d")
_NAMED_CURRENCY = re.compile(
    r"\b(?:US\s?\$|U\.S\.\s?\$|USD|CAD|C\$|SGD|HKD|AUD|NZD|(?:United\s+States|U\.\s?S\.|US|American|Canadian|"
    r"Singapore|Hong\s+Kong|Australian)\s+[Dd]ollars?|currency\s+of\s+the\s+United\s+States|lawful\s+money\s+of)",
)


# A US address: "San Diego, CA 92121", "New York, New York 10017", "U.S.A.".
_US_ADDRESS = re.compile(r"\b(?:[A-Z]{2}|New\s+York|California|Texas|Illinois|Massachusetts|Florida|Delaware|"
                         r"Nevada|Washington|Georgia|Colorado|Minnesota|Ohio|Pennsylvania|New\s+Jersey|Virginia|"
                         r"Michigan|Arizona|Utah|Oregon|Connecticut|Maryland|North\s+Carolina|Tennessee|Missouri|"
                         r"Wisconsin|Indiana)[,.]?\s+\d{5}(?:-\d{4})?\b|\bU\.S\.A\.?|\bUSA\b")


def _countries(text: str) -> set[str]:
    out = set()
    if _US_ADDRESS.search(text, 0, min(len(text), 6000)):
        out.add("US")
    for m in _COUNTRY.finditer(text, 0, min(len(text), 6000)):
        c = " ".join(m.group("c").split())
        out.add(_COUNTRY_OF.get(c, "US"))
    return out


@rule(
    "ambiguity.currency_unspecified",
    kind="ambiguity",
    description="Amounts use a bare \u201c$\u201d although the parties are in different countries, at least "
    "one of which uses a dollar: which dollar is meant?",
    severity="medium", category=NUMBERS,
    suggestion="name the currency once (\u201cUnited States dollars (US$)\u201d) or write US$ / CAD",
    fires_on=("This Agreement is between Acme Inc., a Delaware corporation, and Maple Ltd., a corporation "
              "organized under the laws of Canada. 1. Fee. Maple Ltd. shall pay $5,000 per month.",),
    quiet_on=("This Agreement is between Acme Inc., a Delaware corporation, and Maple Ltd., a corporation "
              "organized under the laws of Canada. 1. Fee. Maple Ltd. shall pay US$5,000 per month.",
              "This Agreement is between Acme Inc., a Delaware corporation, and Beta LLC, a Nevada limited "
              "liability company. 1. Fee. Beta LLC shall pay $5,000 per month."),
)
def currency_unspecified(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    m = _BARE_DOLLAR.search(text)
    if m is None or _NAMED_CURRENCY.search(text):
        return []
    countries = _countries(text)
    if len(countries) < 2 or not countries & _DOLLAR_COUNTRIES:
        return []
    n = sum(1 for _ in _BARE_DOLLAR.finditer(text))
    return [finding(ctx, r, m.start(), m.end() - 1 + len(re.match(r"[\d,.]+", text[m.end() - 1:])[0]),
                    f"\u201c$\u201d is used {n} time(s) but the parties are in {', '.join(sorted(countries))} and "
                    "the contract never names the currency.")]


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (number_mismatch, currency_unspecified)
