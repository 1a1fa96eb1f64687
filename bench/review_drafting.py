"""Hand review of the drafting (ambiguity) findings on contracts the rules were not tuned on (issue 14).

The contracts are the held-out set of :mod:`drafting_sets` (CUAD texts, then DOCX forms), fixed before tuning.
Three steps:

* ``sample``: analyse every held-out contract as a user would (:meth:`leverage_lens.Analyzer.analyze`) and
  write a worksheet *outside* the repository: every medium and high finding (they are few) and a random sample
  of the low ones, at most ``--per-rule-doc`` per rule and contract so one contract does not fill a rule's
  share, with the context a reviewer needs. The reviewer adds ``verdict`` -- ``useful`` (a lawyer would want
  to fix or ask about it), ``noise`` (true in the letter, not worth the reader's time) or ``false`` (wrong) --
  and a ``reason`` to each line, and saves the labelled lines as ``bench/labels/ambiguity_review_issue14.jsonl``.
* ``score``: re-run the analysis on the labelled contracts, join the labels to today's findings by
  (doc, rule, start, end) and print the useful share per rule and per severity, for the labels as reviewed and
  for the labelled findings today's rules still report.
* ``noise``: findings per 10,000 characters of untouched contracts, per severity: the median over contracts
  and the pooled rate.

    python bench/review_drafting.py sample --seed 14 --out /tmp/drafting_worksheet.jsonl
    python bench/review_drafting.py score bench/labels/ambiguity_review_issue14.jsonl
    python bench/review_drafting.py noise --set all-cuad
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import statistics
import sys
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # this checkout, not an installed copy
sys.path.insert(0, str(Path(__file__).resolve().parent))  # drafting_sets

import drafting_sets

import leverage_lens
from leverage_lens.model import Document, Finding

ROOT = Path(__file__).resolve().parents[1]
SEVERITIES = ("low", "medium", "high")


def _docs(data: Path, which: str) -> Iterator[Document]:
    """The contracts of a set, parsed, each named as in the labels (CUAD file name, DOCX path under templates)."""
    if which == "all-cuad":
        cuad, forms = sorted((data / "cuad" / "txt").glob("*.txt")), []
    else:
        cuad, forms = drafting_sets.cuad(which, data), drafting_sets.docx(which, data)
    for p in cuad:
        yield leverage_lens.parse_text(p.read_text(encoding="utf-8"), name=p.name)
    root = data / "docx" / "templates"
    for p in forms:
        yield leverage_lens.parse(p).model_copy(update={"name": str(p.relative_to(root))})


def _named(data: Path, names: set[str]) -> Iterator[Document]:
    """The contracts named in a label file (CUAD file name or DOCX path under templates), parsed."""
    root = data / "docx" / "templates"
    for name in sorted(names):
        if name.endswith(".txt"):
            text = (data / "cuad" / "txt" / name).read_text(encoding="utf-8")
            yield leverage_lens.parse_text(text, name=name)
        else:
            yield leverage_lens.parse(root / name).model_copy(update={"name": name})


# Slices of the tuning set whose deleted-definition misses were read with a diagnostic before a sample was
# drawn (``eval_ambiguity --set tuning --offset O --limit N``): (CUAD start, CUAD end, DOCX forms read first).
DIAGNOSED = {"low_r4": [(300, 325, 0)], "low_r5": [(0, 80, 80), (150, 180, 30), (300, 325, 0)]}


def fresh(data: Path, seed: int, n_cuad: int, n_docx: int, tag: str = "low_r4") -> list[tuple[str, str]]:
    """Contracts no drafting review read (no label file names them, and not the tuning slices the deleted-
    definition misses were read on), drawn at random: (name, part), the part alternating "tune" / "test" so
    half the contracts are never tuned on. ``tag`` names the label files this draw produces (their own
    contracts do not count as read, which keeps the draw reproducible after labelling)."""
    read: set[str] = set()
    this_round = int(m.group(1)) if (m := re.search(r"low_r(\d+)", tag)) else 10**6
    for path in drafting_sets.REVIEWED:
        later = re.search(r"low_r(\d+)", path.name)
        if tag in path.name or (later and int(later.group(1)) >= this_round):
            continue  # this draw's own labels, or a later round's: the draw stays reproducible
        read |= {json.loads(x)["doc"] for x in path.read_text(encoding="utf-8").splitlines() if x.strip()}
    tuning = drafting_sets.cuad("tuning", data)
    root = data / "docx" / "templates"
    forms = [str(p.relative_to(root)) for p in drafting_sets.docx("tuning", data)]
    diagnosed: set[str] = set()
    for lo, hi, n_forms in DIAGNOSED.get(tag, DIAGNOSED["low_r5"]):
        diagnosed |= {p.name for p in tuning[lo:hi]} | set(forms[:n_forms])
    cuad = [p.name for p in tuning if p.name not in read | diagnosed]
    forms = [f for f in forms if f not in read | diagnosed]
    rng = random.Random(seed)
    picked = rng.sample(cuad, n_cuad) + rng.sample(forms, n_docx)
    return [(name, "tune" if i % 2 == 0 else "test") for i, name in enumerate(picked)]


def sample_low(args: argparse.Namespace) -> None:
    """Every low finding on fresh contracts (at most ``--per-rule-doc`` per rule and contract), for labelling
    before any rule is changed; each line says which part (tune / test) its contract is in."""
    analyzer = leverage_lens.Analyzer()
    rng = random.Random(args.seed)
    parts = dict(fresh(args.data, args.seed, args.cuad, args.docx, args.tag))
    n = 0
    with args.out.open("w", encoding="utf-8") as fh:
        for doc in _named(args.data, set(parts)):
            per: Counter = Counter()
            found = [f for f in _drafting(analyzer, doc) if f.severity.value == "low"]
            rng.shuffle(found)
            for f in sorted(found[:], key=lambda f: f.start):
                if per[f.rule] >= args.per_rule_doc:
                    continue
                per[f.rule] += 1
                n += 1
                fh.write(json.dumps({
                    "doc": doc.name, "part": parts[doc.name], "rule": f.rule, "severity": f.severity.value,
                    "start": f.start, "end": f.end, "quote": f.quote[:80], "message": f.message,
                    "suggestion": f.suggestion, "seed": args.seed, "tag": args.tag,
                    "context": " ".join(doc.text[max(0, f.start - 300): f.end + 200].split())},
                    ensure_ascii=False) + "\n")
    print(f"{n} low findings on {len(parts)} fresh contracts; worksheet: {args.out}")


def _drafting(analyzer: leverage_lens.Analyzer, doc: Document) -> list[Finding]:
    return [f for f in analyzer.analyze(doc).findings if f.kind == "ambiguity"]


def sample(args: argparse.Namespace) -> None:
    analyzer = leverage_lens.Analyzer()
    rng = random.Random(args.seed)
    by_rule: dict[str, list[dict]] = defaultdict(list)
    n_docs = 0
    for doc in _docs(args.data, "held-out"):
        n_docs += 1
        per: Counter = Counter()
        found = _drafting(analyzer, doc)
        rng.shuffle(found)
        for f in found:
            if per[f.rule] >= args.per_rule_doc:
                continue
            per[f.rule] += 1
            by_rule[f.rule].append({
                "doc": doc.name, "rule": f.rule, "severity": f.severity.value, "start": f.start, "end": f.end,
                "quote": f.quote[:80], "message": f.message, "suggestion": f.suggestion,
                "context": " ".join(doc.text[max(0, f.start - 300): f.end + 200].split())})
    with args.out.open("w", encoding="utf-8") as fh:
        for rule_id in sorted(by_rule):
            items = by_rule[rule_id]
            rng.shuffle(items)
            keep = items if items[0]["severity"] != "low" else items[: args.low_per_rule]
            for it in keep:
                fh.write(json.dumps({**it, "seed": args.seed}, ensure_ascii=False) + "\n")
            print(f"{rule_id:45} {len(items):4d} candidates, {len(keep):3d} sampled")
    print(f"{n_docs} held-out contracts; worksheet: {args.out}")


def score(args: argparse.Namespace) -> None:
    labels = [json.loads(x) for f in args.labels for x in f.read_text(encoding="utf-8").splitlines() if x.strip()]
    analyzer = leverage_lens.Analyzer()
    names = {lab["doc"] for lab in labels}
    current: dict[str, set[tuple[str, int, int]]] = {}
    if args.part:
        labels = [lab for lab in labels if lab.get("part") == args.part]
        names = {lab["doc"] for lab in labels}
    for doc in _named(args.data, names):
        current[doc.name] = {(f.rule, f.start, f.end) for f in _drafting(analyzer, doc)}
    stats: dict[str, Counter] = defaultdict(Counter)
    for lab in labels:
        now = (lab["rule"], lab["start"], lab["end"]) in current.get(lab["doc"], set())
        for key in (lab["rule"], "severity " + lab["severity"], "all"):
            stats[key][lab["verdict"]] += 1
            stats[key]["now_" + lab["verdict"]] += now
    print(f"{len(labels)} labels on {len(names)} contracts ({len(current)} re-analysed today)")
    print(f"{'rule / severity':45} {'n':>4} {'useful':>6} {'noise':>5} {'false':>5} {'share':>6} {'now n':>6} "
          f"{'share':>6}")
    for key in sorted(stats, key=lambda k: (k == "all", k.startswith("severity"), k)):
        c = stats[key]
        n = c["useful"] + c["noise"] + c["false"]
        now = c["now_useful"] + c["now_noise"] + c["now_false"]
        share = c["useful"] / n if n else float("nan")
        share_now = c["now_useful"] / now if now else float("nan")
        print(f"{key:45} {n:4d} {c['useful']:6d} {c['noise']:5d} {c['false']:5d} {share:6.2f} {now:6d} "
              f"{share_now:6.2f}")


def noise(args: argparse.Namespace) -> None:
    analyzer = leverage_lens.Analyzer()
    rates: dict[str, list[float]] = defaultdict(list)
    pooled: Counter = Counter()
    chars = n = 0
    for doc in _docs(args.data, args.set):
        if args.set != "all-cuad" and not doc.name.endswith(".txt"):
            continue  # CUAD text only: the figure the issue compares against
        n += 1
        chars += len(doc.text)
        per = Counter(f.severity.value for f in _drafting(analyzer, doc))
        pooled.update(per)
        for sev in (*SEVERITIES, "all"):
            k = sum(per.values()) if sev == "all" else per[sev]
            rates[sev].append(k / len(doc.text) * 1e4)
    print(f"Drafting findings per 10,000 characters on {n} untouched CUAD texts ({chars:,} chars, set {args.set}; "
          f"load average {os.getloadavg()[0]:.2f})")
    print(f"{'severity':8} {'median':>7} {'pooled':>7} {'findings':>8}")
    for sev in (*SEVERITIES, "all"):
        k = sum(pooled.values()) if sev == "all" else pooled[sev]
        print(f"{sev:8} {statistics.median(rates[sev]):7.2f} {k / chars * 1e4:7.2f} {k:8d}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("sample")
    s.add_argument("--seed", type=int, default=14)
    s.add_argument("--per-rule-doc", type=int, default=3, help="at most this many findings per rule and contract")
    s.add_argument("--low-per-rule", type=int, default=12, help="low findings sampled per rule")
    s.add_argument("--out", type=Path, required=True)
    c = sub.add_parser("score")
    c.add_argument("labels", type=Path, nargs="+")
    c.add_argument("--part", choices=["tune", "test"], help="only the labels of this part (fresh labels)")
    lo = sub.add_parser("sample-low")
    lo.add_argument("--seed", type=int, default=41)
    lo.add_argument("--cuad", type=int, default=24, help="fresh CUAD texts")
    lo.add_argument("--docx", type=int, default=8, help="fresh DOCX forms")
    lo.add_argument("--per-rule-doc", type=int, default=2)
    lo.add_argument("--tag", default="low_r4", help="name part of the label files this draw produces")
    lo.add_argument("--out", type=Path, required=True)
    z = sub.add_parser("noise")
    z.add_argument("--set", choices=["held-out", "tuning", "all-cuad"], default="all-cuad")
    args = ap.parse_args()
    {"sample": sample, "score": score, "noise": noise, "sample-low": sample_low}[args.cmd](args)


if __name__ == "__main__":
    main()
