"""The brief and the scorecard chart in ``to_markdown()`` / ``to_html()`` (report/brief_view.py)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from leverage_lens import analyze
from leverage_lens.model import Report
from leverage_lens.report.brief_view import brief_rows, duration_words

from ._helpers import read_page

MSA = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.txt"
SVG_NS = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def msa() -> Report:
    return analyze(MSA, perspective="Customer")


def _svg(page: str) -> ET.Element:
    start = page.index("<svg")
    return ET.fromstring(page[start: page.index("</svg>", start) + len("</svg>")])


def test_scorecard_chart_is_well_formed_svg_with_a_bar_per_family(msa: Report) -> None:
    svg = _svg(msa.to_html())
    assert svg.tag == f"{SVG_NS}svg" and svg.get("id") == "scorecard-chart"
    bars = [g for g in svg.iter(f"{SVG_NS}g") if g.get("class") == "bar"]
    assert [g.get("data-family") for g in bars] == sorted(msa.summary.scorecard)
    names = {p.name for p in msa.parties}
    for g, (family, score) in zip(bars, sorted(msa.summary.scorecard.items())):
        segs = [r for r in g.iter(f"{SVG_NS}rect") if r.get("class") == "seg"]
        holders = {pid for pid in (*score.rights, *score.favored)
                   if score.rights.get(pid, 0) + score.favored.get(pid, 0)}
        assert len(segs) == len(holders), family
        titles = [r.find(f"{SVG_NS}title").text or "" for r in segs]  # type: ignore[union-attr]
        assert all(any(n in t for n in names) for t in titles), titles
        assert sum(float(r.get("width", "0")) for r in segs) == pytest.approx(560 - 110 - 60, abs=0.5)


def test_no_view_shows_a_party_id(msa: Report) -> None:
    assert any(f.favors for f in msa.findings), "the example should have one-sided findings with a party"
    for view in (msa.to_markdown(), msa.to_html(), msa._repr_html_()):
        assert not re.search(r"party-\d", view)


def test_html_brief_links_each_key_term_to_its_clause_anchor(msa: Report) -> None:
    page = msa.to_html()
    reader = read_page(page)
    assert reader.errors == [] and reader.stack == []
    section = page[page.index('<section id="brief">'): page.index("</section>")]
    rows = re.findall(r'<tr data-kind="([a-z_]+)">.*?</tr>', section)
    assert len(rows) == len(brief_rows(msa))
    law = re.search(r'<tr data-kind="governing_law">.*?href="#([^"]+)">12\.1</a>', section)
    assert law is not None and law.group(1) in reader.ids
    for href in re.findall(r'href="#([^"]+)"', section):
        assert href in reader.ids, href
    assert page.index('id="brief"') < page.index('id="scorecard-chart"') < page.index('id="findings"')


def test_html_issues_link_to_their_findings_in_ranked_order(msa: Report) -> None:
    page = msa.to_html()
    issues = page[page.index('<ol id="issues">'): page.index("</ol>")]
    severities = re.findall(r'<li data-severity="(\w+)"', issues)
    brief = msa.summary.brief
    assert brief is not None
    assert severities == [i.severity.value for i in brief.issues_to_raise[:15]]
    assert issues.count('class="against"') == sum(bool(i.against_reader) for i in brief.issues_to_raise[:15])
    assert issues.count("<b>Ask:</b>") == sum(bool(i.ask) for i in brief.issues_to_raise[:15])


def test_markdown_opens_with_the_brief_before_the_scorecard(msa: Report) -> None:
    md = msa.to_markdown()
    assert md.index("## Negotiation brief") < md.index("## Leverage scorecard") < md.index("## Findings")
    assert "| Governing law | Delaware (US-DE) | 12.1 |" in md
    assert "| Renewal | renews automatically for 1 year; notice to stop it: 90 days (no more than 120 days) | 4.2 |" in md
    assert "### Issues to raise" in md


def test_a_report_without_a_brief_renders_as_before(msa: Report) -> None:
    bare = msa.model_copy(update={"summary": msa.summary.model_copy(update={"brief": None})})
    assert "Negotiation brief" not in bare.to_markdown()
    assert 'id="brief"' not in bare.to_html()


@pytest.mark.parametrize(("iso", "words"), [("P30D", "30 days"), ("P1Y", "1 year"), ("P6M", "6 months"),
                                            ("P2W", "2 weeks")])
def test_durations_are_shown_in_words(iso: str, words: str) -> None:
    assert duration_words(iso) == words
    assert duration_words("P10D", business=True) == "10 business days"
