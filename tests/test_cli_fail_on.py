"""``leverage-lens analyze --fail-on SEVERITY``: a pipeline gate (exit 1 at or above, 0 below, 2 bad input)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from leverage_lens import Report
from leverage_lens.cli import main
from leverage_lens.model import Severity

MSA = Path(__file__).resolve().parent.parent / "examples" / "master_services_agreement.txt"


@pytest.fixture(scope="module")
def severities(tmp_path_factory: pytest.TempPathFactory) -> list[Severity]:
    out = tmp_path_factory.mktemp("gate") / "report.json"
    assert main(["analyze", str(MSA), "-o", str(out)]) == 0
    return [f.severity for f in Report.model_validate_json(out.read_text(encoding="utf-8")).findings]


def test_fail_on_exits_1_when_a_finding_reaches_the_severity_and_still_writes_the_report(
        severities: list[Severity], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    worst = max(severities, key=lambda s: s.rank)
    out = tmp_path / "r.json"
    assert main(["analyze", str(MSA), "--fail-on", worst.value, "-o", str(out)]) == 1
    assert json.loads(out.read_text(encoding="utf-8"))["findings"]
    err = capsys.readouterr().err.strip().splitlines()
    at_or_above = sum(s.rank >= worst.rank for s in severities)
    assert err[-1] == f"leverage-lens: {at_or_above} finding{'s' if at_or_above != 1 else ''} at or above " \
                      f"{worst.value} (--fail-on)"


def test_fail_on_exits_0_when_every_finding_is_below_the_severity(
        severities: list[Severity], capsys: pytest.CaptureFixture[str]) -> None:
    above = [s for s in Severity if s.rank > max(x.rank for x in severities)]
    if not above:
        pytest.skip("the example already has a critical finding")
    assert main(["analyze", str(MSA), "--fail-on", above[0].value, "--format", "md"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# ")
    assert "--fail-on" not in captured.err


def test_without_fail_on_findings_do_not_change_the_exit_code(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(MSA), "--format", "md"]) == 0
    assert capsys.readouterr().err == ""


def test_fail_on_with_a_missing_file_is_bad_input_with_one_error_line(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path / "absent.pdf"), "--fail-on", "low"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("leverage-lens: error: no such file")


def test_fail_on_rejects_an_unknown_severity_as_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(MSA), "--fail-on", "severe"]) == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'severe'" in err and "Traceback" not in err
