"""The sentence-topic model confirms which sentence of a tagged clause is on the topic, and only confirmed
clause-tag readings become findings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import leverage_lens
from leverage_lens.analysis import Analysis
from leverage_lens.checks.one_sided import ledger_rules
from leverage_lens.ledger.build import SENTENCE_ON_TOPIC
from leverage_lens.ledger.sentence_model import load_sentence_topics
from leverage_lens.model import Ledger, LedgerEntry, Span

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


@pytest.fixture(scope="module")
def model():  # type: ignore[no-untyped-def]
    found = load_sentence_topics()
    if found is None:
        pytest.skip("models/ledger_sentences is not installed")
    return found


def test_a_plain_insurance_duty_is_on_the_insurance_topic(model) -> None:  # type: ignore[no-untyped-def]
    got = model.on_topic(
        ["Supplier shall maintain, at its own expense, commercial general liability insurance with limits of not "
         "less than $1,000,000 per occurrence and shall name Customer as an additional insured.",
         "This Agreement shall be governed by the laws of the State of Delaware."],
        ["liability.insurance", "liability.insurance"])
    assert got[0] is not None and got[1] is None


def test_a_category_the_model_has_no_threshold_for_is_never_confirmed(model) -> None:  # type: ignore[no-untyped-def]
    assert model.on_topic(["Supplier shall indemnify Customer against all claims."], ["no.such_category"]) == [None]


def _with_entry(evidence: list[Span]) -> Analysis:
    text = P + "4. Audit. 4.1 Customer shall keep records. 5. Fees. 5.1 Customer shall pay Supplier the fees."
    an = Analysis.build(leverage_lens.parse_text(text))
    sup, cus = (next(p.id for p in an.parties if p.role == r or r in p.aliases) for r in ("Supplier", "Customer"))
    start = text.index("Customer shall keep")
    end = text.index("5. Fees")
    an.ledger = Ledger(entries=[LedgerEntry(
        id="e1", category="payment.audit_rights", family="payment", reading="duty", clause_id=an.clause_at(start).id,
        start=start, end=end, favors=sup, burdened=cus, basis="clause_tag", confidence=0.7, evidence=evidence)])
    return an


def test_a_clause_tag_reading_is_raised_only_when_its_sentence_is_on_the_topic() -> None:
    rule = ledger_rules.audit
    assert rule.check(_with_entry([]), rule) == []
    start = P.__len__()
    confirmed = _with_entry([Span(start=start, end=start + 10, label=f"{SENTENCE_ON_TOPIC} (0.91)")])
    assert [f.rule for f in rule.check(confirmed, rule)] == [rule.id]


def test_training_writes_a_model_the_ledger_can_load(tmp_path: Path) -> None:
    pytest.importorskip("sklearn")
    from leverage_lens.evaluate.data import part_of
    from leverage_lens.ledger.sentence_model import load_sentence_topics as load
    from leverage_lens.training.sentence_topics import build

    cuad = tmp_path / "cuad"
    (cuad / "txt").mkdir(parents=True)
    spans = []
    insurance = "Supplier shall maintain general liability insurance of at least one million dollars at all times."
    other = "The parties shall meet each quarter to review the progress of the project in good faith."
    n = {"train": 0, "dev": 0}
    k = 0
    while min(n.values()) < 8:
        doc_id = f"doc{k}"
        k += 1
        part = part_of(doc_id)
        if part == "held-out" or n.get(part, 99) >= 8:
            continue
        n[part] += 1
        text = f"{other} {insurance} {other}"
        (cuad / "txt" / f"{doc_id}.txt").write_text(text, encoding="utf-8")
        a = text.index(insurance)
        spans.append({"doc_id": doc_id, "category": "Insurance", "start": a, "end": a + len(insurance)})
    (cuad / "spans.jsonl").write_text("".join(json.dumps(s) + "\n" for s in spans), encoding="utf-8")
    report = build(tmp_path, tmp_path / "out", excluded=set())
    # thresholds come from out-of-fold scores over train and dev: every contract's sentence is scored once
    assert report["contracts"] == 16 and report["per_category"]["liability.insurance"]["positives"] == 16
    got = load(tmp_path / "out" / "sentence_topics.npz")
    assert got is not None and got.on_topic([insurance, other], ["liability.insurance"] * 2)[0] is not None
