"""The comparison's HTML redline in headless Chromium: it renders offline, links land, marks are painted.

Uses the report browser test's runner (same flags: headless, offline, no network). Skipped with a reason when
Chromium is not installed (``.ci/run`` installs it when apt can reach a mirror).
"""

from __future__ import annotations

import json

import pytest

from leverage_lens.comparison import Comparison
from tests.report.test_html_browser import CHROMIUM, _body_attr, _page_requests, _run_browser

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on PATH (apt-get install chromium)")

_HARNESS = """<script>
window.addEventListener('load', function () {
  var links = Array.prototype.slice.call(document.querySelectorAll('a[href^="#"]'));
  var broken = links.filter(function (a) { return !document.getElementById(a.getAttribute('href').slice(1)); });
  function painted(sel) {
    return Array.prototype.filter.call(document.querySelectorAll(sel), function (m) {
      var bg = getComputedStyle(m).backgroundColor; return bg !== 'rgba(0, 0, 0, 0)' && bg !== 'transparent';
    }).length;
  }
  var rows = document.querySelectorAll('#leverage tbody tr');
  var cols = document.querySelector('.cols');
  document.body.setAttribute('data-harness', JSON.stringify({
    links: links.length, broken: broken.length, rows: rows.length,
    ins: document.querySelectorAll('ins').length, ins_painted: painted('ins'),
    del: document.querySelectorAll('del').length, del_painted: painted('del'),
    clauses: document.querySelectorAll('section.clause').length,
    two_columns: cols ? getComputedStyle(cols).gridTemplateColumns.split(' ').length : 0,
    leverage_top: document.getElementById('leverage').getBoundingClientRect().top,
    redline_top: document.getElementById('redline').getBoundingClientRect().top}));
});
</script></body>"""


@pytest.fixture(scope="module")
def rendered(comparison: Comparison, tmp_path_factory: pytest.TempPathFactory) -> tuple[dict, list[str]]:  # type: ignore[type-arg]
    work = tmp_path_factory.mktemp("compare-browser")
    page = comparison.to_html()
    assert page.count("</body>") == 1
    path = work / "redline.html"
    path.write_text(page.replace("</body>", _HARNESS), encoding="utf-8")
    netlog = work / "net.json"
    dom = _run_browser([f"--log-net-log={netlog}", "--window-size=1280,2000", "--dump-dom", path.as_uri()],
                       work / "profile")
    value = _body_attr(dom, "data-harness")
    assert value, "the harness script did not run"
    return json.loads(value), _page_requests(netlog)


def test_redline_renders_every_clause_and_leverage_row_in_the_browser(
        comparison: Comparison, rendered: tuple[dict, list[str]]) -> None:  # type: ignore[type-arg]
    data, _ = rendered
    assert data["clauses"] == len(comparison.clauses)
    assert data["rows"] == len(comparison.leverage)
    assert data["leverage_top"] < data["redline_top"]  # leverage changes first
    assert data["two_columns"] == 2


def test_every_link_lands_and_every_mark_is_painted(rendered: tuple[dict, list[str]]) -> None:  # type: ignore[type-arg]
    data, _ = rendered
    assert data["links"] > 0 and data["broken"] == 0
    assert data["ins"] > 0 and data["ins_painted"] == data["ins"]
    assert data["del"] > 0 and data["del_painted"] == data["del"]


def test_redline_makes_no_network_request(rendered: tuple[dict, list[str]]) -> None:  # type: ignore[type-arg]
    _, requests = rendered
    assert requests == []
