"""The web UI's views through the Flask test client, over a tiny hand-made index (exact assertions)."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import date
from urllib.parse import quote

import pytest

from index.extract import EXTRACTION_VERSION
from search.engine import FacetValue
from search.quotes import body_segments
from search.request import PARAMS, SearchRequest
from webui import create_app
from webui.timeline import build_timeline

RECORDS = [
    {"id": "a1", "title": "Idlib talks resume", "outlet": "Daily Ledger", "published": date(2020, 1, 8),
     "body": "Lavrov spoke about Idlib and the memorandum.", "url": "https://example.org/a1",
     "speakers": {"Sergey Lavrov": ["We will keep working on Idlib"]}, "places": ["Idlib"]},
    {"id": "a2", "title": "Ceasefire holds in Idlib", "outlet": "Harbour Times",
     "published": date(2020, 3, 2),
     "body": "The ceasefire in Idlib held for a week.",
     "speakers": {"Maria Zakharova": ["The ceasefire is fragile"]}, "places": ["Idlib"]},
    {"id": "a3", "title": "Patrols on the highway", "outlet": "Daily Ledger", "published": date(2020, 3, 20),
     "body": "Joint patrols started on the highway near Idlib.",
     "speakers": {"Sergey Lavrov": ["Patrols will start soon", "Idlib remains the priority"]},
     "persons": ["Sergey Lavrov"]},
    {"id": "a4", "title": "Undated note on Sochi", "body": "A memorandum was signed in Sochi.",
     "organizations": ["United Nations"]},
]


@pytest.fixture
def client(make_index):
    app = create_app({"INDEX_DIR": str(make_index(RECORDS)), "TESTING": True})
    return app.test_client()


def _html(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    return response.get_data(as_text=True)


def test_search_page_facets_chips_and_clear_all(client):
    html = _html(client, "/?q=idlib&outlet=Daily+Ledger&outlet=Harbour+Times&speaker=Sergey+Lavrov")
    chips = re.findall(r'<a class="chip" href="([^"]+)">', html)
    assert chips == [
        "/?q=idlib&amp;outlet=Harbour+Times&amp;speaker=Sergey+Lavrov",
        "/?q=idlib&amp;outlet=Daily+Ledger&amp;speaker=Sergey+Lavrov",
        "/?q=idlib&amp;outlet=Daily+Ledger&amp;outlet=Harbour+Times",
    ]
    assert '<a class="clear-all" href="/?q=idlib">Clear all</a>' in html
    assert "<strong>2</strong> articles" in html
    # Facet values: selected ones say "Remove", others "Add"; export links carry the state.
    hidden = '<span class="visually-hidden">'
    assert f'{hidden}Remove outlet </span><span class="value">Daily Ledger</span>' in html
    assert f'{hidden}Add speaker </span><span class="value">Maria Zakharova</span>' in html
    assert ('href="/api/export?q=idlib&amp;outlet=Daily+Ledger&amp;outlet=Harbour+Times&amp;'
            'speaker=Sergey+Lavrov&amp;format=csv"') in html


def test_search_page_has_no_inline_script_or_style(client):
    for url in ("/", "/?q=idlib", "/article/a1?q=idlib", "/speaker/Sergey%20Lavrov", "/outlets"):
        html = _html(client, url)
        assert " style=" not in html
        assert re.findall(r"<script(?![^>]*\bsrc=)", html) == []


def test_timeline_by_month_then_by_day(client):
    html = _html(client, "/?q=idlib")
    assert "Articles by month" in html
    assert re.findall(r'<a href="([^"]+)" role="listitem" aria-label="([^"]+)"', html) == [
        ("/?q=idlib&amp;from=2020-01-01&amp;to=2020-01-31", "2020-01: 1 article"),
        ("/?q=idlib&amp;from=2020-03-01&amp;to=2020-03-31", "2020-03: 2 articles"),
    ]
    narrowed = _html(client, "/?q=idlib&from=2020-03-01&to=2020-03-31")
    assert "Articles by day" in narrowed
    labels = re.findall(r'role="listitem" aria-label="([^"]+)"', narrowed)
    assert labels == ["2020-03-02: 1 article", "2020-03-20: 1 article"]
    assert 'id="from" name="from" type="date" value="2020-03-01"' in narrowed


def test_timeline_by_year_for_long_ranges(client):
    months = [FacetValue(v, c) for v, c in (("2001-05", 2), ("2010-02", 3))]
    with client.application.test_request_context("/"):
        timeline = build_timeline(SearchRequest(), {"month": months, "day": []})
    assert timeline.granularity == "year"
    assert [(b.label, b.count) for b in timeline.bars][:2] == [("2001", 2), ("2002", 0)]
    assert timeline.bars[0].url == "/?from=2001-01-01&to=2001-12-31"
    assert [(b.label, b.count) for b in timeline.bars][-1] == ("2010", 3)
    assert len(timeline.bars) == 10


def test_did_you_mean(client):
    data = client.get("/api/search?q=memorandumm").get_json()
    assert (data["total"], data["suggestion"]) == (0, "memorandum")
    html = _html(client, "/?q=memorandumm")
    assert 'Did you mean <a href="/?q=memorandum"><strong>memorandum</strong></a>?' in html
    assert client.get("/api/search?q=memorandum").get_json()["suggestion"] is None


def test_export_csv_streams_every_hit_with_meta(client):
    response = client.get("/api/export?q=idlib&sort=oldest&format=csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/csv; charset=utf-8"
    assert response.headers["Content-Disposition"] == 'attachment; filename="dateline-export.csv"'
    first, rest = response.get_data(as_text=True).split("\n", 1)
    meta = json.loads(first.removeprefix("# dateline export "))
    assert (meta["query"], meta["total"], meta["cap"], meta["sort"]) == ("idlib", 3, 10000, "oldest")
    assert meta["index_version"] == f"generation 1, extraction {EXTRACTION_VERSION}"
    rows = list(csv.DictReader(io.StringIO(rest)))
    assert [(r["id"], r["published"], r["speakers"]) for r in rows] == [
        ("a1", "2020-01-08", "Sergey Lavrov"), ("a2", "2020-03-02", "Maria Zakharova"),
        ("a3", "2020-03-20", "Sergey Lavrov"),
    ]
    assert rows[0]["snippet"] == "Lavrov spoke about Idlib and the memorandum."


def test_export_jsonl_and_errors(client):
    response = client.get("/api/export?q=idlib&outlet=Daily+Ledger&format=jsonl")
    assert response.headers["Content-Type"] == "application/x-ndjson; charset=utf-8"
    lines = response.get_data(as_text=True).splitlines()
    assert json.loads(lines[0])["meta"]["filters"] == {"outlet": ["Daily Ledger"]}
    assert sorted(json.loads(line)["id"] for line in lines[1:]) == ["a1", "a3"]
    bad = client.get("/api/export?format=xml")
    assert (bad.status_code, bad.get_json()) == (
        400, {"error": {"status": 400, "message": "format must be one of csv, jsonl"}})
    bad_query = client.get("/api/export?q=idlib&sort=sideways")
    assert bad_query.status_code == 400
    message = bad_query.get_json()["error"]["message"]
    assert message == "sort must be one of relevance, newest, oldest, indexed, not 'sideways'"


def test_article_page_links_and_similar(client):
    html = _html(client, "/article/a3?q=patrols")
    assert "<mark>patrols</mark> started on the highway" in html
    assert '<a href="/speaker/Sergey%20Lavrov">Sergey Lavrov</a> <span class="type">2 quotes</span>' in html
    assert '<a href="/?person=Sergey+Lavrov">Sergey Lavrov</a>' in html
    assert '<a class="outlet" href="/?outlet=Daily+Ledger">Daily Ledger</a>' in html
    assert '<a href="/?from=2020-03-20&amp;to=2020-03-20"><time datetime="2020-03-20">' in html
    assert '<a href="/api/article/a3">JSON</a>' in html
    data = client.get("/api/article/a3").get_json()
    assert "body_html" not in data
    assert [s["id"] for s in data["similar"]] == ["a2", "a1"]


def test_body_segments_mark_quotes_with_their_speaker():
    body = 'He said "we stay in Idlib" and left. <b>x</b>'
    speakers = [{"name": "Sergey Lavrov", "quotes": [
        {"text": "we stay in Idlib", "start": 9, "end": 25, "cue": "said", "kind": "direct"},
        {"text": "wrong offsets", "start": 0, "end": 5},  # does not point at its text: left plain
    ]}]
    segments = body_segments(body, speakers, {"idlib"})
    assert [(s.html, s.speaker) for s in segments] == [
        ("He said &quot;", None),
        ("we stay in <mark>Idlib</mark>", "Sergey Lavrov"),
        ("&quot; and left. &lt;b&gt;x&lt;/b&gt;", None),
    ]


def test_speaker_page_and_api(client):
    data = client.get("/api/speaker/Sergey%20Lavrov?q=idlib").get_json()
    assert (data["speaker"], data["total"], data["per_page"]) == ("Sergey Lavrov", 2, 20)
    assert [a["id"] for a in data["articles"]] == ["a3", "a1"]  # newest first
    assert data["articles"][0]["quotes"] == [
        {"html": "<mark>Idlib</mark> remains the priority", "cue": "said", "kind": "direct", "matched": True},
        {"html": "Patrols will start soon", "cue": "said", "kind": "direct", "matched": False},
    ]
    assert data["outlets"] == [{"value": "Daily Ledger", "count": 2, "selected": False}]
    only = client.get("/api/speaker/Sergey%20Lavrov?outlet=Harbour+Times").get_json()
    assert only["total"] == 0
    html = _html(client, "/speaker/Sergey%20Lavrov?q=idlib")
    assert '<h1 id="speaker-heading" class="speaker-name">Sergey Lavrov</h1>' in html
    assert "<blockquote class=\"matched\"><mark>Idlib</mark> remains the priority" in html
    bad = client.get("/api/speaker/Sergey%20Lavrov?speaker=x")
    assert bad.status_code == 400


def test_a_blank_speaker_name_is_refused_as_the_openapi_document_says(client):
    """Whitespace alone (any of str.isspace's, e.g. U+001D, which schemathesis found) is a 400, and
    the document's pattern for the name rules it out; a real name matches it."""
    schema = next(p["schema"] for p in client.get("/api/openapi.json").get_json()["paths"]
                  ["/api/speaker/{name}"]["get"]["parameters"] if p["name"] == "name")
    for name in (" ", "\x1d", "\u2003\t"):
        response = client.get(f"/api/speaker/{quote(name)}")
        assert response.status_code == 400
        assert response.get_json()["error"]["message"] == "a speaker name is 1 to 300 characters"
        assert re.search(schema["pattern"], name) is None
    assert re.search(schema["pattern"], "Sergey Lavrov")


def test_outlets_overview(client):
    data = client.get("/api/outlets").get_json()
    assert data == {"outlets": [
        {"name": "Daily Ledger", "articles": 2, "undated": 0, "first": "2020-01-08", "last": "2020-03-20"},
        {"name": "Harbour Times", "articles": 1, "undated": 0, "first": "2020-03-02", "last": "2020-03-02"},
        {"name": None, "articles": 1, "undated": 1, "first": None, "last": None},
    ]}
    html = _html(client, "/outlets")
    assert '<a href="/?outlet=Daily+Ledger">Daily Ledger</a>' in html
    assert "4 articles from 2 outlets." in html


def test_openapi_documents_every_api_route_and_parameter(client):
    doc = client.get("/api/openapi.json").get_json()
    assert doc["openapi"] == "3.0.3"
    app = client.application
    routes = {re.sub(r"<(?:[^:>]+:)?([^>]+)>", r"{\1}", rule.rule)
              for rule in app.url_map.iter_rules() if rule.rule.startswith("/api/")}
    assert routes == {p for p in doc["paths"] if p.startswith("/api/")}
    search_params = {p["name"] for p in doc["paths"]["/api/search"]["get"]["parameters"]}
    assert search_params == set(PARAMS)
    export_params = {p["name"] for p in doc["paths"]["/api/export"]["get"]["parameters"]}
    assert export_params == (set(PARAMS) - {"page", "per_page"}) | {"format"}
    for path, item in doc["paths"].items():
        for operation in item.values():
            assert "200" in operation["responses"], path
            for param in operation["parameters"]:
                assert param["description"], (path, param["name"])
    # Every $ref points at a defined schema.
    refs = set(re.findall(r'"#/components/schemas/(\w+)"', json.dumps(doc)))
    assert refs <= set(doc["components"]["schemas"])


def test_static_assets_are_versioned_and_cached(client):
    html = _html(client, "/")
    css = re.search(r'href="(/static/style\.css\?v=[0-9a-f]{10})"', html).group(1)
    js = re.search(r'src="(/static/app\.js\?v=[0-9a-f]{10})"', html).group(1)
    for url in (css, js):
        response = client.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert client.get("/static/style.css").headers["Cache-Control"] == "no-cache"
