"""Sidecar metadata files (metadata.csv / metadata.jsonl): overrides, provenance, warnings, reruns."""

from __future__ import annotations

import json
import os
from datetime import date

from index.article import Article
from index.extract import extract
from index.readers import ReadFailure, ReadWarning, read_paths
from index.readers.sidecar import load
from index.storage import open_index
from index.writer import index_paths
from search.engine import get_article


def _articles(path) -> dict[str, Article]:
    return {a.id: a for a in read_paths([path]) if isinstance(a, Article)}


def _warnings(path) -> list[str]:
    return [w.reason for w in read_paths([path]) if isinstance(w, ReadWarning)]


def _folder(tmp_path):
    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "a.txt").write_text("Headline A\n\nLavrov said on March 29 that talks go on.\n",
                                  encoding="utf-8")
    (folder / "b.txt").write_text("Headline B\n\nBody B.\n", encoding="utf-8")
    (folder / "feed.jsonl").write_text(json.dumps({"title": "C", "text": "Body C."}) + "\n", encoding="utf-8")
    return folder


def test_csv_sidecar_overrides_metadata_and_records_provenance(tmp_path):
    folder = _folder(tmp_path)
    (folder / "metadata.csv").write_text(
        "file,url,outlet,date,authors,title\n"
        "a.txt,https://tass.com/politics/1,TASS,2019-03-30,Ann One; Bob Two,Lavrov in Ankara\n"
        "feed.jsonl#1,,Al Jazeera,\"March 5, 2020\",,\n",
        encoding="utf-8",
    )
    articles = _articles(folder)
    assert set(articles) == {"news/a.txt", "news/b.txt", "news/feed.jsonl#1"}  # the sidecar is no article
    a = articles["news/a.txt"]
    assert (a.url, a.outlet, a.published, a.authors, a.title) == (
        "https://tass.com/politics/1", "TASS", date(2019, 3, 30), ["Ann One", "Bob Two"], "Lavrov in Ankara")
    assert a.sidecar["row"] == "metadata.csv line 2"
    extracted = extract(a)
    assert (extracted.published, extracted.date_source) == (date(2019, 3, 30), "sidecar")
    assert (extracted.outlet, extracted.outlet_source) == ("TASS", "sidecar")
    c = articles["news/feed.jsonl#1"]
    assert (c.outlet, c.published, c.url) == ("Al Jazeera", date(2020, 3, 5), None)
    assert articles["news/b.txt"].sidecar == {}
    assert _warnings(folder) == []


def test_jsonl_sidecar_and_partial_dates_complete_a_day_named_in_the_text(tmp_path):
    folder = _folder(tmp_path)
    (folder / "metadata.jsonl").write_text(
        json.dumps({"file": "a.txt", "date": "2019"}) + "\n"
        + json.dumps({"file": "b.txt", "date": "2019-04", "authors": ["Cem", "Dana"]}) + "\n",
        encoding="utf-8",
    )
    articles = _articles(folder)
    a, b = articles["news/a.txt"], articles["news/b.txt"]
    assert (a.published, a.sidecar["partial_date"]) == (None, "2019")
    assert (extract(a).published, extract(a).date_source) == (date(2019, 3, 29), "text+sidecar")
    assert b.authors == ["Cem", "Dana"]
    assert (extract(b).published, extract(b).date_source) == (None, "unknown")  # no day in its text


def test_malformed_rows_and_unknown_columns_are_warnings_with_file_and_line(tmp_path):
    folder = _folder(tmp_path)
    (folder / "metadata.csv").write_text(
        "file,outlet,date,section\n"
        "a.txt,TASS,not a date,world\n"
        ",RT,2019-01-01,x\n"
        "b.txt,RT,2019-01-01,x,extra\n",
        encoding="utf-8",
    )
    (folder / "metadata.jsonl").write_text('{"file": "b.txt", "outlet": "BBC", "mood": 1}\n[1]\n{bad\n',
                                           encoding="utf-8")
    assert _warnings(folder) == [
        "news/metadata.csv: unknown column section ignored (known: file, url, outlet, date, authors, title)",
        "news/metadata.csv line 2: date 'not a date' is not a date (YYYY-MM-DD); date ignored",
        "news/metadata.csv line 3: no file name in the 'file' column; row ignored",
        "news/metadata.csv line 4: 5 fields for 4 columns; row ignored",
        "news/metadata.jsonl line 2: expected a JSON object; row ignored",
        "news/metadata.jsonl line 3: invalid JSON (Expecting property name enclosed in double quotes); "
        "row ignored",
        "news/metadata.jsonl: unknown column mood ignored (known: file, url, outlet, date, authors, title)",
    ]
    articles = _articles(folder)
    assert (articles["news/a.txt"].outlet, articles["news/a.txt"].published) == ("TASS", None)
    assert articles["news/b.txt"].outlet == "BBC"  # the JSONL row; the bad CSV row was ignored
    assert not [f for f in read_paths([folder]) if type(f) is ReadFailure]


def test_index_reports_warnings_and_a_changed_sidecar_rewrites_only_the_articles_it_changes(tmp_path):
    folder = _folder(tmp_path)
    sidecar = folder / "metadata.csv"
    sidecar.write_text("file,date,color\na.txt,2019-03-30,red\nb.txt,2019-04-01,blue\n", encoding="utf-8")
    index_dir = tmp_path / "ix"
    first = index_paths([folder], index_dir, jobs=1, progress=False)
    assert (first.indexed, first.warnings) == (3, [
        "news/metadata.csv: unknown column color ignored (known: file, url, outlet, date, authors, title)"])
    assert index_paths([folder], index_dir, jobs=1, progress=False).unchanged == 3
    sidecar.write_text("file,date,color\na.txt,2019-03-30,red\nb.txt,2019-04-02,blue\n", encoding="utf-8")
    os.utime(sidecar, ns=(1, 1))  # a different fingerprint even within the file system's time resolution
    rerun = index_paths([folder], index_dir, jobs=1, progress=False)
    assert (rerun.indexed, rerun.unchanged) == (1, 2)
    with open_index(index_dir).searcher() as searcher:
        b = get_article(searcher, "news/b.txt")
        a = get_article(searcher, "news/a.txt")
    assert (b["published"], b["provenance"]["date_source"], b["provenance"]["sidecar"]) == (
        "2019-04-02", "sidecar", "metadata.csv line 3")
    assert a["published"] == "2019-03-30"
    sidecar.unlink()
    gone = index_paths([folder], index_dir, jobs=1, progress=False)
    assert (gone.indexed, gone.unchanged) == (2, 1)
    with open_index(index_dir).searcher() as searcher:
        assert get_article(searcher, "news/b.txt")["published"] is None


def test_a_sidecar_is_parsed_once_per_version(tmp_path):
    folder = _folder(tmp_path)
    (folder / "metadata.csv").write_text("file,outlet\na.txt,TASS\n", encoding="utf-8")
    first = load(folder, "news")
    assert load(folder, "news") is first
    (folder / "metadata.csv").write_text("file,outlet\na.txt,RT\n", encoding="utf-8")
    os.utime(folder / "metadata.csv", ns=(2, 2))
    assert load(folder, "news").rows["a.txt"].outlet == "RT"
