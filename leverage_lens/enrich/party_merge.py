"""Draft parties as the readers find them, and the merger that folds repeat sightings into one party.

Every reader (cover page, preamble, signature blocks) produces :class:`Draft` objects; :func:`merge` folds a
new sighting into the draft it names, or reports that it names nobody yet. The merger is deliberately
conservative: two sightings are one party only when their names match (exactly, or rapidfuzz ratio >= 88
after :func:`~.party_names.norm`) and their roles do not disagree, so a buyer and its supplier with similar
names, or two cover-page roles sharing a blank placeholder, stay two parties.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Signatory, Span
from .party_names import ENTITY, ROLE_WORDS, norm

__all__ = ["Draft", "merge", "find_draft", "same_name"]


@dataclass
class Draft:
    """A party as read so far. ``sources`` says which readers saw it ("cover", "preamble", "head", "later",
    "signature"); ``principal`` is decided at the end from them."""

    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    spans: list[Span] = field(default_factory=list)
    sources: set[str] = field(default_factory=set)
    entity_type: str | None = None
    jurisdiction: str | None = None
    kind: str | None = None
    signatories: list[Signatory] = field(default_factory=list)
    has_alias_group: bool = False
    placeholder: bool = False  # the name is a blank to fill in ("{customer_name}", "[Investor Name]")
    #: The preamble names this party only as "each of the persons set forth on the signature page hereto
    #: (each, an "Investor")": those who sign there without being introduced are the party, one each.
    signers: bool = False

    def keys(self) -> list[str]:
        return [k for k in (norm(self.name), *(norm(a) for a in self.aliases)) if k]


def _roles_clash(a: str | None, b: str | None) -> bool:
    return bool(a and b and a.lower() != b.lower())


_FILLER = frozenset({"the", "and", "of"})


_FORMS = (("llc", re.compile(r"\b(?:llc|l\.l\.c)\.?$", re.I)), ("llp", re.compile(r"\b(?:llp|l\.l\.p)\.?$", re.I)),
          ("lp", re.compile(r"\b(?:lp|l\.p)\.?$", re.I)), ("ltd", re.compile(r"\b(?:ltd|limited)\.?$", re.I)),
          ("corp", re.compile(r"\b(?:inc|incorporated|corp|corporation)\.?$", re.I)))


def _form(name: str) -> str | None:
    tail = name.strip(" ,.")
    return next((f for f, p in _FORMS if p.search(tail)), None)


def other_form(a: str, b: str) -> bool:
    """True when two names end in different legal forms ("Delta Beta Advisors, LP" and "Delta Beta
    Advisors, LLC": a fund and its general partner are two entities)."""
    fa, fb = _form(a), _form(b)
    return bool(fa and fb and fa != fb)


_INITIALS = re.compile(r"^(?:[a-z] )+[a-z]\b")


def _initials(key: str) -> str:
    """A name key whose leading initials are run together ("a b watley" -> "ab watley"); only leading ones,
    so "partners g p" and "partners ugp" stay apart."""
    m = _INITIALS.match(key)
    return key if m is None else m.group(0).replace(" ", "") + key[m.end() :]


def same_name(a: str, b: str) -> bool:
    """True when two name keys (:func:`~.party_names.norm`) are one name, allowing a misprint
    ("Stremick's Heritage Foods" / "STREMICKS HERITAGE FOODS") but never a distinguishing word: one name
    holding the other plus a word ("Harvest Small Cap Partners" / "... Partners GP", "Vivint" / "Vivint
    Solar") or a different word ("Nanjing Tuniu Technology" / "Beijing Tuniu Technology") is another
    entity, as related companies are named."""
    if a == b:
        return True
    a, b = _initials(a), _initials(b)  # "A.B. Watley" is "AB Watley"
    if a == b:
        return True
    if fuzz.ratio(a, b) < 88:
        return False
    ta, tb = set(a.split()) - _FILLER, set(b.split()) - _FILLER
    if ta == tb:
        return True
    if ta < tb or tb < ta:
        return False
    return fuzz.ratio(" ".join(sorted(ta - tb)), " ".join(sorted(tb - ta))) >= 70


def find_draft(drafts: list[Draft], name: str, role: str | None = None) -> Draft | None:
    """The draft ``name`` names (exact or close name or alias), unless its role says it is another party."""
    key = norm(name)
    if not key:
        return None
    for d in drafts:
        if _roles_clash(d.role, role):
            continue
        if any(same_name(key, n) for n in d.keys()) and not other_form(name, d.name):
            return d
    return None


_PLACEHOLDER = re.compile(r"^[\[{].*[\]}]$")


def _holds_role(d: Draft, role: str | None) -> bool:
    return bool(role) and any(a.lower() == role.lower() for a in d.aliases)  # type: ignore[union-attr]


# An upper-case role word a cover page or signature block sets before the entity it labels:
# '"RESELLER"  MTI TECHNOLOGY CORPORATION', 'LICENSEE ACME INC.'.
_ROLE_PREFIX = re.compile(r"[\"\u201c]?(?P<role>[A-Z]{4,}(?:[ \t][A-Z])?)[\"\u201d]?:?[ \t]+(?=[A-Z0-9])")


def _split_role_prefix(new: Draft) -> None:
    """Move a role word glued before a name into the draft's role: the name is what follows it."""
    m = _ROLE_PREFIX.match(new.name)
    if m is None or new.placeholder or m.group("role").lower() not in ROLE_WORDS or m.group("role") == "COMPANY":
        return
    rest = new.name[m.end() :]
    if len(rest.split()) < 2 or not ENTITY.search(rest):
        return
    role = m.group("role").title()
    new.name = rest
    new.spans = [Span(start=sp.start + m.end(), end=sp.end, label=sp.label) if sp.label == "name" else sp
                 for sp in new.spans]
    new.role = new.role or role
    if role not in new.aliases:
        new.aliases.append(role)


def merge(drafts: list[Draft], new: Draft) -> Draft:
    """Fold ``new`` into the draft it names and return that draft; append it when it names nobody yet.

    A role-only sighting (cover page "CUSTOMER:" with a blank) joins the draft holding that role. Aliases,
    spans, sources, description and signatories accumulate; the first real name wins over a placeholder."""
    _split_role_prefix(new)
    target = find_draft(drafts, new.name, new.role) if not new.placeholder else None
    if target is None and new.role:
        target = next((d for d in drafts if d.role and d.role.lower() == new.role.lower()), None)
    if target is None and new.placeholder:
        target = find_draft([d for d in drafts if d.placeholder or not d.role], new.name, new.role)
        if target is not None and target.role and new.role is None and new.name == target.name \
                and not _holds_role(new, target.role):
            target = None  # a blank shared by two roles ("{company_name}") names neither
    if target is None and new.role is None:  # '[Legal name] (the "Company")' and a cover row "Company"
        target = next((d for d in drafts if d.role and (d.placeholder or d.name == d.role) and _holds_role(new, d.role)),
                      None)
    if target is None:
        drafts.append(new)
        return new
    if target.placeholder and new.placeholder and target.name == target.role and _PLACEHOLDER.match(new.name):
        target.name = new.name  # a blank to fill in says more than the bare role
    if target.placeholder and not new.placeholder:
        if target.name not in target.aliases and not _PLACEHOLDER.match(target.name):
            target.aliases.append(target.name)
        target.name, target.placeholder = new.name, False
    for al in ([new.name] if new.name != target.name and "signature" in new.sources and not new.placeholder
               else []) + new.aliases:
        if al != target.name and al not in target.aliases:
            target.aliases.append(al)
    target.role = target.role or new.role
    target.spans.extend(new.spans)
    target.sources |= new.sources
    target.has_alias_group |= new.has_alias_group
    target.entity_type = target.entity_type or new.entity_type
    target.jurisdiction = target.jurisdiction or new.jurisdiction
    target.kind = target.kind or new.kind
    for s in new.signatories:
        if s not in target.signatories:
            target.signatories.append(s)
    return target
