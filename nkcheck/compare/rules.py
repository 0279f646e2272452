"""The verdict rules. Each rule has a stable code, a name, and a docstring that documents it
(``nkcheck rules`` prints them). ``judge`` asks the rules in order; the first that applies
gives the verdict for a pair of claims.
"""
from __future__ import annotations

from functools import lru_cache
from itertools import combinations
from typing import Optional

from nkcheck.compare import facts
from nkcheck.model import Claim, Finding


def fact_label(a: Claim) -> str:
    """A readable name for the fact two claims speak of: 'north_korea · soldiers · sent'."""
    return _fact_label(a.actor, a.object, a.event, a.place)


@lru_cache(maxsize=65536)
def _fact_label(actor, obj, event, place) -> str:
    parts = [actor or "", facts.root(obj), facts.family(event)]
    if place:
        parts.append(place)
    return " · ".join(p for p in parts if p)


def _finding(code: str, kind: str, a: Claim, b: Claim, summary: str, explanation: str, slot: str) -> Finding:
    tol = facts.APPROX_TOLERANCE if (a.approx or b.approx) else facts.EXACT_TOLERANCE
    return Finding(id="", kind=kind, claims=[a.id, b.id], summary=summary, fact=fact_label(a),
                   rule=code, explanation=explanation, tolerance=tol, slot=slot)


class Rule:
    code = ""
    name = ""

    def check(self, a: Claim, b: Claim) -> Optional[Finding]:
        raise NotImplementedError


class ScopeRule(Rule):
    """Different measures of one thing: one counted object is part of the other.

    **Conflict (scope)**: "etwa 600 Soldaten getötet" vs "etwa 4000 getötet oder verwundet"
    **No finding**: "1000 Pioniere" vs "4000 Soldaten" (neither is part of the other)
    """
    code, name = "NK301", "scope.part_of_whole"

    def check(self, a, b):
        if a.object == b.object:
            return None
        if b.object in facts.ancestors(a.object):
            part, whole = a, b
        elif a.object in facts.ancestors(b.object):
            part, whole = b, a
        else:
            return None
        if facts.times_relation(a, b) == "different":
            return None
        plo = part.low if part.low is not None else 0
        possible = whole.high is None or plo <= whole.high * (1 + facts.APPROX_TOLERANCE)
        label = lambda o: facts.taxonomy().get(o, {}).get("label", o)  # noqa: E731
        expl = (f"{label(part.object)} are only part of {label(whole.object)}: "
                f"{facts.describe(part)} vs {facts.describe(whole)} are not like for like. "
                + ("Both can be true." if possible else "They cannot both be true: the part exceeds the whole."))
        return _finding(self.code, "scope", a, b,
                        f"{label(part.object)} ({facts.describe(part)}) vs {label(whole.object)} "
                        f"({facts.describe(whole)}): different measures", expl, "object")


class TimeRule(Rule):
    """The same figure for the same fact, dated to different periods.

    **Conflict (time)**: "11.000 Soldaten im vergangenen Oktober entsandt" vs "im November 2024 rund 11.000 geschickt"
    **No finding**: two different figures in two different months (different deployments)
    """
    code, name = "NK201", "time.same_figure_other_period"

    def check(self, a, b):
        if a.object != b.object or facts.times_relation(a, b) != "different":
            return None
        if not facts.values_overlap(a, b) or a.bound == "vague" or b.bound == "vague":
            return None
        if facts.cumulative(a.event):
            return None  # a running count may repeat a figure at another time
        expl = (f"Both give {facts.describe(a)} for {fact_label(a)}, but one dates it "
                f"{a.time_start}–{a.time_end} ({a.time_text or 'no date given'}) and the other "
                f"{b.time_start}–{b.time_end} ({b.time_text or 'no date given'}).")
        return _finding(self.code, "time", a, b,
                        f"same figure ({facts.describe(a)}) dated to different periods", expl, "time")


def _earlier(a: Claim, b: Claim) -> Optional[tuple[Claim, Claim]]:
    """Which of two figures was stated first, when the articles say so: clock times or dates
    of their stamps, a figure for the start of the event, or a time-stamped snapshot taken
    during the event against a figure given without a time (a later tally)."""
    ka, kb = a.as_of or "", b.as_of or ""
    if ka and kb and ka != kb:
        da, _, ca = ka.partition("T")
        db, _, cb = kb.partition("T")
        if da and db and da != db:
            return (a, b) if da < db else (b, a)
        if ca and cb and (not da or not db or da == db):
            return (a, b) if ca < cb else (b, a)
        return None
    if (a.phase == "start") != (b.phase == "start"):
        return (a, b) if a.phase == "start" else (b, a)
    if ("T" in ka) != ("T" in kb) and not (ka and kb):
        return (a, b) if "T" in ka else (b, a)
    return None


def same_counter(a: Claim, b: Claim) -> bool:
    """Both figures come from the same kind of source, or neither names one."""
    if a.source_kind or b.source_kind:
        return a.source_kind == b.source_kind
    return a.source is None and b.source is None


class UpdateRule(Rule):
    """A later, larger figure of a running count (a crowd that grows, a rising toll) from the
    same kind of source is an update, not a conflict.

    **Update**: "mindestens 300.000" (later tally) after "über 250.000" (Stand 18.25 Uhr)
    **Conflict**: a count that falls without explanation, or police vs organisers (value)
    """
    code, name = "NK901", "update.later_figure"

    def check(self, a, b):
        if a.object != b.object or not facts.cumulative(a.event) or facts.times_relation(a, b) != "same":
            return None
        if not same_counter(a, b):
            return None
        order = _earlier(a, b)
        if order is None:
            return None
        early, late = order
        tol = facts.APPROX_TOLERANCE if (early.approx or late.approx) else facts.EXACT_TOLERANCE
        if early.low is None or late.low is None or late.low <= early.low * (1 + tol):
            return None  # no rise: agreement, or a falling count (a value conflict)
        when = lambda c: c.as_of or ("Beginn/start" if c.phase == "start" else "später/later")  # noqa: E731
        return _finding(self.code, "update", early, late,
                        f"later figure {facts.describe(late)} ({when(late)}) updates "
                        f"{facts.describe(early)} ({when(early)})",
                        "A running count stated at two moments by the same kind of source; the later, "
                        "higher figure is an update, not a contradiction.",
                        "time")


class ValueRule(Rule):
    """Same fact, same period: the figures do not overlap, even with the hedges' tolerance.

    **Conflict (value)**: "4000 weitere Soldaten zugesagt" vs "zwischen 25.000 und 30.000 Soldaten geplant"
    **No finding**: "bis zu 30.000" vs "25.000 bis 30.000" (intervals overlap)
    """
    code, name = "NK101", "value.no_overlap"

    def check(self, a, b):
        if a.object != b.object or facts.times_relation(a, b) != "same" or facts.values_overlap(a, b):
            return None
        hi, lo = (a, b) if (a.low or 0) >= (b.low or 0) else (b, a)
        expl = (f"{lo.source or lo.doc}: {facts.describe(lo)}; {hi.source or hi.doc}: {facts.describe(hi)}. "
                f"Even with the tolerance of the hedges (±{int(facts.APPROX_TOLERANCE * 100)} % for "
                f"'etwa', ±{int(facts.EXACT_TOLERANCE * 100)} % otherwise) the figures do not overlap.")
        return _finding(self.code, "value", a, b,
                        f"{facts.describe(lo)} vs {facts.describe(hi)} for the same fact", expl, "value")


class ConsistentRule(Rule):
    """Same fact, overlapping figures: the sources agree.

    **Agreement**: "rund 100.000" vs "bis zu 100.000"
    """
    code, name = "NK001", "agreement.consistent"

    def check(self, a, b):
        if a.object != b.object or facts.times_relation(a, b) != "same" or not facts.values_overlap(a, b):
            return None
        return _finding(self.code, "consistent", a, b,
                        f"{facts.describe(a)} and {facts.describe(b)} agree",
                        "The intervals overlap (after the hedges' tolerance).", "value")


RULES: list[Rule] = [ScopeRule(), TimeRule(), UpdateRule(), ValueRule(), ConsistentRule()]


def judge(a: Claim, b: Claim) -> Optional[Finding]:
    for rule in RULES:
        f = rule.check(a, b)
        if f is not None:
            return f
    return None


class SumRule(Rule):
    """Parts in one source add up to a total in another: consistent, not a conflict.

    **Agreement (sum)**: "6000 Wiederaufbau-Kräfte" = "1000 Pioniere" + "5000 Bauarbeiter"
    """
    code, name = "NK401", "sum.parts_add_up"


def sum_agreements(blocks) -> list[Finding]:
    """Sibling parts named together in one sentence whose sum matches a total elsewhere."""
    out: list[Finding] = []
    for members in blocks.values():
        by_sentence: dict[tuple, list[Claim]] = {}
        for c in members:
            by_sentence.setdefault((c.doc, c.sentence), []).append(c)
        for group in by_sentence.values():
            for k in (2, 3):
                for parts in combinations(group, k):
                    parents = [set(facts.ancestors(p.object)) for p in parts]
                    common = set.intersection(*parents)
                    if not common or len({p.object for p in parts}) < k:
                        continue
                    if any(p.bound == "vague" or p.low is None or p.high is None for p in parts):
                        continue
                    lo = sum(p.low for p in parts)
                    hi = sum(p.high for p in parts)
                    for total in members:
                        if total.object not in common or total.doc == parts[0].doc:
                            continue
                        if total.low is None or total.high is None or total.bound == "vague":
                            continue
                        if not all(facts.actors_compatible(total, p) and facts.places_compatible(total, p) for p in parts):
                            continue
                        tol = facts.APPROX_TOLERANCE if total.approx else facts.EXACT_TOLERANCE
                        if total.low * (1 - tol) <= hi and lo <= total.high * (1 + tol):
                            summary = (" + ".join(facts.describe(p) for p in parts)
                                       + f" = {facts.describe(total)}")
                            out.append(Finding(id="", kind="sum", claims=[total.id], parts=[p.id for p in parts],
                                               summary=f"parts add up to the total: {summary}",
                                               fact=fact_label(total), rule=SumRule.code,
                                               explanation="The parts named in one source add up to the total in another.",
                                               tolerance=tol, slot="object"))
    return out


ALL_RULES = RULES + [SumRule()]
