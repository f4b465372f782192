"""Atom feeds of searches (/api/search.atom), the indexed-at time behind them, and ``--since``.

Feeds are read with feedparser, a real feed parser, as a feed reader would.  Indexing runs get an
injected clock, so "newest indexed first" is tested without sleeping.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime

import feedparser
import pytest
from click.testing import CliRunner

from index.writer import index_paths
from webui import create_app
from webui.cli import main
from webui.feed import article_uri

T1 = int(datetime(2026, 12, 1, 9, 0, tzinfo=UTC).timestamp())
T2 = int(datetime(2026, 12, 3, 9, 0, tzinfo=UTC).timestamp())
T3 = int(datetime(2026, 12, 4, 9, 0, tzinfo=UTC).timestamp())


def _write(folder, name, title, body):
    (folder / name).write_text(f"{title}\n\n{body}\n", encoding="utf-8")


def _index(archive, index_dir, when):
    return index_paths([archive], index_dir, jobs=1, progress=False, clock=lambda: when)


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "a_2019-03-29.txt", "Idlib talks in Sochi",
           'Maria Zakharova said: "Idlib remains a hotbed of terrorism."\n\nTASS')
    _write(folder, "b.txt", "Weather in Moscow", "Snow is expected in Moscow.")
    return folder


def _feed(client, query: str):
    response = client.get(f"/api/search.atom?{query}")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    # feedparser's own sanitiser drops <mark> (not on its list): read the summaries as sent.
    parsed = feedparser.parse(response.data, sanitize_html=False)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def test_a_newly_indexed_matching_article_comes_first_and_old_entries_keep_their_time(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir, T1)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    first = _feed(client, "q=idlib")
    assert [e.id for e in first.entries] == [article_uri("news/a_2019-03-29.txt")]
    entry = first.entries[0]
    assert entry.title == "Idlib talks in Sochi"
    assert entry.updated == "2026-12-01T09:00:00Z"
    assert entry.published == "2019-03-29T00:00:00Z"
    assert entry.link == "http://localhost/article/news/a_2019-03-29.txt"
    assert entry.author == "TASS"
    assert "<mark>Idlib</mark>" in entry.summary
    assert first.feed.title == "Dateline: idlib"
    assert first.feed.updated == "2026-12-01T09:00:00Z"

    _write(archive, "c.txt", "New Idlib clashes", "Fighting resumed near Idlib on Monday.")
    _index(archive, index_dir, T2)
    second = _feed(client, "q=idlib")
    assert [e.id for e in second.entries] == [article_uri("news/c.txt"), article_uri("news/a_2019-03-29.txt")]
    assert [e.updated for e in second.entries] == ["2026-12-03T09:00:00Z", "2026-12-01T09:00:00Z"]
    assert second.feed.updated == "2026-12-03T09:00:00Z"
    assert second.feed.id == first.feed.id  # the same search is the same feed
    etag = client.get("/api/search.atom?q=idlib").headers["ETag"]
    assert client.get("/api/search.atom?q=idlib", headers={"If-None-Match": etag}).status_code == 304


def test_a_changed_article_keeps_the_time_it_first_entered_the_index(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir, T1)
    _write(archive, "b.txt", "Weather in Moscow", "Snow and ice are expected in Moscow.")
    report = _index(archive, index_dir, T2)
    assert report.indexed == 1  # b.txt was rewritten ...
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    entries = _feed(client, "q=moscow").entries
    assert [e.updated for e in entries] == ["2026-12-01T09:00:00Z"]  # ... under its first time
    article = client.get("/api/article/news/b.txt").get_json()
    assert article["indexed"] == "2026-12-01T09:00:00Z"


def test_since_filters_the_api_and_the_cli_by_indexing_time(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir, T1)
    _write(archive, "c.txt", "New Idlib clashes", "Fighting resumed near Idlib on Monday.")
    _index(archive, index_dir, T3)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    data = client.get("/api/search?since=2026-12-02&sort=indexed").get_json()
    assert [h["id"] for h in data["hits"]] == ["news/c.txt"]
    assert data["since"] == "2026-12-02T00:00:00Z"
    assert data["hits"][0]["indexed"] == "2026-12-04T09:00:00Z"
    every = client.get("/api/search?sort=indexed").get_json()
    assert [h["id"] for h in every["hits"]] == ["news/c.txt", "news/b.txt", "news/a_2019-03-29.txt"]

    cli = CliRunner().invoke(main, ["search", "--since", "2026-12-02T00:00", "--index", str(index_dir),
                                    "--json"])
    assert cli.exit_code == 0, cli.output
    assert [h["id"] for h in json.loads(cli.output)["hits"]] == ["news/c.txt"]
    text = CliRunner().invoke(main, ["search", "idlib", "--since", "2026-12-02", "--index", str(index_dir)])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("1 articles\n")
    assert "indexed 2026-12-04T09:00:00Z" in text.output
    # A duration counts back from now: everything above was indexed in December 2026.
    recent = CliRunner().invoke(main, ["search", "--since", "9999w", "--index", str(index_dir), "--json"])
    assert json.loads(recent.output)["total"] == 3
    bad = CliRunner().invoke(main, ["search", "--since", "last week", "--index", str(index_dir)])
    assert bad.exit_code == 1
    assert "since must be a duration" in bad.output


def test_feed_errors_have_the_api_error_shape(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir, T1)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    for query, param in (("q=%2Aabc", None), ("since=yesterday", "since"), ("speakr=x", "speakr")):
        response = client.get(f"/api/search.atom?{query}")
        assert response.status_code == 400
        error = response.get_json()["error"]
        assert error["status"] == 400
        if param:
            assert param in error["message"]


def test_feed_filters_entries_and_escapes_text(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    _write(folder, "x.txt", "Idlib <script>alert(1)</script> \uffff talks", "Idlib & Sochi <b>bold</b>.")
    index_dir = tmp_path / "ix"
    _index(folder, index_dir, T1)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    parsed = _feed(client, "q=idlib&per_page=1&sort=oldest&page=3")
    entry = parsed.entries[0]
    assert entry.title == "Idlib <script>alert(1)</script>  talks"  # text; U+FFFF is not XML
    assert entry.summary == "<mark>Idlib</mark> &amp; Sochi &lt;b&gt;bold&lt;/b&gt;."
    empty = _feed(client, "q=nothingmatches&outlet=TASS")
    assert empty.entries == []
    assert empty.feed.title == "Dateline: nothingmatches (outlet: TASS)"


def test_search_page_links_its_feed(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir, T1)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    html = client.get("/?q=idlib&page=1&sort=newest").get_data(as_text=True)
    assert ('<link rel="alternate" type="application/atom+xml" title="Dateline: idlib (new articles)" '
            'href="/api/search.atom?q=idlib">') in html
    assert '<a href="/api/search.atom?q=idlib" type="application/atom+xml"' in html
