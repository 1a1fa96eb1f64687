"""Cross-references: to sections or attachments that do not exist, to the wrong heading, and in circles.

Section references and the sections they may point to come from :mod:`._xrefs` (shared with the parse-health
test); attachments ("Exhibit B", "Schedule 2") are found here. References into other documents ("Section 409A of
the Code", "Section 2.1 of the Purchase Agreement") are skipped.
"""

from __future__ import annotations

import re

from rapidfuzz import fuzz

from ...analysis import Analysis
from ...model import Clause, Finding, Span
from ..registry import Rule, rule
from ._common import CROSS_REFERENCES, clause_index, finding
from ._health import gate
from ._index import line_index
from ._uncertain import in_uncertain
from ._xrefs import _NUM, _refs, _targets, reference_resolution

__all__ = ["reference_resolution"]


@rule(
    "ambiguity.xref_missing_section",
    kind="ambiguity",
    description="A reference to a section, article or clause number that the contract does not contain. A hint: "
    "references into other agreements and statutes are skipped by pattern, and some slip through.",
    severity="low", category=CROSS_REFERENCES,
    suggestion="point the reference at the right section, or restore the missing one",
    fires_on=("1. Term. One year.\n\n2. Fees. Customer pays as set out in Section 7.\n\n3. Law. New York law.",),
    quiet_on=("1. Term. One year.\n\n2. Fees. Customer pays as set out in Section 3.\n\n3. Law. New York law.",
              "1. Term. One year.\n\n2. Tax. As defined in Section 409A of the Code.\n\n3. Law. New York law."),
)
def xref_missing_section(ctx: Analysis, r: Rule) -> list[Finding]:
    if not gate(ctx, r.id):
        return []
    t = _targets(ctx)
    out = []
    text = ctx.text
    for m, num, a, b in _refs(ctx):
        if t.exists(num) or in_uncertain(ctx, a):
            continue
        if _SEAT.match(text, b):
            continue  # "Section 150, Row X, Seats 5-8": a place in a stadium, not a clause
        out.append(finding(ctx, r, m.start() if a == m.start("num") else a, b,
                           f"The contract has no {m.group('kw').rstrip('s').lower()} {num}."))
    return out


_SEAT = re.compile(r"[,;]?\s*(?:Row|Seats?|Box|Suite|Level|Tier)\s+\w", re.IGNORECASE)


_ATTACH = re.compile(r"\b(?P<kw>Exhibit|Schedule|Annex|Appendix|Attachment|EXHIBIT|SCHEDULE|ANNEX|APPENDIX|"
                     r"ATTACHMENT)\s+(?P<id>[A-Z]{1,2}(?:-\d{1,2})?|\d{1,2}(?:\.\d{1,2})?(?:\([a-z]\))?)(?!\w)(?!\.\d)")


# An attachment still to come: "to be attached as Exhibit B", "numbered as Exhibit A-2, Exhibit A-3, etc.".
# An attachment of another document: "Exhibit A to the Services Agreement", "Schedule B thereto", "Annex 2 of
# the Credit Agreement". "Exhibit A to this Agreement", "attached hereto" and "to the Agreement" are this one's.
_OTHER_DOCUMENTS = re.compile(r"[ \t]*(?:thereto|thereof|thereunder|(?:to|of|under)\s+(?:the|that|such|said)\s+(?!Agreement\b)"
                              r"(?:[A-Z][\w\-]*\s+){0,5}(?:Agreement|Plan|Indenture|Lease|Contract|Note|Policy|Statement|"
                              r"Certificate|License|Amendment|OMA|[A-Z]{2,6})\b)")
_FUTURE = re.compile(r"(?:to\s+be|will\s+be|shall\s+be|may\s+be|are\s+to\s+be)\s+(?:\w+\s+){0,3}?"
                     r"(?:attached|agreed|prepared|developed|numbered|added|appended|mutually)|\betc\b", re.IGNORECASE)


@rule(
    "ambiguity.xref_missing_attachment",
    kind="ambiguity",
    description="Exhibits, schedules, annexes or appendices referred to but not attached (no title "
    "\u201cEXHIBIT B\u201d or \u201cExhibit B\u201d opening a line). One finding per contract naming them all; "
    "attachments still to be agreed (\u201cto be attached as Exhibit C\u201d) and another document's "
    "(\u201cExhibit A to the Services Agreement\u201d, \u201cSchedule B thereto\u201d) are not reported.",
    severity="low", category=CROSS_REFERENCES,
    suggestion="attach the documents, or remove the references",
    fires_on=("1. Services. Supplier shall provide the services in Exhibit B.\n\nEXHIBIT A\nPrices.",),
    quiet_on=("1. Services. Supplier shall provide the services in Exhibit A.\n\nEXHIBIT A\nServices.",
              "1. Scope. The services are those in Exhibit A to the Services Agreement.\n\nEXHIBIT B\nPrices.",
              "1. Plan. The parties shall agree a plan, to be attached as Exhibit C.\n\nEXHIBIT A\nServices."),
)
def xref_missing_attachment(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    present: set[tuple[str, str]] = set()
    refs: dict[tuple[str, str], list[re.Match[str]]] = {}
    lines = line_index(ctx)
    for m in _ATTACH.finditer(text):
        key = (m.group("kw").lower(), m.group("id").upper())
        if m.group("kw").isupper() or _opens_line(text, lines.start(m.start()), m.start()) or \
                _LABEL_AT_END.match(text, m.end()):
            present.add(key)
        elif not in_uncertain(ctx, m.start()) and not _OTHER_DOCUMENTS.match(text, m.end()):
            refs.setdefault(key, []).append(m)
    missing = []
    for key, ms in refs.items():
        if key in present:
            continue
        if all(_FUTURE.search(text, max(ctx.sentence_bounds(x.start())[0], x.start() - 80), x.end() + 40)
               for x in ms):
            continue
        missing.append(ms)
    if not missing:
        return []
    names = [f"{ms[0].group('kw').title()} {ms[0].group('id')}" for ms in missing]
    listed = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    first = missing[0][0]
    verb = "is" if len(names) == 1 else "are"
    return [finding(ctx, r, first.start(), first.end(), f"{listed} {verb} referred to but not attached.",
                    evidence=[Span(start=x.start(), end=x.end(), label="reference") for ms in missing for x in ms][1:])]


# An attachment's label just before a filing's page footer or the end of the text ("... game. Exhibit A-2 Source:
# GPAQ ..., S-4/A"): the heading of the attachment (its page is blank in the filing), not a reference to it.
_LABEL_AT_END = re.compile(r"\s*(?:Source:|$)")


def _opens_line(text: str, line_start: int, pos: int) -> bool:
    """``not text[line_start:pos].strip()``, reading back only over the blank run before ``pos`` (a slice
    from the line's start per match is quadratic on a long line)."""
    while pos > line_start and text[pos - 1].isspace():
        pos -= 1
    return pos == line_start


_TITLED = re.compile(r"\s*(?:\(\s*[\"\u201c]?(?P<h1>[A-Z][A-Za-z0-9.,;&'/ \-]{2,100}?)[\"\u201d]?\s*\)|,?\s*"
                     r"(?:entitled|titled|captioned)\s+[\"\u201c](?P<h2>[^\"\u201d]{3,60})[\"\u201d])")


@rule(
    "ambiguity.xref_heading_mismatch",
    kind="ambiguity",
    description="A reference names a heading (\u201cSection 8 (Confidentiality)\u201d) that differs from the "
    "heading of the section it points to.",
    severity="medium", category=CROSS_REFERENCES,
    suggestion="correct the number or the heading in the reference",
    fires_on=("1. Term. One year.\n\n2. Confidentiality. Keep secrets.\n\n3. Fees. As in Section 1 (Payment "
              "Terms).",),
    quiet_on=("1. Term. One year.\n\n2. Confidentiality. Keep secrets.\n\n3. Fees. As in Section 2 "
              "(Confidentiality).",
              "1. Fees.\n\n1.1 Invoices. Monthly.\n\n1.2 Taxes. Extra.\n\n2. Law. As in Section 1.1 (Fees).",),
)
def xref_heading_mismatch(ctx: Analysis, r: Rule) -> list[Finding]:
    if not gate(ctx, r.id):
        return []
    t = _targets(ctx)
    text = ctx.text
    out = []
    for m, num, a, b in _refs(ctx):
        tm = _TITLED.match(text, b, b + 90)
        if not tm or a != m.start("num"):
            continue  # only the first number of a list: "Sections 4.1, ..., 4.13 (Manufacturing)" names the list
        if num.isalpha() and not any(c.level == 0 and c.number and c.number.strip(". ").isalpha()
                                     for c in ctx.doc.clauses):
            continue  # "Article I" in a contract whose articles are numbered 1, 2, 3: no safe mapping
        if tm.group("h1") and re.match(r"\s*\(\s*[\"\u201c]", text[b: tm.end()]):
            continue  # 'Section 13 ("Indemnified Party")': a definition in brackets, not a heading
        named = (tm.group("h1") or tm.group("h2") or "").strip()
        words = [w for w in re.findall(r"[A-Za-z]+", named) if len(w) > 3]
        if not words or not all(w[0].isupper() for w in words):
            continue
        c = t.resolve(num)
        if c is None or not c.heading:
            continue
        ref_top, tgt_top = clause_index(ctx).top(a), clause_index(ctx).top(c.start)
        if tgt_top is not None and tgt_top is not ref_top and _is_attachment(tgt_top):
            continue  # the number resolved into an exhibit's own list: the parser likely missed the real section
        if _matches_heading(named, c.heading):
            continue
        if any(_matches_heading(named, h) for h in _related_headings(ctx, c)):
            continue  # "Section 3.1 (Joint Review Committee)" names Article 3, or a sub-clause, by its heading
        if re.search(rf"[\"\u201c]{re.escape(named)}[\"\u201d]", text[c.start: min(c.end, c.start + 4000)], re.IGNORECASE):
            continue  # 'Section 1.46 (Ono Know-How)' where 1.46 reads '"Ono Know-How" means ...': the term it defines
        out.append(finding(ctx, r, a, tm.end(), f"{num} is headed \u201c{c.heading}\u201d, not "
                           f"\u201c{named}\u201d.", evidence=[Span(start=c.start, end=min(c.end, c.start + 60),
                                                                    label="referenced_clause")]))
    return out


def _is_attachment(c: Clause) -> bool:
    return c.id.split("-")[0].lower() in ("exhibit", "schedule", "annex", "appendix", "attachment")


def _matches_heading(named: str, heading: str) -> bool:
    return fuzz.token_set_ratio(named.lower(), heading.lower()) >= 70 or _same_topic(named, heading)


def _related_headings(ctx: Analysis, c: Clause) -> list[str]:
    """Headings of the clause's ancestors and of its direct children."""
    idx = clause_index(ctx)
    out = []
    p = idx.by_id.get(c.parent_id) if c.parent_id else None
    while p is not None:
        if p.heading:
            out.append(p.heading)
        p = idx.by_id.get(p.parent_id) if p.parent_id else None
    out.extend(x.heading for x in idx.clauses if x.parent_id == c.id and x.heading)
    return out


def _same_topic(a: str, b: str) -> bool:
    """"Indemnities" / "INDEMNIFICATION BY GOOGLE", "End User License Agreement" / "EULA": the same heading in
    other words (a shared stem of five letters, or one is the other's acronym)."""
    wa = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", a)]
    wb = [w.lower() for w in re.findall(r"[A-Za-z]{5,}", b)]
    if {w[:5] for w in wa} & {w[:5] for w in wb}:
        return True
    acro = lambda s: "".join(w[0] for w in re.findall(r"[A-Za-z]+", s)).lower()
    return a.replace(" ", "").lower() == acro(b) or b.replace(" ", "").lower() == acro(a)


_SUBJECT_TO = re.compile(rf"\b[Ss]ubject\s+to\s+(?:the\s+(?:terms|provisions)\s+of\s+)?(?:Section|Article|Clause|"
                         rf"Paragraph)\s+(?P<num>{_NUM})")


@rule(
    "ambiguity.xref_circular",
    kind="ambiguity",
    description="Sections made \u201csubject to\u201d each other in a circle (A subject to B, B subject to A): "
    "neither prevails.",
    severity="medium", category=CROSS_REFERENCES,
    suggestion="decide which provision prevails and make only the other subject to it",
    fires_on=("1. Fees. Subject to Section 2, Customer pays monthly.\n\n2. Credits. Subject to Section 1, "
              "Supplier grants credits.\n\n3. Law. New York law.",),
    quiet_on=("1. Fees. Subject to Section 2, Customer pays monthly.\n\n2. Credits. Supplier grants credits."
              "\n\n3. Law. New York law.",),
)
def xref_circular(ctx: Analysis, r: Rule) -> list[Finding]:
    if not gate(ctx, r.id):
        return []
    t = _targets(ctx)
    idx = clause_index(ctx)
    edges: list[tuple[Clause, Clause, re.Match[str]]] = []
    for m in _SUBJECT_TO.finditer(ctx.text):
        src = idx.at(m.start())
        dst = t.resolve(m.group("num"))
        if src is not None and dst is not None and not (dst.start <= src.start < dst.end):
            edges.append((src, dst, m))
    out, seen = [], set()
    for i, (s1, d1, m1) in enumerate(edges):
        for s2, d2, m2 in edges[i + 1:]:
            # s1 -> d1 contains s2, and s2 -> d2 contains s1: a two-way circle.
            if d1.start <= s2.start < d1.end and d2.start <= s1.start < d2.end:
                key = frozenset((s1.id, s2.id))
                if key in seen:
                    continue
                seen.add(key)
                out.append(finding(ctx, r, m1.start(), m1.end(),
                                   f"{s1.id} is subject to {d1.id}, and {s2.id} is subject to {d2.id}: a circle.",
                                   evidence=[Span(start=m2.start(), end=m2.end(), label="other_side")]))
    return out


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (xref_missing_section, xref_missing_attachment, xref_heading_mismatch, xref_circular)
