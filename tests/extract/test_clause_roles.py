"""Which words of a sentence give a figure its event, place and source: what befell the counted
outranks what they were doing; a time expression, a side taken or a cited name is no place; who
was spoken to, or the channel, is not who spoke. Table cases in German and English, each a
sentence written for the phenomenon."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents


def _claim(tmp_path, lang: str, text: str, figure: str, published: str = "2025-03-20"):
    (tmp_path / "a.md").write_text(f"---\npublished: {published}\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    found = [c for c in result.claims if c.text == figure]
    assert found, [c.text for c in result.claims]
    return found[-1]


EVENTS = [  # (id, lang, sentence, figure, object, event)
    ("de-killed-in-combat", "de", "Etwa 900 Soldaten sind im Kampf gegen die Rebellen getötet worden.", "900", "killed", "killed"),
    ("de-relative-clause-activity", "de", "Rund 900 Soldaten, die im Osten kämpften, sind gefallen.", "900", "killed", "killed"),
    ("en-participle-activity", "en", "About 900 soldiers fighting in the east have been killed.", "900", "killed", "killed"),
    ("en-fighting-then-wounded", "en", "Some 400 rebels fighting for the government have been wounded.", "400", "wounded", "wounded"),
    # an event that names a part of the counted measure: the unidentified among the dead
    ("de-unidentified-among-the-dead", "de", "Bislang wurden 215 Tote gezählt. 62 dieser Toten sind noch nicht identifiziert.",
     "62", "unidentified_bodies", "unidentified"),
    ("en-unidentified-bodies", "en", "So far 215 deaths have been confirmed. Of these, 62 bodies have not yet been identified.",
     "62", "unidentified_bodies", "unidentified"),
    # a reporting construction's verb names no event ("geht ... davon aus": not "goes to")
    ("de-reporting-frame", "de", "Die Behörde geht davon aus, dass 900 Soldaten gefallen sind.", "900", "killed", "killed"),
    # no word of harm in the clause: the people stay what they are
    ("de-firefighters-fight", "de", "Etwa 120 Feuerwehrleute kämpften die ganze Nacht gegen die Flammen.", "120", "firefighters", "fought"),
    ("en-firefighters-fight", "en", "About 120 firefighters fought the blaze through the night.", "120", "firefighters", "fought"),
]


@pytest.mark.parametrize("lang,text,figure,obj,event", [pytest.param(*c[1:], id=c[0]) for c in EVENTS])
def test_what_befell_the_counted(tmp_path, lang, text, figure, obj, event):
    c = _claim(tmp_path, lang, text, figure)
    assert (c.object, c.event) == (obj, event)


NO_PLACE = [  # (id, lang, sentence, figure, published): no word of the sentence places the figure
    ("de-mid-month-is-no-district", "de", "Bis Mitte Januar kamen 300 Menschen ums Leben.", "300", "2025-01-14"),
    ("de-end-of-may-is-no-town", "de", "Ende Mai wurden 40 Häuser zerstört.", "40", "2025-06-20"),
    ("en-march-is-no-town", "en", "In early March, 600 soldiers arrived.", "600", "2025-03-20"),
    ("de-side-taken", "de", "Rund 900 Soldaten, die auf Seiten Russlands kämpfen, wurden verwundet.", "900", "2025-03-20"),
    ("de-at-the-side-of", "de", "Rund 900 Söldner, die an der Seite Russlands kämpfen, wurden verwundet.", "900", "2025-03-20"),
    ("en-side-taken", "en", "About 900 soldiers fighting on Russia's side were wounded.", "900", "2025-03-20"),
    ("en-cited-agency-of-a-country", "en",
     "South Korea's National Intelligence Service (NIS) believes that 300 soldiers were killed.", "300", "2025-03-20"),
]


@pytest.mark.parametrize("lang,text,figure,published", [pytest.param(*c[1:], id=c[0]) for c in NO_PLACE])
def test_no_place(tmp_path, lang, text, figure, published):
    assert _claim(tmp_path, lang, text, figure, published).place is None


SOURCES = [  # (id, lang, sentence, figure, source)
    # the one spoken to is not who spoke ("sagte er": the phrase before the verb is no subject)
    ("de-interlocutor", "de", "Im Gespräch mit dem Sender sagte er, 300 Menschen seien verletzt worden.", "300", None),
    ("en-interlocutor", "en", "In an interview with a radio station, he said 300 people had been injured.", "300", None),
    # the channel is not who spoke
    ("de-channel", "de", "Am Montag hatte die Ministerin in sozialen Medien erklärt, 300 Menschen seien verletzt worden.",
     "300", "Ministerin"),
    ("en-channel", "en", "On Monday, the minister said on social media that 300 people had been injured.", "300", "minister"),
    ("en-believes", "en", "The National Intelligence Service (NIS) believes that 300 soldiers were killed.", "300",
     "National Intelligence Service (NIS)"),
]


@pytest.mark.parametrize("lang,text,figure,source", [pytest.param(*c[1:], id=c[0]) for c in SOURCES])
def test_who_is_cited(tmp_path, lang, text, figure, source):
    assert _claim(tmp_path, lang, text, figure).source == source


BATCHES = [  # (id, lang, sentence, figure, increment, time start): a running count over a stretch of time
    ("de-past-two-weeks", "de", "In den vergangenen zwei Wochen trafen 600 Soldaten in Rumänien ein.", "600", True, "2025-03-06"),
    ("en-past-few-days", "en", "In the past few days, 600 soldiers arrived in Romania.", "600", True, "2025-03-10"),
    ("en-total-now", "en", "France now has 2,600 soldiers in Romania.", "2,600", False, None),
    # the day it was said is not the figure's: the stretch in its clause is ("the past week": the
    # seven days before, not the calendar week)
    ("en-said-on-a-day-counted-over-a-week", "en", "A spokesman said on Friday that 900 soldiers were killed in the past week.",
     "900", True, "2025-03-13"),
    ("de-last-week", "de", "In der vergangenen Woche wurden 900 Soldaten getötet.", "900", True, "2025-03-10"),
    ("de-last-year-is-history", "de", "Im vergangenen Jahr wurden 11.000 Soldaten geschickt.", "11.000", False, "2024-01-01"),
]


@pytest.mark.parametrize("lang,text,figure,increment,start", [pytest.param(*c[1:], id=c[0]) for c in BATCHES])
def test_a_stretch_of_time_counts_a_batch(tmp_path, lang, text, figure, increment, start):
    c = _claim(tmp_path, lang, text, figure)
    assert (c.increment, c.time_start) == (increment, start)


NATIONAL_TOLLS = [  # (id, lang, text, figure, place): a disaster's toll a nation's authority gives
    ("de-national-agency", "de", "Das Erdbeben verwüstete die Region. Die türkische Katastrophenschutzbehörde meldete 3.000 Tote.",
     "3.000", "TR"),
    ("de-agency-with-apposition", "de",
     "Das Erdbeben in der Türkei forderte über 44.000 Tote. Die Syrische Beobachtungsstelle, eine Aktivistengruppe, "
     "bezifferte die Zahl der Toten auf über 6700.", "6700", "SY"),
    ("en-possessive-ministry", "en", "The earthquake devastated the region. Syria's health ministry said 1,000 people had died.",
     "1,000", "SY"),
    # in a war's report the one who counts is not where the dead fell
    ("en-war-source-is-no-place", "en", "South Korea's intelligence service said 600 North Korean soldiers had been killed.",
     "600", None),
    # a compass part of a country that sets the article is the disaster's region: a toll no
    # sentence places is the country's
    ("de-setting-compass-part", "de", "# Unwetter im Osten Spaniens\n\nBislang wurden 215 Todesopfer bestätigt.", "215", "ES"),
]


@pytest.mark.parametrize("lang,text,figure,place", [pytest.param(*c[1:], id=c[0]) for c in NATIONAL_TOLLS])
def test_a_nations_toll(tmp_path, lang, text, figure, place):
    assert _claim(tmp_path, lang, text, figure).place == place


ELLIPTIC = [  # (id, lang, text, figure, object, actor): a figure with no noun counts the people named before it
    ("de-elliptic", "de", "Die Zahl der nordkoreanischen Soldaten in Russland wächst; rund 12.000 sollen inzwischen dort stationiert sein.",
     "12.000", "soldiers", "KP"),
    ("en-elliptic", "en", "The number of North Korean troops in Russia keeps growing; some 12,000 are believed to be stationed there.",
     "12,000", "soldiers", "KP"),
]


@pytest.mark.parametrize("lang,text,figure,obj,actor", [pytest.param(*c[1:], id=c[0]) for c in ELLIPTIC])
def test_an_elliptic_figure(tmp_path, lang, text, figure, obj, actor):
    c = _claim(tmp_path, lang, text, figure)
    assert (c.object, c.actor) == (obj, actor)


LISTS = [  # (id, lang, text, figure, place): a figure listed after another shares its place
    ("de-listed-after-a-partitive", "de",
     "Laut Kiew sind 12.000 Soldaten in Russland; zu ihnen zählten 500 Offiziere sowie drei Generäle.", "drei", "RU"),
    ("en-listed", "en", "Officials said 12,000 soldiers were stationed in Russia; among them were 500 officers and three generals.",
     "three", "RU"),
    # a figure with a place of its own keeps it
    ("de-own-place", "de", "In Bayern demonstrierten 20.000 Menschen und 10.000 in Hessen.", "10.000", "DE-HE"),
]


@pytest.mark.parametrize("lang,text,figure,place", [pytest.param(*c[1:], id=c[0]) for c in LISTS])
def test_a_listed_figure_shares_the_place(tmp_path, lang, text, figure, place):
    assert _claim(tmp_path, lang, text, figure).place == place
