"""index/layout.py: what a killed run leaves counts as index files; anything else stops --rebuild."""

from __future__ import annotations

from pathlib import Path

import pytest

from index.layout import foreign_entries, is_index_entry
from index.writer import index_paths, wipe_index

#: What kill -9 at some moment of `dateline index` left in an index folder (seen in crash tests).
CRASH_LEFTOVERS = {
    "MAIN.tmp/4sopya2r6aedv5fohuew8apjktk4.ctmp": b"columns",  # a writer's temporary storage
    "MAIN.tmp/x1y2.run": b"posting run",
    "_MAIN_7.toc.1733361234.123456": b"half a toc",  # written, not yet renamed into place
    "MAIN_arj8cx6gqxi4tqgt._body_len.col": b"",  # an orphan segment's separate files
    "MAIN_arj8cx6gqxi4tqgt.trm": b"",
    "MAIN_arj8cx6gqxi4tqgt.pst": b"",
    "MAIN_LOCK": b"",
    "manifest.sqlite-journal": b"",
    "copies.sqlite-wal": b"",
    ".staging/6562-6a2fa304bcb94e0db5b1eeccbdeb047c/MAIN.tmp/84ck.ctmp": b"",
}


def _write(root: Path, files: dict[str, bytes]) -> None:
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _archive(tmp_path: Path) -> Path:
    archive = tmp_path / "news"
    archive.mkdir()
    (archive / "a.txt").write_text("Talks resume\n\nThe minister said talks resume.\n", encoding="utf-8")
    return archive


def test_rebuild_after_a_crash_wipes_what_the_crash_left(tmp_path):
    """Issue 11: 7 of 10 rebuilds after a kill -9 refused: "'MAIN.tmp' is not part of a Dateline index"."""
    archive, index_dir = _archive(tmp_path), tmp_path / "ix"
    index_paths([archive], index_dir, jobs=1, progress=False)
    _write(index_dir, CRASH_LEFTOVERS)
    assert foreign_entries(index_dir) == []
    report = index_paths([archive], index_dir, jobs=1, rebuild=True, progress=False)
    assert (report.indexed, report.unchanged) == (1, 0)
    assert not (index_dir / "MAIN.tmp").exists()
    assert not (index_dir / "_MAIN_7.toc.1733361234.123456").exists()


@pytest.mark.parametrize("foreign", ["notes.txt", "report.seg", "thesis.toc", "backup", "MAIN",
                                     "MAIN.tmp.bak", "manifest.sqlite.old", "_MAIN_.toc", ".git"])
def test_rebuild_still_refuses_a_folder_holding_other_files(tmp_path, foreign):
    archive, index_dir = _archive(tmp_path), tmp_path / "ix"
    index_paths([archive], index_dir, jobs=1, progress=False)
    _write(index_dir, {"MAIN.tmp/a.ctmp": b"", foreign: b"precious"})
    with pytest.raises(ValueError, match=rf"refusing to wipe .*'{foreign}' is not part of a Dateline index"):
        wipe_index(index_dir)
    assert (index_dir / foreign).read_bytes() == b"precious"
    assert (index_dir / "MAIN.tmp" / "a.ctmp").exists(), "nothing is deleted when the wipe is refused"


def test_refusal_counts_every_foreign_entry(tmp_path):
    _write(tmp_path, {"MAIN_WRITELOCK": b"", "b.txt": b"", "a.txt": b""})
    assert foreign_entries(tmp_path) == ["a.txt", "b.txt"]
    with pytest.raises(ValueError, match=r"'a.txt' \(and 1 more\) is not part"):
        wipe_index(tmp_path)


@pytest.mark.parametrize("name", ["_MAIN_12.toc", "MAIN_WRITELOCK", "MAIN_0v0a0pxjgryua1fd.seg", "MAIN.tmp",
                                  ".staging", "manifest.sqlite", "manifest.sqlite-wal", "manifest.sqlite-shm",
                                  "copies.sqlite", "copies.sqlite-journal"])
def test_every_name_a_run_creates_is_recognised(name):
    assert is_index_entry(name)


def test_everything_a_real_run_creates_is_recognised(tmp_path, sample_archive):
    """Guards the list against drift: a new file kept in the index folder must be added to layout."""
    index_dir = tmp_path / "ix"
    index_paths([sample_archive], index_dir, jobs=2, batch_size=2, progress=False)
    assert sorted(p.name for p in index_dir.iterdir())  # not vacuous: the run wrote files
    assert foreign_entries(index_dir) == []
