"""resolve_outlet: metadata, URL, signature line; outlet-name normalisation."""

from __future__ import annotations

import pytest

from index.article import Article
from index.extract.clean import clean_body
from index.extract.names import AliasTable
from index.extract.outlet import resolve_outlet

ALIASES = AliasTable.default()


def _art(**kw) -> Article:
    return Article(id="x", path="x.txt", title=kw.pop("title", "T"), body=kw.pop("body", ""), **kw)


def test_metadata_first_and_normalised():
    assert resolve_outlet(_art(outlet="CNN (Web News)", url="https://www.foxnews.com/a"), "", ALIASES) == (
        "CNN",
        "metadata",
    )
    assert resolve_outlet(_art(outlet="Some Local Paper"), "", ALIASES) == ("Some Local Paper", "metadata")


@pytest.mark.parametrize(
    "value", ["www.aljazeera.com", "aljazeera.com", "Al Jazeera", "https://www.aljazeera.com/news/1"]
)
def test_al_jazeera_is_one_outlet(value):
    assert ALIASES.outlet(value) == "Al Jazeera"


def test_url_site_known_and_unknown():
    assert resolve_outlet(_art(url="https://edition.cnn.com/2020/03/05/x"), "", ALIASES) == ("CNN", "url")
    assert resolve_outlet(_art(url="https://www.example-news.org/a"), "", ALIASES) == (
        "example-news.org",
        "url",
    )


def test_signature_lines():
    assert resolve_outlet(_art(body="Text.\n\nSupport SouthFront\n"), "", ALIASES) == ("SouthFront", "text")
    assert resolve_outlet(_art(body="Support Ukraine\n\nText."), "", ALIASES) == (None, "unknown")
    assert resolve_outlet(_art(body="Time\n\nText."), "", ALIASES) == (None, "unknown")


@pytest.mark.parametrize(
    "prefix,expected",
    [
        ("000", ("SouthFront", "text")),
        ("001", ("Duvar English", "text")),
        ("002", (None, "unknown")),
        ("003", (None, "unknown")),
        ("004", (None, "unknown")),
    ],
)
def test_seeds(sample_archive, prefix, expected):
    path = next(sample_archive.glob(f"{prefix}_*.txt"))
    title, _, body = path.read_text(encoding="utf-8").partition("\n")
    article = Article(id=path.name, path=str(path), title=title, body=body)
    assert resolve_outlet(article, clean_body(body, title), ALIASES) == expected
