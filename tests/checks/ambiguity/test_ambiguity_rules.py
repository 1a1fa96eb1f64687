"""Drafting-defect rules: what each finds, where, with which fix, and that noise is grouped, not flooded."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, Registry, builtin_rules
from leverage_lens.checks.ambiguity.numbers import words_to_number
from leverage_lens.model import Severity

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


def run(rule_id: str, text: str):
    return Registry().get(rule_id).run(CheckContext.build(leverage_lens.parse_text(text)))


def test_every_ambiguity_rule_is_registered_with_kind_category_and_fix():
    amb = [r for r in builtin_rules() if r.kind == "ambiguity"]
    assert len(amb) >= 20
    for r in amb:
        assert r.id.startswith("ambiguity.") and r.category and r.category.startswith("drafting.") and r.suggestion


def test_findings_carry_the_finding_contract_fields():
    text = "1. Payment. Customer shall pay within thirty (60) days after the invoice date."
    (f,) = run("ambiguity.number_words_digits_mismatch", text)
    assert (f.kind, f.rule, f.category, f.family) == ("ambiguity", "ambiguity.number_words_digits_mismatch",
                                                      "drafting.numbers", "drafting")
    assert f.severity is Severity.HIGH and f.clause_id == "1"
    assert f.quote == text[f.start:f.end] == "thirty (60)"
    assert "30" in f.message and "60" in f.message and f.suggestion


def test_words_to_number_reads_compound_amounts():
    assert words_to_number("One Hundred Twenty-Five Thousand") == 125_000
    assert words_to_number("forty- five") == 45
    assert words_to_number("two million five hundred thousand") == 2_500_000
    assert words_to_number("several") is None


def test_amount_in_words_and_dollars_that_disagree_is_found_and_cents_are_accepted():
    assert run("ambiguity.number_words_digits_mismatch", "1. Fee. Five Thousand Dollars ($50,000) is due.")
    assert not run("ambiguity.number_words_digits_mismatch", "1. Fee. Five Thousand Dollars ($5,000.00) is due.")


def test_vague_words_are_grouped_one_finding_per_word_in_the_contract():
    text = ("1. Duties. Supplier shall promptly fix defects. Supplier shall promptly report. Supplier shall "
            "promptly refund.\n\n2. Payment. Customer shall promptly pay the invoice. Customer shall deliver the "
            "samples as soon as practicable.")
    found = run("ambiguity.vague_standard", text)
    assert len(found) == 2
    first = min(found, key=lambda f: f.start)
    assert first.clause_id == "1" and len(first.evidence) == 2 and "3 times" in first.message
    assert all(f.severity is Severity.LOW for f in found)


def test_the_pace_of_notices_responses_and_returns_is_not_reported():
    text = ("1. Notices. Supplier shall promptly notify Customer of any claim. Customer shall respond as soon as "
            "practicable. Employee shall promptly return all papers. 2. Security. Provider shall promptly notify "
            "Customer of any security incident.")
    assert [f.quote for f in run("ambiguity.vague_standard", text)] == ["promptly"]
    assert "security incident" in text[run("ambiguity.vague_standard", text)[0].start:][:80]


def test_each_vague_word_gets_its_own_suggestion():
    text = ("1. Duties. Supplier shall promptly fix defects. Customer shall deliver the samples as soon as "
            "practicable. Supplier shall repair the unit within a reasonable time.")
    asks = {f.quote: f.suggestion for f in run("ambiguity.vague_standard", text)}
    assert "promptly, and in any event" in asks["promptly"]
    assert "as soon as practicable, and in any event" in asks["as soon as practicable"]
    assert "name the period" in asks["within a reasonable time"]


def test_material_and_from_time_to_time_are_not_vague_standards():
    for text in ("1. Changes. Supplier shall not make any material change to the Services.",
                 "1. Changes. Supplier shall not materially reduce the Services.",
                 "1. Supply. Customer may order such material as it needs from time to time."):
        assert not run("ambiguity.vague_standard", text)


def test_material_breach_is_a_settled_phrase_not_a_vague_standard():
    assert not run("ambiguity.vague_standard", "1. End. Either party may terminate for material breach.")


def test_mixed_efforts_reports_the_minority_standard():
    text = ("1. A. Supplier shall use commercially reasonable efforts to ship. 2. B. Supplier shall use "
            "commercially reasonable efforts to pack. 3. C. Supplier shall use best efforts to label.")
    (f,) = run("ambiguity.mixed_efforts", text)
    assert f.quote == "best efforts" and "commercially reasonable" in f.message


def test_passive_duty_with_agent_or_party_subject_is_not_reported():
    assert run("ambiguity.obligation_without_actor", P + "1. Costs. The costs of shipping shall be paid monthly.")
    assert not run("ambiguity.obligation_without_actor", P + "1. Fees. The fees shall be paid by Customer monthly.")
    assert not run("ambiguity.obligation_without_actor", P + "1. Term. This Agreement shall be deemed renewed.")


def test_placeholders_are_found_but_redactions_and_signature_blanks_are_not():
    assert run("ambiguity.placeholder", "1. Price. The price is [\u25cf] per unit.")
    assert not run("ambiguity.placeholder", "1. Price. The price is [* * *] per unit.")
    assert not run("ambiguity.placeholder", "1. Price. Fixed.\n\nBy: ____________\nTitle: ____________")


def test_unbalanced_bracket_points_at_the_unclosed_opener():
    text = "1. Fees. The fees (as listed (in Exhibit A) are due monthly."
    (f,) = run("ambiguity.unbalanced_brackets", text)
    assert f.evidence[0].start == text.index("(as")


def test_impossible_date_names_the_month_length():
    (f,) = run("ambiguity.impossible_date", "1. Start. The term starts on April 31, 2021.")
    assert f.quote == "April 31, 2021" and "30 days" in f.message


def test_missing_section_reference_is_found_and_statute_references_are_not():
    body = "1. Term. One year.\n\n2. Fees. As set out in Section {}.\n\n3. Law. New York law."
    assert [f.quote for f in run("ambiguity.xref_missing_section", body.format(9))] == ["Section 9"]
    assert not run("ambiguity.xref_missing_section", body.format("3"))
    assert not run("ambiguity.xref_missing_section", body.format("21E of the 1934 Act"))


def test_heading_mismatch_names_both_headings():
    text = ("1. Term. One year.\n\n2. Confidentiality. Keep secrets.\n\n3. Fees. See Section 2 (Payment "
            "Terms).")
    (f,) = run("ambiguity.xref_heading_mismatch", text)
    assert "Confidentiality" in f.message and "Payment Terms" in f.message


def test_circular_subject_to_is_reported_once():
    text = ("1. Fees. Subject to Section 2, Customer pays.\n\n2. Credits. Subject to Section 1, Supplier "
            "credits.\n\n3. Law. New York law.")
    assert len(run("ambiguity.xref_circular", text)) == 1


def test_duplicated_top_level_number_left_inside_previous_clause_is_found():
    text = ("1. Term. One year.\n\n2. Fees. Customer pays.\n\n3. Law. New York law.\n\n3. Notices. In writing."
            "\n\n5. Counterparts. Allowed.")
    dup = run("ambiguity.numbering_duplicated", text)
    assert dup and all(f.quote == "3" or f.quote.startswith("3") for f in dup)
    assert not run("ambiguity.numbering_skipped", "1. A. x.\n\n2. B. y.\n\n3. C. z.")


def test_defined_term_checks_use_the_enrichment_definitions():
    text = ('1. Definitions. "Confidential Information" means secrets. "Territory" means Canada. '
            '2. Duty. The recipient shall protect confidential Information and keep Confidential Information safe.')
    assert [f.quote for f in run("ambiguity.term_variant", text)] == ["confidential Information"]
    assert [f.quote for f in run("ambiguity.term_unused", text)] == ["Territory"]


def test_pointer_to_a_definition_is_not_a_second_definition():
    text = ('1. Definitions. "Term" has the meaning set forth in Section 2. 2. Term. The term of this Agreement '
            '(the "Term") is one year. 3. End. The Term ends.')
    assert not run("ambiguity.term_defined_twice", text)


def test_days_defined_once_silences_unqualified_days():
    assert run("ambiguity.days_unqualified", "1. Pay. Customer pays within 10 days after receipt.")
    assert not run("ambiguity.days_unqualified", '1. Defs. "Day" means a calendar day. 2. Pay. Customer pays '
                   "within 10 days after receipt.")


def test_disabled_and_regraded_ambiguity_rules_through_analyze():
    text = P + "1. Notices. Notice may be given by mail and/or email.\n\n2. Fees. The fee is TBD."
    reg = Registry().disable("ambiguity.and_or").regrade("ambiguity.placeholder", "critical")
    rep = leverage_lens.analyze(leverage_lens.parse_text(text), registry=reg)
    rules = {f.rule: f.severity for f in rep.findings if f.kind == "ambiguity"}
    assert "ambiguity.and_or" not in rules and rules["ambiguity.placeholder"] is Severity.CRITICAL


def test_baseline_silences_known_ambiguity_findings_and_new_ones_still_show(tmp_path):
    old = leverage_lens.parse_text("1. Fee. The fee is TBD.\n\n2. Notices. By mail and/or email.")
    base = tmp_path / "baseline.json"
    Registry.write_baseline(Registry().run(old, kind="ambiguity"), base)
    new = leverage_lens.parse_text("1. Fee. The fee is TBD.\n\n2. Notices. By mail and/or email.\n\n"
                                   "3. Start. The term starts on February 30, 2021.")
    rest = Registry().load_baseline(base).run(new, kind="ambiguity")
    assert [f.rule for f in rest] == ["ambiguity.impossible_date"]
