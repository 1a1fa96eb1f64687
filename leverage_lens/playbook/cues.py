"""The cue words of each playbook topic: what a sentence on that topic says, whatever else it shares with the
preferred language.

Finding the clause a reviewer would redline by shared vocabulary alone picks definitions and recitals that
repeat the preferred text's nouns ("Confidential Information", "Fees", "Customer"); a lawyer looks for the
operative words instead: a cap says the liability will not *exceed*, a convenience right terminates *without
cause*, a payment term counts *days* from an *invoice*. Each topic has a pattern of those words, and words that
look like them but mean something else (an "exclusive remedy" is not exclusivity) are blanked first.
Patterns are written lower-case with single spaces and run on the contract's own text, in any case and with
any whitespace.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

__all__ = ["CUES", "CueFinder", "cue_matches", "has_cue"]

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
        r"reveal)\w*", r"\bconfidential treatment\b|\bexcluded because it is both not material\b[^.]*",
        # the exceptions to confidentiality say the same words about information that is NOT protected
        r"\b(?:under|without|has|have|had) no (?:\w+ )?(?:obligation|duty)\b|\bdoes not include\b|\bshall not (?:apply|"
        r"include)\b|\bpublic domain\b|\bpublicly (?:known|available)\b|\bindependently developed\b|\brightfully "
        r"(?:received|obtained|known)\b"),
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
        r"shipment|signing|execution|net \d+|upon|end of each)\b|\b(?:upon|on|at) (?:the )?(?:signing|execution|"
        r"signature)\b[^.;]{0,120}?\bpa(?:y|ys|id|yable|yments?)\b", None),
}


#: Word beginnings (lower-case) of which every cue of the topic holds at least one, at the start of a word: only
#: sentences holding one are searched,
#: so finding a topic's cues costs a few ``str.find`` over the text and a search of a few sentences.
ANCHORS: dict[str, tuple[str, ...]] = {
    "liability.cap": ("liab", "damages", "recover", "limited", "event", "responsible"),
    "liability.indemnification": ("indemnif", "defend", "harmless"),
    "termination.convenience": ("terminat",),
    "termination.renewal": ("renew", "successive", "evergreen", "extend"),
    "disputes.governing_law": ("govern", "constru", "law"),
    "exclusivity.exclusive_dealing": ("exclusiv", "sole", "only", "compet"),
    "exclusivity.non_compete": ("compet", "exclusiv", "engage", "develop", "sell", "market", "distribut",
                                "manufactur"),
    "exclusivity.most_favored_nation": ("favo", "best", "lowest"),
    "exclusivity.no_solicit_employees": ("solicit", "hire", "employ", "engage"),
    "confidentiality.obligations": ("confiden", "disclos", "divulg", "reveal"),
    "ip.ownership_assignment": ("assign", "hire", "property", "own", "vest", "title"),
    "liability.liquidated_damages": ("liquidated", "penalt", "estimate"),
    "payment.price_restrictions": ("price", "pricing", "fee", "rate", "charge", "royalt"),
    "payment.terms": ("pay", "paid", "invoice", "due"),
}

_STOP = re.compile(r"[.;]")

_Compiled = tuple[re.Pattern[str], re.Pattern[str] | None, re.Pattern[str] | None]


def _on_text(pattern: str) -> re.Pattern[str]:
    """A cue pattern (written lower-case with single spaces) compiled for the contract's lower-cased text with
    any run of whitespace (a line break inside "in no event"), so offsets stay the document's."""
    pattern = pattern.replace(" *", r"\s*")
    return re.compile(re.sub(r" (?![*+?{])", r"\\s+", pattern))


@lru_cache(maxsize=64)
def _compiled(topic: str) -> _Compiled | None:
    cue = CUES.get(topic)
    if cue is None:
        return None
    pos, neg, veto = (*cue, None)[:3]
    return _on_text(pos), (_on_text(neg) if neg else None), (_on_text(veto) if veto else None)


def _lower(text: str) -> str:
    """The text lower-cased with every offset kept (the rare letter whose lower case is longer stays as is)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(c.lower()) != 1 else c.lower() for c in text)  # pragma: no cover - rare letters


class CueFinder:
    """The cues of each topic in one text, sought once per topic (so a check of thirty positions reads the
    contract once per topic, not once per clause and position), and only in the sentences holding one of the
    topic's :data:`ANCHORS`. Linear in the text: anchors are found with ``str.find``, each pattern is bounded
    by its sentence, and a veto is sought only in the sentence of a cue."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._low: str | None = None
        self._stop: list[int] | None = None
        self._found: dict[str, list[int]] = {}

    @property
    def low(self) -> str:
        if self._low is None:
            self._low = _lower(self.text)
        return self._low

    def starts(self, topic: str | None) -> list[int]:
        """The offsets where a cue of the topic starts, in order (none for a topic without cues)."""
        if not topic:
            return []
        found = self._found.get(topic)
        if found is None:
            found = [a for a, _ in self._matches(topic)]
            self._found[topic] = found
        return found

    def within(self, topic: str | None, start: int, end: int) -> bool:
        """Whether a cue of the topic starts inside ``text[start:end]``."""
        found = self.starts(topic)
        i = bisect_left(found, start)
        return i < len(found) and found[i] < end

    def _stops(self) -> list[int]:
        """Where the text's sentences end ("." or ";"), found once: bounds come by bisection, never by a scan
        back to the last full stop (quadratic on a text without one)."""
        if self._stop is None:
            self._stop = [m.start() for m in _STOP.finditer(self.low)]
        return self._stop

    def _sentences_with_anchor(self, topic: str) -> list[tuple[int, int]]:
        low = self.low
        stops = self._stops()
        bounds: set[tuple[int, int]] = set()
        for anchor in ANCHORS.get(topic, ()):
            at = low.find(anchor)
            while at >= 0:
                if at > 0 and low[at - 1].isalpha():  # inside a word ("corporate" is not "rate"): no cue starts
                    at = low.find(anchor, at + 1)
                    continue
                i = bisect_left(stops, at)
                a = stops[i - 1] + 1 if i > 0 else 0
                b = stops[i] + 1 if i < len(stops) else len(low)
                bounds.add((a, b))
                at = low.find(anchor, b)  # the rest of this sentence is searched already
        return sorted(bounds)

    def _matches(self, topic: str) -> list[tuple[int, int]]:
        rx = _compiled(topic)
        if rx is None:
            return []
        pos, neg, veto = rx
        low = self.low
        out: list[tuple[int, int]] = []
        for a, b in self._sentences_with_anchor(topic):
            if veto is not None and veto.search(low, a, b):
                continue
            hits = [(m.start(), m.end()) for m in pos.finditer(low, a, b)]
            if hits and neg is not None:  # look-alike words inside a cue: not a cue
                blanked = [(m.start(), m.end()) for m in neg.finditer(low, a, b)]
                hits = [(x, y) for x, y in hits if not any(p < y and x < q for p, q in blanked)]
            out += hits
        return sorted(set(out))


def cue_matches(topic: str | None, text: str) -> list[tuple[int, int]]:
    """Where ``text`` says what the topic's terms say: (start, end) of each cue (none for a topic without
    cues)."""
    return CueFinder(text)._matches(topic) if topic else []


def has_cue(topic: str | None, text: str) -> bool:
    """Whether the text holds a cue of the topic."""
    return bool(cue_matches(topic, text))
