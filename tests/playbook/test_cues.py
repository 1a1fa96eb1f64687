"""The cue words of each playbook topic: what a sentence on that topic says."""

from __future__ import annotations

import pytest

from leverage_lens.playbook.cues import CUES, cue_matches, has_cue


@pytest.mark.parametrize(("topic", "sentence"), [
    ("liability.cap", "in no event shall supplier's aggregate liability exceed the fees paid in the prior twelve months."),
    ("liability.cap", "contractor's liability is further limited in any event to any amount it actually received."),
    ("termination.convenience", "either party may terminate this agreement at any time without cause."),
    ("termination.convenience", "unless terminated by either party hereto upon ninety (90) days written notice."),
    ("payment.terms", "terms of payments of current plus thirty (30) days from the date of invoice."),
    ("exclusivity.non_compete", "the contractor undertakes not to develop on its own account any product."),
    ("ip.ownership_assignment", "all deliverables shall be deemed works made for hire."),
])
def test_a_sentence_saying_what_the_term_says_holds_its_cue(topic: str, sentence: str) -> None:
    assert has_cue(topic, sentence)


@pytest.mark.parametrize(("topic", "sentence"), [
    ("termination.convenience", "either party may terminate this agreement on thirty (30) days written notice if "
                                "the other materially breaches this agreement."),
    ("exclusivity.exclusive_dealing", "this is the complete and exclusive agreement of the parties."),
    ("exclusivity.exclusive_dealing", "licensor grants a non-exclusive licence to use the software."),
    ("liability.cap", "neither party is liable for delays caused by force majeure."),
])
def test_look_alike_words_are_not_cues(topic: str, sentence: str) -> None:
    assert not has_cue(topic, sentence)


def test_a_topic_without_cues_has_none() -> None:
    assert cue_matches("notices.general", "notices must be in writing.") == []
    assert cue_matches(None, "anything") == []


def test_every_cue_runs_in_linear_time_on_a_long_unpunctuated_text() -> None:
    import time

    text = ("the party shall pay the liability of the fees and terminate the agreement notice " * 4000)
    for topic in CUES:
        t = time.perf_counter()
        cue_matches(topic, text)
        assert time.perf_counter() - t < 2.0, topic


def test_an_exception_to_confidentiality_is_not_a_confidentiality_duty() -> None:
    from leverage_lens.playbook.cues import has_cue

    duty = "HDI shall maintain the strict confidentiality of the Company's information."
    exception = "(d) supplied to HDI by a third party who is under no obligation to maintain such information in confidence."
    assert has_cue("confidentiality.obligations", duty)
    assert not has_cue("confidentiality.obligations", exception)
