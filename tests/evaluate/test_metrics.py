"""The CUAD measures, on hand-made contracts where the right counts are known."""

from __future__ import annotations

import builtins
from pathlib import Path

import pytest

from leverage_lens import taxonomy
from leverage_lens.evaluate.data import GoldSpan, part_of, read_split, unit_labels
from leverage_lens.evaluate.metrics import Scores

CAP = GoldSpan(100, 200, "liability.cap", "Cap on Liability")
INS = GoldSpan(500, 600, "liability.insurance", "Insurance")


def test_clause_overlapping_a_gold_span_of_its_category_is_correct_and_finds_it() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(90, 210, "liability.cap")], [CAP])
    c = s.categories["liability.cap"]
    assert (c.pred, c.pred_ok, c.gold, c.gold_found) == (1, 1, 1, 1)
    assert c.f1 == 1.0 and c.doc_f1 == 1.0


def test_clause_of_the_wrong_category_counts_for_the_family_not_the_category() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(90, 210, "liability.uncapped")], [CAP])
    assert s.categories["liability.uncapped"].pred_ok == 0
    assert s.categories["liability.cap"].gold_found == 0
    fam = s.families["liability"]
    assert (fam.pred, fam.pred_ok, fam.gold, fam.gold_found) == (1, 1, 1, 1)


def test_overlong_clause_is_wrong_but_still_finds_the_span() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(0, 5000, "liability.cap")], [CAP])
    c = s.categories["liability.cap"]
    assert (c.pred_ok, c.gold_found) == (0, 1)


def test_contract_level_counts_presence() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(700, 800, "liability.cap")], [CAP, INS])  # tagged elsewhere: wrong clause, right contract
    s.add_contract([(0, 10, "liability.cap")], [])
    cap = s.categories["liability.cap"]
    assert (cap.doc_tp, cap.doc_fp, cap.doc_fn) == (1, 1, 0)
    assert s.categories["liability.insurance"].doc_fn == 1
    assert s.contracts == 2


def test_categories_without_cuad_labels_are_not_scored() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(100, 200, "liability.indemnification")], [CAP])
    assert s.families["liability"].pred == 0


def test_micro_average_pools_the_core_families() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(100, 200, "liability.cap"), (300, 400, "payment.audit_rights")], [CAP])
    micro = s.micro(taxonomy.CORE_FAMILIES)
    assert (micro.pred, micro.pred_ok, micro.gold, micro.gold_found) == (2, 1, 1, 1)
    assert micro.precision == 0.5 and micro.recall == 1.0


def test_unit_labels_ignore_a_few_spilled_characters() -> None:
    assert unit_labels(95, 300, [CAP]) == {"liability.cap"}
    assert unit_labels(198, 400, [CAP]) == set()


def test_split_is_deterministic_and_roughly_proportional() -> None:
    ids = [f"contract_{i}" for i in range(2000)]
    parts = [part_of(i) for i in ids]
    assert parts == [part_of(i) for i in ids]
    assert 0.16 < parts.count("held-out") / len(ids) < 0.24
    assert 0.11 < parts.count("dev") / len(ids) < 0.19


def test_split_file_lists_train_and_held_out(tmp_path: Path) -> None:
    path = tmp_path / "split.json"
    path.write_text('{"train": ["a", "b"], "dev": ["c"], "held-out": ["d"]}', encoding="utf-8")
    assert read_split(path) == {"a": "train", "b": "train", "c": "dev", "d": "held-out"}


def test_baseline_without_scikit_learn_raises_a_typed_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from leverage_lens.errors import LeverageLensError
    from leverage_lens.evaluate.baseline import EvalDependencyError, _sklearn

    real_import = builtins.__import__

    def no_sklearn(name: str, *args: object, **kwargs: object) -> object:
        if name.startswith("sklearn"):
            raise ImportError("No module named 'sklearn'")
        return real_import(name, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(builtins, "__import__", no_sklearn)
    with pytest.raises(EvalDependencyError, match=r"leverage-lens\[eval\]") as info:
        _sklearn()
    assert isinstance(info.value, LeverageLensError)


def test_contract_level_follows_what_the_predictor_says_is_present_not_only_tagged_clauses() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([], [CAP, INS], present=["liability.cap"])
    cap, ins, fam = s.categories["liability.cap"], s.categories["liability.insurance"], s.families["liability"]
    assert (cap.doc_tp, cap.doc_fp, cap.doc_fn) == (1, 0, 0)
    assert (ins.doc_tp, ins.doc_fp, ins.doc_fn) == (0, 0, 1)
    assert (fam.doc_tp, fam.doc_fp, fam.doc_fn) == (1, 0, 0)
    assert (cap.gold_found, cap.pred) == (0, 0)  # clause level still counts tagged clauses only


def test_a_present_category_absent_from_gold_is_a_contract_false_positive() -> None:
    s = Scores(taxonomy.default())
    s.add_contract([(90, 210, "liability.cap")], [CAP], present=["liability.cap", "payment.audit_rights"])
    assert (s.categories["payment.audit_rights"].doc_fp, s.families["payment"].doc_fp) == (1, 1)
