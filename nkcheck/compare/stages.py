"""When figures were said, relative to each other: the stages of a running count.

A claim's ``as_of`` is a stamp ("Stand: Montag, 18 Uhr"), else its article's publication date,
else unknown. Two figures are of one stage when they were stated on the same day (the window of
breaking news) at no different clock time; otherwise the earlier one comes first. A figure whose
date is unknown cannot be ordered against another."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Optional

from nkcheck.compare.tolerance import Tolerances
from nkcheck.model import Claim

SAME, BEFORE, AFTER, UNORDERED = "same", "before", "after", "unordered"


def _parts(c: Claim) -> tuple[Optional[str], str, bool]:
    """(day or month, clock, exact day?) of a claim's as_of."""
    if not c.as_of:
        return None, "", False
    day, _, clock = c.as_of.partition("T")
    return (day or None), clock, len(day) == 10


def _days(a: str, b: str) -> int:
    return (date.fromisoformat(b) - date.fromisoformat(a)).days


def relation(a: Claim, b: Claim, tol: Tolerances, slow: bool = False) -> str:
    """How ``a`` was stated relative to ``b``: same stage, before, after, or unordered.

    The window of a stage is a day for counts that change by the day (a disaster's toll, a
    crowd), a week for ``slow`` ones (troops sent over a war's months); a figure known only to its
    month is unordered against another of that month."""
    da, ca, exact_a = _parts(a)
    db, cb, exact_b = _parts(b)
    if da is None or db is None:
        if not da and not db and ca and cb and ca != cb:
            return BEFORE if ca < cb else AFTER  # live-blog clock times of an undated page
        if a.phase == "start" and b.phase != "start" and (da == db):
            return BEFORE
        return UNORDERED
    if exact_a and exact_b:
        gap = _days(da, db)
        if abs(gap) >= (tol.slow_window_days if slow else tol.window_days):
            return BEFORE if gap > 0 else AFTER
        if ca and cb and ca != cb:
            return BEFORE if ca < cb else AFTER
        if (a.phase == "start") != (b.phase == "start"):
            return BEFORE if a.phase == "start" else AFTER
        if (a.phase == "risen") != (b.phase == "risen") and _rose(a, b):
            return AFTER if a.phase == "risen" else BEFORE  # "ist auf sieben gestiegen": after the 3
        return SAME
    # a month against a day or a month: ordered only when the months differ
    ma, mb = da[:7], db[:7]
    if ma != mb:
        return BEFORE if ma < mb else AFTER
    return UNORDERED


CLOSED_MIN_DAYS = 20  # a period this long or longer that ended before it was told of is history


def closed(c: Claim) -> Optional[tuple[date, date]]:
    """The period of a figure about a past stretch of time that was over when the figure was
    stated ("im vergangenen Oktober", "in November 2024", "last year", told months later): a fixed
    figure of history, not a stage of a running count. A day or a few (a disaster, a rally) is an
    occasion whose toll is still being counted, and "seit Oktober" runs on to the statement."""
    return _closed(c.time_start, c.time_end, c.as_of)


@lru_cache(maxsize=65536)
def _closed(start: Optional[str], end: Optional[str], as_of: Optional[str]) -> Optional[tuple[date, date]]:
    # read once per period and statement day: the rules ask it for every pair of a fact's claims
    if not (start and end and as_of):
        return None
    try:
        s, e = date.fromisoformat(start[:10]), date.fromisoformat(end[:10])
    except ValueError:
        return None
    if (e - s).days + 1 < CLOSED_MIN_DAYS or end[:7] >= as_of[:7]:
        return None
    return s, e


def earlier_stage(a: Claim, b: Claim) -> bool:
    """One figure tells of a past stretch that was over before the other was stated ("between
    10,000 and 12,000 sent last autumn", told in April), the other of the count as it stands: a
    running count's total at the end of that stretch is an earlier stage than today's total."""
    pa, pb = closed(a), closed(b)
    if (pa is None) == (pb is None):
        return False
    past, now = (a, b) if pa is not None else (b, a)
    return bool(now.as_of) and now.time_end is None and (past.time_end or "")[:7] < now.as_of[:7]


OVERLAP, APART = "overlap", "apart"


def periods(a: Claim, b: Claim) -> Optional[str]:
    """Whether two figures about past periods are about overlapping periods (one stretch of
    history told twice) or periods apart (October's and November's); None unless both are."""
    pa, pb = closed(a), closed(b)
    if pa is None or pb is None:
        return None
    return OVERLAP if pa[0] <= pb[1] and pb[0] <= pa[1] else APART


def _rose(a: Claim, b: Claim) -> bool:
    """Whether the figure said to have risen is the higher one."""
    risen, other = (a, b) if a.phase == "risen" else (b, a)
    return (risen.low or risen.high or 0) > (other.low or other.high or 0)


def orderable(c: Claim, slow: bool) -> bool:
    """Whether a claim's as_of places it in time well enough to order it: a day (a month will
    do for slow counts)."""
    day, _, _ = _parts(c)
    return bool(day) and (len(day) == 10 or slow)


def timeline(claims: list[Claim], tol: Tolerances, slow: bool, agree, infer: bool = True) -> list[list[Claim]]:
    """The stages of a running count in order. Claims whose as_of orders them come first, in
    stages of their window; a claim stated at an unknown time (or only a month) joins the stage
    whose figure it agrees with, else — for counts that only rise (``infer``) — the place its
    figure takes in the rising sequence; else it stays out."""
    dated = sorted((c for c in claims if orderable(c, slow)), key=lambda c: (c.as_of, c.doc, c.start))
    stage_list: list[list[Claim]] = []
    for c in dated:
        if stage_list and relation(stage_list[-1][0], c, tol, slow) == SAME:
            stage_list[-1].append(c)
        else:
            stage_list.append([c])

    def value(c: Claim) -> float:
        return float(c.low if c.low is not None else c.high or 0)
    floating = sorted((c for c in claims if not orderable(c, slow)), key=lambda c: (value(c), c.doc, c.start))
    for f in floating:
        homes = [s for s in stage_list if any(agree(f, x) for x in s)]
        if homes:
            homes[-1].append(f)
            continue
        if not infer:
            continue
        at = 0
        for i, s in enumerate(stage_list):
            if max(value(x) for x in s) < value(f):
                at = i + 1
        stage_list.insert(at, [f])
    return stage_list
