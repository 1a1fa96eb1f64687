"""One-sided rules widened in round 2: one-way consent to assign, passive wordings, "sole obligation" limits,
"ability to terminate" and "cancel"."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, builtin_rules

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '
RULES = {r.id: r for r in builtin_rules()}


def _run(rule_id: str, text: str) -> tuple[CheckContext, list]:
    ctx = CheckContext.build(leverage_lens.parse_text(text))
    return ctx, RULES[rule_id].run(ctx)


def _party(ctx: CheckContext, alias: str) -> str:
    return next(p.id for p in ctx.parties if alias in p.aliases or p.role == alias or p.name == alias)


def test_one_way_consent_to_assign_favours_the_party_whose_consent_is_needed():
    text = P + "1. Customer shall not assign this Agreement without the prior written consent of Supplier. 2. Fees."
    ctx, found = _run("one_sided.assignment", text)
    assert len(found) == 1
    assert found[0].favors == _party(ctx, "Supplier")
    assert found[0].quote.startswith("Customer shall not assign")
    assert found[0].burdened == _party(ctx, "Customer")
    assert any(e.label.startswith("scope:") and "none found" in e.label for e in found[0].evidence)


def test_passive_assignment_restriction_reads_the_assignor_after_by():
    text = P + "1. This Agreement may not be assigned by Customer without the written consent of Supplier. 2. Fees."
    ctx, found = _run("one_sided.assignment", text)
    assert [f.favors for f in found] == [_party(ctx, "Supplier")]


def test_free_assignment_and_one_way_consent_both_reported_for_the_same_holder():
    text = (P + "1. Customer shall not assign this Agreement without the consent of Supplier. Supplier may assign "
            "this Agreement to any affiliate without the consent of Customer. 2. Fees.")
    ctx, found = _run("one_sided.assignment", text)
    supplier = _party(ctx, "Supplier")
    assert len(found) == 2 and {f.favors for f in found} == {supplier}


def test_neither_party_may_assign_without_consent_is_not_a_free_assignment():
    text = P + "1. Neither party may assign this Agreement without the prior written consent of the other party."
    assert _run("one_sided.assignment", text)[1] == []


def test_assignment_for_the_benefit_of_creditors_does_not_count_as_a_mutual_assignment_clause():
    text = (P + "1. Either party may terminate if the other party makes an assignment for the benefit of its "
            "creditors. 2. Customer shall not assign this Agreement without the consent of Supplier.")
    ctx, found = _run("one_sided.assignment", text)
    assert [f.favors for f in found] == [_party(ctx, "Supplier")]


def test_sole_obligation_under_a_warranty_protects_the_obligor_only():
    text = P + "1. Supplier's sole obligation under this warranty is to repair the goods. 2. Customer shall pay."
    ctx, found = _run("one_sided.liability_cap", text)
    assert [f.favors for f in found] == [_party(ctx, "Supplier")]


def test_a_mutual_exclusion_of_other_damages_does_not_silence_a_one_sided_remedy_limit():
    # Issue 13: only the same term given to the other side (or both), in scope, is a mirror; a mutual
    # exclusion of indirect damages leaves Supplier's one-sided limit of its warranty duty standing.
    text = (P + "1. Supplier's sole obligation under this warranty is to repair the goods. 2. Neither party shall "
            "be liable for indirect damages.")
    ctx, found = _run("one_sided.liability_cap", text)
    assert [f.favors for f in found] == [_party(ctx, "Supplier")]


def test_the_same_limit_given_to_both_parties_is_quiet():
    text = (P + "9. Liability. 9.1 Supplier's aggregate liability shall not exceed the fees paid. 9.2 Customer's "
            "aggregate liability shall not exceed the fees paid.")
    assert _run("one_sided.liability_cap", text)[1] == []


def test_cancel_at_any_time_is_termination_for_convenience_held_by_one_side():
    text = P + "1. Customer may cancel this Agreement at any time upon seven days notice. 2. Supplier shall deliver."
    ctx, found = _run("one_sided.termination_for_convenience", text)
    assert [f.favors for f in found] == [_party(ctx, "Customer")]


def test_ability_to_terminate_held_by_both_is_mutual():
    text = (P + "1. Customer will have the ability to terminate this Agreement by giving 90 days' notice to "
            "Supplier. 2. Supplier will have the ability to terminate this Agreement by giving 60 days' notice "
            "to Customer.")
    assert _run("one_sided.termination_for_convenience", text)[1] == []


def test_right_for_names_the_auditor_after_it():
    text = P + "1. Customer shall obtain the right for Supplier to audit its warehouses. 2. Customer shall pay."
    ctx, found = _run("one_sided.audit", text)
    assert [f.favors for f in found] == [_party(ctx, "Supplier")]


def test_change_of_control_termination_read_across_a_long_notice_phrase():
    text = (P + "1. If a Change of Control of Supplier occurs, Customer may, upon sending written notice to Supplier "
            "within sixty (60) days thereafter, terminate this Agreement. 2. Supplier shall deliver.")
    ctx, found = _run("one_sided.termination_change_of_control", text)
    assert [f.favors for f in found] == [_party(ctx, "Customer")]
