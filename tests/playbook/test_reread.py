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


def _threshold_book(*checks: tuple[str, dict]) -> dict:
    return {"name": "t", "side": "customer", "positions": [
        {"id": pid, "title": pid, "topic": "payment.terms" if "payment" in str(c) else "liability.cap", "check": c}
        for pid, c in checks]}


PAY_30 = ("pay", {"term": "payment_terms", "at_least": "30 days"})
CAP_12 = ("cap", {"term": "liability_cap", "party": ["them", "either"], "at_least": ["12 months of fees", "$1,000,000"]})

EXCLUSION_THEN_CAP = """12. Limitation of Liability
12.1 IN NO EVENT SHALL EITHER PARTY BE LIABLE TO THE OTHER PARTY FOR ANY INCIDENTAL, CONSEQUENTIAL OR INDIRECT
DAMAGES (INCLUDING, BUT NOT LIMITED TO, LOST PROFITS).
12.2 Either party's total liability to the other party under this Agreement shall be limited to the amounts paid or
payable by Customer to Provider during the twelve-month period preceding the claim.
"""


def test_an_exclusion_of_kinds_of_damages_is_not_a_cap_and_the_cap_is_read_again() -> None:
    from leverage_lens.model import Brief

    from ._reports import term

    exclusion = term(EXCLUSION_THEN_CAP, "IN NO EVENT SHALL EITHER PARTY BE LIABLE TO THE OTHER PARTY FOR ANY "
                     "INCIDENTAL", "liability_cap", None, party="each")
    rep = report(EXCLUSION_THEN_CAP, brief=Brief(liability=[exclusion]))
    r = check_playbook(rep, _threshold_book(CAP_12), perspective="Customer").results[0]
    assert r.status == "met" and "twelve-month" in (r.quote or "")


def test_liable_for_no_more_than_the_greater_of_a_sum_or_a_years_charges_is_a_cap_of_a_year() -> None:
    text = ("1. Limits\n1.1 In each such case, Provider is liable for no more than: damages for bodily injury; and "
            "the amount of any other actual direct damages, up to the greater of $100,000 or the charges paid by "
            "Customer in the twelve (12) months immediately preceding the claim.\n")
    caps = reread("liability_cap", report(text))
    assert len(caps) == 1 and (caps[0].value or "").startswith("the greater of $100,000")
    assert check_playbook(report(text), _threshold_book(CAP_12), perspective="Customer").results[0].status == "met"


def test_insolvency_and_force_majeure_are_not_caps() -> None:
    text = ("1. Termination\n1.1 Provider may terminate if Customer's liabilities exceed its assets.\n"
            "2. Force Majeure\n2.1 Neither party shall be liable for any delay caused by events beyond its control, "
            "including but not limited to fires, provided the party delaying gives notice to the other party.\n")
    assert reread("liability_cap", report(text)) == []


def test_a_redacted_payment_period_cannot_meet_a_threshold() -> None:
    text = "1. Payment\n1.1 All undisputed payments shall be made within [***] of receipt of invoice by Customer.\n"
    terms = reread("payment_terms", report(text))
    assert [(t.value, t.detail) for t in terms] == [(None, "redacted")]
    r = check_playbook(report(text), _threshold_book(PAY_30), perspective="Customer").results[0]
    assert r.status == "not_met" and "redacted" in r.message


def test_payment_due_a_number_of_days_from_receipt_is_a_payment_period() -> None:
    text = "1. Payment\n1.1 Payment is due thirty (30) days from receipt of invoice.\n"
    assert [t.value for t in reread("payment_terms", report(text))] == ["P30D"]


ADVANCE_AND_ROYALTIES = """1. Advance
1.1 Licensee shall pay Provider a non-refundable advance of $10,000 upon Licensee's signature of this Agreement.
2. Royalties
2.1 Royalties shall be paid within thirty (30) days after the close of each calendar quarter.
3. Cancellation
3.1 If Customer cancels an order, Customer shall pay in advance for the materials bought for it.
"""


def test_an_advance_on_signing_counts_beside_the_periods_the_brief_found() -> None:
    from leverage_lens.model import Brief

    from ._reports import term

    royalties = term(ADVANCE_AND_ROYALTIES, "Royalties shall be paid within thirty (30) days", "payment_terms", "P30D")
    rep = report(ADVANCE_AND_ROYALTIES, brief=Brief(payment_terms=[royalties]))
    r = check_playbook(rep, _threshold_book(PAY_30), perspective="Customer").results[0]
    assert r.status == "not_met" and "0 days" in r.message and "signature" in r.message
    assert len(r.evidence) == 1  # the advance, not the prepayment owed once an order is cancelled


def test_payment_upon_signing_is_read_whichever_comes_first() -> None:
    text = "1. Fees\n1.1 Upon the signing of this Agreement, Client agrees to pay the Setup Fee of $5,000.\n"
    assert [t.value for t in reread("payment_terms", report(text))] == ["P0D"]


def test_a_sentence_naming_the_liability_cap_is_not_an_exclusion() -> None:
    from leverage_lens.playbook.reread import is_exclusion_only

    from ._reports import term

    text = "1. Limits\n1.1 The liability cap in Section 8.1(a) does not apply to any Increased Claims.\n"
    assert not is_exclusion_only(term(text, "The liability cap in Section 8.1(a)", "liability_cap", None))
    text = "1. Limits\n1.1 Neither party shall be liable for indirect damages, including but not limited to lost profits.\n"
    assert is_exclusion_only(term(text, "Neither party shall be liable for indirect damages", "liability_cap", None))
