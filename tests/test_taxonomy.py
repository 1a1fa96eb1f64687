"""The taxonomy: the four core families and their CUAD categories as the issue fixes them, user
extensions, and the generated docs page staying in sync with the data."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from leverage_lens import taxonomy
from leverage_lens.errors import InvalidOptionError

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"

# The CUAD -> family assignment the issue states (evaluation relies on it).
CORE = {
    "exclusivity": ["Exclusivity", "Non-Compete", "No-Solicit of Customers", "No-Solicit of Employees",
                    "Most Favored Nation", "Rofr/Rofo/Rofn", "Competitive Restriction Exception",
                    "Non-Disparagement"],
    "termination": ["Termination for Convenience", "Renewal Term", "Notice Period to Terminate Renewal",
                    "Expiration Date", "Post-Termination Services", "Change of Control"],
    "payment": ["Revenue/Profit Sharing", "Price Restrictions", "Minimum Commitment", "Volume Restriction",
                "Audit Rights"],
    "liability": ["Cap on Liability", "Uncapped Liability", "Liquidated Damages", "Warranty Duration",
                  "Insurance", "Covenant Not to Sue"],
}


def test_core_families_have_the_ids_users_named() -> None:
    ids = {f.id for f in taxonomy.families()}
    assert set(taxonomy.CORE_FAMILIES) == {"exclusivity", "termination", "payment", "liability"}
    assert set(taxonomy.CORE_FAMILIES) <= ids
    assert {"ip", "assignment", "disputes", "confidentiality", "general"} <= ids


@pytest.mark.parametrize("family,labels", sorted(CORE.items()))
def test_cuad_categories_map_to_their_core_family(family: str, labels: list[str]) -> None:
    for label in labels:
        assert taxonomy.get(taxonomy.CUAD[label]).family == family, label


def test_non_core_cuad_categories_go_to_other_families() -> None:
    core_labels = {label for labels in CORE.values() for label in labels}
    for label, cat_id in taxonomy.CUAD.items():
        if label not in core_labels:
            assert taxonomy.get(cat_id).family not in taxonomy.CORE_FAMILIES, label


def test_every_category_has_id_family_name_and_description() -> None:
    cats = taxonomy.categories()
    assert len({c.id for c in cats}) == len(cats)
    for c in cats:
        assert c.id.startswith(c.family + ".")
        assert c.name and c.description


def test_categories_cuad_lacks_are_present() -> None:
    no_cuad = {c.id for c in taxonomy.categories() if not c.cuad}
    assert {"liability.indemnification", "termination.for_cause", "payment.terms",
            "confidentiality.obligations"} <= no_cuad


@pytest.mark.data
@pytest.mark.skipif(not DATA.is_dir(), reason=f"shared data folder not found at {DATA}")
def test_cuad_mapping_covers_every_clause_category_of_the_csv() -> None:
    with open(DATA / "cuad" / "category_descriptions.csv", encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))[1:]
    names = {r[0].split(":", 1)[1].strip() for r in rows if r and ":" in r[0]}
    assert set(taxonomy.CUAD) == names - taxonomy.CUAD_IGNORED


def test_docs_page_is_generated_from_the_data() -> None:
    page = (ROOT / "docs" / "taxonomy.md").read_text(encoding="utf-8")
    assert page.rstrip("\n") == taxonomy.to_markdown().rstrip("\n"), (
        "docs/taxonomy.md is stale: run `leverage-lens taxonomy --markdown docs/taxonomy.md`"
    )


def test_with_category_adds_and_overrides_without_touching_the_default() -> None:
    base = taxonomy.default()
    extended = base.with_category({"id": "payment.escrow", "family": "payment", "name": "Escrow of fees",
                                   "synonyms": ["fee escrow"], "phrases": ["paid into escrow"]})
    overridden = extended.with_category({"id": "liability.cap", "family": "liability", "name": "Cap"})
    assert "payment.escrow" in extended and "payment.escrow" not in base
    assert overridden.get("liability.cap").name == "Cap"
    assert base.get("liability.cap").name == "Cap on liability"
    assert len(overridden) == len(base) + 1


def test_category_with_unknown_family_is_refused() -> None:
    with pytest.raises(InvalidOptionError, match="family"):
        taxonomy.default().with_category({"id": "x.y", "family": "nope"})


def test_load_reads_a_taxonomy_file_of_ones_own(tmp_path: Path) -> None:
    path = tmp_path / "mine.json"
    path.write_text(json.dumps({
        "families": [{"id": "risk", "name": "Risk"}],
        "categories": [{"id": "risk.force_majeure", "family": "risk", "name": "Force majeure",
                        "synonyms": ["force majeure"], "phrases": ["act of god"]}],
    }), encoding="utf-8")
    mine = taxonomy.load(path)
    assert [c.id for c in mine.categories] == ["risk.force_majeure"]
    assert mine.get("risk.force_majeure").phrases == ("act of god",)


def test_unreadable_taxonomy_file_raises_typed_error(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(InvalidOptionError, match="bad.json"):
        taxonomy.load(bad)
