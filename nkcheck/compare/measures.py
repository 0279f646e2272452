"""What the comparator needs to know of measures and events: the component of related objects
(the blocking key), event families and their flags, labels, and figures written compactly."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata
from nkcheck.normalize.objects import ancestors, fixed, taxonomy  # noqa: F401 (re-exported for the rules)


@lru_cache(maxsize=None)
def event_info() -> dict:
    return langdata.shared("events")["events"]


@lru_cache(maxsize=None)
def families() -> dict:
    return langdata.shared("events").get("families", {})


@lru_cache(maxsize=None)
def _components() -> dict[str, str]:
    """Objects linked by part-of edges share one component (killed, wounded, missing ...)."""
    parent = {o: o for o in taxonomy()}

    def find(o):
        while parent[o] != o:
            o = parent[o]
        return o
    for o, info in taxonomy().items():
        for b in info.get("broader", []):
            ra, rb = find(o), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)
    return {o: find(o) for o in taxonomy()}


def root(obj: Optional[str]) -> str:
    """The component of related objects an object belongs to: the blocking key."""
    if obj is None:
        return "?"
    return _components().get(obj, obj)


def family(event: Optional[str]) -> str:
    return event_info().get(event or "", {}).get("family", event or "?")


def family_flag(event: Optional[str], name: str) -> bool:
    return bool(families().get(family(event), {}).get(name))


def _flag(event: Optional[str], name: str) -> bool:
    return bool(event_info().get(event or "", {}).get(name))


def additive(event: Optional[str]) -> bool:
    """Counts that add up over places (participants, casualties): one city is not the country."""
    return _flag(event, "additive")


def local(event: Optional[str]) -> bool:
    """Events that happen at one place on one day (a rally)."""
    return _flag(event, "local")


def cumulative(event: Optional[str]) -> bool:
    """A running count that may rise over time (a toll, troops sent, a crowd during the day)."""
    return _flag(event, "cumulative")


def may_fall(obj: Optional[str]) -> bool:
    """A running count that falls as it is updated (the missing are found, the evacuated return)."""
    return bool(taxonomy().get(obj or "", {}).get("may_fall"))


def confusable(obj: Optional[str]) -> bool:
    """Measures readers take for each other (the killed and the casualties): kind casualty,
    unless the taxonomy says otherwise (the unidentified among the dead)."""
    info = taxonomy().get(obj or "", {})
    return info.get("kind") == "casualty" and info.get("confusable", True)


def specific(obj: Optional[str]) -> bool:
    """A more precise name for people also called by its broader word (special forces: soldiers)."""
    return bool(taxonomy().get(obj or "", {}).get("specific"))


def label(obj: Optional[str]) -> str:
    return taxonomy().get(obj or "", {}).get("label", obj or "?")


def event_label(event: Optional[str]) -> str:
    return event_info().get(event or "", {}).get("label", event or "")


def fmt(v) -> str:
    if v is None:
        return "?"
    if isinstance(v, float) and not v.is_integer():
        return f"{v:,.2f}".rstrip("0").rstrip(".").replace(",", " ")
    return f"{int(v):,}".replace(",", " ")


def describe(c) -> str:
    """'about 600', '25 000–30 000', 'more than 30 000' in compact, language-neutral form."""
    return _describe(c.low, c.high, c.approx, c.bound)


@lru_cache(maxsize=65536)
def _describe(low, high, approx: bool, bound: str = "exact") -> str:
    if low is not None and high is not None and low != high:
        return f"{fmt(low)}–{fmt(high)}"
    if bound in ("more_than", "at_least") and low is not None:
        return ("more than " if bound == "more_than" else "at least ") + fmt(low)
    if bound in ("up_to", "at_most", "less_than") and high is not None:
        return {"up_to": "up to ", "at_most": "at most ", "less_than": "less than "}[bound] + fmt(high)
    if low is None:
        return f"≤ {fmt(high)}"
    if high is None:
        return f"≥ {fmt(low)}"
    if bound == "nearly":
        return "nearly " + fmt(low)
    return ("about " if approx else "") + fmt(low)
