"""Markdown rendered as a reader sees it (``load/markdown.py``): list numbering, headings, tables, markup."""

from __future__ import annotations

import leverage_lens as ll
from leverage_lens.load.markdown import inline, load_markdown

FORM = """# Pilot Agreement

1. <span class="header_2" id="1">Pilot Access</span>
    1. <span class="header_3" id="1.1">Access and Use.</span>  During the <span class="orderform_link">Pilot Period</span>, **Customer** may use the Product.
    2. <span class="header_3" id="1.2">License.</span>  Provider grants Customer a licence to {product_description}.
2. <span class="header_2" id="2">Term & Termination</span>
    1. <span class="header_3" id="2.1">Agreement.</span>  The Agreement starts on the Effective Date.
    2. <span class="header_3" id="2.2">Termination.</span>  Either party may terminate the Agreement:
        a. if the other party fails to cure a material breach following 30 days notice;
        b. for any or no reason following 30 days notice.
    3. <span class="header_3" id="2.3">Survival.</span>
        a. Sections 1 and 2.3 survive.
"""


def test_nested_ordered_lists_are_numbered_as_a_renderer_shows_them() -> None:
    doc = ll.parse(FORM.encode(), format="md")
    numbers = [(c.number, c.heading) for c in doc.clauses if c.number]
    assert numbers == [
        ("1.", "Pilot Access"), ("1.1", "Access and Use"), ("1.2", "License"),
        ("2.", "Term & Termination"), ("2.1", "Agreement"), ("2.2", "Termination"), ("a.", None), ("b.", None),
        ("2.3", "Survival"), ("a.", None),
    ]
    levels = {c.number: c.level for c in doc.clauses if c.number}
    assert levels["1."] == 0 and levels["1.1"] == 1 and levels["a."] == 2


def test_written_numbers_are_ignored_after_the_first_item() -> None:
    loaded = load_markdown("3. First\n3. Second\n    1. Inner\n    1. Inner two\n3. Third\n")
    labels = [b.label for b in loaded.blocks]
    assert labels == ["3.", "4.", "4.1", "4.2", "5."]
    assert loaded.text.splitlines()[2] == "4.1\tInner"


def test_markup_is_removed_and_placeholders_and_drafting_notes_are_kept() -> None:
    text = load_markdown(FORM).text
    assert "<span" not in text and "**" not in text
    assert "{product_description}" in text
    assert "During the Pilot Period, Customer may use the Product." in text
    assert inline("[Drafting note: keep] see [the site](https://example.com) and \\*literal\\* &amp; `code`")[0] == (
        "[Drafting note: keep] see the site and *literal* & code"
    )


def test_autolinks_keep_their_address_like_a_link_written_out() -> None:
    written = inline("posted at [https://example.com/terms/](https://example.com/terms/).")[0]
    assert inline("posted at <https://example.com/terms/>.")[0] == written == "posted at https://example.com/terms/."
    assert inline("write to <legal@example.com>")[0] == "write to legal@example.com"


def test_block_offsets_index_the_rendered_text_and_labels_are_part_of_it() -> None:
    loaded = load_markdown(FORM)
    for block in loaded.blocks:
        assert loaded.text[block.start : block.end].strip()
        if block.label:
            assert loaded.text[block.start : block.label_end] == block.label
            assert loaded.text[block.label_end] == "\t"


def test_cover_page_tables_become_one_block_per_cell() -> None:
    loaded = load_markdown("| Term | Value |\n|---|---|\n| Effective Date | {effective_date} |\n| Fees | $10 \\| month |\n")
    cells = [loaded.text[b.start : b.end] for b in loaded.blocks]
    assert cells == ["Term", "Value", "Effective Date", "{effective_date}", "Fees", "$10 | month"]
    assert {b.kind for b in loaded.blocks} == {"cell"}


def test_bold_paragraphs_and_atx_lines_are_headings() -> None:
    loaded = load_markdown("## Order Form\n\n**Key Terms**\n\nPlain text here.\n")
    assert [(loaded.text[b.start : b.end], b.heading_level) for b in loaded.blocks] == [
        ("Order Form", 1), ("Key Terms", 1), ("Plain text here.", None),
    ]


def test_soft_wrapped_lines_join_into_one_paragraph_and_a_margin_paragraph_ends_the_list() -> None:
    loaded = load_markdown("1. The first item\n   continues here.\n\nA closing paragraph.\n\n1. A new list\n")
    assert loaded.text == "1.\tThe first item continues here.\nA closing paragraph.\n1.\tA new list"


def test_a_letter_at_the_margin_outside_a_list_is_text() -> None:
    loaded = load_markdown("A. Smith signed below.\n")
    assert loaded.blocks[0].label is None and loaded.text == "A. Smith signed below."


def test_parse_text_keeps_the_markdown_source_as_the_text() -> None:
    doc = ll.parse_text(FORM, format="md")
    assert doc.text == FORM


DATA = __import__("pathlib").Path(__file__).resolve().parents[2].parent / "shared" / "data"


@__import__("pytest").mark.data
def test_common_paper_markdown_gives_the_sections_of_its_docx_edition() -> None:
    import pytest

    md = sorted((DATA / "versions" / "Pilot-Agreement").glob("*.md"))
    docx = DATA / "docx" / "templates" / "common-paper-cc-by-4.0" / "common-paper-pilot-agreement" / "template.docx"
    if not md or not docx.exists():
        pytest.skip("needs ../shared/data (versions/ and docx/)")
    from bench.bench_markdown import compare, sections

    equal, total, diffs = compare(sections(ll.parse(md[-1])), sections(ll.parse(docx)))
    assert equal / total >= 0.98, diffs
