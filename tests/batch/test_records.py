"""One results line per file: its layout, its round trip, and the options key that decides reuse."""

from __future__ import annotations

import json

import pytest

import leverage_lens
from leverage_lens.batch.records import (
    FileDigest,
    ScanFailure,
    ScanSuccess,
    decode_line,
    encode_failure,
    encode_success,
    options_key,
    split_line,
)


def _report() -> leverage_lens.Report:
    return leverage_lens.analyze(leverage_lens.parse_text("1. Term. This Agreement lasts two years."))


def test_success_line_is_one_json_object_with_the_report_last() -> None:
    report = _report()
    meta = ScanSuccess(path="/x/a.txt", sha256="ab", options_key="k", pages=1, clauses=len(report.clauses))
    line = encode_success(meta, report.model_dump_json().encode())
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    obj = json.loads(line)
    assert list(obj)[-1] == "report"
    assert obj["status"] == "ok" and obj["path"] == "/x/a.txt"
    assert leverage_lens.Report.model_validate(obj["report"]) == report


def test_decoded_success_parses_its_report_only_when_asked() -> None:
    report = _report()
    meta = ScanSuccess(path="/x/a.txt", sha256="ab", options_key="k", digest=FileDigest(parties=["Acme"]))
    record = decode_line(encode_success(meta, report.model_dump_json().encode()))
    assert isinstance(record, ScanSuccess)
    assert record._report is None
    assert record.report == report
    assert record.digest.parties == ["Acme"]


def test_header_split_survives_a_path_that_contains_the_report_key() -> None:
    tricky = '/data/,"report":{evil}.txt'
    meta = ScanSuccess(path=tricky, sha256=None, options_key="k")
    head, report = split_line(encode_success(meta, b'{"a":1}'))
    assert head["path"] == tricky
    assert report == b'{"a":1}'


def test_failure_line_round_trips() -> None:
    failure = ScanFailure(
        path="/x/b.pdf",
        sha256=None,
        options_key="k",
        status="timeout",
        error_type="TimeoutError",
        message="m",
    )
    record = decode_line(encode_failure(failure))
    assert record == failure


@pytest.mark.parametrize(
    "line", [b'{"path": "/x", "status": "ok", "report":{"trunc', b"not json\n", b"[1, 2]\n"]
)
def test_torn_or_foreign_lines_are_rejected(line: bytes) -> None:
    with pytest.raises(ValueError):
        decode_line(line)


def test_options_key_is_stable_and_changes_with_any_option() -> None:
    base = {"pdf_engine": "pdfium", "max_pages": 10}
    assert options_key(base) == options_key(dict(reversed(list(base.items()))))
    assert options_key(base) != options_key({**base, "max_pages": 11})
    assert len(options_key(base)) == 16
