"""Abusive queries and parameters through the HTTP API: a fast 400 with a clear message, never a 500.

Whoosh's parser recurses per boolean clause (RecursionError at a few hundred ORs, whoosh #28) and a
bare ``*`` enumerates every term; these limits (search/request.py, search/query.py) stop both
before Whoosh sees the text.  "Fast" is asserted as work not done (Whoosh's parser never called,
words walked, characters analysed), never as wall-clock time, which flakes on a loaded machine;
the latencies themselves are measured by ``scripts/bench_limits.py`` (docs/operations.md).
"""

from __future__ import annotations

import itertools
import string
import threading

import pytest
from whoosh.qparser import QueryParser
from whoosh.reading import IndexReader

from search import engine, highlight
from search.budget import Deadline
from search.expand import MAX_FUZZY_EXPANSION, MAX_PREFIX_EXPANSION
from search.highlight import SCAN_CHARS, highlight_all, snippet
from search.request import MAX_PER_PAGE, MAX_QUERY_CHARS, MAX_QUERY_TERMS, MAX_RESULT_WINDOW
from webui import create_app


def _letters(prefix: str, count: int) -> list[str]:
    """``count`` distinct alphabetic words starting with ``prefix`` (the analyzer keeps them whole)."""
    tails = ("".join(t) for t in itertools.product(string.ascii_lowercase, repeat=3))
    return [prefix + t for t in itertools.islice(tails, count)]


@pytest.fixture
def client(make_index):
    prefix_words = _letters("zq", MAX_PREFIX_EXPANSION + 50)
    # Words one edit from "kozmo": substitutions and insertions, more than the fuzzy cap.
    fuzzy_words = sorted({f"kozm{c}" for c in string.ascii_lowercase}
                         | {f"koz{c}o" for c in string.ascii_lowercase}
                         | {f"kozmo{c}" for c in string.ascii_lowercase})
    assert len(fuzzy_words) > MAX_FUZZY_EXPANSION
    records = [
        {"id": "a1", "title": "Idlib talks", "body": "Lavrov said talks on Idlib went well."},
        {"id": "a2", "title": "Prefix flood", "body": " ".join(prefix_words)},
        {"id": "a3", "title": "Fuzzy flood", "body": " ".join(fuzzy_words)},
    ]
    app = create_app({"INDEX_DIR": str(make_index(records)), "TESTING": True})
    return app.test_client()


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    """Every text Whoosh's query parser is asked to parse (the expensive, recursive step)."""
    texts: list[str] = []
    real_parse = QueryParser.parse

    def counting_parse(self, text, *args, **kwargs):
        texts.append(text)
        return real_parse(self, text, *args, **kwargs)

    monkeypatch.setattr(QueryParser, "parse", counting_parse)
    return texts


def _refused(client, url: str, fragment: str, param: str = "q") -> None:
    response = client.get(url)
    assert response.status_code == 400, (url[:80], response.status_code)
    message = response.get_json()["error"]["message"]
    assert fragment in message, message
    assert param in message


# -- abusive query shapes ---------------------------------------------------------------------------
@pytest.mark.parametrize("label, q, fragment", [
    ("10,000 characters", "lavrov " * 1428 + "x", f"the limit is {MAX_QUERY_CHARS}"),
    ("1,000 OR'd terms", " OR ".join(["idlib"] * 1000), "too long"),
    ("1,000 OR'd short terms", " OR ".join(string.ascii_lowercase[i % 26] for i in range(400)),
     f"the limit is {MAX_QUERY_TERMS}"),
    ("50 nested parentheses", "(" * 50 + "idlib" + ")" * 50, "nests parentheses 50 deep"),
    ("50 unbalanced parentheses", "(" * 50 + "idlib", "nests parentheses 50 deep"),
])
def test_abusive_queries_get_a_fast_400(client, parses, label, q, fragment):
    """Refused by linear checks before Whoosh's parser sees the text (bench_limits.py: < 1 ms)."""
    for url in ("/api/search", "/"):
        response = client.get(f"{url}?q={q}")
        assert response.status_code == 400, (label, url)
    _refused(client, f"/api/search?q={q}", fragment)
    assert parses == [], f"{label}: Whoosh's parser ran before the refusal"


def test_the_most_complex_allowed_query_still_answers(client):
    """Right at the limits the parser must not hit a RecursionError (whoosh #28): 200, not 500."""
    terms = " OR ".join(["idlib"] * ((MAX_QUERY_TERMS + 1) // 2))
    nested = "(" * 10 + "idlib" + ")" * 10
    for q in (terms, nested, f"{nested} AND ({terms})"[:MAX_QUERY_CHARS]):
        response = client.get("/api/search", query_string={"q": q})
        assert response.status_code in (200, 400), response.status_code
        if response.status_code == 400:  # combined one may exceed the term limit: still a message
            assert "limit" in response.get_json()["error"]["message"]
        else:
            assert response.get_json()["total"] == 1


@pytest.mark.parametrize("q", ["*", "*ing", "?x", "title:*", "speaker:*ov", "i*", "lavrov AND *", "(*)",
                               "'*'"])
def test_leading_bare_and_one_letter_wildcards_are_refused(client, q):
    response = client.get("/api/search", query_string={"q": q})
    assert response.status_code == 400, q
    assert "wildcard" in response.get_json()["error"]["message"]


def test_trailing_wildcards_and_fuzzy_terms_within_caps_work(client):
    assert client.get("/api/search", query_string={"q": "lavr*"}).get_json()["total"] == 1
    assert client.get("/api/search", query_string={"q": "lavrof~"}).get_json()["total"] == 1


def test_prefix_expansion_is_capped(client, monkeypatch):
    walked: list[bytes] = []
    real_expand = IndexReader.expand_prefix  # every reader's expand_prefix ends in this one

    def counting(self, fieldname, prefix):
        for word in real_expand(self, fieldname, prefix):
            walked.append(word)
            yield word

    monkeypatch.setattr(IndexReader, "expand_prefix", counting)
    response = client.get("/api/search", query_string={"q": "zq*"})
    assert response.status_code == 400
    assert f"more than {MAX_PREFIX_EXPANSION} words" in response.get_json()["error"]["message"]
    # The refusal stops at the first word past the cap: 1,050 words match, the rest is never read.
    assert len(walked) == MAX_PREFIX_EXPANSION + 1
    # A narrower prefix under the cap is fine.
    assert client.get("/api/search", query_string={"q": "zqaa*"}).get_json()["total"] == 1


def test_fuzzy_expansion_keeps_the_closest_words(client):
    """Like Lucene's maxExpansions: a fuzzy term with too many neighbours keeps the closest, no 400."""
    response = client.get("/api/search", query_string={"q": "kozmo~"})
    assert response.status_code == 200
    assert [hit["id"] for hit in response.get_json()["hits"]] == ["a3"]
    assert response.get_json()["hits"][0]["snippet"].count("<mark>") <= MAX_FUZZY_EXPANSION


# -- parameters ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("query, param, fragment", [
    (f"per_page={MAX_PER_PAGE + 1}", "per_page", f"at most {MAX_PER_PAGE}"),
    ("per_page=0", "per_page", "at least 1"),
    ("per_page=-5", "per_page", "whole number"),
    (f"page={MAX_RESULT_WINDOW // 10 + 1}&per_page=10", "page", f"{MAX_RESULT_WINDOW}"),
    ("page=999999999999", "page", "whole number"),
    ("page=1e3", "page", "whole number"),
    ("speakr=lavrov", "speakr", "unknown parameter"),
    ("callback=alert", "callback", "unknown parameter"),
    ("from=2020-13-01", "from", "YYYY-MM-DD"),
    ("to=yesterday", "to", "YYYY-MM-DD"),
    ("from=2020-02-30", "from", "YYYY-MM-DD"),
    ("from=2021-01-01&to=2020-01-01", "from", "after"),
    ("sort=random", "sort", "sort must be one of"),
    ("q=a&q=b", "q", "only once"),
])
def test_bad_parameters_are_a_400_naming_the_parameter(client, query, param, fragment):
    for url in ("/api/search", "/"):
        response = client.get(f"{url}?{query}")
        assert response.status_code == 400, (url, query)
    message = client.get(f"/api/search?{query}").get_json()["error"]["message"]
    assert param in message and fragment in message, message


# -- time budget ----------------------------------------------------------------------------------------
def test_a_search_past_its_budget_is_a_503_and_the_server_stays_responsive(make_index, monkeypatch):
    """A search whose facet stage takes 1 s (on an injected clock) is a 503 past its 0.2 s budget; while
    it is held inside that stage, other requests are answered (they finish before it is let go)."""
    index_dir = make_index([{"id": "a", "title": "Idlib", "body": "Idlib talks"}])
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True, "TIME_BUDGET": 0.2})
    now = [0.0]  # the clock every search's deadline reads
    monkeypatch.setattr(engine, "Deadline", lambda budget: Deadline(budget, clock=lambda: now[0]))
    real_facets = engine._facets
    inside, release = threading.Event(), threading.Event()

    def slow_for_stall(arrays, docs, masks, request, aliases, final=None):
        if "stall" in request.q:  # a query whose facets take 1 s, like a huge index's would
            now[0] += 1.0
            inside.set()
            release.wait(timeout=60)  # held until the other requests are done (60 s: a hang guard)
        return real_facets(arrays, docs, masks, request, aliases, final)

    monkeypatch.setattr(engine, "_facets", slow_for_stall)
    slow: dict = {}
    thread = threading.Thread(target=lambda: slow.update(response=app.test_client().get(
        "/api/search?q=idlib+OR+stall")))
    thread.start()
    try:
        assert inside.wait(timeout=60), "the slow search never reached its facet stage"
        client = app.test_client()
        others = [client.get("/api/search?q=idlib").status_code, client.get("/healthz").status_code]
        assert others == [200, 200]
        assert thread.is_alive() and "response" not in slow, "the slow search was still being held"
    finally:
        release.set()
        thread.join(timeout=60)
    response = slow["response"]
    assert response.status_code == 503
    message = response.get_json()["error"]["message"]
    assert "0.2 s budget" in message
    # The HTML page runs the same 1 s stage, no longer held (release stays set).
    html = app.test_client().get("/?q=idlib+OR+stall")
    assert html.status_code == 503 and b"budget" in html.data
    assert client.get("/api/search?q=idlib").status_code == 200


def test_time_budget_is_configurable_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_TIME_BUDGET", "0.75")
    assert create_app({"INDEX_DIR": str(tmp_path)}).config["TIME_BUDGET"] == 0.75
    monkeypatch.delenv("DATELINE_TIME_BUDGET")
    assert create_app({"INDEX_DIR": str(tmp_path)}).config["TIME_BUDGET"] == engine.DEFAULT_TIME_BUDGET


# -- highlighting -----------------------------------------------------------------------------------------
def test_highlighting_a_5_mb_article_is_bounded(monkeypatch):
    """Only SCAN_CHARS characters are analysed and bleach never parses the 5 MB (it took 1.4 s when it
    did); the milliseconds are measured by scripts/bench_limits.py."""
    analysed: list[int] = []
    sanitized: list[int] = []
    real_spans, real_sanitize = highlight.match_spans, highlight.sanitize
    monkeypatch.setattr(highlight, "match_spans",
                        lambda text, terms: analysed.append(len(text)) or real_spans(text, terms))
    monkeypatch.setattr(highlight, "sanitize",
                        lambda fragment: sanitized.append(len(fragment)) or real_sanitize(fragment))
    filler = "The council met again on Tuesday to discuss the budget and the river. "
    text = (filler * (5_000_000 // len(filler)))[: 5_000_000 - 40] + " Lavrov spoke about Idlib at the end."
    assert len(text) >= 4_999_990
    words = {"lavrov", "idlib", "council", "budget"}
    short = snippet(text, words)
    full = highlight_all(text, words)
    assert analysed == [SCAN_CHARS, SCAN_CHARS]
    assert sanitized == [], "bleach parsed mark-only output"
    assert "<mark>council</mark>" in short and len(short) < 2000
    assert full.count("<mark>") > 100
    assert "<mark>" not in full[len(full) - (len(text) - SCAN_CHARS):], "marks only in the scanned window"


def test_a_5_mb_article_through_the_api(make_index, monkeypatch):
    body = ("Idlib talks continued. " * 220_000)[:5_000_000]
    app = create_app({"INDEX_DIR": str(make_index([{"id": "big", "title": "Big", "body": body}])),
                      "TESTING": True})
    client = app.test_client()
    analysed: list[int] = []
    real_spans = highlight.match_spans
    monkeypatch.setattr(highlight, "match_spans",
                        lambda text, terms: analysed.append(len(text)) or real_spans(text, terms))
    for url in ("/api/search?q=idlib", "/api/article/big?q=idlib", "/article/big?q=idlib"):
        response = client.get(url)
        assert response.status_code == 200, url
    assert analysed and max(analysed) <= SCAN_CHARS, "a highlighter analysed more than SCAN_CHARS"
