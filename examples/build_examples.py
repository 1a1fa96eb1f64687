"""Build the example contract shipped in ``examples/``: one agreement in DOCX, PDF and plain text.

The agreement is written for this project (it is not taken from any data set) and is kept below as a small
line-based source, so the three formats always say the same thing:

* ``master_services_agreement.docx`` uses *real* Word automatic numbering -- a numbering part with one
  multilevel list ("1." articles, "1.1" sections, "(a)" sub-clauses) that paragraphs reference through
  ``w:numPr`` -- so the numbers exist only as Word renders them, exactly as in most firms' precedents. Run-in
  headings ("Term.") are bold at the start of the section's paragraph.
* ``master_services_agreement.pdf`` is that DOCX printed by LibreOffice, so the PDF loader sees the layout
  a real "print to PDF" produces (running footer with page numbers, wrapped lines, a table).
* ``master_services_agreement.txt`` is the same contract with the numbers typed out, one paragraph a line.

The draft deliberately favours the Provider and carries a few drafting defects that later checkers are
meant to catch: a number whose words and digits disagree ("thirty (60) days"), an "and/or", an
"[insert date]" placeholder, and a reference to a Section that does not exist (Section 14.5).

Regenerating needs python-docx (a runtime dependency) and, for the PDF only, LibreOffice plus the
Liberation fonts (metric-compatible with Times New Roman, so pagination matches Word's). They are *not*
needed to use leverage_lens; install them only to rebuild the examples, e.g. on Debian/Ubuntu::

    apt-get update && apt-get install -y --no-install-recommends libreoffice-writer fonts-liberation2
    python examples/build_examples.py            # writes the .docx, .txt and .pdf beside this script
    python examples/build_examples.py --no-pdf   # without LibreOffice: .docx and .txt only

The DOCX is written with fixed ZIP timestamps and document properties, so rebuilding it gives identical
bytes; the PDF embeds LibreOffice's creation time and so changes on every build.
"""

from __future__ import annotations

import argparse
import copy
import io
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from docx import Document as new_docx
from docx.document import Document as DocxDocument
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Inches, Pt
from docx.text.paragraph import Paragraph

HERE = Path(__file__).resolve().parent
STEM = "master_services_agreement"

# --------------------------------------------------------------------------------------------------------
# The contract. One block a line; the first word says what the block is:
#   TITLE t        centred bold title              CENTER t     centred bold line (RECITALS, EXHIBIT A)
#   P t            plain paragraph                 ART t        article heading, numbered "1."
#   SEC h | t      section "1.1", run-in bold heading h (may be empty: definitions have none)
#   P h | t        unnumbered paragraph with a run-in bold heading (the exhibit's notes)
#   SUB t          sub-clause "(a)"                SIG a | b    signature lines: Provider's | Customer's
#   ROW a | b | c  table row (the first ROW is the header)    BREAK        page break
# Straight quotes here become typographic quotes in every output, as Word's AutoFormat would make them.
# --------------------------------------------------------------------------------------------------------
CONTRACT = """
TITLE MASTER SERVICES AGREEMENT
P This Master Services Agreement (this "Agreement") is entered into as of [insert date] (the "Effective Date") by and between Northwind Analytics, Inc., a Delaware corporation with offices at 410 Harbor Street, Suite 1200, Seattle, Washington 98101 ("Provider"), and Contoso Retail LLC, a Washington limited liability company with offices at 88 Pine Avenue, Redmond, Washington 98052 ("Customer"). Provider and Customer are each a "Party" and together the "Parties".
CENTER RECITALS
P WHEREAS, Provider operates a hosted data analytics platform and provides related implementation and consulting services;
P WHEREAS, Customer operates retail stores and an online shop and wishes to use Provider's platform to analyse its sales, inventory and loyalty-programme data; and
P WHEREAS, the Parties wish to set out the terms on which Provider will provide, and Customer will pay for, those services.
P NOW, THEREFORE, in consideration of the mutual promises in this Agreement and for other good and valuable consideration, the receipt and sufficiency of which are acknowledged, the Parties agree as follows:
ART DEFINITIONS
SEC | "Affiliate" means any entity that directly or indirectly controls, is controlled by, or is under common control with a Party, where "control" means ownership of more than fifty percent (50%) of the voting interests of the entity.
SEC | "Confidential Information" means all non-public information disclosed by or on behalf of a Party (the "Discloser") to the other Party (the "Recipient") that is marked as confidential or that a reasonable person would understand to be confidential, including the terms of this Agreement.
SEC | "Customer Data" means the data, files and other materials that Customer or its Users submit to the Services.
SEC | "Deliverables" means the reports, dashboards, data models and other work product that Provider delivers to Customer under a Statement of Work.
SEC | "Documentation" means Provider's then-current user guides and technical specifications for the Services.
SEC | "Fees" means the fees set out in Exhibit A and in each Statement of Work.
SEC | "Services" means the hosted analytics platform known as Northwind Insight, together with the implementation, support and professional services described in a Statement of Work.
SEC | "Statement of Work" or "SOW" means a document signed by both Parties that refers to this Agreement and describes Services, Deliverables and Fees.
SEC | "Users" means Customer's employees and contractors whom Customer authorises to use the Services.
ART SERVICES
SEC Provision of Services | Subject to the terms of this Agreement, Provider shall make the Services available to Customer during the Term and shall perform the work described in each Statement of Work. If a Statement of Work conflicts with this Agreement, this Agreement controls unless the Statement of Work expressly states otherwise.
SEC Service Levels | Provider shall use commercially reasonable efforts to make the hosted Services available 99.5% of the time in each calendar month, excluding scheduled maintenance and the events described in Section 15.5 (Force Majeure). Customer's sole and exclusive remedy for any failure to meet this target is the service credit described in Exhibit A.
SEC Changes to the Services | Provider may modify the Services, the Documentation and its support policies from time to time at its discretion, provided that the modifications do not materially reduce the core functionality of the Services during the then-current Term.
SEC Customer Responsibilities | Customer shall:
SUB give Provider timely access to the personnel, systems and information reasonably required to perform the Services;
SUB be responsible for the acts and omissions of its Users and ensure that they comply with this Agreement; and
SUB not resell or sublicense the Services, reverse engineer any part of them, or use them to build a competing product.
SEC Subcontractors | Provider may use subcontractors and its Affiliates to perform the Services and remains responsible for their performance.
ART FEES AND PAYMENT
SEC Fees | Customer shall pay the Fees set out in Exhibit A and in each Statement of Work. Except as expressly provided in this Agreement, Fees are non-cancellable and non-refundable.
SEC Invoicing and Payment | Provider will invoice subscription Fees annually in advance and professional services Fees monthly in arrears. Customer shall pay each invoice within thirty (30) days after the invoice date, in U.S. dollars, by wire transfer and/or ACH to the account Provider designates.
SEC Late Payment | Any amount Customer does not pay when due bears a late charge of one and one-half percent (1.5%) per month, or the highest rate permitted by law if lower, from the due date until paid. If any amount is more than fifteen (15) days overdue, Provider may, without limiting its other rights and remedies, suspend the Services until all overdue amounts are paid in full.
SEC Taxes | Fees exclude all sales, use, value-added, withholding and similar taxes. Customer shall pay all such taxes, other than taxes on Provider's net income.
SEC Fee Increases | Provider may increase the Fees for any Renewal Term by giving Customer written notice at least thirty (30) days before that Renewal Term starts.
SEC Disputed Invoices | Customer must notify Provider in writing of any good-faith dispute over an invoice within ten (10) days after the invoice date, failing which the invoice is deemed accepted.
ART TERM AND RENEWAL
SEC Term | This Agreement commences on the Effective Date and continues for an initial term of three (3) years (the "Initial Term").
SEC Automatic Renewal | At the end of the Initial Term and of each Renewal Term, this Agreement renews automatically for a further period of one (1) year (each, a "Renewal Term" and, together with the Initial Term, the "Term") unless Customer gives Provider written notice of non-renewal no fewer than ninety (90) and no more than one hundred twenty (120) days before the end of the then-current Term.
SEC Statements of Work | Each Statement of Work remains in effect for the period stated in it. Expiry of this Agreement does not end a Statement of Work then in effect, which continues to be governed by this Agreement until it ends.
ART TERMINATION
SEC Termination for Convenience | Provider may terminate this Agreement or any Statement of Work at any time, for any reason or no reason, by giving Customer thirty (60) days' prior written notice.
SEC Termination for Cause | Either Party may terminate this Agreement by written notice if the other Party materially breaches it and does not cure the breach within thirty (30) days after receiving written notice describing it.
SEC Insolvency | Either Party may terminate this Agreement immediately by written notice if the other Party becomes insolvent, makes a general assignment for the benefit of creditors, or becomes the subject of any bankruptcy, receivership or similar proceeding that is not dismissed within sixty (60) days.
SEC Effect of Termination | On expiry or termination of this Agreement:
SUB all rights to use the Services end and Customer shall stop using them;
SUB Customer shall pay all Fees accrued up to the effective date of termination and, if Provider terminates under Section 5.2 or Section 5.3, all Fees that would have fallen due for the remainder of the then-current Term;
SUB each Party shall return or destroy the other Party's Confidential Information, subject to Section 6.4; and
SUB for thirty (30) days after termination, Provider shall make Customer Data available for export in a standard format, after which Provider may delete it.
SEC Survival | Articles 1, 6, 7, 9, 10, 12 and 13, and any other provision that by its nature should survive, survive expiry or termination of this Agreement.
ART CONFIDENTIALITY
SEC Obligations | The Recipient shall use the Discloser's Confidential Information only to exercise its rights and perform its obligations under this Agreement; shall not disclose it to any third party except to its and its Affiliates' employees, contractors and advisers who need to know it and are bound by confidentiality obligations at least as protective as these; and shall protect it with at least the care it uses for its own similar information, and no less than reasonable care.
SEC Exclusions | Confidential Information does not include information that the Recipient can show is or becomes public through no fault of the Recipient, was known to the Recipient without restriction before disclosure, is independently developed without use of the Discloser's Confidential Information, or is rightfully received from a third party without a duty of confidentiality.
SEC Compelled Disclosure | The Recipient may disclose Confidential Information to the extent required by law or court order, provided that it gives the Discloser prompt notice (where legally permitted) and reasonable help in seeking a protective order.
SEC Duration | The obligations in this Article 6 last during the Term and for three (3) years afterwards, except that for trade secrets they last for as long as the information remains a trade secret under applicable law.
SEC Aggregated Data | Notwithstanding anything to the contrary, Provider may collect, use and disclose data derived from Customer's use of the Services in aggregated and de-identified form for any purpose, including improving and marketing its products.
ART INTELLECTUAL PROPERTY
SEC Provider Property | Provider and its licensors own all right, title and interest in and to the Services, the Documentation and all related intellectual property. No rights are granted to Customer other than as expressly set out in this Agreement.
SEC Customer Data | Customer owns the Customer Data. Customer grants Provider a worldwide, non-exclusive, royalty-free licence to host, copy, process and display Customer Data as needed to provide the Services.
SEC Deliverables | Upon payment in full, Provider grants Customer a non-exclusive, non-transferable licence to use the Deliverables for Customer's internal business purposes during the Term. Provider retains ownership of the Deliverables and of all know-how, tools and methods used to create them.
SEC Feedback | If Customer provides suggestions or other feedback about the Services, Provider may use it without restriction or obligation to Customer.
ART WARRANTIES
SEC Mutual Warranties | Each Party represents and warrants that it is duly organised and in good standing, and that it has full power and authority to enter into and perform this Agreement.
SEC Performance Warranty | Provider warrants that the professional services will be performed in a professional and workmanlike manner. Customer must notify Provider of any breach of this warranty, in the manner set out in Section 14.5, within ten (10) days after the non-conforming services are performed. As Customer's exclusive remedy, Provider shall re-perform the non-conforming services or, if it cannot do so within a reasonable time, refund the Fees paid for them.
SEC Disclaimer | EXCEPT AS EXPRESSLY SET OUT IN THIS ARTICLE 8, THE SERVICES AND DELIVERABLES ARE PROVIDED "AS IS" AND PROVIDER DISCLAIMS ALL OTHER WARRANTIES, WHETHER EXPRESS, IMPLIED OR STATUTORY, INCLUDING ANY IMPLIED WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE, TITLE AND NON-INFRINGEMENT.
ART LIMITATION OF LIABILITY
SEC Exclusion of Damages | IN NO EVENT WILL PROVIDER OR ITS AFFILIATES BE LIABLE TO CUSTOMER FOR ANY INDIRECT, INCIDENTAL, SPECIAL, CONSEQUENTIAL, EXEMPLARY OR PUNITIVE DAMAGES, OR FOR ANY LOSS OF PROFITS, REVENUE, DATA OR GOODWILL, ARISING OUT OF OR RELATING TO THIS AGREEMENT, HOWEVER CAUSED AND EVEN IF ADVISED OF THEIR POSSIBILITY.
SEC Cap on Liability | PROVIDER'S TOTAL CUMULATIVE LIABILITY ARISING OUT OF OR RELATING TO THIS AGREEMENT WILL NOT EXCEED THE FEES PAID BY CUSTOMER UNDER THIS AGREEMENT IN THE THREE (3) MONTHS BEFORE THE EVENT GIVING RISE TO THE CLAIM.
SEC Application | The limitations in this Article 9 apply to all causes of action, whether in contract, tort (including negligence) or otherwise, and survive any failure of essential purpose of any limited remedy. Nothing in this Article 9 limits Customer's obligation to pay Fees or its obligations under Article 10.
ART INDEMNIFICATION
SEC By Customer | Customer shall defend, indemnify and hold harmless Provider, its Affiliates and their officers, directors, employees and agents from and against any and all claims, losses, damages, liabilities, costs and expenses (including reasonable attorneys' fees) arising out of or relating to:
SUB Customer Data;
SUB Customer's or its Users' use of the Services; or
SUB any breach of this Agreement by Customer.
SEC By Provider | Provider shall defend Customer against any third-party claim alleging that the Services, as delivered by Provider, infringe a United States patent issued as of the Effective Date, and shall pay the damages finally awarded against Customer on that claim. Provider has no obligation for any claim arising from modifications not made by Provider, from the combination of the Services with products not supplied by Provider, or from Customer's continued use of the Services after Provider has told it to stop. Provider may, at its option, modify the Services to be non-infringing or terminate this Agreement and refund any prepaid Fees for the unused part of the Term.
SEC Procedure | The indemnified Party shall promptly notify the indemnifying Party of the claim, give it sole control of the defence and settlement, and provide reasonable cooperation at the indemnifying Party's expense.
ART EXCLUSIVITY AND NON-SOLICITATION
SEC Exclusivity | During the Term, Customer shall obtain analytics services of the kind provided under this Agreement exclusively from Provider and shall not engage any other provider for substantially similar services.
SEC Non-Solicitation | During the Term and for twenty-four (24) months afterwards, Customer shall not, directly or indirectly, solicit for employment or hire any employee or contractor of Provider who was involved in performing the Services. If Customer breaches this Section 11.2, Customer shall pay Provider, as liquidated damages, an amount equal to one hundred percent (100%) of that individual's annual compensation at Provider.
ART GOVERNING LAW AND VENUE
SEC Governing Law | This Agreement is governed by the laws of the State of Delaware, without regard to its conflict of laws rules. The United Nations Convention on Contracts for the International Sale of Goods does not apply.
SEC Venue | Each Party irrevocably submits to the exclusive jurisdiction of the state and federal courts located in Wilmington, Delaware for any action arising out of or relating to this Agreement, and waives any objection to venue in those courts.
SEC Equitable Relief | Provider may seek injunctive or other equitable relief in any court of competent jurisdiction to protect its intellectual property or Confidential Information.
SEC Waiver of Jury Trial | EACH PARTY WAIVES ITS RIGHT TO A TRIAL BY JURY IN ANY ACTION ARISING OUT OF OR RELATING TO THIS AGREEMENT.
ART ASSIGNMENT
SEC By Provider | Provider may assign or transfer this Agreement, in whole or in part, to any Affiliate or to a successor in connection with a merger, acquisition, reorganisation or sale of all or substantially all of its assets or business, without Customer's consent.
SEC By Customer | Customer may not assign or transfer this Agreement, whether voluntarily, by operation of law or otherwise, without Provider's prior written consent. A change of control of Customer is deemed an assignment. Any attempted assignment in breach of this Section 13.2 is void.
SEC Successors | This Agreement binds and benefits the Parties and their permitted successors and assigns.
ART NOTICES
SEC Form of Notice | All notices under this Agreement must be in writing and are effective when delivered by hand, one (1) business day after dispatch by a recognised overnight courier, or when sent by email, provided that notices of breach, termination or an indemnifiable claim must also be sent by courier.
SEC Addresses | Notices to Provider go to 410 Harbor Street, Suite 1200, Seattle, Washington 98101, Attention: General Counsel (legal@northwind-analytics.example). Notices to Customer go to the address first written above, Attention: Chief Operating Officer, or to another address that a Party designates by notice under this Section 14.2.
SEC Operational Notices | Provider may give notice of changes to the Services, the Documentation or its policies by posting it in the Services or by email to Customer's account administrator.
ART GENERAL
SEC Entire Agreement | This Agreement, including its Exhibits and all Statements of Work, is the entire agreement between the Parties about its subject matter and supersedes all prior and contemporaneous agreements, proposals and representations. Any terms in a Customer purchase order are void.
SEC Amendment; Waiver | Except as set out in Section 2.3 and Section 3.5, this Agreement may be amended only in a writing signed by both Parties. A failure or delay in exercising a right is not a waiver of it.
SEC Severability | If any provision of this Agreement is held unenforceable, it will be enforced to the maximum extent permissible and the remaining provisions remain in full force and effect.
SEC Independent Contractors | The Parties are independent contractors. Nothing in this Agreement creates a partnership, joint venture, agency or employment relationship between them.
SEC Force Majeure | Neither Party is liable for a delay or failure to perform (other than a payment obligation) caused by events beyond its reasonable control, including natural disasters, epidemics, war, terrorism, labour disputes, internet or utility failures and acts of government.
SEC Publicity | Provider may identify Customer as a customer, including by using Customer's name and logo, in its marketing materials and on its website.
SEC Counterparts | This Agreement may be executed in counterparts, including by electronic signature, each of which is an original and all of which together are one instrument.
P IN WITNESS WHEREOF, the Parties have executed this Agreement as of the Effective Date.
SIG NORTHWIND ANALYTICS, INC. | CONTOSO RETAIL LLC
SIG By: ________________________ | By: ________________________
SIG Name: Dana R. Whitfield | Name: Marcus J. Oyelaran
SIG Title: Chief Executive Officer | Title: Chief Operating Officer
SIG Date: ______________________ | Date: ______________________
BREAK
CENTER EXHIBIT A
CENTER FEES SCHEDULE
P This Exhibit A forms part of the Master Services Agreement between Northwind Analytics, Inc. and Contoso Retail LLC. Capitalised terms have the meanings given to them in the Agreement.
ROW Item | Fee | Billing
ROW Northwind Insight subscription (up to 250 Users) | $96,000 per year | Annually in advance
ROW Additional Users (blocks of 25) | $8,400 per block per year | Annually in advance, pro-rated
ROW Implementation services (SOW No. 1, fixed scope) | $42,500 | 50% on signature, 50% on go-live
ROW Additional professional services | $225 per hour | Monthly in arrears
ROW Premium support (optional) | 15% of subscription Fees | Annually in advance
P Service credits | If hosted availability in a calendar month falls below 99.5%, Customer may request a credit of five percent (5%) of that month's subscription Fees, up to ten percent (10%) in total for the month. Requests must be made within fifteen (15) days after the end of the month. Service credits are Customer's sole remedy for unavailability, are applied to future invoices and are never payable in cash.
P Annual increase | Unless Provider gives notice of a different increase under Section 3.5, the Fees increase by seven percent (7%) at the start of each Renewal Term.
P Expenses | Customer shall reimburse Provider's reasonable travel and out-of-pocket expenses at cost, invoiced monthly in arrears.
"""

FIXED_TIME = datetime(2024, 1, 15, 9, 0, 0)
FONT = "Times New Roman"


@dataclass(frozen=True)
class Block:
    """One line of the source: its kind, an optional run-in heading, and its text."""

    kind: str
    text: str
    heading: str | None = None


def smart_quotes(text: str) -> str:
    """Straight quotes to typographic ones, the way Word's AutoFormat-as-you-type does."""
    text = re.sub(r'(^|[\s(\[])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(\w)'", "\\1\u2019", text)
    return text.replace("'", "\u2018")


def read_source(source: str = CONTRACT) -> list[Block]:
    """Parse the line-based contract source into blocks, failing loudly on a typo in a tag."""
    blocks: list[Block] = []
    for lineno, line in enumerate(source.strip().splitlines(), 1):
        tag, _, rest = line.partition(" ")
        rest = smart_quotes(rest.strip())
        if tag in {"SEC", "P"} and " | " in rest or tag == "SEC":
            heading, sep, body = rest.partition(" | ")
            if not sep and rest.startswith("| "):
                heading, body = "", rest[2:]
            blocks.append(Block(tag, body.strip(), heading.strip() or None))
        elif tag in {"TITLE", "CENTER", "P", "ART", "SUB", "SIG", "ROW", "BREAK"}:
            blocks.append(Block(tag, rest))
        else:
            raise ValueError(f"line {lineno}: unknown tag {tag!r}")
    return blocks


# ---------------------------------------------------------------------------------------- plain text ----


def number_blocks(blocks: list[Block]) -> list[str | None]:
    """The number Word displays for each block ("1.", "1.1", "(a)"), or None; mirrors the numbering part."""
    numbers: list[str | None] = []
    art = sec = sub = 0
    for b in blocks:
        if b.kind == "ART":
            art, sec, sub = art + 1, 0, 0
            numbers.append(f"{art}.")
        elif b.kind == "SEC":
            sec, sub = sec + 1, 0
            numbers.append(f"{art}.{sec}")
        elif b.kind == "SUB":
            sub += 1
            numbers.append(f"({chr(ord('a') + sub - 1)})")
        else:
            numbers.append(None)
    return numbers


def _cells(block: Block) -> list[str]:
    return [cell.strip() for cell in block.text.split("|")]


def _text_table(rows: list[list[str]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    lines = ["   ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows]
    lines.insert(1, "   ".join("-" * w for w in widths))
    return "\n".join(lines)


def render_text(blocks: list[Block]) -> str:
    """The contract as plain text: numbers typed out, one paragraph a line, blank lines between them.

    Tables become space-aligned columns; the side-by-side signature blocks are written one after the other.
    """
    out: list[str] = []
    numbers = number_blocks(blocks)
    i = 0
    while i < len(blocks):
        b, number = blocks[i], numbers[i]
        if b.kind in ("ROW", "SIG"):
            j = i
            while j < len(blocks) and blocks[j].kind == b.kind:
                j += 1
            rows = [_cells(x) for x in blocks[i:j]]
            if b.kind == "ROW":
                out.append(_text_table(rows))
            else:
                out.extend("\n".join(row[side] for row in rows) for side in range(len(rows[0])))
            i = j
            continue
        if b.kind == "ART" or b.kind == "SUB":
            out.append(f"{number} {b.text}")
        elif b.kind == "SEC":
            out.append(f"{number} {b.heading}. {b.text}" if b.heading else f"{number} {b.text}")
        elif b.kind == "P" and b.heading:
            out.append(f"{b.heading}. {b.text}")
        elif b.kind != "BREAK":
            out.append(b.text)
        i += 1
    return "\n\n".join(out) + "\n"


# ---------------------------------------------------------------------------------------------- DOCX ----

#: The multilevel list every numbered paragraph points to. Indents are in twips (1/1440 inch).
_LEVELS = [
    # (numFmt, lvlText, left, hanging, bold)
    ("decimal", "%1.", 720, 720, True),
    ("decimal", "%1.%2", 720, 720, False),
    ("lowerLetter", "(%3)", 1440, 720, False),
    ("lowerRoman", "(%4)", 2160, 720, False),
    ("upperLetter", "(%5)", 2880, 720, False),
    ("decimal", "(%6)", 3600, 720, False),
    ("lowerLetter", "%7.", 4320, 720, False),
    ("lowerRoman", "%8.", 5040, 720, False),
    ("decimal", "%9.", 5760, 720, False),
]


def _abstract_num_xml(abstract_id: int) -> str:
    levels = []
    for ilvl, (fmt, text, left, hanging, bold) in enumerate(_LEVELS):
        rpr = "<w:rPr><w:b/></w:rPr>" if bold else ""
        levels.append(
            f'<w:lvl w:ilvl="{ilvl}"><w:start w:val="1"/><w:numFmt w:val="{fmt}"/>'
            f'<w:lvlText w:val="{text}"/><w:lvlJc w:val="left"/>'
            f'<w:pPr><w:tabs><w:tab w:val="num" w:pos="{left}"/></w:tabs>'
            f'<w:ind w:left="{left}" w:hanging="{hanging}"/></w:pPr>{rpr}</w:lvl>'
        )
    return (
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        '<w:nsid w:val="4E4C4D53"/><w:multiLevelType w:val="multilevel"/><w:tmpl w:val="0409001D"/>'
        f"{''.join(levels)}</w:abstractNum>"
    )


def add_contract_numbering(doc: DocxDocument) -> int:
    """Add the contract's multilevel list to the numbering part and return its ``w:numId``.

    ``abstractNum`` elements must all precede the ``num`` elements (schema order), so ours is inserted
    after the template's last abstract definition rather than appended.
    """
    numbering = doc.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    abstract = parse_xml(_abstract_num_xml(abstract_id))
    existing = numbering.findall(qn("w:abstractNum"))
    if existing:
        existing[-1].addnext(abstract)
    else:
        numbering.insert(0, abstract)
    numbering.append(
        parse_xml(
            f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>'
        )
    )
    return num_id


def _set_numbering(paragraph: Paragraph, num_id: int, ilvl: int) -> None:
    """Attach the paragraph to the list: Word computes and displays its number, the text has none."""
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = ilvl
    num_pr.get_or_add_numId().val = num_id


def _use_plain_font(style_element) -> None:  # type: ignore[no-untyped-def]
    """Point a style at Times New Roman, dropping theme fonts (which would otherwise win)."""
    rpr = style_element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = parse_xml(f"<w:rFonts {nsdecls('w')}/>")
        rpr.insert(0, fonts)
    for attr in list(fonts.attrib):
        del fonts.attrib[attr]
    for attr in ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia"):
        fonts.set(qn(attr), FONT)
    color = rpr.find(qn("w:color"))
    if color is not None:
        rpr.remove(color)


def _setup_styles(doc: DocxDocument) -> None:
    normal = doc.styles["Normal"]
    _use_plain_font(normal.element)
    normal.font.size = Pt(11)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.0
    # Articles use "Heading 1", as firm precedents do, restyled to look like body text in bold capitals.
    h1 = doc.styles["Heading 1"]
    _use_plain_font(h1.element)
    h1.font.size = Pt(11)
    h1.font.bold = True
    h1.font.italic = False
    h1.paragraph_format.space_before = Pt(10)
    h1.paragraph_format.space_after = Pt(5)
    h1.paragraph_format.keep_with_next = True
    for name in ("Footer", "Header"):
        _use_plain_font(doc.styles[name].element)
        doc.styles[name].font.size = Pt(9)


def _add_footer(doc: DocxDocument) -> None:
    """A running footer with a PAGE field, as in most executed agreements (the PDF loader must drop it)."""
    footer = doc.sections[0].footer
    p = footer.paragraphs[0]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run("Northwind / Contoso \u2013 Master Services Agreement \u2013 Confidential \u2013 Page ")
    run = p.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="begin"/>'))
    run = p.add_run()
    run._r.append(parse_xml(f'<w:instrText {nsdecls("w")} xml:space="preserve"> PAGE </w:instrText>'))
    run = p.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="separate"/>'))
    p.add_run("1")
    run = p.add_run()
    run._r.append(parse_xml(f'<w:fldChar {nsdecls("w")} w:fldCharType="end"/>'))


def _add_fee_table(doc: DocxDocument, rows: list[list[str]]) -> None:
    """A gridded table with a bold header row (Exhibit A's fee schedule)."""
    table = doc.add_table(rows=len(rows), cols=len(rows[0]))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    widths = (Inches(2.9), Inches(1.7), Inches(1.9))
    for column, width in zip(table.columns, widths):
        column.width = width
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            cell = table.cell(r, c)
            cell.width = widths[c]
            para = cell.paragraphs[0]
            para.paragraph_format.space_after = Pt(2)
            run = para.add_run(value)
            run.bold = r == 0
    doc.add_paragraph()


def _add_signature_table(doc: DocxDocument, rows: list[list[str]]) -> None:
    """Signature blocks side by side in a borderless two-column table, the usual execution-page layout."""
    table = doc.add_table(rows=1, cols=2)
    table.autofit = False
    for side, cell in enumerate(table.rows[0].cells):
        cell.width = Inches(3.25)
        for n, row in enumerate(rows):
            para = cell.paragraphs[0] if n == 0 else cell.add_paragraph()
            para.paragraph_format.space_after = Pt(0)
            para.paragraph_format.space_before = Pt(14) if n == 1 else Pt(0)
            para.paragraph_format.keep_with_next = True
            para.add_run(row[side]).bold = n == 0
    table.rows[0]._tr.get_or_add_trPr().append(parse_xml(f"<w:cantSplit {nsdecls('w')}/>"))


def build_docx(blocks: list[Block]) -> DocxDocument:
    """The DOCX, with Word automatic numbering for articles, sections and sub-clauses."""
    doc = new_docx()
    _setup_styles(doc)
    section = doc.sections[0]
    section.left_margin = section.right_margin = Inches(1.0)
    section.top_margin = section.bottom_margin = Inches(1.0)
    num_id = add_contract_numbering(doc)
    _add_footer(doc)
    props = doc.core_properties
    props.title = "Master Services Agreement"
    props.author = "leverage_lens examples"
    props.last_modified_by = "leverage_lens examples"
    props.created = props.modified = FIXED_TIME
    props.revision = 1
    props.comments = "Example contract written for leverage_lens; contains deliberate drafting defects."

    i = 0
    while i < len(blocks):
        b = blocks[i]
        if b.kind in ("ROW", "SIG"):
            j = i
            while j < len(blocks) and blocks[j].kind == b.kind:
                j += 1
            rows = [_cells(x) for x in blocks[i:j]]
            (_add_fee_table if b.kind == "ROW" else _add_signature_table)(doc, rows)
            i = j
            continue
        _add_paragraph(doc, b, num_id)
        i += 1
    return doc


def _add_paragraph(doc: DocxDocument, b: Block, num_id: int) -> None:
    """One source block as one Word paragraph; numbered blocks get ``w:numPr`` and no typed number."""
    if b.kind == "BREAK":
        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        return
    if b.kind == "ART":
        _set_numbering(doc.add_paragraph(b.text, style="Heading 1"), num_id, 0)
        return
    p = doc.add_paragraph()
    fmt = p.paragraph_format
    if b.kind in ("TITLE", "CENTER"):
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        fmt.keep_with_next = True
        run = p.add_run(b.text)
        run.bold = True
        if b.kind == "TITLE":
            run.font.size = Pt(14)
            fmt.space_after = Pt(18)
        else:
            fmt.space_before = Pt(6)
        return
    p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    if b.kind == "SEC":
        _set_numbering(p, num_id, 1)
    elif b.kind == "SUB":
        _set_numbering(p, num_id, 2)
    body = b.text
    lead = re.match(r"WHEREAS|NOW, THEREFORE|IN WITNESS WHEREOF", body) if b.kind == "P" else None
    if b.heading:  # run-in heading: "Term." in bold, then the section's text
        p.add_run(f"{b.heading}.").bold = True
        body = f" {body}"
    elif lead:  # the operative lead-in words are bold, as in most precedents
        p.add_run(lead.group()).bold = True
        body = body[lead.end() :]
        if lead.group() == "IN WITNESS WHEREOF":  # keep it on the signature page
            fmt.keep_with_next = True
    p.add_run(body)


def save_reproducibly(doc: DocxDocument, path: Path) -> None:
    """Save with fixed ZIP entry times, so an unchanged contract rebuilds to identical bytes."""
    buffer = io.BytesIO()
    doc.save(buffer)
    buffer.seek(0)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = copy.copy(info)
            fixed.date_time = FIXED_TIME.timetuple()[:6]
            dst.writestr(fixed, src.read(info.filename), compress_type=zipfile.ZIP_DEFLATED)


# ----------------------------------------------------------------------------------------------- PDF ----


def convert_to_pdf(docx_path: Path, pdf_path: Path) -> None:
    """Print the DOCX to PDF with LibreOffice in headless mode (a throwaway profile keeps runs independent)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SystemExit(
            "LibreOffice (soffice) is not installed; install it with\n"
            "  apt-get update && apt-get install -y --no-install-recommends libreoffice-writer fonts-liberation2\n"
            "or rerun with --no-pdf to build only the .docx and .txt"
        )
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        subprocess.run(
            [
                soffice,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                tmp,
                str(docx_path),
            ],
            check=True,
            capture_output=True,
            timeout=300,
        )
        produced = Path(tmp, docx_path.with_suffix(".pdf").name)
        if not produced.exists():
            raise SystemExit(f"LibreOffice did not produce {produced.name}")
        shutil.copyfile(produced, pdf_path)


def page_count(pdf_path: Path) -> int:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(str(pdf_path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=HERE, help="output folder (default: beside this script)")
    parser.add_argument("--no-pdf", action="store_true", help="skip the LibreOffice PDF conversion")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)

    blocks = read_source()
    docx_path = args.out / f"{STEM}.docx"
    txt_path = args.out / f"{STEM}.txt"
    pdf_path = args.out / f"{STEM}.pdf"

    save_reproducibly(build_docx(blocks), docx_path)
    txt_path.write_text(render_text(blocks), encoding="utf-8", newline="\n")
    print(f"wrote {docx_path}")
    print(f"wrote {txt_path}")
    if not args.no_pdf:
        convert_to_pdf(docx_path, pdf_path)
        print(f"wrote {pdf_path} ({page_count(pdf_path)} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
