"""The cyclic garbage collector held off while one analysis runs, and given back as it was.

Why: an analysis allocates some hundreds of thousands of short-lived objects (pydantic models, regex matches,
tuples). Each 700 allocations start a young collection, and every few documents a full one walks every object
of the process -- spaCy, the tagger's tables, all modules, the caller's own data: 5-6% of ``analyze``'s CPU
time on CUAD contracts (docs/performance.md, "Garbage collection"). Almost nothing an analysis makes is
cyclic garbage (memory is freed by reference counting as usual), so collecting during it finds next to
nothing; after it, the collector runs as it would have.

What a caller sees: while any analysis runs in the process, ``gc.isenabled()`` is False and cyclic garbage
made by other threads waits until the last running analysis ends. The collector is switched back on only if
it was on when the first of the overlapping analyses started (a caller that disabled it keeps it disabled).
Nothing else about the collector (thresholds, frozen objects) is touched. A process forked while an analysis
runs in another thread starts with no analysis running (only the forking thread goes on in the child): its
collector is given back as the caller had it and the lock is new, so the child neither keeps the collector off
for good nor waits on a lock no thread of it will release.
"""

from __future__ import annotations

import gc
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager

__all__ = ["collector_paused"]

_LOCK = threading.Lock()
_running = 0  # analyses running in this process (threads), guarded by _LOCK
_restore = False  # whether the collector was on when the first of them started


@contextmanager
def collector_paused() -> Iterator[None]:
    """Hold off cyclic collection for the duration of the block (nested and threaded blocks count)."""
    global _running, _restore
    with _LOCK:
        if _running == 0:
            _restore = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _LOCK:
            _running -= 1
            if _running == 0 and _restore:
                gc.enable()


def _after_fork_in_child() -> None:
    """In a forked child: no analysis runs there, so undo the pause the parent's other threads held."""
    global _LOCK, _running
    _LOCK = threading.Lock()
    if _running:
        _running = 0
        if _restore:
            gc.enable()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_after_fork_in_child)
