"""Defined terms: undefined, unused, defined twice, used before definition, near-variants, empty sections.

Definitions come from :mod:`leverage_lens.enrich.definitions` (the same extraction the report shows); to see
*every* definition site, including repeats that ``find_definitions`` drops, this module asks that module's public
``definition_sites`` rather than writing new patterns. Near-variants ("Confidential Informations",
"confidential Information") are found with rapidfuzz against the defined terms.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from itertools import pairwise

from rapidfuzz import fuzz, process
from rapidfuzz.distance import Levenshtein

from ...analysis import Analysis
from ...enrich.definitions import definition_sites as _enrich_sites
from ...model import Clause, Definition, Finding, Span
from ..registry import Rule, rule
from ._common import DEFINED_TERMS, ClauseIndex, clause_index, finding, times
from ._index import FollowingClause, Regions, any_within
from ._phrases import WordRuns
from ._uncertain import in_uncertain
from ._undefined import lower_vocabulary, undefined_terms
from ._variants import case_variants, misspellings, not_a_slip

_P = 'This Agreement is between Acme Inc. ("Supplier") and Beta LLC ("Customer"). '


# '"Term" has the meaning set forth in Section 3.1' points to the definition; it does not define again.
_POINTER = re.compile(r"\s*(?:(?:given|set\s+forth|ascribed|assigned|provided|specified|stated|defined)\s+"
                      r"(?:to\s+(?:it|such\s+term|them)\s+|for\s+(?:it|such\s+term)\s+)?)?(?:in|under|by)\b|"
                      r"\s*(?:set\s+forth|given|ascribed|assigned)\b", re.IGNORECASE)
# '"Service" means the programming service ... as defined in the preamble': a definition that points back.
_POINTER_LATER = re.compile(r"[^.;]{0,160}?\b(?:as\s+(?:defined|described)\s+(?:in|above)|defined\s+(?:above|in\s+the\s+"
                            r"(?:preamble|recitals?))|set\s+forth\s+in\s+the\s+(?:preamble|recitals?))\b", re.IGNORECASE)
_TITLE_BEFORE = re.compile(r"\b(?:Exhibit|Schedule|Annex|Appendix|Attachment|Section|Article|Clause)s?\s+[\w.()\-]{1,10}"
                           r"\s*$|(?:,|\band)\s*\d{1,3}\s*$", re.IGNORECASE)


def _definitions(ctx: Analysis) -> list[Definition]:
    return ctx.enrichment.definitions


def definition_sites(text: str) -> Iterator[tuple[str, int, int, str]]:
    """Every place a term is defined: ``(term, term_start, term_end, style)``, repeats included. The sites come
    from enrichment's own patterns (:func:`leverage_lens.enrich.definitions.definition_sites`); here they are
    graded: a quoted term that only points to its definition is a ``pointer``, one that only widens or narrows
    it ('"Confidential Information" shall include ...') an ``extension``, one that holds for a single section or a
    single party ('for purposes of this Section 9, "Losses" means', 'Sutro's "Senior Management" means') is
    ``scoped``, a role named in one clause ('(an "Indemnified Party")') a ``role``; a quoted name inside a remark is
    dropped, and a bracket after an exhibit's number is a ``title``."""
    for site in _enrich_sites(text):
        term, a, b, style = site.term, site.start, site.end, site.style
        if style == "quoted":
            after = site.marker_end
            verb = text[site.marker_start: site.marker_end].lower()
            if "meaning" in verb or _POINTER.match(text, after, after + 60) or \
                    _POINTER_LATER.match(text, after, after + 200):
                style = "pointer"  # '"Term" has the meaning set forth in ...' points to the definition
            elif "includ" in verb or ("refer" in verb and _REFERENCES_TO.search(text, max(0, a - 40), a)):
                style = "extension"  # '"Data" includes ...', 'references to the "Loan" shall refer to ...'
        if _OTHER_DOCUMENT_NAMED.search(text, max(0, a - 200), a) or _TITLE_QUOTE.search(text, max(0, a - 16), a):
            style = "title"  # 'Reference is made to the Service Agreement (the "Agreement")', 'Exhibit "A"'
            yield term, a, b, style
            continue
        elif style == "parenthetical":
            # '(such as the "Goosehead Insurance" marks)': a quoted name inside a remark is not a definition.
            if re.search(r"\w", text[b: site.marker_end - 1].lstrip("\"\u201d\u201c'\u2019")):
                continue
            # 'Exhibit 10 ("LRUs repair Service")' is a title, not a definition.
            if _TITLE_BEFORE.search(text, max(0, site.marker_start - 30), site.marker_start):
                style = "title"
            elif _ROLE.match(text, site.marker_start, a):
                style = "role"
        if style in ("quoted", "means", "parenthetical") and (
                _SCOPED.search(text, max(0, a - 160), a) or _POSSESSOR.search(text, max(0, a - 12), a)):
            style = "scoped"
        yield term, a, b, style


_REFERENCES_TO = re.compile(r"\breferences?\s+(?:herein\s+|in\s+this\s+\w+\s+)?to\s+(?:the\s+|a\s+|any\s+)?[\"\u201c]?$",
                            re.IGNORECASE)
_OTHER_DOCUMENT_NAMED = re.compile(r"\breference\s+is\s+(?:hereby\s+)?made\s+to\b[^.;]{0,180}$", re.IGNORECASE)
_TITLE_QUOTE = re.compile(r"\b(?:Exhibit|Schedule|Annex|Appendix|Attachment|Part|Item)s?\s+[\"\u201c]$", re.IGNORECASE)
# '(an "Indemnified Party")', '(each, a "Claim")': a name for a role in one clause, repeated where it recurs.
_ROLE = re.compile(r"\(\s*(?:each(?:\s+such)?,?\s+)?(?:a|an|any|such)\s+[\"\u201c]", re.IGNORECASE)
# A definition that holds for one part only: "for purposes of this Section 9", "as used in this Article",
# "for this section only".
_SCOPED = re.compile(r"\b(?:for\s+(?:the\s+)?purposes?\s+of\s+this\s+(?:Section|Article|clause|paragraph|Exhibit|"
                     r"Schedule|Annex|Appendix|subsection)|as\s+used\s+in\s+this\s+(?:Section|Article|clause|paragraph|"
                     r"Exhibit|Schedule|subsection)|(?:for|in)\s+this\s+(?:section|article|clause|paragraph)\s+only|"
                     r"for\s+(?:purposes\s+of\s+)?this\s+(?:section|article)\s+only)\b[^.;]{0,140}$", re.IGNORECASE)
# "Sutro's "Senior Management" means": each party's own sense of the term.
_POSSESSOR = re.compile(r"[A-Za-z]['\u2019]s\s+[\"\u201c]?$")


def _sites(ctx: Analysis) -> dict[str, list[tuple[int, int, str]]]:
    got = ctx.cache.get("ambiguity.sites")
    if got is None:
        got = {}
        for term, a, b, style in definition_sites(ctx.text):
            got.setdefault(term, []).append((a, b, style))
        ctx.cache["ambiguity.sites"] = got
    return got  # type: ignore[return-value]


@rule(
    "ambiguity.term_defined_twice",
    kind="ambiguity",
    description="The same term is defined in two places: if the definitions differ, which one governs? Not "
    "reported: a definition carried on in the next sentence (\u201c(\u2018Data\u2019). Data means ...\u201d), one "
    "that points back (\u201cas defined in the preamble\u201d), a party's name and short name restated, and "
    "definitions inside an attached document of its own (a form, a statement of work).",
    severity="medium", category=DEFINED_TERMS,
    suggestion="keep one definition and delete the other (or refer to the first)",
    fires_on=('1. Definitions. "Services" means hosting. 2. Scope. Supplier shall provide support (the '
              '"Services") to Customer.',),
    quiet_on=('1. Definitions. "Services" means hosting. 2. Scope. Supplier shall provide the Services.',
              '1. Secrecy. Each party may receive secrets (the "Confidential Information"). Confidential Information '
              "means all data marked as confidential. 2. Use. Confidential Information is used only for this "
              "Agreement.",
              '1. Definitions. "Service" means the hosting service as defined in the preamble. 2. Scope. Supplier '
              'provides hosting (the "Service").'),
)
def term_defined_twice(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    text = ctx.text
    party_names = {p.name for p in ctx.parties if len(p.name) > 3}
    aliases = {a for p in ctx.parties for a in (p.name, *p.aliases, *([p.role] if p.role else []))}
    for term, sites in _sites(ctx).items():
        kept = sorted({(a, b, st) for a, b, st in sites if st in ("quoted", "means", "parenthetical")
                       and not in_uncertain(ctx, a)})
        if len(kept) < 2:
            continue
        if all(st == "parenthetical" and (term in aliases or _names_party_before(text, a, party_names))
               for a, _, st in kept):
            continue  # a party's full name with its short name, restated (in an exhibit, a notice): the same party
        uniq = [(kept[0][0], kept[0][1])]
        for (_, pb, _), (a, b, st) in pairwise(kept):
            # '("Confidential Information"). Confidential Information means ...', '"Data" means ... "Data"
            # includes ...': the next sentence carries on the same definition.
            if st != "parenthetical" and a - pb < 250 and "\n" not in text[pb: a] and _CONTINUES.fullmatch(text, pb, a):
                continue
            uniq.append((a, b))
        if len(uniq) < 2:
            continue
        # The same name defined twice the same way (a cover page and the preamble both say 'Acme ("Acme")').
        before = {" ".join(text[max(0, a - 60): a].lower().split()[-4:]) for a, _ in uniq}
        if len(before) == 1:
            continue
        # A second definition inside a separate document attached (a form of guaranty, a statement of work) or a
        # party's name repeated on the signature page is not a conflict in this one.
        idx = clause_index(ctx)
        styles = {(a, b): st for a, b, st in kept}
        main = [(a, b) for a, b in uniq if not _separate_part(ctx, idx.top(a), styles[(a, b)])]
        if len(main) < 2:
            continue
        uniq = main
        (a1, b1), (a2, b2) = uniq[0], uniq[1]
        out.append(finding(ctx, r, a2, b2, f"\u201c{term}\u201d is defined {len(uniq)} times; first at offset "
                           f"{a1} (\u201c{' '.join(text[max(0, a1 - 30): b1 + 20].split())}\u201d).",
                           evidence=[Span(start=a, end=b, label="definition") for a, b in uniq]))
    return out


# Between two sites of one term: the rest of the first sentence, then the second sentence's opening words.
_CONTINUES = re.compile(r"[^.;]*[.;]\s+(?:[A-Z][\w\s,'\u2019]{0,80}?,\s+)?(?:the\s+term\s+|an?\s+|the\s+)?"
                        r"(?:[\"\u201c][^\"\u201d]{1,40}[\"\u201d]\s+or\s+)?[\"\u201c]?", re.IGNORECASE)


def _names_party_before(text: str, pos: int, names: set[str]) -> bool:
    window = text[max(0, pos - 100): pos]
    return any(n in window for n in names)


_ATTACHMENTS = ("exhibit", "schedule", "annex", "appendix", "attachment")
# The opening of a document of its own: a form, a statement of work, an agreement with its own parties.
_OWN_DOCUMENT = re.compile(r"\bform\s+of\b|\bby\s+and\s+(?:between|among)\b|\bentered\s+into\b|\breference\s+is\s+made\s+to\b|"
                           r"\bletter\s+of\s+credit\b|\bto\s+whom\s+it\s+may\s+concern\b|\bdear\s+(?:sir|madam|\[)|"
                           r"\bis\s+made\s+(?:as\s+of|on|this)\b|\bstatement\s+of\s+work\b", re.IGNORECASE)


def _separate_part(ctx: Analysis, top: Clause | None, style: str) -> bool:
    """Whether a definition site sits in a part that is not this contract's own text: an attachment that opens
    as a document of its own, or (for a party's name defined in brackets) the signature page."""
    cid = (top.id if top is not None else "") or ""
    kind = cid.split("-")[0].lower()
    if kind == "signature":
        return style == "parenthetical"
    if kind in _ATTACHMENTS and top is not None:
        return _OWN_DOCUMENT.search(ctx.text, top.start, min(top.end, top.start + 1500)) is not None
    return False


_INFLECTED = ("s", "es", "'s", "\u2019s")


def _used(text: str, d: Definition, inflected: dict[str, list[int]] | None = None,
          runs: WordRuns | None = None) -> bool:
    if d.uses:
        return True
    # Plurals and possessives of a defined term count as uses ("Product" -> "Products", "Licensor's"), except
    # where they start inside the term's own defining span.
    if inflected is None:
        inflected = {}
    for form in _forms_of(d.term):
        if form not in inflected:
            # a form other than the term as defined counts bare too ("Contract Period" for "CONTRACT PERIOD")
            inflected[form] = _inflected_uses(text, form, runs, bare=form != d.term)
        found = inflected[form]
        inside = bisect_left(found, d.term_span.end) - bisect_left(found, d.term_span.start)
        if len(found) > inside:
            return True
    return False


def _forms_of(term: str) -> list[str]:
    """The ways a term may be written where it is used: as defined, with its spacing made regular ("Article
    Fees" for "Article      Fees" in extracted text), without an optional plural ("Clinic" for "Clinic(s)"),
    in title case when it was defined in capitals for emphasis ("Deliverable" for "DELIVERABLE"), and with a
    hyphen broken at a line end ("Know- How")."""
    out = [term]
    flat = " ".join(term.split())
    words = flat.split()
    forms = [flat, flat.replace("(s)", "").replace("(es)", ""), flat.title() if flat.isupper() else flat,
             flat.replace("-", "- ")]  # "Know- How": a hyphen broken at a line end in extracted text
    # A plural defined, its singular used ("Covered Employees" means ...; "any Covered Employee"): the same term.
    if len(flat) > 4 and flat.endswith("s") and not flat.endswith(("ss", "us", "is")) and flat[-2].islower():
        forms.append(flat[:-1])
    # Defined in sentence case at the start of a sentence ('"Best efforts" means ...'): its uses mid-sentence
    # are in lower case ("shall use all best efforts").
    if len(words) > 1 and words[0][:1].isupper() and words[0][1:].islower() and all(w.islower() for w in words[1:]):
        forms.append(flat[0].lower() + flat[1:])
    for form in forms:
        if form and form not in out:
            out.append(form)
    return out


def _inflected_uses(text: str, term: str, runs: WordRuns | None = None, *, bare: bool = False) -> list[int]:
    """Sorted starts of the term's plurals and possessives standing as whole words (not after or before a
    word character or a hyphen). With ``runs`` (the starts of each needed word run, see :class:`WordRuns`)
    only the places where the text's run is the word's first run are looked at, not the whole text. ``bare``:
    the term itself counts too (for a form other than the one defined, whose own uses enrichment counted)."""
    out = []
    for suffix in (("", *_INFLECTED) if bare else _INFLECTED):
        word = term + suffix
        head = WordRuns.first_run(word)
        if runs is not None and head is not None and head in runs.at:
            out.extend(i for i in runs.at[head] if text.startswith(word, i) and not _word_char(text, i + len(word)))
            continue
        i = text.find(word)
        while i != -1:
            if not _word_char(text, i - 1) and not _word_char(text, i + len(word)):
                out.append(i)
            i = text.find(word, i + 1)
    return sorted(out)


def _word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] in "_-")


@rule(
    "ambiguity.term_unused",
    kind="ambiguity",
    description="A term is defined in the body of the contract but never used: often the clause that used it "
    "was deleted. Not reported: names given in the preamble and recitals to tell the story, and a term used "
    "only in lower case.",
    severity="low", category=DEFINED_TERMS,
    suggestion="delete the unused definition (or use the term where it was meant)",
    fires_on=('1. Definitions. "Territory" means Canada. 2. Scope. Supplier shall provide the Services.',),
    quiet_on=('1. Definitions. "Territory" means Canada. 2. Scope. Supplier sells in the Territory.',),
)
def term_unused(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    unused = [d for d in _definitions(ctx) if not d.uses]
    heads = {WordRuns.first_run(f + suffix) for d in unused for f in _forms_of(d.term) for suffix in ("", *_INFLECTED)}
    runs = WordRuns(text, (h for h in heads if h is not None)) if unused else None
    inflected: dict[str, list[int]] = {}
    vocab = lower_vocabulary(ctx)
    index = clause_index(ctx)
    out = []
    for d in unused:
        c = index.at(d.term_span.start)
        if c is not None and c.kind.value in ("title", "preamble", "recital"):
            continue  # named to tell the story ("WHEREAS, Seller owns the Hertz System"): harmless if unused
        if " " not in d.term and d.term.lower() in vocab:
            continue  # used in lower case ("the majority-in-interest"): a variant, not an unused definition
        if not _used(text, d, inflected, runs):
            out.append(finding(ctx, r, d.term_span.start, d.term_span.end,
                               f"\u201c{d.term}\u201d is defined but never used."))
    return out


@rule(
    "ambiguity.term_used_before_definition",
    kind="ambiguity",
    description="A term defined inline (\u201c(the \u2018Services\u2019)\u201d) is used three times or more in "
    "earlier sections, before the reader has its meaning. Not reported: a use or two ahead of the definition "
    "(the reader finds it a few lines on), a term announced as defined later (\u201cthe Term (as hereinafter "
    "defined)\u201d), a definition in an exhibit or after the signatures, and names every reader knows before "
    "they are defined (\u201cAgreement\u201d, \u201cTerm\u201d, \u201cBoard\u201d, \u201cEffective Date\u201d): "
    "three hand reviews found none of those worth a reader's time.",
    severity="low", category=DEFINED_TERMS,
    suggestion="move the definition to the first use, or into the definitions section",
    fires_on=("1. Fees. Customer shall pay for the Services monthly.\n\n2. Support. Supplier shall support the "
              "Services.\n\n3. Levels. The Services shall be available 99% of the time.\n\n4. Scope. Supplier "
              'shall provide hosting (the "Services").',),
    quiet_on=('1. Scope. Supplier shall provide hosting (the "Services"). 2. Fees. Customer shall pay for the '
              "Services monthly.",
              "1. Fees. Customer shall pay for the Services monthly.\n\n2. Scope. Supplier shall provide hosting "
              '(the "Services").',
              "1. Fees. Customer shall pay for the Services (as defined below) monthly.\n\n2. Support. Supplier "
              "shall support the Services.\n\n3. Levels. The Services shall be available 99% of the time.\n\n"
              '4. Scope. Supplier shall provide hosting (the "Services").'),
)
def term_used_before_definition(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    text = ctx.text
    sites = _sites(ctx)
    spans: list[tuple[int, int]] = []
    for a, b in sorted({(c.heading_span.start, c.heading_span.end) for c in ctx.doc.clauses if c.heading_span}):
        if spans and a < spans[-1][1]:
            spans[-1] = (spans[-1][0], max(b, spans[-1][1]))
        else:
            spans.append((a, b))
    headings = Regions(spans)
    names = {n for p in ctx.parties for n in (p.name, *p.aliases, *([p.role] if p.role else []))}
    index = clause_index(ctx)
    # Entries of a definitions list ('"Licensed IP" means ... and the Phase-Out Marks'): a list may use a term
    # that another entry, or a later clause, defines; the reader knows to look it up.
    entries = Regions(_merged((d.start, d.end) for d in _definitions(ctx) if d.style in ("quoted", "means")))
    for d in _definitions(ctx):
        if d.style != "parenthetical" or any(st != "parenthetical" for _, _, st in sites.get(d.term, ())):
            continue
        if d.term in names:
            continue  # a party's short name: the preamble and the signature lines name the party anyway
        if d.term in _KNOWN_BEFORE_DEFINED or _in_attachment(ctx, d.start):
            continue  # "the Term", "the Board": known before defined; or "defined" in an exhibit, a restatement
        if any(u.end <= d.start and _TOLD_LATER.match(text, u.end, u.end + 40) for u in d.uses):
            continue  # "the Term (as hereinafter defined)": the reader was told the definition comes later
        home = index.top(d.start)
        early = [u for u in d.uses if u.end <= d.start and u.start not in entries
                 and _counts_as_use(ctx, headings, u.start, u.end)
                 and not _defining_words(text, u.end, d.start) and not _same_clause(index, home, u.start)]
        if len(early) >= 5 and len(early) > 3 * (len(d.uses) - len(early)) and (
                d.start > 0.8 * len(text) or _in_attachment(ctx, d.start)):
            continue  # used throughout and "defined" in an exhibit or at the end: a restatement, not a slip
        if len(early) >= _EARLY_USES:
            u = early[0]
            out.append(finding(ctx, r, u.start, u.end, f"\u201c{d.term}\u201d is used {times(len(early))} before "
                               "it is defined.", evidence=[Span(start=d.term_span.start, end=d.term_span.end,
                                                                label="definition")]
                               + [Span(start=x.start, end=x.end, label="use") for x in early[1:]]))
    return out


#: Uses before the definition needed to report it: one or two the reader resolves a few lines on (three hand
#: reviews found 0 of 31 such findings useful).
_EARLY_USES = 3
# Names a reader knows before the contract defines them.
_KNOWN_BEFORE_DEFINED = frozenset({"Agreement", "Term", "Board", "Effective Date", "Party", "Parties"})


# After a use: "(as hereinafter defined)", "(defined below)": the reader is told the meaning comes later. Or a
# section or page number: an entry of a table of contents or of an index of defined terms.
_TOLD_LATER = re.compile(r"[\"\u201d]?,?\s*\(?\s*(?:as\s+)?(?:hereinafter|herein(?:after)?\s+)?(?:defined|described)\s+"
                         r"(?:below|hereinafter|herein|in\s+(?:Section|Article|Clause|paragraph))|[\"\u201d]?\s*\(\s*as\s+"
                         r"hereinafter\s+defined|[\"\u201d]?[ \t]+\d{1,3}(?:\.\d{1,3})*(?:\([a-z0-9]{1,3}\))*\.?(?=\s|$)",
                         re.IGNORECASE)


def _merged(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _in_attachment(ctx: Analysis, pos: int) -> bool:
    top = clause_index(ctx).top(pos)
    return top is not None and top.id.split("-")[0].lower() in _ATTACHMENTS + ("signature",)


def _counts_as_use(ctx: Analysis, headings: Regions, start: int, end: int) -> bool:
    """A use the reader meets as a term: not in a heading, a table of contents, a running header or an index,
    not announced as defined later, and not inside a longer capitalised name ("Advertising Fund fee")."""
    text = ctx.text
    if start in headings or in_uncertain(ctx, start) or _TOLD_LATER.match(text, end, end + 40):
        return False
    c = clause_index(ctx).at(start)
    if c is not None and c.kind.value in ("title", "preamble", "recital", "signature"):
        return False  # the cover page, preamble and recitals tell the story before the body defines its terms
    if _IN_LONGER_NAME_BEFORE.search(text, max(0, start - 40), start) or _IN_LONGER_NAME_AFTER.match(text, end):
        return False  # "Separation and Distribution Agreement", "Board of Directors": another, longer name
    before = _NAME_BEFORE.search(text, max(0, start - 30), start)
    return not (before and before.group(1) not in _DETERMINERS) and not re.match(r"\s+[A-Z]", text[end: end + 2])


def _same_clause(index: ClauseIndex, home: Clause | None, pos: int) -> bool:
    """Used in the clause that defines it: the reader meets the definition a few lines on."""
    top = index.top(pos)
    return home is not None and top is not None and top.id == home.id


def _defining_words(text: str, end: int, definition_start: int) -> bool:
    """The use is the name the definition brackets ('Autoliv ASP, Inc. ("Autoliv ASP")'): it runs up to the
    definition within the same sentence."""
    return definition_start - end <= 150 and not re.search(r"[.;]\s", text[end:definition_start])


_IN_LONGER_NAME_BEFORE = re.compile(r"\b[A-Z][\w\-]*\s+(?:and|&|of|for)\s+$")
_IN_LONGER_NAME_AFTER = re.compile(r"\s+(?:of|and|&)\s+[A-Z]")


_NAME_BEFORE = re.compile(r"\b([A-Z][\w\-]*)\s+$")
_DETERMINERS = {"The", "This", "That", "These", "Those", "Each", "Any", "All", "Such", "No", "A", "An", "Its", "Their",
                "Our", "Your", "His", "Her", "Every", "Either", "Neither", "Both", "If", "In", "On", "Of", "For", "By",
                "Upon", "With", "To", "As", "At", "From", "Under", "Unless", "When", "Where", "While", "And", "Or"}


# Nouns that take no plural: "Confidential Informations" is always a slip.
_MASS = {"information", "software", "equipment", "property", "know-how", "documentation", "data", "personnel",
         "technology", "consideration", "confidential information", "intellectual property"}
_CAPS = re.compile(r"[A-Z](?<![\w\-'][A-Z])(?:[a-z][\w\-]*)(?:\s+(?:of\s+|and\s+)?[A-Z][a-z][\w\-]*){0,4}(?![\w\-])")


@rule(
    "ambiguity.term_variant",
    kind="ambiguity",
    description="A near-variant of a defined term: different capitalisation (\u201cconfidential "
    "Information\u201d), a plural of a mass noun (\u201cConfidential Informations\u201d) or a misspelling "
    "(\u201cLicenced Product\u201d) that a reader may take for a different thing. Not reported: an adjective "
    "before a defined term (\u201cthe receiving Party\u201d where \u201cParty\u201d is defined), words in "
    "capitals (headings) and a phrase that runs on into another term (\u201cother IP Action\u201d).",
    severity="medium", category=DEFINED_TERMS,
    suggestion="use the defined term exactly as defined",
    fires_on=('1. Definitions. "Confidential Information" means secrets. 2. Duty. The recipient shall protect '
              "confidential Information.",
              '1. Definitions. "Confidential Information" means secrets. 2. Duty. The recipient shall protect all '
              "Confidential Informations.",
              '1. Definitions. "Licensed Product" means the widget. 2. Fees. Royalties are due on each Licenced '
              "Product sold."),
    quiet_on=('1. Definitions. "Confidential Information" means secrets. 2. Duty. The recipient shall protect '
              "Confidential Information and confidential information of third parties.",
              '1. Definitions. "Licensed Product" means the widget. 2. Fees. Royalties are due on all Licensed '
              "Products sold."),
)
def term_variant(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    defs = [d for d in _definitions(ctx) if len(d.term) >= 4 and not d.term.isupper() and "(" not in d.term]
    if not defs:
        return []
    terms = {d.term for d in defs}
    all_defined = set(_sites(ctx)) | {d.term for d in _definitions(ctx)}
    party_words = {w for p in ctx.parties for n in (p.name, *p.aliases) for w in n.split()}
    # variant as written -> (the term it stands for, what differs, its uses)
    groups: dict[str, tuple[str, str, list[tuple[int, int]]]] = {}
    for a, b, variant, want in case_variants(ctx, defs, all_defined):
        groups.setdefault(variant, (want, "capitalisation", []))[2].append((a, b))
    for a, b, variant, want in misspellings(ctx, defs, all_defined, skip=party_words):
        groups.setdefault(variant, (want, "spelling", []))[2].append((a, b))
    # Plurals of mass nouns and misspelt phrases whose odd word is also an ordinary word ("Licenced Product").
    term_list = sorted(terms)
    slips: list[tuple[str, str]] = []
    for cand in set(_CAPS.findall(text)):
        if " " not in cand or cand in all_defined or len(cand) < 6 or cand in groups:
            continue  # a single word is never a slip here (see _variants.misspellings): skip the fuzzy search
        hit = process.extractOne(cand, term_list, scorer=fuzz.ratio, score_cutoff=90)
        if hit is not None and _is_slip(cand, hit[0], all_defined):
            slips.append((cand, hit[0]))
    # Each slip wherever it stands alone: looked for where the text's word run is the slip's first word (a
    # capital letter starts every slip, so each occurrence starts such a run), not by a scan per slip.
    runs = WordRuns(text, (WordRuns.first_run(c) or c for c, _ in slips)) if slips else None
    for cand, want in slips:
        exact = re.compile(rf"{re.escape(cand)}(?![\w\-])")
        for s in runs.at.get(WordRuns.first_run(cand) or cand, []) if runs is not None else []:
            if (s and text[s - 1] in "'\u2019") or not exact.match(text, s):
                continue
            groups.setdefault(cand, (want, "form", []))[2].append((s, s + len(cand)))
    out = []
    for variant, (want, how, spans) in groups.items():
        spans = sorted(x for x in set(spans) if not in_uncertain(ctx, x[0]))
        if not spans:
            continue
        n = len(spans)
        what = {"capitalisation": "in capitalisation", "spelling": "in spelling"}.get(how, "in form")
        a, b = spans[0]
        out.append(finding(ctx, r, a, b, f"\u201c{variant}\u201d ({times(n)}) differs from the defined term "
                           f"\u201c{want}\u201d {what}.",
                           evidence=[Span(start=x, end=y, label="occurrence") for x, y in spans[1:]]))
    return out


def _is_slip(cand: str, want: str, defined: set[str]) -> bool:
    """True for a misspelling or a mass-noun plural; False for ordinary plurals, possessives and other words."""
    if cand.lower() == want.lower() or cand.replace("-", "") == want.replace("\xad", "").replace("-", ""):
        return False  # capitalisation is handled by the case scan; soft hyphens are invisible
    cw, ww = cand.split(), want.split()
    if len(cw) != len(ww) or len(cw) == 1:
        return False  # single words ("Translation" / "Transaction", "Completion" / "Completing") are other words
    if cand in (want + "s", want + "es") or want in (cand + "s", cand + "es") or cand.startswith(want + "'"):
        return want.lower() in _MASS or ww[-1].lower() in _MASS
    if want.endswith("y") and cand == want[:-1] + "ies":
        return False
    # Exactly one word differs, by a small edit, and neither word is a different common word form.
    diff = [(a, b) for a, b in zip(cw, ww) if a != b]
    if len(diff) != 1:
        return False
    a, b = diff[0]
    if a.lower() == b.lower() or len(a) < 5 or len(b) < 5 or a[0].lower() != b[0].lower():
        return False
    if not_a_slip(a, b):
        return False  # an inflection ("Manufacture" / "Manufactured") or a counterpart ("Licensor" / "Licensee")
    al, bl = a.lower(), b.lower()
    return Levenshtein.distance(al, bl) <= (2 if min(len(al), len(bl)) >= 10 else 1) and cand not in defined


_REFERS_ELSEWHERE = re.compile(
    r"(?:capitali[sz]ed\s+terms?|terms\s+(?:used\s+)?(?:but\s+)?not\s+(?:otherwise\s+)?defined|"
    r"defined\s+terms?)[^.]{0,160}\b(?:meaning|meanings|defined|definitions?)\b[^.]{0,60}\b(?:in|under|on)\b",
    re.IGNORECASE,
)


@rule(
    "ambiguity.term_undefined",
    kind="ambiguity",
    description="A capitalised term is used as a defined term in the middle of sentences (\u201cthe Licensed "
    "Goods\u201d three times, or a single word such as \u201cthe Territory\u201d four times) in a contract "
    "that defines its terms, but nothing defines it: typically a definition lost in an edit. Not reported: terms "
    "the contract says are defined in another agreement (\u201cCapitalized terms not defined herein have the "
    "meanings in the Purchase Agreement\u201d, \u201cClosing (as defined in ...)\u201d), quoted terms, parties' "
    "names, and names (words the contract never writes in lower case, names of courts, laws and documents).",
    severity="low", category=DEFINED_TERMS,
    suggestion="define the term, or write it in lower case if it is meant in its ordinary sense",
    fires_on=(_P + '1. Definitions. "Term" means one year. "Fees" means the price. 2. Sales. Customer sells the '
              "Licensed Goods in its territory. 3. Price. The price of the Licensed Goods is fixed. 4. Returns. "
              "Customer may return the Licensed Goods.",
              _P + '1. Definitions. "Term" means one year. "Fees" means the price. 2. Sales. Customer sells goods in '
              "the Territory. 3. Price. Prices in the Territory are fixed. 4. Ads. Customer advertises in the "
              "Territory. 5. Stock. Customer keeps stock in the Territory; no other territory is granted."),
    quiet_on=(_P + '1. Definitions. "Territory" means Canada. "Licensed Goods" means widgets. 2. Sales. Customer '
              "sells the Licensed Goods in the Territory. 3. Price. The price of the Licensed Goods is fixed. "
              "4. Returns. Customer may return the Licensed Goods.",
              _P + '1. Definitions. "Term" means one year. "Fees" means the price. Capitalized terms used but not '
              "defined herein have the meanings given in the Purchase Agreement. 2. Sales. Customer sells the "
              "Licensed Goods. 3. Price. The price of the Licensed Goods is fixed. 4. Returns. Customer may return "
              "the Licensed Goods."),
)
def term_undefined(ctx: Analysis, r: Rule) -> list[Finding]:
    text = ctx.text
    defs = _definitions(ctx)
    if len(defs) < 3 or _REFERS_ELSEWHERE.search(text):
        return []
    defined = set(_sites(ctx)) | {d.term for d in defs}
    names = {n for p in ctx.parties for n in (p.name, *p.aliases, *([p.role] if p.role else []))}
    out = []
    for term, starts in undefined_terms(ctx, defined, names):
        starts = [s for s in starts if not in_uncertain(ctx, s)]
        if not starts:
            continue
        s = starts[0]
        out.append(finding(ctx, r, s, s + len(term), f"\u201c{term}\u201d is used {times(len(starts))} as a defined "
                           "term but is never defined.",
                           evidence=[Span(start=a, end=a + len(term), label="use") for a in starts[1:]]))
    return out


_DEFINITIONS_HEADING = re.compile(r"(?i)(?:article\s+\w+\s+)?(?:certain\s+)?definitions(?:\s+and\s+"
                                  r"(?:interpretation|construction|rules\s+of\s+construction))?\.?$")
_TOC = re.compile(r"(?i)table\s+of\s+contents|\bpage\b|(?:\b(?:article|section)\s+[\dIVX.]+\b.*){3}")
_DEFINING_WORDS = re.compile(r"\bmeans?\b|\bmeanings?\b|\brefers?\s+to\b|\bdefined\b|\bdefinitions?\s+"
                             r"(?:of|in|set)\b|\bincludes?\b|\bshall\s+include\b", re.IGNORECASE)


@rule(
    "ambiguity.definitions_section_empty",
    kind="ambiguity",
    description="A section headed \u201cDefinitions\u201d yields no definitions: terms may be defined in a "
    "form the reader (and the parser) cannot recognise.",
    severity="medium", category=DEFINED_TERMS,
    suggestion="write each definition as \u201c\u201cTerm\u201d means ...\u201d",
    fires_on=("1. Definitions. In this Agreement the words below have these senses. Term: one year from the date "
              "of signature. Territory: Canada and the United States. Products: the widgets in the price list.\n\n"
              "2. Fees. Customer pays.",),
    quiet_on=('1. Definitions. "Term" means one year.\n\n2. Fees. Customer pays.',),
)
def definitions_section_empty(ctx: Analysis, r: Rule) -> list[Finding]:
    out = []
    idx = {c.id: c for c in ctx.doc.clauses}
    warned = [w for w in ctx.doc.warnings if w.code == "definitions_without_definitions"]
    if not warned:
        return out
    term_starts = sorted(d.term_span.start for d in _definitions(ctx))
    following = FollowingClause(ctx.doc.clauses)
    for w in warned:
        if w.clause_ids and w.clause_ids[0] in idx:
            c = idx[w.clause_ids[0]]
            # "Interpretation" sections hold rules of construction, and a heading ending in a page number is a
            # table-of-contents line, not the section.
            if not c.heading or not _DEFINITIONS_HEADING.match(c.heading.strip()) or c.heading.rstrip()[-1:].isdigit():
                continue
            if any_within(term_starts, c.start, c.end):
                continue  # the parser missed definitions that enrichment found
            # The section's reach: up to the next part of the same or a higher level (children included).
            # The parser's own "definition-N" items that follow belong to the section.
            nxt = following.after(c.start, c.level, default=len(ctx.text))
            if any_within(term_starts, c.start, nxt):
                continue
            body = ctx.text[c.start: max(c.end, nxt)]
            after = ctx.text[(c.heading_span.end if c.heading_span else c.start): c.start + 200]
            if re.match(r"\W*\d{1,3}\s+(?:\d{1,3}\s+)?[A-Z]{3,}|\W*(?:Section|Article)\s+[\d.]+\s+[\w ]{3,40}?\s\d{1,3}\s",
                        after):
                continue  # a table-of-contents line: "1 DEFINITIONS 2 2 BASIC PRINCIPLES 6"
            if len(body) < 60 or _DEFINING_WORDS.search(body) or re.search(r"[\"\u201c][A-Z]", body) or \
                    _TOC.search(body[:400]):
                continue  # a table-of-contents line, or definitions in a form the parser does not read
            end = c.heading_span.end if c.heading_span else min(c.end, c.start + 40)
            out.append(finding(ctx, r, c.start, end, f"Section {_citation(ctx, c.id)} \u201c{c.heading}\u201d defines nothing "
                               "recognisable."))
    return out


def _citation(ctx: Analysis, clause_id: str) -> str:
    """The clause's citation ("4.2(a)"), from the document's citations read once per analysis."""
    cites = ctx.cache.get("citations")
    if cites is None:
        cites = ctx.cache["citations"] = ctx.doc.citations()
    return cites.get(clause_id, clause_id)


#: The rules of this bundle, in the order they are declared (collected by ``registry.builtin_rules``).
RULES: tuple[Rule, ...] = (term_defined_twice, term_unused, term_used_before_definition, term_variant, term_undefined, definitions_section_empty)
