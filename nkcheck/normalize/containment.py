"""Which place contains which, for the comparator: a town lies in its region, the region in its
country ("Paiporta" ⊂ "Valencia" ⊂ "Spain"); "A+B" is two places together ("Turkey and Syria")
and contains each; "X#east" ("eastern Russia") lies in X. Containment comes from the gazetteer
(``normalize/places.py``) and, for places it does not hold, the parents in ``lang/entities.yaml``."""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from nkcheck import lang as langdata


@lru_cache(maxsize=None)
def _gazetteer():
    try:
        from nkcheck.normalize.places import gazetteer
        return gazetteer()
    except Exception:  # no gazetteer built
        return None


@lru_cache(maxsize=65536)
def chain(place: str) -> tuple[str, ...]:
    """The place and the places that contain it, innermost first."""
    if "#" in place:
        base = place.split("#", 1)[0]
        return (place,) + (chain(base) if "+" not in base else (base,))
    gz = _gazetteer()
    if gz is not None:
        try:
            return tuple(gz.chain(place))
        except Exception:
            pass
    ents = langdata.shared("entities")["entities"]
    out = [place]
    while place in ents and ents[place].get("parent"):
        place = ents[place]["parent"]
        out.append(place)
    return tuple(out)


@lru_cache(maxsize=65536)
def namesake_region(place: Optional[str]) -> Optional[str]:
    """The largest region around a city that the city's own name also names ("Kursk": Kursk
    Oblast; "Valencia": the Valencian Community), else None. News name such a region by its
    city's name: a war's or a flood's figures "in Kursk" are the region's."""
    if not place or "#" in place or "+" in place:
        return None
    gz = _gazetteer()
    if gz is None:
        return None
    try:
        city = gz.get(place)
    except Exception:
        return None
    if city is None or city.kind != "city":
        return None
    around = set(chain(place)[1:])
    named = [c for m in gz.find(city.name, "en") if m.start == 0 and m.end == len(city.name)
             for c in m.candidates if c in around and gz.get(c).kind == "region"]
    return max(named, key=lambda c: chain(place).index(c)) if named else None


def parts(place: str) -> tuple[str, ...]:
    base, _, desc = place.partition("#")
    return tuple(p + (f"#{desc}" if desc else "") for p in base.split("+")) if "+" in base else (place,)


@lru_cache(maxsize=65536)
def contains(outer: str, inner: str) -> bool:
    """Whether ``inner`` lies in ``outer`` (a place contains itself)."""
    if outer == inner:
        return True
    outs = parts(outer)
    return all(any(o in chain(i) for o in outs) for i in parts(inner))


def nested(a: Optional[str], b: Optional[str]) -> bool:
    return a is not None and b is not None and (contains(a, b) or contains(b, a))


@lru_cache(maxsize=65536)
def country(place: Optional[str]) -> Optional[str]:
    """The outermost place of a place's chain (its country), "A+B" for places in two countries."""
    if place is None:
        return None
    tops = sorted({chain(p)[-1] for p in parts(place)})
    return "+".join(tops)


@lru_cache(maxsize=65536)
def display(place: Optional[str]) -> str:
    """A place's English name for reports ("Paiporta", "Turkey and Syria", "eastern Russia")."""
    if not place:
        return "?"
    if "+" in place.split("#", 1)[0]:
        base, _, desc = place.partition("#")
        names = [display(p) for p in base.split("+")]
        return (" and ".join(names) + (f" ({desc})" if desc else ""))
    if "#" in place:
        base, _, desc = place.partition("#")
        return f"{display(base)} ({desc})"
    gz = _gazetteer()
    if gz is not None:
        try:
            return gz.get(place).name
        except Exception:
            pass
    return place.replace("_", " ").title() if place.islower() else place
