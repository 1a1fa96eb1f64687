"""Word documents end to end: automatic numbering becomes the clause tree, revisions name their clauses."""

from __future__ import annotations

import leverage_lens as ll
from tests.fixtures.docx_builder import DocxBuilder, Ins, Lvl


def _contract() -> bytes:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1."), Lvl("decimal", "%1.%2"), Lvl("lowerLetter", "(%3)")]))
    b.paragraph("SERVICES AGREEMENT", centered=True)
    b.paragraph('This Agreement is made between Acme Corp ("Acme") and Beta LLC ("Customer").')
    b.paragraph("Services", num=num, ilvl=0)
    b.paragraph("Scope. Acme shall provide the Services.", num=num, ilvl=1)
    b.paragraph("Changes. Either party may propose changes:", num=num, ilvl=1)
    b.paragraph("in writing; and", num=num, ilvl=2)
    b.paragraph("with ten days notice.", num=num, ilvl=2)
    b.paragraph("Fees", num=num, ilvl=0)
    b.paragraph("Payment. Customer shall pay ", Ins(["within thirty (30) days"]), ".", num=num, ilvl=1)
    b.paragraph("IN WITNESS WHEREOF, the parties have signed this Agreement.")
    return b.to_bytes()


def test_word_numbering_builds_the_clause_tree_with_displayed_numbers():
    doc = ll.parse(_contract())
    assert doc.format == "docx"
    assert [(c.level, c.number, c.heading) for c in doc.clauses if c.number] == [
        (0, "1.", "Services"),
        (1, "1.1", "Scope"),
        (1, "1.2", "Changes"),
        (2, "(a)", None),
        (2, "(b)", None),
        (0, "2.", "Fees"),
        (1, "2.1", "Payment"),
    ]
    assert [c.kind.value for c in doc.clauses if not c.number] == ["title", "preamble", "signature"]
    assert doc.clause("1.2(b)").text == "(b)\twith ten days notice."


def test_tracked_changes_warning_names_the_clauses_they_touch():
    doc = ll.parse(_contract())
    (warning,) = [w for w in doc.warnings if w.code == "unaccepted_revisions"]
    assert warning.clause_ids == ["2.1"]
    assert "within thirty (30) days" in doc.clause("2.1").text
