#!/usr/bin/env python3
"""Can anyone lock ``dateline serve``?  Measure a normal search while the server is attacked.

Starts a real ``dateline serve`` on an index and, at once:

- keeps ``--idle`` connections open that never send a byte (re-opened when the server drops one);
- keeps ``--slow`` clients sending a request's headers one byte per ``--slow-interval`` seconds
  (slowloris; re-connecting when dropped);
- runs ``--exports`` parallel clients downloading ``/api/export`` over and over (retrying at
  once on a 429: a hostile client does not wait);
- runs ``--fuzzy`` parallel clients sending a worst-case fuzzy query over and over
  (``--fuzzy-terms`` distinct ``word~2`` terms, the most a query may hold);

and meanwhile one visitor runs normal searches (a new connection each, a different query each,
so no result cache helps) for ``--duration`` seconds.  It prints p50/p95/max of those searches,
with the same measured before the attack, and what the attackers got.  Exit status 1 when the
p95 under attack is not below ``--target`` seconds or a normal search failed.

    .venv/bin/python scripts/load_check.py                        # sample archive, ~1 min
    .venv/bin/python scripts/load_check.py --index /tmp/allsides-am   # a bigger index you built
    .venv/bin/python scripts/load_check.py --repo /tmp/before     # the server from another checkout

Traffic goes to 127.0.0.1 only; every loop stops when the run ends.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import random
import selectors
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SAMPLE = REPO / "examples" / "archive"
#: Words of normal searches (news vocabulary); each search pairs two, so queries rarely repeat.
_WORDS = (
    "idlib syria turkey russia talks ceasefire memorandum president minister government military "
    "election vote congress senate court police trade economy market health school water energy "
    "oil border troops attack peace agreement report official war city state country people"
)
WORDS = _WORDS.split()
#: Distinct words for the worst-case fuzzy query (short words expand the most at distance 2).
_FUZZY_WORDS = (
    "able acid aged also area army away baby back ball band bank base bath bear beat been beer bell "
    "belt best bill bird blow blue boat body bomb bond bone book boom born boss both bowl bulk burn "
    "bush busy call calm came camp card care case cash cast cell chat chip city club coal coat code "
    "cold come cook cool cope copy core cost crew crop dark data date dawn days dead deal dean dear "
    "debt deep deny desk dial diet disc disk does done door dose down draw drew drop drug dual duke "
    "dust duty each earn ease east easy edge else even ever evil exit face fact fail fair fall farm "
    "fast fate fear feed feel feet fell felt file fill film find fine fire firm fish five flat flow"
)
FUZZY_WORDS = _FUZZY_WORDS.split()


@dataclass
class Tally:
    """What one kind of client saw (counts by HTTP status or outcome)."""

    counts: dict[str, int] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, key: str, n: int = 1) -> None:
        with self.lock:
            self.counts[key] = self.counts.get(key, 0) + n


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def dateline(*args: str) -> list[str]:
    """The command running ``dateline ARGS`` with the code on ``PYTHONPATH`` (``--repo``).

    Run it outside any checkout (``cwd``): ``python -c`` puts the working directory first on the
    import path, so from inside this one its code would win over ``--repo``'s.
    """
    return [sys.executable, "-c", "from webui.cli import main; main()", *args]


def build_sample_index(target: Path, work: Path, env: dict) -> None:
    subprocess.run(dateline("index", str(SAMPLE), "--index", str(target), "--jobs", "1", "-q"),
                   check=True, env=env, cwd=work, stdout=subprocess.DEVNULL)


def start_server(index_dir: Path, port: int, work: Path, env: dict, extra: list[str], log):
    command = dateline("serve", "--index", str(index_dir), "--port", str(port), *extra)
    process = subprocess.Popen(command, stdout=log, stderr=log, env=env, cwd=work)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"dateline serve exited with {process.returncode}; see {log.name}")
        try:
            status, _ = get(port, "/healthz", timeout=5)
            if status == 200:
                return process
        except OSError:
            pass
        time.sleep(0.2)
    process.kill()
    raise SystemExit("dateline serve did not answer /healthz within 60 s")


def get(port: int, path: str, timeout: float) -> tuple[int, bytes]:
    """One GET on a new connection; the whole body is read."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        return response.status, response.read()
    finally:
        conn.close()


def search_path(rng: random.Random) -> str:
    a, b = rng.sample(WORDS, 2)
    return f"/api/search?q={a}+OR+{b}&page={rng.randint(1, 3)}"


def measure_searches(port: int, seconds: float, rng: random.Random, stop: threading.Event,
                     timeout: float) -> tuple[list[float], Tally]:
    """Normal searches one after another for ``seconds``: their latencies and statuses."""
    latencies: list[float] = []
    tally = Tally()
    end = time.monotonic() + seconds
    while time.monotonic() < end and not stop.is_set():
        started = time.monotonic()
        try:
            status, _ = get(port, search_path(rng), timeout)
            tally.add(str(status))
        except OSError as exc:
            tally.add(type(exc).__name__)
        latencies.append(time.monotonic() - started)
        time.sleep(0.05)  # a visitor, not a benchmark loop
    return latencies, tally


def idle_clients(port: int, count: int, stop: threading.Event, tally: Tally) -> None:
    """Keep ``count`` silent connections open; count the ones the server closes."""
    selector = selectors.DefaultSelector()

    def connect() -> None:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError:
            tally.add("connect failed")
            return
        sock.setblocking(False)
        selector.register(sock, selectors.EVENT_READ)
        tally.add("opened")

    for _ in range(count):
        connect()
    while not stop.is_set():
        for key, _ in selector.select(timeout=0.5):
            sock = key.fileobj
            try:
                data = sock.recv(4096)
            except OSError:
                data = b""
            if not data:
                selector.unregister(sock)
                sock.close()
                tally.add("closed by server")
                connect()
    for key in list(selector.get_map().values()):
        key.fileobj.close()
    selector.close()


def slow_clients(port: int, count: int, interval: float, stop: threading.Event, tally: Tally) -> None:
    """``count`` clients sending a request's headers one byte every ``interval`` seconds."""
    request = b"GET /api/search?q=idlib HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + b"s" * 4000 + b"\r\n\r\n"
    clients: list[list] = []  # [socket, bytes sent]

    def connect() -> list | None:
        try:
            sock = socket.create_connection(("127.0.0.1", port), timeout=10)
        except OSError:
            tally.add("connect failed")
            return None
        sock.setblocking(False)
        tally.add("opened")
        return [sock, 0]

    clients = [c for c in (connect() for _ in range(count)) if c]
    while not stop.wait(interval):
        for n, client in enumerate(clients):
            sock, sent = client
            try:
                sock.send(request[sent % len(request):sent % len(request) + 1])
                client[1] += 1
                if sock.recv(4096) == b"":
                    raise ConnectionResetError
            except BlockingIOError:
                continue
            except OSError:
                sock.close()
                tally.add("closed by server")
                replacement = connect()
                if replacement:
                    clients[n] = replacement
    for sock, _ in clients:
        sock.close()


def repeat(port: int, path: str, stop: threading.Event, tally: Tally, timeout: float,
           pause_after: dict[int, float]) -> None:
    """GET ``path`` over and over until ``stop``; ``pause_after`` maps a status to a pause."""
    while not stop.is_set():
        started = time.monotonic()
        try:
            status, _ = get(port, path, timeout)
            tally.add(str(status))
            tally.add(f"max s ({status})", 0)
            with tally.lock:  # the slowest answer of each status
                key = f"max s ({status})"
                tally.counts[key] = max(tally.counts[key], round(time.monotonic() - started, 2))
        except OSError as exc:
            tally.add(type(exc).__name__)
            status = 0
        stop.wait(pause_after.get(status, 0))


def summary(latencies: list[float]) -> dict:
    if not latencies:
        return {"n": 0}
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    return {"n": len(ordered), "p50": round(statistics.median(ordered), 3), "p95": round(p95, 3),
            "max": round(ordered[-1], 3)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--index", type=Path, help="index to serve (default: the sample archive, built "
                        "into a temporary folder)")
    parser.add_argument("--repo", type=Path, default=REPO, help="checkout whose code serves [this one]")
    parser.add_argument("--idle", type=int, default=200)
    parser.add_argument("--slow", type=int, default=100)
    parser.add_argument("--slow-interval", type=float, default=1.0)
    parser.add_argument("--exports", type=int, default=8)
    parser.add_argument("--fuzzy", type=int, default=8)
    parser.add_argument("--fuzzy-terms", type=int, default=128)
    parser.add_argument("--duration", type=float, default=40.0, help="seconds of searching under attack")
    parser.add_argument("--baseline", type=float, default=5.0, help="seconds of searching before it")
    parser.add_argument("--target", type=float, default=1.0, help="p95 bound in seconds")
    parser.add_argument("--timeout", type=float, default=120.0, help="client timeout per request")
    parser.add_argument("--json", type=Path, help="also write the figures here")
    parser.add_argument("serve_args", nargs="*", help="extra `dateline serve` options (after --)")
    args = parser.parse_args()

    env = dict(os.environ)
    env["PYTHONPATH"] = str(args.repo.resolve()) + os.pathsep + env.get("PYTHONPATH", "")
    work = Path(tempfile.mkdtemp(prefix="dateline-load-"))
    index_dir = args.index
    if index_dir is None:
        index_dir = work / "index"
        build_sample_index(index_dir, work, env)
    port = free_port()
    log = open(work / "serve.log", "wb")  # noqa: SIM115 - open for the server's whole life
    process = start_server(index_dir.resolve(), port, work, env, args.serve_args, log)
    rng = random.Random(11)
    stop = threading.Event()
    try:
        base_latencies, base_tally = measure_searches(port, args.baseline, rng, stop, args.timeout)

        fuzzy_q = "+".join(f"{w}~2" for w in FUZZY_WORDS[: args.fuzzy_terms])
        tallies = {name: Tally() for name in ("idle", "slow", "export", "fuzzy")}
        threads = [
            threading.Thread(target=idle_clients, args=(port, args.idle, stop, tallies["idle"])),
            threading.Thread(target=slow_clients,
                             args=(port, args.slow, args.slow_interval, stop, tallies["slow"])),
        ]
        threads += [threading.Thread(target=repeat, args=(port, "/api/export?q=the+OR+said&format=csv", stop,
                                                          tallies["export"], args.timeout, {429: 0.1}))
                    for _ in range(args.exports)]
        threads += [threading.Thread(target=repeat, args=(port, f"/api/search?q={fuzzy_q}", stop,
                                                          tallies["fuzzy"], args.timeout, {}))
                    for _ in range(args.fuzzy)]
        for thread in threads:
            thread.daemon = True
            thread.start()
        time.sleep(2.0)  # let every attacker connect and start
        latencies, tally = measure_searches(port, args.duration, rng, stop, args.timeout)
        stop.set()
        for thread in threads:
            thread.join(timeout=args.timeout + 5)
    finally:
        stop.set()
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
        log.close()

    report = {
        "index": str(index_dir),
        "repo": str(args.repo),
        "serve_args": args.serve_args,
        "attack": {"idle": args.idle, "slow": args.slow, "exports": args.exports, "fuzzy": args.fuzzy,
                   "fuzzy_terms": args.fuzzy_terms},
        "baseline": {**summary(base_latencies), "statuses": base_tally.counts},
        "under_attack": {**summary(latencies), "statuses": tally.counts},
        "attackers": {name: t.counts for name, t in tallies.items()},
        "target_p95": args.target,
        "server_log": str(work / "serve.log"),
    }
    print(json.dumps(report, indent=2))
    if args.json:
        args.json.write_text(json.dumps(report, indent=2) + "\n")
    ok = (report["under_attack"].get("p95", float("inf")) < args.target
          and set(tally.counts) == {"200"} and latencies)
    print(f"{'PASS' if ok else 'FAIL'}: p95 {report['under_attack'].get('p95')} s under attack "
          f"(target < {args.target} s), {report['under_attack']['n']} searches, statuses {tally.counts}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
