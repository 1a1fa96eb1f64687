"""Descriptions, defined terms and layout debris are not parties; names with "of" stay whole."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def test_a_bank_of_somewhere_keeps_its_whole_name():
    text = ('This Agreement is made by and between Bank of South Pacific Limited ("BSP") and Datec PNG Ltd '
            '("Datec").\n\nWHEREAS BSP wishes to outsource.')
    assert [p.name for p in find_parties(text)] == ["Bank of South Pacific Limited", "Datec PNG Ltd"]


def test_a_bare_description_such_as_delaware_corporation_is_not_a_party():
    text = ('AGREEMENT between Acme Holdings, Inc. ("Acme"), and Beta LLC ("Beta").\n\n'
            'Acme is a Delaware Corporation. The Bank shall hold the escrow.\n\nWHEREAS the parties agree.')
    names = [p.name for p in find_parties(text)]
    assert names == ["Acme Holdings, Inc.", "Beta LLC"]


def test_defined_terms_after_the_parties_are_not_parties():
    text = ('This Franchise Agreement is made by and between Kiosk Concepts, Inc. ("Franchisor") and Grill '
            'Truck, Inc. ("Franchisee"), with reference to the following: Franchisor owns certain marks (the '
            '"Proprietary Marks") and a system of operation (the "System"), and a remarketing firm (the '
            '"Remarketing Agent").')
    names = [p.name for p in find_parties(text)]
    assert names[:2] == ["Kiosk Concepts, Inc.", "Grill Truck, Inc."]
    assert "Proprietary Marks" not in names and "System" not in names
    assert "Remarketing Agent" in names  # a role is kept: multi-party contracts name agents this way


def test_a_cover_page_line_is_cut_from_the_name():
    text = ('EXHIBIT 10.65   JOINT VENTURE AGREEMENT\n\nMay, 2001   BETWEEN   IMPCO Technologies Inc. ("IMPCO") '
            'AND Minda Industries Limited ("MIL").')
    parties = find_parties(text)
    assert [p.name for p in parties] == ["IMPCO Technologies Inc.", "Minda Industries Limited"]
    for p in parties:
        s = next(x for x in p.spans if x.label == "name")
        assert text[s.start : s.end] == p.name


def test_an_alias_given_by_referred_to_in_this_agreement_as_is_kept():
    text = ('THIS AGREEMENT made this 5th day of December, 2007, between R. C. Boyd Enterprises, LLC, a Texas '
            'limited liability company, referred to in this Agreement as "Company", and Cano Petroleum, Inc.')
    parties = find_parties(text)
    assert parties[0].name == "R. C. Boyd Enterprises, LLC" and "Company" in parties[0].aliases
