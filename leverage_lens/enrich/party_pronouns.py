"""Resolve the pronoun parties of franchise and consumer-style contracts ("we", "us", "you", "your").

Such contracts define a party as a pronoun, often with a blank for its name (``__________ ("you")``), and
say elsewhere who the pronoun stands for: ``"we," "us" and "our" refers to Acme, Inc., the franchisor``,
``The franchisee ("you") includes ...``, or a signature block headed ``FRANCHISOR:``. Without that link the
party is called "you" with no role, and a clause favouring "the Franchisor" names nobody. These helpers work
on the draft parties of :mod:`leverage_lens.enrich.parties`: they keep the pronoun as an alias, fold a
pronoun-only draft into the named party it stands for, and give a party the role the text states for it.
"""

from __future__ import annotations

import re
from typing import Protocol, TypeVar

from rapidfuzz import fuzz

from ..model import Span

__all__ = ["PRONOUNS", "is_pronoun", "link_pronouns"]

#: Pronouns a contract may define as a party.
PRONOUNS = frozenset({"we", "us", "our", "ours", "you", "your", "yours"})

_Q = r"[\"\u201c\u201d]"
_PRON = r"(?:we|us|our|ours|you|your|yours)"
# "we," "us" and "our" refers to Pizza Fusion Holding, Inc., the franchisor.
_REFERS = re.compile(
    rf"(?P<list>{_Q}(?i:{_PRON})[,.]?{_Q}(?:[\s,]*(?:and|or)?\s*{_Q}(?i:{_PRON})[,.]?{_Q}){{0,5}})"
    r"\s*(?:shall\s+|will\s+|each\s+|as\s+used\s+herein\s+)?(?:refers?|means?|mean)\s+(?:to\s+)?"
)
# Where the target of "refers to" ends: a full stop that does not close a legal abbreviation, or punctuation.
_TARGET_END = re.compile(
    r"(?<!\bInc)(?<!\bCorp)(?<!\bCo)(?<!\bLtd)(?<!\bL\.P)(?<!\bN\.A)(?<!L\.L\.C)\.(?:\s|$)|[;:\n\"\u201c\u201d(]"
)
_APPOS = re.compile(r",\s+(?:the|its|our|as)\s+(?P<role>[A-Za-z\-]+)\s*$", re.IGNORECASE)
_PAREN_START = re.compile(r"\(\s*[\"\u201c](?:you|You|YOU|we|We|WE|us|Us|US)\b")
_PRON_IN = re.compile(rf"{_Q}(?P<p>(?i:{_PRON}))[,.]?{_Q}")
# The franchisee ("you") ...
_ROLE_PAREN = re.compile(
    rf"\b(?:[Tt]he\s+)?(?P<role>[A-Za-z\-]+)\s*\(\s*(?P<list>{_Q}(?i:{_PRON})[,.]?{_Q}"
    rf"(?:[\s,]*(?:and|or)?\s*{_Q}(?i:{_PRON})[,.]?{_Q}){{0,5}})\s*\)"
)
# FRANCHISOR:   [ATTEST:]   BW-3 FRANCHISE SYSTEMS, INC.   -- a role heading over a signature name.
_ROLE_HEADING = re.compile(r"(?m)(?<![A-Za-z])(?P<role>[A-Z][A-Z\-]{3,}):")


class DraftLike(Protocol):
    """The fields of a draft party these helpers read and write."""

    name: str
    aliases: list[str]
    role: str | None
    spans: list[Span]


_D = TypeVar("_D", bound=DraftLike)


def is_pronoun(alias: str) -> bool:
    """True when ``alias`` is a pronoun standing for a party ("you", "We")."""
    return alias.strip().lower() in PRONOUNS


def _key(s: str) -> str:
    s = re.sub(r"^(?:the)\s+", "", s.strip(" ,.").lower())
    s = re.sub(r"[,.]?\s+(?:inc|corp|corporation|llc|ltd|limited|co|company|lp|plc)\.?$", "", s)
    return re.sub(r"[^a-z0-9]+", " ", s).strip()


def _find(drafts: list[_D], target: str) -> _D | None:
    """The draft a phrase names (name, alias or role; fuzzy on names), skipping pronoun-only drafts."""
    key = _key(target)
    if not key:
        return None
    for d in drafts:
        if _pronoun_only(d):
            continue
        names = [_key(d.name), *(_key(a) for a in d.aliases), *([_key(d.role)] if d.role else [])]
        if any(n and (n == key or fuzz.ratio(n, key) >= 88) for n in names):
            return d
    return None


def _pronoun_only(d: DraftLike) -> bool:
    return is_pronoun(d.name) and all(is_pronoun(a) for a in d.aliases)


def _owner_of(drafts: list[_D], pronouns: list[str]) -> _D | None:
    low = {p.lower() for p in pronouns}
    return next((d for d in drafts if low & {a.lower() for a in d.aliases}), None)


def _fold(drafts: list[_D], target: _D, pronouns: list[str], span: Span) -> None:
    """Give ``target`` the pronouns as aliases; a pronoun-only draft holding them merges into it."""
    for d in [d for d in drafts if d is not target and _pronoun_only(d)]:
        if {a.lower() for a in d.aliases} & {p.lower() for p in pronouns}:
            for a in d.aliases:
                if a not in target.aliases:
                    target.aliases.append(a)
            target.spans.extend(d.spans)
            drafts.remove(d)
    for p in pronouns:
        if p.lower() not in {a.lower() for a in target.aliases}:
            target.aliases.append(p)
    target.spans.append(span)


def _set_role(d: DraftLike, role: str, drafts: list[_D], role_words: frozenset[str]) -> None:
    """Give ``d`` the role ``role`` (capitalised) unless it has one or another party holds it."""
    low = role.lower()
    if low not in role_words or any(_role_of(x, role_words) == low for x in drafts):
        return
    if _role_of(d, role_words) is None:
        d.role = low.capitalize()
        if _pronoun_only(d) or is_pronoun(d.name):
            d.name = d.role
        if d.role not in d.aliases:
            d.aliases.append(d.role)


def _role_of(d: DraftLike, role_words: frozenset[str]) -> str | None:
    if d.role:
        return d.role.lower()
    return next((a.lower() for a in d.aliases if a.lower() in role_words), None)


def link_pronouns(text: str, drafts: list[_D], role_words: frozenset[str]) -> None:
    """Resolve pronoun parties in place: explicit "refers to" sentences first, then "the franchisee
    ("you")" parentheticals, then signature headings ("FRANCHISOR:") for parties still without a role."""
    if not any(is_pronoun(a) for d in drafts for a in d.aliases) and not _REFERS.search(text, 0, 30000):
        return
    for m in _REFERS.finditer(text, 0, min(len(text), 60000)):
        prons = [p.group("p").lower() for p in _PRON_IN.finditer(m.group("list"))]
        tail = text[m.end() : m.end() + 120]
        cut = _TARGET_END.search(tail)
        target = tail[: cut.start() if cut else len(tail)].strip(" ,")
        appos = _APPOS.search(target)
        name = target[: appos.start()] if appos else target
        owner = _find(drafts, name)
        if owner is None:
            continue
        _fold(drafts, owner, prons, Span(start=m.start(), end=m.end() + len(target), label="alias"))
        if appos:
            _set_role(owner, appos.group("role"), drafts, role_words)
    for p in _PAREN_START.finditer(text):
        rp = _ROLE_PAREN.search(text, max(0, p.start() - 40), p.end() + 80)
        if rp is None or rp.start("list") > p.end():
            continue
        role = rp.group("role")
        if role.lower() not in role_words:
            continue
        prons = [q.group("p").lower() for q in _PRON_IN.finditer(rp.group("list"))]
        named = _find(drafts, role)
        owner = _owner_of(drafts, prons)
        if named is not None and owner is not None and named is not owner and _pronoun_only(owner):
            _fold(drafts, named, prons, Span(start=rp.start(), end=rp.end(), label="alias"))
        elif owner is not None:
            _set_role(owner, role, drafts, role_words)
    if any(_role_of(d, role_words) is None and any(is_pronoun(a) for a in d.aliases) for d in drafts):
        _roles_from_headings(text, drafts, role_words)


def _roles_from_headings(text: str, drafts: list[_D], role_words: frozenset[str]) -> None:
    """A role heading ("FRANCHISOR:") followed within 200 characters by a party's name, with no other
    heading between, gives that party the role: the first such pairing for a party wins."""
    heads = [h for h in _ROLE_HEADING.finditer(text) if h.group("role").lower() in role_words]
    for i, h in enumerate(heads):
        stop = min(h.end() + 200, heads[i + 1].start() if i + 1 < len(heads) else len(text))
        window = text[h.end() : stop]
        for d in drafts:
            if _role_of(d, role_words) is None and not _pronoun_only(d) and len(d.name) > 3 and d.name.upper() in window.upper():
                _set_role(d, h.group("role"), drafts, role_words)
                break
