"""The spaCy factory ``leverage_lens_tagger``: the tagger as a component of anyone's pipeline.

    import spacy, leverage_lens.tag  # (or rely on the spacy_factories entry point)
    nlp = spacy.blank("en")
    nlp.add_pipe("leverage_lens_tagger")
    doc = nlp("Either party may terminate this Agreement for convenience on 30 days' notice.")
    doc._.leverage_tags  # [Tag(category='termination.convenience', ...)]

The component reads the whole Doc as one clause (with ``context`` as the heading path, empty by default)
and sets ``doc._.leverage_tags`` (a list of :class:`~leverage_lens.model.Tag`, offsets into ``doc.text``)
and ``doc.cats`` (calibrated probability per learnt category). The trained model is loaded once per
process and shared by every component instance.
"""

from __future__ import annotations

import threading
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Clause, ClauseKind
from .tagger import ClauseTagger

__all__ = ["LeverageLensTagger", "shared_tagger"]

_shared: ClauseTagger | None = None
_shared_lock = threading.Lock()


def shared_tagger() -> ClauseTagger:
    """The process-wide tagger over the packaged model, built on first use."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = ClauseTagger()
    return _shared


if not Doc.has_extension("leverage_tags"):
    Doc.set_extension("leverage_tags", default=None)


class LeverageLensTagger:
    """Tags a Doc as one clause; see the module docstring."""

    def __init__(self, nlp: Language, name: str, threshold: float | None = None) -> None:
        self.name = name
        self.threshold = threshold

    def __call__(self, doc: Doc) -> Doc:
        tagger = shared_tagger()
        clause = Clause(id="doc", level=0, kind=ClauseKind.PARAGRAPH, start=0, end=len(doc.text),
                        text=doc.text, page_start=1, page_end=1)
        tagged, cats = tagger.tag_with_scores([clause], doc.text, threshold=self.threshold)
        doc._.leverage_tags = list(tagged[0].tags)
        doc.cats.update(cats[0] if cats else {})
        return doc

    def to_disk(self, path: Any, **kwargs: Any) -> None:
        return None

    def from_disk(self, path: Any, **kwargs: Any) -> LeverageLensTagger:
        return self


@Language.factory("leverage_lens_tagger", default_config={"threshold": None})
def make_leverage_lens_tagger(nlp: Language, name: str, threshold: float | None) -> LeverageLensTagger:
    """Registered factory; the trained model ships with leverage_lens, nothing is downloaded."""
    return LeverageLensTagger(nlp, name, threshold)
