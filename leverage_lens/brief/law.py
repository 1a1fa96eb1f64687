"""Which law governs and where disputes go: the governing-law and forum key terms, with jurisdiction codes.

A choice of law reads "governed by (and construed in accordance with) the laws of X", "the laws of X shall
govern", "governed by English law" or "by PRC Laws"; X is the run of capitalised words after "laws of" ("the
State of New York", "England and Wales"), normalised to the jurisdiction's name ("New York") and coded from
``data/jurisdictions.json`` (ISO 3166: ``US-NY``, ``CA-ON``, ``GB-ENG``, ``CN``). "The laws of that State"
and "the laws thereof" point back to the place named earlier in the sentence. A placeholder ("State of
[Governing Law Jurisdiction]", ``{governing_law}``) is said to be left blank, never read as a place. The forum
is the place after "courts (located) in", "jurisdiction of the courts of", "venue ... in" or "arbitration
... in".
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from .._paths import data_dir
from ..analysis import Analysis
from ..model import KeyTerm
from .terms import key_term, placeholder_at

__all__ = ["forum", "governing_law", "jurisdiction_code", "jurisdiction_name"]

_WORD = r"[A-Z][\w'\u2019.-]*"
_LEAD = r"(?:(?i:the)\s+)?(?:(?i:state|commonwealth|province|territory|canton|republic|kingdom)\s+(?i:of)\s*)?"
_PLACE = (rf"(?P<j>{_LEAD}{_WORD}(?:(?:\s+(?i:of|and|the|for))*(?:\s+|\s*,\s*(?=U\.S|USA|United|Canada)){_WORD})*)")
# a forum may add its state or country after a comma: "Wilmington, Delaware"
_PLACE_CITY = _PLACE[:-1] + rf"(?:,\s*{_WORD}(?:\s+{_WORD})?)?)"
_LAWS_OF = (r"\b(?i:laws?|regulations|(?:laws?\s+and\s+)?(?:judicial\s+)?decisions)(?:\s*,[^.;]{0,80}?,)?\s+"
            r"(?i:in\s+force\s+in|of|in)\s*")
_LAW = re.compile(
    r"(?i:govern\w*|constru\w*|interpret\w*|enforce\w*|subject|accordance|controlled|applies|apply)\b[^.;]{0,200}?"
    + _LAWS_OF + _PLACE
    + r"|\b(?i:laws?)\s+(?i:of)\s*" + _PLACE.replace("(?P<j>", "(?P<j2>") + r"[^.;]{0,60}?(?i:shall|will)?\s*(?i:govern|"
    r"appl(?:y|ies)|control)"
    # "governed by English law", "by Ohio law", "governed by PRC Laws", "the internal laws State of New York"
    r"|(?i:govern\w*|constru\w*)\b[^.;]{0,80}?\b(?i:by|with)\s+(?:the\s+)?(?:internal\s+|substantive\s+)?"
    r"(?P<adj>[A-Z][\w.'\u2019-]*(?:\s+[A-Z][\w.'\u2019-]*)?)\s+(?i:laws?)\b"
    r"|(?i:internal\s+laws?)\s+(?P<j3>(?:State|Commonwealth|Province)\s+of\s+" + _WORD + r"(?:\s+" + _WORD + r")?)"
)
_BACK = re.compile(r"(?i:laws?\s+(?:of\s+(?:that|such|said|the\s+same)\s+(?:state|province|country|jurisdiction)|"
                   r"thereof))")
_NAMED_PLACE = re.compile(r"(?:State|Commonwealth|Province|state|province)\s+of\s+(?P<j>" + _WORD + r"(?:\s+" + _WORD
                          + r")?)")
_LAW_ANCHOR = ("govern", "laws of", "law of", " law.", " laws.")
_PREFIX = re.compile(r"^(?:the\s+)?(?:(?:State|Commonwealth|Province|Territory|Canton|Republic|Kingdom)\s+of\s+)?",
                     re.IGNORECASE)
_SUFFIX = re.compile(r"(?:[\s,]+(?:and|of|the|for|U\.?S\.?A?\.?|United\s+States(?:\s+of\s+America)?|Canada))+\s*$",
                     re.IGNORECASE)
_TAIL = re.compile(r"\s+(?:(?:and|or)\s+(?:the\s+)?(?:Parties|Party|Agreement|Federal|applicable|any|all)|without|applicable|"
                   r"excluding|except|notwithstanding|regardless|including|as\s+applied)\b.*$", re.I)
_ADJECTIVES = {"english": "England", "british": "United Kingdom", "prc": "People's Republic of China",
               "chinese": "People's Republic of China", "german": "Germany", "french": "France", "swiss": "Switzerland",
               "dutch": "Netherlands", "irish": "Ireland", "israeli": "Israel", "japanese": "Japan", "scottish":
               "Scotland", "italian": "Italy", "spanish": "Spain", "canadian": "Canada", "indian": "India",
               "singapore": "Singapore", "hong kong": "Hong Kong", "korean": "Korea", "swedish": "Sweden",
               "r.o.c.": "Taiwan", "roc": "Taiwan", "u.s.": "United States", "us": "United States",
               "federal": "United States"}
_NOT_LAW = re.compile(r"(?i:^(?:the\s+)?(?:applicable|governing|such|this|any|all|other|its|their|local|federal\s+"
                      r"securities|same|internal|mandatory|relevant|foreign|domestic)\b)")


@lru_cache(maxsize=1)
def _codes() -> dict[str, str]:
    raw = json.loads((data_dir() / "jurisdictions.json").read_text(encoding="utf-8"))["codes"]
    return {k.lower(): v for k, v in raw.items()}


def jurisdiction_code(name: str | None) -> str | None:
    """ISO 3166 code of a jurisdiction's name ("New York" -> "US-NY", "Ontario" -> "CA-ON", "England" ->
    "GB-ENG", "Japan" -> "JP"), or None when the name is not in ``data/jurisdictions.json``."""
    if not name:
        return None
    key = " ".join(name.split()).lower().strip(" ,.")
    codes = _codes()
    if key in codes:
        return codes[key]
    key = re.sub(r"^the\s+", "", key)
    return codes.get(key)


def jurisdiction_name(raw: str) -> str:
    """ "the State of NEW YORK" -> "New York"; "England and Wales" stays; capitals read as a title."""
    name = " ".join(raw.split()).rstrip(".,")
    name = _TAIL.sub("", name)
    if jurisdiction_code(name) is None:  # "the Republic of Colombia" -> "Colombia"; keep "Republic of China"
        name = _PREFIX.sub("", name)
    trimmed = _SUFFIX.sub("", name).strip(" ,.")
    if trimmed.lower() not in ("", "the"):  # "the United States" stays itself
        name = trimmed
    elif jurisdiction_code(name):
        name = re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)
    if name.isupper() and len(name) > 4:
        name = " ".join(w if w in ("OF", "AND", "THE") else w.capitalize() for w in name.split())
        name = name.replace(" OF ", " of ").replace(" AND ", " and ").replace(" THE ", " the ")
    alias = _ADJECTIVES.get(re.sub(r"^the\s+", "", name.lower()))
    return alias or name


_REDACTED_LAW = re.compile(r"(?i:(?:govern|constru)\w*\b[^.;]{0,120}?\blaws?\s+(?:of|in)\s+(?:the\s+)?"
                          r"(?:(?:state|province|commonwealth)\s+of\s+)?(?:\[\s*\*[\s*]*\]|\*{3,}|\[redacted\]))")


def _law_in(ctx: Analysis, start: int, end: int, conf: float) -> KeyTerm | None:
    for s, e in ctx.sentences_in(start, end):
        if not re.search(r"(?i:\blaws?\b|regulations)", ctx.text[s:e]):
            continue
        blank = placeholder_at(ctx.text, s, e, r"(?i:laws?\s+of|governed\s+by|jurisdiction)")
        if blank is not None:
            return key_term(ctx, "governing_law", s, e, value=None, confidence=conf, detail="left blank")
        if _REDACTED_LAW.search(ctx.text, s, e):
            # "the laws of [***]", "the internal laws of the [***]": the filer blacked the jurisdiction out
            return key_term(ctx, "governing_law", s, e, value=None, confidence=conf, detail="redacted")
        for m in _LAW.finditer(ctx.text, s, e):
            raw = m.group("j") or m.group("j2") or m.group("j3") or m.group("adj")
            if raw is None or _NOT_LAW.match(raw):
                continue
            if m.group("adj") and raw.lower() not in _ADJECTIVES and jurisdiction_code(raw) is None:
                continue
            name = jurisdiction_name(raw)
            if not name or name.lower() in ("the", "this agreement") or _LABEL.search(" ".join(name.split()[:2])):
                continue
            if jurisdiction_code(name) == "US":  # "the laws of the United States and ... of the Commonwealth of Kentucky"
                later = _NAMED_PLACE.search(ctx.text, m.end(), e)
                if later is not None:
                    name = jurisdiction_name(later.group("j"))
            return _law_term(ctx, s, e, name, conf)
        back = _BACK.search(ctx.text, s, e)
        if back is not None and re.search(r"(?i:govern|constru|interpret)", ctx.text[s:e]):
            named = list(_NAMED_PLACE.finditer(ctx.text, s, e))
            if named:
                return _law_term(ctx, s, e, jurisdiction_name(named[0].group("j")), conf * 0.9)
    return None


def _law_term(ctx: Analysis, s: int, e: int, name: str, conf: float) -> KeyTerm:
    return key_term(ctx, "governing_law", s, e, value=name, confidence=conf, code=jurisdiction_code(name))


def governing_law(ctx: Analysis) -> KeyTerm | None:
    """The governing-law sentence, its value the jurisdiction's name and ``code`` its ISO 3166 code."""
    for conf, c in ctx.tagged("disputes.governing_law")[:4]:
        found = _law_in(ctx, c.start, c.end, 0.5 + 0.45 * conf)
        if found is not None:
            return found
    seen: set[int] = set()
    for pos in ctx.anchors(_LAW_ANCHOR, limit=60):
        s, e = ctx.sentence_bounds(pos)
        if s in seen:
            continue
        seen.add(s)
        found = _law_in(ctx, s, e, 0.6)
        if found is not None:
            return found
    return None


_FORUM = re.compile(
    r"(?i:courts?|jurisdiction|venue|forum|tribunal)\b[^.;]{0,120}?\b(?i:located|sitting|situated|seated|held)?\s*"
    r"(?i:in|of|at)\s+(?:(?i:the\s+)?(?i:city|county|borough|state|district)\s+of\s+)?" + _PLACE_CITY
)
_ARBITRATION = re.compile(r"(?i:arbitrat\w*)\b[^.;]{0,200}?\b(?i:in|at)\s+(?:(?i:the\s+)?(?i:city|county)\s+of\s+)?"
                          + _PLACE_CITY)
_FORUM_ANCHOR = ("jurisdiction", "venue", "arbitrat")
# a form's label for a value given elsewhere, not a place: "the Chosen Courts", "the courts of the Governing
# State", "the law listed in Cover Terms", "the laws of the State of Governing Law", "located in Jurisdiction"
_LABEL = re.compile(r"\b(?:Courts?|Governing|Law|Laws|Jurisdiction|Terms|SOW|USD|Cover|Order\s+Form|Schedule|Exhibit|"
                    r"Addendum|Statement\s+of\s+Work|Key\s+Terms)\b")
_NOT_PLACE = re.compile(r"^(?:the\s+)?(?:Agreement|Party|Parties|Section|Article|Court|Courts|Rules|Federal|"
                        r"English|Commercial|Arbitration|Claim|Dispute|Company|Customer|Provider|Licensor|Licensee|"
                        r"Supplier|Seller|Buyer|Purchaser|Investor|Holder|Vendor|Client|Contractor)\b", re.IGNORECASE)


def _forum_in(ctx: Analysis, start: int, end: int, conf: float) -> KeyTerm | None:
    for s, e in ctx.sentences_in(start, end):
        for pattern, kind in ((_ARBITRATION, "arbitration"), (_FORUM, "courts")):
            for m in pattern.finditer(ctx.text, s, e):
                if placeholder_at(ctx.text, m.start("j"), min(e, m.end("j") + 3)) is not None:
                    return key_term(ctx, "forum", s, e, value=None, confidence=conf, detail="left blank")
                name = jurisdiction_name(m.group("j"))
                after = ctx.text[m.end("j"): m.end("j") + 12]
                if re.match(r"(?i:\s+(?:section|clause|article|paragraph|schedule|exhibit)\b)", after):
                    continue  # "handled in the Restricted Transfer section": a cross-reference
                if name and not _NOT_PLACE.match(name) and not _LABEL.search(" ".join(name.split()[:2])):
                    code = jurisdiction_code(name) or jurisdiction_code(name.rsplit(",", 1)[-1])
                    return key_term(ctx, "forum", s, e, value=name, confidence=conf, detail=kind, code=code)
    return None


def forum(ctx: Analysis) -> KeyTerm | None:
    """Where disputes are heard: the courts' or the arbitration's seat, ``detail`` saying which."""
    for conf, c in ctx.tagged("disputes.jurisdiction", "disputes.arbitration", "disputes.governing_law")[:6]:
        found = _forum_in(ctx, c.start, c.end, 0.4 + 0.4 * conf)
        if found is not None:
            return found
    for pos in ctx.anchors(_FORUM_ANCHOR, limit=40):
        s, e = ctx.sentence_bounds(pos)
        found = _forum_in(ctx, s, e, 0.5)
        if found is not None:
            return found
    return None
