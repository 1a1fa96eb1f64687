"""Parse health gates the drafting rules that trust the parse (issue 14)."""

from __future__ import annotations

import leverage_lens
from leverage_lens.analysis import Analysis
from leverage_lens.checks import Registry
from leverage_lens.checks.ambiguity._health import numbering_health, uncertain


def _run(text: str, *rule_ids: str) -> tuple[Analysis, list]:
    ctx = Analysis.build(leverage_lens.parse_text(text))
    reg = Registry()
    return ctx, [f for rid in rule_ids for f in reg.get(rid).run(ctx)]


def test_references_are_not_checked_when_most_referenced_sections_are_not_parsed():
    # Nested Markdown-style lists: the segmenter sees no 4.1 or 6.2, yet the text refers to them throughout.
    body = "\n".join(f"    1. Item {i} of the list applies as stated in Section {i}.{i % 3 + 1}." for i in range(4, 12))
    text = f"# Services Agreement\n\n1. Services\n\n{body}\n\n2. Fees\n\n    1. Fees are due monthly.\n\n3. Law\n"
    ctx, found = _run(text, "ambiguity.xref_missing_section", "ambiguity.numbering_duplicated")
    assert found == []
    assert not numbering_health(ctx).recognised
    (w,) = [w for w in ctx.warnings if w.code == "numbering_unrecognised"]
    assert "ambiguity.xref_missing_section" in w.message and "ambiguity.numbering_duplicated" in w.message


def test_one_missing_reference_in_a_well_numbered_contract_is_still_reported():
    text = ("1. Term. One year, as set out in Section 2.\n\n2. Fees. Customer pays as set out in Section 3.\n\n"
            "3. Law. New York law, subject to Section 14.\n\n4. Notices. In writing.")
    ctx, found = _run(text, "ambiguity.xref_missing_section")
    assert [f.quote for f in found] == ["Section 14"]
    assert not [w for w in ctx.warnings if w.code == "numbering_unrecognised"]


def test_the_warning_is_written_once_per_document_even_when_rules_run_twice():
    text = "Customer pays as set out in Section 7, Section 8 and Section 9."
    ctx, _ = _run(text, "ambiguity.xref_missing_section", "ambiguity.xref_missing_section")
    assert len([w for w in ctx.warnings if w.code == "numbering_unrecognised"]) == 1


def test_table_of_contents_running_footer_and_redaction_notice_are_uncertain():
    text = ("TABLE OF CONTENTS\n\n1. Definitions ........ 1\n2. Fees ........ 3\n3. Term ........ 4\n\n"
            "1. Definitions. Words have their meaning.\n\nSource: ACME CORP, 10-K, 3/3/2017\n\n"
            "2. Fees. Customer pays.\n\nSource: ACME CORP, 10-K, 3/3/2017\n\n3. Term. One year.\n\n"
            "Source: ACME CORP, 10-K, 3/3/2017\n\n[***] indicates material that has been omitted and filed "
            "separately with the Commission.")
    ctx = Analysis.build(leverage_lens.parse_text(text))
    u = uncertain(ctx)
    assert text.index("2. Fees ....") in u.toc
    assert text.index("Source:") in u.furniture
    assert text.index("indicates material") in u.redaction
    assert text.index("Customer pays") not in u


def test_a_table_of_contents_does_not_make_the_numbering_look_duplicated():
    toc = "TABLE OF CONTENTS\n\n" + "\n".join(f"{i}. Heading {i} ........ {i + 1}" for i in range(1, 6))
    body = "\n\n".join(f"{i}. Heading {i}. The parties agree to clause {i} terms in full." for i in range(1, 6))
    _, found = _run(toc + "\n\n" + body, "ambiguity.numbering_duplicated", "ambiguity.numbering_skipped")
    assert found == []
