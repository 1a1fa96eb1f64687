"""Party lists as the fifth round's fresh batch of filed contracts (dev batch 8) lays them out: names with no
legal suffix ("National City Bank of Kentucky", a French société anonyme), names that open in lower case
("e.l.f. Beauty, Inc."), a capitalised word after "Partners" inside a fund's name, a person last in a list of
investor entities, a franchisee named only under side-by-side signature headings, a wrapped name's last word
that is no heading, trade names that are no roles, and things "of the" a party that are no parties."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_a_bank_named_with_of_and_no_legal_suffix_is_the_party_not_its_alias():
    text = ("SPONSORSHIP AGREEMENT\nThis Sponsorship Agreement is made between National Processing\n"
            "Company (\"NPC\") and National City Bank of Kentucky (\"NCB\") effective June 30,\n1996.\n"
            "WHEREAS, NCB is a member of Visa.\n")
    assert _principal(text) == [("National Processing Company", None), ("National City Bank of Kentucky", None)]


def test_a_state_named_with_of_is_no_party():
    text = ("Cooperation Agreement\nThis Cooperation Agreement is executed by and between the parties below in Haidian "
            "District, Beijing, the People's Republic of China (hereinafter\nreferred to as \u201cPRC\u201d):\n"
            "Party A: Beike Internet Security Technology Co., Ltd.\nParty B: Baidu Online Network Technology Co., Ltd.\n"
            "Whereas:\n1. Party A is a company.\n")
    names = [n for n, _ in _principal(text)]
    assert "Republic of China" not in names and "PRC" not in names


def test_a_legal_form_stated_after_a_name_without_suffix_makes_it_a_party():
    text = ("CO-BRANDING AGREEMENT\nThis CO-BRANDING AGREEMENT is made as of November 14, 2000 by and between "
            "Dassault Systemes, a societe anonyme\norganized under the laws of France (\"Dassault Systemes\"), and "
            "PlanetCAD Inc., a corporation organized under the\nlaws of the State of Delaware (\"PlanetCAD\").\n"
            "WITNESSETH:\nWHEREAS, PlanetCAD operates web sites.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [p.name for p in parties] == ["Dassault Systemes", "PlanetCAD Inc."]
    assert parties[0].jurisdiction == "FR"


def test_a_name_opening_with_lower_case_initials_keeps_them():
    text = ("COOPERATION AGREEMENT\nThis Cooperation Agreement is entered into as of July 1, 2020, by and between "
            "e.l.f. Beauty, Inc., a Delaware corporation (the \u201cCompany\u201d), and Marathon Partners Equity "
            "Management, LLC (\u201cMarathon Partners\u201d), Marathon Partners LUX Fund, L.P. and Mario Cibelli "
            "(collectively, the \u201cMarathon Parties\u201d).\nRECITALS\nWHEREAS, the Marathon Parties own shares.\n")
    names = [n for n, _ in _principal(text)]
    assert names == ["e.l.f. Beauty, Inc.", "Marathon Partners Equity Management, LLC",
                     "Marathon Partners LUX Fund, L.P.", "Mario Cibelli"]
    assert next(p for p in find_parties(text) if p.name == "Mario Cibelli").kind == "person"


def test_a_franchisee_named_only_under_side_by_side_signature_headings_takes_that_name():
    text = ("FRANCHISE AGREEMENT\nThis Franchise Agreement between Homewood Suites Franchise LLC (\"we,\" \"us\" or "
            "\"Franchisor\") and the Franchisee (\"you,\" \"your\" or \"Franchisee\") set forth in the Addendum "
            "attached to this Agreement, is dated as of the Effective Date.\n1.0 DEFINITIONS\nYou shall pay us fees.\n"
            "IN WITNESS WHEREOF, the Parties have executed this Agreement.\nFRANCHISEE: FRANCHISOR:\n"
            "ARC HOSPITALITY TRS STRATFORD LLC,\na Delaware limited liability company\n"
            "HOMEWOOD SUITES FRANCHISE LLC,\na Delaware limited liability company\n"
            "By: /s/ Jesse C. Galloway By: /s/ James Holthouser\n")
    assert _principal(text) == [("Homewood Suites Franchise LLC", "Franchisor"),
                                ("ARC HOSPITALITY TRS STRATFORD LLC", "Franchisee")]


def test_side_by_side_headings_with_more_names_than_headings_name_nobody():
    text = ("FRANCHISE AGREEMENT\nThis Franchise Agreement between Homewood Suites Franchise LLC (\"Franchisor\") and "
            "the Franchisee (\"Franchisee\") set forth in the Addendum.\nFranchisee shall pay fees.\n"
            "IN WITNESS WHEREOF, the Parties have executed this Agreement.\nFRANCHISEE: FRANCHISOR:\n"
            "ARC HOSPITALITY TRS STRATFORD LLC\nARC HOSPITALITY HOLDINGS LLC\nHOMEWOOD SUITES FRANCHISE LLC\n"
            "By: /s/ Jesse C. Galloway By: /s/ James Holthouser\n")
    assert ("Franchisee", "Franchisee") in _principal(text)


def test_the_wrapped_last_word_of_a_name_is_no_signature_heading():
    text = ("SECOND AMENDMENT\nThis Second Amendment is made between FEDERATED INVESTMENT MANAGEMENT COMPANY, a "
            "Delaware statutory trust (the \u201cAdviser\u201d), and FEDERATED ADVISORY SERVICES COMPANY, a Delaware "
            "statutory trust (\u201cFASC\u201d).\n1. Amendment. Exhibit A is supplemented.\n"
            "IN WITNESS WHEREOF, the parties have executed this Second Amendment.\n"
            "FEDERATED INVESTMENT MANAGEMENT FEDERATED ADVISORY SERVICES COMPANY\nCOMPANY\n"
            "By: /s/ John B. Fisher By: /s/ J. Christopher Donahue\nName: John B. Fisher Name: J. Christopher Donahue\n")
    assert [n for n, _ in _principal(text)] == ["FEDERATED INVESTMENT MANAGEMENT COMPANY",
                                                "FEDERATED ADVISORY SERVICES COMPANY"]


def test_a_trade_name_used_with_the_is_no_role():
    body = " ".join(["the Power2Ship cost is paid."] * 3)
    text = ("DISTRIBUTOR AGREEMENT\nThis Agreement is made and entered into this 7th day of April, 2003, by and between "
            "Wireless Links Inc, a Pennsylvania corporation (hereinafter called \"WLI\"), and Jaguar Investments, Inc., "
            "a Nevada corporation (hereinafter called \"Power2Ship\").\n1. APPOINTMENT\n" + body + "\n")
    assert _principal(text) == [("Wireless Links Inc", None), ("Jaguar Investments, Inc.", None)]


def test_a_product_defined_after_of_the_is_no_party():
    text = ("RESELLER AGREEMENT\nTHIS AGREEMENT entered into as of March 19, 2004 provides the terms under which MediaNet "
            "Group Technologies, Inc., a Nevada corporation (\"MEDIANET\"), authorizes International Direct Response, "
            "Inc., a Pennsylvania Corporation (\"RESELLER\") to be its agent for the purpose of reselling licenses of "
            "the MediaNet Group Technologies Portals (\"PORTALS\") in accordance with this Agreement.\n1. LICENSE\n")
    assert [n for n, _ in _principal(text)] == ["MediaNet Group Technologies, Inc.", "International Direct Response, Inc."]


def test_quotes_a_pdf_garbled_still_define_roles():
    text = ("LICENSE AGREEMENT\nThis License Agreement is made by and between Alpha Holdings, Inc. (hereinafter, "
            "-Licensor\") and Beta Services LLC (``Licensee'').\n1. Grant. Licensor grants Licensee a license.\n")
    assert _principal(text) == [("Alpha Holdings, Inc.", "Licensor"), ("Beta Services LLC", "Licensee")]


def test_a_key_value_cell_saying_whose_name_it_holds_names_a_party_and_its_role():
    text = ("FORM OF SUB-RESELLER AGREEMENT\nSignature Page\nReseller Full Legal Name Salesforce.org, a nonprofit public "
            "benefit corporation having its\nprincipal place of business at 50 Fremont Street\nThis Sub-Reseller "
            "Agreement is made by and between salesforce.com, inc., a Delaware corporation (\u201cSFDC\u201d) and the "
            "Reseller named above.\n1. Appointment. SFDC appoints Reseller.\n")
    assert ("Salesforce.org", "Reseller") in _principal(text)


def test_a_key_value_table_without_colons_gives_roles_not_longer_names():
    text = ("ORDER FORM\nCustomer Name Alpha Holdings, Inc.\nProvider Name Beta Services LLC\nEffective Date May 1, 2020\n"
            "This Order Form is governed by the Terms.\n")
    assert _principal(text) == [("Alpha Holdings, Inc.", "Customer"), ("Beta Services LLC", "Provider")]


def test_a_name_cell_does_not_rename_the_role_the_preamble_gave():
    text = ("CONTENT LICENSE AGREEMENT\nThis Agreement is made between Global Music International, Inc. (\"IMNTV\") and "
            "MobileVision Communications Ltd. (\"Distributor\").\nA. Distributor Information\n"
            "Provider Name: MobileVision Communications Ltd.\nAddress: Beijing, China\n1. License. IMNTV licenses "
            "Distributor.\n")
    assert ("MobileVision Communications Ltd.", "Distributor") in _principal(text)


def test_side_by_side_headings_name_both_sides_when_the_preamble_names_neither():
    text = ("SERVICES AGREEMENT\nThis Services Agreement is entered into by the Company and the Provider named below.\n"
            "1. Services. Provider shall provide services.\nIN WITNESS WHEREOF the parties have signed.\n"
            "COMPANY: PROVIDER:\nALPHA HOLDINGS, INC.\nBETA SERVICES LLC\nBy: /s/ Ann Lee By: /s/ Bo Chan\n")
    assert _principal(text) == [("ALPHA HOLDINGS, INC.", "Company"), ("BETA SERVICES LLC", "Provider")]


def test_people_listed_with_and_under_one_alias_are_each_a_party():
    text = ("FOUNDERS AGREEMENT\nThis Agreement is made between Alpha Holdings, Inc. (the \"Company\") and John Smith "
            "and Jane Doe (each a \"Founder\" and together the \"Founders\").\n1. Shares.\n")
    assert _principal(text) == [("Alpha Holdings, Inc.", "Company"), ("John Smith", "Founder"), ("Jane Doe", "Founder")]


def test_a_doctor_is_named_without_the_title():
    text = ("CONSULTING AGREEMENT\nThis Consulting Agreement is entered into as of May 1, 2019 between Alpha Holdings, "
            "Inc. (the \"Company\") and Dr. Jane Q. Public (\"Consultant\").\n1. Services.\n")
    assert ("Jane Q. Public", "Consultant") in _principal(text)


def test_referred_to_as_with_a_colon_defines_each_party_s_own_alias_and_for_blocks_sign():
    text = ("HOSTING AGREEMENT\nThis Agreement is made between\n\u201cElephant Talk Communication Holding AG\u201d, a "
            "company incorporated under the laws of Switzerland, legally and duly represented by its Chief Executive "
            "Officer Steven van der Velden, hereinafter referred to as: \"ELEPHANT TALK\"\nand\nT-Mobile Netherlands B.V., "
            "a company incorporated under the laws of the Netherlands, legally and duly represented by its Managing "
            "Director Niek Jan van Damme, hereinafter referred to as: \u201cT-Mobile\u201d\neach individually referred to "
            "as \"Party\".\nWHEREAS:\n1. ELEPHANT TALK wishes to become an enabler.\n23. COUNTERPART\nSigned in "
            "September 17, 2008\nFor T-Mobile Netherlands B.V.\n/s/ Niek Jan van Damme\nName: Mr. Niek Jan van Damme\n"
            "Title: Managing Director\nFor Elephant Talk Communication Holding AG\n/s/ Steven van der Velden\n"
            "Name: Mr. Steven van der Velden\nTitle: CEO\n")
    parties = {p.name: p for p in find_parties(text) if p.principal}
    assert set(parties) == {"Elephant Talk Communication Holding AG", "T-Mobile Netherlands B.V."}
    assert parties["Elephant Talk Communication Holding AG"].aliases == ["ELEPHANT TALK"]
    assert parties["T-Mobile Netherlands B.V."].aliases == ["T-Mobile"]
    assert [s.name for s in parties["T-Mobile Netherlands B.V."].signatories] == ["Niek Jan van Damme"]
    assert [s.name for s in parties["Elephant Talk Communication Holding AG"].signatories] == ["Steven van der Velden"]


def test_a_signature_page_opened_by_wherefore_before_schedules_gives_signers():
    schedule = "Schedule 1.1 Core Field means the design of nuclear reactors and related services. " * 200
    text = ("INTELLECTUAL PROPERTY AGREEMENT\nThis Agreement is entered into between The Babcock & Wilcox Company, a "
            "Delaware corporation, (\u201cRemainCo\u201d) and Babcock & Wilcox Enterprises, Inc., a Delaware corporation "
            "(\u201cSpinCo\u201d).\n1. Licenses.\nWHEREFORE, the Parties have signed this Agreement.\n"
            "THE BABCOCK & WILCOX COMPANY\nBy: /s/ David S. Black\nName: David S. Black\nTitle: Vice President\n"
            "BABCOCK & WILCOX ENTERPRISES, INC.\nBy: /s/ J. Andre Hall\nName: J. Andre Hall\nTitle: Secretary\n"
            + schedule)
    signers = {p.aliases[0]: [s.name for s in p.signatories] for p in find_parties(text) if p.principal}
    assert signers == {"RemainCo": ["David S. Black"], "SpinCo": ["J. Andre Hall"]}


def test_columns_under_side_by_side_headings_sign_in_the_headings_order():
    text = ("FRANCHISE AGREEMENT\nThis Franchise Agreement between Homewood Suites Franchise LLC (\"Franchisor\") and "
            "the Franchisee (\"Franchisee\") set forth in the Addendum.\nFranchisee shall pay fees.\n"
            "IN WITNESS WHEREOF, the Parties have executed this Agreement.\nFRANCHISEE: FRANCHISOR:\n"
            "ARC HOSPITALITY TRS STRATFORD LLC,\na Delaware limited liability company\n"
            "HOMEWOOD SUITES FRANCHISE LLC,\na Delaware limited liability company\n"
            "By: /s/ Jesse C. Galloway By: /s/ James Holthouser\nName: Jesse C. Galloway Name: James Holthouser\n")
    signers = {p.role: [s.name for s in p.signatories] for p in find_parties(text) if p.principal}
    assert signers == {"Franchisor": ["James Holthouser"], "Franchisee": ["Jesse C. Galloway"]}


def test_holders_listed_on_the_signature_pages_are_the_entities_that_sign_there():
    text = ("VOTING AGREEMENT\nThis Voting Agreement is entered into by Alpha Holdings, Inc. (the \"Company\") and the "
            "stockholders listed on the signature pages hereto (each a \"Stockholder\").\n1. Voting.\n"
            "IN WITNESS WHEREOF the parties have signed.\nALPHA HOLDINGS, INC.\nBy: /s/ Ann Lee\nName: Ann Lee\n"
            "BETA VENTURES LLC\nBy: /s/ Bo Chan\nName: Bo Chan\nGAMMA CORP.\nBy: /s/ Cy Dow\nName: Cy Dow\n")
    assert _principal(text) == [("Alpha Holdings, Inc.", "Company"), ("BETA VENTURES LLC", "Stockholder"),
                                ("GAMMA CORP.", "Stockholder")]
