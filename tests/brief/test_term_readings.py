"""More ways contracts state their term and renewal (leverage_lens/brief/term.py, renewal.py): the anniversary
of the agreement's date, a start said as "comes into force", a length named as the Initial Term, terms tied to
an event, renewal options held by one party, tacit renewals and renewals with no period, and a governing law
the filer redacted."""

from __future__ import annotations

import datetime as dt

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.enrich.periods import find_dates
from leverage_lens.model import Brief

_HEAD = ('AGREEMENT\n\nThis Agreement is made as of January 15, 2021 (the "Effective Date") between Acme Corp. '
         '("Provider") and Beta LLC ("Customer").\n\n1. TERM\n\n1.1 ')


def _brief(body: str) -> Brief:
    brief = analyze(parse_text(_HEAD + body + "\n", name="t.txt"), as_of="2021-02-01").summary.brief
    assert brief is not None
    return brief


@pytest.mark.parametrize(("body", "length", "ends"), [
    # the anniversary of the agreement's date, not of the day the term begins
    ("The term of this Agreement will begin on February 1, 2021 and end on the first anniversary of the date of "
     "this Agreement.", "P1Y", "2022-01-15"),
    # a start said as coming into force
    ("This Agreement shall come into force as of March 1, 2021 and remain valid for 1 year.", "P1Y", "2022-03-01"),
    # a length named as the Initial Term, though the sentence says "extend" and "thereafter"
    ('This Agreement shall commence on the Effective Date and shall extend for a period of five (5) years '
     'thereafter ("Initial Term"), unless extended by mutual written agreement of the parties.', "P5Y", "2026-01-15"),
    # "the four-year anniversary"
    ("This Agreement shall commence on the Effective Date and shall continue until the four-year anniversary of "
     "the Effective Date.", "P4Y", "2025-01-15"),
    # "the entire four (4) year term"
    ("This Agreement shall continue for the entire four (4) year term unless earlier terminated pursuant to "
     "Section 8.", "P4Y", "2025-01-15"),
])
def test_the_end_of_the_term_is_computed_as_the_contract_says_it(body: str, length: str, ends: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.ends == ends
    assert brief.term.length == length
    assert brief.expiration_date is not None and brief.expiration_date.value == ends


def test_a_definition_of_another_word_is_not_the_term() -> None:
    brief = _brief('"Calendar Quarter" means each period of three (3) consecutive calendar months, the first of which '
                   'begins on the first day of the Term. The term of this Agreement is five (5) years.')
    assert brief.term is not None and brief.term.length == "P5Y" and brief.term.ends == "2026-01-15"


@pytest.mark.parametrize(("body", "linked"), [
    ("This Agreement shall continue until the expiration or earlier termination of the License Agreement.",
     "expiration or earlier termination of the License Agreement"),
    ("This Agreement shall remain in full force and effect for so long as Beta LLC, or any of its Affiliates, "
     "remains a shareholder of the Company.", "so long as Beta LLC, or any of its Affiliates, remains a shareholder "
     "of the Company"),
])
def test_a_term_tied_to_an_event_has_no_fixed_end(body: str, linked: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.kind == "until_event"
    assert brief.term.linked_to == linked and brief.term.ends is None
    assert brief.expiration_date is None


def test_so_long_as_outside_the_term_is_no_term() -> None:
    brief = _brief("The term of this Agreement is two (2) years. If any provision is held invalid, the remaining "
                   "provisions remain valid so long as the economic substance is not affected.")
    assert brief.term is not None and brief.term.kind == "fixed" and brief.term.ends == "2023-01-15"
    # a severability clause in the term's clause says nothing of the term
    severed = _brief("If any term of this Agreement is held invalid, all other conditions and provisions of this "
                     "Agreement shall nevertheless remain in full force and effect so long as the economic or legal "
                     "substance of the transactions is not affected.")
    assert severed.term is None or severed.term.kind != "until_event"


def test_a_renewal_option_said_with_commas_is_the_partys_option() -> None:
    brief = _brief("The term of this Agreement is three (3) years. At the expiration of the term, Customer may, at "
                   "its option, renew this Agreement for one (1) additional term of two (2) years by giving "
                   "Provider notice in writing of its election to renew at least three (3) months prior to the "
                   "expiration of the term.")
    r = brief.renewal
    assert r is not None and not r.automatic and r.term.detail == "option"
    assert r.term.value == "P2Y" and r.count == 1


def test_a_tacit_renewal_is_automatic() -> None:
    brief = _brief("The term of this Agreement is one (1) year. It is established by calendar year and renewed "
                   "tacitly every year.")
    r = brief.renewal
    assert r is not None and r.automatic and r.term.value == "P1Y"


@pytest.mark.parametrize("body", [
    "This Agreement begins on the Effective Date and, subject to clause 11.2, shall continue for an initial term "
    "of one (1) year (Initial Term) and indefinitely after that until terminated by either party giving at least "
    "twelve (12) months' prior written notice.",
    "This Agreement shall remain in force for ten (10) years after the Effective Date, and shall thereafter "
    "automatically renew for an unlimited period of time unless otherwise terminated in accordance with Section 15.",
])
def test_a_renewal_with_no_period_continues_until_terminated(body: str) -> None:
    brief = _brief(body)
    r = brief.renewal
    assert r is not None and r.automatic and r.until_terminated and r.term.value is None


def test_a_date_written_with_dashes_is_read() -> None:
    text = "entered into as of 12-23-2019 (the Effective Date), Sections 3-4"
    found = [d for d in find_dates(text) if d.value is not None]
    assert [d.value for d in found] == [dt.date(2019, 12, 23)]
    assert text[found[0].start:found[0].end] == "12-23-2019"


@pytest.mark.parametrize("law", ["[***]", "the [* * *]", "the State of ***"])
def test_a_redacted_governing_law_is_said_to_be_redacted(law: str) -> None:
    text = (f"AGREEMENT\n\n12. Governing Law\n\nThis Agreement shall be governed by and construed in accordance with "
            f"the laws of {law}, without regard to its conflicts of law principles. Clinical work follows ICH GCP "
            f"and the laws of the United States.\n")
    brief = analyze(parse_text(text, name="t.txt")).summary.brief
    assert brief is not None and brief.governing_law is not None
    assert brief.governing_law.value is None and brief.governing_law.detail == "redacted"


def test_the_terms_stated_start_is_the_effective_date_when_none_is_stated() -> None:
    head = ('AGREEMENT\n\nThis Agreement is made on December 5, 2007 between Acme Corp. ("Provider") and Beta LLC '
            '("Customer").\n\n1. TERM\n\n1.1 ')
    body = "The term of this Agreement shall begin on January 1, 2008 and continue for one (1) year."
    brief = analyze(parse_text(head + body + "\n", name="t.txt")).summary.brief
    assert brief is not None and brief.agreement_date is not None and brief.agreement_date.value == "2007-12-05"
    assert brief.effective_date is not None and brief.effective_date.value == "2008-01-01"
    assert brief.effective_date.detail == "the start of the term"
    assert brief.expiration_date is not None and brief.expiration_date.value == "2009-01-01"
    # a stated effective date stays the effective date
    stated = _brief("The term of this Agreement shall commence on February 1, 2021 and continue for one (1) year.")
    assert stated.effective_date is not None and stated.effective_date.value == "2021-01-15"


def test_a_forms_example_date_is_nobodys_date() -> None:
    text = ('REPURCHASE AGREEMENT\n\nThe Founder holds shares under the Founder\'s [Reference to the existing '
            'agreement (for example, "Restricted Stock Purchase Agreement dated January 1, 2022")] (the "RSPA").\n\n'
            '1. Repurchase\n\nThe Company repurchases the shares.\n')
    brief = analyze(parse_text(text, name="t.txt")).summary.brief
    assert brief is not None
    assert brief.agreement_date is None or brief.agreement_date.value != "2022-01-01"
    assert brief.effective_date is None or brief.effective_date.value != "2022-01-01"


def test_a_sentence_saying_the_contract_does_not_renew_is_no_renewal() -> None:
    brief = _brief("The term of this Agreement is one (1) year. The second option modifies the Standard Terms such "
                   "that the contract does not automatically renew.")
    assert brief.renewal is None
    kept = _brief("The term of this Agreement is one (1) year and shall automatically renew for successive one (1) "
                  "year periods unless either party gives notice that it will not renew at least thirty (30) days "
                  "before the end of the term.")
    assert kept.renewal is not None and kept.renewal.automatic and kept.renewal.term.value == "P1Y"


def test_the_day_a_term_expires_is_not_its_effective_date() -> None:
    head = ('SERVICES AGREEMENT\n\nThis Agreement is made on the 19th day of December, 2018 between Acme Corp. '
            '("Provider") and Beta LLC ("Customer").\n\n4. TERM\n\n4.1 ')
    body = ('The term of this Agreement (the "Term"), unless sooner terminated as provided herein, shall commence '
            'effective as of the date hereof and shall expire on December 31, 2028.')
    brief = analyze(parse_text(head + body + "\n", name="t.txt")).summary.brief
    assert brief is not None and brief.effective_date is not None
    assert brief.effective_date.value == "2018-12-19"
    assert brief.expiration_date is not None and brief.expiration_date.value == "2028-12-31"


def test_a_length_before_the_word_of_renewal_is_not_the_renewal_period() -> None:
    brief = _brief("The term of this Agreement is ten (10) years. In the event that the Village is not usable for a "
                   "period of at least thirty (30) days as a result of a casualty, the Term shall automatically be "
                   "extended by the number of days the Village is not usable.")
    assert brief.renewal is None or brief.renewal.term.value != "P30D"
    named = _brief("The term of this Agreement is two (2) years, with one (1) year renewal terms thereafter that "
                   "renew automatically unless either party gives notice of non-renewal.")
    assert named.renewal is not None and named.renewal.term.value == "P1Y"


def test_a_definition_of_another_word_is_not_a_renewal() -> None:
    brief = _brief('"Calendar Quarter" means each three (3) month period commencing January 1, April 1, July 1 or '
                   'October 1; provided that the first Calendar Quarter of the Term shall extend from the Effective '
                   'Date to the end of the first full Calendar Quarter thereafter. The term of this Agreement is two '
                   '(2) years.')
    assert brief.renewal is None


@pytest.mark.parametrize("opening", [
    "This Content License Agreement (this \"Agreement\") is entered into by Acme Corp. and Beta LLC in connection "
    "with that certain Share Purchase Agreement dated July 23, 2009 between their parents.",
    "RECITALS A. In connection with a Master Transaction Agreement dated December 11, 2018, Acme Corp. and Beta "
    "LLC enter into this Agreement.",
    "TABLE OF CONTENTS 24.COUNTERPARTS. 22 Source: EL POLLO LOCO HOLDINGS, INC., 10-K, 3/6/2020 This Agreement is "
    "made by Acme Corp. and Beta LLC.",
])
def test_another_instruments_date_or_a_filing_stamp_is_not_the_agreement_date(opening: str) -> None:
    brief = analyze(parse_text(f"AGREEMENT\n\n{opening}\n\n1. Services\n\nAcme Corp. provides the services.\n",
                               name="t.txt")).summary.brief
    assert brief is not None
    assert brief.agreement_date is None or brief.agreement_date.value is None
    own = analyze(parse_text('AGREEMENT\n\nThis Co-Branding Agreement (this "Agreement") dated September 30, 1999 is '
                             'entered into between Acme Corp. and Beta LLC.\n', name="t.txt")).summary.brief
    assert own is not None and own.agreement_date is not None and own.agreement_date.value == "1999-09-30"


def test_the_first_of_march_is_a_date() -> None:
    text = "The Joint Venture shall commence on the 1st of March, 2003, and continue."
    assert [d.value for d in find_dates(text) if d.value] == [dt.date(2003, 3, 1)]


def test_an_effective_date_given_as_a_label_is_read() -> None:
    text = ('SUPPLY AGREEMENT\n\nEffective Date: January 1, 2019\n\nThis Supply Agreement is made by Acme Corp. and '
            'Beta LLC.\n\n1. Supply\n\nAcme Corp. supplies the products.\n')
    brief = analyze(parse_text(text, name="t.txt")).summary.brief
    assert brief is not None and brief.effective_date is not None
    assert brief.effective_date.value == "2019-01-01"


def test_a_term_from_a_blank_signing_date_ends_on_a_blank_day() -> None:
    text = ('FRANCHISE AGREEMENT\n\nThis Agreement is made this ____ day of ___________, 2000 between Acme Corp. and '
            'Beta LLC.\n\n1. TERM\n\nThe term of this Agreement shall be for 10 years commencing on the date of '
            'execution of this Agreement.\n')
    brief = analyze(parse_text(text, name="t.txt")).summary.brief
    assert brief is not None and brief.term is not None and brief.term.ends is None
    assert brief.expiration_date is not None and brief.expiration_date.detail == "left blank"
