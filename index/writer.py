"""The only code that writes the index: incremental updates in durable, bounded commits.

``index_paths`` walks the archive (``index.readers``) and decides per source file and per article
what changed (``index.manifest``).  Changed articles go to worker processes, each of which
extracts them (``index.extract``) and adds them to a segment of its own, built in a staging folder
without the index lock (``index.segments``).  A finished segment goes to the committer (a process
of its own, or a thread with ``jobs=1``), which takes the lock, moves the segment into the index,
applies deletions, merges a full size tier of segments, and writes the table of contents
(fsynced) before the commit is reported and recorded in the manifest.  Reading, extraction,
segment building and commits all overlap: no stage waits for another except through the bounded
hand-over between them.

Memory stays bounded: the main process holds at most ``MAX_IN_FLIGHT`` articles and the records
of uncommitted segments; each worker holds one segment's postings (at most ``limit_mb``).
"""

from __future__ import annotations

import contextlib
import ctypes
import gc
import logging
import multiprocessing
import os
import queue
import shutil
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from whoosh.index import LockError
from whoosh.reading import SegmentReader

from index.copies import CopyClusters, signature
from index.document import content_hash, to_document
from index.extract import EXTRACTION_VERSION, AliasTable, extract
from index.layout import foreign_entries
from index.lifeline import bind_to_parent
from index.manifest import Manifest
from index.readers import ReadFailure, ReadWarning, SourceFile, discover, read_source
from index.segments import (
    STAGING_DIR,
    FastSegmentWriter,
    SegmentBuilder,
    StagedSegment,
    discard,
    publish,
    remove_stale_staging,
)
from index.storage import INDEX_NAME, open_or_create_index
from search import schema as S
from search.whoosh_compat import commit_segments

#: Articles per segment, and so per commit of each worker.  Bounds the work lost to a crash and
#: the number of segments a large build creates (they are merged by tiers, see merge_policy).
DEFAULT_BATCH_SIZE = 5000
#: Megabytes of postings (estimated) a worker holds in memory before it ends its segment early.
#: (Merges hold one term's postings at a time; Whoosh's pool, their fallback, spills beyond it.)
DEFAULT_LIMIT_MB = 128
#: Segments of one size tier merged together (see merge_policy).
MERGE_FACTOR = 10
#: A run that added at least this share of the index's live documents (a first build, a rebuild,
#: an archive that doubled) ends by merging every segment into one (see wants_final_merge).
FINAL_MERGE_SHARE = 0.5
#: ... unless the index then holds more documents than this: one segment is rewritten whole by
#: such a merge (~65 s for 300,000 articles on two cores), and past about 1M articles the tiers
#: of merge_policy are the better trade.
FINAL_MERGE_MAX_DOCS = 1_000_000
#: Articles sent to a worker in one message (amortises inter-process overhead).
CHUNK_SIZE = 16
#: Articles read ahead of the workers: bounds the main process's memory.
MAX_IN_FLIGHT = 256
#: Seconds a run waits for another writer's commit to finish before giving up.
DEFAULT_LOCK_TIMEOUT = 600.0


log = logging.getLogger(__name__)


class IndexLockTimeout(Exception):
    """Another process held the index lock for longer than the timeout."""


@dataclass
class IndexReport:
    """What one run did.  ``failed`` holds (id, reason) pairs; ``warnings`` problems that cost no
    article (malformed sidecar metadata rows, unknown sidecar columns)."""

    indexed: int = 0
    unchanged: int = 0
    deleted: int = 0
    failed: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    commits: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        rate = self.indexed / self.seconds if self.seconds else 0.0
        return (
            f"indexed {self.indexed}, unchanged {self.unchanged}, deleted {self.deleted}, "
            f"failed {len(self.failed)} in {self.seconds:.1f} s ({rate:.0f} articles/s, "
            f"{self.commits} commits)"
        )


# -- workers: extraction and segment building ---------------------------------------------------
# Messages from workers and the committer to the run, as tuples:
#   ("acks", count, [(ReadFailure, source), ...])  articles handled; those that failed extraction
#   ("segment", StagedSegment)                     a finished segment, ready to publish
#   ("done", None) / ("error", traceback text)     a worker finished / crashed
#   ("committed", job number, exception or None)   the committer finished a job


@dataclass(frozen=True)
class _WorkerConfig:
    index_dir: str
    alias_path: str | None
    segment_size: int
    limit_mb: int
    owner: int  # pid of the run: names staging folders


class _SegmentWorker:
    """Extracts articles and adds them to a staged segment; emits each finished segment."""

    def __init__(self, config: _WorkerConfig, schema, emit: Callable[[tuple], None]) -> None:
        self.config = config
        self.schema = schema
        self.emit = emit
        self.aliases = AliasTable.load(config.alias_path) if config.alias_path else AliasTable.default()
        self.builder: SegmentBuilder | None = None
        self.signatures: list[tuple[str, bytes | None]] = []  # copy-cluster signatures of the segment

    def handle(self, chunk: list[tuple]) -> None:
        """Extract and add one chunk of ("article", Article, source, digest, indexed_at) items.

        The whole chunk is extracted first, then its documents are added one after another, in
        the same order: adding a document looks each of its words up in the field's vocabulary
        (tens of thousands of words), and extraction between two adds (its memos are hundreds of
        MB) presumably left those look-ups cache-cold.  Measured on 2,000 prefix articles, chunks of 16:
        ``SegmentBuilder.add`` -10 to -24 % (four alternating pairs), the rest unchanged.
        """
        failures = []
        ready = []
        for _kind, article, source, digest, indexed_at in chunk:
            try:
                extracted = extract(article, self.aliases)
                doc = to_document(article, extracted, digest, self.aliases, indexed_at=indexed_at)
                sig = signature(extracted.body)
            except Exception as exc:  # one article's extraction bug must not stop the run
                reason = f"extraction failed: {exc!r}"
                failures.append((ReadFailure(article.id, article.path, reason), source))
                continue
            ready.append((article, source, digest, indexed_at, doc, sig))
        for article, source, digest, indexed_at, doc, sig in ready:
            if self.builder is None:
                self.builder = SegmentBuilder(self.config.index_dir, self.schema,
                                              limit_mb=self.config.limit_mb, owner=self.config.owner)
            self.builder.add(doc, (article.id, source, digest, indexed_at))
            self.signatures.append((article.id, sig))
            if len(self.builder) >= self.config.segment_size or self.builder.full:
                self.flush()
        self.emit(("acks", len(chunk), failures))

    def flush(self) -> None:
        """Finish the current segment, if any, and emit it."""
        if self.builder is not None:
            builder, self.builder = self.builder, None
            staged = builder.finish()
            staged.signatures, self.signatures = self.signatures, []
            self.emit(("segment", staged))

    def cancel(self) -> None:
        self.signatures = []
        if self.builder is not None:
            self.builder.cancel()
            self.builder = None


#: Garbage-collector thresholds in worker processes (Python's default first threshold is 700).
WORKER_GC_THRESHOLDS = (10_000, 10, 10)


def use_worker_gc_policy() -> None:
    """Run this process's garbage collector as an index worker does: what exists now is frozen out
    of collection, and the thresholds are ``WORKER_GC_THRESHOLDS``.

    Extraction and indexing allocate millions of short-lived objects; with the default thresholds
    the cyclic collector ran every 700 allocations, rescanning the caches: 15-25 % of extraction
    time (AllSides, CPU time).  Full collections still run every ~1M allocations: with
    (100_000, 50, 1000) they almost never did, and a worker's cyclic garbage grew it to 1.1 GB on
    37.5k articles.  ``scripts/eval/speed.py`` calls this too, so extraction is timed as the
    indexer runs it.
    """
    gc.freeze()
    gc.set_threshold(*WORKER_GC_THRESHOLDS)


def _worker_process(config: _WorkerConfig | None, schema, tasks, results, parent: int,
                    make_worker: Callable[[Callable[[tuple], None]], object] | None = None) -> None:
    """Body of a worker process: handle chunks until told to stop (None) or orphaned.

    ``make_worker(emit)``, when given, builds the worker in place of a :class:`_SegmentWorker`
    (any object with ``handle(chunk)``, ``flush()`` and ``cancel()``: the OpenSearch indexer's
    document worker, ``index.opensearch_writer``); ``config`` is then None: no staging to clean.
    """
    use_worker_gc_policy()
    # Orphaned (the run was killed) or terminated: delete the run's staging folders, finished
    # segments too (nobody will publish them: a run that loses a worker ends with an error), and
    # exit at once, even from a read blocked on half a message (index/lifeline.py).  Not "only when
    # the parent is gone": the kernel's signal can come while the dying parent's other threads
    # still exist, when getppid() has not changed yet.
    bind_to_parent(parent, lambda: config and _remove_run_staging(Path(config.index_dir), config.owner))
    worker = None
    try:
        worker = make_worker(results.put) if make_worker else _SegmentWorker(config, schema, results.put)
        while True:
            try:
                chunk = tasks.get(timeout=1.0)
            except queue.Empty:  # a parent that died is noticed by the lifeline, blocked here or not
                continue
            if chunk is None:
                break
            worker.handle(chunk)
        worker.flush()
        results.put(("done", None))
    except BaseException:
        if worker is not None:
            worker.cancel()
        results.put(("error", traceback.format_exc()))


class _InlineWorkers:
    """``jobs=1``: the one worker runs in the calling thread, handing messages to ``events``."""

    def __init__(self, config: _WorkerConfig | None, schema, make_worker=None) -> None:
        self.events: queue.Queue = queue.Queue()
        self._worker = (make_worker(self.events.put) if make_worker
                        else _SegmentWorker(config, schema, self.events.put))
        self.count = 1

    def submit(self, chunk: list[tuple]) -> None:
        self._worker.handle(chunk)

    def finish(self) -> None:
        self._worker.flush()
        self.events.put(("done", None))

    def join(self) -> None:
        """Nothing to wait for: the worker is this thread."""

    def next_event(self, timeout: float | None = None) -> tuple | None:
        try:
            return self.events.get(timeout=timeout) if timeout != 0 else self.events.get_nowait()
        except queue.Empty:
            return None

    def close(self) -> None:
        self._worker.cancel()


class _ProcessWorkers:
    """``jobs`` worker processes fed from one task queue, reporting on one event queue."""

    def __init__(self, config: _WorkerConfig | None, schema, jobs: int, make_worker=None) -> None:
        ctx = self.context = multiprocessing.get_context("fork" if sys.platform != "win32" else "spawn")
        self.tasks = ctx.Queue()
        self.events = ctx.Queue()
        self.count = jobs
        self._watched: list = []
        self._procs = [
            ctx.Process(target=_worker_process,
                        args=(config, schema, self.tasks, self.events, os.getpid(), make_worker),
                        name=f"dateline-worker-{n}", daemon=True)
            for n in range(jobs)
        ]
        for proc in self._procs:
            proc.start()

    def submit(self, chunk: list[tuple]) -> None:
        self.tasks.put(chunk)

    def finish(self) -> None:
        for _ in self._procs:
            self.tasks.put(None)

    def join(self, timeout: float = 30.0) -> None:
        """Wait for the workers to exit (after each reported "done")."""
        for proc in self._procs:
            proc.join(timeout=timeout)

    def watch(self, proc) -> None:
        """Also fail :meth:`next_event` when ``proc`` (the committer process) dies."""
        self._watched.append(proc)

    def next_event(self, timeout: float | None = None) -> tuple | None:
        """The next event; None after ``timeout`` (0: do not wait).  Raises if a worker died."""
        deadline = None if timeout is None else time.monotonic() + timeout
        while True:
            wait = 1.0 if deadline is None else max(0.0, min(1.0, deadline - time.monotonic()))
            try:
                return self.events.get(timeout=wait) if wait else self.events.get_nowait()
            except queue.Empty:
                pass
            dead = [p for p in [*self._procs, *self._watched] if p.exitcode not in (None, 0)]
            if dead:
                raise RuntimeError(f"indexing worker {dead[0].name} died (exit code {dead[0].exitcode}); "
                                   "committed articles are safe, rerun the command to finish")
            if deadline is not None and time.monotonic() >= deadline:
                return None

    def close(self) -> None:
        for proc in self._procs:
            if proc.is_alive():
                proc.terminate()
        for proc in self._procs:
            proc.join(timeout=5)
        # Chunks no worker will read (after an error) must not hold this process at exit, where
        # multiprocessing would otherwise wait for its feeder thread to write them into a full pipe.
        self.tasks.cancel_join_thread()
        self.tasks.close()
        self.events.close()


# -- the committer -----------------------------------------------------------------------------
def _load_malloc_trim() -> Callable[[int], int] | None:
    """glibc's ``malloc_trim``, or None on another C library or platform."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        return ctypes.CDLL("libc.so.6").malloc_trim
    except (OSError, AttributeError):
        return None


_MALLOC_TRIM = _load_malloc_trim()


def release_heap() -> bool:
    """Give the C heap's free memory back to the system (glibc's ``malloc_trim``); False where
    that is not available.

    Called by the committer after each commit: a merge of ten 5,000-article segments frees ~100
    MB of term rows and batch arrays in small pieces, which glibc keeps (the heap's top is rarely
    free), so the committer's RSS would stay at its merge peak beside the workers until the end of
    the run (measured on a merge of 8 x 4,700 articles: 165 -> 99 MiB after the trim)."""
    if _MALLOC_TRIM is None:
        return False
    _MALLOC_TRIM(0)
    return True


@dataclass
class _Job:
    """One commit: a staged segment (or none) and the deletions gathered since the last job.

    ``deletions`` are (article id, source file) pairs.
    """

    number: int
    staged: StagedSegment | None
    deletions: list[tuple[str, str]]
    forgotten: list[str]
    #: The run's last job: how many documents the run added (see wants_final_merge); it then
    #: carries nothing else.
    final_merge_added: int = 0

    @property
    def records(self) -> list[tuple]:
        return self.staged.records if self.staged else []


class _Committer:
    """Commits jobs in order, one Whoosh commit each, beside the workers so they never wait for it.

    With worker processes the committer is a process of its own: a merge is minutes of pure-Python
    work, and in a thread of the main process it held the GIL against the thread that reads the
    archive and feeds the workers (a 300k build fell from ~120 to ~30 articles/s during merges),
    and left the main process's memory at the merge's peak.  With ``jobs=1`` it is a thread.
    Results are reported through ``events``.
    """

    def __init__(self, ix, index_dir: Path, events, *, lock_timeout: float, limit_mb: int,
                 context=None) -> None:
        self.ix = ix
        self.index_dir = index_dir
        self.events = events
        self.lock_timeout = lock_timeout
        self.limit_mb = limit_mb
        self._indexed: set[str] | None = None  # see _indexed_ids
        self._generation = -1  # of the last commit made here
        self._holding_lock = False  # True while a commit holds the index lock (see _orphaned)
        if context is None:
            self.jobs = queue.Queue()
            self.runner = threading.Thread(target=self.run, name="dateline-committer", daemon=True)
        else:
            self.jobs = context.Queue()
            self.runner = context.Process(target=self.run, args=(os.getpid(),), name="dateline-committer",
                                          daemon=True)

    def start(self) -> None:
        self.runner.start()

    def stop(self) -> None:
        """Let the queued jobs finish, then end."""
        self.jobs.put(None)
        self.runner.join()

    def run(self, parent: int | None = None) -> None:
        if parent is not None:  # a process of its own: end with the run (index/lifeline.py)
            bind_to_parent(parent, lambda: self._orphaned(parent))
        failed = False
        while (job := self._next_job()) is not None:
            if failed:  # after a failure, later jobs are dropped: the run is ending with an error
                if job.staged:
                    discard(job.staged)
                continue
            try:
                self._commit(job)
                release_heap()
                self.events.put(("committed", job.number, None))
            except BaseException as exc:
                failed = True
                if job.staged:
                    discard(job.staged)
                self.events.put(("committed", job.number, exc))

    def _next_job(self) -> _Job | None:
        while True:
            try:
                return self.jobs.get(timeout=1.0)
            except queue.Empty:  # a run that died is noticed by the lifeline (see run)
                continue

    def _orphaned(self, owner: int) -> None:
        """Cleanup before exiting on SIGTERM or when the run died: a commit's temporary files if one
        was under way (the OS releases the lock; the TOC is renamed into place whole or not at
        all), and the run's staging folders, which nobody will publish now."""
        if self._holding_lock:  # else the temporary folder may be another run's, committing now
            shutil.rmtree(self.index_dir / f"{INDEX_NAME}.tmp", ignore_errors=True)
        _remove_run_staging(self.index_dir, owner)

    @contextlib.contextmanager
    def _locked_writer(self) -> Iterator[FastSegmentWriter]:
        """A writer holding the index lock; cancelled (the lock released) if the block raises."""
        writer = self._writer()
        self._holding_lock = True
        try:
            yield writer
        except BaseException:
            if not writer.is_closed:
                writer.cancel()
            raise
        finally:
            self._holding_lock = False

    def _commit(self, job: _Job) -> None:
        if job.final_merge_added:
            self._final_merge(job.final_merge_added)
            return
        with self._locked_writer() as writer:
            # Replaced articles: delete their old versions from the committed segments first.
            indexed = self._indexed_ids(writer)
            for article_id in [*(job.staged.ids if job.staged else []), *(d for d, _src in job.deletions)]:
                if article_id in indexed:
                    writer.delete_by_term(S.ID, article_id)
            segments = list(writer.segments)
            if job.staged:
                segments.append(publish(job.staged, self.index_dir))
            commit_segments(writer, merge_policy(writer, segments))
        if job.staged:
            indexed.update(job.staged.ids)
        self._generation = writer.generation

    def _final_merge(self, added: int) -> None:
        """Merge every segment into one when the run that ends added enough (wants_final_merge)."""
        with self._locked_writer() as writer:
            segments = list(writer.segments)
            if not wants_final_merge(segments, added):
                writer.cancel()
                return
            log.info("merging %d segments into one", len(segments))
            for seg in segments:
                writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
            commit_segments(writer, [])
        self._generation = writer.generation

    def _indexed_ids(self, writer) -> set[str]:
        """Every article id the index may hold: a superset, read once, then kept up to date.

        Looking an id up in every segment costs ~0.04 ms per segment; a build of new articles
        (nothing to delete) spent 0.3 ms per article at 8 segments, and a 300k build keeps about
        twice as many.  Ids of deleted articles stay in the set: a false
        positive only costs a lookup that finds nothing.  The set is read again when another run
        committed in between.
        """
        if self._indexed is None or writer.generation != self._generation + 1:
            with writer.reader() as reader:
                self._indexed = set(reader.field_terms(S.ID))
        return self._indexed

    def _writer(self) -> FastSegmentWriter:
        """A writer holding the index lock, waiting up to ``lock_timeout`` for it.

        Whoosh's own default fails at once with LockError when another process writes; here the
        lock is first tried without waiting so that a wait is announced once on stderr (through
        logging) instead of looking like a hang, then retried every 0.25 s until the timeout.
        """
        try:
            return FastSegmentWriter(self.ix, limitmb=self.limit_mb)
        except LockError:
            log.warning("the index is locked by another `dateline index`; waiting up to %.0f s for it",
                        self.lock_timeout)
        try:
            return FastSegmentWriter(self.ix, timeout=self.lock_timeout, delay=0.25, limitmb=self.limit_mb)
        except LockError as exc:
            raise IndexLockTimeout(
                f"another `dateline index` has held the index lock for more than {self.lock_timeout:.0f} s; "
                "try again when it finishes, or raise --lock-timeout"
            ) from exc


# -- the run: bookkeeping in the main thread ----------------------------------------------------
class _Run:
    """State of one ``index_paths`` call, driven by plan items and worker/committer events."""

    def __init__(self, manifest: Manifest, report: IndexReport, workers, committer: _Committer, bar,
                 on_commit: Callable[[int, int], None] | None, copies: CopyClusters | None = None) -> None:
        self.manifest = manifest
        self.copies = copies
        self.report = report
        self.workers = workers
        self.committer = committer
        self.bar = bar
        self.on_commit = on_commit
        self.in_flight = 0
        self.workers_running = workers.count
        self.jobs: dict[int, _Job] = {}
        self.job_numbers = iter(range(1, sys.maxsize))
        self.deletions: list[tuple[str, str]] = []
        self.forgotten: list[str] = []
        self.finished: list[tuple[str, str, int, int, str]] = []
        self.pending_per_source: dict[str, int] = {}
        self.waiting_sources: dict[str, SourceFile] = {}
        self.chunk: list[tuple] = []

    # -- plan items
    def take(self, item: tuple) -> None:
        """Apply one plan item: dispatch articles to the workers, keep the rest for the next commit."""
        kind, payload, source = item[:3]
        if kind == "article":
            self.pending_per_source[source] = self.pending_per_source.get(source, 0) + 1
            self.chunk.append(item)
            if len(self.chunk) >= CHUNK_SIZE:
                self.send_chunk()
        elif kind == "unchanged":
            self.report.unchanged += payload
        elif kind == "failure":
            self.report.failed.append((payload.id, payload.reason))
        elif kind == "warning":
            self.report.warnings.append(payload.reason)
        elif kind == "delete":
            # A source is only complete once its deletions are committed too: a crash between
            # recording it as unchanged and deleting its vanished articles would keep them forever.
            self.pending_per_source[source] = self.pending_per_source.get(source, 0) + 1
            self.deletions.append((payload, source))
        elif kind == "forget":
            self.forgotten.append(payload)
        elif kind == "source":
            self.source_done(payload)

    def send_chunk(self) -> None:
        if self.chunk:
            self.in_flight += len(self.chunk)
            self.workers.submit(self.chunk)
            self.chunk = []
        while (event := self.workers.next_event(0)) is not None:
            self.handle(event)
        while self.in_flight >= MAX_IN_FLIGHT:
            self.handle(self.workers.next_event())

    def source_done(self, src: SourceFile) -> None:
        # A source is complete once all its changed articles are committed (or failed) and the
        # articles it no longer holds are deleted.
        if self.pending_per_source.get(src.rel, 0) == 0:
            self.finished.append((src.rel, src.root, src.size, src.mtime_ns, src.meta))
        else:
            self.waiting_sources[src.rel] = src

    def _settle(self, source: str) -> None:
        self.pending_per_source[source] -= 1
        if self.pending_per_source[source] == 0 and source in self.waiting_sources:
            src = self.waiting_sources.pop(source)
            self.finished.append((src.rel, src.root, src.size, src.mtime_ns, src.meta))

    # -- events
    def handle(self, event: tuple) -> None:
        kind = event[0]
        if kind == "acks":
            _kind, count, failures = event
            self.in_flight -= count
            self.bar.update(count - len(failures))
            for failure, source in failures:
                self.report.failed.append((failure.id, failure.reason))
                self._settle(source)
        elif kind == "segment":
            self.submit_job(event[1])
        elif kind == "committed":
            self.committed(*event[1:])
        elif kind == "done":
            self.workers_running -= 1
        elif kind == "error":
            raise RuntimeError(f"an indexing worker failed:\n{event[1]}")

    def submit_job(self, staged: StagedSegment | None) -> None:
        job = _Job(next(self.job_numbers), staged, self.deletions, self.forgotten)
        self.deletions, self.forgotten = [], []
        self.jobs[job.number] = job
        if self.copies is not None:
            # Before the Whoosh commit, so that no search sees the new generation with old clusters
            # (results are cached per generation).  Searches ignore rows of articles the index does
            # not hold yet; after a crash the rerun sends the same articles and rewrites their rows.
            self.copies.update(staged.signatures if staged else [], [d for d, _src in job.deletions])
        self.committer.jobs.put(job)

    def committed(self, number: int, error: BaseException | None) -> None:
        job = self.jobs.pop(number)
        if error is not None:
            raise error
        if job.staged or job.deletions:
            self.report.commits += 1
        for record in job.records:
            self._settle(record[1])
        for _id, source in job.deletions:
            self._settle(source)
        finished, self.finished = self.finished, []
        self.manifest.record_batch(job.records, [d for d, _src in job.deletions], finished, job.forgotten)
        self.report.indexed += len(job.records)
        self.report.deleted += len(job.deletions)
        self.bar.set_postfix_str(f"committed {self.report.indexed}", refresh=False)
        if self.on_commit and (job.staged or job.deletions):
            self.on_commit(len(job.records), self.report.indexed)

    def drain(self) -> None:
        """After the plan: finish the workers, commit what is left, wait for every commit."""
        self.send_chunk()
        self.workers.finish()
        while self.workers_running:
            self.handle(self.workers.next_event())
        while self.jobs:
            self.handle(self.workers.next_event())
        if self.deletions or self.forgotten or self.finished:
            self.submit_job(None)
            while self.jobs:
                self.handle(self.workers.next_event())
        if self.report.indexed:
            self.workers.join()  # their memory is freed before the merge takes its own
            self.bar.set_postfix_str(f"committed {self.report.indexed}, merging segments", refresh=True)
            job = _Job(next(self.job_numbers), None, [], [], final_merge_added=self.report.indexed)
            self.jobs[job.number] = job
            self.committer.jobs.put(job)
            while self.jobs:
                self.handle(self.workers.next_event())


def wants_final_merge(segments: list, added: int) -> bool:
    """Whether a run that added ``added`` documents ends by merging ``segments`` into one.

    One segment makes every search cheaper: each query term is looked up once per segment, and
    at 8 segments those look-ups were a fifth of a rare word's search (docs/performance.md).  A
    run merges everything when its own documents are at least FINAL_MERGE_SHARE of the index's
    live ones: each full merge then follows a doubling of the index, so the rewrites add up to
    at most about twice the archive over its life.  Small updates keep merge_policy's tiers.
    """
    live = sum(seg.doc_count() for seg in segments)
    return (len(segments) > 1 and live <= FINAL_MERGE_MAX_DOCS
            and added >= FINAL_MERGE_SHARE * live)


def merge_policy(writer, segments: list) -> list:
    """Tiered merging: rewrite as little as possible while the segment count stays logarithmic.

    ``segments`` includes the segment being committed.  A segment's tier is the number of decimal
    digits of its document count; when a tier holds MERGE_FACTOR segments, they are merged into
    one (which lands in the next tier).  Each document is thus rewritten about once per tier, and
    an index keeps at most MERGE_FACTOR - 1 segments per tier (8 for the 37,554 AllSides articles
    in segments of 5,000; 15 or so at 300k).

    Whoosh's default (MERGE_SMALL) re-merges the growing segments at almost every commit; the
    previous policy here (merge the smallest whenever more than 10 segments) rewrote 1,000,000
    documents over 60 commits of 5,000, this one 300,000 (simulated in the tests).  Segments that
    are mostly deleted documents are always rewritten.  Merged segments are added to ``writer``,
    whose own new segment holds them.
    """
    def mostly_deleted(seg) -> bool:
        return seg.deleted_count() * 2 > seg.doc_count_all()

    merge = [seg for seg in segments if mostly_deleted(seg)]
    tiers: dict[int, list] = {}
    for seg in segments:
        if not mostly_deleted(seg):
            tiers.setdefault(len(str(seg.doc_count_all())), []).append(seg)
    for tier in sorted(tiers):
        if len(tiers[tier]) >= MERGE_FACTOR:
            merge += tiers[tier]
            break  # one tier per commit keeps each commit short
    if not merge:
        return segments
    for seg in merge:
        writer.add_reader(SegmentReader(writer.storage, writer.schema, seg))
    merged = {id(seg) for seg in merge}
    return [seg for seg in segments if id(seg) not in merged]


def _plan(paths: Iterable[str | Path], manifest: Manifest,
          clock: Callable[[], float] = time.time) -> Iterator[tuple]:
    """Yield work items in archive order: articles to extract and the bookkeeping around them.

    Items are plain tuples (kind, payload, source, digest), applied in order by :meth:`_Run.take`;
    articles carry a fifth member, the time they entered the index (seconds since the epoch): kept
    from the manifest for an article already indexed (re-extracted or changed), ``clock()`` for a
    new one, so a feed of newly indexed articles does not fill up when an article is rewritten.
    """
    seen_sources: set[str] = set()
    roots: set[str] = set()
    for found in discover(paths):
        if isinstance(found, ReadWarning):  # a sidecar problem: nothing to index or delete
            yield ("warning", found, None, None)
            continue
        if isinstance(found, ReadFailure):
            yield ("failure", found, None, None)
            continue
        src = found
        roots.add(src.root)
        seen_sources.add(src.rel)
        known = manifest.article_hashes(src.rel)
        if manifest.source_fingerprint(src.rel) == (src.size, src.mtime_ns, src.meta):
            yield ("unchanged", len(known), src.rel, None)
            continue
        produced: set[str] = set()
        times = manifest.indexed_times(src.rel) if known else {}
        for item in read_source(src):
            if isinstance(item, ReadFailure):
                yield ("failure", item, src.rel, None)
                continue
            produced.add(item.id)
            digest = content_hash(item)
            if known.get(item.id) == digest:
                yield ("unchanged", 1, src.rel, None)
            else:
                yield ("article", item, src.rel, digest, times.get(item.id) or int(clock()))
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
    clock: Callable[[], float] = time.time,
) -> IndexReport:
    """Index (or incrementally update) the articles under ``paths`` into ``index_dir``.

    ``jobs`` worker processes extract articles and build segments of ``batch_size`` articles
    (default: one per CPU; 1 runs everything in this process, with commits in a thread).
    ``on_commit(batch_count, total_indexed)`` is called after each durable commit.  ``clock``
    gives the indexed-at time of new articles (seconds since the epoch; tests inject one).
    """
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such archive path: {', '.join(missing)}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    index_dir = Path(index_dir)
    if rebuild:
        wipe_index(index_dir)
    ix = open_or_create_index(index_dir)
    remove_stale_staging(index_dir)
    report = IndexReport()
    started = time.perf_counter()
    jobs = jobs or os.cpu_count() or 1
    config = _WorkerConfig(str(index_dir), alias_path, batch_size, limit_mb, os.getpid())
    with Manifest(index_dir) as manifest, CopyClusters(index_dir) as copies:
        # Fingerprints vouch for extraction output too: a new extractor re-reads every source.
        manifest.require_extraction_version(str(EXTRACTION_VERSION))
        bar = _progress_bar(progress)
        if jobs > 1:
            workers = _ProcessWorkers(config, ix.schema, jobs)
            committer = _Committer(ix, index_dir, workers.events, lock_timeout=lock_timeout,
                                   limit_mb=limit_mb, context=workers.context)
            workers.watch(committer.runner)
        else:
            workers = _InlineWorkers(config, ix.schema)
            committer = _Committer(ix, index_dir, workers.events, lock_timeout=lock_timeout,
                                   limit_mb=limit_mb)
        committer.start()
        run = _Run(manifest, report, workers, committer, bar, on_commit, copies)
        try:
            for item in _plan(paths, manifest, clock):
                run.take(item)
            run.drain()
        finally:
            committer.stop()
            workers.close()
            bar.close()
            for job in run.jobs.values():
                if job.staged:
                    discard(job.staged)
            _remove_run_staging(index_dir, os.getpid())
    report.seconds = time.perf_counter() - started
    return report


def _remove_run_staging(index_dir: Path, owner: int) -> None:
    """Delete what the run of pid ``owner`` left in the staging folder (unfinished segments)."""
    root = index_dir / STAGING_DIR
    if root.is_dir():
        for entry in root.glob(f"{owner}-*"):
            shutil.rmtree(entry, ignore_errors=True)
        with contextlib.suppress(OSError):  # not empty: another run is staging segments here
            root.rmdir()


def _progress_bar(enabled: bool):
    from tqdm import tqdm

    return tqdm(desc="indexing", unit=" articles", disable=not enabled, file=sys.stderr, smoothing=0.1)


def wipe_index(index_dir: Path) -> None:
    """Delete a Dateline index directory (refuses folders that hold anything else).

    Whatever a killed run leaves (``index.layout``) counts as part of the index, so the rebuild
    that every damaged-index message recommends works after a crash too.
    """
    if not index_dir.exists():
        return
    foreign = foreign_entries(index_dir)
    if foreign:
        more = f" (and {len(foreign) - 1} more)" if len(foreign) > 1 else ""
        raise ValueError(f"refusing to wipe {index_dir}: {foreign[0]!r}{more} "
                         "is not part of a Dateline index")
    shutil.rmtree(index_dir)

