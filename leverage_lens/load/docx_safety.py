"""Refusing hostile DOCX packages before any of their XML is parsed.

A DOCX is a ZIP of XML parts, which makes it a convenient carrier for two classic attacks on batch
scanners: the zip bomb (a few kilobytes that inflate to gigabytes) and the XML entity attack (billion
laughs, external entities reading local files). Both are refused here, cheaply:

* sizes come from the ZIP central directory only, so a package declaring 10 GB is refused in
  microseconds without inflating a byte; ``zipfile`` never inflates a member past its declared size (a
  member that lies about its size fails its CRC check instead), so the declared sizes bound the memory
  any later read can use;
* an XML part may only declare a DTD in its prolog, so reading each part's first kilobytes is enough to
  find a ``<!DOCTYPE`` or ``<!ENTITY``; parts with one are refused, never parsed.

The parser used afterwards (:func:`parse_xml`) also refuses to load DTDs or resolve entities, as a second
line of defence.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile

from lxml import etree

from ..errors import CorruptDocumentError, DocumentTooLargeError
from ..options import ParseOptions

__all__ = ["open_package", "read_part", "parse_xml", "MAX_MEMBERS"]

#: More members than any real Word document has (large ones have a few hundred); parsing a central
#: directory of millions of entries would itself be the denial of service.
MAX_MEMBERS = 20_000
#: Members smaller than this are not ratio-checked: tiny, highly repetitive XML parts compress very well.
RATIO_FLOOR = 1024 * 1024
#: How much of each XML part is read to find its prolog.
PROLOG_BYTES = 64 * 1024

_EOCD = b"PK\x05\x06"
_ZIP64_EOCD = b"PK\x06\x06"
_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels", ".vml")

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


def open_package(data: bytes, options: ParseOptions, label: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking member count, sizes, ratios and XML prologs.

    Raises :class:`DocumentTooLargeError` for a package over the configured limits and
    :class:`CorruptDocumentError` for a damaged package or an XML part declaring a DTD.
    """
    _check_member_count(data, label)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, struct.error) as exc:
        raise CorruptDocumentError(
            f"{label} is not a readable DOCX (damaged ZIP container: {exc}); re-save it from Word"
        ) from exc
    _check_sizes(infos, options, label)
    for info in infos:
        if info.filename.lower().endswith(_XML_SUFFIXES) and not info.is_dir():
            _check_prolog(zf, info, label)
    return zf


def read_part(zf: zipfile.ZipFile, name: str, label: str) -> bytes | None:
    """The bytes of part ``name``, or None when the package has no such part."""
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    try:
        with zf.open(info) as fh:
            return fh.read()
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise CorruptDocumentError(f"{label}: part {name} cannot be extracted ({exc}); the file is damaged") from exc


def parse_xml(blob: bytes, name: str, label: str) -> etree._Element:
    """Parse one XML part with entity resolution and DTD loading off; damaged XML is a corrupt document."""
    try:
        root = etree.fromstring(blob, parser=_PARSER)
    except etree.XMLSyntaxError as exc:
        raise CorruptDocumentError(
            f"{label}: {name} is not well-formed XML ({exc}); the file is damaged - open and re-save it in Word"
        ) from exc
    except (etree.LxmlError, ValueError) as exc:
        raise CorruptDocumentError(f"{label}: {name} cannot be parsed ({exc})") from exc
    if root is None:
        raise CorruptDocumentError(f"{label}: {name} is empty")
    return root


def _check_member_count(data: bytes, label: str) -> None:
    """Read the entry count from the end-of-central-directory record, before ``zipfile`` lists them all."""
    tail_start = max(0, len(data) - (65535 + 22))
    pos = data.rfind(_EOCD, tail_start)
    if pos < 0 or pos + 22 > len(data):
        return  # zipfile reports the damage with its own message
    (count,) = struct.unpack_from("<H", data, pos + 10)
    if count == 0xFFFF:
        z64 = data.rfind(_ZIP64_EOCD, 0, pos)
        if z64 >= 0 and z64 + 56 <= len(data):
            (count,) = struct.unpack_from("<Q", data, z64 + 32)
    if count > MAX_MEMBERS:
        raise DocumentTooLargeError(
            f"{label} is a ZIP with {count:,} members (a DOCX has at most a few hundred); refused as a zip bomb"
        )


def _check_sizes(infos: list[zipfile.ZipInfo], options: ParseOptions, label: str) -> None:
    total = sum(info.file_size for info in infos)
    if total > options.max_docx_uncompressed:
        raise DocumentTooLargeError(
            f"{label} declares {total:,} bytes once uncompressed, over the max_docx_uncompressed limit of "
            f"{options.max_docx_uncompressed:,}; refused as a possible zip bomb (raise max_docx_uncompressed "
            "if the file is trusted)"
        )
    for info in infos:
        if info.file_size > RATIO_FLOOR:
            ratio = info.file_size / max(info.compress_size, 1)
            if ratio > options.max_docx_ratio:
                raise DocumentTooLargeError(
                    f"{label}: part {info.filename} inflates {ratio:,.0f}x ({info.compress_size:,} to "
                    f"{info.file_size:,} bytes), over the max_docx_ratio limit of {options.max_docx_ratio:g}; "
                    "refused as a zip bomb (raise max_docx_ratio if the file is trusted)"
                )


def _check_prolog(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> None:
    try:
        with zf.open(info) as fh:
            head = fh.read(PROLOG_BYTES)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise CorruptDocumentError(
            f"{label}: part {info.filename} cannot be extracted ({exc}); the file is damaged"
        ) from exc
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    root = _ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    if _DTD.search(prolog):
        raise CorruptDocumentError(
            f"{label}: part {info.filename} declares a DTD or entities, which Word never writes; refused as a "
            "possible XML entity attack (billion laughs / external entity)"
        )
    if root is None and len(head) >= PROLOG_BYTES:
        raise CorruptDocumentError(
            f"{label}: part {info.filename} has an XML prolog over {PROLOG_BYTES // 1024} KB; refused as damaged"
        )
