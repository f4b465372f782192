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
    req = SearchRequest.from_args({"from": "9999-12", "to": "9999-12"})
    assert (req.date_from, req.date_to) == (date(9999, 12, 1), date(9999, 12, 31))


def test_empty_dates_mean_no_bound():
    # The search form's empty date inputs send from=&to=.
    req = SearchRequest.from_args({"from": "", "to": ""})
    assert (req.date_from, req.date_to) == (None, None)


def _valid_date_text(text: str) -> bool:
    """What the calendar says: a real date (YYYY-MM-DD), month (YYYY-MM) or year (YYYY) in 1-9999."""
    if not text.isascii():
        return False
    try:
        if len(text) == 10:
            return date.fromisoformat(text).isoformat() == text
        if len(text) == 7:
            return date.fromisoformat(text + "-01").isoformat()[:7] == text
        return len(text) == 4 and text.isdigit() and 1 <= int(text) <= 9999
    except ValueError:
        return False


def test_date_pattern_accepts_exactly_the_real_dates():
    """The OpenAPI pattern (DATE_PATTERN) and the validator agree on every value: ``from=0000``
    matched the spec and got a 400 (schemathesis); now neither accepts it, and no value the
    validator refuses matches the pattern."""
    import re

    from search.request import DATE_PATTERN

    pattern = re.compile(DATE_PATTERN)
    years = [f"{y:04d}" for y in (*range(0, 13), *range(96, 105), *range(396, 405), *range(1896, 1905),
                                  *range(1996, 2005), *range(2096, 2105), *range(9990, 10000))]
    candidates = ["", " 2019", "2019 ", "+201", "٢٠١٩", "2019-1", "2019-1-1", "20190101", "2019/01/01"]
    for year in years:
        candidates.append(year)
        for month in range(0, 14):
            candidates.append(f"{year}-{month:02d}")
            candidates.extend(f"{year}-{month:02d}-{day:02d}" for day in range(0, 33))
    checked = 0
    for text in candidates:
        expected = text == "" or _valid_date_text(text)
        assert bool(pattern.fullmatch(text)) == expected, text
        for name in ("from", "to"):
            try:
                SearchRequest.from_args({name: text})
                accepted = True
            except QueryError:
                accepted = False
            assert accepted == expected, (name, text)
        checked += 1
    assert checked == len(candidates) > 30_000


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


@pytest.mark.parametrize("args, param", [
    ({"q": "x" * 1999 + "  "}, "q"),  # over the limit as sent, even if trimming would fit it
    ({"outlet": ["CNN"] * 51}, "outlet"),  # 51 values sent, one after de-duplication
    ({"speaker": "a" + "\n" * 300}, "speaker"),
    ({"page": "٣"}, "page"),  # other scripts' digits: int() takes them, the OpenAPI integer does not
    ({"page": " 2"}, "page"),
    ({"collapse": " copies"}, "collapse"),
])
def test_limits_apply_to_what_was_sent_as_the_openapi_document_says(args, param):
    with pytest.raises(QueryError) as error:
        SearchRequest.from_args(args)
    assert error.value.param == param


def test_empty_single_values_mean_the_default():
    req = SearchRequest.from_args({"sort": "", "page": "", "per_page": "", "collapse": "", "count": ""})
    assert (req.sort, req.page, req.per_page, req.collapse, req.count) == ("relevance", 1, 10, None, "all")
