"""A content-addressed cache of the claims extracted from each article.

The key is the SHA-256 of the article's bytes, the nkcheck version, a hash of nkcheck's code and
language data, and the settings that change extraction (publication date override, trained
pipeline, the article's id and manifest entry). An unchanged article is then not run through
spaCy again. Entries are JSON files written atomically (temporary file + ``os.replace``), so an
interrupted run never leaves a half-written entry.
"""
from __future__ import annotations

import hashlib
import json
import logging
import shutil
from datetime import date
from functools import lru_cache
from importlib import metadata
from pathlib import Path
from typing import Optional

from nkcheck import __version__
from nkcheck.atomic import atomic_write_text as write_atomic
from nkcheck.model import Claim, Document, Period, Setting

log = logging.getLogger("nkcheck")

DEFAULT_DIR = ".nkcheck_cache"
TAG = "CACHEDIR.TAG"
TAG_TEXT = ("Signature: 8a477f597d28d172789f06886806bc55\n"
            "# This file is a cache directory tag created by nkcheck.\n")


# What decides the claims of an article: reading, the pipeline, extraction, normalisation, data.
EXTRACTION_CODE = ("articles.py", "model.py", "pipeline.py", "extract/**/*.py", "normalize/**/*.py", "lang/**/*.py",
                   "lang/**/*.yaml", "data/gazetteer.tsv.gz")


@lru_cache(maxsize=1)
def code_hash() -> str:
    """Hash of the code and language data that extraction uses: a change there invalidates the
    cache (reports, comparison and the command line do not)."""
    pkg = Path(__file__).resolve().parent
    h = hashlib.sha256(__version__.encode())
    for f in sorted({f for pattern in EXTRACTION_CODE for f in pkg.glob(pattern)}):
        h.update(f.relative_to(pkg).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


@lru_cache(maxsize=1)
def _trained_pipelines() -> str:
    names = sorted(f"{d.metadata['Name']}={d.version}" for d in metadata.distributions()
                   if (d.metadata["Name"] or "").replace("-", "_").startswith(("de_core_", "en_core_")))
    return ",".join(names)


def _period_json(p: Optional[Period]):
    return None if p is None else [p.start.isoformat(), p.end.isoformat(), p.granularity]


def _period(v) -> Optional[Period]:
    return None if v is None else Period(date.fromisoformat(v[0]), date.fromisoformat(v[1]), v[2])


class ClaimCache:
    """Claims per article, keyed by content and settings. ``hits``/``misses`` count the lookups."""

    def __init__(self, directory: Path | str = DEFAULT_DIR, use_trained: bool = True):
        self.dir = Path(directory)
        self.use_trained = use_trained
        self.hits = 0
        self.misses = 0

    def key(self, doc: Document, raw: bytes, manifest_entry: Optional[dict]) -> str:
        settings = {"doc": doc.id, "lang": doc.lang, "published": _period_json(doc.published),
                    "published_source": doc.published_source, "manifest": manifest_entry or {},
                    "trained": _trained_pipelines() if self.use_trained else "off"}
        h = hashlib.sha256(raw)
        h.update(code_hash().encode())
        h.update(json.dumps(settings, sort_keys=True, default=str).encode())
        return h.hexdigest()

    def _path(self, key: str) -> Path:
        return self.dir / key[:2] / f"{key}.json"

    def lookup(self, doc: Document, manifest_entry: Optional[dict]) -> tuple[Optional[list[Claim]], Optional[Path]]:
        """The cached claims of ``doc`` (None when not cached) and where they are (or go)."""
        try:
            raw = Path(doc.path).read_bytes()
        except OSError:
            return None, None
        path = self._path(self.key(doc, raw, manifest_entry))
        try:
            entry = json.loads(path.read_text(encoding="utf-8"))
            doc.published, doc.published_source = _period(entry["published"]), entry["published_source"]
            doc.setting = Setting(**entry.get("setting", {}))
            claims = [Claim.from_json(c) for c in entry["claims"]]
            self.hits += 1
            return claims, path
        except FileNotFoundError:
            pass
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("cache entry %s unreadable (%s); extracting again", path, exc)
        self.misses += 1
        return None, path

    def store(self, path: Path, doc: Document, claims: list[Claim]) -> None:
        entry = {"published": _period_json(doc.published), "published_source": doc.published_source,
                 "setting": doc.setting.to_json(), "claims": [c.to_json() for c in claims]}
        try:
            self._ensure_dir()
            write_atomic(path, json.dumps(entry, ensure_ascii=False))
        except OSError as exc:  # a read-only checkout still gets its check
            log.warning("cannot write cache entry %s (%s)", path, exc)

    def _ensure_dir(self) -> None:
        if not (self.dir / TAG).exists():
            self.dir.mkdir(parents=True, exist_ok=True)
            write_atomic(self.dir / TAG, TAG_TEXT)
            write_atomic(self.dir / ".gitignore", "# created by nkcheck\n*\n")


def clean(directory: Path | str = DEFAULT_DIR) -> bool:
    """Remove the cache folder; only a folder nkcheck made (it holds the cache tag) is removed."""
    d = Path(directory)
    if not d.exists():
        return False
    if not (d / TAG).is_file():
        raise ValueError(f"{d} is not an nkcheck cache (no {TAG}); not removed")
    shutil.rmtree(d)
    return True
