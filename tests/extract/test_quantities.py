"""Quantities in German news sentences: digits, number words, vague amounts, ranges, hedges.

Every case names an anchor (a piece of the number as written); exactly one quantity must
cover it, and that quantity is checked against the expected interval.
"""
from __future__ import annotations

import pytest

from conftest import find_quantities, the_quantity as _the_quantity


def quantities(text):
    return find_quantities(text, "de")


def the_quantity(text, anchor):
    return _the_quantity(text, anchor, "de")


# -- exact numbers: (id, sentence, anchor, expected text, value) ---------------------------
EXACT = [
    ("digits-dot-grouping", "Nach Polizeiangaben zogen 12.500 Menschen durch die Innenstadt.",
     "12.500", "12.500", 12500),
    ("digits-space-grouping", "Die Gewerkschaft zählte 12 500 Streikende vor den Werkstoren.",
     "12 500", "12 500", 12500),
    ("digits-two-groups", "Die Stadt zahlte 1.200.000 Euro Entschädigung an die Anwohner.",
     "1.200.000", "1.200.000", 1200000),
    ("digits-space-six", "In der Region leben 700 000 Menschen ohne sauberes Trinkwasser.",
     "700 000", "700 000", 700000),
    ("digits-plain", "Die Polizei meldete nach dem Spiel 40 Festnahmen.", "40", "40", 40),
    ("decimal-millionen", "Durch den Sturm verloren 1,5 Millionen Haushalte ihren Strom.",
     "1,5", "1,5 Millionen", 1500000),
    ("decimal-mio-abbrev", "Die Stadt rechnet mit Schäden von 2,3 Mio. Euro am Hafen.",
     "2,3", "2,3 Mio.", 2300000),
    ("decimal-milliarden", "Der Haushaltsausschuss bewilligte 3,2 Milliarden Euro für die Bundeswehr.",
     "3,2", "3,2 Milliarden", 3200000000),
    ("decimal-mrd-abbrev", "Das Land plant für den Wiederaufbau Ausgaben von 1,2 Mrd. Euro.",
     "1,2", "1,2 Mrd.", 1200000000),
    ("digit-million", "Die Zahl der Geflüchteten stieg bis zum Abend auf 1 Million.",
     "1 Million", "1 Million", 1000000),
    ("decimal-percent", "Die Wahlbeteiligung lag nach Angaben der Wahlleiterin bei 67,4 Prozent.",
     "67,4", "67,4", 67.4),
    ("word-zwoelftausend-capital", "Zwölftausend Beschäftigte legten am Morgen die Arbeit nieder.",
     "Zwölftausend", "Zwölftausend", 12000),
    ("word-zwoelftausend", "Die Veranstalter sprachen von zwölftausend Teilnehmern.",
     "zwölftausend", "zwölftausend", 12000),
    ("word-dreitausendfuenfhundert", "Insgesamt dreitausendfünfhundert Helfer waren im Einsatz.",
     "dreitausendfünfhundert", "dreitausendfünfhundert", 3500),
    ("word-dreihundertvierzigtausend", "Bei der Stichwahl wurden dreihundertvierzigtausend Stimmen gezählt.",
     "dreihundertvierzigtausend", "dreihundertvierzigtausend", 340000),
    ("word-zwei-millionen", "Die Partei erhielt bei der Europawahl zwei Millionen Stimmen.",
     "zwei Millionen", "zwei Millionen", 2000000),
    ("word-hunderttausend", "Nach Schätzungen flohen hunderttausend Menschen vor den Kämpfen.",
     "hunderttausend", "hunderttausend", 100000),
    ("word-viertelmillion", "Die Petition wurde von einer Viertelmillion Menschen unterzeichnet.",
     "Viertelmillion", "Viertelmillion", 250000),
    ("word-anderthalb-millionen", "Anderthalb Millionen Haushalte sind vom Stromausfall betroffen.",
     "Anderthalb", "Anderthalb Millionen", 1500000),
    ("word-small-with-noun", "Drei Polizisten wurden bei der Räumung leicht verletzt.", "Drei", "Drei", 3),
    ("word-elf-with-noun", "Elf Bergleute sind seit Dienstag eingeschlossen.", "Elf", "Elf", 11),
]


@pytest.mark.parametrize("text,anchor,expected_text,value",
                         [pytest.param(*c[1:], id=c[0]) for c in EXACT])
def test_exact_numbers(text, anchor, expected_text, value):
    q = the_quantity(text, anchor)
    assert q.text == expected_text
    assert (q.low, q.high) == (value, value)
    assert q.approx is False


# -- vague amounts: (id, sentence, anchor, low, high) ----------------------------------------
VAGUE = [
    ("dutzende", "Dutzende Demonstranten wurden vorübergehend festgenommen.", "Dutzende", 24, 119),
    ("hunderte", "Hunderte Häuser wurden von der Schlammlawine zerstört.", "Hunderte", 200, 999),
    ("hunderte-von", "Hunderte von Menschen säumten beim Trauermarsch die Straßen.", "Hunderte", 200, 999),
    ("tausende", "Tausende Bahnreisende saßen wegen des Streiks an den Bahnhöfen fest.", "Tausende", 2000, 9999),
    ("zehntausende", "Zehntausende gingen am Wochenende gegen die Rentenreform auf die Straße.",
     "Zehntausende", 20000, 99999),
    ("hunderttausende", "Bei den Protesten im ganzen Land wurden Hunderttausende Menschen gezählt.",
     "Hunderttausende", 200000, 999999),
    ("mehrere-hundert", "Mehrere Hundert Landwirte blockierten mit Traktoren die Autobahnauffahrt.",
     "Hundert", 200, 999),
    ("einige-hundert", "Einige Hundert Anwohner mussten ihre Häuser verlassen.", "Hundert", 200, 999),
    ("ein-paar-tausend", "Ein paar Tausend Fans feierten den Aufstieg auf dem Marktplatz.", "Tausend", 2000, 9999),
    ("einige-millionen", "Einige Millionen Euro fehlen nach der Steuerschätzung im Haushalt der Stadt.",
     "Millionen", 2000000, 9999999),
    ("einigen-millionen-dativ", "Der Sturm richtete Schäden in Höhe von einigen Millionen Euro an.",
     "Millionen", 2000000, 9999999),
]


@pytest.mark.parametrize("text,anchor,low,high", [pytest.param(*c[1:], id=c[0]) for c in VAGUE])
def test_vague_amounts(text, anchor, low, high):
    q = the_quantity(text, anchor)
    assert (q.low, q.high) == (low, high)
    assert q.approx is True


# -- ranges: (id, sentence, anchor, low, high) -----------------------------------------------
RANGES = [
    ("zwischen-und", "Die Polizei schätzte die Menge auf zwischen 300 und 400 Personen.", "300", 300, 400),
    ("bis", "An der Mahnwache vor dem Landtag beteiligten sich 300 bis 400 Menschen.", "300", 300, 400),
    ("en-dash", "Bei dem Beben im Grenzgebiet starben nach ersten Berichten 300–400 Menschen.", "300", 300, 400),
    ("spaced-dash", "Die Organisatoren zählten 300 – 400 Menschen auf dem Domplatz.", "300", 300, 400),
    ("zwischen-grouped", "Nach Angaben der Polizei kamen zwischen 25.000 und 30.000 Menschen.", "25.000",
     25000, 30000),
    ("bis-grouped", "Die Veranstalter erwarten 10.000 bis 15.000 Teilnehmer.", "10.000", 10000, 15000),
    ("dash-grouped", "Zum Auftakt des Parteitags kamen 3.000–4.000 Menschen.", "3.000", 3000, 4000),
    ("scale-shared", "Der Schaden an der Brücke wird auf 1 bis 2 Millionen Euro geschätzt.", "1 bis", 1000000, 2000000),
    ("decimal-scale-shared", "Für die Sanierung fehlen etwa 1,5 bis 2 Millionen Euro.", "1,5", 1500000, 2000000),
]


@pytest.mark.parametrize("text,anchor,low,high", [pytest.param(*c[1:], id=c[0]) for c in RANGES])
def test_ranges(text, anchor, low, high):
    q = the_quantity(text, anchor)
    assert (q.low, q.high) == (low, high)


# -- hedges: (id, sentence, anchor, hedge, low, high, approx, bound) ----------------------------
HEDGES = [
    ("etwa", "Die Feuerwehr evakuierte in der Nacht etwa 800 Anwohner.", "800", "etwa", 800, 800, True, "approx"),
    ("rund", "Bei der Kundgebung vor dem Kanzleramt waren rund 5000 Menschen.", "5000", "rund", 5000, 5000, True,
     "approx"),
    ("ungefaehr", "Ungefähr 250 Soldaten wurden an die Grenze verlegt.", "250", "ungefähr", 250, 250, True, "approx"),
    ("circa", "Circa 90 Beschäftigte traten in den Warnstreik.", "90", "circa", 90, 90, True, "approx"),
    ("ca-abbrev", "Ca. 400 Menschen nahmen an der Gedenkfeier teil.", "400", "ca.", 400, 400, True, "approx"),
    ("zirka", "Zirka 70 Bergleute sind nach dem Einsturz eingeschlossen.", "70", "zirka", 70, 70, True, "approx"),
    ("um-die", "Um die 500 Demonstranten zogen zum Rathaus.", "500", "um die", 500, 500, True, "approx"),
    ("schaetzungsweise", "Schätzungsweise 2000 Menschen harren in Kellern aus.", "2000", "schätzungsweise",
     2000, 2000, True, "approx"),
    ("rund-millionen", "Rund 1,5 Millionen Menschen sind von der Dürre betroffen.", "1,5", "rund",
     1500000, 1500000, True, "approx"),
    ("mehr-als", "Mehr als 60 Menschen kamen bei dem Fährunglück ums Leben.", "60", "mehr als", 60, None, True,
     "more_than"),
    ("weit-mehr-als", "Weit mehr als 10.000 Menschen folgten dem Aufruf der Gewerkschaften.", "10.000",
     "weit mehr als", 10000, None, True, "more_than"),
    ("ueber", "Über 1000 Menschen mussten wegen des Waldbrands ihre Häuser verlassen.", "1000", "über", 1000, None,
     True, "more_than"),
    ("mehr-als-eine-million", "Mehr als eine Million Menschen flohen aus der umkämpften Region.", "Million",
     "mehr als", 1000000, None, True, "more_than"),
    ("mindestens", "Mindestens 45 Menschen wurden bei dem Luftangriff getötet.", "45", "mindestens", 45, None, True,
     "at_least"),
    ("mindestens-millionen", "Mindestens 1,2 Millionen Menschen sind auf Nahrungsmittelhilfe angewiesen.", "1,2",
     "mindestens", 1200000, None, True, "at_least"),
    ("und-mehr", "Die Bahn rechnet am Ferienbeginn mit 12.500 und mehr Fahrgästen.", "12.500", "und mehr",
     12500, None, True, "at_least"),
    ("bis-zu", "Bis zu 20.000 Menschen werden am Wochenende in der Innenstadt erwartet.", "20.000", "bis zu",
     None, 20000, False, "up_to"),
    ("hoechstens", "Der Neubau darf höchstens 700 Millionen Euro kosten.", "700", "höchstens", None, 700000000,
     False, "at_most"),
    ("weniger-als", "Weniger als 40 Prozent der Wahlberechtigten gaben ihre Stimme ab.", "40", "weniger als", None,
     40, False, "less_than"),
    ("unter", "Die Partei kam in den Umfragen auf unter 5 Prozent.", "5", "unter", None, 5, False, "less_than"),
    ("fast", "Fast 3000 Flüge fielen wegen des Streiks an den Flughäfen aus.", "3000", "fast", 3000, 3000, True,
     "nearly"),
    ("knapp", "Knapp 18.000 Menschen sind nach der Flut noch ohne Unterkunft.", "18.000", "knapp", 18000, 18000,
     True, "nearly"),
    ("nahezu", "Nahezu 90 Prozent der Beschäftigten stimmten für den unbefristeten Streik.", "90", "nahezu", 90, 90,
     True, "nearly"),
    ("beinahe", "Beinahe 200 Flüge wurden wegen des Schneesturms gestrichen.", "200", "beinahe", 200, 200, True,
     "nearly"),
]


@pytest.mark.parametrize("text,anchor,hedge,low,high,approx,bound",
                         [pytest.param(*c[1:], id=c[0]) for c in HEDGES])
def test_hedges(text, anchor, hedge, low, high, approx, bound):
    q = the_quantity(text, anchor)
    assert q.hedge.lower() == hedge
    assert (q.low, q.high) == (low, high)
    assert q.approx is approx
    assert q.bound == bound


def test_two_quantities_in_one_sentence_keep_their_offsets():
    text = "Die Armee verlor nach eigenen Angaben 2.500 Panzer und 1.200 Haubitzen."
    found = quantities(text)
    assert [(q.text, q.low) for q in found] == [("2.500", 2500), ("1.200", 1200)]
    for q in found:
        assert text[q.start:q.end] == q.text
