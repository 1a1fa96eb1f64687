"""The holder model reads who a sentence favours; the ledger uses it to hold back backwards readings and to
read on-topic sentences that no cue or clause tag read."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

import leverage_lens
from leverage_lens.analysis import Analysis
from leverage_lens.ledger import build_ledger, second_reading
from leverage_lens.ledger.holder_model import (
    HolderModel,
    load_holder_model,
    masked_tokens,
    save_holder_model,
    swap,
)
from leverage_lens.ledger.second_reading import HOLDER_READ, disagreement
from leverage_lens.model import Tag

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


def _analysis(text: str, tag: str | None = None) -> Analysis:
    """The analysis of ``text``; with ``tag``, every clause carries that tag (as the tagger would give it)."""
    doc = leverage_lens.parse_text(text)
    if tag is not None:
        t = Tag(category=tag, family=tag.split(".", 1)[0], confidence=0.5, source="model")
        doc = doc.model_copy(update={"clauses": [c.model_copy(update={"tags": [t]}) for c in doc.clauses]})
    return Analysis.build(doc)


def _id(an: Analysis, alias: str) -> str:
    return next(p.id for p in an.parties if alias in p.aliases or p.role == alias or p.name == alias)


def test_party_mentions_become_party_tokens_and_other_words_stay() -> None:
    text = "Acme may audit Beta's records; Gamma may not."
    mentions = [(0, 4, "a"), (15, 19, "b"), (31, 36, "c")]
    assert masked_tokens([(text, mentions)], ("a", "b")) == [
        "PTYA", "may", "audit", "PTYB", "s", "records", ";", "PTYO", "may", "not"]


@pytest.mark.skipif(load_holder_model() is None, reason="models/ledger_holder is not installed")
def test_swapping_the_pair_swaps_the_packaged_models_reading() -> None:
    model = load_holder_model()
    assert model is not None
    toks = ["PTYA", "may", "terminate", "this", "agreement", "upon", "thirty", "days", "written", "notice", "to", "PTYB"]
    a, b, m = model.probabilities(toks, "termination.convenience")
    b2, a2, m2 = model.probabilities(swap(toks), "termination.convenience")
    assert (a, b, m) == pytest.approx((a2, b2, m2), abs=0.05)
    assert a + b + m == pytest.approx(1.0)
    assert a > 0.5


def test_a_saved_model_loads_back_with_the_same_readings(tmp_path: Path) -> None:
    vocab = ["PTYA", "may", "PTYA may"]
    w = np.array([[1.0, 0.2, 2.0], [-1.0, 0.1, -2.0], [0.0, 0.0, 0.0]], dtype=np.float32)
    save_holder_model(tmp_path / "holder.npz", vocab, w, np.zeros(3))
    loaded = load_holder_model.__wrapped__(tmp_path / "holder.npz")
    assert loaded is not None and loaded.vocabulary == tuple(vocab)
    direct = HolderModel(vocabulary=tuple(vocab), weights=w, bias=np.zeros(3, dtype=np.float32))
    assert loaded.probabilities(["PTYA", "may"], "x.y") == pytest.approx(direct.probabilities(["PTYA", "may"], "x.y"))


@pytest.mark.skipif(load_holder_model() is None, reason="models/ledger_holder is not installed")
@pytest.mark.parametrize("sentence, holder", [
    ("Customer may terminate this Agreement for convenience upon thirty days written notice to Supplier.", "Customer"),
    ("Supplier shall indemnify and hold harmless Customer from all claims.", "Customer"),
    ("Supplier hereby grants to Customer a non-exclusive license to use the Software.", "Customer"),
])
def test_the_packaged_model_reads_plain_sentences_for_the_party_that_gains(sentence: str, holder: str) -> None:
    an = _analysis(P + "5. Terms. 5.1 " + sentence)
    s = next(s for s in an.sentences if sentence[:20] in s.text)
    pair = (_id(an, "Supplier"), _id(an, "Customer"))
    model = load_holder_model()
    assert model is not None
    cat = {"Customer may": "termination.convenience", "Supplier shall": "liability.indemnification"}.get(
        sentence[:14], "ip.license_grant")
    probs = model.probabilities(masked_tokens([(s.text, [(a - s.start, b - s.start, p) for a, b, p in s.mentions])],
                                              pair), cat)
    assert max(range(3), key=lambda k: probs[k]) == pair.index(_id(an, holder))


def _pair_answer(an: Analysis, favours: str, p: float) -> tuple[float, float, float]:
    from leverage_lens.ledger import principal_pair

    pair = principal_pair(an)
    assert pair is not None
    k = pair.index(_id(an, favours))
    out = [0.0, 0.0, 1.0 - p]
    out[k] = p
    return out[0], out[1], out[2]


def test_a_reading_the_holder_model_places_on_the_other_side_is_kept_but_not_raised(
        monkeypatch: pytest.MonkeyPatch) -> None:
    text = P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice."
    an = _analysis(text)
    answer = _pair_answer(an, "Supplier", 0.9)
    monkeypatch.setattr(second_reading, "load_holder_model", lambda: _FixedPair(answer))
    entries = build_ledger(an).entries
    e = next(e for e in entries if e.category == "termination.convenience" and e.basis == "wording")
    assert e.favors == _id(an, "Customer")
    assert disagreement(an, e) == pytest.approx(0.9)
    an2 = _analysis(text)
    an2.ledger = build_ledger(an2)
    from leverage_lens.checks import run_checks

    findings = [f for f in run_checks(an2) if f.kind == "one_sided" and f.category == "termination.convenience"]
    assert findings == []


def test_a_reading_the_holder_model_agrees_with_is_raised(monkeypatch: pytest.MonkeyPatch) -> None:
    text = P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice."
    an = _analysis(text)
    monkeypatch.setattr(second_reading, "load_holder_model", lambda: _FixedPair(_pair_answer(an, "Customer", 0.9)))
    an.ledger = build_ledger(an)
    from leverage_lens.checks import run_checks

    findings = [f for f in run_checks(an) if f.kind == "one_sided" and f.category == "termination.convenience"]
    assert [f.favors for f in findings] == [_id(an, "Customer")]


class _FixedPair(HolderModel):
    """Answers (pair[0], pair[1], mutual) as given, whatever the sentence."""

    def __init__(self, answer: tuple[float, float, float]) -> None:
        super().__init__(vocabulary=(), weights=np.zeros((3, 0), dtype=np.float32), bias=np.zeros(3))
        object.__setattr__(self, "answer", answer)

    def read(self, tokens: Any, categories: Any, shared: Any = None) -> list[tuple[float, float, float]]:
        return [self.answer for _ in categories]  # type: ignore[attr-defined]


class _Topics:
    """A sentence-topic model that places every sentence mentioning 'Pilot Program' on the audit topic."""

    labels = ("payment.audit_rights",)
    thresholds = np.array([0.5])

    def scores(self, texts: Any) -> Any:
        return np.array([[0.9 if "Pilot Program" in t else 0.1] for t in texts])


_RECORDS = P + ("6. Records. 6.1 Supplier shall open the Pilot Program ledgers to Customer's accountants each quarter "
                "upon reasonable request.")


def test_an_on_topic_sentence_no_cue_read_is_read_by_the_holder_model(monkeypatch: pytest.MonkeyPatch) -> None:
    an = _analysis(_RECORDS, tag="payment.terms")
    monkeypatch.setattr(second_reading, "load_holder_model", lambda: _FixedPair(_pair_answer(an, "Customer", 0.85)))
    monkeypatch.setattr(second_reading, "load_sentence_topics", lambda: _Topics())
    entries = [e for e in build_ledger(an).entries if e.basis == "sentence_model"]
    assert [(e.category, e.favors, e.burdened) for e in entries] == [
        ("payment.audit_rights", _id(an, "Customer"), _id(an, "Supplier"))]
    assert any(w.label.startswith(HOLDER_READ) for w in entries[0].evidence)


def test_an_unsure_holder_model_reads_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    an = _analysis(_RECORDS, tag="payment.terms")
    monkeypatch.setattr(second_reading, "load_holder_model", lambda: _FixedPair((0.4, 0.35, 0.25)))
    monkeypatch.setattr(second_reading, "load_sentence_topics", lambda: _Topics())
    assert [e for e in build_ledger(an).entries if e.basis == "sentence_model"] == []


def test_a_clause_the_tagger_left_untagged_is_not_read_by_the_holder_model(monkeypatch: pytest.MonkeyPatch) -> None:
    an = _analysis(_RECORDS)
    monkeypatch.setattr(second_reading, "load_holder_model", lambda: _FixedPair(_pair_answer(an, "Customer", 0.85)))
    monkeypatch.setattr(second_reading, "load_sentence_topics", lambda: _Topics())
    assert [e for e in build_ledger(an).entries if e.basis == "sentence_model"] == []
