"""Finding many multi-word phrases, or many words, in a long text in one linear pass.

``ambiguity.term_variant`` looked for every multi-word defined term at once with one regular expression, an
alternation of all of them: Python's ``re`` tries the alternatives one by one at every position, so the scan
costs (text length) x (number of terms), which on a 20 MB folder of contracts (thousands of terms) was 580 s
of a 980 s analysis. :class:`PhraseScanner` gives the same matches from a trie of the terms' words walked
along the text's whitespace-separated chunks; :class:`WordRuns` indexes where given words start, so a
per-term search (plurals of unused terms, misspelt terms) looks only where the term can be.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

__all__ = ["PhraseScanner", "WordRuns"]

_CHUNK = re.compile(r"\S+")
_NOT_WORD = re.compile(r"[^\w\-]")  # what may precede a match's start or follow its end
_PUNCT = re.compile(r"[^\w\-\s]")  # the characters of _NOT_WORD a chunk of non-space characters may hold


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch in "_-"


class _Node:
    __slots__ = ("children", "ends")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.ends: dict[str, tuple[int, str]] = {}  # last word -> (rank, phrase): phrases ending after it


class PhraseScanner:
    """The spans ``re.finditer(r"(?<![\\w\\-])(?:ALT)(?![\\w\\-])", low)`` gives, where ALT joins, longest
    phrase first, each phrase's lower-cased words with ``\\s+``, and ``low`` is lower-cased text.

    A phrase's words hold no whitespace, so in a match the first word ends a chunk of non-space characters
    (it starts at the chunk's start or after a character that is neither a word character nor a hyphen), the
    middle words are whole chunks and the last word begins a chunk (and is followed by the chunk's end or by
    such a character). The trie follows the words chunk by chunk; at each start the longest phrase found wins,
    as the alternation's order made it, and matches do not overlap, as ``finditer``'s do not.
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.root = _Node()
        self.first_lengths: set[int] = set()
        for phrase in phrases:
            words = phrase.lower().split()
            if len(words) < 2:
                continue
            node = self.root
            for word in words[:-1]:
                node = node.children.setdefault(word, _Node())
            rank = len(phrase)
            old = node.ends.get(words[-1])
            if old is None or rank > old[0]:
                node.ends[words[-1]] = (rank, phrase)
            self.first_lengths.add(len(words[0]))

    def finditer(self, low: str) -> Iterator[tuple[int, int]]:
        """(start, end) of each match in ``low``, in order.

        A match's first word ends a chunk, so only the places where some first word ends a chunk are looked
        at: each first word is found with ``str.find`` (a few dozen words, each scan in C), instead of walking
        every chunk of the text in Python (which was most of ``ambiguity.term_variant``'s time)."""
        n = len(low)
        starts: list[int] = []
        for word in self.root.children:
            w = len(word)
            q = low.find(word)
            while q != -1:
                e = q + w
                # ends a chunk, and starts one (or follows punctuation inside it: "(Confidential")
                if (e == n or low[e].isspace()) and (q == 0 or low[q - 1].isspace() or (
                        not _is_word(low[q - 1]) and not low[q - 1].isspace())):
                    starts.append(q)
                q = low.find(word, q + 1)
        starts.sort()
        resume = 0
        for p in starts:
            if p < resume:
                continue
            end = self._match_from(low, p)
            if end is not None:
                yield p, end
                resume = end

    def _match_from(self, low: str, p: int) -> int | None:
        """The end of the longest phrase whose first word is the chunk tail at ``p``, or None."""
        m = _CHUNK.match(low, p)
        if m is None:
            return None
        node = self.root.children.get(low[p: m.end()])
        best: tuple[int, int] | None = None  # (rank, end)
        for c in _CHUNK.finditer(low, m.end()):
            if node is None:
                break
            cs, ce = c.span()
            if node.ends:  # the chunk may begin with a last word, ended by the chunk's end or a non-word
                for end in self._word_ends(low, cs, ce):
                    hit = node.ends.get(low[cs:end])
                    if hit is not None and (best is None or hit[0] > best[0]):
                        best = (hit[0], end)
            node = node.children.get(low[cs:ce])
        return best[1] if best is not None else None

    def _match(self, low: str, chunks: list[tuple[int, int]], i: int, p: int) -> int | None:
        node = self.root.children.get(low[p : chunks[i][1]])
        best: tuple[int, int] | None = None  # (rank, end)
        j = i + 1
        while node is not None and j < len(chunks):
            cs, ce = chunks[j]
            if node.ends:  # the chunk may begin with a last word, ended by the chunk's end or a non-word
                for end in self._word_ends(low, cs, ce):
                    hit = node.ends.get(low[cs:end])
                    if hit is not None and (best is None or hit[0] > best[0]):
                        best = (hit[0], end)
            node = node.children.get(low[cs:ce])
            j += 1
        return best[1] if best is not None else None

    @staticmethod
    def _word_ends(low: str, cs: int, ce: int) -> list[int]:
        ends = [m.start() for m in _NOT_WORD.finditer(low, cs, ce) if m.start() > cs]
        ends.append(ce)
        return ends


class WordRuns:
    """Where each of some words starts as a whole run of word characters and hyphens (a run is what
    ``[\\w\\-]+`` matches), found in one pass over the text."""

    _RUN = re.compile(r"[\w\-]+")

    def __init__(self, text: str, words: Iterable[str]) -> None:
        wanted = set(words)
        self.at: dict[str, list[int]] = {w: [] for w in wanted}
        if wanted:
            lengths = {len(w) for w in wanted}
            for m in self._RUN.finditer(text):
                if m.end() - m.start() in lengths:
                    run = m.group(0)
                    if run in wanted:
                        self.at[run].append(m.start())

    @classmethod
    def first_run(cls, literal: str) -> str | None:
        """The run a literal starts with, or None when it does not start with a word character."""
        m = cls._RUN.match(literal)
        return m.group(0) if m else None
