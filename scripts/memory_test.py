#!/usr/bin/env python3
"""Memory test: index N synthetic articles with ``dateline index`` and measure peak RSS.

Each worker builds segments of ``--batch-size`` articles (default 5,000,
``index.writer.DEFAULT_BATCH_SIZE``), holding at most ``DEFAULT_LIMIT_MB`` of postings (a segment
ends early when it would hold more), and the main process reads ahead at most ``MAX_IN_FLIGHT`` articles, so
memory must not grow with the size of the archive.  This script checks that against a documented
cap (docs/operations.md): it samples the resident set size of the indexer and of its workers every
0.1 s from /proc and fails when all of them together exceed ``--cap-mb``.

    .venv/bin/python scripts/memory_test.py --articles 100000          # the issue-5 run
    .venv/bin/python scripts/memory_test.py --articles 5000 --cap-mb 600

Prints one JSON object: articles, commits, seconds, peak RSS of the main process, of the largest
worker, and of the whole process tree (sampled), in MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
#: The documented cap for an indexing run, all its processes together (docs/operations.md, "Memory").
DEFAULT_CAP_MB = 2048
_VOCABULARY = (
    "government minister said talks agreement city river council election market report police "
    "court health school border ceasefire parliament budget energy trade summit vote president "
    "ankara moscow washington brussels economy inflation protest refugees security treaty"
)
WORDS = _VOCABULARY.split()


def write_archive(folder: Path, articles: int, per_file: int, seed: int) -> None:
    """``articles`` JSON-lines articles of ~1.2 KB each, ``per_file`` per .jsonl file."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for first in range(0, articles, per_file):
        with open(folder / f"part{first // per_file:05d}.jsonl", "w", encoding="utf-8") as out:
            for n in range(first, min(first + per_file, articles)):
                body = " ".join(rng.choice(WORDS) for _ in range(rng.randint(120, 220)))
                record = {
                    "title": f"Dispatch {n} {rng.choice(WORDS)} {rng.choice(WORDS)}",
                    "text": f"{body.capitalize()}. \"We will act,\" the minister said. tok{n:07d}x.",
                    "outlet": f"Outlet {n % 37}",
                    "date": f"20{10 + n % 12:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}",
                    "url": f"https://example.org/{n}",
                }
                out.write(json.dumps(record) + "\n")


def _rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="ascii") as handle:
                found.extend(int(c) for c in handle.read().split())
    except OSError:
        pass
    return found


def watch(proc: subprocess.Popen, interval: float = 0.1) -> dict[str, float]:
    """Sample RSS until ``proc`` exits; peaks in MiB of it ("main"), its largest child process
    ("worker") and all of them together ("tree")."""
    peaks = {"main": 0, "worker": 0, "tree": 0}
    while proc.poll() is None:
        main = _rss_kib(proc.pid)
        workers = [_rss_kib(c) for c in _children(proc.pid)]
        peaks["main"] = max(peaks["main"], main)
        peaks["worker"] = max([peaks["worker"], *workers])
        peaks["tree"] = max(peaks["tree"], main + sum(workers))
        time.sleep(interval)
    return {k: round(v / 1024, 1) for k, v in peaks.items()}


def measure(cmd: list[str]) -> tuple[int, str, dict[str, float]]:
    """Run ``cmd``, sampling RSS of it and its descendants; return (code, stderr, peaks in MiB)."""
    proc = subprocess.Popen(cmd, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TQDM_DISABLE": "1"})
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.extend(proc.stderr), daemon=True)
    reader.start()
    peaks = watch(proc)
    reader.join(timeout=10)
    return proc.returncode, "".join(lines), peaks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--per-file", type=int, default=1000)
    parser.add_argument("--batch-size", type=int, default=None, help="default: the writer's default")
    parser.add_argument("--jobs", type=int, default=None)
    parser.add_argument("--cap-mb", type=float, default=DEFAULT_CAP_MB)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--workdir", type=Path, help="kept afterwards (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="dateline-memory-") as tmp:
        workdir = args.workdir or Path(tmp)
        archive = workdir / "archive"
        if not archive.exists():
            write_archive(archive, args.articles, args.per_file, args.seed)
        cmd = [sys.executable, "-c", "from webui.cli import main; main()", "index", str(archive),
               "--index", str(workdir / "index"), "--rebuild"]
        if args.batch_size:
            cmd += ["--batch-size", str(args.batch_size)]
        if args.jobs:
            cmd += ["--jobs", str(args.jobs)]
        started = time.perf_counter()
        code, stderr, peaks = measure(cmd)
        seconds = time.perf_counter() - started
        summary = re.search(r"indexed (\d+).*?(\d+) commits", stderr)
        figures = {
            "articles": args.articles,
            "indexed": int(summary.group(1)) if summary else None,
            "commits": int(summary.group(2)) if summary else None,
            "seconds": round(seconds, 1),
            "peak_rss_main_mib": peaks["main"],
            "peak_rss_largest_worker_mib": peaks["worker"],
            "peak_rss_tree_mib": peaks["tree"],
            "cap_mib": args.cap_mb,
        }
    print(json.dumps(figures, indent=2))
    if code != 0:
        print(f"FAILED: dateline index exited {code}:\n{stderr[-2000:]}", file=sys.stderr)
        return 1
    if figures["indexed"] != args.articles:
        print(f"FAILED: indexed {figures['indexed']} of {args.articles}", file=sys.stderr)
        return 1
    if peaks["tree"] > args.cap_mb:
        print(f"FAILED: peak RSS {peaks['tree']} MiB (all processes) is over the {args.cap_mb} MiB cap",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
