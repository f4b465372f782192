"""The backend-neutral query tree: what the parser makes, and the Whoosh backend's translation."""

from __future__ import annotations

import ast
from datetime import datetime
from pathlib import Path

import pytest

from search import querytree as T
from search.names import AliasTable
from search.query import _schema, parse, parse_query, to_whoosh
from search.request import QueryError

ROOT = Path(__file__).resolve().parents[1]


def test_words_are_analysed_and_default_fields_weighted():
    assert parse("Negotiations") == T.Or((T.Term("title", "negoti", 2.0), T.Term("body", "negoti", 1.0)))
    assert parse('speaker:Lavrov quote:"terrorists attacked"') == T.And((
        T.Term("speaker", "lavrov"), T.Phrase("quote", ("terrorist", "attack"))))


def test_date_ranges_are_whole_days_with_inclusive_ends():
    assert parse("date:[2019-01-01 TO 2019-06-30]") == T.DateRange(
        "date", datetime(2019, 1, 1), datetime(2019, 6, 30, 23, 59, 59, 999999))
    assert parse("date:2019-03").end == datetime(2019, 3, 31, 23, 59, 59, 999999)


def test_operators_and_expanding_terms():
    tree = parse("idlib NOT putin lavrof~ terror*")
    kinds = [type(node).__name__ for node in T.walk(tree)]
    assert kinds.count("Fuzzy") == 2 and kinds.count("Prefix") == 2 and kinds.count("Not") == 1
    assert T.highlight_words(tree, {"body"}) == {"idlib"}  # negated and expanding words left out
    assert parse("") == T.Every()


@pytest.mark.parametrize("q", [
    "lavrov", 'idlib AND "sochi memorandum"', "terror* putin", "lavrof~2", "speaker:lavrov quote:terrorists",
    "NOT putin", "organization:HTS", "title:[a TO c]", "idlib^2", '"lavrov said"~3', "putin ANDNOT erdogan",
    "moscow ANDMAYBE ankara", "(turkey OR lavrov) AND (zakharova OR peskov)", "",
])
def test_whoosh_translation_is_what_whoosh_parsed(q):
    aliases = AliasTable.default()
    assert to_whoosh(parse(q, aliases)) == parse_query(q, _schema(), aliases)


def test_bad_queries_fail_in_the_parser_for_every_backend():
    with pytest.raises(QueryError, match="date:2019-13 is not a date"):
        parse("date:2019-13")
    with pytest.raises(QueryError, match="wildcards may not start a word"):
        parse("*lavrov")


def test_the_web_app_never_sees_whoosh():
    """Views, feeds and exports reach the index only through the backend protocol."""
    for path in sorted((ROOT / "webui").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith("whoosh"), f"{path.name} imports {name}"
                assert name not in ("search.whoosh_backend", "search.engine.search"), path.name
