"""The days that feasts and holidays name ("an Ostern", "zu Silvester", "am ersten Advent",
"on Thanksgiving"), in a given year.

Which feasts there are and how each is reckoned is language data (``holidays`` in
``lang/<lang>/time.yaml``); this module only knows the reckonings: a fixed day of the year,
days counted from Easter Sunday (``dateutil.easter``, the Gregorian computus), the nth
weekday of a month, and a weekday before a fixed day (Advent Sundays, Buß- und Bettag).
"""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from typing import Optional

from dateutil.easter import easter


def _fixed(year: int, mmdd: str) -> date:
    month, day = (int(x) for x in mmdd.split("-"))
    return date(year, month, day)


def _nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The nth weekday (Monday 0) of a month; n = -1 is the last one."""
    if n > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = date(year, month, calendar.monthrange(year, month)[1])
    return last - timedelta(days=(last.weekday() - weekday) % 7 + 7 * (-n - 1))


def _weekday_before(year: int, mmdd: str, weekday: int) -> date:
    """The last given weekday strictly before a fixed day (the fourth Advent Sunday is the
    Sunday before 25 December)."""
    d = _fixed(year, mmdd) - timedelta(days=1)
    return d - timedelta(days=(d.weekday() - weekday) % 7)


def feast_days(rule: dict, year: int) -> Optional[tuple[date, date]]:
    """First and last day of a feast in a year, by its rule from the language data."""
    shift = timedelta(days=int(rule.get("days", 0)))
    if "date" in rule:
        spec = rule["date"]
        a, b = (spec, spec) if isinstance(spec, str) else spec
        start, end = _fixed(year, a), _fixed(year, b)
    elif "easter" in rule:
        spec = rule["easter"]
        a, b = (spec, spec) if isinstance(spec, int) else spec
        sunday = easter(year)
        start, end = sunday + timedelta(days=a), sunday + timedelta(days=b)
    elif "nth_weekday" in rule:
        month, weekday, n = rule["nth_weekday"]
        start = end = _nth_weekday(year, month, weekday, n)
    elif "weekday_before" in rule:
        mmdd, weekday = rule["weekday_before"]
        start = end = _weekday_before(year, mmdd, weekday)
    else:
        return None
    return start + shift, end + shift
