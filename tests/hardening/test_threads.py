"""Thread safety: analyze() from 8 threads at once gives the same Reports as sequential calls.

pdfium is serialised by the loader's lock, lxml parsers and the tagger's pipeline are shared; this test
runs them all concurrently on different documents (PDF, DOCX, text) and compares the JSON of every Report
with a sequential run's.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

import leverage_lens as ll
from tests.fixtures.docx_builder import DocxBuilder, Lvl
from tests.fixtures.pdf_writer import Line, write_pdf

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
THREADS = 8


def _pdf(n: int) -> bytes:
    body = [Line(f"ARTICLE {n}", bold=True), f"{n}.1 Term. This Agreement runs for {n} years.",
            f"{n}.2 Fees. Customer shall pay the fees within {10 * n} days.", "(a) in US dollars; and",
            "(b) without set-off.", f"{n}.3 Liability. Neither party is liable for indirect loss."]
    return write_pdf([body, body[::-1]], header=f"CONFIDENTIAL {n}", page_number="- {n} -")


def _docx(n: int) -> bytes:
    b = DocxBuilder()
    num = b.num(b.abstract_num([Lvl("decimal", "%1."), Lvl("decimal", "%1.%2"), Lvl("lowerLetter", "(%3)")]))
    b.paragraph("Definitions", num=num)
    b.paragraph(f'"Services" means the services in Schedule {n}.', num=num, ilvl=1)
    b.paragraph("Termination", num=num)
    b.paragraph(f"Either party may terminate on {n * 30} days' notice.", num=num, ilvl=1)
    b.paragraph("for material breach;", num=num, ilvl=2)
    b.paragraph("on insolvency.", num=num, ilvl=2)
    return b.to_bytes()


def _text(n: int) -> bytes:
    return (f"SERVICES AGREEMENT {n}\n\nThis Agreement is between Acme Inc. (\"Supplier\") and Beta LLC.\n\n"
            f"1. Term. It lasts {n} years.\n2. Payment. Beta LLC shall pay within {n} days.\n"
            "3. Liability. Supplier's liability is capped at the fees paid; (a) except for fraud; and "
            "(b) except for death.\nIN WITNESS WHEREOF the parties sign.\n").encode()


def _fixture_documents() -> list[bytes]:
    return [_pdf(1), _pdf(2), _pdf(3), _docx(1), _docx(2), _docx(3), _text(1), _text(2)]


def _concurrent(documents: list[bytes], rounds: int) -> list[list[str]]:
    barrier = threading.Barrier(THREADS)

    def run(data: bytes) -> str:
        barrier.wait()  # all eight start together
        return ll.analyze(data).to_json()

    out = []
    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        for _ in range(rounds):
            out.append(list(pool.map(run, documents)))
    return out


def test_eight_threads_give_the_same_reports_as_sequential_calls() -> None:
    documents = _fixture_documents()
    assert len(documents) == THREADS
    sequential = [ll.analyze(d).to_json() for d in documents]
    assert len(set(sequential)) == THREADS  # eight different documents
    for concurrent in _concurrent(documents, rounds=3):
        assert concurrent == sequential


def test_eight_threads_on_fresh_analyzers_give_the_same_reports() -> None:
    """Lazily built state (the tagger) is built once even when eight threads ask for it together."""
    documents = _fixture_documents()
    sequential = [ll.Analyzer().analyze(d).to_json() for d in documents]
    shared = ll.Analyzer()
    barrier = threading.Barrier(THREADS)

    def run(data: bytes) -> str:
        barrier.wait()
        return shared.analyze(data).to_json()

    with ThreadPoolExecutor(max_workers=THREADS) as pool:
        assert list(pool.map(run, documents)) == sequential


@pytest.mark.data
def test_eight_threads_on_shared_contracts_give_the_same_reports() -> None:
    pdfs = sorted((DATA / "cuad" / "pdf").glob("*.pdf"))
    docx = sorted((DATA / "docx").rglob("*.docx"))
    if len(pdfs) < 4 or len(docx) < 2:
        pytest.skip(f"shared data not found under {DATA}")
    texts = sorted((DATA / "cuad" / "txt").glob("*.txt"))
    documents = [p.read_bytes() for p in [*pdfs[:: len(pdfs) // 4][:4], *docx[:2], *texts[:2]]]
    sequential = [ll.analyze(d).to_json() for d in documents]
    for concurrent in _concurrent(documents, rounds=1):
        assert concurrent == sequential
