"""Playbooks: check a contract against your own negotiating positions, with fallback language.

A :class:`Playbook` (YAML or JSON; :func:`load_playbook`, JSON Schema in :func:`playbook_schema`) lists
positions per topic: what each checks on the leverage ledger, the brief's key terms and the clause tags (a
small typed condition language, :mod:`.conditions`), how severe a failure is, whether a missing term fails,
and the preferred and fallback clause language. :func:`check_playbook` reads a Report and gives one result per
position (met, not met, missing, not applicable) with the deciding words, the clause closest to the preferred
language and its deviation word by word, and the fallback to propose. Three examples ship with the library:
a SaaS customer's, a supplier's and an NDA's (:func:`example_playbook`).
"""

from __future__ import annotations

from .check import check_playbook, resolve_sides
from .conditions import AllOf, AnyOf, Condition, LedgerCheck, TagCheck, TermCheck
from .load import EXAMPLES, PlaybookError, example_playbook, example_text, load_playbook, playbook_schema
from .model import Playbook, Position

__all__ = [
    "EXAMPLES",
    "AllOf",
    "AnyOf",
    "Condition",
    "LedgerCheck",
    "Playbook",
    "PlaybookError",
    "Position",
    "TagCheck",
    "TermCheck",
    "check_playbook",
    "example_playbook",
    "example_text",
    "load_playbook",
    "playbook_schema",
    "resolve_sides",
]
