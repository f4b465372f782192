"""The incremental-indexing manifest: which source files and articles the index holds, by hash.

Stored as SQLite next to the Whoosh files (``manifest.sqlite``) so that each committed batch updates
it in one small transaction instead of rewriting a large file.

The rule (documented in the README):

- a *source file* whose size and modification time are unchanged since all of its articles were
  committed is not read again;
- an *article* whose content hash (title, body, metadata, extractor version) is unchanged is not
  re-extracted or re-written; a changed one replaces the old document under the same id;
- an article that was indexed from a source file and is no longer produced by it, or whose source
  file is gone from a root that is being indexed in this run, is deleted.  Roots not named in a run
  are left alone, so indexing two archives one after another keeps both.

Consistency: the manifest is only updated *after* the Whoosh commit that contains the change, so
after a crash it never claims more than the index holds; at worst a rerun re-writes a few
documents that were already committed (``update_document`` is idempotent).
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterable
from pathlib import Path

MANIFEST_NAME = "manifest.sqlite"

_SCHEMA = """
CREATE TABLE IF NOT EXISTS sources (
    rel TEXT PRIMARY KEY, root TEXT NOT NULL, size INTEGER NOT NULL, mtime_ns INTEGER NOT NULL,
    meta TEXT NOT NULL DEFAULT ''
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY, source TEXT NOT NULL, hash TEXT NOT NULL, indexed_at INTEGER
);
CREATE INDEX IF NOT EXISTS articles_by_source ON articles(source);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""


def _retry_while_locked(statement, seconds: float = 60.0) -> None:
    """Run ``statement``, retrying while another process holds the database.

    Switching a new database to WAL needs an exclusive lock for which SQLite does not call its
    busy handler, so two indexers starting together on a fresh index can get "database is
    locked" at once instead of waiting.
    """
    deadline = time.monotonic() + seconds
    while True:
        try:
            statement()
            return
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.05)


class Manifest:
    """Read and update the manifest of one index directory."""

    def __init__(self, index_dir: str | Path) -> None:
        self.path = Path(index_dir) / MANIFEST_NAME
        # isolation_level=None: explicit transactions only, so a batch update is all-or-nothing.
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        _retry_while_locked(lambda: self._db.execute("PRAGMA journal_mode=WAL"))
        self._db.execute("PRAGMA synchronous=FULL")
        _retry_while_locked(lambda: self._db.executescript(_SCHEMA))
        _retry_while_locked(self._add_columns)

    def _add_columns(self) -> None:
        """Manifests written before ``indexed_at`` (NULL: time unknown) and ``meta`` (the sidecar
        fingerprint; '' for none) existed gain the columns."""
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(articles)")}
        if "indexed_at" not in columns:
            self._db.execute("ALTER TABLE articles ADD COLUMN indexed_at INTEGER")
        columns = {row[1] for row in self._db.execute("PRAGMA table_info(sources)")}
        if "meta" not in columns:
            self._db.execute("ALTER TABLE sources ADD COLUMN meta TEXT NOT NULL DEFAULT ''")

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Manifest:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- queries -------------------------------------------------------------------------------
    def source_fingerprint(self, rel: str) -> tuple[int, int, str] | None:
        """(size, mtime_ns, sidecar fingerprint) recorded when every article of ``rel`` was
        committed, or None."""
        row = self._db.execute("SELECT size, mtime_ns, meta FROM sources WHERE rel = ?", (rel,)).fetchone()
        return None if row is None else (row[0], row[1], row[2])

    def article_hashes(self, source: str) -> dict[str, str]:
        """{article id: content hash} of the articles committed from ``source``."""
        rows = self._db.execute("SELECT id, hash FROM articles WHERE source = ?", (source,))
        return dict(rows.fetchall())

    def indexed_times(self, source: str) -> dict[str, int]:
        """{article id: seconds since the epoch when it entered the index} for ``source``.

        Articles recorded before the time was kept are left out (the caller treats them as new).
        """
        rows = self._db.execute(
            "SELECT id, indexed_at FROM articles WHERE source = ? AND indexed_at IS NOT NULL", (source,)
        )
        return dict(rows.fetchall())

    def sources_under(self, roots: Iterable[str]) -> dict[str, str]:
        """{source rel: root} for every recorded source under one of ``roots``."""
        roots = list(roots)
        if not roots:
            return {}
        marks = ",".join("?" * len(roots))
        rows = self._db.execute(f"SELECT rel, root FROM sources WHERE root IN ({marks})", roots)
        found = dict(rows.fetchall())
        # Sources whose articles were committed but whose fingerprint was not yet recorded.
        for (source,) in self._db.execute("SELECT DISTINCT source FROM articles"):
            root = source.split("/", 1)[0]
            if root in roots:
                found.setdefault(source, root)
        return found

    def article_count(self) -> int:
        return self._db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    # -- updates (call only after the Whoosh commit that made them true) -----------------------
    def record_batch(
        self,
        articles: Iterable[tuple[str, str, str, int]],
        deleted: Iterable[str],
        finished_sources: Iterable[tuple[str, str, int, int, str]],
        forgotten_sources: Iterable[str] = (),
    ) -> None:
        """Record one committed batch atomically.

        ``articles``: (id, source, hash, indexed_at) written; ``deleted``: ids removed;
        ``finished_sources``: (rel, root, size, mtime_ns, sidecar fingerprint) whose every article is
        now committed; ``forgotten_sources``: sources that no longer exist.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.executemany(
                "INSERT OR REPLACE INTO articles (id, source, hash, indexed_at) VALUES (?, ?, ?, ?)", articles
            )
            db.executemany("DELETE FROM articles WHERE id = ?", ((i,) for i in deleted))
            db.executemany(
                "INSERT OR REPLACE INTO sources (rel, root, size, mtime_ns, meta) VALUES (?, ?, ?, ?, ?)",
                finished_sources,
            )
            db.executemany("DELETE FROM sources WHERE rel = ?", ((s,) for s in forgotten_sources))
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def require_extraction_version(self, version: str) -> None:
        """Drop source fingerprints recorded by another extractor version.

        Article hashes include the version, so those articles are then re-extracted.
        """
        row = self._db.execute("SELECT value FROM meta WHERE key = 'extraction_version'").fetchone()
        if row is not None and row[0] == version:
            return
        self._db.execute("BEGIN IMMEDIATE")
        self._db.execute("DELETE FROM sources")
        self._db.execute("INSERT OR REPLACE INTO meta VALUES ('extraction_version', ?)", (version,))
        self._db.execute("COMMIT")

