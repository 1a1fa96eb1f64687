"""Signature pages read wherever they are (exhibits may follow them), names wrapped over two lines or two
to a line, persons signing in their own name, and the parties a preamble leaves to the signature page:
"each of the persons set forth on the signature page (each, an "Investor")" and "The undersigned ..."."""

from __future__ import annotations

from leverage_lens.enrich import find_parties


def test_the_persons_on_the_signature_page_are_the_investors_and_exhibits_after_it_are_not_read():
    text = ('COOPERATION AGREEMENT\nThis AGREEMENT is made and entered into by The Meet Group, Inc., a Delaware '
            'corporation (the "Company"), and each of the persons set forth on the signature page hereto (each, an '
            '"Investor" and collectively, the "Investors").\nWHEREAS the Investors own shares.\n'
            + "1. Board. The Company shall appoint a director. " * 30
            + '\nIN WITNESS WHEREOF the parties have executed this Agreement.\nTHE MEET GROUP, INC.\n'
            'By: /s/ Frederic Beckley\nName: Frederic Beckley\nTitle: General Counsel\nHARVEST SMALL CAP PARTNERS '
            'MASTER, LTD.\nBy: Harvest Capital Strategies LLC\nInvestment Manager\nBy: /s/ Jeffrey B. Osher\n'
            'Name: Jeffrey B. Osher\nTitle: Managing Director\nHARVEST SMALL CAP PARTNERS, L.P.\n'
            'By: /s/ Jeffrey B. Osher\nName: Jeffrey B. Osher\nTitle: Managing Director\n/s/ Jeffrey B. Osher\n'
            'JEFFREY B. OSHER\nEXHIBIT C\nFORM OF PRESS RELEASE\n' + "The Meet Group announced a deal. " * 400)
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.role) for p in parties] == [
        ("The Meet Group, Inc.", "Company"), ("HARVEST SMALL CAP PARTNERS MASTER, LTD.", "Investor"),
        ("HARVEST SMALL CAP PARTNERS, L.P.", "Investor"), ("JEFFREY B. OSHER", "Investor")]
    assert parties[-1].kind == "person"
    assert [(s.name, s.title) for s in parties[0].signatories] == [("Frederic Beckley", "General Counsel")]


def test_the_undersigned_of_a_joint_filing_agreement_are_its_parties_not_the_issuer_it_mentions():
    text = ('JOINT FILING AGREEMENT\nThe undersigned hereby agree that the statement on Schedule 13G with respect to '
            'the equity securities of Q Biomed, Inc. is filed on behalf of each of the undersigned.\n'
            'Dated: 4/8/2020\nYA II PN, Ltd.\nBy:/s/ Troy J. Rillo\nChief Compliance Officer\n'
            'YA Global Investments II (U.S.), Ltd.\nBy:/s/ Troy J. Rillo\nChief Compliance Officer\n'
            'D-Beta One Growth and Opportunity Fund\nOffshore, LP\nBy:D-Beta One GP, LLC\nIts:General Partner\n'
            'By:/s/ Troy J. Rillo\n')
    parties = find_parties(text)
    assert [p.name for p in parties if p.principal] == [
        "YA II PN, Ltd.", "YA Global Investments II (U.S.), Ltd.", "D-Beta One Growth and Opportunity Fund Offshore, LP"]
    assert not any(p.principal for p in parties if p.name in ("Q Biomed, Inc.", "D-Beta One GP, LLC"))


def test_two_entities_on_one_signature_line_and_a_name_wrapped_over_two_lines():
    text = ('AGREEMENT between Premier Nutrition Corporation ("Premier") and Stremick\'s Heritage Foods, LLC '
            '("Heritage") and Palmer Square Capital Management LLC ("Licensor").\nWHEREAS x.\n1. Term.\n'
            'IN WITNESS WHEREOF, the Parties have executed this Agreement.\n'
            'PREMIER NUTRITION CORPORATION STREMICKS HERITAGE FOODS, LLC\nBY: /s/ Darcy Davenport BY: /s/ Sam '
            'Stremick\nLICENSOR:\nPALMER SQUARE CAPITAL\nMANAGEMENT LLC\nBy:\nName: Jeffrey D. Fox\n'
            'Title: Managing Director\n')
    parties = find_parties(text)
    assert len(parties) == 3 and all(p.principal for p in parties)
    assert [sum(s.label == "signature" for s in p.spans) for p in parties] == [1, 1, 1]
    assert [(s.name, s.title) for s in parties[2].signatories] == [("Jeffrey D. Fox", "Managing Director")]
