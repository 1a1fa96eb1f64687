"""Opening a DOCX package: hostile packages are refused before any of their XML is parsed.

Every byte the DOCX loader reads comes through here: the ZIP checks, the part lookup through the package
relationships, and the hardened XML parser.

A DOCX is a ZIP of XML parts, which makes it a convenient carrier for two classic attacks on batch
scanners: the zip bomb (a few kilobytes that inflate to gigabytes) and the XML entity attack (billion
laughs, external entities reading local files). Both are refused here, cheaply:

* the member count comes from the central directory's entries themselves (:mod:`.zipcheck`), before
  ``zipfile`` builds an object per entry, not from the end record's claim;
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
import posixpath
import re
import struct
import zipfile
from dataclasses import dataclass

from lxml import etree

from ..errors import CorruptDocumentError, DocumentTooLargeError
from ..options import ParseOptions
from .zipcheck import MAX_MEMBERS, check_member_count

__all__ = ["MAX_MEMBERS", "DocxParts", "open_package", "parse_xml", "read_docx_parts", "read_part"]

#: Members smaller than this are not ratio-checked: tiny, highly repetitive XML parts compress very well.
RATIO_FLOOR = 1024 * 1024
_CHUNK = 1024 * 1024
#: How much of each XML part is read to find its prolog.
PROLOG_BYTES = 64 * 1024

_ROOT_START = re.compile(rb"<[A-Za-z_]")
_DTD = re.compile(rb"<!(?:DOCTYPE|ENTITY)", re.IGNORECASE)
_XML_SUFFIXES = (".xml", ".rels", ".vml")
_STRICT_NS = b"http://purl.oclc.org/ooxml/wordprocessingml/main"
_TRANSITIONAL_NS = b"http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"

_PARSER = etree.XMLParser(
    resolve_entities=False,
    no_network=True,
    load_dtd=False,
    dtd_validation=False,
    huge_tree=False,
    remove_comments=True,
    remove_pis=True,
)


@dataclass(frozen=True, slots=True)
class DocxParts:
    """The parsed parts a DOCX loader reads: the main document and, when present, styles and numbering."""

    main: str
    document: etree._Element
    styles: etree._Element | None
    numbering: etree._Element | None


def read_docx_parts(data: bytes, options: ParseOptions, label: str) -> DocxParts:
    """Check the package (see :func:`open_package`), then find and parse its document, styles and numbering.

    Parts are located through the package relationships, as Word does, falling back to the usual names.
    """
    with open_package(data, options, label) as zf:
        main = _main_part(zf, label)
        blob = read_part(zf, main, label)
        if blob is None:
            raise CorruptDocumentError(
                f"{label} has no {main} part, so it holds no Word document body; re-save it from Word as .docx"
            )
        related = _related_parts(zf, main, label)
        return DocxParts(
            main=main,
            document=parse_xml(_transitional(blob), main, label),
            styles=_parse_optional(zf, related.get("styles"), label),
            numbering=_parse_optional(zf, related.get("numbering"), label),
        )


def open_package(data: bytes, options: ParseOptions, label: str) -> zipfile.ZipFile:
    """Open ``data`` as a ZIP after checking member count, sizes, ratios and XML prologs.

    Raises :class:`DocumentTooLargeError` for a package over the configured limits and
    :class:`CorruptDocumentError` for a damaged package or an XML part declaring a DTD.
    """
    check_member_count(data, label)
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except (
        zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError, NotImplementedError, struct.error
    ) as exc:
        raise CorruptDocumentError(
            f"{label} is not a readable DOCX (damaged ZIP container: {exc}); re-save it from Word"
        ) from exc
    _check_sizes(infos, options, label)
    for info in infos:
        if info.filename.lower().endswith(_XML_SUFFIXES) and not info.is_dir():
            _check_prolog(zf, info, label)
    return zf


def read_part(zf: zipfile.ZipFile, name: str, label: str) -> bytes | None:
    """The bytes of part ``name``, or None when the package has no such part.

    Read in bounded chunks: ``ZipExtFile.read()`` without a size inflates as much as the compressed data
    gives (up to 2 GB) before cutting it to the declared size, so a member that under-declares its size
    would otherwise still allocate the bomb.
    """
    try:
        info = zf.getinfo(name)
    except KeyError:
        return None
    chunks = []
    try:
        with zf.open(info) as fh:
            while chunk := fh.read(_CHUNK):
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError, RuntimeError) as exc:
        raise CorruptDocumentError(
            f"{label}: part {name} cannot be extracted ({exc}); the file is damaged"
        ) from exc
    return b"".join(chunks)


def parse_xml(blob: bytes, name: str, label: str) -> etree._Element:
    """Parse one XML part with entity resolution and DTD loading off; damaged XML is a corrupt document.

    The prolog is checked again here: ``open_package`` only checks parts named ``.xml``/``.rels``/``.vml``,
    and the package relationships may point the main document at any part name.
    """
    _check_head(blob[:PROLOG_BYTES], name, label)
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
    _check_head(head, info.filename, label)


def _check_head(head: bytes, name: str, label: str) -> None:
    """Refuse a part whose prolog (``head`` holds its first ``PROLOG_BYTES``) declares a DTD or entities."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) or head[1:2] == b"\x00" or head[:1] == b"\x00":
        head = head.decode("utf-16", errors="ignore").encode("utf-8", errors="ignore")
    root = _ROOT_START.search(head)
    prolog = head[: root.start()] if root else head
    if _DTD.search(prolog):
        raise CorruptDocumentError(
            f"{label}: part {name} declares a DTD or entities, which Word never writes; refused as a "
            "possible XML entity attack (billion laughs / external entity)"
        )
    if root is None and len(head) >= PROLOG_BYTES:
        raise CorruptDocumentError(
            f"{label}: part {name} has an XML prolog over {PROLOG_BYTES // 1024} KB; refused as damaged"
        )


def _transitional(blob: bytes) -> bytes:
    """Strict OOXML uses another namespace URI for the same vocabulary; map it so one reader serves both."""
    return blob.replace(_STRICT_NS, _TRANSITIONAL_NS) if _STRICT_NS in blob else blob


def _rels(zf: zipfile.ZipFile, source: str, label: str) -> list[tuple[str, str]]:
    """(type, target part name) of the relationships of part ``source`` ("" for the package)."""
    folder, name = posixpath.split(source)
    blob = read_part(zf, posixpath.join(folder, "_rels", f"{name}.rels"), label)
    if blob is None:
        return []
    out = []
    for rel in parse_xml(blob, f"{source} relationships", label).iter(_REL_NS + "Relationship"):
        if rel.get("TargetMode") == "External":
            continue
        target = rel.get("Target", "")
        path = (
            target.lstrip("/")
            if target.startswith("/")
            else posixpath.normpath(posixpath.join(folder, target))
        )
        out.append((rel.get("Type", ""), path))
    return out


def _main_part(zf: zipfile.ZipFile, label: str) -> str:
    for rel_type, target in _rels(zf, "", label):
        if rel_type.endswith("/officeDocument") and target in zf.NameToInfo:
            return target
    return "word/document.xml"


def _related_parts(zf: zipfile.ZipFile, main: str, label: str) -> dict[str, str]:
    found = {"styles": "word/styles.xml", "numbering": "word/numbering.xml"}
    for rel_type, target in _rels(zf, main, label):
        kind = rel_type.rsplit("/", 1)[-1]
        if kind in found:
            found[kind] = target
    return found


def _parse_optional(zf: zipfile.ZipFile, name: str | None, label: str) -> etree._Element | None:
    blob = read_part(zf, name, label) if name else None
    return parse_xml(_transitional(blob), name or "", label) if blob else None
