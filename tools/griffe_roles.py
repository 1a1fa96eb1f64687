"""A griffe extension for the docs site: the docstrings' reStructuredText roles rendered as Markdown.

leverage_lens's docstrings are written in one style: plain prose with reStructuredText cross-reference roles
(``:class:`Report```, ``:meth:`Report.to_docx```, ``:func:`~leverage_lens.api.analyze```), as Sphinx and
IDEs read them. mkdocstrings renders Markdown, where a role would show as raw ``:class:`` text; this extension
rewrites each role, before rendering, into inline code naming the object the way the role would show it:
``~`` keeps the last part, a leading ``.`` (relative) is dropped, functions and methods get ``()``. Loaded by
``mkdocs.yml`` (``extensions: - tools/griffe_roles.py:SphinxRoles``); ``tests/test_docs_build.py`` fails if
a built reference page still shows a role.
"""

from __future__ import annotations

import re
from typing import Any

import griffe

_ROLE = re.compile(r":(?:py:)?(class|meth|func|mod|data|attr|exc|obj|const):`(~?)([^`<]*?)(?:\s*<([^>]+)>)?`")


def render_roles(text: str) -> str:
    """Every ``:role:`target``` in ``text`` as Markdown inline code."""

    def one(m: re.Match[str]) -> str:
        role, short, target, explicit = m.group(1), m.group(2), m.group(3).strip(), m.group(4)
        if explicit:  # :class:`the report <leverage_lens.model.Report>`
            return f"`{target}`"
        name = target.lstrip(".")
        if short:
            name = name.rsplit(".", 1)[-1]
        if role in ("func", "meth") and not name.endswith(")"):
            name += "()"
        return f"`{name}`"

    return _ROLE.sub(one, text)


class SphinxRoles(griffe.Extension):
    """Rewrites the roles of every docstring griffe loads (modules, classes, functions, attributes)."""

    def on_instance(self, *, obj: griffe.Object, **kwargs: Any) -> None:
        if obj.docstring is not None and ":" in obj.docstring.value:
            obj.docstring.value = render_roles(obj.docstring.value)
