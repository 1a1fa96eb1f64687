"""Train the clause tagger on CUAD: ``python -m leverage_lens.tag.train --data ../shared/data``
(also ``leverage-lens train tagger --data ../shared/data``).

Only the ``train`` part of the split fits the model; the ``dev`` part calibrates its scores (Platt, per
category), picks the tagging threshold and measures each phrase rule's precision; ``held-out`` is never
read here. Units and labels are exactly what the tagger sees at run time (:mod:`.units`). The result goes
to ``models/leverage_lens_tagger`` (spaCy pipeline + ``calibration.json``) and its model card.
"""

from __future__ import annotations

import argparse
import random
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..api import Analyzer
from ..evaluate.data import Contract, Part, load_cuad, unit_labels
from ..taxonomy import default
from .calibration import Platt, fit_platt
from .pipeline import MODEL_NAME, blank_pipeline, save_calibration
from .units import units

__all__ = ["Example", "examples", "train", "main"]

SEED = 13


@dataclass(frozen=True)
class Example:
    doc_id: str
    text: str  # the model's input (context + own text)
    own: str  # the unit's own text, for the rules
    labels: frozenset[str]


def examples(contracts: Sequence[Contract]) -> list[Example]:
    """Every tagging unit of the contracts, with the categories its gold spans give it."""
    parser = Analyzer()
    out = []
    for c in contracts:
        doc = parser.parse_text(c.text, name=c.doc_id)
        for u in units(doc.clauses):
            labels = unit_labels(u.start, u.end, c.spans)
            out.append(Example(c.doc_id, u.model_text(doc.text), doc.text[u.start : u.end], frozenset(labels)))
    return out


def _fit(nlp: Any, data: list[Example], labels: list[str], epochs: int, log: Any) -> None:
    from spacy.training import Example as SpacyExample
    from spacy.util import minibatch

    rng = random.Random(SEED)

    def to_spacy(e: Example) -> Any:
        return SpacyExample.from_dict(nlp.make_doc(e.text), {"cats": {k: float(k in e.labels) for k in labels}})

    train_examples = [to_spacy(e) for e in data]
    optimizer = nlp.initialize(lambda: train_examples[:500])
    for epoch in range(epochs):
        rng.shuffle(train_examples)
        losses: dict[str, float] = {}
        for batch in minibatch(train_examples, size=64):
            nlp.update(batch, sgd=optimizer, losses=losses, drop=0.0)
        log(f"epoch {epoch + 1}/{epochs}: loss {losses.get('textcat_multilabel', 0.0):.3f}")


def _calibrate(nlp: Any, dev: list[Example], labels: list[str]) -> dict[str, Platt]:
    raw = [doc.cats for doc in nlp.pipe([e.text for e in dev], batch_size=256)]
    return {k: fit_platt([r[k] for r in raw], [k in e.labels for e in dev]) for k in labels}


def train(data: Path, out: Path, *, epochs: int = 8, limit: int | None = None, log: Any = print,
          split: dict[str, Part] | None = None) -> dict[str, Any]:
    """Build the tagger from CUAD in ``data`` into ``out``; returns the facts the model card reports."""
    tax = default()
    labels = sorted({c.id for c in tax.categories if c.cuad})
    t0 = time.perf_counter()
    train_c = list(load_cuad(data, parts=["train"], limit=limit, split=split))
    dev_c = list(load_cuad(data, parts=["dev"], limit=limit, split=split))
    train_x, dev_x = examples(train_c), examples(dev_c)
    log(f"{len(train_c)} train contracts ({len(train_x)} units), {len(dev_c)} dev contracts ({len(dev_x)} units)")
    nlp = blank_pipeline(labels)
    _fit(nlp, train_x, labels, epochs, log)
    calibration = _calibrate(nlp, dev_x, labels)
    from .rules import RuleMatcher, rule_precision

    precision = rule_precision(RuleMatcher(nlp.vocab, tax), [e.own for e in dev_x], [e.labels for e in dev_x])
    out.mkdir(parents=True, exist_ok=True)
    nlp.meta.update({"name": MODEL_NAME.removeprefix("leverage_lens_"), "version": "0.1.0",
                     "description": "leverage_lens clause tagger (CUAD categories), see MODEL_CARD.md"})
    nlp.to_disk(out)
    meta = {
        "train_contracts": len(train_c), "dev_contracts": len(dev_c),
        "train_units": len(train_x), "dev_units": len(dev_x), "epochs": epochs,
        "seconds": round(time.perf_counter() - t0, 1), "labels": len(labels),
    }
    save_calibration(out, calibration, 0.5, precision, meta)
    log(f"wrote {out} in {meta['seconds']} s")
    return meta


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m leverage_lens.tag.train", description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, required=True, help="the shared data folder (or its cuad/ folder)")
    ap.add_argument("--out", type=Path, default=None, help=f"output folder (default: models/{MODEL_NAME})")
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--limit", type=int, default=None, help="use at most N contracts per part (smoke runs)")
    args = ap.parse_args(argv)
    from .pipeline import model_path

    train(args.data, args.out or model_path(), epochs=args.epochs, limit=args.limit)
    return 0


if __name__ == "__main__":  # pragma: no cover
    raise SystemExit(main())
