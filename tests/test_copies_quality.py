"""Copy-cluster quality on real archives (issue 14.1), through the real indexing path.

The full measurement (all of AllSides with its replicas, costs) is ``scripts/eval_clusters.py``;
these tests keep its claims true on the parts that run in seconds.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections import defaultdict
from pathlib import Path

import pytest

from index.copies import CopyClusters
from index.readers import read_paths
from index.writer import index_paths


def _clusters(index_dir: Path) -> list[list[str]]:
    with CopyClusters(index_dir) as copies:
        return copies.clusters()


def test_the_five_sample_articles_stay_five_clusters(sample_archive, tmp_path):
    index_paths([sample_archive], tmp_path / "ix", jobs=1, progress=False)
    assert _clusters(tmp_path / "ix") == []


@pytest.mark.corpora
def test_every_exact_duplicate_of_the_bbc_corpus_is_one_cluster(corpora, tmp_path):
    root = corpora / "bbc"
    by_bytes = defaultdict(list)
    for path in sorted(root.rglob("*.txt")):
        if path.name.lower() != "readme.txt":
            by_bytes[hashlib.sha256(path.read_bytes()).digest()].append(f"bbc/{path.relative_to(root)}")
    groups = [ids for ids in by_bytes.values() if len(ids) > 1]
    assert len(groups) == 98
    index_paths([root], tmp_path / "ix", jobs=2, progress=False)
    cluster_of = {i: n for n, ids in enumerate(_clusters(tmp_path / "ix")) for i in ids}
    assert [ids for ids in groups if len({cluster_of.get(i, i) for i in ids}) != 1] == []


@pytest.mark.corpora
def test_syria_subset_replicas_join_their_originals_and_articles_stay_apart(corpora, tmp_path):
    """The benchmark's replicas (paragraphs shuffled, another id) of the Syria/Idlib subset."""
    subset = corpora / "allsides" / "syria_idlib_subset"
    replicas = tmp_path / "replicas"
    replicas.mkdir()
    rng = random.Random(8)  # scripts/bench.py's SHUFFLE_SEED and shuffle
    with (replicas / "copy-1.jsonl").open("w", encoding="utf-8") as out:
        for item in read_paths([subset]):
            paragraphs = [p for p in item.body.split("\n") if p.strip()]
            rng.shuffle(paragraphs)
            out.write(json.dumps({"id": f"{item.id}-r1", "title": item.title, "text": "\n\n".join(paragraphs),
                                  "outlet": item.outlet, "date": item.published.isoformat()
                                  if item.published else None}) + "\n")
    index_paths([subset, replicas], tmp_path / "ix", jobs=2, progress=False)
    copied = [item.id for item in read_paths([subset])]
    # A JSONL record's article id is <folder>/<file>#<line>.
    pairs = {(article_id, f"replicas/copy-1.jsonl#{line}") for line, article_id in enumerate(copied, 1)}
    found = _clusters(tmp_path / "ix")
    joined = {tuple(ids[::-1]) for ids in found} & pairs
    assert len(pairs) == 436
    assert len(joined) / len(pairs) >= 0.95
    # No cluster holds two different articles of the subset (each is an article and its replica).
    assert [ids for ids in found if len(ids) != 2 or tuple(ids[::-1]) not in pairs] == []
