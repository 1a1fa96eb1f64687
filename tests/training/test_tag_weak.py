"""Weak labels from headings for the categories CUAD does not label, and which units are no clear negatives."""

from __future__ import annotations

import numpy as np
import pytest

from leverage_lens.evaluate.data import GoldSpan
from leverage_lens.tag.textcat import HEAD_MARK, PREV_MARK
from leverage_lens.taxonomy import default
from leverage_lens.training.tag_fit import unsure_labels
from leverage_lens.training.tag_weak import fit_weak, heading_targets, weak_scores, without_heading


def test_a_heading_naming_one_weak_category_labels_the_units_under_it() -> None:
    pos, unsure = heading_targets(["Indemnification", "Article 9 > Confidential Information", "Miscellaneous", ""],
                                  default())
    assert pos == [frozenset({"liability.indemnification"}), frozenset({"confidentiality.obligations"}),
                   frozenset(), frozenset()]
    assert unsure == [frozenset()] * 4


def test_a_heading_naming_two_categories_leaves_the_unit_out_instead_of_labelling_it() -> None:
    pos, unsure = heading_targets(["Governing Law and Arbitration"], default())
    assert pos == [frozenset()]
    assert unsure == [frozenset({"disputes.arbitration"})]


def test_only_the_nearest_heading_labels_a_unit() -> None:
    pos, _ = heading_targets(["Indemnification > Notice of Claims"], default())
    assert pos == [frozenset()]


def test_the_weak_model_reads_the_text_without_its_headings() -> None:
    text = f"the end of the last clause {PREV_MARK} Indemnification {HEAD_MARK} Supplier shall indemnify Buyer."
    assert without_heading(text) == f"the end of the last clause {PREV_MARK} {HEAD_MARK} Supplier shall indemnify Buyer."
    assert without_heading(f"Indemnification {HEAD_MARK} Supplier shall indemnify.") == f"{HEAD_MARK} Supplier shall indemnify."
    assert without_heading("no markers at all") == "no markers at all"


def test_a_weak_label_learns_the_words_of_the_clauses_its_heading_names() -> None:
    pytest.importorskip("sklearn")
    from leverage_lens.tag.pipeline import blank_pipeline
    from leverage_lens.training.tag_fit import vocabulary
    from leverage_lens.training.tagger import _features

    nlp = blank_pipeline()
    texts = ["Each party shall indemnify and hold harmless the other from claims."] * 50 + \
            ["Fees are payable within thirty days of invoice."] * 50 + ["This Agreement is governed by Delaware law."] * 50
    feats = _features(nlp, texts)
    pos = [frozenset({"liability.indemnification"})] * 50 + [frozenset()] * 100
    table, idf = vocabulary(feats, 1000, 1)
    w, b = fit_weak(feats, table, idf, pos, [frozenset()] * 150, ["liability.indemnification", "payment.terms"], c=1.0)
    scores = weak_scores(_features(nlp, ["Licensee shall indemnify Licensor against claims.", "Fees are due."]),
                         table, idf, w, b)
    assert scores[0, 0] > 0.5 > scores[1, 0]
    assert np.all(scores[:, 1] < 1e-6)  # no positives: never said


def test_a_lead_in_whose_sub_clause_holds_the_gold_span_is_no_negative() -> None:
    gold = [GoldSpan(120, 300, "termination.convenience", "Termination For Convenience")]
    # the unit is the lead-in (0-60) of a clause (0-400) whose sub-clause holds the span
    assert unsure_labels((0, 60), (0, 400), gold, frozenset()) == {"termination.convenience"}
    assert unsure_labels((0, 60), (0, 400), gold, frozenset({"termination.convenience"})) == frozenset()
    assert unsure_labels((500, 560), (500, 700), gold, frozenset()) == frozenset()
    assert unsure_labels((0, 60), (0, 5000), gold, frozenset()) == frozenset()  # too long to count as a tag


def test_a_long_units_windows_are_labelled_by_the_spans_in_their_own_text() -> None:
    from leverage_lens.training.tagger import Example, _fit_rows

    e = Example("d", "first window", "own", frozenset({"liability.insurance"}), (0, 4000), ("second", "third"),
                first_labels=frozenset(), window_labels=(frozenset(), frozenset({"liability.insurance"})),
                unsure=frozenset({"liability.cap"}))
    feats, golds, left = _fit_rows([0], ["f0"], ["w0", "w1"], {0: [0, 1]}, [e], unsure=True, window_labels=True)
    assert feats == ["f0", "w0", "w1"]
    assert golds == [frozenset(), frozenset(), frozenset({"liability.insurance"})]
    assert left == [frozenset({"liability.cap"})] * 3
    feats, golds, left = _fit_rows([0], ["f0"], ["w0", "w1"], {0: [0, 1]}, [e], unsure=False, window_labels=False)
    assert feats == ["f0"] and golds == [frozenset({"liability.insurance"})] and left is None
