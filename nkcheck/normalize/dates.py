"""Resolve time expressions to periods against the article's publication date.

The patterns in ``extract/times.py`` decide what a span is (a month, a season, "in den
kommenden Monaten"); this module turns it into a ``Period`` at that granularity. Day and
month names are resolved against the article date, never today (as dateparser does with
``RELATIVE_BASE``, which ``_dateparser`` keeps as the reference the fast path is tested against).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Optional

import dateparser

from nkcheck import lang as langdata
from nkcheck.extract.times import TimeMatch
from nkcheck.normalize.feasts import feast_days
from nkcheck.model import Period


def month_period(y: int, m: int) -> Period:
    return Period(date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]), "month")


def add_months(d: date, n: int) -> date:
    y, m = divmod(d.month - 1 + n, 12)
    y += d.year
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


def day_month_near(day: int, month: int, base: date, prefer: str) -> Optional[date]:
    """The date of a day and month written without a year: the latest one on or before the
    base ("past"), or the first one after it ("future"); 29 February moves on to the nearest
    leap year. Gives what ``_dateparser`` gives for these spans (tests/normalize checks it on
    a sample) at a fraction of its cost: dateparser was a quarter of the extraction time."""
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    step = -1 if prefer == "past" else 1
    y = base.year
    for _ in range(9):
        try:
            d = date(y, month, day)
        except ValueError:
            if (month, day) != (2, 29):
                return None
            y += step
            continue
        if d > base if prefer == "past" else d <= base:
            y += step
            continue
        return d
    return None


@lru_cache(maxsize=4096)
def _dateparser(text: str, lang: str, base: date, prefer: str) -> Optional[date]:
    settings = {
        "RELATIVE_BASE": datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": prefer,
        "PREFER_DAY_OF_MONTH": "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    res = dateparser.parse(text, languages=[lang], settings=settings)
    return res.date() if res else None


class DateResolver:
    def __init__(self, lang: str):
        self.lang = lang
        d = langdata.load(lang, "time")
        self.months = {k.lower(): v for k, v in d["months"].items()}
        self.seasons = {k.lower(): v for k, v in d["seasons"].items()}
        self.weekdays = {k.lower(): v for k, v in d["weekdays"].items()}
        self.sides = {k.lower(): v for k, v in (d.get("side_words") or {}).items()}
        self.past = {w.lower() for w in d["past_words"]}
        self.future = {w.lower() for w in d["future_words"]}
        self.units = {k.lower(): v for k, v in d["units"].items()}
        self.far = {k.lower(): int(v) for k, v in (d.get("far_words") or {}).items()}
        self.day_ordinals = {k.lower(): int(v) for k, v in (d.get("day_ordinals") or {}).items()}
        self.holidays = {k.lower(): v for k, v in (d.get("holidays") or {}).items()}
        self.parts = {k.lower(): v for k, v in d["part_words"].items()}
        self.reldays = {k.lower(): v for k, v in d.get("relative_days", {}).items()}
        self.numbers = langdata.load(lang, "numbers")
        self.since = tuple(sorted((w.lower() + " " for w in d.get("since_words") or []), key=len, reverse=True))
        until = sorted((w.lower() for w in d.get("until_words") or []), key=len, reverse=True)
        self.until_re = re.compile(r"(?:^|(?<=\W))(?:" + "|".join(re.escape(w) for w in until) + r")\s+$",
                                   re.IGNORECASE) if until else None

    # -- helpers ----------------------------------------------------------------------
    def _month_near(self, month: int, base: Period, direction: str, strict: bool = False) -> Period:
        """The month named, in the year that puts it nearest the base in the given direction."""
        ref = base.end if direction == "past" else base.start
        y = ref.year
        if direction == "past":
            if month > ref.month or (strict and month == ref.month):
                y -= 1
        else:
            if month < ref.month or (strict and month == ref.month):
                y += 1
        return month_period(y, month)

    def _step(self, rel: str) -> int:
        """How many periods back (-) or ahead (+) a relative word points: "letzte" -1,
        "nächste" +1, "vorletzte" -2, "diese" 0."""
        rel = rel.lower()
        if rel in self.far:
            return self.far[rel]
        return -1 if rel in self.past else 1 if rel in self.future else 0

    def _feast(self, name: str, year: Optional[int], base: Optional[Period], direction: str,
               rel: str) -> Optional[Period]:
        """The days of a feast: in the year given, else the occurrence nearest the article's
        day in the direction of the tense; "letzte Weihnachten" is strictly before it."""
        rule = self.holidays.get(name.lower())
        if rule is None:
            return None
        if year is not None:
            days = feast_days(rule, year)
            return Period(days[0], days[1], "day") if days else None
        if base is None:
            return None
        ref = base.end
        step = self._step(rel) if rel else 0
        if step < 0 or (not rel and direction == "past"):
            cands = [feast_days(rule, y) for y in (ref.year, ref.year - 1, ref.year - 2)]
            cands = [c for c in cands if c and (c[1] < ref if rel else c[0] <= ref)]
        else:
            cands = [feast_days(rule, y) for y in (ref.year, ref.year + 1)]
            cands = [c for c in cands if c and (c[0] > ref if rel and step > 0 else c[1] >= ref)]
            if step == 0 and rel:  # "dieses Ostern": the one of this year
                cands = [feast_days(rule, ref.year)]
        if not cands or cands[0] is None:
            return None
        first, last = cands[0]
        return Period(first, last, "day")

    def _day_range(self, year: Optional[int], month: int, day: int, day2: Optional[int],
                   base: Optional[Period], direction: str, month2: Optional[int] = None) -> Optional[Period]:
        """A day, or the days from one day to another ("vom 3. bis 12. September",
        "14./15.10.", "vom 30. September bis 2. Oktober"), in the year given or the one the
        tense puts nearest the article's day."""
        end_month = month2 or month
        if year is not None:
            try:
                first = date(year, month, day)
                last = date(year, end_month, day2) if day2 else first
            except ValueError:
                return None
        else:
            if base is None:
                return None
            # the first day is put in the year as a lone day would be; a period may run on
            # past the article's day ("das Wochenende vom 20. und 21. Januar" on the 20th) and
            # into the next year ("vom 28. Dezember bis 3. Januar")
            first = day_month_near(day, month, base.end, direction)
            if first is None:
                return None
            y = first.year + (1 if (month, day) > (end_month, day2 or day) else 0)
            try:
                last = date(y, end_month, day2 or day)
            except ValueError:
                return None
        if last < first:
            return None
        return Period(first, last, "day")

    def _season(self, name: str, year: int) -> Period:
        a, b = self.seasons[name]
        if a > b:  # winter: December of the year to February of the next
            return Period(date(year, a, 1), date(year + 1, b, calendar.monthrange(year + 1, b)[1]), "season")
        return Period(date(year, a, 1), date(year, b, calendar.monthrange(year, b)[1]), "season")

    def _count(self, word: str) -> Optional[int]:
        if word.isdigit():
            return int(word)
        w = word.lower()
        for table in ("units", "teens"):
            if w in {k.lower() for k in self.numbers[table]}:
                return {k.lower(): v for k, v in self.numbers[table].items()}[w]
        if w in ("einem", "einer", "a", "an"):
            return 1
        return None

    # -- resolution ---------------------------------------------------------------------
    def opens_since(self, m: TimeMatch) -> bool:
        """Whether a time expression opens with a since word ("seit Dienstag", "since Tuesday")."""
        return bool(self.since) and m.text.lower().startswith(self.since)

    def recent_stretch(self, m: TimeMatch) -> bool:
        """Whether a time expression names the days or weeks just past ("in den vergangenen
        zwei Wochen", "in der vergangenen Woche", "over the past few days", "last week"): a
        running count over such a stretch is what it grew by, not its total. Months and years
        ("im vergangenen Jahr") are periods of history."""
        g = dict(m.groups)
        if m.label not in ("rel_unit", "rel_week") or (g.get("rel") or "").lower() not in self.past:
            return False
        return self.units.get((g.get("unit") or "").lower()) in ("day", "week")

    def closes_until(self, m: TimeMatch, text: str) -> bool:
        """Whether a time expression closes a count: an until word opens it or stands right
        before it ("bis heute", "bis Mitte Januar", "by mid-January", "as of Tuesday"). A
        figure counted up to a day is a running total as it stood then, not what happened on it."""
        if self.until_re is None:
            return False
        head = text[max(0, m.start - 20):m.start]
        first = m.text.split(None, 1)
        return bool(self.until_re.search(head) or (len(first) == 2 and self.until_re.search(first[0] + " ")))

    def resolve(self, m: TimeMatch, base: Optional[Period], intended: bool = False) -> Optional[Period]:
        """The period a time expression names, read against the base (the article's date); after
        a since word ("seit Oktober") the period runs on to the base."""
        p = self._resolve(m, base, intended)
        if p is not None and base is not None and self.opens_since(m) and p.start <= base.end:
            return Period(p.start, base.end, "range")
        return p

    def _resolve(self, m: TimeMatch, base: Optional[Period], intended: bool) -> Optional[Period]:
        g = dict(m.groups)
        lab = m.label
        direction = "future" if intended else "past"
        year = int(g["year"]) if "year" in g else None
        month = self.months.get(g.get("month", "").lower()) if "month" in g else None
        if lab in ("name", "clock"):
            return None
        if lab == "numeric_date":
            if "year" in g and len(g["year"]) == 2:  # "31.10.74": the century that puts it in the past
                if base is None:
                    return None  # no article date to put the century by
                yy = int(g["year"])
                year = 2000 + yy if 2000 + yy <= base.end.year else 1900 + yy
            month_num = int(g["month_num"])
            if not 1 <= month_num <= 12:
                return None
            return self._day_range(year, month_num, int(g["day"]),
                                   int(g["day2"]) if g.get("day2") else None, base, direction)
        if lab == "day_month":
            day = self.day_ordinals.get(g["dayword"].lower()) if "dayword" in g else int(g["day"])
            if not month or not day:
                return None
            month2 = self.months.get(g["month2"].lower()) if "month2" in g else None
            return self._day_range(year, month, day, int(g["day2"]) if g.get("day2") else None,
                                   base, direction, month2)
        if lab == "holiday":
            return self._feast(g["holiday"], year, base, direction, g.get("rel", ""))
        if lab == "quarter":
            q = self.day_ordinals.get(g["quarter"].lower())
            if q is None or not 1 <= q <= 4:
                return None
            if year is None:
                if base is None:
                    return None
                ref = base.end
                year = ref.year
                if (direction == "past" and date(year, 3 * q - 2, 1) > ref) or \
                        (direction != "past" and month_period(year, 3 * q).end < ref):
                    year += -1 if direction == "past" else 1
            return Period(date(year, 3 * q - 2, 1), month_period(year, 3 * q).end, "month")
        if lab == "month_or_month":
            m2 = self.months[g["month2"].lower()]
            if year is not None:
                a, b = month_period(year, month), month_period(year, m2)
            elif base is None:
                return None
            else:
                a = self._month_near(month, base, direction)
                b = self._month_near(m2, base, direction)
            lo, hi = (a, b) if a.start <= b.start else (b, a)
            return Period(lo.start, hi.end, "month")
        if lab == "part_month":
            if year is not None:
                mp = month_period(year, month)
            elif base is None:
                return None
            else:
                mp = self._month_near(month, base, direction)
            a, b = self.parts[g["part"].lower()]
            last = calendar.monthrange(mp.start.year, mp.start.month)[1]
            return Period(mp.start.replace(day=a), mp.start.replace(day=min(b, last)), "day")
        if lab == "rel_month":
            if base is None:
                return None
            rel = g["rel"].lower()
            if rel in self.past:
                return self._month_near(month, base, "past", strict=True)
            if rel in self.future:
                return self._month_near(month, base, "future", strict=True)
            return month_period(base.end.year, month)
        if lab == "month_year":
            return month_period(year, month)
        if lab == "month_rel_year":  # "Oktober vergangenen Jahres", "March this year"
            if base is None:
                return None
            rel = g["rel"].lower()
            return month_period(base.end.year + (-1 if rel in self.past else 1 if rel in self.future else 0), month)
        if lab == "month":
            if base is None:
                return None
            return self._month_near(month, base, direction)
        if lab == "season_year":
            return self._season(g["season"].lower(), year)
        if lab == "season":
            if base is None:
                return None
            name = g["season"].lower()
            rel = g.get("rel", "").lower()
            ref = base.end
            cand = [self._season(name, y) for y in (ref.year - 1, ref.year, ref.year + 1)]
            if rel in self.future or (intended and rel not in self.past):
                fut = [c for c in cand if c.start > ref]
                return fut[0] if fut else None
            past = [c for c in cand if c.start <= ref and (rel not in self.past or c.end < ref)]
            return past[-1] if past else None
        if lab == "year":
            return Period(date(year, 1, 1), date(year, 12, 31), "year")
        if base is None:
            return None
        ref = base.end
        if lab == "rel_unit":
            unit = self.units.get(g["unit"].lower(), "month")
            # "the past two weeks": that many; "the past weeks": a few (ten days, eight weeks,
            # six months, five years); "the past 48 hours": the days they reach back to
            n = self._count(g["n"]) if g.get("n") else None
            if n is None and g["unit"].lower() == unit:
                n = 1  # a unit named by its own singular name: "the past week" is one week
            if unit == "hour":
                unit, n = "day", -(-(n or 24) // 24)
            span = {"day": timedelta(days=n or 10), "week": timedelta(weeks=n or 8), "month": None, "year": None}[unit]
            months, years = n or 6, n or 5
            if g["rel"].lower() in self.past:
                start = (add_months(ref, -months) if unit == "month" else
                         ref.replace(year=ref.year - years) if unit == "year" else ref - span)
                return Period(start, ref, "range")
            end = (add_months(ref, months) if unit == "month" else
                   ref.replace(year=ref.year + years) if unit == "year" else ref + span)
            return Period(ref + timedelta(days=1), end, "range")
        if lab == "rel_week":
            unit = self.units.get(g["unit"].lower(), "week")
            rel = g["rel"].lower()
            step = self._step(rel)
            if g["unit"].lower() == "weekend":  # "last weekend": its Saturday and Sunday
                saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5, weeks=step)
                return Period(saturday, saturday + timedelta(days=1), "day")
            if unit == "week":
                monday = ref - timedelta(days=ref.weekday()) + timedelta(weeks=step)
                p = Period(monday, monday + timedelta(days=6), "week")
            elif unit == "month":
                d = add_months(ref.replace(day=1), step)
                p = month_period(d.year, d.month)
            else:
                y = ref.year + step
                p = Period(date(y, 1, 1), date(y, 12, 31), "year")
            side = g.get("side", "").lower()  # "earlier this month": up to the article's day
            if step == 0 and side in self.sides and p.start <= ref <= p.end:
                p = Period(p.start, ref, "range") if self.sides.get(side) == "before" else Period(ref, p.end, "range")
            return p
        if lab in ("prev_year", "far_year"):
            y = ref.year - (1 if lab == "prev_year" else 2)
            return Period(date(y, 1, 1), date(y, 12, 31), "year")
        if lab == "weekend":  # "am Wochenende": the one just past, or the next one in the future
            if base.granularity != "day":
                return None
            step = self._step(g["rel"]) if g.get("rel") else (-1 if direction == "past" else 1)
            if step < 0:
                back = (ref.weekday() - 5) % 7  # days since the last Saturday (0 on a Saturday)
                saturday = ref - timedelta(days=back if not g.get("rel") else (back if back >= 2 else back + 7))
            elif step > 0:
                saturday = ref + timedelta(days=(5 - ref.weekday()) % 7 or (7 if g.get("rel") else 0))
            else:
                saturday = ref - timedelta(days=ref.weekday()) + timedelta(days=5)
            return Period(saturday, saturday + timedelta(days=1), "day")
        if lab == "ago":
            n = self._count(g["n"])
            unit = self.units.get(g["unit"].lower())
            if n is None or unit is None:
                return None
            if unit == "day":
                d = ref - timedelta(days=n)
                return Period(d, d, "day")
            if unit == "week":
                d = ref - timedelta(weeks=n)
                return Period(d - timedelta(days=d.weekday()), d - timedelta(days=d.weekday()) + timedelta(days=6), "week")
            if unit == "month":
                d = add_months(ref, -n)
                return month_period(d.year, d.month)
            return Period(date(ref.year - n, 1, 1), date(ref.year - n, 12, 31), "year")
        if lab == "weekday":
            if base.granularity != "day":
                return None  # "am Samstag" in an article known only to its month: which Saturday is not known
            wd = self.weekdays[g["weekday"].lower()]
            step = self._step(g["rel"]) if g.get("rel") else 0
            if step < 0:  # "letzten Dienstag" on a Tuesday: the one a week before
                d = ref - timedelta(days=(ref.weekday() - wd) % 7 or 7)
            elif step > 0:
                d = ref + timedelta(days=(wd - ref.weekday()) % 7 or 7)
            elif g.get("rel"):  # "diesen Dienstag": the one of this week
                d = ref - timedelta(days=ref.weekday()) + timedelta(days=wd)
            elif direction == "past":
                d = ref - timedelta(days=(ref.weekday() - wd) % 7)
            else:
                d = ref + timedelta(days=(wd - ref.weekday()) % 7)
            return Period(d, d, "day")
        if lab == "relday":
            if base.granularity != "day":
                return None
            d = ref + timedelta(days=self.reldays.get(g["relday"].lower(), 0))
            return Period(d, d, "day")
        return None


@lru_cache(maxsize=None)
def resolver(lang: str) -> DateResolver:
    return DateResolver(lang)


def parse_published(value) -> Optional[Period]:
    """A front-matter or option value ('2024-01-20', '2024-01', date) as a Period; None if unknown."""
    if value is None:
        return None
    if isinstance(value, datetime):
        value = value.date()
    if isinstance(value, date):
        return Period(value, value, "day")
    s = str(value).strip()
    if not s or s.lower() in ("unknown", "unbekannt", "none", "null", "n/a", "?"):
        return None
    try:
        if len(s) == 7 and s[4] == "-":
            return month_period(int(s[:4]), int(s[5:7]))
        if len(s) == 4 and s.isdigit():
            y = int(s)
            return Period(date(y, 1, 1), date(y, 12, 31), "year")
        d = date.fromisoformat(s[:10])
        return Period(d, d, "day")
    except ValueError:
        return None
