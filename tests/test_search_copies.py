"""Copy clusters through the real indexing path: ``dateline index`` on tmp archives, then search.

Covers the cluster's original (earliest dated, ties by id), incremental joins and deletions,
``collapse=copies``, ``count=originals``, the article's copies, the export's ``cluster`` column and
the UI's toggles.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner

from index.storage import open_index
from search.copies import Copy, CopyArrays, build, describe_copies
from search.engine import search
from search.export import export_lines
from search.facets import FacetCache
from search.request import QueryError, SearchRequest
from search.whoosh_backend import WhooshBackend
from webui import create_app
from webui.cli import main

STORY = [
    "Russia and Turkey agreed on Thursday to set up a security corridor along the M4 highway in Idlib.",
    "Foreign Minister Sergey Lavrov said the memorandum would be observed by both sides from Friday.",
    "Turkish officials said joint patrols would begin on March 15 along the length of the highway.",
    "The agreement follows weeks of fighting that displaced nearly a million civilians in the province.",
]
OTHER = [
    "The central bank raised its key interest rate by half a percentage point on Friday, citing inflation.",
    "Governor Elvira Nabiullina said further increases were possible if prices kept rising in Idlib.",
    "The rouble strengthened slightly against the dollar after the announcement in Moscow on Friday.",
]


def _write(folder: Path, name: str, outlet: str, date: str | None, paragraphs: list[str],
           title: str = "Idlib corridor agreed") -> None:
    record = {"title": title, "text": "\n\n".join(paragraphs), "outlet": outlet}
    if date:
        record["date"] = date
    (folder / f"{name}.json").write_text(json.dumps(record), encoding="utf-8")


def _index(archive: Path, index_dir: Path) -> None:
    result = CliRunner().invoke(main, ["index", str(archive), "--index", str(index_dir), "-q", "--jobs", "1"])
    assert result.exit_code == 0, result.output


def _search(index_dir: Path, **args) -> object:
    with open_index(index_dir).searcher() as searcher:
        return search(searcher, SearchRequest.from_args(args), facet_cache=FacetCache())


@pytest.fixture
def archive(tmp_path) -> Path:
    folder = tmp_path / "wire"
    folder.mkdir()
    _write(folder, "b-tass", "TASS", "2020-03-05", STORY)
    # A copy: paragraphs reordered, the site's line added, published a day later.
    _write(folder, "c-daily", "Daily Sabah", "2020-03-06", [STORY[2], STORY[0], STORY[1], STORY[3],
                                                            "Follow us on social media for more news."])
    _write(folder, "a-bank", "Reuters", "2020-03-01", OTHER, title="Rate rise")
    return folder


def test_copies_cluster_and_the_earliest_is_the_original(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    result = _search(index_dir, q="idlib")
    assert result.total == 3
    by_id = {hit.id: hit for hit in result.hits}
    assert by_id["wire/b-tass.json"].cluster == "wire/b-tass.json"
    assert by_id["wire/c-daily.json"].cluster == "wire/b-tass.json"
    assert by_id["wire/a-bank.json"].cluster == "wire/a-bank.json"
    assert by_id["wire/c-daily.json"].also_published_by == ["TASS"]
    assert [(c.id, c.outlet, c.published, c.original) for c in by_id["wire/c-daily.json"].copies] == [
        ("wire/b-tass.json", "TASS", "2020-03-05", True)]
    assert by_id["wire/a-bank.json"].copies == [] and by_id["wire/a-bank.json"].copies_total == 0


def test_collapse_shows_one_hit_per_cluster(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    result = _search(index_dir, q="idlib", collapse="copies", sort="newest")
    assert result.total == 2
    assert [hit.id for hit in result.hits] == ["wire/b-tass.json", "wire/a-bank.json"]
    assert result.hits[0].copies_total == 1 and result.hits[0].also_published_by == ["Daily Sabah"]
    # The representative is the earliest *matching* member: filtered to Daily Sabah, its copy.
    filtered = _search(index_dir, q="idlib", collapse="copies", outlet="Daily Sabah")
    assert [hit.id for hit in filtered.hits] == ["wire/c-daily.json"]


def test_count_originals_counts_facets_and_months_once_per_cluster(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    every = _search(index_dir, q="idlib")
    originals = _search(index_dir, q="idlib", count="originals")
    assert {v.value: v.count for v in every.facets["outlet"]} == {"TASS": 1, "Daily Sabah": 1, "Reuters": 1}
    assert {v.value: v.count for v in originals.facets["outlet"]} == {"TASS": 1, "Reuters": 1}
    assert [(v.value, v.count) for v in every.facets["month"]] == [("2020-03", 3)]
    assert [(v.value, v.count) for v in originals.facets["month"]] == [("2020-03", 2)]
    assert originals.total == 3  # hits are not collapsed by count=originals


def test_an_earlier_copy_indexed_later_becomes_the_original(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    _write(archive, "d-sputnik", "Sputnik", "2020-03-04", STORY[::-1])
    _index(archive, index_dir)
    result = _search(index_dir, q="idlib", collapse="copies")
    assert result.total == 2
    story = next(hit for hit in result.hits if hit.id != "wire/a-bank.json")
    assert story.id == "wire/d-sputnik.json" and story.cluster == "wire/d-sputnik.json"
    assert [c.id for c in story.copies] == ["wire/b-tass.json", "wire/c-daily.json"]
    # Deleting the original hands the role to the next earliest copy.
    (archive / "d-sputnik.json").unlink()
    _index(archive, index_dir)
    hits = _search(index_dir, q="idlib", collapse="copies").hits
    story = next(h for h in hits if h.id != "wire/a-bank.json")
    assert (story.id, story.cluster) == ("wire/b-tass.json", "wire/b-tass.json")


def test_a_changed_article_leaves_its_cluster(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    _write(archive, "c-daily", "Daily Sabah", "2020-03-06", OTHER[::-1])
    _index(archive, index_dir)
    result = _search(index_dir, q="idlib", collapse="copies")
    assert result.total == 2
    assert {h.id: h.cluster for h in result.hits} == {"wire/b-tass.json": "wire/b-tass.json",
                                                      "wire/a-bank.json": "wire/a-bank.json"}
    # Now a copy of the bank story: two articles, one cluster.
    assert _search(index_dir, q="rouble").total == 2
    assert _search(index_dir, q="rouble", collapse="copies").total == 1


def test_ties_and_undated_members():
    ids = ["x/b", "x/a", "x/c", "x/d"]
    day = np.array([100, 100, np.iinfo(np.int32).min, 99], dtype=np.int32)
    arrays: CopyArrays = build([("x/a", "x/a"), ("x/b", "x/a"), ("x/c", "x/a")], ids, day, lambda d: False)
    # Same day: the smaller id is the original; the undated member comes last.
    assert arrays.cluster_of(0) == [1, 0, 2]
    assert arrays.original.tolist() == [1, 1, 1, 3]
    assert arrays.rank.tolist() == [1, 0, 2, 0]
    assert arrays.collapse(np.array([0, 2, 3])).tolist() == [0, 3]
    # A deleted document is no member: here the original's old version.
    assert build([("x/a", "x/a"), ("x/b", "x/a")], ids, day, lambda d: d == 1).members == {}


def test_describe_copies_reads_the_facet_arrays():
    from types import SimpleNamespace

    from search import schema as S
    from search.facets import NO_DAY

    ids = ["x/b", "x/a", "x/c", "x/d"]
    day = np.array([100, 100, NO_DAY, 99], dtype=np.int32)
    arrays = build([("x/a", "x/a"), ("x/b", "x/a"), ("x/c", "x/a")], ids, day, lambda d: False)
    # Outlets as the facet arrays list them: documents 0-2 one each, document 3 none.
    facets = SimpleNamespace(ids=ids, day=day, indptr={S.OUTLET: np.array([0, 1, 2, 3, 3])},
                             ords={S.OUTLET: np.array([0, 1, 0])}, display={S.OUTLET: ["TASS", "Reuters"]})
    assert describe_copies(facets, arrays, []) == []
    assert describe_copies(facets, arrays, [1, 2, 3]) == [
        Copy(id="x/a", outlet="Reuters", published="1970-04-11", original=True),
        Copy(id="x/c", outlet="TASS", published=None, original=False),  # undated
        Copy(id="x/d", outlet=None, published="1970-04-10", original=True),
    ]
    assert describe_copies(facets, arrays, [0, 1, 2], limit=1) == [
        Copy(id="x/b", outlet="TASS", published="1970-04-11", original=False)]


def test_request_validation():
    assert SearchRequest.from_args({"collapse": "copies", "count": "originals"}).to_args() == [
        ("collapse", "copies"), ("count", "originals")]
    assert SearchRequest.from_args({}).collapses is False
    with pytest.raises(QueryError, match="collapse must be one of none, copies"):
        SearchRequest.from_args({"collapse": "yes"})
    with pytest.raises(QueryError, match="count must be one of all, originals"):
        SearchRequest.from_args({"count": "copies"})


def test_article_lists_its_copies_and_export_keeps_every_copy(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    backend = WhooshBackend(index_dir)
    article = backend.article("wire/c-daily.json")
    assert article["cluster"] == "wire/b-tass.json"
    assert article["copies"] == [{"id": "wire/b-tass.json", "outlet": "TASS", "published": "2020-03-05",
                                  "original": True}]
    request = SearchRequest.from_args({"q": "idlib", "collapse": "copies", "sort": "oldest"})
    text = "".join(export_lines(backend, request, "csv"))
    backend.close()
    rows = list(csv.DictReader(io.StringIO(text.split("\n", 1)[1])))
    assert [(r["id"], r["cluster"]) for r in rows] == [
        ("wire/a-bank.json", "wire/a-bank.json"),
        ("wire/b-tass.json", "wire/b-tass.json"),
        ("wire/c-daily.json", "wire/b-tass.json"),
    ]


def test_web_page_collapses_by_default_and_says_what_it_counts(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    page = client.get("/?q=idlib").get_data(as_text=True)
    assert "<strong>2</strong> articles" in page
    assert 'Copies collapsed · <a href="/?q=idlib&amp;collapse=none">show every copy</a>' in page
    assert 'Also published by 1 outlet:\n          <a href="/article/wire/c-daily.json?q=idlib">' \
           "Daily Sabah (2020-03-06)</a>" in page
    assert "Counts: every article, copies included" in page
    every = client.get("/?q=idlib&collapse=none&count=originals").get_data(as_text=True)
    assert "<strong>3</strong> articles" in every
    assert "Counts: originals only (copies not counted)" in every
    assert 'href="/?q=idlib&amp;collapse=none">count every copy</a>' in every
    assert client.get("/api/search?q=idlib").get_json()["total"] == 3  # the API does not collapse
    assert client.get("/api/search?q=idlib&collapse=copies").get_json()["total"] == 2
    assert client.get("/api/search?q=idlib&collapse=1").status_code == 400
    article = client.get("/api/article/wire/b-tass.json").get_json()
    assert (article["cluster"], [c["id"] for c in article["copies"]]) == ("wire/b-tass.json",
                                                                         ["wire/c-daily.json"])
    html = client.get("/article/wire/b-tass.json").get_data(as_text=True)
    assert ('<a href="/article/wire/c-daily.json">Daily Sabah</a>\n'
            '        <span class="type">2020-03-06</span>') in html


def test_cli_collapse_flag(archive, tmp_path):
    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    result = CliRunner().invoke(main, ["search", "idlib", "--index", str(index_dir), "--collapse",
                                       "--sort", "oldest", "--count", "originals"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("2 articles\n")
    assert "  copies (1): Daily Sabah [wire/c-daily.json]\n" in result.output
    assert "outlet: Reuters (1), TASS (1)\n" in result.output


def test_an_index_with_128_value_signatures_is_reclustered_by_the_next_run(archive, tmp_path):
    # An index built before issue 14's cost work: layout-2 sidecar, 128-value signatures (their
    # first 64 values are today's signature), bytes bucket keys.  Labels scrambled on purpose.
    import sqlite3

    from index.copies import SIG_BYTES, CopyClusters
    from search.copies import COPIES_NAME

    index_dir = tmp_path / "ix"
    _index(archive, index_dir)
    db = sqlite3.connect(index_dir / COPIES_NAME)
    rows = db.execute("SELECT num, sig FROM members").fetchall()
    db.executemany("UPDATE members SET sig = ?, cluster = id WHERE num = ?",
                   ((sig + bytes(range(256)), num) for num, sig in rows))
    db.executescript("DROP TABLE buckets; CREATE TABLE buckets (key BLOB NOT NULL, num INTEGER NOT NULL, "
                     "PRIMARY KEY (key, num)) WITHOUT ROWID; PRAGMA user_version = 2;")
    db.commit()
    db.close()
    _index(archive, index_dir)  # nothing to re-extract; the sidecar is converted when opened
    with CopyClusters(index_dir) as copies:
        assert copies.clusters() == [["wire/b-tass.json", "wire/c-daily.json"]]
        assert {n for (n,) in copies._db.execute("SELECT DISTINCT length(sig) FROM members")} == {SIG_BYTES}
    assert _search(index_dir, q="idlib", collapse="copies").total == 2
