"""A role the definitions give a party ('"Distributor" means Siemens, ...') is one of the party's names."""

from __future__ import annotations

import leverage_lens
from leverage_lens.enrich import enrich

PREAMBLE = ('This Agreement is entered into by and between ACCURAY INCORPORATED, a Delaware corporation ("Accuray"), '
            'and SIEMENS AKTIENGESELLSCHAFT, a German corporation ("Siemens"). ')


def _aliases(definitions: str) -> dict[str, list[str]]:
    text = PREAMBLE + "1. Definitions. " + definitions + " 2. Duties. 2.1 Distributor shall not sell competing products."
    return {p.name: p.aliases for p in enrich(leverage_lens.parse_text(text)).parties}


def test_a_role_defined_as_one_party_becomes_its_alias() -> None:
    got = _aliases('1.1 "Distributor" means Siemens, its Affiliates, or any Third Party which has been granted '
                   'distribution rights.')
    assert "Distributor" in got["SIEMENS AKTIENGESELLSCHAFT"]
    assert "Distributor" not in got["ACCURAY INCORPORATED"]


def test_the_role_reads_the_operative_clauses_as_the_party() -> None:
    text = (PREAMBLE + '1. Definitions. 1.1 "Distributor" means Siemens and its Affiliates. 2. Duties. 2.1 Distributor '
            "shall not, during the Term, manufacture or sell any product that competes with the Products of Accuray.")
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    siemens = next(p.id for p in report.parties if p.name.startswith("SIEMENS"))
    restricted = [e for e in report.ledger.entries if e.category == "exclusivity.non_compete"]
    assert restricted and all(e.burdened == siemens for e in restricted)


def test_a_possessive_or_two_parties_in_the_definition_name_no_role() -> None:
    got = _aliases('1.1 "Accuray Regions" means Accuray\'s sales regions. 1.2 "Alliance" means Accuray and Siemens '
                   'acting together.')
    assert all("Accuray Regions" not in a and "Alliance" not in a for a in got.values())


def test_a_generic_term_is_never_a_party_name() -> None:
    got = _aliases('1.1 "Affiliate" means Siemens or any entity it controls.')
    assert all("Affiliate" not in a for a in got.values())


def _parties(text: str) -> dict[str, list[str]]:
    return {p.name: p.aliases for p in enrich(leverage_lens.parse_text(text)).parties if p.principal}


def test_a_caption_before_a_partys_name_is_its_alias() -> None:
    got = _parties("This Cooperation Agreement is entered into by Party A: Acme Energy Technology Co., Ltd. and Party B: "
                   "Beta Gas Supply Co., Ltd. 1. Party B shall pay Party A the fees.")
    assert "Party A" in got["Acme Energy Technology Co., Ltd."]
    assert "Party B" in got["Beta Gas Supply Co., Ltd."]


def test_a_quoted_role_after_a_partys_address_is_its_alias_and_not_the_next_partys() -> None:
    got = _parties('License Agreement "Agreement" between NLS-1 Pharma AG Alter Postplatz 2 6370 Stans Switzerland '
                   '"Licensor" / "NLS" and Eurofarma Laboratorios S.A. Avenida Vereador 3465 Sao Paulo Brazil '
                   '"Licensee" / "Eurofarma". 1. Licensee shall pay royalties to Licensor.')
    nls = next(v for k, v in got.items() if k.startswith("NLS-1"))
    euro = next(v for k, v in got.items() if k.startswith("Eurofarma"))
    assert "Licensor" in nls and "Licensee" not in nls
    assert "Licensee" in euro and "Licensor" not in euro
