"""The verdict rules, one module each. ``FACT_RULES`` judge the claims of one fact, ``ACROSS``
relate facts of one block (a measure and its parts, a place and the places in it), ``SumRule``
adds parts up. Each rule's docstring is its documentation (``nkcheck rules``)."""
from nkcheck.compare.rules.agreement import AgreementRule
from nkcheck.compare.rules.base import Context, Rule
from nkcheck.compare.rules.place import PlaceRule
from nkcheck.compare.rules.scope import PartExceedsWholeRule, ScopeRule
from nkcheck.compare.rules.sums import SumRule
from nkcheck.compare.rules.time import TimeRule
from nkcheck.compare.rules.update import UpdateRule
from nkcheck.compare.rules.value import RevisedDownRule, ValueRule

FACT_RULES: list[Rule] = [ValueRule(), RevisedDownRule(), TimeRule(), PlaceRule(), UpdateRule(), AgreementRule()]
ACROSS: list[Rule] = [ScopeRule(), PartExceedsWholeRule(), PlaceRule()]
SUMS = SumRule()
ALL_RULES: list[Rule] = FACT_RULES[:-1] + ACROSS[:2] + [SUMS, FACT_RULES[-1]]

__all__ = ["ALL_RULES", "ACROSS", "FACT_RULES", "SUMS", "Context", "Rule"]
