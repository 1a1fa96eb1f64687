"""Party lists as the fifth round's fourth fresh batch (dev batch 11) lays them out: a description without its
article ("Apollo Endosurgery, Delaware corporation"), a slash inside a fund's name, an agent noun defined for
a side ("Programmer"), "The parties to this Agreement are" after a table of contents, an "FSB" bank, marks
"owned by" a company and listed "including" a brand, a fund a trust acts "on behalf of", and an exhibit's
signature headings over blanks that name no further party."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_a_description_without_its_article_still_ends_a_suffixless_name():
    text = ("MANUFACTURING AND SUPPLY AGREEMENT\nThis Agreement is entered into by and between (1) Apollo Endosurgery, "
            "Delaware corporation having offices at 1120 S Capital of Texas Highway, Austin, TX 78746 (\u201cAPOLLO\u201d), "
            "and (2) Establishment Labs, S.A a corporation organized under the laws of Costa Rica (\u201cESTABLISHMENT\u201d).\n"
            "RECITALS\nA. APOLLO makes devices.\n")
    assert [n for n, _ in _principal(text)][0] == "Apollo Endosurgery"


def test_a_slash_inside_a_fund_name_and_an_agent_noun_as_role():
    text = ("SERVICE AGREEMENT\nTHIS SERVICE AGREEMENT (this \u201cAgreement\u201d) between Blackstone / GSO Long-Short "
            "Credit Income Fund, a Delaware statutory trust (\u201cClient\u201d) and WBLS-WLIB LLC, an Indiana limited "
            "liability company (\u201cProgrammer\u201d), is dated as of January 26, 2011.\n1. Appointment.\n")
    assert _principal(text) == [("Blackstone / GSO Long-Short Credit Income Fund", "Client"),
                                ("WBLS-WLIB LLC", "Programmer")]


def test_the_parties_to_this_agreement_are_after_a_table_of_contents():
    toc = "".join(f"{i}. SECTION HEADING NUMBER {i} {i}\n" for i in range(1, 120))
    text = ("THE JOINT CORP.\nTABLE OF CONTENTS\n" + toc + "THE JOINT CORP.\nThis Franchise Agreement is being entered "
            "into effective as of the _____ day of ______, 20__. The parties to this Agreement are The Joint Corp., a "
            "Delaware corporation (\u201cwe,\u201d \u201cus,\u201d the \u201cCompany,\u201d or \u201cThe Joint Corp.\u201d);\n"
            "______________________, as Franchise Owner (\u201cyou,\u201d \u201cFranchise Owner,\u201d or "
            "\u201cFranchisee\u201d).\n1. INTRODUCTION.\n")
    principal = _principal(text)
    assert (principal[0][0].lower(), principal[0][1]) == ("the joint corp.", "Company")
    assert principal[1][1] == "Franchise Owner"


def test_a_federal_savings_bank_keeps_fsb():
    text = ("COMPLETION AGREEMENT\nThis Agreement is made between PrimeEnergy Corporation (\"Prime\"), GUARANTY BANK, FSB "
            "(\"Guaranty\") and Prime Offshore L.L.C. (\"Offshore\").\n1. Completion.\n")
    assert [n for n, _ in _principal(text)] == ["PrimeEnergy Corporation", "GUARANTY BANK, FSB", "Prime Offshore L.L.C."]


def test_the_owner_of_marks_and_a_brand_listed_as_including_are_no_parties():
    text = ("SUPPLIER/SUBCONTRACTOR CONTRACT\n1. By execution of this Contract, _______________ (\u201cSupplier\u201d) agrees "
            "that: (i) all images and/or trademarks, including, but not limited to PLAYBOY, (the \u201cPlayboy "
            "Properties\u201d) applied at the request of _______________ (\u201cPurchaser\u201d) are owned by Playboy "
            "Enterprises International, Inc. (\u201cPlayboy\u201d).\n2. Supplier agrees.\n")
    assert _principal(text) == [("Supplier", "Supplier"), ("Purchaser", "Purchaser")]


def test_a_fund_a_trust_acts_on_behalf_of_is_no_party():
    text = ("NET INVESTMENT INCOME MAINTENANCE AGREEMENT\nAGREEMENT, effective as of May 1, 2012, by and between Advantus "
            "Capital Management, Inc. (the \u201cInvestment Adviser\u201d), Securian Financial Services, Inc. (the "
            "\u201cUnderwriter\u201d) and Securian Funds Trust (the \u201cTrust\u201d), a Delaware statutory trust, on behalf "
            "of the Trust\u2019s Advantus Money Market Fund (the \u201cFund\u201d).\nWHEREAS, the parties agree.\n")
    assert [n for n, _ in _principal(text)] == ["Advantus Capital Management, Inc.", "Securian Financial Services, Inc.",
                                                "Securian Funds Trust"]


def test_a_confirmation_letter_s_to_and_from_lines_name_its_two_parties():
    text = ("EXHIBIT 10.3\nYield Maintenance Agreement\nDate: 27 April 2006\nTo: Wells Fargo Bank, N.A., not "
            "individually, but solely as\nMaster Servicer on behalf of Wells Fargo Mortgage Backed\nSecurities 2006-6 "
            "Trust (\"Counterparty\")\nFrom: UBS AG, London Branch (\"UBS AG\")\nSubject: Interest Rate Cap\nDear Sirs\n"
            "The definitions as published by the International Swaps and Derivatives Association, Inc., are "
            "incorporated.\nPayments to Counterparty:\nWells Fargo Bank, NA\nAcct Name: SAS Clearing\n")
    parties = [p for p in find_parties(text) if p.principal]
    names = [p.name for p in parties]
    assert "Wells Fargo Bank, N.A." in names and "UBS AG" in names
    assert all(s.name != "SAS Clearing" for p in parties for s in p.signatories)
