"""Evaluation built into the product: CUAD loading, the split, the measures, the baseline.

``evaluate_cuad`` is what ``leverage-lens eval cuad DIR`` runs. Importing this package imports neither
spaCy nor scikit-learn; they load when an evaluation runs.
"""

from __future__ import annotations

from .baseline import EvalDependencyError
from .cuad import CuadEvaluation, evaluate_cuad
from .data import CuadDataError, load_cuad, part_of, read_split

__all__ = ["CuadDataError", "CuadEvaluation", "EvalDependencyError", "evaluate_cuad", "load_cuad", "part_of",
           "read_split"]
