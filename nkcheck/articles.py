"""Read articles from disk: decode, split off YAML front matter, and know the metadata.

Offsets always point into the whole file as decoded (front matter included): nkcheck runs
its pipeline on the text with the front matter blanked out, so ``text[start:end]`` of any
claim is the number as written in the file.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Optional

import frontmatter
import yaml

from nkcheck.model import Document
from nkcheck.normalize.dates import parse_published

SUFFIXES = (".txt", ".md", ".markdown")
MANIFEST_NAMES = ("sources.yaml", "sources.yml")
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
                if f.suffix.lower() in SUFFIXES and (f.is_file() or f.is_symlink()):
                    if any(part.startswith(".") for part in f.relative_to(path).parts):
                        continue
                    found.append((f, path))
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


def decode(raw: bytes) -> tuple[str, str]:
    """Decode article bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1252
    (old German newsroom exports). Returns the text and the encoding used."""
    if raw.startswith(b"\xff\xfe") or raw.startswith(b"\xfe\xff"):
        try:
            return raw.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise ArticleError("starts like UTF-16 but does not decode as UTF-16") from None
    if b"\x00" in raw[:4096]:
        raise ArticleError("binary file (contains NUL bytes)")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError as exc:
            raise ArticleError(f"neither UTF-8 nor Windows-1252 (byte {exc.start})") from None
    return (text[1:] if text.startswith("\ufeff") else text), "utf-8"


def load_manifest(folder: Path) -> dict[str, dict]:
    """Metadata for plain-text articles from ``sources.yaml`` beside them (file name -> fields)."""
    for name in MANIFEST_NAMES:
        mf = folder / name
        if mf.is_file():
            data = yaml.safe_load(mf.read_text(encoding="utf-8")) or {}
            items = data.get("articles", data) if isinstance(data, dict) else {}
            if isinstance(items, list):
                return {str(i.get("file")): i for i in items if isinstance(i, dict) and i.get("file")}
            return {str(k): v for k, v in items.items() if isinstance(v, dict)}
    return {}


def read_article(path: Path, root: Path, published: Optional[str] = None,
                 manifest: Optional[dict] = None) -> Document:
    """Read one article file into a Document (metadata resolved; no NLP yet)."""
    if path.is_dir():
        raise ArticleError("is a folder, not an article")
    if path.is_symlink() and not path.exists():
        raise ArticleError("broken symbolic link")
    try:
        raw = path.read_bytes()
    except PermissionError:
        raise ArticleError("permission denied") from None
    except OSError as exc:
        raise ArticleError(f"cannot read ({exc.strerror or exc})") from None
    text, encoding = decode(raw)
    rel = path.relative_to(root) if root in path.parents or path.parent == root else Path(path.name)
    entry = (manifest or {}).get(path.name) or {}
    return article_from_text(text, rel.as_posix(), str(path), published, entry, encoding)


def article_from_text(text: str, doc_id: str, path: str, published: Optional[str] = None,
                      entry: Optional[dict] = None, encoding: str = "utf-8") -> Document:
    """A Document from decoded article text (front matter read); ``entry`` holds metadata
    from a manifest or a record of an article list (title, outlet, url, published, lang)."""
    entry = entry or {}
    meta: dict = {}
    body_start = 0
    m = FRONT_MATTER.match(text)
    if m:
        try:
            meta = frontmatter.loads(text[: m.end()] + "\n").metadata or {}
        except Exception as exc:  # malformed YAML: keep the text, report nothing fatal
            meta = {"_front_matter_error": str(exc).splitlines()[0]}
        body_start = m.end()
    doc = Document(id=doc_id, path=path, text=text, body_start=body_start)
    doc.encoding = encoding
    doc.title = str(meta.get("title") or entry.get("title") or _first_heading(text[body_start:]) or "")
    doc.outlet = str(meta.get("outlet") or entry.get("outlet") or "")
    doc.url = str(meta.get("url") or meta.get("source_url") or entry.get("url") or "")
    lang = meta.get("lang") or entry.get("lang")
    if lang:
        doc.lang, doc.lang_source = str(lang).lower()[:2], "front matter" if meta.get("lang") else "manifest"
    else:
        doc.lang, doc.lang_source = guess_language(text[body_start:]), "detected"
    if published:
        doc.published, doc.published_source = parse_published(published), "option"
    elif meta.get("published") is not None and parse_published(meta.get("published")):
        doc.published, doc.published_source = parse_published(meta["published"]), "front matter"
    elif entry.get("published") is not None and parse_published(entry.get("published")):
        doc.published, doc.published_source = parse_published(entry["published"]), "manifest"
    return doc


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
