"""``leverage_lens.scan``: every file of a folder analysed or reported as failed, exactly once, resumably.

A scan has two steps. **Planning** lists the files, hashes their bytes and reads the results file: a file
whose path, content hash and options key already have a line is skipped (a failed one is retried only with
``retry_failed=True``); lines about to be replaced are removed first, so the file never holds a path twice.
**Running** sends the remaining files, largest first (so no big file is left alone at the end), to our
worker pool or to the caller's executor, and appends each result line the moment it arrives.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from ..errors import InvalidOptionError, ScanOutputError
from .executor import run_on_executor
from .pool import Task, WorkerPool, default_workers
from .records import ScanRecord, decode_line, options_key
from .store import Done, ResultStore, check_results_file, iter_results
from .task import failure_line, file_sha256
from .walk import Skip, walk_inputs

__all__ = ["DEFAULT_PATTERN", "ScanRun", "discover", "scan"]

#: Files a folder scan picks up: every contract format leverage_lens reads, in any sub-folder.
DEFAULT_PATTERN = "**/*.{pdf,docx,txt,md,htm,html}"

PathInput = str | os.PathLike[str]


def discover(paths_or_folder: PathInput | Iterable[PathInput], pattern: str = DEFAULT_PATTERN, *,
             follow_symlinks: bool = False) -> list[Path]:
    """The files to scan, absolute, each once, sorted: folders are walked with ``pattern`` (see
    :mod:`.walk`: links out of the folder and non-regular files are left out); files are taken as given,
    even a missing one, which then gets its own error record rather than vanishing."""
    return walk_inputs(paths_or_folder, pattern, follow_symlinks=follow_symlinks)[0]


class ScanRun:
    """One scan: iterate it to run it. ``plan()`` (called by the first iteration) fixes what will run.

    After planning, ``files`` lists every file in scope, ``skipped`` those already in the results file, and
    ``len(run)`` counts the files left to analyse. Iterating yields one record per file left, in completion
    order (after the stored records of skipped files, with ``yield_skipped``); stopping early (``break``,
    Ctrl-C) stops the workers and keeps every line already written.
    """

    def __init__(
        self,
        paths_or_folder: PathInput | Iterable[PathInput],
        *,
        pattern: str,
        workers: int | None,
        executor: Any,
        output: PathInput | None,
        resume: bool,
        retry_failed: bool,
        yield_skipped: bool,
        timeout: float | None,
        memory_limit_mb: int | None,
        max_tasks_per_worker: int | None,
        analyze_options: dict[str, Any],
        follow_symlinks: bool = False,
    ) -> None:
        from ..api import Analyzer

        if workers is not None and workers < 1:
            raise InvalidOptionError(f"workers must be at least 1, not {workers}")
        if timeout is not None and timeout <= 0:
            raise InvalidOptionError(f"timeout must be positive seconds or None, not {timeout}")
        options = dict(analyze_options)
        book = options.pop("playbook", None)
        analyzer = Analyzer(**options)  # invalid options fail here, before any file is read
        key_options = analyzer.options.model_dump(mode="json")
        if book is not None:  # checked in every worker; read once here so a bad playbook fails before any file
            from ..playbook import load_playbook

            options["playbook"] = load_playbook(book).to_dict()
            key_options["playbook"] = options["playbook"]  # another playbook: another result, not a resume
        self.options = options
        self.options_key = options_key(key_options)
        if timeout is not None and "ocr_timeout" not in self.options:
            # OCR in a worker stops itself (killing its Tesseract child) just before the pool would kill the
            # worker, whose Tesseract would otherwise outlive it; not part of the key: results stay reusable.
            self.options["ocr_timeout"] = max(1.0, min(timeout * 0.8, timeout - 3.0))
        self._source = paths_or_folder
        self.pattern = pattern
        self.workers = workers
        self.executor = executor
        self.output = Path(output) if output is not None else None
        self.resume = resume
        self.retry_failed = retry_failed
        self.yield_skipped = yield_skipped
        self.timeout = timeout
        self.memory_limit_mb = memory_limit_mb
        self.max_tasks_per_worker = max_tasks_per_worker
        self.follow_symlinks = follow_symlinks
        self.files: list[str] = []
        self.skipped: list[str] = []
        #: files in scope that are not read (links out of the folder, FIFOs, devices): one record each
        self.left_out: list[Skip] = []
        self._skip_lines: list[bytes] = []
        self._tasks: list[Task] | None = None
        self._store: ResultStore | None = None
        self._iterated = False

    def plan(self) -> ScanRun:
        """Find and hash the files, read the results file, and decide what runs (idempotent)."""
        if self._tasks is not None:
            return self
        files, self.left_out = walk_inputs(self._source, self.pattern, follow_symlinks=self.follow_symlinks)
        self.files = [str(p) for p in files]
        done: dict[str, Done] = {}
        if self.output is not None:
            self._check_output(files)
            self._store = ResultStore(self.output)
            done = self._store.open(truncate=not self.resume)
        tasks, drop = [], set()
        for left in self.left_out:
            prior = done.get(left.path)
            if prior is not None and prior.status == "skipped" and prior.options_key == self.options_key:
                self.skipped.append(left.path)
                continue
            if prior is not None:
                drop.add(left.path)
            self._skip_lines.append(failure_line(left.path, None, self.options_key, "skipped", left.reason,
                                                 left.message))
        for path in self.files:
            sha = file_sha256(path)
            prior = done.get(path)
            same = prior is not None and prior.sha256 == sha and prior.options_key == self.options_key
            if same and (prior.status == "ok" or not self.retry_failed):  # type: ignore[union-attr]
                self.skipped.append(path)
                continue
            if prior is not None:
                drop.add(path)
            tasks.append(Task(path, sha))
        if self._store is not None and (drop or self._store.needs_compaction):
            self._store.compact(drop)
        tasks.sort(key=lambda t: (-_size(t.path), t.path))
        self._tasks = tasks
        return self

    def _check_output(self, files: list[Path]) -> None:
        """Refuse a results path that is one of the inputs, or an existing file that is not a results file
        (a scan must never overwrite a contract or someone's notes)."""
        assert self.output is not None
        target = os.path.realpath(self.output)
        if any(str(f) == target for f in files) or any(left.path == os.path.abspath(self.output)
                                                      for left in self.left_out):
            raise ScanOutputError(
                f"the results file {self.output} is one of the files being scanned; choose an -o outside the input"
            )
        check_results_file(self.output)

    def __len__(self) -> int:
        self.plan()
        assert self._tasks is not None
        return len(self._tasks) + len(self._skip_lines)

    def __iter__(self) -> Iterator[ScanRecord]:
        if self._iterated:
            raise RuntimeError("a ScanRun runs once; call scan() again to resume or rescan")
        self._iterated = True
        self.plan()
        assert self._tasks is not None
        try:
            if self.yield_skipped and self.skipped and self.output is not None:
                wanted = set(self.skipped)
                yield from (r for r in iter_results(self.output) if r.path in wanted)
            for line in self._skip_lines:
                if self._store is not None:
                    self._store.append(line)
                yield decode_line(line)
            for line in self._lines(self._tasks):
                if self._store is not None:
                    self._store.append(line)
                yield decode_line(line)
        finally:
            self.close()

    def _lines(self, tasks: list[Task]) -> Iterator[bytes]:
        if not tasks:
            return iter(())
        if self.executor is not None:
            window = self.workers or default_workers()
            return run_on_executor(
                self.executor, tasks, self.options, self.options_key, timeout=self.timeout, window=window
            )
        pool = WorkerPool(
            self.workers or default_workers(),
            self.options,
            self.options_key,
            timeout=self.timeout,
            memory_mb=self.memory_limit_mb,
            max_tasks_per_worker=self.max_tasks_per_worker,
        )
        return pool.run(tasks)

    def close(self) -> None:
        """Flush, fsync and unlock the results file (done automatically when iteration ends)."""
        if self._store is not None:
            self._store.close()
            self._store = None

    def __enter__(self) -> ScanRun:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if getattr(self, "_store", None) is not None:  # __init__ may have failed before setting it
            self.close()


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def scan(
    paths_or_folder: PathInput | Iterable[PathInput],
    *,
    pattern: str = DEFAULT_PATTERN,
    workers: int | None = None,
    executor: Any = None,
    output: PathInput | None = None,
    resume: bool = True,
    retry_failed: bool = False,
    yield_skipped: bool = False,
    timeout: float | None = 120.0,
    memory_limit_mb: int | None = 2048,
    max_tasks_per_worker: int | None = None,
    follow_symlinks: bool = False,
    **analyze_options: Any,
) -> ScanRun:
    """Analyse every contract of a folder (or of a list of paths), one record per file.

    Iterate the result: each item is a :class:`ScanSuccess` (``.report`` is the Report) or a
    :class:`ScanFailure` (``status`` ``"error"``, ``"timeout"`` or ``"crashed"``, with ``error_type`` and
    ``message``). With ``output`` every record is also appended to that JSONL file as it arrives, and a
    rerun skips files already there with the same content and options (``resume=False`` starts the file
    afresh; ``retry_failed=True`` runs failed files again). Skipped files are listed in ``run.skipped``;
    with ``yield_skipped=True`` their stored records are yielded first, so every file in scope yields once.

    By default the files run in a pool of worker processes (one per CPU) where each file gets ``timeout``
    seconds and each worker ``memory_limit_mb`` MiB of address space; a worker that dies or overruns is
    replaced and its file recorded as failed. ``executor`` takes any ``concurrent.futures.Executor``
    instead (e.g. Dask's ``client.get_executor()``): the timeout still applies, the memory cap does not
    (see ``docs/batch.md``). ``analyze_options`` are passed to :class:`~leverage_lens.Analyzer`, except
    ``playbook`` (a Playbook, a YAML/JSON path or an example's name), which checks every contract against
    your positions: ``record.report.playbook``, and a ``playbook_<position>`` column per position in the
    folder summary (docs/playbooks.md).

    Nothing outside the input is read: symbolic links to files outside a scanned folder, linked folders,
    FIFOs, devices and sockets are left out, each with a ``"skipped"`` record (``follow_symlinks=True`` reads
    links out of the folder and walks linked folders). ``output`` must not be one of the inputs, and an
    existing ``output`` must be a results file: anything else raises
    :class:`~leverage_lens.errors.ScanOutputError` before a byte is written.
    """
    return ScanRun(
        paths_or_folder,
        pattern=pattern,
        workers=workers,
        executor=executor,
        output=output,
        resume=resume,
        retry_failed=retry_failed,
        yield_skipped=yield_skipped,
        timeout=timeout,
        memory_limit_mb=memory_limit_mb,
        max_tasks_per_worker=max_tasks_per_worker,
        analyze_options=analyze_options,
        follow_symlinks=follow_symlinks,
    )
