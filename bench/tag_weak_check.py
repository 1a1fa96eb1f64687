"""Hand check of what the weak labels changed, on held-out CUAD contracts (never read by training).

``python bench/tag_weak_check.py --sample OUT.jsonl [--per-kind 25]`` lists, in the order of a hash of the
contract id, (a) *new* model tags of the weak categories on clauses whose heading does not name the category
(what the words found beyond the headings) and (b) *dropped* rule tags: a phrase of a weak category matched
but the model scored the clause below its threshold (before, the phrase alone tagged it at 0.6). A reader
then sets ``"agree"`` (true: the clause is about the category) on each row, without seeing anything else;
``--score FILE`` counts them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"


def sample(out: Path, per_kind: int) -> None:
    from leverage_lens.api import Analyzer
    from leverage_lens.evaluate.data import load_cuad
    from leverage_lens.tag import ClauseTagger
    from leverage_lens.tag.units import units

    tagger = ClauseTagger()
    weak = tagger.model.weak_labels
    parser = Analyzer()
    contracts = sorted(load_cuad(DATA, parts=["held-out"]),
                       key=lambda c: hashlib.sha256(f"weak-check:{c.doc_id}".encode()).hexdigest())
    rows: dict[str, list[dict]] = {"new": [], "dropped": []}
    for c in contracts:
        doc = parser.parse_text(c.text, name=c.doc_id)
        clauses, scores = tagger.tag_with_scores(doc.clauses, doc.text)
        per_doc = {"new": 0, "dropped": 0}
        for u, sc in zip(units(doc.clauses), scores):
            clause = clauses[u.index]
            named = tagger.headings.match(u.context.rsplit(" > ", 1)[-1]) if u.context else frozenset()
            tags = {t.category: t for t in clause.tags}
            body = doc.text[u.start : u.end]
            hits = {h.category for h in tagger.rules.hits(tagger.model.nlp.make_doc(body[:1500]))}
            for k in weak:
                row = {"doc_id": c.doc_id, "clause": clause.number or clause.id, "category": k,
                       "confidence": round(sc.get(k, 0.0), 3), "heading": u.context, "text": body[:700]}
                if k in tags and tags[k].source == "model" and k not in named and per_doc["new"] < 3:
                    rows["new"].append({**row, "kind": "new"})
                    per_doc["new"] += 1
                elif k in hits and k not in tags and per_doc["dropped"] < 3:
                    rows["dropped"].append({**row, "kind": "dropped"})
                    per_doc["dropped"] += 1
        if all(len(v) >= per_kind for v in rows.values()):
            break
    with out.open("w", encoding="utf-8") as fh:
        for kind in ("new", "dropped"):
            for r in rows[kind][:per_kind]:
                fh.write(json.dumps({**r, "agree": None, "note": ""}) + "\n")
    print(f"wrote {out}: {min(per_kind, len(rows['new']))} new model tags, {min(per_kind, len(rows['dropped']))} dropped rule tags")


def score(path: Path) -> None:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for kind in ("new", "dropped"):
        got = [r for r in rows if r["kind"] == kind and r["agree"] is not None]
        yes = sum(bool(r["agree"]) for r in got)
        print(f"{kind}: {yes} of {len(got)} are about their category ({yes / max(1, len(got)):.2f}), "
              f"{len({r['doc_id'] for r in got})} contracts")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sample", type=Path)
    ap.add_argument("--per-kind", type=int, default=25)
    ap.add_argument("--score", type=Path)
    args = ap.parse_args()
    if args.sample:
        sample(args.sample, args.per_kind)
    if args.score:
        score(args.score)


if __name__ == "__main__":
    main()
