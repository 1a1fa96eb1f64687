"""The term as arithmetic and key terms never read from placeholders (leverage_lens/brief/term.py, law.py,
terms.py)."""

from __future__ import annotations

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.brief.law import jurisdiction_code, jurisdiction_name
from leverage_lens.model import Brief

_HEAD = ('AGREEMENT\n\nThis Agreement is made as of January 15, 2021 (the "Effective Date") between Acme Corp. '
         '("Provider") and Beta LLC ("Customer").\n\n1. TERM\n\n1.1 ')


def _brief(body: str) -> Brief:
    brief = analyze(parse_text(_HEAD + body + "\n", name="t.txt"), as_of="2021-02-01").summary.brief
    assert brief is not None
    return brief


@pytest.mark.parametrize(("body", "kind", "ends"), [
    ("The initial term is two (2) years from the Effective Date.", "fixed", "2023-01-15"),
    ("The term of this Agreement is twenty-four (24) months.", "fixed", "2023-01-15"),
    ("This Agreement shall continue until the fifth (5th) anniversary of the Effective Date.", "fixed", "2026-01-15"),
    ("This Agreement commences on the Effective Date and expires on December 31, 2023.", "fixed", "2023-12-31"),
    ("This Agreement shall continue in full force and effect until terminated by either party.", "until_terminated",
     None),
    ("This Agreement shall remain in effect in perpetuity.", "perpetual", None),
    ("This Agreement shall be co-terminous with the Master Services Agreement.", "coterminous", None),
    ("This Agreement shall remain in effect until the expiration of the last Royalty Term.", "until_event", None),
])
def test_the_term_is_read_as_arithmetic_or_said_as_open_ended(body: str, kind: str, ends: str | None) -> None:
    term = _brief(body).term
    assert term is not None and term.kind == kind and term.ends == ends
    assert term.steps and term.text in _HEAD + body
    if kind == "coterminous":
        assert term.linked_to == "the Master Services Agreement"


def test_a_computed_expiry_shows_its_arithmetic() -> None:
    brief = _brief("This Agreement commences on the Effective Date and continues for an initial term of three (3) "
                   "years.")
    assert brief.expiration_date is not None and brief.expiration_date.value == "2024-01-15"
    assert brief.term is not None and brief.term.ends_basis == "computed"
    assert "2021-01-15 + 3 years = 2024-01-15" in brief.term.steps[-1]


@pytest.mark.parametrize("law", ["[Governing Law Jurisdiction]", "{governing_law}", "[insert state]"])
def test_governing_law_is_left_blank_on_a_placeholder(law: str) -> None:
    text = (f"SAFE\n\n1. Miscellaneous\n\n(f) All rights and obligations hereunder will be governed by the laws of "
            f"the State of {law}, without regard to the conflicts of law provisions of such jurisdiction.\n")
    brief = analyze(parse_text(text, name="safe.txt")).summary.brief
    assert brief is not None and brief.governing_law is not None
    assert brief.governing_law.value is None and brief.governing_law.detail == "left blank"


def test_a_forum_placeholder_is_left_blank_and_never_read_as_a_party() -> None:
    text = ("NDA\n\nJurisdiction\nThe state and federal courts located in {jurisdiction}.\n\n"
            "12. Disputes. Any dispute shall be heard in the jurisdiction of the Company.\n")
    brief = analyze(parse_text(text, name="cp.txt")).summary.brief
    assert brief is not None
    assert brief.forum is None or brief.forum.value is None


@pytest.mark.parametrize(("raw", "name", "code"), [
    ("the State of New York", "New York", "US-NY"), ("the state of Delaware", "Delaware", "US-DE"),
    ("the Province of Ontario, Canada", "Ontario", "CA-ON"), ("England and Wales", "England and Wales", "GB-EAW"),
    ("English", "England", "GB-ENG"), ("PRC", "People's Republic of China", "CN"), ("Japan", "Japan", "JP"),
    ("the Commonwealth of Massachusetts", "Massachusetts", "US-MA"),
])
def test_jurisdictions_are_named_and_coded(raw: str, name: str, code: str) -> None:
    assert jurisdiction_name(raw) == name
    assert jurisdiction_code(name) == code


@pytest.mark.parametrize(("sentence", "name"), [
    ("This Agreement is governed by English law.", "England"),
    ("This Agreement shall be governed by the laws of the state of Florida.", "Florida"),
    ("This Agreement shall be construed in accordance with the laws of that State applicable to agreements made in "
     "the State of New Jersey.", "New Jersey"),
    ("The execution, validity and enforcement of this Agreement shall be governed by PRC Laws.",
     "People's Republic of China"),
    ("This Agreement shall be governed by the laws of the United States and, to the extent not inconsistent, by "
     "the laws of the Commonwealth of Kentucky.", "Kentucky"),
])
def test_governing_law_is_read_in_the_ways_contracts_say_it(sentence: str, name: str) -> None:
    brief = analyze(parse_text(f"AGREEMENT\n\n9. GOVERNING LAW\n\n9.1 {sentence}\n", name="l.txt")).summary.brief
    assert brief is not None and brief.governing_law is not None and brief.governing_law.value == name
