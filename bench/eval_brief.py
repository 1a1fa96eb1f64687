"""Right values of the brief's key terms on CUAD, per field, with every miss listed (issue 15).

One scorer, the measure of issue 15: for each field, **right value / contracts whose gold has one** (CUAD's
normalised answer in ``contracts.jsonl``), and **a value given where the gold is empty** / contracts whose
gold is empty. The contracts are split by :func:`leverage_lens.evaluate.data.part_of` (a hash of the id):
tune on ``train`` and ``dev``; ``held-out`` is looked at only to report.

How CUAD's answers are read and compared:

* dates ``M/D/YYYY`` as ISO days; a date with a blank part (``[]/[]/2004``) is right when the brief says the
  date is left blank; several answers (``a; b``) are right when the brief gives any of them;
* expiration ``perpetual`` is right when the brief says the term has no fixed end (perpetual, or until
  terminated). A term that ends with an event ("until the expiration of the Royalty Term") or with another
  agreement ("co-terminous with the Credit Agreement") is no answer in CUAD's vocabulary: its annotators
  leave most such contracts empty (9 of 13 on train+dev) and call a few "perpetual", so the brief's reading
  (``Term.kind`` ``until_event``/``coterminous``, shown to users as such) is scored as no value;
* an answer written day first ("31/01/2025", a first number over 12) is read as day/month/year;
* a gold year before 1950 is read as 20xx: CUAD's answers went through a two-digit-year conversion that
  turned 2030 into 1930 (an expiry "6/11/1930" for a 2015 contract running fifteen years);
* a renewal only by the parties' agreement is no renewal term (CUAD: "automatic extensions and unilateral
  extensions with prior notice");
* durations (renewal term, notice period) as ISO durations: "successive 1 year" = ``P1Y``; 12 months and
  1 year are the same; renewal ``perpetual`` is right when the brief says the contract continues until
  terminated after the initial term;
* a notice period the brief says is redacted ("[* * *] days") or left blank is right where CUAD's answer
  is a blank ("[]");
* where the gold is empty, the brief saying the draft leaves the value blank is no value given (it gives
  none); it is still listed among the misses;
* governing law by name: either contains the other, case-folded, for any part of ``England; Wales``; a
  jurisdiction the brief says is redacted or left blank is right where CUAD's answer has no name ("[* * *]").

    python bench/eval_brief.py --parts train,dev [--cache /tmp/kt/cache] [--misses misses.md]
    python bench/eval_brief.py --parts held-out --misses bench/labels/brief_misses_heldout.md

``--cache DIR`` reads pickled :class:`~leverage_lens.analysis.Analysis` objects (``--build-cache`` writes
them) so the brief can be re-scored in seconds while tuning; without it every contract is analysed afresh.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import pickle
import platform
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from leverage_lens import Analyzer, parse_text
from leverage_lens.brief import build_brief
from leverage_lens.enrich.periods import parse_duration
from leverage_lens.evaluate.data import part_of
from leverage_lens.model import Brief

ROOT = Path(__file__).resolve().parents[1]
FIELDS = ("Agreement Date", "Effective Date", "Expiration Date", "Renewal Term",
          "Notice Period to Terminate Renewal", "Governing Law")
TARGETS = {"Agreement Date": 0.85, "Effective Date": 0.85, "Expiration Date": 0.80, "Renewal Term": 0.85,
           "Notice Period to Terminate Renewal": 0.85, "Governing Law": 0.95}
BLANK, NO_END = "blank", "no fixed end"


# ------------------------------------------------------------------------------------------- gold ----

def gold_dates(answer: str) -> set[str]:
    """CUAD's date answer as ISO days, ``blank`` for a date with a blank part, ``no fixed end``."""
    out: set[str] = set()
    for part in (answer or "").split(";"):
        part = part.strip()
        if not part:
            continue
        if part.lower() == "perpetual":
            out.add(NO_END)
            continue
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", part)
        if m:
            year = int(m.group(3))
            year += 100 if year < 1950 else 0  # "1934" for 2034 (see the module docstring)
            first, second = int(m.group(1)), int(m.group(2))
            if first > 12 >= second:  # "31/01/2025": a few answers are written day first
                first, second = second, first
            try:
                out.add(dt.date(year, first, second).isoformat())
            except ValueError:
                out.add(BLANK)
        elif "[" in part:
            out.add(BLANK)
    return out


def iso_of(text: str) -> str | None:
    d = parse_duration(text)
    return None if d is None else d.iso


def same_duration(a: str, b: str) -> bool:
    """ISO durations equal, counting 12 months as a year and 7 days as a week."""
    def norm(v: str) -> tuple[int, str]:
        m = re.fullmatch(r"P(\d+)([DWMY])", v)
        if not m:
            return (0, v)
        n, u = int(m.group(1)), m.group(2)
        if u == "Y":
            return (n * 12, "M")
        if u == "W":
            return (n * 7, "D")
        return (n, u)
    return norm(a) == norm(b)


def gold_durations(answer: str) -> set[str]:
    out: set[str] = set()
    for part in re.split(r";|/(?=\s*\d)", answer or ""):
        part = part.strip()
        if not part:
            continue
        if part.lower() == "perpetual":
            out.add(NO_END)
            continue
        if "[" in part and not re.search(r"\d", part):
            out.add(BLANK)
            continue
        cleaned = re.sub(r"(?i)\b(?:succes+i\w*|succesive|sucessive|successine|\d+\s+(?=succes)|[a-z]+\s+(?=successive))\s*",
                         "", part)
        iso = iso_of(cleaned) or iso_of(part)
        if iso is None:  # "(3) months", "90) days": a bracket left over from the annotation
            m = re.search(r"(\d+)\)?\s*(day|week|month|year)", part, re.IGNORECASE)
            iso = f"P{m.group(1)}{m.group(2)[0].upper()}" if m else None
        if iso:
            out.add(iso)
    return out


def gold_laws(answer: str) -> set[str]:
    """Each jurisdiction named, without the country a state or province is in ("Ontario, Canada")."""
    out = set()
    for p in (answer or "").split(";"):
        p = re.sub(r"(?i)^(?:the\s+)?(?:state|province|commonwealth)\s+of\s+", "", p.strip())
        p = re.sub(r"(?i),\s*(?:canada|united kingdom|usa|united states|australia)$", "", p)
        if p:
            out.add(p.lower())
    return out


# ------------------------------------------------------------------------------------------- ours ----

def _date_of(term: Any) -> str | None:
    if term is None:
        return None
    if term.value:
        return str(term.value)
    if term.detail == "left blank":
        return BLANK
    return None


def ours(brief: Brief, name: str) -> str | None:
    """The brief's value for a CUAD field, in the scorer's vocabulary (None: not given)."""
    term = getattr(brief, "term", None)
    r = brief.renewal
    if name == "Agreement Date":
        return _date_of(brief.agreement_date)
    if name == "Effective Date":
        return _date_of(brief.effective_date)
    if name == "Expiration Date":
        if term is not None and term.kind in ("perpetual", "until_terminated"):
            return NO_END
        if term is not None and term.kind in ("until_event", "coterminous"):
            return None
        if term is not None and term.ends:
            return str(term.ends)
        if term is not None and term.kind == "left_blank":
            return BLANK
        return _date_of(brief.expiration_date)
    if name == "Renewal Term":
        if r is None or (r.term.detail or "").startswith("by agreement"):
            return None  # CUAD counts automatic and unilateral extensions only, not renewal by agreement
        if r.term.value:
            return str(r.term.value)
        if getattr(r, "until_terminated", False):
            return NO_END
        return None
    if name == "Notice Period to Terminate Renewal":
        if r is None or r.notice is None:
            return None
        if r.notice.value:
            return str(r.notice.value)
        return BLANK if r.notice.detail in ("redacted", "left blank") else None
    if name == "Governing Law":
        law = brief.governing_law
        if law is not None and not law.value and law.detail in ("redacted", "left blank"):
            return BLANK
        return law.value if law is not None else None
    raise KeyError(name)


def right(name: str, value: str | None, answer: str) -> bool:
    if value is None:
        return False
    if name in ("Agreement Date", "Effective Date", "Expiration Date"):
        return value in gold_dates(answer)
    if name in ("Renewal Term", "Notice Period to Terminate Renewal"):
        gold = gold_durations(answer)
        return value in gold or any(same_duration(value, g) for g in gold)
    if value == BLANK:  # a redacted or blank jurisdiction: CUAD's "[* * *]" or "[]"
        return not re.search(r"[A-Za-z]", answer)
    a = value.lower()
    return any(a in g or g in a or (g in a.split(" and ")) for g in gold_laws(answer))


# ------------------------------------------------------------------------------------------- runs ----

@dataclass
class FieldScore:
    with_gold: int = 0
    right: int = 0
    empty_gold: int = 0
    given_on_empty: int = 0
    misses: list[str] = field(default_factory=list)


def analyses(doc_ids: Iterable[str], data: Path, cache: Path | None) -> Iterable[tuple[str, Any]]:
    analyzer = Analyzer()
    for doc_id in doc_ids:
        path = cache / f"{doc_id}.pkl" if cache else None
        if path is not None and path.exists():
            yield doc_id, pickle.loads(path.read_bytes())
            continue
        text = (data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        an = analyzer.analysis(parse_text(text, name=doc_id))
        if path is not None:
            an.cache.clear()
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(pickle.dumps(an))
        yield doc_id, an


def score(doc_ids: list[str], data: Path, answers: dict[str, dict[str, str]], cache: Path | None,
          as_of: dt.date, brief_of: Callable[[Any], Brief] | None = None) -> dict[str, FieldScore]:
    scores = {name: FieldScore() for name in FIELDS}
    for doc_id, an in analyses(doc_ids, data, cache):
        brief = brief_of(an) if brief_of else build_brief(an, [])
        for name in FIELDS:
            answer = (answers[doc_id] or {}).get(name) or ""
            value = ours(brief, name)
            s = scores[name]
            if answer.strip():
                s.with_gold += 1
                ok = right(name, value, answer)
                s.right += ok
                if not ok:
                    s.misses.append(f"{doc_id}: gold {answer!r}, ours {value!r}")
            else:
                s.empty_gold += 1
                if value is not None:
                    s.given_on_empty += value != BLANK  # "left blank" gives no value
                    s.misses.append(f"{doc_id}: gold empty, ours {value!r}")
    return scores


def table(title: str, scores: dict[str, FieldScore]) -> str:
    rows = [title, "", "| field | right value / gold has one | target | value given where gold is empty |",
            "| --- | ---: | ---: | ---: |"]
    for name, s in scores.items():
        rate = s.right / s.with_gold if s.with_gold else float("nan")
        fp = s.given_on_empty / s.empty_gold if s.empty_gold else float("nan")
        rows.append(f"| {name} | {rate:.2f} ({s.right}/{s.with_gold}) | {TARGETS[name]:.2f} | "
                    f"{fp:.2f} ({s.given_on_empty}/{s.empty_gold}) |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--parts", default="train,dev", help="comma-separated parts: train, dev, held-out")
    ap.add_argument("--cache", type=Path, help="pickled analyses (read, and written when missing)")
    ap.add_argument("--as-of", default="2024-01-01", help="the as_of date of the deadlines (default 2024-01-01)")
    ap.add_argument("--misses", type=Path, help="write every miss, per field, to this Markdown file")
    ap.add_argument("--limit", type=int, default=0, help="only the first N contracts of the parts")
    args = ap.parse_args(argv)
    parts = {p.strip() for p in args.parts.split(",")}
    answers: dict[str, dict[str, str]] = {}
    for line in (args.data / "cuad" / "contracts.jsonl").open(encoding="utf-8"):
        row = json.loads(line)
        answers[row["doc_id"]] = row["answers"] or {}
    doc_ids = [d for d in sorted(answers) if part_of(d) in parts][: args.limit or None]
    started = time.perf_counter()
    scores = score(doc_ids, args.data, answers, args.cache, dt.date.fromisoformat(args.as_of))
    print(f"# {dt.date.today()} {platform.node()} {platform.machine()} python {platform.python_version()}, "
          f"{time.perf_counter() - started:.0f} s")
    print(table(f"CUAD parts {', '.join(sorted(parts))} ({len(doc_ids)} contracts)", scores))
    if args.misses:
        lines = [f"# Brief misses on CUAD parts {', '.join(sorted(parts))}", "",
                 f"`python bench/eval_brief.py --parts {args.parts} --misses {args.misses}`", ""]
        for name, s in scores.items():
            lines += [f"## {name} ({len(s.misses)})", "", *(f"- {m}" for m in s.misses), ""]
        args.misses.write_text("\n".join(lines), encoding="utf-8")
        print(f"wrote {args.misses}", file=sys.stderr)


if __name__ == "__main__":
    main()
