"""Running out of memory anywhere in parse/analyze leaves the API as DocumentTooLargeError."""

from __future__ import annotations

import pytest

import leverage_lens as ll
from leverage_lens import api


def _out_of_memory(*args: object, **kwargs: object) -> object:
    raise MemoryError


def test_memory_error_during_analysis_is_document_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "enrich", _out_of_memory)
    with pytest.raises(ll.DocumentTooLargeError, match="more memory than is available") as info:
        ll.analyze(ll.parse_text("1. Term. This Agreement starts today."))
    assert isinstance(info.value.__cause__, MemoryError)


def test_memory_error_during_segmentation_is_document_too_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(api, "segment", _out_of_memory)
    with pytest.raises(ll.DocumentTooLargeError):
        ll.parse_text("1. Term. This Agreement starts today.")
    with pytest.raises(ll.DocumentTooLargeError):
        ll.parse(b"1. Term. This Agreement starts today.", format="txt")
