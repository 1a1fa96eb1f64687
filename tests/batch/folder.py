"""Mixed folders of contracts for the scan tests, built in code: good files of every format, and the
files a data room really holds -- truncated copies, zero-byte files, files with the wrong extension."""

from __future__ import annotations

from pathlib import Path

from tests.fixtures.docx_builder import DocxBuilder
from tests.fixtures.pdf_writer import write_pdf


def contract_text(n: int, sections: int = 12) -> str:
    parts = [f"SUPPLY AGREEMENT NO. {n}\n"]
    for i in range(1, sections + 1):
        parts.append(
            f"{i}. SECTION {i}\n\n{i}.1 The Supplier shall deliver the Products listed in Schedule {i} "
            f"within {i * 3} days. {i}.2 Either party may terminate on {30 + i} days' notice.\n"
        )
    return "\n".join(parts)


def contract_pdf(n: int) -> bytes:
    text = contract_text(n, sections=6)
    lines = [line for line in text.splitlines() if line.strip()]
    pages = [lines[i : i + 30] for i in range(0, len(lines), 30)]
    return write_pdf(pages)


def contract_docx(n: int) -> bytes:
    builder = DocxBuilder()
    for line in contract_text(n, sections=5).splitlines():
        if line.strip():
            builder.paragraph(line)
    return builder.to_bytes()


def build_mixed_folder(root: Path, *, good_per_format: int = 3) -> list[Path]:
    """Good .txt/.md/.pdf/.docx files, a truncated PDF and DOCX, two zero-byte files, a PDF named .docx, a
    DOCX named .txt and a binary named .md; a sub-folder; and a file the pattern must leave out."""
    root.mkdir(parents=True, exist_ok=True)
    (root / "sub").mkdir()
    made: list[Path] = []

    def put(name: str, data: bytes) -> None:
        path = root / name
        path.write_bytes(data)
        made.append(path)

    for n in range(good_per_format):
        put(f"contract_{n}.txt", contract_text(n).encode())
        put(f"sub/notes_{n}.md", contract_text(100 + n).encode())
        put(f"contract_{n}.pdf", contract_pdf(n))
        put(f"sub/contract_{n}.docx", contract_docx(n))
    pdf, docx = contract_pdf(99), contract_docx(99)
    put("truncated.pdf", pdf[: len(pdf) // 3])
    put("truncated.docx", docx[: len(docx) // 2])
    put("empty.pdf", b"")
    put("sub/empty.txt", b"")
    put("really_a_pdf.docx", contract_pdf(7))
    put("really_a_docx.txt", contract_docx(8))
    put("binary.md", bytes(range(256)) * 8)
    (root / "ignored.csv").write_text("not,a,contract\n")
    return made
