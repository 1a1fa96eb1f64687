"""Parties, defined terms and obligations found by enrich/ on small contracts built in code."""

from __future__ import annotations

import leverage_lens
from leverage_lens.enrich import enrich, find_definitions, find_parties, sentence_spans

PREAMBLE = (
    'This Software License Agreement (this "Agreement") is made by and between Acme Corporation, a Delaware '
    'corporation ("Acme" or the "Licensor"), and Beta Systems LLC, a Texas limited liability company '
    '(the "Customer").\n\n'
)
BODY = (
    '1. Definitions. "Software" means the programs listed in Exhibit A. Confidential Information means any '
    "information marked confidential.\n\n"
    "2. License. Licensor shall deliver the Software to Customer within 10 days, provided that Customer has "
    "paid the Fees. Customer shall not reverse engineer the Software. Customer may terminate this Agreement "
    "at any time. Neither party shall disclose Confidential Information, except as required by law.\n\n"
    "ACME CORPORATION\nBy: ______\n\nBETA SYSTEMS LLC\nBy: ______\n"
)
TEXT = PREAMBLE + BODY


def test_parties_come_with_names_aliases_roles_and_spans():
    parties = find_parties(TEXT)
    assert [p.name for p in parties] == ["Acme Corporation", "Beta Systems LLC"]
    assert parties[0].aliases[:2] == ["Acme", "Licensor"] and parties[0].role == "Licensor"
    assert parties[1].aliases[0] == "Customer" and parties[1].role == "Customer"
    for p in parties:
        name_span = next(s for s in p.spans if s.label == "name")
        assert TEXT[name_span.start : name_span.end] == p.name


def test_signature_block_names_merge_into_the_preamble_party():
    parties = find_parties(TEXT)
    assert len(parties) == 2
    assert any(s.label == "signature" for s in parties[0].spans)


def test_definitions_in_three_styles_with_uses():
    defs = {d.term: d for d in find_definitions(TEXT)}
    assert defs["Software"].style == "quoted"
    assert defs["Confidential Information"].style == "means"
    assert defs["Customer"].style == "parenthetical"
    assert TEXT[defs["Software"].term_span.start : defs["Software"].term_span.end] == "Software"
    assert len(defs["Software"].uses) == 3  # the title, "deliver the Software", "reverse engineer the Software"
    assert all(TEXT[u.start : u.end] == "Software" for u in defs["Software"].uses)


def test_obligations_resolve_actor_modality_beneficiary_and_conditions():
    doc = leverage_lens.parse_text(TEXT)
    e = enrich(doc)
    ids = {p.role: p.id for p in e.parties}
    by_text = {(TEXT[o.trigger.start : o.trigger.end], o.actor): o for o in e.obligations if o.trigger}
    deliver = by_text[("shall", ids["Licensor"])]
    assert deliver.modality == "obligation" and deliver.beneficiary == ids["Customer"]
    assert [c.label for c in deliver.conditions] == ["proviso"]
    assert by_text[("shall not", ids["Customer"])].modality == "prohibition"
    assert by_text[("may", ids["Customer"])].modality == "right"
    neither = by_text[("shall", "neither")]
    assert neither.modality == "prohibition"
    assert [c.label for c in neither.conditions] == ["exception"]


def test_sentence_spans_skip_abbreviations_and_cover_the_text():
    text = "Acme Inc. shall pay. See Section 2.1 for details! Done"
    spans = sentence_spans(text)
    assert [text[a:b] for a, b in spans] == ["Acme Inc. shall pay.", "See Section 2.1 for details!", "Done"]
