"""Clause-number tokens: recognising them and telling which number comes next.

A token such as "(iv)" or "1.2" is read into one or more *interpretations*: a style (how the number is
written, e.g. ``paren-roman``) and a value (a tuple of ints, one per dotted component). Ambiguous tokens
("(i)" is the letter after "(h)" or the roman numeral one) get several; the tree builder keeps the one that
continues a sequence already open. Keeping this knowledge here lets the builder stay a small state machine.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_ROMAN_RE = re.compile(r"^(?=[ivxlcdm]+$)m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_WORD_NUMBERS = {
    w: i + 1
    for i, w in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
        "seventeen eighteen nineteen twenty".split()
    )
}


@dataclass(frozen=True, slots=True)
class Reading:
    """One interpretation of a number token."""

    style: str
    value: tuple[int, ...]

    @property
    def depth(self) -> int:
        return len(self.value)

    def is_first(self) -> bool:
        """Whether this number can open a new list (1, a, i, A, I; "2.1" may open under "2")."""
        return self.value[-1] in (0, 1) if self.depth > 1 else self.value[0] == 1


def roman_to_int(text: str) -> int | None:
    low = text.lower()
    if not low or not _ROMAN_RE.match(low):
        return None
    total = 0
    for a, b in zip(low, low[1:] + " "):
        va, vb = _ROMAN_VALUES[a], _ROMAN_VALUES.get(b, 0)
        total += -va if va < vb else va
    return total


def letters_to_int(text: str) -> int | None:
    """a=1 ... z=26, then Word's aa=27, bb=28 (repeated letters)."""
    low = text.lower()
    if not low.isalpha() or not low.isascii():
        return None
    if len(low) == 1:
        return ord(low) - 96
    if len(set(low)) == 1:
        return (len(low) - 1) * 26 + ord(low[0]) - 96
    return None


def _case(text: str) -> str:
    return "upper" if text.isupper() else "lower"


def read_simple(core: str, frame: str) -> list[Reading]:
    """Readings of a one-component token's core ("iv", "b", "12") written in ``frame`` (paren/half/dot)."""
    out: list[Reading] = []
    if core.isdigit():
        if len(core) <= 3:
            out.append(Reading(f"{frame}-num", (int(core),)))
        return out
    roman = roman_to_int(core)
    if roman is not None and (core.isupper() or core.islower()):
        out.append(Reading(f"{frame}-roman-{_case(core)}", (roman,)))
    letter = letters_to_int(core)
    if letter is not None and (core.isupper() or core.islower()):
        out.append(Reading(f"{frame}-alpha-{_case(core)}", (letter,)))
    return out


def read_dotted(text: str, prefix: str = "") -> list[Reading]:
    """Readings of "1", "1.", "1.2", "1.02.3"; ``prefix`` is "section" for "Section 1.2"."""
    parts = [p for p in text.rstrip(".").split(".")]
    if not parts or not all(p.isdigit() and len(p) <= 3 for p in parts):
        return []
    style = f"{prefix}dec" if prefix else "dec"
    return [Reading(style, tuple(int(p) for p in parts))]


def read_article(core: str) -> list[Reading]:
    """ARTICLE I / Article 1 / ARTICLE ONE."""
    if core.isdigit():
        return [Reading("article", (int(core),))]
    roman = roman_to_int(core)
    if roman is not None:
        return [Reading("article", (roman,))]
    word = _WORD_NUMBERS.get(core.lower())
    return [Reading("article", (word,))] if word else []


def read_label(label: str) -> list[Reading]:
    """Readings of a Word numbering label as displayed ("1.1", "(a)", "Article II", "Section 3.")."""
    text = label.strip()
    m = re.fullmatch(r"(?i)(article|section|part)\s+([0-9ivxlcdm.]+|[a-z]+)\.?", text)
    if m:
        word = m.group(1).lower()
        if word == "section":
            return read_dotted(m.group(2), "section")
        return read_article(m.group(2).rstrip("."))
    m = re.fullmatch(r"\((\w{1,6})\)", text)
    if m:
        return read_simple(m.group(1), "paren")
    m = re.fullmatch(r"(\w{1,6})\)", text)
    if m:
        return read_simple(m.group(1), "half")
    if re.fullmatch(r"\d{1,3}(\.\d{1,3})*\.?", text):
        return read_dotted(text)
    m = re.fullmatch(r"([A-Za-z]{1,6})\.?", text)
    if m:
        return read_simple(m.group(1), "dot")
    return []


def follows(prev: Reading, new: Reading) -> int | None:
    """If ``new`` continues the list whose last number was ``prev``, the size of the step (1 = next).

    Returns None when ``new`` does not belong to that list. Dotted numbers continue within their parent
    ("1.4" -> "1.5") or move to the next parent ("1.4" -> "2.1") when the parent has no clause of its own.
    """
    if prev.style != new.style or prev.depth != new.depth:
        return None
    if new.depth == 1:
        step = new.value[0] - prev.value[0]
        return step if step >= 0 else None
    if new.value[:-1] == prev.value[:-1]:
        step = new.value[-1] - prev.value[-1]
        return step if step >= 0 else None
    if new.value[:-2] == prev.value[:-2] and new.value[-2] == prev.value[-2] + 1 and new.value[-1] in (0, 1):
        return 1
    return None


def format_number(reading: Reading) -> str:
    return ".".join(str(v) for v in reading.value)
