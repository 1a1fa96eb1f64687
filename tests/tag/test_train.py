"""The training command on a few CUAD contracts: a loadable model with cross-validated choices (slow)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import leverage_lens
from leverage_lens.tag import ClauseTagger
from leverage_lens.training.tag_weak import WEAK_CATEGORIES
from leverage_lens.training.tagger import train

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

pytestmark = [
    pytest.mark.data,
    pytest.mark.slow,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data folder not found at {DATA}"),
]


def test_training_on_a_few_contracts_writes_a_model_the_tagger_loads(tmp_path: Path) -> None:
    out = tmp_path / "tagger"
    meta = train(DATA, out, limit=20, folds=3, log=lambda _m: None)
    assert meta["training_contracts"] == 20 and meta["folds"] == 3
    saved = json.loads((out / "calibration.json").read_text(encoding="utf-8"))
    assert set(saved["contract_model"]) == set(saved["platt"]) - set(saved["weak_labels"])
    assert all(0.2 <= v <= 0.7 for v in saved["family_thresholds"].values())
    assert set(saved["weak_labels"]) <= set(WEAK_CATEGORIES) and set(saved["weak_labels"]) <= set(saved["platt"])
    assert set(saved["weak_labels"]).isdisjoint(saved["contract_model"])  # no contract model: never present unread
    card = (out / "MODEL_CARD.md").read_text(encoding="utf-8")
    assert "3 folds" in card and "## Metrics" in card
    tagger = ClauseTagger(model_path=out)
    doc = leverage_lens.parse_text("1. Term\n\nThis Agreement renews for one year unless terminated.\n")
    clauses, present = tagger.tag_document(doc.clauses, doc.text)
    assert len(clauses) == len(doc.clauses)
    assert all(0.0 < p <= 1.0 for p in present.values())
