"""The shared scans that make enrichment fast give the same answers as the simple per-sentence way."""

from __future__ import annotations

import re

import leverage_lens
from leverage_lens.checks import CheckContext
from leverage_lens.enrich import PartyResolver, enrich, find_definitions, find_parties, sentence_spans
from leverage_lens.enrich.definitions import _MEANS, _means_matches
from leverage_lens.enrich.obligations import sentence_mentions

from .test_enrich import TEXT

LONG = TEXT + "".join(
    f"{i}. Acme shall pay Beta Systems LLC. Customer may audit Acme. Term{i} means the period {i}. "
    f"The Customer Affiliate shall not assign.\n\n" for i in range(3, 40)
)


def test_sentence_mentions_from_one_scan_equal_a_scan_per_sentence():
    parties = find_parties(LONG)
    resolver = PartyResolver(parties)
    spans = sentence_spans(LONG)
    assert len(spans) > 100
    per_sentence = [resolver.mentions(LONG, s, e) for s, e in spans]
    assert sentence_mentions(resolver, LONG, spans) == per_sentence
    assert sum(map(len, per_sentence)) > 100


def test_a_mention_across_a_sentence_boundary_does_not_hide_the_one_inside():
    # "Products. The Company" is a (noisy) alias that spans two sentences; "Company" alone is inside the second.
    from leverage_lens.model import Party

    parties = [Party(id="party-1", name="Products. The Company", aliases=[], role=None, spans=[]),
               Party(id="party-2", name="Company", aliases=[], role=None, spans=[])]
    resolver = PartyResolver(parties)
    text = "We sell Products. The Company shall pay."
    spans = sentence_spans(text)
    got = sentence_mentions(resolver, text, spans)
    assert got == [resolver.mentions(text, s, e) for s, e in spans]
    assert [text[a:b] for a, b, _ in got[1]] == ["Company"]


def test_means_definitions_found_by_window_equal_a_whole_text_scan():
    text = LONG + "\nService Credit means a credit. Meanwhile nothing. Fees shall mean the fees.\n"
    whole = [(m.start(), m.end()) for m in _MEANS.finditer(text)]
    assert [(m.start(), m.end()) for m in _means_matches(text)] == whole
    assert len(whole) >= 30
    assert {"Service Credit", "Fees"} <= {d.term for d in find_definitions(text)}


def test_rule_candidates_by_anchor_words_equal_candidates_by_pattern():
    ctx = CheckContext.build(leverage_lens.parse_text(LONG))
    pattern = re.compile(r"\bmay\s+audit\b", re.IGNORECASE)
    by_pattern = ctx.candidates(pattern)
    by_anchor = ctx.candidates(pattern, ("audit",))
    assert by_pattern and [s.start for s in by_pattern] == [s.start for s in by_anchor]


def test_definitions_and_obligations_name_their_innermost_clause():
    doc = leverage_lens.parse_text(LONG)
    e = enrich(doc)
    starts = {c.id: c for c in doc.clauses}
    for o in e.obligations:
        assert o.clause_id is not None
        c = starts[o.clause_id]
        assert c.start <= o.start < c.end
    assert all(d.clause_id is not None for d in e.definitions if d.term.startswith("Term"))
