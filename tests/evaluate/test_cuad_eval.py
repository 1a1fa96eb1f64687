"""The built-in CUAD evaluation on the shared data (a few held-out contracts in the default run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens.cli import main
from leverage_lens.evaluate import CuadDataError, evaluate_cuad, part_of
from leverage_lens.taxonomy import CORE_FAMILIES

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data folder not found at {DATA}"),
]


@pytest.mark.slow
def test_eval_scores_only_held_out_contracts_with_the_baseline_in_the_same_run() -> None:
    result = evaluate_cuad(DATA, limit=4)
    assert len(result.held_out) == 4
    assert all(part_of(d) == "held-out" for d in result.held_out)
    assert result.baseline is not None and result.baseline.contracts == 4
    core = result.tagger.micro(CORE_FAMILIES)
    assert core.gold > 0 and core.pred > 0
    assert 0.0 <= core.f1 <= 1.0
    page = result.to_markdown()
    assert "baseline (TF-IDF + LR), families" in page and "`liability.cap`" in page


def test_eval_without_baseline_scores_only_held_out_contracts() -> None:
    result = evaluate_cuad(DATA, limit=3, baseline=False)
    assert len(result.held_out) == 3 and result.baseline is None
    assert all(part_of(d) == "held-out" for d in result.held_out)
    core = result.tagger.micro(CORE_FAMILIES)
    assert core.gold > 0 and core.pred > 0 and result.tagged_clauses > 0


def test_eval_command_prints_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["eval", "cuad", str(DATA), "--limit", "2", "--no-baseline"]) == 0
    out = capsys.readouterr().out
    assert "tagger, families" in out and "Held-out contracts: 2" in out


def test_eval_on_a_folder_that_is_not_cuad_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(CuadDataError, match="not a CUAD folder"):
        evaluate_cuad(tmp_path, baseline=False)
