"""The command line: analyze --playbook (and --fail-on at the playbook's severities), playbook validate, init,
schema and check."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leverage_lens.cli import main

from .conftest import ONE_SIDED


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cli") / "msa.txt"
    path.write_text(ONE_SIDED, encoding="utf-8")
    return path


def test_init_writes_a_starter_that_validates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "positions.yaml"
    assert main(["playbook", "init", "--side", "customer", "-o", str(out)]) == 0
    assert main(["playbook", "validate", str(out)]) == 0
    assert "valid playbook 'SaaS customer', 10 positions" in capsys.readouterr().out
    assert main(["playbook", "init", "--side", "customer", "-o", str(out)]) == 2  # never overwrites


def test_init_as_json_prints_the_playbook(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbook", "init", "--side", "nda", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["name"] == "NDA"


def test_validate_lists_every_problem_and_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: x\npositions:\n  - id: a\n    title: t\n    check: {term: liability_cap, at_most: soon}\n"
                   "  - id: b\n    title: t\n    check: {ledger: nope}\n", encoding="utf-8")
    assert main(["playbook", "validate", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "2 problems" in err and "positions[0] (a)" in err and "positions[1] (b)" in err


def test_schema_prints_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["playbook", "schema"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "leverage_lens playbook"


def test_analyze_with_playbook_writes_results_and_fails_on_playbook_severity(
        contract: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    book = tmp_path / "p.yaml"
    book.write_text("name: law only\nour_roles: [Customer]\npositions:\n  - id: law\n    title: Delaware law\n"
                    "    severity: critical\n    check: {term: governing_law, one_of: [Delaware]}\n", encoding="utf-8")
    out = tmp_path / "r.json"
    code = main(["analyze", str(contract), "--playbook", str(book), "--fail-on", "critical", "-o", str(out)])
    assert code == 1  # no finding is critical, the failed position is
    assert "failed position" in capsys.readouterr().err
    assert json.loads(out.read_text(encoding="utf-8"))["playbook"]["results"][0]["status"] == "not_met"


def test_a_missing_playbook_is_bad_input(contract: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(contract), "--playbook", "missing.yaml"]) == 2
    assert "no such file" in capsys.readouterr().err


def test_check_reads_a_saved_report(contract: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    report = tmp_path / "r.json"
    assert main(["analyze", str(contract), "-o", str(report)]) == 0
    book = tmp_path / "p.yaml"
    assert main(["playbook", "init", "--side", "supplier", "-o", str(book)]) == 0
    capsys.readouterr()
    assert main(["playbook", "check", str(report), str(book), "--perspective", "Provider"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["name"] == "Supplier" and len(result["results"]) == 9
