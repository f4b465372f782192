"""The indexed words of each field, grouped by length, for fuzzy-term expansion within a budget.

Whoosh expands ``lavrof~`` by building a Levenshtein automaton in Python and walking it through
every segment's term index: 0.9 s for one term over 8k articles, 1.65 s at 10k (issue 11), with
no way to stop half-way.  Here each field's words are read once per segment into length buckets
shared by every request, and a fuzzy term is compared only with the words whose length is within
its edit distance, by rapidfuzz's bit-parallel edit distance (C++): a few milliseconds per term,
and the deadline is checked between buckets and while a new segment's words are read.

Words only accumulate (a merged-away segment's words stay, like the facet vocabulary); callers
check the candidates' document frequency in the current reader, so a word no live segment holds
never becomes a search term.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field

from rapidfuzz import process
from rapidfuzz.distance import OSA

from search.budget import UNLIMITED, Deadline

#: Words read between two deadline checks while a segment's term list is loaded.
_READ_CHECK_EVERY = 4096


@dataclass
class _FieldWords:
    segments: set[str] = field(default_factory=set)
    known: set[str] = field(default_factory=set)
    by_length: dict[int, list[str]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, word: str) -> None:
        if word not in self.known:
            self.known.add(word)
            self.by_length.setdefault(len(word), []).append(word)


class TermVocabulary:
    """Per-field word lists of one index, shared by all request threads (one per server process).

    Reads are incremental: a searcher's segments whose words were read before are skipped, so
    after a commit only the new segments are read.
    """

    def __init__(self) -> None:
        self._fields: dict[str, _FieldWords] = {}
        self._lock = threading.Lock()
        #: Words read from segments so far (tests count work with it).
        self.words_read = 0

    def _field(self, fieldname: str) -> _FieldWords:
        with self._lock:
            return self._fields.setdefault(fieldname, _FieldWords())

    def load(self, reader, fieldname: str, deadline: Deadline = UNLIMITED) -> None:
        """Read ``fieldname``'s words from the segments of ``reader`` not read before."""
        words = self._field(fieldname)
        with words.lock:
            for leaf, _offset in reader.leaf_readers():
                segment = leaf.segment() if hasattr(leaf, "segment") else None
                if segment is None:
                    continue
                segid = segment.segment_id()
                if segid in words.segments:
                    continue
                for btext in leaf.lexicon(fieldname):
                    words.add(btext.decode("utf-8") if isinstance(btext, bytes) else str(btext))
                    self.words_read += 1
                    if self.words_read % _READ_CHECK_EVERY == 0:
                        deadline.check()  # a partly read segment is read again next time
                words.segments.add(segid)

    def within(self, reader, fieldname: str, text: str, maxdist: int, prefix: int = 0,
               deadline: Deadline = UNLIMITED) -> list[tuple[str, int]]:
        """(word, edit distance) for every known word within ``maxdist`` edits of ``text``.

        Edits are insertions, deletions, substitutions and transpositions of adjacent letters
        (optimal string alignment, as Lucene's fuzzy query).  With ``prefix``, words must share
        ``text``'s first ``prefix`` characters.  Unordered; includes ``text`` itself if known.
        """
        self.load(reader, fieldname, deadline)
        words = self._field(fieldname)
        lengths = range(max(1, len(text) - maxdist), len(text) + maxdist + 1)
        found: list[tuple[str, int]] = []
        start = text[:prefix]
        for length in lengths:
            deadline.check()
            bucket = words.by_length.get(length)
            if not bucket:
                continue
            # A snapshot: another thread may append to the bucket while rapidfuzz reads it.
            matches = process.extract(text, bucket[:], scorer=OSA.distance, score_cutoff=maxdist,
                                      limit=None)
            found.extend((word, int(dist)) for word, dist, _i in matches if word.startswith(start))
        return found


def closest(candidates: Iterable[tuple[str, int]], doc_frequency, limit: int) -> list[str]:
    """The ``limit`` best expansions: fewest edits, then most documents, then alphabetical.

    ``doc_frequency(word)`` gives a word's document count in the current index; words no
    document holds any more are dropped.
    """
    scored = []
    for word, dist in candidates:
        frequency = doc_frequency(word)
        if frequency > 0:
            scored.append((dist, -frequency, word))
    scored.sort()
    return [word for _dist, _freq, word in scored[:limit]]
