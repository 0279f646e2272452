"""NK401: parts named together add up to a total: an agreement."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from itertools import combinations

from nkcheck.compare import measures
from nkcheck.compare.neighbours import FigureIndex
from nkcheck.normalize import containment as places
from nkcheck.compare.rules.base import Context, Rule
from nkcheck.model import Claim, Finding


class SumRule(Rule):
    """Parts named together in one sentence add up to a total (of the measure they are parts
    of, or of the place that contains theirs): the sources agree.

    **Agreement (sum)**: "6000 Wiederaufbau-Kräfte" = "1000 Pioniere" + "5000 Bauarbeiter"
    **Agreement (sum)**: "95 Tote in Spanien" = "92 in der Region Valencia" + "2 in Albacete" + "1 in Andalusien"
    """
    code, name, kind = "NK401", "sum.parts_add_up", "sum"

    def check_members(self, members: list[Claim], ctx: Context) -> list[Finding]:
        tol = ctx.tolerances
        out: list[Finding] = []
        by_sentence: dict[tuple, list[Claim]] = {}
        for c in members:
            by_sentence.setdefault((c.doc, c.sentence), []).append(c)
        totals = _Totals(members, max(tol.approx, tol.exact))
        for group in by_sentence.values():
            for k in (2, 3):
                for parts in combinations(group, k):
                    if any(p.bound == "vague" or p.low is None or p.high is None for p in parts):
                        continue
                    common = set.intersection(*[set(measures.ancestors(p.object)) for p in parts]) \
                        if len({p.object for p in parts}) == k else set()
                    same_measure = len({p.object for p in parts}) == 1 and all(p.place for p in parts) and \
                        len({p.place for p in parts}) == k
                    if not common and not same_measure:
                        continue
                    lo, hi = sum(p.low for p in parts), sum(p.high for p in parts)
                    for total in totals.near(lo, hi):
                        if any(total is p for p in parts) or total.low is None or total.high is None or total.bound == "vague":
                            continue
                        if common and total.object not in common:
                            continue
                        if same_measure and (total.object != parts[0].object or not total.place or
                                             not all(places.contains(total.place, p.place) and total.place != p.place
                                                     for p in parts)):
                            continue
                        if any(total.actor and p.actor and total.actor != p.actor for p in parts):
                            continue
                        t = tol.approx if total.approx else tol.exact
                        if total.low * (1 - t) <= hi and lo <= total.high * (1 + t):
                            summary = " + ".join(measures.describe(p) for p in parts) + f" = {measures.describe(total)}"
                            out.append(Finding(id="", kind="sum", claims=[total.id], parts=[p.id for p in parts],
                                               summary=f"parts add up to the total: {summary}", fact="",
                                               rule=self.code, explanation="The parts named together add up to the total.",
                                               tolerance=t, slot="object"))
        return out


class _Totals:
    """The claims that can be a total of parts summing to lo..hi, found by bisection: single
    figures whose value lies within the widest tolerance of the sum, and every range."""

    def __init__(self, members: list[Claim], reach: float):
        singles = [c for c in members if c.low is not None and c.high is not None and c.low == c.high
                   and c.bound != "vague"]
        singles.sort(key=lambda c: c.low)
        self.singles, self.values = singles, [c.low for c in singles]
        ranges = [c for c in members if c.low is not None and c.high is not None and c.low != c.high]
        self.ranges = FigureIndex(((c.low * (1 - reach), c.high * (1 + reach)), c) for c in ranges)
        self.reach = reach

    def near(self, lo: float, hi: float) -> list[Claim]:
        """Every single figure within reach of lo..hi, then the ranges that may overlap it."""
        a = bisect_left(self.values, lo / (1 + self.reach))
        b = bisect_right(self.values, hi / (1 - self.reach) if self.reach < 1 else float("inf"))
        return self.singles[a:b] + self.ranges.near((lo, hi))
