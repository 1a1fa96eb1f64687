"""How each kind of condition reads a Report: key terms against thresholds and lists, ledger entries held by us,
them or both, subjects, tags, combinations, sides, and what a failure means."""

from __future__ import annotations

from leverage_lens.model import Brief, Renewal
from leverage_lens.playbook import check_playbook

from ._reports import THEM, US, entry, report, term

TEXT = """1. Liability
1.1 Provider's total liability shall not exceed the fees paid in the three (3) months before the claim.
2. Termination
2.1 Provider may terminate this Agreement at any time on thirty (30) days' notice.
2.2 Customer may terminate this Agreement for convenience on sixty (60) days' notice.
3. Indemnities
3.1 Customer shall defend Provider against any claim that Customer Data infringes a patent or copyright.
3.2 Customer shall indemnify Provider against any claim arising out of Customer's breach of this Agreement.
3.3 The indemnified party shall promptly notify the indemnifying party of any claim.
4. Law
4.1 This Agreement is governed by the laws of the State of New York.
"""


def _book(check: dict, **extra: object) -> dict:
    return {"name": "t", "positions": [{"id": "p", "title": "a position", "check": check, **extra}]}


def _one(rep, check: dict, **extra: object):  # type: ignore[no-untyped-def]
    return check_playbook(rep, _book(check, **extra), perspective="Customer").results[0]


def test_cap_below_the_floor_is_not_met_with_the_cap_as_evidence() -> None:
    cap = term(TEXT, "Provider's total liability shall not exceed the fees paid in the three (3) months before the "
               "claim.", "liability_cap", "the fees paid in the three (3) months before the claim", party=THEM)
    rep = report(TEXT, brief=Brief(liability=[cap]))
    r = _one(rep, {"term": "liability_cap", "party": ["them", "either"], "at_least": "12 months of fees"})
    assert r.status == "not_met" and r.failed
    assert (r.start, r.end) == (cap.start, cap.end) and "less than 12 months of fees" in r.message


def test_a_cap_of_all_fees_paid_under_the_agreement_meets_a_year_of_fees() -> None:
    cap = term(TEXT, "Provider's total liability", "liability_cap", "the fees paid under this Agreement", party=THEM)
    r = _one(report(TEXT, brief=Brief(liability=[cap])), {"term": "liability_cap", "at_least": "12 months of fees"})
    assert r.status == "met"


def test_a_blank_cap_fails_a_threshold_but_counts_as_a_cap() -> None:
    cap = term(TEXT, "Provider's total liability", "liability_cap", None, party=THEM, detail="left blank")
    rep = report(TEXT, brief=Brief(liability=[cap]))
    assert _one(rep, {"term": "liability_cap", "at_least": "12 months of fees"}).status == "not_met"
    assert _one(rep, {"term": "liability_cap", "party": ["them"]}).status == "met"


def test_a_term_binding_only_the_other_side_is_not_met_for_a_party_filter() -> None:
    cap = term(TEXT, "Provider's total liability", "liability_cap", "$50,000", party=THEM)
    r = _one(report(TEXT, brief=Brief(liability=[cap])), {"term": "liability_cap", "party": ["us", "either"]})
    assert r.status == "not_met" and "covers only the other side" in r.message


def test_missing_term_fails_only_when_the_playbook_says_so() -> None:
    rep = report("1. Law\n1.1 This Agreement is governed by the laws of the State of New York.\n")
    soft = _one(rep, {"term": "liability_cap"})
    hard = _one(rep, {"term": "liability_cap"}, missing_fails=True)
    assert soft.status == hard.status == "missing"
    assert not soft.failed and hard.failed


def test_governing_law_is_matched_by_jurisdiction_code() -> None:
    law = term(TEXT, "governed by the laws of the State of New York", "governing_law", "New York", code="US-NY")
    rep = report(TEXT, brief=Brief(governing_law=law))
    assert _one(rep, {"term": "governing_law", "one_of": ["new york", "Delaware"]}).status == "met"
    assert _one(rep, {"term": "governing_law", "one_of": ["Delaware"]}).status == "not_met"
    assert _one(rep, {"term": "governing_law", "none_of": ["New York"]}).status == "not_met"


def test_durations_compare_in_days_across_units() -> None:
    pay = term(TEXT, "This Agreement is governed", "payment_terms", "P2M")
    rep = report(TEXT, brief=Brief(payment_terms=[pay]))
    assert _one(rep, {"term": "payment_terms", "at_least": "45 days"}).status == "met"
    assert _one(rep, {"term": "payment_terms", "at_most": "P1M"}).status == "not_met"


def test_a_right_held_by_the_other_side_alone_fails_a_forbid() -> None:
    theirs = entry(TEXT, "Provider may terminate this Agreement at any time", "termination.convenience", "right",
                   favors=THEM)
    r = _one(report(TEXT, entries=[theirs]), {"ledger": "termination.convenience", "forbid": ["them"]})
    assert r.status == "not_met" and r.start == theirs.start and "held by the other side" in r.message


def test_unless_mirrored_excuses_a_right_we_hold_too() -> None:
    theirs = entry(TEXT, "Provider may terminate this Agreement at any time", "termination.convenience", "right",
                   favors=THEM)
    ours = entry(TEXT, "Customer may terminate this Agreement for convenience", "termination.convenience", "right",
                 favors=US)
    check = {"ledger": "termination.convenience", "forbid": ["them"], "unless_mirrored": True}
    assert _one(report(TEXT, entries=[theirs, ours]), check).status == "met"
    assert _one(report(TEXT, entries=[theirs]), check).status == "not_met"


def test_min_confidence_leaves_out_weak_readings() -> None:
    weak = entry(TEXT, "Provider may terminate this Agreement at any time", "termination.convenience", "right",
                 favors=THEM, confidence=0.6)
    check = {"ledger": "termination.convenience", "forbid": ["them"], "min_confidence": 0.8}
    assert _one(report(TEXT, entries=[weak]), check).status == "missing"


def test_require_finds_the_subject_in_a_mutual_or_our_entry() -> None:
    ip_theirs = entry(TEXT, "Customer shall defend Provider against any claim that Customer Data infringes a patent "
                      "or copyright.", "liability.indemnification", "exposure", favors=THEM)
    check = {"ledger": "liability.indemnification", "require": ["us", "mutual"], "mentions": ["ip_infringement"]}
    r = _one(report(TEXT, entries=[ip_theirs]), check)
    assert r.status == "not_met"  # an IP indemnity exists, but we give it
    assert _one(report(TEXT), check).status == "missing"


def test_unless_only_excuses_ip_indemnities_but_not_breach_indemnities() -> None:
    ip = entry(TEXT, "Customer shall defend Provider against any claim that Customer Data infringes a patent or "
               "copyright.", "liability.indemnification", "exposure", favors=THEM)
    breach = entry(TEXT, "Customer shall indemnify Provider against any claim arising out of Customer's breach of "
                   "this Agreement.", "liability.indemnification", "exposure", favors=THEM)
    check = {"ledger": "liability.indemnification", "forbid": ["them", "mutual"],
             "unless_only": ["ip_infringement", "bodily_injury"]}
    assert _one(report(TEXT, entries=[ip]), check).status == "met"
    r = _one(report(TEXT, entries=[ip, breach]), check)
    assert r.status == "not_met" and r.start == breach.start


def test_indemnity_procedure_sentences_are_not_indemnities() -> None:
    procedure = entry(TEXT, "The indemnified party shall promptly notify the indemnifying party of any claim.",
                      "liability.indemnification", "exposure", mutual=True)
    check = {"ledger": "liability.indemnification", "forbid": ["them", "mutual"], "unless_only": ["ip_infringement"]}
    assert _one(report(TEXT, entries=[procedure]), check).status == "missing"


def test_ignore_leaves_out_entries_about_a_subject() -> None:
    fm = "Neither party is liable for a failure or delay in performance caused by force majeure."
    text = TEXT + "5. General\n5.1 " + fm + "\n"
    e = entry(text, fm, "liability.cap", "protection", favors=THEM)
    check = {"ledger": "liability.cap", "forbid": ["them"], "ignore": ["force_majeure"]}
    assert _one(report(text, entries=[e]), check).status == "missing"


def test_tag_absent_is_met_and_tagged_clause_is_evidence_when_present() -> None:
    rep_plain = report(TEXT)
    rep_tagged = report(TEXT, tags={"2.1": ["liability.liquidated_damages"]})
    check = {"tag": "liability.liquidated_damages", "present": False}
    assert _one(rep_plain, check).status == "met"
    r = _one(rep_tagged, check)
    assert r.status == "not_met" and r.clause_id == "2.1"


def test_applies_if_makes_a_position_not_applicable() -> None:
    check = {"term": "renewal_term", "at_most": "1 year"}
    gate = {"term": "renewal_term", "detail": ["automatic"]}
    r = _one(report(TEXT), check, applies_if=gate)
    assert r.status == "not_applicable" and not r.failed
    renewal = term(TEXT, "Customer may terminate this Agreement for convenience", "renewal_term", "P2Y",
                   detail="automatic")
    rep = report(TEXT, brief=Brief(renewal=Renewal(automatic=True, term=renewal)))
    assert _one(rep, check, applies_if=gate).status == "not_met"


def test_all_fails_on_any_part_and_any_passes_on_one() -> None:
    law = term(TEXT, "governed by the laws of the State of New York", "governing_law", "New York", code="US-NY")
    rep = report(TEXT, brief=Brief(governing_law=law))
    ok, bad = {"term": "governing_law", "one_of": ["New York"]}, {"term": "governing_law", "one_of": ["Texas"]}
    assert _one(rep, {"all": [ok, bad]}).status == "not_met"
    assert _one(rep, {"any": [ok, bad]}).status == "met"
    assert _one(rep, {"all": [ok, {"term": "liability_cap"}]}).status == "met"  # a missing part does not fail


def test_us_comes_from_our_roles_when_no_perspective_is_given() -> None:
    book = _book({"ledger": "termination.convenience", "forbid": ["them"]})
    book["our_roles"] = ["Client", "Customer"]
    theirs = entry(TEXT, "Provider may terminate this Agreement at any time", "termination.convenience", "right",
                   favors=THEM)
    result = check_playbook(report(TEXT, entries=[theirs]), book)
    assert result.party == US and result.results[0].status == "not_met"


def test_without_a_side_side_dependent_positions_are_not_applicable_with_a_warning() -> None:
    result = check_playbook(report(TEXT), _book({"ledger": "termination.convenience", "forbid": ["them"]}))
    assert result.party is None and result.warnings
    assert result.results[0].status == "not_applicable"


def test_the_report_perspective_is_us_by_default() -> None:
    theirs = entry(TEXT, "Provider may terminate this Agreement at any time", "termination.convenience", "right",
                   favors=THEM)
    rep = report(TEXT, entries=[theirs], perspective=THEM)  # read as the provider: the right is ours
    result = check_playbook(rep, _book({"ledger": "termination.convenience", "forbid": ["them"]}))
    assert result.party == THEM and result.results[0].status == "met"


def test_results_carry_the_fallback_and_the_position_in_playbook_order() -> None:
    book = {"name": "t", "positions": [
        {"id": "b", "title": "B", "check": {"term": "liability_cap"}, "fallback": "Offer this.",
         "missing_fails": True, "severity": "high"},
        {"id": "a", "title": "A", "check": {"term": "governing_law"}},
    ]}
    result = check_playbook(report("1. Notices\n1.1 Notices must be in writing.\n"), book, perspective="Customer")
    assert [r.position_id for r in result.results] == ["b", "a"]
    assert result.results[0].fallback == "Offer this." and result.failed("high") == [result.results[0]]
    assert result.counts() == {"met": 0, "not_met": 0, "missing": 2, "not_applicable": 0}
