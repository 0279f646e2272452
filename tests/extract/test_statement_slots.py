"""When a figure was stated, whose statement it is, and whose people it counts: table cases
in German and English, each a sentence written for the phenomenon."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents


def _claims(tmp_path, text: str, lang: str, published: str = "2025-02-20"):
    (tmp_path / "a.md").write_text(f"---\npublished: {published}\nlang: {lang}\n---\n{text}\n", encoding="utf-8")
    result = extract_documents([str(tmp_path)])
    assert not result.problems
    return result.claims


def _one(claims, figure: str):
    found = [c for c in claims if c.text == figure]
    assert found, [c.text for c in claims]
    return found[-1]


STATED = [  # (id, lang, sentence, figure, as_of, as_of_source, event time start)
    ("de-pluperfect-statement", "de", "Am 9. Januar hatte Präsident Selenskyj von 4000 Verlusten gesprochen.",
     "4000", "2025-01-09", "statement", None),
    ("de-said-on-thursday", "de", "Militärvertreter sagten am Montag, Pjöngjang habe im Januar über 1.000 Soldaten nach Russland geschickt.",
     "1.000", "2025-02-17", "statement", "2025-01-01"),
    ("de-time-in-the-figure-clause", "de", "Im Januar hat Pjöngjang 1.000 Soldaten nach Russland geschickt, sagte Seoul.",
     "1.000", "2025-02-20", "published", "2025-01-01"),
    ("en-fronted-date", "en", "On February 3, a U.S. official put North Korean casualties at several hundred.",
     "several hundred", "2025-02-03", "statement", None),
    ("en-fronted-month-reported-that", "en",
     "In January, the ministry had reported that about 4,000 soldiers had been killed or injured during the previous year.",
     "4,000", "2025-01", "statement", "2024-01-01"),
    ("en-said-then-event-time", "en", "The Pentagon said Iran delivered around 200 missiles to Russia in July 2024.",
     "200", "2025-02-20", "published", "2024-07-01"),
    ("en-rally-day-stays-the-rally", "en", "Police said 15,000 people were protesting in Leipzig on Saturday.",
     "15,000", "2025-02-20", "published", "2025-02-15"),
    # a toll reported on a day: the day it was stated, not the day of its disaster
    ("de-toll-reported-on-a-weekday", "de", "Am Dienstag meldeten die Behörden 95 Tote.",
     "95", "2025-02-18", "statement", None),
    ("en-possessive-day-is-the-quake's", "en", "The government said Monday's earthquake killed 3,400 people.",
     "3,400", "2025-02-20", "published", "2025-02-17"),
    # a particle before a fronted date: the date still opens the sentence
    ("de-particle-before-date", "de", "Schon am 3. Februar hatte die Ministerin 800 Verletzte gemeldet.",
     "800", "2025-02-03", "statement", None),
    ("en-as-early-as", "en", "As early as February 3, the minister had reported 800 injured.",
     "800", "2025-02-03", "statement", None),
    # a total counted up to a day stood then: as_of, not when its event happened
    ("de-until-today", "de", "Bis heute sind nach Angaben der Regierung 240 Menschen ums Leben gekommen.",
     "240", "2025-02-20", "statement", None),
    ("de-until-mid-month", "de", "Bis Mitte Februar wurden 1.200 Verletzte gezählt.",
     "1.200", "2025-02-17", "statement", None),
    ("en-as-of-weekday", "en", "As of Tuesday, 312 people had been confirmed dead.",
     "312", "2025-02-18", "statement", None),
    ("en-by-mid-month", "en", "By mid-February, 1,200 people had been injured.",
     "1,200", "2025-02-17", "statement", None),
    # a month long past is no stamp: the figure keeps it as its time
    ("de-until-long-ago", "de", "Bis Dezember waren 5.000 Helfer im Einsatz.",
     "5.000", "2025-10-10", "published", "2024-12-01"),
    # a time beyond a semicolon belongs to the other sentence
    ("en-semicolon", "en", "The ministry had planned to deliver 40 buses by the end of January; so far 25 have arrived.",
     "25", "2025-02-20", "published", None),
]
PUBLISHED = {"de-until-mid-month": "2025-02-17", "en-by-mid-month": "2025-02-17", "de-until-long-ago": "2025-10-10"}


@pytest.mark.parametrize("lang,text,figure,as_of,source,start,published",
                         [pytest.param(*c[1:], PUBLISHED.get(c[0], "2025-02-20"), id=c[0]) for c in STATED])
def test_when_the_figure_was_stated(tmp_path, lang, text, figure, as_of, source, start, published):
    c = _one(_claims(tmp_path, text, lang, published), figure)
    assert (c.as_of, c.as_of_source, c.time_start) == (as_of, source, start)


SPEAKERS = [  # (id, lang, sentence, figure, speaker)
    ("de-agency-adjective", "de", "Nach Angaben des südkoreanischen Geheimdienstes wurden 600 Soldaten getötet.", "600", "KR"),
    ("de-capital", "de", "Laut Kiew wurden 600 Soldaten getötet.", "600", "UA"),
    ("de-seat", "de", "Der Generalstab in Seoul erklärte, 600 Soldaten seien getötet worden.", "600", "KR"),
    ("en-country-adjective", "en", "British Defence Intelligence said 6,000 soldiers were killed or wounded.", "6,000", "GB"),
    ("en-no-country", "en", "Police said 6,000 people marched.", "6,000", None),
]


@pytest.mark.parametrize("lang,text,figure,speaker", [pytest.param(*c[1:], id=c[0]) for c in SPEAKERS])
def test_whose_statement_it_is(tmp_path, lang, text, figure, speaker):
    assert _one(_claims(tmp_path, text, lang), figure).speaker == speaker


ACTORS = [  # (id, lang, sentence, figure, actor, place)
    ("de-counted-noun-before-figure", "de",
     "Der südkoreanische Generalstab bezifferte die Zahl der getöteten oder verletzten Nordkoreaner auf über 1.100.",
     "1.100", "KP", None),
    ("en-counted-noun-before-figure", "en", "A U.S. official put North Korean casualties at about 1,200.", "1,200", "KP", None),
    ("de-war-against-is-no-place", "de",
     "Im Krieg gegen die Ukraine sind rund 4700 nordkoreanische Soldaten gefallen oder verwundet worden.", "4700", "KP", None),
    ("en-war-against-is-no-place", "en", "In the war against Ukraine, about 4,700 North Korean soldiers were killed or wounded.",
     "4,700", "KP", None),
    # a demonym right after the figure is the counted people, though its words read as modifiers
    ("en-demonym-after-figure", "en", "Seoul said 600 North Koreans were killed.", "600", "KP", None),
    ("de-demonym-after-figure", "de", "Seoul zufolge wurden 600 Nordkoreaner getötet.", "600", "KP", None),
    # a list of figures counts the people its first figure names; the agency cited is no actor
    ("en-list-takes-first-figures-people", "en", "# NIS: 600 North Koreans killed, 4,700 injured", "4,700", "KP", None),
    ("de-list-takes-first-figures-people", "de", "# NIS: 600 Nordkoreaner getötet, 4700 verletzt", "4700", "KP", None),
    # "there" refers back to the place its own sentence named, whatever its role; the hazard the
    # lead names is the article's, the actor of its toll
    ("en-there-refers-to-its-sentence", "en",
     "Storms hit Bavaria on Monday. Residents of Rosenheim (at least 12 people died there) walked to Munich.",
     "12", "storm", "gn:2844988"),
    ("de-dort-refers-to-its-sentence", "de",
     "Das Unwetter traf Bayern am Montag. Die Bewohner von Rosenheim – dort starben mindestens 12 Menschen – liefen nach München.",
     "12", "flood", "gn:2844988"),
    # places that each come with a figure of their own after the figure are its parts: the figure is their whole's
    ("de-parts-after-a-colon-give-the-whole", "de",
     "Bei den Unwettern sind mindestens 30 Menschen gestorben: 20 in Bayern und 10 in Baden-Württemberg.", "30", "flood", "DE"),
    ("en-parts-after-a-colon-give-the-whole", "en",
     "At least 30 people died in the storms: 20 in Bavaria and 10 in Baden-Württemberg.", "30", "storm", "DE"),
    # a place right after the figure with its preposition is the figure's own, not the one before it
    ("de-own-place-after-und", "de",
     "Bei den Unwettern sind mindestens 30 Menschen gestorben: 20 in Bayern und 10 in Baden-Württemberg.", "10", "flood",
     "DE-BW"),
    ("en-own-place-after-and", "en",
     "At least 30 people died in the storms: 20 in Bavaria and 10 in Baden-Württemberg.", "10", "storm", "DE-BW"),
    # an agency that gives a toll is not whose people died
    ("en-cited-ministry-is-no-actor", "en",
     "According to the UK Ministry of Defence, around 4,000 have already died.", "4,000", None, None),
    ("de-cited-ministry-is-no-actor", "de",
     "Nach Angaben des britischen Verteidigungsministeriums sind bereits rund 4000 gestorben.", "4000", None, None),
]


@pytest.mark.parametrize("lang,text,figure,actor,place", [pytest.param(*c[1:], id=c[0]) for c in ACTORS])
def test_whose_people_and_where(tmp_path, lang, text, figure, actor, place):
    c = _one(_claims(tmp_path, text, lang), figure)
    assert (c.actor, c.place) == (actor, place)


@pytest.mark.parametrize("lang,text,figure", [
    ("de", "Der Generalstab in Seoul erklärte, 600 Soldaten seien getötet worden.", "600"),
    ("en", "The police in Leipzig said 12 officers were injured near the border with Poland.", "12"),
])
def test_a_sources_seat_is_not_where_the_figure_is(tmp_path, lang, text, figure):
    c = _one(_claims(tmp_path, text, lang), figure)
    seat = "gn:1835848" if lang == "de" else "gn:2879139"
    assert c.place != seat and seat not in (c.source or "")


SOURCES = [  # (id, lang, sentence, figure, source)
    # two sources named together are one source; a second cue is a source of its own
    ("de-two-sources-wie-angeben", "de",
     "In Georgien sind es rund 700, wie georgische Behörden und die Hilfsorganisation Roter Halbmond angeben.", "700",
     "georgische Behörden und die Hilfsorganisation Roter Halbmond"),
    ("de-two-sources-laut", "de", "Laut Polizei und Feuerwehr wurden 30 Menschen verletzt.", "30", "Polizei und Feuerwehr"),
    ("de-two-cues-two-sources", "de", "Laut Polizei waren es 3000 und laut Veranstaltern 5000.", "3000", "Polizei"),
    ("en-two-sources-according-to", "en",
     "According to the Georgian authorities and the Red Crescent, 700 people have died.", "700",
     "Georgian authorities and the Red Crescent"),
    # coordinated adjectives before a plural source; "US" is an acronym, not the pronoun "us"
    ("de-coordinated-adjectives-genitive", "de",
     "Nach Erkenntnissen amerikanischer und japanischer Geheimdienste hat Minsk 800 Panzer geliefert.", "800",
     "amerikanischer und japanischer Geheimdienste"),
    ("de-coordinated-adjectives-laut", "de",
     "Laut britischen und französischen Nachrichtendiensten hat Minsk 800 Panzer geliefert.", "800",
     "britischen und französischen Nachrichtendiensten"),
    ("en-coordinated-adjectives-acronym", "en",
     "According to US and Japanese intelligence, Minsk has delivered 800 tanks.", "800", "US and Japanese intelligence"),
    # a fronted adverbial opened by a capitalised preposition is no subject: the source follows the verb
    ("de-fronted-day-then-subject", "de", "Am Samstag meldete die Münchner Polizei dann 25.000 Menschen.", "25.000",
     "Münchner Polizei"),
    ("de-fronted-week-then-subject", "de", "Zur Wochenmitte hatte die Stadt 20.000 Teilnehmende gemeldet.", "20.000",
     "Stadt"),
    ("en-fronted-day-then-subject", "en", "On Saturday, police said 25,000 people had gathered.", "25,000", "police"),
    # a name with its acronym is one source, its "and" inside it
    ("en-name-with-acronym", "en", "According to the Fire and Rescue Service (FRS), 41 people were injured.", "41",
     "Fire and Rescue Service (FRS)"),
    # "the group", "the agency" after a cue word refer back to the last source
    ("en-the-group-refers-back", "en", "The Mountain Rescue Corps said 12 climbers had died. According to the "
     "group, 30 more were injured.", "30", "Mountain Rescue Corps"),
    ("en-the-government-alone", "en", "According to the government, 30 people were injured.", "30", "government"),
    # German reports in the plural and in the present ("wie die Behörden angeben", "Retter zählen")
    ("de-wie-plural-present", "de", "In der Provinz sind es rund 300 Tote, wie die Behörden angeben.", "300", "Behörden"),
    ("de-subject-plural-present", "de", "Behörden und Retter zählen inzwischen wenigstens 160 Todesopfer.", "160",
     "Behörden"),
    # a clause after a semicolon that reports nothing itself goes on with the report before it;
    # one with a place of its own is another report
    ("de-semicolon-continues", "de", "Nach Angaben der Bergwacht starben 12 Menschen; weitere 30 wurden verletzt.",
     "30", "Bergwacht"),
    ("en-semicolon-continues", "en", "According to the coast guard, 12 people drowned; another 30 were rescued.",
     "30", "coast guard"),
    ("de-semicolon-other-place", "de", "Nach Angaben der Bergwacht starben in Tirol 12 Menschen; in Südtirol kamen "
     "weitere 30 ums Leben.", "30", None),
    ("de-semicolon-own-report", "de", "Nach Angaben der Bergwacht starben 12 Menschen; Ärzte meldeten 30 Verletzte.",
     "30", "Ärzte"),
    # an institution with its country, with its acronym and an auxiliary
    ("en-country-ministry", "en", "Troops have suffered more than 900 casualties, according to Norway's Ministry of "
     "Defence.", "900", "Norway's Ministry of Defence"),
    # a verb left out after a comma: the second figure is the second source's
    ("en-gapped-clause", "en", "Police said 800 people were evacuated, the city 2,000.", "2,000", "city"),
    ("de-gapped-clause", "de", "Die Polizei sprach von 800 Evakuierten, die Stadt von 2.000.", "2.000", "Stadt"),
    ("en-acronym-had-reported", "en", "In March, the Joint Chiefs of Staff (JCS) had reported that about 400 "
     "soldiers had been killed.", "400", "Joint Chiefs of Staff (JCS)"),
    # a source named in the next sentence that points back at the figure's
    ("de-das-teilte-mit", "de", "Bei einem Brand in Görlitz sind drei Menschen ums Leben gekommen. Das teilte die "
     "Feuerwehr am Abend mit.", "drei", "Feuerwehr"),
    ("de-das-zeigt-aufstellung", "de", "Seit Jahresbeginn ertranken 300 Menschen im Mittelmeer. Das zeigt eine "
     "Aufstellung der Nachrichtenagentur Reuters.", "300", "Nachrichtenagentur Reuters"),
    ("de-next-sentence-no-pointer", "de", "Bei einem Brand in Görlitz starben drei Menschen. Die Feuerwehr "
     "rückte mit 40 Kräften an.", "drei", None),
    ("en-that-is-according-to", "en", "At least 300 people drowned this year. That is according to the "
     "coast guard.", "300", "coast guard"),
    ("en-this-was-announced", "en", "Three people died in the fire. This was announced by the fire brigade.",
     "Three", "fire brigade"),
    # a noun anaphor with no earlier figure's source refers to the phrase it heads before it
    ("de-behoerde-compound-head", "de", "Die Katastrophenschutzbehörde BNPB hat die Bilanz korrigiert. Demnach "
     "starben 46 Menschen, teilte die Behörde mit.", "46", "Katastrophenschutzbehörde BNPB"),
    ("de-ministerium-compound-head", "de", "Das Gesundheitsministerium in Lima warnte vor Seuchen. 30 Menschen "
     "seien erkrankt, erklärte das Ministerium.", "30", "Gesundheitsministerium"),
    ("en-agency-with-acronym", "en", "The state weather agency PAGASA warned of storm surges. At least 12 people "
     "died, the agency said.", "12", "agency PAGASA"),
    # an anaphor's noun with a modifier that names whose it is names a source
    ("de-ministerium-fuer", "de", "Die Polizei zählte 30 Verletzte. Das Ministerium für Verkehr meldete 46 "
     "beschädigte Brücken.", "46", "Ministerium für Verkehr"),
    ("de-sprecher-der", "de", "Der Sprecher der Feuerwehr sagte, 300 Häuser seien zerstört.", "300",
     "Sprecher der Feuerwehr"),
    ("en-ministry-of", "en", "Police counted 30 injured. The ministry of Public Works reported 46 damaged bridges.",
     "46", "ministry of Public Works"),
    # a headline label that names the disaster is the topic, not who says so
    ("de-headline-hazard-label", "de", "# Erdbeben in Peru: 40 Tote\n\nBei dem Beben starben 40 Menschen.", "40", None),
    ("en-headline-hazard-label", "en", "# Hurricane Ida: 40 dead\n\nForty people died in the storm.", "40", None),
]


@pytest.mark.parametrize("lang,text,figure,source", [pytest.param(*c[1:], id=c[0]) for c in SOURCES])
def test_who_is_cited(tmp_path, lang, text, figure, source):
    assert _one(_claims(tmp_path, text, lang), figure).source == source


HAZARD_ACTORS = [  # (id, lang, article, figure, actor): what caused a disaster's damage
    ("de-damage-in-a-fire-article", "de", "# Großbrand in Lagerhalle\n\nDie Polizei schätzt den Schaden auf "
     "mindestens zwei Millionen Euro.", "zwei Millionen", "fire"),
    ("en-damage-in-a-flood-article", "en", "# Floods hit the valley\n\nInsurers estimated the damage at "
     "40 million euros.", "40 million", "flood"),
    # a general word for the disaster is the article's own hazard, not another one
    ("de-unglueck-is-the-articles-hazard", "de", "# Explosion in Chemiewerk\n\nDas Unternehmen hatte den "
     "Schaden nach dem Unglück auf fünf Millionen Euro geschätzt.", "fünf Millionen", "explosion"),
    ("en-disaster-is-the-articles-hazard", "en", "# Earthquake strikes the coast\n\nThe government put the "
     "cost of the disaster at 3 billion dollars.", "3 billion", "earthquake"),
    # a cost in an article on no disaster has no hazard
    ("de-cost-without-disaster", "de", "# Neue Brücke eröffnet\n\nDer Bau kostete 40 Millionen Euro.",
     "40 Millionen", None),
]


@pytest.mark.parametrize("lang,text,figure,actor", [pytest.param(*c[1:], id=c[0]) for c in HAZARD_ACTORS])
def test_a_disasters_damage_is_its_hazards(tmp_path, lang, text, figure, actor):
    assert _one(_claims(tmp_path, text, lang), figure).actor == actor
