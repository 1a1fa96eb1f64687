"""``leverage-lens eval cuad DIR``: the tagger and the TF-IDF baseline, scored on held-out CUAD contracts.

The split is by contract (:func:`.data.part_of`, or a split file). The packaged model was trained on the
default split's ``train`` part only, so with the default split the held-out contracts are unseen. With a
split file the model is retrained on that split's training side first (about two minutes), so the
held-out contracts stay unseen. The baseline is always trained on the training side (train + dev) of the
same split in the same run. Contract level, the tagger is scored on what the product reports
(``Report.summary.categories_present``, from :meth:`~leverage_lens.tag.tagger.ClauseTagger.tag_document`).
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..api import Analyzer
from ..taxonomy import CORE_FAMILIES, Taxonomy, default
from .baseline import Baseline, _sklearn
from .data import Part, load_cuad, read_split
from .metrics import Counts, Predicted, Scores

__all__ = ["CuadEvaluation", "evaluate_cuad"]


@dataclass
class CuadEvaluation:
    """Scores of the tagger and of the baseline on the same held-out contracts."""

    tagger: Scores
    baseline: Scores | None
    held_out: list[str]
    train_contracts: int
    seconds: float
    tagging_seconds: float
    tagged_clauses: int
    notes: list[str] = field(default_factory=list)

    def core(self, which: str = "tagger") -> Counts:
        scores = self.tagger if which == "tagger" else self.baseline
        assert scores is not None
        return scores.micro(CORE_FAMILIES)

    def to_markdown(self) -> str:
        return _markdown(self)


def evaluate_cuad(
    data: str | Path,
    *,
    split: str | Path | dict[str, Part] | None = None,
    limit: int | None = None,
    baseline: bool = True,
    model_path: Path | None = None,
    taxonomy: Taxonomy | None = None,
    log: Callable[[str], Any] = lambda _msg: None,
    part: Part = "held-out",
    use_rules: bool = True,
) -> CuadEvaluation:
    """Tag the held-out contracts of ``data`` (the shared data folder or its ``cuad/``) and score them.

    Raises :class:`~.baseline.EvalDependencyError` when ``baseline`` is on and scikit-learn is missing
    (checked before any work), :class:`~.data.CuadDataError` when ``data`` is not CUAD. ``part="dev"``
    scores the dev contracts instead, for development decisions that must not look at held-out ones;
    ``use_rules=False`` scores the model's tags alone.
    """
    if baseline:
        _sklearn()
    from ..tag.tagger import ClauseTagger

    t0 = time.perf_counter()
    tax = taxonomy or default()
    parts = read_split(split) if isinstance(split, (str, Path)) else split
    held = list(load_cuad(data, parts=[part], limit=limit, split=parts, taxonomy=tax))
    training = list(load_cuad(data, parts=["train", "dev"], split=parts, taxonomy=tax))
    notes: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        if parts is not None and model_path is None:
            from ..training.tagger import train

            log("split file given: retraining the tagger on its training side")
            model_path = Path(tmp) / "tagger"
            train(Path(data), model_path, split=parts, log=log)
            notes.append("model retrained on the given split's training side")
        tagger = ClauseTagger(model_path=model_path, taxonomy=tax)
    analyzer = Analyzer()
    scores = Scores(tax)
    tagging = 0.0
    tagged = 0
    for c in held:
        doc = analyzer.parse_text(c.text, name=c.doc_id)
        t1 = time.perf_counter()
        clauses, present = tagger.tag_document(doc.clauses, doc.text)  # as Analyzer.analyze reports them
        tagging += time.perf_counter() - t1
        tagged += len(doc.clauses)
        predicted: list[Predicted] = [
            (cl.start, cl.end, t.category) for cl in clauses for t in cl.tags if use_rules or t.source == "model"
        ]
        scores.add_contract(predicted, c.spans, present if use_rules else None)
    log(f"tagger scored on {len(held)} held-out contracts")
    base_scores = None
    if baseline:
        labels = sorted({cat.id for cat in tax.categories if cat.cuad})
        model = Baseline(labels).fit(training)
        base_scores = Scores(tax)
        for c in held:
            base_scores.add_contract(model.predict(c), c.spans)
        log("baseline scored")
    return CuadEvaluation(scores, base_scores, [c.doc_id for c in held], len(training),
                          time.perf_counter() - t0, tagging, tagged, notes)


def _row(name: str, c: Counts) -> str:
    return (f"| {name} | {c.gold} | {c.pred} | {c.precision:.3f} | {c.recall:.3f} | **{c.f1:.3f}** | "
            f"{c.doc_precision:.3f} | {c.doc_recall:.3f} | **{c.doc_f1:.3f}** |")


_HEAD = [
    "| | gold spans | tagged clauses | clause P | clause R | clause F1 | contract P | contract R | contract F1 |",
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
]


def _markdown(ev: CuadEvaluation) -> str:
    tax = ev.tagger.taxonomy
    lines = [f"Held-out contracts: {len(ev.held_out)}; training side: {ev.train_contracts} contracts."]
    lines += [f"Note: {n}." for n in ev.notes]
    lines += ["", "### Micro-averages over the four core families", "", *_HEAD]
    lines.append(_row("tagger, families", ev.tagger.micro(CORE_FAMILIES)))
    lines.append(_row("tagger, categories", ev.tagger.micro_categories(CORE_FAMILIES)))
    if ev.baseline is not None:
        lines.append(_row("baseline (TF-IDF + LR), families", ev.baseline.micro(CORE_FAMILIES)))
        lines.append(_row("baseline (TF-IDF + LR), categories", ev.baseline.micro_categories(CORE_FAMILIES)))
    lines += ["", "### Per family (tagger)", "", *_HEAD]
    for fam in tax.families:
        if fam.id in ev.tagger.families:
            lines.append(_row(f"`{fam.id}`", ev.tagger.families[fam.id]))
    if ev.baseline is not None:
        lines += ["", "### Per family (baseline)", "", *_HEAD]
        for fam in tax.families:
            if fam.id in ev.baseline.families:
                lines.append(_row(f"`{fam.id}`", ev.baseline.families[fam.id]))
    lines += ["", "### Per category (tagger)", "", *_HEAD]
    for cat in tax.categories:
        if cat.id in ev.tagger.categories:
            lines.append(_row(f"`{cat.id}`", ev.tagger.categories[cat.id]))
    return "\n".join(lines) + "\n"
