"""index/storage.py: refreshing a searcher across commits that merge segments or delete documents.

Whoosh's own ``Searcher.refresh()`` (whoosh-reloaded 2.7.5) keeps the segments a merge replaced,
so a long-running server returned every article several times after a merging commit (issue 11).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from index.article import Article, Extracted
from index.document import content_hash, to_document
from index.extract import AliasTable
from index.storage import SETTLED_NS, create_index, latest_generation, open_index, refresh_searcher

ALIASES = AliasTable.default()


def _commit(ix, ids: list[str], body: str = "the minister said", **commit_args) -> None:
    writer = ix.writer()
    for article_id in ids:
        article = Article(id=article_id, path=article_id, title=f"Title {article_id}", body=body)
        extracted = Extracted(body=body, outlet=None, published=None, speakers=[], entities=[])
        writer.update_document(**to_document(article, extracted, content_hash(article), ALIASES))
    writer.commit(**commit_args)


def _stored_ids(searcher) -> list[str]:
    return sorted(fields["id"] for fields in searcher.all_stored_fields())


def _segment_ids(searcher) -> list[str]:
    return [leaf.segment().segment_id() for leaf, _offset in searcher.reader().leaf_readers()]


@pytest.fixture
def ix(tmp_path: Path):
    index = create_index(tmp_path / "ix")
    _commit(index, ["a1", "a2", "a3"], merge=False)
    _commit(index, ["b1", "b2", "b3"], merge=False)
    return open_index(tmp_path / "ix")


def test_whoosh_refresh_still_keeps_merged_away_segments(ix):
    """The upstream bug this module works around; if this starts failing, Whoosh fixed it."""
    searcher = ix.searcher()
    _commit(ix, ["c1"], optimize=True)
    assert searcher.refresh().doc_count() == 13  # 7 articles: the merged segment plus the two it replaced


def test_refresh_after_a_merge_sees_each_article_once(ix):
    searcher = ix.searcher()
    assert len(_segment_ids(searcher)) == 2
    _commit(ix, ["c1", "c2"], optimize=True)  # merges every segment into one
    fresh = refresh_searcher(ix, searcher)
    assert fresh.doc_count() == fresh.doc_count_all() == 8
    assert _stored_ids(fresh) == ["a1", "a2", "a3", "b1", "b2", "b3", "c1", "c2"]
    assert len(_segment_ids(fresh)) == 1
    assert fresh.reader().generation() == ix.latest_generation()


def test_refresh_sees_deletions_committed_to_an_existing_segment(ix):
    searcher = ix.searcher()
    _commit(ix, ["a2"], body="a corrected version", merge=False)  # deletes a2 in the first segment
    fresh = refresh_searcher(ix, searcher)
    assert fresh.doc_count() == 6
    assert _stored_ids(fresh) == ["a1", "a2", "a3", "b1", "b2", "b3"]
    assert [hit["id"] for hit in fresh.documents(id="a2")] == ["a2"]
    assert fresh.document(id="a2")["title"] == "Title a2"
    bodies = {fields["id"]: fields for fields in fresh.all_stored_fields()}
    assert len(bodies) == 6


def test_refresh_reuses_unchanged_segment_readers_and_returns_the_same_searcher_without_commits(ix):
    searcher = ix.searcher()
    assert refresh_searcher(ix, searcher) is searcher
    old_leaves = {leaf.segment().segment_id(): leaf for leaf, _ in searcher.reader().leaf_readers()}
    _commit(ix, ["c1"], merge=False)
    fresh = refresh_searcher(ix, searcher)
    new_leaves = {leaf.segment().segment_id(): leaf for leaf, _ in fresh.reader().leaf_readers()}
    assert len(new_leaves) == 3
    reused = [segid for segid, leaf in old_leaves.items() if new_leaves.get(segid) is leaf]
    assert sorted(reused) == sorted(old_leaves), "unchanged segments must not be reopened"
    assert refresh_searcher(ix, fresh) is fresh, "the refreshed searcher carries the new generation"


def test_refresh_of_a_single_reused_segment_reports_the_new_generation(tmp_path):
    index = create_index(tmp_path / "one")
    _commit(index, ["a1"])
    searcher = index.searcher()
    _commit(index, ["a1"])  # a new segment replacing the old one entirely (merged away as mostly deleted)
    fresh = refresh_searcher(index, searcher)
    assert _stored_ids(fresh) == ["a1"]
    assert fresh.reader().generation() == index.latest_generation()
    assert refresh_searcher(index, fresh) is fresh


def _counting_listings(monkeypatch, ix) -> list:
    listed = []
    whooshs = ix.latest_generation
    monkeypatch.setattr(ix, "latest_generation", lambda: listed.append(1) or whooshs())
    return listed


def test_latest_generation_lists_the_folder_only_when_it_changed(ix, monkeypatch):
    listed = _counting_listings(monkeypatch, ix)
    clock = [time.time_ns() + SETTLED_NS + 1]  # the folder's last change is settled
    monkeypatch.setattr(time, "time_ns", lambda: clock[0])
    generation = ix.latest_generation()
    listed.clear()
    assert [latest_generation(ix) for _ in range(5)] == [generation] * 5
    assert len(listed) == 1  # then one stat a call
    _commit(ix, ["c1"], merge=False)  # a new table of contents: the folder's time moves
    assert latest_generation(ix) == generation + 1 and len(listed) == 2


def test_latest_generation_keeps_listing_while_the_folder_changed_within_the_clock_tick(ix, monkeypatch):
    listed = _counting_listings(monkeypatch, ix)
    folder_time = os.stat(ix.storage.folder).st_mtime_ns
    monkeypatch.setattr(time, "time_ns", lambda: folder_time + SETTLED_NS // 2)  # changed just now
    generation = ix.latest_generation()
    listed.clear()
    assert [latest_generation(ix) for _ in range(3)] == [generation] * 3
    assert len(listed) == 3  # a commit in the same tick would not move the time: never trusted yet


def test_refresh_sees_a_commit_through_the_generation_check(ix, monkeypatch):
    monkeypatch.setattr(time, "time_ns", lambda: 2**62)  # every listing settled
    searcher = ix.searcher()
    assert refresh_searcher(ix, searcher) is searcher
    _commit(ix, ["c1"], merge=False)
    fresh = refresh_searcher(ix, searcher)
    assert fresh is not searcher and "c1" in _stored_ids(fresh)
