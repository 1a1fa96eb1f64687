"""The house has one direction of travel: load -> segment -> enrich -> tag -> analysis -> ledger -> checks ->
brief -> report -> api -> batch / compare / cli, and no import cycles (DESIGN.md).

A small AST walk over ``leverage_lens/``: every ``import`` and ``from ... import`` (module level or inside a
function) becomes an edge between files. The test fails on an edge that runs against the flow and on any cycle.
Training and evaluation code sits on top: the runtime never imports it.
"""

from __future__ import annotations

import ast
from functools import lru_cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "leverage_lens"

#: Stage of each top-level module or package, in the order data flows. Base modules (the data model,
#: errors, options, the taxonomy) are read by every stage. A module may import its own stage or earlier ones.
STAGES: dict[str, int] = {
    "_paths": 0, "_version": 0, "_gc": 0, "errors": 0, "model": 0, "options": 0, "taxonomy": 0, "data": 0, "citation": 0,
    "load": 1,
    "segment": 2,
    "enrich": 3,
    "tag": 4,
    "analysis": 5,
    "ledger": 6,
    "checks": 7,
    "brief": 8,
    "playbook": 9,
    "report": 10,
    "api": 11,
    "batch": 12, "compare": 12, "comparison": 12,
    "cli": 13, "__main__": 13, "__init__": 13, "training": 13, "evaluate": 13,
}

#: Edges against the flow that are allowed, each for a stated reason: the data model's view shortcuts
#: (``Report.to_html()``, ``_repr_html_`` ...) import their view lazily, inside the method, so the model
#: module itself loads without any view and there is no import-time cycle.
ALLOWED: dict[tuple[str, str], str] = {
    ("model", "report.html"): "Report.to_html() shortcut, imported inside the method",
    ("model", "report.markdown"): "Report.to_markdown() shortcut",
    ("model", "report.docx_review"): "Report.to_docx() shortcut",
    ("model", "report.pdf_review"): "Report.to_pdf() shortcut",
    ("model", "report.frames"): "Report.to_frame() / findings_frame() shortcuts",
    ("model", "report.ics"): "Report.to_ics() shortcut",
    ("model", "report.notebook"): "_repr_html_ for Jupyter",
    ("model", "report.review"): "type of the review copies, for type checkers only",
    ("comparison.model", "comparison.view_markdown"): "Comparison.to_markdown() shortcut",
    ("comparison.model", "comparison.view_html"): "Comparison.to_html() / _repr_html_ shortcuts",
    ("comparison.model", "comparison.view_docx"): "Comparison.to_docx() shortcut (and its return type)",
}


def _module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


@lru_cache(maxsize=1)
def _modules() -> dict[str, Path]:
    return {_module_name(p): p for p in PACKAGE.rglob("*.py")}


def _resolve(current: str, is_package: bool, level: int, target: str | None) -> str | None:
    """The module an import names, relative to ``current`` (a dotted name inside the package)."""
    base = current.split(".") if current != "__init__" else []
    if not is_package and base:
        base = base[:-1]
    if level:
        base = base[: len(base) - (level - 1)] if level > 1 else base
    else:
        if not target or not target.startswith("leverage_lens"):
            return None
        base, target = [], target[len("leverage_lens") :].lstrip(".") or None
    name = ".".join([*base, *(target.split(".") if target else [])])
    return name or "__init__"


def _edges() -> set[tuple[str, str]]:
    mods = _modules()
    edges: set[tuple[str, str]] = set()
    for name, path in mods.items():
        is_package = path.name == "__init__.py"
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                for a in node.names:
                    got = _resolve(name, is_package, 0, a.name)
                    if got:
                        targets.append(got)
            elif isinstance(node, ast.ImportFrom):
                got = _resolve(name, is_package, node.level, node.module)
                if got is None:
                    continue
                subs = [f"{got}.{a.name}" if got != "__init__" else a.name for a in node.names]
                found = [s for s in subs if s in mods]
                targets.extend(found or [got])
            for t in targets:
                while t not in mods and "." in t:
                    t = t.rsplit(".", 1)[0]
                if t in mods and t != name:
                    edges.add((name, t))
    return edges


def _stage(module: str) -> int:
    return STAGES[module.split(".")[0]]


def test_every_module_has_a_stage() -> None:
    missing = sorted({m.split(".")[0] for m in _modules()} - set(STAGES))
    assert not missing, f"add these top-level modules to STAGES: {missing}"


def test_no_import_runs_against_the_flow() -> None:
    against = sorted(
        f"{a} -> {b}" for a, b in _edges()
        if _stage(b) > _stage(a) and (a.split(".")[0], b) not in ALLOWED and (a, b) not in ALLOWED
    )
    assert not against, "imports against the flow:\n" + "\n".join(against)


def test_runtime_never_imports_training_or_evaluation() -> None:
    bad = sorted(f"{a} -> {b}" for a, b in _edges()
                 if b.split(".")[0] in ("training", "evaluate") and _stage(a) < STAGES["cli"])
    assert not bad, "\n".join(bad)


def test_no_private_names_cross_a_package_boundary() -> None:
    """A stage uses another stage's public entry points, never its underscore names."""
    mods = _modules()
    bad = []
    for name, path in mods.items():
        is_package = path.name == "__init__.py"
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom):
                got = _resolve(name, is_package, node.level, node.module)
                if got is None or got.split(".")[0] == name.split(".")[0]:
                    continue
                bad.extend(f"{name} imports {got}.{a.name}" for a in node.names
                           if a.name.startswith("_") and not a.name.startswith("__"))
    assert not bad, "\n".join(sorted(bad))


def test_no_import_cycles() -> None:
    graph: dict[str, set[str]] = {}
    for a, b in _edges():
        if (a.split(".")[0], b) in ALLOWED or (a, b) in ALLOWED:
            continue
        graph.setdefault(a, set()).add(b)
    cycles = _cycles(graph)
    assert not cycles, "import cycles:\n" + "\n".join(" -> ".join(c) for c in cycles)


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """One cycle per strongly connected component of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []
    counter = [0]

    def visit(v: str) -> None:
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out
