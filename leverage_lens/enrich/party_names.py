"""What a party's name looks like, and what the words after it say about the party.

Shared by the preamble, cover-page and signature readers: the legal-suffix entity pattern (and the cheap scan
that finds its matches only around suffixes), name clean-up for layout debris, the comparison key used to
decide whether two names are one party, and :func:`describe`, which reads the description a contract puts
after a name (", a Delaware corporation", ", an individual residing at ...") into an entity type, a
jurisdiction code and a kind.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

__all__ = ["on_source_line", "is_place", "ROLE_WORDS", "ENTITY", "entities", "clean_name", "widen", "norm", "describe", "looks_like_person", "SUFFIX"]

#: Alias words that name the part a party plays, so they become its ``role``.
ROLE_WORDS = frozenset(
    """licensor licensee customer client supplier vendor provider seller buyer purchaser distributor reseller
    manufacturer contractor subcontractor consultant company franchisor franchisee lender borrower landlord
    tenant lessor lessee employer employee executive agent principal owner developer publisher sponsor
    partner member investor issuer holder guarantor servicer manager advisor adviser sub-advisor
    recipient discloser disclosing receiving service user subscriber member host operator shipper carrier
    acquiror acquirer founder endorser producer processor marketer transporter purchaser parent spinco remainco
    promoter""".split()
) | {"party a", "party b", "party c"}

SUFFIX = (
    r"(?:Inc|Incorporated|Corp|Corporation|LLC|L\.L\.C|Ltd|Limited[ \t]+Partnership|LIMITED[ \t]+PARTNERSHIP|Limited|LP|L\.P|LLP|L\.L\.P|PLC|plc|GmbH|AG|"
    r"G\.I\.E|GIE|S\.A\.R\.L|SARL|S\.A\.S|S\.A|SA|S/A|N\.V|NV|B\.V|BV|A/S|AB|Oy|S\.p\.A|S\.P\.A|S\.r\.l|S\.R\.L|SRL|Srl|Pty|PTE|Pte|Co(?=\.)|"
    r"CO(?=\.)|inc(?=\.)|Company|Trust|Bank|"
    r"Holdings|Partners|LTD|INC|CORP|CORPORATION|COMPANY|LIMITED|N\.A|INCORPORATED|HOLDINGS|PARTNERS|TRUST|BANK|"
    r"National[ \t]+Association|NATIONAL[ \t]+ASSOCIATION|FSB|F\.S\.B)"
)
# A name is capitalised words (and "&"), optionally joined by "of"/"de"/... ("Bank of South Pacific Ltd"),
# ending in a legal suffix.
ENTITY = re.compile(
    rf"(?<![A-Z0-9\u00c0-\u00de])(?P<name>(?!(?i:of|de|du|del|der|la|van|von)[ \t])"  # not "SA" inside "USA"
    rf"(?:(?:[A-Z0-9\u00c0-\u00de][\w&'\u2019.\-/]*|(?<=[ \t])[a-z][A-Z][\w&'\u2019.\-/]*|&|\([A-Z][\w.]{{0,14}}\)|\([A-Z][\w.]{{0,14}}[ \t][A-Z][\w.]{{0,14}}\)(?=,?[ \t]+{SUFFIX}\b)),?[ \t]+"
    rf"(?:(?i:of|de|du|del|der|la|van|von)[ \t]+)?){{0,7}}?"
    rf"(?:[A-Z0-9\u00c0-\u00de][\w&'\u2019.\-/]*,?[ \t]+)?{SUFFIX}\.?(?:,?[ \t]+{SUFFIX}\.?)*"
    r"(?:[ \t]+(?:I{1,3}|IV|VI{0,3}|IX|X)(?=[ \t]*[,(]|[ \t]*$))?)(?![\w])"  # "RGA Capital Trust I, a Delaware trust"
    r"(?!(?:(?<=Bank)|(?<=BANK)|(?<=Trust)|(?<=TRUST)|(?<=Company)|(?<=COMPANY)|(?<=Holdings)|(?<=HOLDINGS))"
    r"(?:,?[ \t]+[A-Z][\w&'\u2019\-]*){1,2},?[ \t]+(?:N\.A|Inc|INC|LLC|Ltd|LTD|Limited|LIMITED|Corporation|CORPORATION|"
    r"Corp|CORP|L\.P|LP|PLC|plc)\b)"  # "Chase Bank USA, N.A.": the name goes on to its last legal form
    r"(?!(?:(?<=Holdings)|(?<=HOLDINGS)|(?<=Partners)|(?<=PARTNERS)|(?<=Trust)|(?<=Bank)|(?<=Company))[ \t]+[A-Z](?:[a-z]|[A-Z]+[ \t]+[A-Z][a-z]))"
    r"(?!(?:(?<=Bank)|(?<=BANK)|(?<=Trust)|(?<=TRUST)|(?<=Company)|(?<=COMPANY)|(?<=Holdings)|(?<=HOLDINGS)|"
    r"(?<=Partners)|(?<=PARTNERS))[ \t]+(?i:of|de|du|del|der|la|van|von)[ \t]+[A-Z])"  # "Bank" of "Bank of China Ltd"
)
# Every ENTITY match holds a legal suffix and never a line break: cheap scans for them say where the
# expensive pattern can match (see entities).
_SUFFIX_ANY = re.compile(SUFFIX)
_NAME_RUN = re.compile(r"[\w&'\u2019.\-/, \t()]+")  # every character an ENTITY match may hold


def on_source_line(text: str, pos: int) -> bool:
    """True when ``pos`` sits on an EDGAR source footer ("Source: PHOENIX NEW MEDIA LTD, F-1, 4/21/2011"),
    which names the filer, never a party."""
    line = text.rfind("\n", 0, pos) + 1
    return text.startswith("Source:", line) and pos - line < 200


def entities(text: str, a: int, b: int) -> list[re.Match[str]]:
    """The matches of ``ENTITY.finditer(text, a, b)``, found by scanning only around legal suffixes.

    The entity pattern tries up to eight words at every capitalised word, which is slow over a whole
    preamble (CUAD texts hold a page per line). Its matches consist of word characters, ``&'.-/,``, spaces
    and tabs only, and always contain a suffix: so only a run of those characters holding a suffix can hold
    a match, and its look-aheads see the same thing at the run's end (a character outside the set) as in
    the whole text. Scanning those runs gives the same matches."""
    out: list[re.Match[str]] = []
    runs: list[tuple[int, int]] | None = None
    starts: list[int] = []
    done = a
    for s in _SUFFIX_ANY.finditer(text, a, b):
        if s.start() < done:
            continue
        if runs is None:
            runs = [m.span() for m in _NAME_RUN.finditer(text, a, b)]
            starts = [r[0] for r in runs]
        lo, hi = runs[bisect.bisect_right(starts, s.start()) - 1]
        out.extend(ENTITY.finditer(text, lo, hi))
        done = hi
    return out


_NAME_PREFIX = re.compile(
    r"^.*(?:\s{3,}|\b(?:BETWEEN|Between|between|AMONG|Among|among)\s+|"
    r"\b(?:TO|BY|FOR|WITH|FROM)\s+(?=[A-Z])|"  # a title line: "AMENDMENT NO. 2 TO STREMICK'S HERITAGE FOODS, LLC"
    r",[ \t]+[A-Z]{2,}[ \t]+AND[ \t]+(?=[A-Z])|"  # "... BETWEEN THE CITY OF FORT STOCKTON, TEXAS AND STW RESOURCES ..."
    r"(?:^|\s)(?!(?:Corp|Bros|Intl|Natl|Assoc|Dept)\.)[A-Z][a-z]{3,}\.\s+|"  # "Shipment. Company"
    r"^[A-Z][a-z]+(?:'s)?[ \t]+(?:(?:Full|Legal|Company|Entity|Corporate|Registered)[ \t]+){0,2}Name:?[ \t]+|"
    r"^Name[ \t]+of[ \t]+[A-Z][a-z]+:?[ \t]+)(?=\S)",  # a key-value cell: "Customer Name Acme, Inc."
    re.DOTALL,
)


_ENUMERATOR = re.compile(r"^(?:\(?\d{1,2}[.)]|\([a-z]{1,3}\)|[a-z]\))[ \t]+(?=[A-Za-z])")


def clean_name(raw: str) -> tuple[str, int]:
    """An entity name without what layout glued before it: a cover-page line ("EXHIBIT 10.1   ACME INC."),
    "... BETWEEN" on a title page, a list number ("2. Blackwell Science Limited"). Returns the name and how
    many characters were cut from its start."""
    m = _NAME_PREFIX.match(raw)
    cut = m.end() if m is not None and m.end() < len(raw) else 0
    e = _ENUMERATOR.match(raw, cut)
    if e:
        cut = e.end()
    return raw[cut:], cut


def widen(s: str, start: int) -> int:
    """Extend a name start back over a lower-case prefix glued to it ("iVillage, Inc.", "bw-3 FRANCHISE
    SYSTEMS, INC." where the pattern saw "Village, Inc." and "3 FRANCHISE SYSTEMS, INC."). Upper-case
    letters never extend it: "USA" is not the name "SA"."""
    k = start
    while k > 0 and (s[k - 1].islower() or s[k - 1] == "-"):
        k -= 1
    if k == start or (k > 0 and s[k - 1].isalnum()) or not s[k].islower():
        glued = _GLUED.search(s, max(0, start - 40), start)  # "drkoop.com, Inc.", "iVillage, Inc."
        return glued.start() if glued else start
    return k


_GLUED = re.compile(r"(?<![\w.])(?:[a-z][\w\-]*\.(?:com|net|org|co)|[a-z]+[A-Z][\w\-]*|(?:[a-z]\.){2,}|[a-z]{1,3}-[a-z][\w\-]*)"
                    r"(?:,?[ \t]+)$")  # "e.l.f. Beauty, Inc."


_SUFFIX_WORDS = re.compile(rf"[,.]?\s+{SUFFIX}\.?$", re.IGNORECASE)


@lru_cache(maxsize=4096)
def norm(name: str) -> str:
    """The comparison key of a name: lower case, punctuation gone, trailing legal suffixes dropped."""
    n = _SUFFIX_WORDS.sub("", name.strip(" ,.")).strip(" ,.")  # one suffix: "Acme Holdings" stays itself
    return re.sub(r"[^a-z0-9]+", " ", n.lower()).strip()


# --- the description after a name ---------------------------------------------------------------------------

_US_STATES = {
    "alabama": "AL", "alaska": "AK", "arizona": "AZ", "arkansas": "AR", "california": "CA", "colorado": "CO",
    "connecticut": "CT", "delaware": "DE", "florida": "FL", "georgia": "GA", "hawaii": "HI", "idaho": "ID",
    "illinois": "IL", "indiana": "IN", "iowa": "IA", "kansas": "KS", "kentucky": "KY", "louisiana": "LA",
    "maine": "ME", "maryland": "MD", "massachusetts": "MA", "michigan": "MI", "minnesota": "MN",
    "mississippi": "MS", "missouri": "MO", "montana": "MT", "nebraska": "NE", "nevada": "NV",
    "new hampshire": "NH", "new jersey": "NJ", "new mexico": "NM", "new york": "NY", "north carolina": "NC",
    "north dakota": "ND", "ohio": "OH", "oklahoma": "OK", "oregon": "OR", "pennsylvania": "PA",
    "rhode island": "RI", "south carolina": "SC", "south dakota": "SD", "tennessee": "TN", "texas": "TX",
    "utah": "UT", "vermont": "VT", "virginia": "VA", "washington": "WA", "west virginia": "WV",
    "wisconsin": "WI", "wyoming": "WY", "district of columbia": "DC", "puerto rico": "PR",
}
_COUNTRIES = {
    "england and wales": "GB", "england": "GB", "scotland": "GB", "united kingdom": "GB", "ireland": "IE",
    "cayman islands": "KY", "british virgin islands": "VG", "bermuda": "BM", "canada": "CA", "ontario": "CA-ON",
    "british columbia": "CA-BC", "quebec": "CA-QC", "alberta": "CA-AB", "germany": "DE", "france": "FR",
    "switzerland": "CH", "netherlands": "NL", "the netherlands": "NL", "luxembourg": "LU", "belgium": "BE",
    "spain": "ES", "italy": "IT", "sweden": "SE", "denmark": "DK", "norway": "NO", "finland": "FI",
    "israel": "IL", "india": "IN", "japan": "JP", "china": "CN", "the people's republic of china": "CN",
    "people's republic of china": "CN", "prc": "CN", "hong kong": "HK", "singapore": "SG", "taiwan": "TW",
    "korea": "KR", "republic of korea": "KR", "australia": "AU", "new zealand": "NZ", "brazil": "BR",
    "mexico": "MX", "austria": "AT", "panama": "PA", "marshall islands": "MH", "malaysia": "MY",
    "united states": "US", "united states of america": "US", "papua new guinea": "PG", "jersey": "JE",
    "guernsey": "GG", "cyprus": "CY", "malta": "MT", "south africa": "ZA", "argentina": "AR", "chile": "CL",
}
_PLACES = sorted((*_US_STATES, *_COUNTRIES), key=len, reverse=True)
_PLACE_SET = frozenset(_PLACES) | {"usa", "u.s.a", "uk", "u.k", "us", "u.s"}
_PLACE = "|".join(re.escape(p) for p in _PLACES)
_TYPES = (
    r"limited\s+liability\s+company|limited\s+liability\s+partnership|limited\s+partnership|general\s+partnership|"
    r"professional\s+corporation|public\s+limited\s+company|private\s+limited\s+company|exempted\s+company|"
    r"(?:non-?profit\s+|not-for-profit\s+)?(?:public\s+)?benefit\s+corporation|not-for-profit\s+corporation|"
    r"non-?profit\s+corporation|nonprofit\s+corporation|statutory\s+trust|business\s+trust|banking\s+corporation|"
    r"national\s+banking\s+association|national\s+association|corporation|company|partnership|trust|"
    r"association|cooperative|societe\s+anonyme|aktiengesellschaft|gmbh|bank|corp\.?|llc|l\.l\.c\.|lp|llp|"
    r"limited|entity|organization|organisation"
)
# ", a Delaware corporation" / ", a corporation organized under the laws of the State of New York"
_DESCRIPTION = re.compile(
    rf"^[\s,]*(?:\(?[\"\u201c][^\"\u201d]{{1,40}}[\"\u201d]\)?[\s,]*)?(?:an?|the)\s+"
    rf"(?:(?P<place>(?i:{_PLACE}))\s+)?(?P<type>(?i:{_TYPES}))\b"
    rf"(?:[^.;()]{{0,80}}?\b(?:laws?\s+of|in|under)\s+(?:the\s+)?(?:(?i:state|commonwealth|province|"
    rf"republic|kingdom)\s+of\s+)?(?P<place2>(?i:{_PLACE}))\b)?",
)
_INDIVIDUAL = re.compile(r"^[\s,]*(?:an?\s+)?(?:individual|natural\s+person|person)\b|^[\s,]*an?\s+"
                         r"(?:resident|citizen)\s+of\b", re.IGNORECASE)


def is_place(name: str) -> bool:
    """True when ``name`` is only a place a contract states an address or jurisdiction in ("Denmark")."""
    return " ".join(name.lower().strip(" ,.").split()) in _PLACE_SET


def _code(place: str | None) -> str | None:
    if not place:
        return None
    key = " ".join(place.lower().split())
    if key in _US_STATES:
        return "US-" + _US_STATES[key]
    return _COUNTRIES.get(key)


def describe(after: str) -> tuple[str | None, str | None, str | None]:
    """(entity type, jurisdiction code, kind) stated in the words right after a party's name.

    ``", a Delaware limited liability company"`` gives ``("limited liability company", "US-DE",
    "organisation")``; ``", an individual"`` gives ``(None, None, "person")``; anything else, Nones. Only
    the first 200 characters are read: a description is always glued to its name."""
    head = after[:200]
    if _INDIVIDUAL.match(head):
        return None, None, "person"
    m = _DESCRIPTION.match(head)
    if m is None:
        return None, None, None
    etype = " ".join(m.group("type").lower().rstrip(".").split())
    etype = {"corp": "corporation", "llc": "limited liability company", "l.l.c": "limited liability company",
             "lp": "limited partnership", "llp": "limited liability partnership"}.get(etype, etype)
    if etype in ("entity", "organization", "organisation"):
        etype = None  # "a Delaware entity": the place, not the form
    return etype, _code(m.group("place")) or _code(m.group("place2")), "organisation"


_PERSON = re.compile(r"(?:[A-Z][a-z]+|[A-Z]\.)(?:[ \t]+(?:[A-Z]\.|[A-Z][a-z'\-]+)){1,3}")
_ORG_WORDS = re.compile(r"\b(?:Group|Systems|Technologies|Services|International|Partners|University|Fund|"
                        r"Association|Institute|Foundation|Center|Centre|Media|Capital|Ventures|Industries|"
                        r"Network|Networks|Solutions|Software|Pharma|Labs?|Bank|Trust|Press|Micro|Electronics|"
                        r"Communications|Entertainment|Productions|Studios|Health|Energy|Resources|Office|Architects|"
                        r"Government|County|City|Council|Agency|Authority|Hospital|Clinic|Church|Club|Management|"
                        r"Holdings|Investments|Consulting|Enterprises|Development|Products|Pharmaceuticals|Marketing|"
                        r"Telecom|Gathering|Midstream|Insurance|Financial|Securities|Advisors|Advisers|Realty|Properties)\b")


def looks_like_person(name: str) -> bool:
    """True for a plain personal name ("John A. Smith", "Tom Watson"): two to four capitalised words, no
    legal suffix, no organisation word."""
    name = name.strip()
    return (bool(_PERSON.fullmatch(name)) and not ENTITY.search(name) and not _ORG_WORDS.search(name)
            and not name.startswith("The "))  # "The Associated Press"
