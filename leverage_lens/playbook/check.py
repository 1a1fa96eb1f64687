"""Checking a Report against a Playbook: one result per position, with the deciding words, the closest clause
to the preferred language and the fallback to propose.

The check reads only the Report (the ledger, the brief's key terms, the clause tags, the parties), so a saved
report (``Report.model_validate_json``) can be checked against a new playbook without analysing the contract
again; :func:`leverage_lens.analyze` runs it when given ``playbook=``.

Which party is *us*: the ``perspective`` given here, else the report's own perspective, else the first of the
playbook's ``our_roles`` that names exactly one principal party. *Them* is every other principal party. When
no party is us, positions that depend on sides are *not applicable* and ``warnings`` says why.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

from ..checks import resolve_reader
from ..model import PlaybookResult, PositionResult, Report, Span
from .closest import ClauseIndex
from .evaluate import Context, Outcome, Sides, evaluate
from .load import load_playbook
from .model import Playbook, Position

__all__ = ["check_playbook", "resolve_sides"]

PlaybookSource = Playbook | Mapping[str, Any] | str | os.PathLike[str]


def _norm(name: str) -> str:
    return " ".join(name.lower().replace(",", " ").replace(".", " ").split())


def resolve_sides(report: Report, playbook: Playbook, perspective: str | None = None) -> tuple[Sides, list[str]]:
    """Us and them in this report, and warnings when us could not be told."""
    principal = [p for p in report.parties if p.principal]
    us: str | None = None
    warnings: list[str] = []
    if perspective:
        us = resolve_reader(perspective, report.parties)  # InvalidOptionError when it names no party
    elif report.summary.perspective:
        us = report.summary.perspective
    else:
        for role in playbook.our_roles:
            want = _norm(role)
            hits = [p for p in principal
                    if want in {_norm(n) for n in (*([p.role] if p.role else []), *p.aliases)}]
            if len(hits) == 1:
                us = hits[0].id
                break
        if us is None:
            roles = ", ".join(f"{p.name} ({p.role or 'no role'})" for p in principal) or "none found"
            warnings.append(f"could not tell which party is you (parties: {roles}); positions that depend on "
                            "sides are not applicable: pass perspective= (--perspective) or add your role to "
                            "the playbook's our_roles")
    them = frozenset(p.id for p in principal if p.id != us) if us is not None else frozenset()
    return Sides(us, them), warnings


def check_playbook(report: Report, playbook: PlaybookSource, *, perspective: str | None = None) -> PlaybookResult:
    """The report checked against ``playbook`` (a :class:`Playbook`, a path, YAML/JSON text, a mapping or an
    example's name): one :class:`~leverage_lens.model.PositionResult` per position, in the playbook's order.

    ``perspective`` (a party name, alias or role) says which party is us; by default the report's own
    perspective, else the playbook's ``our_roles``.
    """
    book = load_playbook(playbook)
    sides, warnings = resolve_sides(report, book, perspective)
    ctx = Context(report=report, sides=sides, subjects=book.all_subjects(), own_subjects=tuple(book.subjects))
    outcomes = [_position_outcome(p, ctx) for p in book.positions]
    with_text = [i for i, p in enumerate(book.positions) if p.preferred]
    index = ClauseIndex(report, ctx.cues) if with_text else None
    matches = index.closest([book.positions[i].preferred or "" for i in with_text],
                            [book.positions[i].topic for i in with_text],
                            [outcomes[i].spans for i in with_text],
                            [outcomes[i].status in ("not_met", "missing") for i in with_text],
                            role_names(report, book, sides)) if index else []
    closest = dict(zip(with_text, matches))
    results = [_result(p, o, closest.get(i), report) for i, (p, o) in enumerate(zip(book.positions, outcomes))]
    return PlaybookResult(name=book.name, version=book.version, side=book.side, party=sides.us, results=results,
                          warnings=warnings)


#: Words a playbook's clause language uses for the buying and the selling side.
_BUYER_WORDS = ("customer", "client", "licensee", "buyer", "purchaser", "subscriber", "recipient")
_SELLER_WORDS = ("supplier", "provider", "vendor", "licensor", "seller", "contractor", "consultant")
#: Words of a party's name that do not tell it apart.
_NAME_NOISE = frozenset("inc inc. llc ltd ltd. limited corp corporation co plc pty gmbh ag sa s.a. lp llp l.p. the "
                        "of and a an".split())


def role_names(report: Report, book: Playbook, sides: Sides) -> dict[str, str]:
    """The playbook's role words mapped to the words this contract uses for those parties (lower-cased):
    ``{"supplier": "cro consulting", "customer": "client purinix pharmaceuticals"}`` for a customer's
    playbook, so preferred language written with roles finds the contract's promise by the right party."""
    if sides.us is None:
        return {}
    by_id = {p.id: p for p in report.parties}

    def words(ids: list[str]) -> str:
        out: list[str] = []
        for pid in ids:
            p = by_id.get(pid)
            if p is None:
                continue
            for n in (p.role or "", *p.aliases, p.name):
                out += [w for w in n.lower().replace(",", " ").split() if w not in _NAME_NOISE]
        return " ".join(dict.fromkeys(out))

    us, them = words([sides.us]), words(sorted(sides.them))
    if not us or not them:
        return {}
    ours, theirs = (_SELLER_WORDS, _BUYER_WORDS) if (book.side or "").lower() == "supplier" else \
        (_BUYER_WORDS, _SELLER_WORDS)
    return {**{w: us for w in ours}, **{w: them for w in theirs}}


def _position_outcome(p: Position, ctx: Context) -> Outcome:
    if p.applies_if is not None:
        gate = evaluate(p.applies_if, ctx)
        if gate.status != "met":
            why = gate.message or "its condition does not hold"
            return Outcome("not_applicable", [], f"does not apply: {why}", gate.confidence)
    return evaluate(p.check, ctx)


_LEAD = {"met": "Met", "not_met": "Not met", "missing": "Missing", "not_applicable": "Not applicable"}


def _result(p: Position, o: Outcome, closest: Any, report: Report) -> PositionResult:
    failed = o.status == "not_met" or (o.status == "missing" and p.missing_fails)
    spans = sorted({(s, e, c) for s, e, c in o.spans}, key=lambda x: (x[0], x[1]))
    first = spans[0] if spans else None
    text = report.document.text
    message = f"{_LEAD[o.status]}: {o.message}" if o.message else _LEAD[o.status]
    if o.status == "missing" and p.missing_fails:
        message += " (a missing term fails this position)"
    return PositionResult(
        position_id=p.id, title=p.title, topic=p.topic, severity=p.severity, status=o.status,  # type: ignore[arg-type]
        failed=failed, message=message, why=p.why,
        clause_id=first[2] if first else (closest.clause_id if closest is not None else None),
        start=first[0] if first else None, end=first[1] if first else None,
        quote=text[first[0]:first[1]] if first else None,
        evidence=[Span(start=s, end=e, label="decided") for s, e, _ in spans],
        preferred=p.preferred, fallback=p.fallback, closest=closest, confidence=round(o.confidence, 3),
    )
