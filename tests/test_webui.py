"""HTTP behaviour of the app: JSON shape, errors, missing index, escaping, headers."""

from datetime import date
from pathlib import Path

import pytest

from webui import create_app

RECORDS = [
    {
        "id": "x/1.txt",
        "title": "Title <script>alert(1)</script>",
        "body": "Body <script>alert(2)</script> idlib",
        "outlet": "Evil <img src=x onerror=alert(3)>",
        "published": date(2020, 1, 2),
        "speakers": {"Bad <b>Speaker</b>": ["idlib <script>alert(4)</script>"]},
    },
    {
        "id": "x/2.txt",
        "title": "Second",
        "body": "Another idlib story.",
        "outlet": "TASS",
        "published": date(2020, 2, 3),
    },
]


@pytest.fixture
def client(make_index):
    return create_app({"INDEX_DIR": str(make_index(RECORDS)), "TESTING": True}).test_client()


def test_api_search_shape(client):
    data = client.get("/api/search?q=idlib&per_page=1").get_json()
    assert list(data)[:5] == ["query", "total", "page", "per_page", "sort"]
    assert (data["query"], data["total"], data["page"], data["per_page"], data["pages"]) == (
        "idlib",
        2,
        1,
        1,
        2,
    )
    assert set(data["facets"]) == {
        "outlet",
        "speaker",
        "person",
        "organization",
        "place",
        "month",
        "day",
    }
    assert set(data["hits"][0]) == {"id", "title", "outlet", "published", "speakers", "url", "snippet",
                                    "indexed", "cluster", "copies", "copies_total", "also_published_by"}
    assert data["facets"]["month"] == [
        {"value": "2020-01", "count": 1, "selected": False},
        {"value": "2020-02", "count": 1, "selected": False},
    ]


@pytest.mark.parametrize(
    "url, fragment",
    [
        ("/api/search?q=*", "wildcards may not start a word"),
        ("/api/search?per_page=500", "per_page must be at most 100"),
        ("/api/search?from=2020-99-01", "from must be a date"),
        ("/api/search?colour=red", "unknown parameter 'colour'"),
    ],
)
def test_bad_input_is_a_400_with_one_error_shape(client, url, fragment):
    response = client.get(url)
    assert response.status_code == 400
    error = response.get_json()["error"]
    assert error["status"] == 400 and fragment in error["message"]


def test_bad_input_on_the_html_page_is_a_400_page(client):
    response = client.get("/?q=*ing")
    assert response.status_code == 400
    assert "wildcards may not start a word" in response.get_data(as_text=True)


def test_unknown_article_is_404(client):
    for url in ("/api/article/nope", "/api/article/../../etc/passwd", "/article/..%2F..%2Fetc%2Fpasswd"):
        response = client.get(url)
        assert response.status_code == 404, url
    assert client.get("/api/article/nope").get_json()["error"]["status"] == 404


def test_missing_index_is_503_naming_the_command(tmp_path):
    client = create_app({"INDEX_DIR": str(tmp_path / "none"), "TESTING": True}).test_client()
    response = client.get("/api/search?q=x")
    assert response.status_code == 503
    assert "dateline index" in response.get_json()["error"]["message"]


def test_hostile_text_is_escaped_everywhere(client):
    html = client.get("/?q=idlib").get_data(as_text=True)
    assert "<script>alert" not in html and "<img src=x" not in html and "<b>Speaker" not in html
    assert "Title &lt;script&gt;alert(1)&lt;/script&gt;" in html
    data = client.get("/api/search?q=idlib").get_json()
    snippet = next(h["snippet"] for h in data["hits"] if h["id"] == "x/1.txt")
    assert snippet == "Body &lt;script&gt;alert(2)&lt;/script&gt; <mark>idlib</mark>"
    article = client.get("/article/x/1.txt").get_data(as_text=True)
    assert "<script>alert" not in article and "<img src=x" not in article


def test_security_headers(client):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


def _story_archive(tmp_path: Path) -> tuple[Path, Path]:
    """(archive, index): one story indexed from a folder; :func:`_add_story` commits a second."""
    from index.writer import index_paths

    archive = tmp_path / "news"
    archive.mkdir()
    (archive / "a.txt").write_text("Alpha\n\nFirst idlib story.\n", encoding="utf-8")
    index_dir = tmp_path / "live"
    index_paths([archive], index_dir, jobs=1, progress=False)
    return archive, index_dir


def _add_story(archive: Path, index_dir: Path) -> None:
    from index.writer import index_paths

    (archive / "b.txt").write_text("Beta\n\nSecond idlib story.\n", encoding="utf-8")
    index_paths([archive], index_dir, jobs=1, progress=False)


def test_new_commits_are_visible_without_restart(make_index, tmp_path):
    archive, index_dir = _story_archive(tmp_path)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    assert client.get("/api/search?q=idlib").get_json()["total"] == 1
    _add_story(archive, index_dir)
    assert client.get("/api/search?q=idlib").get_json()["total"] == 2


def _term_tables_in_memory(store) -> list[bool]:
    from whoosh.filedb.structfile import BufferFile

    reader = store.searcher().reader()
    leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
    return [isinstance(leaf._terms._dbfile, BufferFile) for leaf, _offset in leaves]


def test_a_warmed_server_keeps_term_tables_in_memory_across_commits(tmp_path):
    from search.request import SearchRequest

    archive, index_dir = _story_archive(tmp_path)
    cold = create_app({"INDEX_DIR": str(index_dir)}).extensions["dateline"]
    assert _term_tables_in_memory(cold) == [False]  # a one-off command reads terms from the file
    store = create_app({"INDEX_DIR": str(index_dir)}).extensions["dateline"]
    assert store.warm() is True
    assert _term_tables_in_memory(store) == [True]
    _add_story(archive, index_dir)
    assert store.search(SearchRequest.from_args({"q": "idlib"})).total == 2
    assert all(_term_tables_in_memory(store))  # the refreshed searcher's new segments too


def test_a_term_table_that_cannot_be_read_is_a_damaged_index_not_a_500(tmp_path, monkeypatch):
    from index.storage import IndexCorruptError
    from search import whoosh_compat

    archive, index_dir = _story_archive(tmp_path)
    store = create_app({"INDEX_DIR": str(index_dir)}).extensions["dateline"]
    assert store.warm() is True
    _add_story(archive, index_dir)

    def failing_pread(*args):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(whoosh_compat.os, "pread", failing_pread)
    with pytest.raises(IndexCorruptError, match="cannot be read"):
        store.searcher()  # the refresh opens the new segment and reads its term table


def test_warm_reads_the_facet_arrays_or_reports_no_index(make_index, tmp_path):
    store = create_app({"INDEX_DIR": str(make_index(RECORDS))}).extensions["dateline"]
    assert store.warm() is True
    assert store.facet_cache._current is not None
    missing = create_app({"INDEX_DIR": str(tmp_path / "none")}).extensions["dateline"]
    assert missing.warm() is False
