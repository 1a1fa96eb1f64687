"""Clause trees of the real shared contracts: Word numbers become clause numbers, CUAD spans stay whole.

These tests read ../shared/data and skip when it is absent. The default run takes samples; ``-m slow``
parses everything (all 403 CUAD PDFs and text files, all 185 DOCX).
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

import leverage_lens as ll
from leverage_lens.load.docx import load_docx
from leverage_lens.options import ParseOptions

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CUAD = DATA / "cuad"
DOCX = DATA / "docx" / "templates"
ALL_DOCX = sorted(DOCX.rglob("*.docx")) if DOCX.is_dir() else []
ALL_PDF = sorted((CUAD / "pdf").glob("*.pdf")) if CUAD.is_dir() else []

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data folder not found at {DATA}"),
]


def _check_tree(doc: ll.Document) -> None:
    by_id = {c.id: c for c in doc.clauses}
    assert len(by_id) == len(doc.clauses), "clause ids must be unique"
    for c in doc.clauses:
        assert 0 <= c.start <= c.end <= len(doc.text)
        assert c.text == doc.text[c.start : c.end]
        assert c.page_start <= c.page_end
        if c.parent_id is not None:
            parent = by_id[c.parent_id]
            assert parent.start <= c.start and c.end <= parent.end and c.level == parent.level + 1
        else:
            assert c.level == 0


@pytest.mark.parametrize("path", ALL_DOCX, ids=lambda p: p.parent.name)
def test_every_word_numbered_paragraph_starts_a_clause_with_its_number(path: Path) -> None:
    data = path.read_bytes()
    loaded = load_docx(data, ParseOptions(), path.name)
    doc = ll.parse(data, format="docx")
    _check_tree(doc)
    numbered = {(c.start, c.number) for c in doc.clauses if c.number}
    missing = [b.label for b in loaded.blocks if b.label and (b.start, b.label) not in numbered]
    assert missing == []


def test_cloud_service_agreement_clauses_read_as_word_shows_them() -> None:
    doc = ll.parse(DOCX / "common-paper-cc-by-4.0" / "common-paper-cloud-service-agreement" / "template.docx")
    headings = {c.number: c.heading for c in doc.clauses if c.number}
    assert headings["1.1"] == "Access and Use"
    assert headings["2."] == "Restrictions & Obligations"
    assert headings["4.2"] == "Invoicing"
    assert headings["8.4"] == "Exceptions"
    top = [c.number for c in doc.children() if c.number]
    assert top[-13:] == [f"{n}." for n in range(1, 14)]
    access = next(c for c in doc.clauses if c.number == "1.1")
    assert doc.clause(access.parent_id).number == "1."


def _spans() -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = defaultdict(list)
    with open(CUAD / "spans.jsonl", encoding="utf-8") as fh:
        for line in fh:
            row = json.loads(line)
            if row["start"] is not None and row["end"] - row["start"] >= 40:
                spans[row["doc_id"]].append((row["start"], row["end"]))
    return spans


def _kept_whole_share(doc_ids: list[str]) -> float:
    spans = _spans()
    kept = total = 0
    for doc_id in doc_ids:
        text = (CUAD / "txt" / f"{doc_id}.txt").read_text(encoding="utf-8")
        doc = ll.parse_text(text)
        _check_tree(doc)
        for s, e in spans[doc_id]:
            seg = text[s:e]
            s, e = s + len(seg) - len(seg.lstrip()), e - (len(seg) - len(seg.rstrip()))
            total += 1
            kept += any(c.start <= s and e <= c.end and c.end - c.start <= 4000 for c in doc.clauses)
    return kept / total


def test_lawyer_labelled_cuad_spans_stay_inside_one_clause_on_a_sample() -> None:
    doc_ids = sorted(_spans())
    sample = random.Random(7).sample(doc_ids, 40)
    assert _kept_whole_share(sample) >= 0.85


@pytest.mark.slow
def test_lawyer_labelled_cuad_spans_stay_inside_one_clause_on_all_contracts() -> None:
    assert _kept_whole_share(sorted(_spans())) >= 0.85


@pytest.mark.parametrize("path", random.Random(3).sample(ALL_PDF, min(8, len(ALL_PDF))), ids=lambda p: p.stem[:40])
def test_cuad_pdfs_parse_into_a_consistent_clause_tree(path: Path) -> None:
    doc = ll.parse(path)
    _check_tree(doc)
    assert doc.clauses and doc.clauses[-1].end <= len(doc.text)


@pytest.mark.slow
def test_every_cuad_pdf_parses_into_a_consistent_clause_tree() -> None:
    for path in ALL_PDF:
        _check_tree(ll.parse(path))
