"""Word styles, resolved to the few facts the DOCX loader needs: name, heading level, numbering, bold, size.

Most formatting in a contract comes from styles, not from the paragraphs: "Heading 2" carries both the
outline level and the list numbering of a clause, a "Definition" character style makes terms bold. Each
fact is looked up on the style first, then along its ``w:basedOn`` chain, then in ``w:docDefaults``
(the chain is followed at most 32 steps, and a loop ends it, so a hostile file cannot hang the loader).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree

from .docx_numbering import W

__all__ = [
    "DELETED",
    "PROPERTY_CHANGES",
    "REVISION_MARKS",
    "ParagraphProps",
    "ParagraphStyle",
    "RunProps",
    "StyleSheet",
]

_MAX_CHAIN = 32
_HEADING = re.compile(r"heading ([1-9])$", re.IGNORECASE)
#: Built-in names stored in lowercase in styles.xml but shown capitalised in Word (as python-docx does).
_UI_NAMES = {
    "caption": "Caption",
    "footer": "Footer",
    "header": "Header",
    "title": "Title",
    **{f"heading {n}": f"Heading {n}" for n in range(1, 10)},
}
_OFF = ("0", "false", "off")
_VAL, _RSTYLE, _B, _SZ = W + "val", W + "rStyle", W + "b", W + "sz"
_VANISH, _SPEC_VANISH = W + "vanish", W + "specVanish"
#: Tracked-change wrappers: content inside DELETED ones disappears when the changes are accepted.
DELETED = frozenset({W + "del", W + "moveFrom"})
REVISION_MARKS = frozenset({W + "ins", W + "del", W + "moveTo", W + "moveFrom"})
#: Tracked formatting changes: the text stays, but the block was revised.
PROPERTY_CHANGES = frozenset(
    W + t
    for t in (
        "pPrChange",
        "rPrChange",
        "numberingChange",
        "trPrChange",
        "tcPrChange",
        "cellIns",
        "cellDel",
        "cellMerge",
        "sectPrChange",
    )
)
_RUN_REVISIONS = frozenset({W + "rPrChange", W + "ins", W + "del", W + "moveFrom", W + "moveTo"})


@dataclass(frozen=True, slots=True)
class ParagraphStyle:
    """A paragraph style with inheritance applied."""

    style_id: str | None = None
    name: str | None = None
    heading_level: int | None = None
    num_id: str | None = None
    ilvl: int | None = None
    centered: bool = False


@dataclass(frozen=True, slots=True)
class RunProps:
    """A run's effective formatting, as far as the loader cares."""

    bold: bool = False
    size: float | None = None
    hidden: bool = False
    revised: bool = False


@dataclass(slots=True)
class _Style:
    kind: str
    name: str | None = None
    based_on: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    centered: bool | None = None
    bold: bool | None = None
    size: float | None = None
    hidden: bool | None = None


def _toggle(el: etree._Element) -> bool:
    return el.get(W + "val", "true") not in _OFF


def _half_points(el: etree._Element) -> float | None:
    return _half_points_text(el.get(W + "val"))


def _half_points_text(value: str | None) -> float | None:
    try:
        return int(value) / 2 if value is not None else None
    except ValueError:
        return None


def _int(el: etree._Element) -> int | None:
    return _int_text(el.get(W + "val"))


def _int_text(value: str | None) -> int | None:
    try:
        return int(value) if value is not None else None
    except ValueError:
        return None


def _read_rpr(rpr: etree._Element | None, style: _Style) -> None:
    if rpr is None:
        return
    for c in rpr:
        if c.tag == W + "b":
            style.bold = _toggle(c)
        elif c.tag == W + "sz":
            style.size = _half_points(c)
        elif c.tag == W + "vanish":
            style.hidden = _toggle(c)


def _read_ppr(ppr: etree._Element | None, style: _Style) -> None:
    if ppr is None:
        return
    for c in ppr:
        if c.tag == W + "numPr":
            for n in c:
                if n.tag == W + "numId":
                    style.num_id = n.get(W + "val")
                elif n.tag == W + "ilvl":
                    style.ilvl = _int(n)
        elif c.tag == W + "outlineLvl":
            style.outline = _int(c)
        elif c.tag == W + "jc":
            style.centered = c.get(W + "val") == "center"


@dataclass(slots=True)
class ParagraphProps:
    """A paragraph's direct properties (``w:pPr``): they override its style, and carry revision marks."""

    style_id: str | None = None
    num_id: str | None = None
    ilvl: int | None = None
    outline: int | None = None
    centered: bool | None = None
    section_break: bool = False
    mark_deleted: bool = False
    revised: bool = False

    @classmethod
    def read(cls, ppr: etree._Element | None) -> ParagraphProps:
        facts = cls()
        if ppr is None:
            return facts
        for c in ppr:
            tag = c.tag
            if tag == W + "pStyle":
                facts.style_id = c.get(W + "val")
            elif tag == W + "numPr":
                for n in c:
                    if n.tag == W + "numId":
                        facts.num_id = n.get(W + "val")
                    elif n.tag == W + "ilvl":
                        facts.ilvl = _int_text(n.get(W + "val"))
                    elif n.tag in PROPERTY_CHANGES or n.tag == W + "ins":
                        facts.revised = True
            elif tag == W + "outlineLvl":
                facts.outline = _int_text(c.get(W + "val"))
            elif tag == W + "jc":
                facts.centered = c.get(W + "val") == "center"
            elif tag == W + "sectPr":
                facts.section_break = True
            elif tag == W + "rPr":
                for m in c:
                    if m.tag in DELETED:
                        facts.mark_deleted = facts.revised = True
                    elif m.tag in REVISION_MARKS or m.tag in PROPERTY_CHANGES:
                        facts.revised = True
            elif tag in PROPERTY_CHANGES:
                facts.revised = True
        return facts


class StyleSheet:
    """The parsed ``styles.xml`` (an empty sheet when the package has none)."""

    def __init__(self, root: etree._Element | None) -> None:
        self._styles: dict[str, _Style] = {}
        self._defaults = _Style("defaults")
        self._default_paragraph: str | None = None
        self._paragraph_cache: dict[str | None, ParagraphStyle] = {}
        self._run_cache: dict[tuple[object, ...], RunProps] = {}
        if root is None:
            return
        defaults = root.find(W + "docDefaults")
        if defaults is not None:
            _read_rpr(defaults.find(f"{W}rPrDefault/{W}rPr"), self._defaults)
        for el in root.iterchildren(W + "style"):
            style_id = el.get(W + "styleId")
            if style_id is None:
                continue
            name, based = el.find(W + "name"), el.find(W + "basedOn")
            style = _Style(
                kind=el.get(W + "type", "paragraph"),
                name=name.get(W + "val") if name is not None else None,
                based_on=based.get(W + "val") if based is not None else None,
            )
            _read_ppr(el.find(W + "pPr"), style)
            _read_rpr(el.find(W + "rPr"), style)
            self._styles[style_id] = style
            if style.kind == "paragraph" and el.get(W + "default") in ("1", "true", "on"):
                self._default_paragraph = style_id

    def numbering_style_num_ids(self) -> dict[str, str]:
        """Numbering styles and the ``numId`` they carry: the target of ``w:numStyleLink``."""
        return {sid: s.num_id for sid, s in self._styles.items() if s.kind == "numbering" and s.num_id}

    def _chain(self, style_id: str | None) -> list[_Style]:
        chain: list[_Style] = []
        seen: set[str] = set()
        while style_id and style_id not in seen and len(chain) < _MAX_CHAIN:
            style = self._styles.get(style_id)
            if style is None:
                break
            seen.add(style_id)
            chain.append(style)
            style_id = style.based_on
        return chain

    def paragraph(self, style_id: str | None) -> ParagraphStyle:
        """The paragraph style ``style_id`` (the document's default style when None or unknown)."""
        if style_id not in self._paragraph_cache:
            self._paragraph_cache[style_id] = self._resolve_paragraph(style_id)
        return self._paragraph_cache[style_id]

    def _resolve_paragraph(self, style_id: str | None) -> ParagraphStyle:
        if style_id not in self._styles:
            style_id = self._default_paragraph
        chain = self._chain(style_id)
        if not chain:
            return ParagraphStyle()
        name = chain[0].name
        return ParagraphStyle(
            style_id=style_id,
            name=_UI_NAMES.get(name.lower(), name) if name else None,
            heading_level=_heading_level(chain),
            num_id=next((s.num_id for s in chain if s.num_id is not None), None),
            ilvl=next((s.ilvl for s in chain if s.ilvl is not None), None),
            centered=next((s.centered for s in chain if s.centered is not None), False),
        )

    def run(self, paragraph_style: str | None, rpr: etree._Element | None) -> RunProps:
        """Effective formatting of a run with direct properties ``rpr`` in a paragraph of ``paragraph_style``.

        Called for every run of the document, so results are cached by the few direct properties that
        matter (runs of one contract repeat a handful of formattings).
        """
        char_style: str | None = None
        bold: bool | None = None
        size: str | None = None
        hidden: bool | None = None
        revised = False
        if rpr is not None:
            for c in rpr:
                tag = c.tag
                if tag == _RSTYLE:
                    char_style = c.get(_VAL)
                elif tag == _B:
                    bold = c.get(_VAL, "true") not in _OFF
                elif tag == _SZ:
                    size = c.get(_VAL)
                elif tag == _VANISH or tag == _SPEC_VANISH:
                    hidden = bool(hidden) or c.get(_VAL, "true") not in _OFF
                elif tag in _RUN_REVISIONS:
                    revised = True
        key = (paragraph_style, char_style, bold, size, hidden, revised)
        props = self._run_cache.get(key)
        if props is None:
            base = self._resolve_run(paragraph_style, char_style)
            size_pt = _half_points_text(size)
            props = self._run_cache[key] = RunProps(
                bold=bold if bold is not None else base.bold,
                size=size_pt if size_pt is not None else base.size,
                hidden=hidden if hidden is not None else base.hidden,
                revised=revised,
            )
        return props

    def _resolve_run(self, paragraph_style: str | None, char_style: str | None) -> RunProps:
        if paragraph_style not in self._styles:
            paragraph_style = self._default_paragraph
        chain = self._chain(char_style) + self._chain(paragraph_style) + [self._defaults]
        return RunProps(
            bold=next((s.bold for s in chain if s.bold is not None), False),
            size=next((s.size for s in chain if s.size is not None), None),
            hidden=next((s.hidden for s in chain if s.hidden is not None), False),
        )


def _heading_level(chain: list[_Style]) -> int | None:
    """0-based outline level: a "heading N" style name, else the nearest ``w:outlineLvl`` (9 = body text)."""
    for style in chain:
        m = _HEADING.match(style.name or "")
        if m:
            return int(m.group(1)) - 1
        if style.outline is not None:
            return style.outline if 0 <= style.outline < 9 else None
    return None
