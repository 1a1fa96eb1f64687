"""What a new user reads says what the library does today: no "later versions", no "for now", no menu entry
twice, and the command's help and the docs agree on the names of things."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from leverage_lens.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]
# "the later version" of a contract (compare's NEW) is fine; promises about the library's own future are not
STALE = re.compile(r"later versions|in a later version|for now|for later stages|planned and|not fill(?:ed)? "
                   r"(?:them )?yet|arrive in later", re.IGNORECASE)


def _help_texts() -> dict[str, str]:
    parser = build_parser()
    out = {"leverage-lens": parser.format_help()}
    sub = parser._subparsers._group_actions[0]  # type: ignore[union-attr]
    for name, command in sub.choices.items():
        out[f"leverage-lens {name}"] = command.format_help()
    return out


def _pages() -> dict[str, str]:
    pages = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md")}
    pages["README.md"] = (ROOT / "README.md").read_text(encoding="utf-8")
    return pages


@pytest.mark.parametrize("where", ["help", "docs"])
def test_help_and_docs_promise_nothing_for_later(where: str) -> None:
    texts = _help_texts() if where == "help" else _pages()
    stale = {name: STALE.findall(text) for name, text in texts.items() if STALE.search(text)}
    assert stale == {}


def test_public_docstrings_promise_nothing_for_later() -> None:
    import leverage_lens
    from leverage_lens import model

    objects = [getattr(leverage_lens, n) for n in leverage_lens.__all__ if n not in ("scan", "compare", "Comparison")]
    objects += [getattr(model, n) for n in model.__all__]
    stale = [getattr(o, "__name__", repr(o)) for o in objects if STALE.search(getattr(o, "__doc__", "") or "")]
    assert stale == []


def test_docs_menu_lists_each_page_once() -> None:
    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))

    def pages(nav: object) -> list[str]:
        if isinstance(nav, str):
            return [nav]
        if isinstance(nav, list):
            return [p for item in nav for p in pages(item)]
        if isinstance(nav, dict):
            return [p for value in nav.values() for p in pages(value)]
        return []

    listed = pages(config["nav"])
    assert sorted(p for p in set(listed) if listed.count(p) > 1) == []
