"""Section references and the sections they may point to, read once per document: the index the
cross-reference rules (:mod:`.cross_references`) and the parse-health test (:mod:`._health`) share.

References are found by one pattern over the text ("Section 9.1(a)", "Sections 2 and 3", "Article IV"). A
reference is checked against the parsed clause ids and numbers, and also against the text itself (a number
printed as a heading that the segmenter did not split still counts), so a parse miss does not become a finding.
References into other documents ("Section 409A of the Code", "Section 2.1 of the Purchase Agreement") are skipped.
"""

from __future__ import annotations

import re

from ...analysis import Analysis
from ...model import Clause
from ._common import clause_index
from ._index import RunIndex

_NUM = r"(?:\d{1,4}[A-Z]?(?:\.\d{1,4}){0,3}(?![\d\-])\.?(?:\s?\([a-zA-Z0-9]{1,4}\)){0,3}|[IVXLC]{1,8}\b(?:\s?\([a-zA-Z0-9]{1,4}\)){0,2})"
# Every citation style the segmenter reads: "Section 12.3(b)", "Article IV", "ARTICLE 7", "clause 7", "paragraph 3".
_REF = re.compile(
    rf"(?=[SACPsacp])\b(?P<kw>Sections?|Articles?|Clauses?|Paragraphs?|SECTIONS?|ARTICLES?|CLAUSES?|PARAGRAPHS?|sections?|"
    rf"articles?|clauses?|paragraphs?)\s+(?P<num>{_NUM})"
    rf"(?P<more>(?:\s*(?:,|and|or|through|to|-|\u2013)\s*(?:{_NUM}))*)",
)
_OTHER_DOC = re.compile(
    r"[\s,]*(?:\([^)]{0,40}\)\s*)?(?:thereof|thereunder|therein|of\s+(?:that|such|the\s+applicable)|"
    r"(?:of|in|under|to)\s+(?:the\s+|that\s+(?:certain\s+)?|such\s+|said\s+|any\s+|an?\s+)?"
    r"(?!this\b|these\b|hereof\b|herein\b|the\s+Agreement\b|Agreement\b)"
    r"(?:[A-Z]|\d{4}\s+Act|Exhibit|Schedule|Annex|Appendix|Attachment|[a-z]+\s+(?:agreement|plan|act|code)))",
)
_OTHER_AGREEMENT_AHEAD = re.compile(
    r"[^.;]{0,120}?\b(?:of|under|in)\s+(?:the|that|such)\s+(?!Agreement\b)(?:[A-Z][\w\-]*\s+){1,6}"
    r"(?:Agreement|Plan|Act|Code|Indenture|Tariff|Regulations?)\b")
# Statutes and regulations named just before the reference: "21 C.F.R. Sections 210", "REPS Act Section 352".
_STATUTE_BEFORE = re.compile(r"(?:C\.\s?F\.\s?R\.?|U\.\s?S\.\s?C\.?|\bCode\b|\bAct\b|\bLaws?\b|\bRegulations?\b|"
                             r"\bTitle\s+\d+|\bRule\b|\bPart\s+\d+|\bSchedule\s+[\w\-]+,?)[^.;]{0,30}$|"
                             r"\b[A-Z]{2,6}\s*$|\blocated\s+(?:at|in)\s*$")
_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def _roman(s: str) -> int | None:
    total = 0
    for i, ch in enumerate(s):
        v = _ROMAN.get(ch)
        if v is None:
            return None
        total += -v if i + 1 < len(s) and _ROMAN.get(s[i + 1], 0) > v else v
    return total


def _norm(num: str) -> str:
    return re.sub(r"\s+", "", num).rstrip(".").lower()


# A number printed as a heading or list item ("9.1 ", "9.1. Fees", "Section 9.1", "(c) "), collected in one scan.
# The leading look-aheads name the characters a match can start with (same matches, faster scans).
_PRINTED = re.compile(r"(?=[\s\dSAIVXLC(])(?:^|(?<=[\n.;:])\s*|(?<=\s\s))(?:(?:Section|SECTION|Article|ARTICLE)\s+)?"
                      r"(?P<n>\d{1,4}[A-Z]?(?:\.\d{1,3}){0,4}|[IVXLC]{1,6}|\([a-zA-Z0-9]{1,4}\))\.?"
                      r"(?:\s*(?=[A-Z\"\u201c(\[\-\u2013\u2014])|(?=[A-Z][a-z]))",
                      re.MULTILINE)

_PRINTED_INT = re.compile(r"(?=[ \t\dSA])(?:(?:^|(?<=[\n.;])|(?<=\s\s))[ \t]*(?:(?:(?:Section|SECTION|Article|ARTICLE)\s+)"
                          r"(?P<a>\d{1,4})\.?\s*(?:[\-\u2013\u2014:][ \t]*)?|"
                          r"(?<![\w.])(?P<b>\d{1,4})(?:\.[ \t]*|[ \t]{1,12}(?:[\-\u2013\u2014][ \t]+)?))"
                          r"(?=[A-Z\"\u201c(\[])"
                          # "AGREEMENT OF THE PARTIES 1. APPOINTMENT": a number and a capitalised heading anywhere
                          r"|(?<![\w.,$/\-])(?P<c>\d{1,4})\.[ \t]+(?=[A-Z]{3,}\b))",
                          re.MULTILINE)


class _Targets:
    """Clause ids and numbers of one document, normalised, and what each resolves to."""

    def __init__(self, ctx: Analysis) -> None:
        self.by_key: dict[str, Clause] = {}
        for c in clause_index(ctx).clauses:
            keys = [_norm(c.id.split("~")[0])] + ([_norm(c.number)] if c.number and c.level == 0 else [])
            for k in keys:
                old = self.by_key.get(k)
                # Two clauses read as "7" (a table of contents line and the section): the longer one is it.
                if old is None or (old.level == c.level and c.end - c.start > old.end - old.start):
                    self.by_key[k] = c
        for c in clause_index(ctx).clauses:  # "Article IV" when the articles are numbered 4, and back
            if c.level == 0 and c.number:
                n = _norm(c.number).replace("article", "").replace("section", "").strip()
                r = _roman(n.upper())
                if r:
                    self.by_key.setdefault(str(r), c)
        self._text = ctx.text
        self._printed: set[str] | None = None
        self._printed_int: set[str] = set()
        self._dotted: dict[str, list[int]] | None = None
        self._appears_memo: dict[str, bool] = {}
        self._run_index: RunIndex | None = None
        self._labels: dict[str, set[str]] = {}

    def _runs(self) -> RunIndex:
        if self._run_index is None:
            self._run_index = RunIndex(self._text)
        return self._run_index

    def resolve(self, num: str) -> Clause | None:
        key = _norm(num)
        if key in self.by_key:
            return self.by_key[key]
        r = _roman(key.upper())
        return self.by_key.get(str(r)) if r else None

    def _appears(self, n: str) -> bool:
        """Whether the dotted number ``n`` is printed somewhere other than right after a reference word."""
        if n not in self._appears_memo:
            self._appears_memo[n] = self._appears_uncached(n)
        return self._appears_memo[n]

    def _appears_uncached(self, n: str) -> bool:
        if not _PLAIN_DOTTED.fullmatch(n):  # "4.1(a)": looked up among the number-like runs, then matched
            exact = re.compile(rf"{re.escape(n)}(?![\w]|\.\d)")
            for a in self._runs().candidates(n):
                if exact.match(self._text, a) and not _REF_WORD_BEFORE.search(self._text, max(0, a - 14), a):
                    return True
            return False
        text = self._text
        if self._dotted is None:  # every free-standing dotted number, found in one scan on first use
            self._dotted = {}
            for m in _DOTTED.finditer(text):
                e = m.end()
                if not (e < len(text) and (text[e].isalnum() or text[e] == "_")):
                    self._dotted.setdefault(m.group(0), []).append(m.start())
        return any(not _REF_WORD_BEFORE.search(text, max(0, a - 14), a) for a in self._dotted.get(n, ()))

    def exists(self, num: str) -> bool:
        """Whether the contract has the section ``num``: a parsed clause or a printed heading, and for a
        sub-item ("5.2(d)") of a parsed clause, the item's label printed inside that clause."""
        n = re.sub(r"\s+", "", num).rstrip(".")
        if "(" in n and self.resolve(n) is None:
            base = self.resolve(n[: n.index("(")])
            if base is not None:
                labels = self._labels_in(base)
                return all(lab.lower() in labels for lab in re.findall(r"\(([A-Za-z0-9]{1,4})\)", n)[:1])
        return self.resolve(n) is not None or self.printed(n)

    def _labels_in(self, c: Clause) -> set[str]:
        """Enumerator labels printed in a clause ("(a)", "b)", "(iv)"), lower-cased, read once per clause."""
        got = self._labels.get(c.id)
        if got is None:
            got = self._labels[c.id] = {m.group(1).lower() for m in _ENUM_LABEL.finditer(self._text, c.start, c.end)}
        return got

    def printed(self, num: str) -> bool:
        """Whether any form of the number or its top level appears as a heading in the text."""
        n = re.sub(r"\s+", "", num).rstrip(".")
        head = n.split("(")[0].rstrip(".")
        forms = {n, head}
        if not head:  # "(c)" alone: the item itself must be printed; with a head, the head decides
            forms.add(n[n.rindex("("):])
        if "." in n and self._appears(n):
            return True  # a dotted number printed anywhere other than in a reference: the section exists
        if self._printed is None:  # built on the first unresolved reference only
            self._printed = {m.group("n") for m in _PRINTED.finditer(self._text)}
            self._printed_int = {m.group("a") or m.group("b") or m.group("c") for m in _PRINTED_INT.finditer(self._text)
                                 if not (m.group("c") and _REF_WORD_BEFORE.search(self._text, max(0, m.start() - 14),
                                                                                   m.start()))}
            self._parents = {p for n in self._printed for p in _prefixes(n)}
            self._parents.update(p for k in self.by_key for p in _prefixes(k))
        # "Section 11" exists when "11.5" does: a child proves its parent. A bare "11" must look like a heading
        # on its own line ("11. Fees", "ARTICLE 11"): page numbers, table-of-contents page columns, table cells
        # ("King: 52 Typical") and addresses ("36-A") are not sections.
        return any((f in self._printed_int if f.isdigit() else f in self._printed) or f in self._parents
                   for f in forms if f)


_ENUM_LABEL = re.compile(r"(?:(?<![\w)])\(|(?<![\w(.])(?=[a-z]{1,4}\)))([A-Za-z0-9]{1,4})\)")
_PLAIN_DOTTED = re.compile(r"\d{1,4}(?:\.\d{1,4})+")
_DOTTED = re.compile(r"\d(?<![\w.]\d)\d{0,3}(?:\.\d{1,4})+")  # a digit first: the engine skips ahead to digits
_REF_WORD_BEFORE = re.compile(r"(?:Sections?|Articles?|Clauses?|Paragraphs?|SECTIONS?|ARTICLES?|CLAUSES?|PARAGRAPHS?|"
                              r"sections?|articles?|clauses?|paragraphs?|and|or|through|to|,)\s*$")


def _prefixes(num: str) -> list[str]:
    parts = num.split(".")
    return [".".join(parts[:i]) for i in range(1, len(parts))]


def _targets(ctx: Analysis) -> _Targets:
    got = ctx.cache.get("ambiguity.targets")
    if got is None:
        got = ctx.cache["ambiguity.targets"] = _Targets(ctx)
    return got  # type: ignore[return-value]


def _refs(ctx: Analysis) -> list[tuple[re.Match[str], str, int, int]]:
    """Every internal section reference: (match, number, start, end) for the first number and each listed one."""
    got = ctx.cache.get("ambiguity.refs")
    if got is not None:
        return got  # type: ignore[return-value]
    text = ctx.text
    out = []
    amendment = bool(re.search(r"\bAMENDMENT\b|\bAmendment\b|\bADDENDUM\b|\bAddendum\b", text[:600]))
    for m in _REF.finditer(text):
        end = m.end() - 1 if text[m.end() - 1] == "." else m.end()  # a full stop ends the sentence: read no further
        if _OTHER_DOC.match(text, end, end + 80) or _STATUTE_BEFORE.search(text, max(0, m.start() - 40), m.start()):
            continue
        if _OTHER_AGREEMENT_AHEAD.match(text, end, end + 160):
            continue  # "Sections 4 (Confidentiality) and 6 (Miscellaneous) of the Master Framework Agreement"
        if re.search(r"\n[ \t]*\n", text[m.end("kw"): m.start("num")]):
            continue  # "Section\n\n41\n\n[footer]\n\n6.2(b)": a page break, and 41 its page number
        if re.search(r"\bthis\s*$", text[max(0, m.start() - 6): m.start()]):
            continue  # "this Section 11.9": written inside the section it names
        if amendment and re.match(r"[^.;]{0,80}?\bof\s+the\s+Agreement\b", text[end: end + 100]):
            continue  # an amendment's "Section 6.1 of the Agreement" is a section of the amended agreement
        nums = [(m.group("num"), m.start("num"), m.end("num"))]
        for x in re.finditer(_NUM, m.group("more") or ""):
            xa, xb = m.start("more") + x.start(), m.start("more") + x.end()
            sep = text[nums[-1][2]: xa]
            if re.search(r"[-\u2013]", sep) and (nums[-1][0].endswith(".") or re.match(r"\s*[-\u2013]", text[xb: xb + 3])):
                break  # "Section 6.8.1. - 17 -": a page number after the sentence, not a range "6.8.1-17"
            nums.append((x.group(0), xa, xb))
        for num, a, b in nums:
            if num.strip().rstrip(".").isalpha() and not m.group("kw").lower().startswith("article"):
                continue  # "Section I" is rare; "Clause C" is usually a name
            while b > a and ctx.text[b - 1] in ". ":  # the full stop ending the sentence is not the number's
                b -= 1
            out.append((m, ctx.text[a:b], a, b))
    ctx.cache["ambiguity.refs"] = out
    return out


def reference_resolution(ctx: Analysis) -> tuple[int, int]:
    """How many distinct section numbers the text refers to are found in the contract, and how many are not
    (read by the parse-health test, :func:`._health.numbering_health`)."""
    t = _targets(ctx)
    seen: dict[str, bool] = {}
    for _, num, _, _ in _refs(ctx):
        key = _norm(num)
        if key not in seen:
            seen[key] = t.exists(num)
    found = sum(seen.values())
    return found, len(seen) - found
