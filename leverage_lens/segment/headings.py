"""Clause headings: run-in ("Term. This Agreement ..."), on their own line, or in capitals ("ARTICLE I DEFINITIONS").

A heading is accepted only when it reads like one: short, title case or capitals, and not the start of an
ordinary sentence. Rejecting a real heading costs a field; accepting a sentence as a heading misleads a
reviewer, so the tests lean towards rejection.
"""

from __future__ import annotations

import re

_SMALL_WORDS = frozenset(
    "a an and as at by for from in into of on or the to under upon with without its their his her our "
    "your not nor vs v. de la du des et per than that this these those".split()
)
_SENTENCE_VERBS = re.compile(
    r"(?i)\b(?:shall|will|may|must|agrees?|is|are|was|were|has|have|hereby|means|acknowledges?|represents?|warrants?)\b"
)
_RUN_IN_END = re.compile(r"(?<![A-Z]\.[A-Z])(?<!\b[A-Z])[.:](?=\s|$)|\s+[-\u2013\u2014]\s+|\n")
_CAPS_WORD = re.compile(r"[A-Z][A-Z0-9&'\u2019,/\-]*|OF|AND|THE|TO|FOR|IN|ON|OR|\(?[A-Z]+\)?")
_SENTENCE_STARTS = frozenset({"if", "when", "whereas", "unless", "provided", "notwithstanding"})
_ITEM_NEXT_LINE = re.compile(r"[ \t]*\n\(?[a-z]{1,4}[.)][ \t]")
_MAX_WORDS = 12
_MAX_CHARS = 100


def _is_title_words(words: list[str]) -> bool:
    if not words or len(words) > _MAX_WORDS:
        return False
    first = words[0].lstrip("\"'\u201c(")
    if not first[:1].isupper() and not first[:1].isdigit():
        return False
    for w in words[1:]:
        core = w.strip("\"'\u201c\u201d(),;:")
        if not core:
            continue
        if core.lower() in _SMALL_WORDS or core[:1].isupper() or core[:1].isdigit() or core in ("&", "/", "-"):
            continue
        return False
    return True


def run_in_heading(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """The span of a heading that starts at ``start`` and ends at a period, colon, dash or line end.

    ``limit`` bounds the search (the clause's end). Returns (start, end) of the heading text without its
    closing punctuation.
    """
    window_end = min(limit, start + _MAX_CHARS + 2)
    m = _RUN_IN_END.search(text, start, window_end)
    if not m:
        return caps_heading(text, start, limit)
    end = m.start()
    candidate = text[start:end].strip()
    if not candidate or len(candidate) > _MAX_CHARS:
        return caps_heading(text, start, limit)
    words = candidate.split()
    if candidate.isupper() and any(c.isalpha() for c in candidate) and len(words) <= _MAX_WORDS:
        return start, start + len(text[start:end].rstrip())
    if not _is_title_words(words) or _SENTENCE_VERBS.search(candidate) or words[0].lower() in _SENTENCE_STARTS:
        return caps_heading(text, start, limit)
    # The body after a heading starts a new sentence; a lower-case word means a sentence was wrapped.
    after = text[m.end() : m.end() + 3].lstrip()
    if after and not (after[0].isupper() or after[0] in "\"\u201c(\u00a7[" or after[0].isdigit()):
        # ... unless the heading ends its line and the next line is a lettered item ("Survival.\na.\t...")
        if not _ITEM_NEXT_LINE.match(text, m.end()):
            return None
    return start, start + len(text[start:end].rstrip())


def caps_heading(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """A run of capitalised words ("DEFINITIONS", "TERM AND TERMINATION") followed by ordinary text."""
    pos = start
    end = start
    words = 0
    window_end = min(limit, start + _MAX_CHARS)
    while pos < window_end:
        m = _CAPS_WORD.match(text, pos)
        if not m:
            break
        word = m.group()
        if sum(ch.isalpha() for ch in word) < 1:
            break
        # a capitals word followed directly by lower-case letters is a capitalised sentence word
        if pos + len(word) < len(text) and text[pos + len(word)].islower():
            break
        words += 1
        end = pos + len(word)
        pos = end
        while pos < window_end and text[pos] in " \t":
            pos += 1
        if pos < len(text) and text[pos] in "\n":
            break
    if words == 0:
        return None
    rest = text[end : end + 3].lstrip(" \t")
    if rest[:1].islower():
        return None  # "DISTRIBUTOR shall ...": a sentence whose subject is in capitals
    heading = text[start:end].rstrip(" ,;-")
    letters = [c for c in heading if c.isalpha()]
    if len(letters) < 3 or words > _MAX_WORDS:
        return None
    if words == 1 and len(letters) < 4:
        return None
    return start, start + len(heading)
