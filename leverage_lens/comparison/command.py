"""The ``leverage-lens compare`` subcommand: two versions (or two folders of versions) in, a comparison out.

Part of the command-line layer (it writes to the streams :mod:`leverage_lens.cli` hands it); kept beside the
compare package so ``cli.py`` only registers it. Folders pair files by name without the extension, so
``drafts/msa.docx`` pairs with ``signed/msa.pdf``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from ..errors import InvalidOptionError
from ..model import Severity
from .model import Comparison

__all__ = ["add_compare_parser", "pair_folders", "run_compare"]

_FORMATS = ("json", "md", "html", "docx")
_SUFFIXES = (".pdf", ".docx", ".txt", ".md")
_EPILOG = """\
examples:
  leverage-lens compare draft-v3.docx draft-v4.docx --perspective Customer --format html -o changes.html
      a side-by-side redline, leverage changes against Customer first
  leverage-lens compare draft.docx signed.pdf --format docx -o redline.docx
      the signed version as a Word redline: tracked insertions and deletions, a comment on each leverage change
  leverage-lens compare drafts/ signed/ --format md -o comparisons/
      every file in drafts/ against the file of the same name (any format) in signed/
  leverage-lens compare old.pdf new.pdf --fail-on high
      exit 1 when the new version introduces a finding of severity high or above

exit status: 0 ok, 1 findings at or above --fail-on introduced, 2 bad input"""


def add_compare_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    c = commands.add_parser(
        "compare",
        help="compare two versions of a contract: what changed, and who gained",
        description="Align the clauses of OLD and NEW (renumbered, moved, split and merged clauses matched by\n"
        "content), diff them word by word, and report what the change does: leverage gained or lost by each\n"
        "party, key terms, findings introduced and resolved, defined terms and broken references.\n"
        "OLD and NEW may be files of any supported format, or two folders (files paired by name).",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    c.add_argument("old", type=Path, metavar="OLD", help="the earlier version (file or folder)")
    c.add_argument("new", type=Path, metavar="NEW", help="the later version (file or folder)")
    c.add_argument("--format", dest="output_format", choices=_FORMATS, default="json",
                   help="json (default), md, html (self-contained redline) or docx (Word redline, needs -o)")
    c.add_argument("--layout", choices=("side_by_side", "inline"), default="side_by_side",
                   help="html: old and new side by side (default) or inline")
    c.add_argument("--perspective", metavar="PARTY", help="read as this party: changes against you rank first")
    c.add_argument("-o", "--output", type=Path, metavar="OUT",
                   help="write here (default: stdout); with folders, a folder for one file per pair")
    c.add_argument("--fail-on", metavar="SEVERITY", choices=tuple(s.value for s in Severity),
                   help="exit 1 when NEW introduces a finding at or above SEVERITY (after writing the output)")
    c.add_argument("--pdf-engine", choices=("pdfium", "pdfplumber"), help="PDF text extraction (default pdfium)")
    c.set_defaults(handler=run_compare)
    return c


def pair_folders(old_dir: Path, new_dir: Path) -> tuple[list[tuple[Path, Path]], list[Path], list[Path]]:
    """Files of the two folders paired by name without extension; and the unpaired ones on each side."""
    def index(folder: Path) -> dict[str, Path]:
        out: dict[str, Path] = {}
        for p in sorted(folder.iterdir()):
            if p.is_file() and p.suffix.lower() in _SUFFIXES:
                out.setdefault(p.stem.lower(), p)
        return out

    olds, news = index(old_dir), index(new_dir)
    pairs = [(olds[k], news[k]) for k in sorted(olds) if k in news]
    return pairs, [olds[k] for k in sorted(olds) if k not in news], [news[k] for k in sorted(news) if k not in olds]


def _render(comp: Comparison, args: argparse.Namespace) -> str | bytes:
    if args.output_format == "json":
        return comp.to_json(indent=2) + "\n"
    if args.output_format == "md":
        return comp.to_markdown()
    if args.output_format == "html":
        return comp.to_html(layout=args.layout)
    return comp.to_docx(None).data


def _compare(old: Path, new: Path, args: argparse.Namespace) -> Comparison:
    from .api import compare

    options = {"pdf_engine": args.pdf_engine} if args.pdf_engine else {}
    for p in (old, new):
        if not p.exists():
            raise FileNotFoundError(2, "No such file or directory", str(p))
    return compare(old, new, perspective=args.perspective, **options)


def _gating(comp: Comparison, fail_on: str | None) -> int:
    if fail_on is None:
        return 0
    floor = Severity(fail_on).rank
    return sum(f.status == "introduced" and f.severity.rank >= floor for f in comp.findings)


def run_compare(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    to_stdout = args.output is None or str(args.output) == "-"
    if args.output_format == "docx" and to_stdout:
        raise InvalidOptionError("--format docx writes a file: give -o OUT (for example -o redline.docx)")
    if args.old.is_dir() != args.new.is_dir() and args.old.exists() and args.new.exists():
        raise InvalidOptionError("compare two files or two folders, not a file and a folder")
    gating = 0
    if args.old.is_dir():
        if to_stdout:
            raise InvalidOptionError("comparing folders writes one file per pair: give -o OUT_DIR")
        pairs, only_old, only_new = pair_folders(args.old, args.new)
        args.output.mkdir(parents=True, exist_ok=True)
        err.writelines(f"only in {args.old}: {p.name} (no file of that name in {args.new})\n" for p in only_old)
        err.writelines(f"only in {args.new}: {p.name} (no file of that name in {args.old})\n" for p in only_new)
        ext = {"json": ".json", "md": ".md", "html": ".html", "docx": ".docx"}[args.output_format]
        for old, new in pairs:
            comp = _compare(old, new, args)
            target = args.output / f"{new.stem}.compare{ext}"
            _write(target, _render(comp, args))
            gating += _gating(comp, args.fail_on)
            err.write(f"wrote {target} ({_counts(comp)})\n")
    else:
        comp = _compare(args.old, args.new, args)
        payload = _render(comp, args)
        gating = _gating(comp, args.fail_on)
        if to_stdout:
            out.write(payload if isinstance(payload, str) else payload.decode("utf-8"))
        else:
            _write(args.output, payload)
            err.write(f"wrote {args.output} ({_counts(comp)})\n")
    if gating:
        err.write(f"leverage-lens: {gating} introduced finding{'s' if gating != 1 else ''} at or above "
                  f"{args.fail_on} (--fail-on)\n")
        return 1
    return 0


def _counts(comp: Comparison) -> str:
    changed = len(comp.changes())
    return (f"{changed} clause change{'s' if changed != 1 else ''}, {len(comp.leverage)} leverage "
            f"change{'s' if len(comp.leverage) != 1 else ''}")


def _write(path: Path, payload: str | bytes) -> None:
    try:
        if isinstance(payload, bytes):
            path.write_bytes(payload)
        else:
            path.write_text(payload, encoding="utf-8")
    except OSError as exc:
        raise InvalidOptionError(f"cannot write {path}: {exc.strerror or exc}") from exc
