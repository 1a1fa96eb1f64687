"""SEC-style HTML exhibits built from CUAD text: do they parse into the same clause tree as the text?

EDGAR exhibits reach data rooms as ``.htm`` files and as ``.txt`` submissions wrapping the HTML in SGML
(``<DOCUMENT><TYPE>EX-10.1 ... <TEXT><html>...``). This builds such exhibits from an evenly spaced sample of
the CUAD plain texts, the way filers' tools lay them out:

* every paragraph (a line of the text) is a ``<p>``; lines in capitals are centred and bold;
* numbered paragraphs ("1.1 Term ...", "(a) ...") alternate between two layouts: the number in its own
  table cell beside the clause (``<tr><td>1.1</td><td>Term ...</td></tr>``), and the number spaced from
  the clause with ``&nbsp;`` in a ``<p>``;
* lines the text aligns in columns (runs of three or more spaces) become rows of a bordered table;
* characters are escaped as HTML entities; odd exhibits are saved as ``.txt`` with the EDGAR wrapper,
  even ones as ``.htm``.

Each exhibit is parsed with ``leverage_lens.parse`` and compared with ``parse_text`` of the same text:
numbered clauses as ``(number, heading, level)``, aligned on their numbers (``difflib``). Score: equal
clauses / max(clauses in the text parse, clauses in the HTML parse); also whether the rendered text equals
the text's paragraphs (whitespace folded).

    python bench/bench_html.py [--data ../shared/data] [--limit 8] [--show 5]
"""

from __future__ import annotations

import argparse
import difflib
import html
import re
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import leverage_lens as ll  # noqa: E402

_NUMBERED = re.compile(r"(\d{1,2}(?:\.\d{1,2})*\.?|\([a-z0-9]{1,4}\)|[A-Z]\.)\s+(\S.*)")
_COLUMNS = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|$)")


def exhibit(text: str, wrap: bool) -> bytes:
    """The HTML a filer's tool would make of ``text`` (module notes)."""
    body: list[str] = []
    numbered = 0
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if re.search(r"\S\s{3,}\S", stripped) and len(_COLUMNS.findall(stripped)) >= 2:
            cells = "".join(f"<td>{html.escape(c)}</td>" for c in _COLUMNS.findall(stripped))
            body.append(f'<table border="1" cellpadding="2"><tr>{cells}</tr></table>')
            continue
        m = _NUMBERED.fullmatch(stripped)
        if m:
            numbered += 1
            number, rest = html.escape(m.group(1)), html.escape(m.group(2))
            if numbered % 2:
                body.append(f'<table width="100%"><tr><td width="8%" valign="top">{number}</td>'
                            f"<td>{rest}</td></tr></table>")
            else:
                body.append(f'<p style="margin-top:6pt">{number}&nbsp;&nbsp;&nbsp;{rest}</p>')
            continue
        letters = [c for c in stripped if c.isalpha()]
        if letters and len(stripped) < 100 and sum(c.isupper() for c in letters) >= 0.9 * len(letters):
            body.append(f'<p align="center"><font style="font-weight:bold">{html.escape(stripped)}</font></p>')
        else:
            body.append(f"<p>{html.escape(stripped)}</p>")
    page = "<html><head><title>Exhibit</title></head><body>\n" + "\n".join(body) + "\n</body></html>"
    if wrap:
        page = f"<DOCUMENT>\n<TYPE>EX-10.1\n<SEQUENCE>2\n<FILENAME>ex10-1.htm\n<TEXT>\n{page}\n</TEXT>\n</DOCUMENT>\n"
    return page.encode("utf-8")


def tree(doc: ll.Document) -> list[tuple[str, str, int]]:
    return [(c.number or "", (c.heading or "").lower(), c.level) for c in doc.clauses if c.number]


def compare(a: list[tuple[str, str, int]], b: list[tuple[str, str, int]]) -> tuple[int, int, list[str]]:
    matcher = difflib.SequenceMatcher(a=[x[0] for x in a], b=[x[0] for x in b], autojunk=False)
    equal, diffs = 0, []
    for op, a0, a1, b0, b1 in matcher.get_opcodes():
        if op == "equal":
            for x, y in zip(a[a0:a1], b[b0:b1]):
                if x == y:
                    equal += 1
                else:
                    diffs.append(f"{x} / {y}")
        else:
            diffs.append(f"{op}: text {[x[0] for x in a[a0:a1]][:6]} / html {[x[0] for x in b[b0:b1]][:6]}")
    return equal, max(len(a), len(b)), diffs


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=8)
    parser.add_argument("--show", type=int, default=5)
    args = parser.parse_args(argv)
    texts = sorted((args.data / "cuad" / "txt").glob("*.txt"))
    if not texts:
        print(f"no CUAD texts under {args.data}", file=sys.stderr)
        return 1
    step = len(texts) / args.limit
    sample = [texts[int(k * step)] for k in range(args.limit)]
    total_equal = total = same_text = 0
    with tempfile.TemporaryDirectory() as tmp:
        for k, path in enumerate(sample):
            text = path.read_text(encoding="utf-8")
            wrap = bool(k % 2)
            out = Path(tmp) / f"{path.stem[:40]}{'.txt' if wrap else '.htm'}"
            out.write_bytes(exhibit(text, wrap))
            doc = ll.parse(out)
            assert doc.format == "html", (out.name, doc.format)
            equal, denominator, diffs = compare(tree(ll.parse_text(text)), tree(doc))
            folded = " ".join(text.split()) == " ".join(doc.text.split())
            same_text += folded
            total_equal += equal
            total += denominator
            print(f"{equal:4}/{denominator:<4} {equal / max(denominator, 1):6.3f}  text {'same' if folded else 'DIFFERS'}"
                  f"  {out.suffix:4} {path.stem[:70]}")
            for d in diffs[: args.show]:
                print(f"      {d}")
    print(f"\n{len(sample)} exhibits: {total_equal}/{total} numbered clauses equal = {total_equal / total:.3f}; "
          f"rendered text equal to the text (whitespace folded) in {same_text}/{len(sample)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
