"""Phrase rules and headings tag a clause on their own only where the clause states the topic."""

from __future__ import annotations

import leverage_lens
from leverage_lens.model import Clause, ClauseKind, Span
from leverage_lens.tag.gates import RULE_CUES, is_definition_pointer, is_filing_stamp, rule_cue
from leverage_lens.tag.tagger import ClauseTagger


def _tags(text: str) -> dict[str, set[str]]:
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    return {" ".join(c.text.split())[:40]: {t.category for t in c.tags} for c in report.clauses}


def test_an_edgar_filing_stamp_is_recognised_with_or_without_a_page_number() -> None:
    assert is_filing_stamp("Source: TOM ONLINE INC, 20-F, 5/1/2006")
    assert is_filing_stamp("25 Source: IDEANOMICS, INC., 8-K, 11/24/2015")
    assert is_filing_stamp("Page 15 of 39 Source: PF HOSPITALITY GROUP INC., 10-12G, 9/23/2015")
    assert not is_filing_stamp("Source: ACME, 8-K, 1/1/2000. Licensee shall pay all fees within 30 days.")
    assert not is_filing_stamp("Source code shall be held in escrow.")


def test_a_definition_that_points_elsewhere_is_recognised_and_a_real_one_is_not() -> None:
    assert is_definition_pointer('"Confidential Information" has the meaning given in Section 10.1.')
    assert is_definition_pointer('1.4 "Dispute" shall have the meaning set forth in Section 13.7.')
    assert not is_definition_pointer('"Confidential Information" means all non-public information.')


def test_a_gated_rule_needs_a_word_of_its_topic_in_or_around_the_clause() -> None:
    assert set(RULE_CUES) == {"termination.for_cause", "payment.terms"}
    assert rule_cue("termination.for_cause", "(d) the other party becomes insolvent;", "", "",
                    "Either party may terminate this Agreement if:")
    assert not rule_cue("termination.for_cause",
                        "It is not a party to any liquidation, dissolution or bankruptcy proceedings.",
                        "", "Representations and Warranties", "Each Party represents that:")
    # payment terms: the cue must be in the clause itself, a price in the lead-in is not enough
    assert not rule_cue("payment.terms", "(c) within thirty (30) days, a further 200 units;", "",
                        "Purchase", "Distributor shall buy the Products at a price of $10 per unit:")
    assert rule_cue("payment.terms", "Customer shall pay each invoice within thirty (30) days.")
    assert rule_cue("disputes.arbitration", "any text")  # ungated categories are unchanged


def test_bankruptcy_in_a_representation_is_not_termination_for_cause() -> None:
    tags = _tags(
        "1. REPRESENTATIONS\n\n1.1 Each party represents that it is not a party to any liquidation, dissolution "
        "or bankruptcy proceedings and has obtained all permits.\n\n2. TERMINATION\n\n2.1 Either party may "
        "terminate this Agreement by written notice if the other party becomes subject to bankruptcy or "
        "insolvency proceedings.\n")
    rep = next(v for k, v in tags.items() if k.startswith("1.1"))
    term = next(v for k, v in tags.items() if k.startswith("2.1"))
    assert "termination.for_cause" not in rep
    assert "termination.for_cause" in term


def test_a_delivery_deadline_is_not_a_payment_term_but_a_payment_deadline_is() -> None:
    tags = _tags(
        "1. DELIVERY\n\n1.1 Supplier shall deliver the second batch of units within thirty (30) days of the "
        "first anniversary.\n\n2. PRICE\n\n2.1 Customer shall pay each invoice within thirty (30) days of "
        "its receipt.\n")
    delivery = next(v for k, v in tags.items() if k.startswith("1.1"))
    payment = next(v for k, v in tags.items() if k.startswith("2.1"))
    assert "payment.terms" not in delivery
    assert "payment.terms" in payment


def _clause(i: int, text: str, start: int, end: int, **kw: object) -> Clause:
    return Clause(id=f"c{i}", level=kw.pop("level", 1), kind=ClauseKind.SECTION, start=start, end=end,
                  text=text[start:end], page_start=1, page_end=1, **kw)  # type: ignore[arg-type]


def test_a_deadline_far_from_any_payment_word_is_not_a_payment_term() -> None:
    tags = _tags(
        "1. TERMINATION\n\n1.1 The Company may terminate this Agreement if the Distributor fails to pay its "
        "debts as they become due and notice has been given by the Company and the Distributor has not cured "
        "such breach within thirty (30) days thereof.\n\n2. FEES\n\n2.1 The Distributor shall pay all fees "
        "within thirty (30) days.\n")
    assert "payment.terms" not in next(v for k, v in tags.items() if k.startswith("1.1"))
    assert "payment.terms" in next(v for k, v in tags.items() if k.startswith("2.1"))


def test_a_filing_stamp_left_as_a_clause_takes_no_tags_from_the_section_it_interrupts() -> None:
    head = "5. FEES AND PAYMENT\n"
    first = "5.1 Customer shall pay each invoice within thirty (30) days of receipt.\n"
    stamp = "Source: ACME CORP, 10-K, 3/1/2011\n"
    text = head + first + stamp
    a, b = len(head), len(head) + len(first)
    clauses = [
        _clause(0, text, 0, len(text), level=0, number="5.", heading="FEES AND PAYMENT",
                heading_span=Span(start=3, end=19)),
        _clause(1, text, a, b, number="5.1", parent_id="c0"),
        _clause(2, text, b, len(text), parent_id="c0"),
    ]
    tagged = ClauseTagger().tag(clauses, text)
    assert "payment.terms" in {t.category for t in tagged[1].tags}
    assert tagged[2].tags == []
    # the same clause with words of its own takes the section's heading tag
    words = "Late payments bear interest at one percent per month.\n"
    text2 = head + first + words
    clauses[2] = _clause(2, text2, b, len(text2), parent_id="c0")
    clauses[0] = _clause(0, text2, 0, len(text2), level=0, number="5.", heading="FEES AND PAYMENT",
                         heading_span=Span(start=3, end=19))
    clauses[1] = _clause(1, text2, a, b, number="5.1", parent_id="c0")
    assert "payment.terms" in {t.category for t in ClauseTagger().tag(clauses, text2)[2].tags}
