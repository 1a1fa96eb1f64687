"""The fast tokenizer is lossless; phrase rules and headings find what the taxonomy says they find."""

from __future__ import annotations

import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from leverage_lens import taxonomy
from leverage_lens.tag.headings import HeadingMatcher
from leverage_lens.tag.rules import RuleMatcher
from leverage_lens.tag.tokenizer import FastTokenizer, normal_digits, token_offsets

VOCAB = spacy.blank("en").vocab


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=200))
def test_fast_tokenizer_tokens_map_back_to_the_input_with_digits_as_zero(text: str) -> None:
    doc = FastTokenizer(VOCAB)(text)
    offsets = token_offsets(text)
    assert len(offsets) == len(doc)
    for token, (start, end) in zip(doc, offsets):
        assert normal_digits(text[start:end]) == token.text
        assert not token.text.isspace()


def test_fast_tokenizer_reads_every_number_as_zero() -> None:
    doc = FastTokenizer(VOCAB)("within thirty (30) days, 1.5% or $2,000,000")
    assert [t.text for t in doc] == ["within", "thirty", "(", "0", ")", "days", ",", "0", ".", "0", "%", "or",
                                     "$", "0", ",", "0", ",", "0"]


def test_every_category_phrase_fires_on_itself_with_true_offsets() -> None:
    matcher = RuleMatcher(VOCAB, taxonomy.default())
    tokenizer = FastTokenizer(VOCAB)
    for cat in taxonomy.categories():
        for phrase in cat.phrases:
            text = f"The parties agree that {phrase.upper()} applies here."
            hits = [h for h in matcher.hits(tokenizer(text)) if h.category == cat.id]
            assert hits, (cat.id, phrase)
            where = token_offsets(text)
            start, end = where[hits[0].start][0], where[hits[0].end - 1][1]
            assert text[start:end].lower() == phrase.lower()


def test_plain_sentence_fires_no_rule() -> None:
    matcher = RuleMatcher(VOCAB, taxonomy.default())
    assert matcher.hits(FastTokenizer(VOCAB)("The sky is blue and the grass is green.")) == []


def test_headings_match_their_categories_and_variants() -> None:
    h = HeadingMatcher(taxonomy.default())
    assert "liability.cap" in h.match("LIMITATION OF LIABILITY")
    assert "liability.cap" in h.match("Limitations of Liability")
    assert "liability.indemnification" in h.match("Indemnity")
    assert "disputes.governing_law" in h.match("Governing Law; Jurisdiction")
    assert "payment.audit_rights" in h.match("Audit")


def test_heading_parts_match_whole_words_not_substrings() -> None:
    h = HeadingMatcher(taxonomy.default())
    assert "termination.for_cause" not in h.match("Term")
    assert h.match("Miscellaneous Provisions") == frozenset()
