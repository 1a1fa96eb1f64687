"""Analyse the first N CUAD texts with the checkout in the current directory and write one normalised JSON per
document, so two commits' outputs can be compared (issue 17: a restructuring must not change what analyze
reports).

Normalised: schema 0.1.0 kept the tagged clauses in ``Report.clauses`` and untagged ones in
``document.clauses``; 0.2.0 keeps the tagged ones in ``document.clauses``: the tagged list is compared either
way; ``schema_version`` and the new ``warnings`` are left out.

    cd <checkout of commit A> && PYTHONPATH=$PWD python bench/outputs_snapshot.py /tmp/a 150
    cd <checkout of commit B> && PYTHONPATH=$PWD python bench/outputs_snapshot.py /tmp/b 150
    python bench/outputs_snapshot.py --compare /tmp/a /tmp/b

``--pdf`` (after N) analyses the first N CUAD PDFs from their bytes instead of the texts, for changes to PDF
loading: ``python bench/outputs_snapshot.py /tmp/a-pdf 150 --pdf``.
"""
import glob
import json
import os
import pathlib
import sys

if sys.argv[1] == "--compare":
    a, b = pathlib.Path(sys.argv[2]), pathlib.Path(sys.argv[3])
    files = sorted(a.iterdir())
    differ = [f.name for f in files if json.loads(f.read_text()) != json.loads((b / f.name).read_text())]
    print(f"identical {len(files) - len(differ)} of {len(files)}", *differ[:10], sep="\n")
    raise SystemExit(1 if differ else 0)

sys.path.insert(0, os.getcwd())
import leverage_lens as ll  # noqa: E402

out = pathlib.Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
n = int(sys.argv[2])
pdf = "--pdf" in sys.argv[3:]
kind = "pdf" if pdf else "txt"
files = sorted(glob.glob(str(pathlib.Path(__file__).resolve().parents[1].parent / "shared" / "data" / "cuad" / kind) + f"/*.{kind}"))[:n]
a = ll.Analyzer()
for f in files:
    # a fixed as_of: deadlines roll forward to it, so two runs on different days compare equal
    if pdf:
        with open(f, "rb") as fh:
            r = a.analyze(fh.read(), as_of="2026-12-04")
    else:
        r = a.analyze(ll.parse_text(open(f).read(), name=os.path.basename(f)), as_of="2026-12-04")
    d = json.loads(r.to_json())
    # schema 0.1.0 kept tagged clauses in Report.clauses and untagged ones in document.clauses;
    # 0.2.0 keeps the tagged ones in document.clauses: compare the tagged list either way
    tagged = d.pop("clauses", None)
    if tagged is not None:
        d["document"]["clauses"] = tagged
    d.pop("schema_version", None); d["document"].pop("schema_version", None)
    d.pop("warnings", None)
    (out / (os.path.basename(f) + ".json")).write_text(json.dumps(d, sort_keys=True))
print("done", len(files))
