"""Forms name the governing law and the forum by a label filled in elsewhere ("the Chosen Courts", "the laws
of the State of Governing Law", "the law listed in Cover Terms"): a label is no place, and the brief never
gives it as one (leverage_lens/brief/law.py). Real names run on in capitals are cut at "without giving
effect"."""

from __future__ import annotations

from pathlib import Path

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.model import Brief

COMMON_PAPER = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "docx" / "templates" / \
    "common-paper-cc-by-4.0"


def _brief(clause: str) -> Brief:
    text = f"AGREEMENT\n\n1. Services\n\nProvider will provide the services.\n\n12. General\n\n{clause}\n"
    brief = analyze(parse_text(text, name="t.txt")).summary.brief
    assert brief is not None
    return brief


@pytest.mark.parametrize("clause", [
    "The parties will bring any legal suit, action, or proceeding about this Agreement in the Chosen Courts and "
    "each party irrevocably submits to the exclusive jurisdiction of the Chosen Courts.",
    "Any legal suit, action, or proceeding relating to this NDA must be instituted in the federal or state courts "
    "located in Jurisdiction.",
    "The parties agree to bring any legal suit about this DPA in the courts of the Governing State.",
    "This agreement is governed by the law listed in Cover Terms, and disputes go to the venue in Cover Terms.",
    "The jurisdiction for this DPA is handled in the Restricted Transfer section.",
])
def test_a_forum_label_is_not_a_place(clause: str) -> None:
    brief = _brief(clause)
    assert brief.forum is None or brief.forum.value is None


def test_a_governing_law_label_is_not_a_place() -> None:
    brief = _brief("This NDA and all matters relating hereto are governed by, and construed in accordance with, "
                   "the laws of the State of Governing Law, without regard to the conflict of laws provisions of "
                   "such Governing Law.")
    assert brief.governing_law is None or brief.governing_law.value is None


def test_a_law_written_in_capitals_is_cut_before_the_conflicts_words() -> None:
    brief = _brief("THIS AGREEMENT SHALL BE GOVERNED IN ALL RESPECTS BY THE LAWS OF THE STATE OF DELAWARE WITHOUT "
                   "GIVING EFFECT TO THE CHOICE OF LAW PRINCIPLES OF SUCH STATE.")
    assert brief.governing_law is not None
    assert brief.governing_law.value == "Delaware" and brief.governing_law.code == "US-DE"


@pytest.mark.data
@pytest.mark.skipif(not COMMON_PAPER.is_dir(), reason=f"Common Paper forms not found at {COMMON_PAPER}")
@pytest.mark.parametrize("form", ["common-paper-cloud-service-agreement", "common-paper-one-way-nda",
                                  "common-paper-data-processing-agreement"])
def test_common_paper_forms_give_no_label_as_law_or_forum(form: str) -> None:
    brief = analyze(COMMON_PAPER / form / "template.docx").summary.brief
    assert brief is not None
    for term in (brief.governing_law, brief.forum):
        assert term is None or term.value is None, term
