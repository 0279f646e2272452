"""Numbers in German news that are not counts: years, dates, clock times, ordinals, type
designations, legal numbering, ages, house numbers and calibres. No quantity may overlap the
marked substring (other numbers in the sentence may still be claims)."""
from __future__ import annotations

import pytest

from conftest import find_quantities, over


def quantities(text):
    return find_quantities(text, "de")


# (id, sentence, substring that must not be (part of) a quantity)
NONCLAIMS = [
    # years
    ("year-im-jahr", "Im Jahr 2023 streikten die Lokführer mehrfach.", "2023"),
    ("year-seit", "Seit 2019 ist die Zahl der Asylanträge deutlich gestiegen.", "2019"),
    ("year-aus-dem-jahr", "Die Talbrücke stammt aus dem Jahr 1972 und gilt als marode.", "1972"),
    ("year-von", "Die Zahlen von 2022 zeigen einen deutlichen Anstieg der Angriffe.", "2022"),
    ("year-bis-ende", "Der Umbau des Bahnhofs dauert voraussichtlich bis Ende 2026.", "2026"),
    ("year-after-season", "Der Deich brach im Herbst 2024 an zwei Stellen.", "2024"),
    ("year-after-month", "Im November 2024 einigten sich die Tarifparteien.", "2024"),
    ("year-jahrgang", "Der festgenommene Mann ist Jahrgang 1985.", "1985"),
    ("decade", "Die Partei war in den 1990er Jahren in Sachsen stark.", "1990er"),
    # dates
    ("date-3-oktober", "Am 3. Oktober demonstrierten in Berlin mehrere Tausend Menschen.", "3."),
    ("date-23-februar", "Die vorgezogene Bundestagswahl findet am 23. Februar statt.", "23."),
    ("date-numeric", "Der Tarifvertrag wurde am 12.03.2024 unterzeichnet.", "12.03.2024"),
    ("date-numeric-short-day", "Das schwere Beben ereignete sich am 6.2.2023 im Grenzgebiet.", "6.2.2023"),
    ("date-nacht-zum", "In der Nacht zum 1. Mai kam es in Kreuzberg zu Krawallen.", "1."),
    ("date-range", "Der Gipfel fand vom 4. bis 6. Juni in Brüssel statt.", "4. bis 6."),
    ("date-weekday-comma", "Am Montag, 14. April, begann der unbefristete Streik.", "14."),
    # clock times
    ("clock-um", "Die Kundgebung begann um 14 Uhr auf dem Marktplatz.", "14"),
    ("clock-gegen-dot", "Gegen 9.30 Uhr rückte die Feuerwehr mit einem Großaufgebot aus.", "9.30"),
    ("clock-range", "Der Warnstreik im Nahverkehr dauert von 10 bis 12 Uhr.", "10 bis 12"),
    ("clock-colon", "Um 13:45 Uhr stürzte das Dach der Turnhalle ein.", "13:45"),
    ("clock-gegen", "Die Polizei löste die Sitzblockade gegen 22 Uhr auf.", "22"),
    ("clock-fuer", "Die Sondersitzung war für 15.30 Uhr angesetzt.", "15.30"),
    # ordinals
    ("ordinal-mal", "Der Kanzler reist zum 2. Mal seit Kriegsbeginn in die Ukraine.", "2."),
    ("ordinal-liga", "Nach dem Abstieg spielt der Verein künftig in der 3. Liga.", "3."),
    ("ordinal-wahlgang", "Der Kandidat scheiterte erst im 4. Wahlgang.", "4."),
    ("ordinal-stock", "Das Feuer brach im 5. Stock des Hochhauses aus.", "5."),
    ("ordinal-club", "Der 1. FC Köln verlor das Derby.", "1."),
    # type designations and labels
    ("type-airbus", "Die Maschine, ein Airbus A320, musste in Frankfurt notlanden.", "A320"),
    ("type-f16", "Die Ukraine erhält weitere Kampfjets vom Typ F-16.", "F-16"),
    ("type-il76", "Ein Transportflugzeug vom Typ Il-76 stürzte bei Belgorod ab.", "Il-76"),
    ("line-u2", "Die Linie U2 fällt wegen des Streiks den ganzen Tag aus.", "U2"),
    ("label-gleis", "Der Sonderzug fährt von Gleis 7 ab.", "7"),
    ("label-g7", "Die Staats- und Regierungschefs der G7 trafen sich in Apulien.", "7"),
    ("label-g20-compound", "Beim G20-Gipfel kam es zu heftigen Protesten.", "20"),
    ("label-covid19", "Die Ausbreitung von Covid-19 verlangsamte sich im Sommer.", "19"),
    ("label-kategorie", "Der Hurrikan der Kategorie 4 traf am Abend die Küste.", "4"),
    ("label-block", "Block 2 des Kraftwerks wurde vom Netz genommen.", "2"),
    ("label-seite", "Seite 3 des Berichts nennt weitere Einzelheiten.", "3"),
    ("label-resolution", "Der Sicherheitsrat verwies auf die Resolution 2334.", "2334"),
    # legal numbering
    ("law-artikel", "Nach Artikel 5 des Nato-Vertrags gilt ein Angriff als Angriff auf alle.", "Artikel 5"),
    ("law-artikel-gg", "Das Gericht verwies auf Artikel 20 des Grundgesetzes.", "Artikel 20"),
    ("law-paragraf", "Der Streit um Paragraf 218 geht im Bundestag weiter.", "Paragraf 218"),
    ("law-section-sign", "Ein Verstoß gegen § 3 des Versammlungsgesetzes wird geahndet.", "§ 3"),
    ("law-absatz", "Nach Absatz 2 ist jede Versammlung anzumelden.", "Absatz 2"),
    # ages
    ("age-jaehriger", "Ein 34-Jähriger wurde bei dem Unfall schwer verletzt.", "34"),
    ("age-jaehrigen-acc", "Die Polizei nahm einen 34-Jährigen in der Nähe des Tatorts fest.", "34"),
    ("age-jaehrige-adj", "Der 23-jährige Fahrer wurde noch am Abend festgenommen.", "23"),
    ("age-im-alter-von", "Die Schauspielerin starb im Alter von 80 Jahren.", "80"),
    ("age-jahre-alt", "Der mutmaßliche Täter ist 19 Jahre alt.", "19"),
    # house numbers
    ("house-strasse", "Das Feuer brach in einem Mehrfamilienhaus in der Hauptstraße 12 aus.", "12"),
    ("house-letter-suffix", "Die Wohnung in der Goethestraße 45a wurde durchsucht.", "45"),
    ("house-allee", "Der Demonstrationszug zog an der Karl-Marx-Allee 70 vorbei.", "70"),
    ("house-platz", "Die Kundgebung begann am Bahnhofsplatz 1.", "1"),
    # calibres
    ("calibre-mm-compound", "Die Ukraine braucht dringend mehr 155-mm-Granaten.", "155"),
    ("calibre-kaliber", "Geliefert wurden Granaten vom Kaliber 155 Millimeter.", "155"),
    ("calibre-im-kaliber-mm", "Die Haubitze verschießt Munition im Kaliber 155 mm.", "155"),
    # scores
    ("score", "Das Spiel endete 2:1 für die Gäste.", "2:1"),
]


@pytest.mark.parametrize("text,substring", [pytest.param(c[1], c[2], id=c[0]) for c in NONCLAIMS])
def test_not_a_quantity(text, substring):
    hits = over(quantities(text), text, substring)
    assert hits == [], f"{substring!r} was taken for a quantity: {hits}"


# A non-claim next to a real claim: the claim must survive.
MIXED = [
    ("calibre-and-count", "Die Ukraine erhielt 3000 155-mm-Granaten.", "155", "3000", 3000),
    ("date-and-count", "Am 3. Oktober demonstrierten 8000 Menschen in Dresden.", "3.", "8000", 8000),
    ("age-and-count", "Ein 34-Jähriger und 12 weitere Personen wurden festgenommen.", "34", "12", 12),
    ("clock-and-count", "Um 14 Uhr hatten sich bereits 2500 Menschen versammelt.", "14", "2500", 2500),
    ("year-and-count", "Im Jahr 2023 wurden 1800 Streiktage gezählt.", "2023", "1800", 1800),
]


@pytest.mark.parametrize("text,nonclaim,claim,value", [pytest.param(*c[1:], id=c[0]) for c in MIXED])
def test_claim_survives_next_to_nonclaim(text, nonclaim, claim, value):
    found = quantities(text)
    assert not over(found, text, nonclaim)
    k = text.index(claim)
    hits = [q for q in found if q.start <= k < q.end]
    assert len(hits) == 1 and hits[0].low == value


@pytest.mark.parametrize("sentence,number", [
    ("Die Meteorologen sehen eine 70-prozentige Chance für Regen, in 30 Prozent Wahrscheinlichkeit Hagel.", "30"),
    ("Mit 80 % Wahrscheinlichkeit wird der Damm halten.", "80"),
])
def test_probability_percentages_are_not_claims_de(sentence, number):
    from nkcheck.extract.quantities import finder
    assert number not in [q.text for q in finder("de").find(sentence)]
