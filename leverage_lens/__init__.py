"""leverage_lens: review contracts before you sign them.

Parse PDF, DOCX and text contracts into a numbered clause tree with exact character offsets, then analyse
them into a typed :class:`Report`. Everything runs offline; nothing here prints or keeps global state
beyond a lazily created default :class:`Analyzer`.

    >>> import leverage_lens
    >>> doc = leverage_lens.parse_text("1. Term. This Agreement starts today.")
    >>> doc.clauses[0].heading
    'Term'
"""

from __future__ import annotations

from . import taxonomy  # the leverage taxonomy (data only: no spaCy import)
from .api import Analyzer, analyze, analyze_text, parse, parse_text
from .checks import Registry, Rule


def rules() -> list[Rule]:
    """Every built-in rule (one-sided terms, CLAUDETTE types, ...): id, description, severity, examples."""
    from .checks import builtin_rules

    return list(builtin_rules())

from .errors import (
    CorruptDocumentError,
    DataSetError,
    DocumentTooLargeError,
    EncryptedDocumentError,
    EvalDependencyError,
    InvalidOptionError,
    LeverageLensError,
    MissingExtraError,
    ModelNotFoundError,
    NoTextLayerError,
    OcrFailedError,
    OcrTimeoutError,
    OriginalMismatchError,
    OriginalNotFoundError,
    ScanOutputError,
    SourceNotFoundError,
    UnreadableSourceError,
    UnsupportedFormatError,
)
from .model import (
    SCHEMA_VERSION,
    Box,
    Brief,
    Clause,
    ClauseKind,
    Definition,
    Document,
    Finding,
    KeyTerm,
    PlaybookResult,
    PositionResult,
    Obligation,
    Page,
    Word,
    ParseWarning,
    Party,
    Report,
    Severity,
    Signatory,
    Span,
    Summary,
    Tag,
)
from .options import ParseOptions

from ._version import __version__

__all__ = [
    "__version__",
    "SCHEMA_VERSION",
    "Analyzer",
    "parse",
    "parse_text",
    "analyze",
    "analyze_text",
    "rules",
    "taxonomy",
    "Registry",
    "Rule",
    "scan",
    "compare",
    "Comparison",
    "ParseOptions",
    "Box",
    "Clause",
    "ClauseKind",
    "Definition",
    "Document",
    "Finding",
    "Obligation",
    "Page",
    "Word",
    "ParseWarning",
    "Party",
    "Report",
    "Severity",
    "Signatory",
    "Span",
    "Summary",
    "Tag",
    "LeverageLensError",
    "UnsupportedFormatError",
    "CorruptDocumentError",
    "EncryptedDocumentError",
    "NoTextLayerError",
    "OcrTimeoutError",
    "OcrFailedError",
    "DocumentTooLargeError",
    "InvalidOptionError",
    "ScanOutputError",
    "UnreadableSourceError",
    "MissingExtraError",
    "ModelNotFoundError",
    "EvalDependencyError",
    "DataSetError",
    "OriginalNotFoundError",
    "OriginalMismatchError",
    "SourceNotFoundError",
    "Brief",
    "KeyTerm",
    "Playbook",
    "PlaybookError",
    "PlaybookResult",
    "PositionResult",
    "check_playbook",
    "load_playbook",
]


def __getattr__(name: str) -> object:
    """``scan`` is imported on first use: the batch machinery (multiprocessing, executors) costs an import."""
    if name == "scan":
        from .batch import scan

        return scan
    if name in ("Playbook", "PlaybookError", "check_playbook", "load_playbook"):  # loaded on first use too
        from . import playbook

        return getattr(playbook, name)
    if name in ("compare", "Comparison"):  # the comparison machinery loads on first use, like scan
        from . import comparison

        return getattr(comparison, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
