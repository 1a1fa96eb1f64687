"""The ``leverage-lens playbook`` subcommands: ``validate`` a playbook file, ``init`` a starter from an example,
print its ``schema``, and ``check`` a saved report JSON against a playbook.

Part of the command-line layer (it writes to the streams :mod:`leverage_lens.cli` hands it); kept beside the
playbook package so ``cli.py`` only registers it. ``analyze FILE --playbook positions.yaml`` lives in
``cli.py`` with the other analyze options.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TextIO

from ..model import Report
from .check import check_playbook
from .load import EXAMPLES, PlaybookError, example_text, load_playbook, playbook_schema

__all__ = ["add_playbook_parser"]

_EPILOG = """\
examples:
  leverage-lens playbook init --side customer -o positions.yaml
      a starter playbook for a SaaS customer (also: --side supplier, --side nda), to edit
  leverage-lens playbook validate positions.yaml
      check a playbook: every position, condition, threshold, topic and subject
  leverage-lens analyze contract.pdf --playbook positions.yaml --format brief
      the brief opens with the playbook: each position met, not met, missing or not applicable
  leverage-lens analyze contract.docx --playbook positions.yaml --format docx -o review.docx
      a Word comment on each failed position, carrying the fallback language
  leverage-lens playbook check report.json positions.yaml --perspective Customer
      check a saved report against a (new) playbook without analysing the contract again

exit status: 0 ok (validate: the playbook is valid), 2 bad input (an invalid playbook: every problem listed)"""


def add_playbook_parser(commands: argparse._SubParsersAction) -> argparse.ArgumentParser:  # type: ignore[type-arg]
    p = commands.add_parser(
        "playbook", help="write, validate and run playbooks of your negotiating positions",
        description="Playbooks: your positions per topic (liability cap, termination, renewal, law, ...), each\n"
        "checked on the ledger, the key terms and the clause tags, with preferred and fallback language.\n"
        "See docs/playbooks.md.",
        epilog=_EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="playbook_command", required=True, metavar="ACTION")

    v = sub.add_parser("validate", help="check a playbook file (YAML or JSON); exit 2 listing every problem")
    v.add_argument("file", type=Path, metavar="FILE")
    v.set_defaults(handler=_cmd_validate)

    i = sub.add_parser("init", help="write a starter playbook from one of the examples")
    i.add_argument("--side", choices=tuple(EXAMPLES), required=True,
                   help="customer (a SaaS customer's positions), supplier, or nda")
    i.add_argument("--format", dest="playbook_format", choices=("yaml", "json"), default="yaml",
                   help="yaml (default, with comments) or json")
    i.add_argument("-o", "--output", type=Path, metavar="OUT", help="write here (default: stdout); never "
                   "overwrites an existing file")
    i.set_defaults(handler=_cmd_init)

    s = sub.add_parser("schema", help="print the JSON Schema of a playbook file")
    s.set_defaults(handler=_cmd_schema)

    c = sub.add_parser("check", help="check a saved report (JSON) against a playbook; print the results as JSON")
    c.add_argument("report", type=Path, metavar="REPORT", help="a report written by analyze (JSON)")
    c.add_argument("file", type=Path, metavar="PLAYBOOK")
    c.add_argument("--perspective", metavar="PARTY", help="which party is you (name, alias or role)")
    c.set_defaults(handler=_cmd_check)
    return p


def _cmd_validate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    book = load_playbook(_existing(args.file))  # PlaybookError (exit 2) lists every problem
    kinds: dict[str, int] = {}
    for pos in book.positions:
        kinds[pos.severity.value] = kinds.get(pos.severity.value, 0) + 1
    by_sev = ", ".join(f"{n} {k}" for k, n in sorted(kinds.items()))
    out.write(f"{args.file}: valid playbook {book.name!r}, {len(book.positions)} positions ({by_sev})\n")
    return 0


def _cmd_init(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    text = example_text(args.side)
    if args.playbook_format == "json":
        text = load_playbook(args.side).to_json(indent=2) + "\n"
    if args.output is None or str(args.output) == "-":
        out.write(text)
        return 0
    if args.output.exists():
        raise PlaybookError(f"{args.output} exists; choose another name or remove it first")
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise PlaybookError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    err.write(f"wrote {args.output} (the {args.side} example: edit the positions, then run "
              f"leverage-lens playbook validate {args.output})\n")
    return 0


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out.write(json.dumps(playbook_schema(), indent=2) + "\n")
    return 0


def _cmd_check(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    book = load_playbook(_existing(args.file))
    raw = _existing(args.report).read_text(encoding="utf-8")
    try:
        report = Report.model_validate_json(raw)
    except ValueError as exc:
        raise PlaybookError(f"{args.report} is not a report written by leverage-lens analyze: "
                            f"{str(exc).splitlines()[0]}") from exc
    result = check_playbook(report, book, perspective=args.perspective)
    out.write(result.model_dump_json(indent=2) + "\n")
    return 0


def _existing(path: Path) -> Path:
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    return path
