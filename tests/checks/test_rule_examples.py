"""Every registered rule proves itself: its examples that must fire do, and those that must not, don't."""

from __future__ import annotations

import pytest

import leverage_lens
from leverage_lens.checks import CheckContext, builtin_rules

RULES = builtin_rules()


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_fires_on_its_positive_examples(rule):
    assert rule.fires_on, f"{rule.id} has no positive example"
    for text in rule.fires_on:
        found = rule.run(CheckContext.build(leverage_lens.parse_text(text)))
        assert found, f"{rule.id} did not fire on: {text}"
        assert all(f.rule == rule.id and f.quote == text[f.start : f.end] for f in found)


@pytest.mark.parametrize("rule", RULES, ids=[r.id for r in RULES])
def test_rule_is_quiet_on_its_negative_examples(rule):
    assert rule.quiet_on, f"{rule.id} has no negative example"
    for text in rule.quiet_on:
        assert rule.run(CheckContext.build(leverage_lens.parse_text(text))) == [], text


def test_every_rule_is_self_describing():
    for rule in RULES:
        assert rule.id and rule.description and rule.doc().startswith(f"### `{rule.id}`")
