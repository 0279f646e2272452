"""NK601: the same group placed differently."""
from __future__ import annotations

from nkcheck.compare import measures, neighbours, stages
from nkcheck.normalize import containment as places
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, who
from nkcheck.compare.tolerance import agree


class PlaceRule(Rule):
    """The same figure for the same deployment or delivery, placed by the texts themselves in
    places that do not contain each other: one group cannot be in both. (Counts that add up over
    places — a toll, a crowd — are different facts in different places.)

    **Conflict (place)**: "1500 Angehörige von Spezialeinheiten nahe der Front" vs "1.500 nach
    Wladiwostok geschickt"
    **No finding**: "25.000 in Bonn" vs "25.000 in Freiburg" (two crowds); "1.500 nach Wladiwostok
    gebracht" (October) vs "1500 in der Nähe von Kursk stationiert" (March: the group has moved)
    """
    code, name, kind = "NK601", "place.same_group_other_place", "place"

    @staticmethod
    def _clash(a, b, ctx: Context, route=frozenset()) -> bool:
        """``route``: (article, place, figure) of every claim; an article that names two places
        for a group tells where it went, and another that names one of them does not contradict it."""
        if not a.place or not b.place or "place" in a.settled or "place" in b.settled or a.doc == b.doc:
            return False
        if (a.doc, b.place, a.low, a.high) in route or (b.doc, a.place, b.low, b.high) in route:
            return False
        if places.nested(a.place, b.place) or a.bound == "vague" or b.bound == "vague":
            return False
        if stages.relation(a, b, ctx.tolerances, slow=True) in (stages.BEFORE, stages.AFTER):
            return False  # a group moves: near Kursk in March is no contradiction of Vladivostok in October
        return agree(a, b, ctx.tolerances) and not (a.time_start and b.time_start and
                                                     (a.time_end < b.time_start or b.time_end < a.time_start))

    def check(self, fact: Group, ctx: Context):
        if measures.additive(fact.key.get("event")) or measures.local(fact.key.get("event")) or \
                measures.fixed(fact.key.get("object")):
            return []  # tolls and crowds add up over places; a magnitude is its occasion's
        claims = fact.pairable
        route = frozenset((c.doc, c.place, c.low, c.high) for c in claims)
        pairs = [(a, b) for i, a in enumerate(claims) for b in claims[i + 1:] if self._clash(a, b, ctx, route)]
        return self._finding(pairs, ctx)

    def check_across(self, facts: list[Group], ctx: Context):
        """Deployments of one group to two countries ("nach Wladiwostok" vs "an der Front in der
        Ukraine") are two facts: their same figures are compared here."""
        out = []
        # a plan's destination is a plan's; tolls and crowds add up over places
        groups = [f for f in facts if f.key["place"] and f.key["modality"] == "actual" and
                  not (measures.additive(f.key["event"]) or measures.local(f.key["event"]) or
                       measures.fixed(f.key["object"]))]
        route = frozenset((c.doc, c.place, c.low, c.high) for f in groups for c in f.pairable)
        for f1, f2 in neighbours.same_figures(groups, ctx.figures):
            k1, k2 = f1.key, f2.key
            if (k1["object"], k1["family"], k1["modality"], k1["increment"], k1["ordinal"]) != \
                    (k2["object"], k2["family"], k2["modality"], k2["increment"], k2["ordinal"]):
                continue
            if (k1["actor"] and k2["actor"] and k1["actor"] != k2["actor"]) or \
                    (k1["occasion"] and k2["occasion"] and k1["occasion"] != k2["occasion"]):
                continue
            if not k1["place"] or not k2["place"] or places.nested(k1["place"], k2["place"]):
                continue
            pairs = [(a, b) for a in f1.pairable for b in f2.pairable if self._clash(a, b, ctx, route)]
            out += self._finding(pairs, ctx)
        return out

    def _finding(self, pairs, ctx: Context):
        if not pairs:
            return []
        a, b = pairs[0]
        return [finding(self, "place", "", pairs,
                        f"{measures.describe(a)} in {places.display(a.place)} ({who(a, ctx)}) vs "
                        f"{places.display(b.place)} ({who(b, ctx)})",
                        "The same figure for the same group, placed in places that do not contain each other.", "place")]
