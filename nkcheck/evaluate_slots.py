"""Slot accuracy against a gold file (``nkcheck eval GOLD DOCS --slots``).

For every gold claim nkcheck found (the predicted claim over it, as ``evaluate.align`` matches
them), each slot is compared with the gold's value, read through the vocabulary mapping in
``nkcheck/data/gold_vocabulary.yaml``. The rules:

- object: the mapped gold object equals nkcheck's object.
- event: the mapped gold event ("family/modality") equals nkcheck's event family and modality.
- actor: the mapped gold actor equals nkcheck's actor.
- place: nkcheck's place is one of the gazetteer ids the gold place maps to. A place one level
  coarser or finer (the country for a town) is wrong, and counted apart as "near".
- time: both give none, or nkcheck's period lies inside the gold period (an open gold end
  "2024-10-23/.." needs the same start).
- as_of (only where the gold has one): nkcheck's date lies inside the gold date or interval, and
  when the gold gives a clock time, the clock time is the same.
- source: both name none (gold labels in ``no_source`` mean none); or they share a source kind
  (police, organisers, authorities, intelligence …), a known person or institution, or a
  distinctive word (an acronym, a name; ``source_stopwords`` are too general to count), spelled alike
  (rapidfuzz ratio of at least 85: Budanow and Budanov).
A gold value the mapping does not know, or maps to nothing nkcheck has, counts as wrong.
"""
from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any, Optional

import yaml

from nkcheck import lang as langdata
from nkcheck.evaluate import align

SLOTS = ("object", "event", "actor", "place", "time", "as_of", "source")
VOCABULARY = Path(__file__).parent / "data" / "gold_vocabulary.yaml"
_MISSING = object()


@lru_cache(maxsize=None)
def vocabulary() -> dict[str, Any]:
    with VOCABULARY.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


@dataclass
class SlotScore:
    right: int = 0
    total: int = 0
    near: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.total if self.total else 1.0

    def line(self, slot: str) -> str:
        near = f", {self.near} a level off" if self.near else ""
        return f"slot {slot:<7} {self.accuracy:.2f} ({self.right}/{self.total}{near})"


def _fold(s: str) -> str:
    s = unicodedata.normalize("NFKD", s.lower())
    return "".join(ch for ch in s if not unicodedata.combining(ch))


def _period(text: Optional[str]) -> Optional[tuple[Optional[str], Optional[str]]]:
    """A gold time ("2024-10", "2024-10-08/2024-10-13", "2024-10-23/..", "2024") as ISO bounds."""
    if text is None:
        return None
    s = str(text)
    lo, _, hi = s.partition("/")
    if not _:
        hi = lo

    def bound(x: str, end: bool) -> Optional[str]:
        if x in ("", ".."):
            return None
        if re.fullmatch(r"\d{4}", x):
            return f"{x}-12-31" if end else f"{x}-01-01"
        if re.fullmatch(r"\d{4}-\d{2}", x):
            y, m = int(x[:4]), int(x[5:])
            return f"{x}-{calendar.monthrange(y, m)[1]:02d}" if end else f"{x}-01"
        if re.fullmatch(r"\d{2}", x):  # a month without a year: "08/.."
            return f"????-{x}"
        return x[:10]
    return bound(lo, False), bound(hi, True)


def _time_ok(gold_time, pred: dict) -> bool:
    g = _period(gold_time)
    ps, pe = pred.get("time_start"), pred.get("time_end")
    if g is None:
        return ps is None and pe is None
    if ps is None or pe is None:
        return False
    gs, ge = g
    if gs and gs.startswith("????-"):
        return ps[5:7] == gs[5:7]
    if ge is None:
        return gs == ps
    return (gs is None or gs <= ps) and pe <= ge


def _as_of_ok(gold_as_of, pred: dict) -> bool:
    got = pred.get("as_of")
    if not got:
        return False
    g = str(gold_as_of)
    gd, _, gclock = g.partition("T")
    pd_, _, pclock = str(got).partition("T")
    if not pd_:
        return False
    bounds = _period(gd)
    if bounds is None or not bounds[0] or not bounds[1]:
        return False
    if not (bounds[0] <= pd_ <= bounds[1]):
        return False
    return not gclock or gclock == pclock


@lru_cache(maxsize=None)
def _source_kinds() -> dict[str, list[str]]:
    kinds: dict[str, list[str]] = {}
    for lang in langdata.SUPPORTED:
        for kind, stems in (langdata.load(lang, "attribution").get("kinds") or {}).items():
            kinds.setdefault(kind, []).extend(_fold(str(s)) for s in stems)
    return kinds


def _source_key(label: str) -> tuple[set[str], set[str], set[str]]:
    """(kinds, known entities, distinctive words) of a source label."""
    from nkcheck.normalize.names import entity_id

    words = re.findall(r"[\w-]+", label)
    folded = [_fold(w) for w in words]
    kinds = {k for k, stems in _source_kinds().items()
             for w in folded if any(w == st or w.startswith(st) or w.endswith(st) for st in stems)}
    entities = {e for w in words if w[:1].isupper() and (e := entity_id(w))}
    stop = {_fold(w) for w in vocabulary().get("source_stopwords", [])}
    distinctive = {w for w in folded if len(w) >= 3 and w not in stop and not w.isdigit()}
    return kinds, entities, distinctive


def _source_ok(gold_source, pred: dict) -> bool:
    got = pred.get("source")
    none = {str(x) for x in vocabulary().get("no_source", [])}
    if gold_source is None or str(gold_source) in none or str(gold_source).startswith("unattributed"):
        return not got
    if not got:
        return False
    gk, ge, gw = _source_key(str(gold_source))
    pk, pe, pw = _source_key(str(got) + " " + str(pred.get("source_kind") or ""))
    if gk & pk or ge & pe or gw & pw:
        return True
    # spellings and inflections of one name or word: "Budanow"/"Budanov", "Erkenntnissen"/"Erkenntnisse"
    from rapidfuzz import fuzz
    return any(len(a) >= 4 and len(b) >= 4 and fuzz.ratio(a, b) >= 85 for a in gw for b in pw)


def _family(event: Optional[str]) -> Optional[str]:
    return (langdata.shared("events")["events"].get(event or "") or {}).get("family")


def _near_place(gold_ids: list[str], got: str) -> bool:
    try:
        from nkcheck.normalize.places import gazetteer
        gz = gazetteer()
        return any(gz.contains(g, got) or gz.contains(got, g) for g in gold_ids)
    except Exception:  # the gazetteer does not know one of the ids
        return False


def _mapped(slot: str, value):
    table = vocabulary().get(slot) or {}
    if value is None:
        return None
    return table.get(value, table.get(str(value), _MISSING))


def check_slot(slot: str, gold: dict, pred: dict) -> tuple[bool, bool]:
    """(right, near) for one slot of one gold claim and the predicted claim over it."""
    if slot == "time":
        return _time_ok(gold.get("time"), pred), False
    if slot == "as_of":
        return _as_of_ok(gold.get("as_of"), pred), False
    if slot == "source":
        return _source_ok(gold.get("source"), pred), False
    want = _mapped(slot, gold.get(slot))
    if want is _MISSING:
        return False, False
    if slot == "event":
        got = None if pred.get("event") is None else f"{_family(pred.get('event'))}/{pred.get('modality') or 'actual'}"
        return got == want, False
    got = pred.get(slot)
    if want is None:
        return got is None, False
    wants = want if isinstance(want, list) else [want]
    if got in wants:
        return True, False
    return False, bool(slot == "place" and got and _near_place(wants, got))


def evaluate_slots(gold: dict[str, Any], docs_dir: Path, result: dict[str, Any]) -> dict[str, SlotScore]:
    """Per slot: right out of the gold claims nkcheck found (as_of: those the gold dates)."""
    al = align(gold, docs_dir, result)
    by_gold: dict[str, dict] = {}
    for c in sorted(al.pred, key=lambda c: (c["doc"], c["start"])):
        for gid in al.p2g.get(c["id"], ()):
            by_gold.setdefault(gid, c)
    scores = {s: SlotScore() for s in SLOTS}
    for gid in sorted(by_gold):
        g, p = al.g_claims[gid], by_gold[gid]
        for slot in SLOTS:
            if slot == "as_of" and not g.get("as_of"):
                continue
            ok, near = check_slot(slot, g, p)
            sc = scores[slot]
            sc.total += 1
            sc.right += ok
            sc.near += near
            if not ok:
                gv = g.get(slot)
                pv = (p.get("event"), p.get("modality")) if slot == "event" else \
                    (p.get("time_start"), p.get("time_end")) if slot == "time" else p.get(slot)
                sc.misses.append(f"{gid}: gold {gv!r}, got {pv!r}  «{g['quote'][:50]}»")
    return scores


def render_slots(scores: dict[str, SlotScore], show_misses: bool = False, limit: int = 25) -> str:
    out = [scores[s].line(s) for s in SLOTS]
    if show_misses:
        for s in SLOTS:
            if scores[s].misses:
                out.append(f"{s} misses ({len(scores[s].misses)}):")
                out += [f"  {m}" for m in scores[s].misses[:limit]]
                if len(scores[s].misses) > limit:
                    out.append(f"  … and {len(scores[s].misses) - limit} more")
    return "\n".join(out) + "\n"
