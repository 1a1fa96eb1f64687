"""Which contracts the drafting checks (issue 14) are tuned on and which they are judged on, fixed before tuning.

* **held-out** (judged on, never read while tuning): the CUAD contracts that
  :func:`leverage_lens.evaluate.data.part_of` puts in the held-out part *and* that no earlier drafting review
  read (``bench/labels/ambiguity_review*.jsonl``: those count as tuned on), plus the DOCX forms whose path
  under ``docx/templates`` falls in the held-out part.
* **tuning**: every other CUAD contract (train and dev parts, and the held-out contracts the earlier reviews
  read), every other DOCX form, and the Common Paper Markdown versions.

The hand review (``bench/review_drafting.py``) and the defect injection of ``bench/eval_ambiguity.py --set
held-out`` read only the held-out set; rules are tuned on the tuning set alone.
"""

from __future__ import annotations

import json
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
REVIEWED = sorted((ROOT / "bench" / "labels").glob("ambiguity_review*.jsonl"))


def _doc_ids(data: Path) -> dict[str, str]:
    out = {}
    with open(data / "cuad" / "contracts.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            out[Path(row["txt"]).name] = row["doc_id"]
    return out


def earlier_reviewed() -> set[str]:
    """CUAD file names an earlier drafting review read (tuned on)."""
    out: set[str] = set()
    for path in REVIEWED:
        if "issue14" in path.name:  # this issue's own labels are on the held-out set
            continue
        with open(path, encoding="utf-8") as fh:
            out.update(json.loads(line)["doc"] for line in fh if line.strip())
    return out


def cuad(part: str, data: Path = DATA) -> list[Path]:
    """CUAD texts of ``part`` ("held-out" or "tuning"), sorted by name."""
    from leverage_lens.evaluate.data import part_of

    ids = _doc_ids(data)
    seen = earlier_reviewed()
    paths = sorted((data / "cuad" / "txt").glob("*.txt"))
    held = [p for p in paths if part_of(ids.get(p.name, p.stem)) == "held-out" and p.name not in seen]
    if part == "held-out":
        return held
    return [p for p in paths if p not in set(held)]


def docx(part: str, data: Path = DATA) -> list[Path]:
    """DOCX forms of ``part`` ("held-out" or "tuning"), sorted by path."""
    from leverage_lens.evaluate.data import part_of

    root = data / "docx" / "templates"
    paths = sorted(root.rglob("*.docx"))
    held = [p for p in paths if part_of(str(p.relative_to(root))) == "held-out"]
    return held if part == "held-out" else [p for p in paths if p not in set(held)]


def markdown(data: Path = DATA) -> list[Path]:
    """The Common Paper Markdown versions (tuning only)."""
    return sorted((data / "versions").rglob("*.md"))


if __name__ == "__main__":
    for part in ("held-out", "tuning"):
        print(part, len(cuad(part)), "CUAD texts,", len(docx(part)), "DOCX forms")
