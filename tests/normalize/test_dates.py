"""Time expressions in German news, resolved against the article's publication date."""
from __future__ import annotations

from datetime import date, timedelta

import pytest

from nkcheck.extract.times import finder as time_finder
from nkcheck.model import Period
from nkcheck.normalize.dates import resolver

PUBLISHED = date(2025, 6, 20)  # a Friday


def resolve(text, published=PUBLISHED, intended=False):
    m = time_finder("de").find(text)[0]
    return resolver("de").resolve(m, Period(published, published, "day"), intended)


# (id, sentence, published, intended, start, end)
CASES = [
    ("vergangenen-oktober", "Im vergangenen Oktober demonstrierten Tausende gegen die Schließung.",
     PUBLISHED, False, date(2024, 10, 1), date(2024, 10, 31)),
    ("november-2024", "Im November 2024 streikten die Busfahrer drei Tage lang.",
     PUBLISHED, False, date(2024, 11, 1), date(2024, 11, 30)),
    ("mitte-juni", "Mitte Juni kam es an der Donau zu Überschwemmungen.",
     PUBLISHED, False, date(2025, 6, 11), date(2025, 6, 20)),
    ("herbst-2024", "Im Herbst 2024 brach der Damm an zwei Stellen.",
     PUBLISHED, False, date(2024, 9, 1), date(2024, 11, 30)),
    ("juli-oder-august-intended", "Die Lieferung der Panzer soll im Juli oder August erfolgen.",
     PUBLISHED, True, date(2025, 7, 1), date(2025, 8, 31)),
    ("4-maerz", "Am 4. März hatten Landwirte die Autobahn blockiert.",
     PUBLISHED, False, date(2025, 3, 4), date(2025, 3, 4)),
    ("vergangene-woche", "Vergangene Woche zogen 3000 Menschen durch die Innenstadt.",
     PUBLISHED, False, date(2025, 6, 9), date(2025, 6, 15)),
    ("ende-mai", "Ende Mai trat der Fluss über die Ufer.",
     PUBLISHED, False, date(2025, 5, 21), date(2025, 5, 31)),
    ("ende-februar-non-leap", "Ende Februar wurde der Bundestag neu gewählt.",
     PUBLISHED, False, date(2025, 2, 21), date(2025, 2, 28)),
    ("jahr-2020", "Im Jahr 2020 gab es bei Unwettern 40 Tote.",
     PUBLISHED, False, date(2020, 1, 1), date(2020, 12, 31)),
    ("vor-drei-tagen", "Vor drei Tagen bebte in der Region die Erde.",
     PUBLISHED, False, date(2025, 6, 17), date(2025, 6, 17)),
    ("vor-zwei-wochen", "Vor zwei Wochen hatte die Gewerkschaft zum Warnstreik aufgerufen.",
     PUBLISHED, False, date(2025, 6, 2), date(2025, 6, 8)),
    ("vor-zwei-monaten", "Vor zwei Monaten wurden 200 Soldaten an die Grenze verlegt.",
     PUBLISHED, False, date(2025, 4, 1), date(2025, 4, 30)),
    ("vor-fuenf-jahren", "Vor fünf Jahren hatte es dort schon einmal gebrannt.",
     PUBLISHED, False, date(2020, 1, 1), date(2020, 12, 31)),
    ("numeric-date", "Der Tarifvertrag wurde am 12.03.2024 unterzeichnet.",
     PUBLISHED, False, date(2024, 3, 12), date(2024, 3, 12)),
    ("day-month-year", "Die Wahl fand am 23. Februar 2025 statt.",
     PUBLISHED, False, date(2025, 2, 23), date(2025, 2, 23)),
    ("mitte-februar-2024", "Mitte Februar 2024 begann der Streik der Ärzte.",
     PUBLISHED, False, date(2024, 2, 11), date(2024, 2, 20)),
    ("fruehjahr-2023", "Im Frühjahr 2023 wurde die Brücke gesperrt.",
     PUBLISHED, False, date(2023, 3, 1), date(2023, 5, 31)),
    ("winter-2023-crosses-year", "Im Winter 2023 fielen Hunderte Flüge aus.",
     PUBLISHED, False, date(2023, 12, 1), date(2024, 2, 29)),
    ("vergangenen-winter", "Im vergangenen Winter froren die Leitungen ein.",
     PUBLISHED, False, date(2024, 12, 1), date(2025, 2, 28)),
    ("vergangenen-sommer", "Im vergangenen Sommer brannten dort 500 Hektar Wald.",
     PUBLISHED, False, date(2024, 6, 1), date(2024, 8, 31)),
    ("kommenden-herbst-intended", "Im kommenden Herbst sollen die Tarifverhandlungen beginnen.",
     PUBLISHED, True, date(2025, 9, 1), date(2025, 11, 30)),
    ("im-dezember-past", "Im Dezember waren 40 Menschen bei dem Unglück gestorben.",
     PUBLISHED, False, date(2024, 12, 1), date(2024, 12, 31)),
    ("im-dezember-intended", "Im Dezember soll der Haushalt beschlossen werden.",
     PUBLISHED, True, date(2025, 12, 1), date(2025, 12, 31)),
    ("im-januar", "Im Januar hatten 10.000 Landwirte in Berlin protestiert.",
     PUBLISHED, False, date(2025, 1, 1), date(2025, 1, 31)),
    ("oktober-year-before", "Im Oktober war die Brücke eingestürzt.",
     date(2025, 1, 3), False, date(2024, 10, 1), date(2024, 10, 31)),
    ("day-month-year-before", "Am 30. Dezember hatte es einen Anschlag gegeben.",
     date(2025, 1, 3), False, date(2024, 12, 30), date(2024, 12, 30)),
    ("maerz-und-april", "Im März und April blieben die Schulen geschlossen.",
     PUBLISHED, False, date(2025, 3, 1), date(2025, 4, 30)),
    ("letzten-monat", "Letzten Monat traten die Piloten in den Streik.",
     PUBLISHED, False, date(2025, 5, 1), date(2025, 5, 31)),
    ("vergangenen-jahr", "Im vergangenen Jahr flohen mehr als 200.000 Menschen.",
     PUBLISHED, False, date(2024, 1, 1), date(2024, 12, 31)),
    ("vorjahr", "Im Vorjahr waren es noch 300 Festnahmen gewesen.",
     PUBLISHED, False, date(2024, 1, 1), date(2024, 12, 31)),
    ("naechstes-jahr-intended", "Im nächsten Jahr soll die Zahl der Soldaten verdoppelt werden.",
     PUBLISHED, True, date(2026, 1, 1), date(2026, 12, 31)),
    ("naechste-woche-intended", "Nächste Woche sollen die Gespräche fortgesetzt werden.",
     PUBLISHED, True, date(2025, 6, 23), date(2025, 6, 29)),
    ("diese-woche", "Diese Woche legten die Beschäftigten die Arbeit nieder.",
     PUBLISHED, False, date(2025, 6, 16), date(2025, 6, 22)),
    ("am-samstag", "Am Samstag demonstrierten in Leipzig 20.000 Menschen.",
     PUBLISHED, False, date(2025, 6, 14), date(2025, 6, 14)),
    ("am-montag", "Am Montag wurde der Notstand ausgerufen.",
     PUBLISHED, False, date(2025, 6, 16), date(2025, 6, 16)),
    ("gestern", "Die Polizei hatte gestern 12 Personen festgenommen.",
     PUBLISHED, False, date(2025, 6, 19), date(2025, 6, 19)),
    ("vorgestern", "Vorgestern war ein Tanklaster explodiert.",
     PUBLISHED, False, date(2025, 6, 18), date(2025, 6, 18)),
    ("seit-2019-runs-to-the-article", "Seit 2019 ist die Zahl der Asylanträge gestiegen.",
     PUBLISHED, False, date(2019, 1, 1), PUBLISHED),
]


@pytest.mark.parametrize("text,published,intended,start,end", [pytest.param(*c[1:], id=c[0]) for c in CASES])
def test_resolve(text, published, intended, start, end):
    p = resolve(text, published, intended)
    assert p is not None
    assert (p.start, p.end) == (start, end)


def test_kommende_monate_lie_ahead():
    p = resolve("In den kommenden Monaten sollen weitere 500 Soldaten folgen.", intended=True)
    assert p.start == PUBLISHED + timedelta(days=1)
    assert p.end > p.start + timedelta(days=28)


def test_vergangene_tage_lie_behind():
    p = resolve("In den vergangenen Tagen flohen Tausende aus der Stadt.")
    assert p.end == PUBLISHED
    assert p.start < PUBLISHED


def test_month_stays_a_month():
    p = resolve("Im November 2024 streikten die Busfahrer.")
    assert p.granularity == "month"


# Sentences with numbers but no time expression: the finder must not invent dates
# (dateparser alone would read 'die' or '4000' as one).
NO_TIME = [
    ("die-4000-soldaten", "Die 4000 Soldaten kamen."),
    ("rund-2000-polizisten", "Rund 2000 Polizisten waren im Einsatz."),
    ("mehr-als-2000", "Mehr als 2000 Menschen protestierten vor dem Landtag."),
    ("von-1900-auf-2100", "Die Zahl der Verletzten stieg von 1900 auf 2100."),
    ("euro-2024", "Die Mehrkosten liegen bei 2024 Euro je Haushalt."),
    ("ordinal-brigade", "Die Soldaten der 3. Brigade rückten vor."),
    ("plain-count", "Die Polizei nahm 12 Personen fest."),
]


@pytest.mark.parametrize("text", [pytest.param(t, id=i) for i, t in NO_TIME])
def test_no_time_expression(text):
    assert time_finder("de").find(text) == []


def test_day_month_without_year_resolves_as_dateparser_does():
    import random
    from datetime import date, timedelta

    from nkcheck.normalize.dates import DateResolver, _dateparser, day_month_near

    rng = random.Random(6)
    cases = [(29, "Februar", date(2025, 1, 13)), (23, "Februar", date(2023, 2, 23)), (31, "April", date(2024, 5, 1))]
    months = DateResolver("de").months
    cases += [(rng.randint(1, 31), rng.choice(list(months)).capitalize(), date(2022, 1, 1) + timedelta(days=rng.randrange(1500)))
              for _ in range(40)]
    for day, name, base in cases:
        for prefer in ("past", "future"):
            assert day_month_near(day, months[name.lower()], base, prefer) == _dateparser(
                f"{day}. {name}", "de", base, prefer), (day, name, base, prefer)


def _language_examples():
    from nkcheck import lang as langdata
    for code in ("de", "en"):
        for ex in langdata.load(code, "time").get("examples", []):
            yield pytest.param(code, ex, id=f"{code}:{ex['text']}")


@pytest.mark.parametrize("code,example", list(_language_examples()))
def test_time_data_examples_resolve_as_documented(code, example):
    """Each example in lang/<code>/time.yaml is found whole and resolves to its period."""
    published = date.fromisoformat(str(example["published"]))
    found = time_finder(code).find(example["text"])
    assert [m.text for m in found] == [example["text"]]
    p = resolver(code).resolve(found[0], Period(published, published, "day"))
    assert (p.start.isoformat(), p.end.isoformat()) == (str(example["start"]), str(example["end"]))


SINCE = [  # (lang, sentence, published, start, end): "seit"/"since" runs on to the article's day
    ("de", "Seit Oktober vergangenen Jahres hat das Land 13.000 Soldaten entsandt.", "2025-09-02", "2024-10-01", "2025-09-02"),
    ("de", "Seit dem 3. Mai sind 40 Menschen an Cholera gestorben.", "2025-06-20", "2025-05-03", "2025-06-20"),
    ("de", "Seit März 2024 wurden 2000 Wohnungen gebaut.", "2025-06-20", "2024-03-01", "2025-06-20"),
    ("de", "Im Oktober vergangenen Jahres streikten 900 Piloten.", "2025-06-20", "2024-10-01", "2024-10-31"),
    ("en", "Since October last year, 13,000 troops have been sent.", "2025-09-02", "2024-10-01", "2025-09-02"),
    ("en", "Since May 3, 40 people have died of cholera.", "2025-06-20", "2025-05-03", "2025-06-20"),
    ("en", "In October last year, 900 pilots went on strike.", "2025-06-20", "2024-10-01", "2024-10-31"),
]


@pytest.mark.parametrize("code,text,published,start,end", SINCE)
def test_since_opens_a_period_up_to_the_article(code, text, published, start, end):
    m = time_finder(code).find(text)[0]
    day = date.fromisoformat(published)
    p = resolver(code).resolve(m, Period(day, day, "day"))
    assert (p.start.isoformat(), p.end.isoformat()) == (start, end)
