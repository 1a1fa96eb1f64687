"""The kill -9 test on real contracts: CUAD PDFs from ../shared/data, with the damage a data room holds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from .test_scan import expected_statuses, kill_midway_and_resume

DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
CUAD_PDF = DATA / "cuad" / "pdf"

pytestmark = [
    pytest.mark.data,
    pytest.mark.skipif(not CUAD_PDF.is_dir(), reason=f"shared CUAD PDFs not found at {CUAD_PDF}"),
]


def damaged_cuad_folder(root: Path, count: int, seed: int = 7) -> list[Path]:
    """``count`` CUAD PDFs, plus 10% corrupted copies (truncated or with a garbled body), two zero-byte
    files, a PDF named .docx and a .txt that is really a PDF, in two sub-folders."""
    rng = random.Random(seed)
    sources = sorted(CUAD_PDF.glob("*.pdf"))
    picked = rng.sample(sources, count)
    made = []
    for i, src in enumerate(picked):
        dest = root / ("a" if i % 2 else "b") / src.name
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(src.read_bytes())
        made.append(dest)
    for i, src in enumerate(picked[: max(1, count // 10)]):
        data = bytearray(src.read_bytes())
        if i % 2:
            data = data[: len(data) // 2]  # truncated download
        else:
            start = len(data) // 4
            data[start : start + 4096] = bytes(rng.randrange(256) for _ in range(4096))  # garbled sectors
        dest = root / "corrupt" / f"copy_{i}_{src.name}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(bytes(data))
        made.append(dest)
    for name, data in (
        ("empty.pdf", b""),
        ("empty.docx", b""),
        ("pdf_named.docx", picked[0].read_bytes()),
        ("pdf_named.txt", picked[1].read_bytes()),
    ):
        (root / name).write_bytes(data)
        made.append(root / name)
    return made


@pytest.mark.slow
def test_sigkill_and_resume_on_real_contracts_keeps_every_file_exactly_once(tmp_path: Path) -> None:
    files = damaged_cuad_folder(tmp_path / "room", 60)
    truth = expected_statuses(files)
    assert {s for s, _ in truth.values()} == {"ok", "error"}
    kill_midway_and_resume(tmp_path / "room", tmp_path / "results.jsonl", truth, after=20)


def test_sigkill_and_resume_on_a_few_real_contracts(tmp_path: Path) -> None:
    files = damaged_cuad_folder(tmp_path / "room", 6, seed=3)
    truth = expected_statuses(files)
    kill_midway_and_resume(tmp_path / "room", tmp_path / "results.jsonl", truth, after=2)
