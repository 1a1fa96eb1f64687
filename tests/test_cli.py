"""The ``leverage-lens`` command, driven through ``main([...])`` as a shell would drive it.

The CLI is a thin layer over the public API, so these tests check the layer's own promises: what each
subcommand prints, that JSON output reads back into the models, and that bad input ends with exit code 2
and exactly one ``leverage-lens: error:`` line -- never a traceback.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import leverage_lens
from leverage_lens import Document, Report
from leverage_lens.cli import main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MSA = EXAMPLES / "master_services_agreement"

SMALL_CONTRACT = """\
SUPPLY AGREEMENT

1. DEFINITIONS

1.1 "Products" means the goods listed in Schedule 1.

2. TERM AND TERMINATION

2.1 Term. This Agreement starts on the Effective Date and lasts two (2) years.

2.2 Termination. Either party may terminate this Agreement on ninety (90) days' notice.
"""


@pytest.fixture
def contract_txt(tmp_path: Path) -> Path:
    path = tmp_path / "supply_agreement.txt"
    path.write_text(SMALL_CONTRACT, encoding="utf-8")
    return path


def _assert_one_line_error(code: int, err: str, *fragments: str) -> None:
    assert code == 2
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("leverage-lens: error: ")
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


# ----------------------------------------------------------------------------------------------- parse ----


def test_parse_prints_indented_clause_tree(contract_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(contract_txt)]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert lines[0].startswith("supply_agreement.txt")
    assert re.search(r"\b\d+ clauses?\b", lines[0])
    article = next(line for line in lines if "TERM AND TERMINATION" in line)
    section = next(line for line in lines if re.search(r"\b2\.1\b", line))
    assert "Term" in section
    indent = len(section) - len(section.lstrip())
    assert indent > len(article) - len(article.lstrip()), "sections are indented under their article"
    assert "p. 1" in section  # the page range column


def test_parse_offsets_flag_shows_start_and_end(
    contract_txt: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["parse", str(contract_txt), "--offsets"]) == 0
    rows = capsys.readouterr().out.splitlines()[2:]
    assert rows and all(re.search(r"\[\d+:\d+\]$", row) for row in rows)


def test_parse_json_is_a_document(contract_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(contract_txt), "--json"]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.text == SMALL_CONTRACT
    assert doc.format == "txt"
    assert doc.name == "supply_agreement.txt"
    assert doc.clauses
    for clause in doc.clauses:
        assert clause.text == doc.text[clause.start : clause.end]


@pytest.mark.parametrize("suffix", ["docx", "pdf", "txt"])
def test_parse_json_of_each_example(suffix: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MSA.with_suffix(f".{suffix}")), "--json"]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.format == suffix
    assert doc.clauses


def test_parse_example_pdf_shows_pages(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MSA.with_suffix(".pdf"))]) == 0
    out = capsys.readouterr().out
    assert re.match(r"master_services_agreement\.pdf \u2014 PDF, \d+ pages, \d+ clauses", out)
    assert re.search(r"pp?\. [2-9]", out), "clauses after the first page carry their page numbers"


def test_parse_format_option_overrides_detection(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "contract.dat"
    path.write_text("# Agreement\n\n## 1. Term\n\nThis Agreement lasts one year.\n", encoding="utf-8")
    assert main(["parse", str(path), "--format", "md", "--json"]) == 0
    assert Document.model_validate_json(capsys.readouterr().out).format == "md"


def test_parse_pdf_engine_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MSA.with_suffix(".pdf")), "--pdf-engine", "pdfplumber", "--json"]) == 0
    doc = Document.model_validate_json(capsys.readouterr().out)
    assert doc.format == "pdf" and doc.clauses


def test_unknown_pdf_engine_is_a_usage_error(contract_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(contract_txt), "--pdf-engine", "tesseract"]) == 2
    assert "invalid choice" in capsys.readouterr().err


# ------------------------------------------------------------------------------------------ bad input ----


def test_missing_file_exits_2_with_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["parse", str(tmp_path / "no_such_contract.pdf")])
    captured = capsys.readouterr()
    _assert_one_line_error(code, captured.err, "no_such_contract.pdf")
    assert captured.out == ""


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4),
        ("legacy.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 512),
        ("renamed.pdf", b"this is plain text, not a PDF at all\n"),
        ("empty.txt", b""),
    ],
)
def test_unsupported_or_damaged_file_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    code = main(["parse", str(path)])
    captured = capsys.readouterr()
    _assert_one_line_error(code, captured.err, name)
    assert captured.out == ""


def test_folder_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _assert_one_line_error(main(["analyze", str(tmp_path)]), capsys.readouterr().err)


def test_no_command_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main([]) == 2
    assert "usage: leverage-lens" in capsys.readouterr().err


# --------------------------------------------------------------------------------------------- analyze ----


def test_analyze_writes_report_json(
    contract_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_path = tmp_path / "report.json"
    assert main(["analyze", str(contract_txt), "-o", str(out_path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "report.json" in captured.err
    report = Report.model_validate_json(out_path.read_text(encoding="utf-8"))
    assert report.schema_version == leverage_lens.SCHEMA_VERSION
    assert report.document.text == SMALL_CONTRACT
    assert report.summary.clause_count == len(report.clauses) > 0


def test_analyze_without_output_prints_report(contract_txt: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(contract_txt)]) == 0
    report = Report.model_validate_json(capsys.readouterr().out)
    assert report.document.name == "supply_agreement.txt"


def test_analyze_example_docx(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out_path = tmp_path / "msa.json"
    assert main(["analyze", str(MSA.with_suffix(".docx")), "-o", str(out_path)]) == 0
    report = Report.model_validate_json(out_path.read_text(encoding="utf-8"))
    assert report.document.format == "docx"


def test_analyze_unwritable_output_exits_2(
    contract_txt: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["analyze", str(contract_txt), "-o", str(tmp_path / "missing_dir" / "report.json")])
    _assert_one_line_error(code, capsys.readouterr().err, "cannot write")


# ---------------------------------------------------------------------------------- schema, version ----


def test_schema_prints_report_json_schema(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema == Report.model_json_schema()
    assert "schema_version" in schema["properties"]
    assert "Clause" in schema["$defs"]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert capsys.readouterr().out == f"leverage-lens {leverage_lens.__version__}\n"


def test_help_lists_commands_and_examples(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    for word in ("parse", "analyze", "schema", "--version", "examples:", "exit status"):
        assert word in out


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "leverage_lens", "--version"],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=EXAMPLES.parent,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"leverage-lens {leverage_lens.__version__}"
