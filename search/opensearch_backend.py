"""The OpenSearch backend: the same searches, facets, pages and exports on an OpenSearch cluster.

The query is parsed once into the neutral tree (:func:`search.query.parse`, the same limits and
error messages as Whoosh) and translated here into query DSL over the fields of
:mod:`search.opensearch_schema`, whose tokens Dateline's analyzers made: both backends match the
same articles.  What each feature becomes:

- facets are disjunctive with the standard ``post_filter`` pattern: the query alone selects the
  aggregated set, each facet's aggregation applies every filter but its own, and the hits get
  all filters;
- the timeline is a monthly ``date_histogram`` (a daily one when the dates span at most
  :data:`~search.engine.DAY_FACET_MAX_SPAN` days);
- ``speaker:Lavrov quote:terrorists`` is a ``nested`` query: one quote object must have the
  speaker and the words; its ``inner_hits`` give the quote shown as the snippet;
- snippets come from OpenSearch's highlighter (``<mark>``, HTML-encoded) and pass through
  :func:`search.highlight.sanitize` like every snippet;
- ``collapse=copies`` uses field collapsing on ``cluster`` (the total counts clusters);
- "more like this" is OpenSearch's ``more_like_this``; "did you mean" its term suggester;
- exports walk a point in time with ``search_after``, never deep paging.

Every OpenSearch error becomes one of the backend errors: :class:`QueryError` (400),
:class:`SearchTimeout` or :class:`BackendUnavailableError` (503).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from dataclasses import asdict

from search import opensearch_schema as O
from search import querytree as T
from search import schema as S
from search.backend import BackendUnavailableError
from search.budget import DEFAULT_TIME_BUDGET, SearchTimeout
from search.copies import COPIES_LISTED, Copy
from search.engine import DAY_FACET_MAX_SPAN, FACET_LIMIT
from search.highlight import SNIPPET_CHARS, sanitize, snippet
from search.names import AliasTable, name_key, shown_spelling
from search.outlets import OutletSummary
from search.query import parse
from search.quotes import QuoteItem, quote_items
from search.request import QueryError, SearchRequest
from search.results import FacetValue, Hit, SearchResult, best_quote, facet_order
from search.suggest import SUGGEST_BELOW, respell_query

DEFAULT_URL = "http://127.0.0.1:9200"
DEFAULT_INDEX = "dateline"
#: What a visitor is told when the cluster cannot answer (the log has the host and the error).
UNREACHABLE_MESSAGE = ("the search cluster cannot answer right now; try again shortly "
                       "(the server log has the details)")
#: Seconds before a search that some shards failed is asked again (a replica takes over).
SHARD_RETRY_PAUSE = 0.5
#: Hits per request while an export walks its point in time.
EXPORT_BATCH = 500
#: Seconds one export batch may take (exports are not bound by the search budget).
EXPORT_TIMEOUT = 60.0
#: How long a point in time stays open between two export batches.
PIT_KEEP_ALIVE = "2m"
#: New points in time an export opens when shards of its current one are lost (a node died).
PIT_REOPENS = 3
#: Fields of ``_source`` a hit needs (bodies, tokens and quote objects stay on the cluster).
HIT_SOURCE = [S.ID, S.TITLE, "published", S.INDEXED, O.CLUSTER, O.STORED]
#: Most outlets the outlets page lists (terms aggregation size; an archive of 491 outlets is typical).
MAX_FACET_VALUES_OUTLETS = 65_000


def urls_from(value: str | None) -> list[str]:
    """Node URLs from ``--opensearch-url`` or ``DATELINE_OPENSEARCH_URL`` (comma-separated)."""
    raw = value or os.environ.get("DATELINE_OPENSEARCH_URL") or DEFAULT_URL
    return [u.strip() for u in raw.split(",") if u.strip()]


class OpenSearchBackend:
    """A Dateline index on an OpenSearch cluster (``url``: one node or several, comma-separated)."""

    name = "opensearch"

    def __init__(self, url: str | None = None, index_name: str | None = None, aliases: str | None = None,
                 time_budget: float | None = DEFAULT_TIME_BUDGET, result_cache_size: int = 0,
                 client=None) -> None:
        from opensearchpy import OpenSearch

        self.urls = urls_from(url)
        self.index = index_name or os.environ.get("DATELINE_OPENSEARCH_INDEX") or DEFAULT_INDEX
        self.alias_path = aliases
        self.aliases = AliasTable.load(aliases) if aliases else AliasTable.default()
        self.time_budget = time_budget
        # Several nodes: the client spreads requests and retries a failed one on another node,
        # so searches go on while a node is down.  Not a timeout: the budget is spent by then.
        self.client = client or OpenSearch(self.urls, timeout=30, max_retries=3, retry_on_timeout=False,
                                           retry_on_status=(502, 503, 504))

    # -- errors -----------------------------------------------------------------------------------
    @contextmanager
    def _errors(self):
        from opensearchpy import exceptions as E

        try:
            yield
        except E.ConnectionTimeout as exc:
            raise SearchTimeout(f"the search took longer than its budget on OpenSearch ({exc.info})") from exc
        except E.NotFoundError as exc:
            error = BackendUnavailableError(f"no index {self.index!r} on {', '.join(self.urls)}; build it "
                                            "with: dateline index --backend opensearch ARCHIVE_PATH...")
            error.missing = True
            raise error from exc
        except E.RequestError as exc:  # 400: what the query asked is more than the cluster allows
            reason = _reason(exc)
            if "too_many_clauses" in reason or "maxClauseCount" in reason or "too many" in reason.lower():
                raise QueryError("the query's wildcards and fuzzy terms match too many words; make them "
                                 "more specific", "q") from exc
            raise QueryError(f"could not run the query: {reason}", "q") from exc
        except E.ConnectionError as exc:
            nodes = ", ".join(self.urls)
            error = BackendUnavailableError(f"OpenSearch is unreachable at {nodes}: {exc.error}")
            error.public = UNREACHABLE_MESSAGE
            raise error from exc
        except E.TransportError as exc:
            error = BackendUnavailableError(f"OpenSearch answered {exc.status_code}: {_reason(exc)}")
            error.public = UNREACHABLE_MESSAGE
            raise error from exc

    def _run(self, body: dict, search_type: str | None = None) -> dict:
        """One search request on the index, within the time budget, answered by every shard.

        A node that dies mid-search leaves OpenSearch answering 200 without its shards: totals and
        counts silently short.  Such an answer is asked for once more (the replicas take over
        within moments), and else becomes a 503, never a partial result.
        """
        for attempt in range(2):
            response = self.client.search(index=self.index, body=body, search_type=search_type,
                                          request_timeout=self._request_timeout())
            if not response.get("_shards", {}).get("failed"):
                return response
            if attempt == 0:
                time.sleep(SHARD_RETRY_PAUSE)
        error = BackendUnavailableError(f"OpenSearch answered without some shards: {response['_shards']}")
        error.public = UNREACHABLE_MESSAGE
        raise error

    def _request_timeout(self) -> float:
        return 30.0 if self.time_budget is None else max(0.5, self.time_budget)

    # -- translation ----------------------------------------------------------------------------
    def _filters(self, request: SearchRequest) -> dict[str, dict]:
        """One filter clause per facet kind with a selection, and one per date bound."""
        clauses: dict[str, dict] = {}
        for kind, values in request.filters.items():
            keys = sorted({name_key(v, self.aliases) for v in values})
            clauses[kind] = {"terms": {O.key_field(kind): keys}}
        if request.date_from or request.date_to:
            bounds = {}
            if request.date_from:
                bounds["gte"] = request.date_from.isoformat()
            if request.date_to:
                bounds["lte"] = request.date_to.isoformat()
            clauses["date"] = {"range": {"published": bounds}}
        if request.since:
            clauses["indexed"] = {"range": {S.INDEXED: {"gte": int(request.since.timestamp())}}}
        return clauses

    def _query(self, tree: T.Node, request: SearchRequest, *, quote_hits: bool = False) -> dict:
        """The query DSL of ``tree`` with the quote scope; ``quote_hits`` returns each match's
        scoped quote (the snippet of a hit) as ``inner_hits``."""
        query = to_dsl(tree)
        scope = quote_scope_dsl(tree, request.filters.get(S.SPEAKER, ()), self.aliases)
        if scope is None:
            return query
        if quote_hits:
            scope["nested"]["inner_hits"] = {"size": 1, "_source": [f"{O.QUOTES}.{O.QUOTE_TEXT}"]}
        return {"bool": {"must": [query], "filter": [scope]}}

    # -- the backend protocol -------------------------------------------------------------------
    def search(self, request: SearchRequest) -> SearchResult:
        result, _sources = self._search(request)
        if request.q.strip() and result.total <= SUGGEST_BELOW:
            result.suggestion = self._suggest(request.q)
        return result

    def _search(self, request: SearchRequest) -> tuple[SearchResult, dict[str, dict]]:
        started = time.perf_counter()
        tree = parse(request.q, self.aliases)
        query = self._query(tree, request, quote_hits=True)
        filters = self._filters(request)
        counted = dict(filters)
        if request.count == "originals":
            counted["original"] = {"term": {O.IS_ORIGINAL: True}}
        body: dict = {
            "query": query,
            "post_filter": _all(filters.values()),
            "track_total_hits": True,
            "from": (request.page - 1) * request.per_page,
            "size": request.per_page,
            "sort": _sort(request, tree),
            "_source": HIT_SOURCE,
            "aggs": self._facet_aggs(request, counted),
            "highlight": _highlight(tree),
        }
        if request.collapses:
            body["collapse"] = {"field": O.CLUSTER}
            body["aggs"]["clusters"] = {"filter": _all(filters.values()),
                                        "aggs": {"n": {"cardinality": {"field": O.CLUSTER,
                                                                       "precision_threshold": 40000}}}}
        # Relevance with index-wide term statistics: with per-shard ones, the same article
        # ranks differently depending on which shard holds it (small indexes, few matches).
        relevance = body["sort"][0] == {"_score": "desc"}
        with self._errors():
            response = self._run(body, search_type="dfs_query_then_fetch" if relevance else None)
        total = response["hits"]["total"]["value"]
        if request.collapses:
            total = response["aggregations"]["clusters"]["n"]["value"]
        facets, display_keys, unknown = self._read_facets(response["aggregations"], request)
        hits_raw = response["hits"]["hits"]
        words = T.highlight_words(tree, {S.TITLE, S.BODY, S.QUOTE})
        speaker_keys = {name_key(v, self.aliases) for v in request.filters.get(S.SPEAKER, ())}
        hits, sources = [], {}
        for raw in hits_raw:
            source = raw["_source"]
            sources[source[S.ID]] = source
            hits.append(_hit(raw, words, speaker_keys, self.aliases))
        self._second_round(facets, display_keys, unknown, hits, request)
        return SearchResult(
            query=request.q, total=int(total), page=request.page, per_page=request.per_page,
            sort=request.sort, hits=hits, facets=facets,
            filters={k: list(v) for k, v in request.filters.items()},
            date_from=request.date_from.isoformat() if request.date_from else None,
            date_to=request.date_to.isoformat() if request.date_to else None,
            since=dict(request.to_args()).get("since"),
            took_ms=(time.perf_counter() - started) * 1000,
        ), sources

    def _facet_aggs(self, request: SearchRequest, counted: dict[str, dict]) -> dict:
        aggs: dict = {}
        for kind in S.FACET_KINDS:
            selected = sorted({name_key(v, self.aliases) for v in request.filters.get(kind, ())})
            inner: dict = {"values": {"terms": {"field": O.key_field(kind), "size": FACET_LIMIT,
                                                "order": [{"_count": "desc"}, {"_key": "asc"}]}}}
            if selected:
                inner["selected"] = {"terms": {"field": O.key_field(kind), "include": selected,
                                               "size": len(selected), "min_doc_count": 0}}
            others = [clause for name, clause in counted.items() if name != kind]
            aggs[kind] = {"filter": _all(others), "aggs": inner}
        aggs["dates"] = {"filter": _all(counted.values()), "aggs": {
            "months": {"date_histogram": {"field": "published", "calendar_interval": "month",
                                          "format": "yyyy-MM", "min_doc_count": 1}},
            "span": {"stats": {"field": "day"}},
        }}
        return aggs

    def _read_facets(self, aggs: dict, request: SearchRequest) -> tuple[dict, dict[str, set[str]], set[int]]:
        """Facet values with their counts, holding canonical keys until the second round fills
        in the display spellings; the keys each facet needs; and (by ``id``) the selected values
        the index does not know, which keep the spelling the user gave."""
        facets: dict[str, list[FacetValue]] = {}
        keys_needed: dict[str, set[str]] = {}
        unknown: set[int] = set()
        for kind in S.FACET_KINDS:
            counts = {b["key"]: b["doc_count"] for b in aggs[kind]["values"]["buckets"]}
            selected_keys = {name_key(v, self.aliases) for v in request.filters.get(kind, ())}
            for bucket in aggs[kind].get("selected", {}).get("buckets", []):
                counts.setdefault(bucket["key"], bucket["doc_count"])
            values = [FacetValue(key, count, key in selected_keys) for key, count in counts.items()]
            # Selected values the index does not know still show (count 0) so they can be removed.
            for raw in request.filters.get(kind, ()):
                if name_key(raw, self.aliases) not in counts:
                    values.append(FacetValue(raw, 0, True, "person" if kind == S.SPEAKER else None))
                    unknown.add(id(values[-1]))
            facets[kind] = values
            keys_needed[kind] = set(counts)
        dates = aggs["dates"]
        facets["month"] = [FacetValue(b["key_as_string"], b["doc_count"]) for b in dates["months"]["buckets"]]
        span = dates["span"]
        # Filled by the second round when the dates span few enough days.
        facets["day"] = []
        if span["count"] and span["max"] - span["min"] <= DAY_FACET_MAX_SPAN:
            keys_needed["day"] = set()
        return facets, keys_needed, unknown

    def _second_round(self, facets: dict, keys_needed: dict[str, set[str]], unknown: set[int],
                      hits: list[Hit], request: SearchRequest) -> None:
        """Display spellings and speaker types of facet values, copy clusters of the hits and the
        daily timeline, in one ``_msearch``."""
        searches: list[tuple[str, dict]] = []
        display_aggs: dict = {}
        for kind, keys in keys_needed.items():
            if kind in S.FACET_KINDS and keys:
                display_aggs[kind] = _spellings_agg(kind, keys)
        if keys_needed.get(S.SPEAKER):
            display_aggs["organizations"] = {"terms": {"field": O.key_field(S.SPEAKER_ORGS),
                                                       "include": sorted(keys_needed[S.SPEAKER]),
                                                       "size": len(keys_needed[S.SPEAKER])}}
        if display_aggs:
            searches.append(("displays", {"size": 0, "query": {"match_all": {}}, "aggs": display_aggs}))
        clusters = sorted({h.cluster for h in hits if h.cluster})
        if clusters:
            searches.append(("copies", {
                "size": min(10_000, len(clusters) * (COPIES_LISTED + 2)),
                "query": {"terms": {O.CLUSTER: clusters}},
                "_source": [S.ID, "published", O.CLUSTER, O.IS_ORIGINAL, O.pair_field(S.OUTLET)],
                "sort": [{"day": {"order": "asc", "missing": "_last"}}, {S.ID: "asc"}],
            }))
            # The cluster members' counts, whatever the cap on listed copies.
            searches[-1][1]["aggs"] = {"sizes": {"terms": {"field": O.CLUSTER, "size": len(clusters)}}}
        if "day" in keys_needed:
            filters = self._filters(request)
            query = self._query(parse(request.q, self.aliases), request)
            counted = list(filters.values())
            if request.count == "originals":
                counted.append({"term": {O.IS_ORIGINAL: True}})
            searches.append(("days", {"size": 0, "query": {"bool": {"must": [query], "filter": counted}},
                                      "aggs": {"days": {"date_histogram": {
                                          "field": "published", "calendar_interval": "day",
                                          "format": "yyyy-MM-dd", "min_doc_count": 1}}}}))
        if not searches:
            return
        lines: list[dict] = []
        for _name, body in searches:
            lines.extend(({"index": self.index}, body))
        for attempt in (1, 2):
            with self._errors():
                responses = self.client.msearch(body=lines,
                                                request_timeout=self._request_timeout())["responses"]
            # A node lost between a search's query and fetch phases fails that search alone (in a
            # 200 the client cannot retry), or leaves out its shards: once more, on the shard copies
            # that remain.
            if attempt == 2 or not any(_incomplete(r) for r in responses):
                break
            time.sleep(SHARD_RETRY_PAUSE)
        answers = {}
        for (name, _body), response in zip(searches, responses, strict=True):
            if _incomplete(response):
                reason = response.get("error") or response.get("_shards")
                error = BackendUnavailableError(f"OpenSearch could not answer ({name}): {reason}")
                error.public = UNREACHABLE_MESSAGE
                raise error
            answers[name] = response
        if "displays" in answers:
            _apply_displays(facets, answers["displays"]["aggregations"], unknown)
        for kind in S.FACET_KINDS:
            facets[kind].sort(key=facet_order)
        if "copies" in answers:
            _apply_copies(hits, answers["copies"])
        if "days" in answers:
            buckets = answers["days"]["aggregations"]["days"]["buckets"]
            facets["day"] = [FacetValue(b["key_as_string"], b["doc_count"]) for b in buckets]

    def _suggest(self, q: str) -> str | None:
        def respell(word: str) -> str | None:
            # As Whoosh's: only a word whose analysed form neither titles nor bodies hold.
            token = O.text_tokens(word)
            if not token or " " in token or len(token) < 3:
                return None
            known = {"bool": {"should": [{"term": {O.SEARCH_FIELDS[f]: token}} for f in (S.TITLE, S.BODY)]}}
            if self.client.count(index=self.index, body={"query": known})["count"]:
                return None
            body = {"suggest": {"s": {"text": word.lower(), "term": {
                "field": f"{S.BODY}.words", "suggest_mode": "missing", "max_edits": 2, "prefix_length": 1,
                "sort": "score", "size": 1}}}, "size": 0}
            response = self._run(body)
            options = response["suggest"]["s"][0]["options"] if response["suggest"]["s"] else []
            return options[0]["text"] if options else None

        try:
            with self._errors():
                return respell_query(q, respell)
        except (SearchTimeout, BackendUnavailableError, QueryError):
            return None  # a suggestion never fails the search it accompanies

    def article(self, article_id: str) -> dict | None:
        from opensearchpy.exceptions import NotFoundError

        try:
            with self._errors():
                try:
                    response = self.client.get(index=self.index, id=O.doc_id(article_id),
                                               _source_excludes=_TOKEN_FIELDS)
                except NotFoundError as exc:
                    if not _index_missing(exc):
                        raise _NoSuchArticle from None
                    raise
        except _NoSuchArticle:
            return None
        source = response["_source"]
        stored = source[O.STORED]
        record = json.loads(stored.get(S.RECORD) or "{}")
        copies = self._cluster_members(source[O.CLUSTER])
        return {
            "id": source[S.ID],
            "title": source.get(S.TITLE, ""),
            "outlet": stored.get(S.OUTLET) or None,
            "published": source.get("published"),
            "indexed": record.get(S.INDEXED),
            "url": S.web_url(stored.get(S.URL)),
            "authors": list(stored.get(S.AUTHORS) or []),
            "body": source.get(S.BODY, ""),
            "speakers": record.get("speakers", []),
            "entities": record.get("entities", []),
            "provenance": {k: record.get(k)
                           for k in ("outlet_source", "date_source", "encoding", "format", "sidecar")},
            "cluster": copies[0].id if copies else source[S.ID],
            "copies": [asdict(c) for c in copies if c.id != source[S.ID]],
        }

    def _cluster_members(self, cluster: str) -> list[Copy]:
        body = {"size": 10_000, "query": {"term": {O.CLUSTER: cluster}},
                "_source": [S.ID, "published", O.IS_ORIGINAL, O.pair_field(S.OUTLET)],
                "sort": [{"day": {"order": "asc", "missing": "_last"}}, {S.ID: "asc"}]}
        with self._errors():
            response = self._run(body)
        return [_copy(h["_source"]) for h in response["hits"]["hits"]]

    def similar(self, article_id: str, top: int = 5) -> list[dict]:
        body = {
            "size": top,
            "query": {"more_like_this": {
                "fields": [O.SEARCH_FIELDS[S.BODY]],
                "like": [{"_index": self.index, "_id": O.doc_id(article_id)}],
                "min_term_freq": 1, "min_doc_freq": 1, "max_query_terms": 15,
            }},
            "_source": [S.ID, S.TITLE, "published", O.STORED + "." + S.OUTLET],
        }
        with self._errors():
            response = self._run(body)
        return [{"id": h["_source"][S.ID], "title": h["_source"].get(S.TITLE, ""),
                 "outlet": h["_source"].get(O.STORED, {}).get(S.OUTLET) or None,
                 "published": h["_source"].get("published")} for h in response["hits"]["hits"]]

    def query_words(self, q: str) -> set[str]:
        try:
            return T.highlight_words(parse(q, self.aliases), {S.TITLE, S.BODY, S.QUOTE})
        except QueryError:
            return set()

    def speaker_quotes(self, request: SearchRequest,
                       speaker: str) -> tuple[SearchResult, list[QuoteItem]]:
        filters = {**request.filters, S.SPEAKER: (speaker,)}
        result, sources = self._search(request.with_(filters=filters, sort="newest"))
        speakers = {hit_id: json.loads(source[O.STORED].get(S.RECORD) or "{}").get("speakers", [])
                    for hit_id, source in sources.items()}
        return result, quote_items(result.hits, speakers, speaker, self.query_words(request.q), self.aliases)

    def outlets(self) -> list[OutletSummary]:
        kind = S.OUTLET
        body = {"size": 0, "query": {"match_all": {}}, "aggs": {
            "outlets": {"terms": {"field": O.key_field(kind), "size": MAX_FACET_VALUES_OUTLETS,
                                  "order": [{"_count": "desc"}, {"_key": "asc"}]},
                        "aggs": {"days": {"stats": {"field": "day"}}}},
            "spellings": {"terms": {"field": O.pair_field(kind), "size": 4 * MAX_FACET_VALUES_OUTLETS}},
            "unknown": {"missing": {"field": O.key_field(kind)},
                        "aggs": {"days": {"stats": {"field": "day"}}}},
        }}
        with self._errors():
            aggs = self._run(body)["aggregations"]
        names = spellings(aggs["spellings"]["buckets"])
        summaries = [_summary(names.get(b["key"], b["key"]), b["doc_count"], b["days"])
                     for b in aggs["outlets"]["buckets"]]
        summaries.sort(key=lambda s: (-s.articles, (s.name or "").casefold()))
        if aggs["unknown"]["doc_count"]:
            summaries.append(_summary(None, aggs["unknown"]["doc_count"], aggs["unknown"]["days"]))
        return summaries

    def iter_hits(self, request: SearchRequest, limit: int) -> Iterator[tuple[int, list[Hit]]]:
        """Every hit in the request's order through a point in time with ``search_after``."""
        request = request.with_(collapse=None)
        tree = parse(request.q, self.aliases)
        query = self._query(tree, request, quote_hits=True)
        filters = self._filters(request)
        with self._errors():
            pit = self.client.create_pit(index=self.index, keep_alive=PIT_KEEP_ALIVE)["pit_id"]
        try:
            words = T.highlight_words(tree, {S.TITLE, S.BODY, S.QUOTE})
            speaker_keys = {name_key(v, self.aliases) for v in request.filters.get(S.SPEAKER, ())}
            after = None
            written = 0
            reopened = 0
            while True:
                body: dict = {
                    "query": {"bool": {"must": [query], "filter": list(filters.values())}},
                    "size": min(EXPORT_BATCH, limit - written),
                    "sort": _sort(request, tree),  # ending with the id: a total order
                    "_source": HIT_SOURCE,
                    "highlight": _highlight(tree),
                    "track_total_hits": True,
                    "pit": {"id": pit, "keep_alive": PIT_KEEP_ALIVE},
                }
                if after is not None:
                    body["search_after"] = after
                with self._errors():
                    # No index in the path: the point in time names it.
                    response = self.client.search(body=body, request_timeout=EXPORT_TIMEOUT)
                if response["_shards"].get("failed"):
                    # A node holding part of the point in time is gone: a 200 without those shards'
                    # hits.  A new point in time, on the shard copies that remain, resumes after the
                    # last hit written (the sort is a total order).
                    reopened += 1
                    if reopened > PIT_REOPENS:
                        error = BackendUnavailableError(f"an export lost shards: {response['_shards']}")
                        error.public = UNREACHABLE_MESSAGE
                        raise error
                    with suppress(Exception):
                        self.client.delete_pit(body={"pit_id": [pit]})
                    time.sleep(0.5 * reopened)
                    with self._errors():
                        pit = self.client.create_pit(index=self.index, keep_alive=PIT_KEEP_ALIVE)["pit_id"]
                    continue
                raw_hits = response["hits"]["hits"]
                total = response["hits"]["total"]["value"]
                pit = response.get("pit_id", pit)
                hits = [_hit(raw, words, speaker_keys, self.aliases) for raw in raw_hits]
                yield total, hits
                written += len(hits)
                if not raw_hits or written >= min(total, limit):
                    return
                after = raw_hits[-1]["sort"]
        finally:
            with suppress(Exception):  # the point in time expires by itself anyway
                self.client.delete_pit(body={"pit_id": [pit]})

    def version(self) -> str:
        with self._errors():
            articles = self.client.count(index=self.index)["count"]  # not the nested quote objects
            stats = self.client.indices.stats(index=self.index, metric="indexing")
        writes = stats["indices"][self.index]["primaries"]["indexing"]["index_total"]
        return (f"opensearch {self.index}: {articles} articles, {writes} writes, "
                f"extraction {S.EXTRACTION_VERSION}")

    def warm(self) -> bool:
        try:
            with self._errors():
                return bool(self.client.indices.exists(index=self.index))
        except BackendUnavailableError:
            return False

    def close(self) -> None:
        """Nothing per thread: the client's connection pool is shared and thread-safe."""


# -- translation of the neutral tree ---------------------------------------------------------------
def _field(name: str) -> str:
    return O.SEARCH_FIELDS.get(name, name)


def _boosted(clause: dict, boost: float) -> dict:
    if boost != 1.0:
        key = next(iter(clause))
        inner = clause[key]
        if key == "bool":
            inner["boost"] = boost
        else:
            field = next(iter(inner))
            inner[field]["boost"] = boost
    return clause


def to_dsl(node: T.Node, field_map=None) -> dict:
    """The OpenSearch query of a neutral tree node (``field_map`` renames fields, for quotes)."""
    field = field_map or _field
    kind = type(node)
    if kind is T.Term:
        return _boosted({"term": {field(node.field): {"value": node.text}}}, node.boost)
    if kind is T.Phrase:
        # Whoosh's slop 1 is adjacency; OpenSearch counts the moves allowed (0 = adjacent).
        return _boosted({"match_phrase": {field(node.field): {"query": " ".join(node.words),
                                                                "slop": max(0, node.slop - 1)}}}, node.boost)
    # Prefixes and wildcards score each word they match, as Whoosh's expansion does (OpenSearch's
    # default rewrite gives every match the same score).
    if kind is T.Prefix:
        return _boosted({"prefix": {field(node.field): {"value": node.text, "rewrite": "scoring_boolean"}}},
                        node.boost)
    if kind is T.Wildcard:
        return _boosted({"wildcard": {field(node.field): {"value": node.pattern,
                                                          "rewrite": "scoring_boolean"}}}, node.boost)
    if kind is T.Fuzzy:
        from search.expand import MAX_FUZZY_EXPANSION

        return _boosted({"fuzzy": {field(node.field): {
            "value": node.text, "fuzziness": node.max_edits, "prefix_length": node.prefix_length,
            "max_expansions": MAX_FUZZY_EXPANSION, "transpositions": True}}}, node.boost)
    if kind is T.DateRange:
        bounds = {}
        if node.start is not None:
            bounds["gt" if node.start_excluded else "gte"] = node.start.date().isoformat()
        if node.end is not None:
            bounds["lt" if node.end_excluded else "lte"] = node.end.date().isoformat()
        return {"range": {"published": bounds}}
    if kind is T.TermRange:
        bounds = {}
        if node.start is not None:
            bounds["gt" if node.start_excluded else "gte"] = node.start
        if node.end is not None:
            bounds["lt" if node.end_excluded else "lte"] = node.end
        return {"range": {field(node.field): bounds}}
    if kind is T.And:
        return _boosted({"bool": {"must": [to_dsl(c, field_map) for c in node.children]}}, node.boost)
    if kind is T.Or:
        return _boosted({"bool": {"should": [to_dsl(c, field_map) for c in node.children],
                                  "minimum_should_match": 1}}, node.boost)
    if kind is T.Not:
        return {"bool": {"must": [{"match_all": {}}], "must_not": [to_dsl(node.child, field_map)]}}
    if kind is T.AndNot:
        return {"bool": {"must": [to_dsl(node.positive, field_map)],
                         "must_not": [to_dsl(node.negative, field_map)]}}
    if kind is T.AndMaybe:
        return {"bool": {"must": [to_dsl(node.required, field_map)],
                         "should": [to_dsl(node.optional, field_map)]}}
    if kind is T.Every:
        return {"match_all": {}}
    if kind is T.Nothing:
        return {"match_none": {}}
    raise TypeError(f"not a query tree node: {node!r}")


def _quote_field(name: str) -> str:
    return f"{O.QUOTES}.{O.QUOTE_TOKENS}"


def _speaker_field(name: str) -> str:
    return f"{O.QUOTES}.{O.QUOTE_SPEAKER_TOKENS}"


def quote_scope_dsl(tree: T.Node, speaker_filter: tuple[str, ...], aliases: AliasTable) -> dict | None:
    """The ``nested`` clause that makes one quote carry both the speaker and the quote words.

    The rules of :mod:`search.scope`: a ``speaker:`` term or phrase (all its tokens in the
    speaker's name) or the speaker filter (its canonical keys) picks speakers; every positive
    ``quote:`` term, prefix, fuzzy term or wildcard must be in that speaker's quote, and an OR of
    quote words needs one of them.  None when the query has no quote words or no speaker.
    """
    speaker_groups: list[dict] = []
    quote_groups: list[dict] = []
    for unit in _positive_units(tree):
        if isinstance(unit, T.Or):
            quote_groups.append(to_dsl(unit, _quote_field))
        elif isinstance(unit, T.WORD_LEAVES) and unit.field == S.SPEAKER:
            words = (unit.text,) if isinstance(unit, T.Term) else getattr(unit, "words", None)
            if words:
                speaker_groups.append({"bool": {"must": [{"term": {_speaker_field(""): w}} for w in words]}})
        elif isinstance(unit, T.Phrase) and unit.field == S.QUOTE:
            quote_groups.extend({"term": {_quote_field(""): w}} for w in unit.words)
        elif isinstance(unit, T.WORD_LEAVES) and unit.field == S.QUOTE:
            quote_groups.append(to_dsl(unit, _quote_field))
    keys = sorted({name_key(v, aliases) for v in speaker_filter})
    if not quote_groups or not (speaker_groups or keys):
        return None
    speakers = list(speaker_groups)
    if keys:
        speakers.append({"terms": {f"{O.QUOTES}.{O.QUOTE_SPEAKER_KEY}": keys}})
    return {"nested": {"path": O.QUOTES, "score_mode": "none", "query": {"bool": {
        "filter": [{"bool": {"should": speakers, "minimum_should_match": 1}}, *quote_groups]}}}}


def _positive_units(node: T.Node) -> Iterator[T.Node]:
    """Positive leaves, with each OR made only of quote-field terms kept whole (one group)."""
    if isinstance(node, T.Or) and node.children and all(
            isinstance(c, T.Term) and c.field == S.QUOTE for c in node.children):
        yield node
        return
    if isinstance(node, T.Not):
        return
    if isinstance(node, T.AndNot):
        yield from _positive_units(node.positive)
        return
    kids = T.children(node)
    if not kids:
        yield node
        return
    for child in kids:
        yield from _positive_units(child)


def _all(clauses) -> dict:
    clauses = list(clauses)
    return {"bool": {"filter": clauses}} if clauses else {"match_all": {}}


def _sort(request: SearchRequest, tree: T.Node) -> list:
    """The order of ``request``; ties by id, as the Whoosh backend orders them."""
    if request.sort == "indexed":
        return [{S.INDEXED: {"order": "desc", "missing": "_last"}}, {S.ID: "desc"}]
    words = any(isinstance(leaf, T.WORD_LEAVES) for leaf in T.positive_leaves(tree))
    if request.sort in ("newest", "oldest") or not words:
        # A query without words (everything, a date range) lists the newest first.
        order = "asc" if request.sort == "oldest" else "desc"
        return [{"day": {"order": order, "missing": "_last"}}, {S.ID: "asc"}]
    # Equal scores: newest first, then by id (as the Whoosh backend ranks them).
    return [{"_score": "desc"}, {"day": {"order": "desc", "missing": "_last"}}, {S.ID: "asc"}]


def _highlight(tree: T.Node) -> dict:
    """Snippets of the body around the query's words (the body's first characters when none)."""
    words = [leaf for leaf in T.positive_leaves(tree)
             if isinstance(leaf, T.WORD_LEAVES) and leaf.field in (S.TITLE, S.BODY, S.QUOTE)]
    clauses = [to_dsl(_retarget(leaf), lambda _name: S.BODY) for leaf in words]
    highlight: dict = {
        "pre_tags": ["<mark>"], "post_tags": ["</mark>"], "encoder": "html",
        "fields": {S.BODY: {"type": "unified", "fragment_size": SNIPPET_CHARS, "number_of_fragments": 1,
                            "no_match_size": SNIPPET_CHARS}},
    }
    if clauses:
        highlight["highlight_query"] = {"bool": {"should": clauses}}
    else:
        highlight["highlight_query"] = {"match_none": {}}
    return highlight


def _retarget(leaf: T.Node) -> T.Node:
    """A word leaf with boost 1 (boosts mean nothing to the highlighter)."""
    if isinstance(leaf, T.Term):
        return T.Term(leaf.field, leaf.text)
    return leaf


def _hit(raw: dict, words: set[str], speaker_keys: set[str], aliases: AliasTable) -> Hit:
    source = raw["_source"]
    stored = source.get(O.STORED, {})
    record = json.loads(stored.get(S.RECORD) or "{}")
    speakers = record.get("speakers", [])
    inner = raw.get("inner_hits", {}).get(O.QUOTES, {}).get("hits", {}).get("hits", [])
    quote = inner[0]["_source"].get(O.QUOTE_TEXT) if inner else None
    quote = quote or best_quote(speakers, words, speaker_keys, aliases)
    if quote:
        text = snippet(quote, words)
    else:
        fragments = raw.get("highlight", {}).get(S.BODY, [])
        text = sanitize(fragments[0]) if fragments else ""
    return Hit(
        id=source[S.ID],
        title=source.get(S.TITLE, ""),
        outlet=stored.get(S.OUTLET) or None,
        published=source.get("published"),
        speakers=[s["name"] for s in speakers],
        url=S.web_url(stored.get(S.URL)),
        snippet=text,
        indexed=record.get(S.INDEXED),
        cluster=source.get(O.CLUSTER) or source[S.ID],
    )


def _copy(source: dict) -> Copy:
    pairs = source.get(O.pair_field(S.OUTLET)) or []
    outlet = _display(pairs[0]) if pairs else None
    return Copy(id=source[S.ID], outlet=outlet, published=source.get("published"),
                original=bool(source.get(O.IS_ORIGINAL, True)))


def _apply_copies(hits: list[Hit], response: dict) -> None:
    members: dict[str, list[Copy]] = {}
    for raw in response["hits"]["hits"]:
        members.setdefault(raw["_source"][O.CLUSTER], []).append(_copy(raw["_source"]))
    sizes = {b["key"]: b["doc_count"] for b in response["aggregations"]["sizes"]["buckets"]}
    for hit in hits:
        cluster = members.get(hit.cluster or "", [])
        others = [c for c in cluster if c.id != hit.id]
        hit.copies = others[:COPIES_LISTED]
        hit.copies_total = max(0, sizes.get(hit.cluster or "", 1) - 1)
        if cluster:
            hit.cluster = cluster[0].id
        outlets = dict.fromkeys(c.outlet for c in hit.copies if c.outlet and c.outlet != hit.outlet)
        hit.also_published_by = list(outlets)


def _incomplete(response: dict) -> bool:
    """Whether one answer of an ``_msearch`` failed or left out some shards."""
    return "error" in response or bool(response.get("_shards", {}).get("failed"))


def _display(pair: str) -> str:
    """The display spelling of a ``<kind>_pair`` value."""
    return pair.split(O.PAIR_SEPARATOR, 1)[1]


def _spellings_agg(kind: str, keys: set[str]) -> dict:
    """Counts of every (key, spelling) pair of ``keys`` over the whole index."""
    pattern = "|".join(_regex_escape(key) for key in sorted(keys))
    return {"terms": {"field": O.pair_field(kind), "include": f"({pattern}){O.PAIR_SEPARATOR}.*",
                      "size": 10 * len(keys) + 100}}


def _regex_escape(text: str) -> str:
    """``text`` as a literal in Lucene's regular expression syntax."""
    return "".join("\\" + c if c in _LUCENE_REGEX_SPECIAL else c for c in text)


_LUCENE_REGEX_SPECIAL = set('.?+*|{}[]()"\\#@&<>~^$')


def spellings(buckets: list[dict]) -> dict[str, str]:
    """Key -> the spelling to show (``search.names.shown_spelling``, as Whoosh's facet arrays
    choose it), from the buckets of :func:`_spellings_agg`."""
    counts: dict[str, list[tuple[str, int]]] = {}
    for bucket in buckets:
        key, display = bucket["key"].split(O.PAIR_SEPARATOR, 1)
        counts.setdefault(key, []).append((display, bucket["doc_count"]))
    return {key: shown_spelling(pairs) for key, pairs in counts.items()}


def _apply_displays(facets: dict, aggs: dict, unknown: set[int]) -> None:
    organizations = {b["key"] for b in aggs.get("organizations", {}).get("buckets", [])}
    for kind in S.FACET_KINDS:
        displays = spellings(aggs.get(kind, {}).get("buckets", []))
        for value in facets[kind]:
            if id(value) not in unknown:
                key = value.value
                value.value = displays.get(key, key)
                if kind == S.SPEAKER:
                    value.type = "organization" if key in organizations else "person"


def _summary(name: str | None, articles: int, days: dict) -> OutletSummary:
    dated = days["count"]

    def iso(day: float | None) -> str | None:
        return None if day is None else S.day_to_date(int(day)).isoformat()

    return OutletSummary(name=name, articles=articles, undated=articles - dated,
                         first=iso(days["min"]) if dated else None, last=iso(days["max"]) if dated else None)


_TOKEN_FIELDS = [O.SEARCH_FIELDS[f] for f in O.SEARCH_FIELDS if f != S.DATE] + [O.QUOTES]


def _reason(exc) -> str:
    info = getattr(exc, "info", None)
    if isinstance(info, dict):
        error = info.get("error", {})
        if isinstance(error, dict):
            causes = error.get("root_cause") or [error]
            return "; ".join(str(c.get("reason", c.get("type", ""))) for c in causes)
        return str(error)
    return str(getattr(exc, "error", exc))


def _index_missing(exc) -> bool:
    info = getattr(exc, "info", None)
    return isinstance(info, dict) and isinstance(info.get("error"), dict) and \
        info["error"].get("type") == "index_not_found_exception"


class _NoSuchArticle(Exception):
    """The index exists but has no document with that id."""
