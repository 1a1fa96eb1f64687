"""The issue-21 attacks, built in code: tiny files that expand, lie or stall (see docs/hardening.md).

Builders only; :func:`run_limited` analyses one in a fresh interpreter under an address-space cap and a
timeout, so a regression shows up as a failed assertion instead of eating the shared machine::

    python -m tests.hardening.attacks          # build every attack, run each under the caps, print a table
"""

from __future__ import annotations

import io
import json
import os
import struct
import subprocess
import sys
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

# --------------------------------------------------------------------------------------- tiny DOCX

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" '
    'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    "{extra}</Types>"
)
_PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
    'officeDocument" Target="word/document.xml"/></Relationships>'
)
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"


def tiny_docx(body: str, numbering: str | None = None, extra_parts: dict[str, bytes] | None = None,
              document_rels: list[tuple[str, str, str]] | None = None, namespaces: str = "") -> bytes:
    """A minimal DOCX (a few hundred bytes plus ``body``): no styles, optional numbering part.

    ``document_rels``: (id, type suffix, target) relationships of the main part, besides numbering.
    """
    rels = list(document_rels or [])
    if numbering is not None:
        rels.append(("rIdNum", "numbering", "numbering.xml"))
    rel_xml = "".join(f'<Relationship Id="{i}" Type="{_REL}{t}" Target="{target}"/>' for i, t, target in rels)
    document = (f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W_NS}" xmlns:r="{_REL[:-14]}"'
                f"{namespaces}><w:body>{body}</w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES.format(extra=""))
        zf.writestr("_rels/.rels", _PACKAGE_RELS)
        zf.writestr("word/document.xml", document)
        zf.writestr(
            "word/_rels/document.xml.rels",
            '<?xml version="1.0" encoding="UTF-8"?><Relationships '
            f'xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{rel_xml}</Relationships>',
        )
        if numbering is not None:
            zf.writestr("word/numbering.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:numbering '
                                              f'xmlns:w="{W_NS}">{numbering}</w:numbering>')
        for name, blob in (extra_parts or {}).items():
            zf.writestr(name, blob)
    return out.getvalue()


def numbered_paragraph(text: str = "Clause text.", level: int = 0, num_id: int = 1) -> str:
    return (f'<w:p><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr></w:pPr>'
            f"<w:r><w:t>{text}</w:t></w:r></w:p>")


def numbering_xml(levels: list[tuple[str, int, str]], num_id: int = 1) -> str:
    """One abstract list with ``levels`` given as (numFmt, start, lvlText), and ``w:num`` ``num_id``."""
    lvls = "".join(
        f'<w:lvl w:ilvl="{i}"><w:start w:val="{start}"/><w:numFmt w:val="{fmt}"/>'
        f'<w:lvlText w:val="{text}"/></w:lvl>'
        for i, (fmt, start, text) in enumerate(levels)
    )
    return (f'<w:abstractNum w:abstractNumId="0">{lvls}</w:abstractNum>'
            f'<w:num w:numId="{num_id}"><w:abstractNumId w:val="0"/></w:num>')


def huge_start_numbering(fmt: str = "upperRoman", start: int = 2**31 - 1, paragraphs: int = 20) -> bytes:
    """A list that starts at 2^31 - 1 in ``fmt``: each label is tens of millions of characters unless
    the start value is bounded (upper-roman 2^31 is 2,147,483 "M"s)."""
    body = "".join(numbered_paragraph(f"Clause {i}.") for i in range(paragraphs))
    return tiny_docx(body, numbering_xml([(fmt, start, "%1.")]))


def start_override_numbering(start: int = 2**31 - 1) -> bytes:
    """The same through ``w:lvlOverride/w:startOverride`` on the ``w:num`` instead of ``w:start``."""
    numbering = (
        f'<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
        f'<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="(%1)"/></w:lvl></w:abstractNum>'
        f'<w:num w:numId="1"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">'
        f'<w:startOverride w:val="{start}"/></w:lvlOverride></w:num>'
    )
    body = "".join(numbered_paragraph(f"Clause {i}.") for i in range(20))
    return tiny_docx(body, numbering)


def long_level_text(placeholders: int = 40, start: int = 30_000, paragraphs: int = 200) -> bytes:
    """A ``w:lvlText`` with ``placeholders`` copies of "%1" (Word allows 9 and 31 characters) on a
    lower-letter level starting high: every label repeats a ~1,150-letter number 40 times."""
    text = "%1." * placeholders
    body = "".join(numbered_paragraph(f"Clause {i}.") for i in range(paragraphs))
    return tiny_docx(body, numbering_xml([("lowerLetter", start, text)]))


def many_entries_zip(entries: int = 1_000_000, claimed: int | None = 5) -> bytes:
    """A DOCX whose central directory repeats one entry ``entries`` times; the end record claims
    ``claimed`` entries (None: the honest count, capped at the 16-bit field)."""
    data = tiny_docx("<w:p><w:r><w:t>1. Term.</w:t></w:r></w:p>", extra_parts={"x": b""})
    eocd = data.rfind(b"PK\x05\x06")
    cd_size, cd_offset = struct.unpack_from("<II", data, eocd + 12)
    central = data[cd_offset : cd_offset + cd_size]
    last = central.rfind(b"PK\x01\x02")  # the empty member "x": copies of it add no declared size
    new_central = central + central[last:] * entries
    count = min(0xFFFF, entries + 6) if claimed is None else claimed
    end = struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, count, count, len(new_central), cd_offset, 0)
    return data[:cd_offset] + new_central + end


def alt_chunk_docx() -> bytes:
    """Body text plus an ``w:altChunk`` importing an HTML part Word shows inline (the loader skips it)."""
    body = ('<w:p><w:r><w:t>1. Term. This Agreement starts today.</w:t></w:r></w:p>'
            '<w:altChunk r:id="rIdAlt"/>'
            '<w:p><w:r><w:t>2. Price. The price is fixed.</w:t></w:r></w:p>')
    html = b"<html><body><p>3. Liability. The Supplier's liability is unlimited.</p></body></html>"
    return tiny_docx(body, extra_parts={"word/chunk.html": html},
                     document_rels=[("rIdAlt", "aFChunk", "chunk.html")])


def alternate_content_docx() -> bytes:
    """An ``mc:AlternateContent`` whose Choice holds a text box with clause text and whose Fallback is
    empty: Word shows the Choice."""
    mc = "http://schemas.openxmlformats.org/markup-compatibility/2006"
    wps = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    body = (
        '<w:p><w:r><w:t>1. Term. This Agreement starts today.</w:t></w:r></w:p>'
        '<w:p><w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        '<w:p><w:r><w:t>Side letter: the Customer may terminate at any time.</w:t></w:r></w:p>'
        '</w:txbxContent></wps:txbx></w:drawing></mc:Choice><mc:Fallback/></mc:AlternateContent></w:r></w:p>'
        '<mc:AlternateContent><mc:Choice Requires="w14"><w:p><w:r><w:t>2. Price. Choice text.</w:t></w:r>'
        '</w:p></mc:Choice><mc:Fallback><w:p><w:r><w:t>2. Price. Fallback text.</w:t></w:r></w:p>'
        '</mc:Fallback></mc:AlternateContent>'
    )
    return tiny_docx(body, namespaces=f' xmlns:mc="{mc}" xmlns:wps="{wps}"')


def embedded_object_docx() -> bytes:
    """A paragraph holding an embedded OLE object (say, a spreadsheet of prices) Word displays."""
    o = "urn:schemas-microsoft-com:office:office"
    body = ('<w:p><w:r><w:t>1. Price. The prices are in the table below.</w:t></w:r></w:p>'
            f'<w:p><w:r><w:object><o:OLEObject xmlns:o="{o}" ProgID="Excel.Sheet.12" r:id="rIdOle"/>'
            '</w:object></w:r></w:p>')
    return tiny_docx(body, extra_parts={"word/embeddings/sheet.xlsx": b"PK\x05\x06" + b"\0" * 18},
                     document_rels=[("rIdOle", "package", "embeddings/sheet.xlsx")])


# ---------------------------------------------------------------------------------------------- PDF


def xobject_fanout_pdf(depth: int = 7, fanout: int = 10, text: str = "Clause text here.") -> bytes:
    """One page drawing Form XObject X0, which draws X1 ``fanout`` times, ... down to X``depth``, which
    shows ``text``: ``fanout ** depth`` text objects from a file of about 2 KB."""
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        4: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    streams: dict[int, bytes] = {}
    first_form = 10
    objects[3] = (b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 5 0 R "
                  b"/Resources << /XObject << /X 10 0 R >> >> >>")
    objects[5] = b"<<"
    streams[5] = b"/X Do"
    for level in range(depth + 1):
        number = first_form + level
        if level < depth:
            calls = b" ".join(b"/X Do" for _ in range(fanout))
            objects[number] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                               b"/Resources << /XObject << /X %d 0 R >> >>" % (number + 1))
            streams[number] = calls
        else:
            objects[number] = (b"<< /Type /XObject /Subtype /Form /BBox [0 0 612 792] "
                               b"/Resources << /Font << /F1 4 0 R >> >>")
            streams[number] = b"BT /F1 10 Tf 72 700 Td (%s) Tj ET" % text.encode()
    return _serialise_pdf(objects, streams)


def _serialise_pdf(objects: dict[int, bytes], streams: dict[int, bytes]) -> bytes:
    out = bytearray(b"%PDF-1.4\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number]
        if number in streams:
            out += b" /Length %d >>\nstream\n" % len(streams[number]) + streams[number] + b"\nendstream"
        out += b"\nendobj\n"
    xref = len(out)
    size = max(objects) + 1
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for number in range(1, size):
        out += b"%010d 00000 n \n" % offsets[number] if number in offsets else b"0000000000 65535 f \n"
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (size, xref)
    return bytes(out)


# ------------------------------------------------------------------------- text for the checks

CUAD_TXT = ROOT.parent / "shared" / "data" / "cuad" / "txt"


def blanks_in_a_sentence(chars: int) -> str:
    """Pattern 1 of issue 21: blanks in one long line (``ambiguity.blank`` read each blank's whole line)."""
    return _repeat("The fee is $[____] per month, payable within ______ years. ", chars)


def definitions_lines(chars: int) -> str:
    """Pattern 2: "1. Definitions." sections without definitions, one a line (each looked for the next
    clause and the definitions inside it by a loop over all of them)."""
    return _repeat("1. Definitions. In this Agreement the words below have these senses. Term: one year "
                   "from the date of signature.\n", chars)


def bracketed_blanks(chars: int) -> str:
    """Pattern 3: "[____] " repeated on one line."""
    return _repeat("[____] ", chars)


def section_references(chars: int) -> str:
    """Pattern 4: distinct "Section N.1(a)" references in a numbered contract (each unresolved one scanned
    the whole text for its number)."""
    head = "1. Term. One year.\n2. Fees. Customer pays.\n3. Law. New York law.\n"
    parts, size, n = [head], len(head), 0
    while size < chars:
        parts.append(f"See Section {n}.1(a). ")
        size += len(parts[-1])
        n += 1
    return "".join(parts)[:chars]


def cuad_one_line(chars: int) -> str:
    """Pattern 5: real contract text with newlines removed: the CUAD texts in order, as many as the size takes
    (so a longer text holds more contracts, more defined terms, more references), repeated past 21 M."""
    parts, size = [], 0
    for path in sorted(CUAD_TXT.glob("*.txt")):
        parts.append(path.read_text(encoding="utf-8").replace("\n", " "))
        size += len(parts[-1]) + 1
        if size >= chars:
            break
    return _repeat(" ".join(parts), chars)


def _repeat(unit: str, chars: int) -> str:
    return (unit * (chars // len(unit) + 1))[:chars]


CHECK_PATTERNS: dict[str, Callable[[int], str]] = {
    "blanks in one sentence": blanks_in_a_sentence,
    "\"1. Definitions.\" lines": definitions_lines,
    "\"[____] \" repeated": bracketed_blanks,
    "distinct \"Section N.1(a)\" references": section_references,
    "CUAD text, newlines removed": cuad_one_line,
}


# ------------------------------------------------------------------------------------ measurement

_RUNNER = r"""
import json, resource, sys, time
items = json.loads(sys.argv[1])
limit = int(sys.argv[2]) * 1024 * 1024
import leverage_lens
from leverage_lens.load import docx, pdf  # noqa: F401 - loaders count as the baseline
leverage_lens.analyze(b"1. Term. This Agreement starts today.", format="txt")  # models load before the baseline
def status_kb(key):
    with open('/proc/self/status') as fh:
        return next(int(l.split()[1]) for l in fh if l.startswith(key))
soft, hard = resource.getrlimit(resource.RLIMIT_AS)
resource.setrlimit(resource.RLIMIT_AS, (status_kb('VmSize:') * 1024 + limit, hard))
for path, options in items:
    with open('/proc/self/clear_refs', 'w') as fh:  # peak RSS starts again from the current RSS
        fh.write('5')
    base = status_kb('VmRSS:')
    started, cpu = time.perf_counter(), time.process_time()
    try:
        report = leverage_lens.analyze(path, **options)
        result = {"outcome": "ok", "chars": len(report.document.text),
                  "warnings": sorted({w.code for w in report.document.warnings})}
    except leverage_lens.LeverageLensError as exc:
        result = {"outcome": "typed", "error": type(exc).__name__, "message": str(exc)[:300]}
    except BaseException as exc:
        result = {"outcome": "untyped", "error": type(exc).__name__, "message": str(exc)[:300]}
    result["seconds"] = time.perf_counter() - started
    result["cpu_seconds"] = time.process_time() - cpu
    result["growth_mb"] = (status_kb('VmHWM:') - base) / 1024
    report = None
    print(json.dumps(result), flush=True)
"""


def run_many(items: list[tuple[bytes, str, dict[str, Any]]], *, memory_mb: int = 1500,
             timeout: float = 300) -> list[dict[str, Any]]:
    """Analyse each ``(data, suffix, options)`` in turn in one fresh interpreter, with ``memory_mb`` of
    address space above its baseline (taken once the models are loaded).

    Each result's outcome is ``ok`` / ``typed`` / ``untyped`` (an exception that is not a
    LeverageLensError), ``crashed`` (the process died, e.g. pdfium's SIGABRT: that item and the rest get no
    figures) or ``timeout``. ``seconds`` is wall time, ``cpu_seconds`` the process's CPU time (what tests
    assert: it does not grow with the machine's load), ``growth_mb`` the peak resident memory above the
    resident memory before the item (the peak is reset through ``/proc/self/clear_refs``).
    """
    with tempfile.TemporaryDirectory() as tmp:
        listed = []
        for i, (data, suffix, options) in enumerate(items):
            path = Path(tmp) / f"attack{i}{suffix}"
            path.write_bytes(data)
            listed.append([str(path), options])
        try:
            out = subprocess.run(
                [sys.executable, "-c", _RUNNER, json.dumps(listed), str(memory_mb)],
                capture_output=True, text=True, cwd=str(ROOT), timeout=timeout, check=False,
                env={**os.environ, "PYTHONPATH": str(ROOT)},
            )
            lines, failure = out.stdout.strip().splitlines(), {"outcome": "crashed", "returncode": out.returncode,
                                                                "stderr": out.stderr[-500:]}
        except subprocess.TimeoutExpired as exc:
            stdout = exc.stdout.decode() if isinstance(exc.stdout, bytes) else (exc.stdout or "")
            lines, failure = stdout.strip().splitlines(), {"outcome": "timeout", "seconds": timeout}
    results = [json.loads(line) for line in lines if line.startswith("{")]
    return results + [dict(failure) for _ in range(len(items) - len(results))]


def run_limited(data: bytes, suffix: str, options: dict[str, Any] | None = None, *,
                memory_mb: int = 1500, timeout: float = 120) -> dict[str, Any]:
    """:func:`run_many` for one input."""
    return run_many([(data, suffix, options or {})], memory_mb=memory_mb, timeout=timeout)[0]


ATTACKS: dict[str, tuple[Callable[[], bytes], str]] = {
    "numbering starts at 2^31, upper-roman": (huge_start_numbering, ".docx"),
    "numbering starts at 2^31, lower-letter": (lambda: huge_start_numbering("lowerLetter"), ".docx"),
    "numbering starts at 2^31, chicago": (lambda: huge_start_numbering("chicago"), ".docx"),
    "numbering startOverride 2^31, lower-letter": (start_override_numbering, ".docx"),
    "lvlText with 40 placeholders": (long_level_text, ".docx"),
    "Form XObjects fanned out 10^6": (lambda: xobject_fanout_pdf(6), ".pdf"),
    "Form XObjects fanned out 10^7": (lambda: xobject_fanout_pdf(7), ".pdf"),
    "zip claiming 5 entries, holding 1,000,000": (many_entries_zip, ".docx"),
    "zip with 1,000,000 entries, honest count": (lambda: many_entries_zip(claimed=None), ".docx"),
}


def main(argv: list[str]) -> int:
    names = argv or list(ATTACKS)
    built = {name: ATTACKS[name][0]() for name in names}
    results = [run_limited(built[name], ATTACKS[name][1]) for name in names]  # a process each: one may crash
    print("| attack | bytes | outcome | seconds (CPU) | memory growth (MB) |\n|---|---:|---|---:|---:|")
    for name, r in zip(names, results):
        outcome = r.get("error", r["outcome"])
        if r["outcome"] == "ok":
            outcome = f"ok, {r['chars']:,} chars"
        print(f"| {name} | {len(built[name]):,} | {outcome} | {r.get('seconds', 0):.2f} ({r.get('cpu_seconds', 0):.2f}) | "
              f"{r.get('growth_mb', 0):.0f} |", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
