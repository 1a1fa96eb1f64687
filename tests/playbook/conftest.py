"""Contracts the playbook tests check, analysed once per session (the whole pipeline: tagger, ledger, brief)."""

from __future__ import annotations

import pytest

import leverage_lens as ll
from leverage_lens.model import Report

#: A supplier-friendly services agreement: a short one-way cap, one-way termination for convenience, a broad
#: customer indemnity, a 3-year automatic renewal, Texas law and a customer exclusivity.
ONE_SIDED = """MASTER SERVICES AGREEMENT

This Master Services Agreement is made between Acme Cloud Inc. ("Provider") and Beta Retail LLC ("Customer").

1. Fees
1.1 Customer shall pay each invoice within fifteen (15) days after the invoice date.
1.2 Provider may increase the Fees at any time by giving Customer thirty (30) days' written notice.

2. Term and Termination
2.1 This Agreement renews automatically for successive periods of three (3) years unless Customer gives written notice of non-renewal at least one hundred eighty (180) days before the end of the then-current term.
2.2 Provider may terminate this Agreement at any time, for any reason, on thirty (30) days' written notice to Customer.

3. Exclusivity
3.1 During the Term, Customer shall purchase analytics services exclusively from Provider.

4. Indemnification
4.1 Customer shall defend, indemnify and hold harmless Provider from and against any and all claims arising out of Customer's breach of this Agreement or Customer's negligence.

5. Limitation of Liability
5.1 PROVIDER'S TOTAL LIABILITY ARISING OUT OF THIS AGREEMENT SHALL NOT EXCEED THE FEES PAID BY CUSTOMER IN THE THREE (3) MONTHS BEFORE THE CLAIM.

6. Governing Law
6.1 This Agreement is governed by the laws of the State of Texas.
"""

#: A balanced agreement: a mutual 12-month cap, mutual termination for convenience, an IP indemnity from the
#: provider, 30-day payment, Delaware law and no renewal.
BALANCED = """SERVICES AGREEMENT

This Services Agreement is made between Acme Cloud Inc. ("Provider") and Beta Retail LLC ("Customer").

1. Fees
1.1 Customer shall pay each invoice within thirty (30) days after receiving it.

2. Term and Termination
2.1 This Agreement continues for two (2) years from the Effective Date.
2.2 Either party may terminate this Agreement for convenience on ninety (90) days' written notice to the other party.

3. Indemnification
3.1 Provider shall defend and indemnify Customer against any third-party claim alleging that the Services infringe a patent, copyright or trademark of a third party.

4. Limitation of Liability
4.1 Each party's total liability arising out of this Agreement shall not exceed the fees paid or payable by Customer in the twelve (12) months before the claim.

5. Governing Law
5.1 This Agreement is governed by the laws of the State of Delaware.
"""


@pytest.fixture(scope="session")
def one_sided() -> Report:
    return ll.analyze(ll.parse_text(ONE_SIDED, name="one_sided.txt"))


@pytest.fixture(scope="session")
def balanced() -> Report:
    return ll.analyze(ll.parse_text(BALANCED, name="balanced.txt"))
