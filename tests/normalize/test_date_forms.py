"""Dates as German and English news writes them: feasts, periods from one day to another,
windows with a number, days and months without a year, relative years, weeks, weekends and
quarters, two-digit years and ISO dates, a weekday with "letzten"/"last".

Each row: (id, language, sentence, published, span as found, first day, last day). The
sentences are written for these tests. Published dates: 2025-06-20 is a Friday.
"""
from __future__ import annotations

from datetime import date

import pytest

from nkcheck.extract.times import finder as time_finder
from nkcheck.model import Period
from nkcheck.normalize.dates import resolver
from nkcheck.normalize.feasts import feast_days

FRI = "2025-06-20"

FEASTS = [
    ("de-ostern", "de", "An Ostern kamen 300 Pilger.", FRI, "An Ostern", "2025-04-20", "2025-04-21"),
    ("de-silvester", "de", "Zu Silvester wurden 20 Menschen verletzt.", FRI, "Zu Silvester", "2024-12-31", "2024-12-31"),
    ("de-erster-advent", "de", "Am ersten Advent kamen 3000 Besucher.", FRI, "Am ersten Advent", "2024-12-01", "2024-12-01"),
    ("de-einheit", "de", "Am Tag der Deutschen Einheit demonstrierten 500.", FRI,
     "Am Tag der Deutschen Einheit", "2024-10-03", "2024-10-03"),
    ("de-fronleichnam", "de", "An Fronleichnam zogen 800 Gläubige durch die Stadt.", FRI,
     "An Fronleichnam", "2025-06-19", "2025-06-19"),
    ("de-heiligabend", "de", "An Heiligabend starben zwei Menschen.", FRI, "An Heiligabend", "2024-12-24", "2024-12-24"),
    ("de-pfingsten-year", "de", "Zu Pfingsten 2024 kamen 300 Gäste.", FRI, "Zu Pfingsten 2024", "2024-05-19", "2024-05-20"),
    ("de-buss-und-bettag", "de", "Am Buß- und Bettag streikten 90 Lehrer.", FRI, "Am Buß- und Bettag", "2024-11-20", "2024-11-20"),
    ("de-nach-weihnachten", "de", "Nach Weihnachten kamen 50 Busse.", FRI, "Nach Weihnachten", "2024-12-24", "2024-12-26"),
    ("en-easter-sunday", "en", "On Easter Sunday 300 pilgrims came.", FRI, "On Easter Sunday", "2025-04-20", "2025-04-20"),
    ("en-thanksgiving", "en", "On Thanksgiving 300 flights were cancelled.", FRI, "On Thanksgiving", "2024-11-28", "2024-11-28"),
    ("en-christmas-eve", "en", "On Christmas Eve two people died.", FRI, "On Christmas Eve", "2024-12-24", "2024-12-24"),
    ("en-new-years-eve", "en", "On New Year's Eve 20 people were hurt.", FRI, "On New Year's Eve", "2024-12-31", "2024-12-31"),
    ("en-memorial-day", "en", "On Memorial Day 20 people were hurt.", FRI, "On Memorial Day", "2025-05-26", "2025-05-26"),
    ("en-easter-year", "en", "Easter 2024 saw 300 arrests.", FRI, "Easter 2024", "2024-03-31", "2024-04-01"),
]

RANGES = [
    ("de-vom-bis", "de", "Vom 3. bis 12. September kamen 300 Besucher.", FRI, "Vom 3. bis 12. September", "2024-09-03", "2024-09-12"),
    ("de-zwischen", "de", "Zwischen dem 2. und 22. Oktober starben 30 Menschen.", FRI,
     "Zwischen dem 2. und 22. Oktober", "2024-10-02", "2024-10-22"),
    ("de-slash-numeric", "de", "Am 14./15.10. kamen 300 Menschen.", FRI, "Am 14./15.10.", "2024-10-14", "2024-10-15"),
    ("de-two-months", "de", "Vom 30. Dezember bis 2. Januar kamen 300 Gäste.", FRI,
     "Vom 30. Dezember bis 2. Januar", "2024-12-30", "2025-01-02"),
    ("de-running-on", "de", "Für das Wochenende vom 20. und 21. Juni sind 40 Demos angemeldet.", FRI,
     "vom 20. und 21. Juni", "2025-06-20", "2025-06-21"),
    ("en-from-to", "en", "From Sept. 3 to 12, 300 visitors came.", FRI, "From Sept. 3 to 12", "2024-09-03", "2024-09-12"),
    ("en-between", "en", "Between October 2 and 22, 30 people died.", FRI, "Between October 2 and 22", "2024-10-02", "2024-10-22"),
    ("en-day-first", "en", "From 3 to 12 September, 300 visitors came.", FRI, "From 3 to 12 September", "2024-09-03", "2024-09-12"),
    ("en-dash", "en", "On May 14-15, 300 people came.", FRI, "On May 14-15", "2025-05-14", "2025-05-15"),
    ("en-year", "en", "Between March 2 and 5, 2024, 40 people died.", FRI, "Between March 2 and 5, 2024", "2024-03-02", "2024-03-05"),
]

WINDOWS = [
    ("de-letzte-zwei-wochen", "de", "In den letzten zwei Wochen starben 30 Menschen.", FRI,
     "In den letzten zwei Wochen", "2025-06-06", "2025-06-20"),
    ("de-48-stunden", "de", "In den vergangenen 48 Stunden starben 30 Menschen.", FRI,
     "In den vergangenen 48 Stunden", "2025-06-18", "2025-06-20"),
    ("de-naechste-drei-monate", "de", "In den nächsten drei Monaten kommen 300 Soldaten.", FRI,
     "In den nächsten drei Monaten", "2025-06-21", "2025-09-20"),
    ("de-24-stunden", "de", "Innerhalb der letzten 24 Stunden kamen 90 Menschen an.", FRI,
     "Innerhalb der letzten 24 Stunden", "2025-06-19", "2025-06-20"),
    ("de-vor-einer-woche", "de", "Vor einer Woche kamen 300 Menschen.", FRI, "Vor einer Woche", "2025-06-09", "2025-06-15"),
    ("en-past-48-hours", "en", "Over the past 48 hours 30 people died.", FRI, "Over the past 48 hours", "2025-06-18", "2025-06-20"),
    ("en-past-two-weeks", "en", "Over the past two weeks 30 people died.", FRI, "Over the past two weeks", "2025-06-06", "2025-06-20"),
    ("en-next-three-months", "en", "In the next three months 300 soldiers will come.", FRI,
     "In the next three months", "2025-06-21", "2025-09-20"),
    ("en-last-72-hours", "en", "During the last 72 hours 90 people arrived.", FRI,
     "During the last 72 hours", "2025-06-17", "2025-06-20"),
    ("en-a-week-ago", "en", "A week ago 300 people came.", FRI, "A week ago", "2025-06-09", "2025-06-15"),
    # "the past week" is the last seven days; "last week" the calendar week before (RELATIVE)
    ("en-the-past-week", "en", "During the past week 300 people came.", FRI, "During the past week", "2025-06-13", "2025-06-20"),
    ("en-the-past-year", "en", "Over the past year 300 people came.", FRI, "Over the past year", "2024-06-20", "2025-06-20"),
]

NO_YEAR = [
    ("de-28-10", "de", "Am 28.10. kamen 300 Menschen.", FRI, "Am 28.10.", "2024-10-28", "2024-10-28"),
    ("de-15-1", "de", "Bis zum 15.1. kamen 300 Menschen.", FRI, "Bis zum 15.1.", "2025-01-15", "2025-01-15"),
    ("de-zweiten-mai", "de", "Am zweiten Mai kamen 300 Menschen.", FRI, "Am zweiten Mai", "2025-05-02", "2025-05-02"),
    ("de-3-6", "de", "Seit dem 3.6. sind 40 Menschen gestorben.", FRI, "Seit dem 3.6.", "2025-06-03", "2025-06-20"),
    ("de-day-month-name", "de", "Am 28. Oktober kamen 300 Menschen.", FRI, "Am 28. Oktober", "2024-10-28", "2024-10-28"),
    ("en-oct-28", "en", "On Oct. 28, 300 people came.", FRI, "On Oct. 28", "2024-10-28", "2024-10-28"),
    ("en-second-of-may", "en", "On the second of May 300 people came.", FRI, "On the second of May", "2025-05-02", "2025-05-02"),
    ("en-jan-15", "en", "By Jan. 15, 300 people had come.", FRI, "By Jan. 15", "2025-01-15", "2025-01-15"),
    ("en-3-june", "en", "Since 3 June, 40 people have died.", FRI, "Since 3 June", "2025-06-03", "2025-06-20"),
    ("en-june-3rd", "en", "On June 3rd, 40 people died.", FRI, "On June 3rd", "2025-06-03", "2025-06-03"),
]

RELATIVE = [
    ("de-in-diesem-jahr", "de", "In diesem Jahr kamen 300 Menschen.", FRI, "In diesem Jahr", "2025-01-01", "2025-12-31"),
    ("de-vorletztes-jahr", "de", "Vorletztes Jahr kamen 300 Menschen.", FRI, "Vorletztes Jahr", "2023-01-01", "2023-12-31"),
    ("de-uebernaechste-woche", "de", "Übernächste Woche kommen 300 Soldaten.", FRI, "Übernächste Woche", "2025-06-30", "2025-07-06"),
    ("de-am-wochenende", "de", "Am Wochenende kamen 300 Menschen.", FRI, "Am Wochenende", "2025-06-14", "2025-06-15"),
    ("de-drittes-quartal", "de", "Im dritten Quartal kamen 300 Menschen.", FRI, "Im dritten Quartal", "2024-07-01", "2024-09-30"),
    ("de-diesen-sommer", "de", "Diesen Sommer kamen 300 Menschen.", FRI, "Diesen Sommer", "2025-06-01", "2025-08-31"),
    ("en-year-before-last", "en", "The year before last 300 people came.", FRI, "The year before last", "2023-01-01", "2023-12-31"),
    ("en-last-weekend", "en", "Last weekend 300 people came.", FRI, "Last weekend", "2025-06-14", "2025-06-15"),
    ("en-third-quarter", "en", "In the third quarter 300 people came.", FRI, "In the third quarter", "2024-07-01", "2024-09-30"),
    ("en-first-quarter-2024", "en", "In the first quarter of 2024, 300 people came.", FRI,
     "In the first quarter of 2024", "2024-01-01", "2024-03-31"),
    ("en-this-summer", "en", "This summer 300 people came.", FRI, "This summer", "2025-06-01", "2025-08-31"),
]

NOTATIONS = [
    ("de-two-digit-year", "de", "Am 31.10.74 kamen 300 Menschen.", FRI, "Am 31.10.74", "1974-10-31", "1974-10-31"),
    ("de-two-digit-recent", "de", "Am 3.2.21 kamen 300 Menschen.", FRI, "Am 3.2.21", "2021-02-03", "2021-02-03"),
    ("de-iso", "de", "Am 2018-08-31 kamen 300 Menschen.", FRI, "2018-08-31", "2018-08-31", "2018-08-31"),
    ("de-four-digit", "de", "Am 31.10.2024 kamen 300 Menschen.", FRI, "Am 31.10.2024", "2024-10-31", "2024-10-31"),
    ("de-year-opens-clause", "de", "2020 wurden 300 Häuser gebaut.", FRI, "2020", "2020-01-01", "2020-12-31"),
    ("en-iso", "en", "On 2018-08-31 300 people came.", FRI, "2018-08-31", "2018-08-31", "2018-08-31"),
    ("en-in-year", "en", "In 2020, 300 houses were built.", FRI, "In 2020", "2020-01-01", "2020-12-31"),
    ("en-month-year", "en", "In March 2024 300 houses were built.", FRI, "In March 2024", "2024-03-01", "2024-03-31"),
    ("en-day-month-year", "en", "On 3 March 2024 300 houses burned.", FRI, "On 3 March 2024", "2024-03-03", "2024-03-03"),
    ("en-month-day-year", "en", "On March 3, 2024, 300 houses burned.", FRI, "On March 3, 2024", "2024-03-03", "2024-03-03"),
]

WEEKDAYS = [  # published on a Friday: "letzten Freitag" is the week before, "am Freitag" today
    ("de-letzten-freitag", "de", "Letzten Freitag kamen 300 Menschen.", FRI, "Letzten Freitag", "2025-06-13", "2025-06-13"),
    ("de-am-freitag", "de", "Am Freitag kamen 300 Menschen.", FRI, "Am Freitag", "2025-06-20", "2025-06-20"),
    ("de-vergangenen-montag", "de", "Am vergangenen Montag kamen 300 Menschen.", FRI, "Am vergangenen Montag", "2025-06-16", "2025-06-16"),
    ("de-naechsten-freitag", "de", "Nächsten Freitag kommen 300 Menschen.", FRI, "Nächsten Freitag", "2025-06-27", "2025-06-27"),
    ("de-weekday-with-date", "de", "Am Freitag, 13. Juni, kamen 300 Menschen.", FRI, "Am Freitag, 13. Juni", "2025-06-13", "2025-06-13"),
    ("en-last-friday", "en", "Last Friday 300 people came.", FRI, "Last Friday", "2025-06-13", "2025-06-13"),
    ("en-on-friday", "en", "On Friday 300 people came.", FRI, "On Friday", "2025-06-20", "2025-06-20"),
    ("en-last-monday", "en", "Last Monday 300 people came.", FRI, "Last Monday", "2025-06-16", "2025-06-16"),
    ("en-next-friday", "en", "Next Friday 300 people will come.", FRI, "Next Friday", "2025-06-27", "2025-06-27"),
    ("en-weekday-with-date", "en", "On Friday, June 13, 300 people came.", FRI, "On Friday, June 13", "2025-06-13", "2025-06-13"),
]

TABLES = {"feasts": FEASTS, "ranges": RANGES, "windows": WINDOWS, "no_year": NO_YEAR,
          "relative": RELATIVE, "notations": NOTATIONS, "weekdays": WEEKDAYS}
CASES = [c for t in TABLES.values() for c in t]


@pytest.mark.parametrize("lang,text,published,span,start,end", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_date_forms(lang, text, published, span, start, end):
    found = [m for m in time_finder(lang).find(text) if m.text == span]
    assert found, [m.text for m in time_finder(lang).find(text)]
    pub = date.fromisoformat(published)
    p = resolver(lang).resolve(found[0], Period(pub, pub, "day"))
    assert p is not None
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)


def test_a_feast_ahead_in_a_statement_of_intent():
    """"Bis Weihnachten sollen 50 Busse fahren": the next Christmas, not the last one."""
    m = time_finder("de").find("Bis Weihnachten sollen 50 Busse fahren.")[0]
    pub = date.fromisoformat(FRI)
    p = resolver("de").resolve(m, Period(pub, pub, "day"), intended=True)
    assert (p.start.isoformat(), p.end.isoformat()) == ("2025-12-24", "2025-12-26")


def test_every_phenomenon_has_five_cases_in_each_language():
    for name, table in TABLES.items():
        for lang in ("de", "en"):
            assert sum(1 for c in table if c[1] == lang) >= 5, (name, lang)


NOT_DATES = [  # a count that only looks like a date is left to the numbers
    ("de-count-opens-sentence", "de", "2000 wurden verletzt."),
    ("de-nikolaus-name", "de", "Nikolaus Schmidt zählte 300 Boote."),
    ("en-easter-island", "en", "Islanders counted 300 statues."),
]


@pytest.mark.parametrize("lang,text", [pytest.param(*c[1:], id=c[0]) for c in NOT_DATES])
def test_not_dates(lang, text):
    assert time_finder(lang).find(text) == []


FEAST_DAYS = [  # (rule, year, first, last): Easter by the Gregorian computus, Advent from Christmas
    ({"easter": 0}, 2024, "2024-03-31", "2024-03-31"),
    ({"easter": 0}, 2026, "2026-04-05", "2026-04-05"),
    ({"easter": [49, 50]}, 2025, "2025-06-08", "2025-06-09"),
    ({"weekday_before": ["12-25", 6], "days": -21}, 2025, "2025-11-30", "2025-11-30"),
    ({"weekday_before": ["11-23", 2]}, 2025, "2025-11-19", "2025-11-19"),
    ({"nth_weekday": [11, 3, 4]}, 2025, "2025-11-27", "2025-11-27"),
    ({"nth_weekday": [5, 0, -1]}, 2024, "2024-05-27", "2024-05-27"),
    ({"date": ["12-24", "12-26"]}, 2025, "2025-12-24", "2025-12-26"),
]


@pytest.mark.parametrize("rule,year,first,last", FEAST_DAYS)
def test_feast_days(rule, year, first, last):
    a, b = feast_days(rule, year)
    assert (a.isoformat(), b.isoformat()) == (first, last)


def test_the_last_week_of_a_month_is_not_last_week():
    """"in the last week of October" names a week of October, not the week before the article."""
    found = time_finder("en").find("In the last week of October 300 people came.")
    assert all(t.label not in ("rel_week", "rel_unit") for t in found)
