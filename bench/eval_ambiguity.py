"""Drafting checks on CUAD: defect injection per type, noise per rule, and speed.

* **Injection**: for each contract and each defect type, a copy of the text (in memory; nothing is written) gets
  one defect at a random sentence boundary inside a random numbered clause (or, for numbering, a renumbered
  clause where the numbering around it runs clean: n-1, n, n+1). The copy is parsed and analysed; the defect
  counts as *detected* when a finding of the type's rule quotes or cites (evidence) the injected span. A type is
  *not applicable* to a contract when the rule's own precondition rules it out (e.g. "days" is defined, so
  unqualified days are not ambiguous there); those are reported, not counted.
* **Noise**: findings per 10,000 characters of the untouched contracts, per rule.
* **Speed**: characters per second through the ambiguity rules alone (enrichment and sentences built first,
  as in an analysis where the one-sided rules share them), and through enrich + every rule.

    python bench/eval_ambiguity.py [--data ../shared/data] [--limit 100] [--seed 7] [--sample-out FILE]

``--sample-out`` writes a random sample of findings per rule (JSON lines with the context) for hand review.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))  # drafting_sets

import leverage_lens
from leverage_lens.checks import CheckContext, Registry
from leverage_lens.enrich import enrich
from leverage_lens.model import Document

ROOT = Path(__file__).resolve().parents[1]
Injector = Callable[[Document, random.Random], "tuple[str, list[tuple[int, int]]] | None"]

_SENT_END = re.compile(r"(?<=[a-z\)]\.)\s+(?=[A-Z])")
_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
_TENS = {20: "twenty", 30: "thirty", 40: "forty", 45: "forty-five", 60: "sixty", 90: "ninety"}
_NAMES = ["Zephyr Platform", "Orion Materials", "Keystone Deliverables", "Harbor Services Fee", "Atlas Toolkit",
          "Granite Support Package", "Juniper Reports", "Cobalt Interface"]


def _boundary(doc: Document, rng: random.Random) -> int | None:
    """A random sentence boundary inside a random numbered top-level clause (its body, not its heading)."""
    tops = [c for c in doc.clauses if c.level == 0 and c.number and re.match(r"\d", c.number) and c.end - c.start > 200]
    rng.shuffle(tops)
    for c in tops:
        cuts = [m.start() for m in _SENT_END.finditer(doc.text, c.start + 20, c.end - 1)]
        if cuts:
            return rng.choice(cuts)
    return None


def _insert(doc: Document, rng: random.Random, sentence: str) -> tuple[str, list[tuple[int, int]]] | None:
    at = _boundary(doc, rng)
    if at is None:
        return None
    text = doc.text[:at] + " " + sentence + doc.text[at:]
    return text, [(at + 1, at + 1 + len(sentence))]


def _sentence(make: Callable[[random.Random], str]) -> Injector:
    return lambda doc, rng: _insert(doc, rng, make(rng))


def _number_words(n: int) -> str:
    return _WORDS[n] if n < len(_WORDS) else _TENS[n]


def _mismatch(rng: random.Random) -> str:
    n = rng.choice([5, 10, 15, 30, 45, 60, 90])
    m = rng.choice([k for k in (5, 10, 15, 30, 45, 60, 90) if k != n])
    if rng.random() < 0.5:
        return f"The fee shall be paid within {_number_words(n)} ({m}) days after receipt of the invoice."
    return f"The deposit is {_number_words(n).title()} Thousand Dollars (${m},000)."


def _bad_date(rng: random.Random) -> str:
    month, day = rng.choice([("February", 30), ("February", 31), ("April", 31), ("June", 31), ("September", 31),
                             ("November", 31), ("February", 29)])
    year = rng.choice([2019, 2021, 2022, 2023]) if day == 29 else rng.randint(2000, 2030)
    return f"The first report is due on {month} {day}, {year}."


def _placeholder(rng: random.Random) -> str:
    return rng.choice(["The deposit is [\u25cf].", "Notices to the distributor shall be copied to {Company Name}.",
                       "The delivery date is TBD.", "Notices to the distributor shall be copied to [DISTRIBUTOR NAME].",
                       "The launch date is [insert date].", "The service credit is [to be agreed]."])


def _blank(rng: random.Random) -> str:
    return rng.choice(["The price is $______ per unit.", "The minimum order is [__] units.",
                       "The warranty lasts ________ months after delivery."])


def _unbalanced(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    # Only where the clause is balanced already: a place the rule should catch.
    for _ in range(5):
        got = _insert(doc, rng, rng.choice(["The fees (as set out in the price list are payable monthly.",
                                            "The reports (in the agreed form are due each quarter.",
                                            "The \u201cService Levels apply to each month."]))
        if got is None:
            return None
        _, spans = got
        top = next((c for c in doc.clauses if c.level == 0 and c.start <= spans[0][0] < c.end), None)
        body = doc.text[top.start: top.end] if top else ""
        if body.count("(") == body.count(")") and body.count("\u201c") == body.count("\u201d"):
            return got
    return None


def _renumber(doc: Document, rng: random.Random, *, duplicate: bool) -> tuple[str, list[tuple[int, int]]] | None:
    tops = [c for c in doc.clauses if c.level == 0 and c.number and c.number_span and
            re.fullmatch(r"\d+\.?", c.number)]
    # Only where the numbering runs clean around the clause (n-1, n, n+1): renumbering a clause next to a gap or a
    # duplicate the contract already has ("3, 4, 4, 5" -> "3, 4, 3, 5") makes a number out of order, which no
    # reader would call the defect being injected.
    nums = [int(c.number.rstrip(".")) for c in tops]
    cands = [i for i in range(2, len(tops) - 1) if nums[i - 1] == nums[i] - 1 and nums[i + 1] == nums[i] + 1]
    if len(tops) < 4 or not cands:
        return None
    i = rng.choice(cands)
    text = doc.text
    edits = []
    # duplicate: clause i takes the number of clause i-1; skip: clauses i.. move up by one.
    for c in ([tops[i]] if duplicate else tops[i:]):
        n = int(c.number.rstrip("."))
        new = str(n - 1 if duplicate else n + 1) + ("." if c.number.endswith(".") else "")
        edits.append((c.number_span.start, c.number_span.end, new))
    delta = 0
    spans = []
    for a, b, new in sorted(edits):
        text = text[: a + delta] + new + text[b + delta:]
        spans.append((a + delta, a + delta + len(new)))
        delta += len(new) - (b - a)
    return text, spans[:1]


def _missing_section(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    nums = [int(m) for c in doc.clauses if c.level == 0 and c.number for m in re.findall(r"^\d+", c.number)]
    if len(nums) < 3:
        return None
    return _insert(doc, rng, f"Any such dispute shall be handled as provided in Section {max(nums) + rng.randint(3, 40)}.")


def _heading_mismatch(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    from rapidfuzz import fuzz
    tops = [c for c in doc.clauses if c.level == 0 and c.heading and c.number and re.fullmatch(r"\d+\.?", c.number)
            and len(c.heading) > 4]
    pairs = [(a, b) for a in tops for b in tops if fuzz.token_set_ratio(a.heading.lower(), b.heading.lower()) < 50]
    if not pairs:
        return None
    a, b = rng.choice(pairs)
    return _insert(doc, rng, f"This is without prejudice to Section {a.number.rstrip('.')} ({b.heading.title()}).")


def _circular(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    tops = [c for c in doc.clauses if c.level == 0 and c.number and re.fullmatch(r"\d+\.?", c.number)
            and c.end - c.start > 200]
    if len(tops) < 2:
        return None
    a, b = sorted(rng.sample(tops, 2), key=lambda c: c.start)
    cut_a = next((m.start() for m in _SENT_END.finditer(doc.text, a.start + 20, a.end - 1)), None)
    cut_b = next((m.start() for m in _SENT_END.finditer(doc.text, b.start + 20, b.end - 1)), None)
    if cut_a is None or cut_b is None:
        return None
    s_a = f"Subject to Section {b.number.rstrip('.')}, the obligations in this Section apply in full."
    s_b = f"Subject to Section {a.number.rstrip('.')}, the obligations in this Section apply in full."
    text = doc.text[:cut_a] + " " + s_a + doc.text[cut_a:cut_b] + " " + s_b + doc.text[cut_b:]
    sa = (cut_a + 1, cut_a + 1 + len(s_a))
    off = len(s_a) + 1
    return text, [sa, (cut_b + off + 1, cut_b + off + 1 + len(s_b))]


def _missing_attachment(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    free = [x for x in "QRSTUVWXYZ" if not re.search(rf"\b(?:Exhibit|EXHIBIT)\s+{x}\b", doc.text)]
    return _insert(doc, rng, f"The service levels are set out in Exhibit {rng.choice(free)}.") if free else None


def _currency(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    from leverage_lens.checks.ambiguity.numbers import _NAMED_CURRENCY, _countries
    if _NAMED_CURRENCY.search(doc.text) or not (_countries(doc.text) - {"CA"}):
        return None  # the currency is named, or no party's country can be read: nothing the rule can judge
    pre = ("This Agreement is also entered into with Maple Ltd., a corporation organized under the laws of "
           f"Canada, which shall pay ${rng.randint(2, 90)},000 per year.")
    return pre + "\n\n" + doc.text, [(0, len(pre))]


def _defined_twice(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    from leverage_lens.checks.ambiguity.defined_terms import _sites
    ctx = CheckContext.build(doc)
    terms = [t for t, sites in _sites(ctx).items() if len(t) > 3 and any(st in ("quoted", "means") for _, _, st in sites)]
    if not terms:
        return None
    return _insert(doc, rng, f"Supplier shall also provide the additional support services (the \"{rng.choice(terms)}\").")


def _unused(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    name = rng.choice(_NAMES)
    if name in doc.text:
        return None
    return _insert(doc, rng, f"\"{name}\" means the items listed in the price list.")


def _before_definition(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    ctx = CheckContext.build(doc)
    from leverage_lens.checks.ambiguity.defined_terms import _sites
    sites = _sites(ctx)
    from leverage_lens.checks.ambiguity.defined_terms import _KNOWN_BEFORE_DEFINED, _in_attachment
    # round 5: not a definition the rule leaves out by its description (in an exhibit or after the signatures,
    # or a name every reader knows before it is defined)
    cands = [d for d in ctx.enrichment.definitions if d.style == "parenthetical" and len(d.term) > 3
             and all(st == "parenthetical" for _, _, st in sites.get(d.term, ()))
             and d.term not in _KNOWN_BEFORE_DEFINED and not _in_attachment(ctx, d.start)]
    rng.shuffle(cands)
    for d in cands:
        # issue 14: an edit adds a use in an earlier clause of the body (not the preamble or the recitals, which
        # tell the story before the terms are defined, nor the clause that holds the definition)
        home = next((c for c in doc.clauses if c.level == 0 and c.start <= d.start < c.end), None)
        body = [c for c in doc.clauses if c.level == 0 and c.kind.value == "section" and c.number
                and home is not None and c.end <= home.start]
        # round 5: the rule reports a term used three times or more before its definition (one or two uses the
        # reader resolves a few lines on), so the edit adds a use to each of three earlier clauses
        per_clause = [[m.start() for m in _SENT_END.finditer(doc.text, c.start, c.end)] for c in body]
        per_clause = [cs for cs in per_clause if cs]
        if len(per_clause) >= 3:
            ats = sorted(rng.choice(cs) for cs in rng.sample(per_clause, 3))
            s = f"The {d.term} shall be kept in confidence."
            text, spans, shift = doc.text, [], 0
            for at in ats:
                at += shift
                text = text[:at] + " " + s + text[at:]
                spans.append((at + 1, at + 1 + len(s)))
                shift += len(s) + 1
            return text, spans
    return None


def _variant(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    ctx = CheckContext.build(doc)
    defined = {d.term for d in ctx.enrichment.definitions} | {n for p in ctx.parties for n in (p.name, *p.aliases)}
    terms = [d.term for d in ctx.enrichment.definitions if " " in d.term and d.term.istitle() and len(d.term) > 6
             and "(" not in d.term and d.term.replace(" ", "").replace("-", "").isalpha()]
    if not terms:
        return None
    t = rng.choice(terms)
    w = t.split()
    # An adjective before a defined term ("the receiving Party" where "Party" is defined) is not a variant by
    # the rule's own description: lower-case the last word then.
    rest_defined = " ".join(w[1:]) in defined or w[-1] in ("Party", "Parties")
    variant = (" ".join([w[0].lower(), *w[1:]]) if rng.random() < 0.5 and not rest_defined
               else " ".join([*w[:-1], w[-1].lower()]))
    return _insert(doc, rng, f"Each party shall protect the {variant} with due care.")


def _undefined(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    name = rng.choice(_NAMES)
    if name.lower() in doc.text.lower():
        return None
    return _insert(doc, rng, f"Supplier shall host the {name}, maintain the {name} and support the {name}.")


def _empty_definitions(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    tops = [c for c in doc.clauses if c.level == 0 and c.number and re.fullmatch(r"\d+\.", c.number)]
    if len(tops) < 3:
        return None
    last = tops[-1]
    n = int(last.number.rstrip(".")) + 1
    s = f"{n}. Definitions. In this Agreement the words below have these senses: the Platform is the hosted system."
    at = last.end
    return doc.text[:at] + "\n\n" + s + "\n\n" + doc.text[at:], [(at + 2, at + 2 + len(s))]


# -- realistic edits (issue 14): a definition lost, a reference to a section the contract lacks, a term's
#    capitals or spelling changed at one use ------------------------------------------------------------------

def _party_words(ctx: CheckContext) -> set[str]:
    return {w for p in ctx.parties for n in (p.name, *p.aliases, *([p.role] if p.role else [])) for w in (n, *n.split())}


# A definition that takes its value from a form's cover table ('"Restricted Period" means the duration specified
# in Cover Terms'), or a term the cover table lists as a row of its own ("Closing Date\n[Date ...]", "Trade
# Secrets Duration\nPerpetual"): with the "means" sentence deleted, the cover still gives the term its value.
_COVER_WORDS = re.compile(r"\b(?:Cover\s+(?:Terms|Page|Sheet)|Order\s+Form|Key\s+Terms)\b")


def cover_term(text: str, d) -> bool:  # type: ignore[no-untyped-def]
    """Whether a definition is a cover-table term: its defining words point to the cover, or the term opens a
    line of its own (a row label) outside its definition."""
    if _COVER_WORDS.search(text, d.start, d.end):
        return True
    for m in re.finditer(rf"(?m)^[ \t]*{re.escape(d.term)}\b", text):
        if d.start <= m.start() < d.end:
            continue
        eol = text.find("\n", m.end())
        if len(text[m.end(): eol if eol != -1 else len(text)]) <= 40:
            return True  # a row label ("Closing Date", "Trade Secrets Duration"), not a sentence
    return False


def _deleted_definition(doc: Document, rng: random.Random, *, cover: bool = False
                        ) -> tuple[str, list[tuple[int, int]]] | None:
    """A definition deleted in an edit: a term used four or more times loses its defining words (the whole
    '"Term" means ...' sentence, or the '(the "Term")' bracket); its uses stay. Cover-table terms (see
    :func:`cover_term`) are left out -- deleting their "means" sentence is no defect, the cover still gives the
    value -- and measured apart with ``cover=True`` (the "cover term" row: how often the rule reports them)."""
    from leverage_lens.checks.ambiguity.defined_terms import _sites
    ctx = CheckContext.build(doc)
    sites = _sites(ctx)
    party = _party_words(ctx)
    cands = [d for d in ctx.enrichment.definitions
             if len(d.uses) >= 4 and len(sites.get(d.term, ())) == 1 and len(d.term) >= 4 and d.term[0].isupper()
             and d.term not in party and not d.term.isupper() and not any(w in party for w in d.term.split())
             and d.term not in ("Agreement", "Party", "Parties")]  # "this Agreement" needs no definition
    rng.shuffle(cands)
    text = doc.text
    for d in cands:
        if cover_term(text, d) != cover:
            continue
        if d.style == "parenthetical":
            a = text.rfind("(", d.start, d.term_span.start)
            b = text.find(")", d.term_span.end, d.end + 1) + 1
            if a < 0 or b <= 0:
                continue
            while a > 0 and text[a - 1] in " \t":
                a -= 1
        else:
            a, b = text.rfind("\n", 0, d.term_span.start) + 1, d.end
            if d.term_span.start - a > 12:  # only a number may precede the term on its line: else cut at the quote
                a = d.start
            while b < len(text) and text[b] in ".; \t":
                b += 1
        if any(a <= u.start < b for u in d.uses):
            continue
        new = text[:a] + text[b:]
        shift = b - a
        uses = [(u.start - (shift if u.start >= b else 0), u.end - (shift if u.start >= b else 0)) for u in d.uses]
        return new, uses
    return None


def _roman(n: int) -> str:
    out = ""
    for v, r in ((1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"), (50, "L"), (40, "XL"),
                 (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= v:
            out, n = out + r, n - v
    return out


def _top_numbers(doc: Document) -> list[int]:
    return [int(m) for c in doc.clauses if c.level == 0 and c.number for m in re.findall(r"^\d+", c.number)]


def _missing_ref(style: str) -> Injector:
    """A reference to a section the contract does not contain, in one citation style."""
    def make(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
        nums = _top_numbers(doc)
        if len(nums) < 3:
            return None
        # a number printed nowhere in the text: the contract surely has no such section (the parse may miss some)
        free = [k for k in range(max(nums) + 3, max(nums) + 40)
                if not re.search(rf"(?<![\d.]){k}(?![\d])", doc.text) and _roman(k) not in doc.text]
        if not free:
            return None
        n = rng.choice(free)
        ref = {"Section 12.3(b)": f"Section {n}.{rng.randint(1, 9)}({rng.choice('abcdef')})",
               "Article IV": f"Article {_roman(n)}",
               "clause 7": f"clause {n}",
               "paragraph 3 above": f"paragraph {n} above"}[style]
        return _insert(doc, rng, f"Any such dispute shall be handled as provided in {ref}.")
    return make


def _missing_item(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    """A reference to an item the cited section does not have: "Section 7.2(q)" where 7.2 exists."""
    secs = [c for c in doc.clauses if c.number and re.fullmatch(r"\d{1,2}\.\d{1,2}\.?", c.number.strip())
            and c.end - c.start > 80]
    if not secs:
        return None
    c = rng.choice(secs)
    label = next((x for x in "qrstuvwxyz" if f"({x})" not in c.text and f"{x})" not in c.text), None)
    if label is None:
        return None
    return _insert(doc, rng, f"Any such dispute shall be handled as provided in Section {c.number.strip().rstrip('.')}({label}).")


def _term_uses(ctx: CheckContext, multi: bool) -> list[tuple[str, int]]:
    """(term, start) for uses of a defined term that are not inside any definition's own words."""
    from leverage_lens.checks.ambiguity.defined_terms import _sites
    sites = _sites(ctx)
    party = _party_words(ctx)
    out = []
    for d in ctx.enrichment.definitions:
        t = d.term
        words = t.split()
        if (len(words) > 1) != multi or not t.replace(" ", "").replace("-", "").isalpha() or t.isupper():
            continue
        if t in party or any(w in party for w in words) or len(sites.get(t, ())) > 1:
            continue
        out.extend((t, u.start) for u in d.uses)
    return out


def _lowered_term(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    """A multi-word defined term with its first word lower-cased at one use ("confidential Information")."""
    from leverage_lens.checks.ambiguity._health import in_uncertain
    from leverage_lens.checks.ambiguity.defined_terms import _sites
    ctx = CheckContext.build(doc)
    defined = {d.term for d in ctx.enrichment.definitions} | set(_sites(ctx))
    uses = [(t, a) for t, a in _term_uses(ctx, multi=True)
            if t.split()[0][0].isupper() and t.split()[0][1:].islower() and " ".join(t.split()[1:]) not in defined
            and not in_uncertain(ctx, a)
            and t.split()[-1] not in ("Party", "Parties") and t.split()[0].lower() not in ("the", "a", "an")]
    if not uses:
        return None
    t, a = rng.choice(uses)
    w = t.split()[0]
    text = doc.text[:a] + w[0].lower() + doc.text[a + 1:]
    return text, [(a, a + len(t))]


def _misspelt_term(doc: Document, rng: random.Random) -> tuple[str, list[tuple[int, int]]] | None:
    """A defined term misspelt at one use: two inner letters swapped, one dropped or one doubled."""
    from leverage_lens.checks.ambiguity._health import in_uncertain
    ctx = CheckContext.build(doc)
    uses = [(t, a) for multi in (True, False) for t, a in _term_uses(ctx, multi)
            if any(len(w) >= 6 for w in t.split()) and not in_uncertain(ctx, a)]
    if not uses:
        return None
    t, a = rng.choice(uses)
    words = t.split()
    k = rng.choice([i for i, w in enumerate(words) if len(w) >= 6])
    w = words[k]
    i = rng.randint(2, len(w) - 3)
    kind = rng.choice(["swap", "drop", "double"])
    if kind == "swap" and w[i] != w[i + 1]:
        bad = w[:i] + w[i + 1] + w[i] + w[i + 2:]
    elif kind == "drop":
        bad = w[:i] + w[i + 1:]
    else:
        bad = w[:i] + w[i] + w[i:]
    words[k] = bad
    new_t = " ".join(words)
    if new_t == t:
        return None
    seg = doc.text[a: a + len(t)]
    if " ".join(seg.split()) != t:
        return None
    text = doc.text[:a] + new_t + doc.text[a + len(t):]
    return text, [(a, a + len(new_t))]


#: The row that measures cover-table terms apart: deleting their "means" sentence is no defect, so this row shows
#: how often the rule reports one anyway (lower is better); it is not a recall and is left out of "lowest share".
COVER_ROW = "definition deleted, cover term (no defect)"

INJECTIONS: dict[str, tuple[str, Injector]] = {
    "words/digits mismatch": ("ambiguity.number_words_digits_mismatch", _sentence(_mismatch)),
    "impossible date": ("ambiguity.impossible_date", _sentence(_bad_date)),
    "days unqualified": ("ambiguity.days_unqualified", _sentence(
        lambda r: f"Supplier shall deliver the report within {r.choice([5, 7, 10, 15])} days after each quarter.")),
    "period without start": ("ambiguity.period_without_start", _sentence(
        lambda r: f"Supplier shall deliver the final report within {r.choice([5, 10, 15, 30])} days.")),
    "and/or": ("ambiguity.and_or", _sentence(  # issue 14: the rule reads and/or between names and terms
        lambda r: r.choice(["Supplier and/or Customer may extend the Term.",
                            "The Licensor and/or its Affiliates shall deliver the Materials."]))),
    "mixed efforts": ("ambiguity.mixed_efforts", _sentence(
        lambda r: "Supplier shall use best efforts to deliver and reasonable efforts to install the goods.")),
    "vague standard": ("ambiguity.vague_standard", _sentence(
        lambda r: f"Supplier shall {r.choice(['promptly', 'forthwith', 'as soon as practicable'])} "
        "replace any defective goods.")),  # issue 14: the rule reads duties whose timing matters
    "obligation without actor": ("ambiguity.obligation_without_actor", _sentence(
        lambda r: r.choice(["The costs of any product recall shall be borne as incurred.",
                            "Complete records of all shipments shall be kept for five years."]))),
    "placeholder": ("ambiguity.placeholder", _sentence(_placeholder)),
    "blank": ("ambiguity.blank", _sentence(_blank)),
    "unbalanced bracket": ("ambiguity.unbalanced_brackets", _unbalanced),
    "numbering skipped": ("ambiguity.numbering_skipped", lambda d, r: _renumber(d, r, duplicate=False)),
    "numbering duplicated": ("ambiguity.numbering_duplicated", lambda d, r: _renumber(d, r, duplicate=True)),
    "missing section": ("ambiguity.xref_missing_section", _missing_section),
    "heading mismatch": ("ambiguity.xref_heading_mismatch", _heading_mismatch),
    "circular subject-to": ("ambiguity.xref_circular", _circular),
    "missing attachment": ("ambiguity.xref_missing_attachment", _missing_attachment),
    "currency unspecified": ("ambiguity.currency_unspecified", _currency),
    "term defined twice": ("ambiguity.term_defined_twice", _defined_twice),
    "term unused": ("ambiguity.term_unused", _unused),
    "term used before definition": ("ambiguity.term_used_before_definition", _before_definition),
    "term variant": ("ambiguity.term_variant", _variant),
    "term undefined": ("ambiguity.term_undefined", _undefined),
    "definitions section empty": ("ambiguity.definitions_section_empty", _empty_definitions),
    # issue 14: realistic edits
    "definition deleted": ("ambiguity.term_undefined", _deleted_definition),
    COVER_ROW: ("ambiguity.term_undefined", lambda d, r: _deleted_definition(d, r, cover=True)),
    "missing section \"Section 12.3(b)\"": ("ambiguity.xref_missing_section", _missing_ref("Section 12.3(b)")),
    "missing article \"Article IV\"": ("ambiguity.xref_missing_section", _missing_ref("Article IV")),
    "missing clause \"clause 7\"": ("ambiguity.xref_missing_section", _missing_ref("clause 7")),
    "missing paragraph \"paragraph 3 above\"": ("ambiguity.xref_missing_section", _missing_ref("paragraph 3 above")),
    "missing item \"Section 7.2(q)\"": ("ambiguity.xref_missing_section", _missing_item),
    "defined term lower-cased": ("ambiguity.term_variant", _lowered_term),
    "defined term misspelt": ("ambiguity.term_variant", _misspelt_term),
}


def _hits(findings: list, spans: list[tuple[int, int]]) -> bool:
    for f in findings:
        for a, b in [(f.start, f.end), *((e.start, e.end) for e in f.evidence)]:
            if any(a < y and x < b for x, y in spans):
                return True
    return False


def inject(docs: list[Document], seed: int, show_misses: bool = False, only: str | None = None,
           seeds: int = 1) -> dict[str, Counter]:
    reg = Registry()
    out: dict[str, Counter] = defaultdict(Counter)
    untouched: dict[int, CheckContext] = {}
    for kind, (rule_id, make) in INJECTIONS.items():
        if only and only not in kind:
            continue
        rule = reg.get(rule_id)
        for i, doc in enumerate(docs):
            for k in range(seeds):
                rng = random.Random(f"{seed}-{kind}-{i}" + (f"-{k}" if k else ""))
                out[kind][_inject_one(rule, make, doc, i, rng, untouched, show_misses, kind)] += 1
        out[kind]["injected"] = out[kind]["detected"] + out[kind]["missed"]
    return out


def _inject_one(rule, make: Injector, doc: Document, i: int, rng: random.Random,  # type: ignore[no-untyped-def]
                untouched: dict[int, CheckContext], show_misses: bool, kind: str) -> str:
    """One injected defect: "detected", "missed" or "not_applicable"."""
    got = make(doc, rng)
    if got is None:
        return "not_applicable"
    text, spans = got
    ctx = CheckContext.build(leverage_lens.parse_text(text))
    if i not in untouched:
        untouched[i] = CheckContext.build(leverage_lens.parse_text(doc.text))
    if not _applicable(rule.id, ctx, untouched[i]):
        return "not_applicable"
    fs = rule.run(ctx)
    if _hits(fs, spans):
        return "detected"
    if show_misses:
        a, b = spans[0]
        print(f"MISS {kind} in {doc.name} ({text[a:b]!r}): ...{text[max(0, a - 150): b + 60]!r}")
        print("   findings:", [(f.quote[:60], f.message[:80]) for f in fs][:4])
    return "missed"


_GATED = ("ambiguity.xref_missing_section", "ambiguity.xref_heading_mismatch", "ambiguity.xref_circular",
          "ambiguity.numbering_skipped", "ambiguity.numbering_duplicated")


def _applicable(rule_id: str, ctx: CheckContext, untouched: CheckContext | None = None) -> bool:
    """The rule's own precondition holds on the injected copy (see each rule's description). Parse health is
    read on the untouched contract: a gate the injected defect itself trips is a miss, not "not applicable"."""
    if rule_id in _GATED and untouched is not None:
        from leverage_lens.checks.ambiguity._health import numbering_recognised
        return numbering_recognised(untouched)
    if rule_id == "ambiguity.days_unqualified":
        from leverage_lens.checks.ambiguity.dates import VERY_SHORT_PERIOD, day_defined
        if day_defined(ctx):
            return False
        # round 5: a period over 10 days is short only where the contract counts other periods in business days
        m = re.search(r"within (\d+) days after each quarter", ctx.text)
        low = ctx.text.lower()
        return m is None or int(m.group(1)) <= VERY_SHORT_PERIOD or any(
            k in low for k in ("business day", "working day", "banking day"))
    if rule_id == "ambiguity.term_undefined":
        from leverage_lens.checks.ambiguity.defined_terms import _REFERS_ELSEWHERE
        return len(ctx.enrichment.definitions) >= 3 and not _REFERS_ELSEWHERE.search(ctx.text)
    return True


def noise_and_speed(docs: list[Document], sample_out: Path | None, seed: int) -> None:
    reg = Registry()
    amb = reg.rules("ambiguity")
    chars = sum(len(d.text) for d in docs)
    ctxs = []
    t0 = time.perf_counter()
    for d in docs:
        ctx = CheckContext.build(d, enrich(d))
        _ = ctx.sentences
        ctxs.append(ctx)
    t_enrich = time.perf_counter() - t0
    counts: Counter = Counter()
    per_rule_time: Counter = Counter()
    found: dict[str, list] = defaultdict(list)
    t1, c1 = time.perf_counter(), time.process_time()
    for d, ctx in zip(docs, ctxs):
        for r in amb:
            ta = time.perf_counter()
            fs = r.run(ctx)
            per_rule_time[r.id] += time.perf_counter() - ta
            counts[r.id] += len(fs)
            found[r.id].extend((d, f) for f in fs)
    t_amb, cpu_amb = time.perf_counter() - t1, time.process_time() - c1
    print(f"\nNoise on {len(docs)} untouched contracts ({chars:,} chars); load average {os.getloadavg()[0]:.2f}")
    print(f"{'rule':45} {'severity':8} {'findings':>8} {'per 10k chars':>13}")
    for r in amb:
        print(f"{r.id:45} {r.severity.value:8} {counts[r.id]:8d} {counts[r.id] / chars * 1e4:13.2f}")
    print(f"\nambiguity rules alone: {chars / t_amb / 1e6:.2f} M chars/s wall, {chars / cpu_amb / 1e6:.2f} M chars/s "
          "of CPU time (one core) "
          f"(enrich + sentences, shared with other rules: {chars / t_enrich / 1e6:.2f} M chars/s)")
    slow = sorted(per_rule_time.items(), key=lambda kv: -kv[1])[:3]
    print("slowest rules: " + ", ".join(f"{k} {chars / v / 1e6:.1f} M chars/s" for k, v in slow))
    if sample_out:
        rng = random.Random(seed)
        with sample_out.open("w", encoding="utf-8") as fh:
            for r in amb:
                items = found[r.id][:]
                rng.shuffle(items)
                for d, f in items[:60]:
                    fh.write(json.dumps({"doc": d.name, "rule": f.rule, "severity": f.severity.value, "id": f.id,
                                         "clause_id": f.clause_id, "start": f.start, "end": f.end, "quote": f.quote,
                                         "message": f.message,
                                         "context": " ".join(d.text[max(0, f.start - 200): f.end + 200].split())},
                                        ensure_ascii=False) + "\n")
        print(f"wrote a review sample to {sample_out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=100)
    ap.add_argument("--offset", type=int, default=0, help="skip the first N contracts (sorted by name)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--skip-injection", action="store_true")
    ap.add_argument("--sample-out", type=Path)
    ap.add_argument("--show-misses", action="store_true", help="print each injected defect that was not found")
    ap.add_argument("--only", help="only injection types whose name contains this")
    ap.add_argument("--set", choices=["range", "tuning", "held-out"], default="range",
                    help="range: CUAD texts --offset/--limit; tuning / held-out: the sets of bench/drafting_sets.py "
                    "(CUAD texts, then DOCX forms; --limit caps each)")
    ap.add_argument("--seeds", type=int, default=1, help="injections of each type per contract (different places)")
    args = ap.parse_args()
    if args.set == "range":
        paths = sorted((args.data / "cuad" / "txt").glob("*.txt"))[args.offset: args.offset + args.limit]
        docs = [leverage_lens.parse_text(p.read_text(encoding="utf-8"), name=p.name) for p in paths]
    else:
        import drafting_sets
        cuad = drafting_sets.cuad(args.set, args.data)[args.offset: args.offset + args.limit]
        forms = drafting_sets.docx(args.set, args.data)[: args.limit]
        docs = [leverage_lens.parse_text(p.read_text(encoding="utf-8"), name=p.name) for p in cuad]
        root = args.data / "docx" / "templates"
        docs += [leverage_lens.parse(p).model_copy(update={"name": str(p.relative_to(root))}) for p in forms]
    if not args.skip_injection:
        res = inject(docs, args.seed, args.show_misses, args.only, args.seeds)
        print(f"Defect injection on {len(docs)} contracts (set {args.set}, seed {args.seed}, {args.seeds} per contract)")
        print(f"{'defect type':38} {'rule':42} {'injected':>8} {'detected':>8} {'share':>6} {'n/a':>4}")
        worst = 1.0
        for kind, (rule_id, _) in INJECTIONS.items():
            if args.only and args.only not in kind:
                continue
            c = res[kind]
            share = c["detected"] / c["injected"] if c["injected"] else float("nan")
            worst = min(worst, share) if c["injected"] and kind != COVER_ROW else worst
            print(f"{kind:38} {rule_id:42} {c['injected']:8d} {c['detected']:8d} {share:6.3f} {c['not_applicable']:4d}")
        print(f"lowest share: {worst:.3f}")
    noise_and_speed(docs, args.sample_out, args.seed)


if __name__ == "__main__":
    main()
