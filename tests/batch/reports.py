"""Reports built by hand, with the tags and findings a tagged analysis would give, for the folder tests.

Built from ``parse_text`` (real clause trees) plus synthetic :class:`Tag`/:class:`Finding` objects, so the
folder summary and norm are tested now and light up unchanged when tagging and checks fill real Reports.
"""

from __future__ import annotations

import leverage_lens
from leverage_lens import Finding, Report, Severity, Summary, Tag
from leverage_lens.batch.digest import digest
from leverage_lens.batch.records import ScanSuccess, decode_line, encode_success

CAP_NORM = (
    "{n}. LIMITATION OF LIABILITY. In no event shall either party's aggregate liability under this Agreement "
    "exceed the fees paid by {party} in the twelve (12) months before the claim, except for breach of "
    "confidentiality."
)
CAP_ODD = (
    "{n}. LIMITATION OF LIABILITY. Supplier's total liability is unlimited for indemnified claims and otherwise "
    "capped at five million dollars; Customer bears all consequential losses whatever their cause."
)
RENEWAL = "{n}. RENEWAL. This Agreement renews automatically for successive one-year terms unless terminated."


def tagged_report(name: str, clauses: dict[str, str], findings: list[tuple[str, str]] = ()) -> Report:  # type: ignore[assignment]
    """A Report whose numbered clauses are tagged with the given categories (category -> clause text)."""
    text = "\n\n".join(body.format(n=i + 1, party=name.title()) for i, body in enumerate(clauses.values()))
    doc = leverage_lens.parse_text(text, name=name)
    tops = [c for c in doc.clauses if c.level == 0]
    assert len(tops) == len(clauses), doc.outline()
    tagged = []
    for clause in doc.clauses:
        extra = []
        if clause in tops:
            category = list(clauses)[tops.index(clause)]
            extra = [Tag(category=category, family=category.split(".")[0], confidence=0.9, source="rule")]
        tagged.append(clause.model_copy(update={"tags": extra}))
    found = [
        Finding(
            id=f"f{i}",
            kind="one_sided",
            rule=f"rule.{fam}",
            family=fam,
            severity=Severity(sev),
            start=0,
            end=5,
            quote=text[:5],
            message="m",
        )
        for i, (fam, sev) in enumerate(findings)
    ]
    return Report(
        document=doc.model_copy(update={"clauses": tagged}),
        findings=found,
        summary=Summary(clause_count=len(tagged), page_count=1, character_count=len(text)),
    )


def as_record(path: str, report: Report) -> ScanSuccess:
    """The record a scan would have yielded for this Report (through a real results line)."""
    meta = ScanSuccess(
        path=path,
        sha256="x",
        options_key="k",
        pages=1,
        clauses=len(report.clauses),
        findings=len(report.findings),
        digest=digest(report),
    )
    record = decode_line(encode_success(meta, report.model_dump_json().encode()))
    assert isinstance(record, ScanSuccess)
    return record
