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
    parties["Sandler O\u2019Neill & Partners, L.P."] = parties.pop("SANDLER O\u2019NEILL & PARTNERS, L.P.")  # the addressee
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


def test_a_party_the_preamble_names_only_by_role_takes_the_name_written_on_the_signature_page():
    text = ("FRANCHISE AGREEMENT\nAGREEMENT dated 1997\nBetween BURGER KING CORPORATION a company incorporated in Florida "
            "(\"BKC\")\nAND The party specified as the Franchisee on SCHEDULE 1 attached hereto (the \"Franchisee\")\n"
            "AND The party or parties specified as the Principals on SCHEDULE 1 attached hereto (collectively, the "
            "\"Principals\" and individually, a \"Principal\")\nINTRODUCTION\nA. BKC has developed a system (the "
            "\"Burger King System\").\n" + "The Franchisee shall operate the restaurant.\n" * 20 +
            "BURGER KING CORPORATION\nBy: /S/ Mark Gerasi\n----------\nVice President\n"
            "INTERNATIONAL FAST FOOD\nPOLSKA SP ZO.O (the \"Franchisee\")\nBy: /S/ Mitchell Rubinson\n"
            "Name: Mitchell Rubinson\nPosition: President\nTHE PRINCIPAL:\nINTERNATIONAL FAST FOOD\nCORPORATION\n"
            "By: /S/ Mitchell Rubinson\nName: Mitchell Rubinson\nSCHEDULE 1 TO FRANCHISE AGREEMENT\n"
            "The Franchisee: INTERNATIONAL FAST FOOD POLSKA SP ZO.O\nThe Principals: INTERNATIONAL FAST FOOD CORPORATION\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [
        ("BURGER KING CORPORATION", None), ("INTERNATIONAL FAST FOOD POLSKA SP ZO.O", "Franchisee"),
        ("INTERNATIONAL FAST FOOD CORPORATION", "Principals")]
    assert [s.name for s in parties[0].signatories] == ["Mark Gerasi"]  # not the next block's "Name:"
    assert [s.name for s in parties[2].signatories] == ["Mitchell Rubinson"]


def test_a_role_only_form_party_stays_a_role_when_the_signature_page_is_blank():
    text = ("FRANCHISE AGREEMENT between Acme Corp. (\"Franchisor\") and the party named on the signature page "
            "(the \"Franchisee\").\nWHEREAS Franchisor owns a system.\n" + "Franchisee shall pay fees.\n" * 20 +
            "ACME CORP.\nBy: ______\nFRANCHISEE:\n________________________\nBy: ______\n")
    assert [(p.name, p.role) for p in find_parties(text) if p.principal] == [("Acme Corp.", "Franchisor"),
                                                                            ("Franchisee", "Franchisee")]


def test_a_guarantee_names_the_obligor_it_backs_without_making_it_a_party():
    text = ("GUARANTEES OF MASTER FRANCHISE AGREEMENT\nAs an inducement to Kiosk Concepts, Inc. (\u201cFranchisor\u201d) to "
            "enter into a Master Franchise Agreement with\n__N/A____________________ (\u201cMaster Franchisee\u201d) dated "
            "_______, 20__ (the \u201cMaster Franchise Agreement\u201d),\n___________________________________ "
            "(\u201cGuarantors\u201d), jointly and severally agree as follows:\nA. Guarantors shall pay all monies.\n")
    assert [(p.name, p.role) for p in find_parties(text) if p.principal] == [("Kiosk Concepts, Inc.", "Franchisor"),
                                                                            ("Guarantors", "Guarantors")]


def test_print_name_captions_in_columns_are_not_part_of_the_signers_names():
    text = ("VISP AGREEMENT by and between YourNetPlus.com, Inc., a New York Corporation (\"Provider\") and Kingdom "
            "Connect, Inc., a Corporation (\"KCI\").\nWhereas Provider hosts websites.\n1. TERM five years.\n"
            "IN WITNESS WHEREOF, the parties have executed this Agreement.\nKingdom Connect, Inc. YourNetPlus.com\n"
            "\"KCI\" \"PROVIDER\"\nBy: /s/ Gene Jackson By /s/ Vince Dim\n-----\n"
            "Print Name: Gene Jackson Print Name: Vince Dima\nTitle: CEO Title: President\n")
    kci = next(p for p in find_parties(text) if p.name == "Kingdom Connect, Inc.")
    assert [s.name for s in kci.signatories] == ["Gene Jackson"]


def test_people_listed_with_courtesy_titles_under_one_alias_are_each_a_party():
    text = ("Mobile Application Development Agreement\nBETWEEN:\nVGrab Asia Ltd. (hereinafter called as the \u201cVAL\u201d), "
            "located at Hong Kong.\nAND:\nMr. Zheng Qing, Mr. Gu Xianwin and Ms. Chen Weijie (hereinafter called as the "
            "\"Developer\"), a group of private software developers.\nRECITALS\nWhereas, VAL wishes to engage the Developer.\n"
            "IN WITNESS WHEREOF the parties have signed.\n/s/ Chen Weijie /s/ Zheng Qing\nChen Weijie Zheng Qing\n"
            "/s/ Gu Xianwin\nGu Xianwin\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("VGrab Asia Ltd.", None), ("Zheng Qing", "Developer"),
                                                  ("Gu Xianwin", "Developer"), ("Chen Weijie", "Developer")]
    assert all([s.name for s in p.signatories] == [p.name] for p in parties[1:])


def test_a_letter_agreement_is_between_its_writers_and_its_addressee_not_the_entities_it_recites():
    text = ("Exhibit 4.1\nREINSURANCE GROUP OF AMERICA, INCORPORATED\nRGA CAPITAL TRUST I\nREMARKETING AGREEMENT\n"
            "February 15, 2011\nBarclays Capital Inc.\n745 Seventh Avenue\nNew York, NY 10019\nLadies and Gentlemen:\n"
            "Reinsurance Group of America, Incorporated, a Missouri corporation (the \u201cCompany\u201d), and RGA Capital "
            "Trust I, a Delaware statutory business trust (the \u201cTrust\u201d), issued and sold to Lehman Brothers Inc. "
            "and Banc of America Securities LLC (the \u201cUnderwriters\u201d) units issued pursuant to a Unit Agreement "
            "among the Company, the Trust, The Bank of New York Mellon Trust Company, N.A., as unit agent (the "
            "\u201cUnit Agent\u201d), shares of common stock of the Company (\u201cCommon Stock\u201d).\n"
            "Section 1. (a) The Company and the Trust (together, the \u201cIssuers\u201d) hereby appoint Barclays.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [p.name for p in parties] == ["REINSURANCE GROUP OF AMERICA, INCORPORATED", "RGA CAPITAL TRUST I",
                                         "Barclays Capital Inc."]
    assert parties[0].aliases == ["Company"] and parties[1].aliases == ["Trust"]  # no "Common Stock", no "Issuers"


def test_a_bank_name_runs_on_to_its_last_legal_form():
    text = ("CHASE AFFILIATE AGREEMENT\nTHIS AGREEMENT sets forth the terms agreed to between Chase Bank USA, N.A. "
            "(\"Chase\") and Acme LLC (\"Affiliate\").\n1. Enrollment.\n")
    assert [p.name for p in find_parties(text) if p.principal] == ["Chase Bank USA, N.A.", "Acme LLC"]


def test_the_other_side_as_you_with_a_quoted_role_is_a_party_and_its_program_is_not():
    text = ("CHASE AFFILIATE AGREEMENT\nTHIS AGREEMENT sets forth the terms and conditions agreed to between Chase Bank "
            "USA, N.A. and you as an \u201cAffiliate\u201d in the Chase\nAffiliate Program (the \u201cAffiliate Program\u201d). "
            "Once accepted, an Affiliate can establish links.\n1. Enrollment.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("Chase Bank USA, N.A.", None), ("Affiliate", "Affiliate")]
    assert "you" in parties[1].aliases and parties[0].aliases == []


def test_a_side_named_without_an_alias_takes_the_role_word_the_text_pairs_with_the_other_side():
    text = ("Tripath Technology, Inc.\nThis Agreement is effective 7/1/98 between Tripath Technology, Inc. (\u201cTripath\u201d), "
            "and\nUniquest Corporation\n780 Montague Expressway\nTripath and Distributor intend to establish Distributor as a "
            "non-exclusive Distributor.\n1. Products\n" + "Distributor will promote the Products. Tripath may ship.\n" * 5)
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("Tripath Technology, Inc.", None), ("Uniquest Corporation", "Distributor")]


def test_a_legal_form_in_brackets_is_no_alias_and_a_general_partner_acting_for_a_party_is_no_party():
    text = ("DISTRIBUTOR AGREEMENT made as of 1 August 2019, by and between, B & C General Warehouse Corporation LLC , a USA "
            "Limited Liability Company (LLC), with an address located at 7405 SW 11th CT, North Lauderdale, FL, 33068, USA,\n"
            "(\u201cCompany\u201d), and Acme Trading Ltd. (\u201cDistributor\u201d).\nWHEREAS Company imports products.\n")
    assert [(p.name, p.role) for p in find_parties(text) if p.principal] == [
        ("B & C General Warehouse Corporation LLC", "Company"), ("Acme Trading Ltd.", "Distributor")]
    text = ("CO-BRANDING AGREEMENT\nTHIS AGREEMENT made as of the 30th day of June 1999\nBETWEEN:\nMEDIALINX INTERACTIVE, L.P.,\n"
            "represented herein by its general partner\nMediaLinx Interactive Inc.\na corporation of Ontario\n"
            "(hereinafter called \"MLX\", or \"Party\")\n- and -\nHEALTHCENTRAL.COM INC.\na corporation of California\n"
            "(hereinafter called \"HCI\" or \"Party\")\nWHEREAS MLX owns a web site;\n")
    assert [p.name for p in find_parties(text) if p.principal] == ["MEDIALINX INTERACTIVE, L.P.", "HEALTHCENTRAL.COM INC."]


def test_each_a_defines_a_class_of_things_not_a_party():
    text = ("SERVICING AGREEMENT between Nationwide Fund Management LLC (\u201cNationwide\u201d) and Acme Securities, Inc. "
            "(\u201cServicing Agent\u201d), whereby you agree to serve the funds listed in Appendix A (each a \u201cFund\u201d) "
            "as follows:\n1. Services.\n")
    assert [p.name for p in find_parties(text) if p.principal] == ["Nationwide Fund Management LLC", "Acme Securities, Inc."]


def test_side_by_side_heads_without_legal_forms_give_each_party_its_column_signer():
    text = ("STRATEGIC ALLIANCE AGREEMENT is made by and between UTEK Corporation (\u201cUTK\u201d), a Delaware corporation, "
            "and World Energy Solutions, (\u201cAVDU\u201d), a Florida corporation.\nWITNESSETH:\nWHEREAS, AVDU engages UTK.\n"
            "1. Services.\nAPPROVED AND AGREED:\nUTEK CORPORATION WORLD ENERGY SOLUTIONS\n"
            "By: /s/ Clifford M. Gross By: /s/ Benjamin C. Croxton\nClifford M. Gross, Ph.D. Benjamin C. Croxton\n")
    signers = {p.name: [s.name for s in p.signatories] for p in find_parties(text) if p.principal}
    assert signers == {"UTEK Corporation": ["Clifford M. Gross"], "World Energy Solutions": ["Benjamin C. Croxton"]}


def test_a_date_after_a_conformed_signature_and_a_person_signing_for_themself():
    text = ("ENDORSEMENT AGREEMENT by and between GENO AURIEMMA (\u201cAuriemma\u201d) and BERKSHIRE BANK, a Massachusetts "
            "savings bank (\u201cBerkshire\u201d).\nRECITALS:\nBerkshire desires endorsements.\n1. DEFINITIONS.\n"
            "IN WITNESS WHEREOF, the Parties execute this Agreement.\n/s/ Geno Auriemma 5/17/12\nGENO AURIEMMA Date\n"
            "BERKSHIRE BANK\nBy: /s/ Sean A. Gray 5/14/12\nSean A. Gray Date\nExecutive Vice President\n")
    signers = {p.name: [s.name for s in p.signatories] for p in find_parties(text) if p.principal}
    assert signers == {"GENO AURIEMMA": ["GENO AURIEMMA"], "BERKSHIRE BANK": ["Sean A. Gray"]}
