"""``dateline``: index, search, serve and extract from the command line.

Each command is a few lines composing library functions; all behaviour lives in the libraries.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from index.storage import IndexUnavailableError, default_index_dir
from webui import server

INDEX_OPTION = click.option(
    "--index",
    "index_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=default_index_dir,
    show_default="$DATELINE_INDEX or ~/.local/share/dateline/index",
    help="Index directory.",
)

#: The same alias file must be given to ``index``, ``search`` and ``serve`` (or set once in the
#: environment): folding at index time and query expansion at search time use the same merges.
ALIASES_OPTION = click.option(
    "--aliases", type=click.Path(exists=True, dir_okay=False), envvar="DATELINE_ALIASES",
    help="Alias file merging name spellings (docs/aliases.md) [$DATELINE_ALIASES].",
)


#: Where the index lives: a folder (whoosh, the default) or an OpenSearch cluster.  The same three
#: options on ``index``, ``search`` and ``serve``, each with its environment variable.
BACKEND_OPTION = click.option(
    "--backend", type=click.Choice(["whoosh", "opensearch"]), envvar="DATELINE_BACKEND", default="whoosh",
    show_default="$DATELINE_BACKEND or whoosh",
    help="whoosh: the index folder (--index); opensearch: an OpenSearch cluster (--opensearch-url).",
)
OPENSEARCH_URL_OPTION = click.option(
    "--opensearch-url", envvar="DATELINE_OPENSEARCH_URL", default="http://127.0.0.1:9200",
    show_default="$DATELINE_OPENSEARCH_URL or http://127.0.0.1:9200",
    help="OpenSearch node URL (several: comma-separated).",
)
INDEX_NAME_OPTION = click.option(
    "--index-name", envvar="DATELINE_OPENSEARCH_INDEX", default="dateline",
    show_default="$DATELINE_OPENSEARCH_INDEX or dateline", help="OpenSearch index name.",
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Dateline: full-text search for news-article archives."""


@main.command("index")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@INDEX_OPTION
@click.option("--rebuild", is_flag=True, help="Delete the index first and build it from scratch.")
@click.option("--jobs", "-j", type=click.IntRange(1, 64), default=None,
              help="Worker processes that extract articles and build index segments [CPUs].")
@click.option("--batch-size", type=click.IntRange(1), default=None,
              help="Articles per segment, each committed as one batch [5000].")
@click.option("--lock-timeout", type=click.FloatRange(0), default=None,
              help="Seconds to wait for another indexer's commit [600].")
@ALIASES_OPTION
@click.option("--quiet", "-q", is_flag=True, help="No progress bar.")
@BACKEND_OPTION
@OPENSEARCH_URL_OPTION
@INDEX_NAME_OPTION
@click.option("--shards", type=click.IntRange(1, 1024), default=3, show_default=True,
              help="Primary shards of a new OpenSearch index.")
@click.option("--replicas", type=click.IntRange(0, 16), default=1, show_default=True,
              help="Replicas of a new OpenSearch index.")
@click.option("--recluster", is_flag=True,
              help="OpenSearch: afterwards recompute every copy cluster from the stored signatures "
                   "(repairs clusters two concurrent runs wrote at the same instant).")
def index_command(paths, index_dir, rebuild, jobs, batch_size, lock_timeout, aliases, quiet, backend,
                  opensearch_url, index_name, shards, replicas, recluster) -> None:
    """Index the articles under PATHS (folders, files, .zip/.tar archives); only changes are written."""
    if not quiet:
        from index.extract import implementation

        click.echo(f"extraction: {implementation()}", err=True)  # compiled, or pure Python and why
    if backend == "opensearch":
        _index_opensearch(paths, opensearch_url, index_name, shards=shards, replicas=replicas, jobs=jobs,
                          batch_size=batch_size, aliases=aliases, rebuild=rebuild, quiet=quiet,
                          recluster=recluster)
        return
    from index import writer

    options = {"jobs": jobs, "alias_path": aliases, "rebuild": rebuild, "progress": not quiet}
    if batch_size:
        options["batch_size"] = batch_size
    if lock_timeout is not None:
        options["lock_timeout"] = lock_timeout

    def committed(batch: int, total: int) -> None:
        if quiet:
            return
        click.echo(f"committed {batch} articles ({total} this run)", err=True)

    try:
        report = writer.index_paths(paths, index_dir, on_commit=committed, **options)
    except (IndexUnavailableError, writer.IndexLockTimeout, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for article_id, reason in report.failed:
        click.echo(f"failed: {article_id}: {reason}", err=True)
    click.echo(f"{report.summary()} -> {index_dir}", err=True)


def _index_opensearch(paths, url, index_name, *, shards, replicas, jobs, batch_size, aliases, rebuild,
                      quiet, recluster) -> None:
    """``dateline index --backend opensearch``: the same walk and output, into an OpenSearch index."""
    from index import opensearch_writer as ow

    def committed(batch: int, total: int) -> None:
        if not quiet:
            click.echo(f"wrote {batch} articles ({total} this run)", err=True)

    options = {"batch_size": batch_size} if batch_size else {}
    try:
        report = ow.index_paths_opensearch(paths, url, index_name, shards=shards, replicas=replicas,
                                           jobs=jobs, aliases=aliases, rebuild=rebuild, progress=not quiet,
                                           on_commit=committed, **options)
        if recluster:
            fixed = ow.recluster_opensearch(url, index_name)
            click.echo(f"recluster: {fixed.cluster_updates} cluster fields corrected", err=True)
    except (ow.OpenSearchIndexError, ValueError) as exc:
        raise click.ClickException(str(exc)) from exc
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for article_id, reason in report.failed:
        click.echo(f"failed: {article_id}: {reason}", err=True)
    click.echo(f"{report.summary()} -> {index_name} at {url}", err=True)
    if report.rejected:
        raise click.ClickException(f"OpenSearch refused {report.rejected} documents (listed above)")


@main.command("search")
@click.argument("query", required=False, default="")
@INDEX_OPTION
@click.option("--outlet", multiple=True, help="Only this outlet (repeatable: any of them).")
@click.option("--speaker", multiple=True, help="Only articles quoting this speaker (repeatable).")
@click.option("--person", multiple=True)
@click.option("--organization", multiple=True)
@click.option("--place", multiple=True)
@click.option("--from", "date_from", help="First publication date, YYYY-MM-DD.")
@click.option("--to", "date_to", help="Last publication date, YYYY-MM-DD.")
@click.option("--since", help="Only articles indexed since then: a duration back from now (90m, 12h, 7d, "
              "2w) or a UTC date or date and time (2026-12-01, 2026-12-01T08:00).")
@click.option("--sort", type=click.Choice(["relevance", "newest", "oldest", "indexed"]), default=None,
              help="indexed: newest first by when the article entered the index "
              "[relevance; indexed with --since].")
@click.option("--page", type=int, default=1)
@click.option("--per-page", type=int, default=10)
@click.option("--collapse", is_flag=True,
              help="One hit per copy cluster (syndicated and duplicate copies), with its copies listed.")
@click.option("--count", "count", type=click.Choice(["all", "originals"]), default="all", show_default=True,
              help="originals: facet counts count each copy cluster's original only.")
@click.option("--json", "as_json", is_flag=True, help="Print the same JSON as /api/search.")
@ALIASES_OPTION
@BACKEND_OPTION
@OPENSEARCH_URL_OPTION
@INDEX_NAME_OPTION
def search_command(query, index_dir, outlet, speaker, person, organization, place, date_from, date_to,
                   since, sort, page, per_page, collapse, count, as_json, aliases, backend, opensearch_url,
                   index_name) -> None:
    """Search the index; QUERY uses the same language as the web search box."""
    from search.backend import BackendUnavailableError, open_backend
    from search.request import QueryError, SearchRequest

    args = {"q": query, "outlet": list(outlet), "speaker": list(speaker), "person": list(person),
            "organization": list(organization), "place": list(place),
            "sort": sort or ("indexed" if since else "relevance"),
            "page": str(page), "per_page": str(per_page)}
    if date_from:
        args["from"] = date_from
    if date_to:
        args["to"] = date_to
    if since:
        args["since"] = since
    if collapse:
        args["collapse"] = "copies"
    args["count"] = count
    try:
        request = SearchRequest.from_args(args)
        where = ({"url": opensearch_url, "index_name": index_name} if backend == "opensearch"
                 else {"index_dir": index_dir})
        engine = open_backend(backend, aliases=aliases, time_budget=None, result_cache_size=0, **where)
        try:
            result = engine.search(request)
        finally:
            engine.close()
    except (QueryError, BackendUnavailableError) as exc:
        raise click.ClickException(str(exc)) from exc
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"{result.total} articles")
    for hit in result.hits:
        indexed = f"indexed {hit.indexed}" if since and hit.indexed else None
        meta = " · ".join(x for x in (hit.outlet, hit.published, indexed) if x)
        click.echo(f"\n{hit.title}  [{hit.id}]\n  {meta}")
        if hit.speakers:
            click.echo(f"  quoting: {', '.join(hit.speakers)}")
        if hit.copies_total:
            copies = ", ".join(f"{c.outlet or 'outlet unknown'} [{c.id}]" for c in hit.copies)
            unlisted = hit.copies_total - len(hit.copies)
            more = f" and {unlisted} more" if unlisted else ""
            click.echo(f"  copies ({hit.copies_total}): {copies}{more}")
    for kind in ("outlet", "speaker"):
        top = ", ".join(f"{v.value} ({v.count})" for v in result.facets[kind][:8])
        if top:
            click.echo(f"\n{kind}: {top}")


@main.command("serve")
@INDEX_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Interface to listen on (0.0.0.0 exposes the server to the network).")
@click.option("--port", default=8000, show_default=True, type=int)
@click.option("--threads", default=server.DEFAULT_THREADS, show_default=True, type=click.IntRange(1, 64),
              help="Threads running searches, pages and exports.")
@click.option("--connection-limit", default=server.DEFAULT_CONNECTION_LIMIT, show_default=True,
              type=click.IntRange(1),
              help="Open connections at once (lowered to fit the open-file limit).")
@click.option("--idle-timeout", default=server.IDLE_TIMEOUT, show_default=True, type=click.FloatRange(0.5),
              help="Seconds an idle connection stays open.")
@click.option("--request-timeout", default=server.REQUEST_TIMEOUT, show_default=True,
              type=click.FloatRange(0.5),
              help="Seconds a client has to send a whole request (slow senders are cut off).")
@click.option("--trusted-proxy", metavar="ADDRESS",
              help="Address of the reverse proxy in front ('*' for any); only its X-Forwarded-For, "
              "-Proto, -Host and -Port headers are believed.")
@ALIASES_OPTION
@BACKEND_OPTION
@OPENSEARCH_URL_OPTION
@INDEX_NAME_OPTION
def serve_command(index_dir, host, port, threads, connection_limit, idle_timeout, request_timeout,
                  trusted_proxy, aliases, backend, opensearch_url, index_name) -> None:
    """Serve the web UI and JSON API on a production WSGI server (waitress).

    Idle connections and requests that arrive too slowly are closed, so a few clients cannot
    hold every connection; exports run a few at a time (429 with Retry-After past that).

    \b
    On a network, run it behind a reverse proxy (TLS, per-client rate limits):
      dateline serve --port 8000 --trusted-proxy 127.0.0.1
    with nginx forwarding to http://127.0.0.1:8000 and setting X-Forwarded-For,
    X-Forwarded-Proto and X-Forwarded-Host (docs/operations.md has the nginx example).
    """
    from webui import create_app

    server.limit_malloc_arenas()  # before any thread starts: see its docstring
    config = {"BACKEND": backend, "INDEX_DIR": str(index_dir), "OPENSEARCH_URL": opensearch_url,
              "OPENSEARCH_INDEX": index_name, **({"ALIASES": aliases} if aliases else {})}
    app = create_app(config)
    where = f"{index_name} at {opensearch_url}" if backend == "opensearch" else str(index_dir)
    if not app.extensions["dateline"].warm():
        build = "dateline index --backend opensearch" if backend == "opensearch" else "dateline index"
        click.echo(f"warning: no readable index at {where} yet; searches answer 503 until "
                   f"`{build}` builds it", err=True)
    server.freeze_startup_objects()  # after warm(): see its docstring
    expensive = app.config["EXPORT_CONCURRENCY"] + app.config["EXPANDING_CONCURRENCY"]
    if threads <= expensive:
        # Measured (scripts/load_check.py): with 4 threads and 2 + 2 slots, searches waited 8 s.
        click.echo(f"warning: --threads {threads} leaves no thread for ordinary searches while "
                   f"{expensive} exports and wildcard/fuzzy searches run; use more than {expensive}",
                   err=True)
    http = server.create_server(app, host=host, port=port, threads=threads, connections=connection_limit,
                                idle_timeout=idle_timeout, request_timeout=request_timeout,
                                trusted_proxy=trusted_proxy)
    click.echo(f"Dateline serving {where} at http://{host}:{port}/", err=True)
    http.run()


@main.command("extract")
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["jsonl"]), default="jsonl", show_default=True)
@ALIASES_OPTION
def extract_command(paths, fmt, aliases) -> None:
    """Print what extraction finds in each article (one JSON object per line); no index is touched."""
    from index.document import extraction_record
    from index.extract import AliasTable, extract
    from index.readers import ReadFailure, ReadWarning, read_paths

    table = AliasTable.load(aliases) if aliases else AliasTable.default()
    out = sys.stdout
    for item in read_paths(paths):
        if isinstance(item, ReadWarning):
            click.echo(f"warning: {item.reason}", err=True)
            continue
        if isinstance(item, ReadFailure):
            click.echo(f"failed: {item.id}: {item.reason}", err=True)
            continue
        record = extraction_record(item, extract(item, table))
        out.write(json.dumps(record, ensure_ascii=False) + "\n")
