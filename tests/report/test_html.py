"""``Report.to_html()``: one offline page whose markup stays well-formed whatever the findings overlap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from leverage_lens import analyze
from leverage_lens.model import Report

from ._helpers import HOSTILE_CONTRACT, read_page, report_with

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"


@pytest.fixture(scope="module")
def msa_report() -> Report:
    return analyze(MSA)


def _assert_highlights_match_offsets(report: Report, page: str) -> None:
    reader = read_page(page)
    assert reader.errors == []
    assert reader.stack == []
    assert reader.text == report.document.text
    by_anchor = {}
    for f in report.findings:
        anchor = "f-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", f.id)
        by_anchor[anchor] = f
        assert anchor in reader.ids, f"finding {f.id} has no anchor"
        assert f"#{anchor}" in reader.hrefs, f"no row links to finding {f.id}"
    for anchor, f in by_anchor.items():
        assert "".join(reader.marked.get(anchor, [])) == report.document.text[f.start : f.end], f.rule


def test_example_contract_page_highlights_every_finding_at_its_offsets(msa_report: Report) -> None:
    assert msa_report.findings, "the example contract should raise findings"
    _assert_highlights_match_offsets(msa_report, msa_report.to_html())


def test_example_page_lists_each_finding_with_rule_clause_and_suggestion(msa_report: Report) -> None:
    page = msa_report.to_html()
    reader = read_page(page)
    assert page.count('<tr data-family="') == len(msa_report.findings)
    for f in msa_report.findings:
        assert f.rule in page
        assert (f.suggestion or "") in page.replace("&#x27;", "'").replace("&quot;", '"')
    numbered = [c for c in msa_report.document.clauses if c.number]
    for c in numbered:
        assert f'data-num="{c.number}"' in page
    assert sum(1 for i in reader.ids if re.match(r"c\d+-", i)) == len(msa_report.document.clauses)
    for party in msa_report.parties:
        assert party.name.replace("&", "&amp;") in page


def test_low_hints_are_folded_by_check_with_a_count_outside_the_findings_table(msa_report: Report) -> None:
    page = msa_report.to_html()
    low = [f for f in msa_report.findings if f.severity.value in ("low", "info")]
    assert low, "the example has low-severity findings"
    table = page.split('<table id="findings"', 1)[1].split("</table>", 1)[0]
    assert table.count("<tr data-family=") == len(msa_report.findings) - len(low)
    assert 'data-severity="low"' not in table
    hints = page.split('<section id="hints">', 1)[1].split("</section>", 1)[0]
    assert f"Low-severity hints ({len(low)})" in hints
    for rule_id in {f.rule for f in low}:
        fold = hints.split(f'<details data-rule="{rule_id}">', 1)[1].split("</details>", 1)[0]
        n = sum(1 for f in low if f.rule == rule_id)
        assert f'<span class="n">({n})</span></summary>' in fold and fold.count("<tr data-family=") == n
    assert "<details open" not in hints  # folded until the reader opens one
    whole = msa_report.to_html(collapse_low=False)
    assert 'id="hints"' not in whole and whole.split('<table id="findings"', 1)[1].count("<tr data-family=") == len(
        msa_report.findings)


def test_page_is_self_contained(msa_report: Report) -> None:
    page = msa_report.to_html()
    reader = read_page(page)
    assert reader.tags["script"] == 1  # the inline filter, nothing loaded
    assert reader.tags["link"] == 0 and reader.tags["img"] == 0
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:)?//""", page)
    assert "@import" not in page and "url(" not in page
    assert all(h.startswith("#") for h in reader.hrefs)


def test_filter_controls_offer_each_family_present(msa_report: Report) -> None:
    page = msa_report.to_html()
    for family in {f.family or "other" for f in msa_report.findings}:
        assert f'<option value="{family}">' in page
    assert 'id="flt-severity"' in page and 'id="flt-family"' in page


def test_contract_markup_is_escaped_not_executed() -> None:
    start = HOSTILE_CONTRACT.index("<script>")
    end = HOSTILE_CONTRACT.index("</script>") + len("</script>")
    report = report_with(HOSTILE_CONTRACT, [(start, end), (start - 5, start + 3)])
    page = report.to_html()
    reader = read_page(page)
    assert reader.tags["script"] == 1
    assert "<script>alert" not in page and "&lt;/script&gt;" in page
    _assert_highlights_match_offsets(report, page)


@pytest.mark.parametrize(
    "spans",
    [
        [(20, 60), (30, 40)],  # nested
        [(20, 60), (50, 90)],  # crossing
        [(20, 60), (20, 60)],  # identical offsets, different rules
        [(20, 60), (60, 90)],  # touching
        [(45, 45), (10, 80)],  # an empty span inside another
        [(0, 10), (5, 200), (100, 300), (150, 160)],  # a chain across clause starts
    ],
    ids=["nested", "crossing", "identical", "touching", "empty", "chain"],
)
def test_overlapping_findings_keep_markup_well_formed(spans: list[tuple[int, int]]) -> None:
    report = report_with(HOSTILE_CONTRACT, spans)
    _assert_highlights_match_offsets(report, report.to_html())


def test_offsets_outside_the_text_are_clamped_not_crashing() -> None:
    size = len(HOSTILE_CONTRACT)
    report = report_with(HOSTILE_CONTRACT, [(size - 5, size)])
    bad = report.findings[0].model_copy(update={"start": size - 5, "end": size + 50})
    report = report.model_copy(update={"findings": [bad]})
    reader = read_page(report.to_html())
    assert reader.errors == []
    assert "".join(reader.marked[reader.mark_ids[0]]) == HOSTILE_CONTRACT[size - 5 :]


def test_report_without_findings_still_renders_the_text() -> None:
    report = report_with(HOSTILE_CONTRACT, [])
    page = report.to_html()
    reader = read_page(page)
    assert reader.errors == [] and reader.text == HOSTILE_CONTRACT
    assert "No findings." in page and reader.tags["script"] == 0
