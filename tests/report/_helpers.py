"""Shared builders and an HTML reader for the view tests: reports made in code, markup checked by parsing."""

from __future__ import annotations

from collections import defaultdict
from html.parser import HTMLParser

from leverage_lens import parse_text
from leverage_lens.model import Finding, Report, Severity

HOSTILE_CONTRACT = """\
SERVICES AGREEMENT

1. FEES

1.1 Customer shall pay <script>alert("x")</script> & all fees within thirty (30) days.

1.2 Provider may change the Fees at any time in its sole discretion.

2. LIABILITY

2.1 Provider's liability is limited to the fees paid | in the last month.
"""

_VOID = {"meta", "br", "hr", "img", "input", "link", "wbr", "col", "area", "base", "source"}


def finding(start: int, end: int, text: str, *, rule: str = "test.rule", severity: Severity = Severity.LOW,
            family: str = "drafting", fid: str | None = None, clause_id: str | None = None) -> Finding:
    return Finding(
        id=fid or f"{rule}-{start}-{end}", kind="ambiguity", rule=rule, family=family, severity=severity,
        clause_id=clause_id, start=start, end=end, quote=text[start:end], message=f"message for {rule}",
        suggestion=f"suggestion for {rule}",
    )


def report_with(text: str, spans: list[tuple[int, int]], **kwargs: object) -> Report:
    """A report over ``parse_text(text)`` with one finding per ``(start, end)``."""
    doc = parse_text(text, name="fixture.txt")
    findings = [
        finding(s, e, text, rule=f"test.r{i}", clause_id=(doc.clause_at(s).id if doc.clause_at(s) else None),
                **kwargs)  # type: ignore[arg-type]
        for i, (s, e) in enumerate(spans)
    ]
    return Report(document=doc, findings=findings)


class PageReader(HTMLParser):
    """Parses a page strictly: every end tag must close the innermost open element (no crossed markup).

    Collects the text inside ``#text``, the text of each finding's marks (by the ids in ``data-f``), every
    element id, every ``href`` and the tags seen, so tests can check what a reader would see.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, dict[str, str | None]]] = []
        self.errors: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self.tags: defaultdict[str, int] = defaultdict(int)
        self.text_parts: list[str] = []
        self.marked: defaultdict[str, list[str]] = defaultdict(list)
        self.mark_ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        self.tags[tag] += 1
        if a.get("id"):
            self.ids.append(a["id"] or "")
        if a.get("href"):
            self.hrefs.append(a["href"] or "")
        if tag == "mark" and a.get("id"):
            self.mark_ids.append(a["id"] or "")
        if tag not in _VOID:
            self.stack.append((tag, a))

    def handle_endtag(self, tag: str) -> None:
        if not self.stack or self.stack[-1][0] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1][0] if self.stack else 'nothing'}")
            return
        self.stack.pop()

    def _inside_text(self) -> bool:
        return any(a.get("id") == "text" for _, a in self.stack)

    def handle_data(self, data: str) -> None:
        if not self._inside_text():
            return
        self.text_parts.append(data)
        marks = [a for t, a in self.stack if t == "mark"]
        for a in marks:
            for fid in (a.get("data-f") or "").split():
                self.marked[fid].append(data)

    @property
    def text(self) -> str:
        return "".join(self.text_parts)


def read_page(page: str) -> PageReader:
    reader = PageReader()
    reader.feed(page)
    reader.close()
    return reader
