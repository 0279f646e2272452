"""NK301, NK302: different measures of one thing, or a part that exceeds its whole."""
from __future__ import annotations

from nkcheck.compare import measures, neighbours, stages
from nkcheck.normalize import containment as places
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice, side
from nkcheck.compare.rules.value import slow
from nkcheck.compare.tolerance import overlap


def _related(f1: Group, f2: Group) -> bool:
    """Same family, modality, actor and occasion; places the same, nested or unknown (a part
    whose place no text gives, "etwa 600 getötet", next to its whole "4000 getötet oder verwundet
    in Kursk")."""
    k1, k2 = f1.key, f2.key
    if (k1["family"], k1["modality"], k1["increment"], k1["ordinal"]) != \
            (k2["family"], k2["modality"], k2["increment"], k2["ordinal"]):
        return False
    if k1["actor"] and k2["actor"] and k1["actor"] != k2["actor"]:
        return False
    if k1["occasion"] and k2["occasion"] and k1["occasion"] != k2["occasion"]:
        return False
    p1, p2 = k1["place"], k2["place"]
    return p1 is None or p2 is None or places.nested(p1, p2)


class ScopeRule(Rule):
    """Different measures of one thing where a reader takes one for the other:

    - the same figure for a part and its whole (killed vs killed or wounded; tractors vs vehicles);
    - for measures readers confuse (deaths and casualties), one source gives only the part,
      another only the whole ("etwa 600 getötet" here, "4000 getötet oder verwundet" there): both
      can be true, but the figures are not like for like — one finding for the two facts, on the
      pair stated closest in time;
    - the part exceeds the whole: they cannot both be true (NK302).

    A source that gives both the part and the whole puts them in context itself: no finding.

    **Conflict (scope)**: "4700 Nordkoreaner tot oder verwundet" vs "600 killed, 4,700 injured"
    **Conflict (scope)**: "etwa 600 Soldaten getötet" vs "rund 4000 getötet oder verwundet" (two reports)
    **No finding**: "600 Tote, 4700 Tote und Verwundete" in one report
    """
    code, name, kind = "NK301", "scope.same_figure_other_measure", "scope"

    def check_across(self, facts: list[Group], ctx: Context):
        out = []
        apart_by_measures: dict[tuple, list] = {}  # (part, whole, actor) -> the pairs given apart
        for f1, f2 in neighbours.measure_pairs(facts, measures.ancestors):
            o1, o2 = f1.key["object"], f2.key["object"]
            if o1 == o2 or not (o2 in measures.ancestors(o1) or o1 in measures.ancestors(o2)):
                continue
            if not _related(f1, f2):
                continue
            part, whole = (f1, f2) if o2 in measures.ancestors(o1) else (f2, f1)
            same, exceeds, apart = [], [], []
            part_docs = {c.doc for c in part.pairable}
            whole_docs = {c.doc for c in whole.pairable}
            confusable = measures.confusable(part.key["object"]) and measures.confusable(whole.key["object"])
            apart_key = (part.key["object"], whole.key["object"], part.key["actor"] or whole.key["actor"])
            whole_iv = ctx.figures(whole)
            for a, ia in ctx.figures(part):
                for b, ib in whole_iv:
                    if one_voice(a, b) and a.start == b.start:
                        continue
                    if a.bound != "vague" and b.bound != "vague" and \
                            overlap(ia, ib, a.bound == "range" and b.bound == "range"):
                        same.append((a, b))
                    elif ia[0] > ib[1] and stages.relation(a, b, ctx.tolerances, slow(part)) == stages.SAME:
                        exceeds.append((a, b))
                    elif confusable and ((a.doc not in whole_docs and b.doc not in part_docs) or
                                         (a.doc == b.doc and a.source and b.source and a.source != b.source)):
                        apart.append((a, b))
            if apart and not same and not exceeds:
                apart_by_measures.setdefault(apart_key, []).append(min(apart, key=_closest))
            if same:
                # a part's figure whose own article gives the whole with it ("4,000 have died" …
                # "4,000 losses, counting the killed, wounded and missing") is paired there, not
                # with every other article that repeats the whole
                own = {a.id for a, b in same if a.doc == b.doc}
                same = [(a, b) for a, b in same if a.id not in own or a.doc == b.doc]
                a, b = same[0]
                out.append(finding(self, "scope", "", same,
                                   f"{measures.label(a.object)} {side(a, ctx)} vs {measures.label(b.object)} "
                                   f"{side(b, ctx)}: the same figure for different measures",
                                   f"{measures.label(a.object)} are only part of {measures.label(b.object)}: "
                                   "one of the sources may have named the measure wrongly.", "object"))
            if exceeds:
                a, b = exceeds[0]
                out.append(finding(PartExceedsWholeRule, "scope", "", exceeds,
                                   f"{measures.label(a.object)} {side(a, ctx)} exceed {measures.label(b.object)} "
                                   f"{side(b, ctx)}",
                                   "The part is larger than its whole: they cannot both be true.", "object"))
        # the part here, the whole there: one finding per pair of measures, on the pair a reader
        # meets together (one article citing two sources), else the one stated closest in time
        for key in sorted(apart_by_measures, key=repr):
            a, b = min(apart_by_measures[key], key=_closest)
            out.append(finding(self, "scope", "", [(a, b)],
                               f"{measures.label(a.object)} {side(a, ctx)} vs {measures.label(b.object)} "
                               f"{side(b, ctx)}: different measures",
                               f"{measures.label(a.object)} are only part of {measures.label(b.object)}; "
                               "each source gives one of them, so the figures are not like for like. "
                               "Both can be true.", "object"))
        return out


def _closest(pair) -> tuple:
    """The pair a reader meets together (one article citing two sources), else the one stated
    closest in time; then a stable order."""
    a, b = pair
    return (a.doc != b.doc, _gap(a, b), a.doc, a.start, b.start)


def _gap(a, b) -> int:
    """Days between two claims' statements (unknown: far)."""
    from datetime import date
    try:
        return abs((date.fromisoformat(a.as_of[:10]) - date.fromisoformat(b.as_of[:10])).days)
    except (TypeError, ValueError):
        return 10 ** 6


class PartExceedsWholeRule(Rule):
    """A part larger than its whole at the same time: a measure's part (the killed) above the
    whole (killed or wounded), or a place's count above the count of the place that contains it
    (a province's toll above the country's).

    **Conflict (scope)**: "41 Tote in der Provinz Isabela" vs "38 Tote landesweit" (same day)
    **No finding**: "34 Tote in Paiporta" vs "95 Tote in Spanien"
    """
    code, name, kind = "NK302", "scope.part_exceeds_whole", "scope"

    def check_across(self, facts: list[Group], ctx: Context):
        out = []
        counts = [f for f in facts if f.key["place"] and measures.additive(f.key["event"])]
        for f1, f2 in neighbours.place_pairs(counts):
            k1, k2 = f1.key, f2.key
            if (k1["object"], k1["family"], k1["modality"], k1["increment"]) != \
                    (k2["object"], k2["family"], k2["modality"], k2["increment"]):
                continue
            if k1["actor"] and k2["actor"] and k1["actor"] != k2["actor"]:
                continue
            p1, p2 = k1["place"], k2["place"]
            if p1 == p2 or not places.nested(p1, p2):
                continue
            part, whole = (f1, f2) if places.contains(p2, p1) else (f2, f1)
            part_iv, whole_iv = ctx.figures(part), ctx.figures(whole)
            if not part_iv or not whole_iv or \
                    max(ia[0] for _, ia in part_iv) <= min(ib[1] for _, ib in whole_iv):
                continue  # no figure of the part above one of the whole's
            pairs = [(a, b) for a, ia in part_iv for b, ib in whole_iv
                     if ia[0] > ib[1] and stages.relation(a, b, ctx.tolerances, slow(part)) == stages.SAME]
            if pairs:
                a, b = pairs[0]
                out.append(finding(self, "scope", "", pairs,
                                   f"{side(a, ctx)} for {places.display(a.place)} exceeds {side(b, ctx)} for "
                                   f"{places.display(b.place)}",
                                   f"{places.display(a.place)} lies in {places.display(b.place)}: its count cannot "
                                   "be larger at the same time.", "place"))
        return out
