""""Did you mean …": respell query words the index does not know.

Only plain words are considered (not ``field:value`` terms, operators or wildcards).  A word is
respelled when neither the title nor the body holds its analysed form; the replacement is the most
frequent body term within one edit (then two) sharing the first letter.  Body terms are stemmed,
so the stem is mapped back to a surface word seen in an article that contains it.

Candidates come from the index's shared word list (:mod:`search.vocabulary`), within a deadline:
Whoosh's corrector walked a Python automaton through every segment for each unknown word (3.6 s
for 20 of them over 17.5k articles), after the search and outside its time budget.
"""

from __future__ import annotations

import re

from whoosh import query as whoosh_query

from search import schema as S
from search.budget import UNLIMITED, Deadline, SearchTimeout
from search.highlight import SCAN_CHARS
from search.vocabulary import TermVocabulary, closest

#: Suggest only when the query matched at most this many articles.
SUGGEST_BELOW = 3
#: Words that are operators in the query language, never respelled.
OPERATORS = frozenset({"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"})
#: A plain word: letters (with inner apostrophes/hyphens), not followed by ``:`` (a field name),
#: not preceded by ``:`` (a field value) and not ending in a wildcard.
WORD = re.compile(r"(?<![:\w*?])([^\W\d_][\w'’-]*)(?![\w:*?])")


def _analysed(searcher, word: str) -> str | None:
    tokens = [t.text for t in searcher.schema[S.BODY].analyzer(word)]
    return tokens[0] if len(tokens) == 1 else None


def _known(reader, term: str) -> bool:
    return reader.doc_frequency(S.BODY, term) > 0 or reader.doc_frequency(S.TITLE, term) > 0


def _surface(searcher, term: str) -> str:
    """A word as written in an article whose analysed form is ``term`` (``term`` itself if none)."""
    for docnum in searcher.docs_for_query(whoosh_query.Term(S.BODY, term)):
        body = searcher.stored_fields(docnum).get(S.BODY, "")[:SCAN_CHARS]
        for token in searcher.schema[S.BODY].analyzer(body, chars=True, mode="index"):
            if token.text == term:
                return body[token.startchar:token.endchar].lower()
        break
    return term


def _respell(searcher, word: str, vocabulary: TermVocabulary, deadline: Deadline) -> str | None:
    """The best replacement for ``word``, or None when the word is known or nothing is close."""
    reader = searcher.reader()
    term = _analysed(searcher, word)
    if term is None or len(term) < 3 or _known(reader, term):
        return None
    for maxdist in (1, 2):
        candidates = vocabulary.within(reader, S.BODY, term, maxdist, prefix=1, deadline=deadline)
        found = closest(candidates, lambda candidate: reader.doc_frequency(S.BODY, candidate), 1)
        if found:
            return _surface(searcher, found[0])
    return None


def respell_query(q: str, respell) -> str | None:
    """``q`` with each plain word replaced by ``respell(word)`` (None: keep it), or None when no
    word changed.  Operators, ``field:value`` terms and wildcards stay as typed; the replacement
    is capitalised like the word.  Shared by every backend's "did you mean"."""
    changed = False

    def replace(match: re.Match) -> str:
        nonlocal changed
        word = match.group(1)
        if word in OPERATORS:
            return word
        better = respell(word)
        if better and better.lower() != word.lower():
            changed = True
            return better.capitalize() if word[:1].isupper() else better
        return word

    respelled = WORD.sub(replace, q)
    return respelled if changed else None


def suggest(searcher, q: str, total: int, vocabulary: TermVocabulary | None = None,
            deadline: Deadline = UNLIMITED) -> str | None:
    """A respelled ``q`` when it matched few articles and a better spelling exists, else None.

    Past ``deadline`` there is no suggestion (the results it would accompany are ready).
    """
    if not q.strip() or total > SUGGEST_BELOW:
        return None
    vocabulary = vocabulary or TermVocabulary()
    try:
        return respell_query(q, lambda word: _respell(searcher, word, vocabulary, deadline))
    except SearchTimeout:
        return None
