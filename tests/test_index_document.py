"""``to_document``'s stored extraction record: the fast per-class converters must give exactly
what the generic ``to_jsonable`` gives."""

from __future__ import annotations

import dataclasses
import json
from datetime import date
from pathlib import Path

from archive_gen import write_archive

from index.article import Entity, Quote, Speaker, to_jsonable
from index.document import _entity_json, _plain_json, _quote_json, _speaker_json, content_hash, to_document
from index.extract import AliasTable, extract
from index.readers import ReadFailure, discover, read_source
from search import schema as S
from search.stored_record import record_text


def _articles(paths: list[Path]) -> list:
    return [r for src in discover(paths) if not isinstance(src, ReadFailure)
            for r in read_source(src) if not isinstance(r, ReadFailure)]


def test_fast_converters_are_taken():
    # If a field of another type is added, the generic path takes over (and this test says so).
    assert _quote_json is not to_jsonable
    assert _entity_json is not to_jsonable
    quote = Quote("We will stay", "Sergey Lavrov", "said", 10, 22, "direct")
    assert _quote_json(quote) == {"text": "We will stay", "speaker": "Sergey Lavrov", "cue": "said",
                                  "start": 10, "end": 22, "kind": "direct"}
    assert list(_quote_json(quote)) == [f.name for f in dataclasses.fields(Quote)]
    assert _entity_json(Entity("Idlib", "place", 3)) == {"name": "Idlib", "type": "place", "count": 3}
    speaker = Speaker("Sergey Lavrov", "person", [quote])
    assert _speaker_json(speaker) == to_jsonable(speaker)
    assert list(_speaker_json(speaker)) == ["name", "type", "quotes"]


def test_a_dataclass_with_other_fields_gets_the_generic_converter():
    @dataclasses.dataclass
    class Dated:
        name: str
        day: date

    assert _plain_json(Dated) is to_jsonable


def test_records_match_the_generic_converter(tmp_path):
    fixtures = sorted((Path(__file__).parent / "fixtures").glob("*.txt"))
    archive = write_archive(tmp_path / "archive", count=60)
    articles = _articles([*fixtures, archive])
    assert len(articles) == 62
    aliases = AliasTable.default()
    quotes = 0
    for article in articles:
        extracted = extract(article, aliases)
        doc = to_document(article, extracted, "d", aliases, indexed_at=0)
        text = record_text(doc[S.RECORD])
        record = json.loads(text)
        # The module's cached encoders write what json.dumps writes with the same settings.
        assert text == json.dumps(record, ensure_ascii=False)
        # The card beside the text (search.stored_record): the speakers' names and ``indexed``.
        assert doc[S.RECORD][:2] == ([s.name for s in extracted.speakers], "1970-01-01T00:00:00Z")
        facets = json.loads(doc[S.FACETS])
        assert doc[S.FACETS] == json.dumps(facets, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        assert record["speakers"] == [to_jsonable(s) for s in extracted.speakers]
        assert record["entities"] == [to_jsonable(e) for e in extracted.entities]
        quotes += sum(len(s.quotes) for s in extracted.speakers)
    assert quotes > 50  # the comparison covered quotes, not only empty lists


def test_content_hash_is_of_the_json_dumps_payload():
    """The cached encoder hashes the text ``json.dumps(..., ensure_ascii=False, sort_keys=True)``
    wrote: indexes built before keep their hashes (no re-extraction)."""
    import hashlib

    from index.article import Article
    from index.extract import EXTRACTION_VERSION

    article = Article(id="a#1", path="a.jsonl", title="Erdoğan «talks»", body="Body\nline two", url="u",
                      outlet="Outlet", published=date(2020, 3, 5), authors=["A", "Ö"])
    payload = json.dumps([EXTRACTION_VERSION, article.title, article.body, article.url, article.outlet,
                          "2020-03-05", ["A", "Ö"], "a.jsonl"], ensure_ascii=False, sort_keys=True)
    assert content_hash(article) == hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


def test_format_timestamp_is_cached_and_exact():
    from datetime import UTC, datetime

    from index.document import format_timestamp

    format_timestamp.cache_clear()
    for seconds in (0, 1_733_362_200, 1_733_362_200, 2**31, 1_733_362_201):
        expected = datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
        assert format_timestamp(seconds) == expected
    assert format_timestamp(1_733_362_200) == "2024-12-05T01:30:00Z"
    assert format_timestamp.cache_info().hits == 2 and format_timestamp.cache_info().misses == 4
