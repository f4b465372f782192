"""How an article's extraction record is kept in a Whoosh document's stored fields, and read back.

The record (speakers with their quotes, entities, provenance: JSON) is 45 % of a stored document
(5.2 KB of 11.6 on AllSides), and a results page shows only two things from it: the speakers'
names and when the article entered the index.  Stored as JSON text, every hit unpickled the
whole record (a UTF-8 decode of ~5 KB) and then cut the names out of it with a pattern
(docs/performance.md, issue 15, round 11).  The indexer now stores the record as a *card*::

    (speaker names, indexed, the record's JSON as UTF-8 bytes)

A hit takes the names and the ``indexed`` value from the card; the record's bytes are unpickled
as bytes (a copy, no decode) and never parsed.  The article page, the speaker page and
quote-scoped searches decode them.  The bytes stay inside the document's one deflate stream,
where the quotes compress against the body they were taken from: the index does not grow.

Documents written before hold the record as JSON text, and each function here reads both forms,
so an index built by an older version opens and answers as before; the next re-extraction
(an ``EXTRACTION_VERSION`` bump) writes cards.  OpenSearch keeps the JSON text in its source.
"""

from __future__ import annotations

import json
import re
from typing import TypeAlias

from search import schema as S

#: A record as the indexer stores it: (speaker names, ``indexed``, the JSON as UTF-8 bytes).
Card: TypeAlias = tuple[list[str], str | None, bytes]
#: What a document holds under ``record``: a card, JSON text (older indexes), or nothing.
Stored: TypeAlias = Card | str | None

#: How the indexer writes a record's JSON (index/document.py, ``json.dumps`` of a dict):
#: ``speakers`` first, ``indexed`` last.
_SPEAKERS_KEY = '{"speakers": '
_INDEXED_KEY = '"indexed": '
_DECODER = json.JSONDecoder()
#: A speaker's object in a record as the indexer writes it (``name`` first), and its name; the
#: key after the speakers.  No string in JSON text holds an unescaped quote, so none of these
#: can match inside one.
_FIRST_SPEAKER = _SPEAKERS_KEY + '[{"name": '
_ENTITIES_KEY = '], "entities": '
_SPEAKER_NAME = re.compile(r'\{"name": "((?:[^"\\]|\\.)*)"')
_NOT_FOUND = object()


def pack(record_json: str, names: list[str], indexed: str | None) -> Card:
    """The stored form of a record: its speakers' ``names`` (in the record's order), its
    ``indexed`` value and its JSON text as UTF-8 bytes (a lone surrogate, which a JSON article's
    ``\\ud800`` escape gives, is kept as pickle keeps it in text)."""
    return list(names), indexed, record_json.encode("utf-8", "surrogatepass")


def record_text(stored: Stored) -> str:
    """The record's JSON text from its stored value (a card, JSON text, or nothing: ``"{}"``)."""
    if isinstance(stored, tuple):
        return stored[2].decode("utf-8", "surrogatepass")
    return stored or "{}"


def record(stored: Stored) -> dict:
    """The whole record, decoded, from its stored value (any form)."""
    return json.loads(record_text(stored))


def hit_names(stored: Stored) -> tuple[list[str], str | None]:
    """(speaker names, ``indexed``) of a stored record: what a results page shows of it.

    From a card, read as they are.  From JSON text in the indexer's layout, each name is read
    where its speaker's object opens, before the ``entities`` key; any other text goes through
    :func:`hit_record`.
    """
    if isinstance(stored, tuple):
        return list(stored[0]), stored[1]
    if stored and stored.startswith(_FIRST_SPEAKER):
        end = stored.find(_ENTITIES_KEY)
        indexed = _indexed_value(stored) if end != -1 else _NOT_FOUND
        if indexed is not _NOT_FOUND:
            return [name if "\\" not in name else json.loads(f'"{name}"')
                    for name in _SPEAKER_NAME.findall(stored, 0, end)], indexed  # type: ignore[return-value]
    speakers, indexed = hit_record(stored)
    return [s["name"] for s in speakers], indexed


def hit_record(stored: Stored) -> tuple[list, str | None]:
    """(``speakers`` with their quotes, ``indexed``) of a stored record (any form).

    The record also holds every entity and the provenance, about 40 % of its text, which a
    results page never shows: in the layout the indexer writes, only the ``speakers`` value
    (first) and the ``indexed`` value (last) are decoded (:func:`_indexed_value`).  Any other
    layout (another key order, no ``indexed`` at the top) is decoded whole.
    """
    raw = record_text(stored) if stored else ""
    if not raw:
        return [], None
    if raw.startswith(_SPEAKERS_KEY):
        indexed = _indexed_value(raw)
        if indexed is not _NOT_FOUND:
            return _DECODER.raw_decode(raw, len(_SPEAKERS_KEY))[0], indexed  # type: ignore[return-value]
    whole = json.loads(raw)
    return whole.get("speakers", []), whole.get(S.INDEXED)


def _indexed_value(raw: str) -> object:
    """The top-level ``indexed`` value of a record in the indexer's layout, else _NOT_FOUND.

    The last ``"indexed": `` is a key (no string can hold it: the quote after ``indexed`` would
    be escaped), and the top-level one when its value ends where the record's closing brace
    begins.
    """
    at = raw.rfind(_INDEXED_KEY)
    if at == -1:
        return _NOT_FOUND
    indexed, end = _DECODER.raw_decode(raw, at + len(_INDEXED_KEY))
    return indexed if end == len(raw) - 1 and raw[end] == "}" else _NOT_FOUND

