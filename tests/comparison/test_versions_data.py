"""Real redlines: published versions of Common Paper agreements (../shared/data/versions)."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens import compare

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "versions"
pytestmark = [pytest.mark.data,
              pytest.mark.skipif(not DATA.exists(), reason="../shared/data/versions is absent")]


def test_psa_version_renaming_disclosing_party_reports_just_that_edit() -> None:
    """PSA 2 -> 3, "changes disclosing party to discloser": one word-level replacement, nothing else."""
    comp = compare(DATA / "PSA" / "02_cb71919.md", DATA / "PSA" / "03_3e0cc6a.md")
    edits = [(e.op, e.old_text, e.new_text) for c in comp.clauses for e in c.edits]
    assert edits == [("replace", "Disclosing Party", "Discloser")]
    assert {c.status for c in comp.clauses} <= {"unchanged", "changed"}


def test_formatting_only_versions_report_no_change() -> None:
    """Pilot 1 -> 2 ("fixed some tags in markdown") and SLA 3 -> 4 ("simpler markdown link") change markup only."""
    for form, old, new in (("Pilot-Agreement", "01_e034326.md", "02_d1a9e1e.md"),
                           ("SLA", "03_aac6e40.md", "04_7073817.md")):
        comp = compare(DATA / form / old, DATA / form / new)
        assert comp.changes() == [], (form, [c.label for c in comp.changes()])
