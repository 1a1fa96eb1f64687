"""Training and evaluating the CLAUDETTE model: what ``leverage-lens eval claudette DIR`` runs.

Data: ``DIR/sentences.jsonl`` names each company's split (``train`` / ``validation``, as LexGLUE);
``DIR/tagged/<company>.xml`` holds the original text with inline tags (``<ltd2>...</ltd2>``; the digit is the
fairness level). Tags are stripped to get the raw text and gold spans; levels 2 and 3 (potentially and
clearly unfair) are the gold. Units are the sentences of :func:`leverage_lens.enrich.sentence_spans`, the same
units the library scores at run time. A unit is positive for a type when a gold span of that type covers at
least half of it (or 40 characters of it).

Scoring (per type): a reported sentence is correct when it overlaps a gold span of that type by a character
or more (precision); a gold span is found when a reported sentence overlaps it (recall); F1 and the macro-F1
over the eight types. The TF-IDF + linear SVM baseline (scikit-learn ``LinearSVC``, word 1-2 grams, sublinear
tf, class-balanced, C chosen by company-grouped cross-validation on the train companies) is trained and
scored on the same units in the same run; both are also scored at sentence level on the validation sentences
of ``sentences.jsonl`` (LexGLUE's units), with LexGLUE's own way of averaging (:func:`sentence_f1`), so the
figures can be set beside published ones. Needs scikit-learn (``[eval]`` extra).
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..checks.claudette import CLAUDETTE, ClaudetteModel, char_features, features, heading_like
from ..enrich.sentences import sentence_spans
from ..errors import LeverageLensError
from .claudette_scoring import (
    CODES,
    CrossValidation,
    TaggedDoc,
    TypeScore,
    best_span_threshold,
    bootstrap_interval,
    company_folds,
    cross_validate,
    evaluate,
)

__all__ = ["ClaudetteEvaluation", "TaggedDoc", "company_folds", "evaluate", "load_claudette", "out_of_fold_scores", "run",
           "sentence_f1", "train_model", "units_of"]

_TAG = re.compile(r"<(/?)([a-z]+)(\d)>")


class ClaudetteDataError(LeverageLensError):
    """The CLAUDETTE folder is missing or not laid out as expected (sentences.jsonl, tagged/*.xml)."""


def strip_tags(raw: str) -> tuple[str, list[tuple[int, int, str, int]]]:
    """Raw text without tags, and the gold spans (tags may close out of order, as in the corpus)."""
    out: list[str] = []
    pos = 0
    length = 0
    open_: dict[tuple[str, int], list[int]] = {}
    gold = []
    for m in _TAG.finditer(raw):
        chunk = raw[pos : m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        key = (m.group(2), int(m.group(3)))
        if m.group(1):
            starts = open_.get(key)
            if starts:
                gold.append((starts.pop(), length, key[0], key[1]))
        else:
            open_.setdefault(key, []).append(length)
    out.append(raw[pos:])
    return "".join(out), [g for g in gold if g[2] in CLAUDETTE]


def load_claudette(directory: Path) -> list[TaggedDoc]:
    sentences = directory / "sentences.jsonl"
    if not sentences.exists() or not (directory / "tagged").is_dir():
        raise ClaudetteDataError(f"{directory} has no sentences.jsonl and tagged/: pass the claudette folder "
                                 "of the shared data (e.g. ../shared/data/claudette)")
    splits: dict[str, str] = {}
    with sentences.open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            splits.setdefault(row["company"], row["split"])
    docs = []
    for company, split in sorted(splits.items()):
        path = directory / "tagged" / f"{company}.xml"
        if not path.exists():
            continue
        text, gold = strip_tags(path.read_text(encoding="utf-8"))
        docs.append(TaggedDoc(company, split, text, gold, sentence_spans(text)))
    return docs


def _sklearn() -> Any:
    try:
        from sklearn.feature_extraction.text import TfidfVectorizer
        from sklearn.svm import LinearSVC
    except ImportError as exc:  # pragma: no cover - depends on the environment
        from ..evaluate.baseline import EvalDependencyError

        raise EvalDependencyError("the CLAUDETTE evaluation needs scikit-learn: "
                                  "pip install 'leverage-lens[eval]'") from exc
    return TfidfVectorizer, LinearSVC


def units_of(docs: Sequence[TaggedDoc]) -> tuple[list[str], list[set[str]], list[str]]:
    """Each unit's text, its gold types and its company (the group company-grouped folds split on)."""
    xs, ys, groups = [], [], []
    for d in docs:
        for (s, e), labs in zip(d.units, d.unit_labels()):
            xs.append(d.text[s:e])
            ys.append(labs)
            groups.append(d.company)
    return xs, ys, groups


#: The shipped configuration, chosen by company-grouped 5-fold CV on the train companies (docs/evaluation.md).
CHAR_NGRAMS = (3, 5)
CHAR_MAX_FEATURES = 30000
MIN_TOKENS = 6


def _vectorise(train_xs: Sequence[str], *, min_df: int, char_ngrams: tuple[int, int] | None,
               ) -> tuple[Any, Any, list[Any]]:
    """Fitted TF-IDF vectorisers (words; characters when ``char_ngrams``), and the stacked train matrix."""
    tfidf_cls, _ = _sklearn()
    from scipy.sparse import hstack

    vecs = [tfidf_cls(analyzer=features, sublinear_tf=True, min_df=min_df)]
    if char_ngrams is not None:
        lo, hi = char_ngrams
        vecs.append(tfidf_cls(analyzer=lambda t: char_features(t, lo, hi), sublinear_tf=True, min_df=3,
                              max_features=CHAR_MAX_FEATURES))
    x = hstack([v.fit_transform(train_xs) for v in vecs]).tocsr()
    return x, hstack, vecs


def out_of_fold_scores(docs: Sequence[TaggedDoc], folds: Sequence[set[str]], *, c: float = 0.5, min_df: int = 2,
                       class_weight: str | None = None, char_ngrams: tuple[int, int] | None = CHAR_NGRAMS,
                       min_tokens: int = MIN_TOKENS) -> dict[str, list[float]]:
    """Per type, each unit's score from the model trained without its company's fold (headings score -1e9,
    as they are never reported at run time); units in the order of ``docs``."""
    _, svc_cls = _sklearn()
    xs, ys, groups = units_of(docs)
    heading = [bool(min_tokens) and heading_like(t, min_tokens) for t in xs]
    oof = {code: [0.0] * len(xs) for code in CODES}
    for fold in folds:
        tr = [i for i, g in enumerate(groups) if g not in fold]
        te = [i for i, g in enumerate(groups) if g in fold]
        x_tr, hstack, vecs = _vectorise([xs[i] for i in tr], min_df=min_df, char_ngrams=char_ngrams)
        x_te = hstack([v.transform([xs[i] for i in te]) for v in vecs]).tocsr()
        for code in CODES:
            y = [1 if code in ys[i] else 0 for i in tr]
            if not any(y):  # no example of the type outside the fold: nothing to learn, nothing reported
                for i in te:
                    oof[code][i] = -1e9
                continue
            clf = svc_cls(C=c, class_weight=class_weight, max_iter=10000).fit(x_tr, y)
            for i, sc in zip(te, clf.decision_function(x_te)):
                oof[code][i] = -1e9 if heading[i] else float(sc)
    return oof


def train_model(docs: Sequence[TaggedDoc], *, c: float = 0.5, min_df: int = 2, class_weight: str | None = None,
                char_ngrams: tuple[int, int] | None = CHAR_NGRAMS, min_tokens: int = MIN_TOKENS,
                oof: dict[str, list[float]] | None = None) -> ClaudetteModel:
    """Fit the product model: linear SVMs over word and character TF-IDF blocks, with per-type thresholds
    chosen on out-of-fold scores of company-grouped 5-fold CV (headings left out, as at run time).

    ``oof``: those out-of-fold scores when the caller already has them (:func:`run` reuses them for the
    cross-validated figures); computed over :func:`company_folds` otherwise."""
    _, svc_cls = _sklearn()
    xs, ys, groups = units_of(docs)
    if oof is None:
        oof = out_of_fold_scores(docs, company_folds(groups), c=c, min_df=min_df, class_weight=class_weight,
                                 char_ngrams=char_ngrams, min_tokens=min_tokens)
    x, _, vecs = _vectorise(xs, min_df=min_df, char_ngrams=char_ngrams)
    vocab = [f for v in vecs for f in v.get_feature_names_out()]
    idf = {f: round(float(w), 4) for f, w in zip(vocab, (w for v in vecs for w in v.idf_))}
    weights, bias, threshold = {}, {}, {}
    for code in CODES:
        threshold[code] = best_span_threshold(docs, oof[code], code)
        clf = svc_cls(C=c, class_weight=class_weight, max_iter=10000).fit(x, [1 if code in labs else 0 for labs in ys])
        weights[code] = {vocab[j]: round(float(w), 4) for j, w in enumerate(clf.coef_[0]) if abs(w) >= 2e-3}
        bias[code] = float(clf.intercept_[0])
    # Normalisation needs every vocabulary feature's idf, so features without a weight anywhere stay in idf.
    return ClaudetteModel(idf=idf, weights=weights, bias=bias, threshold=threshold, char_ngrams=char_ngrams,
                          min_tokens=min_tokens)


@dataclass
class ClaudetteEvaluation:
    system: dict[str, TypeScore]
    baseline: dict[str, TypeScore]
    baseline_c: float | None = None
    sentence_system: dict[str, float] | None = None
    sentence_baseline: dict[str, float] | None = None
    cv: CrossValidation | None = None
    interval: tuple[float, float] | None = None

    @staticmethod
    def macro(scores: dict[str, TypeScore]) -> float:
        return sum(s.f1 for s in scores.values()) / len(scores)

    def table(self) -> str:
        lines = ["type  system P/R/F1          baseline P/R/F1        gold", "-" * 62]
        for code in CODES:
            s, b = self.system[code], self.baseline[code]
            lines.append(f"{code:<5} {s.precision:.2f}/{s.recall:.2f}/{s.f1:.2f}  (n={s.reported:<3})  "
                         f"{b.precision:.2f}/{b.recall:.2f}/{b.f1:.2f}  (n={b.reported:<3})  {s.gold}")
        lines.append(f"macro-F1  system {self.macro(self.system):.3f}   baseline {self.macro(self.baseline):.3f}"
                     + (f"  (baseline C={self.baseline_c:g}, chosen on train companies)" if self.baseline_c else ""))
        if self.sentence_system and self.sentence_baseline:
            ss, sb = self.sentence_system, self.sentence_baseline
            lines.append(f"sentences.jsonl validation, sentence F1: system macro {ss['macro']:.3f} "
                         f"(LexGLUE-style {ss['lexglue']:.3f})   baseline macro {sb['macro']:.3f} "
                         f"(LexGLUE-style {sb['lexglue']:.3f})")
        if self.interval:
            lines.append(f"system macro-F1, 90% interval over resampled validation companies: "
                         f"{self.interval[0]:.3f} - {self.interval[1]:.3f}")
        if self.cv:
            lines.append(self.cv.summary())
        return "\n".join(lines)


#: C values the baseline chooses from, by company-grouped cross-validation on the train companies only.
BASELINE_C = (0.03, 0.1, 0.3, 1.0, 3.0)


def _company_folds(groups: Sequence[str], k: int = 5) -> list[tuple[list[int], list[int]]]:
    companies = sorted(set(groups))
    out = []
    for i in range(k):
        held = set(companies[i::k])
        out.append(([j for j, g in enumerate(groups) if g not in held], [j for j, g in enumerate(groups) if g in held]))
    return out


def _macro_f1(truth: Sequence[set[str]], pred: Sequence[set[str]]) -> float:
    total = 0.0
    for code in CODES:
        tp = sum(1 for t, p in zip(truth, pred) if code in t and code in p)
        fp = sum(1 for t, p in zip(truth, pred) if code not in t and code in p)
        fn = sum(1 for t, p in zip(truth, pred) if code in t and code not in p)
        total += 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    return total / len(CODES)


def baseline_fit(train: Sequence[TaggedDoc]) -> tuple[Any, float]:
    """The fair yardstick: TF-IDF word 1-2 grams (sublinear tf) + class-balanced LinearSVC per type.

    C is chosen from :data:`BASELINE_C` by 5-fold company-grouped cross-validation on the train companies
    (sentence-level macro-F1), never on the validation companies; the decision threshold is the SVM's 0.
    Returns a function from texts to predicted type sets, and the chosen C.
    """
    tfidf_cls, svc_cls = _sklearn()
    xs, ys, groups = units_of(train)

    def fit(tr: Sequence[int], c: float) -> Any:
        vec = tfidf_cls(ngram_range=(1, 2), sublinear_tf=True)
        x = vec.fit_transform([xs[i] for i in tr])
        clfs = {code: svc_cls(C=c, class_weight="balanced", max_iter=20000).fit(
            x, [1 if code in ys[i] else 0 for i in tr]) for code in CODES}

        def predict(texts: Sequence[str]) -> list[set[str]]:
            preds: list[set[str]] = [set() for _ in texts]
            if not texts:
                return preds
            xt = vec.transform(texts)
            for code, clf in clfs.items():
                for p, sc in zip(preds, clf.decision_function(xt)):
                    if sc > 0:
                        p.add(code)
            return preds

        return predict

    folds = _company_folds(groups)
    best_c, best = BASELINE_C[0], -1.0
    for c in BASELINE_C:
        truth: list[set[str]] = []
        pred: list[set[str]] = []
        for tr, te in folds:
            truth += [ys[i] for i in te]
            pred += fit(tr, c)([xs[i] for i in te])
        score = _macro_f1(truth, pred)
        if score > best:
            best, best_c = score, c
    return fit(range(len(xs)), best_c), best_c


def baseline_predictions(train: Sequence[TaggedDoc], test: Sequence[TaggedDoc]) -> tuple[list[list[set[str]]], float]:
    """The baseline's predictions on the units of ``test`` (see :func:`baseline_fit`), and its C."""
    predict, best_c = baseline_fit(train)
    flat = predict([d.text[a:b] for d in test for a, b in d.units])
    out: list[list[set[str]]] = []
    k = 0
    for d in test:
        out.append(flat[k : k + len(d.units)])
        k += len(d.units)
    return out, best_c


def sentence_f1(truth: Sequence[set[str]], pred: Sequence[set[str]]) -> dict[str, float]:
    """Sentence-level F1 per type, their macro average (``macro``), and LexGLUE's figure (``lexglue``).

    LexGLUE's ``unfair_tos`` script scores nine columns: the eight types and a ninth "has any label" column
    that it fills from the gold labels in both truth and prediction, so that column always scores 1.0 and
    LexGLUE's macro-F1 is (8 x our macro + 1) / 9 (e.g. 0.80 over the eight types reads 0.82 there)."""
    out = {}
    for code in CODES:
        tp = sum(1 for t, p in zip(truth, pred) if code in t and code in p)
        fp = sum(1 for t, p in zip(truth, pred) if code not in t and code in p)
        fn = sum(1 for t, p in zip(truth, pred) if code in t and code not in p)
        out[code] = 2 * tp / (2 * tp + fp + fn) if tp else 0.0
    macro = sum(out.values()) / len(CODES)
    out["macro"] = macro
    out["lexglue"] = (macro * len(CODES) + (1.0 if any(truth) else 0.0)) / (len(CODES) + 1)
    return out


def _validation_sentences(directory: Path) -> tuple[list[str], list[set[str]]]:
    texts, labels = [], []
    with (directory / "sentences.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["split"] == "validation":
                texts.append(row["sentence"])
                labels.append(set(row["labels"]))
    return texts, labels


def run(directory: Path, *, save: Path | None = None, cv_repeats: int = 0) -> ClaudetteEvaluation:
    """Train on the train companies, score system and baseline on the validation companies: span overlap on
    the tagged originals (the product's measure) and, for comparison with published figures, sentence-level
    F1 on the validation sentences of ``sentences.jsonl`` (LexGLUE's units). Also reported: the honest
    cross-validated figure on the train companies (:func:`~.claudette_scoring.cross_validate`, ``cv_repeats`` extra shuffled
    partitions) and a bootstrap interval over the validation companies (:func:`~.claudette_scoring.bootstrap_interval`)."""
    docs = load_claudette(directory)
    train = [d for d in docs if d.split == "train"]
    test = [d for d in docs if d.split == "validation"]
    oof = out_of_fold_scores(train, company_folds([d.company for d in train]))
    model = train_model(train, oof=oof)
    if save is not None:
        save.parent.mkdir(parents=True, exist_ok=True)
        save.write_text(model.to_json(), encoding="utf-8")
    system = [[set(model.predict(d.text[a:b])) for a, b in d.units] for d in test]
    base_predict, base_c = baseline_fit(train)
    base: list[list[set[str]]] = [base_predict([d.text[a:b] for a, b in d.units]) for d in test]
    sents, truth = _validation_sentences(directory)
    return ClaudetteEvaluation(
        system=evaluate(test, system), baseline=evaluate(test, base), baseline_c=base_c,
        sentence_system=sentence_f1(truth, [set(model.predict(t)) for t in sents]),
        sentence_baseline=sentence_f1(truth, base_predict(sents)),
        cv=cross_validate(train, lambda folds: out_of_fold_scores(train, folds), repeats=cv_repeats, oof=oof), interval=bootstrap_interval(test, system))
