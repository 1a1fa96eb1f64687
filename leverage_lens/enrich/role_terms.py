"""Role names a contract defines for a party: '"Distributor" means Siemens, its Affiliates, ...'.

Many agreements introduce a party by its own name in the preamble ("SIEMENS AKTIENGESELLSCHAFT ... ('Siemens')")
and give it its role only in the definitions section ('"Distributor" means Siemens, its Affiliates, or any Third
Party which has been granted distribution rights'). The operative clauses then speak of the role ("Distributor
shall not ..."). Unless the role is known as the party's alias, every duty and right of those clauses reads as
nobody's, or as the other party's when it is the nearest name. This module finds such definitions and adds the
role to the party's aliases before mentions and obligations are read.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..model import Definition, Party
from .party_names import ROLE_WORDS
from .party_pronouns import is_pronoun

__all__ = ["with_addressee", "with_captioned_roles", "with_role_terms"]

#: What may stand between a definition's term and the party's name: '" means', '" shall mean', ', collectively,'.
_MEANS = re.compile(r"""[\s"'\u201c\u201d\u2019)]*(?:,\s*)?(?:shall\s+)?(?:means?|refers?\s+to)\s*[,:]?\s*(?:collectively,?\s*)?"""
                    r"""(?:the\s+)?""", re.IGNORECASE)
#: Terms that name a kind of party, never one party: they are never made an alias.
_GENERIC = frozenset({"party", "parties", "affiliate", "affiliates", "person", "persons", "third party",
                      "third parties", "each party", "either party", "other party", "agreement"})
_HEAD = 120


def with_role_terms(text: str, parties: Sequence[Party], definitions: Sequence[Definition]) -> list[Party]:
    """``parties`` with the role names the definitions give a principal party added to its aliases.

    A definition counts when its body opens with one principal party's name or alias (not its possessive:
    '"Accuray Regions" means Accuray's sales regions' defines no role) and names no other principal party in
    its first words; the term must be a short capitalised name that is not already another party's."""
    principal = [p for p in parties if p.principal]
    if len(principal) < 2:
        return list(parties)
    names = {p.id: sorted({n for n in (p.name, *p.aliases) if n and len(n) > 1}, key=len, reverse=True)
             for p in principal}
    taken = _taken(parties)
    added: dict[str, list[str]] = {}
    for d in definitions:
        term = " ".join(d.term.split())
        if d.style != "quoted" or term.lower() in _GENERIC or term.lower() in taken:
            continue
        if len(term.split()) > 4 or not term[:1].isupper():
            continue
        body_start = d.term_span.end
        m = _MEANS.match(text, body_start, min(len(text), body_start + 60))
        if m is None or m.end() == body_start:
            continue
        head = text[m.end(): min(d.end, m.end() + _HEAD)]
        owner = _opening_party(head, names)
        if owner is None:
            continue
        added.setdefault(owner, []).append(term)
        taken.add(term.lower())
    if not added:
        return list(parties)
    return [p.model_copy(update={"aliases": [*p.aliases, *added[p.id]]}) if p.id in added else p for p in parties]


def _taken(parties: Sequence[Party]) -> set[str]:
    """Every name, alias and role the parties already have (lower-cased): never given to another party."""
    return {n.lower() for p in parties for n in (p.name, *p.aliases, p.role or "") if n}


def _opening_party(head: str, names: dict[str, list[str]]) -> str | None:
    """The principal party whose name opens ``head`` when no other principal party is named in it."""
    owner = None
    for pid, ns in names.items():
        for n in ns:
            if re.match(re.escape(n) + r"(?![\w'\u2019])", head, re.IGNORECASE):
                owner = pid
                break
    if owner is None:
        return None
    for pid, ns in names.items():
        if pid != owner and any(re.search(r"\b" + re.escape(n) + r"\b", head, re.IGNORECASE) for n in ns):
            return None
    return owner


_YOU = re.compile(r"\byou(?:rs?)?\b", re.IGNORECASE)
#: How often a contract must say "you" before it is read as addressed to one of its parties.
ADDRESSED = 10


def with_addressee(text: str, parties: Sequence[Party]) -> list[Party]:
    """``parties`` with "you"/"your" added to the person a letter-form agreement is addressed to.

    Service and consulting letters ("If at any time ... you cease to have the right to work in the United
    Kingdom the Company may ...") name the company and the person in the preamble and then speak to the
    person as "you" without defining it. Unless "you" is known as that person's name, every duty of the
    letter reads as nobody's, or as the company's when it is the nearest name ("You hereby agree with the
    Company that ... you will not compete" read against the Company). Added only when there are exactly two
    principal parties, one an organisation and the other not, no party already has a pronoun for a name,
    and the text says "you" at least :data:`ADDRESSED` times."""
    principal = [p for p in parties if p.principal]
    if len(principal) != 2 or any(is_pronoun(a) for p in parties for a in p.aliases):
        return list(parties)
    people = [p for p in principal if p.kind != "organisation"]
    if len(people) != 1 or len(_YOU.findall(text)) < ADDRESSED:
        return list(parties)
    person = people[0]
    return [p.model_copy(update={"aliases": [*p.aliases, "you", "You", "your", "Your"]}) if p.id == person.id else p
            for p in parties]


#: How far into the text the first page's captions and labels are looked for.
_HEAD_CHARS = 4000
#: "Party A: Xi'an Zhonghong ...", "Licensee: Acme Corp." (a caption, then the party's name).
_CAPTION = re.compile(r"(?P<role>\bParty[ \t]+[A-D]\b|\b[A-Z][A-Za-z-]+)[ \t]*[:\uff1a][ \t]*(?:\(\d\)[ \t]*)?")
#: A quoted label: '"Licensor"', '“NLS”'.
_LABEL = re.compile(r"[\"\u201c](?P<term>[A-Z][\w&.-]*(?:[ \t][A-Z][\w&.-]*)?)[\"\u201d]")


def with_captioned_roles(text: str, parties: Sequence[Party]) -> list[Party]:
    """``parties`` with the roles the first page gives them outside the usual '("Licensor")' after the name:
    a caption before the name ("Party A: Xi'an Zhonghong New Energy Technology Co., Ltd."), or a quoted label
    after the party's address, before the next party is named ('NLS-1 Pharma AG Alter Postplatz 2 6370 Stans
    Switzerland "Licensor" / "NLS" and Eurofarma ...'). Without them every "Party A shall" and "Licensee
    may" reads as nobody's. Only role words ("Licensor", "Party B", "Supplier": the party finder's list) and
    abbreviations of the party's own name are taken; a term already another party's name, alias or role
    never is."""
    principal = [p for p in parties if p.principal]
    if len(principal) < 2:
        return list(parties)
    head = text[:_HEAD_CHARS]
    low = head.lower()
    taken = _taken(parties)
    added: dict[str, list[str]] = {}

    def take(pid: str, term: str) -> None:
        if term.lower() not in taken and term.lower() not in _GENERIC:
            added.setdefault(pid, []).append(term)
            taken.add(term.lower())

    for m in _CAPTION.finditer(head):
        role = " ".join(m.group("role").split())
        if role.lower() not in ROLE_WORDS:
            continue
        for p in principal:
            if any(n and len(n) > 3 and low.startswith(n.lower(), m.end()) for n in (p.name, *p.aliases)):
                take(p.id, role)
                break
    firsts = sorted(((i, p) for p in principal if p.name and (i := low.find(p.name.lower())) >= 0),
                    key=lambda t: t[0])
    for k, (i, p) in enumerate(firsts):
        end = min(firsts[k + 1][0] if k + 1 < len(firsts) else len(head), i + len(p.name) + 300)
        for m in _LABEL.finditer(head, i + len(p.name), end):
            term = m.group("term")
            if term.lower() in ROLE_WORDS or p.name.lower().startswith(term.lower()) and len(term) >= 2:
                take(p.id, term)
    if not added:
        return list(parties)
    return [p.model_copy(update={"aliases": [*p.aliases, *added[p.id]]}) if p.id in added else p for p in parties]
