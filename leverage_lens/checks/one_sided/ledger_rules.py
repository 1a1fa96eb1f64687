"""One-sided terms from the leverage ledger: a term one party gains and the other gives, with no mirror.

Each rule covers one or more ledger categories. For every one-sided entry of its categories read from the
sentence's own wording (``basis="wording"``; readings from a clause's tag alone stay in the ledger and the
scorecard: on contracts read in full they were right too rarely to be raised as findings) it looks for
the mirror where a reader would (:func:`~leverage_lens.ledger.scope.mirror_for`: the same clause, the same
top-level section, and the clauses the sentence cites) and reports the entry when there is none. The finding
names who gains (``favors``) and who gives (``burdened``), quotes the sentence, shows the words that decided
it and the scope searched as evidence, and carries the ask. An unrelated mutual sentence elsewhere never
silences a finding: only the same topic, in scope, given to the other side or to both.
"""

from __future__ import annotations

from collections.abc import Callable

from ...analysis import Analysis
from ...ledger import build_ledger
from ...ledger.build import SENTENCE_ON_TOPIC
from ...ledger.scope import mirror_for
from ...ledger.second_reading import disagreement
from ...ledger.topics import topic as topics_of
from ...model import Finding, Ledger, LedgerEntry, Span
from ..finding import make_finding
from ..registry import Rule, rule

__all__ = ["RULES", "ledger_of"]

P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


def ledger_of(an: Analysis) -> Ledger:
    """The analysis's ledger, built here when the pipeline did not (a rule run on a bare Analysis)."""
    if an.ledger is None:
        an.ledger = build_ledger(an)
    return an.ledger  # type: ignore[no-any-return]


def _message(an: Analysis, e: LedgerEntry, what: str, scope: str) -> str:
    a, b = an.party_name(e.favors), an.party_name(e.burdened)
    if e.reading in ("right", "grant", "protection"):
        return f"Only {a} {what}; nothing in {scope} gives {b} the same."
    return f"{b} bears this and {a} does not: {a} {what}; nothing in {scope} puts the same on {a}."


def _check(categories: tuple[str, ...]) -> Callable[[Analysis, Rule], list[Finding]]:
    def check(an: Analysis, r: Rule) -> list[Finding]:
        ledger = ledger_of(an)
        out: list[Finding] = []
        raised: set[tuple[str | None, str]] = set()
        for e in ledger.entries:
            if e.category not in categories or e.mutual or e.favors is None or e.burdened is None:
                continue
            if e.basis != "wording" and ((e.clause_id, e.category) in raised or
                                         not any(w.label.startswith(SENTENCE_ON_TOPIC) for w in e.evidence)):
                continue  # a clause-tag reading: raised only where its sentence is on the topic, once a clause
            mirror, scope = mirror_for(an, ledger, e)
            if mirror is not None or disagreement(an, e) is not None:
                continue  # mirrored in scope; or the holder model reads it for the other party: not raised backwards
            raised.add((e.clause_id, e.category))
            where = scope.describe()
            what = next((t.what for t in topics_of(e.category) if t.reading == e.reading), "holds this term")
            ask = next((t.ask for t in topics_of(e.category) if t.reading == e.reading), r.suggestion)
            evidence = [*e.evidence, Span(
                start=scope.section.start if scope.section else e.start, end=scope.section.end if scope.section else e.end,
                label=f"scope: {where}; looked for the same for {an.party_name(e.burdened)} or for both; none found")]
            clause = an.clause_at(e.start)
            f = make_finding(rule_id=r.id, kind="one_sided", severity=r.severity, text=an.text, start=e.start,
                             end=e.end, message=_message(an, e, what, where), clause=clause, category=e.category,
                             family=e.family, favors=e.favors, suggestion=ask, evidence=evidence)
            out.append(f.model_copy(update={"burdened": e.burdened}))
        return out

    return check


def _rule(id: str, categories: tuple[str, ...], *, description: str, severity: str, suggestion: str,
          fires_on: tuple[str, ...], quiet_on: tuple[str, ...], aliases: tuple[str, ...] = ()) -> Rule:
    return rule(id, description=description, severity=severity, category=categories[0], suggestion=suggestion,
                fires_on=fires_on, quiet_on=quiet_on, aliases=aliases)(_check(categories))


_PAY = " 9. Customer shall pay Supplier the fees."

termination_for_convenience = _rule(
    "one_sided.termination_for_convenience", ("termination.convenience",),
    description="Only one party may end the contract without cause (for convenience, at any time, for any "
    "reason, or on notice alone); the other is locked in for the term.",
    severity="high",
    suggestion="a mutual right to terminate for convenience on the same notice, or a termination fee for the "
    "party left behind",
    fires_on=(P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice." + _PAY,
              P + "4. Term. 4.1 This Agreement may be terminated at any time by Customer upon 30 days written "
              "notice." + _PAY,
              P + "4. Term. 4.1 Customer may cancel this Agreement at any time upon seven days notice." + _PAY),
    quiet_on=(P + "4. Term. 4.1 Either party may terminate this Agreement for convenience on 30 days notice." + _PAY,
              P + "4. Term. 4.1 Customer may terminate this Agreement upon 30 days written notice if Supplier "
              "breaches this Agreement." + _PAY,
              P + "4. Term. 4.1 Customer may terminate this Agreement for convenience on 30 days notice. 4.2 "
              "Supplier may terminate this Agreement for convenience on 30 days notice." + _PAY),
)

termination_change_of_control = _rule(
    "one_sided.termination_change_of_control", ("termination.change_of_control",),
    description="A change of control of one party lets the other terminate or withhold consent, and not the "
    "other way round.",
    severity="medium",
    suggestion="make the change-of-control right mutual, or limit it to an acquisition by a competitor",
    fires_on=(P + "4. Term. 4.1 Customer may terminate this Agreement upon a change of control of Supplier." + _PAY,),
    quiet_on=(P + "4. Term. 4.1 Either party may terminate this Agreement upon a change of control of the other "
              "party." + _PAY,),
)

auto_renewal = _rule(
    "one_sided.auto_renewal", ("termination.renewal_notice",),
    description="Only one party decides whether the contract renews (an option to renew or extend, or the "
    "only right to stop automatic renewal).",
    severity="medium",
    suggestion="a right for either party to stop renewal on the same notice",
    fires_on=(P + "4. Term. 4.1 This Agreement renews automatically for successive one-year terms unless Supplier "
              "gives notice of non-renewal at least ninety (90) days before the end of the term." + _PAY,),
    quiet_on=(P + "4. Term. 4.1 This Agreement renews automatically for successive one-year terms unless either "
              "party gives notice of non-renewal at least thirty (30) days before the end of the term." + _PAY,),
)

post_termination = _rule(
    "one_sided.post_termination", ("termination.post_termination",),
    description="One party owes work after the contract ends (transition services, sell-off, buy-back of "
    "stock) and the other owes nothing.",
    severity="low",
    suggestion="a reasonable transition period paid at the contract rates, and the same for both sides",
    fires_on=(P + "4. Term. 4.1 Upon termination, Supplier shall provide transition services to Customer for six "
              "months." + _PAY,),
    quiet_on=(P + "4. Term. 4.1 Upon termination, each party shall return the other party's materials." + _PAY,),
)

suspension = _rule(
    "one_sided.suspension", ("termination.suspension",),
    description="Only one party may suspend performance (services, deliveries, access).",
    severity="medium",
    suggestion="suspension only for material non-payment after notice and a cure period, restored at once "
    "when cured",
    fires_on=(P + "5. Fees. 5.1 Supplier may suspend the services if any invoice is unpaid." + _PAY,),
    quiet_on=(P + "5. Fees. 5.1 Either party may suspend performance while a force majeure event continues." + _PAY,),
)

exclusivity = _rule(
    "one_sided.exclusivity", ("exclusivity.exclusive_dealing",),
    description="Exclusivity runs one way: one party is tied to deal only with the other (or grants it "
    "exclusive rights) and gets no exclusivity back.",
    severity="high",
    suggestion="limit the exclusivity to named products and a territory, with minimum performance targets "
    "that end it if missed",
    fires_on=(P + "2. Supply. 2.1 Customer shall purchase the products exclusively from Supplier." + _PAY,
              P + "2. Appointment. 2.1 Supplier hereby appoints Customer as its exclusive distributor in Canada."
              + _PAY),
    quiet_on=(P + "2. Supply. 2.1 Supplier shall deliver the products to Customer." + _PAY,
              P + "2. Courts. 2.1 The courts of Ontario have exclusive jurisdiction." + _PAY),
)

non_compete = _rule(
    "one_sided.non_compete", ("exclusivity.non_compete",),
    description="A non-compete binds one party only.",
    severity="high",
    suggestion="drop the non-compete, or limit it to named products, a territory and the term (with no tail)",
    fires_on=(P + "7. Restrictions. 7.1 During the Term, Customer shall not compete with Supplier in Canada."
              + _PAY,),
    quiet_on=(P + "7. Restrictions. 7.1 During the Term, neither party shall compete with the other in Canada."
              + _PAY,),
)

non_solicit = _rule(
    "one_sided.non_solicit", ("exclusivity.no_solicit_employees", "exclusivity.no_solicit_customers"),
    description="A non-solicitation (of employees or of customers) binds one party only.",
    severity="medium",
    suggestion="a mutual non-solicit of people (or customers) met through the contract, for 12 months, with "
    "a carve-out for general advertising",
    fires_on=(P + "7. Restrictions. 7.1 Customer shall not solicit or hire any employee of Supplier." + _PAY,),
    quiet_on=(P + "7. Restrictions. 7.1 Neither party shall solicit or hire any employee of the other." + _PAY,),
)

most_favored_nation = _rule(
    "one_sided.most_favored_nation", ("exclusivity.most_favored_nation",),
    description="One party is promised terms as good as any other customer's (most favoured nation).",
    severity="medium",
    suggestion="no most-favoured terms, or only for comparable volumes and terms, checked once a year",
    fires_on=(P + "5. Prices. 5.1 Supplier shall sell the products to Customer at prices no less favorable than "
              "those given to any other customer." + _PAY,),
    quiet_on=(P + "5. Prices. 5.1 Supplier shall sell the products to Customer at the prices in Exhibit A." + _PAY,),
)

first_refusal = _rule(
    "one_sided.first_refusal", ("exclusivity.first_refusal",),
    description="One party holds a right of first refusal, first offer or first negotiation.",
    severity="medium",
    suggestion="drop the right of first refusal, or make it a right of first notice with a short answer period",
    fires_on=(P + "6. Options. 6.1 Customer shall have a right of first refusal to purchase the business of "
              "Supplier." + _PAY,),
    quiet_on=(P + "6. Options. 6.1 Customer may purchase further products at the list price." + _PAY,),
)

non_disparagement = _rule(
    "one_sided.non_disparagement", ("exclusivity.non_disparagement",),
    description="Only one party promises not to disparage the other.",
    severity="low",
    suggestion="make the non-disparagement mutual, with a carve-out for truthful statements required by law",
    fires_on=(P + "7. Conduct. 7.1 Customer shall not disparage Supplier or its products." + _PAY,),
    quiet_on=(P + "7. Conduct. 7.1 Neither party shall disparage the other." + _PAY,),
)

minimum_commitment = _rule(
    "one_sided.minimum_commitment", ("payment.minimum_commitment",),
    description="One party must buy, order or pay a minimum; the other promises no matching volume or capacity.",
    severity="medium",
    suggestion="no minimum commitment, or a forecast that binds only for the next quarter, and no shortfall "
    "payment",
    fires_on=(P + "5. Volume. 5.1 Customer shall purchase a minimum quantity of 10,000 units each year." + _PAY,),
    quiet_on=(P + "5. Volume. 5.1 Customer may order any quantity of units." + _PAY,),
)

volume_restriction = _rule(
    "one_sided.volume_restriction", ("payment.volume_restriction",),
    description="One party's use or purchases are capped by volume (users, units, sites).",
    severity="low",
    suggestion="volume limits that grow with fees paid, with a way to buy more at the same unit price",
    fires_on=(P + "3. Licence. 3.1 Customer shall not use the software on more than five (5) devices." + _PAY,),
    quiet_on=(P + "3. Licence. 3.1 Customer may use the software on its devices." + _PAY,),
)

unilateral_change = _rule(
    "one_sided.unilateral_change", ("payment.price_restrictions", "general.unilateral_change"),
    description="One party may change prices, fees or the terms on its own.",
    severity="high",
    suggestion="fixed prices for the initial term and any later increase capped, with notice and a right to "
    "terminate; changes to terms only by written amendment signed by both",
    fires_on=(P + "5. Prices. 5.1 Supplier may increase the fees at any time on 30 days notice." + _PAY,
              P + "5. Changes. 5.1 Supplier may amend this Agreement by posting the changes on its website." + _PAY),
    quiet_on=(P + "5. Prices. 5.1 The fees may be changed only by written amendment signed by both parties." + _PAY,),
)

revenue_sharing = _rule(
    "one_sided.revenue_sharing", ("payment.revenue_sharing",),
    description="One party receives a share of the other's revenue (royalties, commissions, profit shares).",
    severity="low",
    suggestion="a share computed on a defined net figure, with reporting and audit both ways",
    fires_on=(P + "5. Royalties. 5.1 Customer shall pay Supplier a royalty of five percent (5%) of net sales."
              + _PAY,),
    quiet_on=(P + "5. Fees. 5.1 The fees are set out in Exhibit A." + _PAY,),
)

audit = _rule(
    "one_sided.audit", ("payment.audit_rights",),
    description="Only one party may audit or inspect the other's books, records or premises.",
    severity="low",
    suggestion="a mutual audit right, at most once a year, on 30 days' notice, at the auditor's cost unless it "
    "finds an error over 5%",
    fires_on=(P + "8. Records. 8.1 Supplier may audit the books and records of Customer once a year." + _PAY,),
    quiet_on=(P + "8. Records. 8.1 Each party may audit the books and records of the other once a year." + _PAY,),
)

late_fees = _rule(
    "one_sided.late_fees", ("payment.terms",),
    description="Late fees or interest run on one party's payments only.",
    severity="low",
    suggestion="late interest only after a written reminder and a 15-day grace period, at a statutory rate",
    fires_on=(P + "5. Fees. 5.1 Customer shall pay interest at 1.5% per month on overdue amounts." + _PAY,),
    quiet_on=(P + "5. Fees. 5.1 Customer shall pay each invoice within 30 days." + _PAY,),
)

liability_cap = _rule(
    "one_sided.liability_cap", ("liability.cap",),
    description="A cap on, or exclusion of, liability (or a limit on remedies) protects one party only; the "
    "other's liability stays unlimited.",
    severity="high",
    suggestion="the same cap and exclusions for both sides, with carve-outs for confidentiality, indemnities, "
    "data protection and wilful misconduct",
    fires_on=(P + "9. Liability. 9.1 Supplier's aggregate liability shall not exceed the fees paid." + _PAY,
              P + "9. Liability. 9.1 In no event shall Supplier be liable for any consequential damages. 9.2 "
              "Neither party is liable for delays caused by force majeure." + _PAY),
    quiet_on=(P + "9. Liability. 9.1 Neither party's aggregate liability shall exceed the fees paid." + _PAY,),
)

uncapped_liability = _rule(
    "one_sided.uncapped_liability", ("liability.uncapped",),
    description="One party's liability is left uncapped (a carve-out from the cap for its obligations only).",
    severity="high",
    suggestion="a cap on every head of liability, or the same uncapped heads for both sides",
    fires_on=(P + "9. Liability. 9.1 Except for Customer's payment obligations, neither party's liability shall "
              "exceed the fees paid." + _PAY,),
    quiet_on=(P + "9. Liability. 9.1 Except for either party's indemnification obligations, neither party's "
              "liability shall exceed the fees paid." + _PAY,),
)

indemnity = _rule(
    "one_sided.indemnity", ("liability.indemnification",),
    description="Only one party indemnifies the other: the indemnity is one-way.",
    severity="high",
    suggestion="mutual indemnities for each side's own breach, negligence and IP infringement, capped like "
    "other liability",
    fires_on=(P + "10. Indemnity. 10.1 Customer shall indemnify and hold harmless Supplier against all claims "
              "arising from Customer's use of the products." + _PAY,),
    quiet_on=(P + "10. Indemnity. 10.1 Each party shall indemnify the other against claims arising from its own "
              "negligence." + _PAY,),
)

liquidated_damages = _rule(
    "one_sided.liquidated_damages", ("liability.liquidated_damages",),
    description="One party owes fixed (liquidated) damages, penalties or termination fees; the other does not.",
    severity="medium",
    suggestion="liquidated damages capped, as the sole remedy for the event, and the same for delays on both "
    "sides",
    fires_on=(P + "6. Delivery. 6.1 If delivery is late, Supplier shall pay Customer liquidated damages of $500 "
              "per day." + _PAY,),
    quiet_on=(P + "6. Delivery. 6.1 Supplier shall deliver the products on the agreed dates." + _PAY,),
)

insurance = _rule(
    "one_sided.insurance", ("liability.insurance",),
    description="Only one party must carry insurance.",
    severity="low",
    suggestion="insurance duties on both sides, at levels the risk needs, with notice before cover changes",
    fires_on=(P + "10. Insurance. 10.1 Customer shall maintain general liability insurance of $1,000,000." + _PAY,),
    quiet_on=(P + "10. Insurance. 10.1 Each party shall maintain general liability insurance of $1,000,000."
              + _PAY,),
)

warranty = _rule(
    "one_sided.warranty", ("liability.warranty_duration",),
    description="Only one party gives a warranty for a period (the other warrants nothing).",
    severity="info",
    suggestion="a warranty of the same length for what each side delivers, and remedies beyond repair or "
    "replace",
    fires_on=(P + "8. Warranty. 8.1 Supplier warrants that the products will be free from defects for a period "
              "of twelve (12) months." + _PAY,),
    quiet_on=(P + "8. Warranty. 8.1 Each party warrants that it has authority to sign this Agreement." + _PAY,),
)

warranty_disclaimer = _rule(
    "one_sided.warranty_disclaimer", ("liability.warranty_disclaimer",),
    description="One party disclaims warranties (or provides what it delivers \"as is\") while the other gives "
    "its promises in full.",
    severity="medium",
    suggestion="warranties that what is delivered conforms to its specifications and is fit for the agreed "
    "purpose, with a remedy beyond repair or refund",
    fires_on=(P + "8. Warranty. 8.1 SUPPLIER DISCLAIMS ALL IMPLIED WARRANTIES, INCLUDING MERCHANTABILITY AND FITNESS "
              "FOR A PARTICULAR PURPOSE." + _PAY,),
    quiet_on=(P + "8. Warranty. 8.1 EACH PARTY DISCLAIMS ALL IMPLIED WARRANTIES, INCLUDING MERCHANTABILITY." + _PAY,),
)

covenant_not_to_sue = _rule(
    "one_sided.covenant_not_to_sue", ("liability.covenant_not_to_sue",),
    description="One party may not challenge the other's rights or sue it (a no-challenge clause, a covenant "
    "not to sue, a release).",
    severity="medium",
    suggestion="drop the covenant not to sue or no-challenge clause, or make it mutual and limited to the "
    "licensed rights",
    fires_on=(P + "3. Marks. 3.1 Customer shall not challenge the validity of Supplier's trademarks." + _PAY,),
    quiet_on=(P + "3. Marks. 3.1 Customer may use Supplier's trademarks in its catalogue." + _PAY,),
)

ip_assignment = _rule(
    "one_sided.ip_assignment", ("ip.ownership_assignment",),
    description="Intellectual property made under the contract goes to one party.",
    severity="medium",
    suggestion="each side keeps what it brings; the buyer owns only the paid-for deliverables, with a licence "
    "back to the supplier's tools and know-how",
    fires_on=(P + "3. IP. 3.1 Supplier hereby assigns to Customer all right, title and interest in the "
              "deliverables." + _PAY,),
    quiet_on=(P + "3. IP. 3.1 Each party retains ownership of its own intellectual property." + _PAY,),
)

irrevocable_license = _rule(
    "one_sided.irrevocable_license", ("ip.irrevocable_license",),
    description="One party receives an irrevocable or perpetual licence (it survives the contract).",
    severity="low",
    suggestion="a licence that ends with the contract (or on uncured breach), and that is paid for",
    fires_on=(P + "3. Licence. 3.1 Supplier hereby grants to Customer a perpetual, irrevocable licence to use "
              "the software." + _PAY,),
    quiet_on=(P + "3. Licence. 3.1 Supplier hereby grants to Customer a licence to use the software during the "
              "term." + _PAY,),
)

license_grant = _rule(
    "one_sided.license_grant", ("ip.license_grant",),
    description="A licence runs one way (noted for the ledger: usually the deal itself, worth checking for "
    "scope, term and field).",
    severity="info",
    suggestion="check the licence's scope, term and field against what the deal needs; licences both ways "
    "where both contribute",
    fires_on=(P + "3. Licence. 3.1 Supplier hereby grants to Customer a non-exclusive licence to use the "
              "software." + _PAY,),
    quiet_on=(P + "3. Licence. 3.1 Each party hereby grants to the other a licence to use its logo." + _PAY,),
)

assignment = _rule(
    "one_sided.assignment", ("assignment.anti_assignment",),
    description="One party may assign freely while the other needs consent (or only one is restricted).",
    severity="medium",
    suggestion="the same assignment rule for both sides, with assignment allowed to an affiliate or a buyer of "
    "the business",
    fires_on=(P + "12. Assignment. 12.1 Customer may not assign this Agreement without Supplier's prior written "
              "consent." + _PAY,),
    quiet_on=(P + "12. Assignment. 12.1 Neither party may assign this Agreement without the other party's prior "
              "written consent." + _PAY,),
)

confidentiality = _rule(
    "one_sided.confidentiality", ("confidentiality.obligations",),
    description="Confidentiality binds one party only.",
    severity="medium",
    suggestion="mutual confidentiality on the same terms",
    fires_on=(P + "8. Confidentiality. 8.1 Customer shall keep confidential all information of Supplier." + _PAY,),
    quiet_on=(P + "8. Confidentiality. 8.1 Each party shall keep confidential the information of the other."
              + _PAY,),
)

sole_discretion = _rule(
    "one_sided.sole_discretion", ("general.sole_discretion",),
    description="A decision left to one party's sole discretion.",
    severity="low",
    suggestion="decisions on reasonable grounds, in good faith, with written reasons",
    fires_on=(P + "5. Orders. 5.1 Supplier may accept or reject orders in its sole discretion." + _PAY,),
    quiet_on=(P + "5. Orders. 5.1 Supplier shall accept orders that meet the specifications." + _PAY,),
)

#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (
    termination_for_convenience, termination_change_of_control, auto_renewal, post_termination, suspension,
    exclusivity, non_compete, non_solicit, most_favored_nation, first_refusal, non_disparagement,
    minimum_commitment, volume_restriction, unilateral_change, revenue_sharing, audit, late_fees, liability_cap,
    uncapped_liability, indemnity, liquidated_damages, insurance, warranty, warranty_disclaimer, covenant_not_to_sue,
    ip_assignment,
    irrevocable_license, license_grant, assignment, confidentiality, sole_discretion,
)
