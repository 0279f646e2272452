"""Parts of a country that news name without a place name: who holds them ("in areas under
government control", "in den Rebellengebieten") and a compass part of "the country"
("im Nordwesten des Landes"). A toll there is the part's, not the country's."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents


def _claims(tmp_path, lang: str, text: str):
    (tmp_path / "a.md").write_text(f"---\npublished: 2025-02-10\nlang: {lang}\n---\n\n{text}\n", encoding="utf-8")
    return {c.text: c for c in extract_documents([str(tmp_path)]).claims}


@pytest.mark.parametrize("lang,text,figure,place", [
    ("de", "# Erdbeben in Syrien\n\nIm von der Regierung kontrollierten Gebiet starben nach Angaben "
           "der Behörden 812 Menschen.", "812", "SY#government"),
    ("de", "# Erdbeben in Syrien\n\nIn den Rebellengebieten kamen 900 Menschen ums Leben.", "900", "SY#opposition"),
    ("de", "# Erdbeben in Syrien\n\nIm Nordwesten des Landes starben 450 Menschen.", "450", "SY#northwest"),
    ("de", "# Erdbeben in Syrien\n\nInsgesamt starben in Syrien 2000 Menschen.", "2000", "SY"),
    ("en", "# Quake in Syria\n\nIn areas under government control, the state agency put the death "
           "toll at more than 1,400.", "1,400", "SY#government"),
    ("en", "# Quake in Syria\n\nIn rebel-held areas, 900 people were killed.", "900", "SY#opposition"),
    ("en", "# Quake in Syria\n\nRescuers said 2,166 people had died in the northwest of the country.", "2,166", "SY#northwest"),
    ("en", "# Quake in Syria\n\nAltogether, 3,575 people had been confirmed dead in Syria.", "3,575", "SY"),
])
def test_a_part_of_the_country_is_the_figures_place(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


def test_des_landes_is_the_country_not_the_french_department(tmp_path):
    c = _claims(tmp_path, "de", "# Hochwasser in Spanien\n\nIm Osten des Landes starben 60 Menschen.")["60"]
    assert c.place == "ES#east"


@pytest.mark.parametrize("lang,text,figure,place", [
    # a place in a relative clause the figure is not in is not the figure's
    ("en", "# Quake toll\n\nThe number of people killed in Syria by the earthquakes of magnitude 7.7 and "
           "7.6, which devastated neighbouring Türkiye, was close to 3,600 on Sunday.", "3,600", "SY"),
    ("de", "# Erdbeben\n\nDie Zahl der Toten in Syrien, die das Beben in der Türkei überlebt hatten, "
           "lag bei 1200.", "1200", "SY"),
    # a toll with a counting verb of its own ("liegt ... vor") is where it is reported from
    ("de", "# Erdbeben in der Türkei\n\nFür die Türkei meldete die Behörde 44.218 Tote. Aus Syrien liegt "
           "als jüngste Angabe eine Zahl von 5900 Toten vor.", "5900", "SY"),
    ("en", "# Quake in Turkey\n\nTurkey's authority reported 44,218 dead. From Syria, the latest count "
           "stands at 5,900 dead.", "5,900", "SY"),
])
def test_which_named_place_is_the_figures(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


@pytest.mark.parametrize("lang,text,figure,place", [
    # German names a region of several words with its article ("in der Comunitat Valenciana"),
    # while a one-word name after an article is most often a common noun ("des Landes")
    ("de", "# Unwetter\n\nIn der Comunitat Valenciana starben 92 Menschen.", "92", "ES-VC"),
    ("de", "# Unwetter\n\nIn der Region Murcia starben 12 Menschen.", "12", "ES-MC"),
    ("en", "# Floods\n\nIn the Valencian Community, 92 people died.", "92", "ES-VC"),
    # a city adjective stands before its noun ("Krefelder Polizei"); "die Trauer" is no adjective
    # of a town called Trau, and a word of its own is no place
    ("de", "# Unwetter in Spanien\n\nDie Trauer ist groß: In der Region starben 92 Menschen.", "92", "ES"),
    ("de", "# Brand\n\nBei dem Krefelder Großbrand wurden 12 Menschen verletzt.", "12", "gn:2884509"),
])
def test_named_regions_and_city_adjectives(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


@pytest.mark.parametrize("lang,text,figure,place,source", [
    # a passive report ("announced by", "von ... gemeldet") names its source, and a disaster's toll
    # a country gives is that country's; "announced" reports here, it announces no plan
    ("en", "# Quakes in Greece and Albania\n\nTogether with the latest death toll announced by Albania, "
           "514, the total has passed that mark.", "514", "AL", "Albania"),
    ("de", "# Erdbeben in Griechenland und Albanien\n\nZusammen mit der zuletzt von Albanien "
           "bekanntgegebenen Zahl von 514 Toten ist die Schwelle überschritten.", "514", "AL", "Albanien"),
])
def test_a_toll_reported_by_a_country_is_that_countrys(tmp_path, lang, text, figure, place, source):
    c = _claims(tmp_path, lang, text)[figure]
    assert (c.object, c.place, c.source) == ("killed", place, source)


@pytest.mark.parametrize("lang,text,figure,place", [
    # a whole with one part named ("211 davon in der Region X") has more than that part: it is the
    # place around the part; and "in der Region Valencia" is a name, no "in der Region" that refers back
    ("de", "# Unwetter im Osten Spaniens\n\nOffiziell sind bislang 215 Todesopfer bestätigt, 211 davon wurden "
           "in der Region Valencia geborgen.", "215", "ES"),
    ("en", "# Floods in eastern Spain\n\nSo far 217 people have died, 213 of them in the Valencia region.", "217", "ES"),
    ("de", "# Unwetter im Osten Spaniens\n\nOffiziell sind bislang 215 Todesopfer bestätigt, 211 davon wurden "
           "in der Region Valencia geborgen.", "211", "ES-VC"),
    # parts each with a figure of its own after a colon: a place that opens a part's clause is
    # that part's, and the figure before is their whole's
    ("de", "# Unwetter im Osten Spaniens\n\nDie amtliche Zahl der Todesopfer blieb bei 219: In der Region Valencia "
           "wurden 211 Leichen geborgen, die übrigen acht in den Nachbarregionen Kastilien-La Mancha und Andalusien.",
     "219", "ES"),
    ("en", "# Floods in eastern Spain\n\nThe official toll stood at 219: in the Valencia region 211 bodies were "
           "recovered, the other eight in the neighbouring regions of Castilla-La Mancha and Andalusia.", "219", "ES"),
    # a whole with a place of its own keeps it
    ("de", "# Unwetter\n\nIn Spanien starben 215 Menschen, 211 davon in der Region Valencia.", "215", "ES"),
])
def test_a_whole_with_one_named_part(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


@pytest.mark.parametrize("lang,text,figure,place", [
    # a place that opens the sentence is the place of every figure its clauses coordinate
    # (the headline sets the article elsewhere: the place is the sentence's own, not its paragraph's)
    ("de", "# Gefangene in Kiew befragt\n\nIm russischen Gebiet Belgorod sollen 40 Menschen getötet und mehr als "
           "300 verletzt worden sein.", "300", "RU-BEL"),
    ("en", "# Prisoners questioned in Kyiv\n\nIn the Russian region of Belgorod, 40 people were killed and more "
           "than 300 injured.",
     "300", "RU-BEL"),
    ("de", "# Erdbeben in Italien und Griechenland\n\nAus Griechenland werden bislang 120 Tote gemeldet, und über "
           "900 Menschen erlitten Verletzungen.", "900", "GR"),
    ("de", "# Proteste\n\nSachsen: In Leipzig zählten die Veranstalter 5000 Teilnehmende, die Polizei etwa 3500.",
     "3500", "gn:2879139"),
    # ... but not a figure with a place of its own, nor a total over many places
    ("de", "# Proteste\n\nIn Bremen kamen 35.000 Menschen zusammen und in Kiel 9000.", "9000", "gn:2891122"),
    ("de", "# Proteste\n\nIn Bremen waren es 35.000 Menschen, bundesweit mehr als 900.000.", "900.000", "DE"),
    # a relative clause on the counted noun says where the counted are
    ("de", "# Krieg\n\nVon den 9000 Soldaten, die Minsk in das Gebiet Belgorod geschickt hat, sind 500 gefallen.",
     "9000", "RU-BEL"),
    ("en", "# War\n\nOf the 9,000 soldiers who were sent to the Belgorod region, 500 have died.", "9,000", "RU-BEL"),
    # nearness is a place: "in der Nähe von", "unweit von", "in the vicinity of"
    ("de", "# Krieg\n\nRund 800 Soldaten sind in der Nähe von Charkiw stationiert.", "800", "gn:706483"),
    ("de", "# Krieg\n\nRund 800 Soldaten sind unweit von Charkiw stationiert.", "800", "gn:706483"),
    ("en", "# War\n\nAbout 800 troops are stationed in the vicinity of Kharkiv.", "800", "gn:706483"),
    ("en", "# Protests\n\nThe protests brought about 8,000 people onto the streets of Graz.", "8,000", "gn:2778067"),
    ("de", "# Proteste\n\nEtwa 8000 Menschen zogen durch die Straßen von Graz.", "8000", "gn:2778067"),
    # "<Land>weit", written in lower case: the country as a whole
    ("de", "# Proteste in Wien\n\nIn Wien waren es 28.000; österreichweit beteiligten sich mehr als 250.000 Menschen.",
     "250.000", "AT"),
    # of two places named in one phrase, the one inside the other, also for a part of a country
    ("de", "# Krieg\n\nTausende Soldaten seien im südwestrussischen Gebiet Belgorod angekommen.", "Tausende", "RU-BEL"),
    ("de", "# Krieg\n\n2000 Soldaten kämpfen in der russischen Grenzregion Belgorod.", "2000", "RU-BEL"),
    # the figure for a country ("the toll for Greece", "die Zahl für Griechenland")
    ("en", "# Quakes in Greece and Albania\n\nThe toll for Greece stood at 120 on Friday.", "120", "GR"),
    ("de", "# Erdbeben in Griechenland und Albanien\n\nDie Zahl der Toten für Griechenland lag am Freitag bei 120.",
     "120", "GR"),
])
def test_where_a_sentence_puts_its_figures(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


@pytest.mark.parametrize("lang,text,figure,place", [
    # "in beiden Ländern", "in both countries": the two countries the article is set in
    ("de", "# Erdbeben erschüttern Griechenland und Albanien\n\nIn Durres starben 300 Menschen. "
           "In beiden Ländern wurden inzwischen über 800 Tote registriert.", "800", "AL+GR"),
    ("en", "# Earthquakes hit Greece and Albania\n\nIn Durres, 300 people died. "
           "More than 800 deaths have now been recorded in both countries.", "800", "AL+GR"),
    # an article set in one country has no two to name
    ("en", "# Earthquake hits Albania\n\nIn Durres, 300 people died. "
           "More than 800 deaths have now been recorded in both countries.", "800", "gn:3185728"),
])
def test_both_countries_are_the_settings(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place



@pytest.mark.parametrize("lang,text,figure,place", [
    # a sea named after a country is no place on land
    ("en", "# Typhoon\n\nThe storm moved on towards the South China Sea, where 40 fishing boats were missing.",
     "40", None),
    ("de", "# Taifun\n\nDer Sturm zog weiter ins Südchinesische Meer, wo 40 Fischerboote vermisst wurden.", "40", None),
    # a place in the whole named after it: the part ("in Isabela province in the northern Philippines")
    ("en", "# Typhoon\n\nThe typhoon made landfall in Isabela province in the northern Philippines with winds "
           "of 185 kilometres per hour.", "185", "PH-ISA"),
    ("de", "# Flut\n\nIn Paiporta, in der Provinz Valencia, starben 62 Menschen.", "62", "gn:2513029"),
    # "im Land", "in the country": the country of the place named before; "dort" does not refer
    # back to a nationality ("unter französischer Führung")
    ("de", "# Nato-Truppe in Rumänien\n\nDerzeit seien 2.300 französische Soldaten im Land.", "2.300", "RO"),
    ("en", "# Nato force in Romania\n\nSome 2,300 French soldiers are now in the country.", "2,300", "RO"),
    ("de", "# Nato-Truppe in Rumänien\n\nUnter französischer Führung seien dort 3.000 Soldaten im Einsatz.",
     "3.000", "RO"),
])
def test_seas_wholes_and_the_country_referred_back_to(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place


@pytest.mark.parametrize("lang,text,figure", [
    # a disaster's figure with no place of its own is where the disaster struck: the firefighters,
    # the evacuated, the damage
    ("de", "# Explosion in Krefeld\n\nRund 250 Feuerwehrleute waren am Nachmittag im Einsatz.", "250"),
    ("en", "# Explosion in Krefeld\n\nThe company estimated the damage at 5 million euros.", "5 million"),
])
def test_a_disasters_figures_are_where_it_struck(tmp_path, lang, text, figure):
    assert _claims(tmp_path, lang, text)[figure].place == "gn:2884509"


@pytest.mark.parametrize("lang,text,figure,place", [
    # troops or arms of one country with no place of their own are where their article is set
    ("de", "# Italien verstärkt seine Truppen in Lettland\n\nDie ersten 900 italienischen Soldaten kamen im "
           "November an.", "900", "LV"),
    ("de", "# Schweden schickt Panzer nach Estland\n\nSchweden hat bisher zwölf Panzer geliefert.", "zwölf", "EE"),
    ("en", "# Italy reinforces its troops in Latvia\n\nThe first 900 Italian soldiers arrived in November.",
     "900", "LV"),
    ("en", "# Sweden sends tanks to Estonia\n\nSweden has so far delivered 12 tanks.", "12", "EE"),
    # a dateline city is where the news was told, not where the troops are
    ("de", "SEOUL (dpa) - Nordkorea hat nach Angaben des Militärs weitere 3000 Soldaten entsandt.", "3000", None),
    ("en", "SEOUL (Reuters) - North Korea has sent another 3,000 soldiers, the military said.", "3,000", None),
])
def test_a_deployments_figures_are_where_it_is_set(tmp_path, lang, text, figure, place):
    assert _claims(tmp_path, lang, text)[figure].place == place
