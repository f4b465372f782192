"""Incremental indexing: unchanged skipped, changed replaced, removed deleted, failures reported."""

import json
import os
import queue

import pytest
from whoosh.query import Term

from index import writer
from index.manifest import MANIFEST_NAME, Manifest
from index.segments import STAGING_DIR
from index.storage import open_index
from index.writer import index_paths
from search import schema as S


def write(path, title, body):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def ids(index_dir):
    with open_index(index_dir).searcher() as searcher:
        return sorted(f[S.ID] for f in searcher.all_stored_fields())


def run(paths, index_dir, **kw):
    return index_paths(paths, index_dir, jobs=1, progress=False, **kw)


def test_incremental_rules(tmp_path):
    archive = tmp_path / "news"
    write(archive / "a.txt", "Alpha", "Lavrov said the talks continue.")
    write(archive / "b.txt", "Beta", "Peskov said nothing new.")
    (archive / "c.jsonl").write_text(
        json.dumps({"title": "Gamma", "text": "First record."})
        + "\n"
        + json.dumps({"title": "Delta", "text": "Second record."})
        + "\n",
        encoding="utf-8",
    )
    index_dir = tmp_path / "ix"

    first = run([archive], index_dir)
    assert (first.indexed, first.unchanged, first.deleted, first.failed) == (4, 0, 0, [])
    assert ids(index_dir) == ["news/a.txt", "news/b.txt", "news/c.jsonl#1", "news/c.jsonl#2"]

    again = run([archive], index_dir)
    assert (again.indexed, again.unchanged, again.deleted) == (0, 4, 0)

    write(archive / "a.txt", "Alpha v2", "Lavrov said the talks ended.")
    (archive / "b.txt").unlink()
    (archive / "c.jsonl").write_text(
        json.dumps({"title": "Gamma", "text": "First record."}) + "\n", encoding="utf-8"
    )
    os.utime(archive / "c.jsonl", ns=(1, 1))  # a different mtime, same first line: re-read, hash unchanged
    third = run([archive], index_dir)
    assert (third.indexed, third.unchanged, third.deleted) == (1, 1, 2)
    assert ids(index_dir) == ["news/a.txt", "news/c.jsonl#1"]
    with open_index(index_dir).searcher() as searcher:
        assert searcher.document(**{S.ID: "news/a.txt"})[S.TITLE] == "Alpha v2"


def test_other_roots_are_left_alone(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    write(one / "a.txt", "One", "First archive.")
    write(two / "b.txt", "Two", "Second archive.")
    index_dir = tmp_path / "ix"
    run([one], index_dir)
    run([two], index_dir)
    assert ids(index_dir) == ["one/a.txt", "two/b.txt"]


def test_malformed_file_is_reported_and_the_rest_indexed(tmp_path):
    archive = tmp_path / "news"
    write(archive / "good.txt", "Good", "A fine article.")
    (archive / "bad.json").write_text('{"title": "Broken", "text": ', encoding="utf-8")
    index_dir = tmp_path / "ix"
    report = run([archive], index_dir)
    assert report.indexed == 1
    assert [article_id for article_id, _reason in report.failed] == ["news/bad.json"]
    assert ids(index_dir) == ["news/good.txt"]


def test_batches_commit_and_manifest_follows(tmp_path):
    archive = tmp_path / "news"
    for i in range(7):
        write(archive / f"{i}.txt", f"Story {i}", f"Body {i}.")
    index_dir = tmp_path / "ix"
    committed = []
    report = run([archive], index_dir, batch_size=3, on_commit=lambda n, total: committed.append(total))
    assert committed == [3, 6, 7]
    assert report.commits == 3
    with Manifest(index_dir) as manifest:
        assert manifest.article_count() == 7


def test_rebuild_starts_from_scratch(tmp_path):
    archive = tmp_path / "news"
    write(archive / "a.txt", "A", "Text.")
    index_dir = tmp_path / "ix"
    run([archive], index_dir)
    report = run([archive], index_dir, rebuild=True)
    assert (report.indexed, report.unchanged) == (1, 0)


def test_parallel_extraction_gives_the_same_index(tmp_path, sample_archive):
    serial = index_paths([sample_archive], tmp_path / "serial", jobs=1, progress=False)
    parallel = index_paths([sample_archive], tmp_path / "parallel", jobs=2, progress=False)
    assert serial.indexed == parallel.indexed == 5
    assert ids(tmp_path / "serial") == ids(tmp_path / "parallel")


def test_workers_build_segments_that_commits_publish(tmp_path):
    archive = tmp_path / "news"
    for i in range(40):
        write(archive / f"{i:02d}.txt", f"Story {i}", f"Idlib body {i}.")
    index_dir = tmp_path / "ix"
    committed = []
    report = index_paths([archive], index_dir, jobs=2, batch_size=5, progress=False,
                         on_commit=lambda n, total: committed.append((n, total)))
    assert report.indexed == 40
    assert report.commits == len(committed) >= 8  # at least 40 / 5 segments, one commit each
    assert all(n <= 5 for n, _total in committed) and committed[-1][1] == 40
    assert ids(index_dir) == sorted(f"news/{i:02d}.txt" for i in range(40))
    ix = open_index(index_dir)
    assert len(ix._segments()) == 1  # the run added every document: it ends with a final merge
    with ix.searcher() as searcher:
        assert len(list(searcher.docs_for_query(Term(S.BODY, "idlib")))) == 40
    assert not (index_dir / STAGING_DIR).exists()
    generation = ix.latest_generation()
    again = index_paths([archive], index_dir, jobs=2, batch_size=5, progress=False)
    assert (again.indexed, again.unchanged) == (0, 40)
    assert open_index(index_dir).latest_generation() == generation  # nothing added: no merge


def test_a_run_adding_half_the_index_or_more_ends_with_one_segment(tmp_path):
    """A first build merges its segments into one; a run adding less than half of the live
    documents keeps the tiers (its segment stays apart); one adding half again merges."""
    archive = tmp_path / "news"
    for i in range(12):
        write(archive / f"{i:02d}.txt", f"Story {i}", f"Idlib body {i}.")
    index_dir = tmp_path / "ix"
    index_paths([archive], index_dir, jobs=1, batch_size=4, progress=False)
    assert [seg.doc_count() for seg in open_index(index_dir)._segments()] == [12]
    for i in range(12, 17):  # 5 new of 17
        write(archive / f"{i:02d}.txt", f"Story {i}", f"Idlib body {i}.")
    index_paths([archive], index_dir, jobs=1, batch_size=4, progress=False)
    assert [seg.doc_count() for seg in open_index(index_dir)._segments()] == [12, 4, 1]
    for i in range(17, 34):  # 17 new of 34: half
        write(archive / f"{i:02d}.txt", f"Story {i}", f"Idlib body {i}.")
    index_paths([archive], index_dir, jobs=1, batch_size=4, progress=False)
    ix = open_index(index_dir)
    assert [seg.doc_count() for seg in ix._segments()] == [34]
    with ix.searcher() as searcher:
        assert len(list(searcher.docs_for_query(Term(S.BODY, "idlib")))) == 34
    assert ids(index_dir) == sorted(f"news/{i:02d}.txt" for i in range(34))


@pytest.mark.parametrize(("sizes", "added", "merges"), [
    ([5000, 5000, 2000], 12000, True),   # a first build
    ([30000, 5000], 5000, False),        # an update of a seventh
    ([20000, 20000], 20000, True),       # an archive doubled
    ([12000], 12000, False),             # one segment already
    ([600_000, 500_000], 500_000, False),  # past FINAL_MERGE_MAX_DOCS: tiers only
])
def test_wants_final_merge(sizes, added, merges):
    assert writer.wants_final_merge([_FakeSegment(n) for n in sizes], added) is merges


def test_a_changed_article_replaces_its_committed_version_across_segments(tmp_path):
    archive = tmp_path / "news"
    for i in range(6):
        write(archive / f"{i}.txt", f"Story {i}", "First version.")
    index_dir = tmp_path / "ix"
    run([archive], index_dir, batch_size=2)
    write(archive / "0.txt", "Story 0", "Second version.")
    write(archive / "5.txt", "Story 5", "Second version.")
    assert run([archive], index_dir, batch_size=2).indexed == 2
    assert ids(index_dir) == [f"news/{i}.txt" for i in range(6)]
    with open_index(index_dir).searcher() as searcher:
        assert sorted(searcher.document(**{S.ID: f"news/{i}.txt"})[S.BODY] for i in (0, 5)) == [
            "Second version.", "Second version."]


def test_leftover_staging_of_a_dead_run_is_removed(tmp_path):
    archive = tmp_path / "news"
    write(archive / "a.txt", "A", "Text.")
    index_dir = tmp_path / "ix"
    run([archive], index_dir)
    leftover = index_dir / STAGING_DIR / "999999999-abc"  # above any pid_max: a dead run
    leftover.mkdir(parents=True)
    (leftover / "MAIN_x.seg").write_bytes(b"partial")
    write(archive / "b.txt", "B", "More text.")
    assert run([archive], index_dir).indexed == 1
    assert not leftover.exists()


class _FakeSegment:
    def __init__(self, docs, deleted=0):
        self.docs, self.deleted = docs, deleted

    def doc_count_all(self):
        return self.docs

    def deleted_count(self):
        return self.deleted

    def doc_count(self):
        return self.docs - self.deleted


@pytest.mark.parametrize(
    ("sizes", "deleted", "merged"),
    [
        ([5000] * 9, [], []),  # a tier below the factor: nothing to do
        ([5000] * 9 + [4000], [], [4000] + [5000] * 9),  # ten of one tier (4 digits) merge into one
        ([5000] * 9 + [50_000] * 9 + [4000], [], [4000] + [5000] * 9),  # the lowest full tier only
        ([5000] * 3, [2], [2]),  # a mostly deleted segment is always rewritten
        ([7, 8, 9, 12], [], []),  # tiers 1 and 2 hold 3 and 1
    ],
)
def test_merge_policy_merges_full_tiers(monkeypatch, sizes, deleted, merged):
    added = []
    fake_writer = type("W", (), {"add_reader": lambda self, r: added.append(r), "storage": None,
                                 "schema": None})()
    monkeypatch.setattr(writer, "SegmentReader", lambda storage, schema, seg: seg)
    segments = [_FakeSegment(n) for n in sizes] + [_FakeSegment(d, deleted=d) for d in deleted]
    kept = writer.merge_policy(fake_writer, segments)
    assert sorted(seg.docs for seg in added) == sorted(merged)
    assert sorted(seg.docs for seg in kept + added) == sorted(sizes + deleted)


def test_merging_stays_logarithmic_over_a_long_run(monkeypatch):
    """60 commits of 5,000 articles (300k): each document rewritten once, 6 segments left."""
    added = []
    fake_writer = type("W", (), {"add_reader": lambda self, r: added.append(r), "storage": None,
                                 "schema": None})()
    monkeypatch.setattr(writer, "SegmentReader", lambda storage, schema, seg: seg)
    segments, rewritten = [], 0
    for _commit in range(60):
        added.clear()
        segments = writer.merge_policy(fake_writer, [*segments, _FakeSegment(5000)])
        if added:  # the writer's new segment holds the merged ones
            rewritten += sum(seg.docs for seg in added)
            segments.append(_FakeSegment(sum(seg.docs for seg in added)))
    assert sorted(seg.docs for seg in segments) == [50_000] * 6
    assert rewritten == 300_000


def test_a_source_is_recorded_unchanged_only_after_its_deletions_are_committed():
    """A commit of earlier work must not record a source whose deletions are still pending:
    a crash right after would leave its vanished articles in the index for good."""
    from pathlib import Path

    from index.readers.sources import SourceFile
    from index.segments import StagedSegment

    class Workers:
        count = 1

        def submit(self, chunk):
            pass

    class Committer:
        def __init__(self):
            self.jobs = queue.Queue()

    class RecordingManifest:
        def __init__(self):
            self.finished = []

        def record_batch(self, records, deletions, finished, forgotten):
            self.finished.append(([rel for rel, *_ in finished], deletions))

    manifest = RecordingManifest()
    run = writer._Run(manifest, writer.IndexReport(), Workers(), Committer(), _NoBar(), None)
    run.take(("article", object(), "news/a.txt", "h1"))
    run.handle(("segment", StagedSegment(None, "", [("news/a.txt", "news/a.txt", "h1")])))  # job 1
    run.take(("delete", "news/b.jsonl#2", "news/b.jsonl", None))
    source = SourceFile(Path("b.jsonl"), "news", "news/b.jsonl", 1, 1, "jsonl")
    run.take(("source", source, "news/b.jsonl", None))
    run.handle(("committed", 1, None))
    assert manifest.finished == [([], [])]  # b.jsonl not complete yet: its deletion is in no commit
    run.submit_job(None)  # job 2 carries the deletion
    run.handle(("committed", 2, None))
    assert manifest.finished[-1] == (["news/b.jsonl"], ["news/b.jsonl#2"])


class _NoBar:
    def update(self, n):
        pass

    def set_postfix_str(self, text, refresh=False):
        pass


def test_articles_committed_but_missing_from_the_manifest_are_replaced_not_duplicated(tmp_path):
    # A crash between a commit and its manifest record leaves articles in the index that the next
    # run takes for new: their committed copies must still be deleted.
    archive = tmp_path / "news"
    for i in range(4):
        write(archive / f"{i}.txt", f"Story {i}", "Idlib talks.")
    index_dir = tmp_path / "ix"
    run([archive], index_dir, batch_size=2)
    (index_dir / MANIFEST_NAME).unlink()
    assert run([archive], index_dir, batch_size=2).indexed == 4
    assert ids(index_dir) == [f"news/{i}.txt" for i in range(4)]
    with open_index(index_dir).searcher() as searcher:
        assert len(list(searcher.docs_for_query(Term(S.BODY, "idlib")))) == 4


def test_the_committer_releases_the_heap_after_each_commit(tmp_path, monkeypatch):
    """Each commit (the final merge too) is followed by one ``malloc_trim`` (counted; skipped
    where glibc is absent)."""
    trims = []
    monkeypatch.setattr(writer, "_MALLOC_TRIM", lambda pad: trims.append(pad) or 1)
    archive = tmp_path / "news"
    for i in range(7):
        write(archive / f"{i}.txt", f"Story {i}", f"Body {i}.")
    report = run([archive], tmp_path / "ix", batch_size=3)
    assert report.commits == 3
    assert trims == [0, 0, 0, 0]
    monkeypatch.setattr(writer, "_MALLOC_TRIM", None)
    assert writer.release_heap() is False and trims == [0, 0, 0, 0]


def test_release_heap_calls_glibcs_malloc_trim():
    """On glibc (this project's Linux builds) the real ``malloc_trim`` is found and callable."""
    import platform

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not a glibc system")
    assert writer.release_heap() is True


def test_worker_gc_policy_freezes_and_sets_the_worker_thresholds():
    # In a fresh interpreter: the policy changes process-wide state this test process keeps.
    import subprocess
    import sys

    code = ("import gc; from index.writer import WORKER_GC_THRESHOLDS, use_worker_gc_policy;"
            "use_worker_gc_policy();"
            "print(gc.get_threshold() == WORKER_GC_THRESHOLDS, gc.get_freeze_count() > 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                          cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    assert done.stdout.split() == ["True", "True"]


def test_a_worker_extracts_its_whole_chunk_before_adding_it_in_order(tmp_path, monkeypatch):
    """``_SegmentWorker.handle`` extracts every article of a chunk, then adds their documents in
    the chunk's order (the adds find the vocabulary warm); a failed extraction is acknowledged
    and skipped, the segment still flushes at its size."""
    from index.article import Article
    from index.storage import open_or_create_index

    events = []
    real_extract, real_add = writer.extract, writer.SegmentBuilder.add

    def extract(article, aliases):
        events.append(("extract", article.id))
        if article.id == "b":
            raise ValueError("broken")
        return real_extract(article, aliases)

    def add(self, doc, record):
        events.append(("add", record[0]))
        return real_add(self, doc, record)

    monkeypatch.setattr(writer, "extract", extract)
    monkeypatch.setattr(writer.SegmentBuilder, "add", add)
    ix = open_or_create_index(tmp_path)
    emitted = []
    config = writer._WorkerConfig(str(tmp_path), None, 2, 64, os.getpid())
    worker = writer._SegmentWorker(config, ix.schema, emitted.append)
    articles = [Article(id=name, path=f"{name}.txt", title=f"Talks {name}", body="Idlib talks resumed.")
                for name in "abcd"]
    chunk = [("article", article, "src", "digest", 0) for article in articles]
    worker.handle(chunk)
    assert events == [("extract", "a"), ("extract", "b"), ("extract", "c"), ("extract", "d"),
                      ("add", "a"), ("add", "c"), ("add", "d")]
    assert [kind for kind, *_rest in emitted] == ["segment", "acks"]
    assert emitted[0][1].ids == ["a", "c"] and emitted[1][1] == 4 and len(emitted[1][2]) == 1
    worker.flush()
    assert emitted[-1][1].ids == ["d"]
