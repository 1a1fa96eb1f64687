"""Vague or inconsistent standards: "and/or", mixed efforts standards, and words with no measure.

These are matters of taste as much as defects, so they are reported at low severity and grouped: one finding
per word per top-level section, with every other occurrence as evidence, so forty "promptly"s do not bury the
one "thirty (60) days".
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...analysis import Analysis
from ...model import Finding, Span
from ..registry import Rule, rule
from ._common import STANDARDS, finding, grouped, lowered

_AND_OR = re.compile(r"\band\s*/\s*or\b", re.IGNORECASE)
# The literal first and the word boundary checked behind it: the engine jumps from "and" to "and" (ten times
# faster than a pattern opening with \b, same matches).
_AND_OR_LOW = re.compile(r"and(?<=\band)\s*/\s*or\b")


def _scan(ctx: Analysis, low_pattern: re.Pattern[str], ci_pattern: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """Matches of a case-insensitive pattern, found by the (faster) lower-case pattern on the lower-cased text when
    lower-casing keeps every offset. Groups then hold lower-cased text: read the original at the same offsets."""
    low = lowered(ctx)
    return low_pattern.finditer(low) if low is not None else ci_pattern.finditer(ctx.text)


# A name or a defined term on each side ("XLI and/or WCC may cancel", "VNBZ and/or ANRA"): who acts, who is
# bound or covered. Between verbs and common nouns ("use and/or disclose", "products and/or services") either
# reading gives the same result, and a hand review found those not worth a reader's time.
_NAME_BEFORE = re.compile(r"\b[A-Z][\w\-.&]*[ \t]*$")
_NAME_AFTER = re.compile(r"[ \t]*(?:its\s+|their\s+)?[A-Z][\w\-]")
# ... and the pair is who acts or what a definition names: the subject of a verb ("XLI and/or WCC may cancel")
# or what a term means ("Company" means VNBZ and/or ANRA). As an object ("rights in Work Product and/or Aduro
# IP", "agreements with Visa and/or MasterCard") either reading gives the same result: a hand review of fresh
# contracts found none of those worth a reader's time.
_SUBJECT_AFTER = re.compile(r"[ \t]*(?:its\s+|their\s+|the\s+)?(?:[A-Z][\w\-.&]*\s+){0,4}?[A-Z][\w\-.&]*"
                            r"(?:\s*\([^()]{0,40}\))?,?\s+(?:shall|will|may|must|can|agrees?|is|are|has|have|hereby|each|"
                            r"both|jointly|severally)\b")
_MEANS_BEFORE = re.compile(r"\b(?:means?|refers?\s+to|shall\s+mean)\s+(?:the\s+|each\s+of\s+)?"
                           r"(?:[A-Z][\w\-.&]*\s+){0,4}?[A-Z][\w\-.&]*[ \t]*$")


@rule(
    "ambiguity.and_or",
    kind="ambiguity",
    description="\u201cand/or\u201d between names or defined terms that act or that a definition names (\u201cXLI "
    "and/or WCC may cancel\u201d): who acts, who is bound? Courts have read it both ways. One finding per contract, "
    "every such use kept as evidence; \u201cand/or\u201d between verbs or common nouns (\u201cuse and/or "
    "disclose\u201d) or between the objects of a clause (\u201crights in the Software and/or the Data\u201d), where "
    "either reading gives the same result, is not reported.",
    severity="low", category=STANDARDS,
    suggestion="write \u201cA or B or both\u201d, or \u201cA and B\u201d, whichever is meant",
    fires_on=("1. Termination. Supplier and/or Customer may terminate on notice.",),
    quiet_on=("1. Termination. Supplier or Customer, or both, may terminate on notice.",
              "1. Assignment. Supplier assigns its rights in the Software and/or the Data to Customer.",
              "1. Notices. Notice may be given by mail and/or email."),
)
def and_or(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    hits = [(m.start(), m.end(), "and/or") for m in _scan(ctx, _AND_OR_LOW, _AND_OR)
            if _NAME_BEFORE.search(text, max(0, m.start() - 40), m.start()) and _NAME_AFTER.match(text, m.end())
            and (_SUBJECT_AFTER.match(text, m.end(), m.end() + 120)
                 or _MEANS_BEFORE.search(text, max(0, m.start() - 80), m.start()))]
    return grouped(ctx, r, hits, per="document",
                   message="\u201cand/or\u201d is used {times}: each can be read as \u201cand\u201d or as \u201cor\u201d.")


_EFFORTS_SRC = (
    r"\b(?P<std>best|commercially\s+reasonable|reasonable\s+best|reasonable|good\s+faith|diligent|all\s+reasonable)"
    r"\s+(?:commercial\s+)?efforts?\b"
)
_EFFORTS = re.compile(_EFFORTS_SRC, re.IGNORECASE)
_EFFORTS_LOW = re.compile(_EFFORTS_SRC)



def _norm(std: str) -> str:
    return " ".join(std.lower().split())


@rule(
    "ambiguity.mixed_efforts",
    kind="ambiguity",
    description="The contract mixes efforts standards (best / reasonable / commercially reasonable efforts): "
    "a reader may take the difference to be deliberate. One finding per standard other than the most used.",
    severity="low", category=STANDARDS,
    suggestion="use one efforts standard throughout, or define each and say why they differ",
    fires_on=("1. Supply. Supplier shall use best efforts to deliver. 2. Marketing. Distributor shall use "
              "commercially reasonable efforts to promote the products.",),
    quiet_on=("1. Supply. Supplier shall use commercially reasonable efforts to deliver. 2. Marketing. "
              "Distributor shall use commercially reasonable efforts to promote the products.",),
)
def mixed_efforts(ctx: Analysis, r: Rule) -> list[Finding]:
    by_std: dict[str, list[re.Match[str]]] = {}
    for m in _scan(ctx, _EFFORTS_LOW, _EFFORTS):
        by_std.setdefault(_norm(m.group("std")), []).append(m)
    if len(by_std) < 2:
        return []
    main = max(by_std, key=lambda k: (len(by_std[k]), k))
    out = []
    for std, ms in by_std.items():
        if std == main:
            continue
        first = ms[0]
        out.append(finding(
            ctx, r, first.start(), first.end(),
            f"\u201c{std} efforts\u201d ({len(ms)}x) sits beside \u201c{main} efforts\u201d ({len(by_std[main])}x) "
            "in the same contract.",
            evidence=[Span(start=m.start(), end=m.end(), label="occurrence") for m in ms[1:]]
            + [Span(start=by_std[main][0].start(), end=by_std[main][0].end(), label="other_standard")]))
    return out


_VAGUE_SRC = (
    r"\b(?P<w>promptly|as\s+soon\s+as\s+(?:reasonably\s+)?(?:practicable|possible)|in\s+a\s+timely\s+(?:manner|fashion)|"
    r"timely|forthwith|without\s+undue\s+delay|within\s+a\s+reasonable\s+(?:time|period(?:\s+of\s+time)?))\b"
    r"(?P<tail>[^.;\n]{0,80})"
)
_VAGUE = re.compile(_VAGUE_SRC, re.IGNORECASE)
_VAGUE_LOW = re.compile(_VAGUE_SRC)
# A measure next to the word: "promptly (and in any event within 5 days)", "as soon as practicable but no later than".
_MEASURE = re.compile(r"\b(?:in\s+any\s+event|but\s+(?:in\s+any\s+case\s+)?(?:no|not)\s+later|within\s+\w+\s*\(?\d|"
                      r"within\s+(?:one|two|three|four|five|six|seven|ten|fifteen|twenty|thirty|sixty|ninety)\b|"
                      r"no\s+later\s+than|not\s+later\s+than|\d+\s+(?:business\s+|calendar\s+|working\s+)?"
                      r"(?:days|hours))", re.IGNORECASE)
# The word sets the pace of a duty: a modal or an undertaking earlier in the same sentence ("Supplier shall
# promptly notify", "agrees to return ... as soon as practicable"); not a condition ("any timely objection").
_DUTY_BEFORE = re.compile(r"\b(?:shall|will|must|agrees?\s+to|undertakes?\s+to|(?:is|are)\s+(?:required|obligated|"
                          r"obliged)\s+to|covenants?\s+to)\b", re.IGNORECASE)
# "timely" as an adjective before a noun ("timely payment", "a timely manner" aside) names a condition, and
# "timely" after a verb of being ("is timely") judges one: only the adverb before a verb sets a pace.
_TIMELY_ADJECTIVE = re.compile(r"\s+(?:and\s+\w+\s+)?(?:payment|notice|delivery|filing|performance|manner|basis|"
                               r"fashion|submission|completion|receipt|response|written|objection|cure|[a-z]+(?:ion|ment|ance|ence)s?)\b")

# Duties whose timing is worth a deadline in negotiation: paying, delivering, putting right, deleting data, and
# telling of a breach. Two hand reviews found "promptly return the materials", "promptly notify of any claim",
# "respond as soon as practicable" and "perform in a timely manner" accepted as written nearly always.
_TIMED_DUTY = re.compile(r"\b(?:pay|paid|repay|refund|reimburse|remit|credit|deliver(?!\s+(?:to\s+\w+\s+)?(?:\w+\s+){0,4}?"
                         r"(?:materials|documents|property|records|papers|certificates|copies|files)\b)|ship|supply|replace|repair|"
                         r"correct|cure|remedy|rectify|fix|restore|re-?perform|delete|erase|destroy|purge|"
                         r"(?:notify|inform|tell|advise|report|notice)\b[^.;]{0,80}\b(?:security|data|personal|"
                         r"privacy)\s+(?:incident|breach)|(?:notify|inform|report)\b[^.;]{0,60}\bunauthori[sz]ed)",
                         re.IGNORECASE)

# How far before the word its verb may stand ("shall replace the defective goods promptly"); a duty further back
# belongs to another clause of the sentence ("will pay the costs, provided that Buyer promptly informs ...").
_VERB_REACH = 40

#: The deadline to ask for, by the word matched: each says what to add to that word.
_ASK = {
    "promptly": "add a deadline: \u201cpromptly, and in any event within five business days\u201d",
    "timely": "say by when: \u201cwithin ten business days after ...\u201d or \u201cby the date in Schedule 1\u201d",
    "in a timely manner": "say by when: \u201cwithin ten business days after ...\u201d",
    "in a timely fashion": "say by when: \u201cwithin ten business days after ...\u201d",
    "forthwith": "add a deadline: \u201cimmediately, and in any event within two business days\u201d",
    "without undue delay": "add an outer limit: \u201cwithout undue delay, and in any event within 72 hours\u201d",
}


def _ask(word: str) -> str:
    if word.startswith("as soon as"):
        return f"add an outer limit: \u201c{word}, and in any event within ten business days\u201d"
    if word.startswith("within a reasonable"):
        return "name the period: \u201cwithin 30 days after ...\u201d"
    return _ASK.get(word, "add a deadline in days after a stated event")


@rule(
    "ambiguity.vague_standard",
    kind="ambiguity",
    description="A duty whose timing matters -- to pay, deliver, replace, repair or cure, delete data, or tell of a "
    "security breach -- paced by a word with no measure (\u201cshall promptly replace\u201d, \u201cas soon as "
    "practicable\u201d, \u201cwithin a reasonable time\u201d, \u201cforthwith\u201d): when is it late? One finding "
    "per word in the whole contract, every use kept as evidence. Not reported: a word with a deadline beside it "
    "(\u201cand in any event within 5 days\u201d), a condition (\u201ctimely payment\u201d), the pace of notices, "
    "responses and returns of papers (\u201cpromptly notify\u201d, \u201cpromptly return\u201d: accepted as written "
    "nearly always) and settled standards (\u201cmaterial\u201d, \u201csubstantially all\u201d, \u201cfrom time to "
    "time\u201d).",
    severity="low", category=STANDARDS,
    suggestion="add a deadline in days after a stated event",
    fires_on=("1. Defects. Supplier shall promptly replace any defective goods.",
              "1. Refunds. Supplier shall refund the deposit as soon as practicable.",
              "1. Security. Provider shall promptly notify Customer of any security incident."),
    quiet_on=("1. Defects. Supplier shall promptly, and in any event within 5 days, replace any defective goods.",
              "1. Breach. Either party may terminate for material breach.",
              "1. Returns. On termination, Employee shall promptly return all documents of the Company.",
              "1. Fees. If Customer fails to make timely payment, Supplier may suspend the service.",
              "1. Prices. Supplier may change its prices from time to time."),
)
def vague_standard(ctx: Analysis, r: Rule) -> list[Finding]:
    hits = []
    text = ctx.text
    for m in _scan(ctx, _VAGUE_LOW, _VAGUE):
        w = " ".join(m.group("w").lower().split())
        a = m.start("w")
        if w == "timely" and (_TIMELY_ADJECTIVE.match(text, m.end("w")) or
                              re.search(r"\b(?:is|are|was|be|been|not)\s*$", text[max(0, a - 8): a])):
            continue
        if _MEASURE.search(m.group("tail")) or _MEASURE.search(text, max(0, a - 40), a):
            continue
        s, _ = ctx.sentence_bounds(a)
        duty = _DUTY_BEFORE.search(text, max(s, a - 160), a)
        if not duty:
            continue
        if not _TIMED_DUTY.search(text, max(duty.start(), a - _VERB_REACH), m.end("tail")):
            continue  # the pace of a notice, a response or a return of papers: accepted as written
        hits.append((a, m.end("w"), w))
    return grouped(ctx, r, hits, per="document", suggestion=_ask,
                   message="\u201c{term}\u201d paces a duty without a deadline ({times} in this contract).")


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (and_or, mixed_efforts, vague_standard)
