"""Obligations without an actor: "shall be paid", "notice shall be given" -- by whom?

A passive duty with no agent ("by Customer") leaves open who breaches when nothing happens. Verbs that state
a legal effect rather than a duty ("shall be deemed", "shall be governed", "shall be binding") are not duties
and are skipped, as are sentences whose subject is a party ("Customer shall be paid").
"""

from __future__ import annotations

import re

from ...model import Finding
from ..context import CheckContext
from ..registry import Rule, rule
from ._common import ACTORS, finding

# Participles of actions someone must perform.
_ACTION = (
    r"paid|given|delivered|sent|made|provided|submitted|furnished|returned|reimbursed|remitted|invoiced|"
    r"issued|prepared|maintained|kept|filed|obtained|performed|completed|notified|repaid|refunded|destroyed|"
    r"transferred|shipped|installed|repaired|replaced|corrected|reported|supplied|executed|mailed|posted|"
    r"conducted|carried\s+out|taken|borne|withheld|deposited|escrowed|tendered|"
    r"produced|submitted|distributed|forwarded|transmitted|communicated|disclosed|published|registered|"
    r"recorded|documented|billed|settled|released|credited|collected|procured|arranged|scheduled|updated"
)
_PASSIVE = re.compile(rf"\b(?P<modal>shall|must)\s+(?:promptly\s+|immediately\s+|also\s+|then\s+)?be\s+"
                      rf"(?P<verb>{_ACTION})\b(?P<tail>[^.;]{{0,120}})", re.IGNORECASE)
_BY_AGENT = re.compile(r"^(?:[^,.;]{0,60}?)\bby\s+(?:the\s+|each\s+|either\s+|such\s+|any\s+)?"
                       r"(?!(?:wire|check|cheque|mail|email|e-mail|courier|hand|fax|facsimile|means|way|reason|"
                       r"virtue|operation|law|electronic|certified|registered|overnight|bank|no|not|the\s+date|"
                       r"the\s+end)\b)[A-Za-z]",
                       re.IGNORECASE)
# A party (or a person who acts) as grammatical subject just before the modal: "Customer shall be paid".
_SUBJECT_PARTY = re.compile(r"\b(?:it|he|she|they|party|parties)\s*$", re.IGNORECASE)
# The agent named in the subject ("activities conducted by or on behalf of Ono shall be conducted"), a relative
# or descriptive use ("work which must be performed", "there shall be"), or a procedure named elsewhere.
_AGENT_BEFORE = re.compile(r"\bby\s+(?:or\s+on\s+behalf\s+of\s+)?(?:the\s+|each\s+|either\s+|a\s+|any\s+)?"
                           r"(?:[A-Z][\w\-]*|part(?:y|ies)\b)[^;]{0,100}$")
_NOT_DUTY_BEFORE = re.compile(r"\b(?:which|that|who|there|where|have\s+been\s+or|has\s+been\s+or)\s*$", re.IGNORECASE)
# Phrases that look like passive duties but are rules of construction or exceptions.
_NOT_A_DUTY = re.compile(r"\btaken\s+into\s+account\b|\beffect\s+shall\s+be\s+given\b|\bas\s+(?:shall|must)\s+be\b|"
                         r"\b(?:determination|decision|award)s?\s+of\s+the\s+[A-Z]\w*\s+(?:shall|must)\s+be\s+made\b|"
                         r"\bshall\s+be\s+kept\s+(?:within|below|under|above)\b", re.IGNORECASE)
_ELSEWHERE = re.compile(r"^[^.;]{0,40}\b(?:in\s+accordance\s+with|pursuant\s+to|as\s+(?:set\s+forth|provided|"
                        r"described|specified)\s+in)\s+(?:Section|Article|Clause|Exhibit|Schedule|Annex|the\s+[A-Z])")


@rule(
    "ambiguity.obligation_without_actor",
    kind="ambiguity",
    description="A duty in the passive with no one named to perform it (\u201cthe fees shall be paid\u201d, "
    "\u201cnotice shall be given\u201d).",
    severity="medium", category=ACTORS,
    suggestion="name the party who must act (\u201cCustomer shall pay the fees\u201d)",
    fires_on=('This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). 1. Fees. The fees '
              "shall be paid within 30 days after the invoice date.",
              "1. Notice. Notice of any defect shall be given in writing."),
    quiet_on=('This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). 1. Fees. The fees '
              "shall be paid by Customer within 30 days after the invoice date.",
              "1. Law. This Agreement shall be governed by the laws of New York.",
              'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). 1. Fees. Supplier '
              "shall be paid within 30 days after the invoice date."),
)
def obligation_without_actor(ctx: CheckContext, r: Rule) -> list[Finding]:
    out = []
    for s in ctx.candidates(_PASSIVE):
        for m in _PASSIVE.finditer(s.text):
            if _BY_AGENT.search(m.group("tail")):
                continue
            before = s.text[: m.start()]
            if _AGENT_BEFORE.search(before) or _NOT_DUTY_BEFORE.search(before) or _ELSEWHERE.match(m.group("tail")):
                continue
            if re.match(r"\s+(?:exclusively\s+)?in\s+(?:the\s+|a\s+|any\s+)?(?:[\w.]+\s+){0,3}[Cc]ourts?\b", m.group("tail")):
                continue  # "suit must be filed in the U.S. District Court": a forum rule, not a duty
            if _NOT_A_DUTY.search(before[-60:] + " " + m.group(0)[: m.end("verb") - m.start()] + m.group("tail")[:20]):
                continue
            a = s.start + m.start()
            # Subject is a party ("Customer shall be paid", "the Company will be reimbursed"): it is the
            # beneficiary, and the payer is the other party by implication -- clear enough.
            if any(e == a - 1 or s.text[e - s.start: m.start()].strip() == "" for _, e, _ in s.mentions
                   if e <= a) or _SUBJECT_PARTY.search(before):
                continue
            out.append(finding(ctx, r, a, s.start + m.end("verb"),
                               f"\u201c{' '.join(m.group(0)[: m.end('verb') - m.start()].split())}\u201d: the "
                               "sentence does not say who must do this."))
    return out
