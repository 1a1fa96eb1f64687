"""The cover-page reader: order forms and cover pages that name the parties by role.

Standard forms (Common Paper, Bonterms, OpenAgreements) put the parties in a table rather than a preamble:

* ``... governed by the Framework Terms dated {date} between {provider_name} and {customer_name}`` -- two
  blanks whose own names give the roles;
* a key-terms row, a role on one line and its blank or value on the next (``Employer`` /
  ``[Legal name of the employer]``, ``Discloser`` / ``{discloser_name_and_address}``);
* the signature table's column heads, ``PROVIDER: {provider_legal_name}``, ``CUSTOMER:``, ``PARTY 1``, just
  above ``Signature`` / ``By:`` (also how many filed contracts head their signature blocks, ``LICENSOR:``
  over the entity's name).

A party whose name is still blank keeps the blank as its name (``{customer_name}``) and is marked
``placeholder``; a blank shared by both roles (``{company_name}``) names neither, so the party is called by
its role. Roles are title-cased ("Provider", "Party 1").
"""

from __future__ import annotations

import re

from ..model import Span
from .party_merge import Draft, merge
from .party_names import ENTITY, ROLE_WORDS, describe, looks_like_person, norm
from .party_role_names import side_heads

__all__ = ["read_cover", "read_role_lines", "read_signature_heads"]

_BLANK = r"(?:\{[A-Za-z0-9_ ]{2,60}\}|\[[^\[\]\n]{2,60}\])"
_BETWEEN_BLANKS = re.compile(rf"\bbetween\s+(?P<a>{_BLANK})\s+and\s+(?P<b>{_BLANK})")
# "Employer" / "[Legal name of the employer]": a role row, then a blank that asks for a name.
_ROW = re.compile(
    r"(?m)^(?P<role>[A-Z][a-z]+(?:[ \t][A-Z]?[a-z]+)?)[ \t]*\n[ \t]*(?P<value>(?:\{[a-z0-9_]*name[a-z0-9_]*\}|"
    r"\[[^\[\]\n]*\bname\b[^\[\]\n]*\]))[ \t]*$"
)
# "PROVIDER: {provider_legal_name}", "CUSTOMER:", "PARTY 1", "LICENSOR:" -- an upper-case role on its own line.
_HEAD = re.compile(r"(?m)^[ \t]*(?P<role>[A-Z][A-Z\-]{2,}(?:[ \t][A-Z]{2,})?(?:[ \t]\d)?)[ \t]*"
                   r"(?::[ \t]*(?P<value>[^\n]{0,100}?))?[ \t]*$")
_WRAPPED = re.compile(r"(?m)^[ \t]*[A-Z][A-Z0-9&.,'\- \t]{10,}[A-Z.][ \t]*\n\Z")  # an upper-case name line right above
_SIGN_BELOW = re.compile(r"\b(?:Signature|SIGNATURE|By|BY)\b\s*[:_\n]|\bBy:|\bSigned\b", re.MULTILINE)
_ROLEISH = (ROLE_WORDS - {"service", "user", "member", "host", "operator", "holder", "principal", "owner",
                          "receiving", "disclosing", "manager", "agent"}) | {"party", "discloser"}


def _role(word: str) -> str | None:
    """The role a heading or blank names ("PROVIDER" -> "Provider", "PARTY 1" -> "Party 1"), if any."""
    w = " ".join(word.replace("_", " ").split()).lower()
    base = re.sub(r"\s+\d$", "", w)
    if base in _ROLEISH and (base != "party" or w != base):
        return w.title()
    return None


def _blank_role(blank: str) -> str | None:
    """The role a blank's own name gives: ``{provider_name}`` -> "Provider"; ``{company_name}`` -> None
    (a shared blank), ``{party_1_name}`` -> "Party 1"."""
    inner = blank.strip("{}[] ").lower()
    if inner.startswith("company_name"):
        return None
    m = re.match(r"(?:the\s+)?party[ _](\d)", inner)
    if m:
        return f"Party {m.group(1)}"
    for w in re.findall(r"[a-z]+", inner):
        if _role(w):
            return _role(w)
    return None


def _value_draft(value: str, role: str | None, start: int, label: str) -> Draft:
    blank = bool(re.fullmatch(_BLANK, value))
    return Draft(name=value if (blank and _blank_role(value) is not None) or not blank else role or value,
                 role=role, sources={"cover"}, placeholder=blank, kind=None,
                 spans=[Span(start=start, end=start + len(value), label=label)])


def read_cover(text: str, drafts: list[Draft]) -> None:
    """Add the parties a cover page or signature table names by role to ``drafts``."""
    head = text[: min(len(text), 20000)]
    if "{" not in head and "[" not in head:  # every cover reading below holds a blank
        return
    for m in _BETWEEN_BLANKS.finditer(head):
        for g in ("a", "b"):
            role = _blank_role(m.group(g))
            if role:
                merge(drafts, _value_draft(m.group(g), role, m.start(g), "cover"))
    for m in _ROW.finditer(head) if "\n{" in head or "\n[" in head else ():
        role = _role(m.group("role"))
        if role:
            merge(drafts, _value_draft(m.group("value"), role, m.start("value"), "cover"))


def read_signature_heads(text: str, drafts: list[Draft]) -> None:
    """Role headings over signature blocks: a run of headings followed within 400 characters by a
    signature line. A heading's value is the party's name (on its line, or the next line when that is an
    entity); without one, the heading names the role of the party signing below it, or of a party already
    holding that role."""
    if "Signature" not in text and "By:" not in text and "BY:" not in text:
        return
    tail = max(0, len(text) - 12000)
    _read_side_heads(text, tail, drafts)
    heads = list(_HEAD.finditer(text, 0, min(tail, 20000))) + list(_HEAD.finditer(text, tail))
    for m in heads:
        role = _role(m.group("role"))
        if role is None or not _SIGN_BELOW.search(text, m.end(), min(len(text), m.end() + 400)):
            continue
        if ":" not in m.group(0) and _WRAPPED.search(text, max(0, m.start() - 200), m.start()):
            continue  # "FEDERATED ... ADVISORY SERVICES COMPANY / COMPANY": a name's last word wrapped, no heading
        value = (m.group("value") or "").strip(" ,")
        vstart = m.start("value") if m.group("value") else m.end()
        if "_" in value[:3] or re.match(r"[A-Z]+:", value):
            value = ""
        if not value and re.match(r"\n[ \t]*(?:[A-Z]+:[ \t]*)?[^\n]{0,60}\b(?:INC|Inc|LLC|Ltd|LTD|CORP|Corp)",
                                  text[m.end() : m.end() + 100]):
            continue  # an entity line below the heading: the signature reader and pronoun links handle it
        if value:
            d = _value_draft(value, role, vstart, "cover")
            d.sources = {"cover", "signature"}
            merge(drafts, d)
            continue
        holder = next((d for d in drafts if d.role and d.role.lower() == role.lower()), None)
        if holder is not None:
            holder.spans.append(Span(start=m.start("role"), end=m.end("role"), label="cover"))
            continue
        below = next((d for d in drafts if d.role is None and any(
            sp.label == "signature" and m.end() <= sp.start <= m.end() + 200 for sp in d.spans)), None)
        if below is not None:
            below.role = role
            continue
        if m.start() >= tail and sum(1 for d in drafts if d.sources & {"cover", "preamble"}
                                     and (d.role or d.placeholder or ENTITY.search(d.name)
                                          or any(a.lower() in ROLE_WORDS for a in d.aliases))) >= 2:
            continue  # "LESSOR: LESSEE:" over blanks in a lease addendum exhibit: another instrument's sides
        merge(drafts, Draft(name=role, role=role, sources={"cover"}, placeholder=True,
                            spans=[Span(start=m.start("role"), end=m.end("role"), label="cover")]))


def _read_side_heads(text: str, tail: int, drafts: list[Draft]) -> None:
    """``COMPANY: PROVIDER:`` set side by side over the signing entities listed below them: each entity takes
    its heading's role. Left alone when any pairing disagrees with what the preamble said (an entity already
    holding another role, or the role already held by another name): the columns may be out of order."""
    for pairs in side_heads(text, tail):
        found = []
        for head, name, at in pairs:
            role = _role(head)
            if role is None:
                break
            same = next((d for d in drafts if norm(d.name) == norm(name)), None)
            holder = next((d for d in drafts if (d.role or "").lower() == role.lower()
                           or role.lower() in (a.lower() for a in d.aliases)), None)
            if same is not None and same.role and same.role.lower() != role.lower() \
                    or holder is not None and not holder.placeholder and norm(holder.name) != norm(name):
                break
            found.append(Draft(name=name, role=role, aliases=[role], sources={"cover", "signature"},
                               spans=[Span(start=at, end=at + len(name), label="signature")]))
        else:
            for d in found:
                merge(drafts, d)


# "Party A: Didi Chuxing Technology Co., Ltd." / "Licensor: Acme GmbH, Hauptstrasse 1": a role, a colon and
# the party's name on one line, as contracts drafted in China and Europe list their parties.
_ROLE_LINE = re.compile(r"(?m)^[ \t]*(?:(?P<role>Party[ \t][A-D1-4]|[A-Z][a-z]+)(?:[ \t]*[:\uff1a]|(?P<named>(?:'s)?[ \t]+"
                        r"(?:(?:Full|Legal|Company|Entity|Corporate|Registered)[ \t]+){0,2}Name)[ \t]*[:\uff1a]?)"
                        r"|(?P<of>Name)[ \t]+of[ \t]+(?P<role2>[A-Z][a-z]+)[ \t]*[:\uff1a]?)[ \t]*(?P<value>[^\n]{2,160})$")
# A key-value cell's name followed by its description: "Salesforce.org, a nonprofit public benefit corporation".
_NAME_DESCRIBED = re.compile(r"(?P<name>[A-Z\w][\w&.'\u2019\-]*(?:[ \t]+[A-Z][\w&.'\u2019\-]*){0,6}),[ \t]+(?:an?|the)[ \t]")
# Where the list of parties is over: the recitals or the first numbered clause.
_LIST_END = re.compile(r"(?m)^[ \t]*(?:WHEREAS|Whereas|RECITALS|Recitals|BACKGROUND|1\.[ \t]+[A-Z])")


_TITLED = re.compile(r"[A-Z][\w'\u2019&.\-]*(?:[ \t]+(?:[A-Z][\w'\u2019&.\-]*|of|and|&|for|the)){1,8}")


_TO_FROM = re.compile(r"(?m)^[ \t]*(?P<key>To|TO|From|FROM)[ \t]*:[ \t]*(?P<value>[^\n]{3,160})$")
_LETTER_HEAD = 1500


def read_letter_head(text: str, drafts: list[Draft]) -> None:
    """A confirmation or letter agreement headed ``To: Wells Fargo Bank, N.A., ... ("Counterparty")`` /
    ``From: UBS AG, London Branch ("UBS AG")``: the two entities are its parties (an alias in brackets on the
    same line comes along). Only when both lines name an entity at their start."""
    found: dict[str, Draft] = {}
    for m in _TO_FROM.finditer(text, 0, min(len(text), _LETTER_HEAD)):
        key = m.group("key").lower()
        ent = ENTITY.match(m.group("value"))
        if key in found or ent is None:
            continue
        name = ent.group("name").strip(" ,")
        alias = re.search(r"\([\"\u201c]([A-Z][^\"\u201c\u201d()]{0,40})[\"\u201d]\)", m.group("value"))
        found[key] = Draft(name=name, aliases=[alias.group(1)] if alias else [], sources={"cover"}, kind="organisation",
                           spans=[Span(start=m.start("value"), end=m.start("value") + len(name), label="name")])
    if len(found) == 2:
        for d in found.values():
            merge(drafts, d)


def read_name_cells(text: str, drafts: list[Draft]) -> None:
    """Key-value cells that say whose name they hold ("Reseller Full Legal Name Salesforce.org, a nonprofit
    ...", "Customer Name: Acme, Inc."), read after the preamble: a cell adds a party only when nobody read so
    far has that name or its role ("Provider Name:" over the distributor's details in a form does not
    rename the party the preamble called "Distributor")."""
    read_role_lines(text, drafts, cells=True)


def read_role_lines(text: str, drafts: list[Draft], cells: bool = False) -> None:
    """Parties listed one per line after their role (``Party A: <name>``) before the recitals. Only a
    value that is an entity with a legal suffix, or a personal name, is a party: "Legal Representative:
    Ting Chen" names no role, "Effective Date: ..." no party."""
    head_end = min(len(text), 8000)
    end = _LIST_END.search(text, 0, head_end)
    found: list[Draft] = []
    for m in _ROLE_LINE.finditer(text, 0, end.start() if end else head_end):
        if cells != bool(m.group("named") or m.group("of")):
            continue
        role = _role(m.group("role") or m.group("role2"))
        if role is None or role.lower() in ("company", "service", "user", "member") and not (m.group("named") or m.group("of")):
            continue
        value = m.group("value").strip()
        ent = ENTITY.match(value)
        described = _NAME_DESCRIBED.match(value) if m.group("named") or m.group("of") else None
        if ent is not None:
            name, kind = ent.group("name").strip(" ,"), "organisation"
        elif looks_like_person(value.strip(" ,.")):
            name, kind = value.strip(" ,."), "person"
        elif _TITLED.fullmatch(value.strip(" ,.")):
            name, kind = value.strip(" ,."), None  # "People's Government of Fenyi County": only with a named side
        elif described is not None and describe(value[described.end("name"):])[0]:
            name, kind = described.group("name"), "organisation"  # "Salesforce.org, a nonprofit ... corporation"
        else:
            continue
        start = m.start("value") + value.find(name)
        found.append(Draft(name=name, role=role, aliases=[role], sources={"cover"}, kind=kind,
                           spans=[Span(start=start, end=start + len(name), label="name")]))
    if cells:
        for d in found:
            same = next((x for x in drafts if norm(x.name) == norm(d.name)), None)
            if same is not None and not same.role and not same.aliases and d.role.lower() != "company" \
                    and not any(d.role.lower() in (a.lower() for a in (x.role or "", *x.aliases)) for x in drafts):
                same.role, same.aliases = d.role, [d.role]  # "Customer Name Acme, Inc." over a party with no alias
                same.spans.extend(d.spans)
                continue
            if not any(norm(x.name) == norm(d.name) or d.role.lower() in (a.lower() for a in (x.role or "", *x.aliases))
                       for x in drafts):
                merge(drafts, d)
        return
    if len(found) >= 2 and any(d.kind for d in found):  # a list of sides, not one stray "Agent: ..." line
        for d in found:
            merge(drafts, d)

