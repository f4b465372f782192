"""Every private Whoosh name Dateline reads or writes, in one place (whoosh-reloaded 2.7.5, pinned).

Dateline's fast paths read postings blocks as arrays, write them a term at a time, merge segments
term by term, unmap merged pages and commit a table of contents it chose itself.  Each needs an
attribute or method Whoosh does not publish.  They are all here, each behind a small function
with the public meaning, so an upgrade of Whoosh has one file to check, and
``tests/test_search_whoosh_compat.py`` fails loudly (on a real index) when a name moves rather
than letting a fast path silently fall back or write a wrong file.

Subclasses that override Whoosh's own private methods (``index.segments.FastSegmentWriter``,
``index.zerocopy``'s read-in-place files, ``index.storage.DurableFileStorage``) stay with their
classes; they are listed in the test too.
"""

from __future__ import annotations

import mmap
from array import array
from collections.abc import Callable, Iterator

import numpy as np

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


def uses_w3_terms(reader) -> bool:
    """Whether a segment reader's terms are in Whoosh's W3 codec (the only one merged term by term)."""
    from whoosh.codec.whoosh3 import W3TermsReader

    return type(getattr(reader, "_terms", None)) is W3TermsReader


def segment_terms(reader, fieldname: str) -> Iterator[tuple[tuple[str, bytes], object]]:
    """((field, term bytes), term info) of a W3 segment from the first term of ``fieldname`` on."""
    return reader._terms.items_from(fieldname, b"")


def raw_blocks(reader, terminfo, fmt) -> Iterator[tuple[array, object, tuple | None, int]]:
    """The stored blocks of one term's postings in a W3 segment: (document number deltas, weights
    (None, one float for the block, or an array), encoded values, postings in the block)."""
    from whoosh.codec.whoosh3 import W3LeafMatcher

    offset, length = terminfo.extent()
    matcher = W3LeafMatcher(reader._terms._postfile, offset, length, fmt)
    while matcher.is_active():
        matcher._read_data()
        ids, weights, vals = matcher._data
        yield ids, weights, vals, matcher._blocklength
        matcher._next_block()


def compound_mmap(reader) -> mmap.mmap | None:
    """The memory map of a segment's compound file, when the reader reads one through a map."""
    storage = getattr(reader, "_storage", None)  # an OverlayStorage over the compound file
    mapped = getattr(getattr(storage, "a", storage), "_source", None)
    return mapped if isinstance(mapped, mmap.mmap) else None


# -- writing postings ----------------------------------------------------------------------------


def writes_w3(fieldwriter) -> bool:
    """Whether a field writer writes W3 postings (the format :class:`BlockWriter` fills)."""
    from whoosh.codec.whoosh3 import W3FieldWriter, W3PostingsWriter

    return (type(fieldwriter) is W3FieldWriter
            and type(fieldwriter._codec.postings_writer(None)) is W3PostingsWriter)


class BlockWriter:
    """Fills the current term's blocks of a W3 postings writer directly, a whole block at a time
    (what ``W3PostingsWriter.add_posting`` builds one posting at a time)."""

    def __init__(self, fieldwriter) -> None:
        self._writer = fieldwriter._postwriter
        #: Postings per block, and the writer's compression level.
        self.limit: int = self._writer._blocklimit
        self.compression: int = self._writer._compression

    def set_compression(self, level: int) -> None:
        """Compression of the blocks of the current term (readers honour each block's level)."""
        self._writer._compression = level

    def next_block(self) -> None:
        """Write the block filled so far and start an empty one."""
        self._writer._write_block()

    def fill(self, ids: array, weights: array, values: list, max_weight: float, min_length: int | None,
             max_length: int) -> None:
        """Set the current block's postings and statistics."""
        writer = self._writer
        writer._ids = ids
        writer._weights = weights
        writer._values = values
        writer._maxweight = max_weight
        writer._minlength = min_length
        writer._maxlength = max_length


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
