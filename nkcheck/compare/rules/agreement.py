"""NK001: the sources agree on a fact."""
from __future__ import annotations

from nkcheck.compare import measures
from nkcheck.compare.facts import Group
from nkcheck.compare.rules.base import Context, Rule
from nkcheck.compare.tolerance import agree
from nkcheck.model import Finding


class AgreementRule(Rule):
    """Same fact, several articles: every figure overlaps with the others, read as estimates.

    **Agreement**: "rund 100.000" vs "bis zu 100.000"
    """
    code, name, kind = "NK001", "agreement.consistent", "consistent"

    def check(self, fact: Group, ctx: Context):
        claims = fact.pairable
        if len({c.doc for c in claims}) < 2:
            return []
        groups: list[list] = []  # figures that agree with each other, for the finding's claims
        for c in claims:
            for g in groups:
                if all(agree(c, o, ctx.tolerances) for o in g):
                    g.append(c)
                    break
            else:
                groups.append([c])
        out = []
        for g in groups:
            if len({c.doc for c in g}) < 2:
                continue
            out.append(Finding(id="", kind="consistent", claims=[c.id for c in g],
                               summary=" and ".join(sorted({measures.describe(c) for c in g})) + " agree",
                               fact="", rule=self.code, explanation="The figures overlap, read as estimates.",
                               slot="value"))
        return out
