"""The statistical part of the tagger: a spaCy pipeline (fast tokenizer + ``textcat_multilabel``, bag of
words and bigrams), its calibration, and loading it from ``models/``.

The pipeline is spaCy-native (config, ``nlp.to_disk``/``spacy.load``), small (a hashed linear model) and
fast. What spaCy does not store, the calibration and the tagging threshold, sits beside it in
``calibration.json``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .._paths import models_dir
from ..errors import LeverageLensError
from .calibration import Platt

__all__ = ["MODEL_NAME", "TaggerModel", "ModelNotFoundError", "blank_pipeline", "load_model", "model_path"]

MODEL_NAME = "leverage_lens_tagger"
TEXTCAT = "textcat_multilabel"
#: Hash table rows of the bag-of-words model: size on disk is rows x labels x 4 bytes.
BOW_LENGTH = 2**16
#: Weight of positive examples in the log loss (categories are rare: most clauses have none).
POS_WEIGHT = 5.0


class ModelNotFoundError(LeverageLensError, FileNotFoundError):
    """The trained tagger is not where it should be (a broken install, or ``models/`` not built)."""


def model_path() -> Path:
    return models_dir() / MODEL_NAME


def blank_pipeline(labels: list[str]) -> Any:
    """An untrained pipeline with the tagger's architecture, for the training command."""
    import spacy

    from . import architecture, tokenizer  # noqa: F401 - registers the tokenizer and the architecture

    nlp = spacy.blank("en", config={"nlp": {"tokenizer": {"@tokenizers": "leverage_lens.fast_tokenizer.v1"}}})
    textcat = nlp.add_pipe(
        TEXTCAT,
        config={
            "threshold": 0.5,
            "model": {
                "@architectures": "leverage_lens.TextCatBOW.v1",
                "ngram_size": 2,
                "length": BOW_LENGTH,
                "pos_weight": POS_WEIGHT,
                "nO": len(labels),
            },
        },
    )
    for label in labels:
        textcat.add_label(label)
    return nlp


@dataclass
class TaggerModel:
    """A loaded pipeline with its per-category calibration and the tagging threshold."""

    nlp: Any
    calibration: dict[str, Platt]
    threshold: float = 0.5
    rule_precision: dict[str, float] = field(default_factory=dict)
    meta: dict[str, Any] = field(default_factory=dict)

    @property
    def labels(self) -> list[str]:
        return list(self.nlp.get_pipe(TEXTCAT).labels)

    def probabilities(self, texts: list[str], batch_size: int = 256) -> list[dict[str, float]]:
        """Calibrated probability per category for each text."""
        out = []
        for doc in self.nlp.pipe(texts, batch_size=batch_size):
            out.append({label: self.calibration.get(label, Platt())(s) for label, s in doc.cats.items()})
        return out


def save_calibration(path: Path, calibration: dict[str, Platt], threshold: float,
                     rule_precision: dict[str, float], meta: dict[str, Any]) -> None:
    payload = {
        "threshold": threshold,
        "platt": {k: [v.a, v.b] for k, v in sorted(calibration.items())},
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

    from . import architecture, tokenizer  # noqa: F401 - registers what the config names

    nlp = spacy.load(path)
    raw = json.loads((path / "calibration.json").read_text(encoding="utf-8"))
    return TaggerModel(
        nlp=nlp,
        calibration={k: Platt(a, b) for k, (a, b) in raw["platt"].items()},
        threshold=float(raw["threshold"]),
        rule_precision={k: float(v) for k, v in raw.get("rule_precision", {}).items()},
        meta=raw.get("meta", {}),
    )
