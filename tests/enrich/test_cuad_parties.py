"""CUAD's labelled party names are found (the full figure is bench/eval_parties.py)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.data


@pytest.mark.skipif(not (DATA / "cuad" / "spans.jsonl").exists(), reason="../shared/data/cuad is absent")
def test_party_recall_on_a_sample_of_cuad_contracts(capsys):
    spec = importlib.util.spec_from_file_location("eval_parties", Path(__file__).resolve().parents[2] / "bench"
                                                  / "eval_parties.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    import sys

    sys.argv = ["eval_parties.py", "--data", str(DATA), "--limit", "80"]
    mod.main()
    line = capsys.readouterr().out.splitlines()[0]
    recall = float(line.rsplit("recall", 1)[1])
    assert recall >= 0.85, line
