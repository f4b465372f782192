from datetime import date

import pytest

from search.request import MAX_PER_PAGE, QueryError, SearchRequest


def test_defaults():
    req = SearchRequest.from_args({})
    assert (req.q, req.filters, req.sort, req.page, req.per_page) == ("", {}, "relevance", 1, 10)


def test_filters_repeatable_and_deduplicated():
    req = SearchRequest.from_args({"outlet": ["CNN", "BBC News", "CNN", " "], "speaker": "Lavrov"})
    assert req.filters == {"outlet": ("CNN", "BBC News"), "speaker": ("Lavrov",)}


def test_partial_dates_expand_to_whole_periods():
    req = SearchRequest.from_args({"from": "2020-02", "to": "2020-02"})
    assert (req.date_from, req.date_to) == (date(2020, 2, 1), date(2020, 2, 29))
    req = SearchRequest.from_args({"from": "2019", "to": "2019"})
    assert (req.date_from, req.date_to) == (date(2019, 1, 1), date(2019, 12, 31))


@pytest.mark.parametrize(
    "args, param, fragment",
    [
        ({"speakr": "x"}, "speakr", "unknown parameter 'speakr'"),
        ({"from": "2020-13-01"}, "from", "from must be a date"),
        ({"to": "yesterday"}, "to", "to must be a date"),
        ({"from": "2020-02-01", "to": "2020-01-01"}, "from", "is after"),
        ({"sort": "random"}, "sort", "sort must be one of"),
        ({"page": "0"}, "page", "page must be at least 1"),
        ({"page": "-3"}, "page", "positive whole number"),
        ({"per_page": str(MAX_PER_PAGE + 1)}, "per_page", "at most 100"),
        ({"page": "101", "per_page": "100"}, "page", "at most 10000"),
        ({"q": "x" * 10_000}, "q", "too long"),
        ({"q": ["a", "b"]}, "q", "only once"),
    ],
)
def test_invalid_parameters_name_the_parameter(args, param, fragment):
    with pytest.raises(QueryError) as err:
        SearchRequest.from_args(args)
    assert err.value.param == param
    assert fragment in str(err.value)


def test_to_args_is_a_permalink():
    args = {"q": "idlib", "outlet": ["CNN", "BBC"], "from": "2020-01-01", "sort": "newest", "page": "2"}
    req = SearchRequest.from_args(args)
    assert req.to_args() == [("q", "idlib"), ("outlet", "CNN"), ("outlet", "BBC"), ("from", "2020-01-01"),
                             ("sort", "newest"), ("page", "2")]
    assert SearchRequest.from_args(_multi(req.to_args())) == req


def _multi(pairs):
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out
