"""The JSON shape ``SearchResult.to_dict`` had when it was built with ``dataclasses.asdict``.

``to_dict`` is written out for speed; tests compare it with this reference (the API's contract).
"""

from __future__ import annotations

from dataclasses import asdict

from search.results import SearchResult


def asdict_shape(result: SearchResult) -> dict:
    """``result`` as the ``asdict``-based ``to_dict`` returned it."""
    data = asdict(result)
    data["pages"] = result.pages
    data["from"] = data.pop("date_from")
    data["to"] = data.pop("date_to")
    data["took_ms"] = round(result.took_ms, 2)
    data["facets"] = {kind: [{k: v for k, v in asdict(value).items() if k != "type" or v is not None}
                             for value in values] for kind, values in result.facets.items()}
    return data
