"""Names for parties the preamble introduces only by role, read from where it says they are named.

Franchise and guarantee forms name a side as ``The party specified as the Franchisee on SCHEDULE 1 attached
hereto (the "Franchisee")``: the preamble gives a role and points elsewhere. A careful reader turns to the
signature page and the schedule and reads the name there:

* a signature block that carries the role as its alias -- ``INTERNATIONAL FAST FOOD / POLSKA SP ZO.O (the
  "Franchisee")`` -- or under a role heading -- ``THE PRINCIPAL: / INTERNATIONAL FAST FOOD / CORPORATION``;
* a role line in a schedule -- ``The Franchisee: INTERNATIONAL FAST FOOD POLSKA SP ZO.0``.

Only a party whose preamble phrase points elsewhere ("specified", "named", "set forth", "identified" ... on a
schedule, exhibit or the signature page) is renamed, and only by a filled-in name: blanks ("______",
"[Name]", "{franchisee}") leave the role standing, so forms stay role-only.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Span
from .party_merge import Draft
from .party_names import ENTITY, norm

__all__ = ["name_role_parties", "side_heads"]

# The preamble's pointer to where a party is named.
_POINTER = re.compile(
    r"\b(?:specified|named|set\s+forth|identified|listed|described|designated)\b[^()]{0,40}?\b(?:in|on|at)\s+"
    r"(?:the\s+)?(?:SCHEDULE|Schedule|EXHIBIT|Exhibit|ATTACHMENT|Attachment|APPENDIX|Appendix|ANNEX|Annex|ADDENDUM|Addendum|"
    r"signature\s+page|cover\s+page|Data\s+Sheet|DATA\s+SHEET)", re.IGNORECASE)
_BLANKISH = re.compile(r"_{2,}|[\[\]{}<>]|\bN/?A\b|\.\.\.|\u2026")
_NAME_WORD = re.compile(r"[A-Z0-9][\w&.,'\u2019\-/]*")
_NOT_NAME = re.compile(r"\b(?:AGREEMENT|Agreement|SCHEDULE|Schedule|EXHIBIT|Exhibit|By|BY|Name|NAME|Title|TITLE|"
                       r"Address|ADDRESS|Date|DATE|means|shall)\b")
_LABEL_NEXT = re.compile(r"[ \t]*(?:By|BY|Name|NAME|Signature|SIGNATURE|/[sS]/)\b")


def _as_name(raw: str) -> str | None:
    """``raw`` (one or two lines) as a party name, or None when it is a blank, a sentence or a caption."""
    name = " ".join(raw.split()).strip(" ,;:")
    if not name or _BLANKISH.search(name) or _NOT_NAME.search(name) or len(name) > 90:
        return None
    words = name.split()
    if not 2 <= len(words) <= 9 or not all(_NAME_WORD.fullmatch(w) or w.lower() in ("of", "and", "&", "de")
                                           for w in words):
        return None
    return name


def _role_pattern(role: str) -> str:
    words = [re.escape(w) for w in role.split()]
    body = r"[ \t]+".join(words)
    return rf"(?i:{body})(?:s|\(s\))?"


def _from_signature_alias(text: str, role: str, start: int) -> tuple[str, int] | None:
    """``NAME (the "Franchisee")`` on the signature pages, the name's first words on the line above when
    they wrapped."""
    pat = re.compile(rf"(?m)^[ \t]*(?P<name>[A-Z][^\n()\"\u201c]{{2,80}}?)[ \t,]*\((?:the[ \t]+)?[\"\u201c]{_role_pattern(role)}[\"\u201d]\)")
    for m in pat.finditer(text, start):
        line_start = m.start("name")
        prev_end = text.rfind("\n", 0, line_start)
        prev_start = text.rfind("\n", 0, max(0, prev_end)) + 1
        prev = text[prev_start:prev_end].strip() if prev_end > 0 else ""
        raw = m.group("name")
        if prev and prev.isupper() and ":" not in prev and raw.strip().isupper() and not ENTITY.search(prev):
            name = _as_name(prev + " " + raw)
            if name:
                return name, prev_start + len(text[prev_start:prev_end]) - len(text[prev_start:prev_end].lstrip())
        name = _as_name(raw)
        if name:
            return name, line_start
    return None


def _from_role_line(text: str, role: str, start: int) -> tuple[str, int] | None:
    """``The Franchisee: <name>`` on one line, or ``THE PRINCIPAL:`` with the name on the lines below it
    (up to the signature labels)."""
    pat = re.compile(rf"(?m)^[ \t]*(?:(?i:the)[ \t]+)?{_role_pattern(role)}[ \t]*:[ \t]*(?P<rest>[^\n]*)$")
    for m in pat.finditer(text, start):
        rest = m.group("rest").strip()
        if rest:
            name = _as_name(rest)
            if name:
                return name, m.start("rest")
            continue
        lines: list[str] = []
        pos = m.end() + 1
        first = pos
        while len(lines) < 2 and pos < len(text):
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if _LABEL_NEXT.match(text, pos):
                break
            lines.append(text[pos:end])
            pos = end + 1
        name = _as_name(" ".join(lines)) if lines else None
        if name:
            return name, first + len(text[first:]) - len(text[first:].lstrip())
    return None


_SIDE_HEADS = re.compile(r"(?m)^[ \t]*(?P<heads>(?:(?:THE[ \t]+|The[ \t]+)?[A-Z][A-Za-z\-]{2,20}(?:[ \t][A-Z][A-Za-z]{1,12})?[ \t]*:[ \t]*){2,3})$")
_SECOND_HEAD = re.compile(r":[ \t]+(?:THE[ \t]+|The[ \t]+)?[A-Z][A-Za-z\-]{2,20}(?:[ \t][A-Z][A-Za-z]{1,12})?[ \t]*:[ \t]*(?:\n|$)")
_HEAD_WORD = re.compile(r"(?:(?:THE|The)[ \t]+)?(?P<role>[A-Z][A-Za-z\-]{2,20}(?:[ \t][A-Z][A-Za-z]{1,12})?)[ \t]*:")
_BLOCK_END = re.compile(r"(?m)^[ \t]*(?:By|BY|Name|NAME|Signature|SIGNATURE|/[sS]/|ATTEST|Attest|Witness|WITNESS)\b")


def side_heads(text: str, start: int) -> Iterator[list[tuple[str, str, int]]]:
    """Role headings set side by side over signature blocks (``FRANCHISEE: FRANCHISOR:``) with the signing
    entities listed below them, one per line, before the first signature line: the n-th entity is the n-th
    heading's. Yields ``[(heading, name, offset), ...]`` per such line, only when the entities and the
    headings are as many."""
    for hit in _SECOND_HEAD.finditer(text, start):  # a cheap scan for the second heading of a line
        m = _SIDE_HEADS.match(text, text.rfind("\n", 0, hit.start()) + 1)
        if m is None or m.start() < start:
            continue
        heads = [h.group("role") for h in _HEAD_WORD.finditer(m.group("heads"))]
        end = _BLOCK_END.search(text, m.end(), min(len(text), m.end() + 600))
        if end is None:
            continue
        names = _entities_below(text, m.end(), end.start())
        if len(names) == len(heads):
            yield [(h, n, at) for h, (n, at) in zip(heads, names)]


def _from_side_heads(text: str, role: str, start: int) -> tuple[str, int] | None:
    want = re.compile(_role_pattern(role))
    for pairs in side_heads(text, start):
        for head, name, at in pairs:
            if want.fullmatch(head):
                return name, at
    return None


_PRONOUNS = frozenset({"you", "your", "we", "us", "our"})
_LINE = re.compile(r"(?m)^[ \t]*(?P<l>[^\n]+)$")


def _entities_below(text: str, a: int, b: int) -> list[tuple[str, int]]:
    """The entity names that open the lines of ``text[a:b]`` (a wrapped description line holds none)."""
    out = []
    for line in _LINE.finditer(text, a, b):
        ent = ENTITY.match(line.group("l"))
        if ent is not None:
            name = ent.group("name").strip(" ,")
            if _as_name(name):
                out.append((name, line.start("l")))
    return out


def _the_other_signer(principal: list[Draft], others: list[Draft], d: Draft) -> tuple[str, int] | None:
    """For a party "named on the signature page": the one entity signing there that is no other party. A
    signature line holding two names side by side ("THE BUTLER COMPANY BIOPURE CORPORATION") gives the part
    that is not the known party's name."""
    known = [p.name for p in principal if p is not d and not p.placeholder]
    found: list[tuple[str, int]] = []
    for o in others:
        if "signature" not in o.sources or not o.spans:
            continue
        name, at = o.name, o.spans[0].start
        for k in known:
            if name.lower().endswith(" " + k.lower()):
                name = name[: -len(k)].strip(" ,")
            elif name.lower().startswith(k.lower() + " "):
                at, name = at + len(name) - len(name[len(k) :].lstrip(" ,")), name[len(k) :].strip(" ,")
        if any(norm(name) == norm(k) for k in known) or not ENTITY.search(name) or not _as_name(name):
            continue
        found.append((name, at))
    return found[0] if len(found) == 1 else None


def name_role_parties(text: str, principal: list[Draft], others: list[Draft], preamble_end: int) -> list[Draft]:
    """Give each principal party known only by a role the preamble says is named elsewhere the name written
    there; a draft the signature reader made for that name is folded in. Returns ``others`` without the
    drafts folded in."""
    for d in principal:
        role = d.role or next((a for a in d.aliases if norm(a) == norm(d.name)), None) \
            or next((a for a in d.aliases if a.lower() not in _PRONOUNS), None)  # "Franchisee", not "you"
        if not role or norm(d.name) not in {norm(role), norm(role + "s"), norm(role.rstrip("s"))} or not d.spans:
            continue
        at = d.spans[0].start
        pointed = _POINTER.search(text, max(0, at - 200), at + 200)
        found = None
        for r in dict.fromkeys((role, role.rstrip("s"))):
            found = _from_signature_alias(text, r, preamble_end) or _from_role_line(text, r, preamble_end) \
                if pointed else None
            found = found or _from_side_heads(text, r, d.spans[0].end)
            if found:
                break
        if found is None and pointed is not None and "signature" in pointed.group(0).lower():
            found = _the_other_signer(principal, others, d)
        if found is None:
            continue
        name, pos = found
        aliases = [a for a in (d.name, *d.aliases) if a and norm(a) != norm(name)]
        d.name, d.placeholder = name, False
        d.aliases = list(dict.fromkeys(aliases))
        d.role = d.role or role
        d.spans.append(Span(start=pos, end=pos + len(name), label="name"))
        twin = next((o for o in others if norm(o.name) == norm(name)), None)
        if twin is not None:
            d.signatories.extend(s for s in twin.signatories if s not in d.signatories)
            d.spans.extend(twin.spans)
            d.sources |= twin.sources
            others = [o for o in others if o is not twin]
    return others
