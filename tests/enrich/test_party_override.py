"""The user's parties replace the ones found; doubtful parties raise parties_uncertain warnings that reach
the report, its views and the CLI; the perspective error names the parties and roles found."""

from __future__ import annotations

import pytest

import leverage_lens as ll
from leverage_lens.checks.perspective import resolve_reader
from leverage_lens.errors import InvalidOptionError
from leverage_lens.enrich import apply_parties, find_parties, parse_party_option, party_warnings

CONTRACT = ('SERVICES AGREEMENT\n\nThis Agreement is made between Northwind Analytics, Inc., a Delaware corporation '
            '("Provider"), and Contoso Retail LLC ("Customer").\n\nWHEREAS the parties agree.\n\n'
            '1. Fees. Customer shall pay all fees within 30 days.\n\n2. Liability. Provider may terminate this '
            'Agreement at any time for convenience.\n')
ONE_PARTY = ('LICENCE\n\nThis licence is granted by Acme Holdings, Inc. ("Licensor").\n\n1. Grant. Licensor grants '
             'a licence.\n')


def test_given_parties_replace_the_found_ones_and_keep_what_was_read_about_them():
    found = find_parties(CONTRACT)
    parties = apply_parties(CONTRACT, {"Customer": "Contoso Retail", "Provider": "Northwind"}, found)
    assert [(p.id, p.name, p.role) for p in parties] == [("party-1", "Contoso Retail", "Customer"),
                                                          ("party-2", "Northwind", "Provider")]
    assert "Contoso Retail LLC" in parties[0].aliases and parties[1].jurisdiction == "US-DE"


def test_analyze_with_parties_uses_them_for_findings_and_perspective():
    report = ll.analyze(ll.parse_text(CONTRACT), parties={"Customer": "Contoso Retail LLC",
                                                          "Provider": "Northwind Analytics, Inc."},
                        perspective="Customer")
    assert [p.role for p in report.parties] == ["Customer", "Provider"]
    assert report.summary.perspective == "party-1"
    assert not [w for w in report.warnings if w.code == "parties_uncertain"]


def test_fewer_than_two_parties_warn_in_the_report_and_at_the_top_of_the_views():
    assert [w.code for w in party_warnings(find_parties(ONE_PARTY))] == ["parties_uncertain"]
    report = ll.analyze(ll.parse_text(ONE_PARTY))
    warning = next(w for w in report.warnings if w.code == "parties_uncertain")
    assert "found 1 principal party" in warning.message and "Acme Holdings, Inc." in warning.message
    assert "Warning" in report.to_markdown().split("##")[0] and "parties_uncertain" not in report.to_markdown()
    assert "found 1 principal party" in report.to_html()


def test_a_role_claimed_by_two_names_warns():
    text = ('AGREEMENT between Acme Holdings, Inc. ("Licensor") and Zeta Media LLC ("Licensor").\nWHEREAS x.')
    assert any("claimed by" in w.message for w in party_warnings(find_parties(text)))


def test_perspective_error_lists_the_parties_and_their_roles():
    with pytest.raises(InvalidOptionError) as err:
        resolve_reader("Distributor", find_parties(CONTRACT))
    assert "'Northwind Analytics, Inc.', role 'Provider'" in str(err.value)
    assert "--party ROLE=NAME" in str(err.value)


def test_the_party_option_is_role_equals_name():
    assert parse_party_option(['Customer="Acme Inc."', "Provider=Beta LLC"]) == {"Customer": "Acme Inc.",
                                                                                 "Provider": "Beta LLC"}
    with pytest.raises(InvalidOptionError):
        parse_party_option(["Acme Inc."])


def test_cli_party_option_reaches_the_report(tmp_path, capsys):
    from leverage_lens.cli import main

    path = tmp_path / "c.txt"
    path.write_text(ONE_PARTY)
    code = main(["analyze", str(path), "--party", "Licensor=Acme Holdings, Inc.", "--party", "Licensee=Bob Ltd",
                 "--perspective", "Licensee"])
    out = capsys.readouterr()
    assert code == 0 and '"Bob Ltd"' in out.out and "parties_uncertain" not in out.err
    main(["analyze", str(path)])
    assert "parties_uncertain" in capsys.readouterr().err


def test_given_parties_reach_the_analysis_mentions_obligations_and_warnings():
    text = ONE_PARTY + "\n2. Fees. Bob Ltd shall pay the Licensor a royalty.\n"
    analysis = ll.Analyzer().analysis(ll.parse_text(text), parties={"Licensor": "Acme Holdings, Inc.",
                                                                     "Licensee": "Bob Ltd"})
    assert [p.role for p in analysis.parties if p.principal] == ["Licensor", "Licensee"]
    licensor, licensee = (p.id for p in analysis.parties[:2])
    assert any(pid == licensor for s in analysis.sentences for _, _, pid in s.mentions)
    assert any(o.actor == licensee for o in analysis.obligations)
    assert analysis.warnings == []
    unaided = ll.Analyzer().analysis(ll.parse_text(ONE_PARTY))
    assert [w.code for w in unaided.warnings] == ["parties_uncertain", "ledger_without_parties"]
