"""Read one discovered source (file or archive) into Articles, or a whole set of PATH arguments."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from pathlib import Path

from index.article import Article
from index.readers import limits, sidecar
from index.readers.archives import read_archive
from index.readers.discover import discover
from index.readers.formats import Result, parse_bytes, parse_jsonl
from index.readers.sources import ARCHIVE_KINDS, ReadFailure, SourceFile


def read_source(src: SourceFile) -> Iterator[Result]:
    """Parse one file or archive, with its folder's sidecar metadata applied (see ``_read_source``)."""
    if not src.meta:
        yield from _read_source(src)
        return
    folder = os.path.dirname(src.path)
    rows = sidecar.load(folder, src.folder)
    for item in _read_source(src):
        if isinstance(item, Article):
            item = sidecar.apply(item, rows.row_for(sidecar.key_for(item.id, src.folder)))
        yield item


def _read_source(src: SourceFile) -> Iterator[Result]:
    """Parse one file or archive; every problem becomes a ReadFailure, nothing raises.

    Ids: ``src.rel`` for a single-article file, ``rel#<line>`` for JSONL records (from 1),
    ``rel#<index>`` for a JSON array (from 0), ``rel!<member>`` for archive members.
    """
    path = str(src.path)
    try:
        if src.kind in ARCHIVE_KINDS:
            yield from read_archive(src)
        elif src.kind == "jsonl":
            with open(src.path, "rb") as stream:
                yield from parse_jsonl(stream, id=src.rel, path=path)
        else:
            yield from _read_file(src)
    except OSError as exc:
        yield ReadFailure(src.rel, path, f"cannot read: {exc.strerror or exc}")
    except Exception as exc:  # noqa: BLE001 - last line of defence: one bad file never stops the run
        yield ReadFailure(src.rel, path, f"unexpected {type(exc).__name__}: {exc}"[:300])


def read_paths(paths: Iterable[str | Path]) -> Iterator[Result]:
    """``discover`` + ``read_source``: every Article and ReadFailure under ``paths``."""
    for found in discover(paths):
        if isinstance(found, ReadFailure):
            yield found
        else:
            yield from read_source(found)


def _read_file(src: SourceFile) -> Iterator[Result]:
    path = str(src.path)
    with open(src.path, "rb") as handle:
        # Size from the open handle, not from discovery: the file may have grown since.
        size = os.fstat(handle.fileno()).st_size
        limit = limits.max_source_bytes(src.kind)
        if size > limit:
            yield ReadFailure(src.rel, path, limits.too_large_reason(src.kind, size))
            return
        data = handle.read(limit + 1)
    if len(data) > limit:
        yield ReadFailure(src.rel, path, limits.too_large_reason(src.kind))
        return
    yield from parse_bytes(data, src.kind, id=src.rel, path=path)
