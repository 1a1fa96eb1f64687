"""Which sentence of a tagged clause is on the clause's topic: the ledger's sentence-topic model.

A clause tag says the clause is about, say, audit rights; its sentences may be about the auditor's
confidentiality, the cost of the audit, or records to keep. A reading made from the clause's tag is raised as
a finding only when this model places the sentence itself on the topic. The model (TF-IDF words and word
pairs, one logistic regression per category, thresholds chosen for precision on out-of-fold scores over CUAD's train and dev parts; trained by
:mod:`leverage_lens.training.sentence_topics`) lives in ``models/ledger_sentences/`` and is loaded once, on
first use, read-only.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from .._paths import models_dir

__all__ = ["SENTENCE_ON_TOPIC", "SentenceTopics", "load_sentence_topics", "model_path", "sentence_scores"]

#: Label of the evidence span that says the model places a reading's sentence on the topic itself: only such
#: clause-tag and holder-model readings are raised as findings.
SENTENCE_ON_TOPIC = "sentence on the topic"


def model_path() -> Path:
    """Where the packaged model is (``models/ledger_sentences/`` in a checkout, ``leverage_lens.models`` installed)."""
    return models_dir() / "ledger_sentences" / "sentence_topics.npz"


@dataclass(frozen=True)
class SentenceTopics:
    """The fitted weights and the per-category thresholds."""

    labels: tuple[str, ...]
    table: Any
    idf: Any
    weights: Any
    bias: Any
    thresholds: Any

    def scores(self, texts: Sequence[str]) -> Any:
        """Probabilities, shape ``(len(texts), len(labels))``."""
        if not texts:
            return np.zeros((0, len(self.labels)), dtype=np.float32)
        from ..tag.textcat import compose, linear_probabilities, text_hashes  # spaCy's hashes: with the tagger

        return linear_probabilities([compose(text_hashes(t)) for t in texts], self.table, self.idf, self.weights,
                                    self.bias)

    def on_topic(self, texts: Sequence[str], categories: Sequence[str]) -> list[float | None]:
        """For each text, its score on the paired category when it reaches the category's threshold, else
        None (a category the model has no threshold for is never confirmed)."""
        return self.confirm(self.scores(texts), categories)

    def confirm(self, probs: Any, categories: Sequence[str]) -> list[float | None]:
        """:meth:`on_topic` for scores already computed (:func:`sentence_scores`), one row per category."""
        index = {k: j for j, k in enumerate(self.labels)}
        out: list[float | None] = []
        for i, cat in enumerate(categories):
            j = index.get(cat)
            if j is None or self.thresholds[j] >= 1.0 or probs[i, j] < self.thresholds[j]:
                out.append(None)
            else:
                out.append(round(float(probs[i, j]), 3))
        return out


#: Where an analysis keeps the sentence scores already computed, by (start, end).
SCORES_KEY = "ledger.sentence_scores"


def sentence_scores(model: SentenceTopics, text: str, spans: Sequence[tuple[int, int]],
                    cache: dict[str, Any] | None = None) -> Any:
    """Scores of the sentences ``text[a:b]``, shape ``(len(spans), len(labels))``: each sentence scored once per
    analysis (the clause-tag confirmation and the holder model's readings look at many of the same ones)."""
    memo: dict[tuple[int, int], Any] = cache.setdefault(SCORES_KEY, {}) if cache is not None else {}
    missing = [sp for sp in dict.fromkeys(spans) if sp not in memo]
    if missing:
        for sp, row in zip(missing, model.scores([text[a:b] for a, b in missing])):
            memo[sp] = row
    if not spans:
        return np.zeros((0, len(model.labels)), dtype=np.float32)
    return np.stack([memo[sp] for sp in spans])


@functools.lru_cache(maxsize=1)
def load_sentence_topics(path: Path | None = None) -> SentenceTopics | None:
    """The packaged model, or None when it is not installed (the ledger then raises no clause-tag findings)."""
    where = path or model_path()
    if not where.is_file():
        return None
    with np.load(where, allow_pickle=False) as z:
        return SentenceTopics(labels=tuple(str(x) for x in z["labels"]), table=z["table"], idf=z["idf"],
                              weights=z["weights"].astype(np.float32), bias=z["bias"].astype(np.float32),
                              thresholds=z["thresholds"])
