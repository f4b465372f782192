import random
import re

import pytest
from whoosh import query as Q

import search.query
from search import querytree as T
from search.query import parse, parse_query
from search.request import QueryError
from search.schema import build_schema

SCHEMA = build_schema()


def test_empty_query_matches_everything():
    assert isinstance(parse_query("  ", SCHEMA), Q.Every)


def test_fields_phrases_and_operators():
    parsed = parse_query('speaker:Lavrov "de-escalation zone" AND NOT turkey', SCHEMA)
    text = repr(parsed)
    assert "Term('speaker', 'lavrov')" in text
    assert "Phrase" in text and "Not" in text


def test_field_aliases():
    assert "Term('organization', 'kremlin')" in repr(parse_query("organisation:Kremlin", SCHEMA))


def test_accents_fold_in_names_and_text():
    assert repr(parse_query("person:Erdoğan", SCHEMA)) == repr(parse_query("person:Erdogan", SCHEMA))
    assert repr(parse_query("Erdoğan", SCHEMA)) == repr(parse_query("erdogan", SCHEMA))


@pytest.mark.parametrize(
    "text, fragment",
    [
        ("*", "may not start a word"),
        ("*ing", "may not start a word"),
        ("title:?ussia", "may not start a word"),
        ("a*", "at least 2 letters"),
        ("(" * 50 + "idlib" + ")" * 50, "nests parentheses 50 deep"),
        (" OR ".join(f"w{i}" for i in range(1000)), "the limit is 128"),
    ],
)
def test_abusive_queries_are_refused_fast(text, fragment, monkeypatch):
    """Fast = refused by the linear text check, before Whoosh's recursive parser is even built."""
    built: list[object] = []
    monkeypatch.setattr(search.query, "make_parser", lambda schema: built.append(schema))
    with pytest.raises(QueryError) as err:
        parse_query(text, SCHEMA)
    assert fragment in str(err.value)
    assert built == []


def test_trailing_wildcard_allowed():
    assert repr(parse_query("terror*", SCHEMA)) == (
        "Or([Prefix('title', 'terror', boost=2.0), Prefix('body', 'terror')])"
    )


def test_alias_expansion_adds_spellings_folding_cannot_know():
    from search.names import AliasTable

    parsed = parse_query("organization:HTS", SCHEMA, aliases=AliasTable.default())
    assert "Phrase('organization', ['hayat', 'tahrir', 'al-sham']" in repr(parsed)
    assert "Term('organization', 'hts')" in repr(parsed)
    # A surname already matches every full spelling that contains it: nothing is added.
    assert (
        repr(parse_query("speaker:Lavrov", SCHEMA, aliases=AliasTable.default()))
        == "Term('speaker', 'lavrov')"
    )


@pytest.mark.parametrize("text", ['" *', '"a *', '(" *)', 'idlib " *'])
def test_a_lone_wildcard_inside_an_open_quote_is_refused(text):
    """Whoosh reads ``" *`` as "every document's field", which the text check cannot see (issue 11.2)."""
    with pytest.raises(QueryError, match="wildcards may not start a word"):
        parse_query(text, SCHEMA)


def _day_bounds(parsed) -> tuple[str, str | None]:
    from whoosh.util.times import long_to_datetime

    assert isinstance(parsed, Q.NumericRange) and parsed.fieldname == "date"
    end = long_to_datetime(parsed.end).isoformat() if parsed.end is not None else None
    return long_to_datetime(parsed.start).isoformat(), end


@pytest.mark.parametrize("text, start, end", [
    ("date:[2019-01-01 TO 2019-06-30]", "2019-01-01T00:00:00", "2019-06-30T23:59:59.999999"),
    ("date:[2019-03-01 TO 2019-03-15]", "2019-03-01T00:00:00", "2019-03-15T23:59:59.999999"),
    ("date:[2019-03 TO 2019-04]", "2019-03-01T00:00:00", "2019-04-30T23:59:59.999999"),
    ("date:2020-03", "2020-03-01T00:00:00", "2020-03-31T23:59:59.999999"),
    ("date:2020", "2020-01-01T00:00:00", "2020-12-31T23:59:59.999999"),
    ("published:2020-03-05", "2020-03-05T00:00:00", "2020-03-05T23:59:59.999999"),
    ("date:[2019-03 TO]", "2019-03-01T00:00:00", None),
])
def test_date_queries_cover_exactly_the_days_asked_for(text, start, end):
    """With the pinned Whoosh, DateParserPlugin read ``[2019-01-01 TO 2019-06-30]`` as all of 2019."""
    assert _day_bounds(parse_query(text, SCHEMA)) == (start, end)


@pytest.mark.parametrize("text", ["date:2020-13", "date:yesterday", "date:[2019-01-01 TO june]",
                                  "date:2019-02-31x", "published:03/2020"])
def test_a_date_that_is_not_a_date_is_a_400_saying_how_to_write_one(text):
    with pytest.raises(QueryError, match="is not a date: use date:YYYY"):
        parse_query(text, SCHEMA)


def test_date_inside_a_phrase_is_just_words():
    parsed = parse_query('"release date: tomorrow"', SCHEMA)
    assert "Phrase('body', ['releas', 'date', 'tomorrow']" in repr(parsed)


def test_plain_words_parse_as_whoosh_parses_them():
    """One plain word skips Whoosh's parser: the same tree as the parser's, with and without aliases."""
    from archive_gen import records
    from whoosh.analysis import STOP_WORDS

    from search.names import AliasTable
    from search.query import _schema, from_whoosh, parse_query, plain_word

    words = {"the", "a", "x", "AND", "Or", "not", "TO", "to", "2019", "3", "U", "Idlib", "IDLIB", "running"}
    for record in records(60, seed=3):
        words.update(re.findall(r"\w+", record["title"] + " " + record["body"]))
    words.update(STOP_WORDS)
    rng = random.Random(8)  # and made-up words: any case, digits, Porter's suffixes
    for _ in range(400):
        letters = "abcdefghijklmnopqrstuvwxyzAEIOUY0123456789"
        stem = "".join(rng.choice(letters) for _ in range(rng.randint(1, 9)))
        words.add(stem + rng.choice(["", "s", "ing", "ed", "ation", "ies", "ly", "ness", "ational"]))
    built = nothing = 0
    for aliases in (None, AliasTable.default()):
        for word in sorted(words):
            fast = plain_word(word)
            if fast is None:
                continue
            assert fast == from_whoosh(parse_query(word, _schema(), aliases)), word
            assert parse(f"  {word} ", aliases) == fast
            built += 1
            nothing += isinstance(fast, T.Nothing)
    assert (built, nothing) == (1132, 78)  # words and stop words took the fast path
    for word in ("AND", "Or", "idlib*", "date:2019", "lavrov~", "é", "U.S", "a-b", ""):
        assert plain_word(word) is None, word
