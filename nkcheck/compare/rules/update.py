"""NK901: a running count that changed as it was stated again (a timeline, not a contradiction)."""
from __future__ import annotations

from nkcheck.compare import measures, stages
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice
from nkcheck.compare.rules.value import _within_day, running, series_of, slow
from nkcheck.compare.tolerance import agree


class UpdateRule(Rule):
    """A running count (a toll, troops sent in total, a crowd during its day, a forecast) stated
    again later with another figure: an update. The timeline lists each stage; a later lower
    figure is an update only for counts that fall as they are updated (the missing are found),
    else it is revised down (NK102).

    A figure stated at an unknown time takes its place in the timeline by its figure when the
    count only rises (a toll), and the timeline says so. A count without an occasion's day (a
    war's casualties over months) is each speaker's own series: Seoul's figures update Seoul's,
    not Kyiv's.

    **Update**: "51 Todesopfer" (30 October) → "95" (31 October) → "205" (1 November)
    **Conflict (value)**: two figures stated on the same day that do not overlap (NK101)
    """
    code, name, kind = "NK901", "update.later_figure", "update"

    def check(self, fact: Group, ctx: Context):
        tol = ctx.tolerances
        if not running(fact):
            return []
        local = measures.local(fact.key.get("event"))
        falls = measures.may_fall(fact.key.get("object")) or fact.key.get("modality") != "actual"
        # stages: claims grouped by when they were said, in order; one said at an unknown time
        # takes the place its figure has in a count that only rises. A count without an
        # occasion's day has one timeline per speaker, a crowd one per kind of source.
        by_series = slow(fact) or local
        series: dict[str, list] = {}
        for c in fact.pairable:
            series.setdefault(series_of(c, fact) if by_series else "", []).append(c)
        pairs, lines = [], []
        for key in sorted(series):
            stage_list = stages.timeline(series[key], tol, slow(fact), lambda x, y: agree(x, y, tol), infer=not falls)
            found = []
            for s1, s2 in zip(stage_list, stage_list[1:]):
                for a in s1:
                    for b in s2:
                        if one_voice(a, b) or agree(a, b, tol) or a.bound == "vague" or b.bound == "vague" \
                                or stages.periods(a, b) or stages.earlier_stage(a, b):
                            continue  # figures of past periods do not update (NK101 compares them)
                        if local and not _within_day(a, b, fact):
                            continue
                        rising = (b.low or b.high or 0) > (a.low or a.high or 0)
                        if rising or falls:
                            found.append((a, b))
            if found:
                pairs += found
                lines.append(" → ".join(f"{measures.describe(s[0])} ({(s[0].as_of or 'date unknown').replace('T', ' ')})"
                                        for s in stage_list))
        if not pairs:
            return []
        return [finding(self, "update", "", pairs, "timeline: " + "; ".join(lines),
                        "A running count stated at several moments; later figures update earlier ones.", "time")]
