"""Skipped or repeated clause numbers.

The findings come from the parser's own warnings (``numbering_gap`` / ``numbering_duplicate``), so the check
and the clause tree never disagree; what this module adds is reading the printed text around each warning,
so a number the parser missed (after a page number, a redaction or a running header) is not reported as
skipped. Split from :mod:`.leftovers`, which keeps placeholders, blanks and brackets.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ...analysis import Analysis
from ...model import Finding
from ..registry import Rule, rule
from ._common import LEFTOVERS, clause_index, finding
from ._health import gate
from ._uncertain import in_uncertain

# A heading-like number: at a line start, after a sentence, after a redaction ("[ * * * ] 4. MANUFACTURE") or
# after a line break flattened to spaces. Page footers ("44    CONFIDENTIAL  Page 6") are not headings, but
# "8. CONFIDENTIAL INFORMATION" is.
_TOP_TOKEN = re.compile(r"(?:^|(?<=\n)|(?<=[.:;\]]\s)|(?<=\s\s))(?:(?:Section|SECTION|Article|ARTICLE)\s+)?"
                        r"(?P<n>\d{1,3})\.?(?=\s+[A-Z\"\u201c])(?!\s+(?:Source|SOURCE|Page)\b)"
                        # a page number before the next heading: "5 CLAUSE ELEVENTH", "17 ARTICLE 10"
                        r"(?!(?<=\d)\s+(?:CLAUSE|ARTICLE|SECTION|Clause|Article|Section|EXHIBIT|SCHEDULE)\b)"
                        r"(?!\s+CONFIDENTIAL\b(?![ \t][A-Z&]))",
                        re.MULTILINE)
_STRONG_HEADING = re.compile(r"\.\s+[A-Z\"\u201c]|\s+[A-Z]{3,}\b")
_INT = re.compile(r"(?:(?:Section|SECTION|Article|ARTICLE)\s+)?(\d{1,3})\.?$")


def _top_steps(ctx: Analysis) -> list[tuple[int, int, int, int]]:
    """Steps of the top-level integer numbering, read from the clause tree *and* the text between clauses:
    ``(start, end, previous, value)`` for each number. The parser accepts a top-level number only when it
    continues the sequence, so a duplicated or out-of-order number is left inside the previous clause's text;
    reading heading-like numbers there recovers it, and a gap the parser reports because it skipped such a
    number is not a gap."""
    got = ctx.cache.get("ambiguity.top_steps")
    if got is not None:
        return got  # type: ignore[return-value]
    text = ctx.text
    tops = []
    for c in clause_index(ctx).clauses:
        if c.level == 0 and c.number and c.number_span and not in_uncertain(ctx, c.number_span.start):
            m = _INT.match(c.number.strip())
            if m:
                tops.append((c, int(m.group(1))))
    steps: list[tuple[int, int, int, int]] = []
    for (c, v), (c2, v2) in pairwise(tops):
        prev = v
        if v2 != v + 1:  # look for the numbers the parser left inside the previous clause's text
            for m in _TOP_TOKEN.finditer(text, c.number_span.end, c2.start):
                if in_uncertain(ctx, m.start("n")):
                    continue
                u = int(m.group("n"))
                # u == v2: the clause was renumbered to the next one's number ("7, 9. Term, 9. Miscellaneous"),
                # which the parser refuses; the skip is at the first 9 and the second is a duplicate.
                if u == v2 and not _STRONG_HEADING.match(text, m.end("n")):
                    continue  # only a clear heading ("9. Term", "9 MISCELLANEOUS"), not a line number or page number
                if prev <= u <= v2 and u - prev <= 2:
                    steps.append((m.start("n"), m.end("n"), prev, u))
                    prev = u
        steps.append((c2.number_span.start, c2.number_span.end, prev, v2))
    if tops:  # after the last accepted number, up to the next top-level part (signature, exhibit) or the end
        c, prev = tops[-1]
        # (a top-level "4.1" is a sub-clause the parser promoted because it refused its parent "4.": not a part)
        nxt = min((x.start for x in clause_index(ctx).clauses if x.level == 0 and x.start > c.start
                   and not (x.number and x.number[0].isdigit())), default=len(text))
        for m in _TOP_TOKEN.finditer(text, c.number_span.end, nxt):
            if in_uncertain(ctx, m.start("n")):
                continue
            u = int(m.group("n"))
            if prev <= u <= prev + 2:
                steps.append((m.start("n"), m.end("n"), prev, u))
                prev = u
    ctx.cache["ambiguity.top_steps"] = steps
    return steps


def _top_level_ids(ctx: Analysis) -> set[str]:
    return {c.id for c in ctx.doc.clauses if c.level == 0 and c.number and _INT.match(c.number.strip())}


def _from_warning(ctx: Analysis, r: Rule, code: str, message: str) -> list[Finding]:
    """Findings from the parser's warnings below the top level (the top level is read by :func:`_top_steps`).
    A gap whose missing number is printed just before is the parser's miss, not the drafter's, and is dropped."""
    out = []
    tops = _top_level_ids(ctx)
    for w in ctx.doc.warnings:
        if w.code != code or (w.clause_ids and w.clause_ids[0] in tops):
            continue
        if w.spans and (in_uncertain(ctx, w.spans[0].start) or
                        _AMBIGUOUS.fullmatch(ctx.text[w.spans[0].start: w.spans[0].end].strip())):
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


def _roman(n: int) -> str:
    out = ""
    for v, s in ((40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= v:
            out, n = out + s, n - v
    return out


_ROMANS = [_roman(k) for k in range(1, 50)]
# Labels that read as a letter or as a roman numeral: "(i)" after "(h)" starts a sub-list as often as it
# continues the letters, so a gap or a repeat there is the parser's guess, not the drafter's slip.
_AMBIGUOUS = re.compile(r"\(?(?:i|v|x|I|V|X|ii|II)[.)]?\.?")


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


def _printed_before(ctx: Analysis, clause_id: str, number: str) -> bool:
    """Whether the label before ``number`` is printed as a list item in the 20,000 characters before the clause:
    then the parser missed a clause, and the numbering itself has no gap."""
    c = clause_index(ctx).by_id.get(clause_id)
    prev = _previous_label(number.rstrip("."))
    if c is None or prev is None:
        return False
    pat = re.compile(rf"(?<![\w.]){re.escape(prev)}[.)]?\s+\S")
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
def numbering_skipped(ctx: Analysis, r: Rule) -> list[Finding]:
    if not gate(ctx, r.id):
        return []
    out = []
    last = None
    for a, b, p, v in _top_steps(ctx):
        if v > p + 1 and not in_uncertain(ctx, a) and not _missing_printed(ctx.text, p + 1, v, max(0, a - 20_000) if last is None else last, a):
            out.append(finding(ctx, r, a, b, f"Numbering: {v} follows {p}, skipping {v - p - 1} number(s)."))
        last = b
    return out + _from_warning(ctx, r, "numbering_gap", "Numbering: {msg}.")


def _missing_printed(text: str, lo: int, hi: int, start: int, end: int) -> bool:
    """Whether every number in ``lo..hi-1`` is printed as a heading ("5. SALES", "5 SALES") between ``start`` and
    ``end``: then the parser missed those sections (after a page header, say), and the numbering has no gap."""
    if hi - lo > 3:
        return False
    for k in range(lo, hi):
        pat = re.compile(rf"(?<![\w.,$/\-]){k}(?:\.\s+[A-Z\"\u201c]|\s+[A-Z]{{3,}}\b)")
        if not any(not _REF_WORD_BEFORE_NUM.search(text, max(0, m.start() - 14), m.start())
                   for m in pat.finditer(text, start, end)):
            return False
    return True


_REF_WORD_BEFORE_NUM = re.compile(r"(?:Sections?|Articles?|Clauses?|Paragraphs?|SECTIONS?|ARTICLES?|and|or|through|"
                                  r"to|of|,)\s*$")


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
def numbering_duplicated(ctx: Analysis, r: Rule) -> list[Finding]:
    if not gate(ctx, r.id):
        return []
    out = [finding(ctx, r, a, b, f"Numbering: {v} appears twice in a row.") for a, b, p, v in _top_steps(ctx)
           if v == p and not in_uncertain(ctx, a)]
    return out + _from_warning(ctx, r, "numbering_duplicate", "Numbering: {msg}.")


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (numbering_skipped, numbering_duplicated)
