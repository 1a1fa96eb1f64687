"""Parties found by leverage_lens.enrich.find_parties, scored against CUAD's "Parties" answers.

Gold: every CUAD "Parties" span whose text is a name or alias (at most 60 characters after stripping quotes
and brackets, and not a sentence such as 'X and Y are referred to as a "Party"'). Names are compared after
lower-casing, dropping punctuation, a leading "the" and trailing legal suffixes (``norm``; a span listing
several quoted aliases, '"we," "us," or the "Company"', is each of them); a gold name counts as found when
it equals, contains or is contained in (>= 3 characters, whole words) a name or alias of a *principal*
party we report, or matches one with rapidfuzz ratio >= 85. Precision: a reported principal party is right
when its name or one of its aliases matches any CUAD "Parties" span the same way (noise such as "Delaware
Corporation" or a defined term taken for a party counts against it). Parties reported with
``principal=False`` (entities a contract only names) are not scored.

Contracts are split by ``leverage_lens.evaluate.data.part_of``: rules were tuned on train/dev only; the
held-out part is read and reported only with ``--held-out`` (so tuning runs never see it). ``--pdf`` reads
each contract's PDF with the default engine instead of CUAD's text (``--cache DIR`` keeps those texts). ``--labels`` scores bench/labels/parties_gold.jsonl (``--set dev`` while tuning; ``--set test``
once, at the end): a document is fully right when every labelled principal party is found, none extra,
and every labelled role is right; figures are also given per source and per labelling batch (dev batch 1 was
tuned on from the start, batches 2-5 were each read once before any fix made for them), with a signatory
diagnostic (labelled signers found on their party; signers reported that the labels do not give that party).

    python bench/eval_parties.py [--data ../shared/data] [--pdf [--cache DIR]] [--limit N] [--misses 20] [--held-out]
    python bench/eval_parties.py --labels --set dev [--batch N] [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import re
import time
from collections import defaultdict
from pathlib import Path

from rapidfuzz import fuzz

from leverage_lens.enrich.parties import find_parties
from leverage_lens.enrich.parties import norm as _norm
from leverage_lens.evaluate.data import part_of

ROOT = Path(__file__).resolve().parents[1]


def norm(s: str) -> str:
    """The comparison key: quotes and brackets dropped, a leading "the" dropped (so 'the "Company"' is the
    alias "Company", not "the" once the suffix word goes), then ``leverage_lens``'s ``norm``."""
    flat = re.sub(r"^\s*the\s+", "", re.sub(r"[\"\u201c\u201d()]", " ", s).strip(), flags=re.IGNORECASE)
    return _norm(flat)


_QUOTED = re.compile(r"[\"\u201c\u201d]([^\"\u201c\u201d]{1,60})[\"\u201c\u201d]")


def variants(gold: str) -> list[str]:
    """A CUAD span naming several aliases at once ('"we," "us," the "Company," or "The Joint Corp."'):
    each quoted alias is a right answer; any other span is one name."""
    quoted = [q.strip(" ,.") for q in _QUOTED.findall(gold)]
    return quoted if len(quoted) >= 2 else [gold]


def is_name(s: str) -> bool:
    flat = " ".join(s.split()).strip(" ,.:;\"\u201c\u201d()")
    words = set(norm(flat).split())
    return 0 < len(flat) <= 60 and "referred to" not in flat.lower() and not words & {"party", "parties"}


def _contains(a: str, b: str) -> bool:
    return f" {a} " in f" {b} "


def hit(gold: str, names: list[str]) -> bool:
    for variant in variants(gold):
        g = norm(variant)
        if not g:
            return True
        for n in names:
            if g == n or (len(n) >= 3 and (_contains(n, g) or _contains(g, n))) or fuzz.ratio(g, n) >= 85:
                return True
    return False


def _text(args: argparse.Namespace, doc_id: str) -> str:
    if args.pdf:
        import leverage_lens as ll

        cached = args.cache / f"{doc_id}.txt" if args.cache else None
        if cached is not None and cached.exists():
            return cached.read_text(encoding="utf-8")
        text = ll.parse(args.data / "cuad" / "pdf" / f"{doc_id}.pdf").text
        if cached is not None:
            cached.parent.mkdir(parents=True, exist_ok=True)
            cached.write_text(text, encoding="utf-8")
        return text
    return (args.data / "cuad" / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")


def cuad(args: argparse.Namespace) -> None:
    gold: dict[str, list[str]] = defaultdict(list)
    gold_all: dict[str, list[str]] = defaultdict(list)  # every Parties span, for precision
    for line in (args.data / "cuad" / "spans.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        if r["category"] == "Parties" and r["text"]:
            gold_all[r["doc_id"]].append(r["text"])
            if is_name(r["text"]):
                gold[r["doc_id"]].append(r["text"])
    docs = [d for d in sorted(gold)[: args.limit or None] if args.held_out or part_of(d) != "held-out"]
    stats = {p: defaultdict(float) for p in ("train/dev", "held-out")}
    misses, extras = [], []
    for doc_id in docs:
        s = stats["held-out" if part_of(doc_id) == "held-out" else "train/dev"]
        text = _text(args, doc_id)
        t0 = time.perf_counter()
        parties = find_parties(text)
        s["seconds"] += time.perf_counter() - t0
        s["chars"] += len(text)
        s["docs"] += 1
        principal = [p for p in parties if p.principal]
        names = [norm(x) for p in principal for x in (p.name, *p.aliases)]
        all_gold = [norm(x) for x in gold_all[doc_id]]
        for p in principal:
            s["reported"] += 1
            ok = any(hit(g, [norm(x)]) for g in all_gold if g for x in (p.name, *p.aliases) if norm(x))
            s["right"] += ok
            if not ok:
                extras.append((doc_id, p.name, p.aliases[:3]))
        for g in gold[doc_id]:
            s["gold"] += 1
            if hit(g, names):
                s["found"] += 1
            else:
                misses.append((doc_id, g, [p.name for p in principal]))
    print(f"source: {'PDF, default engine' if args.pdf else 'CUAD txt'}")
    for part, s in stats.items():
        if not s["docs"] or (part == "held-out" and not args.held_out):
            continue
        print(f"{part:9s} documents {int(s['docs'])}  gold names {int(s['gold'])}  recall "
              f"{s['found'] / max(s['gold'], 1):.3f}  reported principal parties {int(s['reported'])}  precision "
              f"{s['right'] / max(s['reported'], 1):.3f}")
    chars = sum(s["chars"] for s in stats.values())
    secs = sum(s["seconds"] for s in stats.values())
    print(f"find_parties: {secs:.2f} s over {chars:,.0f} chars ({chars / max(secs, 1e-9) / 1e6:.1f} M chars/s)")
    for m in misses[: args.misses]:
        if part_of(m[0]) != "held-out":
            print("MISS", m)
    for e in extras[: args.misses]:
        if part_of(e[0]) != "held-out":
            print("EXTRA", e)


def lnorm(s: str | None) -> str:
    """The labels' name key (bench/labels/PARTIES_LABELS.md): NFKD without accents, casefold, & -> and,
    punctuation dropped, a leading "the" dropped, trailing legal suffixes stripped repeatedly."""
    import unicodedata

    if not s:
        return ""
    s = "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).casefold()
    s = s.replace("&", " and ")
    s = " ".join(re.sub(r"[^\w\s{}\[\]*]|_", " ", s).split())
    s = re.sub(r"^the ", "", s)
    while True:
        t = _LSUFFIX.sub("", s).strip()
        if t == s:
            return s
        s = t


_LSUFFIX = re.compile(r"\s+(?:inc|incorporated|corp|corporation|co|company|llc|l l c|ltd|limited|plc|lp|l p|llp|"
                      r"gmbh|ag|sa|s a|sas|sarl|s a r l|bv|nv|pte|gie|sp z o o)$")


def _is_blank(name: str) -> bool:
    return bool(re.fullmatch(r"\s*(?:\{[^{}]*\}|\[[^\[\]]*\])\s*", name or ""))


def _match(p, g: dict) -> int:
    """How strongly predicted party ``p`` matches gold party ``g`` (0: not at all)."""
    pn = lnorm(p.name)
    if g.get("name"):
        names = {lnorm(g["name"]), *(lnorm(v) for v in g.get("name_variants") or [])}
        return 3 if pn in names else 0
    blanks = {lnorm(x) for x in (g.get("placeholder"), *(g.get("other_placeholders") or [])) if x}
    if pn and pn in blanks:
        return 3
    roles = {lnorm(r) for r in (g.get("role"), *(g.get("role_alternatives") or [])) if r}
    if (not pn or _is_blank(p.name) or pn == lnorm(p.role)) and p.role and lnorm(p.role) in roles:
        return 2
    return 0


def _role_right(p, g: dict) -> bool:
    ok = {lnorm(r) if r else None for r in (g.get("role"), *(g.get("role_alternatives") or []))}
    return (lnorm(p.role) if p.role else None) in ok


def score_document(gold: list[dict], got: list) -> tuple[bool, str]:
    """Greedy one-to-one matching by strength, ties broken by role; fully right = all matched, none extra,
    roles right (bench/labels/PARTIES_LABELS.md)."""
    pairs = sorted(((_match(p, g) + 0.5 * _role_right(p, g), i, j) for i, p in enumerate(got)
                    for j, g in enumerate(gold) if _match(p, g)), reverse=True)
    used_p: set[int] = set()
    used_g: dict[int, int] = {}
    for _, i, j in pairs:
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g[j] = i
    why = []
    missing = [g.get("name") or g.get("placeholder") or g.get("role") for j, g in enumerate(gold) if j not in used_g]
    extra = [p.name for i, p in enumerate(got) if i not in used_p]
    roles = [(got[i].name, got[i].role, gold[j].get("role")) for j, i in used_g.items()
             if not _role_right(got[i], gold[j])]
    if missing:
        why.append(f"missing {missing}")
    if extra:
        why.append(f"extra {extra}")
    if roles:
        why.append(f"roles (found, want) {roles}")
    return not why, "; ".join(why)


def _sig_key(s: str) -> str:
    return " ".join(re.sub(r"[^\w ]", " ", s.lower()).split())


def _label_text(args: argparse.Namespace, doc: str) -> str:
    """The document's text as ``leverage_lens.parse`` reads it (kept under ``--cache`` for re-runs)."""
    import leverage_lens as ll

    cached = args.cache / "labels" / (doc.replace("/", "__") + ".txt") if args.cache else None
    if cached is not None and cached.exists():
        return cached.read_text(encoding="utf-8")
    text = ll.parse(args.data / doc).text
    if cached is not None:
        cached.parent.mkdir(parents=True, exist_ok=True)
        cached.write_text(text, encoding="utf-8")
    return text


def labels(args: argparse.Namespace) -> None:
    """Per document: every labelled principal party found, none extra, roles right. Diagnostics: the
    labelled signatories found on the matched party, and signatories reported that the labels give to
    another person (wrong), over documents whose labels name signatories."""
    path = ROOT / "bench" / "labels" / "parties_gold.jsonl"
    rows = [json.loads(x) for x in path.open(encoding="utf-8") if x.strip()]
    rows = [r for r in rows if r["set"] == args.set and (not args.batch or r.get("batch", 1) == args.batch)]
    right: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sigs = [0, 0, 0]  # labelled, found, wrong
    for r in rows:
        got = [p for p in find_parties(_label_text(args, r["doc"])) if p.principal]
        ok, why = score_document(r["parties"], got)
        for key in (r["source"], *([f"batch {r.get('batch', 1)}"] if args.set == "dev" else [])):
            right[key][0] += ok
            right[key][1] += 1
        if not ok and args.set == "dev":
            print("WRONG", r["doc"].split("/")[-2 if r["source"] == "docx" else -1][:60], why)
        for g in r["parties"]:
            p = next((p for p in got if _match(p, g)), None)
            want = {_sig_key(s["name"]) for s in g.get("signatories") or []}
            sigs[0] += len(want)
            if p is None or not want:
                continue
            have = {_sig_key(s.name) for s in p.signatories if s.name}
            sigs[1] += len(want & have)
            sigs[2] += sum(1 for h in have if not any(h in w or w in h for w in want))
    total = sum(v[0] for k, v in right.items() if not k.startswith("batch")), \
        sum(v[1] for k, v in right.items() if not k.startswith("batch"))
    detail = "  ".join(f"{k} {v[0]}/{v[1]}" for k, v in sorted(right.items()))
    print(f"set {args.set}: documents fully right {total[0]}/{total[1]} ({total[0] / max(total[1], 1):.3f})  {detail}")
    print(f"signatories (diagnostic): {sigs[1]}/{sigs[0]} labelled signers found on their party, "
          f"{sigs[2]} reported signers the labels give to nobody on that party")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--pdf", action="store_true", help="read CUAD PDFs with the default engine")
    ap.add_argument("--limit", type=int, default=0)
    ap.add_argument("--misses", type=int, default=0)
    ap.add_argument("--labels", action="store_true", help="score bench/labels/parties_gold.jsonl")
    ap.add_argument("--set", default="dev", choices=["dev", "test"])
    ap.add_argument("--batch", type=int, default=0, help="with --labels --set dev: only this labelling batch")
    ap.add_argument("--held-out", action="store_true",
                    help="also print the held-out CUAD figures (look once, at the end: rules are tuned without it)")
    ap.add_argument("--cache", type=Path,
                    help="keep the texts read with --pdf or --labels here (re-runs skip parsing)")
    args = ap.parse_args()
    labels(args) if args.labels else cuad(args)


if __name__ == "__main__":
    main()
