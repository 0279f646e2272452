"""`nkcheck eval` measures: a small gold file and hand-made results with known scores."""
from __future__ import annotations

from pathlib import Path

import pytest

from nkcheck.evaluate import GoldError, evaluate

TEXT_A = "Die Polizei zählte 5000 Teilnehmer. Die Veranstalter sprachen von 9000 Menschen.\n"
TEXT_B = "In Köln kamen etwa 5000 Menschen zusammen.\n"
GOLD = {
    "documents": {"a": "a.txt", "b": "b.txt"},
    "claims": [
        {"id": "a_police", "doc": "a", "quote": "zählte 5000", "text": "5000", "low": 5000, "high": 5000},
        {"id": "a_org", "doc": "a", "quote": "von 9000", "text": "9000", "low": 9000, "high": 9000},
        {"id": "b_cologne", "doc": "b", "quote": "etwa 5000", "text": "5000", "low": 5000, "high": 5000,
         "approx": True},
    ],
    "conflicts": [{"id": "K1", "kind": "value", "pairs": [["a_police", "a_org"]]}],
    "traps": [{"pair": ["a_police", "b_cologne"]}],
}


def claim(cid, doc, text, needle, low, high):
    start = text.index(needle)
    return {"id": cid, "doc": doc, "start": start, "end": start + len(needle), "text": needle,
            "low": low, "high": high}


@pytest.fixture()
def docs(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(TEXT_A, encoding="utf-8")
    (tmp_path / "b.txt").write_text(TEXT_B, encoding="utf-8")
    return tmp_path


def result(claims, conflicts=(), agreements=()):
    return {"documents": [{"id": "a.txt", "path": "x/a.txt"}, {"id": "b.txt", "path": "x/b.txt"}],
            "claims": list(claims), "conflicts": list(conflicts), "agreements": list(agreements)}


def test_perfect_result_scores_full(docs):
    claims = [claim("p1", "a.txt", TEXT_A, "5000", 5000, 5000), claim("p2", "a.txt", TEXT_A, "9000", 9000, 9000),
              claim("p3", "b.txt", TEXT_B, "5000", 5000, 5000)]
    ev = evaluate(GOLD, docs, result(claims, [{"kind": "value", "claims": ["p1", "p2"]}]))
    assert (ev.claim_recall, ev.claim_precision, ev.value_accuracy) == (1.0, 1.0, 1.0)
    assert (ev.conflicts_found, ev.conflicts_total, ev.kinds_ok) == (1, 1, True)
    assert ev.per_kind == {"value": (1, 1)}
    assert not ev.false_conflicts and not ev.trap_hits


def test_misses_wrong_values_traps_and_wrong_kinds_are_counted(docs):
    claims = [claim("p1", "a.txt", TEXT_A, "5000", 5000, 5000), claim("p2", "a.txt", TEXT_A, "9000", 900, 900),
              claim("p3", "b.txt", TEXT_B, "5000", 4000, 4000), claim("x", "a.txt", TEXT_A, "Polizei", 1, 1)]
    conflicts = [{"kind": "time", "claims": ["p1", "p2"]}, {"kind": "value", "claims": ["p1", "p3"]}]
    ev = evaluate(GOLD, docs, result(claims, conflicts))
    assert ev.claim_precision == 0.75 and ev.claim_recall == 1.0
    assert ev.value_accuracy == pytest.approx(1 / 3)  # 900 and 4000 are wrong
    assert ev.kinds_ok is False  # K1 found as time only
    assert len(ev.trap_hits) == 1 and not ev.false_conflicts


def test_missing_claims_lower_recall(docs):
    ev = evaluate(GOLD, docs, result([claim("p1", "a.txt", TEXT_A, "5000", 5000, 5000)]))
    assert ev.claim_recall == pytest.approx(1 / 3)
    assert ev.conflicts_found == 0 and [m.split(":")[0] for m in ev.missed_claims] == ["a_org", "b_cologne"]


def test_quote_not_in_document_is_a_gold_error(docs):
    bad = dict(GOLD, claims=[{"id": "z", "doc": "a", "quote": "nicht da", "text": "da", "low": 1, "high": 1}])
    with pytest.raises(GoldError):
        evaluate(bad, docs, result([]))


# -- counted as ../shared/tools/score.py counts: per pair, echoes, reviewer items ---------------

TEXT_C = "Laut Veranstaltern kamen 5000 Teilnehmer.\n"
ECHO_GOLD = dict(GOLD, documents={"a": "a.txt", "b": "b.txt", "c": "c.txt"},
                 claims=GOLD["claims"] + [{"id": "c_org", "doc": "c", "quote": "kamen 5000", "text": "5000",
                                           "low": 5000, "high": 5000}],
                 agreements=[{"claims": ["a_police", "c_org"]}], traps=[])


def test_a_pair_through_an_agreeing_report_is_an_echo_of_the_gold_pair(docs):
    (docs / "c.txt").write_text(TEXT_C, encoding="utf-8")
    claims = [claim("p2", "a.txt", TEXT_A, "9000", 9000, 9000), claim("p4", "c.txt", TEXT_C, "5000", 5000, 5000)]
    res = result(claims, [{"kind": "value", "claims": ["p4", "p2"], "pairs": [["p4", "p2", "value"]]}])
    res["documents"].append({"id": "c.txt", "path": "x/c.txt"})
    ev = evaluate(ECHO_GOLD, docs, res)
    assert ev.conflicts_found == 1 and ev.right_pairs == 1 and ev.pair_precision == 1.0


def test_asserted_pairs_are_judged_one_by_one(docs):
    claims = [claim("p1", "a.txt", TEXT_A, "5000", 5000, 5000), claim("p2", "a.txt", TEXT_A, "9000", 9000, 9000),
              claim("p3", "b.txt", TEXT_B, "5000", 5000, 5000)]
    conflicts = [{"kind": "value", "claims": ["p1", "p2", "p3"], "pairs": [["p1", "p2"], ["p2", "p3"]]}]
    ev = evaluate(GOLD, docs, result(claims, conflicts))
    assert ev.right_pairs == 1 and len(ev.false_conflicts) == 1 and not ev.trap_hits  # p1-p3 not asserted
    assert ev.pair_precision == 0.5


def test_reviewer_items_are_the_facts_with_a_conflict_verdict(docs):
    res = result([])
    res["facts"] = [{"id": "F1", "verdict": "value"}, {"id": "F2", "verdict": "update"},
                    {"id": "F3", "verdict": "agreement"}, {"id": "F4", "verdict": "single"}]
    assert evaluate(GOLD, docs, res).reviewer_items == 2
    assert evaluate(GOLD, docs, result([], [{"kind": "value", "claims": []}] * 3)).reviewer_items == 3


# -- nkcheck eval --slots ------------------------------------------------------------------

SLOT_TEXT = "Am Montag sagte die Polizei, 5000 Landwirte seien in Berlin gewesen. Stand: 18 Uhr.\n"
SLOT_GOLD = {
    "documents": {"s": "s.txt"},
    "claims": [{"id": "s1", "doc": "s", "quote": "5000 Landwirte", "text": "5000", "low": 5000, "high": 5000,
                "object": "participants", "event": "attended", "actor": "farmers", "place": "berlin",
                "time": "2024-01", "as_of": "2024-01-15T18:00", "source": "Polizei (Sprecherin)"}],
}


def slot_result(**slots):
    start = SLOT_TEXT.index("5000")
    c = {"id": "p", "doc": "s.txt", "start": start, "end": start + 4, "text": "5000", "low": 5000, "high": 5000,
         "object": "participants", "event": "attended", "modality": "actual", "actor": "farmers",
         "place": "gn:2950159", "time_start": "2024-01-15", "time_end": "2024-01-15",
         "as_of": "2024-01-15T18:00", "source": "die Polizei", "source_kind": "police"}
    c.update(slots)
    return {"documents": [{"id": "s.txt", "path": "s.txt"}], "claims": [c], "conflicts": []}


@pytest.fixture()
def slot_docs(tmp_path: Path) -> Path:
    (tmp_path / "s.txt").write_text(SLOT_TEXT, encoding="utf-8")
    return tmp_path


def _accuracies(slot_docs, **slots):
    from nkcheck.evaluate_slots import evaluate_slots
    return {k: v.accuracy for k, v in evaluate_slots(SLOT_GOLD, slot_docs, slot_result(**slots)).items()}


def test_slots_all_right(slot_docs):
    assert set(_accuracies(slot_docs).values()) == {1.0}


@pytest.mark.parametrize("slot,value,wrong", [
    ("object", {"object": "persons"}, "object"),
    ("event family", {"event": "killed"}, "event"),
    ("modality", {"modality": "intended"}, "event"),
    ("actor", {"actor": "DE"}, "actor"),
    ("place coarser", {"place": "DE"}, "place"),
    ("time outside", {"time_start": "2024-02-01", "time_end": "2024-02-01"}, "time"),
    ("time too wide", {"time_start": "2023-12-01", "time_end": "2024-01-31"}, "time"),
    ("as_of other clock", {"as_of": "2024-01-15T13:07"}, "as_of"),
    ("as_of missing", {"as_of": None}, "as_of"),
    ("source other kind", {"source": "die Veranstalter", "source_kind": "organisers"}, "source"),
    ("source missing", {"source": None, "source_kind": None}, "source"),
])
def test_each_slot_rule_can_fail(slot_docs, slot, value, wrong):
    acc = _accuracies(slot_docs, **value)
    assert acc[wrong] == 0.0, slot
    assert all(v == 1.0 for k, v in acc.items() if k != wrong), slot


def test_a_gold_value_the_mapping_does_not_know_counts_as_wrong(slot_docs):
    from nkcheck.evaluate_slots import evaluate_slots
    gold = {**SLOT_GOLD, "claims": [dict(SLOT_GOLD["claims"][0], object="llamas")]}
    scores = evaluate_slots(gold, slot_docs, slot_result())
    assert (scores["object"].right, scores["object"].total) == (0, 1)


def test_slot_lines_have_the_documented_form(slot_docs):
    from nkcheck.evaluate_slots import evaluate_slots, render_slots
    lines = render_slots(evaluate_slots(SLOT_GOLD, slot_docs, slot_result(object="persons"))).splitlines()
    assert lines[0] == "slot object  0.00 (0/1)" and lines[1] == "slot event   1.00 (1/1)"
