"""CUAD's labelled party names are found, and what is reported is a party (the full figure is
bench/eval_parties.py)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.data


@pytest.mark.skipif(not (DATA / "cuad" / "spans.jsonl").exists(), reason="../shared/data/cuad is absent")
def test_party_recall_and_precision_on_a_sample_of_cuad_contracts(capsys, monkeypatch):
    spec = importlib.util.spec_from_file_location("eval_parties", Path(__file__).resolve().parents[2] / "bench"
                                                  / "eval_parties.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)  # type: ignore[union-attr]
    monkeypatch.setattr(sys, "argv", ["eval_parties.py", "--data", str(DATA), "--limit", "80"])
    mod.main()
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("train/dev"))
    recall = float(re.search(r"recall (\S+)", line).group(1))
    precision = float(re.search(r"precision (\S+)", line).group(1))
    assert recall >= 0.83 and precision >= 0.88, line
