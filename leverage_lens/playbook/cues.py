"""The cue words of each playbook topic: what a sentence on that topic says, whatever else it shares with the
preferred language.

Finding the clause a reviewer would redline by shared vocabulary alone picks definitions and recitals that
repeat the preferred text's nouns ("Confidential Information", "Fees", "Customer"); a lawyer looks for the
operative words instead: a cap says the liability will not *exceed*, a convenience right terminates *without
cause*, a payment term counts *days* from an *invoice*. Each topic has a pattern of those words, and words that
look like them but mean something else (an "exclusive remedy" is not exclusivity) are blanked first.
Patterns run on lower-cased text with single spaces.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["cue_matches", "has_cue"]

_CAP = (r"\b(?:liab\w*|damages|recover\w*)\b[^.;]{0,200}?\b(?:exceed\w*|limited to|in excess of|greater of|"
        r"lesser of|capped)\b|\blimited\b[^.;]{0,80}?\bto (?:any |the |an )?(?:amount|sum|fees|price)|\bin no event\b[^.;]{0,160}?\b(?:liab\w*|responsible)\b|\b(?:not|no party|neither party)"
        r" (?:be |shall be |will be )?(?:liable|responsible)\b[^.;]{0,160}?\b(?:indirect|consequential|special|"
        r"incidental|punitive|lost profits?|loss of profits?)\b|\blimitation of liability\b")
_OPERATIVE_INDEMNITY = (r"\b(?:shall|will|agrees? to|covenants? to|undertakes? to|must|hereby)\s+(?:[\w,]+\s+){0,4}?"
                        r"(?:indemnif(?:y|ies)|defend|hold (?:\w+ )?harmless|save (?:\w+ )?harmless)\b")
_TERMS = r"(?:price|prices|pricing|fees?|rates?|charges?|royalt\w+)"
_CHANGE = r"(?:increase\w*|adjust\w*|chang\w*|modif\w*|revis\w*|raise\w*)"

#: topic (ledger category) -> (cue pattern, pattern of look-alike words blanked before the cue is sought[, veto:
#: a pattern that, anywhere in the cue's sentence, says it is not such a term: "terminate on notice" for breach])
CUES: dict[str, tuple[str, str | None] | tuple[str, str | None, str]] = {
    "liability.cap": (_CAP, r"\bforce majeure\b|\bsole and exclusive remedy\b"),
    "liability.indemnification": (_OPERATIVE_INDEMNITY, None),
    "termination.convenience": (
        r"\bterminat\w*\b[^.;]{0,160}?\b(?:without cause|for convenience|for any reason|for no reason|at any time|"
        r"at will|with or without cause|in its sole discretion)\b|\b(?:without cause|for convenience|for any "
        r"reason)\b[^.;]{0,100}?\bterminat\w*|\bmay terminate\b[^.;]{0,120}?\b(?:upon|on|by giving|with)\b[^.;]"
        r"{0,60}?\b(?:days?|months?)\b[^.;]{0,40}?\bnotice\b|\bterminat\w* by (?:either|any|each) party\b[^.;]{0,80}?"
        r"\bnotice\b", None,
        r"\b(?:material(?:ly)? breach\w*|default\w*|insolven\w*|bankrupt\w*|fails? to cure)\b"),
    "termination.renewal": (r"\b(?:renew\w*|successive|evergreen|extended for|automatically extend\w*)\b", None),
    "disputes.governing_law": (r"\b(?:governed by|governing law|construed (?:and \w+ )?(?:in accordance with|"
                               r"under)|the laws? of)\b", r"\bunder the laws of the state of \w+\b(?= *[,)])"),
    "exclusivity.exclusive_dealing": (
        r"\bexclusiv\w*|\bsole (?:source|supplier|distributor|provider)\b|\b(?:solely|only|exclusively) from\b|"
        r"\bcompet\w*|\b(?:shall|will|undertakes?|agrees?|covenants?) not (?:to )?(?:\w+ ){0,3}(?:engage|develop|"
        r"sell|market|distribute|manufacture|purchase|buy)\b",
        r"\bnon-?exclusive\w*|\bexclusive (?:remedy|remedies|jurisdiction|venue|property|right, title|ownership|"
        r"control)\b|\bexclusive of\b|\bexclusively in that state\b|\bcomplete and exclusive\b|"
        r"\bsole and exclusive\b|\bcompetent jurisdiction\b"),
    "exclusivity.non_compete": (
        r"\bcompet\w*|\bexclusiv\w*|\b(?:shall|will|undertakes?|agrees?|covenants?) not (?:to )?(?:\w+ ){0,3}"
        r"(?:engage|develop|sell|market|distribute|manufacture)\b",
        r"\bnon-?exclusive\w*|\bexclusive (?:remedy|remedies|jurisdiction|venue|property|control)\b|"
        r"\bcomplete and exclusive\b|\bsole and exclusive\b|\bcompetent jurisdiction\b"),
    "exclusivity.most_favored_nation": (r"\bmost favou?red\b|\b(?:no less|more) favou?rable\b|\b(?:best|lowest) "
                                        r"(?:price|prices|pricing|terms)\b", None),
    "exclusivity.no_solicit_employees": (r"\bsolicit\w*|\b(?:hire|employ|engage)\b[^.;]{0,80}?\b(?:employees?|"
                                         r"personnel|staff)\b", None),
    "confidentiality.obligations": (
        r"\b(?:keep|hold|maintain|treat|protect)\w*\b[^.;]{0,100}?\bconfiden\w*|\bconfiden\w*[^.;]{0,120}?\b(?:not"
        r"|only)\b[^.;]{0,60}?\b(?:disclose|divulge|use|reveal)\w*|\bnot (?:to )?(?:\w+ ){0,2}(?:disclose|divulge|"
        r"reveal)\w*", r"\bconfidential treatment\b|\bexcluded because it is both not material\b[^.]*"),
    "ip.ownership_assignment": (
        r"\bassign\w*\b[^.;]{0,100}?\b(?:right, title|all rights?|its interest|ownership)|\bworks? made for hire\b|"
        r"\b(?:sole|exclusive|absolute)? ?(?:property|owner\w*) of\b|\b(?:remain|be|become|vest)\w*\b[^.;]{0,60}?"
        r"\b(?:property|owner\w*|vest\w*)\b|\bright, title,? and interest\b|\bown\w* all\b",
        r"\bproperty of (?:a|any) (?:party|third party)\b"),
    "liability.liquidated_damages": (r"\bliquidated\b|\bpenalt\w*|\bas (?:a |an )?(?:genuine )?pre-estimate\b", None),
    "payment.price_restrictions": (rf"\b{_TERMS}\b[^.;]{{0,120}}?\b{_CHANGE}|\b{_CHANGE}\b[^.;]{{0,120}}?\b{_TERMS}\b",
                                   None),
    "payment.terms": (
        r"\b(?:pa(?:y|ys|id|yable|yments?)|invoice\w*|due)\b[^.;]{0,140}?\b(?:days?|months?|advance|receipt|delivery|"
        r"shipment|signing|execution|net \d+|upon|end of each)\b", None),
}


_Compiled = tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]


@lru_cache(maxsize=64)
def _compiled(topic: str) -> _Compiled | None:
    cue = CUES.get(topic)
    if cue is None:
        return None
    pos, neg, veto = (*cue, None)[:3]
    return re.compile(pos), (re.compile(neg) if neg else None), (re.compile(veto) if veto else None)


def cue_matches(topic: str | None, text: str) -> list[tuple[int, int]]:
    """Where ``text`` (lower-cased, single spaces) says what the topic's terms say: (start, end) of each cue
    (none for a topic without cues). Linear in the text: each pattern is bounded, and a veto is sought only in
    the sentence of a cue."""
    rx = _compiled(topic) if topic else None
    if rx is None:
        return []
    pos, neg, veto = rx
    if neg is not None:
        text = neg.sub(lambda m: " " * (m.end() - m.start()), text)
    out = []
    for m in pos.finditer(text):
        if veto is not None:
            a = max(text.rfind(".", 0, m.start()), text.rfind(";", 0, m.start())) + 1
            ends = [i for i in (text.find(".", m.end()), text.find(";", m.end())) if i >= 0]
            if veto.search(text, a, min(ends) if ends else len(text)):
                continue
        out.append((m.start(), m.end()))
    return out


def has_cue(topic: str | None, text: str) -> bool:
    """Whether the text holds a cue of the topic (the text lower-cased, with single spaces)."""
    return bool(cue_matches(topic, text))
