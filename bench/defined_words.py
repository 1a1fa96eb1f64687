"""The single words contracts define as terms ("Recipient", "Software", "Affiliate"), counted over the tuning
CUAD texts of :mod:`drafting_sets` (never the held-out ones), for ``ambiguity.term_undefined``: a capitalised word
that many contracts define is an ordinary word made a term, not a name, even where one contract never writes it
in lower case. Writes ``leverage_lens/checks/ambiguity/_defined_words.py``.

    python bench/defined_words.py [--min-contracts 5]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import drafting_sets

from leverage_lens.enrich.definitions import find_definitions

OUT = ROOT / "leverage_lens" / "checks" / "ambiguity" / "_defined_words.py"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=drafting_sets.DATA)
    ap.add_argument("--min-contracts", type=int, default=5)
    args = ap.parse_args()
    paths = drafting_sets.cuad("tuning", args.data)
    seen: Counter[str] = Counter()
    for p in paths:
        text = p.read_text(encoding="utf-8")
        words = {d.term for d in find_definitions(text) if d.style in ("quoted", "parenthetical")
                 and " " not in d.term and d.term[:1].isupper() and d.term[1:].islower() and len(d.term) >= 4}
        seen.update(words)
    keep = sorted(w for w, n in seen.items() if n >= args.min_contracts)
    body = "\n".join(f"    {w!r}," for w in keep)
    OUT.write_text(
        f'"""Single words that at least {args.min_contracts} of the {len(paths)} tuning CUAD contracts define as terms '
        "(quoted), written by\n``bench/defined_words.py``: ordinary words made terms, never names, even where a "
        'contract never writes one\nin lower case (``ambiguity.term_undefined``)."""\n\n'
        f"DEFINED_WORDS = frozenset({{\n{body}\n}})\n", encoding="utf-8")
    print(f"{len(keep)} words defined in >= {args.min_contracts} of {len(paths)} tuning contracts -> {OUT}")


if __name__ == "__main__":
    main()
