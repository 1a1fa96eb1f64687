"""Party lists as the fifth round's third fresh batch (dev batch 10) lays them out: a bracketed place inside a
name ("SHBV (HONG KONG) LTD"), a name opening with a hyphenated lower-case word ("e-centives, Inc."), an alias
that is part of another alias ("Excite" of "Excite@Home") and so no role, and an agent "named on the
signature page hereof" whose name stands there beside the known party's."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_a_bracketed_place_of_two_words_before_a_legal_form_is_part_of_the_name():
    text = ("STRATEGIC ALLIANCE AGREEMENT\nPARTIES\n(1) SHBV (HONG KONG) LTD, a company incorporated in Hong Kong whose "
            "registered office is at Unit 3208 (\u201cSHBV\u201d); and\n(2) WASTE2ENERGY GROUP HOLDINGS PLC a company "
            "incorporated in Isle of Man (\u201cW2E\u201d),\neach a \u201cParty\u201d.\nBACKGROUND\n(A) SHBV makes boilers.\n")
    assert [n for n, _ in _principal(text)] == ["SHBV (HONG KONG) LTD", "WASTE2ENERGY GROUP HOLDINGS PLC"]


def test_a_bracketed_abbreviation_before_a_description_stays_out_of_the_name():
    text = ("STRATEGIC ALLIANCE AGREEMENT\nThis Agreement is made between IMedicor, Inc. (\"IMedicor\") and USA Managed "
            "Care Organization (USA MCO) A Texas Corporation.\n1. Purpose.\n")
    assert not any("A Texas Corporation" in n for n, _ in _principal(text))


def test_a_hyphenated_lower_case_name_and_an_alias_inside_another_alias():
    text = ("CO-BRANDING AGREEMENT\nThis agreement is entered into as of February 16, 2000, by and between the At Home "
            "Corporation (\"Excite@Home\" or \"Excite\"), located at 450 Broadway, and e-centives, Inc., (\"Application "
            "Provider\" or \"e-centives\"), a Delaware corporation.\nRECITALS\nA. Excite@Home maintains the Excite "
            "Network at http://www.excite.com and the Excite Network pages; the Excite Network grows.\n")
    assert _principal(text) == [("At Home Corporation", None), ("e-centives, Inc.", "Application Provider")]


def test_an_agent_named_on_the_signature_page_beside_the_known_party_takes_that_name():
    text = ("BIOPURE CORPORATION\nAGENCY AGREEMENT\nThis Agreement is made as of March 29, 1999, by and between Biopure "
            "Corporation, a Delaware corporation (the \"Company\") and the Agent named\non the signature page hereof "
            "(the \"Agent\").\n1. APPOINTMENT. The Company appoints the Agent.\n" + "2. TERMS. The Agent sells the Products. " * 60
            + "\nSigned, sealed and delivered as of the "
            "date first written above.\nTHE BUTLER COMPANY BIOPURE CORPORATION\nBy: By:\n-------- --------\n"
            "Andrew W. Wright, Title: Vice President\n")
    assert _principal(text) == [("Biopure Corporation", "Company"), ("THE BUTLER COMPANY", "Agent")]
