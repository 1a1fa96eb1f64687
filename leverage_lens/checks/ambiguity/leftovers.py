"""Leftovers of drafting: placeholders, blanks, unbalanced brackets and quotes (numbering: :mod:`.numbering`).

Signature blocks ("By: ______", "Name: ____") and redactions in public filings ("[***]", "[* * *]") are
blanks on purpose and are not reported. Numbering problems come from the parser's own warnings
(``numbering_gap`` / ``numbering_duplicate``), so the check and the clause tree never disagree.
"""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...model import Finding, Span
from ..registry import Rule, rule
from ._common import LEFTOVERS, clause_index, finding, grouped
from ._index import Regions, line_index
from ._uncertain import in_uncertain

# Candidates found by patterns that start with a literal character (fast), then classified.
_BRACKETED = re.compile(r"\[[^\[\]\n]{0,80}\]|\{[^{}\n]{1,42}\}|<<[^<>\n]{1,40}>>|\(\s*[\u25cf\u2022\u25aa]\s*\)")
# An instruction to the drafter, or a bullet standing for a value: '[insert date]', '[to be agreed]', '[●]'.
_INSTRUCTION = re.compile(
    r"\W*(?:insert|include|add|specify|describe|enter|complete|fill\s+in|name\s+of|details\s+of|tbd|tbc|tba|"
    r"to\s+be\s+(?:determined|confirmed|agreed|completed|inserted|provided|specified)|placeholder|"
    r"note\s+to\s+draft(?:er)?|drafting\s+note|[\u25cf\u2022\u25aa]+\W*$)|"
    r".{0,60}\bto\s+be\s+(?:completed|inserted|determined|confirmed)\W*$",
    re.IGNORECASE,
)
# The slot a placeholder stands for: '[Customer Name]', '[DATE]', '[Party]', '[number] days'. Headings in
# brackets ('[Annual Fees]', '[CONFIDENTIALITY]') name a topic, not a slot, and are left alone.
_SLOT = {"name", "names", "date", "address", "amount", "number", "title", "percentage", "percent", "email",
         "e-mail", "phone", "telephone", "fax", "city", "state", "country", "party", "company", "signatory",
         "figure", "value", "sum", "x", "xx"}
_WORD_PLACEHOLDER = re.compile(r"\b(?:TBD|TBC|TBA)\b|\b[Nn]ote\s+to\s+[Dd]raft(?:er)?\b")
_X_RUN = re.compile(r"XX+")  # then read around: "$XX" and "[XX]" are blanks, "XXL" and "(XX)" are not
_BLANK = re.compile(r"_{4,}|\[[\s_]{0,30}\]|\(\s{2,}\)")
# Labels of blanks left to fill at signature (and forms' "Initials: ____").
_SIGNATURE_LABEL = re.compile(
    r"\b(?:by|name|title|its|date|dated|signature|signed|print(?:ed)?\s+name|witness|initials?|attest|per|"
    r"position)\b[^_\n.;]{0,12}:?\s*(?:/s/[^_]{0,40})?$",
    re.IGNORECASE,
)
# A bracketed title after a section number is a heading label: "Section 4.6 [REVENUE SHARING]".
_AFTER_SECTION_REF = re.compile(r"(?:Section|Article|SECTION|ARTICLE|Sections)\s+[\w.()]+(?:\s*\([\w]{1,4}\))*\s*$|"
                                r"\d[\d.()a-z]*\s*$")
# Redactions in SEC filings, confidential treatment legends and extraction markers: text left out on purpose.
_REDACTION = re.compile(r"\*\s*\*|\[\s*\*\s*\]|\b(?:redact\w*|omit\w*|confidential|removed|deleted|illegible|"
                        r"reserved|intentionally|logo|graphic|seal|attached|signatures?|initials?)\b|X{4,}",
                        re.IGNORECASE)
# Markers that the filing is redacted, so a run of X or a line of underscores may stand for removed text.
_REDACTED_FILING = re.compile(r"\[\s*\*+\s*\]|\*{3,}|confidential\s+treatment|\[\s*redacted|portions?\s+"
                              r"(?:of\s+this\s+\w+\s+)?(?:have\s+been\s+)?(?:omitted|redacted)", re.IGNORECASE)
# A form to be completed later ("EXHIBIT C  FORM OF ESCROW AGREEMENT"): its blanks are meant to stay blank.
_ATTACHMENT_TITLE = re.compile(r"^[ \t]*(?:EXHIBIT|Exhibit|SCHEDULE|Schedule|ANNEX|Annex|APPENDIX|Appendix|"
                               r"ATTACHMENT|Attachment)\b[ \t]*[\w.\-]{0,6}", re.MULTILINE)
_FORM_OF = re.compile(r"\bform\s+of\b|\bform\b\s*$|\btemplate\b|\bspecimen\b", re.IGNORECASE | re.MULTILINE)


def _form_regions(ctx: Analysis) -> Regions:
    """Spans of attachments that are forms (a title "Form of ..." within 300 characters of the attachment's
    heading), each up to the next attachment heading: blanks and placeholders there are intended."""
    got = ctx.cache.get("ambiguity.form_regions")
    if got is not None:
        return got  # type: ignore[return-value]
    text = ctx.text
    heads = [m.start() for m in _ATTACHMENT_TITLE.finditer(text)]
    out = []
    for i, a in enumerate(heads):
        b = heads[i + 1] if i + 1 < len(heads) else len(text)
        if _FORM_OF.search(text, a, min(b, a + 300)):
            out.append((a, b))
    regions = ctx.cache["ambiguity.form_regions"] = Regions(out)
    return regions


def _in_form(ctx: Analysis, pos: int) -> bool:
    return pos in _form_regions(ctx)


def _lone_x_run(text: str, a: int, b: int) -> bool:
    """A run of X standing alone ("$XX per unit", "[XX]"), not inside a word, a code or a bracketed number."""
    before, after = text[a - 1: a] if a else "", text[b: b + 1]
    if before == "[" and after == "]":
        return True
    return not (before.isalnum() or (before and before in "_([") or after.isalnum() or (after and after in "_.)]"))


def _is_checkbox(text: str, start: int, end: int) -> bool:
    """"[ ] Yes", "[X] The cards were destroyed": a box at the start of a line (or after a wide gap) before a
    capitalised option."""
    before = text[max(0, start - 3): start]
    return bool(re.match(r"[ \t]*[A-Z(]", text[end: end + 4])) and (before.endswith(("\n", "  "))
                                                                   or start == 0 or "\n" in before)


def _explicit(body: str) -> bool:
    """Whether a bracketed body is a placeholder: an instruction, a bullet, or the name of a slot to fill."""
    inner = body.strip("[]{}<>() \t")
    if not inner or _REDACTION.search(inner):
        return False
    if body[0] == "{" and inner[0].isupper():
        return True  # braces are not prose punctuation in contracts: '{Company Name}'
    if _INSTRUCTION.match(inner):
        return True
    words = re.findall(r"[A-Za-z][A-Za-z\-]*", inner)
    if not 1 <= len(words) <= 4 or "/" in inner or re.search(r"\d", inner):
        return False
    last = re.sub(r"'s$|\u2019s$", "", inner.split()[-1]).strip(".,:;").lower()
    return last in _SLOT


@rule(
    "ambiguity.placeholder",
    kind="ambiguity",
    description="A drafting placeholder left in the text: an instruction (\u201c[insert date]\u201d, "
    "\u201c[to be agreed]\u201d, \u201cNote to draft\u201d), a bullet standing for a value (\u201c[\u25cf]\u201d), "
    "\u201cTBD\u201d, or the name of a slot to fill (\u201c[Customer Name]\u201d, \u201c{Company Name}\u201d). "
    "Redaction and extraction markers (\u201c[***]\u201d, \u201c[ILLEGIBLE]\u201d, \u201c[RESERVED]\u201d), "
    "bracketed headings and forms attached to be completed later are not reported; empty blanks are the "
    "low-severity rule ambiguity.blank.",
    severity="high", category=LEFTOVERS,
    suggestion="fill in the missing text or delete the placeholder",
    fires_on=("1. Term. This Agreement starts on [insert date] and lasts one year.",
              "1. Fee. The fee is $[\u25cf] per month.", "1. Fee. The fee is TBD.",
              "1. Notices. Notices go to {Company Name} at its office.",
              "1. Notices. Notices go to [CUSTOMER NAME] at its office."),
    quiet_on=("1. Fee. The fee is [***] per month.", "1. Fee. The fee is [ILLEGIBLE] per month.",
              "1. Term. As agreed in Section 4.6 [REVENUE SHARING], the term is two years.",
              "1. Fees. [Annual Fees] Customer pays the fees.\n\n2. Reserved. [RESERVED]",
              "1. Term. This Agreement lasts two years.\n\nBy: ________\nName: ________"),
)
def placeholder(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    hits = []
    for m in _BRACKETED.finditer(text):
        body = m.group(0)
        if not _explicit(body):
            continue
        if body[0] == "[" and _AFTER_SECTION_REF.search(text, max(0, m.start() - 30), m.start()):
            continue
        if re.fullmatch(r"\[\s*[xX]{1,2}\s*\]", body) and (_is_checkbox(text, m.start(), m.end())
                                                            or re.fullmatch(r"\[\s+[xX]\s+\]", body)):
            continue  # a box, ticked ("[X] Yes", "[ x ]")
        if _in_form(ctx, m.start()):
            continue
        hits.append((m.start(), m.end(), " ".join(body.split())))
    for m in _WORD_PLACEHOLDER.finditer(text):
        if not _in_form(ctx, m.start()):
            hits.append((m.start(), m.end(), m.group(0)))
    # A template's merge fields ("{employee_name}", "{IF has_pilot} ... {END-IF}"): three or more make it a form.
    # Its control tags ("{IF ...}", "{END-FOR ...}") steer the template and are not fields anyone fills in.
    fields = [(m.start(), m.end(), m.group(0)) for m in _MERGE_FIELD.finditer(text)]
    if len(fields) >= 3:
        hits.extend(fields)
    form = _is_form(sorted(set(hits)))  # control tags count towards a template, but are not reported
    hits = sorted(h for h in set(hits) if not _CONTROL_TAG.match(h[2]) and not _at_signature(ctx, h[0]))
    if form and hits:
        return _one_for_the_form(ctx, r, hits, "placeholders")
    return grouped(ctx, r, hits, message="Placeholder \u201c{term}\u201d was never filled in ({times} in this "
                   "section).")


_FORM_KEYS = 8
_NAMED_SLOT = re.compile(r"\[[A-Za-z]{3,}(?:[ \-][A-Za-z]+){0,5}\]")
_SLOT_WORD = re.compile(r"(?i)\b(?:name|date|address|amount|company|investor|state|title|number|party|"
                        r"jurisdiction|signature|price|email)\b")
_FIELD_LABEL = re.compile(r"\b(?:by|name|title|its|signature|print(?:ed)?\s+name)\s*:\s*$", re.IGNORECASE)
_TICKED_BOX = re.compile(r"\[\s*[xX\u2713\u2714]\s*\]|\(\s*[xX\u2713\u2714]\s*\)")
# A field's label written after its line: "________ (Employer initials)", "______ (Date)".
_LABEL_AFTER = re.compile(r"[ \t]*\((?:[A-Za-z]+\s+){0,2}(?:initials?|signature|date|name|title)\)", re.IGNORECASE)
_SIGNED = re.compile(r"/s/[^\n_]{0,40}$")
_SIGNED_AFTER = re.compile(r"\s*/s/")
_CONTROL_TAG = re.compile(r"\{(?:IF|END-IF|FOR|END-FOR|ELSE)\b")
# Where a signature block starts: fields there ("By: [name]", "[title]") are filled in at signature.
_WITNESS = re.compile(r"\bIN\s+WITNESS\s+WHEREOF\b|\bSignature\s+page\s+follows\b", re.IGNORECASE)


def _at_signature(ctx: Analysis, pos: int) -> bool:
    """Inside a signature block: a clause the parser calls one, a field after a signature label on its line
    ("By: [name]"), or the lines after "IN WITNESS WHEREOF" (within a few hundred characters)."""
    text = ctx.text
    c = clause_index(ctx).at(pos)
    if c is not None and c.kind.value == "signature":
        return True
    if _FIELD_LABEL.search(text, max(0, pos - 20), pos):
        return True
    w = _WITNESS.search(text, max(0, pos - 400), pos)
    return w is not None
_MERGE_FIELD = re.compile(r"\{(?:[a-z_$][\w.$]*|(?:IF|END-IF|FOR|END-FOR|ELSE)\b[^{}\n]{0,60})\}")


def _is_form(hits: list[tuple[int, int, str]]) -> bool:
    """Eight or more different placeholders (or blanks): a template to be completed, not a slip in a draft."""
    return len({k for _, _, k in hits}) >= _FORM_KEYS or len(hits) >= 3 * _FORM_KEYS


def _one_for_the_form(ctx: Analysis, r: Rule, hits: list[tuple[int, int, str]], what: str) -> list[Finding]:
    """A template's placeholders as one finding (the first quoted, every one as evidence): a reader of a form
    needs to know it is unfinished, not to read the same note forty times."""
    kept = [(a, b, k) for a, b, k in hits if not in_uncertain(ctx, a)]
    if not kept:
        return []
    a, b, _ = kept[0]
    names = list(dict.fromkeys(k for _, _, k in kept))
    shown = ", ".join(f"\u201c{k}\u201d" for k in names[:5]) + (", ..." if len(names) > 5 else "")
    return [finding(ctx, r, a, b, f"This document is a form: {len(kept)} {what} ({len(names)} different) are "
                    f"not filled in: {shown}.", suggestion="fill in every placeholder before signature",
                    evidence=[Span(start=x, end=y, label="occurrence") for x, y, _ in kept[1:]])]


@rule(
    "ambiguity.blank",
    kind="ambiguity",
    description="An empty blank (\u201c____\u201d, \u201c[ ]\u201d) or a run of X outside signature blocks and "
    "forms. A hint: in public filings a blank or \u201cXXX\u201d often marks redacted text, and some blanks are "
    "meant to be completed later (notice details, dates of counterparts).",
    severity="low", category=LEFTOVERS,
    suggestion="fill in the blank, or say how and when it will be completed",
    fires_on=("1. Term. This Agreement lasts ______ years.", "1. Orders. The minimum order is [__] units.",
              "1. Fee. The fee is $XX per unit."),
    quiet_on=("1. Term. This Agreement lasts two years.\n\nBy: ________\nName: ________",
              "1. Term. Two years.\n\nEXHIBIT A\nFORM OF NOTICE\nThe term ends on ________."),
)
def blank(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    slots = set(_NAMED_SLOT.findall(text, 0, 200_000))
    if len(slots) >= _FORM_KEYS and sum(1 for x in slots if _SLOT_WORD.search(x)) >= 3:
        return []  # a form with named slots ("[Company Name]", "[Date of Safe]"): its blanks are slots too, and
        # ``ambiguity.placeholder`` already says once that the form is to be completed. Bracketed headings
        # ("[Insurance]", "[During Term]" as cross-reference labels) name no slot and make no form.
    hits = []
    xs = [m for m in _X_RUN.finditer(text) if _lone_x_run(text, m.start(), m.end())]
    if xs and not _REDACTED_FILING.search(text):
        for m in xs:
            if not _in_form(ctx, m.start()):
                hits.append((m.start(), m.end(), "XX"))
    lines = line_index(ctx)
    rules: dict[tuple[int, int], bool] = {}  # per line: only underscores and spaces (a rule, a signature line)
    ticked = _TICKED_BOX.search(text) is not None
    field_end = -1  # the end of the last blank read as a signature or form field
    for m in _BLANK.finditer(text):
        if _SIGNATURE_LABEL.search(text, max(0, m.start() - 60), m.start()) or _LABEL_AFTER.match(text, m.end()) or (
                field_end >= 0 and not text[field_end: m.start()].strip()):
            field_end = m.end()  # a field, or the next line of the same field ("Name: ____ ____")
            continue
        if _SIGNED.search(text, max(0, m.start() - 50), m.start()) or _SIGNED_AFTER.match(text, m.end()):
            continue  # the underscores of a signature line around a conformed signature ("By____/s/ J. Doe____")
        if ticked and m.group(0)[0] in "[(" and "_" not in m.group(0):
            continue  # a form that ticks its boxes ("[ x ] Worldwide [ ] {territory}"): "[ ]" is a box left blank
        n = m.end() - m.start()
        if n >= 60:
            continue  # a horizontal rule, not a blank to fill
        if n >= 15 and re.search(r"[.:]\s*$", text[max(0, m.start() - 3): m.start()]) and \
                re.match(r"\s+[A-Z*]", text[m.end(): m.end() + 2]):
            continue  # a rule between parts, or a form's field line
        if m.group(0)[0] in "[(" and (_is_checkbox(text, m.start(), m.end()) or "bracket" in
                                      text[max(0, m.start() - 40): m.end() + 40].lower()):
            continue  # a check box ("[ ] AVNET East Coast"), or a legend about redaction brackets
        bounds = (lines.start(m.start()), lines.end(m.end()))
        if bounds not in rules:
            ls, le = bounds
            rules[bounds] = len(text[ls: le if le != -1 else len(text)].replace("_", "").strip()) < 3
        if rules[bounds]:  # a line of underscores: a rule or a signature line
            continue
        if _in_form(ctx, m.start()):
            continue
        hits.append((m.start(), m.end(), "____" if "_" in m.group(0) else "[ ]"))
    hits.sort()
    if len(hits) >= 3 * _FORM_KEYS:
        return _one_for_the_form(ctx, r, hits, "blanks")
    return grouped(ctx, r, hits, message="Blank \u201c{term}\u201d was never filled in ({times} in this section).")


_BRACKET = re.compile(r"[()\[\]\u201c\u201d]")
# ... but not "( "Payments/Advances")": a bracket opened with a space before a quoted name.
_LONE_BRACKET = re.compile(r"(?<=\s)(?:\((?!\s*[\"'\u201c\u2018])|\))(?=\s)")
# Template markup ("{provider_name}]", "<!-- Note -->"): brackets there belong to the template's syntax.
_MARKUP_NEAR = re.compile(r"[{}]|<!--|-->")
_PLACEHOLDER = re.compile(r"\{[a-z_]{3,40}\}")
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
def unbalanced_brackets(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    out = []
    # A template with "{field}" placeholders uses square brackets for optional text and its own markup.
    template = len(_PLACEHOLDER.findall(text, 0, 200_000)) >= 3
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
            if in_uncertain(ctx, a):
                break  # a redaction mark ("[***"), a running header or a table of contents cut the pair
            if (template and o == "[") or _MARKUP_NEAR.search(text, max(0, a - 3), a + 4):
                continue  # template syntax: "[optional text]", "{provider_name}]"
            if o == "\u201c" and _straight_partner(text, a, opener=first_bad is None):
                continue  # '"Special Category Data\u201d': one quote straight, one curly -- the pair is whole
            if _cut_by_split(text, a, cs, ce, o, cl, opener=first_bad is None):
                continue  # the pair is whole in the text: a page footer or a paragraph split cut it
            ch = text[a: a + 1]
            what = "closes a bracket it never opened" if first_bad is not None else "opens a bracket it never closes"
            if o == "\u201c":
                what = what.replace("bracket", "quote")
            ls = max(cs, a - 40)
            out.append(finding(ctx, r, ls, min(ce, a + 40), f"This paragraph {what} (\u201c{ch}\u201d).",
                               evidence=[Span(start=a, end=a + 1, label="bracket")]))
            break
    return out


def _straight_partner(text: str, a: int, *, opener: bool) -> bool:
    """Whether a curly quote's partner is a straight quote on the same line within 80 characters."""
    window = text[a + 1: a + 81] if opener else text[max(0, a - 80): a]
    window = window.split("\n")[0] if opener else window.rsplit("\n", 1)[-1]
    return '"' in window


def _cut_by_split(text: str, a: int, cs: int, ce: int, o: str, cl: str, *, opener: bool) -> bool:
    """Whether the bracket at ``a`` finds its partner just across the chunk's edge: an opener closed within
    400 characters after the chunk's end before any new opener, or a closer opened within 400 before its start
    after the last closer (a page footer, "Source: ...", or a paragraph break split the clause)."""
    if opener:
        nxt = text[ce: ce + 400]
        i, j = nxt.find(cl), nxt.find(o)
        return i != -1 and (j == -1 or i < j)
    prev = text[max(0, cs - 400): cs]
    i, j = prev.rfind(o), prev.rfind(cl)
    return i != -1 and i > j


def _chunks(ctx: Analysis) -> list[tuple[int, int]]:
    """Top-level clauses (children included), so a bracket that spans sub-clauses "(a) ... (b))" still
    balances; the whole text cut into paragraphs when the parser found no clauses."""
    tops = sorted((c.start, c.end) for c in ctx.doc.clauses if (c.level == 0 or not c.parent_id)
                  and not c.id.startswith("signature"))
    if not tops:
        return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n(?!\s*\n)[^\n]*)*", ctx.text)]
    return tops


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (placeholder, blank, unbalanced_brackets)
