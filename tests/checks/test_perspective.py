"""Reading a report as one party: against_reader and the leverage scorecard."""

from __future__ import annotations

import pytest

import leverage_lens
from leverage_lens.errors import InvalidOptionError

TEXT = ('This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer").\n\n'
        "1. Termination. Supplier may terminate this Agreement for convenience on 30 days notice.\n\n"
        "2. Indemnity. Customer shall indemnify Supplier from all claims.\n")


def test_findings_say_whom_they_favour_without_a_perspective():
    report = leverage_lens.analyze(leverage_lens.parse_text(TEXT))
    supplier = next(p.id for p in report.parties if p.role == "Supplier")
    one_sided = [f for f in report.findings if f.kind == "one_sided"]
    assert {f.rule for f in one_sided} >= {"one_sided.termination_for_convenience", "one_sided.indemnity"}
    assert all(f.favors == supplier and f.against_reader is None for f in one_sided)


def test_perspective_by_role_marks_findings_against_the_reader():
    report = leverage_lens.analyze(leverage_lens.parse_text(TEXT), perspective="customer")
    customer = next(p.id for p in report.parties if p.role == "Customer")
    assert report.summary.perspective == customer
    assert all(f.against_reader is True for f in report.findings if f.favors)
    card = report.summary.scorecard
    assert card["termination"].reader_position == "behind"
    assert card["liability"].leader != customer


def test_perspective_by_name_finds_the_same_party():
    by_name = leverage_lens.analyze(leverage_lens.parse_text(TEXT), perspective="Beta LLC")
    by_role = leverage_lens.analyze(leverage_lens.parse_text(TEXT), perspective="Customer")
    assert by_name.summary.perspective == by_role.summary.perspective


def test_unknown_perspective_is_a_typed_error_naming_the_parties():
    with pytest.raises(InvalidOptionError, match="Acme Inc."):
        leverage_lens.analyze(leverage_lens.parse_text(TEXT), perspective="Gamma")


def test_an_exact_alias_wins_over_a_longer_name_that_holds_the_word():
    from leverage_lens.checks.perspective import resolve_reader
    from leverage_lens.model import Party

    parties = [Party(id="party-1", name="City of Fort Stockton, Texas and STW Resources Holding Corp."),
               Party(id="party-2", name="STW Resources Holding Corp.", aliases=["STW"])]
    assert resolve_reader("STW", parties) == "party-2"
    assert resolve_reader("stw resources holding corp", parties) == "party-2"
