"""The day a disaster struck, across its articles, and when an undated report was written.

Stories written for these tests (German and English): a dated report names the day, an undated
one takes it from there, and its weekdays and "N days after the ..." date its figures."""
from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from nkcheck.compare import corpus
from nkcheck.extract import extract_documents


def _write(folder: Path, name: str, text: str, published: str = "unknown", lang: str = "de") -> None:
    (folder / name).write_text(f"---\npublished: \"{published}\"\nlang: {lang}\n---\n\n"
                               + textwrap.dedent(text).strip() + "\n", encoding="utf-8")


def _run(folder: Path):
    result = extract_documents([str(folder)])
    assert not result.problems
    corpus.prepare(result.documents, result.claims)
    docs = {Path(d.path).name: d for d in result.documents}
    claims = {(Path(docs_by_id.path).name, c.text): c
              for c in result.claims for docs_by_id in [next(d for d in result.documents if d.id == c.doc)]}
    return docs, claims


def _one_article(tmp_path: Path, lang: str, text: str):
    """One article dated 13 March 2025: (its document, its claims by figure text)."""
    _write(tmp_path, "a.md", text, "2025-03-13", lang)
    docs, claims = _run(tmp_path)
    return docs["a.md"], {fig: c for (name, fig), c in claims.items() if name == "a.md"}


@pytest.mark.parametrize("lang,text,days", [
    ("de", "Zehn Tage nach dem Orkan werden noch 12 Menschen vermisst.", 10),
    ("de", "Etwas mehr als drei Wochen nach dem schweren Erdbeben sind 900 Tote gezählt.", 21),
    ("de", "Eine Woche nach der Katastrophe leben 300 Menschen in Notunterkünften.", 7),
    ("de", "Drei Wochen nach der Wahl wurden 40 Stimmen nachgezählt; 12 Menschen starben im Sturm.", None),
    ("en", "Five days after the storm, 30 people were still missing.", 5),
    ("en", "Nearly a week after the disaster, 3,100 people had been confirmed dead.", 7),
    ("en", "Some 72 hours after the blast, 14 people were still unaccounted for in the fire.", 3),
    ("en", "Two weeks after the election, 12 people died in the floods.", None),
])
def test_how_long_after_its_occasion_an_article_says_it_was_written(tmp_path, lang, text, days):
    head = "# Sturm und Erdbeben: neue Zahlen" if lang == "de" else "# Storm and flood toll"
    _write(tmp_path, "a.md", head + "\n\n" + text, "2025-03-20", lang)
    result = extract_documents([str(tmp_path)])
    assert result.documents[0].setting.days_after == days


def test_an_undated_report_takes_the_day_its_dated_sister_report_gives_and_its_weekdays_follow(tmp_path):
    _write(tmp_path, "dated.md", """
        # Schweres Erdbeben in Griechenland

        Bei dem Erdbeben am Montag in Griechenland kamen mindestens 40 Menschen ums Leben.
        """, "2025-03-11")
    _write(tmp_path, "undated.md", """
        # Erdbeben in Griechenland: Zahl der Toten steigt

        Bis Donnerstag wurden in Griechenland 120 Tote gezählt. Mehr als 500 Menschen wurden verletzt.
        """)
    _write(tmp_path, "later.md", """
        # Zehn Tage nach dem Beben

        Zehn Tage nach dem Erdbeben in Griechenland sind 310 Tote geborgen worden.
        """)
    docs, claims = _run(tmp_path)
    assert docs["dated.md"].setting.time_start == "2025-03-10"  # the Monday before it appeared
    assert docs["undated.md"].setting.time_start == "2025-03-10"
    toll = claims[("undated.md", "120")]
    assert (toll.time_start, toll.as_of, toll.as_of_source) == ("2025-03-10", "2025-03-13", "estimated")
    assert claims[("undated.md", "500")].as_of == "2025-03-13"  # stated when the article was written
    assert claims[("later.md", "310")].as_of == "2025-03-20"


def test_a_weekday_that_dates_a_statement_in_an_undated_english_report(tmp_path):
    _write(tmp_path, "dated.md", """
        # Floods hit Pakistan

        Floods that struck Pakistan on Sunday have killed at least 60 people, officials said.
        """, "2025-08-04", "en")
    _write(tmp_path, "undated.md", """
        # Pakistan flood toll rises

        Officials said on Wednesday that 150 people had died in Pakistan. Five days after the floods,
        40 people are still missing in Pakistan.
        """, lang="en")
    docs, claims = _run(tmp_path)
    assert docs["undated.md"].setting.time_start == "2025-08-03"
    assert claims[("undated.md", "150")].as_of == "2025-08-06"  # the last Wednesday by the fifth day
    assert claims[("undated.md", "40")].as_of == "2025-08-08"


def test_an_undated_report_on_another_hazard_or_country_takes_no_day(tmp_path):
    _write(tmp_path, "quake.md", """
        # Schweres Erdbeben in Griechenland

        Bei dem Erdbeben am Montag in Griechenland kamen mindestens 40 Menschen ums Leben.
        """, "2025-03-11")
    _write(tmp_path, "flood.md", """
        # Hochwasser in Griechenland

        Bis Donnerstag starben bei dem Hochwasser in Griechenland 12 Menschen.
        """)
    _write(tmp_path, "elsewhere.md", """
        # Erdbeben in Peru

        Bis Donnerstag starben bei dem Erdbeben in Peru 15 Menschen.
        """)
    docs, claims = _run(tmp_path)
    assert docs["flood.md"].setting.time_start is None
    assert docs["elsewhere.md"].setting.time_start is None
    assert claims[("elsewhere.md", "15")].as_of is None


def test_two_disasters_of_one_hazard_leave_an_undated_report_undated(tmp_path):
    for name, day, pub in (("a.md", "Montag", "2025-03-11"), ("b.md", "Dienstag", "2025-04-09")):
        _write(tmp_path, name, f"""
            # Erdbeben in Griechenland

            Bei dem Erdbeben am {day} in Griechenland kamen mindestens 40 Menschen ums Leben.
            """, pub)
    _write(tmp_path, "undated.md", """
        # Erdbeben in Griechenland

        Bis Donnerstag starben bei dem Erdbeben in Griechenland 90 Menschen.
        """)
    docs, _ = _run(tmp_path)
    assert {docs["a.md"].setting.time_start, docs["b.md"].setting.time_start} == {"2025-03-10", "2025-04-08"}
    assert docs["undated.md"].setting.time_start is None


def test_a_disaster_struck_on_the_earliest_day_its_reports_give(tmp_path):
    _write(tmp_path, "first.md", """
        # Floods in Portugal

        (March 7, 2025) Hundreds of people have had no contact with relatives since Tuesday. At least
        40 people died in the floods in Portugal.
        """, "2025-03-07", "en")
    _write(tmp_path, "second.md", """
        # Floods in Portugal

        Tens of thousands of households in Portugal were still without power on Thursday after the floods.
        """, "2025-03-07", "en")
    docs, _ = _run(tmp_path)
    assert docs["first.md"].setting.time_start == "2025-03-04"
    assert docs["second.md"].setting.time_start == "2025-03-04"


@pytest.mark.parametrize("lang,text,day", [
    # a "since" that names a day dates the disaster; one that names a year compares
    ("de", "# Sturm an der Küste\n\nSeit Dienstag werden nach dem Sturm 30 Menschen vermisst. "
           "Es ist das schwerste Unwetter seit 1962.", "2025-03-11"),
    ("en", "# Storm on the coast\n\nThirty people have been missing since Tuesday after the storm. "
           "It is the worst storm since 1962.", "2025-03-11"),
    ("en", "# Storm on the coast\n\nThe storm has killed 30 people. It was the deadliest disaster of its kind since 1962.",
     None),
])
def test_a_since_that_names_a_year_dates_no_occasion(tmp_path, lang, text, day):
    assert _one_article(tmp_path, lang, text)[0].setting.time_start == day


@pytest.mark.parametrize("lang,text,hazard", [
    # the hazard as the first part of a hyphenated compound names the disaster ("the storm's dead")
    ("de", "# Zahl der Unwetter-Toten steigt weiter\n\nIn der Region sind 92 Menschen ums Leben gekommen.", "flood"),
    ("en", "# Flood-hit towns count their dead\n\nIn the region 92 people have died.", "flood"),
    # never the start of one word
    ("de", "# Kundgebung am Brandenburger Tor\n\nRund 500 Menschen kamen.", None),
])
def test_a_hazard_named_in_a_compound(tmp_path, lang, text, hazard):
    assert _one_article(tmp_path, lang, text)[0].setting.hazard == hazard


@pytest.mark.parametrize("lang,text,place", [
    # a disaster across a border is set in the countries its headline names together, as the
    # subject too; a country alone as a subject leaves the setting to the lead's finer place
    ("de", "# Erdbeben erschüttern Griechenland und Albanien\n\nMindestens 40 Menschen starben.", "AL+GR"),
    ("de", "# Griechenland und Albanien: Zahl der Erdbeben-Toten steigt\n\nMindestens 40 Menschen starben.", "AL+GR"),
    ("en", "# Greece-Albania earthquake: toll passes 40\n\nAt least 40 people died.", "AL+GR"),
    ("en", "# Greece floods: toll rises\n\nIn the region of Thessaly, 40 people died.", "GR-E"),
])
def test_the_countries_a_disaster_headline_names_together(tmp_path, lang, text, place):
    assert _one_article(tmp_path, lang, text)[0].setting.place == place


@pytest.mark.parametrize("lang,text,figure,place", [
    # a paragraph's place in another country is a comparison, not the place of the figures after it
    ("de", "# Erdbeben in Griechenland\n\nDamit übersteigt die Zahl der Toten die des Bebens in Nordjapan "
           "von 2011. Die Zahl der Verletzten liegt bei etwa 7800.", "7800", "GR"),
    ("en", "# Earthquake in Greece\n\nThe toll now exceeds that of the 2011 quake in Sendai. The number "
           "of injured stands at about 7,800.", "7,800", "GR"),
    # a place of the article's country still carries over
    ("de", "# Erdbeben in Italien\n\nAm schwersten betroffen ist die Region Toskana. Die Zahl der "
           "Verletzten liegt bei etwa 7800.", "7800", "IT-52"),
    ("en", "# Earthquake in Italy\n\nTuscany was hit hardest. The number of injured stands at about 7,800.",
     "7,800", "IT-52"),
])
def test_a_paragraphs_place_abroad_does_not_carry_over(tmp_path, lang, text, figure, place):
    assert _one_article(tmp_path, lang, text)[1][figure].place == place


@pytest.mark.parametrize("lang,text,now,earlier", [
    # a figure an earlier report gave is an earlier stage of the count than the article's own:
    # the toll today above the dead and missing then is no part above its whole
    ("de", "# Flut vom Dienstag in Spanien\n\nNach neuesten Angaben der Behörden sind in Spanien 217 Menschen gestorben. Ein "
           "früherer Bericht hatte die Zahl der Toten und Vermissten in Spanien mit 158 angegeben.", "217", "158"),
    ("en", "# Tuesday's floods in Spain\n\nAccording to the latest update from the authorities, 217 people have died in "
           "Spain. (An earlier report had put the number of dead or missing in Spain at 158.)", "217", "158"),
])
def test_a_figure_an_earlier_report_gave_is_an_earlier_stage(tmp_path, lang, text, now, earlier):
    from nkcheck.compare import compare
    from nkcheck.compare import stages
    from nkcheck.compare.tolerance import Tolerances

    _, claims = _one_article(tmp_path, lang, text)
    a, b = claims[now], claims[earlier]
    assert stages.relation(b, a, Tolerances()) == stages.BEFORE
    linked = [f for f in compare(list(claims.values())).findings
              if f.kind == "scope" and {a.id, b.id} <= set(f.claims)]
    assert not linked


def test_a_figure_stated_twice_in_one_article_is_paired_by_its_later_mention():
    """Headline and body of one article state one figure once: the body's mention is paired,
    even when the headline carries a finer stamp and sorts after it (regression: the headline
    under "Stand: 16. August, 14 Uhr" was kept, so the fact was flagged on it, not the body)."""
    from nkcheck.compare.facts import Group
    from nkcheck.model import Claim

    def claim(cid, start, as_of):
        return Claim(id=cid, doc="a.md", start=start, end=start + 2, text="46", low=46, high=46, approx=False,
                     bound="exact", object="killed", event="killed", actor=None, place=None, time_start=None,
                     time_end=None, source=None, sentence="", as_of=as_of)

    body, headline = claim("body", 469, "2025-08-16"), claim("headline", 276, "2025-08-16T14:00")
    g = Group(key={}, claims=[body, headline])
    assert [c.id for c in g.pairable] == ["body"]
