"""``parse(..., isolate=True)``: load a document in a child process, so the parser's failures stay there.

pdfium is C++: when it runs out of memory it aborts the process (SIGABRT), and a pathological file can keep
it busy for minutes; neither can be caught by Python code in the same process. The loaders refuse every
amplification we know of before pdfium sees it (see docs/hardening.md), but a file from an untrusted source
parsed in the main process still shares pdfium's failure modes. With ``isolate=True`` the bytes are read
here and loaded in a forked child under an address-space cap and a timeout, the same limits a ``scan``
worker runs under; the child sends back what the loader produced (text, pages, blocks, warnings) and
segmentation happens here. A child that fails becomes a typed error:

* killed by SIGABRT, SIGSEGV or SIGKILL (how pdfium and the kernel end a process out of memory), or out of
  memory in Python -> :class:`~leverage_lens.errors.DocumentTooLargeError`;
* another death -> :class:`~leverage_lens.errors.CorruptDocumentError`;
* over the time limit -> :class:`~leverage_lens.errors.DocumentTooLargeError`.

The cost is a fork from a ``forkserver`` (started once per process, with the loaders imported) and the
pickling of the text and blocks: about 20-60 ms a document.
"""

from __future__ import annotations

import multiprocessing as mp
import signal
from collections.abc import Callable
from multiprocessing.connection import Connection
from typing import Any

from ..errors import CorruptDocumentError, DocumentTooLargeError, LeverageLensError
from ..options import ParseOptions
from .detect import RawSource

__all__ = ["MEMORY_MB", "TIMEOUT", "load_isolated"]

#: The limits of a ``scan`` worker (``scan(timeout=120, memory_limit_mb=2048)``).
TIMEOUT = 120.0
MEMORY_MB = 2048

_context: Any = None


def _ctx() -> Any:
    global _context
    if _context is None:
        if "forkserver" in mp.get_all_start_methods():
            ctx = mp.get_context("forkserver")
            ctx.set_forkserver_preload(["leverage_lens.load"])
        else:  # pragma: no cover - platforms without fork
            ctx = mp.get_context("spawn")
        _context = ctx
    return _context


def _child(conn: Connection, load: Callable[..., Any], raw: RawSource, format: str | None, options: ParseOptions,
           memory_mb: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    try:
        import resource

        resource.setrlimit(resource.RLIMIT_AS, (memory_mb * 1024 * 1024, memory_mb * 1024 * 1024))
    except (ImportError, ValueError, OSError):  # pragma: no cover - platform without RLIMIT_AS
        pass
    try:
        conn.send(("ok", load(raw, format, options)))
    except LeverageLensError as exc:
        conn.send(("error", exc))
    except MemoryError:
        conn.send(("memory", None))
    except Exception as exc:  # noqa: BLE001 - load_raw raises only typed errors; anything else is a bug
        conn.send(("error", CorruptDocumentError(f"{raw.name or 'input'} could not be read: {exc!r}")))


def load_isolated(load: Callable[..., Any], raw: RawSource, format: str | None, options: ParseOptions, *,
                  timeout: float = TIMEOUT, memory_mb: int = MEMORY_MB) -> Any:
    """``load(raw, format, options)`` (:func:`~leverage_lens.load.load_raw`, passed in: this module sits below
    the package) in a child process; its failures come back as typed errors."""
    label = raw.name or "input"
    ctx = _ctx()
    parent, child = ctx.Pipe(duplex=False)
    inner = options.model_copy(update={"isolate": False})
    process = ctx.Process(target=_child, args=(child, load, raw, format, inner, memory_mb), daemon=True)
    process.start()
    child.close()
    try:
        if not parent.poll(timeout):
            raise DocumentTooLargeError(
                f"{label} took longer than {timeout:g} s to parse in its isolated process; refused"
            )
        try:
            kind, value = parent.recv()
        except (EOFError, OSError):
            process.join(5)
            raise _death(label, process.exitcode, memory_mb) from None
    finally:
        if process.is_alive():
            process.kill()
        process.join(5)
        parent.close()
    if kind == "ok":
        return value
    if kind == "memory":
        raise DocumentTooLargeError(f"{label} needs more than the {memory_mb:,} MB an isolated parse may use")
    raise value


def _death(label: str, code: int | None, memory_mb: int) -> LeverageLensError:
    if code is not None and code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        if -code in (signal.SIGKILL, signal.SIGABRT, signal.SIGSEGV):
            return DocumentTooLargeError(
                f"the isolated parser of {label} died from {name}, the way pdfium fails when it exhausts the "
                f"{memory_mb:,} MB cap (or the file crashed it); refused"
            )
        return CorruptDocumentError(f"the isolated parser of {label} died from {name}; the file is damaged")
    return CorruptDocumentError(f"the isolated parser of {label} exited with code {code}; the file is damaged")
