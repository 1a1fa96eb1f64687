"""The taxonomy of leverage: the families and categories a clause can be tagged with.

The taxonomy is data (``leverage_lens/data/taxonomy.json``), not code, so reviewers can read it, the docs
page (``docs/taxonomy.md``) is generated from it, and users can extend it. Each category says which CUAD
labels it covers, which is how the tagger is trained and evaluated on CUAD; categories CUAD lacks
(indemnification, termination for cause, payment terms, confidentiality, arbitration) are found by headings
and phrase rules only.

    >>> from leverage_lens import taxonomy
    >>> taxonomy.CUAD["Cap on Liability"]
    'liability.cap'
    >>> taxonomy.get("liability.cap").family
    'liability'

A user's own taxonomy: :func:`load` reads a JSON file of the same shape; :meth:`Taxonomy.with_category`
adds or overrides a category (with its own synonyms and phrases) and returns a new taxonomy. Taxonomies are
immutable, so a shared one can never change under a running tagger.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from ._paths import data_dir
from .errors import InvalidOptionError

__all__ = [
    "CLAUDETTE",
    "CORE_FAMILIES",
    "CUAD",
    "CUAD_IGNORED",
    "Category",
    "Family",
    "Taxonomy",
    "categories",
    "default",
    "families",
    "get",
    "load",
    "to_markdown",
]

#: The four families users asked for first; the evaluation targets are stated over them.
CORE_FAMILIES: tuple[str, ...] = ("exclusivity", "termination", "payment", "liability")

#: CUAD category name -> category id of the packaged taxonomy; computed from the data file on first access.
CUAD: dict[str, str]

#: CLAUDETTE unfair-term code (a, ch, cr, j, law, ltd, ter, use) -> the finding category reported for it.
CLAUDETTE: dict[str, str] = {
    "a": "disputes.arbitration",
    "ch": "general.unilateral_change",
    "cr": "general.content_removal",
    "j": "disputes.jurisdiction",
    "law": "disputes.governing_law",
    "ltd": "liability.cap",
    "ter": "termination.convenience",
    "use": "general.contract_by_using",
}

#: CUAD categories that are metadata (names, parties, dates), not clauses: not tagged.
CUAD_IGNORED: frozenset[str] = frozenset({"Document Name", "Parties", "Agreement Date", "Effective Date"})


@dataclass(frozen=True)
class Family:
    """A group of categories (``termination``, ``liability``, ...)."""

    id: str
    name: str
    description: str


@dataclass(frozen=True)
class Category:
    """One kind of clause. ``synonyms`` match headings; ``phrases`` are rule patterns matched in the text."""

    id: str
    family: str
    name: str
    description: str
    cuad: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    phrases: tuple[str, ...] = ()
    patterns: tuple[tuple[dict[str, Any], ...], ...] = field(default=(), compare=False)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "family": self.family,
            "name": self.name,
            "description": self.description,
            "cuad": list(self.cuad),
            "synonyms": list(self.synonyms),
            "phrases": list(self.phrases),
            **({"patterns": [list(p) for p in self.patterns]} if self.patterns else {}),
        }


class Taxonomy:
    """An immutable set of families and categories, looked up by id."""

    def __init__(self, families: Iterable[Family], categories: Iterable[Category], version: str = "1") -> None:
        self.version = version
        self._families = {f.id: f for f in families}
        self._categories = {c.id: c for c in categories}
        for cat in self._categories.values():
            if cat.family not in self._families:
                raise InvalidOptionError(
                    f"category {cat.id!r} names family {cat.family!r}, which the taxonomy does not define"
                )

    @property
    def families(self) -> list[Family]:
        return list(self._families.values())

    @property
    def categories(self) -> list[Category]:
        return list(self._categories.values())

    def get(self, category_id: str) -> Category:
        """The category with this id (``KeyError`` if none)."""
        return self._categories[category_id]

    def family(self, family_id: str) -> Family:
        return self._families[family_id]

    def __contains__(self, category_id: object) -> bool:
        return category_id in self._categories

    def __len__(self) -> int:
        return len(self._categories)

    @property
    def cuad(self) -> dict[str, str]:
        """CUAD category name -> category id."""
        return {label: c.id for c in self._categories.values() for label in c.cuad}

    def with_category(self, category: Category | Mapping[str, Any]) -> Taxonomy:
        """A new taxonomy with ``category`` added, or replacing the category of the same id."""
        cat = category if isinstance(category, Category) else _category(category)
        cats = dict(self._categories)
        cats[cat.id] = cat
        return Taxonomy(self.families, cats.values(), self.version)

    def with_family(self, family: Family | Mapping[str, Any]) -> Taxonomy:
        fam = family if isinstance(family, Family) else Family(**dict(family))
        fams = dict(self._families)
        fams[fam.id] = fam
        return Taxonomy(fams.values(), self.categories, self.version)

    def to_dict(self) -> dict[str, Any]:
        return {
            "version": self.version,
            "families": [vars(f) for f in self._families.values()],
            "categories": [c.to_dict() for c in self._categories.values()],
        }


def _category(raw: Mapping[str, Any]) -> Category:
    try:
        return Category(
            id=str(raw["id"]),
            family=str(raw["family"]),
            name=str(raw.get("name", raw["id"])),
            description=str(raw.get("description", "")),
            cuad=tuple(raw.get("cuad", ())),
            synonyms=tuple(raw.get("synonyms", ())),
            phrases=tuple(raw.get("phrases", ())),
            patterns=tuple(tuple(p) for p in raw.get("patterns", ())),
        )
    except (KeyError, TypeError) as exc:
        raise InvalidOptionError(f"a taxonomy category needs at least 'id' and 'family': {raw!r}") from exc


def from_dict(raw: Mapping[str, Any]) -> Taxonomy:
    """Build a taxonomy from the JSON shape of ``leverage_lens/data/taxonomy.json``."""
    try:
        fams = [Family(id=f["id"], name=f.get("name", f["id"]), description=f.get("description", ""))
                for f in raw["families"]]
        cats = [_category(c) for c in raw["categories"]]
    except (KeyError, TypeError) as exc:
        raise InvalidOptionError("a taxonomy needs 'families' and 'categories' lists") from exc
    return Taxonomy(fams, cats, str(raw.get("version", "1")))


def load(path: str | Path) -> Taxonomy:
    """Read a taxonomy JSON file of the same shape as the packaged one."""
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InvalidOptionError(f"cannot read taxonomy file {path}: {exc}") from exc
    return from_dict(raw)


@lru_cache(maxsize=1)
def default() -> Taxonomy:
    """The taxonomy shipped with leverage_lens (read once, then cached; it is immutable)."""
    return load(data_dir() / "taxonomy.json")


def categories() -> list[Category]:
    """Every category of the packaged taxonomy, in the order of the data file."""
    return default().categories


def families() -> list[Family]:
    return default().families


def get(category_id: str) -> Category:
    return default().get(category_id)


def to_markdown(tax: Taxonomy | None = None) -> str:
    """The docs page ``docs/taxonomy.md``, generated so it never drifts from the data."""
    tax = tax or default()
    lines = [
        "# Taxonomy of leverage",
        "",
        "Generated from `leverage_lens/data/taxonomy.json` by `leverage-lens taxonomy --markdown docs/taxonomy.md`;",
        "do not edit by hand (a test checks the two agree). Every clause of a Report gets tags from this list",
        "(`Clause.tags`: category, family, confidence, source, evidence). Categories with CUAD labels are",
        "learnt by the trained model and evaluated on CUAD (see [evaluation.md](evaluation.md)); the others",
        "are found by headings and phrase rules.",
        "",
    ]
    for fam in tax.families:
        cats = [c for c in tax.categories if c.family == fam.id]
        lines += [f"## {fam.name} (`{fam.id}`)", "", fam.description, "",
                  "| id | name | description | CUAD labels | heading synonyms |", "|---|---|---|---|---|"]
        for c in cats:
            lines.append(
                f"| `{c.id}` | {c.name} | {c.description} | {', '.join(c.cuad) or '—'} | "
                f"{', '.join(c.synonyms) or '—'} |"
            )
        lines.append("")
    return "\n".join(lines)


def __getattr__(name: str) -> Any:
    # CUAD is computed from the data file on first access, so importing this module reads no file.
    if name == "CUAD":
        return default().cuad
    raise AttributeError(name)

