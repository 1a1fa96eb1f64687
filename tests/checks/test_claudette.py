"""CLAUDETTE: the code -> category mapping, the tag stripper, and the stored linear model."""

from __future__ import annotations

from leverage_lens.checks.claudette import CLAUDETTE, ClaudetteModel, load_model
from leverage_lens.training.claudette import strip_tags


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


def test_character_features_are_namespaced_apart_from_word_features():
    from leverage_lens.checks.claudette import char_features, features

    chars = char_features("We may", 3, 4)
    assert chars == ["# we", "#we ", "# we ", "# ma", "#may", "#ay ", "# may", "#may "]
    assert not set(chars) & set(features("We may"))


def test_word_and_character_blocks_are_normalised_separately():
    m = ClaudetteModel(idf={"arbitration": 1.0, "# arb": 1.0, "#arbi": 1.0}, weights={"a": {"arbitration": 1.0,
                       "# arb": 1.0}}, bias={"a": 0.0}, threshold={"a": 0.5}, char_ngrams=(4, 4))
    # word block: one feature, norm 1 -> 1.0; char block: " arb" and "arbi" of equal idf, norm sqrt(2)
    assert abs(m.scores("arbitration")["a"] - (1.0 + 1 / 2 ** 0.5)) < 1e-9
    assert ClaudetteModel.from_json(m.to_json()) == m


def test_headings_are_never_reported_but_short_list_items_are():
    from leverage_lens.checks.claudette import heading_like

    m = ClaudetteModel(idf={"liability": 1.0}, weights={"ltd": {"liability": 2.0}}, bias={"ltd": 0.0},
                       threshold={"ltd": 0.5}, min_tokens=6)
    assert heading_like("Limitation of Liability", 6) and m.predict("Limitation of Liability") == {}
    assert not heading_like("(a) loss of liability,", 6) and "ltd" in m.predict("(a) loss of liability,")


def test_lexglue_style_macro_counts_a_ninth_column_that_always_scores_one():
    from leverage_lens.training.claudette import sentence_f1

    truth = [{"a"}, {"ch"}, set(), set()]
    pred = [{"a"}, set(), set(), {"ch"}]
    got = sentence_f1(truth, pred)
    assert got["a"] == 1.0 and got["ch"] == 0.0 and got["macro"] == 1.0 / 8
    assert abs(got["lexglue"] - (1.0 + 1.0) / 9) < 1e-12
