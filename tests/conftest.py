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
    from processes import start_server, stop_server

    processes = []

    def start(index_dir: Path, *options: str) -> str:
        url, process = start_server(index_dir, *options)
        processes.append(process)
        return url

    yield start
    for process in processes:
        stop_server(process)


class StepClock:
    """A clock that advances one second each time it is read: a budget of N seconds allows N reads
    of the deadline, so a test counts the work a deadline lets through instead of timing it."""

    def __init__(self) -> None:
        self.now = 0.0

    def __call__(self) -> float:
        self.now += 1.0
        return self.now


@pytest.fixture
def step_clock() -> StepClock:
    """A fresh :class:`StepClock`, to inject into a ``search.budget.Deadline``."""
    return StepClock()


@pytest.fixture(scope="session")
def opensearch_cluster(tmp_path_factory):
    """A real 3-node OpenSearch cluster (``scripts/opensearch_cluster.py``), once per session.

    Skips when Java, Maven or the artifacts are unavailable; fails instead when
    ``DATELINE_REQUIRE_CLUSTER=1`` (as CI sets it).  Stopped at the end of the session.
    """
    from processes import TEST_JVM_OPTIONS, opensearch_home

    from scripts.opensearch_cluster import start_cluster

    cluster = start_cluster(3, tmp_path_factory.mktemp("opensearch"), heap="512m", home=opensearch_home(),
                            jvm_options=TEST_JVM_OPTIONS)
    yield cluster
    cluster.stop()
