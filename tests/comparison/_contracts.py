"""Two versions of a small services agreement, written so every kind of edit appears once."""

from __future__ import annotations

OLD = """\
SERVICES AGREEMENT

This Services Agreement is entered into by Acme Corp. ("Provider") and Beta LLC ("Customer").

1. Definitions

1.1 "Services" means the hosting services described in an order form.

1.2 "Fees" means the amounts payable for the Services.

1.3 "Affiliate" means an entity controlling, controlled by or under common control with a party.

2. Services

2.1 Provider shall perform the Services in a professional manner.

2.2 Customer shall provide Provider with reasonable access to its systems.

3. Payment

3.1 Customer shall pay all Fees within thirty (30) days of the invoice date.

3.2 Late payments bear interest at one percent per month.

4. Confidentiality

4.1 Each party shall keep the other party's confidential information secret and use it only for this Agreement.

5. Term and Termination

5.1 This Agreement starts on the Effective Date and continues for one (1) year.

5.2 Either party may terminate this Agreement for material breach on thirty (30) days' notice, as set out in Section 3.

6. Governing Law

6.1 This Agreement is governed by the laws of the State of Delaware.
"""

NEW = """\
SERVICES AGREEMENT

This Services Agreement is entered into by Acme Corp. ("Provider") and Beta LLC ("Customer").

1. Definitions

1.1 "Services" means the hosting services described in an order form.

1.2 "Fees" means the amounts payable for the Services.

1.3 "Service Credits" means the credits described in the service level terms.

2. Services

2.1 Provider shall perform the Services in a professional manner.

2.2 Customer shall provide Provider with reasonable access to its systems.

3. Confidentiality

3.1 Each party shall keep the other party's confidential information secret and use it only for this Agreement.

4. Payment

4.1 Customer shall pay all Fees within fifteen (15) days of the invoice date.

4.2 Late payments bear interest at one percent per month.

5. Term and Termination

5.1 This Agreement starts on the Effective Date and continues for one (1) year.

5.2 Either party may terminate this Agreement for material breach on thirty (30) days' notice, as set out in Section 3.

5.3 Provider may terminate this Agreement at any time for convenience upon written notice to Customer.

6. Governing Law

6.1 This Agreement is governed by the laws of the State of New York.
"""
