"""index.readers: discovery, ids, formats and metadata mapping, on tiny fixtures built per test."""

from __future__ import annotations

import io
import json
import tarfile
import zipfile
from datetime import date
from pathlib import Path

import pytest

from index.article import Article
from index.readers import ReadFailure, SourceFile, discover, limits, read_paths, read_source

SEED_TITLES = {
    "archive/000_7e0faa7b5f134298.txt": (
        "Lavrov: Russia Remains Committed To Idlib Agreement, Despite Difficulties"
    ),
    "archive/001_fb46f36778ad9ceb.txt": "Russia, Turkey plan new round of talks on Idlib",
    "archive/002_357af4abcae1faa7.txt": (
        "Russia will maintain cooperation with Turkey to bring stability to Idlib province"
    ),
    "archive/003_a242a1f1b671f916.txt": "Turkey has not fulfilled memorandum on Idlib, says Lavrov",
    "archive/004_5c4f401af33235dc.txt": (
        "Russia: Amidst an eroding situation, it\u2019s Turkey\u2019s Job to Guarantee Idlib Ceasefire"
    ),
}

ALLSIDES_LIKE = {
    "ID": "0AbC",
    "source": "Al Jazeera",
    "url": "https://www.aljazeera.com/news/2020/3/5/erdogan-putin",
    "source_url": "www.aljazeera.com",
    "date": "2020-03-05",
    "authors": "Jane Roe, John Doe",
    "title": "Erdogan, Putin announce Idlib ceasefire",
    "content_original": "Turkey and Russia agreed a ceasefire.\n\nIt starts at midnight.",
    "content": "Turkey and Russia agreed a ceasefire . It starts at midnight .",
    "topic": "middle_east",
    "bias": 0,
}


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(data)
    return path


def read_all(*paths) -> tuple[list[Article], list[ReadFailure]]:
    articles, failures = [], []
    for item in read_paths(paths):
        (failures if isinstance(item, ReadFailure) else articles).append(item)
    return articles, failures


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def make_tar(path: Path, members: dict[str, str | bytes], mode: str = "w") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with tarfile.open(path, mode) as tf:
        for name, data in members.items():
            raw = data.encode("utf-8") if isinstance(data, str) else data
            info = tarfile.TarInfo(name)
            info.size = len(raw)
            tf.addfile(info, io.BytesIO(raw))
    return path


# --- the seeds -------------------------------------------------------------------------------------


def test_seed_archive_reads_five_articles_with_their_headlines(sample_archive):
    articles, failures = read_all(sample_archive)
    assert failures == []
    assert {a.id: a.title for a in articles} == SEED_TITLES
    for article in articles:
        assert article.encoding == "utf-8"
        assert article.format == "txt"
        assert article.path == str(sample_archive / article.id.split("/", 1)[1])
    first = next(a for a in articles if a.id.endswith("000_7e0faa7b5f134298.txt"))
    assert first.body.startswith("Support SouthFront")  # boilerplate removal is extraction's job


# --- discovery --------------------------------------------------------------------------------------


def test_discover_walks_sorted_with_ids_relative_to_the_argument(tmp_path):
    top = tmp_path / "news"
    write(top / "b.txt", "B\nbody")
    write(top / "a" / "x.JSON", json.dumps({"text": "t"}))
    write(top / "a" / "notes.md", "ignored: unknown suffix")
    write(top / ".hidden.txt", "ignored: hidden")
    write(top / ".git" / "c.txt", "ignored: hidden folder")
    write(top / "__MACOSX" / "a.txt", "ignored: resource forks")
    write(top / "d.tar.gz", b"")
    found = list(discover([top]))
    assert all(isinstance(f, SourceFile) for f in found)
    assert [(f.rel, f.kind, f.root) for f in found] == [
        ("news/b.txt", "txt", "news"),
        ("news/d.tar.gz", "tar", "news"),
        ("news/a/x.JSON", "json", "news"),
    ]
    b = found[0]
    assert b.path == top / "b.txt" and b.path.is_absolute()
    assert b.size == 6 and b.mtime_ns == (top / "b.txt").stat().st_mtime_ns


def test_discover_file_arguments_and_missing_paths(tmp_path):
    txt = write(tmp_path / "one.txt", "Head\nBody")
    other = write(tmp_path / "notes.md", "x")
    found = list(discover([txt, tmp_path / "missing", other]))
    assert found[0] == SourceFile(txt, "one.txt", "one.txt", 9, txt.stat().st_mtime_ns, "txt")
    assert isinstance(found[1], ReadFailure) and found[1].reason == "no such file or directory"
    assert isinstance(found[2], ReadFailure) and found[2].reason.startswith("unsupported file type")
    assert len(found) == 3


def test_relative_argument_uses_its_last_component_as_root(tmp_path, monkeypatch):
    write(tmp_path / "arch" / "x.txt", "T\nB")
    monkeypatch.chdir(tmp_path / "arch")
    assert [f.rel for f in discover(["."])] == ["arch/x.txt"]


# --- txt ----------------------------------------------------------------------------------------------


def test_txt_headline_is_the_first_non_empty_line(tmp_path):
    write(tmp_path / "a" / "x.txt", "\n\n  Big   news today  \n\nFirst paragraph.\r\n\r\nSecond.\n")
    write(tmp_path / "a" / "only.txt", "Just a headline\n")
    write(tmp_path / "a" / "empty.txt", " \n\t\n")
    articles, failures = read_all(tmp_path / "a")
    by_id = {a.id: a for a in articles}
    assert by_id["a/x.txt"].title == "Big news today"
    assert by_id["a/x.txt"].body == "First paragraph.\n\nSecond."
    assert (by_id["a/only.txt"].title, by_id["a/only.txt"].body) == ("Just a headline", "")
    assert failures == [ReadFailure("a/empty.txt", str(tmp_path / "a" / "empty.txt"), "empty file")]


def test_txt_overlong_first_line_is_cut_for_the_title_and_kept_in_the_body(tmp_path):
    line = "word " * 1000
    (article,), _ = read_all(write(tmp_path / "long.txt", line))
    assert len(article.title) <= limits.MAX_TITLE_CHARS + 1 and article.title.endswith("…")
    assert article.body == line.strip()


# --- json ---------------------------------------------------------------------------------------------


def test_json_allsides_object_maps_every_field(tmp_path):
    (article,), failures = read_all(write(tmp_path / "x.json", json.dumps(ALLSIDES_LIKE)))
    assert failures == []
    assert article.id == "x.json"
    assert article.title == "Erdogan, Putin announce Idlib ceasefire"
    assert (
        article.body == "Turkey and Russia agreed a ceasefire.\n\nIt starts at midnight."
    )  # content_original
    assert article.outlet == "Al Jazeera"
    assert article.url == "https://www.aljazeera.com/news/2020/3/5/erdogan-putin"
    assert article.published == date(2020, 3, 5)
    assert article.authors == ["Jane Roe", "John Doe"]
    assert article.format == "json" and article.encoding == "utf-8"
    assert "content" not in article.raw_meta and "content_original" not in article.raw_meta
    assert article.raw_meta["topic"] == "middle_east" and article.raw_meta["bias"] == 0
    assert article.raw_meta["source_url"] == "www.aljazeera.com"


def test_json_keys_are_case_insensitive_with_alternative_names(tmp_path):
    obj = {
        "Headline": "H",
        "Body": ["Para one.", "Para two."],
        "Publisher": {"@type": "Organization", "name": "Daily Planet"},
        "datePublished": "2019-11-02T10:00:00Z",
        "Link": " https://planet.example/h ",
        "Author": [{"name": "Lois Lane"}, "Clark Kent", "Lois Lane"],
    }
    (article,), _ = read_all(write(tmp_path / "x.json", json.dumps(obj)))
    assert (article.title, article.body) == ("H", "Para one.\n\nPara two.")
    assert article.outlet == "Daily Planet"
    assert article.published == date(2019, 11, 2)
    assert article.url == "https://planet.example/h"
    assert article.authors == ["Lois Lane", "Clark Kent"]


def test_json_without_title_takes_the_first_body_line_and_bad_dates_are_none(tmp_path):
    obj = {"text": "\nFirst line here\nmore", "date": "sometime", "source": 42}
    (article,), _ = read_all(write(tmp_path / "x.json", json.dumps(obj)))
    assert article.title == "First line here"
    assert article.published is None and article.outlet is None


def test_json_array_gives_indexed_ids_and_per_item_failures(tmp_path):
    items = [{"title": "A", "text": "a"}, {"title": "no body"}, "not an object", {"title": "C", "body": "c"}]
    articles, failures = read_all(write(tmp_path / "list.json", json.dumps(items)))
    assert [(a.id, a.title) for a in articles] == [("list.json#0", "A"), ("list.json#3", "C")]
    assert [(f.id, f.reason) for f in failures] == [
        ("list.json#1", "no text field: expected one of content_original, text, body, article, content"),
        ("list.json#2", "expected a JSON object, got a string"),
    ]


def test_json_empty_body_is_a_failure_not_an_empty_article(tmp_path):
    _, failures = read_all(
        write(tmp_path / "x.json", json.dumps({"title": "T", "text": "  ", "content": None}))
    )
    assert [f.reason for f in failures] == [
        "no text field: expected one of content_original, text, body, article, content"
    ]


def test_invalid_json_reports_line_and_message(tmp_path):
    _, failures = read_all(write(tmp_path / "bad.json", '{\n  "title": "x",\n  "text": "y"\n  "z": 1}'))
    assert [(f.id, f.reason) for f in failures] == [
        ("bad.json", "invalid JSON at line 4: Expecting ',' delimiter (column 3)")
    ]


# --- jsonl --------------------------------------------------------------------------------------------


def test_jsonl_one_article_per_line_bad_lines_reported_blank_lines_skipped(tmp_path):
    lines = [
        json.dumps({"title": "One", "text": "1"}),
        "",
        '{"title": "Broken", "text": ',
        json.dumps({"title": "Four", "text": "4", "published": "2021-01-02"}),
        "   ",
        json.dumps({"title": "No body"}),
    ]
    data = "\ufeff" + "\n".join(lines) + "\n"
    articles, failures = read_all(write(tmp_path / "feed.jsonl", data))
    assert [(a.id, a.title, a.format) for a in articles] == [
        ("feed.jsonl#1", "One", "jsonl"),
        ("feed.jsonl#4", "Four", "jsonl"),
    ]
    assert articles[1].published == date(2021, 1, 2)
    assert [(f.id, f.reason) for f in failures] == [
        ("feed.jsonl#3", "invalid JSON at line 3: Expecting value (column 29)"),
        ("feed.jsonl#6", "no text field: expected one of content_original, text, body, article, content"),
    ]


# --- html ---------------------------------------------------------------------------------------------

HTML = """<!doctype html><html><head><title>Idlib talks | Daily Planet</title>
<meta property="og:title" content="Idlib talks resume">
<meta property="og:site_name" content="Daily Planet">
<meta name="author" content="Lois Lane">
<meta property="article:published_time" content="2020-03-05T09:00:00Z">
<link rel="canonical" href="https://planet.example/2020/idlib-talks">
<script>var tracking = "SCRIPT-TEXT";</script><style>p { color: red }</style></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Idlib talks resume</h1>
<p>Russia and Turkey will hold a new round of consultations on Idlib, the foreign minister said on Monday,
adding that both sides remained committed to the agreement reached in Sochi last year.</p>
<p>The talks are expected to focus on the de-escalation zone and on humanitarian corridors for civilians
who have fled the fighting in the north-west of the country during the winter months.</p>
</article><footer>Copyright Daily Planet</footer></body></html>"""


def test_html_main_text_and_metadata_through_trafilatura(tmp_path):
    (article,), failures = read_all(write(tmp_path / "page.html", HTML))
    assert failures == []
    assert article.id == "page.html" and article.format == "html"
    assert article.title == "Idlib talks resume"
    assert article.outlet == "Daily Planet"
    assert article.url == "https://planet.example/2020/idlib-talks"
    assert article.authors == ["Lois Lane"]
    assert article.published == date(2020, 3, 5)
    assert "Russia and Turkey will hold a new round" in article.body
    assert "SCRIPT-TEXT" not in article.body and "color: red" not in article.body


def test_html_without_main_text_is_a_failure(tmp_path):
    _, failures = read_all(
        write(tmp_path / "x.htm", "<html><head><script>x()</script></head><body></body></html>")
    )
    assert [f.reason for f in failures] == ["no main text found in HTML"]


# --- archives -----------------------------------------------------------------------------------------

MEMBERS = {
    "data/a.txt": "Alpha\nalpha body",
    "data/b.json": json.dumps({"title": "Beta", "text": "beta body"}),
    "data/c.jsonl": json.dumps({"title": "Gamma", "text": "g"})
    + "\n"
    + json.dumps({"title": "Delta", "text": "d"}),
    "data/readme.md": "unknown suffix: skipped",
    "data/.hidden.txt": "skipped",
    "__MACOSX/data/._a.txt": "skipped",
}
EXPECTED_MEMBER_IDS = ["!data/a.txt", "!data/b.json", "!data/c.jsonl#1", "!data/c.jsonl#2"]


@pytest.mark.parametrize(
    ("name", "mode"),
    [("x.tar", "w"), ("x.tar.gz", "w:gz"), ("x.tgz", "w:gz"), ("x.tar.xz", "w:xz"), ("x.tar.bz2", "w:bz2")],
)
def test_tar_members_are_read_in_every_compression(tmp_path, name, mode):
    path = make_tar(tmp_path / name, MEMBERS, mode)
    articles, failures = read_all(path)
    assert failures == []
    assert [a.id for a in articles] == [name + suffix for suffix in EXPECTED_MEMBER_IDS]
    assert [a.title for a in articles] == ["Alpha", "Beta", "Gamma", "Delta"]
    assert all(a.path == str(path) for a in articles)


def test_zip_members_are_read_with_member_ids(tmp_path):
    path = make_zip(tmp_path / "x.zip", MEMBERS | {"nested.zip": b"PK"})
    articles, failures = read_all(path)
    assert [a.id for a in articles] == ["x.zip" + suffix for suffix in EXPECTED_MEMBER_IDS]
    assert [(f.id, f.reason) for f in failures] == [
        ("x.zip!nested.zip", "archive inside an archive: not read")
    ]


def test_archive_inside_a_folder_and_dot_slash_member_names(tmp_path):
    make_tar(tmp_path / "arch" / "x.tar.gz", {"./y.txt": "Y\ny"}, "w:gz")
    articles, _ = read_all(tmp_path / "arch")
    assert [a.id for a in articles] == ["arch/x.tar.gz!y.txt"]


def test_read_source_on_a_single_source(tmp_path):
    path = write(tmp_path / "x.txt", "T\nB")
    (src,) = discover([path])
    (article,) = read_source(src)
    assert (article.id, article.title, article.body) == ("x.txt", "T", "B")


def test_too_large_files_and_members_are_failures(tmp_path, monkeypatch):
    monkeypatch.setattr(limits, "MAX_ARTICLE_BYTES", 100)
    write(tmp_path / "d" / "big.txt", "x" * 101)
    write(tmp_path / "d" / "ok.txt", "x" * 100)
    make_tar(tmp_path / "d" / "t.tar", {"big.json": "y" * 200})
    articles, failures = read_all(tmp_path / "d")
    assert [a.id for a in articles] == ["d/ok.txt"]
    assert [(f.id, f.reason) for f in failures] == [
        ("d/big.txt", "too large: 101 bytes, over the 100-byte limit"),
        ("d/t.tar!big.json", "too large: 200 bytes, over the 100-byte limit"),
    ]


def test_html_pages_get_their_own_documented_limit_everywhere(tmp_path, monkeypatch):
    """An HTML page is refused past MAX_HTML_BYTES before it is read, files and archive members
    alike, and the reason names that limit, not the larger one for other sources."""
    monkeypatch.setattr(limits, "MAX_ARTICLE_BYTES", 1000)
    monkeypatch.setattr(limits, "MAX_HTML_BYTES", 100)
    page = "<html><body><p>" + "x" * 500 + "</p></body></html>"  # 533 bytes: between the two
    write(tmp_path / "d" / "big.html", page)
    write(tmp_path / "d" / "big.txt", "T\n\n" + "x" * 500)
    make_tar(tmp_path / "d" / "t.tar", {"big.htm": page})
    articles, failures = read_all(tmp_path / "d")
    assert [a.id for a in articles] == ["d/big.txt"]
    assert sorted((f.id, f.reason) for f in failures) == [
        ("d/big.html", "too large: 533 bytes, over the 100-byte limit for HTML pages"),
        ("d/t.tar!big.htm", "too large: 533 bytes, over the 100-byte limit for HTML pages"),
    ]


# --- corpora ------------------------------------------------------------------------------------------


@pytest.mark.corpora
def test_bbc_folder_reads_2225_articles_with_the_latin1_one_recorded(corpora):
    articles, failures = read_all(corpora / "bbc" / "bbc")
    assert failures == []
    assert len(articles) == 2225
    odd = {a.id: a for a in articles if a.encoding != "utf-8"}
    assert list(odd) == ["bbc/sport/199.txt"]
    assert odd["bbc/sport/199.txt"].encoding == "latin-1"
    assert "£15.8m signing" in odd["bbc/sport/199.txt"].body
    assert all(a.title and a.body for a in articles)


@pytest.mark.corpora
def test_allsides_syria_subset_maps_outlet_date_and_url(corpora):
    articles, failures = read_all(corpora / "allsides" / "syria_idlib_subset")
    assert failures == [] and len(articles) == 436
    idlib = next(a for a in articles if a.id.endswith("/8lr90KAutjdqSqip.json"))
    assert idlib.outlet == "Al Jazeera"
    assert idlib.title.startswith("Erdogan, Putin announce Idlib ceasefire")
    assert idlib.published is None  # its "date" is empty: the URL's date is extraction's business
    assert idlib.url.startswith("https://www.aljazeera.com/news/2020/03/erdogan-putin")
    assert "Recep Tayyip Erdogan" in idlib.body and "content" not in idlib.raw_meta
    assert sum(a.outlet is not None for a in articles) == 436


@pytest.mark.slow
@pytest.mark.corpora
def test_allsides_all_four_archives_stream(corpora):
    import time

    start = time.perf_counter()
    articles, failures = read_all(*sorted((corpora / "allsides").glob("*.tar.xz")))
    elapsed = time.perf_counter() - start
    print(f"AllSides: {len(articles)} articles in {elapsed:.1f}s = {len(articles) / elapsed:.0f}/s")
    assert failures == [] and len(articles) == 37554
    assert len({a.id for a in articles}) == 37554


def test_html_date_from_the_page_text_when_markup_has_none_and_site_suffix_cut_from_the_title(tmp_path):
    from index.readers.formats import parse_html

    paragraphs = "".join(f"<p>Paragraph {i} about the Idlib de-escalation zone and talks in Sochi.</p>"
                         for i in range(8))
    page = ("<html><head><title>Turkey and Russia agree on Idlib patrols - Breitbart</title></head><body>"
            f"<article><p>Posted on 12 March 2020</p>"
            f"{paragraphs}</article></body></html>").encode()
    found = parse_html(page, id="p.html", path="p.html")
    assert (found.title, found.outlet, found.raw_meta["outlet_source"]) == (
        "Turkey and Russia agree on Idlib patrols", "Breitbart News", "title")
    assert (found.published, found.raw_meta["date_source"]) == (date(2020, 3, 12), "page")
    assert parse_html(page, id="p.html", path="p.html", extensive_dates=False).published is None
    too_old = page.replace(b"12 March 2020", b"12 March 1994")
    assert parse_html(too_old, id="p.html", path="p.html").published is None
    future = page.replace(b"12 March 2020", f"12 March {date.today().year + 2}".encode())
    assert parse_html(future, id="p.html", path="p.html").published is None
    month_only = page.replace(b"12 March 2020", b"March 2020")  # htmldate would say 2020-03-01
    assert parse_html(month_only, id="p.html", path="p.html").published is None
