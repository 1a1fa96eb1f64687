"""The brief of every shared Word form (../shared/data/docx/templates), one block per form: governing law,
forum, dates, term, renewal, signatories and the number of deadlines.

Forms are where placeholders, labels filled in elsewhere ("the Chosen Courts", "Cover Terms") and example
text ("for example, ... dated January 1, 2022") live: read the output for values that are not values. No gold
labels: it is a reading aid, compared by eye (or with ``diff``) before and after a change (issue 15).

    python bench/brief_forms.py > forms.txt
"""

from __future__ import annotations

import argparse
from pathlib import Path

from leverage_lens import analyze
from leverage_lens.model import KeyTerm

ROOT = Path(__file__).resolve().parents[1]


def _v(t: KeyTerm | None) -> tuple[str | None, str | None, str] | None:
    return None if t is None else (t.value, t.detail, " ".join(t.text.split())[:70])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "docx" / "templates")
    args = ap.parse_args(argv)
    for path in sorted(args.data.rglob("*.docx")):
        name = "/".join(path.parts[-2:])
        if "restrictive-covenant-" in name and not any(s in name for s in ("colorado", "california")):
            continue  # fifty states of one form: two are enough
        report = analyze(path, as_of="2024-01-01")
        b = report.summary.brief
        if b is None:
            continue
        r = b.renewal
        out = {"law": _v(b.governing_law), "forum": _v(b.forum), "agr": _v(b.agreement_date),
               "eff": _v(b.effective_date), "term": b.term and (b.term.kind, b.term.length, b.term.ends, b.term.linked_to),
               "exp": _v(b.expiration_date),
               "ren": r and (r.automatic, r.term.value, r.term.detail, r.notice and r.notice.value),
               "sig": [s.value for s in b.signatories], "dl": len(report.deadlines)}
        print("==", name)
        for k, x in out.items():
            if x:
                print("   ", k, x)


if __name__ == "__main__":
    main()
