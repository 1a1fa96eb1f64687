"""The tagger builds a spaCy Doc only for units where a phrase rule can match (issue 17, speed): the cheap
word-id test must never skip a unit the phrase matcher would have matched."""

from __future__ import annotations

from leverage_lens.tag.component import shared_tagger
from leverage_lens.taxonomy import default


def test_every_taxonomy_phrase_passes_the_prefilter_and_matches() -> None:
    tagger = shared_tagger()
    nlp = tagger.model.nlp
    phrases = [p for c in default().categories for p in c.phrases]
    assert phrases
    for phrase in phrases:
        text = f"The Parties agree that {phrase.upper()} applies from 1 January 2020."
        assert tagger.rules.may_match(tagger._hashes(text)), phrase
        assert tagger.rules.hits(nlp.make_doc(text)), phrase


def test_a_text_without_any_phrase_word_is_skipped_and_has_no_hits() -> None:
    tagger = shared_tagger()
    text = "Zyx qwv 42 plmok."
    assert not tagger.rules.may_match(tagger._hashes(text))
    assert tagger.rules.hits(tagger.model.nlp.make_doc(text)) == []


def test_tags_equal_with_and_without_the_prefilter() -> None:
    import leverage_lens

    doc = leverage_lens.parse_text(
        "1. Governing Law. This Agreement is governed by the laws of New York.\n\n"
        "2. Non-Compete. The Supplier shall not compete with the Customer for two years.\n\n"
        "3. Audit. The Customer may audit the Supplier's records once a year.\n\n"
        "4. Miscellaneous. Zyx qwv plmok.\n")
    tagger = shared_tagger()
    fast = tagger.tag(doc.clauses, doc.text)
    original = tagger.rules.may_match_many
    try:
        tagger.rules.may_match_many = lambda texts: [True] * len(texts)  # type: ignore[method-assign]
        slow = tagger.tag(doc.clauses, doc.text)
    finally:
        tagger.rules.may_match_many = original  # type: ignore[method-assign]
    assert [c.tags for c in fast] == [c.tags for c in slow]
    assert any(e.label == "phrase" for c in fast for t in c.tags for e in t.evidence)  # rules did run


def test_the_prefilter_says_yes_exactly_when_the_phrase_matcher_finds_a_phrase() -> None:
    tagger = shared_tagger()
    nlp = tagger.model.nlp
    texts = []
    for c in default().categories:
        for p in c.phrases:
            words = p.split()
            texts.append(f"Whereas {p} applies.")
            texts.append(f"Whereas {' '.join(words[:-1])} applies.")  # the phrase cut short
            texts.append(f"Whereas {' '.join(reversed(words))} applies.")  # its words out of order
    assert len(texts) > 300
    for text in texts:
        assert tagger.rules.may_match(tagger._hashes(text)) == bool(tagger.rules.hits(nlp.make_doc(text))), text


def test_a_phrase_split_between_two_units_is_in_neither() -> None:
    tagger = shared_tagger()
    texts = ["The Supplier shall not", "compete with anyone.", "Zyx.", "The Supplier shall not compete.", ""]
    assert tagger.rules.may_match_many([tagger._hashes(t) for t in texts]) == [False, False, False, True, False]
