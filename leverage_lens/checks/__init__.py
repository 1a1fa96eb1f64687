"""Checks: registered rules that turn an :class:`~leverage_lens.analysis.Analysis` into findings.

* :mod:`.registry` -- :class:`Rule`, :func:`rule`, :class:`Registry` (enable, disable, re-grade, add,
  suppress by fingerprint / baseline file), :data:`BUNDLES` (the built-in rules, listed per bundle);
* :mod:`.one_sided` -- commercial asymmetries; :mod:`.claudette` -- unfair consumer terms (``CLAUDETTE``);
  :mod:`.ambiguity` -- drafting defects;
* :mod:`.perspective` -- the reader's side and the leverage scorecard.

:func:`run_checks` is what :meth:`leverage_lens.Analyzer.analyze` calls. ``CheckContext`` is the former name
of :class:`~leverage_lens.analysis.Analysis`, kept for rules written against it.
"""

from __future__ import annotations

from ..analysis import Analysis
from ..model import Finding
from .finding import fingerprint, make_finding
from .perspective import for_reader, resolve_reader, scorecard
from .registry import BUNDLES, Registry, Rule, builtin_rules, rule

#: Former name of :class:`~leverage_lens.analysis.Analysis` (what a rule's check function receives).
CheckContext = Analysis

__all__ = [
    "BUNDLES",
    "Analysis",
    "CheckContext",
    "Registry",
    "Rule",
    "builtin_rules",
    "fingerprint",
    "for_reader",
    "make_finding",
    "resolve_reader",
    "rule",
    "run_checks",
    "scorecard",
]


def run_checks(analysis: Analysis, *, registry: Registry | None = None) -> list[Finding]:
    """The findings of ``analysis``, in document order, marked for its reader (``against_reader``)."""
    findings = (registry or Registry()).run(analysis)
    return for_reader(findings, analysis.reader)
