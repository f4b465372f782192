"""Snippets with highlighted matches, and the one place where HTML is sanitised.

A snippet is built from a bounded window of the stored text (so a 5 MB article highlights in
milliseconds), escaped, wrapped in ``<mark>`` around matched words, and finally sanitised so that
only ``<mark>`` without attributes remains.  The result is the only value a template may mark
``|safe``.

Speed (docs/performance.md): snippets were 85 % of a query's time.  Matching analyses only the
tokens at the places a query word can be (found by prefix with ``bytes.find``, see
:func:`match_spans`) with the analyzer's own parts and a cache per surface word
(``search.analysis.Forms``), instead of Whoosh's five chained generators over every token, and
a snippet that is provably only escaped text plus ``<mark>`` tags skips bleach's HTML parse
(about 2 ms each); anything else still goes through bleach.
"""

from __future__ import annotations

import html
import re
import string
from functools import lru_cache

import bleach

from search.analysis import WORD_PATTERN, Forms, text_analyzer

#: Characters of a document scanned for matches.  Elasticsearch stops at 1M; news articles are
#: far shorter, and the bound keeps hostile multi-megabyte texts cheap.
SCAN_CHARS = 100_000
SNIPPET_CHARS = 280
ALLOWED_TAGS = frozenset({"mark"})

#: The analyzer's parts in one cached loop: matched words are the ones indexing produced.
_FORMS = Forms(text_analyzer())
#: The only tags a snippet built by :func:`snippet` contains.
_MARK_TAGS = re.compile(r"</?mark>")
#: Whether :func:`match_spans` may find tokens by their text (it knows this pattern's token edges).
_FIND_BY_TEXT = _FORMS.pattern.pattern == WORD_PATTERN and not _FORMS.pattern.flags & re.ASCII
_WORD_CHAR = re.compile(r"\w")
#: A word character outside ASCII and the rest of its run of word characters and dots.
_NON_ASCII_WORD = re.compile(r"[^\W\x00-\x7f][\w.]*")
_ASCII_BYTES = bytes(range(128))
#: Byte value -> whether it is an ASCII word character (a token cannot start right after one).
_ASCII_WORD_BYTE = tuple(b < 128 and bool(_WORD_CHAR.match(chr(b))) for b in range(256))
#: Shortest prefix :func:`match_spans` searches for; shorter ones start too many words.
MIN_PREFIX = 2
#: Non-ASCII characters up to which each non-ASCII letter is located with ``str.find``; past it,
#: with a regex that takes a whole run of letters at once.
FEW_NON_ASCII = 256
#: Punctuation around words; none of it is a word character (``_`` is one, so it is not here).
_EDGE_PUNCTUATION = (
    "".join(c for c in string.punctuation if c != "_") + "\u2018\u2019\u201c\u201d\u2013\u2014\u2026"
)


def match_spans(text: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """Character spans of the tokens of ``text`` whose analysed term is in ``words``, in order.

    The same spans as ``Forms.spans``, which runs the word pattern over the whole text and
    analyses every token in a Python loop.  Only the few places where a matching token can be
    are analysed (:func:`_candidates`, C-level scans); for words whose prefix is too short to
    search for, the text is cut at whitespace instead (:func:`_chunk_spans`).
    """
    if not _FIND_BY_TEXT:
        return _FORMS.spans(text, words)
    prefixes = _prefixes(frozenset(words))
    if prefixes is None:
        return _chunk_spans(text, words)
    return _spans_at(text, words, _candidates(text, prefixes))


@lru_cache(maxsize=1024)
def _prefixes(words: frozenset[str]) -> tuple[bytes, ...] | None:
    """The lower-case prefixes every all-ASCII token analysed to one of ``words`` starts with
    (:meth:`Forms.ascii_prefix`), as bytes; None when one is shorter than MIN_PREFIX (it would
    be the start of too many words) or the analyzer gives no such guarantee."""
    if not _FORMS.knows_prefixes:
        return None
    found = set()
    for word in words:
        prefix = _FORMS.ascii_prefix(word)
        if prefix is None:
            continue  # only a token with a non-ASCII character can have this form
        if len(prefix) < MIN_PREFIX:
            return None
        found.add(prefix.encode("ascii"))
    return tuple(sorted(found))


def _candidates(text: str, prefixes: tuple[bytes, ...]) -> list[tuple[int, int]]:
    """Sorted character ranges of ``text`` that every token analysed to a query word touches.

    An all-ASCII token starts with one of ``prefixes`` in any case: the text's UTF-8 bytes,
    lower-cased (ASCII letters only, in C), are searched with ``bytes.find``, keeping hits that
    follow no ASCII word character.  A token with a non-ASCII word character is found by that
    character, only when the text has one (news texts rarely do: their non-ASCII characters are
    mostly quotes and dashes).
    """
    data = text.encode("utf-8", "surrogatepass")
    lowered = data.lower()
    offsets = []
    for prefix in prefixes:
        at = lowered.find(prefix)
        while at != -1:
            if at == 0 or not _ASCII_WORD_BYTE[lowered[at - 1]]:
                offsets.append(at)
            at = lowered.find(prefix, at + 1)
    offsets.sort()
    if len(data) == len(text):  # all ASCII: byte offsets are character offsets
        return [(at, at + 1) for at in offsets]
    spans = [(at, at + 1) for at in _char_offsets(data, offsets)]
    non_ascii = data.translate(None, _ASCII_BYTES).decode("utf-8", "surrogatepass")
    letters = [char for char in set(non_ascii) if _WORD_CHAR.match(char)]
    if not letters:
        return spans
    if len(non_ascii) <= FEW_NON_ASCII:  # a few accented letters: each occurrence found in C
        for char in letters:
            at = text.find(char)
            while at != -1:
                spans.append((at, at + 1))
                at = text.find(char, at + 1)
    else:  # a text in another script: one candidate per run of letters
        spans.extend(found.span() for found in _NON_ASCII_WORD.finditer(text))
    spans.sort()
    return spans


def _char_offsets(data: bytes, offsets: list[int]) -> list[int]:
    """Character offsets of sorted byte ``offsets`` of ASCII characters in UTF-8 ``data``."""
    chars, byte, char = [], 0, 0
    for at in offsets:
        char += len(data[byte:at].decode("utf-8", "surrogatepass"))
        byte = at
        chars.append(char)
    return chars


def _spans_at(text: str, words: set[str] | frozenset[str],
              candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of the tokens touching ``candidates`` (sorted) whose analysed term is in ``words``.

    Tokens are cut by the analyzer's own pattern from a place no token crosses, so they are the
    tokens the whole text's scan would cut; each is analysed once, in order.
    """
    form = _FORMS.form
    search = _FORMS.pattern.search
    spans: list[tuple[int, int]] = []
    done = 0  # every token ending before this offset has been looked at
    for start, end in candidates:
        if end <= done:
            continue
        token = search(text, max(_token_boundary(text, start, done), done))
        while token is not None and token.start() < end:
            if form(token.group()) in words:
                spans.append(token.span())
            done = token.end()
            token = search(text, done)
    return spans


def _token_boundary(text: str, at: int, floor: int) -> int:
    """The nearest offset at or before ``at`` (and not before ``floor``) that no token crosses:
    tokens hold only word characters and dots."""
    while at > floor and (text[at - 1] == "." or _WORD_CHAR.match(text, at - 1)):
        at -= 1
    return at


def _chunk_spans(text: str, words: set[str] | frozenset[str]) -> list[tuple[int, int]]:
    """``match_spans`` by whitespace-separated chunks, for words without a searchable prefix.

    Tokens never cross whitespace, so the text is cut at whitespace in C (``split``), each
    *distinct* chunk's analysed terms come from a cache shared by all searches, and the few
    surface words whose term matches are located with ``str.find`` and kept where they are whole
    tokens (:func:`_token_at`).
    """
    matching = _matching_words(text, words)
    spans = []
    for word in matching:
        start = text.find(word)
        while start != -1:
            end = start + len(word)
            if _token_at(text, start, end):
                spans.append((start, end))
            start = text.find(word, start + 1)
    spans.sort()
    return spans


def _matching_words(text: str, words: set[str] | frozenset[str]) -> set[str]:
    """The distinct surface tokens of ``text`` whose analysed term is in ``words``.

    Most chunks are one word with punctuation around it ("said,"): with the punctuation stripped,
    an all-alphanumeric core is exactly the one token the pattern would cut (no regex call).
    """
    form = _FORMS.form
    findall = _FORMS.pattern.findall
    matching: set[str] = set()
    for chunk in set(text.split()):
        core = chunk.strip(_EDGE_PUNCTUATION)
        if core.isalnum():
            if form(core) in words:
                matching.add(core)
        else:
            matching.update(word for word in findall(chunk) if form(word) in words)
    return matching


def _token_at(text: str, start: int, end: int) -> bool:
    """Whether the tokenizer cuts exactly ``text[start:end]`` as one token.

    With ``\\w+(?:\\.?\\w+)*`` a token starts at a word character that follows neither a word
    character nor a dot after a word character (either would have extended the previous token),
    and runs as far as the pattern matches from there.
    """
    if start > 0:
        before = text[start - 1]
        if _WORD_CHAR.match(before) or (before == "." and start > 1 and _WORD_CHAR.match(text, start - 2)):
            return False
    found = _FORMS.pattern.match(text, start)
    return found is not None and found.end() == end


def sanitize(fragment: str) -> str:
    """Strip every tag except ``<mark>`` and every attribute.  Apply last, to all snippet HTML."""
    return bleach.clean(fragment, tags=ALLOWED_TAGS, attributes={}, protocols=[], strip=True)


def _safe(fragment: str) -> str:
    """``sanitize``, skipping bleach when the fragment's only markup is bare ``<mark>`` tags.

    Snippets are escaped text plus ``<mark>``/``</mark>``: for those, bleach would return its input
    unchanged; a fragment with any other ``<`` (never produced here) still goes through bleach.
    """
    bare = _MARK_TAGS.sub("", fragment)
    if "<" not in bare and ">" not in bare:
        return fragment
    return sanitize(fragment)


def _best_window(spans: list[tuple[int, int]], width: int) -> int:
    """Start offset of the ``width``-char window covering the most matches (first such window)."""
    best_start, best_count = spans[0][0], 0
    right = 0
    for left, (start, _end) in enumerate(spans):
        while right < len(spans) and spans[right][1] <= start + width:
            right += 1
        count = right - left
        if count > best_count:
            best_start, best_count = start, count
    return best_start


def _cut(text: str, start: int, width: int) -> tuple[int, int]:
    """A window of about ``width`` chars around ``start``, moved to word boundaries."""
    begin = max(0, start - width // 4)
    if begin > 0:
        space = text.find(" ", begin, start)
        begin = space + 1 if space != -1 else begin
    end = min(len(text), begin + width)
    if end < len(text):
        space = text.rfind(" ", begin + width // 2, end)
        end = space if space != -1 else end
    return begin, end


def snippet(text: str, words: set[str], width: int = SNIPPET_CHARS) -> str:
    """Safe HTML: the part of ``text`` with the most query matches, matches in ``<mark>``.

    ``words`` are analysed terms (as :func:`search.query.query_terms` returns them).  Without
    matches the snippet is the start of the text.
    """
    scanned = text[:SCAN_CHARS]
    spans = match_spans(scanned, words) if words else []
    start = _best_window(spans, width) if spans else 0
    begin, end = _cut(scanned, start, width)
    parts = ["…" if begin > 0 else ""]
    cursor = begin
    for span_start, span_end in spans:
        if span_start < begin or span_end > end:
            continue
        parts.append(html.escape(scanned[cursor:span_start]))
        parts.append(f"<mark>{html.escape(scanned[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(scanned[cursor:end]))
    if end < len(text):
        parts.append("…")
    return _safe(" ".join("".join(parts).split()))


def highlight_all(text: str, words: set[str]) -> str:
    """Safe HTML of the whole ``text`` with matches marked in its first SCAN_CHARS characters.

    Past that bound the text is only escaped (it then contains no tag at all), which keeps
    hostile multi-megabyte articles cheap to render.
    """
    scanned = text[:SCAN_CHARS]
    spans = match_spans(scanned, words) if words else []
    parts, cursor = [], 0
    for span_start, span_end in spans:
        parts.append(html.escape(scanned[cursor:span_start]))
        parts.append(f"<mark>{html.escape(scanned[span_start:span_end])}</mark>")
        cursor = span_end
    parts.append(html.escape(scanned[cursor:]))
    return _safe("".join(parts)) + html.escape(text[SCAN_CHARS:])
