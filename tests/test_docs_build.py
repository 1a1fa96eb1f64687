"""The documentation site builds with ``mkdocs build --strict``, and the Python examples on its pages run.

Strict mode turns every warning into an error: a link to a missing page or anchor, a page left out of the
nav, an API reference entry (``::: leverage_lens.model``) naming something that no longer exists. So a
renamed class or a moved heading fails here, not on a reader's screen. The build needs the ``docs`` extra
(``pip install ".[docs]"``) and is skipped with a reason without it; the examples need only the library.
"""

from __future__ import annotations

import html
import importlib.util
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
BUILD_TIMEOUT_S = 180
# the pages whose ```python blocks are a walk-through meant to be run as they stand, from the repository root
RUNNABLE_PAGES = ["quickstart.md", "concepts.md"]


def _plain(text: str) -> str:
    """Text without markup, roles or backticks, whitespace collapsed: what a reader sees of a docstring
    (roles rendered as the docs site renders them, by tools/griffe_roles.py)."""
    spec = importlib.util.spec_from_file_location("griffe_roles", ROOT / "tools" / "griffe_roles.py")
    assert spec is not None and spec.loader is not None
    roles = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(roles)
    text = html.unescape(re.sub(r"<[^>]+>", "", roles.render_roles(text)))
    return " ".join(re.sub(r":\w+:|`", "", text).split())


def _missing_docs_tools() -> str | None:
    for module, package in (("mkdocs", "mkdocs"), ("mkdocstrings", "mkdocstrings"),
                            ("mkdocstrings_handlers.python", "mkdocstrings-python")):
        try:
            found = importlib.util.find_spec(module) is not None
        except ModuleNotFoundError:
            found = False
        if not found:
            return f"{package} is not installed: pip install '.[docs]'"
    return None


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    missing = _missing_docs_tools()
    if missing:
        pytest.skip(missing)
    out = tmp_path_factory.mktemp("site")
    path_var = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    env = {**os.environ, "PYTHONPATH": path_var}
    try:
        done = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", str(ROOT / "mkdocs.yml"),
             "--site-dir", str(out)],
            check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=BUILD_TIMEOUT_S,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"mkdocs build did not finish within {BUILD_TIMEOUT_S} s")
    assert done.returncode == 0, f"mkdocs build --strict failed:\n{done.stderr[-4000:]}"
    return out


def test_docs_build_strict_with_every_page_in_the_site(site: Path) -> None:
    pages = sorted(p.relative_to(DOCS).with_suffix(".html").as_posix() for p in DOCS.rglob("*.md"))
    assert {"index.html", "quickstart.html", "concepts.html", "architecture.html", "api.html",
            "taxonomy.html", "rules.html", "evaluation.html", "performance.html"} <= set(pages)
    missing = [p for p in pages if not (site / p).is_file()]
    assert missing == []


def test_api_reference_is_generated_from_the_docstrings(site: Path) -> None:
    from leverage_lens import model

    page = (site / "reference" / "model.html").read_text(encoding="utf-8")
    shown = _plain(page)
    for name in ("Document", "Clause", "Tag", "Finding", "Report", "Summary"):
        assert f'id="leverage_lens.model.{name}"' in page, name
        first_line = (getattr(model, name).__doc__ or "").strip().splitlines()[0]
        assert _plain(first_line) in shown, f"{name}'s docstring is not on the page"
    api = (site / "reference" / "api.html").read_text(encoding="utf-8")
    for name in ("parse", "parse_text", "analyze", "Analyzer"):
        assert f'id="leverage_lens.api.{name}"' in api, name


def test_generated_taxonomy_and_rules_pages_reach_the_site(site: Path) -> None:
    import leverage_lens

    rules = (site / "rules.html").read_text(encoding="utf-8")
    missing_rules = [r.id for r in leverage_lens.rules() if r.id not in rules]
    assert missing_rules == []
    taxonomy = (site / "taxonomy.html").read_text(encoding="utf-8")
    missing_categories = [c.id for c in leverage_lens.taxonomy.categories() if c.id not in taxonomy]
    assert missing_categories == []


def test_site_loads_nothing_from_the_network(site: Path) -> None:
    asset = re.compile(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:[^"]*)"')
    remote = [(page.name, url) for page in site.rglob("*.html")
              for url in asset.findall(page.read_text(encoding="utf-8"))]
    assert remote == []


@pytest.mark.parametrize("name", RUNNABLE_PAGES)
def test_python_examples_on_the_page_run(name: str, monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    page = (DOCS / name).read_text(encoding="utf-8")
    blocks = re.findall(r"^```python\n(.*?)^```", page, re.DOTALL | re.MULTILINE)
    assert blocks, f"{name} has no Python example"
    monkeypatch.chdir(ROOT)
    namespace: dict[str, object] = {"__name__": "__main__"}
    for i, block in enumerate(blocks):
        exec(compile(block, f"{name}[{i}]", "exec"), namespace)  # noqa: S102
    capsys.readouterr()


def test_api_reference_shows_no_raw_restructuredtext_roles(site: Path) -> None:
    """The docstrings' roles (``:class:`Report```) are rendered as code by tools/griffe_roles.py."""
    raw = {}
    for page in sorted((site / "reference").glob("*.html")):
        found = re.findall(r":(?:class|meth|func|mod|data|attr|exc|obj):", page.read_text(encoding="utf-8"))
        if found:
            raw[page.name] = len(found)
    assert raw == {}


def test_long_signatures_wrap_instead_of_scrolling(site: Path) -> None:
    css = (site / "css" / "extra.css").read_text(encoding="utf-8")
    assert ".doc-signature pre" in css and "pre-wrap" in css
    assert 'href="../css/extra.css"' in (site / "reference" / "api.html").read_text(encoding="utf-8")
