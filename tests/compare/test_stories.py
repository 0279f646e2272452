"""Whole small stories, written for these tests, checked end to end: what a user sees."""
from __future__ import annotations

from pathlib import Path

from nkcheck.compare import compare
from nkcheck.extract import extract_documents

STORIES = Path(__file__).resolve().parent.parent / "fixtures" / "stories"


def test_warehouse_fire_toll_rising_overnight_is_an_update_and_the_damage_figures_conflict():
    """Three reports of a warehouse fire (German and English): firefighters and residents are
    no casualties, three injured rising to seven ("ist auf sieben gestiegen") is an update,
    not a contradiction, and the police's damage estimate (at least 2 million euros) against
    the owner's (5 million) is a value conflict."""
    result = extract_documents([str(STORIES / "warehouse-fire")])
    assert not result.problems
    by_text = {c.text: c for c in result.claims}
    for helper in ("120", "Around 120", "200"):
        if helper in by_text:
            assert by_text[helper].object in ("firefighters", "residents", "evacuated"), by_text[helper]
    assert not any(c.object in ("wounded", "killed") and c.low in (120, 200) for c in result.claims)
    comparison = compare(result.claims)
    kinds = [(f.kind, f.summary) for f in comparison.findings]
    by_id = {c.id: c for c in result.claims}
    value = [f for f in comparison.findings if f.kind == "value"]
    assert len(value) == 1 and {by_id[i].object for i in value[0].claims} == {"damage"}, kinds
    updates = [f for f in comparison.findings if f.kind == "update"]
    assert updates and {by_id[i].object for f in updates for i in f.claims} == {"wounded"}
