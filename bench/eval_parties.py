"""Recall of CUAD's labelled party names by leverage_lens.enrich.find_parties.

Gold: every CUAD "Parties" span whose text is a name or alias (at most 60 characters after stripping quotes
and brackets, and not a sentence such as 'X and Y are referred to as a "Party"'). A gold name counts as found
when it equals, contains or is contained in (>= 3 characters) a party name or alias we report, or matches one
with rapidfuzz ratio >= 85, all after lower-casing, dropping punctuation and legal suffixes. Precision: a
reported party is right when its name or one of its aliases matches any CUAD "Parties" span the same way
(noise such as "Delaware Corporation" or a defined term taken for a party counts against it).

    python bench/eval_parties.py [--data ../shared/data] [--limit N] [--misses 20]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from leverage_lens.enrich.parties import _norm, find_parties

ROOT = Path(__file__).resolve().parents[1]


def norm(s: str) -> str:
    return _norm(re.sub(r"[\"\u201c\u201d()]", " ", s))


def is_name(s: str) -> bool:
    flat = " ".join(s.split()).strip(" ,.:;\"\u201c\u201d()")
    words = set(norm(flat).split())
    return 0 < len(flat) <= 60 and "referred to" not in flat.lower() and not words & {"party", "parties"}


def hit(gold: str, names: list[str]) -> bool:
    g = norm(gold)
    if not g:
        return True
    for n in names:
        if g == n or (len(n) >= 3 and (n in g or g in n)) or fuzz.ratio(g, n) >= 85:
            return True
    return False


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0)
    args = ap.parse_args()
    gold: dict[str, list[str]] = defaultdict(list)
    gold_all: dict[str, list[str]] = defaultdict(list)  # every Parties span, for precision
    for line in (args.data / "cuad" / "spans.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["category"] == "Parties" and r["text"]:
            gold_all[r["doc_id"]].append(r["text"])
            if is_name(r["text"]):
                gold[r["doc_id"]].append(r["text"])
    docs = sorted(gold)[: args.limit or None]
    total = found = 0
    chars = 0
    elapsed = 0.0
    misses = []
    reported = right = 0
    for doc_id in docs:
        text = (args.data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        parties = find_parties(text)
        elapsed += time.perf_counter() - t0
        chars += len(text)
        names = [norm(x) for p in parties for x in (p.name, *p.aliases)]
        all_gold = [norm(x) for x in gold_all[doc_id]]
        for p in parties:  # precision: a reported party is right when its name or an alias is a gold name
            reported += 1
            right += any(hit(g, [norm(x)]) for g in all_gold if g for x in (p.name, *p.aliases) if norm(x))
        for g in gold[doc_id]:
            total += 1
            if hit(g, names):
                found += 1
            else:
                misses.append((doc_id, g, [p.name for p in parties]))
    print(f"documents {len(docs)}  gold party names {total}  found {found}  recall {found / total:.3f}")
    print(f"reported parties {reported}  matching a gold name or alias {right}  precision "
          f"{right / max(reported, 1):.3f}")
    print(f"find_parties: {chars / elapsed / 1e6:.1f} M chars/s over {chars:,} chars")
    for m in misses[: args.misses]:
        print("MISS", m)


if __name__ == "__main__":
    main()
