"""The signature-block reader: the entity that signs (an upper-case line just before ``By:``) and the person
signing for it (``Name:`` / ``Title:`` lines, or ``By: /s/ Jane Doe``).

Only the last 12,000 characters are read, where signature pages are; a cheap scan for the labels says where
the name pattern can match, so the reader costs little on long contracts.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Signatory, Span
from .party_merge import Draft, merge
from .party_names import ENTITY, SUFFIX, clean_name, looks_like_person, norm, on_source_line
from .party_preamble import NOT_A_NAME
from .party_role_names import side_heads

__all__ = ["read_signatures", "signatories_after", "fill_signatories"]

_SIGNATURE = re.compile(r"(?P<name>[A-Z\u00c0-\u00de][A-Z0-9\u00c0-\u00de&.,'\u2019()\- ]{2,80}?)[\s:,]*\n?\s*(?:By|BY|Name|Signature)\s*[:_]")
_SIGNATURE_LABEL = re.compile(r"(?:By|BY|Name|Signature)\s*[:_]")
_SIGNATURE_NAME_MAX = 81  # [A-Z] then up to 80 characters: see _SIGNATURE
_TAIL = 12000
_FIELD_END = r"(?=[ \t]{2,}|\n|\s+(?:(?:Print(?:ed)?|PRINT(?:ED)?)\s+)?(?:Name|NAME|Title|TITLE|Date|DATE|By|BY|Its|ITS)\s*:|$)"
# The caption word a name field's value may run into when columns share a line: "Gene Jackson Print" of
# "Print Name: Gene Jackson Print Name: Vince Dima".
_CAPTION_TAIL = re.compile(r"[ \t]+(?:Print(?:ed)?|PRINT(?:ED)?|Type(?:d)?|TYPE(?:D)?|Please[ \t]+Print)$")
_NAME_FIELD = re.compile(rf"(?<!Acct )(?<!Account )(?<!Bank )(?<!ACCT )(?<!File )(?:Name|NAME|Print\s+Name|Printed\s+Name)\s*:[ \t]*(?P<v>[^\n:_]{{2,60}}?){_FIELD_END}")
_TITLE_FIELD = re.compile(rf"(?:Title|TITLE|Its|ITS)\s*:[ \t]*(?P<v>[^\n:_]{{2,60}}?){_FIELD_END}")
# "/s/ Norman Joe, President )" on a line of its own under "SIGNED FOR AND ON BEHALF of DGT CORP."
_SLASH_OWN = re.compile(r"(?m)^[ \t]*/[sS]/?[ \t]*(?P<v>[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){1,3})(?=[ \t]*(?:,|\)|\n|$))")
_BY_NAME = re.compile(r"(?:By|BY)[ \t]*:[ \t]*(?P<v>[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){1,3})[ \t]*,?[ \t]*(?=\n|$)")
_BY_LABEL = re.compile(r"(?:By|BY)[ \t]*:")
_SLASH_S = re.compile(r"(?:By|BY)\s*:?\s*/[sS]/\s*(?P<v>[A-Z][\w.'\- ]{2,50}?)(?=[ \t]{2,}|\n|\s+(?:Name|Title)|[ \t]+\d{1,2}/\d{1,2}/\d{2,4}|$)")


def _signatures(text: str, start: int) -> list[re.Match[str]]:
    """The matches of ``_SIGNATURE.finditer(text, start)``, found by scanning only before signature labels.

    A match is a name of at most 81 characters, separators, then a label ("By:", "Name:"): each match lies
    in a window ending at a label and starting 81 characters before the separators that precede it.
    Overlapping windows are merged, so the windows hold every match and the scan resumes where a full scan
    would (the pattern has no look-around at its ends)."""
    windows: list[list[int]] = []
    for lab in _SIGNATURE_LABEL.finditer(text, start):
        k = lab.start()
        while k > start and (text[k - 1].isspace() or text[k - 1] in ":,"):  # [\s:,] as the pattern has it
            k -= 1
        lo = max(start, k - _SIGNATURE_NAME_MAX)
        if windows and lo <= windows[-1][1]:
            windows[-1][1] = lab.end()
        else:
            windows.append([lo, lab.end()])
    out: list[re.Match[str]] = []
    pos = start
    for lo, hi in windows:
        for m in _SIGNATURE.finditer(text, max(lo, pos), hi):
            out.append(m)
            pos = m.end()
    return out


def signatories_after(text: str, a: int, b: int) -> list[Signatory]:
    """The person signing in ``text[a:b]`` (the block under one entity line): name and title when printed.

    Blank lines ("Name: ______") give nothing; a ``/s/`` conformed signature gives the name."""
    name = title = None
    span = None
    m = _NAME_FIELD.search(text, a, b) or _SLASH_S.search(text, a, b) or _SLASH_OWN.search(text, a, b)
    slash = _SLASH_S.search(text, a, b)
    if m is not None and slash is not None and slash.start() < m.start():
        again = _BY_LABEL.search(text, slash.end(), m.start())
        if again is not None and "\n" in text[slash.end() : again.start()]:  # not a column beside it  # "By: /S/ Mark Gerasi" ... the next block's "By:" and "Name:": this block's signer
            m, b = slash, again.start()
    
    if m is None:
        m = next((x for x in _BY_NAME.finditer(text, a, b) if looks_like_person(x.group("v").strip(" ,."))), None)
    if m:
        v = re.sub(r"(?:[ \t]+(?:Date|DATE))?_+.*$", "", m.group("v")).strip(" ,.")  # "Mitchell Felder Date_____"
        v = _CAPTION_TAIL.sub("", v)
        v = _HONORIFIC.sub("", v)  # "Name: Mr. Niek Jan van Damme"
        if looks_like_person(v) or (v[:1].isupper() and len([w for w in v.split() if w not in _PARTICLES]) <= 4
                                    and not ENTITY.search(v)):
            name, span = v, Span(start=m.start("v"), end=m.start("v") + len(v), label="signatory")
    t = _TITLE_FIELD.search(text, a, b)
    if t:
        v = t.group("v").strip(" ,.")
        if v and v[0].isalpha():
            title = v
    if name is None and title is None:
        return []
    return [Signatory(name=name, title=title, span=span)]


_FOR = re.compile(r"^(?:(?:Signed[ \t]+)?(?:For|FOR)[ \t]+(?:and[ \t]+on[ \t]+behalf[ \t]+of[ \t]+)?)(?=[A-Z])")  # "For T-Mobile Netherlands B.V."
_HONORIFIC = re.compile(r"^(?:Mr|Ms|Mrs|Dr|Prof)\.?[ \t]+(?=[A-Z])")
_PARTICLES = frozenset("van von der den de du da di del la le bin".split())  # "Niek Jan van Damme", "Thibault de Tersant"
_WITNESS = re.compile(r"IN\s+WITNESS\s+WHEREOF|In\s+Witness\s+Whereof|WHEREFORE,?\s+the\s+(?:Parties|parties)\b")
_WITNESS_SPAN = 8000  # a signature page after "IN WITNESS WHEREOF" that is not the document's end
# A line that may open an entity name wrapped over two lines ("PALMER SQUARE CAPITAL" / "MANAGEMENT LLC").
_NAME_LINE = re.compile(r"[A-Z\u00c0-\u00de][A-Z0-9\u00c0-\u00de&.,'\u2019\- ]{2,50}")
_TITLE_LINE = re.compile(r"[A-Z][\w&.'\u2019\-]*(?:[ \t]+(?:[A-Z0-9][\w&.,'\u2019\-]*|and|of|for|the|de|du|la)){0,7}")
_NOT_NAME_WORDS = frozenset(
    """AGREED ACCEPTED ACKNOWLEDGED WITNESS WHEREOF SIGNATURE SIGNATURES PAGE EXECUTED PARTIES FOLLOWS DATE NAME
    TITLE AGREEMENT BY TO SIGNATORY AUTHORIZED PRESIDENT OFFICER DIRECTOR MANAGER SECRETARY
    TREASURER CHAIRMAN CHIEF VICE MEMBER COUNSEL ESQ ITS PARTNER GENERAL""".split())
# A person signing in their own name: "/s/ Jeffrey B. Osher" on its own line (not "By: /s/ ..."), the
# printed name below it.
_OWN_NAME = re.compile(r"(?m)^[ \t]*/[sS]/[ \t]*(?P<sig>[A-Z][\w.'\- ]{2,50}?)[ \t]*\n[ \t]*(?P<name>[A-Z][\w.'\- ]{2,50}?)"
                       r"[ \t]*$")


def _regions(text: str) -> list[int]:
    """Where signature pages may start (see :func:`_find_regions`); computed once per text."""
    return list(_find_regions(text))


@lru_cache(maxsize=4)
def _find_regions(text: str) -> tuple[int, ...]:
    """Where signature pages may start: the last 12,000 characters, and after the last "IN WITNESS
    WHEREOF" when that lies earlier (exhibits, a press release or schedules follow the signatures)."""
    tail = max(0, len(text) - _TAIL)
    out = [tail]
    last = None
    for m in _WITNESS.finditer(text):
        last = m
    if last is not None and last.start() < tail:
        out.insert(0, last.start())
    elif last is None:  # English deeds and forms: "SIGNED for and on behalf of HealthGate" with no "IN WITNESS"
        signed = _SIGNED.search(text, len(text) // 3)
        if signed is not None and signed.start() < tail:
            out.insert(0, signed.start())
    return tuple(out)


_SIGNED = re.compile(r"(?m)^[ \t]*(?:SIGNED|Signed|EXECUTED|Executed)[ \t]+(?:(?:as[ \t]+a[ \t]+deed[ \t]+)?by|for[ \t]+and[ \t]+on[ \t]+behalf[ \t]+of)\b")


def _wrapped_start(text: str, start: int) -> int:
    """The start of an entity name whose first words sit on the line above (an upper-case or capitalised
    line that is not a heading, a role or "ACKNOWLEDGED AND AGREED TO")."""
    if start == 0 or text[start - 1] != "\n":
        return start
    k = text.rfind("\n", 0, start - 1) + 1
    line = text[k : start - 1].strip()
    if not line or not (_NAME_LINE.fullmatch(line) or _TITLE_LINE.fullmatch(line)) or ENTITY.search(line) \
            or NOT_A_NAME.search(line):
        return start
    words = set(line.replace(",", " ").upper().split())
    if words & _NOT_NAME_WORDS or looks_like_person(line) or looks_like_person(line.title()):
        return start
    return k + (len(text[k : start - 1]) - len(text[k : start - 1].lstrip()))


# A suffix that ends a name for certain ("Trust", "Bank", "Partners" also open or sit inside one).
_HARD_SUFFIX = re.compile(r"\b(?i:inc|incorporated|corp|corporation|llc|l\.l\.c|ltd|limited|l\.?p|plc|n\.a|co|gmbh|"
                          r"s\.?a|ag|b\.?v|n\.?v)\.?$")


_ROLE_PREFIX = re.compile(r"^[ \t]*[A-Z][A-Za-z]{2,20}(?:[ \t][A-Z][A-Za-z]{1,12})?[ \t]*:[ \t]*(?=[A-Z])")
_SEGMENT = re.compile(r"\S+(?:[ \t]{1,2}\S+)*")


def _names_on_line(raw: str, offset: int) -> list[tuple[int, str]]:
    """The entities a signature line names: two side by side when columns share a line ("PREMIER
    NUTRITION CORPORATION STREMICKS HERITAGE FOODS, LLC")."""
    segments = [m for m in _SEGMENT.finditer(raw)]  # columns set apart by wide gaps: "MOSSIMO, INC.      DAVID ..."
    if len(segments) >= 2 and all(ENTITY.search(m.group(0)) and _HARD_SUFFIX.search(m.group(0)) for m in segments):
        return [(offset + m.start() + clean_name(m.group(0))[1], _tidy(clean_name(m.group(0))[0])) for m in segments]
    name, cut = clean_name(raw)
    name = _tidy(name)
    ents = list(ENTITY.finditer(name))
    if len(ents) >= 2 and not name[ents[-1].end() :].strip(" ,.") and all(
            _HARD_SUFFIX.search(e.group("name")) for e in ents[:-1]):
        out = []
        for e in ents:
            n, c = clean_name(e.group("name"))
            out.append((offset + cut + e.start() + c, _tidy(n)))
        return out
    return [(offset + cut, name)] if ents else []


_LABEL_LINE = re.compile(r"(?m)^[ \t]*(?:(?:By|BY|Name|NAME)[ \t]*:|/[sS]/[ \t]*(?P<sig>[^\n]{2,50}))")


def _entity_lines(text: str, a: int, b: int) -> list[tuple[int, str, int]]:
    """Entity names in any case on the line right above a "By:" or "Name:" line ("YA II PN, Ltd." /
    "By:/s/ ..."), wrapped names joined; a "By: Acme GP, LLC" line (the one signing for a party) is not
    itself a name."""
    out = []
    for lab in _LABEL_LINE.finditer(text, a, min(len(text), b)):
        k = text.rfind("\n", 0, max(0, lab.start() - 1))
        line_start = k + 1
        raw = text[line_start : max(line_start, lab.start() - 1)]
        line = raw.strip()
        if not line or ":" in line or line.startswith(("/s/", "By", "BY")) or len(line) > 90:
            continue
        sig = (lab.group("sig") or "").strip()
        if sig and line.lower() == sig.lower() and looks_like_person(line.title()):
            out.append((line_start + len(raw) - len(raw.lstrip()), line, lab.end()))  # "ADAM D. PORTNOY" / "/s/ Adam D. Portnoy"
            continue
        name, cut = clean_name(line)
        name = _tidy(name)
        e = ENTITY.search(name)
        if e is None or e.start() > 0 or len(name) - e.end() > 1 or NOT_A_NAME.search(name):
            continue
        start = line_start + (len(raw) - len(raw.lstrip())) + cut
        wrapped = _wrapped_start(text, start)
        if wrapped != start:
            name, start = " ".join(text[wrapped : start + len(name)].split()), wrapped
        out.append((start, name, lab.end()))
    return out


def _tidy(name: str) -> str:
    """A signature line's name without trailing punctuation, keeping an abbreviation's full stop ("L.P.")."""
    name = name.strip(" ,:")
    if name.endswith(".") and not _ABBREVIATION_END.search(name):
        name = name[:-1].rstrip(" ,")
    return name


_ABBREVIATION_END = re.compile(r"(?:\b[A-Za-z]\.[A-Za-z]\.|\b(?i:inc|corp|ltd|co|llc|l\.?p|n\.a|s\.a|plc|bros|intl)\.)$")


# A printed name as signature blocks give it: "Phillip L. Gomez, III", "Dr. Andreas Felder".
_PRINTED = re.compile(r"(?:(?:Dr|Mr|Mrs|Ms|Prof)\.?[ \t]+)?[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*){1,3}(?:,[ \t]*(?:Jr|Sr|II|III|IV)\.?)?")
_COLUMN_LABEL = re.compile(r"\b(?P<label>By|BY|Name|NAME|Title|TITLE|Its|ITS)[ \t]*:")


def _column_signatories(text: str, line_end: int, columns: int) -> list[list[Signatory]]:
    """Who signs under each of ``columns`` entities set side by side on one line ("ASTELLAS PHARMA INC.
    FIBROGEN, INC." / "By: /s/ Toichi Takenaka By: /s/ Thomas B. Neff" / "Title: ... Title: ..."): on each
    following line holding the same label once per column, the i-th value belongs to the i-th entity.
    Reading the block as one column would give the first signer to both."""
    names: list[tuple[str, int] | None] = [None] * columns
    titles: list[str | None] = [None] * columns
    pos = line_end
    for _ in range(8):
        nl = text.find("\n", pos + 1)
        end = len(text) if nl < 0 else nl
        line_start = pos + 1
        labels = list(_COLUMN_LABEL.finditer(text, line_start, end))
        if not labels and ENTITY.search(text, line_start, end):
            break  # the next block's entity line
        if len(labels) == columns and len({m.group("label").lower() for m in labels}) == 1:
            kind = labels[0].group("label").lower()
            for i, m in enumerate(labels):
                seg_end = labels[i + 1].start() if i + 1 < columns else end
                raw = text[m.end() : seg_end]
                v = _CAPTION_TAIL.sub("", re.sub(r"^[ \t]*(?:/[sS]/?[ \t]*)?", "", raw).strip(" ,.\t_-"))
                if not v or not v[0].isalpha():
                    continue
                vstart = m.end() + raw.find(v)
                if kind in ("by", "name") and (looks_like_person(v) or kind == "name" and _PRINTED.fullmatch(v)):
                    if names[i] is None or kind == "name":
                        names[i] = (v, vstart)
                elif kind in ("title", "its"):
                    titles[i] = v
        if nl < 0:
            break
        pos = nl
    out: list[list[Signatory]] = []
    for name, title in zip(names, titles):
        if name is None and title is None:
            out.append([])
            continue
        span = Span(start=name[1], end=name[1] + len(name[0]), label="signatory") if name else None
        out.append([Signatory(name=name[0] if name else None, title=title, span=span)])
    return out


def read_signatures(text: str, drafts: list[Draft]) -> None:
    """Add the entities that sign (with their signatories), and persons signing in their own name, to
    ``drafts``, merging into known parties."""
    found: list[tuple[int, str, int]] = []
    columns: list[tuple[int, str, list[Signatory]]] = []
    seen: set[int] = set()
    for start_at in _regions(text):
        stop_at = start_at + _WITNESS_SPAN if start_at < max(0, len(text) - _TAIL) else len(text)
        for m in _signatures(text, start_at):
            if m.start() >= stop_at:
                break
            if m.start("name") in seen:
                continue
            seen.add(m.start("name"))
            on_line = _names_on_line(m.group("name"), m.start("name"))
            if len(on_line) >= 2:  # entities side by side: each column's signer is read column by column
                line_end = text.find("\n", on_line[-1][0])
                for (start, name), sigs in zip(on_line, _column_signatories(text, line_end, len(on_line))
                                                if line_end >= 0 else [[]] * len(on_line)):
                    if NOT_A_NAME.search(name) or on_source_line(text, start):
                        continue
                    seen.add(start)
                    columns.append((start, name, sigs))
                continue
            for start, name in on_line:
                if NOT_A_NAME.search(name) or on_source_line(text, start):
                    continue
                wrapped = _wrapped_start(text, start)
                if wrapped != start:
                    name = " ".join(text[wrapped : start + len(name)].split())
                    start = wrapped
                seen.add(start)
                found.append((start, name, m.end()))
        for m in _OWN_NAME.finditer(text, start_at, min(len(text), stop_at)):
            before = text[max(0, m.start() - 12) : m.start()]
            name = m.group("name").strip(" ,.")
            if re.search(r"(?:By|BY)\s*:?\s*$", before) or not looks_like_person(name.title()):
                continue
            if m.start("name") in seen:
                continue
            seen.add(m.start("name"))
            merge(drafts, Draft(name=name, sources={"signature"}, kind="person",
                                spans=[Span(start=m.start("name"), end=m.start("name") + len(name),
                                            label="signature")]))
        for start, name, end in _entity_lines(text, start_at, stop_at):
            if start not in seen:
                seen.add(start)
                found.append((start, name, end))
    for start, name, sigs in columns:
        start, name = start + len(name) - len(_FOR.sub("", name)), _FOR.sub("", name)
        merge(drafts, Draft(name=name, sources={"signature"}, kind="organisation" if ENTITY.search(name) else None,
                            spans=[Span(start=start, end=start + len(name), label="signature")], signatories=sigs))
    found = sorted((start + len(name) - len(_FOR.sub("", name)), _FOR.sub("", name), end) for start, name, end in found)
    for i, (start, name, end) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) and found[i + 1][0] > start else min(len(text), end + 400)
        nxt = _ENTITY_LINE.search(text, end, stop)  # another signer's entity line ends this block
        stop = nxt.start() if nxt else stop
        kind = "organisation" if ENTITY.search(name) else "person" if looks_like_person(name.title()) else None
        d = Draft(name=name, sources={"signature"}, kind=kind,
                  spans=[Span(start=start, end=start + len(name), label="signature")],
                  signatories=signatories_after(text, max(start + len(name), end - 12), min(stop, end + 400)))
        merge(drafts, d)


def fill_signatories(text: str, drafts: list[Draft]) -> None:
    """Signers for introduced parties the block reader left without one: where a line of the signature
    pages names the party (its name in any case, or an alias or role with "Signature:" -- "Kubient
    Signature:", "Customer Signature:"), the block below it, up to the next such line, holds its signer.
    The block never runs into another party's, so a signer is never given to the wrong party."""
    _own_signatures(text, drafts)
    _side_head_columns(text, drafts)
    keys: list[tuple[str, Draft]] = []
    for d in drafts:
        if d.placeholder:
            continue
        for k in (d.name, *d.aliases):
            if k and len(k) >= 3:
                keys.append((" ".join(k.lower().split()), d))
        short = norm(d.name)  # "VIOLIN MEMORY" over the block of Violin Memory, Inc.
        if len(short) >= 3 and short != " ".join(d.name.lower().split()) and len(short.split()) >= 2:
            keys.append((short, d))
    if not keys:
        return
    _fill_columns(text, keys)
    marks: list[tuple[int, int, Draft]] = []
    low = text.lower()
    for start_at in _regions(text):
        starts: set[int] = set()
        for k, _ in keys:  # only lines holding a name or alias can name a party
            at = low.find(k, start_at)
            while at >= 0:
                starts.add(text.rfind("\n", 0, at) + 1)
                at = low.find(k, at + len(k))
        for ls in sorted(starts):
            le = text.find("\n", ls)
            le = len(text) if le < 0 else le
            raw = text[ls:le]
            if len(raw) > 120:
                continue
            flat = " ".join(re.sub(r"(?i)(?:signature|(?:signed\s+)?for\s+and\s+on\s+behalf\s+of|for|the)\b|[:)(]", " ",
                                   _ROLE_PREFIX.sub("", raw))  # "Sponsor: Eco Science Solutions, Inc."
                            .lower().split()).strip(" ,.")
            owner = next((d for k, d in keys if k.strip(" ,.") == flat), None) if flat else None
            if owner is not None:
                marks.append((ls, le, owner))
    marks = sorted({m[0]: m for m in marks}.values(), key=lambda m: m[0])
    for i, (start, end, d) in enumerate(marks):
        if d.signatories or not d.sources & {"cover", "preamble"}:
            continue
        stop = marks[i + 1][0] if i + 1 < len(marks) else min(len(text), end + 400)
        sigs = signatories_after(text, end, min(stop, end + 400))
        if sigs:
            d.signatories.extend(sigs)
            d.spans.append(Span(start=start, end=end, label="signature"))


def _side_head_columns(text: str, drafts: list[Draft]) -> None:
    """Under side-by-side headings (``FRANCHISEE: FRANCHISOR:``) over entities listed one per line, the
    columns of "By: ... By: ..." lines follow the headings' order, not the entities' lines: the i-th column's
    signer is the i-th heading's entity's (the block reader would give the first signer to the last entity)."""
    for pairs in side_heads(text, min(_regions(text))):
        last = pairs[-1][2]
        multi = _MULTI_LABEL.search(text, last, min(len(text), last + 600))
        if multi is None or len(_COLUMN_LABEL.findall(multi.group(0))) != len(pairs):
            continue
        for (_, name, _), sigs in zip(pairs, _column_signatories(text, multi.start() - 1, len(pairs))):
            owner = next((d for d in drafts if norm(name) in {norm(k) for k in (d.name, *d.aliases)}), None)
            if owner is not None and sigs:
                owner.signatories = sigs


def _own_signatures(text: str, drafts: list[Draft]) -> None:
    """A person who is a party and signs in their own name ("/s/ Zheng Qing") is their own signatory: any
    other signer a neighbouring block gave them is dropped."""
    start = min(_regions(text))
    for d in drafts:
        person = d.kind == "person" or d.kind is None and looks_like_person(d.name.title()) and not ENTITY.search(d.name)
        if not person or not d.sources & {"cover", "preamble"} or len(d.name.split()) < 2:
            continue
        m = re.search(r"/[sS]/[ \t]*(?:(?:Mr|Ms|Mrs|Dr)\.?[ \t]+)?" + r"[ \t]+".join(map(re.escape, d.name.split())) + r"\b",
                      text[start:], re.IGNORECASE)
        if m is not None:
            at = start + m.end() - len(d.name)
            d.signatories = [Signatory(name=d.name, title=None, span=Span(start=at, end=m.end() + start, label="signatory"))]


_ENTITY_LINE = re.compile(rf"(?m)^[ \t]*[A-Z][^\n:]{{0,70}}\b{SUFFIX}\.?[ \t]*$")


_MULTI_LABEL = re.compile(r"(?m)^[^\n]*\b(?:By|BY|Name|NAME)[ \t]*:[^\n]*\b(?:By|BY|Name|NAME)[ \t]*:[^\n]*$")


def _fill_columns(text: str, keys: list[tuple[str, Draft]]) -> None:
    """Signature blocks set in columns whose heads the block reader could not split ("CyberShop Excite,
    Inc.", "NETZEE, INC.      THE BANKERS BANK, a Georgia"): the parties named on a line just above the first
    line of side-by-side labels, in the order they stand there, take the columns' signers in that order."""
    ordered = sorted((kd for kd in keys if kd[1].sources & {"cover", "preamble"}), key=lambda kd: -len(kd[0]))
    for start_at in _regions(text):
        for m in _MULTI_LABEL.finditer(text, start_at):
            columns = len(_COLUMN_LABEL.findall(m.group(0)))
            line_end = m.start() - 1
            for _ in range(3):  # the heads may sit above a wrapped description or a rule line
                line_start = text.rfind("\n", 0, max(0, line_end)) + 1
                order = _heads(text[line_start:line_end].lower(), ordered)
                if len(order) == columns or line_start == 0:
                    break
                line_end = line_start - 1
            if len(order) != columns:
                continue
            for d, got in zip(order, _column_signatories(text, m.start() - 1, columns)):
                if got and not d.signatories and d.sources & {"cover", "preamble"}:
                    d.signatories.extend(got)


def _heads(line: str, keys: list[tuple[str, Draft]]) -> list[Draft]:
    """The parties a line names, left to right, each once (longest keys first, never overlapping)."""
    taken: list[tuple[int, int, Draft]] = []
    for k, d in keys:
        at = line.find(k)
        if at < 0 or any(x is d for _, _, x in taken) or any(a < at + len(k) and at < b for a, b, _ in taken):
            continue
        taken.append((at, at + len(k), d))
    return [d for _, _, d in sorted(taken, key=lambda t: t[0])]
