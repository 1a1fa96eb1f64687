"""Each party reader on a contract written here: preamble descriptions, cover pages, signature blocks,
principal and named-only parties, and the merger that never merges two roles."""

from __future__ import annotations

from leverage_lens.enrich.parties import find_parties
from leverage_lens.enrich.party_names import describe, norm


def _by_role(parties, role):
    return next(p for p in parties if p.role == role)


def test_preamble_description_gives_entity_type_jurisdiction_and_kind():
    text = ('This Agreement is made by and between Acme Widgets, Inc., a Delaware corporation ("Acme" or the '
            '"Company"), Beta Systems LLC, a limited liability company organized under the laws of the State of '
            'New York ("Distributor"), and Jane Q. Public, an individual ("Consultant").\nWHEREAS the parties '
            'wish to trade.')
    acme, beta, jane = find_parties(text)
    assert (acme.name, acme.role, acme.entity_type, acme.jurisdiction, acme.kind) == (
        "Acme Widgets, Inc.", "Company", "corporation", "US-DE", "organisation")
    assert (beta.role, beta.entity_type, beta.jurisdiction) == ("Distributor", "limited liability company", "US-NY")
    assert (jane.name, jane.role, jane.kind, jane.jurisdiction) == ("Jane Q. Public", "Consultant", "person", None)
    assert all(p.principal and p.confidence >= 0.9 for p in (acme, beta, jane))
    assert text[acme.spans[0].start : acme.spans[0].end] == "Acme Widgets, Inc."


def test_describe_reads_foreign_places_and_leaves_unstated_ones_empty():
    assert describe(", a company incorporated under the laws of England and Wales (")[1] == "GB"
    assert describe(", a Cayman Islands exempted company (")[:2] == ("exempted company", "KY")
    assert describe(" with offices at 1 Main Street (") == (None, None, None)


def test_cover_page_blanks_name_the_parties_by_role_and_two_roles_never_merge():
    text = ('Order Form\nThis Order Form is governed by the Framework Terms dated {effective_date} between '
            '{provider_name} and {customer_name}.\nCloud Service\n{cloud_service}\n'
            'By signing this Order Form, each party agrees to enter into this Order Form.\n\n'
            'PROVIDER: {company_name}\n\nCUSTOMER: {company_name}\nSignature\n\n\nPrint Name\n'
            '{provider_signatory_name}\n')
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("{provider_name}", "Provider"), ("{customer_name}", "Customer")]
    assert all(any(s.label == "cover" for s in p.spans) for p in parties)


def test_a_key_terms_row_and_a_bare_signature_heading_name_the_roles():
    text = ('Employment Offer Letter\nCover Terms\nEmployer\n[Legal name of the employer]\nEmployee\n'
            '[Full legal name of the employee]\nStart Date\n[Employment start date]\n\nStandard Terms\n'
            '1.\tPosition. Employee will join Company.\n\nSignatures\nEmployer\n[Legal name of the employer]\n'
            'Signature\n\nEmployee\nSignature\n\nPrint Name\n[Full legal name of the employee]\n')
    parties = [p for p in find_parties(text) if p.principal]
    assert [p.role for p in parties] == ["Employer", "Employee"]
    assert parties[0].name == "[Legal name of the employer]"


def test_signature_block_gives_the_signatory_name_and_title():
    text = ('AGREEMENT between Acme Holdings, Inc. ("Acme") and Beta LLC ("Beta").\n\nWHEREAS the parties '
            'agree.\n\n1. Term. One year.\n\nIN WITNESS WHEREOF:\n\nACME HOLDINGS, INC.\nBy: ____________\n'
            'Name: Dana R. Whitfield\nTitle: Chief Executive Officer\n\nBETA LLC\nBy: /s/ Sam Lee\n'
            'Title: Manager\n')
    acme, beta = find_parties(text)
    assert [(s.name, s.title) for s in acme.signatories] == [("Dana R. Whitfield", "Chief Executive Officer")]
    assert [(s.name, s.title) for s in beta.signatories] == [("Sam Lee", "Manager")]
    assert any(s.label == "signature" for s in acme.spans) and acme.confidence > 0.9


def test_an_entity_in_a_later_between_stretch_is_named_only_not_a_side():
    text = ('LICENSE AGREEMENT between Acme Holdings, Inc. ("Licensor") and Beta LLC ("Licensee").\n\n'
            'WHEREAS the parties agree.\n\n' + "1. Grant. Licensor grants a licence. " * 20 + '\n\n'
            '2. Prior agreement. The supply agreement between Beta LLC and Gamma Logistics Corp. (the "Supply '
            'Agreement") stays in force.\n')
    parties = find_parties(text)
    assert [p.name for p in parties if p.principal] == ["Acme Holdings, Inc.", "Beta LLC"]
    gamma = next(p for p in parties if p.name.startswith("Gamma"))
    assert not gamma.principal and gamma.confidence < 0.6 and gamma.id == "party-3"


def test_defined_terms_in_the_title_lines_are_not_parties():
    text = ('DEVELOPMENT AGREEMENT\n\nThis agreement dated as of May 1, 2010 (the "Execution Date") is made '
            'between Acme Holdings, Inc. ("Acme") and Beta LLC ("Beta").\nWHEREAS the parties agree.')
    assert [p.name for p in find_parties(text)] == ["Acme Holdings, Inc.", "Beta LLC"]


def test_a_list_number_before_a_name_is_not_part_of_it_and_an_address_place_is_not_a_party():
    text = ('AGREEMENT BETWEEN\n\n1. Acme Data Corp., a Massachusetts corporation, of Boston ("Acme")\n\nAND\n\n'
            '2. Munksgaard A/S, a company of Copenhagen, Denmark ("Publisher").\n\nWHEREAS the parties agree.')
    parties = find_parties(text)
    assert [(p.name, p.role) for p in parties] == [("Acme Data Corp.", None), ("Munksgaard A/S", "Publisher")]


def test_norm_drops_case_punctuation_and_the_last_legal_suffix_only():
    assert norm("ACME Holdings, Inc.") == norm("Acme Holdings Inc") == "acme holdings"  # not the parent "Acme"
    assert norm("Beta L.L.C.") == norm("beta") == "beta"
