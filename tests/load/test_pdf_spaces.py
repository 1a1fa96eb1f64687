"""pdfium's space variants become ordinary spaces, one for one, so a PDF's text searches like the page."""

from __future__ import annotations

from leverage_lens.load.pdf import load_pdf
from leverage_lens.options import ParseOptions
from tests.fixtures.pdf_writer import write_pdf

LINE = "This Agreement is made as of the Effective\u00a0Date by Acme\u00a0Inc."


def test_no_break_spaces_in_a_pdf_read_as_plain_spaces_with_the_same_offsets_and_boxes():
    loaded = load_pdf(write_pdf([[LINE, "2. Term. One year."]]), ParseOptions(), "t.pdf")
    assert "\u00a0" not in loaded.text
    assert "Effective Date" in loaded.text and "Acme Inc." in loaded.text
    start = loaded.text.index("This Agreement")
    assert loaded.text[start : start + len(LINE)] == LINE.replace("\u00a0", " ")  # char for char
    line = next(b for b in loaded.blocks if b.start == start)
    assert line.end - line.start == len(LINE) and line.boxes  # the line keeps its length and its box


def test_the_translation_maps_every_space_variant_to_one_character():
    from leverage_lens.load.pdf import _PRINTED_AS

    variants = "\u00a0\u2000\u2002\u2003\u2009\u200a\u202f\u205f\u3000\u2011"
    assert variants.translate(_PRINTED_AS) == " " * 9 + "-"
    assert "\u2013\u2014\u00ad".translate(_PRINTED_AS) == "\u2013\u2014\u00ad"  # dashes keep their meaning
