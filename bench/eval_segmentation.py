"""How well clause boundaries agree with what lawyers marked as one clause (CUAD spans).

For every labelled CUAD span of at least 40 characters (``spans.jsonl``, located spans only), the span
counts as *kept whole* when it lies inside one clause of at most 4,000 characters. The span's own leading
and trailing white space is ignored. Reported: the share kept whole, overall and per category; why the
others fail (cut by a boundary, or only inside an over-long clause); and the speed.

``--source txt`` (default) parses the published text files with ``parse_text``, where the span offsets
apply directly. ``--source pdf`` parses the PDFs with ``parse`` and finds each span in the PDF text: both
texts are compared with white space collapsed and curly quotes, dashes and ligatures folded; spans that
cannot be found verbatim that way are counted separately as "not located" and left out of the share.

    python bench/eval_segmentation.py [--source txt|pdf] [--data ../shared/data] [--limit N] [--worst 10]
"""

from __future__ import annotations

import argparse
import bisect
import collections
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens  # noqa: E402

MAX_CLAUSE = 4000
MIN_SPAN = 40


def load_spans(data: Path) -> dict[str, list[dict]]:
    spans: dict[str, list[dict]] = collections.defaultdict(list)
    with open(data / "cuad" / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["start"] is None or row["end"] - row["start"] < MIN_SPAN:
                continue
            spans[row["doc_id"]].append(row)
    return spans


_FOLD = str.maketrans({"\u201c": '"', "\u201d": '"', "\u2018": "'", "\u2019": "'", "\u2013": "-",
                       "\u2014": "-", "\u00a0": " ", "\ufb01": "fi", "\ufb02": "fl", "\u00ad": ""})


def folded(text: str) -> tuple[str, list[int]]:
    """Text with white space collapsed and typography folded, and each folded character's source offset."""
    out: list[str] = []
    where: list[int] = []
    space = False
    for i, ch in enumerate(text):
        mapped = ch.translate(_FOLD)
        if not mapped:
            continue
        if mapped.isspace():
            if not space and out:
                out.append(" ")
                where.append(i)
            space = True
            continue
        space = False
        for m in mapped:
            out.append(m)
            where.append(i)
    return "".join(out), where


def locate(pdf_folded: str, pdf_where: list[int], span_text: str, hint: int) -> tuple[int, int] | None:
    needle, _ = folded(span_text.strip())
    if not needle:
        return None
    at = pdf_folded.find(needle, max(0, hint - 20000))
    if at < 0:
        at = pdf_folded.find(needle)
    if at < 0:
        return None
    return pdf_where[at], pdf_where[at + len(needle) - 1] + 1


def kept_whole(clauses: list[tuple[int, int]], starts: list[int], start: int, end: int) -> str:
    """'ok', 'cut' (no clause holds it) or 'long' (only clauses over the size limit hold it)."""
    i = bisect.bisect_right(starts, start)
    holders = [c for c in clauses[:i] if c[0] <= start and end <= c[1]]
    if not holders:
        return "cut"
    if any(c[1] - c[0] <= MAX_CLAUSE for c in holders):
        return "ok"
    return "long"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--source", choices=("txt", "pdf"), default="txt")
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--worst", type=int, default=10)
    ap.add_argument("--write", type=Path, default=None, help="write a markdown summary to this file")
    args = ap.parse_args()

    spans = load_spans(args.data)
    docs = sorted(spans)[: args.limit] if args.limit else sorted(spans)
    outcome: collections.Counter[str] = collections.Counter()
    per_cat: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    per_doc: list[tuple[float, str, int]] = []
    chars = 0
    seconds = 0.0
    sizes: list[int] = []
    unlocated = 0
    pages = 0
    for doc_id in docs:
        text = (args.data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        if args.source == "pdf":
            doc = leverage_lens.parse(args.data / "cuad" / "pdf" / f"{doc_id}.pdf")
            pdf_folded, pdf_where = folded(doc.text)
        else:
            doc = leverage_lens.parse_text(text, name=doc_id)
        seconds += time.perf_counter() - t0
        chars += len(doc.text)
        pages += len(doc.pages)
        clauses = sorted((c.start, c.end) for c in doc.clauses)
        starts = [c[0] for c in clauses]
        sizes.extend(c.end - c.start for c in doc.clauses)
        ok = 0
        for row in spans[doc_id]:
            s, e = row["start"], row["end"]
            seg = text[s:e]
            s += len(seg) - len(seg.lstrip())
            e -= len(seg) - len(seg.rstrip())
            if args.source == "pdf":
                found = locate(pdf_folded, pdf_where, text[s:e], int(s * len(pdf_folded) / max(len(text), 1)))
                if found is None:
                    unlocated += 1
                    continue
                s, e = found
            result = kept_whole(clauses, starts, s, e)
            outcome[result] += 1
            per_cat[row["category"]][result] += 1
            ok += result == "ok"
        per_doc.append((ok / max(len(spans[doc_id]), 1), doc_id, len(spans[doc_id])))

    total = sum(outcome.values())
    share = outcome["ok"] / total
    lines = [
        f"documents: {len(docs)}  spans (>= {MIN_SPAN} chars): {total}",
        f"kept whole in one clause <= {MAX_CLAUSE} chars: {share:.3f}  (cut by a boundary: "
        f"{outcome['cut'] / total:.3f}, only in over-long clauses: {outcome['long'] / total:.3f})",
        f"source: {args.source}" + (f"  spans not located in the PDF text: {unlocated}" if args.source == "pdf" else ""),
        f"speed ({'parse' if args.source == 'pdf' else 'parse_text'}): {chars / seconds / 1e6:.2f} M chars/s"
        + (f", {pages / seconds:.0f} pages/s" if args.source == "pdf" else "") + f" over {chars / 1e6:.1f} M chars",
        f"median clause length: {statistics.median(sizes):.0f} chars",
        "",
        "| category | spans | kept whole |",
        "|---|---:|---:|",
    ]
    for cat, cnt in sorted(per_cat.items(), key=lambda kv: -sum(kv[1].values())):
        n = sum(cnt.values())
        lines.append(f"| {cat} | {n} | {cnt['ok'] / n:.3f} |")
    print("\n".join(lines))
    print("\nworst documents:")
    for frac, doc_id, n in sorted(per_doc)[: args.worst]:
        print(f"  {frac:.2f}  ({n:3d} spans)  {doc_id}")
    if args.write:
        args.write.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
