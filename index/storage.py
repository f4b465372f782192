"""Opening the index directory: durable storage, clear errors for missing or damaged indexes.

Whoosh never calls fsync.  A commit it reports can therefore still sit in the page cache, and a
power loss can leave a table of contents that points at segment files that never reached the disk
(whoosh-community/whoosh #323, #349, #441).  :class:`DurableFileStorage` fsyncs every file Whoosh
writes when it is closed, and the directory after every rename, so that when ``commit()`` returns
the new generation is on disk: segment files first, then the table of contents that names them.
"""

from __future__ import annotations

import os
import re
import time
from pathlib import Path

from whoosh.filedb.filestore import FileStorage
from whoosh.index import TOC
from whoosh.reading import EmptyReader, MultiReader, SegmentReader
from whoosh.searching import Searcher

from index import zerocopy
from search.backend import BackendUnavailableError
from search.schema import build_schema

zerocopy.install()  # every index this process opens reads its segment files in place

INDEX_NAME = "MAIN"
REBUILD_HINT = "rebuild it from your archive with: dateline index --rebuild ARCHIVE_PATH... --index {dir}"


class IndexUnavailableError(BackendUnavailableError):
    """Base class for index problems a user can act on; the message says what to do."""


class IndexMissingError(IndexUnavailableError):
    """No index exists at the configured location."""

    missing = True


class IndexCorruptError(IndexUnavailableError):
    """The index exists but cannot be read (half-written, damaged, or from another program)."""


def fsync_dir(path: str | os.PathLike) -> None:
    """Make a rename or a new file in ``path`` durable (no-op where directories cannot be opened)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class DurableFileStorage(FileStorage):
    """A FileStorage whose files are fsynced on close and whose renames are fsynced."""

    def create_file(self, name, excl=False, mode="wb", **kwargs):
        def sync_on_close(structfile):
            fileobj = structfile.file
            fileobj.flush()
            os.fsync(fileobj.fileno())

        return super().create_file(name, excl=excl, mode=mode, onclose=sync_on_close, **kwargs)

    def rename_file(self, oldname, newname, safe=False):
        super().rename_file(oldname, newname, safe=safe)
        fsync_dir(self.folder)

    def delete_file(self, name):
        super().delete_file(name)


_TOC_NAME = re.compile(rf"^_{INDEX_NAME}_[0-9]+\.toc$")


def index_exists(index_dir: str | os.PathLike) -> bool:
    """True when ``index_dir`` holds a Whoosh index (of any generation), readable or not.

    Decided from file names only: Whoosh's own ``exists_in`` reads the table of contents and
    raises on a damaged one, which would turn "damaged" into a traceback instead of a message.
    """
    path = Path(index_dir)
    try:
        return path.is_dir() and any(_TOC_NAME.match(name) for name in os.listdir(path))
    except OSError:
        return False


def corrupt_error(index_dir: str | os.PathLike, exc: BaseException) -> IndexCorruptError:
    """The error for an index that exists but cannot be read, naming the rebuild command."""
    path = Path(index_dir)
    return IndexCorruptError(
        f"the index at {path} cannot be read ({type(exc).__name__}: {exc}); " + REBUILD_HINT.format(dir=path)
    )


def open_index(index_dir: str | os.PathLike, *, memory_map: bool = True):
    """Open an existing index for reading or writing.

    With ``memory_map=False`` segment files are read with plain reads instead of through memory
    maps: mapped pages a process has touched stay in its resident set (once per open searcher),
    so a long-running server over a large index would grow towards the index's size; the page
    cache serves plain reads as well (same query times on the 37.5k workload, peak RSS 431 -> 220
    MB in one process).

    Raises :class:`IndexMissingError` or :class:`IndexCorruptError` with a message naming the
    command that builds or rebuilds it.  Never creates anything.
    """
    path = Path(index_dir)
    if not index_exists(path):
        raise IndexMissingError(
            f"no Dateline index at {path}; build one with: dateline index ARCHIVE_PATH... --index {path}"
        )
    try:
        ix = DurableFileStorage(str(path), supports_mmap=memory_map).open_index(INDEX_NAME)
        # The TOC alone can be fine while a segment file is truncated or missing: open a reader,
        # which opens every segment's files, so damage is found here and not in the first search.
        with ix.reader() as reader:
            reader.doc_count_all()
    except Exception as exc:  # any failure to read the TOC or segments is damage, whatever its type
        raise corrupt_error(path, exc) from exc
    return ix


#: Nanoseconds an index folder's modification time must lie in the past before a listing of it is
#: taken to hold until that time changes.  File systems stamp times from a coarse clock (a tick of
#: 1-10 ms): a commit in the same tick as the one a listing saw would not change the time.
SETTLED_NS = 2_000_000_000
#: (folder, index name) -> (the folder's device, inode and modification time, its latest generation).
_GENERATIONS: dict[tuple[str, str], tuple[tuple[int, int, int], int]] = {}


def latest_generation(ix) -> int:
    """``ix.latest_generation()``, the folder listed only when it changed since the last listing.

    Every request of a server asks whether a commit happened (:func:`refresh_searcher`); Whoosh
    answers by listing the folder and matching every name, ~30 us.  A commit adds a table of
    contents (a rename into the folder), so while the folder's modification time stays the same
    the generation does too; one ``stat`` answers.  A listing is remembered only once the time it
    saw is :data:`SETTLED_NS` old, so a change within the same clock tick is never missed.
    """
    folder = getattr(ix.storage, "folder", None)
    if not isinstance(folder, str):
        return ix.latest_generation()
    try:
        status = os.stat(folder)
    except OSError:
        return ix.latest_generation()
    key = (folder, ix.indexname)
    stamp = (status.st_dev, status.st_ino, status.st_mtime_ns)
    known = _GENERATIONS.get(key)
    if known is not None and known[0] == stamp:
        return known[1]
    generation = ix.latest_generation()
    if time.time_ns() - status.st_mtime_ns > SETTLED_NS:
        _GENERATIONS[key] = (stamp, generation)
    return generation


def refresh_searcher(ix, searcher: Searcher) -> Searcher:
    """A searcher on the newest commit of ``ix``, reusing the unchanged segment readers of ``searcher``.

    Returns ``searcher`` itself when nothing was committed since it was opened.  Whoosh's own
    ``Searcher.refresh()`` cannot be used: whoosh-reloaded 2.7.5's ``FileIndex._reader`` appends every
    segment of the old reader that the new commit no longer lists, so after a merge the refreshed
    searcher sees both the merged segment and the segments merged into it, and every article is
    returned several times (issue 11).  It also reuses a segment's reader by segment id alone, so
    deletions committed to an existing segment (an article replaced by its new version) would stay
    invisible.  Here a reader is reused only when the new commit lists the same segment with the
    same number of deletions (a segment's deletions only ever grow, so equal counts mean equal sets);
    readers the new commit does not reuse are closed.

    Like Whoosh's refresh, the old searcher must not be used afterwards: its reused readers now
    belong to the new one.
    """
    old_reader = searcher.reader()
    if latest_generation(ix) == old_reader.generation():
        return searcher
    toc = TOC.read(ix.storage, ix.indexname)
    reusable = {}
    for leaf, _offset in old_reader.leaf_readers():
        segment = leaf.segment() if isinstance(leaf, SegmentReader) else None
        if segment is not None:
            reusable[(segment.segment_id(), segment.deleted_count())] = leaf
    readers, opened = [], []
    try:
        for segment in toc.segments:
            reused = reusable.pop((segment.segment_id(), segment.deleted_count()), None)
            if reused is None:
                reused = SegmentReader(ix.storage, toc.schema, segment, generation=toc.generation)
                opened.append(reused)
            readers.append(reused)
    except BaseException:  # the old searcher stays usable: close only what this call opened
        for reader in opened:
            reader.close()
        raise
    for leftover in reusable.values():
        leftover.close()
    if not readers:
        reader = EmptyReader(toc.schema)
    elif len(readers) == 1 and opened:
        reader = readers[0]
    else:
        # Also for one reused segment: a MultiReader carries the new generation, which the next
        # refresh and the result cache compare against (the reused reader still reports its old one).
        reader = MultiReader(readers, generation=toc.generation)
    searcher.is_closed = True  # as Whoosh's refresh does: the old searcher gave its readers away
    return Searcher(reader, fromindex=ix, weighting=searcher.weighting)


def create_index(index_dir: str | os.PathLike):
    """Create a new, empty index at ``index_dir`` (the directory is created if needed)."""
    path = Path(index_dir)
    path.mkdir(parents=True, exist_ok=True)
    storage = DurableFileStorage(str(path))
    ix = storage.create_index(build_schema(), indexname=INDEX_NAME)
    fsync_dir(path)
    return ix


def open_or_create_index(index_dir: str | os.PathLike):
    """Open the index at ``index_dir``, creating it when none exists (a damaged one is an error).

    Creation happens under Whoosh's write lock: two ``dateline index`` runs starting on a new index
    would otherwise both create it, and Whoosh's create deletes every ``_MAIN_*`` file first,
    including the other run's half-written table of contents (seen as FileNotFoundError).
    """
    if index_exists(index_dir):
        return open_index(index_dir)
    path = Path(index_dir)
    path.mkdir(parents=True, exist_ok=True)
    lock = DurableFileStorage(str(path)).lock(f"{INDEX_NAME}_WRITELOCK")
    lock.acquire(blocking=True)  # held only for the few milliseconds creation takes
    try:
        if not index_exists(path):  # the other run may have created it while we waited
            create_index(path)
    finally:
        lock.release()
    return open_index(path)


def default_index_dir() -> Path:
    """``$DATELINE_INDEX``, else ``$XDG_DATA_HOME/dateline/index`` (``~/.local/share/dateline/index``)."""
    configured = os.environ.get("DATELINE_INDEX")
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "dateline" / "index"
