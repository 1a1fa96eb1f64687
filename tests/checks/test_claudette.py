"""CLAUDETTE: the code -> category mapping, the tag stripper, and the stored linear model."""

from __future__ import annotations

from leverage_lens.checks.claudette import CLAUDETTE, ClaudetteModel, load_model
from leverage_lens.checks.claudette_train import strip_tags


def test_claudette_maps_all_eight_codes_to_categories():
    assert sorted(CLAUDETTE) == sorted(["a", "ch", "cr", "j", "law", "ltd", "ter", "use"])
    assert all("." in v for v in CLAUDETTE.values())


def test_tags_closing_out_of_order_still_give_exact_gold_spans():
    raw = "Hi. <ter3><ch2>We may stop.</ter3></ch2> <ltd1>Fair.</ltd1>"
    text, gold = strip_tags(raw)
    assert text == "Hi. We may stop. Fair."
    spans = {(c, lvl): text[s:e] for s, e, c, lvl in gold}
    assert spans == {("ter", 3): "We may stop.", ("ch", 2): "We may stop.", ("ltd", 1): "Fair."}


def test_model_round_trips_through_json_and_scores_by_its_weights():
    m = ClaudetteModel(idf={"arbitration": 2.0, "binding": 1.0}, weights={"a": {"arbitration": 2.0}},
                       bias={"a": -0.5}, threshold={"a": 0.5})
    again = ClaudetteModel.from_json(m.to_json())
    assert again == m
    assert again.scores("arbitration")["a"] == 1.5
    assert "a" in again.predict("arbitration") and again.predict("binding") == {}


def test_packaged_model_flags_an_arbitration_clause():
    model = load_model()
    assert model is not None
    assert "a" in model.predict("any dispute shall be resolved exclusively by binding arbitration .")


def test_consumer_terms_gate_opens_on_terms_written_to_you():
    from leverage_lens.checks.claudette import looks_like_consumer_terms

    tos = ("Terms of Service. These terms are between you and Example Inc. By using the service you agree to "
           "them. You may cancel your account at any time. We may change these terms. " * 5)
    assert looks_like_consumer_terms(tos)


def test_consumer_terms_gate_stays_shut_on_a_signed_franchise_written_to_you():
    from leverage_lens.checks.claudette import looks_like_consumer_terms

    franchise = ("FRANCHISE AGREEMENT. This Franchise Agreement is made by and between Kiosk Concepts, Inc. "
                 "(\"we\") and Grill Truck, Inc. (\"you\"). You shall pay us your fees. You agree that your "
                 "store will follow our manual. " * 5) + "\n\nIN WITNESS WHEREOF the parties have signed."
    assert not looks_like_consumer_terms(franchise)
    assert not looks_like_consumer_terms(franchise.replace("IN WITNESS WHEREOF", "Signed"))
