"""The comparison's views: Markdown, the self-contained HTML redline and the Word redline."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest

from leverage_lens import parse_text
from leverage_lens.comparison import Comparison, compare_reports
from leverage_lens.comparison.view_html import change_anchor

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_markdown_puts_leverage_changes_first_and_redlines_changed_clauses(comparison: Comparison) -> None:
    md = comparison.to_markdown()
    assert md.index("## Leverage changes") < md.index("## Key terms") < md.index("## Changed clauses")
    assert "~~thirty~~ **fifteen**" in md
    assert "~~Delaware~~ **New York**" in md
    assert "| Acme Corp. | yes |" in md  # the termination right favours Provider, against the reader


@pytest.mark.parametrize("layout", ["side_by_side", "inline"])
def test_html_redline_is_self_contained_escaped_and_links_every_change(comparison: Comparison, layout: str) -> None:
    page = comparison.to_html(layout=layout)  # type: ignore[arg-type]
    assert page.index('id="leverage"') < page.index('id="redline"')
    assert re.findall(r"""\b(?:src|srcset)\s*=|@import|url\(""", page) == []
    hrefs = re.findall(r'href="([^"]*)"', page)
    assert hrefs and all(h.startswith("#ch-") for h in hrefs)
    ids = set(re.findall(r'id="([^"]*)"', page))
    assert all(h[1:] in ids for h in hrefs)
    assert sum(1 for i in range(len(comparison.clauses)) if change_anchor(i) in ids) == len(comparison.clauses)
    assert "<del>thirty</del>" in page and "<ins>fifteen</ins>" in page


def test_html_escapes_contract_text() -> None:
    old = parse_text("1. Fees. Customer pays <b>all</b> fees & costs.\n\n2. Law. Delaware law applies here.\n")
    new = parse_text("1. Fees. Customer pays <script>x</script> fees & costs.\n\n2. Law. Delaware law applies.\n")
    from leverage_lens import analyze

    page = compare_reports(analyze(old), analyze(new)).to_html()
    assert "<script>x" not in page and "&lt;script&gt;" in page


def _docx_xml(data: bytes) -> tuple[str, str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read("word/document.xml").decode(), z.read("word/comments.xml").decode()


def test_word_redline_has_tracked_revisions_with_author_and_date(comparison: Comparison) -> None:
    copy = comparison.to_docx(None, author="Reviewer", date="2026-01-02T00:00:00Z")
    body, comments = _docx_xml(copy.data)
    assert copy.insertions > 0 and copy.deletions > 0
    assert body.count("<w:ins ") == copy.insertions and body.count("<w:del ") >= copy.deletions
    assert re.findall(r'<w:ins w:id="\d+" w:author="Reviewer" w:date="2026-01-02T00:00:00Z"', body)
    assert "<w:delText xml:space=\"preserve\">thirty" in body
    assert copy.comments == len(comparison.leverage) == comments.count("<w:comment ")


def test_word_redline_opens_in_python_docx_and_accepting_all_gives_the_new_text(comparison: Comparison) -> None:
    import docx

    document = docx.Document(io.BytesIO(comparison.to_docx(None).data))
    accepted = []
    for p in document.element.body.iter(f"{W}p"):
        ppr = p.find(f"{W}pPr")
        if ppr is not None and ppr.find(f"{W}rPr/{W}del") is not None:
            continue  # a deleted paragraph: gone once accepted
        accepted.append("".join(t.text or "" for t in p.iter(f"{W}t")))
    assert "\n".join(accepted) == comparison.new_text
    assert len(document.comments) == len(comparison.leverage)


SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


@pytest.mark.skipif(SOFFICE is None, reason="no LibreOffice (apt-get install libreoffice-writer-nogui)")
def test_word_redline_converts_with_libreoffice(comparison: Comparison, tmp_path: Path) -> None:
    comparison.to_docx(tmp_path / "redline.docx")
    profile = tmp_path / "lo-profile"
    proc = subprocess.run([str(SOFFICE), f"-env:UserInstallation={profile.as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), str(tmp_path / "redline.docx")],
                          check=False, capture_output=True, text=True, timeout=180, start_new_session=True)
    assert proc.returncode == 0, proc.stderr[-2000:]
    pdf = tmp_path / "redline.pdf"
    assert pdf.exists() and pdf.stat().st_size > 1000
    import pypdfium2

    text = "".join(page.get_textpage().get_text_range() for page in pypdfium2.PdfDocument(pdf))
    assert "Provider may terminate this Agreement at any time for convenience" in " ".join(text.split())
