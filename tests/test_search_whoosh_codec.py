"""Dateline's postings codec returns exactly what Whoosh's W3 codec returns for the same postings.

Random postings (document numbers with gaps of every width, frequencies above 255, fractional
weights, positions, values of other formats; terms of one posting, exactly one block, one more
than a block, many blocks) are written with W3 and with Dateline blocks, posting by posting
(Whoosh's field writer) and a term at a time (:class:`DatelineTermWriter`), and read back through
the matchers and the engine's array reader.
"""

from __future__ import annotations

import pickle
import random

import numpy as np
import pytest
from isal import isal_zlib
from whoosh import fields, formats
from whoosh.codec.whoosh3 import W3Codec, W3LeafMatcher
from whoosh.filedb.filestore import RamStorage

from search import whoosh_codec as D
from search.postings import PositionArrays

POSITIONS = formats.Positions()
CHARACTERS = formats.Characters()
EXISTENCE = formats.Existence()


class FixedFour(formats.Format):
    """A format whose values are 4 bytes each (W3 joins them into one string per block)."""

    posting_size = 4


FIXED = FixedFour()


def _positions(rng: random.Random, count: int) -> list[int]:
    """``count`` ascending positions, some gaps wider than 16 bits."""
    position, out = rng.randrange(3), []
    for _ in range(count):
        out.append(position)
        position += rng.choice((1, 2, 7, 300, 70_000))
    return out


def _term(rng: random.Random, size: int, weights: str, fmt) -> list[tuple[int, float, bytes, int]]:
    """(document number, weight, encoded value, field length) of one random term."""
    ids = sorted(rng.sample(range(2_000_000 if size > 2 else 300), size))
    if rng.random() < 0.5:  # dense runs: one-byte deltas
        start = rng.randrange(1000)
        ids = list(range(start, start + size))
    # W3 fails on a block of zero lengths after one with lengths: a term has lengths or none.
    lengths = (0,) if rng.random() < 0.2 else (1, 9, 100, 5000)
    postings = []
    for docnum in ids:
        freq = rng.choice((1, 1, 2, 3, 256, 300)) if weights != "one" else 1
        weight = {"one": 1.0, "freq": float(freq), "same": 2.0, "fraction": freq * 1.5 + 0.1,
                  "mixed": rng.choice((1.0, 0.25, 70_000.0))}[weights]
        if fmt is POSITIONS:
            value = POSITIONS.encode(_positions(rng, freq))
        elif fmt is CHARACTERS:
            value = CHARACTERS.encode([(p, p * 5, p * 5 + 3) for p in _positions(rng, freq)])
        elif fmt is FIXED:
            value = freq.to_bytes(4, "big")
        else:
            value = b""
        postings.append((docnum, weight, value, rng.choice(lengths)))
    return postings


def _terms(seed: int, fmt) -> list[tuple[bytes, list]]:
    rng = random.Random(seed)
    terms = []
    for n, size in enumerate((1, 2, 127, 128, 129, 256, 1000)):
        for weights in ("one", "freq", "same", "fraction", "mixed"):
            terms.append((f"t{n}{weights}".encode(), _term(rng, size, weights, fmt)))
    return sorted(terms)


def _write(codec, fmt, terms, *, whole_terms: bool) -> tuple[RamStorage, object]:
    storage = RamStorage()
    segment = codec.new_segment(storage, "MAIN")
    fieldwriter = codec.field_writer(storage, segment)
    field = fields.TEXT()
    field.format = fmt
    fieldwriter.start_field("f", field)
    if whole_terms:
        assert D.writes_dateline(fieldwriter)
        writer = D.DatelineTermWriter(fieldwriter)
        for tbytes, postings in terms:
            ids, weights, values, lengths = (list(c) for c in zip(*postings, strict=True))
            writer.write(tbytes, ids, weights, [v for v in values if v], lengths, writer.compression)
    else:
        for tbytes, postings in terms:
            fieldwriter.start_term(tbytes)
            for docnum, weight, value, length in postings:
                fieldwriter.add(docnum, weight, value, length)
            fieldwriter.finish_term()
    fieldwriter.finish_field()
    fieldwriter.close()
    return storage, segment


def _read(codec, storage, segment, fmt, terms) -> dict:
    """Per term: its term info and, per block, the block statistics and ids, weights, values."""
    reader = codec.terms_reader(storage, segment)
    out = {}
    for tbytes, _postings in terms:
        info = reader.term_info("f", tbytes)
        matcher = reader.matcher("f", tbytes, fmt)
        blocks = []
        while matcher.is_active():
            stats = (matcher.block_min_id(), matcher.block_max_id(), matcher.block_max_weight(),
                     matcher.block_min_length(), matcher.block_max_length())
            matcher._read_ids(), matcher._read_weights(), matcher._read_values()
            blocks.append((stats, list(matcher._ids), list(matcher._weights), list(matcher._values)))
            matcher._next_block()
        out[tbytes] = ((info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                        info.max_weight(), info.min_id(), info.max_id()), blocks, type(matcher))
    return out


def _postings(blocks: list) -> list[tuple]:
    """The (id, weight, value) of every posting of a term's blocks."""
    return [posting for _stats, ids, weights, values in blocks
            for posting in zip(ids, weights, values or [None] * len(ids), strict=True)]


@pytest.mark.parametrize("fmt", [POSITIONS, CHARACTERS, FIXED, EXISTENCE],
                         ids=["positions", "characters", "fixed-size", "existence"])
@pytest.mark.parametrize("whole_terms", [False, True], ids=["posting-by-posting", "term-writer"])
def test_dateline_blocks_read_exactly_what_w3_blocks_read(fmt, whole_terms):
    """Blocks of W3's size: block by block, the same statistics, ids, weights and values."""
    terms = _terms(7, fmt)
    w3 = _read(W3Codec(), *_write(W3Codec(), fmt, terms, whole_terms=False), fmt, terms)
    codec = D.DatelineCodec(blocklimit=128)
    ours = _read(codec, *_write(codec, fmt, terms, whole_terms=whole_terms), fmt, terms)
    assert list(ours) == list(w3)
    for tbytes in w3:
        assert ours[tbytes][:2] == w3[tbytes][:2], tbytes
        assert (w3[tbytes][2], ours[tbytes][2]) == (W3LeafMatcher, D.DatelineLeafMatcher)
    # The shapes meant to be covered are: several blocks, a block of exactly 128, weights > 255.
    assert max(len(blocks) for _info, blocks, _t in ours.values()) == 8
    assert any(len(ids) == 128 for _i, blocks, _t in ours.values() for _s, ids, _w, _v in blocks)
    assert any(w > 255 for _i, blocks, _t in ours.values() for _s, _i2, ws, _v in blocks for w in ws)


@pytest.mark.parametrize("fmt", [POSITIONS, CHARACTERS, FIXED], ids=["positions", "characters", "fixed-size"])
def test_default_blocks_hold_the_same_postings_as_w3(fmt):
    """The default blocks (BLOCK_LIMIT postings): the same postings and term statistics."""
    terms = _terms(5, fmt)
    w3 = _read(W3Codec(), *_write(W3Codec(), fmt, terms, whole_terms=False), fmt, terms)
    ours = _read(D.DatelineCodec(), *_write(D.DatelineCodec(), fmt, terms, whole_terms=True), fmt, terms)
    assert D.BLOCK_LIMIT == 512
    for tbytes in w3:
        assert ours[tbytes][0] == w3[tbytes][0]
        assert _postings(ours[tbytes][1]) == _postings(w3[tbytes][1])
    assert max(len(blocks) for _info, blocks, _t in ours.values()) == 2  # 1000 postings


def test_posting_by_posting_and_term_writer_write_the_same_bytes():
    terms = _terms(11, POSITIONS)
    a, _ = _write(D.DatelineCodec(), POSITIONS, terms, whole_terms=False)
    b, _ = _write(D.DatelineCodec(), POSITIONS, terms, whole_terms=True)
    files = {name.split(".", 1)[1]: bytes(a.files[name]) for name in a.list()}
    assert files == {name.split(".", 1)[1]: bytes(b.files[name]) for name in b.list()}


def test_term_arrays_are_the_matchers_postings_as_arrays():
    """The engine's reader: ids, float64 weights, positions flat with counts, in one call."""
    terms = _terms(3, POSITIONS)
    codec = D.DatelineCodec()
    storage, segment = _write(codec, POSITIONS, terms, whole_terms=True)
    reader = codec.terms_reader(storage, segment)
    for tbytes, postings in terms:
        arrays = reader.matcher("f", tbytes, POSITIONS).term_arrays(weights=True, positions=True)
        assert arrays.ids.tolist() == [p[0] for p in postings]
        assert arrays.weights.tolist() == [float(np.float32(p[1])) for p in postings]
        expected = [POSITIONS.decode_positions(p[2]) for p in postings]
        assert arrays.values is None  # positions came as arrays, not as encoded values
        assert arrays.counts.tolist() == [len(x) for x in expected]
        assert arrays.positions.tolist() == [x for one in expected for x in one]
        table = PositionArrays(arrays.positions, arrays.counts)
        assert [table[i] for i in range(len(postings))] == [p[2] for p in postings]
        where = np.arange(0, len(postings), 3)
        flat, counts = table.take(where)
        assert flat.tolist() == [x for i in where.tolist() for x in expected[i]]


def test_values_not_in_whooshs_positions_shape_are_stored_raw():
    """A value the ``Positions`` encoder would not write (descending positions: a negative delta)
    is stored as bytes and read back unchanged."""
    odd = [POSITIONS.encode([5, 2]), POSITIONS.encode([1, 2])]
    payload = D.encode_payload([1, 4], [2.0, 2.0], odd, positions=True)
    decoded = D.Decoded(payload, 2, 1)
    assert decoded.kind == D.VALUES_RAW and decoded.encoded_values() == odd
    regular = D.Decoded(D.encode_payload([1, 4], [2.0, 2.0], odd[1:] * 2, positions=True), 2, 1)
    assert regular.kind == D.VALUES_POSITIONS and regular.encoded_values() == odd[1:] * 2


def test_payload_widths_are_chosen_per_block():
    small = D.encode_payload([10, 11, 12], [1.0, 1.0, 1.0], [], positions=False)
    assert small == bytes((1, 0)) + bytes((1, 1))  # one-byte deltas, no weights, no values
    wide = D.encode_payload([0, 70_000], [3.0, 300.0], [], positions=False)
    assert wide[0] == 3 | 2 << 2 and len(wide) == 2 + 4 + 2 * 2
    fraction = D.encode_payload([0], [0.5], [], positions=False)
    assert fraction == bytes((D.WEIGHTS_FLOAT << 2, 0)) + np.float32(0.5).tobytes()


def test_the_codec_is_pickled_under_its_stable_name():
    """Segments pickle their codec by class path: renaming it would break every index."""
    data = pickle.dumps(D.DatelineCodec(), 2)
    assert b"search.whoosh_codec" in data and b"DatelineCodec" in data
    assert vars(pickle.loads(data)) == {"_blocklimit": 512, "_compression": 3, "_inlinelimit": 1}


def test_term_vectors_stay_in_w3_blocks():
    """Whoosh reads term vectors with ``W3LeafMatcher`` itself: the codec writes them as W3."""
    assert type(D.DatelineCodec().postings_writer(None, byteids=True)).__name__ == "W3PostingsWriter"


# -- whole searches: W3, Dateline and mixed indexes answer alike --------------------------------

QUERIES = [
    {"q": "said"}, {"q": "memorandum"}, {"q": "ceasefire idlib"}, {"q": '"joint patrols"'},
    {"q": '"said on"'}, {"q": "talks", "outlet": "TASS"}, {"q": "idlib OR sochi"}, {"q": "talks -sochi"},
    {"q": "talk*"}, {"q": "Idlib", "speaker": "Sergey Lavrov"}, {"q": "said", "sort": "newest", "page": "2"},
    {"q": "idlib", "place": "Idlib", "per_page": "50"},
    {"q": "attacks", "from": "2019-03-01", "to": "2019-03-31"}, {"q": ""},
]


def _generated(where, codecs: list, monkeypatch, final_merge: bool = False) -> object:
    """The generated archive indexed in two runs (two archives), run i writing with codecs[i];
    each run's segment kept apart unless ``final_merge`` (the second run adds half the index)."""
    from archive_gen import write_archive

    from index import segments, writer
    from index.storage import open_index
    from index.writer import index_paths

    archives = [write_archive(where / f"archive{i}", count=120, seed=17 + i, per_file=60) for i in range(2)]
    if not final_merge:
        monkeypatch.setattr(writer, "FINAL_MERGE_MAX_DOCS", 0)
    for archive, codec in zip(archives, codecs, strict=True):
        monkeypatch.setattr(segments, "DatelineCodec", codec)
        index_paths([archive], where / "ix", jobs=1, progress=False, clock=lambda: 1_600_000_000.0)
    monkeypatch.undo()
    return open_index(where / "ix")


#: Queries Whoosh itself scores (its matchers, block-quality skipping and collector).
WHOOSH_QUERIES = ["said", "idlib sochi", "idlib OR talks", '"joint patrols"', "talk*", "ceasefire NOT sochi"]


def _answers(ix) -> tuple[list[str], list[str]]:
    """The engine's JSON answers to QUERIES and Whoosh's own (id, score) top 20 of WHOOSH_QUERIES;
    and the codecs of the index's segments."""
    import json

    from whoosh.qparser import QueryParser

    from search import schema as S
    from search.engine import search
    from search.facets import FacetCache
    from search.request import SearchRequest

    with ix.searcher() as searcher:
        cache = FacetCache()
        answers = []
        for args in QUERIES:
            result = search(searcher, SearchRequest.from_args(args), facet_cache=cache, time_budget=None)
            result.took_ms = 0.0
            answers.append(json.dumps(result.to_dict(), ensure_ascii=False))
        parser = QueryParser(S.BODY, ix.schema)
        for text in WHOOSH_QUERIES:
            hits = searcher.search(parser.parse(text), limit=20)
            answers.append(json.dumps([(hit[S.ID], hit.score) for hit in hits] + [len(hits)]))
    return answers, sorted(type(segment.codec()).__name__ for segment in ix._segments())


def test_w3_dateline_and_mixed_indexes_give_identical_answers(tmp_path, monkeypatch):
    """Totals, ids, scores, snippets, facets: the JSON of every answer is the same whether the
    segments are W3 (earlier versions), Dateline, or W3 then Dateline (an old index added to)."""
    import json

    w3, w3_codecs = _answers(_generated(tmp_path / "w3", [W3Codec, W3Codec], monkeypatch))
    ours, our_codecs = _answers(_generated(tmp_path / "ours", [D.DatelineCodec] * 2, monkeypatch))
    mixed, mixed_codecs = _answers(_generated(tmp_path / "mixed", [W3Codec, D.DatelineCodec], monkeypatch))
    merged, merged_codecs = _answers(_generated(tmp_path / "merged", [W3Codec, D.DatelineCodec], monkeypatch,
                                                final_merge=True))
    assert set(w3_codecs) == {"W3Codec"} and set(our_codecs) == {"DatelineCodec"}
    assert set(mixed_codecs) == {"W3Codec", "DatelineCodec"}
    assert merged_codecs == ["DatelineCodec"]  # the second run's final merge rewrote both
    assert ours == w3
    assert mixed == w3
    assert merged == w3
    shapes = [json.loads(a) for a in w3[:len(QUERIES)]]
    assert sum(bool(a["hits"]) for a in shapes) >= len(QUERIES) - 1
    assert shapes[3]["total"] > 0 and shapes[4]["total"] > 0  # the phrases match something
    whoosh = [json.loads(a) for a in w3[len(QUERIES):]]
    assert all(hits[-1] > 0 for hits in whoosh) and len(whoosh) == len(WHOOSH_QUERIES)


def test_phrases_read_dateline_positions_as_arrays(tmp_path):
    """The fast path: a Dateline segment's positions reach the phrase matcher as arrays, never
    as encoded values (fails if the engine silently falls back to decoding pickles)."""
    from index.segments import FastSegmentWriter
    from index.storage import create_index
    from search import schema as S
    from search.postings import leaf_postings, leaf_readers

    ix = create_index(tmp_path / "ix")
    writer = FastSegmentWriter(ix)
    for n in range(300):
        writer.add_document(**{S.ID: f"a{n}", S.BODY: f"joint patrols resumed {'joint patrols ' * (n % 3)}"})
    writer.commit()
    with ix.searcher() as searcher:
        ((leaf, _offset),) = leaf_readers(searcher)
        found = leaf_postings(leaf, S.BODY, "joint", weights=True, values=True)
        assert isinstance(found.values, PositionArrays)
        assert found.values.counts.tolist() == [1 + n % 3 for n in range(300)]
        assert found.weights.tolist() == [float(1 + n % 3) for n in range(300)]


@pytest.mark.parametrize("boost", [1.0, 2.0, 1.5])
def test_position_arrays_encode_to_the_same_blocks_as_encoded_values(boost):
    """DatelineTermWriter.position_blocks (positions as arrays) writes the bytes encoded_blocks
    writes for Whoosh's encoded Positions values."""
    rng = random.Random(5)
    for count in (1, 2, 7, 512, 513, 1500):
        ids = sorted(rng.sample(range(200_000), count))
        poslists = [sorted(rng.sample(range(70_000 if i % 9 == 0 else 300), rng.choice([1, 1, 2, 3, 260])))
                    for i in range(count)]
        freqs = [len(poses) for poses in poslists]
        deltas = [pos - prev for poses in poslists for prev, pos in zip([0, *poses[:-1]], poses, strict=True)]
        lengths = [rng.randrange(0, 5000) for _ in range(200_000)]
        storage = RamStorage()
        schema = fields.Schema(body=fields.TEXT(phrase=True))
        segment = D.DatelineCodec().new_segment(storage, "ix")
        fieldwriter = D.DatelineCodec().field_writer(storage, segment)
        fieldwriter.start_field("body", schema["body"])
        writer = D.DatelineTermWriter(fieldwriter)
        for level in (0, 3):
            values = [POSITIONS.encode(poses) for poses in poslists]
            weights = np.array([f * boost for f in freqs], dtype=np.float32).tolist()
            reference = D.TermStats()
            block_lengths = [lengths[i] for i in ids]
            expected = writer.encoded_blocks(ids, weights, values, block_lengths, level, reference)
            stats = D.TermStats()
            assert writer.position_blocks(ids, freqs, deltas, boost, lengths, level, stats) == expected
            def summary(info):
                return (info.weight(), info.doc_frequency(), info.min_length(), info.max_length(),
                        info.max_weight(), info.min_id(), info.max_id())

            assert summary(stats.info) == summary(reference.info)


def _blockwise(data, weights: bool, positions: bool) -> dict:
    """A term decoded block by block with :class:`Decoded` (the reader before whole-term
    decoding), as plain lists with their dtypes."""
    decoded = [D.Decoded(block.payload(data), block.count, block.base, want_positions=positions)
               for block in D.blocks(data)]
    found = {"ids": np.concatenate([d.ids for d in decoded])}
    if weights:
        found["weights"] = np.concatenate([d.weights if d.weights is not None else np.ones(len(d.ids))
                                           for d in decoded])
    if positions and all(d.kind == D.VALUES_POSITIONS for d in decoded):
        found["positions"] = np.concatenate([d.positions for d in decoded])
        found["counts"] = np.concatenate([d.counts for d in decoded])
    elif positions:
        found["values"] = [v for d in decoded for v in d.encoded_values()]
    return {k: (v.dtype.str, v.tolist()) if isinstance(v, np.ndarray) else v for k, v in found.items()}


def _as_lists(arrays, weights: bool, positions: bool) -> dict:
    found = {"ids": arrays.ids}
    if weights:
        found["weights"] = arrays.weights
    if positions and arrays.values is None:
        found["positions"], found["counts"] = arrays.positions, arrays.counts
    elif positions:
        found["values"] = arrays.values
    return {k: (v.dtype.str, v.tolist()) if isinstance(v, np.ndarray) else v for k, v in found.items()}


@pytest.mark.parametrize("fmt", [POSITIONS, CHARACTERS, FIXED, EXISTENCE],
                         ids=["positions", "characters", "fixed-size", "existence"])
@pytest.mark.parametrize(("compression", "blocklimit"), [(0, 512), (3, 512), (3, 100)])
def test_whole_term_decoding_equals_block_by_block_decoding(fmt, compression, blocklimit):
    """``term_arrays`` (all blocks in one numpy pass each, weights without inflating positions)
    gives exactly what decoding each block with ``Decoded`` gives: same values, same dtypes, on
    random terms of one to many blocks, every id, weight and position width, raw and deflated."""
    terms = _terms(11, fmt)
    codec = D.DatelineCodec(blocklimit=blocklimit, compression=compression)
    storage, segment = _write(codec, fmt, terms, whole_terms=True)
    reader = codec.terms_reader(storage, segment)
    for tbytes, _postings in terms:
        data = reader.matcher("f", tbytes, fmt).term_bytes
        for weights in (False, True):
            for positions in (False, True):
                arrays = D.term_arrays(data, weights=weights, positions=positions)
                assert _as_lists(arrays, weights, positions) == _blockwise(data, weights, positions)


def test_whole_term_decoding_takes_its_fast_paths(monkeypatch):
    """Positions terms never fall back to block-by-block decoding, a term read without its
    positions is inflated only up to its weights (fewer bytes than the payloads), and whole
    blocks are inflated by ISA-L (a declared dependency: no silent fallback to zlib)."""
    terms = _terms(12, POSITIONS)
    codec = D.DatelineCodec()
    storage, segment = _write(codec, POSITIONS, terms, whole_terms=True)
    reader = codec.terms_reader(storage, segment)
    datas = [reader.matcher("f", tbytes, POSITIONS).term_bytes for tbytes, _postings in terms]
    full = sum(len(block.payload(data)) for data in datas for block in D.blocks(data))
    prefix = sum(len(D._inflated_prefix(data, block)) for data in datas for block in D.blocks(data))
    assert prefix < full / 2

    def refuse(*args, **kwargs):
        raise AssertionError("block-by-block decoding")

    monkeypatch.setattr(D, "Decoded", refuse)
    monkeypatch.setattr(D.Block, "payload", lambda *a: refuse())
    for data in datas:
        D.term_arrays(data, weights=True)  # without positions: no whole payload inflated
    monkeypatch.undo()
    monkeypatch.setattr(D, "Decoded", refuse)
    inflated = []
    monkeypatch.setattr(D, "inflate", lambda raw: inflated.append(raw) or isal_zlib.decompress(raw))
    for data in datas:
        D.term_arrays(data, weights=True, positions=True)
    assert len(inflated) == sum(block.flags & D.COMPRESSED for data in datas for block in D.blocks(data)) > 0


def test_position_arrays_from_deltas_take_the_same_positions():
    """Positions summed from deltas when taken equal those summed for the whole term."""
    rng = random.Random(5)
    counts = np.array([rng.choice((1, 2, 5, 40)) for _ in range(300)], dtype=np.int64)
    deltas = np.array([rng.choice((0, 1, 3, 70_000)) for _ in range(int(counts.sum()))], dtype=np.int64)
    whole = PositionArrays(D.positions_from_deltas(deltas, counts), counts)
    lazy = PositionArrays.from_deltas(deltas, counts)
    for where in (np.arange(300), np.array([0, 7, 299]), np.array(sorted(rng.sample(range(300), 90)))):
        assert [a.tolist() for a in lazy.take(where)] == [a.tolist() for a in whole.take(where)]
    assert [lazy[i] for i in range(300)] == [whole[i] for i in range(300)]
    assert lazy.positions.tolist() == whole.positions.tolist()


def _random_terms(rng: random.Random, nterms: int) -> tuple[list[bytes], list[list[int]], list[list]]:
    """Sorted terms, each with its ascending document numbers and per-posting positions: most with
    a posting or two, some with 8 to 1,500 (several blocks); document numbers and positions
    spanning 1, 2 and 4 bytes, frequencies up to 260."""
    terms = sorted({f"t{rng.randrange(10**6)}".encode() for _ in range(nterms)})
    ids, positions = [], []
    for i in range(len(terms)):
        count = rng.choice([1, 1, 1, 2, 3, 7]) if i % 6 else rng.choice([8, 9, 600, 1500])
        ids.append(sorted(rng.sample(range(2000 if i % 4 else 200_000), count)))
        positions.append([sorted(rng.sample(range(70_000 if j % 9 == 0 else 300),
                                            rng.choice([1, 1, 2, 3, 260] if i % 5 == 0 else [1, 1, 2])))
                          for j in range(count)])
    return terms, ids, positions


def _dateline_field_files(write) -> dict[str, bytes]:
    """The postings and term-table files of one Dateline field writer after ``write(writer)``."""
    storage = RamStorage()
    codec = D.DatelineCodec()
    segment = codec.new_segment(storage, "MAIN")
    fieldwriter = codec.field_writer(storage, segment)
    fieldwriter.start_field("body", fields.Schema(body=fields.TEXT(phrase=True))["body"])
    write(D.DatelineTermWriter(fieldwriter))
    fieldwriter.finish_field()
    fieldwriter.close()
    return {name.split(".", 1)[1]: bytes(storage.files[name]) for name in storage.list()}


@pytest.mark.parametrize("boost", [1.0, 2.0, 1.5])
def test_position_terms_write_what_position_blocks_write_term_by_term(boost, monkeypatch):
    """DatelineTermWriter.position_terms (a batch of terms as arrays; the few-postings terms
    encoded together by numpy) writes the same postings and term-table bytes as position_blocks
    and finish one term at a time; terms with 8 or more postings are compressed."""
    rng = random.Random(11)
    terms, ids, positions = _random_terms(rng, 400)
    lengths = [0 if d % 11 == 0 else rng.choice([1, 3, 90, 5000, 200_000]) for d in range(200_000)]
    freqs = [[len(poses) for poses in term] for term in positions]
    deltas = [[pos - prev for poses in term for prev, pos in zip([0, *poses[:-1]], poses, strict=True)]
              for term in positions]
    few = [len(term_ids) < 8 for term_ids in ids]

    def one_by_one(writer):
        for i, tbytes in enumerate(terms):
            stats = D.TermStats()
            level = 0 if few[i] else writer.compression
            parts = writer.position_blocks(ids[i], freqs[i], deltas[i], boost, lengths, level, stats)
            writer.finish(tbytes, parts, stats)

    encoded = {"few_postings_blocks": 0, "many_postings_blocks": 0}  # terms encoded by numpy

    def counting(name):
        real = getattr(D, name)

        def count(ids, freqs, deltas, bounds, *args):
            encoded[name] += len(bounds) - 1
            return real(ids, freqs, deltas, bounds, *args)
        return count

    for name in encoded:
        monkeypatch.setattr(D, name, counting(name))

    def batched(writer, cut=(0, 150, 151, 400)):
        for lo, hi in zip(cut[:-1], cut[1:], strict=True):  # three batches, one of a single term
            bounds = np.cumsum([0, *map(len, ids[lo:hi])])
            writer.position_terms(terms[lo:hi], np.array([d for t in ids[lo:hi] for d in t]),
                                  np.array([f for t in freqs[lo:hi] for f in t]),
                                  np.array([d for t in deltas[lo:hi] for d in t], dtype=np.uint32), bounds,
                                  np.array(few[lo:hi]), boost, lengths)

    reference = _dateline_field_files(one_by_one)
    assert set(reference) == {"pst", "trm"}
    assert _dateline_field_files(batched) == reference
    # Integral boosts take the numpy paths for every term; 1.5 (float weights) none.
    integral = boost != 1.5
    assert encoded == {"few_postings_blocks": sum(few) if integral else 0,
                       "many_postings_blocks": len(terms) - sum(few) if integral else 0}
    assert sum(few) > 300 and len(terms) - sum(few) > 50


@pytest.mark.parametrize("weight", [1.0, 2.0, 1.5])
def test_valueless_terms_write_what_encoded_blocks_write_term_by_term(weight, monkeypatch):
    """DatelineTermWriter.valueless_terms (terms of a format without values, e.g. the id and date
    fields, as arrays) writes what encoded_blocks and finish write term by term; integral weights
    take the numpy paths."""
    rng = random.Random(3)
    terms, ids, _positions = _random_terms(rng, 300)
    lengths = [0] * 200_000  # fields without values are not scored: no lengths
    weights = [[weight * (1 + (d % 3 == 0)) for d in term] for term in ids]
    few = [len(term_ids) < 8 for term_ids in ids]
    called = []
    real = D.many_postings_blocks
    monkeypatch.setattr(D, "many_postings_blocks", lambda *args: called.append(1) or real(*args))

    def one_by_one(writer):
        for i, tbytes in enumerate(terms):
            stats = D.TermStats()
            parts = writer.encoded_blocks(ids[i], weights[i], [], [0] * len(ids[i]),
                                          0 if few[i] else writer.compression, stats)
            writer.finish(tbytes, parts, stats)

    def batched(writer):
        writer.valueless_terms(terms, np.array([d for t in ids for d in t]),
                               np.array([w for t in weights for w in t], dtype=np.float32),
                               np.cumsum([0, *map(len, ids)]), np.array(few), lengths)

    reference = _dateline_field_files(one_by_one)
    assert _dateline_field_files(batched) == reference
    assert called == ([] if weight == 1.5 else [1])


def test_length_bytes_are_whooshs_length_to_byte():
    from whoosh.util.numeric import length_to_byte

    lengths = np.concatenate((np.arange(0, 3000), np.arange(3000, 250_000, 37), [106_373, 106_374, 10**9]))
    assert D.length_bytes(lengths).tolist() == [length_to_byte(int(n)) for n in lengths]


def test_blocks_are_deflated_by_isal(monkeypatch):
    """Postings blocks are deflated by ISA-L at ``BLOCK_ISAL_LEVEL`` with the codec's window
    (counted: fails if the fast path silently stops being taken); the stream inflates to the
    payload; level 0 and short payloads are not deflated."""
    assert D.isal_deflate is isal_zlib.compress
    calls = []
    monkeypatch.setattr(D, "isal_deflate", lambda data, level, wbits: calls.append((level, wbits))
                        or isal_zlib.compress(data, level, wbits))
    payload = bytes(range(40)) * 20
    flags, deflated = D._deflated(payload, 3)
    assert flags == D.COMPRESSED and calls == [(D.BLOCK_ISAL_LEVEL, D.DEFLATE_WBITS)]
    assert D.inflate(deflated) == payload and len(deflated) < len(payload)
    assert D._deflated(payload, 0) == (0, payload)
    assert D._deflated(payload[:D.MIN_DEFLATE - 1], 3) == (0, payload[:D.MIN_DEFLATE - 1])
    assert len(calls) == 1
