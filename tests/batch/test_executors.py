"""scan() on an executor the caller brings: a ProcessPoolExecutor, and Dask distributed (when installed)."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable
from concurrent.futures import Executor, Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

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


class _GatedExecutor(Executor):
    """An executor whose calls finish when the test says so: ``hang*`` files block until :meth:`release`,
    every other call runs at once, inside ``submit``. Nothing races a clock: the hung call cannot finish
    before the timeout however slow or loaded the machine, and the other has finished before the timeout's
    clock even starts."""

    def __init__(self) -> None:
        self.held: list[tuple[Future[bytes], Callable[[], bytes]]] = []

    def submit(self, fn: Callable[..., bytes], /, *args: Any, **kwargs: Any) -> Future[bytes]:  # type: ignore[override]
        future: Future[bytes] = Future()
        if Path(args[0]).name.startswith("hang"):
            self.held.append((future, lambda: fn(*args, **kwargs)))
        else:
            future.set_result(fn(*args, **kwargs))
        return future

    def release(self) -> None:
        """Let the held calls finish now (their results arrive after the scan gave up on them)."""
        for future, _ in self.held:
            if not future.cancelled():
                future.set_result(b"late")


def test_executor_timeout_is_recorded_and_the_scan_goes_on(tmp_path: Path) -> None:
    for name in ("hang.txt", "echo.txt", "echo2.txt"):
        (tmp_path / name).write_text(contract_text(1))
    tasks = [Task(str(tmp_path / n), None) for n in ("hang.txt", "echo.txt", "echo2.txt")]
    pool = _GatedExecutor()
    try:
        # window=1: the later files are submitted only once the hung one has timed out: the scan goes on.
        lines = list(run_on_executor(pool, tasks, {}, "k", timeout=0.05, window=1, fn=misbehave))
    finally:
        pool.release()
    records = {Path(r.path).name: r for r in map(decode_line, lines)}
    assert list(records) == ["hang.txt", "echo.txt", "echo2.txt"]
    hung = records["hang.txt"]
    assert isinstance(hung, ScanFailure) and hung.status == "timeout" and hung.error_type == "TimeoutError"
    assert hung.seconds >= 0.05
    for name in ("echo.txt", "echo2.txt"):
        assert records[name].status == "error" and "echo from" in records[name].message  # type: ignore[union-attr]


def test_a_stuck_call_on_a_process_pool_times_out(tmp_path: Path) -> None:
    # The same on a real ProcessPoolExecutor, where the stuck call cannot be stopped: only the hung task's
    # record is asserted, which no machine load can change (it sleeps an hour; the timeout is 2 s).
    (tmp_path / "hang.txt").write_text(contract_text(1))
    with ProcessPoolExecutor(1, mp_context=mp.get_context("forkserver")) as pool:
        lines = list(run_on_executor(pool, [Task(str(tmp_path / "hang.txt"), None)], {}, "k", timeout=2.0,
                                     window=1, fn=misbehave))
        for proc in list(getattr(pool, "_processes", {}).values()):  # the hung worker: end it now
            proc.kill()
    (hung,) = map(decode_line, lines)
    assert isinstance(hung, ScanFailure) and hung.status == "timeout"


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
