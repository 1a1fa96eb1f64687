"""Tags in analysed Reports: what a reviewer searches for is tagged, on the most specific clause."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

import pytest
import spacy

import leverage_lens
from leverage_lens import Analyzer
from leverage_lens.tag.pipeline import model_path

CONTRACT = """\
SUPPLY AGREEMENT

1. TERM AND TERMINATION

1.1 Term. This Agreement commences on the Effective Date and shall continue in full force and effect for an
initial term of three (3) years, and shall automatically renew for successive one (1) year renewal terms
unless either party gives written notice of non-renewal at least ninety (90) days prior to the expiration of
the then-current term.

1.2 Termination for Convenience. Either party may terminate this Agreement for any reason or no reason upon
sixty (60) days' prior written notice to the other party.

2. LIMITATION OF LIABILITY

2.1 In no event shall either party's aggregate liability arising out of or related to this Agreement exceed
the total amounts paid by Customer to Supplier in the twelve (12) months preceding the claim.

3. INSURANCE

3.1 Supplier shall maintain, at its own expense, commercial general liability insurance with limits of not
less than $2,000,000 per occurrence and shall name Customer as an additional insured.

4. GOVERNING LAW

4.1 This Agreement shall be governed by and construed in accordance with the laws of the State of New York.
"""


@pytest.fixture(scope="module")
def report() -> leverage_lens.Report:
    return leverage_lens.analyze(leverage_lens.parse_text(CONTRACT))


def _tagged(report: leverage_lens.Report, number: str) -> dict[str, leverage_lens.Tag]:
    clause = next(c for c in report.clauses if c.number == number)
    return {t.category: t for t in clause.tags}


def test_clauses_get_the_categories_a_reviewer_expects(report: leverage_lens.Report) -> None:
    assert "termination.convenience" in _tagged(report, "1.2")
    assert "liability.cap" in _tagged(report, "2.1")
    assert "liability.insurance" in _tagged(report, "3.1")
    assert "disputes.governing_law" in _tagged(report, "4.1")
    assert {"termination.renewal", "termination.renewal_notice", "termination.expiration"} & set(
        _tagged(report, "1.1"))


def test_articles_are_not_tagged_for_their_sub_clauses(report: leverage_lens.Report) -> None:
    articles = [c for c in report.clauses if c.level == 0 and c.number]
    assert len(articles) == 4
    for article in articles:
        assert article.tags == [], article.heading


def test_tags_carry_family_calibrated_confidence_source_and_evidence(report: leverage_lens.Report) -> None:
    doc = report.document
    for clause in report.clauses:
        for tag in clause.tags:
            assert tag.category.startswith(tag.family + ".")
            assert 0.0 <= tag.confidence <= 1.0
            assert tag.source in ("model", "rule", "heading")
            for span in tag.evidence:
                assert clause.start <= span.start < span.end <= clause.end or span.label == "heading"
                assert doc.text[span.start : span.end].strip()


def test_summary_counts_tags_by_family(report: leverage_lens.Report) -> None:
    counted: dict[str, int] = {}
    for clause in report.clauses:
        for tag in clause.tags:
            counted[tag.family] = counted.get(tag.family, 0) + 1
    assert report.summary.tags_by_family == counted
    assert counted["liability"] >= 2


def test_summary_lists_every_tagged_category_as_present_with_the_contracts_own_confidence(
    report: leverage_lens.Report,
) -> None:
    tagged = {t.category for c in report.clauses for t in c.tags}
    present = report.summary.categories_present
    assert tagged and tagged <= set(present)
    assert all(0.0 < p <= 1.0 for p in present.values())
    assert list(present.values()) == sorted(present.values(), reverse=True)
    # learnt categories carry the contract model's calibrated answer, not the best clause's confidence
    from leverage_lens.tag.pipeline import load_model

    model = load_model()
    tagger = leverage_lens.tag.ClauseTagger(model)
    _, probs = tagger._tag(report.document.clauses, report.document.text, None)
    own = dict(zip(model.labels, model.contract_model.probabilities(probs).tolist()))
    for category in tagged & set(own):
        assert present[category] == pytest.approx(max(round(own[category], 4), 1e-4))


def test_model_tags_are_explained_by_the_words_that_decided_them(report: leverage_lens.Report) -> None:
    doc = report.document
    cap = _tagged(report, "2.1")["liability.cap"]
    words = [doc.text[s.start : s.end].lower() for s in cap.evidence if s.label == "words"]
    assert words and len(words) <= 4
    assert any("liab" in w or "exceed" in w for w in words), words
    insurance = _tagged(report, "3.1")["liability.insurance"]
    assert any("insur" in doc.text[s.start : s.end].lower() for s in insurance.evidence if s.label == "words")


def test_a_category_deep_inside_a_long_clause_is_still_tagged() -> None:
    filler = " ".join(["The parties shall cooperate in good faith regarding the marketing plan described in "
                       "Exhibit A and shall meet quarterly to review the status of the program."] * 14)
    insurance = ("Supplier shall maintain, at its own expense, commercial general liability insurance with limits "
                 "of not less than $2,000,000 per occurrence and shall name Customer as an additional insured.")
    from leverage_lens.tag.units import MAX_MODEL_CHARS

    assert len(filler) > MAX_MODEL_CHARS  # the insurance sentence lies beyond the first window
    report = leverage_lens.analyze(leverage_lens.parse_text(f"1. GENERAL MATTERS\n\n{filler} {insurance}\n"))
    clause = next(c for c in report.clauses if c.number == "1.")
    assert "liability.insurance" in {t.category for t in clause.tags}
    assert "liability.insurance" in report.summary.categories_present


def test_untagged_text_has_no_categories_present() -> None:
    report = leverage_lens.analyze(leverage_lens.parse_text("Hello there.\n\nSee you soon, friend of mine."))
    assert all(not c.tags for c in report.clauses)
    assert report.summary.categories_present == {}


def test_report_holds_one_tagged_clause_list_and_round_trips(report: leverage_lens.Report) -> None:
    assert report.clauses is report.document.clauses
    assert any(c.tags for c in report.document.clauses)
    assert "clauses" not in report.model_dump()  # the JSON carries each clause once, inside the document
    assert leverage_lens.Report.model_validate_json(report.to_json()) == report


def test_tagging_is_the_same_from_many_threads() -> None:
    analyzer = Analyzer()
    doc = leverage_lens.parse_text(CONTRACT)
    expected = analyzer.analyze(doc).clauses
    results: list[object] = []

    def work() -> None:
        results.append(analyzer.analyze(doc).clauses)

    threads = [threading.Thread(target=work) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(results) == 6 and all(r == expected for r in results)


def test_spacy_factory_works_in_a_users_own_pipeline() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("leverage_lens_tagger")
    doc = nlp("Licensee shall not assign this Agreement without the prior written consent of Licensor.")
    assert "assignment.anti_assignment" in {t.category for t in doc._.leverage_tags}
    assert 0.0 <= doc.cats["assignment.anti_assignment"] <= 1.0


def test_importing_the_library_does_not_import_spacy() -> None:
    code = "import sys, leverage_lens; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_packaged_model_is_small_and_has_a_model_card() -> None:
    path = model_path()
    size = sum(p.stat().st_size for p in Path(path).rglob("*") if p.is_file())
    assert size <= 25 * 1024 * 1024
    card = (path / "MODEL_CARD.md").read_text(encoding="utf-8")
    for section in ("Data", "Split", "Metrics", "Reproduce"):
        assert f"## {section}" in card


INDEMNITY_IN_MISCELLANEOUS = """\
1. MISCELLANEOUS

1.1 Supplier shall indemnify, defend and hold harmless Customer and its officers, directors and employees
from and against any and all claims, losses, damages, liabilities, costs and expenses (including reasonable
attorneys' fees) arising out of or relating to any breach of this Agreement by Supplier or the negligence or
wilful misconduct of Supplier.

1.2 Notices under this Agreement shall be given in writing to the addresses set out above.
"""


def test_an_indemnity_no_heading_names_is_tagged_from_its_words() -> None:
    report = leverage_lens.analyze(leverage_lens.parse_text(INDEMNITY_IN_MISCELLANEOUS))
    tags = _tagged(report, "1.1")
    assert tags["liability.indemnification"].source == "model"
    assert 0.5 <= tags["liability.indemnification"].confidence <= 1.0
    assert "liability.indemnification" not in _tagged(report, "1.2")


def test_a_heading_naming_a_weak_category_still_tags_it() -> None:
    text = ("7. CONFIDENTIALITY\n\n7.1 The receiving party shall not use the other party's Confidential Information "
            "except to perform this Agreement.\n\n7.2 This Section survives for three years.\n")
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    for number in ("7.1", "7.2"):
        tag = _tagged(report, number)["confidentiality.obligations"]
        assert tag.source in {"model", "heading"} and tag.confidence >= 0.6


def test_a_passing_mention_of_arbitration_is_not_an_arbitration_clause() -> None:
    text = ("9. ATTORNEYS' FEES\n\n9.1 In any action, suit or arbitration to enforce this Agreement, the prevailing "
            "party shall recover its reasonable attorneys' fees and costs.\n")
    report = leverage_lens.analyze(leverage_lens.parse_text(text))
    assert "disputes.arbitration" not in _tagged(report, "9.1")


def test_a_long_document_tagged_in_blocks_gets_the_same_tags(monkeypatch: pytest.MonkeyPatch) -> None:
    from leverage_lens.tag import ClauseTagger
    from leverage_lens.tag import tagger as module

    doc = leverage_lens.parse_text(CONTRACT + "\n" + INDEMNITY_IN_MISCELLANEOUS.replace("1.", "5.").replace("1.1", "5.1"))
    tagger = ClauseTagger()
    whole = tagger.tag(doc.clauses, doc.text)
    monkeypatch.setattr(module, "UNIT_BLOCK", 2)  # the contract's best units now lie in different blocks
    blocks = tagger.tag(doc.clauses, doc.text)
    assert [[(t.category, t.confidence) for t in c.tags] for c in blocks] == \
           [[(t.category, t.confidence) for t in c.tags] for c in whole]
