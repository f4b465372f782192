"""Web safety: an XSS corpus everywhere user data reaches a page, security headers, safe routing.

Every HTML response is parsed with html5lib (the parser bleach uses, with browser parsing rules)
and must contain only the elements and attributes the app itself renders for a harmless corpus:
no ``<script>`` but the app's own ``/static`` file, no ``on*`` handler, no ``javascript:`` (or any
non-http) URL.  Snippets in JSON are parsed the same way and may hold only ``<mark>``.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote, urlsplit

import pytest
from bleach._vendor import html5lib  # the browser-grade parser bleach ships with

from webui import create_app
from webui.security import CONTENT_SECURITY_POLICY

TEMPLATES = Path(__file__).resolve().parents[1] / "webui" / "templates"

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    '"><script>alert(4)</script>',
    "' onmouseover='alert(5)' x='",
    '" onfocus="alert(6)" autofocus="',
    "javascript:alert(7)",
    "</textarea><script>alert(8)</script>",
    "</title><iframe src=javascript:alert(9)>",
    "&lt;script&gt;alert(10)&lt;/script&gt;",
    "&#60;img src=x onerror=alert(11)&#62;",
    "%3Cscript%3Ealert(12)%3C%2Fscript%3E",
    "\\u003cscript\\u003ealert(13)\\u003c/script\\u003e",
    '<a href="javascript:alert(14)">click</a>',
    "<ScRiPt>alert(15)</sCrIpT>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(16)>",
    "<!--<img src=x onerror=alert(17)>-->",
]
HOSTILE_URLS = [
    "javascript:alert(20)",
    "JaVaScRiPt:alert(21)",
    " javascript:alert(22)",
    "java\tscript:alert(23)",
    "&#106;avascript:alert(24)",
    "data:text/html,<script>alert(25)</script>",
    'https://example.org/"><script>alert(26)</script>',
]
SAFE_SCHEMES = ("http://", "https://", "/", "?", "#", "mailto:")
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data", "srcset"}


def _records(hostile: bool) -> list[dict]:
    """Articles with every payload in every user-data field (or harmless twins of the same shape)."""
    records = []
    for n, payload in enumerate(PAYLOADS):
        text = payload if hostile else f"plain text {n}"
        records.append({
            "id": (f"hostile/{n}{payload}.txt" if hostile else f"hostile/{n}plain.txt"),
            "title": f"Idlib {text}",
            "body": f"Idlib talks {text} said the minister. " * 3,
            "outlet": f"Outlet {text}",
            "url": HOSTILE_URLS[n % len(HOSTILE_URLS)] if hostile else f"https://example.org/{n}",
            "speakers": {f"Speaker {text}": [f"Quote {text} about Idlib"]},
            "persons": [f"Person {text}"],
            "organizations": [f"Org {text}"],
            "places": [f"Place {text}"],
        })
    return records


def _urls(records: list[dict], query_texts: list[str]) -> list[str]:
    """Every page that shows user data: searches, filters, articles, speakers, outlets, errors."""
    urls = ["/", "/?q=idlib", "/outlets", "/?q=idlib&sort=newest"]
    for rec, text in zip(records, query_texts, strict=True):
        article = quote(rec["id"], safe="/")
        urls += [
            f"/?q={quote(text)}",
            f"/?q=idlib&outlet={quote(rec['outlet'])}",
            f"/?speaker={quote(next(iter(rec['speakers'])))}",
            f"/?person={quote(rec['persons'][0])}&place={quote(rec['places'][0])}",
            f"/article/{article}",
            f"/article/{article}?q={quote(text)}",
            f"/article/{article}?q=idlib",
            f"/speaker/{quote(next(iter(rec['speakers'])), safe='')}",
            f"/article/missing{quote(text)}",  # 404 page echoing the id
            f"/?{quote(text)}=1",  # 400 page naming an unknown parameter
            f"/?q=idlib&from={quote(text)}",  # 400 page echoing a bad date
        ]
    return urls


def _build(make_index, hostile: bool):
    records = _records(hostile)
    index_dir = make_index(records, name="hostile" if hostile else "plain")
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    texts = PAYLOADS if hostile else [f"plain text {n}" for n in range(len(PAYLOADS))]
    return app.test_client(), _urls(records, texts), records


def _elements(html: str):
    return list(html5lib.parse(html, namespaceHTMLElements=False).iter())


def _scheme_ok(value: str) -> bool:
    # Browsers drop ASCII whitespace and control characters inside a scheme: normalise the same way.
    normalised = re.sub(r"[\x00-\x20]", "", value).lower()
    return normalised.startswith(SAFE_SCHEMES) or ":" not in normalised.split("/", 1)[0]


def _structure(client, urls: list[str]) -> tuple[set[str], set[str]]:
    tags, attributes = set(), set()
    for url in urls:
        for element in _elements(client.get(url).get_data(as_text=True)):
            if isinstance(element.tag, str):
                tags.add(element.tag)
                attributes.update(element.attrib)
    return tags, attributes


def test_xss_corpus_never_becomes_markup(make_index):
    plain_client, plain_urls, _ = _build(make_index, hostile=False)
    # Every kind of page is among the first records' URLs; the rest only repeat the structure.
    own_tags, own_attributes = _structure(plain_client, plain_urls[:40])
    own_tags.add("mark")  # highlighting, present whenever a query matches

    client, urls, _records_ = _build(make_index, hostile=True)
    statuses = set()
    for url in urls:
        response = client.get(url)
        statuses.add(response.status_code)
        assert response.status_code in (200, 400, 404), (url, response.status_code)
        html = response.get_data(as_text=True)
        for element in _elements(html):
            if not isinstance(element.tag, str):  # comments are inert
                continue
            assert element.tag in own_tags, (url, element.tag, html[:300])
            for name, value in element.attrib.items():
                assert name in own_attributes, (url, element.tag, name)
                assert not name.lower().startswith("on"), (url, name)
                if name in URL_ATTRIBUTES:
                    assert _scheme_ok(value), (url, element.tag, name, value)
            if element.tag == "script":
                assert element.get("src", "").startswith("/static/") and not (element.text or "").strip()
    assert statuses >= {200, 400, 404}


def test_json_twins_serve_no_live_markup(make_index):
    client, _urls_, records = _build(make_index, hostile=True)
    api_urls = ["/api/search?q=idlib", "/api/search?q=idlib&per_page=50", "/api/outlets"]
    api_urls += [f"/api/article/{quote(r['id'], safe='/')}?q=idlib" for r in records]
    api_urls += [f"/api/speaker/{quote(next(iter(r['speakers'])), safe='')}" for r in records]
    api_urls += [f"/api/search?q={quote(p)}" for p in PAYLOADS]
    snippets = 0
    for url in api_urls:
        response = client.get(url)
        assert response.status_code in (200, 400), (url, response.status_code)
        # A browser opening the JSON shows text: never sniffed as HTML.
        assert response.mimetype == "application/json"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        data = response.get_json()
        for hit in data.get("hits", []):
            snippets += 1
            for element in html5lib.parseFragment(hit["snippet"], namespaceHTMLElements=False).iter():
                if isinstance(element.tag, str) and element.tag != "DOCUMENT_FRAGMENT":
                    assert element.tag == "mark" and not element.attrib, (url, hit["snippet"])
        if "body_html" in data:
            for element in _elements(data["body_html"]):
                assert element.tag in {"html", "head", "body", "mark"} and not element.attrib
    assert snippets >= len(PAYLOADS)


def test_hostile_text_is_shown_as_text(make_index):
    """Escaping, not deletion: the reader sees what the archive says."""
    client, _urls_, records = _build(make_index, hostile=True)
    page = client.get(f"/article/{quote(records[0]['id'], safe='/')}").get_data(as_text=True)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>alert(1)" not in page


# -- headers, templates, routing ---------------------------------------------------------------------
def _header_urls() -> list[tuple[str, str]]:
    return [("GET", "/"), ("GET", "/api/search?q=idlib"), ("GET", "/api/search?bogus=1"), ("GET", "/?page=x"),
            ("GET", "/article/nope"), ("GET", "/api/article/nope"), ("GET", "/static/style.css"),
            ("GET", "/healthz"), ("GET", "/no/such/page"), ("POST", "/"), ("POST", "/api/search")]


def test_security_headers_on_every_response(make_index, tmp_path):
    index_dir = make_index(_records(False)[:2])
    clients = {
        "indexed": create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client(),
        "no index": create_app({"INDEX_DIR": str(tmp_path / "none"), "TESTING": True}).test_client(),
    }
    for label, client in clients.items():
        for method, url in _header_urls():
            response = client.open(url, method=method)
            headers = response.headers
            csp = headers.get("Content-Security-Policy", "")
            directives = dict(d.strip().split(" ", 1) for d in csp.split(";") if d.strip())
            assert directives.get("script-src") == "'self'", (label, url, csp)
            assert directives.get("style-src") == "'self'", (label, url, csp)
            assert directives.get("default-src") == "'self'"
            assert directives.get("object-src") == "'none'"
            assert directives.get("frame-ancestors") == "'none'"
            assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
            assert headers.get("X-Content-Type-Options") == "nosniff", (label, url)
            assert headers.get("X-Frame-Options") == "DENY", (label, url)
            assert headers.get("Referrer-Policy") in {"same-origin", "no-referrer", "strict-origin"}
    assert "script-src 'self'" in CONTENT_SECURITY_POLICY


def test_templates_have_no_inline_script_style_or_handlers():
    """CSP forbids inline code; the templates must not rely on it (it would silently break)."""
    for template in TEMPLATES.glob("*.html"):
        text = template.read_text(encoding="utf-8")
        for match in re.finditer(r"<script\b[^>]*>", text, re.IGNORECASE):
            assert "src=" in match.group(0), (template.name, match.group(0))
        assert not re.search(r"<script\b[^>]*>\s*(?!</script)\S", text, re.IGNORECASE), template.name
        assert not re.search(r"\son[a-z]+\s*=", text, re.IGNORECASE), template.name
        assert not re.search(r"\sstyle\s*=", text, re.IGNORECASE), template.name
        assert not re.search(r"<style\b", text, re.IGNORECASE), template.name
        assert "javascript:" not in text.lower(), template.name
        # Only values made by search.highlight (sanitised by bleach) may skip escaping: by
        # convention they are called `snippet` or `*html`, and the XSS corpus test renders them.
        for expression in re.findall(r"\{\{\s*([^}]*?)\s*\|\s*safe", text):
            assert re.fullmatch(r"[\w.]*(snippet|html)", expression), (template.name, expression)


def test_every_route_is_get_only_and_get_changes_nothing(make_index):
    index_dir = make_index(_records(False)[:3])
    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    for rule in app.url_map.iter_rules():
        assert rule.methods <= {"GET", "HEAD", "OPTIONS"}, (rule.rule, rule.methods)
    before = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in Path(index_dir).iterdir()}
    client = app.test_client()
    for url in ["/", "/?q=idlib", "/api/search?q=idlib", "/outlets", "/api/outlets", "/healthz",
                "/article/hostile/0plain.txt", "/api/article/hostile/0plain.txt"]:
        assert client.get(url).status_code == 200, url
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        assert client.open("/api/search", method=method).status_code == 405
    after = {p.name: (p.stat().st_size, p.stat().st_mtime_ns) for p in Path(index_dir).iterdir()}
    assert after == before


def test_server_binds_to_localhost_by_default(monkeypatch, tmp_path):
    from click.testing import CliRunner

    from webui import server
    from webui.cli import main as cli

    calls = []
    real_create_server = server.create_server

    class NotServing:
        def run(self) -> None:
            pass

    monkeypatch.setattr(server, "create_server", lambda app, **kwargs: calls.append(kwargs) or NotServing())
    result = CliRunner().invoke(cli, ["serve", "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0, result.output
    assert calls and calls[0]["host"] == "127.0.0.1"
    listening = real_create_server(object(), host="127.0.0.1", port=0)
    try:
        assert listening.effective_host == "127.0.0.1"
    finally:
        listening.close()


def test_request_bodies_are_capped(make_index):
    app = create_app({"INDEX_DIR": str(make_index(_records(False)[:1])), "TESTING": True})
    cap = app.config["MAX_CONTENT_LENGTH"]
    assert cap is not None and cap <= 1024 * 1024
    response = app.test_client().get("/api/search", data=b"x" * (cap + 1),
                                     headers={"Content-Type": "application/octet-stream"})
    assert response.status_code == 413
    assert response.get_json()["error"]["status"] == 413


@pytest.mark.parametrize("path", [
    "/article/../../etc/passwd",
    "/article/..%2F..%2Fetc%2Fpasswd",
    "/article/%2e%2e/%2e%2e/etc/passwd",
    "/api/article/../../etc/passwd",
    "/api/article/..%2f..%2f..%2fetc%2fpasswd",
    "/article//etc/passwd",  # werkzeug first redirects to /article/etc/passwd
    "/api/article/%00",
    "/static/../../../../etc/passwd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
])
def test_path_traversal_ids_are_404(make_index, path):
    app = create_app({"INDEX_DIR": str(make_index(_records(False)[:1])), "TESTING": True})
    response = app.test_client().get(path, follow_redirects=True)
    assert response.status_code == 404, (path, response.status_code)
    for hop in response.history:  # only ever redirected within the article routes
        assert urlsplit(hop.location).path.startswith(("/article/", "/api/article/")), hop.location
    assert b"root:" not in response.data


# -- what the server keeps to itself (issue 11, item 5) --------------------------------------------
def test_index_errors_name_the_command_but_not_the_server_path(tmp_path, make_index, caplog):
    """503s say which command fixes the index; the directory and the exception go to the log only."""
    missing = tmp_path / "secret-location" / "ix"
    damaged = make_index(_records(False)[:1], name="secret-damaged")
    for toc in damaged.glob("_MAIN_*.toc"):
        toc.write_bytes(b"garbage, not a table of contents")
    cases = ((missing, "dateline index ARCHIVE_PATH"), (damaged, "dateline index --rebuild"))
    for index_dir, command in cases:
        client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
        caplog.clear()
        for url in ("/api/search?q=idlib", "/api/article/x", "/api/outlets", "/?q=idlib", "/outlets"):
            response = client.get(url)
            text = response.get_data(as_text=True)
            assert response.status_code == 503, url
            assert command in text, (url, text)
            for secret in (str(tmp_path), "secret-", "Error:", "Traceback"):
                assert secret not in text, (url, secret)
        assert str(index_dir) in caplog.text  # the operator still learns where and why


def test_article_api_and_page_do_not_reveal_the_source_path(tmp_path):
    from index.writer import index_paths

    archive = tmp_path / "private-archive"
    archive.mkdir()
    (archive / "a.txt").write_text("Idlib headline\n\nTalks on Idlib went on, the minister said.\n")
    index_dir = tmp_path / "ix"
    index_paths([archive], index_dir, jobs=1, progress=False)
    client = create_app({"INDEX_DIR": str(index_dir), "TESTING": True}).test_client()
    data = client.get("/api/article/private-archive/a.txt").get_json()
    assert data["id"] == "private-archive/a.txt" and "path" not in data
    for url in ("/api/article/private-archive/a.txt", "/article/private-archive/a.txt",
                "/api/search?q=idlib", "/?q=idlib", "/api/export?q=idlib&format=jsonl"):
        assert str(tmp_path) not in client.get(url).get_data(as_text=True), url


def test_only_http_urls_are_indexed_and_served_even_from_old_indexes(tmp_path):
    """``javascript:`` and other schemes are dropped when indexing, and when an index written
    before that check is read (its stored value is output as null)."""
    from index.article import Article, Extracted
    from index.document import content_hash, to_document
    from index.extract import AliasTable
    from index.storage import create_index
    from search import schema as S

    urls = {"js": "javascript:alert(3)", "tab": "java\tscript:alert(1)", "data": "data:text/html,x",
            "rel": "/relative", "ftp": "ftp://example.org/a", "ok": "https://example.org/a"}
    ix = create_index(tmp_path / "ix")
    writer = ix.writer()
    for name, url in urls.items():
        article = Article(id=f"{name}.txt", path=f"{name}.txt", title=f"Idlib {name}", body="Idlib talks.",
                          url=url)
        extracted = Extracted(body="Idlib talks.", outlet=None, published=None)
        doc = to_document(article, extracted, content_hash(article), AliasTable.default())
        assert doc[S.URL] == (url if name == "ok" else ""), name
        doc[S.URL] = url  # as an index built before the check stored it
        writer.add_document(**doc)
    writer.commit()
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()
    expected = {f"{name}.txt": (url if name == "ok" else None) for name, url in urls.items()}
    hits = client.get("/api/search?q=idlib&per_page=20").get_json()["hits"]
    assert {h["id"]: h["url"] for h in hits} == expected
    for article_id, url in expected.items():
        assert client.get(f"/api/article/{article_id}").get_json()["url"] == url
    export = client.get("/api/export?q=idlib&format=jsonl").get_data(as_text=True)
    assert "javascript" not in export and "data:text" not in export and "ftp:" not in export


@pytest.mark.parametrize("url", ["/api/search", "/api/article/x.txt", "/", "/healthz", "/api/openapi.json"])
@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "TRACE"])
def test_405_names_the_allowed_methods(make_index, url, method):
    client = create_app({"INDEX_DIR": str(make_index(_records(False)[:1])), "TESTING": True}).test_client()
    response = client.open(url, method=method)
    assert response.status_code == 405
    assert set(response.headers["Allow"].split(", ")) == {"GET", "HEAD", "OPTIONS"}
    if url.startswith("/api/"):
        assert response.get_json()["error"]["status"] == 405


def test_security_headers_keep_a_views_own_value_and_add_the_others_once():
    from flask import Flask

    from webui import security

    app = Flask(__name__)
    security.init_app(app)

    @app.get("/own")
    def own():
        return "x", 200, {"x-frame-options": "SAMEORIGIN"}  # any case: HTTP names are case-blind

    headers = app.test_client().get("/own").headers
    assert headers.getlist("X-Frame-Options") == ["SAMEORIGIN"]
    for name, value in security.HEADERS.items():
        if name != "X-Frame-Options":
            assert headers.getlist(name) == [value]
