"""Enrichment: parties, defined terms and obligations, found in a parsed :class:`Document`.

This stage sits between segmentation and checks. It reads ``Document.text`` and its clauses and returns plain
model objects with offsets; it never changes the document. Each finder is usable on its own:

* :func:`find_parties` -- names, aliases, roles, descriptions, signatories, spans (cover page, preamble,
  signature blocks); :func:`party_warnings` -- parse-health warnings when the parties are in doubt;
* :func:`find_definitions` -- defined terms with their definition span, style and uses; :func:`term_pattern`
  compiles a whole-word matcher for a set of terms;
* :func:`find_obligations` -- modal phrases with actor, modality, beneficiary and conditions;
* :func:`sentence_spans` -- the sentence splitter the other stages share;
* :class:`PartyResolver` -- maps names, aliases and roles in text to party ids.

:func:`enrich` runs them all on a document and returns an :class:`Enrichment`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model import Definition, Document, Obligation, ParseWarning, Party
from .definitions import find_definitions, term_pattern
from .obligations import PartyResolver, find_obligations, sentence_mentions
from .parties import find_parties
from .party_health import party_warnings
from .party_override import PartiesSpec, apply_parties, parse_party_option
from .role_terms import with_addressee, with_captioned_roles, with_role_terms
from .sentences import sentence_spans

__all__ = [
    "Enrichment",
    "enrich",
    "find_parties",
    "party_warnings",
    "apply_parties",
    "parse_party_option",
    "PartiesSpec",
    "find_definitions",
    "find_obligations",
    "term_pattern",
    "sentence_spans",
    "PartyResolver",
]


@dataclass(frozen=True)
class Enrichment:
    """What enrichment found in one document."""

    parties: list[Party]
    definitions: list[Definition]
    obligations: list[Obligation]
    resolver: PartyResolver
    sentences: list[tuple[int, int]]
    #: Party mentions per sentence (parallel to ``sentences``); empty when built by hand without them.
    mentions: list[list[tuple[int, int, str]]] = field(default_factory=list)
    #: Parse-health warnings about the parties (code ``parties_uncertain``); empty when the user named them.
    warnings: list[ParseWarning] = field(default_factory=list)


def enrich(doc: Document, *, parties: PartiesSpec | None = None) -> Enrichment:
    """Parties, definitions and obligations of ``doc`` (offsets index ``doc.text``).

    ``parties`` (role -> name, or a list of :class:`Party`) replaces the principal parties found; see
    :func:`apply_parties`."""
    found = find_parties(doc.text)
    given = parties is not None
    definitions = find_definitions(doc.text, doc.clauses)
    # '"Distributor" means Siemens, ...': the role the definitions give a party is one of its names
    parties = with_role_terms(doc.text, apply_parties(doc.text, parties, found) if given else found, definitions)
    if not given:  # a letter that speaks to its person as "you"; "Party A: <name>", '<name> <address> "Licensor"'
        parties = with_captioned_roles(doc.text, with_addressee(doc.text, parties))
    resolver = PartyResolver([p for p in parties if p.principal])  # only sides favour or bind
    sentences = sentence_spans(doc.text)
    mentions = sentence_mentions(resolver, doc.text, sentences)
    return Enrichment(
        parties=parties,
        definitions=definitions,
        obligations=find_obligations(doc.text, parties, doc.clauses, resolver, sentences=sentences,
                                     mentions=mentions),
        resolver=resolver,
        sentences=sentences,
        mentions=mentions,
        warnings=[] if given else party_warnings(parties),
    )
