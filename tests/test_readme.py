"""The README is executable: every command, query, URL and JSON example in it runs here against the
sample archive (issue 11.6: the docs had drifted - a date the sample does not have, a date range
that returned the whole year).

A real ``dateline index`` builds the index from the README's own command line, a real
``dateline serve`` answers the README's ``curl`` URLs and its Python example, and ``scripts/demo``
(the quick start) is run as a user would run it.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
import urllib.parse
import urllib.request
from datetime import date

import pytest
from processes import free_port, start_server, stop_server, wait_until_serving
from readme import README, REPO, blocks, run_dateline, shell_lines

HOME_INDEX = "~/dateline-index"
DOC_BASE = "http://127.0.0.1:8000"
CLUSTER_FLAG = "--backend opensearch"


def _query_table() -> list[str]:
    """Every backticked example in the first column of the query-language table."""
    section = README.split("## Searching", 1)[1].split("| you type |", 1)[1].split("\n\n", 1)[0]
    queries = []
    for row in section.splitlines():
        if row.startswith("| `"):
            queries += re.findall(r"`([^`]+)`", row.split(" | ")[0])
    return queries


def _get(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=60) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as err:
        return err.code, dict(err.headers), err.read()


def test_the_readme_has_examples_to_run():
    """Guards the parsing below: if the README changes shape, these lists must not go empty."""
    assert len(shell_lines(".venv/bin/dateline ")) >= 3
    assert len(shell_lines("curl ")) >= 4
    assert len(_query_table()) >= 15
    assert blocks("python") and blocks("json")


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    """The README's own ``dateline index`` lines run, then its ``dateline serve`` line on a free port."""
    home = tmp_path_factory.mktemp("home")
    env = {**os.environ, "HOME": str(home), "TQDM_DISABLE": "1"}
    env.pop("DATELINE_INDEX", None)
    env.pop("DATELINE_ALIASES", None)
    index_dir = str(home / "dateline-index")
    # The cluster route's commands run against a real cluster in tests/test_readme_cluster.py.
    commands = [shlex.split(line.replace(HOME_INDEX, index_dir))[1:]
                for line in shell_lines(".venv/bin/dateline ") if CLUSTER_FLAG not in line]
    serve = None
    for args in commands:
        if args[0] == "index":
            done = run_dateline(args, env)
            assert done.returncode == 0, done.stderr
            assert "failed 0" in done.stderr
        elif args[0] == "serve":
            serve = args
    assert serve is not None, "the README shows how to serve the index"
    at = serve.index("--index")
    base, server = start_server(serve[at + 1], *serve[1:at], *serve[at + 2:], env=env, cwd=REPO)
    try:
        yield {"base": base, "env": env, "commands": commands}
    finally:
        stop_server(server)


def _search(served, **params) -> dict:
    query = urllib.parse.urlencode(params, doseq=True)
    status, _headers, body = _get(f"{served['base']}/api/search?{query}")
    assert status == 200, body[:300]
    return json.loads(body)


def test_every_dateline_search_command_finds_something(served):
    searches = [args for args in served["commands"] if args[0] == "search"]
    assert searches
    for args in searches:
        done = run_dateline(args, served["env"])
        assert done.returncode == 0, (args, done.stderr)
        if "--json" in args:
            assert json.loads(done.stdout)["total"] >= 1, args
        else:
            assert re.match(r"[1-9]\d* articles", done.stdout), (args, done.stdout[:200])


def _date_range(query: str) -> tuple[date | None, date | None]:
    """The days a ``date:`` example covers, worked out independently of the parser."""

    def bounds(value: str) -> tuple[date, date]:
        parts = [int(p) for p in value.split("-")]
        if len(parts) == 3:
            return date(*parts), date(*parts)
        if len(parts) == 2:
            first = date(parts[0], parts[1], 1)
            following = date(parts[0] + parts[1] // 12, parts[1] % 12 + 1, 1)
            return first, date.fromordinal(following.toordinal() - 1)
        return date(parts[0], 1, 1), date(parts[0], 12, 31)

    value = query.split(":", 1)[1]
    if value.startswith("["):
        low, high = (part.strip() for part in value.strip("[]").split("TO"))
        return (bounds(low)[0] if low else None), (bounds(high)[1] if high else None)
    return bounds(value)


def test_every_query_in_the_language_table_does_what_it_says(served):
    everything = _search(served, q="", per_page=100)
    dated = [date.fromisoformat(hit["published"]) for hit in everything["hits"] if hit["published"]]
    for query in _query_table():
        result = _search(served, q=query)
        if query.startswith("date:"):
            low, high = _date_range(query)
            expected = [d for d in dated if (low is None or d >= low) and (high is None or d <= high)]
            assert result["total"] == len(expected), query
        else:
            assert result["total"] >= 1, f"{query!r} finds nothing in the sample archive"


def test_every_curl_example_answers(served):
    for line in shell_lines("curl "):
        url = re.search(r"'([^']+)'", line).group(1)
        assert url.startswith(DOC_BASE), url
        status, headers, body = _get(served["base"] + url[len(DOC_BASE):])
        assert status == 200, (url, body[:300])
        path = urllib.parse.urlsplit(url).path
        if path == "/api/search":
            assert json.loads(body)["total"] >= 1, f"{url} finds nothing in the sample archive"
        elif path.startswith("/api/article/"):
            assert json.loads(body)["id"] == urllib.parse.unquote(path[len("/api/article/"):])
        elif path == "/api/export":
            assert "attachment" in headers.get("Content-Disposition", ""), url
            assert len(body.splitlines()) >= 3, "the query line, a header and at least one article"


def test_the_python_example_prints_each_hit(served, capsys):
    (example,) = blocks("python")
    exec(compile(example.replace(DOC_BASE, served["base"]), "README.md", "exec"), {})  # noqa: S102
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 2 and {"SouthFront", "Duvar English"} <= {
        outlet for line in printed for outlet in ("SouthFront", "Duvar English") if outlet in line}


def _matches(example, actual, where: str = "") -> None:
    """``example`` (from the README) agrees with ``actual``: same keys, list prefixes, ``...`` elisions."""
    if isinstance(example, dict):
        assert isinstance(actual, dict) and set(example) == set(actual), (where, set(example) ^ set(actual))
        for key, value in example.items():
            _matches(value, actual[key], f"{where}.{key}")
    elif isinstance(example, list):
        assert isinstance(actual, list) and len(example) <= len(actual), where
        for n, value in enumerate(example):
            _matches(value, actual[n], f"{where}[{n}]")
    elif isinstance(example, str) and "..." in example:
        pattern = ".*".join(re.escape(part) for part in example.split("..."))
        assert re.fullmatch(pattern, actual, flags=re.S), (where, example, actual[:200])
    elif isinstance(example, float):
        assert isinstance(actual, (int, float)), where  # timings differ from run to run
    else:
        assert example == actual, (where, example, actual)


def test_the_json_example_is_a_real_response(served):
    example = json.loads(README.split("`GET /api/search?", 1)[1].split("```json\n", 1)[1].split("```")[0])
    params = {"q": example["query"], **{k: v for k, v in example["filters"].items()}}
    _matches(example, _search(served, **params), "response")


def test_the_quick_start_demo_indexes_the_sample_and_serves_it(tmp_path):
    """``./scripts/demo``, the README's first command, as a user runs it (the venv already exists)."""
    port = free_port()
    env = {**os.environ, "PORT": str(port), "DATELINE_INDEX": str(tmp_path / "index"), "TQDM_DISABLE": "1"}
    demo = subprocess.Popen(["./scripts/demo"], cwd=REPO, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_until_serving(base, demo)
        status, _headers, body = _get(f"{base}/api/search?q=idlib")
        assert status == 200 and json.loads(body)["total"] == 5
    finally:
        os.killpg(demo.pid, 15)
        demo.wait(timeout=60)


def test_the_sidecar_example_is_read_as_documented(tmp_path):
    """The README's ``metadata.csv`` example, verbatim, beside the two files it names."""
    from index.writer import index_paths
    from webui import create_app

    (example,) = blocks("csv")
    archive = tmp_path / "archive"
    archive.mkdir()
    (archive / "metadata.csv").write_text(example, encoding="utf-8")
    story = "Talks resume\n\nThe minister said the talks would resume in Ankara, officials said.\n"
    (archive / "story-001.txt").write_text(story, encoding="utf-8")
    records = [{"title": f"Item {n}", "text": f"The spokesman said on April 5 that item {n} was ready."}
               for n in (1, 2, 3)]
    (archive / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    index_paths([archive], tmp_path / "ix", jobs=1, progress=False)
    client = create_app({"INDEX_DIR": str(tmp_path / "ix"), "TESTING": True}).test_client()

    story = client.get("/api/article/archive/story-001.txt").get_json()
    assert (story["outlet"], story["published"], story["url"], story["authors"]) == (
        "Example Times", "2019-03-30", "https://example.org/2019/03/story-001", ["A. Writer", "B. Writer"])
    assert story["provenance"]["date_source"] == "sidecar"
    assert story["provenance"]["sidecar"] == "metadata.csv line 2"
    # "2019-04" completes the day the text names ("on April 5"); the other records stay undated.
    third = client.get("/api/article/archive/feed.jsonl%233").get_json()
    assert (third["outlet"], third["published"]) == ("TASS", "2019-04-05")
    first = client.get("/api/article/archive/feed.jsonl%231").get_json()
    assert (first["outlet"], first["published"]) == (None, None)


def test_the_compiled_extraction_note_names_the_real_rebuild_command_and_switch():
    # The quick start's note on compiled extraction: the command it gives is the one the loader
    # prints when the binaries are stale, and it runs (here with --status: no compiling).
    from index.extract import _compiled

    note = README.split("with mypyc into", 1)[1].split("\n\n", 1)[0]
    assert f"`{_compiled.REBUILD}`" in note and "`DATELINE_PURE=1`" in note
    argv = shlex.split(_compiled.REBUILD.replace(".venv/bin/python", shlex.quote(sys.executable)))
    done = subprocess.run([*argv, "--status"], cwd=REPO, capture_output=True, text=True)
    assert done.stderr.startswith("compile_extraction: ") and done.returncode in (0, 1)


def test_the_interpreter_note_names_the_real_script_and_override():
    # The quick start's note on the interpreter: the script it names is the one scripts/_venv.sh
    # runs, and DATELINE_PYTHON is what that script reads (tests/test_scripts_pick_python.py
    # checks that it overrides the choice).
    note = README.split("`.venv` is made from", 1)[1].split("\n\n", 1)[0]
    assert "`scripts/pick_python.py`" in note and "`DATELINE_PYTHON`" in note
    setup = (REPO / "scripts" / "_venv.sh").read_text(encoding="utf-8")
    assert "python3 scripts/pick_python.py" in setup
    assert "DATELINE_PYTHON" in (REPO / "scripts" / "pick_python.py").read_text(encoding="utf-8")
