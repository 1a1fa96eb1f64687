"""Party lists as a fresh batch of filed contracts (dev batch 6) lays them out: "entered into by" with no
"between" (even inside a first numbered clause), names that go on after a legal suffix or a bracketed word
("Limited Partnership", "Inc. of Pennsylvania", "Rise (Tianjin) Education ... Co., Ltd."), a name followed
by a description in capitals ("a Nevada Corporation", "Individual"), a letter's list of addressees with no
"between", and collective names that are nobody's alias."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_entered_into_by_without_between_inside_a_first_clause_names_both_parties():
    text = ("Exhibit 10.8\n1. Hosting Agreement. This Agreement (including its Exhibit A and all\n"
            "other documents referenced herein) is entered into by eGain Communications\n"
            "Corporation (\"eGain\") and Eliance Corporation (\"Customer\") for the purpose of\n"
            "providing Customer with access to eGain's software.\n2. Fees. Customer shall pay the fees.\n")
    assert _principal(text) == [("eGain Communications Corporation", None), ("Eliance Corporation", "Customer")]


def test_a_limited_partnership_keeps_the_whole_of_its_name():
    text = ("TRANSPORTATION SERVICE AGREEMENT\nThis Transportation Service Agreement (Agreement) is entered into by "
            "Great Lakes Gas Transmission Limited Partnership (Transporter)\nand ANR PIPELINE COMPANY (Shipper).\n"
            "WHEREAS, Shipper has requested Transporter to transport Gas.\n")
    assert _principal(text) == [("Great Lakes Gas Transmission Limited Partnership", "Transporter"),
                                ("ANR PIPELINE COMPANY", "Shipper")]


def test_a_bracketed_word_inside_a_name_is_not_an_alias():
    text = ("SERVICE AGREEMENT\nThis Service Agreement is entered into as of [Date] in Beijing, China, by and between:\n"
            "Party A: Rise (Tianjin) Education Information Consulting Co., Ltd. (\u201cService Provider\u201d)\n"
            "Address: Room C209, Tianjin, China\nParty B: [\u2022] (\u201cService Recipient\u201d)\nAddress: [\u2022]\n"
            "Whereas:\n1. Service Provider is a company.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties][0] == ("Rise (Tianjin) Education Information Consulting Co., Ltd.",
                                                      "Service Provider")
    assert "Tianjin" not in parties[0].aliases
    assert len(parties) == 2 and parties[1].role == "Service Recipient"


def test_a_name_before_a_capitalised_description_is_the_party_not_the_description():
    text = ("ENDORSEMENT AGREEMENT\nThis ENDORSEMENT AGREEMENT (the \"Agreement\") is made this 1st day of November, 2003 "
            "by and between Bruce Jenner, Individual (\"CELEBRITY\"), with his offices located in California; and "
            "The Right Solution, a Nevada Corporation (the COMPANY), with its offices located in Las Vegas.\n"
            "WHEREAS, the CELEBRITY has experience in public speaking and the COMPANY desires to engage the CELEBRITY.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role, p.kind) for p in parties] == [("Bruce Jenner", "Celebrity", "person"),
                                                          ("The Right Solution", "Company", "organisation")]
    assert parties[1].jurisdiction == "US-NV"


def test_a_letter_with_no_between_reads_each_addressee_and_keeps_place_names_after_the_suffix():
    text = ("Exhibit 1.2\nAlliance Bancorp, Inc. of Pennsylvania\n(a federal stock holding company)\nAGENCY AGREEMENT\n"
            "November ___, 2006\nSANDLER O\u2019NEILL & PARTNERS, L.P.\n919 Third Avenue\nLadies and Gentlemen:\n"
            "Greater Delaware Valley Holdings, a Pennsylvania-chartered mutual holding company (the \u201cPA MHC\u201d), "
            "Alliance Mutual Holding Company, a federal mutual savings and loan holding company in formation (the "
            "\u201cFederal MHC\u201d), Alliance Bancorp, Inc. of Pennsylvania, a federal stock holding company in "
            "formation (the \u201cCompany\u201d), and Greater Delaware Valley Savings Bank, a Pennsylvania-chartered "
            "stock savings bank (the \u201cBank\u201d), hereby confirm their agreement with Sandler O\u2019Neill & "
            "Partners, L.P. (\u201cSandler O\u2019Neill\u201d or the \u201cAgent\u201d) with respect to the offer of "
            "the Company\u2019s common stock, including the Bank\u2019s employee stock ownership plan (the \u201cESOP\u201d) "
            "(collectively, the \u201cEmployee Plans\u201d). The PA MHC and the Federal MHC are hereinafter referred to "
            "collectively as the\n\u201cMHCs.\u201d\n")
    parties = {p.name: p for p in find_parties(text) if p.principal}
    assert set(parties) == {"Greater Delaware Valley Holdings", "Alliance Mutual Holding Company",
                            "Alliance Bancorp, Inc. of Pennsylvania", "Greater Delaware Valley Savings Bank",
                            "Sandler O\u2019Neill & Partners, L.P."}
    assert parties["Greater Delaware Valley Holdings"].aliases == ["PA MHC"]
    assert parties["Alliance Mutual Holding Company"].aliases == ["Federal MHC"]  # not the collective "MHCs"
    assert parties["Alliance Bancorp, Inc. of Pennsylvania"].role == "Company"
    assert parties["Greater Delaware Valley Savings Bank"].role == "Bank"
    assert parties["Sandler O\u2019Neill & Partners, L.P."].role == "Agent"


def test_referred_to_as_far_from_any_party_defines_no_alias():
    text = ("HOSTING AGREEMENT between Acme Corporation (\"Acme\") and Beta LLC (\"Customer\").\n"
            "1. Warranty. " + "The Software will operate without error. " * 12
            + "(such representation and warranty being referred to as \"Year 2000 Compliant\").\n")
    beta = [p for p in find_parties(text) if p.principal][1]
    assert beta.aliases == ["Customer"]
