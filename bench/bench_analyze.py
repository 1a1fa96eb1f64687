"""End-to-end analysis speed, stage by stage, beside the raw extractors; import time, first result, memory.

Everything the performance targets are about, in one run on one core (pinned to CPU 0 with
``os.sched_setaffinity``; subprocesses inherit the pin), over the shared CUAD PDFs held in memory:

1. ``leverage_lens.analyze(pdf bytes)`` end to end, pages/s, and each stage timed on its own through the
   entry points that exist: load (``load.load_source``), segment (clause tree and ``Document``), enrich
   (``enrich.enrich``), tag (the Analyzer's clause tagger), check (``checks.run_checks``) and report (the
   rest of ``analyze(document)``). A stage whose entry point is absent is reported as "n/a", so the script
   keeps working while analyze() gains stages.
2. Raw pypdfium2 text extraction over the same documents, and raw pdfplumber ``extract_text`` on an
   evenly spaced sample (it is slow), with ``analyze`` timed again on that sample, alternating document
   by document: the ratios hold across machines and load changes, the absolute figures do not.
3. Text: ``parse_text`` and ``analyze(parse_text(...))`` characters/s over the CUAD plain-text files.
4. In fresh subprocesses: ``import leverage_lens`` time (median of 5, and which heavy libraries the import
   pulled in), time to first result (import + first ``analyze`` of a PDF), and peak RSS analysing the
   largest shared contracts (by pages and by bytes), read from ``VmHWM`` (see ``PEAK_KB``).
5. Scaling with workers through ``leverage_lens.scan`` (when it exists), without the CPU pin.

    python bench/bench_analyze.py [--limit N] [--sample 15] [--text-limit N] [--scan-docs 40] [--profile]
                                  [--gc-freeze]

Besides wall-clock seconds it reports the process CPU time of the end-to-end run (the steadier figure when
other jobs share the core) and the time the garbage collector took during it.
"""

from __future__ import annotations

import argparse
import cProfile
import datetime
import functools
import gc
import io
import json
import os
import platform
import pstats
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, Self

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from bench_pdf import cpu_name, raw_pdfium, raw_pdfplumber, spaced

import leverage_lens
from leverage_lens.load import load_source
from leverage_lens.options import ParseOptions

try:
    from leverage_lens._gc import collector_paused
except ImportError:  # a checkout from before the collector was held off during analyze
    from contextlib import nullcontext as collector_paused

STAGES = ("load", "segment", "enrich", "tag", "ledger", "check", "brief", "report")
Stage = Callable[[Any], Any]


# ------------------------------------------------------------------------------------------ stages


#: Parse options of every timed run (``--no-ocr`` sets ``ocr=False``: raw extraction reads no scanned page).
OPTIONS: dict[str, Any] = {}


def stage_runners() -> dict[str, Stage | None]:
    """One function per stage taking the previous stage's output (the pipeline of ``Analyzer.analyze``, one
    stage at a time: load, segment, enrich, tag, ledger, check, brief; report is what analyze adds)."""
    from leverage_lens import api
    from leverage_lens.analysis import Analysis
    from leverage_lens.brief import build_brief
    from leverage_lens.checks import run_checks, scorecard
    from leverage_lens.enrich import enrich
    from leverage_lens.ledger import build_ledger

    options = ParseOptions(**OPTIONS)
    analyzer = leverage_lens.Analyzer()
    runners: dict[str, Stage | None] = {s: None for s in STAGES}
    runners["load"] = lambda data: load_source(data, format="pdf", options=options)
    runners["segment"] = lambda res: api._build_document(res.loaded, res.name, res.sha256)
    runners["enrich"] = lambda doc: (doc, enrich(doc))

    def tag(state: Any) -> Any:
        doc, enrichment = state
        tagged, present = analyzer._clause_tagger().tag_document(doc.clauses, doc.text)
        return Analysis(doc=doc.model_copy(update={"clauses": tagged}), enrichment=enrichment,
                        categories_present=present)

    def ledger(an: Any) -> Any:
        an.ledger = build_ledger(an)
        return an

    runners["tag"] = tag
    runners["ledger"] = ledger
    runners["check"] = lambda an: (an, run_checks(an))
    runners["brief"] = lambda state: (state[0], state[1], scorecard(*state), build_brief(*state))
    return runners


def time_stages(docs: list[bytes], cpu: dict[str, float | None] | None = None,
                ) -> tuple[dict[str, float | None], dict[str, str]]:
    """Seconds per stage over ``docs``; a stage that is absent or fails is None, with the reason. ``cpu``,
    when given, receives each stage's process CPU seconds (the figure to compare on a loaded machine)."""
    runners = stage_runners()
    seconds: dict[str, float | None] = {s: (0.0 if runners[s] else None) for s in STAGES}
    cpus: dict[str, float] = {s: 0.0 for s in STAGES}
    notes = {s: "no entry point yet" for s in STAGES if runners[s] is None}
    seconds["report"] = 0.0
    analyzer = leverage_lens.Analyzer()
    for data in docs:
        with collector_paused():  # as analyze() runs its stages (a no-op before leverage_lens._gc existed)
            doc = _stages_of_one(data, runners, seconds, cpus, notes)
        started, started_cpu = time.perf_counter(), time.process_time()
        analyzer.analyze(doc)  # enrich + tag + ledger + check + brief + report on the parsed Document
        after_parse = time.perf_counter() - started
        seconds["report"] = (seconds["report"] or 0.0) + after_parse
        cpus["report"] += time.process_time() - started_cpu
    inner_stages = ("enrich", "tag", "ledger", "check", "brief")
    inner = sum(v for k, v in seconds.items() if k in inner_stages and v is not None)
    after_parse_total = seconds["report"] or 0.0
    seconds["report"] = max(0.0, after_parse_total - inner)
    cpus["report"] = max(0.0, cpus["report"] - sum(cpus[k] for k in inner_stages if seconds[k] is not None))
    notes["report"] = (f"analyze(Document) took {after_parse_total:.2f} s in all; this is that minus the "
                       "stages timed alone (0 when they cost more alone)")
    if cpu is not None:
        cpu.update({k: (cpus[k] if seconds[k] is not None else None) for k in STAGES})
    return seconds, notes


def _stages_of_one(data: bytes, runners: dict[str, Stage | None], seconds: dict[str, float | None],
                   cpus: dict[str, float], notes: dict[str, str]) -> Any:
    """Run the stages on one document, adding each one's seconds and CPU seconds; the parsed Document."""
    state: Any = data
    doc = None
    for name in STAGES[:-1]:
        run = runners[name]
        if run is None or seconds[name] is None:
            continue
        started, started_cpu = time.perf_counter(), time.process_time()
        try:
            out = run(state)
        except Exception as exc:  # noqa: BLE001 - a stage under construction must not stop the bench
            seconds[name], notes[name] = None, f"failed: {type(exc).__name__}: {exc}"[:120]
            continue
        seconds[name] = (seconds[name] or 0.0) + time.perf_counter() - started
        cpus[name] += time.process_time() - started_cpu
        state = out
        if name == "segment":
            doc = out
    return doc


def interleaved(fns: list[Callable[[bytes], Any]], docs: list[bytes], cpu: list[float] | None = None
                ) -> list[float]:
    """Seconds per function over ``docs``, running them document by document in turn.

    On a shared machine the load changes within a run; alternating keeps the ratios between the functions
    honest even when the absolute figures move. ``cpu``, when given, receives the process CPU seconds per
    function: the steadier figure when other jobs share the core (waiting for it is not counted).
    """
    totals = [0.0] * len(fns)
    cpus = [0.0] * len(fns)
    for d in docs:
        for i, fn in enumerate(fns):
            started, started_cpu = time.perf_counter(), time.process_time()
            fn(d)
            totals[i] += time.perf_counter() - started
            cpus[i] += time.process_time() - started_cpu
    if cpu is not None:
        cpu[:] = cpus
    return totals


class GCWatch:
    """Time spent in the garbage collector while active, by generation (through ``gc.callbacks``).

    Collections run when objects are allocated, so a profile charges them to whatever allocates (pydantic
    validation, list building): this says how much of a run they really are."""

    def __init__(self) -> None:
        self.seconds = [0.0, 0.0, 0.0]
        self.count = [0, 0, 0]
        self._started = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        else:
            gen = info.get("generation", 2)
            self.seconds[gen] += time.perf_counter() - self._started
            self.count[gen] += 1

    def __enter__(self) -> Self:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


def page_count(docs: list[bytes]) -> int:
    import pypdfium2 as pdfium

    total = 0
    for d in docs:
        pdf = pdfium.PdfDocument(d)
        total += len(pdf)
        pdf.close()
    return total


# ----------------------------------------------------------------------------------- subprocesses


def _python(code: str, timeout: float = 600) -> dict[str, Any]:
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=str(ROOT),
                         timeout=timeout, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


_HEAVY = ("spacy", "thinc", "pdfplumber", "pdfminer", "pypdfium2", "docx", "lxml", "sklearn", "numpy", "torch")


def import_time(runs: int = 5) -> dict[str, Any]:
    code = (
        "import json, sys, time\nt = time.perf_counter()\nc = time.process_time()\nimport leverage_lens\n"
        "d = time.perf_counter() - t\ncpu = time.process_time() - c\n"
        f"print(json.dumps({{'s': d, 'cpu': cpu, 'heavy': [m for m in {_HEAVY!r} if m in sys.modules]}}))"
    )
    results = [_python(code) for _ in range(runs)]
    return {"median": statistics.median(r["s"] for r in results), "min": min(r["s"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results), "heavy": results[-1]["heavy"]}


def first_result(path: Path, runs: int = 3) -> dict[str, Any]:
    code = (
        "import json, time\nt = time.perf_counter()\nimport leverage_lens\ni = time.perf_counter() - t\n"
        f"r = leverage_lens.analyze({str(path)!r})\nd = time.perf_counter() - t\n"
        "t2 = time.perf_counter()\nleverage_lens.analyze(" + repr(str(path)) + ")\ns = time.perf_counter() - t2\n"
        "print(json.dumps({'import': i, 'first': d, 'second': s, 'clauses': len(r.clauses)}))"
    )
    walls, results = [], []
    for _ in range(runs):
        started = time.perf_counter()
        results.append(_python(code))
        walls.append(time.perf_counter() - started)
    return {"first": statistics.median(r["first"] for r in results),
            "second": statistics.median(r["second"] for r in results),
            "wall": statistics.median(walls)}


#: Peak RSS of the current process in KB. Linux keeps ``getrusage().ru_maxrss`` across fork + exec, so a
#: child of this (large) bench process would report the parent's peak; ``VmHWM`` belongs to the new
#: address space. Elsewhere ``ru_maxrss`` is the fallback.
PEAK_KB = (
    "def peak_kb():\n"
    "    try:\n"
    "        for line in open('/proc/self/status'):\n"
    "            if line.startswith('VmHWM:'):\n"
    "                return int(line.split()[1])\n"
    "    except OSError:\n"
    "        pass\n"
    "    import resource\n"
    "    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
)


def peak_rss(path: Path) -> dict[str, Any]:
    code = (
        "import json\n" + PEAK_KB + "import leverage_lens\n"
        "from leverage_lens.load import pdf, docx  # the lazily imported loaders, so they count as baseline\n"
        "base = peak_kb()\n"
        f"r = leverage_lens.analyze({str(path)!r})\n"
        "peak = peak_kb()\n"
        "print(json.dumps({'base_mb': base / 1024, 'peak_mb': peak / 1024, 'pages': len(r.document.pages),"
        " 'chars': len(r.document.text), 'clauses': len(r.clauses)}))"
    )
    return _python(code)


def scaling(paths: list[Path], workers: list[int]) -> list[tuple[int, float, int]]:
    scan = getattr(leverage_lens, "scan", None)
    if scan is None:
        return []
    out = []
    for w in workers:
        started = time.perf_counter()
        results = list(scan(paths, workers=w, output=None))
        out.append((w, time.perf_counter() - started, len(results)))
    return out


# ---------------------------------------------------------------------------------------------- main


def profile_stage(name: str, docs: list[bytes], top: int = 18) -> str:
    runners = stage_runners()
    states: list[Any] = []
    for d in docs:
        state: Any = d
        for s in STAGES[: STAGES.index(name)]:
            if runners[s] is not None and s != "check":
                state = runners[s](state)
        states.append(state)
    run = runners[name]
    if run is None:
        return f"stage {name} has no entry point"
    prof = cProfile.Profile()
    prof.enable()
    for st in states:
        run(st)
    prof.disable()
    buf = io.StringIO()
    pstats.Stats(prof, stream=buf).sort_stats("tottime").print_stats(top)
    return buf.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data")
    parser.add_argument("--limit", type=int, default=None, help="PDFs for the full runs (default all)")
    parser.add_argument("--sample", type=int, default=15, help="PDFs for the pdfplumber comparison")
    parser.add_argument("--text-limit", type=int, default=None, help="text files (default all)")
    parser.add_argument("--scan-docs", type=int, default=40, help="PDFs for the worker scaling run (0: skip)")
    parser.add_argument("--cpu", type=int, default=0, help="the CPU to pin the one-core runs to (default 0)")
    parser.add_argument("--no-ocr", action="store_true",
                        help="analyze with ocr=False (raw extraction returns nothing for a scanned page; OCR "
                             "renders and reads it, which the default measures too)")
    parser.add_argument("--no-subprocess", action="store_true",
                        help="skip the fresh-process measures (import time, first result, peak RSS)")
    parser.add_argument("--profile", action="store_true", help="profile the slowest stage on the sample")
    parser.add_argument("--profile-stage", choices=STAGES[:-1], help="profile this stage instead")
    parser.add_argument("--gc-freeze", action="store_true",
                        help="gc.freeze() after the warm-up (what a long-running process that owns its interpreter, "
                             "such as a scan worker, can do): full collections then skip the tagger and modules")
    args = parser.parse_args(argv)
    paths = sorted((args.data / "cuad" / "pdf").glob("*.pdf"))
    if not paths:
        print(f"no PDFs under {args.data / 'cuad' / 'pdf'}", file=sys.stderr)
        return 1
    all_cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {args.cpu})
    load_before = os.getloadavg()[0]
    full = [p.read_bytes() for p in spaced(paths, args.limit)]
    sample = [p.read_bytes() for p in spaced(paths, args.sample)]
    OPTIONS.update({"ocr": False} if args.no_ocr else {})
    analyze = functools.partial(leverage_lens.analyze, **OPTIONS)
    leverage_lens.analyze(sample[0])  # warm up: imports, pdfium, the tagger's pipeline
    if not args.no_ocr:
        from leverage_lens.load.ocr import tesseract_missing

        tesseract_missing()  # warm up: importing pytesseract (which imports pandas) is a one-time second
    raw_pdfium(sample[0])
    if args.gc_freeze:
        gc.collect()
        gc.freeze()
    pages, sample_pages = page_count(full), page_count(sample)

    cpu: list[float] = []
    with GCWatch() as gcw:
        raw, e2e = interleaved([raw_pdfium, analyze], full, cpu)
    stage_cpu: dict[str, float | None] = {}
    stages, notes = time_stages(full, stage_cpu)
    raw_s, e2e_s, plumber_s = interleaved([raw_pdfium, analyze, raw_pdfplumber], sample)

    texts = [p.read_text(encoding="utf-8") for p in spaced(sorted((args.data / "cuad" / "txt").glob("*.txt")),
                                                          args.text_limit)]
    chars = sum(len(t) for t in texts)
    started, started_cpu = time.perf_counter(), time.process_time()
    parsed = [leverage_lens.parse_text(t) for t in texts]
    t_parse = time.perf_counter() - started
    for d in parsed:
        leverage_lens.analyze(d)
    t_analyze_docs = time.perf_counter() - started - t_parse
    cpu_text = time.process_time() - started_cpu
    load_mid = os.getloadavg()[0]

    imp = first = None
    rss: dict[str, Any] = {}
    if not args.no_subprocess:
        imp = import_time()
        first = first_result(paths[0])
        by_size = max(paths, key=lambda p: p.stat().st_size)
        by_pages = max(spaced(paths, None), key=lambda p: page_count([p.read_bytes()]))
        rss = {p.name: peak_rss(p) for p in dict.fromkeys([by_pages, by_size])}

    if all_cpus is not None:
        os.sched_setaffinity(0, all_cpus)
    scale = scaling(spaced(paths, args.scan_docs), [1, 2]) if args.scan_docs else []
    scale_pages = page_count([p.read_bytes() for p in spaced(paths, args.scan_docs)]) if scale else 0

    print(f"date: {datetime.datetime.now(datetime.timezone.utc).isoformat(timespec='minutes')}")
    print(f"machine: {cpu_name()}, {os.cpu_count()} CPUs, Python {platform.python_version()}; pinned to CPU {args.cpu}"
          + ("; gc.freeze() after the warm-up" if args.gc_freeze else ""))
    print(f"load average (1 min) before / after the one-core runs / at the end: {load_before:.2f} / "
          f"{load_mid:.2f} / {os.getloadavg()[0]:.2f}")
    if args.no_ocr:
        print("analyze and load with ocr=False (scanned pages are not read)")
    print(f"PDFs: {len(full)} ({pages} pages); sample {len(sample)} ({sample_pages} pages); "
          f"text files: {len(texts)} ({chars:,} characters)\n")
    print("| run | pages | seconds | pages/s |\n|---|---:|---:|---:|")
    print(f"| raw pypdfium2 `get_text_range` | {pages} | {raw:.2f} | {pages / raw:.0f} |")
    print(f"| **`analyze(pdf)` end to end** | {pages} | {e2e:.2f} | **{pages / e2e:.0f}** |")
    print(f"| raw pypdfium2, sample | {sample_pages} | {raw_s:.2f} | {sample_pages / raw_s:.0f} |")
    print(f"| `analyze(pdf)`, sample | {sample_pages} | {e2e_s:.2f} | {sample_pages / e2e_s:.0f} |")
    print(f"| raw pdfplumber `extract_text`, sample | {sample_pages} | {plumber_s:.2f} | "
          f"{sample_pages / plumber_s:.1f} |")
    print(f"\nanalyze vs raw pypdfium2: {e2e / raw:.2f}x the time (target <= 2.5x); "
          f"vs raw pdfplumber (sample): {plumber_s / e2e_s:.1f}x faster (target >= 20x)")
    print(f"CPU time of the same run: raw {cpu[0]:.2f} s, analyze {cpu[1]:.2f} s = {pages / cpu[1]:.0f} pages/s, "
          f"{cpu[1] / cpu[0]:.2f}x raw; garbage collection during it: {sum(gcw.seconds):.2f} s "
          f"({sum(gcw.seconds) / e2e:.0%} of analyze; {gcw.count[2]} full collections took "
          f"{gcw.seconds[2]:.2f} s)\n")
    total = sum(v for v in stages.values() if v is not None)
    total_cpu = sum(v for v in stage_cpu.values() if v is not None)
    print("| stage | seconds | share | CPU seconds | CPU share | pages/s (CPU) | note |\n|---|---:|---:|---:|---:|---:|---|")
    for name in STAGES:
        v, c = stages[name], stage_cpu.get(name)
        if v is None or c is None:
            print(f"| {name} | n/a | | | | | {notes.get(name, '')} |")
        else:
            print(f"| {name} | {v:.2f} | {v / total:.0%} | {c:.2f} | {c / total_cpu:.0%} | "
                  f"{pages / c if c else float('inf'):.0f} | {notes.get(name, '')} |")
    print(f"| sum of stages | {total:.2f} | | {total_cpu:.2f} | | {pages / total_cpu:.0f} | |")
    print(f"\ntext: parse_text {chars / t_parse / 1e6:.2f} M chars/s; analyze(parse_text(...)) "
          f"{chars / (t_parse + t_analyze_docs) / 1e6:.2f} M chars/s (target >= 1 M); by CPU time "
          f"{chars / cpu_text / 1e6:.2f} M chars/s")
    if imp is not None and first is not None:
        print(f"import leverage_lens: median {imp['median']:.3f} s, min {imp['min']:.3f} s of 5 fresh processes, "
              f"CPU time {imp['cpu']:.3f} s (target < 0.5 s); heavy modules imported: "
              f"{', '.join(imp['heavy']) or 'none'}")
        print(f"first result in a new process ({paths[0].name}): import + first analyze {first['first']:.2f} s "
              f"(process wall {first['wall']:.2f} s); a second analyze {first['second']:.3f} s")
    for name, r in rss.items():
        print(f"peak RSS analysing {name} ({r['pages']} pages, {r['chars']:,} chars, {r['clauses']} clauses): "
              f"{r['peak_mb']:.0f} MB (after import and loaders {r['base_mb']:.0f} MB; target <= 400 MB)")
    if scale:
        base = scale[0][1]
        for w, seconds, n in scale:
            print(f"scan, {w} worker(s): {n} files, {scale_pages} pages in {seconds:.1f} s = "
                  f"{scale_pages / seconds:.0f} pages/s ({base / seconds:.2f}x one worker)")
    elif args.scan_docs:
        print("scan: n/a (leverage_lens.scan not available)")
    if args.profile:
        slowest = args.profile_stage or max((s for s in STAGES if stages[s] is not None),
                                            key=lambda s: stages[s] or 0.0)
        if hasattr(os, "sched_setaffinity"):
            os.sched_setaffinity(0, {args.cpu})
        print(f"\nprofile of the {'chosen' if args.profile_stage else 'slowest'} stage ({slowest}) on the sample:\n")
        print(profile_stage(slowest, sample))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
