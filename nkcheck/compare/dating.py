"""When an undated report's figures were stated: the date of the dated report it retells.

Aggregators, mirrors and translations often carry a report without its date. When an article
whose figures have no ``as_of`` gives at least ``MIN_SHARED`` of the same figures as one dated
article (the same measure and event, the same figure, large enough and rare enough in the corpus
to tell one statement from another), it retells that article's statements: its figures were stated when that article's
were. Their ``as_of`` becomes that article's, marked ``as_of_source = "estimated"`` ("(est.)" in
the report). Where two dated articles share as many figures and were stated more than a week
apart, the undated one stays undated.

The estimate is computed over the whole corpus before it is split into blocks, so a run on a
few changed articles and a distributed run date the same claims the same way.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Iterable

from nkcheck.compare import measures
from nkcheck.compare.facts import day
from nkcheck.model import Claim

MIN_SHARED = 2     # distinct figures two articles must share to be one statement's retellings
MIN_FIGURE = 100   # smaller figures (two generals, 30 tanks) are too common to identify a statement
MAX_REPEATS = 3    # a figure more dated articles repeat than this (the story's best-known figure) tells none apart
MAX_SPREAD_DAYS = 7  # equally good dated matches further apart than this leave the date open


def _signature(c: Claim):
    """What must be the same for two figures to be one statement's: the measure's root (a
    retelling may call the dead of a toll "Verluste"), event family, modality and the figure."""
    if c.object is None or c.event is None or c.low is None:
        return None
    if max(abs(c.low), abs(c.high or 0)) < MIN_FIGURE:
        return None
    return (measures.root(c.object), measures.family(c.event), c.modality, c.low, c.high)


def estimates(claims: Iterable[Claim]) -> dict[str, str]:
    """claim id -> the ``as_of`` its undated article is estimated to share with a dated one."""
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    dated_sigs: dict[tuple, list[Claim]] = defaultdict(list)
    for c in claims:
        by_doc[c.doc].append(c)
        sig = _signature(c)
        if sig is not None and c.as_of and c.as_of_source != "estimated":
            dated_sigs[sig].append(c)
    for sig in [s for s, cs in dated_sigs.items() if len({c.doc for c in cs}) > MAX_REPEATS]:
        del dated_sigs[sig]
    out: dict[str, str] = {}
    for doc in sorted(by_doc):
        undated = [c for c in by_doc[doc] if not c.as_of]
        if not undated:
            continue
        shared: dict[str, set] = defaultdict(set)   # dated doc -> signatures it shares with this one
        stated: dict[str, Counter] = defaultdict(Counter)  # dated doc -> as_of of the shared figures
        for c in by_doc[doc]:
            sig = _signature(c)
            for d in dated_sigs.get(sig, ()) if sig is not None else ():
                if d.doc != doc:
                    shared[d.doc].add(sig)
                    stated[d.doc][d.as_of[:10]] += 1
        best = max((len(s) for s in shared.values()), default=0)
        if best < MIN_SHARED:
            continue
        tops = sorted(d for d, s in shared.items() if len(s) == best)
        whens = [max(sorted(stated[d]), key=lambda k: stated[d][k]) for d in tops]
        days = [x for x in (day(w) for w in whens) if x is not None]
        if len(days) != len(whens) or (max(days) - min(days)).days > MAX_SPREAD_DAYS:
            continue
        when = min(whens)
        for c in undated:
            out[c.id] = when
    return out


def apply(claims: Iterable[Claim], found: dict[str, str]) -> None:
    """Give the claims the estimated ``as_of``."""
    for c in claims:
        if not c.as_of and c.id in found:
            c.as_of, c.as_of_source = found[c.id], "estimated"
