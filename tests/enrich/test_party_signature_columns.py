"""Signers read from the signature pages filed contracts have: two blocks set side by side in columns,
column heads over a wrapped description, a party's short name or role over its block ("Customer
Signature:"), and a block that ends where the next party's begins, so a signer is never given to the
wrong party."""

from __future__ import annotations

from leverage_lens.enrich import find_parties

_PREAMBLE = ('COLLABORATION AGREEMENT is made by and between FibroGen, Inc., a Delaware corporation ("FibroGen"), and '
             'Astellas Pharma Inc., a Japanese corporation ("Astellas").\nWHEREAS the parties agree.\n1. Terms.\n')


def _signers(text: str) -> dict[str, list[tuple[str | None, str | None]]]:
    return {p.name: [(s.name, s.title) for s in p.signatories] for p in find_parties(text) if p.principal}


def test_two_blocks_side_by_side_give_each_column_its_own_signer():
    text = _PREAMBLE + ("IN WITNESS WHEREOF, the parties have executed this Agreement.\n"
                        "ASTELLAS PHARMA INC. FIBROGEN, INC.\n"
                        "By: /s/ Toichi Takenaka By: /s/ Thomas B. Neff\n"
                        "Name: Toichi Takenaka Name: Thomas B. Neff\n"
                        "Title: President Title: Chief Executive Officer\n")
    signers = _signers(text)
    assert signers["FibroGen, Inc."] == [("Thomas B. Neff", "Chief Executive Officer")]
    assert signers["Astellas Pharma Inc."] == [("Toichi Takenaka", "President")]


def test_column_heads_over_a_wrapped_description_are_matched_to_the_parties_named_there():
    text = ('MAINTENANCE AGREEMENT between Netzee, Inc., a Delaware corporation ("Netzee"), and The Bankers Bank, a '
            'Georgia banking corporation ("TBB").\nWHEREAS the parties agree.\n1. Terms.\n'
            "IN WITNESS WHEREOF, the parties have made this Agreement.\n"
            "NETZEE, INC.                                THE BANKERS BANK, a Georgia\n"
            "banking corporation\n"
            "By:      /s/ Richard S. Eiswirth            By:       /s/ Kevin Tweddle\n"
            "------------------------                     --------------------------\n"
            "Name:      Richard S. Eiswirth              Name:       Kevin Tweddle\n"
            "Title:       SEVP & CFO                     Title:         SVP & CFO\n")
    signers = _signers(text)
    assert signers["Netzee, Inc."] == [("Richard S. Eiswirth", "SEVP & CFO")]
    assert signers["The Bankers Bank"] == [("Kevin Tweddle", "SVP & CFO")]


def test_a_short_name_or_role_over_a_block_names_the_party_signing_there():
    text = ('EXHIBIT B is entered into by and between Kubient, Inc. ("Kubient"), and The Associated Press '
            '("Customer").\nNATURE OF ENGAGEMENT: Customer has retained Kubient.\n'
            "IN WITNESS WHEREOF, the parties have executed this Exhibit.\n"
            "Kubient Signature:\nBy: /s/ Paul Roberts\nIts: President\nDate: 3/27/2020\n"
            "Customer Signature:\nBy: /s/ Ted Mendelsohn\nIts: VP, Commercial Mkts\nDate: 3/27/2020\n")
    signers = _signers(text)
    assert signers["Kubient, Inc."] == [("Paul Roberts", "President")]
    assert signers["The Associated Press"] == [("Ted Mendelsohn", "VP, Commercial Mkts")]


def test_a_block_ends_at_the_next_entity_line_so_its_signer_is_not_given_to_the_party_above():
    text = ('APPLICATION DEVELOPMENT AGREEMENT by and between InfinixSoft Global LLC, a Florida Limited Liability '
            'Company (the "Developer") and Clickstream Corporation (the "Client").\nRECITALS\nWHEREAS the Client '
            "wishes to engage the Developer.\n"
            "IN WITNESS WHEREOF, the Parties have executed this Agreement\n"
            "Clickstream Corp.\nBy: Frank Magliochetti,\nCLIENT CEO\nName:\nTitle: CEO\n"
            "InfinixSoft Global LLC\nDEVELOPER\nBy:\nName: Ivan Alejandro Saroka\nTitle: CEO - Founding Partner\n")
    signers = _signers(text)
    assert signers["Clickstream Corporation"] == [("Frank Magliochetti", "CEO")]
    assert signers["InfinixSoft Global LLC"] == [("Ivan Alejandro Saroka", "CEO - Founding Partner")]


def test_initials_written_with_full_stops_are_the_same_name_so_the_signer_joins_the_party():
    text = ('CO-BRANDING AGREEMENT made by and between PC QUOTE, INC. (hereinafter referred to as "PCQ") and '
            'AB Watley, Inc. (hereinafter referred to as "ABW").\nDefinitions:\n'
            "IN WITNESS WHEREOF, the parties hereto hereby execute this Agreement.\n"
            "A.B. WATLEY, INC.\nBy: /s/ Steven Malin\nName: Steven Malin\nTitle: Director\n")
    parties = find_parties(text)
    assert [p.name for p in parties if p.principal] == ["PC QUOTE, INC.", "AB Watley, Inc."]
    assert [(s.name, s.title) for s in parties[1].signatories] == [("Steven Malin", "Director")]
    assert len(parties) == 2
