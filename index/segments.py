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
arithmetic, and the per-posting calls and length-column reads while a segment is flushed.
"""

from __future__ import annotations

import logging
import marshal
import os
import shutil
import uuid
from array import array
from dataclasses import dataclass, field
from itertools import groupby
from operator import itemgetter
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


def _write_postings(fieldwriter, schema, reader, items) -> None:
    """Whoosh's ``FieldWriter.add_postings`` for its W3 codec, one term's postings at a time.

    Whoosh makes three calls per posting (the generic loop, the field writer, the postings writer
    with its type assertions) and reads the document's field length from the length column on
    disk each time: 40 % of a segment flush.  Here the postings of a term are cut into blocks of
    the codec's size and each block's arrays and statistics are set at once, the way
    ``W3PostingsWriter.add_posting`` would have built them; field lengths come from one table per
    field.  The files written are byte-identical (tested).
    """
    count = reader.doc_count_all() if reader is not None else 0
    current = None
    lengths: list = []
    for (fieldname, btext), group in groupby(items, key=itemgetter(0, 1)):
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
            fieldwriter.start_field(fieldname, schema[fieldname])
            current = fieldname
            # W3's doc_field_length returns None for a zero length: kept, as Whoosh sees it.
            lengths = ([reader.doc_field_length(d, fieldname) for d in range(count)] if reader is not None
                       else [0] * count)
        fieldwriter.start_term(btext)
        writer = fieldwriter._postwriter
        postings = list(group)
        limit = writer._blocklimit
        for start in range(0, len(postings), limit):
            if start:
                writer._write_block()
            block = postings[start:start + limit]
            docnums = [p[2] for p in block]
            weights = [p[3] for p in block]
            found = [length for length in (lengths[d] for d in docnums) if length]
            writer._ids = array("I", docnums)
            writer._weights = array("f", weights)
            writer._values = [p[4] for p in block if p[4]]
            writer._maxweight = max(0, max(weights))
            writer._minlength = min(found) if found else None
            writer._maxlength = max(found) if found else 0
        fieldwriter.finish_term()
    if current is not None:
        fieldwriter.finish_field()


def _writes_w3(fieldwriter, schema) -> bool:
    """True when :func:`_write_postings` reproduces this field writer (W3 codec, no spelling words)."""
    from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter

    return (type(fieldwriter) is W3FieldWriter
            and type(fieldwriter._codec.postings_writer(None)) is W3PostingsWriter
            and not any(field.separate_spelling() for _name, field in schema.items()))


class FastSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with the lean posting pool and a term-at-a-time flush (same files, same bytes)."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        self.pool = _LeanPostingPool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        postings = self.pool.iter_postings()
        if _writes_w3(self.fieldwriter, self.schema):
            _write_postings(self.fieldwriter, self.schema, reader, postings)
        else:
            self.fieldwriter.add_postings(self.schema, reader, postings)
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
