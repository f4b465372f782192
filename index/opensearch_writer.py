"""Indexing into OpenSearch: the same walk, extraction and documents as the Whoosh writer.

``index_paths_opensearch`` reads the archive with ``index.readers`` and hashes each article
(``content_hash``) exactly as ``index.writer`` does; changed articles go to the same worker
processes (``index.writer._ProcessWorkers`` with a document worker in place of the segment
worker), which extract them, build the Whoosh document (``to_document``), its copy signature
(``index.copies.signature``) and the OpenSearch ``_source`` (``search.opensearch_schema.to_source``)
and send that back.  The main process assigns copy clusters and writes bulk requests.

**State lives in the index.**  Each document carries its content hash (``hash``), the PATH argument
it was found under (``root``) and its source file.  A run first reads (scroll) ``id``, ``hash`` and
``indexed`` of every document whose ``root`` is one of its own roots: that is its manifest.  An
article whose hash is unchanged is skipped; a changed one is re-extracted and replaces the document
of the same ``_id``; an article of one of the run's roots that the run did not produce (file
deleted or no longer holding it, unreadable) is deleted.  No local file, so any machine can run the
next incremental update.  Unlike the Whoosh manifest there is no per-file fingerprint: every source
file is read and hashed again on each run (reading costs a fraction of extraction).

**Disjoint runs may write one index at once.**  A run reads, writes and deletes only documents of
its roots (ids start with the root; deletions are computed from the documents whose ``root`` field
is one of the run's roots), so ``dateline index archive/2019`` and ``dateline index archive/2020``
on two machines never touch each other's documents, except for the ``cluster``/``is_original``
fields of copies (below).  Two runs given roots of the same name (``/a/news`` and ``/b/news``)
would share ids and delete each other's articles, exactly as with one Whoosh index.

**Ids are idempotent.**  ``_id`` is the article id (:func:`search.opensearch_schema.doc_id` hashes
one longer than 512 bytes; the id stays in ``id``), so a rerun or two processes writing the same
article replace one document, never add a second.

**Bulk writes** hold at most :data:`BULK_ACTIONS` actions and :data:`BULK_BYTES` bytes.  A request
answered 429, 502, 503 or 504, or lost to a connection error or timeout, is sent again after an
exponential back-off with jitter (capped per wait and in total, :class:`RetryPolicy`); items
rejected with 429 are retried the same way.  Other per-document errors are reported as failures
(id and OpenSearch's reason) and make the CLI exit non-zero; documents still refused when the
retry time is spent end the run with :class:`OpenSearchIndexError`.

**Copy clusters** (issue 14, :mod:`index.copies`): each document stores its LSH band keys and
MinHash signature.  Per batch of written articles, the index is refreshed and each new or changed
article's candidates are found with one terms query on the batch's band keys (the indexed articles
sharing a bucket with any of them); it joins every cluster with a member whose estimated similarity reaches
:data:`index.copies.THRESHOLD`, and the clusters it links become one.  Clusters that lost a member
(deleted or changed) are recomputed from their remaining members.  Each cluster's original is its
earliest-dated member (undated after dated, ties to the smallest id), as ``search.copies`` decides
for Whoosh; ``cluster`` holds the original's id, and members whose ``cluster``/``is_original``
change get a partial update in the same bulk round.  For a given archive the clusters are connected
components, independent of order.

*The race.*  Two processes that write near-duplicate articles at the same instant each query
before the other's batch is refreshed: neither sees the other's copy, and both articles stay
originals of separate clusters (searches then show both) until a later run rewrites one of them or
:func:`recluster_opensearch` (``dateline index --backend opensearch --recluster``) recomputes
every cluster from the stored signatures.  Likewise two runs updating the members of one cluster at
once can leave the last writer's view; the recluster pass repairs that too.
"""

from __future__ import annotations

import json
import logging
import os
import random
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from index.copies import THRESHOLD, similarity
from index.document import content_hash
from index.readers import ReadFailure, ReadWarning, discover, read_source
from index.writer import (
    CHUNK_SIZE,
    MAX_IN_FLIGHT,
    IndexReport,
    _InlineWorkers,
    _ProcessWorkers,
    _progress_bar,
)
from search import opensearch_schema as O
from search import schema as S

#: Actions per bulk request, and bytes per bulk request (whichever comes first).
BULK_ACTIONS = 500
BULK_BYTES = 8 * 1024 * 1024
#: Articles per round of copy clustering and bulk writing.
BATCH_ARTICLES = 500
#: Statuses of a request (or of a bulk item) worth sending again.
RETRY_STATUSES = frozenset({429, 502, 503, 504})
#: Band keys per candidate query (OpenSearch's index.max_terms_count defaults to 65,536).
MAX_TERMS = 50_000
#: Documents per scroll page.
SCROLL_SIZE = 2000
DEFAULT_URL = "http://127.0.0.1:9200"
DEFAULT_INDEX = "dateline"

log = logging.getLogger(__name__)


class OpenSearchIndexError(RuntimeError):
    """The cluster is unreachable, the index is incompatible, or documents could not be written."""


@dataclass(frozen=True)
class RetryPolicy:
    """Exponential back-off: wait ``base * 2**n`` seconds (at most ``cap``), times a random factor
    in [0.5, 1] (jitter, so writers refused together do not come back together), for at most
    ``total`` seconds of waiting per request."""

    base: float = 0.5
    cap: float = 30.0
    total: float = 600.0

    def delay(self, attempt: int) -> float:
        return min(self.cap, self.base * 2 ** attempt) * random.uniform(0.5, 1.0)


@dataclass
class OpenSearchReport(IndexReport):
    """:class:`IndexReport` plus what went over the wire.

    ``actions``: bulk actions written (index, delete, update; each counted once however often it was
    retried); ``cluster_updates`` of them were partial updates of other articles' copy-cluster
    fields; ``bulk_requests`` HTTP bulk requests sent (retries included); ``retries`` requests sent
    again (whole requests and rounds of rejected items); ``rejected`` documents OpenSearch refused
    for good (also listed in ``failed``); ``refreshes`` refresh calls.
    """

    actions: int = 0
    cluster_updates: int = 0
    bulk_requests: int = 0
    retries: int = 0
    rejected: int = 0
    refreshes: int = 0
    #: Seconds the run waited for bulk responses, and spent assigning copy clusters (queries
    #: included), out of ``seconds``.
    bulk_seconds: float = 0.0
    cluster_seconds: float = 0.0

    def summary(self) -> str:
        return (super().summary().replace(" commits)", " bulk rounds)")
                + f"; {self.actions} actions in {self.bulk_requests} bulk requests, "
                  f"{self.retries} retries, {self.cluster_updates} cluster updates")


# -- the cluster connection ---------------------------------------------------------------------
def connect(url: str, *, timeout: float = 120.0):
    """A client for ``url`` (several comma-separated node URLs: a connection pool over them).

    The client does not retry by itself: :class:`_Calls` does, counting and backing off.
    """
    from opensearchpy import OpenSearch

    hosts = [part.strip() for part in url.split(",") if part.strip()]
    return OpenSearch(hosts=hosts, timeout=timeout, max_retries=0, retry_on_timeout=False)


def _retryable(exc: BaseException) -> bool:
    from opensearchpy.exceptions import ConnectionError as OSConnectionError
    from opensearchpy.exceptions import TransportError

    if isinstance(exc, OSConnectionError):  # ConnectionTimeout is one too
        return True
    return isinstance(exc, TransportError) and exc.status_code in RETRY_STATUSES


def _describe(exc: BaseException) -> str:
    from opensearchpy.exceptions import ConnectionError as OSConnectionError
    from opensearchpy.exceptions import TransportError

    if isinstance(exc, OSConnectionError):
        return f"connection failed ({type(exc).__name__}: {exc.info or exc.error})"[:300]
    if isinstance(exc, TransportError):
        return f"HTTP {exc.status_code} {exc.error}"[:300]
    return repr(exc)[:300]


class _Calls:
    """Every request of a run goes through :meth:`call`: retried with back-off on 429/5xx and
    connection errors, then an :class:`OpenSearchIndexError` naming the URL."""

    def __init__(self, client, url: str, report: OpenSearchReport, retry: RetryPolicy,
                 sleep: Callable[[float], None] = time.sleep) -> None:
        self.client = client
        self.url = url
        self.report = report
        self.retry = retry
        self.sleep = sleep

    def backoff(self, attempt: int, started: float, what: str, reason: str) -> None:
        """Wait before attempt ``attempt + 1``, or raise when the retry time is spent."""
        delay = self.retry.delay(attempt)
        spent = time.monotonic() - started
        if spent + delay > self.retry.total:
            raise OpenSearchIndexError(
                f"OpenSearch at {self.url}: {what} still failing after {attempt + 1} attempts over "
                f"{spent:.0f} s ({reason}); what was written so far is kept: rerun to finish")
        log.warning("OpenSearch at %s: %s failed (%s); retrying in %.1f s", self.url, what, reason, delay)
        self.report.retries += 1
        self.sleep(delay)

    def call(self, what: str, fn: Callable[[], object]):
        started, attempt = time.monotonic(), 0
        while True:
            try:
                return fn()
            except Exception as exc:
                from opensearchpy.exceptions import TransportError

                if isinstance(exc, TransportError) and not _retryable(exc):
                    raise OpenSearchIndexError(f"OpenSearch at {self.url}: {what} failed: "
                                               f"{_describe(exc)}") from exc
                if not _retryable(exc):
                    raise
                self.backoff(attempt, started, what, _describe(exc))
                attempt += 1


# -- the index ----------------------------------------------------------------------------------
def _mapping_differences(expected: dict, actual: dict, prefix: str = "") -> list[str]:
    """Fields of ``expected`` (mapping properties) missing or typed differently in ``actual``."""
    found = []
    for name, spec in expected.items():
        path = prefix + name
        have = actual.get(name)
        if have is None:
            found.append(f"{path} missing")
            continue
        want_type = spec.get("type", "object")
        have_type = have.get("type", "object")
        if want_type != have_type:
            found.append(f"{path} is {have_type}, not {want_type}")
        elif spec.get("analyzer", "default") != have.get("analyzer", "default"):
            found.append(f"{path} analysed by {have.get('analyzer', 'default')}, not {spec['analyzer']}")
        for sub in ("properties", "fields"):
            if sub in spec and spec.get("enabled", True):
                found += _mapping_differences(spec[sub], have.get(sub, {}), path + ".")
    return found


def ensure_index(client, url: str, index_name: str, *, shards: int = 3, replicas: int = 1,
                 rebuild: bool = False) -> bool:
    """Create ``index_name`` with :func:`search.opensearch_schema.index_body` unless it exists
    (``rebuild``: delete it first); check an existing one's mapping.  Returns whether it was created.

    Raises :class:`OpenSearchIndexError` when the cluster cannot be reached (naming ``url``) or the
    existing index's mapping is not the one this version writes (suggesting ``--rebuild``).
    """
    from opensearchpy.exceptions import ConnectionError as OSConnectionError
    from opensearchpy.exceptions import RequestError, TransportError

    try:
        exists = client.indices.exists(index=index_name)
        if rebuild and exists:
            client.indices.delete(index=index_name)
            exists = False
        created = False
        if not exists:
            try:
                client.indices.create(index=index_name, body=O.index_body(shards, replicas))
                created = True
            except RequestError as exc:
                if exc.error != "resource_already_exists_exception":  # another run created it
                    raise OpenSearchIndexError(
                        f"OpenSearch at {url} refused to create the index {index_name!r}: "
                        f"{exc.error}: {_reason(exc.info)}") from exc
        mappings = client.indices.get_mapping(index=index_name)
    except OSConnectionError as exc:
        raise OpenSearchIndexError(f"cannot reach OpenSearch at {url}: {_describe(exc)}") from exc
    except TransportError as exc:
        raise OpenSearchIndexError(f"OpenSearch at {url}: {_describe(exc)}") from exc
    expected = O.index_body(shards, replicas)["mappings"]["properties"]
    for concrete, body in mappings.items():  # one entry, or several behind an alias
        differences = _mapping_differences(expected, body.get("mappings", {}).get("properties", {}))
        if differences:
            more = f" (and {len(differences) - 3} more)" if len(differences) > 3 else ""
            raise OpenSearchIndexError(
                f"the index {concrete!r} at {url} was not made by this version of Dateline: "
                f"{'; '.join(differences[:3])}{more}; rebuild it with "
                f"`dateline index --backend opensearch --index-name {index_name} --rebuild PATHS`")
    return created


def _reason(info) -> str:
    try:
        return info["error"]["reason"]
    except (TypeError, KeyError):
        return str(info)[:300]


def _scan(calls: _Calls, index_name: str, query: dict, fields: list[str]) -> Iterator[dict]:
    """``_source`` (restricted to ``fields``) of every document matching ``query``."""
    from opensearchpy import helpers

    # A scroll cannot resume after a failure: it starts over, skipping what was already yielded.
    # Shards failing mid-scroll (ScanError) are a node lost until its replicas take over: retried
    # like a connection error, within the same back-off budget.
    seen: set[str] = set()
    started, attempt = time.monotonic(), 0
    while True:
        try:
            for hit in helpers.scan(calls.client, index=index_name, size=SCROLL_SIZE, scroll="5m",
                                    query={"query": query, "_source": fields}):
                if hit["_id"] not in seen:
                    seen.add(hit["_id"])
                    yield hit["_source"]
            return
        except Exception as exc:
            if not (_retryable(exc) or isinstance(exc, helpers.ScanError)):
                raise OpenSearchIndexError(f"OpenSearch at {calls.url}: reading {index_name} failed: "
                                           f"{_describe(exc)}") from exc
            calls.backoff(attempt, started, "a scroll", _describe(exc))
            attempt += 1


def _root_of(path: Path) -> str:
    """The root name :func:`index.readers.discover` gives the articles under ``path``."""
    return Path(os.path.abspath(path)).name or "root"


# -- workers ------------------------------------------------------------------------------------
@dataclass
class _Written:
    """One extracted article on its way to the index: ``line`` is its ``_source`` as JSON without
    the cluster fields, which the main process adds."""

    id: str
    day: int | None
    sig: bytes | None
    line: str

    def source_line(self, cluster: str, is_original: bool) -> str:
        fields = json.dumps({O.CLUSTER: cluster, O.IS_ORIGINAL: is_original}, ensure_ascii=False)
        return self.line[:-1] + ", " + fields[1:]


class _DocumentWorker:
    """Extracts articles into OpenSearch documents (in a worker process or inline).

    Emits ("docs", [_Written]) and ("acks", count, failures) per chunk, as the segment worker
    emits its acks.
    """

    def __init__(self, alias_path: str | None, emit: Callable[[tuple], None]) -> None:
        from index.extract import AliasTable

        self.aliases = AliasTable.load(alias_path) if alias_path else AliasTable.default()
        self.emit = emit

    def handle(self, chunk: list[tuple]) -> None:
        from index.copies import signature
        from index.document import to_document
        from index.extract import extract

        docs, failures = [], []
        for _kind, article, source, digest, indexed_at, root in chunk:
            try:
                extracted = extract(article, self.aliases)
                doc = to_document(article, extracted, digest, self.aliases, indexed_at=indexed_at)
                sig = signature(extracted.body)
                body = O.to_source(doc, self.aliases)
                del body[O.CLUSTER], body[O.IS_ORIGINAL]
                body[O.ROOT] = root
                body[O.SOURCE_FILE] = source
                body.update(O.copy_fields(sig))
                line = json.dumps(body, ensure_ascii=False, separators=(",", ":"))
            except Exception as exc:  # one article's extraction bug must not stop the run
                reason = f"extraction failed: {exc!r}"
                failures.append((ReadFailure(article.id, article.path, reason), source))
                continue
            docs.append(_Written(article.id, body["day"], sig, line))
        if docs:
            self.emit(("docs", docs))
        self.emit(("acks", len(chunk), failures))

    def flush(self) -> None:
        pass

    def cancel(self) -> None:
        pass


# -- bulk writes --------------------------------------------------------------------------------
@dataclass
class _Action:
    """One bulk action: ``op`` index | delete | update, the article id, and its body line (or None)."""

    op: str
    id: str
    body: str | None = None

    def lines(self) -> str:
        meta: dict = {"_id": O.doc_id(self.id)}
        if self.op == "update":
            meta["retry_on_conflict"] = 5
        text = json.dumps({self.op: meta}, ensure_ascii=False) + "\n"
        return text + self.body + "\n" if self.body is not None else text


class _BulkWriter:
    """Sends actions in bounded bulk requests, retrying refused requests and items."""

    def __init__(self, calls: _Calls, index_name: str, *, max_actions: int = BULK_ACTIONS,
                 max_bytes: int = BULK_BYTES) -> None:
        self.calls = calls
        self.index_name = index_name
        self.max_actions = max_actions
        self.max_bytes = max_bytes
        self.report = calls.report

    def write(self, actions: list[_Action]) -> set[str]:
        """Write ``actions``; return the ids of the index actions that succeeded."""
        written: set[str] = set()
        batch: list[tuple[_Action, str]] = []
        size = 0
        for action in actions:
            text = action.lines()
            length = len(text.encode("utf-8"))
            if batch and (len(batch) >= self.max_actions or size + length > self.max_bytes):
                written |= self._send(batch)
                batch, size = [], 0
            batch.append((action, text))
            size += length
        if batch:
            written |= self._send(batch)
        return written

    def _send(self, batch: list[tuple[_Action, str]]) -> set[str]:
        report = self.report
        report.actions += len(batch)
        report.cluster_updates += sum(1 for action, _t in batch if action.op == "update")
        written: set[str] = set()
        pending = batch
        started, attempt = time.monotonic(), 0
        while pending:
            payload = "".join(text for _a, text in pending)
            report.bulk_requests += 1
            sent = time.perf_counter()
            try:
                response = self.calls.client.bulk(body=payload, index=self.index_name)
                report.bulk_seconds += time.perf_counter() - sent
            except Exception as exc:
                report.bulk_seconds += time.perf_counter() - sent
                if not _retryable(exc):
                    raise OpenSearchIndexError(f"OpenSearch at {self.calls.url}: bulk request refused: "
                                               f"{_describe(exc)}") from exc
                self.calls.backoff(attempt, started, f"a bulk request of {len(pending)} actions",
                                   _describe(exc))
                attempt += 1
                continue
            again, reason = [], ""
            for (action, text), item in zip(pending, response["items"], strict=True):
                ((_op, result),) = item.items()
                status = result.get("status", 500)
                if status < 300 or (status == 404 and action.op in ("delete", "update")):
                    # 404: already deleted (by an earlier attempt or another run): nothing to do.
                    if action.op == "index":
                        written.add(action.id)
                elif status in RETRY_STATUSES:
                    again.append((action, text))
                    reason = _item_reason(result)
                else:
                    report.rejected += 1
                    report.failed.append((action.id, f"OpenSearch refused the {action.op}: "
                                                     f"{_item_reason(result)}"))
            pending = again
            if pending:
                self.calls.backoff(attempt, started, f"{len(pending)} bulk items", reason)
                attempt += 1
        return written


def _item_reason(result: dict) -> str:
    error = result.get("error")
    if isinstance(error, dict):
        return f"{error.get('type')}: {error.get('reason')}"[:300]
    return f"status {result.get('status')}: {error}"[:300]


# -- copy clusters ------------------------------------------------------------------------------
def _order(day: int | None, article_id: str) -> tuple:
    """A cluster's original sorts first: earliest date, undated after dated, then smallest id."""
    return (day is None, day or 0, article_id)


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}

    def find(self, key: str) -> str:
        parent = self.parent
        parent.setdefault(key, key)
        root = key
        while parent[root] != root:
            root = parent[root]
        while parent[key] != root:
            parent[key], key = root, parent[key]
        return root

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


@dataclass
class _Member:
    id: str
    day: int | None
    cluster: str | None = None  # as stored (None: a new article)
    is_original: bool | None = None
    sig: bytes | None = None


_MEMBER_FIELDS = [S.ID, "day", O.CLUSTER, O.IS_ORIGINAL]


def _member(source: dict, with_sig: bool = False) -> _Member:
    return _Member(source[S.ID], source.get("day"), source.get(O.CLUSTER), source.get(O.IS_ORIGINAL),
                   O.copy_signature(source) if with_sig else None)


def _link_locally(members: list[_Member], uf: _UnionFind) -> None:
    """Union the members that are copies of each other (LSH buckets, then the similarity)."""
    from index.copies import band_keys

    buckets: dict[bytes, list[int]] = {}
    for n, member in enumerate(members):
        if member.sig is None:
            continue
        candidates: set[int] = set()
        keys = band_keys(member.sig)
        for key in keys:
            candidates.update(buckets.get(key, ()))
        for other in sorted(candidates):
            if uf.find(members[other].id) == uf.find(member.id):
                continue  # already joined: one copy in a cluster is enough
            if similarity(member.sig, members[other].sig) >= THRESHOLD:
                uf.union(member.id, members[other].id)
        for key in keys:
            buckets.setdefault(key, []).append(n)


class _Clusters:
    """Assigns copy clusters to one batch of written and deleted articles (see the module doc)."""

    def __init__(self, calls: _Calls, index_name: str) -> None:
        self.calls = calls
        self.index_name = index_name

    def assign(self, added: list[_Written],
               removed: set[str]) -> tuple[dict[str, tuple[str, bool]], list[_Action]]:
        """(cluster, is_original) of each added article, and the updates of other articles.

        ``removed``: ids whose indexed version goes away in this batch (deleted, or replaced by an
        article of ``added``).
        """
        added_ids = {doc.id for doc in added}
        gone = removed | added_ids  # their indexed versions must not be linked to
        broken = self._old_labels(removed)
        remaining = []
        if broken:
            for source in _scan(self.calls, self.index_name, {"terms": {O.CLUSTER: sorted(broken)}},
                                [*_MEMBER_FIELDS, O.COPY_SIGNATURE]):
                if source[S.ID] not in gone:
                    remaining.append(_member(source, with_sig=True))
        uf = _UnionFind()
        linked = self._candidates(added, broken, gone, uf)  # label -> members
        new = [_Member(doc.id, doc.day, sig=doc.sig) for doc in added]
        _link_locally([*new, *remaining], uf)
        # Components: members by their union-find root; an intact cluster is the node "L:<label>".
        components: dict[str, list[_Member]] = {}
        for member in [*new, *remaining]:
            components.setdefault(uf.find(member.id), []).append(member)
        for label, members in linked.items():
            components.setdefault(uf.find("L:" + label), []).extend(members)
        assigned: dict[str, tuple[str, bool]] = {}
        updates: list[_Action] = []
        for members in components.values():
            original = min(members, key=lambda m: _order(m.day, m.id)).id
            for member in members:
                target = (original, member.id == original)
                if member.id in added_ids:
                    assigned[member.id] = target
                elif (member.cluster, member.is_original) != target:
                    body = json.dumps({"doc": {O.CLUSTER: target[0], O.IS_ORIGINAL: target[1]}},
                                      ensure_ascii=False)
                    updates.append(_Action("update", member.id, body))
        return assigned, updates

    def _old_labels(self, removed: set[str]) -> set[str]:
        """Clusters of more than one member that lose one of ``removed``."""
        if not removed:
            return set()
        labels = set()
        ids = sorted(removed)
        for start in range(0, len(ids), 1000):
            part = ids[start:start + 1000]
            response = self.calls.call("mget", lambda part=part: self.calls.client.mget(
                index=self.index_name, body={"ids": [O.doc_id(i) for i in part]},
                params={"_source_includes": O.CLUSTER, "realtime": "true"}))
            for doc in response["docs"]:
                if doc.get("found") and doc["_source"].get(O.CLUSTER):
                    labels.add(doc["_source"][O.CLUSTER])
        return labels

    def _candidates(self, added: list[_Written], broken: set[str], gone: set[str],
                    uf: _UnionFind) -> dict[str, list[_Member]]:
        """Union each added article with the intact indexed clusters it is a copy of; return
        those clusters' members (label -> members).

        One query per batch: every indexed article sharing a band key with any article of the
        batch (a terms query on the batch's keys; most articles share none, so this is the few
        real candidates), compared here bucket by bucket.  As in ``index.copies``, a cluster's
        other candidates are skipped once one of its members is a copy.  (A query per article,
        collapsed by cluster, cost 106 s of a 5,000-article AllSides run on a loaded 3-node
        cluster; this costs 18 s, same clusters.)
        """
        with_sig = [(doc, O.copy_fields(doc.sig)[O.COPY_BANDS]) for doc in added if doc.sig is not None]
        keys = sorted({key for _doc, bands in with_sig for key in bands})
        hits: list[dict] = []
        for start in range(0, len(keys), MAX_TERMS):
            query: dict = {"bool": {"filter": [{"terms": {O.COPY_BANDS: keys[start:start + MAX_TERMS]}}]}}
            if broken:  # their remaining members are compared locally
                query["bool"]["must_not"] = [{"terms": {O.CLUSTER: sorted(broken)}}]
            hits += [source for source in _scan(self.calls, self.index_name, query,
                                                [S.ID, O.CLUSTER, O.COPY_BANDS, O.COPY_SIGNATURE])
                     if source[S.ID] not in gone]
        hits = list({source[S.ID]: source for source in hits}.values())  # key chunks may overlap
        hits.sort(key=lambda source: source[S.ID])
        buckets: dict[str, list[int]] = {}
        for n, source in enumerate(hits):
            for key in source.get(O.COPY_BANDS) or ():
                buckets.setdefault(key, []).append(n)
        labels: set[str] = set()
        for doc, bands in with_sig:
            candidates: set[int] = set()
            for key in bands:
                candidates.update(buckets.get(key, ()))
            joined: set[str] = set()
            for n in sorted(candidates):
                source = hits[n]
                if source[O.CLUSTER] in joined:
                    continue
                other = O.copy_signature(source)
                if other is not None and similarity(doc.sig, other) >= THRESHOLD:
                    joined.add(source[O.CLUSTER])
                    uf.union(doc.id, "L:" + source[O.CLUSTER])
            labels |= joined
        linked: dict[str, list[_Member]] = {}
        if labels:
            for source in _scan(self.calls, self.index_name, {"terms": {O.CLUSTER: sorted(labels)}},
                                _MEMBER_FIELDS):
                if source[S.ID] not in gone:
                    linked.setdefault(source[O.CLUSTER], []).append(_member(source))
        return linked


def recluster_opensearch(url: str = DEFAULT_URL, index_name: str = DEFAULT_INDEX, *,
                         retry: RetryPolicy | None = None) -> OpenSearchReport:
    """Recompute every copy cluster of ``index_name`` from the stored signatures and fix the
    ``cluster``/``is_original`` fields that differ (repairs the race described in the module doc).

    Holds every clustered article's signature in memory (about 0.4 KB each: 64 values, its id and key).
    """
    report = OpenSearchReport()
    started = time.perf_counter()
    calls = _Calls(connect(url), url, report, retry or RetryPolicy())
    ensure_index(calls.client, url, index_name)
    members = [_member(source, with_sig=True) for source in _scan(
        calls, index_name, {"match_all": {}}, [*_MEMBER_FIELDS, O.COPY_SIGNATURE])]
    members.sort(key=lambda m: m.id)
    uf = _UnionFind()
    _link_locally(members, uf)
    components: dict[str, list[_Member]] = {}
    for member in members:
        components.setdefault(uf.find(member.id), []).append(member)
    updates = []
    for group in components.values():
        original = min(group, key=lambda m: _order(m.day, m.id)).id
        for member in group:
            target = (original, member.id == original)
            if (member.cluster, member.is_original) != target:
                updates.append(_Action("update", member.id, json.dumps(
                    {"doc": {O.CLUSTER: target[0], O.IS_ORIGINAL: target[1]}}, ensure_ascii=False)))
    _BulkWriter(calls, index_name).write(updates)
    calls.call("refresh", lambda: calls.client.indices.refresh(index=index_name))
    report.refreshes += 1
    report.unchanged = len(members) - len(updates)
    report.seconds = time.perf_counter() - started
    return report


# -- the run ------------------------------------------------------------------------------------
def _plan(paths: list[Path], known: dict[str, tuple[str, int | None]],
          clock: Callable[[], float]) -> Iterator[tuple]:
    """Work items in archive order, as ``index.writer._plan`` yields them, from ``known``
    (id -> (hash, indexed at)) instead of a manifest; articles carry their root as a sixth member."""
    produced: set[str] = set()
    for found in discover(paths):
        if isinstance(found, ReadWarning):
            yield ("warning", found, None, None)
            continue
        if isinstance(found, ReadFailure):
            yield ("failure", found, None, None)
            continue
        src = found
        for item in read_source(src):
            if isinstance(item, ReadFailure):
                yield ("failure", item, src.rel, None)
                continue
            produced.add(item.id)
            digest = content_hash(item)
            old = known.get(item.id)
            if old is not None and old[0] == digest:
                yield ("unchanged", 1, src.rel, None)
            else:
                indexed_at = (old[1] if old else None) or int(clock())
                yield ("article", item, src.rel, digest, indexed_at, src.root)
    for gone in sorted(known.keys() - produced):
        yield ("delete", gone, None, None)


class _Run:
    """One ``index_paths_opensearch`` call: dispatches articles, writes batches."""

    def __init__(self, calls: _Calls, index_name: str, known: dict, workers, bar,
                 on_commit: Callable[[int, int], None] | None, batch: int) -> None:
        self.calls = calls
        self.index_name = index_name
        self.report = calls.report
        self.known = known
        self.workers = workers
        self.bar = bar
        self.on_commit = on_commit
        self.batch = batch
        self.writer = _BulkWriter(calls, index_name)
        self.clusters = _Clusters(calls, index_name)
        self.in_flight = 0
        self.workers_running = workers.count
        self.chunk: list[tuple] = []
        self.pending: list[_Written] = []
        self.deletions: list[str] = []
        self.dirty = False  # written since the last refresh (by the writer thread)
        self.sender = _Sender(self.write)

    def take(self, item: tuple) -> None:
        kind, payload = item[:2]
        if kind == "article":
            self.chunk.append(item)
            if len(self.chunk) >= CHUNK_SIZE:
                self.send_chunk()
        elif kind == "unchanged":
            self.report.unchanged += payload
        elif kind == "failure":
            self.report.failed.append((payload.id, payload.reason))
        elif kind == "warning":
            self.report.warnings.append(payload.reason)
        elif kind == "delete":
            self.deletions.append(payload)

    def send_chunk(self) -> None:
        if self.chunk:
            self.in_flight += len(self.chunk)
            self.workers.submit(self.chunk)
            self.chunk = []
        while (event := self.workers.next_event(0)) is not None:
            self.handle(event)
        while self.in_flight >= MAX_IN_FLIGHT:
            self.handle(self.workers.next_event())

    def handle(self, event: tuple) -> None:
        kind = event[0]
        if kind == "docs":
            self.pending.extend(event[1])
            if len(self.pending) >= self.batch:
                self.write_batch()
        elif kind == "acks":
            _kind, count, failures = event
            self.in_flight -= count
            self.bar.update(count - len(failures))
            for failure, _source in failures:
                self.report.failed.append((failure.id, failure.reason))
        elif kind == "done":
            self.workers_running -= 1
        elif kind == "error":
            raise RuntimeError(f"an indexing worker failed:\n{event[1]}")

    def refresh(self) -> None:
        self.calls.call("refresh", lambda: self.calls.client.indices.refresh(index=self.index_name))
        self.report.refreshes += 1
        self.dirty = False

    def write_batch(self, deleted: list[str] = ()) -> None:
        """Hand the next batch of articles (or ``deleted`` ids) to the writer thread."""
        added, self.pending = self.pending[:self.batch], self.pending[self.batch:]
        if not added and not deleted:
            return
        # Two copies of one article id in a batch (an archive holding it twice): the last wins.
        by_id = {doc.id: doc for doc in added}
        self.sender.submit((list(by_id.values()), list(deleted)))

    def write(self, added: list[_Written], deleted: list[str]) -> None:
        """In the writer thread: copy clusters of one batch, then its bulk requests."""
        if self.dirty:  # copy candidates must see the previous batches
            self.refresh()
        replaced = {doc.id for doc in added if doc.id in self.known}
        started = time.perf_counter()
        assigned, updates = self.clusters.assign(added, replaced | set(deleted))
        self.report.cluster_seconds += time.perf_counter() - started
        actions = [_Action("index", doc.id, doc.source_line(*assigned.get(doc.id, (doc.id, True))))
                   for doc in added]
        actions += [_Action("delete", article_id) for article_id in deleted]
        actions += updates
        written = self.writer.write(actions)
        self.dirty = True
        self.report.indexed += len(written)
        self.report.deleted += len(deleted)
        self.report.commits += 1
        self.bar.set_postfix_str(f"written {self.report.indexed}", refresh=False)
        if self.on_commit:
            self.on_commit(len(written), self.report.indexed)

    def drain(self) -> None:
        self.send_chunk()
        self.workers.finish()
        while self.workers_running:
            self.handle(self.workers.next_event())
        while self.pending:
            self.write_batch()
        deletions = sorted(self.deletions)
        for start in range(0, len(deletions), self.batch):
            self.write_batch(deletions[start:start + self.batch])
        self.sender.finish()
        if self.dirty:
            self.refresh()


class _Sender:
    """The writer thread: batches are clustered and written in order, one at a time, while the
    main thread goes on reading the archive and feeding the workers (measured on 5,000 AllSides
    articles: the main thread spent 57 % of the run waiting for bulk responses and candidate
    queries before).  At most ``depth`` batches wait; an error in the thread is raised in the
    main thread at its next hand-over."""

    def __init__(self, write: Callable[[list, list], None], depth: int = 2) -> None:
        import queue
        import threading

        self._write = write
        self._queue: queue.Queue = queue.Queue(maxsize=depth)
        self._error: BaseException | None = None
        self._dropping = False  # the run is failing: drop what is still queued
        self._thread = threading.Thread(target=self._run, name="dateline-opensearch-writer", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while (item := self._queue.get()) is not None:
            if self._error is None and not self._dropping:  # else the run is failing: drop it
                try:
                    self._write(*item)
                except BaseException as exc:
                    self._error = exc

    def _check(self) -> None:
        if self._error is not None:
            raise self._error

    def submit(self, item: tuple) -> None:
        import queue

        while True:
            self._check()
            try:
                self._queue.put(item, timeout=0.5)
                return
            except queue.Full:
                continue

    def finish(self) -> None:
        """Wait for every batch handed over; raise the thread's error, if any."""
        self.close()
        self._check()

    def close(self, *, drop: bool = False) -> None:
        """End the thread after the batches handed over (``drop``: after the current one)."""
        self._dropping = self._dropping or drop
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()


def index_paths_opensearch(
    paths: Iterable[str | Path],
    url: str = DEFAULT_URL,
    index_name: str = DEFAULT_INDEX,
    *,
    shards: int = 3,
    replicas: int = 1,
    jobs: int | None = None,
    aliases: str | Path | None = None,
    rebuild: bool = False,
    progress: bool = True,
    on_commit: Callable[[int, int], None] | None = None,
    batch_size: int = BATCH_ARTICLES,
    retry: RetryPolicy | None = None,
    clock: Callable[[], float] = time.time,
) -> OpenSearchReport:
    """Index (or incrementally update) the articles under ``paths`` into ``index_name`` at ``url``.

    ``url``: one node's URL, or several separated by commas.  The index is created with ``shards``
    primaries and ``replicas`` replicas when missing (``rebuild``: deleted first).  ``jobs`` worker
    processes extract articles (default: one per CPU; 1 extracts in this process).  ``aliases`` is
    the alias file (as ``--aliases``).  ``on_commit(batch_count, total_written)`` is called after
    each bulk round of ``batch_size`` articles.  ``retry`` bounds the back-off (:class:`RetryPolicy`).
    Raises :class:`OpenSearchIndexError` (unreachable cluster, incompatible index, documents refused
    after retries); documents refused for good are in ``report.failed`` and ``report.rejected``.
    """
    paths = [Path(p) for p in paths]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise FileNotFoundError(f"no such archive path: {', '.join(missing)}")
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    report = OpenSearchReport()
    started = time.perf_counter()
    calls = _Calls(connect(url), url, report, retry or RetryPolicy())
    ensure_index(calls.client, url, index_name, shards=shards, replicas=replicas, rebuild=rebuild)
    roots = sorted({_root_of(p) for p in paths})
    known = {source[S.ID]: (source.get(S.HASH), source.get(S.INDEXED))
             for source in _scan(calls, index_name, {"terms": {O.ROOT: roots}}, [S.ID, S.HASH, S.INDEXED])}
    jobs = jobs or os.cpu_count() or 1
    alias_path = str(aliases) if aliases else None
    make_worker = _WorkerFactory(alias_path)
    workers = (_ProcessWorkers(None, None, jobs, make_worker=make_worker) if jobs > 1
               else _InlineWorkers(None, None, make_worker=make_worker))
    bar = _progress_bar(progress)
    run = None
    try:
        run = _Run(calls, index_name, known, workers, bar, on_commit, batch_size)
        for item in _plan(paths, known, clock):
            run.take(item)
        run.drain()
    finally:
        workers.close()
        if run is not None:  # after the run's own finish() this does nothing
            run.sender.close(drop=True)
        bar.close()
    report.seconds = time.perf_counter() - started
    return report


@dataclass(frozen=True)
class _WorkerFactory:
    """Picklable ``make_worker`` for ``index.writer``'s worker pools."""

    alias_path: str | None

    def __call__(self, emit: Callable[[tuple], None]) -> _DocumentWorker:
        return _DocumentWorker(self.alias_path, emit)
