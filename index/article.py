"""The plain-data records that flow from the readers through extraction into the index writer."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class Article:
    """One article as read from an archive, before extraction.

    ``id`` is stable across runs: the path relative to the indexed root, plus ``#<line>`` for JSONL
    records or ``!<member>`` for archive members.  ``encoding`` records the codec that decoded the
    source (``utf-8`` unless a fallback was needed).
    """

    id: str
    path: str
    title: str
    body: str
    url: str | None = None
    outlet: str | None = None
    published: date | None = None
    authors: list[str] = field(default_factory=list)
    raw_meta: dict = field(default_factory=dict)
    encoding: str = "utf-8"
    format: str = "txt"
    #: What a sidecar metadata file gave this article (index/readers/sidecar.py): the fields it
    #: set, ``partial_date`` when it only knew the year or month, and ``row`` (file and line).
    sidecar: dict = field(default_factory=dict)


@dataclass
class Quote:
    """One attributed quote: who said it, with which cue verb, and where it sits in the cleaned body."""

    text: str
    speaker: str
    cue: str = ""
    start: int = -1
    end: int = -1
    # "direct" (quotation marks), "reported" ("X said that ...") or "headline" ("Lavrov: ...", taken
    # from the title: start and end stay -1, the headline is not part of the body)
    kind: str = "direct"


@dataclass
class Speaker:
    """A person or organisation quoted in an article, under its canonical name."""

    name: str
    type: str = "person"  # "person" or "organization"
    quotes: list[Quote] = field(default_factory=list)


@dataclass
class Entity:
    """A named entity under its canonical name; ``type`` is person, organization or place."""

    name: str
    type: str
    count: int = 1


@dataclass
class Extracted:
    """Everything extraction adds to an article.  Pure data; the writer maps it onto the schema."""

    body: str
    outlet: str | None
    published: date | None
    speakers: list[Speaker] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    outlet_source: str = "unknown"  # sidecar | metadata | url | title | text | unknown
    #: sidecar | metadata | page | url | filename | text+sidecar | text+url | unknown
    date_source: str = "unknown"


def to_jsonable(obj) -> dict:
    """Dataclass -> JSON-ready dict (dates as ISO strings), recursively.

    One pass over the fields: ``dataclasses.asdict`` deep-copies everything first, and was 4 % of
    the indexing time per article.
    """
    return _plain(obj)


def _plain(value):
    names = getattr(value, "__dataclass_fields__", None)
    if names is not None:
        return {name: _plain(getattr(value, name)) for name in names}
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    return value
