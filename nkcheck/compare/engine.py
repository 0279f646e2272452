"""Decide, for claims that speak of the same fact, whether the sources agree.

Claims are blocked by (broadest object, event family, modality); only claims in one block are
paired, so the work grows with the block sizes, not with the square of all claims. Each pair
gets one verdict from the rules in ``compare/rules.py``; sums of parts are checked afterwards.

A block larger than ``MAX_PAIRWISE`` claims (a monitoring desk's stream of protest turnouts,
not a review of a few articles on one story) is split further into sub-blocks ("cells") of one
place (the claim's, else the one its article names) and one week of publication, and a cell of
more than ``MAX_CELL`` claims pairs each claim with its ``WINDOW`` next ones in order of
publication. So the work and the number of findings stay near-linear in the number of claims;
in such large blocks a claim is no longer paired with claims of other places or weeks.

Blocks are independent: ``compare_block`` is what a distributed run (``nkcheck.distributed``)
calls per blocking key, and ``finish`` orders and numbers the findings the same way for every
engine.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from datetime import date
from itertools import combinations
from typing import Container, Iterable, Iterator, Mapping, Optional

from nkcheck.compare import facts
from nkcheck.compare.rules import judge, sum_agreements
from nkcheck.model import Claim, Finding

MAX_PAIRWISE = 200    # a block up to this size is compared pair by pair
MAX_CELL = 16         # in a huge block, a sub-block up to this size is compared pair by pair,
WINDOW = 8            # a larger one claim by claim with this many neighbours
KIND_ORDER = {"time": 0, "value": 1, "scope": 2, "update": 3, "sum": 4, "consistent": 5}


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


def blocks_of(claims: Iterable[Claim]) -> dict[tuple, list[Claim]]:
    blocks: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.object and c.event:
            blocks[block_key(c)].append(c)
    return blocks


def _week(iso: Optional[str]) -> tuple:
    """(year, ISO week) of an ISO date, a month ("2024-05") or a range's start; () if none."""
    day = (iso or "")[:10]
    day += "-01-01"[len(day) - 4:] if len(day) in (4, 7) else ""
    try:
        y, w, _ = date.fromisoformat(day).isocalendar()
    except ValueError:
        return ()
    return (y, w)


def _article_places(members: list[Claim]) -> dict[str, str]:
    """Per article, the place its claims in the block name most often (ties: first by name)."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for c in members:
        if c.place:
            counts[c.doc][c.place] += 1
    return {doc: min(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[0] for doc, cnt in counts.items()}


def sub_blocks(members: list[Claim], published: Mapping[str, Optional[str]]) -> list[list[Claim]]:
    """The block itself when it is small; else its claims by (aggregate, place, week): the
    claim's place or else the one its article names most often in the block, and the week
    the article was published (else the claim's own date)."""
    if len(members) <= MAX_PAIRWISE:
        return [members]
    places = _article_places(members)
    groups: dict[tuple, list[Claim]] = defaultdict(list)
    for c in members:
        place = c.place or places.get(c.doc) or ""
        groups[(c.aggregate, place, _week(published.get(c.doc) or c.time_start))].append(c)
    return [groups[k] for k in sorted(groups, key=repr)]


def _pairs(members: list[Claim], published: Mapping[str, Optional[str]], huge: bool) -> Iterator[tuple[Claim, Claim]]:
    """All pairs of a block; in a sub-block of a huge block larger than ``MAX_CELL``, each
    claim with its ``WINDOW`` next claims in order of publication, date and article."""
    if not huge or len(members) <= MAX_CELL:
        yield from combinations(members, 2)
        return
    ordered = sorted(members, key=lambda c: (published.get(c.doc) or "", c.time_start or "", c.doc, c.start))
    for i, a in enumerate(ordered):
        for b in ordered[i + 1:i + 1 + WINDOW]:
            yield (a, b) if (a.doc, a.start) <= (b.doc, b.start) else (b, a)


def compare_block(members: list[Claim], published: Optional[Mapping[str, Optional[str]]] = None,
                  focus: Optional[Container[str]] = None) -> list[Finding]:
    """All findings among the claims of one block (unordered, without ids); with ``focus``
    (document ids), only those that involve a claim of one of these documents."""
    published = published or {}
    subs = sub_blocks(members, published)
    huge = len(members) > MAX_PAIRWISE
    sums = sum_agreements({i: s for i, s in enumerate(subs)})
    covered = {frozenset((f.claims[0], p)) for f in sums for p in f.parts}
    findings: list[Finding] = []
    for sub in subs:
        for a, b in _pairs(sorted(sub, key=lambda c: (c.doc, c.start)), published, huge):
            if focus is not None and a.doc not in focus and b.doc not in focus:
                continue
            if covered and frozenset((a.id, b.id)) in covered:
                continue
            if not comparable(a, b):
                continue
            f = judge(a, b)
            if f is not None:
                findings.append(f)
    if focus is not None:
        doc_of = {c.id: c.doc for c in members}
        sums = [f for f in sums if any(doc_of[i] in focus for i in f.claims + f.parts)]
    return findings + sums


def finish(findings: list[Finding]) -> list[Finding]:
    """Order the findings (kind, fact, claims) and number them F001, F002 …"""
    findings.sort(key=lambda f: (KIND_ORDER.get(f.kind, 9), f.fact, f.claims))
    for i, f in enumerate(findings, 1):
        f.id = f"F{i:03d}"
    return findings


def compare(claims: list[Claim], published: Optional[Mapping[str, Optional[str]]] = None,
            focus: Optional[Container[str]] = None) -> list[Finding]:
    """Findings for the claims; ``published`` maps document ids to their publication dates
    (ISO), which place the claims of huge blocks in weeks. With ``focus`` (document ids: the
    new or changed articles of an incremental run) only the findings that involve them, the
    same as in a full run."""
    blocks = blocks_of(claims)
    findings: list[Finding] = []
    for key in sorted(blocks):
        members = blocks[key]
        if focus is None or any(c.doc in focus for c in members):
            findings += compare_block(members, published or {}, focus)
    return finish(findings)
