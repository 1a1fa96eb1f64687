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
from .party_names import (ENTITY, ROLE_WORDS, SUFFIX, clean_name, describe, entities, is_place, norm,
                          looks_like_person, on_source_line, widen)
from .party_pronouns import is_pronoun
from .party_window import START, join_wrapped, sentence_end, starts, windows

__all__ = ["read_preamble", "NOT_PARTY", "GENERIC_ALIASES"]

#: Defined terms in a preamble that are never a party.
NOT_PARTY = frozenset(
    {"agreement", "effective date", "services", "service", "products", "product", "term", "territory",
     "exhibit", "schedule", "amendment", "contract", "license", "parties", "party", "background", "recitals",
     "date", "plan", "shares", "offering", "act", "confidential information", "commencement date",
     "execution date", "signing date", "closing date", "gaap", "sec", "commission", "exchange act",
     "securities act", "code", "erisa", "irs", "signature", "name", "title", "name/title", "date", "print name"}
)
GENERIC_ALIASES = frozenset({"party", "parties", "each party", "either party", "both parties"})

_ALIAS_GROUP = re.compile(r"\((?P<body>[^()]{0,200}?[\"\u201c\u201d'\u2018][^()]{0,200}?|"
                          r"(?:here(?:in)?after|hereafter)[\s,]+(?:referred\s+to\s+as|called)\s+(?:the\s+)?"
                          r"(?:Party[ \t][A-Z]|[A-Z][A-Za-z&\-]{1,15}(?:[ \t][A-Z][A-Za-z&\-]{1,15}){0,2})|"
                          r"[ \t]?(?:(?:the[ \t]+)?[A-Z][A-Za-z0-9&\-]{1,15}|[A-Z][A-Z0-9&\-]{1,15}(?:[ \t][A-Z][A-Z0-9&\-]{1,15}){1,2})[ \t]?)\)")
# Aliases quoted at the end of a party's entry in a list laid out line by line, with no brackets:
# "NLS-1 Pharma AG / <address> / Switzerland “Licensor” / “NLS”".
_BARE_GROUP = re.compile(
    r"(?<=[ \t])(?P<body>[\"\u201c][A-Z][^\"\u201c\u201d\n]{0,40}[\"\u201d]"
    r"(?:[ \t]*(?:/|,|or|and)[ \t]*[\"\u201c][A-Z][^\"\u201c\u201d\n]{0,40}[\"\u201d])*)(?=[ \t]*\n)"
)
_QUOTED = re.compile(
    r"(?:[\"\u201c\u201d]|\u2018\u2018|'')(?P<t>[^\"\u201c\u201d\n]{1,60}?)[,.]?[\"\u201d\u201c]"
    r"|(?<![\w])['\u2018](?P<t2>(?:the\s+)?[A-Z][^'\u2018\u2019\n]{0,40}?)['\u2019](?![\w])"
    # quotes a PDF garbled: '(hereinafter, -Licensor")', '("Licensor\')', '(``Licensee\'\')', '(,,Licensee")'
    r"|(?:(?<=[\s,(])-|``|,,|\u201e|[\"\u201c])(?P<t3>[A-Z][^\"\u201c\u201d'\n()]{0,40}?)(?:\"|''|'(?=[ \t]*(?:[),;]|$)))"
)
_LEAD = re.compile(r"^[\s,;:]*(?:and|&)?[\s,;:]*(?:\(\d+\)|\([a-z]\)|\d\.)?\s*", re.IGNORECASE)
_CAPS_BEFORE = re.compile(
    r"(?<![.\w])\s*(?P<name>(?:[A-Z][\w&\-']*\.?[ \t]+(?:(?:of|de|du|la|des|van|von)[ \t]+)?){0,5}[A-Z][\w&\-']*"
    r"(?:\.(?:com|net|org|io))?\.?)[\s,]*$"
)
# A blank standing for a name, then at most a description: "[Company Name], a [State] corporation".
_BLANK_BEFORE = re.compile(
    r"(?P<name>[\[{][^\[\]{}\n]{2,60}[\]}])(?:,?\s+(?:an?|the)\s+[^()\[\]{}]{0,40}(?:[\[{][^\[\]{}\n]{1,40}[\]}]"
    r"[^()\[\]{}]{0,40})?)?[\s,]*$"
)
_QUOTED_ROLE_BEFORE = re.compile(r"[\"\u201c](?P<role>[A-Z][A-Za-z]{3,})[\"\u201d]:?[ \t]+$")
_REFERRED_TAIL = re.compile(r"[ \t,]+(?:(?:here(?:in)?after|herein)[ \t]+)?(?:referred[ \t]+to|called|designated)"
                            r"[ \t]+as[ \t]*(?:the[ \t]*)?[ \t:]*$")
_ARTICLE_BEFORE = re.compile(r"(?:^|[ \t,])(?:a|an|A|An)[ \t]+$")
# A division named as the party: "NAME, a division of <entity>": the alias group after the entity is the division's.
_DIVISION = re.compile(r"(?P<name>[A-Z][A-Z0-9&'\u2019.\- ]{2,80}?|[A-Z][\w&'\u2019.\-]*(?:[ \t]+(?:[A-Z][\w&'\u2019.\-]*|of|and|&)){0,6}),"
                       r"[ \t]+an?[ \t]+(?:[a-z]+[ \t]+)?(?:division|unit|business[ \t]+unit)[ \t]+of[ \t]+")
_BARE_CALLED = re.compile(r"(?:referred\s+to\s+as|called)\s+(?:the\s+)?"
                          r"(?P<alias>Party[ \t][A-Z]|[A-Z][A-Za-z&\-]{1,15}(?:[ \t][A-Z][A-Za-z&\-]{1,15}){0,2})[ \t]*$")
_AND_JOINED = re.compile(r"(?:^|:)[ \t]*(?P<pre>(?:The[ \t]+)?(?:[A-Z][\w&.'\-]*[ \t]+){1,5}and[ \t]+)$")
# A public body as a party, right after the words that introduce a party (not "the laws of the State of ...").
_PUBLIC_BODY = re.compile(
    r"(?:^|\b(?:by|between|among|and|with)[ \t]+|:[ \t]*)(?:the[ \t]+|The[ \t]+)?(?P<name>(?:City|County|State|Town|Village|"
    r"Township|Commonwealth|Municipality|Province|Port|Republic|Government)[ \t]+of[ \t]+[A-Z][\w.'\-]*"
    r"(?:[ \t]+[A-Z][\w.'\-]*){0,3}(?:,[ \t]+[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?(?=,))?)"
)
_OWNED_BY = re.compile(r"\b(?:subsidiary|affiliate|division|parent|unit|member)[ \t]+of[ \t,]+$")
# A name that opens with "The" and goes on with at least two capitalised words: "The Associated Press".
_THE_NAME = re.compile(r"(?:The|THE)(?:[ \t]+[A-Z][\w&.'\-]*){2,6}")
_FORMERLY = re.compile(r"\b(?:f/k/a|F/K/A|fka|formerly(?:[ \t]+known[ \t]+as)?|d/b/a|D/B/A|a\.k\.a\.?|doing[ \t]+business[ \t]+as)[ \t]+$")
_ROLE_COMMA = re.compile(r"(?P<role>[A-Z][a-z]+),[ \t]+(?=[A-Z])")
_AT_BLANK = re.compile(r"\b(?:at|in|address(?:ed)?|located)[ \t:]*$")
_CALLED = re.compile(
    r"\b(?:referred\s+to|called|designated|known)\s+(?:herein(?:after)?\s+|hereafter\s+|"
    r"in\s+this\s+(?i:agreement|contract)\s+)?as\s+(?:the\s+)?"
    r"(?:[\"\u201c](?P<quoted>[A-Z][^\"\u201c\u201d\n]{0,60}?)[\"\u201d]|[\"\u201c'\u2018]?(?P<alias>[A-Z][\w\-]+))"
)
_DBA = re.compile(
    r"\b(?:d/b/a|D/B/A|dba|DBA|doing\s+business\s+as|a\.k\.a\.?|also\s+known\s+as|formerly\s+known\s+as|f/k/a|"
    r"trading\s+as)\s+(?:the\s+)?[\"\u201c]?(?P<alias>[A-Za-z0-9][\w.&'\u2019\-]*(?:[ \t]+(?:[A-Z][\w.&'\u2019\-]*|"
    r"(?:of|and|&)(?=[ \t]+[A-Z])))"
    r"{0,5})"
)
_LATER_REACH = 300  # how far before its alias group a name restated further down may stand
_CALLED_REACH = 400  # how far after a party's name "referred to as" may still name it
_ROMAN = re.compile(r"[IVXLC]+")
_ACRONYM = re.compile(r"[A-Z][A-Za-z0-9&\-]{1,15}|[A-Z][A-Z0-9&\-]{1,15}(?:[ \t][A-Z][A-Z0-9&\-]{1,15}){1,2}")
NOT_A_NAME = re.compile(r"\b(?:AGREEMENT|Agreement|EXHIBIT|Exhibit|Schedule|SCHEDULE|Section|Article|ARTICLE|Appendix|APPENDIX|Annex|ANNEX|Attachment|ATTACHMENT)\b")
# The name a party chunk opens with, when a description follows it: "Detto Technologies, a Washington
# company with business at ..., Bellevue, Washington 98007".
_LEAD_NAME = re.compile(
    r"(?P<name>[A-Z][\w&.'\-]*(?:[ \t]+(?:[A-Z][\w&.'\-]*|of|and|&|/|de|la|du|for)){0,7}?(?:,[ \t]+[A-Z]{2,5}\.?)?)"
    r"(?=,[ \t]+(?:an?|the)[ \t]|"
    r",[ \t]+(?:with|having|located|whose)[ \t])"
)
# A numbered party in a list, named first: "(2) NIGEL CROCKETT of ... (the "Employee")", "(2) JOHN ROGERS (the
# Executive)", "(1) WPP 2005 LIMITED (registered number 01003653) whose ...".
_ITEM_NAME = re.compile(
    r"(?P<name>[A-Z][\w&.'\-]*(?:[ \t]+[A-Z][\w&.'\-]*){1,5})(?=[ \t]+(?:of|whose|is|at|residing)[ \t]|[ \t]*\(|[ \t]*$)"
)
# The last name in a chunk followed by what it is: "Ingram Micro, a corporation organized under ...".
_DESCRIBED = re.compile(
    r"(?<![\w&.'\-])(?P<name>[A-Z][\w&.'\-]*(?:[ \t]+(?:[A-Z][\w&.'\-]*|of|and|&|/)){0,6}(?:,[ \t]+[A-Z]{2,5}\.?)?),"
    r"[ \t]+(?:(?:an?[ \t]+|(?=[A-Z][a-z]+[ \t]+(?i:corporation|company|limited)\b))(?:[A-Z][\w\-]*[ \t]+){0,3}(?:[a-z][\w\-]*[ \t]+){0,3}(?i:corporation|company|limited|partnership|trust|bank|"
    r"association|individual|banking|national|general|business|non-?profit|professional|public|private|statutory|exempted)\b"
    r"|(?:an[ \t]+)?(?i:individual)\b)"  # "Bruce Jenner, Individual ("CELEBRITY")"
)
# A party's name alone on the first line of its entry in a list laid out one line per item.
_FIRST_LINE = re.compile(r"[ \t]*(?P<name>[A-Z][\w&.'\u2019\-]*(?:[ \t]+(?:[A-Z][\w&.'\u2019\-]*|of|and|&)){0,7})[ \t,]*\n")
_ENUMERATED = re.compile(r"\(\d\)|\([a-z]\)|\d\.")
_NOT_FIRST = frozenset({"This", "THIS", "The", "THE", "WHEREAS", "Whereas", "Agreement", "AGREEMENT", "Dated"})
# Words before an entity that open the party's phrase and hold a lower-case word the entity pattern stops at.
_LOWER_BREAK = re.compile(r"[ \t\n]*[A-Z][\w\-']*(?:[ \t]+(?!(?:between|among|and|or|by|with|of|the|to|for|from|"
                          r"dated|made|is|as|in|on|at|its|this)\b)[a-z][\w\-']*){1,2}[ \t]+")
_SUFFIX_NEXT = re.compile(rf"[ \t,]*(?:\([A-Z][\w.]{{0,14}}(?:[ \t][A-Z][\w.]{{0,14}})?\)[ \t]*)*(?:(?:Co|CO)\.?[ \t]+)?{SUFFIX}\b")
# A bracketed word inside a name: more capitalised words and a legal suffix follow on the same line.
_NAME_GOES_ON = re.compile(rf"[ \t]+(?!(?:A|An|AN|The|THE)[ \t])(?:[A-Z][\w&'\u2019.\-]*,?[ \t]+){{1,6}}?(?:(?:Co|CO)\.?,?[ \t]+)?{SUFFIX}\b")
# The other side as "you", in a list of parties: "between Chase Bank USA, N.A. ("Chase") and you as an "Affiliate"".
_AND_YOU = re.compile(r"\b(?:and|&)[ \t\n]+(?P<p>you|You)\b(?![ \t\n]+[A-Z])(?:[ \t\n]+as[ \t\n]+(?:an?|the)[ \t\n]+[\"\u201c]"
                      r"(?P<role>[A-Z][\w\- ]{1,30}?)[\"\u201d])?")
_COURTESY = re.compile(r"(?:Mr|Ms|Mrs|Miss|MR|MS|MRS|Dr|DR)\.?[ \t]+(?=[A-Z])")
# Several people sharing one alias group, each with a courtesy title: "Mr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie".
_ONE_PERSON = r"(?:Mr|Ms|Mrs|Miss|Dr)\.?[ \t]+[A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*){0,3}"
_PERSON = re.compile(r"(?:Mr|Ms|Mrs|Miss|Dr)\.?[ \t]+(?P<name>[A-Z][\w'\-]*(?:[ \t]+[A-Z][\w'\-]*){0,3})")
_PEOPLE = re.compile(rf"(?:^|(?<=[\n:,(])|(?<=\band[ \t])|(?<=\bAND[ \t])|(?<=between[ \t])|(?<=among[ \t]))[ \t]*(?P<list>{_ONE_PERSON}"
                     rf"(?:(?:,[ \t]*|,?[ \t]+and[ \t]+){_ONE_PERSON})+)[\s,]*$")
_NAME_BEFORE = re.compile(r"(?<![\w&.'\u2019\-])(?!(?:and|or|by|between|among|with|AND|OR|BY)\b)[A-Z][\w&.'\u2019\-]*[ \t]*$")
_QUOTE = re.compile(r"[\"\u201c\u201d\u2018\u2019]")
_ONE_WORD = re.compile(r"[ \t]*[A-Z][\w.]{0,20}[ \t]*")
# A place after a legal suffix that is still part of the name: "Alliance Bancorp, Inc. of Pennsylvania,".
_OF_PLACE = re.compile(r"[ \t]+of[ \t]+(?P<place>[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)?)(?=[ \t]*[,(\n])")
_ENDS_IN_SUFFIX = re.compile(rf"{SUFFIX}\.?$")
_BARE_SUFFIX = re.compile(rf"{SUFFIX}\.?")
_CONJ = re.compile(r",?\s+(?:and|&)\s+(?=\S)")


def aliases_in(body: str) -> list[str]:
    """The defined names in an alias group body (quoted words, or a bare acronym), minus generic ones."""
    out = []
    prev = 0
    for q in _QUOTED.finditer(body):
        before, prev = body[prev : q.start()], q.end()
        if out and re.search(r"\b(?:together|collectively)\b", before, re.IGNORECASE):
            continue  # '(the "Bank" and together with the Holding Company ..., the "Blue Hills Parties")': a collective
        a = (q.group("t") or q.group("t2") or q.group("t3") or "").strip(" ,.")
        a = re.sub(r"^(?:the|The)\s+", "", a)
        if a and a.lower() not in NOT_PARTY and a.lower() not in GENERIC_ALIASES and len(a.split()) <= 5:
            out.append(a)
    if not out:  # "(hereinafter referred to as Party A)", unquoted
        bare = _BARE_CALLED.search(body)
        if bare and bare.group("alias").lower() not in NOT_PARTY:
            return [bare.group("alias")]
    if not out:
        acro = _ACRONYM.fullmatch(re.sub(r"^the\s+", "", body.strip()))
        if acro and not _ROMAN.fullmatch(acro.group(0)) and acro.group(0).lower() not in NOT_PARTY:
            out.append(acro.group(0))
    return out


def _name_from_chunk(chunk: str) -> tuple[str, int, bool] | None:
    """The party name in a preamble chunk (text before an alias group): name, offset, whether a blank."""
    tail = _REFERRED_TAIL.search(chunk)
    if tail is not None:  # "NeoMedia Micro Paint Repair hereinafter referred to as ("DISTRIBUTOR")"
        chunk = chunk[: tail.start()]
    found = _name_in_chunk(chunk)
    if found is None or found[2]:
        return found
    name, off, _ = found
    div = _DIVISION.search(chunk, 0, off + len(name))
    if div is not None and div.end() <= off:  # "TWENTIETH CENTURY FOX LICENSING, a division of Fox ... Inc."
        return div.group("name"), div.start("name"), False
    role = _ROLE_COMMA.match(name)
    if role is not None and role.group("role").lower() in ROLE_WORDS and ENTITY.search(name, role.end()):
        return name[role.end() :], off + role.end(), False  # "its Reseller, Schoolpop, Inc."
    return found


def _name_in_chunk(chunk: str) -> tuple[str, int, bool] | None:
    lead = _LEAD.match(chunk)
    pos = lead.end() if lead else 0
    if _unnamed_last_conjunct(chunk, pos):
        return None
    rest = chunk[pos:]
    if lead is not None and _ENUMERATED.search(lead.group(0)):
        item = _ITEM_NAME.match(rest)
        if item and not NOT_A_NAME.search(item.group("name")) and not ENTITY.search(item.group("name")) \
                and not ENTITY.match(rest, item.start()):  # "(2) Oaktree Capital Management (International) Limited"
            return item.group("name"), pos, False
    blank = _BLANK_BEFORE.search(rest)  # the blank right before the group: "by [Investor Name] (the "Investor")"
    if blank and not _AT_BLANK.search(rest, 0, blank.start()):  # "place of business at [***]" is an address
        return blank.group("name"), pos + blank.start("name"), True
    public = _PUBLIC_BODY.search(rest)
    if public is not None:  # "entered into by the City of Fort Stockton, Texas, a Texas Type A-General Law city"
        return public.group("name").strip(" ,"), pos + public.start("name"), False
    glue = None  # where a suffix-like word opening the name stands: "AB Wately, Inc."
    for ent in entities(rest, 0, len(rest)):
        if not norm(ent.group("name")):
            continue
        name, cut = clean_name(ent.group("name"))
        start = widen(rest, ent.start() + cut)
        if start == ent.start() + cut and _BARE_SUFFIX.fullmatch(name):
            glue = (ent.start() + cut, ent.end()) if name.isupper() and len(name) <= 3 else None
            continue  # "the Company" in passing; but "drkoop.com, inc." widens to a name
        if _ARTICLE_BEFORE.search(rest, max(0, start - 4), start) or _OWNED_BY.search(rest, max(0, start - 40), start) \
                or _IN_ADDRESS.search(rest, max(0, start - 160), start):
            glue = None
            continue  # "a Delaware Corporation with ...": a description; "a subsidiary of Bay Networks, Inc.": a mention
        if glue is not None and start == ent.start() + cut and rest[glue[1] : start] in (" ", "\t"):
            name, start = rest[glue[0] : ent.start() + cut] + name, glue[0]
            return name.strip(" ,"), pos + start, False
        if _LOWER_BREAK.fullmatch(rest, 0, start):
            start = len(rest[:start]) - len(rest[:start].lstrip())  # "Petro data Management Services Limited."
        joined = _AND_JOINED.search(rest, 0, start)
        if joined is not None and not ENTITY.search(joined.group("pre")):
            start = joined.start("pre")  # "The Covenanter: The HUANG JIA Country CLUB and Recreation Inc."
        name = rest[start : ent.start() + cut] + name
        return name.strip(" ,"), pos + start, False
    lead = _LEAD_NAME.match(rest)
    if lead and not NOT_A_NAME.search(lead.group("name")) and not is_place(lead.group("name")) \
            and (lead.group("name").split()[0] not in _NOT_FIRST or _THE_NAME.fullmatch(lead.group("name"))):
        return lead.group("name"), pos + lead.start("name"), False
    line = _FIRST_LINE.match(chunk, pos)
    if line and "\n" in chunk[:pos + 1] and not NOT_A_NAME.search(line.group("name")) \
            and not is_place(line.group("name")) and line.group("name").split()[0] not in _NOT_FIRST:
        return line.group("name"), line.start("name"), False  # "BETWEEN:\nMODUS MEDIA INTERNATIONAL\n<address>"
    described = None
    for described in _DESCRIBED.finditer(rest):
        pass
    if described is not None and not NOT_A_NAME.search(described.group("name")) and not is_place(described.group("name")) \
            and (described.group("name").split()[0] not in _NOT_FIRST or _THE_NAME.fullmatch(described.group("name"))):
        return described.group("name"), pos + described.start("name"), False
    cap = _CAPS_BEFORE.search(rest)
    if cap is None or NOT_A_NAME.search(cap.group("name")) or cap.group("name") in ("The", "This") \
            or is_place(cap.group("name")) or _GEOGRAPHY.match(cap.group("name")):
        return None
    return cap.group("name"), pos + cap.start("name"), False


def _unnamed_last_conjunct(chunk: str, pos: int) -> bool:
    """True when the party nearest an alias group has no name: after the last "and" that follows an entity
    comes only lower-case description.

    In ``between Acme, Inc., a Florida corporation, and the individual named on the cover page ("Franchisee")``
    the group defines the individual, not Acme: the role must come from the party's own parenthetical. Only an
    all-lower-case tail counts, since addresses ("Basel, Switzerland and ...") also hold "and"."""
    conj = [c for c in _CONJ.finditer(chunk, pos)  # "a federal mutual savings and loan holding company": no conjunct
            if c.group(0).startswith(",") or re.match(r"(?:the|a|an|each|any|such)\b", chunk[c.end() :])]
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


_THIS = re.compile(r"(?:^|[\n.;:]\s*|\s)(?:This|THIS)\s+(?=[A-Z\u201c\"])")
# "each of the persons set forth on the signature page hereto (each, an "Investor")"
_SIGNERS = re.compile(r"\b(?:persons?|entit(?:y|ies)|part(?:y|ies)|signator(?:y|ies)|undersigned)\b[^()]{0,60}?\bsignature\s+(?:pages?|blocks?)"
                      r"|\b[A-Za-z]{3,}s[ \t\n]+(?:listed|named|set[ \t\n]+forth|identified|appearing)\b[^()]{0,40}?"
                      r"\bsignature\s+(?:pages?|blocks?)")  # "the stockholders listed on the signature pages hereto"
_UNDERSIGNED = re.compile(r"(?<!WHEREOF, )(?<!WHEREOF )\b(?:The|the|THE|Each of the|each of the)\s+(?:undersigned|UNDERSIGNED)"
                          r"\s+(?:hereby|agree|acknowledge|parties|each|consent)\b")
# The words before an entity that only mention it: "securities of Q Biomed, Inc.", "a subsidiary of".
# The obligor a guarantee backs is named in it, not a party to it: "As an inducement to Kiosk Concepts, Inc.
# ("Franchisor") to enter into a Master Franchise Agreement with ____ ("Master Franchisee") ...".
_INDUCED = re.compile(r"\b(?i:inducement)\b[^;]{0,200}?\b(?:enter\s+into|execute|make)\s+(?:an?|the|that|this)\s+"
                      r"[^.;()]{0,60}?\b(?i:agreement|contract|lease|loan)\s+with\b[^()\n]{0,60}$")
# The one who acts for a party is not a side: "MEDIALINX INTERACTIVE, L.P., represented herein by its general partner
# MediaLinx Interactive Inc.".
_REPRESENTED = re.compile(r"\b(?:represented|acting|signing)(?:[ \t\n]+herein)?[ \t\n]+(?:by|through)[ \t\n]+(?:its|their)[ \t\n]+"
                          r"(?:sole[ \t\n]+)?(?:general[ \t\n]+partner|managing[ \t\n]+member|manager|trustee|attorney)[\s,:]*$")
# A state or region named with "of" ("the People's Republic of China ("PRC")"), not a party.
_GEOGRAPHY = re.compile(r"(?:Republic|Kingdom|State|Commonwealth|Province|Territory|District|County|Federation|Emirate|"
                        r"Principality|Region|Municipality)[ \t]+of\b")
# An entity named inside an address ("having its registered office located at The Oval, Building One, ... Co.
# Dublin", "c/o International Management, Inc.") is no party.
_IN_ADDRESS = re.compile(r"(?:\b(?:located|situated|offices?|address(?:ed)?|business|residing|resident)[ \t\n]+(?:located[ \t\n]+)?"
                         r"(?:at|in)\b(?:(?!\band\b|\bAND\b)[^;()\"\u201c\u201d]){0,120}|\bc/o[ \t\n]+)$")
# One who acts for the entity named next: "Fox Mobile Entertainment, Inc. ("Fox"), as Administrator for Twentieth
# Century Fox Film Corporation ("Trademark Licensor")" -- the contract is Fox's; the principal is only named.
_ACTING_FOR = re.compile(r"\bas[ \t\n]+(?:the[ \t\n]+)?(?:[A-Za-z]+[ \t\n]+){0,2}(?:for|of)[ \t\n]+$"
                         r"|\bon[ \t\n]+behalf[ \t\n]+of[ \t\n]+(?:the[ \t\n]+[A-Z]\w*['\u2019]s[ \t\n]+)?$"  # "on behalf of the Trust's X Fund"
                         r"|\b(?:owned|published|issued|licensed|manufactured|produced|sponsored)[ \t\n]+by[ \t\n]+(?:the[ \t\n]+)?$")
_KEY_BEFORE = re.compile(r"(?:^|\n)[ \t]*(?P<key>[A-Z][\w .'/\-]{0,30}?)[ \t]*:[ \t]*$")
_STATUTE_BEFORE = re.compile(r"\b(?:Law|Act|Code|Regulations?|Rules|Statutes?|Convention|Directive)(?:[ \t]+of[ \t]+\d{4})?,?[ \t\n]*$")
_FOLLOWING = re.compile(r"\b(?:the|The)[ \t\n]+following[ \t\n]+(?:parties|persons|entities|companies|members)[ \t\n,]*$")
_LIST_STOP = re.compile(r"(?m)^[ \t]*(?:WHEREAS|Whereas|RECITALS|Recitals|BACKGROUND|Background|NOW,?[ \t]+THEREFORE|IT[ \t]+IS[ \t]+AGREED)")
_INCLUDING = re.compile(r"\b(?:including|includes?|such[ \t\n]+as|limited[ \t\n]+to)[ \t\n,]+$")  # "including, but not limited to PLAYBOY, (the "Playboy Properties")"
_OF_THE = re.compile(r"\b(?:of|to|for|from|under|in|on|at)[ \t\n]+(?:the|its|their)[ \t\n]+$")
_MENTIONED = re.compile(r"\b(?:of|to|for|from|under|in|on|at|than|with\s+respect\s+to|behalf\s+of)[\s,]+$")
_LINKS = re.compile(r"\b(?:and|by|with|to|from)\b|&")
# An alias group several parties share: "(each and both of them "Recipient")", "(collectively the "Company")".
_COLLECTIVE = re.compile(r"\bcollectively\b|\btogether\b(?![ \t]+with)", re.IGNORECASE)
_TWO_NAMED = re.compile(r"\b[A-Z][\w.&'\-]*[ \t]+and[ \t]+(?:the[ \t]+)?[A-Z][\w.&'\-]*[ \t,]*$")  # "The Company and the Trust (together, ...)"
_EACH_A = re.compile(r"\beach(?:,)?[ \t]+(?:a|an)\b", re.IGNORECASE)
_EACH = re.compile(r"\b(?:each|individually)\b", re.IGNORECASE)  # "(collectively the "Principals" and individually a "Principal")"
_JOINT = re.compile(r"\b(?:each|both|collectively|together|jointly|individually|severally)\b", re.IGNORECASE)


def _own_chunk(text: str, a: int, b: int) -> tuple[int, bool]:
    """Where the phrase an alias group closes begins, in ``text[a:b]``: after the last "This ..." (the
    document naming itself: "This Second Amendment ("Second Amendment")" defines no party), and whether
    such a cut was made."""
    for m in starts(text, a, b):  # the list of parties opens after "between"
        a = m[1]
    last = None
    for m in _THIS.finditer(text, a, b):
        last = m
    if last is None or START.search(text, last.end(), b) or _LINKS.search(text, last.end(), b):
        return a, False  # "This Agreement is made between Acme, Inc. and ... ("Franchisee")"
    return last.end(), True


# A letter agreement: "Ladies and Gentlemen:" after the addressee's block, then "X (the "Company") and Y (the
# "Trust") hereby confirm ..." -- the writers' list ends at their verb.
_SALUTATION = re.compile(r"(?m)^[ \t]*(?:Ladies[ \t]+and[ \t]+Gentlemen|Gentlemen|Dear[ \t]+(?:Sirs?|Madam|Mesdames)[^\n:]{0,30})[ \t]*[:,]")
_WRITERS_VERB = re.compile(
    r"[)\]][ \t]*,?[ \t\n]+(?:(?:hereby|each|jointly|severally|and)[ \t\n]+)*(?!(?:and|or|a|an|the|each|as|on|of|in|with|its|"
    r"their|which|who|whose|having|located|organized|formed|incorporated|acting|together|collectively|individually|"
    r"including|for|by|to|at|under|through)\b)[a-z]{3,}\b")


_AGREEMENT_WITH = re.compile(r"[^.;()]{0,60}?\bagreements?[ \t\n]+with[ \t\n]+[^;()]{2,150}\([^()]{1,120}\)")


def _letter(text: str, drafts: list[Draft]) -> int | None:
    """For a letter agreement, add the addressee (the entity on the lines just above the salutation) as a
    party and return where the writers' list ends (the verb after their last alias group); None when the
    text opens no letter."""
    sal = _SALUTATION.search(text, 0, min(len(text), _LETTER_SCAN))
    if sal is None:
        return None
    above = text.rfind("\n", 0, max(0, sal.start() - 1))
    for _ in range(6):  # the addressee's block: name, street, city ...
        if above <= 0:
            break
        above = text.rfind("\n", 0, above - 1)
    for e in entities(text, max(0, above), sal.start()):
        name, cut = clean_name(e.group("name"))
        if norm(name) and not NOT_A_NAME.search(name) and not on_source_line(text, e.start()):
            _add(drafts, text, name.strip(" ,"), e.start("name") + cut, [], "preamble", False, None)
    verb = _WRITERS_VERB.search(text, sal.end(), min(len(text), sal.end() + _PREAMBLE_SCAN))
    if verb is None:
        return None
    other = _AGREEMENT_WITH.match(text, verb.end())  # "hereby confirm their agreement with Keefe, ... Inc. (the "Agent")"
    return other.end() if other else verb.start() + 1


_LETTER_SCAN = 6000
_PREAMBLE_SCAN = 3000


def _add(drafts: list[Draft], text: str, name: str, ns: int, aliases: list[str], src: str, blank: bool,
         group: re.Match[str] | None) -> None:
    courtesy = _COURTESY.match(name)
    if courtesy is not None and courtesy.end() < len(name):  # "Ms. Chen Weijie" is Chen Weijie
        name, ns = name[courtesy.end() :], ns + courtesy.end()
    place = _OF_PLACE.match(text, ns + len(name)) if not blank and _ENDS_IN_SUFFIX.search(name) else None
    if place is not None and is_place(place.group("place")):  # "Alliance Bancorp, Inc. of Pennsylvania"
        name = name + " of " + " ".join(place.group("place").split())
    spans = [Span(start=ns, end=ns + len(name), label="name")]
    if group is not None:
        spans.append(Span(start=group.start(), end=group.end(), label="alias"))
    d = Draft(name=name, aliases=list(aliases), sources={src}, has_alias_group=group is not None,
              placeholder=blank, spans=spans)
    _describe_into(d, text, ns + len(name))
    merge(drafts, d)


def _joint_names(text: str, a: int, b: int) -> list[tuple[str, int]]:
    """The entities an alias group shared by several parties covers (``text[a:b]`` is the phrase before it)."""
    out = []
    for e in entities(text, a, b):
        name, cut = clean_name(e.group("name"))
        ns = widen(text, e.start("name") + cut)
        name = (text[ns : e.start("name") + cut] + name).strip(" ,")
        if norm(name) and not NOT_A_NAME.search(name) and not _IN_ADDRESS.search(text, max(a, ns - 160), ns):
            out.append((name, ns))
    if not out:  # "John Smith and Jane Doe (each a "Founder")": people only
        phrase = text[a:b]
        lead = _LEAD.match(phrase)
        names = _PERSON_LIST.split(phrase[lead.end() if lead else 0 :].strip(" \t\n,"))
        if len(names) >= 2 and all(looks_like_person(n) for n in names):
            at = a
            for n in names:
                at = text.find(n, at)
                out.append((n, at))
                at += len(n)
        return out
    if out:  # "..., Cibelli Research & Management, LLC and Mario Cibelli (collectively, ...)": a person last
        last = text.find(out[-1][0], out[-1][1]) + len(out[-1][0])
        person = _LAST_PERSON.fullmatch(text, last, b)
        if person is not None and looks_like_person(person.group("name")):
            out.append((person.group("name"), person.start("name")))
    return out


_PERSON_LIST = re.compile(r"[ \t\n]*,[ \t\n]*(?:and[ \t\n]+)?|[ \t\n]+(?:and|&)[ \t\n]+")
_LAST_PERSON = re.compile(r"[ \t\n,]*(?:and|&)[ \t\n]+(?P<name>[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){1,3})[ \t\n,]*")


def _strong(text: str, name: str, ns: int, aliases: list[str], blank: bool) -> bool:
    """Evidence that a name defined after the sentence introducing the parties is still a party: a legal
    suffix, a role for an alias, a blank, a stated entity type or an individual."""
    if blank or ENTITY.search(name) or any(a.lower() in ROLE_WORDS for a in aliases):
        return True
    etype, _, kind = describe(text[ns + len(name) : ns + len(name) + 200])
    return bool(etype) or kind == "person"


def _groups(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The alias groups in ``text[a:b]``: bracketed ones, quoted aliases ending a line outside brackets, and
    unbracketed 'hereinafter referred to as: "ELEPHANT TALK"' (as European drafting writes it)."""
    groups = list(_ALIAS_GROUP.finditer(text, a, b))
    taken = [g.span() for g in groups]
    if "\n" in text[a:b]:
        bare = [g for g in _BARE_GROUP.finditer(text, a, b) if not any(x <= g.start() < y for x, y in taken)
                and text.rfind("(", a, g.start()) <= text.rfind(")", a, g.start())]
        groups += bare
        taken += [g.span() for g in bare]
    called = [g for g in _CALLED_GROUP.finditer(text, a, b) if not any(x < g.end() and g.start() < y for x, y in taken)
              and text.rfind("(", a, g.start()) <= text.rfind(")", a, g.start())]
    return sorted(groups + called, key=lambda g: g.start())


_CALLED_GROUP = re.compile(r"(?:here(?:in)?after[ \t,]+)?(?:referred[ \t]+to|called|designated)[ \t]+as[ \t]*:[ \t]*"
                           r"(?P<body>[\"\u201c][A-Z][^\"\u201c\u201d\n]{0,40}[\"\u201d])")


def read_preamble(text: str, drafts: list[Draft]) -> None:
    """Add the parties the preamble names to ``drafts`` (merging repeat sightings)."""
    wins, first_between = windows(text)
    flat = join_wrapped(text, 0, max(b for _, b, _ in wins))
    sal = _SALUTATION.search(flat, 0, min(len(flat), _LETTER_SCAN, wins[0][1]))
    if sal is not None and first_between is not None and sal.start() < first_between:
        first_between = None  # a letter: its "among the Company, the Trust and ..." recites another agreement
    for a, b, label in wins:
        start_m = START.match(flat, a)
        cursor = start_m.end() if start_m else a
        intro_at = cursor if label == "later" else (starts(flat, first_between, b)[:1] or [(0, a)])[0][1] \
            if first_between is not None else None
        intro_end = sentence_end(flat, intro_at, b) if intro_at is not None else None

        letter_cut = _letter(flat, drafts) if label == "preamble" and first_between is None else None

        def where(pos: int) -> str:
            if label == "later" or letter_cut is not None and pos > letter_cut:
                return "later"  # a letter's recital after its writers' verb: "... issued and sold to Lehman Brothers Inc."
            return "head" if first_between is not None and pos < first_between else "preamble"

        listed: list[tuple[int, list[str]]] = []
        for g in _groups(flat, cursor, b):
            aliases = aliases_in(g.group("body"))
            if _SUFFIX_NEXT.match(flat, g.end()) or _NAME_GOES_ON.match(flat, g.end()) and _ONE_WORD.fullmatch(g.group("body")) \
                    and _NAME_BEFORE.search(flat, max(0, g.start() - 40), g.start()):
                continue  # "GALEN (CHEMICALS) LIMITED", "Rise (Tianjin) Education ... Co., Ltd.": part of the name
            if _BARE_SUFFIX.fullmatch(g.group("body").strip(" \t")):
                continue  # "a USA Limited Liability Company (LLC)": the legal form explained, no alias; read on
            chunk_start, cursor = cursor, g.end()
            if not aliases:
                continue
            chunk_start, named_self = _own_chunk(flat, chunk_start, g.start())
            if label == "preamble" and first_between is None and chunk_start == a:
                line = flat.rfind("\n", chunk_start, g.start()) + 1  # a letter's first party, not its title lines
                if line > chunk_start and _name_from_chunk(flat[line : g.start()]) is not None:
                    chunk_start = line
            if _JOINT.search(g.group("body")):
                joint = [(n, at) for n, at in _joint_names(flat, chunk_start, g.start())
                         if not any(re.sub(r"^(?:the|The|THE)[ \t]+", "", n) in d.aliases for d in drafts)]
                if len(joint) >= 2:
                    for name, ns in joint:
                        _add(drafts, flat, name, ns, aliases, where(ns), False, g)
                    continue
            if _COLLECTIVE.search(flat, max(chunk_start, g.start() - 40), g.end()) and not _EACH.search(g.group("body")) \
                    and not _SIGNERS.search(flat, chunk_start, g.start()) and (not g.group(0).startswith("(") or _name_from_chunk(flat[chunk_start : g.start()]) is None
                                                                   or _TWO_NAMED.search(flat, max(chunk_start, g.start() - 80), g.start())):
                continue  # "(collectively, the "Employee Plans")", 'referred to collectively as the "MHCs"': no one party
            you = _AND_YOU.search(flat, chunk_start, g.start()) if label == "preamble" else None
            if you is not None and you.group("role"):  # "between Chase Bank USA, N.A. and you as an "Affiliate" in the ... Program (the "Program")"
                role = you.group("role")
                own = [] if you.end() < g.start() - 2 else aliases  # "and you ("Customer")": the group is yours
                names = [x for x in (role, *own) if x and not is_pronoun(x)]
                if names:
                    d = Draft(name=names[0], aliases=list(dict.fromkeys([*names, "you"])), role=role, placeholder=True,
                              sources={"preamble"}, has_alias_group=bool(own),
                              spans=[Span(start=you.start("p"), end=you.end(), label="alias")])
                    merge(drafts, d)
                continue
            people = _PEOPLE.search(flat, chunk_start, g.start())
            if people is not None and label != "later":  # "Mr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie ("Developer")"
                for p in _PERSON.finditer(flat, people.start("list"), people.end("list")):
                    _add(drafts, flat, p.group("name"), p.start("name"), aliases, where(p.start("name")), False, g)
                continue
            found = _name_from_chunk(flat[chunk_start : g.start()])
            last = drafts[-1] if drafts and label != "later" else None
            if found is None and last is not None and _continues(flat, chunk_start, g.start(), last):
                for al in aliases:  # "Munksgaard A/S, a company of Copenhagen, Denmark ("Publishers")"
                    if al not in last.aliases and al != last.name:
                        last.aliases.append(al)
                last.spans.append(Span(start=g.start(), end=g.end(), label="alias"))
                last.has_alias_group = True
                continue
            owner = next((d for d in drafts if set(aliases) <= set(d.aliases)), None)
            if owner is not None and (found is None or not ENTITY.search(found[0])):
                owner.spans.append(Span(start=g.start(), end=g.end(), label="alias"))
                continue  # the same alias group again ("Toronto Ont. (the "Consultant")"): the party named before
            if found is None and named_self:
                continue  # "This Second Amendment ("Second Amendment")": the document, not a party
            if _STATUTE_BEFORE.search(flat, max(chunk_start, g.start() - 80), g.start()) \
                    and not any(x.lower() in ROLE_WORDS for x in aliases):
                continue  # "Section 141(f) of the Delaware General Corporation Law (the "DGCL")": a law
            if found is None and _FOLLOWING.search(flat, max(chunk_start, g.start() - 80), g.start()):
                listed.append((g.end(), aliases))  # "among the following parties (each a "Member"): 1. Alpha, Inc.; ..."
                continue
            if found is None and _EACH_A.search(g.group("body")) and not _SIGNERS.search(flat, chunk_start, g.start()) \
                    and not any(x.lower() in ROLE_WORDS for x in aliases):
                continue  # "the funds listed in Appendix A (each a "Fund")": a class of things, not a party
            if found is None and _SIGNERS.search(flat, chunk_start, g.start()):
                best = next((x for x in aliases if not is_pronoun(x)), aliases[0])
                d = Draft(name=best, aliases=list(aliases), sources={where(g.start())}, has_alias_group=True,
                          placeholder=True, signers=True, spans=[Span(start=g.start(), end=g.end(), label="alias")])
                drafts.append(d)
                continue
            if found is None:  # the alias is all the name we have ("[***] (the "Provider")")
                best = next((x for x in aliases if not is_pronoun(x)), aliases[0])  # "Franchisee", not "you"
                found = (best, g.start("body") - chunk_start + g.group("body").find(best), False)
            name, off, blank = found
            bare = re.sub(r"^(?:the|The|THE)[ \t]+", "", name)
            if not blank and any(bare in d.aliases for d in drafts) and not any(x.lower() in ROLE_WORDS for x in aliases):
                continue  # "of the Company ("Common Stock")", "the Trust (each, a "Preferred Security")": a thing of a party
            if blank and "name" not in name.lower() and not any(x.lower() in ROLE_WORDS for x in aliases):
                continue  # "Statement of Work {sow_number} ("SOW")": a blank, but not a party's
            ns = chunk_start + off
            if not blank and not ENTITY.search(name) and not any(x.lower() in ROLE_WORDS for x in aliases) \
                    and (_OF_THE.search(flat, max(a, ns - 30), ns) or _INCLUDING.search(flat, max(a, ns - 40), ns)):
                continue  # "reselling licenses of the MediaNet Group Technologies Portals ("PORTALS")": a thing
            if label == "later" and g.start() - ns > _LATER_REACH or on_source_line(flat, ns):
                continue  # a name far above the group (a filer's "Source:" footer) is not the one it defines
            if intro_end is not None and ns > intro_end and not _strong(flat, name, ns, aliases, blank):
                continue  # after the sentence naming the parties: "Standard Operating Procedures (SOPs)"
            if first_between is None and label == "preamble" and not _QUOTE.search(g.group("body")) and not blank \
                    and not _strong(flat, name, ns, aliases, blank):
                continue  # no "between": 'the "Trasandino" Pipeline (OTA)' in a table is a defined term, not a party
            src = where(ns)
            if src == "later" and label == "preamble" and any(is_pronoun(x) for x in aliases):
                src = "preamble"  # a letter's addressee as "you": 'the sales agent identified ... (the "Agent" or "you")'
            if src == "preamble" and (_ACTING_FOR.search(flat, max(a, ns - 60), ns) or _IN_ADDRESS.search(flat, max(a, ns - 160), ns)):
                src = "later"  # "as Administrator for <principal>", "c/o <agent>": named, not a side
            if src == "preamble" and _INDUCED.search(flat, max(a, chunk_start - 300), g.start()):
                src = "later"  # a guarantee: "As an inducement to X to enter into a Franchise Agreement with Y"
            _add(drafts, flat, name, ns, aliases, src, blank, g)
        undersigned = label == "preamble" and first_between is None and _UNDERSIGNED.search(flat, a, min(b, 1500))
        if undersigned:  # "The undersigned hereby agree ...": the parties are those who sign
            drafts.append(Draft(name="the undersigned", sources={"preamble"}, placeholder=True, signers=True,
                                spans=[Span(start=undersigned.start(), end=undersigned.end(), label="alias")]))
        named = [(sp.start, sp.end) for d in drafts for sp in d.spans if sp.label == "name" and a <= sp.start < b]
        for e in entities(flat, a, b):
            role = _ROLE_COMMA.match(e.group("name"))
            first = e.start("name") + (role.end() if role and role.group("role").lower() in ROLE_WORDS else 0)
            if any(x <= first and e.end("name") <= y for x, y in named) or on_source_line(flat, e.start()) \
                    or _FORMERLY.search(flat, max(a, e.start("name") - 30), e.start("name")):
                continue  # inside a name already read, a filer footer, or a former name ("f/k/a Halberd Corporation")
            name, cut = clean_name(e.group("name"))
            ns = widen(flat, e.start("name") + cut)
            name = (flat[ns : e.start("name") + cut] + name).strip(" ,")
            if NOT_A_NAME.search(name):
                continue
            src = where(ns)
            if src == "head" and ns > 1000 or src == "preamble" and ns > (first_between or 0) + 1000:
                src = "later"  # no "between": a bare entity deep in the opening page is only named there
            if text[e.end("name") : e.end("name") + 2].lstrip(" \t").startswith(":"):
                continue  # "Deposit Bank:": a field's label
            key = _KEY_BEFORE.search(text, max(a, ns - 40), ns)
            if key is not None and key.group("key").split()[-1].lower() not in ROLE_WORDS | {"name"} \
                    and not key.group("key").lower().startswith("party"):
                src = "later"  # "Deposit Bank: China Merchants Bank": a field of a party's details, not a party
            if src == "preamble" and (undersigned or _MENTIONED.search(flat, max(a, ns - 40), ns)
                                      or _REPRESENTED.search(flat, max(a, ns - 80), ns)
                                      or _IN_ADDRESS.search(flat, max(a, ns - 160), ns) or _ACTING_FOR.search(flat, max(a, ns - 60), ns)):
                src = "later"  # "the equity securities of Q Biomed, Inc.": named, not a side
            role = _QUOTED_ROLE_BEFORE.search(flat, max(a, ns - 30), ns)  # '"RESELLER"  MTI TECHNOLOGY CORP.'
            role_alias = [role.group("role").title()] if role and role.group("role").lower() in ROLE_WORDS else []
            _add(drafts, flat, name, ns, role_alias, src, False, None)
        for at, aliases in listed:  # the entities listed right after "the following parties (each a "Member"):"
            end = _LIST_STOP.search(flat, at, b)
            for d in drafts:
                if d.sources & {"preamble", "head"} and d.spans and at < d.spans[0].start < (end.start() if end else b):
                    d.sources = (d.sources - {"head", "later"}) | {"preamble"}
                    d.aliases.extend(x for x in aliases if x not in d.aliases)
        for r in _DBA.finditer(flat, a, b):  # "Software.net Corporation, doing business as Beyond.com"
            before = [d for d in drafts if d.spans and d.spans[0].start < r.start()]
            if before:
                owner = max(before, key=lambda d: max(x.start for x in d.spans if x.start < r.start()))
                alias = r.group("alias").strip(" ,.")
                if alias not in owner.aliases and alias != owner.name:
                    owner.aliases.append(alias)
                    owner.spans.append(Span(start=r.start("alias"), end=r.start("alias") + len(alias), label="alias"))
        for r in _CALLED.finditer(flat, a, b):
            alias = (r.group("quoted") or r.group("alias")).strip(" ,.")  # "Effective Date" whole, not "Effective"
            before = [d for d in drafts if d.spans and d.spans[0].start < r.start()]
            if before and alias.lower() not in NOT_PARTY and alias.lower() not in GENERIC_ALIASES:
                owner = max(before, key=lambda d: max(x.start for x in d.spans if x.start < r.start()))
                if r.start() - max(x.start for x in owner.spans if x.start < r.start()) > _CALLED_REACH \
                        or _COLLECTIVE.search(flat, max(a, r.start() - 60), r.end()):
                    continue  # "(such representation and warranty being referred to as "Year 2000 Compliant")"
                if alias not in owner.aliases:
                    owner.aliases.append(alias)
                    owner.spans.append(Span(start=r.start(), end=r.end(), label="alias"))
