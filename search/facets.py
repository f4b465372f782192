"""Facet counts, filters and dates from compact per-document arrays.

The ``facets`` column is read once per index *segment* into numpy arrays: for each facet kind a
CSR pair (``indptr``, ``ords``) mapping a document number to the ordinals of its values, plus a
day number per document.  Counting a facet over a matched document set is then a gather and a
``bincount``; a filter is a boolean mask over documents.  Ordinals come from one vocabulary that
only grows, so arrays built for old segments stay valid when a commit adds segments, and a
refreshed searcher only reads its new segments.

Values are grouped by their canonical key (every spelling of a name is one value); the display
spelling of a key is the one most documents use, an all-caps transcript label ("AMY GOODMAN") only
when the name has no other and then in name case (``search.names.shown_spelling``).
"""

from __future__ import annotations

import threading
from collections import Counter
from dataclasses import dataclass, field

import numpy as np

from search import schema as S
from search.copies import CopyCache
from search.names import shown_spelling
from search.postings import leaf_readers

NO_DAY = np.iinfo(np.int32).min
#: :meth:`FacetArrays.months` of undated documents.
NO_MONTH = np.iinfo(np.int32).min
#: ``indexed`` of documents whose indexing time was not recorded (indexes built before it was).
NO_TIME = np.iinfo(np.int64).min
#: :meth:`FacetArrays.count_nonzero` sorts the matches' values when there are fewer than
#: 1/SPARSE_RATIO of the vocabulary, and counts into an array over the vocabulary otherwise.
SPARSE_RATIO = 8
#: Matches up to which the month and day counts are taken in Python: a rare word's page, where
#: each numpy call costs more than the counting itself.
FEW_DOCS = 32


@dataclass
class _Vocab:
    """Keys of one facet kind and their display spellings, ordinal = position."""

    keys: list[str] = field(default_factory=list)
    ords: dict[str, int] = field(default_factory=dict)

    def ordinal(self, key: str) -> int:
        found = self.ords.get(key)
        if found is None:
            found = self.ords[key] = len(self.keys)
            self.keys.append(key)
        return found


@dataclass
class _SegmentArrays:
    ndocs: int
    day: np.ndarray
    indptr: dict[str, np.ndarray]
    ords: dict[str, np.ndarray]
    displays: dict[str, Counter]  # kind -> Counter[(ordinal, display)]
    indexed: np.ndarray  # seconds since the epoch when the article entered the index, or NO_TIME
    ids: list  # article id per document (None in indexes built before ids were kept here)


@dataclass
class FacetArrays:
    """The arrays of one searcher (all its segments concatenated); read-only once built."""

    ndocs: int
    day: np.ndarray
    indptr: dict[str, np.ndarray]
    ords: dict[str, np.ndarray]
    vocab: dict[str, _Vocab]
    display: dict[str, list[str]]
    #: Per document: when it entered the index (seconds since the epoch), or NO_TIME.
    indexed: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: Per document: its article id, or None (copy clusters map onto documents through it).
    ids: list = field(default_factory=list)
    #: Ordinals of speaker facet values that are organisations (any document typed them so).
    organizations: frozenset = frozenset()
    _masks: dict = field(default_factory=dict)
    _ranks: dict = field(default_factory=dict)
    _totals: dict = field(default_factory=dict)
    _one_each: dict = field(default_factory=dict)
    _all_kinds: tuple | None = None
    _months: np.ndarray | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def ordinals_for(self, kind: str, keys: list[str]) -> list[int]:
        """Ordinals of the given canonical keys (unknown keys are skipped)."""
        table = self.vocab[kind].ords
        return [table[k] for k in keys if k in table and table[k] < len(self.display[kind])]

    def mask(self, kind: str, ordinals: list[int]) -> np.ndarray:
        """Boolean mask of documents having any of ``ordinals`` for ``kind`` (cached)."""
        cache_key = (kind, tuple(sorted(ordinals)))
        with self._lock:
            found = self._masks.get(cache_key)
        if found is not None:
            return found
        result = np.zeros(self.ndocs, dtype=bool)
        if ordinals:
            positions = np.flatnonzero(np.isin(self.ords[kind], np.asarray(ordinals, dtype=np.int32)))
            docs = np.searchsorted(self.indptr[kind], positions, side="right") - 1
            result[docs] = True
        with self._lock:
            if len(self._masks) > 256:  # bounded: filters are few and repeat
                self._masks.clear()
            self._masks[cache_key] = result
        return result

    def key_ranks(self, kind: str) -> np.ndarray:
        """Each ordinal's rank in the order of the canonical keys (``vocab[kind].keys``; unique).

        Facet values tied on their count are listed by key: comparing ranks is one numpy sort of
        the tied values, where comparing the keys themselves was a Python loop over every tied
        value, and a rare word's values nearly all tie at 1.  Built once per set of segments.
        """
        with self._lock:
            found = self._ranks.get(kind)
        if found is None:
            keys = self.vocab[kind].keys
            size = len(self.display[kind])
            found = np.empty(size, dtype=np.int64)
            found[sorted(range(size), key=keys.__getitem__)] = np.arange(size)
            with self._lock:
                self._ranks[kind] = found
        return found

    def date_mask(self, first_day: int | None, last_day: int | None) -> np.ndarray:
        """Documents dated within [first_day, last_day] (undated ones never match a date range)."""
        mask = self.day != NO_DAY
        if first_day is not None:
            mask &= self.day >= first_day
        if last_day is not None:
            mask &= self.day <= last_day
        return mask

    def indexed_mask(self, since: int) -> np.ndarray:
        """Documents that entered the index at or after ``since`` (seconds since the epoch)."""
        return self.indexed >= since

    def count_nonzero(self, kind: str, docs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(ordinals, counts) of the values of ``kind`` that ``docs`` (distinct document numbers)
        have: ordinals ascending, every count > 0.

        A few matches (a rare word) have a few values: those are counted by sorting them, without
        a count array over the whole vocabulary (129,000 people at 37.5k articles) allocated and
        then scanned for the top values, for each facet kind; many matches are counted into one.
        Most of the documents (a common word) are counted as all documents' counts less those of
        the others.
        """
        size = len(self.display[kind])
        if size == 0 or len(docs) == 0:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
        if len(docs) * 2 > self.ndocs:
            # Counting takes a few passes over the values counted: count the fewer documents.
            others = np.ones(self.ndocs, dtype=bool)
            others[docs] = False
            others_values = self._values(kind, np.flatnonzero(others))
            dense = self.totals(kind) - np.bincount(others_values, minlength=size)[:size]
        else:
            values = self._values(kind, docs)
            if len(values) == 0:
                return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
            if len(values) * SPARSE_RATIO < size:
                ordinals, counts = np.unique(values, return_counts=True)
                keep = ordinals < size
                return ordinals[keep].astype(np.int64), counts[keep].astype(np.int64)
            dense = np.bincount(values, minlength=size)[:size]
        ordinals = np.flatnonzero(dense)
        return ordinals, dense[ordinals]

    def count_kinds(self, kinds: list[str], docs: np.ndarray) -> dict[str, tuple[np.ndarray, np.ndarray]]:
        """:meth:`count_nonzero` of each of ``kinds`` over the same ``docs``, all at once.

        The values of every kind are gathered and counted in one pass (:meth:`all_kinds`): at
        300k articles a two-word AND query's ~15,000 matches hold ~860,000 values of the five
        kinds, and counting them kind by kind made each numpy step five times.  Most of the
        documents are counted kind by kind (from all documents' counts less the others').  A
        page's top values of few matches come from :meth:`top_counts` instead.
        """
        combined = self.all_kinds() if len(kinds) > 1 and 0 < len(docs) * 2 <= self.ndocs else None
        if combined is None:
            return {kind: self.count_nonzero(kind, docs) for kind in kinds}
        indptr, ords, bases = combined
        values = _gathered(indptr, ords, docs)
        found = {}
        dense = np.bincount(values, minlength=bases[-1])
        for kind in kinds:
            first = bases[S.FACET_KINDS.index(kind)]
            part = dense[first:first + len(self.display[kind])]
            ordinals = np.flatnonzero(part)
            found[kind] = ordinals, part[ordinals]
        return found

    def all_kinds(self) -> tuple[np.ndarray, np.ndarray, list[int]] | None:
        """(indptr, ordinals, bases): every document's values of all facet kinds as one list,
        each kind's ordinals shifted by its base (the sizes of the kinds before it, in
        ``S.FACET_KINDS`` order; the last base is the total); None when a kind's ordinals reach
        past its values (a kind's counts would spill into the next's).  Built once per set of
        segments."""
        with self._lock:
            found = self._all_kinds
        if found is None:
            found = (None,) if any(kind not in self.ords for kind in S.FACET_KINDS) else self._combined()
            with self._lock:
                self._all_kinds = found
        return found if found[0] is not None else None

    def _combined(self) -> tuple:
        sizes = [len(self.display[kind]) for kind in S.FACET_KINDS]
        for kind, size in zip(S.FACET_KINDS, sizes, strict=True):
            if len(self.ords[kind]) and int(self.ords[kind].max()) >= size:
                return (None,)
        lengths = [np.diff(self.indptr[kind]) for kind in S.FACET_KINDS]
        indptr = np.zeros(self.ndocs + 1, dtype=np.int64)
        np.cumsum(np.sum(lengths, axis=0), out=indptr[1:])
        ords = np.empty(int(indptr[-1]), dtype=np.int32)
        fill = indptr[:-1].copy()  # where each document's next values go
        base = 0
        bases = []
        for kind, size, counts in zip(S.FACET_KINDS, sizes, lengths, strict=True):
            bases.append(base)
            kind_indptr, kind_ords = self.indptr[kind], self.ords[kind]
            for first in range(0, self.ndocs, _BUILD_CHUNK):  # chunks: bounded temporary arrays
                last = min(first + _BUILD_CHUNK, self.ndocs)
                lo, hi = int(kind_indptr[first]), int(kind_indptr[last])
                # Value i of a document's run of this kind goes to fill[doc] + i.
                at = np.repeat(fill[first:last] - kind_indptr[first:last], counts[first:last])
                at += np.arange(lo, hi, dtype=np.int64)
                ords[at] = kind_ords[lo:hi] + np.int32(base)
            fill += counts
            base += size
        bases.append(base)
        return indptr, ords, bases

    def top_counts(self, kinds: list[str], docs: np.ndarray,
                   limit: int) -> dict[str, tuple[list[int], list[int]]] | None:
        """For each of ``kinds``, its ``limit`` values most frequent among ``docs`` as (ordinals,
        counts), count descending, ties by key (:meth:`key_ranks`): :meth:`count_kinds` and the
        engine's choice of the top values in one, for few values; None for many (or when
        :meth:`all_kinds` has no combined list): then count, then choose, kind by kind.

        A rare word's page: counting each kind and then choosing its top values took a handful of
        numpy calls per kind on a few hundred values (~190 us of a ~1.3 ms search, 300 rare words
        in process); here every kind's values are counted and ordered by one sort, and each kind's
        top values are the start of its run.
        """
        combined = self.all_kinds() if kinds and self.ndocs < _COUNT_CAP else None
        if combined is None or combined[2][-1] >= 1 << _COUNT_SHIFT:
            return None
        indptr, ords, bases = combined
        # Many values are declined before they are gathered: a common word's matches at 300k
        # articles hold millions, gathered for nothing and then again to be counted.
        if len(docs) * SPARSE_RATIO >= bases[-1]:
            return None
        if int((indptr[docs + 1] - indptr[docs]).sum()) * SPARSE_RATIO >= bases[-1]:
            return None
        values = _gathered(indptr, ords, docs)
        ordinals, counts = np.unique(values, return_counts=True)
        kind_at = np.searchsorted(bases, ordinals, side="right") - 1
        # One sort key: kind, then count descending, then key rank (unique within a kind), packed
        # into an int64 (a three-key ``lexsort`` took 36 of the step's 114 us; packed, 83 in all).
        ranks = self._all_ranks()[ordinals]
        packed = (kind_at << _KIND_SHIFT) | ((_COUNT_CAP - counts) << _COUNT_SHIFT) | ranks
        order = np.argsort(packed)
        cuts = np.searchsorted(kind_at[order], np.arange(len(bases))).tolist()
        found = {}
        for kind in kinds:
            at = S.FACET_KINDS.index(kind)
            chosen = order[cuts[at]:min(cuts[at] + limit, cuts[at + 1])]
            found[kind] = (ordinals[chosen] - bases[at]).tolist(), counts[chosen].tolist()
        return found

    def _all_ranks(self) -> np.ndarray:
        """:meth:`key_ranks` of every kind, at the ordinals :meth:`all_kinds` shifts them to."""
        with self._lock:
            found = self._ranks.get(None)
        if found is None:
            found = np.concatenate([self.key_ranks(kind) for kind in S.FACET_KINDS])
            with self._lock:
                self._ranks[None] = found
        return found

    def totals(self, kind: str) -> np.ndarray:
        """How many documents have each ordinal of ``kind`` (built once per set of segments)."""
        with self._lock:
            found = self._totals.get(kind)
        if found is None:
            size = len(self.display[kind])
            found = np.bincount(self.ords[kind], minlength=size)[:size]
            with self._lock:
                self._totals[kind] = found
        return found

    def _values(self, kind: str, docs: np.ndarray) -> np.ndarray:
        """The ordinals of ``kind`` of every document in ``docs``, with repeats, as one array."""
        if len(docs) == 0:
            return np.zeros(0, dtype=np.int32)
        if self.one_value_each(kind):
            return self.ords[kind][docs]  # the value positions are the document numbers
        return _gathered(self.indptr[kind], self.ords[kind], docs)

    def one_value_each(self, kind: str) -> bool:
        """Whether every document has exactly one value of ``kind`` (every article has an outlet):
        its values are then read at the document numbers, without the gathering of positions
        :meth:`_values` does for lists (at 300k articles, counting the outlets of a term + outlet
        query's ~100,000 unfiltered matches).  Checked once per set of segments."""
        with self._lock:
            found = self._one_each.get(kind)
        if found is None:
            indptr = self.indptr[kind]
            found = len(self.ords[kind]) == self.ndocs and bool(np.all(indptr[1:] - indptr[:-1] == 1))
            with self._lock:
                self._one_each[kind] = found
        return found

    def month_counts(self, docs: np.ndarray) -> list[tuple[str, int]]:
        """[(YYYY-MM, count)] over ``docs``, in date order; undated documents are left out."""
        if len(docs) <= FEW_DOCS:  # a rare word's page: counted in Python
            counted = _few_counts(self.months()[docs], NO_MONTH)
            return [(month_text(m), counted[m]) for m in sorted(counted)]
        months = self.months()[docs]
        months = months[months != NO_MONTH]
        if len(months) == 0:
            return []
        # Months since 1970 (numpy's datetime64[M] numbering): counted over the few present.
        first = int(months.min())
        counts = np.bincount(months - first)
        present = np.flatnonzero(counts)
        return [(str(np.datetime64(first + int(m), "M")), int(counts[m])) for m in present]

    def day_counts(self, docs: np.ndarray, max_span: int) -> list[tuple[str, int]]:
        """[(YYYY-MM-DD, count)] over ``docs``, in date order, when the dated ones span at most
        ``max_span`` days, else [] (a timeline by day only reads well over a few weeks)."""
        if len(docs) <= FEW_DOCS:  # a rare word's page: counted in Python
            counted = _few_counts(self.day[docs], NO_DAY)
            if not counted or max(counted) - min(counted) > max_span:
                return []
            return [(S.day_to_date(day).isoformat(), counted[day]) for day in sorted(counted)]
        days = self.day[docs]
        days = days[days != NO_DAY]
        if len(days) == 0 or int(days.max()) - int(days.min()) > max_span:
            return []
        values, counts = np.unique(days, return_counts=True)
        return [(S.day_to_date(int(v)).isoformat(), int(c)) for v, c in zip(values, counts, strict=True)]

    def months(self) -> np.ndarray:
        """Each document's month as numpy's datetime64[M] number (months since 1970-01), or
        NO_MONTH when undated; built once per set of segments.

        Converting each query's days to months (a calendar computation per match) and sorting
        them took ~18 ms of a common word's query at 300k articles.
        """
        with self._lock:
            found = self._months
        if found is None:
            dated = self.day != NO_DAY
            found = np.full(self.ndocs, NO_MONTH, dtype=np.int32)
            found[dated] = self.day[dated].astype("datetime64[D]").astype("datetime64[M]").astype(np.int64)
            with self._lock:
                self._months = found
        return found


def _few_counts(values: np.ndarray, missing: int) -> Counter:
    """How often each of a few ``values`` occurs, ``missing`` (undated) left out."""
    counted = Counter(values.tolist())
    counted.pop(int(missing), None)
    return counted


def month_text(month: int) -> str:
    """``YYYY-MM`` of a month numbered as :meth:`FacetArrays.months` numbers them (numpy's
    datetime64[M]: months since 1970-01), as ``str(np.datetime64(month, "M"))`` writes it."""
    year, index = divmod(month, 12)
    year += 1970
    if not 1 <= year <= 9999:  # numpy's own spelling of far years (signs, more digits)
        return str(np.datetime64(month, "M"))
    return f"{year:04d}-{index + 1:02d}"


def _gathered(indptr: np.ndarray, ords: np.ndarray, docs: np.ndarray) -> np.ndarray:
    """The values (``ords``, listed per document as ``indptr`` bounds them) of every document in
    ``docs``, with repeats, as one array."""
    starts = indptr[docs]
    lengths = indptr[docs + 1] - starts
    total = int(lengths.sum())
    if total == 0:
        return np.zeros(0, dtype=np.int32)
    # Positions of every value of every matched document, without a Python loop.
    offsets = np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
    positions = offsets + np.arange(total, dtype=np.int64)
    return ords[positions]


#: :meth:`FacetArrays.top_counts` packs a kind (its position), a count and a rank into one int64:
#: the rank in the low 32 bits, the count's complement to ``_COUNT_CAP`` in the next 26 (more
#: documents or values than that and it declines).  Five kinds fit in the top bits.
_COUNT_SHIFT = 32
_COUNT_CAP = 1 << 26
_KIND_SHIFT = 58

#: Documents per step when :meth:`FacetArrays.all_kinds` is built (its temporary arrays: ~10 MB
#: a step at 300k articles, where building it whole peaked at ~150 MB above the result's 50 MB).
_BUILD_CHUNK = 1 << 15


class FacetCache:
    """Builds :class:`FacetArrays` for searchers, reusing the arrays of segments already read.

    One instance per index, shared by every request thread.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._vocab = {kind: _Vocab() for kind in S.FACET_KINDS}
        self._segments: dict[str, _SegmentArrays] = {}
        self._org_speakers: set[str] = set()  # keys of speakers typed organisation
        self._current: tuple[tuple, FacetArrays] | None = None
        #: Copy clusters over the same documents (they change with every commit, not per segment).
        self.copies = CopyCache()

    def arrays(self, searcher) -> FacetArrays:
        """The arrays for ``searcher``'s view of the index (built on first use, then cached)."""
        leaves = _leaves(searcher)
        signature = tuple(segid for segid, _reader in leaves)
        with self._lock:
            if self._current and self._current[0] == signature:
                return self._current[1]
            parts = []
            for segid, reader in leaves:
                seg = self._segments.get(segid)
                if seg is None:
                    seg = self._segments[segid] = self._read_segment(reader)
                parts.append(seg)
            for stale in set(self._segments) - set(signature):
                del self._segments[stale]
            built = self._combine(parts)
            self._current = (signature, built)
            return built

    def _read_segment(self, reader) -> _SegmentArrays:
        ndocs = reader.doc_count_all()
        day = np.full(ndocs, NO_DAY, dtype=np.int32)
        indexed = np.full(ndocs, NO_TIME, dtype=np.int64)
        ids: list[str | None] = [None] * ndocs
        lists: dict[str, list[int]] = {kind: [] for kind in S.FACET_KINDS}
        indptr = {kind: np.zeros(ndocs + 1, dtype=np.int64) for kind in S.FACET_KINDS}
        displays: dict[str, Counter] = {kind: Counter() for kind in S.FACET_KINDS}
        column = reader.column_reader(S.FACETS) if reader.has_column(S.FACETS) else None
        for docnum in range(ndocs):
            row = S.FacetRow.decode(column[docnum] if column is not None else None)
            if row.day is not None:
                day[docnum] = row.day
            if row.indexed is not None:
                indexed[docnum] = row.indexed
            ids[docnum] = row.article
            self._org_speakers.update(key for key, _display in row.values.get(S.SPEAKER_ORGS, ()))
            for kind in S.FACET_KINDS:
                values = row.values.get(kind)
                if values:
                    vocab = self._vocab[kind]
                    target = lists[kind]
                    counter = displays[kind]
                    for key, display in values:
                        ordinal = vocab.ordinal(key)
                        target.append(ordinal)
                        counter[(ordinal, display)] += 1
                indptr[kind][docnum + 1] = len(lists[kind])
        ords = {kind: np.asarray(lists[kind], dtype=np.int32) for kind in S.FACET_KINDS}
        return _SegmentArrays(ndocs, day, indptr, ords, displays, indexed, ids)

    def _combine(self, parts: list[_SegmentArrays]) -> FacetArrays:
        ndocs = sum(p.ndocs for p in parts)
        day = np.concatenate([p.day for p in parts]) if parts else np.zeros(0, dtype=np.int32)
        indexed = np.concatenate([p.indexed for p in parts]) if parts else np.zeros(0, dtype=np.int64)
        ids = [article_id for p in parts for article_id in p.ids]
        indptr, ords, display = {}, {}, {}
        for kind in S.FACET_KINDS:
            pieces = [np.zeros(1, dtype=np.int64)]
            shift = 0
            for p in parts:
                pieces.append(p.indptr[kind][1:] + shift)
                shift += len(p.ords[kind])
            indptr[kind] = np.concatenate(pieces)
            ords[kind] = (
                np.concatenate([p.ords[kind] for p in parts]) if parts else np.zeros(0, dtype=np.int32)
            )
            display[kind] = self._displays(kind, parts)
        vocab = {kind: self._vocab[kind] for kind in S.FACET_KINDS}
        speaker_ords = vocab[S.SPEAKER].ords
        organizations = frozenset(speaker_ords[k] for k in self._org_speakers if k in speaker_ords)
        return FacetArrays(ndocs, day, indptr, ords, vocab, display, indexed=indexed, ids=ids,
                           organizations=organizations)

    def _displays(self, kind: str, parts: list[_SegmentArrays]) -> list[str]:
        """For each ordinal, the spelling to show (``search.names.shown_spelling``: the one most
        documents use; an all-caps transcript label such as "AMY GOODMAN" only when no document
        spells the name otherwise, and then in name case, so the facet reads as a list of people).
        """
        keys = self._vocab[kind].keys
        best: dict[int, Counter] = {}
        for p in parts:
            for (ordinal, display), n in p.displays[kind].items():
                best.setdefault(ordinal, Counter())[display] += n
        result = list(keys)  # fallback: the key itself (an ordinal no current segment uses)
        for ordinal, counter in best.items():
            result[ordinal] = shown_spelling(counter.items())
        return result


def _leaves(searcher) -> list[tuple[str, object]]:
    """(segment id, segment reader) pairs in document-number order."""
    result = []
    for leaf, _offset in leaf_readers(searcher):
        segment = leaf.segment() if hasattr(leaf, "segment") else None
        segid = segment.segment_id() if segment is not None else f"mem-{id(leaf)}"
        result.append((segid, leaf))
    return result
