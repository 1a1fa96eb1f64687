"""Views of a :class:`~leverage_lens.model.Report` for people: Markdown, a self-contained HTML page, and the
short HTML summaries Jupyter shows for each model.

Every view is generated from the Report alone (no re-analysis, nothing fetched), so a saved JSON report can be
rendered again later. The model methods (``Report.to_markdown``, ``Report.to_html``, ``_repr_html_``) import
this package lazily, keeping ``import leverage_lens`` cheap.
"""

from __future__ import annotations

from .html import render_html
from .markdown import render_markdown
from .notebook import clause_repr_html, document_repr_html, finding_repr_html, report_repr_html

__all__ = [
    "clause_repr_html",
    "document_repr_html",
    "finding_repr_html",
    "render_html",
    "render_markdown",
    "report_repr_html",
]
