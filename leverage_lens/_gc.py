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
Nothing else about the collector (thresholds, frozen objects) is touched.
"""

from __future__ import annotations

import gc
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
