"""The DOCX loader on documents built in code: numbering as Word shows it, revisions, fields, safety.

Every fixture is a real .docx written by ``tests.fixtures.docx_builder`` (python-docx plus hand-built
numbering, revision and field XML), so each test pins one Word behaviour the loader must reproduce.
"""

from __future__ import annotations

import io
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_lens.errors import CorruptDocumentError, DocumentTooLargeError, LeverageLensError
from leverage_lens.load import load_source
from leverage_lens.load._types import Loaded
from leverage_lens.load.docx import load_docx
from leverage_lens.load.docx_numbering import format_number
from leverage_lens.options import ParseOptions
from tests.fixtures.docx_builder import (
    Break,
    Del,
    DocxBuilder,
    Field,
    Hyperlink,
    Ins,
    Lvl,
    MoveFrom,
    MoveTo,
    NoBreakHyphen,
    Run,
    SimpleField,
    SoftHyphen,
    Sym,
    Tab,
)

OPTIONS = ParseOptions()
OUTLINE = [
    Lvl("decimal", "%1.", style="Heading1"),
    Lvl("decimal", "%1.%2", style="Heading2"),
    Lvl("lowerLetter", "(%3)", style="Heading3"),
    Lvl("lowerRoman", "(%4)"),
]


def load(builder: DocxBuilder, options: ParseOptions = OPTIONS) -> Loaded:
    return load_docx(builder.to_bytes(), options, "fixture.docx")


def lines(loaded: Loaded) -> list[str]:
    """The text of each block, in order."""
    return [loaded.text[b.start : b.end] for b in loaded.blocks]


def labels(loaded: Loaded) -> list[str | None]:
    return [b.label for b in loaded.blocks]


def outline_builder() -> tuple[DocxBuilder, int]:
    """Headings 1-3 numbered through their styles, as in the Common Paper forms."""
    b = DocxBuilder()
    num = b.num(b.abstract_num(OUTLINE))
    b.paragraph_style("Heading1", "heading 1", num_id=num, outline_level=0)
    b.paragraph_style("Heading2", "heading 2", num_id=num, ilvl=1, outline_level=1)
    b.paragraph_style("Heading3", "heading 3", num_id=num, ilvl=2, outline_level=2)
    return b, num


# -- Word automatic numbering -----------------------------------------------------------------------------


def test_word_numbering_from_heading_styles_renders_outline_labels() -> None:
    b, _ = outline_builder()
    b.paragraph("Definitions", style="Heading1")
    b.paragraph("Terms.", style="Heading2")
    b.paragraph("first", style="Heading3")
    b.paragraph("second", style="Heading3")
    b.paragraph("More terms.", style="Heading2")
    b.paragraph("Services", style="Heading1")
    b.paragraph("Scope.", style="Heading2")
    b.paragraph("again first", style="Heading3")
    loaded = load(b)
    assert lines(loaded) == [
        "1.\tDefinitions",
        "1.1\tTerms.",
        "(a)\tfirst",
        "(b)\tsecond",
        "1.2\tMore terms.",
        "2.\tServices",
        "2.1\tScope.",
        "(a)\tagain first",
    ]
    assert [b.list_level for b in loaded.blocks] == [0, 1, 2, 2, 1, 0, 1, 2]


def test_label_offsets_point_at_the_label_inside_the_text() -> None:
    b, _ = outline_builder()
    b.paragraph("Intro text")
    b.paragraph("Scope", style="Heading1")
    loaded = load(b)
    block = loaded.blocks[1]
    assert block.label == "1."
    assert loaded.text[block.start : block.label_end] == "1."
    assert loaded.text[block.label_end : block.end] == "\tScope"
    assert loaded.blocks[0].label is None and loaded.blocks[0].label_end is None


def test_style_numbering_without_ilvl_takes_the_level_bound_to_the_style() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num(OUTLINE))
    b.paragraph_style("Heading1", "heading 1", num_id=num)
    b.paragraph_style("Heading2", "heading 2", num_id=num)  # no w:ilvl: the lvl whose pStyle is Heading2
    b.paragraph("One", style="Heading1")
    b.paragraph("One one", style="Heading2")
    assert labels(load(b)) == ["1.", "1.1"]


def test_word_numbering_restarts_after_start_override() -> None:
    b = DocxBuilder()
    abstract = b.abstract_num([Lvl("lowerLetter", "(%1)")])
    first = b.num(abstract)
    restarted = b.num(abstract, start_overrides={0: 1})
    b.paragraph("alpha", num=first)
    b.paragraph("beta", num=first)
    b.paragraph("gamma", num=first)
    b.paragraph("new list", num=restarted)
    b.paragraph("new list two", num=restarted)
    assert labels(load(b)) == ["(a)", "(b)", "(c)", "(a)", "(b)"]


def test_num_instances_of_one_abstract_share_their_counter() -> None:
    b = DocxBuilder()
    abstract = b.abstract_num([Lvl("decimal", "%1.")])
    one, two = b.num(abstract), b.num(abstract)
    b.paragraph("a", num=one)
    b.paragraph("b", num=two)
    b.paragraph("c", num=one)
    assert labels(load(b)) == ["1.", "2.", "3."]


def test_list_resumed_after_an_override_continues_the_shared_count() -> None:
    b = DocxBuilder()
    abstract = b.abstract_num([Lvl("decimal", "%1.")])
    main = b.num(abstract)
    jump = b.num(abstract, start_overrides={0: 8})
    for text in ("a", "b"):
        b.paragraph(text, num=main)
    b.paragraph("jumped", num=jump)
    b.paragraph("back on the first instance", num=main)
    assert labels(load(b)) == ["1.", "2.", "8.", "9."]


def test_separate_abstract_definitions_count_separately() -> None:
    b = DocxBuilder()
    one = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    two = b.num(b.abstract_num([Lvl("upperLetter", "%1.")]))
    b.paragraph("a", num=one)
    b.paragraph("b", num=two)
    b.paragraph("c", num=one)
    b.paragraph("d", num=two)
    assert labels(load(b)) == ["1.", "A.", "2.", "B."]


def test_start_value_of_a_level_is_its_first_number() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "Section %1.", start=5)]))
    b.paragraph("a", num=num)
    b.paragraph("b", num=num)
    assert labels(load(b)) == ["Section 5.", "Section 6."]


def test_deeper_levels_restart_when_a_parent_level_is_used() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num(OUTLINE))
    for ilvl in (0, 1, 2, 2, 0, 2, 1):
        b.paragraph("x", num=num, ilvl=ilvl)
    assert labels(load(b)) == ["1.", "1.1", "(a)", "(b)", "2.", "(a)", "2.1"]


def test_lvl_restart_zero_keeps_counting_across_parent_levels() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("upperRoman", "Article %1"), Lvl("decimal", "Section %2", restart=0)]))
    for ilvl in (0, 1, 1, 0, 1):
        b.paragraph("x", num=num, ilvl=ilvl)
    assert labels(load(b)) == ["Article I", "Section 1", "Section 2", "Article II", "Section 3"]


def test_lvl_restart_one_restarts_only_after_the_top_level() -> None:
    b = DocxBuilder()
    levels = [Lvl("decimal", "%1."), Lvl("decimal", "%1.%2"), Lvl("lowerLetter", "(%3)", restart=1)]
    num = b.num(b.abstract_num(levels))
    for ilvl in (0, 1, 2, 1, 2, 0, 2):
        b.paragraph("x", num=num, ilvl=ilvl)
    assert labels(load(b)) == ["1.", "1.1", "(a)", "1.2", "(b)", "2.", "(a)"]


def test_is_lgl_renders_roman_parent_levels_as_decimal() -> None:
    b = DocxBuilder()
    levels = [Lvl("upperRoman", "Article %1"), Lvl("decimal", "Section %1.%2", legal=True)]
    num = b.num(b.abstract_num(levels))
    for ilvl in (0, 1, 0, 1, 1):
        b.paragraph("x", num=num, ilvl=ilvl)
    assert labels(load(b)) == ["Article I", "Section 1.1", "Article II", "Section 2.1", "Section 2.2"]


def test_without_is_lgl_parent_levels_keep_their_own_format() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("upperRoman", "%1."), Lvl("lowerLetter", "%1.%2")]))
    b.paragraph("x", num=num, ilvl=0)
    b.paragraph("x", num=num, ilvl=0)
    b.paragraph("x", num=num, ilvl=1)
    assert labels(load(b)) == ["I.", "II.", "II.a"]


def test_lower_letters_after_z_double_as_word_does() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("lowerLetter", "(%1)")]))
    for _ in range(28):
        b.paragraph("item", num=num)
    assert labels(load(b))[24:] == ["(y)", "(z)", "(aa)", "(bb)"]


def test_level_used_before_its_parent_shows_the_parent_as_zero() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num(OUTLINE))
    b.paragraph("orphan sub-clause", num=num, ilvl=1)
    b.paragraph("parent", num=num, ilvl=0)
    b.paragraph("child", num=num, ilvl=1)
    assert labels(load(b)) == ["0.1", "1.", "1.1"]


def test_numbering_via_style_follows_based_on_chain() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1."), Lvl("lowerLetter", "(%2)")]))
    b.paragraph_style("ClauseBase", "Clause Base", num_id=num, ilvl=1)
    b.paragraph_style("ClauseBody", "Clause Body", based_on="ClauseBase")
    b.paragraph("one", style="ClauseBody")
    b.paragraph("two", style="ClauseBody")
    loaded = load(b)
    assert lines(loaded) == ["(a)\tone", "(b)\ttwo"]
    assert loaded.blocks[0].style == "Clause Body"


def test_paragraph_num_id_zero_removes_style_numbering() -> None:
    b, _ = outline_builder()
    b.paragraph("Numbered", style="Heading1")
    b.paragraph("Unnumbered heading", style="Heading1", num=0)
    b.paragraph("Numbered again", style="Heading1")
    loaded = load(b)
    assert lines(loaded) == ["1.\tNumbered", "Unnumbered heading", "2.\tNumbered again"]
    assert loaded.blocks[1].list_level is None


def test_paragraph_own_num_pr_overrides_style_numbering() -> None:
    b, _ = outline_builder()
    other = b.num(b.abstract_num([Lvl("upperLetter", "Exhibit %1")]))
    b.paragraph("Heading", style="Heading1")
    b.paragraph("Form of Notice", style="Heading1", num=other)
    assert labels(load(b)) == ["1.", "Exhibit A"]


def test_num_style_link_uses_the_linked_numbering_style_list() -> None:
    b = DocxBuilder()
    real = b.abstract_num([Lvl("decimal", "Clause %1"), Lvl("lowerRoman", "(%2)")], style_link="LegalList")
    real_num = b.num(real)
    b.numbering_style("LegalList", real_num)
    linked = b.num(b.abstract_num([Lvl("bullet", "\u2022")], num_style_link="LegalList"))
    b.paragraph("via the link", num=linked)
    b.paragraph("via the link, level 2", num=linked, ilvl=1)
    b.paragraph("directly", num=real_num)
    assert labels(load(b)) == ["Clause 1", "(i)", "Clause 2"]


def test_level_suffix_tab_space_or_nothing_follows_the_label() -> None:
    b = DocxBuilder()
    tab = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    space = b.num(b.abstract_num([Lvl("decimal", "%1.", suffix="space")]))
    nothing = b.num(b.abstract_num([Lvl("decimal", "%1.", suffix="nothing")]))
    b.paragraph("Tab", num=tab)
    b.paragraph("Space", num=space)
    b.paragraph("Nothing", num=nothing)
    loaded = load(b)
    assert lines(loaded) == ["1.\tTab", "1. Space", "1.Nothing"]
    assert [b.label_end - b.start for b in loaded.blocks] == [2, 2, 2]


def test_bullets_and_format_none_insert_nothing_but_keep_the_list_level() -> None:
    b = DocxBuilder()
    bullets = b.num(b.abstract_num([Lvl("bullet", "\u2022"), Lvl("none", "")]))
    b.paragraph("first point", num=bullets)
    b.paragraph("quiet level", num=bullets, ilvl=1)
    loaded = load(b)
    assert lines(loaded) == ["first point", "quiet level"]
    assert labels(loaded) == [None, None]
    assert [b.list_level for b in loaded.blocks] == [0, 1]


def test_empty_section_break_paragraph_takes_no_number() -> None:
    b, _ = outline_builder()
    b.paragraph("Cover page")
    b.paragraph(style="Heading1", section_break=True)
    b.paragraph("Service", style="Heading1")
    b.paragraph("Access and Use.", style="Heading2")
    assert lines(load(b))[1:] == ["1.\tService", "1.1\tAccess and Use."]


def test_empty_numbered_paragraph_still_counts_as_in_word() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    b.paragraph("first", num=num)
    b.paragraph(num=num)
    b.paragraph("third", num=num)
    assert lines(load(b)) == ["1.\tfirst", "2.", "3.\tthird"]


def test_level_with_format_none_shows_nothing_inside_deeper_labels() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("none", ""), Lvl("decimal", "Section %1%2")]))
    b.paragraph("hidden top", num=num, ilvl=0)
    b.paragraph("x", num=num, ilvl=1)
    assert labels(load(b)) == [None, "Section 1"]


def test_level_override_replaces_the_level_format_for_that_instance() -> None:
    b = DocxBuilder()
    abstract = b.abstract_num([Lvl("decimal", "%1.")])
    roman = b.num(abstract, start_overrides={0: 1}, level_overrides={0: Lvl("upperRoman", "%1)")})
    b.paragraph("x", num=roman)
    b.paragraph("y", num=roman)
    assert labels(load(b)) == ["I)", "II)"]


@pytest.mark.parametrize(
    ("value", "fmt", "expected"),
    [
        (4, "decimal", "4"),
        (7, "decimalZero", "07"),
        (12, "decimalZero", "12"),
        (1, "lowerLetter", "a"),
        (26, "upperLetter", "Z"),
        (27, "lowerLetter", "aa"),
        (28, "upperLetter", "BB"),
        (53, "lowerLetter", "aaa"),
        (4, "lowerRoman", "iv"),
        (1994, "upperRoman", "MCMXCIV"),
        (1, "ordinal", "1st"),
        (2, "ordinal", "2nd"),
        (3, "ordinal", "3rd"),
        (11, "ordinal", "11th"),
        (22, "ordinal", "22nd"),
        (1, "cardinalText", "One"),
        (21, "cardinalText", "Twenty-one"),
        (115, "cardinalText", "One hundred fifteen"),
        (1, "ordinalText", "First"),
        (12, "ordinalText", "Twelfth"),
        (20, "ordinalText", "Twentieth"),
        (23, "ordinalText", "Twenty-third"),
        (3, "someFutureFormat", "3"),
        (3, "none", ""),
    ],
)
def test_number_formats_render_as_word_displays_them(value: int, fmt: str, expected: str) -> None:
    assert format_number(value, fmt) == expected


# -- paragraph facts ----------------------------------------------------------------------------------------


def test_heading_level_comes_from_heading_style_name_or_outline_level() -> None:
    b = DocxBuilder()
    b.paragraph_style("Heading2", "heading 2")
    b.paragraph_style("Caption4", "Schedule Title", outline_level=3)
    b.paragraph_style("Derived", "Derived", based_on="Caption4")
    b.paragraph("by name", style="Heading2")
    b.paragraph("by style outline", style="Caption4")
    b.paragraph("inherited outline", style="Derived")
    b.paragraph("direct outline", outline_level=0)
    b.paragraph("body text", outline_level=9)
    b.paragraph("plain")
    loaded = load(b)
    assert [b.heading_level for b in loaded.blocks] == [1, 3, 3, 0, None, None]
    assert loaded.blocks[0].style == "Heading 2"


def test_bold_means_every_non_empty_run_is_bold() -> None:
    b = DocxBuilder()
    b.character_style("Strong2", bold=True)
    b.paragraph_style("BoldPara", "Bold Para", bold=True)
    b.paragraph(Run("All ", bold=True), Run("bold", bold=True))
    b.paragraph(Run("Half ", bold=True), Run("plain"))
    b.paragraph(Run("From a character style", style="Strong2"))
    b.paragraph("From the paragraph style", style="BoldPara")
    b.paragraph(Run("Switched off", bold=False), style="BoldPara")
    b.paragraph(Run("Term", bold=True), Run("   ", bold=False))
    assert [b.bold for b in load(b).blocks] == [True, False, True, True, False, True]


def test_centered_comes_from_jc_center_on_paragraph_or_style() -> None:
    b = DocxBuilder()
    b.paragraph_style("TitleCentered", "Title Centered", centered=True)
    b.paragraph("MASTER AGREEMENT", centered=True)
    b.paragraph("Styled title", style="TitleCentered")
    b.paragraph("Left")
    assert [b.centered for b in load(b).blocks] == [True, True, False]


# -- text content -------------------------------------------------------------------------------------------


def test_placeholders_are_kept_verbatim() -> None:
    b = DocxBuilder()
    b.paragraph("This Agreement is between {party_1_name} and ", Run("{party_2_name}", bold=True), ".")
    assert lines(load(b)) == ["This Agreement is between {party_1_name} and {party_2_name}."]


def test_tabs_breaks_hyphens_and_symbols_render_as_characters() -> None:
    b = DocxBuilder()
    b.paragraph(
        "Name",
        Tab(),
        "Title",
        Break(),
        "second line",
        Break("page"),
        "re",
        SoftHyphen(),
        "use ",
        "non",
        NoBreakHyphen(),
        "exclusive ",
        Sym("F0FE", "Wingdings"),
        " ",
        Sym("00A7", "Times"),
        "2",
    )
    loaded = load(b)
    assert lines(loaded) == ["Name\tTitle second linereuse non-exclusive \u2611 \u00a72"]
    assert len(loaded.blocks) == 1


def test_hyperlink_text_is_part_of_the_paragraph() -> None:
    b = DocxBuilder()
    b.paragraph("See ", Hyperlink("the policy"), ".")
    assert lines(load(b)) == ["See the policy."]


def test_hidden_text_is_left_out() -> None:
    b = DocxBuilder()
    b.paragraph("Visible ", Run("drafting note ", hidden=True), "text")
    assert lines(load(b)) == ["Visible text"]


def test_table_cells_become_cell_blocks_in_row_order() -> None:
    b = DocxBuilder()
    b.paragraph("Before")
    b.table([["Party", "Address"], ["Provider", "1 Main St\nSpringfield"]])
    b.paragraph("After")
    loaded = load(b)
    assert lines(loaded) == ["Before", "Party", "Address", "Provider", "1 Main St", "Springfield", "After"]
    assert [b.kind for b in loaded.blocks] == ["paragraph"] + ["cell"] * 5 + ["paragraph"]


def test_headers_footers_and_comments_are_not_in_the_text() -> None:
    b = DocxBuilder()
    b.header("CONFIDENTIAL HEADER")
    b.footer("Page footer")
    b.commented_paragraph("Body sentence.", "Reviewer note: push back")
    loaded = load(b)
    assert loaded.text == "Body sentence."
    assert "HEADER" not in loaded.text and "footer" not in loaded.text and "push back" not in loaded.text


def test_empty_paragraphs_leave_blank_lines_but_no_blocks() -> None:
    b = DocxBuilder()
    b.paragraph("One")
    b.paragraph()
    b.paragraph("   ")
    b.paragraph("Two")
    loaded = load(b)
    assert loaded.text == "One\n\n\nTwo"
    assert lines(loaded) == ["One", "Two"]


def test_single_page_spans_the_whole_text() -> None:
    b = DocxBuilder()
    b.paragraph("One")
    b.paragraph("Two")
    loaded = load(b)
    assert loaded.format == "docx"
    assert [(p.number, p.start, p.end) for p in loaded.pages] == [(1, 0, len(loaded.text))]


@settings(max_examples=30, deadline=None)
@given(
    st.lists(
        st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc", "Cn", "Co")), max_size=40),
        max_size=6,
    )
)
def test_blocks_tile_the_text_one_line_per_paragraph(paragraphs: list[str]) -> None:
    b = DocxBuilder()
    for text in paragraphs:
        b.paragraph(text)
    loaded = load(b)
    assert loaded.text.split("\n") == [p if p.strip() else "" for p in paragraphs] or not paragraphs
    for block in loaded.blocks:
        assert "\n" not in loaded.text[block.start : block.end]


# -- fields -------------------------------------------------------------------------------------------------


def test_complex_field_shows_its_result_not_its_instruction() -> None:
    b = DocxBuilder()
    b.paragraph("As set out in ", Field(" REF _Ref12345 \\r \\h ", ["Section 2.1"]), ", the fee applies.")
    loaded = load(b)
    assert lines(loaded) == ["As set out in Section 2.1, the fee applies."]
    assert "REF" not in loaded.text and "_Ref" not in loaded.text


def test_simple_field_shows_its_cached_result() -> None:
    b = DocxBuilder()
    b.paragraph("Page ", SimpleField("PAGE", "3"), " of ", SimpleField("NUMPAGES", "12"))
    assert lines(load(b)) == ["Page 3 of 12"]


def test_field_nested_in_an_instruction_stays_hidden() -> None:
    b = DocxBuilder()
    condition = Field(
        [" IF ", Field(" DOCPROPERTY Client ", ["Acme"]), ' = "Acme" "Sirs" "Madam" '], ["Sirs"]
    )
    b.paragraph("Dear ", condition, ",")
    assert lines(load(b)) == ["Dear Sirs,"]


def test_unterminated_field_does_not_hide_the_following_paragraphs() -> None:
    b = DocxBuilder()
    b.paragraph("Start ", Field(" MERGEFIELD broken ", [], terminated=False))
    b.paragraph("Next paragraph survives")
    assert lines(load(b))[-1] == "Next paragraph survives"


# -- tracked changes ----------------------------------------------------------------------------------------


def test_tracked_insertions_are_kept_and_deletions_dropped() -> None:
    b = DocxBuilder()
    b.paragraph("Untouched clause.")
    b.paragraph("The fee is ", Del(["ten"]), Ins(["twenty"]), " dollars.")
    loaded = load(b)
    assert lines(loaded) == ["Untouched clause.", "The fee is twenty dollars."]
    assert "ten" not in loaded.text
    assert [b.revised for b in loaded.blocks] == [False, True]
    (warning,) = loaded.warnings
    assert warning.code == "unaccepted_revisions"
    assert [(s.start, s.end) for s in warning.spans] == [(loaded.blocks[1].start, loaded.blocks[1].end)]


def test_moved_text_appears_only_at_its_destination() -> None:
    b = DocxBuilder()
    b.paragraph(MoveFrom(["Moved sentence. "]), "Stays.")
    b.paragraph("Other. ", MoveTo(["Moved sentence."]))
    loaded = load(b)
    assert lines(loaded) == ["Stays.", "Other. Moved sentence."]
    assert all(b.revised for b in loaded.blocks)


def test_deleted_paragraph_mark_merges_with_the_next_paragraph() -> None:
    b = DocxBuilder()
    b.paragraph("The Customer shall ", mark_deleted=True)
    b.paragraph("pay within 30 days.")
    loaded = load(b)
    assert lines(loaded) == ["The Customer shall pay within 30 days."]
    assert loaded.blocks[0].revised


def test_fully_deleted_numbered_paragraph_does_not_consume_a_number() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    b.paragraph(Del(["Struck clause."]), num=num, mark_deleted=True)
    b.paragraph("Remaining clause.", num=num)
    b.paragraph("Next clause.", num=num)
    loaded = load(b)
    assert lines(loaded) == ["1.\tRemaining clause.", "2.\tNext clause."]
    assert [b.revised for b in loaded.blocks] == [True, False]


def test_inserted_paragraph_is_numbered_and_marked_revised() -> None:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1.")]))
    b.paragraph("Existing.", num=num)
    b.paragraph(Ins(["New clause."]), num=num, mark_inserted=True)
    loaded = load(b)
    assert lines(loaded) == ["1.\tExisting.", "2.\tNew clause."]
    assert [b.revised for b in loaded.blocks] == [False, True]


def test_formatting_changes_count_as_revisions() -> None:
    b = DocxBuilder()
    b.paragraph("Paragraph format changed.", format_change=True)
    b.paragraph(Run("Run format changed.", bold=True, format_change=True))
    b.paragraph("Clean.")
    loaded = load(b)
    assert lines(loaded) == ["Paragraph format changed.", "Run format changed.", "Clean."]
    assert [b.revised for b in loaded.blocks] == [True, True, False]
    assert len(loaded.warnings[0].spans) == 2


def test_document_without_revisions_has_no_warnings() -> None:
    b = DocxBuilder()
    b.paragraph("Clean text.")
    assert load(b).warnings == []


# -- hostile and broken input -------------------------------------------------------------------------------


def _rezip(data: bytes, replace: dict[str, bytes | None]) -> bytes:
    """A copy of the package with some parts replaced (bytes) or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            if info.filename in replace:
                if replace[info.filename] is not None:
                    dst.writestr(info.filename, replace[info.filename])
            else:
                dst.writestr(info, src.read(info))
        for name, blob in replace.items():
            if name not in src.namelist() and blob is not None:
                dst.writestr(name, blob)
    return out.getvalue()


def _simple_docx() -> bytes:
    b = DocxBuilder()
    b.paragraph("Hello")
    return b.to_bytes()


def _fuzz_base() -> bytes:
    """A small package with numbering, a field and a revision, to damage."""
    b, _ = outline_builder()
    b.paragraph("Scope", style="Heading1")
    b.paragraph("See ", Field(" REF x ", ["Section 1"]), Ins(["new"]), Del(["old"]), style="Heading2")
    return b.to_bytes()


_FUZZ_BASE = _fuzz_base()


def test_zip_bomb_declaring_gigabytes_is_refused_from_the_central_directory() -> None:
    data = bytearray(_simple_docx())
    # rewrite word/document.xml's uncompressed size in the central directory to ~4 GB
    name = b"word/document.xml"
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == name:
            struct.pack_into("<I", data, pos + 24, 0xF0000000)
        pos = data.find(b"PK\x01\x02", pos + 4)
    started = time.perf_counter()
    with pytest.raises(DocumentTooLargeError, match="max_docx_uncompressed"):
        load_docx(bytes(data), OPTIONS, "bomb.docx")
    assert time.perf_counter() - started < 1.0


def _under_declared_bomb(inflated: int) -> bytes:
    """A package whose document.xml inflates to ``inflated`` bytes but declares 200,000 in both ZIP headers."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = b'<?xml version="1.0"?><w:document xmlns:w="x"><w:body>'
    chunks = [compressor.compress(head)]
    block = b" " * (1024 * 1024)
    chunks += [compressor.compress(block) for _ in range(inflated // len(block))]
    chunks.append(compressor.flush())
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", b"<Types/>")
        info = zipfile.ZipInfo("word/document.xml")
        info.compress_type = zipfile.ZIP_DEFLATED
        zf.writestr(info, b"placeholder")
    data = bytearray(out.getvalue())
    # splice the raw deflate stream in place of the placeholder's, and lie about the sizes
    local = data.rfind(b"PK\x03\x04", 0, data.find(b"word/document.xml"))
    name_len, extra_len = struct.unpack_from("<HH", data, local + 26)
    old_size = struct.unpack_from("<I", data, local + 18)[0]
    start = local + 30 + name_len + extra_len
    raw = b"".join(chunks)
    data[start : start + old_size] = raw
    struct.pack_into("<II", data, local + 18, len(raw), 200_000)
    central = data.find(b"PK\x01\x02", start + len(raw))
    while central >= 0:
        n = struct.unpack_from("<H", data, central + 28)[0]
        if bytes(data[central + 46 : central + 46 + n]) == b"word/document.xml":
            struct.pack_into("<II", data, central + 20, len(raw), 200_000)
        else:
            offset = struct.unpack_from("<I", data, central + 42)[0]
            if offset > local:
                struct.pack_into("<I", data, central + 42, offset + len(raw) - old_size)
        central = data.find(b"PK\x01\x02", central + 4)
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset = struct.unpack_from("<I", data, eocd + 16)[0]
    struct.pack_into("<I", data, eocd + 16, cd_offset + len(raw) - old_size)
    return bytes(data)


def test_part_that_under_declares_its_size_is_never_inflated_in_full() -> None:
    bomb = _under_declared_bomb(64 * 1024 * 1024)
    tracemalloc.start()
    try:
        with pytest.raises(CorruptDocumentError):
            load_docx(bomb, OPTIONS, "liar.docx")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 16 * 1024 * 1024, f"peak {peak:,} bytes"


def test_highly_compressed_part_is_refused_by_ratio() -> None:
    data = _rezip(_simple_docx(), {"word/media/padding.bin": b"\0" * (8 * 1024 * 1024)})
    with pytest.raises(DocumentTooLargeError, match="max_docx_ratio"):
        load_docx(data, OPTIONS, "ratio.docx")


def test_total_uncompressed_limit_is_configurable() -> None:
    data = _simple_docx()
    with pytest.raises(DocumentTooLargeError, match="max_docx_uncompressed"):
        load_docx(data, ParseOptions(max_docx_uncompressed=1000), "small-limit.docx")


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
<w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"""

XXE_HEADER = b"""<?xml version="1.0"?>
<!DOCTYPE hdr [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<w:hdr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:hdr>"""


def test_entity_declarations_in_the_body_are_refused() -> None:
    data = _rezip(_simple_docx(), {"word/document.xml": BILLION_LAUGHS})
    with pytest.raises(CorruptDocumentError, match="entit"):
        load_docx(data, OPTIONS, "laughs.docx")


def test_external_entity_in_any_part_is_refused() -> None:
    data = _rezip(_simple_docx(), {"word/header9.xml": XXE_HEADER})
    with pytest.raises(CorruptDocumentError, match="header9.xml"):
        load_docx(data, OPTIONS, "xxe.docx")


def test_missing_document_part_is_a_corrupt_document() -> None:
    data = _rezip(_simple_docx(), {"word/document.xml": None})
    with pytest.raises(CorruptDocumentError, match="document.xml"):
        load_docx(data, OPTIONS, "empty.docx")


def test_malformed_xml_is_a_corrupt_document() -> None:
    data = _rezip(_simple_docx(), {"word/document.xml": b"<w:document xmlns:w='x'><w:body><w:p>"})
    with pytest.raises(CorruptDocumentError, match="not well-formed"):
        load_docx(data, OPTIONS, "broken.docx")


def test_damaged_zip_is_a_corrupt_document() -> None:
    data = _simple_docx()
    with pytest.raises(CorruptDocumentError):
        load_docx(data[: len(data) // 2], OPTIONS, "truncated.docx")


@pytest.mark.parametrize("blob", [b"", b"PK\x03\x04not a zip", b"\x00" * 100])
def test_garbage_raises_only_library_errors(blob: bytes) -> None:
    with pytest.raises(LeverageLensError):
        load_docx(blob, OPTIONS, "garbage.docx")


def test_zip_with_too_many_members_is_refused_before_listing_them() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr("word/document.xml", b"<x/>")
        for i in range(20_001):
            zf.writestr(f"m/{i}", b"")
    with pytest.raises(DocumentTooLargeError, match="members"):
        load_docx(out.getvalue(), OPTIONS, "many.docx")


def test_strict_ooxml_namespace_reads_like_transitional() -> None:
    b = DocxBuilder()
    b.paragraph("Strict ", Run("text", bold=True))
    data = b.to_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        body = zf.read("word/document.xml")
    strict = body.replace(
        b"http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        b"http://purl.oclc.org/ooxml/wordprocessingml/main",
    )
    assert lines(load_docx(_rezip(data, {"word/document.xml": strict}), OPTIONS, "strict.docx")) == [
        "Strict text"
    ]


@settings(max_examples=80, deadline=None)
@given(st.data())
def test_damaged_parts_raise_only_library_errors(data: st.DataObject) -> None:
    """Byte flips in the container or inside an XML part (re-zipped with a valid CRC) never leak
    zipfile/lxml/KeyError exceptions: each load succeeds or raises a LeverageLensError."""
    part = data.draw(
        st.sampled_from(
            [
                "<package>",
                "word/document.xml",
                "word/numbering.xml",
                "word/_rels/document.xml.rels",
                "[Content_Types].xml",
            ]
        )
    )
    with zipfile.ZipFile(io.BytesIO(_FUZZ_BASE)) as zf:
        blob = bytearray(_FUZZ_BASE if part == "<package>" else zf.read(part))
    for _ in range(data.draw(st.integers(1, 6))):
        blob[data.draw(st.integers(0, len(blob) - 1))] = data.draw(st.sampled_from(b'<>/&"=:wx0 \x00\xff'))
    package = bytes(blob) if part == "<package>" else _rezip(_FUZZ_BASE, {part: bytes(blob)})
    try:
        load_docx(package, OPTIONS, "fuzzed.docx")
    except LeverageLensError:
        pass


def test_docx_loads_through_the_public_loader_entry_point() -> None:
    b, _ = outline_builder()
    b.paragraph("Scope", style="Heading1")
    result = load_source(b.to_bytes(), format="docx", options=OPTIONS)
    assert result.loaded.text == "1.\tScope"


def test_thirty_page_document_loads_quickly() -> None:
    b, _ = outline_builder()
    sentence = "The Provider shall perform the Services with reasonable skill and care. "
    for article in range(15):
        b.paragraph(f"Article heading {article}", style="Heading1")
        for _ in range(6):
            b.paragraph(Run("Defined Term.", bold=True), " ", *[sentence] * 10, style="Heading2")
            b.paragraph(sentence, Run("{placeholder}"), " ", sentence, style="Heading3")
    data = b.to_bytes()
    load_docx(data, OPTIONS, "warm-up.docx")
    started = time.perf_counter()
    loaded = load_docx(data, OPTIONS, "long.docx")
    elapsed = time.perf_counter() - started
    assert len(loaded.blocks) == 15 * 13
    assert len(loaded.text) > 75_000  # 12,000 words: about 30 pages of contract text
    assert elapsed < 0.25, f"{elapsed * 1000:.0f} ms"  # ~20 ms here; generous for shared CI
