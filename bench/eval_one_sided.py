"""Precision and recall of the one-sided rules on our own labelled CUAD clauses.

Labels, one row a clause: ``doc_id``, ``start``/``end`` (offsets into ../shared/data/cuad/txt/<doc_id>.txt),
``category`` (taxonomy id), ``one_sided`` (bool) and ``favors`` (the favoured party as the contract names it,
or null when mutual). The text is read from the shared data at run time; nothing of it is stored in the
repository. Two sets, reported separately:

- ``bench/labels/one_sided_cuad.jsonl`` (62 clauses, first round): partly used to tune the rules;
- ``bench/labels/one_sided_cuad_new.jsonl`` (45 clauses from 45 other contracts, second round): labelled by
  reading the text before any rule was run on those contracts, and never used to tune: the honest figure.

A clause is *flagged* when a one_sided finding with a favoured party overlaps it; the flag is *correct* when
the clause is labelled one-sided and a finding favours the labelled party (the label resolved to a party id
like ``analyze(perspective=...)`` does). Precision = correct / flagged; recall = correct / labelled one-sided.
*Favoured-party precision* is finding-level: of the findings overlapping clauses labelled one-sided, the share
that name the labelled party.

    python bench/eval_one_sided.py [--data ../shared/data] [--labels FILE ...] [-v]
"""

from __future__ import annotations

import argparse
import json
from collections import defaultdict
from pathlib import Path

import leverage_lens
from leverage_lens.checks import CheckContext, Registry, resolve_reader
from leverage_lens.errors import InvalidOptionError

ROOT = Path(__file__).resolve().parents[1]
LABELS = (ROOT / "bench" / "labels" / "one_sided_cuad.jsonl", ROOT / "bench" / "labels" / "one_sided_cuad_new.jsonl")


def evaluate(data: Path, verbose: bool = False, labels_path: Path = LABELS[0]) -> dict[str, float]:
    labels = [json.loads(line) for line in labels_path.open(encoding="utf-8")]
    by_doc = defaultdict(list)
    for r in labels:
        by_doc[r["doc_id"]].append(r)
    reg = Registry()
    flagged = correct = mutual_flagged = fav_total = fav_ok = 0
    positives = sum(r["one_sided"] for r in labels)
    for doc_id, rows in sorted(by_doc.items()):
        text = (data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        ctx = CheckContext.build(leverage_lens.parse_text(text))
        findings = [f for f in reg.run(ctx, kind="one_sided") if not f.rule.startswith("claudette.")]
        for r in rows:
            hits = [f for f in findings if f.start < r["end"] and r["start"] < f.end and f.favors]
            if not hits:
                if verbose and r["one_sided"]:
                    print("MISS ", doc_id[:40], r["category"], r["favors"])
                continue
            flagged += 1
            try:
                want = resolve_reader(r["favors"], ctx.parties) if r["favors"] else None
            except InvalidOptionError:
                want = "unresolved"
            ok = r["one_sided"] and any(f.favors == want for f in hits)
            if r["one_sided"]:
                fav_total += len(hits)
                fav_ok += sum(f.favors == want for f in hits)
            correct += ok
            mutual_flagged += not r["one_sided"]
            if verbose:
                print("OK   " if ok else "WRONG", doc_id[:40], r["category"], r["favors"],
                      [(f.rule, f.favors) for f in hits])
    p = correct / flagged if flagged else 0.0
    rec = correct / positives if positives else 0.0
    return {"clauses": len(labels), "one_sided": positives, "flagged": flagged, "correct": correct,
            "mutual_flagged": mutual_flagged, "precision": p, "recall": rec,
            "favoured_party_precision": fav_ok / fav_total if fav_total else 0.0}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--labels", type=Path, nargs="*", default=list(LABELS))
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    for path in args.labels:
        res = evaluate(args.data, args.verbose, path)
        print(path.name + ": " + " ".join(f"{k}={v:.3f}" if isinstance(v, float) else f"{k}={v}"
                                          for k, v in res.items()))


if __name__ == "__main__":
    main()
