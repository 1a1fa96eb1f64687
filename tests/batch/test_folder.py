"""The folder deliverables: per-file rows, folder questions, the norm, CSV and the linked HTML index."""

from __future__ import annotations

import csv
from pathlib import Path

from leverage_lens.batch.digest import FOLDER_FLAGS, digest, flag_values
from leverage_lens.batch.folder import write_folder_outputs
from leverage_lens.batch.norm import folder_norm, normalise_wording
from leverage_lens.batch.records import ScanFailure, encode_failure
from leverage_lens.batch.summary import folder_summary

from .reports import CAP_NORM, CAP_ODD, RENEWAL, as_record, tagged_report


def test_digest_counts_categories_families_and_findings() -> None:
    report = tagged_report(
        "acme",
        {"liability.cap": CAP_NORM, "termination.renewal": RENEWAL},
        findings=[("liability", "high"), ("liability", "low"), ("termination", "high")],
    )
    d = digest(report)
    assert d.categories == {"liability.cap": 1, "termination.renewal": 1}
    assert d.tags_by_family == {"liability": 1, "termination": 1}
    assert d.findings_by_severity == {"high": 2, "low": 1}
    assert d.findings_by_family == {"liability": 2, "termination": 1}
    flags = flag_values(d)
    assert flags["liability_cap"] and flags["auto_renewal"] and not flags["exclusivity"]


def test_every_folder_flag_maps_to_a_category_of_the_taxonomy() -> None:
    from leverage_lens import taxonomy

    known = {c.id for c in taxonomy.categories()}
    for flag in FOLDER_FLAGS:
        assert flag.categories <= known, flag


def test_summary_lists_contracts_lacking_a_cap_and_those_renewing_automatically() -> None:
    records = [
        as_record("/d/a.txt", tagged_report("a", {"liability.cap": CAP_NORM})),
        as_record("/d/b.txt", tagged_report("b", {"termination.renewal": RENEWAL})),
        as_record(
            "/d/c.txt", tagged_report("c", {"liability.cap": CAP_NORM, "termination.renewal": RENEWAL})
        ),
        ScanFailure(
            path="/d/x.pdf", sha256=None, options_key="k", status="error", error_type="E", message="bad"
        ),
    ]
    s = folder_summary(records)
    assert s.root == "/d"
    assert s.without_flag["liability_cap"] == ["b.txt"]
    assert s.with_flag["auto_renewal"] == ["b.txt", "c.txt"]
    assert s.statuses == {"ok": 3, "error": 1}
    rows = {r["file"]: r for r in s.rows}
    assert rows["a.txt"]["has_liability_cap"] == "yes" and rows["b.txt"]["has_liability_cap"] == "no"
    assert rows["x.pdf"]["message"] == "bad" and "has_liability_cap" not in rows["x.pdf"]


def _norm_folder() -> list[tuple[str, object]]:
    names = ["acme", "bolt", "crane", "delta", "ember", "fjord"]
    reports = [(f"/d/{n}.txt", tagged_report(n, {"liability.cap": CAP_NORM})) for n in names]
    reports.append(("/d/odd.txt", tagged_report("odd", {"liability.cap": CAP_ODD})))
    return reports


def test_norm_flags_the_contract_whose_cap_is_worded_unlike_the_folder() -> None:
    norm = folder_norm(_norm_folder())  # type: ignore[arg-type]
    assert [c.category for c in norm.categories] == ["liability.cap"]
    cap = norm.categories[0]
    assert (cap.files, cap.norm_files) == (7, 6)
    assert [d.path for d in norm.departures] == ["/d/odd.txt"]
    departure = norm.departures[0]
    assert departure.similarity < 75 and "unlimited" in departure.quote
    assert departure.exemplar_path != "/d/odd.txt"


def test_norm_flags_nothing_without_a_dominant_wording_or_enough_contracts() -> None:
    bodies = [
        CAP_NORM,
        CAP_ODD,
        RENEWAL.replace("RENEWAL", "LIABILITY"),
        "{n}. LIABILITY. Neither party is liable for indirect damages of any kind.",
        "{n}. LIABILITY. The Licensor's liability shall not exceed one hundred dollars in total.",
    ]
    scattered = [(f"/d/{i}.txt", tagged_report(f"p{i}", {"liability.cap": b})) for i, b in enumerate(bodies)]
    assert folder_norm(scattered).departures == []  # type: ignore[arg-type]
    assert folder_norm(_norm_folder()[:4]).categories == []  # type: ignore[arg-type]


def test_normalised_wording_ignores_case_numbers_and_spacing() -> None:
    assert normalise_wording("12.1  Fees of $5,000\nare DUE") == normalise_wording(
        "3.4 fees of $70,000 are due"
    )


def test_csv_and_html_index_cover_every_file_and_link_each_report(tmp_path: Path) -> None:
    results = tmp_path / "r.jsonl"
    lines = []
    for path, report in _norm_folder():
        record = as_record(path, report)  # type: ignore[arg-type]
        lines.append(record.model_dump_json().encode()[:-1] + b',"report":' + record.report_json + b"}\n")  # type: ignore[operator]
    failure = ScanFailure(
        path="/d/<bad>.pdf",
        sha256=None,
        options_key="k",
        status="timeout",
        error_type="TimeoutError",
        message="slow <script>",
    )
    lines.append(encode_failure(failure))
    results.write_bytes(b"".join(lines))
    _, norm = write_folder_outputs(results, csv_path=tmp_path / "s.csv", html_path=tmp_path / "index.html")
    assert norm is not None and [d.path for d in norm.departures] == ["/d/odd.txt"]
    with open(tmp_path / "s.csv", encoding="utf-8-sig", newline="") as fh:
        rows = {r["file"]: r for r in csv.DictReader(fh)}
    assert len(rows) == 8
    assert rows["odd.txt"]["norm_departures"].startswith("liability.cap")
    assert rows["acme.txt"]["norm_departures"] == "" and rows["acme.txt"]["has_liability_cap"] == "yes"
    assert rows["<bad>.pdf"]["status"] == "timeout"
    index = (tmp_path / "index.html").read_text()
    assert "<script>" not in index and "&lt;script&gt;" in index
    pages = sorted((tmp_path / "index_files").iterdir())
    assert len(pages) == 7
    for page in pages:
        assert f'href="index_files/{page.name}"' in index
    assert "liability.cap" in (tmp_path / "index_files" / pages[0].name).read_text()
