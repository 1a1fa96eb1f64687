"""The rule registry: listing, switching, re-grading, users' rules, suppression by fingerprint."""

from __future__ import annotations

import pytest

import leverage_lens
from leverage_lens.checks import Registry, builtin_rules, fingerprint, rule
from leverage_lens.errors import InvalidOptionError
from leverage_lens.model import Severity

TEXT = ('This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). 1. Customer may terminate '
        "this Agreement for convenience on 30 days notice. 2. Supplier shall indemnify Customer from all claims.")
DOC = leverage_lens.parse_text(TEXT)


def test_default_registry_runs_every_builtin_rule():
    rules = Registry().rules()
    assert {r.id for r in rules} == {r.id for r in builtin_rules()}
    assert {"one_sided.termination_for_convenience", "one_sided.indemnity"} <= {f.rule for f in Registry().run(DOC)}


def test_disabled_rule_does_not_fire_and_others_are_unaffected():
    reg = Registry().disable("one_sided.indemnity")
    assert "one_sided.indemnity" not in {f.rule for f in reg.run(DOC)}
    assert "one_sided.indemnity" in {f.rule for f in Registry().run(DOC)}


def test_regrade_changes_the_severity_of_findings():
    reg = Registry().regrade("one_sided.indemnity", "critical")
    sev = {f.rule: f.severity for f in reg.run(DOC)}
    assert sev["one_sided.indemnity"] is Severity.CRITICAL


def test_users_rule_is_added_and_run():
    @rule("mine.fees", description="mentions fees", severity="info", fires_on=("fees",), quiet_on=("x",))
    def mine(ctx, r):
        return []

    reg = Registry().add(mine)
    assert "mine.fees" in reg and "mine.fees" not in Registry()
    with pytest.raises(InvalidOptionError):
        reg.add(mine)


def test_unknown_rule_id_is_a_typed_error():
    with pytest.raises(InvalidOptionError, match="no rule"):
        Registry().disable("nope")


def test_baseline_file_suppresses_known_findings(tmp_path):
    findings = Registry().run(DOC)
    path = tmp_path / "baseline.json"
    Registry.write_baseline(findings[:1], path)
    remaining = Registry().load_baseline(path).run(DOC)
    assert [f.id for f in remaining] == [f.id for f in findings[1:]]


def test_fingerprint_ignores_offsets_and_whitespace_but_not_the_quote():
    assert fingerprint("r", "1.2", "Customer  may\nterminate") == fingerprint("r", "1.2", "customer may terminate")
    assert fingerprint("r", "1.2", "Customer may terminate") != fingerprint("r", "1.3", "Customer may terminate")
    moved = leverage_lens.parse_text("Preface.\n\n" + TEXT)
    assert {f.id for f in Registry().run(moved)} == {f.id for f in Registry().run(DOC)}


def test_public_rules_lists_the_builtin_rules():
    assert [r.id for r in leverage_lens.rules()] == [r.id for r in builtin_rules()]
