"""The tagger's model architecture, registered as ``leverage_lens.TextCatBOW.v1``.

spaCy's ``TextCatBOW`` puts a sigmoid after a sparse linear layer and ``textcat_multilabel`` trains it
with a squared-error gradient ``scores - truths``. Back-propagated through the sigmoid, that gradient
vanishes once a rare category's outputs reach zero, and on CUAD (most categories on under 1% of clauses)
the model stops learning them: positives and negatives both score about 1e-9. Here the sigmoid passes the
gradient through unchanged, which turns ``scores - truths`` into the gradient of the log loss with respect
to the logits (what logistic regression minimises), and weighs the positives' gradient by ``pos_weight``
(the usual class weighting for rare labels). Same features (hashed word uni- and bigrams), same speed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from spacy.attrs import ORTH
from spacy.ml.extract_ngrams import extract_ngrams
from spacy.util import registry
from thinc.api import Model, SparseLinear_v2, chain

__all__ = ["build_bow_logloss"]


def _sigmoid_logloss(pos_weight: float) -> Model[Any, Any]:
    def forward(model: Model[Any, Any], X: Any, is_train: bool) -> tuple[Any, Callable[[Any], Any]]:
        Y = model.ops.sigmoid(X, inplace=False)

        def backprop(dY: Any) -> Any:
            # dY = Y - truth: negative exactly where the truth is 1, so weighting those is class weighting.
            return model.ops.xp.where(dY < 0, dY * pos_weight, dY)

        return Y, backprop

    return Model("sigmoid_logloss", forward, attrs={"pos_weight": pos_weight})


@registry.architectures("leverage_lens.TextCatBOW.v1")
def build_bow_logloss(ngram_size: int, length: int, pos_weight: float, nO: int | None = None) -> Model[Any, Any]:
    """Hashed bag of n-grams -> sparse linear -> sigmoid, trained on the (weighted) log loss."""
    length = 2 ** (length - 1).bit_length()
    sparse = SparseLinear_v2(nO=nO, length=length)
    model: Model[Any, Any] = chain(extract_ngrams(ngram_size, attr=ORTH), sparse, _sigmoid_logloss(pos_weight))
    if nO is not None:
        model.set_dim("nO", nO)
    model.set_ref("output_layer", sparse)
    model.attrs["multi_label"] = True
    return model
