"""Copy clusters at index time (index.copies): signatures, incremental joins, splits, determinism."""

from __future__ import annotations

import hashlib
import random
import sqlite3
import zlib

import numpy as np
from copy_texts import OTHER, STORY, shuffled
from datasketch import MinHash

import index.copies as copies
from index.copies import (
    BANDS,
    MIN_WORDS,
    NUM_PERM,
    SEED,
    CopyClusters,
    band_keys,
    bucket_keys,
    signature,
    similarity,
)
from search.copies import COPIES_NAME


def test_signature_is_deterministic_and_ignores_paragraph_order():
    sig = signature(STORY)
    assert sig is not None and len(sig) == NUM_PERM * 4 == 256
    assert signature(STORY) == sig
    assert signature(shuffled(STORY, 3)) == sig  # shingles never cross a paragraph break
    assert similarity(sig, signature(OTHER)) < 0.2


def test_short_bodies_are_not_clustered():
    assert signature(" ".join(["word"] * (MIN_WORDS - 1))) is None
    assert signature("") is None


def test_lightly_edited_copy_is_similar():
    edited = STORY.replace("on Thursday", "on Thursday, TASS reports,") + "\nSubscribe to our newsletter."
    assert similarity(signature(STORY), signature(edited)) >= 0.7


def test_incremental_join_merge_and_split(tmp_path):
    sig, other = signature(STORY), signature(OTHER)
    with CopyClusters(tmp_path) as copies:
        copies.update([("b", sig), ("x", other)])
        assert copies.clusters() == []
        copies.update([("c", sig)])  # a later run: joins b's cluster
        assert copies.clusters() == [["b", "c"]]
        copies.update([("a", sig), ("y", other)])
        assert copies.clusters() == [["a", "b", "c"], ["x", "y"]]
        copies.update([], removed=["a"])
        assert copies.clusters() == [["b", "c"], ["x", "y"]]
        copies.update([("c", other)])  # c changed into a copy of the other story
        assert copies.clusters() == [["c", "x", "y"]]
        copies.update([("y", None)])  # y became too short to cluster
        assert copies.clusters() == [["c", "x"]]


def _paragraphs(count: int) -> list[str]:
    """Distinct made-up paragraphs of 12 words each (9 shingles)."""
    rng = random.Random(7)
    words = [f"w{n}" for n in range(5000)]
    return [" ".join(rng.sample(words, 12)) for _ in range(count)]


def test_a_removed_link_splits_its_cluster(tmp_path):
    # b holds a and c, which share too little with each other: one cluster only through b.
    paragraphs = _paragraphs(11)
    a, b, c = ("\n".join(paragraphs[i:j]) for i, j in ((0, 9), (0, 11), (2, 11)))
    assert similarity(signature(a), signature(c)) < 0.7  # true similarity 7/11
    assert similarity(signature(a), signature(b)) >= 0.7 and similarity(signature(b), signature(c)) >= 0.7
    with CopyClusters(tmp_path) as copies:
        copies.update([("a", signature(a)), ("c", signature(c))])
        assert copies.clusters() == []
        copies.update([("b", signature(b))])
        assert copies.clusters() == [["a", "b", "c"]]
        copies.update([], removed=["b"])
        assert copies.clusters() == []


def test_clusters_do_not_depend_on_arrival_order(tmp_path):
    items = [(f"s{k}", signature(shuffled(STORY, k))) for k in range(4)]
    items += [(f"o{k}", signature(shuffled(OTHER, k))) for k in range(3)]
    results = []
    for n, order in enumerate((items, items[::-1], items[2:] + items[:2])):
        (tmp_path / str(n)).mkdir()
        with CopyClusters(tmp_path / str(n)) as copies:
            for item in order:
                copies.update([item])
            results.append(copies.clusters())
    assert results[0] == results[1] == results[2] == [["o0", "o1", "o2"], ["s0", "s1", "s2", "s3"]]


def _signature_128(body: str) -> bytes:
    """The 128-value signature that layout 2 stored (before issue 14's cost work)."""
    reference = MinHash(num_perm=128, seed=SEED, hashfunc=int, scheme="affine32")
    reference.update_batch(_reference_shingles(body))
    return reference.hashvalues.astype("<u4").tobytes()


def _layout_2_sidecar(folder, members: list[tuple[str, str, bytes]]) -> None:
    """A sidecar as version 2 wrote it: 128-value signatures, bytes bucket keys of 20 x 5 bands."""
    db = sqlite3.connect(folder / COPIES_NAME)
    db.executescript("""
        CREATE TABLE members (num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, cluster TEXT NOT NULL,
                              sig BLOB NOT NULL);
        CREATE INDEX members_by_cluster ON members(cluster);
        CREATE TABLE buckets (key BLOB NOT NULL, num INTEGER NOT NULL, PRIMARY KEY (key, num)) WITHOUT ROWID;
        PRAGMA user_version = 2;
    """)
    for article_id, label, sig in members:
        num = db.execute("INSERT INTO members (id, cluster, sig) VALUES (?, ?, ?)",
                         (article_id, label, sig)).lastrowid
        db.executemany("INSERT INTO buckets VALUES (?, ?)",
                       ((bytes([b]) + sig[b * 20:(b + 1) * 20], num) for b in range(20)))
    db.commit()
    db.close()


def test_an_older_sidecar_is_cut_to_current_signatures_and_reclustered(tmp_path):
    paragraphs = _paragraphs(11)
    a, b, c = ("\n".join(paragraphs[i:j]) for i, j in ((0, 9), (0, 11), (2, 11)))
    bodies = {"s1": STORY, "s2": shuffled(STORY, 2), "o1": OTHER, "pa": a, "pb": b, "pc": c}
    # Labels as layout 2 might have left them, deliberately wrong: every member in one cluster.
    (tmp_path / "old").mkdir()
    _layout_2_sidecar(tmp_path / "old", [(i, "o1", _signature_128(body)) for i, body in bodies.items()])
    (tmp_path / "new").mkdir()
    with CopyClusters(tmp_path / "new") as fresh:
        fresh.update([(i, signature(body)) for i, body in bodies.items()])
        expected = fresh.clusters()
    assert expected == [["pa", "pb", "pc"], ["s1", "s2"]]
    with CopyClusters(tmp_path / "old") as copies:
        assert copies.clusters() == expected
        stored = dict(copies._db.execute("SELECT id, sig FROM members"))
        assert stored == {i: signature(body) for i, body in bodies.items()}  # no 128-value signature left
        assert copies._db.execute("SELECT count(*) FROM buckets").fetchone()[0] == BANDS * len(bodies)
        copies.update([("s0", signature(shuffled(STORY, 9)))], removed=["pb"])  # usable as ever
        assert copies.clusters() == [["s0", "s1", "s2"]]
    with CopyClusters(tmp_path / "old") as copies:  # converted once
        assert copies._db.execute("PRAGMA user_version").fetchone()[0] == copies_module_layout()


def copies_module_layout() -> int:
    return copies._LAYOUT


def test_a_layout_1_sidecar_gets_its_buckets_back(tmp_path):
    with CopyClusters(tmp_path) as copies:
        copies.update([("a", signature(STORY))])
    db = sqlite3.connect(tmp_path / COPIES_NAME)
    db.execute("DELETE FROM buckets")
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with CopyClusters(tmp_path) as copies:
        copies.update([("b", signature(STORY))])
        assert copies.clusters() == [["a", "b"]]


def test_a_128_value_signature_compares_as_its_first_64_values():
    # OpenSearch documents written before keep their 128-value signatures and 20 band keys.
    old, new = _signature_128(STORY), signature(STORY)
    assert old[:NUM_PERM * 4] == new
    assert band_keys(old) == band_keys(new) and len(band_keys(new)) == BANDS == 12
    edited = signature(STORY.replace("on Thursday", "on Thursday, TASS reports,"))
    assert similarity(old, edited) == similarity(new, edited)


def test_bucket_keys_are_the_band_keys_as_63_bit_integers():
    sigs = [signature(shuffled(STORY, k)) for k in range(3)]
    sigs += [signature(OTHER), signature("\n".join(_paragraphs(3)))]
    for x in sigs:
        keys = bucket_keys(x)
        assert len(keys) == BANDS and all(0 <= k < 2**63 for k in keys)
        assert [k >> 59 for k in keys] == list(range(BANDS))
        for y in sigs:
            assert [p == q for p, q in zip(keys, bucket_keys(y), strict=True)] == \
                [p == q for p, q in zip(band_keys(x), band_keys(y), strict=True)]


# -- the signature's work: words hashed once, datasketch fed the ids in one batch ----------------
MIXED = (
    "Short line\n\n"
    "A paragraph\twith tabs,\r\nreturns and   several spaces between its words here.\n"
    "one\n"
    "two words\n"
    "Ünïcode İstanbul straße: lower-cased before hashing, like every other word.\n"
    "   \n"
    "The last paragraph repeats a paragraph: A paragraph with tabs, returns and spaces."
)


def _reference_shingles(body: str) -> list[int]:
    """The shingle ids spelled out one paragraph and one shingle at a time."""
    ids = []
    for line in body.lower().encode("utf-8").split(b"\n"):
        words = line.split()
        if len(words) >= 4:
            runs = [words[i:i + 4] for i in range(len(words) - 3)]
        else:  # a short paragraph is one shingle; an empty line none
            runs = [words] if words else []
        for run in runs:
            value = 0
            for word in run:
                value = (value * 1000003 + zlib.crc32(word)) & 0xFFFFFFFF
            ids.append(value)
    return ids


def test_signature_is_datasketch_minhash_of_the_shingle_ids():
    long = "\n".join(_paragraphs(200))  # 1,800 shingles: two batches
    for body in (STORY, OTHER, MIXED, shuffled(STORY, 5), long):
        # datasketch's documented path, one id per item; the signature is the first NUM_PERM of
        # its 128 seeded permutations' values.
        assert signature(body) == _signature_128(body)[:NUM_PERM * 4]


def test_signatures_did_not_change():
    # Stored signatures must stay comparable with new ones: changing them needs EXTRACTION_VERSION
    # bumped (every article is then re-extracted and re-signed), or, for a cut to fewer values of
    # the same permutations, a new sidecar layout that cuts the stored ones (index.copies._LAYOUT).
    assert hashlib.sha256(signature(STORY)).hexdigest()[:16] == "209e76bb0c60c4b3"


def test_each_word_is_hashed_once(monkeypatch):
    calls = {"crc32": 0}
    crc32 = zlib.crc32

    def counting_crc32(data):
        calls["crc32"] += 1
        return crc32(data)

    monkeypatch.setattr(copies.zlib, "crc32", counting_crc32)
    signature(STORY)  # 77 words
    assert calls == {"crc32": len(STORY.split())}
    calls.update(crc32=0)
    signature("\n".join(_paragraphs(200)))
    assert calls == {"crc32": 2400}


def test_min_hashes_are_datasketch_affine32_update_batch():
    # The numpy arithmetic against datasketch's own batch update (its id-major layout), on ids that
    # include the extremes and span three batches.
    ids = np.random.default_rng(7).integers(0, 2**32, size=2 * copies._BATCH + 5, dtype=np.uint32)
    ids[:3] = (0, 1, 2**32 - 1)
    reference = MinHash(num_perm=NUM_PERM, seed=SEED, hashfunc=int, permutations=copies._PERMUTATIONS,
                        scheme="affine32")
    reference.update_batch(ids.tolist())
    assert copies._min_hashes(ids).tolist() == reference.hashvalues.tolist()
    mixed = int(copies._fmix32(ids[:1])[0])
    assert copies._min_hashes(ids[:1]).tolist() == [
        (int(a) * mixed + int(b)) % 2**32 for a, b in zip(*copies._PERMUTATIONS, strict=True)
    ]
