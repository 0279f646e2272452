"""Which facts can be related, found without comparing every pair of facts.

The rules across facts (a measure and its part, a place and a place inside it, one group in two
places) need pairs of facts that hold the same figure, or a figure above another at one stage,
for places that are the same, nested or — for NK601 — apart. Pairing every fact with every
other is quadratic in the facts of a block; these indexes find the candidates by figure, by
the day a figure was stated and by place, so the work grows with the claims that meet, not
with the square of the facts. The rules still check every candidate exactly
(``scope._related``, ``places.nested``), and ``nested_rank`` and ``around_rank`` give the
findings a stable order by how the two facts' places relate."""
from __future__ import annotations

import math
from datetime import date
from collections import defaultdict
from typing import Iterable, Iterator, Optional

from nkcheck.compare.facts import Group
from nkcheck.normalize import containment as places


def simple(place: Optional[str]) -> bool:
    """A place of one part ("gn:2509954", "RU#east"); not none, not "SY+TR"."""
    return place is not None and "+" not in place.split("#", 1)[0]


def same_figures(facts: list[Group], figures_of) -> Iterator[tuple[Group, Group]]:
    """Pairs of different facts that hold claims whose intervals may overlap (``figures_of(f)``:
    the fact's claims with their intervals; vague amounts left out), each pair once, in the
    facts' order. The caller checks the figures exactly."""
    index = FigureIndex((iv, i) for i, f in enumerate(facts) for c, iv in figures_of(f) if c.bound != "vague")
    pairs: set[tuple[int, int]] = set()
    for i, f in enumerate(facts):
        for c, iv in figures_of(f):
            if c.bound != "vague":
                pairs.update((i, j) for j in index.near(iv) if j > i)
    for i, j in sorted(pairs):
        yield facts[i], facts[j]


# -- claims by figure and by day: candidates for the rules between a part and its whole -------

WIDE_BINS = 60  # an interval over more bins than this (three decades) is checked with every figure


def _bins(iv: tuple[float, float]) -> Optional[range]:
    """The figure bins an interval covers (``_bin``'s, about 12 % wide); None when it is open,
    reaches zero or spans more than ``WIDE_BINS``."""
    lo, hi = iv
    if lo <= 0 or hi == math.inf:
        return None
    b0, b1 = int(math.floor(math.log10(lo) * 20)), int(math.floor(math.log10(hi) * 20))
    return range(b0, b1 + 1) if b1 - b0 <= WIDE_BINS else None


class FigureIndex:
    """Items by the bins of their intervals: ``near(iv)`` holds every item whose interval may
    overlap ``iv`` (a superset; the caller checks the overlap exactly), each once, in the order
    the items were added."""

    def __init__(self, items: Iterable[tuple[tuple[float, float], object]]):
        self.bins: dict[int, list[int]] = defaultdict(list)
        self.wide: list[int] = []
        self.items: list = []
        for iv, item in items:
            i = len(self.items)
            self.items.append(item)
            span = _bins(iv)
            if span is None:
                self.wide.append(i)
            else:
                for b in span:
                    self.bins[b].append(i)

    def near(self, iv: tuple[float, float]) -> list:
        span = _bins(iv)
        if span is None:
            return list(self.items)
        found = set(self.wide)
        for b in span:
            found.update(self.bins.get(b, ()))
        return [self.items[i] for i in sorted(found)]


def day_number(c) -> Optional[int]:
    """The day a claim was stated, as a day number, when ``as_of`` gives the day."""
    day = (c.as_of or "").partition("T")[0]
    if len(day) != 10:
        return None
    try:
        return date.fromisoformat(day).toordinal()
    except ValueError:
        return None


def nested_rank(f1: Group, f2: Group) -> Optional[int]:
    """How ``f2``'s place relates to ``f1``'s, as a rank: the same place (or ``f1`` has none or
    several) 0, inside it 1, of several places 2, of none 3, around it 4, 5 … from the
    innermost; None when the places are apart. The facts' order decides ties."""
    p1, p2 = f1.key["place"], f2.key["place"]
    if not simple(p1):
        return 0
    if p2 == p1:
        return 0
    if p2 is None:
        return 3
    if not simple(p2):
        return 2
    if p1 in places.chain(p2)[1:]:
        return 1
    around = places.chain(p1)[1:]
    return 4 + around.index(p2) if p2 in around else None


def around_rank(f1: Group, f2: Group) -> Optional[int]:
    """How ``f2``'s place lies around ``f1``'s, as a rank: of several places (or ``f1``'s is) 0,
    around it 1, 2 … from the innermost; None when it does not lie around it or either has none."""
    p1, p2 = f1.key["place"], f2.key["place"]
    if p1 is None or p2 is None:
        return None
    if not simple(p1):
        return 0
    if not simple(p2):
        return 0
    around = places.chain(p1)[1:]
    return 1 + around.index(p2) if p2 in around else None
