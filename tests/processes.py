"""Watching processes from tests: whether a pid still runs, and polling until a set has ended.

Polls a condition a bounded number of times instead of asserting a duration, so a loaded machine
makes a test slower, never red.
"""

from __future__ import annotations

import time
from pathlib import Path

#: Polls of 0.1 s before a process counts as having outlived what should have ended it.
MAX_POLLS = 200


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
