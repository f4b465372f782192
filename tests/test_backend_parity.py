"""Proof that it is the same product: the API on Whoosh and on a real OpenSearch cluster.

Both backends index the same archives through the same readers and extraction (``dateline
index`` and ``dateline index --backend opensearch``), then the same API requests go to an app
on each.  Totals and every facet count must be identical, filters and exports must return the
same articles, snippets must mark the query words, relevance order must agree on at least 8 of
the top 10 (BM25 implementations differ slightly), and bad queries must fail with the same 400.

Marked ``cluster``: they run against the session's 3-node cluster (3 primary shards, 1 replica).
"""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from archive_gen import write_archive

pytestmark = pytest.mark.cluster

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "examples" / "archive"

#: Search requests compared on both archives (query string of /api/search).
SEARCHES = [
    "q=", "q=lavrov", "q=idlib&outlet=SouthFront", "q=speaker:lavrov+quote:terrorists", "q=lavrof~",
    "q=terror*", 'q="sochi+memorandum"', "q=idlib&speaker=Sergei+Lavrov", "q=turkey+NOT+russia",
    "q=erdogan&place=Ankara", "q=&collapse=copies", "q=ceasefire&count=originals",
    "q=quote:terror*&speaker=Lavrov", "q=zzzxq", "q=ankara+OR+moscow&sort=oldest", "q=talks&sort=newest",
    "q=date:[2019-03-01+TO+2019-06-30]", "q=&from=2019-05-01&to=2019-05-20",
    "q=patrols&outlet=Reuters&outlet=TASS",
    "q=organization:nato", "q=place:idlib+speaker:peskov", "q=(lavrov+OR+peskov)+AND+sochi",
    "q=agreement&organization=United+Nations&per_page=20&page=2", "q=date:2019-11",
]
#: Requests both backends must refuse with the same 400.
BAD = ["q=*lavrov", "q=date:2019-13", "q=a~3", "q=lavrov&sort=sideways", "q=idlib&page=0",
       "q=" + "(" * 40 + "x" + ")" * 40, "q=title:x*&per_page=1000"]


@pytest.fixture(scope="module")
def archives(tmp_path_factory) -> dict[str, Path]:
    generated = write_archive(tmp_path_factory.mktemp("generated") / "archive")
    return {"sample": SAMPLE, "generated": generated}


@pytest.fixture(scope="module")
def apps(opensearch_cluster, archives, tmp_path_factory):
    """{archive: {backend: Flask test client}}, each archive indexed into both backends."""
    from index.opensearch_writer import index_paths_opensearch
    from index.writer import index_paths
    from webui import create_app

    built = {}
    names = []
    for name, path in archives.items():
        whoosh_dir = tmp_path_factory.mktemp(f"whoosh-{name}")
        index_paths([path], whoosh_dir, jobs=1, progress=False)
        index_name = f"parity-{name}"
        names.append(index_name)
        index_paths_opensearch([path], opensearch_cluster.url, index_name, shards=3, replicas=1, jobs=1,
                               rebuild=True, progress=False)
        common = {"TESTING": True, "TIME_BUDGET": None, "RESULT_CACHE_SIZE": 0}
        built[name] = {
            "whoosh": create_app({**common, "INDEX_DIR": str(whoosh_dir)}).test_client(),
            "opensearch": create_app({**common, "BACKEND": "opensearch",
                                      "OPENSEARCH_URL": ",".join(opensearch_cluster.urls),
                                      "OPENSEARCH_INDEX": index_name}).test_client(),
        }
    yield built
    from opensearchpy import OpenSearch

    OpenSearch(opensearch_cluster.urls).indices.delete(index=",".join(names), ignore_unavailable=True)


def _get(client, url: str) -> dict:
    response = client.get(url)
    assert response.status_code == 200, (url, response.get_data(as_text=True))
    return response.get_json()


def _facets(result: dict) -> dict:
    return {kind: [(v["value"], v["count"], v["selected"], v.get("type")) for v in values]
            for kind, values in result["facets"].items()}


@pytest.mark.parametrize("archive", ["sample", "generated"])
@pytest.mark.parametrize("query", SEARCHES)
def test_totals_and_every_facet_count_are_identical(apps, archive, query):
    whoosh, opensearch = (_get(apps[archive][b], f"/api/search?{query}") for b in ("whoosh", "opensearch"))
    assert opensearch["total"] == whoosh["total"]
    assert _facets(opensearch) == _facets(whoosh)
    assert opensearch["pages"] == whoosh["pages"]
    # "Did you mean" comes from each engine's own word list: both or neither suggest.
    assert (opensearch["suggestion"] is None) == (whoosh["suggestion"] is None)


@pytest.mark.parametrize("archive", ["sample", "generated"])
@pytest.mark.parametrize("query", SEARCHES)
def test_filters_and_exports_return_the_same_articles(apps, archive, query):
    rows = {}
    for backend in ("whoosh", "opensearch"):
        text = apps[archive][backend].get(f"/api/export?{query}&format=jsonl").get_data(as_text=True)
        lines = [json.loads(line) for line in text.splitlines()]
        assert "meta" in lines[0]
        rows[backend] = {row["id"]: row["cluster"] for row in lines[1:]}
    assert rows["opensearch"].keys() == rows["whoosh"].keys()
    assert rows["opensearch"] == rows["whoosh"]  # the same copy clusters too


@pytest.mark.parametrize("archive", ["sample", "generated"])
@pytest.mark.parametrize("query", [q for q in SEARCHES if "sort=" not in q and "page=2" not in q])
def test_relevance_order_agrees_on_the_top_ten(apps, archive, query):
    top = {b: [h["id"] for h in _get(apps[archive][b], f"/api/search?{query}&per_page=10")["hits"]]
           for b in ("whoosh", "opensearch")}
    if not top["whoosh"]:
        assert top["opensearch"] == []
        return
    overlap = len(set(top["whoosh"]) & set(top["opensearch"])) / len(top["whoosh"])
    assert overlap >= 0.8, top


@pytest.mark.parametrize("archive", ["sample", "generated"])
def test_snippets_mark_the_query_words(apps, archive):
    """Where Whoosh's snippet marks a word, OpenSearch's marks it too (a title-only match may
    have none), and every snippet is sanitised."""
    for query in ("q=lavrov", "q=speaker:lavrov+quote:terrorists", 'q="sochi+memorandum"', "q=terror*"):
        hits = {b: {h["id"]: h["snippet"] for h in _get(apps[archive][b], f"/api/search?{query}")["hits"]}
                for b in ("whoosh", "opensearch")}
        assert hits["whoosh"]
        for article_id, snippet in hits["opensearch"].items():
            assert "<script" not in snippet
            if "<mark>" in hits["whoosh"].get(article_id, ""):
                assert "<mark>" in snippet, (article_id, snippet)


@pytest.mark.parametrize("query", BAD)
def test_bad_queries_fail_with_the_same_400(apps, query):
    answers = []
    for backend in ("whoosh", "opensearch"):
        response = apps["generated"][backend].get(f"/api/search?{query}")
        answers.append((response.status_code, response.get_json()))
    assert answers[0][0] == 400
    assert answers[1] == answers[0]


@pytest.mark.parametrize("archive", ["sample", "generated"])
def test_article_speaker_and_outlet_pages_are_identical(apps, archive):
    clients = apps[archive]
    whoosh_hits = _get(clients["whoosh"], "/api/search?q=lavrov&per_page=5")["hits"]
    for hit in whoosh_hits:
        pages = [_get(clients[b], f"/api/article/{quote(hit['id'])}") for b in ("whoosh", "opensearch")]
        for page in pages:
            page.pop("indexed")  # when each backend's run indexed it
            page.pop("similar")
        assert pages[1] == pages[0]
    speakers = [_get(clients[b], "/api/speaker/Sergey%20Lavrov?q=terrorists")
                for b in ("whoosh", "opensearch")]
    assert speakers[1]["total"] == speakers[0]["total"]
    assert {a["id"]: a["quotes"] for a in speakers[1]["articles"]} == \
        {a["id"]: a["quotes"] for a in speakers[0]["articles"]}
    assert _get(clients["opensearch"], "/api/outlets") == _get(clients["whoosh"], "/api/outlets")
    for backend in ("whoosh", "opensearch"):
        assert clients[backend].get("/api/article/no-such-article").status_code == 404


def test_pages_render_on_opensearch(apps):
    client = apps["sample"]["opensearch"]
    for url in ("/?q=lavrov", "/article/archive/000_7e0faa7b5f134298.txt?q=lavrov",
                "/speaker/Sergey%20Lavrov", "/outlets", "/api/search.atom?q=idlib"):
        response = client.get(url)
        assert response.status_code == 200, url
    page = client.get("/?q=lavrov").get_data(as_text=True)
    assert "<strong>3</strong> articles" in page
