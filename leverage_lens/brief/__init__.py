"""The negotiation brief: key terms at a glance, each with its clause, and the issues to raise.

Built at the end of :meth:`~leverage_lens.Analyzer.analyze` from the tagged clauses, parties, obligations and
findings (``Report.summary.brief``); the views render it first. :func:`build_brief` does it all;
:mod:`~leverage_lens.brief.periods` reads dates and durations on its own.
"""

from __future__ import annotations

from ..enrich.periods import add_duration, find_dates, find_durations, parse_date, parse_duration
from .build import build_brief, issues_to_raise

__all__ = ["add_duration", "build_brief", "find_dates", "find_durations", "issues_to_raise", "parse_date",
           "parse_duration"]
