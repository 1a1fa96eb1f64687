"""Word numbering as the DOCX loader renders it, for eyeballing, plus the loader's speed.

1. For each Common Paper form in ``../shared/data/docx``, every numbered paragraph: indent by list level,
   the label as Word displays it, the first words of the paragraph.
2. Timing over every shared DOCX (each file loaded ``--repeat`` times, best run kept): documents per
   second and the slowest file.
3. With ``--compare-libreoffice`` (needs ``soffice`` on PATH), each file is also exported to text by
   LibreOffice, which draws list numbers into its text export; every labelled paragraph is compared with
   LibreOffice's line for the same text. LibreOffice is a second implementation of Word's numbering, not
   Word itself (it ignores ``w:isLgl``, for one), so a disagreement is a lead to check, not a verdict.

    python bench/docx_numbering_report.py [--data ../shared/data] [--forms-only] [--compare-libreoffice]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from leverage_lens.load._types import Loaded
from leverage_lens.load.docx import load_docx
from leverage_lens.options import ParseOptions

OPTIONS = ParseOptions()


def first_words(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "\u2026"


def print_numbering(path: Path, loaded: Loaded) -> None:
    numbered = [b for b in loaded.blocks if b.label]
    print(f"\n== {path.parent.name}: {len(numbered)} numbered paragraphs")
    for b in numbered:
        body = loaded.text[b.label_end : b.end]
        print(f"  {'  ' * (b.list_level or 0)}{b.label:<8} {first_words(body)}")


def time_all(paths: list[Path], repeat: int) -> None:
    blobs = [(p, p.read_bytes()) for p in paths]
    best: dict[Path, float] = {}
    for _ in range(repeat):
        for path, data in blobs:
            started = time.perf_counter()
            load_docx(data, OPTIONS, path.name)
            elapsed = time.perf_counter() - started
            best[path] = min(elapsed, best.get(path, elapsed))
    total = sum(best.values())
    slowest = max(best, key=best.__getitem__)
    print(
        f"\n{len(paths)} DOCX in {total:.2f} s (best of {repeat}): {len(paths) / total:.0f} docs/s; "
        f"slowest {best[slowest] * 1000:.0f} ms ({slowest.parent.name})"
    )


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def compare_libreoffice(paths: list[Path]) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("\n--compare-libreoffice: soffice not found on PATH; skipped")
        return
    agree = disagree = 0
    with tempfile.TemporaryDirectory() as tmp:
        for i, path in enumerate(paths):
            src = Path(tmp) / f"doc{i}.docx"
            shutil.copyfile(path, src)
            subprocess.run(
                [soffice, "--headless", "--convert-to", "txt:Text (encoded):UTF8", "--outdir", tmp, str(src)],
                capture_output=True,
                timeout=300,
                check=False,
            )
            out = src.with_suffix(".txt")
            if not out.exists():
                print(f"  LibreOffice could not convert {path}")
                continue
            theirs = [_norm(line) for line in out.read_text(encoding="utf-8-sig").splitlines()]
            loaded = load_docx(path.read_bytes(), OPTIONS, path.name)
            cursor = 0
            for b in loaded.blocks:
                body = _norm(loaded.text[(b.label_end or b.start) : b.end])
                if len(body) < 4:
                    continue
                hit = next((k for k in range(cursor, len(theirs)) if theirs[k].endswith(body)), None)
                if hit is None:
                    continue
                cursor = hit + 1
                prefix = theirs[hit][: len(theirs[hit]) - len(body)].strip()
                if not b.label and not prefix.strip("\u2022\u25e6\u25aa\u00a7-o "):
                    continue  # bullets: LibreOffice prints a glyph, the loader inserts nothing
                if prefix == (b.label or ""):
                    agree += 1
                else:
                    disagree += 1
                    print(
                        f"  {path.parent.name}: ours {b.label!r} LibreOffice {prefix!r}: {first_words(body, 50)}"
                    )
    print(f"\nLibreOffice comparison: {agree} paragraphs agree, {disagree} disagree")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per file (best kept)")
    parser.add_argument("--forms-only", action="store_true", help="skip timing")
    parser.add_argument("--compare-libreoffice", action="store_true")
    args = parser.parse_args(argv)
    root = args.data / "docx" / "templates"
    if not root.is_dir():
        print(f"no DOCX data at {root}", file=sys.stderr)
        return 2
    paths = sorted(root.rglob("*.docx"))
    for path in sorted((root / "common-paper-cc-by-4.0").glob("*/template.docx")):
        print_numbering(path, load_docx(path.read_bytes(), OPTIONS, path.name))
    if not args.forms_only:
        time_all(paths, args.repeat)
    if args.compare_libreoffice:
        compare_libreoffice(paths)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
