"""Clause-tree behaviour of the segmenter, on small texts written for each behaviour."""

from __future__ import annotations

import leverage_lens as ll
from leverage_lens import ClauseKind


def outline(text: str) -> list[tuple[int, str | None, str | None, str]]:
    doc = ll.parse_text(text)
    return [(c.level, c.number, c.heading, c.kind.value) for c in doc.clauses]


def numbered(text: str) -> list[tuple[int, str]]:
    doc = ll.parse_text(text)
    return [(c.level, c.number) for c in doc.clauses if c.number]


CONTRACT = """MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is made between Northwind Analytics, Inc. ("Provider") and \
Contoso Retail LLC ("Customer").

WHEREAS, Provider offers analytics services; and

WHEREAS, Customer wishes to buy them.

NOW, THEREFORE, the parties agree as follows:

ARTICLE I
DEFINITIONS

1.1 "Affiliate" means any entity controlling a party.
1.2 "Services" means the services in Exhibit A.

ARTICLE II
SERVICES AND FEES

2.1 Services. Provider shall perform the Services as set out in Section 2.2. Fees are $1.5 million a year, \
payable in U.S. dollars.
2.2 Payment. Customer shall pay within thirty (30) days:
(a) all fees; and
(b) all expenses, including:
(i) travel; and
(ii) lodging.
2.3 Taxes. Each party pays its own taxes.

IN WITNESS WHEREOF, the parties have signed this Agreement.

PROVIDER: ____________  CUSTOMER: ____________

EXHIBIT A
SERVICES

1. Dashboards.
2. Reports.
"""


def test_contract_parts_get_their_kinds_in_order():
    kinds = [k for _, _, _, k in outline(CONTRACT) if k != "section"]
    assert kinds == [
        "title", "preamble", "recital", "recital", "paragraph",
        "definition", "definition", "signature", "exhibit",
    ]


def test_articles_sections_and_lettered_items_nest_by_numbering():
    assert numbered(CONTRACT) == [
        (0, "ARTICLE I"), (1, "1.1"), (1, "1.2"),
        (0, "ARTICLE II"), (1, "2.1"), (1, "2.2"), (2, "(a)"), (2, "(b)"), (3, "(i)"), (3, "(ii)"), (1, "2.3"),
        (0, "EXHIBIT A"), (1, "1."), (1, "2."),
    ]


def test_headings_come_from_capitals_lines_and_run_in_titles():
    doc = ll.parse_text(CONTRACT)
    headings = {c.number: c.heading for c in doc.clauses if c.number}
    assert headings["ARTICLE I"] == "DEFINITIONS"
    assert headings["ARTICLE II"] == "SERVICES AND FEES"
    assert headings["2.1"] == "Services"
    assert headings["2.2"] == "Payment"
    assert headings["(a)"] is None
    assert headings["EXHIBIT A"] == "SERVICES"


def test_numbered_definition_is_a_definition_clause_headed_by_its_term():
    doc = ll.parse_text(CONTRACT)
    defs = [c for c in doc.clauses if c.kind == ClauseKind.DEFINITION]
    assert [(d.number, d.heading) for d in defs] == [("1.1", "Affiliate"), ("1.2", "Services")]
    assert not [w for w in doc.warnings if w.code == "definitions_without_definitions"]


def test_cross_references_decimals_and_abbreviations_never_start_clauses():
    doc = ll.parse_text(CONTRACT)
    section = next(c for c in doc.clauses if c.number == "2.1")
    assert "Section 2.2. Fees are $1.5 million a year, payable in U.S. dollars." in section.text
    assert [c.number for c in doc.clauses if c.parent_id == section.id] == []


def test_clause_text_is_the_document_slice_and_children_nest_inside_parents():
    doc = ll.parse_text(CONTRACT)
    by_id = {c.id: c for c in doc.clauses}
    for c in doc.clauses:
        assert c.text == doc.text[c.start : c.end]
        assert c.text == c.text.strip()
        if c.parent_id:
            parent = by_id[c.parent_id]
            assert parent.start <= c.start and c.end <= parent.end
            assert c.level == parent.level + 1


def test_ids_are_unique_readable_and_stable_across_parses():
    a = ll.parse_text(CONTRACT)
    b = ll.parse_text(CONTRACT)
    ids = [c.id for c in a.clauses]
    assert ids == [c.id for c in b.clauses]
    assert len(set(ids)) == len(ids)
    assert "2.2(b)(ii)" in ids
    assert "Exhibit-A/1" in ids


def test_clauses_run_together_on_one_line_are_split_as_printed():
    text = (
        "1. Services. 1.1 Provision. (a) Provider agrees to provide the Services. Recipient may assign "
        "its rights as set out in Section 1.2 hereof. (b) Recipient shall pay. 1.2 Standard. Provider "
        "warrants the Services. 2. Compensation. 2.1 Fees. The fee is $2.50 per unit."
    )
    assert numbered(text) == [(0, "1."), (1, "1.1"), (2, "(a)"), (2, "(b)"), (1, "1.2"), (0, "2."), (1, "2.1")]


def test_letter_i_after_h_is_a_letter_but_opens_roman_items_after_a_colon():
    text = (
        "1. Duties. The Supplier shall: (a) one; (b) two; (c) three; (d) four; (e) five; (f) six; (g) seven; "
        "(h) eight; (i) nine; and (j) ten. 2. Scope. The Services include: (i) support; (ii) training; and "
        "(iii) hosting."
    )
    doc = ll.parse_text(text)
    clause_i = [c for c in doc.clauses if c.number == "(i)"]
    assert [c.id for c in clause_i] == ["1(i)", "2(i)"]
    assert doc.clause("1(j)").level == 1
    assert [c.number for c in doc.clauses if c.parent_id == doc.clause("2").id] == ["(i)", "(ii)", "(iii)"]


def test_section_numbers_with_zero_padding_and_section_word():
    text = (
        "ARTICLE 1 GENERAL\nSection 1.01 Purpose. The purpose is trade.\nSection 1.02 Term. One year.\n"
        "ARTICLE 2 PAYMENT\nSection 2.01 Fees. Ten dollars.\n"
    )
    assert numbered(text) == [
        (0, "ARTICLE 1"), (1, "Section 1.01"), (1, "Section 1.02"), (0, "ARTICLE 2"), (1, "Section 2.01")
    ]


def test_half_parenthesis_and_capital_letter_items():
    text = "1. Scope:\na) design;\nb) build.\n2. Phases:\nA. Planning.\nB. Delivery.\n"
    assert numbered(text) == [(0, "1."), (1, "a)"), (1, "b)"), (0, "2."), (1, "A."), (1, "B.")]


def test_skipped_number_is_kept_and_reported():
    text = "1. Scope. Work.\n2. Fees. Money.\n4. Term. Time.\n"
    doc = ll.parse_text(text)
    assert [c.number for c in doc.clauses if c.number] == ["1.", "2.", "4."]
    gaps = [w for w in doc.warnings if w.code == "numbering_gap"]
    assert len(gaps) == 1 and gaps[0].clause_ids == ["4"]


def test_missing_intermediate_number_does_not_swallow_the_rest():
    text = (
        "14. TRANSFERS 14.1. Definition. A transfer is a sale. 14.3. Conditions. You must comply. "
        "14.3.1. You must pay. 14.3.2. You must sign. 14.4. Partial Transfers. Notice is required. "
        "15. TERM 15.1. Term. Ten years."
    )
    doc = ll.parse_text(text)
    assert [(c.level, c.number) for c in doc.clauses if c.number] == [
        (0, "14."), (1, "14.1."), (1, "14.3."), (2, "14.3.1."), (2, "14.3.2."), (1, "14.4."),
        (0, "15."), (1, "15.1."),
    ]


def test_sentence_after_an_in_sentence_list_belongs_to_the_list_holder():
    text = (
        "5. Insurance. You must maintain: (1) liability insurance; (2) casualty insurance; and (3) any other "
        "insurance required by law. All policies must name us as an additional insured and may not be "
        "cancelled without thirty days notice to us. 6. Term. Ten years."
    )
    doc = ll.parse_text(text)
    last_item = doc.clause("5(3)")
    assert last_item.text.endswith("required by law.")
    assert "additional insured" in doc.clause("5").text


def test_definitions_run_together_become_definition_children():
    text = (
        '1. Definitions. In this Agreement: "Affiliate" means a controlled entity. "Business Day" means a '
        'weekday. the "Territory" means Canada. 2. Grant. A licence is granted.'
    )
    doc = ll.parse_text(text)
    defs = [c for c in doc.clauses if c.kind == ClauseKind.DEFINITION]
    assert [d.heading for d in defs] == ["Affiliate", "Business Day", "Territory"]
    assert all(d.parent_id == "1" for d in defs)


def test_definitions_heading_without_any_definition_warns():
    doc = ll.parse_text("1. Definitions. Capitalised words have their usual meaning.\n2. Term. One year.\n")
    warnings = [w for w in doc.warnings if w.code == "definitions_without_definitions"]
    assert len(warnings) == 1 and warnings[0].clause_ids == ["1"]


def test_long_unnumbered_text_is_split_into_paragraph_clauses():
    paragraph = "The parties agree to cooperate in good faith on every matter of this letter. " * 8
    text = "\n\n".join(paragraph.strip() for _ in range(4))
    doc = ll.parse_text(text)
    paras = [c for c in doc.clauses if c.kind == ClauseKind.PARAGRAPH]
    assert len(paras) == 4
    assert all(p.parent_id == "preamble" and p.level == 1 for p in paras)


def test_markdown_headings_and_numbers_are_read_past_the_hash_marks():
    text = "# Supply Agreement\n\n## 1. Supply\n\nThe Seller sells.\n\n## 2. Price\n\nThe Buyer pays.\n"
    doc = ll.parse_text(text, format="md")
    assert doc.text == text
    assert [(c.kind.value, c.number, c.heading) for c in doc.clauses] == [
        ("title", None, "Supply Agreement"), ("section", "1.", "Supply"), ("section", "2.", "Price")
    ]


def test_table_of_contents_restart_keeps_the_body_numbering():
    text = (
        "TABLE OF CONTENTS\n1. Definitions\n2. Term\n\n"
        "1. Definitions. Words have meanings.\n2. Term. This Agreement lasts one year.\n"
    )
    doc = ll.parse_text(text)
    term = [c for c in doc.clauses if c.heading == "Term"]
    assert term[-1].text.startswith("2. Term. This Agreement lasts one year.")
    assert term[-1].level == 0


def test_empty_and_blank_text_give_no_clauses():
    assert ll.parse_text("").clauses == []
    assert ll.parse_text("  \n\n ").clauses == []
