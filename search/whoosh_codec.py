"""Dateline's postings codec: Whoosh's W3 codec with postings blocks numpy reads without pickle.

W3 stores each block of 128 postings as a pickled (id deltas, weights, values) tuple, deflated,
and each posting's positions as a pickled list of deltas: reading a block costs a decompression
and one or more unpicklings, and a merge must decode and re-encode every block because the
first document number is absolute inside the deflated pickle.  Here a block is

- a 4-byte length (negative for the term's last block), as in W3;
- a fixed header (:data:`HEADER`): flags, posting count, the block's first (base) document
  number, its last document number, the min and max field length bytes, then its maximum weight
  (float32, or float64 when float32 would change it);
- a payload, deflated only when that pays (flag ``COMPRESSED``): two code bytes, then the document
  number deltas after the base, the weights (none when all are 1, small unsigned ints when
  integral, else float32 as W3 stores them), and the values: for Whoosh's ``Positions`` format
  the positions' per-posting counts and one flat array of position deltas (each posting's first
  delta counts from 0, as in Whoosh's encoding); for any other format the encoded values as
  lengths and bytes.  Every array uses the smallest of 1, 2 or 4 bytes that fits, per block.

The term table (``W3TermInfo``), field lengths, stored fields and columns are W3's.  The base
document number is outside the payload: a merge copies a block by rewriting its header.

:class:`DatelineLeafMatcher` returns what ``W3LeafMatcher`` returns (ids, float32 weights, the
encoded values byte for byte), so every Whoosh code path works unchanged; :func:`term_arrays`
reads a whole term as arrays for the engine's fast paths.

STABLE NAMES: a Whoosh segment pickles its codec object by module and class name into the
index's table of contents.  ``search.whoosh_codec.DatelineCodec`` must keep this module path and
class name (and a compatible ``__setstate__``-free pickle: only the W3 attributes), or indexes
written with it no longer open.  Segments written by W3 keep ``whoosh.codec.whoosh3.W3Codec``
and are read by Whoosh's own classes: an index may mix both.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate, chain
from operator import sub
from pickle import dumps
from struct import Struct
from zlib import DEFLATED, compressobj, decompressobj

import numpy as np
from whoosh import formats
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher, W3PostingsWriter, W3TermInfo
from whoosh.system import pack_uint
from whoosh.util.numeric import byte_to_length, length_to_byte

from search.whoosh_compat import (
    BYTE_LENGTHS,
    TERM_INFO,
    DatelinePerDocReader,
    TermOutput,
    block_statistics,
    fast_stored_column,
    inflate,
    position_delta_lists,
    spans,
    term_info_record,
)

#: The first bytes of a term's postings in this codec (W3 writes ``W3Bl``): each reader refuses
#: the other's postings instead of misreading them.
MAGIC = b"DLB1"
#: A block's length prefix, as W3 writes it (big-endian, signed; negative for the last block).
BLOCK_LENGTH = Struct("!i")
#: flags, count, base (first) document number, last document number, min and max length bytes.
HEADER = Struct("<BHIIBB")
MAX_WEIGHT32 = Struct("<f")
MAX_WEIGHT64 = Struct("<d")
#: Header flags.
COMPRESSED = 1
WEIGHT64 = 2
#: Payload value kinds.
VALUES_NONE, VALUES_POSITIONS, VALUES_RAW = 0, 1, 2
#: Weight kinds (besides the width codes 1 and 2 for unsigned integers).
WEIGHTS_ONE, WEIGHTS_FLOAT = 0, 3
#: A payload shorter than this is never deflated (deflate cannot shrink it, and costs a call).
MIN_DEFLATE = 48
#: Deflated payloads are kept only when at most this fraction of the raw size.
DEFLATE_GAIN = 0.9
#: Deflate's window and memory level: blocks are a few kilobytes, and the default 32 KiB window
#: (256 KiB of state to set up per call) made deflating slower than encoding (same output size).
DEFLATE_WBITS, DEFLATE_MEMLEVEL = 12, 5
#: ISA-L's deflate (the ``isal`` package, already the readers' inflate) for postings blocks, and its
#: level for any codec compression level above 0: a compressor is set up per block, and zlib's
#: set-up (even with the small window and memory level above) made a block of ~320 bytes cost
#: ~31 us, ISA-L's level 1 ~16 us, its output ~1 % smaller (AllSides blocks; docs/performance.md,
#: round 8).  Another deflate stream: every reader inflates it as before.  zlib where ``isal``
#: has no wheel.
try:
    from isal.isal_zlib import compress as isal_deflate
except ImportError:  # pragma: no cover - a platform without an isal wheel
    isal_deflate = None
BLOCK_ISAL_LEVEL = 1
#: Largest block: the header's count is 16 bits.
MAX_BLOCK = 0xFFFF

#: width code -> (array typecode, numpy dtype); code 0: no array.
_TYPECODES = {1: "B", 2: "H", 3: "I"}
_DTYPES = {1: np.dtype("<u1"), 2: np.dtype("<u2"), 3: np.dtype("<u4")}
_SIZES = {0: 0, 1: 1, 2: 2, 3: 4}
_BIG_ENDIAN = sys.byteorder == "big"
_EMPTY = np.zeros(0, dtype=np.int64)
#: Stand-ins in :func:`term_arrays`: a block's first delta, and the weights of a block whose
#: weights are all 1.
_ZERO = np.zeros(1, dtype=np.uint8)
_ONES = np.ones(MAX_BLOCK, dtype=np.uint8)


def _width(top: int) -> int:
    """The width code of unsigned integers up to ``top`` (``top`` must be below 2**32)."""
    return 1 if top < 0x100 else 2 if top < 0x10000 else 3


def _packed(code: int, numbers) -> bytes:
    """``numbers`` as little-endian unsigned integers of width ``code``."""
    packed = array(_TYPECODES[code], numbers)
    if _BIG_ENDIAN:
        packed.byteswap()
    return packed.tobytes()


def _weights_part(weights: list[float]) -> tuple[int, bytes, list[int] | None]:
    """(weight kind, bytes, the weights as ints when they are integral)."""
    try:
        ints = list(map(int, weights))
    except (ValueError, OverflowError):  # NaN or infinity
        ints = None
    if ints is not None and ints == weights and min(ints) >= 0 and max(ints) < 0x10000:
        if ints.count(1) == len(ints):
            return WEIGHTS_ONE, b"", ints
        code = _width(max(ints))
        return code, _packed(code, ints), ints
    # W3 keeps weights in an array("f"): float32, which is what its readers return.
    packed = array("f", weights)
    if _BIG_ENDIAN:
        packed.byteswap()
    return WEIGHTS_FLOAT, packed.tobytes(), None


def _positions_part(values: list[bytes], count: int, ints: list[int] | None) -> tuple[int, bytes] | None:
    """(code byte, bytes) of Whoosh ``Positions`` values as counts and flat deltas, or None when
    a value is not in the shape Whoosh's encoder writes (then the values are stored raw)."""
    if len(values) != count:
        return None
    found = position_delta_lists(values)
    if found is None:
        return None
    lists, counts = found
    deltas = list(chain.from_iterable(lists))
    # Only ints re-encode to the same pickle (a bool or float would not), and only these fit.
    if deltas and (set(map(type, deltas)) != {int} or min(deltas) < 0 or max(deltas) >= 1 << 32):
        return None
    return _position_arrays_part(counts, deltas, ints)


def _position_arrays_part(counts: list[int], deltas: list[int], ints: list[int] | None) -> tuple[int, bytes]:
    """(code byte, bytes) of per-posting position counts and flat deltas (ints in [0, 2**32))."""
    delta_code = _width(max(deltas)) if deltas else 1
    if counts == ints:  # the weights are the frequencies: the counts are not stored twice
        return delta_code | 0x80, _packed(delta_code, deltas)
    count_code = _width(max(counts))
    return delta_code | count_code << 2, _packed(count_code, counts) + _packed(delta_code, deltas)


def _raw_part(values: list[bytes]) -> bytes:
    """Encoded values of any format: their number, their lengths (4 bytes each), their bytes."""
    return _packed(3, [len(values), *map(len, values)]) + b"".join(values)


def encode_payload(ids: list[int], weights: list[float], values: list[bytes],
                   positions: bool) -> bytes:
    """The undeflated payload of one block (see the module docstring).

    ``values`` are the block's non-empty encoded values (W3 keeps only those); ``positions``:
    whether they are Whoosh ``Positions`` values, stored as arrays when they have that shape.
    """
    weight_code, weight_bytes, ints = _weights_part(weights)
    value_bytes, value_code = b"", 0
    kind = VALUES_NONE
    if values:
        found = _positions_part(values, len(ids), ints) if positions else None
        if found is not None:
            kind = VALUES_POSITIONS
            value_code, value_bytes = found
        else:
            kind, value_bytes = VALUES_RAW, _raw_part(values)
    return _payload(ids, weight_code, weight_bytes, kind, value_code, value_bytes)


def encode_positions_payload(ids: list[int], weights: list[float], counts: list[int],
                             deltas: list[int]) -> bytes:
    """:func:`encode_payload` of ``Positions`` values given as arrays: each posting's number of
    positions (``counts``, at least 1) and all postings' position deltas in turn (``deltas``, ints
    in [0, 2**32), each posting's first counting from 0).  The same bytes as ``encode_payload``
    of the values Whoosh's ``Positions.encode`` makes of them, without making or parsing them."""
    weight_code, weight_bytes, ints = _weights_part(weights)
    value_code, value_bytes = _position_arrays_part(counts, deltas, ints)
    return _payload(ids, weight_code, weight_bytes, VALUES_POSITIONS, value_code, value_bytes)


def _payload(ids: list[int], weight_code: int, weight_bytes: bytes, kind: int, value_code: int,
             value_bytes: bytes) -> bytes:
    """Code bytes, document number deltas, then the weights' and values' parts."""
    deltas = list(map(sub, ids[1:], ids)) if len(ids) > 1 else []
    id_code = _width(max(deltas)) if deltas else 0
    codes = bytes((id_code | weight_code << 2 | kind << 4, value_code))
    return b"".join((codes, _packed(id_code, deltas) if deltas else b"", weight_bytes, value_bytes))


def block_bytes(ids: list[int], weights: list[float], values: list[bytes], positions: bool,
                min_length: int | None, max_length: int, max_weight: float, level: int,
                last: bool) -> bytes:
    """One whole block: length prefix, header, maximum weight and (maybe deflated) payload."""
    return _block(encode_payload(ids, weights, values, positions), ids, min_length, max_length,
                  max_weight, level, last)


def _block(payload: bytes, ids: list[int], min_length: int | None, max_length: int, max_weight: float,
           level: int, last: bool) -> bytes:
    """:func:`block_bytes` of an encoded payload."""
    flags, payload = _deflated(payload, level)
    return _framed(flags, len(ids), ids[0], ids[-1], length_to_byte(min_length), length_to_byte(max_length),
                   max_weight, payload, last)


def _deflated(payload: bytes, level: int) -> tuple[int, bytes]:
    """(flags, payload): the payload deflated at ``level`` when that pays, else as it is."""
    if level and len(payload) >= MIN_DEFLATE:
        if isal_deflate is not None:
            deflated = isal_deflate(payload, BLOCK_ISAL_LEVEL, DEFLATE_WBITS)
        else:  # pragma: no cover - a platform without an isal wheel
            deflater = compressobj(level, DEFLATED, DEFLATE_WBITS, DEFLATE_MEMLEVEL)
            deflated = deflater.compress(payload) + deflater.flush()
        if len(deflated) <= DEFLATE_GAIN * len(payload):
            return COMPRESSED, deflated
    return 0, payload


def _framed(flags: int, count: int, base: int, last_id: int, min_byte: int, max_byte: int,
            max_weight: float, payload, last: bool) -> bytes:
    """Length prefix + header + maximum weight + payload."""
    top = MAX_WEIGHT32.pack(max_weight)
    if MAX_WEIGHT32.unpack(top)[0] != max_weight:
        flags |= WEIGHT64
        top = MAX_WEIGHT64.pack(max_weight)
    head = HEADER.pack(flags, count, base, last_id, min_byte, max_byte) + top
    size = len(head) + len(payload)
    return b"".join((BLOCK_LENGTH.pack(-size if last else size), head, payload))


# -- many small terms at once ----------------------------------------------------------------------

#: The first bytes of a term written by :func:`few_postings_blocks`: magic, the (last) block's
#: length, its header and maximum weight (float32); its payload follows.
_TERM_HEAD = np.dtype([("magic", "S4"), ("size", ">i4"), ("flags", "u1"), ("count", "<u2"), ("base", "<u4"),
                       ("last", "<u4"), ("min_byte", "u1"), ("max_byte", "u1"), ("max_weight", "<f4")])
#: The largest weight stored as a small unsigned int (else float32: see :func:`_weights_part`).
_MAX_INT_WEIGHT = 0xFFFF


def _codes(top: np.ndarray) -> np.ndarray:
    """:func:`_width` of each maximum."""
    return 1 + (top >= 0x100).astype(np.int64) + (top >= 0x10000)


def _code_sizes(codes: np.ndarray) -> np.ndarray:
    """Bytes per number of each width code (0: no array)."""
    return np.where(codes == 3, 4, codes)


def _scatter(out: np.ndarray, offsets: np.ndarray, numbers: np.ndarray, sizes: np.ndarray) -> None:
    """Write each number little-endian in its size (1, 2 or 4 bytes) at its offset of ``out``."""
    data = numbers.astype("<u4").view(np.uint8).reshape(-1, 4)
    for k in range(4):
        keep = sizes > k
        out[offsets[keep] + k] = data[keep, k]


class _Payloads:
    """The payloads of blocks of ``Positions`` postings with integer weights, encoded together
    (:func:`encode_positions_payload` of each; or, when ``deltas`` is None, of postings without
    values: :func:`encode_payload` with none), each after ``lead`` bytes left for its caller,
    and each block's statistics: postings, first and last document number, min and max field
    length bytes (a length of 0 means none: minimum byte 0), maximum weight (exact in float32).

    ``bounds`` cut the postings into blocks (at least one posting each); ``weights`` are integers
    in [1, 65535]; ``length_bytes`` is ``length_to_byte`` of ``lengths`` (monotonic, so a block's
    minimum and maximum bytes are the bytes of its minimum and maximum lengths).
    """

    def __init__(self, ids: np.ndarray, weights: np.ndarray, freqs: np.ndarray, deltas: np.ndarray | None,
                 bounds: np.ndarray, length_bytes: np.ndarray, lengths: np.ndarray, lead: int) -> None:
        nblocks = len(bounds) - 1
        counts = np.diff(bounds).astype(np.int64)
        firsts = bounds[:-1].astype(np.int64)
        block_of = np.repeat(np.arange(nblocks), counts)
        rank = np.arange(len(ids)) - firsts[block_of]  # each posting's index in its block
        id_deltas = np.zeros(len(ids), dtype=np.int64)  # none for a block's first posting
        id_deltas[1:] = ids[1:] - ids[:-1]
        id_deltas[firsts] = 0
        id_codes = np.where(counts > 1, _codes(np.maximum.reduceat(id_deltas, firsts)), 0)
        top_weights = np.maximum.reduceat(weights, firsts)
        weight_codes = np.where(top_weights == 1, 0, _codes(top_weights))  # weights are >= 1
        if deltas is None:  # no values: no counts, no position deltas
            kind, counts_are_weights = VALUES_NONE, np.zeros(nblocks, dtype=bool)
            count_codes = delta_codes = words = np.zeros(nblocks, dtype=np.int64)
        else:
            # The counts are not stored when they are the weights (``_position_arrays_part``).
            kind, counts_are_weights = VALUES_POSITIONS, np.logical_and.reduceat(weights == freqs, firsts)
            count_codes = np.where(counts_are_weights, 0, _codes(np.maximum.reduceat(freqs, firsts)))
            words = np.add.reduceat(freqs, firsts)
            delta_codes = _codes(np.maximum.reduceat(deltas.astype(np.int64), np.cumsum(words) - words))
        id_sizes, weight_sizes = _code_sizes(id_codes), _code_sizes(weight_codes)
        count_sizes, delta_sizes = _code_sizes(count_codes), _code_sizes(delta_codes)
        id_part, weight_part = (counts - 1) * id_sizes, counts * weight_sizes
        count_part = counts * count_sizes
        self.sizes = 2 + id_part + weight_part + count_part + words * delta_sizes
        spaces = lead + self.sizes
        self.starts = np.cumsum(spaces) - spaces + lead  # where each payload starts in ``out``
        out = self.out = np.empty(int(spaces.sum()), dtype=np.uint8)
        out[self.starts] = id_codes | weight_codes << 2 | kind << 4
        out[self.starts + 1] = delta_codes | np.where(counts_are_weights, 0x80, count_codes << 2)
        after_codes = self.starts + 2
        has_delta = rank > 0
        _scatter(out, (after_codes[block_of] + (rank - 1) * id_sizes[block_of])[has_delta],
                 id_deltas[has_delta], id_sizes[block_of][has_delta])
        after_ids = after_codes + id_part
        _scatter(out, after_ids[block_of] + rank * weight_sizes[block_of], weights, weight_sizes[block_of])
        if deltas is not None:
            after_weights = after_ids + weight_part
            _scatter(out, after_weights[block_of] + rank * count_sizes[block_of], freqs,
                     count_sizes[block_of])
            after_counts = after_weights + count_part
            word_block = np.repeat(np.arange(nblocks), words)
            word_rank = np.arange(len(deltas)) - (np.cumsum(words) - words)[word_block]
            _scatter(out, after_counts[word_block] + word_rank * delta_sizes[word_block], deltas,
                     delta_sizes[word_block])
        self.counts = counts
        self.bases, self.lasts = ids[firsts], ids[firsts + counts - 1]
        self.min_bytes, self.max_bytes = _length_bytes_range(ids, firsts, length_bytes, lengths)
        self.max_weights = top_weights


def _length_bytes_range(ids: np.ndarray, firsts: np.ndarray, length_bytes: np.ndarray,
                        lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """(min, max) length byte of the postings ``firsts[i]:firsts[i + 1]`` (to the end for the
    last), lengths of 0 left out of the minimum (0 when all are)."""
    posting_bytes = length_bytes[ids].astype(np.int64)
    min_bytes = np.minimum.reduceat(np.where(lengths[ids] > 0, posting_bytes, 256), firsts)
    min_bytes[min_bytes == 256] = 0
    return min_bytes, np.maximum.reduceat(posting_bytes, firsts)


def few_postings_blocks(ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray | None, bounds: np.ndarray,
                        boost: int, length_bytes: np.ndarray,
                        lengths: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The postings bytes (uint8, terms in turn), their sizes and term-table rows (``TERM_INFO``,
    extent unset) of terms that each fit one uncompressed block (1 to ``limit`` postings, every
    weight frequency times ``boost`` an integer up to 65,535), as
    :meth:`DatelineTermWriter.position_blocks` and ``finish`` write them one by one.

    Arguments as :meth:`DatelineTermWriter.position_terms`'s, with ``length_bytes`` as
    :class:`_Payloads` takes it; ``deltas`` None: postings without values, ``freqs`` their weights
    (``boost`` 1).
    """
    ids, freqs = ids.astype(np.int64), freqs.astype(np.int64)
    payloads = _Payloads(ids, freqs * boost, freqs, deltas, bounds, length_bytes, lengths,
                         _TERM_HEAD.itemsize)
    nterms = len(bounds) - 1
    head = np.empty(nterms, dtype=_TERM_HEAD)
    head["magic"] = MAGIC
    head["size"] = -(payloads.sizes + _TERM_HEAD.itemsize - len(MAGIC) - BLOCK_LENGTH.size)  # the last block
    head["flags"] = 0
    head["count"] = payloads.counts
    head["base"], head["last"] = payloads.bases, payloads.lasts
    head["min_byte"], head["max_byte"] = payloads.min_bytes, payloads.max_bytes
    head["max_weight"] = payloads.max_weights
    out = payloads.out
    starts = payloads.starts - _TERM_HEAD.itemsize
    out[starts[:, None] + np.arange(_TERM_HEAD.itemsize)] = head.view(np.uint8).reshape(nterms, -1)
    infos = _term_infos(ids, freqs * boost, bounds, payloads.min_bytes, payloads.max_bytes)
    return out, payloads.sizes + _TERM_HEAD.itemsize, infos


def _term_infos(ids: np.ndarray, weights: np.ndarray, bounds: np.ndarray,
                min_bytes: np.ndarray, max_bytes: np.ndarray) -> np.ndarray:
    """Term-table rows (``TERM_INFO``, extent unset) of terms whose postings ``bounds`` cut, with
    integer weights (sums exact), and their min and max length bytes."""
    firsts = bounds[:-1].astype(np.int64)
    infos = np.zeros(len(firsts), dtype=TERM_INFO)
    infos["weight"] = np.add.reduceat(weights, firsts)
    infos["df"] = np.diff(bounds)
    infos["min_byte"], infos["max_byte"] = min_bytes, max_bytes
    infos["max_weight"] = np.maximum.reduceat(weights, firsts)
    infos["min_id"], infos["max_id"] = ids[firsts], ids[bounds[1:].astype(np.int64) - 1]
    return infos


def length_bytes(lengths: np.ndarray) -> np.ndarray:
    """``length_to_byte`` of each length (uint8), in one ``searchsorted``: Whoosh's is a
    ``bisect_left`` into the same table, 255 from 106,374 on (the table's last value), and a
    Python call per document and field was most of a flush's length handling."""
    return np.minimum(np.searchsorted(BYTE_LENGTHS, lengths, side="left"), 255).astype(np.uint8)


def many_postings_blocks(ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray | None, bounds: np.ndarray,
                         boost: int, length_bytes: np.ndarray, lengths: np.ndarray, limit: int,
                         levels: np.ndarray) -> tuple[list[bytes], np.ndarray]:
    """:func:`few_postings_blocks` of terms of any size: each term's blocks of ``limit`` postings,
    deflated at its level in ``levels`` when that pays (:func:`_block`), as
    :meth:`DatelineTermWriter.position_blocks` and ``finish`` write them; returns each term's
    postings bytes and the term-table rows.  Payloads are encoded together; only deflating and
    framing are done block by block."""
    ids, freqs = ids.astype(np.int64), freqs.astype(np.int64)
    weights = freqs * boost
    counts = np.diff(bounds).astype(np.int64)
    nblocks = (counts + limit - 1) // limit
    block_term = np.repeat(np.arange(len(counts)), nblocks)
    block_rank = np.arange(len(block_term)) - np.repeat(np.cumsum(nblocks) - nblocks, nblocks)
    block_bounds = np.append(bounds[:-1].astype(np.int64)[block_term] + block_rank * limit, len(ids))
    payloads = _Payloads(ids, weights, freqs, deltas, block_bounds, length_bytes, lengths, 0)
    data = payloads.out.tobytes()
    starts, ends = payloads.starts.tolist(), (payloads.starts + payloads.sizes).tolist()
    columns = zip(payloads.counts.tolist(), payloads.bases.tolist(), payloads.lasts.tolist(),
                  payloads.min_bytes.tolist(), payloads.max_bytes.tolist(), payloads.max_weights.tolist(),
                  strict=True)
    terms: list[bytes] = []
    parts: list[bytes] = [MAGIC]
    block_levels = levels[block_term].tolist()
    last_blocks = (block_rank == nblocks[block_term] - 1).tolist()
    for i, (count, base, last_id, min_byte, max_byte, max_weight) in enumerate(columns):
        flags, payload = _deflated(data[starts[i]:ends[i]], block_levels[i])
        last = last_blocks[i]
        parts.append(_framed(flags, count, base, last_id, min_byte, max_byte, float(max_weight), payload,
                             last))
        if last:
            terms.append(b"".join(parts))
            parts = [MAGIC]
    firsts = bounds[:-1].astype(np.int64)
    min_bytes, max_bytes = _length_bytes_range(ids, firsts, length_bytes, lengths)
    return terms, _term_infos(ids, weights, bounds, min_bytes, max_bytes)


# -- reading ---------------------------------------------------------------------------------------


class Block:
    """One parsed block header: where its payload lies in the term's bytes, and its statistics."""

    __slots__ = ("flags", "count", "base", "max_id", "min_byte", "max_byte", "max_weight",
                 "payload_start", "end", "last")

    def __init__(self, data, pos: int) -> None:
        (size,) = BLOCK_LENGTH.unpack_from(data, pos)
        self.last = size < 0
        start = pos + BLOCK_LENGTH.size
        self.end = start + abs(size)
        (self.flags, self.count, self.base, self.max_id, self.min_byte,
         self.max_byte) = HEADER.unpack_from(data, start)
        start += HEADER.size
        weight = MAX_WEIGHT64 if self.flags & WEIGHT64 else MAX_WEIGHT32
        (self.max_weight,) = weight.unpack_from(data, start)
        self.payload_start = start + weight.size

    def payload(self, data) -> bytes:
        """The block's payload, inflated (by ISA-L where it is installed: a phrase inflates every
        block of its words whole; see :data:`search.whoosh_compat.inflate`)."""
        raw = data[self.payload_start:self.end]
        return inflate(raw) if self.flags & COMPRESSED else raw


def blocks(data) -> Iterator[Block]:
    """The blocks of one term's postings bytes (starting with :data:`MAGIC`)."""
    if bytes(data[:len(MAGIC)]) != MAGIC:
        raise ValueError("not Dateline postings")
    pos = len(MAGIC)
    while pos < len(data):
        block = Block(data, pos)
        yield block
        if block.last:
            return
        pos = block.end


class Decoded:
    """A block's payload as arrays: ids (int64), weights (float64 or None = all 1), and either
    position arrays (flat per-posting positions and counts) or raw encoded values."""

    __slots__ = ("ids", "weights", "positions", "counts", "deltas", "raw", "kind")

    def __init__(self, payload, count: int, base: int, *, want_positions: bool = True) -> None:
        codes, value_code = payload[0], payload[1]
        id_code, weight_code, kind = codes & 3, codes >> 2 & 3, codes >> 4 & 3
        pos = 2
        if id_code:
            size = _SIZES[id_code] * (count - 1)
            deltas = np.frombuffer(payload, _DTYPES[id_code], count - 1, pos)
            pos += size
            ids = np.empty(count, dtype=np.int64)
            ids[0] = base
            np.cumsum(deltas, out=ids[1:])
            ids[1:] += base
        else:
            ids = np.full(count, base, dtype=np.int64)
        self.ids = ids
        weights = None
        if weight_code == WEIGHTS_FLOAT:
            weights = np.frombuffer(payload, "<f4", count, pos).astype(np.float64)
            pos += 4 * count
        elif weight_code:
            weights = np.frombuffer(payload, _DTYPES[weight_code], count, pos).astype(np.float64)
            pos += _SIZES[weight_code] * count
        self.weights = weights
        self.positions = self.counts = self.deltas = self.raw = None
        if kind == VALUES_POSITIONS and want_positions:
            delta_code = value_code & 3
            if value_code & 0x80:
                counts = weights.astype(np.int64) if weights is not None else np.ones(count, dtype=np.int64)
            else:
                count_code = value_code >> 2 & 3
                counts = np.frombuffer(payload, _DTYPES[count_code], count, pos).astype(np.int64)
                pos += _SIZES[count_code] * count
            total = int(counts.sum())
            deltas = np.frombuffer(payload, _DTYPES[delta_code], total, pos).astype(np.int64)
            self.counts, self.deltas = counts, deltas
            self.positions = positions_from_deltas(deltas, counts)
        elif kind == VALUES_RAW:
            (number,) = np.frombuffer(payload, "<u4", 1, pos).tolist()
            lengths = np.frombuffer(payload, "<u4", number, pos + 4).tolist()
            start = pos + 4 + 4 * number
            ends = np.cumsum([start, *lengths]).tolist()
            data = bytes(payload)
            self.raw = [data[a:b] for a, b in zip(ends[:-1], ends[1:], strict=True)]
        self.kind = kind

    def encoded_values(self) -> list[bytes]:
        """The block's encoded values as W3 stores them (non-empty ones only), byte for byte:
        positions are re-encoded as Whoosh's ``Positions.encode`` writes them."""
        if self.kind == VALUES_RAW:
            return self.raw
        if self.kind != VALUES_POSITIONS:
            return []
        if self.deltas is None:
            raise ValueError("block decoded without its positions")
        bounds = np.cumsum(self.counts).tolist()
        deltas = self.deltas.tolist()
        return [pack_uint(hi - lo) + dumps(deltas[lo:hi], 2)
                for lo, hi in zip([0, *bounds[:-1]], bounds, strict=True)]


def positions_from_deltas(deltas: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Positions from per-posting deltas (each posting's first delta counts from 0), ``counts``
    being each posting's number of positions."""
    if len(deltas) == 0:
        return deltas
    total = np.cumsum(deltas)
    before = np.concatenate(([0], total))[np.cumsum(counts) - counts]
    return total - np.repeat(before, counts)


class TermArrays:
    """A whole term's postings: ids, weights (float64, when asked) and, when asked, positions as
    flat arrays with per-posting counts, or (when a block holds other values) encoded values.

    Positions are kept as the stored deltas (``deltas``) and summed into ``positions`` when first
    read: a phrase needs those of its candidate postings only (:class:`search.postings.PositionArrays`).
    """

    __slots__ = ("ids", "weights", "_positions", "deltas", "counts", "values")

    def __init__(self, ids, weights=None, positions=None, counts=None, values=None, deltas=None) -> None:
        self.ids, self.weights, self._positions = ids, weights, positions
        self.counts, self.values, self.deltas = counts, values, deltas

    @property
    def positions(self) -> np.ndarray | None:
        """Every posting's positions in turn (ascending within each posting), or None."""
        if self._positions is None and self.deltas is not None:
            self._positions = positions_from_deltas(self.deltas, self.counts)
        return self._positions


def term_arrays(data, *, weights: bool = False, positions: bool = False) -> TermArrays:
    """Decode all blocks of one term's postings bytes into arrays.

    Each block is inflated and sliced (``np.frombuffer`` views, no arithmetic); the document
    numbers, weights, counts and positions of all blocks are then computed in one numpy pass
    each over the whole term.  Decoding block by block (:class:`Decoded`) made ~15 numpy calls
    per 512-posting block: at 300k articles a phrase decoded ~460 blocks per query, and the
    per-call overhead was ~45 % of its CPU.  Without positions, a block is inflated only as far
    as its weights (:func:`_inflated_prefix`): positions are most of a payload's bytes.
    """
    ids, sizes, bases = [], [], []
    weight_parts, count_parts, delta_parts = [], [], []
    for block in blocks(data):
        count = block.count
        payload = block.payload(data) if positions else _inflated_prefix(data, block)
        codes = payload[0]
        id_code, weight_code, kind = codes & 3, codes >> 2 & 3, codes >> 4 & 3
        if positions and kind != VALUES_POSITIONS:
            return _blockwise_term_arrays(data, weights=weights, positions=positions)
        sizes.append(count)
        bases.append(block.base)
        # Each block's first number is its base: a 0 stands for it in the deltas (fixed below).
        ids.append(_ZERO)
        if id_code:
            ids.append(np.frombuffer(payload, _DTYPES[id_code], count - 1, 2))
        elif count > 1:
            ids.append(np.zeros(count - 1, dtype=np.uint8))
        pos = 2 + _SIZES[id_code] * (count - 1)
        if weight_code == WEIGHTS_FLOAT:
            block_weights = np.frombuffer(payload, "<f4", count, pos)
            pos += 4 * count
        elif weight_code:
            block_weights = np.frombuffer(payload, _DTYPES[weight_code], count, pos)
            pos += _SIZES[weight_code] * count
        else:
            block_weights = _ONES[:count]
        weight_parts.append(block_weights)
        if positions:
            value_code = payload[1]
            if value_code & 0x80:  # the weights are the counts
                count_parts.append(block_weights)
            else:
                count_code = value_code >> 2 & 3
                count_parts.append(np.frombuffer(payload, _DTYPES[count_code], count, pos))
                pos += _SIZES[count_code] * count
            # The position deltas run to the payload's end.
            dtype = _DTYPES[value_code & 3]
            delta_parts.append(np.frombuffer(payload, dtype, (len(payload) - pos) // dtype.itemsize, pos))
    found = TermArrays(_whole_ids(ids, sizes, bases))
    if weights:
        found.weights = (np.concatenate(weight_parts, dtype=np.float64) if weight_parts
                         else _EMPTY.astype(np.float64))
    if positions:
        # Counts stored as the weights are integral weights: cast as Decoded's ``astype`` does.
        counts = np.concatenate(count_parts, dtype=np.int64, casting="unsafe") if count_parts else _EMPTY
        deltas = np.concatenate(delta_parts, dtype=np.int64) if delta_parts else _EMPTY
        if len(deltas) != int(counts.sum()):  # not the layout the writer makes: read it as Decoded does
            return _blockwise_term_arrays(data, weights=weights, positions=positions)
        found.counts, found.deltas = counts, deltas
    return found


def _whole_ids(parts: list[np.ndarray], sizes: list[int], bases: list[int]) -> np.ndarray:
    """Document numbers of all blocks from their deltas (``parts``: per block a 0, then its
    deltas), the blocks' posting counts and base numbers: one cumulative sum over the term,
    then each block moved onto its base."""
    if not sizes:
        return _EMPTY
    total = np.cumsum(np.concatenate(parts, dtype=np.int64))
    if len(sizes) == 1:
        return total + bases[0]
    counts = np.asarray(sizes, dtype=np.int64)
    starts = np.cumsum(counts) - counts
    return total + np.repeat(np.asarray(bases, dtype=np.int64) - total[starts], counts)


def _inflated_prefix(data, block: Block):
    """The start of a block's payload, through its weights: inflating stops there.

    Positions are most of a payload (at 8x, ~5.7 of a block's ~7.2 KB) and deflate can stop
    at any output length: a term read without them inflated ~5x fewer bytes.  The two code
    bytes come first and give the widths of the ids and weights.
    """
    raw = data[block.payload_start:block.end]
    if not block.flags & COMPRESSED:
        return raw
    inflater = decompressobj()
    head = inflater.decompress(raw, 2)
    codes, count = head[0], block.count
    need = _SIZES[codes & 3] * (count - 1) + _SIZES[codes >> 2 & 3] * count  # WEIGHTS_FLOAT: 4 bytes
    # (A limit of 0 would mean no limit.)
    return head + inflater.decompress(inflater.unconsumed_tail, need) if need else head


def _blockwise_term_arrays(data, *, weights: bool = False, positions: bool = False) -> TermArrays:
    """:func:`term_arrays` block by block (:class:`Decoded`): terms whose blocks hold values other
    than positions, or positions in another layout."""
    decoded = [Decoded(block.payload(data), block.count, block.base, want_positions=positions)
               for block in blocks(data)]
    ids = decoded[0].ids if len(decoded) == 1 else np.concatenate([d.ids for d in decoded])
    found = TermArrays(ids)
    if weights:
        found.weights = np.concatenate([d.weights if d.weights is not None else np.ones(len(d.ids))
                                        for d in decoded]) if decoded else _EMPTY.astype(np.float64)
    if positions:
        if all(d.kind == VALUES_POSITIONS for d in decoded):
            found.deltas = np.concatenate([d.deltas for d in decoded]) if decoded else _EMPTY
            found.counts = np.concatenate([d.counts for d in decoded]) if decoded else _EMPTY
        else:
            found.values = list(chain.from_iterable(d.encoded_values() for d in decoded))
    return found


class DatelineLeafMatcher(W3LeafMatcher):
    """``W3LeafMatcher`` over Dateline blocks: the same block statistics, skipping and quality,
    and the same ids, weights and values (W3's types: a tuple of ids, an ``array("f")`` of
    weights, a tuple of encoded values)."""

    def _read_header(self) -> None:
        # The whole term at once (one slice of the map): blocks are then parsed from memory.
        self._bytes = self._postfile.get(self._startoffset, self._length)
        if self._bytes[:len(MAGIC)] != MAGIC:
            raise ValueError(f"no Dateline postings at offset {self._startoffset}")
        self._baseoffset = len(MAGIC)

    def _goto(self, position: int) -> None:
        self._data = self._ids = self._weights = self._values = None
        self._i = 0
        block = self._block = Block(self._bytes, position)
        self._lastblock = block.last
        self._nextoffset = block.end
        self._blocklength = block.count
        self._maxid = block.max_id
        self._maxweight = block.max_weight
        self._compression = block.flags & COMPRESSED
        self._minlength = byte_to_length(block.min_byte)
        self._maxlength = byte_to_length(block.max_byte)

    def _read_data(self) -> None:
        block = self._block
        self._data = Decoded(block.payload(self._bytes), block.count, block.base)

    def _read_ids(self) -> None:
        if self._data is None:
            self._read_data()
        self._ids = tuple(self._data.ids.tolist())

    def _read_weights(self) -> None:
        if self._data is None:
            self._read_data()
        weights = self._data.weights
        self._weights = array("f", [1.0] * self._blocklength if weights is None else weights.tolist())

    def _read_values(self) -> None:
        if self._data is None:
            self._read_data()
        values = self._data.encoded_values()
        fixed = self._fixedsize
        if fixed is None or fixed < 0:
            self._values = tuple(values)
        elif fixed == 0:
            self._values = (None,) * self._blocklength
        else:
            joined = b"".join(values)
            self._values = tuple(joined[i:i + fixed] for i in range(0, len(joined), fixed))

    def term_arrays(self, *, weights: bool = False, positions: bool = False) -> TermArrays:
        """All of the term's postings as arrays (:func:`term_arrays`), whatever block the matcher
        is at."""
        return term_arrays(self._bytes, weights=weights, positions=positions)

    @property
    def term_bytes(self) -> bytes:
        """The term's postings bytes (for a merge that copies blocks)."""
        return self._bytes


def values_to_store(fmt, values: list[bytes]) -> list[bytes]:
    """The values a block stores: none for formats of fixed size 0 (W3 drops them too)."""
    return [] if fmt.fixed_value_size() == 0 else values


class DatelinePostingsWriter(W3PostingsWriter):
    """``W3PostingsWriter`` writing Dateline blocks (Whoosh's own writers use it)."""

    def _write_block(self, last: bool = False) -> None:
        if not self._blockcount:
            self._postfile.write(MAGIC)
        self._terminfo.add_block(self)
        fmt = self._format
        self._postfile.write(block_bytes(
            list(self._ids), list(self._weights), values_to_store(fmt, self._values),
            type(fmt) is formats.Positions, self._minlength, self._maxlength, self._maxweight,
            self._compression, last))
        self._blockcount += 1
        self._new_block()


#: Postings per block.  W3's 128 serve Whoosh's block-max skipping; the engine reads whole terms
#: as arrays, and with 512 the 10k-article probe's postings decode took ~40 % less CPU per
#: query (fewer blocks to parse) and 7 % less space than with 128 (docs/performance.md).
BLOCK_LIMIT = 512


class DatelineCodec(W3Codec):
    """W3 with Dateline postings blocks (module docstring).  STABLE NAME: see there."""

    def __init__(self, blocklimit: int = BLOCK_LIMIT, compression: int = 3, inlinelimit: int = 1) -> None:
        if not 0 < blocklimit <= MAX_BLOCK:
            raise ValueError(f"block limit {blocklimit} out of range")
        super().__init__(blocklimit=blocklimit, compression=compression, inlinelimit=inlinelimit)

    def postings_writer(self, dbfile, byteids: bool = False):
        if byteids:  # term vectors: Whoosh reads them with W3LeafMatcher itself
            return super().postings_writer(dbfile, byteids=True)
        return DatelinePostingsWriter(dbfile, blocklimit=self._blocklimit, compression=self._compression,
                                      inlinelimit=self._inlinelimit)

    def per_document_writer(self, storage, segment):
        """Whoosh's per-document writer, its stored documents compressed with LZ4
        (:func:`~search.whoosh_compat.fast_stored_column`)."""
        writer = super().per_document_writer(storage, segment)
        fast_stored_column(writer)
        return writer

    def per_document_reader(self, storage, segment):
        """Whoosh's per-document reader, reading LZ4 and deflated stored documents alike."""
        return DatelinePerDocReader(storage, segment)

    def postings_reader(self, dbfile, terminfo, format_, term=None, scorer=None):
        if terminfo.is_inlined():
            return super().postings_reader(dbfile, terminfo, format_, term=term, scorer=scorer)
        offset, length = terminfo.extent()
        if isinstance(length, tuple):  # W3TermInfo.from_bytes keeps struct.unpack's 1-tuple
            (length,) = length
        return DatelineLeafMatcher(dbfile, offset, length, format_, term=term, scorer=scorer)


def is_dateline_codec(codec) -> bool:
    """Whether ``codec`` writes Dateline blocks."""
    return isinstance(codec, DatelineCodec)


def writes_dateline(fieldwriter) -> bool:
    """Whether a field writer writes Dateline postings the way :class:`DatelineTermWriter` writes
    them (Dateline codec, postings never inlined in the term table)."""
    from whoosh.codec.whoosh3 import W3FieldWriter

    codec = getattr(fieldwriter, "_codec", None)
    return (type(fieldwriter) is W3FieldWriter and type(codec) is DatelineCodec
            and codec._inlinelimit <= 1)


# -- writing whole terms ---------------------------------------------------------------------------


class TermStats:
    """A term's ``W3TermInfo`` statistics, accumulated block by block as W3 does."""

    def __init__(self) -> None:
        self.info = W3TermInfo()

    def add(self, weight_sum: float, count: int, min_length, max_length: int, max_weight: float,
            first_id: int, last_id: int) -> None:
        info = self.info
        info._weight += weight_sum
        info._df += count
        # W3TermInfo.add_block, with the same arithmetic in the same order; a block without field
        # lengths (None: an unscored field) leaves the minimum as it is (W3 would fail on it).
        if min_length is not None:
            info._minlength = min_length if info._minlength is None else min(info._minlength, min_length)
        info._maxlength = max(info._maxlength, max_length)
        info._maxweight = max(info._maxweight, max_weight)
        if info._minid is None:
            info._minid = first_id
        info._maxid = last_id


def copied_blocks(data, shift: int) -> list[bytes]:
    """The blocks of one term's Dateline postings bytes with their document numbers moved by
    ``shift``: only headers are rewritten, payloads are copied as they are (still deflated)."""
    view = memoryview(data)
    return [_framed(block.flags & COMPRESSED, block.count, block.base + shift, block.max_id + shift,
                    block.min_byte, block.max_byte, block.max_weight,
                    view[block.payload_start:block.end], False)
            for block in blocks(data)]


class DatelineTermWriter(TermOutput):
    """Writes whole terms into the current field of a Dateline field writer (after
    ``start_field``), as ``DatelinePostingsWriter`` would write them posting by posting, and
    merges terms whose blocks are copied from other segments."""

    def __init__(self, fieldwriter) -> None:
        super().__init__(fieldwriter)
        fmt = fieldwriter._format
        self._positions = type(fmt) is formats.Positions
        self._no_values = fmt.fixed_value_size() == 0
        #: Blocks copied without decoding (merges; tests check the fast path is taken).
        self.copied = 0

    def encoded_blocks(self, ids: list[int], weights: list[float], values: list[bytes],
                       lengths: list[int], compression: int, stats: TermStats) -> list[bytes]:
        """Blocks of one run of postings (document numbers ascending), statistics into ``stats``."""
        if self._no_values:
            values = []
        return self._blocks(ids, weights, lengths, compression, stats, lambda lo, hi, block_ids, stored: (
            encode_payload(block_ids, stored, values[lo:hi], self._positions)))

    def position_blocks(self, ids: list[int], freqs: list[int], deltas: list[int], boost: float,
                        lengths: list[int], compression: int, stats: TermStats) -> list[bytes]:
        """:meth:`encoded_blocks` of ``Positions`` postings given as arrays: document numbers,
        frequencies (the number of positions), the position deltas of every posting in turn
        (:func:`encode_positions_payload`); each posting's weight is its frequency times ``boost``,
        as Whoosh's ``Positions`` format weighs it.  The same bytes as ``encoded_blocks`` of the
        encoded values."""
        if not self._positions:
            raise TypeError("position_blocks writes fields of Whoosh's Positions format only")
        weights = freqs if boost == 1 else [freq * boost for freq in freqs]
        starts = [0, *accumulate(freqs)]  # each posting's first delta in ``deltas``
        return self._blocks(ids, weights, list(map(lengths.__getitem__, ids)), compression, stats,
                            lambda lo, hi, block_ids, stored: encode_positions_payload(
                                block_ids, stored, freqs[lo:hi], deltas[starts[lo]:starts[hi]]),
                            raw_maximum=False)

    def _blocks(self, ids: list[int], weights: list[float], lengths: list[int], compression: int,
                stats: TermStats, payload, *, raw_maximum: bool = True) -> list[bytes]:
        """Blocks of ``limit`` postings; ``payload(lo, hi, block_ids, stored_weights)`` encodes one.

        W3 keeps a block's weights as float32 (its sum adds those); the maximum weight is the raw
        one (``raw_maximum``) or, for arrays that held float32 weights already, the stored one.
        """
        parts = []
        for lo in range(0, len(ids), self.limit):
            hi = min(lo + self.limit, len(ids))
            block_ids = ids[lo:hi]
            stored = array("f", weights[lo:hi]).tolist()
            min_length, max_length, max_weight = block_statistics(
                lengths[lo:hi], weights[lo:hi] if raw_maximum else stored)
            parts.append(_block(payload(lo, hi, block_ids, stored), block_ids, min_length, max_length,
                                max_weight, compression, False))
            stats.add(sum(stored), len(block_ids), min_length, max_length, max_weight,
                      block_ids[0], block_ids[-1])
        return parts

    def copy_blocks(self, data, shift: int, terminfo, stats: TermStats) -> list[bytes]:
        """Blocks of a Dateline term from another segment, moved by ``shift`` (no decoding)."""
        parts = copied_blocks(data, shift)
        self.copied += len(parts)
        stats.add(terminfo.weight(), terminfo.doc_frequency(), terminfo.min_length(), terminfo.max_length(),
                  terminfo.max_weight(), terminfo.min_id() + shift, terminfo.max_id() + shift)
        return parts

    def position_terms(self, terms: list[bytes], ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray,
                       bounds: np.ndarray, few: np.ndarray, boost: float, lengths: list[int]) -> None:
        """Write consecutive terms of ``Positions`` postings given as arrays, all at once: the
        bytes :meth:`position_blocks` and :meth:`finish` write term by term.

        ``ids`` and ``freqs`` are the terms' postings in turn (term ``i``'s are
        ``bounds[i]:bounds[i + 1]``, at least one each), ``deltas`` every posting's position deltas
        in turn, ``boost`` the weight of one occurrence and ``lengths`` the field length of each
        document.  Terms marked in ``few`` are written uncompressed, the others at the writer's
        level.  Most terms of a segment have a posting or two, and writing each with a dozen Python
        calls (blocks, statistics, term-table row) was most of the flush: with small integer
        weights (an integral boost) they are encoded together (:meth:`_numpy_terms`); other
        weights take :meth:`position_blocks` term by term.
        """
        if boost == int(boost) >= 1 and int(freqs.max()) * int(boost) <= _MAX_INT_WEIGHT:
            self._numpy_terms(terms, ids, freqs, deltas, bounds, few, int(boost), lengths)
            return
        infos = np.zeros(len(terms), dtype=TERM_INFO)
        parts = self._each_term(range(len(terms)), ids, freqs, deltas, bounds, few, boost, lengths, infos)
        self._add_parts(terms, parts, infos)

    def valueless_terms(self, terms: list[bytes], ids: np.ndarray, weights: np.ndarray, bounds: np.ndarray,
                        few: np.ndarray, lengths: list[int]) -> None:
        """:meth:`position_terms` of postings without values (e.g. Whoosh's ``Existence`` format, or
        any format of fixed value size 0): the bytes :meth:`encoded_blocks` and :meth:`finish`
        write term by term, given each posting's weight (float32, as Whoosh's pool keeps them)."""
        ints = weights.astype(np.int64)
        if len(ints) and (ints == weights).all() and ints.min() >= 1 and ints.max() <= _MAX_INT_WEIGHT:
            self._numpy_terms(terms, ids, ints, None, bounds, few, 1, lengths)
            return
        id_list, weight_list, bound_list = ids.tolist(), weights.tolist(), bounds.tolist()
        for i, tbytes in enumerate(terms):
            lo, hi = bound_list[i], bound_list[i + 1]
            term_ids = id_list[lo:hi]
            stats = TermStats()
            term_lengths = list(map(lengths.__getitem__, term_ids))
            parts = self.encoded_blocks(term_ids, weight_list[lo:hi], [], term_lengths,
                                        0 if few[i] else self.compression, stats)
            self.finish(tbytes, parts, stats)

    def _numpy_terms(self, terms: list[bytes], ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray | None,
                     bounds: np.ndarray, few: np.ndarray, boost: int, lengths: list[int]) -> None:
        """:meth:`position_terms` (or, ``deltas`` None, :meth:`valueless_terms` with ``freqs`` the
        weights) of integer weights: the ``few`` terms that fit one block are encoded together as
        numpy arrays (:func:`few_postings_blocks`), and the others' payloads too, only deflated and
        framed block by block (:func:`many_postings_blocks`); then all postings bytes and
        term-table rows are written with one call each (:meth:`add_terms`)."""
        nterms = len(terms)
        fast = few & (np.diff(bounds) <= self.limit)
        infos = np.zeros(nterms, dtype=TERM_INFO)
        sizes = np.zeros(nterms, dtype=np.int64)
        length_arrays = self._length_arrays(lengths)
        fast_postings = None
        if fast.any():
            fast_postings, sizes[fast], infos[fast] = few_postings_blocks(
                *_terms_of(fast, ids, freqs, deltas, bounds), boost, *length_arrays)
        slow = np.flatnonzero(~fast)
        if not len(slow):
            self.add_terms(terms, fast_postings, sizes, infos)
            return
        levels = np.where(few[slow], 0, self.compression)
        slow_parts, infos[slow] = many_postings_blocks(*_terms_of(~fast, ids, freqs, deltas, bounds), boost,
                                                       *length_arrays, self.limit, levels)
        sizes[slow] = np.fromiter(map(len, slow_parts), dtype=np.int64, count=len(slow_parts))
        postings = np.empty(int(sizes.sum()), dtype=np.uint8)
        starts = np.cumsum(sizes) - sizes
        if fast_postings is not None:
            postings[spans(starts[fast], sizes[fast])] = fast_postings
        postings[spans(starts[slow], sizes[slow])] = np.frombuffer(b"".join(slow_parts), dtype=np.uint8)
        self.add_terms(terms, postings, sizes, infos)

    def _add_parts(self, terms: list[bytes], parts: list[bytes], infos: np.ndarray) -> None:
        """:meth:`add_terms` of each term's postings bytes."""
        sizes = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts))
        self.add_terms(terms, np.frombuffer(b"".join(parts), dtype=np.uint8), sizes, infos)

    def _each_term(self, slow: Iterable[int], ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray,
                   bounds: np.ndarray, few: np.ndarray, boost: float, lengths: list[int],
                   infos: np.ndarray) -> list[bytes]:
        """The postings bytes of terms ``slow`` of a :meth:`position_terms` batch, one term at a
        time (:meth:`position_blocks`); their term-table rows into ``infos``."""
        id_list, freq_list, bound_list = ids.tolist(), freqs.tolist(), bounds.tolist()
        word_bounds = np.concatenate(([0], np.cumsum(freqs))).tolist()
        found = []
        for i in slow:
            lo, hi = bound_list[i], bound_list[i + 1]
            stats = TermStats()
            parts = self.position_blocks(id_list[lo:hi], freq_list[lo:hi],
                                         deltas[word_bounds[lo]:word_bounds[hi]].tolist(), boost, lengths,
                                         0 if few[i] else self.compression, stats)
            found.append(_term_bytes(parts))
            infos[i] = term_info_record(stats.info)
        return found

    def _length_arrays(self, lengths: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """(``length_to_byte`` of each document's field length, the lengths) as arrays, kept for
        the field's next batch."""
        cached = getattr(self, "_lengths_cache", None)
        if cached is None or cached[0] is not lengths:
            array_lengths = np.array(lengths, dtype=np.int64)
            found = (length_bytes(array_lengths), array_lengths)
            cached = self._lengths_cache = (lengths, found)
        return cached[1]

    def write(self, tbytes: bytes, ids: list[int], weights: list[float], values: list[bytes],
              lengths: list[int], compression: int) -> None:
        """Write one term (as ``TermWriter.write``)."""
        stats = TermStats()
        self.finish(tbytes, self.encoded_blocks(ids, weights, values, lengths, compression, stats), stats)

    def finish(self, tbytes: bytes, parts: list[bytes], stats: TermStats) -> None:
        """Write a term's blocks (the last one marked) and its term-table row."""
        self.add_term(tbytes, _term_bytes(parts), stats.info)


def _terms_of(keep: np.ndarray, ids: np.ndarray, freqs: np.ndarray, deltas: np.ndarray | None,
              bounds: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray | None, np.ndarray]:
    """(ids, freqs, deltas, bounds) of the terms ``keep`` marks, of a batch as
    :meth:`DatelineTermWriter.position_terms` takes it."""
    postings = np.repeat(keep, np.diff(bounds))
    return (ids[postings], freqs[postings], None if deltas is None else deltas[np.repeat(postings, freqs)],
            np.concatenate(([0], np.cumsum(np.diff(bounds)[keep]))))


def _term_bytes(parts: list[bytes]) -> bytes:
    """A term's postings bytes: the magic and its blocks, the last one marked (negative length)."""
    last = parts[-1]
    (size,) = BLOCK_LENGTH.unpack_from(last, 0)
    parts[-1] = BLOCK_LENGTH.pack(-abs(size)) + last[BLOCK_LENGTH.size:]
    return b"".join((MAGIC, *parts))
