"""index/lifeline.py: a worker or committer whose run was killed exits and removes the run's staging.

The situation of issue 11, built on purpose: the run's process is killed while its queue feeder
thread is writing a message, so the pipe holds half of one and the child blocks in ``read()`` for
the rest.  Before the lifeline, such a child stayed blocked for good (12 minutes in this session's
repro, until killed by hand).
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from processes import alive, wait_until_gone

REPO = Path(__file__).resolve().parents[1]
#: Polls of 0.1 s before a child that outlives its run counts as stuck: a bound on a condition, not a
#: speed target (the child normally exits within one poll).

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")

# The "run": starts one child (worker or committer) of index/writer.py on real queues, leaves half a
# message in the child's input pipe, prints the child's pid and waits to be killed.
RUN = r"""
import multiprocessing, os, struct, sys, time
from pathlib import Path
from index import writer
from index.storage import create_index

role, index_dir = sys.argv[1], Path(sys.argv[2])
ix = create_index(index_dir)
staging = index_dir / ".staging" / f"{os.getpid()}-unfinished"
staging.mkdir(parents=True)
(staging / "MAIN_x.seg").write_bytes(b"half a segment")
ctx = multiprocessing.get_context("fork")
events = ctx.Queue()
if role == "worker":
    config = writer._WorkerConfig(str(index_dir), None, 1000, 64, os.getpid())
    inbox = ctx.Queue()
    child = ctx.Process(target=writer._worker_process, args=(config, ix.schema, inbox, events, os.getpid()))
    child.start()
else:
    committer = writer._Committer(ix, index_dir, events, lock_timeout=5, limit_mb=64, context=ctx)
    committer.start()
    child, inbox = committer.runner, committer.jobs
# A message header announcing 4,096 bytes, then 3 of them: what a kill in mid-write leaves.
os.write(inbox._writer.fileno(), struct.pack("!i", 4096) + b"\x80\x04\x95")
print(child.pid, flush=True)
time.sleep(600)
"""


@pytest.mark.parametrize("role", ["worker", "committer"])
def test_child_blocked_on_half_a_message_exits_when_its_run_is_killed(tmp_path, role):
    index_dir = tmp_path / "ix"
    run = subprocess.Popen([sys.executable, "-c", RUN, role, str(index_dir)], cwd=REPO,
                           stdout=subprocess.PIPE, text=True)
    child = None
    try:
        child = int(run.stdout.readline())
        staging = index_dir / ".staging" / f"{run.pid}-unfinished"
        assert staging.is_dir() and alive(child)
        run.send_signal(signal.SIGKILL)
        run.wait()
        stuck = wait_until_gone([child])
        assert stuck == [], f"the {role} outlived its run"
        assert not staging.exists(), "the run's staging folder was left behind"
    finally:
        run.kill()
        if child is not None and alive(child):
            os.kill(child, signal.SIGKILL)
