"""``leverage-lens analyze --format md|html|json``: the command writes each view the API gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens import Report, analyze
from leverage_lens.cli import main

from ._helpers import HOSTILE_CONTRACT, read_page


@pytest.fixture
def contract(tmp_path: Path) -> Path:
    path = tmp_path / "hostile.txt"
    path.write_text(HOSTILE_CONTRACT, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_analyze_writes_the_chosen_view_to_out(fmt: str, contract: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"report.{fmt}"
    assert main(["analyze", str(contract), "--format", fmt, "-o", str(out)]) == 0
    assert f"wrote {out}" in capsys.readouterr().err
    written = out.read_text(encoding="utf-8")
    expected = analyze(contract)
    if fmt == "json":
        assert Report.model_validate_json(written).document.text == HOSTILE_CONTRACT
    elif fmt == "md":
        assert written == expected.to_markdown() + "\n"
    else:
        assert written == expected.to_html()
        assert read_page(written).text == HOSTILE_CONTRACT


def test_analyze_defaults_to_json_on_stdout(contract: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(contract)]) == 0
    assert Report.model_validate_json(capsys.readouterr().out).document.name == "hostile.txt"


def test_analyze_input_format_still_selectable(contract: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(contract), "--input-format", "md", "--format", "md"]) == 0
    assert capsys.readouterr().out.startswith("# hostile.txt")


def test_analyze_rejects_an_unknown_view(contract: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(contract), "--format", "xlsx"]) == 2
    assert "invalid choice" in capsys.readouterr().err
