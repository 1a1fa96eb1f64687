"""The few facts a folder summary needs from one Report, and the folder-level questions asked of them.

Due diligence reads a folder as a table: which contracts lack a cap on liability, which grant exclusivity,
renew automatically, end on a change of control. Each question is answered from the tag categories of the
taxonomy (``leverage_lens/data/taxonomy.json``); the mapping from question to category ids lives here, in
:data:`FOLDER_FLAGS`, and nowhere else.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from ..model import Report
from .records import FileDigest

__all__ = ["FOLDER_FLAGS", "FolderFlag", "digest", "flag_values"]


@dataclass(frozen=True)
class FolderFlag:
    """A yes/no question about each contract: does any clause carry one of ``categories``?

    ``alarm_when_absent`` marks the questions where the *absence* is what a reviewer looks for (no cap on
    liability); the summary lists those contracts as "lacks ...".
    """

    id: str
    label: str
    categories: frozenset[str]
    alarm_when_absent: bool = False


FOLDER_FLAGS: tuple[FolderFlag, ...] = (
    FolderFlag("liability_cap", "cap on liability", frozenset({"liability.cap"}), alarm_when_absent=True),
    FolderFlag("uncapped_liability", "uncapped liability", frozenset({"liability.uncapped"})),
    FolderFlag("exclusivity", "exclusivity", frozenset({"exclusivity.exclusive_dealing"})),
    FolderFlag("non_compete", "non-compete", frozenset({"exclusivity.non_compete"})),
    FolderFlag("most_favored_nation", "most favoured nation", frozenset({"exclusivity.most_favored_nation"})),
    FolderFlag("auto_renewal", "auto-renewal", frozenset({"termination.renewal"})),
    FolderFlag(
        "change_of_control", "change-of-control termination", frozenset({"termination.change_of_control"})
    ),
    FolderFlag(
        "termination_for_convenience", "termination for convenience", frozenset({"termination.convenience"})
    ),
    FolderFlag("anti_assignment", "restriction on assignment", frozenset({"assignment.anti_assignment"})),
)


def _scalar_terms(report: Report) -> dict[str, str]:
    """Summary fields holding one value (dates, law, term), as strings: the per-file "key terms" columns.

    Counts and nested structures are left out (they have their own columns); fields added to
    :class:`~leverage_lens.model.Summary` later show up here without a change.
    """
    terms: dict[str, str] = {}
    skip = {"clause_count", "page_count", "character_count"}
    for name, value in report.summary.model_dump(mode="json").items():
        if name in skip or value is None:
            continue
        if isinstance(value, (str, int, float, bool)):
            terms[name] = str(value)
        elif isinstance(value, dict) and name == "key_terms":
            terms.update({str(k): str(v) for k, v in value.items() if isinstance(v, (str, int, float, bool))})
    return terms


def digest(report: Report) -> FileDigest:
    """Tag categories, tag families, findings by severity and family, parties and key terms of one Report."""
    tags = [t for c in report.clauses for t in c.tags]
    categories = Counter(t.category for c in report.clauses for t in {t.category: t for t in c.tags}.values())
    return FileDigest(
        categories=dict(categories),
        tags_by_family=dict(Counter(t.family for t in tags)),
        findings_by_severity=dict(Counter(f.severity.value for f in report.findings)),
        findings_by_family=dict(Counter(f.family or f.kind for f in report.findings)),
        parties=[p.name for p in report.parties],
        key_terms=_scalar_terms(report),
        playbook={r.position_id: r.status for r in report.playbook.results} if report.playbook else {},
        playbook_failed=[r.position_id for r in report.playbook.failed()] if report.playbook else [],
    )


def flag_values(d: FileDigest) -> dict[str, bool]:
    """Each folder question answered for one file: flag id -> whether a clause carries the category."""
    present = set(d.categories)
    return {flag.id: bool(flag.categories & present) for flag in FOLDER_FLAGS}
