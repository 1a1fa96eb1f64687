"""Leftovers of drafting: placeholders, blanks, unbalanced brackets and quotes, skipped or repeated numbers.

Signature blocks ("By: ______", "Name: ____") and redactions in public filings ("[***]", "[* * *]") are
blanks on purpose and are not reported. Numbering problems come from the parser's own warnings
(``numbering_gap`` / ``numbering_duplicate``), so the check and the clause tree never disagree.
"""

from __future__ import annotations

import re

from ...model import Finding, Span
from ..context import CheckContext
from ..registry import Rule, rule
from ._common import LEFTOVERS, clause_index, finding, grouped

# Candidates found by patterns that start with a literal character (fast), then classified.
_BRACKETED = re.compile(r"\[[^\[\]\n]{0,80}\]|\{[^{}\n]{1,42}\}|<<[^<>\n]{1,40}>>|\(\s*\u25cf\s*\)")
_PLACEHOLDER_BODY = re.compile(
    r"[\[{<(]+\s*(?:(?:insert|include|add|specify|describe|enter|name\s+of|date|amount|address|company|party|"
    r"tbd|tbc|to\s+be\s+(?:determined|confirmed|agreed)|placeholder|note\s+to\s+draft|drafting\s+note|"
    r"xx+|\u25cf|\u2022|\u25aa|_+|\s{2,}|\s*[\]}>)])|(?-i:[A-Z][A-Z /]{1,30}[A-Z]\s*[\]}>]|[A-Z][\w ]{1,40}\}))",
    re.IGNORECASE,
)
_WORD_PLACEHOLDER = re.compile(r"\b(?:TBD|TBC|TBA)\b|(?<![(\w])XX+(?![\w.)])|\b[Nn]ote\s+to\s+[Dd]raft(?:er)?\b")
_BLANK = re.compile(r"_{4,}|\[\s{0,3}\]")
# Labels of blanks left to fill at signature (and forms' "Initials: ____").
_SIGNATURE_LABEL = re.compile(
    r"\b(?:by|name|title|its|date|dated|signature|signed|print(?:ed)?\s+name|witness|initials?|attest|per|"
    r"position)\b[^_\n.;]{0,12}:?\s*(?:/s/[^_]{0,40})?$",
    re.IGNORECASE,
)
# A bracketed title after a section number is a heading label: "Section 4.6 [REVENUE SHARING]".
_AFTER_SECTION_REF = re.compile(r"(?:Section|Article|SECTION|ARTICLE|Sections)\s+[\w.()]+(?:\s*\([\w]{1,4}\))*\s*$|"
                                r"\d[\d.()a-z]*\s*$")
# Redactions in SEC filings and confidential treatment markers.
_REDACTION = re.compile(r"\*\s*\*|\[\s*\*\s*\]|^\[\s*(?:redacted|omitted|confidential|signatures?\b|"
                        r"remainder\s+of\s+(?:this\s+)?page|intentionally|form\b|logo\b|graphic|reserved\b|"
                        r"attached\b)|"
                        r"\b(?:removed|omitted|deleted|redacted|illegible)\b|X{4,}", re.IGNORECASE)


@rule(
    "ambiguity.placeholder",
    kind="ambiguity",
    description="A drafting placeholder left in the text (\u201c[insert date]\u201d, \u201c[\u25cf]\u201d, "
    "\u201cTBD\u201d, \u201c{Company Name}\u201d) or an empty blank \u201c____\u201d outside the signature "
    "block.",
    severity="high", category=LEFTOVERS,
    suggestion="fill in the missing text or delete the placeholder",
    fires_on=("1. Term. This Agreement starts on [insert date] and lasts one year.",
              "1. Fee. The fee is $[\u25cf] per month.", "1. Fee. The fee is TBD.",
              "1. Notices. Notices go to {Company Name} at its office.",
              "1. Term. This Agreement lasts ______ years."),
    quiet_on=("1. Fee. The fee is [***] per month.", "1. Term. This Agreement lasts two years.\n\nBy: ________\n"
              "Name: ________"),
)
def placeholder(ctx: CheckContext, r: Rule) -> list[Finding]:
    text = ctx.text
    hits = []
    for m in _BRACKETED.finditer(text):
        body = m.group(0)
        if not _PLACEHOLDER_BODY.match(body) or _REDACTION.search(body):
            continue
        if body[0] == "[" and _AFTER_SECTION_REF.search(text, max(0, m.start() - 30), m.start()):
            continue
        if body.replace(" ", "") == "[]" and (re.match(r"\s+[A-Z]", text[m.end(): m.end() + 2])
                                              or "bracket" in text[max(0, m.start() - 40): m.end() + 40].lower()):
            continue  # a check box ("[ ] AVNET East Coast"), or a legend about redaction brackets
        hits.append((m.start(), m.end(), " ".join(body.split())))
    for m in _WORD_PLACEHOLDER.finditer(text):
        if not m.group(0).startswith("XXXX"):  # four or more X: a redaction in a public filing
            hits.append((m.start(), m.end(), m.group(0)))
    for m in _BLANK.finditer(text):
        if _SIGNATURE_LABEL.search(text, max(0, m.start() - 60), m.start()):
            continue
        if m.end() - m.start() >= 60:
            continue  # a horizontal rule, not a blank to fill
        if m.end() - m.start() >= 15 and re.search(r"[.:]\s*$", text[max(0, m.start() - 3): m.start()]) and \
                re.match(r"\s+[A-Z*]", text[m.end(): m.end() + 2]):
            continue  # a rule between parts, or a form's field line
        ls = text.rfind("\n", 0, m.start()) + 1
        le = text.find("\n", m.end())
        line = text[ls: le if le != -1 else len(text)]
        if len(line.replace("_", "").strip()) < 3:  # a line of underscores: a rule or a signature line
            continue
        hits.append((m.start(), m.end(), "____" if "_" in m.group(0) else "[ ]"))
    hits.sort()
    return grouped(ctx, r, hits, message="Placeholder or blank \u201c{term}\u201d was never filled in ({times} in "
                   "this section).")


_BRACKET = re.compile(r"[()\[\]\u201c\u201d]")
_LONE_BRACKET = re.compile(r"(?<=\s)[()](?=\s)")
_PAIRS = (("(", ")"), ("[", "]"), ("\u201c", "\u201d"))
# Enumerators written with a closing bracket only: "a) ...", "(ii" is never right, "ii) " is a style.
_ENUM = re.compile(r"(?:^|(?<=[\s;:,]))(?:[a-zA-Z]|[ivxIVX]{1,4}|\d{1,2})\)")


@rule(
    "ambiguity.unbalanced_brackets",
    kind="ambiguity",
    description="A section opens a bracket or curly quote it never closes (or closes one it never opened): "
    "usually a lost word or a half-deleted insertion. A hint on PDF text: page breaks, tables, OCR and "
    "redactions also leave stray brackets.",
    severity="low", category=LEFTOVERS,
    suggestion="close the bracket or quote, or delete the stray one",
    fires_on=("1. Fees. Customer shall pay the fees (as set out in Exhibit A within 30 days.",
              "1. Terms. The \u201cServices means the services in Exhibit A."),
    quiet_on=("1. Fees. Customer shall pay the fees (as set out in Exhibit A) within 30 days.",
              "1. List. The services are a) hosting, b) support and c) training."),
)
def unbalanced_brackets(ctx: CheckContext, r: Rule) -> list[Finding]:
    text = ctx.text
    out = []
    for cs, ce in _chunks(ctx):
        body = text[cs: ce]
        if (body.count("(") == body.count(")") and body.count("[") == body.count("]")
                and body.count("\u201c") == body.count("\u201d")):
            continue  # balanced counts: nothing to locate (an out-of-order pair ")(" is rare and left alone)
        enum_closers = {m.end() - 1 for m in _ENUM.finditer(body)}
        # Bracket art of signature blocks and forms: "SIGNED by ) )", "STATE OF ) :", "Name ( Mobile".
        enum_closers.update(m.start() for m in _LONE_BRACKET.finditer(body))
        marks = [(m.start(), m.group(0)) for m in _BRACKET.finditer(body)]
        for o, cl in _PAIRS:
            stack: list[int] = []
            first_bad = None
            for i, ch in marks:
                if ch == o:
                    if i not in enum_closers:
                        stack.append(i)
                elif ch == cl:
                    if not stack and i in enum_closers:
                        continue  # "a) hosting, b) support": an enumerator, not a closing bracket
                    if not stack:
                        first_bad = i
                        break
                    stack.pop()
            if first_bad is None and not stack:
                continue
            # The stray closer, or the first opener never closed (later pairs inside it are balanced).
            a = cs + (first_bad if first_bad is not None else stack[0])
            ch = text[a: a + 1]
            what = "closes a bracket it never opened" if first_bad is not None else "opens a bracket it never closes"
            if o == "\u201c":
                what = what.replace("bracket", "quote")
            ls = max(cs, a - 40)
            out.append(finding(ctx, r, ls, min(ce, a + 40), f"This paragraph {what} (\u201c{ch}\u201d).",
                               evidence=[Span(start=a, end=a + 1, label="bracket")]))
            break
    return out


def _chunks(ctx: CheckContext) -> list[tuple[int, int]]:
    """Top-level clauses (children included), so a bracket that spans sub-clauses "(a) ... (b))" still
    balances; the whole text cut into paragraphs when the parser found no clauses."""
    tops = sorted((c.start, c.end) for c in ctx.doc.clauses if (c.level == 0 or not c.parent_id)
                  and not c.id.startswith("signature"))
    if not tops:
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", ctx.text)]
    return tops


_TOP_TOKEN = re.compile(r"(?:^|(?<=\n)|(?<=[.:;]\s)|(?<=\s\s))(?:(?:Section|SECTION|Article|ARTICLE)\s+)?"
                        r"(?P<n>\d{1,3})\.?(?=\s+[A-Z\"\u201c])(?!\s+(?:Source|SOURCE|CONFIDENTIAL|Page)\b)",
                        re.MULTILINE)
_INT = re.compile(r"(?:(?:Section|SECTION|Article|ARTICLE)\s+)?(\d{1,3})\.?$")


def _top_steps(ctx: CheckContext) -> list[tuple[int, int, int, int]]:
    """Steps of the top-level integer numbering, read from the clause tree *and* the text between clauses:
    ``(start, end, previous, value)`` for each number. The parser accepts a top-level number only when it
    continues the sequence, so a duplicated or out-of-order number is left inside the previous clause's text;
    reading heading-like numbers there recovers it, and a gap the parser reports because it skipped such a
    number is not a gap."""
    got = ctx._cache.get("ambiguity.top_steps")
    if got is not None:
        return got  # type: ignore[return-value]
    text = ctx.text
    tops = []
    for c in clause_index(ctx).clauses:
        if c.level == 0 and c.number and c.number_span:
            m = _INT.match(c.number.strip())
            if m:
                tops.append((c, int(m.group(1))))
    steps: list[tuple[int, int, int, int]] = []
    for (c, v), (c2, v2) in zip(tops, tops[1:]):
        prev = v
        if v2 != v + 1:  # look for the numbers the parser left inside the previous clause's text
            for m in _TOP_TOKEN.finditer(text, c.number_span.end, c2.start):
                u = int(m.group("n"))
                if prev <= u < v2 and u - prev <= 2:
                    steps.append((m.start("n"), m.end("n"), prev, u))
                    prev = u
        steps.append((c2.number_span.start, c2.number_span.end, prev, v2))
    if tops:  # after the last accepted number, up to the next top-level part (signature, exhibit) or the end
        c, prev = tops[-1]
        nxt = min((x.start for x in clause_index(ctx).clauses if x.level == 0 and x.start > c.start), default=len(text))
        for m in _TOP_TOKEN.finditer(text, c.number_span.end, nxt):
            u = int(m.group("n"))
            if prev <= u <= prev + 2:
                steps.append((m.start("n"), m.end("n"), prev, u))
                prev = u
    ctx._cache["ambiguity.top_steps"] = steps
    return steps


def _top_level_ids(ctx: CheckContext) -> set[str]:
    return {c.id for c in ctx.doc.clauses if c.level == 0 and c.number and _INT.match(c.number.strip())}


def _from_warning(ctx: CheckContext, r: Rule, code: str, message: str) -> list[Finding]:
    """Findings from the parser's warnings below the top level (the top level is read by :func:`_top_steps`).
    A gap whose missing number is printed just before is the parser's miss, not the drafter's, and is dropped."""
    out = []
    tops = _top_level_ids(ctx)
    for w in ctx.doc.warnings:
        if w.code != code or (w.clause_ids and w.clause_ids[0] in tops):
            continue
        if code == "numbering_gap" and w.clause_ids and w.spans and _printed_before(
                ctx, w.clause_ids[0], ctx.text[w.spans[0].start: w.spans[0].end]):
            continue
        if w.spans:
            a, b = w.spans[0].start, w.spans[0].end
        elif w.clause_ids and w.clause_ids[0] in clause_index(ctx).by_id:
            c = clause_index(ctx).by_id[w.clause_ids[0]]
            a, b = c.start, min(c.end, c.start + 20)
        else:
            continue
        out.append(finding(ctx, r, a, b, message.format(msg=w.message)))
    return out


_ROMANS = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"]


def _previous_label(number: str) -> str | None:
    """The label just before ``number`` in its list: "6.4" -> "6.3", "(d)" -> "(c)", "iii)" -> "ii)"."""
    m = re.fullmatch(r"(?P<pre>.*?)(?P<last>\d+|[A-Za-z]+)(?P<post>[.)]*\.?)", number.strip())
    if not m:
        return None
    last = m.group("last")
    if last.isdigit():
        prev = str(int(last) - 1).zfill(len(last)) if int(last) > 1 else None
    elif last.lower() in _ROMANS and last.lower() not in ("v", "x", "i") or last.lower() in ("ii", "iii"):
        i = _ROMANS.index(last.lower())
        prev = _ROMANS[i - 1] if i > 0 else None
        prev = prev.upper() if prev and last.isupper() else prev
    elif len(last) == 1:
        prev = chr(ord(last) - 1) if last.lower() != "a" else None
    else:
        prev = None
    return f"{m.group('pre')}{prev}" if prev else None


def _printed_before(ctx: CheckContext, clause_id: str, number: str) -> bool:
    """Whether the label before ``number`` is printed as a list item in the 20,000 characters before the clause:
    then the parser missed a clause, and the numbering itself has no gap."""
    c = clause_index(ctx).by_id.get(clause_id)
    prev = _previous_label(number.rstrip("."))
    if c is None or prev is None:
        return False
    pat = re.compile(rf"(?<![\w.]){re.escape(prev)}[.)]?\s+[A-Z(\"\u201c]")
    return pat.search(ctx.text, max(0, c.start - 20_000), c.start) is not None


@rule(
    "ambiguity.numbering_skipped",
    kind="ambiguity",
    description="A clause number skips one or more numbers of its list (1, 2, 4): a clause was deleted or "
    "cross-references may now point to the wrong place. A hint: it reads the parser's numbering, which page "
    "numbers and tables of contents in extracted PDF text can confuse.",
    severity="low", category=LEFTOVERS,
    suggestion="renumber the list and check the cross-references that point into it",
    fires_on=("1. Term. One year.\n\n2. Fees. Customer pays.\n\n4. Law. New York law applies.",),
    quiet_on=("1. Term. One year.\n\n2. Fees. Customer pays.\n\n3. Law. New York law applies.",),
)
def numbering_skipped(ctx: CheckContext, r: Rule) -> list[Finding]:
    out = [finding(ctx, r, a, b, f"Numbering: {v} follows {p}, skipping {v - p - 1} number(s).")
           for a, b, p, v in _top_steps(ctx) if v > p + 1]
    return out + _from_warning(ctx, r, "numbering_gap", "Numbering: {msg}.")


@rule(
    "ambiguity.numbering_duplicated",
    kind="ambiguity",
    description="Two clauses in a row carry the same number: references to that number are ambiguous. A hint: "
    "it reads the parser's numbering, which page numbers and tables of contents can confuse.",
    severity="low", category=LEFTOVERS,
    suggestion="renumber the list and check the cross-references that point into it",
    fires_on=("1. Term. One year.\n\n2. Fees. Customer pays.\n\n2. Law. New York law applies.",),
    quiet_on=("1. Term. One year.\n\n2. Fees. Customer pays.\n\n3. Law. New York law applies.",),
)
def numbering_duplicated(ctx: CheckContext, r: Rule) -> list[Finding]:
    out = [finding(ctx, r, a, b, f"Numbering: {v} appears twice in a row.") for a, b, p, v in _top_steps(ctx)
           if v == p]
    return out + _from_warning(ctx, r, "numbering_duplicate", "Numbering: {msg}.")
