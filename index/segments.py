"""Index segments built away from the index lock, then published into the index in one commit.

Whoosh's multi-process writer (``MpWriter``) parallelises only *within* one commit: the main
process extracts, pickles every document to a temporary file, forks sub-writers, waits for them,
and only then goes on reading.  Extraction and indexing took turns, and the main process held
every document twice.  Here each extraction worker also writes: it adds its documents to its own
segment in a private staging folder (``.staging/`` inside the index folder, which Whoosh's file
cleaner ignores), and hands the finished segment to the committer, which moves the files into
the index and writes a new table of contents under the lock.  Workers never wait for a commit.

:class:`FastSegmentWriter` also trims two per-posting costs of Whoosh's ``SegmentWriter``
(measured with cProfile on AllSides articles): the posting pool's type assertions and size
arithmetic, and the per-posting calls and length-column reads while a segment is flushed.
"""

from __future__ import annotations

import heapq
import logging
import marshal
import mmap
import os
import shutil
import threading
import uuid
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from itertools import accumulate, compress, groupby, islice, repeat
from operator import add, is_, itemgetter
from pathlib import Path

import numpy as np
from whoosh import fields, formats
from whoosh.reading import SegmentReader
from whoosh.writing import PostingPool, SegmentWriter

from index.storage import INDEX_NAME, DurableFileStorage, fsync_dir
from search.analysis import index_forms
from search.whoosh_codec import (
    BLOCK_LENGTH,
    COMPRESSED,
    MAGIC,
    DatelineCodec,
    DatelineTermWriter,
    Decoded,
    TermStats,
    blocks,
    is_dateline_codec,
    writes_dateline,
)
from search.whoosh_compat import (
    TERM_INFO,
    TermTable,
    TermWriter,
    compound_mmap,
    copy_per_doc,
    field_lengths,
    raw_blocks,
    segment_terms,
    spans,
    term_postings,
    term_table,
    uses_w3_terms,
    writes_w3,
)

#: Folder inside the index folder where unpublished segments are built (dot: Whoosh ignores it).
STAGING_DIR = ".staging"

log = logging.getLogger(__name__)


class _LeanPostingPool(PostingPool):
    """``PostingPool`` with a lean ``add`` and sorted runs written in batches.

    ``add`` drops the per-posting assertions (the size estimate is Whoosh's formula).  A pool over
    its memory limit spills sorted runs to temporary files; Whoosh marshals them one posting per
    call, which was 12 % of a worker's time on AllSides: here they are marshalled in lists.
    """

    RUN_BATCH = 4096

    def add(self, item: tuple) -> None:
        # item = (fieldname, tbytes, docnum, weight, vbytes); 150 = the fixed part of Whoosh's
        # estimate of a posting tuple's memory (tuple, str, int and float headers).
        self.fieldnames.add(item[0])
        self.currentsize += 150 + len(item[0]) + 2 * len(item[1]) + len(item[4] or b"")
        if self.currentsize > self.limit:
            self.save()
        self.current.append(item)

    def _write_run(self, f, items) -> None:
        batch = []
        for item in items:
            batch.append(item)
            if len(batch) >= self.RUN_BATCH:
                marshal.dump(batch, f)
                batch = []
        if batch:
            marshal.dump(batch, f)
        f.close()

    def _read_run(self, path):
        f = self._open_run(path)
        try:
            while True:
                try:
                    batch = marshal.load(f)
                except EOFError:
                    return
                yield from batch
        finally:
            f.close()
            self._remove_run(path)


class _FieldPostings:
    """One field's postings in the order they arrive, in flat typed arrays (see _TermPostings)."""

    __slots__ = ("terms", "termnums", "docnums", "weights", "values", "value_lengths")

    def __init__(self) -> None:
        self.terms: dict[bytes, int] = {}  # term -> term number, in first-seen order
        self.termnums = array("I")
        self.docnums = array("I")
        self.weights = array("f")
        self.values = bytearray()  # encoded values (positions), concatenated
        self.value_lengths = array("I")  # 0: no value (W3 keeps only non-empty values)

    def by_term(self) -> Iterator[tuple[bytes, list[int], list[float], list[bytes]]]:
        """(term, docnums, weights, values) in term order; each term's postings in arrival order."""
        order = sorted(self.terms.items())
        rank = np.empty(len(order), dtype=np.int64)
        rank[[num for _term, num in order]] = np.arange(len(order))
        ranks = rank[np.frombuffer(self.termnums, dtype=np.uint32)]
        perm = stable_order(ranks, len(order))  # stable: documents stay in order within a term
        bounds = np.concatenate(([0], np.cumsum(np.bincount(ranks, minlength=len(order))))).tolist()
        # Arrays for the field, a term's slice as Python lists (what TermWriter takes): lists for
        # the whole field would hold ~70 bytes per posting, 170 MB more per 5,000-article segment.
        docnums = np.frombuffer(self.docnums, dtype=np.uint32)[perm]
        weights = np.frombuffer(self.weights, dtype=np.float32)[perm]
        lengths = np.frombuffer(self.value_lengths, dtype=np.uint32).astype(np.int64)
        starts = (np.cumsum(lengths) - lengths)[perm]
        lengths = lengths[perm]
        data = memoryview(self.values)  # sliced per value: the field's values are not copied whole
        for i, (tbytes, _num) in enumerate(order):
            lo, hi = bounds[i], bounds[i + 1]
            values = [data[start:start + length].tobytes()
                      for start, length in zip(starts[lo:hi].tolist(), lengths[lo:hi].tolist(), strict=True)
                      if length]
            yield tbytes, docnums[lo:hi].tolist(), weights[lo:hi].tolist(), values
        data.release()

    def has_values(self) -> bool:
        """Whether any posting has a (non-empty) value."""
        return any(self.value_lengths)

    def valueless_batches(self, chunk: int) -> Iterator[_ValuelessBatch]:
        """The field's terms in term order as :class:`_ValuelessBatch` es of at most ``chunk``
        postings (or one term), each term's postings in arrival order (a field without values)."""
        order = sorted(self.terms.items())
        nterms = len(order)
        rank = np.empty(nterms, dtype=np.int64)
        rank[[num for _term, num in order]] = np.arange(nterms)
        ranks = rank[np.frombuffer(self.termnums, dtype=np.uint32)]
        perm = stable_order(ranks, nterms)  # stable: documents stay in order within a term
        bounds = np.concatenate(([0], np.cumsum(np.bincount(ranks, minlength=nterms))))
        docnums = np.frombuffer(self.docnums, dtype=np.uint32)[perm]
        weights = np.frombuffer(self.weights, dtype=np.float32)[perm]
        few = np.diff(bounds) < MIN_COMPRESSED_POSTINGS
        for first, last, plo, phi in _term_chunks(bounds, chunk):
            yield _ValuelessBatch([tbytes for tbytes, _num in order[first:last]], docnums[plo:phi],
                                  weights[plo:phi], bounds[first:last + 1] - plo, few[first:last])


def stable_order(ranks: np.ndarray, nranks: int) -> np.ndarray:
    """``np.argsort(ranks, kind="stable")`` for integer ranks in [0, ``nranks``), faster.

    NumPy's stable sort is a radix sort only for keys of 16 bits or less, a timsort otherwise
    (0.23 against 0.04 s for 2.76 M ranks of 40,000 terms, a 3,000-article body field's stream).
    Ranks below 2**16 are sorted as uint16; larger ones in two stable radix passes, the low 16
    bits first, then the high bits of the result (least significant digit first: the same
    permutation).
    """
    if nranks <= 1 << 16:
        return np.argsort(ranks.astype(np.uint16), kind="stable")
    if nranks > 1 << 32:
        return np.argsort(ranks, kind="stable")
    ranks = ranks.astype(np.uint32, copy=False)
    low = np.argsort((ranks & 0xFFFF).astype(np.uint16), kind="stable")
    high = (ranks >> 16)[low]
    high = high.astype(np.uint8 if nranks <= 1 << 24 else np.uint16)
    return low[np.argsort(high, kind="stable")]


def _term_chunks(bounds: np.ndarray, chunk: int) -> Iterator[tuple[int, int, int, int]]:
    """(first, last, first posting, end posting) of runs of terms [first, last) holding at most
    ``chunk`` postings together (or one term alone), ``bounds`` being the terms' posting offsets."""
    nterms = len(bounds) - 1
    first = 0
    while first < nterms:
        last = max(first + 1, int(np.searchsorted(bounds, bounds[first] + chunk, side="right")) - 1)
        yield first, last, int(bounds[first]), int(bounds[last])
        first = last


@dataclass(slots=True)
class _ValuelessBatch:
    """Consecutive terms of a field without posting values as arrays (see
    :meth:`DatelineTermWriter.valueless_terms`): the terms, their postings' document numbers and
    weights in turn, each term's first posting (and the end), and which terms have fewer than
    ``MIN_COMPRESSED_POSTINGS`` postings."""

    terms: list[bytes]
    ids: np.ndarray
    weights: np.ndarray
    bounds: np.ndarray
    few: np.ndarray


class _Vocabulary:
    """A text field's words and terms as numbers, shared by the token streams of every segment a
    process builds with the same field object (:func:`_vocabulary`).

    ``words`` maps a surface word to its term number (0: the analyser drops it), ``terms`` a term
    to its number (from 1, in first-seen order) and ``names`` a number back to its term.  Kept
    across segments because most of a segment's words were seen by the segment before: filling a
    per-segment table (analysing, encoding and numbering every word new to the segment) was a
    third of ``add``.  Only ever appended to, so streams sharing it stay valid; a full vocabulary
    is replaced (not cleared) for the next segment's streams.
    """

    __slots__ = ("forms", "words", "terms", "names", "_lock")

    def __init__(self, forms) -> None:
        self.forms = forms
        self.words: dict[str, int] = {}
        self.terms: dict[bytes, int] = {}
        self.names: list[bytes] = [b""]  # term number -> term; 0 is no term
        # Builders in two threads of one process would share the vocabulary: numbering a term
        # (a dict entry and a list item) must not interleave.
        self._lock = threading.Lock()

    def learn(self, words: Iterable[str]) -> int:
        """Number ``words`` (distinct, not yet known); returns the bytes of table entries added."""
        with self._lock:
            return self._learn(words)

    def _learn(self, words: Iterable[str]) -> int:
        form_of, table, terms, names = self.forms.form, self.words, self.terms, self.names
        size = 0
        for word in words:
            if word in table:  # numbered by another thread meanwhile
                continue
            form = form_of(word)
            size += _TermPostings.TERM_BYTES + len(word)
            if form is None:
                table[word] = 0
                continue
            tbytes = form.encode("utf-8")
            num = terms.get(tbytes)
            if num is None:
                num = terms[tbytes] = len(names)
                names.append(tbytes)
                size += _TermPostings.TERM_BYTES + len(tbytes)
            table[word] = num
        return size


#: Surface words a field's :class:`_Vocabulary` may hold before the next segment starts a new one.
VOCABULARY_LIMIT = 200_000
#: fieldname -> (the field object, its vocabulary): one per field of the schema in use.
_VOCABULARIES: dict[str, tuple[object, _Vocabulary]] = {}


def _vocabulary(fieldname: str, field, forms) -> _Vocabulary:
    """The vocabulary of ``field`` for a new token stream: the one earlier segments of this process
    filled when the field object is the same one (so the same analyser) and the vocabulary is not
    full, else a new one."""
    known = _VOCABULARIES.get(fieldname)
    if known is not None and known[0] is field and len(known[1].words) < VOCABULARY_LIMIT:
        return known[1]
    vocabulary = _Vocabulary(forms)
    _VOCABULARIES[fieldname] = (field, vocabulary)
    return vocabulary


class _FieldTokens:
    """One text field's postings as a token stream: the term number of each indexed word, in order.

    Whoosh's ``field.index`` turns a text into (term, frequency, weight, encoded positions) per term:
    a dict of position lists and a pickled value per term, which the Dateline codec parses back
    into position arrays at the flush.  Here a document's words are looked up in a word -> term
    number table (the field's :class:`_Vocabulary`, filled once per distinct word from the field's
    analyser, :func:`index_forms`) and their term numbers appended to one array; a word the
    analyser drops has number 0.  With a renumbering analyser (stop words take no position) a
    word's position is implicit (the document's first kept word's index, then one further per kept
    word); otherwise positions are kept beside.  The flush groups the stream by term with one
    stable sort and hands the codec document numbers, frequencies and position deltas as arrays
    (:class:`_TermBatch`).  About 4 bytes per word (8 without renumbering) instead of ~30 per
    posting.
    """

    __slots__ = ("forms", "boost", "vocabulary", "termnums", "positions", "docnums", "counts", "firsts",
                 "nbytes")

    #: Postings turned into Python lists at a time by :meth:`by_term` (bounds the flush's memory).
    CHUNK = 1 << 16

    def __init__(self, forms, boost: float, vocabulary: _Vocabulary | None = None) -> None:
        self.forms = forms
        self.boost = boost
        self.vocabulary = _Vocabulary(forms) if vocabulary is None else vocabulary
        self.termnums = array("I")  # one per kept word
        self.positions = None if forms.renumber else array("I")  # one per kept word, or implicit
        self.docnums = array("I")  # per document with kept words: its number, word count, first position
        self.counts = array("I")
        self.firsts = array("I")
        self.nbytes = 0  # estimated memory held (:meth:`add`'s estimates, summed)

    def add(self, docnum: int, text: str) -> tuple[int, int]:
        """Add one document's text; returns (the field's length in it, bytes of memory added: the
        stream's arrays and the vocabulary entries its new words took)."""
        words = self.forms.words(text)
        table = self.vocabulary.words
        nums = list(map(table.get, words))  # one C-level pass; new words are numbered below
        added = 0
        if None in nums:
            # The new words (once each, in order) picked out at C level and numbered; then only
            # they are looked up again, in a dict of their own: ``fresh.get(word, num)`` keeps the
            # number every other word has.  A second pass over the whole vocabulary (a large,
            # cache-cold table) cost a sixth as much as the first (py-spy of a 10k build).
            new = dict.fromkeys(compress(words, map(is_, nums, repeat(None))))
            added = self.vocabulary.learn(new)
            fresh = dict(zip(new, map(table.__getitem__, new), strict=True))
            nums = list(map(fresh.get, words, nums))
        termnums = self.termnums
        before = len(termnums)
        termnums.extend(filter(None, nums))
        count = len(termnums) - before
        if not count:
            return 0, added
        if self.positions is None:
            self.firsts.append(next(compress(range(len(nums)), nums)))
        else:
            self.positions.extend(compress(range(len(nums)), nums))
        self.docnums.append(docnum)
        self.counts.append(count)
        return count, added + count * (4 if self.positions is None else 8) + 12

    def documents(self) -> Iterator[tuple[int, dict[bytes, list[int]]]]:
        """(document number, term -> positions) of each document, in the order added."""
        names = self.vocabulary.names
        start = 0
        for i, (docnum, count) in enumerate(zip(self.docnums, self.counts, strict=True)):
            nums = self.termnums[start:start + count]
            positions = (range(self.firsts[i], self.firsts[i] + count) if self.positions is None
                         else self.positions[start:start + count])
            start += count
            found: dict[bytes, list[int]] = {}
            for num, pos in zip(nums, positions, strict=True):
                found.setdefault(names[num], []).append(pos)
            yield docnum, found

    def by_term(self) -> Iterator[_TermBatch]:
        """The field's terms in term order as :class:`_TermBatch` es, documents ascending in each
        term, a batch holding at most ``CHUNK`` postings (or one term)."""
        total = len(self.termnums)
        if not total:
            return
        names = self.vocabulary.names
        termnums = np.frombuffer(self.termnums, dtype=np.uint32)
        # The terms this segment uses, out of the vocabulary's (shared with other segments).
        used = np.flatnonzero(np.bincount(termnums, minlength=len(names))).tolist()
        order = sorted(zip(map(names.__getitem__, used), used, strict=True))
        nterms = len(order)
        rank = np.zeros(len(names), dtype=np.uint32)
        rank[[num for _term, num in order]] = np.arange(nterms, dtype=np.uint32)
        counts = np.frombuffer(self.counts, dtype=np.uint32)
        if self.positions is None:
            starts = np.cumsum(counts, dtype=np.int64) - counts
            shift = np.repeat(starts - np.frombuffer(self.firsts, dtype=np.uint32), counts)
            positions = (np.arange(total, dtype=np.int64) - shift).astype(np.uint32)
            del starts, shift
        else:
            positions = np.frombuffer(self.positions, dtype=np.uint32)
        ranks = rank[termnums]
        perm = stable_order(ranks, nterms)  # stable: documents, then positions stay in order
        ranks = ranks[perm]
        docs = np.repeat(np.frombuffer(self.docnums, dtype=np.uint32), counts)[perm]
        positions = positions[perm]
        del perm
        new = np.ones(total, dtype=bool)  # a word starting a posting (a new term or document)
        np.not_equal(ranks[1:], ranks[:-1], out=new[1:])
        new[1:] |= docs[1:] != docs[:-1]
        heads = np.flatnonzero(new)
        del new
        freqs = np.diff(np.append(heads, total))
        post_docs = docs[heads]
        del docs
        deltas = positions.copy()  # each posting's first delta counts from 0, as Whoosh encodes
        deltas[1:] -= positions[:-1]
        deltas[heads] = positions[heads]
        del positions
        bounds = np.concatenate(([0], np.cumsum(np.bincount(ranks[heads], minlength=nterms))))
        del ranks
        heads = np.append(heads, total)
        boost, chunk = self.boost, self.CHUNK
        few = np.diff(bounds) < MIN_COMPRESSED_POSTINGS
        for first, last, plo, phi in _term_chunks(bounds, chunk):
            yield _TermBatch([tbytes for tbytes, _num in order[first:last]], post_docs[plo:phi],
                             freqs[plo:phi], deltas[heads[plo]:heads[phi]], bounds[first:last + 1] - plo,
                             few[first:last], boost)


@dataclass(slots=True)
class _TermBatch:
    """Consecutive terms of a token stream as arrays (see
    :meth:`DatelineTermWriter.position_terms`): the terms, their postings' document numbers and
    frequencies in turn, every posting's position deltas, each term's first posting (and the end),
    which terms have fewer than ``MIN_COMPRESSED_POSTINGS`` postings (one uncompressed block),
    and the field boost."""

    terms: list[bytes]
    ids: np.ndarray
    freqs: np.ndarray
    deltas: np.ndarray
    bounds: np.ndarray
    few: np.ndarray
    boost: float


class _TermPostings:
    """A segment's postings, kept compactly as documents arrive: the staging pool.

    Whoosh's ``PostingPool`` holds one tuple per posting (~550 per AllSides article), sorts them
    all, spills sorted runs to disk and merges them back.  Here each field appends its postings
    to flat typed arrays (term number, document number, weight, value): about 16 bytes and the
    value per posting, plus one dict entry per term; text fields whose analyser works word by word
    keep a token stream instead (:class:`_FieldTokens`, with ``streams``).  Documents are numbered
    in the order they are added, so the flush orders postings by term with one stable numpy sort
    per field and nothing is ever spilled.  ``nbytes`` estimates the memory held, so the owner can
    end the segment before it grows too big.
    """

    #: Estimated bytes per new term (dict slot, key object) and per posting (four array items).
    TERM_BYTES = 100
    POSTING_BYTES = 16

    def __init__(self, *, streams: bool = False) -> None:
        self.fields: dict[str, _FieldPostings] = {}
        #: fieldname -> its token stream, or None once the field takes ``field.index``'s path.
        self.streams: dict[str, _FieldTokens | None] = {}
        self._streams = streams
        self.nbytes = 0
        self.fieldnames: set[str] = set()
        #: Texts added through token streams (tests check the fast path is taken).
        self.streamed = 0
        #: Terms handed to the codec in batches at the flush (:class:`_TermBatch`; tests check).
        self.batched = 0

    def add_text(self, fieldname: str, field, docnum: int, value) -> int | None:
        """Add one document's text to the field's token stream; returns the field's length in the
        document, or None when the field cannot take it (then index it with ``field.index``)."""
        stream = self.streams.get(fieldname, False)
        if stream is False:
            stream = self._new_stream(fieldname, field)
        if stream is None or not isinstance(value, str):
            return None
        length, added = stream.add(docnum, value)
        stream.nbytes += added
        self.nbytes += added
        self.streamed += 1
        return length

    def _new_stream(self, fieldname: str, field) -> _FieldTokens | None:
        forms = index_forms(field) if self._streams and fieldname not in self.fields else None
        stream = None if forms is None else _FieldTokens(forms, field.format.field_boost,
                                                          _vocabulary(fieldname, field, forms))
        self.streams[fieldname] = stream
        if stream is not None:
            self.fieldnames.add(fieldname)
        return stream

    def add(self, item: tuple) -> None:
        """Add one posting ``(fieldname, tbytes, docnum, weight, vbytes)``, as ``PostingPool.add``."""
        fieldname, tbytes, docnum, weight, vbytes = item
        self.add_field(fieldname, docnum, [(tbytes, 0, weight, vbytes)])

    def add_field(self, fieldname: str, docnum: int, items: Iterable[tuple]) -> int:
        """Add one document's postings of one field: ``field.index`` output, (term, freq, weight,
        value) per term.  Returns the field's length in the document (the sum of frequencies)."""
        if self.streams.get(fieldname) is not None:
            self._unstream(fieldname)
        self.streams[fieldname] = None  # the field's postings are in self.fields from now on
        postings = self.fields.get(fieldname)
        if postings is None:
            postings = self.fields[fieldname] = _FieldPostings()
            self.fieldnames.add(fieldname)
        items = items if isinstance(items, list) else list(items)
        if not items:
            return 0
        # Column by column, each in one C-level call (extend, join, map): a loop appending one
        # posting at a time to five arrays was 8 % of a worker's time.
        tbytes_column, freqs, weights, values = zip(*items, strict=True)
        count = len(items)
        terms = postings.terms
        known = len(terms)
        new_term = terms.setdefault
        # len(terms) is read before setdefault inserts: a new term gets the next number.
        postings.termnums.extend([new_term(tbytes, len(terms)) for tbytes in tbytes_column])
        added = len(terms) - known
        postings.docnums.extend(array("I", [docnum]) * count)
        postings.weights.extend(weights)
        if None in values:  # Whoosh's formats encode values as bytes; None is read as "no value"
            values = tuple(value or b"" for value in values)
        value_lengths = array("I", map(len, values))
        postings.value_lengths.extend(value_lengths)
        postings.values += b"".join(values)
        self.nbytes += (added * self.TERM_BYTES + sum(map(len, islice(reversed(terms), added)))
                        + sum(value_lengths) + count * self.POSTING_BYTES)
        return sum(freqs)

    def _unstream(self, fieldname: str) -> None:
        """Move a field's token stream into ``self.fields`` as ``field.index`` would have added it
        (a document of the field took Whoosh's path: the field's postings stay in one place)."""
        stream = self.streams.pop(fieldname)
        self.nbytes -= stream.nbytes
        encode = formats.Positions().encode
        for docnum, found in stream.documents():
            self.add_field(fieldname, docnum, [(tbytes, len(poses), len(poses) * stream.boost, encode(poses))
                                               for tbytes, poses in found.items()])

    def terms(self) -> Iterator[tuple[str, bytes, list[Run]]]:
        """(fieldname, term, runs) in the order a segment stores terms: one run per term, or
        (fieldname, None, :class:`_TermBatch`) for a batch of terms from a token stream, or
        (fieldname, None, :class:`_ValuelessBatch`) for one of a field without values (Dateline)."""
        streams = {name: stream for name, stream in self.streams.items() if stream is not None}
        for fieldname in sorted(set(self.fields) | set(streams)):
            if fieldname in streams:
                for batch in streams[fieldname].by_term():
                    self.batched += len(batch.terms)
                    yield fieldname, None, batch
                continue
            postings = self.fields[fieldname]
            if self._streams and not postings.has_values():  # the Dateline writer takes batches
                for batch in postings.valueless_batches(_FieldTokens.CHUNK):
                    self.batched += len(batch.terms)
                    yield fieldname, None, batch
                continue
            for tbytes, docnums, weights, values in self.fields[fieldname].by_term():
                yield fieldname, tbytes, [(docnums, weights, values)]

    def cleanup(self) -> None:
        self.fields = {}
        self.streams = {}
        self.nbytes = 0


#: Terms with fewer postings are written uncompressed (see :func:`_write_postings`).
MIN_COMPRESSED_POSTINGS = 8


@dataclass
class _Copied:
    """A term's Dateline blocks in a merged segment, copied with their document numbers moved by
    ``shift`` (only block headers are rewritten)."""

    data: bytes
    shift: int
    terminfo: object


#: One run of a term's postings: (docnums, weights, values) in new document numbers, or blocks
#: copied as they are.
Run = tuple | _Copied


def _grouped(items: Iterable[tuple]) -> Iterator[tuple[str, bytes, list[Run]]]:
    """Sorted posting tuples (a ``PostingPool``'s) as (fieldname, term, [(docnums, weights, values)])."""
    for (fieldname, tbytes), group in groupby(items, key=itemgetter(0, 1)):
        postings = list(group)
        yield (fieldname, tbytes, [([p[2] for p in postings], [p[3] for p in postings],
                                    [p[4] for p in postings if p[4]])])


def _term_writer(fieldwriter, schema):
    """The whole-term writer for this field writer's codec (:class:`DatelineTermWriter` or, for
    W3, :class:`TermWriter`), or None when :func:`_write_postings` cannot reproduce it."""
    if any(field.separate_spelling() for _name, field in schema.items()):
        return None
    if writes_dateline(fieldwriter):
        return DatelineTermWriter
    return TermWriter if writes_w3(fieldwriter) else None


def _write_postings(fieldwriter, schema, reader, terms: Iterable[tuple[str, bytes, list[Run]]]) -> int:
    """Whoosh's ``FieldWriter.add_postings`` for the W3 and Dateline codecs, a whole term at a time.

    ``terms`` yields (fieldname, term, runs) in segment order; each run is (docnums, weights,
    values) (sequences, or arrays with ``tolist``) or, into a Dateline segment, blocks copied from
    another (:class:`_Copied`); (fieldname, None, :class:`_TermBatch` or :class:`_ValuelessBatch`)
    is a batch of consecutive terms, written at once.  Whoosh makes three calls per posting (the
    generic loop, the field writer, the postings writer with its type assertions) and reads the
    document's field length from the length column on disk each time: 40 % of a segment flush.
    Here field lengths come from one table per field and each term is written whole by
    :class:`TermWriter` (W3: the same bytes as Whoosh's postings writer) or
    :class:`DatelineTermWriter` (the same bytes as ``DatelinePostingsWriter``; batches through its
    ``position_terms`` and ``valueless_terms``).  The files written are byte-identical to Whoosh's
    when every block is compressed (``MIN_COMPRESSED_POSTINGS = 0``, tested); by default terms
    with few postings are stored uncompressed.  Returns the number of blocks copied without decoding.
    """
    count = reader.doc_count_all() if reader is not None else 0
    writer_class = _term_writer(fieldwriter, schema)
    current = None
    writer = None
    lengths: list[int] | None = None
    copied = 0
    for fieldname, tbytes, runs in terms:
        if fieldname != current:
            if current is not None:
                fieldwriter.finish_field()
                copied += getattr(writer, "copied", 0)
            fieldwriter.start_field(fieldname, schema[fieldname])
            current = fieldname
            writer = writer_class(fieldwriter)
            lengths = None
        if isinstance(runs, _CopiedBatch):  # copied blocks need no field lengths
            _write_copied(writer, runs.segments, runs)
            continue
        if lengths is None:
            # W3's doc_field_length returns None for a zero length; blocks only count lengths > 0.
            lengths = [0] * count if reader is None else field_lengths(reader, fieldname, count)
            if lengths is None:
                lengths = [reader.doc_field_length(d, fieldname) or 0 for d in range(count)]
        if isinstance(runs, _ValuelessBatch):
            writer.valueless_terms(runs.terms, runs.ids, runs.weights, runs.bounds, runs.few, lengths)
            continue
        if isinstance(runs, _TermBatch):  # a batch of a token stream's terms (_FieldTokens.by_term)
            writer.position_terms(runs.terms, runs.ids, runs.freqs, runs.deltas, runs.bounds, runs.few,
                                  runs.boost, lengths)
            continue
        if writer_class is TermWriter:
            (run,) = runs
            writer.write(tbytes, *_encodable(fieldname, tbytes, run, lengths, writer.compression))
            continue
        stats = TermStats()
        parts = []
        for run in runs:
            if isinstance(run, _Copied):
                parts += writer.copy_blocks(run.data, run.shift, run.terminfo, stats)
            else:
                encodable = _encodable(fieldname, tbytes, run, lengths, writer.compression)
                parts += writer.encoded_blocks(*encodable, stats)
        writer.finish(tbytes, parts, stats)
    if current is not None:
        fieldwriter.finish_field()
        copied += getattr(writer, "copied", 0)
    return copied


def _encodable(fieldname: str, tbytes: bytes, run: tuple, lengths: list[int],
               compression: int) -> tuple[list[int], list[float], list[bytes], list[int], int]:
    """(ids, weights, values, field lengths, compression level) of one run, as the term writers
    take them."""
    docnums, weights, values = run
    ids = docnums.tolist() if hasattr(docnums, "tolist") else list(docnums)
    if values and len(values) != len(ids):
        raise ValueError(f"{fieldname}:{tbytes!r} has values for only some postings")
    # Deflate cannot shrink a block of a few postings (tens of bytes) and its set-up dominated
    # the flush; Whoosh meant to skip such blocks, and readers honour each block's own level.
    return (ids, weights.tolist() if hasattr(weights, "tolist") else list(weights), values,
            list(map(lengths.__getitem__, ids)), compression if len(ids) >= MIN_COMPRESSED_POSTINGS else 0)


@dataclass
class _MergeSource:
    """A segment being merged: its reader, and where its live documents land in the new segment."""

    reader: object  # a SegmentReader, open for the flush
    startdoc: int
    docmap: dict[int, int] | None  # old -> new document number, when the segment has deletions

    @property
    def dateline(self) -> bool:
        """Whether the segment's postings are Dateline blocks (else W3's)."""
        return is_dateline_codec(self.reader.segment().codec())

    def remap(self) -> np.ndarray | None:
        """New document number by old one (-1 for deleted documents), or None to add ``startdoc``."""
        if self.docmap is None:
            return None
        remap = np.full(self.reader.doc_count_all(), -1, dtype=np.int64)
        if self.docmap:
            remap[np.fromiter(self.docmap.keys(), dtype=np.int64)] = np.fromiter(self.docmap.values(),
                                                                                 dtype=np.int64)
        return remap


def _field_terms(source: _MergeSource, index: int, fieldname: str) -> Iterator[tuple[bytes, int, object]]:
    """(term, source index, term info) of one field of a segment, in term order."""
    for (name, tbytes), terminfo in segment_terms(source.reader, fieldname):
        if name != fieldname:
            return
        yield tbytes, index, terminfo


def _read_term(source: _MergeSource, terminfo, fmt) -> tuple[list[int], list[float], list]:
    """All postings of one term in one segment: (old docnums, weights, values).

    Python lists, not numpy arrays: most terms hold a posting or two, for which a dozen numpy
    calls cost more than the postings, and the writers take lists (:class:`TermWriter`).
    """
    if terminfo.is_inlined():
        ids, weights, values = terminfo.inlined_postings()
        return list(ids), list(weights), [v for v in values if v]
    if source.dateline:
        return _read_dateline_term(source, terminfo)
    ids, weights, values = [], [], []
    for deltas, block_weights, vals, count in raw_blocks(source.reader, terminfo, fmt):
        ids.extend(accumulate(deltas))  # each block's document numbers are stored as deltas from 0
        if block_weights is None:
            weights.extend(repeat(1.0, count))
        elif isinstance(block_weights, float):
            weights.extend(repeat(block_weights, count))
        else:
            weights.extend(block_weights)
        if vals:  # a tuple of encoded values (fixed-size values are excluded by _merges_fast)
            values.extend(vals)
    return ids, weights, values


def _read_dateline_term(source: _MergeSource, terminfo) -> tuple[list[int], list[float], list]:
    """A Dateline term's postings decoded (for a segment with deletions): the values re-encoded as
    the writer takes them."""
    ids, weights, values = [], [], []
    data = term_postings(source.reader, terminfo)
    for block in blocks(data):
        decoded = Decoded(block.payload(data), block.count, block.base)
        ids.extend(decoded.ids.tolist())
        weights.extend([1.0] * block.count if decoded.weights is None else decoded.weights.tolist())
        values.extend(decoded.encoded_values())
    return ids, weights, values


def _merged_terms(sources: list[_MergeSource], schema, *,
                  copy: bool = False) -> Iterator[tuple[str, bytes, list[Run]]]:
    """(fieldname, term, runs) of the segments being merged, in segment order.

    Whoosh merges segments posting by posting through its sorting pool (a tuple, a sort and a
    spill to disk for each of the ~550 postings per article).  Each segment's terms are already
    sorted, and its documents land in one contiguous, ordered range of the new segment: so terms
    are merged (a heap over the segments' term lists) and each term's postings are concatenated
    block by block, holding one term's postings at a time.  With ``copy`` (a Dateline target),
    the blocks of a Dateline segment without deletions are copied without decoding
    (:class:`_Copied`); the others are decoded into one run between copies.
    """
    remaps = [None if (remap := source.remap()) is None else remap.tolist() for source in sources]
    fieldnames = sorted({name for source in sources for name in source.reader.indexed_field_names()
                         if name in schema})
    merged = 0
    for fieldname in fieldnames:
        fmt = schema[fieldname].format
        streams = [_field_terms(source, i, fieldname) for i, source in enumerate(sources)]
        for tbytes, group in groupby(heapq.merge(*streams, key=itemgetter(0)), key=itemgetter(0)):
            merged += 1
            if merged % RELEASE_EVERY_TERMS == 0:
                _release_pages(sources)
            runs: list[Run] = []
            docnums, weights, values = [], [], []
            for _tbytes, i, terminfo in group:
                source = sources[i]
                if copy and source.dateline and remaps[i] is None and not terminfo.is_inlined():
                    if docnums:
                        runs.append((docnums, weights, values))
                        docnums, weights, values = [], [], []
                    runs.append(_Copied(term_postings(source.reader, terminfo), source.startdoc, terminfo))
                    continue
                ids, term_weights, vals = _read_term(source, terminfo, fmt)
                remap = remaps[i]
                if remap is None:
                    docnums.extend(map(add, ids, repeat(source.startdoc)))
                    weights.extend(term_weights)
                    values.extend(vals)
                    continue
                new_ids = [remap[d] for d in ids]
                live = [n >= 0 for n in new_ids]
                docnums.extend(compress(new_ids, live))
                weights.extend(compress(term_weights, live))
                if vals:
                    values.extend(compress(vals, live))
            if docnums:  # else every posting was a deleted document's
                runs.append((docnums, weights, values))
            if runs:
                yield fieldname, tbytes, runs


@dataclass
class _CopiedBatch:
    """Consecutive merged terms of one field whose postings are all copied from Dateline segments
    without deletions (:func:`_copied_batches`): each term's rows in the sources, in source order.

    ``sources[k]`` and ``infos[k]`` are contribution ``k``'s segment and term-table row;
    ``terms[g]`` is merged term ``g``, whose contributions are ``bounds[g]:bounds[g + 1]``."""

    terms: list[bytes]
    sources: np.ndarray
    infos: np.ndarray
    bounds: np.ndarray
    segments: list[_MergeSource]


#: Source term-table rows and postings bytes per :class:`_CopiedBatch` (at most; a term is never
#: split): the bytes bound the batch's memory (its index arrays take 8 bytes per postings byte).
COPY_BATCH_ROWS = 65_536
COPY_BATCH_BYTES = 2 << 20


def _copies_all(sources: list[_MergeSource]) -> list[TermTable] | None:
    """Each source's term table (:func:`~search.whoosh_compat.term_table`) when every source is a
    Dateline segment without deletions whose rows can be read as arrays, else None."""
    if not all(source.dateline and source.docmap is None for source in sources):
        return None
    tables = [term_table(source.reader) for source in sources]
    _release_pages(sources)  # the term tables' pages, read through
    return None if any(table is None for table in tables) else tables


def _copied_batches(sources: list[_MergeSource], tables: list[TermTable],
                    schema) -> Iterator[tuple[str, None, _CopiedBatch]]:
    """(fieldname, None, batch) of the merged terms of segments that are all copied
    (:func:`_copies_all`): :func:`_merged_terms` for a whole batch of terms at once.

    Field by field (only one field's terms of the segments are held at a time): each segment's
    terms are sorted; the union is sorted with one stable ``sorted`` (a term found in several
    segments keeps their order), and terms are cut into batches of at most
    :data:`COPY_BATCH_ROWS` source rows and :data:`COPY_BATCH_BYTES` of postings, never splitting
    a term (a larger term is a batch of its own).
    """
    fieldnames = sorted({name for table in tables for name in table.fields if name in schema})
    for fieldname in fieldnames:
        ordered, all_origin, all_infos = _field_union(tables, fieldname)
        _release_pages(sources)
        firsts = [0, *(k for k in range(1, len(ordered)) if ordered[k] != ordered[k - 1]), len(ordered)]
        starts = np.array(firsts, dtype=np.int64)
        ends = np.concatenate(([0], np.cumsum(all_infos["length"].astype(np.int64))))[starts]  # bytes
        lo = 0
        while lo < len(firsts) - 1:
            by_rows = np.searchsorted(starts, starts[lo] + COPY_BATCH_ROWS, side="right") - 1
            by_bytes = np.searchsorted(ends, ends[lo] + COPY_BATCH_BYTES, side="right") - 1
            hi = min(max(lo + 1, int(min(by_rows, by_bytes))), len(firsts) - 1)
            first, last = firsts[lo], firsts[hi]
            yield fieldname, None, _CopiedBatch([ordered[k] for k in firsts[lo:hi]], all_origin[first:last],
                                                all_infos[first:last], starts[lo:hi + 1] - first, sources)
            _release_pages(sources)
            lo = hi


def _field_union(tables: list[TermTable], fieldname: str) -> tuple[list[bytes], np.ndarray, np.ndarray]:
    """One field's term rows of every segment, sorted by term (stable: a term's rows in segment
    order): (terms, the segment of each row, the rows' :data:`TERM_INFO` records)."""
    keys: list[bytes] = []
    origin, infos = [], []
    for i, table in enumerate(tables):
        if fieldname in table.fields:
            terms, term_infos = table.rows(fieldname)
            keys += terms
            origin.append(np.full(len(terms), i, dtype=np.int64))
            infos.append(term_infos)
    take = np.array(sorted(range(len(keys)), key=keys.__getitem__), dtype=np.int64)
    ordered = [keys[i] for i in take.tolist()]
    del keys
    # (concatenate gives the records native byte order: back to the term table's)
    return ordered, np.concatenate(origin)[take], np.concatenate(infos)[take].astype(TERM_INFO)


#: Where a Dateline block's fields lie: its length prefix, then ``HEADER`` (flags, count, base,
#: last document number, ...).
_FLAGS_AT = BLOCK_LENGTH.size
_BASE_AT = BLOCK_LENGTH.size + 1 + 2
_LAST_AT = _BASE_AT + 4


def _write_copied(writer: DatelineTermWriter, sources: list[_MergeSource], batch: _CopiedBatch) -> None:
    """Write a :class:`_CopiedBatch`: the bytes :meth:`DatelineTermWriter.copy_blocks` and
    :meth:`~DatelineTermWriter.finish` write term by term, built with numpy.

    A merged term is :data:`MAGIC` and each source term's blocks in turn, with their base and last
    document numbers moved by the source's start and only the term's final block marked last.
    Block positions come from the source terms' first length prefix: almost every source term
    is one block (its prefix negative: the last); the others are walked block by block.  The
    term-table row sums weights in source order in double precision, as ``TermStats`` does.
    """
    infos = batch.infos
    shifts = np.array([source.startdoc for source in sources], dtype=np.int64)[batch.sources]
    offsets, sizes = infos["offset"].astype(np.int64), infos["length"].astype(np.int64)
    data, at = _gather_postings(sources, batch.sources, offsets, sizes)
    count = len(infos)
    term_of = np.repeat(np.arange(len(batch.terms)), np.diff(batch.bounds))
    bodies = sizes - len(MAGIC)
    term_sizes = len(MAGIC) + np.add.reduceat(bodies, batch.bounds[:-1])
    term_starts = np.cumsum(term_sizes) - term_sizes
    within = np.cumsum(bodies) - bodies
    body_out = term_starts[term_of] + len(MAGIC) + (within - within[batch.bounds[:-1]][term_of])
    out = np.empty(int(term_sizes.sum()), dtype=np.uint8)
    out[spans(term_starts, np.full(len(term_starts), len(MAGIC)))] = np.tile(
        np.frombuffer(MAGIC, dtype=np.uint8), len(term_starts))
    out[spans(body_out, bodies)] = data[spans(at + len(MAGIC), bodies)]
    if not (data[at[:, None] + np.arange(len(MAGIC))] == np.frombuffer(MAGIC, dtype=np.uint8)).all():
        raise ValueError("not Dateline postings")
    block_out, block_shift, last_blocks = _block_positions(data, at, sizes, body_out, shifts)
    if (out[block_out + _FLAGS_AT] & ~np.uint8(COMPRESSED)).any():  # a float64 maximum weight
        _write_each(writer, sources, batch, data, at)
        return
    _add_u4(out, block_out + _BASE_AT, block_shift)
    _add_u4(out, block_out + _LAST_AT, block_shift)
    # Every source term's last block is marked (negative length); only the merged term's stays so.
    final = np.zeros(count, dtype=bool)
    final[batch.bounds[1:] - 1] = True
    unmark = last_blocks[~final]
    sizes_be = out[unmark[:, None] + np.arange(4)].copy().view(">i4").ravel()
    out[unmark[:, None] + np.arange(4)] = (-sizes_be).astype(">i4").view(np.uint8).reshape(-1, 4)
    writer.copied += len(block_out)
    writer.add_terms(batch.terms, out, term_sizes, _merged_infos(infos, batch.bounds, shifts))


def _gather_postings(sources: list[_MergeSource], origin: np.ndarray, offsets: np.ndarray,
                     sizes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The postings bytes of a batch's source terms: each source's span read with one call, all
    spans concatenated, and where each term's bytes start in them."""
    parts, at = [], np.empty(len(offsets), dtype=np.int64)
    base = 0
    for i, source in enumerate(sources):
        mine = np.flatnonzero(origin == i)
        if not len(mine):
            continue
        lo, hi = int(offsets[mine].min()), int((offsets[mine] + sizes[mine]).max())
        parts.append(np.frombuffer(_postings_span(source.reader, lo, hi - lo), dtype=np.uint8))
        at[mine] = base + offsets[mine] - lo
        base += hi - lo
    return np.concatenate(parts), at


def _postings_span(reader, offset: int, length: int) -> bytes:
    """``length`` bytes of a segment's postings file from ``offset``."""
    from whoosh.codec.whoosh3 import W3TermInfo

    info = W3TermInfo()
    info.set_extent(offset, length)
    return term_postings(reader, info)


def _block_positions(data: np.ndarray, at: np.ndarray, sizes: np.ndarray, body_out: np.ndarray,
                     shifts: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(each block's start in the output, its source's shift, each source term's last block's
    start in the output) of a batch's source terms."""
    first = at + len(MAGIC)
    prefix = data[first[:, None] + np.arange(4)].copy().view(">i4").ravel().astype(np.int64)
    single = (prefix < 0) & (-prefix == sizes - len(MAGIC) - BLOCK_LENGTH.size)
    block_out, block_shift = [body_out[single]], [shifts[single]]
    last_blocks = body_out.copy()
    raw = data.tobytes() if not single.all() else b""
    for k in np.flatnonzero(~single).tolist():
        pos, end, found = int(first[k]), int(at[k] + sizes[k]), []
        while pos < end:
            (size,) = BLOCK_LENGTH.unpack_from(raw, pos)
            found.append(pos - int(first[k]))
            pos += BLOCK_LENGTH.size + abs(size)
        outs = body_out[k] + np.array(found, dtype=np.int64)
        block_out.append(outs)
        block_shift.append(np.full(len(found), shifts[k]))
        last_blocks[k] = outs[-1]
    return np.concatenate(block_out), np.concatenate(block_shift), last_blocks


def _add_u4(out: np.ndarray, positions: np.ndarray, amounts: np.ndarray) -> None:
    """Add ``amounts`` to the little-endian uint32 at each position of ``out``."""
    window = positions[:, None] + np.arange(4)
    values = out[window].copy().view("<u4").ravel().astype(np.int64) + amounts
    if (values > 0xFFFFFFFF).any():
        raise OverflowError("document number beyond 32 bits")
    out[window] = values.astype("<u4").view(np.uint8).reshape(-1, 4)


def _merged_infos(infos: np.ndarray, bounds: np.ndarray, shifts: np.ndarray) -> np.ndarray:
    """The merged terms' :data:`TERM_INFO` rows, as ``TermStats.add`` accumulates the source rows
    in order: weights summed one source at a time in double precision (then stored as float32),
    document frequencies summed, length bytes and maximum weights at their extremes (from 0),
    the first source's first document and the last one's last, moved."""
    starts, ends = bounds[:-1], bounds[1:] - 1
    rank = np.arange(len(infos)) - np.repeat(starts, np.diff(bounds))
    term_of = np.repeat(np.arange(len(starts)), np.diff(bounds))
    weights = infos["weight"].astype(np.float64)
    total = np.zeros(len(starts), dtype=np.float64)
    for r in range(int(rank.max()) + 1 if len(rank) else 0):
        chosen = rank == r
        total[term_of[chosen]] += weights[chosen]
    merged = np.zeros(len(starts), dtype=TERM_INFO)
    merged["weight"] = total
    merged["df"] = np.add.reduceat(infos["df"].astype(np.int64), starts)
    merged["min_byte"] = np.minimum.reduceat(infos["min_byte"], starts)
    merged["max_byte"] = np.maximum.reduceat(infos["max_byte"], starts)
    merged["max_weight"] = np.maximum(np.maximum.reduceat(infos["max_weight"].astype(np.float64), starts), 0)
    merged["min_id"] = infos["min_id"][starts].astype(np.int64) + shifts[starts]
    merged["max_id"] = infos["max_id"][ends].astype(np.int64) + shifts[ends]
    return merged


def _write_each(writer: DatelineTermWriter, sources: list[_MergeSource], batch: _CopiedBatch,
                data: np.ndarray, at: np.ndarray) -> None:
    """Write a :class:`_CopiedBatch` a term at a time (:meth:`DatelineTermWriter.copy_blocks`):
    for blocks the numpy path does not rewrite (a float64 maximum weight)."""
    from whoosh.codec.whoosh3 import W3TermInfo

    raw = data.tobytes()
    infos, origin = batch.infos, batch.sources.tolist()
    bounds = batch.bounds.tolist()
    for g, tbytes in enumerate(batch.terms):
        stats, parts = TermStats(), []
        for k in range(bounds[g], bounds[g + 1]):
            info = W3TermInfo.from_bytes(infos[k:k + 1].tobytes())
            postings = raw[int(at[k]):int(at[k]) + int(infos["length"][k])]
            parts += writer.copy_blocks(postings, sources[origin[k]].startdoc, info, stats)
        writer.finish(tbytes, parts, stats)


#: Terms merged between two :func:`_release_pages` calls.
RELEASE_EVERY_TERMS = 2_000


def _release_pages(sources: list[_MergeSource]) -> None:
    """Drop the merged segments' pages read so far from this process's resident memory.

    A merge reads every page of its segments (a gigabyte for ten 5,000-article segments) through
    their memory maps, and mapped pages stay resident until unmapped: the committer's RSS would
    grow by the size of every merge.  ``MADV_DONTNEED`` on a read-only file mapping only unmaps
    them here; they stay in the page cache, and a page read again is mapped back.
    """
    for source in sources:
        mapped = compound_mmap(source.reader)
        if mapped is not None and hasattr(mmap, "MADV_DONTNEED"):
            mapped.madvise(mmap.MADV_DONTNEED)


def _merges_fast(reader, schema) -> bool:
    """True when :func:`_merged_terms` can read ``reader``'s postings (a W3 segment, and no field
    with fixed-size posting values, which W3 stores differently)."""
    def fixed_size(fieldname) -> bool:
        size = schema[fieldname].format.fixed_value_size()
        return size is not None and size > 0

    return (uses_w3_terms(reader)
            and not any(fixed_size(name) for name in reader.indexed_field_names() if name in schema))


class FastSegmentWriter(SegmentWriter):
    """``SegmentWriter`` with the lean posting pool, a term-at-a-time flush and term-by-term merges.

    New segments use Dateline's postings codec (:class:`~search.whoosh_codec.DatelineCodec`)
    unless ``codec`` is given (e.g. Whoosh's ``W3Codec``, as earlier versions wrote).  Same files
    as Whoosh's writer with the same codec, except that terms with fewer than
    ``MIN_COMPRESSED_POSTINGS`` postings are stored uncompressed (tested both ways).  A merge into
    a Dateline segment copies the blocks of Dateline segments without deletions as they are.
    """

    def __init__(self, ix, **kwargs) -> None:
        kwargs.setdefault("codec", DatelineCodec())
        super().__init__(ix, **kwargs)
        self.pool = _LeanPostingPool(self._tempstorage, self.newsegment, limitmb=kwargs.get("limitmb", 128))
        self._merging: list[_MergeSource] = []
        #: Postings blocks the last merge copied without decoding them.
        self.copied_blocks = 0
        #: Documents whose stored fields, lengths and columns a merge copied in bulk.
        self.copied_documents = 0

    def write_per_doc(self, fieldnames, reader):
        """Called by ``add_reader`` (a merge): the segment's live documents are copied in bulk
        (:func:`~search.whoosh_compat.copy_per_doc`) where its format allows, else Whoosh copies
        them one by one.  Returns ``{old: new document number}`` when the segment has deletions."""
        live = copy_per_doc(self.perdocwriter, reader, fieldnames, self.docnum)
        if live is None:
            return super().write_per_doc(fieldnames, reader)
        start = self.docnum
        self.docnum += len(live)
        self.copied_documents += len(live)
        _release_pages([_MergeSource(reader, start, None)])  # the stored column's pages, read whole
        if not reader.has_deletions():
            return None
        return dict(zip(live.tolist(), range(start, self.docnum), strict=True))

    def add_postings_to_pool(self, reader, startdoc, docmap) -> None:
        """Called by ``add_reader`` (a merge): the segment's postings are merged term by term at the
        flush (:func:`_merged_terms`) instead of going through the pool one posting at a time."""
        if _merges_fast(reader, self.schema) and _term_writer(self.fieldwriter, self.schema):
            # Whoosh may close ``reader`` before the flush: keep a reader of our own.
            own = SegmentReader(self.storage, self.schema, reader.segment())
            self._merging.append(_MergeSource(own, startdoc, docmap))
        else:
            super().add_postings_to_pool(reader, startdoc, docmap)

    def _flush_segment(self) -> None:
        self.perdocwriter.close()
        reader = self.per_document_reader() if self.codec.length_stats else None
        pooled = isinstance(self.pool, _LeanPostingPool) and (self.pool.current or self.pool.runs)
        if self._merging and pooled:
            # Documents were added too: everything goes through the pool, as in Whoosh.
            for source in self._merging:
                super().add_postings_to_pool(source.reader, source.startdoc, source.docmap)
            self._close_merged()
        whole_terms = _term_writer(self.fieldwriter, self.schema) is not None
        if self._merging:
            copy = whole_terms and writes_dateline(self.fieldwriter)
            rows = _copies_all(self._merging) if copy else None
            merged = (_merged_terms(self._merging, self.schema, copy=copy) if rows is None
                      else _copied_batches(self._merging, rows, self.schema))
            self.copied_blocks = _write_postings(self.fieldwriter, self.schema, reader, merged)
        elif isinstance(self.pool, _TermPostings):
            if not whole_terms:
                raise TypeError("staged segments are written with the Dateline or W3 codec only")
            _write_postings(self.fieldwriter, self.schema, reader, self.pool.terms())
        elif whole_terms:
            _write_postings(self.fieldwriter, self.schema, reader, _grouped(self.pool.iter_postings()))
        else:
            self.fieldwriter.add_postings(self.schema, reader, self.pool.iter_postings())
        self.fieldwriter.close()
        if reader is not None:
            reader.close()

    def _close_segment(self) -> None:
        self._close_merged()
        super()._close_segment()

    def _close_merged(self) -> None:
        for source in self._merging:
            source.reader.close()
        self._merging = []


#: Dates a field's cache in :func:`_date_terms` holds before it is emptied.
DATE_TERMS_LIMIT = 50_000
#: fieldname -> (the DATETIME field object, date -> its ``field.index`` output as a list).
_DATE_TERMS: dict[str, tuple[object, dict[datetime, list[tuple]]]] = {}


def _date_terms(fieldname: str, field) -> dict[datetime, list[tuple]]:
    """The process's cache of a DATETIME field's indexed terms by date, kept while the same field
    object (same bits and tiers) indexes the field; emptied when full."""
    known = _DATE_TERMS.get(fieldname)
    if known is None or known[0] is not field or len(known[1]) >= DATE_TERMS_LIMIT:
        known = _DATE_TERMS[fieldname] = (field, {})
    return known[1]


class _StagingSegmentWriter(FastSegmentWriter):
    """Writes one staged segment, its postings grouped by term in memory (:class:`_TermPostings`)."""

    def __init__(self, ix, **kwargs) -> None:
        super().__init__(ix, **kwargs)
        # Token streams hand the codec position arrays: only the Dateline term writer takes them.
        self.pool = _TermPostings(streams=_term_writer(self.fieldwriter, self.schema) is DatelineTermWriter)
        # Whoosh's general add_document is needed for term vectors and separate spelling words.
        self._general = any(field.vector or field.separate_spelling() for _name, field in self.schema.items())
        #: Dates indexed from the cache of :func:`_date_terms` (tests check the cache is used).
        self.dates_reused = 0
        self._names = frozenset(self.schema.names())
        self._field_objects: dict[str, object] = {}

    def add_document(self, **fields) -> None:
        """Whoosh's ``add_document``, with each field's postings added to the pool in one call.

        Documents with boosts or custom stored values (``_``-prefixed keys) and schemas with term
        vectors or spelling words take Whoosh's own path.
        """
        if self._general or any(map(str.startswith, fields, repeat("_"))):
            return super().add_document(**fields)
        self._check_state()
        schema = self.schema
        names = sorted(fields)
        if not self._names.issuperset(names):  # Whoosh's check (it knows dynamic fields)
            self._check_fields(schema, names)
        field_objects = self._field_objects
        perdocwriter = self.perdocwriter
        add_field = self.pool.add_field
        add_text = self.pool.add_text
        docnum = self.docnum
        perdocwriter.start_doc(docnum)
        try:
            for fieldname in names:
                value = fields[fieldname]
                if value is None:
                    continue
                field = field_objects.get(fieldname)
                if field is None:  # Schema.__getitem__ is a Python call (and glob matching)
                    field = field_objects[fieldname] = schema[fieldname]
                length = 0
                if field.indexed:
                    length = add_text(fieldname, field, docnum, value)
                    if length is None:
                        length = add_field(fieldname, docnum, self._index(fieldname, field, value))
                    if not field.scorable:
                        length = 0
                perdocwriter.add_field(fieldname, field, value if field.stored else None, length)
                column = field.column_type
                if column:
                    perdocwriter.add_column_value(fieldname, column, field.to_column_value(value))
        except Exception:
            perdocwriter.cancel_doc()
            raise
        perdocwriter.finish_doc()
        self._added = True
        self.docnum += 1

    def _index(self, fieldname: str, field, value) -> Iterable[tuple]:
        """``field.index(value)``; for a DATETIME field and a naive datetime, from the process's
        cache (:func:`_date_terms`): articles of a day share a date, and Whoosh encodes its eight
        tiered terms anew each time (~4 % of ``add``)."""
        if type(field) is not fields.DATETIME or type(value) is not datetime or value.tzinfo is not None:
            return field.index(value)
        cache = _date_terms(fieldname, field)
        items = cache.get(value)
        if items is None:
            items = cache[value] = list(field.index(value))
        else:
            self.dates_reused += 1
        return items

    @property
    def postings_bytes(self) -> int:
        """Estimated memory held by the segment's postings."""
        return self.pool.nbytes


@dataclass
class StagedSegment:
    """A finished segment waiting in ``folder`` to be published, and what it holds.

    ``records`` are (article id, source file, content hash, indexed-at seconds) for the manifest.
    """

    segment: object
    folder: str
    records: list[tuple] = field(default_factory=list)
    #: (article id, copy-cluster signature or None) of its articles (``index.copies``).
    signatures: list[tuple] = field(default_factory=list)

    @property
    def ids(self) -> list[str]:
        return [record[0] for record in self.records]


class SegmentBuilder:
    """Builds one segment of an index in a private staging folder, without the index lock."""

    def __init__(self, index_dir: str | os.PathLike, schema, *, limit_mb: int, owner: int) -> None:
        """``owner`` is the pid of the indexing run, so a later run can tell leftovers from live work."""
        self.folder = Path(index_dir) / STAGING_DIR / f"{owner}-{uuid.uuid4().hex}"
        self.folder.mkdir(parents=True)
        staging = DurableFileStorage(str(self.folder)).create_index(schema, indexname=INDEX_NAME)
        self._writer = _StagingSegmentWriter(staging, _lk=False)
        self._limit = limit_mb * 1024 * 1024
        self.records: list[tuple] = []

    def __len__(self) -> int:
        return len(self.records)

    @property
    def full(self) -> bool:
        """True once the postings held in memory reach ``limit_mb``: time to finish the segment."""
        return self._writer.postings_bytes >= self._limit

    def add(self, doc: dict, record: tuple) -> None:
        """Add one document (``to_document`` output) and remember its manifest record."""
        self._writer.add_document(**doc)
        self.records.append(record)

    def finish(self) -> StagedSegment:
        """Write the segment's files (fsynced) and return it, ready for :func:`publish`."""
        segment = self._writer._finalize_segment()
        self._writer._finish()
        return StagedSegment(segment, str(self.folder), self.records)

    def cancel(self) -> None:
        """Drop the unfinished segment and its folder."""
        try:
            self._writer.cancel()
        except OSError:  # Whoosh's cancel writes column files: the folder may be gone already
            pass
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def publish(staged: StagedSegment, index_dir: str | os.PathLike) -> object:
    """Move a staged segment's files into the index folder; return its Whoosh segment object.

    The caller holds the index lock and lists the segment in the next table of contents.  Files
    are renamed (same file system, so their fsynced contents move with them), then the directory
    is fsynced before the TOC that names them can be written.
    """
    prefix = staged.segment.segment_id() + "."
    folder = Path(staged.folder)
    for entry in folder.iterdir():
        if entry.name.startswith(prefix):
            os.replace(entry, Path(index_dir) / entry.name)
    fsync_dir(index_dir)
    shutil.rmtree(folder, ignore_errors=True)
    return staged.segment


def discard(staged: StagedSegment) -> None:
    """Delete a staged segment that will not be published."""
    shutil.rmtree(staged.folder, ignore_errors=True)


def remove_stale_staging(index_dir: str | os.PathLike) -> None:
    """Delete staging folders left by runs that are no longer alive (killed or crashed)."""
    root = Path(index_dir) / STAGING_DIR
    if not root.is_dir():
        return
    for entry in root.iterdir():
        owner = entry.name.split("-", 1)[0]
        if owner.isdigit() and _alive(int(owner)):
            continue
        log.info("removing %s, left by an indexing run that did not finish", entry)
        shutil.rmtree(entry, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
