"""NK101, NK102: the figures of one fact disagree."""
from __future__ import annotations

from nkcheck.compare import measures, stages
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice, side
from nkcheck.compare.tolerance import agree


def slow(fact: Group) -> bool:
    """A count without an occasion's day (a war's running totals) changes by the month, not the day."""
    return not fact.key.get("occasion")


def running(fact: Group) -> bool:
    """A count that changes as it is stated again: a toll, troops sent, a crowd during its day,
    a forecast revised over the week; not a property measured once (a quake's magnitude)."""
    if measures.fixed(fact.key.get("object")):
        return False
    ev = fact.key.get("event")
    return measures.cumulative(ev) or fact.key.get("modality") != "actual"


class ValueRule(Rule):
    """Same fact, stated in one window (the same day, or when the order is not known for a fact
    that does not change): the figures do not overlap, even read as estimates.

    Hedges are estimates near their figure ("mehr als 1.100" and "mehr als 3.000" differ; "etwa
    11.000" reaches 10.500–11.500); see the tolerances below.

    Figures about one past stretch of time ("im vergangenen Oktober 11.000 Soldaten entsandt",
    told in May, and "15.000 im vergangenen Oktober", told in June) are history, not a running
    count: they conflict whenever they were told. Figures about two past periods apart (October's,
    November's) are not one fact's, and a figure of a stretch that was over when it was told ("last
    autumn 1,200 sent") is the total as it stood then, an earlier stage than a total told as of now.

    **Conflict (value)**: "Laut Polizei demonstrierten am Samstag rund 12.000 Menschen in Leipzig" vs
    "Nach Angaben der Veranstalter demonstrierten am Samstag 40.000 Menschen in Leipzig"
    **No finding**: "rund 11.000" vs "mehr als 10.000" (the estimates overlap)
    """
    code, name, kind = "NK101", "value.no_overlap", "value"

    def check(self, fact: Group, ctx: Context):
        tol = ctx.tolerances
        run = running(fact)
        local = measures.local(fact.key.get("event"))
        pairs = []
        claims = fact.pairable
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                if one_voice(a, b) or agree(a, b, tol) or a.bound == "vague" or b.bound == "vague":
                    continue
                history = stages.periods(a, b)
                if history == stages.APART or (run and stages.earlier_stage(a, b)):
                    continue
                rel = stages.relation(a, b, tol, slow(fact))
                if history == stages.OVERLAP or rel == stages.SAME or not run or (local and rel == stages.UNORDERED):
                    pairs.append((a, b))  # a crowd's figures whose times are not known: the same crowd
                elif local and rel != stages.UNORDERED and (not _within_day(a, b, fact) or
                                                            series_of(a, fact) != series_of(b, fact)):
                    # a crowd re-estimated after its day (a revision of a fixed figure), or counted
                    # by another kind of source during it (police 8.500, organisers 30.000)
                    pairs.append((a, b))
        if not pairs:
            return []
        lo, hi = min(pairs[0], key=lambda c: c.low or 0), max(pairs[0], key=lambda c: c.low or 0)
        return [finding(self, "value", "", pairs, f"{side(lo, ctx)} vs {side(hi, ctx)}",
                        "The figures for the same fact do not overlap even read as estimates (exact figures to "
                        "their rounding, hedged ones as estimates near their figure), and neither updates the "
                        "other: they were stated at the same time, or are about the same past period, or the "
                        "count does not change.",
                        "value")]


def same_source(a, b) -> bool:
    """The same kind of source (police, intelligence ...), or, where neither has a kind, the
    same source named alike."""
    if a.source_kind or b.source_kind:
        return a.source_kind == b.source_kind
    return (a.source or "") == (b.source or "")


def series_of(c, fact: Group) -> str:
    """Whose running series a statement is in. A war's totals (no occasion's day): the speaker's
    (the same country's agencies and officials, the same person), else the kind of source, else
    the source as named, and a figure cited to no one only its article's; a crowd's or a toll's
    count: the kind of source (the police's count rising through the day is one series, the
    organisers' another)."""
    if slow(fact) and c.speaker:
        return c.speaker
    if slow(fact) and not (c.source_kind or c.source):
        return "~" + c.doc  # a war's figure no one is cited for is its article's own, in no one's series
    return c.source_kind or (c.source or "")


def _within_day(a, b, fact: Group) -> bool:
    """Both stated on the day of a one-day occasion or the morning after (a crowd that grows during
    its rally, and the evening's last tally)."""
    day = fact.key.get("occasion")
    if not (day and a.as_of and b.as_of and len(a.as_of) >= 10 and len(b.as_of) >= 10):
        return False
    from datetime import date
    d0 = date.fromisoformat(day)
    return all(0 <= (date.fromisoformat(x.as_of[:10]) - d0).days <= 1 for x in (a, b))


class RevisedDownRule(Rule):
    """A running count stated again later in the same series by the same kind of source (for a
    war's totals also the same speaker: Seoul's intelligence, not Kyiv's) with a lower figure:
    the total was revised down (the next statement after the higher one).

    Counts that fall as they are updated (the missing are found) are updates instead (NK901).

    **Conflict (value)**: "mindestens 217 Tote" (3 November) vs "bislang 215 Todesopfer" (5 November)
    **No finding**: "insgesamt 18.000 entsandt" (April) vs "schon im Vorjahr mehr als 10.000
    entsandt" (told in September): last year's total is an earlier stage, not a revision
    """
    code, name, kind = "NK102", "value.revised_down", "value"

    def check(self, fact: Group, ctx: Context):
        tol = ctx.tolerances
        if not running(fact) or measures.may_fall(fact.key.get("object")) or fact.key.get("modality") != "actual":
            return []
        local = measures.local(fact.key.get("event"))
        pairs = []
        claims = fact.pairable
        for i, a in enumerate(claims):
            nxt = None  # the next statement of the same series after ``a``
            for b in claims[i + 1:]:
                if one_voice(a, b) or not same_source(a, b) or series_of(a, fact) != series_of(b, fact) \
                        or a.bound == "vague" or b.bound == "vague" \
                        or stages.periods(a, b) or stages.earlier_stage(a, b):
                    continue  # figures of past periods are history, not a count revised (NK101)
                if stages.relation(a, b, tol, slow(fact)) == stages.BEFORE:
                    nxt = b
                    break
            if nxt is None or agree(a, nxt, tol) or (local and not _within_day(a, nxt, fact)):
                continue
            if (nxt.low or nxt.high or 0) < (a.low or a.high or 0):
                pairs.append((a, nxt))
        if not pairs:
            return []
        early, late = pairs[-1]
        return [finding(self, "value", "", pairs, f"revised down: {side(early, ctx)} then {side(late, ctx)}",
                        "A running count that was stated again later with a lower figure: either a correction "
                        "or one of the sources is wrong.", "value")]
