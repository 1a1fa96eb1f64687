"""Where packaged resources are: the trained models and the data files shipped with the library."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def models_dir() -> Path:
    """The folder holding the trained pipelines.

    Installed, that is the ``leverage_lens.models`` package (the repository's ``models/`` folder mapped
    into the wheel); in a source checkout it is ``models/`` beside the package.
    """
    try:
        import leverage_lens.models as packaged  # noqa: PLC0415 - only present once installed

        return Path(next(iter(packaged.__path__))).resolve()
    except (ImportError, StopIteration):
        return _PACKAGE.parent / "models"


def data_dir() -> Path:
    """Data files shipped inside the package (taxonomy, patterns, synonyms)."""
    return _PACKAGE / "data"
