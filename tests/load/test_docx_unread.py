"""Content Word shows but the loader does not read is reported, not silently dropped."""

from __future__ import annotations

import leverage_lens as ll
from tests.hardening import attacks


def _warnings(data: bytes) -> dict[str, list[tuple[int, int]]]:
    doc = ll.parse(data)
    return {w.code: [(s.start, s.end) for s in w.spans] for w in doc.warnings}


def test_alt_chunk_part_is_reported_where_it_would_appear() -> None:
    doc = ll.parse(attacks.alt_chunk_docx())
    assert "Liability" not in doc.text
    warning = next(w for w in doc.warnings if w.code == "unread_alt_chunks")
    assert "1 imported part" in warning.message
    assert [(s.start, s.end) for s in warning.spans] == [(doc.text.index("2. Price"),) * 2]


def test_text_box_in_alternate_content_is_reported_on_its_paragraph() -> None:
    doc = ll.parse(attacks.alternate_content_docx())
    assert "Side letter" not in doc.text
    assert "Fallback text" in doc.text
    warning = next(w for w in doc.warnings if w.code == "unread_alternate_content")
    assert "2 place(s)" in warning.message  # the text box, and the block whose Choice differs


def test_alternate_content_whose_fallback_holds_the_same_text_is_not_reported() -> None:
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    body = ('<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>1. Term. Same.</w:t></w:r></w:p>'
            '</mc:Choice><mc:Fallback><w:p><w:r><w:t>1. Term. Same.</w:t></w:r></w:p></mc:Fallback>'
            '</mc:AlternateContent>')
    data = attacks.tiny_docx(body, namespaces=f' xmlns:mc="{mc}"')
    assert "unread_alternate_content" not in _warnings(data)


def test_embedded_object_is_reported_on_its_paragraph() -> None:
    warnings = _warnings(attacks.embedded_object_docx())
    assert list(warnings) == ["unread_embedded_objects"]
    assert len(warnings["unread_embedded_objects"]) == 1


def test_plain_document_has_no_unread_content_warning() -> None:
    data = attacks.tiny_docx("<w:p><w:r><w:t>1. Term. This Agreement starts today.</w:t></w:r></w:p>")
    assert _warnings(data) == {}
