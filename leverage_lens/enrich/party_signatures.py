"""The signature-block reader: the entity that signs (an upper-case line just before ``By:``) and the person
signing for it (``Name:`` / ``Title:`` lines, or ``By: /s/ Jane Doe``).

Only the last 12,000 characters are read, where signature pages are; a cheap scan for the labels says where
the name pattern can match, so the reader costs little on long contracts.
"""

from __future__ import annotations

import re

from ..model import Signatory, Span
from .party_merge import Draft, merge
from .party_names import ENTITY, clean_name, looks_like_person, on_source_line
from .party_preamble import NOT_A_NAME

__all__ = ["read_signatures", "signatories_after"]

_SIGNATURE = re.compile(r"(?P<name>[A-Z\u00c0-\u00de][A-Z0-9\u00c0-\u00de&.,'\u2019\- ]{2,80}?)[\s:,]*\n?\s*(?:By|BY|Name|Signature)\s*[:_]")
_SIGNATURE_LABEL = re.compile(r"(?:By|BY|Name|Signature)\s*[:_]")
_SIGNATURE_NAME_MAX = 81  # [A-Z] then up to 80 characters: see _SIGNATURE
_TAIL = 12000
_FIELD_END = r"(?=[ \t]{2,}|\n|\s+(?:Name|NAME|Title|TITLE|Date|DATE|By|BY|Its|ITS)\s*:|$)"
_NAME_FIELD = re.compile(rf"(?:Name|NAME|Print\s+Name|Printed\s+Name)\s*:[ \t]*(?P<v>[^\n:_]{{2,60}}?){_FIELD_END}")
_TITLE_FIELD = re.compile(rf"(?:Title|TITLE|Its|ITS)\s*:[ \t]*(?P<v>[^\n:_]{{2,60}}?){_FIELD_END}")
_SLASH_S = re.compile(r"(?:By|BY)\s*:?\s*/s/\s*(?P<v>[A-Z][\w.'\- ]{2,50}?)(?=[ \t]{2,}|\n|\s+(?:Name|Title)|$)")


def _signatures(text: str, start: int) -> list[re.Match[str]]:
    """The matches of ``_SIGNATURE.finditer(text, start)``, found by scanning only before signature labels.

    A match is a name of at most 81 characters, separators, then a label ("By:", "Name:"): each match lies
    in a window ending at a label and starting 81 characters before the separators that precede it.
    Overlapping windows are merged, so the windows hold every match and the scan resumes where a full scan
    would (the pattern has no look-around at its ends)."""
    windows: list[list[int]] = []
    for lab in _SIGNATURE_LABEL.finditer(text, start):
        k = lab.start()
        while k > start and (text[k - 1].isspace() or text[k - 1] in ":,"):  # [\s:,] as the pattern has it
            k -= 1
        lo = max(start, k - _SIGNATURE_NAME_MAX)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = lab.end()
        else:
            windows.append([lo, lab.end()])
    out: list[re.Match[str]] = []
    pos = start
    for lo, hi in windows:
        for m in _SIGNATURE.finditer(text, max(lo, pos), hi):
            out.append(m)
            pos = m.end()
    return out


def signatories_after(text: str, a: int, b: int) -> list[Signatory]:
    """The person signing in ``text[a:b]`` (the block under one entity line): name and title when printed.

    Blank lines ("Name: ______") give nothing; a ``/s/`` conformed signature gives the name."""
    name = title = None
    span = None
    m = _NAME_FIELD.search(text, a, b) or _SLASH_S.search(text, a, b)
    if m:
        v = m.group("v").strip(" ,.")
        if looks_like_person(v) or (v[:1].isupper() and len(v.split()) <= 4 and not ENTITY.search(v)):
            name, span = v, Span(start=m.start("v"), end=m.start("v") + len(v), label="signatory")
    t = _TITLE_FIELD.search(text, a, b)
    if t:
        v = t.group("v").strip(" ,.")
        if v and v[0].isalpha():
            title = v
    if name is None and title is None:
        return []
    return [Signatory(name=name, title=title, span=span)]


_WITNESS = re.compile(r"IN\s+WITNESS\s+WHEREOF|In\s+Witness\s+Whereof")
_WITNESS_SPAN = 8000  # a signature page after "IN WITNESS WHEREOF" that is not the document's end
# A line that may open an entity name wrapped over two lines ("PALMER SQUARE CAPITAL" / "MANAGEMENT LLC").
_NAME_LINE = re.compile(r"[A-Z\u00c0-\u00de][A-Z0-9\u00c0-\u00de&.,'\u2019\- ]{2,50}")
_TITLE_LINE = re.compile(r"[A-Z][\w&.'\u2019\-]*(?:[ \t]+(?:[A-Z0-9][\w&.,'\u2019\-]*|and|of|for|the|de|du|la)){0,7}")
_NOT_NAME_WORDS = frozenset(
    """AGREED ACCEPTED ACKNOWLEDGED WITNESS WHEREOF SIGNATURE SIGNATURES PAGE EXECUTED PARTIES FOLLOWS DATE NAME
    TITLE AGREEMENT BY TO SIGNATORY AUTHORIZED PRESIDENT OFFICER DIRECTOR MANAGER SECRETARY
    TREASURER CHAIRMAN CHIEF VICE MEMBER COUNSEL ESQ ITS PARTNER GENERAL""".split())
# A person signing in their own name: "/s/ Jeffrey B. Osher" on its own line (not "By: /s/ ..."), the
# printed name below it.
_OWN_NAME = re.compile(r"(?m)^[ \t]*/s/[ \t]*(?P<sig>[A-Z][\w.'\- ]{2,50}?)[ \t]*\n[ \t]*(?P<name>[A-Z][\w.'\- ]{2,50}?)"
                       r"[ \t]*$")


def _regions(text: str) -> list[int]:
    """Where signature pages may start: the last 12,000 characters, and after the last "IN WITNESS
    WHEREOF" when that lies earlier (exhibits, a press release or schedules follow the signatures)."""
    tail = max(0, len(text) - _TAIL)
    out = [tail]
    last = None
    for m in _WITNESS.finditer(text):
        last = m
    if last is not None and last.start() < tail:
        out.insert(0, last.start())
    return out


def _wrapped_start(text: str, start: int) -> int:
    """The start of an entity name whose first words sit on the line above (an upper-case or capitalised
    line that is not a heading, a role or "ACKNOWLEDGED AND AGREED TO")."""
    if start == 0 or text[start - 1] != "\n":
        return start
    k = text.rfind("\n", 0, start - 1) + 1
    line = text[k : start - 1].strip()
    if not line or not (_NAME_LINE.fullmatch(line) or _TITLE_LINE.fullmatch(line)) or ENTITY.search(line) \
            or NOT_A_NAME.search(line):
        return start
    words = set(line.replace(",", " ").upper().split())
    if words & _NOT_NAME_WORDS or looks_like_person(line) or looks_like_person(line.title()):
        return start
    return k + (len(text[k : start - 1]) - len(text[k : start - 1].lstrip()))


# A suffix that ends a name for certain ("Trust", "Bank", "Partners" also open or sit inside one).
_HARD_SUFFIX = re.compile(r"\b(?i:inc|incorporated|corp|corporation|llc|l\.l\.c|ltd|limited|l\.?p|plc|n\.a|co|gmbh|"
                          r"s\.?a|ag|b\.?v|n\.?v)\.?$")


def _names_on_line(raw: str, offset: int) -> list[tuple[int, str]]:
    """The entities a signature line names: two side by side when columns share a line ("PREMIER
    NUTRITION CORPORATION STREMICKS HERITAGE FOODS, LLC")."""
    name, cut = clean_name(raw)
    name = _tidy(name)
    ents = list(ENTITY.finditer(name))
    if len(ents) >= 2 and not name[ents[-1].end() :].strip(" ,.") and all(
            _HARD_SUFFIX.search(e.group("name")) for e in ents[:-1]):
        out = []
        for e in ents:
            n, c = clean_name(e.group("name"))
            out.append((offset + cut + e.start() + c, _tidy(n)))
        return out
    return [(offset + cut, name)] if ents else []


_LABEL_LINE = re.compile(r"(?m)^[ \t]*(?:(?:By|BY|Name|NAME)[ \t]*:|/s/[ \t]*(?P<sig>[^\n]{2,50}))")


def _entity_lines(text: str, a: int, b: int) -> list[tuple[int, str, int]]:
    """Entity names in any case on the line right above a "By:" or "Name:" line ("YA II PN, Ltd." /
    "By:/s/ ..."), wrapped names joined; a "By: Acme GP, LLC" line (the one signing for a party) is not
    itself a name."""
    out = []
    for lab in _LABEL_LINE.finditer(text, a, min(len(text), b)):
        k = text.rfind("\n", 0, max(0, lab.start() - 1))
        line_start = k + 1
        raw = text[line_start : max(line_start, lab.start() - 1)]
        line = raw.strip()
        if not line or ":" in line or line.startswith(("/s/", "By", "BY")) or len(line) > 90:
            continue
        sig = (lab.group("sig") or "").strip()
        if sig and line.lower() == sig.lower() and looks_like_person(line.title()):
            out.append((line_start + len(raw) - len(raw.lstrip()), line, lab.end()))  # "ADAM D. PORTNOY" / "/s/ Adam D. Portnoy"
            continue
        name, cut = clean_name(line)
        name = _tidy(name)
        e = ENTITY.search(name)
        if e is None or e.start() > 0 or len(name) - e.end() > 1 or NOT_A_NAME.search(name):
            continue
        start = line_start + (len(raw) - len(raw.lstrip())) + cut
        wrapped = _wrapped_start(text, start)
        if wrapped != start:
            name, start = " ".join(text[wrapped : start + len(name)].split()), wrapped
        out.append((start, name, lab.end()))
    return out


def _tidy(name: str) -> str:
    """A signature line's name without trailing punctuation, keeping an abbreviation's full stop ("L.P.")."""
    name = name.strip(" ,:")
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name[:-1].rstrip(" ,")
    return name


_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?i:inc|corp|ltd|co|llc|l\.?p|n\.a|s\.a|plc|bros|intl)\.)$")


def read_signatures(text: str, drafts: list[Draft]) -> None:
    """Add the entities that sign (with their signatories), and persons signing in their own name, to
    ``drafts``, merging into known parties."""
    found: list[tuple[int, str, int]] = []
    seen: set[int] = set()
    for start_at in _regions(text):
        stop_at = start_at + _WITNESS_SPAN if start_at < max(0, len(text) - _TAIL) else len(text)
        for m in _signatures(text, start_at):
            if m.start() >= stop_at:
                break
            if m.start("name") in seen:
                continue
            seen.add(m.start("name"))
            for start, name in _names_on_line(m.group("name"), m.start("name")):
                if NOT_A_NAME.search(name) or on_source_line(text, start):
                    continue
                wrapped = _wrapped_start(text, start)
                if wrapped != start:
                    name = " ".join(text[wrapped : start + len(name)].split())
                    start = wrapped
                seen.add(start)
                found.append((start, name, m.end()))
        for m in _OWN_NAME.finditer(text, start_at, min(len(text), stop_at)):
            before = text[max(0, m.start() - 12) : m.start()]
            name = m.group("name").strip(" ,.")
            if re.search(r"(?:By|BY)\s*:?\s*$", before) or not looks_like_person(name.title()):
                continue
            if m.start("name") in seen:
                continue
            seen.add(m.start("name"))
            merge(drafts, Draft(name=name, sources={"signature"}, kind="person",
                                spans=[Span(start=m.start("name"), end=m.start("name") + len(name),
                                            label="signature")]))
        for start, name, end in _entity_lines(text, start_at, stop_at):
            if start not in seen:
                seen.add(start)
                found.append((start, name, end))
    found.sort()
    for i, (start, name, end) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] > start else min(len(text), end + 400)
        kind = "organisation" if ENTITY.search(name) else "person" if looks_like_person(name.title()) else None
        d = Draft(name=name, sources={"signature"}, kind=kind,
                  spans=[Span(start=start, end=start + len(name), label="signature")],
                  signatories=signatories_after(text, max(start + len(name), end - 12), min(stop, end + 400)))
        merge(drafts, d)
