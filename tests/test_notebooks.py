"""The notebooks in notebooks/ run top to bottom (their code cells, in order, in one namespace).

Executed with plain ``exec`` so the default test run needs no Jupyter kernel; outputs stay cleared in the
repository.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom_with_outputs_cleared(path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = [c for c in nb["cells"] if c["cell_type"] == "code"]
    assert code, "a notebook without code cells"
    assert all(not c.get("outputs") and c.get("execution_count") is None for c in code)
    namespace: dict[str, object] = {"__name__": "__main__"}
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        for cell in code:
            exec(compile("".join(cell["source"]), f"{path.name}", "exec"), namespace)  # noqa: S102
    finally:
        os.chdir(cwd)
    assert capsys.readouterr().out
