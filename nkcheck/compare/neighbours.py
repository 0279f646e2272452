"""Which facts can be related, found without comparing every pair of facts.

The rules across facts (a measure and its part, a place and a place inside it, one group in two
places) need pairs of facts whose places are the same, nested, or — for NK601 — apart. Pairing
every fact with every other is quadratic in the facts of a block; these indexes find the
candidates by place and by figure, so the work grows with the facts, not with their square.
The rules still check every candidate exactly (``scope._related``, ``places.nested``)."""
from __future__ import annotations

import math
from datetime import date
from collections import defaultdict
from typing import Iterable, Iterator, Optional

from nkcheck.compare.facts import Group
from nkcheck.compare.tolerance import point
from nkcheck.normalize import containment as places


def simple(place: Optional[str]) -> bool:
    """A place of one part ("gn:2509954", "RU#east"); not none, not "SY+TR"."""
    return place is not None and "+" not in place.split("#", 1)[0]


class PlaceIndex:
    """Facts by their place: those at a place, those inside it, those of several places
    ("SY+TR", checked with every fact) and those with no place."""

    def __init__(self, facts: Iterable[Group]):
        self.all: list[Group] = list(facts)
        self.at: dict[str, list[Group]] = defaultdict(list)
        self.inside: dict[str, list[Group]] = defaultdict(list)
        self.wild: list[Group] = []
        self.nowhere: list[Group] = []
        for f in self.all:
            p = f.key["place"]
            if p is None:
                self.nowhere.append(f)
                continue
            if not simple(p):
                self.wild.append(f)
                continue
            self.at[p].append(f)
            for q in places.chain(p)[1:]:
                self.inside[q].append(f)

    def nested(self, f: Group) -> list[Group]:
        """The facts whose place is the same as, inside or around ``f``'s (or unknown)."""
        p = f.key["place"]
        if not simple(p):
            return self.all
        out = self.at.get(p, []) + self.inside.get(p, []) + self.wild + self.nowhere
        for q in places.chain(p)[1:]:
            out = out + self.at.get(q, [])
        return out

    def around(self, f: Group) -> list[Group]:
        """The facts at a place that contains ``f``'s, and those of several places (to check);
        none for a fact with no place."""
        p = f.key["place"]
        if p is None:
            return []
        if not simple(p):
            return [g for g in self.all if g.key["place"] is not None]
        out = list(self.wild)
        for q in places.chain(p)[1:]:
            out += self.at.get(q, [])
        return out


def _bin(c) -> Optional[int]:
    v = point(c)
    if v is None or v <= 0:
        return None
    return int(math.floor(math.log10(v) * 20))  # about 12 % wide


def same_figures(facts: list[Group]) -> Iterator[tuple[Group, Group]]:
    """Pairs of different facts that hold claims of about the same figure (in the same or a
    neighbouring bin), each pair once, in a stable order."""
    bins: dict[int, list[tuple[int, Group]]] = defaultdict(list)
    for i, f in enumerate(facts):
        for b in {_bin(c) for c in f.pairable} - {None}:
            bins[b].append((i, f))
    seen: set[tuple[int, int]] = set()
    for b in sorted(bins):
        mine = bins[b]
        for i, f1 in mine:
            for j, f2 in mine + bins.get(b + 1, []):
                if i < j and (i, j) not in seen:
                    seen.add((i, j))
                elif j < i and (j, i) not in seen:
                    seen.add((j, i))
                else:
                    continue
                yield (f1, f2) if i < j else (f2, f1)


def measure_pairs(facts: list[Group], ancestors) -> Iterator[tuple[Group, Group]]:
    """(part, whole): facts whose measures are part and whole (``ancestors(part object)`` holds
    the whole's) and whose places are the same, nested or unknown."""
    by_obj: dict[str, list[Group]] = defaultdict(list)
    for f in facts:
        by_obj[f.key["object"]].append(f)
    index = {o: PlaceIndex(fs) for o, fs in by_obj.items()}
    for f1 in facts:
        for anc in ancestors(f1.key["object"]):
            if anc in index:
                for f2 in index[anc].nested(f1):
                    if f2 is not f1:
                        yield f1, f2


def place_pairs(facts: list[Group]) -> Iterator[tuple[Group, Group]]:
    """Facts of one measure whose places may nest (one around the other), each pair once."""
    by_obj: dict[str, list[Group]] = defaultdict(list)
    for f in facts:
        by_obj[f.key["object"]].append(f)
    seen: set[tuple[int, int]] = set()
    for fs in by_obj.values():
        index = PlaceIndex(fs)
        for f1 in fs:
            for f2 in index.around(f1):
                key = (min(id(f1), id(f2)), max(id(f1), id(f2)))
                if f2 is not f1 and key not in seen:
                    seen.add(key)
                    yield f1, f2


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
    """Where ``f2`` comes in ``PlaceIndex.nested(f1)`` (at the place, inside it, of several
    places, of none, then around it from the innermost), None when it is not there; the order
    of the facts' lists decides ties."""
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
    """Where ``f2`` comes in ``PlaceIndex.around(f1)`` (of several places, then around ``f1``'s
    place from the innermost), None when it is not there."""
    p1, p2 = f1.key["place"], f2.key["place"]
    if p1 is None or p2 is None:
        return None
    if not simple(p1):
        return 0
    if not simple(p2):
        return 0
    around = places.chain(p1)[1:]
    return 1 + around.index(p2) if p2 in around else None
