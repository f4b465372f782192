"""Proof that it is distributed (issue 13.6): kill -9 a node in the middle of indexing and searching.

The test starts its own 3-node cluster (the session's shared cluster is never killed), indexes the
first part of a generated archive, then, while an indexing run writes the rest into the same index
(3 primary shards, 1 replica, small bulk rounds) and 4 client threads loop over API searches,
article pages and exports (one Flask app and OpenSearch client each, given every node's URL), it
SIGKILLs the elected cluster manager (which also holds a primary of the index; with
``DATELINE_FAILOVER_VICTIM=data`` another node holding a primary), waits, restarts it from its data
folder and waits for green.

Then: the indexing run finished without an exception, a refused document or a failure; the index
holds every generated article once (no duplicate ids); every document's content hash and copy
cluster, and the totals and facet counts of the API, equal those of a clean build of the same
archive into a fresh index on the same cluster; the searches kept answering during the outage
(answers completed between the kill and the rejoin) and at most :data:`MAX_FAILURE_RATE` of them
failed; no 200 answer was partial (a total below the one before the run started would mean a
shard's hits were silently missing).

The numbers (requests, failures, outage and rejoin seconds, index duration, documents) are printed
(``pytest -s``, or ``-rA`` for the captured output) and recorded as the test's ``failover``
property (``--junitxml``).
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from archive_gen import write_archive

pytestmark = [pytest.mark.cluster, pytest.mark.slow]

#: Generated articles (files of 100), the first FIRST of them indexed before the run under test.
ARTICLES = 1000
FIRST = 200
#: Articles per bulk round of the run under test: many bulk requests, refreshes and msearches.
BATCH = 25
#: The node is killed once this many articles of the run have been written.
KILL_AFTER = 150
#: Seconds the node stays down before it is restarted.
DOWN_SECONDS = 6.0
CLIENTS = 4
#: Failed answers (anything but a 200) allowed, as a fraction of all requests.  The client retries
#: a request on another node (connection refused or reset, 502/503/504), so a node's death can
#: only fail a request in flight at that instant whose retry cannot help (an export's point in
#: time holding contexts on the node, a search already past its query phase there): at most
#: CLIENTS of the several hundred requests of a run, about 1 %; 2 % leaves a margin, and a node
#: that stops answering (the client not failing over) fails far more.
MAX_FAILURE_RATE = 0.02

#: Searches compared with the clean build (query strings of /api/search).
SEARCHES = [
    "q=", "q=lavrov", "q=idlib&outlet=SouthFront", "q=speaker:lavrov+quote:terrorists",
    "q=&collapse=copies", "q=ceasefire&count=originals", "q=terror*", "q=date:2019-11",
    "q=erdogan&place=Ankara", "q=(lavrov+OR+peskov)+AND+sochi",
]
#: What the client threads request in a loop (articles of the first part are added at run time).
LOOP = ["q=lavrov", "q=idlib&outlet=SouthFront", "q=speaker:lavrov+quote:terrorists", "q=",
        "q=&collapse=copies", "q=terror*&sort=newest"]
EXPORT = "/api/export?q=sochi+memorandum&format=jsonl"


@dataclass
class Call:
    url: str
    started: float
    ended: float
    status: int | None  # None: the request raised
    error: str | None
    total: int | None = None  # of a search (hits of an export)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    """The test's own 3-node cluster (the same JVM options as the session's), stopped at the end."""
    from processes import TEST_JVM_OPTIONS, opensearch_home

    from scripts.opensearch_cluster import start_cluster

    own = start_cluster(3, tmp_path_factory.mktemp("failover-cluster"), heap="512m", home=opensearch_home(),
                        cluster_name="dateline-failover", jvm_options=TEST_JVM_OPTIONS)
    try:
        yield own
    finally:
        own.stop()


@pytest.fixture(scope="module")
def archive(tmp_path_factory) -> tuple[Path, Path]:
    """The generated archive split into two folders: ``first`` (FIRST articles) and ``rest``."""
    base = tmp_path_factory.mktemp("failover-archive")
    files = sorted(write_archive(base / "all", ARTICLES, seed=6).glob("*.jsonl"))
    first, rest = base / "first", base / "rest"
    first.mkdir()
    rest.mkdir()
    for n, path in enumerate(files):
        shutil.move(path, (first if n < FIRST // 100 else rest) / path.name)
    return first, rest


def _app(cluster, index_name: str):
    from webui import create_app

    return create_app({"BACKEND": "opensearch", "OPENSEARCH_URL": ",".join(cluster.urls),
                       "OPENSEARCH_INDEX": index_name, "TESTING": True, "TIME_BUDGET": None,
                       "RESULT_CACHE_SIZE": 0})


def _search(client, query: str) -> dict:
    response = client.get(f"/api/search?{query}")
    assert response.status_code == 200, (query, response.get_data(as_text=True))
    return response.get_json()


class Searcher(threading.Thread):
    """Requests ``urls`` in a loop through its own app until ``stop`` is set, recording each answer."""

    def __init__(self, n: int, cluster, index_name: str, urls: list[str], stop: threading.Event):
        super().__init__(name=f"searcher-{n}", daemon=True)
        self.n, self.cluster, self.index_name, self.urls, self.stop = n, cluster, index_name, urls, stop
        self.calls: list[Call] = []

    def run(self) -> None:
        client = _app(self.cluster, self.index_name).test_client()
        i = self.n
        while not self.stop.is_set():
            url = self.urls[i % len(self.urls)]
            i += 1
            started = time.monotonic()
            status, error, total = None, None, None
            try:
                response = client.get(url)
                text = response.get_data(as_text=True)  # an export streams: read it to the end
                status = response.status_code
                if status != 200:
                    error = text[:300]
                elif url.startswith("/api/search"):
                    total = json.loads(text)["total"]
                elif url.startswith("/api/export"):
                    lines = text.splitlines()
                    total = len(lines) - 1
                    if json.loads(lines[-1]).get("error"):
                        status, error = -1, lines[-1][:300]  # broken off mid-stream
            except Exception as exc:  # an exception escaping the app (TESTING propagates them)
                error = repr(exc)[:300]
            self.calls.append(Call(url, started, time.monotonic(), status, error, total))


def _victim(cluster, index_name: str) -> tuple[int, bool, int]:
    """(node, is it the elected cluster manager, primaries of the index on it).

    By default the cluster manager when it holds a primary of the index (an election and a primary
    promotion at once); with ``DATELINE_FAILOVER_VICTIM=data`` a node that is not the cluster
    manager.  Otherwise the node holding the most primaries.
    """
    status, state = cluster.request("GET", "/_cluster/state/cluster_manager_node,nodes")
    assert status == 200, state
    manager = state["nodes"][state["cluster_manager_node"]]["name"]
    status, shards = cluster.request("GET", f"/_cat/shards/{index_name}?format=json&h=prirep,node")
    assert status == 200, shards
    primaries = {node.name: 0 for node in cluster.nodes}
    for shard in shards:
        if shard["prirep"] == "p":
            primaries[shard["node"]] += 1
    if os.environ.get("DATELINE_FAILOVER_VICTIM") == "data":
        others = [n for n in primaries if n != manager]
        name = max(others, key=lambda n: primaries[n])
    else:
        name = manager if primaries[manager] else max(primaries, key=lambda n: primaries[n])
    index = next(node.index for node in cluster.nodes if node.name == name)
    return index, name == manager, primaries[name]


def _documents(client, index_name: str) -> dict[str, tuple]:
    """id -> (content hash, cluster, is_original) of every document."""
    from opensearchpy import helpers

    found: dict[str, tuple] = {}
    for hit in helpers.scan(client, index=index_name, size=2000,
                            query={"query": {"match_all": {}},
                                   "_source": ["id", "hash", "cluster", "is_original"]}):
        source = hit["_source"]
        assert source["id"] not in found, f"{source['id']} twice"
        found[source["id"]] = (source["hash"], source["cluster"], source["is_original"])
    return found


def test_kill_a_node_while_indexing_and_searching(cluster, archive, record_property, caplog):
    from index.opensearch_writer import connect, index_paths_opensearch

    first, rest = archive
    name, clean_name = "failover", "failover-clean"
    url = ",".join(cluster.urls)
    os_client = connect(url)
    _log("indexing the first part")
    setup = index_paths_opensearch([first], url, name, shards=3, replicas=1, jobs=1, rebuild=True,
                                   progress=False)
    assert setup.indexed == FIRST and not setup.failed
    cluster.wait_for("green", nodes=3)
    main_client = _app(cluster, name).test_client()
    baseline = {q: _search(main_client, q)["total"] for q in LOOP}
    ids = [hit["id"] for hit in _search(main_client, "q=lavrov&per_page=5")["hits"]]
    urls = [f"/api/search?{q}" for q in LOOP] + [f"/api/article/{quote(i, safe='/')}" for i in ids[:2]]
    urls.append(EXPORT)
    baseline[EXPORT] = len(main_client.get(EXPORT).get_data(as_text=True).splitlines()) - 1

    # The run under test, in the background; the kill waits until it has written KILL_AFTER.
    written_enough = threading.Event()
    outcome: dict = {}

    def on_commit(_count: int, total: int) -> None:
        if total >= KILL_AFTER:
            written_enough.set()

    def index_rest() -> None:
        try:
            outcome["report"] = index_paths_opensearch([rest], url, name, shards=3, replicas=1, jobs=1,
                                                       progress=False, batch_size=BATCH,
                                                       on_commit=on_commit)
        except BaseException as exc:
            outcome["error"] = exc
        finally:
            outcome["ended"] = time.monotonic()
            written_enough.set()

    stop = threading.Event()
    searchers = [Searcher(n, cluster, name, urls, stop) for n in range(CLIENTS)]
    for searcher in searchers:
        searcher.start()
    indexer = threading.Thread(target=index_rest, name="indexer", daemon=True)
    index_started = time.monotonic()
    indexer.start()
    _log("run under test started")
    try:
        assert written_enough.wait(timeout=300), "the indexing run wrote nothing for 5 minutes"
        assert "ended" not in outcome, f"the run ended before the kill: {outcome}"
        victim, was_manager, primaries = _victim(cluster, name)
        _log(f"killing node {victim}")
        killed_at = time.monotonic()
        cluster.kill(victim)  # SIGKILL, from the main thread (nodes die with their launching thread)
        time.sleep(DOWN_SECONDS)
        restarted_at = time.monotonic()
        _log("restarting")
        cluster.start_node(victim, timeout=180)  # back in the cluster: 3 nodes
        rejoined_at = time.monotonic()
        _log("rejoined")
        cluster.wait_for("green", nodes=3, timeout=180)
        green_at = time.monotonic()
        _log("green")
        indexing_at_rejoin = "ended" not in outcome
        indexer.join(timeout=300)
        assert not indexer.is_alive(), "the indexing run did not finish within 5 minutes of the rejoin"
        # a little more searching on the healed cluster, then stop the clients
        time.sleep(1.0)
    finally:
        stop.set()
        for searcher in searchers:
            searcher.join(timeout=120)
    _log("run under test ended")

    # -- the numbers --------------------------------------------------------------------------
    calls = [call for searcher in searchers for call in searcher.calls]
    failures = [call for call in calls if call.status != 200]
    during = [call for call in calls if call.started >= killed_at and call.ended <= rejoined_at]
    numbers = {
        "victim": f"{cluster.nodes[victim].name} (cluster manager: {was_manager}, primaries: {primaries})",
        "requests": len(calls), "failures": len(failures),
        "requests_during_outage": len(during),
        "failures_during_outage": sum(1 for call in during if call.status != 200),
        "outage_s": round(rejoined_at - killed_at, 1), "rejoin_s": round(rejoined_at - restarted_at, 1),
        "green_after_restart_s": round(green_at - restarted_at, 1),
        "index_s": round(outcome["ended"] - index_started, 1),
        "indexing_still_running_at_rejoin": indexing_at_rejoin,
    }
    report = outcome.get("report")
    if report is not None:
        numbers.update(indexed=report.indexed, bulk_requests=report.bulk_requests, retries=report.retries,
                       rejected=report.rejected, failed=len(report.failed))
    record_property("failover", numbers)
    print("\nfailover:", json.dumps(numbers, indent=1))
    for call in failures[:10]:
        print(f"  failed at {call.started - killed_at:+.1f} s: {call.url} -> {call.status} {call.error}")
    for record in [r for r in caplog.records if r.levelno >= logging.ERROR][:10]:
        print(f"  logged by {record.name}: {record.getMessage()[:500]}")
    assert "error" not in outcome, f"the indexing run failed: {outcome.get('error')!r}"

    # -- the run completed, nothing refused --------------------------------------------------
    assert report.failed == [] and report.rejected == 0, report.failed[:5]
    assert report.indexed == ARTICLES - FIRST

    # -- nothing lost, nothing duplicated --------------------------------------------------------
    os_client.indices.refresh(index=name)
    assert os_client.count(index=name)["count"] == ARTICLES
    twice = os_client.search(index=name, body={"size": 0, "aggs": {"twice": {
        "terms": {"field": "id", "min_doc_count": 2, "size": 10}}}})
    assert twice["aggregations"]["twice"]["buckets"] == []
    assert twice["_shards"]["failed"] == 0

    # -- equal to a clean build of the same archive ------------------------------------------------
    _log("clean build")
    clean = index_paths_opensearch([first, rest], url, clean_name, shards=3, replicas=1, jobs=1,
                                   rebuild=True, progress=False)
    assert clean.indexed == ARTICLES and not clean.failed
    documents = _documents(os_client, name)
    assert len(documents) == ARTICLES
    assert documents == _documents(os_client, clean_name)  # content and copy clusters
    clean_client = _app(cluster, clean_name).test_client()
    for query in SEARCHES:
        after, expected = _search(main_client, query), _search(clean_client, query)
        assert (after["total"], after["facets"]) == (expected["total"], expected["facets"]), query
    os_client.indices.delete(index=f"{name},{clean_name}", ignore_unavailable=True)

    # -- the searches kept answering -----------------------------------------------------------
    assert len(calls) >= 100
    assert sum(1 for call in during if call.status == 200) >= CLIENTS, "no answers during the outage"
    assert len(failures) <= MAX_FAILURE_RATE * len(calls), [(c.url, c.status, c.error) for c in failures]
    # A 200 is never partial: totals only grow during the run (nothing is deleted).
    partial = [(call.url, call.total, baseline[_key(call.url)]) for call in calls
               if call.status == 200 and call.total is not None and call.total < baseline[_key(call.url)]]
    assert partial == [], partial[:10]


_T0 = time.monotonic()


def _log(message: str) -> None:
    print(f"[{time.monotonic() - _T0:6.1f} s] {message}", flush=True)


def _key(url: str) -> str:
    """The baseline entry of a search or export URL."""
    return url.removeprefix("/api/search?")
