"""Word automatic numbering, reconstructed: the labels ("1.1", "(a)", "Article II") Word draws but never stores.

Contracts drafted in Word rarely type their clause numbers: the numbers live in ``numbering.xml`` and are
computed when the document is displayed. A loader that reads only the paragraph text loses every clause
number, so the segmenter could not build the clause tree nor resolve "Section 8.4". This module replays
Word's counters over the paragraphs in document order.

The semantics follow ECMA-376 Part 1 §17.9 as Word implements it:

* a paragraph's ``w:numId`` names a ``w:num`` instance, which points to a ``w:abstractNum`` (possibly via
  ``w:numStyleLink`` → numbering style → ``w:num`` → the ``w:abstractNum`` with the matching ``w:styleLink``);
* counters belong to the *abstract* definition: every ``w:num`` referring to it continues the same
  sequence, which is how a list resumes after an interruption;
* a ``w:lvlOverride/w:startOverride`` restarts the shared counter at that level the first time a paragraph
  of that ``w:num`` appears at that level, and is the level's start value for that instance afterwards;
* using a level restarts the deeper levels (``w:lvlRestart`` narrows or disables this; 0 = never);
* ``%1``..``%9`` in ``w:lvlText`` show the current counters of levels 1..9 in their own ``w:numFmt``
  (decimal for all of them under ``w:isLgl``); a level never used since it was reset shows start - 1, as
  Word's "0.1" under a missing parent heading.

Labels are bounded by what Word itself accepts, so a hostile ``numbering.xml`` cannot turn a few bytes into
megabytes of label text: start values are clamped to 0..32,767 (the range of MS-DOC's ``LVLF.iStartAt``,
which Word's list dialog also enforces), a ``w:lvlText`` keeps at most 31 characters and 9 ``%N``
placeholders (MS-OI29500 2.1.283: Word requires both), and a number written by repeating a symbol ("aaaa",
"**") is cut at :data:`MAX_NUMBER_CHARS`. Real contracts never come near these bounds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

__all__ = ["Level", "ListCounters", "NumberLabel", "NumberingDefinitions", "W", "format_number"]

#: Clark-notation prefix of the WordprocessingML main namespace.
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MAX_LEVELS = 9
#: Largest start value Word stores (MS-DOC LVLF.iStartAt: 0..0x7FFF); larger ones are clamped to it.
MAX_START = 0x7FFF
#: Longest ``w:lvlText`` Word accepts, each ``%N`` counted as one character (MS-OI29500 2.1.283).
MAX_LEVEL_TEXT = 31
#: Longest rendering of one number: only repeated-symbol formats (letters, chicago) can get near it.
MAX_NUMBER_CHARS = 64
_SUFFIXES = {"tab": "\t", "space": " ", "nothing": ""}
_PLACEHOLDER = re.compile(r"%([1-9])")
_NO_LABEL_FORMATS = frozenset({"bullet", "none"})


@dataclass(frozen=True, slots=True)
class Level:
    """One ``w:lvl``: how a list level counts and how its label is written."""

    start: int = 1
    fmt: str = "decimal"
    text: str | None = None
    restart: int | None = None
    legal: bool = False
    suffix: str = "\t"
    style_id: str | None = None


@dataclass(frozen=True, slots=True)
class NumberLabel:
    """What Word draws before a numbered paragraph; ``label`` is None for bullets and ``numFmt none``."""

    label: str | None
    suffix: str
    level: int


@dataclass(slots=True)
class _Num:
    abstract_id: str
    start_overrides: dict[int, int] = field(default_factory=dict)
    level_overrides: dict[int, Level] = field(default_factory=dict)


@dataclass(slots=True)
class _Abstract:
    levels: dict[int, Level]
    num_style_link: str | None = None
    style_link: str | None = None


@dataclass(slots=True)
class _Resolved:
    key: str
    levels: dict[int, Level]
    start_overrides: dict[int, int]


def _int(el: etree._Element | None, default: int | None = None) -> int | None:
    if el is None:
        return default
    try:
        return int(el.get(W + "val", ""))
    except ValueError:
        return default


def _on(el: etree._Element | None) -> bool:
    return el is not None and el.get(W + "val", "true") not in ("0", "false", "off")


def _parse_level(el: etree._Element) -> tuple[int, Level]:
    ilvl = _int_attr(el, "ilvl")
    fmt_el = el.find(W + "numFmt")
    text_el = el.find(W + "lvlText")
    suff_el = el.find(W + "suff")
    style_el = el.find(W + "pStyle")
    return ilvl, Level(
        start=_start_value(_int(el.find(W + "start"), 1)),
        fmt=fmt_el.get(W + "val", "decimal") if fmt_el is not None else "decimal",
        text=_level_text(text_el.get(W + "val")) if text_el is not None else None,
        restart=_int(el.find(W + "lvlRestart")),
        legal=_on(el.find(W + "isLgl")),
        suffix=_SUFFIXES.get(suff_el.get(W + "val", "tab") if suff_el is not None else "tab", "\t"),
        style_id=style_el.get(W + "val") if style_el is not None else None,
    )


def _start_value(value: int | None) -> int:
    """A start value as Word stores it: 0..32,767."""
    return min(max(value or 0, 0), MAX_START)


def _level_text(text: str | None) -> str | None:
    """``w:lvlText`` cut to what Word accepts: 31 characters with each ``%N`` counted as one, 9 ``%N``."""
    if text is None or (len(text) <= MAX_LEVEL_TEXT and text.count("%") <= MAX_LEVELS):
        return text
    out: list[str] = []
    placeholders = 0
    for piece in re.findall(r"%[1-9]|.", text[: 2 * MAX_LEVEL_TEXT], re.DOTALL):
        if len(out) == MAX_LEVEL_TEXT:
            break
        if len(piece) == 2:
            if placeholders == MAX_LEVELS:
                break
            placeholders += 1
        out.append(piece)
    return "".join(out)


def _int_attr(el: etree._Element, name: str) -> int:
    try:
        return int(el.get(W + name, "0"))
    except ValueError:
        return 0


class NumberingDefinitions:
    """The parsed ``numbering.xml``: abstract definitions and the ``w:num`` instances pointing at them."""

    def __init__(self, root: etree._Element | None, style_num_ids: dict[str, str] | None = None) -> None:
        """``style_num_ids`` maps numbering-style ids to the ``numId`` in their ``w:numPr`` (for links)."""
        self._abstracts: dict[str, _Abstract] = {}
        self._nums: dict[str, _Num] = {}
        self._style_num_ids = style_num_ids or {}
        self._cache: dict[str, _Resolved | None] = {}
        if root is None:
            return
        for el in root.iterchildren(W + "abstractNum"):
            levels = dict(_parse_level(lvl) for lvl in el.iterchildren(W + "lvl"))
            nsl, sl = el.find(W + "numStyleLink"), el.find(W + "styleLink")
            self._abstracts[el.get(W + "abstractNumId", "")] = _Abstract(
                levels,
                nsl.get(W + "val") if nsl is not None else None,
                sl.get(W + "val") if sl is not None else None,
            )
        for el in root.iterchildren(W + "num"):
            ref = el.find(W + "abstractNumId")
            num = _Num(ref.get(W + "val", "") if ref is not None else "")
            for ov in el.iterchildren(W + "lvlOverride"):
                ilvl = _int_attr(ov, "ilvl")
                start = _int(ov.find(W + "startOverride"))
                if start is not None:
                    num.start_overrides[ilvl] = _start_value(start)
                lvl = ov.find(W + "lvl")
                if lvl is not None:
                    num.level_overrides[ilvl] = _parse_level(lvl)[1]
            self._nums[el.get(W + "numId", "")] = num

    def __bool__(self) -> bool:
        return bool(self._nums)

    def resolve(self, num_id: str) -> _Resolved | None:
        """The counter key, effective levels and start overrides of ``w:num`` ``num_id`` (None if unknown)."""
        if num_id not in self._cache:
            self._cache[num_id] = self._resolve(num_id)
        return self._cache[num_id]

    def _resolve(self, num_id: str) -> _Resolved | None:
        num = self._nums.get(num_id)
        if num is None:
            return None
        key = num.abstract_id
        abstract = self._abstracts.get(key)
        seen = {key}
        # numStyleLink: this definition only says "use the list of numbering style X"; follow it (bounded).
        while abstract is not None and abstract.num_style_link:
            linked_num = self._nums.get(self._style_num_ids.get(abstract.num_style_link, ""))
            if linked_num is None or linked_num.abstract_id in seen:
                break
            key = linked_num.abstract_id
            seen.add(key)
            abstract = self._abstracts.get(key)
        if abstract is None:
            return None
        levels = dict(abstract.levels)
        levels.update(num.level_overrides)
        return _Resolved(key, levels, num.start_overrides)

    def level_for_style(self, num_id: str, style_id: str) -> int | None:
        """The level whose ``w:pStyle`` is ``style_id``: how a style's numbering without ``w:ilvl`` picks one."""
        resolved = self.resolve(num_id)
        if resolved is None:
            return None
        for ilvl, lvl in sorted(resolved.levels.items()):
            if lvl.style_id == style_id:
                return ilvl
        return None


@dataclass(slots=True)
class _Counters:
    values: list[int | None] = field(default_factory=lambda: [None] * MAX_LEVELS)
    overridden: set[tuple[str, int]] = field(default_factory=set)


class ListCounters:
    """Word's running list counters for one document; call :meth:`advance` for each numbered paragraph in order."""

    def __init__(self, definitions: NumberingDefinitions) -> None:
        self._defs = definitions
        self._state: dict[str, _Counters] = {}

    def advance(self, num_id: str, ilvl: int) -> NumberLabel | None:
        """Count one paragraph of list ``num_id`` at level ``ilvl`` and return its label (None: not numbered)."""
        resolved = self._defs.resolve(num_id)
        if resolved is None:
            return None
        ilvl = min(max(ilvl, 0), MAX_LEVELS - 1)
        lvl = resolved.levels.get(ilvl)
        if lvl is None:
            return NumberLabel(None, "", ilvl)
        state = self._state.setdefault(resolved.key, _Counters())
        override = resolved.start_overrides.get(ilvl)
        current = state.values[ilvl]
        if override is not None and (num_id, ilvl) not in state.overridden:
            state.overridden.add((num_id, ilvl))
            state.values[ilvl] = override
        elif current is None:
            state.values[ilvl] = override if override is not None else lvl.start
        else:
            state.values[ilvl] = current + 1
        for deeper in range(ilvl + 1, MAX_LEVELS):
            restart = resolved.levels.get(deeper, Level()).restart
            if restart is None or restart > deeper:
                restart = deeper  # default: any shallower level restarts it
            if restart != 0 and ilvl < restart:
                state.values[deeper] = None
        return NumberLabel(_render(resolved, state.values, ilvl), lvl.suffix, ilvl)


def _render(resolved: _Resolved, values: list[int | None], ilvl: int) -> str | None:
    lvl = resolved.levels[ilvl]
    if lvl.fmt in _NO_LABEL_FORMATS or not lvl.text:
        return None

    def substitute(match: re.Match[str]) -> str:
        ref = int(match.group(1)) - 1
        ref_lvl = resolved.levels.get(ref, Level())
        value = values[ref]
        if value is None:
            start = resolved.start_overrides.get(ref, ref_lvl.start)
            value = max(start - 1, 0)
        fmt = ref_lvl.fmt
        if lvl.legal and fmt not in ("decimalZero", "none"):
            fmt = "decimal"
        return format_number(value, fmt)

    label = _PLACEHOLDER.sub(substitute, lvl.text).strip()
    return label or None


# -- number formats ---------------------------------------------------------------------------------------

_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)
_ONES = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_ORDINAL_WORDS = {
    "one": "first",
    "two": "second",
    "three": "third",
    "five": "fifth",
    "eight": "eighth",
    "nine": "ninth",
    "twelve": "twelfth",
}
_CHICAGO = ("*", "\u2020", "\u2021", "\u00a7")


def format_number(value: int, fmt: str) -> str:
    """``value`` written in ``w:numFmt`` ``fmt``; unknown formats fall back to decimal, as Word does."""
    if fmt in _NO_LABEL_FORMATS:
        return ""  # a level shown as nothing (or a bullet) contributes nothing to a deeper level's label
    if value <= 0 and fmt not in ("decimal", "decimalZero"):
        return str(value)
    if fmt in ("lowerLetter", "upperLetter"):
        letters = chr(ord("a") + (value - 1) % 26) * min((value - 1) // 26 + 1, MAX_NUMBER_CHARS)
        return letters if fmt == "lowerLetter" else letters.upper()
    if fmt in ("lowerRoman", "upperRoman"):
        roman = _roman(value)
        return roman if fmt == "lowerRoman" else roman.upper()
    if fmt == "decimalZero":
        return f"{value:02d}"
    if fmt == "ordinal":
        return f"{value}{_ordinal_suffix(value)}"
    if fmt == "cardinalText":
        return _words(value).capitalize()
    if fmt == "ordinalText":
        return _ordinal_words(value).capitalize()
    if fmt == "decimalEnclosedParen":
        return f"({value})"
    if fmt == "decimalEnclosedFullstop":
        return f"{value}."
    if fmt == "numberInDash":
        return f"- {value} -"
    if fmt == "chicago":
        return _CHICAGO[(value - 1) % 4] * min((value - 1) // 4 + 1, MAX_NUMBER_CHARS)
    if fmt in ("hex", "upperHex"):
        return f"{value:X}"
    if fmt == "lowerHex":
        return f"{value:x}"
    return str(value)


def _roman(value: int) -> str:
    out = []
    for number, numeral in _ROMAN:
        count, value = divmod(value, number)
        out.append(numeral * min(count, MAX_NUMBER_CHARS))
    return "".join(out)[:MAX_NUMBER_CHARS]


def _ordinal_suffix(value: int) -> str:
    if value % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")


def _words(value: int) -> str:
    if value < 20:
        return _ONES[value]
    if value < 100:
        tens, ones = divmod(value, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    for size, name in ((1_000_000, "million"), (1000, "thousand"), (100, "hundred")):
        if value >= size:
            high, rest = divmod(value, size)
            return f"{_words(high)} {name}" + (f" {_words(rest)}" if rest else "")
    return str(value)


def _ordinal_words(value: int) -> str:
    words = _words(value)
    head, sep, last = words.rpartition("-") if "-" in words.split(" ")[-1] else words.rpartition(" ")
    if last in _ORDINAL_WORDS:
        last = _ORDINAL_WORDS[last]
    elif last.endswith("y"):
        last = last[:-1] + "ieth"
    else:
        last += "th"
    return f"{head}{sep}{last}"
