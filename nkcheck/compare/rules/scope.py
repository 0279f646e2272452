"""NK301, NK302: different measures of one thing, or a part that exceeds its whole."""
from __future__ import annotations

import math
from bisect import bisect_left
from datetime import date
from typing import Optional

from nkcheck.compare import measures, neighbours, stages
from nkcheck.normalize import containment as places
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule, finding, one_voice, side
from nkcheck.compare.rules.value import running, slow
from nkcheck.compare.tolerance import overlap
from nkcheck.model import Claim


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

    - the same figure for a part and its whole (killed vs killed or wounded; tractors vs vehicles),
      stated within a month of each other for counts that run on (further apart, the two counts
      only happen to meet);
    - for measures readers confuse (deaths and casualties), one source gives only the part,
      another only the whole ("etwa 600 getötet" here, "4000 getötet oder verwundet" there): both
      can be true, but the figures are not like for like — one finding for the two facts, on the
      pair stated closest in time;
    - the part exceeds the whole: they cannot both be true (NK302).

    A source that gives both the part and the whole puts them in context itself: no finding. Nor
    is a more precise name for the same people ("1.500 Spezialkräfte", "1.500 Soldaten": special
    forces are soldiers) a different measure (``specific`` in the taxonomy).

    **Conflict (scope)**: "4700 Nordkoreaner tot oder verwundet" vs "600 killed, 4,700 injured"
    **Conflict (scope)**: "etwa 600 Soldaten getötet" vs "rund 4000 getötet oder verwundet" (two reports)
    **No finding**: "600 Tote, 4700 Tote und Verwundete" in one report
    """
    code, name, kind = "NK301", "scope.same_figure_other_measure", "scope"

    def check_across(self, facts: list[Group], ctx: Context):
        """The pairs of facts (part, whole) are found from their claims — figures that overlap,
        figures of one stage where the part is larger — not by pairing every fact with every
        other; each is then judged on all its claims, in the order a pass over every pair of
        facts would take: by part, measure, how their places relate (``neighbours.nested_rank``)
        and whole."""
        out = []
        pos = {id(f): i for i, f in enumerate(facts)}
        by_obj: dict[str, list[Group]] = {}
        for f in facts:
            by_obj.setdefault(f.key["object"], []).append(f)
        related: dict[tuple[int, int], bool] = {}

        def ok(part: Group, whole: Group) -> bool:
            k = (id(part), id(whole))
            if k not in related:
                related[k] = neighbours.nested_rank(part, whole) is not None and _related(part, whole)
            return related[k]

        judged: list[tuple[tuple, Group, Group]] = []
        apart: dict[tuple, tuple] = {}  # (part, whole, actor) -> the closest pair given apart
        for o1 in by_obj:  # the order of the findings is set below, not by this loop
            for rank, anc in enumerate(measures.ancestors(o1)):
                if anc not in by_obj or anc == o1:  # a cycle in the taxonomy data
                    continue
                parts, wholes = by_obj[o1], by_obj[anc]
                decided: set[tuple[int, int]] = set()
                for part, whole, same, exceeds in self._pairs(parts, wholes, ctx, ok):
                    decided.add((id(part), id(whole)))
                    if measures.specific(o1):
                        same = []  # "1.500 Spezialkräfte" and "1.500 Soldaten": one group named twice
                    judged.append(((pos[id(part)], rank, neighbours.nested_rank(part, whole), pos[id(whole)]),
                                   part, whole, same, exceeds))
                if measures.confusable(o1) and measures.confusable(anc):
                    for key, pair in _apart(parts, wholes, ctx, ok, decided).items():
                        _keep(apart, (o1, anc) + key, pair)
        for _, part, whole, same, exceeds in sorted(judged, key=lambda j: j[0]):
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
        for key in sorted(apart, key=repr):
            a, b = apart[key]
            out.append(finding(self, "scope", "", [(a, b)],
                               f"{measures.label(a.object)} {side(a, ctx)} vs {measures.label(b.object)} "
                               f"{side(b, ctx)}: different measures",
                               f"{measures.label(a.object)} are only part of {measures.label(b.object)}; "
                               "each source gives one of them, so the figures are not like for like. "
                               "Both can be true.", "object"))
        return out

    @staticmethod
    def _pairs(parts: list[Group], wholes: list[Group], ctx: Context, ok) -> list[tuple]:
        """(part, whole, claim pairs with the same figure, claim pairs where the part is larger
        at the same stage) for the related facts that have either; found from the
        wholes' claims indexed by figure (by the week they were stated) and by day, each list
        in the order of the facts' claims."""
        by_week: dict[Optional[int], list] = {}
        by_day: dict[int, list] = {}
        order: dict[int, int] = {}  # id(claim) -> its place in its fact's claims
        for whole in wholes:
            for i, (b, ib) in enumerate(ctx.figures(whole)):
                order[id(b)] = i
                d = neighbours.day_number(b)
                if b.bound != "vague":
                    by_week.setdefault(None if d is None else d // 7, []).append((ib, (b, ib, whole)))
                if d is not None:
                    by_day.setdefault(d, []).append((b, ib, whole))
        figures = {w: neighbours.FigureIndex(items) for w, items in by_week.items()}
        found: dict[tuple[int, int], tuple] = {}

        def add(part, whole, which: int, a, b) -> None:
            k = (id(part), id(whole))
            if k not in found:
                found[k] = (part, whole, [], [])
            found[k][2 + which].append((a, b))

        for part in parts:
            window = ctx.tolerances.slow_window_days if slow(part) else ctx.tolerances.window_days
            for i, (a, ia) in enumerate(ctx.figures(part)):
                order[id(a)] = i
                d = neighbours.day_number(a)
                if a.bound != "vague":
                    if d is not None and running(part):  # the weeks of figures not far in time, and the undated
                        weeks = [w for w in range((d - SAME_FIGURE_DAYS) // 7, (d + SAME_FIGURE_DAYS) // 7 + 1)
                                 if w in figures] + ([None] if None in figures else [])
                    else:
                        weeks = list(figures)
                    for w in weeks:
                        for b, ib, whole in figures[w].near(ia):
                            if not (one_voice(a, b) and a.start == b.start) and not _far(part, a, b, ctx) and \
                                    overlap(ia, ib, a.bound == "range" and b.bound == "range") and ok(part, whole):
                                add(part, whole, 0, a, b)
                if d is None:
                    continue
                for day in range(d - window + 1, d + window):
                    for b, ib, whole in by_day.get(day, ()):
                        if ia[0] > ib[1] and not (one_voice(a, b) and a.start == b.start) and ok(part, whole) and \
                                stages.relation(a, b, ctx.tolerances, slow(part)) == stages.SAME:
                            add(part, whole, 1, a, b)
        rank = lambda pair: (order[id(pair[0])], order[id(pair[1])])  # noqa: E731
        return [(part, whole, sorted(same, key=rank), sorted(exceeds, key=rank))
                for part, whole, same, exceeds in found.values()]


def _other_counters(part: Group, a: Claim, b: Claim) -> bool:
    """A crowd counted by two kinds of source (the organisers' 50.000 in Vienna, the police's
    45.000 for the whole country): each kind counts its own way, so a part above the other's
    whole is their usual gap, not an impossibility."""
    return measures.local(part.key.get("event")) and bool(a.source_kind and b.source_kind) and \
        a.source_kind != b.source_kind


SAME_FIGURE_DAYS = 31  # a running count's figures stated further apart are of different stages


def _far(part: Group, a: Claim, b: Claim, ctx: Context) -> bool:
    """Two figures of a running count stated at different stages: more than
    ``SAME_FIGURE_DAYS`` apart for a count that changes by the month (a war's), beyond the
    window of a stage for one that changes by the day (a disaster's toll: "62 Tote" on the first
    evening, "62 Leichen nicht identifiziert" a week later). The same figure for a part then and
    a whole later is a coincidence of the count, not one figure named for two measures."""
    if not running(part):
        return False
    da, db = neighbours.day_number(a), neighbours.day_number(b)
    if slow(part):
        return da is not None and db is not None and abs(da - db) > SAME_FIGURE_DAYS
    if da is None or db is None:
        # a toll that changes by the day: a figure not known to be of the same day is no more
        # the same stage than one of another day (a crowd has its rally's day instead)
        return not measures.local(part.key.get("event"))
    return abs(da - db) > ctx.tolerances.window_days  # a day, and the morning after


def _given_apart(a, b, part_docs: set, whole_docs: set) -> bool:
    """The part from one source, the whole from another: in two articles that each give only
    one of them, or in one article that cites two sources."""
    return (a.doc not in whole_docs and b.doc not in part_docs) or \
        (a.doc == b.doc and bool(a.source) and bool(b.source) and a.source != b.source)


def _keep(best: dict, key: tuple, pair: tuple) -> None:
    if key not in best or _closest(pair) < _closest(best[key]):
        best[key] = pair


def _apart(parts: list[Group], wholes: list[Group], ctx: Context, ok, decided: set) -> dict:
    """For measures readers confuse: per actor, the closest pair (``_closest``) of a part's
    claim and a whole's claim given apart (``_given_apart``) by two related facts that hold no
    same figure and no part above its whole (``decided`` holds those).

    Searched from each part's claim, among the wholes of each actor: the claims of its own
    article first, then the nearest days it was stated, then the claims of no known day; the
    result is the one a pass over every pair would keep."""
    docs = {id(f): {c.doc for c in f.pairable} for f in parts + wholes}
    by_actor: dict[Optional[str], _Stated] = {}
    for whole in wholes:
        by_actor.setdefault(whole.key["actor"], _Stated()).add(whole)
    for stated in by_actor.values():
        stated.sort()
    best: dict[tuple, tuple] = {}

    def valid(part, a, whole, b) -> bool:
        return (id(part), id(whole)) not in decided and not (one_voice(a, b) and a.start == b.start) and \
            ok(part, whole) and _given_apart(a, b, docs[id(part)], docs[id(whole)]) and \
            not _other_stage(part, a, b, ctx)

    actors = sorted(by_actor, key=lambda x: x or "")
    for part in parts:
        mine = part.key["actor"]
        # a whole of another actor is never related (``_related``): only the part's own and none
        for actor in (actors if mine is None else [x for x in actors if x in (mine, None)]):
            for a in part.pairable:
                pair = by_actor[actor].closest(part, a, valid)
                if pair is not None:
                    _keep(best, (mine or actor,), pair)
    return best


def _other_stage(part: Group, a: Claim, b: Claim, ctx: Context) -> bool:
    """Two figures of a count that changes by the day (a disaster's toll) stated at different
    stages ("217 Tote" now, "158 Tote und Vermisste" in an earlier report): the one is not the
    other's measure at another time, and no like-for-like problem."""
    if slow(part) or not running(part):
        return False
    return stages.relation(a, b, ctx.tolerances) in (stages.BEFORE, stages.AFTER)


def _day_of(c) -> Optional[int]:
    """A claim's statement day as ``_gap`` reads it (None: unknown, far from every other)."""
    try:
        return date.fromisoformat(c.as_of[:10]).toordinal()
    except (TypeError, ValueError):
        return None


class _Stated:
    """The claims of some facts by article, by the day they were stated, and by article and
    position (for figures whose day is unknown)."""

    def __init__(self):
        self.by_doc: dict[str, list] = {}
        self.dated: list[tuple[int, str, int, Claim, Group]] = []
        self.undated: list[tuple[str, int, Claim, Group]] = []
        self.every: list[tuple[str, int, Claim, Group]] = []

    def add(self, fact: Group) -> None:
        for b in fact.pairable:
            self.by_doc.setdefault(b.doc, []).append((b, fact))
            d = _day_of(b)
            if d is None:
                self.undated.append((b.doc, b.start, b, fact))
            else:
                self.dated.append((d, b.doc, b.start, b, fact))
            self.every.append((b.doc, b.start, b, fact))

    def sort(self) -> None:
        self.dated.sort(key=lambda t: t[:3])
        self.undated.sort(key=lambda t: t[:2])
        self.every.sort(key=lambda t: t[:2])
        self.days = [t[0] for t in self.dated]

    def closest(self, part: Group, a: Claim, valid) -> Optional[tuple]:
        """The valid pair (a, b) with the smallest ``_closest``, None when there is none."""
        mine = [(a, b) for b, whole in self.by_doc.get(a.doc, ()) if valid(part, a, whole, b)]
        if mine:
            return min(mine, key=_closest)
        d = _day_of(a)
        if d is None:  # every gap is "far": the first valid by article and position
            return next(((a, b) for _, _, b, whole in self.every if valid(part, a, whole, b)), None)
        right = bisect_left(self.days, d)
        left = right - 1
        while left >= 0 or right < len(self.dated):
            gap = min(d - self.days[left] if left >= 0 else math.inf,
                      self.days[right] - d if right < len(self.dated) else math.inf)
            level = []
            while left >= 0 and d - self.days[left] == gap:
                level.append(self.dated[left])
                left -= 1
            while right < len(self.dated) and self.days[right] - d == gap:
                level.append(self.dated[right])
                right += 1
            found = [(a, t[3]) for t in level if valid(part, a, t[4], t[3])]
            if found:
                return min(found, key=_closest)
        return next(((a, b) for _, _, b, whole in self.undated if valid(part, a, whole, b)), None)


def _closest(pair) -> tuple:
    """The pair a reader meets together (one article citing two sources), else the one stated
    closest in time; then a stable order."""
    a, b = pair
    return (a.doc != b.doc, _gap(a, b), a.doc, a.start, b.doc, b.start)


def _gap(a, b) -> int:
    """Days between two claims' statements (unknown: far)."""
    da, db = _day_of(a), _day_of(b)
    return 10 ** 6 if da is None or db is None else abs(da - db)


class PartExceedsWholeRule(Rule):
    """A part larger than its whole at the same time: a measure's part (the killed) above the
    whole (killed or wounded), or a place's count above the count of the place that contains it
    (a province's toll above the country's).

    **Conflict (scope)**: "41 Tote in der Provinz Isabela" vs "38 Tote landesweit" (same day)
    **No finding**: "34 Tote in Paiporta" vs "95 Tote in Spanien"
    """
    code, name, kind = "NK302", "scope.part_exceeds_whole", "scope"

    def check_across(self, facts: list[Group], ctx: Context):
        """The pairs of facts are found from their claims (a figure above a figure of the same
        measure, stated at the same stage, for a place around it) and judged on all their
        claims, ordered by measure, then by the first fact and how the other's place lies around
        its place (``neighbours.around_rank``)."""
        out = []
        counts = [f for f in facts if f.key["place"] and measures.additive(f.key["event"])]
        pos = {id(f): i for i, f in enumerate(counts)}
        obj_rank: dict[str, int] = {}
        for f in counts:
            obj_rank.setdefault(f.key["object"], len(obj_rank))
        stated: dict[tuple, dict[int, list]] = {}  # (object, place or "+") -> day -> (claim, interval, fact)
        for f in counts:
            p = f.key["place"]
            where = p if neighbours.simple(p) else "+"
            for b, ib in ctx.figures(f):
                d = neighbours.day_number(b)
                if d is not None:
                    stated.setdefault((f.key["object"], where), {}).setdefault(d, []).append((b, ib, f))
        wilds = {o for o, w in stated if w == "+"}
        everywhere = {o: [w for (o2, w) in stated if o2 == o] for o in obj_rank}
        pairs_of: dict[tuple[int, int], tuple] = {}
        for f in counts:
            obj, p = f.key["object"], f.key["place"]
            window = ctx.tolerances.slow_window_days if slow(f) else ctx.tolerances.window_days
            if neighbours.simple(p):
                wheres = list(places.chain(p)[1:]) + (["+"] if obj in wilds else [])
            else:
                wheres = everywhere[obj]
            for a, ia in ctx.figures(f):
                d = neighbours.day_number(a)
                if d is None:
                    continue
                for where in wheres:
                    days = stated.get((obj, where))
                    if not days:
                        continue
                    for day in range(d - window + 1, d + window):
                        for b, ib, g in days.get(day, ()):
                            key = (min(id(f), id(g)), max(id(f), id(g)))
                            if g is f or ia[0] <= ib[1] or key in pairs_of:
                                continue
                            q = g.key["place"]
                            if q != p and places.contains(q, p):
                                pairs_of[key] = self._order(f, g, pos, obj_rank)
        for _, f1, f2 in sorted((t for t in pairs_of.values() if t is not None), key=lambda t: t[0]):
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
            pairs = [(a, b) for a, ia in part_iv for b, ib in whole_iv
                     if ia[0] > ib[1] and stages.relation(a, b, ctx.tolerances, slow(part)) == stages.SAME
                     and not _other_counters(part, a, b)]
            if pairs:
                a, b = pairs[0]
                out.append(finding(self, "scope", "", pairs,
                                   f"{side(a, ctx)} for {places.display(a.place)} exceeds {side(b, ctx)} for "
                                   f"{places.display(b.place)}",
                                   f"{places.display(a.place)} lies in {places.display(b.place)}: its count cannot "
                                   "be larger at the same time.", "place"))
        return out

    @staticmethod
    def _order(part: Group, whole: Group, pos: dict, obj_rank: dict) -> Optional[tuple]:
        """(the pair's place in the order, the pair in the orientation that comes first); None
        when neither fact's place lies around the other's."""
        rank = obj_rank[part.key["object"]]
        keys = []
        for x, y in ((part, whole), (whole, part)):
            r = neighbours.around_rank(x, y)
            if r is not None:
                keys.append(((rank, pos[id(x)], r, pos[id(y)]), x, y))
        return min(keys, key=lambda k: k[0]) if keys else None
