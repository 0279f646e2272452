"""Read articles from disk: decode, split off YAML front matter, and know the metadata.

Offsets always point into the whole file as decoded (front matter included): nkcheck runs
its pipeline on the text with the front matter blanked out, so ``text[start:end]`` of any
claim is the number as written in the file. "As decoded" is ``read_text(path)``: the bytes
decoded by ``decode`` with line endings kept as they are (no newline translation, so a
``\r\n`` counts as two characters) and a UTF-8 byte order mark dropped.

Files that cannot be articles (folders, broken links, special files, binary data, files over
the size limit, no permission) raise ``ArticleError``; files that can be read with a fallback
(Windows-1252, UTF-16 without BOM, stray NUL bytes, malformed front matter, a ``published``
that is not a date, an unknown ``lang``) are read and carry ``Document.warnings``.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import frontmatter
import yaml

from nkcheck.model import Document

HTML_SUFFIXES = (".html", ".htm")
SUFFIXES = (".txt", ".md", ".markdown") + HTML_SUFFIXES
MANIFEST_NAMES = ("sources.yaml", "sources.yml")
DEFAULT_MAX_BYTES = 1_000_000  # articles are rarely over 100 KB; see README "Robustness"
SUPPORTED_LANGS = ("de", "en")
UNKNOWN_DATES = ("", "unknown", "unbekannt", "none", "null", "n/a", "?")  # as parse_published
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL)


class ArticleError(Exception):
    """An article that cannot be read; the message says why, for the user."""


@dataclass
class InputProblem:
    path: str
    reason: str


def discover(paths: Iterable[str]) -> tuple[list[tuple[Path, Path]], list[InputProblem]]:
    """Expand files and folders into (file, root) pairs, sorted; report what is missing."""
    found: list[tuple[Path, Path]] = []
    problems: list[InputProblem] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.suffix.lower() in SUFFIXES:
                    if any(part.startswith(".") for part in f.relative_to(path).parts):
                        continue
                    found.append((f, path))  # folders and special files named like articles
                    # are reported by read_article
        elif path.exists() or path.is_symlink():
            found.append((path, path.parent))
        else:
            problems.append(InputProblem(str(p), "no such file or folder"))
    seen, unique = set(), []
    for f, root in found:
        key = f.resolve() if f.exists() else f
        if key not in seen:
            seen.add(key)
            unique.append((f, root))
    return unique, problems


# control characters that do not occur in text (tab, line feed, vertical tab, form feed and
# carriage return do); more than BINARY_SHARE of them means binary data, not an article
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")
BINARY_SHARE = 0.02


def _utf16_without_bom(raw: bytes) -> Optional[str]:
    """'utf-16-le'/'utf-16-be' when the NUL bytes sit where UTF-16 puts them for Latin text."""
    if len(raw) < 4 or len(raw) % 2:
        return None
    sample = raw[:8192]
    odd, even = sample[1::2].count(0), sample[0::2].count(0)
    half = len(sample) // 2
    if odd > 0.6 * half and even < 0.1 * half:
        return "utf-16-le"
    if even > 0.6 * half and odd < 0.1 * half:
        return "utf-16-be"
    return None


def decode(raw: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 (with BOM, or without when
    the NUL bytes say so), else Windows-1252 (old German newsroom exports). Returns the text
    and the encoding used; raises ArticleError for binary data. Line endings are kept."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ArticleError("starts like UTF-16 but does not decode as UTF-16") from None
    elif b"\x00" in raw and _utf16_without_bom(raw):
        encoding = _utf16_without_bom(raw)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            raise ArticleError("binary file (NUL bytes, and not UTF-16)") from None
    else:
        try:
            text, encoding = raw.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = raw.decode("cp1252"), "cp1252"
            except UnicodeDecodeError as exc:
                raise ArticleError(f"binary file or unknown encoding (neither UTF-8 nor "
                                   f"Windows-1252 at byte {exc.start})") from None
        text = text.removeprefix("\ufeff")
    controls = len(_CONTROL.findall(text))
    if controls > max(8, BINARY_SHARE * len(text)):
        raise ArticleError(f"binary file ({controls} control characters in {len(text)})")
    return text, encoding


def read_text(path: Path) -> str:
    """The file as nkcheck reads it: claim offsets index into this string."""
    return decode(Path(path).read_bytes())[0]


def load_manifest(folder: Path) -> dict[str, dict]:
    """Metadata for plain-text articles from ``sources.yaml`` beside them (file name -> fields).

    The manifest is metadata for the folder: when it cannot be read, ArticleError says why
    (the articles are then checked without it)."""
    for name in MANIFEST_NAMES:
        mf = folder / name
        if mf.is_file():
            try:
                data = yaml.safe_load(decode(_read_bytes(mf, DEFAULT_MAX_BYTES))[0]) or {}
            except yaml.YAMLError as exc:
                lines = str(exc).strip().splitlines()
                raise ArticleError(f"{name}: malformed YAML, ignored ({lines[0] if lines else ''})") from None
            except ArticleError as exc:
                raise ArticleError(f"{name}: {exc}, ignored") from None
            items = data.get("articles", data) if isinstance(data, dict) else {}
            if isinstance(items, list):
                return {str(i.get("file")): i for i in items if isinstance(i, dict) and i.get("file")}
            if not isinstance(items, dict):
                raise ArticleError(f"{name}: not a mapping of file names to fields, ignored")
            return {str(k): v for k, v in items.items() if isinstance(v, dict)}
    return {}


def _read_bytes(path: Path, max_bytes: Optional[int]) -> bytes:
    """The bytes of a regular file, or ArticleError saying why not."""
    if path.is_symlink() and not path.exists():
        raise ArticleError("broken symbolic link")
    try:
        st = path.stat()
    except PermissionError:
        raise ArticleError("permission denied") from None
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ArticleError("is a folder, not an article")
    if not stat.S_ISREG(st.st_mode):
        raise ArticleError("not a regular file (device, pipe or socket)")
    if max_bytes and st.st_size > max_bytes:
        raise ArticleError(f"too large: {st.st_size / 1e6:.1f} MB, over the limit of "
                           f"{max_bytes / 1e6:g} MB (raise it with --max-size)")
    try:
        with open(path, "rb") as fh:
            return fh.read(max_bytes + 1) if max_bytes else fh.read()
    except PermissionError:
        raise ArticleError("permission denied") from None
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror or exc})") from None


def _front_matter(text: str, warnings: list[str]) -> tuple[dict, int]:
    """The front matter fields and where the body starts; problems become warnings."""
    m = FRONT_MATTER.match(text)
    if not m:
        return {}, 0
    try:
        meta = frontmatter.loads(text[: m.end()] + "\n").metadata
        shape = yaml.safe_load(m.group(1)) if not meta else meta  # python-frontmatter hides a list as {}
    except Exception as exc:  # malformed YAML: keep the text, say so
        lines = str(exc).strip().splitlines()
        warnings.append("malformed front matter, ignored (" + (lines[0] if lines else type(exc).__name__) + ")")
        return {}, m.end()
    if shape is not None and not isinstance(shape, dict):
        warnings.append("front matter is not a list of fields, ignored")
        return {}, m.end()
    return meta, m.end()


def read_article(path: Path, root: Path, published: Optional[str] = None,
                 manifest: Optional[dict] = None, max_bytes: Optional[int] = DEFAULT_MAX_BYTES) -> Document:
    """Read one article file into a Document (metadata resolved; no NLP yet)."""
    raw = _read_bytes(path, max_bytes)
    if not raw:
        raise ArticleError("empty file")
    text, encoding = decode(raw)
    if not text.strip():
        raise ArticleError("no text (only whitespace)")
    warnings: list[str] = []
    if encoding == "cp1252":
        warnings.append("not UTF-8, read as Windows-1252")
    elif encoding.startswith("utf-16-"):
        warnings.append(f"no byte order mark, read as {encoding.upper()}")
    if "\x00" in text:
        warnings.append(f"contains {text.count(chr(0))} NUL bytes (kept in the text, read as spaces)")
    rel = path.relative_to(root) if root in path.parents or path.parent == root else Path(path.name)
    entry = (manifest or {}).get(path.name) or {}
    return article_from_text(text, rel.as_posix(), str(path), published, entry, encoding, warnings,
                             html=path.suffix.lower() in HTML_SUFFIXES)


def article_from_text(text: str, doc_id: str, path: str, published: Optional[str] = None,
                      entry: Optional[dict] = None, encoding: str = "utf-8", warnings: Optional[list[str]] = None,
                      html: bool = False) -> Document:
    """A Document from decoded article text (front matter or page metadata read); ``entry``
    holds metadata from a manifest or a record of an article list (title, outlet, url,
    published, lang). Used for files and for the Dask engine's article lists."""
    from nkcheck.normalize.dates import parse_published  # here: dates imports nkcheck.extract

    entry = entry or {}
    warnings = [] if warnings is None else warnings
    meta_source = "page metadata" if html else "front matter"
    if html:
        text, meta = read_html(text)
        body_start = 0
    else:
        meta, body_start = _front_matter(text, warnings)
    if not text[body_start:].strip():
        raise ArticleError("no article text after the front matter")
    doc = Document(id=doc_id, path=path, text=text, body_start=body_start)
    doc.encoding = encoding
    doc.warnings = warnings
    doc.extracted = html
    doc.title = _field(meta.get("title") or entry.get("title")) or _first_heading(text[body_start:])
    doc.outlet = _field(meta.get("outlet") or entry.get("outlet"))
    doc.url = _field(meta.get("url") or meta.get("source_url") or entry.get("url"))
    lang, lang_source = (meta.get("lang"), meta_source) if meta.get("lang") else (entry.get("lang"), "manifest")
    code = str(lang).strip().lower()[:2] if lang else ""
    if code in SUPPORTED_LANGS:
        doc.lang, doc.lang_source = code, lang_source
    else:
        doc.lang, doc.lang_source = guess_language(text[body_start:]), "detected"
        if lang:
            warnings.append(f"unsupported language {_field(lang)!r} in {lang_source}; "
                            f"detected {doc.lang!r} from the text")
    if published:
        doc.published, doc.published_source = parse_published(published), "option"
        return doc
    for fields, source in ((meta, meta_source), (entry, "manifest")):
        value = fields.get("published")
        if value is None:
            continue
        period = _parse_date(value)
        if period is not None:
            doc.published, doc.published_source = period, source
            return doc
        if _field(value).lower() not in UNKNOWN_DATES:
            warnings.append(f"published {_field(value)!r} in {source} is not a date (YYYY-MM-DD), ignored")
    return doc


MIN_HTML_WORDS = 12  # fewer words than a one-sentence news flash: no article
_HTML_LANG = re.compile(r"<html[^>]*\blang=[\"']?([A-Za-z]{2})", re.IGNORECASE)


def read_html(page: str) -> tuple[str, dict]:
    """The main text of a web page and its metadata (trafilatura; navigation, comments and
    boilerplate left out). The metadata uses front matter names: title, outlet, url, published, lang."""
    import trafilatura

    res = trafilatura.bare_extraction(page, with_metadata=True, include_comments=False)
    text = (res.text if res is not None else "") or ""
    if len(re.findall(r"\w+", text)) < MIN_HTML_WORDS:  # a menu or a link list, not an article
        raise ArticleError("no article text found in the HTML page (only navigation or boilerplate)")
    lang = _HTML_LANG.search(page[:5000])
    meta = {"title": res.title, "outlet": res.sitename or res.hostname, "url": res.url, "published": res.date,
            "lang": res.language or (lang.group(1) if lang else None)}
    return text + "\n", {k: v for k, v in meta.items() if v}


def _field(value) -> str:
    """A metadata value as one line of text (front matter can hold lists, mappings, numbers)."""
    if value is None:
        return ""
    return " ".join(str(value).split())


def _parse_date(value):
    from nkcheck.normalize.dates import parse_published

    try:
        return parse_published(value)
    except Exception:  # a value of a type or range dateparser does not expect
        return None


def _first_heading(body: str) -> str:
    m = re.search(r"^#\s+(.+)$", body, re.MULTILINE)
    return m.group(1).strip() if m else ""


_DE = {"der", "die", "das", "und", "nicht", "mit", "sich", "auf", "für", "ist", "im", "den", "von", "zu", "dem",
       "ein", "eine", "wurde", "wurden", "sind", "hat", "haben", "nach", "laut", "rund", "etwa", "bei", "des"}
_EN = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "were", "said", "by"}


def guess_language(text: str) -> str:
    """German or English by counting function words (enough for news prose)."""
    words = re.findall(r"[a-zäöüß]+", text.lower()[:20000])
    de = sum(w in _DE for w in words)
    en = sum(w in _EN for w in words)
    return "en" if en > de and en >= 2 else "de"
