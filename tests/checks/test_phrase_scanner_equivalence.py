"""The phrase scanner finds exactly what the alternation of its phrases finds (the rule's contract)."""

from __future__ import annotations

import random
import re

from leverage_lens.checks.ambiguity._phrases import PhraseScanner

WORDS = ["confidential", "information", "the", "party", "(the", "services)", "-", "non-compete", "a.b", "x,y",
         '"term"', "term", "effective", "date", "(effective", "date)", "services", "agreement"]
PHRASES = ["Confidential Information", "Effective Date", "Services Agreement", "the Party", "non-compete agreement",
           "Term Date", "x,y term"]


def _reference(phrases: list[str], low: str) -> list[tuple[int, int]]:
    alternation = "|".join(r"\s+".join(map(re.escape, p.lower().split()))
                           for p in sorted(phrases, key=len, reverse=True))
    return [m.span() for m in re.finditer(r"(?<![\w\-])(?:" + alternation + r")(?![\w\-])", low)]


def test_the_scanner_finds_what_the_alternation_finds_on_punctuated_text() -> None:
    rng = random.Random(14)
    for _ in range(800):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.3:
            text = text.replace(" ", "\n", 3)
        phrases = rng.sample(PHRASES, rng.randint(1, len(PHRASES)))
        low = text.lower()
        assert list(PhraseScanner(phrases).finditer(low)) == _reference(phrases, low), (text, phrases)
