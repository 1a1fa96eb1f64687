"""Every field of a Report read back from JSON is inert in its Markdown view, the rule id included."""

from __future__ import annotations

import json

import leverage_lens as ll
from leverage_lens.model import Report

HOSTILE = "x` | <script>alert(1)</script> | **bold** [link](http://evil)\n# heading"


def _hostile_report() -> Report:
    report = ll.analyze(ll.parse_text("1. Term. This Agreement lasts ______ years.\n2. Fees. The fee is TBD."))
    assert report.findings
    data = json.loads(report.to_json())
    for f in data["findings"]:
        f["rule"] = HOSTILE
    data["document"]["name"] = HOSTILE
    return Report.model_validate_json(json.dumps(data))


def test_rule_field_cannot_break_out_of_the_markdown_table() -> None:
    md = _hostile_report().to_markdown()
    assert "<script>" not in md
    rows = [line for line in md.splitlines() if line.startswith("| 1 |")]
    assert rows, md
    unescaped_pipes = rows[0].replace("\\|", "").count("|")
    assert unescaped_pipes == 8  # 7 cells: the hostile rule did not add any
    assert "\n# heading" not in md


def test_plain_rule_ids_are_still_shown_as_code() -> None:
    report = ll.analyze(ll.parse_text("1. Term. This Agreement lasts ______ years."))
    md = report.to_markdown()
    assert "`ambiguity.blank`" in md
