"""Index durability: fsync before a commit is reported, and damaged indexes give a clear message.

Whoosh never fsyncs, and a killed writer can leave a table of contents (TOC) that cannot be read
(whoosh-community/whoosh #323, #349, #441).  These tests damage a real index the ways a crash or a
full disk do and check every entry point: the library, ``dateline search``, ``dateline index``,
the JSON API and the HTML page.  Each must name the rebuild command, none may show a traceback.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from index.storage import IndexCorruptError, IndexMissingError, open_index
from index.writer import index_paths
from webui import create_app
from webui.cli import main as cli

REBUILD = "dateline index --rebuild"


@pytest.fixture(scope="module")
def built_index(tmp_path_factory, sample_archive) -> Path:
    """The sample archive indexed in two commits (so there are two segment files)."""
    index_dir = tmp_path_factory.mktemp("built") / "index"
    index_paths([sample_archive], index_dir, jobs=1, batch_size=3, progress=False)
    return index_dir


@pytest.fixture
def index_copy(built_index, tmp_path) -> Path:
    target = tmp_path / "index"
    shutil.copytree(built_index, target)
    return target


def _toc(index_dir: Path) -> Path:
    return max(index_dir.glob("_MAIN_*.toc"), key=lambda p: int(p.stem.rsplit("_", 1)[1]))


def _segments(index_dir: Path) -> list[Path]:
    return sorted(index_dir.glob("MAIN_*.seg"), key=lambda p: p.stat().st_size)


def _truncate(path: Path, keep: float) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: int(len(data) * keep)])


DAMAGE = {
    "truncated TOC": lambda d: _truncate(_toc(d), 0.5),
    "empty TOC": lambda d: _truncate(_toc(d), 0.0),
    "garbage TOC": lambda d: _toc(d).write_bytes(b"\x00garbage" * 64),
    "truncated segment": lambda d: [_truncate(s, 0.5) for s in _segments(d)],
    "segment cut at its end": lambda d: [_truncate(s, 0.97) for s in _segments(d)],
    "missing segment": lambda d: _segments(d)[-1].unlink(),
    "zeroed segment": lambda d: [s.write_bytes(b"\x00" * s.stat().st_size) for s in _segments(d)],
}


# -- durability ------------------------------------------------------------------------------------
def test_each_commit_fsyncs_every_index_file_and_the_directory_before_it_is_reported(
    tmp_path, sample_archive, monkeypatch
):
    """Like Lucene's commit point: segment files, then the TOC, then the directory entry.

    A commit is reported by the main thread while the committer may already be writing the next
    one, so the check reads the TOC of the reported commit from the fsync record (Whoosh writes
    each TOC as ``_MAIN_<generation>.toc.<time>`` and renames it), not the newest TOC on disk.
    """
    events: list[tuple[str, int, str]] = []
    real_fsync = os.fsync

    def recording_fsync(fd: int) -> None:
        real_fsync(fd)
        info = os.fstat(fd)
        link = f"/proc/self/fd/{fd}"
        kind = "dir" if os.path.isdir(link) else "file"
        events.append((kind, info.st_ino, os.path.basename(os.readlink(link))))

    def toc_generation(name: str) -> int | None:
        return int(name.split(".toc.")[0].rsplit("_", 1)[1]) if ".toc." in name else None

    monkeypatch.setattr(os, "fsync", recording_fsync)
    index_dir = tmp_path / "index"
    checked = []

    def on_commit(batch: int, total: int) -> None:
        # At the moment a commit is reported, its TOC and every segment file are synced, and the
        # directory was synced after the TOC (generation 0 is the new index's own, empty TOC).
        commit_tocs = [i for i, (kind, _ino, name) in enumerate(events)
                       if kind == "file" and (toc_generation(name) or 0) > 0]
        assert len(commit_tocs) > len(checked), "a commit was reported before its TOC was synced"
        toc_at = commit_tocs[len(checked)]
        synced_files = {ino for kind, ino, _name in events if kind == "file"}
        unsynced = [p.name for p in index_dir.glob("MAIN_*.seg") if p.stat().st_ino not in synced_files]
        assert not unsynced, f"reported a commit with unsynced files {unsynced}"
        dir_ino = index_dir.stat().st_ino
        assert any(kind == "dir" and ino == dir_ino for kind, ino, _name in events[toc_at:]), (
            "the directory was not fsynced after the TOC was renamed into place"
        )
        checked.append(total)

    index_paths([sample_archive], index_dir, jobs=1, batch_size=2, progress=False, on_commit=on_commit)
    assert checked == [2, 4, 5]


# -- damaged indexes -------------------------------------------------------------------------------
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_damaged_index_names_the_rebuild_command_everywhere(index_copy, sample_archive, damage):
    DAMAGE[damage](index_copy)
    with pytest.raises(IndexCorruptError, match=REBUILD):
        open_index(index_copy)

    runner = CliRunner()
    for args in (["search", "lavrov", "--index", str(index_copy)],
                 ["search", "lavrov", "--json", "--index", str(index_copy)],
                 ["index", str(sample_archive), "--index", str(index_copy), "--jobs", "1", "-q"]):
        result = runner.invoke(cli, args)
        assert result.exit_code == 1, (args, result.output)
        assert isinstance(result.exception, SystemExit), result.exception  # ClickException, not a crash
        assert REBUILD in result.output and "Traceback" not in result.output

    client = create_app({"INDEX_DIR": str(index_copy), "TESTING": True}).test_client()
    for url in ("/api/search?q=lavrov", "/api/search", "/api/article/x"):
        response = client.get(url)
        assert response.status_code == 503, url
        assert REBUILD in response.get_json()["error"]["message"]
    page = client.get("/?q=lavrov")
    assert page.status_code == 503
    assert REBUILD in page.get_data(as_text=True) and "Traceback" not in page.get_data(as_text=True)

    # The one command the message names repairs it.
    result = runner.invoke(cli, ["index", "--rebuild", str(sample_archive), "--index", str(index_copy),
                                 "--jobs", "1", "-q"])
    assert result.exit_code == 0, result.output
    assert open_index(index_copy).doc_count() == 5
    assert client.get("/api/search?q=lavrov").get_json()["total"] >= 1


def test_damage_appearing_while_the_server_runs_is_a_503_not_a_500(index_copy, sample_archive, tmp_path):
    """A new generation with a broken segment must not turn into 500s once searchers refresh."""
    client = create_app({"INDEX_DIR": str(index_copy), "TESTING": True}).test_client()
    assert client.get("/api/search?q=lavrov").status_code == 200
    extra = tmp_path / "extra"
    extra.mkdir()
    (extra / "new.txt").write_text("Fresh headline\n\nA brand new article about Ankara.\n", encoding="utf-8")
    before = set(index_copy.glob("MAIN_*.seg"))
    index_paths([extra], index_copy, jobs=1, progress=False)
    new_segments = set(index_copy.glob("MAIN_*.seg")) - before
    assert new_segments
    for seg in new_segments:
        _truncate(seg, 0.3)
    response = client.get("/api/search?q=ankara")
    assert response.status_code == 503
    assert REBUILD in response.get_json()["error"]["message"]


def test_missing_index_names_the_build_command(tmp_path):
    empty = tmp_path / "nothing"
    with pytest.raises(IndexMissingError, match="dateline index"):
        open_index(empty)
    result = CliRunner().invoke(cli, ["search", "x", "--index", str(empty)])
    assert result.exit_code == 1 and "dateline index" in result.output
    assert not empty.exists(), "searching must never create an index"


def test_leftovers_of_a_killed_writer_do_not_break_the_index(index_copy):
    """A half-written next generation (orphan segment, temp TOC) is ignored: the last commit serves."""
    (index_copy / "MAIN_orphan0123456789.seg").write_bytes(b"\x00" * 1000)
    (index_copy / f"{_toc(index_copy).name}.tmp12345").write_bytes(b"half a toc")
    ix = open_index(index_copy)
    assert ix.doc_count() == 5
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 5


def test_runs_starting_together_on_a_new_index_create_it_once(tmp_path):
    """Two `dateline index` runs on a fresh folder used to race in Whoosh's create (found by the suite)."""
    import threading

    from index.storage import open_or_create_index

    errors: list[BaseException] = []
    for attempt in range(5):
        index_dir = tmp_path / f"new{attempt}"
        barrier = threading.Barrier(6)

        def start(barrier: threading.Barrier = barrier, index_dir: Path = index_dir) -> None:
            barrier.wait()
            try:
                open_or_create_index(index_dir).close()
            except BaseException as exc:  # collected: the assertion below shows it
                errors.append(exc)

        threads = [threading.Thread(target=start) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert open_index(index_dir).doc_count() == 0
    assert errors == []
