"""The public entry points: parse, parse_text, analyze, analyze_text, and the Analyzer that holds options.

An :class:`Analyzer` carries options and the lazily built spaCy pipeline. It holds no per-document state, so
one instance may serve many threads. The module-level functions use a default Analyzer created on first use.

Files and text are told apart by the function called, never by guessing: ``parse``/``analyze`` take a path
(``str`` or ``PathLike``), ``bytes`` or a binary file; ``parse_text``/``analyze_text`` take the contract's
text. A ``str`` given to ``parse``/``analyze`` that cannot be a path (it holds a line break, or is longer
than the operating system allows a path to be) or names no file raises :class:`SourceNotFoundError`, whose
message names the text function to call instead.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import threading
from collections import Counter
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from ._gc import collector_paused
from .analysis import Analysis
from .brief import build_brief, build_deadlines
from .checks import Registry, resolve_reader, run_checks, scorecard
from .enrich import PartiesSpec, enrich
from .ledger import build_ledger, principal_pair
from .errors import DocumentTooLargeError, InvalidOptionError, LeverageLensError, SourceNotFoundError
from .load import Loaded, Source, load_source, load_text
from .load.text import utf8_or_refuse
from .model import Document, ParseWarning, Report, Summary
from .options import ParseOptions, parse_options
from .segment import segment

if TYPE_CHECKING:
    from .playbook import Playbook

__all__ = ["Analyzer", "analyze", "analyze_text", "parse", "parse_text"]

#: Longest path and path component the operating system accepts (POSIX defaults where it cannot say).
_PATH_MAX = 4096
_NAME_MAX = 255

_F = TypeVar("_F", bound=Callable[..., Any])


def _memory_boundary(method: _F) -> _F:
    """Running out of memory is a property of the input (or of the machine's headroom for it), and callers
    handle it like any refused document: ``MemoryError`` leaves the API as :class:`DocumentTooLargeError`.

    The cyclic garbage collector is held off while the call runs (see :mod:`._gc`: 5-6% of analyze's CPU)."""

    @functools.wraps(method)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        try:
            with collector_paused():
                return method(*args, **kwargs)
        except MemoryError as exc:
            raise DocumentTooLargeError(
                "the document needs more memory than is available to analyse it; split it, raise the "
                "process's memory limit, or lower max_chars / max_pages to refuse such inputs early"
            ) from exc

    return guarded  # type: ignore[return-value]


class Analyzer:
    """Configuration for parsing and analysis, reusable across documents and threads."""

    def __init__(self, options: ParseOptions | dict[str, Any] | None = None, **kwargs: Any) -> None:
        self.options = parse_options(options, **kwargs)
        self._tagger: Any = None  # the clause tagger (spaCy pipeline), built on the first analyze()
        self._tagger_lock = threading.Lock()

    def _clause_tagger(self) -> Any:
        """The lazily built :class:`~leverage_lens.tag.ClauseTagger`, shared by this Analyzer's threads."""
        if self._tagger is None:
            with self._tagger_lock:
                if self._tagger is None:
                    from .tag.component import shared_tagger  # spaCy loads here, not on import

                    self._tagger = shared_tagger()
        return self._tagger

    @_memory_boundary
    def parse(self, source: Source, *, format: str | None = None, **options: Any) -> Document:
        """Parse a contract file (path, bytes or binary file object) into a :class:`Document`."""
        opts = parse_options(self.options, **options) if options else self.options
        _refuse_text_as_path(source, "parse")
        try:
            result = load_source(source, format=format, options=opts)
        except FileNotFoundError as exc:
            if isinstance(exc, LeverageLensError) or not isinstance(source, (str, os.PathLike)):
                raise
            raise _not_found(source, "parse") from exc
        return _build_document(result.loaded, result.name, result.sha256, _source_path(source))

    @_memory_boundary
    def parse_text(self, text: str, *, name: str | None = None, format: str = "txt") -> Document:
        """Parse a string; ``Document.text`` is ``text`` itself, so offsets index the caller's string."""
        if not isinstance(text, str):
            raise InvalidOptionError(f"parse_text() takes a str, not {type(text).__name__}; use parse() for files")
        if format not in ("txt", "md"):
            raise InvalidOptionError(f"parse_text() format must be 'txt' or 'md', not {format!r}")
        if len(text) > self.options.max_chars:
            from .errors import DocumentTooLargeError

            raise DocumentTooLargeError(
                f"text has {len(text):,} characters, over the max_chars limit of {self.options.max_chars:,}"
            )
        encoded = utf8_or_refuse(text, name or "text")  # lone surrogates: typed error, not a JSON failure later
        loaded = load_text(text, format)  # type: ignore[arg-type]
        digest = hashlib.sha256(encoded).hexdigest()
        return _build_document(loaded, name, digest)

    @_memory_boundary
    def analyze(
        self,
        source: Source | Document,
        *,
        format: str | None = None,
        perspective: str | None = None,
        registry: Registry | None = None,
        parties: PartiesSpec | None = None,
        as_of: dt.date | str | None = None,
        playbook: Playbook | str | os.PathLike[str] | dict[str, Any] | None = None,
        **options: Any,
    ) -> Report:
        """Parse (unless given a Document) and analyse: the Report with clauses, tags and findings.

        ``parties`` (role -> name, or a list of :class:`Party`) replaces the principal parties found, for
        when the reading of them is wrong; without it, doubts about the parties are reported as
        ``parties_uncertain`` warnings in ``report.warnings``.

        ``perspective`` (a party name, alias or role, e.g. ``"Customer"``) marks each finding as against the
        reader or not and positions the reader in the scorecard; ``registry`` chooses the rules to run
        (default: every built-in rule).

        ``as_of`` (a date or ISO string, default today) is the day ``report.deadlines`` are rolled forward to:
        a renewal and the last day to stop it are the next ones on or after it.

        ``playbook`` (a :class:`~leverage_lens.playbook.Playbook`, a YAML/JSON path or text, or an example's
        name: ``"customer"``, ``"supplier"``, ``"nda"``) checks the contract against your positions into
        ``report.playbook`` (see :func:`leverage_lens.check_playbook`); it is read before the analysis runs, so
        a bad playbook fails fast.
        """
        book = _load_playbook(playbook)  # before the analysis runs, so a bad playbook fails fast
        if isinstance(source, Document):
            doc = source
        else:
            _refuse_text_as_path(source, "analyze")
            try:
                doc = self.parse(source, format=format, **options)
            except SourceNotFoundError as exc:
                raise _not_found(source, "analyze") from exc.__cause__  # type: ignore[arg-type]
        return self._report(doc, perspective=perspective, registry=registry, parties=parties, as_of=as_of,
                            book=book)

    @_memory_boundary
    def analyze_text(
        self,
        text: str,
        *,
        name: str | None = None,
        format: str = "txt",
        perspective: str | None = None,
        registry: Registry | None = None,
        parties: PartiesSpec | None = None,
        as_of: dt.date | str | None = None,
        playbook: Playbook | str | os.PathLike[str] | dict[str, Any] | None = None,
    ) -> Report:
        """Analyse a contract given as a string (``parse_text`` then :meth:`analyze`): offsets in the Report
        index ``text`` itself. ``name`` labels the report; ``format`` is ``"txt"`` or ``"md"``; ``playbook``
        as for :meth:`analyze`."""
        book = _load_playbook(playbook)
        doc = self.parse_text(text, name=name, format=format)
        return self._report(doc, perspective=perspective, registry=registry, parties=parties, as_of=as_of,
                            book=book)

    def _report(self, doc: Document, *, perspective: str | None, registry: Registry | None,
                parties: PartiesSpec | None, as_of: dt.date | str | None,
                book: Playbook | None = None) -> Report:
        day = _as_of(as_of)
        analysis = self.analysis(doc, perspective=perspective, parties=parties)
        findings = run_checks(analysis, registry=registry)
        brief = build_brief(analysis, findings)
        report = Report(
            document=analysis.doc,
            findings=findings,
            parties=analysis.parties,
            definitions=analysis.definitions,
            obligations=analysis.obligations,
            ledger=analysis.ledger,
            warnings=analysis.warnings,
            summary=Summary(
                clause_count=len(doc.clauses),
                page_count=len(doc.pages),
                character_count=len(doc.text),
                tags_by_family=dict(Counter(t.family for c in analysis.clauses for t in c.tags)),
                categories_present=dict(analysis.categories_present),
                findings_by_severity=dict(Counter(f.severity.value for f in findings)),
                perspective=analysis.reader,
                scorecard=scorecard(analysis, findings),
                brief=brief,
            ),
            deadlines=build_deadlines(analysis, brief, day),
        )
        if book is not None:
            from .playbook import check_playbook

            report = report.model_copy(update={"playbook": check_playbook(report, book)})
        return report

    def analysis(self, doc: Document, *, perspective: str | None = None,
                 parties: PartiesSpec | None = None) -> Analysis:
        """The :class:`~leverage_lens.analysis.Analysis` of a parsed document: enriched, tagged, read as
        ``perspective``. What :meth:`analyze` runs the checks and builds the brief on; useful on its own to
        write and test rules. ``parties`` (the user's principal parties) replace the ones found before
        obligations and party mentions are read, so every later stage uses them."""
        enrichment = enrich(doc, parties=parties)
        tagged, present = self._clause_tagger().tag_document(doc.clauses, doc.text)
        changed = any(a is not b for a, b in zip(tagged, doc.clauses))
        tagged_doc = doc.model_copy(update={"clauses": tagged}) if changed else doc
        reader = resolve_reader(perspective, enrichment.parties) if perspective else None
        analysis = Analysis(doc=tagged_doc, enrichment=enrichment, categories_present=present, reader=reader,
                            warnings=list(enrichment.warnings))
        analysis.ledger = build_ledger(analysis)
        if principal_pair(analysis) is None:
            found = ", ".join(p.name for p in analysis.parties if p.principal) or "none"
            analysis.warnings.append(ParseWarning(
                code="ledger_without_parties",
                message=f"No one-sided terms can be reported: fewer than two principal parties were found "
                f"({found}). Name them with analyze(..., parties=...) to read who each clause favours."))
        return analysis


def _load_playbook(playbook: Playbook | str | os.PathLike[str] | dict[str, Any] | None) -> Playbook | None:
    """The playbook to check against, read before any analysis so a bad one fails fast; the playbook
    machinery loads on first use only."""
    if playbook is None:
        return None
    from .playbook import load_playbook

    return load_playbook(playbook)


def _as_of(value: dt.date | str | None) -> dt.date:
    """``as_of`` as a date (today when None); a bad string is an :class:`InvalidOptionError`."""
    if value is None:
        return dt.date.today()
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError as exc:
        raise InvalidOptionError(f"as_of must be a date such as 2025-01-31, not {value!r}") from exc


def _refuse_text_as_path(source: object, method: str) -> None:
    """A ``str`` that cannot be a path is contract text given to the file function: say which to call."""
    if not isinstance(source, str):
        return
    reason = None
    if "\n" in source or "\r" in source:
        reason = "it holds line breaks"
    elif len(source) > _PATH_MAX:
        reason = f"it is {len(source):,} characters long, more than a file path can be"
    elif any(len(part) > _NAME_MAX for part in source.replace("\\", "/").split("/")):
        reason = f"a name in it is longer than the {_NAME_MAX} characters a file name can have"
    if reason is not None:
        raise SourceNotFoundError(
            f"{method}() takes a file path (or bytes, or a binary file), and was given text that cannot be a "
            f"path ({reason}): for a contract held in a string call leverage_lens.{method}_text(text)"
            + _ALSO.get(method, ""))


def _not_found(source: str | os.PathLike[str], method: str) -> SourceNotFoundError:
    shown = os.fsdecode(source)
    shown = shown if len(shown) <= 80 else shown[:77] + "..."
    return SourceNotFoundError(f"no such file: {shown!r}; to {method} a contract held in a string, call "
                               f"leverage_lens.{method}_text(text)" + _ALSO.get(method, ""))


_ALSO = {"analyze": " (or parse_text(text) for its clause tree only)"}


def _source_path(source: Source) -> str | None:
    """The path a document was read from, as given, so review copies can find the original later."""
    if isinstance(source, (str, os.PathLike)):
        return os.fsdecode(source)
    name = getattr(source, "name", None)  # a file object opened from a path
    return name if isinstance(name, str) and not isinstance(source, (bytes, bytearray, memoryview)) else None


def _build_document(loaded: Loaded, name: str | None, sha256: str, source: str | None = None) -> Document:
    clauses, warnings = segment(loaded)
    return Document.model_construct(
        schema_version=Document.model_fields["schema_version"].default,
        name=name,
        format=loaded.format,
        text=loaded.text,
        pages=loaded.pages,
        clauses=clauses,
        warnings=[*loaded.warnings, *warnings],
        pages_known=loaded.pages_known,
        sha256=sha256,
        source=source,
    )


_default: Analyzer | None = None
_default_lock = threading.Lock()


def _default_analyzer() -> Analyzer:
    global _default
    if _default is None:
        with _default_lock:
            if _default is None:
                _default = Analyzer()
    return _default


def parse(source: Source, *, format: str | None = None, **options: Any) -> Document:
    """Parse a contract (path, ``bytes`` or binary file object) into a :class:`Document`.

    ``format`` is one of ``pdf``, ``docx``, ``txt``, ``md``; by default it comes from the file's magic
    bytes, then its extension. ``options`` are :class:`~leverage_lens.options.ParseOptions` fields
    (``pdf_engine``, ``password``, ``max_pages``, ...). Raises only :class:`LeverageLensError` subclasses: a
    missing path, or contract text given as a ``str``, is :class:`SourceNotFoundError` (also a
    ``FileNotFoundError``), whose message points to :func:`parse_text`.
    """
    return _default_analyzer().parse(source, format=format, **options)


def parse_text(text: str, *, name: str | None = None, format: str = "txt") -> Document:
    """Parse a contract given as a string; ``doc.text == text`` exactly."""
    return _default_analyzer().parse_text(text, name=name, format=format)


def analyze_text(
    text: str, *, name: str | None = None, format: str = "txt", perspective: str | None = None,
    parties: PartiesSpec | None = None, as_of: dt.date | str | None = None,
    playbook: Playbook | str | os.PathLike[str] | dict[str, Any] | None = None,
) -> Report:
    """Analyse a contract given as a string into a :class:`Report`; offsets index ``text`` itself.

    The counterpart of :func:`parse_text`: :func:`analyze` takes files. ``perspective``, ``parties``,
    ``as_of`` and ``playbook`` as for :func:`analyze`; ``format`` is ``"txt"`` or ``"md"``.
    """
    return _default_analyzer().analyze_text(text, name=name, format=format, perspective=perspective,
                                            parties=parties, as_of=as_of, playbook=playbook)


def analyze(
    source: Source | Document, *, format: str | None = None, perspective: str | None = None,
    parties: PartiesSpec | None = None, as_of: dt.date | str | None = None,
    playbook: Playbook | str | os.PathLike[str] | dict[str, Any] | None = None, **options: Any
) -> Report:
    """Parse and analyse a contract (or analyse an already parsed :class:`Document`) into a :class:`Report`.

    ``perspective``: read the report as this party (name, alias or role); see :meth:`Analyzer.analyze`.
    ``parties``: the principal parties when the reading of them is wrong, as role -> name
    (``{"Customer": "Acme Inc.", "Provider": "Beta LLC"}``) or a list of :class:`Party`; findings, the
    scorecard and ``perspective`` then use them.
    ``playbook``: check the contract against your positions (a Playbook, a YAML/JSON file, or ``"customer"``,
    ``"supplier"``, ``"nda"``); the results are in ``report.playbook``.
    """
    return _default_analyzer().analyze(source, format=format, perspective=perspective, parties=parties,
                                       as_of=as_of, playbook=playbook, **options)
