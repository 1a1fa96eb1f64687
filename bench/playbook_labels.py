"""Turn the compact playbook labels (bench/labels/playbook_test_src.txt) into bench/labels/playbook_test.jsonl.

The compact form, one block per contract (protocol: bench/labels/PLAYBOOK_LABELS.md)::

    DOC cuad:<doc_id> | docx:<form>
    CUST <the customer party, as the contract names it>
    SUPP <the supplier party>
    C cap=met lim=not ipi=miss ind=met tfc=miss ren=na law=not exc=miss price=miss pay=met
    S cap=... cons=... ind=... tfc=... pay=... law=... exc=... mfn=... ip=...
    N conf=... sol=... comp=... ip=... ld=... law=...
    K <clause key>=<a snippet of the clause a reviewer would redline>
    NOTE <C|S|N>.<key>=<why, for a hard call>

Statuses: met, not (not_met), miss (missing), na (not_applicable).

    python bench/playbook_labels.py [--src ...] [--out ...]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATUS = {"met": "met", "not": "not_met", "miss": "missing", "na": "not_applicable"}
POSITIONS = {
    "C": ("customer", {"cap": "supplier-cap-floor", "lim": "mutual-limitations", "ipi": "supplier-ip-indemnity",
                       "ind": "our-indemnity-scope", "tfc": "no-supplier-convenience-termination",
                       "ren": "short-renewals", "law": "governing-law", "exc": "no-exclusivity-on-us",
                       "price": "no-unilateral-price-increase", "pay": "payment-period"}),
    "S": ("supplier", {"cap": "our-liability-capped", "cons": "consequential-exclusion", "ind": "our-indemnity-scope",
                       "tfc": "no-customer-convenience-termination", "pay": "payment-within-45-days",
                       "law": "governing-law", "exc": "no-exclusivity-on-us", "mfn": "no-most-favoured-pricing",
                       "ip": "we-keep-our-ip"}),
    "N": ("nda", {"conf": "mutual-confidentiality", "sol": "no-non-solicit", "comp": "no-non-compete",
                  "ip": "no-ip-assignment", "ld": "no-liquidated-damages", "law": "governing-law"}),
}
#: Which labelled clause (K key) each position's closest clause must find.
CLAUSE_OF = {
    "C": {"cap": "cap", "lim": "lim", "ipi": "ind_s", "ind": "ind_c", "tfc": "tfc", "ren": "ren", "law": "law",
          "exc": "exc", "price": "price", "pay": "pay"},
    "S": {"cap": "cap", "cons": "lim", "ind": "ind_s", "tfc": "tfc", "pay": "pay", "law": "law", "exc": "exc",
          "mfn": "mfn", "ip": "ipa"},
    "N": {"conf": "conf", "sol": "sol", "comp": "exc", "ip": "ipa", "ld": "ld", "law": "law"},
}


def convert(src: Path, partial: bool = False) -> list[dict]:
    rows: list[dict] = []
    blocks: list[dict] = []
    cur: dict | None = None
    for raw in src.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        tag, _, rest = line.partition(" ")
        if tag == "DOC":
            cur = {"doc": rest.strip(), "K": {}, "NOTE": {}}
            blocks.append(cur)
        elif cur is None:
            raise ValueError(f"line before DOC: {line}")
        elif tag in ("CUST", "SUPP"):
            cur[tag] = rest.strip()
        elif tag in POSITIONS:
            cur[tag] = dict(kv.split("=", 1) for kv in rest.split())
        elif tag == "K":
            key, _, snippet = rest.partition("=")
            cur["K"].setdefault(key.strip(), []).append(snippet.strip())
        elif tag == "NOTE":
            key, _, note = rest.partition("=")
            cur["NOTE"][key.strip()] = note.strip()
        else:
            raise ValueError(f"unknown line: {line}")
    for b in blocks:
        for side in ("C", "S", "N"):
            if side not in b:
                continue
            book, names = POSITIONS[side]
            got = b[side]
            unknown = set(got) - set(names)
            missing = set(names) - set(got)
            if unknown or (missing and not partial):
                raise ValueError(f"{b['doc']} {side}: unknown {sorted(unknown)}, missing {sorted(missing)}")
            row = {
                "doc": b["doc"], "playbook": book, "perspective": b["SUPP"] if side == "S" else b["CUST"],
                "results": {names[k]: STATUS[v] for k, v in got.items()},
                "clauses": {names[k]: b["K"][CLAUSE_OF[side][k]] for k in names if CLAUSE_OF[side][k] in b["K"]},
                "notes": {names[k.split(".", 1)[1]]: v for k, v in b["NOTE"].items() if k.startswith(side + ".")},
            }
            rows.append(row)
    return rows


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--src", type=Path, default=ROOT / "bench" / "labels" / "playbook_test_src.txt")
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "labels" / "playbook_test.jsonl")
    ap.add_argument("--partial", action="store_true",
                    help="blocks may label only some positions of a playbook (the others are not scored)")
    args = ap.parse_args()
    rows = convert(args.src, args.partial)
    args.out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    docs = len({r["doc"] for r in rows})
    print(f"wrote {args.out}: {docs} contracts, {len(rows)} rows, {sum(len(r['results']) for r in rows)} labels")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
