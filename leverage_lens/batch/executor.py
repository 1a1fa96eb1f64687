"""Scanning on an executor the caller brings: ``ProcessPoolExecutor``, Dask's ``client.get_executor()``, ...

What carries over from our own pool, and what cannot:

* **Per-file timeout** -- kept, measured from submission. At most ``window`` files are in flight, so with
  ``window`` equal to the executor's parallelism a file's clock starts when it starts running. A file over
  time is recorded as ``timeout`` and its future cancelled, but a running call cannot be stopped from outside
  its process: it goes on occupying its worker until it ends. Use Dask's own limits, or our pool, for that.
* **Memory cap** -- not applied: capping the address space of a shared worker would cap the executor's own
  machinery. Dask has ``LocalCluster(memory_limit=...)``, whose nanny restarts a worker over the limit.
* **Dead workers** -- the executor's business: Dask reschedules the task on another worker and, after
  ``distributed.scheduler.allowed-failures`` deaths, fails the future with ``KilledWorker``; a
  ``ProcessPoolExecutor`` fails every pending future with ``BrokenProcessPool`` and cannot be used again.
  Either way the files concerned are recorded as ``crashed`` with the exception's name.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, CancelledError, Executor, Future, wait
from typing import Any

from .pool import Task
from .task import analyze_file, failure_line

__all__ = ["run_on_executor"]


def run_on_executor(
    executor: Executor,
    tasks: Iterable[Task],
    options: dict[str, Any],
    key: str,
    *,
    timeout: float | None,
    window: int,
    fn: Callable[[str, str | None, dict[str, Any], str], bytes] = analyze_file,
) -> Iterator[bytes]:
    """Yield one results line per task, in completion order, keeping at most ``window`` futures in flight."""
    queue = deque(tasks)
    flight: dict[Future[bytes], tuple[Task, float]] = {}

    def submit() -> None:
        while queue and len(flight) < max(1, window):
            task = queue.popleft()
            future = executor.submit(fn, task.path, task.sha256, options, key)
            flight[future] = (task, time.monotonic())

    submit()
    while flight:
        wait_for = None
        if timeout is not None:
            wait_for = max(0.0, min(t0 + timeout for _, t0 in flight.values()) - time.monotonic())
        done, _ = wait(list(flight), timeout=wait_for, return_when=FIRST_COMPLETED)
        now = time.monotonic()
        for future in done:
            task, t0 = flight.pop(future)
            try:
                line = future.result()
            except (Exception, CancelledError) as exc:  # noqa: BLE001 - the executor failed the call itself
                line = failure_line(
                    task.path,
                    task.sha256,
                    key,
                    "crashed",
                    type(exc).__name__,
                    f"the executor could not run this file: {exc or type(exc).__name__}",
                    now - t0,
                )
            yield line
        if timeout is not None:
            for future, (task, t0) in list(flight.items()):
                if now - t0 >= timeout:
                    future.cancel()
                    del flight[future]
                    yield failure_line(
                        task.path,
                        task.sha256,
                        key,
                        "timeout",
                        "TimeoutError",
                        f"no result within {timeout:g} s of submission; the call could not be stopped "
                        "and may still be running on the executor",
                        now - t0,
                    )
        submit()
