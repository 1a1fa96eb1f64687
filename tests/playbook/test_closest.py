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
    rep = report(TEXT, tags={"3.1": ["notices.general"]})  # a topic without cue words: the tag decides
    found = ClauseIndex(rep).closest(["Notices and the governing law of this Agreement."],
                                     ["notices.general"], [[]])[0]
    assert found is not None and found.clause_id == "3.1" and found.tagged


def test_the_topics_cue_words_beat_a_tag_on_the_wrong_clause() -> None:
    rep = report(TEXT, tags={"3.1": ["disputes.governing_law"]})
    found = ClauseIndex(rep).closest(["Notices and the governing law of this Agreement."],
                                     ["disputes.governing_law"], [[]])[0]
    assert found is not None and found.clause_id == "2.1"  # "governed by the laws of" is what a law clause says


DEFINED = """1. Definitions
1.1 "Fees" means the fees for the Services payable by Customer under each Order Form and this Agreement.
2. Payment
2.1 Customer shall pay each invoice within sixty (60) days after receipt.
"""


def test_the_sentence_saying_what_the_term_says_beats_a_definition_sharing_its_nouns() -> None:
    found = ClauseIndex(report(DEFINED)).closest(
        ["Customer will pay the Fees for the Services under each Order Form within thirty (30) days."],
        ["payment.terms"], [[]])[0]
    assert found is not None and found.clause_id == "2.1"


def test_role_words_of_the_preferred_text_find_the_promise_by_the_right_party() -> None:
    text = """1. Indemnities
1.1 Client will defend and indemnify Acme against any third-party claim arising from the Client Data.
1.2 Acme will defend and indemnify Client against any third-party claim arising from the Services.
"""
    index = ClauseIndex(report(text))
    preferred = ["Supplier will defend and indemnify Customer against any third-party claim."]
    assert index.closest(preferred, ["liability.indemnification"], [[]],
                         names={"supplier": "acme", "customer": "client"})[0].clause_id == "1.2"
    assert index.closest(preferred, ["liability.indemnification"], [[]],
                         names={"supplier": "client", "customer": "acme"})[0].clause_id == "1.1"


def test_results_carry_the_closest_clause_for_a_missing_term() -> None:
    book = {"name": "t", "positions": [{"id": "law", "title": "law", "topic": "disputes.governing_law",
                                        "check": {"term": "governing_law"},
                                        "preferred": "This Agreement is governed by the laws of Delaware."}]}
    r = check_playbook(report(TEXT), book, perspective="Customer").results[0]
    assert r.status == "missing" and r.closest is not None and r.closest.clause_id == "2.1"
    assert r.clause_id == "2.1" and r.start is None  # nothing decided it: the closest clause is shown


def test_word_diff_keeps_words_of_punctuation_only_aligned() -> None:
    steps = word_diff("Customer pays ( within ) thirty days.", "Customer pays - within thirty days ; net.")
    assert " ".join(d.contract for d in steps if d.contract) == "Customer pays - within thirty days ; net."
    assert ("equal", "Customer pays", "Customer pays") == (steps[0].op, steps[0].preferred, steps[0].contract)


def test_positions_asking_the_same_question_get_one_answer() -> None:
    text = "The Agreement is governed by the laws of the State of Delaware."
    first, again = ClauseIndex(report(TEXT)).closest([text, text], [None, None], [[], []])
    assert first is again and first is not None and first.clause_id == "2.1"


def test_stopping_early_finds_what_reading_every_clause_finds() -> None:
    """Clauses are read from the most promising down and reading stops when none left can win: the answer is
    the one of scoring every sentence of every candidate clause, the first in the contract among equals."""
    many = "".join(f"{i}. Clause {i}\n{i}.1 Customer shall pay each invoice within {i} days after the invoice "
                   f"date, and the laws of the State of Texas govern clause {i}.\n" for i in range(1, 9))
    index = ClauseIndex(report(many, tags={"5.1": ["payment.terms"]}))
    pay, law = index.closest(["Customer will pay each invoice within forty-five (45) days.",
                              "This Agreement is governed by the laws of the State of Delaware."],
                             ["payment.terms", "disputes.governing_law"], [[], []])
    assert pay is not None and pay.clause_id == "5.1"  # equal words and cues: the tag decides
    assert law is not None and law.clause_id == "1.1"  # all equal: the first in the contract
