"""search.schema: the URL check applied to every stored link that is output."""

import random

import pytest

from search import schema as S

PLAIN = [
    "https://www.example.com/2020/03/05/idlib-talks.html",
    "http://example.com",
    "HTTPS://Example.COM:8443/a?b=c&d=%20e#frag",
    "http://a.b-c.d/path/with/@and[brackets]",
    "https://x.y/?q=\"quoted\"",
    "http://.",
    "https://host:",
]
NOT_PLAIN = [
    " https://example.com/ ",  # stripped first
    "https://example.com/\tx",
    "javascript:alert(1)",
    "java\tscript://x",
    "ftp://example.com/",
    "https://",
    "https://:80/",
    "https://user:pass@example.com/",
    "https://@/",
    "https://[::1]:8080/",
    "https://[::1/",
    "https://exämple.com/",
    "https://example.com/ü",
    "https://example.com\u00a0/",
    "https:example.com",
    "//example.com/",
    "",
    "   ",
]


def _general(value):
    """web_url without its fast path: every value takes urlsplit's way."""
    return S.web_url("\x20" + value) if value.strip() == value and value else S.web_url(value)


@pytest.mark.parametrize("url", PLAIN)
def test_plain_urls_take_the_fast_path(url, monkeypatch):
    """A plain http(s) URL is kept without being split (urlsplit is never called for it)."""

    def refuse(_url):
        raise AssertionError("urlsplit called for a plain URL")

    monkeypatch.setattr(S, "urlsplit", refuse)
    assert S.web_url(url) == url


@pytest.mark.parametrize("url", PLAIN + NOT_PLAIN)
def test_fast_path_answers_as_urlsplit_does(url):
    """The answer for each value equals the general path's (a leading space forces it, and is
    stripped before splitting)."""
    expected = _general(url)
    assert S.web_url(url) == (None if expected is None else expected.strip())
    if url in PLAIN:
        assert S.web_url(url) == url


def test_fast_path_equals_general_path_on_generated_urls():
    """Random URLs built from the characters that decide the fast path: the same answer."""
    rng = random.Random(15)
    alphabet = "aZ09.-:/?#@[]%_~ \t\u00e9"
    schemes = ["http://", "https://", "HTTP://", "hTtPs://", "ftp://", "http:/", "https:"]
    checked = 0
    for _ in range(3000):
        url = rng.choice(schemes) + "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12)))
        expected = _general(url)
        assert S.web_url(url) == (None if expected is None else expected.strip()), url
        checked += S._PLAIN_WEB_URL.fullmatch(url) is not None
    assert checked > 100  # the fast path was exercised
