"""The statistical part of the tagger: a spaCy pipeline (fast tokenizer + ``leverage_lens_textcat``, a
TF-IDF logistic regression per category), its calibration, and loading it from ``models/``.

The pipeline is spaCy-native (config, ``nlp.to_disk``/``spacy.load``), small (a linear model over at most
:data:`leverage_lens.training.tagger.MAX_FEATURES` word and word-pair features) and fast. What spaCy does not store, the calibration and the tagging threshold, sits beside it in
``calibration.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._paths import models_dir
from ..errors import ModelNotFoundError
from .calibration import Platt

__all__ = ["MODEL_NAME", "ModelNotFoundError", "TaggerModel", "blank_pipeline", "load_model", "model_path"]

MODEL_NAME = "leverage_lens_tagger"
TEXTCAT = "leverage_lens_textcat"


def model_path() -> Path:
    return models_dir() / MODEL_NAME


def blank_pipeline() -> Any:
    """An untrained pipeline with the tagger's components, for the training command."""
    import spacy

    from . import textcat, tokenizer  # noqa: F401 - registers the tokenizer and the component

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "leverage_lens.fast_tokenizer.v1"}}})
    nlp.add_pipe(TEXTCAT)
    return nlp


@dataclass
class TaggerModel:
    """A loaded pipeline with its per-category calibration and the tagging threshold."""

    nlp: Any
    calibration: dict[str, Platt]
    threshold: float = 0.5
    rule_precision: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)
    #: family -> clause tagging threshold (tuned on dev); families not listed use ``threshold``.
    family_thresholds: dict[str, float] = field(default_factory=dict)
    #: family -> threshold for "the contract contains it": on the contract model's probability when there
    #: is one, else on the contract's best unit; families not listed use their clause threshold (or 0.5).
    contract_thresholds: dict[str, float] = field(default_factory=dict)
    #: per-label contract presence from all unit scores (:mod:`.contract`); older models have none.
    contract_model: Any = None
    #: label -> clause tagging threshold where a label has its own (overrides its family's).
    label_thresholds: dict[str, float] = field(default_factory=dict)
    #: weak label (a category CUAD does not label, learnt from headings) -> its clause tagging threshold.
    weak_labels: dict[str, float] = field(default_factory=dict)
    #: family -> what a contract's best unit per label adds to its probability before the clause threshold.
    rank_bonus: dict[str, float] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return list(self.nlp.get_pipe(TEXTCAT).labels)

    def __post_init__(self) -> None:
        import numpy as np

        pairs = [self.calibration.get(k, Platt()) for k in self.labels]
        self._a = np.array([p.a for p in pairs], dtype=np.float64)
        self._b = np.array([p.b for p in pairs], dtype=np.float64)

    def probability_matrix(self, docs: list[Any]) -> Any:
        """Calibrated probabilities, shape ``(len(docs), len(labels))``, for tokenised docs (one numpy pass)."""
        return self._calibrate(self.nlp.get_pipe(TEXTCAT).predict(docs))

    def probability_matrix_features(self, feats: list[Any]) -> Any:
        """:meth:`probability_matrix` from feature hashes (:meth:`.textcat.LinearTextCat.predict_features`)."""
        return self._calibrate(self.nlp.get_pipe(TEXTCAT).predict_features(feats))

    def _calibrate(self, raw_scores: Any) -> Any:
        import numpy as np

        raw = np.clip(raw_scores.astype(np.float64), 1e-6, 1 - 1e-6)
        z = self._a * np.log(raw / (1 - raw)) + self._b
        return 1.0 / (1.0 + np.exp(-z))

    def probabilities(self, texts: list[str]) -> list[dict[str, float]]:
        """Calibrated probability per category for each text."""
        probs = self.probability_matrix([self.nlp.make_doc(t) for t in texts])
        return [dict(zip(self.labels, row)) for row in probs.tolist()]


def save_calibration(path: Path, calibration: dict[str, Platt], threshold: float,
                     rule_precision: dict[str, float], meta: dict[str, Any], *,
                     family_thresholds: dict[str, float] | None = None,
                     contract_thresholds: dict[str, float] | None = None,
                     contract_model: dict[str, list[float]] | None = None,
                     label_thresholds: dict[str, float] | None = None,
                     weak_labels: dict[str, float] | None = None,
                     rank_bonus: dict[str, float] | None = None) -> None:
    payload = {
        "rank_bonus": dict(sorted((rank_bonus or {}).items())),
        "threshold": threshold,
        "weak_labels": dict(sorted((weak_labels or {}).items())),
        "family_thresholds": dict(sorted((family_thresholds or {}).items())),
        "label_thresholds": dict(sorted((label_thresholds or {}).items())),
        "contract_thresholds": dict(sorted((contract_thresholds or {}).items())),

        "platt": {k: [v.a, v.b] for k, v in sorted(calibration.items())},
        "contract_model": dict(sorted((contract_model or {}).items())),
        "rule_precision": dict(sorted(rule_precision.items())),
        "meta": meta,
    }
    (path / "calibration.json").write_text(json.dumps(payload, indent=1), encoding="utf-8")


def load_model(path: Path | None = None) -> TaggerModel:
    """Load the trained pipeline (default: the packaged one). Imports spaCy; call lazily."""
    path = path or model_path()
    if not (path / "config.cfg").is_file():
        raise ModelNotFoundError(
            f"no trained tagger in {path}; rebuild it with `leverage-lens train tagger --data ../shared/data`"
        )
    import spacy

    from . import textcat, tokenizer  # noqa: F401 - registers what the config names
    from .contract import ContractModel

    nlp = spacy.load(path)
    raw = json.loads((path / "calibration.json").read_text(encoding="utf-8"))
    labels = [str(k) for k in nlp.get_pipe(TEXTCAT).labels]  # type: ignore[attr-defined]
    contract = ContractModel.from_json(raw["contract_model"], labels) if raw.get("contract_model") else None
    return TaggerModel(
        nlp=nlp,
        calibration={k: Platt(a, b) for k, (a, b) in raw["platt"].items()},
        threshold=float(raw["threshold"]),
        rule_precision={k: float(v) for k, v in raw.get("rule_precision", {}).items()},
        meta=raw.get("meta", {}),
        family_thresholds={k: float(v) for k, v in raw.get("family_thresholds", {}).items()},
        contract_thresholds={k: float(v) for k, v in raw.get("contract_thresholds", {}).items()},
        contract_model=contract,
        label_thresholds={k: float(v) for k, v in raw.get("label_thresholds", {}).items()},
        weak_labels={k: float(v) for k, v in raw.get("weak_labels", {}).items()},
        rank_bonus={k: float(v) for k, v in raw.get("rank_bonus", {}).items()},
    )
