"""Concurrency and crashes: kill -9 mid-run, two indexers at once, searches during commits.

The long versions are scripts (``scripts/crash_test.py`` with 20 kills); here each guarantee is
checked at a size that runs in seconds.
"""

from __future__ import annotations

import importlib.util
import json
import os
import random
import subprocess
import sys
import threading
import urllib.request
from pathlib import Path

from index.storage import open_index
from index.writer import index_paths
from webui import create_app

REPO = Path(__file__).resolve().parents[1]


def _load_script(name: str):
    spec = importlib.util.spec_from_file_location(name, REPO / "scripts" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


crash_test = _load_script("crash_test")


def _dateline(*args: str, timeout: float = 300) -> subprocess.Popen:
    cmd = [sys.executable, "-c", "from webui.cli import main; main()", *args]
    return subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={"TQDM_DISABLE": "1", **os.environ})


def _ids(index_dir: Path) -> list[str]:
    with open_index(index_dir).searcher() as searcher:
        return [fields["id"] for fields in searcher.all_stored_fields()]


def test_kill_9_at_random_moments_loses_no_reported_commit(tmp_path):
    """Three rounds of scripts/crash_test.py: every check of the 20-round script, smaller."""
    report = crash_test.crash_rounds(tmp_path, rounds=3, per_round=40, batch_size=10, seed=11,
                                     log=lambda line: None)
    assert sum(r.killed for r in report.rounds) == 3
    assert report.final_docs == report.articles == 40 * (len(report.rounds) + 1)


def test_two_indexers_at_once_both_archives_fully_indexed(tmp_path):
    rng = random.Random(3)
    crash_test.write_articles(tmp_path / "alpha", 0, 60, rng)
    crash_test.write_articles(tmp_path / "beta", 1000, 60, rng)
    index_dir = tmp_path / "index"
    runs = [_dateline("index", str(tmp_path / name), "--index", str(index_dir), "--jobs", "1",
                      "--batch-size", "5", "--lock-timeout", "120") for name in ("alpha", "beta")]
    outputs = [run.communicate(timeout=300) for run in runs]
    for run, (_out, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
        assert "Traceback" not in err
    ids = _ids(index_dir)
    assert len(ids) == len(set(ids)) == 120
    assert sum(i.startswith("alpha/") for i in ids) == 60 and sum(i.startswith("beta/") for i in ids) == 60


def test_second_indexer_waits_for_the_lock_then_finishes(tmp_path, sample_archive):
    index_dir = tmp_path / "index"
    index_paths([sample_archive], index_dir, jobs=1, progress=False)
    crash_test.write_articles(tmp_path / "more", 0, 5, random.Random(1))
    holder = open_index(index_dir).writer()  # holds the write lock, as a batch of another run would
    run = _dateline("index", str(tmp_path / "more"), "--index", str(index_dir), "--jobs", "1",
                    "--lock-timeout", "60")
    # No sleep and no clock: the run says it waits, and is still running while the lock is held.
    announced = next((line for line in run.stderr if "locked by another" in line), "(ended without it)")
    assert "locked by another `dateline index`; waiting up to 60 s" in announced, announced
    assert run.poll() is None, "the second indexer gave up instead of waiting"
    assert len(_ids(index_dir)) == 5, "nothing committed while the lock was held"
    holder.cancel()
    _out, err = run.communicate(timeout=120)
    assert run.returncode == 0, err
    assert len(_ids(index_dir)) == 10


def test_lock_wait_is_bounded_with_a_clear_message(tmp_path, sample_archive):
    index_dir = tmp_path / "index"
    index_paths([sample_archive], index_dir, jobs=1, progress=False)
    crash_test.write_articles(tmp_path / "more", 0, 3, random.Random(2))
    holder = open_index(index_dir).writer()
    try:
        run = _dateline("index", str(tmp_path / "more"), "--index", str(index_dir), "--jobs", "1",
                        "--lock-timeout", "1")
        # The run gives up on its own while the lock is still held (timeout=: a hang guard only).
        _out, err = run.communicate(timeout=120)
    finally:
        holder.cancel()
    assert run.returncode == 1
    assert "held the index lock for more than 1 s" in err and "--lock-timeout" in err
    assert "Traceback" not in err
    assert len(_ids(index_dir)) == 5, "nothing half-written"


def test_1000_searches_during_50_commits_no_errors_and_new_articles_visible(tmp_path, sample_archive):
    index_dir = tmp_path / "index"
    index_paths([sample_archive], index_dir, jobs=1, progress=False)
    incoming = tmp_path / "incoming"
    crash_test.write_articles(incoming, 0, 100, random.Random(4))
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})

    commits: list[int] = []
    writer_done = threading.Event()
    errors: list[str] = []
    totals: list[int] = []

    def write() -> None:
        try:
            index_paths([incoming], index_dir, jobs=1, batch_size=2, progress=False,
                        on_commit=lambda batch, total: commits.append(total))
        except Exception as exc:  # reported through `errors`; the assertion below names it
            errors.append(f"writer: {exc!r}")
        finally:
            writer_done.set()

    def read(worker: int) -> None:
        client = app.test_client()
        queries = ["", "q=minister", "q=ceasefire+OR+summit&sort=newest", "q=dispatch&per_page=5&page=2",
                   "outlet=SouthFront"]
        for n in range(250):
            response = client.get(f"/api/search?{queries[(n + worker) % len(queries)]}")
            if response.status_code != 200:
                errors.append(f"{response.status_code}: {response.get_data(as_text=True)[:200]}")
            elif n % len(queries) == 0 and worker == 0:
                totals.append(response.get_json()["total"])

    readers = [threading.Thread(target=read, args=(w,)) for w in range(4)]
    writer = threading.Thread(target=write)
    writer.start()
    for thread in readers:
        thread.start()
    for thread in readers:
        thread.join(timeout=300)
    writer.join(timeout=300)
    assert writer_done.is_set()
    assert errors == []
    assert len(commits) == 50
    client = app.test_client()  # same app, no restart: the last commit is visible
    assert client.get("/api/search").get_json()["total"] == 105
    assert client.get("/api/search?q=tok000099x").get_json()["total"] == 1
    assert totals == sorted(totals), "a later search saw fewer articles than an earlier one"


def test_memory_script_indexes_in_batches_under_the_cap(tmp_path):
    """scripts/memory_test.py at a small size: the run succeeds, commits per batch, stays under cap."""
    memory_test = _load_script("memory_test")
    code = memory_test.main(["--articles", "300", "--per-file", "100", "--batch-size", "100",
                             "--jobs", "1", "--workdir", str(tmp_path), "--cap-mb", "1024"])
    assert code == 0


def _get_json(url: str) -> dict:
    with urllib.request.urlopen(url, timeout=60) as response:
        return json.load(response)


def test_a_server_searching_during_merging_commits_never_returns_an_article_twice(tmp_path, sample_archive,
                                                                                  dateline_server):
    """Issue 11.1 end to end: a real ``dateline serve`` answers searches while a real ``dateline index``
    makes 30 commits (so segments merge); afterwards every server thread returns each article once.

    Before the fix a refreshed searcher kept the segments a merge had replaced (see
    tests/test_index_storage.py) and ``minister`` gave more hits than articles.
    """
    index_dir = tmp_path / "index"
    index_paths([sample_archive], index_dir, jobs=1, progress=False)
    incoming = tmp_path / "incoming"
    crash_test.write_articles(incoming, 0, 150, random.Random(5))
    base = dateline_server(index_dir)
    indexer = _dateline("index", str(incoming), "--index", str(index_dir), "--jobs", "1",
                        "--batch-size", "5", "--quiet")
    errors: list[str] = []
    searches = [0]

    def search_while_indexing() -> None:
        while indexer.poll() is None:
            try:
                _get_json(f"{base}/api/search?q=minister&per_page=5")
                searches[0] += 1
            except Exception as exc:  # reported through `errors`
                errors.append(repr(exc))

    clients = [threading.Thread(target=search_while_indexing) for _ in range(4)]
    for client in clients:
        client.start()
    _out, err = indexer.communicate(timeout=600)
    for client in clients:
        client.join(timeout=120)
    assert indexer.returncode == 0, err
    assert errors == [] and searches[0] > 0
    # Merges happened: 30 commits of 5 merge into tiers of 10 segments.
    with open_index(index_dir).searcher() as searcher:
        assert len(list(searcher.reader().leaf_readers())) < 30
    # What a freshly opened index answers (the sample archive's articles mention ministers too).
    fresh = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    expected = fresh.get("/api/search?q=minister").get_json()["total"]
    assert expected >= 150
    # Every waitress thread holds its own searcher: ask enough times to reach each of them.
    for _round in range(16):
        ids: list[str] = []
        page = 1
        while True:
            result = _get_json(f"{base}/api/search?q=minister&per_page=100&page={page}")
            ids += [hit["id"] for hit in result["hits"]]
            if page >= result["pages"]:
                break
            page += 1
        assert result["total"] == len(ids) == len(set(ids)) == expected
        with urllib.request.urlopen(f"{base}/api/export?q=minister&format=jsonl", timeout=60) as response:
            rows = [json.loads(line) for line in response.read().decode().splitlines()[1:] if line]
        assert len(rows) == len({row["id"] for row in rows}) == expected
