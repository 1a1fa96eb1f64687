"""Precision fixes of the drafting rules: what a careful reader would not want flagged stays quiet, while the
defect each rule exists for is still found; and the fast scans find exactly what the plain patterns find."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, Registry
from leverage_lens.checks.ambiguity import dates
from leverage_lens.model import Severity

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


def run(rule_id: str, text: str):
    return Registry().get(rule_id).run(CheckContext.build(leverage_lens.parse_text(text)))


def quotes(rule_id: str, text: str) -> list[str]:
    return [f.quote for f in run(rule_id, text)]


def test_extraction_and_redaction_markers_are_not_placeholders():
    for marker in ("[ILLEGIBLE]", "[RESERVED]", "[ATTACHED]", "[Confidential Treatment Requested]",
                   "[GRAPHIC OMITTED]", "[Signature Page Follows]", "[UNLIMITED]", "[GIF/JPEG]"):
        assert not run("ambiguity.placeholder", f"1. Fees. The fee is set out below. {marker} Customer pays."), marker


def test_bracketed_topic_headings_are_not_placeholders():
    assert not run("ambiguity.placeholder", "1. Fees. [Annual Fees] Customer pays the fees each year.")
    assert not run("ambiguity.placeholder", "1. Terms. [PAYMENT TERMS] Customer pays the fees each year.")


def test_two_slot_placeholders_in_one_section_are_two_findings_with_their_own_quotes():
    found = run("ambiguity.placeholder", "1. Notices. Notices go to [CUSTOMER NAME] at [Address].")
    assert sorted(f.quote for f in found) == ["[Address]", "[CUSTOMER NAME]"]
    assert all(f.severity is Severity.HIGH for f in found)


def test_instruction_placeholders_are_found():
    assert quotes("ambiguity.placeholder", "1. Law. Governing law: [to be completed].") == ["[to be completed]"]
    assert quotes("ambiguity.placeholder", "1. Start. It starts on [insert date].") == ["[insert date]"]


def test_check_box_is_not_a_placeholder_but_a_bracketed_x_standing_for_a_name_is():
    assert not run("ambiguity.placeholder", "1. Report. Tick one:\n[X] The cards were destroyed.\n[ ] Other.")
    assert quotes("ambiguity.placeholder", "1. Marks. In no circumstances [X] shall use the marks.") == ["[X]"]


def test_placeholders_inside_an_attached_form_are_intended():
    text = ("1. Escrow. The parties shall sign the escrow agreement in Exhibit A.\n\nEXHIBIT A\nFORM OF ESCROW "
            "AGREEMENT\nThis agreement is made on [insert date] between [Party] and the escrow agent.")
    assert not run("ambiguity.placeholder", text)


def test_blanks_are_a_separate_low_severity_rule():
    text = "1. Term. This Agreement lasts ______ years."
    assert not run("ambiguity.placeholder", text)
    (f,) = run("ambiguity.blank", text)
    assert f.quote == "______" and f.severity is Severity.LOW


def test_run_of_x_is_not_reported_in_a_redacted_filing():
    assert quotes("ambiguity.blank", "1. Fee. The fee is $XX per unit.") == ["XX"]
    assert not run("ambiguity.blank", "1. Fee. The fee is $XX per unit. The rebate is [***].")


def test_passive_duties_other_than_costs_and_records_are_not_reported():
    assert not run("ambiguity.obligation_without_actor",
                   P + "1. Notices. All notices under this Agreement shall be given in writing to the addresses.")
    assert not run("ambiguity.obligation_without_actor",
                   P + "1. Defects. Notice of any defect shall be given in writing.")
    assert quotes("ambiguity.obligation_without_actor",
                  P + "1. Recalls. The costs of a recall shall be borne as agreed later.") == ["shall be borne"]


def test_a_sentence_naming_a_party_or_sharing_the_cost_has_its_actor():
    assert not run("ambiguity.obligation_without_actor",
                   P + "1. Recalls. If Customer asks for a recall, the costs of it shall be borne in full.")
    assert not run("ambiguity.obligation_without_actor", P + "1. Costs. Arbitration fees shall be borne equally.")


def test_payment_currency_rules_and_matrix_clauses_name_no_missing_actor():
    assert not run("ambiguity.obligation_without_actor", P + "1. Pay. All payments shall be made in US dollars.")
    assert not run("ambiguity.obligation_without_actor",
                   P + "1. Records. The parties acknowledge and agree that records shall be kept for five years.")
    assert run("ambiguity.obligation_without_actor", P + "1. Records. Records shall be kept for five years.")


def test_agent_named_later_in_the_sentence_is_an_actor():
    assert not run("ambiguity.obligation_without_actor",
                   P + "1. Secrecy. The data shall be maintained as confidential and not used by Customer.")


def test_reference_naming_the_parent_article_heading_is_not_a_mismatch():
    text = ("1. Committee.\n\n1.1 Formation. The parties form a committee.\n\n1.2 Meetings. It meets monthly."
            "\n\n2. Fees. As provided in Section 1.1 (Committee), the committee sets fees.\n\n3. Law. New York.")
    assert not run("ambiguity.xref_heading_mismatch", text)


def test_reference_naming_a_term_the_section_defines_is_not_a_mismatch():
    text = ('1. Term. One year.\n\n2. Supply. A notice that halts deliveries (a "Stop Notice") must be sent in '
            "writing.\n\n3. Notice. Notice is due under Section 2 (Stop Notice).\n\n4. Law. New York.")
    assert not run("ambiguity.xref_heading_mismatch", text)
    stale = text.replace("Section 2 (Stop Notice)", "Section 2 (Payment Terms)")
    assert len(run("ambiguity.xref_heading_mismatch", stale)) == 1
    mentioned = text.replace('(a "Stop Notice")', "(a stop notice)")
    assert len(run("ambiguity.xref_heading_mismatch", mentioned)) == 1  # a mere mention is not a heading


def test_term_redefined_in_an_attached_separate_document_is_not_a_conflict():
    main = ('1. Scope. Supplier shall provide hosting (the "Services"). 2. Fees. Customer pays for the Services. '
            "3. Law. New York.\n\n")
    form = ('EXHIBIT A\nFORM OF STATEMENT OF WORK\nThis statement of work is entered into by and between the '
            'parties. Supplier shall provide training (the "Services").')
    part = ('EXHIBIT A\nSERVICE LEVELS\nThe availability targets apply. Supplier shall provide training (the '
            '"Services").')
    assert not run("ambiguity.term_defined_twice", main + form)
    assert len(run("ambiguity.term_defined_twice", main + part)) == 1


def test_year_anchored_date_scan_finds_what_the_plain_pattern_finds():
    text = ("Signed 30th day of September, 2021 and on February 30, 2020; page 42 May 2004; 12 March 1999 and "
            "31 APRIL 2022, then 1999 alone and June 5 2000.")
    assert [m.span() for m in dates._dates(text)] == [m.span() for m in dates._DATE.finditer(text)]
    assert [m.group(0) for m in dates._dates(text)] == [
        "30th day of September, 2021", "February 30, 2020", "42 May 2004", "12 March 1999", "31 APRIL 2022",
        "June 5 2000"]


def test_days_definition_is_found_wherever_it_sits():
    assert not run("ambiguity.days_unqualified", '1. Pay. Customer pays within 10 days after receipt. 2. Defs. '
                   'All references to "days" shall refer to calendar days.')
    assert run("ambiguity.days_unqualified", "1. Pay. Customer pays within 10 days after receipt. 2. Days. "
               "Holidays are listed in Exhibit A.")


def test_definition_carried_on_in_the_next_sentence_is_one_definition():
    two_steps = ('1. Secrecy. The parties may share secrets (the "Confidential Information"). Confidential '
                 "Information means all data marked as confidential. 2. Use. Confidential Information stays secret.")
    assert not run("ambiguity.term_defined_twice", two_steps)
    far_apart = ('1. Secrecy. The parties may share secrets (the "Confidential Information").\n\n2. Definitions. '
                 '"Confidential Information" means all data marked as confidential.')
    assert len(run("ambiguity.term_defined_twice", far_apart)) == 1


def test_party_name_and_short_name_restated_in_an_exhibit_is_not_a_second_definition():
    text = ('This Agreement is between Redwater Media LLC, a Minnesota company (the "Contractor"), and Beta LLC '
            '(the "Company").\n\n1. Services. Contractor advises.\n\n2. Fees. Company pays.\n\n3. Law. New York.'
            '\n\nEXHIBIT A\nMEDIA SERVICES\nThe services provided by Redwater Media LLC ("Contractor") are listed.')
    assert not run("ambiguity.term_defined_twice", text)


def test_capitalised_heading_words_articles_and_run_on_terms_are_not_variants():
    defs = ('1. Definitions. "Team Marks" means the logos. "Party A" means Acme. "Other IP" means patents. '
            '"IP Action" means a suit. ')
    assert not run("ambiguity.term_variant", defs + "2. Schedule. SCHEDULE 2 Team MARKS are listed below.")
    assert not run("ambiguity.term_variant", defs + "2. Notice. Each party shall give the other Party a notice.")
    assert not run("ambiguity.term_variant", defs + "2. Suits. Each party may join any other IP Action.")
    assert quotes("ambiguity.term_variant", defs + "2. Use. The team Marks are licensed.") == ["team Marks"]



def test_enrichment_lists_every_definition_site_while_find_definitions_keeps_the_first():
    from leverage_lens.enrich.definitions import definition_sites, find_definitions

    text = ('Acme provides hosting (the "Services"). "Services" means hosting and support. Support means help.')
    sites = [(s.term, s.style, text[s.marker_start: s.marker_end]) for s in definition_sites(text)]
    assert sites == [("Services", "quoted", "means"), ("Support", "means", "means"),
                     ("Services", "parenthetical", '(the "Services")')]
    assert [d.term for d in find_definitions(text)] == ["Services", "Support"]


_DEFS = P + '1. Definitions. "Term" means one year. "Fees" means the price. "Goods" means widgets. '


def test_deleted_definition_is_found_through_uses_that_open_sentences_and_terms_made_of_name_words():
    opening = (_DEFS + "2. Price. The Contract Price is fixed. 3. Review. The Contract Price is reviewed yearly. "
               "4. Cap. Supplier may not raise the Contract Price.")
    assert [f.quote for f in run("ambiguity.term_undefined", opening)] == ["Contract Price"]
    ordinary = (_DEFS + "2. Approvals. Supplier obtains approvals from each Government Entity. 3. Notices. "
                "Supplier tells any Government Entity of the sale. 4. Audits. Supplier lets such Government Entity, "
                "on request, inspect the Goods.")
    assert [f.quote for f in run("ambiguity.term_undefined", ordinary)] == ["Government Entity"]


def test_names_of_laws_and_places_are_not_undefined_terms():
    text = (_DEFS + "2. Law. This is governed by the laws of the State of Ohio. 3. Courts. Courts in the State of "
            "Ohio decide. 4. Venue. Suits go to the State of Ohio. 5. Securities. Supplier complies with the "
            "Securities Exchange Act. 6. Filings. Supplier files under the Securities Exchange Act. 7. Reports. "
            "Reports follow the Securities Exchange Act.")
    assert not run("ambiguity.term_undefined", text)


def test_a_term_followed_by_a_participle_is_used_as_a_noun():
    text = (_DEFS + "2. Payment. Customer pays the Service Charges invoiced for the service. 3. Late. Any Service "
            "Charges unpaid bear interest. 4. Taxes. Customer pays the Service Charges payable without other "
            "charges.")
    assert [f.quote for f in run("ambiguity.term_undefined", text)] == ["Service Charges"]


def test_defining_a_longer_term_does_not_excuse_its_last_word_alone():
    text = (P + '1. Definitions. "Term" means one year. "Fees" means the price. "Forecast Territory" means Canada. '
            "2. Sales. Customer sells in the Territory. 3. Ads. Customer advertises in the Territory. 4. Stock. "
            "Customer keeps stock in the Territory; no other territory is granted.")
    assert [f.quote for f in run("ambiguity.term_undefined", text)] == ["Territory"]


def test_extensions_scoped_definitions_and_roles_are_not_second_definitions():
    from leverage_lens.checks.ambiguity.defined_terms import definition_sites

    text = (P + '1. Definitions. "Confidential Information" means secrets. "Losses" means costs. 2. Scope. '
            '"Confidential Information" shall include drawings. 3. Claims. For purposes of this Section 3, '
            '"Losses" means costs and fees. 4. Notice. A party claiming (an "Indemnified Party") gives notice.')
    styles = {(t, st) for t, _, _, st in definition_sites(text)}
    assert ("Confidential Information", "extension") in styles
    assert ("Losses", "scoped") in styles
    assert ("Indemnified Party", "role") in styles
    assert not run("ambiguity.term_defined_twice", text)


def test_long_day_periods_are_not_worth_a_business_or_calendar_question():
    assert not run("ambiguity.days_unqualified", "1. Pay. Customer pays within 30 days after receipt. 2. Notice. "
                   "Either party may end this on 60 days' notice.")
    found = run("ambiguity.days_unqualified", "1. Pay. Customer pays within 30 days after receipt. 2. Defects. "
                "Customer reports defects within 5 days after delivery.")
    assert len(found) == 1 and len(found[0].evidence) == 1


def test_and_or_between_common_words_is_quiet_but_between_names_is_reported():
    assert not run("ambiguity.and_or", P + "1. Use. Customer may use and/or copy the products and/or services.")
    assert [f.quote for f in run("ambiguity.and_or", P + "1. End. Supplier and/or Customer may cancel.")] == ["and/or"]


def test_term_used_before_definition_skips_story_names_and_the_defining_clause():
    recital = ('This Agreement is made by Acme Inc. ("Acme") and Beta LLC ("Beta"). WHEREAS, Acme makes the '
               'Products; WHEREAS, Beta sells them.\n\n1. Supply. Acme supplies widgets (the "Products").\n\n'
               "2. Price. Beta pays for the Products.")
    assert not run("ambiguity.term_used_before_definition", recital)
    longer = ('1. Board. The Board of Directors approves.\n\n2. Approvals. The board of the Company (the "Board") '
              "meets yearly.\n\n3. Votes. The Board votes.")
    assert not run("ambiguity.term_used_before_definition", longer)
    name_itself = ('1. Parties. This amends the agreement among Autoliv ASP, Inc. ("Autoliv ASP") and others.\n\n'
                   "2. Notices. Autoliv ASP receives notices.")
    assert not run("ambiguity.term_used_before_definition", name_itself)
    body = ('1. Fees. Customer pays for the Services monthly.\n\n2. Support. Supplier supports the Services.\n\n'
            '3. Levels. The Services are available.\n\n4. Scope. Supplier provides hosting (the "Services").')
    assert [f.quote for f in run("ambiguity.term_used_before_definition", body)] == ["Services"]


def test_term_used_before_definition_needs_three_early_uses_and_no_pointer_to_the_definition():
    once = ('1. Fees. Customer pays for the Services monthly.\n\n2. Scope. Supplier provides hosting (the '
            '"Services").')
    assert not run("ambiguity.term_used_before_definition", once)
    told = ('1. Fees. Customer pays for the Services (as defined below) monthly.\n\n2. Support. Supplier supports '
            'the Services.\n\n3. Levels. The Services are available.\n\n4. Scope. Supplier provides hosting (the '
            '"Services").')
    assert not run("ambiguity.term_used_before_definition", told)
    known = ('1. Grant. During the Term Supplier grants a licence.\n\n2. Fees. During the Term Customer pays.\n\n'
             '3. Audit. During the Term Customer keeps records.\n\n4. Term. This runs for a year (the "Term").')
    assert not run("ambiguity.term_used_before_definition", known)


def test_recital_names_and_terms_used_in_lower_case_are_not_unused():
    text = (P + 'WHEREAS, Supplier owns a system (the "Supplier System").\n\n1. Definitions. "Majority-in-interest" '
            'means holders of half the notes. "Territory" means Canada.\n\n2. Votes. The majority-in-interest may '
            "amend this Agreement.")
    assert [f.quote for f in run("ambiguity.term_unused", text)] == ["Territory"]


def test_template_control_tags_and_signature_fields_are_not_placeholders():
    form = ("1. Parties. {company_name} and {investor_name} agree. 2. Price. {price}.\n\n{FOR signer IN signers}"
            "Signature {$signer.name} {END-FOR signer}\n\nIN WITNESS WHEREOF the parties sign.\n[COMPANY]\nBy: [name]")
    (found,) = run("ambiguity.placeholder", form)  # a template: one finding, its fields listed
    assert "4 placeholders" in found.message and "FOR" not in found.message and "[name]" not in found.message


def test_conformed_signatures_and_unticked_boxes_are_not_blanks():
    assert not run("ambiguity.blank", "1. Term. Two years.\n\nAcme Inc. By____/s/ John Doe____ John Doe, CEO")
    boxes = "1. Territory. [ x ] Worldwide [ ] {territory}\n\n2. Fees. [ x ] Monthly [ ] Yearly"
    assert not run("ambiguity.blank", boxes)


def test_a_seat_in_a_stadium_is_not_a_cross_reference():
    text = ("1. Term. One year.\n\n2. Tickets. Sponsor receives four seats in Section 150, Row X, Seats 5-8.\n\n"
            "3. Law. Florida law.")
    assert not run("ambiguity.xref_missing_section", text)


def test_terms_named_by_a_heading_a_key_terms_row_or_the_title_are_not_undefined():
    text = ("Stockholder Action by Written Consent\nCover Terms\nSecurity Policy\nSOC 2\n" + P
            + '1. Definitions. "Term" means one year. "Fees" means the price. "Goods" means widgets. 2. Use. '
            "Provider follows the Security Policy as stated in Cover Terms. 3. Audit. Auditors check the Security "
            "Policy under Cover Terms. 4. Change. Provider may change the Security Policy if Cover Terms allow. "
            "5. Filing. This is filed with the Written Consent; the Written Consent binds; see the Written Consent.")
    assert not run("ambiguity.term_undefined", text)
