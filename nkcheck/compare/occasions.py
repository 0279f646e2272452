"""The day a disaster struck, across the articles that report on it, and when an undated one was
written.

A disaster strikes once. The articles about it name the same hazard in places of the same
countries; many give its day only in passing or not at all (mirrors, aggregators, follow-ups
without a publication date). So, over the whole corpus:

- **one day per disaster**: the articles that date the occasion of one hazard in the same
  countries within ``OCCASION_GAP_DAYS`` of each other report on one disaster, and it struck on the
  earliest of their days (a report that dates a figure "on Thursday" has not moved the flood);
- **the day of an undated report**: an article on that hazard in those countries that dates no
  occasion of its own reports on it when it is the only such disaster its publication date (if
  known) allows, one published in the ``REPORT_DAYS`` after it;
- its figures with no date of their own took place then (``settled`` "time"), as an article's own
  occasion day dates them at extraction;
- **when an article without a day-exact publication date was written**: the span it names after
  the occasion ("zehn Tage nach dem Unwetter": the occasion day plus ten), else the latest weekday
  it dates a figure to. A weekday is the first of its name on or after the occasion's day ("bis
  Donnerstag" after a Monday's earthquake; "the following Monday" the one after), or, in an article
  written days later, the last of its name by then. A running count's weekday ("stood at 44,218 on
  Friday") says when it was counted: its ``as_of``; another figure's says when it happened. The
  figures with no such date of their own were stated when the article was written. These
  ``as_of`` are estimates (``as_of_source = "estimated"``, "(est.)" in the report).

Computed over the whole corpus before it is split into blocks, as ``dating`` is.
"""
from __future__ import annotations

import re
from collections import defaultdict
from datetime import date, timedelta
from functools import lru_cache
from typing import Iterable, Optional

from nkcheck import lang as langdata
from nkcheck.compare import measures
from nkcheck.compare.facts import OCCASION_GAP_DAYS, occasion_day
from nkcheck.model import Claim, Document
from nkcheck.normalize import containment

REPORT_DAYS = 62  # a report on a disaster appears within two months of it


def _countries(place: Optional[str]) -> Optional[frozenset]:
    if not place:
        return None
    return frozenset(containment.country(p) or p for p in place.split("#", 1)[0].split("+"))


def _occasion_day(doc: Document) -> Optional[date]:
    return occasion_day(doc.setting.time_start, doc.setting.time_end)


def _fits(doc: Document, struck: date) -> bool:
    """Whether an article published when ``doc`` was can report on a disaster of that day."""
    pub = doc.published
    return pub is None or (struck <= pub.end and pub.start <= struck + timedelta(days=REPORT_DAYS))


def disaster_days(documents: Iterable[Document], named: Optional[dict[str, frozenset]] = None) -> dict[str, date]:
    """Article id -> the day the disaster it reports on struck, where the corpus tells. An
    article whose setting has no place is where its figures are (``named``: article id -> the
    countries of its figures' places)."""
    docs = [d for d in documents if d.setting.hazard]
    named = named or {}

    def where_of(d: Document) -> Optional[frozenset]:
        return _countries(d.setting.place) or named.get(d.id) or None
    out: dict[str, date] = {}

    def join(dis: dict, d: Document, where: Optional[frozenset]) -> None:
        out[d.id] = dis["struck"]
        dis["where"] = (dis["where"] or frozenset()) | (where or frozenset()) or None

    # the disasters: the articles that date their occasion, chained by day and country; in day
    # order, a disaster struck on the day of the first article that founds it
    disasters: list[dict] = []
    for d in sorted((d for d in docs if _occasion_day(d)), key=lambda d: (_occasion_day(d), d.id)):
        on, where = _occasion_day(d), where_of(d)
        for dis in disasters:
            if dis["hazard"] == d.setting.hazard and (on - dis["last"]).days <= OCCASION_GAP_DAYS and \
                    (where is None or dis["where"] is None or where & dis["where"]):
                dis["last"] = on
                join(dis, d, where)
                break
        else:
            disasters.append({"hazard": d.setting.hazard, "struck": on, "last": on, "where": None})
            join(disasters[-1], d, where)
    # undated articles join the one disaster that fits them; an article that joins one names the
    # countries it struck, so the next round may place one that names only one of them
    changed = True
    while changed:
        changed = False
        for d in docs:
            if d.id in out:
                continue
            where = where_of(d)
            of_hazard = [dis for dis in disasters if dis["hazard"] == d.setting.hazard and _fits(d, dis["struck"])]
            fits = [dis for dis in of_hazard if where is not None and dis["where"] is not None and where & dis["where"]]
            if not fits and len(of_hazard) == 1 and (where is None or of_hazard[0]["where"] is None):
                fits = of_hazard  # where one of the two names no place: the one such disaster there is
            if len(fits) == 1:
                join(fits[0], d, where)
                changed = True
    return out


@lru_cache(maxsize=None)
def _weekday_words(lang: str) -> tuple[dict[str, int], frozenset]:
    data = langdata.load(lang, "time")
    return ({str(k).lower(): int(v) for k, v in (data.get("weekdays") or {}).items()},
            frozenset(str(w).lower() for w in data.get("after_words") or ()))


def _weekday(c: Claim, expression: str, lang: str) -> Optional[tuple[int, bool]]:
    """The weekday a figure's time expression names ("bis Donnerstag", "on Sunday",
    "Montagmorgen"), and whether a word beside it makes it the one after ("am Montag danach",
    "the following Monday")."""
    if not expression:
        return None
    names, after = _weekday_words(lang)
    words = re.findall(r"\w+", expression.lower())
    for w in words:
        for name, wd in names.items():
            if w.startswith(name):
                sent = (c.sentence or "").lower()
                pos = sent.find(expression.lower())
                around = re.findall(r"\w+", sent[max(0, pos - 12):pos + len(expression) + 12]) if pos >= 0 else words
                return wd, any(a in after for a in around)
    return None


def _weekday_date(struck: date, wd: int, strictly_after: bool, written: Optional[date]) -> date:
    first = struck + timedelta(days=(wd - struck.weekday()) % 7 or (7 if strictly_after else 0))
    if written is None or written < first:
        return first
    return written - timedelta(days=(written.weekday() - wd) % 7)  # the last of its name by then


def apply(documents: Iterable[Document], claims: Iterable[Claim]) -> None:
    """Give each disaster article its disaster's day, its undated figures that day, and the
    figures of an article with no day-exact publication date their estimated ``as_of``."""
    docs = {d.id: d for d in documents}
    claims = list(claims)
    named: dict[str, set] = defaultdict(set)
    for c in claims:
        if c.place:
            named[c.doc] |= _countries(c.place) or set()
    struck = disaster_days(docs.values(), {k: frozenset(v) for k, v in named.items()})
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for c in claims:
        if c.doc in struck:
            by_doc[c.doc].append(c)
    for doc_id, on in sorted(struck.items()):
        doc = docs[doc_id]
        doc.setting.time_start = doc.setting.time_end = on.isoformat()
        for c in by_doc[doc_id]:
            if measures.family_flag(c.event, "occasion") and (c.time_start is None or "time" in c.settled):
                c.time_start = c.time_end = on.isoformat()
                if "time" not in c.settled:
                    c.settled.append("time")
        pub = doc.published
        if pub is not None and pub.granularity == "day":
            continue
        written = on + timedelta(days=doc.setting.days_after) if doc.setting.days_after else None
        dated: dict[str, date] = {}  # the day a figure's own weekday names
        said: set[str] = set()  # figures whose weekday dates their statement ("sagte am Montag")
        for c in by_doc[doc_id]:
            w = _weekday(c, c.said_text, doc.lang)
            if w is not None:
                said.add(c.id)
            else:
                w = _weekday(c, c.time_text, doc.lang)
            if w is not None and c.as_of_source != "stamp":
                dated[c.id] = _weekday_date(on, w[0], w[1], written)
        now = written or (max(dated.values()) if dated else None)
        if pub is not None and now is not None and not (pub.start <= now <= pub.end):
            continue  # the article's own month says otherwise
        for c in by_doc[doc_id]:
            if c.as_of_source in ("stamp", "statement") and c.as_of and len(c.as_of) >= 10:
                continue
            if c.id in dated and (c.id in said or measures.cumulative(c.event)):
                c.as_of, c.as_of_source = dated[c.id].isoformat(), "estimated"  # counted then
                continue
            if c.id in dated and c.time_start is None:
                c.time_start = c.time_end = dated[c.id].isoformat()  # it happened then
            if now is not None:
                c.as_of, c.as_of_source = now.isoformat(), "estimated"
