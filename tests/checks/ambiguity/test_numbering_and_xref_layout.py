"""Numbering and missing-section rules on the layout of extracted contract text: page numbers, tables of contents,
table cells and page headers are not section numbers, and a renumbered heading is found where it was renumbered."""

from __future__ import annotations

import leverage_lens
from leverage_lens.checks import CheckContext, Registry

BODY = ("1. Term. This Agreement lasts one year from the date first written above.\n\n"
        "2. Fees. Customer shall pay the fees in Exhibit A within thirty days of each invoice.\n\n"
        "3. Law. This Agreement is governed by the laws of the State of New York.\n\n")


def run(rule_id: str, text: str):
    return Registry().get(rule_id).run(CheckContext.build(leverage_lens.parse_text(text)))


def test_missing_section_is_reported_when_its_number_is_only_a_page_number():
    text = BODY.replace("each invoice.", "each invoice, as provided in Section 17.") + "Signed by the parties.\n\n   17\n\nACME INC.\n"
    (f,) = run("ambiguity.xref_missing_section", text)
    assert f.quote.startswith("Section 17")


def test_missing_section_is_reported_when_its_number_is_a_table_cell_or_an_address():
    ref = BODY.replace("each invoice.", "each invoice, as provided in Section 36.")
    for tail in ("Rooms: 135 Guest Room Mix: Typical King: 36 Typical Double: 59\n",
                 "Notices to: Managing Director, 36-A, Udyog Nagar, Delhi\n",
                 "TABLE OF CONTENTS  Page\n1. Term     1  2. Fees     36\n\nARTICLE 4 SCHEDULES\n"):
        (f,) = run("ambiguity.xref_missing_section", ref + tail)
        assert f.quote.startswith("Section 36"), tail


def test_missing_section_is_quiet_when_the_number_is_printed_as_a_heading():
    text = BODY.replace("each invoice.", "each invoice, as provided in Section 4.") + "4. Notices. In writing.\n"
    assert run("ambiguity.xref_missing_section", text) == []


def test_duplicated_heading_named_confidential_information_is_found():
    text = (BODY + "4. Insurance. Each party keeps insurance. 4. CONFIDENTIAL INFORMATION 4.1 Each party keeps the "
            "other's secrets.\n")
    found = run("ambiguity.numbering_duplicated", text)
    assert [f.quote for f in found] == ["4"]
    assert found[0].start == text.index("4. CONFIDENTIAL")


def test_renumbered_to_the_next_number_is_a_skip_at_the_renumbered_heading():
    text = (BODY + "4. Notices. In writing.   6. Term and Termination.   5.1 Term. One year.   5.2 End. On notice."
            "   6. Miscellaneous.   6.1 Waiver. None.\n")
    found = run("ambiguity.numbering_skipped", text)
    assert [f.start for f in found] == [text.index("6. Term")]


def test_skip_is_not_reported_when_the_missing_heading_follows_a_page_header():
    text = (BODY + "4. Supply. Supplier supplies the goods. [ * * * ]\n\nCONFIDENTIAL 5. SALES 5.1 Customer sells. "
            "[ * * * ] 6. PAYMENTS 6.1 Customer pays.\n")
    assert run("ambiguity.numbering_skipped", text) == []


def test_missing_section_is_reported_when_the_reference_ends_a_sentence_before_capitals():
    text = BODY.replace("each invoice.", "each invoice as provided in Section 51. SUPPLIER keeps records.")
    (f,) = run("ambiguity.xref_missing_section", text)
    assert f.quote.startswith("Section 51")


def test_a_page_break_between_section_and_its_number_is_not_a_reference_to_the_page_number():
    text = BODY.replace("each invoice.", "each invoice as provided in Section\n\n41\n\n[ * ] = omitted\n\n2 above.")
    assert run("ambiguity.xref_missing_section", text) == []


def test_missing_section_is_quiet_when_the_heading_is_written_with_a_dash():
    for heading in ("Section 4 \u2014 Notices", "ARTICLE 4 - NOTICES", "Article 4 - [Reserved]"):
        text = BODY.replace("each invoice.", "each invoice, as provided in Section 4.") + heading + " In writing.\n"
        assert run("ambiguity.xref_missing_section", text) == [], heading
