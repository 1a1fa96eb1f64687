"""Where the term counts from and how renewals are said (leverage_lens/brief/term.py, renewal.py): a term
counted from an event has no computed end, a blank start leaves the end blank, a perpetual licence is not a
perpetual agreement, and a renewal period is the one after the word of renewal."""

from __future__ import annotations

from leverage_lens import analyze, parse_text
from leverage_lens.model import Brief

_HEAD = ('AGREEMENT\n\nThis Agreement is made as of January 15, 2021 (the "Effective Date") between Acme Corp. '
         '("Provider") and Beta LLC ("Customer").\n\n1. TERM\n\n1.1 ')
_BLANK_HEAD = ('AGREEMENT\n\nThis Agreement is made as of ____________, 2021 between Acme Corp. ("Provider") and '
               'Beta LLC ("Customer").\n\n1. TERM\n\n1.1 ')


def _brief(body: str, head: str = _HEAD) -> Brief:
    brief = analyze(parse_text(head + body + "\n", name="t.txt"), as_of="2021-02-01").summary.brief
    assert brief is not None
    return brief


def test_term_counted_from_an_event_has_no_computed_end() -> None:
    brief = _brief("This Agreement shall be effective as of the Effective Date and shall continue in force for three "
                   "(3) years from the Launch Date.")
    assert brief.term is not None and brief.term.length == "P3Y"
    assert brief.term.ends is None and brief.term.linked_to == "Launch Date"
    assert brief.expiration_date is None


def test_term_counted_from_the_date_of_execution_is_computed() -> None:
    brief = _brief("This Agreement shall continue in effect for a period of one year from the date of its "
                   "execution.")
    assert brief.term is not None and brief.term.ends == "2022-01-15"


def test_blank_start_date_leaves_the_end_blank() -> None:
    brief = _brief("The term of this Agreement shall commence on the Effective Date and continue for six (6) "
                   "months.", head=_BLANK_HEAD)
    assert brief.expiration_date is not None
    assert brief.expiration_date.value is None and brief.expiration_date.detail == "left blank"


def test_perpetual_licence_is_not_a_perpetual_term() -> None:
    brief = _brief("Provider grants Customer a non-exclusive, perpetual, irrevocable licence to use the Reports. "
                   "The term of this Agreement is two (2) years.")
    assert brief.term is not None and brief.term.kind == "fixed" and brief.term.ends == "2023-01-15"


def test_earlier_of_a_day_and_an_event_is_said_in_the_arithmetic() -> None:
    brief = _brief("This Agreement shall expire upon the earlier of (i) two (2) years from the Effective Date and "
                   "(ii) the date that all Shares have been sold.")
    assert brief.term is not None and brief.term.ends == "2023-01-15"
    assert "earlier of that day and another event" in brief.term.steps[-1]


def test_renewal_period_is_the_one_after_the_word_of_renewal() -> None:
    brief = _brief("The initial term of this Agreement is three (3) years and it shall automatically renew for "
                   "successive one (1) year periods unless terminated by either party at least sixty (60) days "
                   "prior to the expiration of the then-current term.")
    r = brief.renewal
    assert r is not None and r.automatic and r.term.value == "P1Y"
    assert r.notice is not None and r.notice.value == "P60D"


def test_renewal_each_year_and_of_the_same_duration() -> None:
    every = _brief("The term of this Agreement is two (2) years. This Agreement shall renew automatically each "
                   "year thereafter, unless either party serves written notice of its intention not to renew.")
    assert every.renewal is not None and every.renewal.term.value == "P1Y"
    same = _brief("The term of this Agreement is two (2) years. Upon expiry of the Initial Term this Agreement shall "
                  "automatically renew for successive terms of the same duration.")
    assert same.renewal is not None and same.renewal.term.value == "P2Y"


def test_a_partys_option_to_extend_is_not_renewal_by_agreement() -> None:
    option = _brief("The term of this Agreement is two (2) years. Customer shall have the option to extend this "
                    "Agreement for one (1) additional year by giving written notice at least ninety (90) days "
                    "before the end of the term.")
    assert option.renewal is not None and not option.renewal.automatic
    assert option.renewal.term.detail == "option"
    mutual = _brief("The term of this Agreement is two (2) years. This Agreement may be renewed for one (1) "
                    "additional year by mutual written agreement of the parties.")
    assert mutual.renewal is not None and mutual.renewal.term.detail == "by agreement"


def test_day_before_an_anniversary_is_one_day_short() -> None:
    brief = _brief('"Initial Term" shall mean the Effective Date through the day prior to the fourth anniversary of '
                   "the Effective Date.")
    assert brief.term is not None and brief.term.ends == "2025-01-14"
    assert "the day before the anniversary" in brief.term.steps[-1]


def test_a_termination_right_is_not_the_term() -> None:
    brief = _brief("Either party may terminate this Agreement if the other party fails to cure a breach within thirty "
                   "(30) days following written notice thereof.")
    assert brief.term is None or brief.term.length != "P30D"


def test_edgar_filing_stamp_is_not_the_agreement_date() -> None:
    text = ("Source: ACME CORP, S-1, 1/12/2018\n\nSERVICES AGREEMENT\n\nThis Services Agreement is entered into by "
            "Acme Corp. and Beta LLC.\n\n1. Services. Acme shall provide the services.\n")
    brief = analyze(parse_text(text, name="s.txt")).summary.brief
    assert brief is not None
    assert brief.agreement_date is None or brief.agreement_date.value != "2018-01-12"


def test_later_of_a_stated_date_and_an_event_keeps_the_date_with_a_caveat() -> None:
    brief = _brief("The term of this Agreement will begin on the Effective Date and will end the later of (i) "
                   "December 15, 2022 or (ii) the delivery of all guaranteed Click-throughs.")
    assert brief.term is not None and brief.term.ends == "2022-12-15" and brief.term.ends_basis == "stated"
    assert "the term may end later" in brief.term.steps[-1]


def test_commencement_date_defined_as_the_date_above_is_the_start() -> None:
    brief = _brief('The initial term of this Agreement shall be for 3 years commencing on the date first set forth '
                   'above (the "Commencement Date") and ending on the 3rd anniversary of the Commencement Date.')
    assert brief.term is not None and brief.term.ends == "2024-01-15"


def test_survival_period_after_termination_is_not_the_term() -> None:
    brief = _brief("The provisions of this clause shall survive the termination of this Agreement and continue to be "
                   "in force thereafter for a period of five (5) years.")
    assert brief.term is None or brief.term.length != "P5Y"


def test_letter_dated_only_where_it_is_signed() -> None:
    text = ("LICENCE AND MAINTENANCE AGREEMENT\n\n1. Licence. Telco grants the Customer a licence to use the "
            "Software.\n\n2. Fees. The Customer shall pay the fees in Schedule 1.\n\nTHUS DONE AND SIGNED at "
            "Pretoria on this 31st day of March 2001\n\nFor and on behalf of Telco\n")
    brief = analyze(parse_text(text, name="l.txt")).summary.brief
    assert brief is not None and brief.agreement_date is not None
    assert brief.agreement_date.value == "2001-03-31"


def test_executed_on_in_the_signature_block_dates_an_undated_agreement() -> None:
    text = ("SERVICES AGREEMENT\n\n1. Services. The Provider shall provide the Services to the Customer.\n\n2. Fees. "
            "The Customer shall pay the fees in Schedule 1.\n\nIN WITNESS WHEREOF the parties have signed this "
            "Agreement.\n\nPROVIDER\n\nBy: /s/ Jane Roe\n\nExecuted on March 3, 2011\n")
    brief = analyze(parse_text(text, name="d.txt")).summary.brief
    assert brief is not None and brief.agreement_date is not None
    assert brief.agreement_date.value == "2011-03-03"
