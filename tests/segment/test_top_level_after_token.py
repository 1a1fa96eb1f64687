"""Top-level clause numbers that share a line with a short non-sentence token, and numbers that end a list
of section references. Shapes taken from CUAD text files (PDF text with page furniture flattened into the
body); the texts here are synthetic."""

from __future__ import annotations

import leverage_lens
from leverage_lens.model import Clause, Document

OPENING = (
    "1. DEFINITIONS. Capitalised words have the meanings given in this Agreement. "
    "2. TERM. This Agreement lasts for two years from the Effective Date. "
    "3. PAYMENT. The Buyer shall pay each invoice within thirty days of receipt."
)


def _clause(doc: Document, number: str) -> Clause:
    found = [c for c in doc.clauses if c.number is not None and c.number.rstrip(".") == number]
    assert len(found) == 1, [(c.id, c.number) for c in doc.clauses]
    return found[0]


def _top_numbers(doc: Document) -> list[str]:
    return [c.number.rstrip(".") for c in doc.clauses if c.level == 0 and c.number]


def _assert_top_clause_at(doc: Document, text: str, number: str, marker: str, heading: str) -> Clause:
    clause = _clause(doc, number)
    at = text.index(marker)
    assert clause.level == 0
    assert clause.start == at
    assert clause.number_span is not None and clause.number_span.start == at
    assert clause.heading == heading
    return clause


def test_number_ending_a_list_of_section_references_is_not_a_clause_start() -> None:
    text = (
        OPENING + " 4. NOTICES. Notices are in writing. 5. AUDIT. The Buyer may audit. 6. CONFIDENTIALITY. "
        "Each party keeps secrets. 7. INDEMNITY. Each party indemnifies the other. 8. TERMINATION. "
        "Termination releases the parties from their obligations under Sections 6, 7, and 9.   "
        "9. Miscellaneous.   9.1 Notices. Each notice shall be in writing."
    )
    doc = leverage_lens.parse_text(text)
    real = text.index("9. Miscellaneous")
    nine = _clause(doc, "9")
    assert (nine.start, nine.level, nine.heading) == (real, 0, "Miscellaneous")
    assert _clause(doc, "8").end < real
    assert text.index("and 9.") + 4 < _clause(doc, "8").end  # the reference stays in clause 8
    assert _clause(doc, "9.1").parent_id == nine.id
    assert not [w for w in doc.warnings if w.code.startswith("numbering_")]


def test_top_level_number_after_a_redaction_marker_starts_a_clause() -> None:
    text = OPENING + " [ * * * ] 4. MANUFACTURE AND SUPPLY 4.1 The Supplier shall make the goods. 4.2 The Buyer shall buy them."
    doc = leverage_lens.parse_text(text)
    four = _assert_top_clause_at(doc, text, "4", "4. MANUFACTURE", "MANUFACTURE AND SUPPLY")
    assert [c.parent_id for c in (_clause(doc, "4.1"), _clause(doc, "4.2"))] == [four.id, four.id]
    assert _top_numbers(doc) == ["1", "2", "3", "4"]


def test_top_level_number_after_a_running_page_header_starts_a_clause() -> None:
    text = (
        OPENING + " 4. SUPPLY. 4.1 The Supplier shall supply the goods.\n\n7\n\nSource: ACME CORP, 10-Q\n\n\n\n"
        "CONFIDENTIAL 5. SALES, MARKETING AND DISTRIBUTION 5.1 The Buyer shall market the goods."
    )
    doc = leverage_lens.parse_text(text)
    five = _assert_top_clause_at(doc, text, "5", "5. SALES", "SALES, MARKETING AND DISTRIBUTION")
    assert _clause(doc, "5.1").parent_id == five.id
    assert _top_numbers(doc) == ["1", "2", "3", "4", "5"]


def test_first_number_after_a_capitals_title_opens_the_numbering() -> None:
    text = (
        "DISTRIBUTOR AGREEMENT between Acme Inc. and Beta LLC. Now, Therefore, the Parties agree as follows: "
        "AGREEMENT OF THE PARTIES 1. APPOINTMENT, ACCEPTANCE & SCOPE. (a) Appointment. Company appoints "
        "Distributor. (b) Territory. The territory is Florida. 2. ORDERS. Distributor shall place orders. "
        "3. PRICES. Prices are in the price list."
    )
    doc = leverage_lens.parse_text(text)
    one = _assert_top_clause_at(doc, text, "1", "1. APPOINTMENT", "APPOINTMENT, ACCEPTANCE & SCOPE")
    assert _top_numbers(doc) == ["1", "2", "3"]
    assert [c.parent_id for c in doc.clauses if c.number in ("(a)", "(b)")] == [one.id, one.id]


def test_top_level_number_after_a_flattened_page_number_starts_a_clause() -> None:
    text = (
        "1.      DEFINITIONS.\n\n1.1     \"Software\" means the licensed programs.\n\n"
        "1.2     \"Services\" means the hosting services.\n\n                                     2\n\n"
        "3 2.      GRANT OF RIGHTS.\n\n2.1     Hosting. Corio may host the Software.\n\n"
        "2.2     Use. Customer may use the Services.\n\n3.      DELIVERY OF SOFTWARE.\n\n3.1     Delivery. Delivery is electronic."
    )
    doc = leverage_lens.parse_text(text)
    two = _assert_top_clause_at(doc, text, "2", "2.      GRANT", "GRANT OF RIGHTS")
    assert [c.parent_id for c in (_clause(doc, "2.1"), _clause(doc, "2.2"))] == [two.id, two.id]
    assert _top_numbers(doc) == ["1", "2", "3"]


def test_top_level_number_after_an_address_starts_a_clause() -> None:
    text = (
        OPENING + " 4. NOTICE. Notices go to the Client at: Address: 360 NE 75th St. Suite 127, Miami, "
        "Florida 5. GOVERNING LAW. This Agreement is governed by the laws of Florida. 6. COUNTERPARTS. "
        "This Agreement may be signed in counterparts."
    )
    doc = leverage_lens.parse_text(text)
    _assert_top_clause_at(doc, text, "5", "5. GOVERNING", "GOVERNING LAW")
    assert _top_numbers(doc) == ["1", "2", "3", "4", "5", "6"]


def test_top_level_number_after_a_sub_list_is_not_read_as_a_skipped_sub_item() -> None:
    text = (
        OPENING + " 4. RESPONSIBILITIES. (a) Of the Developer. The Developer shall: 1. Create the application. "
        "2. Devote enough time. 3. Perform the services well.\n\n5. CONFIDENTIAL INFORMATION. The Developer "
        "keeps the Client's information secret. 6. TIMING. The Developer shall meet the milestones."
    )
    doc = leverage_lens.parse_text(text)
    _assert_top_clause_at(doc, text, "5", "5. CONFIDENTIAL", "CONFIDENTIAL INFORMATION")
    assert _top_numbers(doc) == ["1", "2", "3", "4", "5", "6"]
    assert not [w for w in doc.warnings if w.code == "numbering_gap"]


def test_number_after_a_token_that_skips_the_top_level_sequence_is_text() -> None:
    text = OPENING + " The Buyer pays the fee set by schedule 7. SUPPLIER PRICES apply to every order."
    doc = leverage_lens.parse_text(text)
    assert _top_numbers(doc) == ["1", "2", "3"]
    assert text.index("7. SUPPLIER") < _clause(doc, "3").end


def test_number_after_a_section_reference_is_text() -> None:
    text = OPENING + " The duties survive as provided in Section 4. MANUFACTURE AND SUPPLY terms also survive."
    doc = leverage_lens.parse_text(text)
    assert _top_numbers(doc) == ["1", "2", "3"]


def test_first_number_after_an_ordinary_word_does_not_open_the_numbering() -> None:
    text = "This Agreement is made in Miami, Florida 1. ACME CORPORATION is the seller and Beta LLC is the buyer."
    doc = leverage_lens.parse_text(text)
    assert _top_numbers(doc) == []
