#!/usr/bin/env python3
"""Benchmark Dateline against SQLite FTS5 and tantivy on the AllSides corpus.

One run builds each engine's index, generates a fixed 100-query workload with a fixed seed, and
measures, side by side: index build time (Dateline's includes reading and extraction through
``index.writer.index_paths``), incremental re-run time over the unchanged archive, index size,
peak RSS of the build (all its processes together, sampled every 0.1 s), per-type p50/p95/max
query latency (each query's first run after warm-up on *other* queries: Dateline through
``dateline serve`` over HTTP and in process, FTS5 and tantivy in process), repeats and the
serving overhead of ``/api/search`` over the engine call.  It prints a table with the ratios
Dateline/FTS5 and Dateline/tantivy, then issue 15's targets as pass/fail, and writes everything
as JSON.  tantivy (pinned, ``TANTIVY_VERSION``) is installed on first use into the benchmark's own
folder ``<workdir>/bench-env``, not into Dateline's environment.  See docs/performance.md.

    .venv/bin/python scripts/bench.py                     # 1x: 37,554 articles, a few minutes
    .venv/bin/python scripts/bench.py --scale 8           # 8x: ~300k articles (opt-in, long)
    .venv/bin/python scripts/bench.py --reuse             # keep built indexes, re-measure queries
    .venv/bin/python scripts/bench.py --backend whoosh,opensearch [--limit 10000]
                                                          # and a local 3-node OpenSearch cluster
    .venv/bin/python scripts/bench.py serve-compare --index DIR --tree before=/tmp/old --tree after=.
                                                          # the workload only, two checkouts, one index
    python3 scripts/bench.py install-tantivy [WORKDIR]    # only install the benchmark's tantivy (CI)

``--backend opensearch`` starts a local cluster (``scripts/opensearch_cluster.py``; or uses
``--opensearch-url``), builds the corpus into it with ``dateline index --backend opensearch`` (3
shards, 1 replica), serves it with ``dateline serve --backend opensearch`` and times the same
workload through ``/api/search`` over HTTP; with both backends the Whoosh index is served and
timed the same way beside it.  ``--limit N`` indexes only the first N articles (both backends).

Every engine does the same work per query: top 10 by relevance with highlighted snippets, the
exact total, and the top-20 counts of outlet, speaker, person, organization and place over all
matches (plus months).  FTS5 gets its facet values from the same extraction output (Dateline's
index), stored in side tables and counted with GROUP BY over the matched rowids; its build time
therefore covers reading and FTS5 indexing but not extraction, which it borrows.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import date, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))  # run from a checkout without installing

DEFAULT_CORPUS = REPO.parent / "shared" / "corpora" / "allsides"
DEFAULT_WORKDIR = Path("/tmp/dateline-bench")
QUERY_SEED = 20240601
SHUFFLE_SEED = 8
QUERY_TYPES = ("common", "rare", "and", "phrase", "outlet", "date")
FACET_KINDS = ("outlet", "speaker", "person", "organization", "place")
FACET_LIMIT = 20
#: Words a query generator must not pick (they are stop words for one engine or the other).
_STOP_WORDS = (
    "a an and are as at be by for from has have he her his i in is it its of on or said that the their "
    "they this to was were which will with who would not but been had she we you also more about than "
    "after over new one two can could into out up what when there all just like so some only other "
    "them its our us if no may do did does such being says say told"
)
STOP = frozenset(_STOP_WORDS.split())
WORD = re.compile(r"[a-z]{3,}")


# -- corpora ----------------------------------------------------------------------------------
def base_sources(corpus: Path) -> list[Path]:
    """The four AllSides archives, as they are."""
    found = sorted(corpus.glob("*.tar.xz"))
    if not found:
        raise SystemExit(f"no .tar.xz archives in {corpus}")
    return found


def replica_sources(corpus: Path, workdir: Path, scale: int) -> list[Path]:
    """JSONL copies 1..scale-1 of the corpus: ids ``<ID>-r<k>``, body paragraphs shuffled (seeded).

    Written once into ``workdir/replicas`` (a stamp file marks a complete set) and reused.
    """
    from index.readers import read_paths

    out = workdir / "replicas"
    wanted = [out / f"copy-{k}.jsonl" for k in range(1, scale)]
    stamp = out / f"complete-{scale}"
    if stamp.exists():
        return wanted
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SHUFFLE_SEED)
    handles = [p.open("w", encoding="utf-8") for p in wanted]
    try:
        for item in read_paths(base_sources(corpus)):
            if not hasattr(item, "body"):
                continue  # a read failure: the base run reports it
            paragraphs = [p for p in item.body.split("\n") if p.strip()]
            for k, handle in enumerate(handles, start=1):
                shuffled = paragraphs[:]
                rng.shuffle(shuffled)
                record = {
                    "id": f"{item.id}-r{k}",
                    "title": item.title,
                    "text": "\n\n".join(shuffled),
                    "url": item.url,
                    "outlet": item.outlet,
                    "date": item.published.isoformat() if item.published else None,
                    "authors": item.authors,
                }
                handle.write(json.dumps(record, ensure_ascii=False) + "\n")
    finally:
        for handle in handles:
            handle.close()
    stamp.touch()
    return wanted


def prefix_source(paths: list[Path], workdir: Path, limit: int, tag: str) -> Path:
    """The first ``limit`` articles of ``paths`` (in reading order) as one JSONL file, written once
    into ``workdir/prefix-<tag>.jsonl`` (a stamp marks it complete) and reused: ``--limit``."""
    out = workdir / f"prefix-{tag}.jsonl"
    stamp = workdir / f"prefix-{tag}.complete"
    if stamp.exists() and out.exists():
        return out
    workdir.mkdir(parents=True, exist_ok=True)
    written = 0
    with out.open("w", encoding="utf-8") as handle:
        for item in read_articles(paths):
            if written >= limit:
                break
            handle.write(json.dumps({
                "id": item.id, "title": item.title, "text": item.body, "url": item.url,
                "outlet": item.outlet, "date": item.published.isoformat() if item.published else None,
                "authors": item.authors,
            }, ensure_ascii=False) + "\n")
            written += 1
    stamp.write_text(str(written))
    return out


def dir_size(path: Path) -> int:
    """Bytes of all files under ``path``."""
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def read_articles(paths: Iterable[Path]) -> Iterator:
    """Articles through the project's readers (read failures skipped: the index run reports them)."""
    from index.readers import read_paths

    for item in read_paths(paths):
        if hasattr(item, "body"):
            yield item


# -- Dateline build (in a subprocess, so its memory is measured on its own) --------------------
def _build_child(index_dir: str, paths: list[str], jobs: int | None) -> None:
    """Subprocess entry: run index_paths and print one JSON line with the report."""
    from index.extract import implementation
    from index.writer import index_paths

    started = time.perf_counter()
    report = index_paths(paths, index_dir, jobs=jobs, progress=False)
    print(json.dumps({
        "extraction": implementation(),  # the workers are forked from this process: the same
        "seconds": time.perf_counter() - started,
        "indexed": report.indexed,
        "unchanged": report.unchanged,
        "failed": len(report.failed),
        "commits": report.commits,
    }))


def build_dateline(index_dir: Path, paths: list[Path], jobs: int | None) -> dict:
    """Full build into a fresh ``index_dir``, then an incremental run over the unchanged archive."""
    if index_dir.exists():
        shutil.rmtree(index_dir)
    command = [sys.executable, __file__, "_build", str(index_dir), *map(str, paths)]
    if jobs:
        command += ["--jobs", str(jobs)]
    full = _run_child(command)
    again = _run_child(command)
    return {
        "build_s": full["wall_s"],
        "incremental_s": again["wall_s"],
        "articles": full["indexed"],
        "failed": full["failed"],
        "unchanged_on_rerun": again["unchanged"],
        "size_mb": dir_size(index_dir) / 1e6,
        # Sampled every 0.1 s: the main process, the largest worker, and all processes together.
        "peak_rss_mb": full["rss_tree_mb"],
        "cpu_s": full["cpu_s"],
        "rss_main_mb": full["rss_main_mb"],
        "rss_worker_mb": full["rss_worker_mb"],
        # "compiled (mypyc 2.4.1)" or "pure Python (why)": what this build measured.
        "extraction": full.get("extraction"),
    }


def _run_child(command: list[str]) -> dict:
    import resource

    from scripts.memory_test import watch

    started = time.perf_counter()
    # CPU of the child and of every process it waited for (extraction workers, committer): on a
    # shared machine the wall time measures the queue for the cores as much as the build.
    cpu_before = _children_cpu_s(resource)
    proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=REPO)
    output: dict[str, str] = {}
    reader = threading.Thread(target=lambda: output.update(zip(("out", "err"), proc.communicate(),
                                                               strict=True)), daemon=True)
    reader.start()
    peaks = watch(proc)
    reader.join()
    if proc.returncode != 0:
        raise RuntimeError(f"{command[2]} failed ({proc.returncode}):\n{output.get('err', '')[-2000:]}")
    result = json.loads(output["out"].strip().splitlines()[-1])
    result["wall_s"] = time.perf_counter() - started
    result["cpu_s"] = _children_cpu_s(resource) - cpu_before
    result.update(rss_main_mb=peaks["main"], rss_worker_mb=peaks["worker"], rss_tree_mb=peaks["tree"])
    return result


def _children_cpu_s(resource) -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def dateline_docs(index_dir: Path) -> dict[str, dict]:
    """id -> {day, outlet, speaker, person, organization, place} (facet keys), from the index."""
    from index.storage import open_index
    from search import schema as S

    ix = open_index(index_dir)
    docs: dict[str, dict] = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        column = reader.column_reader(S.FACETS)
        for docnum in reader.all_doc_ids():
            row = S.FacetRow.decode(column[docnum])
            ident = reader.stored_fields(docnum)[S.ID]
            values = {k: [display for _key, display in row.values.get(k, [])] for k in FACET_KINDS}
            docs[ident] = {"day": row.day, **values}
    return docs


# -- the workload -----------------------------------------------------------------------------
@dataclass
class Query:
    """One workload query: free text plus optional outlet filter and date range."""

    type: str
    q: str
    outlet: str | None = None
    date_from: str | None = None
    date_to: str | None = None

    def args(self) -> dict[str, str]:
        """``/api/search`` parameters."""
        args = {"q": self.q}
        if self.outlet:
            args["outlet"] = self.outlet
        if self.date_from:
            args["from"], args["to"] = self.date_from, self.date_to
        return args


def corpus_statistics(paths: list[Path], sample: int = 4000) -> tuple[Counter, Counter]:
    """Document frequencies of words (title + body) over the corpus, and bigram counts in a sample."""
    df: Counter = Counter()
    bigrams: Counter = Counter()
    rng = random.Random(QUERY_SEED)
    for n, article in enumerate(read_articles(paths)):
        words = WORD.findall(f"{article.title}\n{article.body}".lower())
        df.update(set(words))
        if n < sample * 3 and rng.random() < 1 / 3:
            bigrams.update(
                f"{a} {b}" for a, b in zip(words, words[1:], strict=False) if a not in STOP and b not in STOP
            )
    return df, bigrams


def make_workload(df: Counter, bigrams: Counter, docs: dict[str, dict], seed: int,
                  n: int = 100) -> list[Query]:
    """``n`` queries of the six types (round robin), drawn with ``seed`` from the corpus vocabulary."""
    rng = random.Random(seed)
    ndocs = max(1, len(docs))
    usable = sorted(w for w in df if w not in STOP and len(w) >= 4)
    common = sorted(usable, key=lambda w: -df[w])[:40]
    by_df = sorted(usable, key=lambda w: -df[w])
    # Bands relative to the corpus size; the fallbacks only matter for toy corpora.
    rare = [w for w in usable if 3 <= df[w] <= 30] or by_df[-50:]
    middle = [w for w in usable if 0.01 * ndocs <= df[w] <= 0.1 * ndocs] or by_df[10:60]
    frequent = [w for w in usable if 0.03 * ndocs <= df[w] <= 0.3 * ndocs] or by_df[5:40]
    phrases = [p for p, c in bigrams.most_common(3000) if c >= 10] or [p for p, _c in bigrams.most_common(50)]
    outlet_df = Counter(o for d in docs.values() for o in d["outlet"])
    outlets = [o for o, c in outlet_df.most_common(25) if c >= 0.003 * ndocs]
    days = sorted(d["day"] for d in docs.values() if d["day"] is not None)
    queries: list[Query] = []
    for i in range(n):
        kind = QUERY_TYPES[i % len(QUERY_TYPES)]
        if kind == "common":
            queries.append(Query(kind, rng.choice(common)))
        elif kind == "rare":
            queries.append(Query(kind, rng.choice(rare)))
        elif kind == "and":
            a, b = rng.sample(middle, 2)
            queries.append(Query(kind, f"{a} {b}"))
        elif kind == "phrase":
            queries.append(Query(kind, f'"{rng.choice(phrases)}"'))
        elif kind == "outlet":
            queries.append(Query(kind, rng.choice(frequent), outlet=rng.choice(outlets)))
        else:
            # A random dated article's month or year: ranges people actually pick.
            day = date(1970, 1, 1) + timedelta(days=days[rng.randrange(len(days))])
            if rng.random() < 0.5:
                first, last = date(day.year, day.month, 1), _month_end(day)
            else:
                first, last = date(day.year, 1, 1), date(day.year, 12, 31)
            queries.append(Query(kind, rng.choice(frequent), date_from=first.isoformat(),
                                 date_to=last.isoformat()))
    return queries


def _month_end(day: date) -> date:
    following = date(day.year + day.month // 12, day.month % 12 + 1, 1)
    return following - timedelta(days=1)


# -- Dateline queries -------------------------------------------------------------------------
class DatelineEngine:
    """``search.engine.search`` on one reused searcher, as the server does."""

    name = "dateline"

    def __init__(self, index_dir: Path) -> None:
        from index.storage import open_index
        from search.facets import FacetCache
        from search.names import AliasTable
        from search.whoosh_compat import resident_terms

        started = time.perf_counter()
        self.ix = open_index(index_dir, memory_map=False)  # as webui.store opens it
        self.searcher = self.ix.searcher()
        resident_terms(self.searcher.reader())  # as a warmed server keeps them
        self.cache = FacetCache()
        self.aliases = AliasTable.default()
        self.cache.arrays(self.searcher)
        self.open_s = time.perf_counter() - started

    def run(self, query: Query) -> dict:
        from search.engine import search
        from search.request import SearchRequest

        result = search(self.searcher, SearchRequest.from_args(query.args()), facet_cache=self.cache,
                        aliases=self.aliases, time_budget=None)
        return {"total": result.total, "hits": [h.id for h in result.hits],
                "outlets": {v.value: v.count for v in result.facets["outlet"]}}

    def close(self) -> None:
        self.searcher.close()


# -- SQLite FTS5 ------------------------------------------------------------------------------
FTS_SCHEMA = """
CREATE VIRTUAL TABLE fts USING fts5(title, body, tokenize='porter unicode61 remove_diacritics 2');
CREATE TABLE docs(id INTEGER PRIMARY KEY, ident TEXT, day INTEGER, month TEXT);
CREATE TABLE facet(kind TEXT, value TEXT, doc INTEGER, PRIMARY KEY(doc, kind, value)) WITHOUT ROWID;
CREATE INDEX facet_kv ON facet(kind, value);
"""


def build_fts5(db_path: Path, paths: list[Path], docs: dict[str, dict]) -> dict:
    """Read the archive through the project's readers into FTS5; facets from ``docs`` (extraction)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    started = time.perf_counter()
    con = sqlite3.connect(db_path)
    con.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + FTS_SCHEMA)
    rowid = 0
    batch_fts, batch_docs, batch_facets = [], [], []
    for article in read_articles(paths):
        meta = docs.get(article.id)
        if meta is None:
            continue  # failed extraction in Dateline: keep both engines on the same documents
        rowid += 1
        batch_fts.append((rowid, article.title, article.body))
        day = meta["day"]
        month = None if day is None else (date(1970, 1, 1) + timedelta(days=day)).isoformat()[:7]
        batch_docs.append((rowid, article.id, day, month))
        batch_facets.extend((kind, v, rowid) for kind in FACET_KINDS for v in dict.fromkeys(meta[kind]))
        if len(batch_fts) >= 2000:
            _flush(con, batch_fts, batch_docs, batch_facets)
    _flush(con, batch_fts, batch_docs, batch_facets)
    con.execute("CREATE INDEX docs_day ON docs(day)")
    con.execute("INSERT INTO fts(fts) VALUES('optimize')")
    con.commit()
    con.close()
    return {"build_s": time.perf_counter() - started, "articles": rowid,
            "size_mb": db_path.stat().st_size / 1e6,
            "peak_rss_mb": own_peak_rss_mb()}


def _flush(con: sqlite3.Connection, fts: list, docs: list, facets: list) -> None:
    con.executemany("INSERT INTO fts(rowid, title, body) VALUES (?, ?, ?)", fts)
    con.executemany("INSERT INTO docs VALUES (?, ?, ?, ?)", docs)
    con.executemany("INSERT OR IGNORE INTO facet VALUES (?, ?, ?)", facets)
    con.commit()
    fts.clear()
    docs.clear()
    facets.clear()


#: Matched-row count under which the FTS5 facet queries drive the join from the matched rowids.
FTS5_CROSS_JOIN_BELOW = 2000


class Fts5Engine:
    """The same work in SQLite: matched rowids once, GROUP BY facets, bm25 top 10, snippet()."""

    name = "fts5"

    def __init__(self, db_path: Path) -> None:
        self.con = sqlite3.connect(db_path)
        self.con.execute("PRAGMA temp_store=MEMORY")
        self.con.execute("CREATE TEMP TABLE m(id INTEGER PRIMARY KEY)")

    @staticmethod
    def match(q: str) -> str:
        """Dateline query text -> FTS5 MATCH syntax (words ANDed, quoted phrases kept)."""
        if q.startswith('"'):
            return q
        return " AND ".join(f'"{w}"' for w in q.split())

    def run(self, query: Query) -> dict:
        con = self.con
        con.execute("DELETE FROM m")
        con.execute("INSERT INTO m SELECT rowid FROM fts WHERE fts MATCH ?", (self.match(query.q),))
        # Filters other than the facet being counted (disjunctive faceting, as Dateline does).
        where, params = [], []
        if query.date_from:
            lo = (date.fromisoformat(query.date_from) - date(1970, 1, 1)).days
            hi = (date.fromisoformat(query.date_to) - date(1970, 1, 1)).days
            where.append("m.id IN (SELECT id FROM docs WHERE day BETWEEN ? AND ?)")
            params += [lo, hi]
        outlet_clause = "m.id IN (SELECT doc FROM facet WHERE kind='outlet' AND value=?)"
        full_where = where + ([outlet_clause] if query.outlet else [])
        full_params = params + ([query.outlet] if query.outlet else [])

        def clause(parts: list[str]) -> str:
            return (" WHERE " + " AND ".join(parts)) if parts else ""

        total = con.execute(f"SELECT count(*) FROM m{clause(full_where)}", full_params).fetchone()[0]
        facets = {}
        # The best plan for SQLite, chosen per query so the baseline is not handicapped: for few
        # matches, CROSS JOIN keeps the matched rowids as the outer loop (left to itself SQLite
        # scans every facet row of the kind through facet_kv, ~130 ms even for a rare term); for
        # many matches that scan is the faster plan.
        join = "CROSS JOIN" if total < FTS5_CROSS_JOIN_BELOW else "JOIN"
        for kind in FACET_KINDS:
            kw, kp = (where, params) if kind == "outlet" else (full_where, full_params)
            facets[kind] = con.execute(
                f"SELECT f.value, count(*) AS n FROM m {join} facet f ON f.doc = m.id AND f.kind = ?"
                f"{clause(kw)} GROUP BY f.value ORDER BY n DESC LIMIT {FACET_LIMIT}",
                [kind, *kp],
            ).fetchall()
        months = con.execute(
            f"SELECT d.month, count(*) FROM m JOIN docs d ON d.id = m.id{clause(full_where)}"
            " GROUP BY d.month", full_params).fetchall()
        top = con.execute(
            "SELECT d.ident, highlight(fts, 0, '<mark>', '</mark>'),"
            " snippet(fts, 1, '<mark>', '</mark>', '…', 40), bm25(fts, 2.0, 1.0) AS score"
            " FROM fts JOIN docs d ON d.id = fts.rowid"
            f" WHERE fts MATCH ?{''.join(' AND ' + c.replace('m.id', 'fts.rowid') for c in full_where)}"
            " ORDER BY score LIMIT 10",
            [self.match(query.q), *full_params],
        ).fetchall()
        return {"total": total, "hits": [row[0] for row in top], "outlets": dict(facets["outlet"]),
                "months": len(months)}

    def close(self) -> None:
        self.con.close()


# -- tantivy (in the benchmark's own environment, never a dependency of Dateline) --------------
#: The tantivy-py release this benchmark measures (pinned: figures of different releases do not compare).
TANTIVY_VERSION = "0.27.0"
#: Environment variable naming the folder tantivy is installed into (else ``<workdir>/bench-env``).
BENCH_ENV_VARIABLE = "DATELINE_BENCH_ENV"
#: Analyzer of title and body: FTS5's ``porter unicode61 remove_diacritics 2`` in tantivy's parts
#: (split on non-alphanumerics, drop tokens over 40 bytes, lowercase, fold accents, English stemmer).
TANTIVY_TOKENIZER = "en_fold"
#: In an index of several segments each segment returns every value of a facet (not only its best
#: 1.5 x size + 10, tantivy's default), so the merged counts are exact, as FTS5's GROUP BY and
#: Dateline's counts are.  This costs tantivy 4-6x on queries with many matches (all values as
#: strings per segment), so the benchmark builds one segment, where the default is exact already.
TANTIVY_SEGMENT_SIZE = 1_000_000
#: The benchmark's build: one indexing thread with a heap large enough for the 1x corpus in one
#: segment (tantivy flushes a segment when a thread's heap is full; its limit is 4 GB).
TANTIVY_BUILD_THREADS = 1
TANTIVY_BUILD_HEAP_MB = 1500
#: Month buckets: more than any archive spans, so every month is counted, as the other engines do.
TANTIVY_MONTHS = 10_000
#: Stored characters per snippet (FTS5's snippet() returns up to 40 tokens, ~250 characters).
TANTIVY_SNIPPET_CHARS = 240


def bench_env(workdir: Path) -> Path:
    """Folder of the benchmark's own packages: ``$DATELINE_BENCH_ENV``, else ``<workdir>/bench-env``."""
    import os

    configured = os.environ.get(BENCH_ENV_VARIABLE)
    return Path(configured) if configured else workdir / "bench-env"


def load_tantivy(env: Path, *, install: bool = True):
    """``(module, "")`` with tantivy ``TANTIVY_VERSION`` imported from ``env``, or ``(None, why)``.

    With ``install`` a missing or different release is installed there first with this
    interpreter's pip (``pip install --target``): a folder on ``sys.path`` loads the engine into
    the benchmark process itself, so its queries are timed in process like FTS5's, and neither
    Dateline's virtualenv nor ``pyproject.toml`` changes (the wheel is abi3, any CPython >= 3.8).
    """
    import importlib

    marker = env / f"tantivy-{TANTIVY_VERSION}.dist-info"
    if not marker.exists():
        if not install:
            return None, (f"tantivy {TANTIVY_VERSION} is not installed in {env} (run scripts/bench.py once, "
                          f"or: python -m pip install --target {env} tantivy=={TANTIVY_VERSION})")
        print(f"installing tantivy {TANTIVY_VERSION} into {env} ...", file=sys.stderr)
        done = subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--upgrade", "--target",
                               str(env), f"tantivy=={TANTIVY_VERSION}"], capture_output=True, text=True)
        if done.returncode != 0 or not marker.exists():
            tail = (done.stderr or done.stdout).strip().splitlines()[-3:]
            return None, f"could not install tantivy {TANTIVY_VERSION} into {env}: {' | '.join(tail)}"
    if str(env) not in sys.path:
        sys.path.insert(0, str(env))
    try:
        return importlib.import_module("tantivy"), ""
    except ImportError as error:
        return None, f"tantivy {TANTIVY_VERSION} in {env} does not import: {error}"


def tantivy_schema(tantivy):
    """Title and body (analysed, stored for snippets), the article id (stored), the day (indexed
    and fast, for date ranges), and the facets and month as raw-token fast text columns."""
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("title", stored=True, tokenizer_name=TANTIVY_TOKENIZER)
    builder.add_text_field("body", stored=True, tokenizer_name=TANTIVY_TOKENIZER)
    builder.add_text_field("ident", stored=True, tokenizer_name="raw", index_option="basic")
    builder.add_integer_field("day", indexed=True, fast=True)
    for name in (*FACET_KINDS, "month"):
        builder.add_text_field(name, fast=True, tokenizer_name="raw", index_option="basic")
    return builder.build()


def _tantivy_index(tantivy, path: Path, schema=None):
    """The index at ``path`` (created when ``schema`` is given) with the title/body analyzer
    registered: tantivy keeps only the analyzer's name in the index, so every opener registers it."""
    index = tantivy.Index(schema, path=str(path), reuse=False) if schema else tantivy.Index.open(str(path))
    analyzer = (tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
                .filter(tantivy.Filter.remove_long(40))
                .filter(tantivy.Filter.lowercase())
                .filter(tantivy.Filter.ascii_fold())
                .filter(tantivy.Filter.stemmer("english"))
                .build())
    index.register_tokenizer(TANTIVY_TOKENIZER, analyzer)
    return index


def write_tantivy(tantivy, path: Path, items: Iterable[tuple[str, str, str, dict]], *,
                  commit_every: int | None = None, threads: int = 0, heap_mb: int = 256) -> int:
    """Index ``(id, title, body, meta)`` items into a fresh tantivy index at ``path``; ``meta`` is a
    :func:`dateline_docs` row (day and facet values).  Returns the number of documents.

    ``commit_every`` commits after so many documents (tests use it to get several segments);
    ``threads`` 0 lets tantivy choose (one indexing thread per core).
    """
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    index = _tantivy_index(tantivy, path, tantivy_schema(tantivy))
    writer = index.writer(heap_size=heap_mb * 1_000_000, num_threads=threads)
    count = 0
    for ident, title, body, meta in items:
        doc = tantivy.Document(ident=ident, title=title, body=body)
        day = meta.get("day")
        if day is not None:
            doc.add_integer("day", day)
            doc.add_text("month", (date(1970, 1, 1) + timedelta(days=day)).isoformat()[:7])
        for kind in FACET_KINDS:
            for value in dict.fromkeys(meta.get(kind) or ()):
                doc.add_text(kind, value)
        writer.add_document(doc)
        count += 1
        if commit_every and count % commit_every == 0:
            writer.commit()
    writer.commit()
    writer.wait_merging_threads()
    return count


def build_tantivy(env: Path, index_path: Path, paths: list[Path], docs: dict[str, dict]) -> dict:
    """Read the archive through the project's readers into tantivy; facets from ``docs`` (extraction),
    exactly the documents FTS5 gets."""
    tantivy, why = load_tantivy(env, install=False)
    if tantivy is None:
        raise RuntimeError(why)
    started = time.perf_counter()
    items = ((a.id, a.title, a.body, docs[a.id]) for a in read_articles(paths) if a.id in docs)
    count = write_tantivy(tantivy, index_path, items, threads=TANTIVY_BUILD_THREADS,
                          heap_mb=TANTIVY_BUILD_HEAP_MB)
    return {"build_s": time.perf_counter() - started, "articles": count,
            "size_mb": dir_size(index_path) / 1e6, "peak_rss_mb": own_peak_rss_mb(),
            "version": TANTIVY_VERSION}


def _tantivy_build_in_child(env: Path, index_path: Path, paths: list[Path], index_dir: Path) -> dict:
    """Build tantivy in a fresh interpreter so its peak RSS (all its threads) is its own."""
    command = [sys.executable, __file__, "_tantivy", str(env), str(index_path), str(index_dir),
               *map(str, paths)]
    return _run_child(command)


class TantivyEngine:
    """The same work in tantivy: BM25 top 10 (title boosted 2.0, as FTS5's ``bm25(fts, 2.0, 1.0)``)
    with snippets of title and body, the exact total, terms aggregations for the facets (the
    outlet's without the outlet filter) and the months."""

    name = "tantivy"

    def __init__(self, tantivy, index_path: Path) -> None:
        started = time.perf_counter()
        self.tantivy = tantivy
        self.index = _tantivy_index(tantivy, index_path)
        self.schema = self.index.schema
        self.searcher = self.index.searcher()
        self.open_s = time.perf_counter() - started
        self.segments = self.searcher.num_segments

    def _text(self, q: str):
        """Words ANDed over title OR body, quoted phrases kept (one field at a time), like FTS5."""
        return self.index.parse_query(q, ["title", "body"], field_boosts={"title": 2.0},
                                      conjunction_by_default=True)

    def _filters(self, query: Query) -> tuple[list, list]:
        """(date filters, outlet filters) as tantivy queries."""
        T = self.tantivy
        dates, outlets = [], []
        if query.date_from:
            lo = (date.fromisoformat(query.date_from) - date(1970, 1, 1)).days
            hi = (date.fromisoformat(query.date_to) - date(1970, 1, 1)).days
            dates.append(T.Query.range_query(self.schema, "day", T.FieldType.Integer, lo, hi))
        if query.outlet:
            outlets.append(T.Query.term_query(self.schema, "outlet", query.outlet))
        return dates, outlets

    def _and(self, text, filters: list):
        if not filters:
            return text
        T = self.tantivy
        # tantivy-py has no FILTER clause: a MUST clause scored 0 filters without moving the ranking.
        return T.Query.boolean_query([(T.Occur.Must, text),
                                      *((T.Occur.Must, T.Query.const_score_query(f, 0.0)) for f in filters)])

    def _terms(self, field_name: str, size: int) -> dict:
        terms = {"field": field_name, "size": size}
        if self.segments > 1:
            # Top counts per segment would be merged into approximate totals: ask for all values.
            terms["segment_size"] = max(size, TANTIVY_SEGMENT_SIZE)
        return {"terms": terms}

    def run(self, query: Query) -> dict:
        searcher = self.searcher
        text = self._text(query.q)
        dates, outlets = self._filters(query)
        full = self._and(text, dates + outlets)
        result = searcher.search(full, 10, count=True)
        aggs = {kind: self._terms(kind, FACET_LIMIT) for kind in FACET_KINDS}
        aggs["month"] = self._terms("month", TANTIVY_MONTHS)
        if outlets:
            # Disjunctive: the outlet facet counts the matches of every other filter.
            del aggs["outlet"]
            counted = searcher.aggregate(full, aggs)
            counted.update(searcher.aggregate(self._and(text, dates),
                                              {"outlet": self._terms("outlet", FACET_LIMIT)}))
        else:
            counted = searcher.aggregate(full, aggs)
        facets = {kind: {b["key"]: b["doc_count"] for b in counted[kind]["buckets"]}
                  for kind in (*FACET_KINDS, "month")}
        hits = []
        if result.hits:
            title_snippets = self.tantivy.SnippetGenerator.create(searcher, full, self.schema, "title")
            body_snippets = self.tantivy.SnippetGenerator.create(searcher, full, self.schema, "body")
            body_snippets.set_max_num_chars(TANTIVY_SNIPPET_CHARS)
            for _score, address in result.hits:
                doc = searcher.doc(address)
                hits.append((doc.get_first("ident"), title_snippets.snippet_from_doc(doc).to_html(),
                             body_snippets.snippet_from_doc(doc).to_html()))
        # tantivy's error bound is that of counts merged from several segments' top lists; in one
        # segment every value was counted and it only bounds the values not returned (the counts
        # returned equal FTS5's GROUP BY on the 1x index), so it says nothing there.
        error = 0
        if self.segments > 1:
            error = sum(counted[k].get("doc_count_error_upper_bound") or 0 for k in counted)
        return {"total": result.count, "hits": [h[0] for h in hits], "outlets": facets["outlet"],
                "facets": facets, "months": len(facets["month"]), "count_error": error}

    def close(self) -> None:
        self.searcher = None


# -- measuring --------------------------------------------------------------------------------
@dataclass
class Latencies:
    """Milliseconds per query type."""

    by_type: dict[str, list[float]] = field(default_factory=dict)

    def add(self, kind: str, ms: float) -> None:
        self.by_type.setdefault(kind, []).append(ms)

    def all(self) -> list[float]:
        return [ms for values in self.by_type.values() for ms in values]

    def summary(self) -> dict:
        out = {"all": stats(self.all())}
        out.update({kind: stats(values) for kind, values in self.by_type.items()})
        return out


def stats(values: list[float]) -> dict:
    """p50/p95/max in milliseconds."""
    if not values:
        return {"p50": None, "p95": None, "max": None, "n": 0}
    ordered = sorted(values)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": statistics.median(ordered), "p95": p95, "max": ordered[-1], "n": len(ordered)}


def measure(engine, workload: list[Query], warmup: list[Query]) -> dict:
    """Warm up on other queries, then time each workload query's first run, then its repeat."""
    for query in warmup:
        engine.run(query)
    first, repeat, cpu = Latencies(), Latencies(), Latencies()
    answers = []
    for query in workload:
        started, cpu_started = time.perf_counter(), time.process_time()
        answers.append(engine.run(query))
        first.add(query.type, (time.perf_counter() - started) * 1000)
        # CPU of the whole process (every thread: tantivy may search segments in parallel).
        cpu.add(query.type, (time.process_time() - cpu_started) * 1000)
    for query in workload:
        started = time.perf_counter()
        engine.run(query)
        repeat.add(query.type, (time.perf_counter() - started) * 1000)
    cpu_per_query = {kind: statistics.fmean(values) for kind, values in cpu.by_type.items()}
    cpu_per_query["all"] = statistics.fmean(cpu.all())
    return {"first": first.summary(), "repeat": repeat.summary(), "cpu_ms_per_query": cpu_per_query,
            "answers": answers}


def measure_api(index_dir: Path, workload: list[Query]) -> dict:
    """``/api/search`` in a fresh process (so its memory is the server's own): see :func:`_api_child`."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as handle:
        json.dump([q.args() for q in workload], handle)
    try:
        done = subprocess.run([sys.executable, __file__, "_api", str(index_dir), handle.name],
                              check=True, capture_output=True, text=True, cwd=REPO)
    finally:
        Path(handle.name).unlink()
    return json.loads(done.stdout.strip().splitlines()[-1])


def own_peak_rss_mb() -> float:
    """This process's peak RSS in MiB (``VmHWM``).

    Not ``getrusage().ru_maxrss``: Linux carries a parent's high-water mark at fork into the
    child's through ``exec``, so a child started by this (large) benchmark process reported the
    benchmark's own peak.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return 0.0


def _api_child(index_dir: str, queries_path: str) -> None:
    """Subprocess entry: serve the workload through the Flask test client; print one JSON line with
    wall time vs the engine's own ``took_ms``, and the server process's peak RSS afterwards.  A
    response other than 200 (a query over the server's time budget, say, on a cold page cache) is
    counted in ``errors`` with its status, not timed."""
    from webui import create_app

    app = create_app({"INDEX_DIR": str(index_dir), "TESTING": True})
    client = app.test_client()
    client.get("/api/search", query_string={"q": "warmup"})
    wall, engine, overhead, errors = [], [], [], []
    for args in json.loads(Path(queries_path).read_text()):
        started = time.perf_counter()
        response = client.get("/api/search", query_string=args)
        ms = (time.perf_counter() - started) * 1000
        if response.status_code != 200:
            errors.append({"args": args, "status": response.status_code})
            continue
        took = response.get_json()["took_ms"]
        wall.append(ms)
        engine.append(took)
        overhead.append(ms - took)
    print(json.dumps({"wall": stats(wall), "engine": stats(engine), "overhead": stats(overhead),
                      "errors": errors, "server_peak_rss_mb": own_peak_rss_mb()}))


def agreement(a: list[dict], b: list[dict]) -> dict:
    """How often two engines' totals agree (exactly, and within 10 %): a sanity check, not a test.

    The engines analyse text differently (stemmers, stop words, Dateline drops boilerplate), so
    small differences are expected.
    """
    exact = sum(x["total"] == y["total"] for x, y in zip(a, b, strict=True))
    close = sum(abs(x["total"] - y["total"]) <= 0.1 * max(x["total"], y["total"], 1)
                for x, y in zip(a, b, strict=True))
    return {"exact": exact, "within_10pct": close, "n": len(a)}


# -- serving over HTTP: `dateline serve`, either backend, any checkout ------------------------
#: ``dateline`` run by this interpreter from whichever checkout is first on ``sys.path``.
DATELINE_CLI = [sys.executable, "-c",
                "import sys; from webui.cli import main; sys.argv[0] = 'dateline'; main()"]
#: A server's time budget while it is measured: a slow query on a busy machine is timed, not cut off.
SERVE_TIME_BUDGET_S = 120


def free_port() -> int:
    """A TCP port nobody listens on right now (127.0.0.1)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_command(port: int, *, backend: str = "whoosh", index_dir: Path | None = None,
                  opensearch_url: str | None = None, index_name: str | None = None) -> list[str]:
    """``dateline serve`` in this interpreter (the checkout it runs is chosen by ``cwd``/``PYTHONPATH``).

    A Whoosh server gets only ``--index`` and ``--port``, options every version of the CLI has, so
    the same command serves an older checkout (``serve-compare``).
    """
    command = [*DATELINE_CLI, "serve", "--port", str(port)]
    if backend == "opensearch":
        return command + ["--backend", "opensearch", "--opensearch-url", str(opensearch_url),
                          "--index-name", str(index_name)]
    return command + ["--index", str(index_dir)]


def proc_status_kib(pid: int, key: str) -> int:
    """``VmHWM``/``VmRSS`` of a process in KiB (0 when it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def cpu_ms(pid: int) -> float:
    """CPU time (user + system, all threads) a process has used so far, in ms (0 when it is gone).

    On a machine shared with other work, wall time measures the queue for the cores as much as
    the work; CPU time measures the work (at the kernel's tick, 10 ms, per reading)."""
    import os

    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) * 1000 / os.sysconf("SC_CLK_TCK")


def measure_serve(command: list[str], workload: list[Query], warmup: list[Query], *,
                  code_dir: Path = REPO, ready_timeout: float = 600.0,
                  other_pids: list[int] | None = None) -> dict:
    """Start ``command`` (a ``dateline serve`` on ``--port``), warm it up on ``warmup`` and time
    ``workload`` through ``GET /api/search`` over one keep-alive HTTP connection.

    Per type: client wall time (request sent to body read) and the ``took_ms`` the server reports.
    A workload query equal to an earlier one is answered by the server's result cache: it is
    counted in ``cached`` and left out of the latencies (first runs only, as ``measure`` times).
    Responses other than 200 are listed in ``errors``, not timed.  The server's peak RSS
    (``VmHWM``) is read before it is stopped.  ``cpu`` is the CPU time per query type of the
    server and of ``other_pids`` (OpenSearch nodes) together, summed over the type's first runs.
    """
    import http.client
    import os
    import urllib.parse

    port = int(command[command.index("--port") + 1])
    env = {**os.environ, "PYTHONPATH": str(code_dir), "DATELINE_TIME_BUDGET": str(SERVE_TIME_BUDGET_S),
           "TQDM_DISABLE": "1"}
    with tempfile.TemporaryFile() as log:
        started = time.perf_counter()
        server = subprocess.Popen(command, cwd=code_dir, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=SERVE_TIME_BUDGET_S + 60)

            def get(args: dict[str, str]) -> tuple[int, dict | None, float]:
                path = "/api/search?" + urllib.parse.urlencode(args)
                t0 = time.perf_counter()
                conn.request("GET", path)
                response = conn.getresponse()
                body = response.read()
                ms = (time.perf_counter() - t0) * 1000
                try:
                    payload = json.loads(body)
                except ValueError:
                    payload = None
                return response.status, payload, ms

            while True:  # the server opens (warms) the index before it listens
                if server.poll() is not None:
                    log.seek(0)
                    raise RuntimeError(f"server exited ({server.returncode}):\n{log.read()[-3000:].decode()}")
                try:
                    status, _payload, _ms = get({"q": "warmup"})
                    if status == 200:
                        break
                except OSError:
                    conn.close()
                if time.perf_counter() - started > ready_timeout:
                    raise RuntimeError(f"server not ready after {ready_timeout:.0f} s")
                time.sleep(0.5)
            ready_s = time.perf_counter() - started
            for query in warmup:
                get(query.args())
            wall, took = Latencies(), Latencies()
            cpu: dict[str, float] = {}
            pids = [server.pid, *(other_pids or [])]
            seen: set[str] = set()
            cached, errors, totals = 0, [], []
            for query in workload:
                key = json.dumps(query.args(), sort_keys=True)
                cpu_before = sum(cpu_ms(pid) for pid in pids)
                status, payload, ms = get(query.args())
                spent = sum(cpu_ms(pid) for pid in pids) - cpu_before
                totals.append(payload.get("total") if isinstance(payload, dict) else None)
                if status != 200 or not isinstance(payload, dict):
                    errors.append({"args": query.args(), "status": status})
                elif key in seen:
                    cached += 1
                else:
                    wall.add(query.type, ms)
                    took.add(query.type, float(payload.get("took_ms") or 0.0))
                    cpu[query.type] = cpu.get(query.type, 0.0) + spent
                seen.add(key)
            conn.close()
            peak_rss = proc_status_kib(server.pid, "VmHWM") / 1024
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()
    cpu["all"] = sum(cpu.values())
    counts = {kind: len(values) for kind, values in wall.by_type.items()}
    counts["all"] = sum(counts.values())
    cpu_per_query = {kind: cpu[kind] / counts[kind] for kind in cpu if counts.get(kind)}
    return {"wall": wall.summary(), "took": took.summary(), "cpu_ms_per_query": cpu_per_query,
            "cached": cached, "errors": errors,
            "ready_s": ready_s, "server_peak_rss_mb": peak_rss, "totals": totals}


def serve_compare(trees: list[tuple[str, Path]], index_dir: Path, workload: list[Query],
                  warmup: list[Query], rounds: int, indexes: dict[str, Path] | None = None) -> dict:
    """The workload through ``dateline serve`` of each checkout on one index (or on its own,
    ``indexes[label]``: e.g. the same corpus built with another index format), alternating
    (A B A B ...), ``rounds`` runs each; per checkout the runs' pooled latencies and each run's."""
    runs: dict[str, list[dict]] = {label: [] for label, _tree in trees}
    for round_no in range(rounds):
        for label, tree in trees:
            tree_index = (indexes or {}).get(label, index_dir)
            load = Path("/proc/loadavg").read_text().split()[:3]
            print(f"  round {round_no + 1}/{rounds}: {label} ({tree}), load {' '.join(load)} ...",
                  file=sys.stderr)
            result = measure_serve(serve_command(free_port(), index_dir=tree_index), workload, warmup,
                                   code_dir=tree)
            result["load_before"] = load
            result["load_after"] = Path("/proc/loadavg").read_text().split()[:3]
            runs[label].append(result)
            print(f"    all p50/p95 {result['wall']['all']['p50']:.1f}/{result['wall']['all']['p95']:.1f} ms,"
                  f" CPU {result['cpu_ms_per_query']['all']:.1f} ms/query, cached {result['cached']},"
                  f" errors {len(result['errors'])}", file=sys.stderr)
    return {label: {"runs": [{k: v for k, v in r.items() if k != "totals"} for r in results],
                    "pooled": _pooled(results), "totals": results[0]["totals"]}
            for label, results in runs.items()}


def _pooled(results: list[dict]) -> dict:
    """Per type p50/p95 over the per-query medians of several runs (one value per query and run
    would weigh a slow run's outliers into every percentile; the median per query does not)."""
    out = {}
    for kind in ("all", *QUERY_TYPES):
        per_run = [r["wall"].get(kind, {}) for r in results]
        out[kind] = {"p50_runs": [s.get("p50") for s in per_run], "p95_runs": [s.get("p95") for s in per_run],
                     "cpu_runs": [r["cpu_ms_per_query"].get(kind) for r in results],
                     "cpu_median": _median([r["cpu_ms_per_query"].get(kind) for r in results]),
                     "p50_median": _median([s.get("p50") for s in per_run]),
                     "p95_median": _median([s.get("p95") for s in per_run])}
    return out


def _median(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def print_compare(compared: dict) -> None:
    """p50/p95 per type for each checkout: every run's, then the median over runs."""
    labels = list(compared)
    for stat in ("p50", "p95", "cpu"):
        title = "CPU ms per query" if stat == "cpu" else f"{stat} ms"
        print(f"{title + ', each run':<22}" + "".join(f"{label:>30}" for label in labels))
        for kind in ("all", *QUERY_TYPES):
            line = f"{kind:<22}"
            for label in labels:
                line += f"{' / '.join(_fmt(v) for v in compared[label]['pooled'][kind][stat + '_runs']):>30}"
            print(line)
    print("median over runs:")
    for kind in ("all", *QUERY_TYPES):
        line = f"{kind:<8}"
        for label in labels:
            pooled = compared[label]["pooled"][kind]
            line += (f"{label}: p50 {_fmt(pooled['p50_median']):>7} p95 {_fmt(pooled['p95_median']):>7}"
                     f" CPU/query {_fmt(pooled['cpu_median']):>6}   ")
        print(line)


# -- OpenSearch: a local 3-node cluster (scripts/opensearch_cluster.py) or a given one ----------
OPENSEARCH_INDEX = "dateline-bench"


class RssSampler:
    """Samples ``Cluster.rss()`` (every node's RSS) every ``interval`` seconds in a thread; keeps
    the peak of the nodes' sum and of the largest node, per phase (``phase`` names the current one)."""

    def __init__(self, cluster, interval: float = 0.5) -> None:
        self.cluster = cluster
        self.interval = interval
        self.phase = "start"
        self.peaks: dict[str, dict[str, float]] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._stop.set()
        self._thread.join()

    def sample(self) -> None:
        sizes = [b / 2**20 for b in self.cluster.rss()]
        peak = self.peaks.setdefault(self.phase, {"sum_mb": 0.0, "node_max_mb": 0.0})
        peak["sum_mb"] = max(peak["sum_mb"], sum(sizes))
        peak["node_max_mb"] = max([peak["node_max_mb"], *sizes])

    def _run(self) -> None:
        while not self._stop.is_set():
            self.sample()
            self._stop.wait(self.interval)


def opensearch_sizes(url: str, index_name: str) -> dict:
    """Index size from ``_cat/indices`` (primaries and with replicas) and ``_cat/shards``, after a refresh."""
    from scripts.opensearch_cluster import http_json

    http_json("POST", f"{url}/{index_name}/_refresh", timeout=300)
    _status, indices = http_json("GET", f"{url}/_cat/indices/{index_name}?format=json&bytes=b", timeout=60)
    _status, shards = http_json("GET", f"{url}/_cat/shards/{index_name}?format=json&bytes=b", timeout=60)
    _status, counted = http_json("GET", f"{url}/{index_name}/_count", timeout=60)
    row = indices[0]
    primaries = [s for s in shards if s.get("prirep") == "p"]
    return {
        "docs": int(counted["count"]),  # articles; docs.count also counts the nested quote documents
        "lucene_docs": int(row["docs.count"]),
        "store_mb": int(row["store.size"]) / 1e6,
        "primary_store_mb": int(row["pri.store.size"]) / 1e6,
        "shards": [{"shard": s["shard"], "prirep": s["prirep"], "node": s.get("node"),
                    "docs": int(s.get("docs") or 0), "store_mb": int(s.get("store") or 0) / 1e6}
                   for s in shards],
        "primary_shard_mb": [int(s.get("store") or 0) / 1e6 for s in primaries],
    }


def opensearch_docs(url: str, index_name: str) -> dict[str, dict]:
    """id -> {day, outlet: [display]} from the index (for the workload when Whoosh is not built)."""
    from opensearchpy import OpenSearch, helpers

    from search import opensearch_schema as O
    from search import schema as S

    client = OpenSearch(hosts=[u.strip() for u in url.split(",")], timeout=120)
    docs: dict[str, dict] = {}
    fields = [S.ID, "day", O.pair_field("outlet")]
    for hit in helpers.scan(client, index=index_name, _source=fields, size=2000, scroll="5m"):
        source = hit["_source"]
        outlets = [p.split(O.PAIR_SEPARATOR, 1)[-1] for p in source.get(O.pair_field("outlet")) or []]
        docs[source[S.ID]] = {"day": source.get("day"), "outlet": outlets}
    return docs


def build_opensearch(url: str, index_name: str, paths: list[Path], jobs: int | None,
                     sampler: RssSampler | None) -> dict:
    """``dateline index --backend opensearch`` (3 shards, 1 replica, ``--rebuild``), timed; the
    nodes' RSS sampled meanwhile, and the indexer's own processes (extraction workers) too."""
    from scripts.memory_test import watch

    command = [*DATELINE_CLI, "index", "--backend", "opensearch", "--opensearch-url", url,
               "--index-name", index_name, "--shards", "3", "--replicas", "1", "--rebuild", "--quiet",
               *map(str, paths)]
    if jobs:
        command[command.index("--quiet"):command.index("--quiet")] = ["--jobs", str(jobs)]
    if sampler:
        sampler.phase = "build"
    started = time.perf_counter()
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(command, cwd=REPO, stdout=log, stderr=subprocess.STDOUT)
        peaks = watch(proc, interval=0.5)
        seconds = time.perf_counter() - started
        log.seek(0)
        output = log.read().decode(errors="replace")
    if proc.returncode != 0:
        raise RuntimeError(f"dateline index --backend opensearch failed ({proc.returncode}):\n"
                           f"{output[-3000:]}")
    summary = [line for line in output.splitlines() if " -> " in line]
    sizes = opensearch_sizes(url.split(",")[0], index_name)
    return {"build_s": seconds, "articles": sizes["docs"],
            "summary": summary[-1] if summary else output[-500:],
            "indexer_peak_rss_mb": peaks["tree"], **sizes}


def run_opensearch(args: argparse.Namespace, work: Path, paths: list[Path], previous: dict,
                   workload_for, docs: dict[str, dict] | None) -> dict:
    """Build (or reuse) the OpenSearch index, then serve it and time the workload over HTTP.

    ``workload_for(docs)`` returns (workload, warmup); ``docs`` are read from OpenSearch when the
    run built no Whoosh index.  Starts a local cluster unless ``--opensearch-url`` names one.
    """
    import contextlib

    from scripts.opensearch_cluster import http_json, start_cluster

    if args.opensearch_url:
        cluster = None
        stack = contextlib.nullcontext()
        url = args.opensearch_url
    else:
        base = work / "opensearch-cluster"
        if not (args.reuse and previous.get("opensearch")):
            shutil.rmtree(base, ignore_errors=True)  # a fresh cluster: no state of an earlier run
        print(f"starting a local {args.os_nodes}-node OpenSearch cluster in {base} ...", file=sys.stderr)
        cluster = start_cluster(args.os_nodes, base, heap=args.os_heap)
        stack = cluster
        url = ",".join(cluster.urls)
    out: dict = {"url": url, "nodes": args.os_nodes if cluster else None,
                 "heap": args.os_heap if cluster else None}
    with stack, (RssSampler(cluster) if cluster else contextlib.nullcontext()) as sampler:
        first = url.split(",")[0]
        status, _body = http_json("HEAD", f"{first}/{OPENSEARCH_INDEX}")
        if previous.get("opensearch") and status == 200:
            out["build"] = previous["opensearch"]
        else:
            print(f"building the OpenSearch index ({len(paths)} sources, 3 shards, 1 replica) ...",
                  file=sys.stderr)
            out["build"] = build_opensearch(url, OPENSEARCH_INDEX, paths, args.jobs, sampler)
            print(f"  {out['build']['build_s']:.1f} s, {out['build']['articles']} articles, "
                  f"{out['build']['store_mb']:.1f} MB", file=sys.stderr)
        if cluster:
            out["data_dirs_mb"] = sum(dir_size(node.dir / "data") for node in cluster.nodes) / 1e6
        docs = docs or opensearch_docs(first, OPENSEARCH_INDEX)
        workload, warmup = workload_for(docs)
        print("measuring dateline serve --backend opensearch ...", file=sys.stderr)
        if sampler:
            sampler.phase = "queries"
        node_pids = [n.process.pid for n in cluster.nodes if n.process] if cluster else []
        out["http"] = measure_serve(serve_command(free_port(), backend="opensearch", opensearch_url=url,
                                                  index_name=OPENSEARCH_INDEX), workload, warmup,
                                    other_pids=node_pids)
        if sampler:
            sampler.sample()
            out["nodes_peak_rss_mb"] = sampler.peaks
    return out


# -- report -----------------------------------------------------------------------------------
def print_table(results: dict) -> None:
    """The issue's table: Dateline through ``dateline serve`` over HTTP (first runs) against FTS5
    and tantivy in process, with both ratios on every row (< 1.0 means Dateline is faster or
    smaller), then the in-process Dateline figures, then the targets as a pass/fail list."""
    engines = ["dateline", "fts5", "tantivy"]
    data = results["engines"]
    rows: list[tuple[str, list[float | None]]] = []

    def add(label: str, getter, dateline_getter=None) -> None:
        values = []
        for name in engines:
            get = dateline_getter if (name == "dateline" and dateline_getter) else getter
            try:
                values.append(get(data[name]))
            except (KeyError, TypeError):
                values.append(None)
        rows.append((label, values))

    add("articles", lambda e: e["build"]["articles"])
    add("build s (Dateline incl. extraction)", lambda e: e["build"]["build_s"])
    add("build CPU s (all processes)", lambda e: e["build"]["cpu_s"])
    add("incremental re-run s", lambda e: e["build"]["incremental_s"])
    add("index size MB", lambda e: e["build"]["size_mb"])
    add("build peak RSS MB (all processes)", lambda e: e["build"]["peak_rss_mb"])
    add("searcher open (+ facet arrays) ms", lambda e: e["open_s"] * 1000)
    for kind in ("all", *QUERY_TYPES):
        for stat in ("p50", "p95"):
            add(f"{kind} {stat} ms (Dateline: HTTP)", lambda e, k=kind, s=stat: e["queries"]["first"][k][s],
                lambda e, k=kind, s=stat: e["http"]["wall"][k][s])
    add("all max ms (Dateline: HTTP)", lambda e: e["queries"]["first"]["all"]["max"],
        lambda e: e["http"]["wall"]["all"]["max"])
    add("CPU ms per query, all (Dateline: server)", lambda e: e["queries"]["cpu_ms_per_query"]["all"],
        lambda e: e["http"]["cpu_ms_per_query"]["all"])
    for kind in ("all", *QUERY_TYPES):
        add(f"in process: {kind} p50 ms", lambda e, k=kind: e["queries"]["first"][k]["p50"])
    add("in process: all p95 ms", lambda e: e["queries"]["first"]["all"]["p95"])
    add("in process: CPU ms per query, all", lambda e: e["queries"]["cpu_ms_per_query"]["all"])
    add("in process: repeat all p50 ms", lambda e: e["queries"]["repeat"]["all"]["p50"])
    add("/api/search overhead p50 ms (test client)", lambda e: e["api"]["overhead"]["p50"])
    add("/api/search overhead p95 ms (test client)", lambda e: e["api"]["overhead"]["p95"])
    add("server peak RSS MB (dateline serve)", lambda e: e["http"]["server_peak_rss_mb"])

    header = f"{'metric':<42}" + "".join(f"{n:>11}" for n in engines) + f"{'DL/FTS5':>10}{'DL/tantivy':>12}"
    print(header)
    print("-" * len(header))
    for label, values in rows:
        line = f"{label:<42}" + "".join(f"{_fmt(v):>11}" for v in values)
        line += f"{_ratio(values[0], values[1]):>10}{_ratio(values[0], values[2]):>12}"
        print(line)
    http = data.get("dateline", {}).get("http", {})
    if http.get("error"):
        print(f"Dateline over HTTP failed: {http['error'][-500:]}")
    elif http:
        print(f"Dateline over HTTP: {http['wall']['all']['n']} distinct queries timed"
              f" ({http['cached']} repeats answered by the result cache, not timed),"
              f" {len(http['errors'])} errors.")
    tantivy = data.get("tantivy", {})
    if tantivy.get("unavailable"):
        print(f"tantivy: not measured: {tantivy['unavailable']}")
    elif tantivy:
        print(f"tantivy {tantivy['build'].get('version', '?')}: {tantivy['segments']} segment(s), facet count"
              f" error bound over several segments {tantivy['facet_count_error_bound']} (0 = exact)")
    print(f"load average at start {' '.join(results['load_at_start'])},"
          f" at end {' '.join(results['load_at_end'])} ({_cpus()} CPUs)")
    if results.get("python"):
        print(f"Python {results['python']['version']} ({results['python']['executable']})")
    print("\ntargets (issue 15):")
    for label, passed, detail in results.get("targets") or targets(results):
        verdict = "n/a " if passed is None else ("PASS" if passed else "FAIL")
        print(f"  [{verdict}] {label}: {detail}")


def _ratio(value: float | None, base: float | None) -> str:
    return f"{value / base:.2f}x" if value is not None and base else "-"


def ratios(results: dict) -> dict:
    """Dateline / FTS5 and Dateline / tantivy for the table's figures, as saved in the JSON: per
    query type p50/p95/max (Dateline over HTTP and in process), CPU per query, build time, build
    CPU, index size and build peak RSS.  ``None`` where a figure is missing."""
    data = results["engines"]

    def get(name: str, *keys: str) -> float | None:
        value = data.get(name)
        for key in keys:
            if not isinstance(value, dict):
                return None
            value = value.get(key)
        return value if isinstance(value, (int, float)) else None

    def pair(dateline: float | None, other: str, *keys: str) -> float | None:
        base = get(other, *keys)
        return dateline / base if dateline is not None and base else None

    out: dict = {}
    for other in ("fts5", "tantivy"):
        figures: dict = {}
        for kind in ("all", *QUERY_TYPES):
            for stat in ("p50", "p95", "max"):
                figures[f"http_{kind}_{stat}"] = pair(get("dateline", "http", "wall", kind, stat),
                                                      other, "queries", "first", kind, stat)
                figures[f"in_process_{kind}_{stat}"] = pair(get("dateline", "queries", "first", kind, stat),
                                                            other, "queries", "first", kind, stat)
        figures["cpu_per_query_http"] = pair(get("dateline", "http", "cpu_ms_per_query", "all"),
                                             other, "queries", "cpu_ms_per_query", "all")
        for key in ("build_s", "cpu_s", "size_mb", "peak_rss_mb"):
            figures[f"build_{key}"] = pair(get("dateline", "build", key), other, "build", key)
        out[f"dateline_{other}"] = figures
    return out


#: Build time targets of issue 15 per scale, seconds (1x: 37.5k articles; 8x: 300k).
BUILD_TARGET_S = {1: 120.0, 8: 18 * 60.0}


def targets(results: dict) -> list[tuple[str, bool | None, str]]:
    """Issue 15's targets computed from the figures: ``(target, passed or None if not measured, figures)``.

    Query targets compare Dateline's first runs over HTTP with FTS5's and tantivy's in process.
    """
    data = results["engines"]
    out: list[tuple[str, bool | None, str]] = []

    def get(getter):
        try:
            return getter()
        except (KeyError, TypeError):
            return None

    def check(label: str, value: float | None, limit: float | None, unit: str = "") -> None:
        if value is None or limit is None:
            out.append((label, None, "not measured" if value is None else "no target for this run"))
        else:
            out.append((label, value <= limit, f"{_fmt(value)}{unit} vs {_fmt(limit)}{unit}"))

    def http(kind: str, stat: str) -> float | None:
        return get(lambda: data["dateline"]["http"]["wall"][kind][stat])

    def inproc(name: str, kind: str, stat: str) -> float | None:
        return get(lambda: data[name]["queries"]["first"][kind][stat])

    for kind in QUERY_TYPES:
        check(f"{kind} p50 <= 1.0x FTS5", http(kind, "p50"), inproc("fts5", kind, "p50"), " ms")
    check("all p50 <= 1.0x tantivy", http("all", "p50"), inproc("tantivy", "all", "p50"), " ms")
    check("all p95 <= 1.0x FTS5", http("all", "p95"), inproc("fts5", "all", "p95"), " ms")
    check("all p95 <= 1.0x tantivy", http("all", "p95"), inproc("tantivy", "all", "p95"), " ms")
    limit = BUILD_TARGET_S.get(results.get("scale")) if not results.get("limit") else None
    check("build time", get(lambda: data["dateline"]["build"]["build_s"]), limit, " s")
    check("build peak RSS, all processes <= 2 GiB", get(lambda: data["dateline"]["build"]["peak_rss_mb"]),
          2048.0, " MiB")
    fts_size = get(lambda: data["fts5"]["build"]["size_mb"])
    check("index size <= 1.6x FTS5", get(lambda: data["dateline"]["build"]["size_mb"]),
          1.6 * fts_size if fts_size else None, " MB")
    check("serving overhead p50 <= 5 ms", get(lambda: data["dateline"]["api"]["overhead"]["p50"]), 5.0, " ms")
    check("server RSS <= 1 GiB", get(lambda: data["dateline"]["http"]["server_peak_rss_mb"]), 1024.0, " MiB")
    # Not an issue-15 figure but a wrong answer: an article whose extraction raised is not indexed.
    check("articles that failed to index", get(lambda: data["dateline"]["build"]["failed"]), 0)
    return out


def print_backends(results: dict) -> None:
    """Whoosh and OpenSearch side by side: build, size, memory, and the workload through
    ``dateline serve`` over HTTP (first runs; client wall time per request)."""
    whoosh = results["engines"].get("dateline")
    opensearch = results["opensearch"]
    columns = [("whoosh", whoosh), ("opensearch", opensearch)] if whoosh else [("opensearch", opensearch)]
    rows: list[tuple[str, list]] = []

    def add(label: str, whoosh_get, opensearch_get) -> None:
        values = []
        for name, data in columns:
            getter = whoosh_get if name == "whoosh" else opensearch_get
            try:
                values.append(getter(data) if getter else None)
            except (KeyError, TypeError, IndexError):
                values.append(None)
        rows.append((label, values))

    build = opensearch["build"]
    add("articles", lambda e: e["build"]["articles"], lambda e: e["build"]["articles"])
    add("build s (incl. extraction)", lambda e: e["build"]["build_s"], lambda e: e["build"]["build_s"])
    add("index size MB (OpenSearch: primaries)", lambda e: e["build"]["size_mb"],
        lambda e: e["build"]["primary_store_mb"])
    add("index size MB incl. replicas", lambda e: e["build"]["size_mb"], lambda e: e["build"]["store_mb"])
    add("node data folders MB (sum)", None, lambda e: e["data_dirs_mb"])
    add("largest primary shard MB", None, lambda e: max(e["build"]["primary_shard_mb"]))
    add("build peak RSS MB, indexer processes", lambda e: e["build"]["peak_rss_mb"],
        lambda e: e["build"]["indexer_peak_rss_mb"])
    add("build peak RSS MB, nodes (sum)", None, lambda e: e["nodes_peak_rss_mb"]["build"]["sum_mb"])
    add("queries peak RSS MB, nodes (sum)", None, lambda e: e["nodes_peak_rss_mb"]["queries"]["sum_mb"])
    add("queries peak RSS MB, largest node", None,
        lambda e: e["nodes_peak_rss_mb"]["queries"]["node_max_mb"])
    add("server peak RSS MB (dateline serve)", lambda e: e["http"]["server_peak_rss_mb"],
        lambda e: e["http"]["server_peak_rss_mb"])
    for kind in ("all", *QUERY_TYPES):
        for stat in ("p50", "p95"):
            add(f"HTTP {kind} {stat} ms", lambda e, k=kind, s=stat: e["http"]["wall"][k][s],
                lambda e, k=kind, s=stat: e["http"]["wall"][k][s])
    for kind in ("all", *QUERY_TYPES):
        add(f"CPU ms per query {kind} (server + nodes)", lambda e, k=kind: e["http"]["cpu_ms_per_query"][k],
            lambda e, k=kind: e["http"]["cpu_ms_per_query"][k])
    add("took_ms all p50 ms (server-reported)", lambda e: e["http"]["took"]["all"]["p50"],
        lambda e: e["http"]["took"]["all"]["p50"])
    add("repeats answered by the result cache", lambda e: e["http"]["cached"], lambda e: e["http"]["cached"])
    add("errors (non-200)", lambda e: len(e["http"]["errors"]), lambda e: len(e["http"]["errors"]))

    header = f"{'metric':<42}" + "".join(f"{name:>14}" for name, _data in columns)
    print(header)
    print("-" * len(header))
    for label, values in rows:
        print(f"{label:<42}" + "".join(f"{_fmt(v):>14}" for v in values))
    print(f"\nOpenSearch: {opensearch.get('nodes') or 'external'} nodes, heap {opensearch.get('heap') or '-'}"
          f" each, 3 shards + 1 replica, {build.get('summary', '')}")
    print(f"load average at start {' '.join(results['load_at_start'])},"
          f" at end {' '.join(results['load_at_end'])} ({_cpus()} CPUs)")
    print("NOTE: the nodes of a local cluster share this machine's cores with each other, the indexer and"
          " the\nserver: these figures show OpenSearch's overhead on one machine, not the speed-up of a real"
          " cluster\n(one node per host).")
    if results.get("limit"):
        print(f"NOTE: measured on the first {results['limit']} articles of the corpus (--limit),"
              " not all of it.")


def _cpus() -> int:
    import os

    return os.cpu_count() or 1


def _fmt(value: float | None) -> str:
    if value is None:
        return "-"
    if isinstance(value, int) or value >= 10_000:
        return f"{value:,.0f}"
    return f"{value:,.1f}"


# -- main -------------------------------------------------------------------------------------
def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "_build":
        parser = argparse.ArgumentParser(prog="bench.py _build")
        parser.add_argument("index_dir")
        parser.add_argument("paths", nargs="+")
        parser.add_argument("--jobs", type=int)
        args = parser.parse_args(argv[1:])
        _build_child(args.index_dir, args.paths, args.jobs)
        return 0
    if argv and argv[0] == "_api":
        _api_child(argv[1], argv[2])
        return 0
    if argv and argv[0] == "_fts5":
        fts_path, index_dir, *sources = argv[1:]
        docs = dateline_docs(Path(index_dir))
        print(json.dumps(build_fts5(Path(fts_path), [Path(p) for p in sources], docs)))
        return 0
    if argv and argv[0] == "_tantivy":
        env, index_path, index_dir, *sources = argv[1:]
        docs = dateline_docs(Path(index_dir))
        print(json.dumps(build_tantivy(Path(env), Path(index_path), [Path(p) for p in sources], docs)))
        return 0
    if argv and argv[0] == "serve-compare":
        return serve_compare_main(argv[1:])
    if argv and argv[0] == "install-tantivy":
        # CI (.ci/run) prepares the benchmark's folder once, before the tests that use it.
        env = bench_env(Path(argv[1]) if len(argv) > 1 else DEFAULT_WORKDIR)
        tantivy, why = load_tantivy(env)
        print(f"tantivy {TANTIVY_VERSION} ready in {env}" if tantivy else why,
              file=sys.stdout if tantivy else sys.stderr)
        return 0 if tantivy else 1
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=int, choices=(1, 8), default=1, help="1x (37.5k) or 8x (~300k)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="AllSides .tar.xz folder")
    parser.add_argument("--workdir", type=Path, default=DEFAULT_WORKDIR, help="indexes, replicas")
    parser.add_argument("--out", type=Path, help="JSON [WORKDIR/bench-<scale>x.json]")
    parser.add_argument("--jobs", type=int, help="extraction processes for the Dateline build [CPUs]")
    parser.add_argument("--queries", type=int, default=100, help="workload size (default 100)")
    parser.add_argument("--reuse", action="store_true", help="reuse indexes built by an earlier run")
    parser.add_argument("--backend", type=_backends, default=("whoosh",),
                        help="whoosh (with FTS5 beside it; the default), opensearch, or both: "
                        "whoosh,opensearch")
    parser.add_argument("--limit", type=int,
                        help="only the first N articles of the corpus (written once as one JSONL file)")
    parser.add_argument("--opensearch-url",
                        help="an existing cluster (node URLs, comma-separated) [start a local one]")
    parser.add_argument("--os-nodes", type=int, default=3, help="nodes of the local cluster (default 3)")
    parser.add_argument("--os-heap", default="512m", help="heap of each local node (default 512m)")
    args = parser.parse_args(argv)

    tag = f"{args.scale}x" + (f"-first{args.limit}" if args.limit else "")
    work = args.workdir / tag
    work.mkdir(parents=True, exist_ok=True)
    paths = base_sources(args.corpus)
    if args.scale > 1:
        paths = paths + replica_sources(args.corpus, args.workdir, args.scale)
    if args.limit:
        paths = [prefix_source(paths, args.workdir, args.limit, tag)]
    # Word statistics from the 1x archives, or from the prefix when only a prefix is indexed.
    stats_paths = paths if args.limit else base_sources(args.corpus)
    results: dict = {"scale": args.scale, "limit": args.limit, "corpus": str(args.corpus),
                     "backends": list(args.backend), "engines": {},
                     "load_at_start": Path("/proc/loadavg").read_text().split()[:3],
                     # Every engine runs in this interpreter (subprocesses and the server too); how
                     # it was built moves the Python parts by a quarter (scripts/pick_python.py).
                     "python": {"version": sys.version.split()[0],
                                "executable": str(Path(sys.executable).resolve())}}
    saved = work / "builds.json"
    previous = json.loads(saved.read_text()) if args.reuse and saved.exists() else {}
    builds = dict(previous)
    corpus_stats: list = []

    def workload_for(docs: dict[str, dict]) -> tuple[list[Query], list[Query]]:
        if not corpus_stats:
            print("generating the workload ...", file=sys.stderr)
            corpus_stats.extend(corpus_statistics(stats_paths))
        df, bigrams = corpus_stats
        workload = make_workload(df, bigrams, docs, QUERY_SEED, args.queries)
        results["workload"] = [asdict(q) for q in workload]
        return workload, make_workload(df, bigrams, docs, QUERY_SEED + 1, 30)

    docs = None
    if "whoosh" in args.backend:
        docs = run_whoosh(args, work, paths, previous, builds, workload_for, results)
        saved.write_text(json.dumps(builds))
    if "opensearch" in args.backend:
        opensearch = run_opensearch(args, work, paths, previous, workload_for, docs)
        results["opensearch"] = opensearch
        builds["opensearch"] = opensearch["build"]
        saved.write_text(json.dumps(builds))
    results["load_at_end"] = Path("/proc/loadavg").read_text().split()[:3]
    if "whoosh" in args.backend:
        results["ratios"] = ratios(results)
        results["targets"] = targets(results)

    out = args.out or args.workdir / f"bench-{tag}.json"
    out.write_text(json.dumps(results, indent=2, default=str))
    if "whoosh" in args.backend:
        print_table(results)
        for key in ("dateline_fts5", "tantivy_fts5", "dateline_tantivy"):
            if f"totals_agreement_{key}" in results:
                pair = key.replace("_", " vs ")
                print(f"totals agreement ({pair}): {results[f'totals_agreement_{key}']}")
    if "opensearch" in args.backend:
        print()
        print_backends(results)
    print(f"JSON: {out}")
    return 0


def _backends(value: str) -> tuple[str, ...]:
    names = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    unknown = [n for n in names if n not in ("whoosh", "opensearch")]
    if unknown or not names:
        wrong = ", ".join(unknown) or repr(value)
        raise argparse.ArgumentTypeError(f"backends are whoosh and opensearch, not {wrong}")
    return names


def run_whoosh(args: argparse.Namespace, work: Path, paths: list[Path], previous: dict, builds: dict,
               workload_for, results: dict) -> dict[str, dict]:
    """The Whoosh (Dateline) side and FTS5 beside it, as this benchmark has always measured them;
    with OpenSearch in the same run also the workload through ``dateline serve`` over HTTP."""
    index_dir = work / "dateline-index"
    fts_path = work / "fts5.sqlite"
    if previous.get("dateline") and index_dir.exists():
        dl_build = previous["dateline"]
    else:
        print(f"building Dateline index ({len(paths)} sources) ...", file=sys.stderr)
        dl_build = build_dateline(index_dir, paths, args.jobs)
        print(f"  {dl_build}", file=sys.stderr)
    builds["dateline"] = dl_build
    docs = dateline_docs(index_dir)
    if previous.get("fts5") and fts_path.exists():
        fts_build = previous["fts5"]
    else:
        print("building FTS5 index ...", file=sys.stderr)
        fts_build = _fts5_build_in_child(fts_path, paths, index_dir)
        print(f"  {fts_build}", file=sys.stderr)
    builds["fts5"] = fts_build

    workload, warmup = workload_for(docs)

    print("measuring Dateline queries ...", file=sys.stderr)
    dateline = DatelineEngine(index_dir)
    dl_queries = measure(dateline, workload, warmup)
    dateline.close()
    print("measuring /api/search ...", file=sys.stderr)
    dl_api = measure_api(index_dir, workload)
    print("measuring dateline serve over HTTP ...", file=sys.stderr)
    try:
        dl_http = measure_serve(serve_command(free_port(), index_dir=index_dir), workload, warmup)
    except RuntimeError as error:
        dl_http = {"error": str(error)}
    print("measuring FTS5 queries ...", file=sys.stderr)
    started = time.perf_counter()
    fts = Fts5Engine(fts_path)
    fts_open = time.perf_counter() - started
    fts_queries = measure(fts, workload, warmup)
    fts.close()

    results["engines"]["dateline"] = {"build": dl_build, "open_s": dateline.open_s,
                                      "queries": _strip(dl_queries), "api": dl_api, "http": dl_http}
    results["engines"]["fts5"] = {"build": fts_build, "open_s": fts_open, "queries": _strip(fts_queries)}
    results["totals_agreement_dateline_fts5"] = agreement(dl_queries["answers"], fts_queries["answers"])
    answers = {"dateline": dl_queries["answers"], "fts5": fts_queries["answers"]}
    tantivy_answers = run_tantivy(args, work, paths, index_dir, previous, builds, workload, warmup, results)
    if tantivy_answers:
        answers["tantivy"] = tantivy_answers
        results["totals_agreement_tantivy_fts5"] = agreement(tantivy_answers, fts_queries["answers"])
        results["totals_agreement_dateline_tantivy"] = agreement(dl_queries["answers"], tantivy_answers)
    http_totals = dl_http.get("totals") or [None] * len(workload)
    results["per_query"] = [
        {**asdict(q), **{f"{name}_total": a[i]["total"] for name, a in answers.items()},
         "dateline_http_total": http_totals[i]}
        for i, q in enumerate(workload)
    ]
    return docs


def run_tantivy(args: argparse.Namespace, work: Path, paths: list[Path], index_dir: Path, previous: dict,
                builds: dict, workload: list[Query], warmup: list[Query], results: dict) -> list[dict] | None:
    """Install (once), build (or reuse) and measure tantivy; its answers, or None with the reason
    in ``results["engines"]["tantivy"]["unavailable"]`` when it cannot be installed or imported."""
    env = bench_env(args.workdir)
    tantivy, why = load_tantivy(env)
    if tantivy is None:
        print(f"tantivy not measured: {why}", file=sys.stderr)
        results["engines"]["tantivy"] = {"unavailable": why}
        return None
    index_path = work / "tantivy-index"
    if previous.get("tantivy") and index_path.exists():
        build = previous["tantivy"]
    else:
        print("building tantivy index ...", file=sys.stderr)
        build = _tantivy_build_in_child(env, index_path, paths, index_dir)
        print(f"  {build}", file=sys.stderr)
    builds["tantivy"] = build
    print("measuring tantivy queries ...", file=sys.stderr)
    engine = TantivyEngine(tantivy, index_path)
    queries = measure(engine, workload, warmup)
    engine.close()
    errors = sum(a["count_error"] for a in queries["answers"])
    results["engines"]["tantivy"] = {"build": build, "open_s": engine.open_s, "segments": engine.segments,
                                     "env": str(env), "facet_count_error_bound": errors,
                                     "queries": _strip(queries)}
    return queries["answers"]


def serve_compare_main(argv: list[str]) -> int:
    """``bench.py serve-compare``: only the query workload, through ``dateline serve`` of two (or
    more) checkouts on one Whoosh index, alternating.  See docs/performance.md."""
    parser = argparse.ArgumentParser(prog="bench.py serve-compare", description=serve_compare_main.__doc__)
    parser.add_argument("--index", type=Path, required=True, help="a Whoosh index folder (built once)")
    parser.add_argument("--tree", action="append", required=True, metavar="LABEL=DIR[@INDEX]",
                        help="a checkout to serve with (repeat; e.g. before=/tmp/dl-before after=.); "
                        "@INDEX serves that checkout on its own index instead of --index (e.g. the "
                        "same articles in another index format)")
    parser.add_argument("--rounds", type=int, default=2, help="runs per checkout, alternating (default 2)")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="AllSides .tar.xz folder")
    parser.add_argument("--words-from", type=Path, nargs="+",
                        help="sources of the workload's word statistics, e.g. the prefix-<tag>.jsonl of "
                        "an index built with --limit [the corpus's archives]")
    parser.add_argument("--queries", type=int, default=100, help="workload size (default 100)")
    parser.add_argument("--out", type=Path, help="JSON results")
    args = parser.parse_args(argv)
    specs = [(label, tree.partition("@")) for label, tree in (t.split("=", 1) for t in args.tree)]
    trees = [(label, Path(tree).resolve()) for label, (tree, _at, _index) in specs]
    indexes = {label: Path(index).resolve() for label, (_tree, _at, index) in specs if index}
    docs = dateline_docs(args.index)
    print("generating the workload ...", file=sys.stderr)
    df, bigrams = corpus_statistics(args.words_from or base_sources(args.corpus))
    workload = make_workload(df, bigrams, docs, QUERY_SEED, args.queries)
    warmup = make_workload(df, bigrams, docs, QUERY_SEED + 1, 30)
    compared = serve_compare(trees, args.index, workload, warmup, args.rounds, indexes)
    labels = [label for label, _tree in trees]
    first = compared[labels[0]]["totals"]
    for label in labels[1:]:
        same = sum(a == b for a, b in zip(first, compared[label]["totals"], strict=True))
        print(f"totals equal ({labels[0]} vs {label}): {same} of {len(first)}")
    print_compare(compared)
    if args.out:
        args.out.write_text(json.dumps({"index": str(args.index), "trees": {k: str(v) for k, v in trees},
                                        "indexes": {k: str(v) for k, v in indexes.items()},
                                        "compared": compared}, indent=2, default=str))
        print(f"JSON: {args.out}")
    return 0


def _strip(measured: dict) -> dict:
    return {k: v for k, v in measured.items() if k != "answers"}


def _fts5_build_in_child(fts_path: Path, paths: list[Path], index_dir: Path) -> dict:
    """Build FTS5 in a fresh interpreter so its peak RSS is its own, not the benchmark's."""
    command = [sys.executable, __file__, "_fts5", str(fts_path), str(index_dir), *map(str, paths)]
    return _run_child(command)


if __name__ == "__main__":
    raise SystemExit(main())
