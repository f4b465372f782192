"""Searches that expand wildcard or fuzzy terms run a few at a time (issue 11, item 3)."""

from __future__ import annotations

import pytest

from webui import create_app
from webui.admission import expands

RECORDS = [
    {"id": "a1", "title": "Lavrov on Idlib", "body": "Sergey Lavrov spoke about Idlib."},
    {"id": "a2", "title": "Talks in Sochi", "body": "Talks about Idlib went on in Sochi."},
]


@pytest.fixture
def app(make_index):
    return create_app({"INDEX_DIR": str(make_index(RECORDS)), "TESTING": True,
                       "EXPANDING_CONCURRENCY": 2, "EXPANDING_RETRY_AFTER": 3})


def test_expanding_searches_past_the_limit_get_429(app):
    client = app.test_client()
    pool = app.extensions["dateline_slots"]["expanding"]
    assert pool.take() and pool.take()  # two expanding searches are running
    for url in ("/api/search?q=lavrof~", "/api/search?q=idl*", "/?q=lavrof~",
                "/api/speaker/Sergey%20Lavrov?q=idl*"):
        refused = client.get(url)
        assert refused.status_code == 429, url
        assert refused.headers["Retry-After"] == "3"
    assert client.get("/api/search?q=lavrof~").get_json() == {"error": {"status": 429, "message":
        "2 searches with wildcard or fuzzy terms are already running; try again in 3 s"}}
    # Plain searches do not need a slot.
    assert client.get("/api/search?q=idlib").get_json()["total"] == 2

    pool.give()
    assert client.get("/api/search?q=lavrof~").get_json()["total"] == 1
    # ... and the slot it used is free again, also after an error.
    assert client.get("/api/search?q=lavrof~&sort=sideways").status_code == 400
    assert pool.take() and not pool.take()
    pool.give()
    pool.give()


@pytest.mark.parametrize("q, expected", [
    ("lavrof~", True), ("lavrov~2", True), ("terror*", True), ("te?t", True), ('"a b"~3', True),
    ("idlib memorandum", False), ('"de-escalation zone"', False), ("speaker:Lavrov", False), ("", False),
])
def test_which_queries_expand(q, expected):
    assert expands([q]) is expected
