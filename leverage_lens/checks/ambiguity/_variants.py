"""Variants of defined terms: the same words in other capitals, and misspellings, each found in one pass.

:func:`case_variants` walks the text once with a trie of the multi-word terms (:class:`._phrases.PhraseScanner`)
and keeps the matches whose capitals differ from the definition in a way a reader may take for another
thing ("confidential Information", "Effective date"), not in typography ("Use-up Period", "Airspan PARTIES"
defined in capitals) or grammar ("the receiving Party" where "Party" is defined).

:func:`misspellings` finds words one edit away from a word of a defined term ("Confidental", "Licnesee",
"Distributer") with a symmetric-deletion index: every term word and every word of the text is looked up by
its one-letter deletions, so the cost is linear in the text, whatever the number of terms. A word counts as a
slip only when it is rare (at most twice), never written in lower case elsewhere in the contract (so it is
not an ordinary word such as "Produce" beside "Product"), and not an inflection ("Licensed" / "License") or a
counterpart ("Licensor" / "Licensee").
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator

from rapidfuzz.distance import OSA

from ...analysis import Analysis
from ...model import Definition
from ._index import DefinitionReach
from ._phrases import PhraseScanner
from ._undefined import lower_vocabulary

__all__ = ["case_variants", "misspellings", "not_a_slip"]

_FUNCTION_WORDS = {"a", "an", "the", "of", "and", "or", "to", "in", "on", "for", "by", "as", "at", "is", "be", "per",
                   "with", "from", "under", "into", "&"}
_INFLECTIONS = {"", "s", "es", "e", "d", "ed", "ing", "ion", "ions", "er", "ers", "ment", "ments", "ation", "ations",
                "y", "ies", "al", "ly", "ity", "ive", "ance", "ence", "ant", "ent"}
_COUNTERPARTS = (("or", "ee"), ("ee", "or"), ("er", "ee"), ("ee", "er"), ("or", "er"), ("er", "or"))


def _hyphen_style(word: str) -> str:
    """"Use-Up" and "Use-up" are one word in two typographic styles."""
    return re.sub(r"-(\w)", lambda m: "-" + m.group(1).lower(), word)


def case_variants(ctx: Analysis, defs: list[Definition], defined: set[str]) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, variant, term)`` for each use of a multi-word term in other capitals."""
    text = ctx.text
    multi = {" ".join(d.term.split()) for d in defs if " " in d.term.strip()}
    if not multi:
        return
    low = ctx.lower
    scan: Iterable[tuple[int, int]]
    if low is not None:  # a trie walk: an alternation of thousands of terms is (text x terms) in re
        scan = PhraseScanner(multi).finditer(low)
    else:
        alt = "|".join(r"\s+".join(re.escape(w) for w in t.lower().split()) for t in sorted(multi, key=len, reverse=True))
        scan = (m.span() for m in re.finditer(rf"(?<![\w\-])(?:{alt})(?![\w\-])", text, re.IGNORECASE))
    defined_norm = {" ".join(t.split()) for t in defined}
    by_lower = {t.lower(): t for t in sorted(multi)}  # sorted: "Change of Control" / "Change of control"
    reaches = DefinitionReach(defs)
    party_words = {a for p in ctx.parties for a in (p.name, *p.aliases, *([p.role] if p.role else []))}
    for a, b in scan:
        norm = " ".join(text[a:b].split())
        if norm in defined_norm or norm.islower() or norm.isupper() or norm.lower() not in by_lower:
            continue
        if text[b: b + 1] in "\"\u201d":  # a quoted mention is a definition or a title
            continue
        want = by_lower[norm.lower()]
        gw, ww = norm.split(), want.split()
        diff = [(g, w) for g, w in zip(gw, ww) if g != w]
        if all(g.isupper() and len(g) > 1 for g, _ in diff):
            continue  # "SCHEDULE 2 Team MARKS": words in capitals are a heading's style, not another term
        if all(w.isupper() and len(w) > 1 for _, w in diff):
            continue  # "Airspan PARTIES" defined in capitals for emphasis, used as "Airspan Parties"
        if all(_hyphen_style(g) == _hyphen_style(w) for g, w in diff):
            continue  # "Use-up Period" / "Use-Up Period": typography, not another term
        if all(g.lower() in _FUNCTION_WORDS for g, _ in diff):
            continue  # "Out of Specification" / "Out Of Specification": a small word's capital, not another term
        if gw[0][:1].islower() and _starts_term(text, a + len(gw[0]), defined_norm):
            continue  # "other IP Action": an adjective before another defined term ("IP Action")
        if gw[-1] != ww[-1] and gw[-1].lower() in _FUNCTION_WORDS:
            continue  # "give the other Party a notice": the defined "Party A" is not there at all
        lead = next((i for i, (g, w) in enumerate(zip(gw, ww)) if g != w), 0)
        rest = " ".join(ww[lead + 1:])
        if gw[lead][:1].islower() and all(g == w for g, w in zip(gw[lead + 1:], ww[lead + 1:])) and (
                rest in defined_norm or rest in party_words or rest in ("Party", "Parties")):
            continue  # "the other Party", "the receiving Party": an adjective before the defined "Party"
        if re.match(r"\s*\(\s*(?:the\s+|a\s+|an\s+)?[\"\u201c]", text[b: b + 12]) or reaches.covers(want, a):
            continue  # the words a definition is made of: 'a CMC working group (the "CMC Working Group")'
        yield a, b, norm, want


def _starts_term(text: str, pos: int, defined: set[str]) -> bool:
    """Whether a defined term (of up to five words) starts at the next word after ``pos``."""
    words = re.findall(r"[\w\-'\u2019&]+", text[pos: pos + 120])[:5]
    return any(" ".join(words[:k]) in defined for k in range(1, len(words) + 1))


def not_a_slip(a: str, b: str) -> bool:
    """Two words that differ by grammar or role, not by a typing slip: "License" / "Licensed", "Licensor" /
    "Licensee", "Service" / "Services"."""
    al, bl = a.lower(), b.lower()
    p = len(os.path.commonprefix([al, bl]))
    ra, rb = al[p:], bl[p:]
    if ra and rb and abs(len(ra) - len(rb)) == 1 and (ra.endswith(rb) or rb.endswith(ra)):
        return False  # "Agreemment" / "Agreement": a letter doubled or dropped, whatever the ending looks like
    if ra in _INFLECTIONS and rb in _INFLECTIONS:
        return True
    return any(al.endswith(x) and bl.endswith(y) for x, y in _COUNTERPARTS)


def _deletes(word: str) -> set[str]:
    return {word[:i] + word[i + 1:] for i in range(len(word))}


# A capitalised word (hyphens and inner capitals allowed: "Employment-Scope", "EmploymentScope"), possessives too.
_CAP_WORD = re.compile(r"(?<![\w\-'\u2019])[A-Z][a-z][A-Za-z\-]{3,}(?![\w\-])")


def misspellings(ctx: Analysis, defs: list[Definition], defined: set[str],
                 skip: Iterable[str] = ()) -> Iterator[tuple[int, int, str, str]]:
    """``(start, end, variant, term)`` for each use of a defined term with one word misspelt."""
    text = ctx.text
    terms = sorted({" ".join(d.term.split()) for d in defs})
    index: dict[str, set[str]] = {}
    holders: dict[str, list[tuple[str, int]]] = {}  # term word -> (term, its position in the term)
    for t in terms:
        for k, w in enumerate(t.split()):
            if len(w) >= 5 and w.replace("-", "").isalpha() and w[0].isupper():
                holders.setdefault(w, []).append((t, k))
    for w in holders:
        for key in _deletes(w.lower()) | {w.lower()}:
            index.setdefault(key, set()).add(w)
    if not index:
        return
    # the contract's lower-case words of four letters or more: those of the analysis's shared vocabulary (three
    # letters or more, the same runs) without the three-letter ones
    lower_vocab = {w for w in lower_vocabulary(ctx) if len(w) > 3}
    known = {w for t in defined for w in t.split()} | set(skip)
    counts = Counter(_CAP_WORD.findall(text))
    vocabulary = lower_vocab | known
    for m in _CAP_WORD.finditer(text):
        word = m.group(0)
        if counts[word] > 2 or word in known or word.lower() in lower_vocab or word.endswith("-"):
            continue  # a word used often, defined, written in lower case elsewhere or cut at a line end
        wl = word.lower()
        near = {w for key in _deletes(wl) | {wl} for w in index.get(key, ())}
        for w in sorted(near, key=len, reverse=True):
            if OSA.distance(wl, w.lower()) != 1 or not_a_slip(word, w) or wl[0] != w[0].lower():
                continue
            if wl.replace("-", "") == w.lower().replace("-", ""):
                continue  # "Grantback" / "Grant-Back": typography
            got = _in_term(text, m.start(), m.end(), w, holders[w])
            if got is not None and " " not in got[2] and _in_a_name(text, m.start(), m.end(), vocabulary):
                continue  # "Convention on Contracts", "Hotels & Resorts, LLC", "Contact:": a name or a label
            if got is not None:
                a, b, t = got
                yield a, b, " ".join(text[a:b].split()), t
                break


_NAME_BEFORE = re.compile(r"(?<![.:;]\s)(?<!^)\b(?P<w>[A-Z][\w\-]*)(?:\s+(?:of|on|and|for|&))?\s+$", re.MULTILINE)
_NAME_AFTER = re.compile(r"(?P<colon>\s*:)|(?:\s+(?:of\s+|and\s+|&\s+)?(?P<w>[A-Z][\w\-]*))|"
                         r"(?P<firm>,?\s+(?:LLC|L\.L\.C\.|Inc\b|Ltd\b|Corp|L\.P\.|LP\b|GmbH|S\.A\.|plc\b))")


def _in_a_name(text: str, start: int, end: int, vocabulary: set[str]) -> bool:
    """Part of a name or a form's label, where a single-word term is not what the writer meant: a colon or a
    firm's suffix after it ("Contact:", "Hotels & Resorts, LLC"), or beside it (across "of", "on", "and",
    "&") a capitalised word that is neither the contract's vocabulary (defined, a party's, written in lower
    case somewhere) nor the first word of a sentence ("Convention on Contracts")."""
    after = _NAME_AFTER.match(text, end, end + 40)
    if after and (after.group("colon") or after.group("firm")):
        return True
    before = _NAME_BEFORE.search(text, max(0, start - 40), start)
    words = [m.group("w") for m in (before, after) if m is not None and m.group("w")]
    return any(w not in vocabulary and w.lower() not in vocabulary for w in words)


def _in_term(text: str, start: int, end: int, word: str, holders: list[tuple[str, int]]) -> tuple[int, int, str] | None:
    """The span of the term the slip stands in, with the other words of the term around it (longest term
    first), or None when the words around it are not the term's."""
    for term, k in sorted(holders, key=lambda x: -len(x[0])):
        words = term.split()
        a, b = start, end
        ok = True
        for w in reversed(words[:k]):  # the words before, right to left
            ws = max(0, a - len(w) - 4)
            m = re.search(rf"(?<![\w\-]){re.escape(w)}\s+$", text[ws:a])
            if not m:
                ok = False
                break
            a = ws + m.start()
        for w in words[k + 1:]:
            m = re.match(rf"\s+{re.escape(w)}(?![\w\-])", text[b: b + len(w) + 4])
            if not ok or not m:
                ok = False
                break
            b += m.end()
        if ok:
            return a, b, term
    return None
