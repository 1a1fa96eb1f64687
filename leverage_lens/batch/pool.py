"""Worker processes we control: one file at a time each, a memory cap, a timeout, and replacement on death.

Why not ``ProcessPoolExecutor``: when one of its workers dies, every pending future fails with
``BrokenProcessPool`` and nobody can tell which file killed it; and a future cannot be stopped once running,
while a stuck pdfium call can only be stopped by killing its process. Here each worker owns a pipe and is
given one file at a time, so the parent always knows which file a worker holds: on a timeout it kills that
worker, on a death (segfault, ``MemoryError`` inside C code, the OOM killer) it records the file it held, and
either way it starts a fresh worker and goes on.

The memory cap is ``RLIMIT_AS`` (address space) set inside each worker: an allocation over it fails with
``MemoryError`` (recorded as an error) or kills the worker (recorded as ``crashed``); it is never the scan
that dies. Workers start from a ``forkserver`` (fresh, thread-free processes; ``spawn`` where unavailable).
"""

from __future__ import annotations

import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from .task import analyze_file, failure_line

__all__ = ["Task", "WorkerPool"]


_THREAD_VARS = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "NUMEXPR_NUM_THREADS")


@dataclass(frozen=True, slots=True)
class Task:
    path: str
    sha256: str | None


def _worker_main(
    conn: Connection, options: dict[str, Any], key: str, memory_mb: int | None, fn: Callable[..., bytes]
) -> None:
    """Loop of a worker: receive a task, send back its line; ``None`` means stop."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    for var in _THREAD_VARS:  # the pool is the parallelism: one BLAS/OpenMP thread per worker, set before
        os.environ.setdefault(var, "1")  # numpy/spaCy are imported (lazily, by the first analysis)
    if memory_mb:
        try:
            import resource

            limit = memory_mb * 1024 * 1024
            resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
        except (ImportError, ValueError, OSError):  # pragma: no cover - platform without RLIMIT_AS
            pass
    frozen = False
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        if task is None:
            return
        line = fn(task.path, task.sha256, options, key)
        if not frozen:  # the models are loaded now: move them out of the collector's sight for good; full
            gc.freeze()  # collections scanning them were 7-10% of analyze (docs/performance.md)
            frozen = True
        try:
            conn.send_bytes(line)
        except (BrokenPipeError, OSError):  # the scan was killed while we worked: nobody to tell
            return


@dataclass(eq=False)  # identity: the pool finds a worker in its list by the object itself
class _Worker:
    process: Any
    conn: Connection
    task: Task | None = None
    started: float = 0.0
    done: int = field(default=0)


def _context() -> Any:
    if "forkserver" in mp.get_all_start_methods():
        ctx = mp.get_context("forkserver")
        ctx.set_forkserver_preload(["leverage_lens.batch.task"])  # each worker forks with it imported
        return ctx
    return mp.get_context("spawn")


class WorkerPool:
    """Runs :func:`~leverage_lens.batch.task.analyze_file` over tasks in ``workers`` processes.

    ``timeout`` (seconds per file) and ``memory_mb`` (address-space cap per worker) may be None for no limit.
    ``max_tasks_per_worker`` retires a worker after that many files, bounding slow memory growth.
    """

    def __init__(
        self,
        workers: int,
        options: dict[str, Any],
        key: str,
        *,
        timeout: float | None,
        memory_mb: int | None,
        max_tasks_per_worker: int | None = None,
        fn: Callable[[str, str | None, dict[str, Any], str], bytes] = analyze_file,
    ) -> None:
        self.size = max(1, workers)
        self.options = options
        self.key = key
        self.timeout = timeout
        self.memory_mb = memory_mb
        self.max_tasks = max_tasks_per_worker
        self.fn = fn  # module-level, so workers import it by name; tests swap in misbehaving ones
        self._ctx = _context()
        self._workers: list[_Worker] = []
        self.replaced = 0
        self._failed_starts = 0  # workers that exited with an error before any worker finished a file
        self._finished_any = False

    def _start(self) -> _Worker:
        parent, child = self._ctx.Pipe(duplex=True)
        process = self._ctx.Process(
            target=_worker_main, args=(child, self.options, self.key, self.memory_mb, self.fn), daemon=True
        )
        process.start()
        child.close()
        return _Worker(process, parent)

    def _stop(self, worker: _Worker, *, kill: bool) -> None:
        if kill:
            worker.process.kill()
        else:
            try:
                worker.conn.send(None)
            except (OSError, ValueError):
                worker.process.kill()
        worker.process.join(5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()

    def _replace(self, worker: _Worker, *, kill: bool) -> _Worker:
        self._stop(worker, kill=kill)
        fresh = self._start()
        self._workers[self._workers.index(worker)] = fresh
        self.replaced += 1
        return fresh

    def run(self, tasks: Iterable[Task]) -> Iterator[bytes]:
        """Yield one results line per task, in completion order; workers are stopped when this ends."""
        queue = deque(tasks)
        try:
            self._workers = [self._start() for _ in range(min(self.size, max(len(queue), 1)))]
            for worker in list(self._workers):
                self._assign(worker, queue)
            while any(w.task is not None for w in self._workers):
                yield from self._collect(queue)
        finally:
            self.shutdown()

    def _assign(self, worker: _Worker, queue: deque[Task]) -> None:
        if not queue:
            worker.task = None
            return
        task = queue.popleft()
        try:
            worker.conn.send(task)
        except (OSError, ValueError):  # died while idle: start another and give it the task
            worker = self._replace(worker, kill=True)
            worker.conn.send(task)
        worker.task, worker.started = task, time.monotonic()

    def _collect(self, queue: deque[Task]) -> Iterator[bytes]:
        busy = [w for w in self._workers if w.task is not None]
        wait_for = None
        if self.timeout is not None:
            now = time.monotonic()
            wait_for = max(0.0, min(w.started + self.timeout for w in busy) - now)
        ready = set(wait([w.conn for w in busy] + [w.process.sentinel for w in busy], wait_for))
        now = time.monotonic()
        for worker in busy:
            task = worker.task
            assert task is not None
            if worker.conn in ready:
                try:
                    line = worker.conn.recv_bytes()
                except (EOFError, OSError):
                    line = None
                if line is not None:
                    worker.done += 1
                    self._finished_any = True
                    if self.max_tasks and worker.done >= self.max_tasks:
                        worker = self._replace(worker, kill=False)
                    self._assign(worker, queue)
                    yield line
                    continue
            if worker.conn in ready or worker.process.sentinel in ready:
                worker.process.join(1)
                code = worker.process.exitcode
                if self._failed_start(worker, code):  # retry the file: the worker never got going
                    queue.appendleft(task)
                    self._assign(self._replace(worker, kill=True), queue)
                    continue
                yield failure_line(
                    task.path,
                    task.sha256,
                    self.key,
                    "crashed",
                    "WorkerDied",
                    _death_message(code),
                    now - worker.started,
                )
                self._assign(self._replace(worker, kill=True), queue)
            elif self.timeout is not None and now - worker.started >= self.timeout:
                yield failure_line(
                    task.path,
                    task.sha256,
                    self.key,
                    "timeout",
                    "TimeoutError",
                    f"analysis took longer than {self.timeout:g} s; the worker was stopped",
                    now - worker.started,
                )
                self._assign(self._replace(worker, kill=True), queue)

    def _failed_start(self, worker: _Worker, code: int | None) -> bool:
        """True when a worker exited with an error before any worker finished a file: the environment, not
        the file, is at fault, so the file goes back in the queue. After 3 such exits the scan stops with
        an explanation rather than recording every file as crashed.

        The classic cause: the main script calls scan() at import time, and worker processes, which import
        the main module, try to start a scan of their own.
        """
        if self._finished_any or worker.done or code is None or code <= 0:
            return False
        self._failed_starts += 1
        if self._failed_starts >= 3:
            raise RuntimeError(
                f"scan worker processes exit with code {code} before finishing any file, 3 times in a row. "
                "If scan() runs in a script, put the call under `if __name__ == \"__main__\":` (worker "
                "processes import the main module); the files in flight were not recorded."
            )
        return True

    def shutdown(self) -> None:
        """Stop every worker: politely when idle, by kill when still busy (the scan is ending)."""
        for worker in self._workers:
            self._stop(worker, kill=worker.task is not None)
        self._workers = []


def _death_message(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        hint = " (the memory cap or the system's OOM killer)" if -code == signal.SIGKILL else ""
        return f"the worker process died from {name}{hint} while analysing this file; it was replaced"
    return f"the worker process exited with code {code} while analysing this file; it was replaced"


def default_workers() -> int:
    """Processes to use by default: the CPUs this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1
