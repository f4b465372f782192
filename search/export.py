"""Streamed exports of a whole result set as CSV or JSON Lines.

The matched set is walked in batches by the backend (:meth:`SearchBackend.iter_hits`: pages of
the largest size for Whoosh), so memory stays flat whatever the result size; at most
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

from search.backend import SearchBackend
from search.engine import Hit
from search.request import MAX_RESULT_WINDOW, SearchRequest

#: Most hits one export writes.  Narrow the search (filters, dates) to export more in parts.
EXPORT_CAP = MAX_RESULT_WINDOW
FORMATS = ("csv", "jsonl")
#: ``cluster``: the id of the article's copy-cluster original (its own id when it has no copies),
#: so copies group together while every copy keeps its row.
COLUMNS = ("id", "title", "outlet", "published", "speakers", "url", "snippet", "cluster")


def export_meta(backend: SearchBackend, request: SearchRequest, total: int) -> dict:
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
        "index_version": backend.version(),
        "exported_at": datetime.now(UTC).isoformat(timespec="seconds"),
    }


def _row(hit: Hit) -> dict:
    # The snippet as plain text: an export is data, not markup (<mark> dropped, entities decoded).
    text = html.unescape(hit.snippet.replace("<mark>", "").replace("</mark>", ""))
    return {
        "id": hit.id, "title": hit.title, "outlet": hit.outlet, "published": hit.published,
        "speakers": hit.speakers, "url": hit.url, "snippet": text, "cluster": hit.cluster,
    }


def export_lines(backend: SearchBackend, request: SearchRequest, fmt: str) -> Iterator[str]:
    """The export file of ``request`` in ``fmt`` (csv or jsonl), as a stream of text chunks."""
    pages = backend.iter_hits(request, EXPORT_CAP)
    total, first_hits = next(pages)
    meta = export_meta(backend, request, total)
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
