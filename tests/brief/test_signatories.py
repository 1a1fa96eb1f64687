"""Signatories in the brief (leverage_lens/brief/signatories.py): who signs for whom, from the signature
blocks the parties stage reads, shown in every view."""

from __future__ import annotations

import pytest

from leverage_lens import Report, analyze, parse_text
from leverage_lens.report.brief_view import brief_text

SIGNED = """\
CONSULTING AGREEMENT

This Consulting Agreement is made as of June 1, 2022 by and between Harbor Labs, Inc., a Delaware corporation \
("Company"), and Ridge Partners LLC, a New York limited liability company ("Consultant").

1. Services. Consultant shall provide the services described in Exhibit A.

2. Governing Law. This Agreement is governed by the laws of the State of New York.

IN WITNESS WHEREOF, the parties have executed this Agreement as of the date first written above.

HARBOR LABS, INC.
By: /s/ Priya Natarajan
Name: Priya Natarajan
Title: Chief Financial Officer

RIDGE PARTNERS LLC
By: ______________________
Name: ____________________
Title: ___________________
"""


@pytest.fixture(scope="module")
def signed() -> Report:
    return analyze(parse_text(SIGNED, name="signed.txt"))


def test_signatory_is_placed_under_the_party_it_signs_for(signed: Report) -> None:
    brief = signed.summary.brief
    assert brief is not None
    harbor = next(p for p in signed.parties if p.name.startswith("Harbor"))
    (sig,) = [t for t in brief.signatories if t.party == harbor.id]
    assert sig.kind == "signatory"
    assert sig.value == "Priya Natarajan"
    assert sig.detail == "Chief Financial Officer"
    assert signed.document.text[sig.start:sig.end] == sig.text == "Priya Natarajan"


def test_blank_signature_block_names_no_one(signed: Report) -> None:
    brief = signed.summary.brief
    assert brief is not None
    ridge = next(p for p in signed.parties if p.name.startswith("Ridge"))
    assert [t for t in brief.signatories if t.party == ridge.id] == []
    assert all(t.value for t in brief.signatories)


def test_signatories_are_key_terms_of_the_brief(signed: Report) -> None:
    brief = signed.summary.brief
    assert brief is not None
    assert [t for t in brief.terms() if t.kind == "signatory"] == brief.signatories


def test_views_say_who_signs_for_whom(signed: Report) -> None:
    line = "Priya Natarajan, Chief Financial Officer, for Harbor Labs, Inc."
    assert line in brief_text(signed)
    assert line in signed.to_markdown()
    assert line in signed.to_html()


def test_old_reports_without_signatories_still_load(signed: Report) -> None:
    data = signed.model_dump(mode="json")
    del data["summary"]["brief"]["signatories"]
    again = Report.model_validate(data)
    assert again.summary.brief is not None and again.summary.brief.signatories == []


SIDE_BY_SIDE = SIGNED.split("HARBOR LABS, INC.\nBy:")[0] + """\
HARBOR LABS, INC.                  RIDGE PARTNERS LLC
By: /s/ Priya Natarajan            By: /s/ Tom Ridge
Name: Priya Natarajan              Name: Tom Ridge
Title: Chief Financial Officer     Title: Managing Member
"""


def test_a_printed_name_signs_for_one_party_only() -> None:
    brief = analyze(parse_text(SIDE_BY_SIDE, name="side.txt")).summary.brief
    assert brief is not None
    names = [(s.value, s.party) for s in brief.signatories]
    assert len({start for start in (s.start for s in brief.signatories)}) == len(names)
    assert [n for n, _ in names].count("Priya Natarajan") <= 1
