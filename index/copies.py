"""Copy clusters: syndicated and duplicate copies of one text, grouped at index time.

Each article's cleaned body gets a MinHash signature (:func:`signature`, computed by the indexing
workers) over word shingles taken within paragraphs, so an outlet that reorders paragraphs or wraps
the story in its own boilerplate lines still publishes the same shingles.  The signatures live in a
sidecar database beside the Whoosh files (:data:`search.copies.COPIES_NAME`), with a banded
locality-sensitive hash table of them in SQLite, so a later run finds the candidates for a new
article without loading anything: the table is the persistent LSH index.

Two articles are *copies* when they share an LSH bucket and their estimated Jaccard similarity is at
least :data:`THRESHOLD`; a cluster is a connected component of that relation.  Components do not
depend on the order articles arrive in, so parallel workers, incremental runs and a rebuild give the
same clusters; a new article joins (and may join together) the clusters of its copies, and an
article that is deleted or changed splits its old cluster again if it was the link.  Each cluster
is labelled with its smallest article id.  Which member is the *original* (the earliest dated) is
decided at search time from the publication dates in the index (:mod:`search.copies`), so nothing
in the Whoosh documents changes when a cluster grows or its original changes.

MinHash is datasketch's (its seeded permutations, and its ``affine32`` arithmetic, computed here
in one numpy pass, :func:`_min_hashes`); the band layout follows datasketch's
``MinHashLSH`` with explicit parameters.  A signature is the first :data:`NUM_PERM` values of
datasketch's 128-permutation signature (seed 1), so the 128-value signatures of older indexes are
made current by cutting them (the sidecar does it when opened, :data:`_LAYOUT`; an OpenSearch
document's longer signature and band keys compare as they are, see :func:`similarity`).  Any other
change of the shingles or permutations changes every signature: bump ``EXTRACTION_VERSION`` with it
so the next run recomputes them.
"""

from __future__ import annotations

import sqlite3
import zlib
from collections.abc import Iterable
from itertools import chain
from pathlib import Path

import numpy as np
from datasketch import MinHash

from search.copies import COPIES_NAME

#: Permutations per signature (standard error of the estimated Jaccard similarity at 0.7:
#: sqrt(0.7 * 0.3 / 64) = 0.057).  Issue 14's cost target: 128 before (0.04).
NUM_PERM = 64
#: Fixed seed: the same text gets the same signature in every process and run.
SEED = 1
#: Words per shingle (taken within a paragraph; a shorter paragraph is one shingle).
SHINGLE_WORDS = 4
#: Bodies with fewer words are not clustered: a few words are boilerplate more often than a story.
MIN_WORDS = 20
#: Estimated Jaccard similarity from which two articles are copies.  On AllSides' Syria/Idlib
#: articles the most similar *distinct* pair (a story and its rewrite, same outlet and day) is at
#: 0.58, and paragraph-shuffled replicas are at 0.70 or more (docs/duplicates.md).
THRESHOLD = 0.7
#: LSH bands x rows per band (60 of the 64 values).  A pair at similarity s becomes a candidate
#: with probability 1 - (1 - s^5)^12: 0.89 at 0.7, 0.99 at 0.8, 0.9995 at 0.9, 0.12 at 0.4.  The
#: bands are the first 12 of the former 20 x 5 layout, so an older OpenSearch document's stored
#: band keys contain a new article's keys.
BANDS, ROWS = 12, 5

_SCHEME = "affine32"
#: The first NUM_PERM of datasketch's 128 seeded permutations (not its 64-permutation draw), so a
#: signature is a prefix of the 128-value signature that earlier versions stored.
_PERMUTATIONS = np.ascontiguousarray(
    MinHash(num_perm=128, seed=SEED, scheme=_SCHEME).permutations[:, :NUM_PERM])
#: Bytes of a signature.
SIG_BYTES = NUM_PERM * 4
_MULTIPLIER = np.uint32(1000003)
#: Shingle ids per batch in :func:`_min_hashes` (the result does not depend on it): its
#: permutations x ids temporary stays at 256 KB.
_BATCH = 1024

_SCHEMA = """
CREATE TABLE IF NOT EXISTS members (
    num INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, cluster TEXT NOT NULL, sig BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS members_by_cluster ON members(cluster);
CREATE TABLE IF NOT EXISTS buckets (key INTEGER NOT NULL, num INTEGER NOT NULL, PRIMARY KEY (key, num))
    WITHOUT ROWID;
"""
#: ``PRAGMA user_version`` of the sidecar's layout; a sidecar of an older layout is brought up to
#: date from its stored signatures when opened (:meth:`CopyClusters._relayout`).  1: hashed 64-bit
#: band keys; 2: 128-value signatures, band keys as bytes; 3: 64-value signatures, integer keys.
_LAYOUT = 3


def _shingles(body: str) -> np.ndarray | None:
    """32-bit ids of the body's word shingles (uint32 array), or None when the body is too short.

    Shingles are taken within paragraphs (lines); a paragraph shorter than a shingle is one
    shingle.  Each word is hashed once (crc32, in one C-level ``map``) and a shingle's id combines
    its words' hashes, ``((h0 * M + h1) * M + h2) * M + h3`` modulo 2**32, computed for the whole
    body at once with numpy; only the few short paragraphs are combined in Python.  Caching the
    hash per distinct word was measured slower: a dict lookup of a freshly split bytes object hashes
    it too.  The ids are mixed (MurmurHash3 finaliser) before the permutations, as datasketch's
    ``affine32`` scheme does, which its documentation gives as the way to feed structured ids.
    """
    lines = [line.split() for line in body.lower().encode("utf-8").split(b"\n")]
    words = list(chain.from_iterable(lines))
    count = len(words)
    if count < MIN_WORDS:
        return None
    hashed = np.fromiter(map(zlib.crc32, words), dtype=np.uint32, count=count)
    lengths = list(map(len, lines))
    paragraph = np.repeat(np.arange(len(lines), dtype=np.int32), lengths)  # of each word
    shingles = hashed
    for offset in range(1, SHINGLE_WORDS):  # shingles[i]: the shingle of words i .. i + 3
        shingles = shingles[:-1] * _MULTIPLIER + hashed[offset:]
    ids = shingles[paragraph[:count - SHINGLE_WORDS + 1] == paragraph[SHINGLE_WORDS - 1:]]
    if any(0 < n < SHINGLE_WORDS for n in lengths):
        short, start = [], 0
        for n in lengths:
            if 0 < n < SHINGLE_WORDS:
                value = 0
                for word_hash in hashed[start:start + n].tolist():
                    value = (value * int(_MULTIPLIER) + word_hash) & 0xFFFFFFFF
                short.append(value)
            start += n
        ids = np.concatenate((ids, np.array(short, dtype=np.uint32)))
    return ids


def _fmix32(values: np.ndarray) -> np.ndarray:
    """MurmurHash3's 32-bit finaliser, element-wise with wrapping arithmetic: datasketch's pre-mix
    of the input hashes in its ``affine32`` scheme."""
    values = values ^ (values >> _FMIX_SHIFTS[0])
    values = values * _FMIX_MULTIPLIERS[0]
    values = values ^ (values >> _FMIX_SHIFTS[1])
    values = values * _FMIX_MULTIPLIERS[1]
    return values ^ (values >> _FMIX_SHIFTS[2])


_FMIX_SHIFTS = tuple(np.uint32(s) for s in (16, 13, 16))
_FMIX_MULTIPLIERS = (np.uint32(0x85EBCA6B), np.uint32(0xC2B2AE35))
#: The permutations as columns (a, b of ``a * h + b``), for the permutation-major products below.
_A_COLUMN = np.ascontiguousarray(_PERMUTATIONS[0][:, None])
_B_COLUMN = np.ascontiguousarray(_PERMUTATIONS[1][:, None])


def signature(body: str) -> bytes | None:
    """MinHash signature of a cleaned body (``NUM_PERM`` uint32 values), or None if too short."""
    shingles = _shingles(body)
    if shingles is None:
        return None
    return _min_hashes(shingles).astype("<u4").tobytes()


def _min_hashes(ids: np.ndarray) -> np.ndarray:
    """datasketch's ``affine32`` MinHash of already-hashed ids: per permutation (a, b), the minimum
    of ``a * fmix32(id) + b`` modulo 2**32.

    The same arithmetic as ``MinHash.update_batch``, laid out permutation-major (one row per
    permutation, the ids along it): the minimum then runs along contiguous rows, and the product
    is made in place; datasketch's id-major (ids x permutations) layout, reduced across rows, cost
    half as much again.  A test checks the values against datasketch fed one id at a time.  In
    batches of ``_BATCH`` ids, so the temporary stays at 256 KB.
    """
    mixed = _fmix32(ids)
    result = None
    for start in range(0, len(mixed), _BATCH):
        products = np.multiply(_A_COLUMN, mixed[start:start + _BATCH])
        products += _B_COLUMN
        batch = products.min(axis=1)
        result = batch if result is None else np.minimum(result, batch)
    return result


def _values(sig: bytes) -> np.ndarray:
    return np.frombuffer(sig, dtype="<u4")


def similarity(a: bytes, b: bytes) -> float:
    """Estimated Jaccard similarity of two signatures: the share of equal values.

    This is datasketch's ``MinHash.jaccard``; computed here on the stored values because building
    two ``LeanMinHash`` objects per comparison cost ten times the comparison.  Only the first
    ``NUM_PERM`` values count, so a 128-value signature stored by an older version (an OpenSearch
    document) compares exactly as its current 64-value signature would.
    """
    return float(np.count_nonzero(_values(a[:SIG_BYTES]) == _values(b[:SIG_BYTES]))) / NUM_PERM


def band_keys(sig: bytes) -> list[bytes]:
    """The signature's LSH buckets: per band, the band number and the band's values (as
    datasketch's ``MinHashLSH`` keys its buckets by the band's bytes).  OpenSearch stores these."""
    step = ROWS * 4
    return [bytes([band]) + sig[band * step:(band + 1) * step] for band in range(BANDS)]


_KEY_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)
_KEY_BANDS = np.arange(BANDS, dtype=np.uint64) << np.uint64(59)


def bucket_keys(sig: bytes) -> list[int]:
    """The sidecar's integer keys of the same buckets as :func:`band_keys`: per band, the band
    number in bits 59-62 and a 59-bit hash of its values (multiply-add modulo 2**64, one numpy
    pass for all bands).  A collision only costs a comparison: candidates are verified."""
    rows = np.frombuffer(sig, dtype="<u4", count=BANDS * ROWS).reshape(BANDS, ROWS).astype(np.uint64)
    key = rows[:, 0]
    with np.errstate(over="ignore"):
        for row in range(1, ROWS):
            key = key * _KEY_MULTIPLIER + rows[:, row]
    return ((key >> np.uint64(5)) | _KEY_BANDS).tolist()


class CopyClusters:
    """The copy-cluster sidecar of one index directory (written only by ``index.writer``).

    Unlike the manifest, it is updated just *before* the Whoosh commit that holds the articles, so
    no search sees a new index generation with old clusters; a search ignores members the index
    does not hold, and after a crash the rerun sends the same articles and rewrites their rows.
    """

    def __init__(self, index_dir: str | Path) -> None:
        self.path = Path(index_dir) / COPIES_NAME
        self._db = sqlite3.connect(self.path, isolation_level=None, timeout=60)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")  # rebuilt from the archive if ever lost
        self._db.executescript(_SCHEMA)
        if self._db.execute("PRAGMA user_version").fetchone()[0] != _LAYOUT:
            self._relayout()

    def _relayout(self) -> None:
        """Bring a sidecar of an older layout up to date from its stored signatures.

        Signatures longer than ``SIG_BYTES`` (layouts 1 and 2: 128 values) are cut to their first
        ``NUM_PERM`` values, which is exactly the current signature of the same body; the buckets
        are rebuilt and every cluster is recomputed (fewer values can estimate a pair on the other
        side of the threshold), so the result is what a rebuild would give.  A signature shorter
        than the current one cannot be completed: its article is left out of the clusters until it
        is indexed again.  One transaction: a crash leaves the old sidecar, converted next time.
        """
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DROP TABLE IF EXISTS bands")  # layout 1: hashed 64-bit keys
            db.execute("DROP TABLE buckets")  # layout 2: bytes keys
            db.execute(_SCHEMA.split(";")[2])  # CREATE TABLE buckets, integer keys
            db.execute("DELETE FROM members WHERE length(sig) < ?", (SIG_BYTES,))
            db.execute("UPDATE members SET sig = substr(sig, 1, ?) WHERE length(sig) > ?",
                       (SIG_BYTES, SIG_BYTES))
            rows = db.execute("SELECT num, id, sig FROM members").fetchall()
            db.executemany("INSERT OR IGNORE INTO buckets VALUES (?, ?)",
                           ((key, num) for num, _id, sig in rows for key in bucket_keys(sig)))
            self._recluster(rows)
            db.execute(f"PRAGMA user_version = {_LAYOUT}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _recluster(self, rows: list[tuple[int, str, bytes]]) -> None:
        """Label every member with its connected component (pairs sharing a bucket, verified)."""
        db = self._db
        sigs = {num: sig for num, _id, sig in rows}
        parent = {num: num for num in sigs}

        def find(num: int) -> int:
            while parent[num] != num:
                parent[num] = parent[parent[num]]
                num = parent[num]
            return num

        pairs = db.execute("SELECT DISTINCT a.num, b.num FROM buckets a JOIN buckets b "
                           "ON b.key = a.key AND b.num > a.num")
        for a, b in pairs:
            if find(a) != find(b) and similarity(sigs[a], sigs[b]) >= THRESHOLD:
                parent[find(b)] = find(a)
        label: dict[int, str] = {}
        for num, article_id, _sig in rows:
            root = find(num)
            label[root] = min(label.get(root, article_id), article_id)
        db.executemany("UPDATE members SET cluster = ? WHERE num = ?",
                       ((label[find(num)], num) for num, _id, _sig in rows))

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> CopyClusters:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- updates -------------------------------------------------------------------------------
    def update(self, added: Iterable[tuple[str, bytes | None]], removed: Iterable[str] = ()) -> None:
        """Apply one committed batch in one transaction.

        ``added``: (article id, signature or None) written (new or replaced; None: not clustered);
        ``removed``: ids deleted from the index.
        """
        added = list(added)
        db = self._db
        db.execute("BEGIN IMMEDIATE")
        try:
            # A replaced article leaves its old cluster first; clusters that lost a member are
            # split again at the end, once the new articles had the chance to hold them together.
            survivors = []
            for article_id in sorted({*removed, *(a for a, _sig in added)}):
                survivor = self._remove(article_id)
                if survivor is not None:
                    survivors.append(survivor)
            for article_id, sig in added:
                if sig is not None:
                    self._insert(article_id, sig)
            labels = set()
            for survivor in survivors:
                row = db.execute("SELECT cluster FROM members WHERE id = ?", (survivor,)).fetchone()
                if row is not None:
                    labels.add(row[0])
            for label in sorted(labels):
                self._split(label)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def _remove(self, article_id: str) -> str | None:
        """Drop one article; return another member of its cluster, if it had any."""
        db = self._db
        row = db.execute("SELECT num, cluster, sig FROM members WHERE id = ?", (article_id,)).fetchone()
        if row is None:
            return None
        num, label, sig = row
        db.executemany("DELETE FROM buckets WHERE key = ? AND num = ?", ((k, num) for k in bucket_keys(sig)))
        db.execute("DELETE FROM members WHERE num = ?", (num,))
        other = db.execute("SELECT id FROM members WHERE cluster = ? LIMIT 1", (label,)).fetchone()
        return other[0] if other else None

    def _copies_of(self, sig: bytes, keys: list[int], *, one_per_cluster: bool) -> list[tuple[int, str]]:
        """(num, cluster) of the indexed articles that are copies of ``sig``.

        With ``one_per_cluster``, a cluster's other candidates are not compared once one of its
        members is a copy: joining it needs one, and a cluster of thousands of identical notices
        then costs one comparison per new copy instead of thousands.
        """
        marks = ",".join("?" * len(keys))
        rows = self._db.execute(
            f"SELECT DISTINCT m.num, m.cluster, m.sig FROM buckets b JOIN members m ON m.num = b.num "
            f"WHERE b.key IN ({marks}) ORDER BY m.num", keys)
        found, joined = [], set()
        for num, label, other_sig in rows:
            if one_per_cluster and label in joined:
                continue
            if similarity(sig, other_sig) >= THRESHOLD:
                found.append((num, label))
                joined.add(label)
        return found

    def _insert(self, article_id: str, sig: bytes) -> None:
        db = self._db
        keys = bucket_keys(sig)
        labels = {label for _num, label in self._copies_of(sig, keys, one_per_cluster=True)}
        label = min([article_id, *labels])
        num = db.execute("INSERT INTO members (id, cluster, sig) VALUES (?, ?, ?)",
                         (article_id, label, sig)).lastrowid
        db.executemany("INSERT OR IGNORE INTO buckets VALUES (?, ?)", ((k, num) for k in keys))
        for old in labels - {label}:
            db.execute("UPDATE members SET cluster = ? WHERE cluster = ?", (label, old))

    def _split(self, label: str) -> None:
        """Relabel the connected components of the cluster ``label`` (after it lost a member)."""
        db = self._db
        rows = db.execute("SELECT num, id, sig FROM members WHERE cluster = ?", (label,)).fetchall()
        parent = {num: num for num, _id, _sig in rows}

        def find(num: int) -> int:
            while parent[num] != num:
                parent[num] = parent[parent[num]]
                num = parent[num]
            return num

        for num, _id, sig in rows:
            for other, _label in self._copies_of(sig, bucket_keys(sig), one_per_cluster=False):
                if other in parent:
                    parent[find(other)] = find(num)
        components: dict[int, list[tuple[int, str]]] = {}
        for num, article_id, _sig in rows:
            components.setdefault(find(num), []).append((num, article_id))
        for members in components.values():
            new_label = min(article_id for _num, article_id in members)
            db.executemany("UPDATE members SET cluster = ? WHERE num = ?",
                           ((new_label, num) for num, _id in members))

    # -- queries (tests and scripts; searches read the file through search.copies) ------------
    def clusters(self) -> list[list[str]]:
        """Every cluster with more than one member, as sorted id lists, sorted."""
        groups: dict[str, list[str]] = {}
        for article_id, label in self._db.execute("SELECT id, cluster FROM members"):
            groups.setdefault(label, []).append(article_id)
        return sorted(sorted(ids) for ids in groups.values() if len(ids) > 1)
