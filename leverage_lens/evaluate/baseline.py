"""The yardstick: TF-IDF + logistic regression over paragraphs, trained and scored on the same split.

Paragraphs are the text's non-empty lines (CUAD's text files put one paragraph per line), labelled like
the tagger's units. One logistic regression per category (class-balanced, so it favours recall), tagging
at probability 0.5. Needs scikit-learn, the ``[eval]`` extra; the product itself never imports it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

from ..errors import EvalDependencyError
from .data import Contract, unit_labels
from .metrics import Predicted

__all__ = ["Baseline", "EvalDependencyError", "paragraphs"]

_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")


def _sklearn() -> Any:
    try:
        import sklearn  # noqa: F401
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise EvalDependencyError(
            "the CUAD evaluation's baseline needs scikit-learn: pip install 'leverage-lens[eval]'"
        ) from exc
    return TfidfVectorizer, LogisticRegression


def paragraphs(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


class Baseline:
    """Fit on training contracts, then :meth:`predict` tagged paragraphs of a contract."""

    def __init__(self, labels: Sequence[str]) -> None:
        self.labels = list(labels)
        self._tfidf_cls, self._lr_cls = _sklearn()
        self.vectorizer: Any = None
        self.models: dict[str, Any] = {}

    def fit(self, contracts: Sequence[Contract]) -> Baseline:
        texts: list[str] = []
        ys: list[set[str]] = []
        for c in contracts:
            for s, e in paragraphs(c.text):
                texts.append(c.text[s:e])
                ys.append(unit_labels(s, e, c.spans))
        self.vectorizer = self._tfidf_cls(ngram_range=(1, 2), min_df=2, sublinear_tf=True, max_features=200_000)
        x = self.vectorizer.fit_transform(texts)
        for label in self.labels:
            y = [label in labels for labels in ys]
            if any(y):
                model = self._lr_cls(class_weight="balanced", max_iter=1000, solver="liblinear")
                self.models[label] = model.fit(x, y)
        return self

    def predict(self, contract: Contract) -> list[Predicted]:
        spans = paragraphs(contract.text)
        if not spans:
            return []
        x = self.vectorizer.transform([contract.text[s:e] for s, e in spans])
        out: list[Predicted] = []
        for label, model in self.models.items():
            for (s, e), p in zip(spans, model.predict_proba(x)[:, 1]):
                if p >= 0.5:
                    out.append((s, e, label))
        return out
