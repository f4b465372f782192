"""The only code that writes the index: incremental updates in durable, bounded batches.

``index_paths`` walks the archive (``index.readers``), decides per source file and per article what
changed (``index.manifest``), extracts changed articles in worker processes (``index.extract``),
and writes them in batches.  Each batch takes the index lock only while it is written, so two
``dateline index`` runs interleave their batches instead of failing, and each commit is fsynced
before it is reported.  Memory stays bounded: at most one batch of documents is held at a time.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import shutil
import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.index import LockError

from index.article import Article
from index.document import content_hash, to_document
from index.extract import EXTRACTION_VERSION, AliasTable, extract
from index.manifest import MANIFEST_NAME, Manifest
from index.readers import ReadFailure, SourceFile, discover, read_source
from index.storage import INDEX_NAME, open_or_create_index
from search import schema as S

#: Articles per commit.  Bounds memory (one batch of documents plus Whoosh's buffer) and the work
#: lost to a crash; see README "Operations".
DEFAULT_BATCH_SIZE = 2000
#: Megabytes Whoosh may buffer per writer before flushing postings to a temporary run.
DEFAULT_LIMIT_MB = 256
#: Segments an index keeps before a commit merges the smallest (see merge_policy).
MAX_SEGMENTS = 10
#: Smallest batch worth Whoosh's multi-process writer (it forks its sub-writers per commit).
MIN_PARALLEL_BATCH = 500
#: Work items (articles and bookkeeping) read ahead of the writer: bounds memory (see _Window).
MAX_IN_FLIGHT = 256
#: Seconds a run waits for another writer's batch to finish before giving up.
DEFAULT_LOCK_TIMEOUT = 600.0


log = logging.getLogger(__name__)


class IndexLockTimeout(Exception):
    """Another process held the index lock for longer than the timeout."""


@dataclass
class IndexReport:
    """What one run did.  ``failed`` holds (id, reason) pairs."""

    indexed: int = 0
    unchanged: int = 0
    deleted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    commits: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.indexed / self.seconds if self.seconds else 0.0
        return (
            f"indexed {self.indexed}, unchanged {self.unchanged}, deleted {self.deleted}, "
            f"failed {len(self.failed)} in {self.seconds:.1f} s ({rate:.0f} articles/s, "
            f"{self.commits} commits)"
        )


# -- the work plan: plain tuples (kind, payload, source_rel, digest) cross processes cheaply ----
# "article" items are extracted in a worker and come back as "doc"; "unchanged", "failure",
# "delete", "forget" and "source" (a source file whose items all came before it) pass through.
_ALIASES: AliasTable | None = None


def _worker_init(alias_path: str | None) -> None:
    global _ALIASES
    _ALIASES = AliasTable.load(alias_path) if alias_path else AliasTable.default()


def _prepare(item: tuple) -> tuple:
    """Worker: turn an article into a ready document; pass everything else through."""
    kind, payload, source, digest = item
    if kind != "article":
        return item
    article: Article = payload
    try:
        extracted = extract(article, _ALIASES)
        return ("doc", to_document(article, extracted, digest, _ALIASES), source, digest)
    except Exception as exc:  # one article's extraction bug must not stop the run
        return ("failure", ReadFailure(article.id, article.path, f"extraction failed: {exc!r}"), source, None)


class _Run:
    """State of one ``index_paths`` call."""

    def __init__(self, ix, manifest: Manifest, report: IndexReport, *, batch_size: int, limit_mb: int,
                 lock_timeout: float, on_commit: Callable[[int, int], None] | None,
                 writer_procs: int = 1) -> None:
        self.ix = ix
        self.writer_procs = writer_procs
        self.manifest = manifest
        self.report = report
        self.batch_size = batch_size
        self.limit_mb = limit_mb
        self.lock_timeout = lock_timeout
        self.on_commit = on_commit
        self.docs: list[dict] = []
        self.recorded: list[tuple[str, str, str]] = []
        self.deletions: list[str] = []
        self.finished: list[tuple[str, str, int, int]] = []
        self.forgotten: list[str] = []
        self.pending_per_source: dict[str, int] = {}
        self.waiting_sources: dict[str, SourceFile] = {}

    # sources complete once all their changed articles are committed
    def source_done(self, src: SourceFile) -> None:
        if self.pending_per_source.get(src.rel, 0) == 0:
            self.finished.append((src.rel, src.root, src.size, src.mtime_ns))
        else:
            self.waiting_sources[src.rel] = src

    def add_doc(self, doc: dict, source: str, digest: str) -> None:
        self.docs.append(doc)
        self.recorded.append((doc[S.ID], source, digest))
        self.pending_per_source[source] = self.pending_per_source.get(source, 0) + 1
        if len(self.docs) >= self.batch_size:
            self.commit()

    def commit(self) -> None:
        if not (self.docs or self.deletions or self.finished or self.forgotten):
            return
        if self.docs or self.deletions:
            writer = self._writer(len(self.docs))
            try:
                for doc in self.docs:
                    writer.update_document(**doc)
                for article_id in self.deletions:
                    writer.delete_by_term(S.ID, article_id)
                writer.commit(mergetype=merge_policy)
            except BaseException:
                writer.cancel()
                raise
            self.report.commits += 1
        for _id, source, _digest in self.recorded:
            self.pending_per_source[source] -= 1
        for rel, src in list(self.waiting_sources.items()):
            if self.pending_per_source.get(rel, 0) == 0:
                self.finished.append((src.rel, src.root, src.size, src.mtime_ns))
                del self.waiting_sources[rel]
        self.manifest.record_batch(self.recorded, self.deletions, self.finished, self.forgotten)
        self.report.indexed += len(self.docs)
        self.report.deleted += len(self.deletions)
        if self.on_commit and (self.docs or self.deletions):
            self.on_commit(len(self.docs), self.report.indexed)
        self.docs, self.recorded, self.deletions, self.finished, self.forgotten = [], [], [], [], []

    def _writer(self, docs: int):
        """A Whoosh writer holding the index lock, waiting up to ``lock_timeout`` for it.

        Whoosh's own default fails at once with LockError when another process writes; here the
        lock is first tried without waiting so that a wait is announced once on stderr (through
        logging) instead of looking like a hang, then retried every 0.25 s until the timeout.

        A large batch is analysed by ``writer_procs`` Whoosh sub-writers (``MpWriter``), each
        writing its own segment: the single main process otherwise caps indexing speed while the
        extraction workers sit idle during the commit.
        """
        options: dict = {"limitmb": self.limit_mb}
        if self.writer_procs > 1 and docs >= MIN_PARALLEL_BATCH:
            options.update(procs=self.writer_procs, multisegment=True,
                           limitmb=max(32, self.limit_mb // self.writer_procs))
        try:
            return self.ix.writer(**options)
        except LockError:
            log.warning("the index is locked by another `dateline index`; waiting up to %.0f s for it",
                        self.lock_timeout)
        try:
            return self.ix.writer(timeout=self.lock_timeout, delay=0.25, **options)
        except LockError as exc:
            raise IndexLockTimeout(
                f"another `dateline index` has held the index lock for more than {self.lock_timeout:.0f} s; "
                "try again when it finishes, or raise --lock-timeout"
            ) from exc


def merge_policy(writer, segments: list) -> list:
    """Whoosh merge policy: keep at most MAX_SEGMENTS segments, rewriting as little as possible.

    Whoosh's default (MERGE_SMALL) re-merges the growing segments at almost every commit, so over
    a long run each posting is rewritten several times: it tripled the CPU cost of indexing per
    article.  Here a commit merges only (a) segments that are mostly deleted documents and (b) when
    there are too many segments, the smallest ones, just enough to get back under the limit.
    """
    from whoosh.reading import SegmentReader

    def mostly_deleted(seg) -> bool:
        return seg.deleted_count() * 2 > seg.doc_count_all()

    merge = [seg for seg in segments if mostly_deleted(seg)]
    keep = sorted((seg for seg in segments if not mostly_deleted(seg)), key=lambda seg: seg.doc_count_all())
    # The commit adds the new segment(s) after this: leave room for them.
    excess = len(keep) + 2 - MAX_SEGMENTS
    if excess > 0:
        merge += keep[: excess + 1]
        keep = keep[excess + 1:]
    if len(merge) < 2 and not any(mostly_deleted(seg) for seg in merge):
        return segments
    for seg in merge:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
    return keep


def _plan(paths: Iterable[str | Path], index_dir: Path) -> Iterator[tuple]:
    """Yield work items in archive order: articles to extract and the bookkeeping around them.

    Runs in the pool's feeder thread, so it reads the manifest through its own connection and
    never touches run state: every decision travels as an item, applied in order by ``_consume``.
    """
    with Manifest(index_dir) as manifest:
        yield from _plan_with(paths, manifest)


def _plan_with(paths: Iterable[str | Path], manifest: Manifest) -> Iterator[tuple]:
    seen_sources: set[str] = set()
    roots: set[str] = set()
    for found in discover(paths):
        if isinstance(found, ReadFailure):
            yield ("failure", found, None, None)
            continue
        src = found
        roots.add(src.root)
        seen_sources.add(src.rel)
        known = manifest.article_hashes(src.rel)
        if manifest.source_fingerprint(src.rel) == (src.size, src.mtime_ns):
            yield ("unchanged", len(known), src.rel, None)
            continue
        produced: set[str] = set()
        for item in read_source(src):
            if isinstance(item, ReadFailure):
                yield ("failure", item, src.rel, None)
                continue
            produced.add(item.id)
            digest = content_hash(item)
            if known.get(item.id) == digest:
                yield ("unchanged", 1, src.rel, None)
            else:
                yield ("article", item, src.rel, digest)
        for gone in sorted(known.keys() - produced):
            yield ("delete", gone, src.rel, None)
        yield ("source", src, src.rel, None)
    # Source files that disappeared from a root indexed in this run.
    for rel in sorted(manifest.sources_under(roots).keys() - seen_sources):
        for gone in sorted(manifest.article_hashes(rel)):
            yield ("delete", gone, rel, None)
        yield ("forget", rel, rel, None)


def index_paths(
    paths: Iterable[str | Path],
    index_dir: str | Path,
    *,
    jobs: int | None = None,
    batch_size: int = DEFAULT_BATCH_SIZE,
    limit_mb: int = DEFAULT_LIMIT_MB,
    lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
    alias_path: str | None = None,
    rebuild: bool = False,
    progress: bool = True,
    on_commit: Callable[[int, int], None] | None = None,
) -> IndexReport:
    """Index (or incrementally update) the articles under ``paths`` into ``index_dir``.

    ``jobs`` worker processes run extraction, and as many Whoosh sub-writers analyse each large
    batch (default: one per CPU; 1 runs everything in-process).
    ``on_commit(batch_count, total_indexed)`` is called after each durable commit.
    """
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such archive path: {', '.join(missing)}")
    index_dir = Path(index_dir)
    if rebuild:
        wipe_index(index_dir)
    ix = open_or_create_index(index_dir)
    report = IndexReport()
    started = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    with Manifest(index_dir) as manifest:
        # Fingerprints vouch for extraction output too: a new extractor re-reads every source.
        manifest.require_extraction_version(str(EXTRACTION_VERSION))
        run = _Run(ix, manifest, report, batch_size=batch_size, limit_mb=limit_mb,
                   lock_timeout=lock_timeout, on_commit=on_commit, writer_procs=jobs)
        items = _plan(paths, index_dir)
        bar = _progress_bar(progress)
        try:
            if jobs > 1:
                ctx = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
                window = _Window(MAX_IN_FLIGHT)
                with ctx.Pool(jobs, initializer=_worker_init, initargs=(alias_path,)) as pool:
                    prepared = pool.imap(_prepare, window.throttle(items), chunksize=8)
                    _consume(window.release_each(prepared), run, report, bar)
            else:
                _worker_init(alias_path)
                _consume(map(_prepare, items), run, report, bar)
            run.commit()
        finally:
            bar.close()
    report.seconds = time.perf_counter() - started
    return report


class _Window:
    """Back-pressure for ``Pool.imap``, whose feeder thread otherwise drains the whole input.

    Without it, a fast reader queues every article of the archive (and the workers every
    extracted document) in memory while the single writer catches up: 2 GB at 100k articles.
    The feeder takes a slot per item and blocks when ``size`` items are in flight; the consumer
    frees a slot per result.
    """

    def __init__(self, size: int) -> None:
        self._slots = threading.BoundedSemaphore(size)

    def throttle(self, items: Iterable[tuple]) -> Iterator[tuple]:
        for item in items:
            self._slots.acquire()
            yield item

    def release_each(self, results: Iterable[tuple]) -> Iterator[tuple]:
        for result in results:
            self._slots.release()
            yield result


def _consume(prepared: Iterable[tuple], run: _Run, report: IndexReport, bar) -> None:
    """Apply the prepared items in order (main process, main thread)."""
    for kind, payload, source, digest in prepared:
        if kind == "doc":
            run.add_doc(payload, source, digest)
            bar.update(1)
        elif kind == "unchanged":
            report.unchanged += payload
        elif kind == "failure":
            report.failed.append((payload.id, payload.reason))
        elif kind == "delete":
            run.deletions.append(payload)
        elif kind == "forget":
            run.forgotten.append(payload)
        elif kind == "source":
            run.source_done(payload)


def _progress_bar(enabled: bool):
    from tqdm import tqdm

    return tqdm(desc="indexing", unit=" articles", disable=not enabled, file=sys.stderr, smoothing=0.1)


def wipe_index(index_dir: Path) -> None:
    """Delete a Dateline index directory's contents (refuses folders that hold anything else)."""
    if not index_dir.exists():
        return
    ours = {MANIFEST_NAME, f"{MANIFEST_NAME}-wal", f"{MANIFEST_NAME}-shm"}
    for entry in index_dir.iterdir():
        name = entry.name
        looks_like_index = (
            name in ours
            or name.startswith(f"_{INDEX_NAME}_")
            or name.startswith(f"{INDEX_NAME}_")
            or name.endswith((".seg", ".toc", ".lock"))
        )
        if not looks_like_index:
            raise ValueError(f"refusing to wipe {index_dir}: {name!r} is not part of a Dateline index")
    shutil.rmtree(index_dir)

