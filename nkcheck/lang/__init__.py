"""Language data: YAML files per language, loaded once and checked against a schema.

Each language folder (``de/``, ``en/``) holds the same files; the shared files beside this
module (``objects.yaml``, ``events.yaml``, ``entities.yaml``) are language-independent.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

LANG_DIR = Path(__file__).parent
SUPPORTED = ("de", "en")

# The keys each file may have (dateparser-style whitelist): a typo in a data file is an
# error at load time, not a silently ignored entry.
SCHEMA: dict[str, set[str]] = {
    "numbers": {"decimal_separator", "group_separators", "units", "teens", "tens", "hundred",
                "thousand", "tens_joiner", "standalone_excluded", "figure_words", "sign_words", "signed_units", "currencies", "subunits", "shares", "share_numerators", "share_after", "share_alone", "share_needs_more_than_one", "scales", "fractions", "vague",
                "vague_quantifiers", "multipliers", "half_after", "articles", "ordinal_preceders", "ordinal_words", "examples"},
    "hedges": {"prefix", "suffix", "ranges", "examples"},
    "objects": {"nouns", "units", "money_kinds", "money_pronouns", "measure_before", "partitive", "partitive_group", "subsets", "member_nouns", "density_after", "increment_after", "increment_before", "increment_skip", "stop_words",
                "rates", "modifiers",
                "generic_count_nouns", "groups", "examples"},
    "events": {"words", "phrases", "intended_markers", "capacity_markers", "hearsay", "hazards", "hazard_compounds", "future_auxiliaries",
               "perfect_auxiliaries", "report_modals", "report_infinitives", "weak_words", "noun_forms", "frame_words", "relative_pronouns", "examples"},
    "attribution": {"patterns", "verb_patterns", "not_sources", "kinds", "reported_speech", "reporting_verbs", "finite_auxiliaries",
                    "reporting_frames", "clause_breakers",
                    "source_words", "anaphora", "naming_modifiers", "said_after_openers", "prepositions", "examples"},
    "time": {"months", "seasons", "weekdays", "day_parts", "past_words", "future_words",
             "this_words", "part_words", "units", "relative_days", "previous_year", "this_year",
             "year_words", "far_words", "day_ordinals", "holidays", "patterns", "stamp_cues", "phase_start", "phase_risen", "side_words", "since_words", "until_words", "examples",
             "after_occasion", "after_units", "disaster_words", "after_words", "one_words", "opening_particles"},
    "nonclaims": {"designators", "year_cues", "age_after", "age_before", "calibres", "street_suffixes",
                  "probability", "ratio_before", "count_change"},
}
SHARED_SCHEMA: dict[str, set[str]] = {
    "objects": {"objects"},
    "events": {"families", "events", "combinations", "object_events", "hazard_causes"},
    "entities": {"entities", "sites", "adjectives", "aggregate_cues", "place_words"},
}


class LangDataError(ValueError):
    """A language data file is missing or has keys the schema does not know."""


def _load_yaml(path: Path, allowed: set[str]) -> dict[str, Any]:
    if not path.exists():
        raise LangDataError(f"missing language data file: {path}")
    with path.open(encoding="utf-8") as fh:
        data = yaml.load(fh, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)) or {}
    unknown = set(data) - allowed
    if unknown:
        raise LangDataError(f"{path}: unknown keys {sorted(unknown)}")
    return data


@lru_cache(maxsize=None)
def shared(name: str) -> dict[str, Any]:
    """Return a language-independent data file (objects, events, entities)."""
    return _load_yaml(LANG_DIR / f"{name}.yaml", SHARED_SCHEMA[name])


@lru_cache(maxsize=None)
def occasion_nouns(lang: str) -> tuple[str, ...]:
    """The nouns of an occasion (a rally, a flood, an earthquake): the scene words of event
    families that have an occasion, and the hazards, from ``<lang>/events.yaml``."""
    ev = load(lang, "events")
    families = shared("events")["families"]
    words = [w for fam, ws in (ev.get("frame_words") or {}).items() if (families.get(fam) or {}).get("occasion")
             for w in ws]
    words += [w for ws in (ev.get("hazards") or {}).values() for w in ws]
    return tuple(sorted(set(words), key=lambda w: (-len(w), w)))


@lru_cache(maxsize=None)
def load(lang: str, name: str) -> dict[str, Any]:
    """Return one data file of one language, e.g. ``load("de", "numbers")``."""
    if lang not in SUPPORTED:
        raise LangDataError(f"unsupported language {lang!r}; nkcheck knows {', '.join(SUPPORTED)}")
    return _load_yaml(LANG_DIR / lang / f"{name}.yaml", SCHEMA[name])
