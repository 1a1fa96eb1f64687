"""Reading a playbook from YAML or JSON (a path, a string or a mapping), with errors a legal team can act on.

YAML is read with PyYAML when it is installed (``pip install "leverage-lens[yaml]"``), else with the YAML
reader bundled in ``srsly``, which spaCy already installs; both are safe loaders (no Python objects, no
tags). A playbook that does not validate raises :class:`PlaybookError` naming the position and the field:
``positions[2] (supplier-cap-floor) -> check -> at_least: '12 moths of fees' is not a quantity ...``.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from ..errors import LeverageLensError
from .model import DATA_DIR, Playbook

__all__ = ["EXAMPLES", "PlaybookError", "example_playbook", "example_text", "load_playbook", "playbook_schema"]

#: The example playbooks shipped with the library: side -> data file (``leverage-lens playbook init --side``).
EXAMPLES: dict[str, str] = {"customer": "saas_customer.yaml", "supplier": "supplier.yaml", "nda": "nda.yaml"}


class PlaybookError(LeverageLensError, ValueError):
    """A playbook that cannot be read or does not validate; the message says where and what to write."""


def _yaml_loads(text: str, label: str) -> Any:
    try:
        import yaml  # PyYAML, the [yaml] extra
    except ImportError:
        yaml = None
    try:
        if yaml is not None:
            return yaml.safe_load(text)
        import srsly  # installed with spaCy; its YAML reader is ruamel's safe loader

        return srsly.yaml_loads(text)
    except Exception as exc:  # each library has its own error classes; all mean "not YAML"
        where = getattr(exc, "problem_mark", None)
        at = f" (line {where.line + 1}, column {where.column + 1})" if where is not None else ""
        raise PlaybookError(f"{label} is not valid YAML{at}: {getattr(exc, 'problem', None) or exc}") from exc


def _parse_text(text: str, label: str, fmt: str | None) -> Any:
    if fmt == "json" or (fmt is None and text.lstrip().startswith(("{", "["))):
        try:
            return json.loads(text)
        except json.JSONDecodeError as exc:
            raise PlaybookError(f"{label} is not valid JSON (line {exc.lineno}, column {exc.colno}): {exc.msg}") \
                from exc
    return _yaml_loads(text, label)


def _where(loc: tuple[Any, ...], raw: Any) -> str:
    """A pydantic error location as a reader finds it: the position's index and id, then the fields."""
    parts: list[str] = []
    for i, part in enumerate(loc):
        if part in ("term", "ledger", "tag", "all", "any") and i and loc[i - 1] in ("check", "applies_if"):
            continue  # the discriminator's tag repeats the key the user wrote
        if isinstance(part, int) and i and loc[i - 1] == "positions":
            pid = None
            if isinstance(raw, Mapping):
                positions = raw.get("positions")
                if isinstance(positions, list) and part < len(positions) and isinstance(positions[part], Mapping):
                    pid = positions[part].get("id")
            parts[-1] = f"positions[{part}]" + (f" ({pid})" if pid else "")
            continue
        parts.append(str(part))
    return " -> ".join(parts) or "(top level)"


def validate_data(raw: Any, label: str = "playbook") -> Playbook:
    """A :class:`Playbook` from parsed YAML/JSON data, or :class:`PlaybookError` listing every problem."""
    if not isinstance(raw, Mapping):
        raise PlaybookError(f"{label} must be a mapping with name: and positions:, not {type(raw).__name__}")
    try:
        return Playbook.model_validate(raw)
    except ValidationError as exc:
        problems = []
        for e in exc.errors(include_url=False):
            msg = e["msg"].removeprefix("Value error, ")
            problems.append(f"{_where(e['loc'], raw)}: {msg}")
        head = f"{label} is not a valid playbook ({len(problems)} problem{'s' if len(problems) != 1 else ''})"
        raise PlaybookError(head + ": " + "; ".join(problems)) from exc


def load_playbook(source: Playbook | Mapping[str, Any] | str | os.PathLike[str], *,
                  format: str | None = None) -> Playbook:
    """A :class:`Playbook` from a path (``.yaml``, ``.yml``, ``.json``), a YAML/JSON string, a mapping, or an
    example's name (``"customer"``, ``"supplier"``, ``"nda"``). Raises :class:`PlaybookError` when it cannot be
    read or does not validate, and ``FileNotFoundError`` for a missing path."""
    if isinstance(source, Playbook):
        return source
    if isinstance(source, Mapping):
        return validate_data(source)
    if isinstance(source, str) and source in EXAMPLES:
        return example_playbook(source)
    if isinstance(source, os.PathLike) or (isinstance(source, str) and "\n" not in source and
                                           source.strip().lower().endswith((".yaml", ".yml", ".json"))):
        path = Path(source)
        try:
            text = path.read_text(encoding="utf-8")
        except UnicodeDecodeError as exc:
            raise PlaybookError(f"{path} is not UTF-8 text: save the playbook as UTF-8") from exc
        fmt = format or ("json" if path.suffix.lower() == ".json" else "yaml")
        return validate_data(_parse_text(text, str(path), fmt), str(path))
    if isinstance(source, str):
        return validate_data(_parse_text(source, "the playbook text", format), "the playbook text")
    raise PlaybookError(f"a playbook is a path, a YAML/JSON string or a mapping, not {type(source).__name__}")


def example_text(side: str) -> str:
    """The YAML text of an example playbook, comments included (what ``playbook init`` writes)."""
    if side not in EXAMPLES:
        raise PlaybookError(f"no example playbook for {side!r}: choose one of {', '.join(EXAMPLES)}")
    return (DATA_DIR / EXAMPLES[side]).read_text(encoding="utf-8")


def example_playbook(side: str) -> Playbook:
    """One of the example playbooks: ``customer`` (SaaS customer), ``supplier`` or ``nda``."""
    return validate_data(_parse_text(example_text(side), EXAMPLES.get(side, side), "yaml"), EXAMPLES[side])


def playbook_schema() -> dict[str, Any]:
    """The JSON Schema of a playbook file (also shipped as ``playbook/data/playbook.schema.json``)."""
    schema = Playbook.model_json_schema(by_alias=True)
    schema["$id"] = "https://leverage-lens.invalid/playbook.schema.json"
    schema["title"] = "leverage_lens playbook"
    return schema
