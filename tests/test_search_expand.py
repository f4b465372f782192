"""search/expand.py and search/vocabulary.py: wildcard and fuzzy terms expanded once, within limits
and within the request's deadline (issue 11.2).  Work is counted with an injected clock, never timed."""

from __future__ import annotations

import itertools

import pytest
from whoosh import query as Q

from index.storage import open_index
from search.budget import Deadline, SearchTimeout
from search.expand import MAX_EXPANDED_TERMS, MAX_FUZZY_EXPANSION, MAX_PREFIX_EXPANSION, expand_terms
from search.query import parse_query
from search.request import QueryError
from search.vocabulary import TermVocabulary

RECORDS = [
    {"id": "a1", "title": "Lavrov in Ankara", "body": "Lavrov said the talks went well. Lavrov again."},
    {"id": "a2", "title": "Lavrova", "body": "Lavrova and Lavrov met. The lavra was quiet."},
    {"id": "a3", "title": "Other", "body": "Laurov is a misspelling; lvarov a transposition."},
]


@pytest.fixture
def searcher(make_index):
    with open_index(make_index(RECORDS)).searcher() as searcher:
        yield searcher


def _words(node: Q.Query, fieldname: str = "body") -> list[str]:
    return sorted(text for field, text in node.iter_all_terms() if field == fieldname)


def test_fuzzy_term_expands_to_words_within_its_edits(searcher):
    expanded = expand_terms(parse_query("body:lavrof~", searcher.schema), searcher.reader())
    assert _words(expanded) == ["lavrov"]
    two = expand_terms(parse_query("body:lavrof~2", searcher.schema), searcher.reader())
    # Two edits: lavrova (substitution + insertion), laurov (two substitutions); a transposition
    # counts as one edit (lvarov is one from lavrov, so two from lavrof).
    assert _words(two) == ["laurov", "lavra", "lavrov", "lavrova", "lvarov"]


def test_fuzzy_expansion_keeps_the_closest_and_most_frequent_words(make_index):
    # 57 words one edit from "kozmo" in one document, "kozmo" itself in another.  Consonants only,
    # so the stemmer keeps every word as it is.
    consonants = "bcdfghjklmnpqrtvwxz"
    neighbours = sorted({f"kozm{c}" for c in consonants} | {f"koz{c}o" for c in consonants}
                        | {f"kozmo{c}" for c in consonants})
    assert len(neighbours) > MAX_FUZZY_EXPANSION
    index_dir = make_index([{"id": "n", "title": "n", "body": " ".join(neighbours)},
                            {"id": "k", "title": "k", "body": "kozmo kozmoz"}])
    with open_index(index_dir).searcher() as searcher:
        expanded = expand_terms(parse_query("body:kozmo~", searcher.schema), searcher.reader())
        words = _words(expanded)
    assert len(words) == MAX_FUZZY_EXPANSION
    assert "kozmo" in words and "kozmoz" in words  # distance 0, and the word two documents hold
    # The rest are the alphabetically first words at distance one.
    rest = sorted(set(neighbours) - {"kozmo", "kozmoz"})
    assert sorted(set(words) - {"kozmo", "kozmoz"}) == rest[: MAX_FUZZY_EXPANSION - 2]


def test_more_than_two_edits_is_a_400(searcher):
    with pytest.raises(QueryError, match="at most 2 edits"):
        expand_terms(parse_query("lavrof~3", searcher.schema), searcher.reader())


def test_prefix_and_wildcard_expand_to_exact_words(searcher):
    assert _words(expand_terms(parse_query("body:lavr*", searcher.schema), searcher.reader())) == [
        "lavra", "lavrov", "lavrova"]
    assert _words(expand_terms(parse_query("body:lavr?v", searcher.schema), searcher.reader())) == ["lavrov"]
    assert expand_terms(parse_query("body:zzz*", searcher.schema), searcher.reader()) is Q.NullQuery


def test_prefix_cap_and_whole_query_cap(make_index):
    # 1,000 words under each of zqb, zqc and zqd (consonants: the stemmer keeps them whole).
    words = ["zq" + "".join(t) for t in itertools.product("bcd", *(["bcdfghjklm"] * 3))]
    assert MAX_PREFIX_EXPANSION == 1000 and 2000 <= MAX_EXPANDED_TERMS < 3000
    index_dir = make_index([{"id": "p", "title": "p", "body": " ".join(words)}])
    with open_index(index_dir).searcher() as searcher:
        with pytest.raises(QueryError, match="the prefix 'zq\\*' matches more than 1000 words"):
            expand_terms(parse_query("body:zq*", searcher.schema), searcher.reader())
        two = expand_terms(parse_query("body:zqb* OR body:zqc*", searcher.schema), searcher.reader())
        assert len(_words(two)) == 2000
        three = parse_query("body:zqb* OR body:zqc* OR body:zqd*", searcher.schema)
        with pytest.raises(QueryError, match=f"more than {MAX_EXPANDED_TERMS} words together"):
            expand_terms(three, searcher.reader())


def test_expansion_stops_at_the_deadline(searcher, step_clock):
    """128 fuzzy terms with a budget of five clock reads: the expansion stops after the fifth."""
    query = " OR ".join(f"body:lavro{c}~" for c in "abcdefghijklmnopqrstuvwxyz")
    deadline = Deadline(5.0, clock=step_clock)
    with pytest.raises(SearchTimeout, match="5 s budget"):
        expand_terms(parse_query(query, searcher.schema), searcher.reader(), TermVocabulary(), deadline)
    assert deadline.checks == 6  # stopped at the first check past the budget, not after all 26 terms


def test_the_vocabulary_is_read_once_and_reused(searcher):
    vocabulary = TermVocabulary()
    expand_terms(parse_query("body:lavrof~", searcher.schema), searcher.reader(), vocabulary)
    read = vocabulary.words_read
    assert read == len(list(searcher.reader().lexicon("body")))
    expand_terms(parse_query("body:laurof~ body:lvarof~", searcher.schema), searcher.reader(), vocabulary)
    assert vocabulary.words_read == read, "a second fuzzy search must not read the term list again"


def test_whoosh_fuzzy_expansion_is_never_used(searcher, monkeypatch):
    """The fast path: Whoosh's automaton expansion (seconds per term) must not run at all."""
    from whoosh.reading import IndexReader, MultiReader, SegmentReader

    def refuse(*_args, **_kwargs):
        raise AssertionError("Whoosh's terms_within was called")

    for cls in (IndexReader, SegmentReader, MultiReader):
        monkeypatch.setattr(cls, "terms_within", refuse)
    assert _words(expand_terms(parse_query("body:lavrof~", searcher.schema), searcher.reader())) == ["lavrov"]
