"""The tagger finds phrase-rule hits on word ids, without spaCy Docs (issue 17, speed): the hits must be the
ones the spaCy PhraseMatcher finds on the Doc, in its order."""

from __future__ import annotations

import pytest

from leverage_lens.tag.component import shared_tagger
from leverage_lens.taxonomy import default


def _both(texts: list[str]) -> tuple[list[list[object]], list[list[object]]]:
    tagger = shared_tagger()
    nlp = tagger.model.nlp
    fast = tagger.rules.hits_many([tagger._hashes(t) for t in texts])
    assert fast is not None  # the default taxonomy has no token patterns and no phrase in two categories
    return fast, [tagger.rules.hits(nlp.make_doc(t)) for t in texts]


def test_every_taxonomy_phrase_is_found_as_the_phrase_matcher_finds_it() -> None:
    phrases = [p for c in default().categories for p in c.phrases]
    assert len(phrases) > 100
    texts = []
    for p in phrases:
        words = p.split()
        texts.append(f"The Parties agree that {p.upper()} applies from 1 January 2020.")
        texts.append(f"Whereas {' '.join(words[:-1])} applies.")  # the phrase cut short
        texts.append(f"Whereas {' '.join(reversed(words))} applies, {p}, and {p} again.")  # out of order, twice
    fast, slow = _both(texts)
    assert fast == slow
    assert sum(bool(h) for h in fast) >= len(phrases)


def test_several_phrases_in_one_text_come_in_the_matchers_order() -> None:
    text = ("The Supplier grants an exclusive license and shall not compete, nor solicit any customer, "
            "and this Agreement is governed by the laws of New York; the right of first refusal survives.")
    fast, slow = _both([text, text.lower(), "Zyx qwv 42 plmok.", ""])
    assert fast == slow
    assert len(fast[0]) >= 3


def test_a_phrase_split_between_two_units_is_in_neither() -> None:
    fast, slow = _both(["The Supplier shall not", "compete with anyone.", "The Supplier shall not compete."])
    assert fast == slow
    assert [bool(h) for h in fast] == [False, False, True]


def test_token_patterns_fall_back_to_docs() -> None:
    from leverage_lens.tag.rules import RuleMatcher

    tagger = shared_tagger()
    tax = default().with_category({"id": "custom.pattern_only", "family": default().categories[0].family,
                                   "name": "Pattern only", "description": "A test category.", "patterns": [[{"LOWER": "zyx"}]]})
    rules = RuleMatcher(tagger.model.nlp.vocab, tax)
    assert rules.hits_many([tagger._hashes("Zyx here.")]) is None


def test_tags_are_the_same_with_docs_and_without() -> None:
    import leverage_lens

    doc = leverage_lens.parse_text(
        "1. Governing Law. This Agreement is governed by the laws of New York.\n\n"
        "2. Non-Compete. The Supplier shall not compete with the Customer for two years.\n\n"
        "3. Audit. The Customer may audit the Supplier's records once a year.\n\n"
        "4. Miscellaneous. Zyx qwv plmok.\n")
    tagger = shared_tagger()
    fast = tagger.tag(doc.clauses, doc.text)
    original = tagger.rules.hits_many
    try:
        tagger.rules.hits_many = lambda texts: None  # type: ignore[method-assign]
        slow = tagger.tag(doc.clauses, doc.text)
    finally:
        tagger.rules.hits_many = original  # type: ignore[method-assign]
    assert [c.tags for c in fast] == [c.tags for c in slow]
    assert any(e.label == "phrase" for c in fast for t in c.tags for e in t.evidence)  # rules did run


@pytest.mark.data
def test_hits_equal_the_phrase_matchers_on_cuad_clauses() -> None:
    import pathlib

    import leverage_lens
    from leverage_lens.tag.units import MAX_MODEL_CHARS, units

    folder = pathlib.Path(__file__).resolve().parents[3] / "shared" / "data" / "cuad" / "txt"
    files = sorted(folder.glob("*.txt"))[::40]
    if not files:
        pytest.skip(f"no CUAD texts under {folder}")
    bodies = []
    for f in files:
        doc = leverage_lens.parse_text(f.read_text(encoding="utf-8"))
        bodies += [doc.text[u.start : min(u.end, u.start + MAX_MODEL_CHARS)] for u in units(doc.clauses)]
    fast, slow = _both(bodies)
    assert fast == slow
    assert sum(bool(h) for h in fast) > 50
