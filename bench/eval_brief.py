"""How well the negotiation brief finds CUAD's labelled key terms, and what it costs inside ``analyze``.

For each key term the brief reports (agreement date, effective date, expiration, renewal term, notice period
to stop renewal, governing law, parties) and the matching CUAD category:

* recall -- share of contracts with a gold span where one of our key-term spans overlaps a gold span;
* precision -- share of our key terms (over the sampled contracts) that overlap a gold span of the category;
* value accuracy -- where we give a value and CUAD has one: dates compared with the gold span's text parsed by
  the same date reader (``vs text``) and with CUAD's normalised answer (``vs answer``); governing law by name
  (either contains the other, case-folded); renewal and notice periods as ISO durations.

Contracts are sorted by id; the last 20% are a check split, looked at only at the end. ``--limit`` takes the
first N contracts of the development split (deterministic). ``--profile`` reports the brief's share of
``analyze`` time with cProfile over the same contracts.

    python bench/eval_brief.py --limit 150 [--split dev|check|both] [--misses CATEGORY] [--profile]
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import json
import math
import platform
import pstats
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from leverage_lens import Analyzer, parse_text
from leverage_lens.brief import find_dates, parse_duration
from leverage_lens.model import Brief, KeyTerm

ROOT = Path(__file__).resolve().parents[1]
CATEGORIES = {
    "Agreement Date": "date",
    "Effective Date": "date",
    "Expiration Date": "date",
    "Renewal Term": "duration",
    "Notice Period to Terminate Renewal": "duration",
    "Governing Law": "law",
    "Parties": None,
}


def ours(brief: Brief, category: str) -> list[KeyTerm]:
    """The brief's key terms for a CUAD category."""
    r = brief.renewal
    pick: dict[str, list[KeyTerm | None]] = {
        "Agreement Date": [brief.agreement_date],
        "Effective Date": [brief.effective_date],
        "Expiration Date": [brief.expiration_date or brief.initial_term],
        "Renewal Term": [r.term if r else None],
        "Notice Period to Terminate Renewal": [r.notice if r else None],
        "Governing Law": [brief.governing_law],
        "Parties": list(brief.parties),
    }
    return [t for t in pick[category] if t is not None]


def overlaps(t: KeyTerm, spans: list[tuple[int, int]]) -> bool:
    return any(t.start < e and s < t.end for s, e in spans)


def _answer_date(answer: str) -> str | None:
    m = re.fullmatch(r"\s*(\d{1,2})/(\d{1,2})/(\d{4})\s*", answer or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(1)), int(m.group(2))).isoformat()
    except ValueError:
        return None


def value_match(kind: str | None, value: str | None, gold: str | None) -> bool | None:
    """True/False when both sides have a comparable value, None when either has none."""
    if not value or not gold or kind is None:
        return None
    if kind == "date":
        return value == gold
    if kind == "law":
        a, b = value.lower(), gold.lower()
        return a in b or b in a
    g = parse_duration(gold)
    return None if g is None else value == g.iso


def load(data: Path) -> tuple[list[str], dict[str, dict[str, list[dict[str, Any]]]], dict[str, dict[str, str]]]:
    spans: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for line in (data / "cuad" / "spans.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["category"] in CATEGORIES and r["start"] is not None:
            spans[r["doc_id"]][r["category"]].append(r)
    answers = {}
    for line in (data / "cuad" / "contracts.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        answers[r["doc_id"]] = r["answers"]
    return sorted(answers), spans, answers


def evaluate(doc_ids: list[str], data: Path, spans: Any, answers: Any, analyzer: Analyzer,
             misses: str | None = None) -> dict[str, dict[str, float | int]]:
    stats: dict[str, dict[str, int]] = {c: defaultdict(int) for c in CATEGORIES}
    for doc_id in doc_ids:
        text = (data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        report = analyzer.analyze(parse_text(text, name=doc_id))
        brief = report.summary.brief
        assert brief is not None
        for cat, kind in CATEGORIES.items():
            gold = [(g["start"], g["end"]) for g in spans[doc_id].get(cat, [])]
            found = ours(brief, cat)
            s = stats[cat]
            s["gold_docs"] += bool(gold)
            s["extracted"] += len(found)
            s["right"] += sum(overlaps(t, gold) for t in found)
            hit = bool(gold) and any(overlaps(t, gold) for t in found)
            s["hit_docs"] += hit
            if misses == cat and gold and not hit:
                print(f"MISS {doc_id}: gold {spans[doc_id][cat][0]['text'][:120]!r} ours "
                      f"{[(t.value, t.text[:80]) for t in found]}")
            if misses == cat and found and not gold:
                print(f"FP   {doc_id}: ours {[(t.value, t.text[:100]) for t in found]}")
            if kind is None or not found:
                continue
            value = found[0].value
            # a gold span may hold several dates ("from March 1, 2005 to February 28, 2006"): any of them
            gold_dates = {d.value.isoformat() for g in spans[doc_id].get(cat, []) for d in find_dates(g["text"])
                          if d.value} if kind == "date" else set()
            gold_text = value if value in gold_dates else next(iter(sorted(gold_dates)), None)
            by_text = value_match(kind, value, gold_text)
            answer = answers[doc_id].get(cat) or ""
            by_answer = value_match(kind, value, _answer_date(answer) if kind == "date" else answer)
            for name, ok in (("text", by_text), ("answer", by_answer)):
                if ok is not None:
                    s[f"{name}_n"] += 1
                    s[f"{name}_ok"] += ok
                    if misses == cat and not ok:
                        print(f"VALUE {doc_id}: ours {value!r} gold {name} "
                              f"{gold_text if name == 'text' else answer!r}")
    out: dict[str, dict[str, float | int]] = {}
    for cat, s in stats.items():
        out[cat] = {
            "gold_docs": s["gold_docs"],
            "recall": s["hit_docs"] / s["gold_docs"] if s["gold_docs"] else float("nan"),
            "precision": s["right"] / s["extracted"] if s["extracted"] else float("nan"),
            "extracted": s["extracted"],
            "value_text": s["text_ok"] / s["text_n"] if s["text_n"] else float("nan"),
            "value_text_n": s["text_n"],
            "value_answer": s["answer_ok"] / s["answer_n"] if s["answer_n"] else float("nan"),
            "value_answer_n": s["answer_n"],
        }
    return out


def table(name: str, n: int, result: dict[str, dict[str, float | int]]) -> str:
    def pct(x: float) -> str:
        return "-" if math.isnan(x) else f"{100 * x:.0f}%"

    header = ("| Key term (CUAD category) | gold contracts | recall | precision (n) | value vs text (n) | "
              "value vs answer (n) |")
    rows = [f"{name} ({n} contracts)", "", header, "| --- | ---: | ---: | ---: | ---: | ---: |"]
    for cat, r in result.items():
        rows.append(f"| {cat} | {r['gold_docs']} | {pct(r['recall'])} | {pct(r['precision'])} ({r['extracted']}) | "
                    f"{pct(r['value_text'])} ({r['value_text_n']}) | {pct(r['value_answer'])} ({r['value_answer_n']}) |")
    return "\n".join(rows)


def profile_share(doc_ids: list[str], data: Path, analyzer: Analyzer) -> str:
    texts = [(data / "cuad" / "txt" / f"{d}.txt").read_text(encoding="utf-8") for d in doc_ids]
    analyzer.analyze(parse_text(texts[0]))  # load the tagger outside the profile
    prof = cProfile.Profile()
    prof.enable()
    for t in texts:
        analyzer.analyze(parse_text(t))
    prof.disable()
    st = pstats.Stats(prof)
    total = st.total_tt  # type: ignore[attr-defined]
    brief = next((v[3] for k, v in st.stats.items() if k[2] == "build_brief"), 0.0)  # type: ignore[attr-defined]
    chars = sum(len(t) for t in texts)
    return (f"build_brief: {brief:.3f} s of {total:.3f} s profiled analyze ({100 * brief / total:.1f}%), "
            f"{len(texts)} contracts, {chars:,} characters")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=150, help="first N contracts of the development split")
    ap.add_argument("--split", choices=("dev", "check", "both", "none"), default="dev",
                    help="which split to evaluate (none: only --profile)")
    ap.add_argument("--misses", choices=tuple(CATEGORIES), help="print misses and false positives of one category")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="cProfile share of the brief on N contracts")
    args = ap.parse_args()
    doc_ids, spans, answers = load(args.data)
    cut = int(len(doc_ids) * 0.8)
    dev, check = doc_ids[:cut][: args.limit or None], doc_ids[cut:]
    analyzer = Analyzer()
    print(f"# {dt.date.today()} {platform.node()} {platform.processor() or platform.machine()} "
          f"python {platform.python_version()}")
    if args.split in ("dev", "both"):
        print(table("development split", len(dev), evaluate(dev, args.data, spans, answers, analyzer, args.misses)))
        print()
    if args.split in ("check", "both"):
        print(table("check split (last 20% by id)", len(check),
                    evaluate(check, args.data, spans, answers, analyzer, args.misses)))
        print()
    if args.profile:
        print(profile_share(dev[: args.profile], args.data, analyzer))


if __name__ == "__main__":
    main()
