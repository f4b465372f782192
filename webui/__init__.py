"""Dateline web UI and JSON API (Flask app factory)."""

from __future__ import annotations

import os
from typing import Any

from flask import Flask

from index.storage import default_index_dir
from webui.json_provider import OrjsonProvider


def create_app(config: dict[str, Any] | None = None) -> Flask:
    """Create the app.  Configuration, later wins: defaults, ``instance/config.py``,
    environment (``DATELINE_BACKEND``, ``DATELINE_INDEX``, ``DATELINE_OPENSEARCH_URL``,
    ``DATELINE_OPENSEARCH_INDEX``, ``DATELINE_ALIASES``, ``DATELINE_TIME_BUDGET``), ``config``.
    """
    app = Flask(__name__, instance_relative_config=True)
    app.json = OrjsonProvider(app)
    app.config.from_mapping(
        # "whoosh" (an index folder, INDEX_DIR) or "opensearch" (a cluster, OPENSEARCH_URL).
        BACKEND="whoosh",
        INDEX_DIR=str(default_index_dir()),
        OPENSEARCH_URL=None,  # None: $DATELINE_OPENSEARCH_URL, else http://127.0.0.1:9200
        OPENSEARCH_INDEX=None,  # None: $DATELINE_OPENSEARCH_INDEX, else "dateline"
        ALIASES=None,
        TIME_BUDGET=2.0,
        # Searches remembered per process (0 disables); a commit invalidates them.
        RESULT_CACHE_SIZE=256,
        # Exports streaming at once, and searches expanding wildcard or fuzzy terms at once (each
        # holds a server thread for seconds); more get 429 + Retry-After (s).  webui/admission.py
        EXPORT_CONCURRENCY=2,
        EXPORT_RETRY_AFTER=10,
        EXPANDING_CONCURRENCY=2,
        EXPANDING_RETRY_AFTER=2,
        # Only GET requests are served; a small cap stops large bodies at the door.
        MAX_CONTENT_LENGTH=64 * 1024,
        SEND_FILE_MAX_AGE_DEFAULT=3600,
    )
    app.config.from_pyfile("config.py", silent=True)
    for name in ("BACKEND", "OPENSEARCH_URL", "OPENSEARCH_INDEX"):
        if os.environ.get(f"DATELINE_{name}"):
            app.config[name] = os.environ[f"DATELINE_{name}"]
    if os.environ.get("DATELINE_INDEX"):
        app.config["INDEX_DIR"] = os.environ["DATELINE_INDEX"]
    if os.environ.get("DATELINE_ALIASES"):
        app.config["ALIASES"] = os.environ["DATELINE_ALIASES"]
    if os.environ.get("DATELINE_TIME_BUDGET"):
        app.config["TIME_BUDGET"] = float(os.environ["DATELINE_TIME_BUDGET"])
    if config:
        app.config.update(config)

    from search.backend import open_backend
    from webui import admission, errors, security, views

    common = {"aliases": app.config["ALIASES"], "time_budget": app.config["TIME_BUDGET"],
              "result_cache_size": app.config["RESULT_CACHE_SIZE"]}
    if app.config["BACKEND"] == "opensearch":
        backend = open_backend("opensearch", url=app.config["OPENSEARCH_URL"],
                               index_name=app.config["OPENSEARCH_INDEX"], **common)
    else:
        backend = open_backend(app.config["BACKEND"], index_dir=app.config["INDEX_DIR"], **common)
    app.extensions["dateline"] = backend
    security.init_app(app)
    admission.init_app(app)
    errors.init_app(app)
    app.register_blueprint(views.bp)
    return app
