"""What makes two claims speak of the same fact: object, event, actor, place and time."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.model import Claim
from nkcheck.normalize.objects import ancestors, taxonomy  # noqa: F401 (used by the rules)

APPROX_TOLERANCE = 0.10   # "etwa 600" covers 540..660
EXACT_TOLERANCE = 0.01    # rounding in an exact figure
UP_TO_REACH = 0.4         # "bis zu 250.000" is an estimate near 250.000: 150.000..250.000


@lru_cache(maxsize=None)
def event_info() -> dict:
    return langdata.shared("events")["events"]


@lru_cache(maxsize=None)
def _components() -> dict[str, str]:
    """Objects linked by part-of edges share one component (killed, wounded, missing ...)."""
    parent = {o: o for o in taxonomy()}

    def find(o):
        while parent[o] != o:
            o = parent[o]
        return o
    for o, info in taxonomy().items():
        for b in info.get("broader", []):
            ra, rb = find(o), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {o: find(o) for o in taxonomy()}


def root(obj: Optional[str]) -> str:
    """The component of related objects an object belongs to: the blocking key."""
    if obj is None:
        return "?"
    return _components().get(obj, obj)


def family(event: Optional[str]) -> str:
    return event_info().get(event or "", {}).get("family", event or "?")


def _flag(event: Optional[str], name: str) -> bool:
    return bool(event_info().get(event or "", {}).get(name))


def additive(event: Optional[str]) -> bool:
    """Counts that add up over places (participants, casualties): one city is not the country."""
    return _flag(event, "additive")


def local(event: Optional[str]) -> bool:
    """Events that always happen in one place (a rally): unknown place is not a wildcard."""
    return _flag(event, "local")


def cumulative(event: Optional[str]) -> bool:
    """A running count that may rise over time (a toll, a crowd during the day)."""
    return _flag(event, "cumulative")


@lru_cache(maxsize=None)
def place_chain(place: str) -> tuple[str, ...]:
    ents = langdata.shared("entities")["entities"]
    out = [place]
    while place in ents and ents[place].get("parent"):
        place = ents[place]["parent"]
        out.append(place)
    return tuple(out)


def places_compatible(a: Claim, b: Claim) -> bool:
    """Same place, or one unknown, or one inside the other (Kursk lies in Russia) for facts that
    do not add up over places: soldiers sent to Russia may be the ones in Kursk, but a crowd or
    a toll in one city is never the country's total. Crowds (``local`` events) need their place
    on both sides: round-ups name many cities, and a crowd whose city is not said may be any."""
    if a.aggregate != b.aggregate:
        return False
    if a.place == b.place:
        return True
    if (a.place is None or b.place is None) and not (local(a.event) or local(b.event)):
        return True
    if a.place is None or b.place is None or additive(a.event) or additive(b.event):
        return False  # a crowd with no place may be any city's, or the country's
    return a.place in place_chain(b.place) or b.place in place_chain(a.place)


def actors_compatible(a: Claim, b: Claim) -> bool:
    """Same actor or one unknown; for rallies (``local`` events) the crowd's group must be the
    same on both sides: farmers' tractors and a rally against the far right are two events."""
    if local(a.event) or local(b.event):
        return a.actor == b.actor
    return a.actor is None or b.actor is None or a.actor == b.actor


def times_relation(a: Claim, b: Claim) -> str:
    """'same' when the periods overlap or one is unknown, 'different' when disjoint.

    Compares the ISO dates as strings (same order as the dates, and no parsing per pair)."""
    if not (a.time_start and a.time_end and b.time_start and b.time_end):
        return "same"
    return "same" if a.time_start <= b.time_end and b.time_start <= a.time_end else "different"


def setting(c: Claim) -> Optional[tuple[str, str]]:
    """The claim's own period, else the time its article is set (``time_hint``), as ISO dates
    (compared as strings, like ``times_relation``)."""
    if c.time_start and c.time_end:
        return c.time_start, c.time_end
    if c.time_hint:
        lo, _, hi = c.time_hint.partition("/")
        return lo, hi
    return None


def settings_overlap(a: Claim, b: Claim) -> bool:
    """False only when both claims are dated, at least by their articles, to disjoint times."""
    pa, pb = setting(a), setting(b)
    return pa is None or pb is None or (pa[0] <= pb[1] and pb[0] <= pa[1])


def interval(c: Claim) -> tuple[float, float]:
    """The claim's interval widened by the tolerance its hedge allows."""
    return _interval(c.low, c.high, c.approx and c.bound != "vague",
                     c.bound == "up_to" and c.high is not None and c.modality == "actual")


@lru_cache(maxsize=65536)
def _interval(low, high, approx: bool, near_top: bool = False) -> tuple[float, float]:
    lo = float(low) if low is not None else float("-inf")
    hi = float(high) if high is not None else float("inf")
    if near_top:
        # counting what happened, "as many as N" names a figure near N, not anything from 0
        # to N: whoever says "bis zu 250.000 kamen" does not mean "perhaps 20.000" ("bis zu
        # 30.000" still agrees with "25.000 bis 30.000"); for a plan it stays a ceiling
        lo = hi * (1 - UP_TO_REACH)
    tol = APPROX_TOLERANCE if approx else EXACT_TOLERANCE
    return lo - abs(lo) * tol if lo != float("-inf") else lo, hi + abs(hi) * tol if hi != float("inf") else hi


def values_overlap(a: Claim, b: Claim) -> bool:
    alo, ahi = interval(a)
    blo, bhi = interval(b)
    return alo <= bhi and blo <= ahi


def same_source(a: Claim, b: Claim) -> bool:
    if a.source_kind and a.source_kind == b.source_kind:
        return True
    return (a.source or "") == (b.source or "")


def fmt(v) -> str:
    if v is None:
        return "?"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}".replace(",", " ")
    return f"{int(v):,}".replace(",", " ")


def describe(c: Claim) -> str:
    """'about 600', '25 000–30 000', 'up to 30 000' in compact, language-neutral form."""
    return _describe(c.low, c.high, c.approx)


@lru_cache(maxsize=65536)
def _describe(low, high, approx: bool) -> str:
    if low is not None and high is not None and low != high:
        return f"{fmt(low)}–{fmt(high)}"
    if low is None:
        return f"≤ {fmt(high)}"
    if high is None:
        return f"≥ {fmt(low)}"
    return ("~" if approx else "") + fmt(low)
