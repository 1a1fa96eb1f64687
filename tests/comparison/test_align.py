"""Clause alignment: renumbered, moved, split, merged, added and deleted clauses matched by content."""

from __future__ import annotations

from leverage_lens import parse_text
from leverage_lens.comparison.align import align
from leverage_lens.comparison.diff import clause_changes
from leverage_lens.comparison.model import ClauseChange
from leverage_lens.comparison.units import build_units


def _changes(old: str, new: str) -> list[ClauseChange]:
    a, b = parse_text(old), parse_text(new)
    return clause_changes(align(build_units(a), build_units(b)), a.text, b.text)


SECTIONS = [
    "Services. Provider shall host the platform and keep it available during business hours.",
    "Fees. Customer shall pay the fees stated in each order form within thirty days of invoice.",
    "Warranty. Provider warrants that the platform will perform materially as described in the documentation.",
    "Liability. Neither party is liable for indirect or consequential damages of any kind whatsoever.",
    "Notices. Notices must be in writing and delivered by hand, courier or registered mail to the address.",
]


def _doc(sections: list[str]) -> str:
    return "\n\n".join(f"{i}. {s}" for i, s in enumerate(sections, 1)) + "\n"


def test_identical_versions_report_every_clause_unchanged() -> None:
    changes = _changes(_doc(SECTIONS), _doc(SECTIONS))
    assert changes and {c.status for c in changes} == {"unchanged"}
    assert not any(c.renumbered or c.edits for c in changes)


def test_inserted_section_renumbers_the_rest_without_reporting_them_changed() -> None:
    new = SECTIONS[:1] + ["Support. Provider shall answer support requests within one business day."] + SECTIONS[1:]
    changes = _changes(_doc(SECTIONS), _doc(new))
    added = [c for c in changes if c.status == "added"]
    assert [c.new[0].number for c in added] == ["2."]
    renumbered = [c for c in changes if c.renumbered]
    assert [(c.old[0].number, c.new[0].number) for c in renumbered] == [("2.", "3."), ("3.", "4."), ("4.", "5."),
                                                                       ("5.", "6.")]
    assert all(c.status == "unchanged" and not c.edits for c in renumbered)


def test_moved_section_is_reported_moved_with_both_numbers() -> None:
    new = [SECTIONS[0], SECTIONS[2], SECTIONS[3], SECTIONS[1], SECTIONS[4]]
    changes = _changes(_doc(SECTIONS), _doc(new))
    moved = [c for c in changes if c.status == "moved"]
    assert [(c.old[0].number, c.new[0].number) for c in moved] == [("2.", "4.")]
    assert [c.status for c in changes].count("unchanged") == 4


def test_split_section_is_one_old_clause_and_two_new_ones() -> None:
    long = ("Fees. Customer shall pay the fees stated in each order form within thirty days of invoice. "
            "Provider may increase the fees once a year on sixty days notice to Customer in writing.")
    old = _doc([SECTIONS[0], long, SECTIONS[2]])
    new = _doc([SECTIONS[0], long.split(" Provider may")[0], "Provider may" + long.split(" Provider may")[1],
                SECTIONS[2]])
    changes = _changes(old, new)
    split = [c for c in changes if c.status == "split"]
    assert len(split) == 1
    assert [r.number for r in split[0].old] == ["2."] and [r.number for r in split[0].new] == ["2.", "3."]


def test_merged_sections_are_two_old_clauses_and_one_new_one() -> None:
    old = _doc(SECTIONS)
    new = _doc([SECTIONS[0], SECTIONS[1] + " " + SECTIONS[2], *SECTIONS[3:]])
    merged = [c for c in _changes(old, new) if c.status == "merged"]
    assert len(merged) == 1
    assert [r.number for r in merged[0].old] == ["2.", "3."] and [r.number for r in merged[0].new] == ["2."]


def test_deleted_section_keeps_its_old_number_and_offsets() -> None:
    old_text = _doc(SECTIONS)
    changes = _changes(old_text, _doc(SECTIONS[:2] + SECTIONS[3:]))
    deleted = [c for c in changes if c.status == "deleted"]
    assert len(deleted) == 1 and deleted[0].old[0].number == "3."
    ref = deleted[0].old[0]
    assert old_text[ref.start:ref.end].startswith("3. Warranty")


def test_word_edits_carry_offsets_into_each_version() -> None:
    new_sections = list(SECTIONS)
    new_sections[1] = new_sections[1].replace("thirty days", "fifteen business days")
    old_text, new_text = _doc(SECTIONS), _doc(new_sections)
    (changed,) = [c for c in _changes(old_text, new_text) if c.status == "changed"]
    (edit,) = changed.edits
    assert (edit.op, edit.old_text, edit.new_text) == ("replace", "thirty", "fifteen business")
    assert old_text[edit.old_start:edit.old_end] == "thirty"
    assert new_text[edit.new_start:edit.new_end] == "fifteen business"


def test_reflowed_whitespace_and_curly_quotes_are_not_changes() -> None:
    old = _doc(['Term. The "Term" begins on signature and lasts for three years.'])
    new = _doc(["Term.  The \u201cTerm\u201d begins on\nsignature and lasts for three years."])
    assert {c.status for c in _changes(old, new)} == {"unchanged"}


def test_alignment_on_a_long_contract_compares_few_pairs() -> None:
    """Near-linear: 600 clauses with one edit align in well under a second (no all-pairs fuzzy matching)."""
    import time

    sections = [f"Clause about topic {i}: the party numbered {i} shall deliver item {i * 7} to depot {i % 13} "
                f"within {i % 30 + 1} days of the order, at its own cost, every month." for i in range(600)]
    edited = list(sections)
    edited[300] = edited[300].replace("its own cost", "the other party's cost")
    started = time.perf_counter()
    changes = _changes(_doc(sections), _doc(edited))
    assert time.perf_counter() - started < 5.0  # generous: shared CI machines; typically ~0.1 s
    assert [c.status for c in changes].count("changed") == 1
