#!/usr/bin/env python3
"""Print the interpreter ``.venv`` is made from: the fastest suitable CPython on this machine.

    python3 scripts/pick_python.py              # the chosen interpreter's path
    python3 scripts/pick_python.py --explain    # every candidate, its speed, and the choice (stderr)

Suitable means CPython >= 3.11 (pyproject's ``requires-python``) that can create a virtual
environment (``venv`` with ``ensurepip``).  How an interpreter was built matters as much as its
version: on this project's machine, pyenv's 3.11.7 (a ``--enable-shared`` build without PGO or
LTO: every call into the interpreter goes through ``libpython3.11.so``) extracts 293 AllSides
articles/s where Debian's 3.11.2 (statically linked, PGO and LTO) extracts 373, both compiled
by mypyc (docs/performance.md, "Issue 15, round 16: the interpreter").  No build flag tells them apart
reliably (Debian's ``CONFIG_ARGS`` do not mention its profile-guided build), so each candidate
runs a short sample of the work Dateline does most (regular expressions over news text, string
methods, dict look-ups, small Python functions) and the fastest wins.  ``python3`` keeps its place
unless another is at least ``MARGIN`` faster, so near-ties (noise) never change the choice.
Candidates missing C headers rank after those that have them: mypyc compiles extraction against
them.

``DATELINE_PYTHON`` (a path or command name) skips the search: that interpreter is used as it is.
Standard library only, so any ``python3`` can run it before ``.venv`` exists.
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import subprocess
import sys

#: Oldest CPython Dateline runs on (pyproject.toml's requires-python).
MINIMUM = (3, 11)
#: Names looked up on PATH, in order of preference on a tie; ``python3`` first.
NAMES = ("python3", "python3.11", "python3.12", "python3.13", "python3.14")
#: Folders where distributions install interpreters that PATH may shadow (pyenv's shims, say).
SYSTEM_GLOBS = ("/usr/bin/python3*", "/usr/local/bin/python3*")
#: How much faster (as a ratio of speeds) another interpreter must be to replace ``python3``.
MARGIN = 1.10
#: Seconds a candidate may take to answer the probe (start-up plus the sample, three times).
PROBE_TIMEOUT = 60

#: Run inside each candidate: what it is, whether it can make a venv, and its best time over the
#: sample.  Prints one JSON object.
PROBE = r"""
import json, os, re, sys, sysconfig, time
info = {"executable": os.path.realpath(sys.executable), "version": list(sys.version_info[:3]),
        "implementation": sys.implementation.name}
try:
    import ensurepip, venv  # noqa: F401  (Debian ships ensurepip separately, in python3-venv)
    info["venv"] = True
except ImportError:
    info["venv"] = False
include = sysconfig.get_paths().get("include") or ""
info["headers"] = os.path.isfile(os.path.join(include, "Python.h"))
TEXT = ("Russian Foreign Minister Sergei Lavrov said on Feb. 24 that Moscow and Ankara would hold "
        "new consultations on Idlib, \u201cdespite many difficulties,\u201d the ministry added. ") * 40
NAME = re.compile(r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)*")
def words(text):
    seen = {}
    for word in text.lower().split():
        word = word.strip(".,\u201c\u201d")
        seen[word] = seen.get(word, 0) + 1
    return seen
def sample():
    total = 0
    for _ in range(60):
        total += len(NAME.findall(TEXT)) + len(words(TEXT))
        total += sum(1 for i, w in enumerate(TEXT.split()) if w[:1].isupper() and i % 3)
    return total
best = float("inf")
for _ in range(3):
    start = time.perf_counter()
    sample()
    best = min(best, time.perf_counter() - start)
info["seconds"] = best
print(json.dumps(info))
"""


def candidates() -> list[str]:
    """Interpreter commands to probe, in order of preference on a tie (duplicates removed later)."""
    found = [path for name in NAMES if (path := shutil.which(name))]
    for pattern in SYSTEM_GLOBS:
        # python3, python3.11, ...; not python3-config, python3.11-dbg and the like
        found += sorted(path for path in glob.glob(pattern)
                        if os.path.basename(path).replace("python", "").replace(".", "").isdigit())
    return list(dict.fromkeys(found))


def probe(command: str) -> dict | None:
    """What ``command`` reports about itself (see PROBE), or None when it does not run."""
    try:
        # -I: isolated from PYTHON* variables, the user's site-packages and the current folder
        done = subprocess.run([command, "-I", "-c", PROBE], capture_output=True, text=True,
                              timeout=PROBE_TIMEOUT, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    if done.returncode != 0:
        return None
    try:
        return json.loads(done.stdout.strip().splitlines()[-1])
    except (ValueError, IndexError):
        return None


def suitable(info: dict) -> bool:
    """CPython, new enough, able to create a virtual environment."""
    return (info["implementation"] == "cpython" and tuple(info["version"][:2]) >= MINIMUM
            and bool(info["venv"]))


def choose(infos: list[dict]) -> dict | None:
    """The interpreter to use among probed, suitable ``infos`` (in preference order).

    Those with C headers come first; among them the first (``python3``, normally) unless another
    is at least ``MARGIN`` times as fast, then the fastest.
    """
    if not infos:
        return None
    pool = [info for info in infos if info["headers"]] or infos
    first = pool[0]
    fastest = min(pool, key=lambda info: info["seconds"])
    return fastest if first["seconds"] >= MARGIN * fastest["seconds"] else first


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--explain", action="store_true", help="report every candidate on stderr")
    args = parser.parse_args(argv)
    override = os.environ.get("DATELINE_PYTHON")
    if override:
        print(override)
        return 0
    seen: set[str] = set()
    infos = []
    for command in candidates():
        info = probe(command)
        if info is None or info["executable"] in seen:
            continue
        seen.add(info["executable"])
        info["command"] = command
        if args.explain:
            version = ".".join(map(str, info["version"]))
            flags = f"venv {'yes' if info['venv'] else 'no'}, headers {'yes' if info['headers'] else 'no'}"
            print(f"pick_python: {command} -> {info['executable']} {version}:"
                  f" sample {info['seconds'] * 1000:.1f} ms, {flags}", file=sys.stderr)
        if suitable(info):
            infos.append(info)
    chosen = choose(infos)
    if chosen is None:
        print("pick_python: no CPython >= 3.11 with venv found; install python3 (>= 3.11) and python3-venv",
              file=sys.stderr)
        return 1
    if args.explain:
        print(f"pick_python: chose {chosen['executable']}", file=sys.stderr)
    print(chosen["executable"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
