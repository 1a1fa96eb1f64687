"""Party lists as the fifth round's second fresh batch (dev batch 9) lays them out: an address that holds a
legal-looking word ("... Ballsbridge 4 Co. Dublin"), "c/o" an agent, an administrator acting for a principal,
the fields of a party's details ("Deposit Bank: ..."), a company form spelt "S.A.S.", a name with a word that
opens in lower case ("Shenzhen iDreamSky Technology Co., Ltd."), a web name without a legal suffix, a trade
name's word that is no role, and "Promoter" as a role."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_an_entity_inside_a_registered_office_address_is_no_party():
    text = ("JOINT CONTENT LICENSE AGREEMENT\nThis Agreement is made by and between WPT Enterprises, Inc., a Delaware "
            "corporation (\u201cWPT\u201d), and ZYNGA GAME IRELAND LIMITED, a limited company organized under the laws "
            "of Ireland, having its registered office located at The Oval, Building One, Third Floor 160 Shelbourne "
            "Road Ballsbridge 4 Co. Dublin Ireland (\u201cZynga Ireland,\u201d and together with its Affiliates, "
            "\u201cZynga\u201d).\n1. License.\n")
    assert [n for n, _ in _principal(text)] == ["WPT Enterprises, Inc.", "ZYNGA GAME IRELAND LIMITED"]


def test_care_of_an_agent_is_an_address_not_a_party():
    text = ("ENDORSEMENT AGREEMENT\nTHIS AGREEMENT, made as of January 1, 2000, by and between MOSSIMO, INC., 2450 White "
            "Road, Irvine, California 92614 (\"Company\"), and DAVID DUVAL ENTERPRISES, INC. c/o\nInternational "
            "Management, Inc., IMG Center, Cleveland, Ohio 44114 (\"Licensor\"):\nWITNESSETH:\n")
    assert _principal(text) == [("MOSSIMO, INC.", "Company"), ("DAVID DUVAL ENTERPRISES, INC.", "Licensor")]


def test_the_principal_an_administrator_acts_for_is_only_named():
    text = ("AMENDMENT NO. 2\nReference is made to the Wireless Content License Agreement (\u201cAgreement\u201d), between "
            "Fox Mobile Entertainment, Inc. (\u201cFox\u201d), as Administrator for Twentieth Century Fox Film "
            "Corporation (\u201cTrademark Licensor\u201d) and Glu Mobile, Inc. (\u201cLicensee\u201d).\n"
            "The parties agree to modify the Agreement as follows:\n")
    assert [n for n, _ in _principal(text)] == ["Fox Mobile Entertainment, Inc.", "Glu Mobile, Inc."]


def test_a_party_s_bank_details_name_no_party_and_a_lower_case_word_stays_in_a_name():
    text = ("Cooperation Agreement on Mobile Game Business\nBetween\nDazzle Interactive Network Technologies Co., Ltd.\n"
            "And\nShenzhen iDreamSky Technology Co., Ltd.\nParty A: Dazzle Interactive Network Technologies Co., Ltd.\n"
            "Address: Nanjing\nDeposit Bank: China Merchants Bank, Chengbei Sub-branch, Nanjing\n"
            "Party B: Shenzhen iDreamSky Technology Co., Ltd.\nAddress: Shenzhen\n"
            "Deposit Bank: China Merchants Bank Co., Ltd., CMB Shenzhen Sungang Sub-branch\n"
            "In order to provide Party A's users with better services, the Parties have agreed as follows:\n")
    assert _principal(text) == [("Dazzle Interactive Network Technologies Co., Ltd.", "Party A"),
                                ("Shenzhen iDreamSky Technology Co., Ltd.", "Party B")]


def test_a_french_sas_keeps_its_whole_form_and_promoter_is_a_role():
    text = ("DEVELOPMENT AGREEMENT\nThis Development Agreement is entered into on April 15, 2010 by and between Fruit of "
            "Life Productions LLC, (\"Promoter\") and Bioamber S.A.S., having a place of business at Route de "
            "Bazancourt, Pomacle France (\u201cBioamber\u201d).\n1. Scope.\n")
    assert _principal(text) == [("Fruit of Life Productions LLC", "Promoter"), ("Bioamber S.A.S.", None)]


def test_a_web_name_without_legal_suffix_is_the_party():
    text = ("PROMOTION AGREEMENT\nThis Promotion Agreement is entered into effective September 10, 2015 between "
            "BookingEntertainment.com (\u201cPromoter\u201d) of 275 Madison Avenue, New York and VNUE, Inc., "
            "(\u201cVNUE\u201d), a Nevada corporation.\nWHEREAS, Promoter has experience.\n")
    assert _principal(text) == [("BookingEntertainment.com", "Promoter"), ("VNUE, Inc.", None)]


def test_a_word_of_a_trade_name_is_no_role_even_when_used_as_a_common_noun():
    text = ("SPONSORSHIP AGREEMENT\nThis Sponsorship Agreement is entered into effective January 1, 2010 by and between "
            "Stallings Capital Group Consultants, Ltd., a Texas limited partnership dba Bob Stallings Racing "
            "(\u201cRacing\u201d), and GAINSCO, INC., a Texas corporation (the \u201cSponsor\u201d).\nRacing operated "
            "a racing team in auto racing (the \u201cRacing Team\u201d). The Racing Team races; the Racing Team wins.\n")
    assert _principal(text) == [("Stallings Capital Group Consultants, Ltd.", None), ("GAINSCO, INC.", "Sponsor")]


def test_a_law_defined_by_an_acronym_is_no_party():
    text = ("Board Consent\nThe undersigned, constituting all of the members of the Board of Directors of Acme, Inc., a "
            "Delaware corporation (the \"Company\"), pursuant to Section 141(f) of the Delaware General Corporation Law "
            "(the \"DGCL\"), hereby adopt the following resolutions.\n")
    assert "DGCL" not in [n for n, _ in _principal(text)]


def _signers(text: str) -> dict[str, list[str | None]]:
    return {p.name: [s.name for s in p.signatories] for p in find_parties(text) if p.principal}


def test_signature_columns_set_apart_by_wide_gaps_sign_column_by_column():
    text = ("ENDORSEMENT AGREEMENT\nTHIS AGREEMENT is made by and between MOSSIMO, INC. (\"Company\"), and DAVID DUVAL "
            "ENTERPRISES, INC. (\"Licensor\").\n1. Term.\nIN WITNESS WHEREOF, the parties have executed this Agreement.\n"
            "MOSSIMO, INC.                                  DAVID DUVAL ENTERPRISES, INC.\n"
            "By:      /s/ Edwin Lewis                       By:  /s/ David Duval\n"
            "Name: Edwin Lewis                              Name: David Duval\n")
    assert _signers(text) == {"MOSSIMO, INC.": ["Edwin Lewis"], "DAVID DUVAL ENTERPRISES, INC.": ["David Duval"]}


def test_a_signature_line_opened_by_the_party_s_role_names_its_block():
    text = ("SPONSORSHIP AGREEMENT\nThis agreement is made between Fruit of Life Productions LLC, (\"Promoter\") and Eco "
            "Science Solutions, Inc.,(\"Sponsor\").\nTerms.\nAll parties have executed this Agreement.\n"
            "Sponsor: Eco Science Solutions, Inc.\nBy: /s/Jeffery Taylor\nName: Jeffery Taylor\nTitle: CEO\n"
            "Promoter: Fruit of Life Productions LLC:\nBy:/s/Stella McLaughlan\nName: Stella McLaughlan\n"
            "Title: Event Coordinator\n")
    assert _signers(text) == {"Fruit of Life Productions LLC": ["Stella McLaughlan"],
                              "Eco Science Solutions, Inc.": ["Jeffery Taylor"]}


def test_a_name_wrapped_over_two_signature_lines_is_one_signer_s_entity():
    text = ("SERVICES AGREEMENT\nThis SERVICES AGREEMENT is entered into among TransMontaigne Management Company, LLC, a "
            "Delaware limited liability company (\u201cEmployeeCo\u201d) and TLP Management Services, LLC, a Delaware "
            "limited liability company (the \u201cOperating Company\u201d).\n1.1 Services.\n"
            "IN WITNESS WHEREOF, the Parties have executed this Agreement.\nTRANSMONTAIGNE MANAGEMENT\nCOMPANY, LLC\n"
            "By: /s/ Daniel R. Revers\nName: Daniel R. Revers\nTitle: President\nTLP MANAGEMENT SERVICES, LLC\n"
            "By: /s/ Michael A. Hammell\nName: Michael A. Hammell\nTitle: EVP, General Counsel\n")
    assert _signers(text) == {"TransMontaigne Management Company, LLC": ["Daniel R. Revers"],
                              "TLP Management Services, LLC": ["Michael A. Hammell"]}


def test_entities_listed_after_the_following_parties_take_the_role_the_list_gives():
    text = ("CONSORTIUM AGREEMENT\nThis Agreement is made among the following parties (each a \"Member\"):\n"
            "1. Alpha Holdings, Inc., a Delaware corporation;\n2. Beta Ventures LLC, a Nevada limited liability company;\n"
            "3. Gamma Corp., a Texas corporation.\nWHEREAS the Members wish to cooperate.\n")
    assert _principal(text) == [("Alpha Holdings, Inc.", "Member"), ("Beta Ventures LLC", "Member"),
                                ("Gamma Corp.", "Member")]
