"""NK303: the figure of a stretch of time next to the running total it nearly equals."""
from __future__ import annotations

from bisect import bisect_left, bisect_right

from nkcheck.compare import stages
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice, side
from nkcheck.compare.rules.value import slow
from nkcheck.normalize import containment as places

NEAR = 0.8  # a batch this close to the total stated at the same stage (either way) may be taken for it


def _figure(c) -> float:
    return float(c.low if c.low is not None else c.high or 0)


def _near(a, b) -> bool:
    x, y = _figure(a), _figure(b)
    return x > 0 and y > 0 and min(x, y) / max(x, y) >= NEAR


def _related(batch: Group, total: Group) -> bool:
    k1, k2 = batch.key, total.key
    if (k1["object"], k1["family"], k1["modality"], k1["ordinal"]) != (k2["object"], k2["family"], k2["modality"],
                                                                       k2["ordinal"]):
        return False
    if k1["actor"] and k2["actor"] and k1["actor"] != k2["actor"]:
        return False
    if k1["occasion"] and k2["occasion"] and k1["occasion"] != k2["occasion"]:
        return False
    return k1["place"] is None or k2["place"] is None or places.nested(k1["place"], k2["place"])


class StretchAsTotalRule(Rule):
    """What a running count grew by in a stretch of time (a batch: "1.000 in der vergangenen
    Woche", "weitere 3.000") next to the total stated at the same stage, with nearly the same
    figure (within 20 %): one of the two was probably taken for the other — the week's figure
    reported as the total, or the total as the week's. Stated at different stages, a batch and a
    total are simply two measures.

    **Conflict (scope)**: "1,000 killed or wounded in the past week" vs "insgesamt mehr als 1.100
    getötet oder verwundet" (the same week)
    **No finding**: "1.000 in der vergangenen Woche" vs "insgesamt 3.800" (the same week)
    """
    code, name, kind = "NK303", "scope.stretch_as_total", "scope"

    def check_across(self, facts: list[Group], ctx: Context):
        tol = ctx.tolerances
        batches = [f for f in facts if f.key.get("increment") == "batch"]
        totals = [f for f in facts if f.key.get("increment") is None]
        out = []
        by_figure: dict[int, tuple[list[float], list]] = {}  # a total's claims in figure order, for bisect
        for tf in totals:
            ranked = sorted(((_figure(b), i, b) for i, b in enumerate(tf.pairable) if b.bound != "vague"),
                            key=lambda t: (t[0], t[1]))
            by_figure[id(tf)] = ([r[0] for r in ranked], ranked)
        for bf in batches:
            for tf in totals:
                if not _related(bf, tf):
                    continue
                figures, ranked = by_figure[id(tf)]
                pairs = []
                for a in bf.pairable:
                    x = _figure(a)
                    if a.bound == "vague" or x <= 0:
                        continue
                    near = ranked[bisect_left(figures, x * NEAR):bisect_right(figures, x / NEAR)]
                    pairs += [(a, b) for _, _, b in sorted(near, key=lambda t: t[1])
                              if not one_voice(a, b) and _near(a, b)
                              and stages.relation(a, b, tol, slow(tf)) == stages.SAME]
                if not pairs:
                    continue
                a, b = pairs[0]
                out.append(finding(self, "scope", "", pairs,
                                   f"{side(a, ctx)} in a stretch of time vs {side(b, ctx)} in all: nearly the same figure",
                                   "What the count grew by in a stretch of time and its total, stated at the same "
                                   "stage, nearly match: one of them was probably taken for the other.", "time"))
        return out
