"""When figures were said, relative to each other: the stages of a running count.

A claim's ``as_of`` is a stamp ("Stand: Montag, 18 Uhr"), else its article's publication date,
else unknown. Two figures are of one stage when they were stated on the same day (the window of
breaking news) at no different clock time; otherwise the earlier one comes first. A figure whose
date is unknown cannot be ordered against another."""
from __future__ import annotations

from datetime import date
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


def relation(a: Claim, b: Claim, tol: Tolerances) -> str:
    """How ``a`` was stated relative to ``b``: same stage, before, after, or unordered."""
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
        if abs(gap) >= tol.window_days:
            return BEFORE if gap > 0 else AFTER
        if ca and cb and ca != cb:
            return BEFORE if ca < cb else AFTER
        if (a.phase == "start") != (b.phase == "start"):
            return BEFORE if a.phase == "start" else AFTER
        return SAME
    # a month against a day or a month: ordered only when the months differ
    ma, mb = da[:7], db[:7]
    if ma != mb:
        return BEFORE if ma < mb else AFTER
    return SAME
