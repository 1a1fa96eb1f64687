"""Every anchor word of the rules found in one pass over a document (for ``Analysis.candidates``).

Why: rules and ledger topics prune sentences by about 210 literal anchor words ("terminat", "liab",
"shall", "%"); a ``str.find`` scan of the whole lower-cased text per word was 4% of text analysis, nearly
all of it the scanning itself. The anchors are a fixed vocabulary, so this module keeps the words it has
been asked for in this process and reads a document once for all of them: one compiled regular expression
built as a character trie (``a(?:cqui|djust|ny (?:agent|...))|...``), searched again from the next
character after each match, stops at every position where some anchor starts, and only there are the anchors beginning with those two characters
compared. A word the vocabulary does not hold yet is scanned the old way for that document and joins the
vocabulary for the next ones.

The result per word is exactly that of the per-word scan it replaces (see :func:`sentences_with`): the
indexes of the sentences ``i`` in which an occurrence starts (``starts[i] <= pos < ends[i]``, ``i`` the last
sentence starting at or before ``pos``), after each hit skipping the rest of that sentence.

Process-wide state: only the vocabulary (lower-case literals from the code and from playbooks, capped at
``MAX_WORDS``) and its compiled pattern; it changes speed, never a result.
"""

from __future__ import annotations

import bisect
import re
import threading
from collections.abc import Iterable, Sequence

__all__ = ["MAX_WORDS", "VOCABULARY", "AnchorVocabulary", "sentences_with"]

#: Past this many words the vocabulary stops growing (playbooks may bring their own anchors).
MAX_WORDS = 4000


def sentences_with(lower: str, word: str, starts: Sequence[int], ends: Sequence[int]) -> list[int]:
    """Indexes of the sentences holding ``word`` (the per-word scan; the reference for :meth:`index`)."""
    out: list[int] = []
    pos = lower.find(word)
    while pos >= 0:
        i = bisect.bisect_right(starts, pos) - 1
        if i >= 0 and pos < ends[i]:
            out.append(i)
            pos = lower.find(word, ends[i])  # one hit per sentence is enough
        else:
            pos = lower.find(word, pos + 1)
    return out


def _trie(words: Iterable[str]) -> str:
    """An alternation matching where any of ``words`` starts (a word that has a shorter one as a prefix is
    covered by it), factored on shared prefixes so the engine tries a few branches per position."""
    children: dict[str, list[str]] = {}
    for w in words:
        children.setdefault(w[0], []).append(w[1:])
    parts = []
    for c, rests in sorted(children.items()):
        if "" in rests:
            parts.append(re.escape(c))
        else:
            parts.append(re.escape(c) + "(?:" + _trie(rests) + ")")
    return "|".join(parts)


class _Compiled:
    """One version of the vocabulary, compiled: the trie pattern and the words by their first characters."""

    def __init__(self, words: frozenset[str]) -> None:
        self.words = words
        # consuming, not a look-ahead: the engine's first-character set then skips positions at C speed
        self.pattern = re.compile(_trie(words)) if words else None
        self.by_two: dict[str, tuple[str, ...]] = {}
        self.singles = frozenset(w for w in words if len(w) == 1)
        grouped: dict[str, list[str]] = {}
        for w in words:
            if len(w) > 1:
                grouped.setdefault(w[:2], []).append(w)
        self.by_two = {k: tuple(v) for k, v in grouped.items()}


class AnchorVocabulary:
    """The anchor words asked for so far in this process, and the one-pass index over them."""

    def __init__(self, max_words: int = MAX_WORDS) -> None:
        self.max_words = max_words
        self._lock = threading.Lock()
        self._compiled = _Compiled(frozenset())
        self._pending: set[str] = set()

    def __contains__(self, word: str) -> bool:
        return word in self._current().words

    def learn(self, word: str) -> None:
        """Add ``word`` (a non-empty lower-case literal) for the documents read after this one."""
        with self._lock:
            if len(self._compiled.words) + len(self._pending) < self.max_words:
                self._pending.add(word)

    def index(self, lower: str, starts: Sequence[int], ends: Sequence[int]) -> dict[str, list[int]]:
        """For every vocabulary word, the sentences holding it, as :func:`sentences_with` gives them."""
        compiled = self._current()
        out: dict[str, list[int]] = {w: [] for w in compiled.words}
        if compiled.pattern is None:
            return out
        skip_to: dict[str, int] = {}  # a word's hit sentence end: later hits before it are the same sentence
        by_two, singles = compiled.by_two, compiled.singles
        search = compiled.pattern.search
        m = search(lower)
        while m is not None:
            pos = m.start()
            m = search(lower, pos + 1)  # every start, overlapping ones too
            hits = [w for w in by_two.get(lower[pos:pos + 2], ()) if lower.startswith(w, pos)]
            if singles and lower[pos] in singles:
                hits.append(lower[pos])
            if not hits:
                continue
            i = bisect.bisect_right(starts, pos) - 1
            if i < 0 or pos >= ends[i]:
                continue
            for w in hits:
                if pos >= skip_to.get(w, 0):
                    out[w].append(i)
                    skip_to[w] = ends[i]
        return out

    def _current(self) -> _Compiled:
        if self._pending:
            with self._lock:
                if self._pending:
                    self._compiled = _Compiled(self._compiled.words | self._pending)
                    self._pending = set()
        return self._compiled


#: The process's vocabulary, shared by every Analysis.
VOCABULARY = AnchorVocabulary()
