"""A ZIP's member count comes from its central directory's entries, not from the end record's claim."""

from __future__ import annotations

import io
import time
import zipfile

import pytest

import leverage_lens as ll
from leverage_lens.errors import DocumentTooLargeError
from leverage_lens.load.zipcheck import MAX_MEMBERS, member_count
from tests.hardening import attacks


def test_count_of_an_ordinary_package_matches_zipfile() -> None:
    data = attacks.tiny_docx("<w:p><w:r><w:t>1. Term.</w:t></w:r></w:p>")
    assert member_count(data) == len(zipfile.ZipFile(io.BytesIO(data)).infolist())


@pytest.mark.parametrize("claimed", [5, None], ids=["understated", "honest"])
def test_package_with_more_entries_than_the_limit_is_counted_past_it(claimed: int | None) -> None:
    data = attacks.many_entries_zip(MAX_MEMBERS + 10, claimed=claimed)
    assert member_count(data) == MAX_MEMBERS + 1  # counting stops one past the limit


@pytest.mark.parametrize("fmt", [None, "docx"], ids=["detected", "named"])
def test_understated_package_is_refused_before_zipfile_lists_it(fmt: str | None) -> None:
    data = attacks.many_entries_zip(100_000, claimed=5)
    started = time.process_time()
    with pytest.raises(DocumentTooLargeError, match="more than 20,000 members"):
        ll.parse(data, format=fmt)
    assert time.process_time() - started < 1.0  # zipfile took 2.3 s to list these 100,000 entries


def test_zip64_package_is_counted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", allowZip64=True) as zf:
        for i in range(70_000):  # more than the 16-bit count: a ZIP64 end record is written
            zf.writestr(f"{i}", b"")
    data = out.getvalue()
    assert b"PK\x06\x06" in data
    assert member_count(data) == MAX_MEMBERS + 1


def test_damaged_zip_is_left_to_zipfile() -> None:
    assert member_count(b"PK\x03\x04 not really a zip") is None
