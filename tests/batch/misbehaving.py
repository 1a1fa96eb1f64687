"""Worker functions that misbehave on purpose, by file name, to prove the pool survives them.

Module-level so worker processes import them by name. Any other file goes through the real
``analyze_file``.
"""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path
from typing import Any

from leverage_lens.batch.task import analyze_file, failure_line


def misbehave(path: str, sha256: str | None, options: dict[str, Any], key: str) -> bytes:
    name = Path(path).name
    if name.startswith("crash"):
        os.kill(os.getpid(), signal.SIGKILL)  # as the OOM killer or a segfault would
    if name.startswith("hang"):
        time.sleep(3600)  # as a stuck native call would
    if name.startswith("exit"):
        os._exit(1)  # as a worker that cannot start would
    if name.startswith("echo"):  # answers at once: shows a worker is alive without waiting for spaCy
        return failure_line(path, sha256, key, "error", "Echo", f"echo from {os.getpid()}")
    if name.startswith("slow"):
        time.sleep(5)
    if name.startswith("hog"):
        try:
            block = bytearray(1 << 30)  # 1 GiB, over the test's memory cap
        except MemoryError:
            return failure_line(path, sha256, key, "error", "MemoryError", "over the memory cap")
        return failure_line(path, sha256, key, "error", "NoCap", f"allocated {len(block)} bytes uncapped")
    return analyze_file(path, sha256, options, key)
