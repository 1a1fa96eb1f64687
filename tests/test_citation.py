"""Every clause is cited as a lawyer would write it, from the tree, not by its last number or its id."""

from __future__ import annotations

import leverage_lens as ll
from leverage_lens.citation import ordinal
from leverage_lens.model import Clause, ClauseKind, Document, Page


def _doc(*rows: tuple[str, str | None, str | None, str, str | None]) -> Document:
    """Clauses from (id, number, heading, kind, parent id), each one line of text."""
    text, clauses = "", []
    for cid, number, heading, kind, parent in rows:
        line = " ".join(x for x in (number, heading, f"text of {cid}.") if x) + "\n"
        start = len(text)
        text += line
        clauses.append(Clause(id=cid, number=number, heading=heading, level=0, parent_id=parent,
                              kind=ClauseKind(kind), start=start, end=len(text), text=line, page_start=1,
                              page_end=1))
    return Document(format="txt", text=text, pages=[Page(number=1, start=0, end=len(text))], clauses=clauses)


def test_sub_clauses_carry_their_parents_numbers() -> None:
    doc = _doc(("9", "9.", "Liability", "section", None), ("9.1", "9.1", None, "section", "9"),
               ("9.1(a)", "(a)", None, "section", "9.1"), ("9.1(a)(ii)", "(ii)", None, "section", "9.1(a)"),
               ("9.2(b)", "b.", None, "section", "9.1"))
    assert [doc.citation(c) for c in doc.clauses] == ["9", "9.1", "9.1(a)", "9.1(a)(ii)", "9.1(b)"]


def test_articles_exhibits_and_their_parts() -> None:
    doc = _doc(("Art-4", "ARTICLE IV", "TERM", "section", None), ("4.1", "4.1", None, "section", "Art-4"),
               ("Exhibit-A", "EXHIBIT A", None, "exhibit", None), ("Exhibit-A/2", "2.", None, "section", "Exhibit-A"),
               ("Exhibit-A/2.3", "2.3", None, "section", "Exhibit-A/2"),
               ("Exhibit-A/2.3(a)", "(a)", None, "section", "Exhibit-A/2.3"))
    assert [doc.citation(c) for c in doc.clauses] == [
        "Article IV", "4.1", "Exhibit A", "Exhibit A, 2", "Exhibit A, 2.3", "Exhibit A, 2.3(a)"]


def test_a_restarted_numbering_is_told_apart_by_the_top_sections_heading() -> None:
    # An EDGAR filing whose Word lists lost their numbers: "1. Customer Orders", "1. Delivery", each with (a).
    doc = _doc(("s1", "1.", "Appointment", "section", None), ("s1a", "(a)", None, "section", "s1"),
               ("s1p", None, None, "paragraph", "s1"),
               ("s2", "1.", "Delivery", "section", None), ("s2a", "(a)", None, "section", "s2"),
               ("s3", "2.", "Fees", "section", None), ("s3a", "(a)", None, "section", "s3"),
               ("s4", "1.", None, "section", None))
    assert [doc.citation(c) for c in doc.clauses] == [
        "1 (Appointment)", "1(a) (Appointment)", "1, second paragraph (Appointment)", "1 (Delivery)",
        "1(a) (Delivery)", "2", "2(a)", "1"]


def test_unnumbered_parts_are_named_as_a_reader_finds_them() -> None:
    doc = _doc(("title-1", None, "MASTER SERVICES AGREEMENT", "title", None),
               ("preamble", None, None, "preamble", None),
               ("1", "1.", None, "section", None), ("1(b)", "(b)", None, "section", "1"),
               ("1(b)/paragraph-1", None, None, "paragraph", "1(b)"),
               ("signature-1", None, None, "signature", None),
               ("signature-2", None, None, "signature", None))
    cites = doc.citations()
    assert cites["preamble"] == "Preamble" and cites["title-1"] == "Title"
    assert cites["signature-1"] == "Signature page" and cites["signature-2"] == "Signature page, block 2"
    # 1(b) has words of its own before the paragraph split off it: that paragraph is its second
    assert cites["1(b)/paragraph-1"] == "1(b), second paragraph"


def test_a_paragraph_that_starts_its_parent_is_its_first() -> None:
    text = "1. Services. Provider shall provide them.\nSecond paragraph of the clause.\n"
    parent = Clause(id="1", number="1.", heading="Services", level=0, kind=ClauseKind.SECTION, start=0,
                    end=len(text), text=text, page_start=1, page_end=1)
    first = Clause(id="1/paragraph-1", level=1, parent_id="1", kind=ClauseKind.PARAGRAPH, start=0, end=41,
                   text=text[:41], page_start=1, page_end=1)
    second = Clause(id="1/paragraph-2", level=1, parent_id="1", kind=ClauseKind.PARAGRAPH, start=42,
                    end=len(text), text=text[42:], page_start=1, page_end=1)
    doc = Document(format="txt", text=text, pages=[Page(number=1, start=0, end=len(text))],
                   clauses=[parent, first, second])
    assert doc.citation("1/paragraph-1") == "1, first paragraph"
    assert doc.citation("1/paragraph-2") == "1, second paragraph"


def test_an_unnumbered_paragraph_at_the_top_is_quoted_by_its_first_words() -> None:
    doc = _doc(("paragraph-1", None, None, "paragraph", None))
    assert doc.citation("paragraph-1") == "Paragraph beginning \u201ctext of paragraph-1.\u201d"


def test_ordinals() -> None:
    assert [ordinal(n) for n in (1, 2, 10, 11, 12, 13, 21, 22, 23, 101)] == [
        "first", "second", "tenth", "11th", "12th", "13th", "21st", "22nd", "23rd", "101st"]


def test_parsed_contract_cites_lettered_sub_clauses_in_full() -> None:
    text = ("1. Services.\n1.1 Scope. Provider shall:\n(a) host the service;\n(b) support it.\n"
            "2. Fees.\n2.1 Payment. Customer shall pay:\n(a) the fees;\n(b) the taxes.\n")
    doc = ll.parse_text(text)
    subs = [doc.citation(c) for c in doc.clauses if c.number in ("(a)", "(b)")]
    assert subs == ["1.1(a)", "1.1(b)", "2.1(a)", "2.1(b)"]


def test_citations_take_linear_time_on_thousands_of_unnumbered_paragraphs() -> None:
    import time

    def flat(n: int) -> Document:
        rows = [("preamble", None, None, "preamble", None)]
        rows += [(f"preamble/paragraph-{i}", None, None, "paragraph", "preamble") for i in range(1, n)]
        rows += [(f"signature-{i}", None, None, "signature", None) for i in range(1, n // 10)]
        return _doc(*rows)

    def seconds(doc: Document) -> float:
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            doc.citations()
            best = min(best, time.perf_counter() - t0)
        return best

    small, large = flat(2_000), flat(16_000)
    assert large.citation("preamble/paragraph-15999") == "Preamble, 16000th paragraph"  # its own words come first
    assert seconds(large) <= 20 * seconds(small)  # 8 times the clauses; a quadratic walk takes 64 times
