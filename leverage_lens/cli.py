"""The ``leverage-lens`` command: parse and analyse contracts from a shell.

This is the only module in leverage_lens that prints. It is a thin layer over the public API
(:func:`leverage_lens.parse`, :func:`leverage_lens.analyze`, :meth:`Report.model_json_schema`), so what the
command shows is exactly what a Python caller gets.

Exit codes are part of the interface, so scripts and CI jobs can rely on them:

* ``0`` -- success;
* ``1`` -- ``analyze --fail-on SEVERITY`` found findings at or above SEVERITY (the report is still written);
* ``2`` -- bad input: a missing or unreadable file, an unsupported or damaged document, an invalid option
  (any :class:`~leverage_lens.errors.LeverageLensError`), or a command-line usage error. The message is a
  single line on stderr, ``leverage-lens: error: <message>``, never a traceback;
* ``130`` -- interrupted with Ctrl-C.

An unexpected exception is a bug in leverage_lens and is left to propagate with its traceback.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .enrich.party_override import parse_party_option
from .api import analyze, parse
from .errors import InvalidOptionError, LeverageLensError
from .model import Clause, Document, Report, Severity

__all__ = ["build_parser", "main", "render_tree"]

PROG = "leverage-lens"
EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130

#: The widest a clause label may be before it is cut with an ellipsis, so rows stay on one line.
_LABEL_WIDTH = 72

_DESCRIPTION = """\
Review contracts offline: parse a PDF, DOCX, text or Markdown contract into its numbered clause tree, or
analyse it (tagged clauses, one-sided terms, drafting defects, a negotiation brief) into a report: JSON,
Markdown, one HTML page, or a Word or PDF copy of the contract with a note on each finding.

On every command, --format names what is written (the output) and --input-format how FILE is read."""

_EXAMPLES = """\
examples:
  leverage-lens parse examples/master_services_agreement.pdf
      print the clause tree: number, heading, kind and pages, indented by level
  leverage-lens parse contract.docx --json > contract.json
      the parsed Document as JSON (text, pages, clauses with character offsets)
  leverage-lens parse scan.pdf --pdf-engine pdfplumber
      layout-aware PDF extraction (slower; try it when columns or tables come out jumbled)
  leverage-lens analyze contract.pdf -o report.json
      write the Report as JSON (read it back with Report.model_validate_json)
  leverage-lens analyze contract.docx --format html -o review.html
      one offline HTML page: findings (filterable) and the contract text with each finding highlighted
  leverage-lens analyze contract.docx --format docx -o review.docx
      a copy of the contract with a Word comment on each finding (--format pdf: highlights in a PDF copy)
  leverage-lens analyze contract.pdf --format brief --ics deadlines.ics
      key terms, deadlines (who must act, by when, how it was computed) and issues; a calendar with reminders
  leverage-lens analyze contract.pdf --format md --short
      the brief and the issues to raise as Markdown, short enough for a ticket or an e-mail
  leverage-lens analyze contract.pdf --min-severity medium --disable ambiguity.vague_standard
      leave out low findings and one rule (--severity RULE=LEVEL re-grades a rule; leverage-lens rules lists them)
  leverage-lens analyze contract.pdf --write-baseline known.json, later --baseline known.json
      record today's findings, then report only new ones
  leverage-lens schema > report.schema.json
      the JSON Schema of the report, for other tools
  leverage-lens scan contracts/ -o results.jsonl --csv summary.csv --html index.html
      analyse a folder in parallel, one JSON line per file; rerun to resume after a kill
  leverage-lens compare draft.docx signed.pdf --perspective Customer --format html -o changes.html
      what changed between two versions, and who gained (also --format md, json, docx redline)
  leverage-lens analyze contract.pdf --playbook positions.yaml --perspective Customer --fail-on high
      check the contract against your own positions; exit 1 when a high-severity position fails

exit status: 0 ok, 1 findings at or above --fail-on, 2 bad input (missing, unsupported or damaged file; invalid option)"""


# ---------------------------------------------------------------------------------------- rendering ----


def _one_line(text: str, limit: int) -> str:
    """Collapse whitespace and cut to ``limit`` characters, marking the cut with an ellipsis."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: max(limit - 1, 0)].rstrip() + "\u2026"


def _clause_body(clause: Clause) -> str:
    """The clause text after its number and heading: what a reader sees when the clause has no heading."""
    cut = 0
    for span in (clause.heading_span, clause.number_span):
        if span is not None:
            cut = max(cut, span.end - clause.start)
    body = clause.text[cut:] if 0 <= cut <= len(clause.text) else clause.text
    if clause.number and cut == 0 and body.lstrip().startswith(clause.number):
        body = body.lstrip()[len(clause.number) :]
    return body.lstrip(" \t.:)\u2013\u2014-")


def _clause_label(clause: Clause) -> str:
    """Number and heading ("4.1 Term"), or number and the first words of the text when untitled."""
    parts = [clause.number] if clause.number else []
    parts.append(clause.heading if clause.heading else _one_line(_clause_body(clause), _LABEL_WIDTH))
    return " ".join(p for p in parts if p)


def _page_range(clause: Clause) -> str:
    if clause.page_start == clause.page_end:
        return f"p. {clause.page_start}"
    return f"pp. {clause.page_start}-{clause.page_end}"


def render_tree(doc: Document, *, offsets: bool = False) -> str:
    """The clause tree as aligned text for a human reader: label indented by level, kind, pages.

    A header line names the document and counts its pages and clauses. With ``offsets`` each row also
    shows the clause's ``start:end`` in ``Document.text``, the offsets the JSON output carries.
    """
    name = doc.name or "document"
    pages = len(doc.pages)
    header = (
        f"{name} \u2014 {doc.format.upper()}, {pages} page{'s' if pages != 1 else ''}, "
        f"{len(doc.clauses)} clause{'s' if len(doc.clauses) != 1 else ''}"
    )
    if not doc.clauses:
        return f"{header}\n\n(no clauses found)"
    labels = [
        "  " * c.level + _one_line(_clause_label(c), max(_LABEL_WIDTH - 2 * c.level, 12)) for c in doc.clauses
    ]
    label_width = max(len(label) for label in labels)
    kind_width = max(len(c.kind.value) for c in doc.clauses)
    rows = []
    for clause, label in zip(doc.clauses, labels):
        row = f"{label:<{label_width}}  {clause.kind.value:<{kind_width}}  {_page_range(clause)}"
        if offsets:
            row += f"  [{clause.start}:{clause.end}]"
        rows.append(row.rstrip())
    return "\n".join([header, "", *rows])


# ----------------------------------------------------------------------------------------- commands ----


def _parse_options(args: argparse.Namespace) -> dict[str, Any]:
    """Only the options the user gave, so every default comes from ParseOptions in one place."""
    options: dict[str, Any] = {}
    if getattr(args, "pdf_engine", None):
        options["pdf_engine"] = args.pdf_engine
    return options


def _require_file(path: Path) -> None:
    """Fail early and plainly on a path that is not there (or is a folder), before any loader runs."""
    if not path.exists():
        raise FileNotFoundError(f"no such file: {path}")
    if path.is_dir():
        raise _OutputError(f"{path} is a folder: 'leverage-lens scan {path} -o results.jsonl' analyses every "
                           "contract in it")


def _parse_output(args: argparse.Namespace, err: TextIO) -> str:
    """``parse --format``: the output (tree or json). An input format there is the old spelling of
    ``--input-format``: still read, with a warning, until it is removed."""
    fmt = args.output_format
    if fmt in _INPUT_FORMATS:
        err.write(f"{PROG}: warning: 'parse --format {fmt}' is deprecated: use --input-format {fmt} "
                  "(--format now names the output, tree or json, as on every other command)\n")
        if args.input_format not in (None, fmt):
            raise InvalidOptionError(f"--format {fmt} and --input-format {args.input_format} disagree; "
                                     "give --input-format only")
        args.input_format = fmt
        fmt = None
    return "json" if args.json or fmt == "json" else "tree"


def _cmd_parse(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _require_file(args.file)
    output = _parse_output(args, err)
    doc = parse(args.file, format=args.input_format, **_parse_options(args))
    if output == "json":
        out.write(doc.model_dump_json(indent=2) + "\n")
        return EXIT_OK
    out.write(render_tree(doc, offsets=args.offsets) + "\n")
    for warning in doc.warnings:
        pages = f" (pages {', '.join(map(str, warning.pages))})" if warning.pages else ""
        err.write(f"{PROG}: warning: {warning.code}: {warning.message}{pages}\n")
    return EXIT_OK


def _cmd_analyze(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    _require_file(args.file)
    if args.output_format in _REVIEW_COPIES and (args.output is None or str(args.output) == "-"):
        kind = args.output_format  # a binary copy of the original: checked before the analysis runs
        raise _OutputError(f"--format {kind} writes a file: give -o OUT (for example -o review.{kind})")
    if args.short and args.output_format != "md":
        raise _OutputError("--short shortens the Markdown report: give it with --format md")
    given = parse_party_option(args.party) if args.party else None
    playbook = None
    if getattr(args, "playbook", None) is not None:  # read and validated before the analysis runs
        from .playbook import load_playbook

        _require_file(args.playbook)
        playbook = load_playbook(args.playbook)
    registry = _registry(args)  # rule options are checked before the file is read
    doc = parse(args.file, format=args.input_format, **_parse_options(args))
    if args.output_format in _REVIEW_COPIES and doc.format != args.output_format:
        raise _OutputError(_no_review_copy(doc, args.output_format))
    report = analyze(doc, perspective=args.perspective, parties=given, registry=registry, as_of=args.as_of,
                     playbook=playbook)
    if args.ics is not None:
        try:
            report.to_ics(args.ics)
        except OSError as exc:
            raise _OutputError(f"cannot write {args.ics}: {exc.strerror or exc}") from exc
        dated = sum(d.date is not None for d in report.deadlines)
        err.write(f"wrote {args.ics} ({dated} dated deadline{'s' if dated != 1 else ''})\n")
    args.gating = _gating_findings(report, args.fail_on)  # read by _cmd_analyze_gated once the report is out
    if args.write_baseline is not None:
        _write_baseline(report, args.write_baseline, err)
    if args.min_severity:
        report = _at_least(report, args.min_severity)
    if args.output_format in _REVIEW_COPIES:
        return _write_review_copy(report, args, err)
    payload = _render_report(report, args.output_format, short=args.short)
    if args.output is None or str(args.output) == "-":
        out.write(payload)
        _party_warnings(report, err)
        return EXIT_OK
    try:
        args.output.write_text(payload, encoding="utf-8")
    except OSError as exc:
        raise _OutputError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    _party_warnings(report, err)
    err.write(
        f"wrote {args.output} ({report.summary.clause_count} clauses, {len(report.findings)} findings)\n"
    )
    return EXIT_OK


def _registry(args: argparse.Namespace) -> Any:
    """The rules to run, from --disable, --severity and --baseline (None: every built-in rule as shipped)."""
    if not (args.disable or args.severity or args.baseline):
        return None
    from .checks import Registry

    registry = Registry()
    for item in args.disable or ():
        for rule_id in filter(None, (x.strip() for x in item.split(","))):
            registry.disable(rule_id)
    for item in args.severity or ():
        rule_id, sep, level = item.partition("=")
        if not sep or level.strip().lower() not in _SEVERITIES:
            raise InvalidOptionError(f"--severity takes RULE=LEVEL with LEVEL one of {', '.join(_SEVERITIES)}, "
                                     f"not {item!r} (for example --severity ambiguity.vague_standard=info)")
        registry.regrade(rule_id.strip(), level.strip().lower())
    if args.baseline is not None:
        if not args.baseline.is_file():
            raise FileNotFoundError(f"no such file: {args.baseline} (--baseline; write one with --write-baseline)")
        registry.load_baseline(args.baseline)
    return registry


def _write_baseline(report: Report, path: Path, err: TextIO) -> None:
    from .checks import Registry

    try:
        Registry.write_baseline(report.findings, path)
    except OSError as exc:
        raise _OutputError(f"cannot write {path}: {exc.strerror or exc}") from exc
    err.write(f"wrote {path} ({len(report.findings)} findings): give --baseline {path} to leave them out of "
              "later runs\n")


def _at_least(report: Report, level: str) -> Report:
    """The report with findings below ``level`` left out (and out of the counts and the issues to raise)."""
    from collections import Counter

    kept = report.findings_at_least(level)
    if len(kept) == len(report.findings):
        return report
    ids = {f.id for f in kept}
    summary = report.summary
    brief = summary.brief
    if brief is not None:
        brief = brief.model_copy(update={"issues_to_raise": [i for i in brief.issues_to_raise if i.finding_id in ids]})
    summary = summary.model_copy(update={"findings_by_severity": dict(Counter(f.severity.value for f in kept)),
                                         "brief": brief})
    return report.model_copy(update={"findings": kept, "summary": summary})


def _no_review_copy(doc: Document, wanted: str) -> str:
    """Why there is no --format docx/pdf copy of this document, and what to give instead, in CLI terms."""
    name = doc.name or "the input"
    if doc.format in _REVIEW_COPIES:
        return (f"{name} is a {doc.format.upper()} file: its review copy is --format {doc.format} "
                f"(-o review.{doc.format}); --format html or md writes a report page for any input")
    kind = {"md": "a Markdown", "html": "an HTML"}.get(doc.format, "a text")
    return (f"{name} is {kind} file, with no Word or PDF original to annotate: use --format html or "
            "--format md for a report page")


def _party_warnings(report: Report, err: TextIO) -> None:
    """Parse health of the parties on stderr, once the report is out (an error stays a one-line error)."""
    for warning in report.warnings:
        if warning.code in ("parties_uncertain", "ledger_without_parties"):
            message = warning.message.replace("analyze(..., parties=...)", "--party ROLE=NAME")
            err.write(f"{PROG}: warning: {warning.code}: {message}\n")


def _gating_findings(report: Report, fail_on: str | None) -> int:
    """How many findings, and failed playbook positions (at their playbook severity), are at or above the
    ``--fail-on`` severity (0 without the option)."""
    if fail_on is None:
        return 0
    floor = Severity(fail_on).rank
    failed = len(report.playbook.failed(fail_on)) if report.playbook is not None else 0
    return sum(f.severity.rank >= floor for f in report.findings) + failed


def _cmd_analyze_gated(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    """``analyze`` as a pipeline gate: the report is written first, then exit 1 if findings reach --fail-on."""
    code = _cmd_analyze(args, out, err)
    gating = getattr(args, "gating", 0)
    if code == EXIT_OK and gating:
        what = ("finding" if gating == 1 else "findings") if getattr(args, "playbook", None) is None else (
            "finding or failed position" if gating == 1 else "findings or failed positions")
        err.write(f"{PROG}: {gating} {what} at or above {args.fail_on} (--fail-on)\n")
        return EXIT_FINDINGS
    return code


#: ``analyze --format``: how the Report is written. Each view comes from the Report alone.
_REPORT_FORMATS: dict[str, Callable[[Report, bool], str]] = {
    "json": lambda report, short: report.to_json(indent=2) + "\n",
    "md": lambda report, short: report.to_markdown(short=short) + "\n",
    "html": lambda report, short: report.to_html(),
    "brief": lambda report, short: _brief_text(report),
}
_INPUT_FORMATS = ("pdf", "docx", "txt", "md", "html")
_SEVERITIES = tuple(s.value for s in Severity)


def _brief_text(report: Report) -> str:
    from .report.brief_view import brief_text

    return brief_text(report)


def _render_report(report: Report, output_format: str, *, short: bool = False) -> str:
    return _REPORT_FORMATS[output_format](report, short)


#: ``analyze --format docx|pdf``: a copy of the original file with a comment or highlight per finding.
_REVIEW_COPIES = ("docx", "pdf")


def _write_review_copy(report: Report, args: argparse.Namespace, err: TextIO) -> int:
    """Write the review copy to OUT, then say how many notes landed on exactly their finding's text."""
    copy = report.to_docx(None) if args.output_format == "docx" else report.to_pdf(None)
    try:
        copy.write(args.output)
    except OSError as exc:
        raise _OutputError(f"cannot write {args.output}: {exc.strerror or exc}") from exc
    exact = sum(a.mode == "exact" for a in copy.anchors)
    note = "comment" if args.output_format == "docx" else "highlight"
    positions = sum(a.finding_id.startswith("playbook:") for a in copy.anchors)
    also = f" and {positions} failed playbook position{'s' if positions != 1 else ''}" if positions else ""
    err.write(f"wrote {args.output} ({len(copy.anchors) - positions} findings{also}, each with a {note}; {exact} on "
              "exactly their text)\n")
    return EXIT_OK


def _cmd_schema(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    out.write(json.dumps(Report.model_json_schema(), indent=2) + "\n")
    return EXIT_OK


def _cmd_rules(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from . import rules

    if args.markdown:
        from .checks.docs import rules_markdown

        out.write(rules_markdown(r for r in rules() if not args.kind or r.kind == args.kind))
        return EXIT_OK
    for r in rules():
        if args.kind and r.kind != args.kind:
            continue
        out.write((r.doc() + "\n\n") if args.docs else f"{r.id:<44} {r.severity.value:<8} {r.title}\n")
    return EXIT_OK


def _cmd_eval_claudette(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .evaluate.command import require_sklearn
    from .training.claudette import run

    require_sklearn("eval claudette")
    directory = args.dir  # the shared data folder, as for eval cuad, or its claudette/ folder
    if not (directory / "sentences.jsonl").exists() and (directory / "claudette").is_dir():
        directory = directory / "claudette"
    result = run(directory, save=args.save, cv_repeats=args.cv_repeats)
    out.write(result.table() + "\n")
    if args.save:
        err.write(f"wrote {args.save}\n")
    return EXIT_OK


class _OutputError(Exception):
    """The report could not be written where the user asked; reported like bad input (exit 2)."""


# ------------------------------------------------------------------------------------------- parser ----


def _add_input_arguments(sub: argparse.ArgumentParser) -> None:
    sub.add_argument("file", type=Path, metavar="FILE", help="the contract: .pdf, .docx, .txt or .md")
    sub.add_argument(
        "--input-format",
        dest="input_format",
        choices=_INPUT_FORMATS,
        help="read FILE as this format (default: told from its bytes, then its extension)",
    )
    sub.add_argument(
        "--pdf-engine",
        choices=("pdfium", "pdfplumber"),
        help="PDF text extraction: pdfium (default, fast) or pdfplumber (layout-aware, much slower)",
    )


def build_parser() -> argparse.ArgumentParser:
    """The argument parser, exposed so docs and tests can inspect the interface."""
    parser = argparse.ArgumentParser(
        prog=PROG,
        description=_DESCRIPTION,
        epilog=_EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    p = commands.add_parser(
        "parse",
        help="print a contract's clause tree (or the parsed Document as JSON)",
        description="Parse FILE and print its clause tree: number, heading, kind and page range,\n"
        "indented by level. Parse warnings go to stderr.",
        epilog="example:\n  leverage-lens parse examples/master_services_agreement.docx",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_arguments(p)
    p.add_argument("--format", dest="output_format", choices=("tree", "json", *_INPUT_FORMATS),
                   metavar="{tree,json}", help="what to print: tree (default) or json (the Document with every "
                   "offset); an input format here is the old spelling of --input-format (deprecated)")
    p.add_argument("--json", action="store_true", help="same as --format json")
    p.add_argument("--offsets", action="store_true", help="show each clause's start:end in the text")
    p.set_defaults(handler=_cmd_parse)

    a = commands.add_parser(
        "analyze",
        help="analyse a contract and write the Report (JSON, Markdown or HTML)",
        description="Parse and analyse FILE, writing the Report to stdout or to OUT: as JSON (default),\n"
        "Markdown, or one self-contained HTML page with the findings highlighted in the text.",
        epilog="examples:\n  leverage-lens analyze examples/master_services_agreement.pdf -o report.json\n"
        "  leverage-lens analyze examples/master_services_agreement.docx --format html -o review.html",
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    _add_input_arguments(a)
    a.add_argument("--format", dest="output_format", choices=(*_REPORT_FORMATS, *_REVIEW_COPIES),
                   default="json",
                   help="how to write the Report: json (default), md (Markdown), html (self-contained page) or "
                   "brief (key terms, deadlines and issues as plain text); "
                   "docx / pdf: a copy of the original with a Word comment / highlight on each finding (needs -o)")
    a.add_argument("-o", "--output", type=Path, metavar="OUT", help="write the report here (default: stdout)")
    a.add_argument("--perspective", metavar="PARTY",
                   help="read as this party (name, alias or role): marks findings against you, scores leverage")
    a.add_argument("--party", action="append", metavar="ROLE=NAME",
                   help='name a principal party yourself when the reading is wrong, e.g. --party Customer="Acme '
                   'Inc." --party Provider="Beta LLC" (repeatable); findings and the scorecard use them')
    a.add_argument("--as-of", metavar="DATE",
                   help="roll renewal and notice deadlines forward to this day (YYYY-MM-DD; default today)")
    a.add_argument("--ics", type=Path, metavar="ICS",
                   help="also write the dated deadlines as an iCalendar file with reminders (RFC 5545)")
    a.add_argument("--short", action="store_true",
                   help="with --format md: only the header, the key terms, the issues to raise and the failed "
                   "playbook positions")
    a.add_argument("--fail-on", metavar="SEVERITY", choices=_SEVERITIES,
                   help="exit with status 1 when any finding (or failed playbook position, at its playbook "
                   "severity) is at or above SEVERITY (info, low, medium, high, critical), after writing the "
                   "report: a gate for CI pipelines (counts every finding the rules report, before "
                   "--min-severity)")
    a.add_argument("--playbook", type=Path, metavar="PLAYBOOK",
                   help="check the contract against your positions (a YAML or JSON playbook; start from "
                   "leverage-lens playbook init --side customer): results open the brief and every view")
    rules = a.add_argument_group("rules and findings")
    rules.add_argument("--min-severity", metavar="SEVERITY", choices=_SEVERITIES,
                       help="leave findings below SEVERITY out of the report (info, low, medium, high, critical)")
    rules.add_argument("--disable", action="append", metavar="RULE",
                       help="do not run RULE (repeatable, or comma-separated); 'leverage-lens rules' lists them")
    rules.add_argument("--severity", action="append", metavar="RULE=LEVEL",
                       help="re-grade a rule, e.g. --severity ambiguity.vague_standard=info (repeatable)")
    rules.add_argument("--baseline", type=Path, metavar="FILE",
                       help="leave out findings recorded in FILE (a baseline written by --write-baseline)")
    rules.add_argument("--write-baseline", type=Path, metavar="FILE",
                       help="record this run's findings in FILE, so later runs with --baseline FILE show only "
                       "new ones")
    a.set_defaults(handler=_cmd_analyze_gated)

    s = commands.add_parser(
        "schema",
        help="print the JSON Schema of the Report",
        description="Print Report.model_json_schema() as JSON, for validating reports in other tools.",
    )
    s.set_defaults(handler=_cmd_schema)

    r = commands.add_parser("rules", help="list the checks (id, severity, description)",
                            description="List every registered rule; --docs prints each with its examples.")
    r.add_argument("--docs", action="store_true", help="full Markdown description of each rule")
    r.add_argument("--kind", choices=("one_sided", "ambiguity", "parse"), help="only rules of this kind")
    r.add_argument("--markdown", action="store_true", help="the whole reference page (docs/rules.md)")
    r.set_defaults(handler=_cmd_rules)

    ev = commands.add_parser("eval", help="evaluate on the shared data sets (needs the [eval] extra)")
    evs = ev.add_subparsers(dest="dataset", required=True, metavar="DATASET")
    ec = evs.add_parser("claudette", help="CLAUDETTE unfair-term types: system vs TF-IDF + SVM baseline",
                        description="Train on the train companies of DIR, report per-type P/R/F1 and macro-F1 "
                        "on the validation companies (span overlap with level-2/3 gold), with the baseline.")
    ec.add_argument("dir", type=Path, metavar="DIR",
                    help="the shared data folder or its claudette/ folder (sentences.jsonl, tagged/)")
    ec.add_argument("--save", type=Path, metavar="MODEL", help="also write the trained model JSON here")
    ec.add_argument("--cv-repeats", type=int, default=0, metavar="N",
                    help="also cross-validate on N shuffled company partitions of the train companies (about 20 s each)")
    ec.set_defaults(handler=_cmd_eval_claudette)

    from .evaluate.command import add_tagging_parsers  # taxonomy, eval cuad, train tagger

    add_tagging_parsers(commands, evs)

    from .batch.command import add_scan_parser  # the scan subcommand lives with the batch package

    add_scan_parser(commands)

    from .comparison.command import add_compare_parser  # the compare subcommand lives with its package

    add_compare_parser(commands)

    from .playbook.command import add_playbook_parser  # validate / init / schema / check

    add_playbook_parser(commands)
    return parser


# --------------------------------------------------------------------------------------------- main ----


def _error(err: TextIO, message: str) -> int:
    err.write(f"{PROG}: error: {_one_line(message, 10_000)}\n")
    return EXIT_BAD_INPUT


def _tolerate_unencodable_output() -> None:
    """Replace characters the terminal cannot show (curly quotes on a cp1252 console) instead of failing."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure: Callable[..., None] | None = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="replace")
            except (ValueError, OSError):  # a detached or closed stream: leave it as it is
                pass


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line with ``argv`` (default ``sys.argv[1:]``) and return the exit code.

    Returns instead of exiting, so tests and other programs can call it; the console script and
    ``python -m leverage_lens`` pass the result to ``sys.exit``.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(list(argv) if argv is not None else None)
    except SystemExit as exc:  # --help, --version and usage errors: argparse has already printed
        return exc.code if isinstance(exc.code, int) else (EXIT_OK if exc.code is None else EXIT_BAD_INPUT)
    _tolerate_unencodable_output()
    out, err = sys.stdout, sys.stderr
    try:
        code: int = args.handler(args, out, err)
        out.flush()
        return code
    except LeverageLensError as exc:
        return _error(err, str(exc) or type(exc).__name__)
    except FileNotFoundError as exc:
        return _error(err, f"no such file: {exc.filename}" if exc.filename else str(exc))
    except OSError as exc:
        if isinstance(exc, BrokenPipeError):
            return _quiet_broken_pipe()
        target = f"{exc.filename}: " if exc.filename else ""
        return _error(err, f"cannot read {target}{exc.strerror or exc}")
    except _OutputError as exc:
        return _error(err, str(exc))
    except KeyboardInterrupt:
        err.write(f"{PROG}: interrupted\n")
        return EXIT_INTERRUPTED


def _quiet_broken_pipe() -> int:
    """The reader went away (``leverage-lens parse x.pdf | head``); that is not an error worth a trace."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover - ``python -m leverage_lens.cli``
    sys.exit(main())
