"""``Cluster.wait_answering``: every node's HTTP port answers before ``start_cluster`` returns.

A CI run once asked node 0 for the cluster's health a moment after another node had reported
green, before node 0's HTTP port was open, and was refused.  These tests need no Java: each
"node" is a real child process serving ``/_cluster/health`` on its port, opened after a delay.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from processes import free_port

from scripts.opensearch_cluster import Cluster, ClusterError, Node

# A node stand-in: after DELAY seconds it serves a green health on PORT until killed.
_SERVER = """
import http.server, json, sys, time
time.sleep(float(sys.argv[2]))
class Health(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        body = json.dumps({"status": "green", "number_of_nodes": 1}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
    def log_message(self, *args):
        pass
http.server.HTTPServer(("127.0.0.1", int(sys.argv[1])), Health).serve_forever()
"""


def _cluster(tmp_path: Path, delays: list[float]) -> Cluster:
    nodes = []
    for i, delay in enumerate(delays):
        node = Node(i, f"node-{i}", tmp_path / f"node-{i}", free_port(), free_port())
        node.process = subprocess.Popen(
            [sys.executable, "-c", _SERVER, str(node.http_port), str(delay)]
        )
        nodes.append(node)
    return Cluster(home=tmp_path, base_dir=tmp_path, nodes=nodes, cluster_name="wait-test",
                   heap="64m", java=sys.executable, jvm_options=[], settings={},
                   die_with_parent=False)


def _kill(cluster: Cluster) -> None:
    for node in cluster.nodes:
        if node.process is not None:
            node.process.kill()
            node.process.wait()


def test_waits_for_a_node_whose_port_opens_late(tmp_path):
    cluster = _cluster(tmp_path, [3.0, 0.0])
    try:
        with pytest.raises(OSError):  # node 0 refuses at first: the case being waited out
            cluster.health(node=0, http_timeout=1)
        cluster.wait_answering(timeout=30)
        assert all(cluster.health(node=i)["status"] == "green" for i in range(2))
    finally:
        _kill(cluster)


def test_a_node_that_never_answers_is_named_after_the_timeout(tmp_path):
    cluster = _cluster(tmp_path, [0.0, 60.0])
    try:
        with pytest.raises(ClusterError, match="node-1 does not answer"):
            cluster.wait_answering(timeout=1)
    finally:
        _kill(cluster)
