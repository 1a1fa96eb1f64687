"""The signature-block reader: the entity that signs (an upper-case line just before ``By:``) and the person
signing for it (``Name:`` / ``Title:`` lines, or ``By: /s/ Jane Doe``).

Only the last 12,000 characters are read, where signature pages are; a cheap scan for the labels says where
the name pattern can match, so the reader costs little on long contracts.
"""

from __future__ import annotations

import re

from ..model import Signatory, Span
from .party_merge import Draft, merge
from .party_names import ENTITY, clean_name, looks_like_person
from .party_preamble import NOT_A_NAME

__all__ = ["read_signatures", "signatories_after"]

_SIGNATURE = re.compile(r"(?P<name>[A-Z][A-Z0-9&.,'\- ]{2,80}?)[\s:,]*\n?\s*(?:By|BY|Name|Signature)\s*[:_]")
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


def read_signatures(text: str, drafts: list[Draft]) -> None:
    """Add the entities that sign (with their signatories) to ``drafts``, merging into known parties."""
    tail = max(0, len(text) - _TAIL)
    found = []
    for m in _signatures(text, tail):
        name, cut = clean_name(m.group("name"))
        name = name.strip(" ,.:")
        if ENTITY.search(name) and not NOT_A_NAME.search(name):
            found.append((m.start("name") + cut, name, m.end()))
    for i, (start, name, end) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else min(len(text), end + 400)
        d = Draft(name=name, sources={"signature"}, kind="organisation",
                  spans=[Span(start=start, end=start + len(name), label="signature")],
                  signatories=signatories_after(text, max(start + len(name), end - 12), min(stop, end + 400)))
        merge(drafts, d)
