"""search/suggest.py: "did you mean" from the shared word list, within the request's deadline."""

from __future__ import annotations

import pytest

from index.storage import open_index
from search.budget import Deadline
from search.suggest import suggest
from search.vocabulary import TermVocabulary

RECORDS = [
    {"id": "m1", "title": "Memorandum", "body": "The memorandum holds. The memorandum was signed."},
    {"id": "m2", "title": "Memoranda", "body": "A memorandum, and the moratorium."},
    {"id": "t1", "title": "Talks", "body": "Lavrov spoke to reporters in Ankara."},
]


@pytest.fixture
def searcher(make_index):
    with open_index(make_index(RECORDS)).searcher() as searcher:
        yield searcher


def test_unknown_words_are_respelled_to_the_most_frequent_close_word(searcher):
    assert suggest(searcher, "memorandumm", 0) == "memorandum"
    assert suggest(searcher, "Lavrof in Ankra", 0) == "Lavrov in Ankara"
    assert suggest(searcher, "memorandum", 0) is None  # known: nothing to respell
    assert suggest(searcher, "memorandumm", 10) is None  # enough results: no suggestion


def test_whoosh_corrector_is_never_used(searcher, monkeypatch):
    """Whoosh's corrector walks an automaton through every segment, outside any budget."""
    from whoosh.reading import IndexReader, MultiReader, SegmentReader

    def refuse(*_args, **_kwargs):
        raise AssertionError("Whoosh's corrector was used")

    monkeypatch.setattr(IndexReader, "corrector", refuse)
    for cls in (IndexReader, SegmentReader, MultiReader):
        monkeypatch.setattr(cls, "terms_within", refuse)
    assert suggest(searcher, "memorandumm", 0) == "memorandum"


def test_past_the_deadline_there_is_no_suggestion_and_work_stops(searcher, step_clock):
    deadline = Deadline(2.0, clock=step_clock)
    words = " ".join(f"zzqx{c}q" for c in "abcdefghij")
    assert suggest(searcher, words, 0, TermVocabulary(), deadline) is None
    assert deadline.checks == 3  # stopped at the first check past the budget, not after ten words
