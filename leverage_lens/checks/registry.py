"""Registered, self-describing rules and the registry that runs them.

Every check (one-sided terms, drafting defects, unfair consumer terms) is a :class:`Rule`: an ``id``, a
``description``, a default ``severity``, ``examples`` that must and must not fire (run by the test-suite),
``aliases`` (ids it had before a rename, so saved baselines keep matching), and a function from an
:class:`~leverage_lens.analysis.Analysis` to findings.

Rules are declared with the :func:`rule` decorator and listed explicitly, per bundle, in a ``RULES`` tuple
at the end of their module (like a linter's ``get_rules()``); :data:`BUNDLES` names the bundles. The built-in
set is collected once, lazily, and never mutated. A :class:`Registry` is a caller-owned *view* of rules: it
starts from the built-ins, and can enable, disable, re-grade, add users' own rules and suppress findings by
fingerprint (a baseline file). Registries are cheap to copy; an :class:`~leverage_lens.api.Analyzer` holds one,
so two analyzers with different settings never interfere, and no global state changes after import.
"""

from __future__ import annotations

import importlib
import json
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Literal

from ..analysis import Analysis
from ..errors import InvalidOptionError
from ..model import Document, Finding, Severity
from .finding import fingerprint
from .titles import rule_title

__all__ = ["BUNDLES", "Registry", "Rule", "builtin_rules", "rule"]

RuleKind = Literal["one_sided", "ambiguity", "parse"]
CheckFn = Callable[[Analysis, "Rule"], Iterable[Finding]]

#: The built-in bundles: bundle name -> the module whose ``RULES`` tuple lists its rules, in this order.
BUNDLES: dict[str, str] = {
    "one_sided.ledger": "leverage_lens.checks.one_sided.ledger_rules",
    "one_sided.law": "leverage_lens.checks.one_sided.law",
    "claudette": "leverage_lens.checks.claudette",
    "ambiguity.defined_terms": "leverage_lens.checks.ambiguity.defined_terms",
    "ambiguity.cross_references": "leverage_lens.checks.ambiguity.cross_references",
    "ambiguity.numbers": "leverage_lens.checks.ambiguity.numbers",
    "ambiguity.dates": "leverage_lens.checks.ambiguity.dates",
    "ambiguity.standards": "leverage_lens.checks.ambiguity.standards",
    "ambiguity.actors": "leverage_lens.checks.ambiguity.actors",
    "ambiguity.leftovers": "leverage_lens.checks.ambiguity.leftovers",
    "ambiguity.numbering": "leverage_lens.checks.ambiguity.numbering",
}


@dataclass(frozen=True)
class Rule:
    """A check: what it looks for, how much it matters, examples that prove it, and the code that runs it."""

    id: str
    description: str
    severity: Severity
    kind: RuleKind
    check: CheckFn = field(repr=False, compare=False)
    category: str | None = None
    family: str | None = None
    fires_on: tuple[str, ...] = ()
    quiet_on: tuple[str, ...] = ()
    suggestion: str | None = None
    aliases: tuple[str, ...] = ()
    title: str = ""  # what a lawyer reads ("One-way indemnity"); built-ins from data/rule_titles.json

    def __post_init__(self) -> None:
        if not self.title:
            object.__setattr__(self, "title", rule_title(self.id))

    def run(self, ctx: Analysis) -> list[Finding]:
        """Findings of this rule alone on ``ctx``, at the rule's current severity."""
        out = []
        for f in self.check(ctx, self):
            out.append(f if f.severity == self.severity else f.model_copy(update={"severity": self.severity}))
        return out

    def doc(self) -> str:
        """A short Markdown description, used by ``leverage-lens rules`` and the generated docs page."""
        lines = [f"### `{self.id}`: {self.title} ({self.kind}, {self.severity.value})", "", self.description]
        if self.category:
            lines.append(f"\nCategory: `{self.category}`" + (f" (family `{self.family}`)" if self.family else ""))
        if self.suggestion:
            lines.append(f"\nAsk for: {self.suggestion}")
        for ex in self.fires_on[:1]:
            lines.append(f"\nFires on: \u201c{ex}\u201d")
        for ex in self.quiet_on[:1]:
            lines.append(f"\nQuiet on: \u201c{ex}\u201d")
        return "\n".join(lines)


_builtin: tuple[Rule, ...] | None = None
_lock = threading.Lock()


def rule(
    id: str,
    *,
    description: str,
    severity: Severity | str,
    kind: RuleKind = "one_sided",
    category: str | None = None,
    family: str | None = None,
    fires_on: Iterable[str] = (),
    quiet_on: Iterable[str] = (),
    suggestion: str | None = None,
    aliases: Iterable[str] = (),
    title: str = "",
) -> Callable[[CheckFn], Rule]:
    """Declare a rule: the decorated function becomes a :class:`Rule`. Built-in rules are then listed in
    their module's ``RULES`` tuple; users pass theirs to :meth:`Registry.add`."""

    def wrap(fn: CheckFn) -> Rule:
        return Rule(id=id, description=description, severity=Severity(severity), kind=kind, check=fn,
                    category=category, family=family, fires_on=tuple(fires_on), quiet_on=tuple(quiet_on),
                    suggestion=suggestion, aliases=tuple(aliases), title=title)

    return wrap


def builtin_rules() -> tuple[Rule, ...]:
    """Every built-in rule, in a stable order (imported once, on first use)."""
    global _builtin
    if _builtin is None:
        with _lock:
            if _builtin is None:
                found: dict[str, Rule] = {}
                for bundle, mod in BUNDLES.items():
                    for r in importlib.import_module(mod).RULES:
                        if r.id in found:
                            raise RuntimeError(f"rule {r.id!r} of bundle {bundle!r} is listed twice")
                        found[r.id] = r
                _builtin = tuple(found[k] for k in sorted(found))
    return _builtin


class Registry:
    """The rules one analysis runs, with their switches, severities and suppressed fingerprints."""

    def __init__(self, rules: Iterable[Rule] | None = None, *, suppress: Iterable[str] = ()) -> None:
        self._rules: dict[str, Rule] = {r.id: r for r in (builtin_rules() if rules is None else rules)}
        self._disabled: set[str] = set()
        self._suppressed: set[str] = set(suppress)

    def copy(self) -> Registry:
        new = Registry(self._rules.values(), suppress=self._suppressed)
        new._disabled = set(self._disabled)
        return new

    def __contains__(self, rule_id: object) -> bool:
        return isinstance(rule_id, str) and self._canonical(rule_id) is not None

    def _canonical(self, rule_id: str) -> str | None:
        """The current id of a rule named by its id or one of its former ids (aliases)."""
        if rule_id in self._rules:
            return rule_id
        return next((r.id for r in self._rules.values() if rule_id in r.aliases), None)

    def get(self, rule_id: str) -> Rule:
        """The rule with this id, or whose ``aliases`` hold it (a renamed rule keeps its old name)."""
        found = self._canonical(rule_id)
        if found is None:
            raise InvalidOptionError(f"no rule {rule_id!r}; `leverage-lens rules` lists them")
        return self._rules[found]

    def rules(self, kind: RuleKind | None = None, *, enabled_only: bool = False) -> list[Rule]:
        return [r for r in self._rules.values()
                if (kind is None or r.kind == kind) and not (enabled_only and r.id in self._disabled)]

    def add(self, new: Rule, *, replace_existing: bool = False) -> Registry:
        if new.id in self._rules and not replace_existing:
            raise InvalidOptionError(f"a rule {new.id!r} is already registered; pass replace_existing=True")
        self._rules[new.id] = new
        return self

    def enable(self, *rule_ids: str) -> Registry:
        for rid in rule_ids:
            self._disabled.discard(self.get(rid).id)
        return self

    def disable(self, *rule_ids: str) -> Registry:
        for rid in rule_ids:
            self._disabled.add(self.get(rid).id)
        return self

    def regrade(self, rule_id: str, severity: Severity | str) -> Registry:
        r = self.get(rule_id)
        self._rules[r.id] = replace(r, severity=Severity(severity))
        return self

    def suppress(self, *fingerprints: str) -> Registry:
        self._suppressed.update(fingerprints)
        return self

    def load_baseline(self, path: str | Path) -> Registry:
        """Suppress every fingerprint in a baseline file (JSON list of ids, or of findings with ``id``)."""
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise InvalidOptionError(f"cannot read baseline {path}: {exc}") from exc
        self._suppressed.update(x["id"] if isinstance(x, dict) else str(x) for x in data)
        return self

    @staticmethod
    def write_baseline(findings: Iterable[Finding], path: str | Path) -> None:
        """Write the fingerprints of ``findings`` so later runs can suppress them."""
        Path(path).write_text(json.dumps(sorted({f.id for f in findings}), indent=1) + "\n", encoding="utf-8")

    def run(self, doc: Document | Analysis, *, kind: RuleKind | None = None) -> list[Finding]:
        """Run the enabled rules; findings in document order, suppressed fingerprints dropped."""
        ctx = doc if isinstance(doc, Analysis) else Analysis.build(doc)
        seen: set[str] = set()
        out: list[Finding] = []
        for r in self.rules(kind, enabled_only=True):
            for f in r.run(ctx):
                if f.id not in seen and not self._is_suppressed(f, r, ctx):
                    seen.add(f.id)
                    out.append(f)
        out.sort(key=lambda f: (f.start, f.rule))
        return out

    def _is_suppressed(self, f: Finding, r: Rule, ctx: Analysis) -> bool:
        """Suppressed by its fingerprint, or by the fingerprint it had under a former id of its rule."""
        if f.id in self._suppressed:
            return True
        if not r.aliases or not self._suppressed:
            return False
        clause = ctx.doc.clause(f.clause_id) if f.clause_id else None
        key = (clause.number or clause.id) if clause is not None else None
        return any(fingerprint(alias, key, f.quote) in self._suppressed for alias in r.aliases)
