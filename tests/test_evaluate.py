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
