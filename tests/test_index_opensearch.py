"""Indexing into a real OpenSearch cluster (index.opensearch_writer, issue 13.3).

Each test writes its own index (named after the test) into the session's 3-node cluster
(``opensearch_cluster`` in conftest.py) and deletes it at the end.
"""

from __future__ import annotations

import http.client
import json
import os
import shutil
import subprocess
import sys
import threading
import uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from copy_texts import OTHER, STORY, shuffled

from index.copies import BANDS, NUM_PERM
from index.opensearch_writer import (
    OpenSearchIndexError,
    RetryPolicy,
    connect,
    index_paths_opensearch,
    recluster_opensearch,
)
from index.storage import open_index
from index.writer import index_paths
from search import opensearch_schema as O

pytestmark = pytest.mark.cluster

REPO_ROOT = Path(__file__).resolve().parents[1]

#: Back-off for tests: milliseconds, not seconds.
FAST = RetryPolicy(base=0.01, cap=0.05, total=30.0)



@pytest.fixture(scope="module")
def seeds() -> Path:
    # As conftest.shared_dir: $DATELINE_SHARED or the shared folder next to the repository.
    path = Path(os.environ.get("DATELINE_SHARED", REPO_ROOT.parent / "shared")) / "seeds"
    if not path.is_dir():
        pytest.skip(f"shared seeds not found at {path} (set DATELINE_SHARED)")
    return path


@pytest.fixture
def os_index(opensearch_cluster, request):
    """(url, index name) of a fresh index for this test, deleted afterwards."""
    name = f"t-{request.node.name.lower()[:60]}-{uuid.uuid4().hex[:6]}"
    name = "".join(c if c.isalnum() or c == "-" else "-" for c in name)
    yield opensearch_cluster.url, name
    connect(opensearch_cluster.url).indices.delete(index=name, ignore_unavailable=True)


def _all(url: str, name: str) -> dict[str, dict]:
    """_id -> _source of every document (after a refresh)."""
    client = connect(url)
    client.indices.refresh(index=name)
    hits = client.search(index=name, body={"size": 1000, "query": {"match_all": {}}})["hits"]
    assert hits["total"]["value"] < 1000
    return {hit["_id"]: hit["_source"] for hit in hits["hits"]}


def _index(paths, url, name, **options):
    options.setdefault("progress", False)
    options.setdefault("jobs", 1)
    options.setdefault("shards", 3)
    options.setdefault("replicas", 1)
    options.setdefault("retry", FAST)
    return index_paths_opensearch(paths, url, name, **options)


def _whoosh_ids(paths, tmp_path: Path) -> set[str]:
    index_paths(paths, tmp_path / "whoosh", jobs=1, progress=False)
    with open_index(tmp_path / "whoosh").searcher() as searcher:
        return {fields["id"] for fields in searcher.all_stored_fields()}


def test_seeds_are_indexed_with_the_whoosh_ids_and_every_field(seeds, os_index, tmp_path):
    url, name = os_index
    report = _index([seeds], url, name, jobs=2)
    assert (report.indexed, report.unchanged, report.deleted, report.failed) == (5, 0, 0, [])
    assert (report.actions, report.bulk_requests, report.retries, report.rejected) == (5, 1, 0, 0)
    docs = _all(url, name)
    assert len(docs) == 5
    assert set(docs) == _whoosh_ids([seeds], tmp_path)
    expected_keys = {*O.to_source({"id": "x", "facets": _facets()}, _aliases()), O.ROOT, O.SOURCE_FILE,
                     O.COPY_BANDS, O.COPY_SIGNATURE}
    for doc_id, source in docs.items():
        assert set(source) == expected_keys
        assert source["id"] == doc_id and source[O.ROOT] == "seeds" and source[O.SOURCE_FILE] == doc_id
        assert len(source["hash"]) == 32 and source["body_tokens"] and source["title"]
        assert (source[O.CLUSTER], source[O.IS_ORIGINAL]) == (doc_id, True)
        assert len(source[O.COPY_BANDS]) == BANDS and len(O.copy_signature(source)) == NUM_PERM * 4
    mapping = connect(url).indices.get_settings(index=name)[name]["settings"]["index"]
    assert (mapping["number_of_shards"], mapping["number_of_replicas"]) == ("3", "1")


def _facets() -> str:
    from search.schema import FacetRow

    return FacetRow(day=None, values={}, indexed=0, article="x").encode()


def _aliases():
    from index.extract import AliasTable

    return AliasTable.default()


def test_rerun_change_and_delete_write_only_what_changed(seeds, os_index, tmp_path):
    url, name = os_index
    archive = tmp_path / "seeds"
    shutil.copytree(seeds, archive)
    first = _index([archive], url, name)
    assert (first.indexed, first.actions) == (5, 5)
    before = _all(url, name)

    again = _index([archive], url, name)
    assert (again.indexed, again.unchanged, again.deleted) == (0, 5, 0)
    assert (again.actions, again.bulk_requests, again.refreshes) == (0, 0, 0)

    changed = sorted(archive.iterdir())[1]
    changed.write_text(changed.read_text() + "\nA correction was appended to this article.\n")
    third = _index([archive], url, name)
    assert (third.indexed, third.unchanged, third.deleted) == (1, 4, 0)
    assert (third.actions, third.cluster_updates) == (1, 0)
    after = _all(url, name)
    changed_id = f"seeds/{changed.name}"
    assert set(after) == set(before)
    assert after[changed_id]["hash"] != before[changed_id]["hash"]
    assert after[changed_id]["indexed"] == before[changed_id]["indexed"]  # entered the index then
    assert "correction" in after[changed_id]["body"]
    assert {k: v["hash"] for k, v in after.items() if k != changed_id} == \
        {k: v["hash"] for k, v in before.items() if k != changed_id}

    gone = sorted(archive.iterdir())[3]
    gone.unlink()
    fourth = _index([archive], url, name)
    assert (fourth.indexed, fourth.unchanged, fourth.deleted, fourth.actions) == (0, 4, 1, 1)
    assert set(_all(url, name)) == set(before) - {f"seeds/{gone.name}"}


def _cli(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", "from webui.cli import main; main()", *args],
                            cwd=REPO_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_two_concurrent_runs_over_disjoint_folders_write_the_union(seeds, os_index, tmp_path):
    url, name = os_index
    files = sorted(seeds.iterdir())
    for folder, part in (("part-a", files[:3]), ("part-b", files[3:])):
        (tmp_path / folder).mkdir()
        for f in part:
            shutil.copy(f, tmp_path / folder / f.name)
    # Two `dateline index` processes at once, on an index neither has created yet.
    runs = [_cli("index", "--backend", "opensearch", "--opensearch-url", url, "--index-name", name,
                 "--quiet", "--jobs", "1", str(tmp_path / folder)) for folder in ("part-a", "part-b")]
    outputs = [run.communicate(timeout=300) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    assert "indexed 3," in outputs[0][1] and "indexed 2," in outputs[1][1]
    docs = _all(url, name)
    expected = {f"part-a/{f.name}" for f in files[:3]} | {f"part-b/{f.name}" for f in files[3:]}
    assert set(docs) == expected
    assert connect(url).count(index=name)["count"] == 5  # no duplicates
    # A run over one part never deletes the other's articles.
    (tmp_path / "part-a" / files[0].name).unlink()
    report = _index([tmp_path / "part-a"], url, name)
    assert (report.deleted, report.unchanged, report.indexed) == (1, 2, 0)
    assert set(_all(url, name)) == expected - {f"part-a/{files[0].name}"}
    # Both parts again, in one run: nothing to write.
    both = _index([tmp_path / "part-a", tmp_path / "part-b"], url, name)
    assert (both.unchanged, both.actions) == (4, 0)


class _FlakyProxy:
    """An HTTP proxy in front of a node: refuses some bulk requests, forwards everything else.

    ``plan``: what to do with the 1st, 2nd, ... bulk request: 429 or 503 (the whole request
    refused), "items" (answered 200 with every item rejected 429), or None (forwarded).
    """

    def __init__(self, upstream: str, plan: list, failed_scrolls: int = 0) -> None:
        self.upstream = urlsplit(upstream)
        self.plan = list(plan)
        self.bulk_requests = 0
        #: Scrolls started while this is positive answer as if two of three shards had failed.
        self.failed_scrolls = failed_scrolls
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:
                pass

            def _handle(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else None
                if "/_bulk" in self.path:
                    proxy.bulk_requests += 1
                    action = proxy.plan.pop(0) if proxy.plan else None
                    if action in (429, 503):
                        error = {"error": {"type": "es_rejected_execution_exception",
                                           "reason": "rejected by the test proxy"}, "status": action}
                        return self._reply(action, json.dumps(error).encode())
                    if action == "items":
                        return self._reply(200, json.dumps(_rejected_items(body)).encode())
                conn = http.client.HTTPConnection(proxy.upstream.hostname, proxy.upstream.port, timeout=60)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(self.command, self.path, body=body, headers=headers)
                response = conn.getresponse()
                data = response.read()
                if "/_search" in self.path and "scroll=" in self.path and proxy.failed_scrolls > 0:
                    proxy.failed_scrolls -= 1
                    answer = json.loads(data)
                    answer["_shards"] = {"total": 3, "successful": 1, "skipped": 0, "failed": 2}
                    data = json.dumps(answer).encode()
                self._reply(response.status, data, response.getheader("Content-Type"))
                conn.close()

            def _reply(self, status: int, data: bytes, content_type: str | None = "application/json") -> None:
                self.send_response(status)
                self.send_header("Content-Type", content_type or "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = _handle

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


def _rejected_items(body: bytes) -> dict:
    """A bulk response rejecting every action of ``body`` with 429."""
    items, lines = [], body.decode("utf-8").splitlines()
    n = 0
    while n < len(lines):
        meta = json.loads(lines[n])
        ((op, info),) = meta.items()
        items.append({op: {"_id": info.get("_id"), "status": 429, "error": {
            "type": "es_rejected_execution_exception", "reason": "queue full (test proxy)"}}})
        n += 1 if op == "delete" else 2
    return {"took": 1, "errors": True, "items": items}


def test_refused_bulk_requests_are_retried_with_backoff(seeds, os_index):
    url, name = os_index
    proxy = _FlakyProxy(url, [429, 429, 429, 503, None, "items"])
    try:
        report = _index([seeds], proxy.url, name, batch_size=2)
    finally:
        proxy.close()
    # 3 rounds (2 + 2 + 1 articles): the first sent 5 times, the second twice (items rejected).
    assert (report.indexed, report.failed, report.rejected) == (5, [], 0)
    assert (report.bulk_requests, proxy.bulk_requests, report.retries, report.actions) == (8, 8, 5, 5)
    assert len(_all(url, name)) == 5


def test_a_scroll_that_lost_shards_is_started_again(seeds, os_index):
    """A node lost while a run reads the index fails shards of a scroll (the failover test's
    ScanError): the scroll starts over after a back-off instead of failing the run."""
    url, name = os_index
    assert _index([seeds], url, name).indexed == 5
    proxy = _FlakyProxy(url, [], failed_scrolls=1)
    try:
        report = _index([seeds], proxy.url, name, retry=RetryPolicy(base=0.01, cap=0.02, total=5.0))
    finally:
        proxy.close()
    assert proxy.failed_scrolls == 0  # the failure was served
    assert (report.indexed, report.unchanged, report.failed, report.retries) == (0, 5, [], 1)
    assert len(_all(url, name)) == 5


def test_documents_still_refused_after_the_retry_time_fail_the_run(seeds, os_index):
    url, name = os_index
    proxy = _FlakyProxy(url, [429] * 1000)
    try:
        with pytest.raises(OpenSearchIndexError, match=r"5 actions still failing after \d+ .*HTTP 429"):
            _index([seeds], proxy.url, name, retry=RetryPolicy(base=0.01, cap=0.02, total=0.2))
    finally:
        proxy.close()


def test_unreachable_cluster_and_incompatible_index(seeds, os_index):
    with pytest.raises(OpenSearchIndexError, match=r"cannot reach OpenSearch at http://127\.0\.0\.1:9"):
        _index([seeds], "http://127.0.0.1:9", "dateline")
    url, name = os_index
    connect(url).indices.create(index=name, body={"mappings": {"properties": {"id": {"type": "text"}}}})
    with pytest.raises(OpenSearchIndexError, match=r"id is text, not keyword.*--rebuild"):
        _index([seeds], url, name)
    report = _index([seeds], url, name, rebuild=True)
    assert report.indexed == 5 and len(_all(url, name)) == 5


def test_ids_longer_than_512_bytes_are_hashed(os_index, tmp_path):
    url, name = os_index
    folder = tmp_path / "long" / ("a" * 200) / ("b" * 200) / ("c" * 150)
    folder.mkdir(parents=True)
    (folder / "story.txt").write_text("A headline\n\n" + STORY)
    _index([tmp_path / "long"], url, name)
    ((doc_id, source),) = _all(url, name).items()
    assert len(source["id"].encode()) > 512 and source["id"].endswith("/story.txt")
    assert doc_id == O.doc_id(source["id"]) and doc_id.startswith("sha256:")
    again = _index([tmp_path / "long"], url, name)
    assert (again.unchanged, again.actions) == (1, 0)


def _article(folder: Path, name: str, body: str, date: str | None, outlet: str) -> None:
    record = {"title": f"Idlib story {name}", "body": body, "outlet": outlet}
    if date:
        record["date"] = date
    (folder / f"{name}.json").write_text(json.dumps(record))


def _clusters(url: str, name: str) -> dict[str, tuple[str, bool]]:
    return {doc_id: (s[O.CLUSTER], s[O.IS_ORIGINAL]) for doc_id, s in _all(url, name).items()}


def test_copy_clusters_original_is_the_earliest_dated_member(os_index, tmp_path):
    url, name = os_index
    news = tmp_path / "news"
    news.mkdir()
    _article(news, "a", STORY, "2020-03-06", "Reuters")
    _article(news, "b", shuffled(STORY, 3) + "\n\nSubscribe to our newsletter.", "2020-03-05", "TASS")
    _article(news, "c", OTHER, "2020-03-01", "Kommersant")
    report = _index([news], url, name, batch_size=2)  # a and b meet in different bulk rounds
    assert report.indexed == 3
    assert _clusters(url, name) == {
        "news/a.json": ("news/b.json", False),
        "news/b.json": ("news/b.json", True),   # earlier, though "a" < "b"
        "news/c.json": ("news/c.json", True),
    }
    # A later run brings an even earlier copy: it becomes the original; a and b are updated.
    _article(news, "d", shuffled(STORY, 5), "2020-03-02", "Anadolu")
    report = _index([news], url, name)
    assert (report.indexed, report.unchanged, report.cluster_updates, report.actions) == (1, 3, 2, 3)
    assert _clusters(url, name) == {
        "news/a.json": ("news/d.json", False),
        "news/b.json": ("news/d.json", False),
        "news/c.json": ("news/c.json", True),
        "news/d.json": ("news/d.json", True),
    }
    # The original deleted: b is the original again.
    (news / "d.json").unlink()
    report = _index([news], url, name)
    assert (report.deleted, report.cluster_updates) == (1, 2)
    expected = {
        "news/a.json": ("news/b.json", False),
        "news/b.json": ("news/b.json", True),
        "news/c.json": ("news/c.json", True),
    }
    assert _clusters(url, name) == expected
    # b rewritten as a copy of c: a is left alone (one update), b joins c (written with it).
    _article(news, "b", shuffled(OTHER, 1), "2020-03-05", "TASS")
    report = _index([news], url, name)
    assert (report.indexed, report.cluster_updates) == (1, 1)
    assert _clusters(url, name) == {
        "news/a.json": ("news/a.json", True),
        "news/b.json": ("news/c.json", False),
        "news/c.json": ("news/c.json", True),
    }
    # The recluster pass agrees with what the incremental runs left.
    fixed = recluster_opensearch(url, name, retry=FAST)
    assert fixed.cluster_updates == 0


def test_recluster_repairs_clusters_written_without_seeing_each_other(os_index, tmp_path):
    url, name = os_index
    for part, date in (("east", "2020-03-06"), ("west", "2020-03-04")):
        (tmp_path / part).mkdir()
        _article(tmp_path / part, "story", shuffled(STORY, len(part)), date, part)
    # The race: the second run's article is written as though the first's were not refreshed yet.
    _index([tmp_path / "east"], url, name)
    client = connect(url)
    client.update(index=name, id="east/story.json", body={"doc": {O.COPY_BANDS: []}}, refresh=True)
    _index([tmp_path / "west"], url, name)
    assert _clusters(url, name) == {"east/story.json": ("east/story.json", True),
                                    "west/story.json": ("west/story.json", True)}
    fixed = recluster_opensearch(url, name, retry=FAST)
    assert fixed.cluster_updates == 1
    assert _clusters(url, name) == {"east/story.json": ("west/story.json", False),
                                    "west/story.json": ("west/story.json", True)}
