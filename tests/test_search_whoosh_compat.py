"""Whoosh's private names, checked on a real index: if an upgrade moves one, these fail here,
loudly, instead of a fast path falling back or a segment being written wrong.

Every function of :mod:`search.whoosh_compat` is compared with Whoosh's own public way of
getting the same thing; the private methods Dateline's subclasses override must still exist in
the classes they override.
"""

from __future__ import annotations

import mmap
from pathlib import Path

import numpy as np
import pytest
from whoosh import scoring
from whoosh.analysis import StemFilter
from whoosh.codec.whoosh3 import W3LeafMatcher, W3PostingsWriter
from whoosh.filedb.filestore import FileStorage, RamStorage
from whoosh.filedb.filetables import OrderedHashWriter
from whoosh.filedb.structfile import BufferFile
from whoosh.writing import PostingPool, SegmentWriter

from index.storage import open_index
from search import schema as S
from search import whoosh_compat as C

#: More postings than one W3 block holds (128), so terms span several blocks.
ARTICLES = 300


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    from index.storage import create_index

    folder = tmp_path_factory.mktemp("compat")
    ix = create_index(folder)
    writer = ix.writer()
    for n in range(ARTICLES):
        body = "Idlib talks resumed" + (" in Sochi" if n % 3 == 0 else "") + f" report{n}"
        writer.add_document(**{S.ID: f"a{n:03d}", S.TITLE: "Talks", S.BODY: body})
    writer.commit()
    return folder


def _leaf(searcher):
    (leaf, _offset), = searcher.reader().leaf_readers() if hasattr(searcher.reader(), "leaf_readers") \
        else [(searcher.reader(), 0)]
    return leaf


def test_leaf_blocks_read_what_the_public_matcher_reads(index_dir):
    with open_index(index_dir).searcher() as searcher:
        leaf = _leaf(searcher)
        expected_ids = list(leaf.postings(S.BODY, "idlib").all_ids())
        blocks = list(C.leaf_blocks(leaf.postings(S.BODY, "idlib"), weights=True, values=True))
        assert len(blocks) >= 3  # several blocks: the block-to-block step is exercised
        assert np.concatenate([ids for ids, _w, _v in blocks]).tolist() == expected_ids
        assert sum(len(v) for _i, _w, v in blocks) == ARTICLES
        assert all(len(w) == len(ids) for ids, w, _v in blocks)


def test_positions_of_a_real_index_take_the_spliced_fast_path(index_dir):
    """Phrases decode a word's positions with one ``pickle.loads`` over Whoosh's spliced
    per-posting pickles; if Whoosh's ``Positions`` encoding changed shape, this fails instead of
    every phrase silently decoding one posting at a time."""
    with open_index(index_dir).searcher() as searcher:
        leaf = _leaf(searcher)
        fmt = searcher.schema[S.BODY].format
        values = [v for _i, _w, block in C.leaf_blocks(leaf.postings(S.BODY, "talk"), values=True)
                  for v in block]
        assert len(values) == ARTICLES
        assert C.spliced_position_lists(values) is not None, "the spliced fast path was not taken"
        flat, counts = C.decode_positions(values, fmt)
        expected = [list(fmt.decode_positions(v)) for v in values]
        assert counts.tolist() == [len(x) for x in expected]
        assert flat.tolist() == [p for x in expected for p in x]


def test_merge_reads_terms_and_raw_blocks_of_a_segment(index_dir):
    with open_index(index_dir).searcher() as searcher:
        leaf = _leaf(searcher)
        assert C.uses_w3_terms(leaf)
        terms = []
        for (name, tbytes), _info in C.segment_terms(leaf, S.BODY):
            if name != S.BODY:
                break
            terms.append(tbytes)
        assert terms == sorted(leaf.lexicon(S.BODY))
        info = leaf.term_info(S.BODY, "sochi")
        fmt = searcher.schema[S.BODY].format
        deltas = [np.cumsum(np.asarray(ids, dtype=np.int64)) for ids, _w, _v, _n in
                  C.raw_blocks(leaf, info, fmt)]
        assert np.concatenate(deltas).tolist() == list(leaf.postings(S.BODY, "sochi").all_ids())
        # Several blocks, the values and weights of each as the public matcher reads them.
        blocks = list(C.raw_blocks(leaf, leaf.term_info(S.BODY, "idlib"), fmt))
        assert len(blocks) == 3 and [n for *_rest, n in blocks] == [128, 128, ARTICLES - 256]
        matcher = leaf.postings(S.BODY, "idlib")
        expected = []
        while matcher.is_active():
            expected.append((matcher.weight(), matcher.value()))
            matcher.next()
        raw = [(1.0 if w is None else w if isinstance(w, float) else w[i], v[i])
               for _ids, w, v, n in blocks for i in range(n)]
        assert raw == expected


def test_compound_segments_are_memory_mapped(index_dir):
    with open_index(index_dir, memory_map=True).searcher() as searcher:
        mapped = C.compound_mmap(_leaf(searcher))
        assert isinstance(mapped, mmap.mmap)


def test_stored_documents_of_an_unmapped_index_are_read_with_pread(index_dir, monkeypatch):
    searcher = open_index(index_dir, memory_map=False).searcher()
    column = C._segment_stored(_leaf(searcher))
    dbfile = _leaf(searcher)._perdoc._cached_reader("_stored", None)._child._dbfile
    preads = []
    real_pread = C.os.pread
    monkeypatch.setattr(C.os, "pread", lambda *args: preads.append(args) or real_pread(*args))
    for docnum in (0, 1, ARTICLES - 1):
        at, length = column.base + column.offsets[docnum], column.lengths[docnum]
        assert column.get(at, length) == dbfile.get(at, length)
    assert len(preads) == 3  # one pread a document: the fast path was taken
    searcher.close()
    with pytest.raises(ValueError):
        column.get(column.base, 1)


def test_searcher_folder_weighting_and_stemmer(index_dir):
    with open_index(index_dir).searcher() as searcher:
        assert Path(C.searcher_folder(searcher)) == index_dir
        assert C.bm25_parameters(scoring.BM25F(), S.BODY) == (0.75, 1.2)
        assert C.bm25_parameters(scoring.BM25F(body_B=0.5), S.BODY) == (0.5, 1.2)
    stem = StemFilter()
    assert C.stem_function(stem)("negotiations") == next(iter(stem.__call__(_tokens("negotiations")))).text


def _tokens(word):
    from whoosh.analysis import RegexTokenizer

    return RegexTokenizer()(word)


def _field_files(write_terms) -> dict[str, bytes]:
    """The files of one W3 field writer (postings and term table) after ``write_terms(fieldwriter)``
    wrote the body field's terms."""
    from whoosh.codec.whoosh3 import W3Codec
    from whoosh.filedb.filestore import RamStorage

    from search.schema import build_schema

    storage = RamStorage()
    codec = W3Codec()
    segment = codec.new_segment(storage, "MAIN")
    fieldwriter = codec.field_writer(storage, segment)
    assert C.writes_w3(fieldwriter)
    schema = build_schema()
    fieldwriter.start_field(S.BODY, schema[S.BODY])
    write_terms(fieldwriter)
    fieldwriter.finish_field()
    fieldwriter.close()
    # Files are named <index>_<random segment id>.<ext>: keyed by extension.
    return {name.split(".", 1)[1]: bytes(storage.files[name]) for name in storage.list()}


#: (term, postings): (document number, weight, encoded value, field length) each.  Blocks of 128:
#: weights all 1.0, all equal, or mixed; field lengths zero in some documents, in all of a block.
TERMS = [
    (b"alpha", [(d, 1.0 if d < 200 else 2.0 if d < 260 else float(d % 5 + 1), f"v{d}".encode(),
                 0 if d % 7 == 0 else d % 300) for d in range(0, 600, 2)]),
    (b"beta", [(d, 0.5, b"", 0) for d in range(3, 140)]),
    (b"gamma", [(5, 3.0, b"x", 40)]),
]


def test_term_writer_writes_what_whooshs_postings_writer_writes():
    def whoosh(fieldwriter):
        for tbytes, postings in TERMS:
            fieldwriter.start_term(tbytes)
            for docnum, weight, value, length in postings:
                fieldwriter.add(docnum, weight, value, length)
            fieldwriter.finish_term()

    def dateline(fieldwriter):
        writer = C.TermWriter(fieldwriter)
        assert writer.limit == 128 and writer.compression == 3
        assert type(fieldwriter._tindex) is C.FastOrderedHashWriter  # the one-write hash tables
        for tbytes, postings in TERMS:
            docnums, weights, values, lengths = (list(column) for column in zip(*postings, strict=True))
            writer.write(tbytes, docnums, weights, [v for v in values if v], lengths, writer.compression)

    reference = _field_files(whoosh)
    assert set(reference) == {"pst", "trm"} and all(reference.values())
    assert _field_files(dateline) == reference


def test_commit_segments_on_a_real_writer(tmp_path):
    from index.storage import create_index

    ix = create_index(tmp_path / "ix")
    writer = SegmentWriter(ix)
    writer.add_document(**{S.ID: "x", S.TITLE: "One", S.BODY: "one document"})
    assert C.writes_w3(writer.fieldwriter)
    C.commit_segments(writer, [])
    with ix.searcher() as searcher:
        assert searcher.doc_count() == 1


@pytest.mark.parametrize("cls, names", [
    (SegmentWriter, ["_flush_segment", "_close_segment", "_finalize_segment", "_commit_toc", "_finish",
                     "_added", "write_per_doc"]),
    (PostingPool, ["_write_run", "_read_run"]),
    (FileStorage, ["create_file", "rename_file", "delete_file"]),
    (BufferFile, ["__init__"]),
    # search.whoosh_codec's subclasses of W3's postings reader and writer.
    (W3LeafMatcher, ["_read_header", "_goto", "_read_data", "_read_ids", "_read_weights", "_read_values",
                     "_next_block", "reset"]),
    (W3PostingsWriter, ["_write_block", "_new_block", "add_posting", "finish_postings"]),
    # search.whoosh_compat.FastOrderedHashWriter (the term table's hash tables in one write).
    (OrderedHashWriter, ["_write_hashes", "_write_directory", "_write_extras"]),
])
def test_the_private_methods_dateline_overrides_still_exist(cls, names, index_dir):
    instance_only = {"_added"}
    for name in names:
        if name in instance_only:
            writer = SegmentWriter(open_index(index_dir))
            assert hasattr(writer, name)
            writer.cancel()
        else:
            assert callable(getattr(cls, name, None)), f"{cls.__name__}.{name} is gone"


def test_stored_fields_read_directly_are_whooshs_dicts(index_dir):
    import zlib

    from isal import isal_zlib

    assert C.inflate is isal_zlib.decompress  # a dependency: its absence here is an install fault
    assert C.inflate is not zlib.decompress
    with open_index(index_dir).searcher() as searcher:
        direct = C.StoredFields.of(searcher.reader())
        assert direct is not None  # no silent fallback to Whoosh's reader
        assert len(direct.segments) == len(list(searcher.reader().leaf_readers())) == 1
        for docnum in range(searcher.doc_count_all()):
            assert C.stored_fields(searcher, docnum) == searcher.stored_fields(docnum)
        assert C.stored_fields(searcher, 7)[S.ID] == "a007"


def test_stored_fields_of_several_segments_empty_ones_and_filtered_names(tmp_path):
    from whoosh import fields
    from whoosh.index import create_in

    schema = fields.Schema(key=fields.ID(stored=True), text=fields.TEXT(stored=False),
                           dyn_note=fields.STORED)
    ix = create_in(str(tmp_path), schema)
    for batch in (["x1", None, "x3"], ["y1", "y2"]):  # two segments (no merge)
        writer = ix.writer()
        for key in batch:
            writer.add_document(**({"key": key} if key else {}), text="words only")
        writer.commit(merge=False)
    with ix.searcher() as searcher:
        assert len(list(searcher.reader().leaf_readers())) == 2
        assert len(C.StoredFields.of(searcher.reader()).segments) == 2
        got = [C.stored_fields(searcher, docnum) for docnum in range(5)]
        assert got == [searcher.stored_fields(docnum) for docnum in range(5)]
        assert got == [{"key": "x1"}, {}, {"key": "x3"}, {"key": "y1"}, {"key": "y2"}]
        # A stored name the schema no longer has is dropped, as Whoosh's reader drops it.
        searcher.schema.remove("key")
        assert C.StoredFields.of(searcher.reader())(0) == searcher.stored_fields(0) == {}


def test_stored_fields_fall_back_to_whoosh_and_keep_no_reader_alive(index_dir, monkeypatch):
    import gc
    import weakref

    def read_and_drop() -> weakref.ref:
        searcher = open_index(index_dir).searcher()
        reader = searcher.reader()
        assert C.stored_fields(searcher, 3) == searcher.stored_fields(3)
        assert C.stored_fields(searcher, 3)[S.ID] == "a003"
        gone = weakref.ref(reader)
        searcher.close()
        return gone

    direct = read_and_drop()
    # A segment stored any other way: every document is read through Whoosh's own reader.
    monkeypatch.setattr(C, "_segment_stored", lambda segment: None)
    with open_index(index_dir).searcher() as searcher:
        assert C.StoredFields.of(searcher.reader()) is None
    fallback = read_and_drop()
    gc.collect()
    # What is kept per reader (a direct reader, or None for Whoosh's) holds no reference to it.
    assert direct() is None and fallback() is None


def _hash_table(add, fast: bool = False) -> tuple[bytes, list, list, bytes]:
    """An OrderedHashWriter's file bytes (closed), and its buckets, index and last key, after
    ``add(writer)`` added rows (after a 70 KB first row, so positions outgrow the 16-bit index);
    ``fast``: made a FastOrderedHashWriter first."""
    storage = RamStorage()
    writer = OrderedHashWriter(storage.create_file("t"))
    if fast:
        C.fast_hash_tables(writer)
        assert type(writer) is C.FastOrderedHashWriter
    writer.add(b"\x00", b"v" * 70_000)
    add(writer)
    state = ([list(bucket) for bucket in writer.buckets], list(writer.index), writer.index.typecode,
             writer.lastkey)
    writer.close()
    return bytes(storage.files["t"]), *state


def test_add_rows_writes_what_ordered_hash_writer_add_writes():
    """Rows added at once (term-table rows of a batch of terms) give the same file, hash buckets,
    ordered index (widened past 65,535 as Whoosh widens it) and last key as one add per row."""
    keys = sorted({bytes([1]) + f"k{n * 7919 % 10_007}".encode() for n in range(3000)})
    infos = np.zeros(len(keys), dtype=C.TERM_INFO)
    infos["df"] = np.arange(len(keys))
    infos["weight"] = np.arange(len(keys)) * 1.5
    values = [infos[i:i + 1].tobytes() for i in range(len(keys))]

    def one_by_one(writer):
        for key, value in zip(keys, values, strict=True):
            writer.add(key, value)

    def at_once(writer):
        C.add_rows(writer, keys[:1000], infos[:1000])
        C.add_rows(writer, keys[1000:], infos[1000:])

    reference = _hash_table(one_by_one)
    assert reference[3] == "i"  # the index was widened from "H"
    assert _hash_table(at_once) == reference
    # The hash tables written with one call: the same file (3,000 rows: slots collide).
    assert _hash_table(at_once, fast=True) == reference
    assert _hash_table(lambda writer: None, fast=True) == _hash_table(lambda writer: None)
    with pytest.raises(ValueError):
        _hash_table(lambda writer: C.add_rows(writer, [b"\x00"], infos[:1]))


def test_term_info_records_are_w3_term_info_bytes():
    """TERM_INFO records (term_info_record) are the bytes W3TermInfo.to_bytes writes."""
    from whoosh.codec.whoosh3 import W3TermInfo

    infos = []
    for minlength, maxlength, minid in ((None, 0, None), (3, 7, 5), (1, 200_000, 0)):
        info = W3TermInfo()
        info._weight, info._df, info._maxweight = 12.5, 9, 3.25
        info._minlength, info._maxlength, info._minid, info._maxid = minlength, maxlength, minid, 77
        info.set_extent(123_456_789_012, 4321)
        infos.append(info)
    records = np.array([C.term_info_record(info) for info in infos], dtype=C.TERM_INFO)
    records["offset"], records["length"] = 123_456_789_012, 4321
    assert records.tobytes() == b"".join(info.to_bytes() for info in infos)


def test_field_lengths_read_what_doc_field_length_reads(tmp_path):
    from index.storage import create_index

    ix = create_index(tmp_path / "lengths")
    writer = ix.writer()
    # zero lengths, a long body, trailing zeros (never written to the column)
    bodies = ["", "one", "a b c d e f", "report " * 5000, "", "two words", ""]
    for n, body in enumerate(bodies):
        writer.add_document(**{S.ID: f"d{n}", S.BODY: body, S.TITLE: "Title" if n == 3 else ""})
    writer.commit()
    with ix.searcher() as searcher:
        perdoc = searcher.reader()._perdoc
        count = len(bodies)
        for fieldname in (S.BODY, S.TITLE, S.SPEAKER):  # the speaker field has no length column
            expected = [perdoc.doc_field_length(d, fieldname) or 0 for d in range(count)]
            assert C.field_lengths(perdoc, fieldname, count) == expected
        assert C.field_lengths(perdoc, S.BODY, count)[3] == perdoc.doc_field_length(3, S.BODY) > 4000
        assert C.field_lengths(object(), S.BODY, count) is None  # another reader: ask it per document

def _one_segment_index(folder: Path, writer_class) -> Path:
    from index.storage import create_index

    ix = create_index(folder)
    writer = writer_class(ix)
    for n in range(ARTICLES):
        body = "Idlib talks resumed" + (" in Sochi" if n % 3 == 0 else "") + f" report{n}"
        writer.add_document(**{S.ID: f"a{n:03d}", S.TITLE: f"Talks {n % 7}", S.BODY: body})
    writer.commit()
    return folder


@pytest.mark.parametrize("chunk", [7, 1 << 15])
def test_term_table_reads_each_fields_terms_as_whoosh_does(tmp_path, monkeypatch, chunk):
    """A Dateline segment's term table, field by field (its rows checked and parsed in chunks):
    every field's terms in Whoosh's order, with the term infos Whoosh reads."""
    from index.segments import FastSegmentWriter

    monkeypatch.setattr(C.TermTable, "CHUNK", chunk)
    folder = _one_segment_index(tmp_path / "ix", FastSegmentWriter)
    with open_index(folder).reader() as reader:
        table = C.term_table(reader)
        assert set(table.fields) == {S.ID, S.TITLE, S.BODY}
        for name in table.fields:
            keys, infos = table.rows(name)
            assert keys == sorted(reader.lexicon(name)) and len(keys) == len(infos)
            expected = [reader.term_info(name, key) for key in keys]
            assert infos["df"].tolist() == [info.doc_frequency() for info in expected]
            assert infos["weight"].tolist() == [info.weight() for info in expected]
            assert [(int(row["offset"]), int(row["length"])) for row in infos] == [
                (info.extent()[0], int(np.ravel(info.extent()[1])[0])) for info in expected]



def test_dateline_segments_store_documents_as_lz4_and_read_deflated_ones(tmp_path, monkeypatch):
    """A Dateline segment's stored documents are LZ4 blocks (counted: fails if the fast path
    silently stops being taken); segments deflated by Whoosh, or by Dateline before LZ4, read as
    before, through Whoosh's reader and the direct one; a merge copies all of them in bulk."""
    import zlib

    from isal import isal_zlib
    from whoosh.codec.whoosh3 import W3Codec

    from index.segments import FastSegmentWriter
    from index.storage import create_index

    compressed = []
    monkeypatch.setattr(C, "stored_compress",
                        lambda data, level=0: compressed.append(data) or C._LZ4_MARK + C.lz4_compress(data))
    ix = create_index(tmp_path)
    docs = [{S.ID: f"d{n}", S.TITLE: f"Talks {n}", S.BODY: "Idlib talks resumed in Sochi " * (n + 1),
             S.URL: f"https://example.com/{n}"} for n in range(12)]
    # LZ4 (Dateline now), zlib (Whoosh's codec), ISA-L deflate in a Dateline segment (before LZ4).
    for part, codec, deflate in ((docs[:4], None, None), (docs[4:8], W3Codec(), None),
                                 (docs[8:], None, isal_zlib.compress)):
        writer = FastSegmentWriter(ix, **({"codec": codec} if codec else {}))
        column = writer.perdocwriter._colwriters["_stored"]._child
        assert column._compress is (zlib.compress if codec else C.stored_compress)
        if deflate:
            column._compress = deflate
        for doc in part:
            writer.add_document(**doc)
        writer.commit()
    assert len(compressed) == 4
    with ix.searcher() as searcher:
        leaves = [leaf for leaf, _offset in searcher.reader().leaf_readers()]
        firsts = [C._segment_stored(leaf).get(C._segment_stored(leaf).base, 1) for leaf in leaves]
        assert [first[0] == C.LZ4_STORED for first in firsts] == [True, False, False]
        found = {fields[S.ID]: fields for fields in (searcher.stored_fields(d) for d in range(12))}
        assert [C.stored_fields(searcher, d) for d in range(12)] == [*map(searcher.stored_fields, range(12))]
    assert found == {doc[S.ID]: doc for doc in docs}
    merger = FastSegmentWriter(ix)
    merger.commit(optimize=True)  # LZ4 and deflated documents copied into one Dateline column
    assert merger.copied_documents == 12
    with ix.searcher() as searcher:
        assert len(list(searcher.reader().leaf_readers())) == 1
        assert {searcher.stored_fields(d)[S.ID]: searcher.stored_fields(d) for d in range(12)} == found
        assert [C.stored_fields(searcher, d) for d in range(12)] == [*map(searcher.stored_fields, range(12))]
    # Into Whoosh's own zlib column a Dateline segment's documents are re-encoded, never copied.
    whoosh_merger = FastSegmentWriter(ix, codec=W3Codec())
    whoosh_merger.commit(optimize=True)
    assert whoosh_merger.copied_documents == 0
    with ix.searcher() as searcher:
        assert {searcher.stored_fields(d)[S.ID]: searcher.stored_fields(d) for d in range(12)} == found


def test_stored_compress_is_lz4_marked_apart_from_every_zlib_stream():
    import zlib

    from isal import isal_zlib

    pickle_bytes = b"\x80\x05" + b"Idlib memorandum " * 400
    packed = C.stored_compress(pickle_bytes, 3)
    assert packed[0] == C.LZ4_STORED and len(packed) < len(pickle_bytes) // 4
    assert C.stored_decompress(packed) == C.stored_decompress(memoryview(packed)) == pickle_bytes
    for deflated in (zlib.compress(pickle_bytes, level) for level in range(10)):
        assert deflated[0] & 0x0F == 8 != C.LZ4_STORED  # zlib's method nibble: deflate
        assert C.stored_decompress(deflated) == pickle_bytes
    assert C.stored_decompress(isal_zlib.compress(pickle_bytes, 1)) == pickle_bytes


def test_fast_stored_column_leaves_other_layouts_alone():
    class Other:
        _colwriters = {"_stored": object()}

    other = Other()
    assert not C.fast_stored_column(other) and not C.fast_stored_column(object())
    assert type(other._colwriters["_stored"]) is object


def _two_segment_index(folder: Path) -> Path:
    """An unmapped-readable Dateline index of two segments (no merge), 40 articles each."""
    from index.storage import create_index

    ix = create_index(folder)
    for batch in range(2):
        writer = ix.writer()
        for n in range(40):
            body = f"Idlib talks batch{batch} word{n}" + (" Sochi memorandum" if n % 4 == 0 else "")
            writer.add_document(**{S.ID: f"b{batch}-{n:02d}", S.TITLE: "Talks", S.BODY: body})
        writer.commit(merge=False)
    return folder


def _term_answers(searcher) -> list:
    """What a search asks a term table: statistics, postings, and the words of a field in order."""
    reader = searcher.reader()
    answers = [(reader.doc_frequency(S.BODY, w), reader.frequency(S.BODY, w),
                list(searcher.postings(S.BODY, w).all_ids()))
               for w in ("idlib", "sochi", "memorandum", "batch1", "word7")]
    answers.append(list(reader.lexicon(S.BODY)))
    answers.append((S.BODY, "nowhere") in reader)
    return answers


def test_resident_terms_keep_each_segments_table_in_memory_once(tmp_path):
    from whoosh.codec.whoosh3 import W3TermsReader

    folder = _two_segment_index(tmp_path)
    ix = open_index(folder, memory_map=False)
    first, second = ix.searcher(), ix.searcher()  # two request threads: readers of their own
    before = _term_answers(first)
    leaves = [leaf for leaf, _offset in first.reader().leaf_readers()]
    assert len(leaves) == 2 and all(type(leaf._terms) is W3TermsReader for leaf in leaves)
    sizes = [leaf._terms._dbfile.file._length for leaf in leaves]

    assert C.resident_terms(first.reader()) == sum(sizes) > 0  # the fast path was taken
    for leaf in leaves:  # both names the terms reader reads through now point at memory
        assert isinstance(leaf._terms._dbfile, BufferFile)
        assert leaf._terms._tindex.dbfile is leaf._terms._dbfile
    assert _term_answers(first) == before
    assert C.resident_terms(first.reader()) == 0  # already resident: nothing read again
    # Another thread's readers of the same segments share the bytes instead of reading them again.
    assert C.resident_terms(second.reader()) == 0
    shared = [leaf._terms._dbfile.table for leaf, _offset in second.reader().leaf_readers()]
    assert [leaf._terms._dbfile.table for leaf in leaves] == shared
    assert _term_answers(second) == before
    first.close()
    assert _term_answers(second) == before  # one reader closing leaves the others' table alone
    second.close()


def test_resident_terms_leave_mapped_segments_to_the_map(tmp_path):
    folder = _two_segment_index(tmp_path)
    with open_index(folder, memory_map=True).searcher() as searcher:
        before = _term_answers(searcher)
        assert C.resident_terms(searcher.reader()) == 0
        assert _term_answers(searcher) == before


def test_prefetch_stored_advises_exactly_each_documents_bytes(tmp_path, monkeypatch):
    import os
    import pickle

    folder = _two_segment_index(tmp_path)
    advised = []
    monkeypatch.setattr(C, "_advise", lambda *args: advised.append(args))
    with open_index(folder, memory_map=False).searcher() as searcher:
        wanted = [3, 39, 40, 79]  # both segments
        assert C.prefetch_stored(searcher, wanted) == 4
        assert {advice for *_range, advice in advised} == {os.POSIX_FADV_WILLNEED}
        # Each advised range is that document's deflated stored fields, whole.
        read = {pickle.loads(C.stored_decompress(os.pread(fd, length, offset)))[S.ID]
                for fd, offset, length, _advice in advised}
        assert read == {searcher.stored_fields(docnum)[S.ID] for docnum in wanted}
        assert C.prefetch_stored(searcher, []) == 0
    with open_index(folder, memory_map=True).searcher() as searcher:  # a map: nothing to advise
        advised.clear()
        assert C.prefetch_stored(searcher, wanted) == 0 and advised == []


def test_prefetch_postings_advises_exactly_each_terms_postings(tmp_path, monkeypatch):
    import os

    folder = _two_segment_index(tmp_path)
    advised = []
    monkeypatch.setattr(C, "_advise", lambda *args: advised.append(args))
    with open_index(folder, memory_map=False).searcher() as searcher:
        terms = [(S.BODY, "idlib"), (S.BODY, "sochi"), (S.BODY, "batch1"), (S.TITLE, "talk"),
                 (S.BODY, "nowhere"), ("no_such_field", "x")]
        # Analysed forms: idlib, sochi and talk in both segments, batch1 in the second only.
        assert C.prefetch_postings(searcher, iter(terms)) == 7
        expected = []
        for leaf, _offset in searcher.reader().leaf_readers():
            for fieldname, text in terms[:4]:
                if (fieldname, text) in leaf:
                    expected.append(C.term_postings(leaf, leaf.term_info(fieldname, text)))
        read = [os.pread(fd, length, offset) for fd, offset, length, _advice in advised]
        assert read == expected and all(read)
    with open_index(folder, memory_map=True).searcher() as searcher:  # a map: nothing to advise
        assert C.prefetch_postings(searcher, terms) == 0


def test_prefetch_postings_looks_at_a_bounded_number_of_words(tmp_path, monkeypatch):
    folder = _two_segment_index(tmp_path)
    monkeypatch.setattr(C, "_advise", lambda *args: None)
    monkeypatch.setattr(C, "PREFETCH_TERMS", 3)
    with open_index(folder, memory_map=False).searcher() as searcher:
        words = ((S.BODY, f"word{n}") for n in range(40))  # each in both segments
        assert C.prefetch_postings(searcher, words) == 6
        assert next(words) == (S.BODY, "word3")  # the rest was never even taken
