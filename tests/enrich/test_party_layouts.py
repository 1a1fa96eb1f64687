"""Party lists laid out the ways filed contracts lay them out, beyond the "by and between" sentence: role
lines ("Party A: <name>"), aliases quoted at the end of a line-by-line entry, role words glued before a
name on a cover page, designators after a comma ("Hyde Park Bancorp, MHC"), addresses left blank before an
alias group, and names ending in "Company" that are names, not roles."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_role_lines_before_the_recitals_name_the_parties_and_their_roles():
    text = ("Collaboration Agreement\nThis Agreement is made and entered into by and between the following parties.\n"
            "Party A: Didi Chuxing Technology Co., Ltd.\nLegal Representative: Ting Chen\n"
            "Party B: Hunan Ruixi Financial Leasing Co., Ltd\nLegal Representative: Xianglong Li\n"
            "Party A and Party B shall be individually referred to as a \u201cParty\u201d.\nWhereas\n"
            "1. Party A operates a platform.\n")
    assert _principal(text) == [("Didi Chuxing Technology Co., Ltd.", "Party A"),
                                ("Hunan Ruixi Financial Leasing Co., Ltd", "Party B")]
    didi = find_parties(text)[0]
    name = next(s for s in didi.spans if s.label == "name")
    assert text[name.start : name.end] == "Didi Chuxing Technology Co., Ltd."


def test_a_single_role_line_or_a_role_line_in_the_clauses_names_no_party():
    text = ("SERVICES AGREEMENT between Acme Inc. (\"Acme\") and Beta LLC (\"Beta\").\nWHEREAS the parties agree.\n"
            "1. Notices.\nAgent: Gamma Holdings Ltd.\nCustomer: Delta Corp.\n")
    assert [n for n, _ in _principal(text)] == ["Acme Inc.", "Beta LLC"]


def test_aliases_quoted_at_the_end_of_a_line_by_line_entry_belong_to_the_party_above():
    text = ("License and Development Agreement\n\u201cAgreement\u201d\nbetween\nNLS-1 Pharma AG\nAlter Postplatz 2\n"
            "6370 Stans\nSwitzerland \u201cLicensor\u201d / \u201cNLS\u201d\nand\nEurofarma Laborat\u00f3rios S.A.\n"
            "Avenida Vereador Jos\u00e9 Diniz 3465\nBrazil \u201cLicensee\u201d / \u201cEurofarma\u201d\n"
            "(Licensor and Licensee each a \u201cParty\u201d)\nWHEREAS Licensor owns a product.\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("NLS-1 Pharma AG", "Licensor"),
                                                    ("Eurofarma Laborat\u00f3rios S.A.", "Licensee")]
    assert parties[0].aliases == ["Licensor", "NLS"]


def test_a_role_word_set_before_a_name_on_a_cover_page_is_the_role_not_part_of_the_name():
    text = ('RESELLER AGREEMENT\nMcDATA CORPORATION ("McDATA")          "RESELLER"  MTI TECHNOLOGY CORPORATION\n'
            "ADDRESS: TUSTIN, CA 92780\nThis Reseller Agreement is entered into by and between McDATA and Reseller.\n"
            "1. SCOPE\nReseller will resell the Products.\n")
    assert _principal(text) == [("McDATA CORPORATION", None), ("MTI TECHNOLOGY CORPORATION", "Reseller")]


def test_a_designator_after_a_comma_stays_in_the_name_and_keeps_related_entities_apart():
    text = ("Ladies and Gentlemen:\nBlue Hills Bancorp, Inc. (the \u201cHolding Company\u201d), a newly formed Maryland "
            "corporation, Hyde Park Bancorp, MHC, a Massachusetts-chartered mutual holding company (the \u201cMHC\u201d), "
            "Hyde Park Bancorp, Inc., a Massachusetts corporation (the \u201cMid-Tier\u201d), hereby confirm their "
            "agreement with Keefe, Bruyette & Woods, Inc. (the \u201cAgent\u201d) as follows:\nSection 1. The Offering.\n")
    names = [n for n, _ in _principal(text)]
    assert "Hyde Park Bancorp, MHC" in names and "Hyde Park Bancorp, Inc." in names and len(names) == 4


def test_a_blank_address_before_an_alias_group_is_no_name():
    text = ("MARKETING AGREEMENT between Loop Industries, Inc., a Nevada corporation (\u201cLoop\u201d), and Indorama Loop "
            "Technologies, LLC, a Delaware limited liability company with a principal place of business at [***] "
            "(\u201cJoint Venture Company\u201d) (each of Loop and Joint Venture Company is a \u201cParty\u201d).\n"
            "BACKGROUND\nA. Loop has developed a process. The Joint Venture Company will sell it; the Joint Venture Company "
            "will pay Loop.\n")
    assert _principal(text) == [("Loop Industries, Inc.", None),
                                ("Indorama Loop Technologies, LLC", "Joint Venture Company")]


def test_a_name_ending_in_company_is_a_name_and_the_defined_role_is_kept():
    text = ("INTELLECTUAL PROPERTY AGREEMENT by and between WestRock Company, a Delaware corporation (\u201cParent\u201d), "
            "and Ingevity Corporation, a Delaware corporation (\u201cSpinCo\u201d).\nRECITALS\nWHEREAS the Parent and "
            "SpinCo have agreed; the Parent shall transfer assets; the SpinCo shall accept them.\n")
    assert _principal(text)[0] == ("WestRock Company", "Parent")


def test_a_bracketed_word_before_the_legal_form_is_part_of_the_name_not_an_alias():
    text = ("STRATEGIC ALLIANCE AGREEMENT by and between Dialog Semiconductor (UK) Ltd., a corporation organized under "
            "the laws of England and Wales (\u201cDIALOG\u201d) and PPG Paints Trading (Shanghai) Co Ltd (\u201cPPG Shanghai\u201d) "
            "and (3) Oaktree Capital Management (International) Limited, a private limited company (the \"Sub-Advisor\").\n"
            "WHEREAS the parties agree.\n")
    assert _principal(text) == [("Dialog Semiconductor (UK) Ltd.", None),
                                ("PPG Paints Trading (Shanghai) Co Ltd", None),
                                ("Oaktree Capital Management (International) Limited", "Sub-Advisor")]


def test_hereinafter_referred_to_as_before_the_alias_group_leaves_the_name_before_it():
    text = ("THIS AGREEMENT is made by and between:\nPPG Paints Trading (Shanghai) Co Ltd hereinafter referred to as "
            "(\"PPG Shanghai\")\nAddress : Suite 2512\nand\nNeoMedia Micro Paint Repair hereinafter referred to as "
            "(\"DISTRIBUTOR\")\nAddress : 2201 Second Street\nWITNESSETH:\nWHEREAS: A. PPG SHANGHAI desires DISTRIBUTOR "
            "to sell.\n")
    assert _principal(text) == [("PPG Paints Trading (Shanghai) Co Ltd", None),
                                ("NeoMedia Micro Paint Repair", "Distributor")]


def test_a_description_is_no_name_and_a_suffix_like_initial_opens_the_next_name():
    text = ('CO-BRANDING AGREEMENT This agreement is made by and between PC QUOTE, INC. (hereinafter referred to as '
            '"PCQ"), a Delaware Corporation with its principal place of business at 300 South Wacker Drive, Chicago, '
            'Illinois 60605 and AB Wately, Inc. (hereinafter referred to as "ABW") with its principal place of '
            "business in New York.\nDefinitions:\n")
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.aliases) for p in parties] == [("PC QUOTE, INC.", ["PCQ"]), ("AB Wately, Inc.", ["ABW"])]


def test_role_lines_may_name_a_public_body_when_another_line_names_an_entity():
    text = ("Cooperation Agreement of 50MWp Photovoltaic Project\nParty A: People\u2019s Government of Fenyi County\n"
            "Party B: Xinyu Xinwei New Energy Co., Ltd.\nParty A welcomes and supports Party B.\n")
    assert _principal(text) == [("People\u2019s Government of Fenyi County", "Party A"),
                                ("Xinyu Xinwei New Energy Co., Ltd.", "Party B")]


def test_a_division_named_as_the_party_keeps_its_alias_not_its_parent():
    text = ("LICENSE AGREEMENT by and between TWENTIETH CENTURY FOX LICENSING & MERCHANDISING, a division of Fox "
            "Entertainment Group, Inc. (\u201cFox\u201d), and Sorrent, Inc. (\u201cLicensee\u201d).\nRECITALS:\nWHEREAS Fox "
            "licenses the property.\n")
    assert _principal(text) == [("TWENTIETH CENTURY FOX LICENSING & MERCHANDISING", None), ("Sorrent, Inc.", "Licensee")]


def test_its_role_before_a_name_is_no_part_of_the_name():
    text = ('RESELLER AGREEMENT entered into by and between American Express Incentive Services, L.L.C., a Missouri '
            'limited liability company ("AEIS"), and its Reseller, Schoolpop, Inc., a Delaware corporation '
            '("Schoolpop").\n1. Appointment.\n')
    assert [n for n, _ in _principal(text)] == ["American Express Incentive Services, L.L.C.", "Schoolpop, Inc."]


def test_unquoted_party_letters_and_names_joined_by_and_are_read_whole():
    text = ("Outsourcing Contract on Development of Miaoli Royal Resort Hotel The Covenanter: The HUANG JIA Country "
            "CLUB and Recreation Inc. (hereinafter referred to as Party A) and the Covenanter: Chang Chen-Bin "
            "Architects Office (hereinafter referred to as Party B) hereby agree as follows:\nArticle I. Project\n")
    assert _principal(text) == [("The HUANG JIA Country CLUB and Recreation Inc.", "Party A"),
                                ("Chang Chen-Bin Architects Office", "Party B")]


def test_a_public_body_is_a_party_and_a_title_line_naming_both_is_split():
    text = ("COOPERATION AGREEMENT BETWEEN THE CITY OF FORT STOCKTON, TEXAS AND STW RESOURCES HOLDING CORP. "
            "REGARDING WATER WELLS\nThis AGREEMENT (the \u201cAGREEMENT\u201d) is entered into by the City of Fort "
            "Stockton, Texas, a Texas Type A-General Law city (\u201cCOFS\u201d) and STW Resources Holding Corp., a Nevada "
            "corporation (\u201cSTW\u201d).\nWHEREAS, COFS owns groundwater rights.\n")
    assert sorted(n for n, _ in _principal(text)) == ["City of Fort Stockton, Texas", "STW Resources Holding Corp."]


def test_a_referred_to_as_alias_in_lower_case_agreement_gives_the_role():
    text = ('Sponsorship Agreement THIS AGREEMENT made this 5th day of December, 2007, between R. C. Boyd '
            'Enterprises, LLC, a Texas limited liability company, referred to in this Agreement as "Company" or '
            '"Boyd", and Cano Petroleum, Inc., a Delaware corporation, referred to in this agreement as "Sponsor" '
            'or "Cano".\nWHEREAS, the Company owns the show.\n')
    assert _principal(text) == [("R. C. Boyd Enterprises, LLC", "Company"), ("Cano Petroleum, Inc.", "Sponsor")]


def test_a_brand_short_name_used_in_compounds_is_not_a_role_but_a_common_noun_is():
    text = ('AGREEMENT by and between Revolution Medicines, Inc. ("RevMed"), and Aventis, Inc. ("Sanofi").\n'
            "RECITALS\nWHEREAS the Sanofi Indemnitees and the Sanofi Territory and the RevMed Patents and the RevMed "
            "Know-How are defined below.\n")
    assert _principal(text) == [("Revolution Medicines, Inc.", None), ("Aventis, Inc.", None)]
    text2 = ('AFFILIATION AGREEMENT by and between The TUBE Music Network, Inc. (the "Network"), and Tribune '
             'Broadcasting Company ("Affiliate").\n1. DEFINITIONS\n"Acquired Station" means a station acquired by '
             "the Affiliate Group. The Affiliate Launch Date is set by any affiliate of Affiliate.\n")
    assert _principal(text2)[1] == ("Tribune Broadcasting Company", "Affiliate")


def test_a_parent_mentioned_before_the_next_party_is_not_that_party():
    text = ('This Amendment is entered into by and between NETGEAR, Inc. ("NETGEAR"), a wholly owned subsidiary of Bay '
            'Networks, Inc., and Ingram Micro ("Distributor") acting on behalf of itself.\n1. Territory.\n')
    assert _principal(text) == [("NETGEAR, Inc.", None), ("Ingram Micro", "Distributor")]


def test_a_name_opening_with_the_is_read_and_is_no_person():
    text = ('This Master Services Agreement is by and between Kubient Inc., with offices in New York ("Kubient") and '
            'The Associated Press, a New York not-for-profit corporation with principal place of business in New York '
            '(the "Customer").\nWHEREAS, Customer wishes to increase revenue.\n')
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [("Kubient Inc.", None), ("The Associated Press", "Customer")]
    assert parties[1].kind != "person"


def test_a_former_name_is_no_party_and_a_quoted_called_as_alias_is_read_whole():
    text = ('OPERATION AGREEMENT is made by and between MAGELLAN TERMINALS HOLDINGS, L.P. (f/k/a Marrero Terminal, '
            'LLC), a Delaware limited partnership ("Owner"), and OMEGA REFINING, LLC, a Delaware limited liability '
            'company ("Operator").\nWHEREAS the Owner owns a terminal.\n')
    assert _principal(text) == [("MAGELLAN TERMINALS HOLDINGS, L.P.", "Owner"), ("OMEGA REFINING, LLC", "Operator")]
    text2 = ('FRANCHISE AGREEMENT made and entered into this day (hereinafter referred to as "Effective Date") by and '
             "between Pretzel Time, Inc., a Pennsylvania corporation (hereinafter referred to as Pretzel Time) and "
             "Beta LLC (\"Franchisee\").\nNOW THEREFORE the parties agree.\n")
    assert _principal(text2)[0] == ("Pretzel Time, Inc.", None)
