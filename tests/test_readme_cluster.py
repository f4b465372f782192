"""The README's cluster route, run as written: start three real OpenSearch nodes with the README's
command, index and search the sample archive on them with its ``--backend opensearch`` lines, serve
it, and stop the nodes with Ctrl-C.  Only the data folder and the first HTTP port change (to a
temporary folder and a free port), and the URL list follows the port.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import urllib.request

import pytest
from processes import free_port, opensearch_home, start_server, stop_server
from readme import README, REPO, run_dateline, shell_lines

pytestmark = pytest.mark.cluster

START = "python3 -m scripts.opensearch_cluster start"


def _three_free_ports() -> int:
    """A port P with P, P+1 and P+2 free: the README's nodes take consecutive HTTP ports."""
    for _ in range(50):
        port = free_port()
        if port + 2 < 65536 and all(_free(port + i) for i in (1, 2)):
            return port
    raise RuntimeError("no three consecutive free ports")


def _free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def _section() -> str:
    return README.split("## Beyond one machine", 1)[1].split("\n## ", 1)[0]


def test_the_cluster_route_runs_as_written(tmp_path):
    opensearch_home()  # installed, or a skip (a failure in CI) saying why not
    section = _section()
    (start,) = [line for line in shell_lines(START) if line in section]
    export = re.search(r"^export DATELINE_OPENSEARCH_URL=(\S+)$", section, flags=re.M).group(1)
    documented = [line for line in shell_lines(".venv/bin/dateline ") if line in section]
    assert [shlex.split(line)[1] for line in documented] == ["index", "search", "serve"]

    port = _three_free_ports()
    args = shlex.split(start)[1:]
    args[args.index("--dir") + 1] = str(tmp_path / "cluster")
    args[args.index("--http-port") + 1] = str(port)
    nodes = subprocess.Popen([sys.executable, *args], cwd=REPO, stdout=subprocess.PIPE, text=True,
                             stderr=subprocess.STDOUT)
    output = []
    try:
        for line in nodes.stdout:
            output.append(line)
            if line.startswith("Ctrl-C stops"):
                break
        assert "green with 3 nodes" in "".join(output), "".join(output)
        urls = [f"http://127.0.0.1:{port + i}" for i in range(3)]
        assert export == ",".join(f"http://127.0.0.1:{9200 + i}" for i in range(3))
        for url in urls:
            assert url in "".join(output)
        env = {**os.environ, "DATELINE_OPENSEARCH_URL": ",".join(urls), "TQDM_DISABLE": "1"}
        env.pop("DATELINE_OPENSEARCH_INDEX", None)
        index_args, search_args, serve_args = (shlex.split(line)[1:] for line in documented)
        done = run_dateline(index_args, env)
        assert done.returncode == 0 and "indexed 5" in done.stderr, done.stderr
        found = run_dateline(search_args, env)
        assert found.returncode == 0 and re.match(r"[1-9]\d* articles", found.stdout), found.stdout[:300]
        base, server = start_server("unused", *serve_args[1:], env=env, cwd=REPO)
        try:
            with urllib.request.urlopen(f"{base}/api/search?q=lavrov", timeout=60) as response:
                assert json.load(response)["total"] == 3
        finally:
            stop_server(server)
    finally:
        nodes.send_signal(signal.SIGINT)  # "Ctrl-C stops them"
        nodes.wait(timeout=120)
    assert nodes.returncode == 0, "Ctrl-C stops the nodes cleanly"
