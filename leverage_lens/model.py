"""The data model: every object leverage_lens returns, in one place.

All models are immutable pydantic v2 models. Offsets (``start``/``end``) are Python string indices into
``Document.text`` (half-open, like ``Span.start_char``/``end_char`` in spaCy), so any finding can be
highlighted in the text the caller holds. A :class:`Report` round-trips through JSON
(``Report.model_validate_json(report.to_json())``) and carries ``schema_version``; the JSON Schema published
for other tools is ``Report.model_json_schema()``.
"""

from __future__ import annotations

from collections.abc import Iterator
from enum import Enum
from os import PathLike
from typing import TYPE_CHECKING, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from .citation import cite_all

if TYPE_CHECKING:
    from .report.review import ReviewCopy

__all__ = [
    "SCHEMA_VERSION",
    "Box",
    "Span",
    "Page",
    "Word",
    "ClauseKind",
    "Severity",
    "Tag",
    "Clause",
    "ParseWarning",
    "Document",
    "Party",
    "Signatory",
    "Definition",
    "Obligation",
    "Finding",
    "LedgerEntry",
    "Ledger",
    "FamilyScore",
    "KeyTerm",
    "Renewal",
    "Term",
    "Deadline",
    "Issue",
    "Brief",
    "Summary",
    "WordDiff",
    "ClauseMatch",
    "PositionResult",
    "PlaybookResult",
    "Report",
]

#: Version of the JSON layout of :class:`Report` and :class:`Document`. Bumped on any incompatible change.
#: 0.2.0: the Report holds one clause list (``document.clauses``, tagged); ``Report.warnings`` added.
SCHEMA_VERSION = "0.2.0"

DocumentFormat = Literal["pdf", "docx", "txt", "md", "html"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Box(_Model):
    """A rectangle on a PDF page, in PDF points with the origin at the page's bottom-left (PDF user space)."""

    page: int = Field(description="1-based page number")
    x0: float
    y0: float
    x1: float
    y1: float


class Span(_Model):
    """A stretch of ``Document.text``; ``label`` says what it is evidence of."""

    start: int
    end: int
    label: str | None = None


class Word(_Model):
    """A word read by OCR: ``start``/``end`` index ``Document.text``; ``box`` is where it sits on the page.

    Pages with a text layer have no words (their characters are in the PDF itself); OCR pages keep them so
    highlights and review copies can land on the word.
    """

    start: int
    end: int
    box: Box
    confidence: float = Field(description="Tesseract's confidence in the word, 0-1")


class Page(_Model):
    """One page of the source; ``start``/``end`` delimit its text. Text and Markdown have a single page."""

    number: int = Field(description="1-based page number")
    start: int
    end: int
    width: float | None = Field(default=None, description="PDF only: width in points")
    height: float | None = Field(default=None, description="PDF only: height in points")
    ocr: bool = Field(default=False, description="PDF only: the page's text was read by OCR (it had no text layer)")
    ocr_confidence: float | None = Field(
        default=None, description="OCR pages: Tesseract's mean word confidence, 0-1, weighted by characters"
    )
    words: list[Word] = Field(
        default_factory=list, description="OCR pages: each word read, with its offsets, box and confidence"
    )


class ClauseKind(str, Enum):
    """What part of a contract a clause is."""

    TITLE = "title"
    PREAMBLE = "preamble"
    RECITAL = "recital"
    SECTION = "section"
    HEADING = "heading"
    DEFINITION = "definition"
    PARAGRAPH = "paragraph"
    EXHIBIT = "exhibit"
    SIGNATURE = "signature"


class Severity(str, Enum):
    """How much a finding matters, lowest first: ``info < low < medium < high < critical``.

    The comparison operators follow severity, not the alphabet, so ``f.severity >= Severity.HIGH`` keeps high
    and critical findings, and ``max(severities)`` is the most severe; a plain string naming a severity
    compares the same way (``Severity.HIGH > "medium"``). Equality and JSON stay the strings
    (``Severity.HIGH == "high"``). ``rank`` is the position in that order (0 for ``info``).
    """

    INFO = "info"
    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"
    CRITICAL = "critical"

    @property
    def rank(self) -> int:
        return _SEVERITY_RANK[self.value]

    def _other_rank(self, other: object) -> int | None:
        value = other.value if isinstance(other, Severity) else other
        return _SEVERITY_RANK.get(value) if isinstance(value, str) else None

    def __lt__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank < rank

    def __le__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank <= rank

    def __gt__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank > rank

    def __ge__(self, other: object) -> bool:
        rank = self._other_rank(other)
        return NotImplemented if rank is None else self.rank >= rank

    __hash__ = str.__hash__


_SEVERITY_RANK: dict[str, int] = {"info": 0, "low": 1, "medium": 2, "high": 3, "critical": 4}


class Tag(_Model):
    """What a clause is about, in the leverage taxonomy."""

    category: str
    family: str
    confidence: float = Field(ge=0.0, le=1.0)
    source: Literal["rule", "model", "heading"]
    evidence: list[Span] = Field(default_factory=list)


class Clause(_Model):
    """A numbered or unnumbered unit of the contract, covering its sub-clauses.

    ``text == document.text[start:end]`` always holds. ``id`` is stable for the same input: it is derived
    from the clause's position in the tree and its number, not from memory addresses or counters shared
    between documents.
    """

    id: str
    number: str | None = Field(default=None, description='as printed or as Word displays it, e.g. "9.1(a)"')
    heading: str | None = None
    level: int = Field(description="0 for top-level parts; children are one deeper than their parent")
    parent_id: str | None = None
    kind: ClauseKind
    start: int
    end: int
    text: str
    page_start: int
    page_end: int
    number_span: Span | None = None
    heading_span: Span | None = None
    boxes: list[Box] = Field(default_factory=list, description="PDF only: one box per line of the clause")
    tags: list[Tag] = Field(default_factory=list)

    def _repr_html_(self) -> str:
        """Short HTML summary for Jupyter."""
        from .report.notebook import clause_repr_html

        return clause_repr_html(self)


class ParseWarning(_Model):
    """A parse-health note: something a reviewer should know about how the text was obtained."""

    code: str = Field(description='machine-readable kind, e.g. "pages_without_text", "numbering_gap"')
    message: str
    pages: list[int] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list)
    clause_ids: list[str] = Field(default_factory=list)


class Document(_Model):
    """A parsed contract: its text, pages and clause tree."""

    schema_version: str = SCHEMA_VERSION
    name: str | None = None
    format: DocumentFormat
    text: str
    pages: list[Page]
    clauses: list[Clause] = Field(description="document order (pre-order of the tree)")
    warnings: list[ParseWarning] = Field(default_factory=list)
    pages_known: bool = Field(
        default=True, description="False when the source does not record its page layout (a Word file not "
        "last saved by Word): pages then split only at typed page and section breaks, a lower bound")
    sha256: str | None = Field(default=None, description="hash of the source bytes (or UTF-8 text)")
    source: str | None = Field(
        default=None,
        description="the path the document was parsed from, as given (None for bytes, streams and text); "
        "review copies (Report.to_docx / to_pdf) read the original from here",
    )

    def clause(self, clause_id: str) -> Clause:
        """The clause with this id (``KeyError`` if none)."""
        for c in self.clauses:
            if c.id == clause_id:
                return c
        raise KeyError(clause_id)

    def children(self, clause: Clause | None = None) -> list[Clause]:
        """Direct children of ``clause``, or the top-level clauses when ``clause`` is None."""
        parent = clause.id if clause is not None else None
        return [c for c in self.clauses if c.parent_id == parent]

    def clauses_at(self, offset: int) -> list[Clause]:
        """Every clause containing ``offset``, outermost first."""
        return [c for c in self.clauses if c.start <= offset < c.end]

    def clause_at(self, offset: int) -> Clause | None:
        """The innermost clause containing ``offset``."""
        found = self.clauses_at(offset)
        return found[-1] if found else None

    def page_at(self, offset: int) -> int:
        """The 1-based page holding ``offset``."""
        for p in self.pages:
            if p.start <= offset < p.end:
                return p.number
        return self.pages[-1].number if self.pages else 1

    def walk(self) -> Iterator[Clause]:
        """Clauses in document order (the tree in pre-order)."""
        return iter(self.clauses)

    def outline(self) -> str:
        """The clause tree as indented lines: number, heading, kind and offsets."""
        lines = []
        for c in self.clauses:
            label = " ".join(x for x in (c.number, c.heading) if x) or _first_words(c.text)
            lines.append(f"{'  ' * c.level}{label}  [{c.kind.value} {c.start}:{c.end}]")
        return "\n".join(lines)

    @property
    def page_count(self) -> int | None:
        """How many pages the source has; None when it does not say (see ``pages_known``)."""
        return len(self.pages) if self.pages_known else None

    def pages_label(self) -> str:
        """The page count in words for views: "12 pages", "at least 3 pages", "pages unknown"."""
        if self.pages_known:
            return _plural(len(self.pages), "page")
        return f"at least {_plural(len(self.pages), 'page')}" if len(self.pages) > 1 else "pages unknown"

    def citation(self, clause: Clause | str | None) -> str:
        """The clause as a lawyer cites it, from the tree: "9.1(a)", "Article IV", "Exhibit A, 2.3",
        "Signature page", "1(b), second paragraph", "Preamble" ("" for None). ``clause`` is a Clause or an
        id; every view, review copy and message names clauses this way. For many clauses use
        :meth:`citations`, which reads the tree once."""
        if clause is None:
            return ""
        cid = clause if isinstance(clause, str) else clause.id
        return self.citations().get(cid, cid)

    def citations(self) -> dict[str, str]:
        """Clause id -> citation (see :meth:`citation`) for every clause, in one pass over the tree."""
        return cite_all(self.clauses)

    def clauses_tagged(self, *names: str) -> list[Clause]:
        """Clauses with a tag in any of ``names``: taxonomy categories (``"termination.convenience"``) or
        families (``"termination"``), in document order. Tags come from :func:`leverage_lens.analyze`."""
        wanted = set(names)
        return [c for c in self.clauses if any(t.category in wanted or t.family in wanted for t in c.tags)]

    def __str__(self) -> str:
        return self.__repr__()  # print(doc) as short as doc in a REPL; model_dump() has everything

    def __repr__(self) -> str:
        return (f"Document({self.name or '(unnamed)'!r}: {self.format.upper()}, {self.pages_label()}, "
                f"{_plural(len(self.clauses), 'clause')}, {len(self.text):,} characters)")

    def _repr_html_(self) -> str:
        """Short HTML summary for Jupyter."""
        from .report.notebook import document_repr_html

        return document_repr_html(self)


def _first_words(text: str, limit: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


class Signatory(_Model):
    """A person signing for a party, as the signature block prints them (blank fields stay None)."""

    name: str | None = None
    title: str | None = None
    span: Span | None = None


class Party(_Model):
    """A party to the contract, with the names it goes by.

    ``principal`` parties are the ones the contract is between (preamble, cover page, signature blocks);
    affiliates, agents and other entities a clause merely names are reported with ``principal=False`` so a
    caller can see them without mistaking them for a side. Findings, the scorecard and ``perspective``
    only ever point at principal parties' ids. Span labels say where each was found: ``name``, ``alias``,
    ``signature``, ``cover``, ``recital``."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    role: str | None = None
    spans: list[Span] = Field(default_factory=list)
    kind: Literal["organisation", "person"] | None = Field(
        default=None, description="organisation (legal suffix, entity type) or person; None when unknown")
    entity_type: str | None = Field(default=None, description='as stated, e.g. "corporation", "limited '
                                    'liability company"')
    jurisdiction: str | None = Field(default=None, description='where organised, ISO 3166 style: "US-DE", '
                                     '"GB", "KY"; None unless stated')
    signatories: list[Signatory] = Field(default_factory=list)
    principal: bool = Field(default=True, description="a side of the contract (False: named in it only)")
    confidence: float = Field(default=1.0, ge=0.0, le=1.0, description="how sure the reading is: 0.9+ a "
                              "preamble or cover page with a stated role; lower for a bare mention")


class Definition(_Model):
    """A defined term: where it is defined and where it is used."""

    term: str
    start: int = Field(description="start of the definition span")
    end: int
    term_span: Span
    style: Literal["quoted", "means", "parenthetical"]
    clause_id: str | None = None
    uses: list[Span] = Field(default_factory=list)


class Obligation(_Model):
    """Who must, may or must not do what, in one operative sentence."""

    clause_id: str | None
    start: int
    end: int
    actor: str | None = Field(description="party id, or 'each' / 'either' / 'neither', or None when unstated")
    modality: Literal["obligation", "right", "prohibition"]
    beneficiary: str | None = None
    conditions: list[Span] = Field(default_factory=list)
    trigger: Span | None = Field(default=None, description="the modal phrase (shall, may not, ...)")


class Finding(_Model):
    """Something a reviewer should look at, with the rule that raised it and the evidence."""

    id: str = Field(description="stable fingerprint: same rule, clause number and quote give the same id")
    kind: Literal["one_sided", "ambiguity", "parse"]
    rule: str
    category: str | None = None
    family: str | None = None
    severity: Severity
    clause_id: str | None = None
    start: int
    end: int
    quote: str
    message: str
    favors: str | None = None
    burdened: str | None = Field(default=None, description="one-sided findings: party id that gives the "
                                 "leverage (restricted, exposed, paying, or without the right the other holds)")
    against_reader: bool | None = None
    suggestion: str | None = None
    evidence: list[Span] = Field(default_factory=list)

    def _repr_html_(self) -> str:
        """Short HTML summary for Jupyter."""
        from .report.notebook import finding_repr_html

        return finding_repr_html(self)


LedgerReading = Literal["right", "restriction", "protection", "exposure", "payment", "grant", "duty"]


class LedgerEntry(_Model):
    """One sentence's leverage: on a topic (a taxonomy category), who gains and who bears it, or that it is
    mutual, with the words that show it.

    ``reading`` says how the wording confers leverage: a ``right`` held (terminate, audit, refuse), a
    ``restriction`` borne (non-compete, anti-assignment: the restricted party bears it), a ``protection``
    enjoyed (a cap or exclusion protects the party whose liability it limits), an ``exposure`` borne
    (uncapped liability, an indemnity: the indemnifier bears it), a ``payment`` owed, a ``grant`` received
    (a licence or an assignment of IP), or a ``duty`` owed (insurance, warranties, services after the end).
    ``favors`` gains the leverage and ``burdened`` gives it; both are None when ``mutual``."""

    id: str = Field(description="stable: category and the sentence's clause number and position")
    category: str
    family: str
    reading: LedgerReading
    clause_id: str | None = None
    start: int = Field(description="the sentence (or the part of it) that confers the leverage")
    end: int
    mutual: bool = False
    favors: str | None = Field(default=None, description="party id that gains the leverage")
    burdened: str | None = Field(default=None, description="party id that gives it")
    weight: float = Field(default=1.0, ge=0.0, description="commercial weight of the topic (docs/ledger.md)")
    basis: Literal["wording", "clause_tag", "sentence_model"] = Field(
        default="wording", description="wording: the sentence's own words place it on the topic; clause_tag: "
        "the clause is tagged with the topic and the sentence's operative verb was read for who holds it; "
        "sentence_model: the sentence-topic model places the sentence on the topic and the holder model read "
        "who gains (no cue or tag did)")
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)
    evidence: list[Span] = Field(default_factory=list, description="the words that show it: the cue of the "
                                 "topic, the holder's words (subject, 'by X', 'either party'), carve-outs")


class Ledger(_Model):
    """Per clause and sentence, who holds each right and bears each burden (see :class:`LedgerEntry`)."""

    entries: list[LedgerEntry] = Field(default_factory=list, description="document order")

    def for_party(self, party_id: str) -> list[LedgerEntry]:
        """Entries favouring ``party_id`` (rights held, protections enjoyed, grants received)."""
        return [e for e in self.entries if e.favors == party_id]

    def against_party(self, party_id: str) -> list[LedgerEntry]:
        """Entries burdening ``party_id`` (restrictions, exposures, duties, payments, rights given away)."""
        return [e for e in self.entries if e.burdened == party_id]

    def in_clause(self, clause_id: str) -> list[LedgerEntry]:
        return [e for e in self.entries if e.clause_id == clause_id]

    def by_category(self) -> dict[str, list[LedgerEntry]]:
        out: dict[str, list[LedgerEntry]] = {}
        for e in self.entries:
            out.setdefault(e.category, []).append(e)
        return out


class FamilyScore(_Model):
    """Who holds the leverage in one family of terms (termination, payment, liability, ip, ...), with the
    evidence: the one-sided ledger entries each party gains, weighed by commercial weight (docs/ledger.md)."""

    family: str
    rights: dict[str, int] = Field(default_factory=dict, description="party id -> one-sided ledger entries "
                                   "(rights, protections, grants, others' duties) it gains here")
    favored: dict[str, int] = Field(default_factory=dict, description="party id -> one-sided findings for it")
    weight: dict[str, float] = Field(default_factory=dict, description="party id -> summed commercial weight "
                                     "of the one-sided entries it gains here")
    leader: str | None = Field(default=None, description="party id holding more weight (by a clear margin), or "
                               "None when balanced")
    reader_position: Literal["ahead", "behind", "even"] | None = None
    finding_ids: list[str] = Field(default_factory=list)


KeyTermKind = Literal[
    "party", "agreement_date", "effective_date", "initial_term", "expiration_date", "renewal_term",
    "renewal_notice", "termination_right", "payment_terms", "liability_cap", "liability_exclusion",
    "exclusivity", "non_compete", "non_solicit", "governing_law", "forum", "signatory",
]


class KeyTerm(_Model):
    """One term of the deal at a glance (a date, a period, a law, a cap), with the clause it comes from.

    ``value`` is normalised so programs can compute with it: an ISO 8601 date (``2019-10-01``) or duration
    (``P30D``, ``P6M``, ``P3Y``), a jurisdiction ("Delaware"), an amount or measure ("$1,000,000"), or a party
    name; None when the contract leaves it blank or does not say. ``text`` is ``document.text[start:end]``.
    """

    kind: KeyTermKind
    value: str | None = None
    text: str
    clause_id: str | None = None
    start: int
    end: int
    confidence: float = Field(ge=0.0, le=1.0)
    party: str | None = Field(default=None, description="party id (or each/either/neither) the term binds "
                              "or benefits: who holds a termination right, whose liability is capped")
    detail: str | None = Field(default=None, description="a qualifier: 'convenience'/'cause'/'insolvency' for "
                               "termination rights, 'courts'/'arbitration' for a forum, a role for a party, "
                               "'business days', 'computed' for a value derived from other terms, 'left "
                               "blank' where the contract has a placeholder ('[Date]', '{governing_law}', '____')")
    code: str | None = Field(default=None, description="a code for the value: ISO 3166 for a governing law or "
                             "forum ('US-NY', 'CA-ON', 'GB-ENG', 'JP')")


class Renewal(_Model):
    """How the contract renews, and the last day to stop it (when the dates in the contract allow)."""

    automatic: bool = Field(description="renews unless someone acts (evergreen), rather than by agreement")
    term: KeyTerm = Field(description="kind renewal_term: the renewal sentence; value the renewal period")
    notice: KeyTerm | None = Field(default=None, description="kind renewal_notice: value the notice period")
    first_term_end: str | None = Field(default=None, description="ISO date the initial term ends: as stated, "
                                       "or the anniversary of the effective date the term reaches")
    last_notice_day: str | None = Field(
        default=None, description="ISO date: last day to give notice of non-renewal before the first renewal, "
        "the notice period counted back from first_term_end")
    count: int | None = Field(default=None, description="how many renewals at most ('up to two successive "
                              "terms'); None when unlimited or not said")
    until_terminated: bool = Field(default=False, description="after the initial term the contract continues "
                                   "until a party ends it (no renewal period)")
    notice_max: str | None = Field(default=None, description="ISO duration: the earliest notice counts ('no more "
                                   "than 120 days before'), so notice has a window with two ends")


TermKind = Literal["fixed", "perpetual", "until_terminated", "coterminous", "until_event", "left_blank"]


class Term(_Model):
    """The contract's term as arithmetic: when it starts, how long it runs, when the initial term ends.

    ``kind`` says what sort of term it is: ``fixed`` (a date or a length), ``perpetual``, ``until_terminated``
    (runs until a party ends it), ``coterminous`` (ends with another agreement, named in ``linked_to``),
    ``until_event`` (ends with an event such as the last patent's expiry, in ``linked_to``), ``left_blank``
    (the draft leaves the term or its date blank). ``steps`` show the arithmetic in words.
    """

    kind: TermKind
    starts: str | None = Field(default=None, description="ISO date the term starts (the effective date)")
    length: str | None = Field(default=None, description="ISO duration of the initial term ('P3Y')")
    ends: str | None = Field(default=None, description="ISO date the initial term ends: stated, or computed as "
                             "the anniversary of the start the length reaches")
    ends_basis: Literal["stated", "computed"] | None = None
    linked_to: str | None = Field(default=None, description="the agreement or event the term ends with")
    steps: list[str] = Field(default_factory=list, description="the arithmetic, one step a line")
    clause_id: str | None = None
    start: int
    end: int
    text: str


DeadlineKind = Literal["expiration", "renewal", "renewal_notice", "option_exercise", "termination_notice",
                       "payment", "obligation"]


class Deadline(_Model):
    """A day someone must act by (or a period they must act within), with the clause and the arithmetic.

    Dated deadlines have ``date`` (the last day to act, or the day the event happens) and, for notice
    windows with two ends, ``window_opens``; recurring ones (a renewal every year) are rolled forward to
    ``as_of``: ``date`` is the next one on or after it, ``recurs`` the cycle. Deadlines the contract only
    states as a period ("within 30 days after receipt of an invoice", "on 90 days' notice") have no date:
    ``period`` and ``relative_to`` say what runs from what. ``party`` is who must act (a party id, or
    each/either). Offsets quote the sentence in ``Document.text``.
    """

    id: str = Field(description="stable: kind, clause number and position")
    kind: DeadlineKind
    action: str = Field(description="what must be done, in words ('give written notice of non-renewal')")
    date: str | None = Field(default=None, description="ISO date: the last day to act, or the day it happens")
    window_opens: str | None = Field(default=None, description="ISO date: the first day the act counts")
    period: str | None = Field(default=None, description="ISO duration of the notice or time allowed")
    business_days: bool = False
    relative_to: str | None = Field(default=None, description="the event the period runs from or before")
    recurs: str | None = Field(default=None, description="ISO duration: the deadline comes back every cycle")
    cycles_left: int | None = Field(default=None, description="renewals left after this one (None: unlimited)")
    anchor: str | None = Field(default=None, description="ISO date of the first event the deadline counts from "
                               "(the initial term's end): what rolling forward starts from")
    as_of: str | None = Field(default=None, description="ISO date the deadline was rolled forward to")
    party: str | None = Field(default=None, description="who must act: party id, or each/either")
    arithmetic: str = Field(default="", description="how the date was reached, in words")
    clause_id: str | None = None
    start: int
    end: int
    text: str
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class Issue(_Model):
    """A finding worth raising in negotiation, with the ask that would fix it."""

    finding_id: str
    rule: str
    severity: Severity
    family: str | None = None
    clause_id: str | None = None
    start: int
    end: int
    message: str
    ask: str | None = Field(default=None, description="the suggested change (the finding's suggestion)")
    favors: str | None = None
    against_reader: bool | None = None


class Brief(_Model):
    """The negotiation brief: key terms with their clauses, and the issues to raise, most important first."""

    parties: list[KeyTerm] = Field(default_factory=list)
    signatories: list[KeyTerm] = Field(default_factory=list, description="kind signatory, one per person "
                                       "signing: value the name, detail the title, party the party signed for")
    agreement_date: KeyTerm | None = None
    effective_date: KeyTerm | None = None
    initial_term: KeyTerm | None = None
    expiration_date: KeyTerm | None = None
    renewal: Renewal | None = None
    term: Term | None = Field(default=None, description="the term as arithmetic (kind, start, length, end)")
    termination: list[KeyTerm] = Field(default_factory=list, description="termination rights, one per party "
                                       "and ground")
    payment_terms: list[KeyTerm] = Field(default_factory=list)
    liability: list[KeyTerm] = Field(default_factory=list, description="caps and exclusions of liability")
    exclusivity: list[KeyTerm] = Field(default_factory=list, description="exclusivity, non-competes, "
                                       "non-solicits")
    governing_law: KeyTerm | None = None
    forum: KeyTerm | None = None
    issues_to_raise: list[Issue] = Field(default_factory=list, description="against the reader first (when "
                                         "read as a party), then by severity, then in document order")

    def terms(self) -> list[KeyTerm]:
        """Every key term in the brief's order (parties, dates, term, renewal, rights, money, risk, law, signatories)."""
        single = [self.agreement_date, self.effective_date, self.initial_term, self.expiration_date]
        renewal = [self.renewal.term, self.renewal.notice] if self.renewal else []
        out = [*self.parties, *single, *renewal, *self.termination, *self.payment_terms, *self.liability,
               *self.exclusivity, self.governing_law, self.forum, *self.signatories]
        return [t for t in out if t is not None]


class Summary(_Model):
    """Counts for a quick read, the leverage scorecard and the negotiation brief."""

    clause_count: int = 0
    page_count: int = 0
    character_count: int = 0
    findings_by_severity: dict[str, int] = Field(default_factory=dict)
    tags_by_family: dict[str, int] = Field(default_factory=dict)
    categories_present: dict[str, float] = Field(
        default_factory=dict,
        description="taxonomy category id -> confidence that the document contains it (present when a clause "
        "is tagged with it or the contract model reaches its family's contract threshold; for learnt categories "
        "the contract model's calibrated probability)",
    )
    perspective: str | None = Field(default=None, description="party id the report is read as, if given")
    scorecard: dict[str, FamilyScore] = Field(default_factory=dict, description="family -> leverage score")
    brief: Brief | None = Field(default=None, description="key terms and issues to raise (None when not built)")


PositionStatus = Literal["met", "not_met", "missing", "not_applicable"]


class WordDiff(_Model):
    """One step of a word-by-word comparison of the preferred language with the contract's words."""

    op: Literal["equal", "insert", "delete", "replace"] = Field(
        description="equal: the same words; delete: preferred words the contract lacks; insert: contract words "
        "the preferred language lacks; replace: the contract says other words there")
    preferred: str = Field(default="", description="the preferred language's words in this step")
    contract: str = Field(default="", description="the contract's words in this step")


class ClauseMatch(_Model):
    """The contract's clause closest to a position's preferred language, and how it deviates, word by word."""

    clause_id: str | None = None
    start: int = Field(description="the stretch of the clause most like the preferred language")
    end: int
    score: float = Field(ge=0.0, le=100.0, description="rapidfuzz similarity of that stretch to the preferred "
                         "language (0-100)")
    tagged: bool = Field(default=False, description="the clause is tagged with the position's topic")
    diff: list[WordDiff] = Field(default_factory=list)


class PositionResult(_Model):
    """How the contract stands against one playbook position: met, not met, missing or not applicable.

    ``failed`` is what gates: a position not met, or missing when the playbook says a missing term fails.
    ``start``/``end`` and ``quote`` are the words that decided it (None when the term is missing);
    ``closest`` is the clause nearest the preferred language, with the deviation word by word; ``fallback``
    is the language to propose."""

    position_id: str
    title: str
    topic: str | None = None
    severity: Severity
    status: PositionStatus
    failed: bool = Field(description="not met, or missing where the playbook counts a missing term as failing")
    message: str = Field(description="what was found, in words")
    why: str | None = None
    clause_id: str | None = None
    start: int | None = None
    end: int | None = None
    quote: str | None = None
    evidence: list[Span] = Field(default_factory=list, description="every span that decided the result")
    preferred: str | None = None
    fallback: str | None = Field(default=None, description="the clause language to propose when it failed")
    closest: ClauseMatch | None = None
    confidence: float = Field(default=0.5, ge=0.0, le=1.0)


class PlaybookResult(_Model):
    """A contract checked against a playbook: one :class:`PositionResult` per position, in the playbook's order."""

    name: str = Field(description="the playbook's name")
    version: str | None = None
    side: str | None = Field(default=None, description="the playbook's side, in words (customer, supplier)")
    party: str | None = Field(default=None, description="party id read as us (None: could not tell)")
    results: list[PositionResult] = Field(default_factory=list)
    warnings: list[str] = Field(default_factory=list)

    def failed(self, floor: Severity | str | None = None) -> list[PositionResult]:
        """The failed positions, at or above severity ``floor`` when given."""
        rank = Severity(floor).rank if floor is not None else -1
        return [r for r in self.results if r.failed and r.severity.rank >= rank]

    def counts(self) -> dict[str, int]:
        """Status -> number of positions (met, not_met, missing, not_applicable)."""
        out = {"met": 0, "not_met": 0, "missing": 0, "not_applicable": 0}
        for r in self.results:
            out[r.status] += 1
        return out


class Report(_Model):
    """The result of :func:`leverage_lens.analyze`: the document with its tagged clauses, and the findings.

    The clause tree is held once, in ``document.clauses`` (with their tags); ``report.clauses`` is the same
    list, for short code.
    """

    schema_version: str = SCHEMA_VERSION
    document: Document
    findings: list[Finding] = Field(default_factory=list)
    parties: list[Party] = Field(default_factory=list)
    definitions: list[Definition] = Field(default_factory=list)
    obligations: list[Obligation] = Field(default_factory=list)
    ledger: Ledger = Field(default_factory=Ledger, description="who holds each right and bears each burden, "
                           "per clause and sentence")
    warnings: list[ParseWarning] = Field(
        default_factory=list, description="analysis health: parties not found or uncertain, rules not run "
        "because the parse did not support them (the loader's own notes are in document.warnings)")
    summary: Summary = Field(default_factory=Summary)
    deadlines: list[Deadline] = Field(default_factory=list, description="dates and periods someone must act "
                                      "by, soonest first (undated ones last); see docs/deadlines.md")
    playbook: PlaybookResult | None = Field(default=None, description="the contract checked against your "
                                            "playbook (analyze(..., playbook=...)); see docs/playbooks.md")

    @property
    def clauses(self) -> list[Clause]:
        """The tagged clauses, in document order (``document.clauses``)."""
        return self.document.clauses

    def findings_at_least(self, severity: Severity | str) -> list[Finding]:
        """Findings at or above ``severity`` (``"high"`` keeps high and critical), in document order."""
        floor = Severity(severity)
        return [f for f in self.findings if f.severity >= floor]

    def clauses_tagged(self, *names: str) -> list[Clause]:
        """Clauses tagged with any of ``names``: categories (``"liability.cap"``) or families (``"liability"``)."""
        return self.document.clauses_tagged(*names)

    def party(self, party_id: str) -> Party | None:
        """The party with this id (``"party-1"``), or None."""
        return next((p for p in self.parties if p.id == party_id), None)

    def party_name(self, party_id: str | None) -> str:
        """What a reader calls the party behind an id in ``favors``, ``burdened``, the scorecard or the ledger:
        its name; "either party" (or each, neither, both) for a collective subject; the id itself when
        unknown; "" for None."""
        if party_id is None:
            return ""
        if party_id in ("each", "either", "neither"):
            return f"{party_id} party"
        if party_id == "both":
            return "both parties"
        found = self.party(party_id)
        return found.name if found is not None else party_id

    def citation(self, clause: Clause | str | None) -> str:
        """The clause (or clause id, as in ``finding.clause_id``) as a lawyer cites it: "9.1(a)"; see
        :meth:`Document.citation`."""
        return self.document.citation(clause)

    def __repr__(self) -> str:
        """A few lines: name, counts, parties and the most severe findings; the whole Report is
        ``model_dump()`` / ``to_json()``."""
        doc = self.document
        counts = ", ".join(f"{s.value} {n}" for s in reversed(Severity)
                           if (n := sum(f.severity == s for f in self.findings)))
        lines = [f"Report({doc.name or '(unnamed)'!r}: {doc.format.upper()}, {doc.pages_label()}, "
                 f"{_plural(len(doc.clauses), 'clause')}, {_plural(len(self.findings), 'finding')}"
                 + (f" ({counts})" if counts else "") + ")"]
        principals = [f"{p.name} ({p.role})" if p.role else p.name for p in self.parties if p.principal]
        lines.append("  parties: " + ("; ".join(principals) if principals else "not identified"))
        top = sorted(self.findings, key=lambda f: (-f.severity.rank, f.start))[:3]
        if top:
            cites = doc.citations()
            lines.append("  most severe:")
            for f in top:
                where = cites.get(f.clause_id or "", "")
                lines.append(f"    {f.severity.value:<8} {where + ': ' if where else ''}{_first_words(f.message, 90)}")
        return "\n".join(lines)

    def __str__(self) -> str:
        return self.__repr__()  # print(report) as short as report in a REPL

    def to_json(self, *, indent: int | None = None) -> str:
        """The report as JSON, readable back with ``Report.model_validate_json``."""
        return self.model_dump_json(indent=indent)

    def to_markdown(self, *, short: bool = False, collapse_low: bool = True) -> str:
        """The report as Markdown: header, brief, scorecard, every finding; ``short=True`` keeps the header,
        key terms and issues to raise (for a ticket or an e-mail). Low-severity hints are folded by check at
        the end unless ``collapse_low=False``. See ``leverage_lens.report.markdown``."""
        from .report.markdown import render_markdown

        return render_markdown(self, short=short, collapse_low=collapse_low)

    def to_html(self, *, collapse_low: bool = True) -> str:
        """One self-contained HTML page: findings with a filter, contract text with findings highlighted;
        low-severity hints folded by check unless ``collapse_low=False``."""
        from .report.html import render_html

        return render_html(self, collapse_low=collapse_low)

    def to_docx(self, path: str | PathLike[str] | None, *, original: Any = None) -> ReviewCopy:
        """A copy of the original DOCX with a Word comment on each finding; written to ``path`` unless None.

        ``original`` (path, bytes or binary file) defaults to ``document.source``; it must be the file that
        was analysed (same SHA-256). See :mod:`leverage_lens.report.docx_review` for how comments anchor.
        """
        from .report.docx_review import review_docx

        copy = review_docx(self, original)
        if path is not None:
            copy.write(path)
        return copy

    def to_pdf(
        self, path: str | PathLike[str] | None, *, original: Any = None, password: str | None = None
    ) -> ReviewCopy:
        """A copy of the original PDF with a highlight annotation on each finding; written to ``path``.

        ``original`` as for :meth:`to_docx`; ``password`` opens an encrypted original. See
        :mod:`leverage_lens.report.pdf_review`.
        """
        from .report.pdf_review import review_pdf

        copy = review_pdf(self, original, password=password)
        if path is not None:
            copy.write(path)
        return copy

    def to_ics(self, path: str | PathLike[str] | None = None, **options: Any) -> str:
        """The dated deadlines as an RFC 5545 calendar (one event each, with reminders); written to ``path``
        when given. ``options`` go to :func:`leverage_lens.report.ics.render_ics` (``reminders``, ``name``)."""
        from .report.ics import render_ics

        text = render_ics([self], **options)
        if path is not None:
            with open(path, "w", encoding="utf-8", newline="") as fh:
                fh.write(text)
        return text

    def to_frame(self) -> Any:
        """A pandas DataFrame with one row per clause (tags, finding count, worst severity); needs the
        ``pandas`` extra (:class:`~leverage_lens.errors.MissingExtraError` without it)."""
        from .report.frames import clauses_frame

        return clauses_frame(self)

    def findings_frame(self) -> Any:
        """A pandas DataFrame with one row per finding; needs the ``pandas`` extra."""
        from .report.frames import findings_frame

        return findings_frame(self)

    def playbook_frame(self) -> Any:
        """A pandas DataFrame with one row per playbook position (``analyze(..., playbook=...)``); needs the
        ``pandas`` extra."""
        from .report.frames import playbook_frame

        return playbook_frame(self)

    def _repr_html_(self) -> str:
        """Short HTML summary for Jupyter."""
        from .report.notebook import report_repr_html

        return report_repr_html(self)
