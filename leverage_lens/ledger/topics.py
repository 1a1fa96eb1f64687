"""The topics of the ledger: what wording puts a sentence on a topic, how it confers leverage, what it weighs.

Each :class:`Topic` names a taxonomy category, a ``reading`` (how the wording gives leverage, see
:class:`~leverage_lens.model.LedgerEntry`), a ``cue``: a regular expression whose match places a sentence on
the topic and marks *where* in it the leverage is conferred (the holder is read around it), ``anchors``
(lower-case literals one of which every cue match contains: the cheap filter that finds candidate
sentences by ``str.find``), a commercial ``weight`` (docs/ledger.md explains the scale), and the words of
the finding a lawyer would write: ``what`` (the leverage, as a verb phrase of the favoured party) and
``ask`` (the change to request).

The cues are written for precision first: each was read against real CUAD sentences of its category and of
neighbouring categories. Recall comes from many cues per topic, not from loose ones.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..model import LedgerReading

__all__ = ["TOPICS", "Topic", "topic", "weight_of"]

_I = re.IGNORECASE


@dataclass(frozen=True)
class Topic:
    category: str
    reading: LedgerReading
    cue: re.Pattern[str]
    anchors: tuple[str, ...]
    weight: float
    what: str
    ask: str
    #: where the holder is named relative to the cue: "subject" (the subject of the operative verb before
    #: the cue), "recipient" (the party the thing is granted or given to), "possessive" ("X's liability")
    holder: str = "subject"
    #: words in the sentence that take it off the topic (a cue in a sentence about something else)
    unless: re.Pattern[str] | None = None


def _c(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, _I)


# Words the cues share.
_TERMINATE = r"(?:terminat\w*|cancel\w*)"
_CONVENIENCE = (r"(?:for\s+(?:any\s+or\s+no\s+reason|any\s+reason(?:\s+whatsoever)?|no\s+reason|(?:its\s+|their\s+)?"
                r"(?:own\s+)?convenience)|without\s+(?:any\s+)?(?:cause|reason)|at\s+(?:any\s+time|will)\b(?![^.;]{0,40}"
                r"\b(?:if|upon(?!\s+(?:\S+\s+){0,4}?notice)|in\s+the\s+event|breach|default|fail))|in\s+its\s+(?:sole\s+)?discretion)")
#: "the prior written consent", "the other party's prior written consent", "Licensor's express written approval".
_CONSENT = (r"(?:the\s+)?(?:(?:other|non-?assigning|\w+)\s+part(?:y|ies)['\u2019]s?\s+|[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)?"
            r"['\u2019]s?\s+)?(?:prior\s+)?(?:express\s+)?(?:written\s+)?(?:consent|approval)")
_NOTICE = r"(?:\d+|[a-z\-]+(?:\s*\(\d+\))?)\s*(?:calendar\s+|business\s+|working\s+)?(?:days?|months?)['\u2019]?\s*(?:prior\s+|advance\s+|written\s+|express\s+)*(?:written\s+)?notice"

#: "Licensee shall not challenge ... Licensor's exclusive rights", "acknowledges Airspan's exclusive right, title":
#: a promise not to attack the other side's rights (a covenant not to sue), not a grant of exclusivity or of
#: ownership to whoever makes the promise.
_NO_CHALLENGE = (r"\bnot\s+(?:\w+[\s,]+){0,3}?(?:challenge|contest|dispute|attack|oppose)\b|\backnowledg\w*\b[^.;]{0,40}?"
                 r"['\u2019]s?\s+(?:sole\s+and\s+)?exclusive\s+(?:right|owner)")

TOPICS: tuple[Topic, ...] = (
    # -- termination --------------------------------------------------------------------------------------
    Topic(
        "termination.convenience", "right",
        _c(rf"\b{_TERMINATE}\b[^.;]{{0,200}}?{_CONVENIENCE}|{_CONVENIENCE}[^.;]{{0,80}}?\b{_TERMINATE}\b|"
           rf"\b{_TERMINATE}\b[^.;]{{0,40}}?\b(?:upon|on|by|with|after|giving|providing|at\s+least|(?:not|no)\s+"
           rf"less\s+than)\s+(?:at\s+least\s+)?(?:\w+\s+){{0,2}}?{_NOTICE}"),
        ("terminat", "cancel"), 4.0,
        "may end the contract without cause",
        "a mutual right to terminate for convenience on the same notice, or a termination fee for the "
        "party left behind",
        unless=_c(r"\b(?:breach\w*|default\w*|fail(?:s|ed|ure)?\s+to|insolv\w*|bankrupt\w*|cure[ds]?\b|"
                  r"force\s+majeure|change\s+(?:of|in)\s+control|expir\w*|non-?renew\w*|"
                  r"(?:upon|on)\s+the\s+occurrence|if\s+(?:the\s+other|either|any)|in\s+the\s+event\s+(?:of|that)|"
                  # "upon termination of this Agreement for any reason, Owner shall return ...": what follows an end
                  r"(?:upon|after|following|on)\s+(?:the\s+|any\s+|such\s+)?terminat\w*\b[^.;]{0,40}?\bfor\s+any\s+reason|"
                  # "If your employment is terminated for any reason, the Company shall pay": a consequence
                  r"\b(?:if|when|where|in\s+case|whenever|should)\s+[^.;]{0,60}?\b(?:is|are|be|has\s+been|have\s+been)\s+"
                  r"terminated\s+for\s+any\s+reason)"),
    ),
    Topic(
        "termination.change_of_control", "right",
        _c(r"\b(?:change\s+(?:of|in)\s+(?:control|ownership)|(?:is|are|becomes?)\s+(?:acquired|merged)|"
           r"acqui(?:red|sition)\s+(?:of|by)\b[^.;]{0,60}(?:all|substantially\s+all|majority|control)|"
           r"(?:merger|consolidation|reorganization)\s+(?:of|with|involving)|"
           r"(?:sale|transfer)\s+of\s+(?:all\s+or\s+)?(?:substantially\s+all|a\s+majority|more\s+than\s+fifty)|"
           r"(?:beneficial\s+)?owner(?:ship)?\s+of\s+(?:more\s+than\s+)?(?:fifty|50)|voting\s+(?:stock|securities|"
           r"power|control))"),
        ("change of control", "change in control", "change of ownership", "change in ownership", "acqui",
         "merg", "voting", "substantially all", "majority", "consolidation", "owner"),
        3.0,
        "may act on the other side's change of control",
        "make the change-of-control right mutual, or limit it to an acquisition by a competitor",
    ),
    Topic(
        "termination.renewal_notice", "right",
        _c(r"(?:\b(?:unless|until)\b[^.;]{0,80}?\b(?:gives?|provides?|delivers?|sends?|notif(?:y|ies)|elects?)\b[^.;]{0,120}?"
           r"\b(?:non-?renewal|not\s+to\s+(?:renew|extend)|(?:intention|intent|election|desire)\s+(?:not\s+)?to\s+(?:renew|"
           r"extend|terminate)|terminat\w*)|\bnotice\s+of\s+(?:its\s+)?(?:non-?renewal|intent(?:ion)?\s+not\s+to\s+renew)|"
           r"\b(?:option|right|elect\w*)\s+to\s+(?:renew|extend)\b|\b(?:elect\w*|decid\w*|choos\w*)\s+not\s+to\s+renew)"),
        ("unless", "until", "non-renewal", "nonrenewal", "not to renew", "to renew", "to extend"),
        2.0,
        "decides whether the contract renews",
        "a right for either party to stop renewal on the same notice",
    ),
    Topic(
        "termination.post_termination", "duty",
        _c(r"\b(?:after|following|upon|survive|post-)\s*(?:the\s+)?(?:expiration|expiry|termination)\b[^.;]{0,160}?"
           r"\b(?:continue\s+to\s+(?:supply|provide|sell|perform|service|support|maintain)|transition\s+(?:services|"
           r"assistance)|wind[\s-]?down|sell[\s-]?off|purchase\s+(?:all\s+)?(?:remaining|inventory|stock)|"
           r"repurchase|return\s+(?:all|any)\b|deliver\s+(?:all|any)|run[\s-]?off)|"
           r"\b(?:transition\s+(?:services|assistance|period)|sell[\s-]off\s+period|wind[\s-]down\s+period)\b"),
        ("expir", "terminat", "transition", "sell-off", "sell off", "wind"),
        1.0,
        "is owed work after the contract ends",
        "a reasonable transition period paid at the contract rates, and the same for both sides",
    ),
    # -- exclusivity and competition -----------------------------------------------------------------------
    Topic(
        "exclusivity.exclusive_dealing", "grant",
        _c(r"\b(?:exclusive(?!\s+of\b)|sole\s+and\s+exclusive|sole\s+(?:distributor|supplier|source|provider|"
           r"agent|representative|licensee|reseller))\b(?!\s+(?:jurisdiction|venue|remed\w*|forum|courts?|"
           r"property|owner\w*|right,\s+title|and\s+sole\s+remedy|remedy|liability|obligation|responsib\w*|"
           r"authority\s+to\s+determine|control\s+over\s+the\s+defen[cs]e))"),
        ("exclusiv", "sole distributor", "sole supplier", "sole source", "sole provider", "sole agent",
         "sole representative", "sole licensee", "sole reseller"),
        4.0,
        "holds exclusivity",
        "limit the exclusivity to named products and a territory, with minimum performance targets that end "
        "it if missed",
        holder="recipient",
        unless=_c(r"\bexclusive\s+(?:jurisdiction|venue|forum|remedy)|\bsole\s+and\s+exclusive\s+(?:remedy|"
                  r"liability|property|owner)|exclusive\s+(?:property|owner)|"
                  # a non-exclusive grant, unless an exclusive one comes first ("an exclusive licence under A,
                  # and a non-exclusive licence under B")
                  r"^(?:(?!(?<!non-)(?<!non)(?<!non\s)\bexclusive)[\s\S])*\bnon[-\s]?exclusive(?![^.;]{0,80}\bexclusive\b)|"
                  # "the services ... are not to be deemed to be exclusive", "is not exclusive": freedom, not a tie
                  r"\b(?:not|never)\s+(?:\w+\s+){0,5}?exclusive\b|"
                  + _NO_CHALLENGE),
    ),
    Topic(
        "exclusivity.exclusive_dealing", "restriction",
        _c(r"\b(?:shall|will|may|agrees?\s+(?:that\s+it\s+will\s+)?)\s+not\b[^.;]{0,80}?\b(?:purchase|buy|obtain|procure|"
           r"source|acquire|sell|distribute|market|resell|license|appoint|engage|use|carry|represent|supply|endorse|"
           r"sponsor|promote|advertise)\b"
           r"[^.;]{0,120}?\b(?:from|to|through|with|for|of)?\s*(?:any\s+(?:other\s+)?(?:third\s+part(?:y|ies)|person|"
           r"entity|supplier|source|manufacturer|vendor|distributor|dealer|agent|competitor|company|brand)|anyone\s+(?:other\s+"
           r"than|except)|other\s+than\s+(?:from\s+)?(?:the\s+)?(?-i:[A-Z]))|"
           # "purchase the Products exclusively from Supplier" (a verb of dealing first: "only to the Property",
           # "applies only to" are scope, not exclusivity)
           r"\b(?:purchas|buy|bought|obtain|procur|sourc|acquir|sell|sold|distribut|market|resell|resold|suppl|order|"
           r"licens|sublicens)\w*\b[^.;]{0,60}?\b(?:exclusively|solely|only)\s+(?:from|to|through|with)\s+(?!(?:the\s+)?extent)|"
           # "CONSULTANT shall exclusively play/use the MANDATORY PRODUCT"
           r"\b(?:shall|will|must|agrees?\s+to)\s+(?:\w+\s+)?exclusively\s+(?:use|purchase|buy|order|source|obtain|"
           r"distribute|sell|resell|promote|market|play|wear|endorse|stock|carry)\b"),
        ("any other", "any third", "third part", "any person", "any entity", "anyone", "other than", "exclusively",
         "solely", "only from", "only to", "only through", "only with", "any competitor", "any supplier",
         "any manufacturer", "any vendor", "any distributor", "any dealer", "any agent", "any source", "any company", "any brand"),
        4.0,
        "ties the other side to deal with it alone",
        "the freedom to buy from and sell to others, or exclusivity limited to named products with minimums",
    ),
    Topic(
        "exclusivity.non_compete", "restriction",
        _c(r"\b(?:compet(?:e|es|ing|itive|ition)|competitor)\b|\bengage\w*\s+in\s+(?:any\s+)?(?:business|activit)|"
           # "shall not engage in catering services", "will not carry on or be interested in any other trade"
           r"\b(?:shall|will|may)\s+not\b[^.;]{0,90}?\b(?:engage|participate|carry\s+on|be\s+(?:engaged|interested|"
           r"concerned))\w*\b[^.;]{0,80}?\b(?:business\w*|activit\w*|services|trade|employment|ventures?|enterprises?)\b|"
           r"\b(?:develop|manufacture|market|sell|distribute|offer|commercializ\w*|promote)\w*\b[^.;]{0,60}?"
           r"\b(?:similar|substitut\w*|identical|same\s+or\s+similar|comparable)\b"),
        ("compet", "engag", "similar", "substitut", "identical", "comparable", "particip", "carry on", "interested",
         "concerned"),
        4.0,
        "keeps the other side out of competition",
        "drop the non-compete, or limit it to named products, a territory and the term (with no tail)",
        unless=_c(r"\b(?:competent\s+(?:authority|jurisdiction|court)|compet\w+\s+bid|competitive\s+(?:price|"
                  r"pricing|rates?|terms|with)|most\s+competitive)\b"),
    ),
    Topic(
        "exclusivity.no_solicit_employees", "restriction",
        _c(r"\b(?:solicit\w*|hire|hiring|employ|recruit\w*|engage)\b[^.;]{0,120}?\b(?:employees?|personnel|staff|"
           r"consultants?|contractors?|officers?)\b|\b(?:employees?|personnel|staff)\b[^.;]{0,80}?\b(?:solicit\w*|"
           r"hire|recruit\w*)\b"),
        ("solicit", "hire", "hiring", "employ", "recruit", "personnel"),
        2.0,
        "may keep the other side from hiring its people",
        "a mutual non-solicit of people who worked on the contract, limited to 12 months, with the usual "
        "carve-out for general advertising",
        # "agrees to use commercially reasonable efforts to employ qualified sales personnel": staffing, not a
        # restriction on hiring
        unless=_c(r"\bnon-?employee|\bequal\s+employment\b|\b(?:employ|engage|hire|retain|assign|provide)\s+(?:\w+\s+){0,2}?"
                  r"(?:qualified|sufficient|adequate|competent|trained|experienced|skilled|dedicated)\b"),
    ),
    Topic(
        "exclusivity.no_solicit_customers", "restriction",
        _c(r"\b(?:solicit\w*|divert\w*|entice\w*|induce\w*|interfere\w*|circumvent\w*)\b[^.;]{0,140}?\b(?:customers?|clients?|"
           r"accounts?|suppliers?|distributors?|licensees?|business\s+relationships?|relationships?)\b"),
        ("solicit", "divert", "entice", "induce", "interfer", "circumvent"),
        2.0,
        "may keep the other side from its customers",
        "limit the non-solicit to customers introduced under the contract, for 12 months",
    ),
    Topic(
        "exclusivity.most_favored_nation", "duty",
        _c(r"\b(?:most\s+favou?red|no\s+less\s+favou?rable|not\s+(?:be\s+)?less\s+favou?rable|(?:at\s+least\s+as|"
           r"as)\s+favou?rable\s+as|lowest\s+(?:price|net\s+price|rates?)|better\s+(?:prices?|terms)\s+than|"
           r"(?:lower|better)\s+(?:prices?|terms)\s+to\s+any)\b"),
        ("favor", "favour", "lowest", "better price", "better terms", "lower price"),
        2.5,
        "is promised terms as good as anyone else's",
        "no most-favoured terms, or only for comparable volumes and terms, checked once a year",
    ),
    Topic(
        "exclusivity.first_refusal", "right",
        _c(r"\b(?:right\s+of\s+first\s+(?:refusal|offer|negotiation|notice)|first\s+right\s+(?:of|to)\s+(?:refus|"
           r"offer|negotiat|purchase|acquire)\w*|(?:option|right)\s+to\s+(?:match|meet\s+the\s+terms)|"
           r"(?:prior|preferential|pre-?emptive)\s+right|first\s+(?:refusal|offer)|exclusive\s+negotiation\s+period|"
           r"right\s+to\s+negotiate\s+exclusively)\b"),
        ("first", "match", "meet the terms", "prior right", "preferential", "emptive", "negotiat"),
        2.5,
        "holds a right of first refusal, offer or negotiation",
        "drop the right of first refusal, or make it a right of first notice with a short answer period",
    ),
    Topic(
        "exclusivity.non_disparagement", "restriction",
        _c(r"\b(?:disparag\w*|defam\w*|derogatory|negative\s+(?:light|statements?|comments?|remarks?|publicity)|"
           r"(?:harm|injure|damage|impair|tarnish)\w*\s+(?:the\s+)?(?:\w+\s+)?(?:reputation|goodwill|image)|"
           r"(?:into|to)\s+(?:public\s+)?(?:disrepute|ridicule|contempt|scandal)|reflect\w*\s+(?:adversely|negatively|"
           r"poorly|unfavou?rably))\b"),
        ("disparag", "defam", "derogatory", "negative", "reputation", "goodwill", "image", "disrepute", "ridicule",
         "contempt", "scandal", "reflect"),
        1.5,
        "is protected from criticism by the other side",
        "make the non-disparagement mutual, with a carve-out for truthful statements required by law",
    ),
    # -- payment -------------------------------------------------------------------------------------------
    Topic(
        "payment.minimum_commitment", "payment",
        _c(r"\b(?:minimum\s+(?:(?:annual|yearly|quarterly|monthly)\s+)?(?:purchases?|orders?|annual|quarterly|monthly|quantity|quantities|volume|commitment|"
           r"requirement|royalt\w*|fee|payment|amount|sales|units|number|guarant\w*)|guaranteed\s+minimum|"
           r"annual\s+guarantee|(?:purchase|order|buy)\s+(?:at\s+least|"
           r"not\s+less\s+than|no\s+less\s+than)|take[\s-]or[\s-]pay|shortfall|(?:(?:not|no)\s+(?:fewer|less)\s+than|at\s+least|"
           r"minimum\s+of)\s+(?:\w+\s+){0,2}?\(?[\d,.$]+\)?\s+(?!(?:calendar\s+|business\s+|working\s+)?(?:days?|months?|weeks?"
           r"|years?|hours?)\b)(?!%|percent))\b"),
        ("minimum", "at least", "not less than", "no less than", "take or pay", "take-or-pay", "shortfall",
         "not fewer than", "no fewer than", "annual guarantee"),
        3.0,
        "is owed a minimum purchase or payment",
        "no minimum commitment, or a forecast that binds only for the next quarter, and no shortfall payment",
        # "shall not be subject to any minimum purchase requirements": no commitment
        unless=_c(r"\bminimum\s+(?:wage|age|insurance|coverage|limits?)\b|\bnot\s+(?:be\s+)?(?:subject\s+to|"
                  r"required\s+to\s+(?:meet|make|purchase|order))\s+(?:any\s+)?minimum\b|\bno\s+minimum\b|"
                  # an offering's minimum ("unable to sell a minimum of 708,050 Shares"): the issuer's condition,
                  # no purchase committed to the other side
                  r"\bminimum\s+(?:number\s+of\s+)?(?:the\s+)?(?:[\d,]+\s+)?shares\b|\bsell\s+(?:a\s+|the\s+)?(?:required\s+)?"
                  r"minimum\b"),
    ),
    Topic(
        "payment.volume_restriction", "restriction",
        _c(r"\b(?:(?:shall|will|may)\s+not\s+(?:\w+\s+){0,3}?(?:exceed|order|purchase|use|sell)\b[^.;]{0,80}?\b(?:more\s+"
           r"than|in\s+excess\s+of|maximum|cap|limit)|maximum\s+(?:number|quantity|volume|of)|(?:up\s+to|no\s+more\s+"
           r"than|not\s+(?:to\s+)?exceed)\s+(?:\w+\s+)?(?:\(\d+\)\s+)?(?:units|users|seats|copies|licenses|"
           r"installations|sites|devices|orders))\b"),
        ("exceed", "maximum", "more than", "in excess", "up to"),
        2.0,
        "caps what the other side may use or buy",
        "volume limits that grow with fees paid, with a way to buy more at the same unit price",
    ),
    Topic(
        "payment.price_restrictions", "right",
        _c(r"\b(?:(?:increase|change|adjust|modify|revise|raise)\w*\s+(?:the\s+|its\s+|any\s+)?(?:prices?|fees?|"
           r"rates?|charges?|pricing)|(?:prices?|fees?|rates?|pricing)\s+(?:are\s+|is\s+)?subject\s+to\s+change|"
           r"(?:prices?|fees?|rates?)\s+(?:shall|will|may)\s+(?:not\s+)?(?:be\s+)?(?:increased|changed|adjusted))\b"),
        ("increas", "adjust", "rais", "revis", "subject to change", "modif", "chang"),
        3.0,
        "may change the price",
        "fixed prices for the initial term, and any later increase capped (e.g. CPI or 3% a year) with 90 "
        "days' notice and a right to terminate",
    ),
    Topic(
        "payment.revenue_sharing", "payment",
        _c(r"\b(?:royalt(?:y|ies)(?![\s-]*(?:free|bearing))|revenue\s+shar\w*|profit\s+shar\w*|share\s+of\s+(?:the\s+)?(?:net\s+|gross\s+)?"
           r"(?:revenues?|profits?|proceeds|receipts|sales|income)|(?:\d+|[a-z\-]+)\s*(?:\(\d+(?:\.\d+)?%?\))?\s*"
           r"(?:%|percent|per\s+cent)\s+of\s+(?:the\s+|all\s+|any\s+)?(?:net\s+|gross\s+)?(?:revenues?|profits?|"
           r"proceeds|receipts|sales|income|amounts?\s+(?:received|collected))|"
           # "commission" but not the Securities and Exchange Commission or another public body
           r"(?<!exchange\s)(?<!trade\s)(?<!utilities\s)(?<!communications\s)commissions?\b|"
           # shares given as pay ("shall issue to Xencor 10,000 shares of Common Stock"), not shares owned or voted
           r"\b(?:issu|grant|deliver|transfer|award|receiv)\w*\b[^.;]{0,80}?\bshares\s+of\s+(?:its\s+|the\s+)?"
           r"(?:restricted\s+)?(?:common|preferred|series\s+\w+)\s+(?:preferred\s+)?stock|(?:stock|share)\s+options?\b|"
           r"(?:shall|will)\s+pay\s+(?:to\s+)?(?:the\s+)?\S+(?:\s+\S+)?\s+(?:a|an)\s+(?:\w+\s+){1,2}?(?:fee|bonus|"
           r"commission|royalt\w+))"),
        ("royalt", "revenue", "profit", "share of", "percent", "per cent", "%", "commission", "stock", "option",
         "pay"),
        1.5,
        "receives a share of the other side's revenue",
        "a share computed on a defined net figure, with reporting and audit both ways",
        # a bank's or a wire's charges are costs, not a share of revenue;
        unless=_c(r"\b(?:commission|bank|wire|transfer|letter\s+of\s+credit)\s+(?:charges?|fees?)\b|"
                  # "shall not be entitled to receive any commission until ...": a share withheld, not one owed
                  r"\bnot\s+(?:be\s+)?(?:entitled|liable)\b[^.;]{0,60}?\b(?:commissions?|royalt\w+|margins?)\b|"
                  # a notary's acknowledgement on the signature pages ("my commission expires")
                  r"\backnowledged\s+before\s+me\b|\bnotary\s+public\b|\bcommission\s+expires\b|"
                  # a public body: "filed with the Commission" (the SEC as a defined term), "the Canadian Nuclear
                  # Safety Commission" (case-sensitive: a sales commission is written in lower case)
                  r"(?-i:\b(?:the|such|said)\s+Commission\b|\b[A-Z][a-z]+\s+Commission\b)|"
                  # an employee benefit plan: "the Bank's profit sharing/401(k) plan"
                  r"\bprofit\s+sharing\s*(?:/|and|or)?\s*(?:401|plan|retirement|trust)"),
    ),
    Topic(
        "payment.audit_rights", "right",
        _c(r"\baudit\s+rights?\b|\bright\b[^.;]{0,80}?\bto\s+(?:\w+\s+){0,2}?(?:audit|inspect|examine)\b|\b(?:audit\w*|inspect\w*|examin\w*)\b[^.;]{0,200}?\b(?:books|records|accounts|facilit\w*|premises|"
           r"plants?|sites?|operations|systems|documentation|compliance|warehouses?|locations?|stores?|offices?|equipment|"
           r"time\s*sheets?|documents|files|invoices|statements|practices|procedures|processes|manufactur\w*|quality)\b|\b(?:books|records|accounts)\b[^.;]{0,120}?"
           r"\b(?:audit\w*|inspect\w*|examin\w*|access)\b"),
        ("audit", "inspect", "examin", "books", "records"),
        1.5,
        "may audit the other side",
        "a mutual audit right, at most once a year, on 30 days' notice, at the auditor's cost unless it finds "
        "an error over 5%",
        unless=_c(r"\baudited\s+(?:financial|consolidated)\s+statements?|\bindependent\s+(?:certified\s+)?public\s+"
                  r"accountants?\s+(?:shall\s+)?(?:audit|examine)\s+(?:the\s+)?(?:financial|annual)"),
    ),
    Topic(
        "payment.terms", "payment",
        _c(r"\b(?:late\s+(?:payment\s+)?(?:fee|charge|interest|penalt)\w*|interest\s+(?:at|of)\s+(?:the\s+)?(?:rate|"
           r"lesser|\d)|(?:overdue|past\s+due|unpaid)\s+(?:amounts?|sums?|invoices?|balances?)[^.;]{0,80}?\binterest|"
           r"(?:\d+(?:\.\d+)?|[a-z\-]+)\s*(?:\(\d+(?:\.\d+)?%?\))?\s*(?:%|percent|per\s+cent)\s+per\s+(?:month|annum|year)"
           r"[^.;]{0,40}?(?:overdue|late|past\s+due|unpaid))"),
        ("late pay", "late fee", "late charge", "late interest", "late penalt", "overdue", "past due", "unpaid",
         "interest at", "interest of"),
        1.5,
        "collects late fees or interest",
        "late interest only after a written reminder and a 15-day grace period, at a statutory rate",
    ),
    # -- liability -----------------------------------------------------------------------------------------
    Topic(
        "liability.cap", "protection",
        _c(r"\b(?:(?:aggregate|total|maximum|cumulative|entire|overall)\s+(?:\w+\s+){0,2}?liability|"
           r"liability\s+(?:\w+\s+){0,6}?(?:shall|will|may)\s+not\s+exceed|(?:shall|will)\s+not\s+be\s+liable\b|"
           r"(?:shall|will)\s+(?:have\s+)?no\s+(?:\w+\s+)?liability|(?:in\s+no\s+event|under\s+no\s+circumstances?)\b"
           r"[^.;]{0,120}?\bliab\w+|(?:not\s+|nor\s+)(?:be\s+)?(?:liable|responsible)\s+(?:to\s+\w+\s+)?for\s+(?:any\s+)?"
           r"(?:indirect|special|incidental|consequential|punitive|exemplary|lost\s+profits)|limitation\s+of\s+"
           r"liability|liability\s+(?:is\s+|shall\s+be\s+)?limited\s+to|exclusive\s+(?:and\s+sole\s+)?remedy|sole\s+and"
           r"\s+exclusive\s+remedy|sole\s+remed(?:y|ies)|(?:liable|liability|responsible)\b[^.;]{0,60}?\bfor\s+(?:any\s+)?"
           r"(?:\w+,?\s+){0,4}?(?:indirect|special|incidental|consequential|punitive|exemplary|lost\s+profits|loss\s+of\s+"
           r"(?:profits?|revenues?|business|data|use))|liabilit(?:y|ies)\s+of\s+[^.;]{0,80}?\b(?:shall|will|is|are)\s+"
           r"(?:in\s+no\s+event\s+)?(?:be\s+)?(?:limited|not\s+exceed)|sole\s+(?:and\s+exclusive\s+)?(?:obligation|liability)s?\s+(?:\w+\s+){0,6}?(?:is|shall\s+be|"
           r"will\s+be)\s+(?:limited\s+)?to\s+(?:promptly\s+)?(?:repair|replace|refund|re-?perform|correct|credit|the\s+"
           r"(?:repair|replacement|refund)))\b"),
        ("liab", "remedy", "responsib", "sole obligation"),
        4.0,
        "has its liability capped or excluded",
        "the same cap and exclusions for both sides, with carve-outs for confidentiality, indemnities, data "
        "protection and wilful misconduct",
        holder="possessive",
    ),
    Topic(
        "liability.uncapped", "exposure",
        _c(r"\b(?:(?:limitations?|exclusions?|cap)\s+(?:of\s+liability\s+)?(?:set\s+forth\s+|contained\s+|described\s+|"
           r"in\s+this\s+|in\s+section\s+|herein\s+)?[^.;]{0,80}?(?:shall|will)\s+not\s+apply|shall\s+not\s+(?:limit|"
           r"apply\s+to)\s+(?:\w+\s+){0,3}(?:liability|obligations?)|unlimited\s+liability|without\s+limit(?:ation)?\s+"
           r"(?:as\s+to|of)\s+(?:amount|liability)|(?:except|excluding|other\s+than)\s+(?:for\s+)?(?:\w+\s+){0,6}?"
           r"(?:indemnif\w*|confidential\w*|gross\s+negligence|wil(?:l)?ful|fraud|breach\s+of\s+section|obligations?\s+to\s+pay|"
           r"payment\s+obligations?|(?:\w+['\u2019]s?\s+)(?:\w+\s+){0,3}?obligations?))"),
        ("liab", "damages", "limitation"),
        5.0,
        "is exposed without a cap",
        "a cap on every head of liability, or the same uncapped heads for both sides",
        holder="possessive",
    ),
    Topic(
        "liability.indemnification", "exposure",
        _c(r"\b(?:indemnif\w*|hold\s+(?:\w+\s+){0,4}?harmless|defend\b[^.;]{0,60}?\b(?:against|from)\b)"),
        ("indemn", "harmless", "defend"),
        4.0,
        "is indemnified",
        "mutual indemnities for each side's own breach, negligence and IP infringement, capped like other "
        "liability",
    ),
    Topic(
        "liability.liquidated_damages", "payment",
        _c(r"\b(?:liquidated\s+damages|(?:termination|cancellation|break(?:up)?|early\s+termination|kill)\s+fee|"
           r"penalt(?:y|ies)\s+(?:of|equal|in\s+the\s+amount)|(?:shall|will)\s+(?:pay|forfeit)\b[^.;]{0,80}?\b(?:as\s+"
           r"(?:a\s+)?(?:penalty|liquidated)|for\s+each\s+day\s+of\s+delay))\b"),
        ("liquidated", "fee", "penalt", "forfeit"),
        3.0,
        "is paid fixed damages or fees",
        "liquidated damages capped, as the sole remedy for the event, and the same for delays on both sides",
    ),
    Topic(
        "liability.insurance", "duty",
        _c(r"\b(?:(?:maintain|obtain|procure|carry|keep|have|provide|purchase)\w*\b[^.;]{0,80}?\binsurance|insurance\s+"
           r"(?:policy|policies|coverage|cover)\b[^.;]{0,80}?\b(?:maintain|obtain|procure|carry|keep)|additional\s+insureds?|"
           r"certificates?\s+of\s+insurance|(?:general|product|professional|cyber|employer'?s?|umbrella|excess|workers'?)\s+"
           r"(?:liability\s+|compensation\s+)?insurance|(?:be|is|are)\s+insured\s+by|insurance\s+(?:policies|coverage)\s+"
           r"(?:shall|will|must))\b"),
        ("insur",),
        1.0,
        "is protected by the other side's insurance",
        "insurance duties on both sides, at levels the risk needs, with notice before cover changes",
        # deposits "insured by the FDIC" (a bank's representation): no cover one party owes the other
        unless=_c(r"\binsured\s+by\s+(?:the\s+)?(?:FDIC|Federal\s+Deposit|Savings\s+Association\s+Insurance|"
                  r"National\s+Credit\s+Union)|\bdeposit\s+(?:accounts?\s+)?insurance\b"),
    ),
    Topic(
        "liability.warranty_duration", "duty",
        _c(r"\b(?:warrant\w*|guarant\w*)\b[^.;]{0,160}?\b(?:for\s+a\s+period\s+of|period\s+of|months?|years?|days?)\b|"
           r"\bwarranty\s+period\b"),
        ("warrant", "guarant"),
        1.0,
        "is given a warranty for a period",
        "a warranty of the same length for what each side delivers, and remedies beyond repair or replace",
        # "Operator shall be under no obligation to provide services for any system not paid for": a duty lifted
        # "pay to PFHOF a minimum guarantee of $1,250,000": a guaranteed payment is money, not a warranty
        unless=_c(r"\bunder\s+no\s+obligation\b|\bno\s+obligation\s+to\b|\bminimum\s+(?:annual\s+)?guarant\w*|"
                  # "Distributor cannot guarantee a one business day review": a service level disclaimed
                  r"\b(?:cannot|can\s*not|does\s+not|do\s+not|will\s+not|makes?\s+no)\s+guarantee\b|"
                  r"\bguaranteed\s+(?:minimum|payments?|amounts?|fees?|royalt\w*)|\b(?:annual|royalty)\s+guarantee|"
                  r"\bguarantee\w*\s+(?:that\s+)?(?:the\s+|its\s+)?(?:annual\s+|minimum\s+|monthly\s+|quarterly\s+)?"
                  r"(?:purchase|order|sales)\s+(?:volume|quantit\w*|amount)"),
    ),
    Topic(
        "liability.warranty_disclaimer", "protection",
        _c(r"\b(?:disclaims?|disclaimed|disclaimer\s+of)\b[^.;]{0,120}?\b(?:warrant\w*|merchantab\w*|fitness|representations?)|"
           r"\bmakes?\s+no\s+(?:other\s+)?(?:representations?\s+or\s+)?warrant\w*|\b(?:provided|furnished|delivered)\s+(?:on\s+an\s+)?"
           r"[\"\u201c]?as[\s-]+is\b|\bno\s+(?:other\s+)?(?:express\s+or\s+implied\s+)?warrant(?:y|ies)\b[^.;]{0,60}?\b(?:are|is|"
           r"shall\s+be)\s+(?:given|made|provided)"),
        ("disclaim", "no warrant", "no other warrant", "as is", "as-is", "no representation"),
        2.0,
        "disclaims warranties for what it provides",
        "warranties that what is delivered conforms to its specifications and is fit for the agreed purpose, "
        "with a remedy beyond repair or refund",
    ),
    Topic(
        "liability.covenant_not_to_sue", "restriction",
        _c(r"\b(?:covenants?\s+not\s+to\s+sue|(?:shall|will|may)\s+not\s+(?:\w+\s+){0,3}?(?:challenge|contest|"
           r"oppose|dispute|attack)\b[^.;]{0,80}?\b(?:validity|ownership|patents?|marks?|trademarks?|rights?|"
           r"title|enforceability)|(?:waives?|releases?)\s+(?:any\s+and\s+all\s+|all\s+|any\s+)?(?:claims?|rights?\s+to"
           r"\s+sue)|(?:not|neither|nor|never)\b[^.;]{0,60}?\b(?:contest|challenge|oppose|attack|impair)\w*\b[^.;]{0,80}?\b(?:validity|"
           r"ownership|enforceability|rights?)|(?:not|neither|nor)\b[^.;]{0,40}?\b(?:register|file\s+any\s+application)\w*\b"
           r"[^.;]{0,80}?\b(?:trade\s*marks?|marks?|names?|domain|copyright))\b"),
        ("sue", "challenge", "contest", "oppose", "attack", "waive", "release", "impair", "register", "application"),
        2.5,
        "is shielded from challenges or claims by the other side",
        "drop the covenant not to sue or no-challenge clause, or make it mutual and limited to the licensed "
        "rights",
    ),
    # -- intellectual property -----------------------------------------------------------------------------
    Topic(
        "ip.ownership_assignment", "grant",
        _c(r"\b(?:(?:hereby\s+)?(?:assigns?|transfers?|conveys?)\b[^.;]{0,120}?\b(?:all\s+)?(?:right,?\s+title|"
           r"intellectual\s+property|patents?|inventions?|work\s+product|deliverables?|copyrights?|ownership)|"
           r"(?:shall|will)\s+(?:\w+\s+){0,3}?(?:be\s+(?:and\s+remain\s+)?(?:the\s+)?(?:sole\s+(?:and\s+exclusive\s+)?|exclusive\s+)?"
           r"(?:property|owned)|(?:vest|belong)\w*)\b[^.;]{0,40}?\b(?:of|by|in|to)\b|work(?:s)?\s+made\s+for\s+hire|"
           r"(?:sole|exclusive)\s+(?:and\s+exclusive\s+)?own(?:er|ership)\s+of|(?:shall|will)\s+(?:solely\s+|exclusively\s+)?"
           r"own\s+(?:and\s+retain\s+)?all\s+(?:right|title|intellectual)|(?:deemed|considered)\s+(?:to\s+be\s+)?(?:\w+\s+){0,4}?"
           r"property\b|(?:hereby\s+)?assigns?\b[^.;]{0,60}?\ball\s+(?:of\s+its\s+)?rights?\b)"),
        ("assign", "transfer", "convey", "property", "owned", "vest", "belong", "hire", "owner"),
        3.0,
        "gets ownership of intellectual property",
        "each side keeps what it brings; the buyer owns only the paid-for deliverables, with a licence back "
        "to the supplier's tools and know-how",
        holder="recipient",
        unless=_c(r"\bassign\w*\s+(?:this\s+)?agreement|\bassign\w*\s+(?:or\s+\w+\s+)?(?:(?:all|any)\s+(?:or\s+any\s+)?"
                  r"(?:part\s+)?(?:of\s+)?)?(?:its|their)\s+rights\s+(?:(?:and|or)\s+(?:\w+\s+)?obligations\s+)?(?:under|hereunder)|for\s+the\s+benefit\s+of\s+creditors|"
                  r"\bin\s+and\s+to\s+this\s+agreement\b|" + _NO_CHALLENGE + r"|"
                  # ownership of a thing that is no intellectual property: an insurance policy, shares, goods
                  r"\bowner(?:ship)?\s+of\s+(?:the\s+|such\s+|any\s+)?(?:insurance\s+)?(?:polic(?:y|ies)|shares|stock|"
                  r"premises|real\s+estate|equipment|vehicles?|aircraft|inventory|goods)\b|"
                  # "all of the outstanding capital stock of the Bank ... will be owned by the Company"
                  r"\b(?:capital\s+stock|outstanding\s+(?:shares|stock))\b"),
    ),
    Topic(
        "ip.license_grant", "grant",
        _c(r"\b(?:(?:hereby\s+)?grants?|(?:shall|will|agrees?\s+to)\s+grant)\b[^.;]{0,120}?\b(?:licen[cs]e|sub-?licen[cs]e|"
           r"right\s+to\s+use)|\blicen[cs]e\s+(?:is\s+|shall\s+be\s+)?granted\s+to\b"),
        ("grant", "granted"),
        1.0,
        "receives a licence",
        "check the licence's scope, term and field against what the deal needs; licences both ways where "
        "both contribute",
        holder="recipient",
    ),
    Topic(
        "ip.irrevocable_license", "grant",
        _c(r"\b(?:irrevocabl[ey]|perpetual(?:ly)?|in\s+perpetuity)\b"
           r"(?=[^.;]{0,160}?\b(?:licen[cs]e|right\s+to\s+use|rights?\b))"),
        ("irrevocab", "perpetu"),
        2.0,
        "receives an irrevocable or perpetual licence",
        "a licence that ends with the contract (or on uncured breach), and that is paid for",
        holder="recipient",
    ),
    # -- assignment, confidentiality, general ---------------------------------------------------------------
    Topic(
        "assignment.anti_assignment", "restriction",
        _c(r"\b(?:(?:shall|will|may)\s+not\b[^.;]{0,60}?\b(?:assign|transfer|delegate|sublicen[cs]e|subcontract)\w*"
           r"|(?:no|any)\s+(?:purported\s+)?assignment\b|agreement\s+(?:is|shall\s+not\s+be|will\s+not\s+be)\s+(?:not\s+)?(?:assign|transfer)able\b|"
           r"\b(?:not|no|neither|nor|only)\b[^.;]{0,60}?(?:assign|transfer|delegate)\w*\b[^.;]{0,120}?\bwithout\s+"
           rf"{_CONSENT}|(?:assign|transfer|delegate)\w*\b[^.;]{{0,120}}?\b(?:only\s+)?with\s+{_CONSENT})"),
        ("assign", "transfer", "delegat", "sublicen", "subcontract"),
        2.0,
        "controls whether the other side can assign",
        "the same assignment rule for both sides, with assignment allowed to an affiliate or a buyer of the "
        "business",
        unless=_c(r"for\s+the\s+benefit\s+of\s+(?:its\s+|his\s+|their\s+)?creditors"),
    ),
    Topic(
        "assignment.anti_assignment", "right",
        _c(r"\b(?:may|(?:shall\s+)?(?:have\s+the\s+)?right\s+to|(?:is|are)\s+(?:free|entitled|permitted)\s+to)\s+"
           r"(?:freely\s+)?(?:assign|transfer)\w*\b"
           rf"(?![^.;]{{0,120}}\b(?:only\s+)?with\s+{_CONSENT})"),
        ("assign", "transfer"),
        2.0,
        "may assign the contract freely",
        "the same assignment freedom for both sides",
    ),
    Topic(
        "confidentiality.obligations", "restriction",
        _c(r"\b(?:(?:keep|hold|maintain|treat)\w*\b[^.;]{0,60}?\b(?:confiden\w*|secret)|(?:shall|will)\s+not\s+"
           r"(?:\w+\s+){0,3}?disclos\w*\b[^.;]{0,100}?\b(?:confiden\w*|proprietary|information))\b"),
        ("confiden", "secret", "disclos"),
        1.5,
        "is protected by the other side's confidentiality duty",
        "mutual confidentiality on the same terms",
    ),
    Topic(
        "general.sole_discretion", "right",
        _c(r"\b(?:(?:in|at)\s+(?:its|their|his|her)\s+(?:sole|absolute|own)\s+(?:and\s+absolute\s+)?(?:discretion|"
           r"judgment|option|election)|sole\s+discretion\s+of)\b"),
        ("discretion", "judgment", "option", "election"),
        1.5,
        "decides in its sole discretion",
        "decisions on reasonable grounds, in good faith, with written reasons",
    ),
    Topic(
        "general.unilateral_change", "right",
        _c(r"\b(?:may|reserves?\s+the\s+right\s+to|right\s+to)\s+(?:\w+\s+){0,3}?(?:amend|modify|change|update|"
           r"revise|alter|supplement)\b[^.;]{0,80}?\b(?:this\s+agreement|these\s+terms|the\s+terms|terms\s+and\s+"
           r"conditions|polic(?:y|ies)|specifications?|program|price\s+list|schedule)"),
        ("amend", "modif", "change", "update", "revis", "alter", "supplement"),
        3.0,
        "may change the terms on its own",
        "changes only by written amendment signed by both sides",
    ),
    Topic(
        "termination.suspension", "right",
        _c(r"\b(?:suspend\w*|suspension)\b[^.;]{0,120}?\b(?:performance|services?|deliver\w*|shipments?|access|"
           r"accounts?|supply|obligations?)\b"),
        ("suspen",),
        2.0,
        "may suspend performance",
        "suspension only for material non-payment after notice and a cure period, and restored at once when cured",
    ),
)


def topic(category: str) -> list[Topic]:
    """The topics of a category (some have two: exclusivity granted, and exclusivity as a restriction)."""
    return [t for t in TOPICS if t.category == category]


def weight_of(category: str | None) -> float:
    """The commercial weight of a category (the heaviest of its topics; 1.0 for categories without one)."""
    return max((t.weight for t in TOPICS if t.category == category), default=1.0)

