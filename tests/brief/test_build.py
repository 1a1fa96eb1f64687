"""The negotiation brief built by ``analyze`` (leverage_lens/brief/): key terms with their clauses, the last
day to stop a renewal, and the issues to raise in order."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from leverage_lens import Report, analyze, parse_text
from leverage_lens.brief.build import issue_weight
from leverage_lens.brief import issues_to_raise
from leverage_lens.model import Finding, Severity

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"

DATED_CONTRACT = """\
SUPPLY AGREEMENT

This Supply Agreement is made and entered into as of March 1, 2021 (the "Effective Date") by and between Acme \
Corp., a Delaware corporation ("Supplier"), and Beta LLC, a Texas limited liability company ("Buyer").

1. TERM AND RENEWAL

1.1 Initial Term. This Agreement commences on the Effective Date and continues for an initial term of two (2) \
years.

1.2 Renewal. This Agreement renews automatically for successive one (1) year periods unless either party gives \
written notice of non-renewal at least sixty (60) days before the end of the then-current term.

2. PAYMENT

2.1 Invoices. Buyer shall pay each invoice within forty-five (45) days after receipt.

3. GOVERNING LAW

3.1 Governing Law. This Agreement is governed by the laws of the State of New York, without regard to its \
conflict of laws rules.
"""


@pytest.fixture(scope="module")
def msa() -> Report:
    return analyze(MSA, perspective="Customer")


@pytest.fixture(scope="module")
def dated() -> Report:
    return analyze(parse_text(DATED_CONTRACT, name="dated.txt"))


def test_brief_picks_the_governing_law_clause_of_the_example_contract(msa: Report) -> None:
    brief = msa.summary.brief
    assert brief is not None and brief.governing_law is not None
    law = brief.governing_law
    assert law.value == "Delaware"
    assert law.clause_id == "12.1"
    assert law.text == msa.document.text[law.start:law.end]
    assert "governed by the laws of the State of Delaware" in law.text


def test_every_key_term_quotes_the_text_at_its_offsets_inside_its_clause(msa: Report) -> None:
    brief = msa.summary.brief
    assert brief is not None
    clauses = {c.id: c for c in msa.document.clauses}
    terms = brief.terms()
    assert len(terms) >= 10
    for t in terms:
        assert t.text == msa.document.text[t.start:t.end]
        assert t.clause_id in clauses, t
        c = clauses[t.clause_id]
        assert c.start <= t.start and t.end <= c.end, t


def test_example_brief_reads_term_renewal_and_rights(msa: Report) -> None:
    brief = msa.summary.brief
    assert brief is not None
    assert brief.initial_term is not None and brief.initial_term.value == "P3Y"
    assert brief.renewal is not None and brief.renewal.automatic
    assert brief.renewal.term.value == "P1Y"
    # "no fewer than ninety (90) and no more than one hundred twenty (120) days": the deadline is set by 90
    assert brief.renewal.notice is not None and brief.renewal.notice.value == "P90D"
    # "[insert date]": said to be left blank, never read as a value, so no date can be computed from it
    assert brief.effective_date is not None and brief.effective_date.value is None
    assert brief.effective_date.detail == "left blank" and brief.effective_date.text == "[insert date]"
    assert brief.renewal.last_notice_day is None
    provider = next(p.id for p in msa.parties if p.role == "Provider")
    convenience = [t for t in brief.termination if t.detail == "convenience"]
    assert [(t.party, t.value, t.clause_id) for t in convenience] == [(provider, "P60D", "5.1")]
    assert {t.detail for t in brief.termination if t.party == "either"} >= {"cause", "insolvency"}
    assert [t.value for t in brief.payment_terms][:1] == ["P30D"]
    assert {t.kind for t in brief.liability} == {"liability_cap", "liability_exclusion"}
    assert {t.kind for t in brief.exclusivity} >= {"exclusivity", "non_solicit"}


def test_last_notice_day_is_computed_from_effective_date_term_and_notice(dated: Report) -> None:
    brief = dated.summary.brief
    assert brief is not None
    assert brief.agreement_date is not None and brief.agreement_date.value == "2021-03-01"
    assert brief.effective_date is not None and brief.effective_date.value == "2021-03-01"
    assert brief.initial_term is not None and brief.initial_term.value == "P2Y"
    renewal = brief.renewal
    assert renewal is not None and renewal.automatic and renewal.term.value == "P1Y"
    assert renewal.notice is not None and renewal.notice.value == "P60D"
    end = dt.date(2023, 3, 1)  # two years from March 1, 2021
    assert renewal.first_term_end == end.isoformat()
    assert renewal.last_notice_day == (end - dt.timedelta(days=60)).isoformat()
    assert brief.expiration_date is not None and brief.expiration_date.value == end.isoformat()
    assert brief.expiration_date.detail == "computed"
    assert brief.governing_law is not None and brief.governing_law.value == "New York"
    assert [t.value for t in brief.payment_terms] == ["P45D"]


def test_a_blank_date_gives_no_deadline() -> None:
    text = DATED_CONTRACT.replace("March 1, 2021", "_________, 2021")
    brief = analyze(parse_text(text)).summary.brief
    assert brief is not None
    assert brief.agreement_date is not None and brief.agreement_date.value is None
    assert brief.renewal is not None and brief.renewal.last_notice_day is None


def _finding(fid: str, severity: Severity, start: int, against: bool | None, kind: str = "one_sided") -> Finding:
    return Finding(id=fid, kind=kind, rule=f"r.{fid}", severity=severity, start=start, end=start + 1, quote="x",
                   message=f"m {fid}", suggestion=f"ask {fid}", against_reader=against)  # type: ignore[arg-type]


def test_issues_are_ranked_against_the_reader_first_then_by_severity() -> None:
    findings = [
        _finding("a", Severity.CRITICAL, 50, False),
        _finding("b", Severity.LOW, 10, True),
        _finding("c", Severity.HIGH, 40, True),
        _finding("d", Severity.HIGH, 5, True),
        _finding("e", Severity.MEDIUM, 1, None),
        _finding("f", Severity.LOW, 2, None, kind="ambiguity"),  # low drafting nit: not a negotiation issue
    ]
    ranked = issues_to_raise(findings, reader="party-2")
    assert [i.finding_id for i in ranked] == ["d", "c", "b", "a", "e"]
    assert [i.ask for i in ranked] == [f"ask {x}" for x in "dcbae"]
    unread = issues_to_raise(findings, reader=None)
    assert [i.finding_id for i in unread] == ["a", "d", "c", "e", "b"]


def test_example_issues_put_findings_against_the_reader_first(msa: Report) -> None:
    brief = msa.summary.brief
    assert brief is not None and brief.issues_to_raise
    flags = [bool(i.against_reader) for i in brief.issues_to_raise]
    assert flags == sorted(flags, reverse=True)
    assert any(flags) and not all(flags)
    for group in (True, False):
        found = {f.id: f for f in msa.findings}
        weights = [issue_weight(found[i.finding_id]) for i in brief.issues_to_raise
                   if bool(i.against_reader) is group]
        assert weights == sorted(weights, reverse=True)  # heaviest first: docs/ledger.md
    by_id = {f.id: f for f in msa.findings}
    assert all(i.ask == by_id[i.finding_id].suggestion for i in brief.issues_to_raise)


def test_brief_survives_a_json_round_trip(msa: Report) -> None:
    again = Report.model_validate_json(msa.to_json())
    assert again.summary.brief == msa.summary.brief
