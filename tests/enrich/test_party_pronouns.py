"""Pronoun parties ("we", "you") resolve to the named party they stand for, and roles come from each
party's own parenthetical (synthetic preambles modelled on franchise agreements)."""

from __future__ import annotations

from leverage_lens.enrich.parties import find_parties


def _by_role(parties, role):
    return next(p for p in parties if p.role == role)


def test_you_in_the_defining_parenthetical_is_an_alias_of_the_named_party():
    text = ('This Franchise Agreement is made between Acme Franchising, Inc., a Delaware corporation ("Franchisor", '
            '"we" or "us"), and XYZ Foods, Inc., a Texas corporation ("Franchisee", "you" or "your").\n'
            'WHEREAS, we own a system.')
    parties = find_parties(text)
    assert [p.name for p in parties] == ["Acme Franchising, Inc.", "XYZ Foods, Inc."]
    assert parties[0].role == "Franchisor" and {"we", "us"} <= set(parties[0].aliases)
    assert parties[1].role == "Franchisee" and {"you", "your"} <= set(parties[1].aliases)


def test_role_comes_from_the_party_nearest_its_parenthetical_not_a_neighbour():
    text = ('This Franchise Agreement is entered into between Acme Franchising, Inc., a Florida corporation, and '
            'the individual or legal entity identified on the cover page ("Franchisee"). In this Agreement, "we," '
            '"us" and "our" refers to Acme Franchising, Inc., the franchisor. "You" and "your" refers to the '
            'Franchisee.\nWHEREAS, we own a system.')
    parties = find_parties(text)
    acme = next(p for p in parties if p.name == "Acme Franchising, Inc.")
    assert acme.role == "Franchisor"
    assert {"we", "us", "our"} <= set(acme.aliases)
    franchisee = _by_role(parties, "Franchisee")
    assert franchisee is not acme
    assert {"you", "your"} <= set(franchisee.aliases)
    assert "Franchisee" not in acme.aliases


def test_blank_you_party_takes_its_role_from_a_later_parenthetical_and_we_from_the_signature_heading():
    text = ('FRANCHISE AGREEMENT\n\nThis Franchise Agreement is made by and between bw-9 WIDGET SYSTEMS, INC. an '
            'Ohio corporation with offices at 1 Main Street ("we" or "us"), and ____________________ ("you").\n\n'
            'BACKGROUND:\n\nA. We own a system.\n\n1. The franchisee ("you") includes all successors.\n\n'
            'IN WITNESS WHEREOF the parties signed.\n\n        FRANCHISOR:\n\nATTEST:     bw-9 WIDGET SYSTEMS, INC.\n'
            '\n        FRANCHISEE:\n\n____________________\n')
    parties = find_parties(text)
    assert len(parties) == 2
    we = next(p for p in parties if "we" in p.aliases)
    you = next(p for p in parties if "you" in p.aliases)
    assert we.name == "bw-9 WIDGET SYSTEMS, INC."  # the lower-case prefix glued to the name is kept
    assert we.role == "Franchisor"
    assert you.role == "Franchisee" and you.name == "Franchisee"


def test_a_blank_party_defined_as_you_or_a_role_is_named_by_the_role():
    text = ('This Agreement is made between Goodco Agency, LLC, a Texas limited liability company ("we," "us," or '
            '"our"); and a corporation having offices at ("you" or the "Franchisee").\nWHEREAS, we own a system.')
    parties = find_parties(text)
    franchisee = _by_role(parties, "Franchisee")
    assert franchisee.name == "Franchisee" and "you" in franchisee.aliases
    assert {"we", "us", "our"} <= set(next(p for p in parties if p.name == "Goodco Agency, LLC").aliases)


def test_contracts_without_pronouns_keep_their_parties_unchanged():
    text = ('This License Agreement is made between Alpha Corp., a Delaware corporation ("Licensor"), and Beta '
            'LLC, a Nevada limited liability company ("Licensee").\nWHEREAS, Licensor owns software.')
    parties = find_parties(text)
    assert [(p.name, p.role, p.aliases) for p in parties] == [
        ("Alpha Corp.", "Licensor", ["Licensor"]), ("Beta LLC", "Licensee", ["Licensee"])]
