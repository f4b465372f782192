"""Map the many metadata shapes found in scraped JSON onto ``Article`` fields.

Keys are matched case-insensitively.  The body comes from the first usable of
``content_original, text, body, article, content`` (AllSides' ``content`` is a tokenized copy of
``content_original``, hence the order).  The whole object minus the body fields is kept in
``raw_meta``, bounded in depth (see ``limits``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from index.article import Article
from index.readers import limits
from index.readers.sources import ReadFailure
from index.readers.text import clean_text, make_title, without_surrogates

TITLE_KEYS = ("title", "headline")
BODY_KEYS = ("content_original", "text", "body", "article", "content")
OUTLET_KEYS = ("outlet", "source", "publisher", "site_name", "sitename")
DATE_KEYS = ("date", "published", "publication_date", "pubdate", "datepublished")
URL_KEYS = ("url", "link", "canonical")
AUTHOR_KEYS = ("author", "authors")


def article_from_mapping(
    obj: Any, *, id: str, path: str, encoding: str, format: str
) -> Article | ReadFailure:
    """Build an ``Article`` from one decoded JSON value, or explain why it is not one."""
    if not isinstance(obj, Mapping):
        return ReadFailure(id, path, f"expected a JSON object, got {_json_type(obj)}")
    fields = {str(key).lower(): value for key, value in obj.items()}
    body = next((text for key in BODY_KEYS if (text := _as_text(fields.get(key)))), "")
    if not body:
        return ReadFailure(id, path, f"no text field: expected one of {', '.join(BODY_KEYS)}")
    title = next((t for key in TITLE_KEYS if (t := _as_text(fields.get(key)))), "")
    raw_meta = {
        str(key): bound_json(value)
        for key, value in obj.items()
        if not (str(key).lower() in BODY_KEYS and isinstance(value, (str, list)))
    }
    return Article(
        id=id,
        path=path,
        title=make_title(title or body),
        body=body,
        url=_first_string(fields, URL_KEYS),
        outlet=_first_string(fields, OUTLET_KEYS),
        published=_first_date(fields),
        authors=_authors(fields),
        raw_meta=raw_meta,
        encoding=encoding,
        format=format,
    )


def parse_date_value(value: str) -> date | None:
    """A metadata date string -> date, through ``index.extract.dates.parse_date`` when available.

    Imported lazily: the extraction package is developed alongside, and the readers must keep
    working (with ISO dates) without it.
    """
    value = value.strip()
    if not value:
        return None
    try:
        from index.extract.dates import parse_date
    except ImportError:
        parse_date = None
    if parse_date is not None:
        try:
            return parse_date(value)
        except Exception:  # noqa: BLE001 - a parser bug must not turn into a lost article
            return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def bound_json(value: Any, depth: int = 0) -> Any:
    """A copy of a JSON value safe to walk and dump: nesting cut at ``MAX_RAW_META_DEPTH``."""
    if depth >= limits.MAX_RAW_META_DEPTH and isinstance(value, (dict, list)):
        return "…"
    if isinstance(value, dict):
        return {str(k): bound_json(v, depth + 1) for k, v in value.items()}
    if isinstance(value, list):
        return [bound_json(v, depth + 1) for v in value]
    if isinstance(value, str):
        return without_surrogates(value.replace("\x00", ""))
    return value


def _as_text(value: Any) -> str:
    """A string field, or a list of string paragraphs, as cleaned text ("" when unusable)."""
    if isinstance(value, str):
        return clean_text(value).strip()
    if isinstance(value, list) and value and all(isinstance(v, str) for v in value):
        return clean_text("\n\n".join(value)).strip()
    return ""


def _name_of(value: Any) -> str:
    """A string, or the ``name`` of a schema.org-style object ({"@type": "Organization", "name": ...})."""
    if isinstance(value, Mapping):
        value = value.get("name")
    return clean_text(value).strip() if isinstance(value, str) else ""


def _first_string(fields: Mapping[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        if text := _name_of(fields.get(key)):
            return " ".join(text.split())[: limits.MAX_TITLE_CHARS]
    return None


def _first_date(fields: Mapping[str, Any]) -> date | None:
    for key in DATE_KEYS:
        value = fields.get(key)
        if isinstance(value, str) and (parsed := parse_date_value(value[:100])):
            return parsed
    return None


def _authors(fields: Mapping[str, Any]) -> list[str]:
    """ "a, b" strings and lists of strings or {"name": ...} objects -> distinct names in order."""
    names: list[str] = []
    for key in AUTHOR_KEYS:
        value = fields.get(key)
        items = value if isinstance(value, list) else [value]
        for item in items:
            for name in _name_of(item).split(","):
                name = " ".join(name.split())
                if name and name not in names and len(name) <= 200:
                    names.append(name)
    return names


def _json_type(value: Any) -> str:
    return {list: "an array", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )
