"""The notebooks in notebooks/ run top to bottom in a real Jupyter kernel, and are stored with outputs cleared.

Executed with nbclient and ipykernel (both in the ``test`` extra), from the ``notebooks/`` folder as a reader
would open them, importing this checkout; a cell that raises fails the test with the cell's traceback.
Outputs stay out of the repository so diffs show only what the notebook says and does, not what one run
printed.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
CELL_TIMEOUT_S = 180


def _code_cells(nb: dict) -> list[dict]:
    return [c for c in nb["cells"] if c["cell_type"] == "code"]


def test_every_notebook_is_found() -> None:
    assert {p.name for p in NOTEBOOKS} >= {"quickstart.ipynb", "review.ipynb"}


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_with_outputs_cleared(path: Path) -> None:
    nb = json.loads(path.read_text(encoding="utf-8"))
    code = _code_cells(nb)
    assert code, "a notebook without code cells"
    dirty = [i for i, c in enumerate(code) if c.get("outputs") or c.get("execution_count") is not None]
    assert dirty == [], f"code cells {dirty} keep outputs: clear them before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_runs_top_to_bottom_in_a_kernel(path: Path) -> None:
    nbformat = pytest.importorskip("nbformat", reason="nbformat is in the test extra: pip install '.[test]'")
    nbclient = pytest.importorskip("nbclient", reason="nbclient is in the test extra: pip install '.[test]'")
    pytest.importorskip("ipykernel", reason="ipykernel is in the test extra: pip install '.[test]'")

    nb = nbformat.read(path, as_version=4)
    client = nbclient.NotebookClient(
        nb, timeout=CELL_TIMEOUT_S, startup_timeout=120, kernel_name="python3",
        resources={"metadata": {"path": str(path.parent)}},
    )
    # the kernel imports this checkout, as the rest of the suite does (pytest's pythonpath), not whatever
    # copy of leverage_lens happens to be installed
    path_var = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    client.execute(env={**os.environ, "PYTHONPATH": path_var})  # CellExecutionError with the traceback

    code = _code_cells(nb)
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    silent = [i for i, c in enumerate(code) if not c.outputs]
    assert silent == [], f"code cells {silent} show nothing: every step should show its result"
    errors = [o for c in code for o in c.outputs if o.get("output_type") == "error"]
    assert errors == []
    if path.name == "review.ipynb":  # the export cell says where it wrote, by full path
        shown = "".join(o.get("text", "") for o in code[-1].outputs)
        written = [Path(line.split("  (")[0].strip()) for line in shown.splitlines() if "bytes)" in line]
        assert "wrote to " in shown and written and all(p.is_absolute() and p.is_file() for p in written)
