"""Streamed exports of a whole result set as CSV or JSON Lines.

The matched set is walked one page of :data:`PAGE_SIZE` hits at a time through the ordinary
:func:`search.engine.search`, so memory stays flat whatever the result size; at most
:data:`EXPORT_CAP` hits are written (the same bound as paging, ``MAX_RESULT_WINDOW``).  Every file
records the query, filters, index version and time of export: CSV in a first line starting with
``#`` (read it with ``pandas.read_csv(path, skiprows=1)``), JSON Lines in a first ``{"meta": …}``
object.
"""

from __future__ import annotations

import csv
import html
import io
import json
from collections.abc import Iterator
from datetime import UTC, datetime

from index.extract import EXTRACTION_VERSION
from search.engine import Hit, search
from search.request import MAX_PER_PAGE, MAX_RESULT_WINDOW, SearchRequest

#: Most hits one export writes.  Narrow the search (filters, dates) to export more in parts.
EXPORT_CAP = MAX_RESULT_WINDOW
PAGE_SIZE = MAX_PER_PAGE
FORMATS = ("csv", "jsonl")
#: ``cluster``: the id of the article's copy-cluster original (its own id when it has no copies),
#: so copies group together while every copy keeps its row.
COLUMNS = ("id", "title", "outlet", "published", "speakers", "url", "snippet", "cluster")


def index_version(searcher) -> str:
    """The index generation (bumped by every commit) and the extraction version, as one string."""
    return f"generation {searcher.reader().generation()}, extraction {EXTRACTION_VERSION}"


def export_meta(searcher, request: SearchRequest, total: int) -> dict:
    """What the file records about how it was made."""
    return {
        "query": request.q,
        "filters": {k: list(v) for k, v in request.filters.items()},
        "from": request.date_from.isoformat() if request.date_from else None,
        "to": request.date_to.isoformat() if request.date_to else None,
        "sort": request.sort,
        "total": total,
        "exported": min(total, EXPORT_CAP),
        "cap": EXPORT_CAP,
        "index_version": index_version(searcher),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def iter_hits(searcher, request: SearchRequest, **search_kwargs) -> Iterator[tuple[int, list[Hit]]]:
    """(total, hits) for each page of ``request``'s results, up to EXPORT_CAP hits in all.

    Copies are never collapsed: an export keeps every copy, marked by its ``cluster``.
    """
    request = request.with_(collapse=None)
    page = 1
    written = 0
    while True:
        result = search(searcher, request.with_(page=page, per_page=PAGE_SIZE), **search_kwargs)
        hits = result.hits[: EXPORT_CAP - written]
        yield result.total, hits
        written += len(hits)
        if not hits or written >= min(result.total, EXPORT_CAP) or page >= result.pages:
            return
        page += 1


def _row(hit: Hit) -> dict:
    # The snippet as plain text: an export is data, not markup (<mark> dropped, entities decoded).
    text = html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", ""))
    return {
        "id": hit.id, "title": hit.title, "outlet": hit.outlet, "published": hit.published,
        "speakers": hit.speakers, "url": hit.url, "snippet": text, "cluster": hit.cluster,
    }


def export_lines(searcher, request: SearchRequest, fmt: str, **search_kwargs) -> Iterator[str]:
    """The export file of ``request`` in ``fmt`` (csv or jsonl), as a stream of text chunks."""
    pages = iter_hits(searcher, request, **search_kwargs)
    total, first_hits = next(pages)
    meta = export_meta(searcher, request, total)
    if fmt == "jsonl":
        yield json.dumps({"meta": meta}, ensure_ascii=False) + "\n"
    else:
        yield "# dateline export " + json.dumps(meta, ensure_ascii=False) + "\n"
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    if fmt != "jsonl":
        writer.writeheader()

    def chunk(hits: list[Hit]) -> str:
        if fmt == "jsonl":
            return "".join(json.dumps(_row(h), ensure_ascii=False) + "\n" for h in hits)
        for hit in hits:
            row = _row(hit)
            row["speakers"] = "; ".join(hit.speakers)  # one cell per list
            writer.writerow(row)
        text = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return text

    yield chunk(first_hits)
    for _total, hits in pages:
        yield chunk(hits)
