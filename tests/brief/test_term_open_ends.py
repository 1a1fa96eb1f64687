"""Round 4 of the term reader (issue 15): perpetual terms said of the agreement only, "until terminated" stated
outside a Term clause, renewal sentences that are not the initial term, survival and look-back periods that
are not the term, terms counted from an event the contract dates elsewhere, and month-end expiries."""

from __future__ import annotations

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.model import Brief

_HEAD = ('AGREEMENT\n\nThis Agreement is made as of January 15, 2021 (the "Effective Date") between Acme Corp. '
         '("Provider") and Beta LLC ("Customer").\n\n1. SERVICES\n\nProvider shall provide the services.\n\n'
         '2. GENERAL\n\n2.1 ')


def _brief(body: str) -> Brief:
    brief = analyze(parse_text(_HEAD + body + "\n", name="t.txt"), as_of="2021-02-01").summary.brief
    assert brief is not None
    return brief


@pytest.mark.parametrize("body", [
    "This Agreement and the license granted under this Agreement shall remain in effect perpetually as long as "
    "fees are paid by Customer.",
    "This term of this Agreement and the rights and obligations of the Parties hereto shall commence as of the "
    "Effective Date and shall continue in perpetuity, unless terminated earlier.",
])
def test_a_perpetual_agreement_is_perpetual(body: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.kind == "perpetual" and brief.term.ends is None


@pytest.mark.parametrize("body", [
    # a use that never ends, not the agreement
    "Company shall not use the Work Product during the term of this Agreement or after, in perpetuity, for any "
    "purpose other than performing this Agreement.",
    # a licence, not the agreement
    "The license granted to Customer under this Agreement shall continue perpetually.",
    # a severability clause
    "If any provision of this Agreement shall be held to be indefinite, invalid or unenforceable, the balance of "
    "this Agreement shall continue in full force and effect.",
])
def test_perpetual_said_of_something_else_is_no_term(body: str) -> None:
    brief = _brief(body)
    assert brief.term is None or brief.term.kind != "perpetual"


@pytest.mark.parametrize("body", [
    "This Agreement will remain in effect until terminated in accordance with Section 9.",
    "This contract shall remain valid until either party gives notice of termination.",
])
def test_until_terminated_outside_a_term_clause_is_read(body: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.kind == "until_terminated"


def test_until_the_parties_sign_another_agreement_is_not_until_terminated() -> None:
    brief = _brief("The term of this Agreement shall remain in force until the Parties have signed the follow-on "
                   "supply agreement.")
    assert brief.term is None or brief.term.kind != "until_terminated"


def test_a_renewal_sentence_is_not_the_initial_term() -> None:
    brief = _brief("The initial term of this Agreement shall commence on the Effective Date and shall continue until "
                   "the fifth (5t h) anniversary of the Effective Date (the \"Term\"). Upon the expiration of the "
                   "Term, the Term shall automatically extend for successive 12-month periods until one Party "
                   "terminates the Agreement by providing at least 180 days prior written notice.")
    assert brief.term is not None and brief.term.kind == "fixed" and brief.term.ends == "2026-01-15"


@pytest.mark.parametrize("body", [
    # a survival period
    "Each party agrees that, for the term of this Agreement and for 20 years thereafter, it shall keep the other's "
    "information confidential.",
    # a look-back period
    "During the term of this Agreement and for a period of one year thereafter, neither party shall hire any person "
    "who was an employee of the other party during the previous six months.",
])
def test_a_period_around_the_term_is_not_the_term(body: str) -> None:
    brief = _brief(body)
    assert brief.term is None or brief.term.kind != "fixed"
    assert brief.expiration_date is None


def test_a_term_counted_from_an_event_the_contract_dates_is_computed() -> None:
    brief = _brief('"Term" shall mean the period commencing on the Effective Date and terminating on the eighth '
                   'anniversary of the Commencement Date. The parties expect the Commencement Date to be November 16, '
                   '2021.')
    assert brief.term is not None and brief.term.ends == "2029-11-16" and brief.term.starts == "2021-11-16"
    assert "Commencement Date" in brief.term.steps[0]
    # undated, it is said to be so, and no end is computed
    undated = _brief("This Agreement shall continue in force for three years from the Launch Date.")
    assert undated.term is not None and undated.term.ends is None and undated.term.linked_to == "Launch Date"


@pytest.mark.parametrize(("body", "ends"), [
    ("Expiration Date: at midnight on the last day of the month fifteen (15) years from the Effective Date.",
     "2036-01-31"),
    ("This Agreement shall expire on the last day of the month in which the fifth anniversary of the Effective "
     "Date occurs.", "2026-01-31"),
])
def test_a_month_end_expiry_is_the_months_last_day(body: str, ends: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.ends == ends
    assert brief.expiration_date is not None and brief.expiration_date.value == ends


def test_a_renewal_notice_cut_off_by_a_page_number_is_read() -> None:
    text = ('AGREEMENT\n\nThis Agreement is made as of January 15, 2021 (the "Effective Date") between Acme Corp. '
            '("Provider") and Beta LLC ("Customer").\n\n3. TERM\n\nThe initial term of this Agreement is six (6) '
            'months. This Agreement shall automatically be renewed for one (1) or more one (1) month periods unless '
            'either party gives notice to the other party of its intention not to renew the\n\n4\n\nAgreement, which '
            'notice must be given not less than fifteen (15) days before the end of the respective initial or renewal '
            'term.\n\n4. FEES\n\nCustomer shall pay the fees.\n')
    brief = analyze(parse_text(text, name="t.txt"), as_of="2021-02-01").summary.brief
    assert brief is not None and brief.renewal is not None
    assert brief.renewal.term.value == "P1M"
    assert brief.renewal.notice is not None and brief.renewal.notice.value == "P15D"


@pytest.mark.parametrize(("body", "ends"), [
    ("This Agreement shall continue for a period of two (2) years from and after the Effective Date.", "2023-01-15"),
    ("This Agreement shall remain in force until the end of the current calendar year.", "2021-12-31"),
])
def test_more_ways_of_saying_when_the_term_ends(body: str, ends: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.ends == ends and brief.term.linked_to is None


def test_a_term_until_a_named_term_expires_is_tied_to_that_event() -> None:
    brief = _brief("This Agreement shall commence on the Effective Date and shall continue in full force and effect, on "
                   "a Product-by-Product basis, until the Secondary Royalty Term with respect to such Product expires, "
                   "at which time this Agreement shall expire in its entirety.")
    assert brief.term is not None and brief.term.kind == "until_event"
    assert brief.term.linked_to == "Secondary Royalty Term with respect to such Product expires"


def test_a_duty_during_the_term_is_not_the_term() -> None:
    brief = _brief("During the term of this Agreement, Beta LLC shall pay to Acme Corp., on a quarterly basis, a royalty "
                   "on the Net Sales of Products.")
    assert brief.term is None or brief.term.length is None
    assert brief.expiration_date is None


def test_a_term_stated_with_both_ends_wins_over_a_length_counted_from_the_effective_date() -> None:
    head = ('AGREEMENT\n\nThis Agreement is made as of July 26, 2013 (the "Effective Date") between Acme Corp. '
            '("Provider") and Beta LLC ("Customer").\n\n9. TERM\n\n')
    body = ("(a) This Agreement shall have an Initial Term of three (3) years. (b) The Term shall commence on July 23, "
            "2013 and shall expire on July 22, 2016, unless otherwise terminated earlier pursuant to Section 9.")
    brief = analyze(parse_text(head + body + "\n", name="t.txt"), as_of="2014-01-01").summary.brief
    assert brief is not None and brief.term is not None
    assert brief.term.ends == "2016-07-22" and brief.term.ends_basis == "stated"


@pytest.mark.parametrize(("body", "ends"), [
    ("This Agreement expires at the end of the day on the tenth anniversary of the Effective Date.", "2031-01-15"),
    ("The initial term of this Agreement shall expire on the day immediately preceding the fourth anniversary of the "
     "Effective Date.", "2025-01-14"),
])
def test_an_anniversary_end_said_with_the_day(body: str, ends: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.ends == ends


def test_prior_termination_rights_do_not_make_the_length_a_notice() -> None:
    brief = _brief("The initial term of this Agreement shall begin on the Effective Date and continue for three (3) "
                   "years, subject to the prior termination rights provided below.")
    assert brief.term is not None and brief.term.ends == "2024-01-15"


def test_a_heading_run_in_with_a_colon_is_not_read_as_the_sentence() -> None:
    brief = _brief("INITIAL TERM AND RENEWALS: This Agreement will become effective as of the Effective Date and shall "
                   "remain effective for an initial term of 10 Years following the first date of public availability "
                   "of the Content (the \"Initial Term\").")
    assert brief.term is not None and brief.term.length == "P10Y" and brief.term.ends is None
    assert brief.term.linked_to is not None and brief.term.linked_to.startswith("first date of public availability")


@pytest.mark.parametrize(("body", "kind", "linked"), [
    ("This Agreement shall be effective as of the Effective Date and the term of this Agreement shall continue in "
     "effect until Beta LLC ceases development and commercialization of the Product.", "until_event",
     "Beta LLC ceases development and commercialization of the Product"),
    ("This Amendment shall enter into force on the date of its signature by both Parties and shall remain in force "
     "for the term of the referenced GMA.", "coterminous", "GMA"),
    ("Unless earlier terminated, upon the expiration of the Support Period in accordance with Section 4, this "
     "Agreement shall immediately and automatically terminate in its entirety.", "until_event",
     "expiration of the Support Period"),
    ("The term of this Agreement shall commence on the first day of the Warranty Period for the first System and "
     "shall terminate on the date that is the last day of the Warranty Period for the last System.", "until_event",
     "last day of the Warranty Period for the last System"),
])
def test_more_terms_tied_to_an_event(body: str, kind: str, linked: str) -> None:
    brief = _brief(body)
    assert brief.term is not None and brief.term.kind == kind and brief.term.linked_to == linked


def test_the_expiration_of_the_initial_term_is_not_an_event() -> None:
    brief = _brief("The term of this Agreement is two (2) years. Upon the expiration of the Initial Term, this "
                   "Agreement shall terminate unless renewed by the parties.")
    assert brief.term is not None and brief.term.kind == "fixed" and brief.term.ends == "2023-01-15"
