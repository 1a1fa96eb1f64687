"""Hostile inputs, built in code, and a measurement of what analysing one costs in a fresh process.

Builders: DOCX zip bombs (high ratio, a central directory declaring gigabytes, sizes that lie, tens of
thousands of members), XML entity attacks (billion laughs in the body, in styles, UTF-16 encoded, and in a
main part the relationships rename to dodge the ``.xml`` prolog check), external entities pointing at a
local file, an encrypted PDF, a 10,000-page PDF and a single-line text of any size.

Measurement runs ``leverage_lens.analyze(path)`` in a new interpreter, so the peak memory is the
analysis's own (``VmHWM`` of the new address space; ``ru_maxrss`` survives fork + exec on Linux and would
report the parent's peak) and the input's construction is not counted::

    python -m tests.hardening.hostile            # build every case, measure each, print a table
    python -m tests.hardening.hostile measure PATH [OPTIONS_JSON]
"""

from __future__ import annotations

import io
import json
import struct
import subprocess
import sys
import tempfile
import time
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


# --------------------------------------------------------------------------------------------- DOCX


def plain_docx(text: str = "1. Term. This Agreement starts today.") -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.docx_builder import DocxBuilder

    b = DocxBuilder()
    b.paragraph(text)
    return b.to_bytes()


def rezip(data: bytes, replace: dict[str, bytes | None], *, level: int = zipfile.ZIP_DEFLATED) -> bytes:
    """``data`` re-packed with parts replaced (bytes), added, or removed (None)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as zin, zipfile.ZipFile(out, "w", level) as zout:
        for name in zin.namelist():
            if name not in replace:
                zout.writestr(name, zin.read(name))
        for name, blob in replace.items():
            if blob is not None:
                zout.writestr(name, blob)
    return out.getvalue()


def zip_bomb_ratio(megabytes: int = 64) -> bytes:
    """Honest ZIP headers, but word/document.xml inflates about 1000:1 (whitespace inside the body)."""
    body = b'<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>' % W_NS.encode()
    blob = body + b" " * (megabytes * 1024 * 1024) + b"</w:body></w:document>"
    return rezip(plain_docx(), {"word/document.xml": blob})


def zip_bomb_declared(size: int = 0xF0000000) -> bytes:
    """The central directory says word/document.xml is ~4 GB once inflated."""
    data = bytearray(plain_docx())
    pos = data.find(b"PK\x01\x02")
    while pos >= 0:
        name_len = struct.unpack_from("<H", data, pos + 28)[0]
        if bytes(data[pos + 46 : pos + 46 + name_len]) == b"word/document.xml":
            struct.pack_into("<I", data, pos + 24, size)
        pos = data.find(b"PK\x01\x02", pos + 4)
    return bytes(data)


def zip_bomb_lying(megabytes: int = 256, declared: int = 200_000) -> bytes:
    """word/document.xml inflates to ``megabytes`` but both ZIP headers declare ``declared`` bytes."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    chunks = [compressor.compress(b'<?xml version="1.0"?><w:document xmlns:w="%s"><w:body>' % W_NS.encode())]
    block = b" " * (1024 * 1024)
    chunks += [compressor.compress(block) for _ in range(megabytes)]
    chunks.append(compressor.flush())
    raw = b"".join(chunks)
    base = rezip(plain_docx(), {"word/document.xml": None})
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(base)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as zout:
        for name in zin.namelist():
            zout.writestr(name, zin.read(name))
    data = bytearray(out.getvalue())
    # append a deflated member by hand: local header, data, then rebuild the central directory entry
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset, = struct.unpack_from("<I", data, eocd + 16)
    cd_size, = struct.unpack_from("<I", data, eocd + 12)
    count, = struct.unpack_from("<H", data, eocd + 10)
    central = bytes(data[cd_offset : cd_offset + cd_size])
    name = b"word/document.xml"
    crc = 0  # wrong on purpose: the size lie is what is under test, the reader must stop before the CRC
    local = struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", 20, 0, 8, 0, 0, crc, len(raw), declared, len(name), 0)
    local_offset = cd_offset
    entry = struct.pack("<4sHHHHHHIIIHHHHHII", b"PK\x01\x02", 20, 20, 0, 8, 0, 0, crc, len(raw), declared,
                        len(name), 0, 0, 0, 0, 0, local_offset) + name
    body = bytes(data[:cd_offset]) + local + name + raw
    new_central = central + entry
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count + 1, count + 1, len(new_central), len(body), 0)
    return body + new_central + end


def zip_bomb_members(members: int = 30_000) -> bytes:
    """Tens of thousands of central-directory entries (all pointing at one local file), like 42.zip's cousins."""
    data = plain_docx()
    eocd = data.rfind(b"PK\x05\x06")
    cd_offset, = struct.unpack_from("<I", data, eocd + 16)
    cd_size, = struct.unpack_from("<I", data, eocd + 12)
    central = data[cd_offset : cd_offset + cd_size]
    first_len = 46 + sum(struct.unpack_from("<HHH", central, 28))
    first = central[:first_len]
    extra = b"".join(first for _ in range(members))
    count = min(0xFFFF, members + struct.unpack_from("<H", data, eocd + 10)[0])
    new_central = central + extra
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(new_central), cd_offset, 0)
    return data[:cd_offset] + new_central + end


def _laughs_dtd(depth: int = 9) -> bytes:
    ents = [b'<!ENTITY lol0 "lol">'] + [
        b'<!ENTITY lol%d "%s">' % (i, b"&lol%d;" % (i - 1) * 10) for i in range(1, depth + 1)
    ]
    return b"<!DOCTYPE w:document [" + b"".join(ents) + b"]>"


def billion_laughs_xml(root: str = "w:document", depth: int = 9) -> bytes:
    return (b'<?xml version="1.0"?>\n' + _laughs_dtd(depth) + b'\n<%s xmlns:w="%s"><w:body><w:p><w:r><w:t>'
            b"&lol%d;</w:t></w:r></w:p></w:body></%s>" % (root.encode(), W_NS.encode(), depth, root.encode()))


def billion_laughs_docx(part: str = "word/document.xml", *, utf16: bool = False) -> bytes:
    xml = billion_laughs_xml("w:styles" if part.endswith("styles.xml") else "w:document")
    if utf16:
        xml = xml.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
        xml = xml.decode().encode("utf-16")
    return rezip(plain_docx(), {part: xml})


def renamed_main_part(xml: bytes, name: str = "word/body.dat") -> bytes:
    """The package relationships point the main document at ``name`` (not checked as an ``.xml`` part)."""
    data = plain_docx()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        rels = zf.read("_rels/.rels")
    return rezip(data, {name: xml, "_rels/.rels": rels.replace(b"word/document.xml", name.encode())})


def external_entity_xml(target: str, root: str = "w:document") -> bytes:
    return (b'<?xml version="1.0"?>\n<!DOCTYPE w:document [<!ENTITY xxe SYSTEM "%s">]>\n'
            b'<%s xmlns:w="%s"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></%s>'
            % (target.encode(), root.encode(), W_NS.encode(), root.encode()))


def external_entity_docx(target: str, part: str = "word/document.xml") -> bytes:
    return rezip(plain_docx(), {part: external_entity_xml(target)})


# ---------------------------------------------------------------------------------------------- PDF


def encrypted_pdf(password: str = "open sesame") -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.pdf_writer import write_pdf

    return write_pdf([["1. Term. This Agreement starts today."]], user_password=password)


def many_pages_pdf(pages: int = 10_000) -> bytes:
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.pdf_writer import write_pdf

    return write_pdf([[f"{i}. Clause {i} of the agreement applies."] for i in range(1, pages + 1)])


def single_line_text(chars: int) -> bytes:
    """One line of contract-like ASCII text, no newline, ``chars`` long."""
    unit = (b'1.1 "Affiliate" means any entity that controls a Party; (a) WHEREAS the Parties agree: '
            b"Section 2.3 (i) SCHEDULE A applies. ")
    return (unit * (chars // len(unit) + 1))[:chars]


# ------------------------------------------------------------------------------------ measurement

_PEAK_KB = """
def peak_kb():
    try:
        for line in open('/proc/self/status'):
            if line.startswith('VmHWM:'):
                return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""


def measure_here(path: str, options: dict[str, Any]) -> dict[str, Any]:
    """Analyse ``path`` in this process; the outcome, seconds and memory (call in a fresh interpreter)."""
    namespace: dict[str, Any] = {}
    exec(_PEAK_KB, namespace)  # noqa: S102 - a fixed snippet shared with the bench scripts
    peak_kb = namespace["peak_kb"]
    import leverage_lens
    from leverage_lens.load import docx, pdf  # noqa: F401 - lazily imported loaders count as baseline

    base = peak_kb()
    started = time.perf_counter()
    result: dict[str, Any]
    try:
        report = leverage_lens.analyze(path, **options)
        result = {"outcome": "ok", "pages": len(report.document.pages), "chars": len(report.document.text)}
    except leverage_lens.LeverageLensError as exc:
        result = {"outcome": "typed", "error": type(exc).__name__, "message": str(exc)[:300]}
    except BaseException as exc:  # noqa: BLE001 - reported, the test fails on it
        result = {"outcome": "untyped", "error": type(exc).__name__, "message": str(exc)[:300]}
    result["seconds"] = time.perf_counter() - started
    result["base_mb"] = base / 1024
    result["peak_mb"] = peak_kb() / 1024
    result["growth_mb"] = result["peak_mb"] - result["base_mb"]
    return result


def measure(data: bytes, suffix: str, options: dict[str, Any] | None = None, timeout: float = 600) -> dict[str, Any]:
    """Write ``data`` to a temporary file and measure its analysis in a new interpreter."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"hostile{suffix}"
        path.write_bytes(data)
        out = subprocess.run(
            [sys.executable, "-m", "tests.hardening.hostile", "measure", str(path), json.dumps(options or {})],
            capture_output=True, text=True, cwd=str(ROOT), timeout=timeout, check=True,
        )
    return json.loads(out.stdout.strip().splitlines()[-1])


CASES: dict[str, tuple[Callable[[], bytes], str, dict[str, Any]]] = {
    "zip bomb, ratio ~1000:1 (64 MB part)": (zip_bomb_ratio, ".docx", {}),
    "zip bomb, central directory declares 4 GB": (zip_bomb_declared, ".docx", {}),
    "zip bomb, sizes that lie (256 MB declared as 200 KB)": (zip_bomb_lying, ".docx", {}),
    "zip bomb, 30,000 members": (zip_bomb_members, ".docx", {}),
    "billion laughs, word/document.xml": (billion_laughs_docx, ".docx", {}),
    "billion laughs, word/styles.xml": (lambda: billion_laughs_docx("word/styles.xml"), ".docx", {}),
    "billion laughs, UTF-16": (lambda: billion_laughs_docx(utf16=True), ".docx", {}),
    "billion laughs, main part renamed to .dat": (lambda: renamed_main_part(billion_laughs_xml()), ".docx", {}),
    "external entity file:///etc/passwd": (lambda: external_entity_docx("file:///etc/passwd"), ".docx", {}),
    "external entity, main part renamed to .dat":
        (lambda: renamed_main_part(external_entity_xml("file:///etc/passwd")), ".docx", {}),
    "encrypted PDF, no password": (encrypted_pdf, ".pdf", {}),
    "10,000-page PDF, default max_pages": (many_pages_pdf, ".pdf", {}),
    "50 MiB single-line text": (lambda: single_line_text(50 * 1024 * 1024), ".txt", {}),
}


def main(argv: list[str]) -> int:
    if argv[:1] == ["measure"]:
        print(json.dumps(measure_here(argv[1], json.loads(argv[2]) if len(argv) > 2 else {})))
        return 0
    print("| input | bytes | outcome | seconds | memory growth (MB) |\n|---|---:|---|---:|---:|")
    for name, (build, suffix, options) in CASES.items():
        data = build()
        r = measure(data, suffix, options)
        outcome = r.get("error", r["outcome"])
        print(f"| {name} | {len(data):,} | {outcome} | {r['seconds']:.3f} | {r['growth_mb']:.1f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
