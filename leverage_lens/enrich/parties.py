"""The parties to a contract: names, aliases, roles and the spans that define them.

Sources, in order of trust:

1. the preamble (``... by and between Acme Corporation, a Delaware corporation ("Acme" or the
   "Company"), and ...``): each bracketed alias group closes one party, whose name is the entity just before
   it;
2. sentences that name a party by role outside brackets (``Acme ... is referred to as "Licensor"``);
3. signature blocks (an upper-case entity line just before ``By:``);
4. for pronoun parties ("we", "you"), the sentences that say whom they stand for
   (:mod:`leverage_lens.enrich.party_pronouns`).

Names seen again in the signature block are merged into the preamble party by fuzzy match, so the caller
gets one :class:`~leverage_lens.model.Party` per legal person. Party ids are stable: ``party-1``,
``party-2``, ... in order of first appearance.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from ..model import Party, Span
from .party_pronouns import is_pronoun, link_pronouns

__all__ = ["find_parties", "ROLE_WORDS", "GENERIC_ALIASES"]

#: Alias words that name the part a party plays, so they become its ``role``.
ROLE_WORDS = frozenset(
    """licensor licensee customer client supplier vendor provider seller buyer purchaser distributor reseller
    manufacturer contractor subcontractor consultant company franchisor franchisee lender borrower landlord
    tenant lessor lessee employer employee executive agent principal owner developer publisher sponsor
    partner member investor issuer holder guarantor servicer manager advisor adviser sub-advisor
    recipient discloser disclosing receiving service user subscriber member host operator""".split()
)
_ROLEISH = ROLE_WORDS | frozenset(
    "guarantor custodian trustee affiliate underwriter administrator representative bank fund".split())
#: Defined terms in a preamble that are never a party.
_NOT_PARTY = frozenset(
    {"agreement", "effective date", "services", "service", "products", "product", "term", "territory",
     "exhibit", "schedule", "amendment", "contract", "license", "parties", "party", "background", "recitals",
     "date", "plan", "shares", "offering", "act", "confidential information", "commencement date"}
)
GENERIC_ALIASES = frozenset({"party", "parties", "each party", "either party", "both parties"})

_SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited|LP|L\.P|LLP|L\.L\.P|PLC|plc|GmbH|AG|"
    r"S\.A|SA|S\.A\.S|S/A|N\.V|NV|B\.V|BV|A/S|AB|Oy|S\.p\.A|S\.r\.l|Pty|PTE|Pte|Co(?=\.)|CO(?=\.)|Company|Trust|Bank|"
    r"Holdings|Partners|LTD|INC|CORP|CORPORATION|COMPANY|LIMITED|N\.A)"
)
# A name is capitalised words (and "&"), optionally joined by "of"/"de"/... ("Bank of South Pacific Ltd"),
# ending in a legal suffix.
_ENTITY = re.compile(
    rf"(?P<name>(?!(?i:of|de|du|del|der|la|van|von)[ \t])"
    rf"(?:(?:[A-Z0-9][\w&'.\-/]*|&),?[ \t]+(?:(?i:of|de|du|del|der|la|van|von)[ \t]+)?){{0,7}}?"
    rf"(?:[A-Z0-9][\w&'.\-/]*,?[ \t]+)?{_SUFFIX}\.?(?:,?[ \t]+{_SUFFIX}\.?)*)(?![\w])"
    r"(?![ \t]+(?i:of|de|du|del|der|la|van|von)[ \t]+[A-Z])"  # "Bank" of "Bank of China Ltd" is not a name
)
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
_NAME_CUT = re.compile(
    r",?\s+(?:an?|the)\s+(?=[A-Z]?[\w\-]+\s+(?:corporation|company|limited|partnership|banking|"
    r"general|national|association|state|entity|organization|cooperative|individual|trust|statutory))"
    r"|,\s*(?:an?\s|with\s|having\s|whose\s|located\s|organized\s|incorporated\s|existing\s|acting\s|"
    r"on behalf\s|as\s|its\s|formerly\s|doing\s|d/b/a|\d)|\s+\((?!the\b)|;|\n",
    re.IGNORECASE,
)
_CAPS_BEFORE = re.compile(
    r"(?<![.\w])\s*(?P<name>(?:[A-Z][\w&\-']*\.?[ \t]+){0,5}[A-Z][\w&\-']*\.?)[\s,]*$"
)
_CALLED = re.compile(
    r"\b(?:referred\s+to|called|designated|known)\s+(?:herein(?:after)?\s+|hereafter\s+|"
    r"in\s+this\s+(?:Agreement|Contract)\s+)?as\s+(?:the\s+)?"
    r"[\"\u201c'\u2018]?(?P<alias>[A-Z][\w\-]+)"
)
_JUNK_NAME = re.compile(
    r"^[\d(\[]|.*\.\s+[A-Z][a-z]+\.\s|.*\s{3,}|.*[a-z]\.\s+(?:The|THE)\s|.*\b(?:IS|ARE|is|are|shall|will)\s|"
    r"^(?:this|the|such|any)\s"
)
# Words that describe a party without naming it: a name made only of these ("Delaware Corporation", "Bank",
# "Limited", "Professional Corporation") is a description caught by the entity pattern, not a party.
_DESCRIPTIVE = frozenset(
    """a an the of and bank company corporation corp inc incorporated limited ltd llc lp llp plc co partnership
    partners trust holdings sa ag nv bv gmbh l p c n v s a national state federal banking general professional
    association liability reserve account central savings mutual
    cooperative statutory alabama alaska arizona arkansas california colorado connecticut delaware florida
    georgia hawaii idaho illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan
    minnesota mississippi missouri montana nebraska nevada new hampshire jersey mexico york north carolina
    dakota ohio oklahoma oregon pennsylvania rhode island south tennessee texas utah vermont virginia washington
    west wisconsin wyoming columbia cayman islands british virgin bermuda england wales ontario canada
    canadian english""".split()
)
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&\-]{1,15}")
_NOT_A_NAME = re.compile(r"\b(?:AGREEMENT|Agreement|EXHIBIT|Exhibit|Schedule|SCHEDULE|Section|Article)\b")
_SIGNATURE = re.compile(r"(?P<name>[A-Z][A-Z0-9&.,'\- ]{2,80}?)[\s:,]*\n?\s*(?:By|BY|Name|Signature)\s*[:_]")
_REFERRED = re.compile(
    r"(?P<name>[A-Z][\w&.,'\- ]{1,60}?)\s+(?:is|shall be|will be)\s+(?:hereinafter\s+)?(?:referred to|"
    r"designated)\s+(?:herein\s+)?as\s+(?:the\s+)?[\"\u201c](?P<alias>[^\"\u201d]{1,40})[\"\u201d]"
)


# Every _ENTITY match holds a legal suffix and never a line break; every _SIGNATURE match ends in one of these
# labels: cheap scans for them say where the expensive patterns can match (see _entities, _signatures).
_SUFFIX_ANY = re.compile(_SUFFIX)
_NAME_RUN = re.compile(r"[\w&'.\-/, \t]+")  # every character an _ENTITY match may hold
_SIGNATURE_LABEL = re.compile(r"(?:By|BY|Name|Signature)\s*[:_]")
_SIGNATURE_NAME_MAX = 81  # [A-Z] then up to 80 characters: see _SIGNATURE


def _entities(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The matches of ``_ENTITY.finditer(text, a, b)``, found by scanning only around legal suffixes.

    The entity pattern tries up to eight words at every capitalised word, which is slow over a whole
    preamble (CUAD texts hold a page per line). Its matches consist of word characters, ``&'.-/,``, spaces
    and tabs only, and always contain a suffix: so only a run of those characters holding a suffix can hold
    a match, and its look-aheads see the same thing at the run's end (a character outside the set) as in
    the whole text. Scanning those runs gives the same matches."""
    out: list[re.Match[str]] = []
    runs: list[tuple[int, int]] | None = None
    done = a
    for s in _SUFFIX_ANY.finditer(text, a, b):
        if s.start() < done:
            continue
        if runs is None:
            runs = [m.span() for m in _NAME_RUN.finditer(text, a, b)]
            starts = [r[0] for r in runs]
        lo, hi = runs[bisect.bisect_right(starts, s.start()) - 1]
        out.extend(_ENTITY.finditer(text, lo, hi))
        done = hi
    return out


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


@dataclass
class _Draft:
    name: str
    aliases: list[str] = field(default_factory=list)
    role: str | None = None
    spans: list[Span] = field(default_factory=list)


def _preamble_windows(text: str) -> list[tuple[int, int]]:
    """Up to three stretches that introduce the parties: from "between"/"among" to the recitals."""
    head_end = _PREAMBLE_END.search(text, 0, min(len(text), 5000))
    wins: list[tuple[int, int]] = [(0, head_end.start() if head_end else min(len(text), 3000))]
    for m in _START.finditer(text, 0, min(len(text), 15000)):
        if wins and m.start() < wins[-1][1]:
            continue
        end_m = _PREAMBLE_END.search(text, m.end(), min(len(text), m.end() + 4000))
        wins.append((m.start(), end_m.start() if end_m else min(len(text), m.end() + 2500)))
        if len(wins) == 3:
            break
    return wins


def _aliases(body: str) -> list[str]:
    out = []
    for q in _QUOTED.finditer(body):
        a = (q.group("t") or q.group("t2") or "").strip(" ,.")
        a = re.sub(r"^(?:the|The)\s+", "", a)
        if a and a.lower() not in _NOT_PARTY and a.lower() not in GENERIC_ALIASES and len(a.split()) <= 5:
            out.append(a)
    if not out:
        acro = _ACRONYM.fullmatch(body.strip())
        if acro and not _ROMAN.fullmatch(acro.group(0)):
            out.append(acro.group(0))
    return out


def _name_from_chunk(chunk: str) -> tuple[str, int] | None:
    """The party name in a preamble chunk (text before an alias group), with its offset in the chunk."""
    lead = _LEAD.match(chunk)
    pos = lead.end() if lead else 0
    if _unnamed_last_conjunct(chunk, pos):
        return None
    rest = chunk[pos:]
    ent = _ENTITY.search(rest)
    if ent:
        name, cut = _clean_name(ent.group("name"))
        start = _widen(rest, ent.start() + cut)
        name = rest[start : ent.start() + cut] + name
        return name.strip(" ,"), pos + start
    cap = _CAPS_BEFORE.search(rest)
    if cap is None or _NOT_A_NAME.search(cap.group("name")) or cap.group("name") in ("The", "This"):
        return None
    return cap.group("name"), pos + cap.start("name")


_CONJ = re.compile(r",?\s+(?:and|&)\s+(?=\S)")


def _unnamed_last_conjunct(chunk: str, pos: int) -> bool:
    """True when the party nearest an alias group has no name: after the last "and" that follows an entity
    comes only lower-case description.

    In ``between Acme, Inc., a Florida corporation, and the individual named on the cover page ("Franchisee")``
    the group defines the individual, not Acme: the role must come from the party's own parenthetical. Only an
    all-lower-case tail counts, since addresses ("Basel, Switzerland and ...") also hold "and"."""
    conj = list(_CONJ.finditer(chunk, pos))
    if not conj or re.search(r"[A-Z]", chunk[conj[-1].end() :]):
        return False
    return bool(_entities(chunk, pos, conj[-1].start()))


def _widen(s: str, start: int) -> int:
    """Extend a name start back over a lower-case prefix glued to it ("iVillage, Inc.", "bw-3 FRANCHISE
    SYSTEMS, INC." where the pattern saw "Village, Inc." and "3 FRANCHISE SYSTEMS, INC."). Upper-case
    letters never extend it: "USA" is not the name "SA"."""
    k = start
    while k > 0 and (s[k - 1].islower() or s[k - 1] == "-"):
        k -= 1
    if k == start or (k > 0 and s[k - 1].isalnum()) or not s[k].islower():
        return start
    return k


def find_parties(text: str) -> list[Party]:
    """The parties named in the preamble and signature blocks of ``text``, in order of appearance."""
    drafts: list[_Draft] = []
    for a, b in _preamble_windows(text):
        start_m = _START.match(text, a)
        cursor = start_m.end() if start_m else a
        for g in _ALIAS_GROUP.finditer(text, cursor, b):
            aliases = _aliases(g.group("body"))
            chunk_start, cursor = cursor, g.end()
            if not aliases:
                continue
            found = _name_from_chunk(text[chunk_start : g.start()])
            if found is None:  # the alias is all the name we have ("[***] (the "Provider")")
                best = next((x for x in aliases if not is_pronoun(x)), aliases[0])  # "Franchisee", not "you"
                found = (best, g.start("body") - chunk_start + g.group("body").find(best))
            name, off = found
            ns = chunk_start + off
            span = Span(start=ns, end=ns + len(name), label="name")
            alias_span = Span(start=g.start(), end=g.end(), label="alias")
            if not _merge(drafts, name, aliases, span, alias_span):
                drafts.append(_Draft(name=name, aliases=aliases, spans=[span, alias_span]))
        for e in _entities(text, a, b):
            name, cut = _clean_name(e.group("name"))
            ns = _widen(text, e.start("name") + cut)
            name = (text[ns : e.start("name") + cut] + name).strip(" ,")
            if _NOT_A_NAME.search(name):
                continue
            span = Span(start=ns, end=ns + len(name), label="name")
            if not _merge(drafts, name, [], span):
                drafts.append(_Draft(name=name, spans=[span]))
        for r in _CALLED.finditer(text, a, b):
            alias = r.group("alias")
            before = [d for d in drafts if d.spans and d.spans[0].start < r.start()]
            if before and alias.lower() not in _NOT_PARTY and alias.lower() not in GENERIC_ALIASES:
                owner = max(before, key=lambda d: max(x.start for x in d.spans if x.start < r.start()))
                if alias not in owner.aliases:
                    owner.aliases.append(alias)
                    owner.spans.append(Span(start=r.start(), end=r.end(), label="alias"))
    tail = max(0, len(text) - 12000)
    for m in _signatures(text, tail):
        name, cut = _clean_name(m.group("name"))
        name = name.strip(" ,.:")
        if _ENTITY.search(name) and not _NOT_A_NAME.search(name):
            span = Span(start=m.start("name") + cut, end=m.start("name") + cut + len(name), label="signature")
            if not _merge(drafts, name, [], span):
                drafts.append(_Draft(name=name, spans=[span]))
    link_pronouns(text, drafts, ROLE_WORDS)  # "you"/"we" -> the named party they stand for
    out = []
    for d in drafts:
        if not _norm(d.name) and d.aliases:  # only a legal suffix was caught ("Ltd."): name it by its alias
            d.name = d.aliases[0]
    drafts = [d for d in drafts if _norm(d.name) and not _JUNK_NAME.match(d.name) and not _descriptive(d)]
    # Past the first two (the principal parties come first), a bare defined term is not a party.
    drafts = drafts[:2] + [d for d in drafts[2:] if not _defined_term(d)]
    for i, d in enumerate(drafts, 1):
        role = d.role or next((x for x in d.aliases if x.lower() in ROLE_WORDS), None)
        out.append(
            Party(id=f"party-{i}", name=d.name, aliases=list(dict.fromkeys(d.aliases)), role=role, spans=d.spans)
        )
    return out


_NAME_PREFIX = re.compile(
    r"^.*(?:\s{3,}|\b(?:BETWEEN|Between|between|AMONG|Among|among)\s+|"
    r"(?:^|\s)(?!(?:Corp|Bros|Intl|Natl|Assoc|Dept)\.)[A-Z][a-z]{3,}\.\s+)(?=\S)",  # "Shipment. Company"
    re.DOTALL,
)


def _clean_name(raw: str) -> tuple[str, int]:
    """An entity name without what layout glued before it: a cover-page line ("EXHIBIT 10.1   ACME INC.") or
    "... BETWEEN" on a title page. Returns the name and how many characters were cut from its start."""
    m = _NAME_PREFIX.match(raw)
    if m is None or m.end() >= len(raw):
        return raw, 0
    return raw[m.end() :], m.end()


def _defined_term(d: _Draft) -> bool:
    """A bracketed definition with nothing but itself as the name ("the "Proprietary Marks"", "the "System"")
    is a defined term, not a party, unless it names a role, is an acronym, or signs the contract."""
    if not d.aliases or d.name != d.aliases[0]:
        return False
    if any(w.rstrip("s") in _ROLEISH or w in _ROLEISH for x in d.aliases for w in x.lower().split()):
        return False  # "Remarketing Agent", "Service Recipient", "Guarantors": roles, not defined terms
    return not d.name.isupper() and not any(sp.label == "signature" for sp in d.spans) and not _ENTITY.search(d.name)


def _descriptive(d: _Draft) -> bool:
    """A draft whose name is only descriptive words and that has no alias of its own to go by."""
    words = re.findall(r"[a-z]+", d.name.lower())
    if not words or not all(w in _DESCRIPTIVE for w in words):
        return False
    if d.aliases:
        d.name = d.aliases[0]
        return False
    return True


def _merge(drafts: list[_Draft], name: str, aliases: list[str], *spans: Span) -> bool:
    """Fold ``name`` into the draft party it names, if any; True when merged."""
    key = _norm(name)
    if not key:
        return True
    for d in drafts:
        names = [_norm(d.name), *(_norm(x) for x in d.aliases)]
        if any(key == n or fuzz.ratio(key, n) >= 88 for n in names if n):
            d.spans.extend(spans)
            for al in aliases:
                if al not in d.aliases:
                    d.aliases.append(al)
            if spans[0].label == "signature" and name != d.name and name not in d.aliases:
                d.aliases.append(name)
            return True
    return False


_SUFFIX_WORDS = re.compile(rf"[,.]?\s+{_SUFFIX}\.?$", re.IGNORECASE)


def _norm(name: str) -> str:
    n = _SUFFIX_WORDS.sub("", name.strip(" ,.")).lower()
    return re.sub(r"[^a-z0-9]+", " ", n).strip()
