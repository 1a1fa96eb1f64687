"""Who holds what in one sentence: the sentence-level reading the ledger is built from.

For a sentence on a topic (a cue matched, see :mod:`.topics`), the reading finds the words that say who the
leverage belongs to, as a careful reader does:

* the **subject** of the operative verb: the last modal phrase ("shall not", "may", "agrees to", "has the
  right to") before the cue in the same part of the sentence, and the party named nearest before it;
  inverted forms ("in no event shall Licensor be liable", "nor shall Customer") take the party after it;
* the **recipient** of a grant: the party named after the granting word ("grants to Distributor",
  "appoints Acme as its exclusive ...", "shall be the property of Company", "vest in Licensee");
* the **possessor** of a liability: "Supplier's aggregate liability", "the liability of Supplier";
* collective subjects ("either party", "each of the Parties", "the Parties", "a Party", "the Receiving
  Party", "Company and Distributor") make the reading **mutual**;
* a one-party carve-out inside a mutual rule ("Neither party may assign ..., except that Licensor may assign
  to an Affiliate") makes it one-sided for the party the carve-out favours.

The topic's ``reading`` then says whether that party gains (a right held, a protection, a grant received) or
gives (a restriction, an exposure, a payment, a duty) the leverage. Pattern matching over offsets only.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..analysis import Analysis, Sentence
from ..model import Obligation, Span
from .topics import Topic

__all__ = ["PAIR_KEY", "RIGHT_WORDS", "SIDE_KEY", "Holding", "listed", "one_side", "read_holding"]

#: A subject that names both sides (or whichever side a role will fall to): the wording is mutual.
_COLLECTIVE = re.compile(
    r"\b(?:(?:each|either|neither|both|any|every)(?:\s+of\s+the)?\s+(?:part(?:y|ies)|of\s+them|of\s+us)|"
    r"the\s+part(?:ies|y)\s+(?:hereto|to\s+this\s+agreement)?|the\s+parties|"
    r"(?:a|any|such|the\s+other|the\s+relevant|the\s+applicable|the\s+affected|that)\s+party|"
    r"the\s+(?:receiving|disclosing|terminating|non-?terminating|breaching|non-?breaching|defaulting|"
    r"non-?defaulting|indemnifying|indemnified|requesting|notifying|recipient|claiming|affected|"
    r"assigning|non-?assigning|auditing|audited|paying|payee)\s+party|"
    r"each\s+of\s+(?:us|you\s+and\s+us)|you\s+(?:and|or)\s+(?:we|us)|we\s+(?:and|or)\s+you)\b",
    re.IGNORECASE,
)
#: Words before a modal that move its subject after it ("In no event shall X be liable", "nor shall X").
_INVERTED = re.compile(
    r"(?:in\s+no\s+event|under\s+no\s+circumstances?|in\s+any\s+event|at\s+no\s+time|nor|neither|not\s+"
    r"only|only)\s*,?\s*$", re.IGNORECASE)
#: Where one part of a sentence ends and the next begins, for finding a subject.
_BREAK = re.compile(
    r";|:(?!\d)|\bprovided,?\s+(?:however,?\s+)?that\b|\bexcept\s+that\b|\b(?:however|notwithstanding\s+the\s+"
    r"foregoing),|\band\s+(?=(?:the\s+)?(?-i:[A-Z])[\w.&'-]*\s+(?:shall|will|may|agrees?|must)\b)", re.IGNORECASE)
#: A carve-out opening: what follows names a party the mutual rule treats differently.
_CARVE_OUT = re.compile(
    r"\b(?:except(?:\s+(?:that|for|as|to\s+the\s+extent))?|provided,?\s+(?:however,?\s+)?that|other\s+than|"
    r"excluding|however|notwithstanding\s+the\s+foregoing|save\s+(?:that|for))\b", re.IGNORECASE)
RIGHT_WORDS = re.compile(
    r"\b(?:may|can|(?:has|have|shall\s+have|will\s+have)\s+(?:the\s+)?(?:sole\s+|exclusive\s+|unilateral\s+)?"
    r"(?:right|option|discretion|power|authority|ability)|(?:is|are|shall\s+be)\s+(?:entitled|permitted|allowed|free|"
    r"authori[sz]ed)|reserves?\s+the\s+right|at\s+(?:its|their)\s+(?:sole\s+)?(?:option|discretion|election)|"
    r"in\s+(?:its|their)\s+(?:sole\s+)?discretion|elects?|chooses?)\b", re.IGNORECASE)
_PROHIBITION_WORDS = re.compile(
    r"\b(?:shall|will|may|must|can)\s*(?:not|never)\b|\bcannot\b|\bagrees?\s+not\s+to\b|\bneither\b|\bnor\b|"
    r"\b(?:is|are)\s+(?:not\s+permitted|prohibited)\b|\bin\s+no\s+event\b|\bno\b", re.IGNORECASE)
#: A modal that relieves its subject: "shall not be obligated / required / bound / liable to".
#: An obliged party submitting to someone else's right: "shall make available for inspection", "shall provide
#: access to its records", "shall submit to an audit".
_SUBMITS = re.compile(r"\b(?:make|made|making)\s+(?:\w+\s+){0,4}?available\s+(?:for|to)\b|\bprovide\s+(?:\w+\s+){0,2}?access\b|"
                      r"\bsubmit\w*\s+to\s+(?:an?\s+|such\s+)?(?:audit|inspection)|\bpermit\w*\s+(?:an?\s+|such\s+)?"
                      r"(?:audit|inspection|examination)", re.IGNORECASE)
#: "In no event shall Pfizer owe any monies to Exact for shortfalls": a payment ruled out protects the payer.
_NO_PAYMENT = re.compile(r"\b(?:in\s+no\s+event|under\s+no\s+circumstances?)\s+(?:shall|will)\s+(?:\w+\s+){1,4}?"
                         r"(?:owe|pay|be\s+(?:required|obligated|liable)\s+to\s+pay)\b|\b(?:shall|will)\s+not\s+(?:owe|"
                         r"be\s+(?:required|obligated|liable)\s+to\s+pay)\b", re.IGNORECASE)
_RELIEVED = re.compile(r"(?:shall|will|may|must)?\s*(?:not|in\s+no\s+event)\s+be\s+(?:obligated|obliged|required|bound|"
                       r"liable|responsible)\b|\s*(?:is|are)\s+not\s+(?:obligated|obliged|required|bound)\b",
                       re.IGNORECASE)
_RECEIVES = re.compile(r"\b(?:receive|earn|retain|collect|be\s+(?:paid|entitled|compensated)|keep)\w*\b",
                       re.IGNORECASE)
#: The verb of a grant: its recipient is named after it ("grants to Ono", "appoints Distributor as").
_GRANT_VERB = re.compile(
    r"\b(?:grant(?:s|ed)?|appoint(?:s|ed)?|designat(?:e|es|ed)|assign(?:s|ed)?|transfer(?:s|red)?|"
    r"convey(?:s|ed)?|award(?:s|ed)?|licen[cs]e[sd]?|sub-?licen[cs]e[sd]?|give[sn]?|offer(?:s|ed)?|"
    r"name[sd]?|engage[sd]?|retain(?:s|ed)?)\b", re.IGNORECASE)
#: Passive ownership: the owner is named after it ("shall be the property of Company", "vest in Licensee").
_OWNED_BY = re.compile(
    r"\b(?:property\s+of|owned\s+(?:solely\s+|exclusively\s+)?by|vest(?:s|ed)?\s+(?:solely\s+|exclusively\s+)?in|"
    r"belong(?:s)?\s+(?:solely\s+|exclusively\s+)?to|(?:assignment|transfer)\s+(?:by\s+\S+(?:\s+\S+)?\s+)?to|"
    r"for\s+the\s+(?:sole\s+)?benefit\s+of|in\s+favou?r\s+of|(?:exclusive|sole)\s+(?:\w+\s+){0,3}?(?:for|to)|"
    r"exclusively\s+(?:for|to))\s+(?:the\s+)?", re.IGNORECASE)
_OWN_VERB = re.compile(r"\b(?:shall|will)\s+(?:solely\s+|exclusively\s+)?own\b|\bretains?\b|\bowns\b",
                       re.IGNORECASE)
_POSSESSIVE = re.compile(r"['\u2019]s?\s*$")


#: Two parties named as one subject: "Company and the Agent", "either Client or TrueLink", "Neither X nor Y".
_JOINED = re.compile(r"\s*(?:,\s*)?(?:and|or|nor|&|and/or)\s+(?:the\s+)?", re.IGNORECASE)
_EACH_OF = re.compile(r"\beach\s+of\s+(?:the\s+)?$", re.IGNORECASE)


#: Words after which the next party is the subject of the clause they open: "unless Supplier gives notice",
#: "shall Customer be required".
_OPENS_SUBJECT = re.compile(r"\s*(?:(?:shall|will|may|must|can)\s+(?:not\s+)?|unless|until|if|where|when|once|"
                            r"in\s+the\s+event(?:\s+that)?|provided(?:,)?\s+(?:however,?\s+)?that)\s*(?:the\s+)?",
                            re.IGNORECASE)


@dataclass(frozen=True)
class Holding:
    """How one cue in a sentence reads: the party the wording names (None when mutual), whether it is
    mutual, whether it came from a carve-out, and the words that show it."""

    party: str | None
    mutual: bool
    gains: bool  # the named party gains the leverage (else it gives it)
    evidence: Span | None
    carve_out: bool = False


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    party: str | None  # None: collective (mutual)


def _candidates(an: Analysis, s: Sentence, principal: frozenset[str]) -> list[_Candidate]:
    """Party mentions (principal parties only) and collective subjects in the sentence, in order (read once
    per sentence, whatever the number of topics on it)."""
    key = ("ledger.candidates", s.start)
    got = an.cache.get(key)  # type: ignore[call-overload]
    if got is None:
        got = an.cache[key] = _read_candidates(an, s, principal)  # type: ignore[index]
    return got  # type: ignore[no-any-return]


#: Where :func:`~.build.build_ledger` leaves the document's principal pair for the readers.
PAIR_KEY = "ledger.pair"
#: Where :func:`~.build.build_ledger` leaves the first principal party's side of the deal (see
#: :func:`~.build.principal_sides`).
SIDE_KEY = "ledger.side"


def _read_candidates(an: Analysis, s: Sentence, principal: frozenset[str]) -> list[_Candidate]:
    pair = an.cache.get(PAIR_KEY)  # type: ignore[call-overload]
    out = [_Candidate(a, b, pid) for a, b, pid in s.mentions if pid in principal]
    for m in _COLLECTIVE.finditer(s.text):
        out.append(_Candidate(s.start + m.start(), s.start + m.end(), None))
    out.sort(key=lambda c: (c.start, -c.end))
    # "Company and Distributor shall": two principal parties joined as one subject read as a collective
    merged: list[_Candidate] = []
    side_of_first = an.cache.get(SIDE_KEY, frozenset())  # type: ignore[call-overload]
    for k, c in enumerate(out):
        if merged and c.party and merged[-1].party != c.party and _joined(an.text, merged[-1], c, out[k + 1:]) \
                and (merged[-1].party or _EACH_OF.search(an.text, max(s.start, merged[-1].start - 16), merged[-1].start)):
            side = one_side(frozenset({merged[-1].party, c.party}), pair, side_of_first) if merged[-1].party else None
            # "X and Y", "each of X and Y": both sides; "Gulf Oil and Gulf India": two sellers, one side
            merged[-1] = _Candidate(merged[-1].start, c.end, side)
            continue
        if c.party and _EACH_OF.search(an.text, max(s.start, c.start - 16), c.start):
            c = _Candidate(c.start, c.end, None)  # "Each of the HOF Entities": whichever of them
        if merged and c.start < merged[-1].end:  # nested: keep the longer one
            continue
        merged.append(c)
    return merged


def _breaks(s: Sentence) -> list[tuple[int, int]]:
    """Where the parts of the sentence meet (absolute start, end of each break), found once per sentence."""
    return [(s.start + m.start(), s.start + m.end()) for m in _BREAK.finditer(s.text)]


def _segment_start(s: Sentence, pos: int, breaks: list[tuple[int, int]]) -> int:
    """Start (absolute) of the part of the sentence holding ``pos``."""
    start = s.start
    for a, b in breaks:
        if b > pos:
            break
        start = b
    return start


def _segment_end(s: Sentence, pos: int, breaks: list[tuple[int, int]]) -> int:
    return next((a for a, _ in breaks if a >= pos), s.end)


def listed(text: str, end: int, start: int) -> str | None:
    """How two party mentions ``text[:end]`` and ``text[start:]`` are listed together: "and" for "X and Y",
    "X or Y", "X, and the Y"; "comma" for "X, the Y"; None when anything else stands between them."""
    if _JOINED.fullmatch(text, end, start):
        return "and"
    return "comma" if _COMMA.fullmatch(text, end, start) else None


def _joined(text: str, left: _Candidate, right: _Candidate, later: list[_Candidate]) -> bool:
    """``left`` and ``right`` name one subject: "X and Y", "X or Y", or "X, Y" when the list goes on to
    "... and Z" ("the Company, the MHC and the Bank"); a bare comma alone ("upon notice to Company, Agent may")
    joins nothing."""
    how = listed(text, left.end, right.start)
    if how != "comma":
        return how == "and"
    nxt = next((c for c in later if c.start >= right.end), None)
    return nxt is not None and nxt.party is not None and listed(text, right.end, nxt.start) == "and"


_COMMA = re.compile(r"\s*,\s*(?:the\s+)?")


def one_side(named: frozenset[str], pair: tuple[str, str] | None, side: frozenset[str] = frozenset()) -> str | None:
    """The one party of the deal's two sides among several parties named together, or None.

    In a contract of more than two parties, two named together are often on the same side ("Gulf Oil and
    Gulf India each agree not to compete", both sellers): when exactly one of them is of the principal pair
    (the two parties the contract speaks of most, :func:`~.build.principal_pair`), the others are taken to
    stand with it and the term is that party's, not mutual. Parties of the first party's ``side`` (named
    together with it across the contract, :func:`~.build.principal_pair`) named without it stand for it."""
    if pair is None or len(named) < 2:
        return None
    ours = named & set(pair)
    if len(ours) == 1:
        return next(iter(ours))
    # "the MHC and the Bank": neither of the pair, both on the first party's side (``side``)
    return pair[0] if not ours and pair[0] in side and named <= side else None


def _inside_parentheses(text: str, start: int, pos: int) -> bool:
    part = text[start:pos]
    return part.count("(") > part.count(")")


_RELATIVE = re.compile(r"\b(?:that|which|who)\s+$", re.IGNORECASE)


def _modal_before(modals: Sequence[Obligation], pos: int, seg: int, text: str = "") -> Obligation | None:
    """The last modal before ``pos`` in the segment; a modal of a relative clause ("agrees not to use the
    Marks in a manner that may impair ...") or of an aside in parentheses ("Zynga will pay WPT $3,000,000 a
    year (which the parties may alter ...)") gives way to the one before it, which carries the sentence."""
    best = None
    for o in modals:
        if o.trigger is not None and seg <= o.trigger.start < pos:
            if best is not None and text and (_RELATIVE.search(text, max(0, o.trigger.start - 8), o.trigger.start)
                                              or _inside_parentheses(text, seg, o.trigger.start)):
                continue
            best = o
    return best


def _subject(an: Analysis, s: Sentence, cands: list[_Candidate], anchor: int, seg: int,
             window: int = 140, modals: Sequence[Obligation] = ()) -> _Candidate | None:
    """The subject of the verb at ``anchor``: the candidate nearest before it (same part of the sentence),
    or the one just after it in an inverted form; for a verb joined by "and"/"or" with no subject of its
    own ("X shall not engage ... and shall not represent"), the subject of the verb before it."""
    text = an.text
    if modals and re.search(r"(?:,\s*|\s)(?:and|or)\s+(?:(?:further|also|will|shall)\s+)?$",
                            text[max(seg, anchor - 20):anchor], re.IGNORECASE):
        earlier = [o for o in modals if o.trigger is not None and s.start <= o.trigger.start < anchor - 4]
        if earlier and earlier[-1].trigger is not None:
            found = _subject(an, s, cands, earlier[-1].trigger.start, s.start, window, modals)
            if found is not None:
                return found
    before = [c for c in cands if seg <= c.start and c.end <= anchor and anchor - c.end <= window]
    inverted = bool(_INVERTED.search(text, max(seg, anchor - 40), anchor))
    if inverted or not before:
        after = next((c for c in cands if anchor <= c.start <= anchor + 40), None)
        # after the verb only in an inverted form ("in no event shall X"), or right after a modal with no
        # subject before it ("shall Customer be required"): "(a) not compete with Supplier" is not Supplier's
        if after is not None and (inverted or not text[anchor:after.start].strip(" ,") or
                                  _OPENS_SUBJECT.fullmatch(text, anchor, after.start)):
            return after
    if not before:
        return None
    best = before[-1]
    # "the liability of Supplier", "Licensee's Affiliates": a possessive or an "of X" is not the subject
    # when a better candidate precedes it; nor is the subject of a relative clause ("trademarks which Airspan
    # may have adopted, and will not contest": the one who will not contest is who acknowledged them)
    if len(before) > 1 and (_POSSESSIVE.search(text, best.end, min(best.end + 2, len(text))) or
                            re.search(r"\b(?:of|by|to|from|with|for|than|and|or|place|against|upon|which|whom|whose)"
                                      r"\s+(?:the\s+)?$", text[max(0, best.start - 12):best.start])):
        for c in reversed(before[:-1]):
            if not re.search(r"\b(?:of|by|to|from|with|for|than|and|or|place|against|upon|which|whom|whose)\s+"
                             r"(?:the\s+)?$", text[max(0, c.start - 12):c.start]) and not (
                    _POSSESSIVE.search(text, c.end, min(c.end + 2, len(text))) and c is not before[0]):
                return c
        return before[-2]
    return best


def _recipient(an: Analysis, cands: list[_Candidate], start: int, end: int) -> _Candidate | None:
    """The party a grant goes to: the first party after a granting verb (skipping "to"/"unto" and a
    possessive such as "Array's"), or after a passive owner phrase ("property of", "vest in")."""
    text = an.text
    for pattern in (_GRANT_VERB, _OWNED_BY):
        for m in pattern.finditer(text, start, end):
            for c in cands:
                if c.start < m.end():
                    continue
                if c.start > m.end() + 60:
                    break
                gap = text[m.end():c.start]
                if re.search(r"[;:]|\b(?:under|of|from|by)\b", gap, re.IGNORECASE):
                    break
                if text[c.end:c.end + 1] in ("'", "\u2019"):  # "Array's Patents": not the recipient
                    continue
                return c
    return None


_POSSESSED = re.compile(r"['\u2019]s?\s+(?:\w+\s+){0,4}?(?P<noun>liabilit\w*|obligations?|indemn\w*|breach\w*|"
                        r"negligen\w*|misconduct|fraud|payments?|confidential\w*|remed(?:y|ies))\b", re.IGNORECASE)


def _possessor(an: Analysis, cands: list[_Candidate], cue_start: int, cue_end: int, seg: int,
               seg_end: int) -> tuple[_Candidate, str] | None:
    """The party whose liability (or remedy) it is: "Supplier's liability", "the liability of Supplier",
    "Customer's sole remedy"; with the possessed noun."""
    text = an.text
    for c in reversed([c for c in cands if seg <= c.start and c.end <= cue_end + 1]):
        m = _POSSESSED.match(text, c.end, min(len(text), c.end + 80))
        if m:
            return c, m.group("noun").lower()
    m = re.search(r"\b(liabilit(?:y|ies)|remed(?:y|ies))\s+of\s+", text[cue_start:seg_end], re.IGNORECASE)
    if m:
        at = cue_start + m.end()
        c = next((c for c in cands if at <= c.start <= at + 8), None)
        if c is not None:
            return c, m.group(1).lower()
    return None


_CHANGED = re.compile(
    r"(?:change\s+(?:of|in)\s+(?:the\s+)?(?:control|ownership)\s+(?:of|in|over)|acquisition\s+of|merger\s+of)\s+"
    r"(?:the\s+)?$", re.IGNORECASE)
_UNDERGOES = re.compile(
    r"^\s*(?:(?:or\s+any\s+of\s+its\s+\w+\s+)?(?:undergoes|experiences|suffers|is\s+(?:acquired|merged|"
    r"subject\s+to)|merges|consolidates|sells|is\s+the\s+subject|becomes\s+(?:controlled|owned))|['\u2019]s?\s+"
    r"(?:\w+\s+){0,2}?(?:change\s+(?:of|in)\s+control|acquisition|merger|voting|shares|stock|equity))",
    re.IGNORECASE)


def _changed_party(an: Analysis, cands: list[_Candidate], seg: int, seg_end: int) -> _Candidate | None:
    """The party whose control changes: "a change of control of Customer", "if Supplier is acquired"."""
    text = an.text
    for c in cands:
        if not (seg <= c.start < seg_end):
            continue
        if _CHANGED.search(text, max(seg, c.start - 60), c.start) or _UNDERGOES.match(text, c.end, min(seg_end, c.end + 80)):
            return c
    return None


#: A passive verb whose agent follows "by": "may be terminated by Agent", "shall be insured by the Company",
#: "examination thereof by representatives of Airspan", "shall not be assignable by Consultant".
_PASSIVE_BY = re.compile(
    r"\b(?:(?:be|been|being|is|are|was|were)\s+(?:\w+ly\s+)?(?:\w+(?:ed|en|wn|ble)|paid|held|made|sold|borne)|"
    r"(?:examination|inspection|audit|review|assignment|transfer|termination|cancellation)\w*(?:\s+thereof)?)"
    r"\b[^;]{0,60}?\bby\s+(?:(?:the\s+)?(?:authori[sz]ed\s+)?(?:representatives?|auditors?|agents?|designees?|"
    r"accountants?)\s+(?:of|for)\s+)?(?:the\s+)?$", re.IGNORECASE)
#: Verbs by which a party obliged to act gives the other a right: "shall permit Array to enter", "provide
#: AIRSOPURE with access", "make its books available to Licensor".
_ENABLE = re.compile(r"\b(?:permit|allow|authori[sz]e|enable|let|provide|give|grant|afford|make\s+\w+(?:\s+\w+)?\s+"
                     r"available\s+to|cooperate\s+with|furnish|deliver|submit|send)\w*\b", re.IGNORECASE)
_DISCRETION_OF = re.compile(r"\b(?:discretion|judgment|option|election|approval)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
_DISCRETION_POSS = re.compile(r"['\u2019]s?\s+(?:sole|absolute|own)\s+(?:and\s+absolute\s+)?(?:discretion|judgment|option|"
                              r"election)", re.IGNORECASE)
_INSURED = re.compile(r"\badditional(?:ly)?\s+insureds?\b|\bloss\s+payees?\b", re.IGNORECASE)
#: "shall be entitled to credit [x]% of the royalties paid to a Third Party against the royalty payable": a
#: payment its payer may reduce is the payer's right, not the payee's.
_OFFSET = re.compile(r"\b(?:credit|offset|set\s*off|deduct|withhold|reduce)\w*\b[^.;]{0,160}?\b(?:against|from)\b",
                     re.IGNORECASE)
_NAME_AS = re.compile(r"\b(?:name|naming|include|including|add|adding|list)\s+(?:the\s+)?$", re.IGNORECASE)
#: "shall cause Owner to be named as an additional insured": the party before a passive naming is the insured.
_NAMED = re.compile(r"(?:\s*,?\s*(?:and|its|their)\b[^.;,]{0,40}?)?\s+(?:(?:to|shall|will|must)\s+)?(?:be|is|are|being)\s+"
                    r"(?:(?:named|included|listed|designated|endorsed|added)\b)|\s+(?:named|listed|included)\s+as\b",
                    re.IGNORECASE)
#: "agrees to offer the Customer the first right of refusal", "shall grant to Rogers the right": the right
#: is the party's the verb gives it to.
_OFFERED_TO = re.compile(r"\b(?:offer|grant|give|afford|extend)(?:s|ed|ing)?\s+(?:to\s+)?(?:the\s+)?$", re.IGNORECASE)
#: "the right for Supplier to audit", "the right of Licensor to terminate".
_RIGHT_FOR = re.compile(r"\b(?:right|option|ability|power|permission|authority)\s+(?:for|of)\s+(?:the\s+)?$",
                        re.IGNORECASE)
_ISSUES = re.compile(r"\b(?:grant|issu|deliver|provid|transfer)\w*\b[^.;]{0,80}?\b(?:shares?|options?|warrants?|stock|"
                     r"equity)\b", re.IGNORECASE)
#: Who is paid: "royalties to be paid by Zynga to WPT", "payable to Licensor", "the Agent's fee".
_PAID_TO = re.compile(r"\b(?:paid|payable|owed|due|remit\w*|credited)\s+(?:\w+\s+){0,3}?to\s+(?:the\s+)?$",
                      re.IGNORECASE)
_PAID_BY = re.compile(r"\b(?:paid|payable|borne|owed)\s+(?:\w+\s+){0,3}?by\s+(?:the\s+)?$", re.IGNORECASE)
_FEE_OF = re.compile(r"^['\u2019]s?\s+(?:\w+\s+){0,2}?(?:fees?|commissions?|royalt\w+|compensation|share|"
                     r"remuneration|consideration|payments?)\b", re.IGNORECASE)
#: "no less favourable to Nortel", "exclusively for AMAG", "for the benefit of Licensee".
_TO_WHOM = re.compile(r"\b(?:to|for|with|unto|for\s+the\s+(?:sole\s+)?benefit\s+of|in\s+favou?r\s+of)\s+"
                      r"(?:the\s+)?$", re.IGNORECASE)


def _passive_agent(an: Analysis, cands: list[_Candidate], seg: int, seg_end: int, verb_at: int, cue_start: int,
                   ) -> _Candidate | None:
    """The agent of the operative verb when it is passive: the modal at ``verb_at`` is followed by "be"
    ("may be terminated by Agent", "shall not be assignable by Consultant"), or the cue itself is a noun of
    action ("examination thereof by representatives of Airspan")."""
    text = an.text
    after_modal = text[verb_at:min(seg_end, verb_at + 40)]
    passive_verb = bool(re.match(r"\s*(?:\w+\s+){0,2}?(?:not\s+)?(?:be|been)\b", after_modal[_word_len(after_modal):],
                                 re.IGNORECASE))
    for c in cands:
        if c.party is None and not re.match(r"(?i)(?:either|each|any|both)", text[c.start:c.end]):
            continue
        if not (seg <= c.start < seg_end) or c.start < verb_at:
            continue
        m = _PASSIVE_BY.search(text, max(seg, c.start - 160), c.start)
        if m is None:
            continue
        if passive_verb and m.start() <= verb_at + 60 or abs(m.start() - cue_start) <= 30:
            return c
    return None


def _word_len(s: str) -> int:
    """Length of the modal phrase at the start of ``s`` (its first one or two words)."""
    m = re.match(r"\s*(?:shall|will|may|must|can|might|should|would)(?:\s+not)?", s, re.IGNORECASE)
    return m.end() if m else 0


def _party_after(an: Analysis, cands: list[_Candidate], pattern: re.Pattern[str], seg: int, seg_end: int,
                 ) -> _Candidate | None:
    """The first candidate in the segment that ``pattern`` (anchored at its end) introduces."""
    text = an.text
    for c in cands:
        if seg <= c.start < seg_end and pattern.search(text, max(seg, c.start - 60), c.start):
            return c
    return None


def read_holding(an: Analysis, s: Sentence, topic: Topic, cue_start: int, cue_end: int,
                 modals: Sequence[Obligation], principal: frozenset[str],
                 pair: tuple[str, str] | None = None) -> Holding | None:
    """How the words ``text[cue_start:cue_end]`` of sentence ``s`` read for ``topic``; None when no holder
    is named.

    Three roles are read around the cue: the *actor* (the active subject of the operative verb, or the agent
    of a passive one), the *beneficiary* (the party a grant, permission, payment or promise goes to) and,
    for liability, the *possessor* ("Supplier's liability"). The topic's reading decides which of them
    gains the leverage."""
    cands = _candidates(an, s, principal)
    if not cands:
        lead = _lead_in(an, s, principal)  # "(b) maintain general liability insurance": the list's subject
        if lead is None:
            return None
        cands = [lead]
    key = ("ledger.breaks", s.start)
    breaks = an.cache.get(key)  # type: ignore[call-overload]
    if breaks is None:
        breaks = an.cache[key] = _breaks(s)  # type: ignore[index]
    seg = _segment_start(s, cue_start, breaks)
    seg_end = _segment_end(s, cue_end, breaks)
    text = an.text
    reading = topic.reading
    modal = _modal_before(modals, cue_start + 1, seg, an.text) or _modal_before(modals, cue_end, seg, an.text)
    anchor = modal.trigger.start if modal is not None and modal.trigger is not None else cue_start
    passive = _passive_agent(an, cands, seg, seg_end, anchor, cue_start)
    subject = _subject(an, s, cands, anchor, seg, modals=modals)
    if subject is None and passive is None:
        subject = _lead_in(an, s, principal)  # "7.1 Customer shall: (a) not compete with Supplier; ..."
    actor = passive if passive is not None and (subject is None or subject.party is not None) else subject
    if actor is not None and actor.party is not None and modal is not None and modal.trigger is not None and \
            re.match(r"\s*(?:\w+\s+)?each\b", text[modal.trigger.end:modal.trigger.end + 16], re.IGNORECASE):
        named = [c for c in cands if seg <= c.start < anchor and c.party]
        sides = one_side(frozenset(c.party for c in named if c.party), pair,
                         an.cache.get(SIDE_KEY, frozenset()))  # type: ignore[call-overload]
        if sides is not None:  # "Gulf Oil and Gulf India each agree": two sellers, one side of the deal
            actor = next(c for c in named if c.party == sides)
        elif len({c.party for c in named}) > 1:
            actor = _Candidate(actor.start, actor.end, None)  # "The Company and the Agent will each maintain"

    found: _Candidate | None = None
    gains = reading in ("right", "protection", "grant")
    inner = next((c for c in cands if cue_start <= c.start < cue_end and c.party is None and
                  re.search(r"\b(?:unless|if|until|when|by)\s+(?:either\s+|each\s+|both\s+)?$", text[max(cue_start, c.start - 20):c.start],
                            re.IGNORECASE)), None)
    if inner is not None:  # "... until terminated or unless either Client or TrueLink delivers notice": both may
        return Holding(None, True, gains, Span(start=inner.start, end=inner.end, label="holder"))
    if reading == "grant":
        owner = next((c for c in cands if c.party and 0 <= cue_start - c.end <= 3 and
                      re.fullmatch(r"['\u2019]s?\s*", text[c.end:cue_start])), None)
        if owner is not None:  # "MediWound's exclusive rights under this Agreement": the possessor's
            found = owner
        elif _OWN_VERB.search(text, seg, cue_end):
            found = subject
        else:
            found = _recipient(an, cands, seg, min(seg_end, cue_end + 80)) or _party_after(
                an, cands, _TO_WHOM, cue_start, min(seg_end, cue_end + 60)) or actor
    elif reading in ("protection", "exposure"):
        if topic.category == "liability.indemnification" and actor is not None and actor.party is not None:
            covered = next((c for c in cands if cue_end <= c.start <= cue_end + 60), None)
            if covered is not None and covered.party == actor.party and not _POSSESSIVE.search(
                    text, covered.end, min(covered.end + 2, len(text))) and not re.match(
                    r"\s*(?:and|or)\s", text[covered.end:covered.end + 6]):
                return None  # "the Company shall indemnify any Company employee": its own people, no leverage
        owned = _possessor(an, cands, cue_start, cue_end, seg, seg_end)
        found = owned[0] if owned is not None else actor
        if owned is not None and owned[1].startswith("remed"):
            gains = False  # "Customer's sole remedy": the remedies of Customer are limited
        if reading == "exposure":
            gains = False
    elif topic.category == "general.sole_discretion":
        whose = _party_after(an, cands, _DISCRETION_OF, seg, seg_end) or next(
            (c for c in cands if seg <= c.start < seg_end and _DISCRETION_POSS.match(text, c.end)), None)
        found, gains = whose or subject, True  # whoever decides holds the leverage, whatever the verb
    elif topic.category == "termination.change_of_control":
        changed = _changed_party(an, cands, seg, seg_end)
        rightful = modal is not None and (modal.modality == "right" or RIGHT_WORDS.search(text, anchor, anchor + 40))
        if actor is not None and (actor.party is None or (rightful and (changed is None or
                                                                        actor.party != changed.party))):
            found = actor
        elif changed is not None:
            found, gains = changed, False  # the party whose control changes needs consent or may be let go
    elif reading == "payment":
        to = _party_after(an, cands, _PAID_TO, seg, seg_end)
        by = _party_after(an, cands, _PAID_BY, seg, seg_end)
        fee = next((c for c in cands if seg <= c.start < seg_end and c.party and _FEE_OF.match(text, c.end)), None)
        given = _recipient(an, cands, anchor if modal is not None else seg, min(seg_end, cue_end + 80)) \
            if _ISSUES.search(text, seg, seg_end) else None
        if actor is not None and actor.party is not None and _NO_PAYMENT.search(text, seg, cue_end):
            found, gains = actor, True
        elif actor is not None and actor.party is not None and _OFFSET.search(text, anchor, seg_end) and (
                (modal is not None and modal.modality == "right") or RIGHT_WORDS.search(text, anchor, anchor + 40)):
            found, gains = actor, True
        elif to is not None:
            found, gains = to, True
        elif given is not None:  # "the Company hereby grants to Nantz options", "shall issue to Xencor shares"
            found, gains = given, True
        elif fee is not None:
            found, gains = fee, True
        elif by is not None:
            found, gains = by, False
        else:
            found = actor
            gains = actor is not None and bool(_RECEIVES.search(text, anchor, min(anchor + 60, cue_end + 20)))
    elif reading == "right":
        found = actor
        given = _party_after(an, cands, _RIGHT_FOR, anchor, min(seg_end, cue_end + 40)) or _party_after(
            an, cands, _OFFERED_TO, anchor, cue_start)
        if given is not None:  # "shall obtain the right for Supplier to audit", "agrees to offer Customer the first right"
            found = given
        elif actor is not None and actor is subject and actor.party is not None:
            if _PROHIBITION_WORDS.search(text, anchor, min(anchor + 25, cue_end)) and not RIGHT_WORDS.search(
                    text, anchor, min(anchor + 12, cue_end)):
                gains = False  # "Distributor may not terminate": a right denied is a restriction borne
            elif (modal is None or modal.modality == "obligation") and not RIGHT_WORDS.search(
                    text, anchor, cue_end):
                # "Supplier shall permit Customer to audit", "Provide AIRSOPURE with access to books"
                enabled = _enabled(an, cands, anchor if modal is not None else seg, cue_end + 40, actor)
                if enabled is not None:
                    found = enabled
                elif modal is not None and _SUBMITS.search(text, anchor, min(seg_end, cue_end + 40)):
                    gains = False  # "EKR shall ... make available for inspection the records": EKR submits to it
    elif topic.category == "liability.insurance" and _INSURED.search(text, seg, seg_end):
        # "the Repairer shall be named as additional insured": the insured party gains the cover
        named = _party_after(an, cands, _NAME_AS, seg, seg_end) or next(
            (c for c in cands if seg <= c.start < seg_end and c.party and _NAMED.match(text, c.end)), None)
        found, gains = (named, True) if named is not None else (actor, True)
    else:  # restriction, duty
        found = actor
        if _RELIEVED.match(text, anchor, min(seg_end, anchor + 60)):
            gains = True  # "BLI shall not be obligated to supply in excess of": a duty limited is a protection
        if reading == "duty" and actor is None:
            found = _party_after(an, cands, _TO_WHOM, cue_start, seg_end)
            gains = found is not None
    if found is None:
        return None
    evidence = Span(start=found.start, end=found.end, label="holder")
    if found.party is None:
        carved = _carve_out(an, s, cands, cue_end, reading)
        if carved is not None:
            return carved
        return Holding(None, True, gains, evidence)
    return Holding(found.party, False, gains, evidence)


_LEAD_MODAL = re.compile(r"\b(?:shall|will|must|agrees?\s+(?:to|that\s+it\s+(?:shall|will)))\b[^:]{0,60}:\s*$|"
                         r"\b(?:covenants?|undertakes?)\b[^:]{0,60}:\s*$", re.IGNORECASE)


def _lead_in(an: Analysis, s: Sentence, principal: frozenset[str]) -> _Candidate | None:
    """The subject of a list's lead-in, for an item that has none of its own: "Customer shall: (a) ...;
    (b) ..." (the text of the parent clause before the item ends with a modal and a colon)."""
    clause = s.clause
    if clause is None or clause.parent_id is None:
        return None
    parent = next((c for c in an.clauses if c.id == clause.parent_id), None)
    if parent is None or not (parent.start <= clause.start <= parent.end):
        return None
    first_child = min((c.start for c in an.clauses if c.parent_id == parent.id), default=clause.start)
    lead_start = max(parent.start, first_child - 400)
    lead = an.text[lead_start:first_child]
    if not _LEAD_MODAL.search(lead):
        return None
    mentions = [(a, b, pid) for a, b, pid in an.enrichment.resolver.mentions(an.text, lead_start, first_child)
                if pid in principal]
    if not mentions:
        return None
    # the subject: the last party named before the lead-in's modal
    m = list(re.finditer(r"\b(?:shall|will|must|agrees?|covenants?|undertakes?)\b", lead, re.IGNORECASE))
    at = lead_start + m[-1].start() if m else first_child
    before = [x for x in mentions if x[1] <= at]
    a, b, pid = before[-1] if before else mentions[0]
    return _Candidate(a, b, pid)


def _enabled(an: Analysis, cands: list[_Candidate], start: int, end: int, actor: _Candidate) -> _Candidate | None:
    """The party an obliged actor must let act: "permit Array", "provide AIRSOPURE with access"."""
    text = an.text
    for m in _ENABLE.finditer(text, start, end):
        nxt = next((c for c in cands if m.end() <= c.start <= m.end() + 40 and c.party != actor.party), None)
        if nxt is not None:
            return nxt
    return None


def _carve_out(an: Analysis, s: Sentence, cands: list[_Candidate], after: int, reading: str) -> Holding | None:
    """A one-party exception to a mutual rule: "..., except that Licensor may assign to an Affiliate"
    (the named party gains), "except for Customer's payment obligations" (the named party loses the
    protection)."""
    text = an.text
    for m in _CARVE_OUT.finditer(text, s.start, s.end):
        window_end = min(s.end, m.end() + 120)
        named = [c for c in cands if m.end() <= c.start < window_end]
        if not named or named[0].party is None:
            continue
        c = named[0]
        if any(x.party is None for x in named[:2]) or len({x.party for x in named if x.party}) > 1:
            continue
        tail = text[c.end:min(window_end, c.end + 60)]
        if reading in ("protection", "exposure") and (tail[:1] in ("'", "\u2019") or re.match(r"\s*s['\u2019]", tail)):
            # "except for Customer's payment obligations": Customer stays liable there
            return Holding(c.party, False, reading == "exposure", Span(start=c.start, end=c.end, label="carve-out"),
                           carve_out=True)
        if RIGHT_WORDS.match(tail.lstrip()) or re.match(r"\s*(?:shall|will)\s+(?:have|be\s+(?:free|entitled|"
                                                         r"permitted))", tail):
            return Holding(c.party, False, True, Span(start=c.start, end=c.end, label="carve-out"), carve_out=True)
    return None
