"""Precision of the drafting rules after the fresh review of low findings (issue 14, round 4): the false and
noisy hints that review found stay quiet, and the defects each rule exists for are still reported."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, Registry

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


def run(rule_id: str, text: str):
    return Registry().get(rule_id).run(CheckContext.build(leverage_lens.parse_text(text)))


def quotes(rule_id: str, text: str) -> list[str]:
    return [f.quote for f in run(rule_id, text)]


CAPS = (P + "1. DEFINITIONS. CONTRACT YEAR shall mean each year from June 1. SERVICES PERIOD shall mean two years. "
        'ENDORSEMENT shall include only the right to use the name. "Fees" means the fees. "Term" means three years.\n'
        "2. Services. Supplier shall render the services during the Services Period and grants the Endorsement.\n"
        "3. Appearances. Supplier makes two appearances each Contract Year in the Services Period.\n"
        "4. Fees. Customer pays the Fees each Contract Year; the Endorsement is exclusive in the Services Period.\n"
        "5. Renewal. Each Contract Year of the Term the parties review the Endorsement.\n")


def test_a_definition_in_capitals_covers_its_title_case_uses():
    assert not quotes("ambiguity.term_unused", CAPS)
    assert not {"Contract Year", "Services Period", "Endorsement"} & set(quotes("ambiguity.term_undefined", CAPS))


def test_a_definitions_list_may_use_a_term_another_entry_defines():
    text = (P + '1. Definitions. "Licensed IP" means the patents and the Phase-Out Marks. "Royalty" means 5%.\n'
            '2. Marks. Supplier keeps the old marks (the "Phase-Out Marks") for a year.\n'
            "3. Use. Customer uses the Phase-Out Marks only on old stock.\n")
    assert not run("ambiguity.term_used_before_definition", text)
    body = (P + "1. Fees. Customer pays for the Services monthly.\n2. Support. Supplier supports the Services.\n"
            "3. Levels. The Services are available.\n"
            '4. Scope. Supplier shall provide hosting (the "Services").\n')
    assert quotes("ambiguity.term_used_before_definition", body) == ["Services"]


def test_an_attachment_of_another_agreement_is_not_missing():
    other = ("1. Scope. The Services indicated in Exhibit A to the Services Agreement are amended.\n"
             "2. Parties. The holders listed on Schedule B thereto consent.\n\nEXHIBIT C\nPrices.")
    assert not run("ambiguity.xref_missing_attachment", other)
    own = "1. Scope. Supplier provides the services in Exhibit A to this Agreement.\n\nEXHIBIT C\nPrices."
    assert quotes("ambiguity.xref_missing_attachment", own) == ["Exhibit A"]


def test_initials_fields_and_unselected_options_are_not_blanks():
    assert not run("ambiguity.blank", "1. Notice. Delivered on the date shown: ____________ (Employer initials) / "
                   "____________ (Employee initials).")
    assert not run("ambiguity.blank", "1. Start. ( x ) Date of last signature ( ) {custom_start_date}\n"
                   "2. Term. One year.")
    assert quotes("ambiguity.blank", "1. Term. This Agreement lasts ______ years.") == ["______"]


def test_unqualified_days_quote_the_short_deadline_that_matters():
    text = ("1. Insurance. Supplier gives thirty (30) days' prior notice of cancellation.\n"
            "2. Payment. Customer pays within ten (10) days after the invoice.\n")
    assert quotes("ambiguity.days_unqualified", text) == ["within ten (10) days"]


def test_and_or_is_reported_where_the_pair_acts_not_between_objects():
    assert run("ambiguity.and_or", "1. Termination. XLI and/or WCC may cancel this Agreement on notice.")
    assert not run("ambiguity.and_or", "1. Assignment. Consultant assigns any right in any Work Product and/or "
                   "Aduro IP to Aduro.")


def test_a_deleted_definition_of_a_word_contracts_define_is_caught_though_never_written_in_lower_case():
    text = ("CONFIDENTIALITY AGREEMENT\n" + P + '1. Definitions. "Disclosing Party" means the party disclosing. "Fees" means the fees. "Term" means '
            "two years.\n2. Use. The information given to Recipient is used only for the purpose during the Term.\n"
            "3. Return. Copies held by Recipient are returned on request.\n4. Staff. The staff of Recipient are "
            "bound. The Fees are paid by Recipient.\n")
    assert "Recipient" in quotes("ambiguity.term_undefined", text)
