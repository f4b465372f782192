"""The JSON shape of results: written-out ``to_dict`` equals the ``dataclasses.asdict`` shape."""

from __future__ import annotations

import json
from dataclasses import fields

from result_shapes import asdict_shape

from search.copies import Copy
from search.results import FacetValue, Hit, SearchResult


def _result() -> SearchResult:
    hits = [
        Hit(id="a", title="T", outlet="TASS", published="2020-03-05", speakers=["Sergey Lavrov"],
            url="https://x.example/a", snippet="<mark>Idlib</mark> talks", indexed="2026-01-01T00:00:00Z",
            cluster="a", copies=[Copy("b", "RT", "2020-03-06"), Copy("c", None, None, original=True)],
            copies_total=2, also_published_by=["RT"]),
        Hit(id="d", title="", outlet=None, published=None, speakers=[], url=None, snippet="…"),
    ]
    facets = {
        "outlet": [FacetValue("TASS", 3, True), FacetValue("RT", 1)],
        "speaker": [FacetValue("Sergey Lavrov", 2, False, "person"),
                    FacetValue("NATO", 1, type="organization")],
        "month": [FacetValue("2020-03", 4)],
        "day": [],
    }
    return SearchResult(query="idlib", total=41, page=2, per_page=20, sort="relevance", hits=hits,
                        facets=facets, filters={"outlet": ["TASS"]}, date_from="2020-01-01",
                        date_to=None, since=None, took_ms=12.3456, suggestion="idlip")


def test_to_dict_equals_the_asdict_shape_key_order_included():
    result = _result()
    assert json.dumps(result.to_dict()) == json.dumps(asdict_shape(result))


def test_to_dict_copies_lists():
    result = _result()
    data = result.to_dict()
    data["hits"][0]["speakers"].append("x")
    data["filters"]["outlet"].append("x")
    assert result.hits[0].speakers == ["Sergey Lavrov"] and result.filters["outlet"] == ["TASS"]


def test_every_field_is_written():
    # A field added to a result class must be added to its to_dict too.
    assert list(_result().hits[0].to_dict()) == [f.name for f in fields(Hit)]
    assert set(FacetValue("v", 1, type="person").to_dict()) == {f.name for f in fields(FacetValue)}
