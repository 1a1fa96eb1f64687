"""CUAD as the tagger's training and evaluation data: contracts, gold spans, the split, unit labels.

The split is by contract and deterministic: a contract's part comes from a hash of its ``doc_id``, so it
never changes between runs, machines or Python versions, and a contract added later does not move the
others. ``held-out`` (20%) is for evaluation only; ``dev`` (15%, part of the training side) calibrates
confidences and measures rule precision; ``train`` (65%) fits the model.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from ..errors import DataSetError
from ..taxonomy import CUAD_IGNORED, Taxonomy, default

__all__ = ["Contract", "CuadDataError", "GoldSpan", "Part", "load_cuad", "part_of", "read_split", "unit_labels"]

Part = Literal["train", "dev", "held-out"]


class CuadDataError(DataSetError):
    """The CUAD folder is missing or not laid out as expected (``txt/``, ``spans.jsonl``)."""


@dataclass(frozen=True)
class GoldSpan:
    start: int
    end: int
    category: str  # taxonomy category id
    cuad: str  # CUAD label


@dataclass(frozen=True)
class Contract:
    doc_id: str
    text: str
    spans: tuple[GoldSpan, ...]


def part_of(doc_id: str) -> Part:
    """The deterministic part of a contract: 20% held-out, 15% dev, 65% train."""
    bucket = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest()[:8], 16) % 100
    if bucket < 20:
        return "held-out"
    if bucket < 35:
        return "dev"
    return "train"


def _cuad_dir(path: Path) -> Path:
    for candidate in (path, path / "cuad"):
        if (candidate / "spans.jsonl").is_file() and (candidate / "txt").is_dir():
            return candidate
    raise CuadDataError(f"{path} is not a CUAD folder: expected spans.jsonl and txt/ in it or in {path / 'cuad'}")


def load_cuad(path: str | Path, *, parts: Iterable[Part] | None = None, limit: int | None = None,
              taxonomy: Taxonomy | None = None, split: Mapping[str, Part] | None = None) -> Iterator[Contract]:
    """Contracts of ``path`` (the CUAD folder or its parent), in doc_id order, with located gold spans.

    ``parts`` keeps only contracts of those parts of the split (``split``, doc_id -> part, when given;
    contracts it does not list are left out; else :func:`part_of`); ``limit`` stops after that many.
    """
    root = _cuad_dir(Path(path))
    mapping = (taxonomy or default()).cuad
    wanted = set(parts) if parts is not None else None
    spans: dict[str, list[GoldSpan]] = defaultdict(list)
    with open(root / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["start"] is None or row["category"] in CUAD_IGNORED or row["category"] not in mapping:
                continue
            spans[row["doc_id"]].append(GoldSpan(row["start"], row["end"], mapping[row["category"]], row["category"]))
    n = 0
    for txt in sorted((root / "txt").glob("*.txt")):
        doc_id = txt.stem
        part = split.get(doc_id) if split is not None else part_of(doc_id)
        if part is None or (wanted is not None and part not in wanted):
            continue
        if limit is not None and n >= limit:
            return
        n += 1
        yield Contract(doc_id, txt.read_text(encoding="utf-8"), tuple(spans.get(doc_id, ())))


def read_split(path: str | Path) -> dict[str, Part]:
    """A split file: JSON ``{"train": [doc_id, ...], "held-out": [...], "dev": [...]}``.

    Without a ``dev`` list, the dev contracts are taken from ``train`` by :func:`part_of`'s hash.
    """
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
        out: dict[str, Part] = {}
        for doc_id in raw.get("train", []):
            out[doc_id] = "dev" if "dev" not in raw and part_of(doc_id) == "dev" else "train"
        for doc_id in raw.get("dev", []):
            out[doc_id] = "dev"
        for doc_id in raw["held-out"]:
            out[doc_id] = "held-out"
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise CuadDataError(f"cannot read split file {path}: expected JSON with 'train' and 'held-out' lists") from exc
    return out


def unit_labels(start: int, end: int, spans: Iterable[GoldSpan]) -> set[str]:
    """Categories whose gold spans substantially overlap ``[start, end)``: the unit's training labels.

    Substantially: by at least 40 characters or half of the shorter of the two, so a span that spills a
    few characters of white space into the next clause does not label it.
    """
    out: set[str] = set()
    for g in spans:
        overlap = min(end, g.end) - max(start, g.start)
        if overlap > 0 and overlap >= min(40, 0.5 * min(end - start, g.end - g.start)):
            out.add(g.category)
    return out
