"""The preamble read as a careful junior lawyer reads it: the introductory clause and no further, wrapped
PDF lines joined, every party of "by and between A, B and C", alias groups several parties share, and the
defined terms around them (the document itself, products, procedures) never taken for parties."""

from __future__ import annotations

from leverage_lens.enrich import find_parties, party_warnings
from leverage_lens.enrich.party_window import join_wrapped, windows


def _principal(text: str) -> list[tuple[str, str | None]]:
    return [(p.name, p.role) for p in find_parties(text) if p.principal]


def test_the_preamble_ends_at_the_first_numbered_clause_so_a_product_defined_there_is_no_party():
    text = ('CONTENT LICENSE AGREEMENT\nbetween\nRogers Cable Communications Inc. ("Rogers") and\n'
            'EuroMedia Holdings Corp. ("Licensor")\nmade as of July 11, 2006 (the "Effective Date")\n'
            '1. RIGHTS GRANTED\nLicensor grants to Rogers the right to exhibit programs on a Video-on-Demand ("VOD") '
            'basis.\n')
    assert _principal(text) == [("Rogers Cable Communications Inc.", None), ("EuroMedia Holdings Corp.", "Licensor")]
    (start, end, label), *_ = windows(text)[0]
    assert label == "preamble" and end == text.index("1. RIGHTS")


def test_a_name_wrapped_over_a_pdf_line_break_is_read_whole_and_offsets_stay_exact():
    text = ('THIS TRADEMARK LICENSE AGREEMENT is made by and between ARCONIC INC., a corporation organized under '
            'the laws\nof the State of Delaware, United States of America ("Licensee") and ARCONIC ROLLED PRODUCTS\nCORP., a corporation organized under '
            'the laws of Delaware ("Licensor").\nWHEREAS the parties agree.')
    assert _principal(text) == [("ARCONIC INC.", "Licensee"), ("ARCONIC ROLLED PRODUCTS CORP.", "Licensor")]
    flat = join_wrapped(text, 0, len(text))
    assert len(flat) == len(text) and "PRODUCTS CORP." in flat and "WHEREAS" in flat
    licensor = find_parties(text)[1]
    name = next(s for s in licensor.spans if s.label == "name")
    assert " ".join(text[name.start : name.end].split()) == "ARCONIC ROLLED PRODUCTS CORP."


def test_an_alias_group_two_parties_share_gives_both_the_role_without_a_clash_warning():
    text = ('This Services Agreement is made by and between [ * * * ] (the "Provider"), and TELCOSTAR PTE, LTD., a '
            'company organized under the laws of Singapore and Ability Computer & Software Industries Ltd, a company '
            'organized under the laws of the State of Israel (each and both of them "Recipient").\nRECITALS\n')
    parties = find_parties(text)
    assert [(p.name, p.role) for p in parties] == [
        ("[ * * * ]", "Provider"), ("TELCOSTAR PTE, LTD.", "Recipient"),
        ("Ability Computer & Software Industries Ltd", "Recipient")]
    assert [p.jurisdiction for p in parties[1:]] == ["SG", "IL"]
    assert not any("claimed by" in w.message for w in party_warnings(parties))


def test_the_document_naming_itself_in_a_title_is_no_party_and_the_title_line_is_cut_from_a_name():
    text = ('AMENDMENT NO. 2 TO STREMICK\'S HERITAGE FOODS, LLC and PREMIER NUTRITION CORPORATION MANUFACTURING '
            'AGREEMENT\nThis Second Amendment ("Second Amendment"), entered into by and between Stremick\'s Heritage '
            'Foods, LLC, ("Heritage"), Premier Nutrition Corporation ("Premier") is effective as of October 1, 2018.\n'
            'WHEREAS, Premier and Heritage entered into the Agreement;\n')
    assert _principal(text) == [("Stremick's Heritage Foods, LLC", None), ("Premier Nutrition Corporation", None)]


def test_related_companies_with_a_distinguishing_word_or_another_legal_form_stay_apart():
    text = ('This Agreement is entered into by and between:\n(1) Nanjing Tuniu Technology Co., Ltd., with its '
            'registered address at 6 Changjianghou Street, Nanjing ("Party A");\n(2) Beijing Tuniu Technology Co., '
            'Ltd., with its registered address at 1 Shangdishi Street, Beijing ("Party B").\nWHEREAS the parties '
            'cooperate.\n\nIN WITNESS WHEREOF the parties sign.\nHARVEST SMALL CAP PARTNERS, L.P.\nBy: /s/ Jo Osh\n'
            'HARVEST SMALL CAP PARTNERS GP, LLC\nBy: /s/ Jo Osh\nDELTA BETA ADVISORS, LP\nBy: /s/ Jo Osh\n'
            'DELTA BETA ADVISORS, LLC\nBy: /s/ Jo Osh\n')
    names = [p.name for p in find_parties(text)]
    assert names[:2] == ["Nanjing Tuniu Technology Co., Ltd.", "Beijing Tuniu Technology Co., Ltd."]
    assert [p.role for p in find_parties(text)[:2]] == ["Party A", "Party B"]
    assert {"HARVEST SMALL CAP PARTNERS, L.P.", "HARVEST SMALL CAP PARTNERS GP, LLC", "DELTA BETA ADVISORS, LP",
            "DELTA BETA ADVISORS, LLC"} <= set(names)


def test_an_exhibit_header_naming_the_filer_is_no_side_when_the_preamble_names_two():
    text = ('PHOENIX NEW MEDIA LTD\nCOOPERATION AGREEMENT\nThis Agreement is made between Acme Holdings, Inc. '
            '("Licensor") and Beta Media LLC ("Licensee").\nWHEREAS the parties agree.\n')
    parties = find_parties(text)
    assert [p.name for p in parties if p.principal] == ["Acme Holdings, Inc.", "Beta Media LLC"]
    assert any(p.name == "PHOENIX NEW MEDIA LTD" and not p.principal for p in parties)


def test_a_suffix_inside_a_word_is_no_name_and_an_unquoted_acronym_is_an_alias():
    text = ('THIS AGREEMENT is made by and between IMedicor, Inc, a Nevada Corporation ("IMedicor") and USA Managed '
            'Care Organization (USA MCO) A Texas Corporation whose address is Austin Texas.\nWITNESSETH:\n')
    parties = [p for p in find_parties(text) if p.principal]
    assert [(p.name, p.aliases[:1]) for p in parties] == [("IMedicor, Inc", ["IMedicor"]),
                                                          ("USA Managed Care Organization", ["USA MCO"])]


def test_a_lower_case_word_opening_a_listed_name_stays_in_it():
    text = ('This Agreement is made by and between:\nKALLO Inc.\nWith principal offices at 15 Allstate Parkway, '
            'Markham, Canada ("KALLO")\nAND\nPetro data Management Services Limited.,\nWith principal offices at '
            '1 Motorways Avenue, Lagos, Nigeria ("PDMS")\nWhereas, Kallo is the developer.\n')
    assert [n for n, _ in _principal(text)] == ["KALLO Inc.", "Petro data Management Services Limited."]


def test_a_defined_term_after_the_sentence_naming_the_parties_is_not_one():
    text = ('This Master Service Agreement is entered into by and between Paxmedica, Inc. ("Client") and Acme '
            'Research LLC ("CRO"). CRO agrees to perform the Services according to its Standard Operating '
            'Procedures (SOPs) and the Client\'s Quality Plan ("Plan").\n1. Services.\n')
    assert _principal(text) == [("Paxmedica, Inc.", "Client"), ("Acme Research LLC", None)]


def test_numbered_parties_name_persons_and_unquoted_role_aliases():
    text = ('THIS AGREEMENT is made on 1 October 2019\nBETWEEN:\n(1) WPP 2005 LIMITED (registered number '
            '01003653) whose registered office is at 19 Upper Ground, London (the Company)\n(2) JOHN ROGERS '
            '(the Executive).\nIT IS AGREED as follows:\n1. INTERPRETATION\n')
    assert _principal(text) == [("WPP 2005 LIMITED", "Company"), ("JOHN ROGERS", "Executive")]


def test_doing_business_as_names_are_aliases():
    text = ('This Co-Hosting Agreement is entered into between Networks Associates, Inc., doing business as '
            'Network Associates, a Delaware corporation ("NAI"), and Software.net Corporation, a.k.a. Beyond.com '
            '("Beyond").\nRECITALS\n')
    parties = find_parties(text)
    assert "Network Associates" in parties[0].aliases and "Beyond.com" in parties[1].aliases


def test_a_line_by_line_party_list_a_numbered_company_and_less_common_suffixes():
    text = ('OUTSOURCING AGREEMENT\nBETWEEN:\nMODUS MEDIA INTERNATIONAL\nLANDDROSTLAAN 51\n7327 GM APELDOORN\n'
            'THE NETHERLANDS\n(HEREINAFTER "MMI")\nAND\nDRAGON SYSTEMS, INC.\n320 NEVADA STREET\n'
            '(HEREAFTER "DRAGON SYSTEMS")\nEFFECTIVE AS OF (EFFECTIVE DATE)\n1. PURPOSE OF AGREEMENT\n')
    assert [n for n, _ in _principal(text)] == ["MODUS MEDIA INTERNATIONAL", "DRAGON SYSTEMS, INC."]
    text = ('This agreement is between drkoop.com, inc., a Delaware corporation ("drkoop.com"), 2205925 Ontario '
            'Limited, with its place of business at 1 Main Street West (the "Reseller"), and MOLIPHARMA S.R.L. an '
            'Italian Company ("Molipharma").\nWHEREAS the parties agree.\n')
    assert [n for n, _ in _principal(text)] == ["drkoop.com, inc.", "2205925 Ontario Limited", "MOLIPHARMA S.R.L."]


def test_a_french_economic_interest_grouping_is_a_party() -> None:
    text = ('This amendment is entered into on January 6th, 2016.\n\nBETWEEN:\n\nAZUL LINHAS AEREAS BRASILEIRAS S/A, a '
            'company incorporated under the laws of Brazil.\n\nHereafter referred to as the "Company",\n\nAND:\n\nAVIONS '
            'DE TRANSPORT REGIONAL, G.I.E., a French groupement d\'interet economique.\n\nHereafter referred to as '
            '"ATR".\n\n1. The parties agree as follows.')
    assert [n for n, _ in _principal(text)] == ["AZUL LINHAS AEREAS BRASILEIRAS S/A", "AVIONS DE TRANSPORT REGIONAL, G.I.E."]
