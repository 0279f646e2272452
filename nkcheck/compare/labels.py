"""A fact's name in words: "Soldiers sent by North Korea to Russia", "Killed in Turkey
(earthquake, 2023-02-06)", "Participants (farmers) in Berlin, 2024-01-15"."""
from __future__ import annotations

from functools import lru_cache

from nkcheck.compare import measures
from nkcheck.normalize import containment as places

HAZARDS = {"earthquake", "flood", "storm", "tropical_storm", "fire", "explosion", "landslide", "heatwave",
           "volcano", "accident"}
MODALITY = {"intended": "planned or expected", "capacity": "possible"}


def _actor(actor) -> str:
    if not actor:
        return ""
    if actor in HAZARDS:
        return actor.replace("_", " ")
    return places.display(actor) if actor[:1].isupper() or "_" in actor or actor.islower() else actor


def fact_label(key: dict) -> str:
    return _label(tuple(sorted((k, v) for k, v in key.items() if k != "event")), key.get("event"))


@lru_cache(maxsize=65536)
def _label(items: tuple, event) -> str:
    k = dict(items)
    obj, fam, modality = k.get("object"), k.get("family"), k.get("modality")
    name = measures.label(obj)
    name = name[:1].upper() + name[1:]
    verb = {"deploy": "sent", "deliver": "delivered", "pay": "paid", "return": "returned"}.get(fam or "", "")
    if k.get("increment") == "part":
        name = f"{name} (part of a total)"
    elif k.get("increment"):
        name = f"{name} (a further batch)"
    if k.get("ordinal"):
        name = f"{name} (occasion {k['ordinal']})"
    actor = k.get("actor")
    parts = [name]
    if verb and modality == "actual":
        parts.append(verb)
    elif modality in MODALITY:
        parts.append(MODALITY[modality])
    if actor and actor not in HAZARDS and fam in ("deploy", "deliver", "pay", "return"):
        parts.append(f"by {_actor(actor)}")
    elif actor and actor not in HAZARDS and actor not in ("protesters",):
        parts.append(f"({_actor(actor)})")
    place = k.get("place")
    if place:
        parts.append(("to " if fam in ("deploy", "deliver") else "in ") + places.display(place))
    tail = []
    if actor in HAZARDS:
        tail.append(_actor(actor))
    if k.get("occasion"):
        tail.append(k["occasion"])
    out = " ".join(parts)
    return out + (f" ({', '.join(tail)})" if tail else "")
