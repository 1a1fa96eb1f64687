"""A party's role is learned from the contract's own defined terms: a defined name the contract uses as a
common noun ("the Repairer") that does not come from the party's name; short names never are roles."""

from __future__ import annotations

from leverage_lens.enrich import find_parties
from leverage_lens.enrich.party_roles import from_name, role_of


def test_a_defined_name_used_with_the_article_is_a_role_and_a_short_name_is_not():
    text = ('MAINTENANCE AGREEMENT between Azul Linhas Aereas Brasileiras S/A, a Brazilian company ("AZUL"), and '
            'Avions de Transport Regional G.I.E., a French company (the "Repairer").\nWHEREAS the Repairer repairs '
            'engines and the Repairer warrants its work; AZUL shall pay.\n')
    azul, atr = (p for p in find_parties(text) if p.principal)
    assert (azul.role, atr.role) == (None, "Repairer")


def test_short_names_made_from_the_party_name_are_never_roles():
    assert from_name("Rogers", "Rogers Cable Communications Inc.")
    assert from_name("PDMS", "Petro data Management Services Limited.")
    assert from_name("SPI", "Sucampo Pharmaceuticals, Inc.")
    assert not from_name("Celebrity", "Robbie Fowler")
    assert role_of("Rogers Cable Communications Inc.", ["Rogers"], "the Rogers the Rogers") is None


def test_compounds_of_known_roles_and_party_letters_are_roles():
    assert role_of("Twentieth Century Fox Film Corporation", ["Fox", "Trademark Licensor"], "") == "Trademark Licensor"
    assert role_of("Nanjing Tuniu Technology Co., Ltd.", ["Party A"], "") == "Party A"
    assert role_of("Franchisee", ["Member"], "") == "Franchisee"  # a party known by its role keeps it


def test_acronyms_and_plural_collectives_are_not_roles_even_with_the_article():
    text = "the MMI shall and the MMI may; the Underwriters shall and the Underwriters may"
    assert role_of("Modus Media International", ["MMI"], text) is None  # from its initials anyway
    assert role_of("Lehman Brothers Inc.", ["Underwriters"], text) is None
