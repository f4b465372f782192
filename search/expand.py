"""Rewrite wildcard, prefix and fuzzy terms into the plain words they match, within limits.

Expansion happens once per search, against the request's deadline, before matching: the
matcher, the ranking and the highlighter then see only plain terms (which the array fast paths
handle), and nothing expands a term a second time.  Limits, as Lucene sets them:

- a prefix or wildcard may match at most ``MAX_PREFIX_EXPANSION`` words (more is a 400 naming
  the term: the user meant something narrower);
- a fuzzy term allows at most :data:`search.query.MAX_FUZZY_EDITS` edits (the parser checks
  it) and keeps its ``MAX_FUZZY_EXPANSION`` closest words (Lucene's ``maxExpansions``), fewest
  edits and most documents first;
- the whole query expands to at most ``MAX_EXPANDED_TERMS`` words (Lucene's max clause count).
"""

from __future__ import annotations

import fnmatch
import re

from whoosh import query as Q

from search.budget import UNLIMITED, Deadline
from search.request import QueryError
from search.vocabulary import TermVocabulary, closest

#: A prefix (``igna*``) or wildcard may expand to at most this many indexed words.
MAX_PREFIX_EXPANSION = 1000
#: A fuzzy term (``lavrof~``) expands to at most this many words: the closest ones.
MAX_FUZZY_EXPANSION = 50
#: Most words all the expanded terms of one query may add up to.
MAX_EXPANDED_TERMS = 2048
#: Terms walked between two deadline checks while a prefix is expanded.
_CHECK_EVERY = 256


class _Expander:
    def __init__(self, reader, vocabulary: TermVocabulary, deadline: Deadline) -> None:
        self.reader = reader
        self.vocabulary = vocabulary
        self.deadline = deadline
        self.total = 0

    def rewrite(self, node: Q.Query) -> Q.Query:
        if isinstance(node, Q.FuzzyTerm):
            return self._terms(node, self._fuzzy_words(node))
        if isinstance(node, (Q.Prefix, Q.Wildcard)):
            return self._terms(node, self._pattern_words(node))
        if node.is_leaf():
            return node
        return node.apply(self.rewrite)

    def _terms(self, node: Q.MultiTerm, words: list[str]) -> Q.Query:
        self.total += len(words)
        if self.total > MAX_EXPANDED_TERMS:
            raise QueryError(f"the query's wildcards and fuzzy terms match more than {MAX_EXPANDED_TERMS} "
                             "words together; make them more specific", "q")
        terms = [Q.Term(node.fieldname, word, boost=node.boost) for word in words]
        if not terms:
            return Q.NullQuery
        return terms[0] if len(terms) == 1 else Q.Or(terms)

    def _fuzzy_words(self, node: Q.FuzzyTerm) -> list[str]:
        if node.fieldname not in self.reader.indexed_field_names():
            return []
        candidates = self.vocabulary.within(self.reader, node.fieldname, node.text, node.maxdist,
                                            node.prefixlength, self.deadline)
        return closest(candidates, lambda word: self.reader.doc_frequency(node.fieldname, word),
                       MAX_FUZZY_EXPANSION)

    def _pattern_words(self, node: Q.MultiTerm) -> list[str]:
        text = node.text
        prefix = re.split(r"[*?]", text, maxsplit=1)[0]
        pattern = None if isinstance(node, Q.Prefix) else re.compile(fnmatch.translate(text))
        words: list[str] = []
        for walked, btext in enumerate(self.reader.expand_prefix(node.fieldname, prefix), start=1):
            if walked % _CHECK_EVERY == 0:
                self.deadline.check()
            word = btext.decode("utf-8") if isinstance(btext, bytes) else str(btext)
            if pattern is not None and not pattern.match(word):
                continue
            words.append(word)
            if len(words) > MAX_PREFIX_EXPANSION:
                what = "prefix" if isinstance(node, Q.Prefix) else "wildcard"
                shown = f"{text}*" if isinstance(node, Q.Prefix) else text
                raise QueryError(f"the {what} {shown!r} matches more than {MAX_PREFIX_EXPANSION} words; "
                                 "make it more specific", "q")
        return words


def expand_terms(parsed: Q.Query, reader, vocabulary: TermVocabulary | None = None,
                 deadline: Deadline = UNLIMITED) -> Q.Query:
    """``parsed`` with every prefix, wildcard and fuzzy term replaced by the OR of its words.

    A term that matches no word becomes a query matching nothing.  Raises :class:`QueryError`
    past the limits above and :class:`search.budget.SearchTimeout` past the deadline.
    ``vocabulary`` is the index's shared word list (a new one is read when None).
    """
    expander = _Expander(reader, vocabulary or TermVocabulary(), deadline)
    return expander.rewrite(parsed).normalize()
