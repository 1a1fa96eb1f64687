"""The parties to a contract: names, aliases, roles, descriptions, signatories and the spans that define them.

The readers, in order of trust (each a module of its own):

1. the cover page or order form (:mod:`.party_cover`): roles with a name or a blank, as standard forms have;
2. the preamble (:mod:`.party_preamble`): ``by and between Acme Corporation, a Delaware corporation
   ("Acme" or the "Company"), and ...`` -- names, aliases, entity type and jurisdiction;
3. signature blocks (:mod:`.party_signatures`): the entity that signs and the person signing for it, and the
   role headings over them (``LICENSOR:``);
4. for pronoun parties ("we", "you"), the sentences that say whom they stand for (:mod:`.party_pronouns`).

Repeat sightings merge into one party (:mod:`.party_merge`), never across two roles. A filter then drops
defined terms that are not parties, and decides which parties are *principal* (the sides of the contract)
and which are only named in it (``Party.principal`` is False: an entity in a later "between" stretch, or one
that signs without being introduced once two principal parties are known). Party ids are stable:
principal parties first, ``party-1``, ``party-2``, ... in order of first appearance, then the others.
"""

from __future__ import annotations

import re

from ..model import Party, Span
from .party_cover import read_cover, read_letter_head, read_name_cells, read_role_lines, read_signature_heads
from .party_merge import Draft
from .party_names import ENTITY, ROLE_WORDS, looks_like_person, norm
from .party_preamble import GENERIC_ALIASES, read_preamble
from .party_pronouns import is_pronoun, link_pronouns
from .party_role_names import name_role_parties
from .party_roles import role_of
from .party_signatures import fill_signatories, read_signatures

__all__ = ["find_parties", "ROLE_WORDS", "GENERIC_ALIASES", "norm"]

_ROLEISH = ROLE_WORDS | frozenset(
    "guarantor custodian trustee affiliate underwriter administrator representative bank fund".split())
_JUNK_NAME = re.compile(
    r"^(?:\d+[.)]|[(\[]|\d{1,4}\s+(?-i:[a-z]))|.*\.\s+[A-Z][a-z]+\.\s|.*\s{3,}|.*[a-z]\.\s+(?:The|THE)\s|.*\b(?:IS|ARE|is|are|shall|will)\s|"
    r"^(?:this|such|any|however|whereas|a|an)[\s,]|^(?-i:the|The|THE)\s+(?-i:[a-z])|"
    r"(?-i:.*(?:^|\s)(?:[A-Za-z][a-z]{2,}|[A-Z]{2,})\.\s+[A-Z][a-z]+$)", re.IGNORECASE,
)
# Words that describe a party without naming it: a name made only of these ("Delaware Corporation", "Bank",
# "Limited", "Professional Corporation") is a description caught by the entity pattern, not a party.
_DESCRIPTIVE = frozenset(
    """a an the of and bank company corporation corp inc incorporated limited ltd llc lp llp plc co partnership
    partners trust holdings sa ag nv bv gmbh l p c n v s a national state federal banking general professional
    association liability reserve account central savings mutual group
    cooperative statutory alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada new hampshire jersey mexico york north carolina
    dakota ohio oklahoma oregon pennsylvania rhode island south tennessee texas utah vermont virginia washington
    west wisconsin wyoming columbia cayman islands british virgin bermuda england wales ontario canada
    canadian english china prc usa bvi chinese italian japanese german french swiss dutch korean indian israeli
    irish australian brazilian mexican singapore singaporean hong kong taiwanese swedish danish norwegian
    finnish belgian spanish luxembourg foreign domestic registered deposit exempted
    gp ugp ii iii iv v vi pty ab sa oy as kk""".split()
)
_BLANK = re.compile(r"^(?:\{[^{}]+\}|\[[^\[\]]+\])$")


def find_parties(text: str) -> list[Party]:
    """The parties named in the cover page, preamble and signature blocks of ``text``: principal parties
    first, in order of appearance, then entities the contract only names (``principal=False``)."""
    drafts: list[Draft] = []
    read_cover(text, drafts)
    read_role_lines(text, drafts)
    read_letter_head(text, drafts)
    read_preamble(text, drafts)
    read_name_cells(text, drafts)
    read_signatures(text, drafts)
    read_signature_heads(text, drafts)
    link_pronouns(text, drafts, ROLE_WORDS)  # "you"/"we" -> the named party they stand for
    fill_signatories(text, drafts)
    notes = [m.span() for m in _DRAFTING_NOTE.finditer(text, 0, min(len(text), 30000))] if "rafting" in text else []
    if notes:  # "[Drafting note: ... e.g. "between Rose Apothecaries, Inc. and Vandelay Industries, Inc."]"
        drafts = [d for d in drafts if not any(a <= d.spans[0].start < b for a, b in notes)]
    for d in drafts:
        if not norm(d.name) and d.aliases and not d.placeholder:  # only a suffix was caught ("Ltd."): use the alias
            d.name = d.aliases[0]
    drafts = [d for d in drafts if (norm(d.name).strip("0123456789 ") or d.placeholder or d.role) and (d.placeholder or not _JUNK_NAME.match(d.name))
              and not _descriptive(d)]
    drafts.sort(key=lambda d: min((s.start for s in d.spans), default=0))
    principal = [d for d in drafts if _principal(d) and not _defined_term(d)]
    introduced = [d for d in principal if d.sources & {"cover", "preamble"}]
    if len(introduced) >= 2:  # a title line or exhibit header naming a filer is a side only without a preamble
        principal = introduced
    if len(principal) > 2:  # an acronym defined on its own ("MNDA", "SOW") is a document once two sides are known
        kept = [d for d in principal if not _bare_acronym(d)]
        principal = kept if len(kept) >= 2 else principal
    principal = _signers_for(principal, drafts)
    others = [d for d in drafts if d not in principal and _named_entity(d)]
    if any(d.role or d.aliases for d in principal):  # "The party specified as the Franchisee on SCHEDULE 1"
        read_to = max((sp.end for d in principal for sp in d.spans if sp.label != "signature"), default=0)
        named = [d.name for d in principal]
        others = name_role_parties(text, principal, others, read_to)
        if named != [d.name for d in principal]:
            fill_signatories(text, principal)  # a side named from its signature heading signs under it
    if len(principal) < 2:  # an entity that signs is a side when the preamble gave fewer than two
        signers = [d for d in others if "signature" in d.sources]
        principal += signers[: 2 - len(principal)]
        others = [d for d in others if d not in principal]
    if not principal:
        principal += _roles_by_usage(text, principal)[: 2 - len(principal)]
    if _role_for_the_unaliased(text, principal):
        fill_signatories(text, principal)  # the role now names its signature column ("DISTRIBUTOR")
    out = []
    for i, d in enumerate([*principal, *others], 1):
        role = d.role or role_of(d.name, d.aliases, text)
        kind = d.kind or ("organisation" if ENTITY.search(d.name) or d.entity_type else
                          "person" if looks_like_person(d.name) else None)
        out.append(Party(
            id=f"party-{i}", name=d.name, aliases=list(dict.fromkeys(a for a in d.aliases if a != d.name)),
            role=role.title() if role and (role.islower() or role.isupper() and role.lower() in ROLE_WORDS) else role, spans=d.spans, kind=kind,
            entity_type=d.entity_type, jurisdiction=d.jurisdiction, signatories=d.signatories,
            principal=i <= len(principal), confidence=_confidence(d, i <= len(principal)),
        ))
    return out


_DRAFTING_NOTE = re.compile(r"\[\s*(?i:drafting\s+note)[^\]]{0,3000}\]")
_USAGE = re.compile(r"(?<![Tt]he )(?<![Aa] )(?<![Aa]n )(?<![Ee]ach )(?<![Aa]ny )\b(?P<role>[A-Z][a-z]{3,14})\b")


def _roles_by_usage(text: str, have: list[Draft]) -> list[Draft]:
    """Standard terms with no cover page ("Provider grants Customer a licence ..."): the two role words the
    text uses most as names (capitalised, no article, five times or more) stand for the parties. The
    weakest reading there is: confidence 0.5, and parse health says so."""
    counts: dict[str, tuple[int, int]] = {}
    for m in _USAGE.finditer(text, 0, min(len(text), 60000)):
        w = m.group("role")
        if w.lower() in ROLE_WORDS and w.lower() not in ("service", "user", "member", "company", "principal"):
            n, first = counts.get(w, (0, m.start()))
            counts[w] = (n + 1, first)
    taken = {(d.role or "").lower() for d in have}
    ranked = sorted(((n, -first, w) for w, (n, first) in counts.items() if n >= 5 and w.lower() not in taken),
                    reverse=True)[:2]
    out = []
    for n, neg_first, w in sorted(ranked, key=lambda r: -r[1]):
        out.append(Draft(name=w, role=w, placeholder=True, sources={"usage"},
                         spans=[Span(start=-neg_first, end=-neg_first + len(w), label="usage")]))
    return out


_PAIR_SPAN = 60000


def _role_for_the_unaliased(text: str, principal: list[Draft]) -> bool:
    """A side the preamble names without any alias ("between Tripath Technology, Inc. ("Tripath"), and /
    Uniquest Corporation / <address>") while the text calls it by a role word no party claims ("Tripath
    appoints Distributor as ..."): that role word is its role. Only when exactly one side has no alias and
    exactly one unclaimed role word is used as a name five times or more."""
    bare = [d for d in principal if not d.aliases and not d.role and not d.placeholder and _named_entity(d)]
    if len(bare) != 1 or len(principal) < 2:
        return False
    claimed = {x.lower() for d in principal for x in (d.role, *d.aliases) if x}
    words = [d.role for d in _roles_by_usage(text, []) if d.role and d.role.lower() not in claimed]
    unclaimed = [w for w in words if not any(w.lower() in k.lower() for d in principal for k in (d.name,))]
    others = [re.escape(k) for d in principal if d is not bare[0] for k in (*d.aliases, d.name) if k]
    paired = [w for w in unclaimed if others and re.search(  # "Tripath and Distributor": a side beside a side
        rf"\b(?:{'|'.join(others)})\s+(?:and|or)\s+{re.escape(w)}\b|\b{re.escape(w)}\s+(?:and|or)\s+(?:{'|'.join(others)})\b",
        text[:_PAIR_SPAN])]
    if len(paired) == 1 and len(unclaimed) == 1:
        bare[0].aliases.append(paired[0])
        bare[0].role = paired[0]
        return True
    return False


def _signers_for(principal: list[Draft], drafts: list[Draft]) -> list[Draft]:
    """Replace a party the preamble names only as "the persons set forth on the signature page (each, an
    "Investor")" by those who sign without being introduced, each taking its aliases; kept as it is when
    nobody signs so."""
    out: list[Draft] = []
    for d in principal:
        if not d.signers:
            out.append(d)
            continue
        signed = [x for x in drafts if "signature" in x.sources and not x.sources & {"cover", "preamble"}
                  and x not in principal and x is not d]
        for x in signed:
            x.aliases.extend(a for a in d.aliases if a not in x.aliases)
            x.role = x.role or d.role or next((a for a in d.aliases if not is_pronoun(a)), None)  # "each a "Stockholder""
            x.spans.extend(d.spans[:1])
            x.sources.add("preamble")
        out.extend(signed or [d])
        if signed:
            drafts.remove(d)
    return out


def _principal(d: Draft) -> bool:
    """A side of the contract: on the cover page, introduced in the preamble, or a titled entity line
    before the "between" (never a bare defined term there: "dated May 1 ("Effective Date")")."""
    if d.sources & {"cover", "preamble"}:
        return True
    if "head" in d.sources:
        return _named_entity(d) or any(a.lower() in ROLE_WORDS for a in d.aliases)
    return False


def _named_entity(d: Draft) -> bool:
    """A name that stands for a legal person: a legal suffix, a stated entity type, or a personal name."""
    return bool(ENTITY.search(d.name) or d.entity_type or d.kind == "person" or d.placeholder)


def _confidence(d: Draft, principal: bool) -> float:
    """How sure the reading is, from where the party was seen (documented in docs/parties.md)."""
    if not principal or d.sources == {"usage"}:
        return 0.5
    if "cover" in d.sources:
        base = 0.95 if d.role else 0.85
    elif d.sources & {"preamble", "head"}:
        base = 0.9 if d.has_alias_group and _named_entity(d) else 0.8 if d.has_alias_group else 0.7
    else:
        base = 0.6
    seen = len(d.sources & {"cover", "preamble", "head", "signature"})
    return round(min(1.0, base + 0.05 * (seen - 1)), 2)


def _defined_term(d: Draft) -> bool:
    """A bracketed definition with nothing but itself as the name ("the "Proprietary Marks"", "the "System"")
    is a defined term, not a party, unless it names a role, is an acronym, or signs the contract."""
    if not d.aliases or d.name != d.aliases[0] or d.entity_type or d.kind == "person" or d.signers:
        return False  # "Dassault Systemes, a societe anonyme ... ("Dassault Systemes")": a stated legal form
    if any(w.rstrip("s") in _ROLEISH or w in _ROLEISH for x in d.aliases for w in x.lower().split()):
        return False  # "Remarketing Agent", "Service Recipient", "Guarantors": roles, not defined terms
    return not d.name.isupper() and "signature" not in d.sources and not ENTITY.search(d.name)


def _bare_acronym(d: Draft) -> bool:
    return (d.name.isupper() and d.aliases[:1] == [d.name] and "signature" not in d.sources
            and not ENTITY.search(d.name) and d.name.lower() not in _ROLEISH)


def _descriptive(d: Draft) -> bool:
    """A draft whose name is only descriptive words and that has no alias of its own to go by."""
    if d.placeholder or d.role or re.search(r"\d", d.name):  # "2205925 Ontario Limited" is a numbered company
        return False
    words = re.findall(r"[a-z]+", d.name.lower())
    if not words or not all(w in _DESCRIPTIVE for w in words):
        return False
    if d.aliases:
        d.name = d.aliases[0]
        return False
    return True


def is_blank(name: str) -> bool:
    """True for a name that is still a blank to fill in ("{customer_name}", "[Investor Name]")."""
    return bool(_BLANK.match(name))


_ = is_pronoun, GENERIC_ALIASES  # re-exported names the pronoun reader and callers share
