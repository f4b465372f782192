"""Speaker-scoped quote search: ``speaker:Lavrov quote:terrorists`` finds what *Lavrov* said.

At article level, ``speaker:Lavrov quote:terrorists`` would also match an article where Lavrov
speaks and someone else mentions terrorists.  When a query (or the ``speaker`` filter) names a
speaker *and* the query searches the ``quote`` field, the engine narrows the matches to articles
where one quote of a named speaker contains every quote word, using the quote records stored with
each article.  The candidate set is already cut down by the index (both fields must match), so
this check only reads the few articles that can pass.
"""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as Q

from search import schema as S
from search.analysis import Forms, text_analyzer
from search.names import AliasTable, fold_token, name_key, tokens
from search.query import positive_leaves

_FORMS = Forms(text_analyzer())


def _words(text: str) -> set[str]:
    return set(_FORMS.positions(text))


@dataclass(frozen=True)
class QuoteScope:
    """Which speakers, and which analysed quote words, a quote must have."""

    speaker_tokens: tuple[frozenset[str], ...]  # from speaker:... terms: all tokens of one group
    speaker_keys: frozenset[str]  # from the speaker filter: canonical name keys
    #: Each group needs one of its words in the quote: a plain word is a group of one, the words
    #: an expanded ``quote:terror*`` or ``quote:lavrof~`` stands for are one group.
    quote_words: tuple[frozenset[str], ...]
    aliases: AliasTable

    def speaker_matches(self, name: str) -> bool:
        if self.speaker_keys and name_key(name, self.aliases) in self.speaker_keys:
            return True
        name_tokens = {fold_token(t) for t in tokens(name)}
        return any(group <= name_tokens for group in self.speaker_tokens)

    def matching_quote(self, speakers: list[dict]) -> str | None:
        """The first quote of a matching speaker that has a word of every quote-word group, or None."""
        for speaker in speakers:
            if not self.speaker_matches(speaker.get("name", "")):
                continue
            for quote in speaker.get("quotes", []):
                words = _words(quote.get("text", ""))
                if all(group & words for group in self.quote_words):
                    return quote["text"]
        return None


def quote_scope(parsed: Q.Query, speaker_filter: tuple[str, ...], aliases: AliasTable) -> QuoteScope | None:
    """The scope implied by ``parsed`` and the speaker filter, or None when there is nothing to scope."""
    speaker_groups: list[frozenset[str]] = []
    quote_groups: set[frozenset[str]] = set()
    for leaf in positive_leaves(_group_expansions(parsed)):
        if isinstance(leaf, _Expansion):
            quote_groups.add(leaf.words)
            continue
        terms = list(leaf.iter_all_terms(phrases=True))
        speaker = frozenset(str(t) for f, t in terms if f == S.SPEAKER)
        if speaker:
            speaker_groups.append(speaker)
        quote_groups.update(frozenset([str(t)]) for f, t in terms if f == S.QUOTE)
    keys = frozenset(name_key(v, aliases) for v in speaker_filter)
    if not quote_groups or not (speaker_groups or keys):
        return None
    return QuoteScope(tuple(speaker_groups), keys, tuple(sorted(quote_groups, key=sorted)), aliases)


class _Expansion(Q.Term):
    """Stands, while the scope is read, for an OR of quote words that one expanded term became."""

    def __init__(self, words: frozenset[str]) -> None:
        super().__init__(S.QUOTE, "")
        self.words = words


def _group_expansions(node: Q.Query) -> Q.Query:
    """``node`` with each OR made only of quote-field words (what :mod:`search.expand` makes of
    ``quote:terror*``) replaced by one :class:`_Expansion` leaf."""
    if isinstance(node, Q.Or) and node.subqueries and all(
            type(child) is Q.Term and child.fieldname == S.QUOTE for child in node.subqueries):
        return _Expansion(frozenset(str(child.text) for child in node.subqueries))
    if node.is_leaf():
        return node
    return node.apply(_group_expansions)
