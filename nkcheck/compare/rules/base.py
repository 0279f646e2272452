"""What every verdict rule shares: its code, name and documentation, the facts it reads, and the
finding it makes. Codes follow the families of the house: NK0xx agreement, NK1xx value, NK2xx
time, NK3xx scope, NK4xx sums, NK6xx place, NK9xx updates."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from nkcheck.compare import measures
from nkcheck.compare.facts import Group, stated
from nkcheck.compare.tolerance import DEFAULT, Tolerances, interval
from nkcheck.model import Claim, Finding


@dataclass
class Context:
    """What the rules may consult: the tolerances, and the documents' outlets for summaries."""

    tolerances: Tolerances = DEFAULT
    outlets: dict = field(default_factory=dict)  # doc id -> outlet
    _figures: dict = field(default_factory=dict, repr=False)  # id(fact) -> (fact, its figures)

    def figures(self, fact: Group) -> list[tuple[Claim, tuple[float, float]]]:
        """The fact's pairable claims with their intervals, worked out once per fact (a fact
        meets many others in the rules across facts)."""
        held = self._figures.get(id(fact))
        if held is None or held[0] is not fact:
            held = self._figures[id(fact)] = (fact, [(c, interval(c, self.tolerances)) for c in fact.pairable])
        return held[1]


class Rule:
    """A verdict rule: ``check`` returns findings for one fact (or, for rules across facts,
    ``check_across`` for the facts of one block)."""

    code = ""
    name = ""
    kind = ""

    def check(self, fact: Group, ctx: Context) -> list[Finding]:
        return []

    def check_across(self, facts: list[Group], ctx: Context) -> list[Finding]:
        return []


def who(c: Claim, ctx: Context) -> str:
    """Who gives a figure, for a verdict line: the cited source, else the outlet, else the file."""
    return c.source or ctx.outlets.get(c.doc) or c.doc


def when(c: Claim) -> str:
    if not c.as_of:
        return "date unknown"
    return c.as_of.replace("T", " ")


def side(c: Claim, ctx: Context) -> str:
    """'NIS: about 600 (2025-04-30)'."""
    return f"{who(c, ctx)}: {measures.describe(c)} ({when(c)})"


def finding(rule: Rule, kind: str, fact_label: str, pairs: list[tuple[Claim, Claim]], summary: str,
            explanation: str, slot: str, tol: Optional[float] = None) -> Finding:
    ids = []
    for a, b in pairs:
        for c in (a, b):
            if c.id not in ids:
                ids.append(c.id)
    return Finding(id="", kind=kind, claims=ids, summary=summary, fact=fact_label, rule=rule.code,
                   explanation=explanation, tolerance=tol, slot=slot,
                   pairs=[[a.id, b.id, kind] for a, b in pairs])


def one_voice(a: Claim, b: Claim) -> bool:
    """One article and one source: not a cross-source comparison."""
    return a.doc == b.doc and (a.source or "") == (b.source or "")


def ordered(claims: list[Claim]) -> list[Claim]:
    return sorted(claims, key=lambda c: (stated(c), c.doc, c.start))
