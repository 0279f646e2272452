"""Plain data types that flow between extraction, comparison and reporting.

They carry no spaCy objects, so the comparator and the reports can be tested without a
pipeline. Values are ``int`` when whole and ``float`` otherwise; ``None`` is an open bound.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import date
from typing import Any, Optional

Number = float  # int or float; a whole number is stored as int


@dataclass(frozen=True)
class Period:
    """A closed interval of days, at the granularity the text gave (a month stays a month)."""

    start: date
    end: date
    granularity: str = "day"  # day | week | month | season | year | range

    def overlaps(self, other: "Period") -> bool:
        return self.start <= other.end and other.start <= self.end

    def contains(self, other: "Period") -> bool:
        return self.start <= other.start and other.end <= self.end


@dataclass(frozen=True)
class Quantity:
    """A number as written and the interval it stands for."""

    start: int
    end: int
    text: str
    low: Optional[Number]
    high: Optional[Number]
    approx: bool = False
    bound: str = "exact"  # exact | approx | nearly | at_least | more_than | at_most | up_to | less_than | range | vague
    hedge: str = ""
    unit: str = ""  # text right after the number that is a unit (%, Prozent, Meter ...)


@dataclass(frozen=True)
class TimeExpr:
    """A time expression found in the text and the period it resolves to (or None)."""

    start: int
    end: int
    text: str
    label: str
    period: Optional[Period]
    clock: Optional[str] = None  # "13:07" for clock times


@dataclass(frozen=True)
class Mention:
    """A mention of a known entity (a country, city, person ...)."""

    start: int
    end: int
    text: str
    entity: str
    type: str
    role: str  # actor | place | origin ("aus") | target ("gegen") | other | adj | adj_place | demonym | dateline


@dataclass
class Setting:
    """The occasion an article reports on: where (the dateline's, headline's or lead's place),
    when (the day of a rally, the date of a disaster; none for a running story), what caused it
    (a hazard), who gathered (a crowd's group) and how long after the occasion it was written. A claim with no place, time or actor of its
    own takes its article's; claims whose settings are disjoint are never one fact."""

    place: Optional[str] = None
    time_start: Optional[str] = None
    time_end: Optional[str] = None
    hazard: Optional[str] = None
    group: Optional[str] = None
    # how many days after its occasion the article says it was written ("drei Wochen nach dem
    # Beben", "five days after the storm"): the latest such span it names
    days_after: Optional[int] = None

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Document:
    """One article: where it came from and what is known of it."""

    id: str
    path: str
    text: str
    body_start: int = 0
    lang: str = "de"
    lang_source: str = "default"
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: Optional[Period] = None
    # front matter | page metadata | option | manifest | estimated from text | unknown
    published_source: str = "unknown"
    encoding: str = "utf-8"
    extracted: bool = False  # text extracted from HTML: offsets and lines refer to it, not to the file
    warnings: list[str] = field(default_factory=list)  # read with a fallback: why
    setting: Setting = field(default_factory=Setting)

    def published_iso(self) -> Optional[str]:
        p = self.published
        if p is None:
            return None
        if p.granularity == "day" or p.start == p.end:
            return p.start.isoformat()
        if p.granularity == "month":
            return p.start.strftime("%Y-%m")
        return f"{p.start.isoformat()}/{p.end.isoformat()}"

    def line_of(self, offset: int) -> int:
        """1-based line number; a line ends at \\n, \\r\\n or a lone \\r."""
        return self.text.count("\n", 0, offset) + self.text.count("\r", 0, offset) \
            - self.text.count("\r\n", 0, offset) + 1

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "path": self.path,
            "published": self.published_iso(),
            "published_source": self.published_source,
            "lang": self.lang,
            "encoding": self.encoding,
            "title": self.title,
            "outlet": self.outlet,
            "url": self.url,
            **({"offsets": "extracted text"} if self.extracted else {}),
            "warnings": list(self.warnings),
            "setting": self.setting.to_json(),
        }


@dataclass
class Claim:
    """One numeric claim: a quantity, what is counted, what happened, who, where, when, per whom."""

    id: str
    doc: str
    start: int
    end: int
    text: str
    low: Optional[Number]
    high: Optional[Number]
    approx: bool
    bound: str
    object: Optional[str]
    event: Optional[str]
    actor: Optional[str]
    place: Optional[str]
    time_start: Optional[str]
    time_end: Optional[str]
    source: Optional[str]
    sentence: str
    hedge: str = ""
    unit: str = ""
    source_kind: Optional[str] = None
    time_text: str = ""
    said_text: str = ""  # a weekday that dates the statement where the article's date is unknown ("sagte am Montag")
    as_of: Optional[str] = None   # when the figure was stated: "2024-01-20T18:25", "T13:07", "2024-02-07"
    phase: str = ""               # "start": stated for the beginning of the event; "risen": stated as a rise;
    #                               "earlier": a crowd of the days just past ("last week"), not the article's occasion
    time_hint: Optional[str] = None  # "2024-01-01/2024-01-31": when the article is set, for a figure with no date
    aggregate: bool = False
    increment: bool = False
    modality: str = "actual"
    line: int = 0
    noun: str = ""
    counted: Optional[str] = None  # who the counted people are when the event names the measure (soldiers killed)
    as_of_source: Optional[str] = None  # statement | stamp | published | estimated: how as_of is known (None: unknown)
    settled: list = field(default_factory=list)  # the slots taken from the article's setting ("place", "time", "actor")
    ordinal: Optional[int] = None  # the first, second ... occasion of its kind ("das zweite Beben", "second wave")
    part_of: Optional[str] = None  # the claim this one is a part of ("davon 1500", "darunter 600 Tote")
    speaker: Optional[str] = None  # whose statement: the country an official source speaks for, or a known person

    JSON_FIELDS = ("id", "doc", "start", "end", "text", "low", "high", "approx", "object", "event",
                   "actor", "place", "time_start", "time_end", "source", "sentence")
    EXTRA_FIELDS = ("bound", "hedge", "unit", "source_kind", "time_text", "said_text", "as_of", "phase", "time_hint", "aggregate",
                    "increment", "modality", "line", "noun", "counted", "as_of_source", "settled", "ordinal", "part_of", "speaker")

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        return {k: d[k] for k in self.JSON_FIELDS + self.EXTRA_FIELDS}

    @classmethod
    def from_json(cls, d: dict[str, Any]) -> "Claim":
        names = set(cls.JSON_FIELDS + cls.EXTRA_FIELDS)
        return cls(**{k: v for k, v in d.items() if k in names})


@dataclass
class Finding:
    """A verdict on claims that speak of the same fact: a conflict or an agreement."""

    id: str
    kind: str  # value | time | scope | update | consistent | sum
    claims: list[str]
    summary: str
    fact: str
    rule: str
    explanation: str = ""
    parts: list[str] = field(default_factory=list)
    tolerance: Optional[float] = None
    slot: str = ""  # the slot that differs: value | time | object | place
    pairs: list = field(default_factory=list)  # [[claim, claim, kind], ...]: the pairs that really disagree
    fact_id: str = ""  # the fact (T001 ...) the finding is about

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        if not self.parts:
            d.pop("parts")
        return d


@dataclass
class Fact:
    """One quantity of one measure on one occasion, and what every source says of it.

    ``claims`` are in the order they were stated (as_of, then article and position); ``verdict``
    is the strongest finding on the fact (value, time, scope, place, update) or agreement or
    single; ``pairs`` are the claim pairs that disagree, each with its kind."""

    id: str
    label: str
    key: dict[str, Any]
    claims: list[str]
    verdict: str = "single"
    pairs: list = field(default_factory=list)
    findings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
