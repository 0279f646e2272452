"""NK201: the same figure for the same fact, dated to different periods."""
from __future__ import annotations

from nkcheck.compare import measures
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice, who
from nkcheck.compare.tolerance import agree


def own_period(c):
    """The period the claim's own text gives (not its article's)."""
    if not c.time_start or "time" in (c.settled or []):
        return None
    return c.time_start, c.time_end or c.time_start


class TimeRule(Rule):
    """The same figure for the same fact, dated by the texts themselves to periods that do not
    overlap.

    **Conflict (time)**: "11.000 Soldaten im vergangenen Oktober entsandt" vs "im November 2024 rund
    11.000 geschickt"
    **No finding**: two different figures in two different months (NK101 or an update)
    """
    code, name, kind = "NK201", "time.same_figure_other_period", "time"

    def check(self, fact: Group, ctx: Context):
        if measures.local(fact.key.get("event")):
            return []
        pairs = []
        claims = fact.pairable
        for i, a in enumerate(claims):
            for b in claims[i + 1:]:
                pa, pb = own_period(a), own_period(b)
                if not pa or not pb or one_voice(a, b) or a.bound == "vague" or b.bound == "vague":
                    continue
                if pa[1] < pb[0] or pb[1] < pa[0]:
                    if agree(a, b, ctx.tolerances):
                        pairs.append((a, b))
        if not pairs:
            return []
        a, b = pairs[0]
        return [finding(self, "time", "", pairs,
                        f"{measures.describe(a)} dated {a.time_text or a.time_start} ({who(a, ctx)}) vs "
                        f"{b.time_text or b.time_start} ({who(b, ctx)})",
                        "Both give the same figure for the same fact but date it to periods that do not overlap.",
                        "time")]
