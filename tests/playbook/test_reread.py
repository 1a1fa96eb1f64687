"""Payment periods and liability caps the brief did not find, read again from the sentences holding the topic's
cue words, so a threshold position judges the term a reviewer sees instead of calling it missing."""

from __future__ import annotations

from leverage_lens.playbook import check_playbook
from leverage_lens.playbook.reread import reread

from ._reports import THEM, US, report

TEXT = """1. Fees
1.1 Service Fees shall be paid to Provider within five (5) days after the end of each month.
2. Warranty
2.1 Provider warrants that the Services will be performed in a workmanlike manner. Provider's entire liability
under this Agreement shall in no event exceed an amount equal to the price paid for the Services out of which
the claim arose.
"""

ADVANCE = """1. Payment
1.1 CUSTOMER AGREES TO PAY FOR HOSTING SERVICES ON OR BEFORE THE FIRST DAY OF THE MONTH IN WHICH THE SERVICES
ARE PROVIDED.
2. Termination
2.1 Either party may terminate this Agreement on thirty (30) days' written notice of a material breach.
"""


def test_a_payment_period_in_an_untagged_clause_is_read() -> None:
    terms = reread("payment_terms", report(TEXT))
    assert [t.value for t in terms] == ["P5D"] and terms[0].detail == "reread"


def test_payment_in_advance_is_no_credit_at_all() -> None:
    assert [t.value for t in reread("payment_terms", report(ADVANCE))] == ["P0D"]


def test_a_notice_period_is_not_a_payment_period() -> None:
    text = "1. Term\n1.1 Customer may pay the fees due and terminate on thirty (30) days' written notice.\n"
    assert reread("payment_terms", report(text)) == []


def test_a_cap_in_a_warranty_clause_is_read_with_whose_liability_it_is() -> None:
    caps = reread("liability_cap", report(TEXT))
    assert len(caps) == 1 and caps[0].party == THEM
    assert caps[0].value is not None and caps[0].value.startswith("an amount equal to the price paid")


def test_each_partys_cap_is_read_as_each() -> None:
    text = ("1. Limits\n1.1 Notwithstanding any other provision, each party's total liability under this Agreement "
            "shall be limited to the sum of all amounts received from Customer under this Agreement.\n")
    caps = reread("liability_cap", report(text))
    assert len(caps) == 1 and caps[0].party == "each"


def test_threshold_positions_judge_the_terms_read_again() -> None:
    book = {"name": "t", "side": "customer", "positions": [
        {"id": "pay", "title": "pay", "topic": "payment.terms",
         "check": {"term": "payment_terms", "at_least": "30 days"}},
        {"id": "cap", "title": "cap", "topic": "liability.cap",
         "check": {"term": "liability_cap", "party": ["them", "either"], "at_least": "12 months of fees"}},
    ]}
    pay, cap = check_playbook(report(TEXT), book, perspective="Customer").results
    assert pay.status == "not_met" and "5 days" in pay.message
    assert cap.status == "not_met"  # a per-service price cannot be shown to reach 12 months of fees


def test_a_threshold_on_their_cap_is_missing_when_only_ours_is_capped() -> None:
    text = ("1. Limits\n1.1 In no event shall Customer's aggregate liability exceed the fees paid by Customer in "
            "the three (3) months before the claim.\n")
    book = {"name": "t", "side": "customer", "positions": [
        {"id": "cap", "title": "cap", "topic": "liability.cap",
         "check": {"term": "liability_cap", "party": ["them", "either"], "at_least": "12 months of fees"}}]}
    r = check_playbook(report(text), book, perspective="Customer").results[0]
    assert r.status == "missing" and "covers only us" in r.message
    assert US != THEM
