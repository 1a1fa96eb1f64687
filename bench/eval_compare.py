"""How well ``leverage_lens.compare`` aligns and reports edits, on synthetic pairs with known truth.

For each sampled CUAD contract, bench/compare_synth.py writes a new version with one edit of each kind (move,
split, merge, changed number, changed duty, inserted one-sided sentence, deleted definition, renumbering) and
knows where every character of the new version came from. Measured:

* **alignment**: each old clause unit's true partner is the new unit receiving most of its surviving
  characters (none when fewer than half survive); the unit is aligned correctly when its reported group holds
  that partner (or reports it deleted when it has none). Reported as a share of old units, and the same from
  the new side (each new unit's true source).
* **edit recall**: an injected edit is reported when a word edit, or an added / deleted / split / merged
  clause, overlaps where it landed; a move when the moved section is reported moved; a renumbering when the
  clause is reported renumbered.
* **false changes**: old units no edit touched (every body character copied, in one run, to one new unit)
  reported as anything but unchanged (renumbered is allowed: it is not a change of wording).
* **one-sided**: each inserted one-sided sentence appears as a leverage change in favour of the party it
  favours (its name resolved in the new version as ``perspective`` would).
* **speed**: ``compare_reports`` time per pair (analysis excluded), and a 50-page pair built by repeating
  the longest contracts.

    python bench/eval_compare.py [--data ../shared/data] [--pairs 60] [--seed 16] [--json out.json]
    python bench/eval_compare.py --real     # hand labels on real version pairs (bench/labels/compare_*)
    python bench/eval_compare.py --speed    # compare_reports on a ~50-page pair, analysis excluded
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT))

from compare_synth import Pair, build_pair

import leverage_lens
from leverage_lens.checks.perspective import resolve_reader
from leverage_lens.comparison import compare_reports
from leverage_lens.comparison.align import align
from leverage_lens.comparison.units import build_units
from leverage_lens.errors import InvalidOptionError


def _owner_map(pair: Pair) -> list[int]:
    """old offset -> new offset (or -1) for every character of the old text."""
    out = [-1] * len(pair.old_text)
    for ns, os_, n in pair.runs:
        for k in range(n):
            out[os_ + k] = ns + k
    return out


def _body(u) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    return (u.spans[0][0], u.end) if u.spans else (u.start, u.end)


def score_pair(pair: Pair, old_r, new_r) -> dict[str, object]:  # type: ignore[no-untyped-def]
    t0 = time.perf_counter()
    comp = compare_reports(old_r, new_r)
    elapsed = time.perf_counter() - t0
    ou, nu = build_units(old_r.document), build_units(new_r.document)
    alignment = align(ou, nu)
    o2n = _owner_map(pair)
    new_owner = [-1] * (len(pair.new_text) + 1)
    for i, v in enumerate(nu.items):
        for k in range(*_body(v)):
            new_owner[k] = i
    # truth: old unit -> new unit receiving most of its body characters
    truth_o: dict[int, int | None] = {}
    clean: set[int] = set()
    for u in ou.items:
        s, e = _body(u)
        got = Counter(new_owner[o2n[k]] for k in range(s, e) if o2n[k] >= 0 and new_owner[o2n[k]] >= 0)
        best = got.most_common(1)
        truth_o[u.index] = best[0][0] if best and best[0][1] * 2 >= (e - s) else None
        survived = [o2n[k] for k in range(s, e)]
        if survived and all(x >= 0 for x in survived) and all(b == a + 1 for a, b in zip(survived, survived[1:])) \
                and len(got) == 1 and not any(x.old_start <= e and s <= x.old_end and x.kind != "move"
                                              for x in pair.edits):
            clean.add(u.index)
    truth_n: dict[int, int | None] = {}
    back = defaultdict(Counter)
    for u in ou.items:
        s, e = _body(u)
        for k in range(s, e):
            if o2n[k] >= 0 and new_owner[o2n[k]] >= 0:
                back[new_owner[o2n[k]]][u.index] += 1
    for v in nu.items:
        s, e = _body(v)
        best = back[v.index].most_common(1)
        truth_n[v.index] = best[0][0] if best and best[0][1] * 2 >= (e - s) else None
    group_of_old, group_of_new = {}, {}
    for g in alignment.groups:
        for u in g.old:
            group_of_old[u.index] = g
        for v in g.new:
            group_of_new[v.index] = g
    ok_old = sum((truth_o[i] is None and not group_of_old[i].new) or
                 (truth_o[i] is not None and any(v.index == truth_o[i] for v in group_of_old[i].new))
                 for i in truth_o)
    ok_new = sum((truth_n[j] is None and not group_of_new[j].old) or
                 (truth_n[j] is not None and any(u.index == truth_n[j] for u in group_of_new[j].old))
                 for j in truth_n)
    wrong = [(ou[i].clause.number, truth_o[i], [v.index for v in group_of_old[i].new]) for i in truth_o
             if not ((truth_o[i] is None and not group_of_old[i].new) or
                     (truth_o[i] is not None and any(v.index == truth_o[i] for v in group_of_old[i].new)))]
    # false changes on untouched units (reported changed/added/deleted/split/merged/moved, or with edits)
    change_of_old = {}
    for c in comp.clauses:
        for r in c.old:
            change_of_old[r.start] = c
    # untouched: copied whole into a new unit made of nothing else (its partner's text is all its own)
    clean = {i for i in clean if truth_o[i] is not None and truth_n.get(truth_o[i]) == i
             and got_all(back[truth_o[i]], i)}
    jumped = [(x.old_start, x.reach) for x in pair.edits if x.kind == "move"]

    def false_change(i: int) -> bool:
        c = change_of_old[ou[i].start]
        if c.status == "moved" and not c.edits and any(a <= ou[i].start < b for a, b in jumped):
            return False  # the sections a moved one jumped over: "moved up" is as true as "it moved down"
        return c.status != "unchanged"

    false = [i for i in clean if false_change(i)]
    # edit recall
    found: dict[str, list[bool]] = defaultdict(list)
    for x in pair.edits:
        found[x.kind].append(_reported(x, comp, pair))
    # one-sided sentences as leverage changes for the right party
    one_sided = []
    for x in pair.edits:
        if x.kind == "one_sided":
            try:
                want = resolve_reader(x.favors or "", new_r.parties)
            except InvalidOptionError:
                want = None
            hit = any(lc.favors == want and lc.new_start is not None and lc.new_start < x.new_end
                      and (lc.new_end or 0) > x.new_start for lc in comp.leverage)
            one_sided.append((hit, want is not None))
    return {"old_units": len(ou), "ok_old": ok_old, "new_units": len(nu), "ok_new": ok_new,
            "clean": len(clean), "false": len(false), "found": dict(found), "one_sided": one_sided,
            "seconds": elapsed, "wrong": wrong[:5],
            "false_examples": [(ou[i].clause.number, change_of_old[ou[i].start].status,
                                change_of_old[ou[i].start].label) for i in false[:4]]}


def got_all(counter: Counter, i: int) -> bool:  # type: ignore[type-arg]
    return set(counter) == {i}


def _overlaps(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 <= b1 and b0 <= a1


def _reported(x, comp, pair: Pair) -> bool:  # type: ignore[no-untyped-def]
    if x.kind == "move":
        # flagged moved: the section itself, or the sections it jumped over (moving 5 below 7 is the same
        # edit as moving 6 and 7 above 5; the comparison keeps the heavier side in place)
        if any(c.moved and (any(_overlaps(x.new_start, x.new_end, r.start, r.end) for r in c.new)
                            or any(x.old_start <= r.start < x.reach for r in c.old)) for c in comp.clauses):
            return True
        # or shown as deleted where it was and inserted where it went (a section moved into the signature
        # page or a schedule, which the new version's parse does not read as a section of its own)
        gone = any(c.status in ("deleted", "merged") and any(r.start <= x.old_start < r.end for r in c.old)
                   for c in comp.clauses)
        came = any(any(_overlaps(x.new_start, x.new_end, e.new_start, e.new_end) and e.new_end > e.new_start
                       for e in c.edits) or (c.status == "added" and any(
                           _overlaps(x.new_start, x.new_end, r.start, r.end) for r in c.new)) for c in comp.clauses)
        return gone and came
    if x.kind == "renumber":
        return any(c.renumbered and any(r.start <= x.new_start < r.end for r in c.new) for c in comp.clauses)
    if x.kind == "split":  # the inserted "\n\n5. ": where the new section's number starts
        at = x.new_start + len(x.text) - len(x.text.lstrip())
        # reported when the new section is added or split off, or when an edit lands on its first words
        # (the second half shown as moved out of one clause and into the next is a faithful redline too)
        return any((c.status in ("added", "split") and any(r.start <= at < r.end for r in c.new))
                   or any(_overlaps(at, at + 20, e.new_start, e.new_end) and e.new_end > e.new_start
                          for e in c.edits) for c in comp.clauses)
    if x.kind == "merge":  # the number removed: the section is reported merged, deleted, or as losing its number
        return any((c.status in ("merged", "deleted") or c.renumbered) and
                   any(r.start <= x.old_start < r.end for r in c.old) for c in comp.clauses)
    for c in comp.clauses:
        if c.status in ("added", "split", "merged") and any(
                _overlaps(x.new_start, x.new_end, r.start, r.end) for r in c.new):
            return True
        if c.status in ("deleted", "merged") and any(
                _overlaps(x.old_start, x.old_end, r.start, r.end) for r in c.old):
            return True
        for e in c.edits:
            if x.old_end > x.old_start and _overlaps(x.old_start, x.old_end - 1, e.old_start, e.old_end) and \
                    e.old_end > e.old_start:
                return True
            if x.new_end > x.new_start and _overlaps(x.new_start, x.new_end - 1, e.new_start, e.new_end) and \
                    e.new_end > e.new_start:
                return True
    return False


def run(data: Path, pairs: int, seed: int, verbose: bool = False) -> dict[str, object]:
    contracts = sorted((data / "cuad" / "txt").glob("*.txt"))
    rng = random.Random(seed)
    rng.shuffle(contracts)
    analyzer = leverage_lens.Analyzer()
    results = []
    for path in contracts:
        if len(results) >= pairs:
            break
        text = path.read_text(encoding="utf-8")
        if len(text) > 120_000:
            continue
        old_r = analyzer.analyze(analyzer.parse_text(text, name=path.name))
        pair = build_pair(path.stem, old_r, seed=seed + len(results))
        if pair is None:
            continue
        new_r = analyzer.analyze(analyzer.parse_text(pair.new_text, name=path.name))
        res = score_pair(pair, old_r, new_r)
        res["doc_id"] = path.stem
        results.append(res)
        if verbose:
            print(path.stem[:50], res["ok_old"], "/", res["old_units"], res["false"], "/", res["clean"],
                  {k: sum(v) for k, v in res["found"].items()}, res["wrong"][:2], res["false_examples"],
                  file=sys.stderr)
    return summarise(results)


def summarise(results: list[dict]) -> dict[str, object]:  # type: ignore[type-arg]
    found: dict[str, list[bool]] = defaultdict(list)
    for r in results:
        for k, v in r["found"].items():
            found[k].extend(v)
    injected = [b for k, v in found.items() for b in v]
    one = [hit for r in results for hit, _ in r["one_sided"]]
    resolvable = [hit for r in results for hit, ok in r["one_sided"] if ok]
    return {
        "pairs": len(results),
        "old_units": sum(r["old_units"] for r in results),
        "alignment_old": sum(r["ok_old"] for r in results) / max(1, sum(r["old_units"] for r in results)),
        "alignment_new": sum(r["ok_new"] for r in results) / max(1, sum(r["new_units"] for r in results)),
        "edits": len(injected),
        "edit_recall": sum(injected) / max(1, len(injected)),
        "edit_recall_by_kind": {k: [sum(v), len(v)] for k, v in sorted(found.items())},
        "untouched_units": sum(r["clean"] for r in results),
        "false_change_rate": sum(r["false"] for r in results) / max(1, sum(r["clean"] for r in results)),
        "one_sided_injected": len(one),
        "one_sided_recall": sum(one) / max(1, len(one)),
        "one_sided_recall_party_found": sum(resolvable) / max(1, len(resolvable)),
        "compare_seconds_median": statistics.median(r["seconds"] for r in results) if results else 0.0,
        "compare_seconds_max": max((r["seconds"] for r in results), default=0.0),
    }


LABELS = ROOT / "bench" / "labels" / "compare_real_changes.jsonl"
HELD_OUT = ("Design-Partner-Agreement", "Partnership-Agreement")


def real_items(data: Path) -> list[dict]:  # type: ignore[type-arg]
    """Every change reported on real version pairs (consecutive, one apart, first to last) of each form."""
    def flat(t: str) -> str:
        return " ".join(t.split())

    analyzer = leverage_lens.Analyzer()
    items = []
    for form_dir in sorted(p for p in (data / "versions").iterdir() if p.is_dir()):
        files = sorted(form_dir.glob("*.md"))
        reports = {f: analyzer.analyze(f) for f in files}
        pairs = list(dict.fromkeys([*zip(files, files[1:]), *zip(files, files[2:]),
                                    *([(files[0], files[-1])] if len(files) > 2 else [])]))
        for fa, fb in pairs:
            comp = compare_reports(reports[fa], reports[fb])
            for ch in comp.clauses:
                if ch.status == "unchanged" and not ch.edits:
                    continue
                base = {"form": form_dir.name, "old": fa.name[:2], "new": fb.name[:2], "status": ch.status,
                        "clause": ch.label}
                if ch.status in ("added", "deleted") or not ch.edits:
                    items.append({**base, "kind": ch.status,
                                  "old_text": flat(comp.old_text[ch.old[0].start:ch.old[-1].end])[:200] if ch.old else "",
                                  "new_text": flat(comp.new_text[ch.new[0].start:ch.new[-1].end])[:200] if ch.new else ""})
                for e in ch.edits:
                    items.append({**base, "kind": e.op, "old_text": flat(e.old_text)[:160],
                                  "new_text": flat(e.new_text)[:160]})
    return items


def score_real(data: Path) -> dict[str, object]:
    """Share of reported changes on real version pairs that the hand labels call right."""
    def key(r: dict) -> tuple:  # type: ignore[type-arg]
        return (r["form"], r["old"], r["new"], r["kind"], r["old_text"], r["new_text"])

    labels = {key(r): r for r in map(json.loads, LABELS.open(encoding="utf-8"))}
    items = real_items(data)
    judged = [labels[key(r)] for r in items if key(r) in labels]
    out: dict[str, object] = {"reported": len(items), "labelled": len(judged),
                              "unlabelled": len(items) - len(judged)}
    for part, rows in (("all", judged), ("held_out", [r for r in judged if r["form"] in HELD_OUT]),
                       ("dev", [r for r in judged if r["form"] not in HELD_OUT])):
        out[f"right_{part}"] = round(sum(r["right"] for r in rows) / max(1, len(rows)), 4)
        out[f"n_{part}"] = len(rows)
    return out


def speed(data: Path, pages: int = 50) -> dict[str, float]:
    """compare_reports on two ~50-page contracts (analysis excluded): the longest CUAD texts near that size,
    their new version built by bench/compare_synth.py; best of 5 runs, one process (one core)."""
    import timeit

    import pypdfium2

    analyzer = leverage_lens.Analyzer()
    counts = {}
    for pdf in sorted((data / "cuad" / "pdf").glob("*.pdf")):
        doc = pypdfium2.PdfDocument(pdf)
        counts[pdf.stem] = len(doc)
        doc.close()
    paths = sorted((data / "cuad" / "txt").glob("*.txt"), key=lambda p: (abs(counts.get(p.stem, 0) - pages), p.name))
    for path in paths:
        text = path.read_text(encoding="utf-8")
        old_r = analyzer.analyze(analyzer.parse_text(text, name=path.name))
        pair = build_pair(path.stem, old_r, seed=1)
        if pair is not None:
            break
    new_r = analyzer.analyze(analyzer.parse_text(pair.new_text, name=path.name))
    best = min(timeit.repeat(lambda: compare_reports(old_r, new_r), number=1, repeat=5))
    return {"doc_id": path.stem, "pdf_pages": counts.get(path.stem, 0), "characters": len(text),
            "clauses": len(old_r.document.clauses), "new_clauses": len(new_r.document.clauses),
            "seconds_best_of_5": round(best, 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pairs", type=int, default=60)
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--json", type=Path)
    ap.add_argument("-v", "--verbose", action="store_true")
    ap.add_argument("--real", action="store_true", help="score the hand labels on real version pairs instead")
    ap.add_argument("--speed", action="store_true", help="time a ~50-page pair instead")
    args = ap.parse_args()
    if args.real:
        summary = score_real(args.data)
    elif args.speed:
        summary = speed(args.data)
    else:
        summary = run(args.data, args.pairs, args.seed, args.verbose)
    print(json.dumps(summary, indent=2))
    if args.json:
        args.json.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
