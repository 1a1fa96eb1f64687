"""The leverage ledger and the one-sided rules against our labelled CUAD spans (issue 13).

Labels (``bench/labels/one_sided_dev.jsonl`` for development, ``one_sided_test.jsonl`` kept for the final
measurement; protocol in ``bench/labels/ONE_SIDED_LABELS.md``): one row a CUAD span with the sentence(s)
judged, ``label`` one_sided / mutual / unclear, and for one_sided the ``favors`` and ``burdened`` parties by
the contract's own names. The contract text is read from ../shared/data at run time.

Each contract is analysed once with the full pipeline (``Analyzer.analyze``: tagger, parties, ledger,
checks). Two readings are scored on the labelled sentence (``sentence_start``..``sentence_end``):

* **ledger**: a one-sided ledger entry overlapping the sentence whose ``favors`` is the labelled party;
* **findings** (the issue's measure): a ``one_sided`` finding overlapping the sentence whose ``favors`` is
  the labelled party.

Recall = right / labelled one_sided (``recall_unmirrored``: on the spans whose term the contract does not
give the other side elsewhere, ``mirror_elsewhere`` false: the ones a finding should flag); direction = right / (overlapping one-sided readings on one_sided
spans); mutual wrongly flagged = mutual spans with any one-sided reading / mutual spans. The labelled party
name is resolved to a party id as ``analyze(perspective=...)`` would; an unresolved name counts as a miss
(reported separately: it is a parties problem, not a ledger one).

    python bench/eval_ledger.py [--labels dev|train|test|test2|FILE] [--data ../shared/data] [-v] [--category CAT]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens  # noqa: E402
from leverage_lens.checks import resolve_reader  # noqa: E402
from leverage_lens.errors import InvalidOptionError  # noqa: E402

_L = ROOT / "bench" / "labels"
#: Named label sets: dev (tuned on), train (the holder model's training material beyond dev), test and test2
#: (held-out contracts, never tuned on; test2 labelled 2026-12-05 from the held-out contracts test left).
LABELS = {"dev": [_L / "one_sided_dev.jsonl"], "test": [_L / "one_sided_test.jsonl"],
          "test2": [_L / "one_sided_test2.jsonl"],
          "train": [_L / f"one_sided_train_{k}.jsonl" for k in "abcdef"]}


def _resolve(name: str | None, parties: list[Any]) -> str | None:
    if not name:
        return None
    try:
        return resolve_reader(name, [p for p in parties if getattr(p, "principal", True)])
    except InvalidOptionError:
        return None


def evaluate(rows: list[dict[str, Any]], data: Path, verbose: bool = False) -> dict[str, Any]:
    by_doc: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for r in rows:
        by_doc[r["doc_id"]].append(r)
    analyzer = leverage_lens.Analyzer()
    tally: dict[str, Counter[str]] = {"ledger": Counter(), "findings": Counter()}
    per_cat: dict[str, Counter[str]] = defaultdict(Counter)
    t0 = time.perf_counter()
    for doc_id in sorted(by_doc):
        text = (data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        report = analyzer.analyze(leverage_lens.parse_text(text, name=doc_id))
        findings = [f for f in report.findings if f.kind == "one_sided" and not f.rule.startswith("claudette.")]
        for r in by_doc[doc_id]:
            if r["label"] not in ("one_sided", "mutual"):
                continue
            a, b = r.get("sentence_start", r["start"]), r.get("sentence_end", r["end"])
            want = _resolve(r.get("favors"), report.parties) if r["label"] == "one_sided" else None
            entries = [e for e in report.ledger.entries if e.start < b and a < e.end]
            hits = {"ledger": [e.favors for e in entries if not e.mutual and e.favors],
                    "findings": [f.favors for f in findings if f.start < b and a < f.end and f.favors]}
            cat = r["cuad_category"]
            for kind, got in hits.items():
                t = tally[kind]
                if r["label"] == "mutual":
                    t["mutual"] += 1
                    t["mutual_flagged"] += bool(got)
                    if kind == "ledger":
                        per_cat[cat]["mutual"] += 1
                        per_cat[cat]["mutual_flagged"] += bool(got)
                    continue
                t["one_sided"] += 1
                t["unresolved"] += want is None
                ok = want is not None and want in got
                t["right"] += ok
                if r.get("mirror_elsewhere") is False:
                    t["unmirrored"] += 1
                    t["unmirrored_right"] += ok
                elif r.get("mirror_elsewhere"):
                    t["mirrored"] += 1
                    t["mirrored_flagged"] += bool(got)
                t["fired"] += bool(got)
                t["fired_right_direction"] += ok
                if kind == "ledger":
                    per_cat[cat]["one_sided"] += 1
                    per_cat[cat]["right"] += ok
                    per_cat[cat]["fired"] += bool(got)
                else:
                    per_cat[cat]["finding_right"] += ok
                if verbose and kind == "ledger" and not ok:
                    sent = " ".join(text[a:b].split())[:260]
                    got = [(e.favors, e.category.split(".")[1][:12], e.confidence) for e in entries if not e.mutual]
                    print(f"{'WRONG' if got else 'MISS '} {cat:28s} want={r.get('favors')}({want}) got={got} "
                          f"parties={[p.name for p in report.parties if getattr(p, 'principal', True)]}\n      {sent}")
            if verbose and r["label"] == "mutual" and hits["ledger"]:
                sent = " ".join(text[a:b].split())[:260]
                print(f"MUTUAL-FLAGGED {cat:28s} got={hits['ledger']}\n      {sent}")
    out: dict[str, Any] = {"documents": len(by_doc), "seconds": round(time.perf_counter() - t0, 1)}
    for kind, t in tally.items():
        out[kind] = {
            "one_sided": t["one_sided"], "recall": _div(t["right"], t["one_sided"]),
            "recall_unmirrored": _div(t["unmirrored_right"], t["unmirrored"]),
            "mirrored_flagged": _div(t["mirrored_flagged"], t["mirrored"]),
            "direction": _div(t["fired_right_direction"], t["fired"]),
            "mutual": t["mutual"], "mutual_flagged": _div(t["mutual_flagged"], t["mutual"]),
            "unresolved_party": t["unresolved"],
        }
    out["per_category"] = {c: {"one_sided": v["one_sided"], "recall": _div(v["right"], v["one_sided"]),
                               "findings_recall": _div(v["finding_right"], v["one_sided"]),
                               "mutual": v["mutual"], "mutual_flagged": _div(v["mutual_flagged"], v["mutual"])}
                           for c, v in sorted(per_cat.items())}
    return out


def _div(a: int, b: int) -> float | None:
    return round(a / b, 3) if b else None


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--labels", default="dev", help="dev, train, test, test2 or a path to a labels file")
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--category", help="only spans of this CUAD category")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args(argv)
    paths = LABELS.get(args.labels, [Path(args.labels)])
    rows = [json.loads(line) for path in paths for line in path.open(encoding="utf-8") if line.strip()]
    if args.category:
        rows = [r for r in rows if r["cuad_category"] == args.category]
    result = evaluate(rows, args.data, args.verbose)
    print(json.dumps(result, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
