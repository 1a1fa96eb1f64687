"""HTML contracts (``load/html.py``) and their detection (``load/detect.py``): EDGAR-style exhibits built here."""

from __future__ import annotations

from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.load.detect import RawSource, detect_format
from leverage_lens.load.html import load_html

PAGE = """<html><head><title>Exhibit 10.1</title><style>p { margin: 0 }</style>
<script>var x = "<p>not text</p>";</script></head><body>
<p align="center"><b>SUPPLY AGREEMENT</b></p>
<p>This Supply Agreement is made between Acme Corp. (&quot;Acme&quot;) and Beta&nbsp;LLC (&quot;Beta&quot;).</p>
<!-- a comment -->
<table width="100%"><tr><td width="8%">1.</td><td><b>Definitions</b>.&nbsp;&nbsp;In this Agreement:</td></tr>
<tr><td>1.1</td><td>&quot;Products&quot; means the goods in Schedule A.</td></tr></table>
<p>2.&nbsp;&nbsp;&nbsp;<u>Term</u>. This Agreement lasts two years &#8212; unless renewed.</p>
<table border="1"><tr><th>Product</th><th>Price</th></tr><tr><td>Widget</td><td>$10</td></tr></table>
<ol type="a"><li>first item</li><li>second item</li></ol>
</body></html>"""

EXPECTED = (
    "SUPPLY AGREEMENT\n"
    'This Supply Agreement is made between Acme Corp. ("Acme") and Beta LLC ("Beta").\n'
    "1.\tDefinitions. In this Agreement:\n"
    '1.1\t"Products" means the goods in Schedule A.\n'
    "2. Term. This Agreement lasts two years \u2014 unless renewed.\n"
    "Product\tPrice\n"
    "Widget\t$10\n"
    "a.\tfirst item\n"
    "b.\tsecond item"
)


def test_html_is_read_in_reading_order_with_tables_lists_and_entities() -> None:
    loaded = load_html(PAGE.encode())
    assert loaded.text == EXPECTED
    assert loaded.format == "html"
    title = loaded.blocks[0]
    assert title.bold and title.centered


def test_layout_tables_put_a_number_beside_its_clause_and_the_tree_follows() -> None:
    doc = ll.parse(PAGE.encode(), format="html")
    assert [(c.number, c.heading, c.level) for c in doc.clauses if c.number] == [
        ("1.", "Definitions", 0), ("1.1", "Products", 1), ("2.", "Term", 0), ("a.", None, 1), ("b.", None, 1),
    ]
    for clause in doc.clauses:
        assert doc.text[clause.start : clause.end] == clause.text


def test_an_edgar_submission_saved_as_txt_is_read_as_html(tmp_path: Path) -> None:
    wrapped = f"<DOCUMENT>\n<TYPE>EX-10.1\n<SEQUENCE>2\n<FILENAME>ex10-1.htm\n<TEXT>\n{PAGE}\n</TEXT>\n</DOCUMENT>\n"
    path = tmp_path / "ex10-1.txt"
    path.write_text(wrapped, encoding="utf-8")
    doc = ll.parse(path)
    assert doc.format == "html" and doc.text == EXPECTED


@pytest.mark.parametrize(("name", "data", "expected"), [
    ("a.htm", b"<p>Hello</p>", "html"),
    ("a.html", b"Plain words", "html"),
    ("a.txt", b"<!DOCTYPE html><html><body><p>x</p></body></html>", "html"),
    ("a.txt", b"The parties agree that <b> is bold markup.", "txt"),
    ("a.md", b"<span>1.</span> <body> text", "md"),
    (None, b"\n  <html><body>x</body></html>", "html"),
])
def test_html_is_told_by_extension_or_by_leading_markup(name: str | None, data: bytes, expected: str) -> None:
    ext = Path(name).suffix if name else None
    assert detect_format(RawSource(data, name, ext)) == expected


def test_a_page_without_declared_charset_is_read_as_utf8() -> None:
    loaded = load_html("<p>Fees \u2014 \u20ac10 \u201cnet\u201d</p>".encode())
    assert loaded.text == "Fees \u2014 \u20ac10 \u201cnet\u201d"


def test_a_declared_charset_is_honoured() -> None:
    page = '<html><head><meta charset="windows-1252"></head><body><p>Fees \x97 net</p></body></html>'
    assert load_html(page.encode("latin-1")).text == "Fees \u2014 net"


def test_a_contract_inside_one_layout_cell_keeps_its_paragraphs() -> None:
    page = "<table><tr><td><p>1. Term. One year.</p><p>2. Fees. Ten dollars.</p></td></tr></table>"
    assert load_html(page.encode()).text == "1. Term. One year.\n2. Fees. Ten dollars."


def test_deep_nesting_and_empty_pages_are_handled() -> None:
    deep = "<div>" * 2000 + "Deep text." + "</div>" * 2000
    assert "Deep text." in load_html(deep.encode()).text
    with pytest.raises(ll.CorruptDocumentError):
        load_html(b"   ")
