"""Issue 18's new-user run: the README, docs/quickstart.md and both notebooks on three real contracts.

A new user swaps the example's path for their own contract (and ``perspective`` for one of its parties) and
runs what the docs show. This script does exactly that, on one CUAD PDF, one Word form and one CUAD text from
``../shared/data``, and prints, per contract:

* every Python block of the README and of docs/quickstart.md, run in order in one namespace: ok or the error;
* every code cell of notebooks/quickstart.ipynb and notebooks/review.ipynb, run in order: ok or the error;
* what a reader of the views meets: pages as labelled, clauses, findings, ``repr(report)`` against the full
  JSON, lines of ``to_markdown()`` and of ``to_markdown(short=True)``, clauses cited alike (as printed and
  after the citations tell them apart), and whether parsing five times gives one page count;
* with ``--phone``: the HTML page (checked against the customer playbook too) laid out 400 px wide in headless
  Chromium, with the harness of ``tests/report/test_html_browser.py``: its scroll width and what lies outside;
* with ``--notes N``: on every 20th of the first N*20 CUAD PDFs, how many review-copy notes (Word comment or
  PDF highlight) would start or stop inside a word.

Usage: ``python bench/new_user_run.py [--data ../shared/data] [--phone] [--notes 20]`` from the repository
root (about 30 s; a minute more with ``--phone``, a few with ``--notes 20``).
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import re
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens as ll  # noqa: E402
from leverage_lens import citation  # noqa: E402

#: (kind, path under the data root, perspective): a party's alias or role as a user would type it.
CONTRACTS = (
    ("CUAD PDF", "cuad/pdf/DIVERSINETCORP_03_01_2012_EX_4_RESELLER_AGREEMENT.pdf", "Reseller"),
    ("Word form", "docx/templates/common-paper-cc-by-4.0/common-paper-cloud-service-agreement/template.docx",
     "Customer"),
    ("CUAD text", "cuad/txt/STWRESOURCESHOLDINGCORP_08_06_2014_EX_10_1_COOPERATION_AGREEMENT.txt", "STW"),
)
_EXAMPLE = re.compile(r"""(?:root\s*/\s*'examples'\s*/\s*'master_services_agreement\.(?:pdf|docx)'|"""
                      r'''"examples/master_services_agreement\.(?:pdf|docx|txt)")''')


def _swap(src: str, path: Path, who: str) -> str:
    src = _EXAMPLE.sub(lambda _: f"Path({str(path)!r})", src)
    return src.replace("perspective='Customer'", f"perspective={who!r}").replace(
        'perspective="Customer"', f"perspective={who!r}")


def _run(blocks: list[str], path: Path, who: str, label: str) -> list[str]:
    """Each block in order in one namespace: "ok" or "Error: message (line)"."""
    ns: dict[str, object] = {"Path": Path}
    results = []
    for i, src in enumerate(blocks):
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                exec(compile(_swap(src, path, who), f"{label}[{i}]", "exec"), ns)  # noqa: S102 - our own docs
            results.append("ok")
        except Exception as exc:  # noqa: BLE001 - reported, as a user would see it
            line = next((t.line for t in reversed(traceback.extract_tb(exc.__traceback__))
                         if t.filename.startswith(label)), "")
            results.append(f"{type(exc).__name__}: {str(exc)[:200]}" + (f" (at: {line})" if line else ""))
    return results


def _doc_blocks(name: str) -> list[str]:
    return re.findall(r"```python\n(.*?)```", (ROOT / name).read_text(encoding="utf-8"), re.S)


def _cells(name: str) -> list[str]:
    nb = json.loads((ROOT / "notebooks" / name).read_text(encoding="utf-8"))
    return ["".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "code"]


def _alike(cites: dict[str, str]) -> int:
    """Clauses whose citation another clause shares."""
    count = Counter(cites.values())
    return sum(n for n in count.values() if n > 1)


def _views(path: Path, who: str) -> dict[str, object]:
    t = time.perf_counter()
    report = ll.analyze(path, perspective=who)
    seconds = time.perf_counter() - t
    doc = report.document
    told = _alike(doc.citations())
    as_printed = citation._told_apart
    citation._told_apart = lambda clauses, by_id, out: out  # type: ignore[assignment]
    try:
        printed = _alike(doc.citations())
    finally:
        citation._told_apart = as_printed  # type: ignore[assignment]
    return {
        "pages": doc.pages_label(), "clauses": len(doc.clauses), "findings": len(report.findings),
        "analyze_s": round(seconds, 1), "repr_chars": len(repr(report)),
        "json_chars": len(report.to_json()), "md_lines": report.to_markdown().count("\n") + 1,
        "md_short_lines": report.to_markdown(short=True).count("\n") + 1,
        "cited_alike_as_printed": printed, "cited_alike": told,
        "page_counts_over_5_parses": sorted({len(ll.parse(path).pages) for _ in range(5)}),
    }


def _phone(path: Path, who: str, work: Path) -> str:
    """The page at 400 px: scroll width, elements outside the screen, findings' cells off-screen."""
    from tests.report import test_html_browser as hb

    if hb.CHROMIUM is None:
        return "no Chromium: skipped"
    report = ll.analyze(path, perspective=who, playbook="customer")
    name = path.stem[:24]
    (work / f"{name}.html").write_text(report.to_html().replace("</body>", hb._PHONE_HARNESS), encoding="utf-8")
    frame = work / f"{name}-frame.html"
    frame.write_text(hb._PHONE_FRAME.replace("review-phone.html", f"{name}.html"), encoding="utf-8")
    dom = hb._run_browser(["--window-size=1280,3000", "--dump-dom", frame.as_uri()], work / f"profile-{name}")
    d = json.loads(hb._body_attr(dom, "data-phone") or "{}")
    off = sum(1 for cells in d.get("rows", []) for c in cells.values() if not (c["visible"] and c["inside"]))
    return (f"viewport {d.get('viewport')} px, page width {d.get('scroll_width')} px, outside the screen "
            f"{d.get('outside')}, title {d.get('title')}, findings' cells off-screen {off}")


def _notes(data: Path, n: int) -> str:
    from leverage_lens.report.review import review_notes, whole_words

    files = sorted((data / "cuad" / "pdf").glob("*.pdf"))[::20][:n]
    analyzer, total, inside = ll.Analyzer(), 0, 0
    for f in files:
        report = analyzer.analyze(f)
        text = report.document.text
        for note in review_notes(report):
            total += 1
            s, e = whole_words(text, note.start, note.end) if note.end > note.start else (note.start, note.end)
            inside += any(0 < i < len(text) and text[i - 1].isalnum() and text[i].isalnum() for i in (s, e))
    return f"{len(files)} CUAD PDFs, {total} notes, {inside} start or stop inside a word"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    ap.add_argument("--phone", action="store_true", help="lay the HTML page out 400 px wide in headless Chromium")
    ap.add_argument("--notes", type=int, default=0, metavar="N", help="check review-copy notes on N CUAD PDFs")
    args = ap.parse_args(argv)
    args.data = args.data.resolve()
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2
    os.chdir(tempfile.mkdtemp(prefix="new_user_run_"))  # what the README writes ("review.md") lands here
    print(f"files written by the docs' code go to {Path.cwd()}")
    sources = [("README", _doc_blocks("README.md")), ("docs/quickstart", _doc_blocks("docs/quickstart.md")),
               ("quickstart.ipynb", _cells("quickstart.ipynb")), ("review.ipynb", _cells("review.ipynb"))]
    for kind, rel, who in CONTRACTS:
        path = args.data / rel
        print(f"== {kind}: {path.name} (perspective {who!r})")
        for label, blocks in sources:
            results = _run(blocks, path, who, label)
            ok = sum(r == "ok" for r in results)
            print(f"  {label}: {ok}/{len(results)} ok")
            for i, r in enumerate(results):
                if r != "ok":
                    print(f"    [{i}] {r}")
        for key, value in _views(path, who).items():
            print(f"  {key}: {value}")
        if args.phone:
            print(f"  phone: {_phone(path, who, Path.cwd())}")
    if args.notes:
        print(f"== review-copy notes: {_notes(args.data, args.notes)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
