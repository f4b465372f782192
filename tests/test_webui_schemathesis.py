"""Schemathesis against a real ``dateline serve`` on the sample archive, every check on.

Generated requests (valid and invalid ones, a few thousand, fixed seed) go to every operation of
``/api/openapi.json``; each response must match the document: no 5xx, documented statuses, headers
and bodies, invalid input refused, valid input accepted (apart from the three refusals JSON Schema
cannot express, see tests/schemathesis/hooks.py), ``Allow`` on a 405.  About two minutes on two
cores.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
#: Cases per operation and phase; about 2,500 requests in all over the API's operations.
MAX_EXAMPLES = 400
SEED = 20261205


@pytest.mark.slow
def test_the_api_matches_its_openapi_document(tmp_path, sample_archive, dateline_server):
    from index.writer import index_paths

    index_dir = tmp_path / "ix"
    index_paths([sample_archive], index_dir, jobs=1, progress=False)
    base_url = dateline_server(index_dir)
    env = {**os.environ, "SCHEMATHESIS_HOOKS": "hooks",
           "PYTHONPATH": os.pathsep.join([str(HERE / "schemathesis"), str(HERE.parent)])}
    command = [sys.executable, "-m", "schemathesis.cli", "--no-color",
               "--config-file", str(HERE / "schemathesis" / "schemathesis.toml"),
               "run", f"{base_url}/api/openapi.json", "--checks", "all",
               "--max-examples", str(MAX_EXAMPLES), "--seed", str(SEED), "--workers", "2",
               "--request-timeout", "60", "--report-dir", str(tmp_path / "report")]
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=900)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-6000:]
    generated = re.search(r"(\d+) generated", output)
    assert generated and int(generated.group(1)) >= 2000, output[-2000:]
