"""Comparing two versions of a contract: what changed since the last draft, and who gained.

:func:`compare` aligns the clauses of two versions (renumbered, moved, split and merged clauses matched by
content), diffs each matched pair word by word, and reads what the change does: findings introduced and
resolved, key terms changed, defined terms added or dropped, references broken, and leverage gained or lost
by each party, ranked by commercial weight for the reader. The result is a typed :class:`Comparison` with
JSON, Markdown, HTML and Word views.
"""

from __future__ import annotations

from .api import compare, compare_reports
from .model import (
    COMPARISON_SCHEMA_VERSION,
    ClauseChange,
    ClauseRef,
    Comparison,
    ComparisonSummary,
    DefinitionChange,
    FindingChange,
    KeyTermChange,
    LeverageChange,
    ReferenceChange,
    ScoreDelta,
    TextEdit,
    VersionInfo,
)

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
    "compare",
    "compare_reports",
]
