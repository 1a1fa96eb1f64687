"""Heading matcher: a clause headed "Limitation of Liability" is about liability caps, whatever it says.

Headings are short and conventional, so a fuzzy comparison (rapidfuzz) of each part of a heading ("Term
and Termination" has two) against every category's name and synonyms is precise. Typos and variants
("Indemnity", "Indemnification", "Limitations on Liability") still match; "Term" does not match
"Termination" because whole parts are compared, not substrings.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from ..taxonomy import Taxonomy

__all__ = ["MIN_SCORE", "HeadingMatcher"]

#: rapidfuzz ``ratio`` (0-100) a heading part must reach against a synonym.
MIN_SCORE = 90

_SPLIT = re.compile(r"\s*(?:;|,|&|\band\b|\bor\b|/)\s*", re.IGNORECASE)
_CLEAN = re.compile(r"[^\w\s-]")


class HeadingMatcher:
    """Categories named by a heading; results are cached per heading string (headings repeat a lot)."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        choices: dict[str, set[str]] = {}
        for cat in taxonomy.categories:
            for phrase in (cat.name, *cat.synonyms):
                key = _normal(phrase)
                if key:
                    choices.setdefault(key, set()).add(cat.id)
        self._choices = {k: frozenset(v) for k, v in choices.items()}
        self._keys = list(self._choices)
        self.match = lru_cache(maxsize=4096)(self._match)

    def _match(self, heading: str) -> frozenset[str]:
        whole = _normal(heading)
        if not whole:
            return frozenset()
        found: set[str] = set()
        for part in {whole, *(_normal(p) for p in _SPLIT.split(heading))}:
            if len(part) < 3:
                continue
            best = process.extractOne(part, self._keys, scorer=fuzz.ratio, score_cutoff=MIN_SCORE)
            if best is not None:
                found |= self._choices[best[0]]
        return frozenset(found)


def _normal(text: str) -> str:
    return " ".join(_CLEAN.sub(" ", text.lower()).split())
