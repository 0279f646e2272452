"""HTML pages: main text and metadata via trafilatura; offsets refer to the extracted text."""
from __future__ import annotations

import pytest

from nkcheck.extract import extract_documents  # first: extract and articles import each other
from nkcheck.articles import ArticleError, read_article  # noqa: I001

PAGE = """<!DOCTYPE html>
<html lang="de"><head><title>Nordkorea schickt Truppen | Testzeitung</title>
<meta property="og:site_name" content="Testzeitung"><meta name="date" content="2025-06-22">
<link rel="canonical" href="https://example.org/nordkorea"></head>
<body><nav>Menü Startseite Politik 2024</nav>
<article><h1>Nordkorea schickt Truppen</h1>
<p>Nach Angaben des ukrainischen Geheimdienstes hat Nordkorea im vergangenen Oktober 15.000 Soldaten nach Russland entsandt.</p>
<p>Die Truppen seien in der Region Kursk eingesetzt worden, heißt es in dem Bericht, der sich auf Satellitenbilder stützt.</p>
</article><footer>Impressum © 2025 Testzeitung, 123 Leser</footer></body></html>
"""


def test_html_page_gives_main_text_and_metadata(tmp_path):
    (tmp_path / "seite.html").write_text(PAGE, encoding="utf-8")
    doc = read_article(tmp_path / "seite.html", tmp_path)
    assert (doc.title, doc.outlet, doc.url) == ("Nordkorea schickt Truppen", "Testzeitung", "https://example.org/nordkorea")
    assert doc.published_iso() == "2025-06-22" and doc.published_source == "page metadata"
    assert (doc.lang, doc.extracted) == ("de", True)
    assert "Impressum" not in doc.text and "<p>" not in doc.text and "15.000 Soldaten" in doc.text


def test_html_claim_offsets_point_into_the_extracted_text(tmp_path):
    (tmp_path / "seite.html").write_text(PAGE, encoding="utf-8")
    res = extract_documents([str(tmp_path)])
    doc = res.documents[0]
    assert [c.text for c in res.claims] == ["15.000"]  # not the footer's 123 or the nav's 2024
    c = res.claims[0]
    assert doc.text[c.start:c.end] == "15.000" and c.line == doc.line_of(c.start)
    assert doc.to_json()["offsets"] == "extracted text"


def test_html_without_main_text_is_an_input_problem(tmp_path):
    (tmp_path / "leer.html").write_text("<html><head><title>Leer</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(ArticleError):
        read_article(tmp_path / "leer.html", tmp_path)


NAV_PAGE = """<!DOCTYPE html><html lang="de"><head><title>Startseite | Portal</title></head><body>
<nav><ul>""" + "".join(f"<li><a href='/r{i}'>Ressort {i} – 2024 – {i * 100} Artikel</a></li>" for i in range(60)) + """</ul></nav>
<div class="teaser"><a href="/x">Mehr lesen</a></div>
<main><p>In Kiel demonstrierten am Samstag nach Angaben der Polizei rund 4000 Menschen gegen Rechtsextremismus.</p></main>
<footer>""" + " | ".join(f"Link {i}" for i in range(80)) + """</footer></body></html>"""


def test_page_that_is_mostly_navigation_yields_only_the_article_figures(tmp_path):
    import json
    from conftest import run_nkcheck

    (tmp_path / "portal.html").write_text(NAV_PAGE, encoding="utf-8")
    (tmp_path / "leer.html").write_text("<html><body><nav><a href='/'>Start</a> <a href='/a'>Archiv 2024</a></nav>"
                                        "</body></html>", encoding="utf-8")
    res = run_nkcheck("check", str(tmp_path), "--format", "json", "--no-cache")
    data = json.loads(res.stdout)
    assert [c["text"] for c in data["claims"]] == ["4000"]  # none of the menu's or footer's numbers
    assert [p["path"].endswith("leer.html") for p in data["not_checked"]] == [True]
    assert res.returncode == 2 and "leer.html" in res.stderr  # input error reported; the other page checked
