"""``Report.to_html()`` in a real browser: headless Chromium renders the example review offline.

The markup tests (test_html.py) parse the page with Python; this file checks what a reader's browser makes of
it: the DOM after the inline script ran, the findings filter driven by real ``change`` events, the CSS applied
(highlights painted, hidden rows not displayed) and, from Chromium's own network log, that the page asked for
nothing over the network. Skipped with a reason when Chromium is not installed (``.ci/run`` installs the
Debian package ``chromium`` when apt can reach it).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

from leverage_lens import analyze
from leverage_lens.model import Report, Severity

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "master_services_agreement.docx"
TIMEOUT_S = 60

# Headless, offline and quiet: no sandbox (CI runs as root), no GPU, no first-run or background traffic, and
# every host name unresolvable so even Chromium's own update pings never leave the machine.
_FLAGS = (
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-default-apps", "--disable-extensions", "--mute-audio",
    "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=5000",
)


def _chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        found = shutil.which(name)
        if found:
            return found
    return None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH (apt-get install chromium); the markup tests still run"
)


def _run_browser(args: list[str], profile: Path) -> str:
    """Run Chromium headless and return its stdout; the whole process group is killed on timeout."""
    assert CHROMIUM is not None
    proc = subprocess.Popen(
        [CHROMIUM, *_FLAGS, f"--user-data-dir={profile}", *args],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
    )
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        pytest.fail(f"Chromium did not finish within {TIMEOUT_S} s: {' '.join(args)}")
    _kill_group(proc.pid)  # helpers (zygote, crash handler) of this run only: its own session
    assert proc.returncode == 0, f"Chromium exited with {proc.returncode}: {err[-2000:]}"
    return out


def _kill_group(pid: int) -> None:
    try:
        os.killpg(pid, signal.SIGKILL)
    except ProcessLookupError:
        pass


def _page_requests(netlog: Path) -> list[str]:
    """URLs the page itself asked the network stack for (Chromium's own background jobs left out).

    Chromium's net log marks each request job with its initiator; the browser's update and account checks
    have none ("not an origin"), while anything a ``file://`` page loads (image, font, stylesheet, fetch)
    carries the page's origin.
    """
    log = json.loads(netlog.read_text(encoding="utf-8"))
    start_job = log["constants"]["logEventTypes"]["URL_REQUEST_START_JOB"]
    return [
        event["params"]["url"]
        for event in log["events"]
        if event["type"] == start_job
        and "url" in event.get("params", {})
        and event["params"].get("initiator") != "not an origin"
    ]


@dataclass
class Rendered:
    """What the rendered DOM shows, collected by :class:`_DomReader`."""

    attrs_by_id: dict[str, dict[str, str]] = field(default_factory=dict)
    text_by_id: dict[str, str] = field(default_factory=dict)
    finding_rows: list[dict[str, str]] = field(default_factory=list)
    marks: list[dict[str, str]] = field(default_factory=list)
    finding_anchors: list[str] = field(default_factory=list)
    contract_text: str = ""
    tags: dict[str, int] = field(default_factory=dict)
    hrefs: list[str] = field(default_factory=list)


class _DomReader(HTMLParser):
    _VOID = frozenset({"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out = Rendered()
        self.stack: list[tuple[str, dict[str, str]]] = []
        self.text_parts: dict[str, list[str]] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.out.tags[tag] = self.out.tags.get(tag, 0) + 1
        inside = [x.get("id") for _, x in self.stack]
        if a.get("id"):
            self.out.attrs_by_id[a["id"]] = a
            self.text_parts[a["id"]] = []
        if tag == "a" and "href" in a:
            self.out.hrefs.append(a["href"])
        if tag == "tr" and ("findings" in inside or "hints" in inside) and "data-family" in a:
            self.out.finding_rows.append(a)
        if "text" in inside or a.get("id") == "text":
            if tag == "mark":
                self.out.marks.append(a)
                if a.get("id"):
                    self.out.finding_anchors.append(a["id"])
            elif tag == "a" and "fa" in a.get("class", "").split():
                self.out.finding_anchors.append(a["id"])
        if tag not in self._VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data: str) -> None:
        for _, a in self.stack:
            if a.get("id") in self.text_parts:
                self.text_parts[a["id"]].append(data)
        if any(a.get("id") == "text" for _, a in self.stack):
            self.out.contract_text += data

    def close(self) -> None:
        super().close()
        self.out.text_by_id = {k: "".join(v) for k, v in self.text_parts.items()}


def _read_dom(dom: str) -> Rendered:
    reader = _DomReader()
    reader.feed(dom)
    reader.close()
    return reader.out


# Drives the page's own filter with real change events, then writes what the browser shows (computed
# display of each row, the count line, painted highlight colours) into an attribute that --dump-dom carries.
_HARNESS = """<script>
window.addEventListener('load', function () {
  var fam = document.getElementById('flt-family'), sev = document.getElementById('flt-severity');
  // low-severity hints are folded by check: open every fold, as a reader would, so their rows are measured too
  document.querySelectorAll('#hints details').forEach(function (d) { d.open = true; });
  var rows = Array.prototype.slice.call(document.querySelectorAll('#findings tbody tr, #hints tbody tr'));
  function shown() {
    return rows.filter(function (r) { return getComputedStyle(r).display !== 'none'; }).length;
  }
  function pick(select, value) { select.value = value; select.dispatchEvent(new Event('change')); }
  var out = {initial: shown(), count_text: document.getElementById('flt-count').textContent,
             family: {}, severity: {}, both: {}};
  Array.prototype.forEach.call(fam.options, function (o) {
    pick(fam, o.value); out.family[o.value] = [shown(), document.getElementById('flt-count').textContent];
  });
  pick(fam, '');
  Array.prototype.forEach.call(sev.options, function (o) {
    pick(sev, o.value); out.severity[o.value] = shown();
  });
  if (fam.options.length > 1 && sev.options.length > 1) {
    pick(fam, fam.options[1].value); pick(sev, sev.options[sev.options.length - 1].value);
    out.both = {family: fam.value, rank: sev.value, shown: shown()};
  }
  var marks = document.querySelectorAll('#text mark');
  out.unpainted_marks = Array.prototype.filter.call(marks, function (m) {
    var bg = getComputedStyle(m).backgroundColor;
    return bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent';
  }).length;
  out.svgs = Array.prototype.map.call(document.querySelectorAll('svg'), function (svg) {
    var box = svg.getBoundingClientRect(), drawn = 0;
    svg.querySelectorAll('rect,path,circle,ellipse,line,polyline,polygon,text').forEach(function (el) {
      var b = el.getBoundingClientRect(); if (b.width > 0 || b.height > 0) drawn++;
    });
    return {width: box.width, height: box.height, drawn: drawn};
  });
  out.bars = Array.prototype.map.call(document.querySelectorAll('#scorecard-chart g.bar'), function (g) {
    return [g.getAttribute('data-family'), g.getBoundingClientRect().width];
  });
  out.table_width = document.getElementById('findings').getBoundingClientRect().width;
  out.text_height = document.getElementById('text').getBoundingClientRect().height;
  document.body.setAttribute('data-harness', JSON.stringify(out));
});
</script></body>"""


@pytest.fixture(scope="module")
def report() -> Report:
    return analyze(EXAMPLE, perspective="Customer")


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("browser")


@pytest.fixture(scope="module")
def page(report: Report, workdir: Path) -> str:
    html = report.to_html()
    (workdir / "review.html").write_text(html, encoding="utf-8")
    return html


@pytest.fixture(scope="module")
def rendered(page: str, workdir: Path) -> tuple[Rendered, list[str]]:
    """The unmodified page as Chromium leaves it after load, and the network requests it made."""
    netlog = workdir / "net.json"
    dom = _run_browser([f"--log-net-log={netlog}", "--dump-dom", (workdir / "review.html").as_uri()],
                       workdir / "profile-dom")
    return _read_dom(dom), _page_requests(netlog)


@pytest.fixture(scope="module")
def harness(page: str, workdir: Path) -> dict[str, object]:
    """The page with the test harness script appended, rendered; the harness's JSON findings."""
    assert page.count("</body>") == 1
    path = workdir / "review-harness.html"
    path.write_text(page.replace("</body>", _HARNESS), encoding="utf-8")
    dom = _run_browser(["--window-size=1280,2000", "--dump-dom", path.as_uri()], workdir / "profile-harness")
    value = _body_attr(dom, "data-harness")
    assert value, "the harness script did not run: is JavaScript off?"
    data = json.loads(value)
    assert isinstance(data, dict)
    return data


def _body_attr(dom: str, name: str) -> str:
    class _Body(HTMLParser):
        value = ""

        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            if tag == "body":
                self.value = dict(attrs).get(name) or ""

    parser = _Body(convert_charrefs=True)
    parser.feed(dom)
    return parser.value


def _anchor(finding_id: str) -> str:
    return "f-" + re.sub(r"[^A-Za-z0-9_.-]+", "-", finding_id)


def test_inline_script_runs_and_reports_every_finding_shown(
    report: Report, rendered: tuple[Rendered, list[str]]
) -> None:
    dom, _ = rendered
    n = len(report.findings)
    assert n > 0, "the example contract should raise findings"
    assert dom.text_by_id["flt-count"] == f"{n} of {n} shown"


def test_browser_shows_one_findings_row_per_finding_with_its_severity(
    report: Report, rendered: tuple[Rendered, list[str]]
) -> None:
    dom, _ = rendered
    assert len(dom.finding_rows) == len(report.findings)
    shown = dom.finding_rows
    assert sorted(r["data-severity"] for r in shown) == sorted(f.severity.value for f in report.findings)
    assert sorted(r["data-family"] for r in shown) == sorted(f.family or "other" for f in report.findings)
    assert all("hidden" not in r.get("class", "").split() for r in dom.finding_rows)


def test_browser_highlights_every_finding_once_over_the_unchanged_contract_text(
    report: Report, rendered: tuple[Rendered, list[str]]
) -> None:
    dom, _ = rendered
    expected = sorted(_anchor(f.id) for f in report.findings)
    # one landing anchor per finding (its first mark, or a zero-width anchor when two start together)
    assert len(set(expected)) == len(expected)
    assert sorted(dom.finding_anchors) == expected
    named = {name for m in dom.marks for name in m.get("data-f", "").split()}
    assert named == set(expected)
    assert dom.contract_text == report.document.text
    clause_anchors = [i for i in dom.attrs_by_id if re.match(r"c\d+-", i)]
    assert len(clause_anchors) == len(report.document.clauses)


def test_every_link_on_the_page_lands_on_an_element(rendered: tuple[Rendered, list[str]]) -> None:
    dom, _ = rendered
    assert dom.hrefs, "no links on the page"
    assert [h for h in dom.hrefs if not h.startswith("#")] == []
    assert [h for h in dom.hrefs if h[1:] not in dom.attrs_by_id] == []


def test_page_makes_no_network_request_in_the_browser(
    page: str, rendered: tuple[Rendered, list[str]]
) -> None:
    _, requests = rendered
    assert requests == []
    # and nothing in the markup could ask for one: no src, no remote href, no CSS url() or @import
    assert re.findall(r"""\b(?:src|srcset|action|poster|data)\s*=""", page) == []
    assert [h for h in re.findall(r'href="([^"]*)"', page) if not h.startswith("#")] == []
    assert re.findall(r"url\(\s*['\"]?(?!#)", page) == [] and "@import" not in page
    # the example contract quotes no URL, so any absolute URL on the page would be the view's own (an inline
    # SVG's namespace name is an identifier, never fetched)
    names = re.sub(r'xmlns(?::\w+)?="http://www\.w3\.org/[^"]*"', "", page)
    assert re.findall(r"\b(?:https?|wss?|ftp)://", names) == []


def test_network_log_catches_a_page_that_loads_remote_resources(page: str, workdir: Path) -> None:
    """Control: the detector above does see requests, so its empty answer means something."""
    path = workdir / "remote.html"
    remote_image = '<img src="http://example.invalid/x.png"></body>'
    path.write_text(page.replace("</body>", remote_image), encoding="utf-8")
    netlog = workdir / "net-remote.json"
    _run_browser([f"--log-net-log={netlog}", "--dump-dom", path.as_uri()], workdir / "profile-remote")
    assert _page_requests(netlog) == ["http://example.invalid/x.png"]


def test_filter_hides_rows_by_family_and_severity_in_the_browser(
    report: Report, harness: dict[str, object]
) -> None:
    n = len(report.findings)
    assert harness["initial"] == n
    assert harness["count_text"] == f"{n} of {n} shown"
    families = sorted({f.family or "other" for f in report.findings})
    by_family = harness["family"]
    assert isinstance(by_family, dict)
    assert sorted(by_family) == sorted(["", *families])
    assert by_family[""] == [n, f"{n} of {n} shown"]
    for family in families:
        expected = sum(1 for f in report.findings if (f.family or "other") == family)
        assert by_family[family] == [expected, f"{expected} of {n} shown"], family
    by_severity = harness["severity"]
    assert isinstance(by_severity, dict)
    assert by_severity[""] == n
    for severity in Severity:
        expected = sum(1 for f in report.findings if f.severity.rank >= severity.rank)
        assert by_severity[str(severity.rank)] == expected, severity
    both = harness["both"]
    assert isinstance(both, dict)
    expected = sum(
        1 for f in report.findings
        if (f.family or "other") == both["family"] and f.severity.rank >= int(str(both["rank"]))
    )
    assert both["shown"] == expected


def test_browser_paints_highlights_and_lays_out_the_page(harness: dict[str, object]) -> None:
    assert harness["unpainted_marks"] == 0
    assert float(str(harness["table_width"])) > 600
    assert float(str(harness["text_height"])) > 1000


def test_inline_svg_charts_render_with_visible_shapes(page: str, harness: dict[str, object]) -> None:
    if "<svg" not in page:
        pytest.skip("this page has no inline SVG chart")
    svgs = harness["svgs"]
    assert isinstance(svgs, list)
    assert len(svgs) == page.count("<svg")
    for svg in svgs:
        assert svg["width"] > 0 and svg["height"] > 0, svg
        assert svg["drawn"] > 0, "an SVG with nothing drawn in it"


def test_scorecard_chart_draws_a_visible_bar_per_family(
    page: str, report: Report, harness: dict[str, object]
) -> None:
    if 'id="scorecard-chart"' not in page:
        pytest.skip("this page has no scorecard chart (svg#scorecard-chart)")
    bars = harness["bars"]
    assert isinstance(bars, list)
    assert sorted(family for family, _ in bars) == sorted(report.summary.scorecard)
    assert [family for family, width in bars if not width > 0] == []


# -- a phone: 400 CSS pixels wide ------------------------------------------------------------------------------

# What a reader sees at 400 px: whether the page scrolls sideways, whether the title is cut, whether every
# finding's cells (the finding and the suggestion included) lie inside the screen, and the chart's width.
_PHONE_HARNESS = """<script>
window.addEventListener('load', function () {
  var vw = window.innerWidth, doc = document.documentElement;
  function inside(el) { var b = el.getBoundingClientRect(); return b.left >= -0.5 && b.right <= vw + 0.5; }
  var h1 = document.querySelector('h1');
  var out = {viewport: vw, scroll_width: doc.scrollWidth,
             title: {fits: inside(h1), clipped: h1.scrollWidth > h1.clientWidth + 1},
             rows: [], outside: [], bars_outside: 0, chart_right: 0};
  document.querySelectorAll('#hints details').forEach(function (d) { d.open = true; });
  document.querySelectorAll('#findings tbody tr, #hints tbody tr').forEach(function (tr) {
    var cells = {};
    tr.querySelectorAll('td[data-label]').forEach(function (td) {
      var b = td.getBoundingClientRect();
      cells[td.getAttribute('data-label')] = {visible: b.width > 0 && b.height > 0, inside: inside(td),
                                              text: td.textContent};
    });
    out.rows.push(cells);
  });
  document.querySelectorAll('body *').forEach(function (el) {
    if (el.closest('svg') && el.tagName.toLowerCase() !== 'svg') return;
    var b = el.getBoundingClientRect();
    if (b.width > 0 && (b.right > vw + 0.5 || b.left < -0.5)) out.outside.push(el.tagName + '#' + el.id);
  });
  var chart = document.getElementById('scorecard-chart');
  if (chart) {
    out.chart_right = chart.getBoundingClientRect().right;
    chart.querySelectorAll('rect.seg').forEach(function (r) { if (!inside(r)) out.bars_outside++; });
  }
  parent.postMessage(JSON.stringify(out), '*');
});
</script></body>"""

# Headless Chromium will not open a window narrower than 500 px, so the page is shown in a 400 px iframe (its
# own viewport: media queries and innerWidth read 400), which posts what it measured to this frame.
_PHONE_FRAME = """<!doctype html><html><body style="margin:0">
<iframe src="review-phone.html" style="width:400px;height:3000px;border:0"></iframe>
<script>window.addEventListener('message', function (e) { document.body.setAttribute('data-phone', e.data); });
</script></body></html>"""

LONG_NAME = "ABILITYINC_06_15_2020_EX_4_25_SERVICES_AGREEMENT_WITH_ALL_SCHEDULES.docx"


@pytest.fixture(scope="module")
def phone(report: Report, workdir: Path) -> dict[str, object]:
    """The page, under a long unbroken file name (as CUAD's), rendered 400 px wide."""
    named = report.model_copy(update={"document": report.document.model_copy(update={"name": LONG_NAME})})
    (workdir / "review-phone.html").write_text(named.to_html().replace("</body>", _PHONE_HARNESS), encoding="utf-8")
    frame = workdir / "phone.html"
    frame.write_text(_PHONE_FRAME, encoding="utf-8")
    dom = _run_browser(["--window-size=1280,3000", "--dump-dom", frame.as_uri()], workdir / "profile-phone")
    value = _body_attr(dom, "data-phone")
    assert value, "the phone harness did not run"
    data = json.loads(value)
    assert isinstance(data, dict)
    assert data["viewport"] == 400, f"the page was not laid out 400 px wide: {data['viewport']}"
    return data


def _phone_page(report: Report, workdir: Path, name: str) -> dict[str, object]:
    (workdir / f"{name}.html").write_text(report.to_html().replace("</body>", _PHONE_HARNESS), encoding="utf-8")
    frame = workdir / f"{name}-frame.html"
    frame.write_text(_PHONE_FRAME.replace("review-phone.html", f"{name}.html"), encoding="utf-8")
    dom = _run_browser(["--window-size=1280,3000", "--dump-dom", frame.as_uri()], workdir / f"profile-{name}")
    value = _body_attr(dom, "data-phone")
    assert value, "the phone harness did not run"
    data = json.loads(value)
    assert isinstance(data, dict) and data["viewport"] == 400
    return data


def test_phone_width_playbook_section_does_not_scroll_sideways(workdir: Path) -> None:
    checked = analyze(EXAMPLE, perspective="Customer", playbook="customer")
    assert checked.playbook is not None and checked.playbook.failed()
    data = _phone_page(checked, workdir, "review-playbook")
    assert data["scroll_width"] <= data["viewport"]
    assert data["outside"] == []


def test_phone_width_page_does_not_scroll_sideways(phone: dict[str, object]) -> None:
    assert phone["scroll_width"] <= phone["viewport"]
    assert phone["outside"] == []


def test_phone_width_title_wraps_instead_of_being_cut(phone: dict[str, object]) -> None:
    assert phone["title"] == {"fits": True, "clipped": False}


def test_phone_width_findings_read_as_cards_with_every_cell_on_screen(
    report: Report, phone: dict[str, object]
) -> None:
    rows = phone["rows"]
    assert isinstance(rows, list) and len(rows) == len(report.findings)
    for cells in rows:
        assert set(cells) == {"Check", "Clause", "Finding", "Suggestion"}
        for label, cell in cells.items():
            assert cell["visible"] and cell["inside"], (label, cell)


def test_phone_width_scorecard_bars_fit(phone: dict[str, object]) -> None:
    assert phone["bars_outside"] == 0
    assert float(str(phone["chart_right"])) <= float(str(phone["viewport"])) + 0.5


def test_findings_show_rule_titles_with_the_id_in_a_tooltip(report: Report, page: str) -> None:
    from leverage_lens.report._common import rule_title

    for f in report.findings:
        assert f'rule {f.rule}">{rule_title(f.rule)}</span>' in page.replace("&#x27;", "'"), f.rule
    assert "<code>ambiguity." not in page
