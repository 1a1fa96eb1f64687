"""The brief's term, renewal, notice and governing law against labels written by reading the contracts
(``bench/labels/brief_hand_heldout.jsonl``), issue 15.

A second reader beside CUAD's answers: 25 held-out contracts (the first 25 of the held-out part ordered by
``sha256("kt4-hand:" + doc_id)``), labelled as a contracts lawyer reads them and committed before the brief was
run on them for this measure. The labels' vocabulary:

* ``expiration``: a date ``M/D/YYYY`` (a length from a dated start ends on its anniversary, as in CUAD);
  ``perpetual`` (no fixed end, said as such: perpetual, or until terminated); ``event`` (the term ends with an
  event or another agreement, or runs from a day the contract does not date: no date can be given); a date with
  a blank part (``[]/[]/2022``) when the draft leaves its start or end blank; empty when no term is stated;
* ``renewal``: ``N years``/``N months`` (automatic, or a party's option), ``perpetual`` (continues until
  terminated after the initial term), empty for none or renewal only by agreement;
* ``notice``: the notice that stops a renewal; empty when there is none (a notice to *exercise* an option is
  not one);
* ``governing_law``: the jurisdiction the contract chooses (an arbitration seat or a party's state of
  organisation is not one), empty when none is chosen.

The brief is right on ``event`` when it says the term is tied to an event or another agreement (``Term.kind``
``until_event``/``coterminous``) or counts from a day the contract does not date (``Term.linked_to`` with no
end); otherwise the scorer of :mod:`eval_brief` is used.

    python bench/eval_brief_hand.py [--cache DIR]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from eval_brief import BLANK, FieldScore, analyses, ours, right  # noqa: E402

from leverage_lens.brief import build_brief  # noqa: E402
from leverage_lens.model import Brief  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "bench" / "labels" / "brief_hand_heldout.jsonl"
FIELDS = {"expiration": "Expiration Date", "renewal": "Renewal Term", "notice": "Notice Period to Terminate Renewal",
          "governing_law": "Governing Law"}
EVENT = "event"


def ours_hand(brief: Brief, key: str) -> str | None:
    """The brief's value in the labels' vocabulary."""
    term = brief.term
    if key == "expiration" and term is not None and (
            term.kind in ("until_event", "coterminous") or (term.kind == "fixed" and term.linked_to and not term.ends)):
        return EVENT
    return ours(brief, FIELDS[key])


def score(rows: list[dict[str, Any]], data: Path, cache: Path | None) -> dict[str, FieldScore]:
    scores = {key: FieldScore() for key in FIELDS}
    by_id = {r["doc_id"]: r for r in rows}
    for doc_id, an in analyses(list(by_id), data, cache):
        brief = build_brief(an, [])
        for key, name in FIELDS.items():
            gold = by_id[doc_id][key]
            value = ours_hand(brief, key)
            s = scores[key]
            if gold:
                s.with_gold += 1
                ok = value == EVENT if gold == EVENT else (value != EVENT and right(name, value, gold))
                s.right += ok
                if not ok:
                    s.misses.append(f"{doc_id}: label {gold!r}, ours {value!r}")
            else:
                s.empty_gold += 1
                if value is not None:
                    s.given_on_empty += value != BLANK
                    s.misses.append(f"{doc_id}: label empty, ours {value!r}")
    return scores


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--labels", type=Path, default=LABELS)
    ap.add_argument("--cache", type=Path, help="pickled analyses (read, and written when missing)")
    args = ap.parse_args(argv)
    rows = [json.loads(line) for line in args.labels.read_text(encoding="utf-8").splitlines() if line.strip()]
    scores = score(rows, args.data, args.cache)
    print(f"{len(rows)} contracts labelled by reading ({args.labels.name})\n")
    print("| field | right / labelled with a value | value given where the label is empty |")
    print("| --- | ---: | ---: |")
    for key, s in scores.items():
        rate = s.right / s.with_gold if s.with_gold else float("nan")
        fp = s.given_on_empty / s.empty_gold if s.empty_gold else float("nan")
        print(f"| {key} | {rate:.2f} ({s.right}/{s.with_gold}) | {fp:.2f} ({s.given_on_empty}/{s.empty_gold}) |")
    for key, s in scores.items():
        for m in s.misses:
            print(f"- {key}: {m}")


if __name__ == "__main__":
    main()
