"""Canonical names for sources and entities: alias tables first, rapidfuzz for spelling
variants ("Shoigu" / "Schoigu"), and short references to names seen earlier ("Lee")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from rapidfuzz import fuzz, process, utils

from nkcheck import lang as langdata

FUZZY_CUTOFF = 88


@lru_cache(maxsize=None)
def _aliases() -> dict[str, str]:
    out = {}
    for eid, e in langdata.shared("entities")["entities"].items():
        for n in e.get("names", []):
            out[n] = eid
    return out


def entity_id(name: str) -> Optional[str]:
    """The canonical entity id of a name: exact alias, else a close spelling (score >= 88)."""
    al = _aliases()
    if name in al:
        return al[name]
    hit = process.extractOne(name, list(al), scorer=fuzz.WRatio, processor=utils.default_process,
                             score_cutoff=FUZZY_CUTOFF)
    return al[hit[0]] if hit else None


def canonical_source(source: str, earlier: list[str]) -> str:
    """A short reference ("Lee", "Town") becomes the fuller name seen earlier in the article; a
    possessive names its owner ("By Seoul's estimate": Seoul)."""
    s = re.sub(r"['’]s$", "", source.strip())
    words = re.findall(r"[\wäöüÄÖÜß-]+", s)
    if len(words) == 1 and words[0][:1].isupper():
        for e in reversed(earlier):
            ew = re.findall(r"[\wäöüÄÖÜß-]+", e)
            if words[0] in ew and len(ew) > 1:
                return e
    return s
