"""Segments built by FastSegmentWriter and SegmentBuilder hold exactly what Whoosh's writer writes."""

from datetime import datetime

import numpy as np
import pytest
from whoosh.codec.whoosh3 import W3Codec
from whoosh.writing import SegmentWriter

from index import segments
from index.segments import STAGING_DIR, FastSegmentWriter, SegmentBuilder, publish
from index.storage import INDEX_NAME, DurableFileStorage, create_index, open_index
from search import schema as S
from search.whoosh_codec import DatelineCodec

DOCS = [
    {S.ID: f"doc{i}", S.TITLE: f"Story {i}", S.BODY: f"Lavrov said talks on Idlib {'continue ' * i}today.",
     S.SPEAKER: "Sergey Lavrov" if i % 2 else "Maria Zakharova", S.DATE: datetime(2020, 1, 1 + i % 3)}
    for i in range(300)  # "talks" spans three postings blocks of 128
]


def _dump(ix) -> dict:
    """Every term's postings (doc id, weight, positions) and every field length, by article id."""
    out = {}
    with ix.searcher() as searcher:
        reader = searcher.reader()
        ids = {n: f[S.ID] for n, f in enumerate(reader.all_stored_fields())}
        for fieldname, text in reader.all_terms():
            if fieldname in (S.ID,):
                continue
            matcher = reader.postings(fieldname, text)
            postings = []
            while matcher.is_active():
                positions = matcher.value_as("positions") if matcher.supports("positions") else None
                postings.append((ids[matcher.id()], matcher.weight(), positions))
                matcher.next()
            out[(fieldname, text)] = sorted(postings)
        for n, article_id in ids.items():
            for fieldname in (S.TITLE, S.BODY, S.SPEAKER):
                out[("length", fieldname, article_id)] = reader.doc_field_length(n, fieldname)
    return out


def _build(tmp_path, name, writer_class, pool_limit=None):
    ix = create_index(tmp_path / name)
    writer = writer_class(ix)
    if pool_limit is not None:
        writer.pool.limit = pool_limit  # spill a sorted run to disk every few documents
    for doc in DOCS:
        writer.add_document(**doc)
    writer.commit()
    return open_index(tmp_path / name)


def test_fast_writer_writes_what_whoosh_writes_even_when_spilling_runs(tmp_path):
    reference = _dump(_build(tmp_path, "whoosh", SegmentWriter))
    assert _dump(_build(tmp_path, "fast", FastSegmentWriter)) == reference
    spilled = _build(tmp_path, "spilled", FastSegmentWriter, pool_limit=20_000)
    assert _dump(spilled) == reference


CODECS = {"w3": W3Codec, "dateline": DatelineCodec}


@pytest.mark.parametrize("codec", sorted(CODECS))
@pytest.mark.parametrize("writer_name", ["FastSegmentWriter", "_StagingSegmentWriter"])
def test_writer_files_are_byte_identical_to_whooshs_when_every_block_is_compressed(
        tmp_path, monkeypatch, writer_name, codec):
    """The fast writer (published segments) and the staging writer (workers' segments), writing
    W3 (as earlier versions did) or Dateline blocks, against Whoosh's writer with the same codec
    (which writes Dateline blocks posting by posting, ``DatelinePostingsWriter``)."""
    monkeypatch.setattr(segments, "MIN_COMPRESSED_POSTINGS", 0)

    def files(name, writer_class):
        ix = create_index(tmp_path / name)
        writer = writer_class(ix, compound=False, codec=CODECS[codec]())
        for doc in DOCS:
            writer.add_document(**doc)
        writer.commit()
        # Files are named <index>_<random segment id>.<ext>: compare them by extension.
        return {p.name.split(".", 1)[1]: p.read_bytes() for p in (tmp_path / name).glob("MAIN_*.*")}

    reference = files("whoosh", SegmentWriter)
    assert {"pst", "trm", "_body_len.col"} <= set(reference)
    assert files("ours", getattr(segments, writer_name)) == reference


def test_terms_with_few_postings_are_written_uncompressed(tmp_path):
    ix = _build(tmp_path, "fast", FastSegmentWriter)
    with ix.reader() as reader:
        def block_compression(fieldname, text):
            matcher = reader.postings(fieldname, text)
            return matcher._compression

        assert reader.doc_frequency(S.BODY, "lavrov") == 300
        # Dateline blocks record whether they are deflated (W3 blocks record the level).
        assert block_compression(S.BODY, "lavrov") == 1
        assert reader.doc_frequency(S.TITLE, "42") == 1
        assert block_compression(S.TITLE, "42") == 0


def _staged_index(tmp_path, name, limit_mb=16):
    """An index holding DOCS, written by a SegmentBuilder and published."""
    ix = create_index(tmp_path / name)
    builder = SegmentBuilder(tmp_path / name, ix.schema, limit_mb=limit_mb, owner=123)
    for doc in DOCS:
        builder.add(doc, (doc[S.ID], "src", "hash"))
    writer = FastSegmentWriter(ix)
    segment = publish(builder.finish(), tmp_path / name)
    writer._close_segment()
    writer._commit_toc([*writer.segments, segment])
    writer._finish()
    return open_index(tmp_path / name)


def test_staged_segments_hold_what_whoosh_writes(tmp_path):
    reference = _dump(_build(tmp_path, "whoosh", SegmentWriter))
    assert _dump(_staged_index(tmp_path, "staged")) == reference


def test_a_builder_is_full_once_its_postings_reach_the_memory_limit(tmp_path):
    ix = create_index(tmp_path / "ix")
    builder = SegmentBuilder(tmp_path / "ix", ix.schema, limit_mb=1, owner=123)
    added = 0
    while not builder.full:
        doc = DOCS[added % len(DOCS)]
        builder.add({**doc, S.ID: f"copy{added}"}, (f"copy{added}", "src", "hash"))
        added += 1
    # Each copy adds ~100 postings of ~20 estimated bytes, and a new id term of ~320 bytes.
    assert 300 < added < 2000
    builder.cancel()


def test_a_staged_segment_is_invisible_until_published(tmp_path):
    ix = create_index(tmp_path / "ix")
    builder = SegmentBuilder(tmp_path / "ix", ix.schema, limit_mb=16, owner=123)
    for doc in DOCS[:5]:
        builder.add(doc, (doc[S.ID], "src", "hash"))
    staged = builder.finish()
    assert staged.ids == [f"doc{i}" for i in range(5)]
    assert open_index(tmp_path / "ix").doc_count() == 0
    assert (tmp_path / "ix" / STAGING_DIR).is_dir()

    writer = FastSegmentWriter(ix)
    segment = publish(staged, tmp_path / "ix")
    writer._close_segment()
    writer._commit_toc([*writer.segments, segment])
    writer._finish()
    assert open_index(tmp_path / "ix").doc_count() == 5
    assert not any((tmp_path / "ix" / STAGING_DIR).iterdir())


def test_cancelled_builder_leaves_nothing(tmp_path):
    ix = create_index(tmp_path / "ix")
    builder = SegmentBuilder(tmp_path / "ix", ix.schema, limit_mb=16, owner=123)
    builder.add(DOCS[0], ("doc0", "src", "hash"))
    builder.cancel()
    assert not any((tmp_path / "ix" / STAGING_DIR).iterdir())


def _merged(tmp_path, name, writer_class, source_codec=W3Codec, deletions=True, **writer_options):
    """DOCS in three segments written with ``source_codec``, two documents deleted (unless not
    ``deletions``), then merged into one by ``writer_class`` (``writer_options``: its codec...)."""
    ix = create_index(tmp_path / name)
    compound = writer_options.get("compound", True)
    for part in range(3):
        writer = SegmentWriter(ix, codec=source_codec(), compound=compound)
        for doc in DOCS[part * 100:(part + 1) * 100]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    if deletions:
        writer = SegmentWriter(ix, codec=source_codec(), compound=compound)
        writer.delete_by_term(S.ID, "doc5")
        writer.delete_by_term(S.ID, "doc150")
        writer.commit(merge=False)
    merger = writer_class(ix, **writer_options)
    merger.commit(optimize=True)  # add_reader on every segment
    ix = open_index(tmp_path / name)
    assert len(ix._segments()) == 1 and ix.doc_count_all() == (298 if deletions else 300)
    ix.merger = merger
    return ix


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_merging_term_by_term_writes_what_whooshs_merge_writes(tmp_path, monkeypatch, codec):
    """W3 segments (as earlier versions wrote) merged into a W3 or a Dateline segment."""
    options = {"codec": CODECS[codec]()}
    reference = _dump(_merged(tmp_path, "whoosh", SegmentWriter, **options))
    assert _dump(_merged(tmp_path, "fast", FastSegmentWriter, **options)) == reference

    monkeypatch.setattr(segments, "MIN_COMPRESSED_POSTINGS", 0)

    def files(name, writer_class):
        _merged(tmp_path, name, writer_class, compound=False, **options)
        segment = open_index(tmp_path / name)._segments()[0].segment_id()
        return {p.name.split(".", 1)[1]: p.read_bytes() for p in (tmp_path / name).glob(f"{segment}.*")}

    reference = files("whoosh-files", SegmentWriter)
    assert {"pst", "trm", "_stored.col"} <= set(reference)
    fast = files("fast-files", FastSegmentWriter)
    # Stored fields are copied as their deflated bytes (the same dicts; Whoosh's re-pickled bytes
    # order each dict's keys by a set's hash order): see test_merges_copy_stored_fields_...
    assert _stored(tmp_path / "fast-files") == _stored(tmp_path / "whoosh-files")
    assert {k: v for k, v in fast.items() if k != "_stored.col"} == {
        k: v for k, v in reference.items() if k != "_stored.col"}


def _stored(folder) -> list[dict]:
    with open_index(folder).reader() as reader:
        return list(reader.all_stored_fields())


def test_merging_dateline_segments_copies_their_blocks_without_decoding(tmp_path, monkeypatch):
    """Dateline segments without deletions are merged by copying their blocks (headers moved):
    the same postings as Whoosh's merge, and the copy path is taken (this fails if it silently
    stops being taken)."""
    decoded = []
    real = segments._read_term
    monkeypatch.setattr(segments, "_read_term", lambda *args: decoded.append(1) or real(*args))
    reference = _dump(_merged(tmp_path, "whoosh", SegmentWriter, source_codec=DatelineCodec, deletions=False,
                              codec=DatelineCodec()))
    decoded.clear()
    fast = _merged(tmp_path, "fast", FastSegmentWriter, source_codec=DatelineCodec, deletions=False)
    assert _dump(fast) == reference
    assert decoded == []  # no term was decoded
    # "talks" is in every document: three segments of 100 postings, one block each.
    assert fast.merger.copied_blocks > 3
    with fast.reader() as reader:
        assert reader.doc_frequency(S.BODY, "talk") == 300
        assert list(reader.postings(S.BODY, "talk").all_ids()) == list(range(300))


def test_merging_dateline_segments_with_deletions_decodes_only_those(tmp_path, monkeypatch):
    """A segment with deletions is decoded and re-encoded; the others are still copied."""
    reference = _dump(_merged(tmp_path, "whoosh", SegmentWriter, source_codec=DatelineCodec,
                              codec=DatelineCodec()))
    fast = _merged(tmp_path, "fast", FastSegmentWriter, source_codec=DatelineCodec)
    assert _dump(fast) == reference
    assert fast.merger.copied_blocks > 0  # the segment of doc200..doc299 has no deletion


#: Documents whose per-document data varies between segments: a field's length column starting
#: late or missing from a segment, trailing documents without a length, facet values only in some
#: documents (the column missing from one segment), a document that stores nothing but its id.
PER_DOC = [
    {S.ID: f"p{i}", S.TITLE: f"Story {i}" if i % 5 else None, S.BODY: "talks " * (i % 7),
     S.SPEAKER: "Sergey Lavrov" if 3 <= i < 20 and i % 3 else None,
     S.FACETS: f"row {i}".encode() if i % 4 == 0 and i < 40 else None,
     S.URL: f"https://x/{i}" if i % 2 else None}
    for i in range(60)
]


def _per_doc_index(tmp_path, name, writer_class, codec):
    """PER_DOC in three segments (deletions in two), merged by ``writer_class``; the merge's files."""
    ix = create_index(tmp_path / name)
    for part in range(3):
        writer = SegmentWriter(ix, codec=codec(), compound=False)
        for doc in PER_DOC[part * 20:(part + 1) * 20]:
            writer.add_document(**{k: v for k, v in doc.items() if v is not None})
        writer.commit(merge=False)
    writer = SegmentWriter(ix, codec=codec(), compound=False)
    for gone in ("p0", "p7", "p19", "p45"):
        writer.delete_by_term(S.ID, gone)
    writer.commit(merge=False)
    merger = writer_class(ix, codec=codec(), compound=False)
    merger.commit(optimize=True)
    ix = open_index(tmp_path / name)
    (segment,) = ix._segments()
    files = {p.name.split(".", 1)[1]: p.read_bytes()
             for p in (tmp_path / name).glob(f"{segment.segment_id()}*")}
    return merger, segment, files


@pytest.mark.parametrize("codec", sorted(CODECS))
def test_merges_copy_per_document_data_in_bulk_with_whooshs_bytes(tmp_path, codec):
    """Field lengths, the facets column and the field-length totals of a merge with deletions are
    Whoosh's bytes (its per-document loop, in this process's set order); stored fields decode to
    Whoosh's dicts; the bulk path is taken (counted: fails if it silently stops being taken)."""
    reference, ref_segment, ref_files = _per_doc_index(tmp_path, "whoosh", SegmentWriter, CODECS[codec])
    merger, segment, files = _per_doc_index(tmp_path, "fast", FastSegmentWriter, CODECS[codec])
    assert merger.copied_documents == 56
    assert {"_title_len.col", "_speaker_len.col", "facets.col", "_stored.col"} <= set(files)
    # Postings are compared by the tests above (Dateline blocks are copied, not re-blocked).
    columns = {k for k in ref_files if k.endswith(".col") and k != "_stored.col"}
    assert {k: files[k] for k in columns} == {k: ref_files[k] for k in columns}
    assert set(files) == set(ref_files)
    assert list(segment._fieldlengths.items()) == list(ref_segment._fieldlengths.items())
    assert _stored(tmp_path / "fast") == _stored(tmp_path / "whoosh")
    with open_index(tmp_path / "fast").reader() as reader:
        ids = [fields[S.ID] for fields in reader.all_stored_fields()]
        assert ids == [d[S.ID] for d in PER_DOC if d[S.ID] not in ("p0", "p7", "p19", "p45")]
        assert reader.column_reader(S.FACETS)[ids.index("p4")] == b"row 4"


def _two_segments(path):
    """An index of DOCS[:100] in two segments of 50, committed without merging."""
    ix = create_index(path)
    for part in range(2):
        writer = FastSegmentWriter(ix)
        for doc in DOCS[part * 50:(part + 1) * 50]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    return ix


def _delete(ix, article_id: str) -> None:
    writer = FastSegmentWriter(ix)
    writer.delete_by_term(S.ID, article_id)
    writer.commit(merge=False)


def test_merges_copy_stored_fields_as_their_deflated_bytes(tmp_path):
    """Each merged document's stored bytes are its source segment's, as written (not re-pickled)."""
    from whoosh.reading import SegmentReader

    from search.whoosh_compat import _segment_stored

    ix = _two_segments(tmp_path / "ix")
    _delete(ix, "doc3")
    ix = open_index(tmp_path / "ix")

    def raw(segment) -> list[bytes]:
        reader = SegmentReader(ix.storage, ix.schema, segment)
        stored = _segment_stored(reader)
        found = [stored.get(stored.base + stored.offsets[n], stored.lengths[n])
                 for n in reader.all_doc_ids()]
        reader.close()
        return found

    before = [raw(segment) for segment in ix._segments()]
    FastSegmentWriter(ix).commit(optimize=True)
    (merged,) = open_index(tmp_path / "ix")._segments()
    assert raw(merged) == before[0] + before[1]
    assert len(before[0]) == 49


def test_a_merge_keeps_the_exact_field_length_totals(tmp_path):
    """Scores use each field's average length: a merge keeps the segments' exact totals (less
    the deleted documents' stored lengths), where Whoosh re-adds the lossy one-byte lengths."""
    from whoosh.codec.whoosh3 import byte_to_length, length_to_byte

    ix = _two_segments(tmp_path / "ix")
    with ix.reader() as reader:
        exact = {name: reader.field_length(name) for name in (S.BODY, S.TITLE)}
        doc3 = reader.first_id(S.ID, "doc3")
        deleted = {name: byte_to_length(length_to_byte(reader.doc_field_length(doc3, name)))
                   for name in exact}
        lossy = {name: sum(byte_to_length(length_to_byte(reader.doc_field_length(n, name)))
                           for n in reader.all_doc_ids()) for name in exact}
    assert lossy != exact  # the one-byte lengths are rounded: Whoosh's merge would move totals
    _delete(ix, "doc3")
    FastSegmentWriter(open_index(tmp_path / "ix")).commit(optimize=True)
    with open_index(tmp_path / "ix").reader() as merged:
        assert len(list(merged.leaf_readers())) == 1
        assert {name: merged.field_length(name) for name in exact} == {
            name: exact[name] - deleted[name] for name in exact}


def test_mixed_w3_and_dateline_segments_merge_and_search_alike(tmp_path):
    """Migration: an index written by earlier versions (W3 segments) gets new Dateline segments,
    is searched with both, then merged into one Dateline segment."""
    ix = create_index(tmp_path / "mixed")
    writer = SegmentWriter(ix, codec=W3Codec())
    for doc in DOCS[:150]:
        writer.add_document(**doc)
    writer.commit(merge=False)
    writer = FastSegmentWriter(ix)
    for doc in DOCS[150:]:
        writer.add_document(**doc)
    writer.commit(merge=False)
    ix = open_index(tmp_path / "mixed")
    codecs = sorted(type(segment.codec()).__name__ for segment in ix._segments())
    assert codecs == ["DatelineCodec", "W3Codec"]
    reference = _dump(_build(tmp_path, "whoosh", SegmentWriter))
    assert _dump(ix) == reference
    FastSegmentWriter(ix).commit(optimize=True)
    ix = open_index(tmp_path / "mixed")
    assert [type(segment.codec()).__name__ for segment in ix._segments()] == ["DatelineCodec"]
    assert _dump(ix) == reference


# -- token streams (text fields indexed word by word) -------------------------------------------

#: Documents the token streams must index as Whoosh's field.index does: stop words only, empty
#: texts, repeated words (many positions), accents and case variants, name tokens the fold drops,
#: fields absent or None.
WORDS = ["the", "Lavrov", "said", "talks", "of", "U.S.", "3.5", "école", "ÉCOLE", "a"]
STREAM_DOCS = [
    {S.ID: f"s{i}", S.TITLE: ["", "The of and", "Talks TALKS talks", "Erdoğan met Erdogan"][i % 4],
     S.BODY: " ".join(WORDS[(i * j) % len(WORDS)] for j in range(i % 40)),
     S.QUOTE: None if i % 3 else "We will not talk, he said, the talks are over",
     S.SPEAKER: ["Sergey Lavrov", "O'Brien-Smith, ’’ -- Erdoğan", "", "Lavrov's aides"][i % 4],
     **({S.PLACE: "Idlib Sochi Idlib"} if i % 5 else {})}
    for i in range(150)
]


def _staged_files(tmp_path, name, docs, *, streams=True, monkeypatch=None):
    """Every file of a staged segment of ``docs`` (compound=False), by extension; the pool; and
    the fields it held as token streams at the end."""
    if not streams:
        monkeypatch.setattr(segments, "index_forms", lambda field: None)
    ix = create_index(tmp_path / name)
    writer = segments._StagingSegmentWriter(ix, compound=False)
    for doc in docs:
        writer.add_document(**doc)
    pool = writer.pool
    streamed = sorted(name for name, stream in pool.streams.items() if stream is not None)
    writer.commit()
    if not streams:
        monkeypatch.undo()
    files = {p.name.split(".", 1)[1]: p.read_bytes() for p in (tmp_path / name).glob("MAIN_*.*")}
    return files, pool, streamed


@pytest.mark.parametrize("docs", [DOCS, STREAM_DOCS], ids=["docs", "stream_docs"])
def test_token_streams_write_the_same_bytes_as_whooshs_field_index(tmp_path, monkeypatch, docs):
    streamed, pool, _names = _staged_files(tmp_path, "streams", docs)
    general, general_pool, _ = _staged_files(tmp_path, "general", docs, streams=False,
                                             monkeypatch=monkeypatch)
    assert {"pst", "trm", "_body_len.col", "_speaker_len.col"} <= set(general)
    assert streamed == general
    assert general_pool.streamed == 0 and pool.streamed > 0


def test_text_fields_take_the_token_stream_path(tmp_path):
    """Fails loudly if the fast path stops being taken: every text of a FastText or name field
    is streamed, and no posting of those fields goes through field.index."""
    _files, pool, streamed = _staged_files(tmp_path, "streams", DOCS)
    text_fields = [S.TITLE, S.BODY, S.SPEAKER]
    assert pool.streamed == len(DOCS) * len(text_fields)
    assert streamed == sorted(text_fields)


def test_token_streams_are_flushed_in_batches_with_few_postings_terms_encoded_by_numpy(tmp_path, monkeypatch):
    """Fails loudly if the flush's batch paths stop being taken: every term of a streamed field
    and of the id and date fields (no posting values) reaches the codec in a batch, the terms with fewer
    than MIN_COMPRESSED_POSTINGS postings are encoded together by few_postings_blocks, the others
    by many_postings_blocks."""
    from search import whoosh_codec

    encoded = {"few_postings_blocks": 0, "many_postings_blocks": 0}

    def counting(name):
        real = getattr(whoosh_codec, name)

        def count(ids, freqs, deltas, bounds, *args):
            encoded[name] += len(bounds) - 1
            return real(ids, freqs, deltas, bounds, *args)
        return count

    for name in encoded:
        monkeypatch.setattr(whoosh_codec, name, counting(name))
    _files, pool, streamed = _staged_files(tmp_path, "streams", DOCS)
    ix = open_index(tmp_path / "streams")
    with ix.reader() as reader:
        terms = [(name, text) for name, text in reader.all_terms() if name in [*streamed, S.ID, S.DATE]]
        few = [term for term in terms if reader.doc_frequency(*term) < segments.MIN_COMPRESSED_POSTINGS]
    assert pool.batched == len(terms) > 0
    assert encoded == {"few_postings_blocks": len(few), "many_postings_blocks": len(terms) - len(few)}
    assert 0 < len(few) < len(terms) and sum(name == S.ID for name, _text in terms) == len(DOCS)


def test_a_document_taking_whooshs_path_moves_the_fields_stream_to_the_pool(tmp_path, monkeypatch):
    """A boosted document goes through Whoosh's add_document: the streamed fields' earlier
    documents move to the general pool, and the segment is what the general path writes."""
    boosted = {S.ID: "boosted", S.TITLE: "Talks in Sochi", S.BODY: "Lavrov said", S.QUOTE: "the talks",
               S.SPEAKER: "Lavrov", S.PLACE: "Idlib", "_boost": 2.0}
    docs = [*STREAM_DOCS[:40], boosted, *STREAM_DOCS[41:80]]
    streamed, pool, names = _staged_files(tmp_path, "mixed", docs)
    general, _, _ = _staged_files(tmp_path, "general", docs, streams=False, monkeypatch=monkeypatch)
    assert streamed == general
    assert pool.streamed > 0 and names == []


def test_token_streams_estimate_their_memory(tmp_path):
    ix = create_index(tmp_path / "ix")
    text = "Lavrov said the talks went on and on, Lavrov said"
    writer = segments._StagingSegmentWriter(ix)
    writer.add_document(**{S.ID: "a", S.BODY: text})
    stream = writer.pool.streams[S.BODY]
    vocabulary = stream.vocabulary
    # 6 kept words (4 bytes each: positions are implicit) and 12 per document; 7 distinct words
    # ("the", "on", "and" dropped) and 4 terms, each a new entry of the (new) field vocabulary.
    assert list(stream.termnums) == [1, 2, 3, 4, 1, 2] and len(vocabulary.words) == 7
    assert vocabulary.names[1:] == [b"lavrov", b"said", b"talk", b"went"]
    assert stream.nbytes == 6 * 4 + 12 + 11 * segments._TermPostings.TERM_BYTES + sum(
        map(len, vocabulary.words)) + sum(map(len, vocabulary.terms))
    assert writer.pool.nbytes >= stream.nbytes
    writer.cancel()
    # The next segment of the process shares the vocabulary: its words are no new entries.
    writer = segments._StagingSegmentWriter(ix)
    writer.add_document(**{S.ID: "b", S.BODY: text})
    assert writer.pool.streams[S.BODY].vocabulary is vocabulary
    assert writer.pool.streams[S.BODY].nbytes == 6 * 4 + 12
    writer.cancel()


def _segment_files(folder, schema, docs):
    """Every file of a staged segment of ``docs`` written with ``schema`` (the same field objects
    for every call: the process's vocabularies are shared), by extension."""
    folder.mkdir()
    ix = DurableFileStorage(str(folder)).create_index(schema, indexname=INDEX_NAME)
    writer = segments._StagingSegmentWriter(ix, compound=False)
    for doc in docs:
        writer.add_document(**doc)
    writer.commit()
    return {p.name.split(".", 1)[1]: p.read_bytes() for p in folder.glob(f"{INDEX_NAME}_*.*")}


def test_segments_of_one_process_share_vocabularies_and_write_the_same_bytes(tmp_path, monkeypatch):
    """A segment whose words are mostly known from an earlier segment (term numbers shared, not
    contiguous, some unused) writes what a segment with vocabularies of its own writes."""
    monkeypatch.setattr(segments, "_VOCABULARIES", {})  # none left by earlier tests
    schema = S.build_schema()
    _segment_files(tmp_path / "first", schema, [*STREAM_DOCS[75:], *DOCS[:50]])
    shared = {name: vocabulary for name, (_field, vocabulary) in segments._VOCABULARIES.items()}
    assert set(shared) == {S.TITLE, S.BODY, S.QUOTE, S.SPEAKER, S.PLACE}
    known = len(shared[S.TITLE].words)
    second = _segment_files(tmp_path / "second", schema, [*STREAM_DOCS[:100], *DOCS[100:150]])
    assert all(segments._VOCABULARIES[name][1] is vocabulary for name, vocabulary in shared.items())
    assert len(shared[S.TITLE].words) == known + 50  # "Story 100" ... "Story 149": new numbers
    monkeypatch.setattr(segments, "VOCABULARY_LIMIT", 0)  # every segment starts new vocabularies
    alone = _segment_files(tmp_path / "alone", schema, [*STREAM_DOCS[:100], *DOCS[100:150]])
    assert segments._VOCABULARIES[S.BODY][1] is not shared[S.BODY]
    assert {"pst", "trm", "_body_len.col"} <= set(alone)
    assert second == alone
    # Another schema's fields (another analyser object) never take this one's vocabulary.
    _segment_files(tmp_path / "other", S.build_schema(), DOCS[:5])
    assert segments._VOCABULARIES[S.TITLE][0] is not schema[S.TITLE]


def test_dates_are_indexed_once_per_process(tmp_path, monkeypatch):
    """Fails loudly if the date cache stops being used: DOCS hold three dates (their bytes are
    checked against Whoosh's writer above)."""
    monkeypatch.setattr(segments, "_DATE_TERMS", {})
    ix = create_index(tmp_path / "ix")
    writer = segments._StagingSegmentWriter(ix)
    for doc in DOCS:
        writer.add_document(**doc)
    assert writer.dates_reused == len(DOCS) - 3
    writer.cancel()
    writer = segments._StagingSegmentWriter(ix)
    writer.add_document(**DOCS[0])
    writer.add_document(**{**DOCS[1], S.DATE: datetime(2020, 1, 1, 12, 30)})  # a new date
    assert writer.dates_reused == 1
    writer.cancel()


def test_the_staging_writer_refuses_unknown_fields(tmp_path):
    from whoosh.fields import UnknownFieldError

    writer = segments._StagingSegmentWriter(create_index(tmp_path / "ix"))
    writer.add_document(**DOCS[0])
    with pytest.raises(UnknownFieldError):
        writer.add_document(**{**DOCS[1], "no_such_field": "x"})
    writer.cancel()


def _merged_twice(tmp_path, name, monkeypatch, *, batches: bool) -> tuple[dict, FastSegmentWriter]:
    """DOCS in three Dateline segments merged into one (its long terms: several blocks), then with
    two more segments (one with a body boost of 1.1: float64 maximum weights) merged again; the
    files of the final segment, and its merger."""
    if not batches:
        monkeypatch.setattr(segments, "_copies_all", lambda sources: None)  # the term-by-term copy
    ix = create_index(tmp_path / name)

    def add(docs, **options):
        writer = FastSegmentWriter(ix, compound=False)
        for doc in docs:
            writer.add_document(**doc, **options)
        writer.commit(merge=False)

    for part in range(3):
        add(DOCS[part * 100:(part + 1) * 100])
    FastSegmentWriter(ix, compound=False).commit(optimize=True)
    more = [{**doc, S.ID: f"more{i}"} for i, doc in enumerate(DOCS[:40])]
    add(more[:20], _body_boost=1.1)
    add(more[20:])
    merger = FastSegmentWriter(ix, compound=False)
    merger.commit(optimize=True)
    (segment,) = open_index(tmp_path / name)._segments()
    folder = tmp_path / name
    files = {p.name.split(".", 1)[1]: p.read_bytes() for p in folder.glob(f"{segment.segment_id()}*")}
    return files, merger


def test_merges_copy_terms_in_batches_with_the_bytes_of_the_term_by_term_copy(tmp_path, monkeypatch):
    """Dateline segments without deletions are merged in numpy batches of terms: the same files as
    the term-by-term copy (terms in one or several segments, source terms of several blocks,
    batches cut small, a batch with float64 maximum weights written term by term); counted."""
    reference, ref_merger = _merged_twice(tmp_path, "terms", monkeypatch, batches=False)
    monkeypatch.undo()
    calls = {"numpy": 0, "each": 0, "several_blocks": 0}
    real_copied, real_each = segments._write_copied, segments._write_each
    real_positions = segments._block_positions

    def copied(writer, sources, batch):
        calls["numpy"] += 1
        return real_copied(writer, sources, batch)

    def each(*args):
        calls["each"] += 1
        return real_each(*args)

    def positions(data, at, sizes, body_out, shifts):
        found = real_positions(data, at, sizes, body_out, shifts)
        calls["several_blocks"] += len(found[0]) - len(at)
        return found

    monkeypatch.setattr(segments, "_write_copied", copied)
    monkeypatch.setattr(segments, "_write_each", each)
    monkeypatch.setattr(segments, "_block_positions", positions)
    monkeypatch.setattr(segments, "COPY_BATCH_ROWS", 16)
    files, merger = _merged_twice(tmp_path, "batches", monkeypatch, batches=True)
    assert {"pst", "trm"} <= set(files)
    assert files == reference
    assert merger.copied_blocks == ref_merger.copied_blocks > 0
    assert calls["numpy"] > 10 and 1 <= calls["each"] < calls["numpy"]
    assert calls["several_blocks"] > 0
    with open_index(tmp_path / "batches").reader() as reader:
        assert reader.doc_frequency(S.BODY, "talk") == 340
        assert list(reader.postings(S.BODY, "talk").all_ids()) == list(range(340))


@pytest.mark.parametrize("nranks", [1, 7, 1 << 16, (1 << 16) + 1, 300_000, (1 << 24) + 3])
def test_stable_order_is_numpys_stable_argsort(nranks):
    rng = np.random.default_rng(nranks)
    for dtype in (np.int64, np.uint32):
        ranks = rng.integers(0, nranks, 50_000).astype(dtype)
        ranks[:3] = [0, nranks - 1, 0]  # both ends of the range, and ties
        expected = np.argsort(ranks, kind="stable")
        assert np.array_equal(segments.stable_order(ranks, nranks), expected)


def test_a_staged_segments_flush_reads_field_lengths_in_bulk(tmp_path, monkeypatch):
    """Fails if the flush goes back to reading field lengths document by document."""
    from whoosh.codec.whoosh3 import W3PerDocReader

    def one_by_one(*_args, **_kwargs):
        raise AssertionError("doc_field_length called during the flush")

    monkeypatch.setattr(W3PerDocReader, "doc_field_length", one_by_one)
    files, _pool, _streamed = _staged_files(tmp_path, "bulk", DOCS)
    monkeypatch.undo()
    assert files == _staged_files(tmp_path, "again", DOCS)[0]

def test_batched_merges_hold_one_fields_terms_at_a_time(tmp_path, monkeypatch):
    """The merged segments' term tables are read field by field: a field's rows are read from each
    segment holding it (once), then its batches are written, before the next field is read."""
    from itertools import groupby

    events = []
    real_rows, real_batches = segments.TermTable.rows, segments._copied_batches

    def rows(table, fieldname):
        events.append(("read", fieldname))
        return real_rows(table, fieldname)

    def batches(sources, tables, schema):
        for item in real_batches(sources, tables, schema):
            events.append(("batch", item[0]))
            yield item

    monkeypatch.setattr(segments.TermTable, "rows", rows)
    monkeypatch.setattr(segments, "_copied_batches", batches)
    monkeypatch.setattr(segments, "COPY_BATCH_ROWS", 16)
    _merged_twice(tmp_path, "fields", monkeypatch, batches=True)
    groups = [(kind, name, len(list(run))) for (kind, name), run in groupby(events)]
    assert [kind for kind, _name, _count in groups] == ["read", "batch"] * (len(groups) // 2)
    for (_r, read_name, reads), (_b, batch_name, _n) in zip(groups[::2], groups[1::2], strict=True):
        assert read_name == batch_name and 1 <= reads <= 3  # three segments in each merge
    assert [name for kind, name, count in groups if kind == "read" and count == 3].count(S.BODY) == 2


def test_token_stream_numbers_new_known_and_dropped_words_as_the_vocabulary_does(monkeypatch):
    """A text mixing words the vocabulary knows, new words (some repeated) and stop words gets, for
    each kept word, the number the vocabulary gives it (new words are looked up again in a dict of
    their own, known ones keep their first lookup), and each new word is learned once."""
    from array import array

    from search.analysis import index_forms

    field = S.build_schema()[S.BODY]
    forms = index_forms(field)
    stream = segments._FieldTokens(forms, 1.0)
    stream.add(0, "Talks in Sochi resumed")
    known = dict(stream.vocabulary.words)
    text = "the Sochi talks Idlib ceasefire Idlib of talks Ankara resumed ceasefire the"
    learned = []
    learn = segments._Vocabulary.learn
    monkeypatch.setattr(segments._Vocabulary, "learn", lambda self, words: learned.append(list(words))
                        or learn(self, words))
    length, _added = stream.add(1, text)
    words = forms.words(text)
    table = stream.vocabulary.words
    assert learned == [["the", "talks", "Idlib", "ceasefire", "of", "Ankara"]]  # new to the table, once each
    assert all(word in table for word in words) and known.items() <= table.items()
    kept = [table[word] for word in words if table[word]]
    assert length == len(kept) and stream.termnums[-length:] == array("I", kept)
