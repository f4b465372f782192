"""Copy clusters at search time: each cluster's original, collapsed results, originals-only counts.

``dateline index`` groups syndicated and duplicate copies into clusters (:mod:`index.copies`) and
keeps them in a sidecar SQLite file in the index folder (:data:`COPIES_NAME`): one row per
clustered article with its cluster's label.  Here those rows become per-document arrays over a
searcher's document numbers, built once per commit: the document number of each document's
cluster *original* (the earliest-dated live member; undated members count as later than dated
ones; ties go to the smallest article id) and each document's position in its cluster.  Collapsing
a result set and counting originals only are then numpy gathers.  The original is decided here,
not at index time, so a new earlier copy or a deleted original never rewrites a document.
"""

from __future__ import annotations

import os
import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from search import schema as S
from search.whoosh_compat import searcher_folder

#: The sidecar file in the index folder (written by index.copies, read here).
COPIES_NAME = "copies.sqlite"
#: Copies listed per hit ("also published by"); the count covers all of them.
COPIES_LISTED = 20
#: The day of an undated document in the facet arrays (``search.facets.NO_DAY``, which imports
#: this module).  Made once: ``np.iinfo`` builds an object per call, ~3 us on every hit.
_UNDATED = int(np.iinfo(np.int32).min)


@dataclass
class Copy:
    """One member of a copy cluster, as hits and the article page list it."""

    id: str
    outlet: str | None
    published: str | None
    original: bool = False


@dataclass
class CopyArrays:
    """Copy clusters over one searcher's document numbers (read-only once built)."""

    #: Per document: the document number of its cluster's original (itself when not a copy).
    original: np.ndarray
    #: Per document: its position in its cluster, earliest first (0 for originals and loners).
    rank: np.ndarray
    #: Original's document number -> every live member's document number, in cluster order.
    members: dict[int, list[int]] = field(default_factory=dict)

    @property
    def is_original(self) -> np.ndarray:
        """Boolean mask: documents that are their cluster's original (or in no cluster)."""
        return self.rank == 0

    def collapse(self, docs: np.ndarray) -> np.ndarray:
        """One document per cluster among ``docs`` (the earliest matching member), ascending."""
        if len(docs) == 0 or not self.members:
            return docs
        order = np.lexsort((self.rank[docs], self.original[docs]))
        clusters = self.original[docs][order]
        first = np.ones(len(order), dtype=bool)
        first[1:] = clusters[1:] != clusters[:-1]
        return np.sort(docs[order[first]])

    def cluster_of(self, docnum: int) -> list[int]:
        """Every live member of ``docnum``'s cluster, earliest first ([docnum] when alone)."""
        return self.members.get(int(self.original[docnum]), [docnum])


def describe_copies(facets, copies: CopyArrays, docnums: list[int],
                    limit: int | None = COPIES_LISTED) -> list[Copy]:
    """Id, outlet and date of each document in ``docnums`` (from the facet arrays, no stored reads)."""
    if not docnums:  # most hits have no copies
        return []
    indptr, ords, display = facets.indptr[S.OUTLET], facets.ords[S.OUTLET], facets.display[S.OUTLET]
    result = []
    for docnum in docnums[:limit]:
        start, end = int(indptr[docnum]), int(indptr[docnum + 1])
        day = int(facets.day[docnum])
        result.append(Copy(
            id=facets.ids[docnum],
            outlet=display[int(ords[start])] if end > start else None,
            published=None if day == _UNDATED else S.day_to_date(day).isoformat(),
            original=bool(copies.rank[docnum] == 0),
        ))
    return result


def _empty(ndocs: int) -> CopyArrays:
    return CopyArrays(np.arange(ndocs, dtype=np.int64), np.zeros(ndocs, dtype=np.int32))


def index_folder(searcher) -> Path | None:
    """The folder of the index ``searcher`` reads, or None (an index in memory).

    Whoosh keeps the index a searcher came from in a private attribute (read in
    :mod:`search.whoosh_compat`).
    """
    folder = searcher_folder(searcher)
    return Path(folder) if folder else None


def read_clusters(path: Path) -> list[tuple[str, str]]:
    """(article id, cluster label) of every article in a cluster of two or more; [] without a file."""
    if not path.is_file():
        return []
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=30)
    try:
        return db.execute(
            "SELECT id, cluster FROM members WHERE cluster IN "
            "(SELECT DISTINCT cluster FROM members WHERE id != cluster)").fetchall()
    except sqlite3.DatabaseError:  # no table yet (a run that never committed): no clusters
        return []
    finally:
        db.close()


def _stamp(path: Path) -> tuple:
    """Changes whenever the sidecar commits (WAL mode: the -wal file changes, then the file)."""
    stamp = []
    for name in (path, path.with_name(path.name + "-wal")):
        try:
            st = os.stat(name)
            stamp.append((st.st_mtime_ns, st.st_size))
        except OSError:
            stamp.append(None)
    return tuple(stamp)


def build(rows: list[tuple[str, str]], ids: list[str | None], day: np.ndarray, is_deleted) -> CopyArrays:
    """:class:`CopyArrays` from sidecar rows, per-document ids and days, and a deleted-docs test."""
    ndocs = len(ids)
    result = _empty(ndocs)
    if not rows:
        return result
    label_of = dict(rows)
    groups: dict[str, list[int]] = {}
    for docnum, article_id in enumerate(ids):
        label = label_of.get(article_id)
        if label is not None and not is_deleted(docnum):
            groups.setdefault(label, []).append(docnum)
    for docnums in groups.values():
        if len(docnums) < 2:
            continue
        # Earliest date first, undated last, then the smallest id: a stable rule.
        docnums.sort(key=lambda d: (int(day[d]) == _UNDATED, int(day[d]), ids[d]))
        first = docnums[0]
        result.original[docnums] = first
        result.rank[docnums] = np.arange(len(docnums), dtype=np.int32)
        result.members[first] = docnums
    return result


class CopyCache:
    """Builds :class:`CopyArrays` for searchers, rebuilt when the index or the sidecar commits.

    One instance per index (held by :class:`search.facets.FacetCache`), shared by request threads.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._current: tuple[tuple, CopyArrays] | None = None

    def arrays(self, searcher, facets) -> CopyArrays:
        """The clusters over ``searcher``'s documents (``facets``: its FacetArrays)."""
        folder = index_folder(searcher)
        if folder is None:
            return _empty(facets.ndocs)
        path = folder / COPIES_NAME
        key = (id(facets), searcher.reader().generation(), _stamp(path))
        with self._lock:
            if self._current and self._current[0] == key:
                return self._current[1]
            reader = searcher.reader()
            built = build(read_clusters(path), facets.ids, facets.day, reader.is_deleted)
            self._current = (key, built)
            return built
