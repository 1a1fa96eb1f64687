"""Checks: registered rules that turn an analysed document into :class:`~leverage_lens.model.Finding` objects.

* :mod:`.registry` -- :class:`Rule`, :func:`rule`, :class:`Registry` (enable, disable, re-grade, add,
  suppress by fingerprint / baseline file);
* :mod:`.one_sided` -- commercial asymmetries; :mod:`.claudette` -- unfair consumer terms (``CLAUDETTE``);
* :mod:`.perspective` -- the reader's side and the leverage scorecard.

:func:`run_checks` is what :meth:`leverage_lens.Analyzer.analyze` calls.
"""

from __future__ import annotations

from ..enrich import Enrichment
from ..model import Clause, Document, FamilyScore, Finding
from .context import CheckContext
from .finding import fingerprint, make_finding
from .perspective import for_reader, resolve_reader, scorecard
from .registry import BUILTIN_MODULES, Registry, Rule, builtin_rules, rule

__all__ = ["CheckContext", "Registry", "Rule", "rule", "builtin_rules", "BUILTIN_MODULES", "fingerprint",
           "make_finding", "run_checks", "resolve_reader", "for_reader", "scorecard"]


def run_checks(
    doc: Document, enrichment: Enrichment, clauses: list[Clause], *, registry: Registry | None = None,
    perspective: str | None = None,
) -> tuple[list[Finding], dict[str, FamilyScore], str | None]:
    """Findings (marked for the reader), the scorecard and the reader's party id."""
    reader = resolve_reader(perspective, enrichment.parties) if perspective else None
    findings = (registry or Registry()).run(CheckContext.build(doc, enrichment))
    findings = for_reader(findings, reader)
    return findings, scorecard(clauses, enrichment.obligations, findings, enrichment.parties, reader), reader
