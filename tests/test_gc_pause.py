"""The collector is held off during an analysis and given back as the caller had it (leverage_lens._gc)."""

from __future__ import annotations

import gc
import os
import threading

import pytest

import leverage_lens as ll
from leverage_lens import api
from leverage_lens._gc import collector_paused

TEXT = "1. Payment. The Customer shall pay each invoice within thirty (30) days.\n2. Term. This Agreement lasts one year.\n"


def test_the_collector_is_off_during_analysis_and_on_again_after(monkeypatch):
    seen: list[bool] = []
    real = api.enrich

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return real(*args, **kwargs)

    monkeypatch.setattr(api, "enrich", spy)
    assert gc.isenabled()
    report = ll.analyze_text(TEXT)
    assert report.document.clauses
    assert seen == [False]
    assert gc.isenabled()


def test_a_caller_that_disabled_the_collector_keeps_it_disabled():
    gc.disable()
    try:
        ll.analyze_text(TEXT)
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_comes_back_when_the_analysis_fails():
    try:
        ll.parse_text(12)  # type: ignore[arg-type]
    except ll.LeverageLensError:
        pass
    assert gc.isenabled()


def test_overlapping_pauses_in_threads_switch_the_collector_on_only_when_the_last_ends():
    first_in, release_first = threading.Event(), threading.Event()
    states: dict[str, bool] = {}

    def first():
        with collector_paused():
            first_in.set()
            release_first.wait(5)
        states["after first"] = gc.isenabled()

    t = threading.Thread(target=first)
    t.start()
    first_in.wait(5)
    with collector_paused():
        states["inside second"] = gc.isenabled()
    states["second ended, first running"] = gc.isenabled()
    release_first.set()
    t.join(5)
    assert states == {"inside second": False, "second ended, first running": False, "after first": True}
    assert gc.isenabled()


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs os.fork")
def test_a_child_forked_while_another_thread_analyses_has_its_collector_back_and_a_free_lock():
    holding, release = threading.Event(), threading.Event()

    def hold():
        with collector_paused():
            holding.set()
            release.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    holding.wait(5)
    try:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: report, then leave at once
            try:
                enabled = gc.isenabled()
                with collector_paused():
                    inside = gc.isenabled()
                after = gc.isenabled()
                os.write(write, f"{enabled} {inside} {after}".encode())
            finally:
                os._exit(0)
        os.close(write)
        with os.fdopen(read) as fh:
            reported = fh.read()
        os.waitpid(pid, 0)
        assert reported == "True False True"
        assert not gc.isenabled()  # the parent's other thread still analyses
    finally:
        release.set()
        t.join(5)
    assert gc.isenabled()
