"""docs/rules.md is generated from the registry and must match it."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens import cli, rules
from leverage_lens.checks.docs import rules_markdown

PAGE = Path(__file__).resolve().parents[3] / "docs" / "rules.md"


def test_committed_rules_page_is_in_sync_with_the_registry():
    assert PAGE.read_text(encoding="utf-8") == rules_markdown(rules()), (
        "docs/rules.md is stale: run `leverage-lens rules --markdown > docs/rules.md`")


def test_every_rule_has_a_section_on_the_page():
    page = rules_markdown(rules())
    assert all(f"### `{r.id}`" in page for r in rules())


def test_cli_rules_markdown_prints_the_page(capsys: pytest.CaptureFixture[str]):
    assert cli.main(["rules", "--markdown"]) == 0
    assert capsys.readouterr().out == rules_markdown(rules())
