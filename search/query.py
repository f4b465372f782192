"""The query language: words, "phrases", AND/OR/NOT, field:value, trailing wildcards, date ranges.

User text is checked *before* Whoosh parses it (Whoosh's parser recurses per clause and a bare
``*`` scans every term), and the parsed tree again for shapes the text check cannot see.  Wildcard
and fuzzy terms are expanded later, within the search's time budget (:mod:`search.expand`).

Dates (``date:2020-03``, ``date:[2019-01-01 TO 2019-06-30]``) are parsed by the date field
itself.  Whoosh's ``DateParserPlugin`` is not used: with the pinned Whoosh it read the end of
``[2019-01-01 TO 2019-06-30]`` as the end of 2019, so ranges returned the whole year (issue 11).
"""

from __future__ import annotations

import re

from whoosh import query as Q
from whoosh.qparser import (
    FieldAliasPlugin,
    FuzzyTermPlugin,
    GtLtPlugin,
    MultifieldParser,
)
from whoosh.util.times import long_to_datetime

from search import querytree as T
from search import schema as S
from search.request import MAX_NESTING, MAX_QUERY_TERMS, QueryError

MIN_PREFIX_CHARS = 2
#: Most edits a fuzzy term may ask for (``word~2``); more matches nearly every short word.
MAX_FUZZY_EDITS = 2

_OPERATORS = {"AND", "OR", "NOT", "ANDNOT", "ANDMAYBE", "TO"}
_TOKEN = re.compile(r'"[^"]*"?|\S+')
_WILDCARD_WORD = re.compile(r"[*?]")
#: A query :func:`plain_word` builds without Whoosh's parser.
_PLAIN_WORD = re.compile(r"[A-Za-z0-9]+")
#: ``date:`` values: a day, month or year, alone, after ``<``/``>``, or as either end of a range.
_DATE_VALUE = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
_DATE_QUERY = re.compile(
    rf"(?:[<>]=?)?{_DATE_VALUE}|[\[{{]\s*(?:{_DATE_VALUE}\s+)?TO(?:\s+{_DATE_VALUE})?\s*[\]}}]",
    re.IGNORECASE,
)
#: ``date:`` and what follows it: a bracketed range (which contains spaces) or one token.
_QUOTED = re.compile(r'"[^"]*"')
_DATE_CLAUSE = re.compile(r"\b(?:date|published):(\[[^\]]*\]?|\{[^}]*\}?|\S*)", re.IGNORECASE)


def _check_dates(text: str) -> None:
    """Every ``date:`` value must be a date, month, year or range of them (else: a 400 saying so).

    Text inside quotes is a phrase, where ``date:`` is just words.
    """
    for match in _DATE_CLAUSE.finditer(_QUOTED.sub(" ", text)):
        value = match.group(1).rstrip(")")
        if not _DATE_QUERY.fullmatch(value):
            raise QueryError(
                f"date:{value} is not a date: use date:YYYY, date:YYYY-MM, date:YYYY-MM-DD or a range "
                "such as date:[2019-01-01 TO 2019-06-30]", "q"
            )


def _check_text(text: str) -> None:
    """Reject shapes that are slow or crash the parser, with a message the user can act on."""
    depth = deepest = 0
    for char in text:
        if char == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif char == ")":
            depth = max(0, depth - 1)
    if deepest > MAX_NESTING:
        raise QueryError(f"the query nests parentheses {deepest} deep; the limit is {MAX_NESTING}", "q")
    _check_dates(text)
    tokens = _TOKEN.findall(text)
    if len(tokens) > MAX_QUERY_TERMS:
        raise QueryError(f"the query has {len(tokens)} terms; the limit is {MAX_QUERY_TERMS}", "q")
    for token in tokens:
        if token.startswith('"') or token.upper() in _OPERATORS:
            continue
        word = token.split(":", 1)[1] if ":" in token and not token.startswith(":") else token
        word = word.strip("()+-^")
        if not _WILDCARD_WORD.search(word):
            continue
        first = _WILDCARD_WORD.search(word).start()
        if first == 0:
            raise QueryError(
                f"{token!r}: wildcards may not start a word (they would scan every word in the index)", "q"
            )
        if first < MIN_PREFIX_CHARS:
            raise QueryError(
                f"{token!r}: put at least {MIN_PREFIX_CHARS} letters before a wildcard", "q"
            )


def make_parser(schema) -> MultifieldParser:
    """The Dateline query parser over ``schema`` (title and body by default)."""
    parser = MultifieldParser(list(S.DEFAULT_FIELDS), schema, fieldboosts=S.DEFAULT_FIELDS)
    parser.add_plugin(FieldAliasPlugin(S.FIELD_ALIASES))
    parser.add_plugin(GtLtPlugin())
    parser.add_plugin(FuzzyTermPlugin())
    return parser


def parse_query(text: str, schema, aliases=None) -> Q.Query:
    """Parse user query text into a Whoosh query, or raise :class:`QueryError`.

    An empty text means "every article".  With ``aliases`` (an ``AliasTable``), names in name
    fields also match their other spellings (``organization:HTS`` finds "Hayat Tahrir al-Sham").
    Wildcard and fuzzy terms stay unexpanded: :func:`search.expand.expand_terms` expands them.
    """
    text = text.strip()
    if not text:
        return Q.Every()
    _check_text(text)
    try:
        parsed = make_parser(schema).parse(text)
    except RecursionError:
        raise QueryError("the query is too complex to parse; simplify it", "q") from None
    except Exception as exc:  # Whoosh raises assorted types for malformed input
        raise QueryError(f"could not understand the query: {exc}", "q") from None
    _check_parsed(parsed)
    if aliases is not None:
        parsed = expand_aliases(parsed, schema, aliases)
    return parsed


def expand_aliases(parsed: Q.Query, schema, aliases) -> Q.Query:
    """Rewrite name-field terms and phrases to also match every spelling the alias table knows.

    Accents and transliterations are already folded by the name analyzer; this adds what folding
    cannot know, such as acronyms and long forms.  A spelling that contains the searched token
    already matches and is not added.
    """

    def rewrite(node: Q.Query) -> Q.Query:
        if isinstance(node, (Q.Term, Q.Phrase)) and node.fieldname in S.NAME_FIELDS:
            searched = [node.text] if isinstance(node, Q.Term) else list(node.words)
            analyzer = schema[node.fieldname].analyzer
            alternatives: list[Q.Query] = [node]
            seen = {tuple(searched)}
            for spelling in aliases.expand(" ".join(searched)):
                words = tuple(token.text for token in analyzer(spelling))
                if not words or words in seen or (len(searched) == 1 and searched[0] in words):
                    continue
                seen.add(words)
                field = node.fieldname
                alternative = Q.Term(field, words[0]) if len(words) == 1 else Q.Phrase(field, list(words))
                alternatives.append(alternative)
            return alternatives[0] if len(alternatives) == 1 else Q.Or(alternatives)
        if node.is_leaf():
            return node
        return node.apply(rewrite)

    return rewrite(parsed)


def _check_parsed(parsed: Q.Query) -> None:
    for node in _walk(parsed):
        if isinstance(node, Q.Every) and node.fieldname not in (None, "*"):
            # What Whoosh makes of a lone ``*`` its text check could not see (inside an unclosed
            # quote, ``" *``): it would read every document's field.
            raise QueryError("wildcards may not start a word (they would scan every word in the index)", "q")
        if isinstance(node, Q.FuzzyTerm) and node.maxdist > MAX_FUZZY_EDITS:
            raise QueryError(f"{node.text}~{node.maxdist}: a fuzzy term allows at most {MAX_FUZZY_EDITS} "
                             "edits", "q")
        if isinstance(node, (Q.Prefix, Q.Wildcard)):
            text = node.text
            if len(text.split("*")[0].split("?")[0]) < MIN_PREFIX_CHARS:
                raise QueryError(f"{text!r}: put at least {MIN_PREFIX_CHARS} letters before a wildcard", "q")


def _walk(node: Q.Query):
    yield node
    if node.is_leaf():
        return
    for child in node.children():
        yield from _walk(child)


def query_terms(parsed: Q.Query) -> set[str]:
    """The analysed words of title/body/quote the query looks for, for highlighting.

    ``parsed`` should be expanded (:func:`search.expand.expand_terms`); terms still holding
    wildcards are skipped rather than expanded here, outside any budget.  Negated clauses are
    left out.
    """
    fields = {S.TITLE, S.BODY, S.QUOTE}
    words: set[str] = set()
    for node in positive_leaves(parsed):
        if getattr(node, "fieldname", None) not in fields and not isinstance(node, Q.Phrase):
            continue
        if isinstance(node, Q.MultiTerm):
            continue
        for fieldname, text in node.iter_all_terms(phrases=True):
            if fieldname in fields:
                words.add(text.decode("utf-8") if isinstance(text, bytes) else text)
    return words


def positive_leaves(node: Q.Query):
    """Leaf queries (and whole phrases) that a match must or may satisfy: negated clauses left out."""
    if isinstance(node, Q.Not):
        return
    if isinstance(node, Q.AndNot):
        yield from positive_leaves(node.a)
        return
    if node.is_leaf() or isinstance(node, Q.Phrase):
        yield node
        return
    for child in node.children():
        yield from positive_leaves(child)


# -- the backend-neutral tree -------------------------------------------------------------------
_SCHEMA = None


def _schema():
    """The one schema's analyzers, built once (parsing needs analyzers, not an open index)."""
    global _SCHEMA
    if _SCHEMA is None:
        _SCHEMA = S.build_schema()
    return _SCHEMA


def parse(text: str, aliases=None) -> T.Node:
    """Parse user query text into the backend-neutral tree (:mod:`search.querytree`).

    Raises :class:`QueryError` naming the problem.  Whoosh's query parser is used here only as a
    grammar: its output is copied into plain nodes, so no backend sees a Whoosh object it did
    not make itself.  A query of one plain word skips it (:func:`plain_word`).
    """
    plain = plain_word(text.strip())
    return plain if plain is not None else from_whoosh(parse_query(text, _schema(), aliases))


def plain_word(text: str) -> T.Node | None:
    """The tree Whoosh's parser makes of ``text`` when it is one plain word (letters and digits,
    not an operator), built without the parser (~0.3 ms of a query's time); None otherwise.

    The word is analysed by each default field as the parser does (``process_text`` in query
    mode) and becomes an Or of the fields' boosted terms, or nothing for a stop word; anything
    else (a word some field cuts into several tokens or drops alone) is left to the parser.
    Tests compare the two on the generated archive's words.
    """
    if not _PLAIN_WORD.fullmatch(text) or text.upper() in _OPERATORS:
        return None
    schema = _schema()
    terms = []
    for fieldname, boost in S.DEFAULT_FIELDS.items():
        texts = list(schema[fieldname].process_text(text, mode="query"))
        if len(texts) > 1:
            return None
        if texts:
            terms.append(T.Term(fieldname, texts[0], float(boost)))
    if not terms:
        return T.Nothing()
    return T.Or(tuple(terms), 1.0) if len(terms) == len(S.DEFAULT_FIELDS) > 1 else None


def _boost(node: Q.Query) -> float:
    return float(getattr(node, "boost", 1.0))


def from_whoosh(node: Q.Query) -> T.Node:
    """The neutral tree of a parsed Whoosh query (the parser's output only)."""
    kind = type(node)
    if kind is Q.Term:
        return T.Term(node.fieldname, str(node.text), _boost(node))
    if kind is Q.Phrase:
        return T.Phrase(node.fieldname, tuple(str(w) for w in node.words), node.slop, _boost(node))
    if kind is Q.Prefix:
        return T.Prefix(node.fieldname, str(node.text), _boost(node))
    if kind is Q.Wildcard:
        return T.Wildcard(node.fieldname, str(node.text), _boost(node))
    if kind is Q.FuzzyTerm:
        return T.Fuzzy(node.fieldname, str(node.text), node.maxdist, node.prefixlength, _boost(node))
    if kind is Q.DateRange:
        return T.DateRange(node.fieldname, node.startdate, node.enddate, node.startexcl, node.endexcl)
    if kind is Q.NumericRange and node.fieldname == S.DATE:
        # The date field parses dates into a range of its own numbers: microseconds since year 1.
        start, end = (None if v is None else long_to_datetime(v) for v in (node.start, node.end))
        return T.DateRange(node.fieldname, start, end, node.startexcl, node.endexcl)
    if kind is Q.TermRange:
        return T.TermRange(node.fieldname, node.start, node.end, node.startexcl, node.endexcl)
    if kind in (Q.And, Q.Require):
        return T.And(tuple(from_whoosh(c) for c in node.children()), _boost(node))
    if kind is Q.Or:
        return T.Or(tuple(from_whoosh(c) for c in node.children()), _boost(node))
    if kind is Q.Not:
        return T.Not(from_whoosh(node.query))
    if kind is Q.AndNot:
        return T.AndNot(from_whoosh(node.a), from_whoosh(node.b))
    if kind is Q.AndMaybe:
        return T.AndMaybe(from_whoosh(node.a), from_whoosh(node.b))
    if kind is Q.Every:
        return T.Every()
    if node is Q.NullQuery or kind is type(Q.NullQuery):
        return T.Nothing()
    raise QueryError(f"could not understand the query: {node} is not supported", "q")


def to_whoosh(node: T.Node) -> Q.Query:
    """The Whoosh query of a neutral tree (the Whoosh backend's translation)."""
    kind = type(node)
    if kind is T.Term:
        return Q.Term(node.field, node.text, boost=node.boost)
    if kind is T.Phrase:
        return Q.Phrase(node.field, list(node.words), slop=node.slop, boost=node.boost)
    if kind is T.Prefix:
        return Q.Prefix(node.field, node.text, boost=node.boost)
    if kind is T.Wildcard:
        return Q.Wildcard(node.field, node.pattern, boost=node.boost)
    if kind is T.Fuzzy:
        return Q.FuzzyTerm(node.field, node.text, boost=node.boost, maxdist=node.max_edits,
                           prefixlength=node.prefix_length)
    if kind is T.DateRange:
        return Q.DateRange(node.field, node.start, node.end, startexcl=node.start_excluded,
                           endexcl=node.end_excluded)
    if kind is T.TermRange:
        return Q.TermRange(node.field, node.start, node.end, startexcl=node.start_excluded,
                           endexcl=node.end_excluded)
    if kind is T.And:
        return Q.And([to_whoosh(c) for c in node.children], boost=node.boost)
    if kind is T.Or:
        return Q.Or([to_whoosh(c) for c in node.children], boost=node.boost)
    if kind is T.Not:
        return Q.Not(to_whoosh(node.child))
    if kind is T.AndNot:
        return Q.AndNot(to_whoosh(node.positive), to_whoosh(node.negative))
    if kind is T.AndMaybe:
        return Q.AndMaybe(to_whoosh(node.required), to_whoosh(node.optional))
    if kind is T.Every:
        return Q.Every()
    if kind is T.Nothing:
        return Q.NullQuery
    raise TypeError(f"not a query tree node: {node!r}")
