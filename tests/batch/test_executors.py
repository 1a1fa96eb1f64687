"""scan() on an executor the caller brings: a ProcessPoolExecutor, and Dask distributed (when installed)."""

from __future__ import annotations

import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest

from leverage_lens.batch import ScanFailure, read_results, scan
from leverage_lens.batch.executor import run_on_executor
from leverage_lens.batch.pool import Task
from leverage_lens.batch.records import decode_line

from .folder import build_mixed_folder, contract_text
from .misbehaving import misbehave
from .test_scan import expected_statuses, observed


@pytest.fixture(scope="module")
def mixed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, tuple[str, str | None]]]:
    root = tmp_path_factory.mktemp("exec") / "folder"
    files = build_mixed_folder(root, good_per_format=1)
    return root, expected_statuses(files)


def test_process_pool_executor_gives_the_same_records_as_our_pool(mixed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    root, truth = mixed
    with ProcessPoolExecutor(2, mp_context=mp.get_context("forkserver")) as pool:
        records = list(scan(root, executor=pool, workers=2, output=tmp_path / "r.jsonl"))
    assert observed(records) == truth
    assert observed(read_results(tmp_path / "r.jsonl")) == truth


def test_executor_timeout_is_recorded_and_the_scan_goes_on(tmp_path: Path) -> None:
    # Independent of machine load: the hung task never finishes (it would sleep an hour), and the other one
    # answers at once without loading any model, so only a worker start slower than the timeout could fail it.
    for name in ("hang.txt", "echo.txt"):
        (tmp_path / name).write_text(contract_text(1))
    tasks = [Task(str(tmp_path / "hang.txt"), None), Task(str(tmp_path / "echo.txt"), None)]
    with ProcessPoolExecutor(2, mp_context=mp.get_context("forkserver")) as pool:
        lines = list(run_on_executor(pool, tasks, {}, "k", timeout=15.0, window=2, fn=misbehave))
        for proc in list(getattr(pool, "_processes", {}).values()):  # the hung worker: end it now
            proc.kill()
    records = {Path(r.path).name: r for r in map(decode_line, lines)}
    hung = records["hang.txt"]
    assert isinstance(hung, ScanFailure) and hung.status == "timeout"
    assert records["echo.txt"].status == "error" and "echo from" in records["echo.txt"].message


def test_scan_on_dask_distributed_records_every_file_and_resumes(mixed, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    root, truth = mixed
    out = tmp_path / "r.jsonl"
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        executor = client.get_executor()
        records = list(scan(root, executor=executor, workers=2, output=out))
        assert observed(records) == truth
        again = scan(root, executor=executor, workers=2, output=out)
        assert len(again) == 0 and list(again) == []
    assert observed(read_results(out)) == truth
    assert out.read_bytes().count(b"\n") == len(truth)
