"""Synthetic version pairs from real contracts, with the truth of every edit (for bench/eval_compare.py).

A pair is built from one CUAD contract: the old version is the contract's text as it is; the new version is
the same text after edits a negotiator makes, each recorded with where it lands:

* ``move``: a top-level section moved further down (the sections after it renumbered);
* ``split``: a top-level section cut in two at a sentence boundary, the second half a new numbered section;
* ``merge``: a top-level section's number removed, so its text joins the section before;
* ``number``: an amount or period changed ("thirty (30)" -> "forty-five (45)", "$1,000" -> "$2,000");
* ``duty``: a party's duty changed ("shall" -> "may", or the acting party swapped);
* ``one_sided``: a one-sided sentence in one party's favour inserted (the truth names that party);
* ``definition``: a definition sentence deleted;
* ``renumber``: every top-level number (and its sub-numbers) rewritten to the final order.

The new text is assembled from copied runs of the old text and inserted strings, so every character of the new
version knows where it came from (``Pair.runs``: ``(new_start, old_start, length)``). The evaluation derives the
true clause alignment from that provenance, not from any similarity measure.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field

from leverage_lens.model import Clause, Report

__all__ = ["ONE_SIDED_TEMPLATES", "Edit", "Pair", "build_pair"]

ONE_SIDED_TEMPLATES = (
    "{A} may terminate this Agreement at any time, for any reason or no reason, upon written notice to {B}.",
    "{B} shall indemnify, defend and hold harmless {A} from and against any and all claims, losses and damages "
    "arising out of or relating to this Agreement.",
    "{A} may assign this Agreement without the consent of {B}.",
    "{B} shall not, during the term of this Agreement and for two (2) years thereafter, engage in any business "
    "that competes with {A}.",
    "{A} may audit the books and records of {B} at any time.",
    "{A} may change the fees payable under this Agreement at any time in its sole discretion.",
)

_NUMBER_EDITS = (
    (re.compile(r"\bthirty \(30\)"), "forty-five (45)"), (re.compile(r"\bsixty \(60\)"), "ninety (90)"),
    (re.compile(r"\bten \(10\)"), "five (5)"), (re.compile(r"\bninety \(90\)"), "thirty (30)"),
    (re.compile(r"\$\s?(\d{1,3}(?:,\d{3})+)"), None), (re.compile(r"\b(\d{1,3}) days\b"), None),
    (re.compile(r"\b(\d{1,2})%"), None),
)


@dataclass
class Edit:
    """One injected edit: kind, old offsets it replaces, the text put there, and what the truth says."""

    kind: str
    old_start: int
    old_end: int
    text: str = ""
    favors: str | None = None  # one_sided: the party name the sentence favours
    new_start: int = -1  # filled in when the new text is assembled
    new_end: int = -1
    block: int | None = None  # move: the block moved
    reach: int = -1  # move: old offset where the sections it jumped over end


@dataclass
class Pair:
    doc_id: str
    old_text: str
    new_text: str
    edits: list[Edit]
    runs: list[tuple[int, int, int]] = field(default_factory=list)  # (new_start, old_start, length)


def _blocks(report: Report) -> list[tuple[int, int, Clause | None]]:
    """The text cut at each numbered top-level clause: (start, end, clause or None for the front matter)."""
    doc = report.document
    tops = [c for c in doc.clauses if c.parent_id is None and c.number and re.fullmatch(r"\d{1,2}\.?", c.number)
            and c.number_span is not None]
    cuts = [(c.start, c) for c in tops]
    out: list[tuple[int, int, Clause | None]] = []
    if not cuts or cuts[0][0] > 0:
        out.append((0, cuts[0][0] if cuts else len(doc.text), None))
    for i, (s, c) in enumerate(cuts):
        out.append((s, cuts[i + 1][0] if i + 1 < len(cuts) else len(doc.text), c))
    return out


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Whole sentences: a capital after the end of the previous sentence (not after a clause number, a list
    marker or an open parenthesis, where a cut would only renumber a sub-clause)."""
    out = []
    for m in re.finditer(r"[A-Z][^.;]{40,600}?[.;](?=\s+[A-Z(]|\s*$)", text[start:end]):
        before = text[max(0, start + m.start() - 4):start + m.start()]
        if re.search(r"[a-z)\"\u201d][.;:][\"\u201d]?\s+$", before):
            out.append((start + m.start(), start + m.end()))
    return out


def _free(edits: list[Edit], s: int, e: int) -> bool:
    return all(e <= x.old_start or s >= x.old_end for x in edits) and all(
        not (x.old_start == x.old_end and s <= x.old_start <= e) for x in edits)


def _party_names(report: Report) -> list[str]:
    """Two principal parties as the contract calls them (alias first: "Consultant" rather than the full name)."""
    count: dict[str, int] = {}
    for o in report.obligations:
        if o.actor:
            count[o.actor] = count.get(o.actor, 0) + 1
    principal = [p for p in report.parties if p.principal]  # the sides of the deal, not entities it names
    parties = sorted(principal, key=lambda p: -count.get(p.id, 0))[:2]
    names = []
    for p in parties:
        short = [a for a in p.aliases if a[:1].isupper() and len(a) > 2]
        names.append(short[0] if short else p.name)
    return names


def build_pair(doc_id: str, report: Report, seed: int) -> Pair | None:
    """A new version of ``report``'s contract with one edit of each kind where the text allows it."""
    rng = random.Random(seed)
    text = report.document.text
    blocks = _blocks(report)
    numbered = [i for i, b in enumerate(blocks) if b[2] is not None]
    if len(numbered) < 6:
        return None
    edits: list[Edit] = []
    body = [i for i in numbered[1:-1]]
    rng.shuffle(body)
    # split: a section with at least four sentences is cut before its middle sentence
    for i in body:
        s, e, c = blocks[i]
        sents = _sentences(text, (c.number_span.end if c and c.number_span else s), e)
        if len(sents) >= 4:
            cut = sents[len(sents) // 2][0]
            edits.append(Edit("split", cut, cut, text="\n\n{N}. "))
            break
    # merge: a section's number (and the blank before it) removed, joining it to the previous section
    for i in body:
        s, e, c = blocks[i]
        if c is None or c.number_span is None or any(x.kind == "split" and s <= x.old_start < e for x in edits) \
                or i - 1 not in numbered:
            continue
        if _free(edits, c.number_span.start, c.number_span.end) and blocks[i - 1][2] is not None:
            edits.append(Edit("merge", c.number_span.start, c.number_span.end, text="", block=i))
            break
    parties = _party_names(report)
    kinds = ["number", "duty", "one_sided", "definition"]
    for kind in kinds:
        edit = _content_edit(kind, report, blocks, body, edits, rng, parties)
        if edit is not None:
            edits.append(edit)
    # move: one section (not split or merged) moved two to five places down
    merged_blocks = {x.block for x in edits if x.kind == "merge"}
    movable = [i for i in body if i not in merged_blocks and i + 1 not in merged_blocks
               and i + 1 < len(blocks) and not any(x.kind in ("split",) and blocks[i][0] <= x.old_start < blocks[i][1]
                                                   for x in edits)]
    order = list(range(len(blocks)))
    if movable:
        i = movable[0]
        dest = min(i + rng.randint(2, 5), numbered[-1])
        if dest > i and not any(x.block in range(i + 1, dest + 2) for x in edits if x.kind == "merge"):
            order.remove(i)
            order.insert(order.index(dest) + 1, i)
            edits.append(Edit("move", blocks[i][0], blocks[i][1], block=i, reach=blocks[dest][1]))
    return _assemble(doc_id, text, blocks, order, edits, report)


def _content_edit(kind: str, report: Report, blocks: list[tuple[int, int, Clause | None]], body: list[int],
                  edits: list[Edit], rng: random.Random, parties: list[str]) -> Edit | None:
    text = report.document.text
    lo, hi = blocks[body[0]][0] if body else 0, len(text)
    lo = min(blocks[i][0] for i in body) if body else 0
    hi = max(blocks[i][1] for i in body) if body else len(text)
    if kind == "number":
        for pattern, repl in _NUMBER_EDITS:
            hits = [m for m in pattern.finditer(text, lo, hi) if _free(edits, m.start() - 2, m.end() + 2)]
            if hits:
                m = rng.choice(hits)
                new = repl if repl is not None else m.group().replace(m.group(1), _bump(m.group(1)))
                return Edit("number", m.start(), m.end(), text=new)
        return None
    if kind == "duty":
        hits = [m for m in re.finditer(r"\b(shall|will)\b(?! not)", text[lo:hi]) if _free(
            edits, lo + m.start() - 2, lo + m.end() + 2)]
        if hits:
            m = rng.choice(hits)
            return Edit("duty", lo + m.start(), lo + m.end(), text="may")
        return None
    if kind == "one_sided":
        if len(parties) < 2:
            return None
        a, b = parties if rng.random() < 0.5 else parties[::-1]
        sentence = rng.choice(ONE_SIDED_TEMPLATES).format(A=a, B=b)
        ends = [m.end() for m in re.compile(r"[a-z)]\.(?=\n)").finditer(text, lo, hi)
                if _free(edits, m.end() - 1, m.end() + 1)]
        if not ends:
            return None
        at = rng.choice(ends)
        return Edit("one_sided", at, at, text=" " + sentence, favors=a)
    if kind == "definition":
        defs = [d for d in report.definitions if d.style in ("quoted", "means") and lo <= d.start and d.end <= hi
                and 30 < d.end - d.start < 800 and _free(edits, d.start - 1, d.end + 1)]
        if defs:
            d = rng.choice(defs)
            return Edit("definition", d.start, d.end, text="")
    return None


def _bump(number: str) -> str:
    digits = number.replace(",", "")
    value = int(digits) * 2 if int(digits) < 50 or "," in number else int(digits) + 15
    return f"{value:,}" if "," in number else str(value)


def _assemble(doc_id: str, text: str, blocks: list[tuple[int, int, Clause | None]], order: list[int],
              edits: list[Edit], report: Report) -> Pair:
    """Write the new text: blocks in the new order, edits applied, top-level numbers renumbered in order."""
    merged = {x.block for x in edits if x.kind == "merge"}
    # final numbering: numbered blocks in new order (a merged block loses its number; a split adds one)
    relabel: list[Edit] = []
    counter = 0
    split_numbers: dict[int, str] = {}
    for bi in order:
        s, e, c = blocks[bi]
        if c is None or bi in merged:
            continue
        counter += 1
        old_num = c.number.rstrip(".") if c.number else ""
        new_num = str(counter)
        if new_num != old_num and c.number_span is not None:
            span_text = text[c.number_span.start:c.number_span.end]
            relabel.append(Edit("renumber", c.number_span.start, c.number_span.end,
                                text=span_text.replace(old_num, new_num, 1)))
            for sub in report.document.clauses:  # "5.1" -> "6.1" inside the moved/renumbered section
                if s < sub.start < e and sub.number and sub.number.startswith(old_num + ".") and sub.number_span:
                    t = text[sub.number_span.start:sub.number_span.end]
                    if _free(edits + relabel, sub.number_span.start, sub.number_span.end):
                        relabel.append(Edit("renumber", sub.number_span.start, sub.number_span.end,
                                            text=t.replace(old_num + ".", new_num + ".", 1)))
        for x in edits:
            if x.kind == "split" and s <= x.old_start < e:
                counter += 1
                split_numbers[id(x)] = str(counter)
    all_edits = sorted(edits + relabel, key=lambda x: (x.old_start, x.old_end))
    new_parts: list[str] = []
    runs: list[tuple[int, int, int]] = []
    pos = 0
    for bi in order:
        s, e, _ = blocks[bi]
        cur = s
        for x in all_edits:
            if x.kind == "move" or not s <= x.old_start < e:
                continue
            if x.old_start > cur:
                runs.append((pos, cur, x.old_start - cur))
                new_parts.append(text[cur:x.old_start])
                pos += x.old_start - cur
            insert = x.text.replace("{N}", split_numbers.get(id(x), "")) if x.kind == "split" else x.text
            x.new_start, x.new_end = pos, pos + len(insert)
            new_parts.append(insert)
            pos += len(insert)
            cur = max(cur, x.old_end)
        if e > cur:
            runs.append((pos, cur, e - cur))
            new_parts.append(text[cur:e])
            pos += e - cur
        if not text[s:e].endswith("\n"):  # a moved last block keeps a line break before the next one
            new_parts.append("\n")
            pos += 1
    for x in edits:
        if x.kind == "move":
            x.new_start, x.new_end = _mapped(runs, x.old_start), _mapped(runs, x.old_end - 1) + 1
    return Pair(doc_id, text, "".join(new_parts), edits + relabel, runs)


def _mapped(runs: list[tuple[int, int, int]], old: int) -> int:
    """New offset of the old character ``old``, or of the first copied character after it (a replaced
    number label at a section's start has no copy of its own)."""
    after = [(os_, ns) for ns, os_, n in runs if os_ > old]
    for ns, os_, n in runs:
        if os_ <= old < os_ + n:
            return ns + old - os_
    return min(after)[1] if after else -1
