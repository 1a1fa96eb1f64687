"""Hypothesis strategies for contract-like text that stresses a regex-heavy segmenter.

Random unicode alone rarely forms "1.2", "(iv)" or "ARTICLE V" in a row, so the text is assembled from
tokens that the segmenter reacts to (numbers, brackets, dots, quotes, WHEREAS, unicode whitespace) mixed
with arbitrary characters, including lone surrogates, which a Python ``str`` may hold but JSON may not.
"""

from __future__ import annotations

from hypothesis import strategies as st

TOKENS = [
    "1.", "1.1", "1.2.3", "2.", "(a)", "(b)", "(i)", "(ii)", "(iv)", "a)", "A.", "B.", "I.", "II.", "iv.",
    "ARTICLE I", "ARTICLE 2", "Article IV", "Section 1.1", "SECTION 3", "§ 4", "Sec. 2",
    "WHEREAS", "Whereas,", "NOW, THEREFORE", "IN WITNESS WHEREOF", "RECITALS", "W I T N E S S E T H",
    "EXHIBIT A", "Schedule 1", "ANNEX B-2", "AGREEMENT", "DEFINITIONS", "Term.", "Confidentiality:",
    '"Affiliate" means', "\u201cAffiliate\u201d means", 'the "Term" shall mean', "Inc.", "e.g.", "U.S.",
    "# ", "## 1. Term", "> ", "* ", "- ", ".", ",", ";", ":", "(", ")", "[", "]", '"', "'", "\u201c", "\u201d",
    "\u2019", "shall", "and", "or", " ", "  ", "\t", "\n", "\n\n", "\r\n", "\r", "\u00a0", "\u2028", "\u2029",
    "\u0085", "\u000b", "\u000c", "\u200b", "\u3000", "\ufeff", "\ufffe", "\x00", "$1.5", "10,000", "0.",
    "999.", "1000.", "MMMM.", "(zzzz)", "aaaa)", "iiiii.",
]

#: Any code point, surrogates included (a str may hold a lone surrogate; JSON and UTF-8 may not).
ANY_CHAR = st.characters(codec=None, min_codepoint=0, max_codepoint=0x10FFFF)

pieces = st.one_of(
    st.sampled_from(TOKENS),
    st.text(alphabet=st.sampled_from("0123456789.()IVXivxabcAB \n\"'"), min_size=1, max_size=8),
    st.text(alphabet=ANY_CHAR, min_size=1, max_size=5),
    st.from_regex(r"[A-Z][a-z]{1,8}", fullmatch=True),
)

#: Contract-like strings: tokens, digits-and-brackets noise and arbitrary unicode, joined.
contract_text = st.lists(pieces, max_size=60).map("".join)

#: Arbitrary unicode strings, surrogates included.
any_text = st.text(alphabet=ANY_CHAR, max_size=300)
