"""Fixtures: the two versions of tests/comparison/_contracts.py, parsed, analysed and compared once."""

from __future__ import annotations

import pytest

from leverage_lens import analyze, parse_text
from leverage_lens.comparison import Comparison, compare_reports
from leverage_lens.model import Report

from ._contracts import NEW, OLD


@pytest.fixture(scope="session")
def old_report() -> Report:
    return analyze(parse_text(OLD, name="v1.txt"))


@pytest.fixture(scope="session")
def new_report() -> Report:
    return analyze(parse_text(NEW, name="v2.txt"))


@pytest.fixture(scope="session")
def comparison(old_report: Report, new_report: Report) -> Comparison:
    return compare_reports(old_report, new_report, perspective="Customer")
