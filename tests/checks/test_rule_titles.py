"""Every built-in rule has a short title a lawyer reads, kept in leverage_lens/data/rule_titles.json."""

from __future__ import annotations

import json

import leverage_lens
from leverage_lens._paths import data_dir
from leverage_lens.checks.registry import rule
from leverage_lens.checks.titles import humanise, rule_title


def test_every_built_in_rule_has_a_title_in_the_data_file() -> None:
    titles = json.loads((data_dir() / "rule_titles.json").read_text(encoding="utf-8"))
    ids = {r.id for r in leverage_lens.rules()}
    missing = sorted(ids - set(titles))
    assert missing == [], f"add a short title for {missing} to leverage_lens/data/rule_titles.json"
    assert sorted(set(titles) - ids) == [], "titles of rules that no longer exist"
    for r in leverage_lens.rules():
        assert r.title == titles[r.id] and 3 <= len(r.title) <= 60 and "_" not in r.title, r.id


def test_a_users_rule_without_a_title_gets_a_readable_one() -> None:
    @rule("acme.late_notice", description="Notice given late.", severity="low")
    def late_notice(ctx: object, r: object) -> list[object]:
        return []

    assert late_notice.title == "Late notice" == humanise("acme.late_notice") == rule_title("acme.late_notice")

    @rule("acme.x", description="X.", severity="low", title="Notice clock")
    def titled(ctx: object, r: object) -> list[object]:
        return []

    assert titled.title == "Notice clock"
