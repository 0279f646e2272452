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
            "REL": _alt(d["past_words"] + d["future_words"] + d["this_words"]),
        }
        self.patterns = []
        for p in d["patterns"]:
            rx = p["regex"]
            for k, v in fill.items():
                rx = rx.replace("{" + k + "}", f"(?:{v})")
            self.patterns.append((p["label"], re.compile(rf"(?<![\w.]){rx}(?![\w])", re.IGNORECASE)))

    def find(self, text: str) -> list[TimeMatch]:
        taken: list[tuple[int, int]] = []
        out: list[TimeMatch] = []
        for label, rx in self.patterns:
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
