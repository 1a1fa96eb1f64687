"""Reading and validating playbooks: the examples, YAML and JSON, the published schema, and errors that say
which position and which field is wrong."""

from __future__ import annotations

import json
import sys

import pytest

from leverage_lens.playbook import (
    EXAMPLES,
    Playbook,
    PlaybookError,
    example_playbook,
    example_text,
    load_playbook,
    playbook_schema,
)
from leverage_lens.playbook.conditions import AllOf, LedgerCheck, TermCheck
from leverage_lens.playbook.model import DATA_DIR


@pytest.mark.parametrize("side", sorted(EXAMPLES))
def test_every_example_playbook_loads_and_round_trips_through_json(side: str) -> None:
    book = example_playbook(side)
    assert book.positions and all(p.preferred and p.fallback for p in book.positions)
    assert load_playbook(book.to_json()) == book


def test_the_shipped_schema_is_the_models_schema() -> None:
    shipped = json.loads((DATA_DIR / "playbook.schema.json").read_text(encoding="utf-8"))
    assert shipped == playbook_schema(), "regenerate leverage_lens/playbook/data/playbook.schema.json"


def test_the_schema_validates_the_examples_and_rejects_a_bad_condition() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = playbook_schema()
    for side in EXAMPLES:
        jsonschema.validate(example_playbook(side).to_dict(), schema)
    bad = example_playbook("customer").to_dict()
    bad["positions"][0]["check"] = {"term": "no_such_term"}
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(bad, schema)


def test_yaml_and_json_texts_and_paths_give_the_same_playbook(tmp_path) -> None:  # type: ignore[no-untyped-def]
    yaml_path = tmp_path / "p.yaml"
    yaml_path.write_text(example_text("nda"), encoding="utf-8")
    json_path = tmp_path / "p.json"
    json_path.write_text(example_playbook("nda").to_json(), encoding="utf-8")
    assert load_playbook(yaml_path) == load_playbook(str(json_path)) == load_playbook("nda")


def test_yaml_reads_without_pyyaml_through_srsly(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "yaml", None)  # import yaml now raises ImportError
    assert load_playbook(example_text("supplier")) == example_playbook("supplier")


def test_conditions_are_typed_by_their_key() -> None:
    book = example_playbook("customer")
    assert isinstance(book.position("governing-law").check, TermCheck)
    assert isinstance(book.position("mutual-limitations").check, LedgerCheck)
    assert isinstance(book.position("short-renewals").check, AllOf)


def _problems(raw: dict) -> str:
    with pytest.raises(PlaybookError) as exc:
        load_playbook(raw)
    return str(exc.value)


def test_errors_name_the_position_and_the_field() -> None:
    msg = _problems({"name": "x", "positions": [
        {"id": "cap", "title": "t", "check": {"term": "liability_cap", "at_least": "12 moths of fees"}},
        {"id": "law", "title": "t", "check": {"ledger": "no.such_topic", "forbid": "them"}},
    ]})
    assert "positions[0] (cap) -> check -> at_least" in msg and "is not a quantity" in msg
    assert "positions[1] (law) -> check -> ledger" in msg and "unknown topic" in msg


def test_a_condition_must_name_one_kind() -> None:
    msg = _problems({"name": "x", "positions": [{"id": "a", "title": "t", "check": {"terms": "x"}}]})
    assert "names exactly one of term:, ledger:, tag:, all:, any:" in msg


def test_unknown_subjects_duplicate_ids_and_stray_fields_are_refused() -> None:
    check = {"ledger": "liability.indemnification", "forbid": ["them"], "unless_only": ["space_travel"]}
    assert "unknown subject 'space_travel'" in _problems(
        {"name": "x", "positions": [{"id": "a", "title": "t", "check": check}]})
    twice = {"id": "a", "title": "t", "check": {"term": "forum"}}
    assert "unique" in _problems({"name": "x", "positions": [twice, twice]})
    assert "extra" in _problems({"name": "x", "positions": [{**twice, "sevrity": "high"}]}).lower()


def test_own_subjects_can_be_named_in_conditions() -> None:
    book = load_playbook({"name": "x", "subjects": {"space_travel": ["rocket", "orbit"]}, "positions": [
        {"id": "a", "title": "t",
         "check": {"ledger": "liability.indemnification", "forbid": ["them"], "unless_only": ["space_travel"]}}]})
    assert book.all_subjects()["space_travel"] == ["rocket", "orbit"]


def test_not_a_mapping_not_yaml_and_not_json_are_playbook_errors(tmp_path) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PlaybookError, match="mapping"):
        load_playbook("- just\n- a list\n")
    with pytest.raises(PlaybookError, match="not valid YAML"):
        load_playbook("name: [unclosed\n")
    bad = tmp_path / "p.json"
    bad.write_text("{not json", encoding="utf-8")
    with pytest.raises(PlaybookError, match="not valid JSON"):
        load_playbook(bad)
    with pytest.raises(FileNotFoundError):
        load_playbook(tmp_path / "missing.yaml")


def test_a_playbook_is_accepted_as_it_is() -> None:
    book = example_playbook("nda")
    assert load_playbook(book) is book and isinstance(book, Playbook)
