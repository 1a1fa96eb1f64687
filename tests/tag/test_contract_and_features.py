"""Contract presence from a contract's unit scores, and the context features of the model's input."""

from __future__ import annotations

import importlib.util

import numpy as np
import pytest
import spacy
from spacy.attrs import LOWER

from leverage_lens.tag.contract import ContractModel, contract_features
from leverage_lens.training.tag_selection import fit_contract_model
from leverage_lens.tag.textcat import HEAD_MARK, PREV_MARK, doc_features, strip_marks
from leverage_lens.tag.tokenizer import FastTokenizer
from leverage_lens.training.tagger import fold_of

# fitting is training-time code: scikit-learn comes with the `eval` extra, not with the library
_needs_sklearn = pytest.mark.skipif(
    importlib.util.find_spec("sklearn") is None,
    reason="fitting the contract model needs scikit-learn: pip install 'leverage-lens[eval]'",
)

TOKENIZE = FastTokenizer(spacy.blank("en").vocab)


def test_contract_features_are_best_second_best_and_count_at_even_odds() -> None:
    probs = np.array([[0.9, 0.1], [0.6, 0.2], [0.2, 0.05]])
    f = contract_features(probs)
    assert f.shape == (2, 3)
    assert f[0, 0] == pytest.approx(np.log(0.9 / 0.1))
    assert f[0, 1] == pytest.approx(np.log(0.6 / 0.4))
    assert f[0, 2] == pytest.approx(np.log(3))
    assert f[1, 2] == 0.0


def test_a_single_unit_contract_has_no_second_best() -> None:
    f = contract_features(np.array([[0.7]]))
    assert f[0, 1] < -9  # logit of the floor


@_needs_sklearn
def test_contract_model_learns_that_a_strong_best_unit_means_present() -> None:
    rng = np.random.default_rng(0)
    feats, truth = [], []
    for i in range(200):
        has = i % 2 == 0
        units = rng.uniform(0.0, 0.3, size=(20, 1))
        if has:
            units[0, 0] = rng.uniform(0.6, 1.0)
        feats.append(contract_features(units))
        truth.append([has])
    model = fit_contract_model(feats, truth)
    assert model.probabilities(np.array([[0.95], [0.1]]))[0] > 0.8
    assert model.probabilities(np.array([[0.1], [0.05]]))[0] < 0.2


@_needs_sklearn
def test_a_label_no_training_contract_has_falls_back_to_the_best_unit() -> None:
    feats = [contract_features(np.array([[0.1, 0.2], [0.3, 0.1]])) for _ in range(5)]
    model = fit_contract_model(feats, [[False, True]] * 5)
    p = model.probabilities(np.array([[0.02, 0.9]]))
    assert p[0] == pytest.approx(0.02, abs=1e-3)


def test_contract_model_round_trips_through_json_and_unknown_labels_are_never_present() -> None:
    model = ContractModel(np.array([[1.0, 0.5, 0.25]]), np.array([-1.0]))
    back = ContractModel.from_json(model.to_json(["a"]), ["a", "b"])
    probs = np.array([[0.8, 0.99], [0.4, 0.99]])
    assert back.probabilities(probs)[0] == pytest.approx(model.probabilities(probs[:, :1])[0], abs=1e-6)
    assert back.probabilities(probs)[1] < 1e-6


def _features(text: str) -> set[int]:
    return set(doc_features(TOKENIZE(text)).tolist())


def test_heading_words_are_features_of_their_own_and_previous_words_never_plain_words() -> None:
    plain = _features("renewal")
    in_heading = _features(f"{HEAD_MARK} renewal")
    as_heading = _features(f"renewal {HEAD_MARK} payment")
    as_previous = _features(f"renewal {PREV_MARK} {HEAD_MARK} payment")
    assert plain <= as_heading and len(as_heading - _features("payment") - plain) == 1
    assert not plain & (as_previous - _features("payment"))
    assert as_previous != as_heading
    assert in_heading == plain


def test_a_doc_without_markers_is_all_own_text() -> None:
    feats = doc_features(TOKENIZE("shall not assign"))
    assert len(feats) == 3 + 2  # three words, two pairs


def test_marker_characters_in_contract_text_cannot_fake_context() -> None:
    assert strip_marks(f"a{HEAD_MARK}b{PREV_MARK}c") == "a b c"
    assert strip_marks("plain") == "plain"


def test_folds_are_deterministic_and_spread() -> None:
    ids = [f"contract-{i}" for i in range(500)]
    folds = [fold_of(d, 5) for d in ids]
    assert folds == [fold_of(d, 5) for d in ids]
    assert set(folds) == {0, 1, 2, 3, 4}
    assert max(folds.count(k) for k in range(5)) < 140


def test_the_taggers_doc_free_features_equal_the_training_features_of_the_same_units() -> None:
    import leverage_lens
    from leverage_lens.tag.component import shared_tagger
    from leverage_lens.tag.units import units

    head = "1. TERM AND TERMINATION\n\n1.1 Term. The term is 5 years from the Effective Date.\n\n"
    body = "1.2 Renewal. " + " ".join(["This Agreement renews for 1 year unless either party objects."] * 60)
    doc = leverage_lens.parse_text(head + body + "\n\n1.3 Notice of 90 days applies İstanbul.\n")
    tagger = shared_tagger()
    todo = units(doc.clauses)
    nlp = tagger.model.nlp
    texts = [doc.text[u.start : min(u.end, u.start + 1500)] for u in todo]
    words = [tagger._hashes(t) for t in texts]  # the LOWER ids the fast tokenizer's Doc would have
    for t, w in zip(texts, words):
        assert w.tolist() == nlp.make_doc(t).to_array(LOWER).astype(np.uint64).tolist()
    feats, owners = tagger._features(todo, words, doc.text)
    expected = [doc_features(nlp.make_doc(u.model_text(doc.text))) for u in todo]
    expected += [doc_features(nlp.make_doc(w)) for u in todo for w in u.more_windows(doc.text)]
    assert owners and len(feats) == len(expected)
    for got, want in zip(feats, expected):
        assert sorted(got.tolist()) == sorted(want.tolist())
