"""The OpenSearch index of a Dateline archive: settings, mappings, and documents.

The counterpart of :mod:`search.schema` for the OpenSearch backend.  The indexer writes what
:func:`to_source` makes of the very document it gives Whoosh (:func:`index.document.to_document`),
and the OpenSearch backend searches the fields named here; nothing else spells them.

**Words are analysed by Dateline, not by OpenSearch.**  Each searchable field is sent as the
tokens Dateline's own analyzers produce (:func:`search.analysis.text_analyzer`: words, lower-cased,
stop words dropped, Porter-stemmed, accent-folded; :func:`search.schema.name_analyzer` for names),
joined by spaces into a ``*_tokens`` field that OpenSearch splits on whitespace only.  A term of the
neutral query tree (:mod:`search.querytree`) is therefore one exact OpenSearch term, positions are
the same (stop words take none), and both backends match exactly the same articles: the parity
suite checks totals and facet counts for equality, which two different stemmers would not give.
The original ``title`` and ``body`` are indexed once more with OpenSearch's closest analyzer chain
(``dateline_text``), only so that OpenSearch's highlighter can mark them.

Facets are keyword fields: ``<kind>_key`` holds each value's canonical name key (counted),
``<kind>_pair`` the key and its display spelling joined by :data:`PAIR_SEPARATOR` (shown).
Quotes are nested objects (speaker key, speaker tokens, quote tokens), so ``speaker:Lavrov
quote:terrorists`` can ask that Lavrov said the word, not that both occur somewhere.
"""

from __future__ import annotations

import base64
import hashlib
import json
from datetime import date
from functools import lru_cache

from whoosh.analysis import STOP_WORDS

from search import schema as S
from search.analysis import text_analyzer
from search.names import AliasTable, name_key
from search.stored_record import record_text

#: Joins a facet value's key and display spelling in ``<kind>_pair`` (never inside a name).
PAIR_SEPARATOR = "\u001f"
#: Suffix of the fields holding Dateline-analysed tokens.
TOKENS = "_tokens"
#: Fields of the neutral query tree -> OpenSearch fields they search.
SEARCH_FIELDS = {
    S.TITLE: S.TITLE + TOKENS,
    S.BODY: S.BODY + TOKENS,
    S.QUOTE: S.QUOTE + TOKENS,
    **{kind: kind + TOKENS for kind in S.NAME_FIELDS},
    S.DATE: "published",
}
#: Facet kinds with keyword fields (``speaker_org`` types the speaker facet's values).
FACET_FIELDS = (*S.FACET_KINDS, S.SPEAKER_ORGS)
#: Nested quote objects and their fields.
QUOTES = "quotes"
QUOTE_SPEAKER_KEY = "speaker_key"
QUOTE_SPEAKER_TOKENS = "speaker_tokens"
QUOTE_TOKENS = "text_tokens"
QUOTE_TEXT = "text"
#: Copy clusters: the original's article id, and whether this article is it (kept by the indexer).
CLUSTER = "cluster"
IS_ORIGINAL = "is_original"
#: What the article page and hits show, stored as is and never searched.
STORED = "stored"
#: Written by the indexer (index.opensearch_writer), searched by nobody else: the PATH argument an
#: article was found under (deletions of a run are scoped to its roots, so runs over disjoint roots
#: can write one index at once) and its source file (``SourceFile.rel``).
ROOT = "root"
SOURCE_FILE = "source_file"
#: Copy clusters (index.copies): the article's LSH band keys (hex, one term per band; candidates
#: for a new article are a terms query on its keys) and its MinHash signature (base64, not indexed).
COPY_BANDS = "copy_bands"
COPY_SIGNATURE = "copy_signature"


#: Longest ``_id`` OpenSearch accepts, in UTF-8 bytes.
MAX_ID_BYTES = 512


def doc_id(article_id: str) -> str:
    """The ``_id`` of an article: its id, or a hash of it when the id is too long for OpenSearch."""
    if len(article_id.encode("utf-8")) <= MAX_ID_BYTES:
        return article_id
    return "sha256:" + hashlib.sha256(article_id.encode("utf-8")).hexdigest()


def key_field(kind: str) -> str:
    return f"{kind}_key"


def pair_field(kind: str) -> str:
    return f"{kind}_pair"


def index_body(shards: int = 3, replicas: int = 1) -> dict:
    """Settings and mappings of a new Dateline index with ``shards`` primaries and ``replicas``."""
    tokens = {"type": "text", "analyzer": "whitespace", "index_options": "positions"}
    properties: dict = {
        S.ID: {"type": "keyword"},
        S.HASH: {"type": "keyword"},
        # The original text, for highlighting only: offsets let the unified highlighter skip
        # re-analysing whole bodies.
        S.TITLE: {"type": "text", "analyzer": "dateline_text", "index_options": "offsets"},
        S.BODY: {"type": "text", "analyzer": "dateline_text", "index_options": "offsets",
                 # Unstemmed words for "did you mean" (the term suggester proposes indexed forms).
                 "fields": {"words": {"type": "text", "analyzer": "dateline_words"}}},
        **{field: dict(tokens) for field in (SEARCH_FIELDS[f] for f in SEARCH_FIELDS if f != S.DATE)},
        "published": {"type": "date", "format": "strict_date"},
        "day": {"type": "integer"},
        S.INDEXED: {"type": "long"},  # seconds since the epoch, as the Whoosh facet column has it
        **{key_field(kind): {"type": "keyword"} for kind in FACET_FIELDS},
        **{pair_field(kind): {"type": "keyword", "index": False, "doc_values": True}
           for kind in FACET_FIELDS},
        QUOTES: {
            "type": "nested",
            "properties": {
                QUOTE_SPEAKER_KEY: {"type": "keyword"},
                QUOTE_SPEAKER_TOKENS: dict(tokens),
                QUOTE_TOKENS: dict(tokens),
                QUOTE_TEXT: {"type": "text", "index": False},
            },
        },
        CLUSTER: {"type": "keyword"},
        IS_ORIGINAL: {"type": "boolean"},
        ROOT: {"type": "keyword"},
        SOURCE_FILE: {"type": "keyword"},
        COPY_BANDS: {"type": "keyword"},
        COPY_SIGNATURE: {"type": "binary"},  # never indexed (binary fields are not searchable)
        STORED: {"type": "object", "enabled": False},
    }
    return {
        "settings": {
            "index": {"number_of_shards": shards, "number_of_replicas": replicas},
            "analysis": {
                "tokenizer": {
                    "dateline_words": {"type": "pattern", "pattern": r"\w+(?:\.?\w+)*", "group": 0,
                                       "flags": "UNICODE_CHARACTER_CLASS"},
                },
                "filter": {
                    "dateline_stop": {"type": "stop", "stopwords": sorted(STOP_WORDS)},
                    "dateline_min_length": {"type": "length", "min": 2},
                },
                "analyzer": {
                    "dateline_words": {
                        "type": "custom",
                        "tokenizer": "dateline_words",
                        "filter": ["lowercase", "dateline_min_length", "asciifolding"],
                    },
                    "dateline_text": {
                        "type": "custom",
                        "tokenizer": "dateline_words",
                        "filter": ["lowercase", "dateline_min_length", "dateline_stop", "porter_stem",
                                   "asciifolding"],
                    },
                },
            },
        },
        "mappings": {"dynamic": "strict", "properties": properties},
    }


@lru_cache(maxsize=1)
def _analyzers():
    schema = S.build_schema()
    return text_analyzer(), schema[S.OUTLET].analyzer


def text_tokens(text: str) -> str:
    """``text`` as Dateline's text analyzer indexes it, tokens joined by spaces."""
    analyzer, _names = _analyzers()
    return " ".join(token.text for token in analyzer(text or ""))


def name_tokens(text: str) -> str:
    """Names (one per line) as Dateline's name analyzer indexes them, tokens joined by spaces."""
    _text, names = _analyzers()
    return " ".join(token.text for token in names(text or ""))


def _day(value: int | None) -> str | None:
    return None if value is None else S.day_to_date(value).isoformat()


def to_source(doc: dict, aliases: AliasTable, *, cluster: str | None = None,
              is_original: bool = True) -> dict:
    """The OpenSearch document of the Whoosh document ``doc`` (:func:`index.document.to_document`).

    ``aliases`` must be the table ``doc`` was made with (speaker keys of quotes are folded with
    it); ``cluster`` is the id of the article's copy-cluster original (its own id by default).
    """
    facets = S.FacetRow.decode(doc[S.FACETS])
    record_json = record_text(doc.get(S.RECORD))  # OpenSearch keeps the JSON text
    record = json.loads(record_json)
    quotes = []
    for speaker in record.get("speakers", []):
        key = name_key(speaker["name"], aliases)
        for quote in speaker.get("quotes", []):
            quotes.append({
                QUOTE_SPEAKER_KEY: key,
                QUOTE_SPEAKER_TOKENS: name_tokens(speaker["name"]),
                QUOTE_TOKENS: text_tokens(quote["text"]),
                QUOTE_TEXT: quote["text"],
            })
    published = doc.get(S.DATE)
    source = {
        S.ID: doc[S.ID],
        S.HASH: doc.get(S.HASH),
        S.TITLE: doc.get(S.TITLE, ""),
        S.BODY: doc.get(S.BODY, ""),
        SEARCH_FIELDS[S.TITLE]: text_tokens(doc.get(S.TITLE, "")),
        SEARCH_FIELDS[S.BODY]: text_tokens(doc.get(S.BODY, "")),
        SEARCH_FIELDS[S.QUOTE]: text_tokens(doc.get(S.QUOTE, "")),
        **{SEARCH_FIELDS[kind]: name_tokens(doc.get(kind, "")) for kind in S.NAME_FIELDS},
        "published": published.date().isoformat() if published else _day(facets.day),
        "day": facets.day,
        S.INDEXED: facets.indexed,
        **{key_field(kind): [k for k, _d in facets.values.get(kind, [])] for kind in FACET_FIELDS},
        **{pair_field(kind): [k + PAIR_SEPARATOR + d for k, d in facets.values.get(kind, [])]
           for kind in FACET_FIELDS},
        QUOTES: quotes,
        CLUSTER: cluster or doc[S.ID],
        IS_ORIGINAL: is_original,
        STORED: {
            S.PATH: doc.get(S.PATH),
            S.OUTLET: doc.get(S.OUTLET) or None,
            S.URL: doc.get(S.URL) or None,
            S.AUTHORS: list(doc.get(S.AUTHORS) or []),
            S.RECORD: record_json,
        },
    }
    return source


def copy_fields(sig: bytes | None) -> dict:
    """The copy-cluster fields of an article with MinHash signature ``sig`` (None: too short to
    cluster: no bands, no signature)."""
    from index.copies import band_keys

    if sig is None:
        return {COPY_BANDS: [], COPY_SIGNATURE: None}
    return {COPY_BANDS: [key.hex() for key in band_keys(sig)],
            COPY_SIGNATURE: base64.b64encode(sig).decode("ascii")}


def copy_signature(source: dict) -> bytes | None:
    """The MinHash signature stored in an OpenSearch document, or None."""
    value = source.get(COPY_SIGNATURE)
    return base64.b64decode(value) if value else None


def published_date(source: dict) -> date | None:
    """The publication date of a stored OpenSearch document, or None."""
    value = source.get("published")
    return date.fromisoformat(value) if value else None
