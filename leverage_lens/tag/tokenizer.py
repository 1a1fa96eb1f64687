"""A fast, lossless tokenizer for the tagging pipeline, registered as ``leverage_lens.fast_tokenizer.v1``.

The tagger's model is a bag of words and bigrams, so it needs words, not spaCy's full rule set of
prefixes, suffixes and exceptions. One regular expression splits runs of word characters and single
punctuation marks; a single space after a token becomes its ``whitespace_`` and any other white space its
own token, so ``doc.text`` equals the input exactly and character offsets (rule evidence) stay true. It is
several times faster than the default English tokenizer on contract text, which is what lets tagging keep
up with parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from typing import Any

from spacy.tokens import Doc
from spacy.util import registry
from spacy.vocab import Vocab

__all__ = ["FastTokenizer", "create_fast_tokenizer"]

_TOKEN = re.compile(r"(\w+|[^\w\s])( ?)|(\s+)")


class FastTokenizer:
    """Callable ``str -> Doc``; serialisation methods are no-ops (it has no state)."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words: list[str] = []
        spaces: list[bool] = []
        for word, space, white in _TOKEN.findall(text):
            if word:
                words.append(word)
                spaces.append(bool(space))
            else:
                words.append(white)
                spaces.append(False)
        return Doc(self.vocab, words=words, spaces=spaces)

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
