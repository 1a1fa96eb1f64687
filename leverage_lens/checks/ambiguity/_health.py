"""Parse health for the drafting checks: was the clause numbering recognised, and which stretches of text the
parse is unsure of.

Rules that trust the parse (numbering, cross-references) report nonsense when the segmenter did not read the
numbering: a Markdown form whose nested lists Word or a browser numbers "1.1, 1.2", a contract whose
references point into another agreement. :func:`numbering_recognised` says whether the numbering can be
trusted; when it cannot, those rules stay silent and :func:`gate` records one ``numbering_unrecognised``
note in ``Analysis.warnings`` (the Report's ``warnings``) naming the rules that were not run.

:func:`uncertain` gives the stretches no drafting rule should report from: tables of contents, running
headers and footers repeated on every page ("Source: ACME CORP, 10-K, 3/3/2017", "Page 4 of 20"), and
redaction notices ("[***] indicates material that has been omitted ..."), plus the redaction marks
themselves. Each is found once per document by a linear scan and answered by bisect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ...analysis import Analysis
from ...model import ClauseKind, ParseWarning
from ._uncertain import in_uncertain, uncertain

__all__ = ["NumberingHealth", "gate", "in_uncertain", "numbering_health", "numbering_recognised", "uncertain"]

WARNING_CODE = "numbering_unrecognised"

# -- numbering -------------------------------------------------------------------------------------------------

_BLANKS = re.compile(r"\s{0,400}")
_FIRSTS = {"1", "a", "i", "A", "I", "01"}


@dataclass(frozen=True)
class NumberingHealth:
    """Whether the clause numbering was recognised, and why not."""

    recognised: bool
    reason: str = ""


def numbering_health(ctx: Analysis) -> NumberingHealth:
    """Whether the numbering the segmenter found can be trusted by the numbering and cross-reference rules.

    Not recognised when fewer than three numbered sections were found; when the top-level numbering restarts
    at 1 (or a, i) again and again (nested lists read flat); or when three or more of the section numbers
    the text refers to, and at least three in ten of them, are found neither among the parsed clauses nor
    printed as a heading: a contract does not lose a third of its sections, a parse does."""
    got = ctx.cache.get("ambiguity.numbering_health")
    if got is not None:
        return got  # type: ignore[return-value]
    numbered = [c for c in ctx.doc.clauses if c.number and c.kind == ClauseKind.SECTION]
    if len(numbered) < 3:
        health = NumberingHealth(False, f"only {len(numbered)} numbered section(s) were found")
    else:
        top_clauses = [c for c in numbered if c.level == 0]
        tops = [re.sub(r"(?i)section|article|clause|[().\s]", "", c.number or "") for c in top_clauses]
        restarts = sum(1 for n in tops[1:] if n in _FIRSTS)
        u = uncertain(ctx)
        text = ctx.text
        whole = [c for c in numbered if re.fullmatch(r"\d{1,3}\.?", (c.number or "").strip())]
        in_toc = sum(1 for c in top_clauses if c.start in u.toc)
        # "2." alone on a line, then the running footer: a page number the segmenter read as a section number
        pages = sum(1 for c in whole if c.number_span and _next_content(text, c.number_span.end) in u.furniture)
        if in_toc >= 3 and in_toc * 2 >= len(top_clauses):
            health = NumberingHealth(False, f"{in_toc} of the {len(top_clauses)} top-level sections found are "
                                     "entries of a table of contents")
        elif pages >= 3 and pages * 4 >= len(whole):
            health = NumberingHealth(False, f"{pages} of the {len(whole)} section numbers found are page numbers")
        elif restarts >= 3 and restarts * 4 >= len(tops):
            health = NumberingHealth(False, f"the top-level numbering restarts {restarts} times")
        else:
            from ._xrefs import reference_resolution

            found, missing = reference_resolution(ctx)
            total = found + missing
            if missing >= 3 and missing * 10 >= total * 3:
                health = NumberingHealth(False, f"{missing} of the {total} section numbers referred to were not "
                                         "found among the parsed clauses")
            else:
                health = NumberingHealth(True)
    ctx.cache["ambiguity.numbering_health"] = health
    return health


def _next_content(text: str, pos: int) -> int:
    """The offset of the next non-blank character from ``pos`` (reading at most 400 characters)."""
    m = _BLANKS.match(text, pos)
    return m.end() if m else pos


def numbering_recognised(ctx: Analysis) -> bool:
    return numbering_health(ctx).recognised


def gate(ctx: Analysis, rule_id: str) -> bool:
    """True when a numbering or cross-reference rule may run. Otherwise notes the rule in the one
    ``numbering_unrecognised`` warning of the analysis (created on first use) and returns False."""
    health = numbering_health(ctx)
    if health.recognised:
        return True
    warnings = ctx.warnings
    for i, w in enumerate(warnings):
        if w.code == WARNING_CODE:
            if rule_id not in w.message:
                rules = w.message.rsplit("not run: ", 1)[-1].rstrip(".").split(", ")
                warnings[i] = w.model_copy(update={"message": _message(health, [*rules, rule_id])})
            return False
    warnings.append(ParseWarning(code=WARNING_CODE, message=_message(health, [rule_id])))
    return False


def _message(health: NumberingHealth, rules: list[str]) -> str:
    return (f"The clause numbering was not recognised ({health.reason}), so numbering and cross-reference checks "
            f"were not run: {', '.join(rules)}.")
