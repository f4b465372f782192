"""A real 3-node OpenSearch cluster from Maven artifacts (scripts/opensearch_cluster.py, issue 13.4).

Green with three nodes; analysis-common's filters work; every document stays searchable after a
node is killed with SIGKILL; the node comes back with its data folder and the cluster is green again.
Every wait polls a condition with a deadline, so a loaded machine makes this slower, never red.
"""

from __future__ import annotations

import time

import pytest

pytestmark = pytest.mark.cluster

INDEX = "dateline-articles"
DOCS = 30
SETTINGS = {
    "settings": {
        "number_of_shards": 3,
        "number_of_replicas": 1,
        "analysis": {
            "filter": {"english_snowball": {"type": "snowball", "language": "English"}},
            "analyzer": {
                "folded_porter": {"tokenizer": "standard",
                                  "filter": ["lowercase", "asciifolding", "porter_stem"]},
                "folded_snowball": {"tokenizer": "standard",
                                    "filter": ["lowercase", "asciifolding", "english_snowball"]},
            },
        },
    },
    "mappings": {"properties": {"title": {"type": "text", "analyzer": "folded_porter"},
                                "outlet": {"type": "keyword"}}},
}


def ok(response):
    status, body = response
    assert status < 300, (status, body)
    return body


def tokens(cluster, analyzer: str, text: str) -> list[str]:
    body = ok(cluster.request("POST", f"/{INDEX}/_analyze", {"analyzer": analyzer, "text": text}))
    return [t["token"] for t in body["tokens"]]


def search_total(cluster, node: int, query: dict) -> tuple[int, dict]:
    body = ok(cluster.request("POST", f"/{INDEX}/_search", {"query": query, "size": 0,
                                                            "track_total_hits": True}, node=node))
    return body["hits"]["total"]["value"], body["_shards"]


def wait_for_all_docs(cluster, node: int, timeout: float = 60.0) -> dict:
    """Search through ``node`` until all documents answer from every shard; return the last _shards."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            total, shards = search_total(cluster, node, {"match_all": {}})
            if total == DOCS and shards["failed"] == 0 and shards["successful"] == 3:
                return shards
        except (AssertionError, OSError) as exc:
            total, shards = -1, {"error": str(exc)}
        assert time.monotonic() < deadline, f"search through node {node}: {total} docs, {shards}"
        time.sleep(0.5)


def test_three_nodes_analysis_kill_and_rejoin(opensearch_cluster):
    cluster = opensearch_cluster
    health = cluster.health()
    assert health["status"] == "green" and health["number_of_nodes"] == 3
    assert len(set(cluster.urls)) == 3

    ok(cluster.request("DELETE", f"/{INDEX}?ignore_unavailable=true"))
    ok(cluster.request("PUT", f"/{INDEX}", SETTINGS))
    # analysis-common's filters: folding, Porter and Snowball stemming
    assert tokens(cluster, "folded_porter", "Café Résumés RUNNING") == ["cafe", "resum", "run"]
    assert tokens(cluster, "folded_snowball", "Señor Ministers' Negotiations") == [
        "senor", "minist", "negoti"]

    outlets = ["Le Monde", "El País", "Reuters"]
    bulk = "".join(
        f'{{"index": {{"_id": "{i}"}}}}\n'
        f'{{"title": "Négociations café number {i}", "outlet": "{outlets[i % 3]}"}}\n'
        for i in range(DOCS))
    result = ok(cluster.request("POST", f"/{INDEX}/_bulk?refresh=true", bulk))
    assert result["errors"] is False
    health = cluster.wait_for("green", nodes=3)
    assert health["active_shards"] >= 6
    # a folded, stemmed query finds every title
    assert search_total(cluster, 0, {"match": {"title": "NEGOCIATION CAFES"}})[0] == DOCS

    # kill -9 the elected cluster manager: the other two elect a new one and still answer fully
    manager_id = ok(cluster.request("GET", "/_cluster/state/cluster_manager_node"))["cluster_manager_node"]
    names = {node_id: info["name"]
             for node_id, info in ok(cluster.request("GET", "/_nodes/_all/none"))["nodes"].items()}
    victim = next(node.index for node in cluster.nodes if node.name == names[manager_id])
    survivor = (victim + 1) % 3
    cluster.kill(victim)
    assert not cluster.nodes[victim].running
    wait_for_all_docs(cluster, survivor)
    health = cluster.wait_for("yellow", nodes=2)
    assert health["status"] in ("yellow", "green")
    assert search_total(cluster, survivor, {"term": {"outlet": "El País"}})[0] == DOCS // 3

    # restart with the same data folder: it rejoins and the cluster is green again
    cluster.start_node(victim)
    health = cluster.wait_for("green", nodes=3)
    assert health["unassigned_shards"] == 0
    for node in range(3):
        wait_for_all_docs(cluster, node)
