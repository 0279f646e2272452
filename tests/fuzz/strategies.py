"""Hostile article text for hypothesis, and the checks every article must pass.

Shared by tests/test_properties.py (bounded, in CI) and tests/fuzz/run_fuzz.py (long runs).
"""
from __future__ import annotations

import re
import tempfile
from pathlib import Path

from hypothesis import strategies as st
from markdown_it import MarkdownIt

from nkcheck.articles import ArticleError, InputProblem, read_article, read_text
from nkcheck.compare import compare
from nkcheck.extract import extract_document
from nkcheck.extract.quantities import finder
from nkcheck.model import Claim, Document, Fact, Finding
from nkcheck.report import markdown

NUMBER_WORDS = ["elftausend", "fünfundzwanzigtausend", "drei", "zwei Millionen", "Zehntausende",
                "hundert", "eine Viertelmillion", "twenty-five thousand", "three", "dozens", "einige",
                "Hunderte", "tausend", "und", "zwischen", "bis zu", "mehr als", "rund", "etwa",
                "fast", "knapp", "mindestens", "between", "and", "about", "more than", "up to"]
NOUNS = ["Soldaten", "Menschen", "Polizisten", "Demonstranten", "Tote", "Verletzte", "soldiers",
         "people", "police", "Euro", "Prozent", "%", "km", "Jahre", "Jahre alt", "Uhr", "Mai",
         "2024", "am 3. Mai 2024", "laut Polizei", "sagte der Sprecher", "demonstrierten", "in Kiel"]
HOSTILE = ["|", "||", "`", "```", "<script>alert(1)</script>", "<details>", "</details>",
           "<summary>", "<!--", "-->", "<b>", "&lt;", "&amp;", "&#60;", "[link](http://e.com)",
           "![img](http://e.com/x.png)", "<http://e.com>", "::error file=a::boom", "::", "#",
           "# Heading", "\n# Heading\n", "\n---\n", "\n===\n", "\n| a | b |\n|---|---|\n", "*", "_",
           "\\", "~~", "> ", "\n> quote", "\n- item", "\n1. item", "    code", "\t", "„", "“", "»",
           "«", "'", '"', "-", "−", "^", "½", "¾", "²", "\u00a0", "\u202f", "\u2009", "\u200b",
           "\u2060", "\ufeff", "\u00ad", "\r", "\r\n", "\n", "\n\n", "\x00", "\x0b", "\x1b[31m",
           "١٢٣", "１２", "߁", "…", ".", ",", ":", ";", "(", ")", "x" * 300]
SEPARATORS = [".", ",", " ", "\u202f", "\u00a0", "\u200b", "'"]


@st.composite
def digits(draw) -> str:
    head = str(draw(st.integers(min_value=0, max_value=999)))
    groups = draw(st.lists(st.integers(min_value=0, max_value=999), max_size=6))
    sep = draw(st.sampled_from(SEPARATORS))
    s = head + "".join(f"{sep}{g:03d}" for g in groups)
    if draw(st.booleans()):
        s += draw(st.sampled_from([",5", ".5", "½", " Millionen", " Mio.", " Milliarden", " million"]))
    return s


FRAGMENT = st.one_of(
    digits(),
    st.integers().map(str),
    st.sampled_from(NUMBER_WORDS),
    st.sampled_from(NOUNS),
    st.sampled_from(HOSTILE),
    st.text(max_size=12),
    st.text(alphabet=st.characters(codec="utf-8", categories=["Nd", "No", "Zs", "Cf", "Po", "Sm"]),
            max_size=6),
)


@st.composite
def article_text(draw, max_fragments: int = 40) -> str:
    parts = draw(st.lists(FRAGMENT, max_size=max_fragments))
    joiners = draw(st.lists(st.sampled_from([" ", "", "\n", ". ", "\r\n", ", "]),
                            min_size=len(parts), max_size=len(parts)))
    return "".join(p + j for p, j in zip(parts, joiners))


@st.composite
def front_matter(draw) -> str:
    if not draw(st.booleans()):
        return ""
    lines = draw(st.lists(st.sampled_from([
        "title: Hostile | `title` <script>", "outlet: \"[x](http://e.com)\"", "published: 2024-05-03",
        "published: gestern", "published: 2024-13-45", "lang: en", "lang: xx", "lang: 5",
        "title: [unclosed", "url: http://e.com", "- a list item", "published: {a: 1}", ": :",
        "title: \"::error::x\""]), max_size=4))
    return "---\n" + "\n".join(lines) + "\n---\n"


ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "cp1252"]


@st.composite
def article_bytes(draw) -> bytes:
    text = draw(front_matter()) + draw(article_text())
    enc = draw(st.sampled_from(ENCODINGS))
    try:
        return text.encode(enc)
    except UnicodeEncodeError:
        return text.encode("utf-8")


# -- checks ------------------------------------------------------------------------------------

def extract_file(path: Path) -> tuple[Document | None, list[Claim]]:
    """Read and extract one file the way nkcheck does; (None, []) when it is not checked."""
    try:
        doc = read_article(path, path.parent)
    except ArticleError:
        return None, []
    return doc, extract_document(doc, use_trained=False)


def check_quantities(text: str, lang: str) -> None:
    """The quantity finder on raw text: no exception, deterministic, offsets, low <= high."""
    found = finder(lang).find(text)
    assert found == finder(lang).find(text)
    for q in found:
        assert text[q.start:q.end] == q.text
        if q.low is not None and q.high is not None:
            assert q.low <= q.high


def check_claims(path: Path, doc: Document, claims: list[Claim]) -> None:
    file_text = read_text(path)
    assert doc.text == file_text
    for c in claims:
        assert file_text[c.start:c.end] == c.text, (c.start, c.end, c.text)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high, (c.text, c.low, c.high)


def check_article_bytes(raws: list[bytes]) -> str:
    """The whole chain on files with these bytes: read, extract twice (same result), claim
    invariants, compare, and the markdown report's structure. Returns the report."""
    with tempfile.TemporaryDirectory() as tmp:
        docs, claims, problems = [], [], []
        for i, raw in enumerate(raws):
            path = Path(tmp) / f"a{i}.md"
            path.write_bytes(raw)
            doc, found = extract_file(path)
            if doc is None:
                problems.append(InputProblem(str(path), "not checked"))
                continue
            check_claims(path, doc, found)
            again = extract_file(path)[1]
            assert [c.to_json() for c in found] == [c.to_json() for c in again]
            for c in found:
                c.id = f"{doc.id}#{c.id}"
            docs.append(doc)
            claims.extend(found)
        result = compare(claims)
        report = markdown.render(docs, claims, result.findings, problems, result.facts)
        check_report(report, docs, claims, result.findings, result.facts, problems)
        return report


_MD = MarkdownIt("commonmark").enable("table")
TEMPLATE_TAGS = {"<details>", "</details>", "</summary>"}
H2 = {"Disputed facts", "Running counts updated", "Agreements and single-source claims", "Not checked"}


def check_report(report: str, documents, claims, findings, facts, problems) -> None:
    """The report has only its own structure: no raw HTML but the <details> blocks, no links or
    images, the template's headings (one numbered section per disputed fact), table rows with
    the header's cell count, no line that starts a CI workflow command."""
    kind_of = {f.id: f.kind for f in findings}
    known = {c.id for c in claims}
    shown = [fact for fact in facts if set(fact.claims) & known]
    disputed = [fact for fact in shown if any(kind_of.get(i) in markdown.CONFLICT_KINDS for i in fact.findings)]
    updated = [fact for fact in shown if fact not in disputed and any(kind_of.get(i) == "update" for i in fact.findings)]
    agreeing = [fact for fact in shown if fact.verdict == "agreement"]
    grouped = {c for fact in disputed + updated + agreeing for c in fact.claims}
    for tag in re.findall(r"<[^>\n]*>", report):
        assert tag in TEMPLATE_TAGS or re.fullmatch(r"<summary>", tag), tag
    for line in report.splitlines():
        assert not line.lstrip().startswith("::"), line
    tokens = _MD.parse(report)
    headings = []
    for i, t in enumerate(tokens):
        assert t.type not in ("html_inline",), t
        if t.type == "html_block":
            assert re.fullmatch(r"<details><summary>\d+ [^<>]*</summary>|</details>", t.content.strip()), t.content
        if t.type == "heading_open":
            headings.append((t.tag, tokens[i + 1].content))
        for child in t.children or []:
            assert child.type not in ("link_open", "image", "html_inline"), (child.type, child.content)
    assert headings[0] == ("h1", "nkcheck: numeric claims across sources")
    assert {c for h, c in headings if h == "h2"} <= H2
    h3 = [c for h, c in headings if h == "h3"]
    assert len(h3) == len(disputed) and all(re.match(r"\d+\. ", c) for c in h3)  # one section per disputed fact
    assert [h for h, _ in headings].count("h2") == 2 + bool(updated) + bool(problems)
    tables = _tables(tokens)
    assert len(tables) == len(disputed) + bool(known - grouped) + 1, len(tables)
    assert len(tables[-1]) == 1 + len(documents)  # what was checked: one row per document
    for rows in tables:
        assert all(n == rows[0] for n in rows), rows


def _tables(tokens) -> list[list[int]]:
    """Per table, the cell count of each row (header first)."""
    tables, rows, cells = [], None, 0
    for t in tokens:
        if t.type == "table_open":
            rows = []
        elif t.type == "tr_open":
            cells = 0
        elif t.type in ("th_open", "td_open"):
            cells += 1
        elif t.type == "tr_close":
            rows.append(cells)
        elif t.type == "table_close":
            tables.append(rows)
    return tables


HOSTILE_TEXT = st.one_of(article_text(max_fragments=8), st.text(max_size=40))


@st.composite
def report_inputs(draw):
    """Documents, claims, findings and problems whose every text field is hostile."""
    n_docs = draw(st.integers(min_value=1, max_value=3))
    docs = []
    for i in range(n_docs):
        d = Document(id=f"{i}{draw(HOSTILE_TEXT)}", path=draw(HOSTILE_TEXT), text="")
        d.title, d.outlet = draw(HOSTILE_TEXT), draw(HOSTILE_TEXT)
        docs.append(d)
    claims = []
    for i in range(draw(st.integers(min_value=0, max_value=5))):
        t = draw(HOSTILE_TEXT)
        claims.append(Claim(id=f"c{i}", doc=docs[i % n_docs].id, start=0, end=len(t), text=t, low=i,
                            high=i + 1, approx=False, bound="exact", object=draw(HOSTILE_TEXT),
                            event=draw(HOSTILE_TEXT), actor=None, place=None, time_start=None, time_end=None,
                            source=draw(HOSTILE_TEXT), sentence=draw(HOSTILE_TEXT), hedge=draw(HOSTILE_TEXT)))
    findings = []
    ids = [c.id for c in claims]
    for i in range(draw(st.integers(min_value=0, max_value=4)) if ids else 0):
        kind = draw(st.sampled_from(["value", "time", "scope", "update", "consistent", "sum"]))
        findings.append(Finding(id=f"F{i}", kind=kind, claims=draw(st.lists(st.sampled_from(ids), min_size=1, max_size=3)),
                                summary=draw(HOSTILE_TEXT), fact=draw(HOSTILE_TEXT), rule="NK101",
                                explanation=draw(HOSTILE_TEXT)))
    problems = [InputProblem(draw(HOSTILE_TEXT), draw(HOSTILE_TEXT))
                for _ in range(draw(st.integers(min_value=0, max_value=2)))]
    facts = []  # each finding's claims make a fact with a hostile label, as the engine names them
    for i, f in enumerate(findings):
        verdict = f.kind if f.kind in markdown.CONFLICT_KINDS + ("update",) else "agreement"
        facts.append(Fact(id=f"T{i}", label=draw(HOSTILE_TEXT), key={}, claims=list(dict.fromkeys(f.claims)),
                          verdict=verdict, findings=[f.id]))
    return docs, claims, findings, facts, problems
