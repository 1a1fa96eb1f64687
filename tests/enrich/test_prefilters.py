"""Cheap pre-filters in enrichment find exactly what the plain whole-text patterns find.

Each fast path (a scan for legal suffixes before the entity pattern, for "By:"/"Name:" labels before the
signature pattern, a first-character look-ahead on the term, party and condition patterns) is checked
against the simple form it replaced, on generated text built from the characters the patterns care about.
"""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_lens.enrich import PartyResolver, find_parties, obligations, party_names, party_signatures, term_pattern
from leverage_lens.model import Party

# Pieces that make the patterns match, nearly match, or break at awkward places.
PIECES = ["Acme", "ACME CORP", "Inc", "Inc.", "Corp", "Co.", "Co", "LLC", "Ltd", "S.A", "A/S", "of", "de",
          "Bank", "Holdings", "The", "x", "Z9", "&", "'", "-", "/", ".", ",", ":", ";", "(", ")", '"', " ",
          "  ", "\t", "\n", "\n\n", "\xa0", "\u2003", "By", "By:", "BY:", "Name", "Name:", "Signature_",
          "Licensee", "the Licensee", "Party", "if", "If", "unless", "subject to", "provided that",
          "notwithstanding", "IN", "in the event", "Term", "Terms", "Term-", "shall", "may"]
texts = st.lists(st.sampled_from(PIECES), max_size=80).map("".join)


def _spans(matches: list[re.Match[str]] | object) -> list[tuple[int, int]]:
    return [m.span() for m in matches]  # type: ignore[attr-defined]


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_entities_scanned_around_suffixes_equal_a_whole_window_scan(text: str, data: st.DataObject) -> None:
    a = data.draw(st.integers(0, len(text)))
    b = data.draw(st.integers(a, len(text)))
    assert _spans(party_names.entities(text, a, b)) == _spans(party_names.ENTITY.finditer(text, a, b))


@settings(max_examples=300, deadline=None)
@given(texts, st.data())
def test_signatures_scanned_before_labels_equal_a_whole_tail_scan(text: str, data: st.DataObject) -> None:
    start = data.draw(st.integers(0, len(text)))
    assert _spans(party_signatures._signatures(text, start)) == _spans(party_signatures._SIGNATURE.finditer(text, start))


def test_signature_window_reaches_back_over_unicode_whitespace() -> None:
    # [\s:,] in the pattern includes no-break and em spaces: the window must walk back over them too.
    text = "ACME HOLDINGS LIMITED" + "\xa0" * 120 + "\u2003,:\n By: ____"
    assert _spans(party_signatures._signatures(text, 0)) == _spans(party_signatures._SIGNATURE.finditer(text, 0))
    assert party_signatures._signatures(text, 0)[0].group("name").startswith("ACME")


def test_parties_of_a_preamble_and_signature_block_are_found() -> None:
    text = ('This Agreement is made by and between Acme Widgets, Inc., a Delaware corporation ("Acme"), and '
            'Beta Systems LLC ("Supplier").\nWHEREAS the parties wish to trade.\n'
            + "Filler sentence without names. " * 400
            + "\nACME WIDGETS, INC.\nBy: ________\nBETA SYSTEMS LLC\nBy: ________\n")
    found = find_parties(text)
    # the signature block, 12,000 characters on, is found and merged (its spelling kept as an alias)
    assert [(p.name, p.aliases, p.role) for p in found] == [
        ("Acme Widgets, Inc.", ["Acme", "ACME WIDGETS, INC."], None),
        ("Beta Systems LLC", ["Supplier", "BETA SYSTEMS LLC"], "Supplier")]
    assert [[s.label for s in p.spans].count("signature") for p in found] == [1, 1]


def _plain_term_pattern(terms: list[str]) -> re.Pattern[str]:
    alt = "|".join(re.escape(t) for t in sorted(set(terms), key=len, reverse=True))
    return re.compile(rf"(?<![\w\-])(?:{alt})(?![\w\-])")


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.sampled_from(["Term", "Terms", "Acme", "ACME CORP", "Co.", "-", "Licensee",
                                        "the Licensee", "(", "Inc", "\u00c9tat", "1.1"]), min_size=1, max_size=6))
def test_term_pattern_with_first_character_look_ahead_matches_like_the_plain_alternation(
    text: str, terms: list[str]
) -> None:
    got = term_pattern(terms)
    assert got is not None
    assert _spans(got.finditer(text)) == _spans(_plain_term_pattern(terms).finditer(text))


@settings(max_examples=200, deadline=None)
@given(texts, st.lists(st.sampled_from(["Acme", "ACME CORP", "Licensee", "Beta-Co", "[Bracket]", "^Caret",
                                        "\\Slash", "éclair"]), min_size=1, max_size=4))
def test_party_mentions_with_first_character_look_ahead_equal_the_plain_pattern(
    text: str, names: list[str]
) -> None:
    resolver = PartyResolver([Party(id=f"party-{i}", name=n) for i, n in enumerate(names, 1)])
    table = resolver._table
    alts = "|".join(re.escape(a) for a in sorted(table, key=len, reverse=True))
    plain = re.compile(rf"(?<![\w\-])(?:the\s+)?(?P<m>{alts})(?![\w\-])")
    assert resolver.mentions(text, 0, len(text)) == [
        (m.start("m"), m.end("m"), table[m.group("m")]) for m in plain.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(texts)
def test_condition_pattern_with_look_ahead_equals_the_plain_pattern(text: str) -> None:
    plain = re.compile(obligations._CONDITION.pattern.replace("(?=[pPeEuUsSnNiI])", ""), re.IGNORECASE)
    # folded letters that IGNORECASE matches: long s, dotted capital I, Kelvin sign
    for variant in (text, text.replace("s", "\u017f"), text.replace("I", "\u0130"), text + " \u212a"):
        assert _spans(obligations._CONDITION.finditer(variant)) == _spans(plain.finditer(variant))


DATE_PIECES = ["January", "JUNE", "Sept", "Sept.", "May", "day", "Day", "DAY", "of", "OF", "this", "the", "1", "15",
               "2019", "20", "19", "99", "st", "th", "t h", "_", "___", "[", "]", "[ ]", "[*]", "\u2022", "(", ")",
               "/", "-", ",", ".", " ", "  ", "\n", "a", "Z", "x9", "2020-01-31"]
date_texts = st.lists(st.sampled_from(DATE_PIECES), max_size=60).map("".join)


@settings(max_examples=400, deadline=None)
@given(date_texts)
def test_the_date_patterns_first_character_look_ahead_changes_no_match(text: str) -> None:
    from leverage_lens.enrich import periods

    lead = "(?=[\\dA-Z_\\[(d])"
    assert periods._DATE.pattern.startswith(lead)
    plain = re.compile(periods._DATE.pattern[len(lead):])
    assert [(m.span(), m.groupdict()) for m in periods._DATE.finditer(text)] == \
        [(m.span(), m.groupdict()) for m in plain.finditer(text)]
