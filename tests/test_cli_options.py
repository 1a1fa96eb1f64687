"""The command line as a new user meets it: one meaning of --format, answers in command-line terms, the data
root wherever a data folder is asked for, and options for everything the API can do with rules."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from leverage_lens import Report
from leverage_lens.cli import EXIT_BAD_INPUT, EXIT_OK, build_parser, main

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
MSA_TXT = EXAMPLES / "master_services_agreement.txt"


def _report(capsys: pytest.CaptureFixture[str], *args: str) -> Report:
    assert main(["analyze", str(MSA_TXT), *args]) == EXIT_OK
    return Report.model_validate_json(capsys.readouterr().out)


def test_format_names_the_output_on_every_command_and_input_format_the_input() -> None:
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    for name in ("parse", "analyze", "compare"):
        fmt = next(a for a in commands[name]._actions if "--format" in a.option_strings)
        assert fmt.dest == "output_format", name
    for name in ("parse", "analyze"):
        assert any("--input-format" in a.option_strings for a in commands[name]._actions), name


def test_parse_format_json_prints_the_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["parse", str(MSA_TXT), "--format", "json"]) == EXIT_OK
    assert json.loads(capsys.readouterr().out)["format"] == "txt"


def test_parse_format_with_an_input_format_still_works_with_a_deprecation_warning(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["parse", str(MSA_TXT), "--format", "md"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "deprecated: use --input-format md" in captured.err
    assert main(["parse", str(MSA_TXT), "--input-format", "md"]) == EXIT_OK
    again = capsys.readouterr()
    assert again.out == captured.out and "deprecated" not in again.err


def test_help_names_no_python_api_and_promises_nothing_for_later(capsys: pytest.CaptureFixture[str]) -> None:
    for argv in (["--help"], ["analyze", "--help"], ["parse", "--help"]):
        with pytest.raises(SystemExit):
            build_parser().parse_args(argv)
        text = capsys.readouterr().out.lower()
        assert "later version" not in text and "for now" not in text, argv


def test_a_folder_given_to_analyze_points_to_scan(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(tmp_path)]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "is a folder: 'leverage-lens scan" in err and "scan()" not in err


def test_min_severity_leaves_lower_findings_out_of_the_report(capsys: pytest.CaptureFixture[str]) -> None:
    everything = _report(capsys)
    high = _report(capsys, "--min-severity", "high")
    assert {f.severity.value for f in everything.findings} > {"high"}
    assert high.findings == [f for f in everything.findings if f.severity.value in ("high", "critical")]
    assert sum(high.summary.findings_by_severity.values()) == len(high.findings)
    kept = {f.id for f in high.findings}
    assert high.summary.brief is not None
    assert all(i.finding_id in kept for i in high.summary.brief.issues_to_raise)


def test_fail_on_still_counts_findings_left_out_by_min_severity(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["analyze", str(MSA_TXT), "--min-severity", "critical", "--fail-on", "low"])
    assert code == 1 and "--fail-on" in capsys.readouterr().err


def test_disable_and_regrade_rules_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    everything = _report(capsys)
    vague = [f for f in everything.findings if f.rule == "ambiguity.vague_standard"]
    assert vague
    without = _report(capsys, "--disable", "ambiguity.vague_standard,ambiguity.and_or")
    assert not any(f.rule in ("ambiguity.vague_standard", "ambiguity.and_or") for f in without.findings)
    regraded = _report(capsys, "--severity", "ambiguity.vague_standard=info")
    assert {f.severity.value for f in regraded.findings if f.rule == "ambiguity.vague_standard"} == {"info"}


def test_rule_options_are_checked_before_the_file_is_read(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(MSA_TXT), "--disable", "no.such_rule"]) == EXIT_BAD_INPUT
    assert "no rule 'no.such_rule'; `leverage-lens rules` lists them" in capsys.readouterr().err
    assert main(["analyze", str(MSA_TXT), "--severity", "ambiguity.vague_standard"]) == EXIT_BAD_INPUT
    assert "--severity takes RULE=LEVEL" in capsys.readouterr().err


def test_a_baseline_written_once_leaves_known_findings_out_of_the_next_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    baseline = tmp_path / "known.json"
    first = _report(capsys, "--write-baseline", str(baseline))
    assert first.findings and baseline.is_file()
    assert sorted(json.loads(baseline.read_text(encoding="utf-8"))) == sorted({f.id for f in first.findings})
    again = _report(capsys, "--baseline", str(baseline))
    assert again.findings == []
    assert main(["analyze", str(MSA_TXT), "--baseline", str(tmp_path / "none.json")]) == EXIT_BAD_INPUT
    assert "no such file" in capsys.readouterr().err


def test_short_markdown_from_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["analyze", str(MSA_TXT), "--format", "md", "--short"]) == EXIT_OK
    out = capsys.readouterr().out
    assert "### Issues to raise" in out and "## Details" not in out
    assert main(["analyze", str(MSA_TXT), "--short"]) == EXIT_BAD_INPUT
    assert "--format md" in capsys.readouterr().err


def test_eval_claudette_accepts_the_data_root_as_eval_cuad_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from leverage_lens.training import claudette

    seen: list[Path] = []

    def fake_run(directory: Path, *, save: Path | None = None, cv_repeats: int = 0) -> object:
        seen.append(directory)
        raise claudette.ClaudetteDataError("stop here")

    monkeypatch.setattr(claudette, "run", fake_run)
    # what is under test is where the data is looked for, with or without the [eval] extra installed
    monkeypatch.setattr("leverage_lens.evaluate.command.require_sklearn", lambda command: None)
    (tmp_path / "claudette").mkdir()
    main(["eval", "claudette", str(tmp_path)])
    assert seen == [tmp_path / "claudette"]


def test_train_tagger_says_scikit_learn_is_missing_before_loading_any_data(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from leverage_lens.training import tagger

    monkeypatch.setitem(sys.modules, "sklearn", None)  # as if scikit-learn were not installed

    def no_loading(*args: object, **kwargs: object) -> object:
        raise AssertionError("the data was loaded before scikit-learn was checked")

    monkeypatch.setattr(tagger, "load_cuad", no_loading)
    monkeypatch.setattr(tagger, "train", no_loading)
    assert main(["train", "tagger", "--data", "/nonexistent"]) == EXIT_BAD_INPUT
    err = capsys.readouterr().err
    assert "needs scikit-learn" in err and "pip install 'leverage-lens[eval]'" in err
