"""The text analyzer, and one fast path through it shared by indexing and highlighting.

Whoosh analyses text through a chain of generators (tokenizer, lower-case, stop words, stemmer,
accent folding) that touches a Token object five times per word: it was half of the CPU time of
indexing an article and most of the time of building snippets.  :class:`Forms` applies the same
parts in one loop with a cache from surface word to analysed form, and :class:`FastText` is a
``TEXT`` field whose indexing uses it.  Queries still go through the analyzer itself; a test
checks that both paths produce the same terms and positions.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from whoosh import fields, formats
from whoosh.analysis import (
    CharsetFilter,
    LowercaseFilter,
    RegexTokenizer,
    StemFilter,
    StemmingAnalyzer,
    StopFilter,
)
from whoosh.lang.porter import stem as porter_stem
from whoosh.support.charset import accent_map

from search.stemming import stem as fast_porter_stem
from search.whoosh_compat import stem_function

#: Whoosh's default word pattern, with a non-capturing group so ``findall`` returns whole words.
WORD_PATTERN = r"\w+(?:\.?\w+)*"
#: Characters at the end of a Porter stem that may not be in the word: two for a stem ending in
#: ``-ble`` (``-biliti`` becomes ``-ble``); one for a stem ending in a character a rule adds
#: (PORTER_NEW_LAST: ``-y`` becomes ``-i``, ``-ation`` ``-ate``, ``-biliti`` ``-bl`` once the ``e``
#: is cut); none for any other stem, whose characters are all the word's own.
PORTER_NEW_TAIL = 2
PORTER_NEW_LAST = frozenset("iel")
_LOWER_ASCII = "".join(chr(c) for c in range(128) if chr(c) == chr(c).lower())
_DROP_LOWER_ASCII = dict.fromkeys(map(ord, _LOWER_ASCII))
#: Surface words whose analysed form :class:`Forms` keeps; the cache is emptied when full.
FORMS_CACHE_LIMIT = 300_000
_CHAIN = [RegexTokenizer, LowercaseFilter, StopFilter, StemFilter, CharsetFilter]


def text_analyzer():
    """Words, lower-cased, accent-folded (Erdoğan finds Erdogan), stop words dropped, stemmed."""
    return StemmingAnalyzer(expression=WORD_PATTERN, cachesize=50_000) | CharsetFilter(accent_map)


#: The same words as WORD_PATTERN, matched without backtracking (possessive repeats and an atomic
#: group, Python 3.11+): a run of word characters can only be followed by "." and more word
#: characters, so no match changes, and ``findall`` over a body takes a quarter less time.  The
#: group is atomic, (?>(?:…)*), because CPython 3.11.0-3.11.4 mis-match a possessive group,
#: (?:…)*+ (gh-106052: Debian 12's 3.11.2 took "U.S" from "U.S.").
FAST_WORD_PATTERN = r"\w++(?>(?:\.\w++)*)"
#: Non-ASCII punctuation common in news text (curly quotes, dashes, ellipsis): a text whose only
#: non-ASCII characters these are is split by :func:`split_words` once they are made spaces.
_TEXT_PUNCTUATION = "\u2019\u201c\u201d\u2014\u2013\u2018\u2026"
#: ASCII characters \w does not match, "." excepted, made spaces by :func:`split_words`.
_NON_WORD_ASCII = str.maketrans(dict.fromkeys(
    (c for c in range(128) if not (chr(c).isalnum() or chr(c) in "_.")), " "))


def split_words(text: str) -> list[str] | None:
    """``re.findall(FAST_WORD_PATTERN, text)`` for a text that is ASCII apart from
    :data:`_TEXT_PUNCTUATION`, by C-level string passes; None for any other text.

    A token is a run of word characters (ASCII: letters, digits, ``_``) with single dots between
    them.  With every other character made a space, a dot is part of a token exactly when a word
    character is on each side of it: pairs of dots, then dots beside a space (the text padded with
    one at each end) become spaces, and ``split`` cuts the tokens.  About 2.5 times faster than
    ``findall`` on AllSides bodies (the regex engine tests each character's category); nine texts
    in ten take it.  Tests compare it with ``findall`` on generated texts.
    """
    for mark in _TEXT_PUNCTUATION:
        if mark in text:
            text = text.replace(mark, " ")
    if not text.isascii():
        return None
    text = text.translate(_NON_WORD_ASCII)
    if "." in text:
        # After the pairs go, no two dots touch, so the other two passes miss none.
        text = f" {text} ".replace("..", "  ").replace(" .", "  ").replace(". ", "  ")
    return text.split()


#: Positions whose one-position encoding :class:`FastText` keeps (a position is a word's index
#: in a field's text, so this covers all but the longest bodies).
SINGLE_POSITIONS_LIMIT = 100_000


class Forms:
    """Analysed forms of words, exactly as ``analyzer`` produces them, one cached lookup per word.

    ``form(word)`` takes a token as the analyzer's tokenizer cuts it (any case) and returns its
    indexed term, or None for a stop word.  Raises ValueError for an analyzer of another shape.
    """

    def __init__(self, analyzer, limit: int = FORMS_CACHE_LIMIT) -> None:
        items = getattr(analyzer, "items", [])
        if [type(item) for item in items] != _CHAIN:
            raise ValueError(f"not a text_analyzer() chain: {analyzer!r}")
        tokenizer, _lower, stop, stem, charset = items
        if tokenizer.gaps:
            raise ValueError("the tokenizer must match words, not gaps")
        self.pattern: re.Pattern = tokenizer.expression
        self._words = self.pattern.findall  # the tokens of a text, as the tokenizer cuts them
        if self.pattern.pattern == WORD_PATTERN and self.pattern.flags == re.compile(WORD_PATTERN).flags:
            self._words = self._split_words
            self._findall = re.compile(FAST_WORD_PATTERN, self.pattern.flags).findall
        #: Texts cut by :func:`split_words` (tests check the fast path is taken).
        self.split = 0
        self._stops = frozenset(stop.stops)
        self._min, self._max = stop.min, stop.max
        #: Whether kept words are numbered consecutively (Whoosh's StopFilter ``renumber``), else
        #: by their raw token index.
        self.renumber: bool = stop.renumber
        # The stem filter's own LFU cache is redundant under the cache here.
        self._stem = stem_function(stem)
        porter = self._stem is porter_stem
        if porter:  # the same function, without the step regexes (see search.stemming)
            self._stem = fast_porter_stem
        self._ignore = frozenset(stem.ignore)
        self._charmap = charset.charmap
        self._limit = limit
        self._cache: dict[str, str | bool] = {}
        # ascii_prefix's guarantee holds for Porter's stemmer and a fold that keeps lower-case ASCII.
        self.knows_prefixes = (porter
                               and _LOWER_ASCII.translate(self._charmap) == _LOWER_ASCII)

    def ascii_prefix(self, term: str) -> str | None:
        """What every all-ASCII token analysed to ``term`` starts with, lower-cased: ``term``
        itself (``war``, which "wars" and "WAR" start with), or without its last character when
        that is one a rule adds (``happi`` -> ``happ``: "happy" and "HAPPINESS"), or without its
        last PORTER_NEW_TAIL when it ends in ``-ble``.  None when no all-ASCII token is analysed
        to ``term`` (it holds something other than lower-case ASCII).  Only meaningful when
        ``knows_prefixes``.

        Why: an ASCII token's form is Porter's stem of the lower-cased token (the accent fold keeps
        lower-case ASCII).  Step 1 cuts the end or adds one new character at it (``-y`` to ``-i``,
        an ``e`` after ``-at``/``-bl``/``-iz`` or a short stem); step 2 replaces a suffix of at
        least three characters, so one holding that new character, by one whose only new
        character is its last ``e`` (``-ation`` to ``-ate``, ``-enci`` to ``-ence``), except
        ``-biliti`` to ``-ble`` (the ``l`` and the ``e``); steps 3-5 only cut, and where they cut
        the new ``e`` of ``-ble`` the new ``l`` is the last character.  So a new character is an
        ``i``, ``e`` or ``l`` at the stem's end, or the ``le`` of ``-ble``; all the rest is the
        word's own beginning, and short stems ("eu", "gop") keep a prefix long enough to search
        for (see search.highlight).  Tests check this on the analyzer's words and on generated
        suffix chains.
        """
        if term.translate(_DROP_LOWER_ASCII):
            return None
        if term.endswith("ble"):
            return term[:-PORTER_NEW_TAIL]
        return term[:-1] if term[-1:] in PORTER_NEW_LAST else term

    def words(self, text: str) -> list[str]:
        """The tokens of ``text`` as the analyzer's tokenizer cuts them, in order."""
        return self._words(text)

    def _split_words(self, text: str) -> list[str]:
        """The tokens of ``text`` for the default word pattern: :func:`split_words`, or ``findall``
        for a text it does not take."""
        words = split_words(text)
        if words is None:
            return self._findall(text)
        self.split += 1
        return words

    def form(self, word: str) -> str | None:
        """Indexed term of one token, or None when the analyzer drops it."""
        form = self._cache.get(word)
        if form is None:
            form = self._analyse(word)
        return None if form is False else form

    def _analyse(self, word: str) -> str | bool:
        lower = word.lower()
        # The form depends on the lower-cased word only: "Talks" takes the form "talks" got
        # (Porter's stemmer is most of the cost of a new word).  ASCII: lower() is idempotent.
        variant = lower != word and lower.isascii()
        form = self._cache.get(lower) if variant else None
        if len(self._cache) >= self._limit:
            self._cache.clear()
        if form is None:
            form = self._lower_form(lower)
            if variant:
                self._cache[lower] = form
        self._cache[word] = form
        return form

    def _lower_form(self, lower: str) -> str | bool:
        """The form of a lower-cased token: False for a stop word (as "" is a degenerate term)."""
        too_long = self._max is not None and len(lower) > self._max
        if len(lower) < self._min or too_long or lower in self._stops:
            return False
        stemmed = lower if lower in self._ignore else self._stem(lower)
        return stemmed.translate(self._charmap)

    def positions(self, text: str) -> dict[str, list[int]]:
        """Term -> positions of ``text``, numbered as Whoosh's StopFilter numbers them.

        Stop words take no position once a word has been kept (``renumber``), so the first kept
        word keeps its raw token index and every later kept word is one further on.
        """
        words = self._words(text)
        # The cache lookups in one C-level map; only the (few) words not cached yet are analysed.
        forms = list(map(self._cache.get, words))
        if None in forms:
            analyse = self._analyse
            forms = [analyse(word) if form is None else form for word, form in zip(words, forms, strict=True)]
        positions: dict[str, list[int]] = {}
        if self.renumber:
            # Kept words are numbered consecutively from the first one's raw token index.
            first = next((index for index, form in enumerate(forms) if form is not False), None)
            if first is None:
                return positions
            numbered = enumerate([form for form in forms if form is not False], first)
        else:
            numbered = ((index, form) for index, form in enumerate(forms) if form is not False)
        for pos, form in numbered:
            found = positions.get(form)
            if found is None:
                positions[form] = [pos]
            else:
                found.append(pos)
        return positions

    def spans(self, text: str, terms: set[str] | frozenset[str]) -> list[tuple[int, int]]:
        """Character spans of the tokens of ``text`` whose indexed term is in ``terms``."""
        cache = self._cache
        analyse = self._analyse
        spans = []
        for match in self.pattern.finditer(text):
            word = match.group()
            form = cache.get(word)
            if form is None:
                form = analyse(word)
            if form is not False and form in terms:
                spans.append(match.span())
        return spans


class FastText(fields.TEXT):
    """A ``TEXT`` field indexed through :class:`Forms` instead of Whoosh's generator chain.

    Same terms, frequencies, weights and encoded positions as ``TEXT`` (tests compare them), about
    three times faster.  Any other analyzer or format falls back to ``TEXT``'s own path.
    """

    def index(self, value, **kwargs) -> Iterator[tuple[bytes, int, float, bytes]]:
        forms = self._fast_forms()
        if forms is None or kwargs or not isinstance(value, str):
            return super().index(value, **kwargs)
        encode = self.format.encode
        boost = self.format.field_boost
        singles = self.__dict__.get("_singles")
        if singles is None:
            singles = self._singles = {}
        items = []
        for term, poses in forms.positions(value).items():
            count = len(poses)
            if count == 1:
                # Most terms of an article occur once: their value (Whoosh pickles a list per
                # term, a third of the time of indexing a body) is encoded once per position.
                # Kept in two parts and joined into a new object each time: postings sharing one
                # bytes object would be pickled as back-references by Whoosh's block writer.
                parts = singles.get(poses[0])
                if parts is None:
                    encoded = encode(poses)
                    if len(singles) < SINGLE_POSITIONS_LIMIT:
                        singles[poses[0]] = (encoded[:1], encoded[1:])
                else:
                    encoded = parts[0] + parts[1]
            else:
                encoded = encode(poses)
            items.append((term.encode("utf-8"), count, count * boost, encoded))
        return iter(items)

    def word_forms(self) -> Forms | None:
        """The :class:`Forms` this field indexes through, or None when it takes ``TEXT``'s path."""
        return self._fast_forms()

    def _fast_forms(self) -> Forms | None:
        forms = self.__dict__.get("_forms", False)
        if forms is False:
            try:
                forms = Forms(self.analyzer) if type(self.format) is formats.Positions else None
            except ValueError:
                forms = None
            self._forms = forms
        return forms

    # The schema is pickled into the index's table of contents: leave the cache out.
    def __getstate__(self) -> dict:
        state = dict(self.__dict__)
        state.pop("_forms", None)
        state.pop("_singles", None)
        return state


class FoldForms:
    """Analysed forms of an analyzer of the shape tokenizer | lower-case | fold, where the fold is
    a filter with a ``fold_text(text) -> str`` method that maps one token's text to its term (""
    drops the token).  The same interface as :class:`Forms` (``words``, ``form``, ``renumber``):
    a dropped token keeps its position, as Whoosh's tokenizer numbers every match.
    """

    renumber = False

    def __init__(self, analyzer) -> None:
        items = getattr(analyzer, "items", [])
        shape = [type(item) for item in items[:2]]
        if (len(items) != 3 or shape != [RegexTokenizer, LowercaseFilter]
                or not callable(getattr(items[2], "fold_text", None))):
            raise ValueError(f"not a tokenizer | lower-case | fold chain: {analyzer!r}")
        tokenizer = items[0]
        # findall returns whole matches only for a pattern without groups, and only matches are words.
        if tokenizer.gaps or tokenizer.expression.groups:
            raise ValueError("the tokenizer must match words, without groups")
        self._words = tokenizer.expression.findall
        self._fold = items[2].fold_text

    def words(self, text: str) -> list[str]:
        """The tokens of ``text`` as the tokenizer cuts them, in order."""
        return self._words(text)

    def form(self, word: str) -> str | None:
        """Indexed term of one token, or None when the fold drops it."""
        return self._fold(word.lower()) or None


def index_forms(field) -> Forms | FoldForms | None:
    """How a field's text is analysed one word at a time, for writers that index a text as word ->
    term lookups: the field's :class:`Forms` (a :class:`FastText`), a :class:`FoldForms` (a
    ``TEXT`` field whose analyzer has that shape), or None (anything else: ``field.index``)."""
    if type(field.format) is not formats.Positions or field.vector or field.separate_spelling():
        return None
    if isinstance(field, FastText):
        return field.word_forms()
    if type(field) is fields.TEXT:
        try:
            return FoldForms(field.analyzer)
        except ValueError:
            return None
    return None
