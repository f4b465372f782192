"""The app's JSON encoder (webui/json_provider.py): the JSON Flask's stdlib encoder writes."""

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from flask import Flask
from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup

from webui import create_app
from webui.json_provider import OrjsonProvider


@dataclass
class _Point:
    x: int
    label: str


VALUES = {
    "text": "Erdoğan – “quoted” \u2028 <mark>Idlib</mark> \x00 \ud7ff",
    "numbers": [0, -1, 2**63 - 1, 1.5, True, None],
    "nested": {"a": [{"b": []}], "z": {}, "m": "é"},
    "order": {"z": 1, "a": 2, "m": 3},
    "keys": {1: "int", 2.5: "float", None: "none", False: "bool"},
    "when": datetime(2019, 9, 17, 13, 45, 1, tzinfo=UTC),
    "day": date(2019, 9, 17),
    "decimal": Decimal("1.10"),
    "uuid": uuid.UUID("12345678-1234-5678-1234-567812345678"),
    "dataclass": _Point(1, "p"),
    "html": Markup("<b>bold</b>"),
}


@pytest.fixture
def app():
    return Flask(__name__)  # providers hold their app weakly


@pytest.fixture
def providers(app):
    stdlib = DefaultJSONProvider(app)
    stdlib.sort_keys = False
    return OrjsonProvider(app), stdlib


def test_dumps_writes_the_stdlib_encoders_json(providers):
    fast, stdlib = providers
    text = fast.dumps(VALUES)
    assert json.loads(text) == json.loads(stdlib.dumps(VALUES))
    assert list(json.loads(text)["order"]) == ["z", "a", "m"]  # insertion order, as the app sets it
    assert json.loads(text)["day"] == "Tue, 17 Sep 2019 00:00:00 GMT"  # Flask's date format, not ISO
    assert "Erdoğan" in text and "\\u011f" not in text  # UTF-8, not escapes


def test_what_orjson_refuses_goes_to_the_stdlib(providers):
    fast, stdlib = providers
    big = {"n": 2**70}
    assert fast.dumps(big) == stdlib.dumps(big) == '{"n": 1180591620717411303424}'
    lone = {"s": "a\ud800"}  # a lone surrogate is not UTF-8: escaped, as Flask did
    assert fast.dumps(lone) == '{"s": "a\\ud800"}'
    with pytest.raises(TypeError):
        fast.dumps({"x": object()})


def test_a_response_orjson_refuses_is_escaped_json(app, providers):
    fast, _stdlib = providers
    with app.app_context():
        response = fast.response({"s": "\ud800é", "n": 2**70})
    assert response.data == b'{"s":"\\ud800\\u00e9","n":1180591620717411303424}\n'


def test_encoder_options_use_the_stdlib(providers):
    fast, _stdlib = providers
    assert fast.dumps({"b": 1, "a": "é"}, indent=2, sort_keys=True) == '{\n  "a": "é",\n  "b": 1\n}'
    fast.ensure_ascii = True
    assert fast.dumps({"a": "é"}) == '{"a": "\\u00e9"}'


def test_response_is_compact_utf8_json(app, providers):
    fast, stdlib = providers
    with app.app_context():
        response = fast.response(VALUES)
        expected = stdlib.response(VALUES)
    assert response.mimetype == "application/json"
    assert response.data.endswith(b"\n") and b": " not in response.data
    assert json.loads(response.data) == json.loads(expected.data)


def test_debug_mode_pretty_prints_as_flask_does(app, providers):
    fast, stdlib = providers
    app.debug = True
    with app.app_context():
        pretty = b'{\n  "a": [\n    1\n  ]\n}\n'
        assert fast.response({"a": [1]}).data == stdlib.response({"a": [1]}).data == pretty


def test_the_app_answers_with_it(make_index):
    records = [{"id": "a/1.txt", "title": "Erdoğan in Sochi", "body": "Erdoğan met Putin in Sochi.",
                "outlet": "TASS", "published": date(2019, 9, 17)}]
    app = create_app({"INDEX_DIR": str(make_index(records)), "TESTING": True})
    assert isinstance(app.json, OrjsonProvider)
    response = app.test_client().get("/api/search?q=sochi")
    assert response.status_code == 200
    assert "Erdoğan in Sochi".encode() in response.data
    assert response.get_json()["hits"][0]["title"] == "Erdoğan in Sochi"
    with app.test_request_context():  # templates' |tojson escapes HTML characters over it
        from flask import render_template_string
        assert render_template_string("{{ v|tojson }}", v="</script>é") == '"\\u003c/script\\u003eé"'
