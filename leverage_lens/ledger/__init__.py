"""The leverage ledger: per clause and sentence, who holds each right and who bears each burden.

Built once per document from the :class:`~leverage_lens.analysis.Analysis` (tagged clauses, sentences,
parties and their mentions, obligations) by :func:`build_ledger`, before the checks run; the one-sided rules,
the scorecard and the brief read ``analysis.ledger``, and the Report carries it (``report.ledger``).

* :mod:`.topics` -- the topics (taxonomy categories), their cues, readings and commercial weights;
* :mod:`.reading` -- the sentence-level reading of who holds what;
* :mod:`.build` -- the ledger itself; :mod:`.scope` -- where a one-sided entry's mirror may be.
"""

from __future__ import annotations

from .build import build_ledger, principal_pair
from .topics import TOPICS, Topic, weight_of

__all__ = ["TOPICS", "Topic", "build_ledger", "principal_pair", "weight_of"]
