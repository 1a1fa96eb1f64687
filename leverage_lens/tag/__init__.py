"""Clause tagging: the taxonomy's categories on every clause, from headings, phrase rules and a trained
spaCy model (``models/leverage_lens_tagger``).

Importing this package imports spaCy and registers the ``leverage_lens_tagger`` factory and the
``leverage_lens_textcat`` factories and the ``leverage_lens.fast_tokenizer.v1`` tokenizer; ``import leverage_lens`` does not import it, so the
library stays quick to import. :class:`ClauseTagger` is what :meth:`leverage_lens.Analyzer.analyze` uses.
"""

from __future__ import annotations

from . import tokenizer as _tokenizer  # noqa: F401 - registers leverage_lens.fast_tokenizer.v1
from .component import LeverageLensTagger, make_leverage_lens_tagger
from .pipeline import ModelNotFoundError, load_model, model_path
from .tagger import ClauseTagger
from .textcat import LinearTextCat

__all__ = ["ClauseTagger", "LeverageLensTagger", "LinearTextCat", "ModelNotFoundError", "load_model", "make_leverage_lens_tagger",
           "model_path"]
