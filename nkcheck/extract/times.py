"""Find time expressions ("im vergangenen Oktober", "Mitte Juni", "13.07 Uhr") with patterns
from ``lang/<lang>/time.yaml``. Only the spans found here are ever handed to dateparser
(see ``normalize/dates.py``), so "die" or "4000" are never mistaken for dates."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nkcheck import lang as langdata


@dataclass(frozen=True)
class TimeMatch:
    start: int
    end: int
    text: str
    label: str
    groups: tuple  # (name, value) pairs of the named groups that matched


# The word lists a pattern cannot match without, in the order a pattern's anchor is chosen:
# the first of these a pattern names is one it requires (a month may follow an optional
# weekday, never the other way round).
ANCHOR_ORDER = ("HOLIDAY", "DAYWORD", "MONTH", "SEASON", "WEEKDAY")


def _alt(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class TimeFinder:
    def __init__(self, lang: str):
        d = langdata.load(lang, "time")
        self.data = d
        fill = {
            "MONTH": _alt(d["months"]),
            "SEASON": _alt(d["seasons"]),
            "WEEKDAY": _alt(d["weekdays"]),
            "YEAR": r"(?:1[89]|20)\d{2}",
            "REL": _alt(d["past_words"] + d["future_words"] + d["this_words"] + list(d.get("far_words") or {})),
            "HOLIDAY": _alt(d.get("holidays") or {}) or "(?!)",
            "DAYWORD": _alt(d.get("day_ordinals") or {}) or "(?!)",
        }
        # A pattern that names a feast, an ordinal day, a month, a season or a weekday is tried
        # only on a text that holds one of those words: one scan per word list instead of a
        # pattern's optional prefixes tried at every position.
        self.anchors = {k: re.compile(rf"(?<![\w])(?:{fill[k]})", re.IGNORECASE)  # "Sonntagnachmittag" too
                        for k in ANCHOR_ORDER}
        self.patterns = []
        for p in d["patterns"]:
            rx = p["regex"]
            anchor = next((k for k in ANCHOR_ORDER if "{" + k + "}" in rx), None)
            for k, v in fill.items():
                rx = rx.replace("{" + k + "}", f"(?:{v})")
            self.patterns.append((p["label"], re.compile(rf"(?<![\w.]){rx}(?![\w])", re.IGNORECASE), anchor))

    def find(self, text: str) -> list[TimeMatch]:
        taken: list[tuple[int, int]] = []
        out: list[TimeMatch] = []
        present: dict[str, bool] = {}
        for label, rx, anchor in self.patterns:
            if anchor is not None:
                if anchor not in present:
                    present[anchor] = self.anchors[anchor].search(text) is not None
                if not present[anchor]:
                    continue
            for m in rx.finditer(text):
                s, e = m.span()
                if any(s < te and ts < e for ts, te in taken):
                    continue
                taken.append((s, e))
                groups = tuple((k, v) for k, v in m.groupdict().items() if v is not None)
                out.append(TimeMatch(s, e, m.group(0), label, groups))
        out.sort(key=lambda t: t.start)
        return out


def bracketed(text: str, t: TimeMatch) -> bool:
    """A date alone in brackets ("(January 23, 2024)", "(7. Februar 2024)"): a stamp of when the
    text was written, not the time of what it tells."""
    return text[t.start - 1:t.start] in ("(", "[") and text[t.end:t.end + 1] in (")", "]")


@lru_cache(maxsize=None)
def finder(lang: str) -> TimeFinder:
    return TimeFinder(lang)
