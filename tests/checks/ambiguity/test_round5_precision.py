"""Precision of the drafting rules after the round-5 review of low findings (issue 14): the false and noisy
hints that review's tune part showed stay quiet, and the defects each rule exists for are still reported."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, Registry

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '
DEFS = ('1. Definitions. "Fees" means the fees. "Goods" means the goods. "Term" means one year. "Documentation" '
        "means the manuals.\n")


def run(rule_id: str, text: str):
    return Registry().get(rule_id).run(CheckContext.build(leverage_lens.parse_text(text)))


def quotes(rule_id: str, text: str) -> list[str]:
    return [f.quote for f in run(rule_id, text)]


# -- term_unused -------------------------------------------------------------------------------------------------

def test_a_plural_definition_used_in_the_singular_is_used():
    text = (P + '1. Definitions. "Covered Employees" means employees Employee managed. "Territory" means Canada.\n'
            "2. Non-solicit. Employee must not hire any Covered Employee.\n")
    assert quotes("ambiguity.term_unused", text) == ["Territory"]


def test_a_definition_in_sentence_case_is_used_in_lower_case():
    text = (P + '1. Services. "Best efforts" means the effort a prudent person would use. "Territory" means '
            "Canada.\n2. Duty. Supplier shall use best efforts to sell.\n")
    assert quotes("ambiguity.term_unused", text) == ["Territory"]


# -- term_undefined ----------------------------------------------------------------------------------------------

def test_a_possessive_inside_a_country_name_is_not_an_undefined_term():
    text = (P + DEFS + "2. Law. The laws of the People's Republic of China govern.\n3. Courts. The courts of the "
            "People's Republic of China decide.\n4. Filing. Each party files in the People's Republic of China.\n"
            "5. Notices. Notices go to the People's Republic of China.\n")
    assert "People" not in quotes("ambiguity.term_undefined", text)


def test_uses_of_a_longer_defined_term_do_not_count_for_its_tail():
    text = (P + DEFS + "2. Scope. Supplier provides the consultancy services to Customer (collectively, "
            "\"Supplier's Services\").\n3. Fees. Customer pays for Supplier's Services monthly.\n4. Quality. "
            "Supplier's Services meet the standard.\n5. Review. Customer reviews Supplier's Services yearly.\n")
    assert "Services" not in quotes("ambiguity.term_undefined", text)


def test_a_cover_table_label_is_not_a_use_of_an_undefined_term():
    text = (P + DEFS + "Cover Terms\nNo Business with Covered Customers\nDuration 12 months\n\n"
            "2. Fees. Customer pays the Fees.\n\n3. No Business with Covered Customers\nEmployee must not serve "
            "a Covered Customer.\n\n4. Scope. The Goods are listed.\n\nNo Business with Covered Customers\n")
    assert "Business" not in quotes("ambiguity.term_undefined", text)


def test_a_term_named_with_as_and_quotes_is_defined():
    text = (P + DEFS + '2. Staff. A statement of work may designate certain individuals as "Key Personnel".\n'
            "3. Replacement. Supplier shall not replace Key Personnel without consent.\n4. Cost. Key Personnel "
            "are billed at cost.\n5. Leave. If Key Personnel leave, Supplier finds others.\n")
    assert "Key Personnel" not in quotes("ambiguity.term_undefined", text)


def test_a_state_name_is_not_an_undefined_term():
    text = (P + DEFS + "2. Law. The law of Washington governs; the courts of Washington decide; the tax laws of "
            "Washington apply and the conditions stated in the Washington Conditions section hold.\n")
    assert "Washington" not in quotes("ambiguity.term_undefined", text)


def test_a_term_whose_definition_was_deleted_is_found_through_a_pair_with_a_defined_term():
    # "Software" lost its definition; most uses sit in "Software and Documentation", a pair with a defined term.
    text = ("LICENCE AGREEMENT\n\n" + P + DEFS + "2. Licence. Customer may use the Software and Documentation.\n3. Copies. Customer may copy "
            "the Software and Documentation for backup.\n4. Support. Supplier supports the installed Software.\n"
            "5. Return. On expiry Customer returns the Software and Documentation.\n")
    assert "Software" in quotes("ambiguity.term_undefined", text)


# -- term_used_before_definition -----------------------------------------------------------------------------------

def test_a_term_announced_as_defined_later_is_not_used_before_definition():
    text = (P + "1. Sponsorship. Supplier sponsors the Team throughout the Season (as hereinafter defined).\n\n"
            "2. Rights. During the Season, Customer may advertise.\n\n3. Logos. During the Season, logos show.\n\n"
            "4. Signs. During the Season, signs stand.\n\n5. Period. The racing year (the \"Season\") ends in "
            "November.\n")
    assert not run("ambiguity.term_used_before_definition", text)


# -- unbalanced_brackets -------------------------------------------------------------------------------------------

def test_a_bracket_opened_with_a_space_before_a_quoted_name_is_balanced():
    text = ('1. Payments. Customer pays the advances in the amounts set forth below ( "Payments/Advances"): '
            "$100 each quarter.\n\n2. Term. One year.")
    assert not run("ambiguity.unbalanced_brackets", text)


def test_template_markup_brackets_are_not_unbalanced():
    text = ("1. Provider. {provider_name}] offers the service to {customer_name} under {order_form}.\n\n"
            "2. Service. The Cloud Service is {cloud_service}] as described.")
    assert not run("ambiguity.unbalanced_brackets", text)


def test_a_straight_quote_closed_with_a_curly_one_is_not_an_unbalanced_quote():
    text = '1. Definitions. "Special Category Data\u201d has the meaning in the GDPR.\n\n2. Term. One year.'
    assert not run("ambiguity.unbalanced_brackets", text)


def test_a_typed_brace_instead_of_a_closing_bracket_is_still_reported():
    text = ('1. Logo. Licensee may apply only the logo on Schedule A (the "Co-Branding Logo"} to its goods.\n\n'
            "2. Term. One year.")
    assert run("ambiguity.unbalanced_brackets", text)


# -- days_unqualified ------------------------------------------------------------------------------------------------

def test_a_fourteen_day_period_is_quiet_where_no_period_counts_business_days():
    text = "1. Review. The board shall decide within fourteen (14) days of receipt of the notice."
    assert not run("ambiguity.days_unqualified", text)


def test_a_fourteen_day_period_is_reported_where_other_periods_count_business_days():
    text = ("1. Review. The board shall decide within fourteen (14) days of receipt of the notice.\n\n"
            "2. Payment. Customer pays within five (5) business days after the decision.")
    assert run("ambiguity.days_unqualified", text)


# -- vague_standard --------------------------------------------------------------------------------------------------

def test_promptly_delivering_papers_back_is_not_a_timed_duty():
    text = ("1. Return. On termination, Consultant shall promptly deliver to the Company all materials, property "
            "and documents of the Company.")
    assert not run("ambiguity.vague_standard", text)


def test_a_payment_duty_in_another_clause_of_the_sentence_does_not_time_a_notice():
    text = ("1. Indemnity. Supplier will defend the claim and will pay resulting costs and damages provided that "
            "Customer (i) promptly informs Supplier in writing of the claim.")
    assert not run("ambiguity.vague_standard", text)


def test_promptly_replacing_goods_is_still_reported():
    text = "1. Defects. Supplier shall promptly replace any defective goods."
    assert run("ambiguity.vague_standard", text)


# -- blank, xref_missing_attachment ------------------------------------------------------------------------------------

def test_blanks_in_a_form_with_named_slots_are_left_to_the_placeholder_rule():
    text = ("[Company Name] SAFE\nIn exchange for the payment by [Investor Name] of $[_____________] (the "
            "\"Purchase Amount\") on or about [Date of Safe], [Company Name], a [State of Incorporation] "
            "corporation, issues rights.\n1. Law. [Governing Law Jurisdiction] law governs.\n[COMPANY NAME]\n"
            "[COMPANY]\nBy: [name]\nTitle: [title]\n")
    assert not run("ambiguity.blank", text)


def test_bracketed_headings_do_not_make_a_form_whose_blanks_are_left_alone():
    text = ("1. Insurance. [Insurance] Franchisee insures the premises.\n2. Term. [During Term] One year.\n"
            "3. Ads. [Advertising Approval] Approved.\n4. Fees. [Advertising Contributions] Paid.\n"
            "5. Checks. [Dishonored Payments] Charged.\n6. Damages. [Liquidated Damages] Owed.\n"
            "7. Marketing. [Local Marketing] Done.\n8. Training. [Initial Training Program] Held.\n"
            "9. Opening. The restaurant opens within ________ days after signature.")
    assert run("ambiguity.blank", text)


def test_an_attachment_label_before_a_filing_footer_is_the_attachment_itself():
    text = ("1. Excluded. The categories in Exhibit A-2 are excluded.\n\n2. Term. One year.\n\nExhibit A-1\n"
            "Health care.\n\nAny licence granted to EA Sports. Exhibit A-2\n\nSource: ACME INC., S-4/A, 1/23/2020")
    assert not run("ambiguity.xref_missing_attachment", text)
