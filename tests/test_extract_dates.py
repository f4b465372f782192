"""resolve_date and parse_date: metadata, URL shapes, file names; never guessed."""

from __future__ import annotations

from datetime import date

import pytest

from index.article import Article
from index.extract.dates import parse_date, resolve_date


def _art(**kw) -> Article:
    return Article(id="x", path=kw.pop("path", "x.txt"), title="T", body="Published March 5, 2020.", **kw)


@pytest.mark.parametrize(
    "url",
    [
        "https://a.com/2020/03/05/story",
        "https://a.com/news/2020-03-05-story",
        "https://a.com/20200305/x",
        "https://a.com/2020/mar/05/x",
        "https://a.com/story-05-march-2020",
        "https://a.com/a_2020_3_5.html",
    ],
)
def test_url_shapes(url):
    assert resolve_date(_art(url=url)) == (date(2020, 3, 5), "url")


def test_order_and_fallbacks():
    assert resolve_date(_art(published=date(2019, 1, 2), url="https://a.com/2020/03/05/x")) == (
        date(2019, 1, 2),
        "metadata",
    )
    assert resolve_date(_art(url="https://a.com/2020/03/story")) == (None, "unknown")  # month only
    assert resolve_date(_art(path="polnear/breitbart_2016-09-12_slug.txt")) == (date(2016, 9, 12), "filename")
    assert resolve_date(_art(path="archive.tar.xz!data/nyt_2016-11-01_x.txt")) == (
        date(2016, 11, 1),
        "filename",
    )
    assert resolve_date(_art()) == (None, "unknown")  # never from the body
    assert resolve_date(_art(url="https://a.com/2020/02/31/x")) == (None, "unknown")  # invalid day


@pytest.mark.parametrize(
    "value,expected",
    [
        ("2020-03-05", date(2020, 3, 5)),
        ("2020-03-05T10:00:00Z", date(2020, 3, 5)),
        ("Thu, 05 Mar 2020 10:00:00 +0000", date(2020, 3, 5)),
        ("March 5, 2020", date(2020, 3, 5)),
        ("5 March 2020", date(2020, 3, 5)),
        ("13/03/2020", date(2020, 3, 13)),
        ("03/13/2020", date(2020, 3, 13)),
        ("05/03/2020", None),
        ("March 2020", None),
        ("1/21/", None),
        ("0001-01-01", None),
        ("", None),
        ("2050-13-01", None),
        ("not a date", None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


def test_a_day_named_in_the_text_is_dated_only_with_a_year_from_the_url_or_a_sidecar():
    from index.extract.dates import day_in_text

    body = "Sergey Lavrov said on March 29 after arriving in Ankara. On May 31st, he spoke again."
    url = Article(id="x", path="x", title="t", body=body, url="https://southfront.org/2019/03/lavrov/")
    assert resolve_date(url) == (date(2019, 3, 29), "text+url")
    year_only = Article(id="x", path="x", title="t", body=body, url="https://example.org/news/2019/lavrov")
    assert resolve_date(year_only) == (date(2019, 3, 29), "text+url")
    sidecar = Article(id="x", path="x", title="t", body=body, sidecar={"partial_date": "2019-05"})
    assert resolve_date(sidecar) == (date(2019, 5, 31), "text+sidecar")  # the month must agree
    assert resolve_date(Article(id="x", path="x", title="t", body=body)) == (None, "unknown")
    assert day_in_text(body, (2019, 4)) is None
    assert day_in_text("signed on September 17, 2018 in Sochi", (2019,)) is None  # a full date of an event
    assert day_in_text("talks on 5 May, then", (2020,)) == date(2020, 5, 5)
    assert day_in_text("on February 30", (2020,)) is None
    assert day_in_text("on December 30", (2026,), today=date(2026, 6, 1)) is None  # not after today
