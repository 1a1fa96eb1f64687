"""The category and family ids the checks report, in one place so they stay aligned with the taxonomy.

Ids marked ``# not in taxonomy`` are not (yet) categories of ``leverage_lens/data/taxonomy.json``; the
taxonomy owner can add them or map them at integration.
"""

from __future__ import annotations

TERMINATION_CONVENIENCE = "termination.convenience"
CHANGE_OF_CONTROL = "termination.change_of_control"
RENEWAL = "termination.renewal"
RENEWAL_NOTICE = "termination.renewal_notice"
INDEMNIFICATION = "liability.indemnification"
LIABILITY_CAP = "liability.cap"
UNCAPPED = "liability.uncapped"
EXCLUSIVITY = "exclusivity.exclusive_dealing"
NON_COMPETE = "exclusivity.non_compete"
NO_SOLICIT = "exclusivity.no_solicit_employees"
PRICE_CHANGE = "payment.price_restrictions"
LATE_FEES = "payment.terms"
AUDIT = "payment.audit_rights"
ASSIGNMENT = "assignment.anti_assignment"
GOVERNING_LAW = "disputes.governing_law"
ARBITRATION = "disputes.arbitration"
CONFIDENTIALITY = "confidentiality.obligations"
SOLE_DISCRETION = "general.sole_discretion"  # not in taxonomy
UNILATERAL_CHANGE = "general.unilateral_change"  # not in taxonomy
CONTENT_REMOVAL = "general.content_removal"  # not in taxonomy
JURISDICTION = "disputes.jurisdiction"  # not in taxonomy
CONTRACT_BY_USING = "general.contract_by_using"  # not in taxonomy


def family_of(category: str) -> str:
    """The family id is the part of a category id before the dot."""
    return category.split(".", 1)[0]
