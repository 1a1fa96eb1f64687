"""Which files a scan reads: a walk of the folders that stays inside them, and the files it leaves out.

A scan is promised to read nothing outside its input. ``Path.glob`` follows symbolic links, so a link in a
data room (``passwd.txt -> /etc/passwd``, a folder link to ``/``) would put files from elsewhere into the
results, and a FIFO or device among the files would block or never end. This walk:

* does not descend into a linked folder, and skips a linked file whose target lies outside the folder
  scanned, unless ``follow_symlinks=True`` (then linked folders are walked too, each real folder once, so
  a link cycle ends);
* skips anything that is not a regular file (FIFO, socket, device), and an explicitly named one too;
* reports every file it skipped as a :class:`Skip`, which the scan records (status ``"skipped"``), so
  nothing in scope disappears silently.

Files named explicitly are taken as given (a link included: the user chose it); a missing one is kept, so
its own error record says so.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

__all__ = ["Skip", "expand_braces", "walk_inputs"]

PathInput = str | os.PathLike[str]


@dataclass(frozen=True, slots=True)
class Skip:
    """A file in scope that is not read: its path (absolute, not resolved), why (a short type) and a message."""

    path: str
    reason: str
    message: str


def expand_braces(pattern: str) -> list[str]:
    """``"*.{pdf,docx}"`` -> ``["*.pdf", "*.docx"]`` (``glob`` has no braces); nested braces expand too."""
    match = re.search(r"\{([^{}]*)\}", pattern)
    if not match:
        return [pattern]
    head, tail = pattern[: match.start()], pattern[match.end() :]
    return [p for alt in match.group(1).split(",") for p in expand_braces(head + alt + tail)]


def _glob_regex(pattern: str) -> re.Pattern[str]:
    """A ``pathlib`` glob pattern (``**``, ``*``, ``?``, ``[...]``) as a regex over "/"-separated relative
    paths; like ``Path.glob``, ``*`` also matches names starting with a dot."""
    out = []
    parts = pattern.replace(os.sep, "/").split("/")
    for i, part in enumerate(parts):
        last = i == len(parts) - 1
        if part == "**":
            out.append(".*" if last else "(?:[^/]+/)*")
            continue
        piece, j = "", 0
        while j < len(part):
            ch = part[j]
            if ch == "*":
                piece += "[^/]*"
            elif ch == "?":
                piece += "[^/]"
            elif ch == "[" and "]" in part[j + 1 :]:
                end = part.index("]", j + 2) if part[j + 1 : j + 2] == "]" else part.index("]", j + 1)
                body = part[j + 1 : end]
                piece += "[" + ("^" + body[1:] if body.startswith("!") else body).replace("\\", "\\\\") + "]"
                j = end
            else:
                piece += re.escape(ch)
            j += 1
        out.append(piece + ("" if last else "/"))
    return re.compile("".join(out) + r"\Z")


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


def walk_inputs(
    paths_or_folder: PathInput | Iterable[PathInput], pattern: str, *, follow_symlinks: bool = False
) -> tuple[list[Path], list[Skip]]:
    """The files to scan (absolute, resolved, each once, sorted) and the files in scope left out."""
    items = [paths_or_folder] if isinstance(paths_or_folder, (str, os.PathLike)) else list(paths_or_folder)
    matchers = [_glob_regex(p) for p in expand_braces(pattern)]
    found: dict[str, Path] = {}
    skipped: dict[str, Skip] = {}
    for item in items:
        root = Path(item).expanduser()
        if root.is_dir():
            _walk_folder(root, matchers, follow_symlinks, found, skipped)
            continue
        absolute = os.path.abspath(root)
        try:
            mode = os.stat(root).st_mode
        except (OSError, ValueError):
            mode = None  # missing or unreadable: kept, so the worker's error record says which
        if mode is not None and not stat.S_ISREG(mode):
            skipped.setdefault(absolute, Skip(absolute, "NotARegularFile", _special(mode)))
            continue
        resolved = Path(os.path.realpath(root))
        found.setdefault(str(resolved), resolved)
    for key in found:
        skipped.pop(key, None)
    return [found[k] for k in sorted(found)], [skipped[k] for k in sorted(skipped)]


def _walk_folder(root: Path, matchers: list[re.Pattern[str]], follow: bool, found: dict[str, Path],
                 skipped: dict[str, Skip]) -> None:
    real_root = os.path.realpath(root)
    seen_dirs: set[tuple[int, int]] = set()
    for folder, dirs, files in os.walk(root, followlinks=follow):
        if follow:  # walk each real folder once: a link cycle ends
            try:
                st = os.stat(folder)
            except OSError:
                dirs[:] = []
                continue
            if (st.st_dev, st.st_ino) in seen_dirs:
                dirs[:] = []
                continue
            seen_dirs.add((st.st_dev, st.st_ino))
        dirs.sort()
        for name in sorted(files):
            path = os.path.join(folder, name)
            relative = os.path.relpath(path, root).replace(os.sep, "/")
            if not any(m.match(relative) for m in matchers):
                continue
            absolute = os.path.abspath(path)
            try:
                link = os.lstat(path)
                st = os.stat(path)
            except (OSError, ValueError):
                skipped.setdefault(absolute, Skip(absolute, "UnreadableSourceError", "cannot be read (a broken "
                                                  "link, or no permission to look at it)"))
                continue
            real = os.path.realpath(path)
            if stat.S_ISLNK(link.st_mode) and not follow and not _inside(real, real_root):
                skipped.setdefault(absolute, Skip(absolute, "SymlinkOutsideFolder", (
                    "a symbolic link to a file outside the scanned folder: not read (scan(follow_symlinks=True) "
                    "or --follow-symlinks reads it)")))
                continue
            if not stat.S_ISREG(st.st_mode):
                skipped.setdefault(absolute, Skip(absolute, "NotARegularFile", _special(st.st_mode)))
                continue
            found.setdefault(real, Path(real))


def _special(mode: int) -> str:
    kind = ("a FIFO (named pipe)" if stat.S_ISFIFO(mode) else "a character device" if stat.S_ISCHR(mode)
            else "a block device" if stat.S_ISBLK(mode) else "a socket" if stat.S_ISSOCK(mode)
            else "a folder" if stat.S_ISDIR(mode) else "not a regular file")
    return f"{kind}, not a regular file: not read (reading it could block or never end)"
