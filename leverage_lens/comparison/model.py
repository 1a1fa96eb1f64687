"""The data model of a comparison: what changed between two versions of a contract, and who gained.

Frozen pydantic models like :mod:`leverage_lens.model`, with their own ``schema_version`` (a Comparison embeds
no Report, only references into the two versions' texts, so it can be saved, diffed and rendered later).
Offsets named ``old_*`` index the old version's ``Document.text``; ``new_*`` the new version's.
"""

from __future__ import annotations

from os import PathLike
from typing import TYPE_CHECKING, Literal

from pydantic import BaseModel, ConfigDict, Field

from ..model import Severity

if TYPE_CHECKING:
    from .view_docx import RedlineCopy

__all__ = [
    "COMPARISON_SCHEMA_VERSION",
    "ClauseChange",
    "ClauseRef",
    "Comparison",
    "ComparisonSummary",
    "DefinitionChange",
    "FindingChange",
    "KeyTermChange",
    "LeverageChange",
    "ReferenceChange",
    "ScoreDelta",
    "TextEdit",
    "VersionInfo",
]

#: Version of the JSON layout of :class:`Comparison`; bumped on any incompatible change.
COMPARISON_SCHEMA_VERSION = "0.1.0"

ClauseStatus = Literal["unchanged", "changed", "moved", "added", "deleted", "split", "merged"]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ClauseRef(_Model):
    """One clause of one version: its id, number and heading as printed, and the span compared.

    ``start``/``end`` cover the clause's own text (up to its first sub-clause), the unit that is aligned.
    """

    id: str
    number: str | None = None
    heading: str | None = None
    start: int
    end: int


class TextEdit(_Model):
    """One word-level edit inside a matched pair: text deleted from the old version, inserted in the new, or
    both (a replacement). Empty spans (``start == end``) mark where the other side's text would sit."""

    op: Literal["insert", "delete", "replace"]
    old_start: int
    old_end: int
    new_start: int
    new_end: int
    old_text: str = ""
    new_text: str = ""


class ClauseChange(_Model):
    """How one clause (or a group, for splits and merges) fared between the versions.

    ``old``/``new`` hold the clauses on each side: one each for unchanged, changed and moved; none on one side
    for added and deleted; several on one side for split (one old, many new) and merged (many old, one new).
    ``renumbered`` says the clause kept its text under a different number; ``edits`` are the word-level
    changes (empty when the words are the same).
    """

    status: ClauseStatus
    old: list[ClauseRef] = Field(default_factory=list)
    new: list[ClauseRef] = Field(default_factory=list)
    similarity: float = Field(ge=0.0, le=1.0, description="1.0 for identical normalised text")
    renumbered: bool = False
    moved: bool = Field(default=False, description="out of document order relative to its neighbours")
    references_only: bool = Field(default=False, description="the only edits renumber cross-references to "
                                  "clauses that were themselves renumbered")
    edits: list[TextEdit] = Field(default_factory=list)

    @property
    def label(self) -> str:
        """Both numbers as a reader says them: "4.2 -> 5.2", "4.2", "(new) 7"."""
        old = ", ".join(c.number or c.heading or c.id for c in self.old)
        new = ", ".join(c.number or c.heading or c.id for c in self.new)
        if not self.old:
            return f"(new) {new}"
        if not self.new:
            return f"{old} (deleted)"
        return old if old == new else f"{old} \u2192 {new}"


class FindingChange(_Model):
    """A finding that the edit introduced, resolved or changed (matched by rule and aligned place)."""

    status: Literal["introduced", "resolved", "changed"]
    rule: str
    kind: Literal["one_sided", "ambiguity", "parse"]
    severity: Severity
    family: str | None = None
    message: str
    favors: str | None = Field(default=None, description="party id in the new version (old for resolved)")
    against_reader: bool | None = None
    old_finding_id: str | None = None
    new_finding_id: str | None = None
    old_clause: str | None = Field(default=None, description="clause number (or id) in the old version")
    new_clause: str | None = None
    old_start: int | None = None
    old_end: int | None = None
    new_start: int | None = None
    new_end: int | None = None
    quote: str = ""


class KeyTermChange(_Model):
    """A key term of the brief that is new, gone or different (cap amount, notice days, term, law, parties)."""

    kind: str
    status: Literal["added", "removed", "changed"]
    party: str | None = Field(default=None, description="party id (new version's ids) the term binds or benefits")
    detail: str | None = None
    old_value: str | None = None
    new_value: str | None = None
    old_text: str | None = None
    new_text: str | None = None
    old_start: int | None = None
    old_end: int | None = None
    new_start: int | None = None
    new_end: int | None = None


class DefinitionChange(_Model):
    """A defined term added, removed or redefined by the edit."""

    term: str
    status: Literal["added", "removed", "changed"]
    old_start: int | None = None
    old_end: int | None = None
    new_start: int | None = None
    new_end: int | None = None
    uses_in_new: int = Field(default=0, description="removed terms: how often the new version still uses the "
                             "term (a dangling use when > 0)")


class ReferenceChange(_Model):
    """A cross-reference the edit broke: it names a clause that is gone, or one that now holds other text.

    ``reason``: ``missing`` (no clause of that number in the new version), ``stale`` (the clause it pointed
    to was renumbered; the number now names a different clause), ``finding`` (a cross-reference rule fires in
    the new version and not in the old).
    """

    reason: Literal["missing", "stale", "finding"]
    reference: str = Field(description='the reference as written, e.g. "Section 5.2"')
    new_start: int
    new_end: int
    clause: str | None = Field(default=None, description="number of the new clause holding the reference")
    now_at: str | None = Field(default=None, description="stale: the number the referenced text moved to")
    message: str


class LeverageChange(_Model):
    """One change in who holds a right or bears a burden, in one clause: the heart of the comparison.

    ``favors`` is the party who gains (a new right, a removed burden, a one-sided term in its favour, or a
    resolved one against it), in the new version's party ids; ``against_reader`` is True when that is not the
    reader. ``source`` says what the change was read from: a one-sided finding, an obligation sentence, a
    ledger entry, a scorecard, or a key term.
    """

    favors: str | None
    burdened: str | None = None
    effect: Literal["gains_right", "loses_right", "takes_burden", "sheds_burden", "one_sided_added",
                    "one_sided_removed", "term_changed"]
    source: Literal["finding", "obligation", "ledger", "key_term"]
    family: str | None = None
    category: str | None = None
    weight: float = Field(description="commercial weight for the reader: higher is more important")
    against_reader: bool | None = None
    summary: str = Field(description='a sentence a lawyer reads: "Provider gains a termination right (4.2)"')
    old_clause: str | None = None
    new_clause: str | None = None
    old_start: int | None = None
    old_end: int | None = None
    new_start: int | None = None
    new_end: int | None = None
    old_text: str = ""
    new_text: str = ""


class ScoreDelta(_Model):
    """One family's scorecard line for one party, before and after (rights held + one-sided findings for it)."""

    family: str
    party: str
    rights_before: int = 0
    rights_after: int = 0
    favored_before: int = 0
    favored_after: int = 0
    leader_before: str | None = None
    leader_after: str | None = None


class VersionInfo(_Model):
    """Which document a side of the comparison is."""

    name: str | None = None
    format: str
    sha256: str | None = None
    source: str | None = None
    clause_count: int = 0
    character_count: int = 0


class ComparisonSummary(_Model):
    """Counts for a quick read."""

    clauses: dict[str, int] = Field(default_factory=dict, description="status -> number of clause changes")
    renumbered: int = 0
    words_inserted: int = 0
    words_deleted: int = 0
    findings_introduced: int = 0
    findings_resolved: int = 0
    leverage_for_reader: int = Field(default=0, description="leverage changes in the reader's favour")
    leverage_against_reader: int = 0


class Comparison(_Model):
    """The result of :func:`leverage_lens.compare`: the clause alignment and what the changes do.

    ``leverage`` is ranked by commercial weight for the reader (against the reader first when a perspective
    is given). Party ids are the new version's (old ids are mapped by name).
    """

    schema_version: str = COMPARISON_SCHEMA_VERSION
    old: VersionInfo
    new: VersionInfo
    perspective: str | None = Field(default=None, description="party id of the reader in the new version")
    parties: dict[str, str] = Field(default_factory=dict, description="party id -> name (new version)")
    clauses: list[ClauseChange] = Field(default_factory=list, description="in new-document order, deleted "
                                        "clauses after their old predecessor")
    leverage: list[LeverageChange] = Field(default_factory=list)
    findings: list[FindingChange] = Field(default_factory=list)
    key_terms: list[KeyTermChange] = Field(default_factory=list)
    definitions: list[DefinitionChange] = Field(default_factory=list)
    references: list[ReferenceChange] = Field(default_factory=list)
    scorecard: list[ScoreDelta] = Field(default_factory=list)
    summary: ComparisonSummary = Field(default_factory=ComparisonSummary)
    old_text: str = Field(default="", description="the old version's Document.text (the views need it)")
    new_text: str = ""

    def changes(self) -> list[ClauseChange]:
        """The clause changes a reader looks at: everything but unchanged clauses."""
        return [c for c in self.clauses if c.status != "unchanged"]

    def worst_severity(self) -> Severity | None:
        """The most severe introduced finding, or None (what ``--fail-on`` gates on)."""
        ranks = [f.severity for f in self.findings if f.status == "introduced"]
        return max(ranks, key=lambda s: s.rank) if ranks else None

    def to_json(self, *, indent: int | None = None) -> str:
        """The comparison as JSON, readable back with ``Comparison.model_validate_json``."""
        return self.model_dump_json(indent=indent)

    def to_markdown(self) -> str:
        """Leverage changes first, then key terms, findings and the changed clauses with their redlines."""
        from .view_markdown import render_comparison_markdown

        return render_comparison_markdown(self)

    def to_html(self, *, layout: Literal["side_by_side", "inline"] = "side_by_side") -> str:
        """One self-contained HTML redline (no network): leverage changes first, links to each clause."""
        from .view_html import render_comparison_html

        return render_comparison_html(self, layout=layout)

    def to_docx(self, path: str | PathLike[str] | None, *, author: str = "leverage_lens",
                date: str | None = None) -> RedlineCopy:
        """A Word redline: the new version with the changes as tracked revisions and a comment on each
        leverage change; written to ``path`` unless None."""
        from .view_docx import redline_docx

        copy = redline_docx(self, author=author, date=date)
        if path is not None:
            copy.write(path)
        return copy

    def _repr_html_(self) -> str:
        from .view_html import comparison_repr_html

        return comparison_repr_html(self)

