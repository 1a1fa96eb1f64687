"""Which of a party's defined names is its *role*, learned from the contract itself.

A contract names a party twice over: a short name taken from its own name ("Rogers", "Heritage", "IMedicor",
"PDMS") and, often, the part it plays ("Licensor", "Repairer", "Celebrity", "Acquiror", "Party A"). Only the
second is a role: it is what ``--perspective Licensor`` and the findings' "the Licensor may ..." mean. A
fixed word list (:data:`~.party_names.ROLE_WORDS`) knows the common roles; for the rest the contract's own
usage decides, as a careful reader would: a defined name is a role when it does not come from the party's
name (no shared word, not its initials, not a prefix of it) and the contract treats it as a common noun --
"the Repairer", "the Celebrity" -- at least twice, or it is a compound of a known role ("Trademark
Licensor", "Servicing Agent"). A short name taken from the party's name is never a role, however it is used.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from .party_names import ROLE_WORDS

__all__ = ["role_of", "from_name"]

_PARTY_X = re.compile(r"(?i)party\s+(?:[a-z]|\d{1,2})")
_FILLER = frozenset({"the", "of", "and", "&", "a", "an", "de", "du", "la", "for"})
_WORD = re.compile(r"[a-z0-9]+")
#: Words that end many names ("Blue Hills Bank") and so are no role there, but are one when a party is
#: defined by the word alone ("... Savings Bank (the "Bank")"), as "the Company" is.
_ALIAS_ROLES = frozenset({"bank"})
#: A single common-noun word naming what one does ("Programmer", "Transferor", "Licensee", "Consultant").
_AGENT_NOUN = re.compile(r"[A-Z][a-z]{3,}(?:er|or|ee|ant|ent|ist)")
#: How much of the text is searched for "the X" (the defining pages and the first clauses suffice).
_USAGE_SPAN = 80_000


def _words(s: str) -> list[str]:
    return [w for w in _WORD.findall(s.lower()) if w not in _FILLER]


def from_name(alias: str, name: str) -> bool:
    """True when ``alias`` is a short name made from ``name``: a shared word ("Rogers" of "Rogers Cable
    Communications Inc."), its initials ("PDMS", "SPI" of "Sucampo Pharmaceuticals, Inc."), or a prefix
    of it run together ("Cybershop" of "CyberShop International")."""
    a_words, n_words = _words(alias), _words(name)
    if not a_words or not n_words:
        return False
    if set(a_words) & set(n_words):
        return True
    compact_alias = "".join(a_words)
    if "".join(n_words).startswith(compact_alias):
        return True
    initials = "".join(w[0] for w in n_words)
    return len(compact_alias) >= 2 and _is_subsequence(compact_alias, initials)


def _is_subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(ch in it for ch in short)


def _is_role_word(alias: str) -> bool:
    low = " ".join(alias.lower().split())
    if low in ROLE_WORDS or _PARTY_X.fullmatch(low):
        return True
    words = low.split()
    # "Trademark Licensor"; but "WestRock Company" is a name: "company" ends names as a legal form
    return len(words) in (2, 3) and words[-1] in ROLE_WORDS and words[-1] != "company" and alias[:1].isupper()


def _capital_word(alias: str) -> bool:
    """A single word in capitals that reads as a word, not initials: "CELEBRITY", "LICENSEE" (at least six
    letters, at least a third of them vowels), not "MMI" or "HSNS"."""
    if not re.fullmatch(r"[A-Z]{6,}", alias):
        return False
    return sum(ch in "AEIOUY" for ch in alias) * 3 >= len(alias)


def role_of(name: str, aliases: Sequence[str], text: str) -> str | None:
    """The role among ``aliases`` (in order), or None: a known role word, a compound of one, or a defined
    name the text uses with "the" at least twice that does not come from ``name``."""
    if _is_role_word(name) or name[:1].isupper() and name.endswith("s") and name[:-1].lower() in ROLE_WORDS:
        return name  # a party known only by its role ("Franchisee" on a form, "Guarantors" on a guarantee)
    trade = [x for x in aliases if len(_words(x)) >= 2 and not _is_role_word(x)]  # "Bob Stallings Racing", "Excite@Home"
    candidates = [a for a in aliases if a and a[:1].isupper() and not from_name(a, name)
                  and not any(x != a and from_name(a, x) and set(_words(a)) & set(_words(x)) for x in trade)]
    for a in candidates:
        if _is_role_word(a):
            return a
    for a in candidates:  # an agent noun the contract defines for a side ("Programmer", "Promoter", "Transferor")
        if _AGENT_NOUN.fullmatch(a):
            return a
    for a in aliases:  # a known role that happens to share a word with the name ("Acme Licensing" / "Licensor")
        if a.lower() in ROLE_WORDS or a.lower() in _ALIAS_ROLES:
            return a
    head = text[:_USAGE_SPAN]
    for a in candidates:
        word = _capital_word(a)
        if not word and (len(a.split()) > 3 or a.isupper() or not re.fullmatch(r"[A-Z][a-z][\w\- ]*", a)) or a.endswith(("s", "S")) \
                or re.search(r"\d|[a-z][A-Z]", a):
            continue  # acronyms ("MMI"), plurals ("Underwriters") and trade names ("Power2Ship") are no roles
        if word:  # "the CELEBRITY": a common noun set in capitals is the same role as "the Celebrity"
            used = re.findall(rf"\b(?:[Tt]he|THE) {re.escape(a)}\b(?P<next>(?!)[A-Z])?", head)
            if len(used) >= 2:
                return a.title()
            continue
        used = re.findall(rf"\b[Tt]he {re.escape(a)}\b(?P<next>[ \t\-]*[A-Z])?", head)
        alone = sum(1 for nxt in used if not nxt)  # "the Sanofi Indemnitees" uses a name, not a role
        if len(used) >= 2 and (alone >= 2 or re.search(rf"\b{re.escape(a.split()[-1].lower())}\b", head)):
            return a  # a common noun the text also writes in lower case ("an affiliate of") is a role
    return None
