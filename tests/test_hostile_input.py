"""Hostile and broken input (issue 7): every bad file ends in a clear message and a place in
the "not checked" list, every good file beside it is still checked, and no article can break
the report. Each case runs through the command line, the way CI runs nkcheck.

Exit codes: 2 when a file could not be checked, unless conflicts (1) take precedence.
"""
from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT, run_nkcheck
from fuzz.strategies import check_report
from nkcheck.articles import read_text
from nkcheck.extract.quantities import finder

SEED = sorted(p for p in (ROOT / "seeds").iterdir() if p.suffix in (".md", ".txt"))[0]
GOOD = "---\npublished: 2024-05-03\n---\nRund 500 Menschen demonstrierten am Freitag in Kiel.\n"


def check_folder(folder: Path, *extra: str):
    """`check --format json` and `report` on the folder: (exit code, JSON, stderr, report)."""
    res = run_nkcheck("check", str(folder), "--format", "json", *extra)
    out = folder.parent / (folder.name + "-report.md")
    rep = run_nkcheck("report", str(folder), "-o", str(out), *extra)
    assert rep.returncode == res.returncode, rep.stderr
    assert "Traceback" not in res.stderr + rep.stderr
    return res.returncode, json.loads(res.stdout), res.stderr, out.read_text(encoding="utf-8")


def with_good(tmp_path: Path) -> Path:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.md").write_text(GOOD, encoding="utf-8")
    shutil.copy(SEED, folder / SEED.name)
    return folder


def not_checked(data, name):
    return [p["reason"] for p in data["not_checked"] if Path(p["path"]).name == name]


def assert_skipped(tmp_path, name, reason_part, make):
    """The bad file is named with its reason on stderr, in JSON not_checked and in the report;
    the good files are still checked; exit 2."""
    folder = with_good(tmp_path)
    make(folder / name)
    code, data, err, report = check_folder(folder)
    reasons = not_checked(data, name)
    assert reasons and reason_part in reasons[0], data["not_checked"]
    assert f"{name}: {reasons[0]}" in err
    assert "## Not checked" in report and name in report.split("## Not checked")[1]
    assert {"good.md", SEED.name} <= {d["id"] for d in data["documents"]}
    assert {c["doc"] for c in data["claims"]} >= {"good.md", SEED.name}
    assert code == 2
    return data


def test_empty_file(tmp_path):
    assert_skipped(tmp_path, "empty.md", "empty file", lambda p: p.write_bytes(b""))


def test_whitespace_only(tmp_path):
    assert_skipped(tmp_path, "blank.txt", "only whitespace", lambda p: p.write_bytes(b" \n\t\r\n  \n"))


def test_front_matter_without_text(tmp_path):
    assert_skipped(tmp_path, "meta.md", "no article text", lambda p: p.write_bytes(b"---\ntitle: x\n---\n\n"))


def test_binary_file_with_text_extension(tmp_path):
    assert_skipped(tmp_path, "photo.txt", "binary", lambda p: p.write_bytes(bytes(range(256)) * 40))


def test_binary_file_that_decodes_as_cp1252(tmp_path):
    data = bytes(b for b in range(256) if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)) * 20
    assert_skipped(tmp_path, "blob.md", "binary", lambda p: p.write_bytes(data))


def test_directory_named_like_an_article(tmp_path):
    assert_skipped(tmp_path, "x.md", "folder", lambda p: p.mkdir())


def test_broken_symlink(tmp_path):
    assert_skipped(tmp_path, "gone.md", "broken symbolic link", lambda p: os.symlink(p.parent / "nowhere.md", p))


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")
def test_named_pipe_does_not_hang(tmp_path):
    assert_skipped(tmp_path, "pipe.md", "not a regular file", lambda p: os.mkfifo(p))


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file(tmp_path):
    def make(p):
        p.write_text(GOOD, encoding="utf-8")
        p.chmod(0)
    try:
        assert_skipped(tmp_path, "secret.md", "permission denied", make)
    finally:
        (tmp_path / "in" / "secret.md").chmod(0o644)


def test_50_mb_article_is_skipped_quickly_and_max_size_is_an_option(tmp_path):
    def make(p):
        with open(p, "wb") as fh:
            fh.write(b"Rund 500 Menschen demonstrierten in Kiel. " * (50 * 1024 * 1024 // 42 + 1))
    data = assert_skipped(tmp_path, "huge.md", "too large: 52.4 MB", make)
    assert "--max-size" in not_checked(data, "huge.md")[0]
    small = tmp_path / "small"
    small.mkdir()
    (small / "a.md").write_text(GOOD, encoding="utf-8")
    res = run_nkcheck("check", str(small), "--format", "json", "--max-size", "0.00001")
    assert res.returncode == 2 and "too large" in res.stderr
    res = run_nkcheck("check", str(small), "--format", "json", "--max-size", "0")  # no limit
    assert res.returncode == 0 and json.loads(res.stdout)["claims"]
    assert run_nkcheck("check", str(small), "--max-size", "-1").returncode == 2
    assert "--max-size" in run_nkcheck("check", "--help").stdout


def test_text_over_spacys_max_length_is_processed():
    """Regression: spaCy refuses texts over nlp.max_length (1,000,000 characters by default);
    nkcheck runs no parser or NER, so it raises the limit to the text it was given."""
    from nkcheck.extract import extract_document
    from nkcheck.model import Document
    from nkcheck.pipeline import make_nlp

    nlp = make_nlp("de", False)
    saved, nlp.max_length = nlp.max_length, 50
    try:
        doc = Document(id="a.md", path="a.md", text="Rund 500 Menschen demonstrierten in Kiel.\n" + "Regen. " * 40)
        assert [c.text for c in extract_document(doc, use_trained=False)] == ["500"]
    finally:
        nlp.max_length = saved


# -- encodings ------------------------------------------------------------------------------------

def read_ok(tmp_path, name, raw: bytes):
    """The file is checked (no error), claims point into the file as nkcheck decodes it."""
    folder = with_good(tmp_path)
    (folder / name).write_bytes(raw)
    code, data, err, report = check_folder(folder)
    assert not data["not_checked"], data["not_checked"]
    assert code in (0, 1)  # conflicts with the good file are possible; no input error (2)
    file_text = read_text(folder / name)
    claims = [c for c in data["claims"] if c["doc"] == name]
    for c in claims:
        assert file_text[c["start"]:c["end"]] == c["text"]
    doc = next(d for d in data["documents"] if d["id"] == name)
    return claims, doc, err, report


def test_utf8_with_bom(tmp_path):
    claims, doc, _, _ = read_ok(tmp_path, "bom.md", "\ufeff" .encode() + GOOD.encode())
    assert doc["published"] == "2024-05-03" and doc["published_source"] == "front matter"
    assert [c["low"] for c in claims] == [500]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path, encoding):
    claims, doc, err, _ = read_ok(tmp_path, "u16.md", GOOD.encode(encoding))
    assert [c["low"] for c in claims] == [500] and doc["published"] == "2024-05-03"
    if encoding != "utf-16":
        assert "no byte order mark" in err


def test_cp1252_german(tmp_path):
    text = "„Über 300 Bürger“ kamen nach Köln, während 11.000 Soldaten übten – größer als je zuvor.\n"
    claims, doc, err, _ = read_ok(tmp_path, "alt.txt", text.encode("cp1252"))
    assert "not UTF-8, read as Windows-1252" in err and doc["encoding"] == "cp1252"
    assert doc["warnings"] == ["not UTF-8, read as Windows-1252"]
    assert [(c["text"], c["low"]) for c in claims] == [("300", 300), ("11.000", 11000)]
    assert claims[0]["sentence"].startswith("„Über 300 Bürger“")


def test_mixed_line_endings(tmp_path):
    raw = (b"---\r\npublished: 2024-05-03\r\n---\r\nErste Zeile.\r\nRund 800 Menschen demonstrierten.\r"
           b"Etwa 900 Polizisten waren im Einsatz.\nMehr als 1.000 kamen.\r\n")
    claims, doc, _, _ = read_ok(tmp_path, "crlf.md", raw)
    assert doc["published"] == "2024-05-03"
    assert [(c["text"], c["line"]) for c in claims] == [("800", 5), ("900", 6), ("1.000", 7)]
    assert claims[1]["sentence"] == "Etwa 900 Polizisten waren im Einsatz."
    # offsets index the file as decoded with line endings kept (not Path.read_text())
    assert raw.decode()[claims[2]["start"]:claims[2]["end"]] == "1.000"


def test_nul_bytes_in_text(tmp_path):
    claims, doc, err, _ = read_ok(tmp_path, "nul.txt", b"Rund 500 Menschen\x00 demonstrierten in Kiel.\n")
    assert [c["low"] for c in claims] == [500]
    assert "NUL" in err and "NUL" in doc["warnings"][0]


def test_invisible_and_narrow_spaces_inside_numbers(tmp_path):
    text = ("Es kamen 11\u202f000 Menschen. Dann 12\u00a0000 Soldaten. Dann 13\u200b000 Polizisten. "
            "Und 1\u2009500 Helfer.\n")
    claims, _, _, _ = read_ok(tmp_path, "spaces.txt", text.encode())
    assert [c["low"] for c in claims] == [11000, 12000, 13000, 1500]


def test_unicode_digits_are_read_as_their_values(tmp_path):
    text = "Es kamen ١١٠٠٠ Menschen. Dann demonstrierten １２０００ Soldaten. Im Jahr ２０２４ kamen ５００ Polizisten.\n"
    claims, _, _, _ = read_ok(tmp_path, "digits.txt", text.encode())
    assert [(c["text"], c["low"]) for c in claims] == [("١١٠٠٠", 11000), ("１２０００", 12000), ("５００", 500)]


# -- front matter ----------------------------------------------------------------------------------

@pytest.mark.parametrize("head, warning", [
    ("title: [unclosed\n", "malformed front matter"),
    ("published: 2024-13-45\n", "malformed front matter"),
    ("- a\n- b\n", "not a list of fields"),
    ("published: gestern\n", "published 'gestern' in front matter is not a date"),
    ("published: {a: 1}\n", "is not a date"),
    ("lang: xx\n", "unsupported language 'xx' in front matter; detected 'de'"),
    ("lang: 5\n", "unsupported language '5'"),
])
def test_bad_front_matter_is_warned_about_and_the_text_checked(tmp_path, head, warning):
    claims, doc, err, _ = read_ok(tmp_path, "fm.md", f"---\n{head}---\nRund 500 Menschen demonstrierten.\n".encode())
    assert [c["low"] for c in claims] == [500]
    assert any(warning in w for w in doc["warnings"]) and warning in err
    assert doc["lang"] == "de"


def test_unknown_lang_falls_back_to_detection(tmp_path):
    raw = b"---\nlang: fr\n---\nAbout 500 people were said to have protested in the town on Friday.\n"
    claims, doc, _, _ = read_ok(tmp_path, "fr.md", raw)
    assert doc["lang"] == "en" and "detected 'en'" in doc["warnings"][0]


def test_malformed_manifest_is_reported_and_articles_still_checked(tmp_path):
    folder = with_good(tmp_path)
    (folder / "sources.yaml").write_text("a.txt: {published: [\n", encoding="utf-8")
    code, data, err, _ = check_folder(folder)
    assert "sources.yaml: malformed YAML" in not_checked(data, "in")[0]
    assert {c["doc"] for c in data["claims"]} >= {"good.md", SEED.name} and code == 2


# -- articles that try to break the report ---------------------------------------------------------

ABUSE = """---
title: "Evil | `title` <script>alert(1)</script> [x](http://e.com)"
outlet: "::error file=a::pwned"
published: 2024-05-03
---
# Injected heading

Er sagte: „Es waren | 500 | `Menschen`“ <script>alert(1)</script> da.
Rund 600 Soldaten <details><summary>open</summary> marschierten.
Etwa 700 Polizisten <!-- hidden --> waren da, [link](http://evil.example) und ![img](http://evil.example/x.png).
::error file=x::boom 1000 Menschen kamen.
::warning::Mehr als 800 Demonstranten kamen.
Es kamen 400 Menschen {long}.
| a | b |
|---|---|
""".replace("{long}", "und " * 5000)


def test_article_text_cannot_break_the_report(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "evil`|<b>.md").write_text(ABUSE, encoding="utf-8")
    (folder / "other.md").write_text(ABUSE.replace("500", "900").replace("600", "6000"), encoding="utf-8")
    code, data, _, report = check_folder(folder)
    assert len(data["claims"]) >= 10
    from nkcheck.model import Claim, Document, Fact, Finding
    docs = [Document(id=d["id"], path=d["path"], text="") for d in data["documents"]]
    claims = [Claim(**{k: c[k] for k in ("id", "doc", "start", "end", "text", "low", "high", "approx", "bound",
                                         "object", "event", "actor", "place", "time_start", "time_end", "source", "sentence")})
              for c in data["claims"]]
    findings = [Finding(**{k: f[k] for k in ("id", "kind", "claims", "summary", "fact", "rule")})
                for f in data["conflicts"] + data["agreements"]]
    facts = [Fact(**{k: f[k] for k in ("id", "label", "key", "claims", "verdict", "findings")}) for f in data["facts"]]
    check_report(report, docs, claims, findings, facts, data["not_checked"])
    assert "<script" not in report and "<!--" not in report and "](http" not in report.replace("\\](", "")
    assert all(len(line) < 2000 for line in report.splitlines())


def test_file_names_in_not_checked_list_render_as_written(tmp_path):
    """Regression: the not-checked list put escaped names in a code span, where backslash
    escapes and entities are not decoded ("a_b.md" showed as "a\\_b.md")."""
    folder = with_good(tmp_path)
    (folder / "a_b&c.md").write_bytes(b"")
    _, _, _, report = check_folder(folder)
    html = MarkdownIt("commonmark").render(report.split("## Not checked")[1])
    assert "a_b&amp;c.md: empty file" in html


# -- numbers at the edges ---------------------------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("Es kamen 1000000000000000 Menschen.", [(10**15, 10**15)]),
    ("Es kamen 1.000.000.000.000 Menschen.", [(10**12, 10**12)]),
    ("Es starben 0 Soldaten.", [(0, 0)]),
    ("Bei -500 Soldaten und −20 Polizisten.", []),
    ("Es kamen 10^15 Menschen und 10⁶ Polizisten.", []),
    ("Es kamen 007 Agenten.", []),
    ("Es kamen ½ Million Menschen.", [(500000, 500000)]),
    ("Es kamen 2½ Millionen Menschen.", [(2500000, 2500000)]),
    ("Es kamen zwischen 5000 und 3000 Soldaten.", [(3000, 5000)]),
    ("Es kamen 5000 bis 3000 Soldaten.", [(3000, 5000)]),
])
def test_numbers_at_the_edges(text, expected):
    found = finder("de").find(text)
    assert [(q.low, q.high) for q in found] == expected
    for q in found:
        assert text[q.start:q.end] == q.text


def test_edge_numbers_through_the_cli(tmp_path):
    text = ("Es kamen 1000000000000000 Menschen. Es starben 0 Soldaten. Dann -500 Polizisten. "
            "Es waren 1.000.000.000.000 Euro. Es kamen ½ Million Demonstranten. "
            "Zwischen 5000 und 3000 Helfer waren da.\n")
    claims, _, _, _ = read_ok(tmp_path, "edge.txt", text.encode())
    assert [(c["low"], c["high"]) for c in claims] == [
        (10**15, 10**15), (0, 0), (10**12, 10**12), (500000, 500000), (3000, 5000)]
