"""The verdict rules, one module each. ``FACT_RULES`` judge the claims of one fact, ``ACROSS``
relate facts of one block (a measure and its parts, a place and the places in it), ``APART``
facts of places that do not contain each other, ``STRETCH`` a batch and the total of one
block, ``SumRule`` adds parts up. Each rule's docstring is its documentation (``nkcheck rules``)."""
from nkcheck.compare.rules.agreement import AgreementRule
from nkcheck.compare.rules.base import Context, Rule
from nkcheck.compare.rules.place import PlaceRule
from nkcheck.compare.rules.scope import PartExceedsWholeRule, ScopeRule
from nkcheck.compare.rules.stretch import StretchAsTotalRule
from nkcheck.compare.rules.sums import SumRule
from nkcheck.compare.rules.time import TimeRule
from nkcheck.compare.rules.update import UpdateRule
from nkcheck.compare.rules.value import RevisedDownRule, ValueRule

FACT_RULES: list[Rule] = [ValueRule(), RevisedDownRule(), TimeRule(), PlaceRule(), UpdateRule(), AgreementRule()]
ACROSS: list[Rule] = [ScopeRule(), PartExceedsWholeRule()]  # facts of one place and the places around it
APART: list[Rule] = [FACT_RULES[3]]  # facts of places apart (NK601: one group in two countries)
SUMS = SumRule()
STRETCH = StretchAsTotalRule()  # a batch and the total of one block (across the batch/total split of facts)
ALL_RULES: list[Rule] = FACT_RULES[:-1] + ACROSS + [STRETCH, SUMS, FACT_RULES[-1]]

__all__ = ["ALL_RULES", "ACROSS", "APART", "FACT_RULES", "STRETCH", "SUMS", "Context", "Rule"]
