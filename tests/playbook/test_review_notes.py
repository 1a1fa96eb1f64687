"""Failed playbook positions in the review copies and the short Markdown, in the same form as findings' notes:
the reader sees the position, its severity and the language to propose; the position's id rides along for
programs only (a hidden run in Word, the highlight's name in a PDF)."""

from __future__ import annotations

from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.model import Report
from leverage_lens.report.docx_review import comment_keys
from leverage_lens.report.review import review_notes

from .conftest import ONE_SIDED


@pytest.fixture(scope="module")
def checked() -> Report:
    return ll.analyze_text(ONE_SIDED, name="one_sided.txt", playbook="customer", perspective="Customer")


def test_analyze_text_takes_a_playbook(checked: Report) -> None:
    assert checked.playbook is not None and checked.playbook.failed()
    assert checked.document.text == ONE_SIDED


def test_a_playbook_note_carries_the_fallback_and_severity_but_no_id(checked: Report) -> None:
    failed = {r.position_id: r for r in checked.playbook.failed()}
    notes = [n for n in review_notes(checked) if n.id.startswith("playbook:")]
    assert notes
    for n in notes:
        r = failed[n.id.removeprefix("playbook:")]
        assert n.text.startswith(f"Playbook: {r.title}") and f"({r.severity.value})" in n.text.splitlines()[0]
        assert r.position_id not in n.text  # the id is for programs: it is the note's key
        assert n.key == f"leverage_lens:playbook:{r.position_id}" and n.severity == r.severity.value
        if r.fallback:
            assert f"Propose: {r.fallback}" in n.text


def test_findings_notes_keep_the_rule_title_form(checked: Report) -> None:
    by_id = {f.id: f for f in checked.findings}
    for n in review_notes(checked):
        if n.id in by_id:
            f = by_id[n.id]
            assert f.rule not in n.text and n.key == f"leverage_lens:{f.rule}:{f.id}"


def test_word_comment_keys_name_the_failed_positions(tmp_path: Path) -> None:
    from tests.fixtures.docx_builder import DocxBuilder

    b = DocxBuilder()
    for line in ONE_SIDED.splitlines():
        if line.strip():
            b.paragraph(line)
    path = tmp_path / "c.docx"
    path.write_bytes(b.to_bytes())
    report = ll.analyze(path, playbook="customer", perspective="Customer")
    keys = set(comment_keys(report.to_docx(None).data).values())
    wanted = {("playbook", n.id.removeprefix("playbook:")) for n in review_notes(report) if n.id.startswith("playbook:")}
    assert wanted and wanted <= keys
    assert {(f.rule, f.id) for f in report.findings} <= keys


def test_the_short_markdown_lists_failed_positions_with_what_to_propose(checked: Report) -> None:
    md = checked.to_markdown(short=True)
    assert "### Playbook: SaaS customer" in md
    cap = next(r for r in checked.playbook.failed() if r.position_id == "supplier-cap-floor")
    line = next(x for x in md.splitlines() if x.startswith(f"- **{cap.title}**"))
    assert "*Propose:*" in line and "not met" in line
    assert md.index("### Playbook") < md.index("## Negotiation brief")
