""""More like this": articles whose bodies share the most distinctive terms with one article."""

from __future__ import annotations

from search import schema as S
from search.highlight import SCAN_CHARS

#: Distinctive body terms used to find similar articles (Whoosh's Bo1 model picks them).
KEY_TERMS = 15


def similar(searcher, article_id: str, top: int = 5) -> list[dict]:
    """Up to ``top`` articles like ``article_id`` as plain dicts (id, title, outlet, published)."""
    docnum = searcher.document_number(**{S.ID: article_id})
    if docnum is None:
        return []
    # Pass the text explicitly: the body field stores no term vectors.
    text = searcher.stored_fields(docnum).get(S.BODY, "")[:SCAN_CHARS]
    if not text.strip():
        return []
    results = searcher.more_like(docnum, S.BODY, text=text, top=top, numterms=KEY_TERMS)
    found = []
    for hit in results:
        stored = hit.fields()
        published = stored.get(S.DATE)
        found.append({
            "id": stored[S.ID],
            "title": stored.get(S.TITLE, ""),
            "outlet": stored.get(S.OUTLET) or None,
            "published": published.date().isoformat() if published else None,
        })
    return found
