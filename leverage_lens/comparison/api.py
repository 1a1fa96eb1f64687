"""``compare(old, new)``: two versions of a contract in, one :class:`Comparison` out.

Each side is analysed (unless it already is a Report), then aligned clause by clause, diffed word by word, and
read for what the change does: findings, key terms, definitions, references, leverage and the scorecard.
Everything after the two analyses is pure computation on the Reports, so comparing saved reports is cheap.
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from ..checks.perspective import resolve_reader
from ..model import Report
from .align import align
from .diff import clause_changes
from .findings import finding_changes
from .leverage import leverage_changes
from .model import Comparison, ComparisonSummary, ScoreDelta, VersionInfo
from .places import Places, map_parties
from .terms import definition_changes, key_term_changes, reference_changes
from .units import build_units

__all__ = ["compare", "compare_reports"]


def _as_report(side: Any, perspective: str | None, analyzer: Any, options: dict[str, Any]) -> Report:
    if isinstance(side, Report):
        return side
    if analyzer is None:
        from ..api import analyze

        return analyze(side, **options)
    return analyzer.analyze(side, **options)  # type: ignore[no-any-return]


def compare(old: Any, new: Any, *, perspective: str | None = None, analyzer: Any = None,
            **options: Any) -> Comparison:
    """Compare two versions of a contract: what changed since the last draft, and who gained.

    ``old`` and ``new`` are anything :func:`leverage_lens.analyze` accepts (path, bytes, file object,
    Document) or already analysed :class:`Report` objects; the two may be of different formats (a DOCX draft
    against the signed PDF). ``perspective`` names the reader (party name, alias or role, resolved in the new
    version): leverage changes against the reader rank first. ``analyzer`` reuses an
    :class:`~leverage_lens.Analyzer`; ``options`` go to ``analyze`` for both sides (``format``,
    ``pdf_engine``, ...).
    """
    old_report = _as_report(old, perspective, analyzer, options)
    new_report = _as_report(new, perspective, analyzer, options)
    return compare_reports(old_report, new_report, perspective=perspective)


def compare_reports(old: Report, new: Report, *, perspective: str | None = None) -> Comparison:
    """The comparison of two analysed reports (what :func:`compare` does after analysing)."""
    reader = resolve_reader(perspective, new.parties) if perspective else new.summary.perspective
    old_units, new_units = build_units(old.document), build_units(new.document)
    alignment = align(old_units, new_units)
    old_text, new_text = old.document.text, new.document.text
    clauses = clause_changes(alignment, old_text, new_text)
    places = Places(alignment, old_units, new_units)
    parties = map_parties(old.parties, new.parties)
    findings = finding_changes(old, new, places, parties, reader)
    key_terms = key_term_changes(old, new, parties)
    edits = [e for c in clauses for e in c.edits]
    references = reference_changes(alignment, old_units, new_units, new_text,
                                   [*edits, *_added_spans(clauses)], findings)
    leverage = leverage_changes(old, new, places, parties, reader, key_terms)
    counts = Counter(c.status for c in clauses)
    summary = ComparisonSummary(
        clauses=dict(counts), renumbered=sum(c.renumbered for c in clauses),
        words_inserted=sum(len(e.new_text.split()) for e in edits),
        words_deleted=sum(len(e.old_text.split()) for e in edits),
        findings_introduced=sum(f.status == "introduced" for f in findings),
        findings_resolved=sum(f.status == "resolved" for f in findings),
        leverage_for_reader=sum(x.against_reader is False for x in leverage),
        leverage_against_reader=sum(x.against_reader is True for x in leverage),
    )
    return Comparison(
        old=_info(old), new=_info(new), perspective=reader, parties={p.id: p.name for p in new.parties},
        clauses=clauses, leverage=leverage, findings=findings, key_terms=key_terms,
        definitions=definition_changes(old, new), references=references,
        scorecard=_score_deltas(old, new, parties), summary=summary, old_text=old_text, new_text=new_text,
    )


def _added_spans(clauses: list[Any]) -> list[Any]:
    """Added clauses as pseudo-edits, so references inside new text are not called stale."""
    from .model import TextEdit

    return [TextEdit(op="insert", old_start=0, old_end=0, new_start=r.start, new_end=r.end)
            for c in clauses if c.status == "added" for r in c.new]


def _info(report: Report) -> VersionInfo:
    d = report.document
    return VersionInfo(name=d.name, format=d.format, sha256=d.sha256, source=d.source,
                       clause_count=len(d.clauses), character_count=len(d.text))


def _score_deltas(old: Report, new: Report, parties: dict[str, str]) -> list[ScoreDelta]:
    """Per family and party, the scorecard's rights and one-sided counts where they moved."""
    out = []
    a, b = old.summary.scorecard, new.summary.scorecard
    for family in sorted(set(a) | set(b)):
        sa, sb = a.get(family), b.get(family)
        rights_a = {parties.get(k, k): v for k, v in (sa.rights if sa else {}).items()}
        fav_a = {parties.get(k, k): v for k, v in (sa.favored if sa else {}).items()}
        rights_b = dict(sb.rights) if sb else {}
        fav_b = dict(sb.favored) if sb else {}
        lead_a = parties.get(sa.leader, sa.leader) if sa and sa.leader else None
        lead_b = sb.leader if sb else None
        for party in sorted(set(rights_a) | set(rights_b) | set(fav_a) | set(fav_b)):
            if rights_a.get(party, 0) != rights_b.get(party, 0) or fav_a.get(party, 0) != fav_b.get(party, 0):
                out.append(ScoreDelta(family=family, party=party, rights_before=rights_a.get(party, 0),
                                      rights_after=rights_b.get(party, 0), favored_before=fav_a.get(party, 0),
                                      favored_after=fav_b.get(party, 0), leader_before=lead_a,
                                      leader_after=lead_b))
    return out
