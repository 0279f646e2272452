"""Facts: the claims of all articles grouped by what they are about — one quantity of one measure
on one occasion.

A fact is keyed by its measure (the counted object), event family and modality, whether the
figure is a new batch ("weitere 3.000") or the total, the ordinal of its occasion ("das zweite
Beben"), its actor, its occasion and its place:

- actor: the claims' own or their article's (a crowd's group, a disaster's hazard, the country
  whose soldiers); a claim with none joins the fact most claims of its measure belong to, never all;
- occasion: for events that happen on a day (a rally, a disaster), the day — two days of a protest
  series, or two disasters, are two facts; a running story (troops sent over months) has one;
- place: for counts that add up over places (a toll, a crowd) the place itself — a town and its
  region are two facts, a part and its whole; for deployments and deliveries the country — soldiers
  sent to Kursk were sent to Russia;
- a part of a figure ("davon 500 Legionäre") is a fact of its own: it counts a subset of the
  figure before it that its words name, which another article's part need not be.

Inside a fact the claims are ordered by when they were stated (``as_of``).
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import cached_property
from datetime import date
from typing import Callable, Hashable, Optional

from nkcheck.compare import measures
from nkcheck.normalize import containment as places
from nkcheck.model import Claim

OCCASION_GAP_DAYS = 3  # occasions (a rally day, a disaster) more than this many days apart are two


@dataclass
class Group:
    """The claims of one fact, before verdicts."""

    key: dict
    claims: list[Claim] = field(default_factory=list)

    @cached_property
    def pairable(self) -> list[Claim]:
        """The claims to pair: an article that states one figure twice (headline and body) is
        one statement, its later mention (the body's) kept."""
        last: dict[tuple, Claim] = {}
        for c in self.claims:
            key = (c.doc, c.low, c.high, c.bound)
            held = last.get(key)
            if held is None or c.start >= held.start:  # the later in the article, whatever its stamp
                last[key] = c
        keep = {id(c) for c in last.values()}
        return [c for c in self.claims if id(c) in keep]


def day(iso: Optional[str]) -> Optional[date]:
    """The day of an ISO date or time; a month ("2025-04") is its first day."""
    if not iso:
        return None
    try:
        return date.fromisoformat(iso[:10]) if len(iso) >= 10 else date.fromisoformat(iso[:7] + "-01")
    except ValueError:
        return None


def stated(c: Claim) -> str:
    """A sortable "when it was said": the as_of stamp, "~" (last) when unknown."""
    return c.as_of or "~"


def base_key(c: Claim) -> Optional[tuple]:
    """What must be the same for two claims to be one fact, before actor, occasion and place."""
    if c.object is None or c.event is None or measures.family(c.event) == "count":
        return None
    # a part of another figure ("davon 1500") is not the figure: it is its own fact
    # the first occasion and the one no ordinal numbers are one ("the quake of 7.8", "the first quake")
    ordinal = c.ordinal if c.ordinal and c.ordinal > 1 else None
    # a new batch ("weitere 800") and a part of a figure ("davon 500 Legionäre") are neither the
    # total nor each other: "batch", "part" or none
    portion = "batch" if c.increment else "part" if c.part_of is not None else None
    return (c.object, measures.family(c.event), c.modality, portion, ordinal)


def _partition(items: list[Claim], key: Callable[[Claim], Optional[Hashable]], join: bool = True) -> list[list[Claim]]:
    """Split by a key; claims without one join the largest part (its measure's main fact) when
    ``join``, else stay with their own article's (a crowd whose city no one names is no other
    city's crowd); with no part to join, they form their own."""
    parts: dict[Hashable, list[Claim]] = defaultdict(list)
    unknown: list[Claim] = []
    for c in items:
        k = key(c)
        (unknown if k is None else parts[k]).append(c)
    if not parts:
        return [unknown] if unknown else []
    if unknown and join:
        main = max(sorted(parts, key=repr), key=lambda k: len(parts[k]))
        parts[main].extend(unknown)
    elif unknown:
        for c in unknown:
            parts[("?", c.doc)].append(c)
    return [parts[k] for k in sorted(parts, key=repr)]


def occasion_day(start: Optional[str], end: Optional[str]) -> Optional[date]:
    """The first day of a period that dates an occasion: a day, or a few (not "im Januar")."""
    s, e = day(start), day(end) or day(start)
    return s if s and e and (e - s).days <= OCCASION_GAP_DAYS else None


def _short(c: Claim) -> bool:
    return occasion_day(c.time_start, c.time_end) is not None


def _occasions(items: list[Claim]) -> list[list[Claim]]:
    """Split by occasion day for events that have one: periods within a few days of each other are
    one occasion; claims with no date join the main one."""
    if not any(measures.family_flag(c.event, "occasion") for c in items):
        return [items]
    dated = sorted((c for c in items if _short(c)), key=lambda c: (c.time_start, c.time_end or ""))
    clusters: list[list[Claim]] = []
    end: Optional[date] = None
    for c in dated:
        s, e = day(c.time_start), day(c.time_end) or day(c.time_start)
        if clusters and end is not None and (s - end).days <= OCCASION_GAP_DAYS and \
                (not measures.local(c.event) or s <= end):
            clusters[-1].append(c)
            end = max(end, e)
        else:
            clusters.append([c])
            end = e
    undated = [c for c in items if not _short(c)]
    if not undated:
        return clusters
    if not any(measures.local(c.event) for c in items):
        if not clusters:
            return [undated]
        max(clusters, key=len).extend(undated)  # a toll with no date: the disaster's main occasion
        return clusters
    # a crowd with no day of its own joins the one occasion of its place in the days before its
    # article was published; where none or several fit, it stays with its own article's claims
    # ("last week, police counted 28,000" in an undated report is another occasion than its own)
    # A crowd counted over a stretch longer than an occasion ("seit dem 8. November hätten sich
    # 250.000 an Kundgebungen beteiligt", "im Januar gingen 1,4 Millionen auf die Straße") is a
    # total over that stretch's occasions: the figures of that stretch go together, none of one day.
    own: dict[tuple[str, str, str], list[Claim]] = defaultdict(list)
    for c in undated:
        if c.time_start and measures.local(c.event):
            own[("period", c.time_start, c.time_end or "")].append(c)
            continue
        said = day(c.as_of) if c.as_of and len(c.as_of) >= 10 else None
        fits = [cl for cl in clusters if any(_told_of(said, day(x.time_start)) for x in cl)]
        if len(fits) == 1 and c.phase != "earlier":
            fits[0].append(c)
        else:
            own[("article", c.doc, "earlier" if c.phase == "earlier" else "")].append(c)
    return clusters + [own[d] for d in sorted(own)]


TOLD_DAYS = 7  # a report tells of an occasion of the week before it (a Tuesday's round-up of Friday's rally)


def _told_of(said: Optional[date], on: Optional[date]) -> bool:
    """Whether an occasion ``on`` a day can be what a figure stated on day ``said`` tells of:
    the week before it was stated (the caller takes the occasion only when one alone fits). A
    figure of an article known only to its month (``said`` is None) could tell of an occasion
    the corpus does not date (the Monday before the one it knows), so of none for sure."""
    return on is not None and said is not None and 0 <= (said - on).days <= TOLD_DAYS


def _place_key(c: Claim) -> Optional[str]:
    if c.place is None or measures.fixed(c.object):
        return None  # a quake's magnitude is the quake's, wherever it is said to have struck
    if measures.local(c.event):
        return c.place  # a crowd in Valencia is the city's
    if measures.additive(c.event):
        return places.namesake_region(c.place) or c.place  # a toll "in Kursk" is the region's
    return places.country(c.place)  # soldiers sent to Kursk were sent to Russia


def group(members: list[Claim]) -> tuple[list[Group], list[Claim]]:
    """The facts among one block's claims, and the claims that belong to none."""
    base: dict[tuple, list[Claim]] = defaultdict(list)
    loose: list[Claim] = []
    for c in members:
        k = base_key(c)
        (loose if k is None else base[k]).append(c)
    out: list[Group] = []
    for k in sorted(base, key=repr):
        # a part of a figure ("davon rund 500 Angehörige der Fremdenlegion", "of them 300 mountain
        # infantry") counts a subset its own words name: no other part is of the same subset
        chunks = [[c] for c in base[k]] if k[3] == "part" else [base[k]]
        for by_actor in (p for chunk in chunks for p in _partition(chunk, lambda c: c.actor)):
            if any(measures.local(c.event) for c in by_actor):
                # a crowd is of its place first, then of its day there
                parts = [o for p in _partition(by_actor, _place_key, join=False) for o in _occasions(p)]
            else:
                parts = [p for o in _occasions(by_actor) for p in _partition(o, _place_key)]
            for part in parts:
                claims = sorted(part, key=lambda c: (stated(c), c.doc, c.start))
                first = claims[0]
                key = {"object": k[0], "family": k[1], "modality": k[2], "increment": k[3], "ordinal": k[4],
                       "actor": next((c.actor for c in claims if c.actor), None),
                       "place": _common_place(claims),
                       "occasion": _occasion_of(claims), "event": first.event}
                out.append(Group(key, claims))
    return out, loose


def _common_place(claims: list[Claim]) -> Optional[str]:
    known = [c.place for c in claims if c.place]
    if not known:
        return None
    counts: dict[str, int] = defaultdict(int)
    for p in known:
        counts[p] += 1
    return max(sorted(counts), key=lambda p: counts[p])


def _occasion_of(claims: list[Claim]) -> Optional[str]:
    days = sorted({c.time_start for c in claims if _short(c) and measures.family_flag(c.event, "occasion")})
    return days[0] if days else None
