"""Segments built by FastSegmentWriter and SegmentBuilder hold exactly what Whoosh's writer writes."""

import pytest
from whoosh.writing import SegmentWriter

from index import segments
from index.segments import STAGING_DIR, FastSegmentWriter, SegmentBuilder, publish
from index.storage import create_index, open_index
from search import schema as S

DOCS = [
    {S.ID: f"doc{i}", S.TITLE: f"Story {i}", S.BODY: f"Lavrov said talks on Idlib {'continue ' * i}today.",
     S.SPEAKER: "Sergey Lavrov" if i % 2 else "Maria Zakharova"}
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


@pytest.mark.parametrize("writer_name", ["FastSegmentWriter", "_StagingSegmentWriter"])
def test_writer_files_are_byte_identical_to_whooshs_when_every_block_is_compressed(
        tmp_path, monkeypatch, writer_name):
    """The fast writer (published segments) and the staging writer (workers' segments)."""
    monkeypatch.setattr(segments, "MIN_COMPRESSED_POSTINGS", 0)

    def files(name, writer_class):
        ix = create_index(tmp_path / name)
        writer = writer_class(ix, compound=False)
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
        assert block_compression(S.BODY, "lavrov") == 3
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


def _merged(tmp_path, name, writer_class, **writer_options):
    """DOCS in three segments, two documents deleted, then merged into one by ``writer_class``."""
    ix = create_index(tmp_path / name)
    for part in range(3):
        writer = SegmentWriter(ix, **writer_options)
        for doc in DOCS[part * 100:(part + 1) * 100]:
            writer.add_document(**doc)
        writer.commit(merge=False)
    writer = SegmentWriter(ix, **writer_options)
    writer.delete_by_term(S.ID, "doc5")
    writer.delete_by_term(S.ID, "doc150")
    writer.commit(merge=False)
    writer_class(ix, **writer_options).commit(optimize=True)  # add_reader on every segment
    ix = open_index(tmp_path / name)
    assert len(ix._segments()) == 1 and ix.doc_count_all() == 298
    return ix


def test_merging_term_by_term_writes_what_whooshs_merge_writes(tmp_path, monkeypatch):
    reference = _dump(_merged(tmp_path, "whoosh", SegmentWriter))
    assert _dump(_merged(tmp_path, "fast", FastSegmentWriter)) == reference

    monkeypatch.setattr(segments, "MIN_COMPRESSED_POSTINGS", 0)

    def files(name, writer_class):
        _merged(tmp_path, name, writer_class, compound=False)
        segment = open_index(tmp_path / name)._segments()[0].segment_id()
        return {p.name.split(".", 1)[1]: p.read_bytes() for p in (tmp_path / name).glob(f"{segment}.*")}

    reference = files("whoosh-files", SegmentWriter)
    assert {"pst", "trm"} <= set(reference)
    assert files("fast-files", FastSegmentWriter) == reference
