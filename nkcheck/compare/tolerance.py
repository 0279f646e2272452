"""How far a figure reaches: hedges read as estimates, not as open bounds.

- an exact figure ("11.000", "217") stands for the rounding of its digits, at most ``exact`` of it
  (1 %): 215 and 217 differ, 11.000 and 12.000 differ;
- "etwa N", "rund N", "about N" reach half a unit of N's last significant digit, at most
  ``approx`` of N (10 %): "etwa 11.000" is 10.500–11.500, "rund 100.000" 90.000–110.000;
- "mehr als N", "mindestens N", "more than N", "at least N" are estimates near N: N to
  N × (1 + ``more_than``) (50 %), not up to infinity — "mehr als 1.100" and "mehr als 3.000" differ;
- "bis zu N", "up to N" (for what happened) reach down to N × (1 − ``up_to``) (40 %); for a plan
  it stays a ceiling;
- "fast N", "knapp N", "nearly N" are N × (1 − ``nearly``) (10 %) to N;
- "weniger als N", "unter N" are N × (1 − ``less_than``) (50 %) to N;
- a range stays its range; a vague amount ("Tausende") its span.

Each is a setting (``[tool.nkcheck.tolerance]`` in ``nkcheck.toml``) and documented in
``nkcheck rules``.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Optional

from nkcheck.model import Claim


@dataclass(frozen=True)
class Tolerances:
    exact: float = 0.01
    approx: float = 0.10
    more_than: float = 0.5
    up_to: float = 0.4
    nearly: float = 0.10
    less_than: float = 0.5
    window_days: int = 1  # a day: figures of a disaster's toll or a crowd stated within it are one stage
    slow_window_days: int = 7  # a week, for running counts without an occasion's day (a war's totals)

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls)]


DEFAULT = Tolerances()


def _unit(v: float) -> float:
    """Half a unit of the last significant digit of a whole figure (11.000 -> 500, 217 -> 0.5)."""
    if v != int(v) or v == 0:
        frac = f"{v:.6f}".rstrip("0").split(".")
        return 0.5 * 10 ** -(len(frac[1]) if len(frac) > 1 else 0)
    n = int(abs(v))
    zeros = len(str(n)) - len(str(n).rstrip("0"))
    return 0.5 * 10 ** zeros


@lru_cache(maxsize=65536)
def estimate(low: Optional[float], high: Optional[float], bound: str, approx: bool, actual: bool,
             tol: Tolerances = DEFAULT) -> tuple[float, float]:
    """The interval a figure stands for, hedges read as estimates."""
    if low is None and high is None:
        return (-math.inf, math.inf)
    if bound in ("range", "vague"):
        lo = low if low is not None else 0.0
        hi = high if high is not None else math.inf
        return float(lo), float(hi)
    if bound in ("more_than", "at_least"):
        n = float(low)
        return n, n + abs(n) * tol.more_than
    if bound == "up_to":
        n = float(high)
        return (n - abs(n) * tol.up_to if actual else min(0.0, n)), n
    if bound == "at_most":
        n = float(high)
        return (n - abs(n) * tol.up_to if actual else min(0.0, n)), n
    if bound == "less_than":
        n = float(high)
        return n - abs(n) * tol.less_than, n
    if bound == "nearly":
        n = float(low if low is not None else high)
        return n - abs(n) * tol.nearly, n
    n = float(low if low is not None else high)
    share = tol.approx if (approx or bound == "approx") else tol.exact
    reach = min(_unit(n), abs(n) * share) if n else 0.0
    if not (approx or bound == "approx"):
        reach = max(reach, 0.5 if n == int(n) else 0.0)
    return n - reach, n + reach


_ESTIMATES: dict[int, tuple[Tolerances, dict]] = {}  # id(tolerances) -> (them, figure -> interval)


def interval(c: Claim, tol: Tolerances = DEFAULT) -> tuple[float, float]:
    """A claim's interval (``estimate`` of its figure), kept per tolerances: the rules ask for
    the same figures' intervals many times."""
    held = _ESTIMATES.get(id(tol))
    if held is None or held[0] is not tol:
        held = _ESTIMATES[id(tol)] = (tol, {})
    known = held[1]
    key = (c.low, c.high, c.bound, bool(c.approx), c.modality == "actual")
    iv = known.get(key)
    if iv is None:
        if len(known) > 65536:
            known.clear()
        iv = known[key] = estimate(*key, tol)
    return iv


def agree(a: Claim, b: Claim, tol: Tolerances = DEFAULT) -> bool:
    """Whether the figures can be the same: their intervals overlap. An estimate's interval is
    half-open, so two different figures that only touch (7,7 and 7,8; 215 and 216; "mehr als
    1.000" and "bis zu 1.000") differ; two ranges the text gives keep their ends ("10 bis 20"
    and "20 bis 30" meet at 20)."""
    return overlap(interval(a, tol), interval(b, tol), a.bound == "range" and b.bound == "range")


def overlap(ia: tuple[float, float], ib: tuple[float, float], ranges: bool = False) -> bool:
    """Whether two figures' intervals overlap (``agree`` with the intervals already known);
    ``ranges``: both are ranges the text gives, which meet at their ends."""
    (alo, ahi), (blo, bhi) = ia, ib
    if ranges or alo == ahi or blo == bhi:
        return alo <= bhi and blo <= ahi
    return alo < bhi and blo < ahi


def point(c: Claim) -> Optional[float]:
    """The figure a claim names (the N of "mehr als N", the middle of a range)."""
    if c.low is not None and c.high is not None:
        return (float(c.low) + float(c.high)) / 2
    return float(c.low if c.low is not None else c.high) if (c.low is not None or c.high is not None) else None


def from_settings(table: Optional[dict]) -> Tolerances:
    """Tolerances from a settings table ({"approx": 0.1, ...}); unknown keys are errors."""
    if not table:
        return DEFAULT
    unknown = set(table) - set(Tolerances.names())
    if unknown:
        raise ValueError(f"unknown tolerance {sorted(unknown)[0]!r} (known: {', '.join(Tolerances.names())})")
    return Tolerances(**{k: type(getattr(DEFAULT, k))(v) for k, v in table.items()})
