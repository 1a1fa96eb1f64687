"""The leverage ledger reads, sentence by sentence, who gains each term and who gives it."""

from __future__ import annotations

from pathlib import Path

import pytest

import leverage_lens
from leverage_lens.analysis import Analysis
from leverage_lens.ledger import build_ledger, principal_pair
from leverage_lens.model import LedgerEntry

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"


def _ledger(text: str) -> tuple[Analysis, list[LedgerEntry]]:
    an = Analysis.build(leverage_lens.parse_text(text))
    return an, build_ledger(an).entries


def _id(an: Analysis, alias: str) -> str:
    return next(p.id for p in an.parties if alias in p.aliases or p.role == alias or p.name == alias)


def _one(entries: list[LedgerEntry], category: str) -> LedgerEntry:
    found = [e for e in entries if e.category == category]
    assert len(found) == 1, [(e.category, e.favors, e.mutual) for e in entries]
    return found[0]


def test_a_right_held_by_one_party_favours_it_and_burdens_the_other() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice.")
    e = _one(entries, "termination.convenience")
    assert (e.favors, e.burdened, e.mutual) == (_id(an, "Customer"), _id(an, "Supplier"), False)
    assert {s.label for s in e.evidence} >= {"cue", "holder"}


def test_either_party_makes_the_term_mutual() -> None:
    _, entries = _ledger(P + "4. Term. 4.1 Either party may terminate this Agreement for convenience on 30 days "
                            "notice.")
    e = _one(entries, "termination.convenience")
    assert e.mutual and e.favors is None and e.burdened is None


def test_a_restriction_burdens_the_party_it_binds() -> None:
    an, entries = _ledger(P + "7. Restrictions. 7.1 During the Term, Customer shall not compete with Supplier.")
    e = _one(entries, "exclusivity.non_compete")
    assert (e.reading, e.favors, e.burdened) == ("restriction", _id(an, "Supplier"), _id(an, "Customer"))


def test_a_passive_verb_reads_its_agent_after_by() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 This Agreement may be terminated at any time by Customer upon 30 days "
                              "written notice.")
    assert _one(entries, "termination.convenience").favors == _id(an, "Customer")


def test_an_inverted_liability_exclusion_protects_the_party_after_the_modal() -> None:
    an, entries = _ledger(P + "9. Liability. 9.1 In no event shall Supplier be liable for consequential damages.")
    assert _one(entries, "liability.cap").favors == _id(an, "Supplier")


def test_a_possessive_cap_protects_its_possessor() -> None:
    an, entries = _ledger(P + "9. Liability. 9.1 Customer's aggregate liability shall not exceed the fees paid.")
    assert _one(entries, "liability.cap").favors == _id(an, "Customer")


def test_a_sole_remedy_limits_the_party_whose_remedy_it_is() -> None:
    an, entries = _ledger(P + "8. Warranty. 8.1 Customer's sole and exclusive remedy for a defect is repair.")
    assert _one(entries, "liability.cap").favors == _id(an, "Supplier")


def test_an_exclusive_appointment_favours_the_appointee() -> None:
    an, entries = _ledger(P + "2. Appointment. 2.1 Supplier hereby appoints Customer as its exclusive distributor "
                              "in Canada.")
    e = next(e for e in entries if e.category == "exclusivity.exclusive_dealing")
    assert (e.favors, e.burdened) == (_id(an, "Customer"), _id(an, "Supplier"))


def test_a_grant_favours_its_recipient_not_the_party_named_in_subject_to() -> None:
    an, entries = _ledger(P + "3. Licence. 3.1 Subject to the terms of this Agreement, Supplier hereby grants to "
                              "Customer a non-exclusive licence to use the software.")
    assert _one(entries, "ip.license_grant").favors == _id(an, "Customer")


def test_an_obliged_party_permitting_an_audit_gives_the_right_to_the_other() -> None:
    an, entries = _ledger(P + "8. Records. 8.1 Customer shall permit Supplier to inspect its books and records "
                              "once a year.")
    assert _one(entries, "payment.audit_rights").favors == _id(an, "Supplier")


def test_a_one_party_carve_out_of_a_mutual_rule_favours_that_party() -> None:
    an, entries = _ledger(P + "12. Assignment. 12.1 Neither party may assign this Agreement without the consent of "
                              "the other party, except that Supplier may assign it to an Affiliate.")
    e = next(e for e in entries if e.category == "assignment.anti_assignment" and e.reading == "restriction")
    assert not e.mutual and e.favors == _id(an, "Supplier")


def test_a_change_of_control_of_one_party_lets_the_other_terminate() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 If a Change of Control of Supplier occurs, Customer may terminate this "
                              "Agreement on written notice.")
    assert _one(entries, "termination.change_of_control").favors == _id(an, "Customer")


def test_payments_favour_the_payee() -> None:
    an, entries = _ledger(P + "5. Royalties. 5.1 The royalties to be paid by Customer to Supplier are five percent "
                              "(5%) of net sales.")
    assert _one(entries, "payment.revenue_sharing").favors == _id(an, "Supplier")


def test_a_definition_is_not_read_as_a_term() -> None:
    _, entries = _ledger(P + '1. Definitions. 1.1 "Change of Control" means the acquisition of more than fifty '
                            "percent of the voting stock of a party.")
    assert entries == []


def test_fewer_than_two_principal_parties_give_an_empty_ledger() -> None:
    an, entries = _ledger("1. Term. The Supplier may terminate this Agreement for convenience on 30 days notice.")
    assert principal_pair(an) is None and entries == []


def test_the_example_contract_caps_only_the_provider() -> None:
    report = leverage_lens.analyze(EXAMPLE)
    provider = next(p.id for p in report.parties if p.role == "Provider")
    caps = [e for e in report.ledger.entries if e.category == "liability.cap" and "LIABILITY" in
            report.document.text[e.start:e.end].upper()]
    assert caps and all(e.favors == provider for e in caps)
    finding = [f for f in report.findings if f.rule == "one_sided.liability_cap"]
    assert finding and all(f.favors == provider for f in finding)


def test_analyze_warns_when_the_ledger_has_no_parties_to_weigh() -> None:
    report = leverage_lens.analyze(leverage_lens.parse_text("1. Term. This agreement lasts one year."))
    assert any(w.code == "ledger_without_parties" for w in report.warnings)


@pytest.mark.parametrize("mutual_sentence", [
    "9.3 Neither party is liable for a delay caused by force majeure.",
    "15. General. 15.1 Each party shall comply with applicable law.",
])
def test_an_unrelated_mutual_sentence_does_not_silence_a_one_sided_cap(mutual_sentence: str) -> None:
    text = (P + "9. Liability. 9.1 Supplier's aggregate liability shall not exceed the fees paid. 9.2 In no event "
            "shall Supplier be liable for lost profits. " + mutual_sentence)
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    assert [f.rule for f in report.findings if f.rule == "one_sided.liability_cap"]


def test_the_same_term_given_to_the_other_side_in_the_section_is_a_mirror() -> None:
    text = (P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice. 4.2 Supplier "
            "may terminate this Agreement for convenience on 90 days notice.")
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    assert not [f for f in report.findings if f.rule == "one_sided.termination_for_convenience"]
    assert len([e for e in report.ledger.entries if e.category == "termination.convenience"]) == 2


def test_items_of_a_list_read_the_subject_of_its_lead_in() -> None:
    text = (P + "\n\n7. Covenants\n\n7.1 Customer shall:\n\n(a) not compete with Supplier in Canada;\n\n"
            "(b) maintain general liability insurance of $1,000,000; and\n\n(c) permit Supplier to audit its books "
            "and records once a year.\n\n8. General\n\n8.1 Supplier shall deliver.")
    an, entries = _ledger(text)
    customer, supplier = _id(an, "Customer"), _id(an, "Supplier")
    assert _one(entries, "exclusivity.non_compete").burdened == customer
    assert _one(entries, "liability.insurance").burdened == customer
    assert _one(entries, "payment.audit_rights").favors == supplier


def test_the_subject_of_an_unless_clause_is_the_party_after_unless() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 This Agreement renews automatically for successive one-year terms unless "
                              "Supplier gives notice of non-renewal at least ninety (90) days before the end of the term.")
    assert _one(entries, "termination.renewal_notice").favors == _id(an, "Supplier")


@pytest.mark.parametrize(("sentence", "category", "favoured"), [
    ("Supplier will not, without the prior written consent of Customer, carry on or be engaged, concerned or "
     "interested in any other trade or business.", "exclusivity.non_compete", "Customer"),
    ("Supplier shall not engage in catering and delivery services outside the Territory.",
     "exclusivity.non_compete", "Customer"),
    ("Customer shall have the right, under the applicable regulations, to audit the performance of the Services.",
     "payment.audit_rights", "Customer"),
    ("Customer shall make minimum yearly purchases of 100 units from Supplier.",
     "payment.minimum_commitment", "Supplier"),
    ("During the term of this Agreement, Customer shall exclusively play and use the golf clubs made by Supplier.",
     "exclusivity.exclusive_dealing", "Supplier"),
    ("Customer shall not endorse, or permit the marketing of, any other company whose principal business is as an "
     "e-commerce provider.", "exclusivity.exclusive_dealing", "Supplier"),
    ("Customer pledges that it will not circumvent the relationships among vendors and clients developed by "
     "Supplier.", "exclusivity.no_solicit_customers", "Supplier"),
])
def test_restrictions_audits_and_minimums_said_in_other_words_are_read(sentence: str, category: str,
                                                                       favoured: str) -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 " + sentence)
    e = _one(entries, category)
    assert (e.favors, e.mutual) == (_id(an, favoured), False)


def test_a_duty_to_take_part_that_is_not_a_business_is_no_non_compete() -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 Supplier shall not participate in the negotiations with the landlord.")
    assert not [e for e in entries if e.category == "exclusivity.non_compete"]


@pytest.mark.parametrize(("sentence", "category"), [
    ("Supplier shall not be subject to any minimum purchase requirements, but shall agree to annual sales targets.",
     "payment.minimum_commitment"),
    ("For each sale, Customer must send a Purchase Order to Supplier at least six (6) months prior to delivery.",
     "payment.minimum_commitment"),
    ("Supplier shall bear the cost of any bank charges for a letter of credit and any commission charge for a wire "
     "transfer.", "payment.revenue_sharing"),
    ("Customer may, without the prior consent of Supplier, assign all of its rights under this Agreement to an "
     "Affiliate.", "ip.ownership_assignment"),
    ("Customer will not use any means of communication other than e-mail to reach Supplier.",
     "exclusivity.exclusive_dealing"),
    ("Customer has provided Supplier with responses to a questionnaire in compliance with Item 401 of Regulation "
     "S-K as promulgated by the Securities and Exchange Commission.", "payment.revenue_sharing"),
    ("Customer represents that it is the beneficial owner of 319,708 shares of Common Stock of Supplier.",
     "payment.revenue_sharing"),
    ("Except as otherwise provided in this Agreement, Supplier shall be the sole and exclusive owner of the "
     "Policy.", "ip.ownership_assignment"),
    ("Supplier shall indemnify and hold harmless the Plan Administrator and any Supplier employee to whom duties are "
     "delegated, against any and all claims arising from any action with respect to this Agreement.",
     "liability.indemnification"),
])
def test_words_of_a_topic_used_for_something_else_put_no_sentence_on_it(sentence: str, category: str) -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 " + sentence)
    assert not [e for e in entries if e.category == category and e.basis == "wording"]


@pytest.mark.parametrize(("sentence", "category"), [
    ("Customer agrees to use commercially reasonable efforts to employ qualified sales and technical personnel "
     "familiar with the Products.", "exclusivity.no_solicit_employees"),
    ("Customer shall not be entitled to receive payment of any margin or commission until Supplier has been paid.",
     "payment.revenue_sharing"),
])
def test_staffing_duties_and_withheld_commissions_are_not_leverage_given(sentence: str, category: str) -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 " + sentence)
    assert not [e for e in entries if e.category == category and e.basis == "wording"]


@pytest.mark.parametrize(("sentence", "category"), [
    ("Section 6.1 Indemnification of Customer by Supplier 21 Section 6.2 Indemnification of Supplier by Customer 21 "
     "Section 6.3 Indemnity Claims Procedure 22", "liability.indemnification"),
    ("Upon termination of this Agreement for any reason, Customer shall return the Training Materials to Supplier.",
     "termination.convenience"),
    ("If this Agreement is terminated for any reason, Customer shall pay to Supplier any fees earned through the "
     "termination date.", "termination.convenience"),
    ("Supplier shall be entitled to assign its right, title and interest in and to this Agreement to an Affiliate.",
     "ip.ownership_assignment"),
    ("Supplier shall be under no obligation to provide services during the Warranty Period for any System whose fee "
     "has not been paid.", "liability.warranty_duration"),
])
def test_contents_lines_what_follows_an_end_and_lifted_duties_confer_no_such_term(sentence: str,
                                                                                  category: str) -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 " + sentence)
    assert not [e for e in entries if e.category == category and e.basis == "wording"]


def test_a_party_that_shall_be_allowed_a_benefit_holds_it() -> None:
    from leverage_lens.ledger.reading import RIGHT_WORDS

    assert RIGHT_WORDS.match("shall be allowed the full benefit of any lower prices")
    assert RIGHT_WORDS.match("shall have the option, within 15 days, to purchase")
    assert not RIGHT_WORDS.match("shall be null and void")


def test_only_to_a_place_or_a_scope_is_no_exclusivity() -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 Supplier hereby grants to Customer the right to explore for and produce "
                          "groundwater only from beneath the surface of the Property.")
    assert not [e for e in entries if e.category == "exclusivity.exclusive_dealing" and e.basis == "wording"]
    an, entries = _ledger(P + "4. Terms. 4.1 Customer shall purchase the Products exclusively from Supplier.")
    assert _one(entries, "exclusivity.exclusive_dealing").favors == _id(an, "Supplier")


def test_an_exclusive_grant_stays_exclusive_when_a_non_exclusive_one_follows() -> None:
    an, entries = _ledger(P + "4. Licence. 4.1 Supplier hereby grants to Customer an exclusive, worldwide license "
                          "under the Supplier Patents, and a non-exclusive license under the Supplier Know-How.")
    e = next(e for e in entries if e.category == "exclusivity.exclusive_dealing" and e.basis == "wording")
    assert e.favors == _id(an, "Customer")


def test_a_notarys_acknowledgement_is_no_revenue_sharing() -> None:
    an, entries = _ledger(P + "4. Terms. 4.1 Customer shall pay Supplier the fees. This instrument was acknowledged "
                          "before me on the 1st day of May, 2014, by Jane Roe, CEO of Supplier. Notary Public, my "
                          "commission expires June 1, 2016.")
    assert not [e for e in entries if e.category == "payment.revenue_sharing" and "acknowledged" in
                an.text[e.start:e.end]]


def test_a_scope_in_an_exhibit_is_named_as_the_exhibit() -> None:
    from leverage_lens.ledger.scope import _name
    from leverage_lens.model import Clause

    exhibit = Clause.model_construct(id="Exhibit-A", number="EXHIBIT A", heading="FEES SCHEDULE", level=0)
    section = exhibit.model_copy(update={"number": "9.", "heading": "Limitation of Liability"})
    assert _name(exhibit) == "Exhibit A (FEES SCHEDULE)"
    assert _name(section) == "Section 9 (Limitation of Liability)"


@pytest.mark.parametrize(("sentence", "reading"), [
    ("Supplier will also continue to own all right, title and interest in the firmware.", "right"),
    ("Supplier shall retain all rights in the Supplier Materials.", "right"),
    ("Supplier shall have the option to purchase the equipment.", "right"),
    ("Supplier shall deliver the firmware to Customer.", "duty"),
])
def test_a_clause_tag_reading_of_keeping_or_an_option_is_a_right_held(sentence: str, reading: str) -> None:
    from leverage_lens.ledger.build import _by_modality
    from leverage_lens.ledger.topics import TOPICS
    from leverage_lens.model import Obligation, Span

    topic = next(t for t in TOPICS if t.category == "ip.ownership_assignment")
    at = sentence.index(" shall") + 1 if " shall" in sentence else sentence.index(" will") + 1
    end = at + (5 if sentence[at:].startswith("shall") else 4)
    op = Obligation(clause_id=None, start=0, end=len(sentence), actor="party-1", modality="obligation",
                    trigger=Span(start=at, end=end, label="modal"))
    assert _by_modality(topic, op, sentence).reading == reading


@pytest.mark.parametrize("sentence", [
    "Supplier shall cause Customer to be named as an additional insured on its insurance policies.",
    "Supplier shall have Customer named as an additional insured on its general liability policy.",
])
def test_the_party_to_be_named_as_additional_insured_gains_the_cover(sentence: str) -> None:
    an, entries = _ledger(P + "4. Insurance. 4.1 " + sentence)
    e = _one(entries, "liability.insurance")
    assert (e.favors, e.burdened) == (_id(an, "Customer"), _id(an, "Supplier"))


def test_a_payment_its_payer_may_reduce_by_a_credit_is_the_payers_right() -> None:
    an, entries = _ledger(P + "4. Royalties. 4.1 Customer shall be entitled to credit fifty percent of the royalties "
                          "paid to a third party against the royalty payment otherwise payable by Customer to Supplier.")
    e = _one(entries, "payment.revenue_sharing")
    assert e.favors == _id(an, "Customer")


@pytest.mark.parametrize("sentence", [
    "Customer shall not contest the validity of the Marks or Supplier's exclusive ownership of them.",
    "Customer agrees that it shall not challenge, contest, or take any actions inconsistent with Supplier's "
    "exclusive rights of ownership of the Licensed Mark.",
])
def test_a_promise_not_to_challenge_the_other_sides_rights_is_no_grant_to_the_promisor(sentence: str) -> None:
    an, entries = _ledger(P + "4. Marks. 4.1 " + sentence)
    assert not [e for e in entries if e.reading == "grant"]
    assert _one(entries, "liability.covenant_not_to_sue").favors == _id(an, "Supplier")


def test_the_subject_of_a_relative_clause_is_not_who_promises() -> None:
    an, entries = _ledger(P + "4. Marks. 4.1 Customer acknowledges Supplier's exclusive right, title, and interest in "
                          "and to any trademarks which Supplier may at any time have adopted (the \"Marks\"), and will "
                          "not at any time do any act contesting or in any way impairing said right, title, and interest.")
    assert _one(entries, "liability.covenant_not_to_sue").favors == _id(an, "Supplier")


def test_a_right_the_verb_offers_to_a_party_is_that_partys() -> None:
    an, entries = _ledger(P + "4. Refusal. 4.1 Supplier agrees to offer Customer the first right of refusal to purchase "
                          "the intellectual property for the products listed in Schedule A.")
    assert _one(entries, "exclusivity.first_refusal").favors == _id(an, "Customer")


def test_the_modal_of_a_relative_clause_does_not_carry_the_sentence() -> None:
    an, entries = _ledger(P + "4. Marks. 4.1 Supplier agrees not to use the Customer Marks in any advertising or conduct "
                          "any activities in a manner that may be seen to detract from or impair the reputation of "
                          "Customer.")
    assert _one(entries, "exclusivity.non_disparagement").favors == _id(an, "Customer")


def test_a_minimum_guarantee_paid_to_a_party_is_a_minimum_payment_not_a_warranty() -> None:
    an, entries = _ledger(P + "4. Fees. 4.1 Supplier shall, or shall cause its Affiliate to, pay to Customer a minimum "
                          "guarantee of one million dollars ($1,000,000) each year during the Term.")
    assert not [e for e in entries if e.category == "liability.warranty_duration"]
    e = next(e for e in entries if e.category == "payment.minimum_commitment" and e.basis == "wording")
    assert e.favors == _id(an, "Customer")


def test_a_modal_in_an_aside_in_parentheses_does_not_carry_the_sentence() -> None:
    an, entries = _ledger(P + "4. Fees. 4.1 Supplier will pay Customer three million dollars ($3,000,000) per year "
                          "according to the following schedule (which the parties may alter upon mutual agreement) (the "
                          "\"Annual Minimum Guarantee\"): within thirty (30) days of the Effective Date, $750,000.")
    e = next(e for e in entries if e.category == "payment.minimum_commitment" and e.basis == "wording")
    assert e.favors == _id(an, "Customer")


def test_and_before_a_lower_case_word_does_not_split_the_subject_from_its_verb() -> None:
    an, entries = _ledger(P + "4. Records. 4.1 At any time Customer and its agents and representatives may physically "
                          "inspect any documents, files or other records relating to the Services.")
    assert _one(entries, "payment.audit_rights").favors == _id(an, "Customer")


def test_two_parties_of_one_side_named_together_bear_the_term_against_the_other_side() -> None:
    text = ('This Agreement is between Acme Inc. ("Buyer"), Gulf Ltd. ("Gulf") and India Ltd. ("India"). '
            "1. Sale. 1.1 Gulf shall sell the Shares to the Buyer. 1.2 The Buyer shall pay Gulf the Price. "
            "1.3 Gulf shall deliver the Shares to the Buyer at Closing. "
            "2. Covenants. 2.1 Gulf and India each agree not to engage in any business that competes with the "
            "business of the Buyer anywhere in the Territory.")
    an, entries = _ledger(text)
    e = _one(entries, "exclusivity.non_compete")
    assert (e.mutual, e.favors, e.burdened) == (False, _id(an, "Buyer"), _id(an, "Gulf"))


def test_a_party_that_must_make_its_records_available_bears_the_audit() -> None:
    an, entries = _ledger(P + "4. Records. 4.1 Supplier shall during business hours, on no less than 14 days' notice "
                          "from Customer and not more than once in any year, make available for inspection the records "
                          "relating to the Products.")
    assert _one(entries, "payment.audit_rights").favors == _id(an, "Customer")


def test_a_non_exclusive_licence_used_solely_and_exclusively_for_a_purpose_is_no_exclusivity() -> None:
    an, entries = _ledger(P + "4. Licence. 4.1 Supplier hereby grants to Customer a personal, non-exclusive, "
                          "royalty-free right and license to use the Licensed Mark solely and exclusively in "
                          "connection with the Services.")
    assert not [e for e in entries if e.category == "exclusivity.exclusive_dealing"]


def test_a_running_page_header_naming_an_exclusive_agreement_is_no_term() -> None:
    an, entries = _ledger(P + "\n\n1. Terms.\n\n1.1 Supplier shall deliver the Products.\n\nSchedule 3.3(c) Allocations "
                          "Supplier and Customer Exclusive Agency and Marketing Agreement Schedule 3.3(c) Income "
                          "Statement Definitions 3 of 10\n\n2. Payment.\n\n2.1 Customer shall pay Supplier the fees.")
    assert not [e for e in entries if e.category == "exclusivity.exclusive_dealing"]


def test_a_collective_subject_inside_the_operative_words_makes_the_term_mutual() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 This Agreement shall renew automatically for successive one year periods "
                          "until terminated pursuant to Section 12 or unless either Customer or Supplier delivers to the "
                          "other written notice of non-renewal at least sixty days prior to the end of the term.")
    assert all(e.mutual for e in entries if e.category == "termination.renewal_notice")


def test_exclusive_rights_a_party_possesses_are_that_partys() -> None:
    an, entries = _ledger(P + "4. Survival. 4.1 The restrictions on Supplier's intellectual property and Customer's "
                          "obligations under the Transfer Agreement as well as Supplier's exclusive rights under this "
                          "Agreement shall survive.")
    assert _one(entries, "exclusivity.exclusive_dealing").favors == _id(an, "Supplier")


def test_a_letter_that_speaks_to_its_person_as_you_gives_you_that_persons_duties() -> None:
    text = ('This Agreement is made between Acme Limited ("Company"), a company incorporated in England, and John '
            'Smith ("Employee"). ' + " ".join(["You shall devote your working time to the business of the Company."] * 5)
            + " 13. Restrictions. 13.1 You shall not, without the prior written consent of the Company, carry on or be "
            "engaged, concerned or interested in any other trade or business. 13.2 You may take holidays agreed with "
            "your manager. 13.3 Your salary is paid monthly.")
    an, entries = _ledger(text)
    e = _one(entries, "exclusivity.non_compete")
    assert (e.favors, e.burdened) == (_id(an, "Company"), _id(an, "Employee"))


@pytest.mark.parametrize("sentence, category", [
    ("The Company has filed with the Commission a registration statement and Customer shall deliver it to Supplier.",
     "payment.revenue_sharing"),
    ("Supplier shall comply with the rules of the Canadian Nuclear Safety Commission in its work for Customer.",
     "payment.revenue_sharing"),
    ("The deposit accounts of Supplier are insured by the FDIC up to the maximum amount allowed by law.",
     "liability.insurance"),
    ("If Supplier is unable to sell a minimum of 708,050 Shares within the period, this Agreement shall terminate.",
     "payment.minimum_commitment"),
    ("All of the outstanding capital stock of the Bank will be owned by Supplier upon completion of the Offering.",
     "ip.ownership_assignment"),
    ("The services of Supplier to Customer are not to be deemed to be exclusive, Supplier being free to serve others.",
     "exclusivity.exclusive_dealing"),
    ("Supplier cannot guarantee a one business day review of pieces over 30 pages for Customer.",
     "liability.warranty_duration"),
])
def test_statements_that_confer_nothing_between_the_parties_are_no_terms(sentence: str, category: str) -> None:
    _, entries = _ledger(P + "5. Terms. 5.1 " + sentence)
    assert not [e for e in entries if e.category == category and e.basis == "wording"]


def test_a_heading_read_as_a_sentence_is_no_term() -> None:
    text = P + "\n\n11.2 SUPPLIER MAXIMUM LIABILITY.\n\nCustomer shall pay the fees."
    _, entries = _ledger(text)
    heading = text.index("11.2")
    assert not [e for e in entries if e.start <= heading + 5 < e.end]


_AGENCY = ('This Agency Agreement is made among Alpha Financial Corp. (the "Company"), Beta Mutual Holding Company '
           '(the "MHC"), Gamma Savings Bank (the "Bank") and Delta Securities LLC (the "Agent"). '
           '1. The Company, the MHC and the Bank shall file the Registration Statement. '
           '2. The Company, the MHC and the Bank shall deliver the Prospectus to the Agent. '
           '3. The Company, the MHC and the Bank shall pay the fees of counsel. ')


def test_parties_named_together_throughout_are_one_side_against_the_other() -> None:
    an, entries = _ledger(_AGENCY + "7. The Company, the MHC and the Bank jointly and severally agree to indemnify "
                          "and hold harmless the Agent from all losses.")
    assert principal_pair(an) == (_id(an, "Company"), _id(an, "Agent"))
    e = _one(entries, "liability.indemnification")
    assert (e.favors, e.burdened, e.mutual) == (_id(an, "Agent"), _id(an, "Company"), False)


def test_a_bare_comma_between_two_parties_joins_nothing() -> None:
    an, entries = _ledger(P + "4. Term. 4.1 Upon written notice to Supplier, Customer may terminate this Agreement "
                              "for convenience.")
    assert _one(entries, "termination.convenience").favors == _id(an, "Customer")
