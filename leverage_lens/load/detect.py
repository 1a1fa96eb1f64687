"""Reading a source (path, bytes, file object) and telling its format from its name and magic bytes."""

from __future__ import annotations

import io
import os
import stat
import struct
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Union

from ..errors import (
    CorruptDocumentError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    LeverageLensError,
    UnreadableSourceError,
    UnsupportedFormatError,
)
from ..model import DocumentFormat
from .zipcheck import check_member_count

Source = Union[str, os.PathLike, bytes, bytearray, memoryview, IO[bytes]]

FORMATS: tuple[DocumentFormat, ...] = ("pdf", "docx", "txt", "md", "html")
_EXTENSIONS: dict[str, DocumentFormat] = {
    ".pdf": "pdf",
    ".docx": "docx",
    ".docm": "docx",
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".htm": "html",
    ".html": "html",
    ".xhtml": "html",
}
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")


@dataclass(slots=True)
class RawSource:
    data: bytes
    name: str | None
    extension: str | None


def read_source(source: Source, max_bytes: int) -> RawSource:
    """Read the whole source into memory, refusing anything larger than ``max_bytes`` (from ``stat`` before
    reading, and again while reading, for files that grow or report no size)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        _check_size(len(data), max_bytes, "input")
        return RawSource(data, None, None)
    if isinstance(source, (str, os.PathLike)):
        path = Path(source)
        return RawSource(read_path(path, max_bytes), path.name, path.suffix.lower() or None)
    read = getattr(source, "read", None)
    if callable(read):
        chunk = read(max_bytes + 1)
        if isinstance(chunk, str):
            raise UnsupportedFormatError(
                "the file object is open in text mode; open it with 'rb' or call parse_text() on its text"
            )
        if not isinstance(chunk, (bytes, bytearray)):
            raise UnsupportedFormatError(f"file object returned {type(chunk).__name__}, expected bytes")
        _check_size(len(chunk), max_bytes, "input")
        name = getattr(source, "name", None)
        name = os.path.basename(name) if isinstance(name, str) else None
        ext = os.path.splitext(name)[1].lower() if name else None
        return RawSource(bytes(chunk), name, ext or None)
    raise UnsupportedFormatError(
        f"cannot parse a {type(source).__name__}: pass a path, bytes or a binary file object "
        "(or use parse_text() for a string)"
    )


def read_path(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file at ``path``, at most ``max_bytes`` of them.

    Anything but a regular file is refused from ``stat``, before it is opened: reading a FIFO blocks until a
    writer comes, and a device (``/dev/zero``, ``/dev/urandom``) never ends. The file is then opened
    non-blocking and checked again (it may have been swapped for a FIFO in between), and read in chunks up to
    ``max_bytes + 1``, so a file that grows, or reports no size (``/proc``), is refused at the limit. Every
    operating-system error (a NUL byte or an over-long name, no permission, an I/O error) is an
    :class:`UnreadableSourceError`; a missing file stays ``FileNotFoundError``.
    """
    shown = _shown(path)
    try:
        st = os.stat(path)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"no such file: {shown}") from exc
    except (OSError, ValueError) as exc:  # ValueError: a NUL byte in the name
        raise UnreadableSourceError(f"cannot read {shown}: {_reason(exc)}") from exc
    if stat.S_ISDIR(st.st_mode):
        raise UnsupportedFormatError(f"{shown} is a folder; use leverage_lens.scan() for folders")
    _refuse_special(st.st_mode, shown)
    _check_size(st.st_size, max_bytes, shown)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise FileNotFoundError(f"no such file: {shown}") from exc
    except (OSError, ValueError) as exc:
        raise UnreadableSourceError(f"cannot read {shown}: {_reason(exc)}") from exc
    with os.fdopen(fd, "rb", buffering=0) as fh:
        try:
            _refuse_special(os.fstat(fd).st_mode, shown)
            chunks = [fh.read(min(st.st_size, max_bytes) + 1)]
            total = len(chunks[0])
            while total <= max_bytes and chunks[-1]:
                chunks.append(fh.read(min(_READ_CHUNK, max_bytes + 1 - total)))
                total += len(chunks[-1])
        except OSError as exc:
            raise UnreadableSourceError(f"cannot read {shown}: {_reason(exc)}") from exc
    _check_size(total, max_bytes, shown)
    chunks = [c for c in chunks if c]
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)  # one read: no copy of a large file


_READ_CHUNK = 1024 * 1024
_SPECIAL = (
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def _refuse_special(mode: int, shown: str) -> None:
    if stat.S_ISREG(mode):
        return
    what = next((name for test, name in _SPECIAL if test(mode)), "not a regular file")
    raise UnreadableSourceError(f"{shown} is {what}, not a regular file; only regular files are read")


def _shown(path: Path) -> str:
    """The path for a message: as given, unless it is unprintable (NUL bytes) or absurdly long."""
    text = os.fsdecode(path)
    if "\0" in text or len(text) > 300 or not text.isprintable():
        text = repr(text[:120] + ("..." if len(text) > 120 else ""))
    return text


def _reason(exc: BaseException) -> str:
    if isinstance(exc, ValueError):
        return "the name holds a NUL byte"
    if isinstance(exc, OSError) and exc.strerror:
        return exc.strerror
    return str(exc)


def _check_size(size: int, max_bytes: int, what: str) -> None:
    if size > max_bytes:
        raise DocumentTooLargeError(
            f"{what} is {size:,} bytes, over the max_bytes limit of {max_bytes:,}; raise max_bytes to accept it"
        )


def detect_format(raw: RawSource, requested: str | None = None) -> DocumentFormat:
    """The document's format: the caller's word first, then magic bytes, then the file extension.

    Magic bytes beat the extension because misnamed files are common in bulk data rooms; a file whose name
    says PDF or DOCX but whose bytes are neither is reported as corrupt rather than read as text.
    """
    if requested is not None:
        fmt = requested.lower().lstrip(".")
        if fmt == "markdown":
            fmt = "md"
        if fmt == "text":
            fmt = "txt"
        if fmt == "htm":
            fmt = "html"
        if fmt not in FORMATS:
            raise UnsupportedFormatError(f"unknown format {requested!r}; expected one of {', '.join(FORMATS)}")
        return fmt  # type: ignore[return-value]
    data = raw.data
    label = raw.name or "input"
    if not data:
        raise CorruptDocumentError(f"{label} is empty (0 bytes)")
    head = data[:1024]
    if b"%PDF-" in head:
        return "pdf"
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return _zip_kind(data, label)
    if data.startswith(_OLE_MAGIC):
        if _ENCRYPTED_PACKAGE in data[:65536] or _ENCRYPTED_PACKAGE in data:
            raise EncryptedDocumentError(f"{label} is a password-protected Office document; remove the password")
        raise UnsupportedFormatError(f"{label} is a legacy binary Office file (.doc); save it as .docx")
    by_ext = _EXTENSIONS.get(raw.extension or "")
    if by_ext in ("pdf", "docx"):
        raise CorruptDocumentError(f"{label} is named .{by_ext} but its bytes are not a {by_ext.upper()} file")
    if _looks_like_text(data):
        if by_ext in (None, "txt", "html") and _looks_like_html(data):
            return "html"  # EDGAR exhibits are often HTML saved as .txt
        return by_ext or "txt"
    raise UnsupportedFormatError(f"{label} is not a PDF, DOCX, HTML or text file")


def _zip_kind(data: bytes, label: str) -> DocumentFormat:
    check_member_count(data, label)  # before zipfile builds an object for each of a million entries
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            names = set(zf.namelist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError,
            struct.error) as exc:  # a damaged header may claim an unknown ZIP version (NotImplementedError)
        raise CorruptDocumentError(f"{label} looks like a ZIP/DOCX file but is damaged: {exc}") from exc
    if "word/document.xml" in names:
        return "docx"
    if any(n.startswith("xl/") for n in names):
        raise UnsupportedFormatError(f"{label} is a spreadsheet (.xlsx), not a contract document")
    if any(n.startswith("ppt/") for n in names):
        raise UnsupportedFormatError(f"{label} is a presentation (.pptx), not a contract document")
    if "[Content_Types].xml" in names:
        raise CorruptDocumentError(f"{label} is an Office package without word/document.xml")
    raise UnsupportedFormatError(f"{label} is a ZIP archive, not a DOCX document")


_HTML_MARKS = (b"<html", b"<body")


def _looks_like_html(data: bytes) -> bool:
    """Markup from its first character (after a BOM and blank space) and an ``<html>`` or ``<body>`` element
    in the first 8 KB: an HTML page, or an EDGAR submission (``<DOCUMENT>`` ... ``<TEXT>``) wrapping one."""
    head = data[:8192].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith(b"<") and (head.startswith(b"<!doctype html") or any(m in head for m in _HTML_MARKS))


def _looks_like_text(data: bytes) -> bool:
    sample = data[:8192]
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    if b"\x00" in sample:
        return False
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as exc:
        if exc.start >= len(sample) - 4:  # a multi-byte character cut by the sample boundary
            return True
    controls = sum(1 for b in sample if b < 9 or 13 < b < 32)
    return controls <= len(sample) // 100


def decode_text(data: bytes) -> str:
    """Decode text bytes: BOM-marked UTF-16/UTF-8, then UTF-8, then Windows-1252 (never fails)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise CorruptDocumentError(f"text marked as UTF-16 cannot be decoded: {exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")


def ensure_leverage_error(exc: BaseException, label: str) -> LeverageLensError:
    """Wrap an unexpected third-party exception raised while reading ``label``."""
    if isinstance(exc, LeverageLensError):
        return exc
    return CorruptDocumentError(f"{label} could not be read: {type(exc).__name__}: {exc}")
