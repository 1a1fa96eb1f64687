"""``leverage-lens compare``: files, folders (paired by name, any format), formats, --fail-on and errors."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from leverage_lens.cli import main

from ._contracts import NEW, OLD


@pytest.fixture()
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old, new = tmp_path / "v1.txt", tmp_path / "v2.txt"
    old.write_text(OLD, encoding="utf-8")
    new.write_text(NEW, encoding="utf-8")
    return old, new


def test_compare_prints_json_by_default(versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *map(str, versions), "--perspective", "Customer"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["schema_version"] and data["perspective"] == "party-2"
    assert data["leverage"][0]["new_clause"] == "5.3"


@pytest.mark.parametrize("fmt,marker", [("md", "## Leverage changes"), ("html", "<!DOCTYPE html>")])
def test_compare_writes_markdown_and_html(versions: tuple[Path, Path], tmp_path: Path, fmt: str, marker: str,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / f"changes.{fmt}"
    assert main(["compare", *map(str, versions), "--format", fmt, "-o", str(out)]) == 0
    assert marker in out.read_text(encoding="utf-8")
    assert f"wrote {out}" in capsys.readouterr().err


def test_compare_docx_needs_an_output_file(versions: tuple[Path, Path], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", *map(str, versions), "--format", "docx"]) == 2
    assert "give -o OUT" in capsys.readouterr().err


def test_compare_docx_writes_a_word_redline(versions: tuple[Path, Path], tmp_path: Path) -> None:
    out = tmp_path / "redline.docx"
    assert main(["compare", *map(str, versions), "--format", "docx", "-o", str(out)]) == 0
    with zipfile.ZipFile(out) as z:
        assert "<w:ins " in z.read("word/document.xml").decode()


def test_fail_on_exits_one_when_the_new_version_introduces_a_high_finding(
        versions: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "c.json"
    assert main(["compare", *map(str, versions), "-o", str(out), "--fail-on", "high"]) == 1
    assert out.exists() and "--fail-on" in capsys.readouterr().err
    assert main(["compare", *map(str, versions), "-o", str(out), "--fail-on", "critical"]) == 0


def test_compare_folders_pairs_files_by_name_across_formats(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    old_dir, new_dir, out = tmp_path / "drafts", tmp_path / "signed", tmp_path / "out"
    old_dir.mkdir()
    new_dir.mkdir()
    (old_dir / "msa.txt").write_text(OLD, encoding="utf-8")
    (new_dir / "msa.md").write_text(NEW, encoding="utf-8")
    (old_dir / "nda.txt").write_text(OLD, encoding="utf-8")
    assert main(["compare", str(old_dir), str(new_dir), "--format", "md", "-o", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["msa.compare.md"]
    assert "only in" in capsys.readouterr().err


def test_missing_file_is_bad_input(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["compare", str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]) == 2
    assert "no such file" in capsys.readouterr().err
