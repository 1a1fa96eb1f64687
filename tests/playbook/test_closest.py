"""The closest clause to the preferred language, and the deviation word by word."""

from __future__ import annotations

from leverage_lens.playbook import check_playbook
from leverage_lens.playbook.closest import ClauseIndex, word_diff

from ._reports import report

TEXT = """1. Payment
1.1 Customer shall pay each invoice within thirty (30) days after the invoice date.
2. Law
2.1 This Agreement is governed by the laws of the State of Texas, without regard to conflict of laws rules.
3. Notices
3.1 Notices must be given in writing to the address set out above and are effective on receipt.
"""


def test_word_diff_marks_what_to_strike_and_what_to_add() -> None:
    steps = word_diff("Customer will pay each undisputed invoice within forty-five (45) days.",
                      "Customer shall pay each invoice within thirty (30) days.")
    ops = [(d.op, d.preferred, d.contract) for d in steps]
    assert ("equal", "Customer", "Customer") in ops
    assert ("replace", "will", "shall") in ops
    assert ("delete", "undisputed", "") in ops
    assert ("replace", "forty-five (45)", "thirty (30)") in ops


def test_word_diff_ignores_case_and_punctuation() -> None:
    assert [d.op for d in word_diff("Governed by Delaware law.", "governed by delaware LAW")] == ["equal"]


def test_the_closest_clause_is_found_by_its_words() -> None:
    index = ClauseIndex(report(TEXT))
    law, pay = index.closest(["This Agreement is governed by the laws of the State of Delaware.",
                              "Customer will pay each invoice within forty-five (45) days after receiving it."],
                             [None, None], [[], []])
    assert law is not None and law.clause_id == "2.1"
    assert pay is not None and pay.clause_id == "1.1" and pay.diff


def test_a_clause_tagged_with_the_topic_wins_a_close_call() -> None:
    rep = report(TEXT, tags={"3.1": ["disputes.governing_law"]})
    found = ClauseIndex(rep).closest(["Notices and the governing law of this Agreement."],
                                     ["disputes.governing_law"], [[]])[0]
    assert found is not None and found.clause_id == "3.1" and found.tagged


def test_results_carry_the_closest_clause_for_a_missing_term() -> None:
    book = {"name": "t", "positions": [{"id": "law", "title": "law", "topic": "disputes.governing_law",
                                        "check": {"term": "governing_law"},
                                        "preferred": "This Agreement is governed by the laws of Delaware."}]}
    r = check_playbook(report(TEXT), book, perspective="Customer").results[0]
    assert r.status == "missing" and r.closest is not None and r.closest.clause_id == "2.1"
    assert r.clause_id == "2.1" and r.start is None  # nothing decided it: the closest clause is shown
