"""Index segments built away from the index lock, then published into the index in one commit.

Whoosh's multi-process writer (``MpWriter``) parallelises only *within* one commit: the main
process extracts, pickles every document to a temporary file, forks sub-writers, waits for them,
and only then goes on reading.  Extraction and indexing took turns, and the main process held
every document twice.  Here each extraction worker also writes: it adds its documents to its own
segment in a private staging folder (``.staging/`` inside the index folder, which Whoosh's file
cleaner ignores), and hands the finished segment to the committer, which moves the files into
the index and writes a new table of contents under the lock.  Workers never wait for a commit.

:class:`FastSegmentWriter` also trims two per-posting costs of Whoosh's ``SegmentWriter``
(measured with cProfile on AllSides articles): the posting pool's type assertions and size
arithmetic, and one length-column read from disk per posting while the segment is flushed.
"""

from __future__ import annotations

import logging
import marshal
import os
import shutil
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.writing import PostingPool, SegmentWriter

from index.storage import INDEX_NAME, DurableFileStorage, fsync_dir

#: Folder inside the index folder where unpublished segments are built (dot: Whoosh ignores it).
STAGING_DIR = ".staging"

log = logging.getLogger(__name__)


class _LeanPostingPool(PostingPool):
    """``PostingPool`` with a lean ``add`` and sorted runs written in batches.

    ``add`` drops the per-posting assertions (the size estimate is Whoosh's formula).  A pool over
    its memory limit spills sorted runs to temporary files; Whoosh marshals them one posting per
    call, which was 12 % of a worker's time on AllSides: here they are marshalled in lists.
    """

    RUN_BATCH = 4096

    def add(self, item: tuple) -> None:
        # item = (fieldname, tbytes, docnum, weight, vbytes); 150 = the fixed part of Whoosh's
        # estimate of a posting tuple's memory (tuple, str, int and float headers).
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items) -> None:
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.RUN_BATCH:
                marshal.dump(batch, f)
                batch = []
        if batch:
            marshal.dump(batch, f)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    batch = marshal.load(f)
                except EOFError:
                    return
                yield from batch
        finally:
            f.close()
            self._remove_run(path)


class _CachedLengths:
    """The per-document reader's ``doc_field_length``, remembered per (field, document).

    Flushing a segment asks for a document's field length once per posting (about 500 times per
    article); Whoosh answers each by seeking and reading the length column on disk.
    """

    def __init__(self, reader) -> None:
        self._reader = reader
        self._tables: dict[str, dict[int, int]] = {}

    def doc_field_length(self, docnum: int, fieldname: str, default: int = 0) -> int:
        table = self._tables.get(fieldname)
        if table is None:
            table = self._tables[fieldname] = {}
        length = table.get(docnum)
        if length is None:
            length = table[docnum] = self._reader.doc_field_length(docnum, fieldname, default)
        return length


class FastSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with the lean posting pool and cached lengths (same files, same bytes)."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.pool = _LeanPostingPool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        lengths = _CachedLengths(reader) if reader is not None else None
        self.fieldwriter.add_postings(self.schema, lengths, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader is not None:
            reader.close()


@dataclass
class StagedSegment:
    """A finished segment waiting in ``folder`` to be published, and what it holds.

    ``records`` are (article id, source file, content hash) for the manifest.
    """

    segment: object
    folder: str
    records: list[tuple[str, str, str]] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [article_id for article_id, _source, _digest in self.records]


class SegmentBuilder:
    """Builds one segment of an index in a private staging folder, without the index lock."""

    def __init__(self, index_dir: str | os.PathLike, schema, *, limit_mb: int, owner: int) -> None:
        """``owner`` is the pid of the indexing run, so a later run can tell leftovers from live work."""
        self.folder = Path(index_dir) / STAGING_DIR / f"{owner}-{uuid.uuid4().hex}"
        self.folder.mkdir(parents=True)
        staging = DurableFileStorage(str(self.folder)).create_index(schema, indexname=INDEX_NAME)
        self._writer = FastSegmentWriter(staging, _lk=False, limitmb=limit_mb)
        self.records: list[tuple[str, str, str]] = []

    def __len__(self) -> int:
        return len(self.records)

    def add(self, doc: dict, record: tuple[str, str, str]) -> None:
        """Add one document (``to_document`` output) and remember its manifest record."""
        self._writer.add_document(**doc)
        self.records.append(record)

    def finish(self) -> StagedSegment:
        """Write the segment's files (fsynced) and return it, ready for :func:`publish`."""
        segment = self._writer._finalize_segment()
        self._writer._finish()
        return StagedSegment(segment, str(self.folder), self.records)

    def cancel(self) -> None:
        """Drop the unfinished segment and its folder."""
        try:
            self._writer.cancel()
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def publish(staged: StagedSegment, index_dir: str | os.PathLike) -> object:
    """Move a staged segment's files into the index folder; return its Whoosh segment object.

    The caller holds the index lock and lists the segment in the next table of contents.  Files
    are renamed (same file system, so their fsynced contents move with them), then the directory
    is fsynced before the TOC that names them can be written.
    """
    prefix = staged.segment.segment_id() + "."
    folder = Path(staged.folder)
    for entry in folder.iterdir():
        if entry.name.startswith(prefix):
            os.replace(entry, Path(index_dir) / entry.name)
    fsync_dir(index_dir)
    shutil.rmtree(folder, ignore_errors=True)
    return staged.segment


def discard(staged: StagedSegment) -> None:
    """Delete a staged segment that will not be published."""
    shutil.rmtree(staged.folder, ignore_errors=True)


def remove_stale_staging(index_dir: str | os.PathLike) -> None:
    """Delete staging folders left by runs that are no longer alive (killed or crashed)."""
    root = Path(index_dir) / STAGING_DIR
    if not root.is_dir():
        return
    for entry in root.iterdir():
        owner = entry.name.split("-", 1)[0]
        if owner.isdigit() and _alive(int(owner)):
            continue
        log.info("removing %s, left by an indexing run that did not finish", entry)
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
