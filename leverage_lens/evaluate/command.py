"""The tagging subcommands of ``leverage-lens``: ``taxonomy``, ``eval cuad`` and ``train tagger``.

They live here, beside the code they drive, and ``leverage_lens.cli`` only attaches them, so the main CLI
module stays a thin dispatcher. Like every command, they print; the functions they call do not.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

__all__ = ["add_tagging_parsers", "require_sklearn"]

_DATA = Path("../shared/data")


def require_sklearn(command: str) -> None:
    """Say that scikit-learn is missing before minutes of loading data, not after."""
    try:
        import sklearn  # noqa: F401
    except ImportError as exc:
        from ..errors import EvalDependencyError

        raise EvalDependencyError(f"'leverage-lens {command}' needs scikit-learn, which is not installed: "
                                  "pip install 'leverage-lens[eval]'") from exc


def _cmd_taxonomy(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .. import taxonomy

    tax = taxonomy.load(args.file) if args.file else taxonomy.default()
    if args.markdown is not None:
        text = taxonomy.to_markdown(tax) + "\n"
        if str(args.markdown) == "-":
            out.write(text)
        else:
            args.markdown.write_text(text, encoding="utf-8")
            err.write(f"wrote {args.markdown} ({len(tax)} categories)\n")
        return 0
    for cat in tax.categories:
        cuad = f"  [CUAD: {', '.join(cat.cuad)}]" if cat.cuad else ""
        out.write(f"{cat.id:<40} {cat.name}{cuad}\n")
    return 0


def _cmd_eval_cuad(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from .cuad import evaluate_cuad

    def log(msg: str) -> None:
        err.write(msg + "\n")
        err.flush()

    result = evaluate_cuad(args.dir, split=args.split, limit=args.limit, baseline=not args.no_baseline, log=log)
    text = result.to_markdown()
    out.write(text)
    if args.write is not None:
        args.write.write_text(text, encoding="utf-8")
        err.write(f"wrote {args.write}\n")
    return 0


def _cmd_train_tagger(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    require_sklearn("train tagger")
    from ..tag.pipeline import model_path
    from ..training.tagger import train

    def log(msg: str) -> None:
        err.write(msg + "\n")
        err.flush()

    train(args.data, args.out or model_path(), limit=args.limit, log=log)
    return 0


def add_tagging_parsers(commands: Any, evals: Any) -> None:
    """Attach ``taxonomy`` and ``train`` to the top-level subcommands and ``cuad`` to ``eval``."""
    t = commands.add_parser("taxonomy", help="list the leverage taxonomy's categories (or write its docs page)",
                            description="List every category (id, name, CUAD labels) of the taxonomy.")
    t.add_argument("--markdown", type=Path, nargs="?", const=Path("-"), metavar="OUT",
                   help="write the Markdown docs page to OUT (default: stdout), e.g. docs/taxonomy.md")
    t.add_argument("--file", type=Path, help="a taxonomy JSON file of your own instead of the packaged one")
    t.set_defaults(handler=_cmd_taxonomy)

    ec = evals.add_parser(
        "cuad", help="clause tagger vs TF-IDF + LR baseline on held-out CUAD contracts",
        description="Split DIR's contracts by contract (or use --split), tag the held-out ones and report "
        "per-category and per-family precision, recall and F1 at clause and contract level, with a TF-IDF + "
        "logistic-regression baseline over paragraphs on the same split.",
    )
    ec.add_argument("dir", type=Path, metavar="DIR", help="the shared data folder or its cuad/ folder")
    ec.add_argument("--split", type=Path, metavar="JSON",
                    help='{"train": [doc_id, ...], "held-out": [...]}; retrains the tagger on its train side')
    ec.add_argument("--limit", type=int, help="score at most N held-out contracts (smoke runs)")
    ec.add_argument("--no-baseline", action="store_true", help="skip the TF-IDF baseline")
    ec.add_argument("--write", type=Path, metavar="OUT", help="also write the Markdown tables here")
    ec.set_defaults(handler=_cmd_eval_cuad)

    tr = commands.add_parser("train", help="train a model shipped in models/ (needs the [eval] extra)")
    trs = tr.add_subparsers(dest="model", required=True, metavar="MODEL")
    tt = trs.add_parser("tagger", help="the clause tagger, from CUAD",
                        description="Train the clause tagger on the train part of CUAD and write it to "
                        "models/leverage_lens_tagger (or --out).")
    tt.add_argument("--data", type=Path, default=_DATA, help="the shared data folder (default: ../shared/data)")
    tt.add_argument("--out", type=Path, help="output folder (default: the packaged models/leverage_lens_tagger)")
    tt.add_argument("--limit", type=int, help="at most N contracts per part (smoke runs)")
    tt.set_defaults(handler=_cmd_train_tagger)
