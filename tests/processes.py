"""Processes from tests: real ``dateline serve`` servers, and watching pids until they end.

Everything polls a condition a bounded number of times instead of asserting a duration, so a
loaded machine makes a test slower, never red.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

#: Polls of 0.1 s before a process counts as having outlived what should have ended it.
MAX_POLLS = 200
#: Seconds for a server to answer /healthz: start-up (the demo indexes the sample first) took over
#: a minute on a machine at load 13, so this is a generous timeout, not a speed check.
START_SECONDS = 240.0
DATELINE = [sys.executable, "-c", "from webui.cli import main; main()"]


def alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for init to reap it has ended)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


def wait_until_gone(pids: list[int], polls: int = MAX_POLLS) -> list[int]:
    """Poll until every pid has ended; return those still alive after ``polls`` polls."""
    still = list(pids)
    for _ in range(polls):
        still = [pid for pid in pids if alive(pid)]
        if not still:
            return []
        time.sleep(0.1)
    return still


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_until_serving(url: str, process: subprocess.Popen) -> None:
    """Poll ``url``/healthz until it answers; RuntimeError if ``process`` exits or never answers."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"the server exited with code {process.returncode}: {_log_tail(process)}")
        try:
            with urllib.request.urlopen(url + "/healthz", timeout=5):
                return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"the server did not answer {url}/healthz: {_log_tail(process)}")


def start_server(index_dir: str | Path, *options: str, env: dict | None = None,
                 cwd: str | Path | None = None) -> tuple[str, subprocess.Popen]:
    """A real ``dateline serve`` of ``index_dir`` on a free port: (base URL, process), answering.

    Its output goes to a file, not a pipe: a server writing more than a pipe holds must not block.
    Stop it with :func:`stop_server`.
    """
    port = free_port()
    log = tempfile.TemporaryFile()  # noqa: SIM115 - closed by stop_server, with the process
    process = subprocess.Popen([*DATELINE, "serve", "--index", str(index_dir), "--port", str(port), *options],
                               stdout=subprocess.DEVNULL, stderr=log, env=env, cwd=cwd)
    process.log = log
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(url, process)
    except RuntimeError:
        stop_server(process)
        raise
    return url, process


def stop_server(process: subprocess.Popen) -> None:
    """Terminate (else kill) a process from :func:`start_server` and reap it."""
    process.terminate()
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    log = getattr(process, "log", None)
    if log is not None:
        log.close()


def _log_tail(process: subprocess.Popen) -> str:
    log = getattr(process, "log", None)
    if log is None:
        return ""
    log.seek(0, os.SEEK_SET)
    return log.read().decode(errors="replace")[-2000:]


#: Test nodes compile with C1 only: they reach green in about half the time, and these tests
#: measure behaviour, not speed.
TEST_JVM_OPTIONS = ["-XX:TieredStopAtLevel=1"]


def opensearch_home() -> Path:
    """OpenSearch installed from Maven (``scripts/opensearch_cluster.py``), or a skip naming why
    it is unavailable; a failure instead where ``DATELINE_REQUIRE_CLUSTER=1`` (CI)."""
    import pytest

    from scripts.opensearch_cluster import OpenSearchUnavailable, install

    try:
        return install()
    except OpenSearchUnavailable as exc:
        if os.environ.get("DATELINE_REQUIRE_CLUSTER") == "1":
            pytest.fail(f"OpenSearch required (DATELINE_REQUIRE_CLUSTER=1) but unavailable: {exc}")
        pytest.skip(f"OpenSearch unavailable: {exc}")
