"""resolve_outlet: metadata, URL, signature line; outlet-name normalisation."""

from __future__ import annotations

import pytest

from index.article import Article
from index.extract.clean import clean_body
from index.extract.outlet import resolve_outlet
from search.names import AliasTable

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


@pytest.mark.parametrize(
    "title, site_name, host, expected",
    [
        ("Trump wins again - Breitbart", None, None, ("Trump wins again", "Breitbart News")),
        ("Oil prices fall again | Reuters", None, None, ("Oil prices fall again", "Reuters")),
        ("Idlib talks resume — The Guardian", None, None, ("Idlib talks resume", "The Guardian")),
        ("Big news today - Daily Bugle", "Daily Bugle", None, ("Big news today", "Daily Bugle")),
        ("Big news today | Bugle", None, "https://www.bugle.example/x", ("Big news today", "Bugle")),
        # Not a site: an unknown last part, or too short a headline before it.
        ("Big news today - Daily Bugle", None, None, ("Big news today - Daily Bugle", None)),
        ("Syria - Idlib", None, None, ("Syria - Idlib", None)),
        ("Assad - Reuters", None, None, ("Assad - Reuters", None)),
        ("No separator here", None, None, ("No separator here", None)),
    ],
)
def test_site_name_suffixes_are_cut_from_titles_only_when_they_name_the_site(title, site_name, host,
                                                                              expected):
    from index.extract.outlet import split_site_suffix

    assert split_site_suffix(title, site_name, host) == expected
