"""The preamble reader: ``This Agreement is made by and between Acme Corporation, a Delaware corporation
("Acme" or the "Company"), and Beta LLC ("Distributor") ...``.

Each bracketed alias group closes one party, whose name is the entity just before it (or a blank to fill in,
``[Investor Name]``); entities with a legal suffix and no group are parties too; ``X is referred to as
"Licensor"`` adds an alias. Where a sighting sits decides how much it is trusted (``Draft.sources``):

* ``preamble`` -- from the first "between"/"among" (or the opening words when there is none) to the recitals;
* ``head`` -- the title lines before that "between": only entities count there, so ``dated as of May 1
  ("Effective Date")`` never becomes a party;
* ``later`` -- a second or third "between" further down (an amendment restating the original parties, a
  side agreement quoted in a recital): such names merge into a principal party or are reported as named only.
"""

from __future__ import annotations

import re

from ..model import Span
from .party_merge import Draft, merge
from .party_names import ENTITY, ROLE_WORDS, clean_name, describe, entities, is_place, norm, widen
from .party_pronouns import is_pronoun

__all__ = ["read_preamble", "NOT_PARTY", "GENERIC_ALIASES"]

#: Defined terms in a preamble that are never a party.
NOT_PARTY = frozenset(
    {"agreement", "effective date", "services", "service", "products", "product", "term", "territory",
     "exhibit", "schedule", "amendment", "contract", "license", "parties", "party", "background", "recitals",
     "date", "plan", "shares", "offering", "act", "confidential information", "commencement date",
     "execution date", "signing date", "closing date", "gaap", "sec", "commission", "exchange act",
     "securities act", "code", "erisa", "irs"}
)
GENERIC_ALIASES = frozenset({"party", "parties", "each party", "either party", "both parties"})

_START = re.compile(r"\b(?:by\s+and\s+(?:between|among)|between|among|BETWEEN|AMONG)\b:?", re.IGNORECASE)
_PREAMBLE_END = re.compile(
    r"\b(?:WHEREAS|RECITALS|W\s?I\s?T\s?N\s?E\s?S\s?S\s?E\s?T\s?H|NOW,?\s+THEREFORE|BACKGROUND|"
    r"IN\s+CONSIDERATION|The\s+parties\s+(?:hereby\s+)?agree)\b"
)
_ALIAS_GROUP = re.compile(r"\((?P<body>[^()]{0,200}?[\"\u201c\u201d'\u2018][^()]{0,200}?|[A-Z][A-Za-z0-9&\-]{1,15})\)")
_QUOTED = re.compile(
    r"[\"\u201c\u201d](?P<t>[^\"\u201c\u201d\n]{1,60}?)[,.]?[\"\u201d\u201c]"
    r"|(?<![\w])['\u2018](?P<t2>(?:the\s+)?[A-Z][^'\u2018\u2019\n]{0,40}?)['\u2019](?![\w])"
)
_LEAD = re.compile(r"^[\s,;:]*(?:and|&)?[\s,;:]*(?:\(\d+\)|\([a-z]\)|\d\.)?\s*", re.IGNORECASE)
_CAPS_BEFORE = re.compile(
    r"(?<![.\w])\s*(?P<name>(?:[A-Z][\w&\-']*\.?[ \t]+){0,5}[A-Z][\w&\-']*\.?)[\s,]*$"
)
# A blank standing for a name, then at most a description: "[Company Name], a [State] corporation".
_BLANK_BEFORE = re.compile(
    r"(?P<name>[\[{][^\[\]{}\n]{2,60}[\]}])(?:,?\s+(?:an?|the)\s+[^()\[\]{}]{0,40}(?:[\[{][^\[\]{}\n]{1,40}[\]}]"
    r"[^()\[\]{}]{0,40})?)?[\s,]*$"
)
_CALLED = re.compile(
    r"\b(?:referred\s+to|called|designated|known)\s+(?:herein(?:after)?\s+|hereafter\s+|"
    r"in\s+this\s+(?:Agreement|Contract)\s+)?as\s+(?:the\s+)?"
    r"[\"\u201c'\u2018]?(?P<alias>[A-Z][\w\-]+)"
)
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&\-]{1,15}")
NOT_A_NAME = re.compile(r"\b(?:AGREEMENT|Agreement|EXHIBIT|Exhibit|Schedule|SCHEDULE|Section|Article|ARTICLE)\b")
# The name a party chunk opens with, when a description follows it: "Detto Technologies, a Washington
# company with business at ..., Bellevue, Washington 98007".
_LEAD_NAME = re.compile(
    r"(?P<name>[A-Z][\w&.'\-]*(?:[ \t]+(?:[A-Z][\w&.'\-]*|of|and|&|de|la|du|for)){0,6}?)(?=,[ \t]+(?:an?|the)[ \t]|"
    r",[ \t]+(?:with|having|located|whose)[ \t])"
)
_NOT_FIRST = frozenset({"This", "THIS", "The", "THE", "WHEREAS", "Whereas", "Agreement", "AGREEMENT", "Dated"})
_CONJ = re.compile(r",?\s+(?:and|&)\s+(?=\S)")


def _windows(text: str) -> list[tuple[int, int, str]]:
    """Up to three stretches that introduce the parties: the opening words to the recitals, then any
    further "between"/"among" stretch. Each comes with the label of its later half (see module doc)."""
    head_end = _PREAMBLE_END.search(text, 0, min(len(text), 5000))
    wins: list[tuple[int, int, str]] = [(0, head_end.start() if head_end else min(len(text), 3000), "preamble")]
    for m in _START.finditer(text, 0, min(len(text), 15000)):
        if m.start() < wins[-1][1]:
            continue
        end_m = _PREAMBLE_END.search(text, m.end(), min(len(text), m.end() + 4000))
        wins.append((m.start(), end_m.start() if end_m else min(len(text), m.end() + 2500), "later"))
        if len(wins) == 3:
            break
    return wins


def aliases_in(body: str) -> list[str]:
    """The defined names in an alias group body (quoted words, or a bare acronym), minus generic ones."""
    out = []
    for q in _QUOTED.finditer(body):
        a = (q.group("t") or q.group("t2") or "").strip(" ,.")
        a = re.sub(r"^(?:the|The)\s+", "", a)
        if a and a.lower() not in NOT_PARTY and a.lower() not in GENERIC_ALIASES and len(a.split()) <= 5:
            out.append(a)
    if not out:
        acro = _ACRONYM.fullmatch(body.strip())
        if acro and not _ROMAN.fullmatch(acro.group(0)):
            out.append(acro.group(0))
    return out


def _name_from_chunk(chunk: str) -> tuple[str, int, bool] | None:
    """The party name in a preamble chunk (text before an alias group): name, offset, whether a blank."""
    lead = _LEAD.match(chunk)
    pos = lead.end() if lead else 0
    if _unnamed_last_conjunct(chunk, pos):
        return None
    rest = chunk[pos:]
    blank = _BLANK_BEFORE.search(rest)  # the blank right before the group: "by [Investor Name] (the "Investor")"
    if blank:
        return blank.group("name"), pos + blank.start("name"), True
    ent = next((e for e in ENTITY.finditer(rest) if norm(e.group("name"))), None)  # not a bare "Company"
    if ent:
        name, cut = clean_name(ent.group("name"))
        start = widen(rest, ent.start() + cut)
        name = rest[start : ent.start() + cut] + name
        return name.strip(" ,"), pos + start, False
    lead = _LEAD_NAME.match(rest)
    if lead and not NOT_A_NAME.search(lead.group("name")) and not is_place(lead.group("name")) \
            and lead.group("name").split()[0] not in _NOT_FIRST:
        return lead.group("name"), pos + lead.start("name"), False
    cap = _CAPS_BEFORE.search(rest)
    if cap is None or NOT_A_NAME.search(cap.group("name")) or cap.group("name") in ("The", "This") \
            or is_place(cap.group("name")):
        return None
    return cap.group("name"), pos + cap.start("name"), False


def _unnamed_last_conjunct(chunk: str, pos: int) -> bool:
    """True when the party nearest an alias group has no name: after the last "and" that follows an entity
    comes only lower-case description.

    In ``between Acme, Inc., a Florida corporation, and the individual named on the cover page ("Franchisee")``
    the group defines the individual, not Acme: the role must come from the party's own parenthetical. Only an
    all-lower-case tail counts, since addresses ("Basel, Switzerland and ...") also hold "and"."""
    conj = list(_CONJ.finditer(chunk, pos))
    if not conj or re.search(r"[A-Z]", chunk[conj[-1].end() :]):
        return False
    return bool(entities(chunk, pos, conj[-1].start()))


def _continues(text: str, a: int, b: int, last: Draft) -> bool:
    """True when ``text[a:b]`` only goes on describing the party named last, ending in a place
    ("..., a company of Copenhagen, Denmark"), so the alias group after it belongs to that party."""
    chunk = text[a:b]
    end = max((sp.end for sp in last.spans if sp.label == "name"), default=-1)
    cap = _CAPS_BEFORE.search(chunk)
    return (0 <= a - end <= 300 and chunk.lstrip()[:1] == "," and cap is not None and is_place(cap.group("name"))
            and not re.search(r"\b(?:and|&)\s+[A-Z]", chunk))


def _describe_into(d: Draft, text: str, end: int) -> None:
    etype, juris, kind = describe(text[end : end + 200])
    d.entity_type = d.entity_type or etype
    d.jurisdiction = d.jurisdiction or juris
    d.kind = d.kind or kind


def read_preamble(text: str, drafts: list[Draft]) -> None:
    """Add the parties the preamble names to ``drafts`` (merging repeat sightings)."""
    first_between: int | None = None
    for a, b, label in _windows(text):
        start_m = _START.match(text, a)
        if label == "preamble":
            sm = _START.search(text, a, b)
            first_between = sm.start() if sm else None
        cursor = start_m.end() if start_m else a

        def where(pos: int) -> str:
            if label == "later":
                return "later"
            return "head" if first_between is not None and pos < first_between else "preamble"

        for g in _ALIAS_GROUP.finditer(text, cursor, b):
            aliases = aliases_in(g.group("body"))
            chunk_start, cursor = cursor, g.end()
            if not aliases:
                continue
            found = _name_from_chunk(text[chunk_start : g.start()])
            last = drafts[-1] if drafts and label != "later" else None
            if found is None and last is not None and _continues(text, chunk_start, g.start(), last):
                for al in aliases:  # "Munksgaard A/S, a company of Copenhagen, Denmark ("Publishers")"
                    if al not in last.aliases and al != last.name:
                        last.aliases.append(al)
                last.spans.append(Span(start=g.start(), end=g.end(), label="alias"))
                last.has_alias_group = True
                continue
            if found is None:  # the alias is all the name we have ("[***] (the "Provider")")
                best = next((x for x in aliases if not is_pronoun(x)), aliases[0])  # "Franchisee", not "you"
                found = (best, g.start("body") - chunk_start + g.group("body").find(best), False)
            name, off, blank = found
            if blank and "name" not in name.lower() and not any(x.lower() in ROLE_WORDS for x in aliases):
                continue  # "Statement of Work {sow_number} ("SOW")": a blank, but not a party's
            ns = chunk_start + off
            d = Draft(name=name, aliases=aliases, sources={where(ns)}, has_alias_group=True, placeholder=blank,
                      spans=[Span(start=ns, end=ns + len(name), label="name"),
                             Span(start=g.start(), end=g.end(), label="alias")])
            _describe_into(d, text, ns + len(name))
            merge(drafts, d)
        for e in entities(text, a, b):
            name, cut = clean_name(e.group("name"))
            ns = widen(text, e.start("name") + cut)
            name = (text[ns : e.start("name") + cut] + name).strip(" ,")
            if NOT_A_NAME.search(name):
                continue
            src = where(ns)
            if src == "head" and ns > 1000 or src == "preamble" and ns > (first_between or 0) + 1000:
                src = "later"  # no "between": a bare entity deep in the opening page is only named there
            d = Draft(name=name, sources={src}, spans=[Span(start=ns, end=ns + len(name), label="name")])
            _describe_into(d, text, ns + len(name))
            merge(drafts, d)
        for r in _CALLED.finditer(text, a, b):
            alias = r.group("alias")
            before = [d for d in drafts if d.spans and d.spans[0].start < r.start()]
            if before and alias.lower() not in NOT_PARTY and alias.lower() not in GENERIC_ALIASES:
                owner = max(before, key=lambda d: max(x.start for x in d.spans if x.start < r.start()))
                if alias not in owner.aliases:
                    owner.aliases.append(alias)
                    owner.spans.append(Span(start=r.start(), end=r.end(), label="alias"))
