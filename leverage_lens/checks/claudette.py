"""Potentially unfair terms of service: the eight CLAUDETTE types, found per sentence.

A linear model over word uni- and bigrams and character 3-5-grams (TF-IDF weights, one weight vector per type)
is stored as data in
``models/claudette/model.json`` and scored in pure Python, so scikit-learn is needed only to train it
(``leverage-lens eval claudette DIR --save``, see :mod:`leverage_lens.training.claudette`). Each type is
a registered rule (``claudette.<code>``) reporting the sentences whose score passes the type's threshold.
Consumer terms are rarely two-party negotiated, so findings favour the provider (``favors=None`` when the
provider is not a known party).
"""

from __future__ import annotations

import json
import math
import re
import threading
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .._paths import models_dir
from ..analysis import Analysis
from ..model import Finding, Span
from ..taxonomy import CLAUDETTE
from . import categories as cat
from .finding import make_finding
from .registry import Rule, rule

__all__ = ["CLAUDETTE", "CLAUDETTE_NAMES", "ClaudetteModel", "char_features", "features", "heading_like",
           "load_model"]

CLAUDETTE_NAMES: dict[str, str] = {
    "a": "arbitration", "ch": "unilateral change", "cr": "content removal", "j": "jurisdiction",
    "law": "choice of law", "ltd": "limitation of liability", "ter": "unilateral termination",
    "use": "contract by using",
}
_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


_LIST_ITEM_END = re.compile(r"[,;:]\s*(?:or|and)?\s*$", re.IGNORECASE)


def features(sentence: str) -> list[str]:
    """Lower-cased word unigrams and bigrams: the model's features (shared by training and scoring)."""
    toks = _TOKEN.findall(sentence.lower())
    return toks + [f"{a} {b}" for a, b in zip(toks, toks[1:])]


def char_features(sentence: str, low: int = 3, high: int = 5) -> list[str]:
    """Character n-grams inside each white-space word padded with spaces, marked with a leading "#" so they
    never collide with word features. They see through the spelling variants a word model splits apart
    ("terminat-e/-ion/-ing", "we'll", "modif-y/-ication") and through tokenisation differences."""
    out = []
    for word in sentence.lower().split():
        w = f" {word} "
        for n in range(low, high + 1):
            out += ["#" + w[i : i + n] for i in range(len(w) - n + 1)]
    return out


def heading_like(sentence: str, min_tokens: int) -> bool:
    """A short unit that is not a list item: a heading ("Limitation of liability", "Arbitration").

    Annotators rarely tag headings (8 of 1,148 units under six words in the train companies, all list items
    of a long exclusion), but a bag of words scores them high because they are made of the type's keywords."""
    return len(_TOKEN.findall(sentence.lower())) < min_tokens and not _LIST_ITEM_END.search(sentence.strip())


@dataclass(frozen=True)
class ClaudetteModel:
    """Per-type linear weights over TF-IDF features, with per-type decision thresholds.

    Word features and (when ``char_ngrams`` is set) character n-gram features form two blocks, each
    l2-normalised on its own as in training (two TF-IDF vectorisers side by side); units shorter than
    ``min_tokens`` words that are not list items are never reported (:func:`heading_like`)."""

    idf: dict[str, float]
    weights: dict[str, dict[str, float]]
    bias: dict[str, float]
    threshold: dict[str, float]
    char_ngrams: tuple[int, int] | None = None
    min_tokens: int = 0

    def scores(self, sentence: str) -> dict[str, float]:
        blocks = [features(sentence)]
        if self.char_ngrams is not None:
            blocks.append(char_features(sentence, *self.char_ngrams))
        vecs = []
        for feats in blocks:
            counts = Counter(f for f in feats if f in self.idf)
            vec = {f: (1.0 + math.log(n)) * self.idf[f] for f, n in counts.items()}
            norm = math.sqrt(sum(v * v for v in vec.values())) or 1.0
            vecs.append({f: v / norm for f, v in vec.items()})
        return {code: self.bias[code] + sum(v * w.get(f, 0.0) for vec in vecs for f, v in vec.items())
                for code, w in self.weights.items()}

    def predict(self, sentence: str) -> dict[str, float]:
        """Types whose score passes their threshold, with the margin over it."""
        if self.min_tokens and heading_like(sentence, self.min_tokens):
            return {}
        return {c: s - self.threshold[c] for c, s in self.scores(sentence).items() if s >= self.threshold[c]}

    def to_json(self) -> str:
        return json.dumps({"idf": self.idf, "weights": self.weights, "bias": self.bias,
                           "threshold": self.threshold, "char_ngrams": self.char_ngrams,
                           "min_tokens": self.min_tokens}, separators=(",", ":"), sort_keys=True)

    @classmethod
    def from_json(cls, raw: str) -> ClaudetteModel:
        d = json.loads(raw)
        ngrams = d.get("char_ngrams")
        return cls(idf=d["idf"], weights=d["weights"], bias=d["bias"], threshold=d["threshold"],
                   char_ngrams=tuple(ngrams) if ngrams else None, min_tokens=d.get("min_tokens", 0))


_model: ClaudetteModel | None = None
_lock = threading.Lock()


def model_path() -> Path:
    return models_dir() / "claudette" / "model.json"


def load_model() -> ClaudetteModel | None:
    """The packaged model (loaded once), or None when it is not installed."""
    global _model
    if _model is None:
        with _lock:
            if _model is None and model_path().exists():
                _model = ClaudetteModel.from_json(model_path().read_text(encoding="utf-8"))
    return _model


def predict_sentences(ctx: Analysis) -> list[dict[str, float]]:
    """Per sentence of ``ctx``, the CLAUDETTE types predicted (computed once per context); an empty list when
    the document is not consumer terms, so the eight rules skip it without a pass over its sentences."""
    cached = ctx.cache.get("claudette")
    if cached is None:
        m = load_model() if looks_like_consumer_terms(ctx.text) else None
        cached = [m.predict(s.text) for s in ctx.sentences] if m is not None else []
        ctx.cache["claudette"] = cached
    return cached  # type: ignore[return-value]


_YOU = re.compile(r"\b(?:you|your)\b", re.IGNORECASE)
_TOS = re.compile(r"\bterms\s+of\s+(?:service|use)\b", re.IGNORECASE)
# Marks of a negotiated contract between named parties: a preamble "made ... between X and Y" (not "between
# you and us"), recitals, a signature block, or a franchise (written to "you" but signed by both).
_NEGOTIATED_HEAD = re.compile(
    r"\bby\s+and\s+between\b|^\s*WHEREAS\b|\bfranchis(?:or|ee)\b|"
    r"\b(?:agreement|contract)\b[^.]{0,80}?\b(?:is\s+)?(?:made|entered\s+into|dated)\b[^.]{0,120}?"
    r"\bbetween\b[\s:]*(?![^.]{0,80}?\b(?:you|yourself|us)\b)",
    re.IGNORECASE | re.MULTILINE,
)
_WITNESS = re.compile(r"\bIN\s+WITNESS\s+WHEREOF\b", re.IGNORECASE)


def looks_like_consumer_terms(text: str) -> bool:
    """Terms addressed to "you" (or titled terms of service/use): where CLAUDETTE's types apply.

    Negotiated commercial contracts are left to the one-sided rules, which know both parties, even when
    they are written to "you" (franchise agreements, servicing letters): a preamble naming the parties,
    recitals or an execution clause says the terms were signed, not clicked through."""
    head = text[:20000]
    addressed = bool(_TOS.search(head[:3000])) or len(_YOU.findall(head)) * 1000 >= 3 * max(len(head), 1)
    return addressed and not _NEGOTIATED_HEAD.search(text, 0, 5000) and not _WITNESS.search(text)


def _provider(ctx: Analysis) -> str | None:
    pair = ctx.two_parties()
    return pair[0] if pair else (ctx.parties[0].id if ctx.parties else None)


_TOS_HEAD = "Terms of Service. Please read these terms before you use our services. "


def _make(code: str, description: str, severity: str, suggestion: str, fires: str, quiet: str) -> Rule:
    def check(ctx: Analysis, r: Rule) -> Sequence[Finding]:
        out: list[Finding] = []
        preds = predict_sentences(ctx)
        if not preds:  # gated off: not consumer terms
            return out
        who = _provider(ctx)
        for s, p in zip(ctx.sentences, preds):
            if code in p:
                out.append(make_finding(
                    rule_id=r.id, kind="one_sided", severity=r.severity, text=ctx.text, start=s.start, end=s.end,
                    message=f"Potentially unfair term ({CLAUDETTE_NAMES[code]}).", clause=s.clause,
                    category=r.category, family=cat.family_of(CLAUDETTE[code]), favors=who,
                    suggestion=r.suggestion, evidence=[Span(start=s.start, end=s.end, label=f"claudette:{code}")]))
        return out

    return rule(f"claudette.{code}", description=description, severity=severity, category=CLAUDETTE[code],
                suggestion=suggestion, fires_on=(_TOS_HEAD + fires,), quiet_on=(_TOS_HEAD + quiet,))(check)


RULES: tuple[Rule, ...] = (
    _make("a", "Disputes must go to arbitration (consumer terms).", "high",
          "the option to go to court, or arbitration only at the consumer's choice",
          "Any dispute arising out of these terms shall be resolved by binding arbitration.",
          "We hope you enjoy the service."),
    _make("ch", "The provider may change the terms on its own.", "medium",
          "notice of changes in advance and a right to leave without penalty",
          "We may modify these Terms at any time, in our sole discretion, by posting the revised terms.",
          "You can contact us by email."),
    _make("cr", "The provider may remove the user's content.", "medium",
          "removal only for stated reasons, with notice and a way to appeal",
          "We may remove any content at any time for any reason without notice.",
          "You can contact us by email."),
    _make("j", "Disputes must be brought in the provider's courts.", "medium",
          "the consumer's home courts",
          "You agree to submit to the exclusive jurisdiction of the courts located in Santa Clara County, "
          "California.", "You can contact us by email."),
    _make("law", "The provider's law governs.", "low", "the consumer's home law",
          "These Terms shall be governed by the laws of the State of California.",
          "You can contact us by email."),
    _make("ltd", "The provider limits or excludes its liability.", "high",
          "liability for the provider's own negligence and for the service it promised",
          "In no event shall we be liable for any indirect, incidental or consequential damages.",
          "You can contact us by email."),
    _make("ter", "The provider may suspend or terminate the account on its own.", "medium",
          "termination only for stated reasons, with notice and access to one's data",
          "We may suspend or terminate your account at any time without notice.",
          "You can contact us by email."),
    _make("use", "Using the service counts as accepting the terms.", "low",
          "explicit acceptance of the terms",
          "By using the Services, you agree to be bound by these Terms.",
          "You can contact us by email."),
)
