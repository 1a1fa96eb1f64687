"""``compare()``: what the change does (findings, key terms, definitions, references, leverage) and the model."""

from __future__ import annotations

import json

import pytest

import leverage_lens
from leverage_lens import parse_text
from leverage_lens.comparison import COMPARISON_SCHEMA_VERSION, Comparison, compare_reports
from leverage_lens.comparison.leverage import Entry, entries_of
from leverage_lens.errors import InvalidOptionError
from leverage_lens.model import Ledger, Report

from ._contracts import NEW, OLD


def test_compare_is_exported_and_accepts_texts_documents_and_reports(old_report: Report) -> None:
    assert "compare" in leverage_lens.__all__ and "Comparison" in leverage_lens.__all__
    from_docs = leverage_lens.compare(parse_text(OLD), parse_text(NEW))
    from_reports = leverage_lens.compare(old_report, parse_text(NEW))
    assert isinstance(from_docs, leverage_lens.Comparison)
    assert [c.status for c in from_docs.clauses] == [c.status for c in from_reports.clauses]


def test_comparison_round_trips_through_json_with_its_schema_version(comparison: Comparison) -> None:
    assert comparison.schema_version == COMPARISON_SCHEMA_VERSION
    again = Comparison.model_validate_json(comparison.to_json())
    assert again == comparison
    assert "leverage" in json.dumps(Comparison.model_json_schema())


def test_inserted_termination_right_is_a_leverage_change_for_provider_against_the_reader(
        comparison: Comparison, new_report: Report) -> None:
    provider = next(p.id for p in new_report.parties if p.role == "Provider")
    top = comparison.leverage[0]
    assert top.favors == provider and top.against_reader is True
    assert top.new_clause == "5.3" and "terminate" in top.new_text
    assert comparison.new_text[top.new_start:top.new_end] == top.new_text
    assert "Acme" in top.summary and "5.3" in top.summary


def test_leverage_changes_are_ranked_heaviest_first(comparison: Comparison) -> None:
    weights = [x.weight for x in comparison.leverage]
    assert weights == sorted(weights, reverse=True)


def test_findings_are_matched_by_rule_and_place_not_offset(comparison: Comparison) -> None:
    # sections 3 and 4 swapped places and everything after the definitions shifted: still no finding
    # "introduced" there except the new termination right
    introduced = {(f.rule, f.new_clause) for f in comparison.findings if f.status == "introduced"}
    assert ("one_sided.termination_for_convenience", "5.3") in introduced
    # a new definition ("Service Credits") that nothing uses is new; payment cut from 30 to 15 days is not a
    # drafting finding in a contract that never counts business days (ambiguity.days_unqualified reports 10 days
    # or less there)
    assert ("ambiguity.term_unused", "1.3") in introduced
    assert not any(clause in ("3.1", "4.1", "4.2") for rule, clause in introduced)


def test_key_term_changes_give_old_and_new_values(comparison: Comparison) -> None:
    terms = {t.kind: t for t in comparison.key_terms}
    assert (terms["governing_law"].old_value, terms["governing_law"].new_value) == ("Delaware", "New York")
    assert (terms["payment_terms"].old_value, terms["payment_terms"].new_value) == ("P30D", "P15D")
    assert terms["termination_right"].status == "added"


def test_defined_terms_added_and_removed(comparison: Comparison) -> None:
    assert {(d.term, d.status) for d in comparison.definitions} == {("Service Credits", "added"),
                                                                    ("Affiliate", "removed")}


def test_reference_left_pointing_at_a_renumbered_section_is_stale(comparison: Comparison) -> None:
    (ref,) = [r for r in comparison.references if r.reason == "stale"]
    assert ref.reference == "Section 3" and ref.now_at == "4" and ref.clause == "5.2"


def test_moved_and_renumbered_clauses_keep_both_numbers(comparison: Comparison) -> None:
    moved = [c for c in comparison.clauses if c.status == "moved"]
    assert ("4.", "3.") in [(c.old[0].number, c.new[0].number) for c in moved]
    assert comparison.summary.renumbered >= 4


def test_unknown_perspective_is_a_typed_error(old_report: Report, new_report: Report) -> None:
    with pytest.raises(InvalidOptionError):
        compare_reports(old_report, new_report, perspective="Nobody Ltd")


def test_ledger_entries_replace_the_obligation_reading_when_a_report_has_a_ledger(old_report: Report) -> None:
    """The adapter reads any ledger with party, role and offsets (Report.ledger lands with issue 13)."""
    provider = next(p.id for p in old_report.parties if p.role == "Provider")

    class WithLedger:
        def __init__(self, report: Report) -> None:
            self._report = report
            self.ledger = [{"holder": provider, "role": "right", "family": "termination", "category": "x",
                            "start": 5, "end": 20, "text": "ledger right"},
                           {"party": "each", "role": "burden", "start": 0, "end": 4}]  # mutual: not an entry

        def __getattr__(self, name: str) -> object:
            return getattr(self._report, name)

    entries = entries_of(WithLedger(old_report))  # type: ignore[arg-type]
    ledger = [e for e in entries if e.source == "ledger"]
    assert ledger == [Entry(party=provider, role="right", source="ledger", start=5, end=20, text="ledger right",
                            family="termination", category="x")]
    assert not any(e.source == "obligation" for e in entries)
    no_ledger = old_report.model_copy(update={"ledger": Ledger()})  # a report read before the ledger existed
    assert any(e.source == "obligation" for e in entries_of(no_ledger))


def test_leverage_reads_the_reports_ledger_when_it_has_entries(comparison: Comparison, new_report: Report) -> None:
    """Report.ledger (issue 13): the new termination right is a ledger entry, read with its holder."""
    assert new_report.ledger.entries
    from_ledger = [x for x in comparison.leverage if x.source == "ledger"]
    assert from_ledger and from_ledger[0].effect == "gains_right" and from_ledger[0].new_clause == "5.3"
    assert not any(x.source == "obligation" for x in comparison.leverage)
