"""A fast tokenizer for the tagging pipeline, registered as ``leverage_lens.fast_tokenizer.v1``.

The tagger's model reads lower-cased words and word pairs, so it needs words, not spaCy's full rule set
of prefixes, suffixes and exceptions. One regular expression finds runs of word characters and single
punctuation marks, and the Doc is built from that list in one call (no Python loop per token), which is
several times faster than the default English tokenizer on contract text and what lets tagging keep up
with parsing. White space is normalised: every token is followed by one space, and every run of digits
reads ``0`` ("thirty (30) days" and "ninety (90) days" share their features; on the CUAD dev contracts
this and the context features of :mod:`.textcat` together raised clause-level F1 by about 0.02), so
``doc.text`` is not the input. Where offsets into the input matter (rule evidence), :func:`token_offsets`
gives each token's ``(start, end)`` in the input text (replacing digits changes no token boundary).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["FastTokenizer", "create_fast_tokenizer", "fast_words", "normal_digits", "token_offsets"]

_TOKEN = re.compile(r"\w+|[^\w\s]")
_DIGITS = re.compile(r"\d+")


def normal_digits(text: str) -> str:
    """``text`` with every run of digits as ``0``: what the tokenizer's tokens spell."""
    return _DIGITS.sub("0", text)


def fast_words(text: str) -> list[str]:
    """The tokens' texts, as :class:`FastTokenizer` makes them from ``text``."""
    return _TOKEN.findall(_DIGITS.sub("0", text))


def token_offsets(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` in ``text`` of each token :class:`FastTokenizer` makes from it."""
    return [m.span() for m in _TOKEN.finditer(text)]


class FastTokenizer:
    """Callable ``str -> Doc``; serialisation methods are no-ops (it has no state)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        return Doc(self.vocab, words=fast_words(text))

    def pipe(self, texts: Iterable[str], batch_size: int = 1000) -> Iterator[Doc]:
        for text in texts:
            yield self(text)

    def to_bytes(self, **kwargs: Any) -> bytes:
        return b""

    def from_bytes(self, data: bytes, **kwargs: Any) -> FastTokenizer:
        return self

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> FastTokenizer:
        return self


@registry.tokenizers("leverage_lens.fast_tokenizer.v1")
def create_fast_tokenizer() -> Callable[[Any], FastTokenizer]:
    """Config entry point: ``[nlp.tokenizer] @tokenizers = "leverage_lens.fast_tokenizer.v1"``."""

    def make(nlp: Any) -> FastTokenizer:
        return FastTokenizer(nlp.vocab)

    return make
