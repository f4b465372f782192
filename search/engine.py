"""``search(searcher, request) -> SearchResult``: the one search function behind the CLI, API and UI.

The matched document set is computed once, as a numpy array of document numbers, and serves the
exact total, every facet count, date sorting and relevance ranking (BM25F over arrays,
:mod:`search.ranking`; Whoosh's collector only for queries that module cannot score).
Facet filters and date ranges are boolean masks over that set (:mod:`search.facets`).  Faceting is
disjunctive: a facet's counts ignore that facet's own selection, so choosing one outlet does not
hide the others.  Everything returned is plain data copied out of Whoosh.
"""

from __future__ import annotations

import time
import weakref
from collections.abc import Iterator
from dataclasses import asdict

import numpy as np
from whoosh import query as whoosh_query

from search import schema as S
from search.budget import DEFAULT_TIME_BUDGET, Deadline
from search.copies import CopyArrays, describe_copies
from search.expand import expand_terms
from search.facets import NO_TIME, FacetArrays, FacetCache
from search.highlight import snippet
from search.names import AliasTable, name_key
from search.phrases import phrase_docs
from search.postings import NoFastPath, PostingsCache, intersection, union
from search.query import parse, positive_leaves, query_terms, to_whoosh
from search.ranking import best_first, for_ranking, rank
from search.ranking import warm as warm_ranking
from search.request import MAX_PER_PAGE, SearchRequest
from search.results import FacetValue, Hit, SearchResult, best_quote, facet_order
from search.scope import QuoteScope, quote_scope
from search.stored_record import hit_names, hit_record
from search.stored_record import record as stored_record
from search.vocabulary import TermVocabulary
from search.whoosh_compat import prefetch_postings, prefetch_stored, stored_fields

#: Values returned per facet (the UI shows fewer with "show more").
FACET_LIMIT = 20
#: The ``day`` facet (per-day counts for the timeline) is filled only when the dated matches span
#: at most this many days; wider ranges are drawn by month (or year) from the ``month`` facet.
DAY_FACET_MAX_SPAN = 62


def _matched_docs(searcher, parsed, postings: PostingsCache, deadline: Deadline) -> np.ndarray:
    """Document numbers matching ``parsed`` (ascending), checking the deadline as it goes.

    Terms combined with AND/OR/NOT are evaluated as numpy set operations over whole postings
    blocks (:func:`_set_of`) and exact phrases by :mod:`search.phrases`; other nodes (wildcards,
    ranges, sloppy phrases) go through Whoosh's matcher, one document at a time.  The profile at
    12k articles had ``docs_for_query`` at 40 % of a query's time, most of it the matcher
    protocol's per-document calls.
    """
    try:
        return _set_of(searcher, parsed, postings, deadline)
    except NoFastPath:
        return _docs_loop(searcher, parsed, deadline)


def _set_of(searcher, node, postings: PostingsCache, deadline: Deadline) -> np.ndarray:
    """Sorted unique document numbers matching ``node``."""
    kind = type(node)
    if kind is whoosh_query.Term:
        return _term_docs(node.fieldname, node.text, postings)
    if kind is whoosh_query.Or and not getattr(node, "minmatch", 0):
        parts = []
        for child in node.subqueries:  # up to thousands of expanded words: keep to the budget
            deadline.check()
            parts.append(_set_of(searcher, child, postings, deadline))
        return union(parts, postings.ndocs)
    if kind is whoosh_query.And and node.subqueries:
        result = None
        for child in node.subqueries:
            part = _set_of(searcher, child, postings, deadline)
            result = part if result is None else intersection(result, part, postings.ndocs)
        return result
    if kind is whoosh_query.AndNot:
        return np.setdiff1d(_set_of(searcher, node.a, postings, deadline),
                            _set_of(searcher, node.b, postings, deadline), assume_unique=True)
    if kind is whoosh_query.AndMaybe:
        return _set_of(searcher, node.a, postings, deadline)
    if kind is whoosh_query.Phrase and node.slop == 1:
        return phrase_docs(searcher, node.fieldname, node.words, postings, deadline)
    deadline.check()
    return _docs_loop(searcher, node, deadline)


def _term_docs(fieldname: str, text, postings: PostingsCache) -> np.ndarray:
    """Live documents containing one term, read block by block from each segment's postings."""
    parts = []
    for index, (_leaf, offset) in enumerate(postings.leaves):
        found = postings.get(index, fieldname, text)
        if found is not None:
            parts.append(found.ids + offset)
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)


def _docs_loop(searcher, parsed, deadline: Deadline) -> np.ndarray:
    """Whoosh's own matching, one document at a time (the general path)."""
    chunks, chunk = [], []
    for docnum in searcher.docs_for_query(parsed):
        chunk.append(docnum)
        if len(chunk) == 8192:
            chunks.append(np.asarray(chunk, dtype=np.int64))
            chunk = []
            deadline.check()
    chunks.append(np.asarray(chunk, dtype=np.int64))
    return np.concatenate(chunks)


def _filter_masks(arrays: FacetArrays, request: SearchRequest, aliases: AliasTable) -> dict[str, np.ndarray]:
    masks: dict[str, np.ndarray] = {}
    for kind, values in request.filters.items():
        keys = [name_key(v, aliases) for v in values]
        masks[kind] = arrays.mask(kind, arrays.ordinals_for(kind, keys))
    if request.date_from or request.date_to:
        masks["date"] = arrays.date_mask(S.date_to_day(request.date_from), S.date_to_day(request.date_to))
    if request.since:
        masks["indexed"] = arrays.indexed_mask(int(request.since.timestamp()))
    return masks


def _apply(docs: np.ndarray, masks: dict[str, np.ndarray], skip: str | None = None) -> np.ndarray:
    for kind, mask in masks.items():
        if kind != skip:
            docs = docs[mask[docs]]
    return docs


def _speaker_type(ordinal: int, arrays: FacetArrays) -> str:
    return "organization" if ordinal in arrays.organizations else "person"


def _facets(arrays: FacetArrays, docs: np.ndarray, masks: dict[str, np.ndarray],
            request: SearchRequest, aliases: AliasTable,
            final: np.ndarray | None = None) -> dict[str, list[FacetValue]]:
    """The facet values and counts of the matches ``docs`` under ``masks``; ``final``: those
    passing every mask, when the caller has them already."""
    facets: dict[str, list[FacetValue]] = {}
    if final is None:
        final = _apply(docs, masks)
    # Kinds without a filter of their own (so nothing selected) all count ``final``: their top
    # values at once where they are few (a rare word), else counted in one pass.
    unfiltered = [kind for kind in S.FACET_KINDS if kind not in masks]
    tops = arrays.top_counts(unfiltered, final, FACET_LIMIT)
    shared = arrays.count_kinds(unfiltered, final) if tops is None else {}
    for kind in S.FACET_KINDS:
        raw_selected = request.filters.get(kind, ())
        selected_keys = {name_key(v, aliases) for v in raw_selected}
        selected_ords = set(arrays.ordinals_for(kind, list(selected_keys)))
        if tops is not None and kind in tops:
            found = dict(zip(*tops[kind], strict=True))
        else:
            # Disjunctive: a filtered kind counts over the matches of every *other* filter.
            if kind in masks:
                ordinals, counts = arrays.count_nonzero(kind, _apply(docs, masks, skip=kind))
            else:
                ordinals, counts = shared[kind]
            top = top_positions(ordinals, counts, arrays.key_ranks(kind), FACET_LIMIT)
            found = dict(zip(ordinals[top].tolist(), counts[top].tolist(), strict=True))
            if selected_ords - found.keys():
                found.update(_counts_of(ordinals, counts, selected_ords - found.keys()))
        chosen = set(found) | selected_ords
        display = arrays.display[kind]
        typed = kind == S.SPEAKER  # speakers carry their type: people first, organisations marked
        values = [FacetValue(display[o], found[o], o in selected_ords,
                             _speaker_type(o, arrays) if typed else None) for o in chosen]
        # Selected values the index does not know still show (count 0) so they can be removed.
        if raw_selected:
            known = {name_key(v.value, aliases) for v in values}
            for raw in raw_selected:
                if name_key(raw, aliases) not in known:
                    values.append(FacetValue(raw, 0, True, "person" if typed else None))
        values.sort(key=facet_order)
        facets[kind] = values
    facets["month"] = [FacetValue(m, c) for m, c in arrays.month_counts(final)]
    facets["day"] = _day_counts(arrays, final)
    return facets


def top_ordinals(ordinals: np.ndarray, counts: np.ndarray, ranks: np.ndarray, limit: int) -> list[int]:
    """The ``limit`` ordinals with the highest counts, given the non-zero entries (``ordinals``
    ascending, as :meth:`FacetArrays.count_nonzero` returns them); ties by canonical key, given
    as each ordinal's rank in key order (:meth:`FacetArrays.key_ranks`).

    Deterministic, and the order OpenSearch's terms aggregation uses (count, then key), so both
    backends list the same values when many share the last count.
    """
    return ordinals[top_positions(ordinals, counts, ranks, limit)].tolist()


def top_positions(ordinals: np.ndarray, counts: np.ndarray, ranks: np.ndarray, limit: int) -> np.ndarray:
    """Positions in ``ordinals`` of :func:`top_ordinals`' values, in the same order: those above
    the last count included (ascending), then the tied ones in key order."""
    if len(ordinals) <= limit:
        return np.arange(len(ordinals))
    threshold = np.partition(counts, len(counts) - limit)[len(counts) - limit]
    above = np.flatnonzero(counts > threshold)
    tied = np.flatnonzero(counts == threshold)
    need = limit - len(above)
    tied_ranks = ranks[ordinals[tied]]
    if need < len(tied):  # a rare word's values nearly all tie at 1: partition before sorting
        nearest = np.argpartition(tied_ranks, need - 1)[:need]
        first = nearest[np.argsort(tied_ranks[nearest])]
    else:
        first = np.argsort(tied_ranks)
    return np.concatenate([above, tied[first]])


def _counts_of(ordinals: np.ndarray, counts: np.ndarray, wanted: set[int]) -> dict[int, int]:
    """Count of each ordinal in ``wanted`` (0 where it is not among the non-zero ``ordinals``)."""
    if not wanted:
        return {}
    order = sorted(wanted)
    where = np.searchsorted(ordinals, order)
    found = {}
    for o, i in zip(order, where.tolist(), strict=True):
        found[o] = int(counts[i]) if i < len(ordinals) and int(ordinals[i]) == o else 0
    return found


def _day_counts(arrays: FacetArrays, docs: np.ndarray) -> list[FacetValue]:
    """[(YYYY-MM-DD, count)] when the dated ``docs`` span at most DAY_FACET_MAX_SPAN days, else []."""
    return [FacetValue(day, count) for day, count in arrays.day_counts(docs, DAY_FACET_MAX_SPAN)]


def _ordered_page(searcher, parsed, arrays: FacetArrays, final: np.ndarray, matched: np.ndarray,
                  request: SearchRequest, postings: PostingsCache) -> list[int]:
    """Document numbers of the requested page, in the requested order."""
    first = (request.page - 1) * request.per_page
    last = first + request.per_page
    # Ties in every order go by article id (then document number), as in the OpenSearch backend.
    if request.sort == "indexed":
        # Newest indexed first; one run's articles (one second) by id descending: the walk's later
        # files first.
        indexed = arrays.indexed[final]
        keys = np.where(indexed == NO_TIME, -1, indexed)
        order = best_first(keys, final, last, ids=arrays.ids, ids_descending=True)
        return [int(d) for d in final[order[first:last]]]
    if request.sort in ("newest", "oldest") or not _scores(parsed):
        # Undated articles last in both orders; a query without words (everything, a date
        # range) has nothing to rank by and lists the newest first.
        days = arrays.day[final].astype(np.int64)
        undated = days == np.iinfo(np.int32).min
        keys = np.where(undated, -(2**62), -days) if request.sort == "oldest" else days  # no overflow
        return [int(d) for d in final[best_first(keys, final, last, ids=arrays.ids)[first:last]]]
    if len(final) == 0:
        return []  # and Whoosh reads an empty filter set as "no filter"
    ranking = for_ranking(parsed)
    ranked = rank(searcher, ranking, final, last, postings, arrays.day, arrays.ids)
    if ranked is not None:
        return ranked[first:last]
    exact = len(final) == len(matched) and ranking == parsed
    restrict = None if exact else set(final.tolist())
    results = searcher.search(ranking, limit=last, filter=restrict, terms=False)
    return [hit.docnum for hit in results[first:last]]


def _scores(parsed) -> bool:
    """Whether ``parsed`` has words to rank by (not only date ranges or "everything")."""
    unranked = (whoosh_query.NumericRange, whoosh_query.Every, type(whoosh_query.NullQuery))
    return any(not isinstance(leaf, unranked) for leaf in positive_leaves(parsed))


def _scope_mask(searcher, ndocs: int, candidates: np.ndarray, scope: QuoteScope,
                deadline: Deadline) -> np.ndarray:
    """Documents among ``candidates`` where a scoped speaker says every quote word."""
    mask = np.zeros(ndocs, dtype=bool)
    for i, docnum in enumerate(candidates.tolist()):
        if i % 256 == 255:
            deadline.check()
        speakers, _indexed = hit_record(searcher.stored_fields(docnum).get(S.RECORD))
        mask[docnum] = scope.matching_quote(speakers) is not None
    return mask


def _hit(searcher, docnum: int, words: set[str], speaker_keys: set[str], aliases: AliasTable,
         scope: QuoteScope | None = None) -> Hit:
    stored = stored_fields(searcher, docnum)  # Whoosh's dict, read past its layers (whoosh_compat)
    text = stored.get(S.BODY, "")
    if scope is None and not speaker_keys:  # the page shows the body's snippet: names are enough
        names, indexed = hit_names(stored.get(S.RECORD))
    else:
        speakers, indexed = hit_record(stored.get(S.RECORD))
        names = [s["name"] for s in speakers]
        text = (scope.matching_quote(speakers) if scope else None) or best_quote(
            speakers, words, speaker_keys, aliases) or text
    published = stored.get(S.DATE)
    return Hit(
        id=stored[S.ID],
        title=stored.get(S.TITLE, ""),
        outlet=stored.get(S.OUTLET) or None,
        published=published.date().isoformat() if published else None,
        speakers=names,
        url=S.web_url(stored.get(S.URL)),  # re-checked: older indexes stored any scheme
        snippet=snippet(text, words),
        indexed=indexed,
    )


#: The FacetArrays :func:`prepare` has warmed, by ``id`` (a dataclass with ``eq`` is unhashable;
#: the value is checked to be the same object, and leaves with it).  Arrays are built once per
#: set of segments, so a search on arrays found here skips the warm-up: a lock and a lookup per
#: facet kind and per segment and field, ~0.1 ms of a rare word's search.
_WARMED: weakref.WeakValueDictionary[int, FacetArrays] = weakref.WeakValueDictionary()


def prepare(searcher, facet_cache: FacetCache) -> FacetArrays:
    """Read the per-segment arrays searches use (facet values, field lengths for ranking).

    Each segment is read once; later calls only read segments added by new commits.
    """
    return _prepared(searcher, facet_cache)[0]


def _prepared(searcher, facet_cache: FacetCache) -> tuple[FacetArrays, CopyArrays]:
    """:func:`prepare`'s arrays and the copy clusters over them."""
    arrays = facet_cache.arrays(searcher)
    copies = facet_cache.copies.arrays(searcher, arrays)  # copy clusters: rebuilt once per commit
    if _WARMED.get(id(arrays)) is not arrays:
        _warm(searcher, arrays)
        _WARMED[id(arrays)] = arrays
    return arrays, copies


def _warm(searcher, arrays: FacetArrays) -> None:
    """Build what every search of ``arrays`` reads besides the arrays themselves (each part is
    cached where it lives: on ``arrays``, or per segment for ranking)."""
    for kind in S.FACET_KINDS:
        arrays.key_ranks(kind)  # the order of facet values tied on their count
        arrays.totals(kind)  # all documents' counts (a common word's are counted from them)
        arrays.one_value_each(kind)
    arrays.all_kinds()  # every kind's values in one list (counted together)
    arrays.months()
    warm_ranking(searcher, S.DEFAULT_FIELDS)


def search(
    searcher,
    request: SearchRequest,
    *,
    facet_cache: FacetCache,
    aliases: AliasTable | None = None,
    time_budget: float | None = DEFAULT_TIME_BUDGET,
    vocabulary: TermVocabulary | None = None,
) -> SearchResult:
    """Run ``request`` against ``searcher``.  Raises QueryError (bad query) or SearchTimeout.

    The budget covers the whole search from parsing on, including the expansion of wildcard and
    fuzzy terms; ``vocabulary`` is the index's shared word list for fuzzy terms (the server keeps
    one per index; without it, the words a fuzzy term needs are read for this search alone).
    """
    started = time.perf_counter()
    # Reading the arrays of new segments is a one-time cost per commit, not this query's work:
    # it is done before the time budget starts (the server also does it at start-up).
    arrays, copies = _prepared(searcher, facet_cache)
    deadline = Deadline(time_budget)
    aliases = aliases or AliasTable.default()
    reader = searcher.reader()
    parsed = expand_terms(to_whoosh(parse(request.q, aliases)), reader, vocabulary, deadline)
    prefetch_postings(searcher, parsed.iter_all_terms(phrases=True))  # read from disk together
    postings = PostingsCache(searcher)
    matched = _matched_docs(searcher, parsed, postings, deadline)
    masks = _filter_masks(arrays, request, aliases)
    scope = quote_scope(parsed, request.filters.get(S.SPEAKER, ()), aliases)
    if scope is not None:
        masks["quote"] = _scope_mask(searcher, arrays.ndocs, _apply(matched, masks), scope, deadline)
    filtered = final = _apply(matched, masks)
    if request.collapses:
        final = copies.collapse(final)
    # count=originals: every facet and the timeline count cluster originals only.
    if request.count == "originals":
        facets = _facets(arrays, matched, {**masks, "original": copies.is_original}, request, aliases)
    else:
        facets = _facets(arrays, matched, masks, request, aliases, filtered)
    deadline.check()
    page_docs = _ordered_page(searcher, parsed, arrays, final, matched, request, postings)
    deadline.check()
    words = query_terms(parsed)
    speaker_keys = {name_key(v, aliases) for v in request.filters.get(S.SPEAKER, ())}
    prefetch_stored(searcher, page_docs)  # the page's documents are read from disk together
    hits = [_with_copies(_hit(searcher, d, words, speaker_keys, aliases, scope), d, arrays, copies)
            for d in page_docs]
    return SearchResult(
        query=request.q,
        total=int(len(final)),
        page=request.page,
        per_page=request.per_page,
        sort=request.sort,
        hits=hits,
        facets=facets,
        filters={k: list(v) for k, v in request.filters.items()},
        date_from=request.date_from.isoformat() if request.date_from else None,
        date_to=request.date_to.isoformat() if request.date_to else None,
        since=dict(request.to_args()).get("since"),
        took_ms=(time.perf_counter() - started) * 1000,
    )


def iter_pages(searcher, request: SearchRequest, limit: int,
               **search_kwargs) -> Iterator[tuple[int, list[Hit]]]:
    """(total, hits) for each page of ``request``'s results, up to ``limit`` hits in all.

    Copies are never collapsed: an export keeps every copy, marked by its ``cluster``.
    """
    request = request.with_(collapse=None)
    page = 1
    written = 0
    while True:
        result = search(searcher, request.with_(page=page, per_page=MAX_PER_PAGE), **search_kwargs)
        hits = result.hits[: limit - written]
        yield result.total, hits
        written += len(hits)
        if not hits or written >= min(result.total, limit) or page >= result.pages:
            return
        page += 1


def _with_copies(hit: Hit, docnum: int, arrays: FacetArrays, copies: CopyArrays) -> Hit:
    """Fill a hit's copy-cluster fields."""
    members = copies.cluster_of(docnum)
    listed = describe_copies(arrays, copies, [m for m in members if m != docnum])
    hit.cluster = arrays.ids[members[0]] if arrays.ids[members[0]] is not None else hit.id
    hit.copies, hit.copies_total = listed, len(members) - 1
    outlets = dict.fromkeys(c.outlet for c in listed if c.outlet and c.outlet != hit.outlet)
    hit.also_published_by = list(outlets)
    return hit


def get_article(searcher, article_id: str, facet_cache: FacetCache | None = None) -> dict | None:
    """The stored article ``article_id`` as plain data, or None.

    The body is plain text; pages highlight it with :func:`search.quotes.body_segments`.  With
    ``facet_cache``, ``cluster`` and ``copies`` list the article's copy cluster (other members,
    earliest first, the original marked).
    """
    docnum = searcher.document_number(**{S.ID: article_id})
    if docnum is None:
        return None
    stored = stored_fields(searcher, docnum)
    record = stored_record(stored.get(S.RECORD))
    published = stored.get(S.DATE)
    body = stored.get(S.BODY, "")
    return {
        "id": stored[S.ID],
        "title": stored.get(S.TITLE, ""),
        "outlet": stored.get(S.OUTLET) or None,
        "published": published.date().isoformat() if published else None,
        "indexed": record.get(S.INDEXED),
        "url": S.web_url(stored.get(S.URL)),  # re-checked: older indexes stored any scheme
        "authors": list(stored.get(S.AUTHORS) or []),
        # No "path": the source file's location on the server is not the client's business.
        "body": body,
        "speakers": record.get("speakers", []),
        "entities": record.get("entities", []),
        "provenance": {k: record.get(k)
                       for k in ("outlet_source", "date_source", "encoding", "format", "sidecar")},
        **_article_copies(searcher, docnum, stored[S.ID], facet_cache),
    }


def _article_copies(searcher, docnum: int, article_id: str, facet_cache: FacetCache | None) -> dict:
    if facet_cache is None:
        return {}
    arrays = prepare(searcher, facet_cache)
    copies = facet_cache.copies.arrays(searcher, arrays)
    members = copies.cluster_of(docnum)
    listed = describe_copies(arrays, copies, [m for m in members if m != docnum], limit=None)
    original = arrays.ids[members[0]] or article_id
    return {"cluster": original, "copies": [asdict(c) for c in listed]}
