"""Sidecar metadata files: what a scraper knew about each file, kept beside the files.

A folder may hold ``metadata.csv`` or ``metadata.jsonl`` (or both; CSV rows first, a later row for
the same key wins).  Each row describes one article of that folder, keyed by ``file``:

- the file name (``000_7e0faa7b5f134298.txt``), or for several articles in one file the rest of
  the article id after the folder: ``feed.jsonl#3``, ``dump.zip!data/a.json``, ``list.json#0``;
- ``url``, ``outlet``, ``date`` (``YYYY-MM-DD`` or any form the JSON reader accepts; a partial
  ``YYYY`` or ``YYYY-MM`` only dates an article whose text names the day, see
  :mod:`index.extract.dates`), ``authors`` (``;``-separated in CSV, a list or string in JSONL) and
  ``title``.  Empty values are ignored.

What a row gives overrides what the file itself says and what extraction would find; the article
records it (``date_source: sidecar``).  Unknown columns are ignored with one warning per file;
a malformed row (no ``file``, a bad date, invalid JSON, a CSV row with extra fields) is one warning
naming the file and line, and the rest still applies.  A sidecar never makes a run fail.

Sidecars are files on disk, next to the files they describe; they are not read from inside
archives.  Their size and modification time are part of every described file's fingerprint in the
manifest, so editing a sidecar re-reads that folder's files on the next run, and the content hash
(which covers url, outlet, date, authors and title) rewrites exactly the articles whose metadata
changed.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import threading
from collections import OrderedDict
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from index.article import Article
from index.readers import limits

#: Sidecar file names, in the order they are applied.
SIDECAR_NAMES = ("metadata.csv", "metadata.jsonl")
#: Columns understood; ``file`` is the key.
COLUMNS = ("file", "url", "outlet", "date", "authors", "title")
#: A sidecar larger than this is reported and ignored (a million rows of metadata is ~200 MB).
MAX_SIDECAR_BYTES = 512 * limits.MiB

_PARTIAL_DATE = re.compile(r"^\s*(?P<y>\d{4})(?:-(?P<m>\d{1,2}))?\s*$")


@dataclass(frozen=True)
class SidecarRow:
    """The metadata one sidecar row gives an article; None or empty means "not given"."""

    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    #: A year, or (year, month), when the row's date is only that precise.
    partial: tuple[int, ...] | None = None
    authors: tuple[str, ...] = ()
    title: str | None = None
    where: str = ""  # "metadata.csv line 4", for provenance


@dataclass
class Sidecar:
    """The parsed sidecars of one folder: rows by key, and what was wrong with them."""

    rows: dict[str, SidecarRow] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    fingerprint: str = ""  # name:size:mtime_ns of each sidecar file, "" when the folder has none

    def row_for(self, key: str) -> SidecarRow | None:
        return self.rows.get(key)


def fingerprint(folder: str | os.PathLike) -> str:
    """``name:size:mtime_ns`` of each sidecar in ``folder`` ("" when none): cheap, one stat each."""
    parts = []
    for name in SIDECAR_NAMES:
        try:
            st = os.stat(os.path.join(folder, name))
        except OSError:
            continue
        parts.append(f"{name}:{st.st_size}:{st.st_mtime_ns}")
    return " ".join(parts)


_cache: OrderedDict[tuple[str, str], Sidecar] = OrderedDict()
_cache_lock = threading.Lock()
_CACHE_SIZE = 4  # folders are walked one after another: the current one is all that is reused


def load(folder: str | os.PathLike, rel_folder: str) -> Sidecar:
    """The sidecars of ``folder`` (parsed once per version; an empty Sidecar when there are none).

    ``rel_folder`` (the folder's id prefix, ``news/2019``) names the files in warnings.
    """
    folder = str(folder)
    sig = fingerprint(folder)
    if not sig:
        return Sidecar()
    key = (folder, sig)
    with _cache_lock:
        found = _cache.get(key)
        if found is not None:
            _cache.move_to_end(key)
            return found
    sidecar = Sidecar(fingerprint=sig)
    for name in SIDECAR_NAMES:
        path = os.path.join(folder, name)
        if not os.path.isfile(path):
            continue
        shown = f"{rel_folder}/{name}" if rel_folder else name
        try:
            size = os.path.getsize(path)
            if size > MAX_SIDECAR_BYTES:
                limit = MAX_SIDECAR_BYTES // limits.MiB
                sidecar.warnings.append(f"{shown}: larger than {limit} MiB; ignored")
                continue
            data = Path(path).read_bytes()
        except OSError as exc:
            sidecar.warnings.append(f"{shown}: cannot read: {exc.strerror or exc}; ignored")
            continue
        text = data.decode("utf-8-sig", errors="replace")
        parse = _parse_csv if name.endswith(".csv") else _parse_jsonl
        for line, record in parse(text, shown, sidecar.warnings):
            row = _row(record, f"{name} line {line}", f"{shown} line {line}", sidecar.warnings)
            if row is not None:
                sidecar.rows[row[0]] = row[1]
    with _cache_lock:
        _cache[key] = sidecar
        while len(_cache) > _CACHE_SIZE:
            _cache.popitem(last=False)
    return sidecar


def _parse_csv(text: str, shown: str, warnings: list[str]):
    """(line number, {column: value}) per CSV row; the header names the columns (case-insensitive)."""
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except (StopIteration, csv.Error):
        warnings.append(f"{shown}: no header row; ignored")
        return
    names = [h.strip().lower() for h in header]
    _warn_unknown(names, shown, warnings)
    if "file" not in names:
        warnings.append(f"{shown}: no 'file' column; ignored")
        return
    while True:
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            warnings.append(f"{shown} line {reader.line_num}: {exc}; row ignored")
            continue
        if not any(v.strip() for v in values):
            continue
        if len(values) > len(names):
            warnings.append(f"{shown} line {reader.line_num}: {len(values)} fields for "
                            f"{len(names)} columns; row ignored")
            continue
        yield reader.line_num, dict(zip(names, values, strict=False))


def _parse_jsonl(text: str, shown: str, warnings: list[str]):
    """(line number, object) per JSON Lines record; unknown keys warned about once per file."""
    unknown: set[str] = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (json.JSONDecodeError, RecursionError) as exc:
            warnings.append(f"{shown} line {number}: invalid JSON ({getattr(exc, 'msg', exc)}); row ignored")
            continue
        if not isinstance(record, dict):
            warnings.append(f"{shown} line {number}: expected a JSON object; row ignored")
            continue
        record = {str(k).strip().lower(): v for k, v in record.items()}
        unknown.update(k for k in record if k not in COLUMNS)
        yield number, record
    if unknown:
        _warn_unknown(sorted(unknown), shown, warnings)


def _warn_unknown(names, shown: str, warnings: list[str]) -> None:
    extra = [n for n in names if n and n not in COLUMNS]
    if extra:
        warnings.append(f"{shown}: unknown column{'s' if len(extra) > 1 else ''} "
                        f"{', '.join(extra)} ignored (known: {', '.join(COLUMNS)})")


def _text(value) -> str:
    if value is None:
        return ""
    if not isinstance(value, str):
        value = str(value) if isinstance(value, (int, float)) else ""
    return " ".join(value.split())[: limits.MAX_TITLE_CHARS]


def _row(record: dict, where: str, shown: str, warnings: list[str]) -> tuple[str, SidecarRow] | None:
    key = _text(record.get("file")).replace("\\", "/").lstrip("./") if record.get("file") else ""
    if not key:
        warnings.append(f"{shown}: no file name in the 'file' column; row ignored")
        return None
    published, partial = None, None
    raw_date = _text(record.get("date"))
    if raw_date:
        published, partial = _date(raw_date)
        if published is None and partial is None:
            warnings.append(f"{shown}: date {raw_date[:40]!r} is not a date (YYYY-MM-DD); date ignored")
    authors = record.get("authors")
    if isinstance(authors, list):
        names = [_text(a) for a in authors]
    else:
        names = [_text(a) for a in re.split(r"[;|]", _text(authors))]
    return key, SidecarRow(
        url=_text(record.get("url")) or None,
        outlet=_text(record.get("outlet")) or None,
        published=published,
        partial=partial,
        authors=tuple(dict.fromkeys(n for n in names if n)),
        title=_text(record.get("title")) or None,
        where=where,
    )


def _date(raw: str) -> tuple[date | None, tuple[int, ...] | None]:
    """A full date, or (year,) / (year, month) for a partial one, or (None, None)."""
    match = _PARTIAL_DATE.match(raw)
    if match:
        year, month = int(match.group("y")), match.group("m")
        if 1900 <= year <= 2100 and (month is None or 1 <= int(month) <= 12):
            return None, (year,) if month is None else (year, int(month))
        return None, None
    from index.readers.metadata import parse_date_value

    return parse_date_value(raw), None


def apply(article: Article, row: SidecarRow | None) -> Article:
    """``article`` with what ``row`` gives overriding its own metadata (the article when no row).

    ``article.sidecar`` records which fields came from the sidecar (and the row), for provenance.
    """
    if row is None:
        return article
    changes: dict = {}
    given: dict = {"row": row.where}
    if row.url:
        changes["url"] = given["url"] = row.url
    if row.outlet:
        changes["outlet"] = given["outlet"] = row.outlet
    if row.published:
        changes["published"] = row.published
        given["date"] = row.published.isoformat()
    elif row.partial:
        given["partial_date"] = "-".join(f"{p:02d}" if i else str(p) for i, p in enumerate(row.partial))
    if row.authors:
        changes["authors"] = list(row.authors)
        given["authors"] = list(row.authors)
    if row.title:
        changes["title"] = given["title"] = row.title
    return replace(article, sidecar=given, **changes)


def key_for(article_id: str, rel_folder: str) -> str:
    """The sidecar key of an article: its id after the folder (``a.txt``, ``feed.jsonl#3``)."""
    prefix = rel_folder + "/"
    return article_id[len(prefix):] if article_id.startswith(prefix) else article_id
