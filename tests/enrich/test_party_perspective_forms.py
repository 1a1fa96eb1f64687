"""``--perspective`` works by role and by name on every Common Paper form in ../shared/data/docx and on the
example contracts: each principal party's role and name resolve to that party and to no other."""

from __future__ import annotations

from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.checks.perspective import resolve_reader
from leverage_lens.enrich import find_parties

ROOT = Path(__file__).resolve().parents[2]
FORMS = sorted((ROOT.parent / "shared" / "data" / "docx" / "templates").glob("common-paper-*/*/template.docx"))
EXAMPLES = sorted((ROOT / "examples").glob("master_services_agreement.*"))


@pytest.mark.data
@pytest.mark.skipif(not FORMS, reason="../shared/data/docx is absent")
@pytest.mark.parametrize("path", FORMS, ids=lambda p: p.parent.name)
def test_perspective_by_role_and_by_name_on_a_common_paper_form(path: Path) -> None:
    _check(ll.parse(path).text)


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_perspective_by_role_and_by_name_on_the_example_contracts(path: Path) -> None:
    principal = _check(ll.parse(path).text)
    assert {p.role for p in principal} == {"Provider", "Customer"}
    assert ll.analyze(path, perspective="Customer").summary.perspective == next(
        p.id for p in principal if p.role == "Customer")


def _check(text: str) -> list[ll.Party]:
    principal = [p for p in find_parties(text) if p.principal]
    assert len(principal) >= 2, [(p.name, p.role) for p in principal]
    roles = [p.role for p in principal]
    assert all(roles) and len(set(roles)) == len(roles), roles
    for p in principal:
        assert resolve_reader(p.role, principal) == p.id  # type: ignore[arg-type]
        assert resolve_reader(p.name, principal) == p.id
    return principal
