"""The backend-neutral query tree: what a query means, with no search engine's classes in it.

:func:`search.query.parse` turns the query language into this tree once, checking every limit
and naming every problem there; each backend then translates the tree into its own queries (the
Whoosh backend into ``whoosh.query`` objects, the OpenSearch backend into query DSL).  Words are
already analysed: ``Term("body", "negoti")`` holds the stem the index holds, and name fields hold
folded tokens, so backends that index the same analysed tokens match exactly the same articles.

Nodes are frozen dataclasses: hashable, comparable, cheap to build, safe to cache.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class Term:
    """One analysed word in one field."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Phrase:
    """Analysed words at consecutive positions (``slop`` 1) or within ``slop`` positions."""

    field: str
    words: tuple[str, ...]
    slop: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class Prefix:
    """Every word of ``field`` starting with ``text`` (``igna*``)."""

    field: str
    text: str
    boost: float = 1.0


@dataclass(frozen=True)
class Wildcard:
    """Every word of ``field`` matching a glob ``pattern`` with ``*`` and ``?`` (``ne?otiat*``)."""

    field: str
    pattern: str
    boost: float = 1.0


@dataclass(frozen=True)
class Fuzzy:
    """Words within ``max_edits`` edits of ``text`` sharing its first ``prefix_length`` letters."""

    field: str
    text: str
    max_edits: int = 1
    prefix_length: int = 1
    boost: float = 1.0


@dataclass(frozen=True)
class DateRange:
    """Publication dates from ``start`` to ``end`` (either open), ends included unless excluded."""

    field: str
    start: datetime | None
    end: datetime | None
    start_excluded: bool = False
    end_excluded: bool = False


@dataclass(frozen=True)
class TermRange:
    """Words of ``field`` sorting between ``start`` and ``end`` (``title:[a TO c]``)."""

    field: str
    start: str | None
    end: str | None
    start_excluded: bool = False
    end_excluded: bool = False


@dataclass(frozen=True)
class And:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Or:
    children: tuple[Node, ...]
    boost: float = 1.0


@dataclass(frozen=True)
class Not:
    """Everything but ``child`` (a query of only NOT clauses)."""

    child: Node


@dataclass(frozen=True)
class AndNot:
    """``positive`` without ``negative`` (``a NOT b``)."""

    positive: Node
    negative: Node


@dataclass(frozen=True)
class AndMaybe:
    """``required``, ranked higher where ``optional`` also matches (``a ANDMAYBE b``)."""

    required: Node
    optional: Node


@dataclass(frozen=True)
class Every:
    """Every article (the empty query)."""


@dataclass(frozen=True)
class Nothing:
    """No article (what an expansion that matched no word becomes)."""


Node = (Term | Phrase | Prefix | Wildcard | Fuzzy | DateRange | TermRange | And | Or | Not | AndNot
        | AndMaybe | Every | Nothing)
#: Leaves that match words of a text or name field.
WORD_LEAVES = (Term, Phrase, Prefix, Wildcard, Fuzzy)


def children(node: Node) -> tuple[Node, ...]:
    """The direct sub-queries of ``node`` (empty for leaves)."""
    if isinstance(node, (And, Or)):
        return node.children
    if isinstance(node, Not):
        return (node.child,)
    if isinstance(node, AndNot):
        return (node.positive, node.negative)
    if isinstance(node, AndMaybe):
        return (node.required, node.optional)
    return ()


def walk(node: Node) -> Iterator[Node]:
    """``node`` and every node below it, depth first."""
    yield node
    for child in children(node):
        yield from walk(child)


def positive_leaves(node: Node) -> Iterator[Node]:
    """Leaves (and whole phrases) a match must or may satisfy: negated clauses left out."""
    if isinstance(node, Not):
        return
    if isinstance(node, AndNot):
        yield from positive_leaves(node.positive)
        return
    kids = children(node)
    if not kids:
        yield node
        return
    for child in kids:
        yield from positive_leaves(child)


def highlight_words(node: Node, fields: frozenset[str] | set[str]) -> set[str]:
    """The analysed words of ``fields`` that ``node`` looks for, for highlighting.

    Plain terms and phrase words only: prefixes, wildcards and fuzzy terms are highlighted by the
    words they expand to, which only the backend knows.  Negated clauses are left out.
    """
    words: set[str] = set()
    for leaf in positive_leaves(node):
        if isinstance(leaf, Term) and leaf.field in fields:
            words.add(leaf.text)
        elif isinstance(leaf, Phrase) and leaf.field in fields:
            words.update(leaf.words)
    return words
