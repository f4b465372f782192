"""Quotes as readers see them: an article body with each quote marked, and a speaker's quotes.

Both produce plain data whose only HTML strings come from :mod:`search.highlight` (escaped text,
``<mark>`` around query words, passed through :func:`search.highlight.sanitize`).  Templates add
the quote markup and speaker labels themselves, autoescaped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from search import schema as S
from search.engine import search
from search.highlight import SCAN_CHARS, highlight_all
from search.names import AliasTable, name_key
from search.request import SearchRequest
from search.results import Hit, SearchResult
from search.stored_record import hit_record


@dataclass
class Segment:
    """A run of the article body: ``html`` is safe highlighted text; ``speaker`` is set on quotes."""

    html: str
    speaker: str | None = None
    cue: str = ""
    kind: str = ""


def body_segments(body: str, speakers: list[dict], words: set[str]) -> list[Segment]:
    """The body split into plain runs and quotes (with their speaker), query words highlighted.

    Quotes come from the extraction record (character offsets into the stored body).  A quote
    whose offsets do not point at its text, or that overlaps an earlier one, stays plain text:
    mislabelling a quote is worse than not labelling it.  Only the first SCAN_CHARS characters
    are segmented (the bound of :func:`search.highlight.highlight_all`); the rest is one run.
    """
    head, tail = body[:SCAN_CHARS], body[SCAN_CHARS:]
    quotes = []
    for speaker in speakers:
        for quote in speaker.get("quotes", []):
            start, end = quote.get("start", -1), quote.get("end", -1)
            if 0 <= start < end <= len(head) and head[start:end] == quote.get("text"):
                quotes.append((start, end, speaker["name"], quote.get("cue", ""), quote.get("kind", "")))
    quotes.sort()
    segments: list[Segment] = []
    cursor = 0
    for start, end, name, cue, kind in quotes:
        if start < cursor:
            continue  # overlaps the previous quote
        if start > cursor:
            segments.append(Segment(highlight_all(head[cursor:start], words)))
        segments.append(Segment(highlight_all(head[start:end], words), name, cue, kind))
        cursor = end
    if cursor < len(head):
        segments.append(Segment(highlight_all(head[cursor:], words)))
    if tail:
        segments.append(Segment(highlight_all(tail, set())))
    return segments


@dataclass
class QuoteItem:
    """One article in a speaker's list, with that speaker's quotes in it (``html`` is safe)."""

    id: str
    title: str
    outlet: str | None
    published: str | None
    url: str | None
    quotes: list[dict] = field(default_factory=list)  # {"html", "cue", "kind", "matched"}


def speaker_quotes(searcher, request: SearchRequest, speaker: str, *, words: set[str],
                   aliases: AliasTable, **search_kwargs) -> tuple[SearchResult, list[QuoteItem]]:
    """Articles quoting ``speaker`` that match ``request`` (newest first), with the quotes.

    ``request`` carries the query text and outlet filters; the speaker filter is added here.  When
    the query has words, the quotes containing them come first and are flagged ``matched``.
    """
    filters = {**request.filters, S.SPEAKER: (speaker,)}
    result = search(searcher, request.with_(filters=filters, sort="newest"), **search_kwargs)
    records = {}
    for hit in result.hits:
        docnum = searcher.document_number(**{S.ID: hit.id})
        stored = searcher.stored_fields(docnum) if docnum is not None else {}
        records[hit.id] = hit_record(stored.get(S.RECORD))[0]
    return result, quote_items(result.hits, records, speaker, words, aliases)


def quote_items(hits: list[Hit], speakers_by_id: dict[str, list[dict]], speaker: str, words: set[str],
                aliases: AliasTable) -> list[QuoteItem]:
    """The speaker page's list: for each hit, ``speaker``'s quotes in it (from the extraction
    record's speakers, ``speakers_by_id[hit.id]``), those with query words first and marked."""
    key = name_key(speaker, aliases)
    items = []
    for hit in hits:
        quotes = []
        for s in speakers_by_id.get(hit.id, []):
            if name_key(s["name"], aliases) != key:
                continue
            for quote in s.get("quotes", []):
                marked = highlight_all(quote["text"], words)
                quotes.append({"html": marked, "cue": quote.get("cue", ""), "kind": quote.get("kind", ""),
                               "matched": "<mark>" in marked})
        quotes.sort(key=lambda q: not q["matched"])  # stable: matching quotes first, text order kept
        items.append(QuoteItem(hit.id, hit.title, hit.outlet, hit.published, hit.url, quotes))
    return items
