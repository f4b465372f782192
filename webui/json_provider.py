"""The app's JSON encoder: orjson, writing what Flask's stdlib encoder writes, about 10x faster.

A search's answer (~12 KB: ten hits with snippets and ~90 facet values) took ~115 us to encode
with the stdlib's ``json`` as Flask calls it and takes ~11 us with orjson (docs/performance.md,
"Issue 15, round 10"); a rare word's whole search takes ~2 ms, so that is ~5 % of it.

The output is the same JSON, not the same bytes: orjson writes non-ASCII characters as UTF-8
where Flask's encoder escapes them (``\\u00e9``), which RFC 8259 allows and every JSON parser
reads alike.  Everything else matches Flask's :class:`~flask.json.provider.DefaultJSONProvider`:
keys in insertion order (the app turns sorting off), non-string keys as strings, and dates,
datetimes, dataclasses, decimals, UUIDs and ``__html__`` objects through Flask's own
``default``.  What orjson refuses (integers beyond 64 bits, lone surrogates) is written by the stdlib encoder
with Flask's escapes, and
any call with encoder options of its own (``indent``, ``sort_keys`` …) goes to the stdlib too.
"""

from __future__ import annotations

from typing import Any

import orjson
from flask import Response
from flask.json.provider import DefaultJSONProvider

#: Dates and dataclasses go to Flask's ``default`` (orjson's own formats differ: ISO dates, and
#: every dataclass field); non-string keys are converted as the stdlib does.
_OPTIONS = orjson.OPT_PASSTHROUGH_DATETIME | orjson.OPT_PASSTHROUGH_DATACLASS | orjson.OPT_NON_STR_KEYS


class OrjsonProvider(DefaultJSONProvider):
    """Flask's default JSON provider with orjson encoding plain calls (see the module docstring)."""

    #: orjson writes UTF-8; set it True to have the stdlib escape every non-ASCII character.
    ensure_ascii = False
    sort_keys = False

    def dumps(self, obj: Any, **kwargs: Any) -> str:
        """``obj`` as JSON text; ``kwargs`` (stdlib ``json.dumps`` options) use the stdlib encoder."""
        if kwargs or self.sort_keys or self.ensure_ascii:
            return super().dumps(obj, **kwargs)
        encoded = self._encode(obj)
        return encoded.decode("utf-8") if encoded is not None else super().dumps(obj, ensure_ascii=True)

    def response(self, *args: Any, **kwargs: Any) -> Response:
        """``jsonify``: a compact ``application/json`` response (pretty-printed in debug mode, by
        Flask's own code)."""
        pretty = (self.compact is None and self._app.debug) or self.compact is False
        if pretty or self.sort_keys or self.ensure_ascii:
            return super().response(*args, **kwargs)
        obj = self._prepare_response_obj(args, kwargs)
        encoded = self._encode(obj)
        if encoded is None:
            text = super().dumps(obj, ensure_ascii=True, separators=(",", ":"))
            return self._app.response_class(f"{text}\n", mimetype=self.mimetype)
        return self._app.response_class(encoded + b"\n", mimetype=self.mimetype)

    def _encode(self, obj: Any) -> bytes | None:
        """orjson's bytes for ``obj``, or None when orjson cannot write it (the stdlib may: integers
        beyond 64 bits; and lone surrogates, which only an ASCII-escaping encoder can write)."""
        try:
            return orjson.dumps(obj, default=self.default, option=_OPTIONS)
        except orjson.JSONEncodeError:
            return None
