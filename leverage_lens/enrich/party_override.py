"""The user's correction of the parties: ``analyze(..., parties={"Customer": "Acme Inc.", "Provider": "Beta
LLC"})`` or a list of :class:`~leverage_lens.model.Party`, and ``--party Customer="Acme Inc."``.

The given parties replace the principal parties found. Each keeps what the readers learnt about the same
party (aliases, spans, description, signatories) when one of them matches the given name or role, so
"Acme" and "the Customer" in the clauses still resolve to it; the role given wins. Every occurrence of the
given name in the text becomes a span, so views can point at it. Entities the contract only names
(``principal=False``) are kept after the given parties.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..errors import InvalidOptionError
from ..model import Party, Span
from .party_names import norm

__all__ = ["PartiesSpec", "apply_parties", "parse_party_option"]

PartiesSpec = Mapping[str, str] | Sequence[Party]


def parse_party_option(values: Sequence[str]) -> dict[str, str]:
    """``["Customer=Acme Inc.", "Provider=Beta"]`` (the CLI's ``--party``) as a role -> name mapping."""
    out: dict[str, str] = {}
    for v in values:
        role, sep, name = v.partition("=")
        if not sep or not role.strip() or not name.strip():
            raise InvalidOptionError(f"--party wants ROLE=NAME (e.g. Customer=\"Acme Inc.\"), got {v!r}")
        out[role.strip()] = name.strip().strip("\"'")
    return out


def _matches(p: Party, name: str, role: str | None) -> bool:
    key = norm(name)
    names = {norm(x) for x in (p.name, *p.aliases)} - {""}
    return bool(key and key in names) or bool(role and p.role and p.role.lower() == role.lower())


def apply_parties(text: str, given: PartiesSpec, found: Sequence[Party]) -> list[Party]:
    """The parties to use: ``given`` (role -> name, or Party objects) as the principal parties, enriched from
    the matching ``found`` party, then the found parties that are not principal."""
    if isinstance(given, Mapping):
        wanted = [(str(name), str(role)) for role, name in given.items()]
    else:
        wanted = [(p.name, p.role) for p in given]  # type: ignore[misc]
    if not wanted:
        raise InvalidOptionError("parties= is empty: give at least one role and name")
    objects = {} if isinstance(given, Mapping) else {i: p for i, p in enumerate(given)}
    out: list[Party] = []
    used: set[int] = set()
    for i, (name, role) in enumerate(wanted, 1):
        base = objects.get(i - 1)
        match = next((j for j, p in enumerate(found) if j not in used and p.principal and _matches(p, name, role)),
                     None)
        prior = found[match] if match is not None else None
        if match is not None:
            used.add(match)
        aliases = list(dict.fromkeys([*(base.aliases if base else []), *(prior.aliases if prior else []),
                                      *([prior.name] if prior and prior.name != name else [])]))
        spans = list(base.spans if base and base.spans else prior.spans if prior else [])
        if not spans:
            spans = [Span(start=m.start(), end=m.end(), label="name")
                     for m in re.finditer(re.escape(name), text)][:20]
        extra = {k: getattr(base or prior, k) for k in ("kind", "entity_type", "jurisdiction", "signatories")
                 if base is not None or prior is not None}
        out.append(Party(id=f"party-{i}", name=name, aliases=[a for a in aliases if a != name], role=role,
                         spans=spans, principal=True, confidence=1.0, **extra))
    rest = [p for j, p in enumerate(found) if j not in used and not p.principal]
    out += [p.model_copy(update={"id": f"party-{len(out) + k}"}) for k, p in enumerate(rest, 1)]
    return out
