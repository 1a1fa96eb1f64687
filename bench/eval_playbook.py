"""Playbook checking measured against labels decided by reading the contracts (bench/labels/PLAYBOOK_LABELS.md).

For each labelled (contract, playbook, perspective): the contract is analysed with the whole pipeline (reports
cached as JSON with --cache), checked against the example playbook read as the labelled party, and each
position's status compared with the label. Two agreements are reported per position and per position type:

* **status**: the same status (met, not_met, missing, not_applicable);
* **outcome**: the same verdict for a reviewer: fails (not met, or missing where missing fails), passes, or
  does not apply.

Closest-clause retrieval: for each position with preferred language whose label names the right clause (by
a snippet of its text), the clause found first must contain the snippet.

    python bench/eval_playbook.py --labels bench/labels/playbook_test.jsonl --cache /tmp/pb_cache [-v]
    python bench/eval_playbook.py --labels bench/labels/playbook_test.jsonl --misses docs-misses.md
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leverage_lens import LeverageLensError, Report, analyze  # noqa: E402
from leverage_lens.playbook import check_playbook, example_playbook  # noqa: E402
from leverage_lens.playbook.conditions import LedgerCheck, TagCheck, TermCheck  # noqa: E402

DATA = ROOT.parent / "shared" / "data"


def source_of(doc: str) -> Path:
    """``cuad:<doc_id>`` -> the CUAD text; ``docx:<form>`` -> the form's template.docx; else a path."""
    kind, _, name = doc.partition(":")
    if kind == "cuad":
        return DATA / "cuad" / "txt" / f"{name}.txt"
    if kind == "docx":
        hits = sorted((DATA / "docx" / "templates").glob(f"*/{name}/template.docx"))
        if not hits:
            raise FileNotFoundError(f"no DOCX form {name}")
        return hits[0]
    return ROOT / doc


def report_for(doc: str, cache: Path | None) -> Report:
    key = doc.replace(":", "__").replace("/", "_")
    path = cache / f"{key}.json" if cache else None
    if path is not None and path.exists():
        return Report.model_validate_json(path.read_text(encoding="utf-8"))
    report = analyze(source_of(doc))
    if path is not None:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(report.to_json(), encoding="utf-8")
    return report


def outcome(status: str, missing_fails: bool) -> str:
    if status == "not_applicable":
        return "n/a"
    if status == "not_met" or (status == "missing" and missing_fails):
        return "fails"
    return "passes"


def position_type(cond: object) -> str:
    """A position's type: the kind of condition it checks and, for the ledger, how."""
    if isinstance(cond, TermCheck):
        if cond.one_of or cond.none_of:
            return "term: value in a list"
        if cond.at_least or cond.at_most:
            return "term: compared with a threshold"
        return "term: present for a side"
    if isinstance(cond, LedgerCheck):
        if cond.unless_only:
            return "ledger: forbidden unless only some subjects"
        if cond.require:
            return "ledger: required for a side"
        return "ledger: forbidden for a side"
    if isinstance(cond, TagCheck):
        return "tag: absent or present"
    return "combined (all / any)"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--labels", type=Path, required=True)
    ap.add_argument("--cache", type=Path, help="keep analysed reports here as JSON (reused when present)")
    ap.add_argument("--misses", type=Path, help="write every disagreement as Markdown here")
    ap.add_argument("-v", "--verbose", action="store_true", help="print every disagreement")
    ap.add_argument("--only", help="only rows whose doc contains this")
    args = ap.parse_args(argv)

    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    if args.only:
        rows = [r for r in rows if args.only in r["doc"]]
    books = {s: example_playbook(s) for s in ("customer", "supplier", "nda")}
    by_pos: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    by_type: dict[str, list[tuple[bool, bool]]] = defaultdict(list)
    retrieval: dict[str, list[bool]] = defaultdict(list)
    retrieval_clause: list[bool] = []
    misses: list[str] = []
    unresolved: list[str] = []
    check_time = 0.0
    docs = set()
    for row in rows:
        report = report_for(row["doc"], args.cache)
        docs.add(row["doc"])
        book = books[row["playbook"]]
        t = time.process_time()
        try:
            result = check_playbook(report, book, perspective=row.get("perspective"))
        except LeverageLensError as exc:  # the labelled party is not among the parties found
            unresolved.append(f"{row['doc']} as {row.get('perspective')}: {str(exc)[:120]}")
            result = check_playbook(report, book.model_copy(update={"our_roles": []}))
        check_time += time.process_time() - t
        got = {r.position_id: r for r in result.results}
        for pid, want in row["results"].items():
            pos = book.position(pid)
            r = got[pid]
            same_status = r.status == want
            same_outcome = outcome(r.status, pos.missing_fails) == outcome(want, pos.missing_fails)
            key = f"{row['playbook']}/{pid}"
            by_pos[key].append((same_status, same_outcome))
            by_type[position_type(pos.check)].append((same_status, same_outcome))
            if not same_status:
                line = (f"- `{row['doc']}` as {row.get('perspective')} ({row['playbook']}) `{pid}`: labelled "
                        f"**{want}**, checker **{r.status}**" + ("" if same_outcome else " (outcome differs)")
                        + f" — {r.message[:220]}")
                note = row.get("notes", {}).get(pid)
                if note:
                    line += f" — label note: {note}"
                misses.append(line)
        for pid, snippets in row.get("clauses", {}).items():
            if not snippets:
                continue
            snippets = [snippets] if isinstance(snippets, str) else snippets
            r = got[pid]
            found = r.closest
            text = report.document.text
            ok = in_clause = False
            if found is not None:
                clause = next((c for c in report.clauses if c.id == found.clause_id), None)
                for snip in snippets:
                    rx = re.compile(r"\s+".join(re.escape(w) for w in snip.split()), re.IGNORECASE)
                    hits = list(rx.finditer(text))
                    ok = ok or any(m.start() < found.end and found.start < m.end() for m in hits)
                    in_clause = in_clause or (clause is not None and any(
                        clause.start <= m.start() and m.end() <= clause.end for m in hits))
            retrieval[f"{row['playbook']}/{pid}"].append(ok)
            retrieval_clause.append(in_clause or ok)
            if not ok:
                where = found.clause_id if found else None
                misses.append(f"- retrieval `{row['doc']}` ({row['playbook']}) `{pid}`: closest clause {where!r} "
                              f"does not hold \u201c{snippets[0][:60]}\u201d")

    def share(xs: list[tuple[bool, bool]], i: int) -> str:
        return f"{sum(x[i] for x in xs) / len(xs):.2f} ({sum(x[i] for x in xs)}/{len(xs)})" if xs else "-"

    print(f"{len(docs)} contracts, {len(rows)} (contract, playbook) rows, "
          f"{sum(len(v) for v in by_pos.values())} position labels")
    print("\n| position type | status agreement | outcome agreement |\n|---|---:|---:|")
    for k in sorted(by_type):
        print(f"| {k} | {share(by_type[k], 0)} | {share(by_type[k], 1)} |")
    allx = [x for v in by_type.values() for x in v]
    print(f"| **all** | {share(allx, 0)} | {share(allx, 1)} |")
    print("\n| position | status agreement | outcome agreement |\n|---|---:|---:|")
    for k in sorted(by_pos):
        print(f"| {k} | {share(by_pos[k], 0)} | {share(by_pos[k], 1)} |")
    flat = [x for v in retrieval.values() for x in v]
    print(f"\nclosest clause right first (the stretch shown overlaps the labelled words): {sum(flat)}/{len(flat)} = "
          f"{sum(flat) / max(len(flat), 1):.2f}")
    print("\n| position (preferred clause) | right clause first |\n|---|---:|")
    for k in sorted(retrieval):
        v = retrieval[k]
        print(f"| {k} | {sum(v) / len(v):.2f} ({sum(v)}/{len(v)}) |")
    rc = retrieval_clause
    print(f"closest clause right first (the clause found holds the labelled words): {sum(rc)}/{len(rc)} = "
          f"{sum(rc) / max(len(rc), 1):.2f}")
    print(f"checking CPU time: {check_time:.2f} s for {len(rows)} rows ({1000 * check_time / max(len(rows), 1):.0f} ms "
          "per contract and playbook)")
    print(f"labelled party not found by the pipeline: {len(unresolved)} rows")
    for u in unresolved:
        print("  -", u)
    if args.verbose:
        print("\n" + "\n".join(misses))
    if args.misses:
        args.misses.write_text("\n".join(misses) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
