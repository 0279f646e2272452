"""Decide, for claims that speak of the same fact, whether the sources agree.

Claims are blocked by (broadest object, event family); only claims in one block are paired,
so the work grows with the block sizes, not with the square of all claims. Each pair gets
one verdict from the rules in ``compare/rules.py``; sums of parts are checked afterwards.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from nkcheck.compare import facts
from nkcheck.compare.rules import judge, sum_agreements
from nkcheck.model import Claim, Finding


def block_key(c: Claim) -> tuple:
    return (facts.root(c.object), facts.family(c.event), c.modality)


def comparable(a: Claim, b: Claim) -> bool:
    if a.doc == b.doc and facts.same_source(a, b):
        return False  # one article, one voice: not a cross-source comparison
    if a.object is None or b.object is None or a.event is None or b.event is None:
        return False
    if a.modality == "actual" and a.increment != b.increment and not facts.cumulative(a.event):
        return False  # "tausende weitere" is a new batch, not the earlier total
    if facts.times_relation(a, b) == "same" and not facts.settings_overlap(a, b):
        return False  # articles set months or years apart: not the same occasion
    return facts.actors_compatible(a, b) and facts.places_compatible(a, b)


def compare(claims: list[Claim]) -> list[Finding]:
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.object and c.event:
            blocks[block_key(c)].append(c)
    findings: list[Finding] = []
    sums = sum_agreements(blocks)
    covered = {frozenset((f.claims[0], p)) for f in sums for p in f.parts}
    for key in sorted(blocks):
        members = sorted(blocks[key], key=lambda c: (c.doc, c.start))
        for a, b in combinations(members, 2):
            if frozenset((a.id, b.id)) in covered or not comparable(a, b):
                continue
            f = judge(a, b)
            if f is not None:
                findings.append(f)
    findings += sums
    order = {"time": 0, "value": 1, "scope": 2, "update": 3, "sum": 4, "consistent": 5}
    findings.sort(key=lambda f: (order.get(f.kind, 9), f.fact, f.claims))
    for i, f in enumerate(findings, 1):
        f.id = f"F{i:03d}"
    return findings
