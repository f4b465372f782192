"""Shared fixtures.  Tests that need ``../shared/corpora`` use ``corpora`` and skip cleanly without it."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[1]
SAMPLE_ARCHIVE = REPO_ROOT / "examples" / "archive"


def shared_dir() -> Path:
    """``$DATELINE_SHARED`` or the ``shared`` folder next to the repository."""
    return Path(os.environ.get("DATELINE_SHARED", REPO_ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def corpora() -> Path:
    """Path to the shared research corpora; skips the test when they are not on this machine."""
    path = shared_dir() / "corpora"
    if not path.is_dir():
        pytest.skip(f"shared corpora not found at {path} (set DATELINE_SHARED)")
    return path


@pytest.fixture(scope="session")
def sample_archive() -> Path:
    """The bundled five-article sample archive."""
    return SAMPLE_ARCHIVE


ENTITY_KEYS = (("person", "persons"), ("organization", "organizations"), ("place", "places"))


@pytest.fixture
def make_index(tmp_path):
    """Build a tiny index from hand-made records, skipping extraction, for exact assertions.

    Each record is a dict with ``id``, ``title``, ``body`` and optional ``outlet``, ``published``
    (date), ``speakers`` ({name: [quote, ...]}), ``persons``, ``organizations``, ``places``.
    Returns the index directory.
    """
    from index.article import Article, Entity, Extracted, Quote, Speaker
    from index.document import content_hash, to_document
    from index.extract import AliasTable
    from index.storage import create_index

    def build(records: list[dict], name: str = "ix") -> Path:
        index_dir = tmp_path / name
        ix = create_index(index_dir)
        aliases = AliasTable.default()
        writer = ix.writer()
        for rec in records:
            article = Article(id=rec["id"], path=rec["id"], title=rec["title"], body=rec["body"],
                              url=rec.get("url"), outlet=rec.get("outlet"), published=rec.get("published"))
            speakers = [
                Speaker(name, "person", [Quote(text=q, speaker=name, cue="said") for q in quotes])
                for name, quotes in rec.get("speakers", {}).items()
            ]
            entities = [
                Entity(n, kind)
                for kind, key in ENTITY_KEYS
                for n in rec.get(key, [])
            ]
            extracted = Extracted(body=rec["body"], outlet=rec.get("outlet"), published=rec.get("published"),
                                  speakers=speakers, entities=entities)
            writer.add_document(**to_document(article, extracted, content_hash(article), aliases))
        writer.commit()
        return index_dir

    return build


@pytest.fixture
def dateline_server():
    """Start real ``dateline serve`` processes: ``start(index_dir, *options) -> base URL``.

    Each runs on a free port and is stopped (and reaped) after the test.
    """
    import socket
    import subprocess
    import sys
    import tempfile
    import time
    import urllib.request

    processes: list[subprocess.Popen] = []

    def start(index_dir: Path, *options: str) -> str:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        command = [sys.executable, "-c", "from webui.cli import main; main()", "serve",
                   "--index", str(index_dir), "--port", str(port), *options]
        # A file, not a pipe: a server logging more than a pipe holds must not block on it.
        log = tempfile.TemporaryFile()  # noqa: SIM115 - closed after the test, with the process
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=log)
        process.log = log
        processes.append(process)
        url = f"http://127.0.0.1:{port}"
        for _ in range(300):  # up to ~30 s on a busy machine
            if process.poll() is not None:
                log.seek(0)
                raise RuntimeError(f"dateline serve exited: {log.read().decode()[-2000:]}")
            try:
                with urllib.request.urlopen(url + "/healthz", timeout=5):
                    return url
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("dateline serve did not answer /healthz")

    yield start
    for process in processes:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.log.close()
