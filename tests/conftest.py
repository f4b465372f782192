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
