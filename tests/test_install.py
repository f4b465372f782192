"""A plain (non-editable) ``pip install`` of the project into a fresh virtual environment works.

The development venv is an editable install that has accumulated packages over time, so it can hide
a missing dependency: with the pip Python 3.11 ships (23.2), ``pip install .`` once left
trafilatura unable to import (``lxml.html.clean`` is the separate project ``lxml_html_clean``).
This test installs a copy of the working tree the way a user would, with the interpreter's own
pip (not upgraded) and pip's download cache, then imports trafilatura and runs ``dateline --help``.
It takes 15-60 s (more without a warm cache); it needs the package index or a local wheel folder
(``PIP_FIND_LINKS``), and skips when neither is reachable.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
#: What a source distribution holds; nothing else of the working tree (the .venv, indexes) is copied.
_COPIED = ("pyproject.toml", "README.md", "search", "index", "webui")

pytestmark = pytest.mark.install


def _copy_project(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in _COPIED:
        source = REPO / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=ignore)
        else:
            shutil.copy2(source, target / name)


def test_plain_pip_install_imports_trafilatura_and_runs_the_cli(tmp_path):
    project = tmp_path / "project"
    project.mkdir()
    _copy_project(project)
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(env_dir)
    python = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "python"
    # A copy, so pip's in-tree build leaves nothing in the repository.
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(project)],
        capture_output=True, text=True, timeout=900,
    )
    if install.returncode != 0 and ("No matching distribution" in install.stderr
                                     or "Could not find a version" in install.stderr):
        pytest.skip(f"package index unreachable: {install.stderr.strip().splitlines()[-1]}")
    assert install.returncode == 0, install.stderr
    imported = subprocess.run(
        [str(python), "-c", "import trafilatura, lxml.html.clean; print('ok')"],
        capture_output=True, text=True, timeout=120,
    )
    assert imported.stdout.strip() == "ok", imported.stderr
    dateline = env_dir / ("Scripts" if sys.platform == "win32" else "bin") / "dateline"
    helped = subprocess.run([str(dateline), "--help"], capture_output=True, text=True, timeout=120)
    assert helped.returncode == 0, helped.stderr
    assert "Dateline: full-text search for news-article archives." in helped.stdout
    for command in ("index", "search", "serve", "extract"):
        assert command in helped.stdout
