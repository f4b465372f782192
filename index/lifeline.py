"""Child processes of an indexing run that end, and clean up, as soon as the run's process dies.

Polling the parent pid between queue reads is not enough.  When the main process of ``dateline
index`` is killed while its queue feeder thread is writing a chunk of articles into the task pipe,
the pipe holds half a message; a worker reading it blocks in ``read()`` for the rest, which never
comes (the siblings keep the pipe's write end open), and it never gets back to its check.  A child
that finished its work blocks instead at exit, where multiprocessing joins the feeder thread that
is writing results into a full pipe nobody reads.  Issue 11 saw a worker linger in 4 of 6 runs
(once > 60 s) holding staging files and the manifest; in this session's repro, 12 minutes.

:func:`bind_to_parent` therefore uses three ways to notice, and one way out:

- on Linux the kernel sends SIGTERM when the parent dies (``prctl(PR_SET_PDEATHSIG)``), which
  interrupts a blocking read.  Strictly, when the parent *thread* that started the child ends:
  start children from a thread that outlives them (``index_paths`` joins them before returning).
  The signal can arrive while the dying parent's other threads still exist, so ``getppid()``
  cannot tell it from a ``terminate()``: the cleanup must be right for both;
- SIGTERM (also what ``Process.terminate()`` sends) runs the cleanup and exits;
- a daemon thread compares ``os.getppid()`` with the parent's pid every :data:`POLL_SECONDS`
  (every platform; also catches a parent that died before the ``prctl`` call);
- the exit is ``os._exit`` after the cleanup, skipping the exit handlers that would join the
  blocked feeder threads.
"""

from __future__ import annotations

import ctypes
import os
import signal
import sys
import threading
import time
from collections.abc import Callable

#: Seconds between two checks of the parent pid by the watchdog thread.
POLL_SECONDS = 0.25
#: Exit status of a child that ended because its parent died (EX_TEMPFAIL: rerun the command).
ORPHAN_EXIT_CODE = 75
_PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>

_leaving = threading.Lock()


def bind_to_parent(parent: int, cleanup: Callable[[], None]) -> bool:
    """In a child process: run ``cleanup()`` and exit as soon as ``parent`` (a pid) is gone.

    Call it first thing in the child, from its main thread.  Also handles SIGTERM the same way.
    Returns whether the kernel will signal the parent's death (Linux), else only the watchdog
    thread notices (within :data:`POLL_SECONDS`).
    """

    def leave(*_signal_args) -> None:
        if not _leaving.acquire(blocking=False):  # the other way of noticing is already leaving
            return
        try:
            cleanup()
        except BaseException:  # exiting anyway; what a failed cleanup leaves, the next run sweeps
            pass
        finally:
            os._exit(ORPHAN_EXIT_CODE)

    signal.signal(signal.SIGTERM, leave)
    armed = _signal_on_parent_death(signal.SIGTERM)
    if os.getppid() != parent:  # died before the kernel was asked to tell us
        leave()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(POLL_SECONDS)
        leave()

    threading.Thread(target=watch, name="dateline-parent-watch", daemon=True).start()
    return armed


def _signal_on_parent_death(signum: int) -> bool:
    """Ask Linux to send ``signum`` to this process when its parent dies; False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signum, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
