"""Mutation fuzzing of the loaders: only LeverageLensError may escape, and every file must return in time.

Seeds are real PDFs and DOCX from ``../shared/data`` (CUAD PDFs, the Word templates) plus fixtures built
in code by ``tests/fixtures`` (so the run works without the shared data). Each input is a seed with a few
byte-level mutations (bit flips, overwritten bytes, inserted/deleted/duplicated ranges, truncation,
"interesting" numbers and PDF keywords spliced in); for DOCX, half the inputs instead mutate one XML part
inside the ZIP and re-pack it, so the XML, numbering and style readers see damage the ZIP CRC would
otherwise stop at the door.

Every input runs through ``leverage_lens.analyze`` in a *worker subprocess* with an address-space cap
(``RLIMIT_AS``), so a pathological file cannot take the machine down. The parent enforces the per-file
timeout from outside: a worker that does not answer in time is killed (SIGKILL) and restarted, and the
input is counted as a hang. Outcomes per input:

- ``ok``: a Report, whose offsets are checked (``clause.text == document.text[start:end]``, spans in
  range) and which serialises with ``to_json()``; a broken invariant is a failure;
- ``typed``: a ``LeverageLensError`` subclass (counted by class);
- ``untyped``: any other exception (a bug), ``hang`` (timeout), ``crash`` (the worker died).

Failures are saved, bytes and traceback, under ``bench/out/fuzz/`` (git-ignored) for replay:
``python bench/fuzz.py --replay bench/out/fuzz/<file>``.

    python bench/fuzz.py [--count 10000] [--seed 1] [--timeout 10] [--memory-mb 1536] [--workers 1]
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import random
import resource
import select
import struct
import subprocess
import sys
import time
import traceback
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
OUT = ROOT / "bench" / "out" / "fuzz"

_INTERESTING = [
    b"0", b"-1", b"1", b"65535", b"4294967295", b"99999999999", b"-2147483648", b"1e308", b"NaN",
    b"obj", b"endobj", b"stream", b"endstream", b"xref", b"trailer", b"/Length 0", b"/Length 999999999",
    b"/Count 100000", b"/Kids [", b"<<", b">>", b"R", b"(", b")", b"%%EOF", b"/Filter /FlateDecode",
    b"\x00", b"\xff\xfe", b"<!DOCTYPE x [<!ENTITY a \"aaaa\">]>", b"&a;", b"<w:p>", b"</w:p>",
    b"<w:numPr><w:ilvl w:val=\"99\"/><w:numId w:val=\"1\"/></w:numPr>", b"w:val=\"-5\"", b"w:val=\"999999\"",
    b"<w:t>", b"</w:t>", b"%1.%2.%3.%4.%5.%6.%7.%8.%9", b"\xef\xbf\xbe", b"\xed\xa0\x80",
]


# ---------------------------------------------------------------------------------------------- worker


def _check_report(report: object) -> str | None:
    """A violated invariant of a Report, or None."""
    doc = report.document  # type: ignore[attr-defined]
    text = doc.text
    n = len(text)
    for c in doc.clauses:
        if not (0 <= c.start <= c.end <= n):
            return f"clause {c.id} span {c.start}:{c.end} outside 0:{n}"
        if c.text != text[c.start : c.end]:
            return f"clause {c.id} text differs from document.text[{c.start}:{c.end}]"
        for span in (c.number_span, c.heading_span):
            if span is not None and not (0 <= span.start <= span.end <= n):
                return f"clause {c.id} span {span.start}:{span.end} outside 0:{n}"
    for p in doc.pages:
        if not (0 <= p.start <= p.end <= n):
            return f"page {p.number} span {p.start}:{p.end} outside 0:{n}"
    report.to_json()  # type: ignore[attr-defined]
    return None


def worker(memory_mb: int) -> int:
    """Read length-prefixed inputs on stdin, answer one JSON line each on stdout."""
    import leverage_lens
    from leverage_lens import LeverageLensError

    if memory_mb > 0:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    stdin, stdout = sys.stdin.buffer, sys.stdout
    while True:
        head = stdin.read(8)
        if len(head) < 8:
            return 0
        (size,) = struct.unpack("<Q", head)
        data = stdin.read(size)
        started = time.perf_counter()
        try:
            report = leverage_lens.analyze(data)
            problem = _check_report(report)
            answer = {"outcome": "ok"} if problem is None else {"outcome": "untyped", "error": "Invariant",
                                                                 "detail": problem}
        except LeverageLensError as exc:
            answer = {"outcome": "typed", "error": type(exc).__name__}
        except BaseException as exc:  # noqa: BLE001 - this is what the fuzzer looks for
            answer = {"outcome": "untyped", "error": type(exc).__name__, "detail": traceback.format_exc()}
        answer["seconds"] = time.perf_counter() - started
        stdout.write(json.dumps(answer) + "\n")
        stdout.flush()


class Worker:
    """A worker subprocess, killed and replaced when it overruns the timeout or dies."""

    def __init__(self, memory_mb: int) -> None:
        self.memory_mb = memory_mb
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", "--memory-mb", str(self.memory_mb)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            cwd=str(ROOT),
        )

    def run(self, data: bytes, timeout: float) -> dict[str, object]:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        proc = self.proc
        assert proc is not None and proc.stdin is not None and proc.stdout is not None
        started = time.perf_counter()
        try:
            proc.stdin.write(struct.pack("<Q", len(data)) + data)
            proc.stdin.flush()
        except BrokenPipeError:
            return self._dead(started)
        ready, _, _ = select.select([proc.stdout], [], [], timeout)
        if not ready:
            self.kill()
            return {"outcome": "hang", "seconds": time.perf_counter() - started}
        line = proc.stdout.readline()
        if not line:
            return self._dead(started)
        return json.loads(line)

    def _dead(self, started: float) -> dict[str, object]:
        code = self.proc.wait() if self.proc is not None else None
        self.proc = None
        return {"outcome": "crash", "error": f"worker exit code {code}", "seconds": time.perf_counter() - started}

    def kill(self) -> None:
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def close(self) -> None:
        if self.proc is not None and self.proc.stdin is not None:
            self.proc.stdin.close()
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.kill()
        self.proc = None


# ------------------------------------------------------------------------------------------- mutation


def mutate_bytes(data: bytes, rng: random.Random, rounds: int | None = None) -> bytes:
    """A few random byte-level edits of ``data``."""
    buf = bytearray(data)
    for _ in range(rounds or rng.choice((1, 1, 1, 2, 2, 3, 4, 8))):
        if not buf:
            buf += bytes([rng.randrange(256)])
        op = rng.randrange(8)
        pos = rng.randrange(len(buf))
        if op == 0:  # flip one bit
            buf[pos] ^= 1 << rng.randrange(8)
        elif op == 1:  # overwrite a short run with random bytes
            for i in range(pos, min(len(buf), pos + rng.randint(1, 16))):
                buf[i] = rng.randrange(256)
        elif op == 2:  # insert random bytes
            buf[pos:pos] = bytes(rng.randrange(256) for _ in range(rng.randint(1, 32)))
        elif op == 3:  # delete a range
            del buf[pos : pos + rng.randint(1, max(1, min(4096, len(buf) // 10)))]
        elif op == 4:  # duplicate a range somewhere else
            chunk = bytes(buf[pos : pos + rng.randint(1, 2048)])
            at = rng.randrange(len(buf) + 1)
            buf[at:at] = chunk * rng.randint(1, 4)
        elif op == 5:  # truncate
            del buf[max(1, pos) :]
        elif op == 6:  # splice an interesting token over or into the bytes
            token = rng.choice(_INTERESTING)
            if rng.random() < 0.5:
                buf[pos : pos + len(token)] = token
            else:
                buf[pos:pos] = token
        else:  # replace a number with an interesting one
            digits = _digit_run(buf, pos)
            if digits:
                a, b = digits
                buf[a:b] = rng.choice(_INTERESTING[:9])
    return bytes(buf)


def _digit_run(buf: bytearray, pos: int) -> tuple[int, int] | None:
    for start in range(pos, min(len(buf), pos + 256)):
        if 48 <= buf[start] <= 57:
            end = start
            while end < len(buf) and 48 <= buf[end] <= 57:
                end += 1
            return start, end
    return None


def mutate_docx_part(data: bytes, rng: random.Random) -> bytes:
    """Re-pack the DOCX with one XML part mutated (so the XML readers, not the ZIP CRC, meet the damage)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            parts = [(i, zf.read(i)) for i in zf.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError):
        return mutate_bytes(data, rng)
    xml = [k for k, (info, _) in enumerate(parts) if info.filename.endswith((".xml", ".rels"))]
    if not xml:
        return mutate_bytes(data, rng)
    weights = [8 if parts[k][0].filename in ("word/document.xml", "word/numbering.xml", "word/styles.xml")
               else 1 for k in xml]
    target = rng.choices(xml, weights)[0]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zw:
        for k, (info, blob) in enumerate(parts):
            zw.writestr(info.filename, mutate_bytes(blob, rng) if k == target else blob)
    return out.getvalue()


def mutate(seed: Seed, rng: random.Random) -> bytes:
    if seed.kind == "docx" and rng.random() < 0.5:
        return mutate_docx_part(seed.data, rng)
    return mutate_bytes(seed.data, rng)


# ---------------------------------------------------------------------------------------------- seeds


@dataclass(frozen=True)
class Seed:
    name: str
    kind: str  # pdf | docx
    data: bytes


def fixture_seeds() -> list[Seed]:
    """Seeds built in code by the test fixtures, so the fuzzer runs without ../shared/data."""
    sys.path.insert(0, str(ROOT))
    from tests.fixtures.docx_builder import DocxBuilder, Lvl
    from tests.fixtures.pdf_writer import Line, PdfPage, write_pdf

    body = ["1. Definitions", '"Affiliate" means any entity controlling a party.', "2. Term",
            "2.1 This Agreement starts today.", "(a) It renews yearly; and", "(b) may end on notice.",
            "IN WITNESS WHEREOF the parties sign."]
    seeds = [
        Seed("fixture-plain.pdf", "pdf", write_pdf([body, [Line("ARTICLE II", bold=True), *body]],
                                                   header="ACME CONFIDENTIAL", page_number="- {n} -")),
        Seed("fixture-encrypted.pdf", "pdf", write_pdf([body], user_password="secret")),
        Seed("fixture-blank-page.pdf", "pdf", write_pdf([body, PdfPage(image=True), body])),
    ]
    b = DocxBuilder()
    outline = b.abstract_num([Lvl("decimal", "%1."), Lvl("decimal", "%1.%2"), Lvl("lowerLetter", "(%3)")])
    num = b.num(outline)
    b.paragraph("Definitions", num=num)
    b.paragraph("Terms used here have these meanings.", num=num, ilvl=1)
    b.paragraph("Affiliate means a controlled entity.", num=num, ilvl=2)
    b.paragraph("Term", num=num)
    b.paragraph("This Agreement lasts one year.", num=num, ilvl=1)
    seeds.append(Seed("fixture-numbered.docx", "docx", b.to_bytes()))
    return seeds


def data_seeds(data: Path, pdfs: int, max_pdf_bytes: int) -> list[Seed]:
    """Small-to-median CUAD PDFs (evenly spaced by size) and every shared DOCX template."""
    seeds: list[Seed] = []
    pdf_paths = sorted((data / "cuad" / "pdf").glob("*.pdf"), key=lambda p: p.stat().st_size)
    pdf_paths = [p for p in pdf_paths if p.stat().st_size <= max_pdf_bytes]
    if pdf_paths and pdfs:
        step = max(1, len(pdf_paths) // pdfs)
        seeds += [Seed(p.name, "pdf", p.read_bytes()) for p in pdf_paths[::step][:pdfs]]
    seeds += [Seed(p.name, "docx", p.read_bytes()) for p in sorted((data / "docx").rglob("*.docx"))]
    return seeds


# ------------------------------------------------------------------------------------------------ run


def run(args: argparse.Namespace) -> int:
    rng = random.Random(args.seed)
    seeds = fixture_seeds() + (data_seeds(args.data, args.pdfs, args.max_pdf_kb * 1024) if args.data.is_dir() else [])
    by_kind = Counter(s.kind for s in seeds)
    by_kind_seeds = {k: [s for s in seeds if s.kind == k] for k in by_kind}  # half PDF, half DOCX inputs
    workers = [Worker(args.memory_mb) for _ in range(args.workers)]
    counts: Counter[str] = Counter()
    typed: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    outcome_by_kind: Counter[tuple[str, str]] = Counter()
    slowest = (0.0, "")
    failures: list[str] = []
    OUT.mkdir(parents=True, exist_ok=True)
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        i = 0
        while i < args.count:
            batch = []
            for w in workers:
                if i >= args.count:
                    break
                seed = rng.choice(by_kind_seeds[rng.choice(sorted(by_kind_seeds))])
                batch.append((w, seed, mutate(seed, rng)))
                i += 1
            results = list(pool.map(lambda t: t[0].run(t[2], args.timeout), batch))
            for (w, seed, data), result in zip(batch, results):
                outcome = str(result["outcome"])
                counts[outcome] += 1
                kinds[seed.kind] += 1
                outcome_by_kind[(seed.kind, outcome)] += 1
                seconds = float(result.get("seconds", 0.0))  # type: ignore[arg-type]
                if seconds > slowest[0]:
                    slowest = (seconds, seed.name)
                if outcome == "typed":
                    typed[str(result["error"])] += 1
                elif outcome in ("untyped", "hang", "crash"):
                    failures.append(_save(seed, data, result))
            done = sum(counts.values())
            if args.progress and done % args.progress < len(batch):
                print(f"{done:>6} inputs  {dict(counts)}  {time.perf_counter() - started:.0f}s", flush=True)
    for w in workers:
        w.close()
    elapsed = time.perf_counter() - started
    print(f"date: {datetime.datetime.now().isoformat(timespec='minutes')}; seed {args.seed}; "
          f"load average (1 min) before/after {load_before:.2f}/{os.getloadavg()[0]:.2f}")
    print(f"seeds: {dict(by_kind)}; inputs by seed kind: {dict(kinds)}")
    print(f"inputs tried: {sum(counts.values())} in {elapsed:.0f} s ({args.workers} worker(s), timeout "
          f"{args.timeout:g} s, address space cap {args.memory_mb} MB)")
    print(f"outcomes: {dict(counts)}")
    print("outcomes by seed kind: " + ", ".join(f"{k} {o}: {n}" for (k, o), n in sorted(outcome_by_kind.items())))
    print(f"typed errors by class: {dict(typed.most_common())}")
    print(f"slowest input: {slowest[0]:.2f} s (a mutation of {slowest[1]})")
    print(f"untyped errors: {counts['untyped']}, hangs: {counts['hang']}, crashes: {counts['crash']}")
    for path in failures[:20]:
        print(f"  saved {path}")
    return 1 if failures else 0


def _save(seed: Seed, data: bytes, result: dict[str, object]) -> str:
    import hashlib

    digest = hashlib.sha256(data).hexdigest()[:12]
    path = OUT / f"{result['outcome']}-{digest}.{seed.kind}"
    path.write_bytes(data)
    path.with_suffix(path.suffix + ".txt").write_text(
        f"seed: {seed.name}\noutcome: {result['outcome']}\nerror: {result.get('error')}\n\n{result.get('detail', '')}"
    )
    return str(path)


def replay(path: Path, timeout: float, memory_mb: int) -> int:
    w = Worker(memory_mb)
    try:
        result = w.run(path.read_bytes(), timeout)
    finally:
        w.close()
    print(json.dumps(result, indent=2))
    return 0 if result["outcome"] in ("ok", "typed") else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=10_000, help="number of mutated inputs")
    parser.add_argument("--seed", type=int, default=1, help="random seed (runs are reproducible)")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per input before it is a hang")
    parser.add_argument("--memory-mb", type=int, default=1536, help="RLIMIT_AS of each worker, MB (0: none)")
    parser.add_argument("--workers", type=int, default=1, help="worker processes")
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--pdfs", type=int, default=40, help="CUAD PDFs used as seeds")
    parser.add_argument("--max-pdf-kb", type=int, default=400, help="largest CUAD PDF used as a seed")
    parser.add_argument("--progress", type=int, default=500, help="print a line every N inputs (0: never)")
    parser.add_argument("--replay", type=Path, help="run one saved input and print the outcome")
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        return worker(args.memory_mb)
    if args.replay:
        return replay(args.replay, args.timeout, args.memory_mb)
    return run(args)


if __name__ == "__main__":
    raise SystemExit(main())
