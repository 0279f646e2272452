"""Comparison: align claims that speak of the same fact and decide whether sources agree."""
from nkcheck.compare.engine import compare  # noqa: F401
