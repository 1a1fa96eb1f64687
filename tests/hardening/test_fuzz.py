"""Mutated-file fuzzing through bench/fuzz.py: only LeverageLensError escapes, no input hangs or crashes.

The default run mutates the fixtures built in code (a few hundred inputs, seconds); ``-m slow`` runs the
10,000-input campaign over the shared PDFs and DOCX as documented in docs/hardening.md.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT.parent / "shared" / "data"
FUZZ = ROOT / "bench" / "fuzz.py"


def _fuzz(*args: str, timeout: float) -> tuple[int, str]:
    out = subprocess.run([sys.executable, str(FUZZ), "--progress", "0", *args], capture_output=True, text=True,
                         cwd=str(ROOT), timeout=timeout, check=False)
    return out.returncode, out.stdout + out.stderr


def _tried(output: str) -> int:
    m = re.search(r"inputs tried: (\d+)", output)
    assert m, output
    return int(m.group(1))


def test_mutated_fixtures_raise_only_typed_errors_and_never_hang() -> None:
    code, output = _fuzz("--count", "300", "--seed", "8", "--data", str(ROOT / "no-such-folder"), "--timeout", "20",
                         timeout=300)
    assert "untyped errors: 0, hangs: 0, crashes: 0" in output, output
    assert _tried(output) == 300
    assert code == 0


def _fuzz_module():  # type: ignore[no-untyped-def]
    sys.path.insert(0, str(ROOT / "bench"))
    import fuzz

    return fuzz


def test_fuzz_worker_reports_a_damaged_pdf_as_a_typed_error() -> None:
    worker = _fuzz_module().Worker(memory_mb=1024)
    try:
        result = worker.run(b"%PDF-1.4 not really", timeout=20)
    finally:
        worker.close()
    assert result["outcome"] == "typed"
    assert result["error"] == "CorruptDocumentError"


def test_fuzz_worker_that_does_not_answer_is_killed_and_counted_as_a_hang() -> None:
    fuzz = _fuzz_module()
    worker = fuzz.Worker(memory_mb=0)
    worker.proc = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"],
                                   stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    sleeper = worker.proc
    result = worker.run(b"anything", timeout=1.0)
    assert result["outcome"] == "hang"
    assert sleeper.poll() is not None, "the hung worker was killed"
    assert worker.proc is None


@pytest.mark.slow
@pytest.mark.data
def test_ten_thousand_mutated_shared_files_raise_only_typed_errors() -> None:
    if not (DATA / "cuad" / "pdf").is_dir():
        pytest.skip(f"shared data not found under {DATA}")
    code, output = _fuzz("--count", "10000", "--seed", "1", timeout=3600)
    assert "untyped errors: 0, hangs: 0, crashes: 0" in output, output
    assert _tried(output) == 10_000
    assert code == 0
