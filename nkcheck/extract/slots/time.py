"""When the counted thing happened (the time expression in the figure's clause, else the one
opening its sentence) and when the figure was stated (``as_of``: an update stamp, a live-blog
entry's clock time, or the start of the event)."""
from __future__ import annotations

import re
from bisect import bisect_right
from datetime import timedelta
from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.extract.text import Sentence
from nkcheck.extract.times import bracketed
from nkcheck.model import Claim, Document, Period, Quantity
from nkcheck.normalize.dates import resolver


class TimeFinder:
    def __init__(self, lang: str):
        self.dates = resolver(lang)
        tdata = langdata.load(lang, "time")
        self.stamp_re = re.compile(r"(?<![\w])(?:" + "|".join(tdata.get("stamp_cues", []) or ["(?!)"]) + r")(?![\w])",
                                   re.IGNORECASE)
        self.phase_start = [p.lower() for p in tdata.get("phase_start", [])]
        self.particles = {w.lower() for w in tdata.get("opening_particles", [])}
        risen = tdata.get("phase_risen") or []
        self.risen_re = re.compile(r"(?<![\w])(?:" + "|".join(re.escape(w.lower()) for w in risen) + r")(?![\w])") \
            if risen else None

    @staticmethod
    def expression(times, q: Quantity, clause: tuple[int, int], sent: Sentence, text: str = ""):
        """The time expression of a figure: in its clause (nearest), else the one that opens its
        sentence — not across a semicolon, which opens a sentence of its own ("... by the end of
        January; so far 18 have arrived")."""
        t_clause = [t for t in times if clause[0] <= t.start < clause[1] and t.label != "clock"]
        t_sent = [t for t in times if sent.start <= t.start < sent.end and t.label != "clock"]
        if t_clause:
            return min(t_clause, key=lambda t: abs(t.start - q.start))
        if t_sent and t_sent[0].start < sent.clauses[0][1] and len(t_sent) == 1 and \
                ";" not in text[t_sent[0].end:q.start]:
            return t_sent[0]
        return None

    def spoken(self, times, sent: Sentence, q: Quantity, reporting_verbs, event_at, event: Optional[str]) -> list:
        """The time expressions of a sentence that date the statement of figure ``q``, not what
        it counts: one right beside a reporting verb ("sagten am Donnerstag, ...", "said on
        Thursday"), or one opening a sentence whose clause reports the figure with nothing between
        the date and the figure that tells another event ("Am 9. Januar hatte Selenskyj von 4000
        Verlusten gesprochen", "On December 17, an official put casualties at several hundred";
        not "The Pentagon said Iran delivered 200 missiles in July"). ``event_at(lo, hi)`` gives
        the events named between two offsets."""
        verbs = [t for t in sent.tokens if t.lower_ in reporting_verbs]
        if not verbs:
            return []
        said_at = {v.idx for v in verbs}
        out = []
        words = sent.tokens
        for t in times:
            if not (sent.start <= t.start < sent.end) or t.label in ("clock", "name"):
                continue
            if any(w.idx == t.end and w.lower_ in ("'s", "’s", "'", "’") for w in sent.tokens):
                continue  # "said Monday's earthquake killed ...": the day of the quake, not of the statement
            clause = sent.clause_of(t.start)
            beside = False
            for v in verbs:
                gap = [w for w in words if (v.idx < w.idx < t.start) or (t.end <= w.idx < v.idx)]
                if sent.clause_of(v.idx) == clause and len(gap) <= 2 and not any(w.text in ",;:" for w in gap):
                    beside = True
            # a date opening the sentence ("On December 17, ...", "Am 9. Januar hatte ..."): a
            # reporting verb of the figure's clause, or one between the date and the figure whose
            # clause the figure is reported in ("In March, the JCS had reported that about 4,000
            # ..."), with no other event named between the date and the figure
            opening = not [w for w in words if w.idx < t.start and w.is_alpha and w.lower_ not in self.particles]
            reports = [v for v in verbs if v.idx > t.end and
                       (v.idx < q.start or sent.clause_of(v.idx) == sent.clause_of(q.start))]
            if beside or (opening and q.start > t.end and reports
                          and all(ev == event or pos in said_at for pos, ev in event_at(t.end, q.start))):
                out.append(t)
        return out

    @staticmethod
    def hint_times(claims: list[Claim], document: Document) -> None:
        """A figure with no date of its own is about the weeks before its article appeared
        (two months before a day-exact publication date, or the month before a publication
        month). The hint only keeps apart figures from articles months or years apart; it
        never makes a time conflict."""
        base = document.published
        if base is None:
            return
        start = base.start - timedelta(days=62 if base.granularity == "day" else 31)
        hint = f"{start.isoformat()}/{base.end.isoformat()}"
        for c in claims:
            if c.time_start is None:
                c.time_hint = hint

    @staticmethod
    def _clock(t) -> Optional[str]:
        g = dict(t.groups)
        try:
            hour, minute = int(g.get("hour") or -1), int(g.get("minute") or 0)
        except ValueError:
            return None
        return f"{hour:02d}:{minute:02d}" if 0 <= hour < 24 and 0 <= minute < 60 else None

    def stamp(self, claims: list[Claim], text: str, times, document: Document, sents, starts) -> None:
        """When each figure was stated (``as_of``): an update stamp ("Aktualisiert am 20.01.2024
        um 18.25 Uhr", "Stand: 7. Februar 2024"), a live-blog entry ("13.07 Uhr: ..."), or a
        phase of the event ("zu Beginn", "when the event began"). Figures stated at different
        moments of a running count are updates, not conflicts."""
        base = document.published
        day = base.start.isoformat() if base is not None and base.granularity == "day" else ""
        stamp_date, stamp_clock = "", ""
        m = self.stamp_re.search(text, document.body_start)  # the article's first update stamp
        near = [t for t in times if m.end() <= t.start <= m.end() + 40] if m else []
        # else a date alone in brackets before the first figure: "(January 23, 2024) Estimates ..."
        first = min((c.start for c in claims), default=len(text))
        near = near or [t for t in times if document.body_start <= t.start < first and bracketed(text, t)][:1]
        for t in near:
            if t.label == "clock":
                stamp_clock = stamp_clock or (self._clock(t) or "")
            elif not stamp_date:
                p = self.dates.resolve(t, base)
                if p is not None and p.granularity == "day":
                    stamp_date = p.start.isoformat()
        entries = []  # live-blog entries: a clock time opening a line
        for t in times:
            if t.label == "clock" and (t.start == 0 or text[text.rfind("\n", 0, t.start) + 1:t.start].strip(" #*") == ""):
                clock = self._clock(t)
                if clock:
                    entries.append((t.start, clock))
        for c in claims:
            si = bisect_right(starts, c.start) - 1
            sent = text[sents[si].start:sents[si].end].lower() if si >= 0 else ""
            if any(p in sent for p in self.phase_start):
                c.phase = "start"
            elif self.risen_re is not None and self.risen_re.search(sent):
                c.phase = "risen"  # "ist auf sieben gestiegen": stated after the lower figure before it
            if c.as_of_source == "statement":
                continue  # the text itself says when the figure was stated
            clock = next((k for pos, k in reversed(entries) if pos <= c.start), "") or stamp_clock
            date_part = stamp_date or day
            if clock:
                c.as_of = f"{date_part}T{clock}" if date_part else f"T{clock}"
            elif stamp_date:
                c.as_of = stamp_date


STOOD_MAX_DAYS = 10     # "bis Mitte Januar" dates a total to its day; "bis 2025" does not
STOOD_RECENT_DAYS = 14  # a total "bis Donnerstag" stood in the days before the article was written


def stood(period: Period, base: Optional[Period]) -> Optional[str]:
    """When a total counted up to a period stood: its last day (not after the article's date),
    or its month when that is the article's. Only in the fortnight before the article was
    written: "bis Dezember" in an October report is a deadline, not a count, and an article
    with no date cannot tell."""
    if base is None:
        return None
    end = min(period.end, base.end)
    if period.start > base.end or (base.end - end).days > STOOD_RECENT_DAYS:
        return None
    if (period.end - period.start).days <= STOOD_MAX_DAYS:
        return end.isoformat()
    if period.granularity == "month" and period.start <= base.end <= period.end:
        return period.start.isoformat()[:7]
    return None


@lru_cache(maxsize=None)
def finder(lang: str) -> TimeFinder:
    return TimeFinder(lang)
