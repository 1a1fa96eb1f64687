"""English number words read into values: "one hundred and twenty-five thousand" -> 125000.

A shared reading of the text (DESIGN.md: enrich holds every reading done once): the drafting checks compare
words with digits, and the date and duration readers turn "ninety (90) days" into a period.
"""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORDS", "words_to_number"]

_UNITS = {w: i for i, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])}
_TENS = {w: 10 * (i + 2) for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])}
_TENS["fourty"] = 40
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
           "trillion": 1_000_000_000_000}
_WORD = "|".join(sorted([*_UNITS, *_TENS, *_SCALES], key=len, reverse=True))
#: English number words as one regular-expression group ("one hundred and twenty-five").
NUMBER_WORDS = rf"(?:{_WORD})(?:(?:\s*-\s*|\s+and\s+|\s+|,\s*)(?:{_WORD}))*"


def words_to_number(words: str) -> int | None:
    """The value of English number words ("one hundred and twenty-five thousand" -> 125000), or None."""
    total = current = 0
    seen = False
    for w in re.split(r"[\s,\-]+", words.lower()):
        if not w or w == "and":
            continue
        seen = True
        if w in _UNITS:
            current += _UNITS[w]
        elif w in _TENS:
            current += _TENS[w]
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALES:
            total += (current or 1) * _SCALES[w]
            current = 0
        else:
            return None
    return total + current if seen else None
