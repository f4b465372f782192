"""The stored record's forms: cards written now, JSON text written by older versions."""

import json

import pytest

from index.document import _record_json
from search import stored_record
from search.stored_record import hit_names, hit_record, pack, record, record_text

SPEAKERS = [
    {"name": 'Ahmed "the Lion" Şahin\\', "type": "person", "quotes": [
        {"text": 'he wrote {"name": "Fake"} and ], "entities": [] too', "speaker": "x"}]},
    {"name": "Kremlin", "type": "organization", "quotes": []},
    {"name": "Line\nbreak", "type": "person", "quotes": [{"text": "{\"name\": \"Nobody\"}"}]},
]
RECORD = {"speakers": SPEAKERS, "entities": [{"name": "Idlib", "type": "place", "count": 2}],
          "format": "txt", "indexed": "2020-01-01T00:00:00Z"}
NAMES = [s["name"] for s in SPEAKERS]


def _refuse(*_args):
    raise AssertionError("decoded what a hit does not need")


def _whole(raw):
    whole = json.loads(raw or "{}")
    return whole.get("speakers", []), whole.get("indexed")


def _card(whole: dict):
    return pack(_record_json(whole), [s["name"] for s in whole.get("speakers", [])], whole.get("indexed"))


def test_a_card_gives_back_the_record_and_its_names(monkeypatch):
    card = _card(RECORD)
    assert card[:2] == (NAMES, "2020-01-01T00:00:00Z")
    assert record_text(card) == _record_json(RECORD)
    assert record(card) == RECORD
    assert hit_record(card) == (SPEAKERS, "2020-01-01T00:00:00Z")
    assert card[2] == _record_json(RECORD).encode("utf-8")
    with monkeypatch.context() as patched:  # a results page neither decodes nor parses the record
        patched.setattr(json, "loads", _refuse)
        names, indexed = hit_names(card)
    assert (names, indexed) == (NAMES, "2020-01-01T00:00:00Z")
    names.append("changed")  # the caller's list: the card keeps its own
    assert hit_names(card)[0] == NAMES


def test_a_lone_surrogate_in_the_record_is_kept():
    """JSON articles can hold ``\\ud800`` escapes: the card keeps what text would have kept."""
    whole = {"speakers": [{"name": "Ann Lee", "quotes": [{"text": "odd \ud800 char"}]}], "indexed": None}
    card = _card(whole)
    assert record(card) == whole
    assert hit_record(card) == (whole["speakers"], None)


def test_nothing_stored_reads_as_an_empty_record():
    for stored in (None, ""):
        assert record_text(stored) == "{}"
        assert record(stored) == {}
        assert hit_record(stored) == ([], None)
        assert hit_names(stored) == ([], None)
    assert hit_names(_card({})) == ([], None)


@pytest.mark.parametrize("to_text", [_record_json, json.dumps], ids=["indexer", "ascii"])
def test_json_text_in_the_indexer_layout_is_read_without_a_whole_decode(monkeypatch, to_text):
    """Records of older indexes: names and ``indexed`` are cut out of the text (escapes and quote
    texts that look like keys read right), and only the ``indexed`` value is decoded."""
    plain = [{"name": "Sergey Lavrov", "type": "person", "quotes": [
        {"text": 'he wrote {"name": "Fake"} and ], "entities": [] too'}]}]
    raw = to_text({**RECORD, "speakers": plain})
    decoded_from = []

    class Counting(json.JSONDecoder):
        def raw_decode(self, text, at=0):
            decoded_from.append(at)
            return super().raw_decode(text, at)

    with monkeypatch.context() as patched:
        patched.setattr(json, "loads", _refuse)
        patched.setattr(stored_record, "_DECODER", Counting())
        assert hit_names(raw) == (["Sergey Lavrov"], "2020-01-01T00:00:00Z")
        assert decoded_from == [raw.rfind('"indexed": ') + len('"indexed": ')]
        assert hit_record(raw) == (plain, "2020-01-01T00:00:00Z")
    tricky = to_text(RECORD)  # names with escapes: each such name is decoded on its own
    assert hit_names(tricky) == (NAMES, "2020-01-01T00:00:00Z")
    assert hit_record(tricky) == (SPEAKERS, "2020-01-01T00:00:00Z")
    assert record_text(tricky) == tricky and record(tricky) == RECORD


@pytest.mark.parametrize("other", [
    {"indexed": "2020-01-01T00:00:00Z", "speakers": SPEAKERS},  # another key order
    {"speakers": SPEAKERS, "entities": [{"indexed": "x"}]},  # no top-level indexed
    {"speakers": SPEAKERS, "indexed": None},  # no entities key
    {"speakers": [], "entities": [], "indexed": None},
    {"entities": []},
    {},
])
def test_other_layouts_are_decoded_whole(other):
    for stored in (json.dumps(other, ensure_ascii=False), _card(other)):
        speakers, indexed = _whole(json.dumps(other))
        assert hit_record(stored) == (speakers, indexed)
        assert hit_names(stored) == ([s["name"] for s in speakers], indexed)

