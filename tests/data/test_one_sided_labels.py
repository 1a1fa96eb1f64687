"""The one-sided dev label set (bench/labels/one_sided_dev.jsonl) is well formed and points at CUAD's spans."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from leverage_lens.evaluate.data import part_of
from leverage_lens.taxonomy import default

ROOT = Path(__file__).resolve().parents[2]
LABELS = ROOT / "bench" / "labels" / "one_sided_dev.jsonl"
CUAD = ROOT.parent / "shared" / "data" / "cuad"
FIELDS = {"doc_id", "part", "set", "cuad_category", "category", "start", "end", "match", "sentence_start",
          "sentence_end", "label", "favors", "burdened", "parties", "holder_words", "mirror_elsewhere", "note"}


def _rows() -> list[dict[str, object]]:
    with open(LABELS, encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def test_dev_labels_name_both_parties_for_one_sided_spans_and_none_otherwise() -> None:
    rows = _rows()
    assert len(rows) >= 300
    for row in rows:
        assert set(row) == FIELDS, row["doc_id"]
        assert row["label"] in {"one_sided", "mutual", "unclear"}
        if row["label"] == "one_sided":
            assert row["favors"] in row["parties"] and row["burdened"] in row["parties"]
            assert row["favors"] != row["burdened"]
        else:
            assert row["favors"] is None and row["burdened"] is None and row["mirror_elsewhere"] is None
        assert row["note"] and row["holder_words"]


def test_dev_labels_come_only_from_train_and_dev_contracts_with_taxonomy_ids() -> None:
    mapping = default().cuad
    for row in _rows():
        assert row["set"] == "dev"
        assert part_of(str(row["doc_id"])) == row["part"] in {"train", "dev"}
        assert mapping[str(row["cuad_category"])] == row["category"]
        assert int(row["sentence_start"]) <= int(row["start"]) < int(row["end"]) <= int(row["sentence_end"])


@pytest.mark.data
@pytest.mark.skipif(not CUAD.is_dir(), reason=f"CUAD data not found at {CUAD}")
def test_dev_label_offsets_are_cuad_spans_and_exact_ones_match_the_text() -> None:
    spec = importlib.util.spec_from_file_location("one_sided_counts", ROOT / "bench" / "labels" / "one_sided_counts.py")
    assert spec and spec.loader
    counts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(counts)
    assert counts.check_offsets(_rows(), CUAD) == []
