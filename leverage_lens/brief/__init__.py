"""The negotiation brief: key terms at a glance, each with its clause, and the issues to raise.

Built at the end of :meth:`~leverage_lens.Analyzer.analyze` from the tagged clauses, parties, obligations and
findings (``Report.summary.brief``); the views render it first. :func:`build_brief` does it all;
:func:`build_deadlines` turns the brief into the days someone must act by (``Report.deadlines``).
"""

from __future__ import annotations

from ..enrich.periods import add_duration, find_dates, find_durations, parse_date, parse_duration
from .build import build_brief, issues_to_raise
from .deadlines import build_deadlines, roll_forward, sort_deadlines

__all__ = ["add_duration", "build_brief", "build_deadlines", "find_dates", "find_durations", "issues_to_raise",
           "parse_date", "parse_duration", "roll_forward", "sort_deadlines"]
