"""Every private Whoosh name Dateline reads or writes, in one place (whoosh-reloaded 2.7.5, pinned).

Dateline's fast paths read postings blocks as arrays, write them a term at a time, merge segments
term by term, unmap merged pages and commit a table of contents it chose itself.  Each needs an
attribute or method Whoosh does not publish.  They are all here, each behind a small function
with the public meaning, so an upgrade of Whoosh has one file to check, and
``tests/test_search_whoosh_compat.py`` fails loudly (on a real index) when a name moves rather
than letting a fast path silently fall back or write a wrong file.

Subclasses that override Whoosh's own private methods (``index.segments.FastSegmentWriter``,
``index.zerocopy``'s read-in-place files, ``index.storage.DurableFileStorage``, the postings
reader and writer of Dateline's codec in ``search.whoosh_codec``) stay with their classes; they
are listed in the test too.
"""

from __future__ import annotations

import mmap
import os
import threading
from array import array
from bisect import bisect_right
from collections.abc import Callable, Iterable, Iterator
from hashlib import md5
from io import BytesIO
from itertools import chain, islice
from operator import itemgetter, sub
from pickle import dumps, loads
from pickle import load as pickle_load
from struct import Struct
from weakref import WeakKeyDictionary, WeakValueDictionary
from zlib import compress, decompress

import numpy as np
from lz4.block import compress as lz4_compress
from lz4.block import decompress as lz4_decompress
from whoosh import formats
from whoosh.codec.whoosh3 import W3PerDocReader
from whoosh.filedb.compound import SubFile
from whoosh.filedb.filetables import OrderedHashWriter, md5_hash
from whoosh.util.numeric import byte_to_length

#: zlib's inflate for everything the readers inflate (stored documents, postings blocks).
#: ISA-L's (the ``isal`` package) returns the same bytes about twice as fast: a stored document,
#: ~4 KB deflated to ~11.6 KB of pickle, 55 -> 27 us; a phrase at 300k articles inflates ~420
#: whole postings blocks, ~1.8x faster.  zlib's own where ``isal`` has no wheel.
try:
    from isal.isal_zlib import decompress as inflate
except ImportError:  # pragma: no cover - a platform without an isal wheel
    inflate = decompress

#: Stored documents (one pickled dict each, ~12 KB on AllSides) as Dateline writes them: an LZ4
#: block (Lucene's default for stored fields), marked by a first byte no zlib stream has (a zlib
#: stream's first byte names its method in the low four bits: 8, deflate).  A results page reads
#: ten documents: inflating each took ~21 us (ISA-L, 4.3 KB deflated), LZ4 takes ~4 us for 6.0
#: KB, and compressing at build time 22 us against ISA-L level 1's 33 (docs/performance.md,
#: issue 15, round 14).  Documents written before are deflate streams, read as before: a column,
#: even one document of a merged segment to the next, may hold both.
LZ4_STORED = 0x04
_LZ4_MARK = bytes([LZ4_STORED])


def stored_compress(data: bytes, level: int = 0) -> bytes:
    """A stored document's bytes as Dateline writes them (``level``: Whoosh's column passes its
    deflate level; LZ4's fast mode has none)."""
    return _LZ4_MARK + lz4_compress(data, store_size=True)


def stored_decompress(data) -> bytes:
    """A stored document's pickle from its column bytes: LZ4 (:func:`stored_compress`) or
    deflate (Whoosh, and Dateline before LZ4)."""
    if data[0] == LZ4_STORED:
        return lz4_decompress(memoryview(data)[1:])
    return inflate(data)


#: ``byte_to_length`` of each length byte (0 for 0, as ``doc_field_length`` reads it), ascending:
#: what a W3 length column's bytes stand for.
BYTE_LENGTHS = np.array([byte_to_length(b) for b in range(256)], dtype=np.int64)


# -- analysis ------------------------------------------------------------------------------------


def stem_function(stem_filter) -> Callable[[str], str]:
    """The bare stemming function of a ``StemFilter``, without its LFU cache."""
    return stem_filter.stemfn if not stem_filter.lang else stem_filter._stem


# -- searching -----------------------------------------------------------------------------------


def searcher_folder(searcher) -> str | None:
    """The folder of the index a searcher was opened from (None for an index in memory)."""
    return getattr(getattr(getattr(searcher, "_ix", None), "storage", None), "folder", None)


def bm25_parameters(weighting, fieldname: str) -> tuple[float, float]:
    """(B, K1) of a ``BM25F`` weighting for one field (B may be set per field)."""
    return weighting._field_B.get(fieldname, weighting.B), weighting.K1


def leaf_blocks(matcher, *, weights: bool = False,
                values: bool = False) -> Iterator[tuple[np.ndarray, np.ndarray | None, list | None]]:
    """(document numbers, weights, encoded values) of each block of a ``W3LeafMatcher``, decoding
    only what is asked for.  Consumes the matcher."""
    while matcher.is_active():
        if matcher._ids is None:
            matcher._read_ids()
        ids = np.asarray(matcher._ids, dtype=np.int64)
        block_weights = block_values = None
        if weights:
            if matcher._weights is None:
                matcher._read_weights()
            block_weights = np.asarray(matcher._weights, dtype=np.float64)
        if values:
            if matcher._values is None:
                matcher._read_values()
            block_values = list(matcher._values)
        yield ids, block_weights, block_values
        matcher._next_block()


# -- reading segments for a merge ----------------------------------------------------------------

#: A W3 postings block's length prefix (``StructFile.write_int``: big-endian, signed).
_BLOCK_LENGTH = Struct("!i")
pack_int = _BLOCK_LENGTH.pack



def uses_w3_terms(reader) -> bool:
    """Whether a segment reader's terms are in Whoosh's W3 codec (the only one merged term by term)."""
    from whoosh.codec.whoosh3 import W3TermsReader

    return type(getattr(reader, "_terms", None)) is W3TermsReader


def segment_terms(reader, fieldname: str) -> Iterator[tuple[tuple[str, bytes], object]]:
    """((field, term bytes), term info) of a W3 segment from the first term of ``fieldname`` on."""
    return reader._terms.items_from(fieldname, b"")


def term_postings(reader, terminfo) -> bytes:
    """The postings bytes of one (not inlined) term of a segment, whatever its codec."""
    offset, length = terminfo.extent()
    if isinstance(length, tuple):  # W3TermInfo.from_bytes keeps struct.unpack's 1-tuple
        (length,) = length
    return reader._terms._postfile.get(offset, length)


class TermTable:
    """A W3-family segment's term table for a merge, read one field at a time (:meth:`rows`).

    Holds each row's position (8 bytes a row) and each field's range of rows; a field's rows are
    parsed from its own bytes when asked for, so a merge holds one field's terms of its segments
    at a time, not every field's (the term tables of ten 5,000-article segments took ~115 MB as
    Python ``bytes`` and arrays at once, and parsing them whole ~50 MB more a segment).
    """

    #: Rows whose heads are parsed together (bounds the parse's index arrays).
    CHUNK = 1 << 15

    def __init__(self, dbfile, start: int, positions: np.ndarray, fields: dict[str, tuple[int, int]]) -> None:
        self._dbfile = dbfile
        self._start = start
        self._positions = positions  # row i's bytes: positions[i]:positions[i + 1], from start
        self.fields = fields  # field name -> (first row, end row)

    def rows(self, fieldname: str) -> tuple[list[bytes], np.ndarray]:
        """(terms, their :data:`TERM_INFO` records) of one field, in term order."""
        lo, hi = self.fields[fieldname]
        first = int(self._positions[lo])
        data = self._dbfile.get(self._start + first, int(self._positions[hi]) - first)
        rows = np.frombuffer(data, dtype=np.uint8)
        positions = self._positions[lo:hi] - first
        key_starts = positions + _ROW_HEAD.itemsize + 2  # past the field number
        value_starts = positions + _ROW_HEAD.itemsize + _be_u4(rows, positions)
        infos = np.empty(hi - lo, dtype=TERM_INFO)
        view = infos.view(np.uint8).reshape(hi - lo, TERM_INFO.itemsize)
        offsets = np.arange(TERM_INFO.itemsize)
        for a in range(0, hi - lo, self.CHUNK):
            view[a:a + self.CHUNK] = rows[value_starts[a:a + self.CHUNK, None] + offsets]
        keys = [data[a:b] for a, b in zip(key_starts.tolist(), value_starts.tolist(), strict=True)]
        return keys, infos


def _be_u4(rows: np.ndarray, at: np.ndarray) -> np.ndarray:
    """The big-endian unsigned 32-bit integers at byte offsets ``at`` of ``rows`` (int64)."""
    out = rows[at].astype(np.int64) << 24
    for k, shift in ((1, 16), (2, 8), (3, 0)):
        out |= rows[at + k].astype(np.int64) << shift
    return out


def term_table(reader) -> TermTable | None:
    """A segment's :class:`TermTable`, or None when its rows are not plain ``W3TermInfo`` records
    with their postings' extent (inlined postings) or do not lie one after another.

    The ordered index gives every row's position (Whoosh parses a row per call); rows are checked
    in chunks of :attr:`TermTable.CHUNK`, so the table's bytes are never all held at once."""
    tindex = reader._terms._tindex
    dbfile = tindex.dbfile
    index_type = np.dtype(tindex.extras["indextype"]).newbyteorder(">")
    start = tindex.startofdata
    positions = np.frombuffer(dbfile.get(tindex.indexbase, tindex.indexlen * index_type.itemsize),
                              dtype=index_type).astype(np.int64)
    positions -= start
    count = len(positions)
    positions = np.append(positions, tindex.endofdata - start)
    field_ids = np.empty(count, dtype=np.int64)
    for lo in range(0, count, TermTable.CHUNK):
        hi = min(lo + TermTable.CHUNK, count)
        first = int(positions[lo])
        rows = np.frombuffer(dbfile.get(start + first, int(positions[hi]) - first), dtype=np.uint8)
        at = positions[lo:hi] - first
        key_lengths, value_lengths = _be_u4(rows, at), _be_u4(rows, at + 4)
        if ((value_lengths != TERM_INFO.itemsize).any()
                or (_ROW_HEAD.itemsize + key_lengths + value_lengths != np.diff(positions[lo:hi + 1])).any()
                or rows[at + _ROW_HEAD.itemsize + key_lengths].any()):  # flags 0: not inlined
            return None
        field_ids[lo:hi] = (rows[at + 8].astype(np.int64) << 8) | rows[at + 9]
    unmap = {number: name for name, number in reader._terms._fieldmap.items()}
    bounds = (np.flatnonzero(np.diff(field_ids)) + 1).tolist()
    fields = {unmap[int(field_ids[lo])]: (lo, hi)
              for lo, hi in zip([0, *bounds], [*bounds, count], strict=True) if hi > lo}
    return TermTable(dbfile, start, positions, fields)


def raw_blocks(reader, terminfo, fmt) -> Iterator[tuple[tuple, object, tuple | None, int]]:
    """The stored blocks of one term's postings in a W3 segment: (document number deltas, weights
    (None, one float for the block, or a tuple or array), encoded values, postings in the block).

    Parsed from the term's bytes, read at once, as ``W3LeafMatcher`` parses them (length, pickled
    block info, pickled and maybe compressed data): a merge reads every block of every term, and
    the matcher's set-up, seeks and block statistics cost more than small terms' decoding.
    ``fmt`` is unused (the raw values are returned); kept so callers pass what a matcher needs.
    """
    from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC

    data = term_postings(reader, terminfo)
    length = len(data)
    if data[:4] != WHOOSH3_HEADER_MAGIC:
        raise ValueError(f"no W3 postings at offset {terminfo.extent()[0]}")
    view = memoryview(data)
    pos = 4
    while pos < length:
        (size,) = _BLOCK_LENGTH.unpack_from(data, pos)
        pos += _BLOCK_LENGTH.size
        end = pos + abs(size)
        stream = BytesIO(view[pos:end])
        count, _max_id, _max_weight, compression, _min_length, _max_length = pickle_load(stream)
        payload = view[pos + stream.tell():end]
        ids, weights, values = loads(decompress(payload) if compression else payload)
        yield ids, weights, values, count
        if size < 0:  # a negative length marks the term's last block
            return
        pos = end


def compound_mmap(reader) -> mmap.mmap | None:
    """The memory map of a segment's compound file, when the reader reads one through a map."""
    storage = getattr(reader, "_storage", None)  # an OverlayStorage over the compound file
    mapped = getattr(getattr(storage, "a", storage), "_source", None)
    return mapped if isinstance(mapped, mmap.mmap) else None


# -- reading parts of a compound file ------------------------------------------------------------


def _compound_part(dbfile) -> tuple[int, int, object] | None:
    """(descriptor, offset of the part in its file, the file) of ``dbfile`` when it is a part of
    an unmapped compound file, read through a real descriptor; else None."""
    part = getattr(dbfile, "file", None)
    if not isinstance(part, SubFile):
        return None
    try:
        fd = part._file.fileno()
    except (AttributeError, OSError, ValueError):  # not a real file
        return None
    return fd, part._offset, part._file


def positional_get(dbfile) -> Callable[[int, int], bytes]:
    """``dbfile.get(position, length)``, as one ``os.pread`` when ``dbfile`` is a part of an
    unmapped compound file: Whoosh's ``SubFile`` seeks the shared buffered file and reads through
    it (an ``lseek``, then a ``read`` of at least its 8 KiB buffer, per stored document)."""
    found = _compound_part(dbfile)
    if found is None:
        return dbfile.get
    fd, base, parent = found

    def get(position: int, length: int) -> bytes:
        if parent.closed:  # the descriptor may already name another file
            raise ValueError("read from a closed segment file")
        return os.pread(fd, length, base + position)

    return get


class _ResidentTable:
    """One segment's term table in memory, shared by every reader of that segment (each request
    thread opens its own readers): held by their ``BufferFile``, dropped with the last of them."""

    __slots__ = ("data", "__weakref__")

    def __init__(self, data: bytes) -> None:
        self.data = data


#: Term tables in memory by (device, inode, segment id, offset, length) of their compound-file part.
_RESIDENT: WeakValueDictionary = WeakValueDictionary()
_RESIDENT_LOCK = threading.Lock()


def resident_terms(reader) -> int:
    """Keep the term table of each segment of ``reader`` in memory; returns the bytes read now.

    A search looks a word up in a segment's term table (``.trm``, a hash table: a slot, the key's
    length, the key, then the term's statistics): about four reads for each field and word, at
    places no read-ahead predicts.  Read from the file, each is a system call through Whoosh's
    seek-and-buffered-read, and where the page cache has let those pages go (this machine's kernel
    pages out memory unused for about a minute) a disk read: ~0.75 ms of a rare word's first search
    on a cold index.  In memory the lookups are slices of one ``bytes``; Lucene and Elasticsearch
    keep their terms index on the heap for the same reason.  The table grows with the vocabulary
    (and the article ids): 30 MB for the 37.5k AllSides articles; at 300k the server's peak RSS
    grew 565 -> 618 MiB.

    One copy per segment, shared by the readers of every thread.  Segments whose terms are read
    another way (through a memory map, another codec) or are resident already are left as they
    are, so this can run after every refresh.
    """
    from whoosh.codec.whoosh3 import W3TermsReader
    from whoosh.filedb.structfile import BufferFile

    total = 0
    leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
    for leaf, _offset in leaves:
        terms = getattr(leaf, "_terms", None)
        if type(terms) is not W3TermsReader or terms._tindex.dbfile is not terms._dbfile:
            continue
        dbfile = terms._dbfile
        found = _compound_part(dbfile)
        if found is None:  # a mapped segment (a BufferFile over the map) or a file of its own
            continue
        fd, base, _parent = found
        length = dbfile.file._length
        info = os.fstat(fd)
        key = (info.st_dev, info.st_ino, leaf.segment().segment_id(), base, length)
        with _RESIDENT_LOCK:
            table = _RESIDENT.get(key)
            if table is None:
                data = os.pread(fd, length, base)
                if len(data) != length:  # a short read (a truncated file): leave Whoosh's reads
                    continue
                table = _RESIDENT[key] = _ResidentTable(data)
                total += length
        resident = BufferFile(table.data, name=getattr(dbfile, "_name", None))
        resident.table = table  # keeps the shared bytes alive as long as this reader
        # Both names: the hash reader looks keys up, the terms reader reads statistics by offset.
        terms._dbfile = terms._tindex.dbfile = resident
        dbfile.close()  # marks the part closed; the compound file stays open for the other parts
    return total


# -- reading stored fields ----------------------------------------------------------------------

#: Read-ahead advice (``os.posix_fadvise``), None where the platform has none (macOS, Windows).
_advise = getattr(os, "posix_fadvise", None)

#: A document's stored fields by (segment reader) in a searcher's reader; see :func:`stored_fields`.
_STORED: WeakKeyDictionary = WeakKeyDictionary()


class _SegmentStored:
    """One segment's stored-fields column read directly: its lengths, offsets and file.

    Whoosh reads a document's stored fields through six layers (multi-reader, segment reader,
    per-document reader, pickle column, compressed column, bytes column) and then filters the dict
    by the schema; this reads the same bytes from the same file at the same offsets, decompresses
    them as :func:`stored_decompress` does, unpickles and filters the same way.
    """

    __slots__ = ("lengths", "offsets", "get", "part", "base", "schema", "known")

    def __init__(self, column, schema) -> None:
        bytes_column = column._child
        self.lengths = bytes_column._lengths
        self.offsets = bytes_column._offsets
        self.get = positional_get(bytes_column._dbfile)
        #: (descriptor, offset of the column's part in its file, the file), for read-ahead advice.
        self.part = _compound_part(bytes_column._dbfile)
        self.base = bytes_column._basepos
        self.schema = schema
        #: Stored name -> whether the schema has it (dynamic fields answer by pattern: asked once).
        self.known: dict[str, bool] = {}

    def __call__(self, docnum: int) -> dict:
        length = self.lengths[docnum]
        if not length:  # nothing stored: Whoosh's pickle column answers None, the reader {}
            return {}
        data = self.get(self.base + self.offsets[docnum], length)
        # stored_decompress, written out: this runs for every hit of every page.
        stored = loads(lz4_decompress(memoryview(data)[1:]) if data[0] == LZ4_STORED else inflate(data))
        known = self.known
        for name in stored:
            if name not in known:
                known[name] = name in self.schema
        return {name: value for name, value in stored.items() if known[name]}

    def prefetch(self, docnums: list[int]) -> int:
        """Ask the kernel to read these documents' bytes now, all at once; returns how many."""
        if self.part is None or _advise is None:
            return 0
        fd, base, parent = self.part
        if parent.closed:
            return 0
        start = base + self.base
        advised = 0
        for docnum in docnums:
            length = self.lengths[docnum]
            if length:
                _advise(fd, start + self.offsets[docnum], length, os.POSIX_FADV_WILLNEED)
                advised += 1
        return advised


def _segment_stored(segment_reader) -> _SegmentStored | None:
    """A direct reader of ``segment_reader``'s stored fields, or None when the segment does not
    keep them the W3 way (one compressed pickle per document in a bytes column: deflated by
    Whoosh, or read through :class:`DatelinePerDocReader`)."""
    import zlib

    from whoosh.codec.whoosh3 import STORED_COLUMN
    from whoosh.columns import CompressedBytesColumn, PickleColumn

    perdoc = getattr(segment_reader, "_perdoc", None)
    if not isinstance(perdoc, W3PerDocReader):
        return None
    column = perdoc._cached_reader("_stored", STORED_COLUMN)
    if not isinstance(column, PickleColumn.Reader):
        return None
    child = column._child
    if (not isinstance(child, CompressedBytesColumn.Reader)
            or child._decompress not in (zlib.decompress, stored_decompress)):
        return None
    return _SegmentStored(column, segment_reader.schema)


class StoredFields:
    """``reader.stored_fields`` for every document of a (multi- or segment) reader: the same dicts,
    each segment's column read directly (:class:`_SegmentStored`).  Build it with :meth:`of`."""

    def __init__(self, starts: list[int], segments: list[_SegmentStored]) -> None:
        self.starts = starts
        self.segments = segments

    @classmethod
    def of(cls, reader) -> StoredFields | None:
        """The direct reader of ``reader``, or None when any of its segments keeps its stored
        fields another way (then Whoosh reads them all).  Holds no reference to ``reader``."""
        leaves = list(reader.leaf_readers())
        segments = [_segment_stored(segment) for segment, _offset in leaves]
        if any(segment is None for segment in segments):
            return None
        return cls([offset for _segment, offset in leaves], segments)

    def __call__(self, docnum: int) -> dict:
        at = bisect_right(self.starts, docnum) - 1
        return self.segments[at](docnum - self.starts[at])

    def prefetch(self, docnums: list[int]) -> int:
        """:meth:`_SegmentStored.prefetch` for document numbers of the whole reader."""
        by_segment: dict[int, list[int]] = {}
        for docnum in docnums:
            at = bisect_right(self.starts, docnum) - 1
            by_segment.setdefault(at, []).append(docnum - self.starts[at])
        return sum(self.segments[at].prefetch(local) for at, local in by_segment.items())


def _direct_stored(reader) -> StoredFields | None:
    """The direct reader of ``reader``'s stored fields, kept per reader object, weakly (a searcher
    keeps its reader until a commit replaces it): built once per commit and thread, not per hit."""
    try:
        return _STORED[reader]
    except KeyError:
        direct = _STORED[reader] = StoredFields.of(reader)
        return direct


def stored_fields(searcher, docnum: int) -> dict:
    """``searcher.stored_fields(docnum)``, read directly where it can be (see :class:`StoredFields`)."""
    reader = searcher.reader()
    direct = _direct_stored(reader)
    return reader.stored_fields(docnum) if direct is None else direct(docnum)


#: The (field, word) pairs of one query :func:`prefetch_postings` advises at most.
PREFETCH_TERMS = 64


def prefetch_postings(searcher, terms: Iterable[tuple[str, object]]) -> int:
    """Start reading the postings of ``terms`` ((field name, text) pairs, a query's words) in every
    segment before they are decoded one list after another; returns how many lists were advised.

    A word searched in the title and the body, or a phrase of three words, reads two to six
    postings lists; where their pages are no longer cached each was a disk read in turn.  The
    lists' places come from the term tables (in memory in a server, :func:`resident_terms`);
    one ``posix_fadvise(WILLNEED)`` per list queues the reads together.  Lists inlined in the term
    table and segments read through a map are skipped, and only the first ``PREFETCH_TERMS`` pairs
    are looked at: a wildcard expanded to hundreds of words would spend more on the lookups than
    the read-ahead saves.
    """
    from whoosh.codec.whoosh3 import W3TermsReader
    from whoosh.reading import TermNotFound

    if _advise is None:
        return 0
    pairs = list(islice(terms, PREFETCH_TERMS))
    advised = 0
    reader = searcher.reader()
    leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
    for leaf, _offset in leaves:
        terms_reader = getattr(leaf, "_terms", None)
        part = _compound_part(terms_reader._postfile) if type(terms_reader) is W3TermsReader else None
        if part is None or part[2].closed:
            continue
        fd, base, _parent = part
        for fieldname, text in pairs:
            try:
                info = leaf.term_info(fieldname, text)
            except TermNotFound:
                continue
            if info.is_inlined():
                continue
            offset, length = info.extent()
            if isinstance(length, tuple):  # W3TermInfo.from_bytes keeps struct.unpack's 1-tuple
                (length,) = length
            _advise(fd, base + offset, length, os.POSIX_FADV_WILLNEED)
            advised += 1
    return advised


def prefetch_stored(searcher, docnums: list[int]) -> int:
    """Start reading the stored documents ``docnums`` (a results page) before they are read one by
    one; returns how many documents were advised (0 where stored fields are read another way).

    Each hit's document is a few KB somewhere in the stored column: when the page cache no longer
    holds it, reading ten of them one after the other waits for ten disk reads in turn.  One
    ``posix_fadvise(WILLNEED)`` per document queues them all at once (Lucene 10's ``prefetch`` of
    stored fields for the top hits does the same with ``madvise``): on this machine, ten cold
    documents 1.18 -> 0.56 ms; on pages already in memory the advice costs ~1 us a document.
    """
    direct = _direct_stored(searcher.reader())
    return 0 if direct is None else direct.prefetch(docnums)


# -- writing postings ----------------------------------------------------------------------------


def writes_w3(fieldwriter) -> bool:
    """Whether a field writer writes W3 postings the way :class:`TermWriter` writes them (W3 codec,
    postings never inlined in the term table)."""
    from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter

    return (type(fieldwriter) is W3FieldWriter
            and type(fieldwriter._codec.postings_writer(None)) is W3PostingsWriter
            and fieldwriter._codec._inlinelimit <= 1)


def block_statistics(lengths: list[int], weights: list[float]) -> tuple[int | None, int, float]:
    """(minimum field length, maximum field length, maximum weight) of one postings block, as
    ``W3PostingsWriter`` keeps them: a length of 0 means none, and the maximum weight starts at
    int 0 (so a block of non-positive weights reports 0)."""
    max_length = max(lengths)
    if 0 not in lengths:
        min_length = min(lengths)
    else:
        found = [length for length in lengths if length]
        min_length = min(found) if found else None
    top = max(weights)
    return min_length, max_length, (top if top > 0 else 0)


#: ``W3TermInfo.to_bytes`` of a term whose postings are not inlined, as one numpy record: the
#: struct ``!BfIBBfII`` (flags, total weight, document frequency, min and max length bytes, max
#: weight, first and last document number), then the postings' offset (``!q``) and length (``!i``).
TERM_INFO = np.dtype([("flags", "u1"), ("weight", ">f4"), ("df", ">u4"), ("min_byte", "u1"),
                      ("max_byte", "u1"), ("max_weight", ">f4"), ("min_id", ">u4"), ("max_id", ">u4"),
                      ("offset", ">i8"), ("length", ">i4")])

def term_info_record(info) -> tuple:
    """A ``W3TermInfo`` (postings not inlined, extent unset) as a :data:`TERM_INFO` record, the
    fields as its ``to_bytes`` writes them."""
    from whoosh.util.numeric import length_to_byte

    no_id = 0xFFFFFFFF  # W3TermInfo's out-of-band "no document"
    return (0, info._weight, info._df, 0 if info._minlength is None else length_to_byte(info._minlength),
            length_to_byte(info._maxlength), info._maxweight, no_id if info._minid is None else info._minid,
            no_id if info._maxid is None else info._maxid, 0, 0)


#: An ``OrderedHashWriter`` row's head: key length and value length (``filetables._lengths``).
_ROW_HEAD = np.dtype([("key", ">i4"), ("value", ">i4")])


def add_rows(tindex, keys: list[bytes], values: np.ndarray) -> None:
    """``OrderedHashWriter.add(key, value)`` for each key (increasing, after the table's last key)
    and each record of ``values`` (fixed-size records, their bytes the row's value), with one
    write: the same file bytes, hash buckets and ordered index as one call per row."""
    if keys[0] <= tindex.lastkey:
        raise ValueError(f"Keys must increase: {tindex.lastkey!r}..{keys[0]!r}")
    count = len(keys)
    key_lengths = np.fromiter(map(len, keys), dtype=np.int64, count=count)
    value_size = values.dtype.itemsize
    row_sizes = _ROW_HEAD.itemsize + key_lengths + value_size
    starts = np.cumsum(row_sizes) - row_sizes
    rows = np.empty(int(row_sizes.sum()), dtype=np.uint8)
    head = np.empty(count, dtype=_ROW_HEAD)
    head["key"], head["value"] = key_lengths, value_size
    rows[starts[:, None] + np.arange(_ROW_HEAD.itemsize)] = head.view(np.uint8).reshape(count, -1)
    key_starts = starts + _ROW_HEAD.itemsize
    rows[spans(key_starts, key_lengths)] = np.frombuffer(b"".join(keys), dtype=np.uint8)
    value_starts = key_starts + key_lengths
    rows[value_starts[:, None] + np.arange(value_size)] = values.view(np.uint8).reshape(count, -1)
    dbfile = tindex.dbfile
    positions = (dbfile.tell() + starts).tolist()
    dbfile.write(rows.tobytes())
    _extend_index(tindex.index, positions)
    buckets = tindex.buckets
    if tindex.hashfn is md5_hash:  # the default: the digest's last 4 bytes, without hexdigest
        for key, position in zip(keys, positions, strict=True):
            h = int.from_bytes(md5(key, usedforsecurity=False).digest()[12:], "big")
            buckets[h & 255].append((h, position))
    else:
        hashfn = tindex.hashfn
        for key, position in zip(keys, positions, strict=True):
            h = hashfn(key)
            buckets[h & 255].append((h, position))
    tindex.lastkey = keys[-1]


def _extend_index(index, positions: list[int]) -> None:
    """``GrowableArray.append`` of increasing ``positions``: the array is widened (as an append of
    the largest would widen it) before it takes them, not part way."""
    try:
        found = array(index.array.typecode, positions)
    except OverflowError:
        index._retype(positions[-1])
        found = positions
    index.array.extend(found)


def spans(starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The indexes ``start, start + 1, ..., start + length - 1`` of each (start, length), in turn."""
    total = int(lengths.sum())
    firsts = np.cumsum(lengths) - lengths
    return np.repeat(starts - firsts, lengths) + np.arange(total)


#: One slot of a bucket's hash table (``filetables._pointer``): hash value, row position.
_SLOT = np.dtype([("hash", ">u4"), ("position", ">i8")])


class FastOrderedHashWriter(OrderedHashWriter):
    """``OrderedHashWriter`` whose 256 hash tables are written with one call, not one ``write``
    and ``pack`` per slot (twice the number of rows): the same bytes.  A writer becomes one with
    :func:`fast_hash_tables`."""

    def _write_hashes(self) -> None:
        # HashWriter._write_hashes: each bucket's table has twice its entries' slots; an entry
        # goes to slot (hash >> 8) % slots, or the next free one (wrapping), in insertion order.
        dbfile = self.dbfile
        position = dbfile.tell()
        hashes: list[int] = []
        positions: list[int] = []
        for entries in self.buckets:
            numslots = 2 * len(entries)
            self.directory.append((position, numslots))
            position += numslots * _SLOT.itemsize
            table_hashes = [0] * numslots
            table_positions = [0] * numslots  # 0: a free slot (no row starts at 0: the header)
            for hashval, row in entries:
                slot = (hashval >> 8) % numslots
                while table_positions[slot]:
                    slot = (slot + 1) % numslots
                table_hashes[slot] = hashval
                table_positions[slot] = row
            hashes += table_hashes
            positions += table_positions
        slots = np.empty(len(hashes), dtype=_SLOT)
        slots["hash"], slots["position"] = hashes, positions
        dbfile.write(slots.tobytes())


def fast_hash_tables(tindex) -> None:
    """Make a term table (an ``OrderedHashWriter``) write its hash tables with one call
    (:class:`FastOrderedHashWriter`); a table of any other class is left as it is."""
    if type(tindex) is OrderedHashWriter:
        tindex.__class__ = FastOrderedHashWriter


class TermOutput:
    """The current field of a W3-family field writer (after ``start_field``), written a whole
    term at a time: its block size and compression level, and where a term's postings bytes and
    term-table row go.  The base of the W3 and the Dateline term writers."""

    def __init__(self, fieldwriter) -> None:
        from whoosh.system import pack_ushort

        postwriter = fieldwriter._postwriter
        #: Postings per block, and the writer's compression level.
        self.limit: int = postwriter._blocklimit
        self.compression: int = postwriter._compression
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        fast_hash_tables(self._tindex)
        self._add_row = fieldwriter._tindex.add
        self._key_prefix = pack_ushort(fieldwriter._fieldid)
        #: Terms written by :meth:`add_terms` (tests check the batch path is taken).
        self.batched = 0

    def add_term(self, tbytes: bytes, postings: bytes, info) -> None:
        """Append one term's postings bytes to the postings file and its row (``info``, a
        ``W3TermInfo``, given the postings' extent) to the term table."""
        postfile = self._postfile
        start = postfile.tell()
        postfile.write(postings)
        info.set_extent(start, len(postings))
        self._add_row(self._key_prefix + tbytes, info.to_bytes())

    def add_terms(self, terms: list[bytes], postings: np.ndarray, sizes: np.ndarray,
                  infos: np.ndarray) -> None:
        """:meth:`add_term` of consecutive terms at once: their postings bytes concatenated
        (``postings``, uint8; ``sizes`` bytes each, in term order) and their term-table rows as a
        :data:`TERM_INFO` array (every field but the extent filled in).

        Writes the bytes ``add_term`` would write, term by term, with two file writes, and fills
        the hashed table's buckets and ordered index as ``OrderedHashWriter.add`` does per row.
        """
        if not terms:
            return
        start = self._postfile.tell()
        self._postfile.write(postings.tobytes())
        ends = np.cumsum(sizes, dtype=np.int64)
        infos["offset"] = start + ends - sizes
        infos["length"] = sizes
        prefix = self._key_prefix
        add_rows(self._tindex, [prefix + tbytes for tbytes in terms], infos)
        self.batched += len(terms)


class TermWriter(TermOutput):
    """Writes whole terms into the current field of a W3 field writer (after ``start_field``).

    Each term's postings are cut into blocks and encoded as ``W3PostingsWriter`` encodes them: the
    same pickled (id deltas, weights, values) tuple per block, compressed at the same level, the
    same pickled block info and the same term-table row.  Whoosh builds each block one posting at
    a time (type assertions, statistics, a generator per posting for the id deltas and the weight
    checks): here a block is a few slices and C-level calls, and only pickling and deflating remain.
    """

    def __init__(self, fieldwriter) -> None:
        from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
        from whoosh.util.numeric import length_to_byte

        super().__init__(fieldwriter)
        self._magic, self._term_info, self._length_byte = WHOOSH3_HEADER_MAGIC, W3TermInfo, length_to_byte
        fixed = fieldwriter._format.fixed_value_size()
        # W3's _mini_values: values of variable size as a tuple, none at all, or concatenated.
        self._values_kind = "tuple" if fixed is None or fixed < 0 else ("none" if fixed == 0 else "joined")

    def write(self, tbytes: bytes, ids: list[int], weights: list[float], values: list[bytes],
              lengths: list[int], compression: int) -> None:
        """Write one term: its document numbers (ascending), weights, encoded values (one per
        posting, or none), the field length of each posting's document (0: none) and the
        compression level of its blocks."""
        length_to_byte = self._length_byte
        parts = [self._magic]  # the term's bytes, written with one call at the end
        count, limit, kind = len(ids), self.limit, self._values_kind
        info = self._term_info()
        for lo in range(0, count, limit):
            block_ids = ids[lo:lo + limit]
            block_weights = weights[lo:lo + limit]
            n = len(block_ids)
            deltas = (block_ids[0], *map(sub, block_ids[1:], block_ids))
            if block_weights.count(1.0) == n:
                mini_weights = None
            elif block_weights.count(block_weights[0]) == n:
                mini_weights = block_weights[0]
            else:
                mini_weights = tuple(block_weights)
            if kind == "tuple":
                mini_values = tuple(values[lo:lo + limit])
            elif kind == "none":
                mini_values = None
            else:
                mini_values = b"".join(values[lo:lo + limit])
            data = dumps((deltas, mini_weights, mini_values), 2)
            if compression:
                data = compress(data, compression)
            min_length, max_length, max_weight = block_statistics(lengths[lo:lo + limit], block_weights)
            header = dumps((n, block_ids[-1], max_weight, compression, length_to_byte(min_length),
                            length_to_byte(max_length)), 2)
            size = len(header) + len(data)
            parts += (pack_int(-size if lo + limit >= count else size), header, data)
            # W3TermInfo.add_block, with the same arithmetic in the same order.
            info._weight += sum(block_weights)
            info._df += n
            info._minlength = min_length if info._minlength is None else min(info._minlength, min_length)
            info._maxlength = max(info._maxlength, max_length)
            info._maxweight = max(info._maxweight, max_weight)
            if info._minid is None:
                info._minid = block_ids[0]
            info._maxid = block_ids[-1]
        self.add_term(tbytes, b"".join(parts), info)


# -- writing per-document data -------------------------------------------------------------------

def fast_stored_column(perdocwriter) -> bool:
    """Make a ``W3PerDocWriter`` compress stored documents with :func:`stored_compress` (LZ4);
    False (and unchanged) when its ``_stored`` column is not Whoosh's ``PickleColumn`` over
    ``CompressedBytesColumn`` (the layout this relies on).  Only a segment read through
    :class:`DatelinePerDocReader` (the Dateline codec's) can read what it then writes.

    Whoosh's column writer keeps the compress function as an attribute
    (``CompressedBytesColumn.Writer._compress``): only that changes, so the column's layout and
    its pickles are Whoosh's.
    """
    from whoosh.columns import CompressedBytesColumn, PickleColumn

    writer = getattr(perdocwriter, "_colwriters", {}).get("_stored")
    child = getattr(writer, "_child", None)
    if type(writer) is not PickleColumn.Writer or type(child) is not CompressedBytesColumn.Writer:
        return False
    child._compress = stored_compress
    return True


class DatelinePerDocReader(W3PerDocReader):
    """Whoosh's per-document reader whose stored-fields column decompresses with
    :func:`stored_decompress` (LZ4, or deflate as Whoosh writes): what the Dateline codec opens
    segments with, so Whoosh's own ``stored_fields`` reads the documents
    :func:`fast_stored_column` writes."""

    def column_reader(self, fieldname, column):
        from whoosh.columns import CompressedBytesColumn

        reader = super().column_reader(fieldname, column)
        child = getattr(reader, "_child", None)
        if fieldname == "_stored" and type(child) is CompressedBytesColumn.Reader:
            child._decompress = stored_decompress
        return reader


#: The per-document readers whose files :func:`copy_per_doc` and :func:`field_lengths` read directly.
_PER_DOC_READERS = (W3PerDocReader, DatelinePerDocReader)


# -- merging per-document data --------------------------------------------------------------------


def copy_per_doc(perdocwriter, reader, fieldnames: set, start: int) -> np.ndarray | None:
    """Whoosh's ``SegmentWriter.write_per_doc`` for a W3-family segment, in bulk: the live
    documents' stored fields, field lengths and byte columns copied into ``perdocwriter`` (a
    ``W3PerDocWriter`` at document ``start``).  Returns the old numbers of the documents copied
    (in order; they become ``start``, ``start + 1``, ...), or None when this cannot copy them
    (another codec or column type, term vectors): then Whoosh's loop must run.

    Whoosh reads each document's stored fields (inflate, unpickle), re-pickles and re-deflates
    them, and moves every length and column value through three calls: ~0.45 ms per article of a
    merge.  Here the stored fields' deflated bytes are copied as they are.  They decode to the
    same dict; Whoosh's own bytes differ only in the dict's key order, which follows the
    iteration order of a set of field names and so changes with ``PYTHONHASHSEED`` (a stored
    field the schema dropped also stays in the bytes: readers filter by schema, as for any
    segment).  Length and value columns get the bytes Whoosh writes, and columns are created in
    the order Whoosh creates them (:func:`_column_events`), so every other file is byte-identical.
    Field-length totals stay exact (Whoosh re-adds the lossy length bytes: averages, and so
    scores, would move with each merge).
    """
    from whoosh.codec.whoosh3 import W3PerDocWriter

    perdoc = getattr(reader, "_perdoc", None)
    if (type(perdocwriter) is not W3PerDocWriter or type(perdoc) not in _PER_DOC_READERS
            or perdocwriter._indoc or perdocwriter._doccount != start):
        return None
    schema = reader.schema
    if any(schema[name].vector for name in fieldnames):
        return None
    stored = _segment_stored(reader)
    target = _stored_target(perdocwriter, reader)
    values = _value_columns(perdoc, schema, fieldnames)
    if stored is None or target is None or values is None:
        return None
    count = reader.doc_count_all()
    live = (np.fromiter(reader.all_doc_ids(), dtype=np.int64) if reader.has_deletions()
            else np.arange(count, dtype=np.int64))
    if not len(live):  # every document deleted: Whoosh's loop writes nothing
        return live
    order = list(fieldnames | set())  # Whoosh's per-document field loop runs in this order
    every = {name: column for name in order if (column := _length_bytes(perdoc, name, count)) is not None}
    lengths = {name: column[live] for name, column in every.items()}
    _column_events(perdocwriter, order, lengths, {name: schema[name].column_type for name in values},
                   len(live))
    for name, found in lengths.items():
        # The field's total: the segment's exact one less its deleted documents' lengths.  Whoosh
        # sums the live documents' length bytes, which are lossy (one byte each): averages, and
        # every score with them, then moved with each merge (by 1.6 % for the AllSides bodies).
        deleted = int(BYTE_LENGTHS[every[name]].sum()) - int(BYTE_LENGTHS[found].sum())
        _append_lengths(perdocwriter, name, found, start, max(0, reader.field_length(name) - deleted))
    for name, column in values.items():
        _append_var_bytes(perdocwriter._colwriters[name], *_var_bytes(column, live), start)
    documents = _var_bytes_of(stored.get, stored.base, stored.lengths, stored.offsets, live)
    _append_var_bytes(target, *documents, start)
    perdocwriter._doccount = start + len(live)
    perdocwriter._docnum = start + len(live) - 1
    return live


def _stored_target(perdocwriter, reader):
    """The byte column under a W3 per-document writer's stored-fields column when ``reader``'s
    stored documents can be copied into it as they are, else None.  Each document is compressed on
    its own: a Dateline column (:func:`stored_compress`, read by :func:`stored_decompress`) takes
    LZ4 and deflate documents alike; Whoosh's zlib column only deflate ones, so only those of a
    segment Whoosh's own reader reads (no Dateline segment: it may hold LZ4 documents)."""
    import zlib

    from whoosh.columns import CompressedBytesColumn, PickleColumn

    column = perdocwriter._colwriters.get("_stored")
    if type(column) is not PickleColumn.Writer:
        return None
    child = column._child
    if (type(child) is not CompressedBytesColumn.Writer
            or child._compress not in (zlib.compress, stored_compress)):
        return None
    if child._compress is zlib.compress and type(getattr(reader, "_perdoc", None)) is not W3PerDocReader:
        return None
    return child


def _value_columns(perdoc, schema, fieldnames: set) -> dict | None:
    """{field: raw column reader} of the value columns a segment has, or None when one is not a
    plain ``VarBytesColumn`` (the only kind copied in bulk)."""
    from whoosh.columns import VarBytesColumn

    found = {}
    for name in fieldnames:
        column = schema[name].column_type
        if column and perdoc.has_column(name):
            if type(column) is not VarBytesColumn:
                return None
            found[name] = perdoc._cached_reader(name, column)
    return found


def _length_bytes(perdoc, fieldname: str, count: int) -> np.ndarray | None:
    """The length byte of each of a segment's ``count`` documents in ``fieldname`` (0: none), or
    None when the field has no length column."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    column = perdoc._cached_reader(_lenfield(fieldname), LENGTHS_COLUMN)
    if column is None:
        return None
    found = np.zeros(count, dtype=np.uint8)
    stored = min(column._count, count)  # documents after the last non-zero length are not written
    found[:stored] = np.frombuffer(column._dbfile.get(column._basepos, stored), dtype=np.uint8)
    return found


def field_lengths(perdoc, fieldname: str, count: int) -> list[int] | None:
    """``[perdoc.doc_field_length(d, fieldname) or 0 for d in range(count)]`` read in one pass
    from the field's length column, for a W3 per-document reader; None for another reader (then
    ask it document by document).  A segment flush wants every document's length per field, and
    Whoosh's per-document call (a column lookup and a Python call each) was ~1.5 us apiece."""
    if type(perdoc) not in _PER_DOC_READERS or count > perdoc._doccount:
        return None
    found = _length_bytes(perdoc, fieldname, count)
    if found is None:
        return [0] * count
    return BYTE_LENGTHS[found].tolist()


def _column_events(perdocwriter, order: list[str], lengths: dict, values: dict, ndocs: int) -> None:
    """Create the columns (and field-length totals) Whoosh's per-document loop would create, in its
    order: by document, then by field in ``order``, a length column before a value column
    (``values``: {field: its schema column object})."""
    from whoosh.codec.whoosh3 import LENGTHS_COLUMN, _lenfield

    events = []
    for position, name in enumerate(order):
        found = lengths.get(name)
        if found is not None and (nonzero := np.flatnonzero(found)).size:
            events.append((int(nonzero[0]), position, 0, name))
        if name in values and ndocs:
            events.append((0, position, 1, name))
    for _doc, _position, kind, name in sorted(events):
        if kind == 0:
            perdocwriter._fieldlengths[name] += 0  # a defaultdict: the key's place, as Whoosh's +=
            column_name, column = _lenfield(name), LENGTHS_COLUMN
        else:
            column_name, column = name, values[name]
        if not perdocwriter._has_column(column_name):
            perdocwriter._create_column(column_name, column)


def _append_lengths(perdocwriter, fieldname: str, found: np.ndarray, start: int, total: int) -> None:
    """Add the live documents' length bytes of one field from document ``start`` on (the bytes
    Whoosh's ``add_column_value`` writes one non-zero byte at a time: zeros fill the gaps; trailing
    zeros are never written), and ``total`` to the field's total length."""
    from whoosh.codec.whoosh3 import _lenfield

    nonzero = np.flatnonzero(found)
    if not nonzero.size:
        return
    writer = perdocwriter._colwriters[_lenfield(fieldname)]
    if start > writer._count:
        writer._dbfile.write(writer._defaultbytes * (start - writer._count))
    last = int(nonzero[-1])
    writer._dbfile.write(found[:last + 1].tobytes())
    writer._count = start + last + 1
    perdocwriter._fieldlengths[fieldname] += total


def _var_bytes(column, live: np.ndarray) -> tuple[bytes, np.ndarray]:
    """(the live documents' values concatenated, their lengths) of a ``VarBytesColumn`` reader."""
    return _var_bytes_of(column._dbfile.get, column._basepos, column._lengths, column._offsets, live)


def _var_bytes_of(get, base: int, lengths, offsets, live: np.ndarray) -> tuple[bytes, np.ndarray]:
    """(values of documents ``live`` concatenated, their lengths) of a byte column whose values
    lie one after another from ``base`` (``get(position, size)`` reads the file)."""
    all_lengths = np.frombuffer(lengths, dtype=lengths.typecode).astype(np.int64) if isinstance(
        lengths, array) else np.asarray(lengths, dtype=np.int64)
    if not len(all_lengths):
        return b"", all_lengths[live]
    first = int(offsets[0])
    data = get(base + first, int(all_lengths.sum()))
    live_lengths = all_lengths[live]
    if len(live) == len(all_lengths):
        return data, live_lengths
    starts = np.asarray(offsets, dtype=np.int64)[live] - first
    return np.frombuffer(data, dtype=np.uint8)[spans(starts, live_lengths)].tobytes(), live_lengths


def _append_var_bytes(writer, data: bytes, lengths: np.ndarray, start: int) -> None:
    """``VarBytesColumn.Writer.add`` of one value per document from ``start`` on (their bytes
    ``data``, concatenated), at once: the same file bytes, lengths and offsets."""
    if not len(lengths):
        return
    writer.fill(start)
    writer._dbfile.write(data)
    offsets = writer._offset_base + np.cumsum(lengths) - lengths
    _extend_growable(writer._lengths, lengths.tolist())
    _extend_growable(writer._offsets, offsets.tolist())
    writer._offset_base += int(lengths.sum())
    writer._count = start + len(lengths)


def _extend_growable(growable, numbers: list[int]) -> None:
    """``GrowableArray.append`` of each number: widened once, to the type that fits the largest."""
    try:
        found = array(growable.array.typecode, numbers)
    except OverflowError:
        growable._retype(max(numbers))
        found = numbers
    growable.array.extend(found)


# -- committing ----------------------------------------------------------------------------------


def commit_segments(writer, segments: list) -> None:
    """Commit a ``SegmentWriter`` with exactly ``segments`` (plus the one it wrote, if any) as the
    new table of contents, then release it (what ``commit()`` does with Whoosh's own merge plan)."""
    if writer._added:
        segments = [*segments, writer._finalize_segment()]
    else:
        writer._close_segment()
    writer._commit_toc(segments)
    writer._finish()


# -- positions ------------------------------------------------------------------------------------
#: How Whoosh's ``Positions.encode`` starts each value: a 4-byte count, then pickle protocol 2.
_COUNT_BYTES = 4
_PICKLE_HEADER = b"\x80\x02"


def decode_positions(values: list[bytes], fmt) -> tuple[np.ndarray, np.ndarray]:
    """All positions of ``values`` (Whoosh-encoded position lists) in one flat int64 array, and
    how many each value holds.

    Whoosh's ``Positions`` format stores a count and a pickled list of position deltas per
    posting; the pickles are spliced into one pickle of a list of lists and loaded once.  Any
    value not in that shape, or another format, is decoded one value at a time by the format.
    """
    spliced = spliced_position_lists(values) if type(fmt) is formats.Positions else None
    if spliced is None:
        lists = [fmt.decode_positions(v) for v in values]
        counts = np.fromiter(map(len, lists), dtype=np.int64, count=len(lists))
        return np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum())), counts
    lists, counts = spliced
    deltas = np.fromiter(chain.from_iterable(lists), dtype=np.int64, count=int(counts.sum()))
    if len(deltas) == 0:
        return deltas, counts
    # Each posting's deltas count from its previous position (the first from 0): a running sum
    # over all of them, less the sum reached before the posting's first delta.
    total = np.cumsum(deltas)
    before = np.concatenate(([0], total))[np.cumsum(counts) - counts]
    return total - np.repeat(before, counts), counts


#: Slices of one encoded value: its count, pickle protocol header, list body, and final STOP.
_COUNT = itemgetter(slice(0, _COUNT_BYTES))
_HEADER = itemgetter(slice(_COUNT_BYTES, _COUNT_BYTES + len(_PICKLE_HEADER)))
_BODY = itemgetter(slice(_COUNT_BYTES + len(_PICKLE_HEADER), -1))
_STOP = itemgetter(slice(-1, None))


def spliced_position_lists(values: list[bytes]) -> tuple[list[list[int]], np.ndarray] | None:
    """:func:`decode_positions`' fast path (public so a test can see it is taken): the delta
    lists of ``values`` from one ``pickle.loads`` and their lengths, or None when a value is not a
    count plus a protocol-2 pickle of a list ending in STOP, or its count disagrees (then the
    caller decodes each value on its own)."""
    found = position_delta_lists(values)
    if found is None:
        return None
    lists, counts = found
    return lists, np.array(counts, dtype=np.int64)


def position_delta_lists(values: list[bytes]) -> tuple[list[list[int]], list[int]] | None:
    """:func:`spliced_position_lists` without numpy (for a few values at a time, as a postings
    writer parses each block): the delta lists and their lengths, or None."""
    n = len(values)
    if n == 0:
        return [], []
    if b"".join(map(_HEADER, values)) != _PICKLE_HEADER * n or b"".join(map(_STOP, values)) != b"." * n:
        return None
    try:
        # Each value's pickle builds one list; with its header and STOP cut off and an APPEND
        # after it, it adds that list to an outer list.
        lists = loads(_PICKLE_HEADER + b"]" + b"a".join(map(_BODY, values)) + b"a.")
    except Exception:  # any malformed value: the slow path decodes (or rejects) each one
        return None
    if type(lists) is not list or len(lists) != n:
        return None
    try:
        counts = list(map(len, lists))
    except TypeError:  # an item that is not a list
        return None
    if set(map(type, lists)) != {list} or b"".join(map(_COUNT, values)) != Struct(f">{n}I").pack(*counts):
        return None
    return lists, counts
