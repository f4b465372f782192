"""Mapping an extracted article onto the schema's fields: the only place that knows both sides."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import time
from collections.abc import Callable
from datetime import UTC, datetime
from operator import attrgetter

from index.article import Article, Entity, Extracted, Quote, Speaker, to_jsonable
from index.extract import EXTRACTION_VERSION, AliasTable
from search import schema as S
from search import stored_record
from search.names import name_key

#: Entity types, as extraction names them, mapped to their facet kinds.
ENTITY_KINDS = {"person": S.PERSON, "organization": S.ORGANIZATION, "place": S.PLACE}


#: ``json.dumps(..., ensure_ascii=False, sort_keys=True)`` with its encoder made once (``dumps``
#: builds one per call for non-default settings): the parent process hashes every article it reads.
_hash_json = json.JSONEncoder(ensure_ascii=False, sort_keys=True).encode


def content_hash(article: Article) -> str:
    """Hash of everything that determines the indexed document, including the extractor version
    and what a sidecar metadata file gave the article.

    Bumping ``EXTRACTION_VERSION`` therefore re-extracts every article on the next run.
    """
    payload = _hash_json(
        [
            EXTRACTION_VERSION,
            article.title,
            article.body,
            article.url,
            article.outlet,
            article.published.isoformat() if article.published else None,
            article.authors,
            article.path,
            # Only when present, so articles without a sidecar keep their hashes.
            *([article.sidecar] if article.sidecar else []),
        ],
    )
    return hashlib.blake2b(payload.encode("utf-8"), digest_size=16).hexdigest()


def _pairs(names: list[str], aliases: AliasTable) -> list[tuple[str, str]]:
    """(key, display) pairs, one per distinct key, in first-seen order."""
    seen: dict[str, str] = {}
    for name in names:
        key = name_key(name, aliases)
        if key and key not in seen:
            seen[key] = name
    return list(seen.items())


def to_document(article: Article, extracted: Extracted, digest: str, aliases: AliasTable,
                *, indexed_at: int | None = None) -> dict:
    """Return the keyword arguments for ``writer.update_document`` (plain data, picklable).

    The record is stored in :mod:`search.stored_record`'s card form; ``record_text`` gives its JSON.

    ``indexed_at`` is when the article first entered the index, in seconds since the epoch (the
    writer keeps it across re-extraction); None means now.
    """
    if indexed_at is None:
        indexed_at = int(time.time())
    speakers = [s.name for s in extracted.speakers]
    by_kind: dict[str, list[str]] = {kind: [] for kind in ENTITY_KINDS.values()}
    for entity in extracted.entities:
        kind = ENTITY_KINDS.get(entity.type)
        if kind:
            by_kind[kind].append(entity.name)
    outlet = extracted.outlet
    facets = S.FacetRow(
        day=S.date_to_day(extracted.published),
        values={
            S.OUTLET: _pairs([outlet] if outlet else [], aliases),
            S.SPEAKER: _pairs(speakers, aliases),
            S.SPEAKER_ORGS: _pairs([s.name for s in extracted.speakers if s.type == "organization"], aliases),
            **{kind: _pairs(names, aliases) for kind, names in by_kind.items()},
        },
        indexed=indexed_at,
        article=article.id,
    )
    record = {
        "speakers": [_speaker_json(s) for s in extracted.speakers],
        "entities": list(map(_entity_json, extracted.entities)),
        "outlet_source": extracted.outlet_source,
        "date_source": extracted.date_source,
        "encoding": article.encoding,
        "format": article.format,
        "sidecar": article.sidecar.get("row"),  # "metadata.csv line 4": where overrides came from
        S.INDEXED: format_timestamp(indexed_at),
    }
    quotes = [q.text for s in extracted.speakers for q in s.quotes]
    doc = {
        S.ID: article.id,
        S.PATH: article.path,
        S.HASH: digest,
        S.TITLE: article.title,
        S.BODY: extracted.body,
        S.QUOTE: "\n".join(quotes),
        S.OUTLET: outlet or "",
        S.SPEAKER: "\n".join(speakers),
        S.PERSON: "\n".join(by_kind[S.PERSON]),
        S.ORGANIZATION: "\n".join(by_kind[S.ORGANIZATION]),
        S.PLACE: "\n".join(by_kind[S.PLACE]),
        S.URL: S.web_url(article.url) or "",  # only http(s) links are kept
        S.AUTHORS: list(article.authors),
        # Stored as a card (names, indexed, the JSON as bytes): a results page reads only the card.
        S.RECORD: stored_record.pack(_record_json(record), [s["name"] for s in record["speakers"]],
                                     record[S.INDEXED]),
        S.FACETS: facets.encode(),
    }
    published = S.date_to_datetime(extracted.published)
    if published is not None:
        doc[S.DATE] = published
    return doc


#: Annotations of the fields :func:`_plain_json` copies as they are (``from __future__ import
#: annotations`` leaves them as strings).
_PLAIN_TYPES = frozenset({"str", "int", "float", "bool", "str | None", "int | None"})


def _plain_json(cls: type) -> Callable[[object], dict]:
    """``to_jsonable`` for instances of a dataclass whose fields are all plain values, as one
    C-level attribute fetch and ``dict(zip(...))``: the generic recursion (a call and three type
    tests per value) was a fifth of ``to_document``.  Other dataclasses get ``to_jsonable``."""
    names = tuple(f.name for f in dataclasses.fields(cls))
    if len(names) < 2 or any(f.type not in _PLAIN_TYPES for f in dataclasses.fields(cls)):
        return to_jsonable
    values = attrgetter(*names)
    return lambda obj: dict(zip(names, values(obj), strict=True))


_quote_json = _plain_json(Quote)
_entity_json = _plain_json(Entity)
_SPEAKER_FIELDS = tuple(f.name for f in dataclasses.fields(Speaker))


def _speaker_json(speaker: Speaker) -> dict:
    """``to_jsonable(speaker)``: its name and type, and its quotes through :data:`_quote_json`."""
    if _SPEAKER_FIELDS != ("name", "type", "quotes"):  # a new field: the generic path keeps it
        return to_jsonable(speaker)
    return {"name": speaker.name, "type": speaker.type, "quotes": list(map(_quote_json, speaker.quotes))}


# ``json.dumps(record, ensure_ascii=False)`` builds a JSONEncoder (and its C encoder) per call; one
# encoder with the same settings, made once, gives the same text.  A record is plain data built
# here (no cycles), so the encoder's circular-reference bookkeeping (a dict insert and delete per
# list and dict) is skipped: the text is the same.
_record_json = json.JSONEncoder(ensure_ascii=False, check_circular=False).encode


@functools.lru_cache(maxsize=256)
def format_timestamp(seconds: int) -> str:
    """Seconds since the epoch -> RFC 3339 UTC (``2026-12-05T01:30:00Z``), as feeds and the API show it.

    Cached: a build gives every new article the second it was read (``index.writer._plan``), so
    hundreds of articles in a row share one value, and ``fromtimestamp`` + ``strftime`` were 8 %
    of ``to_document`` (py-spy of a 10k build).
    """
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def extraction_record(article: Article, extracted: Extracted) -> dict:
    """The ``dateline extract --format jsonl`` record of one article (scored by the eval scripts)."""
    return {
        "id": article.id,
        "path": article.path,
        "title": article.title,
        "outlet": extracted.outlet,
        "published": extracted.published.isoformat() if extracted.published else None,
        "speakers": [
            {"name": s.name, "type": s.type, "quotes": list(map(_quote_json, s.quotes))}
            for s in extracted.speakers
        ],
        "entities": [{"name": e.name, "type": e.type, "count": e.count} for e in extracted.entities],
        "outlet_source": extracted.outlet_source,
        "date_source": extracted.date_source,
        "encoding": article.encoding,
    }
