"""Markdown forms against the DOCX of the same form: do both give the same numbered sections and headings?

For each Common Paper form with both a published Markdown source (``versions/<form>/NN_<commit>.md``, the
newest version) and a Word edition (``docx/templates/common-paper-cc-by-4.0/<form>/template.docx``), both
are parsed with ``leverage_lens.parse`` and their numbered clauses (kind section or definition) compared as
``(number, heading)`` pairs. The Word edition also holds the Order Form (cover page) before the Standard
Terms, which the Markdown source does not: the comparison starts at the DOCX clause that matches the
Markdown's first section. The two lists are aligned on their numbers (``difflib``), and a section counts as
equal when number and heading are the same after folding quotes, case and spacing. Score per form: equal
sections / max(sections in the Markdown, sections in the DOCX part compared), with the number's decoration
folded ("(a)" and "a." are the same item: the Word edition prints lettered items in parentheses where the
Markdown source writes "a."), and strict, decoration included. Differences are printed so a
reader can tell genuine differences between the editions (a clause the other edition lacks, a heading
worded differently, sub-items the DOCX numbers and the Markdown writes inline) from loader errors.

    python bench/bench_markdown.py [--data ../shared/data] [--show N]
"""

from __future__ import annotations

import argparse
import difflib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens as ll  # noqa: E402

FORMS = {  # versions/<name> -> docx template folder
    "Design-Partner-Agreement": "common-paper-design-partner-agreement",
    "PSA": "common-paper-professional-services-agreement",
    "Partnership-Agreement": "common-paper-partnership-agreement",
    "Pilot-Agreement": "common-paper-pilot-agreement",
    "SLA": "common-paper-csa-with-sla",
}
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-"})


def norm(value: str | None) -> str:
    return " ".join((value or "").translate(_FOLD).lower().rstrip(".").split())


def sections(doc: ll.Document) -> list[tuple[str, str]]:
    return [(norm(c.number), norm(c.heading)) for c in doc.clauses
            if c.number and c.kind.value in ("section", "definition")]


def plain(number: str) -> str:
    """A number without its decoration: "(a)" and "a." are the same item printed in two styles."""
    return number.strip("().")


def folded(items: list[tuple[str, str]]) -> list[tuple[str, str]]:
    return [(plain(n), h) for n, h in items]


def compare(md: list[tuple[str, str]], docx: list[tuple[str, str]]) -> tuple[int, int, list[str]]:
    """Equal sections, the denominator, and the differences in words."""
    first = next((k for k, s in enumerate(docx) if md and s == md[0]), None)
    if first is None:
        first = next((k for k, s in enumerate(docx) if md and s[0] == md[0][0]), 0)
    docx = docx[first:]
    matcher = difflib.SequenceMatcher(a=[n for n, _ in md], b=[n for n, _ in docx], autojunk=False)
    equal = 0
    diffs: list[str] = []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for a, b in zip(md[a0:a1], docx[b0:b1]):
                if a[1] == b[1]:
                    equal += 1
                else:
                    diffs.append(f"heading of {a[0]}: md {a[1]!r} / docx {b[1]!r}")
        else:
            diffs.append(f"{op}: md {[n for n, _ in md[a0:a1]]} / docx {[n for n, _ in docx[b0:b1]]}")
    return equal, max(len(md), len(docx)), diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--show", type=int, default=8, help="differences printed per form")
    args = parser.parse_args(argv)
    total_equal = total_strict = total = 0
    print(f"{'form':28} {'md':>4} {'docx':>5} {'equal':>6} {'share':>7} {'strict':>7}")
    for form, folder in FORMS.items():
        versions = sorted((args.data / "versions" / form).glob("*.md"))
        docx_path = args.data / "docx" / "templates" / "common-paper-cc-by-4.0" / folder / "template.docx"
        if not versions or not docx_path.exists():
            print(f"{form:28} missing data")
            continue
        md = sections(ll.parse(versions[-1]))
        docx = sections(ll.parse(docx_path))
        strict, _, _ = compare(md, docx)
        equal, denominator, diffs = compare(folded(md), folded(docx))
        total_strict += strict
        total_equal += equal
        total += denominator
        print(f"{form:28} {len(md):4} {denominator:5} {equal:6} {equal / denominator:7.3f} {strict / denominator:7.3f}"
              f"   ({versions[-1].name})")
        for d in diffs[: args.show]:
            print(f"    {d}")
        if len(diffs) > args.show:
            print(f"    ... {len(diffs) - args.show} more")
    if not total:
        print("no forms found", file=sys.stderr)
        return 1
    print(f"\nall forms: {total_equal}/{total} sections equal = {total_equal / total:.3f} "
          f"(strict, with the label style \"a.\" vs \"(a)\" counted as a difference: {total_strict / total:.3f})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
