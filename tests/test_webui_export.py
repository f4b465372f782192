"""``/api/export``'s concurrency limit: exports cannot take every server thread (issue 11, item 3)."""

from __future__ import annotations

from datetime import date

import pytest

from webui import create_app

RECORDS = [
    {"id": f"a{n}", "title": f"Idlib report {n}", "outlet": "Daily Ledger", "published": date(2020, 1, n + 1),
     "body": f"Talks on Idlib, part {n}."}
    for n in range(5)
]


@pytest.fixture
def app(make_index):
    return create_app({"INDEX_DIR": str(make_index(RECORDS)), "TESTING": True,
                       "EXPORT_CONCURRENCY": 2, "EXPORT_RETRY_AFTER": 7})


def _open_export(client):
    """An export whose body has not been read or closed yet, as a slow download is."""
    response = client.get("/api/export?q=idlib&format=jsonl", buffered=False)
    assert response.status_code == 200
    return response


def test_exports_past_the_limit_get_429_with_retry_after(app):
    client = app.test_client()
    running = [_open_export(client), _open_export(client)]
    refused = client.get("/api/export?q=idlib&format=csv")
    assert refused.status_code == 429
    assert refused.headers["Retry-After"] == "7"
    assert refused.get_json() == {"error": {"status": 429, "message":
                                            "2 exports are already running; try again in 7 s"}}
    # Searches are not exports: they go on.
    assert client.get("/api/search?q=idlib").get_json()["total"] == 5

    # A finished (or abandoned) download frees its slot.
    finished = running.pop()
    assert len(finished.get_data(as_text=True).splitlines()) == 6  # the meta line and five hits
    finished.close()
    running.append(_open_export(client))
    running.pop().close()  # the client went away before reading anything
    running.append(_open_export(client))
    assert client.get("/api/export?q=idlib").status_code == 429
    # Newest first: one thread holds every open stream's request context, as a stack.
    for response in reversed(running):
        response.close()
    last = client.get("/api/export?q=idlib")
    assert last.status_code == 200
    last.close()


def test_refused_exports_do_not_use_up_slots(app):
    client = app.test_client()
    for _ in range(3):  # refused before the search (format) or by its first page (sort, date)
        for bad in ("format=xml", "sort=sideways", "from=2020-02-30", "q=*"):
            assert client.get(f"/api/export?{bad}").status_code == 400, bad
    held = [_open_export(client), _open_export(client)]
    assert client.get("/api/export?q=idlib").status_code == 429
    for response in reversed(held):
        response.close()
