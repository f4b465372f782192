"""Parsers for the article formats: bytes (or a byte stream, for JSONL) -> Articles or ReadFailures.

Each parser gets the id the article(s) will carry and the on-disk path for messages; none of them
raises for bad input.  Sources: a file on disk or an archive member, both handled by the callers.
"""

from __future__ import annotations

import codecs
import html
import io
import json
import logging
import re
from collections.abc import Iterator
from datetime import date
from typing import IO, Any

from index.article import Article
from index.readers import limits
from index.readers.decode import decode_bytes
from index.readers.metadata import article_from_mapping, bound_json, parse_date_value
from index.readers.sources import ReadFailure
from index.readers.text import clean_text, control_ratio, make_title

Result = Article | ReadFailure

# A file whose text is more than 10 % control characters is binary data with a text suffix.
_BINARY_CONTROL_RATIO = 0.10
_TITLE_ELEMENT = re.compile(r"<title[^>]*>([^<]{1,500})</title>", re.IGNORECASE)
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.IGNORECASE)

# trafilatura logs every unparseable page at ERROR level through Python's last-resort handler;
# the readers report those pages as ReadFailures, so the log lines would only duplicate them.
for _name in ("trafilatura", "htmldate", "courlan"):
    logging.getLogger(_name).setLevel(logging.CRITICAL)


def parse_bytes(data: bytes, kind: str, *, id: str, path: str) -> Iterator[Result]:
    """Parse a whole txt, json or html source already read into memory."""
    if not data.removeprefix(codecs.BOM_UTF8).strip():
        yield ReadFailure(id, path, "empty file")
        return
    if kind == "txt":
        yield parse_txt(data, id=id, path=path)
    elif kind == "json":
        yield from parse_json(data, id=id, path=path)
    elif kind == "html":
        yield parse_html(data, id=id, path=path)
    elif kind == "jsonl":
        yield from parse_jsonl(io.BytesIO(data), id=id, path=path)
    else:
        yield ReadFailure(id, path, f"unsupported file type: {kind}")


def parse_txt(data: bytes, *, id: str, path: str) -> Result:
    """Plain text: the headline is the first non-empty line, the body everything after it."""
    text, encoding = decode_bytes(data)
    if control_ratio(text) > _BINARY_CONTROL_RATIO:
        return ReadFailure(id, path, "binary data, not text")
    text = clean_text(text).strip()
    if not text:
        return ReadFailure(id, path, "empty file")
    first, _, rest = text.partition("\n")
    title = make_title(first)
    # A headline cut to MAX_TITLE_CHARS keeps its full text in the body, so nothing is lost.
    body = rest.strip() if title == " ".join(first.split()) else text
    return Article(id=id, path=path, title=title, body=body, encoding=encoding, format="txt")


def parse_json(data: bytes, *, id: str, path: str) -> Iterator[Result]:
    """One article object, or an array of them (ids ``<id>#<index>``, counted from 0)."""
    text, encoding = decode_bytes(data)
    value = _loads(text, id=id, path=path, where="")
    if isinstance(value, ReadFailure):
        yield value
    elif isinstance(value, list):
        if not value:
            yield ReadFailure(id, path, "empty JSON array: no articles")
        for index, item in enumerate(value):
            yield article_from_mapping(item, id=f"{id}#{index}", path=path, encoding=encoding, format="json")
    else:
        yield article_from_mapping(value, id=id, path=path, encoding=encoding, format="json")


def parse_jsonl(stream: IO[bytes], *, id: str, path: str) -> Iterator[Result]:
    """One JSON object per line (ids ``<id>#<line>``, counted from 1), streamed.

    Blank lines are skipped; a bad line is one ReadFailure and the next lines are still read.
    No line is held in memory beyond ``MAX_ARTICLE_BYTES``.
    """
    line_no = records = 0
    while (line := _read_line(stream, limits.MAX_ARTICLE_BYTES)) is not None:
        line_no += 1
        line_id = f"{id}#{line_no}"
        if len(line) > limits.MAX_ARTICLE_BYTES:
            records += 1
            reason = f"line {line_no} too large: over {_mib(limits.MAX_ARTICLE_BYTES)}"
            yield ReadFailure(line_id, path, reason)
            continue
        if not line.removeprefix(codecs.BOM_UTF8).strip():
            continue
        records += 1
        text, encoding = decode_bytes(line)
        value = _loads(text.rstrip("\r\n"), id=line_id, path=path, where=f" at line {line_no}")
        if isinstance(value, ReadFailure):
            yield value
        else:
            yield article_from_mapping(value, id=line_id, path=path, encoding=encoding, format="jsonl")
    if not records:
        yield ReadFailure(id, path, "empty file")


#: Page dates before this are discarded as implausible for news on the web (htmldate's own floor).
MIN_PAGE_DATE = "1995-01-01"


def parse_html(data: bytes, *, id: str, path: str, extensive_dates: bool = True) -> Result:
    """Main text and metadata of a web page, through trafilatura (scripts, navigation, comments dropped).

    The date comes from the page's metadata and markup; when they have none (and
    ``extensive_dates``), from its text through htmldate's extensive search (``date_source:
    page``).  Either way a date before MIN_PAGE_DATE or after today is discarded.  A site-name
    suffix is cut from the title ("… - Breitbart") and names the outlet when the page does not.
    """
    if len(data) > limits.MAX_HTML_BYTES:
        return ReadFailure(id, path, f"too large: HTML over {_mib(limits.MAX_HTML_BYTES)}")
    declared = _META_CHARSET.search(data[:4096])
    text, encoding = decode_bytes(data, declared.group(1).decode("ascii") if declared else None)
    text = clean_text(text)
    if not text.strip():
        return ReadFailure(id, path, "empty file")
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(
            text,
            with_metadata=True,
            include_comments=False,
            # First only the page's own metadata and markup (precise); its text below if need be.
            date_extraction_params=_date_params(extensive=False),
        )
    except Exception as exc:  # noqa: BLE001 - any extractor crash is one failed page, not a failed run
        return ReadFailure(id, path, f"HTML extraction failed: {type(exc).__name__}: {exc}"[:300])
    meta: dict[str, Any] = doc.as_dict() if doc is not None and hasattr(doc, "as_dict") else (doc or {})
    body = clean_text(meta.get("text") or "").strip()
    if not body:
        return ReadFailure(id, path, "no main text found in HTML")
    raw_meta = {
        key: bound_json(meta[key])
        for key in (
            "title",
            "author",
            "url",
            "hostname",
            "sitename",
            "date",
            "description",
            "categories",
            "tags",
            "language",
            "image",
        )
        if meta.get(key)
    }
    authors = [a.strip() for a in re.split(r"[;,]", meta.get("author") or "") if a.strip()]
    published = parse_date_value(meta["date"]) if isinstance(meta.get("date"), str) else None
    if published is None and extensive_dates:
        published = _date_from_text(text, meta.get("url"))
        if published is not None:
            raw_meta["date_source"] = "page"
    title, outlet = make_title(meta.get("title") or body), meta.get("sitename") or None
    if meta.get("title"):
        host = meta.get("hostname") or meta.get("url")
        title, site = _split_site(title, outlet, host)
        # trafilatura already cuts "Headline - Site" in <title> to "Headline": the site is read
        # from the element itself.
        if site is None and (element := _TITLE_ELEMENT.search(text, 0, 65536)):
            site = _split_site(html.unescape(" ".join(element.group(1).split())), outlet, host)[1]
        if site and not outlet:
            outlet = site
            raw_meta["outlet_source"] = "title"
    return Article(
        id=id,
        path=path,
        title=title,
        body=body,
        url=meta.get("url") or None,
        outlet=outlet,
        published=published,
        authors=list(dict.fromkeys(authors)),
        raw_meta=raw_meta,
        encoding=encoding,
        format="html",
    )


def _date_params(*, extensive: bool) -> dict[str, Any]:
    """htmldate's options: the original (not the updated) date, within MIN_PAGE_DATE..today."""
    return {"extensive_search": extensive, "original_date": True, "min_date": MIN_PAGE_DATE,
            "max_date": date.today().isoformat()}


def _date_from_text(text: str, url: str | None) -> date | None:
    """The page's date from its text (htmldate's extensive search), or None."""
    try:
        from htmldate import find_date

        found = find_date(text, url=url, **_date_params(extensive=True))
    except Exception:  # noqa: BLE001 - an unparseable page has no date, and is still indexed
        return None
    published = parse_date_value(found) if found else None
    # htmldate completes a year or a month found alone in the text with "-01": a 1st of the month
    # from the text is more often that than a real day (htmldate's two test sets: 7 of 11 wrong).
    return published if published and published.day != 1 else None


def _split_site(title: str, site_name: str | None, host: str | None) -> tuple[str, str | None]:
    """``index.extract.outlet.split_site_suffix``, imported lazily like the date parser."""
    try:
        from index.extract.outlet import split_site_suffix
    except ImportError:
        return title, None
    return split_site_suffix(title, site_name, host)


def _loads(text: str, *, id: str, path: str, where: str) -> Any:
    """json.loads that returns a ReadFailure instead of raising, whatever the input."""
    try:
        # strict=False: raw control characters inside strings (NULs included) are tolerated here and
        # removed by clean_text; huge integers stay strings (see limits.MAX_INT_DIGITS).
        return _DECODER.decode(text)
    except json.JSONDecodeError as exc:
        line = where or f" at line {exc.lineno}"
        return ReadFailure(id, path, f"invalid JSON{line}: {exc.msg} (column {exc.colno})")
    except RecursionError:
        return ReadFailure(id, path, f"invalid JSON{where}: nested too deeply")
    except ValueError as exc:  # e.g. a number the float parser rejects
        return ReadFailure(id, path, f"invalid JSON{where}: {exc}"[:300])


def _parse_int(digits: str) -> int | str:
    # Python refuses int() on strings over 4,300 digits (ValueError); no id or count is that long.
    return int(digits) if len(digits) <= limits.MAX_INT_DIGITS else digits


# One decoder for every document (json.loads would build a new one per call when given options).
_DECODER = json.JSONDecoder(strict=False, parse_int=_parse_int, parse_constant=str)


def _mib(size: int) -> str:
    return f"{size / limits.MiB:g} MiB"


def _read_line(stream: IO[bytes], limit: int) -> bytearray | None:
    """The next line (None at the end), or ``limit + 1`` bytes for a longer one, whose rest is skipped.

    Built in 1 MiB steps into one bytearray: ``readline(limit)`` on a buffered stream joins its
    pieces at the end and so briefly holds twice the line.
    """
    line = bytearray()
    while chunk := stream.readline(limits.MiB):
        if len(line) <= limit:
            line += chunk[: limit + 1 - len(line)]
        if chunk.endswith(b"\n"):
            break
    return line if line else None
