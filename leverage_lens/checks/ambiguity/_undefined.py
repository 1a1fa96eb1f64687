"""Capitalised terms used as defined terms that nothing defines: the candidates, found in one pass.

A defined term lost in an edit leaves its uses behind: "the Territory", "any Licensed Product", capitalised in
the middle of sentences. :func:`undefined_terms` collects every capitalised phrase (one to four words) that
follows a lower-case word -- so not the first word of a sentence, a heading or a name list -- counts them, and
keeps those used often enough that are not defined, not a party's name, not quoted anywhere (a definition in a
form the extractor does not read), not said to be defined elsewhere ("as defined in the Purchase Agreement"),
and made of ordinary words: a word the contract also writes in lower case ("territory", "products") is a
common noun capitalised as a term, while one it never writes in lower case ("Burger King", "Botox") is a name.
Every test is a set lookup or one scan of the text, so the whole is linear in the text.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator

from ...analysis import Analysis
from ._defined_words import DEFINED_WORDS

__all__ = ["lower_vocabulary", "undefined_terms"]

# One to four capitalised words ("of", "and", "for", "&" between them), the first possibly an acronym ("BRI Project").
_PHRASE = re.compile(r"(?<![\w\-'\u2019\u00ad])(?:[A-Z][a-z][\w\-\u00ad]*|[A-Z]{2,6}(?=[ ][A-Z][a-z]))"
                     r"(?:[ ](?:of[ ]|and[ ]|for[ ]|in[ ]|on[ ]|&[ ])?[A-Z][a-z][\w\-\u00ad]*){0,4}(?![\w\-\u00ad])")
_CAPITAL_NEXT = re.compile(r"(?:\s+|,\s*)[A-Z]|\s+\d")  # "Rule 13d-5", "Priority 1", an index line "Obligations 33"
_LOWER_BEFORE = re.compile(r"(?<![\w\-])[a-z][a-z\-]*[ \t]+$")
_LOWER_WORD = re.compile(r"(?<![\w\-])[a-z][a-z\-]{2,}")
# Defined in a form the extractor does not read: quoted after a bracket or a naming phrase ('("the Arena")',
# 'hereinafter "Seller"', 'referred to as "Buyer"'), or bracketed without quotes ("(the Payment Period)"). A
# quoted mention elsewhere ('"Confidential Information" shall not include ...') defines nothing.
# Each leading look-ahead below names the characters a match can start with: the same matches, found two to
# three times faster (the engine rejects most positions on one character instead of trying every branch).
_QUOTED = re.compile(r"(?=[(rRhHcCkKtT])(?:\(\s*(?:the\s+|a\s+|an\s+|each\s+(?:a|an)\s+|collectively,?\s+(?:the\s+)?|hereinafter\s+"
                     r"(?:the\s+)?|herein\s+(?:the\s+)?|individually\s+(?:a\s+|the\s+)?)?|(?:referred\s+to\s+"
                     r"(?:[\w,]+\s+){0,5}?as|hereinafter(?:\s+called)?|(?:herein\s+)?called|known\s+as|"
                     r"the\s+term)\s+"
                     r"(?:the\s+)?)(?:''|[\"\u201c\u2018])(?:the\s+)?(?P<t>[A-Z][\w\-]*(?:\s+[\w&\-]+){0,5}?)[.,]?"
                     r"(?:''|[\"\u201d\u2019])",
                     re.IGNORECASE)
# ... or quoted at the end of a bracket that names it ('(the Initial Term, with any renewal, the "Term")',
# '( "Payments/Advances")'), or defined without quotes at the start of a sentence in words the extractor does not
# read ("ENDORSEMENT shall include ...", "Confidential Information is all information ...", "The Territory shall
# be the entire world").
_QUOTED_CLOSING = re.compile(r"[\"\u201c](?:the\s+)?(?P<t>[A-Z][\w\-/]*(?:\s+[\w&\-/]+){0,5}?)[.,]?[\"\u201d]\s*\)")
_DEFINING_VERB = re.compile(r"(?<=\s)(?:shall\s+include\s+only|includes\s+only|shall\s+be|is|are)\s+(?:the|all|any|a|an|"
                            r"each|only|collectively)\b")
_UNQUOTED_DEFINED = re.compile(r"(?:^|(?<=[\n.;:]\s)|(?<=\)\s))[ \t]*(?:The\s+)?(?P<t>[A-Z][\w\-]*(?:\s+(?:of\s+|and\s+)?"
                               r"[A-Z][\w\-]*){0,4})\s+(?:shall\s+include\s+only|includes\s+only|shall\s+be|is|are)\s+"
                               r"(?:the|all|any|a|an|each|only|collectively)\b", re.MULTILINE)
# ... or quoted and then defined in words the extractor does not read ('"Window" is the area ...', '"Promote" or
# "Promotion" means ...'), quoted with an abbreviation after it ('Statement of Work ("SOW")'), named without
# quotes ("hereinafter Distributor"), or listed in an index of defined terms ("Jurisdiction 12.1.2").
_QUOTED_DEFINED = re.compile(r"[\"\u201c\u2018](?:the\s+)?(?P<t>[A-Z][\w\-]*(?:\s+[\w&\-]+){0,5}?)[\"\u201d\u2019]\s*"
                             r"(?:,?\s*(?:or|and)\s*(?:the\s+)?[\"\u201c]|,\s*[\"\u201c]|(?:is|are|shall\s+be|will\s+be|refers?|shall\s+refer|"
                             r"will\s+mean|as\s+used|shall\s+mean|means|includes?|shall\s+include)\b)")
# A word's letters taken possessively where what follows a word can never be a word character: the same
# matches without backtracking into each word (twice as fast; possessive quantifiers need Python 3.11).
_WORD = r"[\w\-]*+" if sys.version_info >= (3, 11) else r"[\w\-]*"
_ABBREVIATED = re.compile(r"(?P<t>[A-Z]" + _WORD + r"(?:\s+(?:of\s+|and\s+|for\s+)?[A-Z]" + _WORD + r"){0,4})\s*\(\s*(?:the\s+)?"
                          r"[\"\u201c]?[A-Z]{2,8}s?[\"\u201d]?\s*\)")
_NAMED = re.compile(r"(?=[hrc])\b(?:hereinafter|referred\s+to\s+(?:herein\s+|hereinafter\s+)?as|called)\s+(?:the\s+)?"
                    r"(?P<t>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})")
_INDEXED = re.compile(r"(?P<t>[A-Z]" + _WORD + r"(?:\s+(?:of\s+|and\s+)?[A-Z]" + _WORD + r"){0,4})[ \t]+\d{1,2}(?:\.\d{1,2}){1,3}"
                      r"(?:\([a-z0-9]{1,3}\))*(?=\s)")
_BRACKETED = re.compile(r"\(the\s+(?P<t>[A-Z][\w\-]*(?:\s+[A-Z&][\w\-]*){0,4})\)")
_ANY_QUOTE = re.compile(r"[\"\u201c\u2018](?:the\s+)?(?P<t>[A-Z][\w\-]*)[\"\u201d\u2019]")
# What may follow a term used as a noun: punctuation or a small word ("Products in the Territory, and"). A
# capitalised word after it makes it part of a longer name ("Co-Branded Application"); a lower-case noun after
# it makes it an adjective ("Medical officers", "the AcuForm technology"), unless it is a participle or an
# adjective that follows its noun ("Fees payable", "Losses incurred", "Products sold").
_NOUN_END = re.compile(r"(?:['\u2019]s)?(?:\s*[.,;:)\]\"\u201d]|\s*$|\s+(?:of|to|in|for|and|or|by|with|from|under|as|at|on|"
                       r"shall|will|may|must|is|are|was|were|be|has|have|that|which|who|if|unless|until|than|hereunder|"
                       r"thereunder|herein|pursuant|upon|within|during|after|before|including|other|not|does|do|can|"
                       r"would|should|could|set|described|referred|listed|attached|specified|identified|provided|payable|due|owing|"
                       r"arising|resulting|thereof|hereof|hereto|thereto|[a-z]{2,}ed)\b)")
# Defined in another document: "Closing (as defined in the Purchase Agreement)", "Shares shall have the meaning
# given in the Credit Agreement". "As defined below" or "in Section 2" points into this contract and excuses
# nothing.
_POINTER = re.compile(r"(?=[\"\u201d,(]|as\s|shall\s|ha(?:s|ve)\s|\s+(?:\(|as\s|shall\s|ha(?:s|ve)\s))[\"\u201d]?,?\s*\(?\s*(?:as\s+(?:such\s+terms?\s+(?:is|are)\s+)?defined|shall\s+have\s+the\s+"
                      r"meanings?|has\s+the\s+meaning|have\s+the\s+meanings?)[^.;)]{0,60}?\b(?:in|under|by)\s+"
                      r"(?:the|that|such|each|any)\s+(?!Agreement\b)(?:[A-Z][\w\-]*\s+){0,5}(?:Agreements?|Plan|Act|"
                      r"Indenture|Code|Regulations?|Rules|Certificate|Charter|Bylaws|Prospectus|Statement|Policy|Lease|"
                      r"Contract|Note|Licen[cs]e|Declaration|Articles)\b")
_LINE_LABEL = re.compile(r"^[ \t]*(?P<t>[A-Z][\w\-]*(?:[ ](?:of[ ]|and[ ]|for[ ]|&[ ])?[A-Z][\w\-]*){0,4})[ \t]*$",
                         re.MULTILINE)
_TITLE_WORDS = re.compile(r"[A-Z][\w\-]*(?:[ ]+[A-Z][\w\-]*)*")
_POINTER_HEAD = re.compile(r"\b(?P<t>[A-Z][\w\-]*(?:\s+(?:of\s+|and\s+)?[A-Z][\w\-]*){0,4})[\"\u201d]?\s*$")
# ... or named by "as" ('may designate certain individuals as "Key Personnel"'); opening on the quote, which is rare.
_AS_QUOTED = re.compile(r"[\"\u201c](?<=\sas\s[\"\u201c])(?:the\s+)?(?P<t>[A-Z][\w\-]*(?:\s+[\w&\-]+){0,5}?)[.,]?[\"\u201d]")
_ATTACHED_BEFORE = re.compile(r"\b(?:the|a|an)[ \t]+attached[ \t]+$")
_THIS = re.compile(r"\b(?:this|these|the\s+within)[ \t]+$", re.IGNORECASE)
_DETERMINER = re.compile(r"\b(?:[Tt]he|[Ss]uch|[Aa]ny|[Ee]ach|[Aa]ll|[Ss]aid|[Nn]o|[Oo]ther|[Ii]ts|[Tt]heir|[Ee]very)[ \t]+$")
# A sentence that opens with a determiner and a capitalised phrase ("The Contract Price for each item",
# "Each Recipient will"): the phrase after the determiner is a use as a noun, as in mid-sentence.
_OPENING_DETERMINERS = {"The", "Each", "Such", "Any", "All", "No", "Every", "Said"}

_STOP = {"The", "This", "That", "These", "Those", "Each", "Any", "All", "Such", "No", "In", "If", "On", "Upon",
         "For", "With", "By", "To", "Of", "At", "As", "And", "Or", "But", "Unless", "Whereas", "Section", "Sections",
         "Article", "Articles", "Exhibit", "Exhibits", "Schedule", "Schedules", "Annex", "Appendix", "Attachment",
         "Clause", "Clauses", "Paragraph", "Party", "Parties", "Agreement", "Agreements", "Mr", "Ms", "Mrs", "Dr",
         "Inc", "Ltd", "LLC", "Page", "Note", "Notes", "Table", "Part", "Chapter", "Title", "Item", "Items",
         "Date", "Dated", "Name", "Address", "Attention", "Signature", "By", "Its", "Witness", "Whereof",
         "Paragraphs", "List", "Right", "Certain", "Such", "Said", "Same", "Following", "Above", "Below"}
# Adjectives that stand capitalised alone only as part of a term that follows ("Confidential" Information).
_ADJECTIVES = {"Confidential", "Proprietary", "Other", "Additional", "Applicable", "Exclusive", "Non-Exclusive",
               "Material", "Initial", "Final", "Annual", "Mutual", "Joint", "Commercial", "General", "Special"}
# Words that make a phrase a name wherever they stand: places, calendars, institutions' adjectives.
_NAME_WORDS = {
    "Republic", "Kingdom", "America", "Americas", "Europe", "Asia", "North", "South", "East", "West", "Northern",
    "Southern", "Eastern", "Western", "Central", "Federal", "National", "International", "Global", "United",
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "English", "Internet", "Web", "Securities", "Netherlands", "Philippines", "Bahamas", "Islands", "Emirates",
    "Nations", "Inc", "Ltd", "LLC", "Chief", "Vice", "Senior", "Supreme", "General", "York", "Jersey", "Mexico",
    "Hampshire", "Island", "Columbia", "Virginia", "Carolina", "Dakota",
    # US states and other places a governing-law or venue clause names ("as adopted in Washington")
    "Alabama", "Alaska", "Arizona", "Arkansas", "California", "Colorado", "Connecticut", "Delaware", "Florida",
    "Georgia", "Hawaii", "Idaho", "Illinois", "Indiana", "Iowa", "Kansas", "Kentucky", "Louisiana", "Maine",
    "Maryland", "Massachusetts", "Michigan", "Minnesota", "Mississippi", "Missouri", "Montana", "Nebraska",
    "Nevada", "Ohio", "Oklahoma", "Oregon", "Pennsylvania", "Rhode", "Tennessee", "Texas", "Utah", "Vermont",
    "Washington", "Wisconsin", "Wyoming", "Ontario", "Quebec", "Alberta", "England", "Wales", "Scotland",
}
# Words that make a phrase a name when they end it ("Securities Act", "Supreme Court", "Chief Executive
# Officer", "Master Services Contract"); before another word they are ordinary words of a term of art
# ("Contract Price", "Government Entity", "Court Order").
_NAME_HEADS = {
    "Act", "Code", "Court", "Courts", "State", "States", "Commission", "Bank", "Association", "Corporation",
    "Company", "Street", "Avenue", "Road", "Suite", "Floor", "Department", "Rules", "Regulation", "Regulations",
    "Exchange", "University", "Institute", "County", "City", "Province", "Administration", "Agency", "Treasury",
    "Secretary", "President", "Officer", "Director", "Directors", "Chairman", "Council", "Organization", "Union",
    "Convention", "Partners", "Group", "Holdings", "Trust", "Guide", "Manual", "Bureau", "Government", "Chamber",
    "Tariff", "Contract", "Statute", "Constitution", "Commerce", "Industry", "Commonwealth", "Chair",
    "Trustees",  # a trust's governing body ("Board of Trustees of the Trust"), as "Directors" is a company's
}
_FUNCTION = {"of", "and", "for", "&"}
_AND_SPLIT = re.compile(r" (?:and|&) ")
# "People's Republic of China", "Logan's Roadhouse": a word made possessive before a name's head word.
_POSSESSIVE_BEFORE = re.compile(r"['\u2019]s[ \t]+(?P<w>[A-Z][a-z]+)")
# The words a heading or a cover-table label may hold besides capitalised ones ("No Business with Covered
# Customers"): a phrase standing on such a line is the label of a part, not a term used in a sentence.
_LABEL_SMALL = {"of", "and", "for", "with", "to", "in", "on", "the", "by", "a", "an", "or", "&", "-"}
_LABEL_WORD = re.compile(r"[^\W\d_][\w\-']*")
_MARKUP = re.compile(r"\{[^{}\n]{0,80}\}")


def lower_vocabulary(ctx: Analysis) -> set[str]:
    """Every word the contract writes in lower case (three letters or more), found once per analysis."""
    got = ctx.cache.get("ambiguity.lower_vocabulary")
    if got is None:
        got = ctx.cache["ambiguity.lower_vocabulary"] = set(_LOWER_WORD.findall(ctx.text))
    return got  # type: ignore[no-any-return]


def _stem_in_lower_case(word: str, ctx: Analysis) -> bool:
    """Whether the contract writes the word's stem in lower case ("disclose" for "Discloser", "update" for
    "Updates", "affiliated" for "Affiliate"): a role or a thing named by an ordinary word, used bare as a
    defined term ("Recipient will ..."), not a name, which shares no stem with the contract's ordinary words
    ("Botox", "Pfizer")."""
    from bisect import bisect_left

    got = ctx.cache.get("ambiguity.lower_sorted")
    if got is None:
        got = ctx.cache["ambiguity.lower_sorted"] = sorted(lower_vocabulary(ctx))
    words: list[str] = got  # type: ignore[assignment]
    stem = word[: max(5, len(word) - 3)]
    if len(stem) < 5 or len(word) < 6:
        return False
    i = bisect_left(words, stem)
    return i < len(words) and words[i].startswith(stem)


def _verb_stems(word: str) -> set[str]:
    """What a participle may come from: "Exploited" -> "Exploit", "Controlled" -> "Control", "Licensing" ->
    "License"."""
    out = set()
    for suffix, repl in (("ed", ""), ("d", ""), ("ing", ""), ("ing", "e"), ("led", "l"), ("ted", "t")):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            out.add(word[: -len(suffix)] + repl)
    return out


def _forms(term: str) -> set[str]:
    """The term, its singular and its plural: "Product" stands for "Products" and back."""
    out = {term}
    if term.endswith("ies"):
        out.add(term[:-3] + "y")
    if term.endswith("es"):
        out.add(term[:-2])
    if term.endswith("s"):
        out.add(term[:-1])
    else:
        out.update({term + "s", term + "es"})
    if term.endswith("y"):
        out.add(term[:-1] + "ies")
    return out


def _mentioned_as_defined(text: str) -> Iterator[set[str]]:
    """Phrases the text quotes, brackets as "(the X)", or points to a definition of ("X (as defined in ...)"),
    one set per kind of mention, the cheapest scans first: a caller that has excused every candidate stops
    asking (the union of all the sets is the same whenever it stops)."""

    def done(out: set[str]) -> set[str]:
        out.update([x.title() for x in out if x.isupper() and len(x) > 3])  # "ENDORSEMENT shall include"
        return out

    for pattern in (_BRACKETED, _QUOTED_DEFINED, _AS_QUOTED):
        yield done({t for m in pattern.finditer(text) for t in _tails(m.group("t").split())})
    out: set[str] = set()
    for m in _QUOTED_CLOSING.finditer(text):
        term = " ".join(m.group("t").split())
        out.update(_tails(term.split()))
        if "/" in term:  # "Payments/Advances": each name stands for the pair
            out.update(" ".join(part.split()) for part in term.split("/") if part.strip())
    # A heading or a key-terms row standing alone on its line ("Cover Terms", "Security Policy"): the uses point
    # to that part of the document; and the words of the document's title ("Action by Written Consent").
    out.update(" ".join(m.group("t").split()) for m in _LINE_LABEL.finditer(text))
    title = "\n".join(line for line in text[:300].strip().split("\n", 2)[:2] if len(line) <= 120)
    out.update(" ".join(m.group(0).split()) for m in _TITLE_WORDS.finditer(title))
    yield done(out)
    yield done({t for m in _NAMED.finditer(text) for t in _tails(m.group("t").split())})
    # unquoted definitions: searched for only in the 120 characters before each defining verb (a whole-text
    # scan of a pattern that opens on any capital letter costs as much as the rest of this function)
    out = set()
    last = 0
    for v in _DEFINING_VERB.finditer(text):
        for m in _UNQUOTED_DEFINED.finditer(text, max(last, v.start() - 120), v.end()):
            if m.end() == v.end():
                out.update(_tails(m.group("t").split()))
                last = m.end()
    yield done(out)
    for pattern in (_ABBREVIATED, _INDEXED):
        yield done({t for m in pattern.finditer(text) for t in _tails(m.group("t").split())})
    yield done({" ".join(m.group("t").split()) for m in _QUOTED.finditer(text)})
    out = set()
    for m in _POINTER.finditer(text):
        head = _POINTER_HEAD.search(text, max(0, m.start() - 80), m.start() + (1 if text[m.start()] in "\"\u201d" else 0))
        if head:
            out.update(_tails(head.group("t").split()))
    yield done(out)


def _headed_name(words: list[str]) -> bool:
    """"Securities Act", "State of Ohio", "Reserve Bank of India": a name's head word last or before "of"."""
    return words[-1] in _NAME_HEADS or words[-1].endswith("-") or any(
        w in _NAME_HEADS and nxt in ("of", "for") for w, nxt in zip(words, words[1:]))


def _tails(words: list[str]) -> Iterator[str]:
    """The phrase and the tails a pattern's greedy start may have run into ("Each Statement of Work" for
    "Statement of Work"): every tail of two words or more, and a last word alone only after small words
    ("The Territory"), so "Forecast Territory" being defined does not excuse "Territory"."""
    for i in range(len(words)):
        if i == 0 or len(words) - i >= 2 or words[i - 1] in _FUNCTION or all(w in _STOP for w in words[:i]):
            yield " ".join(words[i:])


_LOWER_NEXT = re.compile(r"\s+[a-z]")


def _as_noun(text: str, phrase: str, starts: list[int]) -> bool:
    """Whether the phrase is used as a noun of its own: at most half its uses go on with a lower-case word other
    than a small one ("Medical officers": an adjective) or with another capitalised word ("Deployment, Hosting
    and Maintenance Specifications", a phrase longer than five words: a piece of a longer name)."""
    n = len(phrase)
    other = sum(1 for s in starts if (_LOWER_NEXT.match(text, s + n) and not _NOUN_END.match(text, s + n, s + n + 16))
                or _CAPITAL_NEXT.match(text, s + n, s + n + 4))
    return other * 2 <= len(starts)


def _after_determiner(text: str, starts: list[int]) -> int:
    """How many uses follow "the", "such", "any", ... -- how a common noun made a term is used."""
    return sum(1 for s in starts if _DETERMINER.search(text, max(0, s - 12), s))


def _on_label_line(text: str, s: int) -> bool:
    """Whether the use at ``s`` stands on a short line of capitalised words (template markup "{IF x}" aside): a
    heading or the label of a cover-table row, where capitals mean nothing."""
    a = text.rfind("\n", 0, s) + 1
    b = text.find("\n", s)
    line = _MARKUP.sub(" ", text[a: b if b != -1 else len(text)])
    words = _LABEL_WORD.findall(line)
    return 0 < len(line.strip()) <= 80 and bool(words) and all(w[0].isupper() or w in _LABEL_SMALL for w in words)


def _inside_longer_terms(text: str, phrase: str, starts: list[int], defined: Iterable[str]) -> list[int]:
    """The uses that are part of a longer defined term written out ("Party B's Services", "Cash Value of the
    Policies"): those are uses of that term."""
    spans = []
    for t in defined:
        if phrase in t and t != phrase:
            i = text.find(t)
            while i != -1:
                spans.append((i, i + len(t)))
                i = text.find(t, i + 1)
    return [s for s in starts if not any(a <= s and s + len(phrase) <= b for a, b in spans)]


def undefined_terms(ctx: Analysis, defined: Iterable[str], names: Iterable[str], *, multi_min: int = 3,
                    single_min: int = 3) -> list[tuple[str, list[int]]]:
    """``(phrase, starts)`` for capitalised phrases used as defined terms and never defined, in order of first
    use. ``defined``: every defined term; ``names``: parties' names, aliases and roles."""
    text = ctx.text
    # Every use, and whether it must still show a lower-case word before it; that (costlier) test is made only
    # for phrases seen often enough to be reported at all.
    seen: dict[str, list[tuple[int, bool]]] = {}
    for m in _PHRASE.finditer(text):
        phrase, start = m.group(0), m.start()
        head, _, rest = phrase.partition(" ")
        if head in _OPENING_DETERMINERS and rest[:1].isupper():
            seen.setdefault(rest, []).append((start + len(head) + 1, False))
        else:
            seen.setdefault(phrase, []).append((start, True))
    known: set[str] = set()
    for t in defined:
        flat = " ".join(t.split())
        known.update(_forms(flat))
        if flat.isupper() and len(flat) > 3:  # "CONTRACT YEAR shall mean": used as "Contract Year"
            known.update(_forms(flat.title()))
    # "Software and Documentation", "Cloud Service and Software": a pair of terms read as one phrase hides uses
    # of a term that also stands alone. Where the pair's other part is a defined term, each part seen alone
    # elsewhere gets the pair's uses too ("Terms and Conditions", neither defined, stays a phrase).
    for phrase, found in list(seen.items()):
        if " and " not in phrase and " & " not in phrase:
            continue
        parts = _AND_SPLIT.split(phrase)
        if not any(p in known for p in parts):
            continue
        offset = 0
        for k, part in enumerate(parts):
            offset = phrase.index(part, offset)
            if part in seen and part != phrase and part not in known:
                seen[part].extend((s + offset, check if k == 0 else False) for s, check in found)
            offset += len(part)
    least = min(multi_min, single_min)
    uses: dict[str, list[int]] = {}
    for phrase, found in seen.items():
        if len(found) < least:
            continue
        # the first word of a sentence, a heading, a list of names: capitals mean nothing there
        kept = [s for s, check in found if not check or _LOWER_BEFORE.search(text, max(0, s - 24), s)]
        if kept:
            uses[phrase] = kept
    longer = [" ".join(t.split()) for t in defined if " " in t.strip()]
    name_words = {w.lower() for n in names for w in n.split() if len(w) > 2}
    known.update(names)
    vocab = lower_vocabulary(ctx)
    quoted_words: set[str] | None = None
    pending: list[tuple[str, list[int], set[str]]] = []
    for phrase, starts in uses.items():
        words = phrase.split()
        content = [w for w in words if w not in _FUNCTION]
        least_uses = single_min if len(content) == 1 else multi_min
        if len(starts) < least_uses:
            continue
        if words[0] in _STOP or (len(words) == 1 and phrase in _ADJECTIVES) or any(
                w in _NAME_WORDS or w.lower() in name_words for w in content) or _headed_name(words):
            continue
        if (" and " in phrase or " & " in phrase) and any(p in known for p in _AND_SPLIT.split(phrase)):
            continue  # "Software and Documentation": a pair with a defined term, its parts counted one by one
        if _forms(phrase) & known or (len(words) == 1 and _verb_stems(phrase) & known):
            continue  # defined, or a verb's participle of a defined term ("Exploited" where "Exploit" is defined)
        if sum(1 for s in starts if (p := _POSSESSIVE_BEFORE.match(text, s + len(phrase)))
               and (p.group("w") in _NAME_WORDS or p.group("w") in _NAME_HEADS)) * 2 >= len(starts):
            continue  # "People's Republic of China": a possessive inside a name
        starts = [s for s in _inside_longer_terms(text, phrase, starts, longer) if not _on_label_line(text, s)]
        if len(starts) < least_uses:
            continue  # the rest are uses of a longer defined term, or headings and cover-table labels
        # builds on a defined term with a modifier after it ("Licensed Product Royalty"): its sense is the term's.
        # A qualifier before a defined term ("Permitted Subcontractor") makes a new class that needs defining.
        if len(content) > 1 and any(" ".join(words[:j]) in known for j in range(1, len(words))):
            continue
        if len(content) == 1 and (any(c.isupper() for c in phrase[1:]) or not phrase[1:].islower()):
            continue  # "AcuForm", "eBay": a brand's spelling
        if not _as_noun(text, phrase, starts):
            continue  # mostly part of a longer name or an adjective: "Co-Branded Application", "Medical officers"
        lowered = [w.lower() for w in content]
        if len(content) == 1 and not (_forms(lowered[0]) & vocab or _after_determiner(text, starts) >= 3
                                      or _forms(phrase) & DEFINED_WORDS or _stem_in_lower_case(lowered[0], ctx)):
            continue  # never in lower case nor after "such"/"any"/"the": a name ("Botox"), not a common noun as a term
        if len(content) > 1 and sum(1 for w in lowered if _forms(w) & vocab) * 2 < len(
                [w for w in content if not w.isupper()]) and _after_determiner(text, starts) < 3:
            continue  # mostly words never written in lower case, nor after "the", "such": a name ("Papua New Guinea")
        if sum(1 for s in starts if _THIS.search(text, max(0, s - 12), s)) * 2 >= len(starts):
            continue  # "this Development Agreement": the document names itself
        if any(_ATTACHED_BEFORE.search(text, max(0, s - 20), s) for s in starts):
            continue  # "the attached Statement of Work": the title of an attachment, which says what it is
        if quoted_words is None:
            quoted_words = {m.group("t") for m in _ANY_QUOTE.finditer(text)}
        if len(content) == 1 and _forms(phrase) & quoted_words:
            continue  # a single word quoted anywhere ('("Distributor")'): defined in a form not read
        # quoted, bracketed or pointed to as defined somewhere (read below, once, for every candidate left)
        pending.append((phrase, starts, _forms(phrase) | (_verb_stems(phrase) if len(words) == 1 else set())))
    for mentioned in (_mentioned_as_defined(text) if pending else ()):
        pending = [p for p in pending if not p[2] & mentioned]
        if not pending:
            break
    out = [(phrase, starts) for phrase, starts, _ in pending]
    out.sort(key=lambda x: x[1][0])
    return out
