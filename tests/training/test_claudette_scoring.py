"""The CLAUDETTE measure and its honest figures: thresholds chosen away from the fold they score, and the company bootstrap."""

from __future__ import annotations

import pytest

from leverage_lens.training.claudette import CODES, TaggedDoc, company_folds, evaluate
from leverage_lens.training.claudette_scoring import bootstrap_interval, cross_validate, honest_fold_scores


def _doc(company: str, n: int = 20) -> TaggedDoc:
    """``n`` ten-character sentences; the first is a gold arbitration span (level 2)."""
    text = "".join(f"Unit {i:03d}. " for i in range(n))
    units = [(11 * i, 11 * i + 10) for i in range(n)]
    return TaggedDoc(company, "train", text, [(0, 10, "a", 2)], units)


def _scores(per_doc: list[list[float]]) -> dict[str, list[float]]:
    flat = [s for scores in per_doc for s in scores]
    return {code: (flat if code == "a" else [-5.0] * len(flat)) for code in CODES}


def test_held_out_fold_is_scored_with_the_threshold_of_the_other_folds():
    # X's gold scores 1.0 above a 0.5 false positive; Y's gold scores only 0.2. Chosen on X alone the
    # threshold is 1.0, which misses Y's gold; chosen on both (the optimistic way) it would be 0.2.
    x, y = _doc("X"), _doc("Y")
    scores = _scores([[1.0, 0.5] + [-5.0] * 18, [0.2] + [-5.0] * 19])
    per_fold, pooled = honest_fold_scores([x, y], scores, [{"X"}, {"Y"}])
    assert per_fold[1] == 0.0  # Y, at X's threshold 1.0: nothing reported
    assert per_fold[0] == pytest.approx(2 / 3)  # X, at Y's threshold 0.2: its gold and its 0.5 false positive
    assert pooled == pytest.approx(0.5)  # 1 of 2 reported correct, 1 of 2 gold found


def test_types_without_gold_in_the_units_scored_stay_out_of_the_macro():
    # Only arbitration has gold here: the seven other types would each score 0 if they counted.
    scores = _scores([[1.0] + [-5.0] * 19, [1.0] + [-5.0] * 19])
    per_fold, _ = honest_fold_scores([_doc("X"), _doc("Y")], scores, [{"X"}, {"Y"}])
    assert per_fold == [1.0, 1.0]


def test_a_perfect_system_has_a_point_interval_and_a_mixed_one_brackets_its_figure():
    docs = [_doc(f"C{i}") for i in range(6)]
    perfect = [[{"a"} if k == 0 else set() for k in range(20)] for _ in docs]
    assert bootstrap_interval(docs, perfect, samples=200) == (1.0, 1.0)
    mixed = [p if i % 2 else [set() for _ in range(20)] for i, p in enumerate(perfect)]
    point = evaluate(docs, mixed)["a"].f1
    lo, hi = bootstrap_interval(docs, mixed, samples=400)
    assert lo < point < hi


def test_shuffled_partitions_keep_each_company_in_exactly_one_fold():
    names = [f"C{i}" for i in range(30)]
    for seed in (None, 1, 2):
        folds = company_folds(names, seed=seed)
        assert len(folds) == 5 and sorted(n for f in folds for n in f) == sorted(names)
    assert company_folds(names, seed=1) != company_folds(names)


def test_cross_validation_reports_five_folds_per_partition():
    pytest.importorskip("sklearn")
    docs = []
    for i in range(10):
        text = ("Any dispute shall be resolved by binding arbitration in Delaware. " if i % 2 == 0 else
                "We hope you enjoy the service and its many features today. ") + \
               " ".join(f"You can read about feature number {k} in the help pages." for k in range(8))
        gold = [(0, text.index(".") + 1, "a", 2)] if i % 2 == 0 else []
        from leverage_lens.enrich.sentences import sentence_spans

        docs.append(TaggedDoc(f"C{i}", "train", text, gold, sentence_spans(text)))
    from leverage_lens.training.claudette import out_of_fold_scores

    cv = cross_validate(docs, lambda folds: out_of_fold_scores(docs, folds), repeats=1)
    assert len(cv.fold_f1) == 10 and len(cv.pooled_f1) == 2
    assert all(0.0 <= f <= 1.0 for f in cv.fold_f1)
    assert "+-" in cv.summary()
